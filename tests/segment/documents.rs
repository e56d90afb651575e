//! The Parliament's document family (`tests/data/documents/`, sources in its
//! `SOURCES.md`): a committee report whose decision is followed by amendment tables and
//! committee apparatus, a file of three texts, an EP page of an adopted text, a footnote
//! block wrapped over lines.
//! Expected counts are the hand counts of `SOURCES.md`.

use std::collections::HashSet;
use std::path::PathBuf;

use crate::support;

use whereas::{EntityKind, NoiseReason, Resolution, Segmenter, UnitKind};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/documents")
        .join(name)
}

/// Checks that unit pieces and noise of `all` tile `input` exactly once.
fn assert_tiles(input: &str, all: &[Resolution]) {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for res in all {
        spans.extend(res.noise.iter().map(|n| (n.span.start, n.span.end)));
        for u in &res.units {
            spans.extend(u.pieces.iter().map(|p| (p.start, p.end)));
        }
    }
    spans.sort();
    let mut at = 0;
    for (a, b) in spans {
        assert_eq!(a, at, "gap or overlap at byte {at}");
        assert!(b > a && input.is_char_boundary(a) && input.is_char_boundary(b));
        at = b;
    }
    assert_eq!(at, input.len(), "input not covered to its end");
}

fn assert_unique_ids(res: &Resolution) {
    let ids: HashSet<String> = res.units.iter().map(|u| res.unit_id(u)).collect();
    assert_eq!(ids.len(), res.units.len(), "duplicate unit ids");
}

/// The text of the noise `res` dropped for `reason`, joined.
fn noise_text(input: &str, res: &Resolution, reason: NoiseReason) -> String {
    res.noise
        .iter()
        .filter(|n| n.reason == reason)
        .map(|n| &input[n.span.start..n.span.end])
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn report_segments_to_its_decision() {
    let html = std::fs::read_to_string(data("A-9-2024-0163_EN.html")).unwrap();
    let text = whereas::html_to_text(&html);
    let all = whereas::load_all(data("A-9-2024-0163_EN.html")).unwrap();
    assert_eq!(all.len(), 1, "one text in a report page");
    let mut res = all.into_iter().next().unwrap();
    assert_eq!(res, whereas::load(data("A-9-2024-0163_EN.html")).unwrap());
    assert_eq!(res.counts(), [2, 0, 3, 0]);
    assert_eq!(res.reference.as_deref(), Some("A-9-2024-0163"));
    assert_eq!(res.date.as_deref(), Some("2024-04-04"));
    assert_eq!(
        res.title.as_deref(),
        Some(
            "PROPOSAL FOR A EUROPEAN PARLIAMENT DECISION on amendments to Parliament’s Rules \
             of Procedure concerning the training on preventing conflict and harassment in \
             the workplace and on good office management"
        )
    );
    assert_unique_ids(&res);
    assert_tiles(&text, std::slice::from_ref(&res));
    // The decision ends with paragraph 3; no unit runs past it into the amendment tables.
    let last = res.units.last().unwrap();
    assert_eq!(last.label, "3");
    assert!(last
        .text
        .ends_with("to the Council and the Commission, for information."));
    let decision_end = text.find("for information.").unwrap() + "for information.".len();
    assert!(res.units.iter().all(|u| u.span.end <= decision_end));
    // What follows is dropped, each part for its own reason.
    let amendments = noise_text(&text, &res, NoiseReason::AmendmentTable);
    assert!(amendments.contains("Present text") && amendments.contains("5.\u{a0}Where necessary"));
    let annex = noise_text(&text, &res, NoiseReason::CommitteeText);
    assert!(
        annex.starts_with("ANNEX: ENTITIES OR PERSONS")
            && annex.contains("FROM WHOM THE RAPPORTEUR HAS RECEIVED INPUT")
    );
    let record = noise_text(&text, &res, NoiseReason::ProcedureRecord);
    assert!(record.contains("Members present for the final vote"));
    let roll_call = noise_text(&text, &res, NoiseReason::RollCall);
    assert!(roll_call.contains("Gilles Boyer, Charles Goerens, Sandro Gozi"));
    assert!(roll_call.contains("Key to symbols"));
    // The decision names no one: the members in the vote tables are not its persons.
    whereas::entity::annotate(&mut res);
    let persons: Vec<&str> = res
        .units
        .iter()
        .flat_map(|u| &u.entities)
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.text.as_str())
        .collect();
    assert!(persons.is_empty(), "{persons:?}");
}

