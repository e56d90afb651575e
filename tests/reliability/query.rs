//! Reliability of the query layer: whatever a user types, a search gives an error with a
//! clear message or a (possibly empty) result, never a panic, in bounded time and memory.

use crate::support;

use whereas::search::{SearchRequest, MAX_LIMIT, MAX_OFFSET, MAX_QUERY_BYTES};
use whereas::Error;

/// Runs a request: Ok, or an error that is a query or argument error with a message.
fn run(request: &SearchRequest) -> Result<usize, Error> {
    match support::seed_index().search(request) {
        Ok(results) => {
            assert!(results.hits.len() <= results.total);
            Ok(results.hits.len())
        }
        Err(e) => {
            check_error(request.query_text(), &e);
            Err(e)
        }
    }
}

/// An error is a whereas query or argument error, with a position inside the input and a
/// message that says something.
fn check_error(input: &str, e: &Error) {
    match e {
        Error::Query {
            input: got,
            at,
            reason,
        } => {
            assert_eq!(got, input);
            assert!(*at <= input.len(), "position {at} beyond the query");
            assert!(
                input.is_char_boundary(*at),
                "position {at} inside a character"
            );
            assert!(!reason.trim().is_empty(), "empty reason");
        }
        Error::InvalidArgument(reason) => assert!(!reason.trim().is_empty()),
        other => panic!("{input:?}: unexpected error kind {other:?}"),
    }
    assert!(!e.to_string().is_empty());
}

fn query(q: &str) -> Result<usize, Error> {
    run(&SearchRequest::new(q))
}

fn is_query_error(r: &Result<usize, Error>) -> bool {
    matches!(r, Err(Error::Query { .. }))
}

#[test]
fn the_index_answers_plain_queries() {
    // Guards the other tests: they would pass vacuously on an empty index.
    assert!(query("Zhumagulov").unwrap() > 0);
    assert!(query("torture").unwrap() > 0);
}

#[test]
fn unbalanced_quotes_and_parentheses() {
    for q in [
        "\"Max Bokayev",
        "Max Bokayev\"",
        "\"",
        "\"\"\"",
        "(torture",
        "torture)",
        "((torture)",
        "(torture))",
        ")(",
        "((((((((((",
        "))))))))))",
        "(\"Max)\"",
        "[2021 TO",
        "date:[2021 TO",
        "date:{2021 TO 2022]",
        "IN [a b",
        "{",
        "}",
    ] {
        let _ = query(q);
    }
    // What the grammar cannot parse is read as its words: an unclosed group answers
    // as its word does.
    assert_eq!(
        query("(torture").unwrap(),
        query("torture").unwrap(),
        "an unclosed group falls back to its words"
    );
}

#[test]
fn deeply_nested_groups_are_refused_or_answered_not_overflowing() {
    let depth = MAX_QUERY_BYTES / 2 - 4;
    for q in [
        format!("{}torture{}", "(".repeat(depth), ")".repeat(depth)),
        "(".repeat(MAX_QUERY_BYTES),
        format!("{}torture", "NOT ".repeat(MAX_QUERY_BYTES / 4 - 4)),
        format!("{}torture", "+".repeat(MAX_QUERY_BYTES - 10)),
        format!("{}torture", "-(".repeat(MAX_QUERY_BYTES / 2 - 8)),
    ] {
        let _ = query(&q);
    }
    // Regression: 2,000 nested groups overflowed the stack (abort, not even a panic).
    match query(&format!(
        "{}torture{}",
        "(".repeat(2_000),
        ")".repeat(2_000)
    )) {
        Err(Error::Query { at, reason, .. }) => {
            assert!(reason.contains("nested"), "{reason}");
            assert_eq!(at, 32);
        }
        other => panic!("expected a query error, got {other:?}"),
    }
    // Reasonable nesting still works, and parentheses inside quotes do not count.
    let nested = format!("{}torture{}", "(".repeat(8), ")".repeat(8));
    assert!(query(&nested).unwrap() > 0);
    let quoted = format!("\"{}\" OR torture", "(".repeat(100));
    assert!(query(&quoted).is_ok());
}

