//! Scripts without a table of their own, and the name particles.
//!
//! Latin and Cyrillic (Russian, Kazakh, Ukrainian, Belarusian and the other
//! Cyrillic alphabets) have their own tables (`fold.rs`, `kk.rs`, `ru.rs`).
//! Every other script is first transliterated to Latin with `any_ascii`, then
//! keyed by the Latin rules: Georgian (`სააკაშვილი` → `saak'ashvili`), Armenian,
//! Greek, Arabic and Persian, Hebrew, Han (`习近平` → `XiJinPing`, pinyin
//! without tones), Thai, Devanagari, Hangul, kana and the rest. So no spelling
//! in any script finds nothing; `docs/design.md` says why `any_ascii` and not
//! `deunicode`.
//!
//! Scripts that do not write short vowels (Arabic, Persian, Hebrew: *abjads*)
//! are compared with Latin spellings on their consonant skeleton
//! (`cross.rs`); the Arabic article written joined to a word (`ال`) is not
//! part of its key.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::hangul::is_hangul;

/// Whether `c` is a letter of a script with no table of its own (not Latin,
/// not Cyrillic).
pub(crate) fn needs_fallback(c: char) -> bool {
    // The apostrophes that Unicode files as modifier letters, ʻ (Uzbek oʻ, gʻ) and ʼ,
    // belong to the Latin or Cyrillic word they sit in. (The prime ʹ, ISO 9's soft
    // sign, is read through the fallback, which drops it.)
    if c.is_ascii() || !c.is_alphabetic() || matches!(c, 'ʻ' | 'ʼ') {
        return false;
    }
    let u = c as u32;
    let latin = (0x00C0..=0x024F).contains(&u)
        || (0x0250..=0x02AF).contains(&u)
        || (0x1E00..=0x1EFF).contains(&u)
        || (0x2C60..=0x2C7F).contains(&u)
        || (0xA720..=0xA7FF).contains(&u);
    let cyrillic = (0x0400..=0x052F).contains(&u) || (0x1C80..=0x1C8F).contains(&u);
    !(latin || cyrillic)
}

/// Whether `c` is a letter of a script that leaves short vowels unwritten
/// (Arabic and its extensions, Hebrew).
pub(crate) fn is_abjad(c: char) -> bool {
    let u = c as u32;
    (0x0590..=0x05FF).contains(&u)
        || (0x0600..=0x06FF).contains(&u)
        || (0x0750..=0x077F).contains(&u)
        || (0x08A0..=0x08FF).contains(&u)
        || (0xFB50..=0xFDFF).contains(&u)
        || (0xFE70..=0xFEFF).contains(&u)
}

/// Whether `c` is a letter of a Brahmic script (Devanagari, Bengali, Gurmukhi,
/// Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala: U+0900–U+0DFF).
/// Their consonants carry an inherent vowel that `any_ascii` does not write
/// (`सलमान` → `slman`, `முகமதி` → `mukmti`), so in Latin letters they lose short
/// vowels the way an abjad does.
pub(crate) fn is_abugida(c: char) -> bool {
    (0x0900..=0x0DFF).contains(&(c as u32))
}

/// Whether `c` is a letter of Tamil (U+0B80–U+0BFF), whose script has one
/// letter for a voiced and a voiceless stop (க k / g, த t / d, ப p / b, ச c / s
/// / j) and writes a foreign h with க (ஹ aside): `முகமதி` is Mohammadi.
pub(crate) fn is_tamil(c: char) -> bool {
    (0x0B80..=0x0BFF).contains(&(c as u32))
}

/// Whether `c` is a letter of Thai or Lao (U+0E00–U+0EFF).
pub(crate) fn is_thai(c: char) -> bool {
    (0x0E00..=0x0EFF).contains(&(c as u32))
}

/// Whether `c` is a katakana letter (ァ to ヺ) or the long-vowel mark ー
/// (`katakana.rs` reads them).
pub(crate) fn is_katakana(c: char) -> bool {
    ('\u{30A1}'..='\u{30FA}').contains(&c) || c == 'ー'
}

