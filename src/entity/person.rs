//! Persons: runs of capitalised name-like words, kept when there is evidence.
//!
//! Evidence for a run of two to four words: a known given name first (general gazetteer,
//! or one learned from the resolution); a family-name ending last (-ov, -eva, -uly,
//! -kyzy, -bek, -enko, -ski, …) or a family name learned from the resolution; a role word
//! just before ("journalist", "human rights defender", "son") or an apposition just after
//! (", a mother of three", ", who"); membership in a list of names ("including A, B and C")
//! where enough of the others have evidence; or a family name already confirmed in the same
//! text. A single word needs a title before it ("President Zelenskyy"), a role word and a
//! family-name ending, or a family name already confirmed in the text or learned from the
//! resolution; it takes the full name when exactly one full name has that family name, and
//! stays as written otherwise. Everything else is left out: precision first.

use super::gazetteer::{self as gz, Lex};
use super::token::TokKind;
use super::{push_norm, Doc, EntityKind, FxMap};

/// Lower-case name particles allowed inside a name ("Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "le", "la",
    "ter", "ten", "al", "el", "bin", "ibn", "ben", "zu", "af", "av", "y",
];

/// Words after a possessive that show the owner is a person ("Agadil’s family").
const PERSONAL: &[&str] = &[
    "family",
    "arrest",
    "detention",
    "release",
    "trial",
    "death",
    "imprisonment",
    "sentence",
    "relatives",
    "wife",
    "husband",
    "son",
    "daughter",
    "lawyer",
    "lawyers",
    "health",
];

#[derive(Debug)]
struct Cand {
    first: usize,
    last: usize,
    /// Words that are not particles.
    words: usize,
    evidence: bool,
}

fn name_like(doc: &Doc, i: usize) -> bool {
    let Some(t) = doc.tok(i) else { return false };
    let key = doc.key(i);
    if t.kind != TokKind::Word || !t.cap || !doc.free(i) || key.chars().nth(1).is_none() {
        return false;
    }
    let text = doc.s(i);
    // A word with no hyphen is its own only part, and `t.cap` says it has a lower-case
    // letter: only hyphenated words can hold an all-capital part.
    let hyphenated = text.contains(['-', '\u{2011}', '\u{2010}']);
    let caps_part = hyphenated
        && text.split(['-', '\u{2011}', '\u{2010}']).any(|p| {
            p.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !p.chars().any(char::is_lowercase)
        });
    if caps_part {
        return false;
    }
    let not_a_name = |l: Lex| {
        l.any(Lex::STOP | Lex::ORG_WORD | Lex::LAW_WORD | Lex::ROLE | Lex::DEMONYM)
            || l.month().is_some()
    };
    if key.contains('-') {
        key.split('-').all(|p| !not_a_name(gz::lex(p)))
    } else {
        !not_a_name(t.lex)
    }
}

fn is_particle(doc: &Doc, i: usize) -> bool {
    doc.free(i)
        && doc.is_word(i)
        && doc.tok(i).is_some_and(|t| !t.cap)
        && PARTICLES.contains(&doc.key(i))
}

/// How many particles follow one another from `i` (at most three: "van der", "de la").
fn particles_at(doc: &Doc, i: usize) -> usize {
    (0..3).take_while(|&k| is_particle(doc, i + k)).count()
}

fn given(doc: &Doc, i: usize) -> bool {
    let first = doc.first_part_lex(i);
    (first.is(Lex::GIVEN) || doc.known_given(i)) && !first.is(Lex::STOP)
}

fn family_ending(doc: &Doc, i: usize) -> bool {
    let k = doc.key(i);
    let last = k.rsplit('-').next().unwrap_or(k);
    gz::surname_suffixes()
        .iter()
        .any(|s| last.ends_with(s.as_str()) && last.chars().count() >= s.chars().count() + 2)
        || doc.known_surname(i)
}

fn is_role(doc: &Doc, i: usize) -> bool {
    doc.is_word(i) && doc.lex(i).is(Lex::ROLE)
}

fn cue_after(doc: &Doc, e: usize) -> bool {
    let poss = doc.tok(e + 1).is_some_and(|t| t.kind == TokKind::Poss);
    if poss {
        return PERSONAL.contains(&doc.key(e + 2)) || is_role(doc, e + 2);
    }
    doc.key(e + 1) == ","
        && (doc.key(e + 2) == "who"
            || is_role(doc, e + 2)
            || (matches!(doc.key(e + 2), "a" | "an" | "the") && is_role(doc, e + 3)))
}

/// A separator between two names of a list: ",", "and", ", and", "or", ", or".
fn list_gap(doc: &Doc, from: usize, to: usize) -> bool {
    let gap = match to.checked_sub(from) {
        Some(1) => [doc.key(from), ""],
        Some(2) => [doc.key(from), doc.key(from + 1)],
        _ => return false,
    };
    matches!(
        gap,
        [",", ""] | ["and", ""] | [",", "and"] | ["or", ""] | [",", "or"] | ["&", ""]
    ) && (from..to).all(|k| doc.free(k))
}

