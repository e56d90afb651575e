//! The ways two words, or runs of adjacent words, of two names may pair
//! (`docs/name-matching.md`, section 2): a word match on the channels, consonant
//! skeletons across scripts, Baltic endings, vowels that differ, Belarusian
//! forms, Western Armenian surnames, patronymics in two conventions; and the one
//! pairing that never holds, a given name and its feminine form. `compare.rs`
//! takes the best pairings and decides.

use super::key::{PATRONYMIC_MARK, STEM_MARK};
use super::{
    cross, fuzzy_distance, glide, key_distance, script, token_keys, Channel, NameKeys, TokenKeys,
};

/// Whether one key is the other with a final `a`: a feminine form (Aleksandr /
/// Aleksandra, Evgeni / Evgenia, Evgeny / เอฟเกเนีย). A one-letter slip or a vowel
/// spelled otherwise is tolerated, but not this: a surname meets its feminine form
/// on its related key (Ivanov / Ivanova), a given name not at all.
/// The shorter word must end as a masculine name does, in a Latin or Cyrillic
/// consonant or in i / y / й (Evgeny): Turkish Rabiye and Uyghur Rabiyä differ
/// in a final vowel only, one name; a word in a script that leaves vowels out
/// (Arabic, Tibetan) says nothing of its ending.
pub(crate) fn feminine_pair(a: &TokenKeys, b: &TokenKeys) -> bool {
    let masculine_end = |t: &TokenKeys| {
        t.folded.chars().last().is_some_and(|c| {
            (c.is_ascii_alphabetic() || ('\u{430}'..='\u{45f}').contains(&c))
                && !"aeouаеэоуыяюё".contains(c)
        })
    };
    // The stem before the `a` the same, or the same on its consonants with the same
    // first letter, as a script with no v writes it (Thai เอฟเกเนีย, efgenia).
    let f = |x: &str, y: &str| {
        x.len() == y.len() + 1
            && x.ends_with('a')
            && (x.starts_with(y) || {
                let stem = &x[..x.len() - 1];
                stem.chars().next() == y.chars().next()
                    && cross::skeleton(stem) == cross::skeleton(y)
            })
    };
    a.translit.iter().any(|ka| {
        b.translit
            .iter()
            .any(|kb| (f(kb, ka) && masculine_end(a)) || (f(ka, kb) && masculine_end(b)))
    })
}

/// Whether two words end as a feminine and a masculine name do: one in `a` (or
/// я), the other in a consonant, both in Latin or Cyrillic letters (`Alexandra` /
/// `Alexander`, `Viktoria` / `Viktar`; a final -ah, -eh ends both). Two given names
/// that end so are a woman's and a man's, even with the same consonants;
/// [`feminine_pair`] is the narrower case of a final `a` added.
pub(crate) fn gendered_endings(a: &TokenKeys, b: &TokenKeys) -> bool {
    let end = |t: &TokenKeys| -> Option<bool> {
        let mut rev = t.folded.chars().rev();
        let c = rev.next()?;
        // A final h after a vowel writes the Persian and Arabic -eh, -ah, which ends
        // women's names (Varisheh, Fatemeh) and men's (Abdullah): no telling.
        if c == 'h' && rev.next().is_some_and(|p| "aeiou".contains(p)) {
            return None;
        }
        if !(c.is_ascii_alphabetic() || ('\u{430}'..='\u{45f}').contains(&c)) {
            return None;
        }
        if matches!(c, 'a' | 'а' | 'я') {
            Some(true)
        } else if "eiouyаеэоуыюёийь".contains(c) {
            None
        } else {
            Some(false)
        }
    };
    matches!((end(a), end(b)), (Some(x), Some(y)) if x != y)
}

