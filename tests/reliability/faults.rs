//! Reliability under faults: a writer killed mid-way, a batch with bad files, readers
//! during commits, two writers on one index.
//!
//! The killed-writer tests re-run this test binary as a child process (the environment
//! variable [`CHILD`] tells it to act as the writer), kill it with SIGKILL and reopen the
//! index in the parent.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use whereas::{Error, Index, Resolution, SearchRequest};

/// Set in the child: the index folder to write. Its value's prefix names the role.
const CHILD: &str = "WHEREAS_RELIABILITY_CHILD";

/// Units in each generated resolution.
const UNITS: usize = 3;

/// Resolution `n`: three units mentioning a word unique to it.
fn resolution(n: usize) -> Resolution {
    let text = format!(
        "A. whereas the defender batch{n}x was detained after harassment;\n\n\
         B. whereas the court in batch{n}x refused bail despite harassment;\n\n\
         1. Calls for an end to the harassment of batch{n}x.\n"
    );
    let res = whereas::Segmenter::new()
        .reference(reference(n))
        .segment(&text)
        .unwrap();
    assert_eq!(res.units.len(), UNITS);
    res
}

fn reference(n: usize) -> String {
    format!("TEST-{n}")
}

/// Units of resolution `n` visible in `index`.
fn units_of(index: &Index, n: usize) -> usize {
    index
        .search(&SearchRequest::new("").resolution(reference(n)).limit(0))
        .unwrap()
        .total
}

/// Runs this very test in a child process with `CHILD=role:dir`; its stdout is piped.
/// `test` is the test function's name; the harness knows it by its path in this binary
/// (`faults::<name>`), which `--exact` needs.
fn spawn_child(test: &str, role: &str, dir: &Path) -> Child {
    let module = module_path!()
        .split_once("::")
        .map_or("", |(_crate, module)| module);
    let test = format!("{module}::{test}");
    Command::new(std::env::current_exe().unwrap())
        .args([test.as_str(), "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, format!("{role}:{}", dir.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap()
}

/// In the child: `Some((role, dir))` when this process is the child.
fn child_role() -> Option<(String, PathBuf)> {
    let value = std::env::var(CHILD).ok()?;
    let (role, dir) = value.split_once(':')?;
    Some((role.to_string(), PathBuf::from(dir)))
}

/// Tells the parent something, one line at a time. The test harness prints its own lines
/// too, so the parent only reads lines that start with `@`.
fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    writeln!(out, "@{line}").unwrap();
    out.flush().unwrap();
}

/// The child's writer: commits resolutions 1..=3, says so after each commit, then keeps
/// adding (`adding` role: never commits again; `committing` role: commits in a loop,
/// saying `begin n` before and `done n` after each commit) until it is killed.
fn run_child(role: &str, dir: &Path) -> ! {
    let index = Index::open_or_create(dir).unwrap();
    let mut writer = index.writer().unwrap();
    for n in 1..=3 {
        writer.add(&resolution(n)).unwrap();
        writer.commit().unwrap();
        say(&format!("done {n}"));
    }
    say("ready");
    let mut n = 3;
    loop {
        n += 1;
        writer.add(&resolution(n)).unwrap();
        if n % 100 == 0 {
            say(&format!("added {n}"));
        }
        if role == "committing" {
            say(&format!("begin {n}"));
            writer.commit().unwrap();
            say(&format!("done {n}"));
        }
        // Adding only: tantivy flushes uncommitted segments to disk as its memory fills.
    }
}

/// Reads the child's `@` lines until `stop` returns true; returns every line read.
fn read_until(
    lines: &mut impl Iterator<Item = String>,
    stop: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut seen = Vec::new();
    for line in lines {
        if let Some(msg) = line.strip_prefix('@') {
            seen.push(msg.to_string());
            if stop(msg) {
                return seen;
            }
        }
    }
    panic!("child ended before {seen:?} reached the expected line");
}

fn child_lines(child: &mut Child) -> impl Iterator<Item = String> {
    BufReader::new(child.stdout.take().unwrap())
        .lines()
        .map_while(Result::ok)
}

/// Kills the child with SIGKILL and reaps it, then checks it really died of the signal.
fn kill(mut child: Child) {
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "child was not killed: {status:?}");
}

/// The last number `n` with a `done n` line, and the last with a `begin n` line.
fn last(lines: &[String], word: &str) -> usize {
    lines
        .iter()
        .filter_map(|l| l.strip_prefix(word)?.trim().parse().ok())
        .max()
        .unwrap_or(0)
}

