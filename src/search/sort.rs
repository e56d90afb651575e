//! Orders other than relevance, and cursors that page on from a hit.
//!
//! A sorted search ranks hits by a key read from the units' fast fields: the
//! resolution's date (newest or oldest first, undated resolutions last), then its
//! reference, then the unit's place in it, so that every unit has its own key and the
//! units of one resolution come in document order. A cursor ([`Hit::cursor`]) holds a
//! hit's key; [`SearchRequest::search_after`] keeps only the hits past it.
//!
//! Relevance cursors hold the score and the hit's place in the index (tantivy breaks
//! ties in score by that place), so they are valid until the index changes; sorted
//! cursors hold the key itself and stay valid across commits.
//!
//! [`Hit::cursor`]: crate::Hit::cursor
//! [`SearchRequest::search_after`]: crate::SearchRequest::search_after

use std::cmp::Reverse;
use std::fmt;

use serde::{Deserialize, Serialize};
use tantivy::columnar::StrColumn;
use tantivy::index::SegmentId;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentReader, Term};

use crate::error::Error;

use super::keep::KeepScorer;

/// The order of the hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Sort {
    /// Best match first (the default).
    #[default]
    Relevance,
    /// Resolutions adopted most recently first; each one's units in document order.
    Newest,
    /// Resolutions adopted longest ago first; each one's units in document order.
    Oldest,
    /// By resolution reference, then each one's units in document order: the index
    /// read as a book.
    DocumentOrder,
}

/// A unit's sort key: greater comes first.
pub(crate) type Key = (u64, Reverse<String>, Reverse<u64>);

/// Reads sort keys of one segment's units.
pub(crate) struct KeyReader {
    sort: Sort,
    date: Option<tantivy::columnar::Column<u64>>,
    ordinal: Option<tantivy::columnar::Column<u64>>,
    reference: Option<StrColumn>,
}

impl KeyReader {
    pub(crate) fn new(sort: Sort, reader: &SegmentReader) -> KeyReader {
        let fast = reader.fast_fields();
        KeyReader {
            sort,
            date: fast.u64(crate::index::field_name::DATE_NUM).ok(),
            ordinal: fast.u64(crate::index::field_name::ORDINAL).ok(),
            reference: fast.str(crate::index::field_name::REFERENCE).ok().flatten(),
        }
    }

    pub(crate) fn key(&self, doc: DocId) -> Key {
        let date = self.date.as_ref().and_then(|c| c.first(doc));
        let primary = match self.sort {
            Sort::Newest => date.unwrap_or(0),
            // Undated last: u64::MAX - MAX = 0.
            Sort::Oldest => u64::MAX - date.unwrap_or(u64::MAX),
            Sort::Relevance | Sort::DocumentOrder => 0,
        };
        let mut reference = String::new();
        if let Some(column) = &self.reference {
            if let Some(ord) = column.term_ords(doc).next() {
                // A failed read leaves the reference empty: the key still orders.
                let _ = column.ord_to_str(ord, &mut reference);
            }
        }
        let ordinal = self
            .ordinal
            .as_ref()
            .and_then(|c| c.first(doc))
            .unwrap_or(0);
        (primary, Reverse(reference), Reverse(ordinal))
    }
}

/// Where a page ended: the last hit's position in the order of its request.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cursor {
    /// Relevance: the score, then the place in the index of this state of it.
    Relevance {
        score: Score,
        state: u64,
        segment: u32,
        doc: DocId,
    },
    /// A sorted order: the unit's key.
    Sorted(Key),
}

impl Cursor {
    /// The cursor of a relevance hit; `state` is [`state_of`] the searcher.
    pub(crate) fn relevance(score: Score, state: u64, address: DocAddress) -> Cursor {
        Cursor::Relevance {
            score,
            state,
            segment: address.segment_ord,
            doc: address.doc_id,
        }
    }

    /// The text form: `r:…` or `s:…`, opaque to callers.
    pub(crate) fn encode(&self) -> String {
        match self {
            Cursor::Relevance {
                score,
                state,
                segment,
                doc,
            } => format!("r:{:08x}:{state:016x}:{segment}:{doc}", score.to_bits()),
            Cursor::Sorted((primary, Reverse(reference), Reverse(ordinal))) => {
                format!("s:{primary}:{ordinal}:{reference}")
            }
        }
    }

