//! Tiling the input: every byte goes to one unit or to one stretch of noise.
//!
//! The scan gives each line's content to a unit or to noise; [`tile`] sorts those pieces,
//! gives the whitespace between them to a neighbour (or to a page break), and merges
//! neighbours with the same owner, so that the result covers the input exactly once (the
//! coverage invariant of [`crate::segment`](mod@crate::segment)).

use super::NoiseReason;

/// Who a piece of the input belongs to: a unit (by index among the drafts) or noise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Owner {
    Unit(usize),
    Noise(NoiseReason),
}

/// Fills the gaps between content pieces (whitespace only) and merges neighbours.
pub(super) fn tile(
    text: &str,
    mut pieces: Vec<(usize, usize, Owner)>,
) -> Vec<(usize, usize, Owner)> {
    pieces.sort_by_key(|p| p.0);
    let mut out: Vec<(usize, usize, Owner)> = Vec::with_capacity(pieces.len() * 2 + 1);
    let mut at = 0;
    for &(a, b, owner) in &pieces {
        if a > at {
            let gap = &text[at..a];
            let prev = out.last().map(|p| p.2);
            let owner_gap = if gap.contains('\u{c}') {
                Owner::Noise(NoiseReason::PageBreak)
            } else if prev == Some(owner) && matches!(owner, Owner::Unit(_)) {
                owner
            } else if let Some(Owner::Noise(r)) = prev {
                Owner::Noise(r)
            } else if let Owner::Noise(r) = owner {
                Owner::Noise(r)
            } else {
                Owner::Noise(NoiseReason::Blank)
            };
            push_merged(&mut out, (at, a, owner_gap));
        }
        if b > a {
            push_merged(&mut out, (a, b, owner));
        }
        at = at.max(b);
    }
    if at < text.len() {
        let prev = out.last().map(|p| p.2);
        let gap = &text[at..];
        let owner = match prev {
            _ if gap.contains('\u{c}') => Owner::Noise(NoiseReason::PageBreak),
            Some(Owner::Noise(r)) => Owner::Noise(r),
            _ => Owner::Noise(NoiseReason::Blank),
        };
        push_merged(&mut out, (at, text.len(), owner));
    }
    out
}

fn push_merged(out: &mut Vec<(usize, usize, Owner)>, p: (usize, usize, Owner)) {
    if let Some(last) = out.last_mut() {
        if last.2 == p.2 && last.1 == p.0 {
            last.1 = p.1;
            return;
        }
    }
    out.push(p);
}
