//! `whereas::scale` against Quickwit, simulated with tantivy ([`super::quickwit_sim`]):
//! the export of the same units in an index built as `docs/scale/quickwit-index.yaml`
//! declares it, each query sent as the Quickwit body `whereas::scale` writes (after
//! its fuzzy probes, run on the same index), the top 10 compared with whereas's own
//! search on the same units.
//!
//! - **overlap@10** of one query: the two top-10 lists as sets, |A ∩ B| / max(|A|, |B|)
//!   (1 when both are empty; a short list counts what it has, so a list of 3 against
//!   one of 10 scores at most 0.3). Each list is the engine's hits ordered by score,
//!   ties broken as the name evaluation breaks them (non-relevant units first, then
//!   unit order) for the name queries, and by unit id for the prose queries. The figure
//!   is the mean over the queries.
//! - **recall@1**: the share of name queries whose first hit (same tie rule) is the
//!   unit of the person the variant names.
//!
//! Queries: every variant of the dev name set over one unit per person of the names
//! and distractors files (`support::eval`'s corpus, the protocol of the name
//! evaluation, as plain `SearchRequest::new` queries), and prose and mixed queries over
//! the three corpus texts; and the variants over the realistic corpus
//! ([`super::eval::realistic`]), where several people share a unit and a family name.
//!
//! `tests/index/scale.rs` keeps the floors; `cargo run --release --example
//! scale_agreement` prints the figures (`docs/scaling.md`, "Measured agreement").

#![allow(dead_code)]

use std::collections::HashSet;

use serde_json::Value;
use whereas::index::export::documents;
use whereas::scale::{Engine, Translation};
use whereas::{Index, SearchRequest};

use super::eval::{self, Ask};
use super::quickwit_sim::Sim;

/// The Quickwit index config the simulation builds its fields from.
pub const CONFIG: &str = include_str!("../../docs/scale/quickwit-index.yaml");

/// Hits fetched from each engine before ordering and the cutoff.
const DEPTH: usize = 50;

/// Prose and mixed queries over the three corpus texts.
pub const PROSE: &[&str] = &[
    "political prisoners",
    "torture",
    "freedom of expression",
    "\"human rights defenders\"",
    "release Zhumagulov",
    "children deported to Russia",
    "public health pandemic",
    "journalists harassment",
    "kind:recital elections",
    "OSCE",
    "Tokayev",
    "civil society",
];

/// Runs `request` on the simulated Quickwit as a client would: the probes first, then
/// the body with the fuzzy fallback of the words no probe found.
pub fn quickwit(sim: &Sim, request: &SearchRequest) -> Result<Vec<(String, f32)>, String> {
    let translation = Translation::new(&request.clone().limit(DEPTH), Engine::Quickwit)
        .map_err(|e| e.to_string())?;
    let mut counts = Vec::new();
    for probe in translation.probes() {
        counts.push(sim.count(&probe.body)? as u64);
    }
    let body = translation
        .body_with_counts(&counts)
        .map_err(|e| e.to_string())?;
    sim.search(&body, DEPTH)
}

fn overlap<T: Eq + std::hash::Hash>(a: &[T], b: &[T]) -> f64 {
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    let a: HashSet<&T> = a.iter().collect();
    b.iter().filter(|x| a.contains(x)).count() as f64 / longest as f64
}

/// The figures of one query set.
#[derive(Debug)]
pub struct Agreement {
    pub queries: usize,
    pub overlap: f64,
    /// recall@1 of whereas and of the simulated Quickwit (name queries only).
    pub recall_at_1: Option<(f64, f64)>,
    /// The queries whose top 10 differ, with their overlap.
    pub differing: Vec<(String, f64)>,
}

