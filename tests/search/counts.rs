//! A search's total counts every matching unit, although counting reads only some
//! of a word's keys (the exact spelling and the translit keys are covered by the
//! folded form and the related keys). Checked against a plain tantivy union of every
//! key of every channel, for the words of a generated corpus and their other
//! spellings. Past `SearchRequest::total_up_to`'s limit the total may be a lower bound:
//! checked against the exact total at limits around it.

use std::collections::BTreeSet;

use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;
use whereas::synth::{Corpus, Spelling, SynthResolution};
use whereas::token_keys;
use whereas::{Index, IndexWriter, SearchRequest};

/// Segments a generated resolution, extracts its entities and adds it.
fn add(writer: &mut IndexWriter, generated: &SynthResolution) {
    let mut resolution = whereas::segment(&generated.text).expect("segments");
    whereas::entity::annotate(&mut resolution);
    writer.add(&resolution).expect("adds");
}

fn index(corpus: &Corpus, units: usize) -> Index {
    let index = Index::in_ram().expect("index");
    let mut writer = index.writer().expect("writer");
    for generated in corpus.resolutions(units) {
        add(&mut writer, &generated);
    }
    writer.commit().expect("commits");
    index
}

/// Units matching any key of `word` in any name channel, counted by tantivy, and
/// whether a translit key matched (if none did, whereas adds fuzzy keys).
fn union_count(index: &Index, word: &str) -> (usize, bool) {
    let tantivy = index.tantivy();
    let schema = tantivy.schema();
    let field = |name: &str| schema.get_field(name).expect("whereas field");
    let keys = token_keys(word);
    let mut clauses: Vec<Box<dyn Query>> = Vec::new();
    let mut add = |name: &str, key: &str| {
        if !key.is_empty() {
            clauses.push(Box::new(TermQuery::new(
                Term::from_field_text(field(name), key),
                IndexRecordOption::Basic,
            )));
        }
    };
    add("name_exact", &keys.exact);
    add("name_folded", &keys.folded);
    keys.translit.iter().for_each(|k| add("name_translit", k));
    // A query asks for a related key in its query form (a short skeleton with the
    // other script side's mark).
    keys.related
        .iter()
        .for_each(|k| add("name_related", &whereas::name::query_key(k)));
    let searcher = tantivy.reader().expect("reader").searcher();
    let translit = keys.translit.iter().any(|k| {
        searcher
            .doc_freq(&Term::from_field_text(field("name_translit"), k))
            .expect("doc freq")
            > 0
    });
    let count = searcher
        .search(&BooleanQuery::union(clauses), &Count)
        .expect("counts");
    (count, translit)
}

#[test]
fn totals_count_every_unit_any_key_matches() {
    let corpus = Corpus::new(11);
    let index = index(&corpus, 1500);
    let mut words = BTreeSet::new();
    for person in corpus.people().iter().take(60) {
        for spelling in [
            Spelling::Bgn,
            Spelling::French,
            Spelling::German,
            Spelling::Cyrillic,
            Spelling::Kazakh2021,
            Spelling::Icao,
        ] {
            words.insert(person.surname(spelling));
        }
    }
    for generated in corpus.resolutions(40) {
        for word in generated
            .text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() > 2)
        {
            words.insert(word.to_string());
        }
    }
    let mut nonzero = 0;
    for word in &words {
        let (expected, translit) = union_count(&index, word);
        // `name:` searches the name channels only, as the union does; a word none of
        // whose translit keys is indexed falls back to fuzzy keys, which the union
        // lacks.
        if !translit {
            continue;
        }
        nonzero += 1;
        let total = index
            .search(&SearchRequest::new(format!("name:{word}")).limit(0))
            .expect("searches")
            .total;
        assert_eq!(total, expected, "{word}");
    }
    assert!(nonzero > 100, "only {nonzero} words with hits");
}

