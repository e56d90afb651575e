//! Units → NDJSON, for engines beyond one machine.
//!
//! Each line is one unit as a JSON object holding exactly the terms the index holds,
//! field by field, computed by the index's own analyzers (so the export cannot drift
//! from the index):
//!
//! - `text_terms`, `name_exact`, `name_folded`, `name_translit`, `name_related`: one
//!   token per word of the unit, space-separated, in word order; the token is the
//!   field's first term at that word, or [`PLACEHOLDER`] where the word has none (a
//!   stop word in prose, a lower-case word in the name channels). An engine's
//!   whitespace tokenizer, dropping the placeholder, indexes the index's terms at the
//!   index's positions.
//! - `name_translit_alt`, `name_related_alt`: the further terms of words that have
//!   several on one channel, one array element per term (no positions).
//! - `person`, `org`, `place`, `law`: the entity fields' terms, one element per term.
//! - `facets`: every facet path of the unit with all its ancestors (`/law`,
//!   `/law/Criminal Code of Kazakhstan`, `/law/Criminal Code of Kazakhstan/Article
//!   405`), in the escaped form [`SearchRequest::facet`](crate::SearchRequest::facet)
//!   accepts, so an exact term filter or a terms aggregation on one level reproduces
//!   the facet tree.
//! - `schema_version` ([`SCHEMA_VERSION`]), the
//!   metadata (`id`, `reference`, `kind`, `label`, `ordinal`, `title`, `date`,
//!   `date_num`), `text` for display, `mentioned` (the dates the unit mentions) and
//!   `entities` (always an array).
//!
//! `docs/scale/` holds Quickwit and Elasticsearch/OpenSearch configurations for these
//! fields; `docs/scaling.md` describes them.

use std::io::Write;

use serde_json::{json, Map, Value};
use tantivy::tokenizer::TextAnalyzer;

use crate::analysis::keys::FieldKeys;
use crate::analysis::name::Channel;
use crate::analysis::words::words;
use crate::index::schema::{date_number, name as field, SCHEMA_VERSION};
use crate::index::tokenizer::{name_analyzer, text_analyzer};
use crate::index::{normalized_reference, reference_of, unit_facets, unit_id};
use crate::model::{EntityKind, Resolution, Unit};

/// The token written where a word has no term in a field (`text_terms`, `name_*`): it
/// keeps the positions of the following words in step with the index. No term is ever
/// `_` (words are letters and digits); an engine drops it with a stop filter or leaves
/// it as a term no query asks for.
pub const PLACEHOLDER: &str = "_";

/// Every field an export line can hold, in the order written. A line leaves out
/// `title`, `date` and `date_num` when the resolution has none.
pub const FIELDS: &[&str] = &[
    "schema_version",
    field::ID,
    field::REFERENCE,
    field::KIND,
    field::LABEL,
    field::ORDINAL,
    field::TITLE,
    field::DATE,
    field::DATE_NUM,
    field::TEXT,
    TEXT_TERMS,
    field::NAME_EXACT,
    field::NAME_FOLDED,
    field::NAME_TRANSLIT,
    NAME_TRANSLIT_ALT,
    field::NAME_RELATED,
    NAME_RELATED_ALT,
    field::PERSON,
    field::ORG,
    field::PLACE,
    field::LAW,
    MENTIONED,
    field::FACETS,
    field::ENTITIES,
];

pub(crate) const TEXT_TERMS: &str = "text_terms";
pub(crate) const NAME_TRANSLIT_ALT: &str = "name_translit_alt";
pub(crate) const NAME_RELATED_ALT: &str = "name_related_alt";
const MENTIONED: &str = "mentioned";

