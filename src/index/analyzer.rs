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

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::mem;
use std::rc::Rc;

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

/// The prose analyzer: [`words`], each made NFKC, lower case, dropped if an English
/// stop word, else stemmed. Each distinct word's outcome is remembered per thread
/// (see [`prose_term`]).
pub(crate) fn text_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(Prose)
}

/// The filters the prose analyzer applies to each word, in order.
fn prose_filters<T: Tokenizer>(tokenizer: T) -> TextAnalyzer {
    let builder = TextAnalyzer::builder(tokenizer)
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

/// Tokenizer that gives its whole input as one token: runs [`prose_filters`] on one word.
#[derive(Clone, Copy, Debug, Default)]
struct WholeText;

impl Tokenizer for WholeText {
    type TokenStream<'a> = WholeTextStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WholeTextStream {
        WholeTextStream {
            token: Token {
                offset_from: 0,
                offset_to: text.len(),
                position: 0,
                text: text.to_string(),
                position_length: 1,
            },
            done: false,
        }
    }
}

/// Token stream of [`WholeText`].
struct WholeTextStream {
    token: Token,
    done: bool,
}

impl TokenStream for WholeTextStream {
    fn advance(&mut self) -> bool {
        !mem::replace(&mut self.done, true)
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// Most words [`prose_term`] remembers per thread before it starts afresh.
const PROSE_CACHE_WORDS: usize = 1 << 16;

thread_local! {
    /// The prose filters, built once per thread.
    static PROSE_FILTERS: RefCell<TextAnalyzer> = RefCell::new(prose_filters(WholeText));
    /// Word → its prose term (`None`: a stop word). Stemming is a pure function of the
    /// word, and prose repeats its words.
    static PROSE_CACHE: RefCell<HashMap<String, Option<String>, BuildHasherDefault<FxHasher>>> =
        RefCell::new(HashMap::default());
}

/// The prose term (stem) of one word, `None` for a stop word: what the `text` field
/// indexes for it. Remembered per thread, like [`keys_of`].
pub(crate) fn prose_stem(word: &str) -> Option<String> {
    let mut out = String::new();
    prose_term(word, &mut out).then_some(out)
}

/// Writes the prose term of `word` into `out`; false if the word is a stop word.
fn prose_term(word: &str, out: &mut String) -> bool {
    PROSE_CACHE.with(|cache| {
        if let Some(term) = cache.borrow().get(word) {
            out.clear();
            if let Some(term) = term {
                out.push_str(term);
            }
            return term.is_some();
        }
        let term = PROSE_FILTERS.with(|filters| {
            let mut filters = filters.borrow_mut();
            let mut stream = filters.token_stream(word);
            stream.advance().then(|| stream.token().text.clone())
        });
        out.clear();
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

/// The analyzer of one name channel.
pub(crate) fn name_analyzer(channel: KeyChannel) -> TextAnalyzer {
    TextAnalyzer::from(NameKeys::new(channel))
}

/// Is `c` part of a word? Letters, digits and combining marks.
///
/// The Latin letters with diacritics (U+00C0–U+024F) and the Cyrillic block
/// (U+0400–U+04FF, Kazakh letters included) are answered from their ranges, without
/// the Unicode tables: every character there is a letter or a combining mark but the
/// three listed. A test checks every character of both ranges against the tables.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match c {
        '\u{C0}'..='\u{24F}' => !matches!(c, '×' | '÷'),
        '\u{400}'..='\u{4FF}' => c != '\u{482}',
        _ => c.is_alphanumeric() || is_combining_mark(c),
    }
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
        // Bytes below 0x80 are whole ASCII characters and decide on their own; only
        // the rest are decoded. Most text of the corpus is ASCII.
        let text = self.text;
        let bytes = text.as_bytes();
        let char_at = |i: usize| text.get(i..).and_then(|rest| rest.chars().next());
        let mut i = self.pos;
        let start = loop {
            let &b = bytes.get(i)?;
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break i;
                }
                i += 1;
            } else {
                let c = char_at(i)?;
                if is_word_char(c) {
                    break i;
                }
                i += c.len_utf8();
            }
        };
        let mut end = start;
        while let Some(&b) = bytes.get(i) {
            let c = if b.is_ascii() {
                char::from(b)
            } else {
                char_at(i).unwrap_or(char::REPLACEMENT_CHARACTER)
            };
            let len = c.len_utf8();
            if is_word_char(c) {
                i += len;
                end = i;
                continue;
            }
            // An apostrophe joins two runs of word characters.
            if is_inner_apostrophe(c) && char_at(i + len).is_some_and(is_word_char) {
                i += len;
                continue;
            }
            break;
        }
        self.pos = end;
        Some((start, &text[start..end]))
    }
}

