//! Keys across scripts: how a word meets its spellings in other scripts
//! (`docs/name-matching.md`, sections 2 and 6).
//!
//! Consonant skeletons first: a word in a script that leaves short vowels
//! unwritten (an abjad, a Brahmic script) or writes them unreliably (Thai) meets
//! its spellings in alphabets that write them on its consonants. In: a word's
//! translit key (and the word, for its script and first letter). Out: its
//! skeleton (vowels, glides and a final `h` dropped), which `compare` pairs on;
//! the search's skeleton keys (`=mhmd`; a short key across scripts only, `<pn` /
//! `>pn` with the ending's class); and for Tamil, which has one letter for a
//! voiced and a voiceless stop, the skeleton read without voicing (`compare`) and
//! the key in each voiced reading (the search). Then [`cross_keys`], every key a
//! word gets for the search only: those skeleton keys, a Han name's pinyin words,
//! a Belarusian word's Russian reading.

use super::glide;
use super::script::{
    after_joined_article, drops_short_vowels, han_name_spellings, is_han, is_tamil, russian_way,
    skeleton_script, ARABIC_SKELETONS, BELARUSIAN_MARK, HANGUL_SKELETONS,
};

/// The consonant skeleton of a translit key: vowels, glides (`i`, `v`, which
/// Arabic script writes for long vowels) and a final `h` (Arabic ة, Latin -ah)
/// dropped; `f` goes with `v`, since Arabic and Persian write v as ف; `j` is
/// `g` (ج is g in Egyptian Arabic and Persian spellings: Gamal, Narges / نرجس);
/// `p` is `b` and the consonants `t`, `x` (t, sh) are `c` (ch), since Arabic
/// writes a foreign p with ب and ch with تش (Patrick = باتريك, Khachatryan =
/// خاتشاتريان); a final `d` or `g` is `t` or `k` (final devoicing: Ahmet = احمد).
pub(crate) fn skeleton(key: &str) -> String {
    skeleton_of(key, true)
}

/// [`skeleton`] with `v` and `f` kept as the consonants they are between two
/// spellings in alphabets (Varisheh / Warisha: `vrx`), where [`skeleton`] drops
/// them as an abjad's و and ف may write a vowel.
pub(crate) fn alphabet_skeleton(key: &str) -> String {
    skeleton_of(key, false)
}

fn skeleton_of(key: &str, drop_v_f: bool) -> String {
    let mut out: String = key
        .chars()
        .filter(|c| {
            let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
            !(vowel || (drop_v_f && matches!(c, 'v' | 'f')))
        })
        .map(|c| match c {
            'j' => 'g',
            'p' => 'b',
            c => c,
        })
        .collect::<String>()
        .replace("tx", "c");
    if out.len() > 2 && out.ends_with('h') {
        out.pop();
    }
    // A final d or g is t or k: Turkish and Azerbaijani write the names they share
    // with Arabic and Persian devoiced at the end (Ahmet / احمد Ahmad, Murat /
    // Murad, Cevat / Javad), as Tibetan romanisations do (Deleg / Delek); on three
    // consonants or more, as two meet too many words already (Хада / Heyit).
    if out.len() > 2 {
        match out.pop() {
            Some('d') => out.push('t'),
            Some('g') => out.push('k'),
            Some(c) => out.push(c),
            None => {}
        }
    }
    out
}

