//! whereas: full-text search over European Parliament resolutions, built for finding
//! *people* whose names are spelled many ways.
//!
//! Human-rights researchers track political prisoners, journalists and activists across
//! resolutions, reports and press. The same person is *Zhumagulov*, *Jumagulov*,
//! *Joumagoulov*, *Schumagulow*, *Жумагулов* or *Жұмағұлов*; plain full-text search finds one
//! of them. whereas splits each resolution into its citations, recitals, paragraphs and
//! footnotes, finds the people, organisations, places, legal references and dates in each,
//! and indexes every word that can be a name (every capitalised word, not only the names it
//! recognised) through several name channels (exact, folded, transliteration key, related
//! form) so that any romanisation — or Cyrillic — finds the
//! others, ranked: exact spelling first, then variants, then bounded fuzzy matches.
//!
//! # Example
//!
//! Index a resolution in RAM, then ask for a Kazakh name in Cyrillic and in two Latin
//! romanisations:
//!
//! ```
//! use whereas::{Index, SearchRequest, UnitKind};
//!
//! # fn main() -> whereas::Result<()> {
//! let text = "European Parliament resolution of 11 February 2021 on Kazakhstan\n\n\
//!     A.\u{a0}\u{a0}whereas the activist Almat Zhumagulov was sentenced to prison;\n\n\
//!     B.\u{a0}\u{a0}whereas the journalist Aigul Utepova was harassed;\n\n\
//!     1.\u{a0}\u{a0}Calls for the release of Almat Zhumagulov;\n";
//!
//! // text → units → entities
//! let mut resolution = whereas::segment(text)?;
//! resolution.reference = Some("TA-9-2021-0056".into());
//! whereas::entity::annotate(&mut resolution);
//!
//! // → index
//! let index = Index::in_ram()?;
//! let mut writer = index.writer()?;
//! writer.add(&resolution)?;
//! writer.commit()?;
//!
//! // → query → hits
//! for query in ["Жумагулов", "Jumagulov", "Joumagoulov"] {
//!     let results = index.search(&SearchRequest::new(query))?;
//!     let mut ids: Vec<&str> = results.hits.iter().map(|hit| hit.id.as_str()).collect();
//!     ids.sort();
//!     assert_eq!(ids, ["TA-9-2021-0056/paragraph/1", "TA-9-2021-0056/recital/A"]);
//!     // The snippet highlights the spelling the text uses.
//!     assert!(results.hits[0].snippet.contains("<b>Zhumagulov</b>"));
//! }
//!
//! // Filters and facets: recitals only, with the people they name.
//! let request = SearchRequest::new("Zhumagulov")
//!     .kind(UnitKind::Recital)
//!     .facet_counts("/person", 10);
//! let results = index.search(&request)?;
//! assert_eq!(results.total, 1);
//! assert_eq!(results.facets["/person"][0].path, "/person/Almat Zhumagulov");
//! # Ok(())
//! # }
//! ```
//!
//! # The pipeline
//!
//! One stage per module, each taking the previous stage's type and returning its own, over
//! two shared layers (the data types and the analysis of words and names); dependencies
//! point one way, down (see `docs/design.md`).
//!
//! | stage | API | in → out |
//! |---|---|---|
//! | segment | [`segment()`], [`segment_html`], [`load`], [`Segmenter`]; [`segment_document`] for texts that are not resolutions (press, NGO and UN reports: one unit per paragraph) | text or HTML → a [`Resolution`] of [`Unit`]s, plus the noise dropped and [`Warning`]s |
//! | entities | [`entity::annotate`], [`entity::extract`] | a unit's text → [`Entity`]s |
//! | names | [`name`], [`token_keys`], [`name_keys`], [`compare`] | a word or a name → [`TokenKeys`] / [`NameKeys`]; whether two names are one |
//! | index | [`index`], [`Index`], [`IndexWriter`] | [`Resolution`]s → an index on disk or in RAM; facet paths in [`index::facet`] |
//! | search | [`search`], [`SearchRequest`], [`Index::search`] | a request → [`SearchResults`]: ranked [`Hit`]s with snippets, entities and facet counts |
//!
//! To try it without data of one's own, [`bundled::kazakhstan_2021`] is a resolution
//! compiled into the crate, ready to index.
//!
//! # Threads
//!
//! [`Index`] is `Send + Sync` and cheap to clone (clones share one index, reader and
//! caches): search from any number of threads at once. One [`IndexWriter`] writes to
//! an index at a time (a second is [`Error::Locked`]); it is `Send`, and every clone
//! of the index sees its commits. The data types ([`Resolution`], [`Hit`], …) are
//! plain owned data, `Send + Sync`.
//!
//! # Errors
//!
//! One [`Error`] type. Its `Display` says what went wrong and where, cause included
//! (`cannot access /data/x.txt: No such file or directory (os error 2)`), so printing
//! it is enough; the cause is also its `source()`.
//!
//! # Cargo features
//!
//! - `index` (default): the tantivy index and the search layer.
//! - `html` (default): HTML input through html5ever.
//! - `synth` (off): `whereas::synth`, the seeded corpus generator the benches, examples
//!   and tests use; tooling, with no stability promise.
//!
//! With `default-features = false`, segmenting, entities and names build without tantivy
//! or html5ever: they are plain functions over `&str` and can be used alone (to split a
//! resolution into units, to find the people in a paragraph, or to tell whether two
//! spellings are one name).
//!
//! # Limits
//!
//! - Prose analysis (stop words, stemming) is English; names are handled in any of the
//!   supported scripts and romanisations (Russian and Kazakh Cyrillic; English, French,
//!   German, Czech, Polish, Dutch, Nordic, Italian, Romanian, Turkish and Kazakh Latin
//!   spellings).
//! - Entity extraction is rules plus general gazetteers: it prefers precision, and misses
//!   names it has no cue for (a lone given name it does not know, a family name alone).
//! - One writer per index at a time (tantivy's lock); any number of readers.
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod analysis;
pub mod bundled;
mod error;
mod model;

