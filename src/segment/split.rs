//! A file that holds several texts: where each begins, and one [`Resolution`] per text.
//!
//! The Parliament's "Texts adopted" of a sitting print every text after its own reference
//! block: the reference on a line of its own (`P9_TA(2021)0056`), the short title, then
//! the title line. A folder of texts concatenated gives the same shape when each text
//! opens with its reference. The input is cut before every line that is nothing but a
//! reference, and each stretch is segmented alone. A stretch that holds no unit (page
//! navigation that lists references, a "Texts adopted" box before the body) is not a text
//! of its own: it joins the stretch after it (or, at the end of the input, the one before),
//! so a page that names references around a single text still gives one resolution.

use super::lines;
use super::meta::normalize_reference;
use super::{Noise, Resolution, Segmenter, Span, Warning};
use crate::error::Error;

/// Byte offsets (line starts) where a text may begin: lines that are only a reference.
fn text_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    for l in lines::split(text) {
        let content = &text[l.start..l.end];
        if !content.is_empty() && content.len() <= 40 && normalize_reference(content).is_some() {
            // Cut where the line's content starts: the whitespace before it stays with
            // the text before.
            starts.push(l.start);
        }
    }
    starts.retain(|&s| s > 0);
    starts
}

/// Moves every byte offset of `res` (spans, pieces, noise, warnings) by `by`.
fn shift(res: &mut Resolution, by: usize) {
    let move_span = |s: &mut Span| {
        s.start += by;
        s.end += by;
    };
    for u in &mut res.units {
        move_span(&mut u.span);
        u.pieces.iter_mut().for_each(move_span);
    }
    res.noise
        .iter_mut()
        .for_each(|n: &mut Noise| move_span(&mut n.span));
    for w in &mut res.warnings {
        if let Warning::OutOfOrder { at, .. } | Warning::RepeatedLabel { at, .. } = w {
            *at += by;
        }
    }
}

/// Segments `text[a..b]` with `seg`, its offsets moved to refer to `text`.
fn segment_at(seg: &Segmenter, text: &str, a: usize, b: usize) -> crate::Result<Resolution> {
    let mut res = seg.segment(&text[a..b])?;
    shift(&mut res, a);
    Ok(res)
}

/// Segments every text of `text` with `seg`. See the module docs.
///
/// Each stretch between two reference lines is segmented alone once; a text that took
/// in stretches without units is segmented again over its whole range, and so is the last
/// one when a tail without units joins it. Every byte is read at most three times, so this
/// stays linear in the input.
pub(super) fn segment_all(seg: &Segmenter, text: &str) -> crate::Result<Vec<Resolution>> {
    let mut bounds = vec![0];
    bounds.extend(text_starts(text));
    bounds.push(text.len());
    // (start, end, resolution) of the texts found so far.
    let mut found: Vec<(usize, usize, Resolution)> = Vec::new();
    // Start of the stretches without units waiting for the next text.
    let mut waiting: Option<usize> = None;
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        match segment_at(seg, text, a, b) {
            Ok(res) => match waiting.take() {
                Some(start) => found.push((start, b, segment_at(seg, text, start, b)?)),
                None => found.push((a, b, res)),
            },
            Err(Error::NoResolution { .. }) => {
                waiting.get_or_insert(a);
            }
            Err(e) => return Err(e),
        }
    }
    // A tail without units belongs to the last text.
    if waiting.is_some() {
        match found.pop() {
            Some((start, _, _)) => {
                let res = segment_at(seg, text, start, text.len())?;
                found.push((start, text.len(), res));
            }
            None => return seg.segment(text).map(|r| vec![r]),
        }
    }
    Ok(found.into_iter().map(|(_, _, r)| r).collect())
}

#[cfg(test)]
mod tests {
    use super::super::assert_coverage;
    use super::*;

    const TWO: &str = "Texts adopted\n\nP9_TA(2021)0001\n\nEuropean Parliament resolution of 1 March 2021 on X\n\n\
                       – having regard to A,\n\n1. Calls for B.\n\nP9_TA(2021)0002\n\n\
                       European Parliament resolution of 2 March 2021 on Y\n\nA. whereas C;\n\n1. Urges D.\n\nLegal notice\n";

    #[test]
    fn one_resolution_per_text() {
        let all = Segmenter::new().segment_all(TWO).unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].reference.as_deref(), Some("TA-9-2021-0001"));
        assert_eq!(all[1].reference.as_deref(), Some("TA-9-2021-0002"));
        assert_eq!(all[0].counts(), [1, 0, 1, 0]);
        assert_eq!(all[1].counts(), [0, 1, 1, 0]);
        assert_eq!(all[1].date.as_deref(), Some("2021-03-02"));
        // Together the texts tile the input.
        let mut whole = all[0].clone();
        whole.units.extend(all[1].units.iter().cloned());
        whole.noise.extend(all[1].noise.iter().copied());
        assert_coverage(TWO, &whole);
        assert_eq!(all[1].units[0].kind, crate::model::UnitKind::Title);
        let a = all[1].units[1].span;
        assert_eq!(&TWO[a.start..a.end], "A. whereas C;");
    }

    #[test]
    fn references_around_one_text_keep_it_whole() {
        let t = "A9-0163/2024\n\nP9_TA(2024)0315\n\n– having regard to A,\n\n1. Decides B.\n\nA9-0163/2024\n";
        let all = Segmenter::new().segment_all(t).unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0], Segmenter::new().segment(t).unwrap());
        assert!(matches!(
            Segmenter::new().segment_all("P9_TA(2021)0001\n\nno text"),
            Err(Error::NoResolution { .. })
        ));
    }
}
