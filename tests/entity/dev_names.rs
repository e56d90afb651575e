//! Persons in running text, for every attested spelling of the dev set.
//!
//! Each spelling of `../shared/dev/names_dev.tsv` and `distractors_dev.tsv` (people in
//! Latin, Cyrillic, Kazakh Cyrillic; given name first or, as official lists write
//! them, family name first in capitals with a patronymic) is put into sentences of the
//! kinds resolutions use, and [`whereas::entity::extract`] must find exactly that
//! spelling as one person, with a normalised form that the name matcher matches to the
//! spelling. Prints recall per writing style and asserts at least 0.9 for full names
//! (one-word names need a cue the sentences may not give). Skipped, with a message,
//! when `../shared` is absent (a failure under `CI=true`).

use crate::support;
use crate::support::eval::rows;

use rows::{parse_tsv, Row};
use whereas::entity::extract;
use whereas::name::compare;
use whereas::EntityKind;

/// Sentences with a role word or an apposition before or after the name: the cues
/// resolutions give.
const TEMPLATES: &[&str] = &[
    "whereas the journalist {} was detained on 3 March 2021;",
    "Calls for the immediate release of {}, a human rights defender;",
];

/// Writing styles of a spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Style {
    /// "Leila Adilzhan", "Лейла Адильжан".
    GivenFirst,
    /// "KOSAREV Vladislav Borisovich", "Askar AIDARKHAN".
    FamilyInCapitals,
    /// "Bilash", "Жовтис": one word, which the extractor takes only with a title, a
    /// role word and a family-name ending, or a full name elsewhere in the text.
    OneWord,
}

fn style(variant: &str) -> Style {
    let caps = variant.split_whitespace().any(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    });
    if variant.split_whitespace().count() == 1 {
        Style::OneWord
    } else if caps {
        Style::FamilyInCapitals
    } else {
        Style::GivenFirst
    }
}

/// Whether the text names `row`'s spelling as exactly one person, covering the whole
/// spelling, with a normalised form that matches it.
fn found(row: &Row, text: &str) -> bool {
    let persons: Vec<_> = extract(text)
        .into_iter()
        .filter(|e| e.kind == EntityKind::Person)
        .collect();
    matches!(persons.as_slice(), [one] if one.text == row.variant
        && compare(&one.normalized, &row.variant).is_some())
}

#[test]
fn dev_spellings_in_sentences() {
    let (Some(names), Some(distractors)) = (
        support::shared_text("dev/names_dev.tsv"),
        support::shared_text("dev/distractors_dev.tsv"),
    ) else {
        return;
    };
    let mut rows = parse_tsv("names_dev.tsv", &names).expect("names_dev.tsv parses");
    rows.extend(parse_tsv("distractors_dev.tsv", &distractors).expect("distractors parse"));
    let mut tally: std::collections::BTreeMap<Style, (usize, usize)> = Default::default();
    let mut misses = Vec::new();
    for row in &rows {
        for template in TEMPLATES {
            let text = template.replace("{}", &row.variant);
            let t = tally.entry(style(&row.variant)).or_default();
            t.1 += 1;
            if found(row, &text) {
                t.0 += 1;
            } else {
                misses.push(text);
            }
        }
    }
    println!("{:<20} {:>6} {:>6} {:>7}", "style", "found", "of", "recall");
    for (style, (hit, all)) in &tally {
        println!(
            "{:<20} {hit:>6} {all:>6} {:>7.3}",
            format!("{style:?}"),
            *hit as f64 / *all as f64
        );
    }
    for miss in &misses {
        println!("missed: {miss}");
    }
    for (style, (hit, all)) in tally.into_iter().filter(|(s, _)| *s != Style::OneWord) {
        let recall = hit as f64 / all as f64;
        assert!(recall >= 0.9, "{style:?}: recall {recall:.3}");
    }
}