#[test]
fn a_file_of_three_texts_gives_three_resolutions() {
    let path = data("three_texts.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let all = whereas::load_all(&path).unwrap();
    let got: Vec<(Option<&str>, [usize; 4])> = all
        .iter()
        .map(|r| (r.reference.as_deref(), r.counts()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("TA-9-2021-0056"), [11, 23, 27, 5]),
            (Some("B-9-2020-0220"), [6, 27, 50, 8]),
            (Some("RC-10-2025-0249"), [3, 3, 9, 0]),
        ]
    );
    assert_tiles(&text, &all);
    for res in &all {
        assert_unique_ids(res);
        assert!(res.warnings.is_empty(), "{:?}", res.warnings);
        assert_eq!(
            res.source.as_deref(),
            Some(path.display().to_string().as_str())
        );
    }
    // Each text ends before the next one's reference line.
    for (k, next) in ["\nB9-0220/2020\n", "\nRC-B10-0249/2025\n"]
        .iter()
        .enumerate()
    {
        let at = text.find(next).unwrap();
        assert!(all[k].units.iter().all(|u| u.span.end <= at));
        assert!(all[k + 1].units.iter().all(|u| u.span.start > at));
    }
    // The first text gives the units the seed gives alone, at their place in the file.
    let seed = whereas::segment(support::SEED).unwrap();
    let offset = text.find(support::SEED.trim_end()).unwrap();
    assert_eq!(all[0].units.len(), seed.units.len());
    for (a, b) in all[0].units.iter().zip(&seed.units) {
        assert_eq!((a.kind, &a.label, &a.text), (b.kind, &b.label, &b.text));
        assert_eq!(a.span.start, b.span.start + offset);
    }
    assert_eq!(all[0].title, seed.title);
}

#[test]
fn segment_reads_three_texts_as_one_with_unique_ids() {
    let text = std::fs::read_to_string(data("three_texts.txt")).unwrap();
    let res = whereas::segment(&text).unwrap();
    assert_unique_ids(&res);
    assert!(res
        .warnings
        .iter()
        .any(|w| matches!(w, whereas::Warning::RepeatedLabel { .. })));
}

/// The seed with its line of five footnotes wrapped by `wrap`.
fn seed_with_notes(wrap: impl Fn(&str) -> String) -> (String, Vec<String>) {
    let line = support::SEED
        .lines()
        .find(|l| l.starts_with("(1)OJ"))
        .expect("the seed's footnote line");
    let original: Vec<String> = whereas::segment(support::SEED)
        .unwrap()
        .units_of(UnitKind::Footnote)
        .map(|u| u.text.clone())
        .collect();
    (support::SEED.replace(line, &wrap(line)), original)
}

fn check_notes(text: &str, original: &[String]) {
    let res = whereas::segment(text).unwrap();
    assert_tiles(text, std::slice::from_ref(&res));
    assert_eq!(res.counts(), [11, 23, 27, 5]);
    let notes: Vec<&str> = res
        .units_of(UnitKind::Footnote)
        .map(|u| u.text.as_str())
        .collect();
    assert_eq!(notes, original);
}

#[test]
fn a_wrapped_footnote_block_gives_every_footnote() {
    // As a PDF-to-text dump wraps it (the shape in issue 16).
    let (text, original) =
        seed_with_notes(|line| line.replacen("(3)OJ C 251 E, ", "(3)OJ C 251 E,\n", 1));
    assert!(text.contains("(3)OJ C 251 E,\n31.8.2013, p. 93.(4)OJ"));
    check_notes(&text, &original);
    // Wrapped at every width from 20 to 80 characters, at spaces.
    for width in (20..=80).step_by(6) {
        let (text, original) = seed_with_notes(|line| {
            let mut out = String::new();
            let mut len = 0;
            for word in line.split(' ') {
                if len > 0 && len + 1 + word.chars().count() > width {
                    out.push('\n');
                    len = 0;
                } else if len > 0 {
                    out.push(' ');
                    len += 1;
                }
                out.push_str(word);
                len += word.chars().count();
            }
            out
        });
        check_notes(&text, &original);
    }
}

