//! Footnotes at the foot of a page: the rule that opens them.
//!
//! PDF-to-text output sets a page's footnotes at its foot, under a rule (`_______`), in the
//! middle of the unit the page break interrupts. The scan takes such a rule as noise, reads
//! the notes as units of their own, and when the page ends gives the next page's text back
//! to the interrupted unit.

use super::lines::{is_ws, Line};
use super::marker::{self, MarkerKind};

/// Most lines a page's footnotes take, from the rule to the end of the page.
const PAGE_NOTES_LINES: usize = 40;

/// A rule line: at least five underscores or dashes and nothing else.
fn is_rule(s: &str) -> bool {
    let s = s.trim_matches(is_ws);
    s.chars().count() >= 5 && s.chars().all(|c| matches!(c, '_' | '-' | '–' | '—' | '─'))
}

/// Whether line `i` of `text` (split into `lines`; `headers` flags the running headers and
/// footers) is a footnote rule (`_______`) at the foot of a page: the next non-blank line
/// opens footnote `note_due`, and the page ends (a running header or footer, or a form
/// feed) within [`PAGE_NOTES_LINES`] lines, before any recital or paragraph marker.
/// Without a page end in sight the notes could run into the next page's text unseen, so
/// the rule is then left to the unit, as any line is.
pub(super) fn opens_page_notes(
    text: &str,
    lines: &[Line],
    headers: &[bool],
    i: usize,
    note_due: u32,
) -> bool {
    let l = lines[i];
    if !is_rule(&text[l.start..l.end]) {
        return false;
    }
    let Some(next) = lines[i + 1..].iter().take(3).find(|l| !l.is_blank()) else {
        return false;
    };
    let opens_due_note = matches!(
        marker::parse(&text[next.start..next.end]),
        Some(marker::Marker { kind: MarkerKind::Note { number, .. }, .. }) if number == note_due
    );
    if !opens_due_note {
        return false;
    }
    // A form feed since the last non-blank line (see `Line::after_form_feed`).
    let mut form_feed = false;
    for (j, l) in lines.iter().enumerate().skip(i + 1).take(PAGE_NOTES_LINES) {
        form_feed |= l.after_form_feed;
        if l.is_blank() {
            continue;
        }
        if headers.get(j) == Some(&true) || form_feed {
            return true;
        }
        // A recital or paragraph marker: the unit ended and the next one began on
        // this page. (Lower-case markers are not sub-points inside notes: "p. 83.")
        let other_marker = marker::parse(&text[l.start..l.end])
            .is_some_and(|m| matches!(m.kind, MarkerKind::Upper { .. } | MarkerKind::Number(_)));
        if other_marker {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::assemble::dropped;
    use super::super::{assert_coverage, assert_unit, segment, NoiseReason, UnitKind};

    #[test]
    fn footnotes_at_the_foot_of_a_page_are_units_and_the_unit_goes_on() {
        let t = "– having regard to its resolution on Utopia(1),\n\nA. whereas the rights of\n_______________\n(1) OJ C 23, 21.1.2021,\np. 83.\nPE693.123v01-00\n1/2\n\u{c}journalists are restricted;\n\nB. whereas y;\n\n1. Calls.\nPE693.123v01-00\n2/2\n";
        let res = segment(t).unwrap();
        assert_coverage(t, &res);
        assert_eq!(res.counts(), [1, 2, 1, 1]);
        assert_eq!(res.units[0].footnote_calls, ["1"]);
        assert_unit(
            &res.units[1],
            UnitKind::Recital,
            "A",
            "whereas the rights of journalists are restricted;",
        );
        assert_unit(
            &res.units[2],
            UnitKind::Footnote,
            "1",
            "OJ C 23, 21.1.2021, p. 83.",
        );
        assert_unit(&res.units[3], UnitKind::Recital, "B", "whereas y;");
        assert!(dropped(&res, NoiseReason::FootnoteRule));
    }

    #[test]
    fn a_rule_with_no_page_end_in_sight_stays_in_its_unit() {
        // No form feed, no running header: where the notes end is unknown, so nothing
        // is moved and the later units are all kept.
        let t = "– having regard to x(1),\n\nA. whereas a\n_______________\n(1) OJ C 23.\nb;\n\nB. whereas y;\n\n1. Calls.\n";
        let res = segment(t).unwrap();
        assert_coverage(t, &res);
        assert_eq!(res.counts(), [1, 2, 1, 0]);
        assert!(res.units[1].text.contains("(1) OJ C 23."));
    }
}
