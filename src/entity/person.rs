//! Persons: runs of capitalised name-like words, kept when there is evidence.
//!
//! Evidence for a run of two to four words: a known given name first (general gazetteer,
//! or one learned from the resolution); a family-name ending last (-ov, -eva, -uly,
//! -kyzy, -bek, -enko, -ski, …) or a family name learned from the resolution; a role word
//! just before ("journalist", "human rights defender", "son") or an apposition just after
//! (", a mother of three", ", a human rights defender", ", who"); membership in a list of
//! names ("including A, B and C") where enough of the others have evidence; or a family
//! name already confirmed in the same text. A single word needs a title before it
//! ("President Zelenskyy"), a role word before it or a role apposition after it together
//! with a family-name ending, or a family name already confirmed in the text or learned
//! from the resolution; it takes the full name when exactly one full name has that family
//! name, and stays as written otherwise.
//!
//! A family name in capitals, as official lists write it ("ABLYAZOV Mukhtar",
//! "JUMABEKOV Onalsyn Islamovich", "Askar AIDARKHAN"), is taken with a known given name
//! beside it, a family-name ending, or a closing patronymic; the name is normalised given
//! names first ("Mukhtar Ablyazov"). A word in capitals next to other capitals (a
//! heading), a known acronym or a place is not a family name.
//!
//! Everything else is left out: precision first.

use super::gazetteer::{self as gz, WordTags};
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

/// What is done to a person, before "of" and a name ("the execution of Behnoud Shojaee",
/// "the release of Ihar Losik", "in particular the case of Nasrin Sotoudeh").
const DEEDS: &[&str] = &[
    "arrest",
    "arrests",
    "detention",
    "release",
    "trial",
    "imprisonment",
    "execution",
    "executions",
    "killing",
    "murder",
    "assassination",
    "abduction",
    "kidnapping",
    "disappearance",
    "torture",
    "conviction",
    "sentencing",
    "persecution",
    "harassment",
    "prosecution",
    "case",
    "cases",
];

/// What happens to a person, after "was", "were", "has been", "have been" or "had been"
/// and a name ("Behnoud Shojaee was executed", "Ihar Losik has been sentenced").
const DONE_TO: &[&str] = &[
    "arrested",
    "detained",
    "executed",
    "sentenced",
    "killed",
    "murdered",
    "assassinated",
    "released",
    "tortured",
    "convicted",
    "abducted",
    "kidnapped",
    "imprisoned",
    "jailed",
    "charged",
    "beaten",
    "hanged",
    "summoned",
    "interrogated",
    "harassed",
    "poisoned",
    "prosecuted",
    "pardoned",
    "expelled",
    "deported",
];

#[derive(Debug)]
struct Candidate {
    first: usize,
    last: usize,
    /// Words that are not particles.
    words: usize,
    evidence: bool,
}

fn name_like(doc: &Doc, i: usize) -> bool {
    let Some(t) = doc.tok(i) else { return false };
    let key = doc.key(i);
    if t.kind != TokKind::Word || !t.capitalised || !doc.free(i) || key.chars().nth(1).is_none() {
        return false;
    }
    let text = doc.text_of(i);
    // A word with no hyphen is its own only part, and `t.capitalised` says it has a lower-case
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
    if key.contains('-') {
        key.split('-').all(|p| !not_a_name(gz::tags(p)))
    } else {
        !not_a_name(t.tags)
    }
}

/// The gazetteers know the word as something other than a name.
fn not_a_name(tags: WordTags) -> bool {
    tags.any(
        WordTags::STOP
            | WordTags::ORG_WORD
            | WordTags::LAW_WORD
            | WordTags::ROLE
            | WordTags::DEMONYM,
    ) || tags.month().is_some()
}

/// Word `i` may be a family name written in capitals, as official lists write them
/// ("ABLYAZOV Mukhtar", "Askar AIDARKHAN"): a free word of three letters or more, all
/// upper case, no digits, that the gazetteers know neither as a word of another kind,
/// a place nor a body's acronym ("OSCE", "KAZAKHSTAN").
fn caps_surname(doc: &Doc, i: usize) -> bool {
    let Some(t) = doc.tok(i) else { return false };
    let key = doc.key(i);
    t.kind == TokKind::Word
        && t.upper
        && doc.free(i)
        && key.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && key.chars().all(|c| c.is_alphabetic() || c == '-')
        && key.split('-').all(|p| {
            let tags = gz::tags(p);
            !not_a_name(tags) && !tags.any(WordTags::PLACE | WordTags::BODY)
        })
        && !gz::bodies().contains_key(doc.text_of(i))
}

/// Word `i` is written in capitals (an acronym, a heading's word, a shouted surname).
fn upper(doc: &Doc, i: usize) -> bool {
    doc.tok(i).is_some_and(|t| t.upper)
}