/// Whether `c` is a Thai or Lao prevowel (เ แ โ ใ ไ, ເ ແ ໂ ໃ ໄ): written, and
/// stored, before the consonant it is pronounced after (the Unicode Standard,
/// "Thai": visual order for the prevowels).
fn is_prevowel(c: char) -> bool {
    matches!(c as u32, 0x0E40..=0x0E44 | 0x0EC0..=0x0EC4)
}

/// A Thai word without the silent ห that leads a low sonorant (ง ญ น ม ย ร ล ว)
/// into the tones of a high consonant: Wiktionary, "ห", usage notes ("A silent,
/// high-class ห \"leads\" low-class nasal stops … and non-plosives"); RTGS writes
/// no letter for it (หวาง Wang, หยู Yu, หลี่ Li). Silent where the sonorant carries
/// the vowel: a vowel sign or อ follows it (tone marks passed over), or a prevowel
/// stands before ห and a letter after the sonorant (แหวน waen); pronounced before
/// a vowel of its own or a final sonorant (หก hok, เหว hew).
fn without_leading_h(s: &str) -> String {
    let v: Vec<char> = s.chars().collect();
    let sonorant = |c: &char| matches!(c, 'ง' | 'ญ' | 'น' | 'ม' | 'ย' | 'ร' | 'ล' | 'ว');
    let vowel_at = |j: usize| {
        v[j.min(v.len())..]
            .iter()
            .find(|c| !('\u{e48}'..='\u{e4b}').contains(*c))
            .is_some_and(|&c| c == 'อ' || ('\u{e30}'..='\u{e39}').contains(&c))
    };
    v.iter()
        .enumerate()
        .filter(|&(i, &c)| {
            let silent = c == 'ห'
                && v.get(i + 1).is_some_and(sonorant)
                && (vowel_at(i + 2) || (i > 0 && is_prevowel(v[i - 1]) && i + 2 < v.len()));
            !silent
        })
        .map(|(_, &c)| c)
        .collect()
}

/// Whether a word in `c`'s script reaches Latin letters without its short
/// vowels, or with vowels of its own: an abjad ([`is_abjad`]), a Brahmic abugida
/// ([`is_abugida`]), or katakana and Hangul, which write a vowel after a consonant
/// that has none (ラスル, Rasul; 나스린, Nasrin). Such words meet Latin spellings
/// on their consonant skeleton, in `compare` and in the search.
pub(crate) fn drops_short_vowels(c: char) -> bool {
    is_abjad(c) || is_abugida(c) || is_katakana(c) || is_hangul(c)
}

/// [`skeleton_script`]'s number for katakana.
pub(crate) const KATAKANA_SKELETONS: u32 = 4;

/// [`skeleton_script`]'s number for Hangul, whose skeletons are compared without
/// labials and with one liquid (`cross.rs`, `hangul_skeleton`).
pub(crate) const HANGUL_SKELETONS: u32 = 5;

/// [`skeleton_script`]'s number for the Arabic script (all its blocks).
pub(crate) const ARABIC_SKELETONS: u32 = 2;

/// Which script `c` is in among those `compare` meets with other scripts on
/// their consonant skeletons, 0 for any other letter: the scripts of
/// [`drops_short_vowels`], and Thai and Lao ([`is_thai`]), whose vowel signs
/// `any_ascii` writes one by one around the consonants (`เทอร์` → `theor`), too
/// unreliable to key on. 1 Hebrew, 2 Arabic (all its blocks), 3 Thai and Lao, 4
/// katakana, 5 Hangul,
/// one number per Brahmic script from 16 on (Devanagari, Bengali, … Sinhala:
/// each its 128-character block). Two words of different such scripts meet on
/// their skeletons as a Latin word and an Arabic one do (`محمد` / `मोहम्मद`).
pub(crate) fn skeleton_script(c: char) -> u32 {
    let u = c as u32;
    if (0x0590..=0x05FF).contains(&u) {
        1
    } else if is_abjad(c) {
        ARABIC_SKELETONS
    } else if is_thai(c) {
        3
    } else if is_katakana(c) {
        KATAKANA_SKELETONS
    } else if is_hangul(c) {
        HANGUL_SKELETONS
    } else if is_abugida(c) {
        16 + (u - 0x0900) / 0x80
    } else {
        0
    }
}

