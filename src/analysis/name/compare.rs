//! Whole names compared: whether two spellings are one person's name, and how
//! strongly they match.
//!
//! The decision rule (written out with examples in `docs/name-matching.md`):
//! 1. **Pair the parts.** Each word, or run of up to three adjacent words written
//!    apart in one name and joined in the other (`OlegOrlov`, `Abdul-Hadi` /
//!    `Abdulhadi`, `习近平` / `Xi Jinping`), is paired with at most one of the other
//!    name, best word match first ([`match_words`]; a spelling in Arabic or
//!    Hebrew script meets a Latin one on its consonant skeleton). A patronymic
//!    never pairs with a given name.
//! 2. **Account for the shorter name.** Every part of the name with fewer parts
//!    (particles such as al-, bin, von do not count) must be paired, be an
//!    initial that fits an unpaired part of the other name, or be a patronymic
//!    the other name leaves out. A part left over is a contradiction: `None`.
//! 3. **Contradicting patronymics reject**: both names give a patronymic and
//!    they do not pair.
//! 4. **Score** for ranking: 0.8 × the role-weighted mean strength over the
//!    parts of `a` plus 0.2 × the same over `b`, where a surname weighs 1.5,
//!    other parts 1.0, an initial counts at half strength, and an unpaired
//!    patronymic counts against neither.
//!
//! Where the words match nothing, whole-name rules are tried in turn: the name read
//! in pinyin, the Chinese-name rules, a name in Wylie read as it sounds, a Latin
//! name read as a Turkish one written without its letters (c = дж or ч), a foreign
//! name transcribed into Chinese characters, and an initialism of the other name's
//! first words (`MBS`), the last a weak match.

use std::borrow::Cow;

use super::contradiction::{
    arabic_styled, fathers_chain, generation_contradicts, initial_against_patronymic,
    leading_honorific, middle_initial_for_first, patronymic_for_a_part, unmarked_fathers_name,
};
use super::matched::{pairs_every_word, read_in, rule_match, NameMatch, PartMatch};
use super::pairing::{
    abd_article, baltic_match, belarusian_forms, feminine_pair, gendered_endings,
    patronymics_match, skeleton_match, units, vowels_differ, western_armenian, word_match, Unit,
};
use super::{
    chinese, given, initialism, is_initial, name_keys, palladius, script, tibetan, transcription,
    turkish_read, Channel, NameKeys, Role, TokenKeys,
};

/// Whether and how strongly two words match: the best channel, or `None`.
///
/// ```
/// use whereas::name::{match_words, token_keys, Channel};
/// let m = match_words(&token_keys("Dzhakishev"), &token_keys("Shakishev")).unwrap();
/// assert_eq!(m.channel, Channel::Fuzzy);
/// assert!(match_words(&token_keys("Khassenov"), &token_keys("Khasanov")).is_none());
/// ```
pub fn match_words(a: &TokenKeys, b: &TokenKeys) -> Option<NameMatch> {
    word_match(&a.own(), &b.own()).map(|(channel, score)| NameMatch {
        channel,
        score,
        matched: 1,
        parts: Vec::new(),
    })
}

