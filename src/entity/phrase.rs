//! Capitalised phrases with a head: the names of institutions and instruments.
//!
//! A *phrase* is a run of capitalised words, possibly continued by a complement that starts
//! with "of", "for", "on", "against", "to" or "at" ("Organization for Security and
//! Co-operation in Europe"). Its *head* is the last institution or instrument word of the
//! first run ("Trade Union Law" → law; "Industrial Trade Union of …" → organisation;
//! "UN Human Rights Council Universal Periodic Review" → stops after "Council"). A phrase
//! followed by a bracketed acronym pairs the two. The pass that reads phrases is in
//! `law.rs`; the other passes reuse the runs of capitalised words read here.

use super::acronym::is_acronym;
use super::gazetteer::{self as gz, place_name, WordTags};
use super::token::TokKind;
use super::{Doc, EntityKind, Pair};

/// Words that may open a complement right after a head.
const COMPLEMENT: &[&str] = &[
    "of", "for", "on", "against", "to", "at", "de", "du", "des", "pour", "fur", "für",
];
/// Words allowed between capitalised words inside a complement.
const INNER: &[&str] = &[
    "of", "for", "on", "against", "to", "at", "and", "the", "in", "with", "de", "du", "des", "la",
    "le", "del", "pour", "und", "fur", "für",
];
/// Longest run of capitalised words read as one block.
pub(super) const MAX_BLOCK: usize = 12;
/// Most connector-led segments in one complement.
const MAX_SEGMENTS: usize = 8;

/// A phrase found: its tokens `start..=end`, its kind and normalised form.
pub(super) struct Phrase {
    pub(super) start: usize,
    end: usize,
    pub(super) kind: EntityKind,
    pub(super) normalized: String,
    /// Token index of a paired acronym in brackets right after the phrase.
    acronym: Option<usize>,
}

/// Token `i` starts a new line of the text.
pub(super) fn line_break(doc: &Doc, i: usize) -> bool {
    doc.tok(i).is_some_and(|t| t.line_before)
}

/// Last index of the run of capitalised words starting at `i`.
/// At most [`MAX_BLOCK`] words, so that long runs of capitals (a shouted page) stay linear.
pub(super) fn block_end(doc: &Doc, i: usize) -> usize {
    let mut j = i;
    while j - i + 1 < MAX_BLOCK && doc.is_capword(j + 1) && !line_break(doc, j + 1) {
        j += 1;
    }
    j
}

/// Token `i` is an institution word; "International" heads a phrase only at its end.
fn is_org_head(doc: &Doc, i: usize, last: bool) -> bool {
    doc.tags(i).is(WordTags::ORG_WORD) && (last || doc.key(i) != "international")
}

/// Token `i` is an instrument word ("Law", "Code", "Convention").
fn is_law_head(doc: &Doc, i: usize) -> bool {
    doc.tags(i).is(WordTags::LAW_WORD)
}

/// The last head word among tokens `from..=to`.
fn last_head(doc: &Doc, from: usize, to: usize) -> Option<usize> {
    (from..=to)
        .rev()
        .find(|&h| is_law_head(doc, h) || is_org_head(doc, h, h == to))
}

/// The index of a bracketed acronym right after token `e`: "… (OSCE)".
fn bracket_acronym(doc: &Doc, e: usize) -> Option<usize> {
    (doc.text_of(e + 1) == "("
        && doc.free(e + 2)
        && is_acronym(doc, e + 2)
        && doc.text_of(e + 3) == ")")
        .then_some(e + 2)
}

/// End of a complement after head `h`, if one follows.
fn complement(doc: &Doc, h: usize) -> Option<usize> {
    if !COMPLEMENT.contains(&doc.key(h + 1)) {
        return None;
    }
    let mut k = h + 1;
    let mut last = None;
    for _ in 0..MAX_SEGMENTS {
        let mut c = k;
        let mut connectors = 0;
        while connectors < 3
            && doc.free(c)
            && doc.is_word(c)
            && !line_break(doc, c)
            && INNER.contains(&doc.key(c))
        {
            if doc.key(c) == "and" && !doc.is_capword(c + 1) {
                break;
            }
            c += 1;
            connectors += 1;
        }
        if connectors == 0 || !doc.is_capword(c) || line_break(doc, c) {
            break;
        }
        let e = block_end(doc, c);
        last = Some(e);
        k = e + 1;
        if let Some(after) = coordinated(doc, c, e) {
            let e2 = block_end(doc, after);
            last = Some(e2);
            k = e2 + 1;
        }
    }
    last
}

