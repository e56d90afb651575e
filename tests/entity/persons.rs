//! Persons: precision and recall against hand annotations.
//!
//! - The seed resolution, per unit of [`whereas::segment`], after
//!   [`whereas::entity::annotate`] (so linking counts): `tests/data/entities/persons_seed.tsv`.
//! - The Ukraine joint motion in `../shared/corpus`, per unit:
//!   `tests/data/entities/persons_ukraine_units.tsv`.
//! - The Ukraine joint motion in `../shared/corpus`, per line of the file (its authors' block
//!   names ~85 members in many European languages): `tests/data/entities/persons_ukraine.tsv`.
//!
//! - The public-health motion in `../shared/corpus`, per line: one person among many
//!   capitalised non-names (`tests/data/entities/persons_public_health.tsv`).
//!
//! All compare sets of (unit, normalised person) pairs, print a table of misses and false
//! hits, and require precision and recall of at least 0.95.

use crate::support;

use std::collections::BTreeSet;

use whereas::entity::{annotate, extract};
use whereas::{EntityKind, Resolution};

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
fn seed_persons_per_unit_segmented() {
    let (gold, ids) = read_annotation(include_str!("../data/entities/persons_seed.tsv"));
    let mut resolution = whereas::segment(support::SEED).expect("the seed segments");
    let got: BTreeSet<String> = resolution
        .units
        .iter()
        .map(|u| format!("{}/{}", u.kind.as_str(), u.label))
        .collect();
    assert_eq!(got, ids, "the segmenter and the fixture agree on the units");
    annotate(&mut resolution);
    let found = found_persons(&resolution);
    let (p, r) = score(
        "seed resolution, persons per unit (whereas::segment)",
        &gold,
        &found,
    );
    assert!(p >= 0.95 && r >= 0.95, "precision {p:.3} recall {r:.3}");
}

#[test]
fn ukraine_persons_per_unit_segmented() {
    let Some(text) = support::shared_text("corpus/RC-10-2025-0249_ukraine-children.txt") else {
        return;
    };
    let (gold, _) = read_annotation(include_str!("../data/entities/persons_ukraine_units.tsv"));
    let mut resolution = whereas::segment(&text).expect("the Ukraine text segments");
    annotate(&mut resolution);
    let found = found_persons(&resolution);
    let (p, r) = score(
        "Ukraine joint motion, persons per unit (whereas::segment)",
        &gold,
        &found,
    );
    assert!(p >= 0.95 && r >= 0.95, "precision {p:.3} recall {r:.3}");
}

fn persons_per_line(text: &str) -> Pairs {
    text.lines()
        .enumerate()
        .flat_map(|(k, line)| {
            extract(line)
                .into_iter()
                .filter(|e| e.kind == EntityKind::Person)
                .map(move |e| (format!("line/{}", k + 1), e.normalized))
        })
        .collect()
}

#[test]
fn ukraine_persons_per_line() {
    let Some(text) = support::shared_text("corpus/RC-10-2025-0249_ukraine-children.txt") else {
        return;
    };
    let (gold, _) = read_annotation(include_str!("../data/entities/persons_ukraine.tsv"));
    let found = persons_per_line(&text);
    let (p, r) = score("Ukraine joint motion, persons per line", &gold, &found);
    assert!(p >= 0.95 && r >= 0.95, "precision {p:.3} recall {r:.3}");
}

#[test]
fn public_health_persons_per_line() {
    let Some(text) = support::shared_text("corpus/B-9-2020-0220_public-health.txt") else {
        return;
    };
    let (gold, _) = read_annotation(include_str!("../data/entities/persons_public_health.tsv"));
    let found = persons_per_line(&text);
    let (p, r) = score("public-health motion, persons per line", &gold, &found);
    assert!(p >= 0.95 && r >= 0.95, "precision {p:.3} recall {r:.3}");
}
