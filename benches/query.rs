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
//! - `prose_facets`: `SearchRequest::new("political prisoners")` with the top 10
//!   children of each of `/kind`, `/person`, `/org`, `/place`, `/law` (what the
//!   `search` example counts by default), and the top 10 hits.
//! - `tantivy_prose_facets`: tantivy alone on the same units: a `BooleanQuery` of the
//!   same two words (`Should`) on a field with tantivy's default tokenizer, `TopDocs`
//!   10 (documents loaded), `Count`, and tantivy's `FacetCollector` over the same five
//!   roots with `top_k(root, 10)` each. Its index is a plain tantivy index built beside
//!   the whereas one: one document per unit, the unit's text in a `TEXT | STORED`
//!   field, and the unit's facets as `whereas::index::facet::unit` gives them (the
//!   fixture checks that both indexes count every root's children alike).
//! - `name_mix`: every attested spelling of the Kazakh dev name set
//!   (`tests/data/names/dev/names_dev.tsv`, 98 queries) through
//!   `SearchRequest::name`, over a corpus that mentions those people: the fixture
//!   appends one sentence naming a person of the dev set (its 15 people and its 50
//!   look-alikes, by their canonical spelling) to one unit of every generated
//!   resolution, in turn. The time reported is per query (each sample runs all of
//!   them; criterion's figure is that time divided by their number). The first run
//!   prints recall@1 (the top hit names the person) and checks it is at least 0.9.
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
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::{Facet, FacetOptions, IndexRecordOption, Schema, STORED, TEXT};
use tantivy::tokenizer::{TextAnalyzer, TokenizerManager};
use tantivy::{doc, Searcher, TantivyDocument, Term};
use whereas::synth::{Corpus, Spelling};
use whereas::{Index, SearchRequest, UnitKind};

use support::{default_tokens, osa_distance, timed};

/// The `words` query.
const WORDS: &str = "torture detention";
/// The `phrase` query.
const PHRASE: &str = "\"psychiatric institution\"";
/// The prose word of `facet_counts`.
const FACET_WORD: &str = "arrested";
/// The prose query of `prose_facets` and `tantivy_prose_facets`.
const PROSE: &str = "political prisoners";
/// The facet roots `prose_facets` counts: the `search` example's default.
const ROOTS: [&str; 5] = ["/kind", "/person", "/org", "/place", "/law"];
/// The dev name set, copied from the project's shared data.
const NAMES_DEV: &str = include_str!("../tests/data/names/dev/names_dev.tsv");
const DISTRACTORS_DEV: &str = include_str!("../tests/data/names/dev/distractors_dev.tsv");

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
    plain: FacetedPlain,
    /// `name_mix`: (variant as typed, canonical name).
    mix: Vec<(String, String)>,
    exact: String,
    variant: String,
    cyrillic: String,
    truth: Truth,
}

/// The baseline of `tantivy_prose_facets`: unit texts with tantivy's default
/// tokenizer and the units' facets.
struct FacetedPlain {
    index: tantivy::Index,
    _dir: Option<tempfile::TempDir>,
    text: tantivy::schema::Field,
}

/// (variant, canonical) of every row of a dev-set file.
fn dev_rows(tsv: &str) -> Vec<(String, String)> {
    tsv.lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            Some((cols.get(2)?.to_string(), cols.get(1)?.to_string()))
        })
        .collect()
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

    let mix = dev_rows(NAMES_DEV);
    let mut people: Vec<String> = mix.iter().map(|(_, c)| c.clone()).collect();
    people.extend(dev_rows(DISTRACTORS_DEV).into_iter().map(|(_, c)| c));
    people.sort();
    people.dedup();

    let on_disk = units > 100_000;
    let temp = || tempfile::tempdir().expect("temporary directory for a bench index");
    let dir = on_disk.then(temp);
    let index = match &dir {
        Some(d) => Index::create(d.path()),
        None => Index::in_ram(),
    }
    .expect("index opens");
    let mut plain_schema = Schema::builder();
    let plain_text = plain_schema.add_text_field("text", TEXT | STORED);
    let plain_facets = plain_schema.add_facet_field("facets", FacetOptions::default());
    let plain_schema = plain_schema.build();
    let plain_dir = on_disk.then(temp);
    let plain_index = match &plain_dir {
        Some(d) => tantivy::Index::create_in_dir(d.path(), plain_schema),
        None => Ok(tantivy::Index::create_in_ram(plain_schema)),
    }
    .expect("plain index opens");
    let mut plain_writer: tantivy::IndexWriter<TantivyDocument> = plain_index
        .writer_with_num_threads(support::WRITER_THREADS, support::WRITER_BUDGET)
        .expect("plain writer opens");
    let mut analyzer: TextAnalyzer = TokenizerManager::default()
        .get("default")
        .expect("tantivy's default analyzer");
    let mut truth = Truth::default();
    let mut bytes = 0usize;
    let mut resolutions = 0usize;
    timed(
        "whereas index build (generate, segment, extract, index, commit)",
        || {
            let mut writer = index.writer().expect("writer opens");
            for generated in corpus.resolutions(units) {
                bytes += generated.text.len();
                for unit in &generated.units {
                    truth.named +=
                        usize::from(unit.mentions.iter().any(|(rank, _)| same_surname[*rank]));
                }
                let mut resolution = whereas::segment(&generated.text).expect("segments");
                // name_mix: one unit of each resolution names a dev-set person, in turn.
                let n = resolution.units.len();
                if n > 1 {
                    let person = &people[resolutions % people.len()];
                    let unit = &mut resolution.units[1 + resolutions * 7 % (n - 1)];
                    unit.text
                        .push_str(&format!(" The case of {person} is also recalled."));
                }
                resolutions += 1;
                // Every unit the index holds (the title, then the generated units, one
                // of them with its added sentence), scanned for the term queries' counts.
                assert_eq!(n, generated.units.len() + 1, "one unit per generated unit");
                for unit in &resolution.units {
                    let tokens = default_tokens(&mut analyzer, &unit.text);
                    truth.exact += usize::from(tokens.contains(&exact));
                    truth.fuzzy +=
                        usize::from(tokens.iter().any(|t| osa_distance(t, &variant_lower) <= 2));
                }
                whereas::entity::annotate(&mut resolution);
                writer.add(&resolution).expect("adds");
                let reference = resolution.reference.as_deref().expect("a reference");
                let reference =
                    whereas::normalize_reference(reference).unwrap_or(reference.to_string());
                for unit in &resolution.units {
                    let mut doc = doc!(plain_text => unit.text.as_str());
                    for path in whereas::index::facet::unit(&reference, unit) {
                        doc.add_facet(plain_facets, Facet::from_path(path));
                    }
                    plain_writer.add_document(doc).expect("plain adds");
                }
            }
            writer.commit().expect("commits");
            writer.finish().expect("merges finish");
            plain_writer.commit().expect("plain commits");
            plain_writer
                .wait_merging_threads()
                .expect("plain merges finish");
        },
    );
    let plain = FacetedPlain {
        index: plain_index,
        _dir: plain_dir,
        text: plain_text,
    };
    same_facets(&index, &plain);
    eprintln!(
        "corpus: {} units indexed in {} segments, {bytes} bytes of resolution text; truth {truth:?}",
        index.num_units(),
        index.tantivy().searchable_segment_ids().map_or(0, |s| s.len()),
    );
    Fixture {
        index,
        _dir: dir,
        plain,
        mix,
        exact,
        variant,
        cyrillic,
        truth,
    }
}

