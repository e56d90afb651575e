//! Marker recognition at the start of a line: `–`, `A.`, `AA.`, `12.`, `(3)`, `[3]`, `a.`, `(iv)`.

use super::lines::is_ws;

/// Dashes that open a citation (or, after the citations, a dash sub-point).
pub(crate) const DASHES: &[char] = &[
    '-', '\u{2013}', '\u{2014}', '\u{2012}', '\u{2010}', '\u{2011}', '\u{2212}', '\u{f02d}',
    '\u{2022}',
];

/// What a marker says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum MarkerKind {
    /// A dash and whitespace. `lower` is true when the text after it starts in lower case.
    Dash { lower: bool },
    /// `A.` … `Z.`, `AA.` …: a recital letter, with its rank (A = 1, AA = 27).
    Upper { label: String, rank: u32 },
    /// `12.`: a paragraph number.
    Number(u32),
    /// `(3)` or `[3]`: a footnote label; `square` for brackets.
    Note { number: u32, square: bool },
    /// `a.`, `b)`, `(c)`, `iv.`: a sub-point label.
    Lower(String),
}

/// A marker and the number of bytes it takes, whitespace after it included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marker {
    pub kind: MarkerKind,
    pub len: usize,
}

/// Bytes of whitespace at the start of `s`.
fn ws_len(s: &str) -> usize {
    s.len() - s.trim_start_matches(is_ws).len()
}

/// Rank of an upper-case letter label: A = 1 … Z = 26, AA = 27 … AZ = 52, BA = 53 ….
pub(crate) fn upper_rank(label: &str) -> Option<u32> {
    let b = label.as_bytes();
    match b.len() {
        1 if b[0].is_ascii_uppercase() => Some(u32::from(b[0] - b'A') + 1),
        2 if b[0].is_ascii_uppercase() && b[1].is_ascii_uppercase() => {
            Some(26 * (u32::from(b[0] - b'A') + 1) + u32::from(b[1] - b'A') + 1)
        }
        _ => None,
    }
}

/// The label of a rank (inverse of [`upper_rank`]).
pub(crate) fn upper_label(rank: u32) -> String {
    if rank == 0 {
        return String::new();
    }
    let r = rank - 1;
    if r < 26 {
        char::from(b'A' + r as u8).to_string()
    } else {
        let hi = r / 26 - 1;
        let lo = r % 26;
        if hi >= 26 {
            return format!("#{rank}");
        }
        format!(
            "{}{}",
            char::from(b'A' + hi as u8),
            char::from(b'A' + lo as u8)
        )
    }
}

/// Recognises a marker at the start of `s` (a trimmed, non-empty line or part of one).
/// The marker must be followed by text, after whitespace (notes may be glued to it).
pub(crate) fn parse(s: &str) -> Option<Marker> {
    let first = s.chars().next()?;
    if DASHES.contains(&first) {
        let after = &s[first.len_utf8()..];
        let ws = ws_len(after);
        if ws == 0 || ws == after.len() {
            return None;
        }
        let rest = &after[ws..];
        let lower = rest.chars().next().is_some_and(char::is_lowercase);
        return Some(Marker {
            kind: MarkerKind::Dash { lower },
            len: first.len_utf8() + ws,
        });
    }
    let b = s.as_bytes();
    // Bracketed: (3) [3] (a) (iv)
    if first == '(' || first == '[' {
        let close = if first == '(' { b')' } else { b']' };
        let inner_len = b[1..].iter().take(5).position(|&c| c == close)?;
        let inner = &s[1..1 + inner_len];
        let after = &s[2 + inner_len..];
        // A note label may stand alone on its line, its text on the next (a long URL).
        if !inner.is_empty() && inner.len() <= 3 && inner.bytes().all(|c| c.is_ascii_digit()) {
            let n = inner.parse().ok()?;
            let len = 2 + inner_len + ws_len(after);
            return Some(Marker {
                kind: MarkerKind::Note {
                    number: n,
                    square: first == '[',
                },
                len,
            });
        }
        if after.trim_start_matches(is_ws).is_empty() {
            return None;
        }
        if first == '(' && is_lower_label(inner) && ws_len(after) > 0 {
            let len = 2 + inner_len + ws_len(after);
            return Some(Marker {
                kind: MarkerKind::Lower(inner.to_string()),
                len,
            });
        }
        return None;
    }
    // Label then '.' or ')' then whitespace.
    let label_len = b
        .iter()
        .take(4)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if label_len == 0 || label_len >= b.len() {
        return None;
    }
    let label = &s[..label_len];
    let punct = b[label_len];
    if punct != b'.' && punct != b')' {
        return None;
    }
    let after = &s[label_len + 1..];
    let ws = ws_len(after);
    if ws == 0 || ws == after.len() {
        return None;
    }
    let len = label_len + 1 + ws;
    if punct == b'.' {
        if let Some(rank) = upper_rank(label) {
            return Some(Marker {
                kind: MarkerKind::Upper {
                    label: label.to_string(),
                    rank,
                },
                len,
            });
        }
        if label.len() <= 3 && label.bytes().all(|c| c.is_ascii_digit()) {
            let n: u32 = label.parse().ok()?;
            if n == 0 {
                return None;
            }
            return Some(Marker {
                kind: MarkerKind::Number(n),
                len,
            });
        }
    }
    if is_lower_label(label) {
        return Some(Marker {
            kind: MarkerKind::Lower(label.to_string()),
            len,
        });
    }
    None
}

