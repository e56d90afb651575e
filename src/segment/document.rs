//! Documents that are not EP resolutions (press articles, NGO reports, UN documents):
//! each paragraph (a block of lines between blank lines) becomes a unit.
//!
//! In: text. Out: a [`Resolution`] whose units are all [`UnitKind::Paragraph`],
//! labelled `1`, `2`, … in order, with the same cleaning as resolution units
//! (whitespace folded, a word hyphenated across a line break joined again). A first
//! block that is one short line with no closing punctuation is the title (as a
//! resolution's title line is). Invariant: units and noise tile the input, as for
//! resolutions; the blank stretches between paragraphs are [`NoiseReason::Blank`] (or
//! [`NoiseReason::PageBreak`] when they hold a form feed).

use super::hyphen::{line_end_hyphen, Compounds, LineEndHyphen};
use super::lines::{is_ws, split, Line};
use crate::error::Error;
use crate::model::{Noise, NoiseReason, Resolution, Span, Unit, UnitKind, Warning, OVERLONG_UNIT};

/// Longest first line taken as a title, in bytes.
const TITLE_BYTES: usize = 200;

/// Splits a document into paragraph units.
pub(crate) fn segment_document(text: &str) -> crate::Result<Resolution> {
    let lines = split(text);
    let mut blocks: Vec<&[Line]> = Vec::new();
    let mut from = None;
    for (i, line) in lines.iter().enumerate() {
        match (line.is_blank(), from) {
            (false, None) => from = Some(i),
            (true, Some(f)) => {
                blocks.push(&lines[f..i]);
                from = None;
            }
            _ => {}
        }
    }
    if let Some(f) = from {
        blocks.push(&lines[f..]);
    }
    if blocks.is_empty() {
        return Err(Error::NoResolution {
            reason: "the document holds no text".into(),
        });
    }
    let compounds = Compounds::new(text);
    let mut title = None;
    let mut title_span = None;
    if let [line] = blocks[0] {
        let first = &text[line.start..line.end];
        let closed = first.ends_with(['.', '!', '?', ':', ';', ',']);
        if blocks.len() > 1 && first.len() <= TITLE_BYTES && !closed {
            title = Some(fold(first));
            title_span = Some(Span {
                start: line.start,
                end: line.end,
            });
            blocks.remove(0);
        }
    }

    let mut units = Vec::with_capacity(blocks.len());
    let mut warnings = Vec::new();
    for (n, block) in blocks.iter().enumerate() {
        let span = Span {
            start: block[0].start,
            end: block[block.len() - 1].end,
        };
        let mut unit = Unit::new(
            UnitKind::Paragraph,
            (n + 1).to_string(),
            join(text, block, &compounds),
        );
        unit.ordinal = n;
        unit.span = span;
        unit.pieces = vec![span];
        if unit.text.len() > OVERLONG_UNIT {
            warnings.push(Warning::OverlongUnit {
                kind: unit.kind,
                label: unit.label.clone(),
                len: unit.text.len(),
            });
        }
        units.push(unit);
    }

    // Noise: everything between the title and the units.
    let mut taken: Vec<(Span, Option<NoiseReason>)> =
        units.iter().map(|u| (u.span, None)).collect();
    if let Some(span) = title_span {
        taken.push((span, Some(NoiseReason::Title)));
    }
    taken.sort_by_key(|(span, _)| span.start);
    let mut noise = Vec::new();
    let mut at = 0;
    for (span, reason) in taken {
        if span.start > at {
            noise.push(blank(text, at, span.start));
        }
        if let Some(reason) = reason {
            noise.push(Noise { span, reason });
        }
        at = span.end;
    }
    if at < text.len() {
        noise.push(blank(text, at, text.len()));
    }

    let mut resolution = Resolution::new(units);
    resolution.title = title;
    resolution.noise = noise;
    resolution.warnings = warnings;
    Ok(resolution)
}

/// The noise for whitespace between `start` and `end`.
fn blank(text: &str, start: usize, end: usize) -> Noise {
    let reason = if text[start..end].contains('\u{c}') {
        NoiseReason::PageBreak
    } else {
        NoiseReason::Blank
    };
    Noise {
        span: Span { start, end },
        reason,
    }
}

/// The lines of one paragraph as one line of text: whitespace folded, a line-end
/// hyphen joined, kept or spaced as in resolution units.
fn join(text: &str, block: &[Line], compounds: &Compounds) -> String {
    let mut out = String::new();
    for line in block {
        let s = fold(&text[line.start..line.end]);
        if !out.is_empty() {
            let hyphen = out
                .ends_with('-')
                .then(|| line_end_hyphen(&out[..out.len() - 1], &s, compounds));
            match hyphen {
                Some(LineEndHyphen::Join) => {
                    out.pop();
                }
                Some(LineEndHyphen::Keep) => {}
                Some(LineEndHyphen::Suspended) | None => out.push(' '),
            }
        }
        out.push_str(&s);
    }
    out
}

/// `s` with every run of whitespace one space, trimmed.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(is_ws).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::assert_coverage;

    #[test]
    fn paragraphs_become_units_and_the_headline_the_title() {
        let text = "Kazakh activist jailed\n\n\
                    ALMATY — The activist Almat Zhumagulov was sen-\n\
                    tenced on Tuesday.\n\n\n\
                    \u{c}Rights groups  called for his release.\n";
        let res = segment_document(text).unwrap();
        assert_eq!(res.title.as_deref(), Some("Kazakh activist jailed"));
        let texts: Vec<(&str, &str)> = res
            .units
            .iter()
            .map(|u| (u.label.as_str(), u.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                (
                    "1",
                    "ALMATY — The activist Almat Zhumagulov was sentenced on Tuesday."
                ),
                ("2", "Rights groups called for his release."),
            ]
        );
        assert!(res.units.iter().all(|u| u.kind == UnitKind::Paragraph));
        assert!(res.noise.iter().any(|n| n.reason == NoiseReason::PageBreak));
        assert_coverage(text, &res);
    }

    #[test]
    fn a_sentence_first_is_a_paragraph_and_blank_text_an_error() {
        let text = "  One sentence only.\n\nAnother one.";
        let res = segment_document(text).unwrap();
        assert_eq!(res.title, None);
        assert_eq!(res.units.len(), 2);
        assert_coverage(text, &res);
        for blank in ["", " \n\n\t\n"] {
            assert!(matches!(
                segment_document(blank),
                Err(Error::NoResolution { .. })
            ));
        }
    }
}
