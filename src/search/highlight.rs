//! Highlights and snippets: which words of a hit match the query, why, and the window
//! shown.
//!
//! In: a unit's text and the words of the query. Out: the byte ranges of the matching
//! words ([`Highlight`], each with the query word it matched and the [`MatchChannel`]
//! it matched through) and a snippet with those words marked.
//!
//! A word of the unit is highlighted when it matches a query word through the same
//! channels the query used: same spelling, same folded form, a shared transliteration
//! or related key (so `Jumagulov` highlights `Zhumagulov`), a bounded fuzzy match
//! where the query fell back to one, or the same English stem for prose. The words of a
//! quoted phrase are highlighted only where they stand together as the phrase (with
//! the stop words and the slop the query allows between them), not wherever each of
//! them occurs.
//! Invariant: every [`Highlight`] is a byte range on char boundaries of [`Hit::text`].
//!
//! [`Hit::text`]: crate::Hit::text

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::analysis::joined::{join, joined_spans, Gap};
use crate::analysis::keys::{keys_of, signature_of, Signature};
use crate::analysis::name::query_key;
use crate::analysis::prose::prose_stem;
use crate::analysis::words::words;

/// How a highlighted word of the text matched its query word, closest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum MatchChannel {
    /// The same spelling, up to case.
    Exact,
    /// The same after folding case, diacritics and apostrophes (`Bokaev`, `BOKAEV`).
    Folded,
    /// A shared transliteration key: another romanisation or script (`Jumagulov`,
    /// `Жумагулов` for `Zhumagulov`).
    Transliteration,
    /// A shared related key: a related form of the name (`Abisheva` for `Abishev`).
    Related,
    /// An indexed key within a bounded edit distance, where the query word itself is
    /// in no unit.
    Fuzzy,
    /// The word starts with the prefix of a `prefix*` query word.
    Prefix,
    /// The same English stem (`prisoners` for `prisoner`).
    Stem,
}

impl MatchChannel {
    /// The lower-case name used in JSON (`"transliteration"`).
    pub fn as_str(self) -> &'static str {
        match self {
            MatchChannel::Exact => "exact",
            MatchChannel::Folded => "folded",
            MatchChannel::Transliteration => "transliteration",
            MatchChannel::Related => "related",
            MatchChannel::Fuzzy => "fuzzy",
            MatchChannel::Prefix => "prefix",
            MatchChannel::Stem => "stem",
        }
    }
}

impl std::fmt::Display for MatchChannel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A highlighted word: byte range `start..end` in [`Hit::text`](crate::Hit::text), and
/// why it matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Highlight {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The spelling in the text (`Zhumagulov`): `text[start..end]`.
    pub text: String,
    /// The query word it matched, as written in the query (`Jumagulov`; `polit*` for a
    /// prefix).
    pub query: String,
    /// How it matched the query word.
    pub channel: MatchChannel,
}

/// How snippets are cut and marked.
///
/// ```
/// use whereas::search::SnippetOptions;
/// use whereas::SearchRequest;
///
/// let request = SearchRequest::new("Bokayev")
///     .snippet(SnippetOptions::default().tags("<em>", "</em>").length(120));
/// # let _ = request;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct SnippetOptions {
    /// Put before each highlighted word (`<b>`).
    pub pre_tag: String,
    /// Put after each highlighted word (`</b>`).
    pub post_tag: String,
    /// About how many bytes of the text a snippet shows (240), cut at word bounds;
    /// texts up to a quarter longer are shown whole. 0: no snippet.
    pub length: usize,
}

impl Default for SnippetOptions {
    fn default() -> SnippetOptions {
        SnippetOptions {
            pre_tag: "<b>".to_string(),
            post_tag: "</b>".to_string(),
            length: SNIPPET_BYTES,
        }
    }
}

impl SnippetOptions {
    /// Marks highlighted words with `pre` and `post`, inserted as given (the text
    /// around them is HTML-escaped).
    pub fn tags(mut self, pre: impl Into<String>, post: impl Into<String>) -> SnippetOptions {
        self.pre_tag = pre.into();
        self.post_tag = post.into();
        self
    }

    /// Shows about `bytes` bytes of text (0: no snippet).
    pub fn length(mut self, bytes: usize) -> SnippetOptions {
        self.length = bytes;
        self
    }
}

