//! Quickwit, simulated with tantivy (which Quickwit is built on): an index built from
//! the export lines as `docs/scale/quickwit-index.yaml` declares it, and an interpreter
//! of exactly the query DSL subset `whereas::scale` emits for Quickwit, mapped to
//! tantivy queries as Quickwit's `quickwit-query` maps them:
//!
//! - `term` (`value`, `boost`) → `TermQuery` with frequencies, in a `BoostQuery`;
//! - `match_phrase` (`query`, `slop`; no boost, Quickwit refuses one) → the query text
//!   through the field's tokenizer, a `PhraseQuery` with that slop (a `TermQuery` for
//!   one token);
//! - `bool` (`must`, `should`, `must_not`, `filter`) → `BooleanQuery`, a filter as a
//!   `Must` clause scoring 0 (`ConstScoreQuery(…, 0.0)`), only `must_not` → with a
//!   `match_all`, no clause → every document;
//! - `match_all` (`boost`) → `AllQuery` in a `BoostQuery`; `match_none` → `EmptyQuery`;
//! - `range` (`gte`, `lte`) on a u64 field → `RangeQuery`.
//!
//! Anything else (a `dis_max`, a `fuzzy`, a boost on a phrase, an unknown parameter)
//! is an error, as Quickwit's `deny_unknown_fields` parsing makes it one.
//!
//! Fields follow the config: `text` with the `whitespace` or `raw` tokenizer (what
//! Quickwit registers under those names: the tokenizer and a 255-byte token limit),
//! `record` basic/freq/position, `fieldnorms`; `array<text>` the same, one value per
//! element; `u64` indexed and fast; fields with `indexed: false` and `array<json>` are
//! left out (nothing queries them). One split: BM25 statistics are the whole index's.

use std::collections::HashMap;
use std::ops::Bound;

use serde_json::Value;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query,
    RangeQuery, TermQuery,
};
use tantivy::schema::{
    Field, FieldType, IndexRecordOption, NumericOptions, Schema, TantivyDocument,
    TextFieldIndexing, TextOptions, Value as _, STORED, STRING,
};
use tantivy::tokenizer::{RawTokenizer, RemoveLongFilter, TextAnalyzer, WhitespaceTokenizer};
use tantivy::{Index, IndexReader, Term};

/// The simulated Quickwit index.
pub struct Sim {
    index: Index,
    reader: IndexReader,
    fields: HashMap<String, Field>,
    /// A stored copy of each document's `id`.
    id: Field,
}

/// Quickwit's tokenizers of these names: the tokenizer and a 255-byte limit.
fn analyzer(name: &str) -> Result<TextAnalyzer, String> {
    Ok(match name {
        "whitespace" => TextAnalyzer::builder(WhitespaceTokenizer::default())
            .filter(RemoveLongFilter::limit(255))
            .build(),
        "raw" => TextAnalyzer::builder(RawTokenizer::default())
            .filter(RemoveLongFilter::limit(255))
            .build(),
        other => return Err(format!("tokenizer {other:?} is not simulated")),
    })
}

fn record(name: Option<&str>) -> Result<IndexRecordOption, String> {
    Ok(match name.unwrap_or("basic") {
        "basic" => IndexRecordOption::Basic,
        "freq" => IndexRecordOption::WithFreqs,
        "position" => IndexRecordOption::WithFreqsAndPositions,
        other => return Err(format!("record {other:?}")),
    })
}

