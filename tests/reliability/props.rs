//! Property tests over the segmenter, the name analysis and the query layer: no panic on
//! arbitrary input, segmentation round-trips the text, name keys are stable and symmetric.
//!
//! Case counts are modest by default (64 per property); for a heavy run set
//! `PROPTEST_CASES`, e.g. `PROPTEST_CASES=20000 cargo test --release --test reliability props::`.

use crate::support;

use proptest::prelude::*;
use whereas::name::{compare, match_words, name_keys, token_keys};
use whereas::{Error, Resolution, SearchRequest, UnitKind};

/// Units' pieces and noise tile the input (the segmenter's coverage invariant).
fn check_coverage(input: &str, res: &Resolution) -> Result<(), TestCaseError> {
    let mut spans: Vec<_> = res.noise.iter().map(|n| n.span).collect();
    for u in &res.units {
        spans.extend(u.pieces.iter().copied());
        prop_assert!(u.span.end <= input.len());
        for &at in &u.footnote_call_offsets {
            prop_assert!(u.text.is_char_boundary(at));
        }
    }
    spans.sort();
    let mut at = 0;
    for s in &spans {
        prop_assert_eq!(s.start, at, "gap or overlap");
        prop_assert!(s.end > s.start);
        prop_assert!(input.is_char_boundary(s.start) && input.is_char_boundary(s.end));
        at = s.end;
    }
    prop_assert_eq!(at, input.len());
    // Round trip: the tiles put back together are the input, byte for byte.
    let rebuilt: String = spans.iter().map(|s| &input[s.start..s.end]).collect();
    prop_assert_eq!(rebuilt.len(), input.len());
    Ok(())
}

/// Text that looks like resolutions: markers, footnote calls, page breaks, dashes, NBSP,
/// Cyrillic, hyphenation, HTML-ish bits, in any order.
fn resolution_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("A. ".to_string()),
        Just("B. ".to_string()),
        Just("AA. ".to_string()),
        Just("1. ".to_string()),
        Just("2. ".to_string()),
        Just("– having regard to ".to_string()),
        Just("- ".to_string()),
        Just("(1) ".to_string()),
        Just("[2] ".to_string()),
        Just("(1)".to_string()),
        Just("a. ".to_string()),
        Just("(b) ".to_string()),
        Just("iv) ".to_string()),
        Just("whereas ".to_string()),
        Just("Жұмағұлов ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\x0c".to_string()),
        Just("\u{a0}".to_string()),
        Just("-\n".to_string()),
        Just(";".to_string()),
        Just(".".to_string()),
        Just("P9_TA(2021)0056 ".to_string()),
        Just("<Date>{06/07/2020}6.7.2020</Date>".to_string()),
        Just("en - English\n".to_string()),
        "[a-zA-Z]{1,8} ",
        "\\PC{0,3}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(support::proptest_config(256))]

    #[test]
    fn segment_never_panics_and_tiles_the_input(text in resolution_like()) {
        match whereas::segment(&text) {
            Ok(res) => check_coverage(&text, &res)?,
            Err(Error::NoResolution { .. }) => {}
            Err(e) => prop_assert!(false, "unexpected error {e:?}"),
        }
    }

    #[test]
    fn segment_never_panics_on_any_string(text in "\\PC*|.*") {
        if let Ok(res) = whereas::segment(&text) {
            check_coverage(&text, &res)?;
        }
    }

    #[test]
    fn html_never_panics(html in "(<[a-z/!]{0,6}[ >]|[a-zA-Z0-9. ]{0,8}|&[a-z#0-9]{0,5};?|\\PC){0,40}") {
        let text = whereas::html_to_text(&html);
        if let Ok(res) = whereas::segment_html(&html) {
            check_coverage(&text, &res)?;
        }
    }

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        match whereas::decode(&bytes) {
            Ok(_) => {}
            Err(Error::NotText { offset, path: None }) => prop_assert!(offset < bytes.len()),
            Err(e) => prop_assert!(false, "unexpected error {e:?}"),
        }
    }
}

/// One generated unit: kind, and its words.
#[derive(Debug, Clone)]
struct GenUnit {
    kind: UnitKind,
    words: Vec<String>,
    /// Break the unit's text over lines after this many words (0: one line).
    wrap: usize,
}

