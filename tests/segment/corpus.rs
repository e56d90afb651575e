//! The three real texts (and the two EP pages as HTML) segment to the hand counts of
//! `corpus/SOURCES.tsv`. The seed is bundled and always checked; the two third-party
//! texts are read from `../shared`: the tests say SKIPPED when it is absent, and fail
//! under `CI=true`.

use crate::support;

use whereas::{NoiseReason, Resolution, UnitKind};

/// Hand counts from `shared/corpus/SOURCES.tsv`: [citations, recitals, paragraphs, footnotes].
fn hand_counts(file: &str) -> Option<[usize; 4]> {
    let tsv = support::shared_text("corpus/SOURCES.tsv")?;
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines
        .next()
        .expect("SOURCES.tsv has a header")
        .split('\t')
        .collect();
    let col = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let row: Vec<&str> = lines
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .find(|r| r[0] == file)
        .unwrap_or_else(|| panic!("SOURCES.tsv has no row for {file}"));
    let n = |name: &str| row[col(name)].trim().parse::<usize>().expect(name);
    Some([
        n("citations"),
        n("recitals"),
        n("paragraphs"),
        n("footnotes"),
    ])
}

/// Checks the coverage invariant: unit pieces and noise tile the input.
fn assert_coverage(input: &str, res: &Resolution) {
    let mut spans: Vec<(usize, usize)> = res
        .noise
        .iter()
        .map(|n| (n.span.start, n.span.end))
        .collect();
    for u in &res.units {
        spans.extend(u.pieces.iter().map(|p| (p.start, p.end)));
        assert!(u.span.start <= u.span.end);
    }
    spans.sort();
    let mut at = 0;
    for (a, b) in spans {
        assert_eq!(a, at, "gap or overlap at byte {at}");
        assert!(b > a && input.is_char_boundary(a) && input.is_char_boundary(b));
        at = b;
    }
    assert_eq!(at, input.len(), "input not covered to its end");
    for w in res.units.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "unit spans overlap");
    }
}

fn shared_pair(stem: &str) -> Option<(String, String, [usize; 4])> {
    let text = support::shared_text(&format!("corpus/{stem}.txt"))?;
    let html = support::shared_text(&format!("corpus/{stem}.source.html"))?;
    Some((text, html, hand_counts(&format!("{stem}.txt"))?))
}

#[test]
fn seed_web_repost_segments_to_hand_counts() {
    let res = whereas::segment(support::SEED).unwrap();
    assert_eq!(res.counts(), [11, 23, 27, 5]);
    if let Some(counts) = hand_counts("TA-9-2021-0056_EN.txt") {
        assert_eq!(res.counts(), counts);
    }
    assert_coverage(support::SEED, &res);
    assert_eq!(res.reference.as_deref(), Some("TA-9-2021-0056"));
    assert_eq!(res.date.as_deref(), Some("2021-02-11"));
    assert_eq!(
        res.title.as_deref(),
        Some("European Parliament resolution of 11 February 2021 on the human rights situation in Kazakhstan")
    );
    let labels: String = res
        .units_of(UnitKind::Recital)
        .map(|u| u.label.as_str())
        .collect();
    assert_eq!(labels, "ABCDEFGHIJKLMNOPQRSTUVW");
    assert!(res.warnings.is_empty(), "{:?}", res.warnings);
}

