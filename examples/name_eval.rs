// # Name-search evaluation: whereas against baselines
//
// Ranked retrieval of one unit per person: every variant of a names file is a query,
// the people of a distractors file are look-alikes in the same corpus. whereas (the
// real index; the headline row looks each variant up with `SearchRequest::name`, as a
// user would, the next row sends it as a plain `SearchRequest::new` query) and three
// baselines on the same units
// (tantivy's default tokenizer, FuzzyTermQuery distance 2, Beider-Morse) are scored
// in the same run: recall@1, recall@10, MRR@10 and non-relevant units in the top 10.
// The protocol is in `tests/support/eval/mod.rs`, shared with `tests/name/eval.rs`.
//
//     cargo run --release --example name_eval
//     cargo run --release --example name_eval -- --names FILE --distractors FILE [--misses]
//
// The default files are the dev set in `../shared/dev` (or `$WHEREAS_SHARED/dev`).
// After the one-unit-per-person table it prints the realistic corpus
// (`tests/support/eval/realistic.rs`): its tune part, its held-out part, and the
// one-word family-name queries several people share, for both request kinds and the
// baselines.

#[path = "../tests/support/eval/mod.rs"]
mod eval;

use std::path::PathBuf;
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: name_eval [--names FILE] [--distractors FILE] [--misses]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let shared = std::env::var_os("WHEREAS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let mut names = shared.join("dev/names_dev.tsv");
    let mut distractors = shared.join("dev/distractors_dev.tsv");
    let mut all_misses = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--names" => match args.next() {
                Some(p) => names = PathBuf::from(p),
                None => return usage(),
            },
            "--distractors" => match args.next() {
                Some(p) => distractors = PathBuf::from(p),
                None => return usage(),
            },
            "--misses" => all_misses = true,
            _ => return usage(),
        }
    }
    let loaded = eval::read_tsv(&names).and_then(|n| Ok((n, eval::read_tsv(&distractors)?)));
    let (names_rows, distractor_rows) = match loaded {
        Ok(x) => x,
        Err(e) => {
            eprintln!("name_eval: {e}");
            return ExitCode::FAILURE;
        }
    };
    let corpus = eval::corpus(&names_rows, &distractor_rows);
    let evaluation = match eval::run(&corpus) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("name_eval: {e}");
            return ExitCode::FAILURE;
        }
    };

    println!(
        "names: {}\ndistractors: {}\n{} units (one per person), {} queries; \
         MRR and recall cut off at {}, ties ranked pessimistically\n",
        names.display(),
        distractors.display(),
        evaluation.units,
        corpus.queries.len(),
        eval::CUTOFF
    );
    print!("{}", eval::table(&evaluation));
    println!();
    print!("{}", eval::script_table(&evaluation));
    for (method, reason) in &evaluation.skipped {
        println!("\nSKIPPED {method}: {reason}");
    }
    let reports = if all_misses {
        &evaluation.reports[..]
    } else {
        &evaluation.reports[..1]
    };
    for r in reports {
        println!("\n{}: queries not ranked first", r.method);
        print!("{}", eval::misses(&corpus, r));
    }
    // reports[1] is the plain query (no cutoff): where its other people sit.
    println!(
        "\n{}: non-relevant units a relative score floor would keep",
        evaluation.reports[1].method
    );
    print!(
        "{}",
        eval::floor_study(&evaluation.reports[1], &[0.0, 0.3, 0.4, 0.5, 0.6, 0.7])
    );
    // The realistic corpus: the same people written as real text writes them
    // (possessives, "SURNAME Given", titles, cities, several per unit).
    let realistic = eval::realistic::corpus(&names_rows, &distractor_rows);
    println!(
        "\n## Realistic corpus: {} units, people written in possessive, \"SURNAME Given\", \
         after a title, beside a city, several per unit",
        realistic.docs.len()
    );
    for (title, part) in [
        (
            "tune part (queries of people not held out)",
            eval::realistic::part(&realistic, false),
        ),
        (
            "held-out part (one person in three, by a hash of the id; never tuned on)",
            eval::realistic::part(&realistic, true),
        ),
        (
            "one-word family-name queries, each family name borne by two people (any bearer is right)",
            eval::realistic::family_queries(&eval::realistic::with_relatives(
                &realistic,
                &names_rows,
                &distractor_rows,
            )),
        ),
    ] {
        let evaluation = match eval::run(&part) {
            Ok(e) => e,
            Err(e) => {
                eprintln!("name_eval: {e}");
                return ExitCode::FAILURE;
            }
        };
        println!("\n### {title}: {} queries\n", part.queries.len());
        print!("{}", eval::table(&evaluation));
        for r in &evaluation.reports[..2] {
            if r.misses().next().is_some() {
                println!("\n{}: queries not ranked first", r.method);
                print!("{}", eval::misses(&part, r));
            }
        }
    }
    ExitCode::SUCCESS
}
