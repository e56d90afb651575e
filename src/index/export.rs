//! Units → NDJSON, for engines beyond one machine.
//!
//! Each line is one unit as a JSON object with the same content as the tantivy
//! document: metadata, `text`, the name keys precomputed into their own fields
//! (`name_exact`, `name_folded`, `name_translit`: one key per word, space-separated,
//! in word order so phrase and proximity queries work on them; `name_translit_alt`
//! and `name_related`: the further keys), `facets` as paths and `entities`.
//! See `docs/scaling.md` for the Quickwit and Elasticsearch/OpenSearch mappings.

use std::io::Write;

use serde_json::{json, Value};

use crate::analysis::keys::{channel_keys, keys_of};
use crate::analysis::name::Channel;
use crate::analysis::words::words;
use crate::index::{reference_of, unit_facets, unit_id};
use crate::model::Resolution;

/// The export documents of one resolution's units, in order.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if the resolution has no
/// reference.
pub fn documents(resolution: &Resolution) -> crate::Result<Vec<Value>> {
    let reference = reference_of(resolution)?;
    let mut out = Vec::with_capacity(resolution.units.len());
    for unit in &resolution.units {
        let mut exact = Vec::new();
        let mut folded = Vec::new();
        let mut translit = Vec::new();
        let mut translit_alt = Vec::new();
        let mut related = Vec::new();
        let mut buf = Vec::new();
        for (_, word) in words(&unit.text) {
            let keys = keys_of(word);
            exact.push(keys.exact.clone());
            folded.push(keys.folded.clone());
            buf.clear();
            channel_keys(&keys, Channel::Translit, &mut buf);
            let mut rest = buf.drain(..);
            translit.push(rest.next().unwrap_or_else(|| keys.folded.clone()));
            translit_alt.extend(rest);
            channel_keys(&keys, Channel::Related, &mut related);
        }
        let facets: Vec<String> = unit_facets(reference, unit)
            .iter()
            .map(ToString::to_string)
            .collect();
        out.push(json!({
            "id": unit_id(reference, unit),
            "reference": reference,
            "kind": unit.kind.as_str(),
            "label": unit.label,
            "ordinal": unit.ordinal,
            "title": resolution.title,
            "date": resolution.date,
            "text": unit.text,
            "name_exact": exact.join(" "),
            "name_folded": folded.join(" "),
            "name_translit": translit.join(" "),
            "name_translit_alt": translit_alt,
            "name_related": related,
            "facets": facets,
            "entities": unit.entities,
        }));
    }
    Ok(out)
}

/// Writes every unit of `resolutions` as one JSON line to `out`; returns the number of
/// lines written.
///
/// ```
/// use whereas::index::export::write_ndjson;
///
/// # fn main() -> whereas::Result<()> {
/// let text = "Resolution\n\n1. Calls for the release of Max Bokayev.\n";
/// let mut resolution = whereas::segment(text)?;
/// resolution.reference = Some("TA-9-2021-0056".into());
/// let mut out = Vec::new();
/// assert_eq!(write_ndjson([&resolution], &mut out)?, 1);
/// let line: serde_json::Value = serde_json::from_slice(&out).unwrap();
/// assert_eq!(line["id"], "TA-9-2021-0056/paragraph/1");
/// assert_eq!(line["name_translit"].as_str().unwrap().split(' ').count(), 7);
/// # Ok(())
/// # }
/// ```
pub fn write_ndjson<'a, W: Write>(
    resolutions: impl IntoIterator<Item = &'a Resolution>,
    mut out: W,
) -> crate::Result<usize> {
    let io = |source| crate::Error::Io {
        path: "<ndjson output>".into(),
        source,
    };
    let mut lines = 0;
    for resolution in resolutions {
        for doc in documents(resolution)? {
            serde_json::to_writer(&mut out, &doc).map_err(|e| io(e.into()))?;
            out.write_all(b"\n").map_err(io)?;
            lines += 1;
        }
    }
    out.flush().map_err(io)?;
    Ok(lines)
}
