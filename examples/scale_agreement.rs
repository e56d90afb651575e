// # How far Quickwit ranks like whereas
//
// `whereas::scale` writes Quickwit request bodies; this runs them on a tantivy index
// built from the export as `docs/scale/quickwit-index.yaml` declares it (Quickwit is
// tantivy underneath: `tests/support/quickwit_sim.rs`), and compares the top 10 with
// whereas's own search on the same units: the dev name variants over one unit per
// person and over the realistic corpus, and prose queries over the three corpus texts.
// The figures are defined in `tests/support/agreement.rs`; `docs/scaling.md` quotes
// them.
//
//     cargo run --release --example scale_agreement
//
// Needs the shared data (`../shared`, or `$WHEREAS_SHARED`); prints SKIPPED without it.

#[path = "../tests/support/mod.rs"]
mod support;

use support::{agreement, eval};

fn main() {
    if let Some((rows, distractors)) = agreement::dev_rows() {
        let dev = agreement::names(&eval::corpus(&rows, &distractors));
        agreement::print("dev name queries, one unit per person", &dev);
        let realistic = agreement::names(&eval::realistic::corpus(&rows, &distractors));
        agreement::print("dev name queries, realistic corpus", &realistic);
    }
    if let Some(prose) = agreement::prose() {
        agreement::print("prose and mixed queries, three corpus texts", &prose);
    }
}
