//! How many units a query matches: exactly, or exactly up to a limit.
//!
//! An exact total reads every posting of every matching key. For a name that an
//! archive mentions tens of thousands of times that is most of a search's time, spent
//! on a digit that a reader takes as "very many". Lucene stops counting at 1,000 hits
//! and Elasticsearch at 10,000 by default, for this reason; whereas counts exactly up
//! to [`SearchRequest::total_up_to`](super::SearchRequest::total_up_to) and, past it,
//! reports a lower bound.
//!
//! [`count_up_to`] counts one segment within a budget:
//! - a single query word ([`BestTermWeight`]) needs no counting to know a lower bound:
//!   every unit of its largest clause matches, so when that clause alone
//!   holds more units than the budget, its document frequency, already looked up, is
//!   the answer;
//! - a query whose exact count costs nothing (one term, or every unit: tantivy reads
//!   it from the term dictionary or the segment's size) is counted exactly;
//! - any other query is counted unit by unit, stopping once a unit past the budget is
//!   seen;
//! - an unlimited budget is [`Weight::count`], each query's own exact count.

use tantivy::query::{Scorer, Weight};
use tantivy::{SegmentReader, TERMINATED};

use super::best::BestTermWeight;

/// A segment's count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Counted {
    /// Units counted.
    pub(crate) units: u32,
    /// Whether `units` is every matching unit of the segment; if not, more match.
    pub(crate) exact: bool,
}

/// What is counted, by how it can be counted.
#[derive(Clone, Copy)]
pub(crate) enum Counting<'a> {
    /// One query word: knows a lower bound without counting.
    Word(&'a BestTermWeight),
    /// A query whose exact count costs nothing (a single term, every unit).
    Free(&'a dyn Weight),
    /// Any other query.
    Any(&'a dyn Weight),
}

impl<'a> Counting<'a> {
    fn as_dyn(self) -> &'a dyn Weight {
        match self {
            Counting::Word(word) => word,
            Counting::Free(weight) | Counting::Any(weight) => weight,
        }
    }
}

/// The number of units of `reader`'s segment that `weight` matches, exact when it is
/// at most `budget`; otherwise a lower bound above or at `budget`, with
/// `exact: false`. `u32::MAX` counts exactly, through [`Weight::count`].
pub(crate) fn count_up_to(
    weight: Counting<'_>,
    reader: &SegmentReader,
    budget: u32,
) -> tantivy::Result<Counted> {
    let exact = |weight: &dyn Weight| -> tantivy::Result<Counted> {
        Ok(Counted {
            units: weight.count(reader)?,
            exact: true,
        })
    };
    let alive = reader.alive_bitset();
    match weight {
        Counting::Free(_) => exact(weight.as_dyn()),
        _ if budget == u32::MAX => exact(weight.as_dyn()),
        Counting::Word(word) if alive.is_none() => {
            let floor = word.matching_floor(reader)?;
            if floor > budget {
                Ok(Counted {
                    units: floor,
                    exact: false,
                })
            } else {
                // Within the budget: the exact count, for one word a bit-set union of
                // its clauses, cheaper than walking the merged postings.
                exact(word)
            }
        }
        _ => {
            let mut scorer = weight.as_dyn().scorer(reader, 1.0)?;
            Ok(walk(
                scorer.as_mut(),
                |doc| alive.is_none_or(|a| a.is_alive(doc)),
                budget,
            ))
        }
    }
}

/// Counts the documents of `scorer` that `alive` keeps, stopping at the first one past
/// `budget`.
fn walk(scorer: &mut dyn Scorer, alive: impl Fn(u32) -> bool, budget: u32) -> Counted {
    let mut units = 0u32;
    let mut doc = scorer.doc();
    while doc != TERMINATED {
        if alive(doc) {
            if units == budget {
                return Counted {
                    units,
                    exact: false,
                };
            }
            units += 1;
        }
        doc = scorer.advance();
    }
    Counted { units, exact: true }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::{DocId, DocSet, Score};

    /// A scorer over fixed documents.
    struct Docs {
        docs: Vec<DocId>,
        at: usize,
    }

    impl DocSet for Docs {
        fn advance(&mut self) -> DocId {
            self.at += 1;
            self.doc()
        }
        fn doc(&self) -> DocId {
            self.docs.get(self.at).copied().unwrap_or(TERMINATED)
        }
        fn size_hint(&self) -> u32 {
            self.docs.len() as u32
        }
    }

    impl Scorer for Docs {
        fn score(&mut self) -> Score {
            1.0
        }
    }

    fn walked(docs: &[u32], alive: impl Fn(u32) -> bool, budget: u32) -> Counted {
        let mut scorer = Docs {
            docs: docs.to_vec(),
            at: 0,
        };
        walk(&mut scorer, alive, budget)
    }

    #[test]
    fn walking_stops_only_past_the_budget() {
        let docs = [1, 4, 5, 9, 12];
        let counted = |units, exact| Counted { units, exact };
        assert_eq!(walked(&docs, |_| true, 10), counted(5, true));
        assert_eq!(
            walked(&docs, |_| true, 5),
            counted(5, true),
            "exactly the budget"
        );
        assert_eq!(walked(&docs, |_| true, 4), counted(4, false));
        assert_eq!(walked(&docs, |_| true, 0), counted(0, false));
        assert_eq!(walked(&[], |_| true, 0), counted(0, true));
        // Deleted documents count for nothing, not even as "more".
        assert_eq!(walked(&docs, |d| d != 12, 4), counted(4, true));
        assert_eq!(walked(&docs, |d| d % 2 == 0, 1), counted(1, false));
    }
}