impl Sim {
    /// An index of `docs` (export lines) with the fields of the Quickwit config `yaml`.
    pub fn build(yaml: &str, docs: &[Value]) -> Result<Sim, String> {
        let config: serde_yaml_ng::Value =
            serde_yaml_ng::from_str(yaml).map_err(|e| e.to_string())?;
        let mappings = config["doc_mapping"]["field_mappings"]
            .as_sequence()
            .ok_or("no doc_mapping.field_mappings")?;
        let mut schema = Schema::builder();
        let mut fields = HashMap::new();
        let mut tokenizers: Vec<(String, String)> = Vec::new();
        for m in mappings {
            let name = m["name"]
                .as_str()
                .ok_or("a field without a name")?
                .to_string();
            let kind = m["type"].as_str().ok_or("a field without a type")?;
            if m["indexed"].as_bool() == Some(false) || kind == "array<json>" {
                continue;
            }
            let field = match kind.trim_start_matches("array<").trim_end_matches('>') {
                "text" => {
                    let tokenizer = m["tokenizer"].as_str().unwrap_or("default").to_string();
                    let key = format!("qw_{tokenizer}");
                    let indexing = TextFieldIndexing::default()
                        .set_tokenizer(&key)
                        .set_index_option(record(m["record"].as_str())?)
                        .set_fieldnorms(m["fieldnorms"].as_bool().unwrap_or(false));
                    tokenizers.push((key, tokenizer));
                    schema.add_text_field(
                        &name,
                        TextOptions::default().set_indexing_options(indexing),
                    )
                }
                "u64" => {
                    schema.add_u64_field(&name, NumericOptions::default().set_indexed().set_fast())
                }
                other => return Err(format!("field type {other:?} is not simulated")),
            };
            fields.insert(name, field);
        }
        let id = schema.add_text_field("_sim_id", STRING | STORED);
        let index = Index::create_in_ram(schema.build());
        for (key, name) in &tokenizers {
            index.tokenizers().register(key, analyzer(name)?);
        }
        let mut writer = index
            .writer_with_num_threads(1, 50_000_000)
            .map_err(|e| e.to_string())?;
        for doc in docs {
            let object = doc.as_object().ok_or("an export line that is no object")?;
            let mut out = TantivyDocument::default();
            for (name, value) in object {
                let Some(&field) = fields.get(name) else {
                    continue;
                };
                let values: Vec<&Value> = match value {
                    Value::Array(xs) => xs.iter().collect(),
                    v => vec![v],
                };
                for v in values {
                    match v {
                        Value::String(s) => out.add_text(field, s),
                        Value::Number(n) => {
                            out.add_u64(field, n.as_u64().ok_or("a number that is no u64")?)
                        }
                        other => return Err(format!("{name}: value {other} is not simulated")),
                    }
                }
            }
            out.add_text(id, doc["id"].as_str().ok_or("a line without id")?);
            writer.add_document(out).map_err(|e| e.to_string())?;
        }
        writer.commit().map_err(|e| e.to_string())?;
        let reader = index.reader().map_err(|e| e.to_string())?;
        Ok(Sim {
            index,
            reader,
            fields,
            id,
        })
    }

