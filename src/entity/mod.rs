//! Units → entities: people, organisations, places, legal references and dates.
//!
//! Input: the cleaned text of one unit ([`extract`]) or a whole [`Resolution`]
//! ([`annotate`]). Output: [`Entity`] values with kind, surface text, normalised form and
//! byte span. Invariant: spans are byte offsets into the unit's text, on char boundaries,
//! sorted by start, and never overlap, except that the days or months of one range share
//! the range's span. [`extract`] never panics and runs in time linear in the text (every
//! look-ahead and look-back is bounded by a small constant).
//!
//! ```
//! use whereas::{entity, EntityKind};
//!
//! let text = "whereas on 26 and 27 November 2020 journalist Maria Ivanova was detained \
//!             under Article 405 of Kazakhstan’s Criminal Code in Almaty";
//! let entities = entity::extract(text);
//! let found: Vec<(EntityKind, &str)> = entities
//!     .iter()
//!     .map(|e| (e.kind, e.normalized.as_str()))
//!     .collect();
//! assert!(found.contains(&(EntityKind::Person, "Maria Ivanova")));
//! assert!(found.contains(&(EntityKind::Date, "2020-11-26")));
//! assert!(found.contains(&(EntityKind::Date, "2020-11-27")));
//! assert!(found.contains(&(EntityKind::Law, "Criminal Code of Kazakhstan, Article 405")));
//! assert!(found.contains(&(EntityKind::Place, "Almaty")));
//! ```
//!
//! # How it works
//! Rules over a one-pass tokenizer plus general gazetteers (`src/entity/data/`: all
//! countries, regions and large cities; common given names across languages; institution
//! and instrument words; person-announcing role words; family-name endings). No table holds
//! the people or organisations of any particular resolution. Stages run in a fixed order and
//! each claims its tokens, so later stages never re-read them: dates, then legal references
//! and capitalised phrases with an institution or instrument head (with acronym pairing),
//! then organisation lists announced by a noun ("NGOs, including …"), then acronyms and
//! names already known, then places, then persons.
//!
//! # Normalised forms
//! - **Person**: the name as written, words joined by one space, typographic hyphens and
//!   apostrophes made ASCII, all-capital words in title case ("Maria Lvova-Belova").
//!   [`annotate`] then gives every variant of one person in a resolution the most complete
//!   spelling (most words, then most letters, then first seen): "Max Bokayev", "Maks
//!   Bokayev" and a later bare "Bokayev" all become "Maks Bokayev".
//! - **Organisation**: the full name as written ("Democratic Choice of Kazakhstan"). Where a
//!   text pairs it with an acronym ("… (DCK)"), the acronym becomes an entity of its own
//!   with the *same* normalised form, so both map to one facet; elsewhere in the resolution
//!   [`annotate`] maps the bare acronym to the full name as well. Acronyms of well-known
//!   international bodies ("UN", "OSCE") take their official full name from `bodies.txt`.
//! - **Place**: the short country or city name ("Russia" for "the Russian Federation").
//! - **Law**: one entity per article or rule, `"<instrument>, Article <n>"` or
//!   `"<instrument>, Rule <n>"` ("Criminal Code of Kazakhstan, Article 405", "EPCA,
//!   Article 235", "Rules of Procedure, Rule 144(5)"). The instrument is written as in the
//!   text without its article; a possessive owner moves behind it ("Kazakhstan’s Criminal
//!   Code" → "Criminal Code of Kazakhstan"); dashes in numbers become hyphens ("460-1");
//!   "thereof" takes the instrument named last; a bare "Rule n" refers to the "Rules of
//!   Procedure"; an article with no instrument is just `"Article <n>"`. Named instruments are
//!   entities too ("Istanbul Convention"). [`annotate`] expands an instrument acronym that
//!   the resolution pairs elsewhere ("EPCA" → "Enhanced Partnership and Cooperation
//!   Agreement").
//! - **Date**: ISO 8601, `YYYY-MM-DD` for days and `YYYY-MM` for months. Lists and ranges
//!   give one entity per day ("26 and 27 November 2020" → two dates; "26–28 November 2020"
//!   → three) or per month ("from February to November 2020"), sharing the span.
//!
//! # Precision first
//! Every entity needs positive evidence, and where context and morphology disagree the
//! extractor prefers precision:
//! - A name announced as an organisation ("the independent newspaper Uralskaya Nedelya",
//!   "movements such as …") is an organisation only if its own words do not look like a
//!   person's name; "Uralskaya", a family-name ending on the *first* word, does not count,
//!   but an item whose first word is a known given name or whose last word has a
//!   family-name ending is not made an organisation and is left to the person rules, which
//!   again need their own evidence.
//! - A capitalised pair with no known given name, no family-name ending, no role word, no
//!   apposition and no list of names around it is not taken as a person ("Erkindik
//!   Kanaty", "Red Notices").
//! - A capitalised phrase made of an acronym's initials but with no institution word, no
//!   place and no announcing noun is not an organisation ("Mutual Legal Assistance (MLA)").
//! - A one-word name needs a title ("President X"), a role word and a family-name ending,
//!   or a full name with that family name in the text or resolution.
//! - A one-word place that is also a common given name and is followed by a capitalised
//!   word is left to the person rules ("Milan Zver").
//!
//! # Limits
//! A family name in capitals with nothing beside it that vouches for a name ("ZHOVTIS
//! said") and given names absent from the gazetteer outside any list or role ("Villy
//! Søvndal" alone on a line) are missed; a day
//! and month with no year ("on 3 February") is not normalised unless it runs to a dated day
//! ("30 November to 2 December 2020"), and then only the two ends are given when the range
//! crosses a month; years alone are not dates;
//! instrument titles with commas are read only in the "to Prevent, Suppress and Punish"
//! shape, other commas end a name.

