//! Legal references, organisations, acronyms and places.
//!
//! A *phrase* is a run of capitalised words, possibly continued by a complement that starts
//! with "of", "for", "on", "against", "to" or "at" ("Organization for Security and
//! Co-operation in Europe"). Its *head* is the last institution or instrument word of the
//! first run ("Trade Union Law" → law; "Industrial Trade Union of …" → organisation;
//! "UN Human Rights Council Universal Periodic Review" → stops after "Council").

use super::gazetteer::{self as gz, fold, WordTags};
use super::token::TokKind;
use super::{entity_keys, push_norm, Doc, EntityKind, FxMap, Pair};

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
const MAX_BLOCK: usize = 12;
/// Most connector-led segments in one complement.
const MAX_SEGMENTS: usize = 8;
/// Determiners skipped before an instrument ("of *its* Rules of Procedure").
const DETERMINERS: &[&str] = &["the", "its", "their", "this", "that", "said", "his", "her"];

struct Phrase {
    start: usize,
    end: usize,
    kind: EntityKind,
    normalized: String,
    /// Token index of a paired acronym in brackets right after the phrase.
    acronym: Option<usize>,
}

fn line_break(doc: &Doc, i: usize) -> bool {
    doc.tok(i).is_some_and(|t| t.line_before)
}

/// Last index of the run of capitalised words starting at `i`.
/// At most [`MAX_BLOCK`] words, so that long runs of capitals (a shouted page) stay linear.
fn block_end(doc: &Doc, i: usize) -> usize {
    let mut j = i;
    while j - i + 1 < MAX_BLOCK && doc.is_capword(j + 1) && !line_break(doc, j + 1) {
        j += 1;
    }
    j
}

fn is_org_head(doc: &Doc, i: usize, last: bool) -> bool {
    doc.tags(i).is(WordTags::ORG_WORD) && (last || doc.key(i) != "international")
}

fn is_law_head(doc: &Doc, i: usize) -> bool {
    doc.tags(i).is(WordTags::LAW_WORD)
}

fn last_head(doc: &Doc, from: usize, to: usize) -> Option<usize> {
    (from..=to)
        .rev()
        .find(|&h| is_law_head(doc, h) || is_org_head(doc, h, h == to))
}

/// An acronym token: a word with at least two capitals, mostly capitals ("OSCE", "MAHs").
fn is_acronym(doc: &Doc, i: usize) -> bool {
    doc.tok(i)
        .is_some_and(|t| t.kind == TokKind::Word && t.acronym)
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

fn place_name(key: &str) -> Option<&'static str> {
    gz::places()
        .by_first
        .get(key)?
        .iter()
        .find(|(ws, _)| ws.len() == 1)
        .map(|(_, canon)| *canon)
}

