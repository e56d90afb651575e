//! Chinese names across romanisations: Wade-Giles read as pinyin syllable by
//! syllable (`tables/wade_giles_syllables.tsv`, the Library of Congress
//! conversion table), the common surnames in their Mandarin, Cantonese and
//! Hokkien / Teochew spellings (`tables/chinese_surnames.tsv`, each row from a
//! cited page), and the rule `compare` applies to two Chinese-shaped
//! names that the word-by-word rule leaves apart (`docs/name-matching.md`,
//! "Chinese names").
//!
//! A Chinese-shaped name is a surname and a given name of one or two
//! syllables (`Wong Chi-fung`, `Hu Chin-t'ao`, `guì mín hǎi`, `黄之锋`),
//! optionally after a Latin given name (`Joshua Wong Chi-fung`: the English
//! name Hong Kong people write before the Chinese one), or a Latin given name
//! and a surname (`Joshua Wong`). Two such names are one person's when their
//! surnames share a pinyin reading (through the table: `Wong`, `Huang`, `黄`)
//! or a Cantonese one (`Kwok` = `郭`) and their given names are one in a romanisation both can be read in
//! (pinyin, or Wade-Giles read as pinyin), or are one Cantonese reading
//! (`cantonese.rs`: the characters read as Jyutping, a Latin given name read as
//! Jyutping, Yale or a Hong Kong spelling): `Wong Chi-fung` = `黄之锋` =
//! `Wòhng Jīfūng`. A pinyin and a Cantonese spelling with no characters between
//! them (`Gui Minhai` / `gwai3 man4 hoi2`) are one name when every syllable of
//! the Cantonese one is read by some character whose pinyin is the other's
//! syllable at that place (桂 gwai / gui, 民 man / min, 海 hoi / hai;
//! `cantonese::links_to_pinyin`).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::cantonese::{self, Systems};
use super::fold::fold_syllable;
use super::script::{han_pinyin, is_han, parse_table};

/// The most joined readings kept for one given name (Wade-Giles without its
/// marks is ambiguous: `chu` is zhu, chu, ju or qu).
const MAX_READINGS: usize = 16;

/// The longest word (in chars) that can be a Wade-Giles syllable (`ch'iung`)
/// or a spelling in the surname table.
const MAX_SYLLABLE_CHARS: usize = 7;

/// The Wade-Giles table: (Wade-Giles syllable, pinyin syllable), ü kept.
fn wade_giles() -> &'static [(String, String)] {
    static TABLE: OnceLock<Vec<(String, String)>> = OnceLock::new();
    TABLE.get_or_init(|| parse_table(include_str!("tables/wade_giles_syllables.tsv")))
}

/// The Wade-Giles rows by their syllable without marks (no apostrophe, ü as u):
/// `chu` → (chu, zhu), (ch'u, chu), (chü, ju), (ch'ü, qu); pinyin with ü as u.
fn wade_giles_by_plain() -> &'static HashMap<String, Vec<(String, String)>> {
    static MAP: OnceLock<HashMap<String, Vec<(String, String)>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: HashMap<String, Vec<(String, String)>> = HashMap::new();
        for (wg, py) in wade_giles() {
            let plain = wg.replace('\'', "").replace('ü', "u");
            map.entry(plain)
                .or_default()
                .push((wg.clone(), py.replace('ü', "u")));
        }
        map
    })
}

/// The pinyin syllables (the table's pinyin column), without tones, with ü
/// also written u.
fn pinyin_syllables() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = HashSet::new();
        for (_, py) in wade_giles() {
            set.insert(py.clone());
            set.insert(py.replace('ü', "u"));
        }
        set
    })
}

/// A surname row: its pinyin, and its spellings in every column, folded.
struct SurnameRow {
    pinyin: String,
    forms: Vec<String>,
}

