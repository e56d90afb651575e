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
//! - its scorer merges the clauses' postings directly and computes a unit's score only
//!   when asked, from the clauses positioned on it;
//! - when only the top hits are wanted ([`Weight::for_each_pruning`], what
//!   `TopDocs` calls), clauses whose best possible score cannot beat the current
//!   threshold are left out of the merge (MaxScore pruning: under a max, such a
//!   clause can neither add a hit nor lift one above the threshold);
//! - counting ([`Weight::count`]) unions the clauses' document ids in a bit set,
//!   without frequencies or scores.

use std::fmt;

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{Bm25Weight, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// The best (dis-max, no tie-breaker) of boosted single-term BM25 clauses.
///
/// Scores equal those of a `DisjunctionMaxQuery` of `BoostQuery(TermQuery)`s with
/// frequencies; clauses may be on different fields.
#[derive(Clone)]
pub(crate) struct BestTermQuery {
    clauses: Vec<(Term, Score)>,
}

impl BestTermQuery {
    /// One clause per `(term, boost)`; a term given twice keeps its highest boost.
    pub(crate) fn new(clauses: Vec<(Term, Score)>) -> BestTermQuery {
        let mut kept: Vec<(Term, Score)> = Vec::with_capacity(clauses.len());
        for (term, boost) in clauses {
            match kept.iter_mut().find(|(t, _)| *t == term) {
                Some((_, b)) => *b = b.max(boost),
                None => kept.push((term, boost)),
            }
        }
        BestTermQuery { clauses: kept }
    }
}

impl fmt::Debug for BestTermQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.clauses.iter().map(|(t, b)| format!("{t:?}^{b}")))
            .finish()
    }
}

impl Query for BestTermQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let mut clauses = Vec::with_capacity(self.clauses.len());
        for (term, boost) in &self.clauses {
            let bm25 = match enable_scoring {
                EnableScoring::Enabled {
                    statistics_provider,
                    ..
                } => Some(
                    Bm25Weight::for_terms(statistics_provider, std::slice::from_ref(term))?
                        .boost_by(*boost),
                ),
                EnableScoring::Disabled { .. } => None,
            };
            clauses.push(ClauseWeight {
                term: term.clone(),
                bm25,
            });
        }
        Ok(Box::new(BestTermWeight { clauses }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for (term, _) in &self.clauses {
            visitor(term, false);
        }
    }
}

struct ClauseWeight {
    term: Term,
    /// `None` when scoring is off.
    bm25: Option<Bm25Weight>,
}

struct BestTermWeight {
    clauses: Vec<ClauseWeight>,
}

impl BestTermWeight {
    /// The clauses present in this segment, as cursors on their first document.
    fn cursors(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Vec<Cursor>> {
        let mut cursors = Vec::with_capacity(self.clauses.len());
        for clause in &self.clauses {
            let field = clause.term.field();
            let inverted = reader.inverted_index(field)?;
            let Some(info) = inverted.get_term_info(&clause.term)? else {
                continue;
            };
            let option = if clause.bm25.is_some() {
                IndexRecordOption::WithFreqs
            } else {
                IndexRecordOption::Basic
            };
            let postings = inverted.read_postings_from_terminfo(&info, option)?;
            let norms = match &clause.bm25 {
                Some(_) => reader.fieldnorms_readers().get_field(field)?,
                None => None,
            }
            .unwrap_or_else(|| FieldNormReader::constant(reader.max_doc(), 1));
            let bm25 = clause
                .bm25
                .as_ref()
                .map(|w| w.boost_by(boost))
                .unwrap_or_else(|| Bm25Weight::for_one_term_without_explain(1, 2, 1.0));
            let max = bm25.max_score();
            cursors.push(Cursor {
                postings,
                norms,
                scored: clause.bm25.is_some(),
                bm25,
                max,
            });
        }
        Ok(cursors)
    }
}

impl Weight for BestTermWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(BestTermScorer::new(self.cursors(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = BestTermScorer::new(self.cursors(reader, 1.0)?);
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new(
            "best of the clauses matching the document",
            scorer.score(),
        ))
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        if reader.alive_bitset().is_some() {
            let mut scorer = self.scorer(reader, 1.0)?;
            return Ok(scorer.count(reader.alive_bitset().expect("checked above")));
        }
        let mut blocks = Vec::with_capacity(self.clauses.len());
        for clause in &self.clauses {
            let inverted = reader.inverted_index(clause.term.field())?;
            if let Some(info) = inverted.get_term_info(&clause.term)? {
                blocks.push(
                    inverted.read_block_postings_from_terminfo(&info, IndexRecordOption::Basic)?,
                );
            }
        }
        match blocks.as_mut_slice() {
            [] => Ok(0),
            [one] => Ok(one.doc_freq()),
            _ => {
                let mut seen = vec![0u64; (reader.max_doc() as usize).div_ceil(64)];
                for block in &mut blocks {
                    loop {
                        let docs = block.docs();
                        if docs.is_empty() {
                            break;
                        }
                        for &doc in docs {
                            seen[(doc / 64) as usize] |= 1 << (doc % 64);
                        }
                        block.advance();
                    }
                }
                Ok(seen.iter().map(|w| w.count_ones()).sum())
            }
        }
    }

    fn for_each_pruning(
        &self,
        mut threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        let mut cursors = self.cursors(reader, 1.0)?;
        // Highest possible score first: the clauses that can still beat the
        // threshold are always a prefix.
        cursors.sort_by(|a, b| b.max.total_cmp(&a.max));
        let mut live = cursors.iter().take_while(|c| c.max > threshold).count();
        while live > 0 {
            let doc = cursors[..live]
                .iter()
                .map(Cursor::doc)
                .min()
                .unwrap_or(TERMINATED);
            if doc == TERMINATED {
                break;
            }
            let mut best: Score = 0.0;
            for cursor in cursors[..live].iter_mut().filter(|c| c.doc() == doc) {
                best = best.max(cursor.score());
                cursor.postings.advance();
            }
            if best > threshold {
                threshold = callback(doc, best);
                while live > 0 && cursors[live - 1].max <= threshold {
                    live -= 1;
                }
            }
        }
        Ok(())
    }
}

/// One clause's postings in one segment, with what scoring them takes.
struct Cursor {
    postings: SegmentPostings,
    norms: FieldNormReader,
    bm25: Bm25Weight,
    /// Whether scores are wanted; without, every match scores 1.
    scored: bool,
    /// Highest score this clause can give.
    max: Score,
}

impl Cursor {
    fn doc(&self) -> DocId {
        self.postings.doc()
    }

