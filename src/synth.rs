//! A deterministic, seeded generator of synthetic resolutions, for benches and
//! reproducible runs.
//!
//! In: a seed and a number of units. Out: resolutions in the European Parliament's
//! web-repost text format (title line, "–  having regard to …" citations,
//! "A.  whereas …" recitals, "1.  Urges …" paragraphs, "(1)OJ …" footnotes), each
//! with the units it was built from, so a consumer can check a segmenter against
//! the generator's ground truth or index the unit texts directly.
//!
//! Invariants:
//! - The same seed gives the same bytes on every platform: the generator uses its
//!   own xoshiro256\*\* generator seeded through SplitMix64, integer arithmetic only,
//!   and no hash maps whose order could leak into the output.
//! - Resolution `i` depends only on the seed and `i`, so the corpus for fewer units
//!   is a prefix of the corpus for more units (bar the last, shortened resolution).
//! - [`Corpus::resolutions`] yields exactly the number of units asked for
//!   (footnotes count as units).
//!
//! The name distribution is what makes name search hard: a pool of thousands of
//! synthetic people whose surnames are built from Kazakh and Russian roots and
//! suffixes (-ov/-ova, -ev/-eva, -in/-ina, -bayev, -bekov, -uly/-kyzy) and who are
//! named with Zipf-like frequencies, so a few are named very often. Each mention
//! is spelled in one [`Spelling`]: a romanisation (BGN/PCGN, ICAO passport,
//! French, German, Kazakh Latin 2021) or Cyrillic, produced by transliterating the
//! person's Cyrillic master form with this module's own tables. The pool also
//! holds look-alike surnames one letter or one suffix apart (Жумагулов /
//! Жумабеков / Жумагалов), the distractors a fuzzy matcher confuses.
//!
//! ```
//! use whereas::synth::{Corpus, Spelling};
//!
//! let corpus = Corpus::new(42);
//! let person = corpus.frequent();
//! assert_ne!(person.surname(Spelling::Bgn), person.surname(Spelling::French));
//!
//! let resolutions: Vec<_> = corpus.resolutions(200).collect();
//! let units: usize = resolutions.iter().map(|r| r.units.len()).sum();
//! assert_eq!(units, 200);
//! assert!(resolutions[0].text.contains("European Parliament resolution of"));
//!
//! // Deterministic: the same seed gives the same text.
//! let again: Vec<_> = Corpus::new(42).resolutions(200).collect();
//! assert_eq!(resolutions[0].text, again[0].text);
//! ```

use std::fmt::Write as _;

use crate::model::UnitKind;

// ---------------------------------------------------------------------------
// Random numbers: SplitMix64 for seeding, xoshiro256** for the stream.
// ---------------------------------------------------------------------------

/// SplitMix64 step: advances `state` and returns the next output.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A small, portable pseudo-random generator (xoshiro256\*\*), seeded through
/// SplitMix64 so that any `u64` (zero included) is a good seed.
///
/// It is public so that callers who build their own synthetic inputs get the same
/// numbers on every platform; it is not for cryptography.
#[derive(Debug, Clone)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Rng {
        let mut sm = seed;
        Rng {
            s: [
                splitmix64(&mut sm),
                splitmix64(&mut sm),
                splitmix64(&mut sm),
                splitmix64(&mut sm),
            ],
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// A number in `0..n` (0 when `n` is 0), by multiply-shift: no floating point.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi` (`lo` when `hi < lo`).
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One element of a non-empty slice.
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items.get(self.below(items.len())).copied().unwrap_or("")
    }
}

// ---------------------------------------------------------------------------
// Spellings: transliteration of a Cyrillic master form.
// ---------------------------------------------------------------------------

/// How one mention of a name is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Spelling {
    /// BGN/PCGN romanisation, Kazakh letters first flattened to Russian ones
    /// (Жұмағұлов → Zhumagulov, Есенов → Yesenov).
    Bgn,
    /// ICAO 9303, as in passports (Zhumagulov, Esenov, Iurii).
    Icao,
    /// French usage (Joumagoulov, Tchernov).
    French,
    /// German usage, Duden (Schumagulow, Tschernow).
    German,
    /// The official Kazakh Latin alphabet of 2021, applied to the Kazakh master
    /// form (Jūmağūlov).
    Kazakh2021,
    /// Cyrillic as Russian-language documents write it, Kazakh letters flattened
    /// (Жумагулов).
    Cyrillic,
    /// The Cyrillic master form, Kazakh letters kept (Жұмағұлов).
    KazakhCyrillic,
}

impl Spelling {
    /// Every spelling, in declaration order.
    pub const ALL: [Spelling; 7] = [
        Spelling::Bgn,
        Spelling::Icao,
        Spelling::French,
        Spelling::German,
        Spelling::Kazakh2021,
        Spelling::Cyrillic,
        Spelling::KazakhCyrillic,
    ];

    /// How often a mention uses this spelling, in percent (the weights sum to 100).
    fn weight(self) -> usize {
        match self {
            Spelling::Bgn => 34,
            Spelling::Icao => 16,
            Spelling::French => 10,
            Spelling::German => 10,
            Spelling::Kazakh2021 => 10,
            Spelling::Cyrillic => 14,
            Spelling::KazakhCyrillic => 6,
        }
    }

    fn draw(rng: &mut Rng) -> Spelling {
        let mut x = rng.below(100);
        for s in Spelling::ALL {
            if x < s.weight() {
                return s;
            }
            x -= s.weight();
        }
        Spelling::Bgn
    }
}

/// Kazakh-specific letters flattened to the Russian letters Russian-language
/// documents use for them.
fn flatten_kazakh(c: char) -> char {
    match c {
        'ә' => 'а',
        'ғ' => 'г',
        'қ' => 'к',
        'ң' => 'н',
        'ө' => 'о',
        'ұ' | 'ү' => 'у',
        'һ' => 'х',
        'і' => 'и',
        other => other,
    }
}

fn is_cyrillic_vowel(c: char) -> bool {
    matches!(
        c,
        'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я' | 'ә' | 'ө' | 'ұ' | 'ү' | 'і'
    )
}

