//! Properties of the name analysis: never panics, deterministic, folding is
//! idempotent, and Cyrillic words share a translit key with their BGN/PCGN, ICAO and
//! Kazakh 2021 romanisations and with their Russian-flattened spelling.
//!
//! The romanisations are the test's own, from the published tables written as data in
//! `tests/data/names/romanisation/` (BGN/PCGN Russian 1947, ICAO Doc 9303 Russian, the
//! Kazakh Latin alphabet of 2021), never from whereas's tables: the property checks the
//! crate's keys against the standards, not against itself. The two Russian systems
//! romanise the word with its Kazakh letters flattened to Russian ones, as Russian-language
//! documents (and passports) write Kazakh names.
//!
//! Case counts are modest; set `PROPTEST_CASES` for heavier runs.

use crate::support;

use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

use proptest::prelude::*;
use whereas::name::{compare, name_keys, romanise, token_keys, System};

/// A romanisation table of `tests/data/names/romanisation/`: each line a Cyrillic letter,
/// its romanisation, and for BGN/PCGN's е and ё a third column, the romanisation at the
/// start of a word and after а е ё и о у ы э ю я й ъ ь. `#` lines are comments.
struct Table {
    name: &'static str,
    letters: HashMap<char, (String, Option<String>)>,
}

/// The letters after which BGN/PCGN writes е and ё with a `y` (and at a word's start).
const BGN_Y_AFTER: &str = "аеёиоуыэюяйъьАЕЁИОУЫЭЮЯЙЪЬ";

impl Table {
    fn parse(name: &'static str, tsv: &str) -> Table {
        let mut letters = HashMap::new();
        for (n, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let mut cyrillic = fields[0].chars();
            let (Some(letter), None, 2..=3) = (cyrillic.next(), cyrillic.next(), fields.len())
            else {
                panic!(
                    "{name}:{}: expected `letter<TAB>latin[<TAB>latin]`: {line:?}",
                    n + 1
                );
            };
            let initial = fields.get(2).map(|s| s.to_string());
            let old = letters.insert(letter, (fields[1].to_string(), initial));
            assert!(old.is_none(), "{name}:{}: {letter} twice", n + 1);
        }
        Table { name, letters }
    }

    /// The romanisation of `c`, whose next char is `next`. A table that writes one case
    /// only (ICAO: capitals) gives the other case the same letters in that case; a
    /// capital before a small letter is written as the table writes it before one
    /// (Zh, Ye), a capital elsewhere in capitals.
    fn letter(&self, c: char, next: Option<char>) -> Option<(String, Option<String>)> {
        let recase = |s: &str| {
            if c.is_lowercase() {
                s.to_lowercase()
            } else if next.is_some_and(char::is_lowercase) {
                let mut it = s.chars();
                it.next()
                    .map(|f| {
                        f.to_uppercase()
                            .chain(it.flat_map(char::to_lowercase))
                            .collect()
                    })
                    .unwrap_or_default()
            } else {
                s.to_uppercase()
            }
        };
        let (plain, initial) = self
            .letters
            .get(&c)
            .map(|(p, i)| (p.clone(), i.clone()))
            .or_else(|| {
                let other = if c.is_lowercase() {
                    c.to_uppercase().next()?
                } else {
                    c.to_lowercase().next()?
                };
                self.letters
                    .get(&other)
                    .map(|(p, i)| (p.clone(), i.clone()))
            })?;
        Some((recase(&plain), initial.as_deref().map(recase)))
    }

    /// `word` romanised letter by letter; `None` when the table has no letter for one
    /// of its chars.
    fn romanise(&self, word: &str) -> Option<String> {
        let chars: Vec<char> = word.chars().collect();
        let mut out = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let (plain, initial) = self.letter(c, chars.get(i + 1).copied())?;
            let y_context = i == 0 || BGN_Y_AFTER.contains(chars[i - 1]);
            match initial {
                Some(initial) if y_context => out.push_str(&initial),
                _ => out.push_str(&plain),
            }
        }
        Some(out)
    }
}

static BGN: LazyLock<Table> = LazyLock::new(|| {
    Table::parse(
        "bgn_pcgn_russian_1947.tsv",
        include_str!("../data/names/romanisation/bgn_pcgn_russian_1947.tsv"),
    )
});
static ICAO: LazyLock<Table> = LazyLock::new(|| {
    Table::parse(
        "icao_9303_russian.tsv",
        include_str!("../data/names/romanisation/icao_9303_russian.tsv"),
    )
});
static KZ2021: LazyLock<Table> = LazyLock::new(|| {
    Table::parse(
        "kazakh_latin_2021.tsv",
        include_str!("../data/names/romanisation/kazakh_latin_2021.tsv"),
    )
});