    fn score(&mut self) -> Score {
        if !self.scored {
            return 1.0;
        }
        let doc = self.postings.doc();
        self.bm25
            .score(self.norms.fieldnorm_id(doc), self.postings.term_freq())
    }
}

/// Merges the clauses' postings; a document scores the best of the clauses on it.
struct BestTermScorer {
    cursors: Vec<Cursor>,
    doc: DocId,
}

impl BestTermScorer {
    fn new(cursors: Vec<Cursor>) -> BestTermScorer {
        let mut scorer = BestTermScorer {
            cursors,
            doc: TERMINATED,
        };
        scorer.doc = scorer.min_doc();
        scorer
    }

    fn min_doc(&self) -> DocId {
        self.cursors
            .iter()
            .map(Cursor::doc)
            .min()
            .unwrap_or(TERMINATED)
    }
}

impl DocSet for BestTermScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        let current = self.doc;
        for cursor in self.cursors.iter_mut().filter(|c| c.doc() == current) {
            cursor.postings.advance();
        }
        self.doc = self.min_doc();
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for cursor in self.cursors.iter_mut().filter(|c| c.doc() < target) {
            cursor.postings.seek(target);
        }
        self.doc = self.min_doc();
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.cursors
            .iter()
            .map(|c| c.postings.size_hint())
            .max()
            .unwrap_or(0)
    }
}

impl Scorer for BestTermScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        self.cursors
            .iter_mut()
            .filter(|c| c.doc() == doc)
            .map(Cursor::score)
            .fold(0.0, Score::max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::{BoostQuery, DisjunctionMaxQuery, TermQuery};
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
            let tb: Vec<&str> = (0..1 + next() % 3).map(|_| vocab[next() % 4]).collect();
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

    fn clauses(a: tantivy::schema::Field, b: tantivy::schema::Field) -> Vec<(Term, Score)> {
        vec![
            (Term::from_field_text(a, "w1"), 4.0),
            (Term::from_field_text(a, "w2"), 2.0),
            (Term::from_field_text(b, "w1"), 3.0),
            (Term::from_field_text(b, "w3"), 0.8),
            (Term::from_field_text(a, "absent"), 5.0),
        ]
    }

    /// Scores at each rank, rounded: equal scores may come in either order.
    fn scores(v: &[(Score, tantivy::DocAddress)]) -> Vec<i64> {
        v.iter().map(|(s, _)| (s * 1e4).round() as i64).collect()
    }

    fn dismax(clauses: &[(Term, Score)]) -> DisjunctionMaxQuery {
        DisjunctionMaxQuery::new(
            clauses
                .iter()
                .map(|(t, b)| {
                    Box::new(BoostQuery::new(
                        Box::new(TermQuery::new(t.clone(), IndexRecordOption::WithFreqs)),
                        *b,
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
