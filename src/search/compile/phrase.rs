//! Several query words together: a quoted phrase in prose and in each name channel,
//! and the proximity of two adjacent bare words.

use std::collections::HashSet;

use tantivy::query::{DisjunctionMaxQuery, PhraseQuery, Query};
use tantivy::Term;

use crate::analysis::keys::{keys_of, query_channel_keys};
use crate::analysis::name::is_class_key;
use crate::analysis::name::Channel;
use crate::search::filter::{term_query, union};

use super::{
    boosted, Compiler, Scope, BOOST_EXACT, BOOST_FOLDED, BOOST_PROXIMITY, BOOST_RELATED,
    BOOST_TRANSLIT, MAX_COMBINATIONS,
};

/// One name channel's whole-name pairs for two adjacent query words.
pub(crate) struct ProximityPairs {
    /// [`Channel::Translit`] or [`Channel::Related`].
    pub(crate) channel: Channel,
    /// The channel's proximity boost.
    pub(crate) boost: f32,
    /// Key pairs `(x, y)` in the query's order: `x`, then `y` within one position
    /// (slop 1), for every two keys that differ.
    pub(crate) pairs: Vec<(String, String)>,
    /// The same pairs the other way round (`y`, then `x`) for [`Order::Either`], empty
    /// for [`Order::AsWritten`]. The two orders are scored as the best of them, not
    /// summed: a word's keys at one position (a Han name's) are near in both orders,
    /// and that is still one proximity.
    pub(crate) reversed: Vec<(String, String)>,
}

/// Which orders of two words a proximity looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Order {
    /// Either order: a name's words are written in several (`Zhumagulov Almat`).
    Either,
    /// The query's order only: a word for "son of" and the father's name beside it
    /// (`bin Salman`), whose order tells the son from the father (`Abdulaziz bin
    /// Salman`, `Salman bin Abdulaziz`).
    AsWritten,
}

/// The whole-name proximity of two adjacent words: their translit keys near each other
/// in either order, and their related keys (a surname written with another suffix,
/// `Akhmetov` for `Akhmetuly`) at the related channel's share of the boost. A channel
/// with no pair is left out. Used by the compiler and by `scale`, so both engines look
/// for the same pairs.
pub(crate) fn proximity_pairs(a: &str, b: &str, order: Order) -> Vec<ProximityPairs> {
    let mut out = Vec::new();
    for (channel, boost) in [
        (Channel::Translit, BOOST_PROXIMITY),
        (
            Channel::Related,
            BOOST_PROXIMITY * BOOST_RELATED / BOOST_TRANSLIT,
        ),
    ] {
        let mut pairs = Vec::new();
        let mut reversed = Vec::new();
        for combo in channel_combinations(&[a, b], channel) {
            if combo[0] == combo[1] {
                continue;
            }
            pairs.push((combo[0].clone(), combo[1].clone()));
            if order == Order::Either {
                reversed.push((combo[1].clone(), combo[0].clone()));
            }
        }
        if !pairs.is_empty() {
            out.push(ProximityPairs {
                channel,
                boost,
                pairs,
                reversed,
            });
        }
    }
    out
}

