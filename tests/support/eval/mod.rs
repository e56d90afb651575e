//! Name-search evaluation through the real index, with baselines on the same corpus.
//!
//! Shared by `tests/name/eval.rs` (runs it on the dev set and asserts the thresholds)
//! and `examples/name_eval.rs` (prints the table for any set of the same TSV shape).
//! Included in both with `#[path = "…/support/eval/mod.rs"] mod eval;`.
//!
//! # Protocol
//! - **Corpus**: one unit per person, for every person of the names file and of the
//!   distractors file: `whereas <canonical name> was detained;`. Only the canonical
//!   name is indexed, never a variant.
//! - **Queries**: every `variant` of the names file, as typed (query syntax included).
//! - **Relevant**: the unit of the query's `entity_id` (exactly one per query); in
//!   the realistic corpus ([`realistic`]) a family-name query's relevant units are
//!   every unit naming a bearer.
//! - **Ranking**: each method returns its top [`DEPTH`] hits with scores; hits are
//!   ordered by score, and among equal scores non-relevant units come first
//!   (pessimistic ties, the same rule for every method). The cutoff is 10.
//! - **Metrics** (per method, overall and per script): recall@1, recall@10, MRR@10
//!   (reciprocal rank of the relevant unit, 0 when it is not in the top 10), and the
//!   non-relevant units in the top 10 (mean per query and total).
//!
//! # Methods
//! - `whereas, SearchRequest::name` (the headline): [`whereas::Index::in_ram`],
//!   units added through `IndexWriter::add`, each variant looked up with
//!   `SearchRequest::name(variant)`, exactly what a user looking a person up types.
//! - `whereas, SearchRequest::new`: the same index, the variant as a plain query
//!   (no relative cutoff), to show what the name lookup's cutoff removes.
//! - `tantivy default`: a `TEXT` field (default tokenizer), `QueryParser` over the variant.
//! - `fuzzy d=2`: one `FuzzyTermQuery` (distance 2, transpositions) per query token of
//!   the default tokenizer, ORed.
//! - `Beider-Morse approx` (rphonetic, generic names, approx rules, the full
//!   commons-codec rule files): each word's BM tokens indexed in a field; a query
//!   word is the best (dis-max) of its tokens, words ORed. Also after NFKD folding
//!   (combining marks stripped) of both sides. Skipped, with the reason, when the
//!   rule files cannot be found.
#![allow(dead_code)]

pub mod realistic;
pub mod rows;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rphonetic::{BeiderMorse, BeiderMorseBuilder, ConfigFiles, Encoder, NameType, RuleType};
use tantivy::collector::TopDocs;
use tantivy::query::{
    BooleanQuery, DisjunctionMaxQuery, FuzzyTermQuery, Occur, Query, QueryParser, TermQuery,
};
use tantivy::schema::{
    IndexRecordOption, Schema, TantivyDocument, TextFieldIndexing, TextOptions, Value, STORED, TEXT,
};
use tantivy::tokenizer::{TextAnalyzer, WhitespaceTokenizer};
use tantivy::Term;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use whereas::{Entity, EntityKind, Index, Resolution, SearchRequest, Span, Unit, UnitKind};

/// Hits fetched per query from every method, before the cutoff of 10 (deep enough to
/// see the ties around rank 10).
pub const DEPTH: usize = 50;
/// The rank cutoff of recall@10, MRR@10 and the non-relevant count.
pub const CUTOFF: usize = 10;

// Each includer (the test, the example) uses some of these.
#[allow(unused_imports)]
pub use self::rows::{parse_tsv, read_tsv, Row};

/// Reference of the evaluation resolution in the whereas index.
const REFERENCE: &str = "EVAL-NAMES";

