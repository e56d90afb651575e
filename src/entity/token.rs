//! A small tokenizer for the entity rules: words, numbers, possessive `'s`, punctuation,
//! each with its byte range in the unit text. One pass, no backtracking.
//!
//! Tokenizing runs once per unit and touches every character, so it avoids allocating per
//! token: every token's folded key lives in one shared buffer ([`Tokens::keys`]), ASCII
//! characters take a fast path around the Unicode tables, and each word carries its
//! gazetteer answers ([`WordTags`]) so the stages never look the same word up twice.

use crate::analysis::words::{is_hyphen, is_word_char};

use super::gazetteer::{self as gz, fold_into, WordTags};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Starts with a letter; may hold digits and inner hyphens, apostrophes, `&`, `/`.
    Word,
    /// Starts with a digit; may hold letters and inner `.`, `/`, hyphens and dashes.
    Num,
    /// A possessive `'s` or `’s` glued to the word before.
    Poss,
    /// Any other single character.
    Punct,
}

/// One token.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: TokKind,
    /// Whitespace separates it from the token before.
    pub(crate) space_before: bool,
    /// A line break separates it from the token before.
    pub(crate) line_before: bool,
    /// First letter upper case and some letter lower case ("Kazakhstan", "McAllister").
    pub(crate) capitalised: bool,
    /// At least two letters, all upper case ("OSCE", "RFE/RL", "COVID-19").
    pub(crate) upper: bool,
    /// At least two upper-case letters and at most one lower-case one ("OSCE", "MAHs").
    pub(crate) acronym: bool,
    /// The gazetteers' answer for the key (words only; empty for other tokens).
    pub(crate) tags: WordTags,
    /// Byte range of the folded form (lower case, no diacritics) in [`Tokens::keys`].
    key: (usize, usize),
}

/// The tokens of one text and their folded keys.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tokens {
    pub(crate) toks: Vec<Tok>,
    /// Every token's folded form, end to end.
    pub(crate) keys: String,
}

impl Tokens {
    /// The folded form of `t`, one of these tokens.
    pub(crate) fn key(&self, t: &Tok) -> &str {
        self.keys.get(t.key.0..t.key.1).unwrap_or("")
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Letter counts of a word: (first letter upper case, letters, upper case, lower case).
fn letter_shape(word: &str) -> (bool, usize, usize, usize) {
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    let (mut letters, mut upper, mut lower) = (0, 0, 0);
    if word.is_ascii() {
        for b in word.bytes() {
            letters += usize::from(b.is_ascii_alphabetic());
            upper += usize::from(b.is_ascii_uppercase());
            lower += usize::from(b.is_ascii_lowercase());
        }
    } else {
        for c in word.chars() {
            let (u, l) = (c.is_uppercase(), c.is_lowercase());
            // Unicode derives Alphabetic to include Uppercase and Lowercase, so the
            // (slower) alphabetic table is read only for uncased characters.
            letters += usize::from(u || l || c.is_alphabetic());
            upper += usize::from(u);
            lower += usize::from(l);
        }
    }
    (first_upper, letters, upper, lower)
}

/// Splits `text` into tokens. Offsets are on char boundaries; tokens are sorted and disjoint.
pub(crate) fn tokenize(text: &str) -> Tokens {
    // The char at byte offset `o` (None at the end); `o` is always a char boundary.
    let at = |o: usize| text.get(o..).and_then(|s| s.chars().next());
    // The char at `o` and the offset just past it.
    let step = |o: usize| at(o).map(|c| (c, o + c.len_utf8()));
    // Prose has about one token per five or six bytes.
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5 + 1);
    let mut keys = String::with_capacity(text.len());
    let mut j = 0;
    let mut space = false;
    let mut line = false;
    while let Some((c, after)) = step(j) {
        if c.is_whitespace() {
            space = true;
            line |= matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
            j = after;
            continue;
        }
        let start = j;
        let kind;
        if c.is_alphabetic() {
            kind = TokKind::Word;
            j = after;
            while let Some((c, a1)) = step(j) {
                if is_word_char(c) {
                    j = a1;
                } else if is_apostrophe(c) {
                    // "O’Brien" joins; a possessive "’s" ends the word.
                    let next = step(a1);
                    let possessive = matches!(next, Some(('s' | 'S', _)))
                        && !next.and_then(|(_, a2)| at(a2)).is_some_and(is_word_char);
                    match next {
                        Some((n, a2)) if !possessive && n.is_alphabetic() => j = a2,
                        _ => break,
                    }
                } else if is_hyphen(c) || c == '&' || c == '/' {
                    match step(a1) {
                        Some((n, a2)) if is_word_char(n) => j = a2,
                        _ => break,
                    }
                } else {
                    break;
                }
            }
        } else if c.is_numeric() {
            kind = TokKind::Num;
            j = after;
            while let Some((c, a1)) = step(j) {
                if is_word_char(c) {
                    j = a1;
                } else if matches!(c, '.' | '/' | '\u{2013}') || is_hyphen(c) {
                    match step(a1) {
                        Some((n, a2)) if n.is_alphanumeric() => j = a2,
                        _ => break,
                    }
                } else {
                    break;
                }
            }
        } else if let Some(a2) = is_apostrophe(c)
            .then(|| step(after))
            .flatten()
            .filter(|&(n, a2)| matches!(n, 's' | 'S') && !at(a2).is_some_and(is_word_char))
            .map(|(_, a2)| a2)
            .filter(|_| {
                toks.last()
                    .is_some_and(|t| t.end == start && t.kind == TokKind::Word)
            })
        {
            kind = TokKind::Poss;
            j = a2;
        } else {
            kind = TokKind::Punct;
            j = after;
        }
        let slice = text.get(start..j).unwrap_or("");
        let key_start = keys.len();
        if kind == TokKind::Punct {
            keys.push_str(slice);
        } else {
            fold_into(&mut keys, slice);
        }
        let key = (key_start, keys.len());
        let (mut capitalised, mut upper, mut acronym, mut tags) =
            (false, false, false, WordTags::default());
        if kind == TokKind::Word {
            let (first_upper, letters, uppers, lowers) = letter_shape(slice);
            capitalised = first_upper && lowers > 0;
            upper = letters >= 2 && lowers == 0;
            acronym = uppers >= 2 && lowers <= 1;
            tags = gz::tags(keys.get(key_start..).unwrap_or(""));
        }
        toks.push(Tok {
            start,
            end: j,
            kind,
            space_before: space,
            line_before: line,
            capitalised,
            upper,
            acronym,
            tags,
            key,
        });
        space = false;
        line = false;
    }
    Tokens { toks, keys }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s)
            .toks
            .iter()
            .map(|t| &s[t.start..t.end])
            .collect()
    }

    #[test]
    fn words_numbers_possessives() {
        assert_eq!(
            texts("Kazakhstan’s Criminal Code, Articles 460–1 and 144(5)."),
            [
                "Kazakhstan",
                "’s",
                "Criminal",
                "Code",
                ",",
                "Articles",
                "460–1",
                "and",
                "144",
                "(",
                "5",
                ")",
                "."
            ]
        );
        assert_eq!(
            texts("Lvova-Belova O’Brien RFE/RL 21.1.2021 Organisations’ X"),
            [
                "Lvova-Belova",
                "O’Brien",
                "RFE/RL",
                "21.1.2021",
                "Organisations",
                "’",
                "X"
            ]
        );
        let t = tokenize("OSCE Kazakh").toks;
        assert!(t[0].upper && !t[0].capitalised);
        assert!(t[1].capitalised && !t[1].upper);
    }
}
