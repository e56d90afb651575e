//! Linking within a resolution: one person, one normalised form.
//!
//! Two full names are the same person when their family names share a key and their given
//! names are compatible: the same key, or one is an initial of the other. Keys come from
//! [`crate::analysis::name::token_keys`] (its transliteration keys) and from a small spelling fold of
//! our own (x → ks, dzh/zh → j, kh → h, w → v, y → i, doubled letters once), so "Max" and
//! "Maks" agree while "Aset" and "Asel" do not. A bare family name joins the only cluster
//! that has it; with two candidates ("Dulat Agadil", "Zhanbolat Agadil") it stays as written.
//!
//! Keys are computed once per distinct word ([`KeyMemo`], kept per thread from one
//! resolution to the next and cleared when it grows past [`MEMO_WORDS`]): the cluster
//! search compares every mention with every cluster, names recur across resolutions, and
//! transliteration keys are the costly part. Keys are a pure function of the word, so a
//! remembered answer is the answer.

use std::cell::RefCell;

use super::gazetteer::fold;
use super::{EntityKind, FxMap};
use crate::analysis::name::token_keys;
use crate::model::Resolution;

/// Our own spelling fold for comparing romanisations of one word.
fn spelling(word: &str) -> String {
    let f = fold(word.trim_end_matches('.'));
    let f = f
        .replace('x', "ks")
        .replace("dzh", "j")
        .replace("zh", "j")
        .replace("kh", "h")
        .replace('w', "v")
        .replace('y', "i");
    let mut out = String::with_capacity(f.len());
    for c in f.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

fn keys(word: &str) -> Vec<String> {
    let mut k = token_keys(word).translit;
    k.push(spelling(word));
    k
}

fn share<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    a.iter().any(|x| b.contains(x))
}

fn is_initial(word: &str) -> bool {
    word.trim_end_matches('.').chars().count() == 1
}

#[cfg(test)]
fn given_compatible(a: &str, b: &str) -> bool {
    given_compatible_with(&mut KeyMemo::default(), a, b)
}

/// [`given_compatible`], with the keys taken from (and added to) `memo`.
#[cfg(test)]
fn given_compatible_with(memo: &mut KeyMemo, a: &str, b: &str) -> bool {
    memo.fill_given(a);
    memo.fill_given(b);
    given_compatible_in(memo, a, b)
}

/// [`given_compatible`], with the keys of `a` and `b` already in `memo`
/// ([`KeyMemo::fill_given`]).
fn given_compatible_in(memo: &KeyMemo, a: &str, b: &str) -> bool {
    if is_initial(a) || is_initial(b) {
        let first = |w: &str| fold(w).chars().next();
        return first(a) == first(b);
    }
    share(memo.keys_of(a), memo.keys_of(b))
}

/// Most words a thread's [`KeyMemo`] holds before it starts afresh.
const MEMO_WORDS: usize = 1 << 14;

/// [`keys`] of every word met so far, computed once each. Each distinct key is numbered,
/// so comparing keys compares numbers.
#[derive(Default)]
struct KeyMemo {
    /// Word → the numbers of its keys, in [`keys`] order.
    words: FxMap<String, Vec<u32>>,
    /// Key → its number.
    ids: FxMap<String, u32>,
}

thread_local! {
    /// The memo [`link`] reuses from one resolution to the next.
    static MEMO: RefCell<KeyMemo> = RefCell::new(KeyMemo::default());
}

impl KeyMemo {
    /// Computes the keys of `word` unless they are known.
    fn fill(&mut self, word: &str) {
        if self.words.contains_key(word) {
            return;
        }
        let numbered = keys(word)
            .into_iter()
            .map(|key| {
                let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
                *self.ids.entry(key).or_insert(next)
            })
            .collect();
        self.words.insert(word.to_string(), numbered);
    }

    /// Computes the keys `given_compatible` needs for given name `word`: none for an
    /// initial.
    fn fill_given(&mut self, word: &str) {
        if !is_initial(word) {
            self.fill(word);
        }
    }

    /// The key numbers of `word`, once [`KeyMemo::fill`]ed (none before).
    fn keys_of(&self, word: &str) -> &[u32] {
        self.words.get(word).map_or(&[], Vec::as_slice)
    }

    /// Starts afresh once the memo holds more than [`MEMO_WORDS`] words.
    fn trim(&mut self) {
        if self.words.len() > MEMO_WORDS {
            self.words.clear();
            self.ids.clear();
        }
    }
}

struct Cluster {
    /// Key numbers of the family name.
    surname: Vec<u32>,
    given: Vec<String>,
    canonical: String,
    rank: (usize, usize),
}

/// Gives every mention of one person in `resolution` the same normalised form.
pub(crate) fn link(resolution: &mut Resolution) {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut assign: Vec<(usize, usize, usize)> = Vec::new();
    let mut memo = MEMO.with(|m| std::mem::take(&mut *m.borrow_mut()));
    memo.trim();
    for (u, unit) in resolution.units.iter().enumerate() {
        for (e, ent) in unit.entities.iter().enumerate() {
            if ent.kind != EntityKind::Person {
                continue;
            }
            let words = ent.normalized.split(' ').count();
            let (Some(first), Some(last)) = (
                ent.normalized.split(' ').next(),
                ent.normalized.rsplit(' ').next(),
            ) else {
                continue;
            };
            if words < 2 {
                continue;
            }
            memo.fill(last);
            memo.fill_given(first);
            let surname = memo.keys_of(last);
            let rank = (words, ent.normalized.chars().count());
            let found = clusters.iter().position(|c| {
                share(&c.surname, surname)
                    && c.given.iter().any(|g| given_compatible_in(&memo, g, first))
            });
            let idx = match found {
                Some(i) => {
                    let c = &mut clusters[i];
                    if !c.given.iter().any(|g| g == first) {
                        c.given.push(first.to_string());
                    }
                    if rank > c.rank {
                        c.rank = rank;
                        c.canonical = ent.normalized.clone();
                    }
                    i
                }
                None => {
                    clusters.push(Cluster {
                        surname: surname.to_vec(),
                        given: vec![first.to_string()],
                        canonical: ent.normalized.clone(),
                        rank,
                    });
                    clusters.len() - 1
                }
            };
            assign.push((u, e, idx));
        }
    }
    for (u, e, idx) in assign {
        let canonical = &clusters[idx].canonical;
        if let Some(ent) = resolution
            .units
            .get_mut(u)
            .and_then(|unit| unit.entities.get_mut(e))
        {
            if ent.normalized != *canonical {
                ent.normalized.clone_from(canonical);
            }
        }
    }
    // Bare family names.
    for unit in &mut resolution.units {
        for ent in &mut unit.entities {
            if ent.kind != EntityKind::Person || ent.normalized.contains(' ') {
                continue;
            }
            memo.fill(&ent.normalized);
            let k = memo.keys_of(&ent.normalized);
            let mut hits = clusters.iter().filter(|c| share(&c.surname, k));
            if let (Some(c), None) = (hits.next(), hits.next()) {
                ent.normalized = c.canonical.clone();
            }
        }
    }
    MEMO.with(|m| *m.borrow_mut() = memo);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants() {
        assert!(given_compatible("Maks", "Max"));
        assert!(given_compatible("M.", "Max"));
        assert!(!given_compatible("Aset", "Asel"));
        assert!(!given_compatible("Daniyar", "Daryn"));
        assert_eq!(spelling("Dzhaukerova"), spelling("Jaukerova"));
    }
}
