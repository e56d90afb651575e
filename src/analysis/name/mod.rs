//! Names → keys: transliteration-tolerant analysis of personal names.
//!
//! **In:** a word ([`token_keys`]) or a whole name ([`name_keys`]), in Latin or
//! Cyrillic (Russian, Kazakh, Ukrainian, Belarusian letters; any other script
//! through a Latin transliteration), in any of the usual romanisations
//! (BGN/PCGN, ICAO passports, German, French, Czech, Polish, Dutch and Nordic,
//! Italian and Romanian spellings, Turkish-style letters, the Kazakh Latin alphabets
//! of 2017, 2018 and 2021), in any case and word order.
//! **Out:** keys, one set per word, on four channels ranked
//! [`Channel::Exact`] > [`Channel::Folded`] > [`Channel::Translit`] >
//! [`Channel::Related`] > [`Channel::Fuzzy`]; and [`compare`], which decides
//! whether two names are one person's and how strongly they match (the rule is
//! in `docs/name-matching.md`).
//!
//! **Invariant:** the analysis is a pure function of its input: the same word
//! gives the same keys at index time and at query time.
//!
//! ```
//! use whereas::name::{compare, token_keys, Channel};
//!
//! // Cyrillic (Kazakh and Russian spellings) and Latin romanisations share a key.
//! let key = &token_keys("Zhumagulov").translit[0];
//! for variant in ["Jumagulov", "Жумагулов", "Жұмағұлов", "Joumagoulov", "Dzhumagulov"] {
//!     assert!(token_keys(variant).translit.contains(key), "{variant}");
//! }
//! // Look-alikes do not.
//! assert!(!token_keys("Zhumabekov").translit.contains(key));
//!
//! // Whole names, surname first in capitals with a patronymic, still match.
//! let m = compare("АХМЕТОВ Сапар Кайратович", "Sapar Akhmetov").unwrap();
//! assert_eq!(m.channel, Channel::Translit); // folding never crosses scripts
//! let m = compare("Жұмағұлов Алмат", "ЖУМАГУЛОВ Алмат").unwrap();
//! assert_eq!(m.channel, Channel::Folded); // Kazakh letters flattened
//! let m = compare("Nursultan Äbışūly Nazarbaev", "НАЗАРБАЕВ Нұрсұлтан").unwrap();
//! assert_eq!(m.channel, Channel::Translit);
//! assert!(compare("Tokayev", "Tokarev").is_none());
//! ```
//!
//! # Channels
//! - `exact`: the word lower-cased (NFC).
//! - `folded`: lower case without diacritics or apostrophes, in the word's own
//!   script: Latin loses its marks (`Jumağulov` → `jumagulov`); Cyrillic stays
//!   Cyrillic, with `ё` as `е` and Kazakh letters flattened to Russian ones as
//!   Russian-language texts write them (`Жұмағұлов` → `жумагулов`). Folding
//!   never crosses scripts, so a Cyrillic word meets a Latin spelling only on
//!   `translit` (or `related`), never above a Latin spelling that is a true
//!   variant.
//! - `translit`: phonetic keys that every script and romanisation of the word
//!   share (see `key.rs` for the key alphabet and rules); one key, or up to
//!   four where a Latin spelling is truly ambiguous (German `ch` = х vs
//!   English `ch` = ч); plus, for a surname with a Russian (-ov/-ev, -ova/-eva)
//!   or Kazakh (-uly, -kyzy) ending, a key its form in the other convention
//!   shares, by sex (`kunanba~m` for Кунанбаев and Құнанбайұлы).
//! - `related`: stems without gender, patronymic and -uly/-kyzy endings, for
//!   related but distinct forms (Abisheva → Abishev).
//! - keys across scripts, for the search (last in `translit` and `related`,
//!   counted apart; [`compare`] leaves them out and reads these scripts
//!   whole-name): a consonant-skeleton related key (`=mhmd`, `=_brhm` with a
//!   word-initial vowel) shared by an Arabic-, Persian- or Hebrew-script word
//!   and its Latin or Cyrillic spellings, for words of three consonants or more;
//!   and for a Han name of two to four characters written as one word (`习近平`),
//!   the translit keys of its pinyin words (`xi`, `jinping`, each syllable);
//!   a Wade-Giles syllable's pinyin keys and a Chinese surname's table key
//!   (`@huang` for `Wong` and `黄之锋`; `chinese.rs`).
//! - fuzzy: a weighted edit distance over translit keys that knows the
//!   confusable groups ([`key_distance`]), bounded by key length.
//!
//! # Limits
//! - Keys are phonetic approximations: names that differ only in с/з, in ң/н,
//!   or in a glide before `е` share a key.
//! - Words with more than four ambiguous Latin spellings keep alternatives for
//!   the first four only.
//! - No nickname or short-form knowledge (Bota ≠ Botagoz, Dimash ≠ Dinmukhamed).

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

