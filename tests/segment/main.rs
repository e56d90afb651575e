//! Segmentation: the real corpus texts, the Parliament's document family, hand-written fixtures in every input format,
//! six re-renderings of each text, properties of the segmenter, and the `segment` example.

#[path = "../support/mod.rs"]
mod support;

mod corpus;
mod documents;
mod example;
mod fixtures;
mod formats;
mod props;
