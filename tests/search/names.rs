//! Name channels in ranking: exact spelling > folded > transliteration > related >
//! fuzzy; different people stay apart; highlights follow the channels.

use crate::support::fixtures;

use fixtures::{resolution, unit};
use whereas::{token_keys, Index, SearchRequest, UnitKind};

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
    paragraphs_index(&texts)
}

/// Labels of the hits of `request` (at most 20), best first.
fn labels_of(index: &Index, request: SearchRequest) -> Vec<String> {
    index
        .search(&request.limit(20))
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.label)
        .collect()
}

fn labels(index: &Index, query: &str) -> Vec<String> {
    labels_of(index, SearchRequest::new(query))
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

/// One unit per surname, none of them a spelling of the queries below.
fn fuzzy_index() -> Index {
    let texts = [
        ("tokarev", "whereas Ivan Tokarev was fined;"),
        ("bazarbayev", "whereas Aidos Bazarbayev was detained;"),
        ("akhmedyarov", "whereas Amangeldy Akhmedyarov was attacked;"),
        ("dzhakishev", "whereas Mukhtar Dzhakishev is in prison;"),
        ("rakishev", "whereas Kenes Rakishev owns a bank;"),
    ];
    paragraphs_index(&texts)
}

#[test]
fn fuzzy_keeps_different_people_apart() {
    let index = fuzzy_index();
    // Premise: these queries have no key of their own in the index, so only the fuzzy
    // channel could reach the look-alikes.
    for q in ["Tokayev", "Nazarbayev"] {
        let keys = token_keys(q).translit;
        for w in ["Tokarev", "Bazarbayev"] {
            assert!(!token_keys(w).translit.iter().any(|k| keys.contains(k)));
        }
    }
    // Tokayev/Tokarev: an inserted consonant is a full edit, over the bound for a
    // six-symbol key. Nazarbayev/Bazarbayev: another first letter.
    assert!(labels(&index, "Tokayev").is_empty(), "Tokayev");
    assert!(labels(&index, "Nazarbayev").is_empty(), "Nazarbayev");
}

#[test]
fn fuzzy_finds_a_true_typo() {
    let index = fuzzy_index();
    assert_eq!(labels(&index, "Akhamedyarov"), ["akhmedyarov"]);
    let results = index.search(&SearchRequest::new("Akhamedyarov")).unwrap();
    assert!(results.hits[0].snippet.contains("<b>Akhmedyarov</b>"));
}

#[test]
fn fuzzy_ranks_by_confusable_aware_distance() {
    // German Schäkischew, machine-translated: ш for ж is a cheap confusion, ш for р is
    // another first letter.
    let (q, near, far) = ("xakixev", "jakixev", "rakixev");
    assert_eq!(token_keys("Shakishev").translit[0], q);
    assert!(token_keys("Dzhakishev")
        .translit
        .contains(&near.to_string()));
    assert!(token_keys("Rakishev").translit.contains(&far.to_string()));
    let d_near = whereas::name::key_distance(q, near, 2.0).unwrap();
    let d_far = whereas::name::key_distance(q, far, 2.0).unwrap();
    assert!(d_near < d_far, "{d_near} {d_far}");

    let got = labels(&fuzzy_index(), "Shakishev");
    assert_eq!(
        got.first().map(String::as_str),
        Some("dzhakishev"),
        "{got:?}"
    );
    if let Some(far_at) = got.iter().position(|l| l == "rakishev") {
        let scores: Vec<f32> = fuzzy_index()
            .search(&SearchRequest::new("Shakishev").limit(20))
            .unwrap()
            .hits
            .iter()
            .map(|h| h.score)
            .collect();
        assert!(scores[0] > scores[far_at], "{scores:?}");
    }
}

#[test]
fn fuzzy_scores_below_a_transliteration() {
    let units = vec![unit(
        UnitKind::Paragraph,
        "one",
        0,
        "whereas Almat Zhumagulov spoke;",
        &[],
    )];
    let index = Index::from_resolutions([&resolution(REF, "2023-01-01", units)]).unwrap();
    let score = |q: &str| {
        let hits = index.search(&SearchRequest::new(q)).unwrap().hits;
        assert_eq!(hits.len(), 1, "{q}");
        hits[0].score
    };
    // Jumagulov: another romanisation (translit); Zhumagilov: a typo (fuzzy), the
    // same indexed key reached both ways.
    let (translit, fuzzy) = (score("Jumagulov"), score("Zhumagilov"));
    assert!(fuzzy > 0.0 && fuzzy < translit, "{fuzzy} vs {translit}");
}

/// Three people, two of them sharing a given name.
fn namesakes() -> Index {
    let texts = [
        (
            "sagintaev",
            "whereas Bakhytzhan Sagintaev met the delegation;",
        ),
        ("sapiev", "whereas Bakhytzhan Sapiev was not present;"),
        ("may", "whereas Theresa May did not act;"),
        ("and", "whereas Aigul And was detained;"),
    ];
    paragraphs_index(&texts)
}

fn name_labels(index: &Index, name: &str) -> Vec<String> {
    labels_of(index, SearchRequest::name(name))
}

#[test]
fn a_name_lookup_drops_people_who_share_only_a_given_name() {
    let index = namesakes();
    for name in [
        "Bakytzhan Sagintaev",
        "САГИНТАЕВ Бахытжан",
        "sagintayev bakhytzhan",
    ] {
        assert_eq!(name_labels(&index, name), ["sagintaev"], "{name}");
        // The same words as a plain query keep the namesake, ranked below.
        assert_eq!(labels(&index, name), ["sagintaev", "sapiev"], "{name}");
    }
    // A given name alone matches both equally: both stay.
    let mut got = name_labels(&index, "Bakhytzhan");
    got.sort();
    assert_eq!(got, ["sagintaev", "sapiev"]);
}

#[test]
fn a_name_is_words_not_query_syntax() {
    let index = namesakes();
    // A stop word in a name is looked up (a plain query ignores it on its own), and
    // AND is a word, not an operator.
    assert!(labels(&index, "and").is_empty());
    assert_eq!(name_labels(&index, "And"), ["and"]);
    assert_eq!(name_labels(&index, "AND Aigul"), ["and"]);
    assert_eq!(name_labels(&index, "Theresa May")[0], "may");
    // Brackets, quotes and field prefixes are punctuation in a name.
    assert_eq!(
        name_labels(&index, "Bakhytzhan (text:Sagintaev) \"Sapiev"),
        ["sagintaev", "sapiev"]
    );
    assert_eq!(name_labels(&index, "O'Sagintaev"), Vec::<String>::new());
    assert!(index.search(&SearchRequest::name("")).unwrap().hits.len() <= 4);
}

/// An index of one resolution with one paragraph per `(label, text)`, no entities.
fn paragraphs_index(texts: &[(&str, &str)]) -> Index {
    let units = texts
        .iter()
        .enumerate()
        .map(|(i, (label, text))| unit(UnitKind::Paragraph, label, i, text, &[]))
        .collect();
    Index::from_resolutions([&resolution(REF, "2023-01-01", units)]).unwrap()
}

/// A name written as one word in the text or in the query, and apart on the other side:
/// split at a hyphen, a space or a Persian zero-width non-joiner, or over the Arabic
/// article. Each spelling finds its unit first and not the other people's; the
/// highlight marks the words of the text that made the match.
#[test]
fn names_written_apart_or_as_one_word_meet() {
    let index = paragraphs_index(&[
        (
            "joined",
            "President Mahmoud Ahmadinejad spoke to the press.",
        ),
        ("split", "The activist Abdul-Hadi al-Khawaja was sentenced."),
        ("article", "Alaa Abd El-Fattah was sentenced again."),
        ("other", "Mahmoud Abbas and Hadi Matar were named."),
    ]);
    for (query, label) in [
        ("Ahmadi-Nejad", "joined"),
        ("Ahmadi Nejad", "joined"),
        ("احمدی\u{200c}نژاد", "joined"),
        ("Abdulhadi Alkhawaja", "split"),
        ("Abdulhadi", "split"),
        ("Abdelfattah", "article"),
        ("Alaa Abdelfattah", "article"),
    ] {
        let got = labels(&index, query);
        assert_eq!(
            got.first().map(String::as_str),
            Some(label),
            "{query}: {got:?}"
        );
        if !query.contains(' ') {
            assert!(!got.contains(&"other".to_string()), "{query}: {got:?}");
        }
    }
    // The text's words that make the joined match are highlighted together.
    let results = index.search(&SearchRequest::new("Abdulhadi")).unwrap();
    let marked: Vec<&str> = results.hits[0]
        .highlights
        .iter()
        .map(|h| h.text.as_str())
        .collect();
    assert_eq!(marked, ["Abdul", "Hadi"]);
    // Two words apart in the query are not joined across a comma.
    let got = labels(&index, "Ahmadi, Nejad");
    assert!(got.is_empty(), "{got:?}");
}
