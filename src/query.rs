//! Text → query: the search request, its query language, and how it is ranked.
//!
//! In: a [`SearchRequest`]: a query string in tantivy's query syntax plus filters,
//! a page and facet counts. Out: a tantivy query over the fields of
//! [`crate::index`], run by [`Index::search`](crate::index::Index::search).
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
//! | `date:` | the resolution's date: `date:2021`, `date:2021-02`, `date:[2021-01 TO 2021-06]` |
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
//! match. Two adjacent bare words also add a proximity clause (boost 3.0): their
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
//! # Limits
//! Queries longer than 4096 bytes, with more than 64 words or with groups nested more
//! than 32 deep are rejected with [`Error::Query`], as are unknown fields and regexes.

use std::collections::{BTreeMap, HashSet};
use std::ops::Bound;

use tantivy::collector::{Collector, Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, EmptyQuery,
    EnableScoring, Occur, PhraseQuery, Query, RangeQuery, RegexQuery, TermQuery, Weight,
};
use tantivy::query_grammar::{
    self, Delimiter, Occur as AstOccur, UserInputAst, UserInputBound, UserInputLeaf,
    UserInputLiteral,
};
use tantivy::schema::{Facet, Field, IndexRecordOption, TantivyDocument, Value};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

use crate::analysis::keys::{channel_keys, keys_of, FieldKeys};
use crate::analysis::name::Channel;
use crate::analysis::words::words;
use crate::error::Error;
use crate::hit::{prose_analyzer, snippet, HighlightTerms, Hit, SearchResults, Verdicts};
use crate::index::collector::{top_children, FacetChildCounts};
use crate::index::{date_number, date_number_upper, Fields, Index};
use crate::model::UnitKind;

mod best;
mod count;
mod cutoff;
mod fuzzy;
mod lookup;

use self::best::{BestTermQuery, Clause};
use self::count::Counting;

const BOOST_EXACT: f32 = 4.0;
const BOOST_FOLDED: f32 = 3.0;
const BOOST_TRANSLIT: f32 = 2.0;
const BOOST_TEXT: f32 = 1.0;
const BOOST_RELATED: f32 = 0.8;
const BOOST_PROXIMITY: f32 = 3.0;
/// Shortest word (in chars) that may fall back to a fuzzy match.
const FUZZY_MIN_CHARS: usize = 4;
/// Most key combinations tried for one phrase or proximity clause.
const MAX_COMBINATIONS: usize = 16;

/// Longest query accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 4096;
/// Most words a query may hold.
pub const MAX_QUERY_WORDS: usize = 64;
/// Deepest nesting of `(groups)` accepted: the grammar and the query tree recurse per level.
const MAX_DEPTH: usize = 32;
/// Largest page size.
pub const MAX_LIMIT: usize = 10_000;
/// Largest offset.
pub const MAX_OFFSET: usize = 1_000_000;
/// Up to how many matching units a search counts exactly unless told otherwise (see
/// [`SearchRequest::total_up_to`]): Elasticsearch's default.
pub const DEFAULT_TOTAL_LIMIT: usize = 10_000;