fn gen_resolution() -> impl Strategy<Value = Vec<GenUnit>> {
    let word = "[a-z]{1,9}|[A-Z][a-z]{1,9}|[а-я]{2,8}";
    let unit = |kind: UnitKind| {
        (prop::collection::vec(word, 1..30), 0usize..6).prop_map(move |(words, wrap)| GenUnit {
            kind,
            words,
            wrap,
        })
    };
    (
        prop::collection::vec(unit(UnitKind::Citation), 0..4),
        prop::collection::vec(unit(UnitKind::Recital), 0..30),
        prop::collection::vec(unit(UnitKind::Paragraph), 1..30),
    )
        .prop_map(|(c, r, p)| c.into_iter().chain(r).chain(p).collect())
}

fn recital_label(n: usize) -> String {
    // A … Z, AA … AZ, BA …: the Parliament's labels.
    let letter = |i: usize| char::from(b'A' + i as u8);
    if n < 26 {
        letter(n).to_string()
    } else {
        format!("{}{}", letter(n / 26 - 1), letter(n % 26))
    }
}

/// Renders generated units as plain text, returning the text and the expected
/// `(kind, label, text)` of each unit.
fn render(units: &[GenUnit]) -> (String, Vec<(UnitKind, String, String)>) {
    let title = "European Parliament resolution on a generated topic";
    let mut text = format!("{title}\n\n");
    // The title line is the first unit.
    let mut expected = vec![(UnitKind::Title, "1".to_string(), title.to_string())];
    let (mut citations, mut recitals, mut paragraphs) = (0, 0, 0);
    for u in units {
        let (label, marker, end) = match u.kind {
            UnitKind::Citation => {
                citations += 1;
                (citations.to_string(), "–\u{a0}".to_string(), ",")
            }
            UnitKind::Recital => {
                recitals += 1;
                let l = recital_label(recitals - 1);
                (l.clone(), format!("{l}. "), ";")
            }
            _ => {
                paragraphs += 1;
                (paragraphs.to_string(), format!("{paragraphs}. "), ".")
            }
        };
        let mut body = String::new();
        for (i, w) in u.words.iter().enumerate() {
            if i > 0 {
                body.push(if u.wrap > 0 && i % u.wrap == 0 {
                    '\n'
                } else {
                    ' '
                });
            }
            body.push_str(w);
        }
        let prefix = match u.kind {
            UnitKind::Citation => "having regard to ",
            UnitKind::Recital => "whereas ",
            _ => "Calls for ",
        };
        text.push_str(&format!("{marker}{prefix}{body}{end}\n\n"));
        expected.push((u.kind, label, format!("{prefix}{}{end}", u.words.join(" "))));
    }
    (text, expected)
}

proptest! {
    #![proptest_config(support::proptest_config(64))]

    /// Generated resolutions come back unit for unit: kind, label and cleaned text.
    #[test]
    fn segmentation_round_trips_generated_resolutions(units in gen_resolution()) {
        let (text, expected) = render(&units);
        let res = whereas::segment(&text).map_err(|e| TestCaseError::fail(format!("{e}")))?;
        check_coverage(&text, &res)?;
        let got: Vec<_> = res
            .units
            .iter()
            .map(|u| (u.kind, u.label.clone(), u.text.clone()))
            .collect();
        prop_assert_eq!(got, expected, "input:\n{}", text);
        prop_assert!(res.warnings.iter().all(|w| matches!(w, whereas::Warning::OverlongUnit { .. })),
            "warnings on a clean resolution: {:?}", res.warnings);
    }
}

