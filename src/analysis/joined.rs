//! Words a name writes apart or as one: `Ahmadi-Nejad` / `Ahmadinejad`, `Abdul Hadi` /
//! `Abdulhadi`, `Abd El-Fattah` / `Abdelfattah`, `احمدی‌نژاد` (a zero-width non-joiner
//! inside a Persian compound) / `احمدینژاد`, `Oleg Orlov` / `OlegOrlov`.
//!
//! The index keys two adjacent words of a text (three, where the middle one is the
//! Arabic article) also as the one word they make, where a hyphen or a zero-width
//! non-joiner joins them, or a space and one is a short element of a compound
//! (`Abdul Hadi`, `Ali Reza`, `Abu Bakr`: [`Gap`]); a query keys any two adjacent query words the
//! same way, so each side meets the other however the name is split. This
//! module says which words join; `keys.rs` keys them, the compiler and
//! the highlighter ask it.
//!
//! Invariant: the index and the highlighter join the same spans of a text's words,
//! each word as written (the keys fold case).

use super::name::is_han;
use super::words::is_name_like;

/// The longest words written as one that get keys, in characters.
pub(crate) const MAX_JOINED_CHARS: usize = 32;

/// The Arabic article as a separate word (`al-Khawaja`, `Abd El-Fattah`), in any case.
pub(crate) fn is_article(word: &str) -> bool {
    matches!(word, "al" | "el" | "Al" | "El" | "AL" | "EL")
}

/// Whether two words may also be written as one: both name-like (or the first the
/// Arabic article, which a name writes in lower case before its noun: `al-Khawaja`,
/// `Alkhawaja`), two letters or more each, at most [`MAX_JOINED_CHARS`] together.
pub(crate) fn joinable(a: &str, b: &str) -> bool {
    long_enough(a)
        && long_enough(b)
        && (is_name_like(a) || is_article(a))
        && is_name_like(b)
        && a.chars().count() + b.chars().count() <= MAX_JOINED_CHARS
}

/// Whether a name word, the article and a name word may also be written as one
/// (`Abd El-Fattah`, `Abd al-Rahman`: `Abdelfattah`, `Abdalrahman`).
fn joinable_over_article(a: &str, article: &str, c: &str) -> bool {
    is_article(article)
        && long_enough(a)
        && long_enough(c)
        && is_name_like(a)
        && is_name_like(c)
        && a.chars().count() + 2 + c.chars().count() <= MAX_JOINED_CHARS
}

/// What stands between two adjacent words, as far as joining them goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gap {
    /// Anything but one joiner (punctuation, a line break, two spaces): never joined.
    Apart,
    /// One space or no-break space: joined where one word is a short element of a
    /// compound ([`SHORT_ELEMENT`]) or the first opens an Arabic compound name
    /// (`Abdul Hadi`, `Abu Bakr`).
    Space,
    /// A hyphen or a zero-width non-joiner inside a word, or two words typed one
    /// after the other in a query: joined.
    Tight,
}

/// The most letters of a word that joins the next across a space alone: a short
/// element of a compound (`Ali Reza`, `Abu Bakr`, `Nur Sultan`, `عبد الهادي`, the
/// article). Longer words apart (`Almat Zhumagulov`) are not keyed as one in the
/// index: a pair costs a word's keys, most pairs of a text are two names, and texts
/// write long compounds with a hyphen (`Ahmadi-Nejad`) or as one word.
pub(crate) const SHORT_ELEMENT: usize = 3;

/// The Latin spellings of the two Arabic words that open compound given names and
/// are written apart from the rest or joined to it: ʿabd "servant (of)" in its forms
/// with the article (`Abd al-Hadi`, `Abdul Hadi`, `Abdel Fattah`, `Abdol Karim`) and
/// abū "father (of)" (`Abu Bakr`, `Abou Zeid`); Wikipedia, "Arabic name" (the ism and
/// the kunya, theophoric names).
const COMPOUND_OPENERS: &[&str] = &[
    "abd", "abdul", "abdel", "abdol", "abdal", "abdu", "abu", "abou",
];

fn opens_compound(word: &str) -> bool {
    word.len() <= 5
        && COMPOUND_OPENERS
            .iter()
            .any(|o| o.eq_ignore_ascii_case(word))
}