/// One unit of the corpus: one person, or several in the realistic corpus
/// ([`realistic`]).
#[derive(Debug, Clone)]
pub struct Doc {
    /// The first person's id.
    pub entity_id: String,
    /// The names written in the unit, joined by ` · ` (for reports).
    pub name: String,
    /// The unit's text.
    pub text: String,
    /// Every person the unit names: id and the name as the text writes it.
    pub people: Vec<(String, String)>,
    /// The family names of those people, lower-cased.
    pub families: Vec<String>,
    /// Places the text names (tagged as the entity stage would).
    pub places: Vec<String>,
}

/// Whether `doc` answers `query`: it names the query's person, or, for a family-name
/// query (`entity_id` `family:<name>`), any bearer of the family name.
pub fn is_relevant(doc: &Doc, query: &Row) -> bool {
    match query.entity_id.strip_prefix(realistic::FAMILY) {
        Some(family) => doc.families.iter().any(|f| f == family),
        None => doc.people.iter().any(|(id, _)| *id == query.entity_id),
    }
}

/// The evaluation corpus and its queries.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// One unit per person: names-file people first, then distractors.
    pub docs: Vec<Doc>,
    /// Every variant of the names file.
    pub queries: Vec<Row>,
}

/// The sentence a person's unit holds.
pub fn unit_text(name: &str) -> String {
    format!("whereas {name} was detained;")
}

/// Builds the corpus: one unit per distinct `entity_id` of `names` and `distractors`
/// (its canonical name), and one query per row of `names`.
pub fn corpus(names: &[Row], distractors: &[Row]) -> Corpus {
    let mut docs: Vec<Doc> = Vec::new();
    for r in names.iter().chain(distractors) {
        if !docs.iter().any(|d| d.entity_id == r.entity_id) {
            docs.push(Doc {
                entity_id: r.entity_id.clone(),
                name: r.canonical.clone(),
                text: unit_text(&r.canonical),
                people: vec![(r.entity_id.clone(), r.canonical.clone())],
                families: vec![realistic::family_name(&r.canonical).to_lowercase()],
                places: vec![],
            });
        }
    }
    Corpus {
        docs,
        queries: names.to_vec(),
    }
}

/// A ranker: a query string in, `(doc index, score)` hits out (at most [`DEPTH`]).
pub type Hits = Result<Vec<(usize, f32)>, String>;

/// Figures over a set of queries.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Metrics {
    /// Queries evaluated.
    pub queries: usize,
    /// Share of queries whose first hit is the relevant unit.
    pub recall_at_1: f64,
    /// Share with the relevant unit in the top 10.
    pub recall_at_10: f64,
    /// Mean reciprocal rank of the relevant unit, cut off at 10.
    pub mrr: f64,
    /// Non-relevant units in the top 10, summed over the queries.
    pub nonrel_top10: usize,
    /// Queries the method rejected (counted as misses).
    pub errors: usize,
}

impl Metrics {
    /// Mean non-relevant units in the top 10 per query.
    pub fn nonrel_mean(&self) -> f64 {
        self.nonrel_top10 as f64 / self.queries.max(1) as f64
    }
}

/// What one query gave.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The query row.
    pub query: Row,
    /// Rank (1-based, within the cutoff) of the relevant unit.
    pub rank: Option<usize>,
    /// The top 10 after tie ordering: `(doc index, score)`.
    pub top: Vec<(usize, f32)>,
    /// The method's error, if it rejected the query.
    pub error: Option<String>,
}

/// A method's results over the whole query set.
#[derive(Debug, Clone)]
pub struct Report {
    /// Method name.
    pub method: String,
    /// All queries.
    pub overall: Metrics,
    /// Per script (`Latn`, `Cyrl`, …).
    pub by_script: BTreeMap<String, Metrics>,
    /// Every query's outcome, in query order.
    pub outcomes: Vec<Outcome>,
}

impl Report {
    /// Queries whose first hit is not the relevant unit.
    pub fn misses(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| o.rank != Some(1))
    }
}