pub mod entity;
#[cfg(feature = "index")]
#[cfg_attr(docsrs, doc(cfg(feature = "index")))]
pub mod index;
#[cfg(feature = "index")]
#[cfg_attr(docsrs, doc(cfg(feature = "index")))]
pub mod scale;
#[cfg(feature = "index")]
#[cfg_attr(docsrs, doc(cfg(feature = "index")))]
pub mod search;
mod segment;
#[cfg(feature = "synth")]
#[cfg_attr(docsrs, doc(cfg(feature = "synth")))]
pub mod synth;

/// The README's examples, compiled and run as doctests.
#[cfg(all(doctest, feature = "index"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

#[cfg(feature = "index")]
pub use crate::index::{Index, IndexWriter, SCHEMA_VERSION};
#[cfg(feature = "index")]
pub use crate::search::{FacetCount, Highlight, Hit, SearchRequest, SearchResults};
/// The tantivy crate whereas is built on, for the types its API shows
/// ([`Error::Index`], [`Index::tantivy`]) and for what whereas does not wrap: use
/// `whereas::tantivy` rather than a tantivy dependency of one's own, so that the two
/// versions always agree.
#[cfg(feature = "index")]
#[cfg_attr(docsrs, doc(cfg(feature = "index")))]
pub use tantivy;

pub use crate::analysis::name;
pub use crate::analysis::name::{
    compare, name_keys, token_keys, Channel, NameKeys, NameMatch, TokenKeys,
};
pub use crate::error::{Error, Result};
pub use crate::model::{
    Entity, EntityKind, Noise, NoiseReason, Resolution, Span, SubPoint, Unit, UnitKind, Warning,
    OVERLONG_UNIT,
};
pub use crate::segment::{
    decode, load, load_all, normalize_reference, segment, segment_document, Segmenter,
};
#[cfg(feature = "html")]
pub use crate::segment::{html_to_text, segment_html};