/// Whether `c` is a Greek letter (Greek and Coptic, Greek Extended).
pub(crate) fn is_greek(c: char) -> bool {
    let u = c as u32;
    (0x0370..=0x03FF).contains(&u) || (0x1F00..=0x1FFF).contains(&u)
}

/// The Greek table (`tables/greek.tsv`): Greek letters or digraph → its
/// readings, longest first.
fn greek_table() -> &'static [(Vec<char>, Vec<String>)] {
    static TABLE: OnceLock<Vec<(Vec<char>, Vec<String>)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut rows: Vec<(Vec<char>, Vec<String>)> = parse_table(include_str!("tables/greek.tsv"))
            .into_iter()
            .map(|(g, r)| {
                (
                    g.chars().collect(),
                    r.split('|').map(String::from).collect(),
                )
            })
            .collect();
        rows.sort_by_key(|(g, _)| std::cmp::Reverse(g.len()));
        rows
    })
}

/// The most readings a Greek word gets (its ambiguous digraphs read one way
/// throughout, each kind on its own).
const GREEK_MAX_READINGS: usize = 8;

/// The Latin readings of a word with Greek letters (`tables/greek.tsv`), the
/// foreign-name reading first: `Προτάσεβιτς` → `protasevits`, `protasevich`.
/// Accents are dropped and final ς is σ; other chars are kept.
pub(crate) fn greek_readings(cs: &[char]) -> Vec<Vec<char>> {
    use unicode_normalization::char::{decompose_canonical, is_combining_mark};
    let mut plain: Vec<char> = Vec::with_capacity(cs.len());
    for &c in cs {
        decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                plain.extend(d.to_lowercase().map(|l| if l == 'ς' { 'σ' } else { l }));
            }
        });
    }
    // The word as pieces: (Greek source, its readings) or a kept char.
    let mut pieces: Vec<(Vec<char>, &[String])> = Vec::new();
    let mut i = 0;
    'outer: while i < plain.len() {
        for (g, readings) in greek_table() {
            if plain[i..].starts_with(g) {
                pieces.push((g.clone(), readings.as_slice()));
                i += g.len();
                continue 'outer;
            }
        }
        pieces.push((vec![plain[i]], &[]));
        i += 1;
    }
    // Each ambiguous kind of digraph reads one way throughout the word.
    let mut kinds: Vec<&Vec<char>> = Vec::new();
    for (g, r) in &pieces {
        if r.len() > 1 && !kinds.contains(&g) {
            kinds.push(g);
        }
    }
    let mut out = Vec::new();
    for combo in 0..(1usize << kinds.len().min(3)) {
        let mut s = Vec::with_capacity(plain.len() + 4);
        for (g, r) in &pieces {
            match r.len() {
                0 => s.extend(g.iter()),
                1 => s.extend(r[0].chars()),
                _ => {
                    let k = kinds.iter().position(|x| *x == g).unwrap_or(0);
                    let pick = if k < 3 { (combo >> k) & 1 } else { 0 };
                    s.extend(r[pick.min(r.len() - 1)].chars());
                }
            }
        }
        if !out.contains(&s) {
            out.push(s);
        }
        if out.len() >= GREEK_MAX_READINGS {
            break;
        }
    }
    out
}

/// A word without the Arabic article written joined to it (`الخواجة` → `خواجة`),
/// when two letters or more follow it; the word itself otherwise.
pub(crate) fn after_joined_article(cs: &[char]) -> &[char] {
    match cs {
        ['ا', 'ل', rest @ ..] if rest.len() >= 2 => rest,
        _ => cs,
    }
}

