//! Text → units: split a resolution into its title, citations, recitals, paragraphs and
//! footnotes.
//!
//! The user-facing description (coverage invariant, how text becomes units) is on
//! [`Segmenter`], since this module is private and its functions are re-exported at the
//! crate root.

mod assemble;
mod document;
mod draft;
mod footnote;
#[cfg(feature = "html")]
mod html;
mod hyphen;
mod labels;
mod lines;
mod load;
mod marker;
pub(crate) mod meta;
mod noise;
mod page_notes;
mod scan;
mod split;
mod tile;

use crate::model::{
    Noise, NoiseReason, Resolution, Span, SubPoint, Unit, UnitKind, Warning, OVERLONG_UNIT,
};

#[cfg(feature = "html")]
pub use self::html::html_to_text;
pub use self::load::{decode, load, load_all};
pub use self::meta::normalize_reference;

/// Splits resolutions into units, with what the caller knows about the text.
///
/// Input: the text of one resolution as it arrives: a web repost, an EP page rendered to
/// text, the Official Journal layout, PDF-to-text output or plain ASCII; or the EP page
/// itself as HTML ([`segment_html`]); or a file ([`load`]). Output: a [`Resolution`] whose
/// [`Unit`]s carry kind, label, ordinal, cleaned text and the byte ranges they cover in the
/// original input, plus the [`Noise`] that was dropped and [`Warning`]s about odd input.
///
/// # Coverage invariant
///
/// The segmenter never changes, adds or skips text. The byte ranges it reports tile the
/// input: the [`Unit::pieces`] of all units together with the [`Noise`] spans are sorted,
/// never overlap, lie on `char` boundaries and cover every byte of the input exactly once.
/// A unit's [`Unit::span`] runs from its marker to the end of its last piece; noise that
/// sits inside a unit (a running page header, a form feed) is the only thing that can lie
/// within a unit's span without being one of its pieces. Unit spans never overlap each
/// other, with one exception: a unit that a page break interrupts after the page's
/// footnotes (PDF-to-text) spans those footnotes, whose own spans lie inside its span.
/// For HTML input the spans refer to the text extracted by [`html_to_text`], not to
/// the markup.
///
/// # How text becomes units
///
/// Lines are split at `\n`, `\r\n`, `\r` and form feeds. A line opens a unit when it starts
/// with a marker: a dash (`–`, `—`, `-`, U+F02D …) and whitespace for a citation, `A.` …
/// `Z.`, `AA.` … for a recital, `1.` … for a paragraph, `(1)` or `[1]` for a footnote. A
/// marker that is not the next one expected is only taken when it stands after a blank line
/// or a line ending in punctuation, and then earns a [`Warning`]. Where citations are due,
/// a line opening with "having regard to" is a citation even without its dash (EUR-Lex
/// pages set the dash in a table cell of its own, which a text rendering drops). Lower-case markers (`a.`,
/// `(b)`, `iv)`) and dashes after the citations open [`SubPoint`]s of the current unit.
/// The title (the last line before the body that names a resolution or a Parliament
/// decision, with the lines wrapped after it) is the first unit, of kind
/// [`UnitKind::Title`]. Everything else before the first unit is noise, classified by rule
/// ([`NoiseReason`]); lines after the last unit are noise once that unit's text is
/// complete, and a report's apparatus after its last paragraph (amendment tables, annex,
/// procedure record, roll call) is noise with reasons of its own. A footnote rule
/// (`_______`) followed by the footnote due, with the page's end (a running header or
/// footer, or a form feed) in sight, opens footnotes at the foot of a page: they become
/// units, and the interrupted unit goes on after the page break.
///
/// Unit text is cleaned the same way whatever the format: the marker is removed,
/// whitespace (NBSP, tabs, line breaks) is folded to single spaces, a word hyphenated
/// across a line break is joined again (a compound wrapped at its own hyphen, such as a
/// "state-owned" the text also writes unbroken, keeps it), and footnote calls (`Kazakhstan(1)`,
/// `consequences[1]`, `Kazakhstan (1)`) are removed from the text and listed in
/// [`Unit::footnote_calls`], with their positions in [`Unit::footnote_call_offsets`].
/// Sub-points stay in their unit's text, marker included (`… recovery: a. Protect …`).
///
/// Segmenting is linear in the input: no regular expressions, one pass over the lines, and
/// each unit's text is built once.
///
/// # Options
///
/// What the caller knows about the text:
/// ```
/// let res = whereas::Segmenter::new()
///     .reference("B9-0220/2020")
///     .language("en")
///     .segment("– having regard to Rule 132(2),\n\nA. whereas it is so;\n\n1. Calls for action.\n")?;
/// assert_eq!(res.reference.as_deref(), Some("B-9-2020-0220"));
/// assert_eq!(res.counts(), [1, 1, 1, 0]);
/// assert_eq!(res.unit_id(&res.units[1]), "B-9-2020-0220/recital/A");
/// # Ok::<(), whereas::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Segmenter {
    reference: Option<String>,
    source: Option<String>,
    language: Option<String>,
}

