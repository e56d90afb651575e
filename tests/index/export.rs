//! The export is the index, term for term: for every unit of the three corpus texts,
//! each exported field, tokenized as the engine configs in `docs/scale/` tokenize it,
//! gives the terms (and the positions) the index holds in its field; and both configs
//! declare every exported field with a compatible type.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;
use tantivy::postings::Postings;
use tantivy::schema::{Facet, IndexRecordOption, TantivyDocument};
use tantivy::tokenizer::{TextAnalyzer, WhitespaceTokenizer};
use tantivy::{DocAddress, DocSet, TERMINATED};
use whereas::index::export::{documents, FIELDS, PLACEHOLDER};
use whereas::{Index, Resolution};

use crate::support;

fn corpus() -> Option<Vec<Resolution>> {
    support::corpus_texts()
}

/// Terms of one field of one unit: term → its positions (empty where the field has
/// none), one entry per occurrence.
type Terms = BTreeMap<String, Vec<Option<u32>>>;

fn has_positions(entry: &tantivy::schema::FieldEntry) -> bool {
    entry
        .field_type()
        .index_record_option()
        .is_some_and(|o| o.has_positions())
}

/// What the index holds: unit id → field name → terms.
fn index_terms(index: &Index) -> HashMap<String, HashMap<String, Terms>> {
    let tantivy = index.tantivy();
    let reader = tantivy.reader().expect("a reader");
    let searcher = reader.searcher();
    let schema = tantivy.schema();
    let id_field = schema.get_field("id").expect("id field");
    let mut out: HashMap<String, HashMap<String, Terms>> = HashMap::new();
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let ids: Vec<String> = (0..segment.max_doc())
            .map(|doc| {
                let stored: TantivyDocument = searcher
                    .doc(DocAddress::new(ord as u32, doc))
                    .expect("a stored document");
                let id = stored.get_first(id_field).expect("an id");
                tantivy::schema::Value::as_str(&id)
                    .expect("a text id")
                    .to_string()
            })
            .collect();
        for (field, entry) in schema.fields() {
            if !entry.is_indexed() {
                continue;
            }
            let name = entry.name();
            let inverted = segment.inverted_index(field).expect("an inverted index");
            let mut stream = inverted.terms().stream().expect("a term stream");
            let mut positions = Vec::new();
            while stream.advance() {
                let bytes = stream.key();
                let term = match name {
                    "facets" => {
                        let facet = Facet::from_encoded(bytes.to_vec()).expect("a facet");
                        if facet.is_root() {
                            // Every document's; no engine needs it.
                            continue;
                        }
                        facet.to_string()
                    }
                    "date_num" => {
                        u64::from_be_bytes(bytes.try_into().expect("8 bytes")).to_string()
                    }
                    _ => String::from_utf8(bytes.to_vec()).expect("a text term"),
                };
                let mut postings = inverted
                    .read_postings_from_terminfo(
                        stream.value(),
                        IndexRecordOption::WithFreqsAndPositions,
                    )
                    .expect("postings");
                while postings.doc() != TERMINATED {
                    let doc = postings.doc();
                    let occurrences: Vec<Option<u32>> = if has_positions(entry) {
                        positions.clear();
                        postings.positions(&mut positions);
                        positions.iter().copied().map(Some).collect()
                    } else {
                        // Without positions, as often as the field records it (once
                        // where it records no frequencies either).
                        vec![None; postings.term_freq().max(1) as usize]
                    };
                    out.entry(ids[doc as usize].clone())
                        .or_default()
                        .entry(name.to_string())
                        .or_default()
                        .entry(term.clone())
                        .or_default()
                        .extend(occurrences);
                    postings.advance();
                }
            }
        }
    }
    out
}

