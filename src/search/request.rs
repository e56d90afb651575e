//! The search request: a query string, filters, a page and facet counts, built step by
//! step, and the limits every request is held to.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::model::UnitKind;

use super::highlight::SnippetOptions;
use super::sort::Sort;

/// Longest query accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 4096;
/// Most words a query may hold.
pub const MAX_QUERY_WORDS: usize = 64;
/// Largest page size.
pub const MAX_LIMIT: usize = 10_000;
/// Largest offset.
pub const MAX_OFFSET: usize = 1_000_000;
/// Up to how many matching units a search counts exactly unless told otherwise (see
/// [`SearchRequest::total_up_to`]): Elasticsearch's default.
pub const DEFAULT_TOTAL_LIMIT: usize = 10_000;

/// A search: query, filters, order, page and facet counts, built step by step.
///
/// Filters of one kind are ORed (`.kind(Recital).kind(Paragraph)`: either kind);
/// filters of different kinds, and several facets, are ANDed. Filters do not change
/// scores.
///
/// A request serialises with serde (an HTTP front end can take it as JSON and pass it
/// on); missing fields take their defaults, and [`Default`] is the request for every
/// unit. A deserialised request is checked when searched, as a built one is.
///
/// ```
/// use whereas::SearchRequest;
///
/// let request: SearchRequest =
///     serde_json::from_str(r#"{"query": "Zhumagulov", "kinds": ["recital"], "limit": 5}"#)?;
/// assert_eq!(request, SearchRequest::new("Zhumagulov").kind(whereas::UnitKind::Recital).limit(5));
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// ```
/// use whereas::SearchRequest;
/// use whereas::UnitKind;
///
/// let request = SearchRequest::new("torture Zhumagulov")
///     .kind(UnitKind::Recital)
///     .date_range("2021-01-01", "2021-12-31")
///     .facet("/place/Kazakhstan")
///     .offset(10)
///     .limit(10)
///     .facet_counts("/person", 10);
/// assert_eq!(request.query_text(), "torture Zhumagulov");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SearchRequest {
    pub(crate) query: String,
    pub(crate) kinds: Vec<UnitKind>,
    pub(crate) resolutions: Vec<String>,
    pub(crate) date_from: Option<String>,
    pub(crate) date_to: Option<String>,
    pub(crate) facets: Vec<String>,
    pub(crate) sort: Sort,
    pub(crate) search_after: Option<String>,
    pub(crate) offset: usize,
    pub(crate) limit: usize,
    pub(crate) facet_counts: Vec<(String, usize)>,
    pub(crate) relative_cutoff: Option<f32>,
    pub(crate) total_limit: usize,
    /// Set by [`SearchRequest::name`]: the query is a person's name.
    pub(crate) person_lookup: bool,
    pub(crate) snippet: SnippetOptions,
}

impl Default for SearchRequest {
    /// Every unit, first 10 hits: `SearchRequest::new("")`.
    fn default() -> SearchRequest {
        SearchRequest::new("")
    }
}

