//! A whole name → its parts: the words of a name, each with its keys and its role
//! (surname, given name, patronymic), as `compare` and the search's name runs read
//! them (docs/name-matching.md, section 1).

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::super::words::{bare_name, is_word_char};
use super::{base_keys, fold, key, script, token_keys, TokenKeys};

/// The part a word plays in a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A given name (or a word whose role is not known).
    Given,
    /// The family name: the word in capitals in a surname-first name, else a
    /// word with a surname ending, else the last word.
    Surname,
    /// A patronymic (-ovich, -evna, -ович; -uly/-kyzy in a name of three or more
    /// words). A patronymic that does not match costs nothing in `compare`.
    Patronymic,
}

/// One word of a name with its keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NamePart {
    /// The word as written.
    pub text: String,
    /// Byte range of the word in the name given to [`name_keys`].
    pub span: Range<usize>,
    /// The word's keys.
    pub keys: TokenKeys,
    /// What the word is in the name.
    pub role: Role,
}

/// The analysis of a whole name: its words in order, with keys and roles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NameKeys {
    /// The words, in the order written.
    pub parts: Vec<NamePart>,
}

impl NameKeys {
    /// The words' keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &TokenKeys> {
        self.parts.iter().map(|p| &p.keys)
    }
}

/// Whether `c` continues a word of a name: letters, digits, combining marks,
/// and apostrophes after a letter (Kazakh Latin 2017 writes s', Qudai’bergen).
fn in_word(c: char, prev_in_word: bool) -> bool {
    is_word_char(c) || (prev_in_word && fold::is_apostrophe(c))
}

/// Splits a name into words (at spaces, hyphens, brackets, punctuation) and
/// analyses each, marking surname and patronymics.
///
/// ```
/// use whereas::name::{name_keys, Role};
/// let n = name_keys("АХМЕТОВ Сапар Кайратович");
/// let roles: Vec<Role> = n.parts.iter().map(|p| p.role).collect();
/// assert_eq!(roles, [Role::Surname, Role::Given, Role::Patronymic]);
/// let n = name_keys("Nursultan Äbışūly Nazarbaev");
/// assert_eq!(n.parts[1].role, Role::Patronymic);
/// assert_eq!(n.parts[2].role, Role::Surname);
/// assert_eq!(&"Nursultan Äbışūly Nazarbaev"[n.parts[2].span.clone()], "Nazarbaev");
/// ```
pub fn name_keys(name: &str) -> NameKeys {
    let mut parts: Vec<NamePart> = Vec::new();
    let mut start: Option<usize> = None;
    let push = |s: usize, e: usize, parts: &mut Vec<NamePart>| {
        let text = &name[s..e];
        parts.push(NamePart {
            text: text.to_string(),
            span: s..e,
            // A possessive or a Turkic case ending after an apostrophe is keyed
            // from the bare name, as the index keys it (`Sentsov’s`, `Karimli'nin`).
            keys: token_keys(bare_name(text)),
            role: Role::Given,
        });
    };
    for (i, c) in name.char_indices() {
        if in_word(c, start.is_some()) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            push(s, i, &mut parts);
        }
    }
    if let Some(s) = start {
        push(s, name.len(), &mut parts);
    }
    whole_name_spelling(&mut parts, fold::is_turkish_spelled, fold::turkish_reading);
    whole_name_spelling(&mut parts, fold::is_french_spelled, fold::french_reading);
    whole_name_spelling(&mut parts, fold::is_german_spelled, fold::german_reading);
    assign_roles(&mut parts);
    NameKeys { parts }
}

