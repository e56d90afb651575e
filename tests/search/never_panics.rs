//! Any query string, any unit text: a result or an error, never a panic.

use crate::support::fixtures;

use std::sync::OnceLock;

use fixtures::{kazakhstan, other, resolution, unit};
use proptest::prelude::*;
use whereas::{Error, Index, SearchRequest, UnitKind};

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index::from_resolutions([&kazakhstan(), &other()]).unwrap())
}

/// Query-ish strings: grammar characters, words, names in two scripts, odd Unicode.
fn query() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("torture".to_string()),
        Just("Zhumagulov".to_string()),
        Just("Жумагулов".to_string()),
        Just("person:".to_string()),
        Just("kind:".to_string()),
        Just("date:".to_string()),
        Just("\"".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just(" AND ".to_string()),
        Just(" OR ".to_string()),
        Just(" NOT ".to_string()),
        Just("*".to_string()),
        Just("^".to_string()),
        Just("~".to_string()),
        Just("[".to_string()),
        Just(" TO ".to_string()),
        Just("]".to_string()),
        Just("-".to_string()),
        Just("+".to_string()),
        Just(" ".to_string()),
        "[\\PC]{0,4}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

/// Case count: `WHEREAS_PROPTEST_CASES`, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("WHEREAS_PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(128)))]

    #[test]
    fn any_query_is_a_result_or_a_query_error(q in query()) {
        match index().search(&SearchRequest::new(q.clone()).limit(5)) {
            Ok(results) => {
                prop_assert!(results.hits.len() <= 5);
                for hit in &results.hits {
                    for h in &hit.highlights {
                        prop_assert!(hit.text.get(h.start..h.end).is_some());
                    }
                }
            }
            Err(Error::Query { input, at, .. }) => {
                prop_assert_eq!(&input, &q);
                prop_assert!(input.is_char_boundary(at));
            }
            Err(other) => prop_assert!(false, "{q:?}: {other:?}"),
        }
    }
}

proptest! {
    // Each case builds an index: fewer cases by default.
    #![proptest_config(ProptestConfig::with_cases(cases(24)))]

    #[test]
    fn any_unit_text_indexes_and_highlights(text in "[\\PC]{0,300}", word in "[\\PC]{1,12}") {
        let r = resolution("TA-0-0000-0000", "2000-01-01", vec![unit(UnitKind::Recital, "A", 0, &text, &[])]);
        let index = Index::from_resolutions([&r]).unwrap();
        let quoted = format!("\"{}\"", word.replace(['"', '\\'], " "));
        if let Ok(results) = index.search(&SearchRequest::new(quoted)) {
            for hit in &results.hits {
                prop_assert_eq!(&hit.text, &text);
                for h in &hit.highlights {
                    prop_assert!(text.get(h.start..h.end).is_some());
                }
            }
        }
    }
}