mod cantonese;
mod chinese;
mod compare;
mod contradiction;
mod cross;
mod distance;
mod fold;
mod given;
mod glide;
mod hangul;
mod initialism;
mod katakana;
mod key;
mod key_builder;
mod kk;
mod matched;
mod pairing;
mod palladius;
mod parts;
mod ru;
mod script;
mod tibetan;
mod transcription;

#[cfg_attr(not(feature = "index"), allow(unused_imports))]
pub(crate) use self::chinese::han_name_split;
pub use self::compare::{compare, compare_keys, match_words, rank, RELATIVE_CUTOFF};
#[cfg_attr(not(feature = "index"), allow(unused_imports))]
pub(crate) use self::cross::is_skeleton_key;
pub use self::cross::query_key;
pub use self::distance::key_distance;
#[cfg_attr(not(feature = "index"), allow(unused_imports))]
pub(crate) use self::distance::{indel_cost, sub_cost, TRANSPOSE};
pub use self::matched::{NameMatch, PartMatch};
pub(crate) use self::parts::{is_initial, turkish_read};
pub use self::parts::{name_keys, NameKeys, NamePart, Role};
#[cfg_attr(not(feature = "index"), allow(unused_imports))]
pub(crate) use self::script::is_han;
#[cfg_attr(not(feature = "index"), allow(unused_imports))]
pub(crate) use self::script::{is_connector, is_kin_particle};
#[cfg_attr(not(feature = "index"), allow(unused_imports))]
pub(crate) use self::tibetan::wylie_to_script;
#[cfg_attr(not(feature = "index"), allow(unused_imports))]
pub(crate) use self::transcription::is_class_key;

/// How two spellings of a name matched, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// The same spelling, up to case.
    Exact,
    /// The same after folding diacritics, apostrophes and case.
    Folded,
    /// The same transliteration key (another romanisation or script).
    Translit,
    /// A related but distinct form: the same stem without gender, patronymic or
    /// -uly/-kyzy ending (Abisheva and Abishev).
    Related,
    /// Close under a bounded, confusable-aware edit distance.
    Fuzzy,
}

impl Channel {
    /// The score a word match on this channel is worth, before any distance
    /// penalty: 1.0, 0.95, 0.9, 0.7, and at most 0.6 for fuzzy matches.
    pub fn weight(self) -> f32 {
        match self {
            Channel::Exact => 1.0,
            Channel::Folded => 0.95,
            Channel::Translit => 0.9,
            Channel::Related => 0.7,
            Channel::Fuzzy => 0.6,
        }
    }
}

