//! The bundled resolution through the whole pipeline: segment, annotate, index, search.

use crate::support;

use whereas::{SearchRequest, UnitKind};

#[test]
fn facet_counts_agree_with_facet_filters() {
    let index = support::seed_index();
    let base = SearchRequest::new("torture OR prisoners").limit(0);
    let counted = index
        .search(
            &base
                .clone()
                .facet_counts("/person", 5)
                .facet_counts("/kind", 4),
        )
        .unwrap();
    let people = &counted.facets["/person"];
    if people.is_empty() {
        eprintln!("SKIPPED: the entity stage found no people in the seed");
    }
    // Each person's count is exactly the number of matching units under that facet.
    for person in people {
        let filtered = index
            .search(&base.clone().facet(person.path.clone()).limit(100))
            .unwrap();
        assert_eq!(filtered.total as u64, person.count, "{}", person.path);
        let name = person.path.trim_start_matches("/person/");
        assert!(filtered
            .hits
            .iter()
            .all(|h| h.entities.iter().any(|e| e.normalized == name)));
    }
    // Kind counts add up to the total: every unit has exactly one kind.
    let kinds: u64 = counted.facets["/kind"].iter().map(|c| c.count).sum();
    assert_eq!(kinds, counted.total as u64);
}

#[test]
fn a_transliterated_name_finds_recitals_and_paragraphs() {
    let index = support::seed_index();
    for query in ["Jumagulov", "Жумагулов", "Zhumagulov"] {
        let results = index.search(&SearchRequest::new(query)).unwrap();
        assert!(results.total >= 2, "{query}");
        let kinds: Vec<UnitKind> = results.hits.iter().map(|h| h.kind).collect();
        assert!(kinds.contains(&UnitKind::Recital), "{query}: {kinds:?}");
        assert!(kinds.contains(&UnitKind::Paragraph), "{query}: {kinds:?}");
        assert!(results
            .hits
            .iter()
            .all(|h| h.snippet.contains("<b>Zhumagulov</b>")));
    }
}
