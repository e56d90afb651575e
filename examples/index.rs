// # Index resolutions
//
// Builds (or updates) an on-disk index from files and folders of resolutions:
//
//     cargo run --release --example index -- --index idx resolutions/ extra.html
//     cargo run --release --example search -- --index idx Jumagulov
//
// usage: index [--plain] [--threads N] --index DIR PATH...
//
// Folders are walked for .txt, .html and .htm files; files named on the command line
// are taken whatever their extension. Each file is segmented (a file may hold several
// texts, such as a sitting's "Texts adopted": each is a resolution of its own), annotated
// with its entities and added; a resolution already in the index (same reference, in
// whatever spelling) is replaced. A file with no resolution in it (a press article, an
// NGO or UN report) is indexed as a plain document, one unit per paragraph
// (`whereas::segment_document`), and counted as such in the summary; --plain takes every
// file that way.
// A file that fails is reported on stderr by name and reason while the rest are
// indexed and committed; the exit code is then non-zero. A progress bar shows on
// stderr when it is a terminal; the summary goes to stdout.
//
// --threads N (default: the machine's cores) sets the parallelism: N - 1 worker threads
// read, segment and annotate files ahead (`whereas::index::pipeline`) while the main
// thread adds them, in the order given, to a writer with N indexing threads.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};
use whereas::index::pipeline::prepare_in_order;
use whereas::index::WriterOptions;
use whereas::Index;

/// Commit after this many files, so a long run keeps its work if interrupted.
const COMMIT_EVERY: usize = 500;

fn usage() -> String {
    "usage: index [--plain] [--threads N] --index DIR PATH...".into()
}

struct Args {
    dir: PathBuf,
    paths: Vec<PathBuf>,
    plain: bool,
    threads: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut dir = None;
    let mut paths = Vec::new();
    let mut plain = false;
    let mut threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let mut it = std::env::args_os().skip(1);
    while let Some(arg) = it.next() {
        match arg.to_str() {
            Some("--index") => {
                dir = Some(PathBuf::from(it.next().ok_or("--index needs a folder")?));
            }
            Some("--plain") => plain = true,
            Some("--threads") => {
                threads = it
                    .next()
                    .and_then(|n| n.to_str()?.parse().ok())
                    .filter(|n| (1..=8).contains(n))
                    .ok_or("--threads needs a number from 1 to 8")?;
            }
            Some("-h" | "--help") => return Err(usage()),
            Some(s) if s.starts_with("--") => {
                return Err(format!("unknown option {s}; {}", usage()))
            }
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    let dir = dir.ok_or_else(usage)?;
    if paths.is_empty() {
        return Err(format!("no PATH given; {}", usage()));
    }
    Ok(Args {
        dir,
        paths,
        plain,
        threads,
    })
}

fn wanted(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["txt", "html", "htm"].contains(&e.to_ascii_lowercase().as_str()))
}

/// Files under `path` (itself if a file), sorted; unreadable folders go to `failed`.
fn collect(path: &Path, files: &mut Vec<PathBuf>, failed: &mut Vec<(PathBuf, String)>) {
    if !path.is_dir() {
        files.push(path.to_path_buf());
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) => {
            failed.push((path.to_path_buf(), e.to_string()));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        if child.is_dir() {
            collect(&child, files, failed);
        } else if wanted(&child) {
            files.push(child);
        }
    }
}

/// Loads, annotates and gives a reference to each of one file's resolutions.
/// One file as a plain document: paragraphs become units.
fn plain_document(path: &Path) -> whereas::Result<whereas::Resolution> {
    let bytes = std::fs::read(path).map_err(|source| whereas::Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = whereas::decode(&bytes)?;
    let html = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let mut document = if html {
        whereas::segment_document(&whereas::html_to_text(&text))?
    } else {
        whereas::segment_document(&text)?
    };
    document.source = Some(path.display().to_string());
    Ok(document)
}

/// The file's resolutions, or the file as one plain document (`plain` forces that),
/// annotated and given references; says whether it was taken as a plain document.
fn prepare(path: &Path, plain: bool) -> whereas::Result<(Vec<whereas::Resolution>, bool)> {
    let loaded = if plain {
        Err(whereas::Error::NoResolution {
            reason: "--plain".into(),
        })
    } else {
        whereas::load_all(path)
    };
    let (mut resolutions, is_plain) = match loaded {
        Ok(resolutions) => (resolutions, false),
        Err(whereas::Error::NoResolution { .. }) => (vec![plain_document(path)?], true),
        Err(e) => return Err(e),
    };
    let several = resolutions.len() > 1;
    for (k, resolution) in resolutions.iter_mut().enumerate() {
        if resolution.reference.is_none() {
            // No reference in the text: fall back on the file name (and the text's
            // place in the file, when it holds several).
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let reference = whereas::normalize_reference(&stem).unwrap_or(stem);
            if !reference.is_empty() {
                resolution.reference = Some(if several {
                    format!("{reference}-{}", k + 1)
                } else {
                    reference
                });
            }
        }
        whereas::entity::annotate(resolution);
    }
    Ok((resolutions, is_plain))
}

/// Commits; on failure abandons the progress bar, reports the folder and the cause,
/// and returns false.
fn commit(writer: &mut whereas::IndexWriter, bar: &ProgressBar, dir: &Path) -> bool {
    match writer.commit() {
        Ok(_) => true,
        Err(e) => {
            bar.abandon();
            eprintln!(
                "index: {}: commit failed: {}",
                dir.display(),
                common::chain(&e)
            );
            false
        }
    }
}

fn main() -> ExitCode {
    let Args {
        dir,
        paths,
        plain,
        threads,
    } = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("index: {message}");
            return ExitCode::from(2);
        }
    };
    let mut files = Vec::new();
    let mut failed: Vec<(PathBuf, String)> = Vec::new();
    for path in &paths {
        if !path.exists() {
            failed.push((path.clone(), "no such file or folder".into()));
            continue;
        }
        collect(path, &mut files, &mut failed);
    }
    for (path, reason) in &failed {
        eprintln!("index: {}: {reason}", path.display());
    }

