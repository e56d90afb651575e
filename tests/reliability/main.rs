//! Reliability: faults (killed writers, bad files in a batch, concurrent readers and
//! writers), hostile input, query limits, and properties over arbitrary input.

#[path = "../support/mod.rs"]
mod support;

mod faults;
mod input;
mod props;
mod query;