/// The Latin for one lower-case Cyrillic letter. `initial` is true at the start of
/// a word or after a vowel or a hard or soft sign (where BGN writes е as "ye").
fn letter(c: char, spelling: Spelling, initial: bool) -> &'static str {
    use Spelling::*;
    match (c, spelling) {
        ('а', _) => "a",
        ('б', _) => "b",
        ('в', German) => "w",
        ('в', _) => "v",
        ('г', _) => "g",
        ('д', _) => "d",
        ('е', Bgn) if initial => "ye",
        ('е', German) if initial => "je",
        ('е', _) => "e",
        ('ё', Bgn) => "yo",
        ('ё', Icao) => "e",
        ('ё', French | Kazakh2021) => "io",
        ('ё', _) => "jo",
        ('ж', Bgn | Icao) => "zh",
        ('ж', German) => "sch",
        ('ж', _) => "j",
        ('з', German) => "s",
        ('з', _) => "z",
        ('и', _) => "i",
        ('й', Bgn) => "y",
        ('й', German) => "j",
        ('й', French) => "ï",
        ('й', _) => "i",
        ('к', _) => "k",
        ('л', _) => "l",
        ('м', _) => "m",
        ('н', _) => "n",
        ('о', _) => "o",
        ('п', _) => "p",
        ('р', _) => "r",
        ('с', _) => "s",
        ('т', _) => "t",
        ('у', French) => "ou",
        ('у', _) => "u",
        ('ф', _) => "f",
        ('х', German) => "ch",
        ('х', Kazakh2021) => "h",
        ('х', _) => "kh",
        ('ц', German) => "z",
        ('ц', _) => "ts",
        ('ч', German) => "tsch",
        ('ч', French) => "tch",
        ('ч', Kazakh2021) => "ç",
        ('ч', _) => "ch",
        ('ш', German) => "sch",
        ('ш', French) => "ch",
        ('ш', Kazakh2021) => "ş",
        ('ш', _) => "sh",
        ('щ', German) => "schtsch",
        ('щ', French) => "chtch",
        ('щ', Kazakh2021) => "şş",
        ('щ', _) => "shch",
        ('ъ', Icao) => "ie",
        ('ъ', _) => "",
        ('ы', _) => "y",
        ('ь', _) => "",
        ('э', _) => "e",
        ('ю', Bgn) => "yu",
        ('ю', German) => "ju",
        ('ю', French) => "iou",
        ('ю', _) => "iu",
        ('я', Bgn) => "ya",
        ('я', German) => "ja",
        ('я', _) => "ia",
        // Kazakh letters reach here only for Kazakh Latin 2021; the other
        // romanisations see them flattened first.
        ('ә', _) => "ä",
        ('ғ', _) => "ğ",
        ('қ', _) => "q",
        ('ң', _) => "ñ",
        ('ө', _) => "ö",
        ('ұ', _) => "ū",
        ('ү', _) => "ü",
        ('һ', _) => "h",
        ('і', _) => "ı",
        _ => "",
    }
}

/// Writes a Cyrillic word or name (words separated by spaces or hyphens) in the
/// given spelling. Characters outside the Cyrillic tables pass through unchanged;
/// each word's first letter is capitalised.
///
/// ```
/// use whereas::synth::{transliterate, Spelling};
///
/// assert_eq!(transliterate("Жұмағұлов", Spelling::Bgn), "Zhumagulov");
/// assert_eq!(transliterate("Жұмағұлов", Spelling::French), "Joumagoulov");
/// assert_eq!(transliterate("Жұмағұлов", Spelling::German), "Schumagulow");
/// assert_eq!(transliterate("Жұмағұлов", Spelling::Kazakh2021), "Jūmağūlov");
/// assert_eq!(transliterate("Жұмағұлов", Spelling::Cyrillic), "Жумагулов");
/// assert_eq!(transliterate("Есенов", Spelling::Bgn), "Yesenov");
/// ```
pub fn transliterate(cyrillic: &str, spelling: Spelling) -> String {
    let mut out = String::with_capacity(cyrillic.len() * 2);
    let mut prev: Option<char> = None;
    let mut word_start = true;
    for original in cyrillic.chars() {
        let lower = original.to_lowercase().next().unwrap_or(original);
        let is_upper = lower != original;
        let c = match spelling {
            Spelling::Kazakh2021 | Spelling::KazakhCyrillic => lower,
            _ => flatten_kazakh(lower),
        };
        let latin: String = match spelling {
            Spelling::Cyrillic | Spelling::KazakhCyrillic => c.to_string(),
            _ => {
                let initial = match prev {
                    None => true,
                    Some(p) => is_cyrillic_vowel(p) || p == 'ъ' || p == 'ь' || !p.is_alphabetic(),
                };
                let mapped = letter(c, spelling, initial);
                if mapped.is_empty() && !matches!(c, 'ъ' | 'ь') {
                    c.to_string()
                } else {
                    mapped.to_string()
                }
            }
        };
        if word_start && c.is_alphabetic() || is_upper {
            let mut chars = latin.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(&latin);
        }
        word_start = !c.is_alphabetic();
        prev = Some(c);
    }
    out
}

// ---------------------------------------------------------------------------
// People.
// ---------------------------------------------------------------------------

/// Male or female: surnames and patronymic forms agree with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sex {
    /// -ov, -ev, -in, -uly.
    Male,
    /// -ova, -eva, -ina, -kyzy.
    Female,
}

/// One synthetic person: a Cyrillic master form, spelled on demand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    given: String,
    surname: String,
    sex: Sex,
    lookalike_of: Option<usize>,
}

impl Person {
    /// The surname's Cyrillic master form (Kazakh letters kept).
    pub fn surname_cyrillic(&self) -> &str {
        &self.surname
    }

    /// The given name's Cyrillic master form.
    pub fn given_cyrillic(&self) -> &str {
        &self.given
    }

    /// The surname in one spelling.
    pub fn surname(&self, spelling: Spelling) -> String {
        transliterate(&self.surname, spelling)
    }

    /// The given name in one spelling.
    pub fn given(&self, spelling: Spelling) -> String {
        transliterate(&self.given, spelling)
    }

    /// "Given Surname" in one spelling.
    pub fn full_name(&self, spelling: Spelling) -> String {
        format!("{} {}", self.given(spelling), self.surname(spelling))
    }

    /// Male or female.
    pub fn sex(&self) -> Sex {
        self.sex
    }

    /// For a look-alike added to the pool on purpose, the rank of the person whose
    /// surname it imitates.
    pub fn lookalike_of(&self) -> Option<usize> {
        self.lookalike_of
    }
}

