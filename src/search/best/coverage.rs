//! Whole-name ranking: several query words as one name, ranked by how many of them a
//! unit matches before how well.
//!
//! In: one best-of-channels query per word (with a weight for its part of the name),
//! optional *context* queries (matches a word may count only beside another word of
//! the name: a typo in one word), and *soft* queries that add to the score without
//! counting as a word (proximity of two words, an initial that fits a given name).
//! Out: units matching at least one word, scored
//!
//! ```text
//! score = COVERAGE_UNIT × (c + s / (s + SATURATION))
//! ```
//!
//! where `c` counts the query words the unit matches (through any channel, or
//! through its context query when another word matched), each by its
//! [count](NameWord::count): two for a word, one for a father's name after a word
//! for "son of" (texts often leave it out, and a unit with the father's names but
//! not the person's own is the father: `Salman bin Abdulaziz` for `Mohammad bin
//! Salman bin Abdulaziz`); and `s` is the weighted sum of the word scores and the soft scores. `s / (s +
//! SATURATION)` is below 1, so a unit matching more always ranks above one matching
//! less, however exactly; among units matching as much, the better channels (and
//! the family name, which weighs more than a given name) win.
//!
//! Invariant: the units are those of the union of the word queries; context and soft
//! queries never add a unit.

use std::fmt;

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TantivyError, TERMINATED};

/// The score one matched word adds before the tie-breaking share.
const COVERAGE_UNIT: Score = 4.0;
/// The weighted score at which the tie-breaking share reaches one half.
const SATURATION: Score = 8.0;

/// One word of a name query.
#[derive(Debug)]
pub(crate) struct NameWord {
    /// The word through its channels.
    pub(crate) query: Box<dyn Query>,
    /// Matches that count for the word only when another word of the name matches the
    /// same unit (a word one edit away); `None` when there are none.
    pub(crate) context: Option<Box<dyn Query>>,
    /// The word's weight in the tie-breaking score: its part of the name.
    pub(crate) weight: Score,
    /// What matching the word adds to the count of the module docs' formula: 2 for
    /// a word, 1 for a father's name after a word for "son of" (`run_counts` in the
    /// compiler decides).
    pub(crate) count: u32,
}

/// The query over a name's words; see the module docs.
#[derive(Debug)]
pub(crate) struct CoverageQuery {
    words: Vec<NameWord>,
    soft: Vec<Box<dyn Query>>,
}

impl Clone for NameWord {
    fn clone(&self) -> NameWord {
        NameWord {
            query: self.query.box_clone(),
            context: self.context.as_ref().map(|q| q.box_clone()),
            weight: self.weight,
            count: self.count,
        }
    }
}

impl Clone for CoverageQuery {
    fn clone(&self) -> CoverageQuery {
        CoverageQuery {
            words: self.words.clone(),
            soft: self.soft.iter().map(|q| q.box_clone()).collect(),
        }
    }
}

impl CoverageQuery {
    /// A query over `words`, with `soft` queries that only add to the score.
    pub(crate) fn new(words: Vec<NameWord>, soft: Vec<Box<dyn Query>>) -> CoverageQuery {
        CoverageQuery { words, soft }
    }
}

impl Query for CoverageQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let mut words = Vec::with_capacity(self.words.len());
        for word in &self.words {
            words.push(WordWeight {
                main: word.query.weight(scoring)?,
                context: word
                    .context
                    .as_ref()
                    .map(|q| q.weight(scoring))
                    .transpose()?,
                weight: word.weight,
                count: word.count,
            });
        }
        let soft = self
            .soft
            .iter()
            .map(|q| q.weight(scoring))
            .collect::<tantivy::Result<_>>()?;
        Ok(Box::new(CoverageWeight { words, soft }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a tantivy::Term, bool)) {
        for word in &self.words {
            word.query.query_terms(visitor);
        }
    }
}

struct WordWeight {
    main: Box<dyn Weight>,
    context: Option<Box<dyn Weight>>,
    weight: Score,
    count: u32,
}

struct CoverageWeight {
    words: Vec<WordWeight>,
    soft: Vec<Box<dyn Weight>>,
}

impl Weight for CoverageWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut words = Vec::with_capacity(self.words.len());
        for word in &self.words {
            words.push(WordScorer {
                main: word.main.scorer(reader, 1.0)?,
                context: word
                    .context
                    .as_ref()
                    .map(|w| w.scorer(reader, 1.0))
                    .transpose()?,
                weight: word.weight,
                count: word.count,
            });
        }
        let soft = self
            .soft
            .iter()
            .map(|w| w.scorer(reader, 1.0))
            .collect::<tantivy::Result<_>>()?;
        let mut scorer = CoverageScorer {
            words,
            soft,
            doc: 0,
            boost,
        };
        scorer.doc = scorer.least();
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new(
            "words of the name matched, then how well",
            scorer.score(),
        ))
    }
}

struct WordScorer {
    main: Box<dyn Scorer>,
    context: Option<Box<dyn Scorer>>,
    weight: Score,
    count: u32,
}

struct CoverageScorer {
    words: Vec<WordScorer>,
    soft: Vec<Box<dyn Scorer>>,
    doc: DocId,
    boost: Score,
}

impl CoverageScorer {
    /// The least document any word's main scorer is on.
    fn least(&self) -> DocId {
        self.words
            .iter()
            .map(|w| w.main.doc())
            .min()
            .unwrap_or(TERMINATED)
    }
}

/// Moves `scorer` to `doc` if it is behind, and tells whether it is there.
fn reaches(scorer: &mut dyn Scorer, doc: DocId) -> bool {
    if scorer.doc() < doc {
        scorer.seek(doc);
    }
    scorer.doc() == doc
}

impl DocSet for CoverageScorer {
    fn advance(&mut self) -> DocId {
        let doc = self.doc;
        for word in &mut self.words {
            if word.main.doc() == doc {
                word.main.advance();
            }
        }
        self.doc = self.least();
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        for word in &mut self.words {
            if word.main.doc() < target {
                word.main.seek(target);
            }
        }
        self.doc = self.least();
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.words
            .iter()
            .map(|w| w.main.size_hint())
            .max()
            .unwrap_or(0)
    }
}

impl Scorer for CoverageScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        let (mut covered, mut sum) = (0u32, 0.0);
        let mut in_context: Score = 0.0;
        let mut context_count = 0u32;
        let mut any = false;
        for word in &mut self.words {
            if word.main.doc() == doc {
                any = true;
                covered += word.count;
                sum += word.weight * word.main.score();
            } else if let Some(context) = &mut word.context {
                if reaches(context.as_mut(), doc) {
                    context_count += word.count;
                    in_context += word.weight * context.score();
                }
            }
        }
        if any {
            covered += context_count;
            sum += in_context;
        }
        for soft in &mut self.soft {
            if reaches(soft.as_mut(), doc) {
                sum += soft.score();
            }
        }
        let share = if sum > 0.0 {
            sum / (sum + SATURATION)
        } else {
            0.0
        };
        self.boost * COVERAGE_UNIT * (covered as Score + share)
    }
}

impl fmt::Debug for CoverageWeight {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CoverageWeight({} words)", self.words.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_words_outrank_better_channels() {
        // The score of `c` words lies in [c, c + 1) coverage units.
        let score = |c: u32, sum: Score| COVERAGE_UNIT * (c as Score + sum / (sum + SATURATION));
        assert!(score(2, 0.1) > score(1, 1e6));
        assert!(score(3, 0.1) > score(2, 1e6));
        assert!(score(1, 10.0) > score(1, 5.0));
    }
}