/// [`skeleton`] with runs collapsed: in an abjad a doubled letter is written
/// once (with a shadda, or not at all), and the two l of Jalali are adjacent in
/// جلالي once its vowels are unwritten.
///
/// ʿAbd al- before a sun letter (t, d, r, z, s, sh, n) loses the article's l, as
/// the Latin spellings that write its assimilation do (`Abdurrahman`, `Abdurehim`)
/// and Arabic script never does (`عبدالرحمن`): `bdlrhmn` is `bdrhmn`.
pub(crate) fn abjad_skeleton(key: &str) -> String {
    let assimilated = assimilated(key);
    let key = assimilated.as_deref().unwrap_or(key);
    let mut out = String::with_capacity(key.len());
    for c in skeleton(key).chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// A key with the l of ʿAbd al- dropped before a sun letter ([`abjad_skeleton`]):
/// `a`, `bd`, a vowel, `l`, then t, d, r, z, s, sh (`x`) or n, read on the key, where
/// the letter after the article is still there (the skeleton drops f: `عبدالفتاح`).
fn assimilated(key: &str) -> Option<String> {
    let b = key.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'a'));
    if b.get(i..i + 2) != Some(b"bd") {
        return None;
    }
    i += 2;
    if matches!(b.get(i), Some(b'a' | b'e' | b'i' | b'o' | b'u')) {
        i += 1;
    }
    (b.get(i) == Some(&b'l')
        && matches!(
            b.get(i + 1),
            Some(b't' | b'd' | b'r' | b'z' | b's' | b'x' | b'n')
        ))
    .then(|| format!("{}{}", &key[..i], &key[i + 1..]))
}

/// Whether a Latin word has a ch that French spells ش with: not at the end of the
/// word, not after s or t (`Chokri`, `Ghannouchi`; not `Borisovich`, `Schäkischew`).
pub(crate) fn french_ch(cs: &[char]) -> bool {
    cs.windows(2).enumerate().any(|(i, w)| {
        w == ['c', 'h'] && i + 2 < cs.len() && !(i > 0 && matches!(cs[i - 1], 's' | 't'))
    })
}

/// The mark that starts a consonant-skeleton key ([`skeleton_key`]), so that it
/// never equals a stem key of another word.
pub(crate) const SKELETON_MARK: char = '=';

/// The fewest consonants a skeleton key keeps: a skeleton of one or two
/// consonants (`rs` of Raisi, Rosa, Rusu) matches too many names to rank.
pub(crate) const SKELETON_MIN: usize = 3;

/// A word's consonant-skeleton key, for the related channel: `=`, then `_`
/// when the word starts with a vowel, then the [`abjad_skeleton`] of `key`, its
/// primary translit key; `None` when the skeleton has fewer than
/// [`SKELETON_MIN`] consonants or the word (`cs`, lower case) fewer than
/// [`SKELETON_MIN`] consonant letters (`Max`, whose `x` keys as `ks`). Scripts
/// that leave short vowels unwritten (Arabic, Persian, Hebrew) and the Latin or
/// Cyrillic spellings of the same name meet here (محمدی and Mohammadi: `=mhmd`),
/// and only here: the key is related, never translit, since Latin names that
/// differ only in their vowels (Mahmadi, Muhammedi) share it too. An abjad
/// writes a word-initial vowel (with alif or alef, or ʿayn, which a Latin
/// spelling writes as a vowel), so the initial vowel is kept: a vowel added in front
/// (`O'Sagintaev`) makes another name.
pub(crate) fn skeleton_key(cs: &[char], key: &str) -> Option<String> {
    let skel = abjad_skeleton(key);
    if skel.chars().count() < SKELETON_MIN || !skel.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let abjad = cs.iter().any(|&c| drops_short_vowels(c));
    let consonants = if abjad {
        cs.iter().filter(|c| c.is_alphabetic()).count()
    } else {
        cs.iter()
            .filter(|c| c.is_alphabetic() && !is_vowel_letter(**c))
            .count()
    };
    if consonants < SKELETON_MIN {
        return None;
    }
    let vowel_first = starts_with_vowel(cs, key, abjad);
    let initial = if vowel_first { "_" } else { "" };
    Some(format!("{SKELETON_MARK}{initial}{skel}"))
}

/// Whether a word starts with a vowel, as its skeleton keys mark it: its key does,
/// or an abjad word starts with an alif or ʿayn (an Arabic article written joined,
/// which the key leaves out, is passed over: `القحطاني` is qahtani, consonant-first).
fn starts_with_vowel(cs: &[char], key: &str, abjad: bool) -> bool {
    let body = after_joined_article(cs);
    key.starts_with(['a', 'e', 'i', 'o', 'u'])
        || (abjad && body.first().is_some_and(|c| "اأإآٱعאע".contains(*c)))
}