impl Gap {
    /// The gap `text[to..from]` between two words of a text.
    pub(crate) fn of(text: &str, to: usize, from: usize) -> Gap {
        let Some(gap) = text.get(to..from) else {
            return Gap::Apart;
        };
        let mut chars = gap.chars();
        match (chars.next(), chars.next()) {
            (Some(' ' | '\u{a0}'), None) => Gap::Space,
            (Some('-' | '\u{2010}' | '\u{2011}' | '\u{200c}'), None) => Gap::Tight,
            _ => Gap::Apart,
        }
    }

    fn joins(self, a: &str, b: &str) -> bool {
        let short = |w: &str| w.chars().nth(SHORT_ELEMENT).is_none();
        match self {
            Gap::Apart => false,
            Gap::Space => short(a) || short(b) || opens_compound(a),
            Gap::Tight => true,
        }
    }
}

/// The spans of `words` that may be one word written apart, as `(first, len)`, `len`
/// two or three, in order of `first`: two [`joinable`] words, and a name word, the
/// article and a name word, each gap allowing it ([`Gap`]). `gap(k)` is what stands
/// between words `k` and `k + 1`.
pub(crate) fn joined_spans(words: &[&str], gap: impl Fn(usize) -> Gap) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for k in 0..words.len().saturating_sub(1) {
        let after = gap(k);
        if after == Gap::Apart {
            continue;
        }
        if joinable(words[k], words[k + 1]) && after.joins(words[k], words[k + 1]) {
            out.push((k, 2));
        }
        if k + 2 < words.len()
            && gap(k + 1) != Gap::Apart
            && joinable_over_article(words[k], words[k + 1], words[k + 2])
        {
            out.push((k, 3));
        }
    }
    out
}

/// The words of a span written as one.
pub(crate) fn join(words: &[&str], (first, len): (usize, usize)) -> String {
    words[first..first + len].concat()
}

/// Two letters or more, or one Han character (a syllable of a name: `习 近平`).
fn long_enough(word: &str) -> bool {
    let mut cs = word.chars();
    cs.next().is_some_and(is_han) || cs.next().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<String> {
        let split: Vec<(usize, &str)> = crate::analysis::words::words(text).collect();
        let words: Vec<&str> = split.iter().map(|(_, w)| *w).collect();
        joined_spans(&words, |k| {
            Gap::of(text, split[k].0 + split[k].1.len(), split[k + 1].0)
        })
        .into_iter()
        .map(|span| join(&words, span))
        .collect()
    }

    #[test]
    fn names_written_apart_join() {
        assert_eq!(spans("Mahmoud Ahmadi-Nejad"), ["AhmadiNejad"]);
        assert_eq!(spans("Ali Reza Qwertyzadeh"), ["AliReza"]);
        assert_eq!(spans("Abdel Fattah"), ["AbdelFattah"]);
        assert_eq!(spans("احمدی\u{200c}نژاد"), ["احمدینژاد"]);
        assert_eq!(spans("Abd El-Fattah"), ["AbdEl", "AbdElFattah", "ElFattah"]);
        // Any name word before the article joins over it: the rule knows no names.
        assert_eq!(
            spans("Abdul Hadi al-Khawaja"),
            ["AbdulHadi", "HadialKhawaja", "alKhawaja"]
        );
        // Two long words apart are two words; a hyphen joins them.
        assert!(spans("Almat Zhumagulov").is_empty());
        assert_eq!(spans("Kara-Murza"), ["KaraMurza"]);
        assert_eq!(spans("Abd al-Rahman"), ["AbdalRahman", "alRahman"]);
    }

    #[test]
    fn other_gaps_and_words_do_not() {
        // Punctuation, two spaces, a line break, lower-case words, one letter.
        for text in [
            "Orlov, Oleg",
            "Oleg  Orlov",
            "Oleg\nOrlov",
            "the prisoner",
            "Oleg and Orlov",
            "A Orlov",
            "bin Salman",
        ] {
            assert!(spans(text).is_empty(), "{text}");
        }
        let long = "Qwertyuiopasdfghjkl Zxcvbnmqwertyuiop";
        assert!(spans(long).is_empty());
    }
}
