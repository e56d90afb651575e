//! Tibetan script → the Latin spellings of a Tibetan name.
//!
//! Tibetan writes a syllable as up to four letters around a root (a prefix, a
//! letter stacked above, letters stacked below, one or two suffixes), most of
//! them silent or changing the root's sound; syllables are separated by a tsheg
//! (`་`), and a name is written without spaces. Latin spellings of Tibetan names
//! write the sound, syllables joined into words (`བཀྲ་ཤིས་དབང་ཕྱུག`, bkra shis dbang
//! phyug in Wylie, is `Tashi Wangchuk`), which `any_ascii`'s letter-by-letter
//! transliteration never meets. Each syllable is read by the rules of the Tibetan
//! and Himalayan Library's simplified phonetic transcription (THL, David Germano
//! and Nicolas Tournadre, 2003: the silent prefixes and superscripts dropped; the
//! subscript y after p, ph, b, m read ch, ch, j, ny; the subscript r after k, t, p
//! read tr, after g, d, b dr; the subscript l read l, z+l d; prefix d or ' before b
//! read w; a final d, n, l or s turning a, o, u to e, ö, ü; the final g, b read k,
//! p; the final d, ' and s and a second suffix silent), and a second time as the
//! press spells those sounds (`bkra` Ta, not THL's Tra; `sgrol` Dol, not Dröl: `Dolma`; dz as
//! z: `Tenzin`; a final b as b: `Sherab`, `Thubten`).
//!
//! A Tibetan word is keyed like a Han name written as one word: the readings of
//! the whole word are its translit keys, and for the search the readings of each
//! two adjacent syllables (the way Latin spellings join them into words) and of
//! each syllable are keys across scripts.

/// Whether `c` is in the Tibetan block (U+0F00–U+0FFF).
pub(crate) fn is_tibetan(c: char) -> bool {
    ('\u{0F00}'..='\u{0FFF}').contains(&c)
}

/// The Wylie letters of the consonants U+0F40–U+0F6C, in code point order (the
/// subjoined forms U+0F90–U+0FBC follow the same order); `""` for a code point
/// that is no letter of Tibetan proper.
const LETTERS: [&str; 45] = [
    "k", "kh", "g", "g", "ng", "c", "ch", "j", "", "ny", "t", "th", "d", "d", "n", "t", "th", "d",
    "d", "n", "p", "ph", "b", "b", "m", "ts", "tsh", "dz", "dz", "w", "zh", "z", "'", "y", "r",
    "l", "sh", "sh", "s", "h", "a", "ksh", "r", "k", "r",
];

/// The Wylie letter of a base consonant (`Some((letter, false))`) or of a
/// subjoined one (`Some((letter, true))`).
fn letter(c: char) -> Option<(&'static str, bool)> {
    let u = c as u32;
    let (i, subjoined) = match u {
        0x0F40..=0x0F6C => (u - 0x0F40, false),
        0x0F90..=0x0FBC => (u - 0x0F90, true),
        _ => return None,
    };
    let l = LETTERS.get(i as usize).copied().filter(|l| !l.is_empty())?;
    // The fixed forms of wa, ya, ra (U+0FBA–U+0FBC) are the letters themselves.
    let l = match u {
        0x0FBA => "w",
        0x0FBB => "y",
        0x0FBC => "r",
        _ => l,
    };
    Some((l, subjoined))
}

/// The vowel of a vowel sign (the long forms read as the short ones).
fn vowel_sign(c: char) -> Option<char> {
    match c {
        '\u{0F72}' | '\u{0F73}' | '\u{0F80}' | '\u{0F81}' => Some('i'),
        '\u{0F74}' | '\u{0F75}' => Some('u'),
        '\u{0F7A}' | '\u{0F7B}' => Some('e'),
        '\u{0F7C}' | '\u{0F7D}' => Some('o'),
        _ => None,
    }
}

/// One letter or stack of a syllable, with the vowel sign on it.
#[derive(Debug, Default)]
struct Stack {
    letters: Vec<&'static str>,
    vowel: Option<char>,
}

/// The letters a prefix may be.
const PREFIXES: [&str; 5] = ["g", "d", "b", "m", "'"];

/// The letters stacked above a root (superscripts).
const HEADS: [&str; 3] = ["r", "l", "s"];

/// The letters stacked below a root (subscripts).
const SUBS: [&str; 4] = ["y", "r", "l", "w"];

