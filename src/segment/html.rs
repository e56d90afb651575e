//! HTML → text: the page's text with one line per block, as a browser would lay it out.
//!
//! The markup is read with html5ever's HTML5 tokenizer, in one pass: text of `script`,
//! `style`, `title` and similar elements is dropped; every block element (`p`, `div`,
//! `td`, `li`, `br`, headings …) starts and ends a line, and blocks are separated by a
//! blank line. Runs of HTML white space inside a block fold to one space; non-breaking
//! spaces are kept. Text hidden with CSS (the EP's leaked template tags) is kept, so the
//! segmenter's noise rules see it.
//!
//! No tree is built: the layout needs only the order of text and block boundaries, and
//! the HTML5 tree builder checks its stack of open elements on every block start tag,
//! which is quadratic on tens of thousands of unclosed `<div>`s. The tokenizer is
//! linear. Its text is the tree builder's in document order; the tree builder would
//! only move text that sits in a table outside any cell ahead of the table.

use std::cell::{Cell, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Elements whose text is never shown, with how the tokenizer reads their content
/// (`None`: as markup).
const SKIP: &[(&str, Option<RawKind>)] = &[
    ("script", Some(RawKind::ScriptData)),
    ("style", Some(RawKind::Rawtext)),
    ("noscript", Some(RawKind::Rawtext)),
    ("title", Some(RawKind::Rcdata)),
    ("template", None),
    ("svg", None),
    ("select", None),
];

/// Elements whose content is text, not markup, and is shown (the tree builder switches
/// the tokenizer to these states too).
const RAW_SHOWN: &[(&str, RawKind)] = &[
    ("textarea", RawKind::Rcdata),
    ("xmp", RawKind::Rawtext),
    ("iframe", RawKind::Rawtext),
    ("noembed", RawKind::Rawtext),
    ("noframes", RawKind::Rawtext),
];

/// Elements that start a new block.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// The text of an HTML document, one block per line, blocks separated by blank lines.
///
/// Spans of a [`crate::Resolution`] made by [`crate::segment_html`] refer to this text.
///
/// ```
/// let text = whereas::html_to_text("<p><span>A.</span><span>\u{a0}</span><span>whereas x</span></p><p>1. y</p>");
/// assert_eq!(text, "A.\u{a0}whereas x\n\n1. y\n");
/// ```
pub fn html_to_text(html: &str) -> String {
    let sink = Layout {
        out: RefCell::new(String::with_capacity(html.len() / 3)),
        line: RefCell::new(String::new()),
        skipping: Cell::new(None),
    };
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    // The sink never asks to pause for a script, so one call reads all the input.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let Layout { out, line, .. } = tokenizer.sink;
    let mut out = out.into_inner();
    flush(&mut out, &mut line.into_inner());
    out
}

/// The token sink that lays the text out.
struct Layout {
    out: RefCell<String>,
    /// The block being written.
    line: RefCell<String>,
    /// Inside a [`SKIP`] element: its index in `SKIP` and how many of the same element
    /// are open in it.
    skipping: Cell<Option<(usize, usize)>>,
}

impl TokenSink for Layout {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) => {
                let name: &str = &tag.name;
                let start = tag.kind == TagKind::StartTag;
                if let Some((skip, depth)) = self.skipping.get() {
                    if SKIP[skip].0 == name && !tag.self_closing {
                        self.skipping.set(match (start, depth) {
                            (true, _) => Some((skip, depth + 1)),
                            (false, 0) => None,
                            (false, _) => Some((skip, depth - 1)),
                        });
                    }
                    return TokenSinkResult::Continue;
                }
                if start {
                    // `<script/>` still opens raw text (HTML ignores the slash there);
                    // `<svg/>` is closed.
                    let skip = SKIP
                        .iter()
                        .position(|(n, raw)| *n == name && (raw.is_some() || !tag.self_closing));
                    if let Some(skip) = skip {
                        self.skipping.set(Some((skip, 0)));
                        return match SKIP[skip].1 {
                            Some(raw) => TokenSinkResult::RawData(raw),
                            None => TokenSinkResult::Continue,
                        };
                    }
                }
                if BLOCKS.contains(&name) {
                    flush(&mut self.out.borrow_mut(), &mut self.line.borrow_mut());
                }
                if start {
                    if let Some((_, raw)) = RAW_SHOWN.iter().find(|(n, _)| *n == name) {
                        return TokenSinkResult::RawData(*raw);
                    }
                }
            }
            Token::CharacterTokens(text) if self.skipping.get().is_none() => {
                push_text(&mut self.line.borrow_mut(), &text);
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
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
        assert_eq!(
            html_to_text(html),
            "Menu\n\nen - English\n\nconsequences[1],\n\nx\n\ny\n"
        );
    }

    #[test]
    fn skipped_elements_nest_and_raw_text_is_not_markup() {
        let html = "<p>a<script>if (x < 1) { document.write('<p>no</p>') }</script>b</p>\
            <svg><svg><text>no</text></svg><text>no</text></svg><p>c</p>\
            <select><option>no</select><p>d<br/>e</p><title>no</title>";
        assert_eq!(html_to_text(html), "ab\n\nc\n\nd\n\ne\n");
        assert_eq!(
            html_to_text("<p>x<textarea><p>shown</p></textarea></p>"),
            "x<p>shown</p>\n"
        );
    }

    #[test]
    fn deep_markup_does_not_overflow() {
        let html = "<div>".repeat(3_000) + "A. whereas" + &"</div>".repeat(3_000);
        assert!(html_to_text(&html).contains("A. whereas"));
    }
}