#[test]
fn lone_operators() {
    for q in [
        "AND",
        "OR",
        "NOT",
        "+",
        "-",
        "!",
        "^",
        "~",
        "*",
        ":",
        "AND OR NOT",
        "torture AND",
        "OR torture",
        "NOT NOT",
        "+-+-",
        "^2",
        "torture^",
        "torture~",
        "\"a b\"~",
        "-*",
        "**",
        "* AND *",
        "&&",
        "||",
        "\\",
        "\\\\",
        "torture\\",
        "a:",
        ":a",
        "::",
        "'",
        "`",
    ] {
        let _ = query(q);
    }
}

#[test]
fn unknown_fields_are_named_in_the_error() {
    for (q, field) in [
        ("foo:bar", "foo"),
        ("torture AND colour:blue", "colour"),
        ("nope:\"a phrase\"", "nope"),
        ("bogus:*", "bogus"),
        ("zzz:[2021 TO 2022]", "zzz"),
    ] {
        match query(q) {
            Err(Error::Query { at, reason, .. }) => {
                assert!(reason.contains(field), "{q}: {reason}");
                assert_eq!(&q[at..at + field.len()], field, "{q}: position");
            }
            other => panic!("{q}: expected a query error, got {other:?}"),
        }
    }
    match query("kind:sonnet") {
        Err(Error::Query { reason, .. }) => assert!(reason.contains("sonnet"), "{reason}"),
        other => panic!("kind:sonnet: {other:?}"),
    }
    match query("date:yesterday") {
        Err(Error::Query { reason, .. }) => assert!(reason.contains("yesterday"), "{reason}"),
        other => panic!("date:yesterday: {other:?}"),
    }
    assert!(is_query_error(&query("/regex.*/")) || query("/regex.*/").is_ok());
}

#[test]
fn bad_facet_paths_and_unknown_roots_are_errors_absent_values_are_empty() {
    for path in ["", "person", "no/leading/slash", "\\"] {
        let r = run(&SearchRequest::new("torture").facet(path));
        assert!(
            matches!(r, Err(Error::InvalidArgument(ref m)) if m.contains("facet")),
            "facet {path:?}: {r:?}"
        );
        let r = run(&SearchRequest::new("torture").facet_counts(path, 10));
        assert!(
            matches!(r, Err(Error::InvalidArgument(_))),
            "facet_counts {path:?}: {r:?}"
        );
    }
    // Well formed under a known root but absent: an empty result.
    for path in [
        "/person/Nobody At All",
        "/person/\u{0}",
        "/mentioned/9999/99/99",
        "/kind/sonnet",
    ] {
        assert_eq!(
            run(&SearchRequest::new("torture").facet(path)).unwrap(),
            0,
            "{path}"
        );
    }
    // Under a root the index never writes: an error naming the roots, not silence.
    for path in ["/nope", "/date/2021"] {
        for request in [
            SearchRequest::new("torture").facet(path),
            SearchRequest::new("torture").facet_counts(path, usize::MAX),
        ] {
            let r = run(&request);
            assert!(
                matches!(r, Err(Error::InvalidArgument(ref m)) if m.contains("/person")),
                "{path}: {r:?}"
            );
        }
    }
    let results = support::seed_index()
        .search(&SearchRequest::new("torture").facet_counts("/person", usize::MAX))
        .unwrap();
    assert!(!results.facets["/person"].is_empty());
    let results = support::seed_index()
        .search(&SearchRequest::new("torture").facet_counts("/", usize::MAX))
        .unwrap();
    assert!(!results.facets["/"].is_empty());
    // Bad dates in filters are argument errors.
    for (from, to) in [("yesterday", "2021"), ("2021", "99999-99-99"), ("", "")] {
        let r = run(&SearchRequest::new("torture").date_range(from, to));
        assert!(
            matches!(r, Err(Error::InvalidArgument(_))),
            "{from}..{to}: {r:?}"
        );
    }
}

#[test]
fn a_100000_character_query_is_refused_quickly() {
    for q in [
        "a".repeat(100_000),
        "torture ".repeat(100_000 / 8),
        "(".repeat(100_000),
        "\"".repeat(100_000),
        "Жумагулов ".repeat(100_000 / 19),
        "x".repeat(100_000) + "*",
    ] {
        match query(&q) {
            Err(Error::Query { at, reason, .. }) => {
                assert!(MAX_QUERY_BYTES - 4 < at && at <= MAX_QUERY_BYTES, "{at}");
                assert!(q.is_char_boundary(at));
                assert!(reason.contains("longer"), "{reason}");
            }
            other => panic!("expected a query error, got {other:?}"),
        }
    }
}