/// Kazakh roots (Cyrillic, some with Kazakh letters) that take surname suffixes.
const KAZAKH_ROOTS: &[&str] = &[
    "Жұмағұл",
    "Жұма",
    "Жұмабай",
    "Нұрпейіс",
    "Ахмет",
    "Сейітқали",
    "Төлеген",
    "Қайрат",
    "Есен",
    "Бекмұрат",
    "Сағын",
    "Әбдірахман",
    "Серік",
    "Болат",
    "Ержан",
    "Мұқан",
    "Тоқаш",
    "Байтұрсын",
    "Омар",
    "Қожамжар",
    "Исмаил",
    "Құлмаған",
    "Садық",
    "Темір",
    "Досмұхамед",
    "Әлім",
    "Оңласын",
    "Мамай",
    "Бөкей",
    "Шалабай",
    "Өтеш",
    "Қайыр",
    "Есқож",
    "Сапар",
    "Нұрсұлтан",
    "Жақия",
    "Жаукер",
    "Абыл",
    "Мұхтар",
    "Тасмағанбет",
    "Шоқай",
    "Дәулет",
    "Ерлан",
    "Қуаныш",
    "Бақыт",
    "Әсет",
    "Жанұзақ",
    "Ізтұрған",
    "Қасым",
    "Мырзахмет",
    "Тұрсын",
    "Үсен",
    "Шыңғыс",
    "Ақыл",
    "Балтабай",
    "Жексен",
    "Көшербай",
    "Мақаш",
    "Орал",
    "Сәрсен",
    "Тілеу",
    "Хасен",
    "Ыбырай",
    "Айтқали",
    "Бекболат",
    "Ғабит",
    "Дүйсен",
    "Жолдас",
    "Зейнолла",
    "Кенже",
    "Құдайберген",
    "Медеу",
    "Нұрлан",
    "Оспан",
    "Рысқұл",
    "Сұлтан",
    "Тәжі",
    "Уәли",
    "Шәкен",
    "Әміре",
    "Бейсен",
    "Жәңгір",
];

/// Russian roots that take -ov/-ev/-in.
const RUSSIAN_ROOTS: &[&str] = &[
    "Иван",
    "Смирн",
    "Кузнец",
    "Соколь",
    "Мороз",
    "Волк",
    "Лебед",
    "Козл",
    "Новик",
    "Федор",
    "Михайл",
    "Беля",
    "Тарас",
    "Бел",
    "Комар",
    "Орл",
    "Кисел",
    "Макар",
    "Андре",
    "Ковал",
    "Ильюш",
    "Гус",
    "Тит",
    "Кузьм",
    "Баран",
    "Кулик",
    "Алексе",
    "Степан",
    "Яковл",
    "Сорок",
    "Серге",
    "Роман",
    "Захар",
    "Борис",
    "Корол",
    "Герасим",
    "Пономар",
    "Григорь",
    "Лазар",
    "Медвед",
    "Ерш",
    "Никит",
    "Собол",
    "Ряб",
    "Поляк",
    "Цветк",
    "Данил",
    "Жук",
    "Фрол",
    "Журавл",
    "Никола",
    "Крыл",
    "Максим",
    "Сидор",
    "Осип",
    "Щерб",
    "Чернышь",
    "Юдаш",
    "Хохл",
    "Шевчук",
    "Ёлк",
];

const MALE_GIVEN: &[&str] = &[
    "Ержан",
    "Серік",
    "Нұрлан",
    "Болат",
    "Қайрат",
    "Асхат",
    "Бауыржан",
    "Марат",
    "Дәурен",
    "Максат",
    "Ербол",
    "Алмат",
    "Арман",
    "Жасұлан",
    "Мұхтар",
    "Талғат",
    "Әсет",
    "Руслан",
    "Дмитрий",
    "Сергей",
    "Алексей",
    "Андрей",
    "Михаил",
    "Николай",
    "Владимир",
    "Евгений",
    "Игорь",
    "Юрий",
    "Ерлан",
    "Жанболат",
    "Қуаныш",
    "Ғалым",
    "Шыңғыс",
    "Әлихан",
    "Ілияс",
    "Ерік",
    "Ярослав",
    "Вячеслав",
];

const FEMALE_GIVEN: &[&str] = &[
    "Айгүл",
    "Әсел",
    "Динара",
    "Жанар",
    "Гүлнара",
    "Сәуле",
    "Мадина",
    "Айжан",
    "Әлия",
    "Бибігүл",
    "Елена",
    "Ольга",
    "Наталья",
    "Татьяна",
    "Ирина",
    "Юлия",
    "Екатерина",
    "Жаңыл",
    "Ләззат",
    "Ақмарал",
    "Шынар",
    "Роза",
    "Зәуре",
    "Індира",
    "Янина",
    "Ксения",
];

/// True if a root takes -ev rather than -ov: it ends in a vowel, й, ь or a
/// hushing consonant (Жұма → Жұмаев, Бөкей → Бөкеев, Медвед → Медведев is the
/// exception Russian keeps, and the pool does without it).
fn takes_ev(root: &str) -> bool {
    root.chars()
        .last()
        .map(|c| {
            let c = c.to_lowercase().next().unwrap_or(c);
            is_cyrillic_vowel(c) || matches!(c, 'й' | 'ь' | 'ж' | 'ш' | 'ч' | 'щ' | 'ц')
        })
        .unwrap_or(false)
}

/// All surnames one root forms, as (male, female) pairs: -ov or -ev, -in (after a
/// consonant), and for Kazakh roots -bayev, -bekov (unless the root already ends
/// in бай/бек) and -uly/-kyzy.
fn surname_family(root: &str, kazakh: bool) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let base = root.trim_end_matches(['ь', 'й']);
    if takes_ev(root) {
        out.push((format!("{base}ев"), format!("{base}ева")));
    } else {
        out.push((format!("{root}ов"), format!("{root}ова")));
        out.push((format!("{root}ин"), format!("{root}ина")));
    }
    if kazakh {
        if !root.ends_with("бай") && !root.ends_with("бек") && !root.ends_with("ай") {
            out.push((format!("{base}баев"), format!("{base}баева")));
            out.push((format!("{root}беков"), format!("{root}бекова")));
        }
        out.push((format!("{root}ұлы"), format!("{root}қызы")));
    }
    out
}

