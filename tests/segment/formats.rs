//! Each real text, re-rendered in each of six input formats, segments to the same
//! units: same kinds, labels, footnote calls and texts (up to whitespace, typographic
//! quotes and dashes, and line-break hyphenation).
//!
//! The renderings start from the canonical units of the original text and put them back
//! into a format: web repost, EP page rendered to text, Official Journal, PDF-to-text,
//! plain ASCII, and the EUR-Lex page rendered to text (each marker in a table cell of its
//! own: the citation dashes lost, the other markers alone on their lines). The seed
//! always runs; the two third-party texts run when `../shared` is
//! there and say SKIPPED otherwise (under `CI=true` they fail instead).

use crate::support;

use whereas::{Resolution, Unit, UnitKind};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    WebRepost,
    EpPage,
    OfficialJournal,
    PdfText,
    PlainAscii,
    EurLex,
}

const FORMATS: [Format; 6] = [
    Format::WebRepost,
    Format::EpPage,
    Format::OfficialJournal,
    Format::PdfText,
    Format::PlainAscii,
    Format::EurLex,
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A unit's text with its footnote calls put back, split into the intro and sub-points.
fn unit_lines(u: &Unit, call: impl Fn(&str) -> String) -> (String, Vec<String>) {
    let mut inserts: Vec<(usize, String)> = u
        .footnote_call_offsets
        .iter()
        .zip(&u.footnote_calls)
        .map(|(&at, l)| (at, call(l)))
        .collect();
    let mut cuts: Vec<usize> = u.points.iter().map(|p| p.start).collect();
    cuts.push(u.text.len());
    inserts.sort_by_key(|i| i.0);
    let mut parts = Vec::new();
    let mut from = 0;
    let mut ins = inserts.into_iter().peekable();
    for cut in cuts {
        let mut s = String::new();
        let mut at = from;
        while let Some((pos, c)) =
            ins.next_if(|(pos, _)| *pos <= cut && (*pos < cut || cut == u.text.len()))
        {
            s.push_str(&u.text[at..pos]);
            s.push_str(&c);
            at = pos;
        }
        s.push_str(&u.text[at..cut]);
        parts.push(s.trim().to_string());
        from = cut;
    }
    let intro = parts.remove(0);
    (intro, parts)
}

fn marker(u: &Unit, f: Format) -> String {
    match (u.kind, f) {
        (UnitKind::Citation, Format::WebRepost) => "\u{2013}\u{a0}\u{a0}".into(),
        (UnitKind::Citation, Format::EpPage) => if u.label.parse::<u32>().unwrap_or(0) % 2 == 1 {
            "\u{f02d}\u{a0}"
        } else {
            "\u{2013}\u{a0}"
        }
        .into(),
        (UnitKind::Citation, Format::OfficialJournal) => "\u{2014}\t".into(),
        (UnitKind::Citation, Format::PdfText) => "\u{2013} ".into(),
        (UnitKind::Citation, Format::PlainAscii) => "- ".into(),
        (UnitKind::Citation, Format::EurLex) => String::new(),
        (UnitKind::Footnote, Format::EurLex) => format!("({})\n\n", u.label),
        (_, Format::EurLex) => format!("{}.\n\n", u.label),
        (UnitKind::Footnote, Format::EpPage) => format!("[{}] ", u.label),
        (UnitKind::Footnote, Format::OfficialJournal) => format!("({})\t", u.label),
        (UnitKind::Footnote, Format::WebRepost) => format!("({})", u.label),
        (UnitKind::Footnote, _) => format!("({}) ", u.label),
        (_, Format::WebRepost) => format!("{}.\u{a0}\u{a0}", u.label),
        (_, Format::EpPage) => format!("{}.\u{a0}", u.label),
        (_, Format::OfficialJournal) => format!("{}.\t", u.label),
        (_, _) => format!("{}. ", u.label),
    }
}

fn call(f: Format) -> impl Fn(&str) -> String {
    move |l: &str| match f {
        Format::EpPage => format!("[{l}]"),
        Format::OfficialJournal | Format::EurLex => format!(" ({l})"),
        _ => format!("({l})"),
    }
}

/// NBSP between a day and its month, as the web reposts have it.
fn nbsp_dates(s: &str) -> String {
    let mut out = s.to_string();
    for m in MONTHS {
        for d in 0..10 {
            out = out.replace(&format!("{d} {m}"), &format!("{d}\u{a0}{m}"));
        }
    }
    out
}

fn ascii(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2010}'..='\u{2015}' => '-',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect()
}