/// Default snippet length in bytes of source text (before markup).
const SNIPPET_BYTES: usize = 240;

/// One query word and the keys it matches through.
#[derive(Debug, Clone)]
struct QueryWord {
    /// As written in the query.
    shown: String,
    exact: String,
    folded: String,
    translit: Vec<String>,
    related: Vec<String>,
    /// Indexed translit keys the query matched fuzzily.
    fuzzy: Vec<String>,
    /// Indexed folded forms the query matched as a typo of this word.
    fuzzy_folded: Vec<String>,
    /// The folded prefix of a `prefix*` word; such a word matches only by prefix.
    prefix: Option<String>,
    stem: Option<String>,
    /// Highlighted on its own, not only inside a phrase.
    alone: bool,
}

/// A quoted phrase: its content words (indexes into the query words) and how many
/// other words may stand before each, counted from the phrase's stop words and slop.
#[derive(Debug, Clone)]
struct Phrase {
    words: Vec<(usize, usize)>,
}

/// The query words a hit's text is matched against.
#[derive(Debug, Clone, Default)]
pub(crate) struct HighlightTerms {
    words: Vec<QueryWord>,
    phrases: Vec<Phrase>,
    /// Every key and stem of the query words, as one signature: a word whose
    /// signature does not meet it matches through none of them.
    signature: Signature,
    /// Whether some query word matches by prefix or fuzzily (the signature cannot
    /// rule a word out then).
    loose: bool,
}

/// What each distinct word of a page's hit texts matched, so that a word is matched
/// once per page: computing a word's keys and stem is most of the cost of a search
/// that returns hits. Borrows the words from the texts.
pub(crate) type Verdicts<'t> =
    HashMap<&'t str, Vec<(usize, MatchChannel)>, rustc_hash::FxBuildHasher>;

impl HighlightTerms {
    /// The query word written `word`, added if new.
    fn word(&mut self, word: &str) -> usize {
        if let Some(i) = self
            .words
            .iter()
            .position(|w| w.shown == word && w.prefix.is_none())
        {
            return i;
        }
        let keys = keys_of(word);
        let stem = prose_stem(word);
        self.signature.add(&keys.exact);
        self.signature.add(&keys.folded);
        keys.translit.iter().for_each(|k| self.signature.add(k));
        // Related keys as the query asks for them (a one-sided short skeleton in
        // the other side's form), to compare with a unit word's own keys.
        let related: Vec<String> = keys
            .related
            .iter()
            .map(|k| query_key(k).into_owned())
            .collect();
        related.iter().for_each(|k| self.signature.add(k));
        if let Some(stem) = &stem {
            self.signature.add(stem);
        }
        self.words.push(QueryWord {
            shown: word.to_string(),
            exact: keys.exact.clone(),
            folded: keys.folded.clone(),
            translit: keys.translit.clone(),
            related,
            fuzzy: Vec::new(),
            fuzzy_folded: Vec::new(),
            prefix: None,
            stem,
            alone: false,
        });
        self.words.len() - 1
    }

    /// Adds one query word, highlighted wherever it matches.
    pub(crate) fn add_word(&mut self, word: &str) {
        let i = self.word(word);
        self.words[i].alone = true;
    }

    /// Adds a translit key of the index that query word `word` matched fuzzily.
    pub(crate) fn add_fuzzy(&mut self, word: &str, key: &str) {
        let i = self.word(word);
        self.words[i].fuzzy.push(key.to_string());
        self.loose = true;
    }

    /// Adds an indexed folded form that query word `word` matched as a typo.
    pub(crate) fn add_fuzzy_folded(&mut self, word: &str, folded: &str) {
        let i = self.word(word);
        self.words[i].fuzzy_folded.push(folded.to_string());
        self.loose = true;
    }

    /// Adds the folded prefix of a `word*` query (shown as `prefix*`).
    pub(crate) fn add_prefix(&mut self, folded: &str) {
        self.words.push(QueryWord {
            shown: format!("{folded}*"),
            exact: String::new(),
            folded: String::new(),
            translit: Vec::new(),
            related: Vec::new(),
            fuzzy: Vec::new(),
            fuzzy_folded: Vec::new(),
            prefix: Some(folded.to_string()),
            stem: None,
            alone: true,
        });
        self.loose = true;
    }

