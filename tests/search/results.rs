//! What a search returns: ranking, pages, snippets, facet counts, entities, errors.

use crate::support::fixtures;

use std::collections::HashSet;

use fixtures::{kazakhstan, other, resolution, unit, KZ, OTHER};
use whereas::{token_keys, Error, Index, SearchRequest, UnitKind};

fn index() -> Index {
    Index::from_resolutions([&kazakhstan(), &other()]).unwrap()
}

fn ranked(index: &Index, query: &str) -> Vec<String> {
    index
        .search(&SearchRequest::new(query).limit(100))
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[test]
fn pages_concatenate_to_the_full_ranking() {
    // Enough units for several pages, many with equal scores.
    let units = (0..23)
        .map(|i| {
            let text = if i % 3 == 0 {
                format!("whereas torture and torture again, case {i}")
            } else {
                format!("whereas torture was reported, case {i}")
            };
            unit(UnitKind::Recital, &format!("R{i}"), i, &text, &[])
        })
        .collect();
    let index = Index::from_resolutions([&resolution(KZ, "2021-02-11", units)]).unwrap();
    let full = index
        .search(&SearchRequest::new("torture").limit(100))
        .unwrap();
    assert_eq!(full.total, 23);
    for size in [1, 4, 5, 10] {
        let mut pages = Vec::new();
        let mut offset = 0;
        loop {
            let page = index
                .search(&SearchRequest::new("torture").offset(offset).limit(size))
                .unwrap();
            assert_eq!(
                page.total, 23,
                "total is the whole result set on every page"
            );
            if page.hits.is_empty() {
                break;
            }
            pages.extend(page.hits.into_iter().map(|h| (h.id, h.score)));
            offset += size;
        }
        let full_ids: Vec<_> = full.hits.iter().map(|h| (h.id.clone(), h.score)).collect();
        assert_eq!(pages, full_ids, "page size {size}");
        let unique: HashSet<_> = pages.iter().map(|(id, _)| id).collect();
        assert_eq!(unique.len(), 23);
    }
    // Scores never increase down the ranking.
    assert!(full.hits.windows(2).all(|w| w[0].score >= w[1].score));
    // Limit 0: counts only.
    let counts = index
        .search(&SearchRequest::new("torture").limit(0))
        .unwrap();
    assert_eq!((counts.total, counts.hits.len()), (23, 0));
}

#[test]
fn hits_carry_the_unit_and_its_entities() {
    let results = index()
        .search(&SearchRequest::new("Bokayev").resolution(KZ))
        .unwrap();
    assert_eq!(results.total, 1);
    let hit = &results.hits[0];
    let expected = &kazakhstan().units[1];
    assert_eq!(hit.id, format!("{KZ}/recital/A"));
    assert_eq!(hit.reference, KZ);
    assert_eq!(hit.kind, UnitKind::Recital);
    assert_eq!(hit.label, "A");
    assert_eq!(hit.title.as_deref(), Some("Resolution TA-9-2021-0056"));
    assert_eq!(hit.date.as_deref(), Some("2021-02-11"));
    assert_eq!(hit.text, expected.text);
    assert_eq!(hit.entities, expected.entities);
    assert!(hit.score > 0.0);
    assert_eq!(hit.snippet, hit.text.replace("Bokayev", "<b>Bokayev</b>"));
    assert_eq!(hit.highlights.len(), 1);
    let h = &hit.highlights[0];
    assert_eq!(&hit.text[h.start..h.end], "Bokayev");
}

#[test]
fn prose_matches_by_stem_and_highlights_the_inflected_word() {
    let index = index();
    let results = index
        .search(
            &SearchRequest::new("tortures")
                .resolution(KZ)
                .kind(UnitKind::Recital),
        )
        .unwrap();
    let a = results
        .hits
        .iter()
        .find(|h| h.label == "A")
        .expect("recital A says 'tortured'");
    assert!(a.snippet.contains("<b>tortured</b>"), "{}", a.snippet);
    // Stop words alone match nothing.
    assert_eq!(
        index.search(&SearchRequest::new("the of")).unwrap().total,
        0
    );
}

#[test]
fn snippets_highlight_a_spelling_variant() {
    let index = index();
    // Differs by case only: every name-key implementation folds case.
    let results = index
        .search(&SearchRequest::new("ZHUMAGULOV").resolution(KZ))
        .unwrap();
    assert_eq!(results.total, 1);
    assert!(
        results.hits[0].snippet.contains("<b>Zhumagulov</b>"),
        "{}",
        results.hits[0].snippet
    );
    // A transliteration variant.
    let results = index
        .search(&SearchRequest::new("Jumagulov").resolution(KZ))
        .unwrap();
    assert_eq!(results.total, 1);
    assert!(results.hits[0].snippet.contains("<b>Zhumagulov</b>"));
}

#[test]
fn a_near_miss_falls_back_to_a_fuzzy_match() {
    let index = index();
    // "Bogayev" has no key in the index; its key is one confusable change (г/к) from
    // Bokayev's, within the fuzzy bound for a six-symbol key. ("Bokoyev", a full edit
    // away, is not: at this length that is how Tokayev would reach Tokarev.)
    let (near, indexed) = (token_keys("Bogayev"), token_keys("Bokayev"));
    assert!(!near.translit.iter().any(|k| indexed.translit.contains(k)));
    let results = index
        .search(&SearchRequest::new("Bogayev").resolution(KZ))
        .unwrap();
    assert_eq!(results.total, 1, "{results:?}");
    assert!(results.hits[0].snippet.contains("<b>Bokayev</b>"));
    // Short words never go fuzzy.
    assert_eq!(index.search(&SearchRequest::new("Mux")).unwrap().total, 0);
}

#[test]
fn the_whole_name_outranks_one_part_of_it() {
    let index = index();
    let one_person = format!("{KZ}/paragraph/1"); // Sapar Akhmetov
    let two_people = format!("{KZ}/paragraph/2"); // Sapar Bekov and Nurlan Akhmetov
    for query in ["Sapar Akhmetov", "AKHMETOV Sapar", "akhmetov sapar"] {
        let ids = ranked(&index, query);
        assert_eq!(ids.len(), 2, "{query}: {ids:?}");
        assert_eq!(ids[0], one_person, "{query}");
        assert_eq!(ids[1], two_people, "{query}");
    }
    // One part alone ranks both people, the one named once ahead of none.
    let ids = ranked(&index, "Akhmetov");
    assert_eq!(ids.len(), 2);
}

#[test]
fn words_and_names_mix_in_one_query() {
    let ids = ranked(&index(), "torture Zhumagulov");
    // Units with both words come first.
    assert_eq!(
        ids[..2].iter().collect::<HashSet<_>>(),
        [format!("{KZ}/recital/B"), format!("{OTHER}/recital/A")]
            .iter()
            .collect()
    );
    assert_eq!(ids.len(), 5);
}

#[test]
fn facet_counts_cover_the_whole_result_set() {
    let index = index();
    let results = index
        .search(
            &SearchRequest::new("torture")
                .limit(1)
                .facet_counts("/person", 10)
                .facet_counts("/kind", 10)
                .facet_counts("/resolution", 1),
        )
        .unwrap();
    assert_eq!(results.hits.len(), 1);
    let people: Vec<(&str, usize)> = results.facets["/person"]
        .iter()
        .map(|c| (c.path.as_str(), c.count))
        .collect();
    assert_eq!(
        people,
        [("/person/Aigul Zhumagulov", 2), ("/person/Max Bokayev", 2)]
    );
    let kinds: Vec<(&str, usize)> = results.facets["/kind"]
        .iter()
        .map(|c| (c.path.as_str(), c.count))
        .collect();
    assert_eq!(
        kinds,
        [
            ("/kind/recital", 3),
            ("/kind/citation", 1),
            ("/kind/paragraph", 1)
        ]
    );
    // Top 1 of two resolutions (3 in KZ, 2 in OTHER).
    assert_eq!(results.facets["/resolution"].len(), 1);
    assert_eq!(
        results.facets["/resolution"][0].path,
        format!("/resolution/{KZ}")
    );
    assert_eq!(results.facets["/resolution"][0].count, 3);
    // A root and one of its children may both be asked for.
    let nested = index
        .search(
            &SearchRequest::new("")
                .facet_counts("/person", 5)
                .facet_counts("/person/Max Bokayev", 5),
        )
        .unwrap();
    assert_eq!(nested.facets.len(), 2);
}

#[test]
fn malformed_queries_are_errors_with_a_position() {
    let index = index();
    for (query, at_least) in [
        ("nosuchfield:x", 0),
        ("kind:whereas", 0),
        ("date:yesterday", 0),
        ("/regex/", 0),
    ] {
        match index.search(&SearchRequest::new(query)) {
            Err(Error::Query { input, at, reason }) => {
                assert_eq!(input, query);
                assert!(at >= at_least && at <= query.len(), "{query}: at {at}");
                assert!(!reason.is_empty());
            }
            other => panic!("{query:?}: expected Error::Query, got {other:?}"),
        }
    }
    // Unknown fields point at the field.
    match index.search(&SearchRequest::new("torture nosuchfield:x")) {
        Err(Error::Query { at, .. }) => assert_eq!(at, 8),
        other => panic!("{other:?}"),
    }
    // Huge queries are refused, not run.
    let long = "torture ".repeat(1000);
    assert!(matches!(
        index.search(&SearchRequest::new(long)),
        Err(Error::Query { .. })
    ));
    let many: String = (0..100).map(|i| format!("w{i} ")).collect();
    assert!(matches!(
        index.search(&SearchRequest::new(many)),
        Err(Error::Query { .. })
    ));
    assert!(matches!(
        index.search(&SearchRequest::new("x").limit(1_000_000)),
        Err(Error::InvalidArgument(_))
    ));
}

#[test]
fn boolean_operators_and_phrases() {
    let index = index();
    let with_not = ranked(&index, "torture -Zhumagulov");
    assert_eq!(with_not.len(), 3);
    assert!(!with_not.contains(&format!("{KZ}/recital/B")));
    assert_eq!(ranked(&index, "torture AND Bokayev").len(), 2);
    assert_eq!(
        ranked(&index, "\"death penalty\""),
        [format!("{OTHER}/paragraph/2")]
    );
    assert!(ranked(&index, "\"penalty death\"").is_empty());
    assert_eq!(ranked(&index, "\"human rights defender\"").len(), 1);
    assert_eq!(ranked(&index, "NOT torture").len(), 9 - 5);
    let prefixed = index.search(&SearchRequest::new("bokay*")).unwrap();
    assert_eq!(prefixed.total, 2);
    assert!(prefixed
        .hits
        .iter()
        .all(|h| h.snippet.contains("<b>Bokayev</b>")));
    assert_eq!(
        ranked(&index, "kind:footnote"),
        [format!("{KZ}/footnote/1")]
    );
}

#[test]
fn stop_words_are_ignored_unless_quoted() {
    let index = index();
    let plain = index.search(&SearchRequest::new("The Bokayev")).unwrap();
    assert_eq!(plain.total, 2, "'The' adds nothing");
    assert!(plain.hits.iter().all(|h| !h.snippet.contains("<b>the</b>")));
    // Quoted, a stop word is looked up as a name: where it is written with a capital.
    let units = vec![
        unit(
            UnitKind::Recital,
            "A",
            0,
            "whereas Will Smith was arrested in May",
            &["Will Smith"],
        ),
        unit(
            UnitKind::Paragraph,
            "1",
            1,
            "Calls for the release of the journalist, as it will be done by may",
            &[],
        ),
    ];
    let index = Index::from_resolutions([&resolution(KZ, "2021-02-11", units)]).unwrap();
    let ids = |q: &str| ranked(&index, q);
    assert!(ids("will").is_empty(), "a bare stop word is ignored");
    assert!(ids("Will the").is_empty(), "whatever its case");
    assert_eq!(ids("\"will\""), [format!("{KZ}/recital/A")]);
    assert!(
        ids("\"the\"").is_empty(),
        "no unit writes The with a capital"
    );
}

#[test]
fn a_bare_word_means_what_the_grammar_says() {
    let index = index();
    for word in [
        "Zhumagulov",
        "Жумагулов",
        "torture",
        "Bokaev",
        "2019",
        "the",
        "AND",
    ] {
        let plain = index.search(&SearchRequest::new(word).limit(100));
        // Parenthesised, the word goes through the query grammar.
        let grouped = index.search(&SearchRequest::new(format!("({word})")).limit(100));
        match (plain, grouped) {
            (Ok(plain), Ok(grouped)) => {
                assert_eq!(plain.total, grouped.total, "{word}");
                let scores = |r: &whereas::SearchResults| -> Vec<(String, i64)> {
                    r.hits
                        .iter()
                        .map(|h| (h.id.clone(), (h.score * 1e4).round() as i64))
                        .collect()
                };
                assert_eq!(scores(&plain), scores(&grouped), "{word}");
            }
            (Err(_), Err(_)) => {}
            (plain, grouped) => panic!("{word}: {plain:?} vs {grouped:?}"),
        }
    }
    assert!(
        index
            .search(&SearchRequest::new("Zhumagulov"))
            .unwrap()
            .total
            > 0
    );
}