/// Whether `a` and `b` are one person's name and, if so, how strongly they
/// match, in any word order (the rule is in the module docs and
/// `docs/name-matching.md`).
///
/// ```
/// use whereas::name::{compare, Channel};
/// let whole = compare("Almat Zhumagulov", "Almat Zhumagulov").unwrap();
/// let part = compare("Almat Zhumagulov", "Zhumagulov").unwrap();
/// let translit = compare("Almat Zhumagulov", "Алмат Жұмағұлов").unwrap();
/// assert!(whole.score > translit.score && translit.score > part.score);
/// assert_eq!(translit.channel, Channel::Translit);
/// // A feminine form is related, below a true variant.
/// let fem = compare("Abisheva", "Abishev").unwrap();
/// assert_eq!(fem.channel, Channel::Related);
/// assert!(fem.score < compare("Abishev", "Абишев").unwrap().score);
/// // A different given name with the same surname is another person.
/// assert!(compare("Almat Zhumagulov", "Serik Zhumagulov").is_none());
/// // So are two names that differ in their patronymics.
/// assert!(compare("Vladimir Vladimirovich Kara-Murza", "Vladimir Alexeyevich Kara-Murza").is_none());
/// // Words joined or split, and other scripts.
/// assert!(compare("OlegOrlov", "Oleg Orlov").is_some());
/// assert!(compare("Xi Jinping", "习近平").is_some());
/// assert!(compare("Hu Chin-t'ao", "胡锦涛").is_some()); // Wade-Giles
/// // Chinese surnames across romanisations, a Hong Kong English name beside the Chinese one.
/// assert!(compare("Agnes Chow Ting", "周庭").is_some());
/// assert!(compare("Wong Chi-fung", "黄之锋").is_some()); // Cantonese (Hong Kong spelling)
/// println!("{}", compare("Abdulhadi al-Khawaja", "عبد الهادي الخواجة").unwrap());
/// ```
pub fn compare(a: &str, b: &str) -> Option<NameMatch> {
    let (ka, kb) = (name_keys(a), name_keys(b));
    if let Some(m) = compare_keys(&ka, &kb) {
        return Some(m);
    }
    // A Chinese name in Wade-Giles (Hu Chin-t'ao = Hu Jintao) or in Cyrillic
    // (Palladius: Си Цзиньпин = Xi Jinping) is also read in pinyin.
    let (pa, pb) = (palladius::to_pinyin(a), palladius::to_pinyin(b));
    let pinyin = |n: &str, p: &Option<String>| chinese::wade_giles_to_pinyin(n).or(p.clone());
    let wa = pinyin(a, &pa).map(|p| name_keys(&p));
    let wb = pinyin(b, &pb).map(|p| name_keys(&p));
    let wade = match (&wa, &wb) {
        (Some(wa), Some(wb)) => compare_keys(wa, wb),
        (Some(wa), None) => compare_keys(wa, &kb),
        (None, Some(wb)) => compare_keys(&ka, wb),
        (None, None) => None,
    }
    .map(|m| read_in(m, "read in pinyin"));
    // Chinese names in other romanisations: the surname table, Wade-Giles
    // syllables, a Latin given name beside a Chinese one (`chinese.rs`).
    wade.or_else(|| {
        chinese::same_chinese_name(pa.as_deref().unwrap_or(a), pb.as_deref().unwrap_or(b))
            .map(|pairs| rule_match(pairs, Channel::Translit))
    })
    // A Tibetan name in Wylie (`bkra shis dbang phyug`) is also read as it sounds,
    // one word as a Tibetan-script name is (`tibetan.rs`).
    .or_else(|| read_from_wylie(a, b, &ka, &kb))
    // A Latin name may be a Turkish one written without its letters, whose c is
    // дж (`Recep Tayyip Erdogan` = `رجب طيب أردوغان`, `Can Dundar` = `Джан Дюндар`):
    // a reading tried on a hunch, so every word of both names must pair.
    .or_else(|| {
        let (ta, tb) = (turkish_read(&ka), turkish_read(&kb));
        let m = match (&ta, &tb) {
            (None, None) => None,
            _ => compare_keys(ta.as_ref().unwrap_or(&ka), &kb)
                .or_else(|| compare_keys(&ka, tb.as_ref().unwrap_or(&kb))),
        };
        m.filter(|m| pairs_every_word(m, &ka, &kb))
            .map(|m| read_in(m, "read the Turkish way"))
    })
    // A foreign name transcribed into Chinese characters or their pinyin
    // (`transcription.rs`): classes of consonants, a related match.
    .or_else(|| {
        transcription::same_transcribed_name(a, b).map(|pairs| rule_match(pairs, Channel::Related))
    })
    // A name written as the initials of its first words (`MBS`, `AMLO`): weak, since
    // initials are ambiguous; half a related match (`initialism.rs`).
    .or_else(|| {
        initialism::initialism(a, b).map(|(a, b)| NameMatch {
            channel: Channel::Related,
            score: Channel::Related.weight() * 0.5,
            matched: 1,
            parts: vec![PartMatch {
                a,
                b,
                channel: Channel::Related,
                how: "initials of the first words".to_string(),
            }],
        })
    })
}

