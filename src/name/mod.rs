//! Names → keys: transliteration-tolerant analysis of personal names.
//!
//! PLACEHOLDER API: the signatures below are the contract the index builds on;
//! the implementations are replaced by the name-analysis work.

use serde::{Deserialize, Serialize};

/// How two spellings of a name matched, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// The same spelling, up to case.
    Exact,
    /// The same after folding diacritics, apostrophes and case.
    Folded,
    /// The same transliteration key (another romanisation or script).
    Translit,
    /// Close under a bounded, confusable-aware edit distance.
    Fuzzy,
}

/// The keys of one word of a name, as indexed and as queried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenKeys {
    /// Lower-cased surface form.
    pub exact: String,
    /// Folded form: lower case, no diacritics or apostrophes, Latin script.
    pub folded: String,
    /// Transliteration keys shared by the romanisations of the same word.
    pub translit: Vec<String>,
    /// Weaker keys for related but distinct forms (a feminine surname's masculine
    /// base, say), ranked below `translit`.
    pub related: Vec<String>,
}

/// Keys for one word.
pub fn token_keys(word: &str) -> TokenKeys {
    let exact = word.to_lowercase();
    TokenKeys {
        folded: exact.clone(),
        translit: vec![exact.clone()],
        related: Vec::new(),
        exact,
    }
}
