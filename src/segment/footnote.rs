//! Footnotes: splitting a run of notes on one line, and recognising calls in unit text.
//!
//! A call is `(n)` or `[n]` where `n` is the label of a footnote the document has, and
//! calls come in order: a call is either the next one due or a repeat of an earlier one.
//! It may be glued to a word (`Kazakhstan(1)`), follow a space (`Kazakhstan (1)`, as in
//! the Official Journal) or follow a year (`18 April 2013(2)`); after other digits it is
//! taken for a sub-division and left alone (`Rule 144(5)`, `Article 6(1)`).

use std::collections::HashSet;

/// Finds `(k)` / `[k]` (per `square`) in `s` at or after byte `from`, followed by text.
/// Returns its byte offset.
fn find_note(s: &str, from: usize, k: u32, square: bool) -> Option<usize> {
    let (open, close) = if square { ('[', ']') } else { ('(', ')') };
    let needle = format!("{open}{k}{close}");
    let mut at = from;
    while let Some(i) = s.get(at..)?.find(&needle) {
        let j = at + i;
        let after = &s[j + needle.len()..];
        if !after.trim_start_matches(super::lines::is_ws).is_empty() {
            return Some(j);
        }
        at = j + needle.len();
    }
    None
}

/// One note of a run on one line: its number, its byte range in the line (from its marker
/// to the next note's marker, or to the end of the line) and the length of its marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RunNote {
    pub(crate) number: u32,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) marker_len: usize,
}

/// Splits `line`, which opens note `first` with a marker of `marker_len` bytes, into the
/// notes run on it: `(first + 1)`, `(first + 2)` … (`[…]` per `square`), each followed by
/// text. The whitespace between two notes stays with the first.
pub(crate) fn split_run(line: &str, first: u32, marker_len: usize, square: bool) -> Vec<RunNote> {
    let mut notes = Vec::new();
    let (mut start, mut number, mut marker_len) = (0, first, marker_len);
    loop {
        let next = find_note(line, start + marker_len, number + 1, square);
        notes.push(RunNote {
            number,
            start,
            end: next.unwrap_or(line.len()),
            marker_len,
        });
        let Some(j) = next else {
            return notes;
        };
        start = j;
        number += 1;
        // `(k)` / `[k]`: brackets and the digits of `number`, then whitespace.
        marker_len = 2 + number.to_string().len();
        let after = &line[j + marker_len..];
        marker_len += after.len() - after.trim_start_matches(super::lines::is_ws).len();
    }
}

/// The marker of note `k` (`(k)`, or `[k]` per `square`) inside `line`, after some text
/// that does not end in a digit (`p. 93.(4)OJ`, not `Rule 144(4)`), and followed by
/// text: its byte offset and the length of the marker with the whitespace after it.
pub(crate) fn find_wrapped(line: &str, k: u32, square: bool) -> Option<(usize, usize)> {
    let mut from = line.chars().next()?.len_utf8();
    loop {
        let j = find_note(line, from, k, square)?;
        if line[..j]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_ascii_digit())
        {
            let len = 2 + k.to_string().len();
            let after = &line[j + len..];
            let ws = after.len() - after.trim_start_matches(super::lines::is_ws).len();
            return Some((j, len + ws));
        }
        from = j + 1;
    }
}

/// A call found at the start of `s`: its number and length in bytes.
pub(crate) fn call_at(s: &str) -> Option<(u32, usize, bool)> {
    let b = s.as_bytes();
    let square = match b.first()? {
        b'(' => false,
        b'[' => true,
        _ => return None,
    };
    let close = if square { b']' } else { b')' };
    let digits = b[1..]
        .iter()
        .take(4)
        .take_while(|c| c.is_ascii_digit())
        .count();
    if digits == 0 || digits > 3 || b.get(1 + digits) != Some(&close) {
        return None;
    }
    let len = digits + 2;
    if s[len..].chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let n = s[1..1 + digits].parse().ok()?;
    Some((n, len, square))
}

/// Decides which `(n)` are footnote calls, in document order.
#[derive(Debug)]
pub(crate) struct Calls {
    labels: HashSet<u32>,
    next: u32,
}

impl Calls {
    /// `labels`: the footnote labels the document has.
    pub(crate) fn new(labels: HashSet<u32>) -> Self {
        let next = labels.iter().copied().min().unwrap_or(1);
        Calls { labels, next }
    }

    /// Is a candidate `n` a call? `prev`: the character before it (`None` at line start),
    /// `digits_before`: how many ASCII digits stand right before it.
    pub(crate) fn accept(&mut self, n: u32, prev: Option<char>, digits_before: usize) -> bool {
        if !self.labels.contains(&n) {
            return false;
        }
        let due = n == self.next;
        let ok = match prev {
            None => due,
            Some(c) if super::lines::is_ws(c) => due,
            Some(c) if c.is_ascii_digit() => digits_before == 4 && (due || n < self.next),
            Some(_) => due || n < self.next,
        };
        if ok && due {
            self.next += 1;
        }
        ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_next_note_in_a_run() {
        let s = "(1)OJ C 23, p. 83.(2)OJ C 45, p. 85.(3)x";
        assert_eq!(find_note(s, 3, 2, false), Some(18));
        assert_eq!(find_note(s, 3, 4, false), None);
        assert_eq!(find_note("(1) a (2)", 3, 2, false), None);
    }

    #[test]
    fn splits_a_run_of_notes() {
        let line = "(1)OJ C 23, p. 83. (2)  OJ C 45.";
        let note = |number, start, end, marker_len| RunNote {
            number,
            start,
            end,
            marker_len,
        };
        assert_eq!(
            split_run(line, 1, 3, false),
            [note(1, 0, 19, 3), note(2, 19, line.len(), 5)]
        );
        assert_eq!(split_run("[4] x", 4, 4, true), [note(4, 0, 5, 4)]);
    }

    #[test]
    fn finds_a_wrapped_note_after_text() {
        let s = "31.8.2013, p. 93.(4)OJ C 224 E, 19.8.2010, p. 30.(5)UN";
        assert_eq!(find_wrapped(s, 4, false), Some((17, 3)));
        assert_eq!(find_wrapped("Rule 144(4) x", 4, false), None);
        assert_eq!(find_wrapped("(4) x", 4, false), None);
        assert_eq!(find_wrapped("see [2]  OJ", 2, true), Some((4, 5)));
    }

    #[test]
    fn calls_in_order_and_not_subdivisions() {
        let mut c = Calls::new((1..=5).collect());
        assert!(c.accept(1, Some('n'), 0)); // Kazakhstan(1)
        assert!(c.accept(2, Some('3'), 4)); // 2013(2)
        assert!(c.accept(3, Some('2'), 4));
        assert!(c.accept(4, Some('9'), 4));
        assert!(!c.accept(5, Some('4'), 3)); // Rule 144(5)
        assert!(!c.accept(4, Some('2'), 3)); // 132(4)
        assert!(c.accept(5, Some('r'), 0)); // Rapporteur(5)
        assert!(!c.accept(6, Some('r'), 0)); // no footnote 6
        assert!(!c.accept(2, Some(' '), 0)); // spaced repeat: not a call
    }

    #[test]
    fn call_shapes() {
        assert_eq!(call_at("(1) and"), Some((1, 3, false)));
        assert_eq!(call_at("[12],"), Some((12, 4, true)));
        assert_eq!(call_at("(1)OJ"), None);
        assert_eq!(call_at("(RSP)"), None);
        assert_eq!(call_at("(1234)"), None);
    }
}
