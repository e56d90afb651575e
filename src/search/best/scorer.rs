//! Per-segment cursors over a clause's block postings, the scorer that merges them, and
//! the union count.

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::BlockSegmentPostings;
use tantivy::query::Scorer;
use tantivy::{DocId, DocSet, Score, TERMINATED};

use super::bm25::Bm25;

/// One clause's postings in one segment, with what scoring them takes: a position in
/// tantivy's block postings, moved as tantivy's `SegmentPostings` moves, with access
/// to the block's maximum score so that whole blocks can be skipped.
#[derive(Clone)]
pub(super) struct Cursor {
    pub(super) block: BlockSegmentPostings,
    /// Index of the current document in the block.
    pub(super) at: usize,
    pub(super) norms: FieldNormReader,
    /// `None` when scores are not wanted: every match scores 1.
    pub(super) bm25: Option<Bm25>,
    /// Highest score this clause can give.
    pub(super) max: Score,
    /// See [`Clause::covered`].
    pub(super) covered: bool,
}

/// Documents per block of postings.
const BLOCK: usize = 128;

impl Cursor {
    /// The current document ([`TERMINATED`] past the last).
    pub(super) fn doc(&self) -> DocId {
        self.block.doc(self.at)
    }

    pub(super) fn advance(&mut self) -> DocId {
        if self.at == BLOCK - 1 {
            self.at = 0;
            self.block.advance();
        } else {
            self.at += 1;
        }
        self.doc()
    }

    /// Moves to the first document at or after `target`.
    pub(super) fn seek(&mut self, target: DocId) -> DocId {
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
    pub(super) fn skip_blocks_below(&mut self, threshold: Score) {
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

    pub(super) fn score(&mut self) -> Score {
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
pub(super) struct BestTermScorer {
    drivers: Vec<Cursor>,
    covered: Vec<Cursor>,
    doc: DocId,
}

impl BestTermScorer {
    pub(super) fn new(cursors: Vec<Cursor>) -> BestTermScorer {
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
pub(super) fn count_union(mut blocks: Vec<BlockSegmentPostings>, max_doc: DocId) -> u32 {
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
