//! Kazakh Cyrillic letters (ә ғ қ ң ө ұ ү һ і): key piece, the Russian letter they
//! are flattened to in Russian-language documents, and their spelling in Kazakh
//! BGN/PCGN (1979) and the Kazakh Latin alphabet of 2021.
//!
//! The other letters of the Kazakh alphabet are the Russian ones (`ru.rs`).

use super::key_builder::KeyBuilder;

/// One Kazakh-specific letter.
pub(crate) struct Letter {
    /// The lower-case letter.
    pub(crate) cyr: char,
    /// Key piece. `ң` keys as `ng`, which the key's `ng → n` rule then
    /// merges with a flattened `н` and with Latin `ng`, `ñ`, `ń`, `n'`.
    pub(crate) key: &'static str,
    /// The Russian letter Russian-language documents write instead.
    pub(crate) flat: char,
    /// Kazakh BGN/PCGN (1979).
    pub(crate) bgn: &'static str,
    /// Kazakh Latin, 2021.
    pub(crate) kz2021: &'static str,
}

const fn l(
    cyr: char,
    key: &'static str,
    flat: char,
    bgn: &'static str,
    kz2021: &'static str,
) -> Letter {
    Letter {
        cyr,
        key,
        flat,
        bgn,
        kz2021,
    }
}

/// The nine letters Kazakh adds to the Russian alphabet, in alphabet order.
pub(crate) const LETTERS: &[Letter] = &[
    l('ә', "a", 'а', "ä", "ä"),
    l('ғ', "g", 'г', "gh", "ğ"),
    l('қ', "k", 'к', "q", "q"),
    l('ң', "ng", 'н', "ng", "ñ"),
    l('ө', "o", 'о', "ö", "ö"),
    l('ұ', "u", 'у', "u", "ū"),
    l('ү', "u", 'у', "ü", "ü"),
    l('һ', "h", 'х', "h", "h"),
    l('і', "i", 'и', "i", "ı"),
];

/// The row for a lower-case letter.
pub(crate) fn letter(c: char) -> Option<&'static Letter> {
    LETTERS.iter().find(|r| r.cyr == c)
}

/// Key rule for the Kazakh letters at `cs[i]`; returns the chars used (0 or 1).
pub(crate) fn key(cs: &[char], i: usize, raw: &mut KeyBuilder) -> usize {
    match letter(cs[i]) {
        Some(r) => {
            raw.push(r.key);
            1
        }
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::analysis::name::test_table_family!(
        kazakh,
        LETTERS.iter().map(|r| (r.cyr, r.key)),
        [
            ("Жұмағұлов", "jumagulov"),
            ("Қайырбек", "kairbek"),
            ("Жәкішев", "jakixev"),
            ("Құнанбайұлы", "kunanbaiuli"),
        ]
    );

    #[test]
    fn flattened_letter_keys_like_the_kazakh_one() {
        for r in LETTERS {
            let flat = super::super::ru::letter(r.flat).map(|f| f.key);
            // ң → н loses the g; the key's ng → n rule makes up for it.
            let want = if r.cyr == 'ң' { "n" } else { r.key };
            assert_eq!(
                flat,
                Some(want),
                "help: flattening of {} in kk::LETTERS",
                r.cyr
            );
        }
    }
}
