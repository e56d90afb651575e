//! Facet counts by ordinal: the children of a few facet roots, counted over a result
//! set.
//!
//! In: the facet field's name and the roots asked for (`/person`, `/mentioned/2021`). Out:
//! for each root, every child that some matching unit carries (itself or below it),
//! with the number of matching units carrying it.
//!
//! tantivy's `FacetCollector` gives the same counts, but for every segment it streams
//! the whole facet dictionary to map ordinals to children, and then looks the name of
//! every counted child up on its own, decompressing a dictionary block each time: with
//! thousands of people named in a result set that lookup is most of a search's time.
//! Here a segment's facets under a root are one contiguous range of ordinals (facets
//! are sorted, and a facet's descendants all start with its encoded path and a
//! separator byte), found with two dictionary lookups. Units are counted per ordinal
//! in that range. Which child each ordinal of the range falls under is read from the
//! dictionary once per segment and root, in one sorted pass, and kept in the index's
//! [`SegmentMemo`] for later searches (a segment never changes): a search's own work
//! is counting, then adding ordinal counts into child counts by array lookups.
//!
//! Invariant: the counts equal tantivy's `FacetCollector` for the same root (the
//! tests compare them on an index with several segments): a unit carrying several
//! facets below one child counts once for that child, and a unit carrying the root
//! itself counts for no child.

use std::io;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::index::memo::SegmentMemo;

/// Counts the children of each root over the matching units.
pub(crate) struct FacetChildCounts {
    field: String,
    roots: Vec<Facet>,
    /// Per root, how many of its most counted children are wanted.
    tops: Vec<usize>,
    memo: Arc<SegmentMemo>,
}

impl FacetChildCounts {
    /// A collector on facet field `field` for `roots` (which may overlap), keeping
    /// each segment's child tables in `memo`.
    pub(crate) fn new(
        field: impl Into<String>,
        roots: Vec<Facet>,
        memo: Arc<SegmentMemo>,
    ) -> FacetChildCounts {
        FacetChildCounts {
            field: field.into(),
            tops: vec![usize::MAX; roots.len()],
            roots,
            memo,
        }
    }

    /// Returns, for each root, only the children that can be among its `tops[i]` most
    /// counted (ties at the cut included): a root with tens of thousands of children
    /// then hands back a few, and only those are copied out of the segments' tables.
    pub(crate) fn keeping(mut self, tops: Vec<usize>) -> FacetChildCounts {
        self.tops = tops;
        self
    }
}

/// One root's children in one segment: for each ordinal of the root's range, the
/// child it falls under.
struct ChildTable {
    /// Per ordinal (from the range's start): an index into `children`.
    child_of: Vec<u32>,
    /// The children's encoded paths, in ordinal order.
    children: Vec<Vec<u8>>,
}

impl ChildTable {
    /// Reads the children of ordinals `lo..hi` from the dictionary, in one pass.
    fn read(reader: &FacetReader, lo: u64, hi: u64, child_from: usize) -> io::Result<ChildTable> {
        let ords: Vec<u64> = (lo..hi).collect();
        let mut children: Vec<Vec<u8>> = Vec::new();
        let mut child_of = Vec::with_capacity(ords.len());
        let found = reader.facet_dict().sorted_ords_to_term_cb(&ords, |term| {
            let end = term
                .get(child_from..)
                .and_then(|rest| rest.iter().position(|&b| b == 0))
                .map_or(term.len(), |p| child_from + p);
            let child = &term[..end];
            if children.last().map(Vec::as_slice) != Some(child) {
                children.push(child.to_vec());
            }
            child_of.push((children.len() - 1) as u32);
        })?;
        if !found || child_of.len() != ords.len() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "a facet ordinal of the segment is missing from its facet dictionary",
            ));
        }
        Ok(ChildTable { child_of, children })
    }
}

