//! Text analysis: how a unit's text becomes terms.
//!
//! Two families of analyzers share one word splitter ([`words`]):
//!
//! - prose (`text` field): NFKC normalisation, lower case, English stop words,
//!   English (Porter 2) stemming, ranked with BM25;
//! - names (`name_*` fields): every word goes through [`crate::token_keys`], and each
//!   channel's keys are indexed at the word's position with the word's offsets, so
//!   phrases and proximity work on keys just as they do on words.
//!
//! Invariant: filters never touch offsets; every token's offsets are the byte range of
//! its word in the text given to the analyzer.

use std::mem;

use tantivy::tokenizer::{
    Language, LowerCaser, Stemmer, StopWordFilter, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer, TokenizerManager,
};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::name::{token_keys, TokenKeys};

/// Analyzer name for prose.
pub(crate) const TEXT: &str = "whereas_text";
/// Analyzer name for the exact-spelling channel.
pub(crate) const NAME_EXACT: &str = "whereas_name_exact";
/// Analyzer name for the folded channel.
pub(crate) const NAME_FOLDED: &str = "whereas_name_folded";
/// Analyzer name for the transliteration channel.
pub(crate) const NAME_TRANSLIT: &str = "whereas_name_translit";
/// Analyzer name for the related-forms channel.
pub(crate) const NAME_RELATED: &str = "whereas_name_related";
/// Analyzer name for entity fields (`person`, `org`, …): exact, folded and translit keys.
pub(crate) const ENTITY: &str = "whereas_entity";

/// Registers every whereas analyzer with an index's tokenizer manager.
pub(crate) fn register(manager: &TokenizerManager) {
    manager.register(TEXT, text_analyzer());
    for (name, channel) in [
        (NAME_EXACT, KeyChannel::Exact),
        (NAME_FOLDED, KeyChannel::Folded),
        (NAME_TRANSLIT, KeyChannel::Translit),
        (NAME_RELATED, KeyChannel::Related),
        (ENTITY, KeyChannel::Entity),
    ] {
        manager.register(name, name_analyzer(channel));
    }
}

/// The prose analyzer.
pub(crate) fn text_analyzer() -> TextAnalyzer {
    let builder = TextAnalyzer::builder(WordTokenizer)
        .filter(Nfkc)
        .filter(LowerCaser);
    match StopWordFilter::new(Language::English) {
        Some(stop) => builder
            .filter(stop)
            .filter(Stemmer::new(Language::English))
            .build(),
        None => builder.filter(Stemmer::new(Language::English)).build(),
    }
}

/// The analyzer of one name channel.
pub(crate) fn name_analyzer(channel: KeyChannel) -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer)
        .filter(NameKeys::new(channel))
        .build()
}

/// Is `c` part of a word? Letters, digits and combining marks.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Apostrophes that may sit inside a word (`O'Brien`, `Kazakhstan’s`, `Sh’`).
fn is_inner_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | 'ʻ' | '‘' | '`')
}

/// Splits text into words with their byte offsets: runs of letters, digits and
/// combining marks, joined across single apostrophes. Hyphens, spaces and other
/// punctuation separate words.
pub(crate) fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

/// Iterator returned by [`words`]: `(start, word)` pairs.
pub(crate) struct Words<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let rest = self.text.get(self.pos..)?;
        let (skip, _) = rest.char_indices().find(|&(_, c)| is_word_char(c))?;
        let start = self.pos + skip;
        let mut end = start;
        let mut chars = self.text[start..].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if is_word_char(c) {
                end = start + i + c.len_utf8();
            } else if is_inner_apostrophe(c)
                && chars.peek().is_some_and(|&(_, next)| is_word_char(next))
            {
                continue;
            } else {
                break;
            }
        }
        self.pos = end;
        Some((start, &self.text[start..end]))
    }
}

/// Tokenizer over [`words`]: one token per word, text as written.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordTokenizer;

