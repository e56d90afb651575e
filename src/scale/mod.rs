//! A [`SearchRequest`] as the request body of another engine's search API, for the
//! documents [`crate::index::export`] writes: Elasticsearch/OpenSearch `_search`, and
//! Quickwit's Elasticsearch-compatible `POST /api/v1/_elastic/<index>/_search`.
//!
//! In: a request (query string, filters, page, order, facet counts). Out: a JSON body
//! whose query is built as whereas's compiler builds its own, from the same code: the
//! same grammar and word splitting, the same keys per channel (`keys_of`,
//! `channel_keys`), the same channel boosts (exact 4, folded 3, translit 2, prose 1,
//! related 0.8), the same name-part weights and proximity pairs. Each query word
//! becomes a best-of-channels clause of BM25 `term` queries with boosts, never
//! constant-score `terms`:
//!
//! - **Elasticsearch/OpenSearch**: a `dis_max` (no tie-breaker) of the word's `term`
//!   queries, as whereas scores the best channel.
//! - **Quickwit** (0.8) has no `dis_max`, no `constant_score` and no `fuzzy` in its
//!   query DSL, and honours `boost` on `term` (and `match_all`) only. The best channel
//!   becomes the *first* channel in boost order that matches: each channel's clause is
//!   a `bool` whose `must_not` holds the higher channels' terms, so a unit scores
//!   through one channel only, as under a max, rather than the sum of all its
//!   channels. A phrase's boost is its `match_phrase` repeated (boost 3 = three
//!   clauses).
//!
//! Several bare words form one name, as in whereas: a unit matching more of its words
//! ranks first (each matched word adds [`COVERAGE_SCORE`]: `constant_score` on
//! Elasticsearch, a `bool` of a boosted `match_all` and the word as `filter` on
//! Quickwit), then by the words' scores, a given name weighing half a family name, plus
//! the whole-name proximity phrases on `name_translit` and `name_related`.
//!
//! Two choices whereas makes per word by looking at its index, only the engine can
//! make: the fuzzy fallback runs only for a word none of whose translit keys is
//! indexed, and a capitalised common word (`Release`, `Torture`: its prose stem in at
//! least twice as many units as its name form) is searched as prose only.
//! [`Translation::probes`] gives the count queries that decide both, and
//! [`Translation::body_with_counts`] takes their totals ([`Translation::body`]
//! assumes every word is an indexed name). The fallback is the list of keys the name analysis calls close (its
//! confusable-aware distance, spelled out as `term` queries boosted as whereas boosts
//! them); on Elasticsearch a key of nine or more symbols, where whereas accepts any one
//! edit but a first letter's, adds one `fuzzy` query (one edit, first letter fixed).
//!
//! Filters go to `bool.filter` (`kind`, `reference`, a `range` on `date_num`, a `term`
//! on `facets`, whose values carry their ancestors); facet counts become `terms`
//! aggregations on `facets`. What does not carry over, and the measured agreement on a
//! tantivy index built as Quickwit builds it, are in `docs/scaling.md`.
//!
//! ```
//! use whereas::scale::{request_body, Engine, ProbeKind, Translation};
//! use whereas::{SearchRequest, UnitKind};
//!
//! # fn main() -> whereas::Result<()> {
//! let request = SearchRequest::new("Zhumagulov")
//!     .kind(UnitKind::Recital)
//!     .facet_counts("/person", 10);
//! let es = request_body(&request, Engine::Elasticsearch)?;
//! let best = &es["query"]["bool"]["must"][0]["dis_max"]["queries"];
//! assert!(best.as_array().unwrap().iter().any(|q| q["term"]["name_translit"]["value"] == "jumagulov"));
//! assert_eq!(es["query"]["bool"]["filter"][0]["term"]["kind"]["value"], "recital");
//! assert_eq!(es["aggs"]["/person"]["terms"]["include"], "/person/[^/]*");
//!
//! // Quickwit: no dis_max. Probes ask the engine what whereas asks its index: here,
//! // whether the word's translit keys are indexed (and whether it is a common word).
//! let translation = Translation::new(&SearchRequest::new("Jumagulof"), Engine::Quickwit)?;
//! assert!(!translation.body().to_string().contains("dis_max"));
//! let probes = translation.probes();
//! assert_eq!((probes[0].word.as_str(), probes[0].kind), ("Jumagulof", ProbeKind::TranslitKeys));
//! // The engine counted no unit for any probe: the body takes the fuzzy fallback.
//! let body = translation.body_with_counts(&vec![0; probes.len()])?;
//! assert!(body.to_string().contains("\"jumagulov\""));
//! # Ok(())
//! # }
//! ```

