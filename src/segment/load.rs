//! Files → text: reading, decoding and choosing between the text and HTML paths.

use std::path::Path;

use crate::error::Error;

use super::{Resolution, Segmenter};

/// Decodes the bytes of a text file.
///
/// UTF-8 (a BOM is dropped); UTF-16 with a BOM; otherwise, when the bytes look like text
/// (no NUL, no control characters other than tab, line breaks and form feed), Windows-1252
/// (a superset of Latin-1 for printable text). Binary input is
/// `Err(Error::NotText { offset })`, naming the first byte that cannot be text.
///
/// ```
/// assert_eq!(whereas::decode(b"\xEF\xBB\xBFcaf\xC3\xA9")?, "café");
/// assert_eq!(whereas::decode(b"caf\xE9 \x93x\x94")?, "café “x”");
/// assert!(matches!(whereas::decode(b"PK\x03\x04"), Err(whereas::Error::NotText { offset: 2, .. })));
/// # Ok::<(), whereas::Error>(())
/// ```
pub fn decode(bytes: &[u8]) -> crate::Result<String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_utf8(rest, 3);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let enc = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, had_errors) = enc.decode_with_bom_removal(bytes);
        if had_errors {
            return Err(Error::NotText {
                path: None,
                offset: 2,
            });
        }
        return check_controls(&text, 0).map(|()| text.into_owned());
    }
    decode_utf8(bytes, 0)
}

fn decode_utf8(bytes: &[u8], base: usize) -> crate::Result<String> {
    if let Some(offset) = first_control(bytes) {
        return Err(Error::NotText {
            path: None,
            offset: base + offset,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok(text.into_owned())
        }
    }
}

/// A control byte that text never holds (tab, LF, CR, FF and ESC-free text only).
fn is_bad_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f
}

fn first_control(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| is_bad_control(b))
}

fn check_controls(text: &str, base: usize) -> crate::Result<()> {
    match text
        .char_indices()
        .find(|(_, c)| u8::try_from(*c).is_ok_and(is_bad_control))
    {
        Some((i, _)) => Err(Error::NotText {
            path: None,
            offset: base + i,
        }),
        None => Ok(()),
    }
}

/// Does this text look like an HTML page?
fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.contains("<html")
}

/// Reads and segments a file: text, or HTML for `.html`/`.htm` files and for content that
/// starts like an HTML page. [`Resolution::source`] is set to the path.
///
/// Errors: `Error::Io` when the file cannot be read, `Error::NotText` (with the path) for
/// binary content, `Error::NoResolution` when it holds no resolution.
pub fn load(path: impl AsRef<Path>) -> crate::Result<Resolution> {
    let (text, html) = read(path.as_ref())?;
    let seg = Segmenter::new().source(path.as_ref().display().to_string());
    #[cfg(feature = "html")]
    if html {
        return seg.segment_html(&text);
    }
    #[cfg(not(feature = "html"))]
    let _ = html; // `read` refuses HTML without the feature.
    seg.segment(&text)
}

/// Reads and segments a file that may hold several texts (a sitting's "Texts adopted",
/// texts concatenated): one [`Resolution`] per text, as
/// [`Segmenter::segment_all`](crate::Segmenter::segment_all) finds them, each with
/// [`Resolution::source`] set to the path. Errors as [`load`].
pub fn load_all(path: impl AsRef<Path>) -> crate::Result<Vec<Resolution>> {
    let (text, html) = read(path.as_ref())?;
    let seg = Segmenter::new().source(path.as_ref().display().to_string());
    #[cfg(feature = "html")]
    if html {
        return seg.segment_html_all(&text);
    }
    #[cfg(not(feature = "html"))]
    let _ = html; // `read` refuses HTML without the feature.
    seg.segment_all(&text)
}

/// Reads and decodes a file; true when it is to be read as HTML. Without the `html`
/// feature an HTML file is `Error::FeatureDisabled`.
fn read(path: &Path) -> crate::Result<(String, bool)> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = decode(&bytes).map_err(|e| match e {
        Error::NotText { offset, .. } => Error::NotText {
            path: Some(path.to_path_buf()),
            offset,
        },
        e => e,
    })?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let html = matches!(ext.as_deref(), Some("html" | "htm" | "xhtml")) || looks_like_html(&text);
    #[cfg(not(feature = "html"))]
    if html {
        return Err(Error::FeatureDisabled {
            what: format!("{}: HTML input", path.display()),
            feature: "html",
        });
    }
    Ok((text, html))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_and_binary() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("A.".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap(), "A.");
        assert!(matches!(
            decode(b"abc\0def"),
            Err(Error::NotText { offset: 3, .. })
        ));
        assert!(matches!(
            decode(b"\xEF\xBB\xBFab\x01"),
            Err(Error::NotText { offset: 5, .. })
        ));
    }

    #[test]
    fn html_sniffing() {
        assert!(looks_like_html("  <!DOCTYPE html><html>"));
        assert!(!looks_like_html("A. whereas <b> is"));
    }
}