pub(crate) fn word_match(a: &TokenKeys, b: &TokenKeys) -> Option<(Channel, f32)> {
    if a.translit.is_empty() || b.translit.is_empty() {
        return None;
    }
    if a.exact == b.exact {
        return Some((Channel::Exact, Channel::Exact.weight()));
    }
    if a.folded == b.folded {
        return Some((Channel::Folded, Channel::Folded.weight()));
    }
    if a.translit.iter().any(|k| b.translit.contains(k)) {
        return Some((Channel::Translit, Channel::Translit.weight()));
    }
    if a.related.iter().any(|k| b.related.contains(k)) {
        return Some((Channel::Related, Channel::Related.weight()));
    }
    if feminine_pair(a, b) {
        return None;
    }
    let mut best: Option<f32> = None;
    for ka in &a.translit {
        for kb in &b.translit {
            if let Some(d) = fuzzy_distance(ka, kb) {
                best = Some(best.map_or(d, |b: f32| b.min(d)));
            }
        }
    }
    best.map(|d| (Channel::Fuzzy, Channel::Fuzzy.weight() - 0.2 * d))
}

/// A word or a run of adjacent words of one name, as a matching unit.
pub(crate) struct Unit {
    pub(crate) start: usize,
    pub(crate) len: usize,
    pub(crate) keys: TokenKeys,
    /// Which script compared on consonant skeletons it is written in
    /// ([`script::skeleton_script`]; 0 for none).
    pub(crate) skeleton_script: u32,
    pub(crate) ends_in_particle: bool,
    /// Starts with the Arabic article written joined (`الغامدي`), which its key
    /// leaves out.
    pub(crate) joined_article: bool,
    /// Written in a script with one letter for a voiced and a voiceless
    /// consonant ([`script::is_tamil`]).
    pub(crate) unvoiced: bool,
}

impl Unit {
    /// Written in a script compared on consonant skeletons (an abjad, a Brahmic
    /// script, Thai).
    pub(crate) fn abjad(&self) -> bool {
        self.skeleton_script != 0
    }
}

pub(crate) fn units(n: &NameKeys, particle: &[bool]) -> Vec<Unit> {
    let mut out = Vec::new();
    let parts = &n.parts;
    for start in 0..parts.len() {
        for len in 1..=3usize {
            let end = start + len;
            if end > parts.len() {
                break;
            }
            let run = &parts[start..end];
            // A particle is no unit alone, and a kinship particle ends no run
            // (it belongs to the name after it: bin Salman). An article may
            // (Abd-El Fattah / Abdel Fattah).
            if particle[end - 1] && (len == 1 || script::is_kin_particle(&parts[end - 1].keys)) {
                continue;
            }
            let keys = if len == 1 {
                run[0].keys.clone()
            } else {
                let joined: String = run.iter().map(|p| p.text.as_str()).collect();
                token_keys(&joined).own()
            };
            let joined_article = run[0].text.starts_with("ال") && run[0].text.chars().count() > 4;
            let unvoiced = run.iter().any(|p| p.text.chars().any(script::is_tamil));
            let skeleton_script = run
                .iter()
                .flat_map(|p| p.text.chars())
                .map(script::skeleton_script)
                .max()
                .unwrap_or(0);
            out.push(Unit {
                start,
                len,
                keys,
                ends_in_particle: particle[end - 1],
                joined_article,
                unvoiced,
                skeleton_script,
            });
        }
    }
    out
}

