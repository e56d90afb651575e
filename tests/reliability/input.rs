//! Reliability on bad input: whatever a scraper hands over, the segmenter and the file
//! loader give units (with warnings) or an error that says what is wrong, never a panic,
//! and in time linear in the input.
//!
//! Big inputs are generated here at run time, never committed. By default they are a few
//! megabytes, enough that quadratic work would take minutes; `WHEREAS_HEAVY=1` runs them
//! at 50 MB (use `--release`).

use std::path::{Path, PathBuf};

use whereas::{Error, NoiseReason, Resolution, UnitKind, Warning};

/// Size in bytes of the big generated inputs: 2 MB, or 50 MB with `WHEREAS_HEAVY=1`.
fn big() -> usize {
    if std::env::var_os("WHEREAS_HEAVY").is_some() {
        50 << 20
    } else {
        2 << 20
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/reliability")
        .join(name)
}

/// Writes `bytes` to a fresh file named `name` in `dir`.
fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The module docs' coverage invariant: unit pieces and noise tile the input.
fn assert_coverage(input: &str, res: &Resolution) {
    let mut spans: Vec<_> = res.noise.iter().map(|n| n.span).collect();
    for u in &res.units {
        spans.extend(u.pieces.iter().copied());
    }
    spans.sort();
    let mut at = 0;
    for s in &spans {
        assert_eq!(s.start, at, "gap or overlap at byte {at}");
        assert!(s.end > s.start, "empty span {s:?}");
        assert!(input.is_char_boundary(s.start) && input.is_char_boundary(s.end));
        at = s.end;
    }
    assert_eq!(at, input.len(), "spans stop short of the end");
}

fn has_warning(res: &Resolution, pred: impl Fn(&Warning) -> bool) -> bool {
    res.warnings.iter().any(pred)
}

// ---------------------------------------------------------------- empty and binary files

#[test]
fn empty_file_is_no_resolution() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("bom-only.txt", b"\xEF\xBB\xBF"),
        ("blank.txt", b"\n\n  \r\n\t\x0c\n"),
        ("empty.html", b""),
    ] {
        let path = write(dir.path(), name, bytes);
        match whereas::load(&path) {
            Err(Error::NoResolution { reason }) => assert!(!reason.is_empty(), "{name}"),
            other => panic!("{name}: expected NoResolution, got {other:?}"),
        }
    }
}

#[test]
fn binary_file_is_refused_naming_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    // A PDF dump: a text-like header, then a binary stream with a NUL at byte 20.
    let mut pdf = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 ".to_vec();
    let nul = pdf.len();
    pdf.extend_from_slice(b"\x00\x01\x02stream\x89\xFF");
    let cases: Vec<(&str, Vec<u8>, usize)> = vec![
        ("scan.pdf", pdf, nul),
        (
            "photo.png",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec(),
            6,
        ),
        ("archive.zip", b"PK\x03\x04\x14\x00".to_vec(), 2),
        ("a.out", b"\x7fELF\x02\x01\x01".to_vec(), 0),
        (
            "latin1-with-nul.txt",
            b"A. whereas caf\xE9\x00;".to_vec(),
            15,
        ),
        ("bom-then-binary.txt", b"\xEF\xBB\xBFA.\x02".to_vec(), 5),
    ];
    for (name, bytes, offset) in cases {
        let path = write(dir.path(), name, &bytes);
        let err = whereas::load(&path).expect_err(name);
        match &err {
            Error::NotText {
                offset: at,
                path: Some(p),
            } => {
                assert_eq!(*at, offset, "{name}: offset");
                assert_eq!(p, &path, "{name}: path");
            }
            other => panic!("{name}: expected NotText with the path, got {other:?}"),
        }
        let message = err.to_string();
        assert!(
            message.contains(name),
            "{name}: message {message:?} names no file"
        );
        assert!(
            message.contains(&offset.to_string()),
            "{name}: message {message:?} names no offset"
        );
    }
}

#[test]
fn binary_fixture_is_refused() {
    // A committed fixture, so the test also covers reading a file the test did not write.
    let path = fixture("binary.bin");
    match whereas::load(&path) {
        Err(Error::NotText { offset, .. }) => assert_eq!(offset, 3),
        other => panic!("expected NotText, got {other:?}"),
    }
}

