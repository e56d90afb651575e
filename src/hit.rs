//! Results → hits.
