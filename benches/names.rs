//! Cost of the name analysis: keys for one word (Latin name, Cyrillic name,
//! English prose word), keys for a whole name, and comparing two names (one
//! person's, and two people's).
//! Each timed loop checks its own result.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use whereas::name::{compare, name_keys, token_keys, Channel};

fn names(c: &mut Criterion) {
    let mut g = c.benchmark_group("names");
    // Key counts: one phonetic key per reading (Schäkischew has four), plus the
    // surname-form key (`jumagul~m`) that a Russian or Kazakh surname form gets.
    for (label, word, n_keys) in [
        ("latin", "Zhumagulov", 2),
        ("latin_ambiguous", "Schäkischew", 5),
        ("cyrillic", "Жұмағұлов", 2),
        ("prose", "resolution", 1),
    ] {
        g.bench_with_input(
            BenchmarkId::new(format!("token_keys/{label}"), word.len()),
            word,
            |b, w| {
                b.iter(|| {
                    let k = token_keys(black_box(w));
                    assert_eq!(k.translit.len(), n_keys);
                    k
                })
            },
        );
    }
    let full = "АХМЕТОВ Сапар Кайратович";
    g.bench_with_input(BenchmarkId::new("name_keys", full.len()), full, |b, n| {
        b.iter(|| {
            let k = name_keys(black_box(n));
            assert_eq!(k.parts.len(), 3);
            k
        })
    });
    let (a, other) = ("Muchtar Jerkinuly Schäkischew", "Mukhtar Dzhakishev");
    g.bench_with_input(
        BenchmarkId::new("compare", a.len() + other.len()),
        &(a, other),
        |b, (x, y)| {
            b.iter(|| {
                let m = compare(black_box(x), black_box(y)).expect("a match");
                assert_eq!(m.channel, Channel::Translit);
                m
            })
        },
    );
    // Two people: every rule is tried and none decides, the path a ranking
    // over many candidates takes most often.
    let (a, other) = ("Muchtar Jerkinuly Schäkischew", "Mukhtar Ablyazov");
    g.bench_with_input(
        BenchmarkId::new("compare/different", a.len() + other.len()),
        &(a, other),
        |b, (x, y)| {
            b.iter(|| {
                let m = compare(black_box(x), black_box(y));
                assert!(m.is_none());
                m
            })
        },
    );
    g.finish();
}

criterion_group!(benches, names);
criterion_main!(benches);
