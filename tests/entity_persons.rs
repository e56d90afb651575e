//! Persons: precision and recall against hand annotations.
//!
//! - The seed resolution, per unit, after [`whereas::entity::annotate`] (so linking counts):
//!   `tests/data/entities/persons_seed.tsv`.
//! - The Ukraine joint motion in `../shared/corpus`, per line of the file (its authors' block
//!   names ~85 members in many European languages): `tests/data/entities/persons_ukraine.tsv`.
//!
//! Both compare sets of (unit, normalised person) pairs, print a table of misses and false
//! hits, and require precision and recall of at least 0.95.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use whereas::entity::{annotate, extract};
use whereas::{EntityKind, Resolution, Span, Unit, UnitKind};

type Pairs = BTreeSet<(String, String)>;

fn read_annotation(tsv: &str) -> (Pairs, BTreeSet<String>) {
    let mut pairs = BTreeSet::new();
    let mut units = BTreeSet::new();
    for line in tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (unit, names) = line.split_once('\t').unwrap_or((line, ""));
        units.insert(unit.to_string());
        for name in names.split("; ").map(str::trim).filter(|n| !n.is_empty()) {
            pairs.insert((unit.to_string(), name.to_string()));
        }
    }
    (pairs, units)
}

/// Prints the table and returns (precision, recall).
fn score(title: &str, gold: &Pairs, found: &Pairs) -> (f64, f64) {
    let tp = gold.intersection(found).count();
    let precision = if found.is_empty() {
        1.0
    } else {
        tp as f64 / found.len() as f64
    };
    let recall = if gold.is_empty() {
        1.0
    } else {
        tp as f64 / gold.len() as f64
    };
    println!("== {title}");
    println!("{:<28} {:>6}", "annotated pairs", gold.len());
    println!("{:<28} {:>6}", "found pairs", found.len());
    println!("{:<28} {:>6}", "correct", tp);
    println!("{:<28} {:>6.3}", "precision", precision);
    println!("{:<28} {:>6.3}", "recall", recall);
    for (u, n) in gold.difference(found) {
        println!("  missed      {u:<14} {n}");
    }
    for (u, n) in found.difference(gold) {
        println!("  false hit   {u:<14} {n}");
    }
    (precision, recall)
}

/// Splits the seed into its units with the kind/label scheme of the fixtures. A small
/// stand-in for `whereas::segment` that knows only this file's layout.
fn seed_units(text: &str) -> Vec<(UnitKind, String, String)> {
    let mut units = Vec::new();
    let mut citations = 0;
    for line in text.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix('\u{2013}') {
            citations += 1;
            units.push((
                UnitKind::Citation,
                citations.to_string(),
                rest.trim().to_string(),
            ));
        } else if line.starts_with("(1)") {
            let mut rest = line;
            let mut n = 1;
            while let Some(r) = rest.strip_prefix(&format!("({n})")) {
                let next = format!("({})", n + 1);
                let (body, tail) = match r.find(&next) {
                    Some(k) => (&r[..k], &r[k..]),
                    None => (r, ""),
                };
                units.push((UnitKind::Footnote, n.to_string(), body.trim().to_string()));
                rest = tail;
                n += 1;
            }
        } else if let Some((marker, body)) =
            line.split_once(". ").or_else(|| line.split_once(".\u{a0}"))
        {
            let kind = if !marker.is_empty() && marker.chars().all(|c| c.is_ascii_uppercase()) {
                UnitKind::Recital
            } else if !marker.is_empty() && marker.chars().all(|c| c.is_ascii_digit()) {
                UnitKind::Paragraph
            } else {
                continue;
            };
            units.push((kind, marker.to_string(), body.trim().to_string()));
        }
    }
    units
}

fn resolution_of(units: Vec<(UnitKind, String, String)>) -> Resolution {
    Resolution {
        reference: None,
        title: None,
        date: None,
        language: Some("en".into()),
        source: None,
        units: units
            .into_iter()
            .enumerate()
            .map(|(ordinal, (kind, label, text))| Unit {
                kind,
                label,
                ordinal,
                text,
                span: Span { start: 0, end: 0 },
                footnote_calls: Vec::new(),
                footnote_call_offsets: Vec::new(),
                points: Vec::new(),
                entities: Vec::new(),
                pieces: Vec::new(),
            })
            .collect(),
        noise: Vec::new(),
        warnings: Vec::new(),
    }
}

fn found_persons(resolution: &Resolution) -> Pairs {
    resolution
        .units
        .iter()
        .flat_map(|u| {
            let id = format!("{}/{}", u.kind.as_str(), u.label);
            u.entities
                .iter()
                .filter(|e| e.kind == EntityKind::Person)
                .map(move |e| (id.clone(), e.normalized.clone()))
        })
        .collect()
}

#[test]
fn seed_persons_per_unit() {
    let (gold, ids) = read_annotation(include_str!("data/entities/persons_seed.tsv"));
    let mut resolution = resolution_of(seed_units(common::SEED));
    let got: BTreeSet<String> = resolution
        .units
        .iter()
        .map(|u| format!("{}/{}", u.kind.as_str(), u.label))
        .collect();
    assert_eq!(
        got, ids,
        "the fixture lists every unit of the seed (11 + 23 + 27 + 5)"
    );
    annotate(&mut resolution);
    let found = found_persons(&resolution);
    let (p, r) = score("seed resolution, persons per unit", &gold, &found);
    assert!(p >= 0.95 && r >= 0.95, "precision {p:.3} recall {r:.3}");
}

#[test]
fn ukraine_persons_per_line() {
    let Some(text) = common::shared_text("corpus/RC-10-2025-0249_ukraine-children.txt") else {
        return;
    };
    let (gold, _) = read_annotation(include_str!("data/entities/persons_ukraine.tsv"));
    let mut found = BTreeSet::new();
    let mut per_line: BTreeMap<usize, usize> = BTreeMap::new();
    for (k, line) in text.lines().enumerate() {
        for e in extract(line)
            .into_iter()
            .filter(|e| e.kind == EntityKind::Person)
        {
            *per_line.entry(k + 1).or_default() += 1;
            found.insert((format!("line/{}", k + 1), e.normalized));
        }
    }
    let (p, r) = score("Ukraine joint motion, persons per line", &gold, &found);
    assert!(p >= 0.95 && r >= 0.95, "precision {p:.3} recall {r:.3}");
}
