//! Text → words: the one word splitter every stage reads text with.
//!
//! A word is a run of letters, digits and combining marks, joined across a single
//! apostrophe (`O'Brien`, `Kazakhstan’s`); hyphens, spaces and other punctuation
//! separate words. The index (prose and name fields), the query parser, highlighting
//! and the entity tokenizer all decide "is this a word character" here, so a word the
//! index keys is the word the query and the snippet see.
//!
//! Invariant: every `(start, word)` is a byte range on char boundaries of the text, in
//! order and disjoint.

use unicode_normalization::char::is_combining_mark;

/// Is `c` part of a word? Letters, digits and combining marks.
///
/// The Latin letters with diacritics (U+00C0–U+024F) and the Cyrillic block
/// (U+0400–U+04FF, Kazakh letters included) are answered from their ranges, without
/// the Unicode tables: every character there is a letter or a combining mark but the
/// three listed. A test checks every character of both ranges against the tables.
///
/// The Tibetan tsheg (`་`, and its non-breaking form), which separates the
/// syllables of a word, belongs to the word, as a Tibetan name is written without
/// spaces: `བཀྲ་ཤིས་དབང་ཕྱུག` (Tashi Wangchuk) is one word, as a Han name is.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match c {
        '\u{C0}'..='\u{24F}' => !matches!(c, '×' | '÷'),
        '\u{400}'..='\u{4FF}' => c != '\u{482}',
        '\u{F0B}' | '\u{F0C}' => true,
        _ => c.is_alphanumeric() || is_combining_mark(c),
    }
}

/// Apostrophes that may sit inside a word (`O'Brien`, `Kazakhstan’s`, `Sh’`).
pub(crate) fn is_inner_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | 'ʻ' | '‘' | '`')
}

/// Splits text into words with their byte offsets: runs of letters, digits and
/// combining marks, joined across single apostrophes. Hyphens, spaces and other
/// punctuation separate words.
pub(crate) fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

/// Iterator returned by [`words`]: `(start, word)` pairs.
pub(crate) struct Words<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        // Bytes below 0x80 are whole ASCII characters and decide on their own; only
        // the rest are decoded. Most text of the corpus is ASCII.
        let text = self.text;
        let bytes = text.as_bytes();
        let char_at = |i: usize| text.get(i..).and_then(|rest| rest.chars().next());
        let mut i = self.pos;
        let start = loop {
            let &b = bytes.get(i)?;
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break i;
                }
                i += 1;
            } else {
                let c = char_at(i)?;
                if is_word_char(c) {
                    break i;
                }
                i += c.len_utf8();
            }
        };
        let mut end = start;
        while let Some(&b) = bytes.get(i) {
            let c = if b.is_ascii() {
                char::from(b)
            } else {
                char_at(i).unwrap_or(char::REPLACEMENT_CHARACTER)
            };
            let len = c.len_utf8();
            if is_word_char(c) {
                i += len;
                end = i;
                continue;
            }
            // An apostrophe joins two runs of word characters.
            if is_inner_apostrophe(c) && char_at(i + len).is_some_and(is_word_char) {
                i += len;
                continue;
            }
            break;
        }
        self.pos = end;
        Some((start, &text[start..end]))
    }
}

