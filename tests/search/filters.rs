//! Every filter of a search, through the builder and through the query syntax.

use crate::support::fixtures;

use fixtures::{kazakhstan, other, KZ, OTHER};
use whereas::{Error, Index, SearchRequest, UnitKind};

fn index() -> Index {
    Index::from_resolutions([&kazakhstan(), &other()]).unwrap()
}

fn ids(index: &Index, request: SearchRequest) -> Vec<String> {
    let results = index.search(&request.limit(100)).unwrap();
    assert_eq!(results.total, results.hits.len(), "one page holds all");
    let mut ids: Vec<String> = results.hits.into_iter().map(|h| h.id).collect();
    ids.sort();
    ids
}

fn sorted(ids: &[String]) -> Vec<String> {
    let mut v = ids.to_vec();
    v.sort();
    v
}

#[test]
fn unfiltered_torture_spans_both_resolutions() {
    let got = ids(&index(), SearchRequest::new("torture"));
    let expected = sorted(&[
        format!("{KZ}/citation/1"),
        format!("{KZ}/recital/A"),
        format!("{KZ}/recital/B"),
        format!("{OTHER}/recital/A"),
        format!("{OTHER}/paragraph/1"),
    ]);
    assert_eq!(got, expected);
}

#[test]
fn kind_filter() {
    let index = index();
    let got = ids(
        &index,
        SearchRequest::new("torture").kind(UnitKind::Recital),
    );
    assert_eq!(
        got,
        sorted(&[
            format!("{KZ}/recital/A"),
            format!("{KZ}/recital/B"),
            format!("{OTHER}/recital/A")
        ])
    );
    // Several kinds: any of them.
    let got = ids(
        &index,
        SearchRequest::new("torture")
            .kind(UnitKind::Citation)
            .kind(UnitKind::Paragraph),
    );
    assert_eq!(
        got,
        sorted(&[format!("{KZ}/citation/1"), format!("{OTHER}/paragraph/1")])
    );
    // The same through the syntax.
    assert_eq!(
        ids(&index, SearchRequest::new("torture AND kind:recital")).len(),
        3
    );
    let footnotes = ids(&index, SearchRequest::new("").kind(UnitKind::Footnote));
    assert_eq!(footnotes, [format!("{KZ}/footnote/1")]);
}

#[test]
fn resolution_filter() {
    let index = index();
    let got = ids(&index, SearchRequest::new("torture").resolution(OTHER));
    assert_eq!(
        got,
        sorted(&[format!("{OTHER}/recital/A"), format!("{OTHER}/paragraph/1")])
    );
    let both = ids(
        &index,
        SearchRequest::new("torture")
            .resolution(OTHER)
            .resolution(KZ),
    );
    assert_eq!(both.len(), 5);
    let syntax = ids(
        &index,
        SearchRequest::new(format!("+torture +resolution:\"{OTHER}\"")),
    );
    assert_eq!(syntax, got);
    assert!(ids(
        &index,
        SearchRequest::new("torture").resolution("TA-0-0000-0000")
    )
    .is_empty());
}

#[test]
fn date_range_filter() {
    let index = index();
    let all = ids(&index, SearchRequest::new("torture"));
    // Partial dates cover their whole year or month, bounds are inclusive.
    let in_2021 = ids(
        &index,
        SearchRequest::new("torture").date_range("2021", "2021"),
    );
    assert!(in_2021.iter().all(|id| id.starts_with(KZ)) && in_2021.len() == 3);
    let exact_day = ids(
        &index,
        SearchRequest::new("torture").date_range("2021-02-11", "2021-02-11"),
    );
    assert_eq!(exact_day, in_2021);
    let from_march = ids(&index, SearchRequest::new("torture").date_from("2021-03"));
    assert!(from_march.iter().all(|id| id.starts_with(OTHER)) && from_march.len() == 2);
    let until_2022 = ids(&index, SearchRequest::new("torture").date_to("2022"));
    assert_eq!(until_2022, all);
    assert!(ids(
        &index,
        SearchRequest::new("torture").date_range("2023", "2024")
    )
    .is_empty());
    // Through the syntax.
    assert_eq!(
        ids(&index, SearchRequest::new("+torture +date:2021")),
        in_2021
    );
    assert_eq!(
        ids(
            &index,
            SearchRequest::new("+torture +date:[2021-03 TO 2022-12-31]")
        ),
        from_march
    );
    assert_eq!(
        ids(
            &index,
            SearchRequest::new("+torture +date:{2021-02-11 TO *}")
        ),
        from_march
    );
    // A bad date is an error.
    let err = index
        .search(&SearchRequest::new("torture").date_from("11/02/2021"))
        .unwrap_err();
    assert!(matches!(err, Error::InvalidArgument(_)), "{err:?}");
}

#[test]
fn facet_filter() {
    let index = index();
    let bokayev = ids(&index, SearchRequest::new("").facet("/person/Max Bokayev"));
    assert_eq!(
        bokayev,
        sorted(&[format!("{KZ}/recital/A"), format!("{OTHER}/paragraph/1")])
    );
    // A parent facet keeps every unit below it.
    let anyone = ids(&index, SearchRequest::new("").facet("/person"));
    assert_eq!(anyone.len(), 6);
    // Several facets: all of them.
    let both = ids(
        &index,
        SearchRequest::new("")
            .facet("/person/Max Bokayev")
            .facet("/place/Kazakhstan"),
    );
    assert_eq!(both, [format!("{KZ}/recital/A")]);
    let law = ids(&index, SearchRequest::new("torture").facet("/law"));
    assert_eq!(law, [format!("{KZ}/citation/1")]);
    // Kind and resolution are facets too.
    assert_eq!(
        ids(
            &index,
            SearchRequest::new("").facet(format!("/resolution/{OTHER}"))
        )
        .len(),
        3
    );
    assert_eq!(
        ids(&index, SearchRequest::new("").facet("/kind/paragraph")).len(),
        4
    );
    let err = index
        .search(&SearchRequest::new("").facet("person/no-leading-slash"))
        .unwrap_err();
    assert!(matches!(err, Error::InvalidArgument(_)), "{err:?}");
}

#[test]
fn entity_fields_in_the_syntax() {
    let index = index();
    let got = ids(&index, SearchRequest::new("person:bokayev"));
    assert_eq!(
        got,
        sorted(&[format!("{KZ}/recital/A"), format!("{OTHER}/paragraph/1")])
    );
    // Only where Bokayev is a person entity, not merely a word of the text.
    let two_words = ids(&index, SearchRequest::new("person:\"Nurlan Akhmetov\""));
    assert_eq!(two_words, [format!("{KZ}/paragraph/2")]);
    assert_eq!(
        ids(&index, SearchRequest::new("place:kazakhstan")),
        [format!("{KZ}/recital/A")]
    );
    assert_eq!(
        ids(&index, SearchRequest::new("law:convention")),
        [format!("{KZ}/citation/1")]
    );
    // Existence: units naming anyone.
    assert_eq!(ids(&index, SearchRequest::new("person:*")).len(), 6);
}

#[test]
fn filters_combine_with_and() {
    let got = ids(
        &index(),
        SearchRequest::new("torture")
            .kind(UnitKind::Recital)
            .date_from("2022")
            .facet("/person/Aigul Zhumagulov")
            .resolution(OTHER),
    );
    assert_eq!(got, [format!("{OTHER}/recital/A")]);
}
