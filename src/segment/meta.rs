//! Metadata from the text: the reference, the title and the date.
//!
//! References are normalised to the Parliament's document ids (`TYPE-TERM-YEAR-NUMBER`):
//! `P9_TA(2021)0056` → `TA-9-2021-0056`, `B9-0220/2020` → `B-9-2020-0220`,
//! `RC-B10-0249/2025` → `RC-10-2025-0249`, `A9-0123/2021` → `A-9-2021-0123`.

use std::collections::HashMap;

/// Hyphen-like characters folded to `-` before reading references.
fn fold_dashes(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{f02d}' => '-',
            c if super::lines::is_ws(c) => ' ',
            c => c,
        })
        .collect()
}

/// Reads `n` ASCII digits at `b[i..]`, exactly (not followed by another digit).
fn digits(b: &[u8], i: usize, min: usize, max: usize) -> Option<(&[u8], usize)> {
    let len = b
        .get(i..)?
        .iter()
        .take(max + 1)
        .take_while(|c| c.is_ascii_digit())
        .count();
    (min..=max)
        .contains(&len)
        .then(|| (&b[i..i + len], i + len))
}

fn lit(b: &[u8], i: usize, s: &str) -> Option<usize> {
    b.get(i..)?.starts_with(s.as_bytes()).then_some(i + s.len())
}

fn num(d: &[u8]) -> u32 {
    d.iter().fold(0u32, |a, c| {
        a.saturating_mul(10).saturating_add(u32::from(c - b'0'))
    })
}

/// Tries to read one reference starting at `b[i]`; returns it normalised and its end.
fn reference_at(b: &[u8], i: usize) -> Option<(String, usize)> {
    // P9_TA(2021)0056, P9_TA-PROV(2021)0056
    if b[i] == b'P' {
        let (term, j) = digits(b, i + 1, 1, 2)?;
        let j = lit(b, j, "_TA")?;
        let j = lit(b, j, "-PROV").unwrap_or(j);
        let j = lit(b, j, "(")?;
        let (year, j) = digits(b, j, 4, 4)?;
        let j = lit(b, j, ")")?;
        let (n, j) = digits(b, j, 4, 4)?;
        return Some((format!("TA-{}-{}-{:04}", num(term), num(year), num(n)), j));
    }
    // TA-9-2021-0056, B-9-2020-0220, RC-10-2025-0249, A-9-2021-0001
    for ty in ["TA", "RC", "B", "A"] {
        if let Some(j) = lit(b, i, ty).and_then(|j| lit(b, j, "-")) {
            if let Some((term, j)) = digits(b, j, 1, 2) {
                if let Some((year, j)) = lit(b, j, "-").and_then(|j| digits(b, j, 4, 4)) {
                    if let Some((n, j)) = lit(b, j, "-").and_then(|j| digits(b, j, 4, 4)) {
                        let r = format!("{ty}-{}-{}-{:04}", num(term), num(year), num(n));
                        return Some((r, j));
                    }
                }
            }
        }
    }
    // RC-B10-0249/2025, B9-0220/2020, A9-0123/2021
    let (ty, j) = if let Some(j) = lit(b, i, "RC-B") {
        ("RC", j)
    } else if b[i] == b'B' || b[i] == b'A' {
        (if b[i] == b'B' { "B" } else { "A" }, i + 1)
    } else {
        return None;
    };
    let (term, j) = digits(b, j, 1, 2)?;
    let j = lit(b, j, "-")?;
    let (n, j) = digits(b, j, 4, 4)?;
    let j = lit(b, j, "/")?;
    let (year, j) = digits(b, j, 4, 4)?;
    Some((format!("{ty}-{}-{}-{:04}", num(term), num(year), num(n)), j))
}