/// A search: query, filters, page and facet counts, built step by step.
///
/// Filters of one kind are ORed (`.kind(Recital).kind(Paragraph)`: either kind);
/// filters of different kinds, and several facets, are ANDed. Filters do not change
/// scores.
///
/// ```
/// use whereas::query::SearchRequest;
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
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    query: String,
    kinds: Vec<UnitKind>,
    resolutions: Vec<String>,
    date_from: Option<String>,
    date_to: Option<String>,
    facets: Vec<String>,
    offset: usize,
    limit: usize,
    facet_counts: Vec<(String, usize)>,
    relative_cutoff: Option<f32>,
    total_limit: usize,
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
            offset: 0,
            limit: 10,
            facet_counts: Vec::new(),
            relative_cutoff: None,
            total_limit: DEFAULT_TOTAL_LIMIT,
        }
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

    /// Keeps resolutions dated on or after `from` (`2021`, `2021-02` or `2021-02-11`).
    pub fn date_from(mut self, from: impl Into<String>) -> SearchRequest {
        self.date_from = Some(from.into());
        self
    }

    /// Keeps resolutions dated on or before `to`; a partial date covers its whole year
    /// or month (`2021` is up to 31 December 2021).
    pub fn date_to(mut self, to: impl Into<String>) -> SearchRequest {
        self.date_to = Some(to.into());
        self
    }

    /// [`date_from`](Self::date_from) and [`date_to`](Self::date_to) together.
    pub fn date_range(self, from: impl Into<String>, to: impl Into<String>) -> SearchRequest {
        self.date_from(from).date_to(to)
    }

    /// Keeps units carrying this facet or one below it (`/person/Max Bokayev`,
    /// `/place`, `/date/2021`). Several calls: all of them.
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
    /// (`/person`, `/date/2021`) and returns the `top` most frequent.
    pub fn facet_counts(mut self, root: impl Into<String>, top: usize) -> SearchRequest {
        self.facet_counts.push((root.into(), top));
        self
    }

    /// Drops every hit scoring below `share` × the best hit's score (`share` in 0..=1),
    /// before paging; the total and the facet counts follow. Meant for looking a
    /// person up by name: once a unit matches the whole name, units that share only a
    /// given name, or a weak key, are noise. [`crate::analysis::name::RELATIVE_CUTOFF`] is the
    /// share the name analysis uses for the same purpose.
    ///
    /// ```
    /// use whereas::query::SearchRequest;
    ///
    /// let request = SearchRequest::new("Bakytzhan Sagintaev")
    ///     .relative_cutoff(whereas::name::RELATIVE_CUTOFF);
    /// assert_eq!(request.query_text(), "Bakytzhan Sagintaev");
    /// ```
    pub fn relative_cutoff(mut self, share: f32) -> SearchRequest {
        self.relative_cutoff = Some(share);
        self
    }

    /// Counts the matching units exactly up to `limit` (default
    /// [`DEFAULT_TOTAL_LIMIT`]). When more match, counting may stop early:
    /// [`SearchResults::total`] is then a lower bound, at least `limit`, and
    /// [`SearchResults::total_exact`] is false. The hits are the same either way.
    ///
    /// Counting every match of a name an archive mentions tens of thousands of times
    /// costs more than finding its best hits; ask for [`exact_total`](Self::exact_total)
    /// when the number itself is wanted. Facet counts are always exact, and so is the
    /// total when facet counts are asked for (they take the same pass).
    ///
    /// ```
    /// use whereas::query::SearchRequest;
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
}