/// How an exported field becomes an index field's terms.
enum Source {
    /// One value, one term (raw tokenizer / keyword).
    Raw(&'static str),
    /// Whitespace-tokenized, placeholder dropped, at the token's position; plus the
    /// terms of an array field, without positions.
    Positional(&'static str, Option<&'static str>),
    /// An array, one term per element.
    Bag(&'static str),
}

/// Index field → the export field(s) that hold its terms. Every indexed field of the
/// schema must be here (checked below), so a field added to the index without its
/// export fails.
const MAPPING: &[(&str, Source)] = &[
    ("id", Source::Raw("id")),
    ("reference", Source::Raw("reference")),
    ("kind", Source::Raw("kind")),
    ("date_num", Source::Raw("date_num")),
    ("text", Source::Positional("text_terms", None)),
    ("name_exact", Source::Positional("name_exact", None)),
    ("name_folded", Source::Positional("name_folded", None)),
    (
        "name_translit",
        Source::Positional("name_translit", Some("name_translit_alt")),
    ),
    (
        "name_related",
        Source::Positional("name_related", Some("name_related_alt")),
    ),
    ("person", Source::Bag("person")),
    ("org", Source::Bag("org")),
    ("place", Source::Bag("place")),
    ("law", Source::Bag("law")),
    ("facets", Source::Bag("facets")),
];

/// Quickwit's `whitespace` tokenizer is tantivy's.
fn whitespace_tokens(text: &str) -> Vec<(String, u32)> {
    let mut analyzer = TextAnalyzer::from(WhitespaceTokenizer::default());
    let mut out = Vec::new();
    analyzer
        .token_stream(text)
        .process(&mut |t| out.push((t.text.clone(), t.position as u32)));
    out
}

fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().flat_map(strings).collect(),
        Value::String(s) => vec![s.clone()],
        Value::Number(n) => vec![n.to_string()],
        Value::Null => Vec::new(),
        other => panic!("not a term: {other}"),
    }
}

/// The export's terms for one index field, with positions where the export has them.
fn export_terms(doc: &Value, source: &Source, positional_index: bool) -> Terms {
    let mut out = Terms::new();
    let bag = |field: &str, out: &mut Terms| {
        for term in strings(&doc[field]) {
            out.entry(term).or_default().push(None);
        }
    };
    match source {
        Source::Raw(field) | Source::Bag(field) => bag(field, &mut out),
        Source::Positional(field, alt) => {
            let text = doc[*field]
                .as_str()
                .expect("a positional field is a string");
            for (term, position) in whitespace_tokens(text) {
                if term != PLACEHOLDER {
                    out.entry(term).or_default().push(Some(position));
                }
            }
            if let Some(alt) = alt {
                bag(alt, &mut out);
            }
        }
    }
    if !positional_index {
        for occurrences in out.values_mut() {
            occurrences.iter_mut().for_each(|p| *p = None);
        }
    }
    out
}