/// A word without a possessive or case clitic written after an apostrophe: the
/// name the word is a form of. `Zelenskyy’s` and `ZHUMAGULOV'S` (English possessive),
/// `Erdoğan'ın`, `Karimli'nin`, `Astana'da` (Turkish, Azerbaijani and Kazakh Latin
/// write a proper noun's case ending after an apostrophe) give `Zelenskyy`,
/// `ZHUMAGULOV`, `Erdoğan`, `Karimli`, `Astana`. Any other word is returned whole.
/// (A possessive apostrophe after a final `s`, `Jones’`, is not part of the word at
/// all: [`words`] ends the word before it.)
///
/// The pattern: a capitalised stem of two letters or more (three before a Turkic
/// ending), an apostrophe, and a suffix from a closed list. For the Turkic endings the list
/// follows the languages' own rule for a proper noun: an ending that opens with the
/// buffer letter `y` or `n` follows a vowel (`Ankara'ya`, `Karimli'nin`), one that
/// opens with a vowel follows a consonant (`Erdoğan'ın`). So the soft sign written
/// as an apostrophe after a consonant (`Natal'ya`, `Il'in`, `Ol'ga`) and a Ukrainian
/// apostrophe (`В'ячеслав`, `Мар'яна`: Cyrillic, and no ending of the list) stay whole
/// words, and `O'Brien` (a capital after the apostrophe) too.
pub(crate) fn bare_name(word: &str) -> &str {
    let Some((at, apostrophe)) = word
        .char_indices()
        .rev()
        .find(|&(_, c)| is_inner_apostrophe(c))
    else {
        return word;
    };
    let (stem, suffix) = (&word[..at], &word[at + apostrophe.len_utf8()..]);
    let Some(first) = stem.chars().next() else {
        return word;
    };
    if !first.is_uppercase() || stem.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return word;
    }
    if stem.chars().any(|c| !is_word_char(c)) {
        // Another apostrophe in the stem: a Kazakh Latin 2017 spelling, not a clitic.
        return word;
    }
    // The English possessive, in either case (`ZHUMAGULOV'S`).
    if suffix == "s" || (suffix == "S" && !stem.chars().any(char::is_lowercase)) {
        return stem;
    }
    // Latin letters with marks, and the Azerbaijani ə (U+0259, in the IPA block).
    let latin =
        |c: char| c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c) || c == 'ə';
    if !stem.chars().all(|c| latin(c) || c.is_ascii_digit()) {
        return word;
    }
    // Two-letter stems before a Turkic ending are mostly a soft sign (`Il'in`, `Ol'ga`),
    // and a three-letter stem before a lone vowel an Arabic ʿayn or hamza written as an
    // apostrophe (`Jum'a`, `Sa'a`), not a dative.
    let stem_letters = stem.chars().count();
    if !TURKIC_ENDINGS.contains(&suffix)
        || stem_letters < 3
        || (stem_letters == 3 && suffix.chars().count() == 1)
    {
        return word;
    }
    let vowel = |c: char| "aeiouyıöüəäâîûAEIOUYIÖÜƏÄ".contains(c);
    let (Some(last), Some(opening)) = (stem.chars().last(), suffix.chars().next()) else {
        return word;
    };
    let fits = match opening {
        'y' | 'n' => vowel(last),
        c if vowel(c) => !vowel(last),
        _ => true,
    };
    if fits {
        stem
    } else {
        word
    }
}

/// Case and number endings that Turkish, Azerbaijani and Kazakh Latin write after an
/// apostrophe on a proper noun: genitive, accusative, dative, locative, ablative,
/// instrumental and plural, in each vowel-harmony form (and their `n`/`y` buffer
/// forms after a vowel).
const TURKIC_ENDINGS: &[&str] = &[
    // genitive
    "ın", "in", "un", "ün", "nın", "nin", "nun", "nün", "dyń", "diń", "tyń", "tiń", "nyń", "niń",
    "dyn", "din", "tyn", "tin", "nyn", // accusative
    "ı", "i", "u", "ü", "yı", "yi", "yu", "yü", "dy", "di", "ty", "ti", "ny", "ni",
    // dative
    "a", "e", "ə", "ya", "ye", "yə", "ga", "ge", "ǵa", "qa", "ke", "na", "ne",
    // locative and ablative
    "da", "de", "də", "ta", "te", "tə", "nda", "nde", "dan", "den", "dən", "tan", "ten", "tən",
    "ndan", "nden", "nan", "nen", // instrumental and plural
    "la", "le", "lə", "yla", "yle", "lar", "ler", "lər",
];

