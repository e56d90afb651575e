//! HTML → text: the page's text with one line per block, as a browser would lay it out.
//!
//! The markup is parsed with `scraper` (html5ever). Text of `script`, `style`, `head` and
//! similar elements is dropped; every block element (`p`, `div`, `td`, `li`, `br`, headings
//! …) starts a new line, and blocks are separated by a blank line. Runs of HTML white space
//! inside a block fold to one space; non-breaking spaces are kept. Text hidden with CSS
//! (the EP's leaked template tags) is kept, so the segmenter's noise rules see it.

use scraper::{Html, Node};

/// Elements whose text is never shown.
const SKIP: &[&str] = &["head", "script", "style", "noscript", "template", "title", "svg", "select"];

/// Elements that start a new block.
const BLOCKS: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "br", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "html", "li", "main", "nav", "ol", "option", "p", "pre", "section",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
];

/// The text of an HTML document, one block per line, blocks separated by blank lines.
///
/// Spans of a [`crate::Resolution`] made by [`crate::segment_html`] refer to this text.
///
/// ```
/// let text = whereas::segment::html_to_text("<p><span>A.</span><span>\u{a0}</span><span>whereas x</span></p><p>1. y</p>");
/// assert_eq!(text, "A.\u{a0}whereas x\n\n1. y\n");
/// ```
pub fn html_to_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = String::with_capacity(html.len() / 3);
    let mut line = String::new();
    // Explicit stack (node, closing?) instead of recursion: deep markup cannot overflow.
    let mut stack = vec![(doc.tree.root(), false)];
    while let Some((node, closing)) = stack.pop() {
        match node.value() {
            Node::Text(t) => push_text(&mut line, t),
            Node::Element(e) => {
                let name = e.name();
                if SKIP.contains(&name) {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    flush(&mut out, &mut line);
                }
                if !closing {
                    stack.push((node, true));
                    for child in node.children().rev() {
                        stack.push((child, false));
                    }
                }
            }
            _ => {
                if !closing {
                    stack.push((node, true));
                    for child in node.children().rev() {
                        stack.push((child, false));
                    }
                }
            }
        }
    }
    flush(&mut out, &mut line);
    out
}

/// Appends text, folding runs of HTML white space (not NBSP) to one space.
fn push_text(line: &mut String, t: &str) {
    for c in t.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            if !line.is_empty() && !line.ends_with(' ') {
                line.push(' ');
            }
        } else {
            line.push(c);
        }
    }
}

/// Ends the current block: writes it (trimmed of ASCII spaces) and a blank line.
fn flush(out: &mut String, line: &mut String) {
    let t = line.trim_matches(' ');
    if !t.trim_matches(super::lines::is_ws).is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(t);
        out.push('\n');
    }
    line.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_lines() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\
            <div>Menu<ul><li>en - English</li></ul></div>\
            <p>consequences<a href='#f'><span>[1]</span></a>,</p>\
            <table><tr><td>x</td><td>y</td></tr></table><script>var a;</script></body></html>";
        assert_eq!(html_to_text(html), "Menu\n\nen - English\n\nconsequences[1],\n\nx\n\ny\n");
    }

    #[test]
    fn deep_markup_does_not_overflow() {
        let html = "<div>".repeat(3_000) + "A. whereas" + &"</div>".repeat(3_000);
        assert!(html_to_text(&html).contains("A. whereas"));
    }
}