/// The mark that starts a short skeleton key ([`short_skeleton_key`]) of a word
/// written with its vowels (Latin, Cyrillic, Greek, …).
pub(crate) const SHORT_SKELETON_VOWELLED: char = '<';

/// The mark that starts a short skeleton key of a word in a script of
/// [`drops_short_vowels`].
pub(crate) const SHORT_SKELETON_ABJAD: char = '>';

/// The mark that starts a word's consonant-class key on the side of the Han
/// characters (`transcription::search_keys`).
pub(crate) const CLASSES_HAN: char = '^';

/// The mark that starts a word's consonant-class key on the side of the
/// alphabets (Latin, Cyrillic, Arabic, …).
pub(crate) const CLASSES_ALPHABET: char = '%';

/// A word's short consonant-skeleton key: a skeleton of exactly one consonant
/// fewer than [`SKELETON_MIN`], then how the word ends (`جعفر` and `Jafar`: `gr`;
/// `پناهی` and `Panahi`: `pn` and `i`), which [`skeleton_key`] leaves out because, among Latin names alone,
/// two consonants match too many (Panahi, Pani, Pина). A short key is a key across
/// scripts only: it is marked by the side it comes from
/// ([`SHORT_SKELETON_VOWELLED`] for a word written with its vowels,
/// [`SHORT_SKELETON_ABJAD`] for an abjad or abugida word), the index keeps each
/// word's own mark, and a query asks for the other mark ([`query_key`]), so an
/// Arabic-script query meets Latin and Cyrillic spellings on it, a Latin query
/// meets Arabic-script ones, and two Latin words never meet on it. The same
/// initial-vowel mark as [`skeleton_key`]'s.
///
/// A word that starts with a vowel (an alif or ʿayn in an abjad) has a short key
/// with one consonant too: the initial vowel, the consonant and the ending are
/// three signs, as many as a two-consonant key (`علي` and `Ali`: `_l` and `i`;
/// `علاء` and `Alaa`: `_l` and `a`).
pub(crate) fn short_skeleton_key(cs: &[char], key: &str) -> Option<String> {
    let skel = abjad_skeleton(key);
    let n = skel.chars().count();
    if n == 0 || !skel.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let abjad = cs.iter().any(|&c| drops_short_vowels(c));
    let vowel_first = starts_with_vowel(cs, key, abjad);
    let least = if vowel_first { 1 } else { SKELETON_MIN - 1 };
    if !(least..SKELETON_MIN).contains(&n) {
        return None;
    }
    let consonants = cs
        .iter()
        .filter(|c| c.is_alphabetic() && (abjad || !is_vowel_letter(**c)))
        .count();
    if consonants < least {
        return None;
    }
    let mark = if abjad {
        SHORT_SKELETON_ABJAD
    } else {
        SHORT_SKELETON_VOWELLED
    };
    let initial = if vowel_first { "_" } else { "" };
    // How the word ends, which an abjad writes too (a final long vowel, or
    // ه / ة for -a, -e, -h): `i`, `u` (also o, v: و), `a` (also e, h), or
    // nothing after a consonant. Two consonants and the ending keep Raisi
    // (`rs` + `i`) apart from Rosa (`rs` + `a`).
    // A final alif and hamza (`علاء`) is a long a the key leaves out.
    let ending = match key.chars().last() {
        _ if abjad && cs.ends_with(&['ا', 'ء']) => "a",
        Some('i') => "i",
        Some('u' | 'o' | 'v') => "u",
        Some('a' | 'e' | 'h') => "a",
        _ => "",
    };
    Some(format!("{mark}{initial}{skel}{ending}"))
}

/// Whether a related key is a consonant skeleton (`=gml`, `<li`, `>li`): a key that
/// every name with those consonants shares (`Gomel`, `Jamal` and `جمال`: `=gml`).
#[cfg_attr(not(feature = "index"), allow(dead_code))]
pub(crate) fn is_skeleton_key(key: &str) -> bool {
    key.starts_with(['=', SHORT_SKELETON_VOWELLED, SHORT_SKELETON_ABJAD])
}

