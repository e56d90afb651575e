//! Small hand-written fixtures, one or more per input format, in `tests/data/segment/`.

use std::path::PathBuf;

use whereas::{Error, NoiseReason, Resolution, UnitKind, Warning};

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/segment")
        .join(name)
}

fn load(name: &str) -> Resolution {
    whereas::load(path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn unit<'a>(res: &'a Resolution, kind: UnitKind, label: &str) -> &'a whereas::Unit {
    res.units
        .iter()
        .find(|u| u.kind == kind && u.label == label)
        .unwrap_or_else(|| panic!("no {} {label}", kind.as_str()))
}

fn noise_texts(res: &Resolution, text: &str, reason: NoiseReason) -> Vec<String> {
    res.noise
        .iter()
        .filter(|n| n.reason == reason)
        .map(|n| text[n.span.start..n.span.end].trim().to_string())
        .collect()
}

#[test]
fn web_repost_fixture() {
    let res = load("web_repost.txt");
    assert_eq!(res.counts(), [2, 2, 2, 3]);
    assert_eq!(res.reference.as_deref(), Some("TA-9-2022-0071"));
    assert_eq!(res.date.as_deref(), Some("2022-03-03"));
    let c1 = unit(&res, UnitKind::Citation, "1");
    assert_eq!(
        c1.text,
        "having regard to its resolution of 9 May 2019 on Freedonia and of 4 June 2020,"
    );
    assert_eq!(c1.footnote_calls, ["1", "2"]);
    assert_eq!(
        unit(&res, UnitKind::Citation, "2").text,
        "having regard to Rule 144(5) of its Rules of Procedure,"
    );
    assert_eq!(
        unit(&res, UnitKind::Recital, "B").text,
        "whereas the authorities’ ‘extremism’ charges are vague;"
    );
    assert_eq!(
        unit(&res, UnitKind::Footnote, "2").text,
        "OJ C 45, 5.2.2021, p. 85."
    );
    assert_eq!(
        unit(&res, UnitKind::Footnote, "3").text,
        "UN Special Rapporteur report."
    );
    assert!(res.warnings.is_empty(), "{:?}", res.warnings);
}

#[test]
fn ep_page_fixture() {
    let text = std::fs::read_to_string(path("ep_page.txt")).unwrap();
    let res = whereas::segment(&text).unwrap();
    assert_eq!(res.counts(), [3, 28, 2, 2]);
    assert_eq!(res.reference.as_deref(), Some("B-9-2021-0999"));
    assert_eq!(res.date.as_deref(), Some("2021-09-14"));
    assert_eq!(
        res.title.as_deref(),
        Some("European Parliament resolution on health strategy")
    );
    let labels: Vec<&str> = res
        .units_of(UnitKind::Recital)
        .map(|u| u.label.as_str())
        .collect();
    assert_eq!(labels[25..], ["Z", "AA", "AB"]);
    let b = unit(&res, UnitKind::Recital, "B");
    assert_eq!(b.text, "whereas the plan sets out three steps: a. Protect nature; b. Invest in services; c. Stop pollution;");
    assert_eq!(b.points.len(), 3);
    assert_eq!(unit(&res, UnitKind::Citation, "2").footnote_calls, ["1"]);
    assert_eq!(
        unit(&res, UnitKind::Citation, "2").text,
        "having regard to its resolution of 17 April 2020,"
    );
    assert_eq!(
        unit(&res, UnitKind::Footnote, "1").text,
        "Texts adopted, P9_TA(2020)0054."
    );
    let tags = noise_texts(&res, &text, NoiseReason::TemplateTag);
    assert!(
        tags.iter()
            .any(|t| t.starts_with("<Date>{14/09/2021}14.9.2021</Date>")),
        "{tags:?}"
    );
    assert!(
        tags.iter().any(|t| t.contains("</RepeatBlock-By>")),
        "{tags:?}"
    );
    assert_eq!(noise_texts(&res, &text, NoiseReason::LanguageMenu).len(), 1);
    let after = noise_texts(&res, &text, NoiseReason::AfterBody);
    assert!(
        after[0].starts_with("Last updated") && after[0].ends_with("Privacy policy"),
        "{after:?}"
    );
}

#[test]
fn official_journal_fixture_with_crlf_tabs_and_spaced_calls() {
    let res = load("oj_style.txt");
    assert_eq!(res.counts(), [2, 2, 2, 2]);
    assert_eq!(res.date.as_deref(), Some("2021-09-16"));
    let c1 = unit(&res, UnitKind::Citation, "1");
    assert_eq!(
        c1.text,
        "having regard to its previous resolutions on Atlantis,"
    );
    assert_eq!(c1.footnote_calls, ["1"]);
    assert_eq!(
        unit(&res, UnitKind::Citation, "2").text,
        "having regard to Rules 144(5) and 132(4) of its Rules of Procedure,"
    );
    assert_eq!(
        unit(&res, UnitKind::Recital, "A").text,
        "whereas the situation is grave;"
    );
    assert_eq!(
        unit(&res, UnitKind::Footnote, "2").text,
        "OJ C 45, 5.2.2016, p. 85."
    );
    assert!(res
        .units
        .iter()
        .all(|u| !u.text.contains('\r') && !u.text.contains('\t')));
}

