//! Property tests: segmenting arbitrary input never panics, and the units' pieces and
//! the noise spans tile the input (sorted, non-overlapping, on char boundaries, complete).
//!
//! Case counts are modest; set `PROPTEST_CASES` for heavier runs.

use crate::support;

use proptest::prelude::*;
use whereas::{Resolution, Segmenter};

fn check_tiling(input: &str, res: &Resolution) -> Result<(), TestCaseError> {
    let mut spans: Vec<(usize, usize)> = res
        .noise
        .iter()
        .map(|n| (n.span.start, n.span.end))
        .collect();
    for u in &res.units {
        prop_assert!(!u.pieces.is_empty());
        prop_assert_eq!(u.span.start, u.pieces[0].start);
        prop_assert_eq!(u.span.end, u.pieces[u.pieces.len() - 1].end);
        spans.extend(u.pieces.iter().map(|p| (p.start, p.end)));
    }
    spans.sort();
    let mut at = 0;
    for (a, b) in spans {
        prop_assert_eq!(a, at, "gap or overlap");
        prop_assert!(b > a);
        prop_assert!(input.is_char_boundary(a) && input.is_char_boundary(b));
        at = b;
    }
    prop_assert_eq!(at, input.len());
    for w in res.units.windows(2) {
        prop_assert!(w[0].span.end <= w[1].span.start, "unit spans overlap");
        prop_assert!(w[0].ordinal + 1 == w[1].ordinal);
    }
    // No body text is dropped: a unit's non-space characters are its text's, plus its
    // marker and footnote calls, plus what folding drops by rule (hyphens at line ends,
    // soft hyphens, BOMs, zero-width spaces).
    for u in &res.units {
        let nonspace = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
        let own: usize = u
            .pieces
            .iter()
            .map(|p| nonspace(&input[p.start..p.end]))
            .sum();
        let kept = nonspace(&u.text);
        let calls: usize = u.footnote_calls.iter().map(|c| c.len() + 2).sum();
        // A repeated label carries a suffix (`6-2`) its marker does not print.
        let printed = u.label.split('-').next().unwrap_or(&u.label);
        let marker = match u.kind {
            // A citation whose dash was lost opens with its text.
            whereas::UnitKind::Citation => {
                usize::from(!input[u.pieces[0].start..].starts_with("having regard to "))
            }
            whereas::UnitKind::Footnote => printed.len() + 2,
            _ => printed.len() + 1,
        };
        let dropped = droppable(u, input);
        prop_assert!(
            own >= kept + calls + marker && own <= kept + calls + marker + dropped,
            "unit {} {}: {} in the input, {} kept + {} calls + {} marker (+ up to {} dropped)",
            u.kind.as_str(),
            u.label,
            own,
            kept,
            calls,
            marker,
            dropped
        );
    }
    Ok(())
}

/// Characters folding may drop by rule: hyphens ending a line, soft hyphens, BOM, ZWSP.
fn droppable(u: &whereas::Unit, input: &str) -> usize {
    u.pieces
        .iter()
        .map(|p| {
            let s = &input[p.start..p.end];
            let invisible = s
                .chars()
                .filter(|c| matches!(c, '\u{ad}' | '\u{feff}' | '\u{200b}'))
                .count();
            let hyphens = s
                .split(['\n', '\r', '\u{c}'])
                .filter(|l| {
                    l.trim_end_matches(|c: char| {
                        c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
                    })
                    .ends_with('-')
                })
                .count();
            invisible + hyphens
        })
        .sum()
}

