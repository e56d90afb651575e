//! Foreign names written in Hangul (`알렉세이 나발니`, Alexei Navalny; `나스린 소투데`,
//! Nasrin Sotoudeh: Korean news pages and Korean Wikipedia write them so).
//!
//! A Hangul syllable is an initial consonant, a vowel and an optional final one,
//! composed arithmetically (the Unicode Standard, "Hangul syllables"); it is read
//! jamo by jamo as the Korean rules for writing foreign words use them
//! (Wikipedia, "Transcription into Korean"; National Institute of Korean Language,
//! korean.go.kr): ㅡ is the vowel written after a consonant that has none of its
//! own (스 s, 트 t: `나스린` Nasrin), so it reads as no vowel; a syllable-initial ㄹ
//! is r, a final ㄹ, and the ㄹ after it, one l (`알렉세이` al-lek-se-i, Aleksei); ㅅ
//! before a y-vowel is sh (`샤` sha) or s and the glide (pinyin xia); ㅈ and ㅊ
//! with ㅡ are z and ts (`즈`, `츠`), before another vowel дж and ч; a final ㅅ is t
//! (its sound there). One letter writes two foreign sounds: ㅂ b and v, ㅍ p and f,
//! ㄹ r and l, ㅈ z and j (korean.go.kr: "ㅍ for [p] and [f], ㅂ for [b] and [v], ㄹ
//! for [l] and [r]").
//! So a Hangul word meets its Latin spellings on its consonant skeleton, as an
//! abjad's does, with the labials left out and l read as r on both sides
//! (`cross::hangul_skeleton`).

/// Whether `c` is a precomposed Hangul syllable (가 to 힣).
pub(crate) fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// A Hangul syllable's jamo as indices into [`INITIALS`], [`VOWELS`] and
/// [`FINALS`] (the Unicode Standard's arithmetic); `None` for another char.
fn jamo(c: char) -> Option<(usize, usize, usize)> {
    let s = (c as usize).checked_sub(0xAC00).filter(|_| is_hangul(c))?;
    Some((s / 588, (s % 588) / 28, s % 28))
}

/// The initial consonants in their Unicode order: Latin letters for the Latin
/// rules (ㅈ `dzh` and ㅊ `tch`, the дж and ч they write, as the katakana reader
/// writes them); ㄹ is read apart.
const INITIALS: [&str; 19] = [
    "g", "k", "n", "d", "t", "r", "m", "b", "p", "s", "s", "", "dzh", "dzh", "tch", "k", "t", "p",
    "h",
];

/// The vowels in their Unicode order; ㅡ (index 18) none.
const VOWELS: [&str; 21] = [
    "a", "e", "ya", "ye", "o", "e", "yo", "ye", "o", "wa", "we", "we", "yo", "u", "wo", "we", "wi",
    "yu", "", "i", "i",
];

/// The final consonants in their Unicode order (index 0: none). Foreign words end
/// a syllable in ㄱ ㄴ ㄹ ㅁ ㅂ ㅅ ㅇ only, ㅅ sounding t; the rest as Korean reads them.
const FINALS: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t",
];

/// Index of ㄹ among the initials and among the finals.
const RIEUL_INITIAL: usize = 5;
const RIEUL_FINAL: usize = 8;
/// Index of ㅅ among the initials.
const SIOS_INITIAL: usize = 9;
/// Index of ㅡ among the vowels.
const EU: usize = 18;

