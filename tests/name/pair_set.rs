//! The labelled pair set of `tests/data/names/pairs/` (attested spellings of people
//! named in EP resolutions, look-alikes, the dev / held-out split), turned into
//! same-person and different-person pairs, and precision / recall / F1 of a
//! decision over them. Shared by `tests/name/pairs.rs` and `examples/pair_eval.rs`.
//!
//! Pairs, generated deterministically (the data README gives the recipe):
//! - **same**: every two spellings of one person;
//! - **look-alike**: each look-alike spelling with every spelling of the person it
//!   is confusable with;
//! - **cross**: for every two people of one family and one part, their spellings
//!   paired by index (`i`-th with `i`-th, for `i` below the smaller count, at most 3).
//!
//! Rows whose `form_note` says *misspelling* or *birth name* are `flagged`: they
//! are reported on their own line, not mixed into the headline figures.
//!
//! Three parts: `dev` and `heldout` (people of `people.tsv`, as `split.tsv` says),
//! and `extra` (people of `people_extra.tsv` and their look-alikes, gathered after
//! the split; dev only, reported on their own so the dev figures of `people.tsv`
//! stay comparable across versions).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::PathBuf;

/// One attested spelling.
#[derive(Debug, Clone)]
pub struct Spelling {
    /// The person.
    pub person: String,
    /// `slavic`, `turkic`, `caucasus`, `arabic_persian` or `chinese`.
    pub family: String,
    /// The spelling as attested.
    pub text: String,
    /// ISO 15924 script code.
    pub script: String,
    /// The kind of form (see the data README).
    pub note: String,
    /// For a look-alike, the person it must not match.
    pub confusable_with: Option<String>,
}

impl Spelling {
    /// An attested misspelling or a birth / former name.
    pub fn flagged(&self) -> bool {
        let n = self.note.to_lowercase();
        n.contains("misspelling") || n.contains("birth name") || n.contains("former name")
    }
}

/// The data set.
#[derive(Debug, Clone)]
pub struct PairSet {
    /// Spellings of the people (same-person pairs come from here).
    pub people: Vec<Spelling>,
    /// Spellings of look-alike people.
    pub lookalikes: Vec<Spelling>,
    /// person → `dev`, `heldout` or `extra`.
    pub part: BTreeMap<String, String>,
}

/// One labelled pair.
#[derive(Debug, Clone)]
pub struct Pair {
    /// First spelling.
    pub a: String,
    /// Second spelling.
    pub b: String,
    /// Same person?
    pub same: bool,
    /// Family of the pair.
    pub family: String,
    /// `dev`, `heldout` or `extra`.
    pub part: String,
    /// `same`, `lookalike` or `cross`.
    pub kind: &'static str,
    /// Either side is a flagged form (misspelling, birth name).
    pub flagged: bool,
}

/// The families, in report order.
pub const FAMILIES: &[&str] = &["slavic", "turkic", "caucasus", "arabic_persian", "chinese"];

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/names/pairs")
}

fn read(name: &str) -> Result<Vec<Vec<String>>, String> {
    let path = dir().join(name);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect())
}

fn spelling(row: &[String], confusable: bool) -> Result<Spelling, String> {
    let col = |i: usize| {
        row.get(i)
            .cloned()
            .ok_or_else(|| format!("short row: {row:?}"))
    };
    Ok(Spelling {
        person: col(0)?,
        family: col(1)?,
        text: col(2)?,
        script: col(3)?,
        note: col(4)?,
        confusable_with: if confusable { Some(col(6)?) } else { None },
    })
}

impl PairSet {
    /// Reads the five files.
    pub fn load() -> Result<PairSet, String> {
        let people_of = |name: &str, confusable: bool| -> Result<Vec<Spelling>, String> {
            read(name)?
                .iter()
                .map(|r| spelling(r, confusable))
                .collect()
        };
        let mut people = people_of("people.tsv", false)?;
        let mut lookalikes = people_of("lookalikes.tsv", true)?;
        let mut part: BTreeMap<String, String> = read("split.tsv")?
            .into_iter()
            .filter_map(|r| Some((r.first()?.clone(), r.get(2)?.clone())))
            .collect();
        let extra = people_of("people_extra.tsv", false)?;
        for s in &extra {
            if part.contains_key(&s.person) || people.iter().any(|p| p.person == s.person) {
                return Err(format!(
                    "{} is in people.tsv and people_extra.tsv",
                    s.person
                ));
            }
        }
        for s in &extra {
            part.insert(s.person.clone(), "extra".into());
        }
        people.extend(extra);
        lookalikes.extend(people_of("lookalikes_extra.tsv", true)?);
        Ok(PairSet {
            people,
            lookalikes,
            part,
        })
    }

    /// The part of a person (`dev`, `heldout` or `extra`).
    pub fn part_of(&self, person: &str) -> String {
        self.part
            .get(person)
            .cloned()
            .unwrap_or_else(|| "dev".into())
    }

    /// The spellings of each person, in file order, grouped by person in order of
    /// first appearance.
    pub fn by_person(&self) -> Vec<(String, Vec<&Spelling>)> {
        let mut out: Vec<(String, Vec<&Spelling>)> = Vec::new();
        for s in &self.people {
            match out.iter_mut().find(|(p, _)| *p == s.person) {
                Some((_, v)) => v.push(s),
                None => out.push((s.person.clone(), vec![s])),
            }
        }
        out
    }