/// "Protocol to *Prevent, Suppress and Punish* Trafficking …": after "to", single
/// capitalised verbs joined by commas and a final "and" belong to the title. Returns the
/// index of the last verb. Never joins places ("Delegation to Kazakhstan, Russia and …").
fn coordinated(doc: &Doc, c: usize, e: usize) -> Option<usize> {
    let single = |k: usize| {
        doc.is_capword(k)
            && block_end(doc, k) == k
            && !doc.tags(k).is(WordTags::PLACE)
            && !line_break(doc, k)
    };
    if c == 0 || doc.key(c - 1) != "to" || e != c || !single(c) {
        return None;
    }
    let mut m = e + 1;
    let mut steps = 0;
    while steps < 8 && doc.text_of(m) == "," && doc.free(m) && single(m + 1) {
        m += 2;
        steps += 1;
    }
    (steps > 0 && doc.key(m) == "and" && doc.free(m) && doc.is_capword(m + 1))
        .then_some(m + 1)
        .filter(|&v| !doc.tags(v).is(WordTags::PLACE))
}

/// Length in tokens of the longest gazetteer place starting at `i`.
fn place_len(doc: &Doc, i: usize) -> Option<usize> {
    if !doc.tags(i).is(WordTags::PLACE_FIRST) {
        return None;
    }
    gz::places()
        .by_first
        .get(doc.key(i))?
        .iter()
        .find_map(|(ws, _)| {
            ws.iter()
                .enumerate()
                .all(|(k, w)| doc.free(i + k) && doc.key(i + k) == w)
                .then_some(ws.len())
        })
}

/// A phrase with an institution or instrument head starting at `i`, or an acronym-paired
/// phrase with no head that names a place or follows an organisation noun.
pub(super) fn head_phrase(doc: &Doc, i: usize, allow_single: bool) -> Option<Phrase> {
    if !doc.is_capword(i) || doc.tags(i).is(WordTags::OPENER) {
        return None;
    }
    let b1 = block_end(doc, i);
    let mut head = last_head(doc, i, b1);
    let plain = |k: usize| !doc.tags(k).any(WordTags::GIVEN | WordTags::ROLE);
    if head.is_none()
        && doc.key(b1 + 1) == "and"
        && doc.free(b1 + 1)
        && doc.is_capword(b1 + 2)
        && b1 - i < 3
        && (i..=b1).all(plain)
    {
        // "Enhanced Partnership and Cooperation Agreement": the second half must end on
        // its head, and the first half must not hold a name or a title ("High
        // Representative Josep Borrell and Commission President …").
        let b2 = block_end(doc, b1 + 2);
        head = last_head(doc, b1 + 2, b2).filter(|&h| h == b2);
    }
    let Some(h) = head else {
        return headless_pair(doc, i);
    };
    if place_len(doc, i).is_some_and(|len| h < i + len) {
        // "Russian Federation", "Republic of Moldova": a place, not an organisation.
        return None;
    }
    let kind = if is_law_head(doc, h) {
        EntityKind::Law
    } else {
        EntityKind::Organisation
    };
    let mut end = h;
    let mut numbered = false;
    if kind == EntityKind::Law && matches!(doc.key(h), "directive" | "regulation" | "decision") {
        // "Directive 2001/83/EC", "Regulation (EC) No 141/2000"
        let mut e = h;
        if doc.text_of(e + 1) == "(" && is_acronym(doc, e + 2) && doc.text_of(e + 3) == ")" {
            e += 3;
        }
        if matches!(doc.key(e + 1), "no" | "no.") && doc.is_num(e + 2) {
            e += 1;
        }
        if doc.is_num(e + 1) && doc.free(e + 1) {
            end = e + 1;
            numbered = true;
        }
    }
    if !numbered {
        if let Some(e) = complement(doc, h) {
            end = e;
        }
    }
    let content = (i..=end)
        .filter(|&k| doc.is_capword(k) && !INNER.contains(&doc.key(k)))
        .count();
    if content < 2 && !numbered && !allow_single {
        return None;
    }
    let mut start = i;
    let mut normalized = doc.norm(i, end);
    if kind == EntityKind::Law {
        normalized = code_of(normalized);
    }
    // "Kazakhstan’s Criminal Code" → "Criminal Code of Kazakhstan"
    if kind == EntityKind::Law
        && i >= 2
        && doc.tok(i - 1).is_some_and(|t| t.kind == TokKind::Poss)
        && doc.is_capword(i - 2)
    {
        let owner = place_name(doc.key(i - 2))
            .map(str::to_string)
            .unwrap_or_else(|| doc.norm(i - 2, i - 2));
        normalized = format!("{normalized} of {owner}");
        start = i - 2;
    }
    Some(Phrase {
        start,
        end,
        kind,
        normalized,
        acronym: bracket_acronym(doc, end),
    })
}