#[test]
fn pdf_fixture_with_wraps_hyphens_and_page_headers() {
    let text = std::fs::read_to_string(path("pdf_text.txt")).unwrap();
    let res = whereas::segment(&text).unwrap();
    assert_eq!(res.counts(), [2, 2, 2, 1]);
    assert_eq!(
        res.title.as_deref(),
        Some("European Parliament resolution of 7 October 2021 on the human rights situation in Utopia")
    );
    let a = unit(&res, UnitKind::Recital, "A");
    assert_eq!(
        a.text,
        "whereas a worrying deterioration in the general situation of human rights has been noted, \
         with harsh restrictions on civil society organisations and on independent journalists; \
         whereas the authorities have not responded;"
    );
    // The page footer, number, form feed and header inside recital A are noise.
    assert_eq!(a.pieces.len(), 2);
    let headers = noise_texts(&res, &text, NoiseReason::PageHeader);
    assert!(
        headers.iter().any(|h| h.contains("PE693.123v01-00")),
        "{headers:?}"
    );
    assert!(res.noise.iter().any(|n| n.reason == NoiseReason::PageBreak));
    // A real compound keeps its hyphen; a hyphen at a line break inside a word goes.
    assert_eq!(
        unit(&res, UnitKind::Recital, "B").text,
        "whereas the state-owned media dominate the landscape;"
    );
    assert_eq!(
        unit(&res, UnitKind::Paragraph, "1").text,
        "Urges the Government to release all political prisoners and to rehabilitate them;"
    );
    assert_eq!(
        unit(&res, UnitKind::Footnote, "1").text,
        "OJ C 23, 21.1.2021, p. 83."
    );
}

#[test]
fn plain_ascii_fixture_with_single_newlines() {
    let res = load("plain_ascii.txt");
    assert_eq!(res.counts(), [2, 2, 2, 1]);
    assert_eq!(
        unit(&res, UnitKind::Citation, "1").text,
        "having regard to the \"Oceania Accord\" of 1 May 2020,"
    );
    assert_eq!(unit(&res, UnitKind::Citation, "1").footnote_calls, ["1"]);
    assert_eq!(
        unit(&res, UnitKind::Recital, "A").text,
        "whereas the 'Bright Future' party was banned;"
    );
    assert_eq!(
        unit(&res, UnitKind::Paragraph, "2").text,
        "Instructs its President to forward this resolution."
    );
    assert_eq!(res.date.as_deref(), Some("2021-05-20"));
}

#[test]
fn html_fixture() {
    let res = load("page.html");
    assert_eq!(res.counts(), [1, 1, 1, 1]);
    assert_eq!(res.reference.as_deref(), Some("B-9-2022-0111"));
    assert_eq!(res.date.as_deref(), Some("2022-02-02"));
    assert_eq!(
        unit(&res, UnitKind::Citation, "1").text,
        "having regard to its resolution of 1 May 2020,"
    );
    assert_eq!(
        unit(&res, UnitKind::Recital, "A").text,
        "whereas things are small;"
    );
    assert_eq!(
        unit(&res, UnitKind::Footnote, "1").text,
        "Texts adopted, P9_TA(2020)0054."
    );
    assert!(res.units.iter().all(|u| !u.text.contains("var x")));
}

#[test]
fn windows_1252_file_is_decoded() {
    let res = load("latin1.txt");
    assert_eq!(res.counts(), [1, 1, 1, 0]);
    assert_eq!(
        unit(&res, UnitKind::Citation, "1").text,
        "having regard to “the Accord”,"
    );
    assert_eq!(
        unit(&res, UnitKind::Recital, "A").text,
        "whereas naïve rules apply;"
    );
}

#[test]
fn binary_and_missing_files_are_errors() {
    match whereas::load(path("binary.bin")) {
        Err(Error::NotText { offset, .. }) => assert_eq!(offset, 6),
        other => panic!("{other:?}"),
    }
    match whereas::load(path("no_such_file.txt")) {
        Err(Error::Io { path, .. }) => assert!(path.ends_with("no_such_file.txt")),
        other => panic!("{other:?}"),
    }
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("notes.txt");
    std::fs::write(&empty, "Shopping list\n\nmilk, eggs\n").unwrap();
    assert!(matches!(
        whereas::load(&empty),
        Err(Error::NoResolution { .. })
    ));
}

#[test]
fn odd_order_gives_units_and_warnings() {
    let res = load("odd_order.txt");
    assert_eq!(res.counts(), [1, 5, 2, 0]);
    let labels: Vec<&str> = res.units.iter().map(|u| u.label.as_str()).collect();
    // The repeated "F" keeps a unit id of its own.
    assert_eq!(labels, ["1", "1", "B", "A", "C", "F", "F-2", "1", "3"]);
    assert_eq!(res.units[0].kind, UnitKind::Title);
    let ids: std::collections::HashSet<String> = res.units.iter().map(|u| res.unit_id(u)).collect();
    assert_eq!(ids.len(), res.units.len());
    let w = &res.warnings;
    assert!(w.iter().any(|w| matches!(w, Warning::OutOfOrder { kind: UnitKind::Recital, expected, found, .. } if expected == "A" && found == "B")), "{w:?}");
    assert!(w.iter().any(|w| matches!(w, Warning::OutOfOrder { kind: UnitKind::Recital, found, .. } if found == "F")), "{w:?}");
    assert!(w.iter().any(|w| matches!(w, Warning::RepeatedLabel { kind: UnitKind::Recital, label, .. } if label == "F")), "{w:?}");
    assert!(w.iter().any(|w| matches!(w, Warning::OutOfOrder { kind: UnitKind::Paragraph, found, .. } if found == "3")), "{w:?}");
}
