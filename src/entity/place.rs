//! The pass for places, after names already known and before persons.
//!
//! Countries, regions and cities from the gazetteer, longest name first, written as their
//! short name ("Russia" for "the Russian Federation"); a country inside a hyphenated word
//! ("EU-Kazakhstan") counts too.

use super::gazetteer::{self as gz, fold, place_name, WordTags};
use super::phrase::line_break;
use super::{Doc, EntityKind};

/// Countries, regions and cities from the gazetteer, longest name first; a country inside a
/// hyphenated word ("EU-Kazakhstan") counts too. A one-word place that is also a given name
/// and is followed by a capitalised word ("Milan Zver"), or that follows a given name
/// ("Jacques Paris"), is left to the person rules.
pub(crate) fn places(doc: &mut Doc) {
    let table = gz::places();
    let n = doc.toks.len();
    let mut i = 0;
    while i < n {
        if !doc.is_capword(i) {
            i += 1;
            continue;
        }
        let mut matched = None;
        let first = doc.tags(i).is(WordTags::PLACE_FIRST);
        if let Some(list) = first.then(|| table.by_first.get(doc.key(i))).flatten() {
            for (ws, canon) in list {
                let ok = ws.iter().enumerate().all(|(k, w)| {
                    doc.free(i + k) && doc.key(i + k) == w && (k == 0 || !line_break(doc, i + k))
                });
                if ok {
                    matched = Some((ws.len(), *canon));
                    break;
                }
            }
        }
        if let Some((len, canon)) = matched {
            let next_is_name = doc.is_capword(i + len)
                && !line_break(doc, i + len)
                && !doc
                    .tags(i + len)
                    .any(WordTags::STOP | WordTags::ORG_WORD | WordTags::PLACE);
            if len == 1 && doc.tags(i).is(WordTags::GIVEN) && next_is_name {
                i += 1;
                continue;
            }
            // A one-word place right after a known given name on the same line is a
            // family name ("Jacques Paris", "Ali Mosul"): left to the person rules.
            let after_given = i > 0
                && doc.is_capword(i - 1)
                && !line_break(doc, i)
                && doc.tags(i - 1).is(WordTags::GIVEN)
                && !doc.tags(i - 1).any(WordTags::STOP | WordTags::PLACE);
            if len == 1 && after_given {
                i += 1;
                continue;
            }
            doc.push(EntityKind::Place, i, i + len - 1, canon.to_string());
            i += len;
            continue;
        }
        let s = doc.text_of(i);
        if s.contains(['-', '\u{2011}', '\u{2010}']) {
            let base = doc.toks[i].start;
            let parts: Vec<&str> = s.split(['-', '\u{2011}', '\u{2010}']).collect();
            // Only where every other part is an acronym or a place ("EU-Kazakhstan",
            // "Russia-Ukraine"), never inside a double name ("Wiseler-Lima").
            let compound = parts.iter().all(|p| {
                let letters = p.chars().filter(|c| c.is_alphabetic()).count();
                (letters >= 2 && !p.chars().any(char::is_lowercase))
                    || place_name(&fold(p)).is_some()
            });
            if !compound {
                i += 1;
                continue;
            }
            let mut hits = Vec::new();
            let mut off = 0;
            for part in parts {
                if part.chars().next().is_some_and(char::is_uppercase) {
                    if let Some(canon) = place_name(&fold(part)) {
                        hits.push((base + off, base + off + part.len(), canon));
                    }
                }
                // every separator is one char; find its width in the text
                let sep = s[off + part.len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
                off += part.len() + sep;
            }
            for (a, b, canon) in hits {
                doc.push_span(EntityKind::Place, a, b, canon.to_string());
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::entity::{extract, EntityKind};

    #[test]
    fn hyphenated_place() {
        let text = "the 17th meeting of the EU-Kazakhstan Human Rights Dialogue";
        let places: Vec<_> = extract(text)
            .into_iter()
            .filter(|e| e.kind == EntityKind::Place)
            .collect();
        assert_eq!(places.len(), 1);
        assert_eq!(&text[places[0].start..places[0].end], "Kazakhstan");
    }
}
