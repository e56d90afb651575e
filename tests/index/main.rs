//! The index: its lifecycle on disk and in RAM, the synthetic corpus through the whole
//! pipeline, and the `index` example.

#[path = "../support/mod.rs"]
mod support;

mod api;
mod export;
mod example;
mod lifecycle;
mod references;
mod synth;