/// The surname table: folded spelling → the pinyin of every row it is a
/// spelling of (`wong` → `wang`, `huang`).
fn surnames() -> &'static HashMap<String, Vec<String>> {
    static TABLE: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let rows = include_str!("tables/chinese_surnames.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let cols: Vec<&str> = l.split('\t').map(str::trim).collect();
                let pinyin = plain_key(cols.get(1)?);
                let forms = cols
                    .get(2..5)?
                    .iter()
                    .flat_map(|c| c.split('|'))
                    .filter(|f| !f.is_empty() && *f != "-")
                    .map(plain_key)
                    .collect();
                Some(SurnameRow { pinyin, forms })
            });
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for row in rows {
            for form in row.forms.iter().chain(std::iter::once(&row.pinyin)) {
                let e = map.entry(form.clone()).or_default();
                if !e.contains(&row.pinyin) {
                    e.push(row.pinyin.clone());
                }
            }
        }
        map
    })
}

/// The key a spelling is looked up by in the surname table: folded, without
/// apostrophes, ü as u (`Ch'en` → `chen`, `Lü` → `lu`, `Gô·` → `go`).
fn plain_key(s: &str) -> String {
    fold_syllable(s).replace('\'', "").replace('ü', "u")
}

/// The pinyin readings of one syllable: itself when it is a pinyin syllable
/// (and has no apostrophe), and its Wade-Giles rows read as pinyin. A mark
/// may be missing, never wrong: `chin` is jin or qin (ch'in), `ch'in` only
/// qin; `hsu` is xu (hsü).
pub(crate) fn syllable_readings(s: &str, wade_giles_too: bool) -> Vec<String> {
    let plain: String = s.chars().filter(|&c| c != '\'').collect();
    let plain_u = plain.replace('ü', "u");
    let mut out: Vec<String> = Vec::new();
    if !s.contains('\'') && pinyin_syllables().contains(&plain) {
        out.push(plain_u.clone());
    }
    if !wade_giles_too {
        return out;
    }
    for (wg, py) in wade_giles_by_plain().get(&plain_u).into_iter().flatten() {
        let marks_fit =
            (!s.contains('\'') || wg.contains('\'')) && (!plain.contains('ü') || wg.contains('ü'));
        if marks_fit && !out.contains(py) {
            out.push(py.clone());
        }
    }
    out
}

/// Whether a folded syllable is pinyin as written (no apostrophe, in the
/// pinyin inventory).
fn is_pinyin(s: &str) -> bool {
    !s.contains('\'') && pinyin_syllables().contains(s)
}

/// The joined readings of a word of one to three syllables written together
/// (`jintao`, `chinping`), each split into syllables every way the table
/// allows; empty when it is not such a word.
fn word_readings(w: &str, wade_giles_too: bool, syllables_left: usize) -> Vec<String> {
    if w.is_empty() {
        return vec![String::new()];
    }
    if syllables_left == 0 {
        return Vec::new();
    }
    let cs: Vec<char> = w.chars().collect();
    let mut out: Vec<String> = Vec::new();
    for cut in 1..=cs.len().min(7) {
        let head: String = cs[..cut].iter().collect();
        let heads = syllable_readings(&head, wade_giles_too);
        if heads.is_empty() {
            continue;
        }
        let tail: String = cs[cut..].iter().collect();
        for rest in word_readings(&tail, wade_giles_too, syllables_left - 1) {
            for h in &heads {
                let r = format!("{h}{rest}");
                if !out.contains(&r) && out.len() < MAX_READINGS {
                    out.push(r);
                }
            }
        }
    }
    out
}

/// A given name as the rule compares it.
#[derive(Debug)]
struct Given {
    /// Its joined pinyin readings (empty when some syllable has none: a
    /// Cantonese given name, say).
    readings: Vec<String>,
    /// As written, folded, syllables joined.
    plain: String,
    text: String,
    /// Its Cantonese readings as keys (`cantonese.rs`): of its characters, or
    /// of its Latin words read as Jyutping, Yale or Hong Kong spellings.
    canto: Vec<String>,
}

/// A name read as a Chinese name.
#[derive(Debug)]
struct ChineseName {
    surname: Vec<String>,
    /// The surname's Cantonese readings (keys of `cantonese.rs`).
    surname_canto: Vec<String>,
    surname_text: String,
    given: Option<Given>,
    english: Option<String>,
    /// Written in Han characters.
    han: bool,
    /// Written in plain pinyin (every syllable one, no apostrophe).
    plain_pinyin: bool,
}