/// One syllable's letters by their place (Wylie letters).
struct Parts<'a> {
    prefix: Option<&'a str>,
    head: Option<&'a str>,
    root: &'a str,
    subs: Vec<&'a str>,
    vowel: char,
    suffix: Option<&'a str>,
}

/// How one syllable sounds: `(onset, vowel, coda)`, THL's reading.
struct Sound {
    onset: String,
    vowel: String,
    coda: &'static str,
    /// The final b, which the press writes as b.
    final_b: bool,
}

/// Reads one syllable of Tibetan script (its characters between tshegs); `None`
/// for one with no Tibetan letter.
fn script_syllable(cs: &[char]) -> Option<Sound> {
    let mut stacks: Vec<Stack> = Vec::new();
    for &c in cs {
        if let Some((l, subjoined)) = letter(c) {
            match stacks.last_mut() {
                Some(s) if subjoined => s.letters.push(l),
                _ => stacks.push(Stack {
                    letters: vec![l],
                    vowel: None,
                }),
            }
        } else if let Some(v) = vowel_sign(c) {
            if let Some(s) = stacks.last_mut() {
                s.vowel = Some(v);
            }
        }
    }
    if stacks.is_empty() {
        return None;
    }
    // The root: the stack with the vowel sign, else the stack of two letters or
    // more, else the letter after a prefix in a syllable of three letters or four
    // (dbang: d prefix, b root, ng suffix), else the first.
    let root = stacks
        .iter()
        .position(|s| s.vowel.is_some())
        .or_else(|| stacks.iter().position(|s| s.letters.len() > 1))
        .unwrap_or_else(|| {
            let prefixed = PREFIXES.contains(&stacks[0].letters[0]);
            usize::from(stacks.len() >= 3 && prefixed)
        });
    let stack = &stacks[root].letters;
    // A superscript r, l or s over a root (rgya: r over g); y, r, l, w below it
    // are subscripts.
    let (head, root_letter, subs) =
        if stack.len() >= 2 && HEADS.contains(&stack[0]) && !SUBS.contains(&stack[1]) {
            (Some(stack[0]), stack[1], stack[2..].to_vec())
        } else {
            (None, stack[0], stack[1..].to_vec())
        };
    Some(sound(&Parts {
        prefix: root.checked_sub(1).map(|i| stacks[i].letters[0]),
        head,
        root: root_letter,
        subs,
        vowel: stacks[root].vowel.unwrap_or('a'),
        suffix: stacks.get(root + 1).map(|s| s.letters[0]),
    }))
}

/// The Wylie letters, longest first.
const WYLIE_LETTERS: [&str; 31] = [
    "tsh", "ts", "kh", "ng", "ch", "ny", "th", "ph", "dz", "zh", "sh", "k", "g", "c", "j", "t",
    "d", "n", "p", "b", "m", "w", "z", "'", "y", "r", "l", "s", "h", "a", "x",
];

/// One syllable written in Wylie: its letters by their place, as a script
/// syllable's are read, and the second suffix the script's reading leaves silent.
struct WylieSyllable {
    parts: Parts<'static>,
    second_suffix: Option<&'static str>,
}

impl WylieSyllable {
    /// Whether the syllable has a letter only Wylie writes (a prefix, a
    /// superscript, a second suffix, an a-chung written ').
    fn marked(&self) -> bool {
        let p = &self.parts;
        p.prefix.is_some() || p.head.is_some() || self.second_suffix.is_some() || p.root == "'"
    }

    /// The syllable in Tibetan script: the prefix, the stack (superscript, root
    /// and subscripts, all but the first subjoined), the vowel sign, the suffixes.
    #[cfg_attr(not(feature = "index"), allow(dead_code))]
    fn push_script(&self, out: &mut String) {
        let base = |l: &str| script_letter(l);
        let sub = |l: &str| script_letter(l).and_then(|c| char::from_u32(c as u32 + 0x50));
        let p = &self.parts;
        let stack = p
            .head
            .into_iter()
            .chain([p.root])
            .chain(p.subs.iter().copied());
        let letters = p
            .prefix
            .map(base)
            .into_iter()
            .chain(
                stack
                    .enumerate()
                    .map(|(i, l)| if i == 0 { base(l) } else { sub(l) }),
            );
        out.extend(letters.flatten());
        out.extend(match p.vowel {
            'i' => Some('\u{0F72}'),
            'u' => Some('\u{0F74}'),
            'e' => Some('\u{0F7A}'),
            'o' => Some('\u{0F7C}'),
            _ => None,
        });
        out.extend(
            p.suffix
                .into_iter()
                .chain(self.second_suffix)
                .filter_map(base),
        );
    }
}

