//! Segmenter throughput, in bytes per second: the seed resolution, the seed repeated to
//! several megabytes, and one long line without breaks (the worst case for line-based
//! scanning). Each iteration checks the number of units it found.

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
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
