//! Foreign names transcribed into Chinese characters (`塔西甫拉提・特依拜`,
//! Tashpolat Tiyip; `古丽先.阿巴斯`, Gulshan Abbas) and their pinyin
//! (`tǎxīfǔlātí tèyībài`, `Abuduwaili Ayupu`).
//!
//! Chinese writes a foreign name syllable by syllable in characters chosen for
//! their sound, its words separated by an interpunct (`·`, `・`, `.`: the
//! 间隔号). The transcription keeps the consonants' places of articulation but
//! not their letters: Uyghur p becomes f (甫 fu), sh becomes x (西 xi, 先
//! xian), a consonant cluster gains a vowel (Abduweli → a-bu-du-wai-li), a
//! final r becomes 尔 er. Spellings do not meet on letters, nor on the
//! consonant skeleton `compare` uses for abjads; they meet on a coarser one,
//! of consonant classes: labials (b p f), dentals (d t), velars and glottals
//! (g k q h, kh gh), sibilants and affricates (s z c j, sh ch zh, pinyin x q),
//! liquids (l r, pinyin er), m, n (and a final ng), w / v; vowels and y
//! dropped, a run of one class counted once. A Latin x or q is a velar in
//! Uyghur, Uzbek or Azerbaijani spellings and a sibilant in pinyin, and an x is
//! both, ks, in a European name (`Alexei`, 阿列克谢 a-lie-ke-xie): each is tried.
//!
//! The rule is narrow on purpose, since classes are coarse: it applies only to
//! a name that is a transcription (Han characters with an interpunct, or Latin
//! pinyin with a word of four syllables or more, which no Chinese name has),
//! both names must have the same number of words (two or more), every word
//! must meet its counterpart in order, and the name must have four classes or
//! more in all. Between two names in Latin letters, the pinyin one must be all
//! pinyin but for words the other name writes alike (`Abuduwaili Ayupu`; not
//! `Soulaimane Raissouni`, a French spelling with a long word that happens to
//! read as pinyin).

use super::chinese::{self, Pairing};
use super::cross::{CLASSES_ALPHABET, CLASSES_HAN};
use super::fold::fold_syllable;
use super::script::{self, is_han};

/// The interpuncts that separate the words of a foreign name in Chinese.
const INTERPUNCTS: [char; 6] = ['·', '・', '.', '•', '‧', '．'];

/// The fewest consonant classes a name must have in all.
const MIN_CLASSES: usize = 4;

/// The most class strings kept for one word (x and q are read two ways).
const MAX_VARIANTS: usize = 8;

/// The fewest pinyin syllables in one Latin word that mark a name as a
/// transcription: Chinese surnames and given names have at most two.
const MIN_TRANSCRIBED_SYLLABLES: usize = 4;

/// A consonant class: `P` labial, `T` dental, `K` velar or glottal, `S`
/// sibilant or affricate, `L` liquid, `M`, `N`, `W`.
type Class = char;

/// Push a class unless the last one is the same.
fn push(out: &mut String, c: Class) {
    if !out.ends_with(c) {
        out.push(c);
    }
}

/// The classes of one pinyin syllable (lower case, no tone): its initial's,
/// and `N` for a final n or ng; `er` is a liquid, `wu` and `yi`-like syllables
/// a vowel.
fn pinyin_syllable_classes(py: &str, out: &mut String) {
    if py == "er" {
        push(out, 'L');
        return;
    }
    let rest = if let Some(r) = ["zh", "ch", "sh"].iter().find_map(|p| py.strip_prefix(p)) {
        push(out, 'S');
        r
    } else {
        let mut cs = py.chars();
        let class = match cs.next() {
            Some('b' | 'p' | 'f') => Some('P'),
            Some('d' | 't') => Some('T'),
            Some('g' | 'k' | 'h') => Some('K'),
            Some('j' | 'q' | 'x' | 'z' | 'c' | 's') => Some('S'),
            Some('l' | 'r') => Some('L'),
            Some('m') => Some('M'),
            Some('n') => Some('N'),
            // 乌 wu writes a vowel u; wa, wai, wei a w.
            Some('w') if py != "wu" => Some('W'),
            _ => None,
        };
        match class {
            Some(c) => {
                push(out, c);
                cs.as_str()
            }
            None => py,
        }
    };
    if rest.len() > 1 && (rest.ends_with('n') || rest.ends_with("ng")) {
        push(out, 'N');
    }
}