#[test]
fn missing_file_and_folder_are_io_errors() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.txt");
    match whereas::load(&missing) {
        Err(Error::Io { path, .. }) => assert_eq!(path, missing),
        other => panic!("expected Io, got {other:?}"),
    }
    assert!(matches!(whereas::load(dir.path()), Err(Error::Io { .. })));
}

// ---------------------------------------------------------------- legacy encodings

#[test]
fn latin1_and_windows_1252_are_decoded() {
    let path = fixture("windows-1252.txt");
    let res = whereas::load(&path).unwrap();
    assert_eq!(res.counts(), [0, 2, 1, 0], "{res:#?}");
    // 0xE9 é (Latin-1), 0x93/0x94 curly quotes and 0x80 € (Windows-1252 only).
    assert!(
        res.units[0].text.contains("café"),
        "{:?}",
        res.units[0].text
    );
    assert!(
        res.units[1].text.contains("“Zabka”"),
        "{:?}",
        res.units[1].text
    );
    assert!(
        res.units[2].text.contains("€ 5 million"),
        "{:?}",
        res.units[2].text
    );
}

#[test]
fn latin1_decodes_every_printable_byte() {
    // Every byte 0xA0..=0xFF is the same code point in Latin-1 and Windows-1252.
    let mut bytes = b"A. whereas ".to_vec();
    bytes.extend(0xA0u8..=0xFF);
    bytes.extend_from_slice(b";\n\n1. Calls.\n");
    let text = whereas::decode(&bytes).unwrap();
    let expected: String = (0xA0u32..=0xFF).filter_map(char::from_u32).collect();
    assert!(text.contains(&expected));
    let res = whereas::segment(&text).unwrap();
    assert_eq!(res.counts(), [0, 1, 1, 0]);
    assert_coverage(&text, &res);
}

#[test]
fn utf16_files_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let text = "A. whereas Zhanbolat Mamay was arrested;\n\n1. Calls for his release.\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    for (name, bytes) in [("le.txt", le), ("be.txt", be)] {
        let res = whereas::load(write(dir.path(), name, &bytes)).unwrap();
        assert_eq!(res.counts(), [0, 1, 1, 0], "{name}");
    }
    // A lone surrogate is not text.
    let broken = [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00];
    assert!(matches!(
        whereas::load(write(dir.path(), "broken.txt", &broken)),
        Err(Error::NotText { .. })
    ));
}

// ---------------------------------------------------------------- text that is no resolution

#[test]
fn text_without_a_resolution_is_no_resolution() {
    let novel = "It was a bright cold day in April, and the clocks were striking thirteen.\n\n"
        .repeat(2_000);
    for text in [
        novel.as_str(),
        "Related Posts\nLegal notice\nPrivacy policy\n",
        "en - English\nfr - français\n",
        "<Date>{06/07/2020}6.7.2020</Date>\n",
    ] {
        match whereas::segment(text) {
            Err(Error::NoResolution { reason }) => assert!(!reason.is_empty()),
            Ok(res) => {
                // A novel may hold a numbered line; then it must still tile the input.
                assert_coverage(text, &res);
                panic!("found units in text with no resolution: {:?}", res.counts());
            }
            Err(other) => panic!("expected NoResolution, got {other:?}"),
        }
    }
}

// ---------------------------------------------------------------- markers out of order

#[test]
fn marker_out_of_order_is_a_warning() {
    let text = "A. whereas first;\n\nC. whereas third;\n\nB. whereas second;\n\n1. Calls.\n";
    let res = whereas::segment(text).unwrap();
    assert_coverage(text, &res);
    let recitals: Vec<_> = res
        .units_of(UnitKind::Recital)
        .map(|u| u.label.as_str())
        .collect();
    assert_eq!(recitals, ["A", "C", "B"]);
    for found in ["C", "B"] {
        assert!(
            has_warning(
                &res,
                |w| matches!(w, Warning::OutOfOrder { kind: UnitKind::Recital, found: f, .. } if f == found)
            ),
            "{found}: {:?}",
            res.warnings
        );
    }
}

