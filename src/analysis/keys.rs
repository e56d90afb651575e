//! Words → name keys, as the index stores them and queries and highlights look them up.
//!
//! Every word that may be a name ([`is_name_like`]) is keyed by [`token_keys`] on the
//! channels of [`Channel`]; [`FieldKeys`] says which of those keys one indexed field
//! holds. Keys are remembered per thread ([`keys_of`]), with a Bloom [`Signature`] that
//! lets highlighting rule out a word in a few instructions, and the last text's whole
//! analysis is kept so the four name fields of one unit split and key it once.
//!
//! Invariant: the keys of a word depend on the word alone, so a cached answer is the
//! answer, at index and at query time alike.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use rustc_hash::FxHashMap;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::joined::{join, joined_spans, Gap};
use super::name::{query_key, token_keys, Channel, TokenKeys};
use super::prose::prose_stem;
pub(crate) use super::words::is_name_like;
use super::words::{bare_name, words};

/// Which keys of a word's [`TokenKeys`] one indexed field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FieldKeys {
    /// The keys of one channel: `exact`, `folded`, every `translit` or every `related`
    /// key ([`Channel::Fuzzy`] has none: it is computed at query time).
    Channel(Channel),
    /// `exact`, `folded` and `translit` together: the entity fields (`person`, `org`, …).
    Entity,
}

impl From<Channel> for FieldKeys {
    fn from(channel: Channel) -> FieldKeys {
        FieldKeys::Channel(channel)
    }
}

/// Most words [`keys_of`] remembers per thread before it starts afresh.
const KEY_CACHE_WORDS: usize = 1 << 16;