use serde_json::{json, Map, Value};

use crate::index::export::{NAME_TRANSLIT_ALT, TEXT_TERMS};
use crate::index::field_name as field;
use crate::index::{date_number, date_number_upper, normalized_reference};
use crate::search::{fuzzy_boost, parse_facet, SearchRequest, Sort};
use crate::Error;

use self::plan::{Node, Plan, WordInfo};

mod fuzzy;
mod plan;

pub use self::plan::COVERAGE_SCORE;

/// The engine a body is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Engine {
    /// Elasticsearch 7/8 or OpenSearch: `POST <index>/_search`, with the mapping of
    /// `docs/scale/elasticsearch-index.json`.
    Elasticsearch,
    /// Quickwit 0.8: `POST /api/v1/_elastic/<index>/_search`, with the index config of
    /// `docs/scale/quickwit-index.yaml`.
    Quickwit,
}

/// What a [`Probe`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProbeKind {
    /// Units holding one of the word's translit keys: none, and the word falls back to
    /// fuzzy matches (`Jumagulof` → `jumagulov`).
    TranslitKeys,
    /// Units holding the word's prose stem in `text_terms`.
    ProseStem,
    /// Units holding the word's folded form in `name_folded`: with
    /// [`ProbeKind::ProseStem`], whether a capitalised word is a common word (its stem
    /// in at least twice as many units as its name form: `Torture`, `Release`), searched
    /// as prose only.
    NameForm,
}

/// A probe: a count query whose total the body depends on (see
/// [`Translation::probes`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Probe {
    /// The query word it is about.
    pub word: String,
    /// What it counts.
    pub kind: ProbeKind,
    /// The request body: no hits, only the total.
    pub body: Value,
}

/// What the probes said of one word.
#[derive(Debug, Clone, Copy, Default)]
struct Answer {
    /// None of its translit keys is indexed.
    unindexed: bool,
    /// A common word: prose only.
    prose_only: bool,
}

/// Most facet values a Quickwit terms aggregation is asked for: its aggregation has
/// no `include`, so a root's children are picked from all the facet values on the
/// client (see `docs/scaling.md`).
pub const QUICKWIT_FACET_TERMS: usize = 10_000;

/// A request translated for one engine.
#[derive(Debug, Clone)]
pub struct Translation {
    engine: Engine,
    query: Option<Node>,
    filters: Vec<Node>,
    words: Vec<WordInfo>,
    from: usize,
    size: usize,
    sort: Sort,
    facet_counts: Vec<(String, usize)>,
    total_limit: usize,
}

/// The request body for `engine` without probes ([`Translation::body`]): every query
/// word taken for a name whose keys are in the index, as most name queries are, in
/// one round trip.
///
/// # Errors
/// As [`Translation::new`].
pub fn request_body(request: &SearchRequest, engine: Engine) -> crate::Result<Value> {
    Ok(Translation::new(request, engine)?.body())
}

