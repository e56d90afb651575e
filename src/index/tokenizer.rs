//! The tantivy side of analysis: thin `Tokenizer` adapters over [`crate::analysis`].
//!
//! Two families of analyzers share the one word splitter:
//!
//! - prose (`text` field): each word's prose term (NFKC, lower case, English stop words
//!   dropped, Porter 2 stem), ranked with BM25;
//! - names (`name_*` fields and the entity fields): each name-like word's keys on the
//!   field's channel, at the word's position with the word's offsets, so phrases and
//!   proximity work on keys just as they do on words.
//!
//! Invariant: filters never touch offsets; every token's offsets are the byte range of
//! its word in the text given to the analyzer.

use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer, TokenizerManager};

use crate::analysis::keys::{text_keys, word_candidate, FieldKeys, TextKeys};
use crate::analysis::name::Channel;
use crate::analysis::prose::prose_term;
use crate::analysis::words::{words, Words};

use std::rc::Rc;

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
    for (name, keys) in [
        (NAME_EXACT, FieldKeys::Channel(Channel::Exact)),
        (NAME_FOLDED, FieldKeys::Channel(Channel::Folded)),
        (NAME_TRANSLIT, FieldKeys::Channel(Channel::Translit)),
        (NAME_RELATED, FieldKeys::Channel(Channel::Related)),
        (ENTITY, FieldKeys::Entity),
    ] {
        manager.register(name, name_analyzer(keys));
    }
}

/// The prose analyzer: [`words`], each replaced by its prose term, stop words skipped
/// (their positions kept).
pub(crate) fn text_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(Prose)
}

/// The analyzer of one name field.
pub(crate) fn name_analyzer(keys: FieldKeys) -> TextAnalyzer {
    TextAnalyzer::from(NameKeyTokenizer::new(keys))
}

/// Tokenizer of the prose analyzer (see [`text_analyzer`]).
#[derive(Clone, Copy, Debug, Default)]
struct Prose;

impl Tokenizer for Prose {
    type TokenStream<'a> = ProseStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ProseStream<'a> {
        ProseStream {
            words: words(text),
            token: Token::default(),
        }
    }
}

/// Token stream of [`Prose`]: stop words are skipped but keep their positions.
struct ProseStream<'a> {
    words: Words<'a>,
    token: Token,
}

