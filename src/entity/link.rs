//! Linking within a resolution: one person, one normalised form.
//!
//! Two full names are the same person when their family names share a key and their given
//! names are compatible: the same key, or one is an initial of the other. Keys come from
//! [`crate::name::token_keys`] (its transliteration keys) and from a small spelling fold of
//! our own (x → ks, dzh/zh → j, kh → h, w → v, y → i, doubled letters once), so "Max" and
//! "Maks" agree while "Aset" and "Asel" do not. A bare family name joins the only cluster
//! that has it; with two candidates ("Dulat Agadil", "Zhanbolat Agadil") it stays as written.

use super::gazetteer::fold;
use super::EntityKind;
use crate::name::token_keys;
use crate::segment::Resolution;

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

fn share(a: &[String], b: &[String]) -> bool {
    a.iter().any(|x| b.contains(x))
}

fn is_initial(word: &str) -> bool {
    word.trim_end_matches('.').chars().count() == 1
}

fn given_compatible(a: &str, b: &str) -> bool {
    if is_initial(a) || is_initial(b) {
        let first = |w: &str| fold(w).chars().next();
        return first(a) == first(b);
    }
    share(&keys(a), &keys(b))
}

struct Cluster {
    surname: Vec<String>,
    given: Vec<String>,
    canonical: String,
    rank: (usize, usize),
}

/// Gives every mention of one person in `resolution` the same normalised form.
pub(crate) fn link(resolution: &mut Resolution) {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut assign: Vec<(usize, usize, usize)> = Vec::new();
    for (u, unit) in resolution.units.iter().enumerate() {
        for (e, ent) in unit.entities.iter().enumerate() {
            if ent.kind != EntityKind::Person {
                continue;
            }
            let words: Vec<&str> = ent.normalized.split(' ').collect();
            let (Some(first), Some(last)) = (words.first(), words.last()) else {
                continue;
            };
            if words.len() < 2 {
                continue;
            }
            let surname = keys(last);
            let rank = (words.len(), ent.normalized.chars().count());
            let found = clusters.iter().position(|c| {
                share(&c.surname, &surname) && c.given.iter().any(|g| given_compatible(g, first))
            });
            let idx = match found {
                Some(i) => {
                    let c = &mut clusters[i];
                    if !c.given.iter().any(|g| g == first) {
                        c.given.push((*first).to_string());
                    }
                    if rank > c.rank {
                        c.rank = rank;
                        c.canonical = ent.normalized.clone();
                    }
                    i
                }
                None => {
                    clusters.push(Cluster {
                        surname,
                        given: vec![(*first).to_string()],
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
        resolution.units[u].entities[e].normalized = clusters[idx].canonical.clone();
    }
    // Bare family names.
    for unit in &mut resolution.units {
        for ent in &mut unit.entities {
            if ent.kind != EntityKind::Person || ent.normalized.contains(' ') {
                continue;
            }
            let k = keys(&ent.normalized);
            let mut hits = clusters.iter().filter(|c| share(&c.surname, &k));
            if let (Some(c), None) = (hits.next(), hits.next()) {
                ent.normalized = c.canonical.clone();
            }
        }
    }
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