    /// Every labelled pair (see the module docs).
    pub fn pairs(&self) -> Vec<Pair> {
        let mut out = Vec::new();
        let people = self.by_person();
        for (person, sp) in &people {
            let part = self.part_of(person);
            for i in 0..sp.len() {
                for j in i + 1..sp.len() {
                    out.push(Pair {
                        a: sp[i].text.clone(),
                        b: sp[j].text.clone(),
                        same: true,
                        family: sp[i].family.clone(),
                        part: part.clone(),
                        kind: "same",
                        flagged: sp[i].flagged() || sp[j].flagged(),
                    });
                }
            }
        }
        for l in &self.lookalikes {
            let Some(target) = &l.confusable_with else {
                continue;
            };
            let Some((_, sp)) = people.iter().find(|(p, _)| p == target) else {
                continue;
            };
            for s in sp {
                out.push(Pair {
                    a: l.text.clone(),
                    b: s.text.clone(),
                    same: false,
                    family: l.family.clone(),
                    part: self.part_of(target),
                    kind: "lookalike",
                    flagged: l.flagged() || s.flagged(),
                });
            }
        }
        for (x, (px, sx)) in people.iter().enumerate() {
            for (py, sy) in &people[x + 1..] {
                let part = self.part_of(px);
                if sx[0].family != sy[0].family || part != self.part_of(py) {
                    continue;
                }
                for i in 0..sx.len().min(sy.len()).min(3) {
                    out.push(Pair {
                        a: sx[i].text.clone(),
                        b: sy[i].text.clone(),
                        same: false,
                        family: sx[0].family.clone(),
                        part: part.clone(),
                        kind: "cross",
                        flagged: sx[i].flagged() || sy[i].flagged(),
                    });
                }
            }
        }
        out
    }
}

/// Precision, recall and F1 of a decision over pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    /// Same-person pairs judged same.
    pub tp: usize,
    /// Different-person pairs judged same.
    pub fp: usize,
    /// Same-person pairs judged different.
    pub fn_: usize,
    /// Different-person pairs judged different.
    pub tn: usize,
}

impl Prf {
    /// Adds one judged pair.
    pub fn add(&mut self, same: bool, judged_same: bool) {
        match (same, judged_same) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }
    /// tp / (tp + fp); 1 when nothing was judged same.
    pub fn precision(&self) -> f64 {
        let d = self.tp + self.fp;
        if d == 0 {
            1.0
        } else {
            self.tp as f64 / d as f64
        }
    }
    /// tp / (tp + fn).
    pub fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores `decide` per family (and `all`) over the pairs of one part, leaving
/// flagged pairs out (or only those, with `flagged`).
pub fn score(
    pairs: &[Pair],
    part: &str,
    flagged: bool,
    mut decide: impl FnMut(&str, &str) -> bool,
) -> BTreeMap<String, Prf> {
    let mut out: BTreeMap<String, Prf> = BTreeMap::new();
    for p in pairs
        .iter()
        .filter(|p| p.part == part && p.flagged == flagged)
    {
        let judged = decide(&p.a, &p.b);
        out.entry(p.family.clone()).or_default().add(p.same, judged);
        out.entry("all".into()).or_default().add(p.same, judged);
    }
    out
}

/// Name-search recall@1 per family (and `all`) on one part: one unit per person of the
/// family and part holding its first attested spelling, plus one per look-alike of
/// them, each queried with the person's other spellings (flagged forms left out)
/// through `SearchRequest::name`. Returns `(hits, queries)` per family and the
/// misses as `(family, query, person's first spelling, first hit's name)`.
#[allow(clippy::type_complexity)]
pub fn search_recall_at_1(
    set: &PairSet,
    part: &str,
) -> Result<
    (
        BTreeMap<String, (usize, usize)>,
        Vec<(String, String, String, Option<String>)>,
    ),
    String,
> {
    use crate::shared_eval as eval;
    let mut misses = Vec::new();
    let mut out: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for family in FAMILIES {
        let mut names = Vec::new();
        let mut distractors = Vec::new();
        for (person, sp) in set.by_person() {
            if sp[0].family != *family || set.part_of(&person) != part {
                continue;
            }
            for s in &sp {
                if s.flagged() {
                    continue;
                }
                names.push(eval::Row {
                    entity_id: person.clone(),
                    canonical: sp[0].text.clone(),
                    variant: s.text.clone(),
                    script: s.script.clone(),
                    system: s.note.clone(),
                });
            }
        }
        for l in &set.lookalikes {
            let target = l.confusable_with.as_deref().unwrap_or_default();
            if l.family != *family || set.part_of(target) != part {
                continue;
            }
            if distractors
                .iter()
                .any(|d: &eval::Row| d.entity_id == l.person)
            {
                continue;
            }
            distractors.push(eval::Row {
                entity_id: l.person.clone(),
                canonical: l.text.clone(),
                variant: l.text.clone(),
                script: l.script.clone(),
                system: l.note.clone(),
            });
        }
        // The unit's own spelling is not a query.
        names.retain(|r| r.variant != r.canonical);
        let corpus = eval::corpus(&names, &distractors);
        let index = eval::whereas_index(&corpus).map_err(|e| e.to_string())?;
        let report = eval::evaluate("whereas", &corpus, |q| {
            eval::whereas_search(&index, q, eval::Ask::Name)
        });
        let hit = report.outcomes.iter().filter(|o| o.rank == Some(1)).count();
        let e = out.entry(family.to_string()).or_default();
        e.0 += hit;
        e.1 += report.outcomes.len();
        let e = out.entry("all".into()).or_default();
        e.0 += hit;
        e.1 += report.outcomes.len();
        for o in report.outcomes.iter().filter(|o| o.rank != Some(1)) {
            let top = o.top.first().map(|(d, _)| corpus.docs[*d].name.clone());
            misses.push((
                family.to_string(),
                o.query.variant.clone(),
                o.query.canonical.clone(),
                top,
            ));
        }
    }
    Ok((out, misses))
}