/// Consonant swaps that make a one-letter look-alike.
const LOOKALIKE_SWAPS: &[(char, char)] = &[
    ('г', 'к'),
    ('к', 'г'),
    ('б', 'п'),
    ('д', 'т'),
    ('т', 'д'),
    ('з', 'с'),
    ('с', 'з'),
    ('м', 'н'),
    ('н', 'м'),
    ('л', 'р'),
    ('р', 'л'),
    ('ұ', 'а'),
    ('у', 'а'),
];

/// A surname one letter or one suffix away from `surname`.
fn lookalike(surname: &str, rng: &mut Rng) -> String {
    // Suffix swap: -ov ↔ -bekov ↔ -in.
    if rng.chance(40) {
        for (from, to) in [
            ("беков", "баев"),
            ("баев", "беков"),
            ("ова", "ина"),
            ("ов", "ин"),
            ("ев", "ов"),
        ] {
            if let Some(stem) = surname.strip_suffix(from) {
                return format!("{stem}{to}");
            }
        }
    }
    // One consonant or vowel changed inside the stem (never the first letter).
    let chars: Vec<char> = surname.chars().collect();
    let candidates: Vec<usize> = (2..chars.len().saturating_sub(2))
        .filter(|&i| LOOKALIKE_SWAPS.iter().any(|(a, _)| *a == chars[i]))
        .collect();
    if candidates.is_empty() {
        return format!("{surname}а");
    }
    let at = candidates[rng.below(candidates.len())];
    let mut out = chars.clone();
    if let Some((_, b)) = LOOKALIKE_SWAPS.iter().find(|(a, _)| *a == chars[at]) {
        out[at] = *b;
    }
    out.into_iter().collect()
}

// ---------------------------------------------------------------------------
// The corpus.
// ---------------------------------------------------------------------------

/// The default number of people in the pool.
pub const DEFAULT_PEOPLE: usize = 20_000;

/// A seeded generator: a ranked pool of people and everything needed to write
/// resolutions about them.
#[derive(Debug, Clone)]
pub struct Corpus {
    seed: u64,
    people: Vec<Person>,
    /// Cumulative Zipf weights, one per rank.
    cumulative: Vec<u64>,
}

impl Corpus {
    /// A corpus with [`DEFAULT_PEOPLE`] people.
    pub fn new(seed: u64) -> Corpus {
        Corpus::with_people(seed, DEFAULT_PEOPLE)
    }

    /// A corpus with about `people` people (at least 50; a few look-alikes are
    /// added on top).
    pub fn with_people(seed: u64, people: usize) -> Corpus {
        let want = people.max(50);
        let mut rng = Rng::new(seed ^ 0x5EED_0F9E_0F1E);
        let mut surnames: Vec<(String, String, bool)> = Vec::new();
        for root in KAZAKH_ROOTS {
            for (m, f) in surname_family(root, true) {
                surnames.push((m, f, true));
            }
        }
        for root in RUSSIAN_ROOTS {
            for (m, f) in surname_family(root, false) {
                surnames.push((m, f, false));
            }
        }
        // People: a surname, a sex and a given name, all distinct.
        let mut pool: Vec<Person> = Vec::with_capacity(want + 8);
        let mut seen = std::collections::BTreeSet::new();
        let mut attempts = 0usize;
        while pool.len() < want && attempts < want * 20 {
            attempts += 1;
            let (m, f, _) = &surnames[rng.below(surnames.len())];
            let sex = if rng.chance(70) {
                Sex::Male
            } else {
                Sex::Female
            };
            let (surname, given) = match sex {
                Sex::Male => (m.clone(), rng.pick(MALE_GIVEN).to_string()),
                Sex::Female => (f.clone(), rng.pick(FEMALE_GIVEN).to_string()),
            };
            if seen.insert((given.clone(), surname.clone())) {
                pool.push(Person {
                    given,
                    surname,
                    sex,
                    lookalike_of: None,
                });
            }
        }
        // Rank 0 is a man with a Kazakh -ov surname (Kazakh letters in its master
        // form) holding ж and у/ұ, the letters on
        // which romanisations disagree most (zh/j/sch, u/ou).
        if let Some(i) = pool.iter().position(|p| {
            p.sex == Sex::Male
                && p.surname.starts_with('Ж')
                && p.surname.contains(['ұ', 'у'])
                && p.surname.ends_with("ов")
                && !p.surname.ends_with("беков")
                && p.surname.chars().count() <= 10
                && p.surname.contains(['ұ', 'ғ', 'қ', 'ә', 'ө', 'ү', 'і', 'ң'])
        }) {
            pool.swap(0, i);
        }
        // Look-alikes of the five most named people, at moderate ranks.
        for rank in 0..5 {
            let Some(original) = pool.get(rank).cloned() else {
                break;
            };
            let mut surname = lookalike(&original.surname, &mut rng);
            if surname == original.surname {
                surname.push('а');
            }
            let person = Person {
                given: rng
                    .pick(match original.sex {
                        Sex::Male => MALE_GIVEN,
                        Sex::Female => FEMALE_GIVEN,
                    })
                    .to_string(),
                surname,
                sex: original.sex,
                lookalike_of: Some(rank),
            };
            let at = (8 + rank * 7).min(pool.len());
            pool.insert(at, person);
        }
        // Zipf–Mandelbrot weights 1/(rank + 2), in integers for portability.
        let mut cumulative = Vec::with_capacity(pool.len());
        let mut total = 0u64;
        for rank in 0..pool.len() as u64 {
            total += (1u64 << 40) / (rank + 2);
            cumulative.push(total);
        }
        Corpus {
            seed,
            people: pool,
            cumulative,
        }
    }

    /// The seed this corpus was made from.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The people, most named first.
    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// The most named person (rank 0).
    pub fn frequent(&self) -> &Person {
        &self.people[0]
    }

    /// Resolutions holding exactly `units` units in all, generated lazily.
    pub fn resolutions(&self, units: usize) -> Resolutions<'_> {
        Resolutions {
            corpus: self,
            next: 0,
            remaining: units,
        }
    }

    /// Resolution number `index` of this corpus, shortened to at most `max_units`
    /// units. Depends only on the seed, `index` and `max_units`.
    pub fn resolution(&self, index: usize, max_units: usize) -> SynthResolution {
        let mut sm = self.seed ^ 0xA5A5_5A5A_0F0F_F0F0;
        let mut key = splitmix64(&mut sm) ^ (index as u64);
        let mut rng = Rng::new(splitmix64(&mut key));
        Writer::new(self, &mut rng, index).resolution(max_units)
    }

    fn draw_person(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0);
        let x = ((u128::from(rng.next_u64()) * u128::from(total)) >> 64) as u64;
        self.cumulative.partition_point(|&c| c <= x)
    }
}

