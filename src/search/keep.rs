//! A scorer that keeps only the documents a predicate accepts, scores unchanged: what
//! the relative cutoff (`cutoff.rs`) and cursor paging (`sort.rs`) filter a query with.

use tantivy::query::Scorer;
use tantivy::{DocId, DocSet, Score, TERMINATED};

/// The documents of `inner` for which `keep(doc, score)` holds.
pub(crate) struct KeepScorer<F> {
    inner: Box<dyn Scorer>,
    keep: F,
    score: Score,
}

impl<F: FnMut(DocId, Score) -> bool + Send + 'static> KeepScorer<F> {
    /// Wraps `inner`, positioned on its first kept document.
    pub(crate) fn new(inner: Box<dyn Scorer>, keep: F) -> KeepScorer<F> {
        let mut scorer = KeepScorer {
            inner,
            keep,
            score: 0.0,
        };
        scorer.settle();
        scorer
    }

    /// Moves to the first kept document, from the current one on.
    fn settle(&mut self) -> DocId {
        loop {
            let doc = self.inner.doc();
            if doc == TERMINATED {
                return doc;
            }
            let score = self.inner.score();
            if (self.keep)(doc, score) {
                self.score = score;
                return doc;
            }
            self.inner.advance();
        }
    }
}

impl<F: FnMut(DocId, Score) -> bool + Send + 'static> DocSet for KeepScorer<F> {
    fn advance(&mut self) -> DocId {
        self.inner.advance();
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.inner.doc() >= target {
            return self.inner.doc();
        }
        self.inner.seek(target);
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }
}

impl<F: FnMut(DocId, Score) -> bool + Send + 'static> Scorer for KeepScorer<F> {
    fn score(&mut self) -> Score {
        self.score
    }
}
