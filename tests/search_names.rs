//! Name channels in ranking: exact spelling > folded > transliteration > related >
//! fuzzy; different people stay apart; highlights follow the channels.

mod fixtures;

use fixtures::{resolution, unit};
use whereas::index::Index;
use whereas::query::SearchRequest;
use whereas::{token_keys, UnitKind};

const REF: &str = "TA-9-2023-0001";

/// One paragraph per spelling; labels say which channel a `Zhumagulov` query uses.
fn index() -> Index {
    let texts = [
        ("exact", "The court sentenced Aigul Zhumagulov to prison."),
        ("folded", "Supporters of Aigul Zhumagulóv gathered outside."),
        (
            "translit",
            "Relatives of Aigul Jumagulov protested in Almaty.",
        ),
        ("cyrillic", "The journalist Айгуль Жумагулов was released."),
        ("related", "Aigul Zhumagulova was questioned by the police."),
        ("other", "Erlan Zhumabekov was released on bail."),
    ];
    let units = texts
        .iter()
        .enumerate()
        .map(|(i, (label, text))| unit(UnitKind::Paragraph, label, i, text, &[]))
        .collect();
    Index::from_resolutions([&resolution(REF, "2023-01-01", units)]).unwrap()
}

fn labels(index: &Index, query: &str) -> Vec<String> {
    index
        .search(&SearchRequest::new(query).limit(20))
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.label)
        .collect()
}

#[test]
fn keys_behave_as_these_tests_assume() {
    // If the name keys change, the ranking tests below need new spellings.
    let k = token_keys("Zhumagulov");
    assert_eq!(token_keys("Zhumagulóv").folded, k.folded);
    assert_ne!(token_keys("Zhumagulóv").exact, k.exact);
    assert!(token_keys("Jumagulov").translit.contains(&k.translit[0]));
    assert_ne!(token_keys("Jumagulov").folded, k.folded);
    assert!(!token_keys("Zhumagulova").translit.contains(&k.translit[0]));
    assert!(token_keys("Zhumagulova")
        .related
        .iter()
        .any(|r| k.related.contains(r)));
}

#[test]
fn exact_outranks_folded_outranks_transliteration_outranks_related() {
    let index = index();
    let got = labels(&index, "Zhumagulov");
    assert_eq!(got[0], "exact", "{got:?}");
    assert_eq!(got[1], "folded", "{got:?}");
    let mut middle = got[2..4].to_vec();
    middle.sort();
    assert_eq!(middle, ["cyrillic", "translit"], "{got:?}");
    assert_eq!(got[4], "related", "{got:?}");
    assert!(
        !got.contains(&"other".to_string()),
        "a different person: {got:?}"
    );
    assert_eq!(got.len(), 5);
}

#[test]
fn each_spelling_ranks_itself_first() {
    let index = index();
    assert_eq!(labels(&index, "Jumagulov")[0], "translit");
    assert_eq!(labels(&index, "Жумагулов")[0], "cyrillic");
    assert_eq!(labels(&index, "Zhumagulova")[0], "related");
    assert_eq!(labels(&index, "Zhumabekov"), ["other"]);
}

#[test]
fn a_variant_query_highlights_every_spelling() {
    let results = index()
        .search(&SearchRequest::new("Jumagulov").limit(20))
        .unwrap();
    let snippet = |label: &str| {
        results
            .hits
            .iter()
            .find(|h| h.label == label)
            .map(|h| h.snippet.clone())
            .unwrap_or_else(|| panic!("no hit {label}"))
    };
    assert!(snippet("exact").contains("<b>Zhumagulov</b>"));
    assert!(snippet("cyrillic").contains("<b>Жумагулов</b>"));
    assert!(snippet("translit").contains("<b>Jumagulov</b>"));
    assert!(!snippet("exact").contains("<b>Aigul</b>"));
}

#[test]
fn fuzzy_is_the_last_resort_and_is_bounded() {
    let index = index();
    // One edit from the translit key of Zhumagulov, and no key of its own in the index.
    let got = labels(&index, "Zhumagilov");
    assert!(got.contains(&"exact".to_string()), "{got:?}");
    assert!(!got.contains(&"other".to_string()), "{got:?}");
    let results = index
        .search(&SearchRequest::new("Zhumagilov").limit(20))
        .unwrap();
    assert!(results
        .hits
        .iter()
        .any(|h| h.snippet.contains("<b>Zhumagulov</b>")));
    // A spelling that exists in the index never goes fuzzy: Zhumabekov stays alone.
    assert_eq!(labels(&index, "Zhumabekov"), ["other"]);
}

#[test]
fn cyrillic_surname_first_finds_the_latin_whole_name_first() {
    let index = Index::from_resolutions([&fixtures::kazakhstan()]).unwrap();
    let results = index
        .search(&SearchRequest::new("АХМЕТОВ Сапар").limit(5))
        .unwrap();
    assert_eq!(results.hits[0].label, "1");
    assert_eq!(results.hits[0].kind, UnitKind::Paragraph);
    assert!(results.hits[0]
        .snippet
        .contains("<b>Sapar</b> <b>Akhmetov</b>"));
}
