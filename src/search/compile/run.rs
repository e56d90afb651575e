//! Runs of bare query words: several words ORed are read as one name and ranked by
//! how many of them a unit matches ([`CoverageQuery`]), each weighted by its part of
//! the name, with initials as a soft check on a given name and a typo in one word
//! accepted beside the others.

use tantivy::query::{DisjunctionMaxQuery, EmptyQuery, Query, RegexQuery};
use tantivy::query_grammar::{Delimiter, UserInputAst, UserInputLeaf};
use tantivy::schema::Field;
use tantivy::Term;

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::analysis::joined::{join, joined_spans, Gap};
use crate::analysis::keys::{channel_keys, is_name_like, keys_of, query_channel_keys, FieldKeys};
use crate::analysis::name::{
    is_class_key, is_connector, is_han, is_kin_particle, is_skeleton_key, name_keys, Channel, Role,
    TokenKeys,
};
use crate::search::best::{BestTermQuery, Clause, CoverageQuery, NameWord};
use crate::search::fuzzy;
use crate::search::typed::{typed_words, TypedWord};

use super::{
    boosted, escape_regex, is_prefix, Compiler, Order, BOOST_EXACT, BOOST_FOLDED, BOOST_INITIAL,
    BOOST_RELATED, BOOST_TRANSLIT, FUZZY_MIN_CHARS, GIVEN_NAME_WEIGHT, MIDDLE_NAME_WEIGHT,
    PATRONYMIC_WEIGHT,
};

/// One word of a run of bare query words (a name, or prose words ORed).
pub(super) struct RunWord {
    pub(super) typed: TypedWord,
    pub(super) query: Box<dyn Query>,
    /// The word comes right after the run's previous word in the query (no other
    /// word, initial or quote between): the two may be one word written apart.
    pub(super) follows: bool,
}