/// The form in which a query asks an index for one of a word's related keys
/// ([`TokenKeys::related`](super::TokenKeys::related)): a short consonant
/// skeleton, a key across scripts only, is indexed with the mark of the side it
/// comes from and asked for with the other side's mark; every other key is asked
/// for as it is. Whoever queries an index of [`token_keys`](super::token_keys)
/// keys directly (the `scale` module's engine requests do) maps related keys
/// through this.
///
/// ```
/// use whereas::name::{query_key, token_keys};
/// let latin = token_keys("Panahi").related;
/// let persian = token_keys("پناهی").related;
/// // Only the query form of one meets the other's indexed keys.
/// assert!(latin.iter().any(|k| persian.contains(&query_key(k).into_owned())));
/// assert!(!latin.iter().any(|k| k.starts_with('<') && persian.contains(k)));
/// assert_eq!(query_key("panah"), "panah");
/// ```
pub fn query_key(key: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if let Some(rest) = key.strip_prefix(SHORT_SKELETON_VOWELLED) {
        Cow::Owned(format!("{SHORT_SKELETON_ABJAD}{rest}"))
    } else if let Some(rest) = key.strip_prefix(SHORT_SKELETON_ABJAD) {
        Cow::Owned(format!("{SHORT_SKELETON_VOWELLED}{rest}"))
    } else if let Some(rest) = key.strip_prefix(CLASSES_HAN) {
        Cow::Owned(format!("{CLASSES_ALPHABET}{rest}"))
    } else if let Some(rest) = key.strip_prefix(CLASSES_ALPHABET) {
        Cow::Owned(format!("{CLASSES_HAN}{rest}"))
    } else {
        Cow::Borrowed(key)
    }
}

/// Whether a lower-case Latin or Cyrillic letter is a vowel (`y` too: Latin
/// spellings write it for и, ы and й).
fn is_vowel_letter(c: char) -> bool {
    let base = super::fold::base_letter(c).unwrap_or(c);
    "aeiouyаеёиоуыэюяіїєұүөәў".contains(base)
}