/// The terms an analyzer gives each word of `text`: one list per word, in word order.
fn terms_per_word(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Vec<String>> {
    let mut per_word = vec![Vec::new(); words(text).count()];
    analyzer.token_stream(text).process(&mut |token| {
        if let Some(terms) = per_word.get_mut(token.position) {
            terms.push(token.text.clone());
        }
    });
    per_word
}

/// A channel as written: the first term of each word (or [`PLACEHOLDER`]),
/// space-separated, and the further terms.
fn positional(analyzer: &mut TextAnalyzer, text: &str) -> (String, Vec<String>) {
    let mut first = Vec::new();
    let mut rest = Vec::new();
    for terms in terms_per_word(analyzer, text) {
        let mut terms = terms.into_iter();
        first.push(terms.next().unwrap_or_else(|| PLACEHOLDER.to_string()));
        rest.extend(terms);
    }
    (first.join(" "), rest)
}

/// The terms of one entity field: the entity tokenizer over each entity's text, and
/// over its normalised form when that differs, as the index adds them.
fn entity_terms(analyzer: &mut TextAnalyzer, unit: &Unit, kind: EntityKind) -> Vec<String> {
    let mut out = Vec::new();
    for e in unit.entities.iter().filter(|e| e.kind == kind) {
        let mut texts = vec![e.text.as_str()];
        if e.normalized != e.text {
            texts.push(&e.normalized);
        }
        for text in texts {
            analyzer
                .token_stream(text)
                .process(&mut |token| out.push(token.text.clone()));
        }
    }
    out
}

/// Every facet path of a unit and all its ancestors, each once, parents first.
fn facet_paths(reference: &str, unit: &Unit) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for facet in unit_facets(reference, unit) {
        let path = facet.to_string();
        // Segment boundaries are the unescaped slashes (a `/` inside a segment is `\/`).
        let mut escaped = false;
        for (i, c) in path.char_indices() {
            match c {
                '\\' if !escaped => {
                    escaped = true;
                    continue;
                }
                '/' if !escaped && i > 0 => {
                    let ancestor = &path[..i];
                    if !out.iter().any(|p| p == ancestor) {
                        out.push(ancestor.to_string());
                    }
                }
                _ => {}
            }
            escaped = false;
        }
        if !out.contains(&path) {
            out.push(path);
        }
    }
    out
}

/// The export documents of one resolution's units, in order.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if the resolution has no
/// reference.
pub fn documents(resolution: &Resolution) -> crate::Result<Vec<Value>> {
    let reference = normalized_reference(reference_of(resolution)?);
    let mut prose = text_analyzer();
    let mut exact = name_analyzer(Channel::Exact.into());
    let mut folded = name_analyzer(Channel::Folded.into());
    let mut translit = name_analyzer(Channel::Translit.into());
    let mut related = name_analyzer(Channel::Related.into());
    let mut entity = name_analyzer(FieldKeys::Entity);
    let mut out = Vec::with_capacity(resolution.units.len());
    for unit in &resolution.units {
        let text = unit.text.as_str();
        let mut doc = Map::new();
        let mut put = |name: &str, value: Value| {
            doc.insert(name.to_string(), value);
        };
        put("schema_version", json!(SCHEMA_VERSION));
        put(field::ID, json!(unit_id(&reference, unit)));
        put(field::REFERENCE, json!(reference));
        put(field::KIND, json!(unit.kind.as_str()));
        put(field::LABEL, json!(unit.label));
        put(field::ORDINAL, json!(unit.ordinal));
        if let Some(title) = &resolution.title {
            put(field::TITLE, json!(title));
        }
        if let Some(date) = &resolution.date {
            put(field::DATE, json!(date));
            if let Some(n) = date_number(date) {
                put(field::DATE_NUM, json!(n));
            }
        }
        put(field::TEXT, json!(text));
        put(TEXT_TERMS, json!(positional(&mut prose, text).0));
        put(field::NAME_EXACT, json!(positional(&mut exact, text).0));
        put(field::NAME_FOLDED, json!(positional(&mut folded, text).0));
        let (first, rest) = positional(&mut translit, text);
        put(field::NAME_TRANSLIT, json!(first));
        put(NAME_TRANSLIT_ALT, json!(rest));
        let (first, rest) = positional(&mut related, text);
        put(field::NAME_RELATED, json!(first));
        put(NAME_RELATED_ALT, json!(rest));
        for (name, kind) in [
            (field::PERSON, EntityKind::Person),
            (field::ORG, EntityKind::Organisation),
            (field::PLACE, EntityKind::Place),
            (field::LAW, EntityKind::Law),
        ] {
            put(name, json!(entity_terms(&mut entity, unit, kind)));
        }
        let mut mentioned: Vec<&str> = Vec::new();
        for e in unit.entities.iter().filter(|e| e.kind == EntityKind::Date) {
            if !mentioned.contains(&e.normalized.as_str()) {
                mentioned.push(&e.normalized);
            }
        }
        put(MENTIONED, json!(mentioned));
        put(field::FACETS, json!(facet_paths(&reference, unit)));
        put(field::ENTITIES, json!(unit.entities));
        out.push(Value::Object(doc));
    }
    Ok(out)
}