/// An index of `units` generated units, committed in `commits` parts (one segment
/// each), and its corpus.
fn index_in_parts(seed: u64, units: usize, commits: usize) -> (Corpus, Index) {
    let corpus = Corpus::new(seed);
    let index = Index::in_ram().expect("index");
    let mut writer = index.writer().expect("writer");
    let resolutions: Vec<_> = corpus.resolutions(units).collect();
    let per_commit = resolutions.len().div_ceil(commits);
    for part in resolutions.chunks(per_commit) {
        for generated in part {
            add(&mut writer, generated);
        }
        writer.commit().expect("commits");
    }
    (corpus, index)
}

/// Checks the contract of `total_up_to` for `request` at several limits around its
/// exact total; returns how many limits stopped the count early.
fn check_limits(index: &Index, request: &SearchRequest) -> usize {
    let exact = index
        .search(&request.clone().exact_total())
        .expect("searches");
    assert!(exact.total_exact, "{request:?}: exact_total is exact");
    let n = exact.total;
    let mut bounded = 0;
    for limit in [0, 1, n / 3, n.saturating_sub(1), n, n + 1, usize::MAX - 1] {
        let got = index
            .search(&request.clone().total_up_to(limit))
            .expect("searches");
        assert_eq!(got.hits, exact.hits, "{request:?} up to {limit}: same hits");
        if got.total_exact {
            assert_eq!(got.total, n, "{request:?} up to {limit}: exact total");
        } else {
            bounded += 1;
            assert!(n > limit, "{request:?}: {n} units stopped at {limit}");
            assert!(
                (limit..=n).contains(&got.total),
                "{request:?} up to {limit}: {} outside {limit}..={n}",
                got.total
            );
        }
        if limit >= n {
            assert!(got.total_exact, "{request:?}: {n} units within {limit}");
        }
    }
    bounded
}

#[test]
fn totals_are_exact_up_to_the_limit_and_lower_bounds_past_it() {
    let (corpus, index) = index_in_parts(5, 1200, 3);
    assert!(
        index
            .tantivy()
            .searchable_segment_ids()
            .expect("segments")
            .len()
            >= 2,
        "the budget must be carried across segments"
    );
    let person = corpus.frequent();
    let requests = [
        // One word: its clauses' document frequencies bound the count.
        SearchRequest::new(person.surname(Spelling::French)),
        SearchRequest::new(person.surname(Spelling::Cyrillic)),
        // Several words, a filter, a cutoff: counted unit by unit.
        SearchRequest::new("torture detention"),
        SearchRequest::new(person.surname(Spelling::Bgn)).kind(whereas::UnitKind::Recital),
        SearchRequest::new(person.surname(Spelling::German))
            .relative_cutoff(0.5)
            .unwrap(),
        SearchRequest::new(person.surname(Spelling::Bgn)).limit(0),
    ];
    let mut bounded = 0;
    for request in &requests {
        bounded += check_limits(&index, request);
    }
    // Each request stops early at least at limits 0 and 1.
    assert!(
        bounded >= 2 * requests.len(),
        "only {bounded} bounded counts"
    );

    // A lone word needs no counting to know a lower bound: the units of its largest
    // key, whose document frequency is at hand.
    let floor = index
        .search(&SearchRequest::new(person.surname(Spelling::French)).total_up_to(0))
        .expect("searches");
    assert!(
        !floor.total_exact && floor.total > 0,
        "a word's count up to 0: {} units",
        floor.total
    );

    // Facet counts take a full pass: the total is exact whatever the limit.
    let request = SearchRequest::new(person.surname(Spelling::French))
        .facet_counts("/person", 3)
        .total_up_to(1);
    let got = index.search(&request).expect("searches");
    let exact = index
        .search(&request.clone().exact_total())
        .expect("searches");
    assert!(got.total_exact && got.total == exact.total && got.total > 1);
}

#[test]
fn totals_that_cost_nothing_stay_exact() {
    let (_, index) = index_in_parts(7, 300, 2);
    let units = index.num_units();
    // Every unit, and one facet term: tantivy knows their counts without counting.
    for query in ["", "kind:recital"] {
        let got = index
            .search(&SearchRequest::new(query).total_up_to(1))
            .expect("searches");
        let exact = index
            .search(&SearchRequest::new(query).exact_total())
            .expect("searches");
        assert!(exact.total > 1, "{query:?}: {} units", exact.total);
        assert!(got.total_exact, "{query:?} up to 1");
        assert_eq!(got.total, exact.total, "{query:?}");
    }
    let all = index
        .search(&SearchRequest::new("").total_up_to(1))
        .expect("searches");
    assert_eq!(all.total, units);
}

