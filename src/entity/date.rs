//! Dates: "14 March 2019", "26 and 27 November 2020", "26–28 November 2020",
//! "in June 2020", "between January and July 2020", "November 26, 2020", "21.1.2021",
//! "08/05/2025", "2020-11-26". Days need a year to be normalised; a day and month with no
//! year ("on 3 February") is left alone.

use super::{Doc, EntityKind};

/// How one listed day or month is joined to the next.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Join {
    List,
    Range,
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    (1000..=2999).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

fn year(doc: &Doc, i: usize) -> Option<u32> {
    let s = doc.text_of(i);
    if doc.is_num(i) && s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok().filter(|y| (1000..=2999).contains(y))
    } else {
        None
    }
}

/// A day ("26") or an in-token day range ("26–28"), as (first, last).
fn day(doc: &Doc, i: usize) -> Option<(u32, u32)> {
    if !doc.is_num(i) || !doc.free(i) {
        return None;
    }
    let s = doc.text_of(i);
    let parse = |p: &str| -> Option<u32> {
        (p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    };
    if let Some(d) = parse(s) {
        return Some((d, d));
    }
    let (a, b) = s.split_once(['-', '\u{2013}', '\u{2011}', '\u{2010}'])?;
    Some((parse(a)?, parse(b)?))
}

/// The connector before token `i` in a list of days or months, and the index before it.
fn connector_before(doc: &Doc, i: usize) -> Option<(Join, usize)> {
    let j = i.checked_sub(1)?;
    let join = match doc.key(j) {
        "and" | "or" | "," | "&" => Join::List,
        "to" | "until" | "till" | "-" | "\u{2013}" | "\u{2014}" => Join::Range,
        _ => return None,
    };
    if !doc.free(j) {
        return None;
    }
    // ", and"
    if join == Join::List && doc.key(j) != "," && j > 0 && doc.key(j - 1) == "," {
        return Some((join, j.checked_sub(2)?));
    }
    Some((join, j.checked_sub(1)?))
}

fn expand(items: &[((u32, u32), Join)], limit: u32) -> Vec<u32> {
    // items in text order; the Join of item k says how it is joined to item k+1.
    let mut out = Vec::new();
    let mut k = 0;
    while k < items.len() {
        let ((a, b), join) = items[k];
        let (mut lo, mut hi) = (a, b);
        if join == Join::Range && k + 1 < items.len() {
            hi = items[k + 1].0 .1;
            k += 1;
        }
        if lo > hi {
            std::mem::swap(&mut lo, &mut hi);
            out.push(hi);
            out.push(lo);
        } else {
            out.extend((lo..=hi.min(limit)).take(31));
        }
        k += 1;
    }
    let mut seen = Vec::new();
    out.retain(|d| {
        let new = !seen.contains(d);
        seen.push(*d);
        new
    });
    out
}

/// Finds the dates and claims their tokens.
pub(crate) fn dates(doc: &mut Doc) {
    let n = doc.toks.len();
    let mut i = 0;
    while i < n {
        if doc.free(i) && doc.is_num(i) {
            if let Some(norm) = numeric(doc.text_of(i)) {
                doc.push(EntityKind::Date, i, i, norm);
            }
            i += 1;
            continue;
        }
        let Some(m) = (doc.free(i) && doc.is_word(i))
            .then(|| doc.tags(i).month())
            .flatten()
        else {
            i += 1;
            continue;
        };
        // Year after: "March 2019", or US style "November 26, 2020".
        let mut us_day = None;
        let (y, end) = if let Some(y) = year(doc, i + 1) {
            (y, i + 1)
        } else if let (Some(d), ",", Some(y)) =
            (day(doc, i + 1), doc.text_of(i + 2), year(doc, i + 3))
        {
            us_day = Some(d);
            (y, i + 3)
        } else if let Some(y) = borrowed_year(doc, i) {
            // "from 30 November to 2 December 2020": the year of the next date.
            (y, i)
        } else {
            i += 1;
            continue;
        };
        // Days before: "26 and 27", "1, 2 and 3", "26–28", "26 to 28".
        let mut days: Vec<((u32, u32), Join)> = Vec::new();
        let mut start = i;
        if let Some(d) = us_day {
            days.push((d, Join::List));
        } else if let Some(d) = i.checked_sub(1).and_then(|j| day(doc, j)) {
            start = i - 1;
            days.push((d, Join::List));
            while days.len() < 31 {
                let Some((join, j)) = connector_before(doc, start) else {
                    break;
                };
                let Some(d) = day(doc, j) else { break };
                days.push((d, join));
                start = j;
            }
            // Collected backwards, each carrying the join that follows it: reverse to text order.
            days.reverse();
        }
        if !days.is_empty() {
            let list = expand(&days, days_in_month(y, m));
            let (s, e) = (doc.toks[start].start, doc.toks[end].end);
            for d in list {
                if valid(y, m, d) {
                    doc.push_span(EntityKind::Date, s, e, format!("{y:04}-{m:02}-{d:02}"));
                }
            }
            doc.claim(start, end);
            i = end + 1;
            continue;
        }
        // Months before: "January and July 2020", "from February to November 2020".
        let mut months = vec![((m, m), Join::List)];
        let mut start = i;
        while months.len() < 12 {
            let Some((join, j)) = connector_before(doc, start) else {
                break;
            };
            let Some(m2) = (doc.free(j) && doc.is_word(j))
                .then(|| doc.tags(j).month())
                .flatten()
            else {
                break;
            };
            let join = if join == Join::List && doc.key(j.wrapping_sub(1)) == "between" {
                Join::Range
            } else {
                join
            };
            months.push(((m2, m2), join));
            start = j;
        }
        months.reverse();
        let (s, e) = (doc.toks[start].start, doc.toks[end].end);
        for mm in expand(&months, 12) {
            if (1..=12).contains(&mm) {
                doc.push_span(EntityKind::Date, s, e, format!("{y:04}-{mm:02}"));
            }
        }
        doc.claim(start, end);
        i = end + 1;
    }
}

/// The year of a dated day right after a yearless "<day> <month>" at `i`: "30 November
/// *to 2 December 2020*". Only where a day stands before the month.
fn borrowed_year(doc: &Doc, i: usize) -> Option<u32> {
    day(doc, i.checked_sub(1)?)?;
    let joined = matches!(
        doc.key(i + 1),
        "to" | "and" | "until" | "till" | "-" | "\u{2013}" | "\u{2014}"
    );
    let next_month = doc.is_word(i + 3) && doc.tags(i + 3).month().is_some();
    (joined && day(doc, i + 2).is_some() && next_month)
        .then(|| year(doc, i + 4))
        .flatten()
}

/// "21.1.2021", "08/05/2025" (day first, as the Parliament writes them) and "2020-11-26".
fn numeric(s: &str) -> Option<String> {
    let sep = if s.contains('.') {
        '.'
    } else if s.contains('/') {
        '/'
    } else if s.contains('-') {
        '-'
    } else {
        return None;
    };
    let parts: Vec<&str> = s.split(sep).collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let num = |p: &str| p.parse::<u32>().ok();
    let (y, m, d) = if sep == '-' {
        if parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
            return None;
        }
        (num(parts[0])?, num(parts[1])?, num(parts[2])?)
    } else {
        if parts[2].len() != 4 || parts[0].len() > 2 || parts[1].len() > 2 {
            return None;
        }
        (num(parts[2])?, num(parts[1])?, num(parts[0])?)
    };
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use crate::entity::{extract, EntityKind};

    fn dates(text: &str) -> Vec<String> {
        extract(text)
            .into_iter()
            .filter(|e| e.kind == EntityKind::Date)
            .map(|e| e.normalized)
            .collect()
    }

    #[test]
    fn shapes() {
        assert_eq!(dates("of 14 March 2019 on"), ["2019-03-14"]);
        assert_eq!(
            dates("held on 26 and 27 November 2020,"),
            ["2020-11-26", "2020-11-27"]
        );
        assert_eq!(
            dates("on 1, 2 and 3 May 2021"),
            ["2021-05-01", "2021-05-02", "2021-05-03"]
        );
        assert_eq!(
            dates("26–28 November 2020"),
            ["2020-11-26", "2020-11-27", "2020-11-28"]
        );
        assert_eq!(dates("adopted in June 2020 that"), ["2020-06"]);
        assert_eq!(
            dates("between January and July 2020,"),
            ["2020-01", "2020-02", "2020-03", "2020-04", "2020-05", "2020-06", "2020-07"]
        );
        assert_eq!(dates("in January and July 2020"), ["2020-01", "2020-07"]);
        assert_eq!(dates("November 26, 2020"), ["2020-11-26"]);
        assert_eq!(dates("OJ C 23, 21.1.2021, p. 83."), ["2021-01-21"]);
        assert_eq!(dates("PV 08/05/2025 - 7.2"), ["2025-05-08"]);
        assert_eq!(dates("on 3 February the"), Vec::<String>::new());
        assert_eq!(dates("29 February 2021"), Vec::<String>::new());
        assert_eq!(
            dates("Directive 2001/83/EC and 2025/2691"),
            Vec::<String>::new()
        );
    }
}
