//! Cantonese readings of Chinese names: a Han character read as Jyutping
//! through `tables/cantonese_chars.tsv` (rime-cantonese, CC BY 4.0; a
//! simplified character through its traditional forms in
//! `tables/simplified_traditional.tsv`, OpenCC, Apache-2.0), and a Latin
//! spelling in Jyutping, Yale or the Hong Kong government romanisation read as
//! Jyutping through `tables/cantonese_romanisation.tsv`. Both give keys in one
//! space, Jyutping without tones: `黃之鋒`, `Wong Chi-fung`, `Wòhng Jīfūng` and
//! `wong4 zi1 fung1` all read `wong` and `zi.fung`.
//!
//! A key is a sequence of syllables joined by `.`, each a Jyutping syllable
//! without its tone; the `j` Jyutping writes before `yu` with no other initial
//! is left out (Yale and the Hong Kong spelling do not write it: `jyun` is
//! `yun`, as Yale `yùhn` and Hong Kong `Yuen` read).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::fold::fold_syllable;

/// The most keys kept for one name part (a Hong Kong spelling is read several
/// ways: `Chi` is zi or ci).
const MAX_KEYS: usize = 32;

/// The longest spelling (in letters) of one Cantonese syllable in the table's
/// systems (`cheung`, `kwaang`, Yale `gwaahng`).
const MAX_SYLLABLE_CHARS: usize = 8;

/// The systems a spelling is read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Systems {
    /// Jyutping only: the name is written with tone digits (`gwai3 man4 hoi2`).
    Jyutping,
    /// Jyutping, Yale and the Hong Kong government romanisation.
    All,
}

impl Systems {
    /// The systems of a name as written: Jyutping when a letter is followed by
    /// a tone digit 1 to 6, all three otherwise.
    pub(crate) fn of(name: &str) -> Systems {
        let cs: Vec<char> = name.chars().collect();
        let toned = cs
            .windows(2)
            .any(|w| w[0].is_ascii_alphabetic() && ('1'..='6').contains(&w[1]));
        if toned {
            Systems::Jyutping
        } else {
            Systems::All
        }
    }

    /// Whether a row of these systems (the table's `systems` column: J, Y, H)
    /// is read.
    fn reads(self, row_systems: &str) -> bool {
        match self {
            Systems::Jyutping => row_systems.contains('J'),
            Systems::All => true,
        }
    }
}

/// A row of the romanisation table: its Jyutping readings, the systems it is
/// read in, and for an initial, the letters the final must start with.
struct Row {
    readings: Vec<String>,
    systems: String,
    before: Option<String>,
}

/// The romanisation table: initials (spelling, row) and finals by spelling.
struct Romanisation {
    initials: Vec<(String, Row)>,
    finals: HashMap<String, Vec<Row>>,
}

/// `_` is the empty initial or reading in the tables.
fn unmark(s: &str) -> String {
    if s == "_" {
        String::new()
    } else {
        s.to_string()
    }
}

fn romanisation() -> &'static Romanisation {
    static TABLE: OnceLock<Romanisation> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Romanisation {
            initials: Vec::new(),
            finals: HashMap::new(),
        };
        let text = include_str!("tables/cantonese_romanisation.tsv");
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let [part, spelling, readings, systems, before] = cols[..] else {
                continue;
            };
            let row = Row {
                readings: readings.split('|').map(unmark).collect(),
                systems: systems.to_string(),
                before: (before != "-").then(|| before.to_string()),
            };
            if part == "initial" {
                table.initials.push((unmark(spelling), row));
            } else {
                table
                    .finals
                    .entry(spelling.to_string())
                    .or_default()
                    .push(row);
            }
        }
        table
    })
}

/// A Jyutping syllable as a key: its tone digit dropped, and the `j` before
/// `yu` left out (`jyun6` → `yun`).
fn syllable_key(jyutping: &str) -> String {
    let s: String = jyutping
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    match s.strip_prefix("jyu") {
        Some(rest) => format!("yu{rest}"),
        None => s,
    }
}

/// The character table: each character's readings as keys (tones dropped,
/// duplicates merged), and every key a character has (the syllables of
/// Cantonese, as the reader of Latin spellings checks them).
struct Chars {
    readings: HashMap<char, Vec<String>>,
    syllables: HashSet<String>,
}

