//! A unit being built: the ranges of the input it takes, and the text made from them.
//!
//! The line scan (`scan.rs`) opens a [`Draft`] at a marker and adds the content range of
//! each line the unit takes. [`build_text`] then makes the unit's text from those ranges:
//! the marker is removed, whitespace is folded to single spaces, a word hyphenated across a
//! line break is joined again (see [`super::hyphen`]), footnote calls are taken out and
//! listed, and the sub-points are marked where they start.

use super::footnote::{self, Calls};
use super::hyphen::{line_end_hyphen, Compounds, LineEndHyphen};
use super::lines::is_ws;
use super::{SubPoint, UnitKind};

/// A unit being built: its kind, label and the content ranges of its lines.
#[derive(Debug)]
pub(super) struct Draft {
    /// The unit's kind.
    pub(super) kind: UnitKind,
    /// Its label, as the unit will carry it.
    pub(super) label: String,
    /// Content ranges in the input; the first starts with the marker.
    pub(super) ranges: Vec<(usize, usize)>,
    /// Bytes of the marker at the start of the first range.
    pub(super) marker_len: usize,
    /// Its sub-points, in order.
    pub(super) points: Vec<DraftPoint>,
}

impl Draft {
    /// Still only its marker (`1.` alone on its line): its text is on a later line.
    pub(super) fn is_bare(&self) -> bool {
        matches!(self.ranges.as_slice(), [(a, b)] if b - a <= self.marker_len)
    }
}

/// A sub-point inside a draft.
#[derive(Debug)]
pub(super) struct DraftPoint {
    /// Index into `Draft::ranges` of the range the sub-point starts.
    pub(super) range_index: usize,
    /// Bytes of the sub-point's marker at the start of that range.
    pub(super) marker_len: usize,
    /// The marker without punctuation (`a`), or the dash's number.
    pub(super) label: String,
}

/// Folds one range of unit text into `out`, removing footnote calls.
struct Folder<'c> {
    calls: Option<&'c mut Calls>,
    found: Vec<(String, usize)>,
}

impl Folder<'_> {
    fn push(&mut self, out: &mut String, s: &str) {
        let mut space = false;
        let mut prev: Option<char> = None;
        let mut digits_before = 0usize;
        let mut iter = s.char_indices();
        while let Some((j, c)) = iter.next() {
            if is_ws(c) {
                space = true;
                prev = Some(' ');
                digits_before = 0;
                continue;
            }
            if c == '\u{ad}' {
                continue;
            }
            if c == '(' || c == '[' {
                if let Some(calls) = self.calls.as_deref_mut() {
                    if let Some((n, len, _)) = footnote::call_at(&s[j..]) {
                        if calls.accept(n, prev, digits_before) {
                            while out.ends_with(' ') {
                                out.pop();
                            }
                            self.found.push((n.to_string(), out.len()));
                            space = false;
                            // Skip the rest of the call (ASCII, so `len` bytes are `len` chars).
                            for _ in 1..len {
                                iter.next();
                            }
                            prev = Some(if c == '(' { ')' } else { ']' });
                            digits_before = 0;
                            continue;
                        }
                    }
                }
            }
            if space && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            space = false;
            out.push(c);
            digits_before = if c.is_ascii_digit() {
                digits_before + 1
            } else {
                0
            };
            prev = Some(c);
        }
    }
}

