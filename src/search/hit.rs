//! Hits: what a search returns for each matching unit, and the results as a whole.
//!
//! A [`Hit`] is built from the unit's stored fields: its metadata, its text, its
//! entities, and the highlights and snippet the `highlight` module computes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use tantivy::schema::{Facet, Field, TantivyDocument, Value};

use crate::index::Fields;
use crate::model::{Entity, UnitKind};

use super::highlight::{snippet, Highlight, HighlightTerms, SnippetOptions, Verdicts};

/// One matching unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Hit {
    /// Relevance: higher is better; comparable only within one result set.
    pub score: f32,
    /// The unit's id, `REFERENCE/kind/LABEL` (`TA-9-2021-0056/recital/C`).
    pub id: String,
    /// The resolution's reference.
    pub reference: String,
    /// Citation, recital, paragraph or footnote.
    pub kind: UnitKind,
    /// The unit's label (`C`, `12`).
    pub label: String,
    /// The unit's position among its resolution's units, from 0.
    pub ordinal: usize,
    /// The resolution's title, if known.
    pub title: Option<String>,
    /// The resolution's date (ISO 8601), if known.
    pub date: Option<String>,
    /// The unit's whole text.
    pub text: String,
    /// An extract of the text around the matched words, HTML-escaped, matched words in
    /// `<b>…</b>`, cuts marked with `…`.
    pub snippet: String,
    /// Byte ranges of the matched words in [`Hit::text`].
    pub highlights: Vec<Highlight>,
    /// The unit's entities, offsets into [`Hit::text`].
    pub entities: Vec<Entity>,
    /// Where this hit stands in its result list: pass it to
    /// [`SearchRequest::search_after`](crate::SearchRequest::search_after) for the hits
    /// after it. Empty for a unit fetched by id.
    #[serde(default)]
    pub cursor: String,
}

/// How many units under one facet matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FacetCount {
    /// The facet path (`/person/Max Bokayev`).
    pub path: String,
    /// Number of matching units carrying it.
    pub count: usize,
}

/// What a search returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SearchResults {
    /// Number of units matching, over the whole result set: exact when
    /// [`total_exact`](Self::total_exact), else a lower bound of at least the
    /// request's [`total_up_to`](crate::SearchRequest::total_up_to) limit.
    pub total: usize,
    /// Whether [`total`](Self::total) counts every matching unit. False only when
    /// more units match than the request's limit and counting stopped early.
    #[serde(default = "exact_by_default")]
    pub total_exact: bool,
    /// The requested page of hits, best first.
    pub hits: Vec<Hit>,
    /// For each facet asked for with
    /// [`SearchRequest::facet_counts`](crate::SearchRequest::facet_counts): its
    /// children with the number of matching units, most frequent first, over the whole
    /// result set.
    pub facets: BTreeMap<String, Vec<FacetCount>>,
}

impl SearchResults {
    /// The results of `query` as one line of JSON (no newline), the line that
    /// `examples/search.rs --json` prints: `{"query", "total", "total_exact", "hits":
    /// [{"score", "id", "reference", "kind", "label", "ordinal", "title", "date", "text",
    /// "snippet", "highlights": [{"start", "end", "text", "query", "channel"}],
    /// "entities", "cursor"}], "facets": {"/person": [{"path", "count"}], …}}`.
    pub fn to_json_line(&self, query: &str) -> String {
        #[derive(Serialize)]
        struct Line<'a> {
            query: &'a str,
            total: usize,
            total_exact: bool,
            hits: &'a [Hit],
            facets: &'a BTreeMap<String, Vec<FacetCount>>,
        }
        let line = Line {
            query,
            total: self.total,
            total_exact: self.total_exact,
            hits: &self.hits,
            facets: &self.facets,
        };
        // Plain data with string keys: serialising it cannot fail.
        serde_json::to_string(&line).expect("search results serialise to JSON")
    }
}

/// Results deserialised from before [`SearchResults::total_exact`] counted exactly.
fn exact_by_default() -> bool {
    true
}

fn stored_str(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str().map(str::to_string))
}

/// The hit for one stored unit.
pub(crate) fn hit<'t>(
    doc: &'t TantivyDocument,
    score: f32,
    fields: &Fields,
    terms: &HighlightTerms,
    verdicts: &mut Verdicts<'t>,
    options: &SnippetOptions,
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
        ordinal: doc
            .get_first(fields.ordinal)
            .and_then(|v| v.as_u64())
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or_default(),
        title: stored_str(doc, fields.title),
        date: stored_str(doc, fields.date),
        snippet: snippet(text, &highlights, options),
        highlights,
        entities,
        text: text.to_string(),
        cursor: String::new(),
    }
}

/// The `top` most frequent children, most frequent first, ties by path; children
/// whose encoded path is not UTF-8 are skipped, as tantivy skips them.
pub(crate) fn top_children(
    counts: impl IntoIterator<Item = (Vec<u8>, u64)>,
    top: usize,
) -> Vec<FacetCount> {
    if top == 0 {
        return Vec::new();
    }
    let mut all: Vec<(Vec<u8>, u64)> = counts.into_iter().collect();
    // Only children that can still be in the top need a path.
    super::collect::retain_top(&mut all, top);
    let mut children: Vec<FacetCount> = all
        .into_iter()
        .filter_map(|(bytes, count)| {
            Facet::from_encoded(bytes).ok().map(|f| FacetCount {
                path: f.to_string(),
                count: usize::try_from(count).unwrap_or(usize::MAX),
            })
        })
        .collect();
    children.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.path.cmp(&b.path)));
    children.truncate(top);
    children
}