/// Orders hits by score, non-relevant first among equal scores (then by doc index),
/// and keeps the top [`CUTOFF`].
pub fn order(
    mut hits: Vec<(usize, f32)>,
    is_relevant: impl Fn(usize) -> bool,
) -> Vec<(usize, f32)> {
    hits.sort_by(|a, b| {
        b.1.total_cmp(&a.1)
            .then_with(|| is_relevant(a.0).cmp(&is_relevant(b.0)))
            .then_with(|| a.0.cmp(&b.0))
    });
    hits.dedup_by_key(|h| h.0);
    hits.truncate(CUTOFF);
    hits
}

fn add(m: &mut Metrics, o: &Outcome, nonrel: usize) {
    m.queries += 1;
    if o.rank == Some(1) {
        m.recall_at_1 += 1.0;
    }
    if let Some(r) = o.rank {
        m.recall_at_10 += 1.0;
        m.mrr += 1.0 / r as f64;
    }
    m.nonrel_top10 += nonrel;
    m.errors += usize::from(o.error.is_some());
}

fn finish(m: &mut Metrics) {
    let n = m.queries.max(1) as f64;
    m.recall_at_1 /= n;
    m.recall_at_10 /= n;
    m.mrr /= n;
}

/// Runs every query of `corpus` through `rank` and scores the results.
pub fn evaluate(method: &str, corpus: &Corpus, mut rank: impl FnMut(&str) -> Hits) -> Report {
    let mut overall = Metrics::default();
    let mut by_script: BTreeMap<String, Metrics> = BTreeMap::new();
    let mut outcomes = Vec::new();
    for q in &corpus.queries {
        let relevant = |d: usize| is_relevant(&corpus.docs[d], q);
        let (hits, error) = match rank(&q.variant) {
            Ok(h) => (h, None),
            Err(e) => (Vec::new(), Some(e)),
        };
        let top = order(hits, relevant);
        let rank = top.iter().position(|(d, _)| relevant(*d)).map(|p| p + 1);
        let nonrel = top.iter().filter(|(d, _)| !relevant(*d)).count();
        let outcome = Outcome {
            query: q.clone(),
            rank,
            top,
            error,
        };
        add(&mut overall, &outcome, nonrel);
        add(
            by_script.entry(q.script.clone()).or_default(),
            &outcome,
            nonrel,
        );
        outcomes.push(outcome);
    }
    finish(&mut overall);
    by_script.values_mut().for_each(finish);
    Report {
        method: method.to_string(),
        overall,
        by_script,
        outcomes,
    }
}

// ---------------------------------------------------------------------------------
// whereas

/// The whereas index over the corpus ([`resolution`]).
pub fn whereas_index(corpus: &Corpus) -> whereas::Result<Index> {
    let index = Index::in_ram()?;
    let mut writer = index.writer()?;
    writer.add(&resolution(corpus))?;
    writer.commit()?;
    Ok(index)
}

/// The corpus as one resolution, one recital per person (labelled by its doc index),
/// the person's name recorded as a person entity (as the extractor would).
pub fn resolution(corpus: &Corpus) -> Resolution {
    let units = corpus
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let people = d.people.iter().map(|(_, w)| (EntityKind::Person, w));
            let places = d.places.iter().map(|p| (EntityKind::Place, p));
            let entities = people
                .chain(places)
                .map(|(kind, written)| {
                    let start = d.text.find(written.as_str()).unwrap_or(0);
                    Entity::new(kind, written.clone(), start)
                })
                .collect();
            let mut unit = Unit::new(UnitKind::Recital, i.to_string(), d.text.clone());
            unit.ordinal = i;
            let whole = Span {
                start: 0,
                end: d.text.len(),
            };
            unit.span = whole;
            unit.pieces = vec![whole];
            unit.entities = entities;
            unit
        })
        .collect();
    let mut resolution = Resolution::new(units);
    resolution.reference = Some(REFERENCE.into());
    resolution.title = Some("Name-search evaluation corpus".into());
    resolution.date = Some("2021-02-11".into());
    resolution.language = Some("en".into());
    resolution
}

/// How the whereas method asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// `SearchRequest::name(variant)`: a name lookup.
    Name,
    /// `SearchRequest::new(variant)`: a plain query.
    Plain,
}