#[test]
fn queries_just_under_the_limits_finish() {
    // One huge word: its keys, fuzzy automaton and highlighting must stay bounded.
    let long_word = "Zhumagulov".repeat(MAX_QUERY_BYTES / 10 - 1);
    let _ = query(&long_word);
    let _ = query(&format!("{long_word}*"));
    let _ = query(
        &format!("\"{long_word} {long_word}\"")
            .chars()
            .take(MAX_QUERY_BYTES)
            .collect::<String>(),
    );
    let _ = query(&"Жумагулов".repeat(MAX_QUERY_BYTES / 18 - 1));
    // Many words: refused past the word limit, not slow.
    // (The grammar folds repeated words into one, so the words differ.)
    let many: String = (0..MAX_QUERY_BYTES / 8)
        .map(|i| format!("w{i:05} "))
        .collect();
    assert!(is_query_error(&query(&many)));
    // Phrases of many names: key combinations are bounded.
    let names =
        "\"Zhumagulov Abishev Zheksebayev Klyshev Yeskhozin Begimbetov Onlabekkyzy Sabanshiyev\"";
    let _ = query(names);
    let _ = query(&format!("{names}~4294967295"));
}

#[test]
fn control_characters() {
    for q in [
        "\u{0}",
        "torture\u{0}",
        "\u{0}\u{0}\u{0}",
        "\u{1b}[31mtorture\u{1b}[0m",
        "tor\u{7f}ture",
        "\u{feff}Zhumagulov",
        "Zhuma\u{200b}gulov",
        "\t\n\r\u{b}\u{c}",
        "person:\u{0}",
        "kind:\u{0}",
        "date:\u{0}",
        "\u{0}*",
        "\u{202e}vulogamuhZ",
        "\u{fffd}\u{fffd}",
        "a\u{301}\u{301}\u{301}\u{301}",
        "\u{10ffff}",
    ] {
        let _ = query(q);
    }
}

#[test]
fn huge_limit_and_offset_are_refused_or_empty() {
    for (offset, limit) in [(0, usize::MAX), (usize::MAX, 10), (usize::MAX, usize::MAX)] {
        let r = run(&SearchRequest::new("torture").offset(offset).limit(limit));
        assert!(
            matches!(r, Err(Error::InvalidArgument(_))),
            "{offset}/{limit}: {r:?}"
        );
    }
    // The largest accepted values give a result, empty past the end.
    assert_eq!(
        run(&SearchRequest::new("torture").offset(MAX_OFFSET)).unwrap(),
        0
    );
    assert!(run(&SearchRequest::new("torture").limit(MAX_LIMIT)).unwrap() > 0);
    assert_eq!(
        run(&SearchRequest::new("torture")
            .offset(MAX_OFFSET)
            .limit(MAX_LIMIT))
        .unwrap(),
        0
    );
    let r = support::seed_index()
        .search(
            &SearchRequest::new("torture")
                .limit(0)
                .facet_counts("/kind", 0),
        )
        .unwrap();
    assert!(r.hits.is_empty() && r.total > 0);
}

#[test]
fn odd_boosts_slops_and_ranges() {
    for q in [
        "torture^1e40",
        "torture^-1",
        "torture^0",
        "torture^NaN",
        "torture^inf",
        "\"human rights\"~4294967295",
        "\"human rights\"~99999999999999999999",
        "date:[* TO *]",
        "date:[2022 TO 2021]",
        "date:[0 TO 9999]",
        "date:[99999999999999999999 TO *]",
        "date:>2021",
        "date:<=2021-02-11",
        "IN [Zhumagulov Bokayev]",
        "person: IN [a b]",
        "person:*",
        "*",
        "kind:recital AND NOT kind:recital",
    ] {
        let _ = query(q);
    }
}

#[test]
fn empty_and_blank_queries_match_everything() {
    let all = support::seed_index().num_units();
    for q in ["", "   ", "\t\n"] {
        let r = support::seed_index()
            .search(&SearchRequest::new(q).limit(0))
            .unwrap();
        assert_eq!(r.total, all, "{q:?}");
    }
}