#[test]
fn segmenter_options_apply_to_every_text() {
    let text = std::fs::read_to_string(data("three_texts.txt")).unwrap();
    let all = Segmenter::new()
        .language("en")
        .source("sitting")
        .segment_all(&text)
        .unwrap();
    assert_eq!(all.len(), 3);
    assert!(all.iter().all(|r| r.source.as_deref() == Some("sitting")));
}

#[test]
fn an_adopted_text_page_gives_the_seed_units() {
    let path = data("TA-9-2021-0056_EN.html");
    let all = whereas::load_all(&path).unwrap();
    assert_eq!(all.len(), 1);
    let res = &all[0];
    assert_eq!(res.reference.as_deref(), Some("TA-9-2021-0056"));
    assert_eq!(res.date.as_deref(), Some("2021-02-11"));
    assert_eq!(res.counts(), [11, 23, 27, 5]);
    assert_unique_ids(res);
    let html = std::fs::read_to_string(&path).unwrap();
    assert_tiles(&whereas::html_to_text(&html), &all);
    // Unit for unit the seed's, its title first.
    let seed = whereas::segment(support::SEED).unwrap();
    assert_eq!(res.title, seed.title);
    let got: Vec<_> = res
        .units
        .iter()
        .map(|u| (u.kind, &u.label, &u.text))
        .collect();
    let want: Vec<_> = seed
        .units
        .iter()
        .map(|u| (u.kind, &u.label, &u.text))
        .collect();
    assert_eq!(got, want);
    let calls: Vec<_> = res.units.iter().map(|u| &u.footnote_calls).collect();
    let seed_calls: Vec<_> = seed.units.iter().map(|u| &u.footnote_calls).collect();
    assert_eq!(calls, seed_calls);
}

/// A political group's motion for a resolution as a web page gives it, one line per
/// paragraph with no blank lines: the title line, the page's apparatus under it (date and
/// procedure, "pursuant to", the authors "on behalf of" their group, "See also joint
/// motion …"), then the body. The title is the motion's own line, not the cross-reference
/// to the joint motion, and the apparatus is not wrapped into it; several people in one
/// paragraph are all found, Azerbaijani -li / -lu family names too; the reference is the
/// motion's own. (Shape of the
/// Parliament's B7-0253/2012 page; the names are invented.)
#[test]
fn a_group_motion_with_single_line_breaks() {
    let text = "MOTION FOR A RESOLUTION on Azerbaijan\n\
        22.5.2012 - (2012/2654(RSP))\n\
        pursuant to Rule 122 of the Rules of Procedure\n\
        Qwerty Uiop on behalf of the ECR Group\n\
        See also joint motion for a resolution RC-B7-0252/2012\n\
        B7-0253/2012\n\
        The European Parliament,\n\
        - having regard to its previous resolutions on Azerbaijan,\n\
        - having regard to Rule 122 of its Rules of Procedure,\n\
        A. whereas journalists were detained in Baku;\n\
        1. Calls on the authorities to release Asdfg Zxcvbov, Asdfg Zxcvblu and Qwert Zxcvbli;\n\
        2. Instructs its President to forward this resolution to the Council.\n";
    let mut res = whereas::segment(text).expect("a motion segments");
    whereas::entity::annotate(&mut res);
    assert_eq!(
        res.title.as_deref(),
        Some("MOTION FOR A RESOLUTION on Azerbaijan")
    );
    assert_eq!(res.date.as_deref(), Some("2012-05-22"));
    // Its own reference, not the joint motion's it points to.
    assert_eq!(res.reference.as_deref(), Some("B-7-2012-0253"));
    let kinds: Vec<UnitKind> = res.units.iter().map(|u| u.kind).collect();
    assert_eq!(
        kinds,
        [
            UnitKind::Title,
            UnitKind::Citation,
            UnitKind::Citation,
            UnitKind::Recital,
            UnitKind::Paragraph,
            UnitKind::Paragraph
        ]
    );
    let persons: Vec<&str> = res.units[4]
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.normalized.as_str())
        .collect();
    assert_eq!(persons, ["Asdfg Zxcvbov", "Asdfg Zxcvblu", "Qwert Zxcvbli"]);
    assert_tiles(text, std::slice::from_ref(&res));
}