/// A query through `SearchRequest`, hits mapped back to doc indices by unit label.
pub fn whereas_search(index: &Index, query: &str, ask: Ask) -> Hits {
    let request = match ask {
        Ask::Name => SearchRequest::name(query),
        Ask::Plain => SearchRequest::new(query),
    }
    .limit(DEPTH);
    let results = index.search(&request).map_err(|e| e.to_string())?;
    results
        .hits
        .iter()
        .map(|h| {
            h.label
                .parse::<usize>()
                .map(|d| (d, h.score))
                .map_err(|_| format!("unexpected unit label {:?}", h.label))
        })
        .collect()
}

// ---------------------------------------------------------------------------------
// Baselines: one plain tantivy index over the same unit texts.

/// The baseline index: the unit texts under tantivy's default tokenizer, plus the
/// Beider-Morse tokens of each word (raw and NFKD-folded) when an encoder is given.
pub struct Baseline {
    index: tantivy::Index,
    reader: tantivy::IndexReader,
    doc: tantivy::schema::Field,
    text: tantivy::schema::Field,
    bm: tantivy::schema::Field,
    bm_folded: tantivy::schema::Field,
}

/// The words of a text: maximal runs of letters and digits.
pub fn split_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// NFKD, then combining marks dropped (`Schäkischew` → `Schakischew`, `Й` → `И`).
pub fn fold(word: &str) -> String {
    word.nfkd().filter(|c| !is_combining_mark(*c)).collect()
}

/// The Beider-Morse tokens of one word: the alternatives of its encoding
/// (`(a|b)-(c|d)` → `a b c d`).
pub fn bm_tokens(bm: &BeiderMorse<'_>, word: &str) -> Vec<String> {
    let mut out: Vec<String> = bm
        .encode(word)
        .split(['|', '(', ')', '-'])
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    out
}