/// Runs `request` on `index`.
pub(crate) fn execute(index: &Index, request: &SearchRequest) -> crate::Result<SearchResults> {
    if request.limit > MAX_LIMIT {
        return Err(Error::InvalidArgument(format!(
            "limit {} is above {MAX_LIMIT}",
            request.limit
        )));
    }
    if request.offset > MAX_OFFSET {
        return Err(Error::InvalidArgument(format!(
            "offset {} is above {MAX_OFFSET}",
            request.offset
        )));
    }
    let fields = index.fields();
    let searcher = index.searcher();
    let mut compiler = Compiler::new(&request.query, fields, &searcher);
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

    // The page, the total and the facet counts come from one weight, built once. The
    // page is collected on its own, so that `TopDocs` may skip what cannot make the
    // page (see `best`); the total and facet counts take one unscored pass. The
    // cutoff compares scores, so scoring stays on even when no hit is wanted.
    let top = (request.limit > 0 || request.relative_cutoff.is_some()).then(|| {
        TopDocs::with_limit(request.limit.max(1))
            .and_offset(request.offset)
            .order_by_score()
    });
    let counter = (!roots.is_empty()).then(|| {
        (
            Count,
            FacetChildCounts::new(
                crate::index::facet_field_name(),
                roots.iter().map(|(facet, _)| facet.clone()).collect(),
            ),
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

    let mut docs = Vec::new();
    for (score, address) in page.into_iter().flatten().take(request.limit) {
        docs.push((score, searcher.doc::<TantivyDocument>(address)?));
    }
    let mut verdicts = Verdicts::default();
    let hits = docs
        .iter()
        .map(|(score, doc)| hit(doc, *score, fields, &compiler.highlight, &mut verdicts))
        .collect();
    Ok(SearchResults {
        total,
        total_exact,
        hits,
        facets,
    })
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
    if !(0.0..=1.0).contains(&share) {
        return Err(Error::InvalidArgument(format!(
            "relative cutoff {share} is not a share between 0 and 1"
        )));
    }
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

fn stored_str(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str().map(str::to_string))
}

fn hit<'t>(
    doc: &'t TantivyDocument,
    score: f32,
    fields: &Fields,
    terms: &HighlightTerms,
    verdicts: &mut Verdicts<'t>,
) -> Hit {
    let text = doc
        .get_first(fields.text)
        .and_then(|v| v.as_str())
        .unwrap_or_default();
    let highlights = terms.highlights(text, verdicts);
    let entities = doc
        .get_first(fields.entities)
        .and_then(|v| v.as_str())
        .map(|stored| crate::index::stored::decode(text, stored))
        .unwrap_or_default();
    let kind = stored_str(doc, fields.kind)
        .as_deref()
        .and_then(UnitKind::parse)
        .unwrap_or(UnitKind::Paragraph);
    Hit {
        score,
        id: stored_str(doc, fields.id).unwrap_or_default(),
        reference: stored_str(doc, fields.reference).unwrap_or_default(),
        kind,
        label: stored_str(doc, fields.label).unwrap_or_default(),
        title: stored_str(doc, fields.title),
        date: stored_str(doc, fields.date),
        snippet: snippet(text, &highlights),
        highlights,
        entities,
        text: text.to_string(),
    }
}

fn parse_facet(path: &str) -> crate::Result<Facet> {
    Facet::from_text(path).map_err(|e| {
        Error::InvalidArgument(format!(
            "bad facet path {path:?} ({e}); facets look like /person/Name"
        ))
    })
}

fn filter(query: Box<dyn Query>) -> (Occur, Box<dyn Query>) {
    (Occur::Must, Box::new(ConstScoreQuery::new(query, 0.0)))
}

fn union(queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    Box::new(BooleanQuery::union(queries))
}

fn date_bounds(
    from: Option<&str>,
    to: Option<&str>,
    field: Field,
) -> crate::Result<Option<RangeQuery>> {
    let bad = |d: &str| {
        Error::InvalidArgument(format!("bad date {d:?}: use YYYY, YYYY-MM or YYYY-MM-DD"))
    };
    let lower = match from {
        Some(d) => Bound::Included(Term::from_field_u64(
            field,
            date_number(d).ok_or_else(|| bad(d))?,
        )),
        None => Bound::Unbounded,
    };
    let upper = match to {
        Some(d) => Bound::Included(Term::from_field_u64(
            field,
            date_number_upper(d).ok_or_else(|| bad(d))?,
        )),
        None => Bound::Unbounded,
    };
    if matches!((&lower, &upper), (Bound::Unbounded, Bound::Unbounded)) {
        return Ok(None);
    }
    Ok(Some(RangeQuery::new(lower, upper)))
}

fn with_filters(
    main: Box<dyn Query>,
    request: &SearchRequest,
    fields: &Fields,
) -> crate::Result<Box<dyn Query>> {
    let mut clauses = vec![(Occur::Must, main)];
    if !request.kinds.is_empty() {
        let kinds = request
            .kinds
            .iter()
            .map(|k| facet_term_query(fields.facets, &Facet::from_path(["kind", k.as_str()])))
            .collect();
        clauses.push(filter(union(kinds)));
    }
    if !request.resolutions.is_empty() {
        let refs = request
            .resolutions
            .iter()
            .map(|r| term_query(Term::from_field_text(fields.reference, r.trim())))
            .collect();
        clauses.push(filter(union(refs)));
    }
    if let Some(range) = date_bounds(
        request.date_from.as_deref(),
        request.date_to.as_deref(),
        fields.date_num,
    )? {
        clauses.push(filter(Box::new(range)));
    }
    for path in &request.facets {
        let facet = parse_facet(path)?;
        clauses.push(filter(facet_term_query(fields.facets, &facet)));
    }
    if clauses.len() == 1 {
        return Ok(clauses.remove(0).1);
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

fn term_query(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
}

fn facet_term_query(field: Field, facet: &Facet) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_facet(field, facet),
        IndexRecordOption::Basic,
    ))
}

fn boosted(query: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    if boost == 1.0 {
        query
    } else {
        Box::new(BoostQuery::new(query, boost))
    }
}

/// Which channels a literal searches.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Scope {
    prose: bool,
    names: bool,
}

const ALL: Scope = Scope {
    prose: true,
    names: true,
};

/// Turns the query string into a tantivy query, collecting the words to highlight.
struct Compiler<'a> {
    input: &'a str,
    fields: &'a Fields,
    searcher: &'a Searcher,
    analyzer: TextAnalyzer,
    words: usize,
    highlight: HighlightTerms,
}