/// A consonant skeleton ([`abjad_skeleton`]) as a Hangul word can write it
/// (`hangul.rs`): ㅂ writes b and v, ㅍ p and f, so the labials go (v and f are
/// gone already, p is b); ㄹ writes r and l, so l is r; and a Korean name's ㄱ, ㄷ
/// are written k or g, t or d (McCune-Reischauer and the press write `Kim`, Revised
/// Romanization `Gim`), so g is k and d is t; runs collapsed.
pub(crate) fn hangul_skeleton(skeleton: &str) -> String {
    let mut out = String::with_capacity(skeleton.len());
    for c in skeleton.chars().filter(|&c| c != 'b') {
        let c = match c {
            'l' => 'r',
            'g' => 'k',
            'd' => 't',
            c => c,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// A consonant skeleton ([`abjad_skeleton`]) as a Tamil word can write it:
/// voiced and voiceless stops one letter (g, h, q → k; d → t; b → p), the
/// sibilants and affricates one (j, z, c, x → s), runs collapsed.
pub(crate) fn unvoiced_skeleton(skeleton: &str) -> String {
    let mut out = String::with_capacity(skeleton.len());
    for c in skeleton.chars() {
        let c = match c {
            'g' | 'h' | 'q' => 'k',
            'd' => 't',
            'b' => 'p',
            'j' | 'z' | 'c' | 'x' => 's',
            c => c,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// The most readings [`voiced_readings`] gives one key.
const MAX_VOICED_READINGS: usize = 16;

/// A Tamil word's skeleton key read every way its letters can sound (k as k,
/// g or h; t as t or d; p as p or b; c or s as s, j, z or the `x` of sh), so
/// that the search meets `முகமதி` (`=mkmt`) with Mohammadi (`=mhmd`); at most
/// [`MAX_VOICED_READINGS`], the key as written first.
pub(crate) fn voiced_readings(key: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for c in key.chars() {
        let options: &[char] = match c {
            'k' => &['k', 'g', 'h'],
            't' => &['t', 'd'],
            'p' => &['p', 'b'],
            'c' | 's' => &['s', 'j', 'z', 'x'],
            _ => &[],
        };
        if options.is_empty() {
            out.iter_mut().for_each(|o| o.push(c));
            continue;
        }
        let mut next = Vec::new();
        for o in &out {
            for &r in options {
                if next.len() < MAX_VOICED_READINGS {
                    next.push(format!("{o}{r}"));
                }
            }
        }
        out = next;
    }
    out
}

/// The name after an Arabic article written joined to it in Latin letters: `al`
/// or `el`, then five letters or more starting with a consonant (`Alghamdi`,
/// `Elbaradei`); `None` for other words (`Alexei`, `Albert`: too short a rest).
fn joined_article_rest(cs: &[char]) -> Option<&[char]> {
    let rest = match cs {
        ['a' | 'e', 'l', rest @ ..] => rest,
        _ => return None,
    };
    let consonant = |c: &char| c.is_ascii_lowercase() && !"aeiouy".contains(*c);
    (rest.len() >= 5
        && rest.iter().all(|c| c.is_ascii_lowercase())
        && rest.first().is_some_and(consonant))
    .then_some(rest)
}

/// The keys a word gets for the search only, to meet its spellings in other
/// scripts (translit keys, related keys): a Han name's pinyin words
/// ([`han_name_spellings`], their primary keys, with their related keys), and
/// any other word's consonant-skeleton key ([`skeleton_key`] of its primary
/// translit key; of each translit key for a word in a script that leaves short
/// vowels unwritten, whose keys are its readings; a Hangul word's also without
/// its labials, as ㅂ and ㅍ write v and f). A Han word gets no skeleton:
/// its pinyin keys are its Latin spellings.
pub(crate) fn cross_keys(cs: &[char], translit_all: &[String]) -> (Vec<String>, Vec<String>) {
    let primary = translit_all.first();
    let (mut translit, mut related) = (Vec::new(), Vec::new());
    if cs.iter().any(|&c| is_han(c)) {
        // Primary keys only: pinyin is unambiguous (its `x` is never the Uzbek
        // `x` = h), and a Latin spelling's keys always include its primary one.
        // A syllable of the given name alone (`jin` of 习近平, for `Xi Jin Ping`)
        // is a related key only: on the translit channel it would meet whole
        // words of other names (璋 zhang and the surname Zhang).
        let (words, syllables) = han_name_spellings(cs);
        for spelling in words {
            if let Some(k) = super::key::translit_keys(&spelling).into_iter().next() {
                related.extend(super::key::related(&k));
                translit.push(k);
            }
        }
        for spelling in syllables {
            if let Some(k) = super::key::translit_keys(&spelling).into_iter().next() {
                related.extend(super::key::related(&k));
            }
        }
    } else if cs.iter().any(|&c| drops_short_vowels(c)) {
        // A word read several ways (Persian ض z, Arabic d) has the skeleton of each;
        // a Tamil word, each voiced reading of its letters too.
        let tamil = cs.iter().any(|&c| is_tamil(c));
        let hangul = cs.iter().any(|&c| skeleton_script(c) == HANGUL_SKELETONS);
        let arabic = cs.iter().any(|&c| skeleton_script(c) == ARABIC_SKELETONS);
        for key in translit_all {
            let skeleton = skeleton_key(cs, key);
            // The diphthong's key (`glide.rs`): ي in Arabic script.
            let glide = skeleton
                .as_deref()
                .filter(|_| arabic)
                .and_then(|sk| glide::glide_skeleton_key(sk, key, true));
            for skel in skeleton
                .into_iter()
                .chain(glide)
                .chain(short_skeleton_key(cs, key))
            {
                let readings = if tamil {
                    voiced_readings(&skel)
                } else if hangul {
                    // ㅂ and ㅍ also write v and f, which a Latin skeleton drops.
                    let labial_free: String = skel.chars().filter(|&c| c != 'b').collect();
                    let consonants = labial_free.chars().filter(char::is_ascii_lowercase);
                    if labial_free != skel && consonants.count() >= SKELETON_MIN {
                        vec![skel, labial_free]
                    } else {
                        vec![skel]
                    }
                } else {
                    vec![skel]
                };
                for skel in readings {
                    if !related.contains(&skel) {
                        related.push(skel);
                    }
                }
            }
        }
    } else if let Some(k) = primary {
        let skeleton = skeleton_key(cs, k);
        // The diphthong's key (`glide.rs`): ai, ei between two consonants.
        let glide = skeleton
            .as_deref()
            .and_then(|sk| glide::glide_skeleton_key(sk, k, false));
        related.extend(
            skeleton
                .into_iter()
                .chain(glide)
                .chain(short_skeleton_key(cs, k)),
        );
        // A short word's other readings may end otherwise (English -ee is и:
        // `Iraee` also `irai`, as `ایرایی` ends), and the short key tells endings
        // apart: the short key of each reading with the same first letter and
        // consonants (not `iamel`, the j of `Jameel` read as a glide).
        let k_skeleton = abjad_skeleton(k);
        let same_consonants =
            |o: &String| o.chars().next() == k.chars().next() && abjad_skeleton(o) == k_skeleton;
        for other in translit_all.iter().skip(1).filter(|o| same_consonants(o)) {
            if let Some(key) = short_skeleton_key(cs, other) {
                if !related.contains(&key) {
                    related.push(key);
                }
            }
        }
        // A Latin ch may be the French spelling of ش (Ghannouchi / الغنوشي): the
        // skeleton keys with it read sh too, as `compare` reads it against Arabic
        // script; not a final ch (the Slavic -ich, -vich) nor one after s or t (German
        // sch and French tch have their own readings).
        if k.contains('c') && french_ch(cs) {
            let french = k.replace('c', "x");
            for key in skeleton_key(cs, &french)
                .into_iter()
                .chain(short_skeleton_key(cs, &french))
            {
                if !related.contains(&key) {
                    related.push(key);
                }
            }
        }
        // The Arabic article written joined in Latin letters (`Alghamdi`, `Alqarni`):
        // also the skeleton keys of the name after it, which an Arabic spelling
        // (`الغامدي`) and a spelling with the article apart (`al-Ghamdi`) have.
        let rest_key = k.strip_prefix("al").or_else(|| k.strip_prefix("el"));
        if let (Some(rest), Some(rest_key)) = (joined_article_rest(cs), rest_key) {
            related.extend(
                skeleton_key(rest, rest_key)
                    .into_iter()
                    .chain(short_skeleton_key(rest, rest_key)),
            );
        }
    }
    // The Belarusian and Russian forms of one name meet on the Russian reading
    // (Tsikhanouskaya / Tikhanovskaya), as `compare` reads them.
    if let Some(k) = primary.filter(|_| !cs.iter().any(|&c| is_han(c))) {
        let rw = russian_way(k);
        if rw.len() >= 5 && rw != *k {
            related.push(format!("{BELARUSIAN_MARK}{rw}"));
        }
    }
    (translit, related)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_joined_article_is_passed_over() {
        // القحطاني keys as qahtani: consonant-first, as the Latin Qahtani.
        let k = |w: &str| super::super::token_keys(w).related;
        let latin = k("Qahtani");
        assert!(k("القحطاني")
            .iter()
            .any(|x| x.starts_with('=') && latin.contains(x)));
        // An ʿayn after the article still starts with a vowel (العلي, al-Ali).
        assert!(k("العلي").iter().any(|x| x.starts_with(">_")));
        // In Latin letters, the name after a joined article is keyed too.
        assert!(k("Alghamdi")
            .iter()
            .any(|x| k("الغامدي").contains(x) && x.starts_with('=')));
        assert!(joined_article_rest(&['a', 'l', 'e', 'x', 'e', 'i']).is_none());
        assert!(joined_article_rest(&['a', 'l', 'b', 'e', 'r', 't']).is_none());
    }

    #[test]
    fn skeletons() {
        assert_eq!(skeleton("mohamad"), skeleton("mhmd"));
        assert_eq!(skeleton("havajah"), "hg");
        assert_eq!(abjad_skeleton("jalali"), abjad_skeleton("jli"));
        // ʿAbd al- before a sun letter, assimilated or not.
        assert_eq!(abjad_skeleton("abdurrahman"), abjad_skeleton("bdlrhmn"));
        assert_eq!(abjad_skeleton("abdulrahman"), abjad_skeleton("abdurrahman"));
        assert_ne!(abjad_skeleton("abdulhadi"), abjad_skeleton("abduhadi"));
        assert_eq!(abjad_skeleton("bdlftah"), abjad_skeleton("abdelfattah"));
        assert_ne!(abjad_skeleton("bdlftah"), abjad_skeleton("abdutah"));
        assert_ne!(skeleton("jelial"), skeleton("jli"));
        // Arabic ب for p, تش for ch.
        assert_eq!(skeleton("patrik"), skeleton("btrik"));
        assert_eq!(skeleton("hacatrian"), skeleton("htxtrin"));
        assert_ne!(skeleton("hacatrian"), skeleton("htrin"));
    }

    #[test]
    fn tamil_voicing() {
        assert!(
            super::super::script::is_tamil('க')
                && !super::super::script::is_tamil('क')
                && !super::super::script::is_tamil('k')
        );
        assert_eq!(unvoiced_skeleton("mhmd"), "mkmt");
        assert_eq!(unvoiced_skeleton("nrgs"), "nrks");
        assert_eq!(unvoiced_skeleton("gk"), "k");
        let r = voiced_readings("=mkmt");
        assert_eq!(r[0], "=mkmt");
        assert!(r.contains(&"=mhmd".to_string()));
        assert_eq!(r.len(), 6);
        assert!(voiced_readings("=kkkkk").len() <= MAX_VOICED_READINGS);
    }

    #[test]
    fn short_skeletons_are_keys_across_scripts_only() {
        let related = |w: &str| super::super::token_keys(w).related;
        let short = |w: &str| -> Vec<String> {
            related(w)
                .into_iter()
                .filter(|k| k.starts_with([SHORT_SKELETON_VOWELLED, SHORT_SKELETON_ABJAD]))
                .collect()
        };
        // A Persian word and its Latin spelling: each side keeps its own mark, and a
        // query asks for the other side's.
        let (persian, latin) = (short("پناهی"), short("Panahi"));
        assert_eq!(persian.len(), 1, "{persian:?}");
        assert_eq!(latin.len(), 1, "{latin:?}");
        assert_ne!(persian, latin, "the two sides share no indexed key");
        assert_eq!(query_key(&persian[0]), latin[0]);
        assert_eq!(query_key(&latin[0]), persian[0]);
        // Two Latin words with the same two consonants never meet: a query asks for
        // the abjad mark only.
        let other = short("Pani");
        assert_eq!(other.len(), 1);
        assert_ne!(query_key(&latin[0]), other[0]);
        // The ending tells Raisi (-i) from Rosa (-a); three consonants or more take
        // the full skeleton key, one consonant none unless the word starts with a
        // vowel (an alif or ʿayn): علي / Ali, علاء / Alaa (a final alif and hamza).
        assert_ne!(query_key(&short("رئیسی")[0]), short("Rosa")[0]);
        assert!(short("Mohammadi").is_empty() && short("Li").is_empty());
        assert_eq!(query_key(&short("علي")[0]), short("Ali")[0]);
        assert_eq!(query_key(&short("علاء")[0]), short("Alaa")[0]);
        assert_ne!(query_key(&short("علي")[0]), short("Alaa")[0]);
        // Keys other than short skeletons are asked for as they are.
        assert_eq!(query_key("=mhmd"), "=mhmd");
    }
}
