//! Highlights and snippets: which words of a hit match the query, and the window shown.
//!
//! In: a unit's text and the words of the query. Out: the byte ranges of the matching
//! words ([`Highlight`]) and a snippet with those words marked.
//!
//! A word of the unit is highlighted when it matches a query word through the same
//! channels the query used: same spelling, same folded form, a shared transliteration
//! or related key (so `Jumagulov` highlights `Zhumagulov`), a bounded fuzzy match
//! where the query fell back to one, or the same English stem for prose.
//! Invariant: every [`Highlight`] is a byte range on char boundaries of [`Hit::text`].

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::analysis::keys::{channel_keys, keys_of, signature_of, Signature};
use crate::analysis::name::Channel;
use crate::analysis::prose::{prose_stem, prose_stem_in};
use crate::analysis::words::words;

/// A highlighted word: byte range `start..end` in [`Hit::text`](crate::Hit::text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Highlight {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

type WordSet = HashSet<String, rustc_hash::FxBuildHasher>;

/// Maximum snippet length in bytes of source text (before markup).
const SNIPPET_BYTES: usize = 240;

/// The query words a hit's text is matched against, by channel.
#[derive(Debug, Clone, Default)]
pub(crate) struct HighlightTerms {
    exact: WordSet,
    folded: WordSet,
    translit: WordSet,
    related: WordSet,
    /// Translit keys the query matched fuzzily (edit distance 1).
    fuzzy: Vec<String>,
    /// Folded prefixes of `word*` queries.
    prefixes: Vec<String>,
    stems: WordSet,
    /// Every key and stem above, as one signature: a word whose signature does not
    /// meet it matches through none of them.
    signature: Signature,
}

/// Whether each distinct word of a page's hit texts matched, so that a word is matched
/// once per page: computing a word's keys and stem is most of the cost of a search
/// that returns hits. Borrows the words from the texts.
pub(crate) type Verdicts<'t> = HashMap<&'t str, bool, rustc_hash::FxBuildHasher>;

impl HighlightTerms {
    /// Adds one query word (its keys and its prose stem).
    pub(crate) fn add_word(&mut self, word: &str) {
        let keys = keys_of(word);
        let mut buf = Vec::new();
        for (channel, set) in [
            (Channel::Exact, &mut self.exact),
            (Channel::Folded, &mut self.folded),
            (Channel::Translit, &mut self.translit),
            (Channel::Related, &mut self.related),
        ] {
            buf.clear();
            channel_keys(&keys, channel, &mut buf);
            buf.iter().for_each(|k| self.signature.add(k));
            set.extend(buf.drain(..));
        }
        if let Some(stem) = prose_stem(word) {
            self.signature.add(&stem);
            self.stems.insert(stem);
        }
    }

    /// Adds a translit key the query matched within edit distance 1.
    pub(crate) fn add_fuzzy(&mut self, key: &str) {
        self.fuzzy.push(key.to_string());
    }

    /// Adds the folded prefix of a `word*` query.
    pub(crate) fn add_prefix(&mut self, folded: &str) {
        self.prefixes.push(folded.to_string());
    }

    /// Whether nothing would ever be highlighted.
    pub(crate) fn is_empty(&self) -> bool {
        self.exact.is_empty()
            && self.stems.is_empty()
            && self.fuzzy.is_empty()
            && self.prefixes.is_empty()
    }

    fn matches(&self, word: &str) -> bool {
        if self.fuzzy.is_empty()
            && self.prefixes.is_empty()
            && !signature_of(word).meets(&self.signature)
        {
            return false;
        }
        let keys = keys_of(word);
        if self.exact.contains(&keys.exact)
            || self.folded.contains(&keys.folded)
            || self
                .prefixes
                .iter()
                .any(|p| keys.folded.starts_with(p.as_str()))
        {
            return true;
        }
        if keys.translit.iter().any(|k| self.translit.contains(k))
            || keys.related.iter().any(|k| self.related.contains(k))
        {
            return true;
        }
        if !self.fuzzy.is_empty()
            && keys
                .translit
                .iter()
                .any(|k| self.fuzzy.iter().any(|q| within_one_edit(q, k)))
        {
            return true;
        }
        prose_stem_in(word, &self.stems)
    }

    /// Byte ranges of the words of `text` that match; `verdicts` remembers the words
    /// already matched for this page.
    pub(crate) fn highlights<'t>(
        &self,
        text: &'t str,
        verdicts: &mut Verdicts<'t>,
    ) -> Vec<Highlight> {
        if self.is_empty() {
            return Vec::new();
        }
        words(text)
            .filter(|&(_, w)| *verdicts.entry(w).or_insert_with(|| self.matches(w)))
            .map(|(start, w)| Highlight {
                start,
                end: start + w.len(),
            })
            .collect()
    }
}