/// [`compare`] with a name in Wylie read as it sounds ([`tibetan::wylie_readings`]),
/// each reading a one-word name; the reason names the Wylie as written. At most
/// [`Channel::Translit`], as a reading in pinyin is.
fn read_from_wylie(a: &str, b: &str, ka: &NameKeys, kb: &NameKeys) -> Option<NameMatch> {
    let (ra, rb) = (tibetan::wylie_readings(a), tibetan::wylie_readings(b));
    if ra.is_none() && rb.is_none() {
        return None;
    }
    let side = |r: &Option<Vec<String>>, k: &NameKeys| -> Vec<NameKeys> {
        match r {
            Some(rs) => rs.iter().map(|r| name_keys(r)).collect(),
            None => vec![k.clone()],
        }
    };
    let (sa, sb) = (side(&ra, ka), side(&rb, kb));
    let m = sa
        .iter()
        .flat_map(|x| sb.iter().filter_map(move |y| compare_keys(x, y)))
        .max_by(|x, y| x.score.total_cmp(&y.score))?;
    let mut m = read_in(m, "read from Wylie");
    for p in &mut m.parts {
        if ra.is_some() {
            p.a = a.to_string();
        }
        if rb.is_some() {
            p.b = b.to_string();
        }
    }
    Some(m)
}

fn text_of(n: &NameKeys, start: usize, len: usize) -> String {
    n.parts[start..start + len]
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `n` without the search's keys across scripts ([`TokenKeys::own`]); borrowed
/// when it has none.
fn own_keys(n: &NameKeys) -> Cow<'_, NameKeys> {
    if n.parts.iter().all(|p| p.keys.cross == (0, 0)) {
        return Cow::Borrowed(n);
    }
    let mut own = n.clone();
    for p in &mut own.parts {
        p.keys = p.keys.own();
    }
    Cow::Owned(own)
}

/// [`compare`] over names already analysed (to compare one name with many).
pub fn compare_keys(a: &NameKeys, b: &NameKeys) -> Option<NameMatch> {
    judge(a, b).and_then(|(m, decided)| decided.then_some(m))
}

/// A match of the words of two names, decided or not: `(match, true)` when the
/// rule accepts it, `(match, false)` with the score halved when it finds a
/// contradiction; `None` when no part pairs at all. [`rank`] orders by it, so a
/// candidate that shares a surname but contradicts in a given name (a short
/// form or pseudonym the tables do not know) still ranks, below a true match.
fn judge(a: &NameKeys, b: &NameKeys) -> Option<(NameMatch, bool)> {
    // Pairs are taken best first, runs of joined words before single words; when
    // that leaves the names undecided, the pairing is tried again without the
    // first run it took (at most three times), since word boundaries differ
    // across scripts and a run may take a word another pair needs (`Fattah el
    // Sisi` = `الفتاح السيسى` leaves `Abdel` without `عبد`).
    let mut banned: Vec<UnitPair> = Vec::new();
    let (first, mut run) = judge_with(a, b, &banned)?;
    if first.1 {
        return Some(first);
    }
    while let Some(r) = run {
        if banned.len() >= 3 {
            break;
        }
        banned.push(r);
        match judge_with(a, b, &banned) {
            Some((m, _)) if m.1 => return Some(m),
            Some((_, next)) => run = next,
            None => break,
        }
    }
    Some(first)
}

/// A pairing of a unit of the first name with one of the second (their indices).
type UnitPair = (usize, usize);