/// Two units in different scripts, one at least compared on consonant
/// skeletons (an abjad, a Brahmic script, Thai: [`script::skeleton_script`];
/// Arabic against Devanagari too), meet on their consonant skeletons; a run of
/// `n > 1` joined words needs a skeleton of `n + 1` consonants or more (آسو
/// عزیزی, whose آسو is one consonant and a weak letter, would otherwise meet
/// Azizi alone).
///
/// A Tamil word (one letter for k and g, t and d, p and b, c, s and j, and k
/// for a foreign h) meets the other on both skeletons read the same way
/// ([`cross::unvoiced_skeleton`]): `முகமதி` / Mohammadi, `நர்கஸ்` / Narges.
///
/// The abjad side's article written joined is not in its key (`الغامدي` is
/// ghamdi); against such a word, a Latin word that writes the article joined
/// (`Alghamdi`) is tried without it too.
pub(crate) fn skeleton_match(a: &Unit, b: &Unit) -> bool {
    let n = a.len.max(b.len);
    let least = if n > 1 { n + 1 } else { 1 };
    // Each skeleton with the key it is of, for the diphthong check (`glide.rs`).
    let skeletons = |u: &Unit, other: &Unit| -> Vec<(String, String)> {
        let mut out = Vec::new();
        for k in &u.keys.translit {
            out.push((cross::abjad_skeleton(k), k.clone()));
            if !u.abjad() && other.joined_article {
                let bare = ["al", "el", "ul", "ol"]
                    .iter()
                    .find_map(|art| k.strip_prefix(art))
                    .filter(|rest| rest.len() >= 4);
                out.extend(bare.map(|b| (cross::abjad_skeleton(b), b.to_string())));
            }
        }
        // Against Arabic script, a Latin ch may be the French spelling of ش, as
        // Arabic has no ch of its own (Michel / ميشيل, Achraf / أشرف;
        // [`cross::french_ch`] says which ch).
        if !u.abjad()
            && other.skeleton_script == script::ARABIC_SKELETONS
            && cross::french_ch(&u.keys.folded.chars().collect::<Vec<char>>())
        {
            let french: Vec<(String, String)> = out
                .iter()
                .filter(|(s, _)| s.contains('c'))
                .map(|(s, k)| (s.replace('c', "x"), k.clone()))
                .collect();
            out.extend(french);
        }
        if a.unvoiced || b.unvoiced {
            for (s, _) in &mut out {
                *s = cross::unvoiced_skeleton(s);
            }
        }
        // Katakana and Hangul write a foreign dz as z (ゼ ze, 즈: Kaladze = カラーゼ).
        let kana_or_hangul = |u: &Unit| {
            matches!(
                u.skeleton_script,
                script::KATAKANA_SKELETONS | script::HANGUL_SKELETONS
            )
        };
        if kana_or_hangul(a) || kana_or_hangul(b) {
            for (s, _) in &mut out {
                *s = s.replace("ds", "s");
            }
        }
        if a.skeleton_script == script::HANGUL_SKELETONS
            || b.skeleton_script == script::HANGUL_SKELETONS
        {
            for (s, _) in &mut out {
                *s = cross::hangul_skeleton(s);
            }
        }
        out.retain(|(s, _)| !s.is_empty() && (least == 1 || s.chars().count() >= least));
        out
    };
    let arabic = |u: &Unit| u.skeleton_script == script::ARABIC_SKELETONS;
    a.skeleton_script != b.skeleton_script && {
        let sb = skeletons(b, a);
        skeletons(a, b).iter().any(|(s, ka)| {
            sb.iter()
                .any(|(t, kb)| s == t && glide::agree(ka, arabic(a), kb, arabic(b), true))
        })
    }
}

/// Lithuanian and Latvian add a nominative ending (-as, -is, -us, -ys, -s) to
/// foreign names (Aleksandras, Mirzijojevas, Seržas): a word with one matches
/// the other name's word without it.
pub(crate) fn baltic_match(a: &TokenKeys, b: &TokenKeys) -> Option<(Channel, f32)> {
    let stem = |k: &TokenKeys| -> Option<TokenKeys> {
        let f = &k.folded;
        if !f.is_ascii() || f.len() < 5 {
            return None;
        }
        ["as", "is", "us", "ys", "s"]
            .iter()
            .find(|e| f.ends_with(*e))
            .map(|e| token_keys(&f[..f.len() - e.len()]).own())
    };
    if let Some(sa) = stem(a) {
        if let Some(m) = word_match(&sa, b) {
            return Some(m);
        }
    }
    stem(b).and_then(|sb| word_match(a, &sb))
}

