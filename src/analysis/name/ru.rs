//! Russian Cyrillic: one row per letter, giving its key piece and its spelling in
//! each romanisation whereas knows (BGN/PCGN, ICAO 9303, Kazakh Latin 2021).
//!
//! The romanisation columns follow `docs/romanization.md`. They are used to
//! produce [`super::romanise`] and, through BGN, the canonical folded form; the
//! key column is what every spelling of the letter reduces to in
//! `key.rs`.

use super::key_builder::KeyBuilder;

/// One Cyrillic letter and its spellings.
pub(crate) struct Letter {
    /// The lower-case letter.
    pub(crate) cyr: char,
    /// Key piece (see the key alphabet in `key.rs`).
    pub(crate) key: &'static str,
    /// BGN/PCGN (1947) after a consonant; word-initial and post-vowel `е`/`ё`
    /// take a `y` in front (see [`bgn`]).
    pub(crate) bgn: &'static str,
    /// ICAO 9303 (Russian passports since 2013).
    pub(crate) icao: &'static str,
    /// Kazakh Latin alphabet of 2021, for the Russian letters it spells.
    pub(crate) kz2021: &'static str,
}

const fn l(
    cyr: char,
    key: &'static str,
    bgn: &'static str,
    icao: &'static str,
    kz2021: &'static str,
) -> Letter {
    Letter {
        cyr,
        key,
        bgn,
        icao,
        kz2021,
    }
}

/// The Russian alphabet, in order, plus the Ukrainian and Belarusian letters that
/// turn up in names (є ї ґ ў), spelled as their nearest Russian counterpart.
pub(crate) const LETTERS: &[Letter] = &[
    l('а', "a", "a", "a", "a"),
    l('б', "b", "b", "b", "b"),
    l('в', "v", "v", "v", "v"),
    l('г', "g", "g", "g", "g"),
    l('д', "d", "d", "d", "d"),
    l('е', "e", "e", "e", "e"),
    // ё: yo / io / jo / ë in the romanisations, and е where the dots are not written.
    l('ё', "io", "ë", "e", "e"),
    l('ж', "j", "zh", "zh", "j"),
    l('з', "s", "z", "z", "z"),
    l('и', "i", "i", "i", "i"),
    l('й', "i", "y", "i", "i"),
    l('к', "k", "k", "k", "k"),
    l('л', "l", "l", "l", "l"),
    l('м', "m", "m", "m", "m"),
    l('н', "n", "n", "n", "n"),
    l('о', "o", "o", "o", "o"),
    l('п', "p", "p", "p", "p"),
    l('р', "r", "r", "r", "r"),
    l('с', "s", "s", "s", "s"),
    l('т', "t", "t", "t", "t"),
    l('у', "u", "u", "u", "u"),
    l('ф', "f", "f", "f", "f"),
    l('х', "h", "kh", "kh", "h"),
    l('ц', "ts", "ts", "ts", "ts"),
    l('ч', "c", "ch", "ch", "ç"),
    l('ш', "x", "sh", "sh", "ş"),
    l('щ', "xc", "shch", "shch", "şç"),
    l('ъ', "", "ʺ", "ie", ""),
    l('ы', "i", "y", "y", "y"),
    l('ь', "", "ʹ", "", ""),
    l('э', "e", "e", "e", "e"),
    l('ю', "iu", "yu", "iu", "iu"),
    l('я', "ia", "ya", "ia", "ia"),
    l('є', "ie", "ye", "ie", "ie"),
    l('ї', "i", "yi", "i", "i"),
    l('ґ', "g", "g", "g", "g"),
    l('ў', "u", "w", "u", "u"),
    // Serbian and Macedonian letters, in the Cyrillic spellings of foreign names
    // (Манукјан = Manukyan, Мнацакањан = Mnatsakanyan), keyed as the Russian
    // sounds they stand for and spelled as Serbian and Macedonian Latin write them
    // (Wikipedia, "Serbian Cyrillic alphabet" and "Macedonian alphabet": ј j,
    // њ nj, љ lj, џ dž, ђ đ, ћ ć, ѓ gj, ќ kj, ѕ dz): ј is й, њ нь, љ ль, џ дж, ђ and
    // ћ the soft дь / ть Serbian spells đ / ć (keyed as дж and ч, the sounds the
    // press renders them with: Djokovic, Karadzic), ѓ and ќ the Macedonian
    // soft г and к, ѕ дз.
    l('џ', "j", "dzh", "dzh", "j"),
    l('ј', "i", "j", "j", "j"),
    l('њ', "ni", "nj", "nj", "nj"),
    l('љ', "li", "lj", "lj", "lj"),
    l('ђ', "j", "dj", "dj", "dj"),
    l('ћ', "c", "c", "c", "c"),
    l('ѓ', "g", "gj", "gj", "gj"),
    l('ќ', "k", "kj", "kj", "kj"),
    l('ѕ', "ds", "dz", "dz", "dz"),
    // Tajik letters (Wiktionary, "Tajik transliteration",
    // https://en.wiktionary.org/wiki/Wiktionary:Tajik_transliteration : ӣ i, ӯ ü, ҳ h,
    // ҷ j; ғ and қ are Kazakh's too, `kk.rs`): Раҳмон = Rahmon, Ҷумъа = Jum'a. ҳ is
    // also Uzbek Cyrillic's h.
    l('ҳ', "h", "h", "h", "h"),
    l('ҷ', "j", "j", "j", "j"),
    l('ӣ', "i", "i", "i", "i"),
    l('ӯ', "u", "u", "u", "u"),
    // Azerbaijani Cyrillic (BGN/PCGN, Table of Correspondences for Azerbaijani, 1993,
    // https://docslib.org/doc/7914733/azerbaijani-table-of-correspondences : ҹ c, the
    // affricate дж, and ҝ g): Ҹәмил = Cəmil.
    l('ҹ', "j", "j", "j", "c"),
    l('ҝ', "g", "g", "g", "g"),
];