mod acronym;
mod context;
mod date;
mod gazetteer;
mod known;
mod law;
mod link;
mod org_list;
mod person;
mod phrase;
mod place;
mod token;

use crate::model::Resolution;
pub use crate::model::{Entity, EntityKind};

use self::context::{Context, Name, Query, QueryLog};
use self::gazetteer::WordTags;
use self::token::{Tok, TokKind, Tokens};

/// A hash map with FxHash: every key here is a word or name from our own gazetteers or
/// from the text being read, looked up once or more per token, where SipHash's flood
/// resistance buys nothing.
pub(crate) type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;
/// A hash set with FxHash (see [`FxMap`]).
pub(crate) type FxSet<T> = rustc_hash::FxHashSet<T>;

/// Finds the entities in one unit's text.
///
/// Entities are sorted by `(start, end)`; spans are byte offsets into `text` on char
/// boundaries. Any input is accepted; see the [module docs](self) for the normalised forms.
pub fn extract(text: &str) -> Vec<Entity> {
    extract_tokens(text, &token::tokenize(text), &Context::default()).0
}

/// Fills [`crate::Unit::entities`] for every unit of a resolution and links variants.
///
/// Two passes: the first reads every unit alone and learns, for the whole resolution, the
/// given names and family names of the people found and the acronyms paired with a full
/// name; the second reads every unit again with what was learned (so "ITUFEW" or
/// "Zhanbolat Agadil" are recognised in a unit that does not explain them), then one
/// person written several ways gets one normalised form (same family name, compatible given
/// name or initial; a bare family name joins the only full name that has it).
pub fn annotate(resolution: &mut Resolution) {
    let mut ctx = Context::default();
    let units = &resolution.units;
    // Each unit is tokenized once; both passes read the same tokens.
    let toks: Vec<Tokens> = units
        .iter()
        .map(|unit| token::tokenize(&unit.text))
        .collect();
    // First pass: what unit k learns is stamped k, and it sees stamps below k.
    let mut first = Vec::with_capacity(units.len());
    for (k, (unit, toks)) in units.iter().zip(&toks).enumerate() {
        ctx.set_stamp(k);
        let (entities, pairs, queries) = extract_tokens(&unit.text, toks, &ctx);
        ctx.learn(&unit.text, toks, &entities, &pairs);
        first.push((entities, queries));
    }
    // Second pass, with everything learned. A unit whose every lookup hits an entry
    // stamped before it (or still misses) would be read exactly as in the first pass, so
    // that reading stands; its pairings are learned already. What a re-read unit teaches
    // is stamped after every unit, so later units that looked it up are re-read too.
    let n = units.len();
    let mut found = Vec::with_capacity(n);
    for (k, ((unit, toks), (entities, queries))) in units.iter().zip(&toks).zip(first).enumerate() {
        let unchanged = queries
            .into_inner()
            .into_iter()
            .all(|q| ctx.same_answer(q, k, &unit.text, toks));
        if unchanged {
            found.push(entities);
            continue;
        }
        ctx.set_stamp(n + k);
        let (entities, pairs, _) = extract_tokens(&unit.text, toks, &ctx);
        ctx.learn_pairs(&pairs);
        found.push(entities);
    }
    for (unit, entities) in resolution.units.iter_mut().zip(found) {
        unit.entities = entities;
    }
    link::link(resolution);
}

/// An acronym paired with a full name in the text ("Democratic Choice of Kazakhstan (DCK)").
#[derive(Debug, Clone)]
pub(crate) struct Pair {
    pub(crate) acronym: String,
    pub(crate) full: String,
    pub(crate) kind: EntityKind,
}

