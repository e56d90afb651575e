//! The best of several single-term clauses: what one query word becomes.
//!
//! A bare query word is looked up through several keys (its exact spelling, its
//! folded form, its transliteration and related keys, its prose stem, fuzzy
//! neighbours), each a BM25 term clause with its channel's boost, and a unit scores
//! the best of the clauses it matches. tantivy's `DisjunctionMaxQuery` over
//! `TermQuery`s computes the same scores, but through a generic buffered union that
//! scores every posting of every clause; the keys of one word mostly match the same
//! units, so most of that work is thrown away by the max.
//!
//! [`BestTermQuery`] gives the same scores for less:
//! - for the page ([`Weight::for_each_pruning`], what `TopDocs` alone calls), the
//!   clause that can score highest is collected first, block by block, each unit with
//!   its full score, and blocks whose block maximum cannot beat the collector's
//!   threshold are not scored; then the clauses whose best possible score still beats
//!   the threshold are merged, skipping the units already scored (MaxScore pruning:
//!   under a max, a clause below the threshold can neither add a hit nor lift one).
//!   A clause's postings are opened only when needed;
//! - counting ([`Weight::count`]) unions the clauses' document ids in a bit set,
//!   without frequencies or scores, and skips the clauses the query marks as
//!   [covered](Clause::covered) (a word's keys nest: whatever its exact spelling or a
//!   translit key matches, its folded form or a related key matches too);
//! - its scorer, for use inside other queries, merges the uncovered clauses and
//!   scores a unit only when asked;
//! - each term is looked up once per segment; clauses score with tantivy's own
//!   [`Bm25Weight`](tantivy::query::Bm25Weight).
//!
//! The tests below compare scores, pages and counts with tantivy's dis-max on a
//! randomised index, through each path, with filters and deletes.

//!
//! Files: this one holds the query and its clauses; `weight.rs` the weight (term
//! lookups, BM25, page collection with pruning, counting); `scorer.rs` the per-segment
//! cursors, the merging scorer and the union count.

use std::fmt;
use std::sync::Arc;

use tantivy::index::InvertedIndexReader;
use tantivy::postings::TermInfo;
use tantivy::query::{EnableScoring, Query, Weight};
use tantivy::schema::Field;
use tantivy::{Score, SegmentReader, Term};

mod bm25;
mod coverage;
mod scorer;
mod weight;

pub(crate) use self::coverage::{CoverageQuery, NameWord};
pub(crate) use self::weight::BestTermWeight;

/// The best (dis-max, no tie-breaker) of boosted single-term BM25 clauses.
///
/// Scores equal those of a `DisjunctionMaxQuery` of `BoostQuery(TermQuery)`s with
/// frequencies (unless a [frequency floor](BestTermQuery::with_frequency_floor) raises
/// a clause's document frequency); clauses may be on different fields.
#[derive(Clone)]
pub(crate) struct BestTermQuery {
    clauses: Vec<Clause>,
    /// A term whose document frequency is the least any clause's idf is computed
    /// with (see [`BestTermQuery::with_frequency_floor`]).
    floor: Option<Term>,
}

/// One term of a [`BestTermQuery`].
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Clause {
    pub(crate) term: Term,
    pub(crate) boost: Score,
    /// Every document this term matches is matched by an uncovered clause of the same
    /// query, by construction of the keys (an exact spelling by its folded form, a
    /// translit key by its related keys): counting skips it.
    pub(crate) covered: bool,
}

impl Clause {
    /// A clause that counting must read.
    pub(crate) fn new(term: Term, boost: Score) -> Clause {
        Clause {
            term,
            boost,
            covered: false,
        }
    }

    /// A clause whose matches other clauses of the query always match.
    pub(crate) fn covered(term: Term, boost: Score) -> Clause {
        Clause {
            term,
            boost,
            covered: true,
        }
    }
}

impl BestTermQuery {
    /// The best of `clauses`; a term given twice keeps its highest boost, and is
    /// covered only if both were.
    pub(crate) fn new(clauses: Vec<Clause>) -> BestTermQuery {
        let mut kept: Vec<Clause> = Vec::with_capacity(clauses.len());
        for clause in clauses {
            match kept.iter_mut().find(|k| k.term == clause.term) {
                Some(k) => {
                    k.boost = k.boost.max(clause.boost);
                    k.covered &= clause.covered;
                }
                None => kept.push(clause),
            }
        }
        BestTermQuery {
            clauses: kept,
            floor: None,
        }
    }

    /// Computes every clause's idf with at least `term`'s document frequency. The
    /// name fields hold only name-like words, so a common word written with a capital
    /// (a title's `Torture`, a sentence's first `Calls`) is rare there; floored by the
    /// word's prose frequency, it weighs what the word weighs in the text.
    pub(crate) fn with_frequency_floor(mut self, term: Term) -> BestTermQuery {
        self.floor = Some(term);
        self
    }
}

impl BestTermQuery {
    /// Each clause's inverted index and term info in one segment (`None`: absent).
    fn lookup(&self, reader: &SegmentReader) -> tantivy::Result<Vec<Option<Found>>> {
        lookup(self.clauses.iter().map(|c| &c.term), reader)
    }
}