/// Token stream of [`WordTokenizer`].
pub(crate) struct WordTokenStream<'a> {
    words: Words<'a>,
    token: Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        WordTokenStream {
            words: words(text),
            token: Token::default(),
        }
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        match self.words.next() {
            Some((start, word)) => {
                self.token.position = self.token.position.wrapping_add(1);
                self.token.offset_from = start;
                self.token.offset_to = start + word.len();
                self.token.text.clear();
                self.token.text.push_str(word);
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// Token filter: NFKC normalisation, typographic apostrophes made ASCII.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Nfkc;

impl TokenFilter for Nfkc {
    type Tokenizer<T: Tokenizer> = NfkcFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> NfkcFilter<T> {
        NfkcFilter {
            tokenizer,
            buffer: String::new(),
        }
    }
}

/// Tokenizer wrapper of [`Nfkc`].
#[derive(Clone)]
pub(crate) struct NfkcFilter<T> {
    tokenizer: T,
    buffer: String,
}

impl<T: Tokenizer> Tokenizer for NfkcFilter<T> {
    type TokenStream<'a> = NfkcStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.buffer.clear();
        NfkcStream {
            tail: self.tokenizer.token_stream(text),
            buffer: &mut self.buffer,
        }
    }
}

/// Token stream of [`Nfkc`].
pub(crate) struct NfkcStream<'a, T> {
    tail: T,
    buffer: &'a mut String,
}

impl<T: TokenStream> TokenStream for NfkcStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let text = &self.tail.token().text;
        if text.is_ascii() {
            return true;
        }
        self.buffer.clear();
        self.buffer.extend(
            text.nfkc()
                .map(|c| if is_inner_apostrophe(c) { '\'' } else { c }),
        );
        mem::swap(&mut self.tail.token_mut().text, self.buffer);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Which keys of [`TokenKeys`] a name field indexes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyChannel {
    /// `exact` only.
    Exact,
    /// `folded` only.
    Folded,
    /// Every `translit` key.
    Translit,
    /// Every `related` key.
    Related,
    /// `exact`, `folded` and `translit` together (entity fields).
    Entity,
}

/// Keys of one word, NFC-normalised first so that composed and decomposed input agree.
pub(crate) fn keys_of(word: &str) -> TokenKeys {
    if word.is_ascii() || is_nfc_quick(word.chars()) == IsNormalized::Yes {
        token_keys(word)
    } else {
        token_keys(&word.nfc().collect::<String>())
    }
}

/// Pushes the keys of `channel`, without duplicates and without empty keys, onto `out`.
pub(crate) fn channel_keys(keys: &TokenKeys, channel: KeyChannel, out: &mut Vec<String>) {
    let mut push = |key: &str| {
        if !key.is_empty() && !out.iter().any(|k| k == key) {
            out.push(key.to_string());
        }
    };
    match channel {
        KeyChannel::Exact => push(&keys.exact),
        KeyChannel::Folded => push(&keys.folded),
        KeyChannel::Translit => keys.translit.iter().for_each(|k| push(k)),
        KeyChannel::Related => keys.related.iter().for_each(|k| push(k)),
        KeyChannel::Entity => {
            push(&keys.exact);
            push(&keys.folded);
            keys.translit.iter().for_each(|k| push(k));
        }
    }
}

/// Token filter: replaces each word by the keys of one channel, all at the word's
/// position and with the word's offsets. A word with no key in the channel leaves a
/// gap, as a stop word does.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NameKeys {
    channel: KeyChannel,
}

impl NameKeys {
    /// A filter for one channel.
    pub(crate) fn new(channel: KeyChannel) -> NameKeys {
        NameKeys { channel }
    }
}

impl TokenFilter for NameKeys {
    type Tokenizer<T: Tokenizer> = NameKeysFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> NameKeysFilter<T> {
        NameKeysFilter {
            tokenizer,
            channel: self.channel,
            pending: Vec::new(),
        }
    }
}

/// Tokenizer wrapper of [`NameKeys`].
#[derive(Clone)]
pub(crate) struct NameKeysFilter<T> {
    tokenizer: T,
    channel: KeyChannel,
    pending: Vec<String>,
}