fn bm_field_text(bm: &BeiderMorse<'_>, text: &str, folded: bool) -> String {
    split_words(text)
        .into_iter()
        .flat_map(|w| {
            let w = if folded { fold(w) } else { w.to_string() };
            bm_tokens(bm, &w)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Baseline {
    /// Indexes the corpus; `bm` adds the Beider-Morse fields.
    pub fn build(corpus: &Corpus, bm: Option<&BeiderMorse<'_>>) -> tantivy::Result<Baseline> {
        let mut sb = Schema::builder();
        let doc = sb.add_u64_field("doc", STORED);
        let text = sb.add_text_field("text", TEXT);
        let bm_options = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("bm")
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let bm_field = sb.add_text_field("bm", bm_options.clone());
        let bm_folded = sb.add_text_field("bm_folded", bm_options);
        let index = tantivy::Index::create_in_ram(sb.build());
        index
            .tokenizers()
            .register("bm", TextAnalyzer::from(WhitespaceTokenizer::default()));
        let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000)?;
        for (i, d) in corpus.docs.iter().enumerate() {
            let mut td = TantivyDocument::default();
            td.add_u64(doc, i as u64);
            td.add_text(text, &d.text);
            if let Some(bm) = bm {
                td.add_text(bm_field, bm_field_text(bm, &d.text, false));
                td.add_text(bm_folded, bm_field_text(bm, &d.text, true));
            }
            writer.add_document(td)?;
        }
        writer.commit()?;
        let reader = index.reader()?;
        Ok(Baseline {
            index,
            reader,
            doc,
            text,
            bm: bm_field,
            bm_folded,
        })
    }

    fn run(&self, query: &dyn Query) -> Hits {
        let searcher = self.reader.searcher();
        let top = searcher
            .search(query, &TopDocs::with_limit(DEPTH).order_by_score())
            .map_err(|e| e.to_string())?;
        top.into_iter()
            .map(|(score, address)| {
                let d: TantivyDocument = searcher.doc(address).map_err(|e| e.to_string())?;
                let i = d
                    .get_first(self.doc)
                    .and_then(|v| v.as_u64())
                    .ok_or("document without its number")?;
                Ok((i as usize, score))
            })
            .collect()
    }

    /// tantivy's default tokenizer and query parser.
    pub fn default_tokenizer(&self, query: &str) -> Hits {
        let parser = QueryParser::for_index(&self.index, vec![self.text]);
        let q = parser.parse_query(query).map_err(|e| e.to_string())?;
        self.run(&*q)
    }

    /// The query's default-tokenizer tokens.
    fn tokens(&self, query: &str) -> Vec<String> {
        let mut analyzer = self
            .index
            .tokenizer_for_field(self.text)
            .expect("the text field has a tokenizer");
        let mut stream = analyzer.token_stream(query);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push(t.text.clone());
        }
        out
    }

    /// One `FuzzyTermQuery` (distance 2, transpositions on) per query token, ORed.
    pub fn fuzzy2(&self, query: &str) -> Hits {
        let clauses: Vec<(Occur, Box<dyn Query>)> = self
            .tokens(query)
            .iter()
            .map(|t| {
                let term = Term::from_field_text(self.text, t);
                (
                    Occur::Should,
                    Box::new(FuzzyTermQuery::new(term, 2, true)) as Box<dyn Query>,
                )
            })
            .collect();
        self.run(&BooleanQuery::new(clauses))
    }

    /// Beider-Morse: each query word is the best of its BM tokens; words ORed.
    pub fn beider_morse(&self, bm: &BeiderMorse<'_>, query: &str, folded: bool) -> Hits {
        let field = if folded { self.bm_folded } else { self.bm };
        let clauses: Vec<(Occur, Box<dyn Query>)> = split_words(query)
            .into_iter()
            .filter_map(|w| {
                let w = if folded { fold(w) } else { w.to_string() };
                let alts: Vec<Box<dyn Query>> = bm_tokens(bm, &w)
                    .iter()
                    .map(|t| {
                        Box::new(TermQuery::new(
                            Term::from_field_text(field, t),
                            IndexRecordOption::WithFreqs,
                        )) as Box<dyn Query>
                    })
                    .collect();
                (!alts.is_empty()).then(|| {
                    (
                        Occur::Should,
                        Box::new(DisjunctionMaxQuery::new(alts)) as Box<dyn Query>,
                    )
                })
            })
            .collect();
        self.run(&BooleanQuery::new(clauses))
    }
}

// ---------------------------------------------------------------------------------
// Beider-Morse rule files

/// Finds the full commons-codec Beider-Morse rule files (with the per-language
/// files, Cyrillic and Russian included): `$WHEREAS_BM_RULES`, else the rphonetic
/// 4.x package in the cargo registry (`$CARGO_HOME`, default `~/.cargo`), whose
/// `test_assets/cc-rules` holds the full set (its `rules/bm` holds only the
/// language-independent files). Err says what was looked for.
pub fn bm_rules_dir() -> Result<PathBuf, String> {
    let complete = |d: &Path| {
        [
            "gen_languages.txt",
            "gen_lang.txt",
            "gen_approx_cyrillic.txt",
            "gen_rules_russian.txt",
        ]
        .iter()
        .all(|f| d.join(f).is_file())
    };
    if let Some(dir) = std::env::var_os("WHEREAS_BM_RULES").map(PathBuf::from) {
        return if complete(&dir) {
            Ok(dir)
        } else {
            Err(format!(
                "WHEREAS_BM_RULES={} lacks the full rule files (gen_languages.txt, gen_approx_cyrillic.txt, …)",
                dir.display()
            ))
        };
    }
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .ok_or("neither CARGO_HOME nor HOME is set")?;
    let src = cargo_home.join("registry").join("src");
    let mut candidates = Vec::new();
    for registry in std::fs::read_dir(&src)
        .map_err(|e| format!("{}: {e}", src.display()))?
        .flatten()
    {
        for package in std::fs::read_dir(registry.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = package.file_name().to_string_lossy().into_owned();
            if name.starts_with("rphonetic-4") {
                for sub in ["rules/bm", "test_assets/cc-rules"] {
                    candidates.push(package.path().join(sub));
                }
            }
        }
    }
    candidates.sort();
    candidates.reverse();
    candidates.into_iter().find(|d| complete(d)).ok_or_else(|| {
        format!(
            "no rphonetic-4* package with the full commons-codec rule files under {} \
             (set WHEREAS_BM_RULES to a folder holding them)",
            src.display()
        )
    })
}

/// Loads the rule files.
pub fn bm_config() -> Result<ConfigFiles, String> {
    let dir = bm_rules_dir()?;
    ConfigFiles::new(&dir).map_err(|e| format!("{}: {e:?}", dir.display()))
}

/// The encoder of the baseline: generic names, approximate rules.
pub fn bm_encoder(config: &ConfigFiles) -> BeiderMorse<'_> {
    BeiderMorseBuilder::new(config)
        .name_type(NameType::Generic)
        .rule_type(RuleType::Approx)
        .build()
}