/// Appends one word of a name; `all_caps` (at least two letters, none lower case, as
/// `Tok::upper` says) puts it in title case.
fn normal_word(out: &mut String, word: &str, all_caps: bool) {
    if !all_caps {
        push_norm(out, word);
        return;
    }
    let mut start = true;
    let mut tmp = String::new();
    for c in word.chars() {
        if start {
            tmp.extend(c.to_uppercase());
        } else {
            tmp.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    push_norm(out, &tmp);
}

fn normal_name(doc: &Doc, first: usize, last: usize) -> String {
    let mut out = String::new();
    for i in first..=last {
        if i > first {
            out.push(' ');
        }
        let all_caps = doc.tok(i).is_some_and(|t| t.upper);
        normal_word(&mut out, doc.s(i), all_caps);
    }
    out
}

/// Splits one run of capitalised words into candidates at words that cannot be names.
fn candidates_in_run(doc: &Doc, from: usize, to: usize, out: &mut Vec<Cand>) {
    let mut i = from;
    while i <= to {
        if !name_like(doc, i) {
            i += 1;
            continue;
        }
        let mut j = i;
        loop {
            if j < to && name_like(doc, j + 1) {
                j += 1;
                continue;
            }
            let after = j + 1 + particles_at(doc, j + 1);
            if after > j + 1 && after <= to && name_like(doc, after) {
                j = after;
                continue;
            }
            break;
        }
        let words = (i..=j).filter(|&k| !is_particle(doc, k)).count();
        let before = i.checked_sub(1);
        let role_before = before.is_some_and(|b| is_role(doc, b));
        let title = before.is_some_and(|b| role_before && doc.tok(b).is_some_and(|t| t.cap));
        let evidence = if words >= 2 {
            given(doc, i)
                || family_ending(doc, j)
                || role_before
                || cue_after(doc, j)
                || (words == 2 && family_ending(doc, i) && given(doc, j))
        } else {
            title || (role_before && family_ending(doc, i)) || doc.known_surname(i)
        };
        if (1..=4).contains(&words) {
            out.push(Cand {
                first: i,
                last: j,
                words,
                evidence,
            });
        }
        i = j + 1;
    }
}

/// Finds the persons among the free tokens.
pub(crate) fn persons(doc: &mut Doc) {
    let n = doc.toks.len();
    let mut cands: Vec<Cand> = Vec::new();
    let mut i = 0;
    while i < n {
        let starts = doc.free(i) && doc.is_word(i) && doc.tok(i).is_some_and(|t| t.cap);
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        loop {
            if doc.tok(j + 1).is_some_and(|t| t.kind == TokKind::Poss) {
                break;
            }
            let next_cap = doc.free(j + 1)
                && doc.is_word(j + 1)
                && doc.tok(j + 1).is_some_and(|t| t.cap && !t.line_before);
            if next_cap {
                j += 1;
                continue;
            }
            let particles = particles_at(doc, j + 1);
            let after = j + 1 + particles;
            let particle = particles > 0
                && doc.free(after)
                && doc
                    .tok(after)
                    .is_some_and(|t| t.kind == TokKind::Word && t.cap && !t.line_before);
            if particle {
                j = after;
                continue;
            }
            break;
        }
        candidates_in_run(doc, i, j, &mut cands);
        i = j + 1;
    }

    // Lists of names: enough members with evidence vouch for the others.
    let mut k = 0;
    while k < cands.len() {
        let mut e = k;
        while e + 1 < cands.len() && list_gap(doc, cands[e].last + 1, cands[e + 1].first) {
            e += 1;
        }
        if e > k {
            let members = &cands[k..=e];
            let multi = members.iter().filter(|c| c.words >= 2).count();
            let sure = members
                .iter()
                .filter(|c| c.words >= 2 && c.evidence)
                .count();
            if sure >= 2 || (sure >= 1 && sure * 2 >= multi) {
                for c in &mut cands[k..=e] {
                    if c.words >= 2 {
                        c.evidence = true;
                    }
                }
            }
        }
        k = e + 1;
    }

    // A family name confirmed once vouches for other names with it in the same text.
    let mut full_by_surname: FxMap<&str, Vec<String>> = FxMap::default();
    for c in cands.iter().filter(|c| c.evidence && c.words >= 2) {
        let name = normal_name(doc, c.first, c.last);
        let list = full_by_surname.entry(doc.key(c.last)).or_default();
        if !list.contains(&name) {
            list.push(name);
        }
    }
    for c in &mut cands {
        if !c.evidence && c.words >= 2 && full_by_surname.contains_key(doc.key(c.last)) {
            c.evidence = true;
        }
    }
    for c in &cands {
        let single_known = c.words == 1 && full_by_surname.contains_key(doc.key(c.first));
        if !(c.evidence || single_known) {
            continue;
        }
        let normalized = match full_by_surname.get(doc.key(c.first)) {
            Some(list) if c.words == 1 && list.len() == 1 => list[0].clone(),
            _ => normal_name(doc, c.first, c.last),
        };
        doc.push(EntityKind::Person, c.first, c.last, normalized);
    }
}

#[cfg(test)]
mod tests {
    use crate::entity::{extract, EntityKind};

    fn persons(text: &str) -> Vec<String> {
        extract(text)
            .into_iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| e.normalized)
            .collect()
    }

    #[test]
    fn evidence_kinds() {
        assert_eq!(persons("the blogger Qwerty Asdfgh was"), ["Qwerty Asdfgh"]);
        assert_eq!(
            persons("detained Qwerty Asdfgh, a journalist for"),
            ["Qwerty Asdfgh"]
        );
        assert_eq!(
            persons("including Qwerty Asdfghov and"),
            ["Qwerty Asdfghov"]
        );
        assert_eq!(
            persons("the Koshe Partiyasy and Red Notices"),
            Vec::<String>::new()
        );
        assert_eq!(persons("President Zelenskyy’s initiative"), ["Zelenskyy"]);
        assert_eq!(
            persons("namely Qwerty Asdfgh, Serik Orazov and Garik Embergenov;"),
            ["Qwerty Asdfgh", "Serik Orazov", "Garik Embergenov"]
        );
        assert_eq!(persons("ABLYAZOV Mukhtar"), Vec::<String>::new());
        assert_eq!(
            persons("Ursula von der Leyen said"),
            ["Ursula von der Leyen"]
        );
    }
}
