//! Rules that classify lines outside the units, and running page headers and footers.

use std::collections::HashMap;

use super::lines::Line;
use super::NoiseReason;

/// A language menu entry: two letters, a dash, a language name (`en - English (Selected)`).
pub(crate) fn is_language_menu(line: &str) -> bool {
    if line.chars().count() > 40 {
        return false;
    }
    let b = line.as_bytes();
    if b.len() < 5 || !b[0].is_ascii_alphabetic() || !b[1].is_ascii_alphabetic() {
        return false;
    }
    let rest = line[2..].trim_start_matches(super::lines::is_ws);
    let Some(rest) = rest.strip_prefix(['-', '\u{2013}']) else {
        return false;
    };
    let name = rest.trim_start_matches(super::lines::is_ws);
    rest.len() > name.len() && name.chars().next().is_some_and(char::is_alphabetic)
}

/// A leaked template tag at the start of a line: `<Date>…`, `</RepeatBlock-By>`.
pub(crate) fn is_template_tag(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('<') else {
        return false;
    };
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name_len = rest
        .bytes()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_')
        .count();
    name_len > 0
        && rest.as_bytes()[0].is_ascii_alphabetic()
        && rest.as_bytes().get(name_len) == Some(&b'>')
}

/// The reason for a line outside the units, before (`before`) or after the body.
pub(crate) fn classify_outside(line: &str, before: bool) -> NoiseReason {
    if is_template_tag(line) {
        NoiseReason::TemplateTag
    } else if is_language_menu(line) {
        NoiseReason::LanguageMenu
    } else if before {
        NoiseReason::BeforeBody
    } else {
        NoiseReason::AfterBody
    }
}

/// Upper-case headings that open a committee's own text in a report or an opinion, after
/// the motion or decision it puts to the vote.
const COMMITTEE_TEXT: &[&str] = &[
    "EXPLANATORY STATEMENT",
    "SHORT JUSTIFICATION",
    "JUSTIFICATION",
    "MINORITY POSITION",
    "ANNEX",
    "ENTITIES OR PERSONS FROM WHOM",
    "OPINION OF THE COMMITTEE",
    "POSITION IN THE FORM OF AMENDMENTS",
    "LETTER OF THE COMMITTEE",
];

/// Upper-case headings of a committee's procedure record.
const PROCEDURE_RECORD: &[&str] = &[
    "INFORMATION ON ADOPTION IN COMMITTEE",
    "PROCEDURE – COMMITTEE",
];

/// Upper-case headings of a roll-call vote list.
const ROLL_CALL: &[&str] = &["FINAL VOTE BY ROLL CALL"];

/// `Amendment 1`, `Amendment  12`: the heading of an amendment table.
fn is_amendment_heading(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("Amendment") else {
        return false;
    };
    let num = rest.trim_start_matches(super::lines::is_ws);
    num.len() < rest.len()
        && !num.is_empty()
        && num.len() <= 4
        && num.bytes().all(|c| c.is_ascii_digit())
}

/// A heading that opens a report's or an opinion's apparatus after the text put to the
/// vote (an amendment table, the explanatory statement, an annex, the procedure record,
/// a roll-call list), with the reason its lines are dropped for. Headings in capitals
/// must be written wholly in capitals, so that a sentence that begins with the same
/// words is not one.
pub(crate) fn apparatus_heading(line: &str) -> Option<NoiseReason> {
    if is_amendment_heading(line) {
        return Some(NoiseReason::AmendmentTable);
    }
    if line.starts_with("Key to symbols") {
        return Some(NoiseReason::RollCall);
    }
    if line.chars().any(char::is_lowercase) {
        return None;
    }
    let fold: String = line
        .chars()
        .map(|c| match c {
            c if super::lines::is_ws(c) => ' ',
            c if super::marker::DASHES.contains(&c) => '–',
            c => c,
        })
        .collect();
    let starts = |list: &[&str]| list.iter().any(|h| fold.starts_with(h));
    if starts(ROLL_CALL) {
        Some(NoiseReason::RollCall)
    } else if starts(PROCEDURE_RECORD) {
        Some(NoiseReason::ProcedureRecord)
    } else if starts(COMMITTEE_TEXT) {
        Some(NoiseReason::CommitteeText)
    } else {
        None
    }
}

/// The site footer that ends an EP page (`Last updated: 17 April 2024`).
pub(crate) fn is_page_footer(line: &str) -> bool {
    line.starts_with("Last updated") || line.starts_with("Legal notice")
}

