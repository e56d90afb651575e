//! Words → prose terms: what the stemmed prose field indexes for a word.
//!
//! A word is NFKC-normalised (typographic apostrophes made ASCII), lower-cased, dropped
//! if it is an English stop word, else stemmed with the Snowball English (Porter 2)
//! stemmer of `rust-stemmers`. This is the chain tantivy's `LowerCaser`,
//! `StopWordFilter::new(Language::English)` and `Stemmer::new(Language::English)` apply;
//! a test in the index layer checks the two agree word for word. It lives here, without
//! tantivy, so that entity code, highlighting and builds without the index feature read
//! prose the way the index does.
//!
//! Each distinct word's outcome is remembered per thread: prose repeats its words.

use std::cell::RefCell;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

use super::words::is_inner_apostrophe;

/// English stop words: the list of Lucene's `EnglishAnalyzer`, which tantivy's
/// `StopWordFilter::new(Language::English)` also uses.
const STOP_WORDS: [&str; 33] = [
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
    "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these",
    "they", "this", "to", "was", "will", "with",
];

/// Most words [`prose_stem`] remembers per thread before it starts afresh.
const PROSE_CACHE_WORDS: usize = 1 << 16;

thread_local! {
    /// The English stemmer, built once per thread.
    static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
    /// Word → its prose term (`None`: a stop word). Stemming is a pure function of the
    /// word, and prose repeats its words.
    static PROSE_CACHE: RefCell<FxHashMap<String, Option<String>>> =
        RefCell::new(FxHashMap::default());
}

/// The prose term of `word` computed afresh: NFKC, lower case, stop words dropped, stem.
fn compute(word: &str) -> Option<String> {
    let mut lower = String::with_capacity(word.len());
    if word.is_ascii() {
        lower.push_str(word);
        lower.make_ascii_lowercase();
    } else {
        // As tantivy's LowerCaser: char by char, without the final-sigma rule.
        for c in word.nfkc() {
            let c = if is_inner_apostrophe(c) { '\'' } else { c };
            lower.extend(c.to_lowercase());
        }
    }
    if STOP_WORDS.contains(&lower.as_str()) {
        return None;
    }
    Some(STEMMER.with(|stemmer| stemmer.stem(&lower).into_owned()))
}

/// Writes the prose term of `word` into `out`; false (and `out` empty) if the word is a
/// stop word.
pub(crate) fn prose_term(word: &str, out: &mut String) -> bool {
    PROSE_CACHE.with(|cache| {
        out.clear();
        if let Some(term) = cache.borrow().get(word) {
            if let Some(term) = term {
                out.push_str(term);
            }
            return term.is_some();
        }
        let term = compute(word);
        if let Some(term) = &term {
            out.push_str(term);
        }
        let found = term.is_some();
        let mut cache = cache.borrow_mut();
        if cache.len() >= PROSE_CACHE_WORDS {
            cache.clear();
        }
        cache.insert(word.to_string(), term);
        found
    })
}

/// The prose term (stem) of one word, `None` for a stop word: what the prose field
/// indexes for it.
pub(crate) fn prose_stem(word: &str) -> Option<String> {
    let mut out = String::new();
    prose_term(word, &mut out).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_have_no_term_and_other_words_are_stemmed() {
        assert_eq!(prose_stem("the"), None);
        assert_eq!(prose_stem("The"), None);
        assert_eq!(prose_stem("prisoners").as_deref(), Some("prison"));
        assert_eq!(prose_stem("Detained").as_deref(), Some("detain"));
    }

    #[test]
    fn remembered_terms_are_the_computed_terms() {
        for word in [
            "Kazakhstan’s",
            "ﬁnes",
            "ÉLECTIONS",
            "torture",
            "and",
            "Жумагулов",
        ] {
            let first = prose_stem(word);
            assert_eq!(first, compute(word), "{word}");
            assert_eq!(prose_stem(word), first, "{word}, remembered");
        }
    }
}
