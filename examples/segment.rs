// # Segment a resolution
//
// Reads one file (text or HTML), splits it into citations, recitals, paragraphs and
// footnotes, finds the entities in each unit and prints one JSON object:
//
//     cargo run --release --example segment -- FILE
//
// {"reference", "title", "date", "units": [{"id", "kind", "label", "text", "entities"}]}
// where id is REFERENCE/KIND/LABEL. On error: one line on stderr and exit code 1.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: segment FILE");
        return ExitCode::FAILURE;
    };
    let path = std::path::PathBuf::from(path);
    // `whereas::load` decodes the file (UTF-8, UTF-16, Windows-1252) and picks the text or
    // HTML path; odd input gives units plus warnings, only unusable input is an error.
    let mut res = match whereas::load(&path) {
        Ok(res) => res,
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    whereas::entity::annotate(&mut res);
    let units: Vec<serde_json::Value> = res
        .units
        .iter()
        .map(|u| {
            serde_json::json!({
                "id": res.unit_id(u),
                "kind": u.kind,
                "label": u.label,
                "text": u.text,
                "entities": u.entities,
            })
        })
        .collect();
    let out = serde_json::json!({
        "reference": res.reference,
        "title": res.title,
        "date": res.date,
        "units": units,
    });
    match serde_json::to_string_pretty(&out) {
        Ok(s) => {
            println!("{s}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: cannot write JSON: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}
