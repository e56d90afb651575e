// # Pair evaluation: does `compare` decide who is who?
//
// Reads the labelled pair set in `tests/data/names/pairs/` (attested spellings of
// people named in EP resolutions, look-alike people, a dev / held-out split by
// person), makes same-person and different-person pairs from it
// (`tests/name/pair_set.rs` says how) and prints, per script family, for the dev
// part, the held-out part and the extra dev people (`people_extra.tsv`, gathered
// after the split, reported apart so the dev rows stay comparable):
//
// - precision, recall and F1 of `whereas::compare(a, b).is_some()`;
// - the same for Jaro-Winkler (`strsim`, on lower-cased names) at the threshold
//   with the best F1 on dev (the held-out row uses the dev threshold);
// - the same for a Beider-Morse baseline (`rphonetic`, generic names, approximate
//   rules): same person when every word of the shorter name shares a BM token with
//   a word of the other;
// - recall@1 of `SearchRequest::name` over units built from the set: one unit per
//   person (and per look-alike) holding its first attested spelling, queried with
//   every other spelling of that person.
//
// Flagged forms (attested misspellings, birth names) are left out of the headline
// rows and counted on their own.
//
//     cargo run --release --example pair_eval
//     cargo run --release --example pair_eval -- --misses   # compare's errors and search misses on dev
//     cargo run --release --example pair_eval -- --swaps    # the swapped-names probe
//
// The swapped-names probe (`--swaps`) makes different-person names no one attested:
// each dev or extra person's first two-word Latin spelling (`Given Surname`) against
// the given name of another person of the same family with the first person's surname,
// and against the first person's given name with the other's surname. `compare`
// should say no to each; the probe counts its matches per family. Some are no error
// (another person's given name may be a spelling of the same name: Mohammed /
// Mohammad, David / Davit), so the counts are an upper bound on false matches; held-out
// people are left out.

#[path = "../tests/support/eval/mod.rs"]
mod eval;
use eval as shared_eval;
#[path = "../tests/name/pair_set.rs"]
mod pair_set;

use std::collections::BTreeMap;
use std::process::ExitCode;

use pair_set::{score, Pair, PairSet, Prf, FAMILIES};

fn jw(a: &str, b: &str) -> f64 {
    strsim::jaro_winkler(&a.to_lowercase(), &b.to_lowercase())
}

fn row(name: &str, m: &BTreeMap<String, Prf>) -> String {
    let mut s = format!("| {name:<26} |");
    for f in FAMILIES.iter().copied().chain(["all"]) {
        match m.get(f) {
            Some(p) => {
                s += &format!(
                    " {:.2} / {:.2} / {:.2} |",
                    p.precision(),
                    p.recall(),
                    p.f1()
                )
            }
            None => s += " – |",
        }
    }
    s
}

fn header() -> String {
    let mut s = String::from("| method (P / R / F1)        |");
    for f in FAMILIES.iter().copied().chain(["all"]) {
        s += &format!(" {f} |");
    }
    s += "\n|---|";
    for _ in 0..=FAMILIES.len() {
        s += "---|";
    }
    s
}

fn bm_same(bm: &rphonetic::BeiderMorse<'_>, a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<Vec<String>> {
        eval::split_words(s)
            .into_iter()
            .map(|w| eval::bm_tokens(bm, w))
            .filter(|t| !t.is_empty())
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let (short, long) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    !short.is_empty()
        && short
            .iter()
            .all(|ts| long.iter().any(|us| ts.iter().any(|t| us.contains(t))))
}