/// Key for comparing header lines across pages: digits folded to `#`.
fn header_key(line: &str) -> String {
    line.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// A page number: `12`, `- 12 -`, `Page 3`, `3/12`, `Page 3 of 12`.
fn is_page_number(line: &str) -> bool {
    let l = line.to_ascii_lowercase();
    let l = l.trim_start_matches("page").trim();
    !l.is_empty()
        && l.len() <= 20
        && l.bytes().any(|c| c.is_ascii_digit())
        && l.split_whitespace().all(|w| {
            w == "of"
                || w.bytes()
                    .all(|c| c.is_ascii_digit() || c == b'-' || c == b'/')
        })
}

/// The first two non-blank lines among the first eight of `lines` (in the order
/// given, forward or backward): where a page header or footer may stand.
fn nearest_nonblank<'a>(
    lines: impl Iterator<Item = (usize, &'a Line)>,
) -> impl Iterator<Item = (usize, &'a Line)> {
    lines.take(8).filter(|(_, l)| !l.is_blank()).take(2)
}

/// Marks running page headers and footers: short lines next to a form feed that repeat
/// (digits aside) on several pages, and page numbers next to a form feed. Returns one flag
/// per line. Lines that open a unit are never headers. Linear in the number of lines.
pub(crate) fn page_headers(
    text: &str,
    lines: &[Line],
    is_marker: impl Fn(&str) -> bool,
) -> Vec<bool> {
    let mut flags = vec![false; lines.len()];
    if !lines.iter().any(|l| l.after_form_feed) {
        return flags;
    }
    let short =
        |l: &Line| !l.is_blank() && l.end - l.start <= 100 && !is_marker(&text[l.start..l.end]);
    // Candidates: up to two non-blank lines on each side of each page break.
    let mut candidate = vec![false; lines.len()];
    for (i, l) in lines.iter().enumerate() {
        if !l.after_form_feed {
            continue;
        }
        // Bounded look-around keeps this linear even for inputs made of form feeds.
        let after = nearest_nonblank(lines[i..].iter().enumerate()).map(|(k, l)| (i + k, l));
        let before = nearest_nonblank(lines[..i].iter().enumerate().rev());
        for (j, _) in after.chain(before) {
            if short(&lines[j]) {
                candidate[j] = true;
            }
        }
    }
    // The top of the first page and the bottom of the last are header and footer places
    // too, but only for lines that also stand next to a page break.
    let mut near_break: HashMap<String, usize> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if candidate[i] {
            *near_break
                .entry(header_key(&text[l.start..l.end]))
                .or_default() += 1;
        }
    }
    let ends = nearest_nonblank(lines.iter().enumerate());
    let tail = nearest_nonblank(lines.iter().enumerate().rev());
    for (j, l) in ends.chain(tail) {
        if short(l) && near_break.contains_key(&header_key(&text[l.start..l.end])) {
            candidate[j] = true;
        }
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if candidate[i] {
            *counts.entry(header_key(&text[l.start..l.end])).or_default() += 1;
        }
    }
    for (i, l) in lines.iter().enumerate() {
        if !short(l) {
            continue;
        }
        let s = &text[l.start..l.end];
        if (candidate[i] && is_page_number(s))
            || counts.get(&header_key(s)).is_some_and(|&c| c >= 2)
        {
            flags[i] = true;
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menus_and_tags() {
        assert!(is_language_menu("en\u{a0}-\u{a0}English\u{a0}(Selected)"));
        assert!(is_language_menu("BG - български"));
        assert!(!is_language_menu("PV 08/07/2020 - 21"));
        assert!(!is_language_menu("Legal notice - Privacy policy"));
        assert!(is_template_tag("<Date>{06/07/2020}6.7.2020</Date>"));
        assert!(is_template_tag("</RepeatBlock-By>"));
        assert!(!is_template_tag("<= 5"));
        assert!(!is_template_tag("a <b>"));
    }

    #[test]
    fn apparatus_headings() {
        assert_eq!(
            apparatus_heading("Amendment\u{a0} 1"),
            Some(NoiseReason::AmendmentTable)
        );
        assert_eq!(apparatus_heading("Amendments"), None);
        assert_eq!(apparatus_heading("Amendment 1 to the Rules"), None);
        assert_eq!(
            apparatus_heading("INFORMATION ON ADOPTION IN COMMITTEE RESPONSIBLE"),
            Some(NoiseReason::ProcedureRecord)
        );
        assert_eq!(
            apparatus_heading("FINAL VOTE BY ROLL CALL IN COMMITTEE RESPONSIBLE"),
            Some(NoiseReason::RollCall)
        );
        assert_eq!(
            apparatus_heading("Key to symbols:"),
            Some(NoiseReason::RollCall)
        );
        assert_eq!(
            apparatus_heading(
                "ANNEX: ENTITIES OR PERSONS FROM WHOM THE RAPPORTEUR HAS RECEIVED INPUT"
            ),
            Some(NoiseReason::CommitteeText)
        );
        assert_eq!(
            apparatus_heading("EXPLANATORY STATEMENT"),
            Some(NoiseReason::CommitteeText)
        );
        for box_heading in [
            "PROCEDURE – COMMITTEE ASKED FOR OPINION",
            "PROCEDURE - COMMITTEE ASKED FOR OPINION",
            "INFORMATION ON ADOPTION IN COMMITTEE ASKED FOR OPINION",
        ] {
            assert_eq!(
                apparatus_heading(box_heading),
                Some(NoiseReason::ProcedureRecord),
                "{box_heading}"
            );
        }
        assert_eq!(apparatus_heading("Annex II – point 5"), None);
        assert_eq!(
            apparatus_heading("Explanatory statement of the Commission"),
            None
        );
    }

    #[test]
    fn headers_repeat_next_to_page_breaks() {
        let text = "A. whereas one\ntwo\nPE 123 v01\n\u{c}PE 123 v01\n3\nthree\n\u{c}PE 123 v01\nfour\nfive\nfive";
        let lines = super::super::lines::split(text);
        let flags = page_headers(text, &lines, |_| false);
        let flagged: Vec<&str> = lines
            .iter()
            .zip(&flags)
            .filter(|(_, f)| **f)
            .map(|(l, _)| &text[l.start..l.end])
            .collect();
        assert_eq!(flagged, ["PE 123 v01", "PE 123 v01", "3", "PE 123 v01"]);
    }

    #[test]
    fn page_numbers() {
        for s in ["12", "- 12 -", "Page 3", "3/12", "Page 3 of 12"] {
            assert!(is_page_number(s), "{s}");
        }
        assert!(!is_page_number("OJ C 23"));
    }
}