/// Two words whose keys have the same consonants in the same order and the
/// same first letter, differing only in vowels: Belarusian writes unstressed о
/// and е as а and я (Лукашэнка / Лукашенко, Аляксандр / Александр), and
/// romanisations spell vowels many ways (Nabeel / Nabil, Fattah / Fatteh). The
/// strength: 0.55 with five consonants or more, else 0.5; a name whose every
/// pairing is this weak is not a match (`compare.rs` decides so), and fewer than
/// three consonants match only when one vowel differs ([`one_vowel_apart`]; Lina /
/// Loujain are two names), in their keys or as written (`Su‘ūd` / `Saud`, whose
/// keys `sud` / `saud` differ in length once the long vowel is one letter).
pub(crate) fn vowels_differ(a: &TokenKeys, b: &TokenKeys) -> Option<f32> {
    // ʿAbd with the article (`Abdel`, the first word of `Abdel-Moneim`) is half a
    // name, whose l is the article's: never a spelling of a whole name with the
    // same consonants (`Abdullah`, ʿAbd Allah).
    if feminine_pair(a, b) || super::is_abd_joined(a) != super::is_abd_joined(b) {
        return None;
    }
    // Whether a word is in Arabic script, whose vowel letters the diphthong check
    // reads as written (`glide.rs`).
    let arabic = |k: &TokenKeys| {
        k.folded
            .chars()
            .find(|c| c.is_alphabetic())
            .map(script::skeleton_script)
            == Some(script::ARABIC_SKELETONS)
    };
    let (arabic_a, arabic_b) = (arabic(a), arabic(b));
    let mut best: Option<f32> = None;
    for ka in &a.translit {
        let sa = cross::skeleton(ka);
        if sa.len() < 3 {
            let blurred = arabic_vowels(ka);
            // Short names: one vowel spelled differently, the rest the same
            // (Leila / Laila, Roza / Rose).
            if b.translit.iter().any(|kb| one_vowel_apart(ka, kb))
                || one_vowel_apart(&a.folded, &b.folded)
                || blurred.is_some() && b.translit.iter().any(|kb| arabic_vowels(kb) == blurred)
            {
                best = Some(best.map_or(0.5, |b: f32| b.max(0.5)));
            }
            continue;
        }
        // The first letters agree, or both are vowels (Ukrainian Олександр /
        // Александр).
        let first_a = ka.chars().next();
        for kb in &b.translit {
            let first_b = kb.chars().next();
            let vowel = |c: Option<char>| c.is_some_and(|c| "aeiou".contains(c));
            let firsts = first_a == first_b || (vowel(first_a) && vowel(first_b) && sa.len() >= 4);
            if firsts && cross::skeleton(kb) == sa && glide::agree(ka, arabic_a, kb, arabic_b, true)
            {
                let s = if sa.len() >= 5 { 0.55 } else { 0.5 };
                best = Some(best.map_or(s, |b: f32| b.max(s)));
            }
        }
    }
    // Between two alphabets v and f are consonants: a skeleton of three or more
    // with them (Varisheh / Warisha: `vrx`, where the abjad skeleton keeps `rx`).
    for ka in &a.translit {
        let sa = cross::alphabet_skeleton(ka);
        if sa.len() < 3 || !ka.is_ascii() {
            continue;
        }
        for kb in &b.translit {
            if ka.chars().next() == kb.chars().next()
                && cross::alphabet_skeleton(kb) == sa
                && glide::agree(ka, arabic_a, kb, arabic_b, false)
            {
                let s = if sa.len() >= 5 { 0.55 } else { 0.5 };
                best = Some(best.map_or(s, |b: f32| b.max(s)));
            }
        }
    }
    best
}

/// A short key with its vowels as Arabic romanisations blur them: a final h after a
/// vowel dropped (ة: -ah, -a), the diphthong aw before a consonant or at the end
/// written o, and o as u, since Arabic has u and aw but no o (`Odah`, `Ouda`,
/// `Awdah`, `Awda`: `uda`; `Omar`, `Umar`: `umar`). `None` for a key that is not
/// ASCII or has no consonant.
fn arabic_vowels(key: &str) -> Option<String> {
    let vowel = |c: u8| b"aeiou".contains(&c);
    let b = key.as_bytes();
    if !key.is_ascii() || b.iter().all(|&c| vowel(c)) {
        return None;
    }
    let b = match b {
        [rest @ .., v, b'h'] if vowel(*v) => &b[..rest.len() + 1],
        _ => b,
    };
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let diphthong =
            b[i] == b'a' && b.get(i + 1) == Some(&b'v') && b.get(i + 2).is_none_or(|&c| !vowel(c));
        if diphthong {
            out.push('u');
            i += 2;
        } else {
            out.push(if b[i] == b'o' { 'u' } else { b[i] as char });
            i += 1;
        }
    }
    Some(out)
}