/// After a crash: the index opens, holds exactly resolutions `1..=k` for one `k` in
/// `committed..=maybe`, each complete, answers searches, and takes a new writer.
fn check_after_crash(dir: &Path, committed: usize, maybe: usize) {
    let index = Index::open(dir).expect("index opens after the writer was killed");
    let k = (1..=maybe + 1)
        .take_while(|&n| units_of(&index, n) > 0)
        .count();
    assert!(
        (committed..=maybe).contains(&k),
        "index holds resolutions 1..={k}, expected the last commit ({committed}..={maybe})"
    );
    for n in 1..=k {
        assert_eq!(units_of(&index, n), UNITS, "resolution {n} is incomplete");
    }
    assert_eq!(index.num_units(), k * UNITS, "stray units in the index");
    let hits = index
        .search(&SearchRequest::new(format!("text:batch{k}x")))
        .unwrap();
    assert_eq!(hits.total, UNITS, "search for the last commit's word");
    let next = SearchRequest::new(format!("text:batch{}x", k + 1));
    assert_eq!(
        index.search(&next).unwrap().total,
        0,
        "uncommitted units visible"
    );
    let all = index
        .search(&SearchRequest::new("harassment").limit(0))
        .unwrap();
    assert_eq!(all.total, k * UNITS);

    // The lock died with the child: a new writer works, and commits on top.
    let mut writer = index.writer().expect("writer after the crash");
    writer.add(&resolution(1000)).unwrap();
    writer.commit().unwrap();
    assert_eq!(index.num_units(), (k + 1) * UNITS);
    drop(writer);
    let reopened = Index::open(dir).unwrap();
    assert_eq!(reopened.num_units(), (k + 1) * UNITS);
}

#[test]
fn a_writer_killed_while_adding_leaves_the_last_commit() {
    if let Some((role, dir)) = child_role() {
        run_child(&role, &dir);
    }
    let dir = tempfile::tempdir().unwrap();
    let mut child = spawn_child(
        "a_writer_killed_while_adding_leaves_the_last_commit",
        "adding",
        dir.path(),
    );
    let mut lines = child_lines(&mut child);
    let seen = read_until(&mut lines, |l| l == "ready");
    assert_eq!(last(&seen, "done "), 3);

    // While the child holds the lock, a second writer is refused clearly.
    let index = Index::open(dir.path()).unwrap();
    match index.writer() {
        Err(Error::Locked { .. }) => {}
        other => panic!("second writer across processes: expected Locked, got {other:?}"),
    }
    // Let the child add a few hundred resolutions it never commits.
    read_until(&mut lines, |l| l == "added 300");
    kill(child);
    drop(index);
    check_after_crash(dir.path(), 3, 3);
}

#[test]
fn a_writer_killed_while_committing_leaves_a_whole_commit() {
    if let Some((role, dir)) = child_role() {
        run_child(&role, &dir);
    }
    let dir = tempfile::tempdir().unwrap();
    let mut child = spawn_child(
        "a_writer_killed_while_committing_leaves_a_whole_commit",
        "committing",
        dir.path(),
    );
    let mut lines = child_lines(&mut child);
    // While the child commits, a reader in this process keeps answering and sees whole
    // commits only.
    let mut seen = read_until(&mut lines, |l| l == "ready");
    let reader = Index::open(dir.path()).unwrap();
    let mut last_total = 0;
    for _ in 0..3 {
        seen.extend(read_until(&mut lines, |l| l.starts_with("done ")));
        reader.reload().unwrap();
        let total = reader
            .search(&SearchRequest::new("harassment").limit(3))
            .expect("search while another process commits")
            .total;
        assert_eq!(total % UNITS, 0, "half a commit visible: {total}");
        assert!(total >= last_total && total >= 3 * UNITS, "{total}");
        last_total = total;
    }
    // Kill it in the middle of its commit loop, right after it announces a commit.
    seen.extend(read_until(&mut lines, |l| l == "begin 9"));
    kill(child);
    seen.extend(lines.filter_map(|l| l.strip_prefix('@').map(str::to_string)));
    let (done, begun) = (last(&seen, "done "), last(&seen, "begin "));
    assert!(done >= 8, "{seen:?}");
    check_after_crash(dir.path(), done, begun.max(done));
}