impl<'a> Compiler<'a> {
    fn new(input: &'a str, fields: &'a Fields, searcher: &'a Searcher) -> Compiler<'a> {
        Compiler {
            input,
            fields,
            searcher,
            analyzer: prose_analyzer(),
            words: 0,
            highlight: HighlightTerms::default(),
        }
    }

    fn error(&self, at: usize, reason: impl Into<String>) -> Error {
        let mut at = at.min(self.input.len());
        while !self.input.is_char_boundary(at) {
            at -= 1;
        }
        Error::Query {
            input: self.input.to_string(),
            at,
            reason: reason.into(),
        }
    }

    /// Byte offset of `field:` in the input, for error messages.
    fn locate_field(&self, field: &str) -> usize {
        self.input.find(&format!("{field}:")).unwrap_or(0)
    }

    fn compile(&mut self) -> crate::Result<Box<dyn Query>> {
        if self.input.len() > MAX_QUERY_BYTES {
            return Err(self.error(
                MAX_QUERY_BYTES,
                format!("query longer than {MAX_QUERY_BYTES} bytes"),
            ));
        }
        if self.input.trim().is_empty() {
            return Ok(Box::new(AllQuery));
        }
        let trimmed = self.input.trim();
        if trimmed.chars().all(char::is_alphanumeric) && !matches!(trimmed, "AND" | "OR" | "NOT") {
            // One bare word, the commonest query: what the grammar makes of it,
            // without running the grammar (twice, below).
            self.count_words(1)?;
            return Ok(self
                .word(trimmed, ALL, true, false)
                .unwrap_or_else(|| Box::new(EmptyQuery)));
        }
        if let Some(at) = too_deep(self.input) {
            return Err(self.error(at, format!("groups nested deeper than {MAX_DEPTH}")));
        }
        let (_, errors) = query_grammar::parse_query_lenient(self.input);
        if let Some(first) = errors.first() {
            return Err(self.error(first.pos, first.message.clone()));
        }
        let ast =
            query_grammar::parse_query(self.input).map_err(|_| self.error(0, "syntax error"))?;
        Ok(self
            .ast(&ast, true)?
            .unwrap_or_else(|| Box::new(EmptyQuery)))
    }

    fn ast(&mut self, ast: &UserInputAst, positive: bool) -> crate::Result<Option<Box<dyn Query>>> {
        match ast {
            UserInputAst::Clause(children) => self.clause(children, positive),
            UserInputAst::Boost(inner, boost) => {
                let boost = boost.into_inner() as f32;
                if !boost.is_finite() || boost < 0.0 {
                    return Err(self.error(0, format!("bad boost {boost}")));
                }
                Ok(self.ast(inner, positive)?.map(|q| boosted(q, boost)))
            }
            UserInputAst::Leaf(leaf) => self.leaf(leaf, positive),
        }
    }

    fn clause(
        &mut self,
        children: &[(Option<AstOccur>, UserInputAst)],
        positive: bool,
    ) -> crate::Result<Option<Box<dyn Query>>> {
        let mut subs: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut previous: Option<String> = None;
        for (occur, child) in children {
            let occur = match occur {
                Some(AstOccur::Must) => Occur::Must,
                Some(AstOccur::MustNot) => Occur::MustNot,
                Some(AstOccur::Should) | None => Occur::Should,
            };
            let child_positive = positive && occur != Occur::MustNot;
            if let Some(q) = self.ast(child, child_positive)? {
                subs.push((occur, q));
            }
            match bare_word(child).filter(|_| occur != Occur::MustNot) {
                Some(word) => {
                    if let Some(before) = &previous {
                        if let Some(q) = self.proximity(before, &word) {
                            subs.push((Occur::Should, q));
                        }
                    }
                    previous = Some(word);
                }
                None => previous = None,
            }
        }
        if subs.is_empty() {
            return Ok(None);
        }
        if subs.iter().all(|(o, _)| *o == Occur::MustNot) {
            subs.push((Occur::Must, Box::new(AllQuery)));
        }
        if subs.len() == 1 && subs[0].0 != Occur::MustNot {
            return Ok(subs.pop().map(|(_, q)| q));
        }
        Ok(Some(Box::new(BooleanQuery::new(subs))))
    }

    fn leaf(
        &mut self,
        leaf: &UserInputLeaf,
        positive: bool,
    ) -> crate::Result<Option<Box<dyn Query>>> {
        match leaf {
            UserInputLeaf::Literal(lit) => self.literal(lit, positive),
            UserInputLeaf::All => Ok(Some(Box::new(AllQuery))),
            UserInputLeaf::Range {
                field,
                lower,
                upper,
            } => {
                let field = field.as_deref().unwrap_or("date");
                if field != "date" {
                    return Err(self.error(
                        self.locate_field(field),
                        format!("ranges work on date: only, not {field}:"),
                    ));
                }
                let bound = |b: &UserInputBound, upper: bool| -> crate::Result<Bound<Term>> {
                    let (text, inclusive) = match b {
                        UserInputBound::Inclusive(t) => (t, true),
                        UserInputBound::Exclusive(t) => (t, false),
                        UserInputBound::Unbounded => return Ok(Bound::Unbounded),
                    };
                    let n = match (upper, inclusive) {
                        (false, true) => date_number(text),
                        (false, false) => date_number_upper(text).map(|n| n + 1),
                        (true, true) => date_number_upper(text),
                        (true, false) => date_number(text).and_then(|n| n.checked_sub(1)),
                    }
                    .ok_or_else(|| {
                        self.error(
                            self.input.find(text.as_str()).unwrap_or(0),
                            format!("bad date {text:?}: use YYYY, YYYY-MM or YYYY-MM-DD"),
                        )
                    })?;
                    Ok(Bound::Included(Term::from_field_u64(
                        self.fields.date_num,
                        n,
                    )))
                };
                let (lower, upper) = (bound(lower, false)?, bound(upper, true)?);
                if matches!((&lower, &upper), (Bound::Unbounded, Bound::Unbounded)) {
                    return Ok(Some(Box::new(AllQuery)));
                }
                Ok(Some(Box::new(RangeQuery::new(lower, upper))))
            }
            UserInputLeaf::Set { field, elements } => {
                let mut subs = Vec::new();
                for element in elements {
                    let lit = UserInputLiteral {
                        field_name: field.clone(),
                        phrase: element.clone(),
                        delimiter: Delimiter::None,
                        slop: 0,
                        prefix: false,
                    };
                    if let Some(q) = self.literal(&lit, positive)? {
                        subs.push(q);
                    }
                }
                Ok((!subs.is_empty()).then(|| union(subs)))
            }
            UserInputLeaf::Exists { field } => match field.as_str() {
                "person" | "org" | "place" | "law" | "date" => Ok(Some(facet_term_query(
                    self.fields.facets,
                    &Facet::from_path([field.as_str()]),
                ))),
                "kind" | "resolution" | "id" | "text" | "name" => Ok(Some(Box::new(AllQuery))),
                other => Err(self.unknown_field(other)),
            },
            UserInputLeaf::Regex { field, .. } => Err(self.error(
                field.as_deref().map(|f| self.locate_field(f)).unwrap_or(0),
                "regular expressions are not supported",
            )),
        }
    }

    fn unknown_field(&self, field: &str) -> Error {
        self.error(
            self.locate_field(field),
            format!(
                "unknown field {field:?}; known: text, name, person, org, place, law, kind, resolution, id, date"
            ),
        )
    }

    fn count_words(&mut self, n: usize) -> crate::Result<()> {
        self.words += n;
        if self.words > MAX_QUERY_WORDS {
            return Err(self.error(
                self.input.len(),
                format!("more than {MAX_QUERY_WORDS} words"),
            ));
        }
        Ok(())
    }

    fn literal(
        &mut self,
        lit: &UserInputLiteral,
        positive: bool,
    ) -> crate::Result<Option<Box<dyn Query>>> {
        let ws: Vec<&str> = words(&lit.phrase).map(|(_, w)| w).collect();
        let field = lit.field_name.as_deref();
        let scope = match field {
            None => ALL,
            Some("text") => Scope {
                prose: true,
                names: false,
            },
            Some("name") => Scope {
                prose: false,
                names: true,
            },
            Some(f @ ("person" | "org" | "place" | "law")) => {
                self.count_words(ws.len())?;
                return Ok(self.entity(f, &ws, positive));
            }
            Some("kind") => {
                let kind = UnitKind::parse(lit.phrase.trim()).ok_or_else(|| {
                    self.error(
                        self.locate_field("kind"),
                        format!(
                            "unknown kind {:?}; use citation, recital, paragraph or footnote",
                            lit.phrase
                        ),
                    )
                })?;
                return Ok(Some(facet_term_query(
                    self.fields.facets,
                    &Facet::from_path(["kind", kind.as_str()]),
                )));
            }
            Some("resolution" | "reference") => {
                return Ok(Some(term_query(Term::from_field_text(
                    self.fields.reference,
                    lit.phrase.trim(),
                ))))
            }
            Some("id") => {
                return Ok(Some(term_query(Term::from_field_text(
                    self.fields.id,
                    lit.phrase.trim(),
                ))))
            }
            Some("date") => {
                let text = lit.phrase.trim();
                let bad = || {
                    self.error(
                        self.locate_field("date"),
                        format!("bad date {text:?}: use YYYY, YYYY-MM or YYYY-MM-DD"),
                    )
                };
                let from = date_number(text).ok_or_else(bad)?;
                let to = date_number_upper(text).ok_or_else(bad)?;
                return Ok(Some(Box::new(RangeQuery::new(
                    Bound::Included(Term::from_field_u64(self.fields.date_num, from)),
                    Bound::Included(Term::from_field_u64(self.fields.date_num, to)),
                ))));
            }
            Some(other) => return Err(self.unknown_field(other)),
        };
        self.count_words(ws.len())?;
        if is_prefix(lit) {
            return self.prefix(&ws, positive);
        }
        match ws.as_slice() {
            [] => Ok(None),
            [word] => Ok(self.word(word, scope, positive, lit.delimiter != Delimiter::None)),
            _ => Ok(self.phrase(&lit.phrase, &ws, lit.slop, scope, positive)),
        }
    }

    /// `tortur*`: words whose folded form starts with the prefix (the name channel,
    /// which holds name-like words) or whose prose stem starts with the prefix's stem
    /// (prose, where `torture*` reaches `tortured` through the stem `tortur`).
    fn prefix(&mut self, ws: &[&str], positive: bool) -> crate::Result<Option<Box<dyn Query>>> {
        let [word] = ws else {
            return Err(self.error(0, "a prefix query (word*) takes one word"));
        };
        let folded = keys_of(word).folded.clone();
        if folded.chars().count() < 2 {
            return Err(self.error(0, "a prefix query (word*) needs at least two letters"));
        }
        let stem = self
            .stem(word)
            .filter(|s| s.chars().count() >= 2)
            .unwrap_or_else(|| folded.clone());
        let regex = |prefix: &str, field: Field| {
            RegexQuery::from_pattern(&format!("{}.*", escape_regex(prefix)), field)
                .map_err(|e| self.error(0, format!("bad prefix: {e}")))
        };
        let names = regex(&folded, self.fields.name_folded)?;
        let prose = regex(&stem, self.fields.text)?;
        if positive {
            self.highlight.add_prefix(&folded);
        }
        Ok(Some(union(vec![Box::new(names), Box::new(prose)])))
    }

    /// The prose stem of a word, `None` for a stop word.
    fn stem(&mut self, word: &str) -> Option<String> {
        crate::analysis::prose::prose_stem(word)
    }

    fn any_in_index(&self, field: Field, keys: &[String]) -> bool {
        keys.iter().any(|k| {
            self.searcher
                .doc_freq(&Term::from_field_text(field, k))
                .map(|n| n > 0)
                .unwrap_or(true)
        })
    }

    /// One word through every channel of `scope`, best channel wins.
    fn word(
        &mut self,
        word: &str,
        scope: Scope,
        positive: bool,
        quoted: bool,
    ) -> Option<Box<dyn Query>> {
        let stem = if scope.prose { self.stem(word) } else { None };
        if scope.prose && stem.is_none() && !quoted {
            // A stop word: ignored unless quoted.
            return None;
        }
        let keys = keys_of(word);
        let mut clauses: Vec<Clause> = Vec::new();
        let prose = stem.map(|stem| Term::from_field_text(self.fields.text, &stem));
        if let Some(term) = &prose {
            clauses.push(Clause::new(term.clone(), BOOST_TEXT));
        }
        if scope.names {
            // The keys nest (see `TokenKeys::related`): a unit matching the exact
            // spelling matches the folded form, and one matching a translit key
            // matches a related key, so those clauses are covered for counting.
            let mut buf = Vec::new();
            for (channel, field, boost, covered) in [
                (
                    Channel::Exact,
                    self.fields.name_exact,
                    BOOST_EXACT,
                    !keys.folded.is_empty(),
                ),
                (
                    Channel::Folded,
                    self.fields.name_folded,
                    BOOST_FOLDED,
                    false,
                ),
                (
                    Channel::Translit,
                    self.fields.name_translit,
                    BOOST_TRANSLIT,
                    !keys.related.is_empty(),
                ),
                (
                    Channel::Related,
                    self.fields.name_related,
                    BOOST_RELATED,
                    false,
                ),
            ] {
                buf.clear();
                channel_keys(&keys, channel, &mut buf);
                for key in &buf {
                    let term = Term::from_field_text(field, key);
                    clauses.push(if covered {
                        Clause::covered(term, boost)
                    } else {
                        Clause::new(term, boost)
                    });
                }
            }
            buf.clear();
            channel_keys(&keys, Channel::Translit, &mut buf);
            if !buf.is_empty()
                && keys.folded.chars().count() >= FUZZY_MIN_CHARS
                && !self.any_in_index(self.fields.name_translit, &buf)
            {
                let close = fuzzy::candidates(self.searcher, self.fields.name_translit, &buf);
                clauses.extend(fuzzy::clauses(self.fields.name_translit, &close));
                if positive {
                    close
                        .iter()
                        .for_each(|(term, _)| self.highlight.add_fuzzy(term));
                }
            }
        }
        if clauses.is_empty() {
            return None;
        }
        if positive {
            self.highlight.add_word(word);
        }
        let query = BestTermQuery::new(clauses);
        Some(Box::new(match prose {
            Some(term) => query.with_frequency_floor(term),
            None => query,
        }))
    }

    /// A multi-word literal: a phrase in prose and in each name channel.
    fn phrase(
        &mut self,
        text: &str,
        ws: &[&str],
        slop: u32,
        scope: Scope,
        positive: bool,
    ) -> Option<Box<dyn Query>> {
        let mut disjuncts: Vec<Box<dyn Query>> = Vec::new();
        if scope.prose {
            let mut terms = Vec::new();
            let mut stream = self.analyzer.token_stream(text);
            while let Some(t) = stream.next() {
                terms.push((t.position, Term::from_field_text(self.fields.text, &t.text)));
            }
            drop(stream);
            match terms.len() {
                0 => {}
                1 => disjuncts.push(term_query(terms.remove(0).1)),
                _ => {
                    let first = terms[0].0;
                    let terms = terms.into_iter().map(|(p, t)| (p - first, t)).collect();
                    disjuncts.push(Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop)));
                }
            }
        }
        if scope.names {
            let keys: Vec<_> = ws.iter().map(|w| keys_of(w)).collect();
            for (channel, field, boost) in [
                (Channel::Exact, self.fields.name_exact, BOOST_EXACT),
                (Channel::Folded, self.fields.name_folded, BOOST_FOLDED),
                (Channel::Translit, self.fields.name_translit, BOOST_TRANSLIT),
            ] {
                let per_word: Vec<Vec<String>> = keys
                    .iter()
                    .map(|k| {
                        let mut v = Vec::new();
                        channel_keys(k, channel, &mut v);
                        v
                    })
                    .collect();
                let phrases: Vec<Box<dyn Query>> = combinations(&per_word)
                    .into_iter()
                    .map(|combo| {
                        let terms = combo
                            .iter()
                            .enumerate()
                            .map(|(i, k)| (i, Term::from_field_text(field, k)))
                            .collect();
                        Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop))
                            as Box<dyn Query>
                    })
                    .collect();
                if !phrases.is_empty() {
                    disjuncts.push(boosted(union(phrases), boost));
                }
            }
        }
        if disjuncts.is_empty() {
            return None;
        }
        if positive {
            for w in ws {
                if self.stem(w).is_some() {
                    self.highlight.add_word(w);
                }
            }
        }
        Some(Box::new(DisjunctionMaxQuery::new(disjuncts)))
    }

    /// Two adjacent query words: the better of their translit keys near each other
    /// (either order) and their related keys near each other (a surname written with
    /// another suffix, `Akhmetov` for `Akhmetuly`), the latter at the related
    /// channel's share of the boost.
    fn proximity(&mut self, a: &str, b: &str) -> Option<Box<dyn Query>> {
        // Stop words take no part in a whole name.
        self.stem(a)?;
        self.stem(b)?;
        let (ka, kb) = (keys_of(a), keys_of(b));
        let mut channels: Vec<Box<dyn Query>> = Vec::new();
        for (channel, field, boost) in [
            (
                Channel::Translit,
                self.fields.name_translit,
                BOOST_PROXIMITY,
            ),
            (
                Channel::Related,
                self.fields.name_related,
                BOOST_PROXIMITY * BOOST_RELATED / BOOST_TRANSLIT,
            ),
        ] {
            let per_word: Vec<Vec<String>> = [&ka, &kb]
                .iter()
                .map(|k| {
                    let mut v = Vec::new();
                    channel_keys(k, channel, &mut v);
                    v
                })
                .collect();
            let mut phrases: Vec<Box<dyn Query>> = Vec::new();
            for combo in combinations(&per_word) {
                if combo[0] == combo[1] {
                    continue;
                }
                for (x, y) in [(&combo[0], &combo[1]), (&combo[1], &combo[0])] {
                    let terms = vec![
                        (0, Term::from_field_text(field, x)),
                        (1, Term::from_field_text(field, y)),
                    ];
                    phrases.push(Box::new(PhraseQuery::new_with_offset_and_slop(terms, 1)));
                }
            }
            if !phrases.is_empty() {
                channels.push(boosted(union(phrases), boost));
            }
        }
        match channels.len() {
            0 => None,
            1 => channels.pop(),
            _ => Some(Box::new(DisjunctionMaxQuery::new(channels))),
        }
    }

    /// `person:Zhumagulov`: every word must match the entity field, through any key.
    fn entity(&mut self, field: &str, ws: &[&str], positive: bool) -> Option<Box<dyn Query>> {
        let field = match field {
            "person" => self.fields.person,
            "org" => self.fields.org,
            "place" => self.fields.place,
            _ => self.fields.law,
        };
        let mut musts: Vec<Box<dyn Query>> = Vec::new();
        for w in ws {
            let mut keys = Vec::new();
            channel_keys(&keys_of(w), FieldKeys::Entity, &mut keys);
            let terms: Vec<Box<dyn Query>> = keys
                .iter()
                .map(|k| term_query(Term::from_field_text(field, k)))
                .collect();
            if terms.is_empty() {
                continue;
            }
            musts.push(union(terms));
            if positive {
                self.highlight.add_word(w);
            }
        }
        match musts.len() {
            0 => None,
            1 => musts.pop(),
            _ => Some(Box::new(BooleanQuery::intersection(musts))),
        }
    }
}

