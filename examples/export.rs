// # Export units as NDJSON
//
// Writes one JSON object per unit, holding the terms the whereas index holds, field by
// field, for a distributed engine (Quickwit, Elasticsearch, OpenSearch); the index
// configurations are docs/scale/quickwit-index.yaml and docs/scale/elasticsearch-index.json,
// described in docs/scaling.md.
//
//     cargo run --release --example export -- FILE... > units.ndjson
//
// Without FILE, exports the bundled resolution (TA-9-2021-0056). A file that cannot be
// read or segmented is reported on stderr by name and reason; the others are exported
// and the exit code is non-zero.

mod common;

use std::io::Write;
use std::process::ExitCode;

use whereas::index::export::write_ndjson;

const SEED: &str = include_str!("../data/TA-9-2021-0056_EN.txt");

fn main() -> ExitCode {
    let paths: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    let mut resolutions = Vec::new();
    let mut failed = false;
    if paths.is_empty() {
        match whereas::segment(SEED) {
            Ok(mut r) => {
                r.reference.get_or_insert_with(|| "TA-9-2021-0056".into());
                resolutions.push(r);
            }
            Err(e) => {
                eprintln!("export: bundled resolution: {}", common::chain(&e));
                return ExitCode::FAILURE;
            }
        }
    }
    for path in &paths {
        match whereas::load(path) {
            Ok(r) if r.reference.is_some() => resolutions.push(r),
            Ok(_) => {
                eprintln!("export: {}: no reference found in the text", path.display());
                failed = true;
            }
            Err(e) => {
                eprintln!("export: {}", common::at(path, &e));
                failed = true;
            }
        }
    }
    for r in &mut resolutions {
        whereas::entity::annotate(r);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match write_ndjson(&resolutions, &mut out).and_then(|n| {
        out.flush().map_err(|source| whereas::Error::Io {
            path: "<stdout>".into(),
            source,
        })?;
        Ok(n)
    }) {
        Ok(n) => eprintln!("export: {n} units from {} resolutions", resolutions.len()),
        Err(e) => {
            eprintln!("export: {}", common::chain(&e));
            return ExitCode::FAILURE;
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