/// For each root, its children (encoded facet bytes) with their counts, in no order:
/// every child counted, or (with [`FacetChildCounts::keeping`]) those that can be in
/// the root's top.
pub(crate) type ChildCounts = Vec<Vec<(Vec<u8>, u64)>>;

/// One root's counts in one segment, by the segment's child table.
pub(crate) struct SegmentChildren {
    table: Arc<ChildTable>,
    /// Per child of the table: the units counted.
    counts: Vec<u64>,
}

/// Keeps the entries of `all` counted at least as often as its `top`-th most counted
/// (all of them when there are no more than `top`), found in linear time: ties at the
/// cut stay, for the caller to order.
pub(crate) fn retain_top<K>(all: &mut Vec<(K, u64)>, top: usize) {
    if top == 0 {
        all.clear();
    } else if all.len() > top {
        let (_, &mut (_, threshold), _) =
            all.select_nth_unstable_by_key(top - 1, |c| std::cmp::Reverse(c.1));
        all.retain(|(_, n)| *n >= threshold);
    }
}

/// One root's ordinal range in one segment and what was counted in it.
struct RootRange {
    /// First ordinal of the root's descendants.
    lo: u64,
    /// One past the last.
    hi: u64,
    /// The child of each ordinal in the range.
    table: Arc<ChildTable>,
    /// Per ordinal (from `lo`): units whose only facet in the range is this one.
    single: Vec<u32>,
    /// Ordinals (from `lo`) of units with several facets in the range, one unit
    /// after another; `multi_ends` closes each unit.
    multi: Vec<u32>,
    multi_ends: Vec<usize>,
    /// Ordinals (from `lo`) of the unit being collected.
    pending: Vec<u32>,
}

pub(crate) struct FacetChildSegment {
    reader: FacetReader,
    ranges: Vec<RootRange>,
}

/// The first ordinal whose term is `key` or sorts after it.
fn ord_at_or_after(reader: &FacetReader, key: &[u8]) -> io::Result<u64> {
    let dict = reader.facet_dict();
    let ord = match dict.term_ord_or_next(key)? {
        tantivy::columnar::TermOrdHit::Exact(ord) | tantivy::columnar::TermOrdHit::Next(ord) => ord,
    };
    Ok(ord.min(dict.num_terms() as u64))
}

impl Collector for FacetChildCounts {
    type Fruit = ChildCounts;
    type Child = FacetChildSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<FacetChildSegment> {
        let reader = segment.facet_reader(&self.field)?;
        let segment_id = segment.segment_id();
        let mut ranges = Vec::with_capacity(self.roots.len());
        for root in &self.roots {
            let encoded = root.encoded_str().as_bytes();
            let (lo, hi, child_from) = if root.is_root() {
                (0, reader.num_facets() as u64, 0)
            } else {
                // Descendants are `root \0 …`; `root \1` sorts after all of them.
                let mut key = encoded.to_vec();
                key.push(0);
                let lo = ord_at_or_after(&reader, &key)?;
                key.pop();
                key.push(1);
                let hi = ord_at_or_after(&reader, &key)?;
                (lo, hi.max(lo), encoded.len() + 1)
            };
            let table = self.memo.get_or_make(segment_id, encoded, || {
                ChildTable::read(&reader, lo, hi, child_from)
            })?;
            ranges.push(RootRange {
                lo,
                hi,
                table,
                single: vec![0; (hi - lo) as usize],
                multi: Vec::new(),
                multi_ends: Vec::new(),
                pending: Vec::new(),
            });
        }
        Ok(FacetChildSegment { reader, ranges })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        segment_fruits: Vec<io::Result<Vec<SegmentChildren>>>,
    ) -> tantivy::Result<ChildCounts> {
        let segments: Vec<Vec<SegmentChildren>> =
            segment_fruits.into_iter().collect::<io::Result<_>>()?;
        let mut out = Vec::with_capacity(self.roots.len());
        for root in 0..self.roots.len() {
            fn counted(s: &SegmentChildren) -> impl Iterator<Item = (&[u8], u64)> {
                s.table
                    .children
                    .iter()
                    .zip(&s.counts)
                    .filter(|(_, n)| **n > 0)
                    .map(|(child, n)| (child.as_slice(), *n))
            }
            // One segment's children are distinct already; several segments' are
            // added up by path, borrowed from the tables, copied only once chosen.
            let mut all: Vec<(&[u8], u64)> = match segments.as_slice() {
                [one] => counted(&one[root]).collect(),
                several => {
                    let mut total: FxHashMap<&[u8], u64> = FxHashMap::default();
                    for segment in several {
                        for (child, n) in counted(&segment[root]) {
                            *total.entry(child).or_insert(0) += n;
                        }
                    }
                    total.into_iter().collect()
                }
            };
            retain_top(&mut all, self.tops.get(root).copied().unwrap_or(usize::MAX));
            out.push(all.into_iter().map(|(c, n)| (c.to_vec(), n)).collect());
        }
        Ok(out)
    }
}

