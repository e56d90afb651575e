//! Request → hits: the search path, top to bottom.
//!
//! In: a [`SearchRequest`]: a query string in tantivy's query syntax plus filters, a
//! page and facet counts. Out: [`SearchResults`]: ranked [`Hit`]s with snippets,
//! entities and facet counts. [`Index::search`](crate::Index::search) runs the path:
//!
//! | step | module | does |
//! |---|---|---|
//! | request | `request` | the builder and its limits |
//! | typed | `typed` | the query as typed → text the grammar reads, or its words |
//! | compile | `compile` | the query string → a tantivy query, words to highlight |
//! | best-of-channels | `best` | one query word as the best of its channel terms |
//! | fuzzy | `fuzzy` | indexed keys close to a word that has no key in the index |
//! | filter | `filter` | kinds, resolutions, dates and facets around the query |
//! | cutoff | `cutoff` | drops hits below a share of the best score |
//! | collect | `collect`, `count` | the page, the total (bounded) and facet counts |
//! | order | `sort` | the page by date or document order, and cursors (`search_after`) |
//! | hits | `hit`, `highlight` | stored units → hits, highlights and snippets |
//!
//! The index layer below opens and writes indexes and hands out searchers; it never
//! calls up into this module.
//!
//! # Query syntax
//! tantivy's grammar: bare words, `"phrases"` (with `~slop`), `AND`, `OR`, `NOT`,
//! `+must`, `-must_not`, `(groups)`, `word^2` boosts, `prefix*`, and field prefixes:
//!
//! | prefix | matches |
//! |---|---|
//! | (none) | prose and names (below) |
//! | `text:` | prose only (stemmed) |
//! | `name:` | names only (the name channels) |
//! | `person:`, `org:`, `place:`, `law:` | the unit's entities of that kind, spelling-tolerant |
//! | `kind:` | `citation`, `recital`, `paragraph`, `footnote` |
//! | `resolution:` | a resolution reference (`resolution:"TA-9-2021-0056"`) |
//! | `id:` | a unit id |
//! | `date:` | the resolution's adoption date (the dates a unit mentions are the facet `/mentioned/…`): `date:2021`, `date:2021-02`, `date:[2021-01 TO 2021-06]` |
//!
//! Words are ORed unless marked `+` or joined by `AND`. An English stop word on its own
//! is ignored (`the`, `will`); quoted (`"May"`), it is looked up as a name, in the
//! units that write it with a capital.
//!
//! # Ranking
//! A bare query word `w` becomes the best (dis-max) of:
//!
//! | channel | field | boost |
//! |---|---|---|
//! | exact spelling | `name_exact` | 4.0 |
//! | folded (case, diacritics, apostrophes) | `name_folded` | 3.0 |
//! | transliteration keys | `name_translit` | 2.0 |
//! | prose stem | `text` (BM25) | 1.0 |
//! | related forms | `name_related` | 0.8 |
//! | fuzzy: indexed keys close under the name analysis's confusable-aware distance, only when no translit key of `w` is in the index | `name_translit` | 0.45–0.3 by distance |
//!
//! so an exact spelling outranks a transliteration variant, which outranks a fuzzy
//! match.
//!
//! Several bare words side by side (no `+`, `-` or written `OR`) are one name: a unit
//! matching more of them ranks above one matching fewer, however exactly, and among
//! units matching as many, the better channels and the family name win (a given name
//! weighs half). A word one edit away counts beside the name's other words; an
//! initial (`Y.`, `Е.Жовтис`, `JC`) ranks a fitting given name first; a common word
//! written with a capital (`Torture`) scores as prose. See `docs/design.md`.
//!
//! Two adjacent bare words also add a proximity clause (boost 3.0): their
//! transliteration keys within one position of each other, in either order
//! (`AKHMETOV Sapar` finds `Sapar Akhmetov`), or their related keys, at the related
//! channel's share of that boost, 1.2 (`Yerlan Akhmetov` finds `Erlan Akhmetuly`,
//! whose surname has another suffix). The whole name thus outranks one part of it,
//! and two parts naming one person outrank two people each matching one part.
//!
//! # Looking a person up by name
//! [`SearchRequest::name`] takes a name rather than a query and ranks for precision:
//! hits below [`crate::analysis::name::RELATIVE_CUTOFF`] × the best score are dropped, so units
//! that share only a given name with the person disappear. [`SearchRequest::new`]
//! never drops a hit for scoring low, since for prose that would lose relevant units.
//!
//! # Queries as typed
//! An apostrophe inside or after a word (`Anatol'`, `O'Brien`, `Karimli'nin`,
//! `В'ячеслав`), a lone `'`, a typographic quote or an unpaired `"` is text; a query the
//! grammar still cannot parse (`(torture`, `torture AND`) is read as its words.
//!
//! # Limits
//! Queries longer than 4096 bytes, with more than 64 words or with groups nested more
//! than 32 deep are rejected with [`Error::Query`](crate::Error::Query), as are unknown
//! fields, regexes and bad dates or kinds.