impl<T: Tokenizer> Tokenizer for NameKeysFilter<T> {
    type TokenStream<'a> = NameKeysStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.pending.clear();
        NameKeysStream {
            tail: self.tokenizer.token_stream(text),
            channel: self.channel,
            pending: &mut self.pending,
        }
    }
}

/// Token stream of [`NameKeys`]: keys still to emit for the current word sit in
/// `pending`, in reverse order.
pub(crate) struct NameKeysStream<'a, T> {
    tail: T,
    channel: KeyChannel,
    pending: &'a mut Vec<String>,
}

impl<T: TokenStream> TokenStream for NameKeysStream<'_, T> {
    fn advance(&mut self) -> bool {
        loop {
            if let Some(key) = self.pending.pop() {
                self.tail.token_mut().text = key;
                return true;
            }
            if !self.tail.advance() {
                return false;
            }
            let keys = keys_of(&self.tail.token().text);
            channel_keys(&keys, self.channel, self.pending);
            self.pending.reverse();
        }
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(mut analyzer: TextAnalyzer, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        analyzer
            .token_stream(text)
            .process(&mut |t| out.push(t.clone()));
        out
    }

    pub(crate) fn assert_token(token: &Token, position: usize, text: &str, from: usize, to: usize) {
        assert_eq!(token.position, position, "position of {token:?}");
        assert_eq!(token.text, text, "text of {token:?}");
        assert_eq!(token.offset_from, from, "offset_from of {token:?}");
        assert_eq!(token.offset_to, to, "offset_to of {token:?}");
    }

    #[test]
    fn words_keep_inner_apostrophes_and_split_hyphens() {
        let got: Vec<_> = words("EU-Kazakhstan’s  O'Brien, 12 cafés '").collect();
        assert_eq!(
            got,
            [
                (0, "EU"),
                (3, "Kazakhstan’s"),
                (19, "O'Brien"),
                (28, "12"),
                (31, "cafés")
            ]
        );
    }

    #[test]
    fn words_accept_decomposed_diacritics() {
        let text = "Zhanaozen Jan\u{0301}aozen";
        let got: Vec<_> = words(text).map(|(_, w)| w).collect();
        assert_eq!(got, ["Zhanaozen", "Jan\u{0301}aozen"]);
    }

    #[test]
    fn prose_is_stemmed_without_stop_words_and_keeps_offsets() {
        let t = tokens(text_analyzer(), "The Tortured ﬁles");
        assert_eq!(t.len(), 2);
        assert_token(&t[0], 1, "tortur", 4, 12);
        assert_token(&t[1], 2, "file", 13, 19);
    }

    #[test]
    fn name_channels_index_keys_at_word_positions() {
        let t = tokens(name_analyzer(KeyChannel::Exact), "Max Bokayev");
        assert_token(&t[0], 0, &token_keys("Max").exact, 0, 3);
        assert_token(&t[1], 1, &token_keys("Bokayev").exact, 4, 11);
        let t = tokens(name_analyzer(KeyChannel::Translit), "Max Bokayev");
        let expected: usize = ["Max", "Bokayev"]
            .iter()
            .map(|w| {
                let mut v = Vec::new();
                channel_keys(&token_keys(w), KeyChannel::Translit, &mut v);
                v.len()
            })
            .sum();
        assert_eq!(t.len(), expected);
        assert!(t.iter().all(|t| t.position <= 1));
    }

    #[test]
    fn several_keys_of_one_word_share_its_position_and_offsets() {
        let mut keys = Vec::new();
        channel_keys(&token_keys("Jumagulov"), KeyChannel::Translit, &mut keys);
        let t = tokens(name_analyzer(KeyChannel::Translit), "Aigul Jumagulov");
        let of_word: Vec<&Token> = t.iter().filter(|t| t.offset_from == 6).collect();
        assert_eq!(of_word.len(), keys.len());
        for (token, key) in of_word.iter().zip(&keys) {
            assert_token(token, 1, key, 6, 15);
        }
    }
}
