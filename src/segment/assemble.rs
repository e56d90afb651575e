//! The segmenter proper: lines → units, noise and warnings, then each unit's text.

use std::collections::HashSet;

use super::footnote::{self, Calls};
use super::hyphen::{line_end_hyphen, Compounds, LineEndHyphen};
use super::labels::{Labels, MarkerContext};
use super::lines::{self, is_ws, Line};
use super::marker::{self, MarkerKind};
use super::{meta, noise, Noise, NoiseReason, Resolution, Span, SubPoint, Unit, UnitKind, Warning};
use crate::error::Error;

/// How every citation of a resolution opens, after its dash.
const CITATION_OPENER: &str = "having regard to ";

/// Most lines a page's footnotes take, from the rule to the end of the page.
const PAGE_NOTES_LINES: usize = 40;

/// A unit being built: its kind, label and the content ranges of its lines.
#[derive(Debug)]
struct Draft {
    kind: UnitKind,
    label: String,
    /// Content ranges in the input; the first starts with the marker.
    segs: Vec<(usize, usize)>,
    /// Bytes of the marker at the start of the first range.
    marker_len: usize,
    points: Vec<DraftPoint>,
}

impl Draft {
    /// Still only its marker (`1.` alone on its line): its text is on a later line.
    fn is_bare(&self) -> bool {
        matches!(self.segs.as_slice(), [(a, b)] if b - a <= self.marker_len)
    }
}

#[derive(Debug)]
struct DraftPoint {
    /// Index into `Draft::segs` of the range the sub-point starts.
    seg: usize,
    marker_len: usize,
    label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Unit(usize),
    Noise(NoiseReason),
}

/// A text line in the body that is not a marker, waiting to learn whether a unit follows.
#[derive(Debug, Clone, Copy)]
struct Pending {
    line: usize,
    blank_before: bool,
}

/// The state of the line scan.
struct Scan<'a> {
    text: &'a str,
    lines: Vec<Line>,
    drafts: Vec<Draft>,
    /// Content pieces (not yet sorted) and their owners.
    pieces: Vec<(usize, usize, Owner)>,
    warnings: Vec<Warning>,
    /// Lines before the body that were noise: (line index, piece index).
    before: Vec<(usize, usize)>,
    pending: Vec<Pending>,
    body: bool,
    in_notes: bool,
    note_square: bool,
    labels: Labels,
    /// Inside a page's footnotes (after a footnote rule, until the page ends): the unit
    /// the page break interrupted, which the next page continues.
    page_notes: Option<Option<usize>>,
    /// The unit that takes continuation lines, when it is not the last one opened (a
    /// unit resumed after its page's footnotes).
    resume: Option<usize>,
}

/// Abbreviations that end in a full stop without ending a sentence (lower-cased).
const ABBREVIATIONS: &[&str] = &[
    "p", "pp", "no", "nos", "art", "arts", "para", "paras", "cf", "e.g", "i.e", "vol", "ch", "sec",
    "op",
];

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

/// A rule line: at least five underscores or dashes and nothing else.
fn is_rule(s: &str) -> bool {
    let s = s.trim_matches(is_ws);
    s.chars().count() >= 5 && s.chars().all(|c| matches!(c, '_' | '-' | '–' | '—' | '─'))
}

fn starts_lower(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}

