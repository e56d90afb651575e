//! A resolution: metadata, units, and what the segmenter dropped or found odd.

use serde::{Deserialize, Serialize};

use super::unit::{Span, Unit, UnitKind};

/// Why a stretch of the input was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NoiseReason {
    /// Whitespace only (blank lines, line breaks, indentation) between units.
    Blank,
    /// A form feed (page break), with the whitespace around it.
    PageBreak,
    /// A language menu entry such as `en - English`.
    LanguageMenu,
    /// A leaked template tag such as `<Date>{06/07/2020}6.7.2020</Date>`.
    TemplateTag,
    /// A title line. The segmenter makes the title a unit ([`UnitKind::Title`]); this
    /// reason remains for callers that list titles apart.
    Title,
    /// A running page header or footer, or a page number, next to a page break.
    PageHeader,
    /// The rule (`__________`) over the footnotes at the foot of a page.
    FootnoteRule,
    /// Page text before the first unit: navigation, document boxes, headings.
    BeforeBody,
    /// Page text after the last unit: download links, footers, "Related Posts".
    AfterBody,
    /// A report's amendment table ("Amendment 1", "Present text" / "Amendment"): Rules
    /// or legislative text quoted in two columns, with its own numbered points.
    AmendmentTable,
    /// A report's or opinion's explanatory statement, minority position or annex (the
    /// committee's, not the decision's).
    CommitteeText,
    /// A committee's procedure record: "INFORMATION ON ADOPTION IN COMMITTEE
    /// RESPONSIBLE", an opinion's "PROCEDURE – COMMITTEE ASKED FOR OPINION" box.
    ProcedureRecord,
    /// A roll-call vote list ("FINAL VOTE BY ROLL CALL …") and its "Key to symbols":
    /// members by political group, who are not persons the text names.
    RollCall,
}

/// A dropped stretch of the input and the rule that dropped it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Noise {
    /// The bytes dropped.
    pub span: Span,
    /// The rule that dropped them.
    pub reason: NoiseReason,
}

/// Something odd in the input. Odd input still gives units; warnings say what was odd.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "warning", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Warning {
    /// A marker that is not the next one expected ("B" where "A" was due).
    OutOfOrder {
        /// Kind of the unit it opens.
        kind: UnitKind,
        /// The label that was due.
        expected: String,
        /// The label found.
        found: String,
        /// Byte offset of the marker.
        at: usize,
    },
    /// A label seen twice for the same kind (two recitals "F").
    RepeatedLabel {
        /// Kind of the unit.
        kind: UnitKind,
        /// The repeated label.
        label: String,
        /// Byte offset of the second marker.
        at: usize,
    },
    /// A unit whose text is longer than [`OVERLONG_UNIT`] bytes: probably a missed marker.
    OverlongUnit {
        /// Kind of the unit.
        kind: UnitKind,
        /// Its label.
        label: String,
        /// Length of its text in bytes.
        len: usize,
    },
    /// A footnote that no unit calls.
    UncalledFootnote {
        /// The footnote's label.
        label: String,
    },
}

/// Unit texts longer than this (in bytes) earn a [`Warning::OverlongUnit`].
pub const OVERLONG_UNIT: usize = 20_000;

/// One resolution: metadata and its units, in order.
///
/// New fields may be added: build one with [`Resolution::new`] and set the public fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Resolution {
    /// Normalised reference such as `TA-9-2021-0056`, where known.
    pub reference: Option<String>,
    /// The title, where found; the resolution's [`UnitKind::Title`] unit holds the same
    /// text.
    pub title: Option<String>,
    /// Date of the resolution, ISO 8601 (`2021-02-11`).
    pub date: Option<String>,
    /// Language code (`"en"`).
    pub language: Option<String>,
    /// Where the text came from (a path or address), if the caller said.
    pub source: Option<String>,
    /// The units, in document order.
    pub units: Vec<Unit>,
    /// What was dropped, by rule, in input order. With the units' pieces it covers the input.
    #[serde(default)]
    pub noise: Vec<Noise>,
    /// Odd things met on the way.
    #[serde(default)]
    pub warnings: Vec<Warning>,
}

impl Resolution {
    /// A resolution of these units, with no metadata, noise or warnings: set the public
    /// fields for more.
    ///
    /// ```
    /// use whereas::{Resolution, Unit, UnitKind};
    ///
    /// let mut resolution = Resolution::new(vec![Unit::new(UnitKind::Paragraph, "1", "Calls for …")]);
    /// resolution.reference = Some("TA-9-2021-0056".into());
    /// assert_eq!(resolution.units.len(), 1);
    /// ```
    pub fn new(units: Vec<Unit>) -> Resolution {
        Resolution {
            reference: None,
            title: None,
            date: None,
            language: None,
            source: None,
            units,
            noise: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The unit's id, `REFERENCE/kind/LABEL` (`TA-9-2021-0056/recital/B`).
    ///
    /// The reference is the one found in the text, else the one the caller gave
    /// ([`Segmenter::reference`](crate::Segmenter::reference)), else the literal `unreferenced`.
    pub fn unit_id(&self, unit: &Unit) -> String {
        let reference = self.reference.as_deref().unwrap_or("unreferenced");
        format!("{reference}/{}/{}", unit.kind.as_str(), unit.label)
    }

    /// The units of one kind, in order.
    pub fn units_of(&self, kind: UnitKind) -> impl Iterator<Item = &Unit> {
        self.units.iter().filter(move |u| u.kind == kind)
    }

    /// How many units of each kind: `[citations, recitals, paragraphs, footnotes]`. The
    /// title unit, of which a resolution has at most one, is not counted here (see
    /// [`Resolution::title`]); `units.len()` counts it.
    pub fn counts(&self) -> [usize; 4] {
        let mut c = [0; 4];
        for u in &self.units {
            let slot = match u.kind {
                UnitKind::Citation => 0,
                UnitKind::Recital => 1,
                UnitKind::Paragraph => 2,
                UnitKind::Footnote => 3,
                UnitKind::Title => continue,
            };
            c[slot] += 1;
        }
        c
    }
}