impl SegmentCollector for FacetChildSegment {
    type Fruit = io::Result<Vec<SegmentChildren>>;

    fn collect(&mut self, doc: DocId, _: Score) {
        for ord in self.reader.facet_ords(doc) {
            for range in &mut self.ranges {
                if (range.lo..range.hi).contains(&ord) {
                    range.pending.push((ord - range.lo) as u32);
                }
            }
        }
        for range in &mut self.ranges {
            match range.pending.as_slice() {
                [] => {}
                [one] => range.single[*one as usize] += 1,
                several => {
                    range.multi.extend_from_slice(several);
                    range.multi_ends.push(range.multi.len());
                }
            }
            range.pending.clear();
        }
    }

    fn harvest(self) -> io::Result<Vec<SegmentChildren>> {
        let mut out = Vec::with_capacity(self.ranges.len());
        for range in self.ranges {
            let table = range.table;
            let mut counts = vec![0u64; table.children.len()];
            for (&n, &child) in range.single.iter().zip(&table.child_of) {
                counts[child as usize] += u64::from(n);
            }
            let mut start = 0;
            let mut unit: Vec<u32> = Vec::new();
            for &end in &range.multi_ends {
                unit.clear();
                unit.extend(
                    range.multi[start..end]
                        .iter()
                        .map(|&o| table.child_of[o as usize]),
                );
                unit.sort_unstable();
                unit.dedup();
                for &c in &unit {
                    counts[c as usize] += 1;
                }
                start = end;
            }
            out.push(SegmentChildren { table, counts });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::hit::{top_children, FacetCount};
    use tantivy::collector::FacetCollector;
    use tantivy::query::{AllQuery, Query, TermQuery};
    use tantivy::schema::{FacetOptions, IndexRecordOption, Schema, STRING};
    use tantivy::{doc, Index, IndexWriter, TantivyDocument, Term};

    /// tantivy's answer, in the same shape.
    fn reference(searcher: &tantivy::Searcher, query: &dyn Query, root: &Facet) -> Vec<FacetCount> {
        let mut collector = FacetCollector::for_field("facets");
        collector.add_facet(root.clone());
        let counts = searcher.search(query, &collector).expect("search runs");
        let mut children: Vec<FacetCount> = counts
            .get(root.clone())
            .map(|(f, count)| FacetCount {
                path: f.to_string(),
                count: count as usize,
            })
            .collect();
        children.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.path.cmp(&b.path)));
        children
    }