/// The classes of a Han word, read one character a syllable in pinyin; `None`
/// when a character has no reading.
fn han_classes(word: &str) -> Option<String> {
    let mut out = String::new();
    for c in word.chars() {
        let py = script::han_pinyin(c);
        if py.is_empty() || !py.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        pinyin_syllable_classes(&py, &mut out);
    }
    Some(out)
}

/// The class strings of a word in Latin letters (or another alphabet, read by
/// any_ascii), one for each reading of its x and q, at most [`MAX_VARIANTS`].
fn latin_classes(word: &str) -> Vec<String> {
    let s: Vec<u8> = if word.is_ascii() {
        word.bytes()
            .map(|b| b.to_ascii_lowercase())
            .filter(u8::is_ascii_lowercase)
            .collect()
    } else {
        any_ascii::any_ascii(word)
            .to_ascii_lowercase()
            .bytes()
            .filter(u8::is_ascii_lowercase)
            .collect()
    };
    let vowel = |i: usize| s.get(i).is_some_and(|b| b"aeiouy".contains(b));
    let mut outs = vec![String::new()];
    let mut i = 0;
    while i < s.len() {
        let two = s.get(i..i + 2).unwrap_or(&[]);
        let (classes, step): (&[&str], usize) = if s[i..].starts_with(b"shch") {
            (&["S"], 4)
        } else {
            match two {
                b"sh" | b"ch" | b"zh" | b"ts" | b"tz" | b"dz" | b"cz" | b"sz" | b"dj" => {
                    (&["S"], 2)
                }
                b"kh" | b"gh" | b"ck" => (&["K"], 2),
                b"ph" => (&["P"], 2),
                b"th" => (&["T"], 2),
                b"ng" if !vowel(i + 2) => (&["N"], 2),
                _ => (
                    match s[i] {
                        b'b' | b'p' | b'f' => &["P"],
                        b'd' | b't' => &["T"],
                        b'g' | b'k' | b'h' => &["K"],
                        // x: a velar (Uyghur, Uzbek), a sibilant (pinyin), or both,
                        // ks, in a European name (Alexei, 阿列克谢 a-lie-ke-xie).
                        b'x' => &["K", "S", "KS"],
                        b'q' => &["K", "S"],
                        b'c' | b'j' | b's' | b'z' => &["S"],
                        b'l' | b'r' => &["L"],
                        b'm' => &["M"],
                        b'n' => &["N"],
                        b'v' | b'w' => &["W"],
                        _ => &[],
                    },
                    1,
                ),
            }
        };
        if let [only] = classes {
            outs.iter_mut()
                .for_each(|o| only.chars().for_each(|c| push(o, c)));
        } else if !classes.is_empty() {
            let mut next = Vec::new();
            for o in &outs {
                for &cs in classes {
                    let mut n = o.clone();
                    cs.chars().for_each(|c| push(&mut n, c));
                    if next.len() < MAX_VARIANTS && !next.contains(&n) {
                        next.push(n);
                    }
                }
            }
            outs = next;
        }
        i += step;
    }
    outs
}

/// Whether a folded word could be pinyin of [`MIN_TRANSCRIBED_SYLLABLES`]
/// syllables or more: that many vowel letters, and no two consonants together
/// but zh, ch, sh and a syllable's final n or ng before the next initial. A
/// cheap test before the table is read, which most names fail.
fn may_be_long_pinyin(w: &[u8]) -> bool {
    let vowel = |b: u8| b"aeiouv".contains(&b);
    let vowels = w.iter().filter(|&&b| vowel(b)).count();
    vowels >= MIN_TRANSCRIBED_SYLLABLES
        && w.windows(2).all(|p| {
            vowel(p[0])
                || vowel(p[1])
                || matches!(p, [b'z' | b'c' | b's', b'h'] | [b'n', _] | [b'g', _])
        })
}

