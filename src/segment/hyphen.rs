//! Hyphens at line ends: a word broken across two lines, or a compound's own hyphen.
//!
//! Hard-wrapped text (PDF renderings, Official Journal copies) breaks long words at the
//! line end with a hyphen ("organisa-" / "tions"); those hyphens are not the text's and
//! are dropped. But a compound wrapped at its own hyphen ("state-" / "owned") keeps it:
//! joining would invent the word "stateowned", which no search for "state-owned" finds.
//!
//! The two cannot be told apart from the break alone, so the rule uses evidence:
//! - the hyphen is kept when the same compound is written with a hyphen inside a line
//!   elsewhere in the text ("state-owned enterprises" further down), or when its first
//!   part is a prefix that English writes with a hyphen before a word, not a syllable
//!   that wrapping would split off (`self-`, `non-`);
//! - between two words that are not both lower case, it is kept ("COVID-" / "19",
//!   "Jean-" / "Pierre"): wrapping does not split names or numbers;
//! - otherwise the break is taken for hyphenation and the parts are joined.
//!
//! A kept hyphen is followed by no space, except before `and`, `or` and `to`, where
//! the hyphen is suspended ("pre- and post-war").

use crate::analysis::words::is_hyphen;
use std::cell::OnceCell;
use std::collections::HashSet;

/// First parts English writes with a hyphen before a whole word, and that are not
/// syllables a line break splits off a longer word.
const HYPHEN_PREFIXES: &[&str] = &["self", "non"];

/// Words after which a line-end hyphen is suspended, not joined ("pre- and post-war").
const SUSPENDED_BEFORE: &[&str] = &["and", "or", "to"];

/// The compounds a text writes with a hyphen inside a line, lower case, hyphen as
/// `-`; read from the text the first time they are asked for, in one pass.
pub(crate) struct Compounds<'a> {
    text: &'a str,
    set: OnceCell<HashSet<String>>,
}

impl<'a> Compounds<'a> {
    /// The compounds of `text`, not yet read.
    pub(crate) fn new(text: &'a str) -> Compounds<'a> {
        Compounds {
            text,
            set: OnceCell::new(),
        }
    }

    /// Whether the text writes `left-right` (either part in any case) inside a line.
    pub(crate) fn contains(&self, left: &str, right: &str) -> bool {
        let set = self.set.get_or_init(|| read_compounds(self.text));
        !set.is_empty() && set.contains(&compound_key(left, right))
    }
}

fn compound_key(left: &str, right: &str) -> String {
    let mut key = String::with_capacity(left.len() + right.len() + 1);
    key.extend(left.chars().flat_map(char::to_lowercase));
    key.push('-');
    key.extend(right.chars().flat_map(char::to_lowercase));
    key
}

/// The run of letters and digits that ends `before`: the word a hyphen after it ends.
fn word_before(before: &str) -> &str {
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric())
        .last()
        .map_or(before.len(), |(j, _)| j);
    &before[start..]
}

/// The run of letters and digits that starts `after`: the word after a hyphen.
fn word_after(after: &str) -> &str {
    let end = after
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(after.len(), |(j, _)| j);
    &after[..end]
}

/// Every `word-word` pair of the text: the two words ([`word_before`], [`word_after`])
/// either side of each hyphen that has a word on both sides, as a line-end hyphen's
/// parts are read. Each character is read a bounded number of times (a word is read
/// once as the right part of one hyphen and once as the left part of the next), so this
/// is linear in the text.
fn read_compounds(text: &str) -> HashSet<String> {
    let mut set = HashSet::new();
    for (i, c) in text.char_indices() {
        if !is_hyphen(c) {
            continue;
        }
        let left = word_before(&text[..i]);
        let right = word_after(&text[i + c.len_utf8()..]);
        if !left.is_empty() && !right.is_empty() {
            set.insert(compound_key(left, right));
        }
    }
    set
}

/// What to do with a hyphen that ends a line, between the word `left` it ends and the
/// word `right` that starts the next line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineEndHyphen {
    /// A word broken by wrapping: drop the hyphen, join the parts.
    Join,
    /// A compound's hyphen: keep it, no space.
    Keep,
    /// A suspended hyphen ("pre- and post-war"): keep it, then a space.
    Suspended,
}

/// Decides a line-end hyphen (see the module docs): `before` is the text up to the
/// hyphen, `next` the next line's. The parts are the words either side
/// ([`word_before`], [`word_after`]); either may be empty.
pub(crate) fn line_end_hyphen(before: &str, next: &str, compounds: &Compounds) -> LineEndHyphen {
    let (left, right) = (word_before(before), word_after(next));
    if left.is_empty() || right.is_empty() {
        return LineEndHyphen::Suspended;
    }
    if SUSPENDED_BEFORE.contains(&right) {
        return LineEndHyphen::Suspended;
    }
    let lower_end = left.chars().last().is_some_and(char::is_lowercase);
    let lower_start = right.chars().next().is_some_and(char::is_lowercase);
    if !(lower_end && lower_start) {
        return LineEndHyphen::Keep;
    }
    let prefix = HYPHEN_PREFIXES.iter().any(|p| left.eq_ignore_ascii_case(p));
    if prefix || compounds.contains(left, right) {
        LineEndHyphen::Keep
    } else {
        LineEndHyphen::Join
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decide(text: &str, left: &str, right: &str) -> LineEndHyphen {
        line_end_hyphen(left, right, &Compounds::new(text))
    }

    #[test]
    fn wrapped_words_join() {
        assert_eq!(decide("", "organisa", "tions"), LineEndHyphen::Join);
        assert_eq!(decide("", "state", "ments"), LineEndHyphen::Join);
    }

    #[test]
    fn compounds_written_elsewhere_keep_their_hyphen() {
        let text = "the state-\nowned media and other State-Owned enterprises";
        assert_eq!(decide(text, "state", "owned"), LineEndHyphen::Keep);
        // The same line-end break is not evidence for itself.
        assert_eq!(
            decide("the state-\nowned media", "state", "owned"),
            LineEndHyphen::Join
        );
        assert_eq!(
            decide("non-\ngovernmental", "non", "governmental"),
            LineEndHyphen::Keep
        );
        assert_eq!(decide("", "self", "determination"), LineEndHyphen::Keep);
    }

    #[test]
    fn names_numbers_and_suspended_hyphens_keep_it() {
        assert_eq!(decide("", "COVID", "19"), LineEndHyphen::Keep);
        assert_eq!(decide("", "Jean", "Pierre"), LineEndHyphen::Keep);
        assert_eq!(decide("", "pre", "and"), LineEndHyphen::Suspended);
        assert_eq!(decide("", "", "x"), LineEndHyphen::Suspended);
    }

    #[test]
    fn compounds_are_read_in_one_pass() {
        let set = read_compounds("a-b-c, Über-Maß x- y -z e\u{2011}f");
        let mut got: Vec<_> = set.into_iter().collect();
        got.sort();
        assert_eq!(got, ["a-b", "b-c", "e-f", "über-maß"]);
    }
}
