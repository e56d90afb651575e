//! One reference per resolution, whatever its spelling: re-adding under another spelling
//! replaces, and every filter that takes a reference reads every spelling. A resolution
//! added without its entities is annotated on the way in. The title is a unit queries
//! reach.

use crate::support;

use whereas::{EntityKind, Index, SearchRequest, UnitKind};

/// The seed, segmented, with its reference as given (entities not extracted).
fn seed_as(reference: &str) -> whereas::Resolution {
    let mut seed = whereas::segment(support::SEED).unwrap();
    seed.reference = Some(reference.to_string());
    seed
}

fn total(index: &Index, request: SearchRequest) -> usize {
    index.search(&request.limit(0)).unwrap().total
}

#[test]
fn re_adding_under_another_spelling_replaces() {
    let index = Index::in_ram().unwrap();
    let mut writer = index.writer().unwrap();
    let n = writer.add(&seed_as("TA-9-2021-0056")).unwrap();
    writer.commit().unwrap();
    assert_eq!(index.num_units(), n);
    for spelling in ["P9_TA(2021)0056", "P9_TA-PROV(2021)0056", "ta-9-2021-0056"] {
        writer.add(&seed_as(spelling)).unwrap();
        writer.commit().unwrap();
        assert_eq!(index.num_units(), n, "{spelling}");
    }
    // Deleting under yet another spelling removes it.
    assert_eq!(writer.delete("P9_TA(2021)0056").unwrap(), n);
    writer.commit().unwrap();
    assert_eq!(index.num_units(), 0);
}

#[test]
fn filters_read_every_spelling() {
    let index = Index::from_resolutions([&seed_as("P9_TA(2021)0056")]).unwrap();
    let all = total(&index, SearchRequest::new(""));
    assert!(all > 0);
    for spelling in [
        "TA-9-2021-0056",
        "P9_TA(2021)0056",
        "P9_TA-PROV(2021)0056",
        "ta-9-2021-0056",
        " TA\u{2011}9\u{2011}2021\u{2011}0056 ",
    ] {
        assert_eq!(
            total(&index, SearchRequest::new("").resolution(spelling)),
            all,
            "{spelling}"
        );
        let query = format!("resolution:\"{}\"", spelling.trim());
        assert_eq!(total(&index, SearchRequest::new(&query)), all, "{query}");
        let facet = format!("/resolution/{}", spelling.trim());
        assert_eq!(
            total(&index, SearchRequest::new("").facet(&facet)),
            all,
            "{facet}"
        );
    }
    assert_eq!(
        total(&index, SearchRequest::new("").resolution("TA-9-2021-0057")),
        0
    );
    let hit = &index
        .search(&SearchRequest::new("Kazakhstan"))
        .unwrap()
        .hits[0];
    assert!(hit.id.starts_with("TA-9-2021-0056/"), "{}", hit.id);
}

#[test]
fn other_reference_kinds_normalise_too() {
    for (spelling, stored) in [
        ("B9-0220/2020", "B-9-2020-0220"),
        ("RC-B10-0249/2025", "RC-10-2025-0249"),
        ("A9-0163/2024", "A-9-2024-0163"),
    ] {
        let index = Index::from_resolutions([&seed_as(spelling)]).unwrap();
        let all = total(&index, SearchRequest::new(""));
        assert_eq!(
            total(&index, SearchRequest::new("").resolution(stored)),
            all
        );
        assert_eq!(
            total(&index, SearchRequest::new("").resolution(spelling)),
            all
        );
    }
}

#[test]
fn a_resolution_added_without_entities_gets_them() {
    let bare = seed_as("TA-9-2021-0056");
    assert!(bare.units.iter().all(|u| u.entities.is_empty()));
    let mut annotated = bare.clone();
    whereas::entity::annotate(&mut annotated);
    let people = annotated
        .units
        .iter()
        .flat_map(|u| &u.entities)
        .filter(|e| e.kind == EntityKind::Person)
        .count();
    assert!(people > 0);
    let index = Index::from_resolutions([&bare]).unwrap();
    let results = index
        .search(&SearchRequest::new("").facet_counts("/person", 100))
        .unwrap();
    let facets: usize = results.facets.values().flatten().map(|f| f.count).sum();
    assert!(facets > 0, "no person facet: {:?}", results.facets);
    let hits = index.search(&SearchRequest::new("").limit(100)).unwrap();
    let entities: usize = hits.hits.iter().map(|h| h.entities.len()).sum();
    let expected: usize = annotated.units.iter().map(|u| u.entities.len()).sum();
    assert_eq!(entities, expected);
}

#[test]
fn the_title_is_a_unit_that_queries_reach() {
    let index = support::seed_index();
    let titles = |query: &str| -> Vec<String> {
        index
            .search(&SearchRequest::new(query).kind(UnitKind::Title))
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.id)
            .collect()
    };
    let id = "TA-9-2021-0056/title/1";
    // A prose query, by stem ("situations" → "situation").
    assert_eq!(titles("situations"), [id]);
    // A name query, in a transliteration the title does not print.
    assert_eq!(titles("Qazaqstan"), [id]);
    assert_eq!(titles("kind:title"), [id]);
    assert!(titles("torture").is_empty());
}