/// Lazily generated resolutions; see [`Corpus::resolutions`].
#[derive(Debug, Clone)]
pub struct Resolutions<'a> {
    corpus: &'a Corpus,
    next: usize,
    remaining: usize,
}

impl Iterator for Resolutions<'_> {
    type Item = SynthResolution;

    fn next(&mut self) -> Option<SynthResolution> {
        if self.remaining == 0 {
            return None;
        }
        let r = self.corpus.resolution(self.next, self.remaining);
        self.next += 1;
        self.remaining = self.remaining.saturating_sub(r.units.len().max(1));
        Some(r)
    }
}

/// One unit as the generator wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthUnit {
    /// Citation, recital, paragraph or footnote.
    pub kind: UnitKind,
    /// The label: "A", "AA", "12", "3"; citations are numbered "1", "2", ….
    pub label: String,
    /// The text without its marker ("whereas …", "Urges …"), footnote calls included.
    pub text: String,
    /// Ranks (into [`Corpus::people`]) of the people named, with the spelling used.
    pub mentions: Vec<(usize, Spelling)>,
}

/// One generated resolution: its full text and the units it was built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthResolution {
    /// Its reference, `TA-9-2021-0012`.
    pub reference: String,
    /// Its date, ISO 8601.
    pub date: String,
    /// The title line.
    pub title: String,
    /// The whole text in web-repost format, as a file would hold it.
    pub text: String,
    /// The units, in document order.
    pub units: Vec<SynthUnit>,
}

impl SynthResolution {
    /// A file name for it: `TA-9-2021-0012_EN.txt`.
    pub fn file_name(&self) -> String {
        format!("{}_EN.txt", self.reference)
    }
}

/// The first year resolutions are dated in.
const FIRST_YEAR: usize = 2009;
/// How many years resolutions are spread over (2009 to 2024).
const YEARS: usize = 16;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const COUNTRIES: &[(&str, &[&str])] = &[
    (
        "Kazakhstan",
        &[
            "Astana",
            "Almaty",
            "Shymkent",
            "Zhanaozen",
            "Aktobe",
            "Oral",
            "Semey",
        ],
    ),
    (
        "Russia",
        &[
            "Moscow",
            "Saint Petersburg",
            "Kazan",
            "Yekaterinburg",
            "Novosibirsk",
        ],
    ),
    (
        "Belarus",
        &["Minsk", "Hrodna", "Brest", "Homyel", "Vitsyebsk"],
    ),
    ("Kyrgyzstan", &["Bishkek", "Osh", "Karakol", "Naryn"]),
    ("Tajikistan", &["Dushanbe", "Khujand", "Khorugh"]),
    ("Uzbekistan", &["Tashkent", "Nukus", "Samarkand", "Andijan"]),
    ("Azerbaijan", &["Baku", "Ganja", "Sumqayit"]),
];

const ORGANISATIONS: &[&str] = &[
    "Amnesty International",
    "Human Rights Watch",
    "Freedom House",
    "the Norwegian Helsinki Committee",
    "the Committee to Protect Journalists",
    "Reporters Without Borders",
    "the International Partnership for Human Rights",
    "the OSCE Office for Democratic Institutions and Human Rights (ODIHR)",
    "the UN Working Group on Arbitrary Detention",
    "the Office of the UN High Commissioner for Human Rights (OHCHR)",
    "the International Federation for Human Rights (FIDH)",
    "Front Line Defenders",
    "the World Organisation Against Torture (OMCT)",
    "the Bureau for Human Rights and the Rule of Law",
    "the Steppe Workers' Union",
    "the Independent Journalists' Association",
];

const LAWS: &[&str] = &[
    "Criminal Code",
    "Code of Administrative Offences",
    "Law on Peaceful Assemblies",
    "Law on Mass Media",
    "Law on Non-Commercial Organisations",
    "Law on Countering Extremism",
    "Law on Trade Unions",
    "Law on Foreign Agents",
    "Law on Religious Activity and Religious Associations",
];

const CHARGES: &[&str] = &[
    "spreading knowingly false information",
    "organising mass riots",
    "inciting social discord",
    "participation in the activities of a banned extremist organisation",
    "financing extremism",
    "abuse of office",
    "tax evasion",
    "leading an unregistered trade union",
    "insulting a representative of the authorities",
];

const ROLES: &[&str] = &[
    "human rights defender",
    "journalist",
    "lawyer",
    "blogger",
    "trade union leader",
    "opposition activist",
    "civic activist",
    "poet",
    "environmental activist",
    "member of the coordination council",
];

const INSTITUTIONS: &[&str] = &[
    "the Commission",
    "the Council",
    "the European External Action Service (EEAS)",
    "the Vice-President of the Commission / High Representative of the Union for Foreign Affairs and Security Policy (VP/HR)",
    "the Member States",
    "the EU Delegation",
    "the EU Special Representative for Human Rights",
];

const TOPICS: &[&str] = &[
    "the human rights situation in {country}",
    "the crackdown on civil society in {country}",
    "media freedom and the safety of journalists in {country}",
    "the persecution of human rights defenders in {country}",
    "the case of {person} in {country}",
];

/// Recital clauses, each following "whereas ".
const RECITALS: &[&str] = &[
    "{role} {person} was arrested on {date} in {city} on charges of {charge} under Article {article} of the {law}",
    "on {date} the {city} City Court sentenced {person} to {years} years in prison for {charge}",
    "{person}, a {role} and member of {org}, has been held in pre-trial detention since {date}",
    "{org} reported that {person} had been subjected to torture and ill-treatment in detention",
    "the trial of {person} and {person} was closed to observers, including diplomats from EU Member States",
    "the authorities of {country} have intensified pressure on independent media and on {org}",
    "on {date} the authorities ordered the liquidation of the organisation led by {person}",
    "freedom of expression, peaceful assembly and association remain severely restricted in {country}, and the {law} has been used to criminalise peaceful dissent",
    "the UN Special Rapporteur on the situation of human rights defenders has expressed concern about the case of {role} {person}",
    "the family of {person} has not been allowed to visit him or her since {date}",
    "{person} was placed on the list of persons involved in terrorism and extremism on {date}",
    "the amendments to the {law} adopted on {date} impose harsh restrictions on the registration and funding of civil society organisations",
    "peaceful protests in {city} on {date} were dispersed and more than {count} people were detained",
    "{role} {person} was forcibly placed in a psychiatric institution on {date}",
];