use std::collections::BTreeMap;
use std::sync::Arc;

use tantivy::collector::{Collector, Count, TopDocs};
use tantivy::query::{AllQuery, EnableScoring, Query, TermQuery, Weight};
use tantivy::schema::{Facet, TantivyDocument};
use tantivy::Searcher;

use crate::index::Index;

mod best;
mod collect;
mod compile;
mod count;
mod cutoff;
mod filter;
mod fuzzy;
mod highlight;
mod hit;
mod keep;
mod lookup;
mod request;
mod sort;
mod typed;

pub use self::highlight::{Highlight, MatchChannel, SnippetOptions};
pub use self::hit::{FacetCount, Hit, SearchResults};
pub use self::request::{
    SearchRequest, DEFAULT_TOTAL_LIMIT, MAX_LIMIT, MAX_OFFSET, MAX_QUERY_BYTES, MAX_QUERY_WORDS,
};
pub use self::sort::Sort;

// What the `scale` module translates for other engines: the same boosts, weights, query
// reading and fuzzy scores as the compiler here.
pub(crate) use self::compile::{
    bare_word, channel_combinations, joined_run_spans, kin_pairs, prose_analyzer, proximity_pairs,
    run_counts, run_parts, run_words, skip_pairs, too_deep, JoinedRunSpan, Order, ProximityPairs,
    QueryInput, Scope, ALL as ALL_CHANNELS, BOOST_EXACT, BOOST_FOLDED, BOOST_RELATED, BOOST_TEXT,
    BOOST_TRANSLIT, FUZZY_MIN_CHARS,
};
pub(crate) use self::fuzzy::boost as fuzzy_boost;
pub(crate) use self::typed::{as_typed, han_name_apart, words_clause, TypedWord};

use self::best::BestTermQuery;
use self::collect::FacetChildCounts;
use self::compile::Compiler;
use self::count::Counting;
pub(crate) use self::filter::parse_facet;
use self::filter::with_filters;
use self::highlight::{HighlightTerms, Verdicts};
use self::hit::top_children;
use self::sort::{state_of, AfterQuery, Cursor, KeyReader};

impl Index {
    /// Runs a search: the query, its filters, a page of hits and the facet counts asked
    /// for. See the [`search`](crate::search) module for the query syntax and ranking.
    pub fn search(&self, request: &SearchRequest) -> crate::Result<SearchResults> {
        execute(self, request)
    }

    /// The unit with this id (`TA-9-2021-0056/recital/F`, as [`Hit::id`]), as a hit
    /// with no score and no highlights; `None` when the index holds no such unit.
    ///
    /// ```
    /// use whereas::Index;
    ///
    /// let index = Index::from_resolutions([&whereas::bundled::kazakhstan_2021()?])?;
    /// let unit = index.unit("TA-9-2021-0056/recital/F")?.expect("recital F");
    /// assert!(unit.text.contains("Zhumagulov"));
    /// assert!(index.unit("TA-9-2021-0056/recital/ZZ")?.is_none());
    /// # Ok::<(), whereas::Error>(())
    /// ```
    pub fn unit(&self, id: &str) -> crate::Result<Option<Hit>> {
        let fields = self.fields();
        let searcher = self.searcher();
        let term = tantivy::Term::from_field_text(fields.id, id);
        let query = TermQuery::new(term, tantivy::schema::IndexRecordOption::Basic);
        let found = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        let Some((_, address)) = found.first() else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(*address)?;
        let mut hit = hit::hit(
            &doc,
            0.0,
            fields,
            &HighlightTerms::default(),
            &mut Verdicts::default(),
            &SnippetOptions::default(),
        );
        hit.snippet = String::new();
        Ok(Some(hit))
    }
}