/// The keys of one word of a name, as indexed and as queried ([`token_keys`] makes
/// them; new channels may add fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TokenKeys {
    /// Lower-cased surface form (NFC).
    pub exact: String,
    /// Folded form: lower case, no diacritics or apostrophes, in the word's own
    /// script (Cyrillic with `ё` → `е` and Kazakh letters flattened to Russian).
    pub folded: String,
    /// Transliteration keys shared by the romanisations of the same word,
    /// primary first; empty when the word has no letters or digits. A surname
    /// with a Russian or Kazakh ending ends the list with its surname-form key
    /// (`stem~m` or `stem~f`, shared with its form in the other convention).
    pub translit: Vec<String>,
    /// Weaker keys for related but distinct forms (a feminine surname's masculine
    /// base, say), ranked below `translit`. Every word has at least one related
    /// key when it has a translit key (its stem, which may equal the key).
    ///
    /// Invariant: two words sharing a translit key share a related key, and two
    /// words with the same `exact` form have the same `folded` form; searches rely
    /// on it to count hits without reading every key's postings.
    pub related: Vec<String>,
    /// How many keys at the end of `translit` and of `related` are the search's
    /// keys across scripts (a Han name's pinyin words, a consonant skeleton; see
    /// `script.rs`), which [`compare`] leaves out: it reads those scripts
    /// whole-name, and word by word they would match too loosely.
    #[serde(default)]
    pub(crate) cross: (usize, usize),
}

impl TokenKeys {
    /// The keys without the search's keys across scripts (a Han name's pinyin
    /// words, a Palladius word's pinyin, consonant skeletons, Cantonese
    /// readings): what [`compare`] matches words on.
    ///
    /// ```
    /// use whereas::name::token_keys;
    /// let k = token_keys("Цзиньпин");
    /// // The search meets pinyin Jinping through a key across scripts ...
    /// assert!(k.translit.iter().any(|x| token_keys("Jinping").translit.contains(x)));
    /// // ... which the word's own keys leave out.
    /// assert!(!k.own().translit.iter().any(|x| token_keys("Jinping").translit.contains(x)));
    /// ```
    pub fn own(&self) -> TokenKeys {
        let cut = |v: &[String], n: usize| v[..v.len().saturating_sub(n)].to_vec();
        TokenKeys {
            exact: self.exact.clone(),
            folded: self.folded.clone(),
            translit: cut(&self.translit, self.cross.0),
            related: cut(&self.related, self.cross.1),
            cross: (0, 0),
        }
    }

    /// Adds keys of another reading of the word to its own keys (before the
    /// keys across scripts, which stay last), up to [`key::MAX_KEYS`] readings in
    /// all (a surname's `~` forms aside), as the word's own keys are capped.
    pub(super) fn add_own(&mut self, translit: Vec<String>, related: Vec<String>) {
        let own = self.translit.len() - self.cross.0;
        let is_reading = |k: &String| !k.contains('~');
        let mut room = key::MAX_KEYS.saturating_sub(
            self.translit[..own]
                .iter()
                .filter(|k| is_reading(k))
                .count(),
        );
        let mut kept = Vec::with_capacity(translit.len());
        for k in translit {
            if self.translit.contains(&k) {
                continue;
            }
            if is_reading(&k) {
                if room == 0 {
                    continue;
                }
                room -= 1;
            }
            kept.push(k);
        }
        for (keys, n, add) in [
            (&mut self.translit, self.cross.0, kept),
            (&mut self.related, self.cross.1, related),
        ] {
            let mut at = keys.len() - n;
            for k in add {
                if !keys.contains(&k) {
                    keys.insert(at, k);
                    at += 1;
                }
            }
        }
    }
}

/// The stem of a Latin word (lower case, marks kept: `šavkatas`) of six letters
/// or more with a Baltic nominative ending (-as, -is, -us, -ys), when it has
/// four letters or more. The bare -s `compare` also strips is left alone here:
/// every English plural ends so (`prisoners` would meet `prisoner` on a name
/// channel, above the stem it is).
fn baltic_stem(word: &str) -> Option<&str> {
    let latin = word.chars().all(|c| {
        c.is_alphabetic() && (c.is_ascii() || fold::base_letter(c).is_some_and(|b| b.is_ascii()))
    });
    if !latin || word.chars().count() < 6 {
        return None;
    }
    ["as", "is", "us", "ys"]
        .iter()
        .find_map(|e| word.strip_suffix(e))
        .filter(|s| s.chars().count() >= 4)
}

