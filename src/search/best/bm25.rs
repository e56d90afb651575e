//! One clause's BM25 scoring: tantivy's own weight, boost included, shared by the
//! clause's cursors.

use std::sync::Arc;

use tantivy::query::Bm25Weight;
use tantivy::Score;

/// One clause's BM25 scoring, boost included: tantivy's own [`Bm25Weight`], shared by the
/// clause's cursors in every segment.
#[derive(Clone)]
pub(super) struct Bm25(Arc<Bm25Weight>);

impl Bm25 {
    /// The weight for a term in `df` of `docs` documents, in a field whose average length
    /// is `average`, with `boost`.
    pub(super) fn new(df: u64, docs: u64, average: Score, boost: Score) -> Bm25 {
        // tantivy's idf wants at most as many matching documents as documents; a
        // frequency floor never exceeds them, but a corrupt statistic must not panic.
        let weight = Bm25Weight::for_one_term_without_explain(df.min(docs), docs, average);
        Bm25(Arc::new(weight.boost_by(boost)))
    }

    pub(super) fn score(&self, fieldnorm_id: u8, term_freq: u32) -> Score {
        self.0.score(fieldnorm_id, term_freq)
    }

    /// The highest score any document can get.
    pub(super) fn max_score(&self) -> Score {
        self.0.max_score()
    }

    pub(super) fn boost_by(&self, boost: Score) -> Bm25 {
        if boost == 1.0 {
            return self.clone();
        }
        Bm25(Arc::new(self.0.boost_by(boost)))
    }

    /// tantivy's weight, which block maxima take.
    pub(super) fn tantivy(&self) -> &Bm25Weight {
        &self.0
    }
}
