//! The rules by which a pairing of two names' words is still two people
//! (`docs/name-matching.md`, section 3): a patronymic standing where the other
//! name has a given name of its own, a middle initial against the other's first
//! given name, a father's name inside his son's.

use super::{given, is_initial, script, NameKeys, NamePart, Role, TokenKeys};

/// Whether `n` leaves a patronymic unpaired where the other name `o`, with as
/// many parts, leaves a given name of its own that is no initial and not the
/// same father's name in another form (Armenian Azati, a genitive, for
/// Azatovich). A surname left over is a second surname (Zourabichvili-Kachia).
pub(crate) fn patronymic_for_a_part(
    n: &NameKeys,
    used_n: &[bool],
    o: &NameKeys,
    po: &[bool],
    used_o: &[bool],
) -> bool {
    let open: Vec<&TokenKeys> = (0..n.parts.len())
        .filter(|&k| !used_n[k] && n.parts[k].role == Role::Patronymic)
        .map(|k| &n.parts[k].keys)
        .collect();
    !open.is_empty()
        && (0..o.parts.len()).any(|k| {
            let p = &o.parts[k];
            !used_o[k]
                && !po[k]
                && p.role == Role::Given
                && !is_initial(&p.text)
                && !open.iter().any(|q| given::father_of(q, &p.keys))
        })
}

/// Words written before a name that one spelling has and another leaves out,
/// which are also names and so not in the particle table (`tables/particles.tsv`):
/// the honorifics of a descendant of the Prophet (sayyid, seyed, syed, mir), of a
/// scholar or elder (sheikh, in French cheikh, German scheich, Turkish şeyh, Russian
/// шейх; mullah, imam), of a pilgrim (haji).
const LEADING_HONORIFICS: &[&str] = &[
    "sayyid",
    "sayed",
    "sayyed",
    "seyed",
    "seyyed",
    "syed",
    "sied",
    "mir",
    "sheikh",
    "shaikh",
    "sheik",
    "shaykh",
    "syeikh",
    "cheikh",
    "scheich",
    "seyh",
    "шейх",
    "haji",
    "hajji",
    "hadji",
    "imam",
    "mullah",
    "mulla",
    "سيد",
    "سید",
    "شيخ",
    "الشيخ",
    "شیخ",
    "الشیخ",
    "حاج",
    "الحاج",
    "امام",
    "ملا",
];

/// Whether part `k` of `n` is an honorific before a name of two words or more
/// (`Sheikh Hasan Mushaima`, `Seyed Hossein Ronaghi`): a title there, no part of
/// the name one spelling gives and another leaves out. Alone before one word it
/// may be the name (`Imam Hasan`), and is kept.
pub(crate) fn leading_honorific(n: &NameKeys, k: usize) -> bool {
    k == 0 && n.parts.len() >= 3 && LEADING_HONORIFICS.contains(&n.parts[0].keys.folded.as_str())
}

/// Whether a name reads as Arabic: a word in Arabic script, or the article or a
/// "son of" word (al-, bin) among its words.
pub(crate) fn arabic_styled(n: &NameKeys, particle: &[bool]) -> bool {
    n.parts.iter().enumerate().any(|(k, p)| {
        (particle[k] && script::is_arabic_particle(&p.keys))
            || p.text
                .chars()
                .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
    })
}

/// Whether `l` is a son's name of which `s` is the father's: `l`'s first word, a
/// given name, is left unpaired (not an honorific), and `s`'s first word is paired
/// with a later word of `l` (`to_l`: the part of `l` each part of `s` paired with).
pub(crate) fn fathers_chain(
    l: &NameKeys,
    pl: &[bool],
    used_l: &[bool],
    s: &NameKeys,
    ps: &[bool],
    to_l: &[Option<usize>],
) -> bool {
    let Some(l0) = (0..l.parts.len()).find(|&k| !pl[k]) else {
        return false;
    };
    let first = &l.parts[l0];
    if used_l[l0]
        || first.role != Role::Given
        || is_initial(&first.text)
        || LEADING_HONORIFICS.contains(&first.keys.folded.as_str())
    {
        return false;
    }
    let Some(s0) = (0..s.parts.len()).find(|&k| !ps[k]) else {
        return false;
    };
    matches!(to_l[s0], Some(m) if m > l0)
}

/// Whether part `k` of `n`, a father's name after bin / ibn / بن (an article
/// between passed over), may pair with
/// part `m` of `o`, a middle word of a name with no kinship word: Arabic names
/// often give the father's name without it (`Mohamed al-Dheeb al-Ajami` /
/// `محمد بن الذيب العجمي`), so that word is no given name of one's own.
pub(crate) fn unmarked_fathers_name(
    n: &NameKeys,
    k: Option<usize>,
    o: &NameKeys,
    m: Option<usize>,
) -> bool {
    let (Some(k), Some(m)) = (k, m) else {
        return false;
    };
    super::parts::after_kin_particle(&n.parts, k)
        && o.parts[..m].iter().any(is_full_given)
        && !o.parts.iter().any(|p| script::is_kin_particle(&p.keys))
}