/// Byte offset of the first `(` or `NOT` nested deeper than [`MAX_DEPTH`] outside quotes:
/// the grammar recurses for each group and for each `NOT` of a chain (`NOT NOT a`).
fn too_deep(input: &str) -> Option<usize> {
    let bytes = input.as_bytes();
    let (mut parens, mut nots, mut quoted) = (0usize, 0usize, false);
    let mut i = 0;
    while i < bytes.len() {
        let starts_token = i == 0 || bytes[i - 1].is_ascii_whitespace() || bytes[i - 1] == b'(';
        match bytes[i] {
            b'\\' => i += 1,
            b'"' => quoted = !quoted,
            _ if quoted => {}
            b'(' => {
                parens += 1;
                nots = 0;
                if parens > MAX_DEPTH {
                    return Some(i);
                }
            }
            b')' => parens = parens.saturating_sub(1),
            b'N' if starts_token
                && bytes[i..].starts_with(b"NOT")
                && bytes.get(i + 3).is_some_and(u8::is_ascii_whitespace) =>
            {
                nots += 1;
                if parens + nots > MAX_DEPTH {
                    return Some(i);
                }
                i += 2;
            }
            c if !c.is_ascii_whitespace() => nots = 0,
            _ => {}
        }
        i += 1;
    }
    None
}