/// Two keys of four symbols or more, the same length, differing in one vowel
/// after the first symbol, or in a first e / i (Arabic i- that Turkish and Persian
/// spellings write e-: Israa / Esra, Ismail / Esmail).
pub(crate) fn one_vowel_apart(a: &str, b: &str) -> bool {
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    if a.len() != b.len() || a.len() < 4 || !a.is_ascii() || !b.is_ascii() {
        return false;
    }
    let diffs: Vec<(usize, u8, u8)> = a
        .bytes()
        .zip(b.bytes())
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .map(|(i, (x, y))| (i, x, y))
        .collect();
    let front = |x: u8, y: u8| matches!((x, y), (b'e', b'i') | (b'i', b'e'));
    matches!(diffs.as_slice(), [(i, x, y)]
        if (*i > 0 && vowel(*x as char) && vowel(*y as char)) || (*i == 0 && front(*x, *y)))
}

/// The Belarusian and Russian forms of one name: Belarusian writes ц and дз where
/// Russian has a soft т and д (Ціханоўская / Тихановская), and ў where Russian
/// has в after a vowel. Both keys read one way must be equal: ц, дз as т, д, and
/// в or ў after a vowel and before a consonant as `u`, with the `ou` the Latin
/// keys write as `u` (French ou) read `u` too (Tsikhanouskaya / Tikhanovskaya).
/// Where one key changed on that reading, its vowels may differ too, as Belarusian
/// writes unstressed о and е as а and я (Валянцін / Валентин, Valiantsin /
/// Valentin): the same first letter and the same consonants, three or more.
pub(crate) fn belarusian_forms(a: &TokenKeys, b: &TokenKeys) -> bool {
    a.translit.iter().any(|ka| {
        let ra = script::russian_way(ka);
        ra.len() >= 5
            && b.translit.iter().any(|kb| {
                let rb = script::russian_way(kb);
                rb == ra || {
                    let read = ra != *ka || rb != *kb;
                    let skeleton = cross::skeleton(&ra);
                    read && ra.chars().next() == rb.chars().next()
                        && skeleton.len() >= 3
                        && cross::skeleton(&rb) == skeleton
                }
            })
    })
}

/// ʿAbd (servant of) or Abu (father of) with the article in a Latin key: which of
/// the two (`true` for ʿAbd), and what follows. The article's vowel is spelled
/// five ways (`abdal`, `abdel`, `abdul`, `abdol`, `abdil`) and after Abu often
/// not at all (`Abul`, `Aboul`); a bare `abd` or `abu` has the article as a word of
/// its own (`Abd al-Hadi`): `abdulhadi` → `hadi`, `abdel` and `abul` → ``;
/// `None` for a key that is neither.
fn article_rest(key: &str) -> Option<(bool, &str)> {
    let (abd, rest) = if let Some(r) = key.strip_prefix("abd") {
        (true, r)
    } else {
        (false, key.strip_prefix("abu")?)
    };
    if rest.is_empty() {
        return Some((abd, rest));
    }
    let b = rest.as_bytes();
    if b.len() >= 2 && b"aeiou".contains(&b[0]) && b[1] == b'l' {
        Some((abd, &rest[2..]))
    } else if !abd && b[0] == b'l' {
        Some((abd, &rest[1..]))
    } else {
        None
    }
}

/// Two Latin spellings of ʿAbd or Abu with the article, written joined or apart,
/// that differ in the article's vowel (ALA-LC writes `ʿAbd al-`, `Abū al-`;
/// Egyptian and Maghrebi press `Abdel`, `Aboul`; Persian `Abdol`; Gulf and South
/// Asian `Abdul`, `Abul`): `Abdel` / `Abd al`, `Abdul Nasser` / `Abd al-Nasser`,
/// `Abdulhadi` / `Abd al-Hadi`, `Aboul` / `Abu al`. What follows must pair too:
/// the same key, or a word match of its keys (`Abdelmoneim` / `Abd al-Munim` do
/// not: that is a vowel apart, not a spelling of the article). ʿAbd never pairs
/// with Abu (`Abdul` / `Abul`). The channel is translit, or the rest's if weaker.
pub(crate) fn abd_article(a: &TokenKeys, b: &TokenKeys) -> Option<(Channel, f32)> {
    let mut best: Option<(Channel, f32)> = None;
    for ka in &a.translit {
        let Some((abd_a, ra)) = article_rest(ka) else {
            continue;
        };
        for kb in &b.translit {
            let Some((abd_b, rb)) = article_rest(kb) else {
                continue;
            };
            let m = if abd_a != abd_b {
                None
            } else if ra == rb {
                Some((Channel::Translit, Channel::Translit.weight()))
            } else if ra.len() >= 3 && rb.len() >= 3 {
                word_match(&token_keys(ra).own(), &token_keys(rb).own())
                    .map(|(ch, s)| (ch.max(Channel::Translit), s.min(Channel::Translit.weight())))
            } else {
                None
            };
            if let Some(m) = m {
                if best.is_none_or(|b| m.1 > b.1) {
                    best = Some(m);
                }
            }
        }
    }
    best
}

