//! How a unit's entities are stored with it: one short line per entity.
//!
//! Every hit returns its unit's entities, so they are decoded on every search that
//! returns hits; JSON, with each entity's text repeated, cost more to decode than the
//! rest of a hit. The stored form is one line per entity,
//! `kind TAB start TAB end TAB normalised`, the text being the unit's text at
//! `start..end`; an entity whose text is not that (or whose strings hold a tab or a
//! line break) sends the whole list to JSON, which [`decode`] also reads.

use crate::model::{Entity, EntityKind};

fn kind_code(kind: EntityKind) -> char {
    match kind {
        EntityKind::Person => 'p',
        EntityKind::Organisation => 'o',
        EntityKind::Place => 'g',
        EntityKind::Law => 'l',
        EntityKind::Date => 'd',
    }
}

fn kind_of(code: &str) -> Option<EntityKind> {
    Some(match code {
        "p" => EntityKind::Person,
        "o" => EntityKind::Organisation,
        "g" => EntityKind::Place,
        "l" => EntityKind::Law,
        "d" => EntityKind::Date,
        _ => return None,
    })
}

/// The stored form of `entities` found in `text`.
pub(crate) fn encode(text: &str, entities: &[Entity]) -> String {
    let plain = |s: &str| !s.contains(['\t', '\n']);
    let compact = entities
        .iter()
        .all(|e| plain(&e.normalized) && text.get(e.start..e.end) == Some(e.text.as_str()));
    if !compact {
        return serde_json::to_string(entities).unwrap_or_else(|_| "[]".into());
    }
    let mut out = String::with_capacity(entities.len() * 32);
    for e in entities {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push(kind_code(e.kind));
        out.push('\t');
        out.push_str(&e.start.to_string());
        out.push('\t');
        out.push_str(&e.end.to_string());
        out.push('\t');
        out.push_str(&e.normalized);
    }
    out
}

/// The entities stored as `stored` for a unit with this `text`; what cannot be read
/// is left out.
pub(crate) fn decode(text: &str, stored: &str) -> Vec<Entity> {
    if stored.starts_with('[') {
        return serde_json::from_str(stored).unwrap_or_default();
    }
    stored
        .lines()
        .filter_map(|line| {
            let mut parts = line.splitn(4, '\t');
            let kind = kind_of(parts.next()?)?;
            let start: usize = parts.next()?.parse().ok()?;
            let end: usize = parts.next()?.parse().ok()?;
            let normalized = parts.next()?.to_string();
            Some(Entity {
                kind,
                text: text.get(start..end)?.to_string(),
                normalized,
                start,
                end,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(text: &str, kind: EntityKind, found: &str, normalized: &str) -> Entity {
        let start = text.find(found).expect("entity in text");
        Entity {
            kind,
            text: found.to_string(),
            normalized: normalized.to_string(),
            start,
            end: start + found.len(),
        }
    }

    #[test]
    fn entities_round_trip_compactly() {
        let text = "whereas Max Bokaev, born in Атырау, was held under Article 174 on 5 May";
        let entities = vec![
            entity(text, EntityKind::Person, "Max Bokaev", "Max Bokayev"),
            entity(text, EntityKind::Place, "Атырау", "Atyrau"),
            entity(
                text,
                EntityKind::Law,
                "Article 174",
                "Criminal Code, Article 174",
            ),
            entity(text, EntityKind::Date, "5 May", "2016-05-05"),
        ];
        let stored = encode(text, &entities);
        assert!(!stored.starts_with('['), "{stored}");
        assert!(!stored.contains("Max Bokaev"), "the text is not repeated");
        assert_eq!(decode(text, &stored), entities);
        assert_eq!(decode(text, &encode(text, &[])), []);
    }

    #[test]
    fn odd_entities_fall_back_to_json() {
        let text = "whereas Max Bokayev was held";
        let mut odd = entity(text, EntityKind::Person, "Max Bokayev", "Max\tBokayev");
        let stored = encode(text, std::slice::from_ref(&odd));
        assert!(stored.starts_with('['));
        assert_eq!(decode(text, &stored), [odd.clone()]);
        // A text that is not the unit's text at its offsets is kept as it is.
        odd.normalized = "Max Bokayev".into();
        odd.text = "M. Bokayev".into();
        let stored = encode(text, std::slice::from_ref(&odd));
        assert_eq!(decode(text, &stored), [odd]);
    }

    #[test]
    fn damaged_lines_are_skipped() {
        let text = "whereas Max Bokayev was held";
        assert_eq!(
            decode(text, "p\t8\t19\tMax Bokayev\nx\t1\t2\ty\np\t8\t999\tz").len(),
            1
        );
        assert!(decode(text, "[not json").is_empty());
    }
}
