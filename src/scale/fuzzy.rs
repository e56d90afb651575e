//! The fuzzy channel without an index: every key the name analysis calls close to a
//! query word's translit key, spelled out.
//!
//! whereas streams an index's keys through a Levenshtein automaton and rescores each
//! with the confusable-aware [`fuzzy_distance`]; an engine query cannot call that
//! distance, so the candidates are enumerated here instead: every string one plain
//! edit (a deletion, an insertion, a substitution or a swap of neighbours) from the
//! key over the key alphabet that the weighted distance can accept, and, where the
//! key is long enough to allow two, one more edit of 0.5 from each candidate that cost
//! 0.5; each kept when
//! [`fuzzy_distance`] accepts it. What the index does not hold matches nothing, so the
//! engine ends up with the candidates whereas would have found (without whereas's cap
//! of 32 per word).

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use crate::analysis::name::{fuzzy_distance, fuzzy_max_edits, indel_cost, sub_cost, TRANSPOSE};

/// The symbols of translit keys: Latin letters, `y`, `w` and `q` excepted (the key
/// alphabet writes them `i`, `v` and `k`; see `analysis/name/key.rs`).
const ALPHABET: &str = "abcdefghijklmnoprstuvxz";

/// Most keys whose candidates [`candidates`] remembers per thread before it starts
/// afresh.
const CACHE_KEYS: usize = 1 << 10;

/// Candidate keys with their weighted distance.
type Candidates = Vec<(String, f32)>;

thread_local! {
    /// Candidates per key: the same query words come back, and a nine-symbol key has
    /// about six hundred candidates to weigh.
    static CACHE: RefCell<HashMap<String, Rc<Candidates>>> = RefCell::new(HashMap::new());
}

/// Keys within the fuzzy rule of one of `keys` (never one of `keys`), with their
/// weighted distance (the smallest over `keys`), closest first, then in key order.
pub(super) fn candidates(keys: &[String]) -> Vec<(String, f32)> {
    let mut best: BTreeMap<String, f32> = BTreeMap::new();
    for key in keys {
        for (candidate, d) in of_key(key).iter() {
            if !keys.contains(candidate) {
                let entry = best.entry(candidate.clone()).or_insert(*d);
                *entry = entry.min(*d);
            }
        }
    }
    let mut out: Vec<(String, f32)> = best.into_iter().collect();
    out.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// The candidates of one key, remembered.
fn of_key(key: &str) -> Rc<Candidates> {
    if let Some(found) = CACHE.with(|c| c.borrow().get(key).cloned()) {
        return found;
    }
    let found = Rc::new(enumerate(key));
    CACHE.with(|c| {
        let mut cache = c.borrow_mut();
        if cache.len() >= CACHE_KEYS {
            cache.clear();
        }
        cache.insert(key.to_string(), Rc::clone(&found));
    });
    found
}

/// Every key within the fuzzy rule of `key` (not `key` itself), with its distance.
fn enumerate(key: &str) -> Vec<(String, f32)> {
    let edits = fuzzy_max_edits(key.chars().count());
    if edits == 0 {
        return Vec::new();
    }
    let mut best: Vec<(String, f32)> = Vec::new();
    let mut seen = HashSet::new();
    let mut keep = |candidate: String, best: &mut Vec<(String, f32)>| -> Option<f32> {
        if candidate == key || !seen.insert(candidate.clone()) {
            return None;
        }
        let d = fuzzy_distance(key, &candidate)?;
        best.push((candidate, d));
        Some(d)
    };
    // One edit within the bound (every weighted edit costs at least 0.5, a change to
    // the first symbol more), then, where two fit, a second one of 0.5 after each
    // first one of 0.5.
    let bound = if edits >= 2 { 1.0 } else { 0.7 };
    let mut cheap = Vec::new();
    for candidate in one_edit(key, bound) {
        if let Some(d) = keep(candidate.clone(), &mut best) {
            if d <= 0.5 {
                cheap.push(candidate);
            }
        }
    }
    if edits >= 2 {
        for first in cheap {
            for candidate in one_edit(&first, 0.5) {
                keep(candidate, &mut best);
            }
        }
    }
    best
}

/// Every string one edit from `key` over [`ALPHABET`] whose weighted cost (as the
/// key distance weighs it, the first-symbol penalty aside) is at most `max_cost`,
/// with repeats.
fn one_edit(key: &str, max_cost: f32) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let mut out = Vec::new();
    let build = |parts: &[&[char]]| parts.iter().flat_map(|p| p.iter()).collect::<String>();
    for i in 0..chars.len() {
        if indel_cost(chars[i]) <= max_cost {
            out.push(build(&[&chars[..i], &chars[i + 1..]]));
        }
        for c in ALPHABET
            .chars()
            .filter(|&c| sub_cost(chars[i], c) <= max_cost)
        {
            if c != chars[i] {
                out.push(build(&[&chars[..i], &[c], &chars[i + 1..]]));
            }
        }
        if TRANSPOSE <= max_cost && i + 1 < chars.len() && chars[i] != chars[i + 1] {
            out.push(build(&[
                &chars[..i],
                &[chars[i + 1], chars[i]],
                &chars[i + 2..],
            ]));
        }
    }
    for i in 0..=chars.len() {
        for c in ALPHABET.chars().filter(|&c| indel_cost(c) <= max_cost) {
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