/// The dev name set and its distractors: `None` (skipped) without the shared data.
pub fn dev_rows() -> Option<(Vec<eval::Row>, Vec<eval::Row>)> {
    let (names, distractors) = (
        super::shared_text("dev/names_dev.tsv")?,
        super::shared_text("dev/distractors_dev.tsv")?,
    );
    Some((
        eval::parse_tsv("names_dev.tsv", &names).expect("names parse"),
        eval::parse_tsv("distractors_dev.tsv", &distractors).expect("distractors parse"),
    ))
}

/// Every variant of `corpus` through whereas and through the simulated Quickwit.
pub fn names(corpus: &eval::Corpus) -> Agreement {
    let resolution = eval::resolution(corpus);
    let index = eval::whereas_index(corpus).expect("whereas indexes");
    let sim = Sim::build(CONFIG, &documents(&resolution).expect("export")).expect("simulated");
    let whereas = eval::evaluate("whereas", corpus, |q| {
        eval::whereas_search(&index, q, Ask::Plain)
    });
    let quickwit = eval::evaluate("quickwit", corpus, |q| {
        quickwit(&sim, &SearchRequest::new(q))?
            .into_iter()
            .map(|(id, score)| {
                let label = id.rsplit('/').next().unwrap_or_default();
                label
                    .parse::<usize>()
                    .map(|d| (d, score))
                    .map_err(|_| format!("unexpected unit id {id:?}"))
            })
            .collect()
    });
    let error = quickwit.outcomes.iter().find_map(|o| o.error.as_ref());
    assert!(error.is_none(), "{error:?}");
    let mut total = 0.0;
    let mut differing = Vec::new();
    for (w, q) in whereas.outcomes.iter().zip(&quickwit.outcomes) {
        let a: Vec<usize> = w.top.iter().map(|h| h.0).collect();
        let b: Vec<usize> = q.top.iter().map(|h| h.0).collect();
        let o = overlap(&a, &b);
        if o < 1.0 {
            differing.push((w.query.variant.clone(), o));
        }
        total += o;
    }
    let n = whereas.outcomes.len();
    Agreement {
        queries: n,
        overlap: total / n.max(1) as f64,
        recall_at_1: Some((whereas.overall.recall_at_1, quickwit.overall.recall_at_1)),
        differing,
    }
}

/// Top 10 by score, ties by id.
fn top10(mut hits: Vec<(String, f32)>) -> Vec<String> {
    hits.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    hits.into_iter().take(10).map(|h| h.0).collect()
}

/// The prose queries over the three corpus texts: `None` (skipped) without them.
pub fn prose() -> Option<Agreement> {
    let resolutions = super::corpus_texts()?;
    let index = Index::from_resolutions(resolutions.iter()).expect("indexes");
    let mut docs: Vec<Value> = Vec::new();
    for r in &resolutions {
        docs.extend(documents(r).expect("export"));
    }
    let sim = Sim::build(CONFIG, &docs).expect("simulated");
    let mut total = 0.0;
    let mut differing = Vec::new();
    for query in PROSE {
        let request = SearchRequest::new(*query).limit(DEPTH);
        let ours: Vec<(String, f32)> = index
            .search(&request)
            .expect("searches")
            .hits
            .into_iter()
            .map(|h| (h.id, h.score))
            .collect();
        let theirs = quickwit(&sim, &request).expect("the simulated engine runs the body");
        let o = overlap(&top10(ours), &top10(theirs));
        if o < 1.0 {
            differing.push((query.to_string(), o));
        }
        total += o;
    }
    Some(Agreement {
        queries: PROSE.len(),
        overlap: total / PROSE.len() as f64,
        recall_at_1: None,
        differing,
    })
}

pub fn print(title: &str, a: &Agreement) {
    println!(
        "{title}: {} queries, overlap@10 {:.3}",
        a.queries, a.overlap
    );
    if let Some((w, q)) = a.recall_at_1 {
        println!("  recall@1: whereas {w:.3}, simulated Quickwit {q:.3}");
    }
    for (query, o) in &a.differing {
        println!("  {o:.2}  {query}");
    }
}
