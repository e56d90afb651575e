//! Query latency on one whereas index built once per bench process.
//!
//! Corpus: `whereas::synth` with seed 42 and `WHEREAS_BENCH_UNITS` units (default
//! 100 000). Each generated resolution goes through the public pipeline
//! (`whereas::segment`, `whereas::entity::annotate`, `IndexWriter::add`); up to
//! 100 000 units the index is held in RAM, above that in a temporary directory.
//! After the commit the writer is finished (`IndexWriter::finish`), so every id runs
//! on the same settled segments, not on a layout that background merges change
//! during the run. Build times and the segment count go to stderr.
//!
//! Ids (group `query`), all on that one index, all returning the top 10 hits with
//! their stored documents plus the total count (the API ids count exactly up to
//! `whereas::search::DEFAULT_TOTAL_LIMIT`, 10 000, and report a lower bound past it;
//! `name_variant_exact_total` counts every match):
//! - `exact_term`: a tantivy `TermQuery` on the index's `name_exact` field (every
//!   word, lower-cased) for the most named person's surname as the index spells it
//!   (BGN): the floor. Run on `whereas::Index::tantivy()`, the same segments.
//! - `name_variant`: the same surname in French spelling, through
//!   `Index::search(&SearchRequest)`.
//! - `name_cyrillic`: the same surname in Cyrillic, through the search API.
//! - `name_variant_exact_total`: `name_variant` with `SearchRequest::exact_total`, the
//!   total counted to the last unit, whatever the corpus size.
//! - `fuzzy_d2`: a tantivy `FuzzyTermQuery` (distance 2, transposition cost 1) on
//!   `name_exact` for the French spelling: the naive alternative to `name_variant`.
//! - `words`: two words of prose side by side, ranked as one run of words (units
//!   matching both first, see `CoverageQuery`).
//! - `words_or`: the same two words joined by a written `OR`: a plain boolean union
//!   (tantivy's block-max pruning), the cost `words` is measured against.
//! - `phrase`: a two-word phrase.
//! - `facet_filtered`: the French spelling, kept to recitals of resolutions dated
//!   2015–2020.
//! - `facet_counts`: a prose word with the top 10 `/person` facet counts over the
//!   whole result set, no hits.
//!
//! Every timed query checks its hit count: the tantivy-level ones against a count
//! made by scanning the generated units, the API ones against the count of their
//! first run. The exact total of each `name_*` request must not be smaller than the
//! number of units the generator says name the person.
//!
//! Run: `WHEREAS_BENCH_UNITS=100000 cargo bench --bench query`.

mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{FuzzyTermQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::{TextAnalyzer, TokenizerManager};
use tantivy::{Searcher, TantivyDocument, Term};
use whereas::synth::{Corpus, Spelling};
use whereas::{Index, SearchRequest, UnitKind};

use support::{default_tokens, osa_distance, timed};

/// The `words` query.
const WORDS: &str = "torture detention";
/// The `phrase` query.
const PHRASE: &str = "\"psychiatric institution\"";
/// The prose word of `facet_counts`.
const FACET_WORD: &str = "arrested";

/// What the corpus scan counted, in units.
#[derive(Debug, Default)]
struct Truth {
    /// Units holding the BGN surname as a word (any case).
    exact: usize,
    /// Units holding a word within OSA distance 2 of the French surname.
    fuzzy: usize,
    /// Units naming a person with the frequent person's surname, in any spelling.
    named: usize,
}

struct Fixture {
    index: Index,
    _dir: Option<tempfile::TempDir>,
    exact: String,
    variant: String,
    cyrillic: String,
    truth: Truth,
}

fn fixture() -> Fixture {
    let units = support::bench_units();
    let corpus = Corpus::new(support::SEED);
    let person = corpus.frequent();
    let exact = person.surname(Spelling::Bgn).to_lowercase();
    let variant = person.surname(Spelling::French);
    let cyrillic = person.surname(Spelling::Cyrillic);
    let variant_lower = variant.to_lowercase();
    eprintln!(
        "query bench: {units} units, seed {}, surname {} / {variant} / {cyrillic}",
        support::SEED,
        person.surname(Spelling::Bgn),
    );
    let same_surname: Vec<bool> = corpus
        .people()
        .iter()
        .map(|p| p.surname_cyrillic() == person.surname_cyrillic())
        .collect();

    let dir = (units > 100_000)
        .then(|| tempfile::tempdir().expect("temporary directory for the bench index"));
    let index = match &dir {
        Some(d) => Index::create(d.path()),
        None => Index::in_ram(),
    }
    .expect("index opens");
    let mut analyzer: TextAnalyzer = TokenizerManager::default()
        .get("default")
        .expect("tantivy's default analyzer");
    let mut truth = Truth::default();
    let mut bytes = 0usize;
    timed(
        "whereas index build (generate, segment, extract, index, commit)",
        || {
            let mut writer = index.writer().expect("writer opens");
            for generated in corpus.resolutions(units) {
                bytes += generated.text.len();
                // Every unit the index holds: the title, then the generated units.
                let texts = std::iter::once(generated.title.as_str())
                    .chain(generated.units.iter().map(|u| u.text.as_str()));
                for text in texts {
                    let tokens = default_tokens(&mut analyzer, text);
                    truth.exact += usize::from(tokens.contains(&exact));
                    truth.fuzzy +=
                        usize::from(tokens.iter().any(|t| osa_distance(t, &variant_lower) <= 2));
                }
                for unit in &generated.units {
                    truth.named +=
                        usize::from(unit.mentions.iter().any(|(rank, _)| same_surname[*rank]));
                }
                let mut resolution = whereas::segment(&generated.text).expect("segments");
                whereas::entity::annotate(&mut resolution);
                writer.add(&resolution).expect("adds");
            }
            writer.commit().expect("commits");
            writer.finish().expect("merges finish");
        },
    );
    eprintln!(
        "corpus: {} units indexed in {} segments, {bytes} bytes of resolution text; truth {truth:?}",
        index.num_units(),
        index.tantivy().searchable_segment_ids().map_or(0, |s| s.len()),
    );
    Fixture {
        index,
        _dir: dir,
        exact,
        variant,
        cyrillic,
        truth,
    }
}

/// A raw tantivy query for the top 10 hits (documents loaded) and the total count.
fn run_tantivy(searcher: &Searcher, query: &dyn Query, expected: usize, id: &str) -> usize {
    let (top, count) = searcher
        .search(query, &(TopDocs::with_limit(10).order_by_score(), Count))
        .expect("search runs");
    for (_, address) in &top {
        let doc: TantivyDocument = searcher.doc(*address).expect("document loads");
        black_box(doc);
    }
    assert_eq!(count, expected, "{id}: hit count against the corpus scan");
    assert!(count > 0 && !top.is_empty(), "{id}: no hits");
    count
}

/// A whereas search; checks the total against `expected`.
fn run_whereas(index: &Index, request: &SearchRequest, expected: usize, id: &str) -> usize {
    let results = index.search(request).expect("search runs");
    assert_eq!(results.total, expected, "{id}: total against the first run");
    assert!(results.total > 0, "{id}: no hits");
    results.total
}

fn bench_query(c: &mut Criterion) {
    let f = fixture();
    let tantivy_index = f.index.tantivy();
    let reader = tantivy_index.reader().expect("reader opens");
    let searcher = reader.searcher();
    let field = tantivy_index
        .schema()
        .get_field("name_exact")
        .expect("the whereas schema has name_exact");
    let term = |w: &str| Term::from_field_text(field, w);
    let exact = TermQuery::new(term(&f.exact), IndexRecordOption::WithFreqs);
    let fuzzy = FuzzyTermQuery::new(term(&f.variant.to_lowercase()), 2, true);

    let requests = [
        ("name_variant", SearchRequest::new(f.variant.as_str())),
        ("name_cyrillic", SearchRequest::new(f.cyrillic.as_str())),
        (
            "name_variant_exact_total",
            SearchRequest::new(f.variant.as_str()).exact_total(),
        ),
        ("words", SearchRequest::new(WORDS)),
        ("words_or", SearchRequest::new(WORDS.replace(' ', " OR "))),
        ("phrase", SearchRequest::new(PHRASE)),
        (
            "facet_filtered",
            SearchRequest::new(f.variant.as_str())
                .kind(UnitKind::Recital)
                .date_range("2015", "2020"),
        ),
        (
            "facet_counts",
            SearchRequest::new(FACET_WORD)
                .limit(0)
                .facet_counts("/person", 10),
        ),
    ];
    // First runs: the counts the timed loops must reproduce.
    let mut expected = Vec::new();
    for (id, request) in &requests {
        let results = f.index.search(request).expect("search runs");
        eprintln!(
            "{id}: {}{} hits for {:?}",
            if results.total_exact { "" } else { "at least " },
            results.total,
            request.query_text()
        );
        if id.starts_with("name_") {
            let all = f
                .index
                .search(&request.clone().exact_total())
                .expect("search runs")
                .total;
            assert!(
                all >= f.truth.named,
                "{id}: {all} hits, but {} units name the person",
                f.truth.named
            );
        }
        if *id == "facet_counts" {
            let people = results.facets.get("/person").map_or(0, Vec::len);
            assert!(people > 0, "facet_counts: no /person facets");
        }
        expected.push(results.total);
    }

    let mut group = c.benchmark_group("query");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    group.bench_function("exact_term", |b| {
        b.iter(|| run_tantivy(&searcher, black_box(&exact), f.truth.exact, "exact_term"))
    });
    group.bench_function("fuzzy_d2", |b| {
        b.iter(|| run_tantivy(&searcher, black_box(&fuzzy), f.truth.fuzzy, "fuzzy_d2"))
    });
    for ((id, request), expected) in requests.iter().zip(expected) {
        group.bench_function(*id, |b| {
            b.iter(|| run_whereas(&f.index, black_box(request), expected, id))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_query);
criterion_main!(benches);