proptest! {
    #![proptest_config(support::proptest_config(256))]

    #[test]
    fn name_keys_never_panic_and_spans_hold(name in "\\PC{0,40}|.{0,40}") {
        let keys = name_keys(&name);
        for p in &keys.parts {
            prop_assert!(name.is_char_boundary(p.span.start) && name.is_char_boundary(p.span.end));
            prop_assert_eq!(&name[p.span.clone()], p.text.as_str());
        }
        let _ = compare(&name, &name);
    }

    /// The same name gives the same keys, whenever and however often it is analysed.
    #[test]
    fn name_keys_are_stable(name in "[A-Za-zА-Яа-яҚқҰұҮүҒғӘәІіҢңӨөҺһ'’ -]{0,30}") {
        prop_assert_eq!(name_keys(&name), name_keys(&name.clone()));
        for w in name.split_whitespace() {
            prop_assert_eq!(token_keys(w), token_keys(w));
        }
    }

    /// Folding twice changes nothing; case does not change the keys of a Latin word.
    #[test]
    fn folding_is_idempotent_and_case_blind(word in "[A-Za-zА-Яа-яҚқҰұҮүҒғӘәІіҢңӨөҺһ]{1,15}") {
        let folded = token_keys(&word).folded;
        prop_assert_eq!(&token_keys(&folded).folded, &folded);
        prop_assert_eq!(token_keys(&word.to_lowercase()), token_keys(&word));
    }

    /// Matching two words, and whether two names match, do not depend on the order.
    #[test]
    fn matching_is_symmetric(
        a in "[A-Za-zА-Яа-яҚқҰұ]{1,12}( [A-Za-zА-Яа-яҚқҰұ]{1,12}){0,2}",
        b in "[A-Za-zА-Яа-яҚқҰұ]{1,12}( [A-Za-zА-Яа-яҚқҰұ]{1,12}){0,2}",
    ) {
        for wa in a.split(' ') {
            for wb in b.split(' ') {
                let (ka, kb) = (token_keys(wa), token_keys(wb));
                let (ab, ba) = (match_words(&ka, &kb), match_words(&kb, &ka));
                prop_assert_eq!(ab.as_ref().map(|m| m.channel), ba.as_ref().map(|m| m.channel), "{} / {}", wa, wb);
                prop_assert_eq!(ab.map(|m| m.score), ba.map(|m| m.score));
            }
        }
        prop_assert_eq!(compare(&a, &b).is_some(), compare(&b, &a).is_some());
        // A name matches itself exactly, when it has a sounded letter ("Ь" alone has
        // no key, so it names no one).
        if a.split(' ').any(|w| !token_keys(w).translit.is_empty()) {
            let same = compare(&a, &a).expect("a name matches itself");
            prop_assert_eq!(same.channel, whereas::Channel::Exact);
        }
    }
}

fn check_search(request: &SearchRequest) -> Result<(), TestCaseError> {
    match support::seed_index().search(request) {
        Ok(r) => prop_assert!(r.hits.len() <= r.total),
        Err(Error::Query { input, at, reason }) => {
            prop_assert_eq!(input.as_str(), request.query_text());
            prop_assert!(at <= input.len());
            prop_assert!(input.is_char_boundary(at));
            prop_assert!(!reason.is_empty());
        }
        Err(Error::InvalidArgument(reason)) => prop_assert!(!reason.is_empty()),
        Err(e) => prop_assert!(false, "unexpected error {e:?}"),
    }
    Ok(())
}

/// Query-like strings: words, names, operators, fields, quotes, groups, odd characters.
fn query_like() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        "[a-zA-Z]{1,10}",
        Just("Zhumagulov".to_string()),
        Just("Жумагулов".to_string()),
        Just("torture".to_string()),
        Just(" AND ".to_string()),
        Just(" OR ".to_string()),
        Just("NOT ".to_string()),
        Just("+".to_string()),
        Just("-".to_string()),
        Just("\"".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just(" TO ".to_string()),
        Just(" IN ".to_string()),
        Just("*".to_string()),
        Just("^2".to_string()),
        Just("~3".to_string()),
        Just(":".to_string()),
        Just("\\".to_string()),
        Just(" ".to_string()),
        "(text|name|person|org|place|law|kind|resolution|id|date|foo):",
        "[0-9]{1,4}(-[0-9]{1,2}){0,2}",
        "\\PC",
        "[\u{0}-\u{1f}]",
    ];
    prop::collection::vec(token, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(support::proptest_config(128))]

    #[test]
    fn queries_never_panic(q in query_like()) {
        check_search(&SearchRequest::new(q.as_str()))?;
        check_search(&SearchRequest::new(q.as_str()).kind(UnitKind::Recital).limit(3).offset(2))?;
    }

    #[test]
    fn any_string_query_never_panics(q in ".{0,80}") {
        check_search(&SearchRequest::new(q))?;
    }

    #[test]
    fn facets_dates_and_pages_never_panic(
        facet in "(/[a-zA-Z ]{0,8}){0,3}|\\PC{0,10}",
        from in "[0-9-]{0,10}",
        offset in 0usize..2_000_000,
        limit in 0usize..20_000,
        top in any::<usize>(),
    ) {
        let request = SearchRequest::new("torture")
            .facet(facet.as_str())
            .facet_counts(facet.as_str(), top)
            .date_from(from)
            .offset(offset)
            .limit(limit);
        check_search(&request)?;
    }
}