type KeyCache = FxHashMap<String, Rc<KeyEntry>>;

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
        let mut h = rustc_hash::FxHasher::default();
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
///
/// A possessive or case clitic after an apostrophe is not part of the name
/// ([`bare_name`]): `Zelenskyy’s` and `Erdoğan'ın` are keyed as `Zelenskyy` and
/// `Erdoğan` on every channel, at index and at query time alike, so every channel
/// (and highlighting, which asks for the same keys) meets the bare name.
pub(crate) fn keys_of(word: &str) -> Rc<KeyEntry> {
    KEY_CACHE.with(|cache| {
        if let Some(keys) = cache.borrow().get(word) {
            return Rc::clone(keys);
        }
        let bare = bare_name(word);
        let keys = Rc::new(KeyEntry {
            keys: if bare.is_ascii() || is_nfc_quick(bare.chars()) == IsNormalized::Yes {
                token_keys(bare)
            } else {
                token_keys(&bare.nfc().collect::<String>())
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

/// One word of an analysed text: its byte range and its keys (`None`: the word
/// takes no name keys, see [`is_name_like`]).
pub(crate) struct WordKeys {
    pub(crate) from: usize,
    pub(crate) to: usize,
    pub(crate) keys: Option<Rc<KeyEntry>>,
    /// The keys of the spans of words starting here that may be one word written
    /// apart ([`joined_spans`]): `Ahmadi-Nejad`, `Abdul Hadi`, `Abd El-Fattah` and
    /// `احمدی‌نژاد` are also keyed as `Ahmadinejad`, `Abdulhadi`, `Abdelfattah` and
    /// `احمدینژاد`.
    pub(crate) joined: Vec<Rc<KeyEntry>>,
}

/// A text split into [`words`], each with its keys.
pub(crate) struct TextKeys {
    text: String,
    /// Whether every word was keyed, or only the name-like ones.
    every_word: bool,
    pub(crate) words: Vec<WordKeys>,
}

/// The words and keys of `text` (of every word, or of the name-like ones), reusing
/// the last analysis when the text is the same.
pub(crate) fn text_keys(text: &str, every_word: bool) -> Rc<TextKeys> {
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
            words: keyed_words(text, every_word),
        });
        *last.borrow_mut() = Some(Rc::clone(&analysis));
        analysis
    })
}

/// The words of `text` with their keys: every word's or the name-like ones'; and,
/// where the name channels key a text (not `every_word`), the keys of the words that
/// may be one word written apart.
fn keyed_words(text: &str, every_word: bool) -> Vec<WordKeys> {
    let split: Vec<(usize, &str)> = words(text).collect();
    let mut out: Vec<WordKeys> = split
        .iter()
        .map(|&(from, word)| WordKeys {
            from,
            to: from + word.len(),
            keys: (every_word || is_name_like(word)).then(|| keys_of(word)),
            joined: Vec::new(),
        })
        .collect();
    if !every_word {
        let written: Vec<&str> = split.iter().map(|&(_, w)| w).collect();
        let gaps: Vec<Gap> = (1..out.len())
            .map(|k| Gap::of(text, out[k - 1].to, out[k].from))
            .collect();
        for span in joined_spans(&written, |k| gaps[k]) {
            let keys = keys_of(&join(&written, span));
            out[span.0].joined.push(keys);
        }
    }
    out
}

/// The `i`-th key a word gives `channel` in an indexed text: its own
/// [`candidate`]s, then, on the translit and related channels, those of the spans
/// joined from it ([`WordKeys::joined`]); `None` past the last one.
pub(crate) fn word_candidate(word: &WordKeys, channel: FieldKeys, i: usize) -> Option<&str> {
    let count = |keys: &TokenKeys| match channel {
        FieldKeys::Channel(Channel::Translit) => keys.translit.len(),
        _ => keys.related.len(),
    };
    if !matches!(
        channel,
        FieldKeys::Channel(Channel::Translit | Channel::Related)
    ) {
        return candidate(word.keys.as_ref()?, channel, i);
    }
    let mut i = i;
    for keys in word.keys.iter().chain(&word.joined) {
        let n = count(keys);
        if i < n {
            return candidate(keys, channel, i);
        }
        i -= n;
    }
    None
}

/// The `i`-th candidate key of `channel`, before empty keys and duplicates are
/// dropped; `None` past the last one. The order is the order of [`channel_keys`].
pub(crate) fn candidate(keys: &TokenKeys, channel: FieldKeys, i: usize) -> Option<&str> {
    match channel {
        FieldKeys::Channel(Channel::Exact) => (i == 0).then_some(keys.exact.as_str()),
        FieldKeys::Channel(Channel::Folded) => (i == 0).then_some(keys.folded.as_str()),
        FieldKeys::Channel(Channel::Translit) => keys.translit.get(i).map(String::as_str),
        FieldKeys::Channel(Channel::Related) => keys.related.get(i).map(String::as_str),
        FieldKeys::Channel(Channel::Fuzzy) => None,
        FieldKeys::Entity => match i {
            0 => Some(keys.exact.as_str()),
            1 => Some(keys.folded.as_str()),
            _ => keys.translit.get(i - 2).map(String::as_str),
        },
    }
}

/// Pushes the keys `which` names, without duplicates and without empty keys, onto `out`.
pub(crate) fn channel_keys(keys: &TokenKeys, which: impl Into<FieldKeys>, out: &mut Vec<String>) {
    let mut push = |key: &str| {
        if !key.is_empty() && !out.iter().any(|k| k == key) {
            out.push(key.to_string());
        }
    };
    match which.into() {
        FieldKeys::Channel(Channel::Exact) => push(&keys.exact),
        FieldKeys::Channel(Channel::Folded) => push(&keys.folded),
        FieldKeys::Channel(Channel::Translit) => keys.translit.iter().for_each(|k| push(k)),
        FieldKeys::Channel(Channel::Related) => keys.related.iter().for_each(|k| push(k)),
        FieldKeys::Channel(Channel::Fuzzy) => {}
        FieldKeys::Entity => {
            push(&keys.exact);
            push(&keys.folded);
            keys.translit.iter().for_each(|k| push(k));
        }
    }
}

/// Pushes the keys a query asks the index for on `which` onto `out`: the
/// [`channel_keys`], with the related keys that are one-sided across scripts (a
/// short consonant skeleton, marked by the script side it comes from) asking for
/// the other side's form.
pub(crate) fn query_channel_keys(
    keys: &TokenKeys,
    which: impl Into<FieldKeys>,
    out: &mut Vec<String>,
) {
    let which = which.into();
    if which != FieldKeys::Channel(Channel::Related) {
        return channel_keys(keys, which, out);
    }
    for key in &keys.related {
        let key = query_key(key);
        if !key.is_empty() && !out.iter().any(|k| *k == key) {
            out.push(key.into_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn possessives_are_keyed_as_the_bare_name() {
        for (word, bare) in [
            ("Zelenskyy’s", "Zelenskyy"),
            ("Utepova's", "Utepova"),
            ("Erdoğan'ın", "Erdoğan"),
        ] {
            assert_eq!(**keys_of(word), token_keys(bare), "{word}");
        }
        assert_eq!(**keys_of("O'Brien"), token_keys("O'Brien"));
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
}