    /// Adds a quoted phrase, its words as written (stop words included) and the slop
    /// the query allows. Its words are highlighted where they stand as the phrase.
    pub(crate) fn add_phrase(&mut self, words: &[&str], slop: u32) {
        let mut phrase = Phrase { words: Vec::new() };
        let mut gap = 0usize;
        for w in words {
            if prose_stem(w).is_none() {
                // A stop word: the prose field skips it, keeping its position.
                gap += 1;
                continue;
            }
            let i = self.word(w);
            let allowed = if phrase.words.is_empty() {
                0
            } else {
                gap + slop as usize
            };
            phrase.words.push((i, allowed));
            gap = 0;
        }
        match phrase.words.len() {
            0 => {}
            1 => self.words[phrase.words[0].0].alone = true,
            _ => self.phrases.push(phrase),
        }
    }

    /// Whether nothing would ever be highlighted.
    pub(crate) fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The query words `word` matches, each with its closest channel.
    fn matches(&self, word: &str) -> Vec<(usize, MatchChannel)> {
        if !self.loose && !signature_of(word).meets(&self.signature) {
            return Vec::new();
        }
        let keys = keys_of(word);
        let mut stem: Option<Option<String>> = None;
        let mut out = Vec::new();
        for (i, q) in self.words.iter().enumerate() {
            let channel = if let Some(prefix) = &q.prefix {
                keys.folded
                    .starts_with(prefix.as_str())
                    .then_some(MatchChannel::Prefix)
            } else if q.exact == keys.exact {
                Some(MatchChannel::Exact)
            } else if q.folded == keys.folded {
                Some(MatchChannel::Folded)
            } else if keys.translit.iter().any(|k| q.translit.contains(k)) {
                Some(MatchChannel::Transliteration)
            } else if keys.related.iter().any(|k| q.related.contains(k)) {
                Some(MatchChannel::Related)
            } else if q.fuzzy_folded.contains(&keys.folded)
                || keys
                    .translit
                    .iter()
                    .any(|k| q.fuzzy.iter().any(|f| within_one_edit(f, k)))
            {
                Some(MatchChannel::Fuzzy)
            } else {
                let stem = stem.get_or_insert_with(|| prose_stem(word));
                match (stem, &q.stem) {
                    (Some(a), Some(b)) if a == b => Some(MatchChannel::Stem),
                    _ => None,
                }
            };
            if let Some(channel) = channel {
                out.push((i, channel));
            }
        }
        out
    }

    /// The closest channel among the query words of `found` that are highlighted on
    /// their own.
    fn closest_alone(&self, found: &[(usize, MatchChannel)]) -> Option<(usize, MatchChannel)> {
        found
            .iter()
            .filter(|(i, _)| self.words[*i].alone)
            .min_by_key(|(_, channel)| *channel)
            .copied()
    }