impl Translation {
    /// Reads `request` for `engine`.
    ///
    /// # Errors
    /// [`Error::Query`] for a query whereas itself rejects (too long, too many words,
    /// unknown field, bad date or kind, regex) and for a prefix query (`word*`), which
    /// is not translated; [`Error::InvalidArgument`] for a request that fails
    /// [`SearchRequest::validate`], a bad facet path or date filter, and a
    /// `search_after` cursor (whereas's cursors name whereas's sort keys; page with
    /// the engine's own `search_after`).
    pub fn new(request: &SearchRequest, engine: Engine) -> crate::Result<Translation> {
        request.validate()?;
        if request.search_after.is_some() {
            return Err(Error::InvalidArgument(
                "search_after cursors are whereas's own; page with the engine's search_after"
                    .into(),
            ));
        }
        let mut plan = Plan::new(&request.query);
        let query = plan.read()?;
        let words = std::mem::take(&mut plan.words);
        Ok(Translation {
            engine,
            query,
            filters: filters(request)?,
            words,
            from: request.offset,
            size: request.limit,
            sort: request.sort,
            facet_counts: request.facet_counts.clone(),
            total_limit: request.total_limit,
        })
    }

    /// The count queries whose totals decide, as whereas's own index lookups do, how
    /// each query word is searched: whether none of its translit keys is indexed (then
    /// it falls back to fuzzy matches; [`ProbeKind::TranslitKeys`]), and whether a
    /// capitalised word is a common word searched as prose only
    /// ([`ProbeKind::ProseStem`] and [`ProbeKind::NameForm`]). Run them (an
    /// `_msearch` sends them at once) and pass their totals, in this order, to
    /// [`Translation::body_with_counts`]. Empty when no word needs them.
    pub fn probes(&self) -> Vec<Probe> {
        let mut out: Vec<Probe> = Vec::new();
        let count = |should: Vec<Value>| {
            let mut body = Map::new();
            body.insert("size".into(), json!(0));
            if self.engine == Engine::Elasticsearch {
                body.insert("track_total_hits".into(), json!(true));
            }
            body.insert("query".into(), json!({ "bool": { "should": should } }));
            Value::Object(body)
        };
        for info in &self.words {
            let mut add = |kind: ProbeKind, body: Value| {
                if !out.iter().any(|p| p.word == info.word && p.kind == kind) {
                    out.push(Probe {
                        word: info.word.clone(),
                        kind,
                        body,
                    });
                }
            };
            if !info.translit.is_empty() {
                let terms = info
                    .translit
                    .iter()
                    .flat_map(|k| {
                        [field::NAME_TRANSLIT, NAME_TRANSLIT_ALT].map(|f| term_json(f, k, 1.0))
                    })
                    .collect();
                add(ProbeKind::TranslitKeys, count(terms));
            }
            if let Some((stem, folded)) = &info.prose {
                add(
                    ProbeKind::ProseStem,
                    count(vec![term_json(TEXT_TERMS, stem, 1.0)]),
                );
                add(
                    ProbeKind::NameForm,
                    count(vec![term_json(field::NAME_FOLDED, folded, 1.0)]),
                );
            }
        }
        out
    }

    /// The request body without probe answers: every word searched as a name (and as
    /// prose), none with the fuzzy fallback.
    pub fn body(&self) -> Value {
        self.render(&vec![Answer::default(); self.words.len()])
    }

    /// The request body given the totals of [`Translation::probes`], in their order.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `counts` does not hold one total per probe.
    pub fn body_with_counts(&self, counts: &[u64]) -> crate::Result<Value> {
        let probes = self.probes();
        if counts.len() != probes.len() {
            return Err(Error::InvalidArgument(format!(
                "{} probe totals for {} probes",
                counts.len(),
                probes.len()
            )));
        }
        let total = |word: &str, kind: ProbeKind| {
            probes
                .iter()
                .zip(counts)
                .find(|(p, _)| p.word == word && p.kind == kind)
                .map(|(_, n)| *n)
        };
        let answers: Vec<Answer> = self
            .words
            .iter()
            .map(|info| {
                let prose = total(&info.word, ProbeKind::ProseStem).unwrap_or(0);
                let name = total(&info.word, ProbeKind::NameForm).unwrap_or(0);
                let prose_only = info.prose.is_some() && prose > 0 && 2 * name <= prose;
                Answer {
                    unindexed: !prose_only && total(&info.word, ProbeKind::TranslitKeys) == Some(0),
                    prose_only,
                }
            })
            .collect();
        Ok(self.render(&answers))
    }