/// A word in a script without a table, in lower-case Latin letters: the Arabic
/// article written joined to the noun is dropped (`الخواجة` → `خواجة`), then
/// `any_ascii` transliterates.
pub(crate) fn to_latin(cs: &[char]) -> Vec<char> {
    let cs = after_joined_article(cs);
    // Armenian in the classical orthography (the diaspora's, and Iran's) is read
    // as the 1922 reform spells it: the diphthongs իւ, եա, եօ as յու, յա, յո
    // (Սարգսեան = Սարգսյան, -yan), a word-initial յ as հ (Յակոբ = Հակոբ, Hakob);
    // Wikipedia, "Armenian orthography reform". Then ու is one vowel, u, and ւ
    // after a vowel is v (Լեւոն = Լևոն), in the BGN/PCGN (1981) and national
    // romanisations; any_ascii writes them letter by letter (ow, w).
    let mut s: String = cs.iter().collect();
    if cs.iter().any(|&c| ('\u{531}'..='\u{587}').contains(&c)) {
        s = s
            .replace("իւ", "յու")
            .replace("եա", "յա")
            .replace("եօ", "յո");
        if let Some(rest) = s.strip_prefix('յ') {
            s = format!("հ{rest}");
        }
    }
    let mut s = s.replace("ու", "u").replace('ւ', "վ");
    if cs.iter().any(|&c| is_thai(c)) {
        s = without_leading_h(&s);
    }
    // A Thai or Lao prevowel goes after the consonant it follows in speech
    // (เลวอน → ลเวอน, le-won), so its consonants come out in spoken order.
    if cs.iter().any(|&c| is_prevowel(c)) {
        let mut spoken: Vec<char> = s.chars().collect();
        let mut i = 0;
        while i + 1 < spoken.len() {
            // (A Latin letter here is another reading of a Thai consonant,
            // `tables/letter_readings.tsv`.)
            let next = spoken[i + 1];
            if is_prevowel(spoken[i])
                && (is_thai(next) || next.is_ascii_lowercase())
                && !is_prevowel(next)
            {
                spoken.swap(i, i + 1);
                i += 2;
            } else {
                i += 1;
            }
        }
        s = spoken.into_iter().collect();
    }
    if cs.iter().any(|&c| is_thai(c)) {
        // Thai vowels written around their consonant, now after it, in RTGS
        // letters: เ–ีย ia, เ–ือ uea, เ–า ao (เลียน → ลเียน → lian).
        s = s
            .replace("เีย", "ia")
            .replace("เือ", "uea")
            .replace("เา", "ao");
        // Thai อ is silent where it only carries a vowel: before a vowel sign
        // (อา, and a prevowel now after it: เอฟ → อเฟ, ef), and after เ in the
        // vowel เ–อ, which transcriptions of foreign names write for e / er
        // (เบอร์ → บเอร์, ber). RTGS (Royal Institute, 1999): initial อ has no
        // Latin letter.
        let v: Vec<char> = s.chars().collect();
        let vowel_sign = |c: Option<&char>| {
            c.is_some_and(|&c| is_prevowel(c) || ('\u{e30}'..='\u{e39}').contains(&c))
        };
        s = v
            .iter()
            .enumerate()
            .filter(|&(i, &c)| {
                c != 'อ' || !(vowel_sign(v.get(i + 1)) || (i > 0 && v[i - 1] == 'เ'))
            })
            .map(|(_, &c)| c)
            .collect();
    }
    if cs.iter().any(|&c| is_abjad(c)) && !is_uyghur(cs) {
        s = persian_letters(&s);
    }
    // The marks any_ascii writes for ʿayn, hamza and ejectives (`, ') are not
    // letters; left in, the Latin rules would read s' as ш.
    let ascii = if is_uyghur(cs) {
        uyghur_latin(&s)
    } else {
        any_ascii::any_ascii(&s)
    };
    let latin = ascii
        .chars()
        .filter(|c| !matches!(c, '`' | '\''))
        .flat_map(char::to_lowercase);
    // Thai kh, th, ph (and Lao) are aspirated k, t, p (RTGS, Royal Institute
    // 1999), not the х, English th and f the Latin rules read them as.
    if cs.iter().any(|&c| is_thai(c)) {
        let mut out: Vec<char> = Vec::new();
        let v: Vec<char> = latin.collect();
        let mut i = 0;
        while i < v.len() {
            out.push(v[i]);
            if matches!(v[i], 'k' | 't' | 'p') && v.get(i + 1) == Some(&'h') {
                i += 1;
            }
            i += 1;
        }
        return out;
    }
    // The j any_ascii writes for Arabic and Persian ج is дж, never the glide й
    // the Latin rules also read j as (German, Czech): written dzh, it keys as дж only.
    if cs.iter().any(|&c| is_abjad(c)) {
        latin
            .flat_map(|c| match c {
                'j' => vec!['d', 'z', 'h'],
                c => vec![c],
            })
            .collect()
    } else {
        latin.collect()
    }
}