/// Writes every unit of `resolutions` as one JSON line to `out`; returns the number of
/// lines written.
///
/// ```
/// use whereas::index::export::{write_ndjson, PLACEHOLDER};
///
/// # fn main() -> whereas::Result<()> {
/// let text = "Resolution\n\n1. Calls for the release of Max Bokayev.\n";
/// let mut resolution = whereas::segment(text)?;
/// resolution.reference = Some("TA-9-2021-0056".into());
/// let mut out = Vec::new();
/// assert_eq!(write_ndjson([&resolution], &mut out)?, 1);
/// let line: serde_json::Value = serde_json::from_slice(&out).unwrap();
/// assert_eq!(line["id"], "TA-9-2021-0056/paragraph/1");
/// assert_eq!(line["schema_version"], whereas::index::SCHEMA_VERSION);
/// // One token per word; lower-case words hold no name keys.
/// let translit: Vec<&str> = line["name_translit"].as_str().unwrap().split(' ').collect();
/// assert_eq!(translit.len(), 7);
/// assert_eq!(translit[1..5], [PLACEHOLDER; 4]);
/// # Ok(())
/// # }
/// ```
pub fn write_ndjson<'a, W: Write>(
    resolutions: impl IntoIterator<Item = &'a Resolution>,
    mut out: W,
) -> crate::Result<usize> {
    let io = |source| crate::Error::Io {
        path: "<ndjson output>".into(),
        source,
    };
    let mut lines = 0;
    for resolution in resolutions {
        for doc in documents(resolution)? {
            serde_json::to_writer(&mut out, &doc).map_err(|e| io(e.into()))?;
            out.write_all(b"\n").map_err(io)?;
            lines += 1;
        }
    }
    out.flush().map_err(io)?;
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Entity;

    #[test]
    fn facets_come_with_their_ancestors_and_keep_escaped_slashes() {
        let mut unit = crate::segment("Resolution\n\n1. Calls on Radio Free Europe.\n")
            .expect("segments")
            .units
            .pop()
            .expect("a paragraph");
        unit.entities.push(Entity::new(
            EntityKind::Organisation,
            "Radio Free Europe/Radio Liberty",
            0,
        ));
        unit.entities.push(Entity::new(
            EntityKind::Law,
            "Criminal Code of Kazakhstan, Article 405",
            0,
        ));
        let paths = facet_paths("TA-9-2021-0056", &unit);
        for expected in [
            "/kind",
            "/kind/paragraph",
            "/resolution",
            "/resolution/TA-9-2021-0056",
            "/org",
            "/org/Radio Free Europe\\/Radio Liberty",
            "/law",
            "/law/Criminal Code of Kazakhstan",
            "/law/Criminal Code of Kazakhstan/Article 405",
        ] {
            assert!(
                paths.iter().any(|p| p == expected),
                "{expected} in {paths:?}"
            );
        }
        assert!(
            !paths.iter().any(|p| p == "/org/Radio Free Europe"),
            "{paths:?}"
        );
        let mut unique = paths.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), paths.len(), "{paths:?}");
    }

    #[test]
    fn fields_lists_every_field_written() {
        let mut resolution = crate::bundled::kazakhstan_2021().expect("bundled");
        crate::entity::annotate(&mut resolution);
        for doc in documents(&resolution).expect("documents") {
            for key in doc.as_object().expect("object").keys() {
                assert!(FIELDS.contains(&key.as_str()), "{key}");
            }
        }
    }
}
