//! The pass for organisations announced by a noun, after legal references and phrases.
//!
//! A noun such as "NGOs", "movements" or "newspaper" announces one organisation ("the
//! independent newspaper Uralskaya Nedelya") or, with "including", "such as" or a colon, a
//! list of them ("NGOs, including ECHO, Erkindik Kanaty and …"). An item that looks like a
//! person's name ends the list and is left to the person rules.

use super::acronym::lookup_token;
use super::gazetteer::{self as gz, WordTags};
use super::phrase::{block_end, line_break, MAX_BLOCK};
use super::{Doc, EntityKind};

/// Does the run `from..=to` look like a person's name (given name or family-name ending)?
fn person_like(doc: &Doc, from: usize, to: usize) -> bool {
    let words = to + 1 - from;
    if !(2..=4).contains(&words) {
        return false;
    }
    let last = doc.key(to);
    let last = last.rsplit('-').next().unwrap_or(last);
    doc.first_part_tags(from).is(WordTags::GIVEN)
        || gz::surname_suffixes()
            .iter()
            .any(|s| last.ends_with(s.as_str()) && last.chars().count() >= s.chars().count() + 2)
}

/// Organisations announced by a noun: "NGOs, including ECHO, Erkindik Kanaty and …",
/// "movements such as A, B and C", "the independent newspaper X".
pub(crate) fn org_lists(doc: &mut Doc) {
    let n = doc.toks.len();
    for c in 0..n {
        if !doc.tags(c).is(WordTags::ORG_CUE) {
            continue;
        }
        let lower_or_ngo =
            doc.tok(c).is_some_and(|t| !t.capitalised) || doc.key(c).starts_with("ngo");
        if !doc.free(c) || !doc.is_word(c) || !lower_or_ngo {
            continue;
        }
        let mut k = c + 1;
        let mut list = false;
        if doc.key(k) == "," || doc.key(k) == ":" {
            k += 1;
            list = true;
        }
        match (doc.key(k), doc.key(k + 1)) {
            ("such", "as") | ("in", "particular") => {
                k += 2;
                list = true;
            }
            ("including" | "namely" | "like", _) => {
                k += 1;
                list = true;
            }
            _ => {}
        }
        let mut items = 0;
        while items < 32 && k < n {
            if doc.key(k) == "the" {
                k += 1;
            }
            if line_break(doc, k) {
                break;
            }
            if !doc.free(k) && doc.is_word(k) {
                let stop = (k + MAX_BLOCK * 4).min(n);
                while k < stop && !doc.free(k) {
                    k += 1;
                }
            } else if doc.is_capword(k) {
                let mut e = block_end(doc, k);
                while matches!(doc.key(e + 1), "of" | "for") && doc.free(e + 1) {
                    let mut s = e + 2;
                    if doc.key(s) == "the" {
                        s += 1;
                    }
                    if !doc.is_capword(s) {
                        break;
                    }
                    e = block_end(doc, s);
                }
                let single_place = e == k && doc.tags(k).is(WordTags::PLACE);
                if person_like(doc, k, e) && e == block_end(doc, k) {
                    break;
                }
                if !single_place {
                    let known = (e == k)
                        .then(|| lookup_token(doc, k))
                        .flatten()
                        .map(|(full, _)| full);
                    let normalized = known.unwrap_or_else(|| doc.norm(k, e));
                    doc.push(EntityKind::Organisation, k, e, normalized);
                }
                k = e + 1;
            } else if doc.is_num(k) && doc.free(k) && list {
                k += 1;
            } else {
                break;
            }
            items += 1;
            if !list {
                break;
            }
            if doc.key(k) == "," {
                k += 1;
            }
            if matches!(doc.key(k), "and" | "or") {
                k += 1;
            } else if doc.key(k - 1) != "," {
                break;
            }
        }
    }
}