/// The folded keys of the tokens of entity `e` whose kind passes `keep`: the tokens that
/// `token::tokenize(&e.text)` would give. `e` comes from `text`, tokenized as `toks`; where
/// its span starts and ends on token boundaries (always, bar spans cut inside a word), the
/// tokens are read from `toks`, else its text is tokenized again.
/// The one-word places the entity stage knows (countries, cities, regions), folded: what
/// a name lookup checks a loose match against, whether or not an index tagged the place.
#[cfg_attr(not(feature = "index"), allow(dead_code))]
pub(crate) fn known_place_words() -> impl Iterator<Item = &'static str> {
    gazetteer::places().single.iter().map(String::as_str)
}

pub(crate) fn entity_keys(
    text: &str,
    toks: &Tokens,
    e: &Entity,
    keep: impl Fn(TokKind) -> bool,
) -> Vec<String> {
    let t = &toks.toks;
    let first = t.partition_point(|t| t.start < e.start);
    let last = t.partition_point(|t| t.end <= e.end);
    let aligned = first < last
        && t.get(first)
            .is_some_and(|a| a.start == e.start && a.kind != TokKind::Poss)
        && t.get(last - 1).is_some_and(|b| b.end == e.end)
        && text.get(e.start..e.end) == Some(e.text.as_str());
    if aligned {
        t.get(first..last)
            .unwrap_or_default()
            .iter()
            .filter(|t| keep(t.kind))
            .map(|t| toks.key(t).to_string())
            .collect()
    } else {
        let own = token::tokenize(&e.text);
        own.toks
            .iter()
            .filter(|t| keep(t.kind))
            .map(|t| own.key(t).to_string())
            .collect()
    }
}

/// The working state of one extraction: tokens, which are taken, what was found.
pub(crate) struct Doc<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: &'a [Tok],
    /// The tokens with their keys (`toks` is `tokens.toks`).
    pub(crate) tokens: &'a Tokens,
    pub(crate) claimed: Vec<bool>,
    pub(crate) out: Vec<Entity>,
    pub(crate) pairs: Vec<Pair>,
    /// The same pairings by acronym, first one wins.
    pub(crate) pair_map: FxMap<String, (String, EntityKind)>,
    /// What the resolution taught so far (empty for a lone text).
    ctx: &'a Context,
    /// Every lookup in `ctx`, for [`annotate`] to tell whether a second reading could differ.
    queries: QueryLog,
}

impl<'a> Doc<'a> {
    /// The text of token `i` ("" past the end).
    pub(crate) fn text_of(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    /// The folded text of token `i` ("" past the end).
    pub(crate) fn key(&self, i: usize) -> &'a str {
        let tokens = self.tokens;
        tokens.toks.get(i).map_or("", |t| tokens.key(t))
    }

    /// The gazetteers' answer for word `i` (empty for other tokens and past the end).
    pub(crate) fn tags(&self, i: usize) -> WordTags {
        self.toks.get(i).map_or(WordTags::default(), |t| t.tags)
    }

    /// The gazetteers' answer for the first part of hyphenated word `i` ("maria" for
    /// "Maria-Luisa"), or for the whole word when it has no hyphen.
    pub(crate) fn first_part_tags(&self, i: usize) -> WordTags {
        let k = self.key(i);
        match k.split_once('-') {
            Some((first, _)) => gazetteer::tags(first),
            None => self.tags(i),
        }
    }

    /// Is the key of token `i` a given name learned from the resolution?
    pub(crate) fn known_given(&self, i: usize) -> bool {
        self.ctx
            .is_given(self.key(i), Query::Given(i), &self.queries)
    }

    /// Is the key of token `i` a family name learned from the resolution?
    pub(crate) fn known_surname(&self, i: usize) -> bool {
        self.ctx
            .is_surname(self.key(i), Query::Surname(i), &self.queries)
    }