// ---------------------------------------------------------------------------------
// The whole run

/// Every method's report, whereas first (the name lookup, then the plain query), plus
/// the baselines that were skipped.
#[derive(Debug)]
pub struct Evaluation {
    /// Units in the corpus.
    pub units: usize,
    /// One report per method, whereas first.
    pub reports: Vec<Report>,
    /// Baselines not run, with the reason.
    pub skipped: Vec<(String, String)>,
}

/// The headline whereas method: `SearchRequest::name(variant)`, a name lookup.
pub const WHEREAS: &str = "whereas, SearchRequest::name";
/// whereas with the variant as a plain query, `SearchRequest::new(variant)`.
pub const WHEREAS_PLAIN: &str = "whereas, SearchRequest::new";

/// Whether a report is one of whereas's (not a baseline).
pub fn is_whereas(method: &str) -> bool {
    method.starts_with("whereas")
}

/// Runs whereas and every baseline on `corpus`.
pub fn run(corpus: &Corpus) -> Result<Evaluation, String> {
    let mut reports = Vec::new();
    let mut skipped = Vec::new();

    let index = whereas_index(corpus).map_err(|e| format!("whereas index: {e}"))?;
    reports.push(evaluate(WHEREAS, corpus, |q| {
        whereas_search(&index, q, Ask::Name)
    }));
    reports.push(evaluate(WHEREAS_PLAIN, corpus, |q| {
        whereas_search(&index, q, Ask::Plain)
    }));

    let config = match bm_config() {
        Ok(c) => Some(c),
        Err(reason) => {
            skipped.push(("Beider-Morse approx".to_string(), reason));
            None
        }
    };
    let bm = config.as_ref().map(bm_encoder);
    let baseline =
        Baseline::build(corpus, bm.as_ref()).map_err(|e| format!("baseline index: {e}"))?;
    reports.push(evaluate("tantivy default tokenizer", corpus, |q| {
        baseline.default_tokenizer(q)
    }));
    reports.push(evaluate("tantivy FuzzyTermQuery d=2", corpus, |q| {
        baseline.fuzzy2(q)
    }));
    if let Some(bm) = &bm {
        reports.push(evaluate("Beider-Morse approx", corpus, |q| {
            baseline.beider_morse(bm, q, false)
        }));
        reports.push(evaluate("Beider-Morse approx, NFKD-folded", corpus, |q| {
            baseline.beider_morse(bm, q, true)
        }));
    }
    Ok(Evaluation {
        units: corpus.docs.len(),
        reports,
        skipped,
    })
}

/// The main table (markdown): one line per method.
pub fn table(eval: &Evaluation) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "| method | queries | recall@1 | recall@10 | MRR@10 | non-relevant in top 10 (mean / total) |"
    );
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|");
    for r in &eval.reports {
        let m = &r.overall;
        let errors = if m.errors > 0 {
            format!(" ({} rejected)", m.errors)
        } else {
            String::new()
        };
        let _ = writeln!(
            s,
            "| {} | {}{errors} | {:.3} | {:.3} | {:.3} | {:.2} / {} |",
            r.method,
            m.queries,
            m.recall_at_1,
            m.recall_at_10,
            m.mrr,
            m.nonrel_mean(),
            m.nonrel_top10
        );
    }
    for (method, reason) in &eval.skipped {
        let _ = writeln!(s, "| {method} | skipped: {reason} | | | | |");
    }
    s
}

