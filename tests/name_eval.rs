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
    WHEREAS_CUTOFF,
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
    let (ours, cut) = (&eval.reports[0], &eval.reports[1]);
    assert_eq!(ours.method, WHEREAS);
    assert!(cut.method.starts_with(WHEREAS_CUTOFF));
    println!("whereas, not ranked first:\n{}", misses(&corpus, ours));
    println!(
        "whereas, non-relevant units in the top 10:\n{}",
        nonrelevant(&corpus, ours)
    );
    println!(
        "{}, non-relevant units in the top 10:\n{}",
        cut.method,
        nonrelevant(&corpus, cut)
    );
    println!("{}", floor_study(ours, &[0.0, 0.3, 0.5, 0.6, 0.7]));
    for (method, reason) in &eval.skipped {
        println!("SKIPPED baseline {method}: {reason}");
    }

    for m in [&ours.overall, &cut.overall] {
        assert_eq!(m.queries, names.len());
    }
    // Ranking: the plain request and the name lookup both meet the bar.
    for r in [ours, cut] {
        let m = r.overall;
        assert!(
            m.recall_at_1 >= 0.97,
            "{}: recall@1 {:.3} < 0.97",
            r.method,
            m.recall_at_1
        );
        assert!(m.mrr >= 0.98, "{}: MRR@10 {:.3} < 0.98", r.method, m.mrr);
    }
    // Precision: the name lookup returns fewer other people than every baseline.
    let baselines: Vec<_> = eval
        .reports
        .iter()
        .filter(|r| !r.method.starts_with(WHEREAS))
        .collect();
    assert!(
        baselines.len() >= 2,
        "the default and fuzzy baselines always run"
    );
    for r in baselines {
        assert!(
            cut.overall.nonrel_top10 < r.overall.nonrel_top10,
            "{} has {} non-relevant units in the top 10, {} has {}",
            cut.method,
            cut.overall.nonrel_top10,
            r.method,
            r.overall.nonrel_top10
        );
    }
}
