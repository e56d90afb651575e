//! An entity found in a unit's text.

use serde::{Deserialize, Serialize};

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
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
///
/// New fields may be added: build one with [`Entity::new`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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

impl EntityKind {
    /// Every kind.
    pub const ALL: [EntityKind; 5] = [
        EntityKind::Person,
        EntityKind::Organisation,
        EntityKind::Place,
        EntityKind::Law,
        EntityKind::Date,
    ];

    /// The lower-case name used in JSON (`"organisation"`).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organisation => "organisation",
            EntityKind::Place => "place",
            EntityKind::Law => "law",
            EntityKind::Date => "date",
        }
    }
}

impl std::fmt::Display for EntityKind {
    /// The lower-case name, as [`EntityKind::as_str`].
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for EntityKind {
    type Err = crate::Error;

    /// The kind named `name`, in any case (`"Person"`, `"organisation"`).
    ///
    /// ```
    /// use whereas::EntityKind;
    /// assert_eq!("Organisation".parse::<EntityKind>()?, EntityKind::Organisation);
    /// assert_eq!(EntityKind::Place.to_string(), "place");
    /// assert!("people".parse::<EntityKind>().is_err());
    /// # Ok::<(), whereas::Error>(())
    /// ```
    fn from_str(name: &str) -> crate::Result<EntityKind> {
        EntityKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(name))
            .ok_or_else(|| {
                let known: Vec<&str> = EntityKind::ALL.iter().map(|k| k.as_str()).collect();
                crate::Error::InvalidArgument(format!(
                    "unknown entity kind {name:?} (one of {})",
                    known.join(", ")
                ))
            })
    }
}

impl Entity {
    /// An entity of `kind` whose text is `text` at byte `start` of its unit's text,
    /// normalised as itself (see [`Entity::normalized_as`]).
    ///
    /// ```
    /// use whereas::{Entity, EntityKind};
    ///
    /// let text = "whereas Mr Bokaev was arrested";
    /// let start = text.find("Bokaev").unwrap();
    /// let entity = Entity::new(EntityKind::Person, "Bokaev", start).normalized_as("Max Bokayev");
    /// assert_eq!(&text[entity.start..entity.end], "Bokaev");
    /// ```
    pub fn new(kind: EntityKind, text: impl Into<String>, start: usize) -> Entity {
        let text = text.into();
        Entity {
            kind,
            normalized: text.clone(),
            start,
            end: start + text.len(),
            text,
        }
    }

    /// The entity with this normalised form (the facet value).
    pub fn normalized_as(mut self, normalized: impl Into<String>) -> Entity {
        self.normalized = normalized.into();
        self
    }
}
