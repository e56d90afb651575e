//! The index: its lifecycle on disk and in RAM, the synthetic corpus through the whole
//! pipeline, and the `index` example.

#[path = "../support/mod.rs"]
mod support;

mod api;
mod example;
mod export;
mod lifecycle;
mod references;
mod scale;
mod synth;