/// A line that is nothing but a citation dash, a recital letter or a paragraph number
/// (`–`, `B.`, `12.`), as PDF-to-text leaves them when the text sits on the next line.
pub(crate) fn parse_alone(s: &str) -> Option<MarkerKind> {
    let mut chars = s.chars();
    let first = chars.next()?;
    if DASHES.contains(&first) && chars.next().is_none() {
        return Some(MarkerKind::Dash { lower: false });
    }
    let label = s.strip_suffix('.')?;
    if let Some(rank) = upper_rank(label) {
        return Some(MarkerKind::Upper {
            label: label.to_string(),
            rank,
        });
    }
    if !label.is_empty() && label.len() <= 3 && label.bytes().all(|c| c.is_ascii_digit()) {
        let n: u32 = label.parse().ok()?;
        return (n > 0).then_some(MarkerKind::Number(n));
    }
    None
}

/// `a`, `b`, `aa`, or a small roman numeral `i` … `xx`.
fn is_lower_label(s: &str) -> bool {
    let b = s.as_bytes();
    match b.len() {
        1 => b[0].is_ascii_lowercase(),
        2 if b[0] == b[1] && b[0].is_ascii_lowercase() => true,
        2..=5 => b.iter().all(|c| matches!(c, b'i' | b'v' | b'x')),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> Option<MarkerKind> {
        parse(s).map(|m| m.kind)
    }

    #[test]
    fn citation_dashes() {
        for s in [
            "–\u{a0}\u{a0}having regard",
            "— having",
            "-\thaving",
            "\u{f02d}\u{a0}having",
        ] {
            assert_eq!(kind(s), Some(MarkerKind::Dash { lower: true }), "{s:?}");
        }
        assert_eq!(kind("- Privacy"), Some(MarkerKind::Dash { lower: false }));
        assert_eq!(kind("-having"), None);
        assert_eq!(kind("–"), None);
    }

    #[test]
    fn letters_and_numbers() {
        let m = parse("AA.\u{a0} whereas").unwrap();
        assert_eq!(
            m.kind,
            MarkerKind::Upper {
                label: "AA".into(),
                rank: 27
            }
        );
        assert_eq!(m.len, "AA.\u{a0} ".len());
        assert_eq!(kind("12.\tCalls"), Some(MarkerKind::Number(12)));
        assert_eq!(kind("7.5.2025 - x"), None);
        assert_eq!(kind("0. x"), None);
        assert_eq!(kind("a.\u{a0}Protect"), Some(MarkerKind::Lower("a".into())));
        assert_eq!(kind("(iv) x"), Some(MarkerKind::Lower("iv".into())));
        assert_eq!(kind("b) x"), Some(MarkerKind::Lower("b".into())));
        assert_eq!(kind("EUR 5"), None);
    }

    #[test]
    fn notes() {
        let m = parse("(1)OJ C 23").unwrap();
        assert_eq!(
            m.kind,
            MarkerKind::Note {
                number: 1,
                square: false
            }
        );
        assert_eq!(m.len, 3);
        assert_eq!(
            kind("[12] OJ"),
            Some(MarkerKind::Note {
                number: 12,
                square: true
            })
        );
        assert_eq!(
            kind("(1)"),
            Some(MarkerKind::Note {
                number: 1,
                square: false
            })
        );
        assert_eq!(kind("(a)"), None);
    }

    #[test]
    fn markers_alone() {
        assert_eq!(parse_alone("–"), Some(MarkerKind::Dash { lower: false }));
        assert_eq!(
            parse_alone("AB."),
            Some(MarkerKind::Upper {
                label: "AB".into(),
                rank: 28
            })
        );
        assert_eq!(parse_alone("12."), Some(MarkerKind::Number(12)));
        for s in ["A", "12", "p.", "2020.", "0.", "– x"] {
            assert_eq!(parse_alone(s), None, "{s}");
        }
    }

    #[test]
    fn ranks_round_trip() {
        for r in 1..=100 {
            assert_eq!(upper_rank(&upper_label(r)), Some(r));
        }
        assert_eq!(upper_label(27), "AA");
    }
}
