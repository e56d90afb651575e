//! An entity found in a unit's text.

use serde::{Deserialize, Serialize};

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A named person.
    Person,
    /// An organisation, body, party, NGO, newspaper…
    Organisation,
    /// A country, city or region.
    Place,
    /// A legal reference: one article of one instrument, or a named instrument.
    Law,
    /// A calendar date or month.
    Date,
}

/// One entity found in a unit's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Person, organisation, place, law or date.
    pub kind: EntityKind,
    /// The text as it stands in the unit.
    pub text: String,
    /// The normalised form, used as the facet value.
    pub normalized: String,
    /// Byte offset of the first byte in the unit's text.
    pub start: usize,
    /// Byte offset one past the last byte in the unit's text.
    pub end: usize,
}
