//! Text → tantivy query.
