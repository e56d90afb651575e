//! Spellings: transliteration of a Cyrillic master form into each romanisation.

use super::rng::Rng;

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
    pub(super) fn weight(self) -> usize {
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

    pub(super) fn draw(rng: &mut Rng) -> Spelling {
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
pub(super) fn flatten_kazakh(c: char) -> char {
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

pub(super) fn is_cyrillic_vowel(c: char) -> bool {
    matches!(
        c,
        'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я' | 'ә' | 'ө' | 'ұ' | 'ү' | 'і'
    )
}

/// The Latin for one lower-case Cyrillic letter. `initial` is true at the start of
/// a word or after a vowel or a hard or soft sign (where BGN writes е as "ye").
pub(super) fn letter(c: char, spelling: Spelling, initial: bool) -> &'static str {
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
