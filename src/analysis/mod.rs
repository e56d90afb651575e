//! Analysis, the bottom layer: how text becomes words, prose terms and name keys.
//!
//! Every stage above reads text through this module, so a word means the same thing
//! everywhere: the segmenter's and entity stage's word characters, the index's terms, a
//! query's words and the words a snippet highlights.
//!
//! | part | in → out |
//! |---|---|
//! | `words` | text → `(offset, word)` pairs; the character classes of words |
//! | `fold` | a word → its lookup form (lower case, no diacritics) for word lists |
//! | `prose` | a word → its prose term (NFKC, lower case, English stop words, Porter 2 stem) |
//! | [`name`] | a word → [`name::TokenKeys`]; a name → [`name::NameKeys`]; [`name::compare`] |
//! | `joined` | adjacent words → the spans a name may also write as one word |
//! | `keys` | words → the keys each indexed field holds, cached per thread |
//!
//! Nothing here depends on tantivy: the index layer wraps these functions in thin
//! tantivy `Tokenizer`s.

pub(crate) mod fold;
#[cfg_attr(not(feature = "index"), allow(dead_code))]
pub(crate) mod joined;
// Read by the index and the search; without them only its tests use it.
#[cfg_attr(not(feature = "index"), allow(dead_code))]
pub(crate) mod keys;
pub mod name;
#[cfg_attr(not(feature = "index"), allow(dead_code))]
pub(crate) mod prose;
pub(crate) mod words;
