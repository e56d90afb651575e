//! The ranked-retrieval evaluation of the name analysis (no index) on the dev set,
//! used by `tests/name/dev.rs`; the dev-set rows come from `support/eval/rows.rs`.
#![allow(dead_code)]

use super::eval::rows::Row;

/// A searchable document: one name, belonging to one entity.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Entity id.
    pub entity_id: String,
    /// The name indexed.
    pub name: String,
}

/// The evaluation corpus: one document per dev entity (its canonical name)
/// and one per distinct distractor spelling; the queries are every dev variant.
pub fn corpus(names: &[Row], distractors: &[Row]) -> (Vec<Doc>, Vec<Row>) {
    let mut docs: Vec<Doc> = Vec::new();
    for r in names {
        if !docs.iter().any(|d| d.entity_id == r.entity_id) {
            docs.push(Doc {
                entity_id: r.entity_id.clone(),
                name: r.canonical.clone(),
            });
        }
    }
    for r in distractors {
        if !docs.iter().any(|d| d.name == r.variant) {
            docs.push(Doc {
                entity_id: r.entity_id.clone(),
                name: r.variant.clone(),
            });
        }
    }
    (docs, names.to_vec())
}

/// Ranked-retrieval figures over a query set.
#[derive(Debug, Clone, Copy, Default)]
pub struct Metrics {
    /// Queries evaluated.
    pub queries: usize,
    /// Share of queries whose first hit is relevant.
    pub recall_at_1: f64,
    /// Share with a relevant hit in the top 10.
    pub recall_at_10: f64,
    /// Mean reciprocal rank of the first relevant hit (0 when none).
    pub mrr: f64,
    /// Non-relevant hits in the top 10, summed over all queries.
    pub nonrel_top10: usize,
}

/// Evaluates a ranker: `rank(query)` returns `(doc index, score)` for every
/// document it considers a hit; hits are sorted by score, and ties count against
/// the method: among equal scores the non-relevant documents come first (then doc
/// index), so a relevant unit tied with an irrelevant one ranks below it.
pub fn evaluate(
    docs: &[Doc],
    queries: &[Row],
    mut rank: impl FnMut(&str) -> Vec<(usize, f32)>,
    mut on_miss: impl FnMut(&Row, &[(usize, f32)]),
) -> Metrics {
    let mut m = Metrics {
        queries: queries.len(),
        ..Metrics::default()
    };
    for q in queries {
        let mut hits = rank(&q.variant);
        let relevant = |d: usize| docs[d].entity_id == q.entity_id;
        hits.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then(relevant(a.0).cmp(&relevant(b.0)))
                .then(a.0.cmp(&b.0))
        });
        let first = hits
            .iter()
            .position(|(d, _)| docs[*d].entity_id == q.entity_id);
        if first == Some(0) {
            m.recall_at_1 += 1.0;
        } else {
            on_miss(q, &hits);
        }
        if first.is_some_and(|p| p < 10) {
            m.recall_at_10 += 1.0;
        }
        if let Some(p) = first {
            m.mrr += 1.0 / (p as f64 + 1.0);
        }
        m.nonrel_top10 += hits
            .iter()
            .take(10)
            .filter(|(d, _)| docs[*d].entity_id != q.entity_id)
            .count();
    }
    let n = m.queries.max(1) as f64;
    m.recall_at_1 /= n;
    m.recall_at_10 /= n;
    m.mrr /= n;
    m
}

/// One table line for [`Metrics`].
pub fn table_line(name: &str, m: &Metrics) -> String {
    format!(
        "| {name:<28} | {:>8.3} | {:>9.3} | {:>6.3} | {:>14} |",
        m.recall_at_1, m.recall_at_10, m.mrr, m.nonrel_top10
    )
}

/// The table header matching [`table_line`].
pub fn table_header() -> String {
    format!(
        "| {:<28} | recall@1 | recall@10 |  MRR   | nonrel in top10 |\n|{}|",
        "method",
        "-".repeat(78)
    )
}
