//! A unit of a resolution: its kind, label, text and where it came from.

use serde::{Deserialize, Serialize};

use super::entity::Entity;

/// A byte range `start..end` into the original input (never into cleaned text).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
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
    /// The title: "European Parliament resolution of 11 February 2021 on …". At most one
    /// per resolution, first, labelled "1"; also kept in [`Resolution::title`].
    ///
    /// [`Resolution::title`]: crate::Resolution::title
    Title,
}

impl std::fmt::Display for UnitKind {
    /// The lower-case name, as [`UnitKind::as_str`] (`recital`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for UnitKind {
    type Err = crate::Error;

    /// The kind named `name`, in any case (`"Recital"`, `"footnote"`).
    ///
    /// ```
    /// use whereas::UnitKind;
    /// assert_eq!("Recital".parse::<UnitKind>()?, UnitKind::Recital);
    /// assert_eq!(UnitKind::Recital.to_string(), "recital");
    /// let err = "whereas".parse::<UnitKind>().unwrap_err();
    /// assert!(err.to_string().contains("recital"), "{err}");
    /// # Ok::<(), whereas::Error>(())
    /// ```
    fn from_str(name: &str) -> crate::Result<UnitKind> {
        UnitKind::parse(name).ok_or_else(|| {
            let known: Vec<&str> = UnitKind::ALL.iter().map(|k| k.as_str()).collect();
            crate::Error::InvalidArgument(format!(
                "unknown unit kind {name:?} (one of {})",
                known.join(", ")
            ))
        })
    }
}

impl UnitKind {
    /// Every kind, in the order they come in a resolution.
    pub const ALL: [UnitKind; 5] = [
        UnitKind::Title,
        UnitKind::Citation,
        UnitKind::Recital,
        UnitKind::Paragraph,
        UnitKind::Footnote,
    ];

    /// The kind named `name`, in any case (`"Recital"`, `"footnote"`); `None` for
    /// anything else. [`str::parse`] does the same with an error that lists the kinds.
    ///
    /// ```
    /// use whereas::UnitKind;
    /// assert_eq!(UnitKind::parse("Recital"), Some(UnitKind::Recital));
    /// assert_eq!(UnitKind::parse("whereas"), None);
    /// ```
    pub fn parse(name: &str) -> Option<UnitKind> {
        UnitKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(name))
    }

    /// The lower-case name used in ids, facets and JSON (`"recital"`).
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Citation => "citation",
            UnitKind::Recital => "recital",
            UnitKind::Paragraph => "paragraph",
            UnitKind::Footnote => "footnote",
            UnitKind::Title => "title",
        }
    }
}

/// A lettered or numbered sub-point inside a unit ("a." … "f." inside a recital).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubPoint {
    /// Its marker without punctuation ("a"); dash sub-points are numbered "1", "2", ….
    pub label: String,
    /// Its cleaned text, marker removed.
    pub text: String,
    /// Byte offset in the unit's [`Unit::text`] where the sub-point (its marker) begins.
    #[serde(default)]
    pub start: usize,
}

/// One searchable unit of a resolution.
///
/// New fields may be added: build one with [`Unit::new`] and set the public fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Unit {
    /// Title, citation, recital, paragraph or footnote.
    pub kind: UnitKind,
    /// The label as printed, without punctuation: "A", "AA", "12", "3".
    /// Citations, which carry no label, are numbered "1", "2", … in order; the title is
    /// "1". A label printed twice for one kind carries a suffix from its second time on
    /// ("5-2", "5-3"), with a [`Warning::RepeatedLabel`], so that ids are unique within a
    /// resolution.
    ///
    /// [`Warning::RepeatedLabel`]: crate::Warning::RepeatedLabel
    pub label: String,
    /// Position of the unit among all units of the resolution, from 0.
    pub ordinal: usize,
    /// The cleaned text: marker removed, whitespace folded, line-break hyphenation undone,
    /// footnote calls removed (they are listed in [`Unit::footnote_calls`]).
    pub text: String,
    /// The bytes of the original input this unit covers (marker included): from its first
    /// to its last piece. Noise inside it (a page header) is not part of the unit; see
    /// [`Unit::pieces`].
    pub span: Span,
    /// Footnote calls in this unit, as their labels ("1", "2").
    #[serde(default)]
    pub footnote_calls: Vec<String>,
    /// For each entry of [`Unit::footnote_calls`], the byte offset in [`Unit::text`] where
    /// the call stood (calls are removed from the text).
    #[serde(default)]
    pub footnote_call_offsets: Vec<usize>,
    /// Sub-points, where the unit has them.
    #[serde(default)]
    pub points: Vec<SubPoint>,
    /// Entities found in [`Unit::text`], filled by the entity stage.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// The byte ranges of the input that belong to this unit, sorted. Usually one range equal
    /// to [`Unit::span`]; more when noise (a page header) interrupts the unit.
    #[serde(default)]
    pub pieces: Vec<Span>,
}

impl Unit {
    /// A unit of `kind` labelled `label` with this text, at ordinal 0, with an empty
    /// span and no footnotes, sub-points or entities: set the public fields for more.
    ///
    /// ```
    /// use whereas::{Unit, UnitKind};
    ///
    /// let mut unit = Unit::new(UnitKind::Recital, "A", "whereas Max Bokayev was arrested;");
    /// unit.ordinal = 1;
    /// assert_eq!(unit.kind, UnitKind::Recital);
    /// ```
    pub fn new(kind: UnitKind, label: impl Into<String>, text: impl Into<String>) -> Unit {
        Unit {
            kind,
            label: label.into(),
            ordinal: 0,
            text: text.into(),
            span: Span::default(),
            footnote_calls: Vec::new(),
            footnote_call_offsets: Vec::new(),
            points: Vec::new(),
            entities: Vec::new(),
            pieces: Vec::new(),
        }
    }
}