/// Two Armenian surnames (both ending in -ian, -yan, -ean or -jan, in any script),
/// one in a Western Armenian spelling: Western Armenian reads the Eastern voiced stops and
/// affricates as voiceless and the plain voiceless ones as voiced (բ p, պ b; դ t,
/// տ d; գ k, կ g; ջ ch, ճ j: Wikipedia, "Western Armenian", phonology, differences
/// from Eastern Armenian), and writes a vowel into clusters, so `Sarkissian` is
/// `Sargsyan` and `Boghossian` `Poghosyan`. Their skeletons read without voicing
/// ([`cross::unvoiced_skeleton`]) are equal, four consonants or more.
pub(crate) fn western_armenian(a: &TokenKeys, b: &TokenKeys) -> bool {
    // As written, or in the keys of a word in Armenian script (`Սարգսյան`: `sargsian`).
    let armenian = |t: &TokenKeys| {
        ["ian", "yan", "ean", "jan"]
            .iter()
            .any(|e| t.folded.ends_with(e))
            || t.translit.iter().any(|k| k.ends_with("ian"))
    };
    let unvoiced = |k: &String| cross::unvoiced_skeleton(&cross::abjad_skeleton(k));
    armenian(a)
        && armenian(b)
        && a.translit
            .iter()
            .map(unvoiced)
            .any(|sa| sa.chars().count() >= 4 && b.translit.iter().map(unvoiced).any(|sb| sb == sa))
}

/// Two patronymics in different conventions (Kazakh -ұлы / -qyzy, Russian
/// -ovich / -ovna): their stems, without the ending, within the fuzzy bound
/// (Қабылұлы / Kabulovich).
pub(crate) fn patronymics_match(a: &TokenKeys, b: &TokenKeys) -> bool {
    let stem = |k: &String| {
        k.trim_end_matches(PATRONYMIC_MARK)
            .trim_end_matches(STEM_MARK)
            .to_string()
    };
    a.related.iter().map(stem).any(|ra| {
        b.related
            .iter()
            .map(stem)
            .any(|rb| ra == rb || key_distance(&ra, &rb, 0.7).is_some())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_vowels_of_short_keys() {
        let form = |w: &str| arabic_vowels(&token_keys(w).translit[0]);
        for w in ["Odah", "Ouda", "Awdah", "Awda"] {
            assert_eq!(form(w).as_deref(), Some("uda"), "{w}");
        }
        assert_eq!(form("Omar"), form("Umar"));
        assert_ne!(form("Omar"), form("Amir"));
        assert_ne!(form("Oda"), form("Ida"));
        assert_eq!(form("Aia"), None);
    }

    #[test]
    fn feminine_forms() {
        let k = token_keys;
        assert!(feminine_pair(&k("Evgeny"), &k("Evgenia")));
        assert!(feminine_pair(&k("Aleksandr"), &k("Александра")));
        // Thai writes a v at the end of a syllable as ฟ (f).
        assert!(feminine_pair(&k("Evgeny"), &k("เอฟเกเนีย")));
        // One name in two languages' vowels, and two names.
        assert!(!feminine_pair(&k("Rabiye"), &k("Rabiyä")));
        assert!(!feminine_pair(&k("Evgeny"), &k("Evgeni")));
        assert!(!feminine_pair(&k("Ivan"), &k("Irina")));
    }
}