fn line() -> impl Strategy<Value = String> {
    let marker = prop_oneof![
        Just("– ".to_string()),
        Just("—\t".to_string()),
        Just("\u{f02d}\u{a0}".to_string()),
        Just("- ".to_string()),
        "[A-E]{1,2}\\.[ \u{a0}]".prop_map(|s| s),
        "[1-9]\\.[ \u{a0}]".prop_map(|s| s),
        "[a-f]\\. ".prop_map(|s| s),
        "\\([1-6]\\)".prop_map(|s| s),
        "\\[[1-6]\\] ".prop_map(|s| s),
        Just(String::new()),
        Just("<Date>".to_string()),
        Just("\u{c}".to_string()),
        Just("P9_TA(2021)0001".to_string()),
    ];
    let word = prop_oneof![
        Just("having regard to".to_string()),
        Just("whereas".to_string()),
        Just("Kazakhstan(1)".to_string()),
        Just("Rule 144(5)".to_string()),
        Just("organi-".to_string()),
        Just("sations;".to_string()),
        Just("p.".to_string()),
        Just("2013(2),".to_string()),
        Just("[3]".to_string()),
        Just(" (4)".to_string()),
        Just("Calls.".to_string()),
        Just("é\u{a0}ü".to_string()),
        "[a-zA-Z;:,.()\\[\\]0-9 ]{0,12}".prop_map(|s| s),
    ];
    (marker, prop::collection::vec(word, 0..6)).prop_map(|(m, ws)| format!("{m}{}", ws.join(" ")))
}

fn document() -> impl Strategy<Value = String> {
    let sep = prop_oneof![
        Just("\n"),
        Just("\n\n"),
        Just("\r\n"),
        Just("\r\n\r\n"),
        Just("\n\u{c}"),
        Just("\n\u{a0}\n")
    ];
    prop::collection::vec((line(), sep), 0..40)
        .prop_map(|ls| ls.into_iter().map(|(l, s)| l + s).collect())
}

proptest! {
    #![proptest_config(support::proptest_config(200))]

    #[test]
    fn arbitrary_text_never_panics_and_tiles(s in "\\PC{0,400}") {
        if let Ok(res) = whereas::segment(&s) {
            check_tiling(&s, &res)?;
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(b in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(text) = whereas::decode(&b) {
            if let Ok(res) = whereas::segment(&text) {
                check_tiling(&text, &res)?;
            }
        }
    }

    #[test]
    fn resolution_like_text_tiles(s in document()) {
        if let Ok(res) = whereas::segment(&s) {
            check_tiling(&s, &res)?;
            for u in &res.units {
                prop_assert!(!u.text.starts_with(' ') && !u.text.ends_with(' '));
                prop_assert!(!u.text.contains("  "));
                for p in &u.points {
                    prop_assert!(u.text.is_char_boundary(p.start) && p.start <= u.text.len());
                }
                for &o in &u.footnote_call_offsets {
                    prop_assert!(u.text.is_char_boundary(o) && o <= u.text.len());
                }
            }
        }
    }

    #[test]
    fn every_text_of_a_file_tiles_its_part(s in document()) {
        if let Ok(all) = Segmenter::new().segment_all(&s) {
            prop_assert!(!all.is_empty());
            // The texts come in order, and together their pieces and noise tile the input.
            let mut spans: Vec<(usize, usize)> = Vec::new();
            let mut last_end = 0;
            for res in &all {
                let mut own: Vec<(usize, usize)> = res.noise.iter().map(|n| (n.span.start, n.span.end)).collect();
                for u in &res.units {
                    own.extend(u.pieces.iter().map(|p| (p.start, p.end)));
                }
                own.sort();
                prop_assert!(own[0].0 == last_end, "texts not in order");
                last_end = own[own.len() - 1].1;
                spans.extend(own);
                let ids: std::collections::HashSet<String> = res.units.iter().map(|u| res.unit_id(u)).collect();
                prop_assert_eq!(ids.len(), res.units.len());
            }
            let mut at = 0;
            for (a, b) in spans {
                prop_assert_eq!(a, at, "gap or overlap");
                prop_assert!(b > a && s.is_char_boundary(a) && s.is_char_boundary(b));
                at = b;
            }
            prop_assert_eq!(at, s.len());
        } else {
            prop_assert!(whereas::segment(&s).is_err());
        }
    }

    #[test]
    fn arbitrary_html_never_panics(s in "(<[a-z]{1,3}>|</[a-z]{1,3}>|[A-Z1-3]\\. |– |[a-z ]{1,8}|&nbsp;|\n){0,60}") {
        if let Ok(res) = whereas::segment_html(&s) {
            check_tiling(&whereas::html_to_text(&s), &res)?;
        }
    }
}