    let index = match Index::open_or_create(&dir) {
        Ok(index) => index,
        Err(e) => {
            eprintln!("index: {}", common::at(&dir, &e));
            return ExitCode::FAILURE;
        }
    };
    let options = WriterOptions::default()
        .threads(threads)
        .memory(whereas::index::DEFAULT_WRITER_MEMORY.max(threads * 25_000_000));
    let mut writer = match index.writer_with(options) {
        Ok(writer) => writer,
        Err(e) => {
            eprintln!("index: {}: {}", dir.display(), common::chain(&e));
            return ExitCode::FAILURE;
        }
    };

    let bar = ProgressBar::new(files.len() as u64);
    if let Ok(style) = ProgressStyle::with_template(
        "{bar:40} {pos}/{len} files, {elapsed} elapsed, ~{eta} left  {wide_msg}",
    ) {
        bar.set_style(style);
    }
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    let (mut resolutions, mut documents, mut units) = (0usize, 0usize, 0usize);
    let mut done = 0usize;
    let prepared = prepare_in_order(
        &files,
        threads - 1,
        |file| (file, prepare(file, plain)),
        |(file, prepared)| {
            bar.set_message(file.display().to_string());
            let added = prepared.and_then(|(all, is_plain)| {
                let mut added = Vec::with_capacity(all.len());
                for r in all {
                    let n = writer.add(&r)?;
                    added.push((r.reference.unwrap_or_default(), n));
                }
                Ok((added, is_plain))
            });
            match added {
                Ok((added, is_plain)) => {
                    for (reference, n) in added {
                        if let Some(earlier) = seen.insert(reference.clone(), file.clone()) {
                            bar.suspend(|| {
                                eprintln!(
                                    "index: {}: replaces {} (same reference {reference})",
                                    file.display(),
                                    earlier.display()
                                )
                            });
                        } else if is_plain {
                            documents += 1;
                        } else {
                            resolutions += 1;
                        }
                        units += n;
                    }
                }
                Err(e) => {
                    let reason = common::chain(&e);
                    bar.suspend(|| eprintln!("index: {}", common::at(file, &e)));
                    failed.push((file.clone(), reason));
                }
            }
            done += 1;
            if done.is_multiple_of(COMMIT_EVERY) && !commit(&mut writer, &bar, &dir) {
                return Err(());
            }
            bar.inc(1);
            Ok(())
        },
    );
    if prepared.is_err() {
        return ExitCode::FAILURE;
    }
    if !commit(&mut writer, &bar, &dir) {
        return ExitCode::FAILURE;
    }
    bar.finish_and_clear();

    println!(
        "indexed {resolutions} resolution{}{} from {} file{} into {} ({units} units added); \
         the index now holds {} units{}",
        if resolutions == 1 { "" } else { "s" },
        match documents {
            0 => String::new(),
            1 => " and 1 plain document (paragraphs as units)".to_string(),
            n => format!(" and {n} plain documents (paragraphs as units)"),
        },
        files.len(),
        if files.len() == 1 { "" } else { "s" },
        dir.display(),
        index.num_units(),
        if failed.is_empty() {
            String::new()
        } else {
            format!("; {} failed (see stderr)", failed.len())
        }
    );
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