/// The Tibetan letter (base form) a Wylie letter writes.
#[cfg_attr(not(feature = "index"), allow(dead_code))]
fn script_letter(l: &str) -> Option<char> {
    let c = match l {
        "k" => '\u{0F40}',
        "kh" => '\u{0F41}',
        "g" => '\u{0F42}',
        "ng" => '\u{0F44}',
        "c" => '\u{0F45}',
        "ch" => '\u{0F46}',
        "j" => '\u{0F47}',
        "ny" => '\u{0F49}',
        "t" => '\u{0F4F}',
        "th" => '\u{0F50}',
        "d" => '\u{0F51}',
        "n" => '\u{0F53}',
        "p" => '\u{0F54}',
        "ph" => '\u{0F55}',
        "b" => '\u{0F56}',
        "m" => '\u{0F58}',
        "ts" => '\u{0F59}',
        "tsh" => '\u{0F5A}',
        "dz" => '\u{0F5B}',
        "w" => '\u{0F5D}',
        "zh" => '\u{0F5E}',
        "z" => '\u{0F5F}',
        "'" => '\u{0F60}',
        "y" => '\u{0F61}',
        "r" => '\u{0F62}',
        "l" => '\u{0F63}',
        "sh" => '\u{0F64}',
        "s" => '\u{0F66}',
        "h" => '\u{0F67}',
        "a" => '\u{0F68}',
        _ => return None,
    };
    Some(c)
}

/// Parses one syllable written in Wylie (`bkra`, `dbang`, `'dzin`, `legs`);
/// `None` for a word that is no Wylie syllable (two vowels, a letter Wylie has
/// not).
fn wylie_syllable(word: &str) -> Option<WylieSyllable> {
    let w = word.to_lowercase();
    let (achung, w) = match w.strip_prefix(['\'', '’', '‘']) {
        Some(rest) => (true, rest.to_string()),
        None => (false, w),
    };
    let mut letters: Vec<&'static str> = Vec::new();
    let mut vowel: Option<(usize, char)> = None;
    let mut rest = w.as_str();
    while !rest.is_empty() {
        let c = rest.chars().next()?;
        if "aeiou".contains(c) {
            if vowel.is_some() {
                return None;
            }
            vowel = Some((letters.len(), c));
            rest = &rest[1..];
            continue;
        }
        let l = WYLIE_LETTERS
            .iter()
            .find(|l| rest.starts_with(*l) && **l != "a" && **l != "x")?;
        letters.push(l);
        rest = &rest[l.len()..];
    }
    let (at, v) = vowel?;
    let (mut cluster, coda) = (letters[..at].to_vec(), &letters[at..]);
    if coda.len() > 2
        || coda
            .first()
            .is_some_and(|l| !["g", "ng", "d", "n", "b", "m", "'", "r", "l", "s"].contains(l))
        || coda.get(1).is_some_and(|l| !["s", "d"].contains(l))
    {
        return None;
    }
    let mut subs = Vec::new();
    while cluster.len() > 1 && cluster.last().is_some_and(|l| SUBS.contains(l)) {
        subs.insert(0, cluster.pop()?);
    }
    let prefix_of = |l: &'static str| PREFIXES.contains(&l).then_some(l);
    let (prefix, head, root) = match cluster.as_slice() {
        [] => (None, None, if achung { "'" } else { "a" }),
        [r] => (None, None, *r),
        [h, r] if HEADS.contains(h) => (None, Some(*h), *r),
        [p, r] => (Some(prefix_of(p)?), None, *r),
        [p, h, r] if HEADS.contains(h) => (Some(prefix_of(p)?), Some(*h), *r),
        _ => return None,
    };
    // An a-chung before a root of its own is a prefix ('dzin); before no other
    // letter it is the root ('a).
    let prefix = prefix.or((achung && root != "'").then_some("'"));
    Some(WylieSyllable {
        parts: Parts {
            prefix,
            head,
            root,
            subs,
            vowel: v,
            suffix: coda.first().copied(),
        },
        second_suffix: coda.get(1).copied(),
    })
}