    fn render(&self, answers: &[Answer]) -> Value {
        let render = Render {
            engine: self.engine,
            words: &self.words,
            answers,
        };
        let mut body = Map::new();
        body.insert("from".into(), json!(self.from));
        body.insert("size".into(), json!(self.size));
        if self.engine == Engine::Elasticsearch {
            body.insert("track_total_hits".into(), json!(self.total_limit));
        }
        let query = self.query.as_ref().map(|q| render.node(q));
        let filters: Vec<Value> = self.filters.iter().map(|f| render.node(f)).collect();
        let query = match (query, filters.is_empty()) {
            (Some(q), true) => q,
            (None, true) => json!({ "match_all": {} }),
            (q, false) => {
                let mut inner = Map::new();
                if let Some(q) = q {
                    inner.insert("must".into(), json!([q]));
                }
                inner.insert("filter".into(), Value::Array(filters));
                json!({ "bool": inner })
            }
        };
        body.insert("query".into(), query);
        let sort = match self.sort {
            Sort::Relevance => None,
            Sort::Newest => Some(json!([{ "date_num": "desc" }, { "ordinal": "asc" }])),
            Sort::Oldest => Some(json!([{ "date_num": "asc" }, { "ordinal": "asc" }])),
            Sort::DocumentOrder => Some(json!([{ "reference": "asc" }, { "ordinal": "asc" }])),
        };
        if let Some(sort) = sort {
            body.insert("sort".into(), sort);
        }
        if !self.facet_counts.is_empty() {
            let mut aggs = Map::new();
            for (root, top) in &self.facet_counts {
                let root = root.trim_end_matches('/');
                let agg = match self.engine {
                    Engine::Elasticsearch => json!({ "terms": {
                        "field": field::FACETS,
                        "include": format!("{}/[^/]*", escape_lucene_regex(root)),
                        "size": top,
                    }}),
                    Engine::Quickwit => json!({ "terms": {
                        "field": field::FACETS,
                        "size": QUICKWIT_FACET_TERMS,
                    }}),
                };
                aggs.insert(root.to_string(), agg);
            }
            body.insert("aggs".into(), Value::Object(aggs));
        }
        Value::Object(body)
    }
}

/// The request's filters, as whereas applies them (kinds ORed, resolutions ORed, the
/// date range, each facet).
fn filters(request: &SearchRequest) -> crate::Result<Vec<Node>> {
    let mut out = Vec::new();
    let any = |nodes: Vec<Node>| match nodes.len() {
        1 => nodes.into_iter().next().unwrap_or(Node::All),
        _ => Node::Bool {
            must: Vec::new(),
            should: nodes,
            must_not: Vec::new(),
        },
    };
    let term = |field: &'static str, value: String| Node::Term {
        field,
        value,
        boost: 1.0,
    };
    if !request.kinds.is_empty() {
        out.push(any(request
            .kinds
            .iter()
            .map(|k| term(field::KIND, k.as_str().to_string()))
            .collect()));
    }
    if !request.resolutions.is_empty() {
        out.push(any(request
            .resolutions
            .iter()
            .map(|r| term(field::REFERENCE, normalized_reference(r)))
            .collect()));
    }
    let bad = |d: &str| {
        Error::InvalidArgument(format!("bad date {d:?}: use YYYY, YYYY-MM or YYYY-MM-DD"))
    };
    let gte = match request.date_from.as_deref() {
        Some(d) => Some(date_number(d).ok_or_else(|| bad(d))?),
        None => None,
    };
    let lte = match request.date_to.as_deref() {
        Some(d) => Some(date_number_upper(d).ok_or_else(|| bad(d))?),
        None => None,
    };
    if gte.is_some() || lte.is_some() {
        out.push(Node::Range {
            field: field::DATE_NUM,
            gte,
            lte,
        });
    }
    for path in &request.facets {
        let path = match path.strip_prefix("/resolution/") {
            Some(r) => format!("/resolution/{}", normalized_reference(r)),
            None => path.clone(),
        };
        out.push(term(field::FACETS, parse_facet(&path)?.to_string()));
    }
    Ok(out)
}

