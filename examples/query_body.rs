// # A query as an Elasticsearch or Quickwit request body
//
// Prints the JSON body `whereas::scale` builds for a query, so that a client in any
// language can get it from the command line (docs/scaling.md, "Queries"):
//
//     cargo run --example query_body -- --engine es|quickwit [OPTIONS] QUERY
//
// Options: --kind KIND (repeatable), --resolution REF, --facet PATH, --from DATE,
// --to DATE, --count ROOT[:N] (facet counts, N = 10 by default), --limit N,
// --offset N; --probes prints the probe bodies instead (one JSON line each:
// `{"word", "kind", "body"}`), and --counts N,N,… gives their totals, in order, for
// the body that follows from them (the fuzzy fallback, prose-only words).
//
// Without --counts the body takes every query word for an indexed name.

mod common;

use std::io::Write;
use std::process::ExitCode;

use serde_json::json;
use whereas::scale::{Engine, Translation};
use whereas::{SearchRequest, UnitKind};

const USAGE: &str = "usage: query_body --engine es|quickwit [--kind KIND]... [--resolution REF] \
                     [--facet PATH]... [--from DATE] [--to DATE] [--count ROOT[:N]]... \
                     [--limit N] [--offset N] [--probes | --counts N,N,...] QUERY";

fn usage(reason: &str) -> ExitCode {
    eprintln!("query_body: {reason}\n{USAGE}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut engine = None;
    let mut query: Option<String> = None;
    let mut request_steps: Vec<(String, String)> = Vec::new();
    let mut probes = false;
    let mut counts: Option<Vec<u64>> = None;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        let step = match arg.as_str() {
            "--engine" => match value("--engine").as_deref() {
                Ok("es" | "elasticsearch" | "opensearch") => {
                    engine = Some(Engine::Elasticsearch);
                    continue;
                }
                Ok("quickwit" | "qw") => {
                    engine = Some(Engine::Quickwit);
                    continue;
                }
                Ok(other) => return usage(&format!("unknown engine {other:?}")),
                Err(e) => return usage(e),
            },
            "--probes" => {
                probes = true;
                continue;
            }
            "--counts" => match value("--counts") {
                Ok(v) => {
                    let parsed: Result<Vec<u64>, _> =
                        v.split(',').map(|n| n.trim().parse::<u64>()).collect();
                    match parsed {
                        Ok(c) => counts = Some(c),
                        Err(_) => return usage(&format!("bad --counts {v:?}")),
                    }
                    continue;
                }
                Err(e) => return usage(&e),
            },
            "--kind" | "--resolution" | "--facet" | "--from" | "--to" | "--count" | "--limit"
            | "--offset" => match value(&arg) {
                Ok(v) => (arg.clone(), v),
                Err(e) => return usage(&e),
            },
            other if other.starts_with("--") => return usage(&format!("unknown option {other}")),
            _ => {
                if query.replace(arg).is_some() {
                    return usage("one QUERY (quote a query of several words)");
                }
                continue;
            }
        };
        request_steps.push(step);
    }
    let Some(engine) = engine else {
        return usage("--engine es|quickwit is required");
    };
    let Some(query) = query else {
        return usage("no QUERY");
    };
    let mut request = SearchRequest::new(query);
    for (option, value) in request_steps {
        request = match option.as_str() {
            "--kind" => match UnitKind::parse(&value) {
                Some(kind) => request.kind(kind),
                None => return usage(&format!("unknown kind {value:?}")),
            },
            "--resolution" => request.resolution(value),
            "--facet" => request.facet(value),
            "--from" => request.date_from(value),
            "--to" => request.date_to(value),
            "--count" => {
                let (root, top) = match value.rsplit_once(':') {
                    Some((root, n)) => match n.parse() {
                        Ok(n) => (root.to_string(), n),
                        Err(_) => return usage(&format!("bad --count {value:?}")),
                    },
                    None => (value, 10),
                };
                request.facet_counts(root, top)
            }
            "--limit" | "--offset" => match value.parse::<usize>() {
                Ok(n) if option == "--limit" => request.limit(n),
                Ok(n) => request.offset(n),
                Err(_) => return usage(&format!("bad {option} {value:?}")),
            },
            _ => request,
        };
    }
    let translation = match Translation::new(&request, engine) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("query_body: {}", common::chain(&e));
            return ExitCode::FAILURE;
        }
    };
    if probes {
        for probe in translation.probes() {
            let kind = format!("{:?}", probe.kind);
            println!(
                "{}",
                json!({ "word": probe.word, "kind": kind, "body": probe.body })
            );
        }
        return ExitCode::SUCCESS;
    }
    let body = match counts {
        Some(counts) => match translation.body_with_counts(&counts) {
            Ok(body) => body,
            Err(e) => {
                eprintln!("query_body: {}", common::chain(&e));
                return ExitCode::FAILURE;
            }
        },
        None => translation.body(),
    };
    match serde_json::to_string_pretty(&body) {
        Ok(text) => print(&text),
        Err(e) => {
            eprintln!("query_body: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Writes `text` and a newline to stdout; a closed pipe (`| head`) is no error.
fn print(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("query_body: <stdout>: {e}");
            ExitCode::FAILURE
        }
    }
}
