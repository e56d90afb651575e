//! General gazetteers, loaded once from the data files under `src/entity/data/`.
//!
//! Every table is general (all countries, common given names across languages, institution
//! words); none is drawn from the people or organisations of a particular resolution.
//! Keys are folded with [`fold`]: lower case, diacritics removed, a few letters that do not
//! decompose mapped by hand (ł → l, ø → o, ß → ss …).
//!
//! The rules ask many one-word questions of every token ("a given name?", "a month?", "an
//! institution word?"). [`tags`] answers all of them with one lookup, as [`WordTags`]; the
//! tokenizer stores the answer on each word, so the stages read flags instead of hashing
//! the same word again and again.

use std::sync::OnceLock;

pub(crate) use crate::analysis::fold::{fold, fold_into};

use super::{FxMap, FxSet};

fn words(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
}

fn word_set(data: &'static str) -> FxSet<String> {
    words(data).map(fold).collect()
}

macro_rules! set_table {
    ($name:ident, $file:literal) => {
        pub(crate) fn $name() -> &'static FxSet<String> {
            static TABLE: OnceLock<FxSet<String>> = OnceLock::new();
            TABLE.get_or_init(|| word_set(include_str!($file)))
        }
    };
}

set_table!(given_names, "data/given_names.txt");
set_table!(org_words, "data/org_words.txt");
set_table!(law_words, "data/law_words.txt");
set_table!(roles, "data/roles.txt");
set_table!(org_cues, "data/org_cues.txt");
set_table!(demonyms, "data/demonyms.txt");
set_table!(openers, "data/openers.txt");

/// Capitalised words that are never part of a personal name (openers included).
pub(crate) fn stop_words() -> &'static FxSet<String> {
    static TABLE: OnceLock<FxSet<String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut set = word_set(include_str!("data/stop_words.txt"));
        set.extend(openers().iter().cloned());
        set
    })
}

/// Family-name endings, longest first.
pub(crate) fn surname_suffixes() -> &'static [String] {
    static TABLE: OnceLock<Vec<String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut v: Vec<String> = words(include_str!("data/surname_suffixes.txt"))
            .map(fold)
            .collect();
        v.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        v
    })
}

/// One-word bodies and acronyms (case-sensitive key) → normalised name.
pub(crate) fn bodies() -> &'static FxMap<String, String> {
    static TABLE: OnceLock<FxMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("data/bodies.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| match l.split_once('|') {
                Some((k, v)) => (k.trim().to_string(), v.trim().to_string()),
                None => (l.to_string(), l.to_string()),
            })
            .collect()
    })
}

/// Place names: first folded word → (folded words, normalised name), longest first.
pub(crate) struct Places {
    pub(crate) by_first: FxMap<String, Vec<(Vec<String>, &'static str)>>,
    /// Every folded word of every one-word place name.
    pub(crate) single: FxSet<String>,
}

pub(crate) fn places() -> &'static Places {
    static TABLE: OnceLock<Places> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut by_first: FxMap<String, Vec<(Vec<String>, &'static str)>> = FxMap::default();
        let mut single = FxSet::default();
        for line in include_str!("data/places.txt").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let canonical = line.split('|').next().unwrap_or(line).trim();
            for variant in line.split('|') {
                let ws: Vec<String> = variant
                    .split(|c: char| c.is_whitespace())
                    .filter(|w| !w.is_empty())
                    .map(fold)
                    .collect();
                let Some(first) = ws.first().cloned() else {
                    continue;
                };
                if ws.len() == 1 {
                    single.insert(first.clone());
                }
                by_first.entry(first).or_default().push((ws, canonical));
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|(ws, _)| std::cmp::Reverse(ws.len()));
        }
        Places { by_first, single }
    })
}

/// The normalised name of the place that one of its names writes as the single folded
/// word `key` ("kazakhstan" → "Kazakhstan").
pub(crate) fn place_name(key: &str) -> Option<&'static str> {
    places()
        .by_first
        .get(key)?
        .iter()
        .find(|(ws, _)| ws.len() == 1)
        .map(|(_, canon)| *canon)
}

/// What the gazetteers say about one folded word: a set of flags and a month number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordTags {
    flags: u16,
    /// 1–12 for an English month name, 0 otherwise.
    month: u8,
}

impl WordTags {
    /// In [`given_names`].
    pub(crate) const GIVEN: u16 = 1;
    /// In [`stop_words`] (openers included).
    pub(crate) const STOP: u16 = 1 << 1;
    /// In [`org_words`].
    pub(crate) const ORG_WORD: u16 = 1 << 2;
    /// In [`law_words`].
    pub(crate) const LAW_WORD: u16 = 1 << 3;
    /// In [`roles`].
    pub(crate) const ROLE: u16 = 1 << 4;
    /// In [`org_cues`].
    pub(crate) const ORG_CUE: u16 = 1 << 5;
    /// In [`demonyms`].
    pub(crate) const DEMONYM: u16 = 1 << 6;
    /// In [`openers`].
    pub(crate) const OPENER: u16 = 1 << 7;
    /// In [`Places::single`].
    pub(crate) const PLACE: u16 = 1 << 8;
    /// A key of [`Places::by_first`]: some place name starts with this word.
    pub(crate) const PLACE_FIRST: u16 = 1 << 9;
    /// The folded form of a key of [`bodies`] (whose keys are case-sensitive, so a hit
    /// still needs the exact lookup).
    pub(crate) const BODY: u16 = 1 << 10;

