//! Values computed once per segment and kept for later searches.
//!
//! A tantivy segment never changes once written: what a search derives from it alone
//! (the children of a facet root, in ordinal order, for instance) stays true for as
//! long as the segment is searched. [`SegmentMemo`] keeps such values by segment and
//! key, shared by every clone of an [`Index`](super::Index), and forgets the segments
//! a merge or a deletion has retired whenever it is told which segments are live.

use std::any::Any;
use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;
use tantivy::index::SegmentId;

type Entry = Arc<dyn Any + Send + Sync>;

/// The most values kept: past it the memo starts afresh, so that requests naming ever
/// new keys (facet roots deep in the tree) cannot grow it without bound.
const MAX_ENTRIES: usize = 4096;

/// Per-segment values, keyed by segment and by a caller's key (a facet root's
/// encoded path, say).
#[derive(Default)]
pub(crate) struct SegmentMemo {
    entries: Mutex<FxHashMap<(SegmentId, Vec<u8>), Entry>>,
}

impl SegmentMemo {
    /// The value kept for `(segment, key)`, made by `make` (outside the lock) when
    /// there is none. A value of another type under the same key is replaced.
    pub(crate) fn get_or_make<T, E>(
        &self,
        segment: SegmentId,
        key: &[u8],
        make: impl FnOnce() -> Result<T, E>,
    ) -> Result<Arc<T>, E>
    where
        T: Any + Send + Sync,
    {
        let id = (segment, key.to_vec());
        if let Some(kept) = self.lock().get(&id).cloned() {
            if let Ok(value) = kept.downcast::<T>() {
                return Ok(value);
            }
        }
        // Two searches may make the same value at once; both are right, one is kept.
        let value = Arc::new(make()?);
        let mut entries = self.lock();
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(id, Arc::clone(&value) as Entry);
        Ok(value)
    }

    /// Forgets every value of a segment not in `live`.
    pub(crate) fn retain_segments(&self, live: &[SegmentId]) {
        let mut entries = self.lock();
        if entries.keys().any(|(segment, _)| !live.contains(segment)) {
            entries.retain(|(segment, _), _| live.contains(segment));
        }
    }

    /// How many values are kept.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, FxHashMap<(SegmentId, Vec<u8>), Entry>> {
        // The map holds plain values: one left by a panicking thread is still whole.
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_made_once_per_segment_and_key_and_forgotten_with_its_segment() {
        let memo = SegmentMemo::default();
        let (a, b) = (SegmentId::generate_random(), SegmentId::generate_random());
        let mut made = 0;
        let mut get = |segment, key: &[u8], value: u32| {
            *memo
                .get_or_make(segment, key, || {
                    made += 1;
                    Ok::<_, ()>(value)
                })
                .expect("made")
        };
        assert_eq!(get(a, b"/person", 1), 1);
        assert_eq!(get(a, b"/person", 2), 1, "kept, not made again");
        assert_eq!(get(a, b"/org", 3), 3);
        assert_eq!(get(b, b"/person", 4), 4);
        assert_eq!(made, 3);
        assert_eq!(memo.len(), 3);
        memo.retain_segments(&[b]);
        assert_eq!(memo.len(), 1, "segment a retired");
        let failed: Result<Arc<u32>, &str> = memo.get_or_make(a, b"/x", || Err("no"));
        assert_eq!(failed.unwrap_err(), "no");
        assert_eq!(memo.len(), 1, "a failure keeps nothing");
    }

    #[test]
    fn the_memo_stays_bounded() {
        let memo = SegmentMemo::default();
        let segment = SegmentId::generate_random();
        for i in 0..MAX_ENTRIES * 2 + 3 {
            let key = i.to_string();
            let kept: Arc<usize> = memo
                .get_or_make(segment, key.as_bytes(), || Ok::<_, ()>(i))
                .expect("made");
            assert_eq!(*kept, i);
            assert!(memo.len() <= MAX_ENTRIES, "{} values kept", memo.len());
        }
    }
}
