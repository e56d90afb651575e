//! The search API beyond the query: requests as data, builder checks, orders and
//! cursors, units by id, snippet options, phrase-aware highlights and why each word
//! matched.

use crate::support::fixtures::{kazakhstan, other, KZ, OTHER};
use whereas::search::{MatchChannel, SnippetOptions, Sort};
use whereas::{Error, Index, SearchRequest, UnitKind};

fn fixture_index() -> Index {
    Index::from_resolutions([&kazakhstan(), &other()]).unwrap()
}

fn bundled_index() -> Index {
    Index::from_resolutions([&whereas::bundled::kazakhstan_2021().unwrap()]).unwrap()
}

#[test]
fn a_request_goes_through_json_and_back_unchanged() {
    let request = SearchRequest::new("torture Zhumagulov")
        .kind(UnitKind::Recital)
        .resolution(KZ)
        .date_range("2021", "2022-06")
        .facet("/place/Kazakhstan")
        .sort(Sort::Newest)
        .search_after("s:20210211:3:TA")
        .offset(3)
        .limit(7)
        .facet_counts("/person", 4)
        .relative_cutoff(0.25)
        .unwrap()
        .total_up_to(50)
        .snippet(SnippetOptions::default().tags("[", "]").length(80));
    let json = serde_json::to_string(&request).unwrap();
    let back: SearchRequest = serde_json::from_str(&json).unwrap();
    assert_eq!(back, request);
    // Missing fields are the defaults; unknown ones are refused.
    let empty: SearchRequest = serde_json::from_str("{}").unwrap();
    assert_eq!(empty, SearchRequest::default());
    assert_eq!(SearchRequest::default(), SearchRequest::new(""));
    assert!(serde_json::from_str::<SearchRequest>(r#"{"qeury": "x"}"#).is_err());
}

#[test]
fn the_relative_cutoff_is_checked_where_it_is_set() {
    for bad in [1.5, -0.1, f32::NAN] {
        let err = SearchRequest::new("x").relative_cutoff(bad).unwrap_err();
        assert!(matches!(err, Error::InvalidArgument(_)), "{bad}: {err:?}");
    }
    // A request that skipped the builder is still checked, before searching.
    let request: SearchRequest =
        serde_json::from_str(r#"{"query": "torture", "relative_cutoff": 1.5}"#).unwrap();
    assert!(request.validate().is_err());
    assert!(fixture_index().search(&request).is_err());
}

#[test]
fn unit_kinds_and_entity_kinds_parse_and_display_by_name() {
    for kind in UnitKind::ALL {
        assert_eq!(kind.to_string().parse::<UnitKind>().unwrap(), kind);
        assert_eq!(
            kind.to_string().to_uppercase().parse::<UnitKind>().unwrap(),
            kind
        );
    }
    let err = "whereas".parse::<UnitKind>().unwrap_err().to_string();
    for kind in UnitKind::ALL {
        assert!(err.contains(kind.as_str()), "{err}");
    }
    for kind in whereas::EntityKind::ALL {
        assert_eq!(
            kind.to_string().parse::<whereas::EntityKind>().unwrap(),
            kind
        );
    }
}

/// (date, reference, ordinal) of every hit.
fn order(index: &Index, request: SearchRequest) -> Vec<(Option<String>, String, usize)> {
    index
        .search(&request.limit(100))
        .unwrap()
        .hits
        .into_iter()
        .map(|h| (h.date, h.reference, h.ordinal))
        .collect()
}

#[test]
fn hits_sort_by_date_or_document_order() {
    let index = fixture_index();
    let everything = SearchRequest::new("");
    let mut expected = order(&index, everything.clone());
    assert_eq!(
        expected.len(),
        kazakhstan().units.len() + other().units.len()
    );

    expected.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    assert_eq!(
        order(&index, everything.clone().sort(Sort::Oldest)),
        expected
    );
    // Newest: the later resolution first, each one's units still in order.
    expected.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    assert_eq!(
        order(&index, everything.clone().sort(Sort::Newest)),
        expected
    );
    assert_eq!(expected[0].1, OTHER);
    expected.sort_by(|a, b| a.1.cmp(&b.1).then(a.2.cmp(&b.2)));
    assert_eq!(
        order(&index, everything.clone().sort(Sort::DocumentOrder)),
        expected
    );

    // Sorting keeps the result set: same total, only matching units.
    let sorted = index
        .search(&SearchRequest::new("torture").sort(Sort::Newest))
        .unwrap();
    let ranked = index.search(&SearchRequest::new("torture")).unwrap();
    assert_eq!(sorted.total, ranked.total);
    let mut a: Vec<_> = sorted.hits.iter().map(|h| h.id.clone()).collect();
    let mut b: Vec<_> = ranked.hits.iter().map(|h| h.id.clone()).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
}

/// Every hit of `request`, paged `size` at a time through cursors.
fn through_cursors(index: &Index, request: &SearchRequest, size: usize) -> Vec<String> {
    let mut ids = Vec::new();
    let mut request = request.clone().limit(size);
    loop {
        let results = index.search(&request).unwrap();
        let Some(last) = results.hits.last() else {
            return ids;
        };
        assert!(!last.cursor.is_empty());
        ids.extend(results.hits.iter().map(|h| h.id.clone()));
        request = request.search_after(last.cursor.clone());
        assert!(ids.len() <= 1000, "cursor paging does not end");
    }
}

#[test]
fn cursors_page_through_every_hit_once_in_order() {
    let index = bundled_index();
    for request in [
        SearchRequest::new("prisoners OR Kazakhstan OR human"),
        SearchRequest::new("").sort(Sort::DocumentOrder),
        SearchRequest::new("rights").sort(Sort::Newest),
    ] {
        let all: Vec<String> = index
            .search(&request.clone().limit(1000))
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.id)
            .collect();
        assert!(all.len() > 5, "{request:?}");
        for size in [1, 2, 5] {
            assert_eq!(through_cursors(&index, &request, size), all, "{request:?}");
        }
    }
}

#[test]
fn a_cursor_from_another_order_or_an_older_index_is_refused() {
    let index = Index::in_ram().unwrap();
    let mut writer = index.writer().unwrap();
    writer.add(&kazakhstan()).unwrap();
    writer.commit().unwrap();
    let first = index
        .search(&SearchRequest::new("torture").limit(1))
        .unwrap();
    let cursor = first.hits[0].cursor.clone();
    let sorted = SearchRequest::new("torture")
        .sort(Sort::Oldest)
        .search_after(cursor.clone());
    assert!(matches!(
        index.search(&sorted),
        Err(Error::InvalidArgument(_))
    ));
    assert!(index
        .search(&SearchRequest::new("torture").search_after("garbage"))
        .is_err());

    writer.add(&other()).unwrap();
    writer.commit().unwrap();
    let stale = SearchRequest::new("torture").search_after(cursor);
    let message = index.search(&stale).unwrap_err().to_string();
    assert!(message.contains("earlier state"), "{message}");
}

#[test]
fn a_unit_is_fetched_by_its_id() {
    let index = fixture_index();
    let id = format!("{KZ}/recital/A");
    let unit = index.unit(&id).unwrap().expect("the unit");
    assert_eq!(unit.id, id);
    assert_eq!(unit.text, kazakhstan().units[1].text);
    assert_eq!(unit.entities, kazakhstan().units[1].entities);
    assert!(index.unit(&format!("{KZ}/recital/Q")).unwrap().is_none());
}

#[test]
fn snippets_take_the_tags_and_length_asked_for() {
    let index = bundled_index();
    let request = SearchRequest::new("Zhumagulov").snippet(
        SnippetOptions::default()
            .tags("<mark>", "</mark>")
            .length(60),
    );
    let results = index.search(&request).unwrap();
    assert!(!results.hits.is_empty());
    for hit in &results.hits {
        assert!(
            hit.snippet.contains("<mark>Zhumagulov</mark>"),
            "{}",
            hit.snippet
        );
        assert!(!hit.snippet.contains("<b>"), "{}", hit.snippet);
        let shown = hit.snippet.replace("<mark>", "").replace("</mark>", "");
        assert!(shown.len() <= 60 + 60 / 4 + 2 * '…'.len_utf8(), "{shown}");
    }
    let none = SearchRequest::new("Zhumagulov").snippet(SnippetOptions::default().length(0));
    assert!(index
        .search(&none)
        .unwrap()
        .hits
        .iter()
        .all(|h| h.snippet.is_empty()));
}

#[test]
fn a_phrase_highlights_its_words_only_where_they_stand_together() {
    let index = bundled_index();
    let results = index
        .search(&SearchRequest::new("\"political prisoners\"").limit(100))
        .unwrap();
    assert!(!results.hits.is_empty());
    for hit in &results.hits {
        assert!(!hit.highlights.is_empty(), "{}", hit.id);
        assert_eq!(
            hit.highlights.len() % 2,
            0,
            "{}: {:?}",
            hit.id,
            hit.highlights
        );
        for pair in hit.highlights.chunks(2) {
            assert_eq!(pair[0].text.to_lowercase(), "political", "{}", hit.id);
            assert!(
                pair[1].text.to_lowercase().starts_with("prisoner"),
                "{}",
                hit.id
            );
            assert!(hit.text[pair[0].end..pair[1].start].trim().is_empty());
        }
    }
    // Recital F speaks of prison and of political prisoners: only the phrase is marked.
    let f = results
        .hits
        .iter()
        .find(|h| h.id.ends_with("/recital/F"))
        .expect("recital F");
    assert!(f.text.contains("prison "), "{}", f.text);
    // The same words unquoted are highlighted wherever each stands.
    let loose = index
        .search(&SearchRequest::new("political prisoners").limit(100))
        .unwrap();
    let loose_f = loose.hits.iter().find(|h| h.id == f.id).unwrap();
    assert!(loose_f.highlights.len() > f.highlights.len());
}

#[test]
fn each_highlight_says_which_query_word_it_matched_and_how() {
    let index = bundled_index();
    let cases = [
        ("Zhumagulov", MatchChannel::Exact),
        ("ZHUMAGULOV", MatchChannel::Exact),
        ("Jumagulov", MatchChannel::Transliteration),
        ("Жумагулов", MatchChannel::Transliteration),
    ];
    for (query, channel) in cases {
        let results = index.search(&SearchRequest::new(query)).unwrap();
        let highlight = results
            .hits
            .iter()
            .flat_map(|h| &h.highlights)
            .find(|h| h.text == "Zhumagulov")
            .unwrap_or_else(|| panic!("{query}: no highlight of Zhumagulov"));
        assert_eq!(highlight.query, query);
        assert_eq!(highlight.channel, channel, "{query}");
    }
    let results = index.search(&SearchRequest::new("prisoner")).unwrap();
    let stems: Vec<_> = results
        .hits
        .iter()
        .flat_map(|h| &h.highlights)
        .filter(|h| h.text == "prisoners")
        .collect();
    assert!(!stems.is_empty());
    assert!(stems
        .iter()
        .all(|h| h.channel == MatchChannel::Stem && h.query == "prisoner"));
}

#[test]
fn dates_mentioned_and_the_adoption_date_have_one_name_each() {
    let resolution = whereas::bundled::kazakhstan_2021().unwrap();
    let adopted = resolution.date.clone().unwrap();
    let adopted_year = &adopted[..4];
    // A year the text mentions that is not the year the resolution was adopted.
    let mentioning = |year: &str| {
        resolution
            .units
            .iter()
            .filter(|u| {
                u.entities
                    .iter()
                    .any(|e| e.kind == whereas::EntityKind::Date && e.normalized.starts_with(year))
            })
            .count()
    };
    let year = resolution
        .units
        .iter()
        .flat_map(|u| &u.entities)
        .filter(|e| e.kind == whereas::EntityKind::Date)
        .map(|e| e.normalized[..4].to_string())
        .find(|y| y != adopted_year)
        .expect("the text mentions another year");
    let index = Index::from_resolutions([&resolution]).unwrap();
    let count = |request: SearchRequest| index.search(&request.limit(0)).unwrap().total;

    assert_eq!(
        count(SearchRequest::new("").facet(format!("/mentioned/{year}"))),
        mentioning(&year)
    );
    assert!(mentioning(&year) > 0);
    assert_eq!(count(SearchRequest::new("").date_range(&year, &year)), 0);
    assert_eq!(count(SearchRequest::new(format!("date:{year}"))), 0);
    assert_eq!(
        count(SearchRequest::new("").date_range(adopted_year, adopted_year)),
        resolution.units.len()
    );
    // The old name for the dates mentioned is refused with the way to each meaning.
    let err = index
        .search(&SearchRequest::new("").facet(format!("/date/{year}")))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("/mentioned") && err.contains("date_range"),
        "{err}"
    );
}

#[test]
fn a_sorted_search_keeps_the_relative_cutoff_and_the_scores() {
    let index = bundled_index();
    let ranked = SearchRequest::new("Zhumagulov OR prisoners")
        .limit(100)
        .relative_cutoff(0.9)
        .unwrap();
    let sorted = ranked.clone().sort(Sort::DocumentOrder);
    let ranked = index.search(&ranked).unwrap();
    let sorted = index.search(&sorted).unwrap();
    assert!(!ranked.hits.is_empty());
    let uncut = index
        .search(&SearchRequest::new("Zhumagulov OR prisoners").limit(0))
        .unwrap();
    assert!(uncut.total > ranked.total, "the cutoff drops some hits");
    assert_eq!(sorted.total, ranked.total);
    let mut by_score: Vec<(String, f32)> = ranked
        .hits
        .iter()
        .map(|h| (h.id.clone(), h.score))
        .collect();
    let mut by_order: Vec<(String, f32)> = sorted
        .hits
        .iter()
        .map(|h| (h.id.clone(), h.score))
        .collect();
    by_score.sort_by(|a, b| a.0.cmp(&b.0));
    by_order.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(by_order, by_score);
}
