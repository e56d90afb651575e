//! Helpers shared by the `query` and `index` benches: corpus size from the
//! environment, and the plain tantivy baseline index.
//!
//! Each bench uses a part of this module.
#![allow(dead_code)]

use std::time::Instant;

use tantivy::schema::{Field, Schema, STORED, TEXT};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{doc, Index, IndexWriter, TantivyDocument};

/// The seed every bench corpus is generated from (`generate --seed 42`).
pub const SEED: u64 = 42;

/// The plain index's writer: one indexing thread and 50 MB, as
/// `whereas::Index::writer` uses, so both sides get the same resources.
pub const WRITER_THREADS: usize = 1;
/// See [`WRITER_THREADS`].
pub const WRITER_BUDGET: usize = 50_000_000;

/// A number from the environment, or `default` when unset or not a number.
pub fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// The query corpus size: `WHEREAS_BENCH_UNITS`, default 100 000.
pub fn bench_units() -> usize {
    env_usize("WHEREAS_BENCH_UNITS", 100_000)
}

/// A plain tantivy index: one document per unit, its text in one `TEXT | STORED`
/// field with tantivy's default tokenizer (split on non-alphanumerics, drop tokens
/// over 40 bytes, lower-case).
pub struct PlainIndex {
    pub index: Index,
    pub text: Field,
}

pub fn plain_schema() -> (Schema, Field) {
    let mut builder = Schema::builder();
    let text = builder.add_text_field("text", TEXT | STORED);
    (builder.build(), text)
}

/// Adds one document per unit text and commits.
pub fn fill_plain<'a>(
    index: &Index,
    text: Field,
    units: impl IntoIterator<Item = &'a str>,
) -> tantivy::Result<()> {
    fill_plain_with(index, text, units, WRITER_THREADS)
}

/// [`fill_plain`] with `threads` indexing threads sharing [`WRITER_BUDGET`].
pub fn fill_plain_with<'a>(
    index: &Index,
    text: Field,
    units: impl IntoIterator<Item = &'a str>,
    threads: usize,
) -> tantivy::Result<()> {
    let mut writer: IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(threads, WRITER_BUDGET)?;
    for unit in units {
        writer.add_document(doc!(text => unit))?;
    }
    writer.commit()?;
    Ok(())
}

/// Builds a plain index in RAM, or in `dir` when given.
pub fn build_plain<'a>(
    dir: Option<&std::path::Path>,
    units: impl IntoIterator<Item = &'a str>,
) -> tantivy::Result<PlainIndex> {
    let (schema, text) = plain_schema();
    let index = match dir {
        Some(dir) => Index::create_in_dir(dir, schema)?,
        None => Index::create_in_ram(schema),
    };
    fill_plain(&index, text, units)?;
    Ok(PlainIndex { index, text })
}

/// tantivy's default analyzer, as the plain index uses it, for ground-truth counts.
pub fn default_tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// Optimal-string-alignment distance (Levenshtein plus adjacent transposition at
/// cost one), which is what `FuzzyTermQuery::new(term, d, true)` matches.
pub fn osa_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

/// Runs `f`, printing how long it took to stderr.
pub fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    eprintln!("{what}: {:.2?}", start.elapsed());
    out
}