/// Two spellings of Persian read as spoken before `any_ascii` reads an Arabic-script
/// word letter by letter. The silent vāv: خوا is khā, its و written but not
/// spoken in words of Persian origin (`عادلخواه` Adelkhah, `خواجه` Khajeh; Wikipedia,
/// "Silent vāv"); Arabic words, where it is spoken (`الخواجة` al-Khawaja), lose
/// nothing a Latin spelling keeps, as a consonant skeleton leaves w and v out. And a
/// final ه after alif is a consonant (`شاه` Shah, `پناه` panah): it is written āh,
/// so that it stays apart from the letter before the alif when both key h (`خاه`,
/// which letter by letter is `khh`, one h).
fn persian_letters(s: &str) -> String {
    let mut s = s.replace("خوا", "خا");
    if s.ends_with("اه") {
        s.insert(s.len() - 'ه'.len_utf8(), 'a');
    }
    s
}

/// Whether an Arabic-script word is Uyghur: it has a vowel letter only the
/// Uyghur alphabet has (ې ە ۆ ۈ ۇ), ڭ or ۋ, ى inside the word (Arabic writes
/// ى only at the end), or starts with the hamza carrier before a vowel letter
/// (ئا, ئى: how Uyghur writes a word-initial vowel).
fn is_uyghur(cs: &[char]) -> bool {
    matches!(cs, ['ئ', 'ا' | 'و' | 'ى', ..])
        || cs
            .iter()
            .any(|c| matches!(c, 'ې' | 'ە' | 'ۆ' | 'ۈ' | 'ۇ' | 'ڭ' | 'ۋ'))
        || cs.iter().rev().skip(1).any(|&c| c == 'ى')
}

/// The Uyghur alphabet's letters in ULY (`tables/uyghur_arabic.tsv`), by letter.
fn uyghur_letters() -> &'static HashMap<char, String> {
    static TABLE: OnceLock<HashMap<char, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        parse_table(include_str!("tables/uyghur_arabic.tsv"))
            .into_iter()
            .filter_map(|(letter, latin)| Some((letter.chars().next()?, latin)))
            .collect()
    })
}

/// A Uyghur word in Latin letters, letter by letter (a final ه as ە); a letter
/// the table lacks goes through `any_ascii`.
fn uyghur_latin(s: &str) -> String {
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::new();
    for (i, &c) in cs.iter().enumerate() {
        let c = if c == 'ه' && i + 1 == cs.len() {
            'ە'
        } else {
            c
        };
        match uyghur_letters().get(&c) {
            Some(latin) => out.push_str(latin),
            None => out.push_str(any_ascii::any_ascii_char(c)),
        }
    }
    out
}

/// The other readings of letters keyed through `any_ascii`
/// (`tables/letter_readings.tsv`): letter → its other Latin readings.
fn letter_readings() -> &'static [(char, Vec<String>)] {
    static TABLE: OnceLock<Vec<(char, Vec<String>)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        parse_table(include_str!("tables/letter_readings.tsv"))
            .into_iter()
            .filter_map(|(l, r)| {
                Some((l.chars().next()?, r.split('|').map(String::from).collect()))
            })
            .collect()
    })
}

/// The most readings [`latin_readings`] gives a word.
const MAX_READINGS: usize = 8;

/// The Latin readings of a word in a script without a table: [`to_latin`]'s,
/// then those with the letters of `tables/letter_readings.tsv` read their other
/// ways (Persian ض z, Bedouin ق g, Georgian ფ f), each letter one way
/// throughout; at most [`MAX_READINGS`].
pub(crate) fn latin_readings(cs: &[char]) -> Vec<Vec<char>> {
    let mut out = vec![to_latin(cs)];
    let kinds: Vec<&(char, Vec<String>)> = letter_readings()
        .iter()
        .filter(|(l, _)| cs.contains(l))
        .collect();
    // Mixed radix over the letters: 0 keeps any_ascii's reading, k > 0 takes
    // the k-th other one.
    let total: usize = kinds
        .iter()
        .map(|(_, r)| r.len() + 1)
        .try_fold(1usize, |acc, n| acc.checked_mul(n).filter(|&p| p <= 64))
        .unwrap_or(64);
    for combo in 1..total {
        let mut pick = Vec::with_capacity(kinds.len());
        let mut rest = combo;
        for (_, r) in &kinds {
            pick.push(rest % (r.len() + 1));
            rest /= r.len() + 1;
        }
        let mut s: Vec<char> = Vec::with_capacity(cs.len() + 4);
        for &c in cs {
            match kinds.iter().position(|(l, _)| *l == c) {
                Some(k) if pick[k] > 0 => s.extend(kinds[k].1[pick[k] - 1].chars()),
                _ => s.push(c),
            }
        }
        let reading = to_latin(&s);
        if !out.contains(&reading) {
            out.push(reading);
        }
        if out.len() >= MAX_READINGS {
            break;
        }
    }
    out
}

