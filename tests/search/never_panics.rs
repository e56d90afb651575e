//! Any query string, any unit text: a result or an error, never a panic.

use crate::support::{self, fixtures};

use std::cell::Cell;
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

proptest! {
    #![proptest_config(support::proptest_config(128))]

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

/// A word of a generated unit text: Latin or Cyrillic letters (the scripts of names), or
/// any printable characters but white space.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z]{1,12}",
        "[а-яА-ЯёЁәғқңөұүһіӘҒҚҢӨҰҮҺІ]{1,12}",
        "[\\PC&&[^\\s]]{1,12}",
    ]
}

/// A unit text and a query that occurs in it.
///
/// Three cases in four, the text is words and separators and the query one to three
/// consecutive words of it; otherwise the text is any printable characters (up to 300)
/// and the query a run of one to twelve of its characters (a generated word when the
/// text is empty).
fn text_and_query() -> impl Strategy<Value = (String, String)> {
    let separator = prop::sample::select(vec![" ", " ", " ", ", ", "; ", "\n", " – ", " (", ") "]);
    let words = prop::collection::vec((word(), separator), 1..40);
    let from_words =
        (words, any::<prop::sample::Index>(), 1usize..=3).prop_map(|(words, at, len)| {
            let text: String = words.iter().map(|(w, sep)| format!("{w}{sep}")).collect();
            let start = at.index(words.len());
            let end = (start + len).min(words.len());
            let query: Vec<&str> = words[start..end].iter().map(|(w, _)| w.as_str()).collect();
            (text, query.join(" "))
        });
    let from_chars = (
        "[\\PC]{0,300}",
        any::<prop::sample::Index>(),
        1usize..=12,
        "[\\PC]{1,12}",
    )
        .prop_map(|(text, at, len, fallback): (String, _, usize, String)| {
            let chars: Vec<char> = text.chars().collect();
            if chars.is_empty() {
                return (text, fallback);
            }
            let start = at.index(chars.len());
            let query = chars[start..(start + len).min(chars.len())]
                .iter()
                .collect();
            (text, query)
        });
    prop_oneof![3 => from_words, 1 => from_chars]
}

/// Any unit text indexes, and a phrase query taken from it finds it with highlights inside
/// the text. Each case builds an index: fewer cases by default. The queries occur in the
/// texts, so the hit and highlight checks run in most cases; the test fails when they ran
/// in fewer than half, as the property would then check little.
#[test]
fn any_unit_text_indexes_and_highlights() {
    let mut config = support::proptest_config(24);
    // What `proptest!` sets: where failures persist, and the test's name in them.
    config.source_file = Some(file!());
    config.test_name = Some(concat!(
        module_path!(),
        "::any_unit_text_indexes_and_highlights"
    ));
    let mut runner = proptest::test_runner::TestRunner::new(config);
    let (cases, highlighted) = (Cell::new(0usize), Cell::new(0usize));
    let outcome = runner.run(&text_and_query(), |(text, word)| {
        cases.set(cases.get() + 1);
        let r = resolution(
            "TA-0-0000-0000",
            "2000-01-01",
            vec![unit(UnitKind::Recital, "A", 0, &text, &[])],
        );
        let index = Index::from_resolutions([&r]).unwrap();
        let quoted = format!("\"{}\"", word.replace(['"', '\\'], " "));
        if let Ok(results) = index.search(&SearchRequest::new(quoted)) {
            for hit in &results.hits {
                prop_assert_eq!(&hit.text, &text);
                for h in &hit.highlights {
                    prop_assert!(text.get(h.start..h.end).is_some());
                }
            }
            if results.hits.iter().any(|hit| !hit.highlights.is_empty()) {
                highlighted.set(highlighted.get() + 1);
            }
        }
        Ok(())
    });
    if let Err(failure) = outcome {
        panic!("{failure}\n{runner}");
    }
    let (cases, highlighted) = (cases.get(), highlighted.get());
    println!("{highlighted} of {cases} cases had a hit with highlights");
    // About four cases in five have one (the misses: a run of characters cut out of an
    // arbitrary text, or a word of symbols only); at least half must. Too few cases to
    // judge a share when `PROPTEST_CASES` is set below 20.
    assert!(
        cases < 20 || 2 * highlighted >= cases,
        "only {highlighted} of {cases} cases had a hit with highlights: the hit and highlight checks hardly ran"
    );
}
