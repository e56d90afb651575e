//! Unit labels during the scan: for each kind, the label due next and every label opened.
//!
//! Citations are numbered in order. Recitals (`A` … `Z`, `AA` …), paragraphs and footnotes
//! carry their own labels, ranked (A = 1, AA = 27). A marker ranked as the one due opens
//! its unit; one that is not is taken only when it is at most [`MAX_SKIP`] away and stands
//! apart from the text before it, and then earns a [`Warning::OutOfOrder`]. A label opened
//! twice earns a [`Warning::RepeatedLabel`].

use std::collections::HashSet;

use super::marker::upper_label;
use super::{UnitKind, Warning};

/// Out-of-order markers are taken only this close to the one due.
const MAX_SKIP: u32 = 3;

/// Where the scan stands when a ranked marker comes.
#[derive(Debug, Clone, Copy)]
pub(super) struct MarkerContext {
    /// The body has begun: some unit has been opened.
    pub(super) body: bool,
    /// Inside a run of footnotes.
    pub(super) in_notes: bool,
    /// The marker follows a blank line or a line that ends in punctuation.
    pub(super) separated: bool,
}

/// The labels of the units opened so far.
#[derive(Debug)]
pub(super) struct Labels {
    /// The rank due next, by kind (indexed by `UnitKind as usize`).
    next: [u32; UnitKind::ALL.len()],
    /// Whether a unit of the kind has been opened, by kind.
    opened: [bool; UnitKind::ALL.len()],
    /// Every label opened, with its kind.
    seen: HashSet<(UnitKind, String)>,
}

impl Labels {
    /// Nothing opened: rank 1 is due for every kind.
    pub(super) fn new() -> Self {
        Labels {
            next: [1; UnitKind::ALL.len()],
            opened: [false; UnitKind::ALL.len()],
            seen: HashSet::new(),
        }
    }

    /// The rank due next for `kind`.
    pub(super) fn due(&self, kind: UnitKind) -> u32 {
        self.next[kind as usize]
    }

    /// Has a unit of `kind` been opened?
    pub(super) fn opened(&self, kind: UnitKind) -> bool {
        self.opened[kind as usize]
    }

    /// The label due next for `kind` as it is printed: a letter for recitals, a number
    /// otherwise.
    fn due_label(&self, kind: UnitKind) -> String {
        let due = self.due(kind);
        if kind == UnitKind::Recital {
            upper_label(due)
        } else {
            due.to_string()
        }
    }

    /// Does a marker of `kind` ranked `rank` (printed `found`, at byte `at`) open a unit?
    /// Also returns the warning it earns, if any.
    ///
    /// The one due is taken (a footnote due only on a line of its own or inside a run of
    /// notes). One near it is taken out of order where the body (for footnotes, a run of
    /// notes) has begun and the marker stands apart. A recital or paragraph marker near
    /// the one due that stands apart before the body begins stays noise (page text can
    /// look like a marker) but earns a warning, so a resolution that starts at "B" does not
    /// lose its first unit silently.
    pub(super) fn judge(
        &self,
        kind: UnitKind,
        rank: u32,
        found: &str,
        at: usize,
        context: MarkerContext,
    ) -> (bool, Option<Warning>) {
        let MarkerContext {
            body,
            in_notes,
            separated,
        } = context;
        let due = self.due(kind);
        let near = rank != due && rank.abs_diff(due) <= MAX_SKIP;
        let footnote = kind == UnitKind::Footnote;
        let (due_taken, near_taken) = if footnote {
            (separated || in_notes, in_notes && separated)
        } else {
            (true, body && separated)
        };
        if rank == due && due_taken {
            (true, None)
        } else if near && near_taken {
            (true, self.out_of_order(kind, found, at))
        } else if near && !footnote && !body && separated {
            (false, self.out_of_order(kind, found, at))
        } else {
            (false, None)
        }
    }

    /// A warning that `found` came where another label was due, unless `found` was opened
    /// before (its repeat earns [`Warning::RepeatedLabel`] instead).
    fn out_of_order(&self, kind: UnitKind, found: &str, at: usize) -> Option<Warning> {
        (!self.seen.contains(&(kind, found.to_string()))).then(|| Warning::OutOfOrder {
            kind,
            expected: self.due_label(kind),
            found: found.to_string(),
            at,
        })
    }

    /// Records unit `label` of `kind`, ranked `rank`, as opened at byte `at`: rank
    /// `rank + 1` is due next. Returns the label the unit carries and the warning it
    /// earns: a label opened before earns a [`Warning::RepeatedLabel`] and is told apart
    /// by a suffix (`5-2` for the second `5`, `5-3` for the third), so that unit ids stay
    /// unique within a resolution.
    pub(super) fn open(
        &mut self,
        kind: UnitKind,
        rank: u32,
        label: &str,
        at: usize,
    ) -> (String, Option<Warning>) {
        self.next[kind as usize] = rank + 1;
        self.opened[kind as usize] = true;
        if self.seen.insert((kind, label.to_string())) {
            return (label.to_string(), None);
        }
        let unique = (2..)
            .map(|n| format!("{label}-{n}"))
            .find(|l| !self.seen.contains(&(kind, l.clone())))
            .unwrap_or_else(|| label.to_string());
        self.seen.insert((kind, unique.clone()));
        let warning = Warning::RepeatedLabel {
            kind,
            label: label.to_string(),
            at,
        };
        (unique, Some(warning))
    }
}

