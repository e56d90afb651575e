// # Search resolutions
//
// Ranked recitals, paragraphs, citations and footnotes for a query that mixes words and
// names in any spelling:
//
//     cargo run --release --example search -- Jumagulov
//     cargo run --release --example search -- --kind recital "torture Zhumagulov"
//     cargo run --release --example search -- --index idx --json 'person:Bokayev'
//     cargo run --release --example search -- --name 'САГИНТАЕВ Бакытжан'
//
// usage: search [--index DIR] [--limit N] [--offset N] [--kind KIND] [--facet PATH]...
//               [--count ROOT]... [--sort ORDER] [--after CURSOR] [--json] [--name] [--timings] QUERY
//
// --sort orders the hits by `relevance` (the default), `newest`, `oldest` or `document`
// (document order); --after CURSOR shows the hits after the one whose cursor it is (the
// readable output ends with the `--after` for the next page).
//
// --name looks a person up: QUERY is a name (any script, spelling and word order),
// searched with `SearchRequest::name`, which drops hits far below the best (people who
// share only a given name). Without it QUERY is a query and no hit is dropped.
//
// Without --index, an in-RAM index of the bundled resolution (TA-9-2021-0056) is built
// and searched. QUERY `-` reads one query a line from stdin. --facet keeps units under a
// facet (`/person/Max Bokayev`); --count adds facet counts (default: /kind, /person,
// /org, /place, /law). With --json each query prints one line:
// {"query", "total", "total_exact", "hits": [{"id", "reference", "kind", "label", "score",
// "text", "snippet", "entities", …}], "facets": {…}}. "total_exact" tells whether "total"
// counts every match (see `SearchRequest::total_up_to`); with facet counts, as here, it
// does. Errors are one line on stderr and a non-zero exit. With QUERY `-`, every input
// line gets exactly one output line with --json (an {"query", "error"} object for a
// query that fails or a blank line), so answers line up with questions. --timings prints
// to stderr, at the end, the median, p90 and slowest time of the `Index::search` calls
// (opening the index and printing excluded): with QUERY `-`, the latency of a query mix.

mod common;

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use whereas::search::Sort;
use whereas::{Index, SearchRequest, UnitKind};

/// Entities listed under a hit in the readable output.
const MAX_ENTITIES_SHOWN: usize = 6;
const DEFAULT_COUNTS: [&str; 5] = ["/kind", "/person", "/org", "/place", "/law"];

struct Args {
    index: Option<String>,
    limit: usize,
    offset: usize,
    kinds: Vec<UnitKind>,
    facets: Vec<String>,
    counts: Vec<String>,
    sort: Sort,
    after: Option<String>,
    json: bool,
    timings: bool,
    name: bool,
    query: String,
}

fn usage() -> String {
    "usage: search [--index DIR] [--limit N] [--offset N] [--kind KIND] [--facet PATH]... \
     [--count ROOT]... [--sort relevance|newest|oldest|document] [--after CURSOR] [--json] \
     [--name] [--timings] QUERY"
        .into()
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        index: None,
        limit: 10,
        offset: 0,
        kinds: Vec::new(),
        facets: Vec::new(),
        counts: Vec::new(),
        sort: Sort::Relevance,
        after: None,
        json: false,
        timings: false,
        name: false,
        query: String::new(),
    };
    let mut query = None;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--index" => args.index = Some(value("--index")?),
            "--limit" => args.limit = number(&value("--limit")?, "--limit")?,
            "--offset" => args.offset = number(&value("--offset")?, "--offset")?,
            "--kind" => {
                let v = value("--kind")?;
                args.kinds
                    .push(v.parse().map_err(|e| format!("--kind: {e}"))?);
            }
            "--sort" => {
                args.sort = match value("--sort")?.as_str() {
                    "relevance" => Sort::Relevance,
                    "newest" => Sort::Newest,
                    "oldest" => Sort::Oldest,
                    "document" => Sort::DocumentOrder,
                    other => {
                        return Err(format!(
                            "--sort takes relevance, newest, oldest or document, not {other:?}"
                        ))
                    }
                }
            }
            "--after" => args.after = Some(value("--after")?),
            "--facet" => args.facets.push(value("--facet")?),
            "--count" => args.counts.push(value("--count")?),
            "--json" => args.json = true,
            "--timings" => args.timings = true,
            "--name" => args.name = true,
            "-h" | "--help" => return Err(usage()),
            "--" => {
                query = it.next();
                break;
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}; {}", usage())),
            _ if query.is_none() => query = Some(arg),
            _ => return Err(format!("one QUERY only (quote it); {}", usage())),
        }
    }
    args.query = query.ok_or_else(usage)?;
    if args.counts.is_empty() {
        args.counts = DEFAULT_COUNTS.iter().map(|s| s.to_string()).collect();
    }
    Ok(args)
}

fn number(s: &str, name: &str) -> Result<usize, String> {
    s.parse()
        .map_err(|_| format!("{name} takes a number, not {s:?}"))
}

fn open(args: &Args) -> whereas::Result<Index> {
    match &args.index {
        Some(dir) => Index::open(dir),
        None => Index::from_resolutions([&whereas::bundled::kazakhstan_2021()?]),
    }
}

fn request(args: &Args, query: &str) -> SearchRequest {
    let r = if args.name {
        SearchRequest::name(query)
    } else {
        SearchRequest::new(query)
    };
    let mut r = r.limit(args.limit).offset(args.offset).sort(args.sort);
    if let Some(cursor) = &args.after {
        r = r.search_after(cursor.clone());
    }
    for k in &args.kinds {
        r = r.kind(*k);
    }
    for f in &args.facets {
        r = r.facet(f.clone());
    }
    for c in &args.counts {
        r = r.facet_counts(c.clone(), 10);
    }
    r
}