/// A name with its family name in capitals, found by [`caps_names`].
struct CapsName {
    first: usize,
    last: usize,
    /// The family name's token.
    surname: usize,
    /// Given names first, family name last, in title case.
    normalized: String,
}

/// Names whose family name is written in capitals, with the evidence a given name
/// gives:
/// - surname first ("ABLYAZOV Mukhtar", "JUMABEKOV Onalsyn Islamovich"): the capitals
///   are followed on the same line by one or two name-like words, the first a known
///   given name, or the capitals end like a family name, or a patronymic closes the
///   three words;
/// - given name first ("Askar AIDARKHAN"): a known given name, then the capitals.
///
/// A word in capitals next to other capitals is a heading or an acronym, not a name.
fn caps_names(doc: &Doc) -> Vec<CapsName> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < doc.toks.len() {
        let lone_caps = caps_surname(doc, i)
            && !(i > 0 && upper(doc, i - 1) && !doc.tok(i).is_some_and(|t| t.line_before))
            && !upper(doc, i + 1);
        if !lone_caps {
            i += 1;
            continue;
        }
        let same_line = |k: usize| name_like(doc, k) && same_line_before(doc, k);
        let mut last = i;
        while last < i + 2 && same_line(last + 1) {
            last += 1;
        }
        // The evidence: a known given name after the capitals, a family-name ending on
        // them, or a patronymic ("-uly", "-ovich") closing three words.
        let surname_first = last > i
            && (given(doc, i + 1)
                || family_ending(doc, i)
                || (last == i + 2 && family_ending(doc, last)))
            && !upper(doc, last + 1);
        let given_first = last == i
            && i > 0
            && same_line_before(doc, i)
            && name_like(doc, i - 1)
            && given(doc, i - 1);
        if surname_first {
            let mut normalized = normal_name(doc, i + 1, last);
            normalized.push(' ');
            normal_word(&mut normalized, doc.text_of(i), true);
            found.push(CapsName {
                first: i,
                last,
                surname: i,
                normalized,
            });
            i = last + 1;
        } else if given_first {
            found.push(CapsName {
                first: i - 1,
                last: i,
                surname: i,
                normalized: normal_name(doc, i - 1, i),
            });
            i += 1;
        } else {
            i += 1;
        }
    }
    found
}

/// Token `i` follows the token before it on the same line, after a space.
fn same_line_before(doc: &Doc, i: usize) -> bool {
    doc.tok(i).is_some_and(|t| !t.line_before && t.space_before)
}

fn is_particle(doc: &Doc, i: usize) -> bool {
    doc.free(i)
        && doc.is_word(i)
        && doc.tok(i).is_some_and(|t| !t.capitalised)
        && PARTICLES.contains(&doc.key(i))
}

/// How many particles follow one another from `i` (at most three: "van der", "de la").
fn particles_at(doc: &Doc, i: usize) -> usize {
    (0..3).take_while(|&k| is_particle(doc, i + k)).count()
}

fn given(doc: &Doc, i: usize) -> bool {
    let first = doc.first_part_tags(i);
    (first.is(WordTags::GIVEN) || doc.known_given(i)) && !first.is(WordTags::STOP)
}

/// Azerbaijani family names in -li, -lı, -lu, -lü ("of, from": Mammadli, Yagublu,
/// Karimli, Hasanli; folded to -li, -lu), the suffix short and common enough in other
/// words that it counts only after five letters or more and never on a demonym or a
/// place (Israeli, Somali, Nepali).
const AZERBAIJANI_ENDINGS: &[&str] = &["li", "lu"];

fn family_ending(doc: &Doc, i: usize) -> bool {
    let k = doc.key(i);
    let last = k.rsplit('-').next().unwrap_or(k);
    let azerbaijani = last.chars().count() >= 7
        && AZERBAIJANI_ENDINGS.iter().any(|e| last.ends_with(e))
        && !doc.tags(i).is(WordTags::DEMONYM)
        && !doc.tags(i).is(WordTags::PLACE);
    gz::surname_suffixes()
        .iter()
        .any(|s| last.ends_with(s.as_str()) && last.chars().count() >= s.chars().count() + 2)
        || azerbaijani
        || doc.known_surname(i)
}

fn is_role(doc: &Doc, i: usize) -> bool {
    doc.is_word(i) && doc.tags(i).is(WordTags::ROLE)
}

/// The run starting at `i` follows "<deed> of": "the execution of …", "the case of …".
fn deed_before(doc: &Doc, i: usize) -> bool {
    i >= 2 && doc.key(i - 1) == "of" && DEEDS.contains(&doc.key(i - 2))
}