/// The word of a bare, single-word, unfielded literal.
fn bare_word(ast: &UserInputAst) -> Option<String> {
    let UserInputAst::Leaf(leaf) = ast else {
        return None;
    };
    let UserInputLeaf::Literal(lit) = leaf.as_ref() else {
        return None;
    };
    if lit.field_name.is_some() || lit.delimiter != Delimiter::None || is_prefix(lit) {
        return None;
    }
    let mut ws = words(&lit.phrase);
    match (ws.next(), ws.next()) {
        (Some((_, w)), None) => Some(w.to_string()),
        _ => None,
    }
}

/// `word*` (the grammar keeps the star in the word) or `"a phrase"*`.
fn is_prefix(lit: &UserInputLiteral) -> bool {
    lit.prefix || (lit.delimiter == Delimiter::None && lit.phrase.ends_with('*'))
}

/// Every choice of one key per word, at most [`MAX_COMBINATIONS`], first keys first.
/// Empty if some word has no key.
fn combinations(per_word: &[Vec<String>]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    for keys in per_word {
        if keys.is_empty() {
            return Vec::new();
        }
        let mut next = Vec::new();
        'outer: for prefix in &out {
            for key in keys {
                if next.len() == MAX_COMBINATIONS {
                    break 'outer;
                }
                let mut combo = prefix.clone();
                combo.push(key.clone());
                next.push(combo);
            }
        }
        out = next;
    }
    let mut seen = HashSet::new();
    out.retain(|c| seen.insert(c.clone()));
    out
}

fn escape_regex(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\.+*?()|[]{}^$#&-~\"@<>".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combinations_are_bounded_and_ordered() {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let c = combinations(&[v(&["a", "b"]), v(&["c"])]);
        assert_eq!(c, [v(&["a", "c"]), v(&["b", "c"])]);
        assert!(combinations(&[v(&["a"]), vec![]]).is_empty());
        let many: Vec<Vec<String>> = (0..6).map(|_| v(&["x", "y", "z"])).collect();
        assert!(combinations(&many).len() <= MAX_COMBINATIONS);
    }
}