/// A reader's readings of `word` as strings (`katakana::readings`,
/// `tibetan::readings`, [`latin_readings`]), for tests.
#[cfg(test)]
pub(crate) fn readings_of(read: fn(&[char]) -> Vec<Vec<char>>, word: &str) -> Vec<String> {
    let cs: Vec<char> = word.chars().collect();
    read(&cs)
        .into_iter()
        .map(|r| r.into_iter().collect())
        .collect()
}

/// The any_ascii pinyin of a Han character, lower case (empty for a character
/// any_ascii has no reading of).
pub(crate) fn han_pinyin(c: char) -> String {
    any_ascii::any_ascii_char(c).to_lowercase()
}

/// Whether `c` is a Han ideograph (CJK Unified Ideographs, extension A, and the
/// compatibility block).
pub(crate) fn is_han(c: char) -> bool {
    let u = c as u32;
    (0x4E00..=0x9FFF).contains(&u)
        || (0x3400..=0x4DBF).contains(&u)
        || (0xF900..=0xFAFF).contains(&u)
}

/// The Latin spellings of a Chinese name written in Han characters without
/// spaces (`习近平`), as pinyin writes it in two or more words: the family name
/// (the first character; or the first two in a name of four) and the given
/// name joined (`xi`, `jinping`), and each syllable alone (`jin`, `ping`, for a
/// given name written with a hyphen or a space). Only for words of two to four
/// characters, the length of a personal name; the readings are `any_ascii`'s
/// pinyin without tones, one per character. Returns the words, then the
/// syllables of the given name.
pub(crate) fn han_name_spellings(cs: &[char]) -> (Vec<Vec<char>>, Vec<Vec<char>>) {
    if !(2..=4).contains(&cs.len()) || !cs.iter().all(|&c| is_han(c)) {
        return (Vec::new(), Vec::new());
    }
    let syllables: Vec<Vec<char>> = cs
        .iter()
        .map(|&c| {
            any_ascii::any_ascii_char(c)
                .chars()
                .flat_map(char::to_lowercase)
                .collect()
        })
        .collect();
    let joined = |r: std::ops::Range<usize>| -> Vec<char> { syllables[r].concat() };
    let mut out = vec![joined(0..1), joined(1..cs.len())];
    if cs.len() == 4 {
        // A two-character family name (Ouyang, Sima) with a two-character given name.
        out.push(joined(0..2));
        out.push(joined(2..4));
    }
    let words = out.len();
    if cs.len() > 2 {
        out.extend(syllables[1..].iter().cloned());
    }
    let mut syllables = out.split_off(words);
    out.retain(|s| !s.is_empty());
    syllables.retain(|s| !s.is_empty());
    (out, syllables)
}

/// A translit key read the Russian way, where Belarusian differs: ц and дз as
/// т and д, в or ў after a vowel and before a consonant as `u`, and the `ou`
/// the Latin keys write as `u` (French ou) as `u` too (Ціханоўская, Tsikhanouskaya
/// and Тихановская all read `tihanuska`).
pub(crate) fn russian_way(k: &str) -> String {
    let k = k.replace("ts", "t").replace("ds", "d");
    let cs: Vec<char> = k.chars().collect();
    let vowel = |c: char| "aeiou".contains(c);
    let mut out = String::with_capacity(k.len());
    for (i, &c) in cs.iter().enumerate() {
        let after_vowel = i > 0 && vowel(cs[i - 1]);
        let before_consonant = cs.get(i + 1).is_some_and(|&n| !vowel(n));
        let c = if matches!(c, 'u' | 'v') && after_vowel && before_consonant {
            'u'
        } else {
            c
        };
        if c == 'u' && out.ends_with('o') {
            out.pop();
        }
        out.push(c);
    }
    out
}

