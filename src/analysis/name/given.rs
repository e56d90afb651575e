//! Given names across languages (`tables/given_names.tsv`): the forms one given
//! name takes in Russian, Belarusian, Ukrainian, Polish, Lithuanian, Georgian,
//! Armenian and the press (Аляксандр / Александр / Oleksandr / Aleksandre;
//! Mikheil / Mikhail; Siarhei / Sergei / Serhiy). These are not spelling
//! variants a romanisation rule can reach (the consonants differ), so they are
//! a table, each row from its published source.
//!
//! A form is keyed the way a word of a name is ([`token_keys`]), so every
//! spelling of a listed form reaches its row. Two words are forms of one given
//! name when they share a row; a patronymic is the father's given name with an
//! ending, so two patronymics whose stems reach one row are one father's
//! (Рыгоравіч / Grigoryevich, გიორგის ძე / Georgievich).

use std::collections::HashMap;
use std::sync::OnceLock;

#[cfg(test)]
use super::token_keys;
use super::{base_keys, TokenKeys};

/// The table's rows: each name's headword, in the order of the file.
fn rows() -> impl Iterator<Item = &'static str> {
    include_str!("tables/given_names.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

/// The related key of a row: its headword after a `#`, which no other key
/// holds.
fn headword_key(row: u16) -> Option<String> {
    let line = rows().nth(usize::from(row))?;
    Some(format!("#{}", line.split('\t').next()?.trim()))
}

/// Translit key → the rows (given names) it is a form of. A form is reached by
/// each of its keys, except that a key that is another row's form as first read
/// stays that row's alone: `Alex`, read with x as х, has the key `aleh`, which is
/// Belarusian `Aleh` (Oleg) as written.
fn table() -> &'static HashMap<String, Vec<u16>> {
    static TABLE: OnceLock<HashMap<String, Vec<u16>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut keyed: Vec<(u16, Vec<String>)> = Vec::new();
        for (row, line) in rows().enumerate() {
            let forms = line.split('\t').nth(1).unwrap_or_default();
            let row = u16::try_from(row).unwrap_or(u16::MAX);
            for form in forms.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                keyed.push((row, base_keys(form).0.translit));
            }
        }
        let mut map: HashMap<String, Vec<u16>> = HashMap::new();
        let add = |key: &String, row: u16, map: &mut HashMap<String, Vec<u16>>| {
            let rows = map.entry(key.clone()).or_default();
            if !rows.contains(&row) {
                rows.push(row);
            }
        };
        for (row, keys) in &keyed {
            if let Some(first) = keys.first() {
                add(first, *row, &mut map);
            }
        }
        let firsts: HashMap<String, Vec<u16>> = map.clone();
        for (row, keys) in &keyed {
            for key in keys.iter().skip(1) {
                let others_first = firsts.get(key).is_some_and(|rs| !rs.contains(row));
                if !others_first {
                    add(key, *row, &mut map);
                }
            }
        }
        map
    })
}

/// The rows a translit key is a form of (empty when none).
fn rows_of(key: &str) -> &'static [u16] {
    table().get(key).map(Vec::as_slice).unwrap_or_default()
}

/// The related keys of a word whose translit keys are forms of given names in
/// the table: `#` and the row's headword (`#alexander` for Аляксандр, Ales and
/// Oleksandr), so the search meets the forms of one name across languages.
pub(crate) fn row_keys(translit: &[String]) -> Vec<String> {
    let mut rows = word_rows(translit);
    rows.sort_unstable();
    rows.dedup();
    rows.into_iter().filter_map(headword_key).collect()
}

/// The rows a word is a form of: those of its primary translit key when that key
/// is a form of some name, else those of any of its keys. A word's other readings
/// reach the table only when its first does not: `Alex` (aleks, and aleh with x read
/// as х) is a form of Alexander and Alexei, not of Oleg's Belarusian form Aleh;
/// `Viktorija` (viktorija, and viktoriia with j read as й) reaches Viktoriya by its
/// second.
fn word_rows(translit: &[String]) -> Vec<u16> {
    let primary = translit.first().map_or(&[][..], |k| rows_of(k));
    if !primary.is_empty() {
        return primary.to_vec();
    }
    translit
        .iter()
        .skip(1)
        .flat_map(|k| rows_of(k).iter().copied())
        .collect()
}

fn share_row(a: &[u16], b: &[u16]) -> bool {
    a.iter().any(|r| b.contains(r))
}

/// Whether two words are forms of one given name in the table.
pub(crate) fn same_given_name(a: &TokenKeys, b: &TokenKeys) -> bool {
    let ra = word_rows(&a.translit);
    !ra.is_empty() && share_row(&ra, &word_rows(&b.translit))
}

/// Patronymic endings on a translit key, longest first: East Slavic -ovich,
/// -evich, -avich, -ovna, -evna, -avna, Belarusian -euna / -auna (-еўна, -аўна),
/// the French -ovitch, the Georgian genitive before ძე (dze), -is after a
/// consonant-final name and -s after a vowel-final one (გიორგის, კობას: Koba's),
/// and Armenian -i (Azati); Ukrainian -йович and -івна / -ївна after a name's
/// vowel (Кобайович, Миколаївна: Koba, Mykola). Each leaves the father's name, or
/// its stem.
const ENDINGS: &[&str] = &[
    "ovitc", "evitc", "iovic", "ovic", "evic", "avic", "ovih", "evih", "avih", "ovna", "evna",
    "avna", "ivna", "euna", "auna", "ic", "is", "i", "s",
];