    /// The full name and kind the resolution pairs with the acronym at byte span
    /// `start..end` of the text.
    pub(crate) fn known_pair(&self, start: usize, end: usize) -> Option<&'a (String, EntityKind)> {
        let acronym = self.text.get(start..end)?;
        self.ctx
            .pair(acronym, Query::Pair(start, end), &self.queries)
    }

    /// The multi-word names learned from the resolution that start with the key of token `i`.
    pub(crate) fn known_names(&self, i: usize) -> impl Iterator<Item = &'a Name> {
        self.ctx.names(self.key(i), Query::Names(i), &self.queries)
    }

    pub(crate) fn tok(&self, i: usize) -> Option<&'a Tok> {
        self.toks.get(i)
    }

    /// Token `i` exists and no stage has taken it.
    pub(crate) fn free(&self, i: usize) -> bool {
        i < self.toks.len() && !self.claimed[i]
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokKind::Word)
    }

    pub(crate) fn is_num(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokKind::Num)
    }

    /// A free word that starts with a capital ("Kazakhstan") or is all capitals ("OSCE").
    pub(crate) fn is_capword(&self, i: usize) -> bool {
        self.free(i)
            && self
                .tok(i)
                .is_some_and(|t| t.kind == TokKind::Word && (t.capitalised || t.upper))
    }

    pub(crate) fn claim(&mut self, from: usize, to: usize) {
        for c in self.claimed.iter_mut().take(to + 1).skip(from) {
            *c = true;
        }
    }

    /// Records an entity over tokens `from..=to` and claims them.
    pub(crate) fn push(&mut self, kind: EntityKind, from: usize, to: usize, normalized: String) {
        let (Some(a), Some(b)) = (self.tok(from), self.tok(to)) else {
            return;
        };
        let (start, end) = (a.start, b.end);
        self.push_span(kind, start, end, normalized);
        self.claim(from, to);
    }

    /// Records an entity over a byte span (on char boundaries) without claiming.
    pub(crate) fn push_span(
        &mut self,
        kind: EntityKind,
        start: usize,
        end: usize,
        normalized: String,
    ) {
        let Some(text) = self.text.get(start..end) else {
            return;
        };
        if normalized.is_empty() {
            return;
        }
        self.out.push(Entity {
            kind,
            text: text.to_string(),
            normalized,
            start,
            end,
        });
    }

    /// Normalised text of tokens `from..=to`: one space between words, ASCII hyphens and
    /// apostrophes, no space before closing or after opening brackets.
    pub(crate) fn norm(&self, from: usize, to: usize) -> String {
        let mut out = String::new();
        for i in from..=to {
            let Some(t) = self.tok(i) else { break };
            if i > from && t.space_before && !matches!(self.text_of(i - 1), "(" | "/") {
                out.push(' ');
            }
            push_norm(&mut out, self.text_of(i));
        }
        out
    }
}

/// Appends `word` with typographic hyphens, dashes and apostrophes made ASCII.
pub(crate) fn push_norm(out: &mut String, word: &str) {
    // Printable ASCII (no whitespace) has nothing to change.
    if word.bytes().all(|b| b.is_ascii_graphic()) {
        out.push_str(word);
        return;
    }
    for c in word.chars() {
        match c {
            '\u{2010}' | '\u{2011}' | '\u{2013}' => out.push('-'),
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => out.push('\''),
            c if c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
    }
}

/// Runs every stage over `text` (`tokens` is `token::tokenize(text)`); returns the sorted
/// entities, the acronym pairings and the lookups made in `ctx`.
fn extract_tokens(
    text: &str,
    tokens: &Tokens,
    ctx: &Context,
) -> (Vec<Entity>, Vec<Pair>, QueryLog) {
    let n = tokens.toks.len();
    let mut doc = Doc {
        text,
        toks: &tokens.toks,
        tokens,
        claimed: vec![false; n],
        out: Vec::new(),
        pairs: Vec::new(),
        pair_map: FxMap::default(),
        ctx,
        queries: QueryLog::default(),
    };
    date::dates(&mut doc);
    law::laws_and_phrases(&mut doc);
    org_list::org_lists(&mut doc);
    known::known_names(&mut doc);
    place::places(&mut doc);
    person::persons(&mut doc);
    let Doc {
        mut out,
        pairs,
        queries,
        ..
    } = doc;
    out.sort_by(|a, b| {
        (a.start, a.end, a.kind, &a.normalized).cmp(&(b.start, b.end, b.kind, &b.normalized))
    });
    out.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.normalized == b.normalized);
    (out, pairs, queries)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The normalised forms of the entities of one kind in `text`.
    pub(crate) fn norms(text: &str, kind: EntityKind) -> Vec<String> {
        extract(text)
            .into_iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.normalized)
            .collect()
    }

    #[test]
    fn spans_point_at_the_text() {
        let text = "the journalist Maria Ivanova, in Almaty on 3 May 2021";
        for e in extract(text) {
            assert_eq!(&text[e.start..e.end], e.text);
        }
        assert_eq!(norms(text, EntityKind::Person), ["Maria Ivanova"]);
        assert_eq!(norms(text, EntityKind::Date), ["2021-05-03"]);
        assert_eq!(norms(text, EntityKind::Place), ["Almaty"]);
    }

    #[test]
    fn empty_and_odd_inputs() {
        assert!(extract("").is_empty());
        assert!(extract("   \n ").is_empty());
        let _ = extract("’s ’ (( )) Article Article 1 of of the");
        let _ = extract("31 February 2020 and 0 March 0");
        assert!(norms("31 February 2020", EntityKind::Date).is_empty());
    }
}