/// Where a Chinese name written as one word of two to four Han characters
/// (`黄之锋`) splits into its surname, the first character, and its given name:
/// the byte offset of the second character. `None` for any other word.
#[cfg_attr(not(feature = "index"), allow(dead_code))]
pub(crate) fn han_name_split(word: &str) -> Option<usize> {
    let n = word.chars().count();
    ((2..=4).contains(&n) && word.chars().all(is_han))
        .then(|| word.chars().next().map_or(0, char::len_utf8))
}

/// A name of two to four Han characters (spaces allowed): the first is the
/// surname, the rest the given name.
fn read_han(name: &str) -> Option<ChineseName> {
    let cs: Vec<char> = name.chars().filter(|c| !c.is_whitespace()).collect();
    if !(2..=4).contains(&cs.len()) || !cs.iter().all(|&c| is_han(c)) {
        return None;
    }
    let given: String = cs[1..].iter().map(|&c| han_pinyin(c)).collect();
    Some(ChineseName {
        surname: vec![han_pinyin(cs[0])],
        surname_canto: cantonese::char_readings(cs[0]),
        surname_text: cs[0].to_string(),
        given: Some(Given {
            readings: vec![given.clone()],
            plain: given,
            text: cs[1..].iter().collect(),
            canto: cantonese::han_keys(&cs[1..]),
        }),
        english: None,
        han: true,
        plain_pinyin: false,
    })
}

/// A group of a Latin name (the words between spaces): its text and its
/// syllable words (split at hyphens), folded.
struct Group {
    text: String,
    words: Vec<String>,
}

/// The surname readings of a one-word group: the table's rows for it (unless
/// the name is plain pinyin), and its own readings as a syllable.
fn surname_readings(g: &Group, pinyin_only: bool) -> Vec<String> {
    let [w] = g.words.as_slice() else {
        return Vec::new();
    };
    let mut out = syllable_readings(w, !pinyin_only);
    if !pinyin_only {
        let key = plain_key(w);
        for py in surnames().get(&key).into_iter().flatten() {
            if !out.contains(py) {
                out.push(py.clone());
            }
        }
    }
    out
}

/// The Cantonese readings of a one-word group as a surname (one syllable).
fn surname_canto(g: &Group, systems: Systems) -> Vec<String> {
    let [w] = g.words.as_slice() else {
        return Vec::new();
    };
    cantonese::latin_keys(&[w.as_str()], systems, 1)
}