/// Whether a word may be (part of) a name, and so gets name keys in the index: it has
/// a capital letter (`Zhumagulov`, `McCarthy`, `ABLYAZOV`, `Жумагулов`) or letters
/// of a script without case. Lower-case words are prose, searched through their
/// stems; skipping them keeps most of the text out of the four name fields.
pub(crate) fn is_name_like(word: &str) -> bool {
    word.chars().any(|c| {
        if c.is_ascii() {
            c.is_ascii_uppercase()
        } else {
            c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase())
        }
    })
}

/// Hyphens that join the parts of a compound word or name (`Abdul-Hadi`): the ASCII
/// hyphen-minus, U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN.
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`words`] as first written, one `char` at a time: the reference for the
    /// byte-wise version.
    fn words_by_char(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some((skip, _)) = text[pos..].char_indices().find(|&(_, c)| is_word_char(c)) {
            let start = pos + skip;
            let mut end = start;
            let mut chars = text[start..].char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                if is_word_char(c) {
                    end = start + i + c.len_utf8();
                } else if is_inner_apostrophe(c)
                    && chars.peek().is_some_and(|&(_, next)| is_word_char(next))
                {
                    continue;
                } else {
                    break;
                }
            }
            out.push((start, &text[start..end]));
            pos = end;
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn words_split_as_the_char_by_char_reference(
            text in "[a-zA-Z0-9 ,.\\-'`’ʼʻ‘\u{301}\u{a0}éøЖжұğış😀]{0,40}"
        ) {
            let got: Vec<_> = words(&text).collect();
            proptest::prop_assert_eq!(got, words_by_char(&text));
        }
    }

    #[test]
    fn word_chars_of_latin_and_cyrillic_ranges_agree_with_the_unicode_tables() {
        let ranges = ['\u{80}'..='\u{24F}', '\u{400}'..='\u{52F}'];
        for c in ranges.into_iter().flatten() {
            let tables = c.is_alphanumeric() || is_combining_mark(c);
            assert_eq!(is_word_char(c), tables, "U+{:04X} {c}", c as u32);
        }
    }

    #[test]
    fn words_keep_inner_apostrophes_and_split_hyphens() {
        let got: Vec<_> = words("EU-Kazakhstan’s  O'Brien, 12 cafés '").collect();
        assert_eq!(
            got,
            [
                (0, "EU"),
                (3, "Kazakhstan’s"),
                (19, "O'Brien"),
                (28, "12"),
                (31, "cafés")
            ]
        );
    }

    #[test]
    fn possessives_and_turkic_endings_leave_the_bare_name() {
        for (word, bare) in [
            ("Zelenskyy’s", "Zelenskyy"),
            ("Utepova's", "Utepova"),
            ("ZHUMAGULOV'S", "ZHUMAGULOV"),
            ("Erdoğan'ın", "Erdoğan"),
            ("Karimli'nin", "Karimli"),
            ("Kərimli'nin", "Kərimli"),
            ("Ankara'ya", "Ankara"),
            ("Astana'da", "Astana"),
            ("Kazakhstan’s", "Kazakhstan"),
        ] {
            assert_eq!(bare_name(word), bare, "{word}");
        }
        // Apostrophes that belong to the name stay.
        for word in [
            "O'Brien",
            "Natal'ya",
            "Il'ya",
            "Ol'ga",
            "Il'in",
            "В'ячеслав",
            "Мар'яна",
            "d'Estaing",
            "it's",
            "Zhovtis",
            "Qudai’bergen",
            "S'erik's",
            "Jum'a",
        ] {
            assert_eq!(bare_name(word), word, "{word}");
        }
    }

    #[test]
    fn words_accept_decomposed_diacritics() {
        let text = "Zhanaozen Jan\u{0301}aozen";
        let got: Vec<_> = words(text).map(|(_, w)| w).collect();
        assert_eq!(got, ["Zhanaozen", "Jan\u{0301}aozen"]);
    }
}