    /// The highlighted words of `text`, in order; `verdicts` remembers the words
    /// already matched for this page.
    pub(crate) fn highlights<'t>(
        &self,
        text: &'t str,
        verdicts: &mut Verdicts<'t>,
    ) -> Vec<Highlight> {
        if self.is_empty() {
            return Vec::new();
        }
        let all: Vec<(usize, &'t str)> = words(text).collect();
        let mut matched: Vec<Option<(usize, MatchChannel)>> = vec![None; all.len()];
        for (n, &(_, w)) in all.iter().enumerate() {
            let found = verdicts.entry(w).or_insert_with(|| self.matches(w));
            matched[n] = self.closest_alone(found);
        }
        // Words the index also keyed as one (`Ahmadi-Nejad` for `Ahmadinejad`,
        // `Abd El-Fattah` for `Abdelfattah`): marked together where none matched
        // alone, through the translit channel at best, as the index matched them.
        let written: Vec<&str> = all.iter().map(|&(_, w)| w).collect();
        let gap = |k: usize| Gap::of(text, all[k].0 + all[k].1.len(), all[k + 1].0);
        for (first, len) in joined_spans(&written, gap) {
            let span = first..first + len;
            if matched[span.clone()].iter().any(Option::is_some) {
                continue;
            }
            let found = self
                .closest_alone(&self.matches(&join(&written, (first, len))))
                .map(|(i, channel)| (i, channel.max(MatchChannel::Transliteration)));
            if found.is_some() {
                matched[span].iter_mut().for_each(|m| *m = found);
            }
        }
        if !self.phrases.is_empty() {
            self.mark_phrases(&all, verdicts, &mut matched);
        }
        all.iter()
            .zip(matched)
            .filter_map(|(&(start, w), m)| {
                m.map(|(i, channel)| Highlight {
                    start,
                    end: start + w.len(),
                    text: w.to_string(),
                    query: self.words[i].shown.clone(),
                    channel,
                })
            })
            .collect()
    }

    /// Marks the words of every occurrence of a phrase in `all`.
    fn mark_phrases<'t>(
        &self,
        all: &[(usize, &'t str)],
        verdicts: &Verdicts<'t>,
        matched: &mut [Option<(usize, MatchChannel)>],
    ) {
        let channel_of = |n: usize, query_word: usize| {
            verdicts
                .get(all[n].1)
                .and_then(|found| found.iter().find(|(i, _)| *i == query_word))
                .map(|&(_, channel)| channel)
        };
        for phrase in &self.phrases {
            let (first, _) = phrase.words[0];
            for start in 0..all.len() {
                let Some(channel) = channel_of(start, first) else {
                    continue;
                };
                let mut found = vec![(start, first, channel)];
                let mut at = start;
                for &(query_word, allowed) in &phrase.words[1..] {
                    let next = (at + 1..=(at + 1 + allowed).min(all.len().saturating_sub(1)))
                        .filter(|&n| n > at && n < all.len())
                        .find_map(|n| channel_of(n, query_word).map(|c| (n, c)));
                    match next {
                        Some((n, c)) => {
                            found.push((n, query_word, c));
                            at = n;
                        }
                        None => break,
                    }
                }
                if found.len() == phrase.words.len() {
                    for (n, query_word, channel) in found {
                        matched[n].get_or_insert((query_word, channel));
                    }
                }
            }
        }
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
/// highlighted words between the options' tags.
pub(crate) fn snippet(text: &str, highlights: &[Highlight], options: &SnippetOptions) -> String {
    if options.length == 0 {
        return String::new();
    }
    let (from, to) = window(text, highlights, options.length);
    let mut out = String::with_capacity(to - from + 32);
    if from > 0 {
        out.push('…');
    }
    let mut pos = from;
    for h in highlights.iter().filter(|h| h.start >= from && h.end <= to) {
        escape_into(&text[pos..h.start], &mut out);
        out.push_str(&options.pre_tag);
        escape_into(&text[h.start..h.end], &mut out);
        out.push_str(&options.post_tag);
        pos = h.end;
    }
    escape_into(&text[pos..to], &mut out);
    if to < text.len() {
        out.push('…');
    }
    out
}

/// The byte window shown: the whole text when short, else about `length` bytes
/// starting a little before the densest cluster of highlights, cut at word bounds.
fn window(text: &str, highlights: &[Highlight], length: usize) -> (usize, usize) {
    if text.len() <= length + length / 4 {
        return (0, text.len());
    }
    // The highlight that starts the window holding the most highlights.
    let mut best = (0usize, None::<usize>);
    for (i, h) in highlights.iter().enumerate() {
        let n = highlights[i..]
            .iter()
            .take_while(|o| o.end <= h.start + length * 3 / 4)
            .count();
        if n > best.0 {
            best = (n, Some(h.start));
        }
    }
    let anchor = best.1.unwrap_or(0);
    let mut from = anchor.saturating_sub(length / 4);
    if from > 0 {
        // Start at the beginning of a word.
        from = words(text)
            .map(|(s, _)| s)
            .find(|&s| s >= from)
            .unwrap_or(anchor)
            .min(anchor);
    }
    let mut to = (from + length).min(text.len());
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
            snippet(text, &hl, &SnippetOptions::default()),
            "whereas A&amp;B <b>tortured</b> <b>Bokayev</b>"
        );
    }

    #[test]
    fn long_text_is_cut_around_the_match_on_char_boundaries() {
        let text = format!("{} Bokayev {}", "ü ".repeat(300), "é ".repeat(300));
        let mut terms = HighlightTerms::default();
        terms.add_word("bokayev");
        let hl = terms.highlights(&text, &mut Verdicts::default());
        let s = snippet(&text, &hl, &SnippetOptions::default());
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