    /// The body's `query` on the index: the top `limit` unit ids with their scores.
    pub fn search(&self, body: &Value, limit: usize) -> Result<Vec<(String, f32)>, String> {
        let query = self.query(&body["query"])?;
        let searcher = self.reader.searcher();
        let top = searcher
            .search(&*query, &TopDocs::with_limit(limit).order_by_score())
            .map_err(|e| e.to_string())?;
        let mut out = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address).map_err(|e| e.to_string())?;
            let id = doc
                .get_first(self.id)
                .and_then(|v| v.as_str())
                .ok_or("a document without id")?;
            out.push((id.to_string(), score));
        }
        Ok(out)
    }

    /// How many units the body's `query` matches.
    pub fn count(&self, body: &Value) -> Result<usize, String> {
        let query = self.query(&body["query"])?;
        self.reader
            .searcher()
            .search(&*query, &Count)
            .map_err(|e| e.to_string())
    }

    fn field(&self, name: &str) -> Result<Field, String> {
        self.fields
            .get(name)
            .copied()
            .ok_or_else(|| format!("no field {name:?} in the config"))
    }

    /// One DSL clause as a tantivy query.
    fn query(&self, q: &Value) -> Result<Box<dyn Query>, String> {
        let object = q
            .as_object()
            .filter(|o| o.len() == 1)
            .ok_or_else(|| format!("not one clause: {q}"))?;
        let (kind, params) = object.iter().next().ok_or("empty clause")?;
        match kind.as_str() {
            "term" => {
                let (name, p) = one_field(params)?;
                let (value, boost) = match p {
                    Value::String(s) => (s.clone(), None),
                    Value::Object(o) => {
                        only(o, &["value", "boost"])?;
                        let value = match &o["value"] {
                            Value::String(s) => s.clone(),
                            Value::Number(n) => n.to_string(),
                            other => return Err(format!("term value {other}")),
                        };
                        (value, o.get("boost").and_then(Value::as_f64))
                    }
                    other => return Err(format!("term params {other}")),
                };
                let field = self.field(name)?;
                let term = match self.index.schema().get_field_entry(field).field_type() {
                    FieldType::U64(_) => {
                        Term::from_field_u64(field, value.parse().map_err(|_| "a u64 term")?)
                    }
                    _ => Term::from_field_text(field, &value),
                };
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                Ok(boosted(query, boost))
            }
            "match_phrase" => {
                let (name, p) = one_field(params)?;
                let o = p.as_object().ok_or("match_phrase params")?;
                only(o, &["query", "slop"])?;
                let text = o["query"].as_str().ok_or("match_phrase query")?;
                let slop = o.get("slop").and_then(Value::as_u64).unwrap_or(0) as u32;
                let field = self.field(name)?;
                let mut analyzer = self
                    .index
                    .tokenizer_for_field(field)
                    .map_err(|e| e.to_string())?;
                let mut terms = Vec::new();
                let mut stream = analyzer.token_stream(text);
                while let Some(t) = stream.next() {
                    terms.push((t.position, Term::from_field_text(field, &t.text)));
                }
                Ok(match terms.len() {
                    0 => Box::new(EmptyQuery),
                    1 => Box::new(TermQuery::new(
                        terms.remove(0).1,
                        IndexRecordOption::WithFreqs,
                    )),
                    _ => Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop)),
                })
            }
            "bool" => {
                let o = params.as_object().ok_or("bool params")?;
                only(o, &["must", "should", "must_not", "filter"])?;
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for (key, occur) in [
                    ("must", Occur::Must),
                    ("should", Occur::Should),
                    ("must_not", Occur::MustNot),
                    ("filter", Occur::Must),
                ] {
                    for sub in o.get(key).and_then(Value::as_array).into_iter().flatten() {
                        let query = self.query(sub)?;
                        let query: Box<dyn Query> = if key == "filter" {
                            Box::new(ConstScoreQuery::new(query, 0.0))
                        } else {
                            query
                        };
                        clauses.push((occur, query));
                    }
                }
                if clauses.is_empty() {
                    return Ok(Box::new(AllQuery));
                }
                if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
                    clauses.push((Occur::Must, Box::new(AllQuery)));
                }
                Ok(Box::new(BooleanQuery::new(clauses)))
            }
            "match_all" => {
                let o = params.as_object().ok_or("match_all params")?;
                only(o, &["boost"])?;
                Ok(boosted(
                    Box::new(AllQuery),
                    o.get("boost").and_then(Value::as_f64),
                ))
            }
            "match_none" => Ok(Box::new(EmptyQuery)),
            "range" => {
                let (name, p) = one_field(params)?;
                let o = p.as_object().ok_or("range params")?;
                only(o, &["gte", "lte"])?;
                let field = self.field(name)?;
                let bound = |key: &str| match o.get(key).and_then(Value::as_u64) {
                    Some(n) => Bound::Included(Term::from_field_u64(field, n)),
                    None => Bound::Unbounded,
                };
                Ok(Box::new(RangeQuery::new(bound("gte"), bound("lte"))))
            }
            other => Err(format!("Quickwit has no {other:?} query")),
        }
    }
}

fn boosted(query: Box<dyn Query>, boost: Option<f64>) -> Box<dyn Query> {
    match boost {
        Some(b) if b != 1.0 => Box::new(BoostQuery::new(query, b as f32)),
        _ => query,
    }
}

fn one_field(params: &Value) -> Result<(&String, &Value), String> {
    let o = params
        .as_object()
        .filter(|o| o.len() == 1)
        .ok_or_else(|| format!("not one field: {params}"))?;
    o.iter().next().ok_or_else(|| "no field".to_string())
}

fn only(o: &serde_json::Map<String, Value>, allowed: &[&str]) -> Result<(), String> {
    match o.keys().find(|k| !allowed.iter().any(|a| a == k)) {
        Some(k) => Err(format!(
            "unknown parameter {k:?} (Quickwit denies unknown fields)"
        )),
        None => Ok(()),
    }
}