/// A name's words as Wylie syllables: `Some` when every word is one and one at
/// least has a letter only Wylie writes (a prefix, a superscript, a second
/// suffix: `bkra`, `sgo`, `legs`), which no other romanisation's name has.
fn wylie_name(name: &str) -> Option<Vec<WylieSyllable>> {
    let syllables: Vec<WylieSyllable> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(wylie_syllable)
        .collect::<Option<_>>()?;
    (syllables.len() >= 2 && syllables.iter().any(WylieSyllable::marked)).then_some(syllables)
}

/// A name written in Wylie (`bkra shis dbang phyug`) in Tibetan script, one word
/// of syllables between tshegs (`བཀྲ་ཤིས་དབང་ཕྱུག`), so that the search reads it
/// as it reads the script; `None` for a name that is no Wylie ([`wylie_name`]).
///
/// (`SearchRequest::name` looks a Wylie name up so.)
#[cfg_attr(not(feature = "index"), allow(dead_code))]
pub(crate) fn wylie_to_script(name: &str) -> Option<String> {
    let syllables = wylie_name(name)?;
    let mut out = String::new();
    for (i, s) in syllables.iter().enumerate() {
        if i > 0 {
            out.push('\u{0F0B}');
        }
        s.push_script(&mut out);
    }
    Some(out)
}

/// How a syllable's letters sound (THL; module docs).
fn sound(p: &Parts) -> Sound {
    let has = |l: &str| p.subs.contains(&l);
    let root = p.root;
    let onset: String = if root == "b" && p.head.is_none() && matches!(p.prefix, Some("d" | "'")) {
        if has("y") { "y" } else { "w" }.to_string()
    } else if has("l") {
        if root == "z" { "d" } else { "l" }.to_string()
    } else if has("r") {
        match root {
            "k" | "t" | "p" | "kh" | "th" | "ph" => "tr".to_string(),
            "g" | "d" | "b" => "dr".to_string(),
            "m" | "s" | "sh" => root.to_string(),
            "h" => "hr".to_string(),
            _ => format!("{root}r"),
        }
    } else if has("y") {
        match root {
            "p" | "ph" => "ch".to_string(),
            "b" => "j".to_string(),
            "m" => "ny".to_string(),
            _ => format!("{root}y"),
        }
    } else {
        match root {
            "c" => "ch",
            "tsh" => "ts",
            "'" | "a" => "",
            l => l,
        }
        .to_string()
    };
    let umlaut = matches!(p.suffix, Some("d" | "n" | "l" | "s"));
    let vowel = match (p.vowel, umlaut) {
        ('a', true) => "e".to_string(),
        ('o', true) => "ö".to_string(),
        ('u', true) => "ü".to_string(),
        (v, _) => v.to_string(),
    };
    let coda = match p.suffix {
        Some("g") => "k",
        Some("ng") => "ng",
        Some("n") => "n",
        Some("b") => "p",
        Some("m") => "m",
        Some("r") => "r",
        Some("l") => "l",
        _ => "",
    };
    Sound {
        onset,
        vowel,
        coda,
        final_b: p.suffix == Some("b"),
    }
}

/// A syllable as THL writes it (`false`) or as the press does (`true`).
fn spell(s: &Sound, press: bool) -> String {
    if !press {
        return format!("{}{}{}", s.onset, s.vowel, s.coda);
    }
    let onset = match s.onset.as_str() {
        "tr" => "t",
        "dr" => "d",
        "dz" => "z",
        o => o,
    };
    let coda = if s.final_b { "b" } else { s.coda };
    format!("{onset}{}{coda}", s.vowel)
}

/// The sounds of a Tibetan word's syllables, in order.
fn sounds(cs: &[char]) -> Vec<Sound> {
    cs.split(|&c| matches!(c, '\u{0F0B}' | '\u{0F0C}' | '\u{0F0D}' | '\u{0F0E}' | ' '))
        .filter_map(script_syllable)
        .collect()
}

/// The Latin readings of a Tibetan word, THL's first, then the press's if it
/// differs (`བཀྲ་ཤིས` → `trashi`, `tashi`).
pub(crate) fn readings(cs: &[char]) -> Vec<Vec<char>> {
    let sounds = sounds(cs);
    let mut out: Vec<Vec<char>> = Vec::new();
    for press in [false, true] {
        let r: Vec<char> = sounds
            .iter()
            .flat_map(|s| spell(s, press).chars().collect::<Vec<_>>())
            .collect();
        if !r.is_empty() && !out.contains(&r) {
            out.push(r);
        }
    }
    out
}

