//! The line scan: which lines open units, which continue them and which are noise.
//!
//! One pass over the lines. A line that starts with the marker due (see
//! [`super::labels`]) opens a unit, a lower-case marker or a dash after the citations
//! opens a sub-point, and other lines wait ([`Pending`]) until the next marker shows
//! whether they continue the unit before it or are page text. Lines before the first unit
//! are noise; a footnote rule at the foot of a page ([`super::page_notes`]) opens the page's
//! footnotes, and the unit the page interrupted resumes when the page ends.

use super::draft::{Draft, DraftPoint};
use super::footnote;
use super::labels::{Labels, MarkerContext};
use super::lines::{self, is_ws, Line};
use super::marker::{self, MarkerKind};
use super::page_notes;
use super::tile::Owner;
use super::{noise, NoiseReason, UnitKind, Warning};

/// How every citation of a resolution opens, after its dash.
const CITATION_OPENER: &str = "having regard to ";

/// Abbreviations that end in a full stop without ending a sentence (lower-cased).
const ABBREVIATIONS: &[&str] = &[
    "p", "pp", "no", "nos", "art", "arts", "para", "paras", "cf", "e.g", "i.e", "vol", "ch", "sec",
    "op",
];

/// A text line in the body that is not a marker, waiting to learn whether a unit follows.
#[derive(Debug, Clone, Copy)]
struct Pending {
    line: usize,
    blank_before: bool,
}

/// The state of the line scan.
pub(super) struct Scan<'a> {
    /// The input.
    text: &'a str,
    /// Its lines.
    lines: Vec<Line>,
    /// The units opened so far, in input order.
    pub(super) drafts: Vec<Draft>,
    /// Content pieces (not yet sorted) and their owners.
    pub(super) pieces: Vec<(usize, usize, Owner)>,
    /// Odd things met so far.
    pub(super) warnings: Vec<Warning>,
    /// Lines before the body that were noise: (line index, piece index).
    pub(super) before: Vec<(usize, usize)>,
    /// Lines waiting for the next marker to tell whether they continue the current unit.
    pending: Vec<Pending>,
    /// The body has begun: a unit has been opened.
    body: bool,
    /// Inside a run of footnotes.
    in_notes: bool,
    /// The footnotes being read are labelled in square brackets (`[1]`).
    note_square: bool,
    /// The label due next for each kind, and the labels opened.
    labels: Labels,
    /// Inside a report's apparatus (amendment tables, annex, procedure record, roll
    /// call): every line is noise, for this reason.
    apparatus: Option<NoiseReason>,
    /// Inside a page's footnotes (after a footnote rule, until the page ends): the unit
    /// the page break interrupted, which the next page continues.
    page_notes: Option<Option<usize>>,
    /// The unit that takes continuation lines, when it is not the last one opened (a
    /// unit resumed after its page's footnotes).
    resume: Option<usize>,
}

/// Does this text leave its unit unfinished (no final `.`/`;`, or an abbreviation)?
fn ends_open(s: &str) -> bool {
    let t =
        s.trim_end_matches(|c: char| is_ws(c) || matches!(c, '"' | '\'' | '’' | '”' | ')' | ']'));
    match t.chars().last() {
        None => true,
        Some('.') => {
            let word = t[..t.len() - 1].rsplit(is_ws).next().unwrap_or("");
            // `p.`, `No.`, `e.g.`: an abbreviation, not a sentence end.
            let word = word
                .trim_start_matches(['(', '[', '"', '‘', '“'])
                .to_ascii_lowercase();
            ABBREVIATIONS.contains(&word.as_str())
        }
        Some(';' | '!' | '?') => false,
        Some(_) => true,
    }
}

/// Does the line end with punctuation that can close a unit or a list item?
fn ends_with_punct(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', '’', '”', ')', ']']);
    matches!(t.chars().last(), Some('.' | ';' | ':' | ',' | '!' | '?'))
}

fn starts_lower(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}

impl<'a> Scan<'a> {
    /// A scan of `text`, split into lines, nothing read yet.
    pub(super) fn new(text: &'a str) -> Self {
        Scan {
            text,
            lines: lines::split(text),
            drafts: Vec::new(),
            pieces: Vec::new(),
            warnings: Vec::new(),
            before: Vec::new(),
            pending: Vec::new(),
            body: false,
            in_notes: false,
            note_square: false,
            labels: Labels::new(),
            apparatus: None,
            page_notes: None,
            resume: None,
        }
    }