/// Tokenizer over [`words`]: one token per word, text as written. The analyzers read
/// [`words`] directly; this is the word-by-word reference their tests compare with.
#[cfg(test)]
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordTokenizer;

/// Token stream of [`WordTokenizer`].
#[cfg(test)]
pub(crate) struct WordTokenStream<'a> {
    words: Words<'a>,
    token: Token,
}

#[cfg(test)]
impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        WordTokenStream {
            words: words(text),
            token: Token::default(),
        }
    }
}

#[cfg(test)]
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

/// Most words [`keys_of`] remembers per thread before it starts afresh.
const KEY_CACHE_WORDS: usize = 1 << 16;

/// FxHash (the rustc hasher): the key cache is hit once per word of every unit, and
/// SipHash's flood resistance buys nothing for a per-thread, size-bounded cache.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut add = |w: u64| self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            add(u64::from_le_bytes(b));
        }
        for &b in chunks.remainder() {
            add(u64::from(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type KeyCache = HashMap<String, Rc<KeyEntry>, BuildHasherDefault<FxHasher>>;

/// A word's keys as the per-thread cache holds them, with the word's [`Signature`]
/// once asked for.
pub(crate) struct KeyEntry {
    keys: TokenKeys,
    signature: Cell<Option<Signature>>,
}

impl std::ops::Deref for KeyEntry {
    type Target = TokenKeys;

    fn deref(&self) -> &TokenKeys {
        &self.keys
    }
}

/// A 512-bit Bloom signature of a set of keys: one bit per key, from its FxHash. Two
/// sets that share a key share a bit, so signatures that share no bit tell, with two
/// loads and eight ANDs, that two words cannot match (highlighting asks this of
/// every word of every hit).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Signature([u64; 8]);

impl Signature {
    /// Adds one key.
    pub(crate) fn add(&mut self, key: &str) {
        use std::hash::Hasher;
        let mut h = FxHasher::default();
        h.write(key.as_bytes());
        h.write_u8(0xff);
        let bit = (h.finish() >> 32) as usize % 512;
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    /// Whether the two signatures share a bit (the sets may share a key).
    pub(crate) fn meets(&self, other: &Signature) -> bool {
        self.0.iter().zip(&other.0).any(|(a, b)| a & b != 0)
    }
}

/// The signature of everything a word can match through: its exact, folded,
/// translit and related keys and its prose stem. Remembered with the word's keys.
pub(crate) fn signature_of(word: &str) -> Signature {
    let entry = keys_of(word);
    if let Some(signature) = entry.signature.get() {
        return signature;
    }
    let mut signature = Signature::default();
    signature.add(&entry.exact);
    signature.add(&entry.folded);
    entry.translit.iter().for_each(|k| signature.add(k));
    entry.related.iter().for_each(|k| signature.add(k));
    if let Some(stem) = prose_stem(word) {
        signature.add(&stem);
    }
    entry.signature.set(Some(signature));
    signature
}

thread_local! {
    /// Keys of recently seen words. Prose repeats its words, and highlighting and
    /// querying meet the same words again, so without this most of indexing is spent
    /// recomputing the same keys. `token_keys` is deterministic, so a remembered
    /// answer is the answer.
    static KEY_CACHE: RefCell<KeyCache> = RefCell::new(KeyCache::default());

    /// The words and keys of the last text the name analyzers saw. A unit's text is
    /// analysed by the four name channels one after the other, so the words are split
    /// and keyed once per unit, not once per channel. The analysis is a pure function
    /// of the text, so a remembered analysis of equal text is the analysis.
    static LAST_TEXT: RefCell<Option<Rc<TextKeys>>> = const { RefCell::new(None) };
}

/// Keys of one word, NFC-normalised first so that composed and decomposed input agree;
/// shared with the per-thread cache, not copied.
pub(crate) fn keys_of(word: &str) -> Rc<KeyEntry> {
    KEY_CACHE.with(|cache| {
        if let Some(keys) = cache.borrow().get(word) {
            return Rc::clone(keys);
        }
        let keys = Rc::new(KeyEntry {
            keys: if word.is_ascii() || is_nfc_quick(word.chars()) == IsNormalized::Yes {
                token_keys(word)
            } else {
                token_keys(&word.nfc().collect::<String>())
            },
            signature: Cell::new(None),
        });
        let mut cache = cache.borrow_mut();
        if cache.len() >= KEY_CACHE_WORDS {
            cache.clear();
        }
        cache.insert(word.to_string(), Rc::clone(&keys));
        keys
    })
}

/// Whether the prose term of `word` is in `stems` (false for a stop word), without
/// allocating when the word has been seen before.
pub(crate) fn prose_stem_in<S: std::hash::BuildHasher>(
    word: &str,
    stems: &std::collections::HashSet<String, S>,
) -> bool {
    if stems.is_empty() {
        return false;
    }
    let hit = PROSE_CACHE.with(|cache| {
        cache
            .borrow()
            .get(word)
            .map(|term| term.as_ref().is_some_and(|t| stems.contains(t)))
    });
    hit.unwrap_or_else(|| prose_stem(word).is_some_and(|s| stems.contains(&s)))
}

/// Whether a word may be (part of) a name, and so gets name keys in the index: it has
/// a capital letter (`Zhumagulov`, `McCarthy`, `ABLYAZOV`, `Жумагулов`) or letters
/// of a script without case. Lower-case words are prose, searched through their
/// stems; skipping them keeps most of the text out of the four name fields.
pub(crate) fn is_name_like(word: &str) -> bool {
    word.chars().any(|c| {
        if c.is_ascii() {
            c.is_ascii_uppercase()
        } else {
            c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase())
        }
    })
}

/// One word of an analysed text: its byte range and its keys (`None`: the word
/// takes no name keys, see [`is_name_like`]).
struct WordKeys {
    from: usize,
    to: usize,
    keys: Option<Rc<KeyEntry>>,
}

/// A text split into [`words`], each with its keys.
struct TextKeys {
    text: String,
    /// Whether every word was keyed, or only the name-like ones.
    every_word: bool,
    words: Vec<WordKeys>,
}

/// The words and keys of `text` (of every word, or of the name-like ones), reusing
/// the last analysis when the text is the same.
fn text_keys(text: &str, every_word: bool) -> Rc<TextKeys> {
    LAST_TEXT.with(|last| {
        if let Some(done) = last
            .borrow()
            .as_ref()
            .filter(|done| done.every_word == every_word && done.text == text)
        {
            return Rc::clone(done);
        }
        let analysis = Rc::new(TextKeys {
            text: text.to_string(),
            every_word,
            words: words(text)
                .map(|(from, word)| WordKeys {
                    from,
                    to: from + word.len(),
                    keys: (every_word || is_name_like(word)).then(|| keys_of(word)),
                })
                .collect(),
        });
        *last.borrow_mut() = Some(Rc::clone(&analysis));
        analysis
    })
}

/// The `i`-th candidate key of `channel`, before empty keys and duplicates are
/// dropped; `None` past the last one. The order is the order of [`channel_keys`].
fn candidate(keys: &TokenKeys, channel: KeyChannel, i: usize) -> Option<&str> {
    match channel {
        KeyChannel::Exact => (i == 0).then_some(keys.exact.as_str()),
        KeyChannel::Folded => (i == 0).then_some(keys.folded.as_str()),
        KeyChannel::Translit => keys.translit.get(i).map(String::as_str),
        KeyChannel::Related => keys.related.get(i).map(String::as_str),
        KeyChannel::Entity => match i {
            0 => Some(keys.exact.as_str()),
            1 => Some(keys.folded.as_str()),
            _ => keys.translit.get(i - 2).map(String::as_str),
        },
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

/// Tokenizer of one name channel: splits text into [`words`] and replaces each
/// name-like word ([`is_name_like`]; every word for the entity channel) by the keys
/// of the channel, all at the word's position and with the word's offsets. A word
/// with no key in the channel leaves a gap, as a stop word does.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NameKeys {
    channel: KeyChannel,
}

impl NameKeys {
    /// A tokenizer for one channel.
    pub(crate) fn new(channel: KeyChannel) -> NameKeys {
        NameKeys { channel }
    }
}

impl Tokenizer for NameKeys {
    type TokenStream<'a> = NameKeysStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> NameKeysStream {
        NameKeysStream {
            // Entity texts are names as a whole (`Court of Human Rights`): every word.
            analysis: text_keys(text, self.channel == KeyChannel::Entity),
            channel: self.channel,
            word: 0,
            candidate: 0,
            token: Token::default(),
        }
    }
}

/// Token stream of [`NameKeys`]: walks the words of the analysed text and, for
/// each, the candidate keys of the channel.
pub(crate) struct NameKeysStream {
    analysis: Rc<TextKeys>,
    channel: KeyChannel,
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
            let Some(keys) = &word.keys else {
                self.word += 1;
                self.candidate = 0;
                continue;
            };
            let Some(key) = candidate(keys, self.channel, i) else {
                self.word += 1;
                self.candidate = 0;
                continue;
            };
            if key.is_empty() || (0..i).any(|j| candidate(keys, self.channel, j) == Some(key)) {
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

    /// [`words`] as first written, one `char` at a time: the reference for the
    /// byte-wise version.
    fn words_by_char(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some((skip, _)) = text[pos..].char_indices().find(|&(_, c)| is_word_char(c)) {
            let start = pos + skip;
            let mut end = start;
            let mut chars = text[start..].char_indices().peekable();
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
            out.push((start, &text[start..end]));
            pos = end;
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn words_split_as_the_char_by_char_reference(
            text in "[a-zA-Z0-9 ,.\\-'`’ʼʻ‘\u{301}\u{a0}éøЖжұğış😀]{0,40}"
        ) {
            let got: Vec<_> = words(&text).collect();
            proptest::prop_assert_eq!(got, words_by_char(&text));
        }
    }

    #[test]
    fn word_chars_of_latin_and_cyrillic_ranges_agree_with_the_unicode_tables() {
        let ranges = ['\u{80}'..='\u{24F}', '\u{400}'..='\u{52F}'];
        for c in ranges.into_iter().flatten() {
            let tables = c.is_alphanumeric() || is_combining_mark(c);
            assert_eq!(is_word_char(c), tables, "U+{:04X} {c}", c as u32);
        }
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
    fn remembered_keys_are_the_computed_keys() {
        for word in [
            "Zhumagulov",
            "Жұмағұлов",
            "whereas",
            "Cafe\u{301}",
            "Zhumagulov",
        ] {
            let first = keys_of(word);
            assert_eq!(**first, **keys_of(word), "{word}: second call");
            let nfc: String = word.nfc().collect();
            assert_eq!(**first, token_keys(&nfc), "{word}: against token_keys");
        }
    }

    /// What a name channel must emit: every word's channel keys at the word's
    /// position with the word's offsets, computed word by word.
    fn reference_tokens(channel: KeyChannel, text: &str) -> Vec<(usize, String, usize, usize)> {
        let mut out = Vec::new();
        for (position, (from, word)) in words(text).enumerate() {
            if channel != KeyChannel::Entity && !is_name_like(word) {
                continue;
            }
            let mut keys = Vec::new();
            channel_keys(
                &token_keys(&word.nfc().collect::<String>()),
                channel,
                &mut keys,
            );
            for key in keys {
                out.push((position, key, from, from + word.len()));
            }
        }
        out
    }

    #[test]
    fn signatures_meet_when_keys_or_stems_are_shared() {
        let of_keys = |word: &str| {
            let mut signature = Signature::default();
            signature.add(&keys_of(word).related[0]);
            signature
        };
        // Jumagulov and Zhumagulov share their related key.
        assert!(signature_of("Zhumagulov").meets(&of_keys("Jumagulov")));
        let mut stem = Signature::default();
        stem.add(&prose_stem("tortured").expect("a stem"));
        assert!(signature_of("torture").meets(&stem));
        // Most unrelated words share no bit (one key of 512 bits each).
        let unrelated = [
            "the", "of", "and", "release", "Calls", "whereas", "human", "rights",
        ];
        let misses = unrelated
            .iter()
            .filter(|w| !signature_of(w).meets(&of_keys("Jumagulov")))
            .count();
        assert!(misses >= 6, "{misses} of {}", unrelated.len());
    }

    #[test]
    fn name_like_words_have_a_capital_or_no_case() {
        for word in [
            "Zhumagulov",
            "ABLYAZOV",
            "McCarthy",
            "Жумагулов",
            "ЖҰМАҒҰЛОВ",
            "عمر",
            "李",
        ] {
            assert!(is_name_like(word), "{word}");
        }
        for word in ["torture", "жумагулов", "café", "2021", "o'brien"] {
            assert!(!is_name_like(word), "{word}");
        }
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
        assert_eq!(positions(KeyChannel::Exact), [2, 3]);
        assert_eq!(positions(KeyChannel::Entity).first(), Some(&0));
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
                    KeyChannel::Exact,
                    KeyChannel::Folded,
                    KeyChannel::Translit,
                    KeyChannel::Related,
                    KeyChannel::Entity,
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
        channel_keys(&token_keys("Jumagulov"), KeyChannel::Translit, &mut keys);
        let t = tokens(name_analyzer(KeyChannel::Translit), "Aigul Jumagulov");
        let of_word: Vec<&Token> = t.iter().filter(|t| t.offset_from == 6).collect();
        assert_eq!(of_word.len(), keys.len());
        for (token, key) in of_word.iter().zip(&keys) {
            assert_token(token, 1, key, 6, 15);
        }
    }
}
