//! The diphthong ay / ey between two consonants: what the consonant skeletons
//! leave out and a name's identity may hang on.
//!
//! Consonant skeletons drop every vowel, so `Hassan` and `Hossein` (حسن and
//! حسين: Hasan and Husayn, two names, classically two brothers) have the same
//! skeleton, `hsn`, as do `Laila` and `Lola`. Yet the diphthong is no vowel
//! spelling: Arabic and Persian write it with a letter (ي, ی) that they never
//! write for a short vowel, and the Latin spellings of the name write it `ai`,
//! `ay`, `ei` or `ey` (`Husayn`, `Hussain`, `Hossein`, `Hüseyin`), where the
//! other name has a back vowel (`Hasan`, `Hassan`). So between two words that
//! meet on their skeletons, a gap between two consonants that one writes with the
//! diphthong (or with ي) and the other with a back vowel only (a, o, u) or no
//! vowel tells two names apart ([`agree`]). A front vowel alone (`Husin`, `Karim`)
//! may be ي or a short i, and agrees with both. A Latin `ei` against an Arabic
//! word without ي is not judged: it may write a vowel beside an unwritten ʿayn
//! (`Moneim`, منعم) or a Turkic vowel (`Leysani`, لسانی).
//!
//! The search never sees a pair whole, so there the diphthong is a key instead
//! ([`glide_skeleton_key`]): the skeleton key with a `y` in the diphthong's gap,
//! which ranks `Hossein` above `Hassan` for `حسين` without keeping `Hassan` out.

/// What one gap between two consonants of a key holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// An alphabet's back vowels only (a, o, u), or no vowel.
    Back,
    /// An alphabet's front vowel (i, e) and no diphthong.
    Front,
    /// An alphabet's diphthong: `ai` or `ei` (a key writes y as i).
    Glide,
    /// An abjad's ي (keyed i).
    Yeh,
    /// An abjad's gap without ي.
    NoYeh,
}

/// The gaps between the consonants of a key, in order, with the number of
/// consonants, counted as the skeletons count them (`cross::skeleton`): equal
/// consonants in a row are one, `tx` (ч) is one, a final h is none, and with
/// `drop_v_f` a v or f is no consonant (an abjad's و and ف may write a vowel).
/// `abjad` for the key of a word in Arabic script, whose vowel letters are its
/// long vowels and diphthongs.
fn gaps(key: &str, abjad: bool, drop_v_f: bool) -> (usize, Vec<Gap>) {
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let mut consonants: Vec<char> = Vec::new();
    let mut run = String::new();
    let mut out = Vec::new();
    for c in key.chars() {
        if vowel(c) {
            run.push(c);
            continue;
        }
        if drop_v_f && matches!(c, 'v' | 'f') {
            continue;
        }
        let last = consonants.last().copied();
        if run.is_empty() && (last == Some(c) || (last == Some('t') && c == 'x')) {
            continue;
        }
        if last.is_some() {
            out.push(classify(&run, abjad));
        }
        consonants.push(c);
        run.clear();
    }
    if consonants.len() > 2 && consonants.last() == Some(&'h') {
        consonants.pop();
        out.pop();
    }
    (consonants.len(), out)
}

fn classify(run: &str, abjad: bool) -> Gap {
    match (abjad, run.contains('i')) {
        (true, true) => Gap::Yeh,
        (true, false) => Gap::NoYeh,
        _ if run.contains("ai") || run.contains("ei") => Gap::Glide,
        _ if run.contains('i') || run.contains('e') => Gap::Front,
        _ => Gap::Back,
    }
}

/// Whether two keys that meet on their consonant skeletons agree on the
/// diphthong (module docs): `false` when a gap between the same two consonants
/// holds it (or ي) in one key and a back vowel only (or no ي) in the other.
/// Keys whose consonants do not line up one to one are not judged (`true`).
/// `drop_v_f` as for the skeletons compared (`cross::skeleton` drops v and f,
/// `cross::alphabet_skeleton` keeps them).
pub(crate) fn agree(a: &str, a_abjad: bool, b: &str, b_abjad: bool, drop_v_f: bool) -> bool {
    let (na, ga) = gaps(a, a_abjad, drop_v_f);
    let (nb, gb) = gaps(b, b_abjad, drop_v_f);
    if na != nb {
        return true;
    }
    !ga.iter().zip(&gb).any(|pair| {
        matches!(
            pair,
            (Gap::Back, Gap::Yeh | Gap::Glide) | (Gap::Yeh | Gap::Glide, Gap::Back)
        )
    })
}