    /// Several segments of units with people (some nested, some repeated below one
    /// child), places, dates and the bare `/person` root, and a few deleted units.
    fn index() -> Index {
        let mut schema = Schema::builder();
        let facets = schema.add_facet_field("facets", FacetOptions::default());
        let tag = schema.add_text_field("tag", STRING);
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter<TantivyDocument> = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        let mut state = 7u64;
        let mut next = move |n: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % n
        };
        for segment in 0..5 {
            for unit in 0..120 {
                let mut doc = TantivyDocument::default();
                doc.add_text(tag, if unit % 3 == 0 { "a" } else { "b" });
                for _ in 0..next(4) {
                    let person = format!("P{}", next(40));
                    let facet = if next(3) == 0 {
                        Facet::from_path(["person", &person, &format!("role{}", next(3))])
                    } else {
                        Facet::from_path(["person", &person])
                    };
                    doc.add_facet(facets, facet);
                }
                if next(10) == 0 {
                    doc.add_facet(facets, Facet::from_path(["person"]));
                }
                doc.add_facet(
                    facets,
                    Facet::from_path(["place", &format!("C{}", next(5))]),
                );
                doc.add_facet(
                    facets,
                    Facet::from_path(["date", &format!("{}", 2015 + next(4)), "01"]),
                );
                writer.add_document(doc).expect("adds");
            }
            if segment == 2 {
                writer.delete_term(Term::from_field_text(tag, "a"));
            }
            writer.commit().expect("commits");
        }
        writer
            .add_document(doc!(tag => "b"))
            .expect("adds a unit without facets");
        writer.commit().expect("commits");
        index
    }

    #[test]
    fn counts_equal_tantivys_facet_collector() {
        let index = index();
        let searcher = index.reader().expect("reader").searcher();
        assert!(searcher.segment_readers().len() >= 5, "several segments");
        let tag = index.schema().get_field("tag").expect("tag field");
        let queries: Vec<Box<dyn Query>> = vec![
            Box::new(AllQuery),
            Box::new(TermQuery::new(
                Term::from_field_text(tag, "a"),
                IndexRecordOption::Basic,
            )),
        ];
        let roots: Vec<Facet> = [
            "/person",
            "/person/P3",
            "/place",
            "/date",
            "/date/2016",
            "/nothing",
            "/zzz",
        ]
        .iter()
        .map(|p| Facet::from_text(p).expect("facet"))
        .collect();
        // One memo for every query: the first fills each segment's child tables, the
        // later ones count through the kept tables.
        let memo = Arc::new(SegmentMemo::default());
        for query in &queries {
            let ours = searcher
                .search(
                    query.as_ref(),
                    &FacetChildCounts::new("facets", roots.clone(), Arc::clone(&memo)),
                )
                .expect("search runs");
            for (root, counts) in roots.iter().zip(ours) {
                let expected = reference(&searcher, query.as_ref(), root);
                let got = top_children(counts, usize::MAX);
                assert_eq!(got, expected, "children of {root} for {query:?}");
                for top in [0, 1, 3, 10] {
                    let mut cut = expected.clone();
                    cut.truncate(top);
                    let counts = searcher
                        .search(
                            query.as_ref(),
                            &FacetChildCounts::new("facets", vec![root.clone()], Arc::clone(&memo)),
                        )
                        .expect("search runs")
                        .remove(0);
                    assert_eq!(top_children(counts, top), cut, "top {top} of {root}");
                    // Keeping only what can make the top hands back the same top, and
                    // no more children than the top and its ties.
                    let kept = searcher
                        .search(
                            query.as_ref(),
                            &FacetChildCounts::new("facets", vec![root.clone()], Arc::clone(&memo))
                                .keeping(vec![top]),
                        )
                        .expect("search runs")
                        .remove(0);
                    let last = cut.last().map_or(u64::MAX, |c| c.count as u64);
                    assert!(
                        kept.iter().all(|(_, n)| *n >= last),
                        "kept a child below the top {top} of {root}"
                    );
                    assert_eq!(top_children(kept, top), cut, "kept top {top} of {root}");
                }
            }
        }
        // The test must see something to compare.
        let people = reference(
            &searcher,
            &AllQuery,
            &Facet::from_text("/person").expect("facet"),
        );
        assert!(people.len() > 20, "{people:?}");
    }
}
