//! Filters: kinds, resolutions, dates and facets, as non-scoring clauses around the query.
//!
//! Filters of one kind are ORed, filters of different kinds ANDed; a filter never changes
//! a score (each is a constant-score clause worth 0).

use std::ops::Bound;

use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::Term;

use crate::error::Error;
use crate::index::{date_number, date_number_upper, Fields};

use super::request::SearchRequest;

pub(crate) fn parse_facet(path: &str) -> crate::Result<Facet> {
    Facet::from_text(path).map_err(|e| {
        Error::InvalidArgument(format!(
            "bad facet path {path:?} ({e}); facets look like /person/Name"
        ))
    })
}

fn filter(query: Box<dyn Query>) -> (Occur, Box<dyn Query>) {
    (Occur::Must, Box::new(ConstScoreQuery::new(query, 0.0)))
}

pub(crate) fn union(queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
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

pub(crate) fn with_filters(
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
            .map(|r| {
                // The index keeps references normalised: a filter in any spelling.
                let r = crate::index::normalized_reference(r);
                term_query(Term::from_field_text(fields.reference, &r))
            })
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
        // A resolution facet names its reference in any spelling, as the filter does.
        let path = match path.strip_prefix("/resolution/") {
            Some(r) => format!("/resolution/{}", crate::index::normalized_reference(r)),
            None => path.clone(),
        };
        let facet = parse_facet(&path)?;
        clauses.push(filter(facet_term_query(fields.facets, &facet)));
    }
    if clauses.len() == 1 {
        return Ok(clauses.remove(0).1);
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

pub(crate) fn term_query(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
}

pub(crate) fn facet_term_query(field: Field, facet: &Facet) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_facet(field, facet),
        IndexRecordOption::Basic,
    ))
}
