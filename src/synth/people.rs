//! People: Kazakh and Russian roots, suffixes and given names, and look-alike surnames.

use super::rng::Rng;
use super::spelling::{is_cyrillic_vowel, transliterate, Spelling};

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
    pub(super) given: String,
    pub(super) surname: String,
    pub(super) sex: Sex,
    pub(super) lookalike_of: Option<usize>,
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
pub(super) const KAZAKH_ROOTS: &[&str] = &[
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
pub(super) const RUSSIAN_ROOTS: &[&str] = &[
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

pub(super) const MALE_GIVEN: &[&str] = &[
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

pub(super) const FEMALE_GIVEN: &[&str] = &[
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
pub(super) fn takes_ev(root: &str) -> bool {
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
pub(super) fn surname_family(root: &str, kazakh: bool) -> Vec<(String, String)> {
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
pub(super) const LOOKALIKE_SWAPS: &[(char, char)] = &[
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
pub(super) fn lookalike(surname: &str, rng: &mut Rng) -> String {
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
