//! Facet paths: where each entity, unit kind and resolution sits in the facet tree.
//!
//! Paths are returned as segments (`["person", "Max Bokayev"]`) so that the index can
//! build `tantivy::schema::Facet::from_path` without any escaping by hand.

use crate::entity::{Entity, EntityKind};
use crate::segment::UnitKind;

/// The root segment for an entity kind: `person`, `org`, `place`, `law`, `date`.
pub fn root(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organisation => "org",
        EntityKind::Place => "place",
        EntityKind::Law => "law",
        EntityKind::Date => "date",
    }
}

/// Facet segments for an entity: `/person/<normalized>`, …; dates (`YYYY-MM-DD` or
/// `YYYY-MM`) become `/date/YYYY/MM/DD` (or `/date/YYYY/MM`).
pub fn entity(entity: &Entity) -> Vec<String> {
    let mut path = vec![root(entity.kind).to_string()];
    match entity.kind {
        EntityKind::Date => path.extend(
            entity
                .normalized
                .split('-')
                .filter(|part| !part.is_empty())
                .map(str::to_string),
        ),
        _ => path.push(entity.normalized.clone()),
    }
    path
}

/// Facet segments for a unit kind: `/kind/recital`.
pub fn kind(kind: UnitKind) -> Vec<String> {
    vec!["kind".to_string(), kind.as_str().to_string()]
}

/// Facet segments for a resolution: `/resolution/TA-9-2021-0056`.
pub fn resolution(reference: &str) -> Vec<String> {
    vec!["resolution".to_string(), reference.to_string()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_split_into_levels() {
        let e = Entity {
            kind: EntityKind::Date,
            text: "11 February 2021".into(),
            normalized: "2021-02-11".into(),
            start: 0,
            end: 16,
        };
        assert_eq!(entity(&e), ["date", "2021", "02", "11"]);
    }

    #[test]
    fn an_acronym_and_its_full_name_share_a_facet() {
        let found = crate::entity::extract("the Democratic Choice of Kazakhstan (DCK) and");
        let paths: Vec<Vec<String>> = found.iter().map(entity).collect();
        assert_eq!(paths.len(), 2);
        assert_eq!(paths[0], ["org", "Democratic Choice of Kazakhstan"]);
        assert_eq!(paths[0], paths[1]);
        let month = crate::entity::extract("in June 2020");
        assert_eq!(entity(&month[0]), ["date", "2020", "06"]);
    }

    #[test]
    fn names_stay_one_segment() {
        let e = Entity {
            kind: EntityKind::Person,
            text: "Max Bokayev".into(),
            normalized: "Max Bokayev".into(),
            start: 0,
            end: 11,
        };
        assert_eq!(entity(&e), ["person", "Max Bokayev"]);
        assert_eq!(kind(UnitKind::Recital), ["kind", "recital"]);
    }
}
