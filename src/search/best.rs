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
//! - each term is looked up once per segment, and BM25 length norms are shared by
//!   the clauses of a field.
//!
//! The tests below compare scores, pages and counts with tantivy's dis-max on a
//! randomised index, through each path, with filters and deletes.

use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, OnceLock};

use tantivy::fieldnorm::FieldNormReader;
use tantivy::index::{InvertedIndexReader, SegmentId};
use tantivy::postings::{BlockSegmentPostings, TermInfo};
use tantivy::query::{
    Bm25StatisticsProvider, Bm25Weight, EnableScoring, Explanation, Query, Scorer, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

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
type Found = (Arc<InvertedIndexReader>, TermInfo);

fn lookup<'a>(
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
        // A field's length normalisation is shared by its clauses.
        let mut norms: Vec<(Field, Arc<[Score; 256]>, Score)> = Vec::new();
        for (i, clause) in self.clauses.iter().enumerate() {
            let bm25 = match enable_scoring {
                EnableScoring::Enabled {
                    statistics_provider: stats,
                    ..
                } => {
                    let field = clause.term.field();
                    let docs = stats.total_num_docs()?;
                    let (norm, average) = match norms.iter().find(|(f, _, _)| *f == field) {
                        Some((_, norm, average)) => (Arc::clone(norm), *average),
                        None => {
                            let average =
                                stats.total_num_tokens(field)? as Score / docs.max(1) as Score;
                            let norm = length_norms(average);
                            norms.push((field, Arc::clone(&norm), average));
                            (norm, average)
                        }
                    };
                    let df = doc_freq(i, stats)?.max(floor);
                    let weight = idf(df, docs) * (1.0 + K1) * clause.boost;
                    Some(Bm25 {
                        weight,
                        norm,
                        df,
                        docs,
                        average,
                        boost: clause.boost,
                        block: Arc::default(),
                    })
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

/// BM25's term-frequency saturation.
const K1: Score = 1.2;
/// BM25's length normalisation.
const B: Score = 0.75;

/// BM25's inverse document frequency, as tantivy computes it.
fn idf(doc_freq: u64, docs: u64) -> Score {
    let x = (docs.saturating_sub(doc_freq) as Score + 0.5) / (doc_freq as Score + 0.5);
    (1.0 + x).ln()
}

/// BM25's length term for each of tantivy's 256 field-length codes.
fn length_norms(average: Score) -> Arc<[Score; 256]> {
    let mut norms = [0.0; 256];
    for (id, norm) in norms.iter_mut().enumerate() {
        let length = FieldNormReader::id_to_fieldnorm(id as u8) as Score;
        *norm = K1 * (1.0 - B + B * length / average.max(Score::MIN_POSITIVE));
    }
    Arc::new(norms)
}

/// One clause's BM25 scoring, boost included: the same scores as tantivy's
/// `Bm25Weight`, with the length norms shared between the clauses of a field.
#[derive(Clone)]
struct Bm25 {
    weight: Score,
    norm: Arc<[Score; 256]>,
    /// The statistics the weight came from, for tantivy's own `Bm25Weight` (which the
    /// postings' block maxima are computed with).
    df: u64,
    docs: u64,
    average: Score,
    boost: Score,
    /// tantivy's weight, made once (it fills a table) and shared by the clause's
    /// cursors in every segment.
    block: Arc<OnceLock<Bm25Weight>>,
}

impl Bm25 {
    fn score(&self, fieldnorm_id: u8, term_freq: u32) -> Score {
        let tf = term_freq as Score;
        self.weight * tf / (tf + self.norm[fieldnorm_id as usize])
    }

    /// The highest score any document can get.
    fn max_score(&self) -> Score {
        self.weight
    }

    fn boost_by(&self, boost: Score) -> Bm25 {
        if boost == 1.0 {
            return self.clone();
        }
        Bm25 {
            weight: self.weight * boost,
            boost: self.boost * boost,
            block: Arc::default(),
            ..self.clone()
        }
    }

    /// The same weight as tantivy's, which block maxima take.
    fn tantivy(&self) -> &Bm25Weight {
        self.block.get_or_init(|| {
            Bm25Weight::for_one_term_without_explain(self.df, self.docs, self.average)
                .boost_by(self.boost)
        })
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

/// One clause's postings in one segment, with what scoring them takes: a position in
/// tantivy's block postings, moved as tantivy's `SegmentPostings` moves, with access
/// to the block's maximum score so that whole blocks can be skipped.
#[derive(Clone)]
struct Cursor {
    block: BlockSegmentPostings,
    /// Index of the current document in the block.
    at: usize,
    norms: FieldNormReader,
    /// `None` when scores are not wanted: every match scores 1.
    bm25: Option<Bm25>,
    /// Highest score this clause can give.
    max: Score,
    /// See [`Clause::covered`].
    covered: bool,
}

/// Documents per block of postings.
const BLOCK: usize = 128;

impl Cursor {
    /// The current document ([`TERMINATED`] past the last).
    fn doc(&self) -> DocId {
        self.block.doc(self.at)
    }

    fn advance(&mut self) -> DocId {
        if self.at == BLOCK - 1 {
            self.at = 0;
            self.block.advance();
        } else {
            self.at += 1;
        }
        self.doc()
    }

    /// Moves to the first document at or after `target`.
    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc() >= target {
            return self.doc();
        }
        self.at = (self.at + 1).min(BLOCK - 1);
        if self.doc() >= target {
            return self.doc();
        }
        self.at = self.block.seek(target);
        self.doc()
    }

    /// Skips the rest of the block while its best score cannot beat `threshold`.
    fn skip_blocks_below(&mut self, threshold: Score) {
        let Some(weight) = self.bm25.as_ref().map(Bm25::tantivy) else {
            return;
        };
        while self.doc() != TERMINATED
            && self.block.block_max_score(&self.norms, weight) <= threshold
        {
            self.at = 0;
            self.block.advance();
        }
    }

    fn score(&mut self) -> Score {
        match &self.bm25 {
            Some(bm25) => bm25.score(
                self.norms.fieldnorm_id(self.doc()),
                self.block.freq(self.at),
            ),
            None => 1.0,
        }
    }
}

/// Merges the clauses' postings; a document scores the best of the clauses on it.
///
/// Only the uncovered clauses are merged to find the documents (the covered ones
/// match nothing else, see [`Clause::covered`]); a covered clause is moved to a
/// document when its score is asked for, which in an intersection is for few of them.
struct BestTermScorer {
    drivers: Vec<Cursor>,
    covered: Vec<Cursor>,
    doc: DocId,
}

impl BestTermScorer {
    fn new(cursors: Vec<Cursor>) -> BestTermScorer {
        let (mut drivers, mut covered): (Vec<Cursor>, Vec<Cursor>) =
            cursors.into_iter().partition(|c| !c.covered);
        if drivers.is_empty() {
            std::mem::swap(&mut drivers, &mut covered);
        }
        let mut scorer = BestTermScorer {
            drivers,
            covered,
            doc: TERMINATED,
        };
        scorer.doc = scorer.min_doc();
        scorer
    }

    fn min_doc(&self) -> DocId {
        self.drivers
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
        for cursor in self.drivers.iter_mut().filter(|c| c.doc() == current) {
            cursor.advance();
        }
        self.doc = self.min_doc();
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for cursor in self.drivers.iter_mut().filter(|c| c.doc() < target) {
            cursor.seek(target);
        }
        self.doc = self.min_doc();
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.drivers
            .iter()
            .map(|c| c.block.doc_freq())
            .max()
            .unwrap_or(0)
    }
}

impl Scorer for BestTermScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        let mut best: Score = 0.0;
        for cursor in self.drivers.iter_mut().filter(|c| c.doc() == doc) {
            best = best.max(cursor.score());
        }
        for cursor in &mut self.covered {
            if cursor.doc() < doc {
                cursor.seek(doc);
            }
            if cursor.doc() == doc {
                best = best.max(cursor.score());
            }
        }
        best
    }
}

/// The number of documents in the union of `blocks` (no deletes in the segment).
///
/// The largest list is not marked: the union is `|largest| + |rest| - |rest ∩ largest|`.
/// The rest are marked in a bit set (a store per document), then the largest list only
/// probes it (a load per document, none waiting on another), so the most common key of
/// a name, which most of the union's documents hold, costs the least per document.
fn count_union(mut blocks: Vec<BlockSegmentPostings>, max_doc: DocId) -> u32 {
    let Some(largest) = (0..blocks.len()).max_by_key(|&i| blocks[i].doc_freq()) else {
        return 0;
    };
    let mut largest = blocks.swap_remove(largest);
    if blocks.is_empty() {
        return largest.doc_freq();
    }
    let mut rest = vec![0u64; (max_doc as usize).div_ceil(64)];
    for block in &mut blocks {
        for_each_block(block, |docs| {
            for &doc in docs {
                rest[(doc / 64) as usize] |= 1 << (doc % 64);
            }
        });
    }
    let in_rest: u32 = rest.iter().map(|w| w.count_ones()).sum();
    let mut in_both = 0u32;
    for_each_block(&mut largest, |docs| {
        for &doc in docs {
            in_both += ((rest[(doc / 64) as usize] >> (doc % 64)) & 1) as u32;
        }
    });
    largest.doc_freq() + in_rest - in_both
}

/// Calls `f` with each block of `postings`' document ids, in order.
fn for_each_block(postings: &mut BlockSegmentPostings, mut f: impl FnMut(&[DocId])) {
    loop {
        let docs = postings.docs();
        if docs.is_empty() {
            return;
        }
        f(docs);
        postings.advance();
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