/// The run starting at `i` ends an office's title on the same line: a capitalised role
/// word, then capitalised words and "of", "for", "on", "the", "and" or "/", the last a
/// capitalised word, up to the name ("the High Representative of the Union for Foreign Affairs and Security Policy Josep
/// Borrell", "the UN Special Rapporteur on Human Rights Defenders Mary Lawlor").
fn title_before(doc: &Doc, i: usize) -> bool {
    const MAX_TITLE: usize = 16;
    // The title's last word is capitalised: after "the Commissioner for", "Crisis
    // Management" is what the office is for, not a name.
    let ends_title = i > 0
        && doc
            .tok(i - 1)
            .is_some_and(|t| t.kind == TokKind::Word && t.capitalised && !t.line_before);
    if !ends_title || doc.tok(i).is_some_and(|t| t.line_before) {
        return false;
    }
    let mut k = i;
    for _ in 0..MAX_TITLE {
        if k == 0 || doc.tok(k).is_some_and(|t| t.line_before) {
            return false;
        }
        k -= 1;
        let Some(t) = doc.tok(k) else { return false };
        if t.kind == TokKind::Word && (t.capitalised || t.upper) {
            if is_role(doc, k) && t.capitalised {
                return true;
            }
        } else if !matches!(doc.key(k), "of" | "for" | "on" | "the" | "and" | "/") {
            return false;
        }
    }
    false
}

/// The run ending at `e` is followed by a passive of what is done to a person: "was
/// executed", "has been sentenced", "were arrested".
fn done_to_after(doc: &Doc, e: usize) -> bool {
    let verb = match (doc.key(e + 1), doc.key(e + 2)) {
        ("was" | "were", _) => e + 2,
        ("has" | "have" | "had", "been") => e + 3,
        _ => return false,
    };
    DONE_TO.contains(&doc.key(verb))
}

fn cue_after(doc: &Doc, e: usize) -> bool {
    if done_to_after(doc, e) {
        return true;
    }
    let poss = doc.tok(e + 1).is_some_and(|t| t.kind == TokKind::Poss);
    if poss {
        return PERSONAL.contains(&doc.key(e + 2)) || is_role(doc, e + 2);
    }
    if doc.key(e + 1) != "," {
        return false;
    }
    if doc.key(e + 2) == "who" || is_role(doc, e + 2) {
        return true;
    }
    // ", a journalist", ", a human rights defender", ", an independent journalist":
    // an article, at most three lower-case words, then a role word.
    matches!(doc.key(e + 2), "a" | "an" | "the")
        && (e + 3..e + 7)
            .take_while(|&k| {
                doc.is_word(k) && doc.tok(k).is_some_and(|t| !t.capitalised && !t.upper)
            })
            .any(|k| is_role(doc, k))
}

/// A separator between two names of a list: ",", "and", ", and", "or", ", or", "&",
/// "as well as", ", as well as".
fn list_gap(doc: &Doc, from: usize, to: usize) -> bool {
    const GAPS: &[&[&str]] = &[
        &[","],
        &["and"],
        &[",", "and"],
        &["or"],
        &[",", "or"],
        &["&"],
        &["as", "well", "as"],
        &[",", "as", "well", "as"],
    ];
    let Some(len) = to.checked_sub(from) else {
        return false;
    };
    GAPS.iter()
        .any(|gap| gap.len() == len && gap.iter().enumerate().all(|(k, w)| doc.key(from + k) == *w))
        && (from..to).all(|k| doc.free(k))
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
        normal_word(&mut out, doc.text_of(i), all_caps);
    }
    out
}

