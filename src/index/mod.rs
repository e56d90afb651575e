//! Units → tantivy index.
