//! Facet paths: where each entity, unit kind and resolution sits in the facet tree.
//!
//! Paths are returned as segments (`["person", "Max Bokayev"]`) so that the index can
//! build `tantivy::schema::Facet::from_path` without any escaping by hand.

use crate::model::{Entity, EntityKind};
use crate::model::{Unit, UnitKind};

/// The root segment for an entity kind: `person`, `org`, `place`, `law`, `mentioned`.
///
/// Dates found in a unit's text sit under `mentioned`, not `date`: "date" in a
/// request is the resolution's adoption date (`date:2021`,
/// [`SearchRequest::date_range`](crate::SearchRequest::date_range)), and one name has
/// one meaning.
pub fn root(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organisation => "org",
        EntityKind::Place => "place",
        EntityKind::Law => "law",
        EntityKind::Date => "mentioned",
    }
}

/// Facet segments for an entity: `/person/<normalized>`, …; dates mentioned
/// (`YYYY-MM-DD` or `YYYY-MM`) become `/mentioned/YYYY/MM/DD` (or `/mentioned/YYYY/MM`); a law's article or rule
/// sits under its instrument (`/law/Criminal Code of Kazakhstan/Article 405`), so that
/// counting `/law` counts instruments and counting an instrument counts its articles.
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
        EntityKind::Law => match provision(&entity.normalized) {
            Some((instrument, provision)) => {
                path.push(instrument.to_string());
                path.push(provision.to_string());
            }
            None => path.push(entity.normalized.clone()),
        },
        _ => path.push(entity.normalized.clone()),
    }
    path
}

/// `"<instrument>, Article <n>"` or `"<instrument>, Rule <n>"` (the shape of a law
/// entity naming a provision) split into instrument and provision.
fn provision(law: &str) -> Option<(&str, &str)> {
    ["Article ", "Rule "].iter().find_map(|word| {
        let at = law.rfind(&format!(", {word}"))?;
        let (instrument, rest) = (&law[..at], &law[at + 2..]);
        (!instrument.trim().is_empty() && rest.len() > word.len()).then_some((instrument, rest))
    })
}

/// Facet segments for a unit kind: `/kind/recital`.
pub fn kind(kind: UnitKind) -> Vec<String> {
    vec!["kind".to_string(), kind.as_str().to_string()]
}

/// Facet segments for a resolution: `/resolution/TA-9-2021-0056`.
pub fn resolution(reference: &str) -> Vec<String> {
    vec!["resolution".to_string(), reference.to_string()]
}

/// Every facet of a unit, as the index files it: its kind, its resolution (by the
/// reference given, which the index normalises first), then one path per distinct
/// entity, in the order found. An entity whose path would have an empty segment is
/// left out.
///
/// A program that keeps its own tantivy index beside whereas's (a baseline, an
/// engine of its own) gets the same facet tree from this.
///
/// ```
/// use whereas::index::facet;
///
/// let mut resolution = whereas::bundled::kazakhstan_2021()?;
/// whereas::entity::annotate(&mut resolution);
/// let unit = resolution.units.iter().find(|u| u.label == "F").expect("recital F");
/// let paths = facet::unit("TA-9-2021-0056", unit);
/// assert_eq!(paths[0], ["kind", "recital"]);
/// assert_eq!(paths[1], ["resolution", "TA-9-2021-0056"]);
/// assert!(paths.iter().any(|p| p[0] == "person"));
/// # Ok::<(), whereas::Error>(())
/// ```
pub fn unit(reference: &str, unit: &Unit) -> Vec<Vec<String>> {
    let mut paths = vec![kind(unit.kind), resolution(reference)];
    for e in &unit.entities {
        let path = entity(e);
        if path.len() > 1 && path.iter().all(|s| !s.is_empty()) && !paths.contains(&path) {
            paths.push(path);
        }
    }
    paths
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
        assert_eq!(entity(&e), ["mentioned", "2021", "02", "11"]);
    }

    #[test]
    fn an_acronym_and_its_full_name_share_a_facet() {
        let found = crate::entity::extract("the Democratic Choice of Kazakhstan (DCK) and");
        let paths: Vec<Vec<String>> = found.iter().map(entity).collect();
        assert_eq!(paths.len(), 2);
        assert_eq!(paths[0], ["org", "Democratic Choice of Kazakhstan"]);
        assert_eq!(paths[0], paths[1]);
        let month = crate::entity::extract("in June 2020");
        assert_eq!(entity(&month[0]), ["mentioned", "2020", "06"]);
    }

    #[test]
    fn provisions_sit_under_their_instrument() {
        let law = |normalized: &str| {
            entity(&Entity {
                kind: EntityKind::Law,
                text: normalized.into(),
                normalized: normalized.into(),
                start: 0,
                end: normalized.len(),
            })
        };
        assert_eq!(
            law("Criminal Code of Kazakhstan, Article 405"),
            ["law", "Criminal Code of Kazakhstan", "Article 405"]
        );
        assert_eq!(
            law("Rules of Procedure, Rule 144(5)"),
            ["law", "Rules of Procedure", "Rule 144(5)"]
        );
        // Commas inside an instrument's name stay in it.
        assert_eq!(
            law("UN Protocol to Prevent, Suppress and Punish Trafficking, Article 3"),
            [
                "law",
                "UN Protocol to Prevent, Suppress and Punish Trafficking",
                "Article 3"
            ]
        );
        for whole in [
            "UN Protocol to Prevent, Suppress and Punish Trafficking",
            "Article 5",
            "Istanbul Convention",
        ] {
            assert_eq!(law(whole), ["law", whole]);
        }
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
