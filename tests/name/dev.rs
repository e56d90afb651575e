//! Ranked-retrieval evaluation of the name analysis on the dev set, through the
//! pure API only (no index): one document per dev entity (its canonical name)
//! and one per distractor spelling; every dev variant is a query.
//!
//! Prints a table (recall@1, recall@10, MRR, non-relevant hits in the top 10)
//! for `compare`, for key-only retrieval (shared translit keys: what the index
//! relies on), and for simple baselines; asserts recall@1 ≥ 0.97, MRR ≥ 0.98.
//! Ties count against the method (see `support::names_common::evaluate`).
//! Skipped, with a message, when `../shared` is absent (a failure under `CI=true`).

use crate::support;
use crate::support::eval::rows;
use crate::support::names_common;

use names_common::{corpus, evaluate, table_header, table_line, Doc};
use rows::{parse_tsv, Row};
use whereas::name::{compare_keys, name_keys, rank, token_keys, NameKeys};

fn load() -> Option<(Vec<Doc>, Vec<Row>)> {
    let names = parse_tsv("names_dev.tsv", &support::shared_text("dev/names_dev.tsv")?)
        .expect("names_dev.tsv parses");
    let distractors = parse_tsv(
        "distractors_dev.tsv",
        &support::shared_text("dev/distractors_dev.tsv")?,
    )
    .expect("distractors_dev.tsv parses");
    assert!(names.len() > 50, "names_dev.tsv looks truncated");
    Some(corpus(&names, &distractors))
}

fn words(s: &str) -> Vec<String> {
    name_keys(s)
        .parts
        .into_iter()
        .map(|p| p.keys.exact)
        .collect()
}

fn folded_words(s: &str) -> Vec<String> {
    name_keys(s)
        .parts
        .into_iter()
        .map(|p| p.keys.folded)
        .collect()
}

fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// A baseline ranker: score = number of query words that some doc word
/// accepts under `accept`.
fn word_overlap(
    docs: &[Doc],
    split: fn(&str) -> Vec<String>,
    accept: fn(&str, &str) -> bool,
) -> impl FnMut(&str) -> Vec<(usize, f32)> + '_ {
    let doc_words: Vec<Vec<String>> = docs.iter().map(|d| split(&d.name)).collect();
    move |q| {
        let qw = split(q);
        doc_words
            .iter()
            .enumerate()
            .filter_map(|(i, dw)| {
                let n = qw
                    .iter()
                    .filter(|w| dw.iter().any(|d| accept(w, d)))
                    .count();
                (n > 0).then_some((i, n as f32))
            })
            .collect()
    }
}

