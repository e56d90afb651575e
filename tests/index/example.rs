//! The `index` example end to end: a good file is indexed and committed, a bad one is
//! reported by name and reason, the exit code says something failed.

use crate::support;

use whereas::{Index, SearchRequest};

#[test]
fn index_example_keeps_going_past_a_bad_file() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::write(input.join("sub/seed.txt"), support::SEED).unwrap();
    std::fs::write(input.join("broken.txt"), b"\x00\x01\x02 binary").unwrap();
    std::fs::write(input.join("ignored.pdf"), b"%PDF").unwrap();
    let dir = tmp.path().join("idx");

    let out = support::example_command("index")
        .arg("--index")
        .arg(&dir)
        .arg(&input)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "a failed file makes the exit non-zero"
    );
    assert!(stderr.contains("broken.txt"), "{stderr}");
    assert!(!stderr.contains("ignored.pdf"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stdout.contains("indexed 1 resolution from 2 files"),
        "{stdout}"
    );

    // The good file was committed.
    let index = Index::open(&dir).unwrap();
    assert!(index.num_units() > 50);
    let results = index.search(&SearchRequest::new("Jumagulov")).unwrap();
    assert!(results.total >= 2);

    // A bad index folder is one line on stderr and a non-zero exit.
    let file = tmp.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let out = support::example_command("index")
        .arg("--index")
        .arg(&file)
        .arg(input.join("sub/seed.txt"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
}

#[test]
fn index_example_adds_each_text_of_a_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("idx");
    let file = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/documents/three_texts.txt");
    let out = support::example_command("index")
        .arg("--index")
        .arg(&dir)
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("indexed 3 resolutions from 1 file"),
        "{stdout}"
    );
    let index = Index::open(&dir).unwrap();
    for reference in ["TA-9-2021-0056", "B-9-2020-0220", "RC-10-2025-0249"] {
        let request = SearchRequest::new("").resolution(reference).limit(0);
        assert!(index.search(&request).unwrap().total > 0, "{reference}");
    }
}

#[test]
fn index_example_takes_a_press_article_as_a_plain_document() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("seed.txt"), support::SEED).unwrap();
    std::fs::write(
        input.join("press-2021-02-10.txt"),
        "Kazakh activist sentenced\n\n\
         The activist Almat Zhumagulov was sentenced to six years in prison.\n\n\
         Rights groups called for the release of Jumagulov and others.\n",
    )
    .unwrap();
    let dir = tmp.path().join("idx");
    let out = support::example_command("index")
        .arg("--index")
        .arg(&dir)
        .arg(&input)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("indexed 1 resolution and 1 plain document"),
        "{stdout}"
    );
    let index = Index::open(&dir).unwrap();
    // The article's paragraphs are units, found through the name channels.
    let results = index
        .search(
            &SearchRequest::new("Жумагулов")
                .resolution("press-2021-02-10")
                .limit(10),
        )
        .unwrap();
    let ids: Vec<&str> = results.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(
        ids.len(),
        2,
        "both paragraphs name him, in two spellings: {ids:?}"
    );
    assert!(ids
        .iter()
        .all(|id| id.starts_with("press-2021-02-10/paragraph/")));
    let unit = index.unit("press-2021-02-10/paragraph/1").unwrap().unwrap();
    assert!(unit
        .entities
        .iter()
        .any(|e| e.kind == whereas::EntityKind::Person && e.text == "Almat Zhumagulov"));
}

#[test]
fn query_body_example_prints_each_engines_body() {
    let run = |args: &[&str]| {
        let out = support::example_command("query_body")
            .args(args)
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).to_string(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    let (ok, stdout, stderr) = run(&[
        "--engine",
        "es",
        "Zhumagulov",
        "--kind",
        "recital",
        "--count",
        "/person",
    ]);
    assert!(ok, "{stderr}");
    let es: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON body");
    assert!(
        es["query"]["bool"]["must"][0].get("dis_max").is_some(),
        "{es}"
    );
    assert_eq!(
        es["query"]["bool"]["filter"][0]["term"]["kind"]["value"],
        "recital"
    );
    assert_eq!(es["aggs"]["/person"]["terms"]["size"], 10);
    // The same query for Quickwit: no dis_max, the same keys.
    let (ok, stdout, stderr) = run(&["--engine", "quickwit", "Zhumagulov"]);
    assert!(ok, "{stderr}");
    assert!(
        !stdout.contains("dis_max") && stdout.contains("\"jumagulov\""),
        "{stdout}"
    );
    // Probes, one JSON line each; their totals give the body with the fuzzy fallback.
    let (ok, stdout, _) = run(&["--engine", "quickwit", "--probes", "Jumagulof"]);
    assert!(ok);
    let probes: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(probes[0]["kind"], "TranslitKeys");
    let zeros = vec!["0"; probes.len()].join(",");
    let (ok, stdout, _) = run(&["--engine", "quickwit", "--counts", &zeros, "Jumagulof"]);
    assert!(ok && stdout.contains("\"jumagulov\""), "{stdout}");
    // Bad input: a message and a non-zero exit, never a panic.
    for args in [
        &["--engine", "solr", "x"][..],
        &["x"][..],
        &["--engine", "es", "tortur*"][..],
        &["--engine", "es", "--counts", "1,2", "Jumagulof"][..],
    ] {
        let (ok, _, stderr) = run(args);
        assert!(
            !ok && !stderr.is_empty() && !stderr.contains("panicked"),
            "{args:?}: {stderr}"
        );
    }
}