impl Compiler<'_> {
    /// The query of a run of bare words: one word alone as it is; several as a
    /// [`CoverageQuery`], each word weighted by its part of the name, with the typos
    /// a word may carry beside the others and the soft proximity and initial clauses.
    pub(super) fn name_run(
        &mut self,
        run: Vec<RunWord>,
        soft: Vec<Box<dyn Query>>,
    ) -> Option<Box<dyn Query>> {
        if run.is_empty() {
            return None;
        }
        if run.len() == 1 && soft.is_empty() {
            return run.into_iter().next().map(|w| w.query);
        }
        let mut run = run;
        let spans = {
            let typed: Vec<&TypedWord> = run.iter().map(|w| &w.typed).collect();
            let follows: Vec<bool> = run.iter().map(|w| w.follows).collect();
            joined_run_spans(&typed, &follows)
        };
        for span in &spans {
            if let Some(alt) = self.joined_word(span) {
                for &k in &span.words {
                    let own = std::mem::replace(&mut run[k].query, Box::new(EmptyQuery));
                    let alt = boosted(alt.box_clone(), span.share());
                    run[k].query = Box::new(DisjunctionMaxQuery::new(vec![own, alt]));
                }
            }
        }
        let parts = {
            let typed: Vec<&TypedWord> = run.iter().map(|w| &w.typed).collect();
            run_parts(&typed)
        };
        let mut soft = soft;
        for (i, j) in skip_pairs(&parts) {
            let (a, b) = (run[i].typed.word.clone(), run[j].typed.word.clone());
            soft.extend(self.proximity(&a, &b, Order::Either));
        }
        let (kin, counts) = {
            let typed: Vec<&TypedWord> = run.iter().map(|w| &w.typed).collect();
            (
                kin_pairs(&typed, &parts),
                run_counts(&typed, &parts, &spans),
            )
        };
        for (i, j) in kin {
            let (a, b) = (run[i].typed.word.clone(), run[j].typed.word.clone());
            soft.extend(self.proximity(&a, &b, Order::AsWritten));
        }
        let several = run.len() > 1;
        let mut words = Vec::with_capacity(run.len());
        for ((word, part), count) in run.into_iter().zip(parts).zip(counts) {
            let context = if several {
                self.typo_in_context(&word.typed.word)
            } else {
                None
            };
            words.push(NameWord {
                query: word.query,
                context,
                weight: part.weight(),
                count,
            });
        }
        Some(Box::new(CoverageQuery::new(words, soft)))
    }

    /// Query words as one (`Ahmadi Nejad` as `AhmadiNejad`, see
    /// [`joined_run_spans`]): the joined word's keys on [`JoinedRunSpan::channels`],
    /// which meet a unit that writes the name as one word (`Ahmadinejad`), as the
    /// index's joined keys meet a query that writes it as one.
    fn joined_word(&mut self, span: &JoinedRunSpan) -> Option<Box<dyn Query>> {
        let keys = span.keys();
        let mut clauses = Vec::new();
        let mut buf = Vec::new();
        for &channel in span.channels() {
            let (field, boost) = match channel {
                Channel::Exact => (self.fields.name_exact, BOOST_EXACT),
                Channel::Folded => (self.fields.name_folded, BOOST_FOLDED),
                Channel::Translit => (self.fields.name_translit, BOOST_TRANSLIT),
                _ => (self.fields.name_related, BOOST_RELATED),
            };
            buf.clear();
            query_channel_keys(&keys, channel, &mut buf);
            for key in &buf {
                if self.person_lookup
                    && channel == Channel::Related
                    && self.related_names_a_place(key, &keys.folded)
                {
                    continue;
                }
                // Most joined words are in no unit: only the indexed keys are asked
                // for (a key in no unit matches nothing, so the ranking is the same).
                let term = Term::from_field_text(field, key);
                if self.searcher.doc_freq(&term).map_or(true, |n| n > 0) {
                    clauses.push(Clause::new(term, boost));
                }
            }
        }
        if clauses.is_empty() {
            return None;
        }
        self.highlight.add_word(&span.joined);
        Some(Box::new(BestTermQuery::new(clauses)))
    }

    /// Indexed translit keys one edit (or one swap of neighbours) from `word`'s, that
    /// count for the word only where another word of the name matches the unit: a
    /// typo in one word of a whole name (`Abay Jardemaile`).
    fn typo_in_context(&mut self, word: &str) -> Option<Box<dyn Query>> {
        let keys = keys_of(word);
        if keys.folded.chars().count() < FUZZY_MIN_CHARS {
            return None;
        }
        // A common word is prose: its look-alikes are other words, not typos of a name.
        let prose = crate::analysis::prose::prose_stem(word)
            .map(|stem| Term::from_field_text(self.fields.text, &stem));
        if prose.is_some_and(|term| self.mostly_prose(&term, &keys.folded)) {
            return None;
        }
        // Same-script typos on the folded form (a swap of two letters may move a
        // translit key further: `Jardemaile`, `Jardemalie`), every script's on the
        // translit keys.
        let mut own = Vec::new();
        channel_keys(&keys, Channel::Translit, &mut own);
        let mut close: Vec<(Field, String)> = Vec::new();
        for (field, own) in [
            (self.fields.name_folded, vec![keys.folded.clone()]),
            (self.fields.name_translit, own),
        ] {
            for key in fuzzy::neighbours(self.searcher, field, &own) {
                if !self.person_lookup || !self.names_a_place(&key) {
                    close.push((field, key));
                }
            }
        }
        if close.is_empty() {
            return None;
        }
        let mut clauses = Vec::with_capacity(close.len());
        for (field, key) in &close {
            if *field == self.fields.name_translit {
                self.highlight.add_fuzzy(word, key);
            } else {
                self.highlight.add_fuzzy_folded(word, key);
            }
            clauses.push(Clause::new(
                Term::from_field_text(*field, key),
                fuzzy::boost(1.0),
            ));
        }
        Some(Box::new(BestTermQuery::new(clauses)))
    }

    /// An initial (`Y`, `Е`, `Zh`): name-like words of the unit that start as a name
    /// beginning with it does, in its own script or through the translit keys; a soft
    /// clause that ranks the bearer of a fitting given name first.
    pub(super) fn initials(&mut self, initial: &str) -> Vec<Box<dyn Query>> {
        let letters: Vec<String> =
            if initial.chars().count() == 2 && initial.chars().all(char::is_uppercase) {
                initial.chars().map(String::from).collect()
            } else {
                vec![initial.to_string()]
            };
        let mut out = Vec::new();
        for letter in letters {
            let mut prefixes: Vec<(Field, String)> = Vec::new();
            let folded = keys_of(&letter).folded.clone();
            if !folded.is_empty() {
                prefixes.push((self.fields.name_folded, folded));
            }
            let cyrillic = letter.chars().any(|c| ('\u{400}'..='\u{4FF}').contains(&c));
            let vowels: [&str; 6] = if cyrillic {
                ["", "а", "е", "и", "о", "у"]
            } else {
                ["", "a", "e", "i", "o", "u"]
            };
            for vowel in vowels {
                let keys = keys_of(&format!("{letter}{vowel}"));
                if let Some(first) = keys.translit.first().and_then(|k| k.chars().next()) {
                    let prefix = (self.fields.name_translit, first.to_string());
                    if !prefixes.contains(&prefix) {
                        prefixes.push(prefix);
                    }
                }
            }
            let queries: Vec<Box<dyn Query>> = prefixes
                .iter()
                .filter_map(|(field, prefix)| {
                    RegexQuery::from_pattern(&format!("{}.*", escape_regex(prefix)), *field).ok()
                })
                .map(|q| Box::new(q) as Box<dyn Query>)
                .collect();
            if !queries.is_empty() {
                out.push(boosted(
                    Box::new(DisjunctionMaxQuery::new(queries)),
                    BOOST_INITIAL,
                ));
            }
        }
        out
    }

    /// Whether `key` is a key of a place the entity stage found in some unit: one of
    /// its keys (the place field holds the exact, folded and translit keys), or a
    /// related key of one (`almat` of `Almaty`, through its translit key `almati`).
    pub(super) fn names_a_place(&self, key: &str) -> bool {
        let field = self.fields.place;
        if self.is_place_key(key) || known_places().related.contains(key) {
            return true;
        }
        let upper = format!("{key}\u{10FFFF}");
        self.searcher.segment_readers().iter().any(|reader| {
            let Ok(inverted) = reader.inverted_index(field) else {
                return false;
            };
            let Ok(mut terms) = inverted
                .terms()
                .range()
                .ge(key.as_bytes())
                .lt(upper.as_bytes())
                .into_stream()
            else {
                return false;
            };
            while terms.advance() {
                if let Ok(place) = std::str::from_utf8(terms.key()) {
                    if keys_of(place).related.iter().any(|r| r == key) {
                        return true;
                    }
                }
            }
            false
        })
    }

    /// Whether a related key of the query word whose folded form is `folded` names a
    /// place ([`Compiler::names_a_place`]). A consonant skeleton is every name's with
    /// those consonants (`Gomel`, `Jamal` and `جمال` share `=gml`): it names a known
    /// place only for a word that starts as the place does (`Almat`, `Almaty`).
    pub(super) fn related_names_a_place(&self, key: &str, folded: &str) -> bool {
        // Consonant classes are coarser still, and a key across scripts only.
        if is_class_key(key) {
            return false;
        }
        if !is_skeleton_key(key) {
            return self.names_a_place(key);
        }
        let first = folded.chars().next();
        known_places()
            .skeletons
            .get(key)
            .is_some_and(|firsts| first.is_some_and(|c| firsts.contains(&c)))
    }

    /// Whether `key` is itself one of the keys of a place found in some unit.
    pub(super) fn is_place_key(&self, key: &str) -> bool {
        known_places().keys.contains(key)
            || self
                .searcher
                .doc_freq(&Term::from_field_text(self.fields.place, key))
                .is_ok_and(|n| n > 0)
    }

    /// Whether the word is a common word in this index: its prose stem is in at least
    /// twice as many units as its capitalised form, so a capital is a sentence's or a
    /// title's (`Convention against Torture`), not a name's.
    pub(super) fn mostly_prose(&self, prose: &Term, folded: &str) -> bool {
        let in_prose = self.searcher.doc_freq(prose).unwrap_or(0);
        let as_name = self
            .searcher
            .doc_freq(&Term::from_field_text(self.fields.name_folded, folded))
            .unwrap_or(0);
        in_prose > 0 && 2 * as_name <= in_prose
    }
}