/// Paragraphs, each with its opening verb.
const PARAGRAPHS: &[&str] = &[
    "Condemns the arrest of {person} and {person}, and calls for their immediate and unconditional release",
    "Urges the authorities of {country} to release {role} {person}, who is detained solely for exercising the right to freedom of expression",
    "Calls on {institution} to raise the case of {person} at the next Human Rights Dialogue with {country}",
    "Expresses its deep concern about the deterioration of the human rights situation in {country} since {date}",
    "Deplores the use of the {law} against {org} and {role} {person}",
    "Calls on the authorities of {country} to amend the {law} in line with international standards and the recommendations of {org}",
    "Urges the release of {person}, {person} and all other political prisoners in {country}",
    "Reiterates its call on {institution} to monitor the trials of human rights defenders and journalists in {city}",
    "Calls for an independent investigation into the allegations of torture of {person} and for those responsible to be brought to justice",
    "Welcomes the release of {person} on {date} and calls for the charges against him or her to be dropped",
    "Calls on {institution} to consider targeted sanctions against officials responsible for the persecution of {person}",
    "Stresses that the Enhanced Partnership and Cooperation Agreement must be based on respect for democracy, the rule of law and human rights",
];

const CITATIONS: &[&str] = &[
    "having regard to its previous resolutions on {country}, in particular that of {date}",
    "having regard to the statement by the spokesperson of the EEAS of {date} on the sentencing of {person}",
    "having regard to the Universal Declaration of Human Rights of 1948",
    "having regard to the International Covenant on Civil and Political Rights",
    "having regard to the UN Declaration on Human Rights Defenders of December 1998",
    "having regard to the EU Guidelines on Human Rights Defenders",
    "having regard to the Enhanced Partnership and Cooperation Agreement between the European Union and {country} of {date}",
    "having regard to the EU Annual Report on Human Rights and Democracy in the World",
    "having regard to the UN Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
    "having regard to the opinion of {org} of {date} on the {law}",
    "having regard to the Council conclusions of {date} on the EU strategy on Central Asia",
    "having regard to the Human Rights Dialogue with {country} held on {date}",
];

/// Writes one resolution.
struct Writer<'a> {
    corpus: &'a Corpus,
    rng: &'a mut Rng,
    index: usize,
    country: usize,
}