#[test]
fn seed_footnote_calls_glued_to_words_and_years() {
    let res = whereas::segment(support::SEED).unwrap();
    let c1 = res.units_of(UnitKind::Citation).next().unwrap();
    assert_eq!(c1.footnote_calls, ["1", "2", "3", "4"]);
    assert!(
        c1.text.contains("situation in Kazakhstan and its previous"),
        "{}",
        c1.text
    );
    assert!(
        c1.text.ends_with("15 March 2012 and 17 September 2009,"),
        "{}",
        c1.text
    );
    // NBSP inside dates is folded to a space.
    assert!(c1.text.contains("of 14 March 2019"));
    // `Rule 144(5)` is a sub-division, not a call, even though footnote 5 exists.
    let rule = res.units_of(UnitKind::Citation).last().unwrap();
    assert_eq!(
        rule.text,
        "having regard to Rule 144(5) and 132(4) of its Rules of Procedure,"
    );
    assert!(rule.footnote_calls.is_empty());
    let n = res
        .units
        .iter()
        .find(|u| u.kind == UnitKind::Recital && u.label == "N")
        .unwrap();
    assert_eq!(n.footnote_calls, ["5"]);
    assert!(n
        .text
        .starts_with("whereas despite appeals from the UN Special Rapporteur, from"));
    // All five notes were run together on one line.
    let notes: Vec<&str> = res
        .units_of(UnitKind::Footnote)
        .map(|u| u.text.as_str())
        .collect();
    assert_eq!(notes[0], "OJ C 23, 21.1.2021, p. 83.");
    assert_eq!(notes[3], "OJ C 224 E, 19.8.2010, p. 30.");
    assert!(notes[4].starts_with("UN Special Rapporteur on the promotion"));
}

#[test]
fn seed_page_noise_is_listed() {
    let res = whereas::segment(support::SEED).unwrap();
    let dropped: Vec<(NoiseReason, &str)> = res
        .noise
        .iter()
        .filter(|n| n.reason != NoiseReason::Blank)
        .map(|n| (n.reason, support::SEED[n.span.start..n.span.end].trim()))
        .collect();
    assert_eq!(
        dropped[0],
        (
            NoiseReason::BeforeBody,
            "csm_S.3_EN_logo_smaller_01_c8ce50b44a"
        )
    );
    // The title line is a unit now, not noise.
    assert!(dropped.iter().all(|d| d.0 != NoiseReason::Title));
    let title = &res.units[0];
    assert_eq!(title.kind, UnitKind::Title);
    assert_eq!(Some(title.text.as_str()), res.title.as_deref());
    assert_eq!(
        support::SEED[title.span.start..title.span.end].trim(),
        title.text
    );
    let after = dropped.last().unwrap();
    assert_eq!(after.0, NoiseReason::AfterBody);
    assert!(
        after.1.starts_with("TA\u{2011}9\u{2013}2021-0056_EN (PDF)")
            && after.1.ends_with("Related Posts")
    );
}

#[test]
fn public_health_page_text_segments_to_hand_counts() {
    let Some((text, _, counts)) = shared_pair("B-9-2020-0220_public-health") else {
        return;
    };
    let res = whereas::segment(&text).unwrap();
    assert_eq!(res.counts(), counts);
    assert_coverage(&text, &res);
    assert_eq!(res.reference.as_deref(), Some("B-9-2020-0220"));
    assert_eq!(res.date.as_deref(), Some("2020-07-06"));
    assert!(res
        .title
        .as_deref()
        .unwrap()
        .ends_with("public health strategy post-COVID-19"));
    // Recitals past Z.
    let last = res.units_of(UnitKind::Recital).last().unwrap();
    assert_eq!(last.label, "AA");
    // U+F02D (private-use) and U+2013 dashes both open citations.
    assert!(res
        .units_of(UnitKind::Citation)
        .all(|u| u.text.starts_with("having regard to")));
    // `[1]` calls are removed from the text and listed.
    let c4 = res.units_of(UnitKind::Citation).nth(3).unwrap();
    assert_eq!(c4.footnote_calls, ["1"]);
    assert!(
        c4.text.ends_with("pandemic and its consequences,"),
        "{}",
        c4.text
    );
    let calls: Vec<String> = res
        .units
        .iter()
        .flat_map(|u| u.footnote_calls.clone())
        .collect();
    assert_eq!(calls, ["1", "2", "3", "4", "5", "6", "7", "8"]);
    // Template tags are noise, never unit text.
    let tags: Vec<&str> = res
        .noise
        .iter()
        .filter(|n| n.reason == NoiseReason::TemplateTag)
        .map(|n| &text[n.span.start..n.span.end])
        .collect();
    assert!(tags
        .iter()
        .any(|t| t.contains("<Date>{06/07/2020}6.7.2020</Date>")));
    assert!(res.units.iter().all(|u| !u.text.contains("</")));
    assert!(res
        .noise
        .iter()
        .any(|n| n.reason == NoiseReason::LanguageMenu));
}

