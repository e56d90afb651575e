//! Foreign names written in katakana (`ラスル・ジャファロフ`, Rasul Jafarov; Japanese
//! news pages on the people EP resolutions name write them so).
//!
//! A word is read syllable by syllable in Hepburn (`tables/katakana.tsv`), a kana
//! with a small kana after it as the one syllable they write (ジャ ja, ファ fa,
//! ヴァ va), which `any_ascii` reads as two (jiya, fua, vua). Japanese has one
//! liquid, written with the ラ row for a foreign r and l alike (ラスヴェガス, Las
//! Vegas), so each of those syllables is read both ways; and it writes a vowel
//! after a consonant that ends a syllable (ラスル ra-su-ru, Rasul), so a katakana
//! word meets its Latin spellings on its consonant skeleton, as an abjad's does
//! ([`super::script::skeleton_script`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::script::parse_table;

/// How many ラ-row syllables, the first, are read both r and l: a word gets every
/// choice of them, at most four readings (a word's most translit keys,
/// `key::MAX_KEYS`).
const LIQUID_CHOICES: usize = 2;

/// The kana table: one kana or a kana with a small one after it → Latin.
fn table() -> &'static HashMap<String, String> {
    static TABLE: OnceLock<HashMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        parse_table(include_str!("tables/katakana.tsv"))
            .into_iter()
            .collect()
    })
}

/// The syllables of a katakana word in Latin letters, longest kana match first;
/// a doubled consonant (ッ) and a long vowel (ー) give none, a letter outside the
/// table its `any_ascii` reading.
fn syllables(cs: &[char]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        if let Some(two) = cs.get(i..i + 2) {
            let two: String = two.iter().collect();
            if let Some(latin) = table().get(&two) {
                out.push(latin.clone());
                i += 2;
                continue;
            }
        }
        let c = cs[i];
        i += 1;
        if matches!(c, 'ッ' | 'ー') {
            continue;
        }
        match table().get(c.encode_utf8(&mut [0; 4]) as &str) {
            Some(latin) => out.push(latin.clone()),
            None => out.push(any_ascii::any_ascii_char(c).to_lowercase()),
        }
    }
    out
}

/// The Latin readings of a katakana word: its Hepburn syllables with every ラ-row
/// syllable read r, then with one or both of the first two read l (at most
/// four). Hepburn's j and ch are written `dzh` and `tch`, the дж and ч
/// they stand for, which the Latin rules read as no glide, х or ш (ジャファロフ:
/// `dzhafarofu`).
pub(crate) fn readings(cs: &[char]) -> Vec<Vec<char>> {
    let syllables: Vec<String> = syllables(cs)
        .into_iter()
        .map(|s| s.replace("ch", "tch").replace('j', "dzh"))
        .collect();
    // The first ラ-row syllables: bit `n` of a reading's number reads the n-th as l.
    let liquid: Vec<usize> = (0..syllables.len())
        .filter(|&k| syllables[k].starts_with('r'))
        .take(LIQUID_CHOICES)
        .collect();
    (0..1usize << liquid.len())
        .map(|mask| {
            let mut out = Vec::new();
            for (k, s) in syllables.iter().enumerate() {
                let l = liquid
                    .iter()
                    .position(|&q| q == k)
                    .is_some_and(|bit| mask & (1 << bit) != 0);
                if l {
                    out.push('l');
                    out.extend(s.chars().skip(1));
                } else {
                    out.extend(s.chars());
                }
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(word: &str) -> Vec<String> {
        super::super::script::readings_of(readings, word)
    }

    #[test]
    fn syllables_with_small_kana_are_one() {
        assert_eq!(read("ジャファロフ"), ["dzhafarofu", "dzhafalofu"]);
        assert_eq!(read("ヴィクトリア")[0], "vikutoria");
        assert_eq!(read("ウラジーミル")[0], "uradzhimiru");
        assert_eq!(read("ナッシュ"), ["nashu"]);
    }

    #[test]
    fn the_ra_row_reads_r_and_l() {
        let r = read("ラスル");
        assert_eq!(r.len(), 4);
        assert!(r.contains(&"rasulu".to_string()));
        assert!(r.contains(&"lasuru".to_string()));
        // Two r / l choices at most: four readings.
        assert_eq!(read("ラリルレロ").len(), 4);
    }
}