fn chars() -> &'static Chars {
    static TABLE: OnceLock<Chars> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut readings: HashMap<char, Vec<String>> = HashMap::new();
        let mut syllables = HashSet::new();
        let text = include_str!("tables/cantonese_chars.tsv");
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((c, rs)) = line.split_once('\t') else {
                continue;
            };
            let mut cs = c.chars();
            let (Some(c), None) = (cs.next(), cs.next()) else {
                continue;
            };
            let entry = readings.entry(c).or_default();
            for r in rs.split_whitespace().map(syllable_key) {
                if !entry.contains(&r) {
                    syllables.insert(r.clone());
                    entry.push(r);
                }
            }
        }
        Chars {
            readings,
            syllables,
        }
    })
}

/// Simplified characters and their traditional forms.
fn traditional_forms() -> &'static HashMap<char, Vec<char>> {
    static TABLE: OnceLock<HashMap<char, Vec<char>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let text = include_str!("tables/simplified_traditional.tsv");
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (s, ts) = l.split_once('\t')?;
                let s = s.chars().next()?;
                Some((
                    s,
                    ts.split_whitespace()
                        .filter_map(|t| t.chars().next())
                        .collect(),
                ))
            })
            .collect()
    })
}

/// The Cantonese readings of a Han character, as keys: its own rows, and the
/// rows of its traditional forms when it is a simplified character (`锋` is
/// read as `鋒`, fung). Empty for a character neither table has.
pub(crate) fn char_readings(c: char) -> Vec<String> {
    let table = &chars().readings;
    let mut out: Vec<String> = table.get(&c).cloned().unwrap_or_default();
    for t in traditional_forms().get(&c).into_iter().flatten() {
        for r in table.get(t).into_iter().flatten() {
            if !out.contains(r) {
                out.push(r.clone());
            }
        }
    }
    out
}

/// For each Cantonese syllable key, the pinyin syllables of the characters
/// the table reads with it (`gwai` → gui (桂), kui (葵), …): the bridge between
/// a Cantonese and a pinyin spelling of one name when no characters are given
/// (`gwai3 man4 hoi2` / `Gui Minhai`). The pinyin is any_ascii's reading of the
/// character, as a Han name is read elsewhere.
fn pinyin_links() -> &'static HashMap<String, HashSet<String>> {
    static TABLE: OnceLock<HashMap<String, HashSet<String>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: HashMap<String, HashSet<String>> = HashMap::new();
        for (&c, readings) in &chars().readings {
            let py = super::script::han_pinyin(c);
            if py.is_empty() || !py.bytes().all(|b| b.is_ascii_lowercase()) {
                continue;
            }
            for r in readings {
                map.entry(r.clone()).or_default().insert(py.clone());
            }
        }
        map
    })
}

/// Whether a Cantonese key (syllables joined by `.`) can be the Cantonese
/// reading of the characters a pinyin spelling (`pinyin`: syllables written
/// together, lower case, no tones) reads: each syllable in turn is linked by
/// some character to the pinyin syllable at that place ([`pinyin_links`]), and
/// nothing is left over. `man.hoi` / `minhai` (民 man4 min2, 海 hoi2 hai3).
pub(crate) fn links_to_pinyin(key: &str, pinyin: &str) -> bool {
    fn walk(syllables: &[&str], rest: &str) -> bool {
        let Some((first, more)) = syllables.split_first() else {
            return rest.is_empty();
        };
        pinyin_links().get(*first).is_some_and(|pys| {
            pys.iter().any(|py| {
                rest.strip_prefix(py.as_str())
                    .is_some_and(|r| walk(more, r))
            })
        })
    }
    let syllables: Vec<&str> = key.split('.').collect();
    !pinyin.is_empty() && walk(&syllables, pinyin)
}

/// Every way of joining one reading from each list into a key (`.` between
/// syllables), at most [`MAX_KEYS`]; empty when a list is.
fn product(parts: &[Vec<String>]) -> Vec<String> {
    let mut out = vec![String::new()];
    for part in parts {
        let mut next = Vec::new();
        for prefix in &out {
            for r in part {
                let key = if prefix.is_empty() {
                    r.clone()
                } else {
                    format!("{prefix}.{r}")
                };
                if next.len() < MAX_KEYS && !next.contains(&key) {
                    next.push(key);
                }
            }
        }
        out = next;
    }
    out
}