/// Runs `request` on `index`.
fn execute(index: &Index, request: &SearchRequest) -> crate::Result<SearchResults> {
    request.validate()?;
    let fields = index.fields();
    let searcher = index.searcher();
    let cursor = request
        .search_after
        .as_deref()
        .map(|text| Cursor::decode(text, request.sort))
        .transpose()?;
    if let Some(cursor) = &cursor {
        cursor.check(&searcher)?;
    }
    for path in request
        .facets
        .iter()
        .chain(request.facet_counts.iter().map(|(p, _)| p))
    {
        known_root(path)?;
    }
    let mut compiler = Compiler::new(&request.query, fields, &searcher);
    compiler.person_lookup = request.person_lookup;
    let main = compiler.compile()?;
    let query = with_filters(main, request, fields)?;
    let query = with_cutoff(query, request.relative_cutoff, &searcher)?;

    let mut roots = Vec::new();
    for (root, top) in &request.facet_counts {
        let facet = parse_facet(root)?;
        if !roots.iter().any(|(f, _): &(Facet, usize)| *f == facet) {
            roots.push((facet, *top));
        }
    }

    // A sorted page, or one after a cursor, is collected on its own; the total and
    // the facet counts are those of the whole result set either way.
    let custom_page = request.sort != Sort::Relevance || cursor.is_some();
    let custom = if custom_page && request.limit > 0 {
        Some(sorted_page(&searcher, &query, request, cursor)?)
    } else {
        None
    };

    // The page, the total and the facet counts come from one weight, built once. The
    // page is collected on its own, so that `TopDocs` may skip what cannot make the
    // page (see `best`); the total and facet counts take one unscored pass. The
    // cutoff compares scores, so scoring stays on even when no hit is wanted.
    let wants_page = request.limit > 0 && !custom_page;
    let top = (wants_page || request.relative_cutoff.is_some()).then(|| {
        TopDocs::with_limit(request.limit.max(1))
            .and_offset(request.offset)
            .order_by_score()
    });
    if !roots.is_empty() {
        // Child tables of segments that merges have retired are dropped.
        let live: Vec<_> = searcher
            .segment_readers()
            .iter()
            .map(|reader| reader.segment_id())
            .collect();
        index.memo().retain_segments(&live);
    }
    let counter = (!roots.is_empty()).then(|| {
        (
            Count,
            FacetChildCounts::new(
                crate::index::facet_field_name(),
                roots.iter().map(|(facet, _)| facet.clone()).collect(),
                Arc::clone(index.memo()),
            )
            .keeping(roots.iter().map(|(_, top)| *top).collect()),
        )
    });
    let scoring = if top.is_some() {
        EnableScoring::enabled_from_searcher(&searcher)
    } else {
        EnableScoring::disabled_from_searcher(&searcher)
    };
    // A lone query word is weighed as its own type: its count knows a lower bound.
    let word = query
        .downcast_ref::<BestTermQuery>()
        .map(|word| word.best_weight(scoring))
        .transpose()?;
    let any;
    let (weight, counting): (&dyn Weight, Counting<'_>) = match &word {
        Some(word) => (word, Counting::Word(word)),
        None => {
            any = query.weight(scoring)?;
            let weight = any.as_ref();
            // tantivy counts these from the term dictionary or the segment's size.
            let free = query.is::<TermQuery>() || query.is::<AllQuery>();
            (
                weight,
                if free {
                    Counting::Free(weight)
                } else {
                    Counting::Any(weight)
                },
            )
        }
    };
    let mut pages = Vec::new();
    let mut total = 0usize;
    let mut total_exact = true;
    let mut facet_counts = Vec::new();
    for (ord, reader) in searcher.segment_readers().iter().enumerate() {
        let ord = ord as u32;
        if let Some(top) = &top {
            pages.push(top.collect_segment(weight, ord, reader)?);
        }
        match &counter {
            None => {
                // What is left of the limit; once it is spent, later segments add only
                // what they know without counting.
                let budget = if request.total_limit == usize::MAX {
                    u32::MAX
                } else {
                    let left = request.total_limit.saturating_sub(total);
                    u32::try_from(left).unwrap_or(u32::MAX - 1)
                };
                let counted = count::count_up_to(counting, reader, budget)?;
                total += counted.units as usize;
                total_exact &= counted.exact;
            }
            Some(counter) => {
                let (n, f) = counter.collect_segment(weight, ord, reader)?;
                total += n;
                facet_counts.push(f);
            }
        }
    }
    let page = top.map(|top| top.merge_fruits(pages)).transpose()?;
    let counted = counter
        .map(|(_, counter)| counter.merge_fruits(facet_counts))
        .transpose()?;

    let mut facets = BTreeMap::new();
    for ((facet, top), counts) in roots.into_iter().zip(counted.unwrap_or_default()) {
        facets.insert(facet.to_string(), top_children(counts, top));
    }

    let state = state_of(&searcher);
    let page: Vec<(f32, tantivy::DocAddress, Option<String>)> = match custom {
        Some(page) => page,
        None if wants_page => page
            .into_iter()
            .flatten()
            .take(request.limit)
            .map(|(score, address)| {
                let cursor = Cursor::relevance(score, state, address).encode();
                (score, address, Some(cursor))
            })
            .collect(),
        None => Vec::new(),
    };
    let mut docs = Vec::new();
    for (score, address, cursor) in page {
        docs.push((score, searcher.doc::<TantivyDocument>(address)?, cursor));
    }
    let mut verdicts = Verdicts::default();
    let hits = docs
        .iter()
        .map(|(score, doc, cursor)| {
            let mut hit = hit::hit(
                doc,
                *score,
                fields,
                &compiler.highlight,
                &mut verdicts,
                &request.snippet,
            );
            hit.cursor = cursor.clone().unwrap_or_default();
            hit
        })
        .collect();
    Ok(SearchResults {
        total,
        total_exact,
        hits,
        facets,
    })
}