impl SearchRequest {
    /// A request for `query` (tantivy syntax; empty matches every unit), first 10 hits.
    pub fn new(query: impl Into<String>) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            kinds: Vec::new(),
            resolutions: Vec::new(),
            date_from: None,
            date_to: None,
            facets: Vec::new(),
            sort: Sort::Relevance,
            search_after: None,
            offset: 0,
            limit: 10,
            facet_counts: Vec::new(),
            relative_cutoff: None,
            total_limit: DEFAULT_TOTAL_LIMIT,
            person_lookup: false,
            snippet: SnippetOptions::default(),
        }
    }

    /// Orders the hits by `sort` rather than by relevance. The total and the facet
    /// counts do not change.
    ///
    /// ```
    /// use whereas::search::Sort;
    /// use whereas::{Index, SearchRequest};
    ///
    /// let index = Index::from_resolutions([&whereas::bundled::kazakhstan_2021()?])?;
    /// let results = index.search(&SearchRequest::new("prisoners").sort(Sort::DocumentOrder))?;
    /// let ordinals: Vec<usize> = results.hits.iter().map(|hit| hit.ordinal).collect();
    /// assert!(ordinals.windows(2).all(|pair| pair[0] < pair[1]));
    /// # Ok::<(), whereas::Error>(())
    /// ```
    pub fn sort(mut self, sort: Sort) -> SearchRequest {
        self.sort = sort;
        self
    }

    /// Returns the hits that come after the hit whose [`Hit::cursor`] this is, in the
    /// request's order: deep result lists page on from the last hit seen rather than
    /// from an offset. Pass the cursor unchanged, with the same query, filters and
    /// [`sort`](Self::sort). Cursors of a sorted search stay valid across commits; those
    /// of a relevance search until the index changes (an older one is
    /// [`Error::InvalidArgument`]).
    ///
    /// [`Hit::cursor`]: crate::Hit::cursor
    pub fn search_after(mut self, cursor: impl Into<String>) -> SearchRequest {
        self.search_after = Some(cursor.into());
        self
    }

    /// How snippets are cut and marked (default: `<b>`…`</b>`, about 240 bytes).
    pub fn snippet(mut self, options: SnippetOptions) -> SearchRequest {
        self.snippet = options;
        self
    }

    /// Keeps units of this kind (several calls: any of the kinds).
    pub fn kind(mut self, kind: UnitKind) -> SearchRequest {
        self.kinds.push(kind);
        self
    }

    /// Keeps units of the resolution with this reference (several calls: any of them).
    pub fn resolution(mut self, reference: impl Into<String>) -> SearchRequest {
        self.resolutions.push(reference.into());
        self
    }

    /// Keeps the units of resolutions adopted on or after `from` (`2021`, `2021-02` or
    /// `2021-02-11`), as the query's `date:` does. The dates a unit's text mentions are
    /// the facet `/mentioned/…`.
    pub fn date_from(mut self, from: impl Into<String>) -> SearchRequest {
        self.date_from = Some(from.into());
        self
    }

    /// Keeps the units of resolutions adopted on or before `to`; a partial date covers
    /// its whole year or month (`2021` is up to 31 December 2021).
    pub fn date_to(mut self, to: impl Into<String>) -> SearchRequest {
        self.date_to = Some(to.into());
        self
    }

    /// [`date_from`](Self::date_from) and [`date_to`](Self::date_to) together.
    pub fn date_range(self, from: impl Into<String>, to: impl Into<String>) -> SearchRequest {
        self.date_from(from).date_to(to)
    }

    /// Keeps units carrying this facet or one below it (`/person/Max Bokayev`,
    /// `/place`, `/mentioned/2021` for units that mention a date in 2021). Several
    /// calls: all of them. A path under no known root is [`Error::InvalidArgument`]
    /// at search time.
    pub fn facet(mut self, path: impl Into<String>) -> SearchRequest {
        self.facets.push(path.into());
        self
    }

    /// Skips the first `offset` hits.
    pub fn offset(mut self, offset: usize) -> SearchRequest {
        self.offset = offset;
        self
    }

    /// Returns at most `limit` hits (0: counts and facets only).
    pub fn limit(mut self, limit: usize) -> SearchRequest {
        self.limit = limit;
        self
    }

    /// Also counts, over the whole result set, the children of facet `root`
    /// (`/person`, `/mentioned/2021`) and returns the `top` most frequent.
    pub fn facet_counts(mut self, root: impl Into<String>, top: usize) -> SearchRequest {
        self.facet_counts.push((root.into(), top));
        self
    }

    /// Drops every hit scoring below `share` × the best hit's score (`share` in 0..=1),
    /// before paging; the total and the facet counts follow. Meant for looking a
    /// person up by name: once a unit matches the whole name, units that share only a
    /// given name, or a weak key, are noise. [`whereas::name::RELATIVE_CUTOFF`] is the
    /// share the name analysis uses for the same purpose.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `share` is not between 0 and 1, here rather than
    /// at search time.
    ///
    /// ```
    /// use whereas::SearchRequest;
    ///
    /// let request = SearchRequest::new("Bakytzhan Sagintaev")
    ///     .relative_cutoff(whereas::name::RELATIVE_CUTOFF)?;
    /// assert_eq!(request.query_text(), "Bakytzhan Sagintaev");
    /// assert!(SearchRequest::new("Sagintaev").relative_cutoff(1.5).is_err());
    /// # Ok::<(), whereas::Error>(())
    /// ```
    ///
    /// [`whereas::name::RELATIVE_CUTOFF`]: crate::name::RELATIVE_CUTOFF
    pub fn relative_cutoff(mut self, share: f32) -> crate::Result<SearchRequest> {
        check_cutoff(share)?;
        self.relative_cutoff = Some(share);
        Ok(self)
    }

    /// Counts the matching units exactly up to `limit` (default
    /// [`DEFAULT_TOTAL_LIMIT`]). When more match, counting may stop early:
    /// [`SearchResults::total`](crate::SearchResults::total) is then a lower bound, at least `limit`, and
    /// [`SearchResults::total_exact`](crate::SearchResults::total_exact) is false. The hits are the same either way.
    ///
    /// Counting every match of a name an archive mentions tens of thousands of times
    /// costs more than finding its best hits; ask for [`exact_total`](Self::exact_total)
    /// when the number itself is wanted. Facet counts are always exact, and so is the
    /// total when facet counts are asked for (they take the same pass).
    ///
    /// ```
    /// use whereas::SearchRequest;
    /// use whereas::{entity, segment, Index};
    ///
    /// let mut resolution = segment(
    ///     "P9_TA(2022)0001\nA. whereas Ivan Petrov was arrested;\n\
    ///      B. whereas Ivan Petrov was sentenced;\n1. Calls for Ivan Petrov's release;",
    /// )?;
    /// entity::annotate(&mut resolution);
    /// let index = Index::from_resolutions([&resolution])?;
    ///
    /// let bounded = index.search(&SearchRequest::new("Petrov").total_up_to(1))?;
    /// assert!(!bounded.total_exact && bounded.total >= 1);
    /// let exact = index.search(&SearchRequest::new("Petrov").exact_total())?;
    /// assert!(exact.total_exact);
    /// assert_eq!(exact.total, 3);
    /// assert_eq!(bounded.hits, exact.hits);
    /// # Ok::<(), whereas::Error>(())
    /// ```
    pub fn total_up_to(mut self, limit: usize) -> SearchRequest {
        self.total_limit = limit;
        self
    }

    /// Counts every matching unit: [`total_up_to`](Self::total_up_to)`(usize::MAX)`.
    pub fn exact_total(self) -> SearchRequest {
        self.total_up_to(usize::MAX)
    }

    /// The query string.
    pub fn query_text(&self) -> &str {
        &self.query
    }

    /// Checks the values a deserialised request may hold out of range: the page
    /// ([`MAX_LIMIT`], [`MAX_OFFSET`]) and the relative cutoff. A search checks them
    /// too; this tells a front end before it searches.
    pub fn validate(&self) -> crate::Result<()> {
        if self.limit > MAX_LIMIT {
            return Err(Error::InvalidArgument(format!(
                "limit {} is above {MAX_LIMIT}",
                self.limit
            )));
        }
        if self.offset > MAX_OFFSET {
            return Err(Error::InvalidArgument(format!(
                "offset {} is above {MAX_OFFSET}",
                self.offset
            )));
        }
        if let Some(share) = self.relative_cutoff {
            check_cutoff(share)?;
        }
        Ok(())
    }
}

fn check_cutoff(share: f32) -> crate::Result<()> {
    if (0.0..=1.0).contains(&share) {
        Ok(())
    } else {
        Err(Error::InvalidArgument(format!(
            "relative cutoff {share} is not a share between 0 and 1"
        )))
    }
}