/// [`judge`] with some candidate pairings of runs left out (`banned`); also gives
/// the first run pairing taken, if any.
fn judge_with(
    a: &NameKeys,
    b: &NameKeys,
    banned: &[UnitPair],
) -> Option<((NameMatch, bool), Option<UnitPair>)> {
    // Words are compared on their own keys, without the search's keys across
    // scripts (this rule reads abjad skeletons and Han names itself).
    let (a, b) = (own_keys(a), own_keys(b));
    let (a, b) = (a.as_ref(), b.as_ref());
    let particle = |n: &NameKeys| -> Vec<bool> {
        n.parts
            .iter()
            // A word with no sounded letter (a lone ъ or ь) has no keys: like a
            // particle, it tells no one apart; nor does an honorific before a
            // given name and a surname (Sheikh Hasan Mushaima).
            .enumerate()
            .map(|(k, p)| {
                n.parts.len() > 1
                    && (script::is_particle(&p.keys)
                        || p.keys.translit.is_empty()
                        || leading_honorific(n, k))
            })
            .collect()
    };
    let (pa, pb) = (particle(a), particle(b));
    let (ua, ub) = (units(a, &pa), units(b, &pb));
    if ua.is_empty() || ub.is_empty() {
        return None;
    }
    // Candidate pairings: (score, coverage, unit of a, unit of b, channel, how).
    let mut cands: Vec<(f32, usize, usize, usize, Channel, &'static str)> = Vec::new();
    // A Chinese name written as one word (`黄琦`) is a surname and a given name:
    // against one word of another script it pairs as a whole (its reading,
    // `Huangqi`), never on a related key or a slip, which a reading shares with the
    // surname alone (`黄琦` / `Huang`). Which units are such names, once per name.
    let han_whole = |n: &NameKeys, us: &[Unit]| -> Vec<bool> {
        us.iter()
            .map(|u| u.len == 1 && chinese::han_name_split(&n.parts[u.start].text).is_some())
            .collect()
    };
    let (han_a, han_b) = (han_whole(a, &ua), han_whole(b, &ub));
    for (i, x) in ua.iter().enumerate() {
        for (j, y) in ub.iter().enumerate() {
            // Runs pair with single words; two runs pair only across scripts
            // compared on skeletons (Abdel Fattah / عبد الفتاح), where word
            // boundaries differ.
            if x.len > 1 && y.len > 1 && x.skeleton_script == y.skeleton_script {
                continue;
            }
            // A run ending in an article (Abd-El) pairs only within one script
            // family: across an abjad it would swallow the article of the next word.
            if (x.abjad() || y.abjad()) && (x.ends_in_particle || y.ends_in_particle) {
                continue;
            }
            // A patronymic never pairs with a given name.
            // A run takes the role of its first word after any particle.
            let head = |n: &NameKeys, u: &Unit| {
                (u.start..u.start + u.len).find(|&k| !script::is_particle(&n.parts[k].keys))
            };
            let role = |n: &NameKeys, u: &Unit| Some(n.parts[head(n, u)?].role);
            // A given name and its feminine form are two people's (Valentin /
            // Valentina), though their related keys meet as a surname's do;
            // unless the table of given names has them as one name's forms
            // (Lev / Лёва, a masculine diminutive in -a).
            if x.len == 1
                && y.len == 1
                && role(a, x) == Some(Role::Given)
                && role(b, y) == Some(Role::Given)
                && feminine_pair(&x.keys, &y.keys)
                && !given::same_given_name(&x.keys, &y.keys)
            {
                continue;
            }
            // Unless it is a father's name after bin / ibn and the given name a
            // middle word of a name that leaves the kinship word out.
            match (role(a, x), role(b, y)) {
                (Some(Role::Patronymic), Some(Role::Given))
                    if !unmarked_fathers_name(a, head(a, x), b, head(b, y)) =>
                {
                    continue
                }
                (Some(Role::Given), Some(Role::Patronymic))
                    if !unmarked_fathers_name(b, head(b, y), a, head(a, x)) =>
                {
                    continue
                }
                _ => {}
            }
            let how = if x.len > 1 || y.len > 1 {
                "joined words"
            } else {
                "word"
            };
            let cover = x.len + y.len;
            let single = x.len == 1 && y.len == 1;
            let armenian = || single && western_armenian(&x.keys, &y.keys);
            let whole_only = single && (han_a[i] != han_b[j]);
            let word = word_match(&x.keys, &y.keys)
                .filter(|(ch, _)| !whole_only || *ch < Channel::Related);
            // ʿAbd or Abu with the article spelled otherwise is a spelling, stronger
            // than the one-letter slip a word match may see in it (Abdulhadi / Abd
            // al-Hadi).
            if word.is_none_or(|(ch, _)| ch == Channel::Fuzzy) && !x.abjad() && !y.abjad() {
                if let Some((ch, s)) = abd_article(&x.keys, &y.keys) {
                    cands.push((s, cover, i, j, ch, "ʿAbd or Abu with the article"));
                    continue;
                }
            }
            if let Some((ch, s)) = word {
                // A one-edit slip that is a Western Armenian form is the form.
                if ch == Channel::Fuzzy && armenian() {
                    cands.push((0.6, cover, i, j, Channel::Related, "Western Armenian form"));
                } else {
                    cands.push((s, cover, i, j, ch, how));
                }
            } else if skeleton_match(x, y) {
                cands.push((0.85, cover, i, j, Channel::Translit, "consonant skeleton"));
            } else if x.len == 1
                && y.len == 1
                && [role(a, x), role(b, y)]
                    .iter()
                    .all(|r| *r == Some(Role::Given))
                && given::same_given_name(&x.keys, &y.keys)
            {
                cands.push((0.7, cover, i, j, Channel::Related, "given-name forms"));
            } else if let Some((_, s)) = (x.len == 1 && y.len == 1)
                .then(|| baltic_match(&x.keys, &y.keys))
                .flatten()
            {
                cands.push((s.min(0.7), cover, i, j, Channel::Related, "Baltic ending"));
            } else if x.len == 1 && y.len == 1 && belarusian_forms(&x.keys, &y.keys) {
                cands.push((0.6, cover, i, j, Channel::Related, "Belarusian forms"));
            } else if armenian() {
                cands.push((0.6, cover, i, j, Channel::Related, "Western Armenian form"));
            } else if let Some(s) = (x.len == 1
                && y.len == 1
                && !(role(a, x) == Some(Role::Given)
                    && role(b, y) == Some(Role::Given)
                    && gendered_endings(&x.keys, &y.keys)))
            .then(|| vowels_differ(&x.keys, &y.keys))
            .flatten()
            {
                cands.push((s, cover, i, j, Channel::Fuzzy, "same consonants"));
            } else if x.len == 1
                && y.len == 1
                && role(a, x) == role(b, y)
                && role(a, x) != Some(Role::Surname)
                && (is_initial(&a.parts[x.start].text) || is_initial(&b.parts[y.start].text))
                && x.keys
                    .translit
                    .first()
                    .and_then(|k| k.chars().next())
                    .is_some_and(|c| {
                        y.keys.translit.first().and_then(|k| k.chars().next()) == Some(c)
                    })
                && !middle_initial_for_first(a, x.start, b, y.start)
                && !middle_initial_for_first(b, y.start, a, x.start)
            {
                // An initial and a given name or patronymic it starts (I.V. Yashin /
                // Ilya Valeryevich Yashin), on either side.
                cands.push((0.5, cover, i, j, Channel::Related, "initial"));
            } else if role(a, x) == Some(Role::Patronymic)
                && role(b, y) == Some(Role::Patronymic)
                && (patronymics_match(&x.keys, &y.keys)
                    || given::same_father(&x.keys, &y.keys)
                    || given::father_of(&x.keys, &y.keys))
            {
                cands.push((0.6, cover, i, j, Channel::Related, "patronymic forms"));
            }
        }
    }
    if cands.is_empty() {
        return None;
    }
    cands.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then(y.1.cmp(&x.1))
            .then(x.2.cmp(&y.2))
            .then(x.3.cmp(&y.3))
    });
    let (na, nb) = (a.parts.len(), b.parts.len());
    let mut used_a = vec![false; na];
    let mut used_b = vec![false; nb];
    // Which part of the other name each part was paired with (a run's first).
    let mut to_b: Vec<Option<usize>> = vec![None; na];
    let mut to_a: Vec<Option<usize>> = vec![None; nb];
    // Strength given to each part (joined units share theirs among their parts).
    let mut got_a = vec![0.0f32; na];
    let mut got_b = vec![0.0f32; nb];
    let mut parts = Vec::new();
    let mut channel = Channel::Exact;
    let (mut anchored, mut vowel_best) = (false, 0.0f32);
    let mut first_run = None;
    // A Chinese name written as one word is a surname and a given name: paired with
    // one word of the other name, that name's other words are left for its given
    // name (`高卫` / `غاو يو`: 卫 is no يو).
    let mut han_by_word = [false, false];
    for (s, cover, i, j, ch, how) in cands {
        let (x, y) = (&ua[i], &ub[j]);
        let (ra, rb) = (x.start..x.start + x.len, y.start..y.start + y.len);
        if banned.contains(&(i, j))
            || ra.clone().any(|k| used_a[k])
            || rb.clone().any(|k| used_b[k])
        {
            continue;
        }
        if cover > 2 && first_run.is_none() {
            first_run = Some((i, j));
        }
        han_by_word[1] |= han_a[i] && y.len == 1;
        han_by_word[0] |= han_b[j] && x.len == 1;
        for k in ra {
            used_a[k] = true;
            got_a[k] = s;
            to_b[k] = Some(y.start);
        }
        for k in rb {
            used_b[k] = true;
            got_b[k] = s;
            to_a[k] = Some(x.start);
        }
        channel = channel.max(ch);
        if how == "same consonants" {
            vowel_best = vowel_best.max(s);
        } else {
            anchored = true;
        }
        parts.push(PartMatch {
            a: text_of(a, x.start, x.len),
            b: text_of(b, y.start, y.len),
            channel: ch,
            how: how.to_string(),
        });
    }
    let matched = parts.len();
    // At least one pairing stronger than a vowels-only one, except between two
    // single words with five consonants or more.
    // Vowels-only pairs alone decide only when they pair every part of one name
    // (Rebiya Kadeer / Rabiya Kadir; Nabil Ahmed Rajab / Nabeel Rajeb, the other
    // name's parts left over then accounted for as for any match), or two long
    // single words.
    let all_paired = |n: &NameKeys, p: &[bool], used: &[bool]| {
        (0..n.parts.len()).all(|k| p[k] || used[k]) && n.parts.len() >= 2
    };
    let mut decided = anchored
        || (na == 1 && nb == 1 && vowel_best >= 0.55)
        || all_paired(a, &pa, &used_a)
        || all_paired(b, &pb, &used_b);
    // Both names give a patronymic the other does not pair: two people.
    let open_patronymic = |n: &NameKeys, p: &[bool], used: &[bool]| {
        (0..n.parts.len()).any(|k| !used[k] && !p[k] && n.parts[k].role == Role::Patronymic)
    };
    if open_patronymic(a, &pa, &used_a) && open_patronymic(b, &pb, &used_b) {
        decided = false;
    }
    // Account for the parts left over on one side; `false` when one contradicts.
    let account = |s: &NameKeys,
                   sp: &[bool],
                   used_s: &mut Vec<bool>,
                   got_s: &mut Vec<f32>,
                   l: &NameKeys,
                   used_l: &mut Vec<bool>,
                   got_l: &mut Vec<f32>,
                   notes: &mut Vec<PartMatch>,
                   s_is_a: bool|
     -> bool {
        for k in 0..s.parts.len() {
            if used_s[k] || sp[k] {
                continue;
            }
            let p = &s.parts[k];
            if p.role == Role::Patronymic {
                continue; // the other name leaves the patronymic out (checked above)
            }
            {
                let initial = is_initial(&p.text);
                let first = p.keys.translit.first().and_then(|k| k.chars().next());
                // An initial fits a part with its first letter; a short form
                // (four symbols or more) of a given name is the start of the full
                // form (Bota / Botagoz), or the full form of it. A family name that
                // starts another is another family's (Raisi / Raisian, Petros /
                // Petrosyan), and a given name that is another with a final `a`, or
                // one letter short of it and ending in `a` where it ends in a
                // consonant, is a woman's name, another person's (Evgeny / Evgenia,
                // Aleksandr / Aleksandra, Salman / Salma; not Nika / Nikanor).
                let short_form = |key: &str| {
                    key.len() >= 4
                        && p.role != Role::Surname
                        && p.keys.translit.iter().any(|pk| {
                            pk.len() >= 4 && (key.starts_with(pk.as_str()) || pk.starts_with(key))
                        })
                };
                let womans_name = |other: &TokenKeys| {
                    feminine_pair(&p.keys, other)
                        || (gendered_endings(&p.keys, other)
                            && p.keys.folded.len().abs_diff(other.folded.len()) == 1)
                };
                let fits = (0..l.parts.len()).find(|&m| {
                    !used_l[m]
                        && l.parts[m].role != Role::Patronymic
                        && (initial || !womans_name(&l.parts[m].keys))
                        && l.parts[m].keys.translit.iter().any(|key| {
                            if initial {
                                key.chars().next() == first
                            } else {
                                short_form(key)
                            }
                        })
                });
                if let Some(m) = fits {
                    used_l[m] = true;
                    used_s[k] = true;
                    got_s[k] = 0.5;
                    got_l[m] = 0.5;
                    let (ta, tb) = (p.text.clone(), l.parts[m].text.clone());
                    let (ta, tb) = if s_is_a { (ta, tb) } else { (tb, ta) };
                    notes.push(PartMatch {
                        a: ta,
                        b: tb,
                        channel: Channel::Related,
                        how: if initial { "initial" } else { "short form" }.to_string(),
                    });
                    continue;
                }
            }
            return false;
        }
        true
    };
    let count = |n: &NameKeys, p: &[bool]| (0..n.parts.len()).filter(|&k| !p[k]).count();
    let (ca, cb) = (count(a, &pa), count(b, &pb));
    let mut notes = Vec::new();
    let ok = if ca < cb {
        account(
            a,
            &pa,
            &mut used_a,
            &mut got_a,
            b,
            &mut used_b,
            &mut got_b,
            &mut notes,
            true,
        )
    } else {
        // On a tie the first name is accounted for first, on copies, so that a miss
        // leaves no trace before the second name is tried. If the first has a part
        // left over, the second cannot be accounted for by leaving its patronymic
        // out: with as many parts, that patronymic stands where the other name has
        // a part of its own (Narges Mohammadi / Mohammad bin Salman).
        let first_fits = ca == cb && {
            let (mut ua2, mut ga2, mut ub2, mut gb2) =
                (used_a.clone(), got_a.clone(), used_b.clone(), got_b.clone());
            let mut n2 = Vec::new();
            let fits = account(
                a, &pa, &mut ua2, &mut ga2, b, &mut ub2, &mut gb2, &mut n2, true,
            );
            if fits {
                (used_a, got_a, used_b, got_b, notes) = (ua2, ga2, ub2, gb2, n2);
            }
            fits
        };
        first_fits
            || (account(
                b,
                &pb,
                &mut used_b,
                &mut got_b,
                a,
                &mut used_a,
                &mut got_a,
                &mut notes,
                false,
            ) && (ca > cb || !patronymic_for_a_part(b, &used_b, a, &pa, &used_a)))
    };
    if matched == 0 {
        return None;
    }
    decided &= ok;
    let left_over =
        |n: &NameKeys, p: &[bool], used: &[bool]| (0..n.parts.len()).any(|k| !p[k] && !used[k]);
    if (han_by_word[0] && left_over(a, &pa, &used_a))
        || (han_by_word[1] && left_over(b, &pb, &used_b))
    {
        decided = false;
    }
    // A son named as his father, or a middle initial, against the other's patronymic.
    if generation_contradicts(a, b)
        || generation_contradicts(b, a)
        || initial_against_patronymic(a, b)
        || initial_against_patronymic(b, a)
    {
        decided = false;
    }
    // An Arabic name is a chain of fathers' names (nasab): one whose own given name
    // is left over before the words the other name is made of is the son's name,
    // the other the father's (`Rashid Mohammed al-Roken` / `Mohammed al-Roken`).
    if (arabic_styled(a, &pa) || arabic_styled(b, &pb))
        && (fathers_chain(a, &pa, &used_a, b, &pb, &to_a)
            || fathers_chain(b, &pb, &used_b, a, &pa, &to_b))
    {
        decided = false;
    }
    parts.extend(notes);
    let mean = |n: &NameKeys, p: &[bool], used: &[bool], got: &[f32]| {
        let (mut sum, mut denom) = (0.0f32, 0.0f32);
        for k in 0..n.parts.len() {
            if p[k] || (!used[k] && n.parts[k].role == Role::Patronymic) {
                continue;
            }
            let w = role_weight(n.parts[k].role);
            sum += got[k] * w;
            denom += w;
        }
        sum / denom.max(1.0)
    };
    let mut score = 0.8 * mean(a, &pa, &used_a, &got_a) + 0.2 * mean(b, &pb, &used_b, &got_b);
    if !decided {
        score *= 0.5;
    }
    let m = NameMatch {
        channel,
        score: score.clamp(f32::MIN_POSITIVE, 1.0),
        matched,
        parts,
    };
    Some(((m, decided), first_run))
}