/// Compares the two term lists: the same terms, as often; every position the export
/// gives is one the index holds the term at.
fn compare(id: &str, field: &str, index: &Terms, export: &Terms) -> Result<(), String> {
    let count = |t: &Terms| -> BTreeMap<String, usize> {
        t.iter().map(|(k, v)| (k.clone(), v.len())).collect()
    };
    let (a, b) = (count(index), count(export));
    if a != b {
        let missing: Vec<_> = a
            .iter()
            .filter(|(k, v)| b.get(*k) != Some(v))
            .take(5)
            .collect();
        let extra: Vec<_> = b
            .iter()
            .filter(|(k, v)| a.get(*k) != Some(v))
            .take(5)
            .collect();
        return Err(format!(
            "{id} {field}: index has {missing:?}, export has {extra:?}"
        ));
    }
    for (term, positions) in export {
        for p in positions.iter().flatten() {
            if !index[term].contains(&Some(*p)) {
                return Err(format!(
                    "{id} {field}: {term} at {p} in the export, at {:?} in the index",
                    index[term]
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn exported_terms_are_the_index_terms_field_by_field() {
    let Some(resolutions) = corpus() else {
        return;
    };
    let index = Index::from_resolutions(&resolutions).expect("the corpus indexes");
    let held = index_terms(&index);
    let schema = index.tantivy().schema();

    // Every indexed field of the index has its export.
    for (_, entry) in schema.fields() {
        if entry.is_indexed() {
            assert!(
                MAPPING.iter().any(|(name, _)| *name == entry.name()),
                "index field {} has no export mapping",
                entry.name()
            );
        }
    }

    let mut units = 0;
    let mut compared = 0;
    let mut positioned = 0;
    let mut failures = Vec::new();
    for resolution in &resolutions {
        for doc in documents(resolution).expect("documents") {
            units += 1;
            let id = doc["id"].as_str().expect("an id");
            let fields = held
                .get(id)
                .unwrap_or_else(|| panic!("{id} not in the index"));
            for (name, source) in MAPPING {
                let field = schema.get_field(name).expect("a schema field");
                let has_positions = has_positions(schema.get_field_entry(field));
                let empty = Terms::new();
                let index_side = fields.get(*name).unwrap_or(&empty);
                let export_side = export_terms(&doc, source, has_positions);
                compared += index_side.values().map(Vec::len).sum::<usize>();
                positioned += export_side.values().flatten().flatten().count();
                if let Err(e) = compare(id, name, index_side, &export_side) {
                    failures.push(e);
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences: {:#?}",
        failures.len(),
        &failures[..failures.len().min(10)]
    );
    assert_eq!(units, index.num_units(), "every unit exported once");
    // The three texts hold several hundred units and tens of thousands of terms: a
    // comparison of empty sides would prove nothing.
    assert!(units > 100, "{units} units");
    assert!(compared > 10_000, "{compared} terms compared");
    assert!(positioned > 5_000, "{positioned} positions compared");
}

#[test]
fn lower_case_words_hold_no_name_keys_in_the_export() {
    // The export once keyed every word; the index keys only the name-like ones. The
    // prose word "regard" (lower case in every citation) must appear in no name field.
    let mut seed = whereas::Segmenter::new()
        .reference("TA-9-2021-0056")
        .segment(support::SEED)
        .expect("the seed segments");
    whereas::entity::annotate(&mut seed);
    let docs = documents(&seed).expect("documents");
    let with_regard = docs
        .iter()
        .filter(|d| d["text"].as_str().is_some_and(|t| t.contains(" regard ")))
        .count();
    assert!(with_regard > 5, "{with_regard} units say 'regard'");
    for doc in &docs {
        for field in ["name_exact", "name_folded", "name_translit", "name_related"] {
            let tokens: Vec<_> = whitespace_tokens(doc[field].as_str().expect("a string"));
            assert!(
                !tokens.iter().any(|(t, _)| t == "regard"),
                "{} {field}",
                doc["id"]
            );
            // One token per word, placeholders included.
            let words = whitespace_tokens(doc["text_terms"].as_str().expect("a string")).len();
            assert_eq!(tokens.len(), words, "{} {field}", doc["id"]);
        }
        assert_eq!(doc["schema_version"], whereas::index::SCHEMA_VERSION);
    }
}

// ---- the engine configs ----

/// The shape of an exported value, for type checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Text,
    Number,
    TextArray,
    ObjectArray,
}

/// A config declares every field the export writes, and none it does not.
fn declares_exactly_the_exported_fields<'a>(declared: impl Iterator<Item = &'a str>) {
    let declared: Vec<&str> = declared.collect();
    for name in FIELDS {
        assert!(declared.contains(name), "{name} not declared");
    }
    for name in declared {
        assert!(FIELDS.contains(&name), "{name} declared but never exported");
    }
}

/// Every exported field of the corpus and the shapes it is written in (an empty array
/// is an array of whatever the field's other lines hold).
fn exported_shapes() -> Option<BTreeMap<String, Vec<Shape>>> {
    let mut out: BTreeMap<String, Vec<Shape>> = BTreeMap::new();
    for resolution in corpus()? {
        for doc in documents(&resolution).expect("documents") {
            for (name, value) in doc.as_object().expect("an object") {
                let shape = match value {
                    Value::String(_) => Shape::Text,
                    Value::Number(n) => {
                        assert!(n.is_u64(), "{name}: {n}");
                        Shape::Number
                    }
                    Value::Array(items) => match items.first() {
                        Some(Value::Object(_)) => Shape::ObjectArray,
                        Some(Value::String(_)) => Shape::TextArray,
                        None if name == "entities" => Shape::ObjectArray,
                        None => Shape::TextArray,
                        Some(other) => panic!("{name}: array of {other}"),
                    },
                    other => panic!("{name}: {other}"),
                };
                let shapes = out.entry(name.clone()).or_default();
                if !shapes.contains(&shape) {
                    shapes.push(shape);
                }
            }
        }
    }
    for shapes in out.values() {
        assert_eq!(shapes.len(), 1, "one shape per field: {out:?}");
    }
    Some(out)
}

fn read(rel: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_quickwit_config_declares_every_exported_field() {
    let config: Value = serde_yaml_ng::from_str(&read("docs/scale/quickwit-index.yaml"))
        .expect("quickwit-index.yaml parses");
    // Quickwit's own examples write the version unquoted (a YAML number); it reads both.
    let version = &config["version"];
    assert!(
        version.as_str() == Some("0.8") || version.as_f64() == Some(0.8),
        "config version {version}"
    );
    let mapping = &config["doc_mapping"];
    assert_eq!(
        mapping["mode"], "strict",
        "unknown fields are refused, not guessed"
    );
    let fields: BTreeMap<String, &Value> = mapping["field_mappings"]
        .as_array()
        .expect("field_mappings")
        .iter()
        .map(|f| (f["name"].as_str().expect("a name").to_string(), f))
        .collect();
    let Some(shapes) = exported_shapes() else {
        return;
    };
    declares_exactly_the_exported_fields(fields.keys().map(String::as_str));
    for (name, shape) in &shapes {
        let field = fields[name];
        let ty = field["type"].as_str().expect("a type");
        let ok = match shape[0] {
            Shape::Text => ty == "text",
            Shape::Number => ty == "u64",
            Shape::TextArray => ty == "array<text>",
            Shape::ObjectArray => ty == "array<json>",
        };
        assert!(ok, "{name}: exported as {:?}, declared {ty}", shape[0]);
    }
    // The fields that reproduce the index's terms: the tokenizer that splits the export
    // as the comparison above does, positions, and field norms (BM25 needs them).
    for (name, source) in MAPPING {
        let (exported, positions) = match source {
            Source::Positional(field, _) => (*field, true),
            Source::Raw(field) | Source::Bag(field) => (*field, false),
        };
        let field = fields[exported];
        let tokenizer = field["tokenizer"].as_str();
        if positions {
            assert_eq!(tokenizer, Some("whitespace"), "{exported}");
            assert_eq!(field["record"], "position", "{exported}");
            assert_eq!(field["fieldnorms"], true, "{exported} (for {name})");
        } else if field["type"] != "u64" {
            assert_eq!(tokenizer, Some("raw"), "{exported}");
        }
        if let Source::Positional(_, Some(alt)) = source {
            let alt = fields[*alt];
            assert_eq!(alt["tokenizer"], "raw", "{alt}");
            assert_eq!(alt["fieldnorms"], true, "{alt}");
        }
    }
    for tag in mapping["tag_fields"].as_array().expect("tag fields") {
        let tag = tag.as_str().expect("a name");
        assert_eq!(fields[tag]["tokenizer"], "raw", "tag field {tag}");
    }
}

#[test]
fn the_elasticsearch_config_declares_every_exported_field() {
    let config: Value = serde_json::from_str(&read("docs/scale/elasticsearch-index.json"))
        .expect("elasticsearch-index.json parses");
    let analysis = &config["settings"]["analysis"];
    let mappings = &config["mappings"];
    assert_eq!(mappings["dynamic"], "strict");
    let properties = mappings["properties"].as_object().expect("properties");
    let Some(shapes) = exported_shapes() else {
        return;
    };
    declares_exactly_the_exported_fields(properties.keys().map(String::as_str));
    for (name, shape) in &shapes {
        let field = &properties[name];
        let ty = field["type"].as_str().expect("a type");
        // Elasticsearch fields take arrays of their type as they are.
        let ok = match shape[0] {
            Shape::Text | Shape::TextArray => ["keyword", "text"].contains(&ty),
            Shape::Number => ["long", "unsigned_long", "integer"].contains(&ty),
            Shape::ObjectArray => ty == "object" && field["enabled"] == false,
        };
        assert!(ok, "{name}: exported as {:?}, declared {ty}", shape[0]);
        if let Some(analyzer) = field["analyzer"].as_str() {
            let declared = &analysis["analyzer"][analyzer];
            assert!(
                declared.is_object() || analyzer == "english",
                "{name}: analyzer {analyzer}"
            );
        }
    }
    // The positional fields drop the placeholder and keep its position.
    for (_, source) in MAPPING {
        match source {
            Source::Positional(field, alt) => {
                let analyzer = properties[*field]["analyzer"]
                    .as_str()
                    .expect("an analyzer");
                let declared = &analysis["analyzer"][analyzer];
                assert_eq!(declared["tokenizer"], "whitespace", "{field}");
                let drops = declared["filter"]
                    .as_array()
                    .expect("filters")
                    .iter()
                    .any(|f| {
                        let f = &analysis["filter"][f.as_str().expect("a filter name")];
                        f["type"] == "stop"
                            && f["stopwords"]
                                .as_array()
                                .is_some_and(|w| w.iter().any(|w| w == PLACEHOLDER))
                    });
                assert!(drops, "{field}: the placeholder is not dropped");
                assert_eq!(properties[*field]["index_options"], "positions", "{field}");
                if let Some(alt) = alt {
                    assert_eq!(properties[*alt]["type"], "keyword", "{alt}");
                }
            }
            Source::Raw(field) | Source::Bag(field) => {
                let ty = &properties[*field]["type"];
                assert!(ty == "keyword" || ty == "long", "{field}: {ty}");
            }
        }
    }
}

#[test]
fn the_export_example_writes_one_versioned_line_per_unit() {
    let out = support::example_command("export")
        .output()
        .expect("the export example runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut seed = whereas::bundled::kazakhstan_2021().expect("bundled");
    whereas::entity::annotate(&mut seed);
    let expected = documents(&seed).expect("documents");
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), expected.len());
    assert_eq!(lines, expected, "the example writes what documents() gives");
}
