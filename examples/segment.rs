// # Segment a resolution
//
// Reads one file (text or HTML), splits it into citations, recitals, paragraphs and
// footnotes, finds the entities in each unit and prints one JSON object per resolution,
// one per line (a sitting's "Texts adopted" holds several texts; most files hold one):
//
//     cargo run --release --example segment -- FILE
//
// {"reference", "title", "date", "units": [{"id", "kind", "label", "text", "entities"}]}
// where id is REFERENCE/KIND/LABEL. On error: one line on stderr and exit code 1.

mod common;

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: segment FILE");
        return ExitCode::FAILURE;
    };
    let path = std::path::PathBuf::from(path);
    // `whereas::load` decodes the file (UTF-8, UTF-16, Windows-1252) and picks the text or
    // HTML path; odd input gives units plus warnings, only unusable input is an error.
    let all = match whereas::load_all(&path) {
        Ok(all) => all,
        Err(e) => {
            eprintln!("segment: {}", common::at(&path, &e));
            return ExitCode::FAILURE;
        }
    };
    // Write through a locked stdout so a closed pipe is an error line, not a panic.
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let mut written = Ok(());
    for mut res in all {
        whereas::entity::annotate(&mut res);
        let out = json(&res);
        written = written.and_then(|()| {
            serde_json::to_writer(&mut stdout, &out)
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(stdout))
        });
    }
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}: cannot write JSON: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}

/// One resolution as the JSON object printed.
fn json(res: &whereas::Resolution) -> serde_json::Value {
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
    serde_json::json!({
        "reference": res.reference,
        "title": res.title,
        "date": res.date,
        "units": units,
    })
}