/// ʿAbd (servant of) with the Arabic article joined, as one word.
const ABD_JOINED: &[&str] = &["abdel", "abdul", "abdal", "abdol", "abdil"];

/// Whether a word is ʿAbd with the article joined ([`ABD_JOINED`]).
pub(crate) fn is_abd_joined(keys: &TokenKeys) -> bool {
    ABD_JOINED.contains(&keys.folded.as_str())
}

/// Keys for one word.
///
/// Cheap (no tables to load; a few small allocations), deterministic, and the
/// same at index and query time.
///
/// ```
/// use whereas::name::token_keys;
/// let k = token_keys("Qaiyrbek");
/// assert_eq!(k.exact, "qaiyrbek");
/// // Kazakh Latin q is қ (and Azerbaijani q is г: a second key).
/// assert_eq!(k.translit[0], token_keys("Қайырбек").translit[0]);
/// // Folding keeps the script; Kazakh letters flatten to Russian ones.
/// assert_eq!(token_keys("Жұмағұлов").folded, "жумагулов");
/// assert_eq!(token_keys("Jumağulov").folded, "jumagulov");
/// // German `ch` may be х or ч: two keys.
/// assert_eq!(token_keys("Muchtar").translit, ["muctar", "muhtar"]);
/// // A feminine surname relates to the masculine one.
/// let masculine = token_keys("Abishev").related;
/// assert!(token_keys("Abisheva").related.iter().any(|k| masculine.contains(k)));
/// // A surname's Russian and Kazakh forms share a key.
/// assert!(token_keys("Абишұлы").translit.contains(&"abix~m".to_string()));
/// assert!(token_keys("Abishev").translit.contains(&"abix~m".to_string()));
/// // A Hong Kong spelling and the Han characters share a Cantonese key.
/// assert!(token_keys("Chi").related.iter().any(|k| token_keys("黃之鋒").related.contains(k)));
/// ```
pub fn token_keys(word: &str) -> TokenKeys {
    let (mut keys, chars) = base_keys(word);
    // The search's keys across scripts come last, and are counted, so that
    // `compare`, which reads these scripts whole-name, can leave them out.
    let (mut cross_translit, mut cross_related) = cross::cross_keys(&chars, &keys.translit);
    chinese::add_cross_keys(&chars, &mut cross_translit, &mut cross_related);
    palladius::add_cross_keys(&chars, &mut cross_translit, &mut cross_related);
    tibetan::add_cross_keys(&chars, &mut cross_translit, &mut cross_related);
    // Cantonese readings (`~yue:`).
    cross_related.extend(cantonese::search_keys(&chars));
    // Consonant classes, where a foreign name transcribed into Chinese characters
    // meets its other spellings (`^KLML` for 古丽米拉, `%KLML` for Gulmira).
    cross_related.extend(transcription::search_keys(&chars));
    // A given name's row in the table of forms across languages (Аляксандр and
    // Alexander: `#alexander`); `compare` reads the table itself.
    cross_related.extend(given::row_keys(&keys.translit));
    // A Lithuanian or Latvian nominative ending on a foreign name (Mirzijojevas,
    // Seržas): the stem's keys, related, as `compare` pairs it (pairing.rs).
    if let Some(stem) = baltic_stem(&keys.exact) {
        let (inner, _) = base_keys(stem);
        cross_related.extend(inner.translit.into_iter().chain(inner.related));
    }
    // ʿAbd with the article written joined (Abdel, Abdul, Abdal, Abdol, Abdil) is the
    // `Abd` that other spellings write apart (`Abd El-Fattah`): its key, related.
    if ABD_JOINED.contains(&keys.folded.as_str()) {
        cross_related.push("abd".to_string());
    }
    for k in cross_translit {
        if !keys.translit.contains(&k) {
            keys.translit.push(k);
            keys.cross.0 += 1;
        }
    }
    for k in cross_related {
        if !keys.related.contains(&k) {
            keys.related.push(k);
            keys.cross.1 += 1;
        }
    }
    keys
}