#[cfg(test)]
mod tests {
    use super::super::segment;
    use super::*;
    use std::collections::HashSet;

    /// In the body, apart from the line before, outside footnotes.
    const APART: MarkerContext = MarkerContext {
        body: true,
        in_notes: false,
        separated: true,
    };

    #[test]
    fn every_kind_counts_from_one() {
        let mut labels = Labels::new();
        for kind in UnitKind::ALL {
            assert_eq!(labels.due(kind), 1);
            assert!(!labels.opened(kind));
        }
        assert_eq!(
            labels.open(UnitKind::Citation, 1, "1", 0),
            ("1".into(), None)
        );
        assert_eq!(labels.due(UnitKind::Citation), 2);
        assert!(labels.opened(UnitKind::Citation));
        assert_eq!(labels.due(UnitKind::Recital), 1);
    }

    #[test]
    fn near_markers_are_taken_out_of_order_in_the_body() {
        let mut labels = Labels::new();
        labels.open(UnitKind::Recital, 1, "A", 0);
        assert_eq!(
            labels.judge(UnitKind::Recital, 4, "D", 10, APART),
            (
                true,
                Some(Warning::OutOfOrder {
                    kind: UnitKind::Recital,
                    expected: "B".into(),
                    found: "D".into(),
                    at: 10,
                })
            )
        );
        // Too far from "B", or run on from the line before: not a marker.
        assert_eq!(
            labels.judge(UnitKind::Recital, 6, "F", 10, APART),
            (false, None)
        );
        let run_on = MarkerContext {
            separated: false,
            ..APART
        };
        assert_eq!(
            labels.judge(UnitKind::Recital, 3, "C", 10, run_on),
            (false, None)
        );
        assert_eq!(
            labels.judge(UnitKind::Recital, 2, "B", 10, run_on),
            (true, None)
        );
    }

    #[test]
    fn before_the_body_a_near_marker_only_warns() {
        let labels = Labels::new();
        let before = MarkerContext {
            body: false,
            ..APART
        };
        let (take, warning) = labels.judge(UnitKind::Paragraph, 2, "2", 7, before);
        assert!(!take);
        assert!(matches!(warning, Some(Warning::OutOfOrder { expected, .. }) if expected == "1"));
    }

    #[test]
    fn footnotes_skip_only_inside_a_run_of_notes() {
        let labels = Labels::new();
        let run_on = MarkerContext {
            separated: false,
            ..APART
        };
        assert_eq!(
            labels.judge(UnitKind::Footnote, 1, "1", 0, run_on),
            (false, None)
        );
        assert_eq!(
            labels.judge(UnitKind::Footnote, 1, "1", 0, APART),
            (true, None)
        );
        assert_eq!(
            labels.judge(UnitKind::Footnote, 2, "2", 0, APART),
            (false, None)
        );
        let in_notes = MarkerContext {
            in_notes: true,
            ..APART
        };
        assert!(labels.judge(UnitKind::Footnote, 2, "2", 0, in_notes).0);
    }

    #[test]
    fn a_repeat_is_not_out_of_order_but_repeated() {
        let mut labels = Labels::new();
        labels.open(UnitKind::Recital, 1, "A", 0);
        assert_eq!(
            labels.judge(UnitKind::Recital, 1, "A", 5, APART),
            (true, None)
        );
        let (label, warning) = labels.open(UnitKind::Recital, 1, "A", 5);
        assert_eq!(label, "A-2");
        assert!(matches!(
            warning,
            Some(Warning::RepeatedLabel { at: 5, .. })
        ));
        assert_eq!(labels.open(UnitKind::Recital, 1, "A", 9).0, "A-3");
    }

    #[test]
    fn out_of_order_and_repeated_labels_warn() {
        let t = "– having regard to x,\n\nB. whereas b;\n\nA. whereas a;\n\nA. whereas again;\n\n1. Calls.";
        let res = segment(t).unwrap();
        assert_eq!(res.counts(), [1, 3, 1, 0]);
        let ids: HashSet<String> = res.units.iter().map(|u| res.unit_id(u)).collect();
        assert_eq!(ids.len(), res.units.len(), "unit ids are unique");
        assert_eq!(res.units[3].label, "A-2");
        assert!(matches!(&res.warnings[0], Warning::OutOfOrder { found, .. } if found == "B"));
        assert!(res
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::RepeatedLabel { label, .. } if label == "A")));
    }
}
