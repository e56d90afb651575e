//! General gazetteers, loaded once from the data files under `src/entity/data/`.
//!
//! Every table is general (all countries, common given names across languages, institution
//! words); none is drawn from the people or organisations of a particular resolution.
//! Keys are folded with [`fold`]: lower case, diacritics removed, a few letters that do not
//! decompose mapped by hand (ł → l, ø → o, ß → ss …).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lower case, no diacritics, typographic apostrophes and hyphens made ASCII.
pub(crate) fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'ł' | 'Ł' => out.push('l'),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' => out.push('d'),
            'ı' => out.push('i'),
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'þ' | 'Þ' => out.push_str("th"),
            'ð' | 'Ð' => out.push('d'),
            '’' | '‘' | 'ʼ' => out.push('\''),
            '‐' | '‑' | '–' => out.push('-'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

fn words(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
}

fn word_set(data: &'static str) -> HashSet<String> {
    words(data).map(fold).collect()
}

macro_rules! set_table {
    ($name:ident, $file:literal) => {
        pub(crate) fn $name() -> &'static HashSet<String> {
            static TABLE: OnceLock<HashSet<String>> = OnceLock::new();
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
pub(crate) fn stop_words() -> &'static HashSet<String> {
    static TABLE: OnceLock<HashSet<String>> = OnceLock::new();
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
pub(crate) fn bodies() -> &'static HashMap<String, String> {
    static TABLE: OnceLock<HashMap<String, String>> = OnceLock::new();
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
    pub(crate) by_first: HashMap<String, Vec<(Vec<String>, &'static str)>>,
    /// Every folded word of every one-word place name.
    pub(crate) single: HashSet<String>,
}

pub(crate) fn places() -> &'static Places {
    static TABLE: OnceLock<Places> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut by_first: HashMap<String, Vec<(Vec<String>, &'static str)>> = HashMap::new();
        let mut single = HashSet::new();
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

/// English month names (folded) → month number.
pub(crate) fn month(folded: &str) -> Option<u32> {
    crate::segment::meta::MONTHS
        .iter()
        .position(|m| *m == folded)
        .and_then(|i| u32::try_from(i + 1).ok())
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
        assert_eq!(month("june"), Some(6));
        assert_eq!(month("juneau"), None);
    }
}
