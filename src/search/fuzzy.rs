//! The fuzzy channel in the index: a bounded, confusable-aware fallback for a query
//! word none of whose transliteration keys is indexed (a typo, a rare spelling).
//!
//! In: the word's translit keys. Out: a query over `name_translit` that matches the
//! indexed keys the name analysis itself calls close ([`crate::analysis::name::match_words`]'s
//! fuzzy rule), each scored by how close it is.
//!
//! Two passes, as name-matching systems do: a Levenshtein automaton (one or two plain
//! edits, transpositions counting one) streams candidate keys from each segment's
//! term dictionary; then each candidate is rescored with the weighted key distance,
//! which knows the confusable letter groups and charges more for a different first
//! letter, and kept only within its length bound. So `Tokayev` (`tokaev`) no longer
//! reaches `Tokarev` (an inserted `r`, a full edit, over the bound for six symbols),
//! `Nazarbayev` does not reach `Bazarbayev` (another first letter), and `Shakishev`
//! meets `Dzhakishev` (ш/ж, a cheap confusion) but not `Rakishev`.
//!
//! Scores: each accepted term is a BM25 term query boosted by [`boost`] of its
//! distance (0.45 at 0.5, 0.3 at 1.0, against 2.0 for a translit key and 0.8 for a
//! related one), so for the same indexed key a fuzzy match scores well below a
//! transliteration, and of two candidates equally frequent the closer scores higher.
//! The channel only runs when none of the word's translit keys is indexed.

use std::collections::BTreeMap;

use tantivy::query::FuzzyTermQuery;

use super::best::Clause;
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

use crate::analysis::name::{fuzzy_distance, fuzzy_max_edits};

/// Boost of a fuzzy match at distance 0 (never reached: distance 0 is the translit
/// channel); each unit of weighted distance takes half of it away.
pub(crate) const FUZZY_BOOST_MAX: f32 = 0.6;
/// Most candidate terms kept for one query word, closest first.
const MAX_TERMS: usize = 32;

/// The boost of a term accepted at weighted distance `d` (0.45 at 0.5, 0.3 at 1.0).
pub(crate) fn boost(d: f32) -> f32 {
    FUZZY_BOOST_MAX * (1.0 - d / 2.0)
}

/// Indexed keys of `field` close to one of `keys`, with their weighted distance
/// (the smallest over `keys`), closest first, at most [`MAX_TERMS`]. A segment whose
/// term dictionary cannot be read adds no candidates.
pub(crate) fn candidates(searcher: &Searcher, field: Field, keys: &[String]) -> Vec<(String, f32)> {
    let mut best: BTreeMap<String, f32> = BTreeMap::new();
    for key in keys {
        let edits = fuzzy_max_edits(key.chars().count());
        if edits == 0 {
            continue;
        }
        for_each_near(searcher, field, key, edits, |term| {
            if term == key {
                return;
            }
            if let Some(d) = fuzzy_distance(key, term) {
                let entry = best.entry(term.to_string()).or_insert(d);
                *entry = entry.min(d);
            }
        });
    }
    let mut out: Vec<(String, f32)> = best.into_iter().collect();
    out.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    out.truncate(MAX_TERMS);
    out
}

/// Indexed keys of `field` one edit or one swap of neighbours from one of `keys`
/// (not the keys themselves), at most [`MAX_TERMS`] in key order, whatever the
/// weighted distance says: the looser rule for a word beside other words of the same
/// name, which only counts where those words match too.
pub(crate) fn neighbours(searcher: &Searcher, field: Field, keys: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for key in keys {
        if key.chars().count() < 4 || key.contains('~') {
            continue;
        }
        for_each_near(searcher, field, key, 1, |term| {
            if !keys.iter().any(|k| k == term) && !out.iter().any(|t| t == term) {
                out.push(term.to_string());
            }
        });
    }
    out.sort();
    out.truncate(MAX_TERMS);
    out
}

/// Calls `f` with every indexed key of `field`, in every segment, at most `edits` plain
/// edits from `key` (a swap of neighbours is one edit). A segment whose term dictionary
/// cannot be read adds none.
fn for_each_near(searcher: &Searcher, field: Field, key: &str, edits: u8, mut f: impl FnMut(&str)) {
    let probe = FuzzyTermQuery::new(Term::from_field_text(field, key), edits, true);
    let Ok(automaton) = probe.automaton() else {
        return;
    };
    for reader in searcher.segment_readers() {
        let Ok(inverted) = reader.inverted_index(field) else {
            continue;
        };
        let Ok(mut stream) = inverted.terms().search(&automaton).into_stream() else {
            continue;
        };
        while stream.advance() {
            if let Ok(term) = std::str::from_utf8(stream.key()) {
                f(term);
            }
        }
    }
}

/// The fuzzy channel for one word: one BM25 term clause per candidate, boosted by
/// [`boost`] of its distance, for the word's best-of query.
pub(crate) fn clauses(field: Field, candidates: &[(String, f32)]) -> Vec<Clause> {
    candidates
        .iter()
        .map(|(term, d)| Clause::new(Term::from_field_text(field, term), boost(*d)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closer_is_higher_and_below_translit() {
        assert!(boost(0.5) > boost(0.7) && boost(0.7) > boost(1.0));
        assert!(boost(0.0) < 2.0);
        assert!(boost(1.0) > 0.0);
    }
}