impl TokenStream for ProseStream<'_> {
    fn advance(&mut self) -> bool {
        for (start, word) in self.words.by_ref() {
            self.token.position = self.token.position.wrapping_add(1);
            if prose_term(word, &mut self.token.text) {
                self.token.offset_from = start;
                self.token.offset_to = start + word.len();
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// Tokenizer of one name field: splits text into [`words`] and replaces each
/// name-like word ([`is_name_like`]; every word for the entity channel) by the keys
/// of the channel, all at the word's position and with the word's offsets. On the
/// translit and related channels, words a name may also write as one
/// (`crate::analysis::joined`: `Ahmadi-Nejad`, `Abdul Hadi`) add the keys of the
/// joined word at the first word's position. A word with no key in the channel
/// leaves a gap, as a stop word does.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NameKeyTokenizer {
    keys: FieldKeys,
}

impl NameKeyTokenizer {
    /// A tokenizer for one channel.
    pub(crate) fn new(keys: FieldKeys) -> NameKeyTokenizer {
        NameKeyTokenizer { keys }
    }
}

impl Tokenizer for NameKeyTokenizer {
    type TokenStream<'a> = NameKeysStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> NameKeysStream {
        NameKeysStream {
            // Entity texts are names as a whole (`Court of Human Rights`): every word.
            analysis: text_keys(text, self.keys == FieldKeys::Entity),
            keys: self.keys,
            word: 0,
            candidate: 0,
            token: Token::default(),
        }
    }
}

/// Token stream of [`NameKeyTokenizer`]: walks the words of the analysed text and, for
/// each, the candidate keys of the channel.
pub(crate) struct NameKeysStream {
    analysis: Rc<TextKeys>,
    keys: FieldKeys,
    word: usize,
    candidate: usize,
    token: Token,
}

impl TokenStream for NameKeysStream {
    fn advance(&mut self) -> bool {
        loop {
            let Some(word) = self.analysis.words.get(self.word) else {
                return false;
            };
            let i = self.candidate;
            self.candidate += 1;
            let Some(key) = word_candidate(word, self.keys, i) else {
                self.word += 1;
                self.candidate = 0;
                continue;
            };
            if key.is_empty() || (0..i).any(|j| word_candidate(word, self.keys, j) == Some(key)) {
                continue;
            }
            self.token.position = self.word;
            self.token.offset_from = word.from;
            self.token.offset_to = word.to;
            self.token.text.clear();
            self.token.text.push_str(key);
            return true;
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use std::mem;

    use tantivy::tokenizer::{Language, LowerCaser, Stemmer, StopWordFilter, TokenFilter};
    use unicode_normalization::UnicodeNormalization;

    use super::*;
    use crate::analysis::keys::{channel_keys, is_name_like};
    use crate::analysis::name::token_keys;
    use crate::analysis::words::is_inner_apostrophe;

    /// tantivy's own prose chain over [`words`]: the reference the prose analyzer, which
    /// computes terms without tantivy, must agree with.
    fn prose_filters<T: Tokenizer>(tokenizer: T) -> TextAnalyzer {
        let builder = TextAnalyzer::builder(tokenizer)
            .filter(Nfkc)
            .filter(LowerCaser);
        let stop = StopWordFilter::new(Language::English).expect("English stop words");
        builder
            .filter(stop)
            .filter(Stemmer::new(Language::English))
            .build()
    }

    /// Tokenizer over [`words`]: one token per word, text as written. The analyzers read
    /// [`words`] directly; this is the word-by-word reference their tests compare with.
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
    struct Nfkc;

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
    struct NfkcFilter<T> {
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
    struct NfkcStream<'a, T> {
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
    fn prose_is_stemmed_without_stop_words_and_keeps_offsets() {
        let t = tokens(text_analyzer(), "The Tortured ﬁles");
        assert_eq!(t.len(), 2);
        assert_token(&t[0], 1, "tortur", 4, 12);
        assert_token(&t[1], 2, "file", 13, 19);
    }

    #[test]
    fn name_channels_index_keys_at_word_positions() {
        let t = tokens(name_analyzer(Channel::Exact.into()), "Max Bokayev");
        assert_token(&t[0], 0, &token_keys("Max").exact, 0, 3);
        assert_token(&t[1], 1, &token_keys("Bokayev").exact, 4, 11);
        // The translit channel also keys two words as one, at the first's position.
        let t = tokens(name_analyzer(Channel::Translit.into()), "Max Bokayev");
        let keys = |w: &str| {
            let mut v = Vec::new();
            channel_keys(&token_keys(w), Channel::Translit, &mut v);
            v
        };
        let mut at_max = keys("Max");
        for key in keys("MaxBokayev") {
            if !at_max.contains(&key) {
                at_max.push(key);
            }
        }
        let got = |p: usize| -> Vec<String> {
            t.iter()
                .filter(|t| t.position == p)
                .map(|t| t.text.clone())
                .collect()
        };
        assert_eq!(got(0), at_max);
        assert_eq!(got(1), keys("Bokayev"));
        assert_eq!(t.len(), at_max.len() + keys("Bokayev").len());
        // The exact channel keys the words as written only.
        let t = tokens(name_analyzer(Channel::Exact.into()), "Max Bokayev");
        assert_eq!(t.len(), 2);
    }

    /// What a name channel must emit: every word's channel keys at the word's
    /// position with the word's offsets, computed word by word; then, on the translit
    /// and related channels, the keys of the spans joined from the word.
    fn reference_tokens(channel: FieldKeys, text: &str) -> Vec<(usize, String, usize, usize)> {
        let key_list = |word: &str| {
            let mut keys = Vec::new();
            channel_keys(
                &token_keys(
                    &crate::analysis::words::bare_name(word)
                        .nfc()
                        .collect::<String>(),
                ),
                channel,
                &mut keys,
            );
            keys
        };
        let all: Vec<(usize, &str)> = words(text).collect();
        let written: Vec<&str> = all.iter().map(|&(_, w)| w).collect();
        let spans = crate::analysis::joined::joined_spans(&written, |k| {
            crate::analysis::joined::Gap::of(text, all[k].0 + all[k].1.len(), all[k + 1].0)
        });
        let joins = matches!(
            channel,
            FieldKeys::Channel(Channel::Translit | Channel::Related)
        );
        let mut out = Vec::new();
        for (position, &(from, word)) in all.iter().enumerate() {
            let mut keys = if channel != FieldKeys::Entity && !is_name_like(word) {
                Vec::new()
            } else {
                key_list(word)
            };
            for &span in spans.iter().filter(|s| joins && s.0 == position) {
                for key in key_list(&crate::analysis::joined::join(&written, span)) {
                    if !keys.contains(&key) {
                        keys.push(key);
                    }
                }
            }
            for key in keys {
                out.push((position, key, from, from + word.len()));
            }
        }
        out
    }

    #[test]
    fn lower_case_words_leave_gaps_in_name_channels_only() {
        let text = "the journalist Max Bokayev";
        let positions = |channel| -> Vec<usize> {
            tokens(name_analyzer(channel), text)
                .into_iter()
                .map(|t| t.position)
                .collect()
        };
        assert_eq!(positions(Channel::Exact.into()), [2, 3]);
        assert_eq!(positions(FieldKeys::Entity).first(), Some(&0));
    }

    #[test]
    fn one_analysis_per_text_gives_each_channel_its_keys() {
        let texts = [
            "Max Bokayev, Жұмағұлов and Muchtar Abisheva's café",
            "",
            "— ; 12 O'Brien Cafe\u{301} Zhanaozen",
            "Max Bokayev, Жұмағұлов and Muchtar Abisheva's café",
        ];
        // Channels interleaved across texts, and the same text met again, as the
        // indexer and the query side do.
        for _ in 0..2 {
            for text in texts {
                for channel in [
                    Channel::Exact.into(),
                    Channel::Folded.into(),
                    Channel::Translit.into(),
                    Channel::Related.into(),
                    FieldKeys::Entity,
                ] {
                    let got: Vec<_> = tokens(name_analyzer(channel), text)
                        .into_iter()
                        .map(|t| (t.position, t.text, t.offset_from, t.offset_to))
                        .collect();
                    assert_eq!(got, reference_tokens(channel, text), "{channel:?} {text}");
                }
            }
        }
    }

    #[test]
    fn remembered_prose_terms_are_the_word_by_word_terms() {
        let texts = [
            "The Tortured ﬁles of the journalists’ families, and O'Brien's cafés",
            "whereas WHEREAS Whereas; detention, detained, detainees — 2021 Жұмағұлов",
            "The Tortured ﬁles of the journalists’ families, and O'Brien's cafés",
            "",
        ];
        for text in texts {
            let got = tokens(text_analyzer(), text);
            let expected = tokens(prose_filters(WordTokenizer), text);
            assert!(!expected.is_empty() || text.is_empty());
            assert_eq!(got, expected, "{text}");
        }
    }

    #[test]
    fn several_keys_of_one_word_share_its_position_and_offsets() {
        let mut keys = Vec::new();
        channel_keys(&token_keys("Jumagulov"), Channel::Translit, &mut keys);
        let t = tokens(name_analyzer(Channel::Translit.into()), "Aigul Jumagulov");
        let of_word: Vec<&Token> = t.iter().filter(|t| t.offset_from == 6).collect();
        assert_eq!(of_word.len(), keys.len());
        for (token, key) in of_word.iter().zip(&keys) {
            assert_token(token, 1, key, 6, 15);
        }
    }
}
