//! Name-search evaluation of issue 4 on the dev set, through the real index, side by
//! side with baselines on the same corpus (see `tests/eval/mod.rs` for the protocol).
//!
//! Prints the table and asserts: whereas recall@1 ≥ 0.97, MRR@10 ≥ 0.98, and fewer
//! non-relevant units in the top 10 than every baseline that ran. Skipped, with a
//! message, when `../shared` is absent. The same run, on any set of the same shape:
//! `cargo run --release --example name_eval -- --names FILE --distractors FILE`.

mod common;
mod eval;

use eval::{
    corpus, floor_study, misses, nonrelevant, parse_tsv, run, script_table, table, WHEREAS,
};

#[test]
fn dev_set_whereas_against_baselines() {
    let (Some(names), Some(distractors)) = (
        common::shared_text("dev/names_dev.tsv"),
        common::shared_text("dev/distractors_dev.tsv"),
    ) else {
        return;
    };
    let names = parse_tsv("names_dev.tsv", &names).unwrap();
    let distractors = parse_tsv("distractors_dev.tsv", &distractors).unwrap();
    assert!(names.len() >= 50, "names_dev.tsv looks truncated");
    let corpus = corpus(&names, &distractors);
    let eval = run(&corpus).unwrap();

    println!("{} units, {} queries", eval.units, corpus.queries.len());
    println!("{}", table(&eval));
    println!("{}", script_table(&eval));
    let ours = &eval.reports[0];
    assert_eq!(ours.method, WHEREAS);
    println!("whereas, not ranked first:\n{}", misses(&corpus, ours));
    println!(
        "whereas, non-relevant units in the top 10:\n{}",
        nonrelevant(&corpus, ours)
    );
    println!("{}", floor_study(ours, &[0.0, 0.3, 0.5, 0.7]));
    for (method, reason) in &eval.skipped {
        println!("SKIPPED baseline {method}: {reason}");
    }

    let m = ours.overall;
    assert_eq!(m.queries, names.len());
    assert!(
        m.recall_at_1 >= 0.97,
        "whereas recall@1 {:.3} < 0.97",
        m.recall_at_1
    );
    assert!(m.mrr >= 0.98, "whereas MRR@10 {:.3} < 0.98", m.mrr);
    assert!(
        eval.reports.len() >= 3,
        "the default and fuzzy baselines always run"
    );
    for r in &eval.reports[1..] {
        assert!(
            m.nonrel_top10 < r.overall.nonrel_top10,
            "whereas has {} non-relevant units in the top 10, {} has {}",
            m.nonrel_top10,
            r.method,
            r.overall.nonrel_top10
        );
    }
}