#[test]
fn bounded_totals_skip_deleted_units() {
    let (corpus, index) = index_in_parts(6, 600, 2);
    // Re-adding resolutions replaces their units: the old ones are deleted.
    let mut writer = index.writer().expect("writer");
    for generated in corpus.resolutions(600).take(10) {
        add(&mut writer, &generated);
    }
    writer.commit().expect("commits");
    let person = corpus.frequent();
    for request in [
        SearchRequest::new(person.surname(Spelling::French)),
        SearchRequest::new("torture detention"),
    ] {
        assert!(check_limits(&index, &request) >= 2, "{request:?}");
    }
}

/// tantivy's own `FacetCollector` children of `root` over the units matching `word`'s
/// whereas query, most frequent first (ties by path), as `SearchResults::facets` gives them.
fn tantivy_children(index: &Index, word: &str, root: &str, top: usize) -> Vec<(String, usize)> {
    use tantivy::collector::{DocSetCollector, FacetCollector};
    use tantivy::query::{Query, TermSetQuery};
    let tantivy = index.tantivy();
    let searcher = tantivy.reader().expect("reader").searcher();
    // The units whereas matched, by id, as a tantivy query.
    let hits = index
        .search(&SearchRequest::new(word).limit(10_000))
        .expect("search runs");
    let id = tantivy.schema().get_field("id").expect("id field");
    let ids: Vec<Term> = hits
        .hits
        .iter()
        .map(|h| Term::from_field_text(id, &h.id))
        .collect();
    let query = TermSetQuery::new(ids);
    let docs = searcher.search(&query, &DocSetCollector).expect("docs");
    assert_eq!(docs.len(), hits.hits.len(), "one unit per id");
    let mut collector = FacetCollector::for_field("facets");
    collector.add_facet(root);
    let counts = searcher
        .search(&query as &dyn Query, &collector)
        .expect("counts");
    let mut children: Vec<(String, usize)> = counts
        .get(root)
        .map(|(f, n)| (f.to_string(), n as usize))
        .collect();
    children.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    children.truncate(top);
    children
}

/// Facet counts read through the child tables a search keeps per segment stay right as
/// segments come and go: after more commits, a deletion and a merge, each answer equals
/// tantivy's `FacetCollector` on the index as it is then.
#[test]
fn facet_counts_follow_new_deleted_and_merged_segments() {
    let corpus = Corpus::new(11);
    let resolutions: Vec<SynthResolution> = corpus.resolutions(1_500).collect();
    let index = Index::in_ram().expect("index");
    let mut writer = index.writer().expect("writer");
    let check = |index: &Index, stage: &str| {
        for root in ["/person", "/kind", "/org"] {
            let ours: Vec<(String, usize)> = index
                .search(
                    &SearchRequest::new("detention")
                        .limit(0)
                        .facet_counts(root, 50),
                )
                .expect("search runs")
                .facets[root]
                .iter()
                .map(|c| (c.path.clone(), c.count))
                .collect();
            assert!(!ours.is_empty(), "{stage}: no children of {root}");
            assert_eq!(
                ours,
                tantivy_children(index, "detention", root, 50),
                "{stage}: {root}"
            );
        }
    };
    let (first, rest) = resolutions.split_at(resolutions.len() / 2);
    for generated in first {
        add(&mut writer, generated);
    }
    writer.commit().expect("commits");
    check(&index, "one commit");
    for generated in rest {
        add(&mut writer, generated);
    }
    writer.commit().expect("commits");
    check(&index, "two commits");
    let reference = whereas::segment(&first[0].text)
        .expect("segments")
        .reference
        .expect("a reference");
    assert!(writer.delete(&reference).expect("deletes") > 0);
    writer.commit().expect("commits");
    check(&index, "after a deletion");
    writer.finish().expect("merges");
    check(&index, "after the merges");
}
