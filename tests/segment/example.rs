//! Runs `examples/segment.rs` as a program and checks its output, like the examples would
//! be used: one JSON object per resolution on stdout, one per line, or one line on stderr
//! and exit code 1.

use crate::support;

use std::path::PathBuf;
use std::process::Output;

fn run(args: &[&str]) -> Output {
    support::example_command("segment")
        .args(args)
        .output()
        .expect("runs the example")
}

fn manifest(rel: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(rel)
        .display()
        .to_string()
}

#[test]
fn example_prints_one_json_object_for_the_seed() {
    let out = run(&[&manifest("data/TA-9-2021-0056_EN.txt")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(v["reference"], "TA-9-2021-0056");
    assert_eq!(v["date"], "2021-02-11");
    assert!(v["title"].as_str().unwrap().contains("Kazakhstan"));
    let units = v["units"].as_array().unwrap();
    // The title, then 11 citations, 23 recitals, 27 paragraphs and 5 footnotes.
    assert_eq!(units.len(), 1 + 11 + 23 + 27 + 5);
    assert_eq!(units[0]["id"], "TA-9-2021-0056/title/1");
    assert_eq!(units[0]["text"], v["title"]);
    assert_eq!(units[1]["id"], "TA-9-2021-0056/citation/1");
    assert_eq!(units[12]["id"], "TA-9-2021-0056/recital/A");
    assert_eq!(units[12]["kind"], "recital");
    assert!(units
        .iter()
        .all(|u| u["entities"].is_array() && u["text"].is_string()));
}

#[test]
fn example_prints_one_line_per_text() {
    let out = run(&[&manifest("tests/data/documents/three_texts.txt")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let refs: Vec<String> = stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON object a line");
            v["reference"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(refs, ["TA-9-2021-0056", "B-9-2020-0220", "RC-10-2025-0249"]);
    let seed = run(&[&manifest("data/TA-9-2021-0056_EN.txt")]);
    assert_eq!(String::from_utf8(seed.stdout).unwrap().lines().count(), 1);
}

#[test]
fn example_fails_in_one_line_on_bad_input() {
    for file in [
        "tests/data/segment/binary.bin",
        "tests/data/segment/does_not_exist.txt",
        "Cargo.toml",
    ] {
        let out = run(&[&manifest(file)]);
        assert_eq!(out.status.code(), Some(1), "{file}");
        assert!(out.stdout.is_empty(), "{file}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{file}: {err}");
        assert!(!err.contains("panicked"), "{file}: {err}");
    }
}
