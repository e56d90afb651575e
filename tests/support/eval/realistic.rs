//! The realistic evaluation corpus: the dev people written as resolutions, the press
//! and NGO lists write them, several to a unit.
//!
//! Each person of the names and distractors files is written into one unit, in one of
//! these shapes, chosen by the person's place in the files (so the corpus is the same
//! on every run):
//!
//! | shape | example |
//! |---|---|
//! | possessive | `whereas Lukpan Akhmedyarov’s family was not informed of the charges;` |
//! | the EP's "SURNAME Given", beside a city | `having regard to the case of AKHMEDYAROV Lukpan, detained in Oral;` |
//! | after a title or role, beside a city | `whereas the journalist Lukpan Akhmedyarov was arrested in Almaty on 3 March;` |
//! | several per unit | `whereas Lukpan Akhmedyarov, Askar Aidarkhan and Aigul Utepova were sentenced;` |
//! | a city first | `whereas Shymkent police detained Lukpan Akhmedyarov after the protest;` |
//!
//! For the family-name report, [`with_relatives`] adds a relative of each person of
//! the names file in a unit of their own, with the same family name and a
//! distractor's given name
//! (`whereas Askar Akhmedyarov, a relative of the defender, was questioned;`).
//!
//! Queries: every variant of the names file (relevant: the person's unit), split into a
//! part to tune on and a held-out part by a hash of the person's id ([`held_out`]);
//! and, reported apart, the one-word variants (a family name alone) in the corpus with
//! relatives, where two people share every such family name (relevant: any bearer's
//! unit).

use super::{Corpus, Doc, Row};

/// Prefix of a family-name query's `entity_id`.
pub const FAMILY: &str = "family:";

/// Cities written beside the people, as the resolutions write them.
const CITIES: [&str; 8] = [
    "Almaty",
    "Astana",
    "Zhanaozen",
    "Shymkent",
    "Oral",
    "Aktau",
    "Taraz",
    "Semey",
];

/// The family name of a canonical "Given Surname" name: its last word.
pub fn family_name(canonical: &str) -> &str {
    canonical.split_whitespace().last().unwrap_or(canonical)
}

/// The given names: every word but the last.
fn given_names(canonical: &str) -> String {
    let words: Vec<&str> = canonical.split_whitespace().collect();
    words[..words.len().saturating_sub(1)].join(" ")
}

/// Whether a person's queries are held out (measured, never tuned on): a stable hash
/// (FNV-1a) of the id, one person in three.
pub fn held_out(entity_id: &str) -> bool {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in entity_id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h.is_multiple_of(3)
}

/// Builds the realistic corpus over every person of `names` and `distractors`, with
/// every variant of `names` as a query.
pub fn corpus(names: &[Row], distractors: &[Row]) -> Corpus {
    let mut people: Vec<(String, String)> = Vec::new();
    for r in names.iter().chain(distractors) {
        if !people.iter().any(|(id, _)| *id == r.entity_id) {
            people.push((r.entity_id.clone(), r.canonical.clone()));
        }
    }
    let mut docs = Vec::new();
    let mut k = 0;
    while k < people.len() {
        let city = CITIES[docs.len() % CITIES.len()];
        let (id, name) = &people[k];
        let (given, family) = (given_names(name), family_name(name));
        let one = |text: String, written: String, places: Vec<&str>| Doc {
            entity_id: id.clone(),
            name: written.clone(),
            text,
            people: vec![(id.clone(), written)],
            families: vec![family.to_lowercase()],
            places: places.into_iter().map(str::to_string).collect(),
        };
        let doc = match docs.len() % 5 {
            0 => {
                let written = name.clone();
                one(
                    format!("whereas {written}’s family was not informed of the charges;"),
                    written,
                    vec![],
                )
            }
            1 => {
                let written = format!("{} {given}", family.to_uppercase());
                one(
                    format!("having regard to the case of {written}, detained in {city};"),
                    written,
                    vec![city],
                )
            }
            2 => one(
                format!("whereas the journalist {name} was arrested in {city} on 3 March;"),
                name.clone(),
                vec![city],
            ),
            3 if k + 2 < people.len() => {
                let group = &people[k..k + 3];
                let written: Vec<&str> = group.iter().map(|(_, n)| n.as_str()).collect();
                k += 2;
                Doc {
                    entity_id: id.clone(),
                    name: written.join(" · "),
                    text: format!(
                        "whereas {}, {} and {} were sentenced to prison terms;",
                        written[0], written[1], written[2]
                    ),
                    people: group.to_vec(),
                    families: group
                        .iter()
                        .map(|(_, n)| family_name(n).to_lowercase())
                        .collect(),
                    places: vec![],
                }
            }
            _ => one(
                format!("whereas {city} police detained {name} after the protest;"),
                name.clone(),
                vec![city],
            ),
        };
        docs.push(doc);
        k += 1;
    }
    Corpus {
        docs,
        queries: names.to_vec(),
    }
}

/// `corpus` with a relative of each names-file person, with the same family name and
/// another person's given name (a distractor's, of a family name of the same gender
/// form), in a unit of their own: a second bearer of every family name, for the
/// family-name queries.
pub fn with_relatives(corpus: &Corpus, names: &[Row], distractors: &[Row]) -> Corpus {
    let mut docs = corpus.docs.clone();
    let mut seen: Vec<&str> = Vec::new();
    let mut targets: Vec<&str> = Vec::new();
    for r in names {
        if !seen.contains(&r.entity_id.as_str()) {
            seen.push(&r.entity_id);
            targets.push(&r.canonical);
        }
    }
    let feminine = |family: &str| family.ends_with('a');
    for (j, canonical) in targets.iter().enumerate() {
        let family = family_name(canonical);
        let given: Vec<String> = distractors
            .iter()
            .filter(|d| feminine(family_name(&d.canonical)) == feminine(family))
            .map(|d| given_names(&d.canonical))
            .filter(|g| !g.is_empty() && *g != given_names(canonical))
            .collect();
        let Some(given) = given.get(j % given.len().max(1)) else {
            continue;
        };
        let written = format!("{given} {family}");
        docs.push(Doc {
            entity_id: format!("relative:{j}"),
            name: written.clone(),
            text: format!("whereas {written}, a relative of the defender, was questioned;"),
            people: vec![(format!("relative:{j}"), written)],
            families: vec![family.to_lowercase()],
            places: vec![],
        });
    }
    Corpus {
        docs,
        queries: corpus.queries.clone(),
    }
}

/// The corpus with only the queries of held-out people (`held == true`) or only the
/// others.
pub fn part(corpus: &Corpus, held: bool) -> Corpus {
    Corpus {
        docs: corpus.docs.clone(),
        queries: corpus
            .queries
            .iter()
            .filter(|q| held_out(&q.entity_id) == held)
            .cloned()
            .collect(),
    }
}

/// The corpus with its one-word variant queries only (`Akhmedyarov`, `Джакишев`),
/// each answered by any unit naming a bearer of the person's family name: with
/// [`with_relatives`], every such name has two bearers.
pub fn family_queries(corpus: &Corpus) -> Corpus {
    let queries = corpus
        .queries
        .iter()
        .filter(|q| q.variant.split_whitespace().count() == 1)
        .map(|q| Row {
            entity_id: format!("{FAMILY}{}", family_name(&q.canonical).to_lowercase()),
            ..q.clone()
        })
        .collect();
    Corpus {
        docs: corpus.docs.clone(),
        queries,
    }
}
