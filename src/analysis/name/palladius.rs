//! Chinese names in Cyrillic: the Palladius system, how Russian-language texts
//! write Chinese names (`Си Цзиньпин`, `Лю Сяобо`, `Хуан Ци`), and its Ukrainian
//! variant (`Сі Цзіньпін`), read back into pinyin syllable by syllable
//! (`tables/palladius_syllables.tsv`, the chart of the Palladius system).
//!
//! A Cyrillic word whose letters split wholly into one to three syllables of
//! the chart is read as those syllables in pinyin (`Цзиньпин` → `jinping`); a
//! name whose every word does so is read as a pinyin name ([`to_pinyin`]), and
//! `compare` then reads it as it reads a name written in pinyin. Each language's
//! rows are read apart (a word is Russian or Ukrainian, not both): Russian `си`
//! is xi, Ukrainian `си` is si.
//!
//! Most Russian words do not split so (the chart has no р, and writes э where
//! Russian writes е); a few short ones do (`Анна` is ang + na): their pinyin
//! reading is one more key, which a name in another script meets only if it is
//! that pinyin.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::ru::is_cyrillic;

/// The longest syllable of the chart, in letters (`чжуань`).
const MAX_SYLLABLE_CHARS: usize = 6;

/// The most syllables one word is read as (a two-syllable given name written
/// as one word, and one to spare for a three-syllable one).
const MAX_SYLLABLES: usize = 3;

/// The most readings kept for one word.
const MAX_READINGS: usize = 8;

/// A Cyrillic syllable of the chart, as letters.
type Syllables = HashMap<Vec<char>, Vec<String>>;

/// The chart by language: Russian (with its older forms), then Ukrainian, each
/// a map from a Cyrillic syllable to its pinyin syllables.
fn tables() -> &'static [Syllables; 2] {
    static TABLES: OnceLock<[Syllables; 2]> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut out: [Syllables; 2] = Default::default();
        for line in include_str!("tables/palladius_syllables.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(cyr), Some(py), Some(form)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let lang = usize::from(form.trim() == "uk");
            let row = out[lang].entry(cyr.trim().chars().collect()).or_default();
            if !row.iter().any(|p| p == py.trim()) {
                row.push(py.trim().to_string());
            }
        }
        out
    })
}

/// A word's letters lower-cased, with its stress marks, hard signs, apostrophes
/// and hyphens (syllable breaks: `Чанъань`, `Цзинь-пин`) dropped; `None` unless
/// every letter left is Cyrillic.
fn normalise(word: impl Iterator<Item = char>) -> Option<Vec<char>> {
    let cs: Vec<char> = word
        .flat_map(char::to_lowercase)
        .filter(|c| {
            !matches!(
                c,
                '\u{300}'..='\u{36f}' | 'ъ' | '\'' | '’' | 'ʼ' | '-' | '‐' | '‑'
            )
        })
        .collect();
    (!cs.is_empty() && cs.iter().all(|&c| is_cyrillic(c))).then_some(cs)
}

/// The readings of `cs` as at most `left` syllables of one language's chart.
fn split(cs: &[char], table: &Syllables, left: usize) -> Vec<String> {
    if cs.is_empty() {
        return vec![String::new()];
    }
    let mut out: Vec<String> = Vec::new();
    if left == 0 {
        return out;
    }
    // Longest syllable first, so the first reading has the fewest syllables.
    for cut in (1..=cs.len().min(MAX_SYLLABLE_CHARS)).rev() {
        let Some(heads) = table.get(&cs[..cut]) else {
            continue;
        };
        for rest in split(&cs[cut..], table, left - 1) {
            for h in heads {
                let r = format!("{h}{rest}");
                if !out.contains(&r) && out.len() < MAX_READINGS {
                    out.push(r);
                }
            }
        }
    }
    out
}

/// Whether lower-case letters may be one to three syllables of the chart, by
/// two cheap tests that most Russian and Kazakh names fail: every syllable ends
/// in a vowel letter, й, ь, н or р (эр), and -ов, -ев, -ат, -бек do not; and
/// each syllable has one run of vowel letters (two adjacent syllables may share
/// one: си + ань), so a word of more runs is none (Лукашенко, Мнацаканян).
fn may_be_syllables(cs: &[char]) -> bool {
    let vowel = |c: &char| "аеёиоуыэюяєіїў".contains(*c);
    let runs = cs
        .iter()
        .zip(std::iter::once(&' ').chain(cs.iter()))
        .filter(|(c, prev)| vowel(c) && !vowel(prev))
        .count();
    let last = cs.iter().rev().find(|c| c.is_alphabetic());
    last.is_some_and(|c| "аеёиоуыэюяєіїйьнр".contains(*c)) && runs <= MAX_SYLLABLES
}

