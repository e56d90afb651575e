//! The query text as the grammar walk reads it: errors that point into it, and the
//! budget of words it may hold.
//!
//! Shared by the compiler here and by `scale`, which walks the same grammar to write
//! another engine's query: both report the same error at the same place.

use crate::error::Error;
use crate::search::request::MAX_QUERY_WORDS;

/// A query's text and the words read from it so far.
pub(crate) struct QueryInput<'a> {
    text: &'a str,
    words: usize,
}

impl<'a> QueryInput<'a> {
    pub(crate) fn new(text: &'a str) -> QueryInput<'a> {
        QueryInput { text, words: 0 }
    }

    /// The query as given.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// [`Error::Query`] at byte `at` (moved back to a character boundary).
    pub(crate) fn error(&self, at: usize, reason: impl Into<String>) -> Error {
        let mut at = at.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        Error::Query {
            input: self.text.to_string(),
            at,
            reason: reason.into(),
        }
    }

    /// Byte offset of `field:` in the input, for error messages.
    pub(crate) fn locate_field(&self, field: &str) -> usize {
        self.text.find(&format!("{field}:")).unwrap_or(0)
    }

    /// The error for a field prefix the grammar does not know.
    pub(crate) fn unknown_field(&self, field: &str) -> Error {
        self.error(
            self.locate_field(field),
            format!(
                "unknown field {field:?}; known: text, name, person, org, place, law, kind, resolution, id, date"
            ),
        )
    }

    /// Counts `n` more words; an error past [`MAX_QUERY_WORDS`].
    pub(crate) fn count_words(&mut self, n: usize) -> crate::Result<()> {
        self.words += n;
        if self.words > MAX_QUERY_WORDS {
            return Err(self.error(
                self.text.len(),
                format!("more than {MAX_QUERY_WORDS} words"),
            ));
        }
        Ok(())
    }
}
