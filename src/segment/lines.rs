//! Splitting the input into lines, with byte offsets.
//!
//! Lines end at `\n`, `\r\n`, a lone `\r` or a form feed. Each line keeps the range of its
//! content with surrounding whitespace (NBSP, tabs, BOM) trimmed.

/// One line of the input.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line {
    /// First byte of the trimmed content.
    pub cs: usize,
    /// One past the last byte of the trimmed content (`cs == ce` for a blank line).
    pub ce: usize,
    /// The line break before this line included a form feed.
    pub after_ff: bool,
}

impl Line {
    pub(crate) fn is_blank(&self) -> bool {
        self.cs == self.ce
    }
}

/// Whitespace for trimming and folding: Unicode white space, BOM, zero-width space.
pub(crate) fn is_ws(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')
}

/// Splits `text` into lines. Linear in the input.
pub(crate) fn split(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut after_ff = false;
    let mut i = 0;
    while i <= bytes.len() {
        let sep = if i == bytes.len() {
            Some(0)
        } else {
            match bytes[i] {
                b'\n' | 0x0c => Some(1),
                b'\r' => Some(if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 }),
                _ => None,
            }
        };
        if let Some(len) = sep {
            // `start..i` is a line; separators are ASCII, so these are char boundaries.
            let raw = &text[start..i];
            let trimmed_start = raw.trim_start_matches(is_ws);
            let cs = i - trimmed_start.len();
            let ce = cs + trimmed_start.trim_end_matches(is_ws).len();
            if i < bytes.len() || start < i {
                out.push(Line { cs, ce, after_ff });
            }
            after_ff = i < bytes.len() && bytes[i] == 0x0c;
            i += len.max(1);
            start = i;
            if i > bytes.len() {
                break;
            }
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_all_breaks() {
        let t = "a\r\n b\u{a0}\rc\u{c}d\n";
        let l = split(t);
        let got: Vec<&str> = l.iter().map(|l| &t[l.cs..l.ce]).collect();
        assert_eq!(got, ["a", "b", "c", "d"]);
        assert!(l[3].after_ff && !l[2].after_ff);
    }

    #[test]
    fn empty_and_blank() {
        assert!(split("").is_empty());
        let l = split("\n\n");
        assert_eq!(l.len(), 2);
        assert!(l.iter().all(Line::is_blank));
    }
}