    /// The content of line `i`, trimmed.
    pub(super) fn content(&self, i: usize) -> &'a str {
        let l = self.lines[i];
        &self.text[l.start..l.end]
    }

    /// The unit that takes continuation lines: the one resumed, else the last opened.
    fn current(&self) -> Option<usize> {
        self.resume.or_else(|| self.drafts.len().checked_sub(1))
    }

    /// Appends the pending lines to the current unit.
    fn flush_pending(&mut self) {
        let Some(cur) = self.current() else {
            return;
        };
        for p in std::mem::take(&mut self.pending) {
            let l = self.lines[p.line];
            self.drafts[cur].ranges.push((l.start, l.end));
        }
    }

    /// Gives line `i` to noise, for `reason`.
    fn noise_line(&mut self, i: usize, reason: NoiseReason) {
        let l = self.lines[i];
        self.pieces.push((l.start, l.end, Owner::Noise(reason)));
        if !self.body {
            self.before.push((i, self.pieces.len() - 1));
        }
    }

    /// Opens unit `label` of `kind`, ranked `rank`, at `range`, whose first `marker_len`
    /// bytes are its marker.
    fn open_unit(
        &mut self,
        kind: UnitKind,
        rank: u32,
        label: String,
        range: (usize, usize),
        marker_len: usize,
    ) {
        let (label, repeated) = self.labels.open(kind, rank, &label, range.0);
        self.warnings.extend(repeated);
        self.drafts.push(Draft {
            kind,
            label,
            ranges: vec![range],
            marker_len,
            points: Vec::new(),
        });
        self.body = true;
        self.resume = None;
    }

    /// Citations are due: no recital or paragraph has been opened, and no footnotes are
    /// being read.
    fn citations_due(&self) -> bool {
        !self.labels.opened(UnitKind::Recital)
            && !self.labels.opened(UnitKind::Paragraph)
            && !self.in_notes
    }

    /// Does a recital, paragraph or footnote marker ranked `rank` (printed `found`, at
    /// byte `at`) open a unit? The warning it earns, if any, is recorded.
    fn take_ranked(
        &mut self,
        kind: UnitKind,
        rank: u32,
        found: &str,
        at: usize,
        separated: bool,
    ) -> bool {
        let context = MarkerContext {
            body: self.body,
            in_notes: self.in_notes,
            separated,
        };
        let (take, warning) = self.labels.judge(kind, rank, found, at, context);
        self.warnings.extend(warning);
        take
    }

    /// Reads every line.
    pub(super) fn run(&mut self) {
        let is_marker = |s: &str| marker::parse(s).is_some();
        let headers = noise::page_headers(self.text, &self.lines, is_marker);
        let mut blank_before = true;
        let mut prev_punct = true;
        // A form feed since the last non-blank line.
        let mut form_feed = false;
        for (i, &flagged) in headers.iter().enumerate() {
            let line = self.lines[i];
            form_feed |= line.after_form_feed;
            if line.is_blank() {
                blank_before = true;
                continue;
            }
            if flagged || std::mem::take(&mut form_feed) {
                self.end_page_notes();
            }
            if flagged {
                self.noise_line(i, NoiseReason::PageHeader);
                continue;
            }
            let s = self.content(i);
            if self.body && self.apparatus(i, s) {
                continue;
            }
            let note_due = self.labels.due(UnitKind::Footnote);
            if self.body
                && !self.in_notes
                && page_notes::opens_page_notes(self.text, &self.lines, &headers, i, note_due)
            {
                self.flush_pending();
                self.noise_line(i, NoiseReason::FootnoteRule);
                self.page_notes = Some(self.current());
                self.in_notes = true;
                blank_before = true;
                prev_punct = true;
                continue;
            }
            let separated = blank_before || prev_punct;
            let taken = self.try_marker(i, s, separated) || self.wrapped_note(i, s);
            if !taken {
                if self.body {
                    self.pending.push(Pending {
                        line: i,
                        blank_before,
                    });
                } else {
                    self.noise_line(i, noise::classify_outside(s, true));
                }
            }
            blank_before = false;
            prev_punct = ends_with_punct(s);
        }
        self.finish_pending();
    }

    /// Handles a line that may open a unit, a sub-point or a run of footnotes.
    fn try_marker(&mut self, i: usize, s: &'a str, separated: bool) -> bool {
        let Some(m) = marker::parse(s)
            .or_else(|| self.marker_alone(i, s))
            .or_else(|| self.citation_without_dash(s))
        else {
            return false;
        };
        let l = self.lines[i];
        let range = (l.start, l.end);
        match m.kind {
            MarkerKind::Dash { lower } => {
                if self.citations_due() && lower {
                    self.flush_pending();
                    let rank = self.labels.due(UnitKind::Citation);
                    self.open_unit(UnitKind::Citation, rank, rank.to_string(), range, m.len);
                    true
                } else if self.body && !self.in_notes && separated {
                    let n = self.current().map_or(0, |c| self.drafts[c].points.len()) + 1;
                    self.point(range, m.len, n.to_string())
                } else {
                    false
                }
            }
            MarkerKind::Upper { label, rank } => {
                if self.labels.opened(UnitKind::Paragraph)
                    || self.in_notes
                    || !self.take_ranked(UnitKind::Recital, rank, &label, l.start, separated)
                {
                    return false;
                }
                self.flush_pending();
                self.open_unit(UnitKind::Recital, rank, label, range, m.len);
                true
            }
            MarkerKind::Number(n) => {
                let label = n.to_string();
                if self.in_notes
                    || !self.take_ranked(UnitKind::Paragraph, n, &label, l.start, separated)
                {
                    return false;
                }
                self.flush_pending();
                self.open_unit(UnitKind::Paragraph, n, label, range, m.len);
                true
            }
            MarkerKind::Note { number, square } => {
                let label = number.to_string();
                if !self.body
                    || !self.take_ranked(UnitKind::Footnote, number, &label, l.start, separated)
                {
                    return false;
                }
                self.flush_pending();
                self.in_notes = true;
                self.note_square = square;
                self.open_notes(range, number, m.len);
                true
            }
            MarkerKind::Lower(label) => {
                if self.body && !self.in_notes && separated {
                    self.point(range, m.len, label)
                } else {
                    false
                }
            }
        }
    }

    /// Handles line `i` (content `s`) of the body when it opens or lies in a report's
    /// apparatus: the lines waiting are settled as at the end of the text, and this line
    /// and every later one are noise, for the reason of the last heading (the site footer
    /// after it is page text). True when the line was taken.
    fn apparatus(&mut self, i: usize, s: &str) -> bool {
        let heading = noise::apparatus_heading(s);
        if let Some(reason) = heading {
            if self.apparatus.is_none() {
                self.end_page_notes();
                self.finish_pending();
            }
            self.apparatus = Some(reason);
        } else if self.apparatus.is_some() && noise::is_page_footer(s) {
            self.apparatus = Some(NoiseReason::AfterBody);
        }
        let Some(reason) = self.apparatus else {
            return false;
        };
        self.noise_line(i, reason);
        true
    }

    /// Line `i` (content `s`) of a run of footnotes that holds the marker of the footnote
    /// due after other text (`31.8.2013, p. 93.(4)OJ C 224 E, …`: a block of notes run
    /// on one line and then wrapped): the text before the marker ends the current note
    /// and the notes from the marker on are opened. True when the line was taken.
    fn wrapped_note(&mut self, i: usize, s: &str) -> bool {
        if !self.body || !self.in_notes {
            return false;
        }
        let Some(cur) = self.current() else {
            return false;
        };
        if self.drafts[cur].kind != UnitKind::Footnote {
            return false;
        }
        let due = self.labels.due(UnitKind::Footnote);
        let Some((j, marker_len)) = footnote::find_wrapped(s, due, self.note_square) else {
            return false;
        };
        self.flush_pending();
        let l = self.lines[i];
        self.drafts[cur].ranges.push((l.start, l.start + j));
        self.open_notes((l.start + j, l.end), due, marker_len);
        true
    }

    /// A citation whose dash was lost (EUR-Lex pages set it in a table column of its own,
    /// which a text rendering drops): a line opening with "having regard to", where
    /// citations are due (before the first recital or paragraph). It opens a citation
    /// with an empty marker.
    fn citation_without_dash(&self, s: &str) -> Option<marker::Marker> {
        let due = self.citations_due();
        // A dash alone on the line before has already opened this citation.
        let opened = self.current().is_some_and(|c| self.drafts[c].is_bare());
        (due && !opened && s.starts_with(CITATION_OPENER)).then_some(marker::Marker {
            kind: MarkerKind::Dash { lower: true },
            len: 0,
        })
    }

    /// A marker alone on its line (`B.`), its text on the next non-blank line, which must
    /// not be a marker itself. A lone dash needs text in lower case after it.
    fn marker_alone(&self, i: usize, s: &str) -> Option<marker::Marker> {
        let kind = marker::parse_alone(s)?;
        let next = self.lines[i + 1..].iter().take(4).find(|l| !l.is_blank())?;
        let next = &self.text[next.start..next.end];
        if marker::parse(next).is_some() || marker::parse_alone(next).is_some() {
            return None;
        }
        let kind = match kind {
            MarkerKind::Dash { .. } => MarkerKind::Dash {
                lower: next.chars().next().is_some_and(char::is_lowercase),
            },
            k => k,
        };
        Some(marker::Marker { kind, len: s.len() })
    }

    /// Opens sub-point `label` of the current unit at `range`, whose first `marker_len`
    /// bytes are its marker. False when there is no unit to take it.
    fn point(&mut self, range: (usize, usize), marker_len: usize, label: String) -> bool {
        let Some(cur) = self.current() else {
            return false;
        };
        self.flush_pending();
        let d = &mut self.drafts[cur];
        d.ranges.push(range);
        d.points.push(DraftPoint {
            range_index: d.ranges.len() - 1,
            marker_len,
            label,
        });
        true
    }

    /// Ends a page's footnotes: their last lines go to the last note, and the unit the
    /// page interrupted takes the next page's text.
    fn end_page_notes(&mut self) {
        if let Some(interrupted) = self.page_notes.take() {
            self.flush_pending();
            self.in_notes = false;
            self.resume = interrupted;
        }
    }

    /// Opens the footnotes of the line at `range`: note `first`, whose marker takes
    /// `marker_len` bytes, and the notes run on after it.
    fn open_notes(&mut self, range: (usize, usize), first: u32, marker_len: usize) {
        let line = &self.text[range.0..range.1];
        for note in footnote::split_run(line, first, marker_len, self.note_square) {
            let label = note.number.to_string();
            let at = (range.0 + note.start, range.0 + note.end);
            self.open_unit(UnitKind::Footnote, note.number, label, at, note.marker_len);
        }
    }

    /// Lines after the last marker: the last unit's continuation while it is unfinished,
    /// page text once it is complete.
    fn finish_pending(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        let mut continuing = true;
        for p in pending {
            let s = self.content(p.line);
            // A unit that is still only its marker (`1.` alone on its line) takes the next line.
            let (bare, open) = self.current().map_or((false, false), |c| {
                let d = &self.drafts[c];
                match d.ranges.as_slice() {
                    _ if d.is_bare() => (true, true),
                    [.., (a, b)] => (false, ends_open(&self.text[*a..*b])),
                    [] => (false, false),
                }
            });
            let cont = bare
                || if p.blank_before {
                    open && starts_lower(s)
                } else {
                    open || starts_lower(s)
                };
            if continuing && cont {
                let l = self.lines[p.line];
                if let Some(c) = self.current() {
                    self.drafts[c].ranges.push((l.start, l.end));
                }
            } else {
                continuing = false;
                self.noise_line(p.line, noise::classify_outside(s, false));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{assert_coverage, assert_unit, segment, UnitKind};
    use super::*;

    #[test]
    fn sub_points_stay_in_their_recital() {
        let t = "A. whereas x;\n\nB. whereas six:\n\na.\u{a0}one;\n\nb.\u{a0}two;\n\nC. whereas y;\n\n1. Calls.";
        let res = segment(t).unwrap();
        assert_eq!(res.counts(), [0, 3, 1, 0]);
        let b = &res.units[1];
        assert_unit(b, UnitKind::Recital, "B", "whereas six: a. one; b. two;");
        assert_eq!(b.points.len(), 2);
        assert_eq!(
            (b.points[0].label.as_str(), b.points[0].text.as_str()),
            ("a", "one;")
        );
        assert_eq!(&b.text[b.points[1].start..], "b. two;");
    }

    #[test]
    fn wrapped_dash_is_not_a_sub_point() {
        let t = "1. Recalls the Regime\n– which enables action – and urges;\n\n2. Calls:\n– one;\n– two.";
        let res = segment(t).unwrap();
        assert!(res.units[0].points.is_empty());
        assert_eq!(
            res.units[0].text,
            "Recalls the Regime – which enables action – and urges;"
        );
        assert_eq!(res.units[1].points.len(), 2);
    }

    #[test]
    fn markers_alone_on_their_line() {
        let t = "Title\n\n–\nhaving regard to X,\n\nA.\nwhereas Y;\n\n1.\n\nCalls for Z.\n\n2.\n";
        let res = segment(t).unwrap();
        assert_coverage(t, &res);
        assert_eq!(res.counts(), [1, 1, 1, 0]);
        assert_unit(
            &res.units[0],
            UnitKind::Citation,
            "1",
            "having regard to X,",
        );
        assert_unit(&res.units[1], UnitKind::Recital, "A", "whereas Y;");
        assert_unit(&res.units[2], UnitKind::Paragraph, "1", "Calls for Z.");
    }

    #[test]
    fn ends_open_rules() {
        assert!(ends_open("the"));
        assert!(ends_open("OJ C 23, p."));
        assert!(!ends_open("Parliament."));
        assert!(!ends_open("banned;"));
        assert!(!ends_open("rights for all."));
        assert!(!ends_open("Calls for Z."));
        assert!(ends_open("Regulation (EU) No."));
        assert!(ends_open("list:"));
    }
}
