//! `compare` on the labelled pair set (`tests/data/names/pairs/`): precision and
//! recall per script family on the dev, held-out and extra parts, against the floors the
//! current rules reach and against Jaro-Winkler. `cargo run --example pair_eval`
//! prints the whole table (with Beider-Morse and name search).

use crate::pair_set::{score, search_recall_at_1, PairSet, FAMILIES};

fn decide(a: &str, b: &str) -> bool {
    whereas::name::compare(a, b).is_some()
}

/// Floors per part and family, (precision, recall): the measured values of
/// `cargo run --release --example pair_eval`, cut to two decimals (issue 15 asks
/// 0.95 / 0.95; docs/name-eval.md says where the rules fall short and why).
const COMPARE_FLOORS: &[(&str, &str, f64, f64)] = &[
    ("dev", "slavic", 0.99, 0.99),
    ("dev", "turkic", 1.00, 1.00),
    ("dev", "caucasus", 1.00, 0.99),
    ("dev", "arabic_persian", 1.00, 0.86),
    ("dev", "chinese", 1.00, 0.79),
    ("dev", "all", 0.99, 0.93),
    ("heldout", "slavic", 0.98, 0.99),
    ("heldout", "turkic", 0.98, 0.93),
    ("heldout", "caucasus", 1.00, 0.93),
    ("heldout", "arabic_persian", 0.95, 0.84),
    ("heldout", "chinese", 1.00, 0.71),
    ("heldout", "all", 0.98, 0.90),
    ("extra", "slavic", 0.96, 0.94),
    ("extra", "turkic", 0.99, 0.92),
    ("extra", "caucasus", 1.00, 0.92),
    ("extra", "arabic_persian", 0.99, 0.90),
    ("extra", "chinese", 0.91, 0.58),
    ("extra", "all", 0.98, 0.88),
];

#[test]
fn compare_on_the_pair_set() {
    let set = PairSet::load().expect("tests/data/names/pairs is part of the repository");
    let pairs = set.pairs();
    assert!(pairs.iter().any(|p| p.same) && pairs.iter().any(|p| !p.same));
    for part in ["dev", "heldout", "extra"] {
        // Every family has its floors.
        for family in FAMILIES {
            assert!(
                COMPARE_FLOORS.iter().any(|f| f.0 == part && f.1 == *family),
                "help: no floor for {part} {family}"
            );
        }
        let ours = score(&pairs, part, false, decide);
        for &(_, family, p_floor, r_floor) in COMPARE_FLOORS.iter().filter(|f| f.0 == part) {
            let m = ours[family];
            println!(
                "{part} {family}: P {:.4} R {:.4} F1 {:.4}",
                m.precision(),
                m.recall(),
                m.f1()
            );
            assert!(
                m.precision() >= p_floor,
                "help: {part} {family}: precision {:.3} < {p_floor}",
                m.precision()
            );
            assert!(
                m.recall() >= r_floor,
                "help: {part} {family}: recall {:.3} < {r_floor}",
                m.recall()
            );
        }
        let all = ours["all"];
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

/// Name-search recall@1 per part and family over units built from the pair set
/// (what `cargo run --example pair_eval` prints), against floors at the measured
/// values cut to two decimals (issue 15 asks 0.95; docs/name-eval.md says where the
/// search falls short). Before the keys across scripts, held-out arabic_persian and
/// chinese were 0.46 and 0.45.
#[test]
fn name_search_on_the_pair_set() {
    let set = PairSet::load().expect("tests/data/names/pairs is part of the repository");
    // (family, dev floor, held-out floor, extra floor)
    let floors = [
        ("slavic", 0.98, 1.00, 0.97),
        ("turkic", 1.00, 0.96, 0.95),
        ("caucasus", 0.98, 1.00, 0.95),
        ("arabic_persian", 0.93, 0.87, 0.95),
        ("chinese", 0.81, 0.80, 0.69),
        ("all", 0.94, 0.93, 0.91),
    ];
    for part in ["dev", "heldout", "extra"] {
        let (got, _) = search_recall_at_1(&set, part).expect("the index builds");
        for (family, dev_floor, heldout_floor, extra_floor) in floors {
            let floor = match part {
                "dev" => dev_floor,
                "heldout" => heldout_floor,
                _ => extra_floor,
            };
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