#[test]
fn dev_set_ranked_retrieval() {
    let Some((docs, queries)) = load() else {
        return;
    };
    let doc_keys: Vec<NameKeys> = docs.iter().map(|d| name_keys(&d.name)).collect();

    let mut misses = Vec::new();
    let verbose = std::env::var_os("WHEREAS_EVAL_VERBOSE").is_some();
    let ours = evaluate(
        &docs,
        &queries,
        |q| {
            let qk = name_keys(q);
            let hits: Vec<(usize, f32)> = doc_keys
                .iter()
                .enumerate()
                .filter_map(|(i, dk)| compare_keys(&qk, dk).map(|m| (i, m.score)))
                .collect();
            if verbose {
                for (i, s) in &hits {
                    let m = compare_keys(&qk, &doc_keys[*i]);
                    println!(
                        "hit: {q} → {} {s:.2} {:?}",
                        docs[*i].name,
                        m.map(|m| m.channel)
                    );
                }
            }
            hits
        },
        |q, hits| {
            let top = hits
                .first()
                .map(|(d, s)| format!("{} ({s:.2})", docs[*d].name));
            misses.push(format!("{} [{}] → {:?}", q.variant, q.entity_id, top));
        },
    );

    let ranked = evaluate(
        &docs,
        &queries,
        |q| {
            rank(&name_keys(q), &doc_keys)
                .into_iter()
                .map(|(i, m)| (i, m.score))
                .collect()
        },
        |_, _| {},
    );

    // Key-only: a doc is a hit when a query word shares a translit key with
    // one of its words; score = how many query words do.
    let key_only = evaluate(
        &docs,
        &queries,
        |q| {
            let qk = name_keys(q);
            doc_keys
                .iter()
                .enumerate()
                .filter_map(|(i, dk)| {
                    let n = qk
                        .keys()
                        .filter(|a| {
                            dk.keys()
                                .any(|b| a.translit.iter().any(|k| b.translit.contains(k)))
                        })
                        .count();
                    (n > 0).then_some((i, n as f32))
                })
                .collect()
        },
        |_, _| {},
    );

    let key_or_related = evaluate(
        &docs,
        &queries,
        |q| {
            let qk = name_keys(q);
            doc_keys
                .iter()
                .enumerate()
                .filter_map(|(i, dk)| {
                    let n: f32 = qk
                        .keys()
                        .filter_map(|a| {
                            let t = dk
                                .keys()
                                .any(|b| a.translit.iter().any(|k| b.translit.contains(k)));
                            let r = dk
                                .keys()
                                .any(|b| a.related.iter().any(|k| b.related.contains(k)));
                            if t {
                                Some(1.0)
                            } else if r {
                                Some(0.5)
                            } else {
                                None
                            }
                        })
                        .sum();
                    (n > 0.0).then_some((i, n))
                })
                .collect()
        },
        |_, _| {},
    );
    let exact = evaluate(
        &docs,
        &queries,
        word_overlap(&docs, words, |a, b| a == b),
        |_, _| {},
    );
    let folded = evaluate(
        &docs,
        &queries,
        word_overlap(&docs, folded_words, |a, b| a == b),
        |_, _| {},
    );
    let lev1 = evaluate(
        &docs,
        &queries,
        word_overlap(&docs, folded_words, |a, b| levenshtein(a, b) <= 1),
        |_, _| {},
    );
    let lev2 = evaluate(
        &docs,
        &queries,
        word_overlap(&docs, folded_words, |a, b| levenshtein(a, b) <= 2),
        |_, _| {},
    );

    // Does each variant share a translit key with its canonical name?
    let shares = queries
        .iter()
        .filter(|q| {
            let c = name_keys(&q.canonical);
            name_keys(&q.variant).keys().any(|a| {
                c.keys()
                    .any(|b| a.translit.iter().any(|k| b.translit.contains(k)))
            })
        })
        .count();
    for q in &queries {
        let c = name_keys(&q.canonical);
        let v = name_keys(&q.variant);
        if !v.keys().any(|a| {
            c.keys()
                .any(|b| a.translit.iter().any(|k| b.translit.contains(k)))
        }) {
            let rel = v.keys().any(|a| {
                c.keys()
                    .any(|b| a.related.iter().any(|k| b.related.contains(k)))
            });
            println!(
                "no shared translit key: {} / {} (related: {rel})",
                q.variant, q.canonical
            );
        }
    }
    let surname_shares = queries
        .iter()
        .filter(|q| {
            let c = name_keys(&q.canonical);
            let Some(surname) = c
                .parts
                .iter()
                .find(|p| p.role == whereas::name::Role::Surname)
            else {
                return false;
            };
            name_keys(&q.variant)
                .keys()
                .any(|a| a.translit.iter().any(|k| surname.keys.translit.contains(k)))
        })
        .count();

    println!(
        "dev set: {} queries, {} documents ({} distractor spellings)\n{}",
        queries.len(),
        docs.len(),
        docs.len()
            - queries
                .iter()
                .map(|q| &q.entity_id)
                .collect::<std::collections::BTreeSet<_>>()
                .len(),
        table_header()
    );
    for (name, m) in [
        ("compare (all channels)", &ours),
        ("rank (compare + cutoff)", &ranked),
        ("key-only (shared translit)", &key_only),
        ("key-only (translit|related)", &key_or_related),
        ("baseline: exact words", &exact),
        ("baseline: folded words", &folded),
        ("baseline: folded lev<=1", &lev1),
        ("baseline: folded lev<=2", &lev2),
    ] {
        println!("{}", table_line(name, m));
    }
    println!(
        "variants sharing a translit key with their canonical name: {shares}/{} ({:.3}); \
         with its surname: {surname_shares}/{}",
        queries.len(),
        shares as f64 / queries.len() as f64,
        queries.len()
    );
    for m in &misses {
        println!("miss@1: {m}");
    }
    let _ = token_keys; // the per-word API is exercised through name_keys

    assert!(
        ranked.recall_at_1 >= 0.97,
        "rank: recall@1 {:.3} < 0.97",
        ranked.recall_at_1
    );
    assert!(ranked.mrr >= 0.98, "rank: MRR {:.3} < 0.98", ranked.mrr);
    // `compare` decides (issue 15): a candidate whose given name contradicts the
    // query's is not returned at all, so the variants that are pseudonyms or short
    // forms no table knows (Dimash / Dinmukhamed, Abai / Ibrahim) are misses here,
    // while `rank` still orders them first.
    assert!(
        ours.recall_at_1 >= 0.93,
        "compare: recall@1 {:.3} < 0.93",
        ours.recall_at_1
    );
    for (name, b) in [
        ("exact", &exact),
        ("folded", &folded),
        ("lev1", &lev1),
        ("lev2", &lev2),
    ] {
        assert!(
            ranked.nonrel_top10 < b.nonrel_top10,
            "rank: {} non-relevant hits in the top 10, the {name} baseline {}",
            ranked.nonrel_top10,
            b.nonrel_top10
        );
    }
}