impl Segmenter {
    /// A segmenter with no caller-given metadata.
    pub fn new() -> Self {
        Self::default()
    }

    /// The reference to use when the text names none (normalised when it can be).
    pub fn reference(mut self, reference: impl Into<String>) -> Self {
        self.reference = Some(reference.into());
        self
    }

    /// Where the text came from (a path or an address), stored in [`Resolution::source`].
    pub fn source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// The language code, stored in [`Resolution::language`] (else guessed: `"en"` for
    /// English texts, `None` otherwise).
    pub fn language(mut self, language: impl Into<String>) -> Self {
        self.language = Some(language.into());
        self
    }

    /// Segments plain text as one text. `Err(Error::NoResolution)` when no unit is found.
    ///
    /// The whole input is read as one resolution: a file that holds several texts (a
    /// sitting's "Texts adopted") gives their units together, told apart only by
    /// [`Warning`]s and suffixed labels. Use [`Segmenter::segment_all`] for input that may
    /// hold several texts.
    pub fn segment(&self, text: &str) -> crate::Result<Resolution> {
        let mut res = assemble::segment_text(text)?;
        self.apply(&mut res);
        Ok(res)
    }

    /// Segments plain text that may hold several texts, one [`Resolution`] per text.
    ///
    /// The input is cut before each line that is nothing but a reference
    /// (`P9_TA(2021)0056`, `B9-0220/2020`, …), as a sitting's "Texts adopted" print each
    /// text after its reference block; a stretch without units (page navigation listing
    /// references) joins the text after it, or at the end the one before. A file with one
    /// text gives one resolution, the same as [`Segmenter::segment`]. Spans refer to the
    /// whole input, and the resolutions' pieces and noise together tile it.
    /// `Err(Error::NoResolution)` when no text has a unit.
    ///
    /// ```
    /// let text = "P9_TA(2021)0001\nEuropean Parliament resolution on X\n\n1. Calls for Y.\n\n\
    ///             P9_TA(2021)0002\nEuropean Parliament resolution on Z\n\n1. Urges W.\n";
    /// let all = whereas::Segmenter::new().segment_all(text)?;
    /// assert_eq!(all.len(), 2);
    /// assert_eq!(all[1].reference.as_deref(), Some("TA-9-2021-0002"));
    /// assert_eq!(all[1].title.as_deref(), Some("European Parliament resolution on Z"));
    /// assert_eq!(all[1].units[1].text, "Urges W.");
    /// # Ok::<(), whereas::Error>(())
    /// ```
    pub fn segment_all(&self, text: &str) -> crate::Result<Vec<Resolution>> {
        split::segment_all(self, text)
    }

    /// Segments a document that is not an EP resolution (a press article, an NGO or UN
    /// report): each paragraph, a block of lines between blank lines, becomes a
    /// [`UnitKind::Paragraph`] unit labelled `1`, `2`, …, with the same cleaning,
    /// entities and name channels as resolution units; a short first line with no
    /// closing punctuation is the title. Give it a reference
    /// ([`Segmenter::reference`]) to index it.
    ///
    /// ```
    /// let text = "Kazakh activist sentenced\n\nAlmat Zhumagulov was sentenced to six years.\n\n\
    ///             Rights groups called for his release.\n";
    /// let mut doc = whereas::Segmenter::new().reference("press-2021-02-10").document(text)?;
    /// assert_eq!(doc.title.as_deref(), Some("Kazakh activist sentenced"));
    /// assert_eq!(doc.units.len(), 2);
    /// assert_eq!(doc.unit_id(&doc.units[1]), "press-2021-02-10/paragraph/2");
    /// whereas::entity::annotate(&mut doc);
    /// assert!(doc.units[0].entities.iter().any(|e| e.text == "Almat Zhumagulov"));
    /// # Ok::<(), whereas::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::NoResolution`](crate::Error::NoResolution) when the text is blank.
    pub fn document(&self, text: &str) -> crate::Result<Resolution> {
        let mut res = document::segment_document(text)?;
        self.apply(&mut res);
        Ok(res)
    }

