//! The bundled resolution through the whole pipeline: segment, annotate, index, search.

use crate::support;

use std::collections::BTreeSet;

use whereas::{Hit, SearchRequest, UnitKind};

/// The people the seed's hand annotation (`tests/data/entities/persons_seed.tsv`, one
/// `kind/label<TAB>name; name` line per unit) names in the units of `hits`.
fn annotated_people(hits: &[Hit]) -> BTreeSet<String> {
    let tsv = include_str!("../data/entities/persons_seed.tsv");
    let mut people = BTreeSet::new();
    for hit in hits {
        let (_, unit) = hit
            .id
            .split_once('/')
            .expect("ids are reference/kind/label");
        let line = tsv
            .lines()
            .filter(|l| !l.starts_with('#'))
            .find(|l| l.split('\t').next() == Some(unit))
            .unwrap_or_else(|| panic!("{unit} is not in persons_seed.tsv"));
        let names = line.split_once('\t').map_or("", |(_, names)| names);
        people.extend(
            names
                .split("; ")
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(String::from),
        );
    }
    people
}

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
    // The seed's hand annotation names people in the units this query matches, so the
    // person facet cannot be empty: an empty one means the entity stage found nobody,
    // and the per-person checks below would check nothing.
    let matching = index
        .search(&base.clone().limit(whereas::search::MAX_LIMIT))
        .unwrap();
    assert_eq!(
        matching.hits.len(),
        counted.total,
        "every matching unit fetched"
    );
    let annotated = annotated_people(&matching.hits);
    assert!(
        !annotated.is_empty(),
        "the annotation names nobody in the {} matching units",
        counted.total
    );
    assert!(
        !people.is_empty(),
        "no person facet for the {} matching units, which name {} people: {annotated:?}",
        counted.total,
        annotated.len()
    );
    // Five asked for: five listed, as the matching units name more than five people.
    assert_eq!(people.len(), annotated.len().min(5), "{people:?}");
    // Each person's count is exactly the number of matching units under that facet.
    for person in people {
        let filtered = index
            .search(&base.clone().facet(person.path.clone()).limit(100))
            .unwrap();
        assert_eq!(filtered.total, person.count, "{}", person.path);
        let name = person.path.trim_start_matches("/person/");
        assert!(filtered
            .hits
            .iter()
            .all(|h| h.entities.iter().any(|e| e.normalized == name)));
    }
    // Kind counts add up to the total: every unit has exactly one kind.
    let kinds: usize = counted.facets["/kind"].iter().map(|c| c.count).sum();
    assert_eq!(kinds, counted.total);
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