/// Hard-wraps `s` at `width` columns, hyphenating long lower-case words at the break.
fn wrap(s: &str, width: usize, indent: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split(' ').filter(|w| !w.is_empty()) {
        let len = line.chars().count();
        if len + 1 + word.chars().count() <= width || line.is_empty() {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        let room = width.saturating_sub(len + 2);
        let chars: Vec<char> = word.chars().collect();
        if chars.len() >= 8 && room >= 3 && chars.iter().all(|c| c.is_ascii_lowercase()) {
            let cut = room.min(chars.len() - 3);
            line.push(' ');
            line.extend(&chars[..cut]);
            line.push('-');
            lines.push(std::mem::take(&mut line));
            line = format!("{indent}{}", chars[cut..].iter().collect::<String>());
        } else {
            lines.push(std::mem::take(&mut line));
            line = format!("{indent}{word}");
        }
    }
    lines.push(line);
    lines
}

fn render(res: &Resolution, f: Format) -> String {
    let title = res.title.clone().unwrap_or_default();
    let mut body: Vec<String> = Vec::new();
    let mut notes_run = String::new();
    // The title unit is written from `title`, where each format puts it.
    for u in res.units.iter().filter(|u| u.kind != UnitKind::Title) {
        let (intro, points) = unit_lines(u, call(f));
        let first = format!("{}{}", marker(u, f), intro);
        let mut block = vec![first];
        block.extend(points.iter().map(|p| match f {
            Format::OfficialJournal => p.replacen(". ", ".\t", 1),
            Format::WebRepost | Format::EpPage => p.replacen(". ", ".\u{a0}", 1),
            _ => p.clone(),
        }));
        if u.kind == UnitKind::Footnote && f == Format::WebRepost {
            notes_run.push_str(&block.join(" "));
            continue;
        }
        body.extend(block);
    }
    if !notes_run.is_empty() {
        body.push(notes_run);
    }
    let reference = res.reference.clone().unwrap_or_default();
    match f {
        Format::WebRepost => {
            let b: Vec<String> = body.iter().map(|l| nbsp_dates(l)).collect();
            format!(
                "site_logo_01\n\n{title}\n\n{}\n\n{reference}_EN (PDF)\n\nThe European Parliament\n\nRelated Posts",
                b.join("\n\n")
            )
        }
        Format::EpPage => {
            let date = res.date.clone().unwrap_or_default();
            let menu = "bg\u{a0}-\u{a0}български\n\nen\u{a0}-\u{a0}English\u{a0}(Selected)\n\nfr\u{a0}-\u{a0}français";
            format!(
                "Choisissez la langue de votre document :\n\n{menu}\n\nDocument stages in plenary\n\n\
                 <Date>{{{date}}}{date}</Date>\n\n<TitreType>MOTION FOR A RESOLUTION</TitreType>\n\n\
                 {title}\n\nThe European Parliament,\n\n{}\n\n\u{a0}\n\nLast updated: 1 July 2020\n\n\
                 Legal notice - Privacy policy\n",
                body.join("\n\n")
            )
        }
        Format::OfficialJournal => {
            let text = format!(
                "{title}\n\nThe European Parliament,\n\n{}\n",
                body.join("\n\n")
            );
            text.replace('\n', "\r\n")
        }
        Format::PdfText => {
            let mut lines: Vec<String> = vec!["RE\\1223344EN.docx".into()];
            lines.extend(wrap(&title, 70, ""));
            lines.push(String::new());
            for l in &body {
                lines.extend(wrap(l, 70, ""));
                lines.push(String::new());
            }
            // Page breaks every 40 lines, wherever they fall: footer, form feed, header.
            let mut out = String::new();
            let pages = lines.len() / 40 + 1;
            for (i, l) in lines.iter().enumerate() {
                if i > 0 && i % 40 == 0 {
                    let page = i / 40;
                    out.push_str(&format!(
                        "PE693.123v01-00\n{page}/{pages}\n\u{c}RE\\1223344EN.docx\n"
                    ));
                }
                out.push_str(l);
                out.push('\n');
            }
            out.push_str(&format!("PE693.123v01-00\n{pages}/{pages}\n"));
            out
        }
        Format::PlainAscii => ascii(&format!("{title}\n\n{}\n", body.join("\n"))),
        Format::EurLex => format!(
            "{reference}\n\n{title}\n\nThe European Parliament,\n\n{}\n",
            body.join("\n\n")
        ),
    }
}

/// Text compared up to whitespace, typographic quotes/dashes and hyphenation.
fn fold(s: &str) -> String {
    ascii(s)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

/// Unit pieces and noise spans tile the input.
fn assert_tiles(input: &str, res: &Resolution, what: &str) {
    let mut spans: Vec<(usize, usize)> = res
        .noise
        .iter()
        .map(|n| (n.span.start, n.span.end))
        .collect();
    spans.extend(
        res.units
            .iter()
            .flat_map(|u| u.pieces.iter().map(|p| (p.start, p.end))),
    );
    spans.sort();
    let mut at = 0;
    for (a, b) in spans {
        assert!(a == at && b > a, "{what}: gap or overlap at {at}");
        at = b;
    }
    assert_eq!(at, input.len(), "{what}: end not covered");
}

fn check(name: &str, original: &str) {
    let canonical = whereas::segment(original).unwrap();
    for f in FORMATS {
        let rendered = render(&canonical, f);
        let res = whereas::segment(&rendered).unwrap_or_else(|e| panic!("{name} {f:?}: {e}"));
        assert_eq!(res.counts(), canonical.counts(), "{name} {f:?}: counts");
        for (got, want) in res.units.iter().zip(&canonical.units) {
            let what = format!("{name} {f:?} {}/{}", want.kind.as_str(), want.label);
            assert_eq!((got.kind, &got.label), (want.kind, &want.label), "{what}");
            assert_eq!(
                fold(&got.text),
                fold(&want.text),
                "{what}\n got: {}\nwant: {}",
                got.text,
                want.text
            );
            assert_eq!(got.footnote_calls, want.footnote_calls, "{what}: calls");
            let labels = |u: &Unit| u.points.iter().map(|p| p.label.clone()).collect::<Vec<_>>();
            assert_eq!(labels(got), labels(want), "{what}: points");
        }
        if f != Format::PdfText && f != Format::PlainAscii {
            for (got, want) in res.units.iter().zip(&canonical.units) {
                assert_eq!(
                    ascii(&got.text),
                    ascii(&want.text),
                    "{name} {f:?}: exact text"
                );
            }
        }
        assert_tiles(&rendered, &res, &format!("{name} {f:?}"));
        if f == Format::EpPage {
            let reasons: Vec<_> = res.noise.iter().map(|n| n.reason).collect();
            assert!(
                reasons.contains(&whereas::NoiseReason::TemplateTag),
                "{name}: template tags"
            );
            assert!(
                reasons.contains(&whereas::NoiseReason::LanguageMenu),
                "{name}: language menu"
            );
        }
        if f == Format::PdfText {
            assert!(
                res.noise
                    .iter()
                    .any(|n| n.reason == whereas::NoiseReason::PageHeader),
                "{name}: headers"
            );
        }
        assert_eq!(
            res.title.map(|t| ascii(&t)),
            canonical.title.as_deref().map(ascii),
            "{name} {f:?}: title"
        );
    }
}

#[test]
fn seed_in_six_formats() {
    check("seed", support::SEED);
    assert_eq!(
        whereas::segment(support::SEED).unwrap().counts(),
        [11, 23, 27, 5]
    );
}

#[test]
fn public_health_in_six_formats() {
    if let Some(t) = support::shared_text("corpus/B-9-2020-0220_public-health.txt") {
        check("public-health", &t);
    }
}

#[test]
fn ukraine_in_six_formats() {
    if let Some(t) = support::shared_text("corpus/RC-10-2025-0249_ukraine-children.txt") {
        check("ukraine", &t);
    }
}

#[test]
fn renderings_look_like_their_formats() {
    let res = whereas::segment(support::SEED).unwrap();
    let pdf = render(&res, Format::PdfText);
    let long: Vec<&str> = pdf.lines().filter(|l| l.chars().count() > 72).collect();
    assert!(pdf.contains('\u{c}') && long.is_empty(), "{long:?}");
    assert!(
        pdf.lines().any(|l| l.ends_with('-') && !l.ends_with(" -")),
        "some hyphenation"
    );
    let oj = render(&res, Format::OfficialJournal);
    assert!(
        oj.contains("\u{2014}\thaving regard")
            && oj.contains("Kazakhstan (1)")
            && oj.contains("\r\n")
    );
    let plain = render(&res, Format::PlainAscii);
    assert!(
        plain.contains(",\n- having regard")
            && plain.matches("\n\n").count() == 1
            && plain.is_ascii()
    );
    let eurlex = render(&res, Format::EurLex);
    assert!(
        eurlex.contains("\n\nhaving regard")
            && !eurlex
                .lines()
                .any(|l| l.starts_with(['\u{2013}', '\u{2014}', '-']))
            && eurlex.contains("\n\nA.\n\nwhereas")
            && eurlex.contains("\n\n(1)\n\n")
    );
    let web = render(&res, Format::WebRepost);
    assert!(web.contains("p. 83.(2)OJ C 45") && web.contains("14\u{a0}March"));
}