    /// Does the word carry `flag` (one of the constants above)?
    pub(crate) fn is(self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    /// Does the word carry any of `flags` (constants above, or-ed)?
    pub(crate) fn any(self, flags: u16) -> bool {
        self.flags & flags != 0
    }

    /// The month the word names, if it is an English month name.
    pub(crate) fn month(self) -> Option<u32> {
        (self.month > 0).then_some(u32::from(self.month))
    }
}

/// Every gazetteer's answer for one folded word, in one lookup (empty for unknown words).
pub(crate) fn tags(folded: &str) -> WordTags {
    static TABLE: OnceLock<FxMap<String, WordTags>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table: FxMap<String, WordTags> = FxMap::default();
        let mut mark = |words: &mut dyn Iterator<Item = &String>, flag: u16| {
            for w in words {
                table.entry(w.clone()).or_default().flags |= flag;
            }
        };
        mark(&mut given_names().iter(), WordTags::GIVEN);
        mark(&mut stop_words().iter(), WordTags::STOP);
        mark(&mut org_words().iter(), WordTags::ORG_WORD);
        mark(&mut law_words().iter(), WordTags::LAW_WORD);
        mark(&mut roles().iter(), WordTags::ROLE);
        mark(&mut org_cues().iter(), WordTags::ORG_CUE);
        mark(&mut demonyms().iter(), WordTags::DEMONYM);
        mark(&mut openers().iter(), WordTags::OPENER);
        mark(&mut places().single.iter(), WordTags::PLACE);
        mark(&mut places().by_first.keys(), WordTags::PLACE_FIRST);
        let bodies: Vec<String> = bodies().keys().map(|k| fold(k)).collect();
        mark(&mut bodies.iter(), WordTags::BODY);
        for (i, m) in crate::model::MONTHS.iter().enumerate() {
            if let Ok(n) = u8::try_from(i + 1) {
                table.entry((*m).to_string()).or_default().month = n;
            }
        }
        table
    });
    table.get(folded).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_strips_marks_and_special_letters() {
        assert_eq!(fold("Michał"), "michal");
        assert_eq!(fold("Sebastião"), "sebastiao");
        assert_eq!(fold("Søvndal"), "sovndal");
        assert_eq!(fold("Kazakhstan’s"), "kazakhstan's");
    }

    #[test]
    fn tables_load_and_are_general() {
        assert!(given_names().contains("maria"));
        assert!(given_names().contains("nursultan"));
        assert!(!given_names().contains("may"), "months are not given names");
        assert!(places().single.contains("kazakhstan"));
        assert!(places().by_first.contains_key("united"));
        assert_eq!(
            bodies().get("UN").map(String::as_str),
            Some("United Nations")
        );
        assert!(surname_suffixes()[0].chars().count() >= surname_suffixes()[1].chars().count());
        assert_eq!(tags("june").month(), Some(6));
        assert_eq!(tags("juneau").month(), None);
    }

    #[test]
    fn tags_agree_with_every_table() {
        let tables: [(&FxSet<String>, u16); 9] = [
            (given_names(), WordTags::GIVEN),
            (stop_words(), WordTags::STOP),
            (org_words(), WordTags::ORG_WORD),
            (law_words(), WordTags::LAW_WORD),
            (roles(), WordTags::ROLE),
            (org_cues(), WordTags::ORG_CUE),
            (demonyms(), WordTags::DEMONYM),
            (openers(), WordTags::OPENER),
            (&places().single, WordTags::PLACE),
        ];
        let mut words: Vec<String> = tables
            .iter()
            .flat_map(|(t, _)| t.iter().cloned())
            .chain(places().by_first.keys().cloned())
            .chain(["kazakhstan's", "the", "zzz", ""].map(String::from))
            .collect();
        words.extend(bodies().keys().map(|k| fold(k)));
        for w in &words {
            let l = tags(w);
            for (table, flag) in tables {
                assert_eq!(l.is(flag), table.contains(w), "{w} {flag}");
            }
            assert_eq!(
                l.is(WordTags::PLACE_FIRST),
                places().by_first.contains_key(w)
            );
            let body = bodies().keys().any(|k| fold(k) == *w);
            assert_eq!(l.is(WordTags::BODY), body, "{w}");
        }
        assert_eq!(tags("december").month(), Some(12));
        assert!(tags("may").is(WordTags::STOP));
    }
}
