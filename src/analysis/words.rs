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
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match c {
        '\u{C0}'..='\u{24F}' => !matches!(c, '×' | '÷'),
        '\u{400}'..='\u{4FF}' => c != '\u{482}',
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
    fn words_accept_decomposed_diacritics() {
        let text = "Zhanaozen Jan\u{0301}aozen";
        let got: Vec<_> = words(text).map(|(_, w)| w).collect();
        assert_eq!(got, ["Zhanaozen", "Jan\u{0301}aozen"]);
    }
}