/// A snippet for a terminal: bold where the HTML had <b>, entities unescaped.
fn plain(snippet: &str, bold: bool) -> String {
    let (on, off) = if bold {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    snippet
        .replace("<b>", on)
        .replace("</b>", off)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

fn print_readable(
    out: &mut impl Write,
    query: &str,
    args: &Args,
    results: &whereas::SearchResults,
    bold: bool,
) -> std::io::Result<()> {
    let shown = results.hits.len();
    writeln!(
        out,
        "{}{} unit{} match {query:?}{}",
        if results.total_exact { "" } else { "at least " },
        results.total,
        if results.total == 1 { "" } else { "s" },
        if shown == 0 {
            String::new()
        } else {
            format!(" (showing {}–{})", args.offset + 1, args.offset + shown)
        }
    )?;
    for (i, hit) in results.hits.iter().enumerate() {
        writeln!(
            out,
            "\n{:>3}. {} {}  {}  score {:.2}",
            args.offset + i + 1,
            hit.kind,
            hit.label,
            hit.id,
            hit.score
        )?;
        writeln!(out, "     {}", plain(&hit.snippet, bold))?;
        // Entities holding a matched word first, then people, then the rest.
        let mut entities: Vec<&whereas::Entity> = hit.entities.iter().collect();
        entities.sort_by_key(|e| {
            let matched = hit
                .highlights
                .iter()
                .any(|h| h.start < e.end && e.start < h.end);
            (!matched, e.kind != whereas::EntityKind::Person)
        });
        let mut names: Vec<String> = Vec::new();
        for e in entities {
            let name = format!("{} ({})", e.normalized, e.kind);
            if !names.contains(&name) {
                names.push(name);
            }
        }
        if !names.is_empty() {
            let more = names.len().saturating_sub(MAX_ENTITIES_SHOWN);
            names.truncate(MAX_ENTITIES_SHOWN);
            let more = if more > 0 {
                format!(" … and {more} more")
            } else {
                String::new()
            };
            writeln!(out, "     entities: {}{more}", names.join(", "))?;
        }
    }
    if let Some(last) = results.hits.last() {
        if shown == args.limit && results.total > shown {
            writeln!(out, "\nnext page: --after '{}'", last.cursor)?;
        }
    }
    for (root, counts) in &results.facets {
        if counts.is_empty() {
            continue;
        }
        let line: Vec<String> = counts
            .iter()
            .map(|c| {
                format!(
                    "{} ({})",
                    c.path
                        .trim_start_matches(root.as_str())
                        .trim_start_matches('/'),
                    c.count
                )
            })
            .collect();
        writeln!(out, "\n{root}: {}", line.join(", "))?;
    }
    Ok(())
}

fn run(args: &Args) -> Result<bool, String> {
    let index = open(args).map_err(|e| common::chain(&e))?;
    let queries: Vec<String> = if args.query == "-" {
        std::io::stdin()
            .lock()
            .lines()
            .collect::<Result<_, _>>()
            .map_err(|e| format!("cannot read stdin: {e}"))?
    } else {
        vec![args.query.clone()]
    };
    let stdout = std::io::stdout();
    let bold = stdout.is_terminal();
    let mut out = stdout.lock();
    let mut all_ok = true;
    let from_stdin = args.query == "-";
    let mut took: Vec<Duration> = Vec::with_capacity(queries.len());
    for query in &queries {
        if from_stdin && query.trim().is_empty() {
            // A blank line asks nothing; its answer says so, in its place.
            let written = if args.json {
                writeln!(out, "{}", error_line(query, "empty query"))
            } else {
                writeln!(out, "search: empty query")
            };
            written.map_err(|e| format!("cannot write: {e}"))?;
            continue;
        }
        let request = request(args, query);
        let started = Instant::now();
        let searched = index.search(&request);
        took.push(started.elapsed());
        match searched {
            Ok(results) => {
                let written = if args.json {
                    writeln!(out, "{}", results.to_json_line(query))
                } else {
                    print_readable(&mut out, query, args, &results, bold)
                };
                written.map_err(|e| format!("cannot write: {e}"))?;
            }
            Err(e) => {
                let message = common::chain(&e);
                eprintln!("search: {query:?}: {message}");
                if from_stdin {
                    // One answer per question: the error takes the query's line.
                    let written = if args.json {
                        writeln!(out, "{}", error_line(query, &message))
                    } else {
                        writeln!(out, "search: {query:?}: {message}")
                    };
                    written.map_err(|e| format!("cannot write: {e}"))?;
                }
                all_ok = false;
            }
        }
    }
    if args.timings && !took.is_empty() {
        took.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let at = |q: f64| took[((took.len() - 1) as f64 * q).round() as usize];
        eprintln!(
            "search: {} quer{}: median {:.2} ms, p90 {:.2} ms, max {:.2} ms \
             (Index::search only; opening the index and printing excluded)",
            took.len(),
            if took.len() == 1 { "y" } else { "ies" },
            ms(at(0.5)),
            ms(at(0.9)),
            ms(took[took.len() - 1]),
        );
    }
    Ok(all_ok)
}

/// The JSON line of a query that has no results: `{"query": …, "error": …}`.
fn error_line(query: &str, message: &str) -> String {
    serde_json::json!({ "query": query, "error": message }).to_string()
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("search: {message}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("search: {message}");
            ExitCode::FAILURE
        }
    }
}