/// A phrase with an institution or instrument head starting at `i`, or an acronym-paired
/// phrase with no head that names a place or follows an organisation noun.
fn head_phrase(doc: &Doc, i: usize, allow_single: bool) -> Option<Phrase> {
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
fn inside_name(doc: &Doc, i: usize) -> bool {
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
fn emit_split(doc: &mut Doc, p: Phrase) -> usize {
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

fn is_article_word(key: &str) -> bool {
    matches!(key, "article" | "articles" | "art" | "rule" | "rules")
}

/// Expands an acronym the text or the resolution pairs with a full name.
/// The acronym is the text's byte span `start..end`.
fn expand_acronym(doc: &Doc, start: usize, end: usize) -> Option<(String, EntityKind)> {
    let acronym = doc.text.get(start..end)?;
    doc.pair_map
        .get(acronym)
        .or_else(|| doc.known_pair(start, end))
        .cloned()
}

/// The whole of token `i` as an acronym (see [`expand_acronym`]).
fn expand_token(doc: &Doc, i: usize) -> Option<(String, EntityKind)> {
    let t = doc.tok(i)?;
    expand_acronym(doc, t.start, t.end)
}

/// An acronym or one-word body, the text's byte span `start..end`: paired in the text or
/// resolution, else from `bodies.txt`.
fn lookup_acronym(doc: &Doc, start: usize, end: usize) -> Option<(String, EntityKind)> {
    expand_acronym(doc, start, end).or_else(|| {
        gz::bodies()
            .get(doc.text.get(start..end)?)
            .map(|full| (full.clone(), EntityKind::Organisation))
    })
}

/// The whole of token `i` as an acronym or body (see [`lookup_acronym`]).
fn lookup_token(doc: &Doc, i: usize) -> Option<(String, EntityKind)> {
    let t = doc.tok(i)?;
    lookup_acronym(doc, t.start, t.end)
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

/// Countries, regions and cities from the gazetteer, longest name first; a country inside a
/// hyphenated word ("EU-Kazakhstan") counts too. A one-word place that is also a given name
/// and is followed by a capitalised word ("Milan Zver") is left to the person rules.
pub(crate) fn places(doc: &mut Doc) {
    let table = gz::places();
    let n = doc.toks.len();
    let mut i = 0;
    while i < n {
        if !doc.is_capword(i) {
            i += 1;
            continue;
        }
        let mut matched = None;
        let first = doc.tags(i).is(WordTags::PLACE_FIRST);
        if let Some(list) = first.then(|| table.by_first.get(doc.key(i))).flatten() {
            for (ws, canon) in list {
                let ok = ws.iter().enumerate().all(|(k, w)| {
                    doc.free(i + k) && doc.key(i + k) == w && (k == 0 || !line_break(doc, i + k))
                });
                if ok {
                    matched = Some((ws.len(), *canon));
                    break;
                }
            }
        }
        if let Some((len, canon)) = matched {
            let next_is_name = doc.is_capword(i + len)
                && !line_break(doc, i + len)
                && !doc
                    .tags(i + len)
                    .any(WordTags::STOP | WordTags::ORG_WORD | WordTags::PLACE);
            if len == 1 && doc.tags(i).is(WordTags::GIVEN) && next_is_name {
                i += 1;
                continue;
            }
            doc.push(EntityKind::Place, i, i + len - 1, canon.to_string());
            i += len;
            continue;
        }
        let s = doc.text_of(i);
        if s.contains(['-', '\u{2011}', '\u{2010}']) {
            let base = doc.toks[i].start;
            let parts: Vec<&str> = s.split(['-', '\u{2011}', '\u{2010}']).collect();
            // Only where every other part is an acronym or a place ("EU-Kazakhstan",
            // "Russia-Ukraine"), never inside a double name ("Wiseler-Lima").
            let compound = parts.iter().all(|p| {
                let letters = p.chars().filter(|c| c.is_alphabetic()).count();
                (letters >= 2 && !p.chars().any(char::is_lowercase))
                    || place_name(&fold(p)).is_some()
            });
            if !compound {
                i += 1;
                continue;
            }
            let mut hits = Vec::new();
            let mut off = 0;
            for part in parts {
                if part.chars().next().is_some_and(char::is_uppercase) {
                    if let Some(canon) = place_name(&fold(part)) {
                        hits.push((base + off, base + off + part.len(), canon));
                    }
                }
                // every separator is one char; find its width in the text
                let sep = s[off + part.len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
                off += part.len() + sep;
            }
            for (a, b, canon) in hits {
                doc.push_span(EntityKind::Place, a, b, canon.to_string());
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::entity::tests::norms as of;
    use crate::entity::{extract, EntityKind};

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

    #[test]
    fn hyphenated_place() {
        let text = "the 17th meeting of the EU-Kazakhstan Human Rights Dialogue";
        let places: Vec<_> = extract(text)
            .into_iter()
            .filter(|e| e.kind == EntityKind::Place)
            .collect();
        assert_eq!(places.len(), 1);
        assert_eq!(&text[places[0].start..places[0].end], "Kazakhstan");
    }
}
