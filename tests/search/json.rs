//! The JSON shape of `search --json`, through the library call the example uses and,
//! where `cargo test` has built it, through the example binary itself.

use crate::support;

use serde_json::Value;
use whereas::{Index, SearchRequest};

fn check_line(line: &Value, query: &str) {
    let obj = line.as_object().expect("an object");
    assert_eq!(obj["query"], query);
    let total = obj["total"].as_u64().expect("total is a number");
    assert!(obj["total_exact"].is_boolean(), "total_exact in {line}");
    let hits = obj["hits"].as_array().expect("hits is an array");
    assert!(total as usize >= hits.len());
    assert!(!hits.is_empty(), "the seed names Zhumagulov");
    for hit in hits {
        for key in ["id", "reference", "kind", "label", "text", "snippet"] {
            assert!(hit[key].is_string(), "{key} in {hit}");
        }
        assert!(hit["score"].is_number());
        assert!(hit["entities"].is_array());
        assert!(hit["highlights"].is_array());
        let id = hit["id"].as_str().unwrap();
        assert!(id.starts_with(hit["reference"].as_str().unwrap()));
        assert!(id.contains(&format!("/{}/", hit["kind"].as_str().unwrap())));
    }
    assert!(hits[0]["snippet"]
        .as_str()
        .unwrap()
        .contains("<b>Zhumagulov</b>"));
    let facets = obj["facets"].as_object().expect("facets is an object");
    for counts in facets.values() {
        for c in counts.as_array().unwrap() {
            assert!(c["path"].is_string() && c["count"].is_u64());
        }
    }
}

#[test]
fn json_line_shape() {
    let mut seed = whereas::segment(support::SEED).unwrap();
    seed.reference
        .get_or_insert_with(|| "TA-9-2021-0056".into());
    let index = Index::from_resolutions([&seed]).unwrap();
    let results = index
        .search(&SearchRequest::new("Jumagulov").facet_counts("/kind", 10))
        .unwrap();
    let line = results.to_json_line("Jumagulov");
    assert!(!line.contains('\n'));
    let value: Value = serde_json::from_str(&line).unwrap();
    check_line(&value, "Jumagulov");
    assert!(!value["facets"]["/kind"].as_array().unwrap().is_empty());
    // Keys come in the documented order.
    let order: Vec<usize> = ["\"query\"", "\"total\"", "\"hits\"", "\"facets\""]
        .iter()
        .map(|k| line.find(k).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
}

#[test]
fn the_search_example_prints_one_json_line_per_query() {
    let out = support::example_command("search")
        .args(["--json", "--limit", "3", "Jumagulov"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1);
    let value: Value = serde_json::from_str(lines[0]).unwrap();
    check_line(&value, "Jumagulov");
    assert!(value["hits"].as_array().unwrap().len() <= 3);

    // Errors: one line on stderr, non-zero exit, no panic.
    for args in [
        vec!["nosuchfield:x"],
        vec!["--index", "/nonexistent/whereas-index", "x"],
        vec!["--limit", "many", "x"],
    ] {
        let out = support::example_command("search")
            .args(&args)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"));
    }
}