/// The given name of one or two groups, of at most two syllable words.
fn given_of(groups: &[&Group], pinyin_only: bool, systems: Systems) -> Option<Given> {
    let words: Vec<&String> = groups.iter().flat_map(|g| g.words.iter()).collect();
    if words.is_empty() || words.len() > 2 {
        return None;
    }
    let mut readings = vec![String::new()];
    for w in &words {
        let rs = word_readings(w, !pinyin_only, 3 - words.len());
        let mut next = Vec::new();
        for r in &readings {
            for x in &rs {
                if next.len() < MAX_READINGS {
                    next.push(format!("{r}{x}"));
                }
            }
        }
        readings = next;
    }
    let word_strs: Vec<&str> = words.iter().map(|w| w.as_str()).collect();
    Some(Given {
        readings,
        canto: cantonese::latin_keys(&word_strs, systems, 2),
        plain: words.iter().map(|w| w.replace('\'', "")).collect(),
        text: groups
            .iter()
            .map(|g| g.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    })
}

/// Whether a group reads as a Chinese given name (every syllable has a
/// reading): then it is not a Latin given name.
fn reads_as_given(g: &Group, pinyin_only: bool) -> bool {
    given_of(&[g], pinyin_only, Systems::All).is_some_and(|x| !x.readings.is_empty())
}

/// Whether a one-word group reads as a Cantonese syllable: then it is not a
/// Latin given name either (`gwai3 man4 hoi2` is a surname and a given name).
fn reads_as_cantonese(g: &Group, systems: Systems) -> bool {
    !surname_canto(g, systems).is_empty()
}

/// A Latin name in one of the shapes of a Chinese name (module docs).
fn read_latin(name: &str) -> Option<ChineseName> {
    // Latin letters only (with marks): other scripts are read by `read_han` or
    // not at all.
    if name
        .chars()
        .filter(|c| c.is_alphabetic())
        .any(|c| fold_syllable(&c.to_string()).is_empty())
    {
        return None;
    }
    let groups: Vec<Group> = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|g| !g.is_empty())
        .map(|g| Group {
            text: g.to_string(),
            words: g
                .split(['-', '‐', '‑'])
                .map(fold_syllable)
                .filter(|w| !w.is_empty())
                .collect(),
        })
        .collect();
    if groups.iter().any(|g| g.words.is_empty()) {
        return None;
    }
    // Plain pinyin (every syllable one, no apostrophe) is read as pinyin only;
    // a name with a syllable pinyin has not is read in Wade-Giles too, and its
    // surname through the table.
    let pinyin_only = groups
        .iter()
        .flat_map(|g| g.words.iter())
        .all(|w| !w.contains('\'') && !word_readings(w, false, 2).is_empty());
    let systems = Systems::of(name);
    let surname = |g: &Group| surname_readings(g, pinyin_only);
    let is_surname = |g: &Group| !surname(g).is_empty() || reads_as_cantonese(g, systems);
    let given = |gs: &[&Group]| given_of(gs, pinyin_only, systems);
    let make = |s: &Group, given: Option<Given>, english: Option<&Group>| {
        let (readings, canto) = (surname(s), surname_canto(s, systems));
        (!readings.is_empty() || !canto.is_empty()).then(|| ChineseName {
            surname: readings,
            surname_canto: canto,
            surname_text: s.text.clone(),
            given,
            english: english.map(|e| e.text.clone()),
            han: false,
            plain_pinyin: pinyin_only,
        })
    };
    match groups.as_slice() {
        [s, g] if is_surname(s) && reads_as_given_or_cantonese(g) => make(s, given(&[g]), None),
        [g, s] if reads_as_given(g, pinyin_only) => make(s, given(&[g]), None),
        [e, s] if e.words.len() == 1 && s.words.len() == 1 => make(s, None, Some(e)),
        // A first word that reads as no Cantonese syllable is a Latin given name
        // unless it reads as a given name and a surname both (`Xi Jin Ping`):
        // `Joshua` splits into Wade-Giles jo + shua, but is no surname.
        [e, s, g]
            if e.words.len() == 1
                && !reads_as_cantonese(e, systems)
                && (!reads_as_given(e, pinyin_only) || surname(e).is_empty()) =>
        {
            make(s, given(&[g]), Some(e))
        }
        [s, g1, g2] if [s, g1, g2].iter().all(|g| g.words.len() == 1) => {
            make(s, given(&[g1, g2]), None)
        }
        _ => None,
    }
}

/// Whether a group can be a Chinese given name in any romanisation: one or
/// two syllable words (hyphenated), or one word.
fn reads_as_given_or_cantonese(g: &Group) -> bool {
    (1..=2).contains(&g.words.len())
}

/// A name read as a Chinese name, Han or Latin.
fn read(name: &str) -> Option<ChineseName> {
    read_han(name).or_else(|| read_latin(name))
}

/// Whether a Latin name is written the Wade-Giles way: an aspiration apostrophe
/// after a consonant (`Chin-t'ao`), a syllable starting with `hs`, or a given
/// name of two syllables joined by a hyphen with the second in lower case
/// (`Hsiao-po`, `Tse-tung`).
fn looks_wade_giles(name: &str) -> bool {
    let raw: Vec<char> = name.chars().collect();
    let cs: Vec<char> = name.to_lowercase().chars().collect();
    let apostrophe = |c: char| fold_syllable(&c.to_string()) == "'";
    cs.windows(2)
        .any(|w| "ptkhs".contains(w[0]) && apostrophe(w[1]))
        || name
            .to_lowercase()
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.starts_with("hs"))
        || raw.windows(2).any(|w| w[0] == '-' && w[1].is_lowercase())
}