/// Whether `c` is in the Cyrillic block (U+0400–U+04FF), where every letter of
/// the table is.
pub(crate) fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4ff}').contains(&c)
}

/// The row for a lower-case letter.
pub(crate) fn letter(c: char) -> Option<&'static Letter> {
    // The table is small; a linear scan over its 52 rows beats hashing here,
    // once a letter outside the Cyrillic block (most calls: Latin words) is out.
    if !is_cyrillic(c) {
        return None;
    }
    LETTERS.iter().find(|r| r.cyr == c)
}

/// Key rule for Russian Cyrillic at `cs[i]`; returns the number of chars used
/// (0 if the char is not Russian Cyrillic).
pub(crate) fn key(cs: &[char], i: usize, raw: &mut KeyBuilder) -> usize {
    let c = cs[i];
    // дж is one sound (ж after д), spelled dzh / dj / dsch / j: key `j`.
    if c == 'д' && cs.get(i + 1) == Some(&'ж') {
        raw.push("j");
        return 2;
    }
    if c == 'ё' {
        raw.push_alt("io", "e");
        return 1;
    }
    match letter(c) {
        Some(r) => {
            raw.push(r.key);
            1
        }
        None => 0,
    }
}

/// BGN/PCGN spelling of `c` given the previous char: `е` and `ё` take `y`
/// at the start of a word and after a vowel, `й`, `ъ` or `ь`.
pub(crate) fn bgn(c: char, prev: Option<char>) -> Option<&'static str> {
    let r = letter(c)?;
    let after_vowel = prev.is_none_or(|p| "аеёиоуыэюяйъьәөұүіaeiouy".contains(p));
    Some(match (c, after_vowel) {
        ('е', true) => "ye",
        ('ё', true) => "yë",
        _ => r.bgn,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::analysis::name::test_table_family!(
        russian,
        LETTERS.iter().map(|r| (r.cyr, r.key)),
        [
            ("Жумагулов", "jumagulov"),
            ("Аблязов", "abliasov"),
            ("Геннадьевич", "genadevic"),
            ("Сабаншиев", "sabanxev"),
            ("Щукин", "xcukin"),
            // Tajik and Azerbaijani Cyrillic letters.
            ("Раҳмон", "rahmon"),
            ("Ҷумъа", "juma"),
            ("Ҹәмил", "jamil"),
        ]
    );

    #[test]
    fn every_letter_has_all_columns() {
        for r in LETTERS {
            assert!(!r.bgn.is_empty(), "help: BGN column empty for {}", r.cyr);
            assert!(
                r.key.is_empty() == r.kz2021.is_empty(),
                "help: key/KZ 2021 columns disagree for {}",
                r.cyr
            );
        }
    }

    #[test]
    fn bgn_context_rule_for_ye() {
        assert_eq!(bgn('е', None), Some("ye"));
        assert_eq!(bgn('е', Some('а')), Some("ye"));
        assert_eq!(bgn('е', Some('л')), Some("e"));
    }
}