/// The mark that starts a word's [`russian_way`] key for the search.
pub(crate) const BELARUSIAN_MARK: &str = "~by";

/// The particle table (`tables/particles.tsv`): folded particle → its kind.
fn particles() -> &'static [(String, String)] {
    static TABLE: OnceLock<Vec<(String, String)>> = OnceLock::new();
    TABLE.get_or_init(|| parse_table(include_str!("tables/particles.tsv")))
}

/// Rows of a tab-separated table with `#` comments.
pub(crate) fn parse_table(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (a, b) = l.split_once('\t')?;
            Some((a.trim().to_string(), b.trim().to_string()))
        })
        .collect()
}

/// The forms of a word the particle table is read with: its folded form, and
/// for a word in a Brahmic script its Latin transliteration too (Hindi and other
/// Indian-script spellings of Arabic names write bin and al as बिन, अल).
fn particle_forms(keys: &super::TokenKeys) -> impl Iterator<Item = &str> {
    let latin = keys
        .folded
        .chars()
        .any(is_abugida)
        .then(|| keys.translit.first().map(String::as_str))
        .flatten();
    std::iter::once(keys.folded.as_str()).chain(latin)
}

/// Whether a word is a name particle (al-, bin, von, …).
pub(crate) fn is_particle(keys: &super::TokenKeys) -> bool {
    particle_forms(keys).any(|f| particles().iter().any(|(p, _)| p == f))
}

/// Whether a word is a kinship particle ("son / daughter of": bin, ibn, bint,
/// بن): the name after it is the father's.
pub(crate) fn is_kin_particle(keys: &super::TokenKeys) -> bool {
    particle_forms(keys).any(|f| particles().iter().any(|(p, k)| p == f && k == "kin"))
}

/// Whether a word is a particle of Arabic names: the article (al-, el-, ال), a
/// kinship word (bin, ibn, بن) or آل / Al ("family of").
pub(crate) fn is_arabic_particle(keys: &super::TokenKeys) -> bool {
    particle_forms(keys).any(|f| {
        particles()
            .iter()
            .any(|(p, k)| p == f && matches!(k.as_str(), "article" | "kin" | "family"))
    })
}

/// Words for "son of" / "daughter of" written apart after the father's name:
/// Azerbaijani oğlu / qızı, Kazakh ұлы / қызы (Latin and Cyrillic), Georgian
/// ძე / ასული (dze / asuli, after the father's name in the genitive).
const PATRONYMIC_WORDS: &[&str] = &[
    "oglu",
    "ogly",
    "ogli",
    "qizi",
    "kizi",
    "kyzy",
    "qyzy",
    "uly",
    "uli",
    "ulu",
    "улы",
    "кызы",
    "dze",
    "asuli",
    "ძე",
    "ასული",
];

/// Whether a folded word is one of the words for "son of" / "daughter of"
/// written apart after the father's name (oğlu, qızı, ძე).
pub(crate) fn is_patronymic_word(folded: &str) -> bool {
    PATRONYMIC_WORDS.contains(&folded)
}

