//! Lookup folding: the form words are compared in against word lists (gazetteers,
//! given names, places) and against each other when linking spellings.
//!
//! Lower case, diacritics removed (with the letters that have no decomposition, such as
//! `ł`, `ø`, `ß`, spelled out), typographic apostrophes and hyphens made ASCII. Unlike the
//! name channels' folding (`name::fold`), it keeps hyphens and apostrophes, so that
//! multi-word list entries and possessives stay recognisable.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lower case, no diacritics, typographic apostrophes and hyphens made ASCII.
pub(crate) fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(&mut out, word);
    out
}

/// [`fold`], appended to `out` (so the tokenizer keeps every key in one buffer).
pub(crate) fn fold_into(out: &mut String, word: &str) {
    if word.is_ascii() {
        let from = out.len();
        out.push_str(word);
        if let Some(tail) = out.get_mut(from..) {
            tail.make_ascii_lowercase();
        }
        return;
    }
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_marks_and_punctuation() {
        assert_eq!(fold("Michał"), "michal");
        assert_eq!(fold("ÉLYSÉE"), "elysee");
        assert_eq!(fold("Kazakhstan’s"), "kazakhstan's");
        assert_eq!(fold("Jean‑Pierre"), "jean-pierre");
        let mut out = String::from("x ");
        fold_into(&mut out, "Straße");
        assert_eq!(out, "x strasse");
    }
}