/// The fewest pinyin syllables a folded Latin word of four syllables or more
/// splits into, or `None`.
fn pinyin_syllable_count(w: &str) -> Option<usize> {
    if !w.is_ascii() || !may_be_long_pinyin(w.as_bytes()) {
        return None;
    }
    pinyin_syllables(w)
}

/// The fewest pinyin syllables a folded Latin word splits into, or `None` when it
/// is no pinyin.
fn pinyin_syllables(w: &str) -> Option<usize> {
    let n = w.len();
    if !w.is_ascii() || n == 0 {
        return None;
    }
    // best[i]: fewest syllables for w[..i].
    let mut best: Vec<Option<usize>> = vec![None; n + 1];
    best[0] = Some(0);
    for end in 1..=n {
        best[end] = (end.saturating_sub(6)..end)
            .filter_map(|start| {
                let prev = best[start]?;
                (!chinese::syllable_readings(&w[start..end], false).is_empty()).then_some(prev + 1)
            })
            .min();
    }
    best[n]
}

/// The words of a name written as a transcription, each with its class
/// strings; `None` when the name is not one (module docs).
fn transcribed(name: &str) -> Option<Vec<(String, Vec<String>)>> {
    let han = name.chars().any(is_han);
    if han {
        if !name.contains(INTERPUNCTS) {
            return None;
        }
        return name
            .split(|c: char| INTERPUNCTS.contains(&c) || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .map(|w| {
                if !w.chars().all(is_han) {
                    return None;
                }
                Some((w.to_string(), vec![han_classes(w)?]))
            })
            .collect();
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let long = words.iter().any(|w| {
        pinyin_syllable_count(&fold_syllable(w)).is_some_and(|n| n >= MIN_TRANSCRIBED_SYLLABLES)
    });
    long.then(|| other_words(name))
}

/// The words of any name, each with its Latin class strings.
fn other_words(name: &str) -> Vec<(String, Vec<String>)> {
    name.split(|c: char| c.is_whitespace() || INTERPUNCTS.contains(&c))
        .filter(|w| !w.is_empty())
        .map(|w| (w.to_string(), latin_classes(w)))
        .collect()
}

/// Whether a related key is a consonant-class key ([`search_keys`]).
#[cfg_attr(not(feature = "index"), allow(dead_code))]
pub(crate) fn is_class_key(key: &str) -> bool {
    key.starts_with([CLASSES_HAN, CLASSES_ALPHABET])
}

/// The fewest consonant classes one word needs for a search key: two classes
/// meet too many words of other names.
const MIN_WORD_CLASSES: usize = 3;

/// The fewest characters of a Han word that may be a transcription: a Chinese
/// name of one or two characters never is one.
const MIN_TRANSCRIBED_CHARS: usize = 3;

/// A word's consonant-class keys for the search, so that a foreign name
/// transcribed into Chinese characters meets its spellings in alphabets word by
/// word (`古丽米拉` and `Gulmira`: classes `KLML`). A Han word of three
/// characters or more gets its classes marked [`CLASSES_HAN`]; a word of
/// another script each of its class strings marked [`CLASSES_ALPHABET`]; three
/// classes or more in both. A key across scripts only: a query asks for the
/// other side's mark ([`super::cross::query_key`]), so two Latin words never
/// meet on these coarse classes, nor two Han words.
pub(crate) fn search_keys(cs: &[char]) -> Vec<String> {
    let enough = |c: &String| c.chars().count() >= MIN_WORD_CLASSES;
    if cs.iter().any(|&c| is_han(c)) {
        if cs.len() < MIN_TRANSCRIBED_CHARS || !cs.iter().all(|&c| is_han(c)) {
            return Vec::new();
        }
        let word: String = cs.iter().collect();
        return han_classes(&word)
            .filter(enough)
            .map(|c| format!("{CLASSES_HAN}{c}"))
            .into_iter()
            .collect();
    }
    // Fewer than three consonant letters make fewer than three classes (the
    // common short word, decided without reading it).
    let consonants = cs
        .iter()
        .filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
        .count();
    if consonants < MIN_WORD_CLASSES || !cs.iter().all(|c| c.is_alphabetic()) {
        return Vec::new();
    }
    let word: String = cs.iter().collect();
    latin_classes(&word)
        .into_iter()
        .filter(enough)
        .map(|c| format!("{CLASSES_ALPHABET}{c}"))
        .collect()
}

/// The transcription rule (module docs): `Some` with the pairings when one of
/// the names is a transcription and every word of each meets the other's in
/// order on its consonant classes; `None` otherwise.
pub(crate) fn same_transcribed_name(a: &str, b: &str) -> Option<Vec<Pairing>> {
    let (ta, tb) = (transcribed(a), transcribed(b));
    let (a_read, b_read) = (ta.is_some(), tb.is_some());
    let (x, y) = match (ta, tb) {
        (Some(x), Some(y)) => (x, y),
        (Some(x), None) => (x, other_words(b)),
        (None, Some(y)) => (other_words(a), y),
        (None, None) => return None,
    };
    if x.len() < 2 || x.len() != y.len() {
        return None;
    }
    // Between two names in Latin letters, one is a transcription's pinyin only
    // when all of it is pinyin, but for a word the other writes alike
    // (`Abuduwaili Ayupu`; not `Soulaimane Raissouni`, whose coarse classes are
    // `Soulaimane Lisani`'s too).
    type Words = [(String, Vec<String>)];
    let all_pinyin = |words: &Words, other: &Words| {
        words.iter().all(|(w, _)| {
            let f = fold_syllable(w);
            pinyin_syllables(&f).is_some() || other.iter().any(|(o, _)| fold_syllable(o) == f)
        })
    };
    let latin_only = !a.chars().chain(b.chars()).any(is_han);
    if latin_only && ((a_read && !all_pinyin(&x, &y)) || (b_read && !all_pinyin(&y, &x))) {
        return None;
    }
    let mut total = 0;
    let mut out = Vec::new();
    for ((wa, ca), (wb, cb)) in x.iter().zip(&y) {
        let shared = ca.iter().find(|c| !c.is_empty() && cb.contains(c))?;
        total += shared.chars().count();
        out.push((
            wa.clone(),
            wb.clone(),
            "transcription into Chinese characters",
        ));
    }
    (total >= MIN_CLASSES).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(han_classes("塔西甫拉提").as_deref(), Some("TSPLT"));
        assert_eq!(han_classes("古丽先").as_deref(), Some("KLSN"));
        assert_eq!(han_classes("卡德尔").as_deref(), Some("KTL"));
        assert!(latin_classes("Tashpolat").contains(&"TSPLT".to_string()));
        assert!(latin_classes("Gulshan").contains(&"KLSN".to_string()));
        assert!(latin_classes("Qadir").contains(&"KTL".to_string()));
        // x is a velar or a sibilant.
        assert_eq!(latin_classes("Xelil"), ["KL", "SL", "KSL"]);
        assert!(latin_classes("Alexei").contains(&"LKS".to_string()));
        assert_eq!(latin_classes("Abbas"), ["PS"]);
        assert_eq!(pinyin_syllable_count("abuduwaili"), Some(5));
        assert_eq!(pinyin_syllable_count("gulshan"), None);
        assert_eq!(pinyin_syllable_count("gulisian"), Some(4));
        assert_eq!(pinyin_syllable_count("tashpolat"), None);
    }

    #[test]
    fn names() {
        let same = |a: &str, b: &str| same_transcribed_name(a, b).is_some();
        assert!(same("塔西甫拉提・特依拜", "Tashpolat Tiyip"));
        assert!(same("阿布都外力·阿尤甫", "Abduweli Ayup"));
        assert!(same("Abduweli Ayup", "Abuduwaili Ayupu"));
        assert!(same("古丽先.阿巴斯", "Gulshan Abbas"));
        // Another first name.
        assert!(!same("古丽先.阿巴斯", "Rushan Abbas"));
        // Not a transcription: a Chinese name, or Latin names of short words.
        assert!(!same("黄之锋", "Wong Chi-fung"));
        assert!(!same("Gulshan Abbas", "Gulisan Abbas"));
        // Word counts differ.
        assert!(!same("古丽先.阿巴斯", "Gulshan"));
    }
}