/// Splits one run of capitalised words into candidates at words that cannot be names.
fn candidates_in_run(doc: &Doc, from: usize, to: usize, out: &mut Vec<Candidate>) {
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
        let title =
            before.is_some_and(|b| role_before && doc.tok(b).is_some_and(|t| t.capitalised));
        let deed = deed_before(doc, i);
        let evidence = if words >= 2 {
            given(doc, i)
                || family_ending(doc, j)
                || role_before
                || deed
                || title_before(doc, i)
                || cue_after(doc, j)
                || (words == 2 && family_ending(doc, i) && given(doc, j))
        } else {
            title
                || ((role_before || deed || cue_after(doc, j)) && family_ending(doc, i))
                || doc.known_surname(i)
        };
        if (1..=4).contains(&words) {
            out.push(Candidate {
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
    let caps = caps_names(doc);
    for c in &caps {
        doc.claim(c.first, c.last);
    }
    let n = doc.toks.len();
    let mut cands: Vec<Candidate> = Vec::new();
    let mut i = 0;
    while i < n {
        let starts = doc.free(i) && doc.is_word(i) && doc.tok(i).is_some_and(|t| t.capitalised);
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
                && doc
                    .tok(j + 1)
                    .is_some_and(|t| t.capitalised && !t.line_before);
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
                    .is_some_and(|t| t.kind == TokKind::Word && t.capitalised && !t.line_before);
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
    for c in &caps {
        let list = full_by_surname.entry(doc.key(c.surname)).or_default();
        if !list.contains(&c.normalized) {
            list.push(c.normalized.clone());
        }
    }
    for c in caps {
        doc.push_span(
            EntityKind::Person,
            doc.toks[c.first].start,
            doc.toks[c.last].end,
            c.normalized,
        );
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
        assert_eq!(persons("ABLYAZOV Mukhtar"), ["Mukhtar Ablyazov"]);
        // Azerbaijani -li / -lu family names, in a list with another name.
        assert_eq!(
            persons("to release Qwerty Asdfghov, Qwerty Zxcvblu and Qwerty Asdfgli;"),
            ["Qwerty Asdfghov", "Qwerty Zxcvblu", "Qwerty Asdfgli"]
        );
        // Belarusian, French-Georgian and Persian endings.
        assert_eq!(
            persons("held Qwerty Asdfghenka, Qwerty Zxcvbichvili and Qwerty Asdfpour;"),
            [
                "Qwerty Asdfghenka",
                "Qwerty Zxcvbichvili",
                "Qwerty Asdfpour"
            ]
        );
        // Short words and demonyms in -li are no family names.
        assert_eq!(persons("to release Qwerty Abli;"), Vec::<String>::new());
        assert_eq!(
            persons("met Qwerty Israeli and the Somali envoy"),
            Vec::<String>::new()
        );
        assert_eq!(
            persons("Ursula von der Leyen said"),
            ["Ursula von der Leyen"]
        );
    }

    #[test]
    fn evidence_from_what_is_done_and_offices() {
        // "<deed> of" before a name, a passive of what is done to a person after it.
        assert_eq!(
            persons("condemns the execution of Qwerty Asdfgh and"),
            ["Qwerty Asdfgh"]
        );
        assert_eq!(
            persons("whereas Qwerty Asdfgh was executed in"),
            ["Qwerty Asdfgh"]
        );
        assert_eq!(
            persons("whereas Qwerty Asdfgh has been sentenced to"),
            ["Qwerty Asdfgh"]
        );
        // Not after a verb a thing can undergo as well, nor for one word without an ending.
        assert_eq!(
            persons("whereas Qwerty Asdfgh was built in"),
            Vec::<String>::new()
        );
        assert_eq!(persons("the case of Qwerty shows"), Vec::<String>::new());
        // "as well as" joins a list: the known given names vouch for the others.
        assert_eq!(
            persons("of Qwerty Asdfgh and Zxcv Bnmlk, as well as Reza Qwertz and Hossein Asdfz,"),
            [
                "Qwerty Asdfgh",
                "Zxcv Bnmlk",
                "Reza Qwertz",
                "Hossein Asdfz"
            ]
        );
        // The end of an office's title, capitalised words up to the name.
        assert_eq!(
            persons("the High Representative of the Union for Foreign Affairs and Security Policy Qwerty Asdfgh,"),
            ["Qwerty Asdfgh"]
        );
        // What an office is for is not a name.
        assert_eq!(
            persons("led by the Commissioner for Crisis Management, together"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_place_after_a_given_name_is_a_family_name() {
        assert_eq!(
            persons("release Olivier Qwerty, Cécile Asdfgh and Jacques Paris;"),
            ["Olivier Qwerty", "Cécile Asdfgh", "Jacques Paris"]
        );
        let places: Vec<String> = extract("were detained in Paris and Tehran, Gomel and Batumi")
            .into_iter()
            .filter(|e| e.kind == EntityKind::Place)
            .map(|e| e.normalized)
            .collect();
        assert_eq!(places, ["Paris", "Tehran", "Homel", "Batumi"]);
    }

    #[test]
    fn family_names_in_capitals() {
        assert_eq!(
            persons("deputies JUMABEKOV Onalsyn Islamovich and OSPANOV Berik;"),
            ["Onalsyn Islamovich Jumabekov", "Berik Ospanov"]
        );
        assert_eq!(
            persons("the activist Askar AIDARKHAN was"),
            ["Askar Aidarkhan"]
        );
        // A later mention by family name alone takes the full name.
        assert_eq!(
            persons("ABLYAZOV Mukhtar fled; Ablyazov was convicted"),
            ["Mukhtar Ablyazov", "Mukhtar Ablyazov"]
        );
        // Headings, acronyms and places in capitals are not family names.
        for text in [
            "HUMAN RIGHTS SITUATION IN KAZAKHSTAN",
            "the OSCE Office in Astana",
            "KAZAKHSTAN Parliament",
            "the NGO Kadyr Memorial",
            "COVID-19 Response Team",
            "the EU Special Representative",
            "RESOLUTION Calls on",
        ] {
            assert_eq!(persons(text), Vec::<String>::new(), "{text}");
        }
    }
}