/// The pinyin readings of a Cyrillic word of one to three Palladius syllables
/// (its hyphen-joined syllables read together: `Цзинь-пин` is `jinping`),
/// Russian readings first; empty for any other word.
pub(crate) fn word_readings(word: &str) -> Vec<String> {
    normalise(word.chars()).map_or_else(Vec::new, |cs| readings(&cs))
}

/// The pinyin readings of normalised letters ([`normalise`]), Russian first.
fn readings(cs: &[char]) -> Vec<String> {
    if !may_be_syllables(cs) {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for table in tables() {
        for r in split(cs, table, MAX_SYLLABLES) {
            if !out.contains(&r) && out.len() < MAX_READINGS {
                out.push(r);
            }
        }
    }
    out
}

/// A Cyrillic name read as a Chinese name in pinyin, each word by its first
/// reading (`Си Цзиньпин` → `xi jinping`, `Хуан Ци` → `huang qi`). A Western
/// given name the press writes beside the Chinese one (`София Хуан Сюэцинь`,
/// Sophia Huang Xueqin; `Мартин Ли Чжумин`) is no word of the chart and stays as
/// written. `None` unless one to three words are read, and besides them at most
/// one word is not, beside two read ones (a surname and a given name: `Си
/// Иванов` is no Chinese name).
pub(crate) fn to_pinyin(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let read: Vec<Option<String>> = words
        .iter()
        .map(|w| word_readings(w).into_iter().next())
        .collect();
    let n_read = read.iter().flatten().count();
    let fits = match words.len() - n_read {
        0 => (1..=3).contains(&n_read),
        1 => (2..=3).contains(&n_read),
        _ => false,
    };
    if !fits {
        return None;
    }
    let out: Vec<String> = words
        .iter()
        .zip(read)
        .map(|(w, r)| r.unwrap_or_else(|| (*w).to_string()))
        .collect();
    Some(out.join(" "))
}

/// Adds the search's keys of a Cyrillic word read in the chart: the translit
/// keys of its pinyin readings, with their related keys (so that `Цзиньпин`
/// meets `Jinping`).
pub(crate) fn add_cross_keys(cs: &[char], translit: &mut Vec<String>, related: &mut Vec<String>) {
    // Three syllables of the chart are at most 18 letters; most words of a
    // name are not Cyrillic, and skip the lookups.
    if cs.len() > MAX_SYLLABLE_CHARS * MAX_SYLLABLES || !cs.first().is_some_and(|&c| is_cyrillic(c))
    {
        return;
    }
    let Some(cs) = normalise(cs.iter().copied()) else {
        return;
    };
    for reading in readings(&cs) {
        let chars: Vec<char> = reading.chars().collect();
        if let Some(k) = super::key::translit_keys(&chars).into_iter().next() {
            related.extend(super::key::related(&k));
            translit.push(k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_read_as_pinyin() {
        assert_eq!(word_readings("Цзиньпин")[0], "jinping");
        assert_eq!(word_readings("Сяобо")[0], "xiaobo");
        assert_eq!(word_readings("Хуан")[0], "huang");
        // Ukrainian: і for и, е for э.
        assert_eq!(word_readings("Цзіньпін")[0], "jinping");
        assert_eq!(word_readings("Ден")[0], "deng");
        // The hard sign and the hyphen are syllable breaks.
        assert_eq!(word_readings("Чанъань")[0], "changan");
        assert_eq!(word_readings("Цзинь-пин")[0], "jinping");
        // Russian си is xi, Ukrainian си is si: both readings, Russian first.
        assert_eq!(word_readings("си"), ["xi", "si"]);
    }

    #[test]
    fn other_words_are_not_read() {
        for w in [
            "Иванов",
            "Мария",
            "Zhumagulov",
            "Жұмағұлов",
            "Александр",
            "",
        ] {
            assert!(word_readings(w).is_empty(), "{w}: {:?}", word_readings(w));
        }
        assert_eq!(to_pinyin("Си Цзиньпин").as_deref(), Some("xi jinping"));
        assert_eq!(to_pinyin("Хуан Ци").as_deref(), Some("huang qi"));
        assert_eq!(to_pinyin("Лю Сяобо").as_deref(), Some("liu xiaobo"));
        assert!(to_pinyin("Си Иванов").is_none());
        assert!(to_pinyin("Мао Цзэдун Мао Цзэдун").is_none());
        // A Western given name beside the Chinese name stays as written.
        assert_eq!(
            to_pinyin("София Хуан Сюэцинь").as_deref(),
            Some("София huang xueqin")
        );
        assert!(to_pinyin("Мартин Ли").is_none());
    }
}
