//! A query wrapper that keeps only the hits scoring at least a given score: the
//! relative cutoff of [`SearchRequest::relative_cutoff`](super::SearchRequest::relative_cutoff)
//! is applied through it, so that counts and facet counts agree with the hits.

use std::fmt;

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

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
        Ok(Box::new(MinScoreScorer::new(inner, self.min)))
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

struct MinScoreScorer {
    inner: Box<dyn Scorer>,
    min: Score,
    score: Score,
}

impl MinScoreScorer {
    fn new(inner: Box<dyn Scorer>, min: Score) -> MinScoreScorer {
        let mut scorer = MinScoreScorer {
            inner,
            min,
            score: 0.0,
        };
        scorer.settle();
        scorer
    }

    /// Moves to the first document, from the current one on, that scores enough.
    fn settle(&mut self) -> DocId {
        loop {
            let doc = self.inner.doc();
            if doc == TERMINATED {
                return doc;
            }
            let score = self.inner.score();
            if score >= self.min {
                self.score = score;
                return doc;
            }
            self.inner.advance();
        }
    }
}

impl DocSet for MinScoreScorer {
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

impl Scorer for MinScoreScorer {
    fn score(&mut self) -> Score {
        self.score
    }
}