/// Whether part `k` of `n` is a middle initial (a full given name comes before it:
/// `Rayhan E. Asat`) and part `m` of `o` is `o`'s first given name (`Ekpar Asat`):
/// a middle initial stands for a middle name, so the two do not pair, and the full
/// given names left (`Rayhan`, `Ekpar`) contradict.
pub(crate) fn middle_initial_for_first(n: &NameKeys, k: usize, o: &NameKeys, m: usize) -> bool {
    is_middle_initial(n, k) && !o.parts[..m].iter().any(is_given_word)
}

/// A given name that is no particle.
fn is_given_word(p: &NamePart) -> bool {
    p.role == Role::Given && !script::is_particle(&p.keys)
}

/// A given name written whole: no particle, no initial.
fn is_full_given(p: &NamePart) -> bool {
    is_given_word(p) && !is_initial(&p.text)
}

/// Whether part `k` of `n` is an initial after a full given name (`Rayhan E.`).
fn is_middle_initial(n: &NameKeys, k: usize) -> bool {
    is_initial(&n.parts[k].text) && n.parts[..k].iter().any(is_full_given)
}

/// The words that mark a son named as his father (Jr., junior, младший) and the
/// father (Sr., senior, старший), folded.
const JUNIOR: &[&str] = &["jr", "junior", "jun", "младший", "мл"];
const SENIOR: &[&str] = &["sr", "senior", "sen", "старший", "ст"];

/// Whether `n` names a son or a father by generation (Jr., Sr.) and `o` says the
/// other: a son named as his father has his father's given name in his
/// patronymic, so a junior `n` is not a name whose patronymic is another
/// father's (`Vladimir Kara-Murza Jr.` / `Vladimir Alexeyevich Kara-Murza`), and a
/// senior `n` is not one whose patronymic is his own given name; a junior is no
/// senior.
pub(crate) fn generation_contradicts(n: &NameKeys, o: &NameKeys) -> bool {
    let marker = |x: &NameKeys, words: &[&str]| {
        x.parts
            .iter()
            .any(|p| words.contains(&p.keys.folded.as_str()))
    };
    let (junior, senior) = (marker(n, JUNIOR), marker(n, SENIOR));
    if !junior && !senior {
        return false;
    }
    if (junior && marker(o, SENIOR)) || (senior && marker(o, JUNIOR)) {
        return true;
    }
    let Some(given) = n.parts.iter().find(|p| {
        is_full_given(p)
            && !JUNIOR.contains(&p.keys.folded.as_str())
            && !SENIOR.contains(&p.keys.folded.as_str())
    }) else {
        return false;
    };
    o.parts
        .iter()
        .filter(|p| p.role == Role::Patronymic)
        .any(|p| given::father_of(&p.keys, &given.keys) != junior)
}

/// The class of a key's first letter that an initial may stand for in another
/// romanisation: vowels and glides one (`E.` for Yevgenyevich), sibilants and
/// affricates one (`S.` for Charifovitch, French ch = ш), velars one, v and w one.
fn initial_class(c: char) -> char {
    match c {
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'j' => 'V',
        's' | 'c' | 'z' | 'x' => 'S',
        'k' | 'q' | 'g' | 'h' => 'K',
        'v' | 'w' => 'W',
        c => c,
    }
}

/// Whether `n` has a middle initial (after a full given name: `Vladimir V.
/// Kara-Murza`) that `o`'s patronymic cannot start with (`Vladimir Alexeyevich
/// Kara-Murza`): the initial is the patronymic's, of another father. Letters are
/// compared by [`initial_class`], since the initial may be of another
/// romanisation than the patronymic.
pub(crate) fn initial_against_patronymic(n: &NameKeys, o: &NameKeys) -> bool {
    let classes = |p: &NamePart| -> Vec<char> {
        p.keys
            .translit
            .iter()
            .filter_map(|k| k.chars().next())
            .map(initial_class)
            .collect()
    };
    let patronymics: Vec<Vec<char>> = o
        .parts
        .iter()
        .filter(|p| p.role == Role::Patronymic)
        .map(classes)
        .collect();
    if patronymics.is_empty() || n.parts.iter().any(|p| p.role == Role::Patronymic) {
        return false;
    }
    n.parts.iter().enumerate().any(|(k, p)| {
        is_middle_initial(n, k) && {
            let own = classes(p);
            !patronymics
                .iter()
                .any(|pc| pc.iter().any(|c| own.contains(c)))
        }
    })
}