impl<'a> Scan<'a> {
    fn new(text: &'a str) -> Self {
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
            page_notes: None,
            resume: None,
        }
    }

    fn content(&self, i: usize) -> &'a str {
        let l = self.lines[i];
        &self.text[l.start..l.end]
    }

    fn cur(&self) -> Option<usize> {
        self.resume.or_else(|| self.drafts.len().checked_sub(1))
    }

    /// Whether line `i` is a footnote rule (`_______`) at the foot of a page of the body:
    /// the next non-blank line opens the footnote due, and the page ends (a running
    /// header or footer, or a form feed) within [`PAGE_NOTES_LINES`] lines, before any
    /// recital or paragraph marker. Without a page end in sight the notes could run into the
    /// next page's text unseen, so the rule is then left to the unit, as any line is.
    fn footnote_rule(&self, i: usize, s: &str, headers: &[bool]) -> bool {
        if !self.body || self.in_notes || !is_rule(s) {
            return false;
        }
        let Some(next) = self.lines[i + 1..].iter().take(3).find(|l| !l.is_blank()) else {
            return false;
        };
        let note_due = matches!(
            marker::parse(&self.text[next.start..next.end]),
            Some(marker::Marker { kind: MarkerKind::Note { number, .. }, .. })
                if number == self.labels.due(UnitKind::Footnote)
        );
        if !note_due {
            return false;
        }
        // A form feed since the last non-blank line (see `Line::after_form_feed`).
        let mut form_feed = false;
        for (j, l) in self
            .lines
            .iter()
            .enumerate()
            .skip(i + 1)
            .take(PAGE_NOTES_LINES)
        {
            form_feed |= l.after_form_feed;
            if l.is_blank() {
                continue;
            }
            if headers.get(j) == Some(&true) || form_feed {
                return true;
            }
            // A recital or paragraph marker: the unit ended and the next one began on
            // this page. (Lower-case markers are not sub-points inside notes: "p. 83.")
            let other_marker = marker::parse(&self.text[l.start..l.end]).is_some_and(|m| {
                matches!(m.kind, MarkerKind::Upper { .. } | MarkerKind::Number(_))
            });
            if other_marker {
                return false;
            }
        }
        false
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

    /// Appends the pending lines to the current unit.
    fn flush_pending(&mut self) {
        let Some(cur) = self.cur() else {
            return;
        };
        for p in std::mem::take(&mut self.pending) {
            let l = self.lines[p.line];
            self.drafts[cur].segs.push((l.start, l.end));
        }
    }

    fn noise_line(&mut self, i: usize, reason: NoiseReason) {
        let l = self.lines[i];
        self.pieces.push((l.start, l.end, Owner::Noise(reason)));
        if !self.body {
            self.before.push((i, self.pieces.len() - 1));
        }
    }

    fn open_unit(
        &mut self,
        kind: UnitKind,
        rank: u32,
        label: String,
        seg: (usize, usize),
        marker_len: usize,
    ) {
        let repeated = self.labels.open(kind, rank, &label, seg.0);
        self.warnings.extend(repeated);
        self.drafts.push(Draft {
            kind,
            label,
            segs: vec![seg],
            marker_len,
            points: Vec::new(),
        });
        self.body = true;
        self.resume = None;
    }

    /// Citations are due: no recital, paragraph or footnote has come yet.
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

    fn run(&mut self) {
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
            if self.footnote_rule(i, s, &headers) {
                self.flush_pending();
                self.noise_line(i, NoiseReason::FootnoteRule);
                self.page_notes = Some(self.cur());
                self.in_notes = true;
                blank_before = true;
                prev_punct = true;
                continue;
            }
            let separated = blank_before || prev_punct;
            let taken = self.try_marker(i, s, separated);
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
        let seg = (l.start, l.end);
        match m.kind {
            MarkerKind::Dash { lower } => {
                if self.citations_due() && lower {
                    self.flush_pending();
                    let rank = self.labels.due(UnitKind::Citation);
                    self.open_unit(UnitKind::Citation, rank, rank.to_string(), seg, m.len);
                    true
                } else if self.body && !self.in_notes && separated {
                    let n = self.cur().map_or(0, |c| self.drafts[c].points.len()) + 1;
                    self.point(seg, m.len, n.to_string())
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
                self.open_unit(UnitKind::Recital, rank, label, seg, m.len);
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
                self.open_unit(UnitKind::Paragraph, n, label, seg, m.len);
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
                self.notes(seg, number, m.len);
                true
            }
            MarkerKind::Lower(label) => {
                if self.body && !self.in_notes && separated {
                    self.point(seg, m.len, label)
                } else {
                    false
                }
            }
        }
    }

    /// A citation whose dash was lost (EUR-Lex pages set it in a table column of its own,
    /// which a text rendering drops): a line opening with "having regard to", where
    /// citations are due (before the first recital or paragraph). It opens a citation
    /// with an empty marker.
    fn citation_without_dash(&self, s: &str) -> Option<marker::Marker> {
        let due = self.citations_due();
        // A dash alone on the line before has already opened this citation.
        let opened = self.cur().is_some_and(|c| self.drafts[c].is_bare());
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

    fn point(&mut self, seg: (usize, usize), marker_len: usize, label: String) -> bool {
        let Some(cur) = self.cur() else {
            return false;
        };
        self.flush_pending();
        let d = &mut self.drafts[cur];
        d.segs.push(seg);
        d.points.push(DraftPoint {
            seg: d.segs.len() - 1,
            marker_len,
            label,
        });
        true
    }

    /// Opens footnote `n` at `seg`, splitting off `(n+1)`, `(n+2)` … run on the same line.
    fn notes(&mut self, seg: (usize, usize), n: u32, marker_len: usize) {
        let line = &self.text[seg.0..seg.1];
        let mut start = 0;
        let mut label = n;
        let mut mlen = marker_len;
        loop {
            let next = footnote::find_note(line, start + mlen, label + 1, self.note_square);
            let end = next.unwrap_or(line.len());
            let piece = (seg.0 + start, seg.0 + end);
            let piece_text = &line[start..end];
            let trimmed = piece_text.trim_end_matches(is_ws).len();
            self.open_unit(
                UnitKind::Footnote,
                label,
                label.to_string(),
                (piece.0, piece.0 + trimmed),
                mlen,
            );
            // Whitespace between two notes on one line goes to the first note's range.
            if let Some(last) = self.drafts.last_mut() {
                last.segs[0].1 = piece.1;
            }
            match next {
                Some(j) => {
                    start = j;
                    label += 1;
                    // `(k)` / `[k]`: brackets and the digits of `label`.
                    mlen = 2 + label.to_string().len();
                    mlen +=
                        line[j + mlen..].len() - line[j + mlen..].trim_start_matches(is_ws).len();
                }
                None => break,
            }
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
            let (bare, open) = self.cur().map_or((false, false), |c| {
                let d = &self.drafts[c];
                match d.segs.as_slice() {
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
                if let Some(c) = self.cur() {
                    self.drafts[c].segs.push((l.start, l.end));
                }
            } else {
                continuing = false;
                self.noise_line(p.line, noise::classify_outside(s, false));
            }
        }
    }
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
fn build_text(
    text: &str,
    d: &Draft,
    calls: Option<&mut Calls>,
    compounds: &Compounds,
) -> (String, Vec<SubPoint>, Vec<(String, usize)>) {
    let cap: usize = d.segs.iter().map(|(a, b)| b - a).sum();
    let mut out = String::with_capacity(cap);
    let mut folder = Folder {
        calls,
        found: Vec::new(),
    };
    let mut point_at: Vec<(usize, usize)> = Vec::with_capacity(d.points.len());
    let mut next_point = d.points.iter().peekable();
    for (k, &(a, b)) in d.segs.iter().enumerate() {
        let mut s = &text[a..b];
        if k == 0 {
            s = s.get(d.marker_len..).unwrap_or("");
        }
        let starts_point = next_point.peek().is_some_and(|p| p.seg == k);
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
    let mut points = Vec::with_capacity(d.points.len());
    for (idx, p) in d.points.iter().enumerate() {
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

/// Fills the gaps between content pieces (whitespace only) and merges neighbours.
fn tile(text: &str, mut pieces: Vec<(usize, usize, Owner)>) -> Vec<(usize, usize, Owner)> {
    pieces.sort_by_key(|p| p.0);
    let mut out: Vec<(usize, usize, Owner)> = Vec::with_capacity(pieces.len() * 2 + 1);
    let mut at = 0;
    for &(a, b, owner) in &pieces {
        if a > at {
            let gap = &text[at..a];
            let prev = out.last().map(|p| p.2);
            let owner_gap = if gap.contains('\u{c}') {
                Owner::Noise(NoiseReason::PageBreak)
            } else if prev == Some(owner) && matches!(owner, Owner::Unit(_)) {
                owner
            } else if let Some(Owner::Noise(r)) = prev {
                Owner::Noise(r)
            } else if let Owner::Noise(r) = owner {
                Owner::Noise(r)
            } else {
                Owner::Noise(NoiseReason::Blank)
            };
            push_merged(&mut out, (at, a, owner_gap));
        }
        if b > a {
            push_merged(&mut out, (a, b, owner));
        }
        at = at.max(b);
    }
    if at < text.len() {
        let prev = out.last().map(|p| p.2);
        let gap = &text[at..];
        let owner = match prev {
            _ if gap.contains('\u{c}') => Owner::Noise(NoiseReason::PageBreak),
            Some(Owner::Noise(r)) => Owner::Noise(r),
            _ => Owner::Noise(NoiseReason::Blank),
        };
        push_merged(&mut out, (at, text.len(), owner));
    }
    out
}

fn push_merged(out: &mut Vec<(usize, usize, Owner)>, p: (usize, usize, Owner)) {
    if let Some(last) = out.last_mut() {
        if last.2 == p.2 && last.1 == p.0 {
            last.1 = p.1;
            return;
        }
    }
    out.push(p);
}

/// Segments plain text. See the module docs of [`crate::segment`].
pub(crate) fn segment_text(text: &str) -> crate::Result<Resolution> {
    let mut scan = Scan::new(text);
    scan.run();
    if !scan.drafts.iter().any(|d| d.kind != UnitKind::Footnote) {
        return Err(Error::NoResolution {
            reason: "no citation, recital or paragraph marker found".to_string(),
        });
    }

    // Metadata from the page text around the body.
    let before_lines: Vec<&str> = scan.before.iter().map(|&(i, _)| scan.content(i)).collect();
    // The title: the line that names the resolution, with the lines wrapped after it.
    let mut title = None;
    if let Some(t) = meta::find_title(&before_lines) {
        let mut end = t + 1;
        while end < scan.before.len() && scan.before[end].0 == scan.before[end - 1].0 + 1 {
            end += 1;
        }
        title = Some(fold_ws(&before_lines[t..end].join(" ")));
        for &(_, piece) in &scan.before[t..end] {
            scan.pieces[piece].2 = Owner::Noise(NoiseReason::Title);
        }
    }
    let outside = scan
        .pieces
        .iter()
        .filter(|p| matches!(p.2, Owner::Noise(_)))
        .map(|p| &text[p.0..p.1]);
    let reference = meta::pick_reference(outside);
    let date = meta::find_date(title.as_deref(), before_lines.iter().copied());

    // Unit pieces, then the tiling.
    for (idx, d) in scan.drafts.iter().enumerate() {
        for &(a, b) in &d.segs {
            scan.pieces.push((a, b, Owner::Unit(idx)));
        }
    }
    let tiles = tile(text, std::mem::take(&mut scan.pieces));

    // Texts, with footnote calls resolved in document order.
    let labels: HashSet<u32> = scan
        .drafts
        .iter()
        .filter(|d| d.kind == UnitKind::Footnote)
        .filter_map(|d| d.label.parse().ok())
        .collect();
    let mut calls = Calls::new(labels);
    let compounds = Compounds::new(text);
    let mut units: Vec<Unit> = Vec::with_capacity(scan.drafts.len());
    for (ordinal, d) in scan.drafts.iter().enumerate() {
        let c = if d.kind == UnitKind::Footnote {
            None
        } else {
            Some(&mut calls)
        };
        let (t, points, found) = build_text(text, d, c, &compounds);
        let (footnote_calls, footnote_call_offsets) = found.into_iter().unzip();
        units.push(Unit {
            kind: d.kind,
            label: d.label.clone(),
            ordinal,
            text: t,
            span: Span { start: 0, end: 0 },
            footnote_calls,
            footnote_call_offsets,
            points,
            entities: Vec::new(),
            pieces: Vec::new(),
        });
    }
    let mut noise_out = Vec::new();
    for (a, b, owner) in tiles {
        let span = Span { start: a, end: b };
        match owner {
            Owner::Unit(i) => units[i].pieces.push(span),
            Owner::Noise(reason) => noise_out.push(Noise { span, reason }),
        }
    }
    for u in &mut units {
        if let (Some(first), Some(last)) = (u.pieces.first(), u.pieces.last()) {
            u.span = Span {
                start: first.start,
                end: last.end,
            };
        }
    }

    let mut warnings = scan.warnings;
    let called: HashSet<&str> = units
        .iter()
        .flat_map(|u| u.footnote_calls.iter().map(String::as_str))
        .collect();
    for u in &units {
        if u.text.len() > super::OVERLONG_UNIT {
            warnings.push(Warning::OverlongUnit {
                kind: u.kind,
                label: u.label.clone(),
                len: u.text.len(),
            });
        }
        if u.kind == UnitKind::Footnote && !called.contains(u.label.as_str()) {
            warnings.push(Warning::UncalledFootnote {
                label: u.label.clone(),
            });
        }
    }
    let english = units
        .iter()
        .filter(|u| u.kind != UnitKind::Footnote)
        .any(|u| u.text.starts_with("having regard") || u.text.starts_with("whereas"));
    Ok(Resolution {
        reference,
        title,
        date,
        language: english.then(|| "en".to_string()),
        source: None,
        units,
        noise: noise_out,
        warnings,
    })
}

/// Whitespace folded to single spaces, trimmed.
fn fold_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(is_ws).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{assert_coverage, assert_unit, segment};
    use super::*;

    /// Whether the segmenter dropped something for `reason`.
    fn dropped(res: &Resolution, reason: NoiseReason) -> bool {
        res.noise.iter().any(|n| n.reason == reason)
    }

    #[test]
    fn web_repost_shapes() {
        let t = "logo\n\nResolution of 1 May 2020 on X\n\n–\u{a0}\u{a0}having regard to Y(1) and Z,\n\n\
                 A.\u{a0}\u{a0}whereas W;\n\n1.\u{a0}\u{a0}Calls for V.\n\n(1)OJ C 1, p. 2.(2)OJ C 3, p. 4.\n\nRelated Posts\n";
        let res = segment(t).unwrap();
        assert_coverage(t, &res);
        assert_eq!(res.counts(), [1, 1, 1, 2]);
        assert_unit(
            &res.units[0],
            UnitKind::Citation,
            "1",
            "having regard to Y and Z,",
        );
        assert_eq!(res.units[0].footnote_calls, ["1"]);
        assert_eq!(res.units[0].footnote_call_offsets, [18]);
        assert_unit(&res.units[3], UnitKind::Footnote, "1", "OJ C 1, p. 2.");
        assert_unit(&res.units[4], UnitKind::Footnote, "2", "OJ C 3, p. 4.");
        assert_eq!(res.date.as_deref(), Some("2020-05-01"));
        assert!(dropped(&res, NoiseReason::AfterBody));
        assert!(res
            .warnings
            .contains(&Warning::UncalledFootnote { label: "2".into() }));
    }

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
    fn out_of_order_and_repeated_labels_warn() {
        let t = "– having regard to x,\n\nB. whereas b;\n\nA. whereas a;\n\nA. whereas again;\n\n1. Calls.";
        let res = segment(t).unwrap();
        assert_eq!(res.counts(), [1, 3, 1, 0]);
        assert!(matches!(&res.warnings[0], Warning::OutOfOrder { found, .. } if found == "B"));
        assert!(res
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::RepeatedLabel { label, .. } if label == "A")));
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
