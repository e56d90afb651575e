//! The seed variant queries, through the whereas search API over the bundled
//! seed resolution (segmented by whereas, indexed in RAM).
//!
//! - Every spelling of Almat Zhumagulov (Latin, Russian and Kazakh Cyrillic, French)
//!   finds recital F and paragraph 3, the two units naming him, as its first two hits.
//! - `Bokaev` finds paragraphs 3 and 8 (Maks / Max Bokayev) as its first two hits.
//! - `Аблязов` finds recital T (Mukhtar Ablyazov) first.
//! - Look-alikes are different people: `Zhumabekov` does not return recital F or
//!   paragraph 3 at all (not at any rank), and `Sultanbekov` returns neither those
//!   nor the units naming Abaibek Sultanov (recital O, paragraph 4).

use crate::support;

use whereas::{Index, SearchRequest};

const REF: &str = "TA-9-2021-0056";

fn seed() -> Index {
    let resolution = whereas::segment(support::SEED).expect("the seed segments");
    assert_eq!(resolution.reference.as_deref(), Some(REF));
    Index::from_resolutions([&resolution]).expect("the seed indexes")
}

/// Ids of every hit (up to 100), best first.
fn ids(index: &Index, query: &str) -> Vec<String> {
    index
        .search(&SearchRequest::new(query).limit(100))
        .unwrap_or_else(|e| panic!("{query}: {e}"))
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

fn id(kind: &str, label: &str) -> String {
    format!("{REF}/{kind}/{label}")
}

/// The first `expected.len()` hits are `expected`, in any order.
fn assert_first(index: &Index, query: &str, expected: &[String]) {
    let got = ids(index, query);
    let mut first: Vec<&String> = got.iter().take(expected.len()).collect();
    first.sort();
    let mut want: Vec<&String> = expected.iter().collect();
    want.sort();
    assert_eq!(first, want, "{query}: got {got:?}");
}

#[test]
fn zhumagulov_in_every_spelling_finds_recital_f_and_paragraph_3() {
    let index = seed();
    let expected = [id("recital", "F"), id("paragraph", "3")];
    for query in [
        "Jumagulov",
        "Жумагулов",
        "Жұмағұлов",
        "Joumagoulov",
        "Zhumagulov",
    ] {
        assert_first(&index, query, &expected);
    }
}

#[test]
fn bokaev_finds_paragraphs_3_and_8() {
    let index = seed();
    assert_first(
        &index,
        "Bokaev",
        &[id("paragraph", "3"), id("paragraph", "8")],
    );
}

#[test]
fn ablyazov_in_cyrillic_finds_recital_t() {
    let index = seed();
    assert_first(&index, "Аблязов", &[id("recital", "T")]);
}

#[test]
fn look_alikes_do_not_return_the_units_of_other_people() {
    let index = seed();
    let zhumagulov = [id("recital", "F"), id("paragraph", "3")];
    let sultanov = [id("recital", "O"), id("paragraph", "4")];
    // The units exist and are found by their own names, so the checks below can fail.
    assert_first(&index, "Sultanov", &sultanov);
    assert_first(&index, "Zhumagulov", &zhumagulov);

    let got = ids(&index, "Zhumabekov");
    for unit in &zhumagulov {
        assert!(!got.contains(unit), "Zhumabekov returned {unit}: {got:?}");
    }
    let got = ids(&index, "Sultanbekov");
    for unit in zhumagulov.iter().chain(&sultanov) {
        assert!(!got.contains(unit), "Sultanbekov returned {unit}: {got:?}");
    }
}