impl<'a> Writer<'a> {
    fn new(corpus: &'a Corpus, rng: &'a mut Rng, index: usize) -> Writer<'a> {
        let country = rng.below(COUNTRIES.len());
        Writer {
            corpus,
            rng,
            index,
            country,
        }
    }

    /// The resolution's date. Its year follows from its index, so that with its
    /// number in the year ([`Writer::number`]) the reference is unique.
    fn date(&mut self) -> (String, String) {
        // Drawn and set aside, so the rest of the text is what it was when years
        // were drawn at random.
        let _ = self.rng.range(2009, 2025);
        let year = FIRST_YEAR + self.index % YEARS;
        let month = self.rng.below(12);
        let day = self.rng.range(1, 28);
        (
            format!("{day} {} {year}", MONTHS[month]),
            format!("{year}-{:02}-{day:02}", month + 1),
        )
    }

    /// Fills `{…}` slots of a template.
    fn fill(&mut self, template: &str, mentions: &mut Vec<(usize, Spelling)>) -> String {
        let mut out = String::with_capacity(template.len() + 64);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                rest = "";
                break;
            };
            let slot = &after[..close];
            let (country, cities) = COUNTRIES[self.country];
            match slot {
                "person" => {
                    let rank = self.corpus.draw_person(self.rng);
                    let spelling = Spelling::draw(self.rng);
                    let person = &self.corpus.people[rank];
                    if self.rng.chance(15) {
                        // Official-list style: SURNAME Given.
                        let surname = person.surname(spelling).to_uppercase();
                        let _ = write!(out, "{surname} {}", person.given(spelling));
                    } else {
                        out.push_str(&person.full_name(spelling));
                    }
                    mentions.push((rank, spelling));
                }
                "country" => out.push_str(country),
                "city" => out.push_str(self.rng.pick(cities)),
                "org" => out.push_str(self.rng.pick(ORGANISATIONS)),
                "law" => out.push_str(self.rng.pick(LAWS)),
                "charge" => out.push_str(self.rng.pick(CHARGES)),
                "role" => out.push_str(self.rng.pick(ROLES)),
                "institution" => out.push_str(self.rng.pick(INSTITUTIONS)),
                "date" => {
                    let (d, _) = self.date();
                    out.push_str(&d);
                }
                "article" => {
                    let _ = write!(out, "{}", self.rng.range(100, 420));
                }
                "years" => {
                    let _ = write!(out, "{}", self.rng.range(2, 12));
                }
                "count" => {
                    let _ = write!(out, "{}", self.rng.range(2, 90) * 10);
                }
                other => out.push_str(other),
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }

    /// The resolution's number within its year: resolutions `i` and `i + YEARS` share
    /// a year, so `i / YEARS + 1` is unique there, and has four digits, as EP
    /// references do, up to `9999 × YEARS` resolutions (about ten million units).
    fn number(&self) -> usize {
        self.index / YEARS + 1
    }

    fn resolution(mut self, max_units: usize) -> SynthResolution {
        let (date_text, date_iso) = self.date();
        let year = &date_iso[..4];
        let term = match year {
            y if y < "2014" => 7,
            y if y < "2019" => 8,
            y if y < "2024" => 9,
            _ => 10,
        };
        let reference = format!("TA-{term}-{year}-{:04}", self.number());

        // Plan the unit counts, then shrink them to fit `max_units`.
        let mut plan = [
            self.rng.range(8, 12),
            self.rng.range(15, 28),
            self.rng.range(18, 32),
            self.rng.range(2, 5),
        ];
        let total: usize = plan.iter().sum();
        if total > max_units {
            let mut scaled = plan.map(|n| n * max_units / total);
            let used: usize = scaled.iter().sum();
            scaled[2] += max_units - used;
            plan = scaled;
        }
        plan[3] = plan[3].min(plan[0]);
        if plan.iter().sum::<usize>() < max_units.min(total) {
            plan[2] += max_units.min(total) - plan.iter().sum::<usize>();
        }
        let [n_cit, n_rec, n_par, n_fn] = plan;

        let mut units: Vec<SynthUnit> = Vec::with_capacity(n_cit + n_rec + n_par + n_fn);
        let mut no_mentions = Vec::new();
        let topic_template = self.rng.pick(TOPICS);
        let topic = self.fill(topic_template, &mut no_mentions);
        let title = format!("European Parliament resolution of {date_text} on {topic}");

        for i in 0..n_cit {
            let mut mentions = Vec::new();
            let mut text = if i + 1 == n_cit && n_cit > 2 {
                "having regard to Rules 144(5) and 132(4) of its Rules of Procedure".to_string()
            } else {
                let t = self.rng.pick(CITATIONS);
                self.fill(t, &mut mentions)
            };
            if i < n_fn {
                let _ = write!(text, "({})", i + 1);
            }
            text.push(',');
            units.push(SynthUnit {
                kind: UnitKind::Citation,
                label: (i + 1).to_string(),
                text,
                mentions,
            });
        }
        for i in 0..n_rec {
            let mut mentions = Vec::new();
            let clauses = self.rng.range(1, 4);
            let mut text = String::new();
            for c in 0..clauses {
                if c > 0 {
                    text.push_str("; ");
                }
                text.push_str("whereas ");
                let t = self.rng.pick(RECITALS);
                let clause = self.fill(t, &mut mentions);
                text.push_str(&clause);
            }
            text.push(';');
            units.push(SynthUnit {
                kind: UnitKind::Recital,
                label: recital_label(i),
                text,
                mentions,
            });
        }
        for i in 0..n_par {
            let mut mentions = Vec::new();
            let text = if i + 1 == n_par && n_par > 2 {
                let (country, _) = COUNTRIES[self.country];
                format!(
                    "Instructs its President to forward this resolution to the Council, the \
                     Commission, the Vice-President of the Commission / High Representative of \
                     the Union for Foreign Affairs and Security Policy, the governments and \
                     parliaments of the Member States, and the President and Government of \
                     {country}."
                )
            } else {
                let mut text = String::new();
                let sentences = self.rng.range(1, 3);
                for s in 0..sentences {
                    let t = self.rng.pick(PARAGRAPHS);
                    let sentence = self.fill(t, &mut mentions);
                    if s > 0 {
                        text.push_str("; ");
                        let mut chars = sentence.chars();
                        if let Some(first) = chars.next() {
                            text.extend(first.to_lowercase());
                            text.push_str(chars.as_str());
                        }
                    } else {
                        text.push_str(&sentence);
                    }
                }
                text.push(';');
                text
            };
            units.push(SynthUnit {
                kind: UnitKind::Paragraph,
                label: (i + 1).to_string(),
                text,
                mentions,
            });
        }
        for i in 0..n_fn {
            let text = format!(
                "OJ C {}, {}.{}.{}, p. {}.",
                self.rng.range(1, 480),
                self.rng.range(1, 28),
                self.rng.range(1, 12),
                self.rng.range(2000, 2024),
                self.rng.range(1, 240)
            );
            units.push(SynthUnit {
                kind: UnitKind::Footnote,
                label: (i + 1).to_string(),
                text,
                mentions: Vec::new(),
            });
        }

        let text = render(&reference, term, year, &title, &units, self.rng);
        SynthResolution {
            reference,
            date: date_iso,
            title,
            text,
            units,
        }
    }
}

