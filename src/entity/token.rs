//! A small tokenizer for the entity rules: words, numbers, possessive `'s`, punctuation,
//! each with its byte range in the unit text. One pass, no backtracking.

use unicode_normalization::char::is_combining_mark;

use super::gazetteer::fold;

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
    pub(crate) cap: bool,
    /// At least two letters, all upper case ("OSCE", "RFE/RL", "COVID-19").
    pub(crate) upper: bool,
    /// Folded form (lower case, no diacritics).
    pub(crate) key: String,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Splits `text` into tokens. Offsets are on char boundaries; tokens are sorted and disjoint.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |j: usize| chars.get(j).map(|&(_, c)| c);
    let off = |j: usize| chars.get(j).map_or(text.len(), |&(o, _)| o);
    let mut toks = Vec::with_capacity(chars.len() / 4);
    let mut j = 0;
    let mut space = false;
    let mut line = false;
    while let Some(c) = at(j) {
        if c.is_whitespace() {
            space = true;
            line |= matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
            j += 1;
            continue;
        }
        let start = j;
        let kind;
        if c.is_alphabetic() {
            kind = TokKind::Word;
            j += 1;
            while let Some(c) = at(j) {
                if is_word_char(c) {
                    j += 1;
                } else if is_apostrophe(c) {
                    // "O’Brien" joins; a possessive "’s" ends the word.
                    let next = at(j + 1);
                    let possessive =
                        matches!(next, Some('s' | 'S')) && !at(j + 2).is_some_and(is_word_char);
                    if !possessive && next.is_some_and(char::is_alphabetic) {
                        j += 2;
                    } else {
                        break;
                    }
                } else if (is_hyphen(c) || c == '&' || c == '/')
                    && at(j + 1).is_some_and(is_word_char)
                {
                    j += 2;
                } else {
                    break;
                }
            }
        } else if c.is_numeric() {
            kind = TokKind::Num;
            j += 1;
            while let Some(c) = at(j) {
                if is_word_char(c) {
                    j += 1;
                } else if (matches!(c, '.' | '/' | '\u{2013}') || is_hyphen(c))
                    && at(j + 1).is_some_and(char::is_alphanumeric)
                {
                    j += 2;
                } else {
                    break;
                }
            }
        } else if is_apostrophe(c)
            && matches!(at(j + 1), Some('s' | 'S'))
            && !at(j + 2).is_some_and(is_word_char)
            && toks
                .last()
                .is_some_and(|t: &Tok| t.end == off(j) && t.kind == TokKind::Word)
        {
            kind = TokKind::Poss;
            j += 2;
        } else {
            kind = TokKind::Punct;
            j += 1;
        }
        let (s, e) = (off(start), off(j));
        let slice = &text[s..e];
        let (cap, upper) = if kind == TokKind::Word {
            let first_upper = slice.chars().next().is_some_and(char::is_uppercase);
            let letters = slice.chars().filter(|c| c.is_alphabetic()).count();
            let lower = slice.chars().any(char::is_lowercase);
            (first_upper && lower, letters >= 2 && !lower)
        } else {
            (false, false)
        };
        toks.push(Tok {
            start: s,
            end: e,
            kind,
            space_before: space,
            line_before: line,
            cap,
            upper,
            key: if kind == TokKind::Punct {
                slice.to_string()
            } else {
                fold(slice)
            },
        });
        space = false;
        line = false;
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| &s[t.start..t.end]).collect()
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
        let t = tokenize("OSCE Kazakh");
        assert!(t[0].upper && !t[0].cap);
        assert!(t[1].cap && !t[1].upper);
    }
}