/// Per-script table (markdown): recall@1, MRR@10 and mean non-relevant per method.
pub fn script_table(eval: &Evaluation) -> String {
    let scripts: Vec<String> = eval
        .reports
        .first()
        .map(|r| r.by_script.keys().cloned().collect())
        .unwrap_or_default();
    let mut s = String::new();
    let _ = write!(s, "| method |");
    for sc in &scripts {
        let n = eval.reports[0].by_script[sc].queries;
        let _ = write!(s, " {sc} ({n}) R@1 | {sc} MRR | {sc} non-rel |");
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "|---|{}", "---:|".repeat(3 * scripts.len()));
    for r in &eval.reports {
        let _ = write!(s, "| {} |", r.method);
        for sc in &scripts {
            let m = r.by_script.get(sc).copied().unwrap_or_default();
            let _ = write!(
                s,
                " {:.3} | {:.3} | {:.2} |",
                m.recall_at_1,
                m.mrr,
                m.nonrel_mean()
            );
        }
        let _ = writeln!(s);
    }
    s
}

/// The queries a method did not rank first: query, expected person, what came first.
pub fn misses(corpus: &Corpus, report: &Report) -> String {
    let mut s = String::new();
    for o in report.misses() {
        let first = o
            .top
            .first()
            .map(|(d, score)| format!("{} ({score:.2})", corpus.docs[*d].name))
            .unwrap_or_else(|| "nothing".into());
        let rank = o
            .rank
            .map_or("not in top 10".to_string(), |r| format!("rank {r}"));
        let error = o
            .error
            .as_deref()
            .map(|e| format!(" error: {e}"))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "  {:?} [{} {}] expected {} ({rank}); first: {first}{error}",
            o.query.variant, o.query.script, o.query.system, o.query.canonical
        );
    }
    s
}

/// Where whereas's non-relevant top-10 hits score, relative to the query's best hit:
/// how many fall below each share of the best score. Shows what a relative score
/// floor would remove, and what it would cost in recall.
pub fn floor_study(report: &Report, floors: &[f32]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "| floor (share of best score) | non-relevant left (total) | relevant units lost |"
    );
    let _ = writeln!(s, "|---:|---:|---:|");
    for &f in floors {
        let mut left = 0;
        let mut lost = 0;
        for o in &report.outcomes {
            let best = o.top.first().map_or(0.0, |h| h.1);
            for (pos, (_, score)) in o.top.iter().enumerate() {
                let kept = *score >= f * best;
                let relevant = o.rank == Some(pos + 1);
                if relevant && !kept {
                    lost += 1;
                }
                if !relevant && kept {
                    left += 1;
                }
            }
        }
        let _ = writeln!(s, "| {f:.2} | {left} | {lost} |");
    }
    s
}

/// Every non-relevant unit in a method's top 10: query, unit, score, and score as a
/// share of the query's best.
pub fn nonrelevant(corpus: &Corpus, report: &Report) -> String {
    let mut s = String::new();
    for o in &report.outcomes {
        let best = o.top.first().map_or(0.0, |h| h.1);
        for (pos, (d, score)) in o.top.iter().enumerate() {
            if o.rank == Some(pos + 1) {
                continue;
            }
            let _ = writeln!(
                s,
                "  {:?} → #{} {} ({score:.2}, {:.2} of best; relevant at {})",
                o.query.variant,
                pos + 1,
                corpus.docs[*d].name,
                score / best.max(f32::MIN_POSITIVE),
                o.rank.map_or("-".to_string(), |r| r.to_string()),
            );
        }
    }
    s
}