#[test]
fn two_writers_on_one_index_second_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    let mut first = index.writer().unwrap();
    match index.writer() {
        Err(e @ Error::Locked { .. }) => {
            let message = e.to_string();
            assert!(message.contains("lock"), "{message}");
        }
        other => panic!("second writer on one handle: expected Locked, got {other:?}"),
    }
    let other_handle = Index::open(dir.path()).unwrap();
    assert!(matches!(other_handle.writer(), Err(Error::Locked { .. })));
    // The first writer is unharmed, and the lock is free once it is dropped.
    first.add(&resolution(1)).unwrap();
    first.commit().unwrap();
    drop(first);
    let mut second = other_handle.writer().unwrap();
    second.add(&resolution(2)).unwrap();
    second.commit().unwrap();
    other_handle.reload().unwrap();
    assert_eq!(other_handle.num_units(), 2 * UNITS);
}

#[test]
fn readers_keep_answering_while_a_writer_commits() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    let reader = Index::open(dir.path()).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let writer_thread = {
        let stop = Arc::clone(&stop);
        let mut writer = index.writer().unwrap();
        std::thread::spawn(move || {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) && n < 40 {
                n += 1;
                writer.add(&resolution(n)).unwrap();
                writer.commit().unwrap();
            }
            n
        })
    };
    let mut last_total = 0;
    let mut searches = 0;
    while !writer_thread.is_finished() {
        reader.reload().unwrap();
        for handle in [&reader, &index] {
            let total = handle
                .search(&SearchRequest::new("harassment").limit(5))
                .expect("search during commits")
                .total;
            // A commit is seen whole or not at all.
            assert_eq!(total % UNITS, 0, "half a commit visible: {total}");
            searches += 1;
            if std::ptr::eq(handle, &reader) {
                assert!(
                    total >= last_total,
                    "went back from {last_total} to {total}"
                );
                last_total = total;
            }
        }
    }
    stop.store(true, Ordering::Relaxed);
    let n = writer_thread.join().unwrap();
    reader.reload().unwrap();
    assert_eq!(reader.num_units(), n * UNITS);
    assert!(searches > 0);
}

#[test]
fn a_batch_with_bad_files_indexes_the_others() {
    let files = tempfile::tempdir().unwrap();
    let good = |n: usize| {
        format!("A. whereas the defender batch{n}x was detained;\n\n1. Calls for batch{n}x.\n")
    };
    let inputs: Vec<(&str, Vec<u8>)> = vec![
        ("01-good.txt", good(1).into_bytes()),
        ("02-binary.pdf", b"%PDF-1.4\n\x00\x01\x02".to_vec()),
        ("03-empty.txt", Vec::new()),
        ("04-latin1.txt", {
            let mut b = good(4).into_bytes();
            b.extend_from_slice(b"\n2. Caf\xE9 owners too.\n");
            b
        }),
        (
            "05-novel.txt",
            b"Call me Ishmael. Some years ago.\n".repeat(100),
        ),
        (
            "06-good.html",
            format!("<p>{}</p>", good(6).replace("\n\n", "</p><p>")).into_bytes(),
        ),
    ];
    for (name, bytes) in &inputs {
        std::fs::write(files.path().join(name), bytes).unwrap();
    }
    let index_dir = tempfile::tempdir().unwrap();
    let index = Index::create(index_dir.path()).unwrap();
    let mut writer = index.writer().unwrap();
    let mut failed = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(files.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in &paths {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let outcome = whereas::load(path).and_then(|mut res| {
            whereas::entity::annotate(&mut res);
            res.reference.get_or_insert(stem);
            writer.add(&res)
        });
        if let Err(e) = outcome {
            failed.push((path.file_name().unwrap().to_string_lossy().into_owned(), e));
        }
    }
    // A resolution without a reference is refused without harming the writer.
    let mut unreferenced = resolution(99);
    unreferenced.reference = None;
    assert!(matches!(
        writer.add(&unreferenced),
        Err(Error::InvalidArgument(_))
    ));
    writer.commit().unwrap();

    let names: Vec<&str> = failed.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["02-binary.pdf", "03-empty.txt", "05-novel.txt"],
        "{failed:?}"
    );
    assert!(matches!(failed[0].1, Error::NotText { offset: 9, .. }));
    assert!(failed[0].1.to_string().contains("02-binary.pdf"));
    assert!(matches!(failed[1].1, Error::NoResolution { .. }));
    for n in [1, 4, 6] {
        let total = index
            .search(&SearchRequest::new(format!("text:batch{n}x")))
            .unwrap()
            .total;
        assert!(total >= 2, "file {n} not indexed");
    }
    let none = SearchRequest::new("text:batch99x");
    assert_eq!(index.search(&none).unwrap().total, 0);
    // Exactly the three good files: 2 + 3 + 2 units.
    assert_eq!(index.num_units(), 7);
}
