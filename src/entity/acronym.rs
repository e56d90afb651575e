//! Acronyms: which tokens are shaped like one, and what one stands for.
//!
//! An acronym stands for the full name the text pairs it with ("Democratic Choice of
//! Kazakhstan (DCK)"), else for the one the resolution pairs it with elsewhere, else, for
//! well-known international bodies ("UN", "OSCE"), for the official name in `bodies.txt`.

use super::gazetteer as gz;
use super::token::TokKind;
use super::{Doc, EntityKind};

/// An acronym token: a word with at least two capitals, mostly capitals ("OSCE", "MAHs").
pub(super) fn is_acronym(doc: &Doc, i: usize) -> bool {
    doc.tok(i)
        .is_some_and(|t| t.kind == TokKind::Word && t.acronym)
}

/// Expands an acronym the text or the resolution pairs with a full name.
/// The acronym is the text's byte span `start..end`.
pub(super) fn expand_acronym(doc: &Doc, start: usize, end: usize) -> Option<(String, EntityKind)> {
    let acronym = doc.text.get(start..end)?;
    doc.pair_map
        .get(acronym)
        .or_else(|| doc.known_pair(start, end))
        .cloned()
}

/// The whole of token `i` as an acronym (see [`expand_acronym`]).
pub(super) fn expand_token(doc: &Doc, i: usize) -> Option<(String, EntityKind)> {
    let t = doc.tok(i)?;
    expand_acronym(doc, t.start, t.end)
}

/// An acronym or one-word body, the text's byte span `start..end`: paired in the text or
/// resolution, else from `bodies.txt`.
pub(super) fn lookup_acronym(doc: &Doc, start: usize, end: usize) -> Option<(String, EntityKind)> {
    expand_acronym(doc, start, end).or_else(|| {
        gz::bodies()
            .get(doc.text.get(start..end)?)
            .map(|full| (full.clone(), EntityKind::Organisation))
    })
}

/// The whole of token `i` as an acronym or body (see [`lookup_acronym`]).
pub(super) fn lookup_token(doc: &Doc, i: usize) -> Option<(String, EntityKind)> {
    let t = doc.tok(i)?;
    lookup_acronym(doc, t.start, t.end)
}
