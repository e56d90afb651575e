//! The fuzzy channel without an index: every key the name analysis calls close to a
//! query word's translit key, spelled out.
//!
//! whereas streams an index's keys through a Levenshtein automaton and rescores each
//! with the confusable-aware [`fuzzy_distance`]; an engine query cannot call that
//! distance, so the candidates are enumerated here instead: every string one plain
//! edit (a deletion, an insertion, a substitution or a swap of neighbours) from the
//! key over the key alphabet, and, where the key is long enough to allow two, one
//! more cheap edit from each candidate that cost 0.5; each kept when
//! [`fuzzy_distance`] accepts it. What the index does not hold matches nothing, so the
//! engine ends up with the candidates whereas would have found (without whereas's cap
//! of 32 per word).

use std::collections::BTreeMap;

use crate::analysis::name::{fuzzy_distance, fuzzy_max_edits};

/// The symbols of translit keys: Latin letters, `y`, `w` and `q` excepted (the key
/// alphabet writes them `i`, `v` and `k`; see `analysis/name/key.rs`).
const ALPHABET: &str = "abcdefghijklmnoprstuvxz";

/// Keys within the fuzzy rule of one of `keys` (never one of `keys`), with their
/// weighted distance (the smallest over `keys`), closest first, then in key order.
pub(super) fn candidates(keys: &[String]) -> Vec<(String, f32)> {
    let mut best: BTreeMap<String, f32> = BTreeMap::new();
    for key in keys {
        let edits = fuzzy_max_edits(key.chars().count());
        if edits == 0 {
            continue;
        }
        let keep = |candidate: String, best: &mut BTreeMap<String, f32>| -> Option<f32> {
            if keys.contains(&candidate) {
                return None;
            }
            let d = fuzzy_distance(key, &candidate)?;
            let entry = best.entry(candidate).or_insert(d);
            *entry = entry.min(d);
            Some(d)
        };
        let mut cheap = Vec::new();
        for candidate in one_edit(key) {
            if let Some(d) = keep(candidate.clone(), &mut best) {
                if d <= 0.5 {
                    cheap.push(candidate);
                }
            }
        }
        if edits >= 2 {
            // Two edits fit the bound only when both cost 0.5: expand the cheap ones.
            for first in cheap {
                for candidate in one_edit(&first) {
                    keep(candidate, &mut best);
                }
            }
        }
    }
    let mut out: Vec<(String, f32)> = best.into_iter().collect();
    out.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// Every string one plain edit from `key` over [`ALPHABET`] (with repeats).
fn one_edit(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let mut out = Vec::new();
    let build = |parts: &[&[char]]| parts.iter().flat_map(|p| p.iter()).collect::<String>();
    for i in 0..chars.len() {
        out.push(build(&[&chars[..i], &chars[i + 1..]]));
        for c in ALPHABET.chars().filter(|&c| c != chars[i]) {
            out.push(build(&[&chars[..i], &[c], &chars[i + 1..]]));
        }
        if i + 1 < chars.len() && chars[i] != chars[i + 1] {
            out.push(build(&[&chars[..i], &[chars[i + 1], chars[i]], &chars[i + 2..]]));
        }
    }
    for i in 0..=chars.len() {
        for c in ALPHABET.chars() {
            out.push(build(&[&chars[..i], &[c], &chars[i..]]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(key: &str) -> Vec<String> {
        candidates(&[key.to_string()])
            .into_iter()
            .map(|(k, _)| k)
            .collect()
    }

    #[test]
    fn confusable_neighbours_are_in_and_other_edits_out() {
        // ж/ш, a cheap confusion: in. An inserted `r` in a six-symbol key: out.
        assert!(near("jakixev").contains(&"xakixev".to_string()));
        assert!(!near("tokaev").iter().any(|k| k == "tokarev"));
        // A different first letter: another person.
        assert!(!near("nasarbaev").iter().any(|k| k == "basarbaev"));
        // Short keys have no fuzzy neighbours.
        assert!(near("ali").is_empty());
    }

    #[test]
    fn long_keys_reach_two_cheap_edits() {
        // Two glide insertions (0.5 each) in a nine-symbol key.
        let got = near("jumagulov");
        assert!(got.contains(&"jumagiulov".to_string()), "{}", got.len());
        assert!(got.iter().any(|k| k == "jiumagiulov"));
        assert!(!got.contains(&"jumagulov".to_string()));
        let ds: Vec<f32> = candidates(&["jumagulov".to_string()])
            .iter()
            .map(|c| c.1)
            .collect();
        assert!(ds.windows(2).all(|w| w[0] <= w[1]), "closest first");
    }
}