/// A word's own keys (no keys across scripts), and its lower-case chars with
/// tone digits removed.
pub(super) fn base_keys(word: &str) -> (TokenKeys, Vec<char>) {
    let (exact, chars) = if word.is_ascii() {
        let e = word.to_ascii_lowercase();
        let cs = e.chars().collect::<Vec<char>>();
        (e, cs)
    } else {
        let cs: Vec<char> = word.nfc().flat_map(char::to_lowercase).collect();
        (cs.iter().collect::<String>(), cs)
    };
    let folded = fold_chars(&chars);
    // Pinyin and Jyutping with tone numbers (Ai4 Wei4wei4, Kao¹): the digits after
    // letters are tones, not part of the name.
    let chars: Vec<char> = if is_toned_syllables(&chars) {
        chars
            .iter()
            .copied()
            .filter(|c| !is_tone_digit(*c))
            .collect::<Vec<char>>()
    } else {
        chars
    };
    // A script without a table of its own is keyed through its Latin transliteration.
    // Greek has a table of its own, other scripts without one go through
    // any_ascii; a letter read two ways gives several readings, whose keys the
    // word gets together.
    let readings = if exact.is_ascii() {
        None
    } else if chars.iter().any(|&c| script::is_greek(c)) {
        Some(script::greek_readings(&chars))
    } else if chars.iter().any(|&c| tibetan::is_tibetan(c)) {
        Some(tibetan::readings(&chars))
    } else if chars.iter().any(|&c| script::is_katakana(c)) {
        Some(katakana::readings(&chars))
    } else if chars.iter().any(|&c| hangul::is_hangul(c)) {
        Some(hangul::readings(&chars))
    } else if chars.iter().any(|&c| script::needs_fallback(c)) {
        Some(script::latin_readings(&chars))
    } else {
        None
    };
    let mut translit = if let Some(readings) = readings {
        // At most `key::MAX_KEYS`, as for a word of one reading, the first
        // reading's first.
        let mut keys: Vec<String> = Vec::new();
        for reading in readings {
            for k in key::translit_keys(&reading) {
                if keys.len() < key::MAX_KEYS && !keys.contains(&k) {
                    keys.push(k);
                }
            }
        }
        keys
    } else {
        key::translit_keys(&chars)
    };
    let mut related: Vec<String> = Vec::with_capacity(translit.len());
    for k in &translit {
        for r in key::related(k) {
            if !related.contains(&r) {
                related.push(r);
            }
        }
    }
    if let Some(first) = translit.first() {
        let forms = surname_form_keys(first);
        // A surname form's stem is also a related key, so that every word matched
        // through any translit key is matched through a related key too (a search
        // counts its hits on the related keys alone).
        for form in &forms {
            if let Some((stem, _)) = form.split_once('~') {
                if !related.iter().any(|r| r == stem) {
                    related.push(stem.to_string());
                }
            }
        }
        translit.extend(forms);
    }
    let keys = TokenKeys {
        exact,
        folded,
        translit,
        related,
        cross: (0, 0),
    };
    (keys, chars)
}

fn is_tone_digit(c: char) -> bool {
    matches!(c, '1'..='5' | '¹' | '²' | '³' | '⁴' | '⁵')
}

/// Whether a word is Latin syllables with tone numbers: letters first, and every
/// digit a tone number (1–5, or superscript) right after a letter.
fn is_toned_syllables(cs: &[char]) -> bool {
    cs.first().is_some_and(|c| c.is_alphabetic())
        && cs.iter().any(|&c| is_tone_digit(c))
        && cs.iter().enumerate().all(|(i, &c)| {
            if c.is_numeric() {
                is_tone_digit(c) && i > 0 && cs[i - 1].is_alphabetic()
            } else {
                true
            }
        })
}