/// A term found in a segment: the field's inverted index there, and the term's info.
pub(super) type Found = (Arc<InvertedIndexReader>, TermInfo);

pub(super) fn lookup<'a>(
    terms: impl Iterator<Item = &'a Term>,
    reader: &SegmentReader,
) -> tantivy::Result<Vec<Option<Found>>> {
    let mut found = Vec::new();
    let mut fields: Vec<(Field, Arc<InvertedIndexReader>)> = Vec::new();
    for term in terms {
        let field = term.field();
        let inverted = match fields.iter().find(|(f, _)| *f == field) {
            Some((_, inverted)) => Arc::clone(inverted),
            None => {
                let inverted = reader.inverted_index(field)?;
                fields.push((field, Arc::clone(&inverted)));
                inverted
            }
        };
        found.push(
            inverted
                .get_term_info(term)?
                .map(|info| (Arc::clone(&inverted), info)),
        );
    }
    Ok(found)
}

impl fmt::Debug for BestTermQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(
                self.clauses
                    .iter()
                    .map(|c| format!("{:?}^{}", c.term, c.boost)),
            )
            .finish()
    }
}

impl Query for BestTermQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.best_weight(enable_scoring)?))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for clause in &self.clauses {
            visitor(&clause.term, false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::{BoostQuery, DisjunctionMaxQuery, TermQuery};
    use tantivy::schema::IndexRecordOption;
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{doc, Index};

    /// An index whose documents repeat words from a small vocabulary, so clauses
    /// overlap in every way; several segments.
    fn index() -> (Index, tantivy::schema::Field, tantivy::schema::Field) {
        let mut schema = Schema::builder();
        let a = schema.add_text_field("a", TEXT);
        let b = schema.add_text_field("b", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        let vocab = ["w0", "w1", "w2", "w3", "w4", "w5", "w6"];
        let mut state = 7u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize
        };
        for i in 0..3000 {
            let len = 1 + next() % 8;
            let ta: Vec<&str> = (0..len).map(|_| vocab[next() % vocab.len()]).collect();
            let mut tb: Vec<&str> = (0..1 + next() % 3).map(|_| vocab[next() % 4]).collect();
            // b:w9 matches wherever a:w1 does (and nowhere else): a covering clause.
            if ta.contains(&"w1") {
                tb.push("w9");
            }
            writer
                .add_document(doc!(a => ta.join(" "), b => tb.join(" ")))
                .expect("adds");
            if i % 1000 == 999 {
                writer.commit().expect("commits");
            }
        }
        writer.commit().expect("commits");
        (index, a, b)
    }

    fn clauses(a: tantivy::schema::Field, b: tantivy::schema::Field) -> Vec<Clause> {
        vec![
            Clause::new(Term::from_field_text(a, "w1"), 4.0),
            Clause::new(Term::from_field_text(a, "w2"), 2.0),
            Clause::new(Term::from_field_text(b, "w1"), 3.0),
            Clause::new(Term::from_field_text(b, "w3"), 0.8),
            Clause::new(Term::from_field_text(a, "absent"), 5.0),
        ]
    }

    /// Scores at each rank, rounded: equal scores may come in either order.
    fn scores(v: &[(Score, tantivy::DocAddress)]) -> Vec<i64> {
        v.iter().map(|(s, _)| (s * 1e4).round() as i64).collect()
    }

    fn dismax(clauses: &[Clause]) -> DisjunctionMaxQuery {
        DisjunctionMaxQuery::new(
            clauses
                .iter()
                .map(|c| {
                    Box::new(BoostQuery::new(
                        Box::new(TermQuery::new(c.term.clone(), IndexRecordOption::WithFreqs)),
                        c.boost,
                    )) as Box<dyn Query>
                })
                .collect(),
        )
    }

    #[test]
    fn same_hits_scores_and_count_as_tantivy_dismax() {
        let (index, a, b) = index();
        let searcher = index.reader().expect("reader").searcher();
        assert!(searcher.segment_readers().len() > 1);
        let clauses = clauses(a, b);
        let ours = BestTermQuery::new(clauses.clone());
        let theirs = dismax(&clauses);
        for limit in [1, 10, 100, 5000] {
            let top = TopDocs::with_limit(limit).order_by_score();
            let mine = searcher.search(&ours, &top).expect("searches");
            let reference = searcher.search(&theirs, &top).expect("searches");
            assert_eq!(scores(&mine), scores(&reference), "limit {limit}");
            // The tuple path scores through the scorer, not the pruning loop.
            let (with_count, count) = searcher.search(&ours, &(top, Count)).expect("searches");
            assert_eq!(with_count.len(), reference.len());
            assert_eq!(count, searcher.search(&theirs, &Count).expect("counts"));
        }
        assert_eq!(
            searcher.search(&ours, &Count).expect("counts"),
            searcher.search(&theirs, &Count).expect("counts")
        );
        assert!(searcher.search(&ours, &Count).expect("counts") > 0);
    }

    #[test]
    fn close_boosts_give_tantivys_pages() {
        // Clauses whose best possible scores are close: the page's threshold, not only
        // the unit's best so far, decides which clauses a unit is scored against.
        let (index, a, b) = index();
        let searcher = index.reader().expect("reader").searcher();
        let term = |f, w| Term::from_field_text(f, w);
        for spread in [0.02, 0.1, 0.3] {
            let clauses: Vec<Clause> = [(a, "w1"), (b, "w1"), (a, "w2"), (b, "w3"), (a, "w3")]
                .iter()
                .enumerate()
                .map(|(k, &(f, w))| Clause::new(term(f, w), 4.0 - spread * k as Score))
                .collect();
            let ours = BestTermQuery::new(clauses.clone());
            let theirs = dismax(&clauses);
            for limit in [1, 2, 5, 10, 30, 100, 1000] {
                let top = TopDocs::with_limit(limit).order_by_score();
                let mine = searcher.search(&ours, &top).expect("searches");
                let reference = searcher.search(&theirs, &top).expect("searches");
                assert_eq!(
                    scores(&mine),
                    scores(&reference),
                    "spread {spread}, limit {limit}"
                );
            }
        }
    }

    #[test]
    fn counting_skips_covered_clauses_only() {
        let (index, a, b) = index();
        let searcher = index.reader().expect("reader").searcher();
        let count = |clauses: Vec<Clause>| {
            searcher
                .search(&BestTermQuery::new(clauses), &Count)
                .expect("counts")
        };
        let w1 = Term::from_field_text(a, "w1");
        let w2 = Term::from_field_text(a, "w2");
        // w1 is not covered by w2 in this index: marking it covered drops its units
        // from the count, which shows the count reads only uncovered clauses.
        let both = count(vec![
            Clause::new(w1.clone(), 1.0),
            Clause::new(w2.clone(), 1.0),
        ]);
        let only_w2 = count(vec![Clause::new(w2.clone(), 1.0)]);
        assert!(both > only_w2);
        assert_eq!(
            count(vec![
                Clause::covered(w1.clone(), 1.0),
                Clause::new(w2.clone(), 1.0)
            ]),
            only_w2
        );
        // A term given twice is covered only if both say so.
        assert_eq!(
            count(vec![
                Clause::covered(w1.clone(), 1.0),
                Clause::new(w1, 2.0),
                Clause::new(w2, 1.0)
            ]),
            both
        );
        let _ = b;
    }

    #[test]
    fn covered_clauses_score_in_the_merge_too() {
        let (index, a, b) = index();
        let searcher = index.reader().expect("reader").searcher();
        let clauses = vec![
            Clause::covered(Term::from_field_text(a, "w1"), 4.0),
            Clause::new(Term::from_field_text(b, "w9"), 0.5),
            Clause::new(Term::from_field_text(a, "w3"), 1.0),
        ];
        let ours = BestTermQuery::new(clauses.clone());
        let theirs = dismax(&clauses);
        let top = || TopDocs::with_limit(3000).order_by_score();
        // The tuple collector goes through the scorer; TopDocs alone through pruning.
        let (mine, count) = searcher.search(&ours, &(top(), Count)).expect("searches");
        let (reference, expected) = searcher.search(&theirs, &(top(), Count)).expect("searches");
        assert_eq!(count, expected);
        assert_eq!(scores(&mine), scores(&reference));
        let pruned = searcher.search(&ours, &top()).expect("searches");
        assert_eq!(scores(&pruned), scores(&reference));
        assert_eq!(searcher.search(&ours, &Count).expect("counts"), expected);
    }

    #[test]
    fn composes_with_filters_and_deletes() {
        let (index, a, b) = index();
        let clauses = clauses(a, b);
        let mut writer: tantivy::IndexWriter = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        writer.delete_term(Term::from_field_text(a, "w0"));
        writer.commit().expect("commits");
        let searcher = index.reader().expect("reader").searcher();
        let filter = |q: Box<dyn Query>| {
            tantivy::query::BooleanQuery::new(vec![
                (tantivy::query::Occur::Must, q),
                (
                    tantivy::query::Occur::Must,
                    Box::new(TermQuery::new(
                        Term::from_field_text(b, "w2"),
                        IndexRecordOption::Basic,
                    )),
                ),
            ])
        };
        let ours = filter(Box::new(BestTermQuery::new(clauses.clone())));
        let theirs = filter(Box::new(dismax(&clauses)));
        let top = || TopDocs::with_limit(20).order_by_score();
        let mine = searcher.search(&ours, &(top(), Count)).expect("searches");
        let reference = searcher.search(&theirs, &(top(), Count)).expect("searches");
        assert_eq!(mine.1, reference.1);
        assert!(mine.1 > 0);
        assert_eq!(scores(&mine.0), scores(&reference.0));
        assert_eq!(
            searcher
                .search(&BestTermQuery::new(clauses.clone()), &Count)
                .expect("counts"),
            searcher.search(&dismax(&clauses), &Count).expect("counts")
        );
    }
}