/// "Code on Administrative Offences" → "Code of Administrative Offences": English
/// renderings of one code use either preposition, often in the same text, and a code
/// is one instrument whichever is used.
fn code_of(name: String) -> String {
    if name.contains(" Code on ") || name.starts_with("Code on ") {
        name.replace("Code on ", "Code of ")
    } else {
        name
    }
}

/// "Democratic Choice of Kazakhstan (DCK)": capitalised words whose initials spell the
/// bracketed acronym. Kept as an organisation only when the name holds a place or follows
/// an organisation noun ("movements", "party"), so "Mutual Legal Assistance (MLA)" is not.
fn headless_pair(doc: &Doc, i: usize) -> Option<Phrase> {
    let mut k = i;
    let mut steps = 0;
    let mut close = None;
    while steps < 16 {
        if doc.is_capword(k) && !line_break(doc, k) {
            if bracket_acronym(doc, k).is_some() {
                close = Some(k);
                break;
            }
        } else if !(doc.free(k) && INNER.contains(&doc.key(k)) && doc.is_capword(k + 1)) {
            break;
        }
        k += 1;
        steps += 1;
    }
    let e = close?;
    let acr = bracket_acronym(doc, e)?;
    let letters: Vec<char> = doc
        .text_of(acr)
        .chars()
        .filter(|c| c.is_uppercase())
        .flat_map(char::to_lowercase)
        .collect();
    let words: Vec<usize> = (i..=e)
        .filter(|&w| doc.is_capword(w) && !INNER.contains(&doc.key(w)))
        .collect();
    if letters.len() != words.len() || words.is_empty() {
        return None;
    }
    let matches = words.iter().zip(&letters).all(|(&w, &l)| {
        doc.text_of(w)
            .chars()
            .next()
            .is_some_and(|c| c.to_lowercase().eq(std::iter::once(l)))
    });
    let names_place = words.iter().any(|&w| doc.tags(w).is(WordTags::PLACE));
    let announced = (i.saturating_sub(3)..i).any(|c| doc.tags(c).is(WordTags::ORG_CUE));
    if !matches || !(names_place || announced) {
        return None;
    }
    Some(Phrase {
        start: i,
        end: e,
        kind: EntityKind::Organisation,
        normalized: doc.norm(i, e),
        acronym: Some(acr),
    })
}

/// Is token `i` inside a larger capitalised name ("High Representative of the *Union* …")?
/// A phrase does not start there: the words before it own it.
pub(super) fn inside_name(doc: &Doc, i: usize) -> bool {
    let mut j = i;
    if j >= 1 && doc.key(j - 1) == "the" {
        j -= 1;
    }
    j >= 2
        && matches!(doc.key(j - 1), "of" | "for" | "on" | "to" | "against")
        && doc
            .tok(j - 2)
            .is_some_and(|t| t.kind == TokKind::Word && (t.capitalised || t.upper))
}

