//! whereas: full-text search over European Parliament resolutions.
//!
//! The pipeline, one module per stage: text in → units ([`segment`](mod@segment)) → entities
//! ([`entity`]) → names ([`name`]) → index → query → hits.
#![deny(missing_docs)]

mod error;

pub mod entity;
pub mod hit;
pub mod index;
pub mod name;
pub mod query;
pub mod segment;

pub use crate::entity::{Entity, EntityKind};
pub use crate::error::{Error, Result};
pub use crate::name::{compare, name_keys, token_keys, Channel, NameKeys, NameMatch, TokenKeys};
pub use crate::segment::{
    load, segment, segment_html, Noise, NoiseReason, Resolution, Segmenter, Span, SubPoint, Unit,
    UnitKind, Warning,
};