/// The Wade-Giles reading of one folded syllable: its own row when the table
/// has it as written, else the first row it may be with a mark missing; the
/// syllable itself (apostrophes dropped) when no row fits.
fn wade_giles_syllable(s: &str) -> String {
    if let Some((_, py)) = wade_giles().iter().find(|(wg, _)| wg == s) {
        return py.replace('ü', "u");
    }
    let plain = s.replace('\'', "").replace('ü', "u");
    let row = wade_giles_by_plain()
        .get(&plain)
        .and_then(|rows| rows.first());
    row.map_or(plain, |(_, py)| py.clone())
}

/// The pinyin reading of a name written in Wade-Giles, or `None` when it does
/// not look like Wade-Giles ([`looks_wade_giles`]): each syllable read by the
/// table, the syllables of a hyphenated given name written together
/// (`Hu Chin-t'ao` → `hu jintao`, `Mao Tse-tung` → `mao zedong`).
pub(crate) fn wade_giles_to_pinyin(name: &str) -> Option<String> {
    let latin = name
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| !fold_syllable(&c.to_string()).is_empty());
    if !latin || !looks_wade_giles(name) {
        return None;
    }
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            w.split('-')
                .map(|syl| wade_giles_syllable(&fold_syllable(syl)))
                .collect::<String>()
        })
        .collect();
    Some(words.join(" "))
}