    /// Segments an HTML page: its text is extracted with [`html_to_text`] and segmented;
    /// spans refer to that extracted text.
    #[cfg(feature = "html")]
    pub fn segment_html(&self, html: &str) -> crate::Result<Resolution> {
        let text = html_to_text(html);
        self.segment(&text)
    }

    /// [`Segmenter::segment_all`] for an HTML page: one resolution per text; spans refer
    /// to the text extracted by [`html_to_text`].
    #[cfg(feature = "html")]
    pub fn segment_html_all(&self, html: &str) -> crate::Result<Vec<Resolution>> {
        let text = html_to_text(html);
        self.segment_all(&text)
    }

    fn apply(&self, res: &mut Resolution) {
        if res.reference.is_none() {
            if let Some(r) = &self.reference {
                res.reference = Some(normalize_reference(r).unwrap_or_else(|| r.clone()));
            }
        }
        if self.source.is_some() {
            res.source.clone_from(&self.source);
        }
        if self.language.is_some() {
            res.language.clone_from(&self.language);
        }
    }
}

/// Segments plain text with default options. See [`Segmenter`] for what the units are.
///
/// ```
/// let text = "Title line\n\n– having regard to X(1),\n\nA.\u{a0}whereas Y;\n\n1. Calls for Z.\n\n(1)OJ C 1, p. 1.\n";
/// let res = whereas::segment(text)?;
/// assert_eq!(res.counts(), [1, 1, 1, 1]);
/// assert_eq!(res.units[0].text, "having regard to X,");
/// assert_eq!(res.units[0].footnote_calls, ["1"]);
/// # Ok::<(), whereas::Error>(())
/// ```
pub fn segment(text: &str) -> crate::Result<Resolution> {
    Segmenter::new().segment(text)
}

/// Segments a document that is not an EP resolution (press, NGO and UN reports) into
/// paragraph units, with default options: see [`Segmenter::document`].
pub fn segment_document(text: &str) -> crate::Result<Resolution> {
    Segmenter::new().document(text)
}

/// Segments an HTML page (an EP `doceo` page, say) with default options.
#[cfg(feature = "html")]
pub fn segment_html(html: &str) -> crate::Result<Resolution> {
    Segmenter::new().segment_html(html)
}

/// Test helper: checks one unit's kind, label and text.
#[cfg(test)]
pub(crate) fn assert_unit(unit: &Unit, kind: UnitKind, label: &str, text: &str) {
    assert_eq!(unit.kind, kind, "kind of {unit:?}");
    assert_eq!(unit.label, label, "label of {unit:?}");
    assert_eq!(unit.text, text, "text of {unit:?}");
}

/// Test helper: checks the coverage invariant of the module docs.
#[cfg(test)]
pub(crate) fn assert_coverage(input: &str, res: &Resolution) {
    let mut spans: Vec<Span> = res.noise.iter().map(|n| n.span).collect();
    for u in &res.units {
        spans.extend(u.pieces.iter().copied());
    }
    spans.sort();
    let mut at = 0;
    for s in &spans {
        assert_eq!(s.start, at, "gap or overlap at {at}: {spans:?}");
        assert!(s.end > s.start, "empty span {s:?}");
        assert!(input.is_char_boundary(s.start) && input.is_char_boundary(s.end));
        at = s.end;
    }
    assert_eq!(at, input.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_id_uses_reference_or_unreferenced() {
        let res = segment("A. whereas x;\n\n1. Calls for y.").unwrap();
        assert_eq!(res.unit_id(&res.units[0]), "unreferenced/recital/A");
        let res = Segmenter::new()
            .reference("P9_TA(2021)0056")
            .segment("A. whereas x;\n\n1. Calls for y.")
            .unwrap();
        assert_eq!(res.unit_id(&res.units[1]), "TA-9-2021-0056/paragraph/1");
    }

    #[test]
    fn nothing_resolution_like_is_an_error() {
        for text in [
            "",
            "hello world",
            "\n\n\u{a0}\n",
            "Related Posts\nLegal notice",
        ] {
            match segment(text) {
                Err(crate::Error::NoResolution { .. }) => {}
                other => panic!("{text:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn serde_round_trip() {
        let res =
            segment("– having regard to X,\n\nA. whereas a:\n\na. one;\n\n1. Calls.").unwrap();
        let json = serde_json::to_string(&res).unwrap();
        let back: Resolution = serde_json::from_str(&json).unwrap();
        assert_eq!(back, res);
    }
}