/// A consonant-skeleton key (`=hsn`, `=_bdl`) with a `y` after each consonant whose gap
/// holds the diphthong (`ai`, `ei` in an alphabet's key) or ي (an abjad's): the search's
/// key that `Hossein`, `Husayn` and `حسين` share and `Hassan`, `حسن` have not (`=hsyn`),
/// beside the plain skeleton key they all have. `None` when no gap holds it or the
/// key's consonants do not line up with the skeleton's.
pub(crate) fn glide_skeleton_key(skeleton_key: &str, key: &str, abjad: bool) -> Option<String> {
    let body = skeleton_key.trim_start_matches(|c: char| !c.is_ascii_alphabetic());
    let mark = &skeleton_key[..skeleton_key.len() - body.len()];
    let (n, gaps) = gaps(key, abjad, true);
    let consonants: Vec<char> = body.chars().collect();
    let glide = |g: &Gap| matches!(g, Gap::Glide | Gap::Yeh);
    if n != consonants.len() || !gaps.iter().any(glide) {
        return None;
    }
    let mut out = String::from(mark);
    for (i, c) in consonants.iter().enumerate() {
        out.push(*c);
        if gaps.get(i).is_some_and(glide) {
            out.push('y');
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_diphthong_tells_hasan_from_husayn() {
        // Latin against Latin: hasan / hosein, husain.
        assert!(!agree("hasan", false, "hosein", false, true));
        assert!(!agree("husain", false, "hasan", false, true));
        assert!(agree("hosein", false, "husain", false, true));
        // Against Arabic script (keyed with ي as i): حسين hsin, حسن hsn.
        assert!(!agree("hasan", false, "hsin", true, true));
        // A Latin ei against no ي is not judged: `Moneim` writes the ʿayn of
        // منعم (munʿim) so, and `Leysani` a vowel of لسانی.
        assert!(agree("monem", false, "mnm", true, true));
        assert!(agree("hosein", false, "hsn", true, true));
        assert!(agree("hosein", false, "hsin", true, true));
        assert!(agree("hasan", false, "hsn", true, true));
        // A front vowel alone may be ي or a short i: Karim / كريم, Husin / حسين.
        assert!(agree("karim", false, "krim", true, true));
        assert!(agree("husin", false, "hsin", true, true));
        assert!(agree("husin", false, "hosein", false, true));
        // Zeinab / Zaynab / زينب agree; so do keys whose consonants differ in
        // number (not judged).
        assert!(agree("seinab", false, "sainab", false, true));
        assert!(agree("sainab", false, "sinb", true, true));
        assert!(agree("abdalah", false, "abdulah", false, true));
        // Whole names joined, the abjad's و keyed v (حسینرونقی: hsinrvnki).
        assert!(!agree("hasanronagi", false, "hsinrvnki", true, true));
        assert!(agree("hoseinronagi", false, "hsinrvnki", true, true));
        // A final h is no consonant (ة), as in the skeletons.
        assert!(!agree("hasanah", false, "hsinh", true, true));
    }

    #[test]
    fn the_search_keys_the_diphthong() {
        assert_eq!(
            glide_skeleton_key("=hsn", "hosein", false).as_deref(),
            Some("=hsyn")
        );
        assert_eq!(
            glide_skeleton_key("=hsn", "hsin", true).as_deref(),
            Some("=hsyn")
        );
        assert_eq!(glide_skeleton_key("=hsn", "hasan", false), None);
        assert_eq!(glide_skeleton_key("=hsn", "hsn", true), None);
        assert_eq!(
            glide_skeleton_key("=krt", "kairat", false).as_deref(),
            Some("=kyrt")
        );
    }
}
