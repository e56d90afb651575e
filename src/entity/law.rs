//! The pass for legal references and capitalised phrases with a head, after dates.
//!
//! It reads left to right, so that "thereof" can refer to the instrument named last. An
//! article word with numbers ("Articles 1, 4, 5 and 235 of the EPCA", "Rule 144(5)",
//! "Article 7(1) TEU") gives one entity per article; elsewhere a capitalised phrase with
//! an institution or instrument head (see `phrase.rs`) gives an organisation or a law.

use super::acronym::{expand_token, is_acronym};
use super::phrase::{emit_split, head_phrase, inside_name};
use super::token::TokKind;
use super::{push_norm, Doc, EntityKind};

/// Determiners skipped before an instrument ("of *its* Rules of Procedure").
const DETERMINERS: &[&str] = &["the", "its", "their", "this", "that", "said", "his", "her"];

fn is_article_word(key: &str) -> bool {
    matches!(key, "article" | "articles" | "art" | "rule" | "rules")
}

/// "Articles 1, 4, 5 and 235 of the EPCA": one entity per article. Returns the next index.
fn article_refs(doc: &mut Doc, i: usize, last_instrument: &mut Option<String>) -> Option<usize> {
    let word = if doc.key(i).starts_with("art") {
        "Article"
    } else {
        "Rule"
    };
    let mut refs: Vec<(usize, usize, String)> = Vec::new();
    let mut j = i + 1;
    let mut from = Some(i);
    while refs.len() < 64 {
        if !doc.is_num(j) || !doc.free(j) {
            break;
        }
        let mut num = String::new();
        push_norm(&mut num, doc.text_of(j));
        let mut e = j;
        while doc.text_of(e + 1) == "("
            && !doc.tok(e + 1).is_some_and(|t| t.space_before)
            && (doc.is_num(e + 2)
                || (doc.is_word(e + 2) && doc.text_of(e + 2).chars().count() <= 4))
            && doc.text_of(e + 3) == ")"
        {
            num.push('(');
            num.push_str(doc.text_of(e + 2));
            num.push(')');
            e += 3;
        }
        refs.push((from.take().unwrap_or(j), e, num));
        j = e + 1;
        let mut k = j;
        if doc.key(k) == "," {
            k += 1;
        }
        if matches!(doc.key(k), "and" | "or" | "to") {
            k += 1;
        }
        if k == j {
            break;
        }
        if is_article_word(doc.key(k)) && doc.is_num(k + 1) {
            from = Some(k);
            k += 1;
        }
        if !doc.is_num(k) {
            break;
        }
        j = k;
    }
    let last_ref = refs.last()?.1;
    let mut end = last_ref;
    let mut instrument: Option<String> = None;
    let mut phrase = None;
    let mut acronym = None;
    if doc.key(j) == "thereof" {
        instrument = last_instrument.clone();
        end = j;
    } else if doc.is_capword(j)
        && is_acronym(doc, j)
        && !doc.tok(j).is_some_and(|t| t.line_before)
        && !doc.text_of(j).contains('/')
    {
        // "Article 7(1) TEU", "Article 2 ICCPR"
        let full =
            expand_token(doc, j).map_or_else(|| doc.text_of(j).to_string(), |(full, _)| full);
        instrument = Some(full);
        acronym = Some(j);
    } else if doc.key(j) == "of" {
        let mut k = j + 1;
        while DETERMINERS.contains(&doc.key(k)) && doc.free(k) {
            k += 1;
        }
        let owner = doc.tok(k + 1).is_some_and(|t| t.kind == TokKind::Poss) && doc.is_capword(k);
        let at = if owner { k + 2 } else { k };
        if let Some(p) = head_phrase(doc, at, true).filter(|p| p.kind == EntityKind::Law) {
            instrument = Some(p.normalized.clone());
            phrase = Some(p);
        } else if doc.is_capword(k) && is_acronym(doc, k) {
            let full =
                expand_token(doc, k).map_or_else(|| doc.text_of(k).to_string(), |(full, _)| full);
            instrument = Some(full);
            acronym = Some(k);
        }
    }
    if instrument.is_none() && word == "Rule" {
        instrument = Some("Rules of Procedure".to_string());
    }
    for (a, b, num) in &refs {
        let normalized = match &instrument {
            Some(x) => format!("{x}, {word} {num}"),
            None => format!("{word} {num}"),
        };
        let (Some(s), Some(e)) = (doc.tok(*a), doc.tok(*b)) else {
            continue;
        };
        let (s, e) = (s.start, e.end);
        doc.push_span(EntityKind::Law, s, e, normalized);
    }
    doc.claim(i, end);
    let mut next = end + 1;
    if let Some(p) = phrase {
        doc.claim(j, p.start.saturating_sub(1).max(j));
        next = emit_split(doc, p);
    } else if let (Some(k), Some(x)) = (acronym, instrument.clone()) {
        doc.claim(j, k.saturating_sub(1).max(j));
        doc.push(EntityKind::Law, k, k, x);
        next = k + 1;
    }
    if instrument.is_some() {
        *last_instrument = instrument;
    }
    Some(next)
}

/// Legal references and capitalised phrases with a head, left to right (so "thereof" can
/// refer to the instrument named last).
pub(crate) fn laws_and_phrases(doc: &mut Doc) {
    let n = doc.toks.len();
    let mut last_instrument: Option<String> = None;
    let mut i = 0;
    while i < n {
        if !doc.free(i) {
            i += 1;
            continue;
        }
        if doc.is_num(i + 1) && doc.free(i + 1) && is_article_word(doc.key(i)) {
            if let Some(next) = article_refs(doc, i, &mut last_instrument) {
                i = next.max(i + 1);
                continue;
            }
        }
        // A phrase starts only at a capitalised word (see `head_phrase`).
        if !doc.is_capword(i) || inside_name(doc, i) {
            i += 1;
            continue;
        }
        if let Some(p) = head_phrase(doc, i, false) {
            if p.kind == EntityKind::Law {
                last_instrument = Some(p.normalized.clone());
            }
            i = emit_split(doc, p).max(i + 1);
            continue;
        }
        i += 1;
    }
}