/// The surname-form keys of a translit key: a Kazakh surname in its Russian form
/// (-ov/-ev, feminine -ova/-eva) and in its Kazakh form (-uly, feminine -kyzy) is one
/// name in two conventions (Кунанбаев and Құнанбайұлы, Akhmetova and Akhmetkyzy), so
/// both get `stem~m` (masculine) or `stem~f` (feminine): the stem as the related
/// key cuts it, and a `~` no other key contains. Masculine and feminine forms stay
/// apart (two people), meeting only on the related channel. Stems shorter than
/// four symbols (before a final glide is dropped) get none.
fn surname_form_keys(key: &str) -> Vec<String> {
    const FORMS: &[(&str, char)] = &[
        ("kisi", 'f'),
        ("ova", 'f'),
        ("eva", 'f'),
        ("uli", 'm'),
        ("ov", 'm'),
        ("ev", 'm'),
    ];
    let Some((suffix, gender)) = FORMS.iter().find(|(suf, _)| key.ends_with(suf)) else {
        return Vec::new();
    };
    let stem = key.get(..key.len() - suffix.len()).unwrap_or_default();
    // Short stems are mostly words, not surnames (Geneva, Genova; Popov).
    if stem.len() < 4 {
        return Vec::new();
    }
    // A final glide belongs to the ending (Құнанбай-ұлы, Кунанба-ев).
    let stem = stem.strip_suffix('i').unwrap_or(stem);
    let mut out = vec![format!("{stem}~{gender}")];
    if *suffix == "kisi" {
        // -kyzy after a stem ending in k lost one k to the run collapse
        // (Onlabek-kyzy); which it was cannot be told, so both.
        out.push(format!("{stem}k~{gender}"));
    }
    out
}

/// Folds lower-case chars without leaving their script: Latin letters lose
/// marks and apostrophes; Cyrillic stays Cyrillic, with `ё` written `е` and
/// the Kazakh letters flattened to the Russian ones, as Russian-language texts
/// write them (`Жұмағұлов` → `жумагулов`). Cross-script matches are the
/// translit and related channels' job.
fn fold_chars(cs: &[char]) -> String {
    let mut out = String::with_capacity(cs.len() * 2);
    for &c in cs {
        if c.is_ascii() {
            fold::fold_char(c, &mut out);
            continue;
        }
        if let Some(k) = kk::letter(c) {
            out.push(k.flat);
            continue;
        }
        if ru::letter(c).is_some() {
            out.push(if c == 'ё' { 'е' } else { c });
            continue;
        }
        // A Cyrillic letter with marks no table lists (ӑ, ӛ) folds as its base.
        match fold::base_letter(c) {
            Some(b) if kk::letter(b).is_some() => out.push(kk::letter(b).map_or(b, |k| k.flat)),
            Some(b) if ru::letter(b).is_some() => out.push(if b == 'ё' { 'е' } else { b }),
            _ => fold::fold_char(c, &mut out),
        }
    }
    out
}

/// The fuzzy channel's rule for two translit keys: their [`key_distance`] if it
/// is within the bound the shorter key's length allows (none below four
/// symbols, 0.5 up to five, 0.7 up to eight, 1.0 from nine), else `None`.
/// [`match_words`] and the index's fuzzy fallback both decide with it.
pub(crate) fn fuzzy_distance(a: &str, b: &str) -> Option<f32> {
    let bound = distance::fuzzy_bound(a.chars().count().min(b.chars().count()));
    if bound <= 0.0 {
        return None;
    }
    key_distance(a, b, bound)
}