/// One writer spells a whole name in one system: in a name with a word that
/// shows a spelling (`spelled`), a word that does not is read that way too
/// (`reading`), beside its other readings. The word's own keys stay first, and it
/// keeps at most four readings in all (`TokenKeys::add_own`). Three systems are
/// read so: Turkish and Azerbaijani letters (ı, ş, ğ, ə; ç, ö, ü in a word with no
/// German letter group), whose `c` is дж (`Cemal Kaşıkçı`: Cemal = Джемаль =
/// Jemal; `Can Dündar`: Can = Джан); French spelling (`ou`, `dj`, `tch`: Maghrebi
/// and French-press spellings of Arabic names, French romanisations of Russian),
/// whose `ch` is ш (`Rached Ghannouchi`: Rached = Rashed, راشد); and the German
/// spelling of Russian names (`sch`, -ow, -witsch), whose `z` is ц (`Sergej
/// Udalzow` = Удальцов).
fn whole_name_spelling(
    parts: &mut [NamePart],
    spelled: fn(&str) -> bool,
    reading: fn(&str) -> Option<String>,
) {
    if !parts.iter().any(|p| spelled(&p.text)) {
        return;
    }
    for p in parts.iter_mut() {
        let Some(reading) = reading(bare_name(&p.text)) else {
            continue;
        };
        let (t, _) = base_keys(&reading);
        p.keys.add_own(t.translit, t.related);
    }
}

/// `n` read as a Turkish name written without its own letters (`Recep Tayyip
/// Erdogan`, `Can Dundar`): every word with a `c` keyed as its Turkish reading
/// ([`fold::turkish_reading`]: c = дж, or ч for a ç written c) in place of its own
/// keys. `None` when no word has such a reading. `compare` tries it when the name
/// as written matches nothing: a name with no Turkish letter shows nothing of its
/// spelling, so this reading is never added to its keys beside the others
/// ([`whole_name_spelling`] adds it where another word shows the spelling).
pub(crate) fn turkish_read(n: &NameKeys) -> Option<NameKeys> {
    // Latin letters only, and none that Turkish does not write: q, w, x, or a
    // letter group of another spelling (`Kashikchi`, `Berkovich`, `Zdanowicz`,
    // `Khalil`): a name with one is spelled another way throughout.
    const OTHER: [&str; 12] = [
        "ch", "sh", "kh", "zh", "gh", "th", "ph", "ck", "cz", "sc", "dj", "ou",
    ];
    let words: Vec<String> = n
        .parts
        .iter()
        .map(|p| bare_name(&p.text).to_lowercase())
        .collect();
    let turkish = |w: &String| {
        w.chars()
            .all(|c| c.is_alphabetic() && (c as u32) < 0x250 && !matches!(c, 'q' | 'w' | 'x'))
            && !OTHER.iter().any(|g| w.contains(g))
    };
    if !words.iter().all(turkish) {
        return None;
    }
    let mut out = n.clone();
    let mut any = false;
    for (p, word) in out.parts.iter_mut().zip(&words) {
        if let Some(reading) = fold::turkish_reading(word) {
            // Written without its letters, a Turkish c may also be ç (ч: `Candar`
            // = Çandar = Чандар).
            let (cedilla, _) = base_keys(&reading.replace('ǰ', "ç"));
            p.keys = token_keys(&reading);
            p.keys.add_own(cedilla.translit, cedilla.related);
            any = true;
        }
    }
    any.then_some(out)
}

fn is_caps(text: &str) -> bool {
    let mut letters = 0;
    for c in text.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// Whether a part is an initial: one letter of an alphabet (Latin, Greek,
/// Cyrillic, Armenian, Georgian). A Han character alone is a syllable of the
/// name, not an initial (桂 民 海).
pub(crate) fn is_initial(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic());
    match (letters.next(), letters.next()) {
        (Some(c), None) => (c as u32) < 0x0590 || ('\u{10A0}'..='\u{10FF}').contains(&c),
        _ => false,
    }
}

/// Whether part `k` is the word after a kinship particle (bin, ibn, بن), the
/// article between them passed over (`ibn al-Dheeb`); the article itself is not.
pub(crate) fn after_kin_particle(parts: &[NamePart], k: usize) -> bool {
    if k == 0 || k >= parts.len() {
        return false;
    }
    let kin = |i: usize| script::is_kin_particle(&parts[i].keys);
    let after =
        kin(k - 1) || (k >= 2 && kin(k - 2) && script::is_arabic_particle(&parts[k - 1].keys));
    after && !script::is_particle(&parts[k].keys)
}

