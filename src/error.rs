//! The crate's one error type.

use std::path::PathBuf;

/// Everything that can go wrong in whereas.
///
/// `Display` says what went wrong, where (the file or folder, the byte offset) and why:
/// the underlying cause is part of the message (`cannot access /data/x.txt: No such file
/// or directory (os error 2)`), so that printing the error is enough. The cause is also
/// [`std::error::Error::source`], for programs that walk the chain.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written.
    #[error("cannot access {}: {source}", path.display())]
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The input holds no resolution: no citation, recital or paragraph was found.
    #[error("no resolution found in the input ({reason})")]
    NoResolution {
        /// Why nothing was recognised.
        reason: String,
    },
    /// The input is not text in any encoding whereas accepts.
    #[error("{}not text: undecodable byte at offset {offset}", in_file(path.as_deref()))]
    NotText {
        /// The file, when the bytes came from one ([`crate::load`]).
        path: Option<PathBuf>,
        /// Byte offset of the first byte that cannot be decoded.
        offset: usize,
    },
    /// A query could not be parsed.
    #[error("malformed query at byte {at}: {reason}")]
    Query {
        /// The query as given.
        input: String,
        /// Byte offset in `input` where the problem was found.
        at: usize,
        /// What is wrong.
        reason: String,
    },
    /// An index was built by another version of whereas, or is not a whereas index.
    #[error("incompatible index: expected schema version {expected}, found {found}")]
    SchemaVersion {
        /// The version this build of whereas writes.
        expected: u32,
        /// What the index on disk says (`"none"` for a foreign index).
        found: String,
    },
    /// The input needs a cargo feature this build leaves out (HTML without `html`).
    #[error("{what} needs the `{feature}` feature of whereas")]
    FeatureDisabled {
        /// What was asked for.
        what: String,
        /// The cargo feature that provides it.
        feature: &'static str,
    },
    /// An argument is out of range or otherwise unusable.
    #[error("invalid argument: {0}")]
    InvalidArgument(String),
    /// Another writer holds the index's lock (in this process or another one): only one
    /// writer may be open on an index at a time. Retry once that writer is dropped.
    #[cfg(feature = "index")]
    #[error("index is locked by another writer: {source}")]
    Locked {
        /// tantivy's lock error.
        #[source]
        source: tantivy::TantivyError,
    },
    /// A folder opened as an index holds none (no `meta.json`).
    #[error("no index in {}: the folder holds no meta.json (Index::create or Index::open_or_create makes one)", path.display())]
    NoIndex {
        /// The folder.
        path: PathBuf,
    },
    /// An error from the tantivy index underneath.
    #[cfg(feature = "index")]
    #[error("index error: {0}")]
    Index(#[from] tantivy::TantivyError),
}

/// `"{path}: "` when there is a path, to start a message.
fn in_file(path: Option<&std::path::Path>) -> String {
    path.map(|p| format!("{}: ", p.display()))
        .unwrap_or_default()
}

/// `Result` with whereas's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
