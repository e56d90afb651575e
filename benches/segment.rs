//! Segmenter throughput, in bytes per second: the seed resolution, the seed repeated to
//! several megabytes, and one long line without breaks (the worst case for line-based
//! scanning). Each iteration checks the number of units it found.
//!
//! `segment/extract`: entity extraction alone (`whereas::entity::extract` on every
//! unit text), in bytes of unit text per second, over the first
//! `WHEREAS_BENCH_INDEX_UNITS` (default 10 000) units of the bench corpus
//! (`whereas::synth`, seed 42), segmented once beforehand. Each iteration checks the
//! number of entities it found.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const SEED: &str = include_str!("../data/TA-9-2021-0056_EN.txt");

fn inputs() -> Vec<(&'static str, String)> {
    let repeated = SEED.repeat(8 * 1024 * 1024 / SEED.len() + 1);
    // One line: a citation, then words and glued calls, no line break anywhere.
    let mut line = String::from("\u{2013}\u{a0}having regard to");
    while line.len() < 8 * 1024 * 1024 {
        line.push_str(" the resolution of 14\u{a0}March 2019 on Kazakhstan(1) and Rule 144(5),");
    }
    vec![
        ("seed", SEED.to_string()),
        ("seed_x_8MB", repeated),
        ("one_line_8MB", line),
    ]
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("segment");
    for (name, text) in inputs() {
        let expected = whereas::segment(&text).map(|r| r.units.len()).unwrap_or(0);
        assert!(expected > 0, "{name}: no units");
        if text.len() > 1_000_000 {
            group.sample_size(10);
        } else {
            group.sample_size(50);
        }
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new(name, text.len()), &text, |b, text| {
            b.iter(|| {
                let res = whereas::segment(text).expect("segments");
                assert_eq!(res.units.len(), expected);
                res
            })
        });
    }
    bench_extract(&mut group);
    group.finish();
}

fn bench_extract(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    let units = std::env::var("WHEREAS_BENCH_INDEX_UNITS")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(10_000);
    let corpus = whereas::synth::Corpus::new(42);
    let texts: Vec<String> = corpus
        .resolutions(units)
        .flat_map(|generated| {
            let resolution = whereas::segment(&generated.text).expect("segments");
            resolution.units.into_iter().map(|u| u.text)
        })
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let count = |texts: &[String]| -> usize {
        texts
            .iter()
            .map(|t| whereas::entity::extract(t).len())
            .sum()
    };
    let expected = count(&texts);
    assert!(expected > 0, "extract: no entities");
    eprintln!(
        "segment/extract: {} units, {bytes} bytes, {expected} entities",
        texts.len()
    );
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("extract", |b| {
        b.iter(|| assert_eq!(count(std::hint::black_box(&texts)), expected))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
