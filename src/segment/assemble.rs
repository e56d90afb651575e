//! The segmenter proper: the line scan, then the metadata, the tiling of the input and
//! each unit's text, put together into a [`Resolution`].

use std::collections::HashSet;

use super::draft::{build_text, Draft};
use super::footnote::Calls;
use super::hyphen::Compounds;
use super::lines::is_ws;
use super::scan::Scan;
use super::tile::{tile, Owner};
use super::{meta, Noise, NoiseReason, Resolution, Span, Unit, UnitKind, Warning};
use crate::error::Error;

/// Segments plain text. See the module docs of [`crate::segment`](mod@crate::segment).
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
    let mut title_pieces: Vec<usize> = Vec::new();
    if let Some(t) = meta::find_title(&before_lines) {
        let mut end = t + 1;
        while end < scan.before.len()
            && scan.before[end].0 == scan.before[end - 1].0 + 1
            && !meta::ends_title(before_lines[end])
        {
            end += 1;
        }
        // A heading that names the document kind ("PROPOSAL FOR A EUROPEAN PARLIAMENT
        // DECISION") with its subject on the next block ("on amendments to …").
        if end < scan.before.len() && before_lines[end].starts_with("on ") {
            end += 1;
        }
        title = Some(fold_ws(&before_lines[t..end].join(" ")));
        for &(_, piece) in &scan.before[t..end] {
            scan.pieces[piece].2 = Owner::Noise(NoiseReason::Title);
            title_pieces.push(piece);
        }
    }
    let outside = scan
        .pieces
        .iter()
        .filter(|p| matches!(p.2, Owner::Noise(_)))
        .map(|p| &text[p.0..p.1]);
    // A title that carries its date is an adopted text's ("resolution of 11 February 2021").
    let adopted = meta::find_date(title.as_deref(), std::iter::empty()).is_some();
    let reference = meta::pick_reference(outside, adopted);
    let date = meta::find_date(title.as_deref(), before_lines.iter().copied());

    // The title is the first unit: its lines leave the noise.
    if !title_pieces.is_empty() {
        let ranges = title_pieces
            .iter()
            .map(|&p| (scan.pieces[p].0, scan.pieces[p].1))
            .collect();
        let mut k = 0;
        scan.pieces.retain(|_| {
            k += 1;
            !title_pieces.contains(&(k - 1))
        });
        scan.drafts.insert(
            0,
            Draft {
                kind: UnitKind::Title,
                label: "1".to_string(),
                ranges,
                marker_len: 0,
                points: Vec::new(),
            },
        );
    }

    // Unit pieces, then the tiling.
    for (idx, d) in scan.drafts.iter().enumerate() {
        for &(a, b) in &d.ranges {
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
        let c = if matches!(d.kind, UnitKind::Footnote | UnitKind::Title) {
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
    // The title as its unit reads (a word hyphenated across its lines is joined).
    if let Some(u) = units.iter().find(|u| u.kind == UnitKind::Title) {
        title = Some(u.text.clone());
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

/// Test helper: whether the segmenter dropped something for `reason`.
#[cfg(test)]
pub(super) fn dropped(res: &Resolution, reason: NoiseReason) -> bool {
    res.noise.iter().any(|n| n.reason == reason)
}

#[cfg(test)]
mod tests {
    use super::super::{assert_coverage, assert_unit, segment};
    use super::*;

    #[test]
    fn web_repost_shapes() {
        let t = "logo\n\nResolution of 1 May 2020 on X\n\n–\u{a0}\u{a0}having regard to Y(1) and Z,\n\n\
                 A.\u{a0}\u{a0}whereas W;\n\n1.\u{a0}\u{a0}Calls for V.\n\n(1)OJ C 1, p. 2.(2)OJ C 3, p. 4.\n\nRelated Posts\n";
        let res = segment(t).unwrap();
        assert_coverage(t, &res);
        assert_eq!(res.counts(), [1, 1, 1, 2]);
        // The title is the first unit, and stays the resolution's title.
        assert_unit(
            &res.units[0],
            UnitKind::Title,
            "1",
            "Resolution of 1 May 2020 on X",
        );
        assert_eq!(res.title.as_deref(), Some("Resolution of 1 May 2020 on X"));
        assert!(!dropped(&res, NoiseReason::Title));
        assert_unit(
            &res.units[1],
            UnitKind::Citation,
            "1",
            "having regard to Y and Z,",
        );
        assert_eq!(res.units[1].footnote_calls, ["1"]);
        assert_eq!(res.units[1].footnote_call_offsets, [18]);
        assert_unit(&res.units[4], UnitKind::Footnote, "1", "OJ C 1, p. 2.");
        assert_unit(&res.units[5], UnitKind::Footnote, "2", "OJ C 3, p. 4.");
        assert_eq!(res.date.as_deref(), Some("2020-05-01"));
        assert!(dropped(&res, NoiseReason::AfterBody));
        assert!(res
            .warnings
            .contains(&Warning::UncalledFootnote { label: "2".into() }));
    }

    #[test]
    fn an_adopted_text_page_is_known_by_its_own_reference() {
        // The layout of an EP page of an adopted text: the document-stages box names the
        // joint motion twice and the adopted text once, then the text's reference block.
        let page = "Document selected : RC-B9-0001/2021\n\nTexts tabled :\n\nRC-B9-0001/2021\n\n\
                    Texts adopted :\n\nP9_TA(2021)0001\n\nTexts adopted\n\nThursday, 11 February 2021 - Brussels\n\n\
                    Situation in X\n\nP9_TA(2021)0001RC-B9-0001/2021\n\n\
                    European Parliament resolution of 11 February 2021 on the situation in X (2021/0001(RSP))\n\n\
                    The European Parliament,\n\n–  having regard to Y,\n\n1.  Calls for Z.\n";
        let res = segment(page).unwrap();
        assert_eq!(res.reference.as_deref(), Some("TA-9-2021-0001"));
        assert_eq!(res.date.as_deref(), Some("2021-02-11"));
        // The same box on a motion's page (its title has no date) keeps the motion's.
        let motion = page.replace("resolution of 11 February 2021 on", "resolution on");
        assert_eq!(
            segment(&motion).unwrap().reference.as_deref(),
            Some("RC-9-2021-0001")
        );
    }
}
