//! The weight of a [`BestTermQuery`](super::BestTermQuery): each term looked up once per
//! segment, BM25 per clause, the page collected with MaxScore pruning, and counting
//! without scores.

use std::borrow::Cow;

use tantivy::fieldnorm::FieldNormReader;
use tantivy::index::SegmentId;
use tantivy::query::{Bm25StatisticsProvider, EnableScoring, Explanation, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

use super::bm25::Bm25;
use super::scorer::{count_union, BestTermScorer, Cursor};
use super::{lookup, BestTermQuery, Found};

impl BestTermQuery {
    /// [`Query::weight`], as its own type, for what only this weight can tell (see
    /// [`BestTermWeight::matching_floor`]).
    pub(crate) fn best_weight(
        &self,
        enable_scoring: EnableScoring<'_>,
    ) -> tantivy::Result<BestTermWeight> {
        // Each term is looked up once per segment, here; scoring, the page and the
        // count all reuse the lookups.
        let searcher = enable_scoring.searcher();
        let mut segments = Vec::new();
        if let Some(searcher) = searcher {
            for reader in searcher.segment_readers() {
                segments.push((reader.segment_id(), self.lookup(reader)?));
            }
        }
        let floor = match (&self.floor, enable_scoring) {
            (
                Some(term),
                EnableScoring::Enabled {
                    statistics_provider: stats,
                    ..
                },
            ) => stats.doc_freq(term)?,
            _ => 0,
        };
        let doc_freq = |i: usize, stats: &dyn Bm25StatisticsProvider| -> tantivy::Result<u64> {
            // The searcher's own statistics are the sum over its segments.
            let own = searcher.is_some_and(|searcher| {
                std::ptr::addr_eq(stats as *const dyn Bm25StatisticsProvider, searcher)
            });
            if own {
                Ok(segments
                    .iter()
                    .filter_map(|(_, terms)| terms[i].as_ref())
                    .map(|(_, info)| u64::from(info.doc_freq))
                    .sum())
            } else {
                stats.doc_freq(&self.clauses[i].term)
            }
        };
        let mut clauses = Vec::with_capacity(self.clauses.len());
        // A field's average length is read once for its clauses.
        let mut averages: Vec<(Field, Score)> = Vec::new();
        for (i, clause) in self.clauses.iter().enumerate() {
            let bm25 = match enable_scoring {
                EnableScoring::Enabled {
                    statistics_provider: stats,
                    ..
                } => {
                    let field = clause.term.field();
                    let docs = stats.total_num_docs()?;
                    let average = match averages.iter().find(|(f, _)| *f == field) {
                        Some((_, average)) => *average,
                        None => {
                            let average =
                                stats.total_num_tokens(field)? as Score / docs.max(1) as Score;
                            averages.push((field, average));
                            average
                        }
                    };
                    let df = doc_freq(i, stats)?.max(floor);
                    Some(Bm25::new(df, docs, average, clause.boost))
                }
                EnableScoring::Disabled { .. } => None,
            };
            clauses.push(ClauseWeight {
                term: clause.term.clone(),
                bm25,
                covered: clause.covered,
            });
        }
        Ok(BestTermWeight { clauses, segments })
    }
}

struct ClauseWeight {
    term: Term,
    /// `None` when scoring is off.
    bm25: Option<Bm25>,
    /// See [`Clause::covered`].
    covered: bool,
}

pub(crate) struct BestTermWeight {
    clauses: Vec<ClauseWeight>,
    /// The clauses' lookups in each segment of the searcher the weight was built on.
    segments: Vec<(SegmentId, Vec<Option<Found>>)>,
}

impl BestTermWeight {
    /// The most units one clause holds in `reader`'s segment, deleted units included:
    /// every one of them matches, so with no deletes the weight matches at least this
    /// many. Read from the term lookups; no postings are opened.
    pub(crate) fn matching_floor(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        Ok(self
            .found(reader)?
            .iter()
            .filter_map(|found| found.as_ref().map(|(_, info)| info.doc_freq))
            .max()
            .unwrap_or(0))
    }

    /// Each clause's lookup in `reader`'s segment: remembered from when the weight
    /// was built, or done now for a segment it did not know.
    fn found(&self, reader: &SegmentReader) -> tantivy::Result<Cow<'_, [Option<Found>]>> {
        let id = reader.segment_id();
        match self.segments.iter().find(|(s, _)| *s == id) {
            Some((_, found)) => Ok(Cow::Borrowed(found)),
            None => Ok(Cow::Owned(lookup(
                self.clauses.iter().map(|c| &c.term),
                reader,
            )?)),
        }
    }

    /// The clauses present in this segment, as cursors on their first document.
    fn cursors(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Vec<Cursor>> {
        let found = self.found(reader)?;
        let mut cursors = Vec::with_capacity(self.clauses.len());
        for i in 0..self.clauses.len() {
            if let Some(cursor) = self.open(i, &found, reader, boost)? {
                cursors.push(cursor);
            }
        }
        Ok(cursors)
    }

    /// Clause `i` as a cursor on its first document in this segment, if it is there.
    fn open(
        &self,
        i: usize,
        found: &[Option<Found>],
        reader: &SegmentReader,
        boost: Score,
    ) -> tantivy::Result<Option<Cursor>> {
        let (Some(clause), Some(Some((inverted, info)))) = (self.clauses.get(i), found.get(i))
        else {
            return Ok(None);
        };
        let field = clause.term.field();
        let option = if clause.bm25.is_some() {
            IndexRecordOption::WithFreqs
        } else {
            IndexRecordOption::Basic
        };
        let block = inverted.read_block_postings_from_terminfo(info, option)?;
        let norms = match &clause.bm25 {
            Some(_) => reader.fieldnorms_readers().get_field(field)?,
            None => None,
        }
        .unwrap_or_else(|| FieldNormReader::constant(reader.max_doc(), 1));
        let bm25 = clause.bm25.as_ref().map(|w| w.boost_by(boost));
        Ok(Some(Cursor {
            block,
            at: 0,
            norms,
            max: bm25.as_ref().map_or(1.0, Bm25::max_score),
            bm25,
            covered: clause.covered,
        }))
    }

    /// The highest score clause `i` can give (boost 1).
    fn max_score(&self, i: usize) -> Score {
        self.clauses
            .get(i)
            .and_then(|c| c.bm25.as_ref())
            .map_or(1.0, Bm25::max_score)
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
        for (clause, found) in self.clauses.iter().zip(self.found(reader)?.iter()) {
            if clause.covered {
                continue;
            }
            if let Some((inverted, info)) = found {
                blocks.push(
                    inverted.read_block_postings_from_terminfo(info, IndexRecordOption::Basic)?,
                );
            }
        }
        Ok(count_union(blocks, reader.max_doc()))
    }

    fn for_each_pruning(
        &self,
        mut threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        let found = self.found(reader)?;
        // The clauses present here, highest possible score first: those that can
        // still beat the threshold are always a prefix. A clause's postings are opened
        // only when it is needed; most are not.
        let mut order: Vec<(usize, Score)> = (0..self.clauses.len())
            .filter(|&i| matches!(found.get(i), Some(Some(_))))
            .map(|i| (i, self.max_score(i)))
            .collect();
        order.sort_by(|a, b| b.1.total_cmp(&a.1));
        let Some((&(first, _), rest)) = order.split_first() else {
            return Ok(());
        };
        // First the units of the clause that can score highest (the exact spelling,
        // typically), each with its full score: the collector's threshold is then
        // that of the best units there, and most clauses drop out before the rest of
        // the units is merged. A block of that clause's postings whose best score
        // cannot beat the threshold is not scored; its units are left to the merge.
        let Some(mut seen) = self.open(first, &found, reader, 1.0)? else {
            return Ok(());
        };
        let mut block = seen.block.clone();
        let block_weight = seen.bm25.as_ref().map(Bm25::tantivy);
        // Doc ranges of the blocks left unscored.
        let mut unscored: Vec<(DocId, DocId)> = Vec::new();
        let mut others: Vec<Option<Cursor>> = vec![None; rest.len()];
        loop {
            let docs = block.docs();
            let (Some(&from), Some(&to)) = (docs.first(), docs.last()) else {
                break;
            };
            if let Some(w) = &block_weight {
                if block.block_max_score(&seen.norms, w) <= threshold {
                    unscored.push((from, to));
                    block.advance();
                    continue;
                }
            }
            let freqs = block.freqs();
            for (k, &doc) in block.docs().iter().enumerate() {
                // Without scores the postings carry no frequencies.
                let tf = freqs.get(k).copied().unwrap_or(1);
                let mut best = match &seen.bm25 {
                    Some(bm25) => bm25.score(seen.norms.fieldnorm_id(doc), tf),
                    None => 1.0,
                };
                for (&(i, max), slot) in rest.iter().zip(others.iter_mut()) {
                    if max <= best.max(threshold) {
                        // Sorted by best possible score: no later clause can do better,
                        // nor lift the unit above the threshold the page asks for.
                        break;
                    }
                    let cursor = match slot {
                        Some(cursor) => cursor,
                        None => match self.open(i, &found, reader, 1.0)? {
                            Some(cursor) => slot.insert(cursor),
                            None => continue,
                        },
                    };
                    if cursor.doc() < doc {
                        cursor.seek(doc);
                    }
                    if cursor.doc() == doc {
                        best = best.max(cursor.score());
                    }
                }
                if best > threshold {
                    threshold = callback(doc, best);
                }
            }
            block.advance();
        }
        // Then the units the first clause lacks, from the clauses that can still beat
        // the threshold, skipping their blocks that cannot; a second cursor on the first
        // clause tells which units were scored.
        let live_clauses: Vec<usize> = rest
            .iter()
            .take_while(|(_, max)| *max > threshold)
            .map(|&(i, _)| i)
            .collect();
        // Units the first clause scored already (it holds them, outside the blocks
        // left unscored).
        let mut unscored = unscored.into_iter().peekable();
        let mut scored_first = |doc: DocId| {
            if seen.doc() < doc {
                seen.seek(doc);
            }
            while unscored.next_if(|&(_, to)| to < doc).is_some() {}
            seen.doc() == doc
                && !unscored
                    .peek()
                    .is_some_and(|&(from, to)| from <= doc && doc <= to)
        };
        let mut cursors = Vec::new();
        for &i in &live_clauses {
            cursors.extend(self.open(i, &found, reader, 1.0)?);
        }
        let mut live = cursors.len();
        while live > 0 {
            // Under a max, a block whose best score cannot beat the threshold adds
            // nothing: its units reach the page through another clause, or not at all.
            for cursor in &mut cursors[..live] {
                cursor.skip_blocks_below(threshold);
            }
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
                cursor.advance();
            }
            if best > threshold && !scored_first(doc) {
                threshold = callback(doc, best);
                while live > 0 && cursors[live - 1].max <= threshold {
                    live -= 1;
                }
            }
        }
        Ok(())
    }
}
