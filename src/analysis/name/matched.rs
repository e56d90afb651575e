//! A match of two names and its reasons: [`NameMatch`], the [`PartMatch`]es behind
//! it, and the ways `compare.rs` builds one from a rule that reads a whole name
//! (a reading in another system, the Chinese-name and transcription rules).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{chinese, script, Channel, NameKeys};

/// One pairing of parts behind a [`NameMatch`]: which words met, on which
/// channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartMatch {
    /// The words of the first name, as written (joined by a space when several).
    pub a: String,
    /// The words of the second name, as written.
    pub b: String,
    /// How they matched.
    pub channel: Channel,
    /// How it was judged: `"word"`, `"joined words"`, `"consonant skeleton"`,
    /// `"initial"` or `"missing patronymic"`.
    pub how: String,
}

/// How two names (or two words) matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NameMatch {
    /// The weakest channel among the matched words.
    pub channel: Channel,
    /// Strength in `(0, 1]`: 1.0 for the same name spelled the same way.
    pub score: f32,
    /// How many word pairs matched.
    pub matched: usize,
    /// The pairings and the parts accounted for without one (empty for
    /// [`match_words`](super::match_words)); `Display` prints them as the reason for the match.
    pub parts: Vec<PartMatch>,
}

impl fmt::Display for NameMatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2} ({:?})", self.score, self.channel)?;
        for (k, p) in self.parts.iter().enumerate() {
            let sep = if k == 0 { ": " } else { "; " };
            write!(f, "{sep}{} = {} [{:?}, {}]", p.a, p.b, p.channel, p.how)?;
        }
        Ok(())
    }
}

/// A match found by reading a name in another system (pinyin, Wylie read as it
/// sounds) is a match across romanisations or scripts: at most
/// [`Channel::Translit`], as the Chinese-name rule's are, so that a name as written
/// ranks above its reading; each pairing's reason says which reading (`reading`).
pub(crate) fn read_in(mut m: NameMatch, reading: &str) -> NameMatch {
    let cap = Channel::Translit.weight();
    let top = m.channel.weight();
    if top > cap {
        m.score *= cap / top;
        m.channel = Channel::Translit;
    }
    for p in &mut m.parts {
        if p.channel.weight() > cap {
            p.channel = Channel::Translit;
        }
        p.how = format!("{}, {reading}", p.how);
    }
    m
}

/// A match of a whole-name rule (the Chinese-name rule at translit strength,
/// the transcription rule at related strength), its pairings as the reason:
/// the channel's weight × 0.95 on the parts it pairs, below the word rule's
/// spelling of the same syllables.
pub(crate) fn rule_match(pairs: Vec<chinese::Pairing>, channel: Channel) -> NameMatch {
    let parts: Vec<PartMatch> = pairs
        .into_iter()
        .map(|(a, b, how)| PartMatch {
            a,
            b,
            channel,
            how: how.to_string(),
        })
        .collect();
    NameMatch {
        channel,
        score: channel.weight() * 0.95,
        matched: parts
            .iter()
            .filter(|p| !p.a.is_empty() && !p.b.is_empty())
            .count(),
        parts,
    }
}

/// Whether a match pairs every word of both names that is no particle (the words
/// its pairings name, counted on each side).
pub(crate) fn pairs_every_word(m: &NameMatch, a: &NameKeys, b: &NameKeys) -> bool {
    let words = |n: &NameKeys| {
        n.parts
            .iter()
            .filter(|p| !script::is_particle(&p.keys))
            .count()
    };
    let paired = |side: fn(&PartMatch) -> &str| {
        m.parts
            .iter()
            .map(|p| side(p).split_whitespace().count())
            .sum::<usize>()
    };
    paired(|p| &p.a) >= words(a) && paired(|p| &p.b) >= words(b)
}