/// The words of a literal that joins a run of bare words: an unfielded word, bare
/// or quoted (`"May"`), or an unquoted literal of several words (`Kassym-Jomart`,
/// `Y.Zhovtis`); with whether it was quoted.
pub(crate) fn run_words(ast: &UserInputAst) -> Option<(Vec<TypedWord>, bool)> {
    let UserInputAst::Leaf(leaf) = ast else {
        return None;
    };
    let UserInputLeaf::Literal(lit) = leaf.as_ref() else {
        return None;
    };
    if lit.field_name.is_some() || is_prefix(lit) {
        return None;
    }
    let typed = typed_words(&lit.phrase);
    let quoted = lit.delimiter != Delimiter::None;
    // An unquoted literal of several words (`Kassym-Jomart`, `Y.Zhovtis`) is as
    // many words of the name; a quoted one is a phrase.
    let fits = match typed.len() {
        0 => false,
        1 => true,
        _ => !quoted,
    };
    fits.then_some((typed, quoted))
}

/// A span of run words that may be one word written apart ([`joined_run_spans`]).
pub(crate) struct JoinedRunSpan {
    /// The span's first word and its length (two or three words).
    pub(crate) first: usize,
    pub(crate) len: usize,
    /// The words of the span that take its keys as an alternative: its name-like
    /// words (a lower-case article is no word of the name's count).
    pub(crate) words: Vec<usize>,
    /// The span's words written as one.
    pub(crate) joined: String,
}

