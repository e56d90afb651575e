//! The pass for names already known, after organisation lists.
//!
//! Acronyms paired in this text, in the resolution or in `bodies.txt` (also each part of
//! a slashed pair, "RFE/RL"), and multi-word organisations and instruments found earlier in
//! this text or elsewhere in the resolution, wherever they come again.

use super::acronym::{is_acronym, lookup_acronym, lookup_token};
use super::gazetteer::WordTags;
use super::token::TokKind;
use super::{entity_keys, Doc, EntityKind, FxMap};

/// Acronyms (paired in this text, in the resolution, or in the gazetteer of international
/// bodies) and multi-word names already found elsewhere in the text or resolution.
pub(crate) fn known_names(doc: &mut Doc) {
    // The multi-word organisations and instruments found so far in this text, by first
    // folded word, each once.
    let mut local_by_first: FxMap<String, Vec<(Vec<String>, String, EntityKind)>> =
        FxMap::default();
    for e in &doc.out {
        if !matches!(e.kind, EntityKind::Organisation | EntityKind::Law) {
            continue;
        }
        let ws = entity_keys(doc.text, doc.tokens, e, |k| k != TokKind::Punct);
        let Some(first) = ws.first().filter(|_| ws.len() >= 2) else {
            continue;
        };
        let list = local_by_first.entry(first.clone()).or_default();
        if !list.iter().any(|(w, _, _)| *w == ws) {
            list.push((ws, e.normalized.clone(), e.kind));
        }
    }
    let n = doc.toks.len();
    let mut i = 0;
    while i < n {
        if !doc.free(i) || !doc.is_word(i) {
            i += 1;
            continue;
        }
        let s = doc.text_of(i);
        // Paired acronyms have an acronym's shape; `bodies.txt` keys are flagged in the
        // lexicon. Other words cannot be looked up successfully, so they skip the lookups.
        let may_be_known = doc.toks[i].acronym || doc.tags(i).is(WordTags::BODY);
        if let Some((full, kind)) = may_be_known.then(|| lookup_token(doc, i)).flatten() {
            doc.push(kind, i, i, full);
            i += 1;
            continue;
        }
        if is_acronym(doc, i) && s.contains('/') {
            let base = doc.toks[i].start;
            let mut off = 0;
            let mut any = false;
            for part in s.split('/') {
                let (a, b) = (base + off, base + off + part.len());
                if let Some((full, kind)) = lookup_acronym(doc, a, b) {
                    doc.push_span(kind, a, b, full);
                    any = true;
                }
                off += part.len() + 1;
            }
            if any {
                doc.claim(i, i);
            }
            i += 1;
            continue;
        }
        if !doc.is_capword(i) {
            i += 1;
            continue;
        }
        let key = doc.key(i);
        let from_ctx = doc.known_names(i);
        let best = local_by_first
            .get(key)
            .into_iter()
            .flatten()
            .chain(from_ctx)
            .filter(|(ws, _, _)| {
                ws.iter()
                    .enumerate()
                    .all(|(k, w)| doc.free(i + k) && doc.key(i + k) == w)
            })
            .max_by_key(|(ws, _, _)| ws.len());
        if let Some((ws, norm, kind)) = best {
            let (len, norm, kind) = (ws.len(), norm.clone(), *kind);
            doc.push(kind, i, i + len - 1, norm);
            i += len;
            continue;
        }
        i += 1;
    }
}