/// The Cantonese keys of a run of Han characters read one syllable each
/// (`之鋒` → `zi.fung`); empty when a character has no reading.
pub(crate) fn han_keys(cs: &[char]) -> Vec<String> {
    let parts: Vec<Vec<String>> = cs.iter().map(|&c| char_readings(c)).collect();
    product(&parts)
}

/// Every syllable spelling of the systems read, with its readings as keys: an
/// initial row and a final row of those systems that make up the spelling, the
/// final also with an `h` after any of its letters (Yale's low-tone mark:
/// `wohng`, `mh`), kept when a reading is a syllable of the character table.
/// Built once per [`Systems`], so that reading a syllable is one lookup.
fn syllable_map(systems: Systems) -> &'static HashMap<String, Vec<String>> {
    static ALL: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    static JYUTPING: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    let cell = match systems {
        Systems::All => &ALL,
        Systems::Jyutping => &JYUTPING,
    };
    cell.get_or_init(|| {
        let table = romanisation();
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for (ispell, initial) in &table.initials {
            if !systems.reads(&initial.systems) {
                continue;
            }
            for (fspell, rows) in &table.finals {
                let fits = initial
                    .before
                    .as_ref()
                    .is_none_or(|b| fspell.starts_with(b.as_str()));
                for row in rows.iter().filter(|r| fits && systems.reads(&r.systems)) {
                    let keys: Vec<String> = initial
                        .readings
                        .iter()
                        .flat_map(|i| {
                            row.readings
                                .iter()
                                .map(move |r| syllable_key(&format!("{i}{r}")))
                        })
                        .filter(|k| chars().syllables.contains(k))
                        .collect();
                    if keys.is_empty() {
                        continue;
                    }
                    let mut spellings = vec![format!("{ispell}{fspell}")];
                    if systems == Systems::All {
                        for at in 1..=fspell.len() {
                            spellings.push(format!("{ispell}{}h{}", &fspell[..at], &fspell[at..]));
                        }
                    }
                    for sp in spellings {
                        let e = map.entry(sp).or_default();
                        for k in &keys {
                            if !e.contains(k) {
                                e.push(k.clone());
                            }
                        }
                    }
                }
            }
        }
        map
    })
}

/// The Jyutping readings (as keys) of one syllable spelled in Latin letters,
/// folded (lower case, no marks, no tone digits): every initial row and final
/// row of the systems read that make up the spelling, an `h` inside the final
/// dropped (Yale's low-tone mark), kept when the result is a syllable of the
/// character table ([`syllable_map`]). `kwun` → gun (Hong Kong spelling),
/// `wohng` → wong (Yale), `chi` → zi, ci; `fung` → fung; `smith` → none.
pub(crate) fn syllable_readings(s: &str, systems: Systems) -> Vec<String> {
    syllable_map(systems).get(s).cloned().unwrap_or_default()
}

/// Whether a folded word can be at most `n` syllables: each syllable has one
/// run of vowel letters (or none: `m`, `ng`), so a word with more runs cannot
/// (`zhumagulov`); a cheap test before the table is read.
fn at_most_syllables(w: &str, n: usize) -> bool {
    let vowel = |c: char| "aeiou".contains(c);
    let mut runs = 0;
    let mut prev = false;
    for c in w.chars() {
        let v = vowel(c);
        if v && !prev {
            runs += 1;
        }
        prev = v;
    }
    runs <= n
}