fn role_weight(role: Role) -> f32 {
    match role {
        Role::Surname => 1.5,
        Role::Given | Role::Patronymic => 1.0,
    }
}

/// Hits scoring below this share of the best hit are dropped by [`rank`].
pub const RELATIVE_CUTOFF: f32 = 0.6;

/// Ranks candidate names against a query name: matches sorted by score (ties
/// by candidate index), keeping only those scoring at least
/// [`RELATIVE_CUTOFF`] × the best. Once a candidate matches the whole name,
/// others that share only a given name are noise.
///
/// ```
/// use whereas::name::{name_keys, rank};
/// let docs: Vec<_> = ["Bakhytzhan Sapiev", "Бахытжан Сагинтаев", "Roza Tuletayeva"]
///     .iter()
///     .map(|n| name_keys(n))
///     .collect();
/// let hits = rank(&name_keys("Bakytzhan Sagintaev"), &docs);
/// assert_eq!(hits.len(), 1);
/// assert_eq!(hits[0].0, 1);
/// ```
pub fn rank(query: &NameKeys, candidates: &[NameKeys]) -> Vec<(usize, NameMatch)> {
    let mut hits: Vec<(usize, NameMatch)> = candidates
        .iter()
        .enumerate()
        .filter_map(|(i, c)| judge(query, c).map(|(m, _)| (i, m)))
        .collect();
    hits.sort_by(|x, y| y.1.score.total_cmp(&x.1.score).then(x.0.cmp(&y.0)));
    if let Some(best) = hits.first().map(|h| h.1.score) {
        hits.retain(|h| h.1.score >= RELATIVE_CUTOFF * best);
    }
    hits
}