fn main() -> ExitCode {
    let set = match PairSet::load() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("pair_eval: {e}");
            return ExitCode::FAILURE;
        }
    };
    let pairs: Vec<Pair> = set.pairs();
    let misses = std::env::args().any(|a| a == "--misses");
    if misses {
        for p in pairs.iter().filter(|p| p.part != "heldout" && !p.flagged) {
            let m = whereas::compare(&p.a, &p.b);
            if m.is_some() != p.same {
                let what = if p.same { "missed" } else { "false match" };
                let why = m.map(|m| m.to_string()).unwrap_or_default();
                println!(
                    "{what} [{}/{}/{}]: {} | {} {why}",
                    p.part, p.family, p.kind, p.a, p.b
                );
            }
        }
    }
    // Jaro-Winkler: the threshold with the best F1 on dev, over all families.
    let mut best = (0.0f64, 0.0f64);
    for t in (50..=99).map(|t| t as f64 / 100.0) {
        let f1 = score(&pairs, "dev", false, |a, b| jw(a, b) >= t)["all"].f1();
        if f1 > best.1 {
            best = (t, f1);
        }
    }
    if std::env::args().any(|a| a == "--swaps") {
        swapped_names(&set);
    }
    let bm_config = eval::bm_config();
    for part in ["dev", "heldout", "extra"] {
        let n_same = pairs
            .iter()
            .filter(|p| p.part == part && !p.flagged && p.same)
            .count();
        let n_diff = pairs
            .iter()
            .filter(|p| p.part == part && !p.flagged && !p.same)
            .count();
        println!("\n## {part}: {n_same} same-person pairs, {n_diff} different-person pairs\n");
        println!("{}", header());
        println!(
            "{}",
            row(
                "whereas::compare",
                &score(&pairs, part, false, |a, b| whereas::compare(a, b).is_some())
            )
        );
        println!(
            "{}",
            row(
                &format!("Jaro-Winkler ≥ {:.2}", best.0),
                &score(&pairs, part, false, |a, b| jw(a, b) >= best.0)
            )
        );
        match &bm_config {
            Ok(config) => {
                let bm = eval::bm_encoder(config);
                println!(
                    "{}",
                    row(
                        "Beider-Morse",
                        &score(&pairs, part, false, |a, b| bm_same(&bm, a, b))
                    )
                );
            }
            Err(e) => println!("(Beider-Morse skipped: {e})"),
        }
        println!(
            "{}",
            row(
                "compare, flagged forms",
                &score(&pairs, part, true, |a, b| whereas::compare(a, b).is_some())
            )
        );
        match pair_set::search_recall_at_1(&set, part) {
            Ok((r, missed)) => {
                let mut s = String::from("| name search recall@1       |");
                for f in FAMILIES.iter().copied().chain(["all"]) {
                    let (h, n) = r.get(f).copied().unwrap_or_default();
                    s += &format!(" {:.2} ({h}/{n}) |", h as f64 / n.max(1) as f64);
                }
                println!("{s}");
                if misses && part != "heldout" {
                    for (family, query, person, top) in missed {
                        println!("search miss [{family}]: {query} ({person}) → {top:?}");
                    }
                }
            }
            Err(e) => {
                eprintln!("pair_eval: index: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

/// The swapped-names probe (module docs): per family, how many made-up names of
/// another person `compare` matches, given name swapped and surname swapped.
fn swapped_names(set: &PairSet) {
    // Each dev or extra person's first Latin spelling of two words.
    let mut firsts: Vec<(&str, &str, &str)> = Vec::new();
    for (person, spellings) in set.by_person() {
        if set.part_of(&person) == "heldout" {
            continue;
        }
        let two_words = spellings.iter().find(|s| {
            s.script == "Latn" && s.text.split(' ').count() == 2 && !s.text.contains(',')
        });
        if let Some(s) = two_words {
            if let Some((given, surname)) = s.text.split_once(' ') {
                firsts.push((s.family.as_str(), given, surname));
            }
        }
    }
    println!("\n## swapped names: matches of made-up other people (dev and extra people)\n");
    println!("| swap | family | made-up names | matched |");
    println!("|---|---|---:|---:|");
    for (swap, given_swapped) in [("given name", true), ("surname", false)] {
        for family in FAMILIES {
            let (mut n, mut matched) = (0usize, 0usize);
            for (i, &(fa, ga, sa)) in firsts.iter().enumerate() {
                for (j, &(fb, gb, sb)) in firsts.iter().enumerate() {
                    if i == j || fa != *family || fb != *family {
                        continue;
                    }
                    let (same_part, made) = if given_swapped {
                        (ga.eq_ignore_ascii_case(gb), format!("{gb} {sa}"))
                    } else {
                        (sa.eq_ignore_ascii_case(sb), format!("{ga} {sb}"))
                    };
                    if same_part {
                        continue;
                    }
                    n += 1;
                    let original = format!("{ga} {sa}");
                    if whereas::compare(&original, &made).is_some() {
                        matched += 1;
                    }
                }
            }
            println!("| {swap} | {family} | {n} | {matched} |");
        }
    }
}