/// The keys of a Latin word of one syllable or several written together
/// (`gunchung`), at most `max_syllables`, split every way the table allows.
fn word_keys(w: &str, systems: Systems, max_syllables: usize) -> Vec<String> {
    if w.is_empty() {
        return vec![String::new()];
    }
    if max_syllables == 0 || !w.is_ascii() {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for cut in 1..=w.len().min(MAX_SYLLABLE_CHARS) {
        let heads = syllable_readings(&w[..cut], systems);
        if heads.is_empty() {
            continue;
        }
        for rest in word_keys(&w[cut..], systems, max_syllables - 1) {
            for h in &heads {
                let key = if rest.is_empty() {
                    h.clone()
                } else {
                    format!("{h}.{rest}")
                };
                if out.len() < MAX_KEYS && !out.contains(&key) {
                    out.push(key);
                }
            }
        }
    }
    out
}

/// The Cantonese keys of a name part written in Latin letters as words (split
/// at spaces and hyphens; tone marks, tone digits and apostrophes are
/// dropped), of at most `max_syllables` syllables in all; empty when a word
/// cannot be read. `["Chi", "fung"]` → `zi.fung`, `ci.fung`;
/// `["Gunchūng"]` → `gun.cung`, `gun.zung`.
pub(crate) fn latin_keys(words: &[&str], systems: Systems, max_syllables: usize) -> Vec<String> {
    if words.is_empty() || words.len() > max_syllables {
        return Vec::new();
    }
    let folded: Vec<String> = words
        .iter()
        .map(|w| fold_syllable(w).replace('\'', "").replace('ü', "u"))
        .collect();
    if folded.iter().any(String::is_empty) || !at_most_syllables(&folded.concat(), max_syllables) {
        return Vec::new();
    }
    let per_word = max_syllables + 1 - words.len();
    let parts: Vec<Vec<String>> = folded
        .iter()
        .map(|w| word_keys(w, systems, per_word))
        .collect();
    product(&parts)
}

/// The mark that starts a Cantonese related key (`~yue:zi.fung`).
pub(crate) const CANTONESE_MARK: &str = "~yue:";

/// The longest Latin word (in chars) given Cantonese keys for the search: two
/// syllables written together (`gwaahngchēung`).
const MAX_WORD_CHARS: usize = 14;

/// The Cantonese keys of a word for the search (related keys, marked
/// [`CANTONESE_MARK`]), so that a Hong Kong, Yale or Jyutping spelling and the
/// Han characters meet: a Han name of two to four characters gets its
/// surname's readings (the first character), its given name's, and for a
/// given name of two or more characters each syllable's (`黄之锋` → `wong`,
/// `zi.fung`, `zi`, `fung`), as its pinyin spellings are keyed; one Han
/// character alone its readings (a surname written apart: `戴 耀廷`); a word of
/// Latin letters (marks allowed) gets its readings as one or two syllables
/// (`Chi` → `zi`, `ci`; `Jīfūng` → `zi.fung`, `ji.fung`). Other words get none.
pub(crate) fn search_keys(cs: &[char]) -> Vec<String> {
    let is_han = super::script::is_han;
    let mut keys: Vec<String> = Vec::new();
    if cs.iter().any(|&c| is_han(c)) {
        if !(1..=4).contains(&cs.len()) || !cs.iter().all(|&c| is_han(c)) {
            return Vec::new();
        }
        keys.extend(char_readings(cs[0]));
        keys.extend(han_keys(&cs[1..]));
        if cs.len() > 2 {
            for &c in &cs[1..] {
                keys.extend(char_readings(c));
            }
        }
    } else {
        if cs.len() > MAX_WORD_CHARS || !cs.iter().all(|c| c.is_alphabetic()) {
            return Vec::new();
        }
        // Latin letters only: each letter folds to one (a letter of another
        // script folds to nothing).
        let w = fold_syllable(&cs.iter().collect::<String>());
        if w.len() != cs.len() || !at_most_syllables(&w, 2) {
            return Vec::new();
        }
        keys.extend(word_keys(&w, Systems::All, 2));
    }
    let mut out: Vec<String> = Vec::new();
    for k in keys.into_iter().filter(|k| !k.is_empty()) {
        let k = format!("{CANTONESE_MARK}{k}");
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(mut v: Vec<String>) -> Vec<String> {
        v.sort();
        v
    }

    #[test]
    fn char_table() {
        assert_eq!(char_readings('鋒'), ["fung"]);
        // A simplified character is read through its traditional form.
        assert_eq!(char_readings('锋'), ["fung"]);
        assert!(char_readings('日').contains(&"jat".to_string()));
        // Jyutping jyun is keyed yun.
        assert!(char_readings('遠').contains(&"yun".to_string()));
        assert!(char_readings('a').is_empty());
        assert_eq!(han_keys(&['之', '锋']), ["zi.fung"]);
        assert!(han_keys(&['之', 'x']).is_empty());
    }

    #[test]
    fn romanisations() {
        let all = |s: &str| sorted(syllable_readings(s, Systems::All));
        let jp = |s: &str| syllable_readings(s, Systems::Jyutping);
        // Hong Kong spelling: no aspiration, kw before u is g or k.
        assert_eq!(all("chi"), ["ci", "zi"]);
        assert!(all("kwun").contains(&"gun".to_string()));
        assert!(all("cheung").contains(&"zoeng".to_string()));
        assert!(all("lee").contains(&"lei".to_string()));
        assert!(all("law").contains(&"lo".to_string()));
        assert!(all("yuen").contains(&"yun".to_string()));
        // Yale: the h of a low tone, j = z.
        assert_eq!(all("wohng"), ["wong"]);
        assert!(all("ji").contains(&"zi".to_string()));
        assert_eq!(all("mh"), ["m"]);
        // Jyutping with tone digits is read as Jyutping only: p is p.
        assert_eq!(jp("pun"), ["pun"]);
        assert!(all("pun").contains(&"bun".to_string()));
        assert!(jp("ji").iter().all(|k| k != "zi"));
        // Not a Cantonese syllable.
        assert!(all("smith").is_empty());
        assert!(all("zhi").is_empty());
    }

    #[test]
    fn name_parts() {
        let keys = |ws: &[&str], sys| latin_keys(ws, sys, 2);
        assert!(keys(&["Chi", "fung"], Systems::All).contains(&"zi.fung".to_string()));
        assert!(keys(&["Jīfūng"], Systems::All).contains(&"zi.fung".to_string()));
        assert!(keys(&["Gunchūng"], Systems::All).contains(&"gun.cung".to_string()));
        assert!(keys(&["Kwun", "chung"], Systems::All).contains(&"gun.cung".to_string()));
        assert_eq!(
            keys(&["Gun3", "Cung1"], Systems::of("Gun3 Cung1")),
            ["gun.cung"]
        );
        assert!(keys(&["Xiaobo"], Systems::All).is_empty());
        assert!(latin_keys(&["a", "b", "c"], Systems::All, 2).is_empty());
        assert_eq!(Systems::of("Lo4 Gun3"), Systems::Jyutping);
        assert_eq!(Systems::of("Lòh Gunchūng"), Systems::All);
    }

    #[test]
    fn pinyin_bridge() {
        // 桂民海: gwai man hoi / gui min hai; 胡錦濤: wu gam tou / hu jin tao.
        assert!(links_to_pinyin("gwai", "gui"));
        assert!(links_to_pinyin("man.hoi", "minhai"));
        assert!(links_to_pinyin("gam.tou", "jintao"));
        // Every syllable must link, and the pinyin must be used up.
        assert!(!links_to_pinyin("man.hoi", "minhaiy"));
        assert!(!links_to_pinyin("man.hoi", "min"));
        assert!(!links_to_pinyin("man.hoi", "congyou"));
        assert!(!links_to_pinyin("zi.fung", "minhai"));
        assert!(!links_to_pinyin("man", ""));
    }

    #[test]
    fn search() {
        let keys = |w: &str| search_keys(&w.to_lowercase().chars().collect::<Vec<_>>());
        let han = keys("黄之锋");
        for latin in ["Wong", "Chi", "fung", "Jīfūng", "Wòhng"] {
            assert!(
                keys(latin).iter().any(|k| han.contains(k)),
                "{latin}: {:?}",
                keys(latin)
            );
        }
        assert!(!keys("Ming").iter().any(|k| han.contains(k)));
        assert!(keys("Zhumagulov").is_empty());
        assert!(keys("Нарек").is_empty());
        // One character alone is read as a surname written apart.
        assert!(keys("黄").iter().any(|k| keys("Wong").contains(k)));
        assert!(keys("黄黄黄黄黄").is_empty());
        assert!(keys("O'Brien").is_empty());
        // The keys are the search's related keys of the word.
        let k = super::super::token_keys;
        assert!(k("Chi")
            .related
            .iter()
            .any(|r| k("黃之鋒").related.contains(r)));
    }
}