/// The Latin readings of a name written in Wylie (`bkra shis dbang phyug`), each
/// one word as a Tibetan-script name is (`trashiwangchuk`, `tashiwangchuk`);
/// `None` for a name that is no Wylie ([`wylie_name`]).
pub(crate) fn wylie_readings(name: &str) -> Option<Vec<String>> {
    let sounds: Vec<Sound> = wylie_name(name)?.iter().map(|w| sound(&w.parts)).collect();
    let mut out: Vec<String> = Vec::new();
    for press in [false, true] {
        let r: String = sounds.iter().map(|s| spell(s, press)).collect();
        if !out.contains(&r) {
            out.push(r);
        }
    }
    Some(out)
}

/// The search's keys across scripts of a Tibetan word of two syllables or more:
/// the press reading of each two adjacent syllables (Latin spellings join a
/// name's syllables two by two into words: `Tashi`, `Wangchuk`) as translit keys,
/// and of each syllable (`Go` of `Go Sherab Gyatso`) as related keys.
pub(crate) fn add_cross_keys(cs: &[char], translit: &mut Vec<String>, related: &mut Vec<String>) {
    if !cs.iter().any(|&c| is_tibetan(c)) {
        return;
    }
    let sounds = sounds(cs);
    if sounds.len() < 2 {
        return;
    }
    let key = |s: String| {
        super::key::translit_keys(&s.chars().collect::<Vec<_>>())
            .into_iter()
            .next()
    };
    for pair in sounds.windows(2) {
        let joined = format!("{}{}", spell(&pair[0], true), spell(&pair[1], true));
        if let Some(k) = key(joined) {
            related.extend(super::key::related(&k));
            if !translit.contains(&k) {
                translit.push(k);
            }
        }
    }
    for s in &sounds {
        if let Some(k) = key(spell(s, true)) {
            if !related.contains(&k) {
                related.push(k);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(word: &str) -> Vec<String> {
        super::super::script::readings_of(readings, word)
    }

    #[test]
    fn syllables_read_as_thl_and_the_press_write_them() {
        // bkra shis dbang phyug: prefix, subscript r, prefix d before b, subscript y.
        assert_eq!(read("བཀྲ་ཤིས་དབང་ཕྱུག"), ["trashiwangchuk", "tashiwangchuk"]);
        // bstan 'dzin bde legs: superscript s, a-chung prefix, a second suffix.
        assert_eq!(read("བསྟན་འཛིན་བདེ་ལེགས་"), ["tendzindelek", "tenzindelek"]);
        // dge 'dun chos kyi nyi ma: a final s or n turns o and u.
        assert_eq!(read("དགེ་འདུན་ཆོས་ཀྱི་ཉི་མ་"), ["gedünchökyinyima"]);
        // sgo shes rab rgya mtsho: a final b, superscript r over g with y below.
        assert_eq!(read("སྒོ་ཤེས་རབ་རྒྱ་མཚོ"), ["gosherapgyatso", "gosherabgyatso"]);
    }

    #[test]
    fn wylie_reads_as_the_script_does() {
        let script = |w: &str| read(w);
        for (wylie, tibetan) in [
            ("bkra shis dbang phyug", "བཀྲ་ཤིས་དབང་ཕྱུག"),
            ("Bstan 'dzin bde legs", "བསྟན་འཛིན་བདེ་ལེགས་"),
            ("dge ’dun chos kyi nyi ma", "དགེ་འདུན་ཆོས་ཀྱི་ཉི་མ་"),
            ("sgo shes rab rgya mtsho", "སྒོ་ཤེས་རབ་རྒྱ་མཚོ"),
        ] {
            assert_eq!(wylie_readings(wylie), Some(script(tibetan)), "{wylie}");
            // Written back in the script, letter for letter (the source's
            // trailing tsheg aside).
            let written = wylie_to_script(wylie);
            assert_eq!(
                written.as_deref(),
                Some(tibetan.trim_end_matches('\u{0F0B}'))
            );
        }
        // Names in other romanisations are no Wylie: two vowels in a word, or no
        // letter only Wylie writes.
        for name in [
            "Tashi Wangchuk",
            "Li Heping",
            "Xi Jinping",
            "Nyi ma",
            "Stefan Dmitri",
            "Hu Jia",
        ] {
            assert_eq!(wylie_readings(name), None, "{name}");
            assert_eq!(wylie_to_script(name), None, "{name}");
        }
    }
}