/// Builds a unit's text, sub-points and calls from its ranges.
pub(super) fn build_text(
    text: &str,
    draft: &Draft,
    calls: Option<&mut Calls>,
    compounds: &Compounds,
) -> (String, Vec<SubPoint>, Vec<(String, usize)>) {
    let cap: usize = draft.ranges.iter().map(|(a, b)| b - a).sum();
    let mut out = String::with_capacity(cap);
    let mut folder = Folder {
        calls,
        found: Vec::new(),
    };
    let mut point_at: Vec<(usize, usize)> = Vec::with_capacity(draft.points.len());
    let mut next_point = draft.points.iter().peekable();
    for (k, &(a, b)) in draft.ranges.iter().enumerate() {
        let mut s = &text[a..b];
        if k == 0 {
            s = s.get(draft.marker_len..).unwrap_or("");
        }
        let starts_point = next_point.peek().is_some_and(|p| p.range_index == k);
        if !out.is_empty() {
            // A line that ends with a hyphen: join, keep or space (see `hyphen`).
            let hyphen = (!starts_point && out.ends_with('-'))
                .then(|| line_end_hyphen(&out[..out.len() - 1], s, compounds));
            match hyphen {
                Some(LineEndHyphen::Join) => {
                    out.pop();
                }
                Some(LineEndHyphen::Keep) => {}
                Some(LineEndHyphen::Suspended) | None => {
                    if !out.ends_with(' ') {
                        out.push(' ');
                    }
                }
            }
        }
        if starts_point {
            if let Some(p) = next_point.next() {
                let start = out.len();
                let m = s.get(..p.marker_len).unwrap_or("");
                folder.push(&mut out, m.trim_end_matches(is_ws));
                out.push(' ');
                point_at.push((start, out.len()));
                s = s.get(p.marker_len..).unwrap_or("");
            }
        }
        folder.push(&mut out, s);
    }
    while out.ends_with(' ') {
        out.pop();
    }
    let mut points = Vec::with_capacity(draft.points.len());
    for (idx, p) in draft.points.iter().enumerate() {
        let (start, body) = point_at[idx];
        let end = point_at.get(idx + 1).map_or(out.len(), |n| n.0);
        let body = body.min(end);
        points.push(SubPoint {
            label: p.label.clone(),
            text: out[body..end].trim_end().to_string(),
            start,
        });
    }
    (out, points, folder.found)
}

#[cfg(test)]
mod tests {
    use super::super::assemble::dropped;
    use super::super::{assert_coverage, assert_unit, segment, NoiseReason, UnitKind};

    #[test]
    fn hard_wrap_hyphenation_and_page_headers() {
        let t = "A. whereas the organisa-\ntions were\n\u{c}PE 1/2\n\nbanned;\n\n1. Calls for\n\u{c}PE 2/2\nmore.\n";
        let res = segment(t).unwrap();
        assert_coverage(t, &res);
        assert_unit(
            &res.units[0],
            UnitKind::Recital,
            "A",
            "whereas the organisations were banned;",
        );
        assert_unit(&res.units[1], UnitKind::Paragraph, "1", "Calls for more.");
        assert_eq!(res.units[0].pieces.len(), 2);
        assert!(dropped(&res, NoiseReason::PageHeader));
    }

    #[test]
    fn line_end_hyphens_of_compounds_names_and_numbers_stay() {
        let t = "A. whereas state-\nowned media, the COVID-\n19 rules and Jean-\nPierre\nharm state-owned firms;\n\n1. Calls for pre-\nand post-trial release of organisa-\ntions.\n";
        let res = segment(t).unwrap();
        assert_coverage(t, &res);
        assert_unit(
            &res.units[0],
            UnitKind::Recital,
            "A",
            "whereas state-owned media, the COVID-19 rules and Jean-Pierre harm state-owned firms;",
        );
        assert_unit(
            &res.units[1],
            UnitKind::Paragraph,
            "1",
            "Calls for pre- and post-trial release of organisations.",
        );
    }

    #[test]
    fn calls_are_not_subdivisions() {
        let t = "– having regard to Rule 144(5) and its resolution of 2013(1),\n\n1. Notes x(2) and Article 6 (1).\n\n(1) OJ a.\n\n(2) OJ b.";
        let res = segment(t).unwrap();
        assert_eq!(
            res.units[0].text,
            "having regard to Rule 144(5) and its resolution of 2013,"
        );
        assert_eq!(res.units[1].text, "Notes x and Article 6 (1).");
        assert_eq!(res.units[1].footnote_calls, ["2"]);
    }
}