/// Whether a word joins the parts of a name rather than being one a person is
/// told apart by: a particle (`tables/particles.tsv`: al-, bin, von, de) or a
/// word for "son / daughter of" (oğlu, dze).
#[cfg_attr(not(feature = "index"), allow(dead_code))]
pub(crate) fn is_connector(keys: &super::TokenKeys) -> bool {
    is_particle(keys) || is_patronymic_word(&keys.folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brahmic_retroflex_sa_is_also_sh() {
        for word in ["ष", "ష", "ষ"] {
            let readings = readings_of(latin_readings, word);
            assert!(
                readings.iter().any(|r| r.starts_with("sh")),
                "{word}: {readings:?}"
            );
            assert!(readings
                .iter()
                .any(|r| r.starts_with('s') && !r.starts_with("sh")));
        }
    }

    #[test]
    fn thai_leading_h() {
        for (thai, read) in [
            ("หวาง", "wang"),
            ("หลี่", "li"),
            ("แหวน", "waen"),
            ("หก", "hk"),
            ("เหว", "hew"),
            ("ห้อง", "hong"),
        ] {
            let cs: Vec<char> = thai.chars().collect();
            let got: String = to_latin(&cs).into_iter().collect();
            assert_eq!(got, read, "{thai}");
        }
    }

    #[test]
    fn fallback_scripts() {
        assert!(needs_fallback('ს'));
        assert!(needs_fallback('习'));
        assert!(needs_fallback('ا'));
        assert!(!needs_fallback('ə'));
        assert!(!needs_fallback('ў'));
        assert!(!needs_fallback('ş'));
        let latin = |s: &str| {
            to_latin(&s.chars().collect::<Vec<_>>())
                .into_iter()
                .collect::<String>()
        };
        assert_eq!(latin("习近平"), "xijinping");
        assert_eq!(latin("სააკაშვილი"), "saakashvili");
        assert_eq!(latin("سعود"), "swd");
        assert!(!latin("الخواجة").starts_with('l'));
    }

    #[test]
    fn uyghur_is_read_letter_by_letter() {
        let latin = |w: &str| -> String {
            to_latin(&w.chars().collect::<Vec<_>>())
                .into_iter()
                .collect()
        };
        // Uyghur writes its vowels: ULY letter by letter, the hamza carrier silent.
        assert_eq!(latin("گۈلشەن"), "gülshen");
        assert_eq!(latin("ئابباس"), "abbas");
        assert_eq!(latin("تېيىپ"), "téyip");
        // A final Arabic heh stands for ە; ى inside a word makes it Uyghur.
        assert_eq!(latin("رابىيه"), latin("رابىيە"));
        // Arabic stays an abjad.
        assert_eq!(latin("سعود"), "swd");
    }

    #[test]
    fn letters_read_two_ways() {
        let read = |w: &str| -> Vec<String> {
            latin_readings(&w.chars().collect::<Vec<_>>())
                .into_iter()
                .map(|r| r.into_iter().collect())
                .collect()
        };
        // Persian ض is z; Bedouin ق is g; Georgian ფ is a foreign f.
        assert!(
            read("رضا").iter().any(|r| r.starts_with("rz")),
            "{:?}",
            read("رضا")
        );
        assert!(read("خاشقجي").iter().any(|r| r.contains('g')));
        assert_eq!(read("თოფიგ"), ["topig", "tofig"]);
        // Thai prevowels in spoken order; th is an aspirated t; the อ of เ–อ is
        // part of the vowel, an อ before a vowel silent; ก is k or g.
        assert_eq!(read("เทอร์"), ["ter"]);
        assert_eq!(read("โอลกา"), ["olka", "olga"]);
        assert_eq!(read("เลียน"), ["lian"]);
        // Belarusian and Russian forms read one way.
        assert_eq!(russian_way("tsihanuska"), russian_way("tihanovska"));
        assert_ne!(russian_way("tihanovska"), russian_way("tihonova"));
        // Arabic ج is дж, never a glide.
        assert_eq!(read("جمال"), ["dzhml"]);
        assert_eq!(read("سعود"), ["swd"]);
    }

    #[test]
    fn greek_readings_of_foreign_names() {
        let read = |w: &str| -> Vec<String> {
            greek_readings(&w.chars().collect::<Vec<_>>())
                .into_iter()
                .map(|r| r.into_iter().collect())
                .collect()
        };
        assert_eq!(read("Προτάσεβιτς"), ["protasevits", "protasevich"]);
        assert_eq!(read("Ερντογάν")[0], "erdogan");
        assert_eq!(read("Τζαφάρ")[0], "dzhafar");
        assert_eq!(read("Σοτουντέχ")[0], "sotudekh");
    }

    #[test]
    fn particles() {
        let k = |w: &str| super::super::token_keys(w);
        assert!(is_particle(&k("al")) && is_particle(&k("bin")) && !is_particle(&k("abu")));
        assert!(is_kin_particle(&k("बिन")) && is_particle(&k("अल")));
    }
}