impl JoinedRunSpan {
    /// A Chinese name the query wrote as one word (`黄之锋`, which
    /// [`han_name_apart`](crate::search::han_name_apart) reads as two words).
    fn is_han(&self) -> bool {
        self.joined.chars().any(is_han)
    }

    /// The channels the joined word is searched on: translit and related, as the
    /// index keys joined words; for a Chinese name written as one word the exact and
    /// folded channels too, since that is how the query wrote it.
    pub(crate) fn channels(&self) -> &'static [Channel] {
        if self.is_han() {
            &[
                Channel::Exact,
                Channel::Folded,
                Channel::Translit,
                Channel::Related,
            ]
        } else {
            &[Channel::Translit, Channel::Related]
        }
    }

    /// The joined word's keys; for a Chinese name its own only: its keys across
    /// scripts are its parts' readings (the surname's, the given name's), and one
    /// part matching would count for every word of the span.
    pub(crate) fn keys(&self) -> TokenKeys {
        let keys = keys_of(&self.joined);
        if self.is_han() {
            keys.own()
        } else {
            TokenKeys::clone(&keys)
        }
    }

    /// What a match of the joined word adds to each of its words: one key matching
    /// counts every word of the span, but scores once (each word takes its share);
    /// a Chinese name written as one word scores whole in each, as it was written.
    pub(crate) fn share(&self) -> f32 {
        if self.is_han() {
            1.0
        } else {
            1.0 / self.words.len().max(1) as f32
        }
    }
}

/// The spans of run words that may be one word written apart: adjacent in the query
/// (`follows`), no comma between, and [`joined_spans`]'s rules on the words (`Ahmadi
/// Nejad`, `Abdul-Hadi`, `Abd El-Fattah`), every adjacent pair counting as joined by
/// a hyphen ([`Gap::Tight`]): the index joins two long words apart only where a hyphen
/// joins them.
pub(crate) fn joined_run_spans(run: &[&TypedWord], follows: &[bool]) -> Vec<JoinedRunSpan> {
    let written: Vec<&str> = run.iter().map(|w| w.word.as_str()).collect();
    // Two words typed one after the other may be one name word, long or short: a
    // query pays for a few joined keys, not for every pair of a corpus.
    let gap = |k: usize| {
        if follows.get(k + 1) == Some(&true) && !run[k].comma_after {
            Gap::Tight
        } else {
            Gap::Apart
        }
    };
    joined_spans(&written, gap)
        .into_iter()
        .map(|(first, len)| JoinedRunSpan {
            first,
            len,
            words: (first..first + len)
                .filter(|&k| is_name_like(written[k]))
                .collect(),
            joined: join(&written, (first, len)),
        })
        .collect()
}

/// What a word of a run is in the name, as the name analysis reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RunPart {
    /// Not read as a name (prose, or a run the analysis cannot split alike).
    Plain,
    /// The family name.
    Surname,
    /// A given name: the first of the name's given names.
    Given,
    /// A given name after the first: a second given name (`John Paul Smith`) or a
    /// father's name written with no marker (`Hassan Ali Mushaima`, Hassan son of
    /// Ali). Texts name a person by the first; a unit with the middle one beside the
    /// family name is as often a relative (`Ali Mushaima`, the son).
    Middle,
    /// A father's name (a patronymic: Hakobi, Nikolozis, bin Salman).
    Father,
    /// A particle or a word for "son of" (bin, al, dze), written in any case.
    Connector,
}