    /// Reads a cursor made by [`Cursor::encode`] for a request sorted by `sort`.
    pub(crate) fn decode(text: &str, sort: Sort) -> crate::Result<Cursor> {
        let bad = |why: &str| {
            Error::InvalidArgument(format!(
                "search_after cursor {text:?} {why}; pass a hit's `cursor` unchanged"
            ))
        };
        let (tag, rest) = text.split_once(':').ok_or_else(|| bad("is malformed"))?;
        match (tag, sort) {
            ("r", Sort::Relevance) => {
                let parts: Vec<&str> = rest.split(':').collect();
                let [score, state, segment, doc] = parts[..] else {
                    return Err(bad("is malformed"));
                };
                Ok(Cursor::Relevance {
                    score: u32::from_str_radix(score, 16)
                        .map(f32::from_bits)
                        .map_err(|_| bad("is malformed"))?,
                    state: u64::from_str_radix(state, 16).map_err(|_| bad("is malformed"))?,
                    segment: segment.parse().map_err(|_| bad("is malformed"))?,
                    doc: doc.parse().map_err(|_| bad("is malformed"))?,
                })
            }
            ("s", Sort::Newest | Sort::Oldest | Sort::DocumentOrder) => {
                let mut parts = rest.splitn(3, ':');
                let (Some(primary), Some(ordinal), Some(reference)) =
                    (parts.next(), parts.next(), parts.next())
                else {
                    return Err(bad("is malformed"));
                };
                Ok(Cursor::Sorted((
                    primary.parse().map_err(|_| bad("is malformed"))?,
                    Reverse(reference.to_string()),
                    Reverse(ordinal.parse().map_err(|_| bad("is malformed"))?),
                )))
            }
            ("r" | "s", _) => Err(bad("comes from a search in another order")),
            _ => Err(bad("is malformed")),
        }
    }

    /// Checks that a relevance cursor comes from this state of the index.
    pub(crate) fn check(&self, searcher: &Searcher) -> crate::Result<()> {
        match self {
            Cursor::Relevance { state, .. } if *state != state_of(searcher) => {
                Err(Error::InvalidArgument(
                    "search_after cursor comes from an earlier state of the index (relevance \
                     cursors last until the next commit; sorted ones across commits)"
                        .to_string(),
                ))
            }
            _ => Ok(()),
        }
    }
}

/// A fingerprint of the segments a searcher reads: equal for every reader of one
/// state of the index.
pub(crate) fn state_of(searcher: &Searcher) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    for reader in searcher.segment_readers() {
        reader.segment_id().uuid_string().hash(&mut h);
        reader.num_deleted_docs().hash(&mut h);
    }
    h.finish()
}

/// The hits of `inner` that come after `cursor` in the request's order.
pub(crate) struct AfterQuery {
    inner: Box<dyn Query>,
    cursor: Cursor,
    sort: Sort,
    /// The searcher's segments, in its order: a scorer finds its segment's ordinal here.
    segments: Vec<SegmentId>,
}

impl AfterQuery {
    pub(crate) fn new(
        inner: Box<dyn Query>,
        cursor: Cursor,
        sort: Sort,
        searcher: &Searcher,
    ) -> AfterQuery {
        AfterQuery {
            inner,
            cursor,
            sort,
            segments: searcher
                .segment_readers()
                .iter()
                .map(|r| r.segment_id())
                .collect(),
        }
    }
}

impl Clone for AfterQuery {
    fn clone(&self) -> Self {
        AfterQuery {
            inner: self.inner.box_clone(),
            cursor: self.cursor.clone(),
            sort: self.sort,
            segments: self.segments.clone(),
        }
    }
}

impl fmt::Debug for AfterQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "After(query={:?}, cursor={:?})", self.inner, self.cursor)
    }
}

impl Query for AfterQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(AfterWeight {
            inner: self.inner.weight(enable_scoring)?,
            cursor: self.cursor.clone(),
            sort: self.sort,
            segments: self.segments.clone(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor)
    }
}

struct AfterWeight {
    inner: Box<dyn Weight>,
    cursor: Cursor,
    sort: Sort,
    segments: Vec<SegmentId>,
}

impl Weight for AfterWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let inner = self.inner.scorer(reader, boost)?;
        let segment = self
            .segments
            .iter()
            .position(|id| *id == reader.segment_id())
            .and_then(|p| u32::try_from(p).ok())
            .unwrap_or(u32::MAX);
        let keys = match self.cursor {
            Cursor::Sorted(_) => Some(KeyReader::new(self.sort, reader)),
            Cursor::Relevance { .. } => None,
        };
        let cursor = self.cursor.clone();
        Ok(Box::new(KeepScorer::new(inner, move |doc, score| {
            after(&cursor, keys.as_ref(), segment, doc, score)
        })))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.inner.explain(reader, doc)
    }
}

/// Whether the unit `doc` of segment `segment`, scoring `score`, comes after `cursor`.
fn after(
    cursor: &Cursor,
    keys: Option<&KeyReader>,
    segment: u32,
    doc: DocId,
    score: Score,
) -> bool {
    match cursor {
        Cursor::Sorted(key) => keys.is_some_and(|k| k.key(doc) < *key),
        Cursor::Relevance {
            score: s,
            segment: at_segment,
            doc: d,
            ..
        } => score < *s || (score == *s && (segment, doc) > (*at_segment, *d)),
    }
}