/// Escapes a facet path for a Lucene regular expression (`include` of a terms
/// aggregation).
fn escape_lucene_regex(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if ".?+*|{}[]()\"\\#@&<>~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn term_json(field: &str, value: &str, boost: f32) -> Value {
    let mut params = Map::new();
    params.insert("value".into(), json!(value));
    if boost != 1.0 {
        params.insert("boost".into(), json!(round(boost)));
    }
    json!({ "term": { field: params } })
}

/// Boosts as short decimals (0.8, not 0.800000011920929).
fn round(x: f32) -> f64 {
    (f64::from(x) * 1e6).round() / 1e6
}

/// Renders [`Node`]s for one engine.
struct Render<'a> {
    engine: Engine,
    words: &'a [WordInfo],
    answers: &'a [Answer],
}

impl Render<'_> {
    fn node(&self, node: &Node) -> Value {
        match node {
            Node::Term {
                field,
                value,
                boost,
            } => term_json(field, value, *boost),
            Node::Phrase {
                field,
                terms,
                slop,
                boost,
            } => self.phrase(field, terms, *slop, *boost),
            Node::Best { groups, word } => {
                let (groups, fallback) = self.channels(groups, *word);
                let mut groups: Vec<Vec<Value>> = groups
                    .iter()
                    .map(|g| g.iter().map(|n| self.node(n)).collect())
                    .collect();
                groups.extend(fallback);
                self.best(groups)
            }
            Node::Bool {
                must,
                should,
                must_not,
            } => {
                let mut inner = Map::new();
                for (name, nodes) in [("must", must), ("should", should), ("must_not", must_not)] {
                    if !nodes.is_empty() {
                        let list: Vec<Value> = nodes.iter().map(|n| self.node(n)).collect();
                        inner.insert(name.into(), Value::Array(list));
                    }
                }
                if should.is_empty() && must.is_empty() && must_not.is_empty() {
                    return json!({ "match_none": {} });
                }
                json!({ "bool": inner })
            }
            Node::Constant { filter, score } => {
                let filter = self.matching(filter);
                match self.engine {
                    Engine::Elasticsearch => {
                        json!({ "constant_score": { "filter": filter, "boost": round(*score) } })
                    }
                    Engine::Quickwit => json!({ "bool": {
                        "must": [{ "match_all": { "boost": round(*score) } }],
                        "filter": [filter],
                    }}),
                }
            }
            Node::Range { field, gte, lte } => {
                let mut bounds = Map::new();
                if let Some(g) = gte {
                    bounds.insert("gte".into(), json!(g));
                }
                if let Some(l) = lte {
                    bounds.insert("lte".into(), json!(l));
                }
                json!({ "range": { *field: bounds } })
            }
            Node::All => json!({ "match_all": {} }),
        }
    }

    fn phrase(&self, field: &str, terms: &[String], slop: u32, boost: f32) -> Value {
        let text = terms.join(" ");
        match self.engine {
            Engine::Elasticsearch => {
                let mut params = Map::new();
                params.insert("query".into(), json!(text));
                if slop > 0 {
                    params.insert("slop".into(), json!(slop));
                }
                if boost != 1.0 {
                    params.insert("boost".into(), json!(round(boost)));
                }
                json!({ "match_phrase": { field: params } })
            }
            Engine::Quickwit => {
                // `match_phrase` takes no boost in Quickwit: a boost of n is the phrase
                // n times in a `bool.should` (rounded, at least once).
                let one = json!({ "match_phrase": { field: { "query": text, "slop": slop } } });
                let times = boost.round().max(1.0) as usize;
                if times == 1 {
                    one
                } else {
                    json!({ "bool": { "should": vec![one; times] } })
                }
            }
        }
    }

    /// The best of channel groups (highest boost first).
    fn best(&self, groups: Vec<Vec<Value>>) -> Value {
        if groups.iter().map(Vec::len).sum::<usize>() == 1 {
            return groups.into_iter().flatten().next().unwrap_or(Value::Null);
        }
        match self.engine {
            Engine::Elasticsearch => {
                let queries: Vec<Value> = groups.into_iter().flatten().collect();
                json!({ "dis_max": { "queries": queries } })
            }
            Engine::Quickwit => {
                // The first matching channel in boost order scores, as under a max.
                let last = groups.len().saturating_sub(1);
                let mut higher: Vec<Value> = Vec::new();
                let mut channels = Vec::with_capacity(groups.len());
                for (i, group) in groups.into_iter().enumerate() {
                    let mut inner = Map::new();
                    if !higher.is_empty() {
                        inner.insert("must_not".into(), Value::Array(higher.clone()));
                    }
                    if i < last {
                        higher.extend(group.iter().cloned());
                    }
                    inner.insert("should".into(), Value::Array(group));
                    channels.push(json!({ "bool": inner }));
                }
                if channels.len() == 1 {
                    return channels.pop().unwrap_or(Value::Null);
                }
                json!({ "bool": { "should": channels } })
            }
        }
    }

    /// A query matching the units `node` matches, its scores aside: a best-of clause
    /// as the plain union of its terms (the filter of a [`Node::Constant`]).
    fn matching(&self, node: &Node) -> Value {
        match node {
            Node::Best { groups, word } => {
                let (groups, fallback) = self.channels(groups, *word);
                let mut all: Vec<Value> = groups
                    .iter()
                    .flat_map(|g| g.iter())
                    .map(|n| self.matching(n))
                    .collect();
                all.extend(fallback.into_iter().flatten());
                match all.len() {
                    1 => all.pop().unwrap_or(Value::Null),
                    _ => json!({ "bool": { "should": all } }),
                }
            }
            other => self.node(other),
        }
    }

    /// The channel groups a word is searched through, given the probes' answers (a
    /// common word: prose only), and its fuzzy fallback group where it needs one.
    fn channels<'n>(
        &self,
        groups: &'n [(bool, Vec<Node>)],
        word: Option<usize>,
    ) -> (Vec<&'n Vec<Node>>, Option<Vec<Value>>) {
        let info = word.and_then(|i| Some((self.words.get(i)?, self.answers.get(i)?)));
        let prose_only = info.is_some_and(|(_, a)| a.prose_only);
        let kept = groups
            .iter()
            .filter(|(prose, _)| *prose || !prose_only)
            .map(|(_, g)| g)
            .collect();
        let fallback = info
            .filter(|(_, a)| a.unindexed && !a.prose_only)
            .map(|(w, _)| self.fuzzy(&w.translit));
        (kept, fallback)
    }

    /// The fuzzy fallback of a word with these translit keys: one group of queries.
    fn fuzzy(&self, keys: &[String]) -> Vec<Value> {
        let mut out = Vec::new();
        for (key, d) in fuzzy::candidates(keys) {
            if self.engine == Engine::Elasticsearch && d >= 1.0 {
                continue; // the `fuzzy` queries below cover them
            }
            for f in [field::NAME_TRANSLIT, NAME_TRANSLIT_ALT] {
                out.push(term_json(f, &key, fuzzy_boost(d)));
            }
        }
        if self.engine == Engine::Elasticsearch {
            for key in keys {
                if crate::analysis::name::fuzzy_max_edits(key.chars().count()) >= 2 {
                    for f in [field::NAME_TRANSLIT, NAME_TRANSLIT_ALT] {
                        out.push(json!({ "fuzzy": { f: {
                            "value": key,
                            "fuzziness": 1,
                            "prefix_length": 1,
                            "transpositions": true,
                            "boost": round(fuzzy_boost(1.0)),
                        }}}));
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
