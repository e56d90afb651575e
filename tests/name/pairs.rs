//! `compare` on the labelled pair set (`tests/data/names/pairs/`): precision and
//! recall per script family on the dev and held-out parts, against the floors the
//! current rules reach and against Jaro-Winkler. `cargo run --example pair_eval`
//! prints the whole table (with Beider-Morse and name search).

use crate::pair_set::{score, search_recall_at_1, PairSet, FAMILIES};

fn decide(a: &str, b: &str) -> bool {
    whereas::name::compare(a, b).is_some()
}

#[test]
fn compare_on_the_pair_set() {
    let set = PairSet::load().expect("tests/data/names/pairs is part of the repository");
    let pairs = set.pairs();
    assert!(pairs.iter().any(|p| p.same) && pairs.iter().any(|p| !p.same));
    for part in ["dev", "heldout"] {
        let ours = score(&pairs, part, false, decide);
        for family in FAMILIES {
            let m = ours[*family];
            println!(
                "{part} {family}: P {:.2} R {:.2} F1 {:.2}",
                m.precision(),
                m.recall(),
                m.f1()
            );
            // Floors (issue 15 asks 0.95 / 0.95; see docs/name-eval.md for where
            // the rules fall short).
            assert!(
                m.precision() >= 0.88,
                "help: {part} {family}: precision {:.3}",
                m.precision()
            );
            assert!(
                m.recall() >= 0.50,
                "help: {part} {family}: recall {:.3}",
                m.recall()
            );
        }
        let all = ours["all"];
        assert!(
            all.precision() >= 0.96,
            "help: {part}: precision {:.3}",
            all.precision()
        );
        assert!(
            all.recall() >= 0.70,
            "help: {part}: recall {:.3}",
            all.recall()
        );
        // Jaro-Winkler at its best dev threshold does worse.
        let jw = |t: f64| {
            move |a: &str, b: &str| strsim::jaro_winkler(&a.to_lowercase(), &b.to_lowercase()) >= t
        };
        let best = (50..=99)
            .map(|t| t as f64 / 100.0)
            .max_by(|x, y| {
                let fx = score(&pairs, "dev", false, jw(*x))["all"].f1();
                let fy = score(&pairs, "dev", false, jw(*y))["all"].f1();
                fx.total_cmp(&fy)
            })
            .unwrap_or(0.9);
        let base = score(&pairs, part, false, jw(best))["all"];
        assert!(
            all.f1() > base.f1(),
            "help: {part}: compare F1 {:.3} ≤ Jaro-Winkler {:.3}",
            all.f1(),
            base.f1()
        );
    }
}

/// Name-search recall@1 per family over units built from the pair set (what
/// `cargo run --example pair_eval` prints), against floors a little under what the
/// keys across scripts reach (issue 15 asks 0.95; docs/name-eval.md says where the
/// search falls short). Before those keys, held-out arabic_persian and chinese were
/// 0.46 and 0.45.
#[test]
fn name_search_on_the_pair_set() {
    let set = PairSet::load().expect("tests/data/names/pairs is part of the repository");
    let floors = [
        ("slavic", 0.80),
        ("turkic", 0.90),
        ("caucasus", 0.82),
        ("arabic_persian", 0.62),
        ("chinese", 0.62),
        ("all", 0.75),
    ];
    for part in ["dev", "heldout"] {
        let (got, _) = search_recall_at_1(&set, part).expect("the index builds");
        for (family, floor) in floors {
            let (hits, queries) = got.get(family).copied().unwrap_or_default();
            assert!(queries > 0, "help: {part} {family}: no queries");
            let r = hits as f64 / queries as f64;
            println!("{part} {family}: search recall@1 {r:.2} ({hits}/{queries})");
            assert!(
                r >= floor,
                "help: {part} {family}: search recall@1 {r:.3} < {floor}"
            );
        }
    }
}