/// Levenshtein distance ≤ 1 (with an adjacent transposition counted as 1).
fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if prefix == a.len() && prefix == b.len() {
        return true;
    }
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Less => ra == &rb[1..],
        std::cmp::Ordering::Greater => &ra[1..] == rb,
    }
}

/// A snippet of `text` around the densest run of highlights, HTML-escaped, with the
/// highlighted words in `<b>…</b>`.
pub(crate) fn snippet(text: &str, highlights: &[Highlight]) -> String {
    let (from, to) = window(text, highlights);
    let mut out = String::with_capacity(to - from + 32);
    if from > 0 {
        out.push('…');
    }
    let mut pos = from;
    for h in highlights.iter().filter(|h| h.start >= from && h.end <= to) {
        escape_into(&text[pos..h.start], &mut out);
        out.push_str("<b>");
        escape_into(&text[h.start..h.end], &mut out);
        out.push_str("</b>");
        pos = h.end;
    }
    escape_into(&text[pos..to], &mut out);
    if to < text.len() {
        out.push('…');
    }
    out
}

/// The byte window shown: the whole text when short, else about [`SNIPPET_BYTES`]
/// starting a little before the densest cluster of highlights, cut at word bounds.
fn window(text: &str, highlights: &[Highlight]) -> (usize, usize) {
    if text.len() <= SNIPPET_BYTES + SNIPPET_BYTES / 4 {
        return (0, text.len());
    }
    // The highlight that starts the window holding the most highlights.
    let mut best = (0usize, None::<usize>);
    for (i, h) in highlights.iter().enumerate() {
        let n = highlights[i..]
            .iter()
            .take_while(|o| o.end <= h.start + SNIPPET_BYTES * 3 / 4)
            .count();
        if n > best.0 {
            best = (n, Some(h.start));
        }
    }
    let anchor = best.1.unwrap_or(0);
    let mut from = anchor.saturating_sub(SNIPPET_BYTES / 4);
    if from > 0 {
        // Start at the beginning of a word.
        from = words(text)
            .map(|(s, _)| s)
            .find(|&s| s >= from)
            .unwrap_or(anchor)
            .min(anchor);
    }
    let mut to = (from + SNIPPET_BYTES).min(text.len());
    if to < text.len() {
        // End at the end of a word (or the last one that fits).
        to = words(&text[from..])
            .map(|(s, w)| from + s + w.len())
            .take_while(|&e| e <= to)
            .last()
            .unwrap_or(to);
        while !text.is_char_boundary(to) {
            to -= 1;
        }
    }
    (from, to)
}

/// Appends `s` with `&`, `<`, `>` and `"` escaped. The four are ASCII, so the text
/// between them is copied a run at a time.
fn escape_into(s: &str, out: &mut String) {
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => continue,
        };
        out.push_str(&s[from..i]);
        out.push_str(entity);
        from = i + 1;
    }
    out.push_str(&s[from..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_replaces_the_four_characters_and_keeps_the_rest() {
        let mut out = String::from("»");
        escape_into("a<b>&\"c\"'Жұмағұлов'&&", &mut out);
        assert_eq!(out, "»a&lt;b&gt;&amp;&quot;c&quot;'Жұмағұлов'&amp;&amp;");
        let mut out = String::new();
        escape_into("", &mut out);
        escape_into("plain", &mut out);
        assert_eq!(out, "plain");
    }

    #[test]
    fn short_text_is_whole_with_marks_escaped() {
        let text = "whereas A&B tortured Bokayev";
        let mut terms = HighlightTerms::default();
        terms.add_word("torture");
        terms.add_word("BOKAYEV");
        let hl = terms.highlights(text, &mut Verdicts::default());
        assert_eq!(hl.len(), 2);
        assert_eq!(
            snippet(text, &hl),
            "whereas A&amp;B <b>tortured</b> <b>Bokayev</b>"
        );
    }

    #[test]
    fn long_text_is_cut_around_the_match_on_char_boundaries() {
        let text = format!("{} Bokayev {}", "ü ".repeat(300), "é ".repeat(300));
        let mut terms = HighlightTerms::default();
        terms.add_word("bokayev");
        let hl = terms.highlights(&text, &mut Verdicts::default());
        let s = snippet(&text, &hl);
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("<b>Bokayev</b>"));
        assert!(s.len() < SNIPPET_BYTES + 40);
    }

    #[test]
    fn one_edit() {
        assert!(within_one_edit("bokayev", "bokaev"));
        assert!(within_one_edit("bokayev", "bokayev"));
        assert!(within_one_edit("bokayev", "bokyaev"));
        assert!(within_one_edit("bokayev", "bokayeva"));
        assert!(!within_one_edit("bokayev", "bakaeva"));
        assert!(!within_one_edit("ab", "ba c"));
    }
}
