//! A name written as the initials of its first words: `MBS` for Mohammed bin Salman,
//! `AMLO` for Andrés Manuel López Obrador, `JFK` for John Fitzgerald Kennedy. The press
//! writes a few public figures so; `compare` accepts it, at related strength, when
//! nothing else matched.
//!
//! The rule: one name is a single word of three to five capital letters and nothing
//! else; the other has at least as many words (split at spaces and hyphens, a particle
//! such as `bin` counted as written), and the first letters of its first words, one per
//! capital, are those capitals in order; a word in a script without capitals (Arabic,
//! Devanagari) gives the first letter of its Latin key (`محمد بن سلمان`). Initials are
//! ambiguous by nature (`Mohammed bin Sultan` is `MBS` too), so the match is weak and
//! only made where the other rules find nothing.

use crate::analysis::words::words;

/// The fewest and most capitals an initialism of a name has.
const LETTERS: std::ops::RangeInclusive<usize> = 3..=5;

/// The capitals of `text` when it is one word of [`LETTERS`] capital letters.
fn capitals(text: &str) -> Option<Vec<char>> {
    let mut split = words(text.trim());
    let (_, word) = split.next()?;
    if split.next().is_some() || word.len() != text.trim().len() {
        return None;
    }
    let letters: Vec<char> = word.chars().collect();
    (LETTERS.contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase()))
        .then_some(letters)
}

/// Whether `initials` (one word of capitals) are the first letters of the first words
/// of `name`; returns those words, as written, joined by a space.
fn initials_of(initials: &[char], name: &str) -> Option<String> {
    let first: Vec<&str> = words(name).map(|(_, w)| w).take(initials.len()).collect();
    if first.len() < initials.len() || capitals(name).is_some() {
        return None;
    }
    let fits = first.iter().zip(initials).all(|(w, &c)| {
        let written = w
            .chars()
            .next()
            .is_some_and(|f| f.to_uppercase().eq(c.to_uppercase()));
        // A word in a script without capitals (Arabic, Devanagari) gives its
        // first letter in its Latin keys (`محمد` → `mhmd`, M).
        let read = || {
            w.chars()
                .next()
                .is_some_and(|f| !f.is_ascii() && !f.is_uppercase() && !f.is_lowercase())
                && super::base_keys(w).0.translit.iter().any(|k| {
                    k.chars()
                        .next()
                        .is_some_and(|f| c.to_lowercase().eq(f.to_lowercase()))
                })
        };
        written || read()
    });
    fits.then(|| first.join(" "))
}

/// The two names as `(initials, words)` when one is the initialism of the other's
/// first words (in either order of the arguments).
pub(crate) fn initialism(a: &str, b: &str) -> Option<(String, String)> {
    if let Some(caps) = capitals(a) {
        if let Some(words) = initials_of(&caps, b) {
            return Some((a.trim().to_string(), words));
        }
    }
    let caps = capitals(b)?;
    initials_of(&caps, a).map(|words| (words, b.trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_the_first_words() {
        assert!(initialism("MBS", "Mohammed bin Salman").is_some());
        assert!(initialism("Mohammad bin Salman bin Abdulaziz Al Saud", "MBS").is_some());
        assert!(initialism("AMLO", "Andrés Manuel López Obrador").is_some());
        assert!(initialism("JFK", "John Fitzgerald Kennedy").is_some());
        // In a script without capitals, through the Latin key of each word.
        assert!(initialism("MBS", "محمد بن سلمان آل سعود").is_some());
        assert!(initialism("MBS", "मोहम्मद बिन सलमान").is_some());
        assert!(initialism("MBS", "سلمان بن عبدالعزيز").is_none());
    }

    #[test]
    fn other_shapes_are_not_initialisms() {
        // Other letters, too few words, two letters, lower case, two capitals words.
        assert!(initialism("MBS", "Salman bin Abdulaziz").is_none());
        assert!(initialism("MBS", "Mohammed Salman").is_none());
        assert!(initialism("MB", "Mohammed bin").is_none());
        assert!(initialism("Mbs", "Mohammed bin Salman").is_none());
        assert!(initialism("MBS", "MBS").is_none());
        assert!(initialism("OSCE", "Organization for Security Cooperation").is_none());
        assert!(initialism("EU ABC", "Each Unit Any Body Counts").is_none());
    }
}
