//! Indexing throughput, in bytes of resolution text, on a fixed set of synthetic
//! resolutions.
//!
//! Corpus: `whereas::synth` with seed 42, the first `WHEREAS_BENCH_INDEX_UNITS`
//! units (default: `WHEREAS_BENCH_UNITS` capped at 10 000, so a sample stays
//! around a second). Both ids report throughput against the same byte count, the
//! resolutions' full text, so their times compare directly.
//!
//! Ids (group `index`):
//! - `whereas`: each resolution's full text through the public pipeline:
//!   `whereas::segment`, `whereas::entity::annotate`, `IndexWriter::add` into a
//!   fresh `Index::in_ram()`, then commit.
//! - `whereas_parallel`: the same pipeline as `whereas`, with its halves in parallel
//!   (`whereas::index::pipeline::prepare_in_order`): one worker thread segments and
//!   annotates the resolutions while the calling thread adds them, in order, to a writer
//!   with two indexing threads sharing the same 50 MB. On this 2-core machine that is
//!   every core busy; the plain baseline keeps its one indexing thread, as a user
//!   would run it.
//! - `segment_extract`: the part of `whereas` that runs on the caller's thread, alone:
//!   `whereas::segment` and `whereas::entity::annotate` for every resolution, no index.
//!   `IndexWriter::add` hands documents to tantivy's indexing thread, so `whereas` can
//!   take no less than the longer of this and the indexing thread's share.
//! - `tantivy_plain`: the generator's unit texts, one document each, into a fresh
//!   in-RAM tantivy index with one `TEXT | STORED` field and the default
//!   tokenizer, then commit. No segmentation: it is handed the units. Its writer
//!   has one thread and 50 MB, as the whereas writer does.
//!
//! - `tantivy_plain_parallel`: `tantivy_plain` with two indexing threads sharing the
//!   same 50 MB: the baseline for `whereas_parallel`, which also uses every core.
//!
//! All check their work: the index holds one document per generated unit.
//!
//! Run: `cargo bench --bench index`.

mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tantivy::collector::Count;
use tantivy::query::AllQuery;
use whereas::index::pipeline::prepare_in_order;
use whereas::index::WriterOptions;
use whereas::synth::Corpus;
use whereas::Index;

fn bench_index(c: &mut Criterion) {
    let units = support::env_usize(
        "WHEREAS_BENCH_INDEX_UNITS",
        support::bench_units().min(10_000),
    );
    let corpus = Corpus::new(support::SEED);
    let resolutions: Vec<_> = corpus.resolutions(units).collect();
    let bytes: usize = resolutions.iter().map(|r| r.text.len()).sum();
    // Every unit whereas indexes, the title included, so the plain baseline indexes the
    // same documents.
    let unit_texts: Vec<&str> = resolutions
        .iter()
        .flat_map(|r| {
            std::iter::once(r.title.as_str()).chain(r.units.iter().map(|u| u.text.as_str()))
        })
        .collect();
    eprintln!(
        "index bench: {} resolutions, {units} units, {bytes} bytes (seed {})",
        resolutions.len(),
        support::SEED
    );

    let mut group = c.benchmark_group("index");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10))
        .throughput(Throughput::Bytes(bytes as u64));

    group.bench_function("whereas", |b| {
        b.iter(|| {
            let index = Index::in_ram().expect("index opens");
            let mut writer = index.writer().expect("writer opens");
            for generated in &resolutions {
                let mut resolution = whereas::segment(&generated.text).expect("segments");
                whereas::entity::annotate(&mut resolution);
                writer.add(&resolution).expect("adds");
            }
            writer.commit().expect("commits");
            assert_eq!(index.num_units(), unit_texts.len(), "one document per unit");
            black_box(index)
        })
    });
    group.bench_function("whereas_parallel", |b| {
        b.iter(|| {
            let index = Index::in_ram().expect("index opens");
            let options = WriterOptions::default()
                .threads(2)
                .memory(support::WRITER_BUDGET);
            let mut writer = index.writer_with(options).expect("writer opens");
            prepare_in_order(
                &resolutions,
                1,
                |generated| {
                    let mut resolution = whereas::segment(&generated.text)?;
                    whereas::entity::annotate(&mut resolution);
                    Ok::<_, whereas::Error>(resolution)
                },
                |prepared| writer.add(&prepared?).map(drop),
            )
            .expect("adds");
            writer.commit().expect("commits");
            assert_eq!(index.num_units(), unit_texts.len(), "one document per unit");
            black_box(index)
        })
    });
    group.bench_function("segment_extract", |b| {
        b.iter(|| {
            let mut units = 0;
            for generated in &resolutions {
                let mut resolution = whereas::segment(&generated.text).expect("segments");
                whereas::entity::annotate(&mut resolution);
                units += resolution.units.len();
                black_box(&resolution);
            }
            assert_eq!(units, unit_texts.len(), "one unit per generated unit");
        })
    });
    for (id, threads) in [("tantivy_plain", 1), ("tantivy_plain_parallel", 2)] {
        group.bench_function(id, |b| {
            b.iter(|| {
                let (schema, text) = support::plain_schema();
                let index = tantivy::Index::create_in_ram(schema);
                support::fill_plain_with(&index, text, unit_texts.iter().copied(), threads)
                    .expect("indexes");
                let searcher = index.reader().expect("reader opens").searcher();
                let docs = searcher.search(&AllQuery, &Count).expect("counts");
                assert_eq!(docs, unit_texts.len(), "one document per unit");
                black_box(index)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_index);
criterion_main!(benches);