/// The first content word of the shortest tail of `p` whose initials spell its acronym,
/// when that tail starts after a connector ("Rome Statute of the *International Criminal
/// Court* (ICC)"): the acronym belongs to the tail, not to the whole phrase.
fn acronym_tail(doc: &Doc, p: &Phrase) -> Option<usize> {
    let a = p.acronym?;
    let letters: Vec<char> = doc
        .text_of(a)
        .chars()
        .filter(|c| c.is_uppercase())
        .flat_map(char::to_lowercase)
        .collect();
    let words: Vec<usize> = (p.start..=p.end)
        .filter(|&w| doc.is_word(w) && !INNER.contains(&doc.key(w)))
        .collect();
    if letters.is_empty() || words.len() <= letters.len() {
        return None;
    }
    let tail = &words[words.len() - letters.len()..];
    let spells = tail.iter().zip(&letters).all(|(&w, &l)| {
        doc.text_of(w)
            .chars()
            .next()
            .is_some_and(|c| c.to_lowercase().eq(std::iter::once(l)))
    });
    let first = *tail.first()?;
    (spells && first > p.start && INNER.contains(&doc.key(first - 1))).then_some(first)
}

/// Splits off an acronym's own tail (see [`acronym_tail`]) and emits both parts.
pub(super) fn emit_split(doc: &mut Doc, p: Phrase) -> usize {
    let owned = doc
        .tok(p.start + 1)
        .is_some_and(|t| t.kind == TokKind::Poss);
    let Some(t) = acronym_tail(doc, &p).filter(|_| !owned) else {
        return emit(doc, &p);
    };
    let mut cut = t - 1;
    while cut > p.start && INNER.contains(&doc.key(cut)) {
        cut -= 1;
    }
    let tail_kind = if last_head(doc, t, p.end).is_some_and(|h| is_law_head(doc, h)) {
        EntityKind::Law
    } else {
        EntityKind::Organisation
    };
    let head = Phrase {
        start: p.start,
        end: cut,
        kind: p.kind,
        normalized: doc.norm(p.start, cut),
        acronym: None,
    };
    let tail = Phrase {
        start: t,
        end: p.end,
        kind: tail_kind,
        normalized: doc.norm(t, p.end),
        acronym: p.acronym,
    };
    emit(doc, &head);
    emit(doc, &tail)
}

fn emit(doc: &mut Doc, p: &Phrase) -> usize {
    doc.push(p.kind, p.start, p.end, p.normalized.clone());
    let mut next = p.end + 1;
    if let Some(a) = p.acronym {
        let acronym = doc.text_of(a).to_string();
        doc.push(p.kind, a, a, p.normalized.clone());
        doc.claim(a - 1, a + 1);
        doc.pair_map
            .entry(acronym.clone())
            .or_insert_with(|| (p.normalized.clone(), p.kind));
        doc.pairs.push(Pair {
            acronym,
            full: p.normalized.clone(),
            kind: p.kind,
        });
        next = a + 2;
    }
    next
}

#[cfg(test)]
mod tests {
    use crate::entity::tests::norms as of;
    use crate::entity::EntityKind;

    #[test]
    fn heads_and_complements() {
        assert_eq!(
            of("the Trade Union Law was amended", EntityKind::Law),
            ["Trade Union Law"]
        );
        assert_eq!(
            of(
                "the UN Human Rights Council Universal Periodic Review of",
                EntityKind::Organisation
            ),
            ["UN Human Rights Council"]
        );
        assert_eq!(
            of(
                "by the Specialised Interdistrict Economic Court in Shymkent",
                EntityKind::Organisation
            ),
            ["Specialised Interdistrict Economic Court"]
        );
        assert_eq!(
            of("the Coalition Against Torture;", EntityKind::Organisation),
            ["Coalition Against Torture"]
        );
        assert_eq!(
            of("calls on the Commission", EntityKind::Organisation),
            Vec::<String>::new()
        );
    }
}