/// Recital labels: A … Z, then AA, AB, … (bijective base 26).
fn recital_label(mut i: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (i % 26) as u8));
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// The web-repost layout: logo noise, title, units separated by blank lines, all
/// footnotes on one line, then the PDF link and site footer.
fn render(
    reference: &str,
    term: u32,
    year: &str,
    title: &str,
    units: &[SynthUnit],
    rng: &mut Rng,
) -> String {
    let size: usize = units.iter().map(|u| u.text.len() + 8).sum();
    let mut out = String::with_capacity(size + title.len() + 200);
    let _ = write!(
        out,
        "csm_S.3_EN_logo_smaller_01_{:010x}\n\n",
        rng.next_u64() >> 24
    );
    out.push_str(title);
    out.push_str("\n\n");
    let mut footnotes = String::new();
    for unit in units {
        match unit.kind {
            UnitKind::Citation => {
                out.push_str("–  ");
                out.push_str(&unit.text);
                out.push_str("\n\n");
            }
            UnitKind::Recital | UnitKind::Paragraph => {
                let _ = write!(out, "{}.  {}\n\n", unit.label, unit.text);
            }
            UnitKind::Footnote => {
                let _ = write!(footnotes, "({}){}", unit.label, unit.text);
            }
        }
    }
    if !footnotes.is_empty() {
        out.push_str(&footnotes);
        out.push_str("\n\n");
    }
    let number = reference.rsplit('-').next().unwrap_or("0000");
    let _ = write!(
        out,
        "TA\u{2011}{term}\u{2013}{year}-{number}_EN (PDF)\n\nThe European Parliament\n\nRelated Posts\n"
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_fixed_for_a_seed() {
        // xoshiro256** seeded by SplitMix64 from 0: these values pin the stream, so a
        // change to the generator that would change every corpus fails here.
        let mut a = Rng::new(0);
        let first: Vec<u64> = (0..3).map(|_| a.next_u64()).collect();
        let mut b = Rng::new(0);
        let again: Vec<u64> = (0..3).map(|_| b.next_u64()).collect();
        assert_eq!(first, again);
        assert_ne!(first[0], first[1]);
        let mut c = Rng::new(1);
        assert_ne!(c.next_u64(), first[0]);
        let mut r = Rng::new(7);
        for _ in 0..1000 {
            assert!(r.below(10) < 10);
            let x = r.range(3, 5);
            assert!((3..=5).contains(&x));
        }
        assert_eq!(r.below(0), 0);
    }

    #[test]
    fn transliteration_tables() {
        let cases = [
            ("Жұмағұлов", Spelling::Bgn, "Zhumagulov"),
            ("Жұмағұлов", Spelling::Icao, "Zhumagulov"),
            ("Жұмағұлов", Spelling::French, "Joumagoulov"),
            ("Жұмағұлов", Spelling::German, "Schumagulow"),
            ("Жұмағұлов", Spelling::Kazakh2021, "Jūmağūlov"),
            ("Жұмағұлов", Spelling::Cyrillic, "Жумагулов"),
            ("Жұмағұлов", Spelling::KazakhCyrillic, "Жұмағұлов"),
            ("Есенов", Spelling::Bgn, "Yesenov"),
            ("Есенов", Spelling::Icao, "Esenov"),
            ("Есенов", Spelling::German, "Jesenow"),
            ("Юрий", Spelling::Icao, "Iurii"),
            ("Юрий", Spelling::Bgn, "Yuriy"),
            ("Чернышев", Spelling::German, "Tschernyschew"),
            ("Чернышев", Spelling::French, "Tchernychev"),
            ("Хасенов", Spelling::Bgn, "Khasenov"),
            ("Хасенов", Spelling::Kazakh2021, "Hasenov"),
            ("Қайырбекұлы", Spelling::Bgn, "Kayyrbekuly"),
            ("Ілияс", Spelling::Kazakh2021, "Iliias"),
        ];
        for (cyr, spelling, want) in cases {
            assert_eq!(
                transliterate(cyr, spelling),
                want,
                "help: {cyr} in {spelling:?}: check the `letter` table"
            );
        }
    }

    #[test]
    fn recital_labels_go_past_z() {
        assert_eq!(recital_label(0), "A");
        assert_eq!(recital_label(25), "Z");
        assert_eq!(recital_label(26), "AA");
        assert_eq!(recital_label(27), "AB");
        assert_eq!(recital_label(52), "BA");
    }

    #[test]
    fn exact_unit_count_and_prefix_stability() {
        let corpus = Corpus::with_people(3, 500);
        for n in [0, 1, 2, 5, 59, 60, 61, 333] {
            let total: usize = corpus.resolutions(n).map(|r| r.units.len()).sum();
            assert_eq!(total, n, "{n} units asked");
        }
        let small: Vec<_> = corpus.resolutions(300).collect();
        let large: Vec<_> = corpus.resolutions(3000).collect();
        for (a, b) in small.iter().zip(&large).take(small.len() - 1) {
            assert_eq!(a, b);
        }
    }

    #[test]
    fn text_holds_every_unit_in_order() {
        let corpus = Corpus::with_people(9, 500);
        for r in corpus.resolutions(400) {
            let mut at = 0;
            for unit in &r.units {
                let found = r.text[at..].find(&unit.text);
                assert!(found.is_some(), "{} {} missing", r.reference, unit.label);
                at += found.unwrap_or(0) + unit.text.len();
            }
            assert!(r.text.contains(&r.title));
            let recitals = r.units.iter().filter(|u| u.kind == UnitKind::Recital);
            for u in recitals {
                assert!(r.text.contains(&format!("\n{}.  whereas ", u.label)));
            }
        }
    }

    #[test]
    fn realistic_shape_and_name_distribution() {
        let corpus = Corpus::new(1);
        let resolutions: Vec<_> = corpus.resolutions(20_000).collect();
        let n = resolutions.len();
        assert!((250..450).contains(&n), "{n} resolutions");
        let count = |k| {
            resolutions
                .iter()
                .flat_map(|r| &r.units)
                .filter(|u| u.kind == k)
                .count()
        };
        assert!(count(UnitKind::Citation) / n >= 7);
        assert!(count(UnitKind::Recital) / n >= 14);
        assert!(count(UnitKind::Paragraph) / n >= 17);
        assert!(count(UnitKind::Footnote) >= n);
        assert!(resolutions
            .iter()
            .any(|r| r.text.contains("\nAA.  whereas")));

        let mut per_rank = vec![0usize; corpus.people().len()];
        let mut spellings = std::collections::BTreeSet::new();
        for (rank, spelling) in resolutions
            .iter()
            .flat_map(|r| &r.units)
            .flat_map(|u| &u.mentions)
        {
            per_rank[*rank] += 1;
            spellings.insert(*spelling);
        }
        let mentions: usize = per_rank.iter().sum();
        // A few people are named very often, most rarely.
        assert!(per_rank[0] * 50 > mentions, "{} of {mentions}", per_rank[0]);
        assert!(per_rank[0] > per_rank[100] * 10);
        let named = per_rank.iter().filter(|&&c| c > 0).count();
        assert!(named > 2000, "{named} people named");
        assert_eq!(spellings.len(), Spelling::ALL.len());

        // The frequent person's spellings all occur in the text.
        let frequent = corpus.frequent();
        for s in [Spelling::Bgn, Spelling::French, Spelling::Cyrillic] {
            let form = frequent.surname(s);
            assert!(
                resolutions.iter().any(|r| r.text.contains(&form)),
                "{form} never written"
            );
        }
    }

    #[test]
    fn pool_has_lookalikes() {
        let corpus = Corpus::new(5);
        let people = corpus.people();
        let lookalikes: Vec<_> = people
            .iter()
            .filter(|p| p.lookalike_of().is_some())
            .collect();
        assert_eq!(lookalikes.len(), 5);
        for l in lookalikes {
            let original = &people[l.lookalike_of().unwrap_or(0)];
            assert_ne!(l.surname_cyrillic(), original.surname_cyrillic());
            let a: Vec<char> = l.surname_cyrillic().chars().collect();
            let b: Vec<char> = original.surname_cyrillic().chars().collect();
            let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
            assert!(
                common >= 2,
                "{} vs {}",
                l.surname_cyrillic(),
                original.surname_cyrillic()
            );
        }
        // The frequent person's romanisations really differ.
        let f = corpus.frequent();
        let forms: std::collections::BTreeSet<String> =
            Spelling::ALL.iter().map(|&s| f.surname(s)).collect();
        assert!(forms.len() >= 5, "{forms:?}");
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        let a: Vec<_> = Corpus::new(11).resolutions(500).map(|r| r.text).collect();
        let b: Vec<_> = Corpus::new(11).resolutions(500).map(|r| r.text).collect();
        let c: Vec<_> = Corpus::new(12).resolutions(500).map(|r| r.text).collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }
}