impl RunPart {
    /// The part's weight in whole-name ranking.
    pub(crate) fn weight(self) -> f32 {
        match self {
            RunPart::Plain | RunPart::Surname => 1.0,
            RunPart::Given => GIVEN_NAME_WEIGHT,
            RunPart::Middle => MIDDLE_NAME_WEIGHT,
            RunPart::Father | RunPart::Connector => PATRONYMIC_WEIGHT,
        }
    }
}

/// What each word of a run is in the name ([`RunPart`]), as the name analysis reads
/// the words' parts (in "Surname, Given" order the words before the comma come
/// last); all [`RunPart::Plain`] unless every word is written as a name (with a
/// capital) or is a connector, since lower-case words may be prose.
pub(crate) fn run_parts(run: &[&TypedWord]) -> Vec<RunPart> {
    let plain = vec![RunPart::Plain; run.len()];
    // A particle or a word for "son of" (bin, al, dze) may be written in lower case
    // inside a name; it does not make the run prose.
    let connector = |w: &TypedWord| is_connector(&keys_of(&w.word));
    if run.len() < 2
        || !run.iter().all(|w| is_name_like(&w.word) || connector(w))
        || run.iter().all(|w| connector(w))
    {
        return plain;
    }
    let comma = run.iter().position(|w| w.comma_after);
    let order: Vec<usize> = match comma {
        Some(i) if i + 1 < run.len() => (i + 1..run.len()).chain(0..=i).collect(),
        _ => (0..run.len()).collect(),
    };
    let text: Vec<&str> = order.iter().map(|&i| run[i].word.as_str()).collect();
    let parts = name_keys(&text.join(" ")).parts;
    if parts.len() != run.len() {
        return plain;
    }
    let mut out = plain;
    let mut given_seen = false;
    for (part, &i) in parts.iter().zip(&order) {
        out[i] = if is_connector(&part.keys) {
            RunPart::Connector
        } else {
            match part.role {
                Role::Patronymic => RunPart::Father,
                Role::Given if given_seen => RunPart::Middle,
                Role::Given => {
                    given_seen = true;
                    RunPart::Given
                }
                Role::Surname => RunPart::Surname,
            }
        };
    }
    out
}

/// What matching each run word adds to a unit's count of matched words
/// ([`CoverageQuery`](crate::search::best::CoverageQuery)), in half words: a father's
/// name after a word for "son of" (`bin Salman`) one, every other word two. The
/// father's name is another person's name as written, and a unit holding it without
/// the son's own name is about the father; a patronymic (`Kairatovich`) is a form of
/// the person's own name and counts whole. A father's name written in two words
/// (`bin Abdul Aziz`: one word written apart, a span of `joined`) counts one for
/// each.
pub(crate) fn run_counts(
    run: &[&TypedWord],
    parts: &[RunPart],
    joined: &[JoinedRunSpan],
) -> Vec<u32> {
    let mut counts: Vec<u32> = (0..parts.len())
        .map(|i| {
            let after_kin = i > 0
                && parts[i - 1] == RunPart::Connector
                && run
                    .get(i - 1)
                    .is_some_and(|w| is_kin_particle(&keys_of(&w.word)));
            if parts[i] == RunPart::Father && after_kin {
                1
            } else {
                2
            }
        })
        .collect();
    for span in joined {
        if counts.get(span.first) == Some(&1) {
            for count in counts.iter_mut().skip(span.first + 1).take(span.len - 1) {
                *count = 1;
            }
        }
    }
    counts
}

/// The run words `(i, i + 2)` on either side of a word for "son / daughter of"
/// (`Abdulaziz bin Salman`): the son's name and the father's. Their proximity is
/// looked for in the query's order only ([`Order::AsWritten`]; the connector itself,
/// written in lower case, is no name key), since `Abdulaziz bin Salman` and `Salman
/// bin Abdulaziz` are a son and his father.
pub(crate) fn kin_pairs(run: &[&TypedWord], parts: &[RunPart]) -> Vec<(usize, usize)> {
    let n = parts.len().min(run.len());
    (1..n.saturating_sub(1))
        .filter(|&i| {
            parts[i] == RunPart::Connector
                && parts[i - 1] != RunPart::Connector
                && parts[i + 1] != RunPart::Connector
                && is_kin_particle(&keys_of(&run[i].word))
        })
        .map(|i| (i - 1, i + 1))
        .collect()
}

