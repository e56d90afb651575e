//! Query text as users type it: apostrophes, typographic quotes and a lone `"` are
//! text, not syntax; a query the grammar cannot parse is read as its words; initials
//! (`Y.`, `Е.Жовтис`, `JC`) are told from words.
//!
//! In: the query string. Out: the string handed to tantivy's grammar, with every
//! apostrophe that is part of a word (`Anatol'`, `O'Brien`, `Karimli'nin`,
//! `В'ячеслав`) or stands alone escaped, and an unpaired `"` escaped; or, when the
//! grammar still fails, a clause of the query's bare words.
//! Invariant: the words a user typed are the words searched; only operators the user
//! wrote in a well-formed way keep their meaning.

use std::borrow::Cow;

use tantivy::query_grammar::{Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};

use crate::analysis::name::han_name_split;
use crate::analysis::words::{is_word_char, words};

/// The query with apostrophes that are text and an unpaired `"` escaped for the
/// grammar. A `'` opens a quoted phrase only where a phrase can start (at the start
/// of a term) and a matching `'` closes it at the end of a term; every other `'` or
/// `` ` `` is text. Quotes of other shapes (`“”`, `‘’`, `«»`) are never syntax.
pub(crate) fn as_typed(input: &str) -> Cow<'_, str> {
    let chars: Vec<(usize, char)> = input.char_indices().collect();
    let ends_term = |k: usize| {
        chars
            .get(k + 1)
            .is_none_or(|&(_, n)| n.is_whitespace() || matches!(n, ')' | '~' | '^'))
    };
    let starts_term = |k: usize| {
        k == 0 || {
            let p = chars[k - 1].1;
            p.is_whitespace() || matches!(p, '(' | ':' | '+' | '-')
        }
    };
    let mut escape = vec![false; chars.len()];
    let mut k = 0;
    let mut in_double = None;
    while k < chars.len() {
        let c = chars[k].1;
        match c {
            '\\' => k += 1,
            '"' => {
                in_double = match in_double {
                    None => Some(k),
                    Some(_) => None,
                }
            }
            '\'' | '`' if in_double.is_none() => {
                // A single-quoted phrase: opened at a term's start, closed at a term's end.
                let close = (starts_term(k) && c == '\'')
                    .then(|| {
                        (k + 2..chars.len()).find(|&j| {
                            chars[j].1 == '\''
                                && !chars[j - 1].1.is_whitespace()
                                && ends_term(j)
                                && !chars.get(j + 1).is_some_and(|&(_, n)| is_word_char(n))
                        })
                    })
                    .flatten();
                match close {
                    Some(j) => k = j,
                    None => escape[k] = true,
                }
            }
            _ => {}
        }
        k += 1;
    }
    if let Some(open) = in_double {
        escape[open] = true;
    }
    if !escape.contains(&true) {
        return Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len() + 8);
    for (k, &(_, c)) in chars.iter().enumerate() {
        if escape[k] {
            out.push('\\');
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// The query read as its bare words, ORed: what a query the grammar cannot parse
/// falls back to (`(torture`, `torture AND`, `person:`).
pub(crate) fn words_clause(input: &str) -> UserInputAst {
    UserInputAst::Clause(
        words(input)
            .map(|(_, word)| {
                (
                    None,
                    UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(UserInputLiteral {
                        field_name: None,
                        phrase: word.to_string(),
                        delimiter: Delimiter::None,
                        slop: 0,
                        prefix: false,
                    }))),
                )
            })
            .collect(),
    )
}

/// A query that is one Chinese name written as one word (`黄之锋`), with its surname
/// written apart (`黄 之锋`), as the other spellings write the name (`Huang Zhifeng`,
/// `Wong Chi-fung`): two words of a name, each matched on its own keys, the whole
/// word still matched as their joined form. `None` for any other query.
pub(crate) fn han_name_apart(query: &str) -> Option<String> {
    let q = query.trim();
    let k = han_name_split(q)?;
    Some(format!("{} {}", &q[..k], &q[k..]))
}

/// One word of a literal with what the query text says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TypedWord {
    pub(crate) word: String,
    /// An initial: one capital (`Y`, `Е`), or a capital and a letter followed by a full
    /// stop (`Zh.`).
    pub(crate) initial: bool,
    /// Two capitals (`JC`): searched as a word and read as two initials.
    pub(crate) initials: bool,
    /// A comma follows: the end of a "Surname," in "Surname, Given".
    pub(crate) comma_after: bool,
}

/// The words of one literal's text, each marked as initial or word.
pub(crate) fn typed_words(phrase: &str) -> Vec<TypedWord> {
    words(phrase)
        .map(|(at, word)| {
            let rest = &phrase[at + word.len()..];
            let letters = word.chars().count();
            let stop_after = rest.starts_with('.');
            let initial = word.chars().all(char::is_alphabetic)
                && starts_upper(word)
                && (letters == 1 || (letters == 2 && stop_after));
            let initials = letters == 2
                && !stop_after
                && word.chars().all(|c| c.is_alphabetic() && c.is_uppercase());
            TypedWord {
                word: word.to_string(),
                initial,
                initials,
                comma_after: rest.trim_start().starts_with(','),
            }
        })
        .collect()
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::query_grammar::parse_query;

    #[test]
    fn apostrophes_in_words_and_lone_quotes_are_escaped() {
        for (typed, sent) in [
            ("Anatol' Liabiedzka", r"Anatol\' Liabiedzka"),
            ("В'ячеслав Чорновіл", r"В\'ячеслав Чорновіл"),
            ("O'Brien", r"O\'Brien"),
            ("Karimli'nin", r"Karimli\'nin"),
            ("'", r"\'"),
            ("Zhumagulov \"", r#"Zhumagulov \""#),
            ("'Bring Kids Back'", "'Bring Kids Back'"),
            ("\"Bring Kids\" back", "\"Bring Kids\" back"),
            ("torture", "torture"),
        ] {
            assert_eq!(as_typed(typed), sent, "{typed}");
            assert!(parse_query(&as_typed(typed)).is_ok(), "{typed}");
        }
    }

    #[test]
    fn initials_are_told_from_words() {
        let got = typed_words("Y.Zhovtis");
        assert!(got[0].initial && !got[1].initial);
        assert!(typed_words("Zh. Zhovtis")[0].initial);
        assert!(typed_words("JC")[0].initials);
        assert!(!typed_words("Jo")[0].initial && !typed_words("Jo")[0].initials);
        assert!(!typed_words("a")[0].initial);
        assert!(typed_words("Zhovtis, Yevgeniy")[0].comma_after);
        let has_initial = |phrase: &str| typed_words(phrase).iter().any(|w| w.initial);
        assert!(has_initial("Е.Жовтис") && !has_initial("Abdul-Hadi"));
    }

    #[test]
    fn unparsable_queries_fall_back_to_their_words() {
        let UserInputAst::Clause(children) = words_clause("(torture AND") else {
            panic!("a clause");
        };
        assert_eq!(children.len(), 2);
    }
}