/// The largest distance [`fuzzy_distance`] ever accepts, in plain edits: every
/// weighted edit costs at least 0.5 and the bound is at most 1.0, so at most
/// two; below nine symbols the bound is at most 0.7, so at most one.
#[cfg_attr(not(feature = "index"), allow(dead_code))]
pub(crate) fn fuzzy_max_edits(len: usize) -> u8 {
    let bound = distance::fuzzy_bound(len);
    (bound / 0.5).floor() as u8
}

/// A romanisation of Cyrillic that whereas knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum System {
    /// BGN/PCGN: Russian (1947) and Kazakh (1979) tables.
    Bgn,
    /// ICAO 9303 (Russian passports since 2013); Kazakh letters flattened to
    /// their Russian counterparts first, as Russian-language documents do.
    Icao,
    /// The Kazakh Latin alphabet of 2021.
    Kz2021,
}

/// Romanises the Cyrillic letters of `text` in one system; other chars pass
/// through. Case follows the source: a capital letter gives a capitalised
/// spelling, a word in capitals stays in capitals.
///
/// ```
/// use whereas::name::{romanise, System};
/// assert_eq!(romanise("Жұмағұлов", System::Bgn), "Zhumaghulov");
/// assert_eq!(romanise("Есхожин", System::Bgn), "Yeskhozhin");
/// assert_eq!(romanise("Есхожин", System::Icao), "Eskhozhin");
/// assert_eq!(romanise("Жұмағұлов", System::Kz2021), "Jūmağūlov");
/// assert_eq!(romanise("АБЛЯЗОВ", System::Icao), "ABLIAZOV");
/// ```
pub fn romanise(text: &str, system: System) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut prev: Option<char> = None;
    let chars: Vec<char> = text.nfc().collect();
    for (idx, &c) in chars.iter().enumerate() {
        let lc = c.to_lowercase().next().unwrap_or(c);
        let spelled: Option<&str> = match system {
            System::Bgn => kk::letter(lc).map(|k| k.bgn).or_else(|| ru::bgn(lc, prev)),
            System::Icao => {
                let flat = kk::letter(lc).map_or(lc, |k| k.flat);
                ru::letter(flat).map(|r| r.icao)
            }
            System::Kz2021 => kk::letter(lc)
                .map(|k| k.kz2021)
                .or_else(|| ru::letter(lc).map(|r| r.kz2021)),
        };
        match spelled {
            Some(sp) if c != lc => {
                let next_upper = chars.get(idx + 1).is_some_and(|n| n.is_uppercase());
                let prev_upper = idx > 0 && chars[idx - 1].is_uppercase();
                if next_upper
                    || (prev_upper && !chars.get(idx + 1).is_some_and(|n| n.is_lowercase()))
                {
                    out.extend(sp.chars().flat_map(char::to_uppercase));
                } else {
                    let mut it = sp.chars();
                    if let Some(f) = it.next() {
                        out.extend(f.to_uppercase());
                        out.extend(it);
                    }
                }
            }
            Some(sp) => out.push_str(sp),
            None => out.push(c),
        }
        prev = Some(lc);
    }
    out
}

