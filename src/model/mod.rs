//! The data the stages hand each other: resolutions, their units, and the entities found in
//! them.
//!
//! Every stage depends on these types and none of them depends on a stage: the segmenter
//! produces [`Resolution`]s of [`Unit`]s, the entity stage fills [`Unit::entities`] with
//! [`Entity`]s, the index stores them and the search returns them. All of them serialise
//! with serde.

mod entity;
mod resolution;
mod unit;

pub use self::entity::{Entity, EntityKind};
pub use self::resolution::{Noise, NoiseReason, Resolution, Warning, OVERLONG_UNIT};
pub use self::unit::{Span, SubPoint, Unit, UnitKind};

/// English month names, lower case, January first: the one table that dates in titles,
/// in unit text and in generated corpora are read and written with.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
