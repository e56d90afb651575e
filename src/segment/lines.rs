//! Splitting the input into lines, with byte offsets.
//!
//! Lines end at `\n`, `\r\n`, a lone `\r` or a form feed. Each line keeps the range of its
//! content with surrounding whitespace (NBSP, tabs, BOM) trimmed.

/// One line of the input.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line {
    /// First byte of the trimmed content.
    pub start: usize,
    /// One past the last byte of the trimmed content (`start == end` for a blank line).
    pub end: usize,
    /// The line break before this line included a form feed.
    pub after_form_feed: bool,
}

impl Line {
    pub(crate) fn is_blank(&self) -> bool {
        self.start == self.end
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
    let mut after_form_feed = false;
    let mut i = 0;
    while i <= bytes.len() {
        let sep = if i == bytes.len() {
            Some(0)
        } else {
            match bytes[i] {
                b'\n' | 0x0c => Some(1),
                b'\r' => Some(if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                }),
                _ => None,
            }
        };
        if let Some(len) = sep {
            // `start..i` is a line; separators are ASCII, so these are char boundaries.
            let raw = &text[start..i];
            let trimmed_start = raw.trim_start_matches(is_ws);
            let content_start = i - trimmed_start.len();
            let content_end = content_start + trimmed_start.trim_end_matches(is_ws).len();
            if i < bytes.len() || start < i {
                out.push(Line {
                    start: content_start,
                    end: content_end,
                    after_form_feed,
                });
            }
            after_form_feed = i < bytes.len() && bytes[i] == 0x0c;
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
        let got: Vec<&str> = l.iter().map(|l| &t[l.start..l.end]).collect();
        assert_eq!(got, ["a", "b", "c", "d"]);
        assert!(l[3].after_form_feed && !l[2].after_form_feed);
    }

    #[test]
    fn empty_and_blank() {
        assert!(split("").is_empty());
        let l = split("\n\n");
        assert_eq!(l.len(), 2);
        assert!(l.iter().all(Line::is_blank));
    }
}
