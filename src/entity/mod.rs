//! Units → entities: people, organisations, places, legal references and dates.

pub mod facet;

use serde::{Deserialize, Serialize};

use crate::segment::Resolution;

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

/// Finds the entities in one unit's text. PLACEHOLDER: replaced by the entity work.
pub fn extract(_text: &str) -> Vec<Entity> {
    Vec::new()
}

/// Fills [`crate::Unit::entities`] for every unit of a resolution.
pub fn annotate(resolution: &mut Resolution) {
    for unit in &mut resolution.units {
        unit.entities = extract(&unit.text);
    }
}