/// The father's-name stems of a patronymic key: the key without its ending.
fn stems(key: &str) -> Vec<&str> {
    ENDINGS
        .iter()
        .filter_map(|e| key.strip_suffix(e))
        .filter(|s| s.len() >= 3)
        .collect()
}

/// The rows a patronymic stem reaches: a form whose key is the stem, or the stem
/// and up to two letters of the name's own ending (grigor → grigorii, giorg →
/// giorgi).
fn stem_rows(stem: &str) -> Vec<u16> {
    let mut out: Vec<u16> = rows_of(stem).to_vec();
    for (key, rows) in table() {
        if key.len() > stem.len() && key.len() <= stem.len() + 2 && key.starts_with(stem) {
            out.extend(rows);
        }
    }
    out
}

/// Whether two patronymics name fathers whose given names are forms of one
/// name in the table, or one name that Georgian writes with its nominative
/// vowel (ივანეს ძე, Ivane's son, and Ivanovich: `ivane` / `ivan`).
pub(crate) fn same_father(a: &TokenKeys, b: &TokenKeys) -> bool {
    fn all_stems(k: &TokenKeys) -> Vec<&str> {
        k.translit.iter().flat_map(|key| stems(key)).collect()
    }
    let (sa, sb) = (all_stems(a), all_stems(b));
    // `x` is `y` with a final e or i.
    let vowel_added = |x: &str, y: &str| {
        x.len() == y.len() + 1 && x.starts_with(y) && (x.ends_with('e') || x.ends_with('i'))
    };
    if sa
        .iter()
        .any(|x| sb.iter().any(|y| vowel_added(x, y) || vowel_added(y, x)))
    {
        return true;
    }
    let ra: Vec<u16> = sa.iter().flat_map(|s| stem_rows(s)).collect();
    !ra.is_empty()
        && share_row(
            &ra,
            &sb.iter().flat_map(|s| stem_rows(s)).collect::<Vec<_>>(),
        )
}

/// Whether `word` may be the father's name a patronymic is made of: one of its
/// stems is the word, the word's own stem, or a form of the same given name
/// (Azatovich / Azati, Nikolozovich / Nikoloz).
pub(crate) fn father_of(patronymic: &TokenKeys, word: &TokenKeys) -> bool {
    patronymic.translit.iter().any(|pk| {
        stems(pk).iter().any(|s| {
            word.translit
                .iter()
                .any(|wk| wk == s || stems(wk).contains(s))
        })
    }) || same_father(patronymic, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_of_one_name_meet_and_two_names_do_not() {
        let k = |w: &str| token_keys(w).own();
        assert!(same_given_name(&k("Аляксандр"), &k("Alexander")));
        assert!(same_given_name(&k("Mikheil"), &k("Михаил")));
        assert!(same_given_name(&k("Siarhei"), &k("Serhiy")));
        assert!(!same_given_name(&k("Alexander"), &k("Alexei")));
        assert!(!same_given_name(&k("Mikhail"), &k("Nikolai")));
        // A word's first reading decides when it is a form: Alex is no Aleh (Oleg).
        assert!(same_given_name(&k("Alex"), &k("Aleksandr")));
        assert!(!same_given_name(&k("Alex"), &k("Aleh")));
        assert!(!same_given_name(&k("Alex"), &k("Oleg")));
        // Short forms across languages (Georgian Gigi, Russian Vika, Masha).
        assert!(same_given_name(&k("Gigi"), &k("გიორგი")));
        assert!(same_given_name(&k("Vika"), &k("Viktorija")));
        assert!(same_given_name(&k("Маша"), &k("Maryia")));
        assert!(!same_given_name(&k("Masha"), &k("Natalia")));
        // Muhammad in the Caucasus (Magomed), in Turkish (Mehmet), in Azerbaijani.
        assert!(same_given_name(&k("Magomed"), &k("Mohammed")));
        assert!(same_given_name(&k("Магомед"), &k("Mahammad")));
        assert!(same_given_name(&k("Mehmet"), &k("Muhammad")));
        assert!(!same_given_name(&k("Magomed"), &k("Ahmed")));
    }

    #[test]
    fn patronymics_meet_on_the_fathers_name() {
        let k = |w: &str| token_keys(w).own();
        assert!(same_father(&k("Рыгоравіч"), &k("Grigoryevich")));
        assert!(same_father(&k("Heorhiyeuna"), &k("Georgiyevna")));
        assert!(!same_father(&k("Рыгоравіч"), &k("Georgievich")));
        // A Georgian genitive of a name in -a (Koba's) and the Russian patronymic.
        assert!(father_of(&k("კობას"), &k("Kobaevich")));
        assert!(!father_of(&k("კობას"), &k("Kobakhidzevich")));
        // Ukrainian -йович after a vowel-final name, and -ївна.
        assert!(father_of(&k("კობას"), &k("Кобайович")));
        assert!(same_father(&k("Миколайович"), &k("Nikolaevich")));
        assert!(same_father(&k("Миколаївна"), &k("Nikolaevna")));
    }
}