fn assign_roles(parts: &mut [NamePart]) {
    let n = parts.len();
    let primary = |p: &NamePart| p.keys.translit.first().cloned().unwrap_or_default();
    // A patronymic follows the given name: never the first word (in a
    // surname-first name that is the surname). In a two-word name the last word
    // is the surname even when it ends like a patronymic (Lukashevich,
    // Abramovich). Turkic patronymic words written apart (oglu, qizi, uly,
    // kyzy) make the word before them a patronymic too.
    for k in 1..n {
        let key = primary(&parts[k]);
        let marker = script::is_patronymic_word(&parts[k].keys.folded);
        if marker {
            parts[k].role = Role::Patronymic;
            if k >= 2 {
                parts[k - 1].role = Role::Patronymic;
            }
        } else if n >= 3 && (key::is_russian_patronymic(&key) || key::is_kazakh_patronymic(&key)) {
            parts[k].role = Role::Patronymic;
        } else if after_kin_particle(parts, k) {
            // Arabic nasab: the name after bin / ibn / bint is the father's.
            parts[k].role = Role::Patronymic;
        }
    }
    // Two initials before the surname (И. В. Яшин, I.V. Yashin): the second is
    // the patronymic's, as East Slavic names are abbreviated.
    if n >= 3
        && is_initial(&parts[0].text)
        && is_initial(&parts[1].text)
        && !parts[1].keys.translit.is_empty()
        && !is_initial(&parts[n - 1].text)
    {
        parts[1].role = Role::Patronymic;
    }
    // Armenian: given name, the father's name in the genitive (-i: Azati,
    // Hakobi), surname in -yan / -ian (Serzh Azati Sargsyan).
    let armenian_surname = n >= 3 && primary(&parts[n - 1]).ends_with("ian");
    if armenian_surname && parts[1].role == Role::Given {
        let key = primary(&parts[1]);
        if key.len() >= 4 && key.ends_with('i') {
            parts[1].role = Role::Patronymic;
        }
    }
    // Three words, two patronymic-like after the first (Roman Arkadyevich
    // Abramovich): the last is the surname.
    if n == 3 && parts[1..].iter().all(|p| p.role == Role::Patronymic) {
        parts[n - 1].role = Role::Given;
    }
    let caps: Vec<bool> = parts.iter().map(|p| is_caps(&p.text)).collect();
    let n_caps = caps.iter().filter(|c| **c).count();
    if n_caps > 0 && n_caps < n {
        for (p, c) in parts.iter_mut().zip(caps) {
            if c && p.role != Role::Patronymic {
                p.role = Role::Surname;
            }
        }
        return;
    }
    let candidates: Vec<usize> = (0..n)
        .filter(|&i| parts[i].role != Role::Patronymic)
        .collect();
    let Some(&last) = candidates.last() else {
        return;
    };
    let first = candidates[0];
    // A form the table of given names lists (`Lyova`, a diminutive of Levon) is a
    // given name, though it ends like a surname (-ova).
    let listed_given = |i: usize| parts[i].keys.related.iter().any(|k| k.starts_with('#'));
    let surname_like = |i: usize| key::is_surname_like(&primary(&parts[i])) && !listed_given(i);
    let s = if first != last && surname_like(first) && !surname_like(last) {
        first
    } else {
        last
    };
    parts[s].role = Role::Surname;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_turkish_spelled_name_reads_c_as_dzh_within_the_key_cap() {
        let readings = |name: &str, k: usize| name_keys(name).parts[k].keys.own().translit;
        let jemal = readings("Jemal", 0);
        assert!(readings("Cemal Kaşıkçı", 0)
            .iter()
            .any(|k| jemal.contains(k)));
        assert!(!readings("Cemal Kashikchi", 0)
            .iter()
            .any(|k| jemal.contains(k)));
        // A word with many readings keeps at most four (key.rs MAX_KEYS).
        let many = readings("Chicjaxc Kaşıkçı", 0);
        assert!(many.len() <= super::super::key::MAX_KEYS, "{many:?}");
    }
}