/// Checks that a facet path starts with a root the index writes, so that a misnamed
/// root is an error rather than no hits (above all `/date`, which is not where the
/// dates a unit mentions are).
fn known_root(path: &str) -> crate::Result<()> {
    use crate::index::facet;
    use crate::model::{EntityKind, UnitKind};

    let mut roots: Vec<String> = vec![
        facet::kind(UnitKind::Citation).swap_remove(0),
        facet::resolution("").swap_remove(0),
    ];
    roots.extend(EntityKind::ALL.iter().map(|k| facet::root(*k).to_string()));
    let first = path
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default();
    if path == "/" || roots.iter().any(|r| r == first) {
        return Ok(());
    }
    let hint = if first == "date" {
        format!(
            "; the dates a unit mentions are under /{}, and the resolution's adoption date \
             is filtered with date_range or date:",
            facet::root(EntityKind::Date)
        )
    } else {
        String::new()
    };
    Err(crate::Error::InvalidArgument(format!(
        "unknown facet root in {path:?} (one of /{}){hint}",
        roots.join(", /")
    )))
}

/// The page of a sorted request, or of one that goes on after a cursor: each hit's
/// score, address and cursor.
fn sorted_page(
    searcher: &Searcher,
    query: &dyn Query,
    request: &SearchRequest,
    cursor: Option<Cursor>,
) -> crate::Result<Vec<(f32, tantivy::DocAddress, Option<String>)>> {
    let query: Box<dyn Query> = match cursor {
        Some(cursor) => Box::new(AfterQuery::new(
            query.box_clone(),
            cursor,
            request.sort,
            searcher,
        )),
        None => query.box_clone(),
    };
    let top = TopDocs::with_limit(request.limit).and_offset(request.offset);
    if request.sort == Sort::Relevance {
        let state = state_of(searcher);
        let page = searcher.search(&query, &top.order_by_score())?;
        return Ok(page
            .into_iter()
            .map(|(score, address)| {
                let cursor = Cursor::relevance(score, state, address).encode();
                (score, address, Some(cursor))
            })
            .collect());
    }
    // Scored, though the score does not order: a relative cutoff compares scores, and
    // the hits report theirs. Keys are unique, so the score never breaks a tie.
    let sort = request.sort;
    let page = searcher.search(
        &query,
        &top.tweak_score(move |reader: &tantivy::SegmentReader| {
            let keys = KeyReader::new(sort, reader);
            move |doc: tantivy::DocId, score: f32| (keys.key(doc), score)
        }),
    )?;
    Ok(page
        .into_iter()
        .map(|((key, score), address)| (score, address, Some(Cursor::Sorted(key).encode())))
        .collect())
}

/// Wraps `query` so that it keeps only hits scoring at least `share` × its best score.
fn with_cutoff(
    query: Box<dyn Query>,
    share: Option<f32>,
    searcher: &Searcher,
) -> crate::Result<Box<dyn Query>> {
    let Some(share) = share else {
        return Ok(query);
    };
    let best = searcher
        .search(&query, &TopDocs::with_limit(1).order_by_score())?
        .first()
        .map(|(score, _)| *score);
    Ok(match best {
        Some(best) if share > 0.0 && best > 0.0 => {
            Box::new(cutoff::MinScoreQuery::new(query, share * best))
        }
        _ => query,
    })
}