/// All references in `s`, normalised, in order. Linear in `s`.
pub(crate) fn find_references(s: &str) -> Vec<String> {
    let folded = fold_dashes(s);
    let b = folded.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts_word = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if starts_word && matches!(b[i], b'P' | b'T' | b'R' | b'B' | b'A') {
            if let Some((r, end)) = reference_at(b, i) {
                if b.get(end).is_none_or(|c| !c.is_ascii_digit()) {
                    out.push(r);
                    i = end;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

/// Normalises one reference written in any of its spellings (`P9_TA(2021)0056`,
/// `P9_TA-PROV(2021)0056`, `B9-0220/2020`, `RC-B10-0249/2025`, `A9-0163/2024`,
/// `TA-9-2021-0056`), in any case and with any hyphen, to the document id
/// (`TA-9-2021-0056`). `None` when `s` is not a reference.
///
/// ```
/// use whereas::normalize_reference;
/// assert_eq!(normalize_reference("P9_TA(2021)0056").as_deref(), Some("TA-9-2021-0056"));
/// assert_eq!(normalize_reference("RC-B10-0249/2025").as_deref(), Some("RC-10-2025-0249"));
/// assert_eq!(normalize_reference("B9\u{2011}0220/2020").as_deref(), Some("B-9-2020-0220"));
/// assert_eq!(normalize_reference("ta-9-2021-0056").as_deref(), Some("TA-9-2021-0056"));
/// assert_eq!(normalize_reference("hello"), None);
/// ```
pub fn normalize_reference(s: &str) -> Option<String> {
    // Letters in any case: a reference typed in a query (`ta-9-2021-0056`) is the same.
    let folded = fold_dashes(s.trim()).to_ascii_uppercase();
    let b = folded.as_bytes();
    if b.is_empty() {
        return None;
    }
    match reference_at(b, 0) {
        Some((r, end)) if end == b.len() => Some(r),
        _ => None,
    }
}

/// The most frequent reference among `texts`; ties go to the first seen. Linear.
///
/// With `adopted` (the title carries its adoption date: "resolution of 11 February
/// 2021"), the text is an adopted text, and an adopted-text reference (`TA-…`) among
/// them is preferred: an EP page of an adopted text also lists the motion it came from
/// ("Texts tabled : RC-B9-…"), sometimes more often than its own reference.
pub(crate) fn pick_reference<'a>(
    texts: impl Iterator<Item = &'a str>,
    adopted: bool,
) -> Option<String> {
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    // A group's motion points to the joint motion that replaced it ("See also joint
    // motion for a resolution RC-B8-0562/2018", the reference on that line or the next):
    // another document's reference, not the page's own.
    let mut see_also = false;
    for t in texts {
        let cross = is_see_also(t);
        let refs = find_references(t);
        let skip = cross || (see_also && !refs.is_empty());
        see_also = cross && refs.is_empty();
        if skip {
            continue;
        }
        for r in refs {
            let order = counts.len();
            counts.entry(r).or_insert((0, order)).0 += 1;
        }
    }
    let ta = adopted && counts.keys().any(|r| r.starts_with("TA-"));
    counts
        .into_iter()
        .filter(|(r, _)| !ta || r.starts_with("TA-"))
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(r, _)| r)
}

fn iso(y: u32, m: u32, d: u32) -> Option<String> {
    let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    ((1900..=2200).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days[(m - 1) as usize])
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// `7.5.2025` or `06/07/2020` (day first) at the start of `s`.
pub(crate) fn numeric_date(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let (d, j) = digits(b, 0, 1, 2)?;
    let sep = *b.get(j)?;
    if sep != b'.' && sep != b'/' {
        return None;
    }
    let (m, j) = digits(b, j + 1, 1, 2)?;
    let j = lit(b, j, if sep == b'.' { "." } else { "/" })?;
    let (y, _) = digits(b, j, 4, 4)?;
    iso(num(y), num(m), num(d))
}

/// `11 February 2021` at the start of `s` (English month names).
fn worded_date(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let (d, j) = digits(b, 0, 1, 2)?;
    let rest = s.get(j..)?.trim_start();
    let lower = rest
        .chars()
        .take(10)
        .collect::<String>()
        .to_ascii_lowercase();
    let (m, name) = crate::model::MONTHS
        .iter()
        .enumerate()
        .find(|(_, name)| lower.starts_with(*name))?;
    let rest = rest[name.len()..].trim_start();
    let (y, _) = digits(rest.as_bytes(), 0, 4, 4)?;
    iso(num(y), m as u32 + 1, num(d))
}

/// The date of a resolution from its title (`resolution of 11 February 2021`), a leaked
/// `<Date>` tag, or a pre-body line that opens with a date (`7.5.2025 - (2025/…)`).
pub(crate) fn find_date<'a>(
    title: Option<&str>,
    before: impl Iterator<Item = &'a str>,
) -> Option<String> {
    if let Some(t) = title {
        let t = fold_dashes(t);
        let lower = t.to_ascii_lowercase();
        for (i, _) in lower.match_indices(" of ") {
            if let Some(d) = worded_date(&t[i + 4..]) {
                return Some(d);
            }
        }
    }
    let before: Vec<String> = before.map(fold_dashes).collect();
    for l in &before {
        if let Some(rest) = l.strip_prefix("<Date>") {
            let inner = rest.split("</Date>").next().unwrap_or(rest);
            let inner = inner.rsplit('}').next().unwrap_or(inner);
            if let Some(d) = numeric_date(inner.trim()) {
                return Some(d);
            }
            if let Some(d) = rest.strip_prefix('{').and_then(numeric_date) {
                return Some(d);
            }
        }
    }
    before
        .iter()
        .find_map(|l| numeric_date(l).or_else(|| worded_date(l)))
}

/// Words that mark a title line, in a few of the Parliament's languages.
const TITLE_WORDS: &[&str] = &[
    "resolution",
    "résolution",
    "entschließung",
    "resolución",
    "risoluzione",
    "resolutie",
    "rezolucja",
    "resolução",
    "parliament decision",
];

/// Picks the title among the pre-body lines: the last one that names a resolution (or a
/// Parliament decision, as a report's "PROPOSAL FOR A EUROPEAN PARLIAMENT DECISION").
/// Returns its index in `before`.
pub(crate) fn find_title(before: &[&str]) -> Option<usize> {
    before.iter().rposition(|l| {
        let lower = l.to_lowercase();
        l.chars().count() >= 20
            && !super::noise::is_template_tag(l)
            && TITLE_WORDS.iter().any(|w| lower.contains(w))
            && !lower.starts_with("joint motion for a resolution -")
            // A group's motion points to the joint one ("See also joint motion for a
            // resolution RC-B7-0252/2012"): a cross-reference, not its title.
            && !is_see_also(l)
    })
}

/// Whether a line is a group's motion pointing to the joint motion that replaced
/// it ("See also joint motion for a resolution RC-B8-0562/2018").
fn is_see_also(line: &str) -> bool {
    line.trim_start().to_lowercase().starts_with("see also")
}

/// Whether a line ends a title wrapped over the lines after it: the formula that
/// opens a resolution's body ("The European Parliament,"), or a line of the page's
/// apparatus that a motion prints under its title when the text comes with single
/// line breaks ("22.5.2012 - (2012/2654(RSP))", "pursuant to Rule 122 …",
/// "… on behalf of the ECR Group", "See also joint motion …").
pub(crate) fn ends_title(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    lower.trim_end_matches([',', ':']).trim() == "the european parliament"
        || lower.starts_with("pursuant to")
        || is_see_also(line)
        || lower.contains("on behalf of")
        || numeric_date(line.trim()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_in_all_spellings() {
        assert_eq!(
            find_references("TA\u{2011}9\u{2013}2021-0056_EN (PDF)"),
            ["TA-9-2021-0056"]
        );
        assert_eq!(
            find_references("see RC-B9-0216/2020 and B9\u{2011}0220/2020, P10_TA(2025)0096"),
            ["RC-9-2020-0216", "B-9-2020-0220", "TA-10-2025-0096"]
        );
        assert!(find_references("Rule 144(5), 2020/2691(RSP), COM(2020)0405").is_empty());
        assert_eq!(
            normalize_reference(" A9-0001/2021 ").as_deref(),
            Some("A-9-2021-0001")
        );
    }

    #[test]
    fn most_frequent_reference_wins() {
        let lines = [
            "RC-B10-0249/2025",
            "B10-0249/2025 (Verts/ALE)",
            "RC-B10-0249/2025",
            "P10_TA(2025)0096",
        ];
        assert_eq!(
            pick_reference(lines.into_iter(), false).as_deref(),
            Some("RC-10-2025-0249")
        );
        // A group's motion: the joint motion it points to is another document.
        let motion = [
            "See also joint motion for a resolution RC-B8-0562/2018",
            "B8‑0562/2018",
        ];
        assert_eq!(
            pick_reference(motion.into_iter(), false).as_deref(),
            Some("B-8-2018-0562")
        );
        let split = [
            "See also joint motion for a resolution",
            "RC-B9-0216/2020",
            "B9-0220/2020",
        ];
        assert_eq!(
            pick_reference(split.into_iter(), false).as_deref(),
            Some("B-9-2020-0220")
        );
        // An adopted text's page lists the motion it came from; its own id wins.
        assert_eq!(
            pick_reference(lines.into_iter(), true).as_deref(),
            Some("TA-10-2025-0096")
        );
    }

    #[test]
    fn dates() {
        let t = "European Parliament resolution of 11\u{a0}February 2021 on X";
        assert_eq!(
            find_date(Some(t), std::iter::empty()).as_deref(),
            Some("2021-02-11")
        );
        let tag = ["<Date>{06/07/2020}6.7.2020</Date>"];
        assert_eq!(
            find_date(None, tag.into_iter()).as_deref(),
            Some("2020-07-06")
        );
        let line = ["Download", "7.5.2025\u{a0}-\u{a0}(2025/2691(RSP))"];
        assert_eq!(
            find_date(None, line.into_iter()).as_deref(),
            Some("2025-05-07")
        );
        assert_eq!(numeric_date("31.2.2020"), None);
    }

    #[test]
    fn see_also_and_the_opener_are_no_title() {
        let lines = [
            "MOTION FOR A RESOLUTION on Azerbaijan",
            "See also joint motion for a resolution RC-B7-0252/2012",
        ];
        assert_eq!(find_title(&lines), Some(0));
        assert!(ends_title("The European Parliament,"));
        assert!(ends_title(" THE EUROPEAN PARLIAMENT, "));
        assert!(ends_title("22.5.2012 - (2012/2654(RSP))"));
        assert!(ends_title("Charles Tannock on behalf of the ECR Group"));
        assert!(!ends_title("The European Parliament resolution on X"));
        assert!(!ends_title("Kazakhstan (2021/2577(RSP))"));
    }

    #[test]
    fn title_is_the_last_resolution_line() {
        let before = [
            "JOINT MOTION FOR A RESOLUTION on X",
            "European Parliament resolution on X",
            "(2025/2691(RSP))",
        ];
        assert_eq!(find_title(&before), Some(1));
        let report = [
            "REPORT on amendments to Parliament’s Rules of Procedure",
            "PROPOSAL FOR A EUROPEAN PARLIAMENT DECISION",
            "on amendments to Parliament’s Rules of Procedure",
        ];
        assert_eq!(find_title(&report), Some(1));
    }

    #[test]
    fn references_in_any_case() {
        for s in ["ta-9-2021-0056", "p9_ta(2021)0056", "P9_TA-PROV(2021)0056"] {
            assert_eq!(
                normalize_reference(s).as_deref(),
                Some("TA-9-2021-0056"),
                "{s}"
            );
        }
        assert_eq!(
            normalize_reference("a9-0163/2024").as_deref(),
            Some("A-9-2024-0163")
        );
    }
}