#[test]
fn public_health_recital_b_keeps_its_sub_points() {
    let Some((text, _, _)) = shared_pair("B-9-2020-0220_public-health") else {
        return;
    };
    let res = whereas::segment(&text).unwrap();
    let b = res
        .units
        .iter()
        .find(|u| u.kind == UnitKind::Recital && u.label == "B")
        .unwrap();
    let labels: Vec<&str> = b.points.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["a", "b", "c", "d", "e", "f"]);
    assert_eq!(
        b.points[0].text,
        "Protect and preserve the source of human health: Nature;"
    );
    assert_eq!(
        b.points[5].text,
        "Stop using taxpayers money to fund pollution;"
    );
    assert!(b.text.starts_with("whereas the WHO manifesto"));
    assert!(b.text.contains("recovery: a. Protect and preserve"));
    assert!(b
        .text
        .ends_with("f. Stop using taxpayers money to fund pollution;"));
    assert_eq!(
        &b.text[b.points[2].start..b.points[3].start],
        "c. Ensure a quick healthy energy transition; "
    );
    let c = res
        .units
        .iter()
        .find(|u| u.kind == UnitKind::Recital && u.label == "C")
        .unwrap();
    assert!(c.text.starts_with("whereas this resolution"));
}

#[test]
fn ukraine_page_text_segments_to_hand_counts() {
    let Some((text, _, counts)) = shared_pair("RC-10-2025-0249_ukraine-children") else {
        return;
    };
    let res = whereas::segment(&text).unwrap();
    assert_eq!(res.counts(), counts);
    assert_coverage(&text, &res);
    assert_eq!(res.reference.as_deref(), Some("RC-10-2025-0249"));
    assert_eq!(res.date.as_deref(), Some("2025-05-07"));
    let last = res.units.last().unwrap();
    assert!(
        last.text
            .ends_with("to the United States, Russia and Belarus."),
        "{}",
        last.text
    );
    assert!(res.units.iter().all(|u| u.footnote_calls.is_empty()));
    // Rules 150(5) and 136(4) are not calls (there are no footnotes at all).
    let c3 = res.units_of(UnitKind::Citation).nth(2).unwrap();
    assert!(c3.text.contains("Rules 150(5) and 136(4)"));
}

#[test]
fn html_pages_segment_to_the_same_units_as_their_text() {
    for stem in [
        "B-9-2020-0220_public-health",
        "RC-10-2025-0249_ukraine-children",
    ] {
        let Some((text, html, counts)) = shared_pair(stem) else {
            return;
        };
        let from_text = whereas::segment(&text).unwrap();
        let from_html = whereas::segment_html(&html).unwrap();
        assert_eq!(from_html.counts(), counts, "{stem}");
        assert_coverage(&whereas::html_to_text(&html), &from_html);
        assert_eq!(from_html.reference, from_text.reference, "{stem}");
        assert_eq!(from_html.date, from_text.date, "{stem}");
        assert_eq!(from_html.title, from_text.title, "{stem}");
        for (h, t) in from_html.units.iter().zip(&from_text.units) {
            assert_eq!(
                (h.kind, &h.label, &h.text),
                (t.kind, &t.label, &t.text),
                "{stem}"
            );
            assert_eq!(h.footnote_calls, t.footnote_calls);
            assert_eq!(h.points, t.points);
        }
    }
}

#[test]
fn load_reads_text_and_html_files() {
    let (Some(html), Some(text)) = (
        support::shared_path("corpus/RC-10-2025-0249_ukraine-children.source.html"),
        support::shared_path("corpus/TA-9-2021-0056_EN.txt"),
    ) else {
        return;
    };
    let res = whereas::load(html).unwrap();
    assert_eq!(res.counts(), [3, 3, 9, 0]);
    assert!(res.source.as_deref().unwrap().ends_with(".source.html"));
    let res = whereas::load(text).unwrap();
    assert_eq!(res.counts(), [11, 23, 27, 5]);
}
