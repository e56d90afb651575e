//! A query wrapper that keeps only the hits scoring at least a given score: the
//! relative cutoff of [`SearchRequest::relative_cutoff`](super::SearchRequest::relative_cutoff)
//! is applied through it, so that counts and facet counts agree with the hits.

use std::fmt;

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, Score, SegmentReader, Term};

use super::keep::KeepScorer;

/// Hits of `inner` scoring at least `min`, with their scores unchanged.
pub(crate) struct MinScoreQuery {
    inner: Box<dyn Query>,
    min: Score,
}

impl MinScoreQuery {
    pub(crate) fn new(inner: Box<dyn Query>, min: Score) -> MinScoreQuery {
        MinScoreQuery { inner, min }
    }
}

impl Clone for MinScoreQuery {
    fn clone(&self) -> Self {
        MinScoreQuery {
            inner: self.inner.box_clone(),
            min: self.min,
        }
    }
}

impl fmt::Debug for MinScoreQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MinScore(query={:?}, min={})", self.inner, self.min)
    }
}

impl Query for MinScoreQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let inner = self.inner.weight(enable_scoring)?;
        if !enable_scoring.is_scoring_enabled() {
            // Without scores there is nothing to compare; callers keep scoring on.
            return Ok(inner);
        }
        Ok(Box::new(MinScoreWeight {
            inner,
            min: self.min,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor)
    }
}

struct MinScoreWeight {
    inner: Box<dyn Weight>,
    min: Score,
}

impl Weight for MinScoreWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let inner = self.inner.scorer(reader, boost)?;
        let min = self.min;
        Ok(Box::new(KeepScorer::new(inner, move |_, score| {
            score >= min
        })))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let inner = self.inner.explain(reader, doc)?;
        let mut explanation = Explanation::new_with_string(
            format!("at least {} (relative cutoff) of ...", self.min),
            inner.value(),
        );
        explanation.add_detail(inner);
        Ok(explanation)
    }
}