/// Checks that the plain baseline holds the whereas index's facets: tantivy's
/// `FacetCollector` over every unit gives both the same children per root.
fn same_facets(index: &Index, plain: &FacetedPlain) {
    let counts = |index: &tantivy::Index| {
        let mut collector = FacetCollector::for_field("facets");
        for root in ROOTS {
            collector.add_facet(root);
        }
        let searcher = index.reader().expect("reader opens").searcher();
        let counts = searcher.search(&AllQuery, &collector).expect("counts");
        ROOTS
            .iter()
            .map(|root| {
                let children: Vec<(String, u64)> =
                    counts.get(root).map(|(f, n)| (f.to_string(), n)).collect();
                children
            })
            .collect::<Vec<_>>()
    };
    let ours = counts(index.tantivy());
    assert_eq!(ours, counts(&plain.index), "the baseline's facets differ");
    assert!(
        ours.iter().all(|c| !c.is_empty()),
        "a root with no children"
    );
}

/// `tantivy_prose_facets`: top 10 hits (documents loaded), the count, and the top 10
/// children of each root.
fn run_tantivy_facets(searcher: &Searcher, query: &dyn Query, expected: usize) -> usize {
    let mut facets = FacetCollector::for_field("facets");
    for root in ROOTS {
        facets.add_facet(root);
    }
    let (top, count, counts) = searcher
        .search(
            query,
            &(TopDocs::with_limit(10).order_by_score(), Count, facets),
        )
        .expect("search runs");
    for (_, address) in &top {
        let doc: TantivyDocument = searcher.doc(*address).expect("document loads");
        black_box(doc);
    }
    for root in ROOTS {
        black_box(counts.top_k(root, 10));
    }
    assert_eq!(count, expected, "tantivy_prose_facets: hit count");
    count
}

/// `name_mix`: every query through `SearchRequest::name`; returns how many rank a
/// unit naming the person first.
fn run_mix(index: &Index, mix: &[(String, String)]) -> usize {
    let mut first = 0;
    for (variant, canonical) in mix {
        let results = index
            .search(&SearchRequest::name(variant.as_str()))
            .expect("search runs");
        first += usize::from(
            results
                .hits
                .first()
                .is_some_and(|hit| hit.text.contains(canonical.as_str())),
        );
    }
    first
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
        (
            "prose_facets",
            ROOTS.iter().fold(SearchRequest::new(PROSE), |r, root| {
                r.facet_counts(*root, 10)
            }),
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

    let plain_searcher = f.plain.index.reader().expect("reader opens").searcher();
    let prose = BooleanQuery::new(
        PROSE
            .split(' ')
            .map(|word| {
                let term = Term::from_field_text(f.plain.text, word);
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                (Occur::Should, query)
            })
            .collect(),
    );
    let prose_total = plain_searcher.search(&prose, &Count).expect("counts");
    eprintln!("tantivy_prose_facets: {prose_total} hits for {PROSE:?}");
    assert!(prose_total > 0, "tantivy_prose_facets: no hits");
    let first = run_mix(&f.index, &f.mix);
    let recall = first as f64 / f.mix.len() as f64;
    eprintln!(
        "name_mix: {} queries, recall@1 {recall:.3} ({first})",
        f.mix.len()
    );
    assert!(recall >= 0.9, "name_mix: recall@1 {recall:.3} below 0.9");

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
    group.bench_function("tantivy_prose_facets", |b| {
        b.iter(|| run_tantivy_facets(&plain_searcher, black_box(&prose), prose_total))
    });
    group.bench_function("name_mix", |b| {
        b.iter_custom(|iters| {
            let start = std::time::Instant::now();
            for _ in 0..iters {
                assert_eq!(run_mix(&f.index, black_box(&f.mix)), first, "name_mix");
            }
            start.elapsed() / f.mix.len() as u32
        })
    });
    group.finish();
}

criterion_group!(benches, bench_query);
criterion_main!(benches);