/// How two parts of a Chinese-name match were judged: (part of the first name,
/// part of the second, how).
pub(crate) type Pairing = (String, String, &'static str);

/// The Chinese-name rule (module docs): `Some` with the pairings when `a` and
/// `b` read as Chinese names whose surnames share a pinyin or a Cantonese
/// reading and whose given names are one in a shared romanisation or one
/// Cantonese reading (module docs); a Latin given name on one
/// side only (`Agnes Chow Ting` / `周庭`) is an extra given name, as a missing
/// middle name is. `None` otherwise: other names, contradicting given names,
/// or given names with no shared romanisation (undecided).
pub(crate) fn same_chinese_name(a: &str, b: &str) -> Option<Vec<Pairing>> {
    let (x, y) = (read(a)?, read(b)?);
    let meet = |p: &[String], q: &[String]| p.iter().any(|s| q.contains(s));
    // Cantonese readings are compared when one name is in Han characters and the
    // other in Latin letters, or both in Latin letters and not both in plain
    // pinyin (two pinyin names are one only in pinyin).
    let both_pinyin = x.plain_pinyin && y.plain_pinyin;
    let canto = x.han != y.han || !(x.han || both_pinyin);
    let surname_pinyin = meet(&x.surname, &y.surname);
    let surname_canto = canto && meet(&x.surname_canto, &y.surname_canto);
    // Two Latin names, one read in Cantonese and the other in pinyin, with no
    // characters between them, meet through the characters the Cantonese table
    // reads both ways (`cantonese::links_to_pinyin`): `gwai3 man4 hoi2` /
    // `Gui Minhai`, every syllable linked.
    let bridge = !x.han && !y.han && !both_pinyin;
    let linked = |p: &[String], q: &[String]| {
        p.iter()
            .any(|k| q.iter().any(|py| cantonese::links_to_pinyin(k, py)))
    };
    let surname_bridge =
        bridge && (linked(&x.surname_canto, &y.surname) || linked(&y.surname_canto, &x.surname));
    if !(surname_pinyin || surname_canto || surname_bridge) {
        return None;
    }
    // Two Latin given names are the word rule's to compare.
    if x.english.is_some() && y.english.is_some() {
        return None;
    }
    let (gx, gy) = (x.given.as_ref()?, y.given.as_ref()?);
    let how_given = if gx.plain == gy.plain {
        "same given name"
    } else if meet(&gx.readings, &gy.readings) {
        "given name read in pinyin"
    } else if canto && meet(&gx.canto, &gy.canto) {
        "given name read in Cantonese"
    } else if bridge && (linked(&gx.canto, &gy.readings) || linked(&gy.canto, &gx.readings)) {
        "given name, Cantonese and pinyin of the same characters"
    } else {
        return None;
    };
    let how_surname = if surname_pinyin {
        "Chinese surname"
    } else if surname_canto {
        "Chinese surname read in Cantonese"
    } else {
        "Chinese surname, Cantonese and pinyin of the same character"
    };
    let mut out = vec![
        (x.surname_text, y.surname_text, how_surname),
        (gx.text.clone(), gy.text.clone(), how_given),
    ];
    if let Some(e) = x.english {
        out.push((e, String::new(), "extra Latin given name"));
    }
    if let Some(e) = y.english {
        out.push((String::new(), e, "extra Latin given name"));
    }
    Some(out)
}

/// The mark that starts a surname-table key (`@huang`): a related key shared
/// by every spelling of one surname in the table and by its Han character.
pub(crate) const SURNAME_MARK: char = '@';

/// The surname-table keys of a word for the search (related keys): `@` and
/// the pinyin of each row the word is a spelling of (`Wong` → `@wang`,
/// `@huang`; `Lim` → `@lin`), or for a Han name of two to four characters,
/// its first character's row (`黄之锋` → `@huang`).
pub(crate) fn surname_keys(cs: &[char]) -> Vec<String> {
    let key = if cs.iter().any(|&c| is_han(c)) {
        if !(1..=4).contains(&cs.len()) || !cs.iter().all(|&c| is_han(c)) {
            return Vec::new();
        }
        han_pinyin(cs[0])
    } else {
        plain_key(&cs.iter().collect::<String>())
    };
    surnames()
        .get(&key)
        .into_iter()
        .flatten()
        .map(|py| format!("{SURNAME_MARK}{py}"))
        .collect()
}

/// The pinyin readings of a one-syllable Latin word that is not pinyin as
/// written but is a Wade-Giles syllable (`Hsi` → `xi`, `Chin` → `jin`, `qin`;
/// `Tse` → `ze`, `ce`), for the search's translit keys. Pinyin words get none:
/// read in Wade-Giles too, `Tao` would also be dao.
pub(crate) fn wade_giles_readings(cs: &[char]) -> Vec<String> {
    let w: String = cs.iter().collect();
    let s = fold_syllable(&w);
    if s.is_empty()
        || is_pinyin(&s)
        || !cs
            .iter()
            .all(|c| c.is_alphabetic() || *c == '\'' || *c == '’')
    {
        return Vec::new();
    }
    syllable_readings(&s, true)
}

/// Adds a word's keys of this module for the search, after its other keys
/// across scripts: the translit keys of its Wade-Giles readings (with their
/// related keys, so that words sharing a translit key share a related key) and
/// its surname-table keys.
pub(crate) fn add_cross_keys(cs: &[char], translit: &mut Vec<String>, related: &mut Vec<String>) {
    // No Wade-Giles syllable (`ch'iung`) or table spelling is longer: most words
    // of a name are, and skip the lookups.
    if cs.len() > MAX_SYLLABLE_CHARS {
        return;
    }
    for reading in wade_giles_readings(cs) {
        let chars: Vec<char> = reading.chars().collect();
        if let Some(k) = super::key::translit_keys(&chars).into_iter().next() {
            related.extend(super::key::related(&k));
            translit.push(k);
        }
    }
    related.extend(surname_keys(cs));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables() {
        assert_eq!(syllable_readings("hsi", true), ["xi"]);
        assert_eq!(syllable_readings("ch'in", true), ["qin"]);
        let chin = syllable_readings("chin", true);
        assert!(chin.contains(&"jin".to_string()) && chin.contains(&"qin".to_string()));
        assert_eq!(syllable_readings("tao", false), ["tao"]);
        assert!(syllable_readings("fung", true).is_empty());
        assert_eq!(fold_syllable("shêng⁴"), "sheng");
        assert_eq!(fold_syllable("Ch’en"), "ch'en");
        assert!(word_readings("jintao", false, 3).contains(&"jintao".to_string()));
        assert!(word_readings("chinping", true, 3).contains(&"jinping".to_string()));
    }

    #[test]
    fn wade_giles_names() {
        let read = |n: &str| wade_giles_to_pinyin(n);
        assert_eq!(read("Hu Chin-t'ao").as_deref(), Some("hu jintao"));
        assert_eq!(read("Liu Hsiao-po").as_deref(), Some("liu xiaobo"));
        assert_eq!(read("Mao Tse-tung").as_deref(), Some("mao zedong"));
        assert_eq!(read("Hsi Chin-p’ing").as_deref(), Some("xi jinping"));
        assert_eq!(read("Xi Jinping"), None);
    }

    #[test]
    fn surname_table() {
        let keys = |w: &str| surname_keys(&w.chars().collect::<Vec<_>>());
        assert!(keys("Wong").contains(&"@huang".to_string()));
        assert!(keys("Wong").contains(&"@wang".to_string()));
        assert_eq!(keys("黄之锋"), ["@huang"]);
        assert_eq!(keys("黃"), ["@huang"]);
        assert_eq!(keys("Lim"), ["@lin"]);
        assert_eq!(keys("Tan"), ["@chen"]);
        assert_eq!(keys("Teo"), ["@zhang"]);
        assert!(keys("Smith").is_empty());
        assert!(keys("习近平").is_empty()); // 习 is not in the table
    }

    #[test]
    fn search_keys() {
        let k = super::super::token_keys;
        // A Wade-Giles syllable meets its pinyin on a translit key.
        let xi = &k("Xi").translit[0];
        assert!(k("Hsi").translit.contains(xi), "{:?}", k("Hsi"));
        // A pinyin syllable is not read in Wade-Giles too (Tao is not dao).
        let dao = &k("Dao").translit[0];
        assert!(!k("Tao").translit.contains(dao));
        // Surname spellings across varieties share a related key.
        assert!(k("Chow").related.contains(&"@zhou".to_string()));
        assert!(k("周庭").related.contains(&"@zhou".to_string()));
        assert!(!k("Smith")
            .related
            .iter()
            .any(|r| r.starts_with(SURNAME_MARK)));
    }

    #[test]
    fn chinese_names() {
        assert!(same_chinese_name("Chow Ting", "周庭").is_some());
        assert!(same_chinese_name("Agnes Chow Ting", "周 庭").is_some());
        assert!(same_chinese_name("Kao¹ Chih⁴-shêng⁴", "Gao Zhisheng").is_some());
        assert!(same_chinese_name("Hsi Chin-p'ing", "习近平").is_some());
        assert!(same_chinese_name("Chiang Ching-kuo", "Jiang Jingguo").is_some());
        // Different given names.
        assert!(same_chinese_name("Gao Zhiyi", "Kao Chih-sheng").is_none());
        assert!(same_chinese_name("Liu Xiaoming", "Liu Xiaobo").is_none());
        // A Cantonese given name cannot be read in pinyin: undecided.
        assert!(same_chinese_name("Lau Hiu-bo", "Liu Xiaoming").is_none());
        // A Latin given name where the other name has a Chinese one.
        assert!(same_chinese_name("Roger Wong", "Wong Chi-fung").is_none());
        // Plain pinyin is not read through the table: Wu is not Hu.
        assert!(same_chinese_name("Wu Jia", "Hu Jia").is_none());
    }

    #[test]
    fn cantonese_names() {
        let how = |a: &str, b: &str| {
            same_chinese_name(a, b).map(|p| p.iter().map(|x| x.2).collect::<Vec<_>>())
        };
        // Hong Kong spelling, Yale and Jyutping against traditional and
        // simplified characters, and against each other.
        for latin in ["Cheung Man-kit", "Jēung Màhngiht", "zoeng1 man4 git6"] {
            for han in ["張文傑", "张文杰"] {
                let h = how(latin, han);
                assert!(
                    h.as_ref()
                        .is_some_and(|h| h.contains(&"given name read in Cantonese")),
                    "{latin} / {han}: {h:?}"
                );
            }
        }
        assert!(how("Cheung Man-kit", "zoeng1 man4 git6").is_some());
        assert!(how("Peter Cheung Man-kit", "張文傑").is_some());
        // A surname outside the surname table meets through the character table.
        let h = how("Kwok Wing-sze", "郭詠詩").unwrap();
        assert!(h.contains(&"Chinese surname read in Cantonese"), "{h:?}");
        // Same surname, another given name; a Latin given name for a Chinese one.
        assert!(how("Cheung Man-kei", "張文傑").is_none());
        assert!(how("Chan Man-kit", "張文傑").is_none());
        assert!(how("Peter Cheung", "張文傑").is_none());
        // Two pinyin names are compared in pinyin only.
        assert!(how("Li Ping", "Li Bing").is_none());
    }
}