/// Generates, for one table family, a test of the table alone (each letter's
/// piece from the rule registry), of whole-name keys, and a never-panics
/// property over strings of the family's letters.
#[cfg(test)]
macro_rules! test_table_family {
    ($family:ident, $entries:expr, [$(($word:expr, $key:expr)),* $(,)?]) => {
        mod $family {
            #[allow(unused_imports)]
            use super::*;
            use crate::analysis::name::{compare, name_keys};

            fn entries() -> Vec<(char, &'static str)> {
                $entries.collect()
            }

            #[test]
            fn table_alone() {
                for (c, want) in entries() {
                    let got = crate::analysis::name::key::raw_piece(c);
                    assert_eq!(
                        got, want,
                        "help: letter {c:?}: the key rules give {got:?} but the {} table says {want:?}",
                        stringify!($family)
                    );
                }
            }

            #[test]
            fn whole_name_keys() {
                $({
                    let nk = name_keys($word);
                    let keys = &nk.parts[0].keys.translit;
                    assert!(
                        keys.iter().any(|k| k == $key),
                        "help: {} should key to {} but gives {:?}; check the {} table and the rules in key.rs",
                        $word, $key, keys, stringify!($family)
                    );
                })*
            }

            proptest::proptest! {
                #![proptest_config(proptest::test_runner::Config::with_cases(64))]
                #[test]
                fn never_panics(idx in proptest::collection::vec(0usize..1000, 0..16)) {
                    let pool: Vec<char> = entries()
                        .into_iter()
                        .map(|e| e.0)
                        .chain(" -'’AZazh".chars())
                        .collect();
                    let s: String = idx.iter().map(|i| pool[i % pool.len()]).collect();
                    let upper = s.to_uppercase();
                    let a = name_keys(&s);
                    let b = name_keys(&upper);
                    proptest::prop_assert_eq!(a.parts.len(), b.parts.len(), "help: case changed the word split");
                    let _ = compare(&s, &upper);
                }
            }
        }
    };
}
#[cfg(test)]
pub(crate) use test_table_family;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_odd_input() {
        assert!(token_keys("").translit.is_empty());
        assert!(token_keys("—").translit.is_empty());
        assert!(name_keys("").parts.is_empty());
        assert!(compare("", "Abai").is_none());
        assert_eq!(token_keys("2021").translit, ["2021"]);
        // Tone numbers are not part of a name.
        assert_eq!(
            token_keys("Wei4wei4").translit,
            token_keys("Weiwei").translit
        );
        assert_eq!(token_keys("Kao¹").translit, token_keys("Kao").translit);
    }

    #[test]
    fn folded_keeps_the_script() {
        assert_eq!(token_keys("Есхожин").folded, "есхожин");
        assert_eq!(token_keys("Қайырбек").folded, "кайырбек");
        assert_eq!(token_keys("Қайырбек").folded, token_keys("Кайырбек").folded);
        assert_eq!(
            token_keys("Жұмағұлов").folded,
            token_keys("Жумагулов").folded
        );
        assert_eq!(token_keys("Әлихан").folded, "алихан");
        assert_eq!(token_keys("Шаһмардан").folded, "шахмардан");
        assert_eq!(token_keys("Сейітқазы").folded, "сейитказы");
        assert_eq!(token_keys("Фёдоров").folded, "федоров");
        assert_eq!(token_keys("Йемен").folded, "йемен");
        assert_eq!(token_keys("Biläşulı").folded, "bilasuli");
        assert_eq!(token_keys("Qudai’bergen").folded, "qudaibergen");
        // Never crosses scripts.
        assert_ne!(token_keys("Абай").folded, token_keys("Abay").folded);
    }

    #[test]
    fn roles() {
        let n = name_keys("Косарев Владислав Борисович");
        let roles: Vec<Role> = n.parts.iter().map(|p| p.role).collect();
        assert_eq!(roles, [Role::Surname, Role::Given, Role::Patronymic]);
        let n = name_keys("Abai Qunanbaiuly");
        assert_eq!(n.parts[1].role, Role::Surname);
        // A listed given-name form that ends like a surname (-ova) stays the given name.
        let n = name_keys("Lyova Mnatsakanyan");
        assert_eq!(n.parts[0].role, Role::Given);
        assert_eq!(n.parts[1].role, Role::Surname);
        // An unlisted word in -ova before an unknown word is still the surname.
        let n = name_keys("Qwertova Asdfgh");
        assert_eq!(n.parts[0].role, Role::Surname);
    }

    #[test]
    fn apostrophes_stay_inside_words() {
        let n = name_keys("Dinmuhammed Qanatuly Qudai’bergen");
        assert_eq!(n.parts.len(), 3);
        assert_eq!(n.parts[2].text, "Qudai’bergen");
        let n = name_keys("Abai (Ibrahim) Kunanbayev");
        assert_eq!(n.parts.len(), 3);
    }
}