/// Romanises each word of `text` (words split at spaces and punctuation) and joins them
/// with single spaces.
fn romanise_words(table: &Table, text: &str) -> String {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(|w| {
            table
                .romanise(w)
                .unwrap_or_else(|| panic!("{}: no spelling for {w}", table.name))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The tables reproduce the published examples and alphabets they were checked against
/// (see each file's header): a typo in the data fails here, not in a shrunk property case.
#[test]
fn romanisation_tables_reproduce_their_published_examples() {
    // BGN/PCGN 1947: examples of the published table.
    for (cyrillic, latin) in [
        ("Азов", "Azov"),
        ("Тамбов", "Tambov"),
        ("Барнаул", "Barnaul"),
        ("Кубань", "Kubanʹ"),
        ("Владимир", "Vladimir"),
        ("Ульяновск", "Ulʹyanovsk"),
        ("Грозный", "Groznyy"),
        ("Волгодонск", "Volgodonsk"),
        ("Дзержинский", "Dzerzhinskiy"),
        ("Нелидово", "Nelidovo"),
        ("Белкино", "Belkino"),
        ("Озёрный", "Ozërnyy"),
        ("Жуков", "Zhukov"),
        ("Лужники", "Luzhniki"),
    ] {
        assert_eq!(
            BGN.romanise(cyrillic).as_deref(),
            Some(latin),
            "BGN/PCGN {cyrillic}"
        );
    }
    // ICAO 9303: the Russian alphabet, letter by letter (Ь has no transliteration).
    assert_eq!(
        ICAO.romanise("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
            .as_deref(),
        Some("ABVGDEEZHZIIKLMNOPRSTUFKHTSCHSHSHCHIEYEIUIA")
    );
    // Kazakh Latin 2021: published transliterated text.
    for (cyrillic, latin) in [
        (
            "Бұрыңғы өткен заманда, бір данышпан кісі, Бағдат шаһарының бір үлкен қазысының үйіне келіп қоныпты.",
            "Būryñğy ötken zamanda bır danyşpan kısı Bağdat şaharynyñ bır ülken qazysynyñ üiıne kelıp qonypty",
        ),
        ("Не де болса, бұған жалынып, сый беріп, орнымда қалайын!", "Ne de bolsa būğan jalynyp syi berıp ornymda qalaiyn"),
        ("Қазақстан Республикасы — Шығыс Еуропа мен Орталық", "Qazaqstan Respublikasy Şyğys Europa men Ortalyq"),
        ("Даңқымыз шықты ғой", "Dañqymyz şyqty ğoi"),
    ] {
        assert_eq!(romanise_words(&KZ2021, cyrillic), latin);
    }
    // Coverage: the Russian alphabet in both systems; the 2021 table spells the 33
    // Cyrillic letters it has with exactly the 31 letters of the alphabet.
    for c in "абвгдеёжзийклмнопрстуфхцчшщъыьэюя".chars() {
        for table in [&*BGN, &*ICAO] {
            assert!(table.letter(c, None).is_some(), "{}: no {c}", table.name);
            let upper = c.to_uppercase().next().unwrap();
            assert!(
                table.letter(upper, None).is_some(),
                "{}: no {upper}",
                table.name
            );
        }
    }
    let latin: BTreeSet<&str> = KZ2021.letters.values().map(|(l, _)| l.as_str()).collect();
    let alphabet: BTreeSet<&str> = "A a Ä ä B b D d E e F f G g Ğ ğ H h I ı İ i J j K k L l \
        M m N n Ñ ñ O o Ö ö P p Q q R r S s Ş ş T t U u Ū ū Ü ü V v Y y Z z"
        .split_whitespace()
        .collect();
    assert_eq!(latin, alphabet);
}

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
    word_of(CONSONANTS.to_vec(), VOWELS.to_vec())
}

/// Words of consonant–vowel syllables, as [`cyrillic_word`] says, from these letters.
fn word_of(
    consonants: Vec<&'static str>,
    vowels: Vec<&'static str>,
) -> impl Strategy<Value = String> {
    let syllable = (
        prop::sample::select(consonants.clone()),
        prop::sample::select(vowels.clone()),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(c, v, y)| format!("{c}{v}{}", if y { "й" } else { "" }));
    (
        prop::option::weighted(0.2, prop::sample::select(vowels)),
        prop::collection::vec(syllable, 1..4),
        prop::option::weighted(0.3, prop::sample::select(consonants)),
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

/// Words of [`cyrillic_word`]'s shape from only the letters the Kazakh 2021 table has
/// (no ё ц ч щ э ю я), so that every one has a 2021 spelling.
fn kazakh_2021_word() -> impl Strategy<Value = String> {
    let has = |l: &&&str| l.chars().all(|c| KZ2021.letters.contains_key(&c));
    let consonants: Vec<&'static str> = CONSONANTS.iter().filter(has).copied().collect();
    let vowels: Vec<&'static str> = VOWELS.iter().filter(has).copied().collect();
    word_of(consonants, vowels)
}

fn capitalise(s: &str) -> String {
    let mut it = s.chars();
    it.next()
        .map(|f| f.to_uppercase().chain(it).collect())
        .unwrap_or_default()
}

/// Kazakh letters replaced by the Russian ones, as Russian-language documents do (a
/// capital by a capital).
fn flatten(s: &str) -> String {
    s.chars()
        .map(|c| {
            let lower = c.to_lowercase().next().unwrap_or(c);
            let flat = match lower {
                'ә' => 'а',
                'ғ' => 'г',
                'қ' => 'к',
                'ң' => 'н',
                'ө' => 'о',
                'ұ' | 'ү' => 'у',
                'һ' => 'х',
                'і' => 'и',
                _ => return c,
            };
            if c.is_uppercase() {
                flat.to_uppercase().next().unwrap_or(flat)
            } else {
                flat
            }
        })
        .collect()
}

fn shares(a: &str, b: &str) -> bool {
    let (ka, kb) = (token_keys(a), token_keys(b));
    ka.translit.iter().any(|k| kb.translit.contains(k))
}

/// Words of several readings (letters read two ways, katakana's r / l) keep at most
/// four translit keys of their own, as the property below asks of every word; the
/// first input is one it shrank to (Hangul, then the Odia ṣa read s and sh).
#[test]
fn many_readings_stay_bounded() {
    for word in ["뱭ଷ", "ラリルレロ", "ชัชชาติ", "ثذضق", "შფფ"] {
        let keys = token_keys(word);
        let own = keys
            .own()
            .translit
            .iter()
            .filter(|k| !k.contains('~'))
            .count();
        assert!(own <= 4, "{word}: {keys:?}");
    }
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
            // At most four readings (key.rs MAX_KEYS); a surname's forms in the
            // other convention (`~`) and the search's keys across scripts
            // (`TokenKeys::own` leaves them out) come on top.
            let readings = p.keys.own().translit.iter().filter(|k| !k.contains('~')).count();
            prop_assert!(readings <= 4, "{:?}", p.keys);
        }
        let _ = compare(&s, "Zhumagulov");
        let _ = romanise(&s, System::Bgn);
    }

    /// Two names of any scripts, with the separators the whole-name rules read (an
    /// interpunct of a transcribed name, hyphens, apostrophes, tone digits): `compare`
    /// answers without panicking, the same way twice, with a score in (0, 1].
    #[test]
    fn compare_any_two_names(
        a in "([\\p{Han}\\p{Arabic}\\p{Latin}\\p{Cyrillic}\\p{Tamil}]{1,6}[ ·・.'’\\-1-6]?){1,4}",
        b in "([\\p{Han}\\p{Arabic}\\p{Latin}\\p{Cyrillic}\\p{Armenian}]{1,6}[ ·・.'’\\-1-6]?){1,4}",
    ) {
        let m = compare(&a, &b);
        prop_assert_eq!(&m, &compare(&a, &b));
        if let Some(m) = m {
            prop_assert!(m.score > 0.0 && m.score <= 1.0, "{}", m.score);
        }
    }

    #[test]
    fn folding_is_idempotent(s in "\\PC{0,24}") {
        let f = token_keys(&s).folded;
        prop_assert_eq!(token_keys(&f).folded, f.clone(), "help: fold(fold(w)) != fold(w) for {:?}", s);
    }

    #[test]
    fn romanisations_share_a_translit_key(w in cyrillic_word()) {
        let word = capitalise(&w);
        let flat = flatten(&word);
        for (table, input) in [(&*BGN, &flat), (&*ICAO, &flat), (&*KZ2021, &word)] {
            let Some(latin) = table.romanise(input) else {
                // Only the 2021 alphabet lacks letters (ё ц ч щ э ю я); its property
                // below runs on words it can spell.
                prop_assert!(table.name == KZ2021.name, "{}: no spelling for {}", table.name, input);
                continue;
            };
            prop_assert!(
                shares(&word, &latin),
                "help: {} ({:?}) and its {} spelling {} ({:?}) share no key; check the key rules for that spelling",
                word, token_keys(&word).translit, table.name, latin, token_keys(&latin).translit
            );
        }
        prop_assert!(shares(&word, &flat), "{} / {}", word, flat);
        let upper = word.to_uppercase();
        prop_assert_eq!(token_keys(&upper).translit, token_keys(&word).translit);
    }

    #[test]
    fn kazakh_2021_spellings_share_a_translit_key(w in kazakh_2021_word()) {
        let word = capitalise(&w);
        let latin = KZ2021.romanise(&word);
        prop_assert!(latin.is_some(), "{}: no spelling for {}", KZ2021.name, word);
        let latin = latin.unwrap();
        prop_assert!(
            shares(&word, &latin),
            "help: {} ({:?}) and its {} spelling {} ({:?}) share no key; check the key rules for that spelling",
            word, token_keys(&word).translit, KZ2021.name, latin, token_keys(&latin).translit
        );
    }
}