/// The pairs of run words `(i, j)` with a father's name or a middle name between
/// them, and nothing else but other such names and connectors: `Levon` and `Ter` in
/// `Levon Hakobi Ter-Petrosyan`, `Mohammed` and `Saud` in `Mohammed bin Salman Al
/// Saud`, `Hassan` and `Mushaima` in `Hassan Ali Mushaima`. Texts often leave those
/// names out, so the whole-name proximity looks for these pairs too, as it looks for
/// adjacent words.
pub(crate) fn skip_pairs(parts: &[RunPart]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut last: Option<usize> = None;
    let mut father_between = false;
    for (j, &p) in parts.iter().enumerate() {
        match p {
            RunPart::Father | RunPart::Middle => father_between = true,
            RunPart::Connector => {}
            _ => {
                if let Some(i) = last.filter(|_| father_between) {
                    out.push((i, j));
                }
                last = Some(j);
                father_between = false;
            }
        }
    }
    out
}

/// The keys of the one-word places the entity stage knows: their exact, folded and
/// translit keys (what a place field holds), and apart their related keys.
struct KnownPlaces {
    keys: FxHashSet<String>,
    related: FxHashSet<String>,
    /// Each consonant-skeleton key of a place, with the first letters of the folded
    /// places that have it.
    skeletons: FxHashMap<String, Vec<char>>,
}

/// Known cities and countries, keyed once per process: a name lookup keeps them apart
/// from people even where no unit of the index tagged them.
fn known_places() -> &'static KnownPlaces {
    static PLACES: OnceLock<KnownPlaces> = OnceLock::new();
    PLACES.get_or_init(|| {
        let mut keys = FxHashSet::default();
        let mut related = FxHashSet::default();
        let mut skeletons: FxHashMap<String, Vec<char>> = FxHashMap::default();
        let mut buf = Vec::new();
        for word in crate::entity::known_place_words() {
            let word_keys = keys_of(word);
            buf.clear();
            channel_keys(&word_keys, FieldKeys::Entity, &mut buf);
            keys.extend(buf.drain(..));
            related.extend(word_keys.related.iter().cloned());
            let first = word_keys.folded.chars().next();
            for key in word_keys.related.iter().filter(|k| is_skeleton_key(k)) {
                let firsts = skeletons.entry(key.clone()).or_default();
                if let Some(c) = first.filter(|c| !firsts.contains(c)) {
                    firsts.push(c);
                }
            }
        }
        KnownPlaces {
            keys,
            related,
            skeletons,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(name: &str) -> Vec<RunPart> {
        let typed: Vec<TypedWord> = name.split(' ').flat_map(typed_words).collect();
        run_parts(&typed.iter().collect::<Vec<_>>())
    }

    #[test]
    fn connectors_and_fathers_names_are_read_in_a_run() {
        use RunPart::*;
        // A lower-case connector does not make the run prose.
        assert_eq!(
            parts("Mohammed bin Salman bin Abdulaziz Al Saud"),
            [Given, Connector, Father, Connector, Father, Connector, Surname]
        );
        assert_eq!(parts("Levon Hakobi Ter-Petrosyan")[1], Father);
        // Other lower-case words do.
        assert!(parts("torture in Minsk").iter().all(|p| *p == Plain));
        assert!(parts("bin al").iter().all(|p| *p == Plain));
        assert!(Father.weight() < Given.weight() && Given.weight() < Surname.weight());
        // A second given name, or a father's name with no marker, is a middle name:
        // it weighs less than the first given name, more than a marked father's name.
        assert_eq!(parts("Hassan Ali Mushaima"), [Given, Middle, Surname]);
        assert_eq!(parts("MUSHAIMA Hassan Ali"), [Surname, Given, Middle]);
        assert!(Father.weight() < Middle.weight() && Middle.weight() < Given.weight());
    }

    #[test]
    fn skip_pairs_span_fathers_and_middle_names_only() {
        use RunPart::*;
        assert_eq!(skip_pairs(&[Given, Father, Surname]), [(0, 2)]);
        assert_eq!(skip_pairs(&[Given, Middle, Surname]), [(0, 2)]);
        assert!(skip_pairs(&[Surname, Given, Middle]).is_empty());
        assert_eq!(
            skip_pairs(&[Given, Connector, Father, Connector, Father, Connector, Surname]),
            [(0, 6)]
        );
        // Connectors alone are no father's name to skip; adjacent words need none.
        assert!(skip_pairs(&[Given, Connector, Surname]).is_empty());
        assert!(skip_pairs(&[Given, Surname]).is_empty());
    }
}
