//! Text → units: split a resolution into citations, recitals, paragraphs and footnotes.
//!
//! Input: the text of one resolution as it arrives (web repost, EP page rendered to
//! text, Official Journal, PDF-to-text, plain ASCII). Output: a [`Resolution`] whose
//! [`Unit`]s carry kind, label, ordinal, cleaned text and the byte [`Span`] they cover
//! in the original input.
//!
//! Invariant: the segmenter never changes, adds or skips text. Every byte of the input
//! belongs to exactly one unit span or one noise span; unit spans are sorted and
//! never overlap.

use serde::{Deserialize, Serialize};

use crate::entity::Entity;

/// A byte range `start..end` into the original input (never into cleaned text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// What part of a resolution a unit is, in the Parliament's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    /// "– having regard to …"
    Citation,
    /// "A. whereas …"
    Recital,
    /// "1. Urges …"
    Paragraph,
    /// "(1) OJ C 23, …"
    Footnote,
}

impl UnitKind {
    /// The lower-case name used in ids, facets and JSON (`"recital"`).
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Citation => "citation",
            UnitKind::Recital => "recital",
            UnitKind::Paragraph => "paragraph",
            UnitKind::Footnote => "footnote",
        }
    }
}

/// A lettered or numbered sub-point inside a unit ("a." … "f." inside a recital).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubPoint {
    /// Its marker without punctuation ("a").
    pub label: String,
    /// Its cleaned text.
    pub text: String,
}

/// One searchable unit of a resolution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    /// Citation, recital, paragraph or footnote.
    pub kind: UnitKind,
    /// The label as printed, without punctuation: "A", "AA", "12", "3".
    /// Citations, which carry no label, are numbered "1", "2", … in order.
    pub label: String,
    /// Position of the unit among all units of the resolution, from 0.
    pub ordinal: usize,
    /// The cleaned text: marker removed, whitespace folded, line-break hyphenation undone.
    pub text: String,
    /// The bytes of the original input this unit covers (marker included).
    pub span: Span,
    /// Footnote calls in this unit, as their labels ("1", "2").
    #[serde(default)]
    pub footnote_calls: Vec<String>,
    /// Sub-points, where the unit has them.
    #[serde(default)]
    pub points: Vec<SubPoint>,
    /// Entities found in [`Unit::text`], filled by the entity stage.
    #[serde(default)]
    pub entities: Vec<Entity>,
}

/// One resolution: metadata and its units, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resolution {
    /// Normalised reference such as `TA-9-2021-0056`, where known.
    pub reference: Option<String>,
    /// The title line.
    pub title: Option<String>,
    /// Date of the resolution, ISO 8601 (`2021-02-11`).
    pub date: Option<String>,
    /// Language code (`"en"`).
    pub language: Option<String>,
    /// Where the text came from (a path or address), if the caller said.
    pub source: Option<String>,
    /// The units, in document order.
    pub units: Vec<Unit>,
}
