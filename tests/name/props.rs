//! Properties of the name analysis: never panics, deterministic, folding is
//! idempotent, and Cyrillic words share a translit key with their BGN, ICAO
//! and Kazakh 2021 romanisations (generated from whereas's own tables through
//! `romanise`) and with their Russian-flattened spelling.
//!
//! Case counts are modest; set `PROPTEST_CASES` for heavier runs.

use crate::support;

use proptest::prelude::*;
use whereas::name::{compare, name_keys, romanise, token_keys, System};

const CONSONANTS: &[&str] = &[
    "б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х", "ц", "ч", "ш",
    "щ", "дж", "ғ", "қ", "ң", "һ",
];
const VOWELS: &[&str] = &[
    "а", "е", "ё", "и", "о", "у", "ы", "э", "ю", "я", "ә", "ө", "ұ", "ү", "і",
];

/// Cyrillic words built from consonant–vowel syllables (with an optional й
/// after the vowel and an optional final consonant). Consonant clusters and
/// vowel pairs are left to the hand-written tests: romanisations spell some
/// clusters as digraphs (с+ч = "sch"), which no spelling-level key can undo.
fn cyrillic_word() -> impl Strategy<Value = String> {
    let syllable = (
        prop::sample::select(CONSONANTS),
        prop::sample::select(VOWELS),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(c, v, y)| format!("{c}{v}{}", if y { "й" } else { "" }));
    (
        prop::option::weighted(0.2, prop::sample::select(VOWELS)),
        prop::collection::vec(syllable, 1..4),
        prop::option::weighted(0.3, prop::sample::select(CONSONANTS)),
    )
        .prop_map(|(v, syl, c)| {
            let mut s = v.unwrap_or("").to_string();
            for x in syl {
                s.push_str(&x);
            }
            s.push_str(c.unwrap_or(""));
            s
        })
}

fn capitalise(s: &str) -> String {
    let mut it = s.chars();
    it.next()
        .map(|f| f.to_uppercase().chain(it).collect())
        .unwrap_or_default()
}

/// Kazakh letters replaced by the Russian ones, as Russian-language documents do.
fn flatten(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'ә' => 'а',
            'ғ' => 'г',
            'қ' => 'к',
            'ң' => 'н',
            'ө' => 'о',
            'ұ' | 'ү' => 'у',
            'һ' => 'х',
            'і' => 'и',
            c => c,
        })
        .collect()
}

fn shares(a: &str, b: &str) -> bool {
    let (ka, kb) = (token_keys(a), token_keys(b));
    ka.translit.iter().any(|k| kb.translit.contains(k))
}

proptest! {
    #![proptest_config(support::proptest_config(128))]

    #[test]
    fn never_panics_and_is_deterministic(s in "\\PC{0,24}") {
        let a = token_keys(&s);
        prop_assert_eq!(&a, &token_keys(&s));
        let n = name_keys(&s);
        prop_assert_eq!(&n, &name_keys(&s));
        for p in &n.parts {
            prop_assert!(s.is_char_boundary(p.span.start) && s.is_char_boundary(p.span.end));
            prop_assert_eq!(&s[p.span.clone()], p.text.as_str());
            prop_assert!(p.keys.translit.len() <= 4);
        }
        let _ = compare(&s, "Zhumagulov");
        let _ = romanise(&s, System::Bgn);
    }

    #[test]
    fn folding_is_idempotent(s in "\\PC{0,24}") {
        let f = token_keys(&s).folded;
        prop_assert_eq!(token_keys(&f).folded, f.clone(), "help: fold(fold(w)) != fold(w) for {:?}", s);
    }

    #[test]
    fn romanisations_share_a_translit_key(w in cyrillic_word()) {
        let word = capitalise(&w);
        for system in [System::Bgn, System::Icao, System::Kz2021] {
            let latin = romanise(&word, system);
            prop_assert!(
                shares(&word, &latin),
                "help: {} ({:?}) and {:?} {} ({:?}) share no key; check that system's column in ru.rs/kk.rs and the Latin rules",
                word, token_keys(&word).translit, system, latin, token_keys(&latin).translit
            );
        }
        let flat = flatten(&word);
        prop_assert!(shares(&word, &flat), "{} / {}", word, flat);
        let upper = word.to_uppercase();
        prop_assert_eq!(token_keys(&upper).translit, token_keys(&word).translit);
    }
}