/// The Latin readings of a Hangul word (module docs); a char that is no Hangul
/// syllable gives its `any_ascii` reading. ㅅ before a y-vowel writes a foreign sh
/// (`사카슈빌리` Saakashvili) and the s and glide of pinyin xi- (`샤오보` Xiaobo):
/// a word with one has both readings, sh first. A word-initial ㄹ writes a foreign
/// r or l (`류` Liu, `레닌` Lenin; medially l is ㄹㄹ), and is read both ways, r
/// first. The other letters that write two sounds each (ㅂ ㅍ ㄹ ㅈ) are read one
/// way, and compared on a skeleton that leaves the difference out.
pub(crate) fn readings(cs: &[char]) -> Vec<Vec<char>> {
    // Only the choices the word has letters for are read (a word without ㄹ or
    // without ㅅ before a y-vowel reads the same either way).
    let has = |pick: fn(usize, usize) -> bool| {
        cs.iter()
            .filter_map(|&c| jamo(c))
            .any(|(initial, vowel, _)| pick(initial, vowel))
    };
    let rieul = has(|initial, _| initial == RIEUL_INITIAL);
    let sios_glide =
        has(|initial, vowel| initial == SIOS_INITIAL && VOWELS[vowel].starts_with('y'));
    let mut out: Vec<Vec<char>> = Vec::new();
    for initial_l in [false, true].into_iter().take(1 + usize::from(rieul)) {
        for sh in [true, false].into_iter().take(1 + usize::from(sios_glide)) {
            let r = read(cs, sh, initial_l);
            if !out.contains(&r) {
                out.push(r);
            }
        }
    }
    out
}

/// One reading of a Hangul word: ㅅ before a y-vowel as sh (`sh`) or as s and the
/// glide, a word-initial ㄹ as l (`initial_l`) or r.
fn read(cs: &[char], sh: bool, initial_l: bool) -> Vec<char> {
    let mut out = String::new();
    let mut prev_final = 0usize;
    for &c in cs {
        let Some((initial, vowel, fin)) = jamo(c) else {
            out.push_str(&any_ascii::any_ascii_char(c).to_lowercase());
            prev_final = 0;
            continue;
        };
        let v = VOWELS[vowel];
        if initial == RIEUL_INITIAL {
            // ㄹ after a final ㄹ doubles it: one l, written already.
            if out.is_empty() && initial_l {
                out.push('l');
            } else if prev_final != RIEUL_FINAL {
                out.push('r');
            }
            out.push_str(v);
        } else if initial == SIOS_INITIAL && v.starts_with('y') && sh {
            out.push_str("sh");
            out.push_str(&v[1..]);
        } else if vowel == EU && matches!(INITIALS[initial], "dzh" | "tch") {
            // 즈, 츠: z and ts before a consonant or at the end (ㅈ ㅊ write z, ts
            // there, and дж, ч before a vowel).
            out.push_str(if INITIALS[initial] == "dzh" {
                "z"
            } else {
                "ts"
            });
        } else {
            out.push_str(INITIALS[initial]);
            // ㅈ ㅊ before a y-vowel: the glide is part of the consonant (쟈 ja).
            match INITIALS[initial] {
                "dzh" | "tch" => out.push_str(v.strip_prefix('y').unwrap_or(v)),
                _ => out.push_str(v),
            }
        }
        out.push_str(FINALS[fin]);
        prev_final = fin;
    }
    out.chars().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(word: &str) -> String {
        super::super::script::readings_of(readings, word).remove(0)
    }

    #[test]
    fn foreign_names_read_as_spelled() {
        assert_eq!(read("나스린"), "nasrin");
        assert_eq!(read("소투데"), "sotude");
        assert_eq!(read("알렉세이"), "aleksei");
        assert_eq!(read("나발니"), "nabalni");
        assert_eq!(read("블라디미르"), "bladimir");
        assert_eq!(
            super::super::script::readings_of(readings, "샤오보"),
            ["shaobo", "syaobo"]
        );
        assert_eq!(read("게둔"), "gedun");
        assert_eq!(
            super::super::script::readings_of(readings, "류"),
            ["ryu", "lyu"]
        );
        assert_eq!(read("초에키"), "tchoeki");
        assert_eq!(read("벨랴츠키"), "belyatski");
        assert_eq!(read("즈베즈다"), "zbezda");
    }

    #[test]
    fn other_chars_pass_through_any_ascii() {
        assert!(is_hangul('한') && !is_hangul('ㅎ') && !is_hangul('a'));
        assert_eq!(read("나-발"), "na-bal");
    }
}