#[test]
fn a_leading_marker_out_of_order_is_not_dropped_silently() {
    // B before A at the very start: the body opens at A, B's line is kept as noise before
    // the body (the coverage holds) and a warning says a marker was out of order.
    let text = "B. whereas second;\n\nA. whereas first;\n\n1. Calls.\n";
    let res = whereas::segment(text).unwrap();
    assert_coverage(text, &res);
    assert_eq!(res.counts(), [0, 1, 1, 0]);
    assert!(
        has_warning(
            &res,
            |w| matches!(w, Warning::OutOfOrder { kind: UnitKind::Recital, found, at: 0, .. } if found == "B")
        ),
        "{:?}",
        res.warnings
    );
}

#[test]
fn repeated_marker_is_a_warning() {
    let text = "A. whereas a;\n\nB. whereas b;\n\nC. whereas c;\n\nD. whereas d;\n\nE. whereas e;\n\n\
                F. whereas f;\n\nF. whereas f again;\n\nG. whereas g;\n\n1. Calls.\n\n1. Calls again.\n";
    let res = whereas::segment(text).unwrap();
    assert_coverage(text, &res);
    let recitals: Vec<_> = res
        .units_of(UnitKind::Recital)
        .map(|u| u.label.as_str())
        .collect();
    assert_eq!(recitals, ["A", "B", "C", "D", "E", "F", "F-2", "G"]);
    assert!(has_warning(&res, |w| matches!(
        w,
        Warning::RepeatedLabel { kind: UnitKind::Recital, label, .. } if label == "F"
    )));
    assert!(has_warning(&res, |w| matches!(
        w,
        Warning::RepeatedLabel { kind: UnitKind::Paragraph, label, .. } if label == "1"
    )));
    // Both units are kept, each under an id of its own.
    assert_eq!(res.units_of(UnitKind::Paragraph).count(), 2);
    let ids: std::collections::HashSet<String> = res.units.iter().map(|u| res.unit_id(u)).collect();
    assert_eq!(ids.len(), res.units.len());
}

#[test]
fn markers_in_reverse_order_keep_every_line() {
    let mut text = String::new();
    for n in (1..=500).rev() {
        text.push_str(&format!("{n}. Calls for action number {n}.\n\n"));
    }
    let res = whereas::segment(&text).unwrap();
    assert_coverage(&text, &res);
    assert!(!res.units.is_empty());
}

// ---------------------------------------------------------------- huge input, linear time

#[test]
fn a_huge_single_line_is_segmented_in_linear_time() {
    let n = big();
    let sentence = "whereas the authorities continue to harass civil society activists, ";
    let mut line = String::with_capacity(n + 64);
    line.push_str("A. ");
    while line.len() < n {
        line.push_str(sentence);
    }
    line.push(';');
    let res = whereas::segment(&line).unwrap();
    assert_eq!(res.counts(), [0, 1, 0, 0]);
    assert_coverage(&line, &res);
    assert!(has_warning(
        &res,
        |w| matches!(w, Warning::OverlongUnit { len, .. } if *len > n / 2)
    ));

    // The same line without a marker holds no resolution.
    match whereas::segment(&line[3..]) {
        Err(Error::NoResolution { .. }) => {}
        other => panic!("expected NoResolution, got {:?}", other.map(|r| r.counts())),
    }
}

#[test]
fn a_huge_single_line_file_loads() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"1. Calls on the authorities ".to_vec();
    while bytes.len() < big() {
        bytes.extend_from_slice(b"to release caf\xE9 owners, ");
    }
    bytes.push(b'.');
    let res = whereas::load(write(dir.path(), "one-line.txt", &bytes)).unwrap();
    assert_eq!(res.counts(), [0, 0, 1, 0]);
    assert!(res.units[0].text.contains("café"));
    assert!(has_warning(&res, |w| matches!(
        w,
        Warning::OverlongUnit { .. }
    )));
}