impl Compiler<'_> {
    /// A multi-word literal: a phrase in prose and in each name channel.
    pub(super) fn phrase(
        &mut self,
        text: &str,
        ws: &[&str],
        slop: u32,
        scope: Scope,
        positive: bool,
    ) -> Option<Box<dyn Query>> {
        let mut disjuncts: Vec<Box<dyn Query>> = Vec::new();
        if scope.prose {
            let mut terms = Vec::new();
            let mut stream = self.analyzer.token_stream(text);
            while let Some(t) = stream.next() {
                terms.push((t.position, Term::from_field_text(self.fields.text, &t.text)));
            }
            drop(stream);
            match terms.len() {
                0 => {}
                1 => disjuncts.push(term_query(terms.remove(0).1)),
                _ => {
                    let first = terms[0].0;
                    let terms = terms.into_iter().map(|(p, t)| (p - first, t)).collect();
                    disjuncts.push(Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop)));
                }
            }
        }
        if scope.names {
            for (channel, field, boost) in [
                (Channel::Exact, self.fields.name_exact, BOOST_EXACT),
                (Channel::Folded, self.fields.name_folded, BOOST_FOLDED),
                (Channel::Translit, self.fields.name_translit, BOOST_TRANSLIT),
            ] {
                let phrases: Vec<Box<dyn Query>> = channel_combinations(ws, channel)
                    .into_iter()
                    .map(|combo| {
                        let terms = combo
                            .iter()
                            .enumerate()
                            .map(|(i, k)| (i, Term::from_field_text(field, k)))
                            .collect();
                        Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop))
                            as Box<dyn Query>
                    })
                    .collect();
                if !phrases.is_empty() {
                    disjuncts.push(boosted(union(phrases), boost));
                }
            }
        }
        if disjuncts.is_empty() {
            return None;
        }
        if positive {
            // Highlighted where the words stand together, not wherever each one does.
            self.highlight.add_phrase(ws, slop);
        }
        Some(Box::new(DisjunctionMaxQuery::new(disjuncts)))
    }

    /// Two adjacent query words: the better of their translit keys near each other
    /// (either order) and their related keys near each other (a surname written with
    /// another suffix, `Akhmetov` for `Akhmetuly`), the latter at the related
    /// channel's share of the boost.
    pub(super) fn proximity(&mut self, a: &str, b: &str, order: Order) -> Option<Box<dyn Query>> {
        // Stop words take no part in a whole name.
        self.stem(a)?;
        self.stem(b)?;
        let mut channels: Vec<Box<dyn Query>> = Vec::new();
        for ProximityPairs {
            channel,
            boost,
            pairs,
            reversed,
        } in proximity_pairs(a, b, order)
        {
            let field = match channel {
                Channel::Translit => self.fields.name_translit,
                _ => self.fields.name_related,
            };
            let phrases = |pairs: &[(String, String)]| -> Box<dyn Query> {
                union(
                    pairs
                        .iter()
                        .map(|(x, y)| {
                            let terms = vec![
                                (0, Term::from_field_text(field, x)),
                                (1, Term::from_field_text(field, y)),
                            ];
                            Box::new(PhraseQuery::new_with_offset_and_slop(terms, 1))
                                as Box<dyn Query>
                        })
                        .collect(),
                )
            };
            // The better of the two orders (see `ProximityPairs::reversed`).
            let near = if reversed.is_empty() {
                phrases(&pairs)
            } else {
                Box::new(DisjunctionMaxQuery::new(vec![
                    phrases(&pairs),
                    phrases(&reversed),
                ]))
            };
            channels.push(boosted(near, boost));
        }
        match channels.len() {
            0 => None,
            1 => channels.pop(),
            _ => Some(Box::new(DisjunctionMaxQuery::new(channels))),
        }
    }
}

/// Every choice of one key per word of `words` on `channel` ([`combinations`] of their
/// channel keys): the key sequences a phrase or a proximity looks for on that channel.
pub(crate) fn channel_combinations(words: &[&str], channel: Channel) -> Vec<Vec<String>> {
    let per_word: Vec<Vec<String>> = words
        .iter()
        .map(|w| {
            let mut keys = Vec::new();
            query_channel_keys(&keys_of(w), channel, &mut keys);
            // Consonant classes meet a transcription word by word; as a phrase they
            // would only multiply the combinations.
            keys.retain(|k| !is_class_key(k));
            keys
        })
        .collect();
    combinations(&per_word)
}

/// Every choice of one key per word, at most [`MAX_COMBINATIONS`], first keys first.
/// Empty if some word has no key.
pub(crate) fn combinations(per_word: &[Vec<String>]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    for keys in per_word {
        if keys.is_empty() {
            return Vec::new();
        }
        let mut next = Vec::new();
        'outer: for prefix in &out {
            for key in keys {
                if next.len() == MAX_COMBINATIONS {
                    break 'outer;
                }
                let mut combo = prefix.clone();
                combo.push(key.clone());
                next.push(combo);
            }
        }
        out = next;
    }
    let mut seen = HashSet::new();
    out.retain(|c| seen.insert(c.clone()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combinations_are_bounded_and_ordered() {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let c = combinations(&[v(&["a", "b"]), v(&["c"])]);
        assert_eq!(c, [v(&["a", "c"]), v(&["b", "c"])]);
        assert!(combinations(&[v(&["a"]), vec![]]).is_empty());
        let many: Vec<Vec<String>> = (0..6).map(|_| v(&["x", "y", "z"])).collect();
        assert!(combinations(&many).len() <= MAX_COMBINATIONS);
    }
}
