//! What a resolution teaches about its own names, and which of it each unit read.
//!
//! [`annotate`](super::annotate) reads every unit twice: once to learn ([`Context::learn`])
//! and once more with everything learned. Most units read nothing in the second pass that
//! they did not already read in the first, so every entry here carries a *stamp*, the
//! moment it was learned, and every lookup a unit makes is logged as a [`Query`]. A unit
//! whose queries all hit entries it could already see in the first pass (or still miss)
//! would be read exactly as before: its first-pass result is its result. The fields are
//! private to this file, so no stage can read the context without logging it.

use std::cell::RefCell;

use super::token::{TokKind, Tokens};
use super::{entity_keys, Entity, EntityKind, FxMap, Pair};

/// A multi-word organisation or instrument learned: (folded words, normalised name, kind).
pub(crate) type Name = (Vec<String>, String, EntityKind);

/// One lookup a unit made in the [`Context`]: the token whose key was looked up, or for
/// an acronym the byte span of the text looked up.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Query {
    Given(usize),
    Surname(usize),
    Pair(usize, usize),
    Names(usize),
}

/// The queries of one extraction, in order.
pub(crate) type QueryLog = RefCell<Vec<Query>>;

/// What a resolution teaches about its own names (see [`annotate`](super::annotate)).
#[derive(Debug, Default)]
pub(crate) struct Context {
    /// Folded given names of people found → stamp.
    given: FxMap<String, usize>,
    /// Folded family names of people found → stamp.
    surnames: FxMap<String, usize>,
    /// Acronym → (full name, kind), stamp.
    pairs: FxMap<String, ((String, EntityKind), usize)>,
    /// Folded first word → the names learned that start with it, longest first, each
    /// with its stamp.
    names: FxMap<String, Vec<(Name, usize)>>,
    /// The stamp of what is learned now.
    now: usize,
}

impl Context {
    /// Stamps what is learned from now on with `stamp`.
    pub(crate) fn set_stamp(&mut self, stamp: usize) {
        self.now = stamp;
    }

    /// Would lookup `q`, made by the unit stamped `unit` in the first pass (on its `text`,
    /// tokenized as `toks`), get the same answer now? Yes when it hits nothing learned at
    /// or after `unit`; for names, when nothing learned since matches the unit's words
    /// there (names that do not match are filtered out by the reader, and adding them
    /// leaves the order of the others as it was).
    pub(crate) fn same_answer(&self, q: Query, unit: usize, text: &str, toks: &Tokens) -> bool {
        let key = |i: usize| toks.toks.get(i).map_or("", |t| toks.key(t));
        let before = |stamp: Option<usize>| stamp.is_none_or(|s| s < unit);
        match q {
            Query::Given(i) => before(self.given.get(key(i)).copied()),
            Query::Surname(i) => before(self.surnames.get(key(i)).copied()),
            Query::Pair(a, b) => before(
                text.get(a..b)
                    .and_then(|k| self.pairs.get(k))
                    .map(|(_, s)| *s),
            ),
            Query::Names(i) => self.names.get(key(i)).is_none_or(|list| {
                list.iter().all(|((ws, _, _), s)| {
                    *s < unit || !ws.iter().enumerate().all(|(k, w)| key(i + k) == w)
                })
            }),
        }
    }

    /// Is `key` a given name learned? The lookup `q` is logged in `log`.
    pub(crate) fn is_given(&self, key: &str, q: Query, log: &QueryLog) -> bool {
        log.borrow_mut().push(q);
        self.given.contains_key(key)
    }

    /// Is `key` a family name learned? The lookup `q` is logged in `log`.
    pub(crate) fn is_surname(&self, key: &str, q: Query, log: &QueryLog) -> bool {
        log.borrow_mut().push(q);
        self.surnames.contains_key(key)
    }

    /// The full name and kind learned for `acronym`. The lookup `q` is logged in `log`.
    pub(crate) fn pair(
        &self,
        acronym: &str,
        q: Query,
        log: &QueryLog,
    ) -> Option<&(String, EntityKind)> {
        log.borrow_mut().push(q);
        self.pairs.get(acronym).map(|(p, _)| p)
    }

    /// The names learned whose first folded word is `key`, longest first. The lookup `q`
    /// is logged in `log`.
    pub(crate) fn names(&self, key: &str, q: Query, log: &QueryLog) -> impl Iterator<Item = &Name> {
        log.borrow_mut().push(q);
        self.names
            .get(key)
            .into_iter()
            .flatten()
            .map(|(name, _)| name)
    }

    /// Learns from the entities found in `text` (tokenized as `toks`).
    pub(crate) fn learn(&mut self, text: &str, toks: &Tokens, entities: &[Entity], pairs: &[Pair]) {
        let now = self.now;
        for e in entities {
            if !matches!(
                e.kind,
                EntityKind::Person | EntityKind::Organisation | EntityKind::Law
            ) {
                continue;
            }
            let words = entity_keys(text, toks, e, |k| k == TokKind::Word || k == TokKind::Num);
            match e.kind {
                EntityKind::Person if words.len() >= 2 => {
                    if let (Some(first), Some(last)) = (words.first(), words.last()) {
                        if !self.given.contains_key(first) {
                            self.given.insert(first.clone(), now);
                        }
                        if !self.surnames.contains_key(last) {
                            self.surnames.insert(last.clone(), now);
                        }
                    }
                }
                EntityKind::Organisation | EntityKind::Law if words.len() >= 2 => {
                    let Some(first) = words.first() else {
                        continue;
                    };
                    if !self.names.contains_key(first) {
                        self.names.insert(first.clone(), Vec::new());
                    }
                    let Some(list) = self.names.get_mut(first.as_str()) else {
                        continue;
                    };
                    if !list.iter().any(|((w, _, _), _)| *w == words) {
                        list.push(((words, e.normalized.clone(), e.kind), now));
                        list.sort_by_key(|((w, _, _), _)| std::cmp::Reverse(w.len()));
                    }
                }
                _ => {}
            }
        }
        self.learn_pairs(pairs);
    }

    /// Learns the acronym pairings of one unit; the first pairing of an acronym wins.
    pub(crate) fn learn_pairs(&mut self, pairs: &[Pair]) {
        let now = self.now;
        for p in pairs {
            self.pairs
                .entry(p.acronym.clone())
                .or_insert_with(|| ((p.full.clone(), p.kind), now));
        }
    }
}