/// Pathological repetitions of the things the segmenter looks for: each is a few MB and
/// must finish at the speed of the rest (a quadratic scan would take minutes).
#[test]
fn pathological_repetitions_finish() {
    let n = big() / 4;
    let patterns: &[&str] = &[
        "(1)",
        "[1]",
        "Kazakhstan(1) ",
        "- ",
        "– ",
        "A. ",
        "a. ",
        "1. ",
        "(a) ",
        "\n",
        "\r",
        "\x0c",
        "\n\n",
        "\u{a0}",
        "-\n",
        "word-\nword ",
        "A.\nB.\nC.\n",
        "1.\n",
        "<Date>{06/07/2020}6.7.2020</Date>\n",
        "en - English\n",
        "P9_TA(2021)0056 ",
        "\u{feff}\u{200b}",
        "ZZZZZZZZZZ. ",
        "99999999999999999999999. ",
    ];
    for pattern in patterns {
        let mut text = String::from("A. whereas ");
        text.push_str(&pattern.repeat(n / pattern.len()));
        match whereas::segment(&text) {
            Ok(res) => assert_coverage(&text, &res),
            Err(Error::NoResolution { .. }) => {}
            Err(other) => panic!("{pattern:?}: {other:?}"),
        }
    }
}

#[test]
fn many_units_are_segmented_in_linear_time() {
    // Labels stop at three digits (no resolution has 1000 paragraphs), so the volume comes
    // from 999 long paragraphs full of footnote calls and sub-points.
    let per_unit = big() / 2 / 999;
    let mut body = String::new();
    while body.len() < per_unit {
        body.push_str("the release of prisoners(1) and a. of detainees; ");
    }
    let mut text = String::new();
    for n in 1..=999 {
        text.push_str(&format!("{n}. Calls for {body}.\n\n"));
    }
    text.push_str("(1) OJ C 1, 1.1.2021, p. 1.\n");
    let res = whereas::segment(&text).unwrap();
    assert_eq!(res.counts(), [0, 0, 999, 1]);
    assert_coverage(&text, &res);
    assert!(res.units[998].footnote_calls.len() > 10);
}

#[test]
fn an_extremely_long_unit_over_many_lines_is_one_unit_with_a_warning() {
    let mut text = String::from("A. whereas\n");
    while text.len() < big() / 2 {
        text.push_str("the authorities keep harassing human rights defenders and their families\n");
    }
    text.push_str(";\n\n1. Calls for an end to it.\n");
    let res = whereas::segment(&text).unwrap();
    assert_eq!(res.counts(), [0, 1, 1, 0]);
    assert_coverage(&text, &res);
    assert!(has_warning(&res, |w| matches!(
        w,
        Warning::OverlongUnit { kind: UnitKind::Recital, label, .. } if label == "A"
    )));
}

#[test]
fn huge_html_is_segmented() {
    // 999 paragraphs (labels stop at three digits), each a long run of inline markup.
    let mut body = String::new();
    while body.len() < big() / 8 / 999 {
        body.push_str("<b>Calls</b> for <i>action</i> and <a href='#x'>more</a>, ");
    }
    let mut html = String::from("<html><body>");
    for n in 1..=999 {
        html.push_str(&format!("<p><span>{n}.</span> {body};</p>"));
    }
    // Deep nesting must not overflow the stack (deeper nesting: see the ignored test below).
    html.push_str(&"<div>".repeat(2_000));
    html.push_str(&"<span>".repeat(20_000));
    html.push_str("</body></html>");
    let res = whereas::segment_html(&html).unwrap();
    assert_eq!(res.counts(), [0, 0, 999, 0]);
}

/// Unclosed block tags nested hundreds of thousands deep: an HTML5 tree builder checks
/// its stack of open elements on every block start tag (20,000 nested `<div>` took about
/// 100 s in debug when the layout was built on a tree); the tokenizer is linear.
#[test]
fn deeply_nested_block_tags_are_linear() {
    let html = format!("<p>1. Calls.</p>{}", "<div>".repeat(big() / 5));
    let res = whereas::segment_html(&html).unwrap();
    assert_eq!(res.units.len(), 1);
}

#[test]
fn html_that_is_not_a_resolution_is_no_resolution() {
    for html in [
        "<html><head><title>x</title></head><body></body></html>",
        "<script>A. whereas</script>",
        "<<<<>>>>",
        "</p></p></div>",
    ] {
        assert!(
            matches!(whereas::segment_html(html), Err(Error::NoResolution { .. })),
            "{html}"
        );
    }
}

#[test]
fn noise_before_the_body_is_classified() {
    let text = "en - English\nfr - français\nRelated Posts\n\nA. whereas x;\n\n1. Calls.\n";
    let res = whereas::segment(text).unwrap();
    assert_coverage(text, &res);
    assert!(res
        .noise
        .iter()
        .any(|n| n.reason == NoiseReason::LanguageMenu));
}
