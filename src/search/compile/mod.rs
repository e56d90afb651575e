//! Query string → tantivy query: the grammar's syntax tree, compiled word by word into
//! best-of-channels clauses, phrases, proximity boosts and entity lookups, and the words
//! each hit highlights.

use std::borrow::Cow;
use std::ops::Bound;
use std::sync::OnceLock;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, Occur, Query, RangeQuery, RegexQuery,
};
use tantivy::query_grammar::{
    self, Delimiter, Occur as AstOccur, UserInputAst, UserInputBound, UserInputLeaf,
    UserInputLiteral,
};
use tantivy::schema::{Facet, Field};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

use crate::analysis::keys::{channel_keys, keys_of, query_channel_keys, FieldKeys};
use crate::analysis::name::{is_class_key, Channel};
use crate::analysis::words::words;
use crate::index::{date_number, date_number_upper, Fields};
use crate::model::UnitKind;

use super::best::{BestTermQuery, Clause};
use super::filter::{facet_term_query, term_query, union};
use super::fuzzy;
use super::highlight::HighlightTerms;
use super::request::MAX_QUERY_BYTES;
use super::typed::{as_typed, han_name_apart, words_clause};

pub(crate) use self::input::QueryInput;
pub(crate) use self::phrase::{channel_combinations, proximity_pairs, Order, ProximityPairs};
use self::run::RunWord;
pub(crate) use self::run::{
    joined_run_spans, kin_pairs, run_counts, run_parts, run_words, skip_pairs, JoinedRunSpan,
};

mod input;
mod phrase;
mod run;

/// The prose analyzer, built once: building one makes a stop-word set, which cost
/// more than stemming the words of a page of hits. Clones share that set.
pub(crate) fn prose_analyzer() -> TextAnalyzer {
    static ANALYZER: OnceLock<TextAnalyzer> = OnceLock::new();
    ANALYZER.get_or_init(crate::index::text_analyzer).clone()
}

/// Deepest nesting of `(groups)` accepted: the grammar and the query tree recurse per level.
const MAX_DEPTH: usize = 32;

pub(crate) const BOOST_EXACT: f32 = 4.0;
pub(crate) const BOOST_FOLDED: f32 = 3.0;
pub(crate) const BOOST_TRANSLIT: f32 = 2.0;
pub(crate) const BOOST_TEXT: f32 = 1.0;
pub(crate) const BOOST_RELATED: f32 = 0.8;
pub(crate) const BOOST_PROXIMITY: f32 = 3.0;
/// Score an initial adds when a name-like word of the unit starts as it does.
const BOOST_INITIAL: f32 = 2.0;
/// Weight of a given name or patronymic against a family name's 1.0 in whole-name
/// ranking, among units matching as many words.
pub(crate) const GIVEN_NAME_WEIGHT: f32 = 0.5;
/// Weight of a given name after the first (a second given name, or a father's name
/// written with no marker: `Ali` in `Hassan Ali Mushaima`) in whole-name ranking:
/// between a given name's and a patronymic's, so that among units matching as many
/// words the one with the first given name ranks above one with the middle name.
pub(crate) const MIDDLE_NAME_WEIGHT: f32 = 0.375;
/// Weight of a patronymic (a father's name: Hakobi, bin Salman) or a connector (bin,
/// al, dze) in whole-name ranking: below a given name's, so that among units matching
/// as many words the one with the person's own given name ranks above the father's.
pub(crate) const PATRONYMIC_WEIGHT: f32 = 0.25;
/// Shortest word (in chars) that may fall back to a fuzzy match.
pub(crate) const FUZZY_MIN_CHARS: usize = 4;
/// Most key combinations tried for one phrase or proximity clause.
const MAX_COMBINATIONS: usize = 16;

/// A name lookup's words ([`SearchRequest::name`](crate::SearchRequest::name) writes
/// them space-separated, with no operators) as one clause, each word read by the
/// grammar alone: the grammar reads a query as a set and drops a repeated word, but in
/// a name a repeated word is a part of it (`Mohammed bin Salman bin Abdulaziz`: the
/// second `bin` makes Abdulaziz a father's name). `None` when a word does not read as
/// one bare clause, for the whole query to be read by the grammar instead.
fn name_clause(typed: &str) -> Option<UserInputAst> {
    let mut children = Vec::new();
    for token in typed.split_whitespace() {
        let leaf = match query_grammar::parse_query(token).ok()? {
            UserInputAst::Clause(mut inner) if inner.len() == 1 => match inner.pop()? {
                (None | Some(AstOccur::Should), leaf @ UserInputAst::Leaf(_)) => leaf,
                _ => return None,
            },
            leaf @ UserInputAst::Leaf(_) => leaf,
            _ => return None,
        };
        children.push((None, leaf));
    }
    (!children.is_empty()).then_some(UserInputAst::Clause(children))
}

fn boosted(query: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    if boost == 1.0 {
        query
    } else {
        Box::new(BoostQuery::new(query, boost))
    }
}

/// Which channels a literal searches (a field prefix narrows it: `text:` to prose,
/// `name:` to the name channels).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scope {
    pub(crate) prose: bool,
    pub(crate) names: bool,
}

/// Every channel: a literal without a field prefix.
pub(crate) const ALL: Scope = Scope {
    prose: true,
    names: true,
};

/// Turns the query string into a tantivy query, collecting the words to highlight.
pub(crate) struct Compiler<'a> {
    query: QueryInput<'a>,
    fields: &'a Fields,
    searcher: &'a Searcher,
    analyzer: TextAnalyzer,
    pub(crate) highlight: HighlightTerms,
    /// A name lookup ([`crate::SearchRequest::name`]): a word's variant keys that name
    /// a place in the index are not matches for a person.
    pub(crate) person_lookup: bool,
}

impl<'a> Compiler<'a> {
    pub(crate) fn new(input: &'a str, fields: &'a Fields, searcher: &'a Searcher) -> Compiler<'a> {
        Compiler {
            query: QueryInput::new(input),
            fields,
            searcher,
            analyzer: prose_analyzer(),
            highlight: HighlightTerms::default(),
            person_lookup: false,
        }
    }

    pub(crate) fn compile(&mut self) -> crate::Result<Box<dyn Query>> {
        if self.query.text().len() > MAX_QUERY_BYTES {
            return Err(self.query.error(
                MAX_QUERY_BYTES,
                format!("query longer than {MAX_QUERY_BYTES} bytes"),
            ));
        }
        if self.query.text().trim().is_empty() {
            return Ok(Box::new(AllQuery));
        }
        let trimmed = self.query.text().trim();
        let han_name = han_name_apart(trimmed);
        if han_name.is_none()
            && trimmed.chars().all(char::is_alphanumeric)
            && !matches!(trimmed, "AND" | "OR" | "NOT")
        {
            // One bare word, the commonest query: what the grammar makes of it,
            // without running the grammar (twice, below).
            self.query.count_words(1)?;
            return Ok(self
                .word(trimmed, ALL, true, false)
                .unwrap_or_else(|| Box::new(EmptyQuery)));
        }
        if let Some(at) = too_deep(self.query.text()) {
            return Err(self
                .query
                .error(at, format!("groups nested deeper than {MAX_DEPTH}")));
        }
        let ast = {
            let input = han_name.map_or(Cow::Borrowed(self.query.text()), Cow::Owned);
            // Apostrophes in words and a lone quote are text; what the grammar still
            // cannot parse is read as its words (see `typed`).
            let typed = as_typed(&input);
            let (_, errors) = query_grammar::parse_query_lenient(&typed);
            self.person_lookup
                .then(|| name_clause(&typed))
                .flatten()
                .or_else(|| {
                    errors
                        .is_empty()
                        .then(|| query_grammar::parse_query(&typed).ok())
                        .flatten()
                })
                .unwrap_or_else(|| words_clause(&input))
        };
        Ok(self
            .ast(&ast, true)?
            .unwrap_or_else(|| Box::new(EmptyQuery)))
    }

    fn ast(&mut self, ast: &UserInputAst, positive: bool) -> crate::Result<Option<Box<dyn Query>>> {
        match ast {
            UserInputAst::Clause(children) => self.clause(children, positive),
            UserInputAst::Boost(inner, boost) => {
                let boost = boost.into_inner() as f32;
                if !boost.is_finite() || boost < 0.0 {
                    return Err(self.query.error(0, format!("bad boost {boost}")));
                }
                Ok(self.ast(inner, positive)?.map(|q| boosted(q, boost)))
            }
            UserInputAst::Leaf(_) if run_words(ast).is_some_and(|(ws, _)| ws.len() > 1) => {
                // `Y.Zhovtis`: an initial and a name, not a phrase.
                self.clause(&[(None, ast.clone())], positive)
            }
            UserInputAst::Leaf(leaf) => self.leaf(leaf, positive),
        }
    }

    fn clause(
        &mut self,
        children: &[(Option<AstOccur>, UserInputAst)],
        positive: bool,
    ) -> crate::Result<Option<Box<dyn Query>>> {
        let mut subs: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut previous: Option<String> = None;
        // Bare words ORed form one name: ranked by how many of them a unit matches.
        let mut run: Vec<RunWord> = Vec::new();
        let mut soft: Vec<Box<dyn Query>> = Vec::new();
        let mut initials: Vec<String> = Vec::new();
        // Whether the last thing read was a word pushed onto `run`.
        let mut after_run_word = false;
        for (written, child) in children {
            let occur = match written {
                Some(AstOccur::Must) => Occur::Must,
                Some(AstOccur::MustNot) => Occur::MustNot,
                Some(AstOccur::Should) | None => Occur::Should,
            };
            let child_positive = positive && occur != Occur::MustNot;
            // Words joined by a written `OR` are alternatives, not the parts of a name.
            if let Some((typed, quoted)) = run_words(child).filter(|_| written.is_none()) {
                self.query.count_words(typed.len())?;
                for word in typed {
                    if word.initial || word.initials {
                        soft.extend(self.initials(&word.word));
                    }
                    if word.initial {
                        initials.push(word.word.clone());
                        previous = None;
                        after_run_word = false;
                        continue;
                    }
                    let Some(query) = self.word(&word.word, ALL, child_positive, quoted) else {
                        previous = None;
                        after_run_word = false;
                        continue;
                    };
                    if let Some(before) = previous.as_ref().filter(|_| !quoted) {
                        soft.extend(self.proximity(before, &word.word, Order::Either));
                    }
                    previous = (!quoted).then(|| word.word.clone());
                    run.push(RunWord {
                        typed: word,
                        query,
                        follows: after_run_word && !quoted,
                    });
                    after_run_word = !quoted;
                }
                continue;
            }
            after_run_word = false;
            if let Some(q) = self.ast(child, child_positive)? {
                subs.push((occur, q));
            }
            match bare_word(child).filter(|_| occur != Occur::MustNot) {
                Some(word) => {
                    if let Some(before) = &previous {
                        if let Some(q) = self.proximity(before, &word, Order::Either) {
                            subs.push((Occur::Should, q));
                        }
                    }
                    previous = Some(word);
                }
                None => previous = None,
            }
        }
        if run.is_empty() {
            // Initials with no name beside them are searched as the words they are.
            for initial in &initials {
                if let Some(q) = self.word(initial, ALL, positive, false) {
                    subs.push((Occur::Should, q));
                }
            }
        } else if let Some(name) = self.name_run(run, soft) {
            subs.push((Occur::Should, name));
        }
        if subs.is_empty() {
            return Ok(None);
        }
        if subs.iter().all(|(o, _)| *o == Occur::MustNot) {
            subs.push((Occur::Must, Box::new(AllQuery)));
        }
        if subs.len() == 1 && subs[0].0 != Occur::MustNot {
            return Ok(subs.pop().map(|(_, q)| q));
        }
        Ok(Some(Box::new(BooleanQuery::new(subs))))
    }

    fn leaf(
        &mut self,
        leaf: &UserInputLeaf,
        positive: bool,
    ) -> crate::Result<Option<Box<dyn Query>>> {
        match leaf {
            UserInputLeaf::Literal(lit) => self.literal(lit, positive),
            UserInputLeaf::All => Ok(Some(Box::new(AllQuery))),
            UserInputLeaf::Range {
                field,
                lower,
                upper,
            } => {
                let field = field.as_deref().unwrap_or("date");
                if field != "date" {
                    return Err(self.query.error(
                        self.query.locate_field(field),
                        format!("ranges work on date: only, not {field}:"),
                    ));
                }
                let bound = |b: &UserInputBound, upper: bool| -> crate::Result<Bound<Term>> {
                    let (text, inclusive) = match b {
                        UserInputBound::Inclusive(t) => (t, true),
                        UserInputBound::Exclusive(t) => (t, false),
                        UserInputBound::Unbounded => return Ok(Bound::Unbounded),
                    };
                    let n = match (upper, inclusive) {
                        (false, true) => date_number(text),
                        (false, false) => date_number_upper(text).map(|n| n + 1),
                        (true, true) => date_number_upper(text),
                        (true, false) => date_number(text).and_then(|n| n.checked_sub(1)),
                    }
                    .ok_or_else(|| {
                        self.query.error(
                            self.query.text().find(text.as_str()).unwrap_or(0),
                            format!("bad date {text:?}: use YYYY, YYYY-MM or YYYY-MM-DD"),
                        )
                    })?;
                    Ok(Bound::Included(Term::from_field_u64(
                        self.fields.date_num,
                        n,
                    )))
                };
                let (lower, upper) = (bound(lower, false)?, bound(upper, true)?);
                if matches!((&lower, &upper), (Bound::Unbounded, Bound::Unbounded)) {
                    return Ok(Some(Box::new(AllQuery)));
                }
                Ok(Some(Box::new(RangeQuery::new(lower, upper))))
            }
            UserInputLeaf::Set { field, elements } => {
                let mut subs = Vec::new();
                for element in elements {
                    let lit = UserInputLiteral {
                        field_name: field.clone(),
                        phrase: element.clone(),
                        delimiter: Delimiter::None,
                        slop: 0,
                        prefix: false,
                    };
                    if let Some(q) = self.literal(&lit, positive)? {
                        subs.push(q);
                    }
                }
                Ok((!subs.is_empty()).then(|| union(subs)))
            }
            UserInputLeaf::Exists { field } => match field.as_str() {
                "person" | "org" | "place" | "law" | "date" => Ok(Some(facet_term_query(
                    self.fields.facets,
                    &Facet::from_path([field.as_str()]),
                ))),
                "kind" | "resolution" | "id" | "text" | "name" => Ok(Some(Box::new(AllQuery))),
                other => Err(self.query.unknown_field(other)),
            },
            UserInputLeaf::Regex { field, .. } => Err(self.query.error(
                field
                    .as_deref()
                    .map(|f| self.query.locate_field(f))
                    .unwrap_or(0),
                "regular expressions are not supported",
            )),
        }
    }

    fn literal(
        &mut self,
        lit: &UserInputLiteral,
        positive: bool,
    ) -> crate::Result<Option<Box<dyn Query>>> {
        let ws: Vec<&str> = words(&lit.phrase).map(|(_, w)| w).collect();
        let field = lit.field_name.as_deref();
        let scope = match field {
            None => ALL,
            Some("text") => Scope {
                prose: true,
                names: false,
            },
            Some("name") => Scope {
                prose: false,
                names: true,
            },
            Some(f @ ("person" | "org" | "place" | "law")) => {
                self.query.count_words(ws.len())?;
                return Ok(self.entity(f, &ws, positive));
            }
            Some("kind") => {
                let kind = UnitKind::parse(lit.phrase.trim()).ok_or_else(|| {
                    self.query.error(
                        self.query.locate_field("kind"),
                        format!(
                            "unknown kind {:?}; use title, citation, recital, paragraph or footnote",
                            lit.phrase
                        ),
                    )
                })?;
                return Ok(Some(facet_term_query(
                    self.fields.facets,
                    &Facet::from_path(["kind", kind.as_str()]),
                )));
            }
            Some("resolution" | "reference") => {
                return Ok(Some(term_query(Term::from_field_text(
                    self.fields.reference,
                    &crate::index::normalized_reference(&lit.phrase),
                ))))
            }
            Some("id") => {
                return Ok(Some(term_query(Term::from_field_text(
                    self.fields.id,
                    lit.phrase.trim(),
                ))))
            }
            Some("date") => {
                let text = lit.phrase.trim();
                let bad = || {
                    self.query.error(
                        self.query.locate_field("date"),
                        format!("bad date {text:?}: use YYYY, YYYY-MM or YYYY-MM-DD"),
                    )
                };
                let from = date_number(text).ok_or_else(bad)?;
                let to = date_number_upper(text).ok_or_else(bad)?;
                return Ok(Some(Box::new(RangeQuery::new(
                    Bound::Included(Term::from_field_u64(self.fields.date_num, from)),
                    Bound::Included(Term::from_field_u64(self.fields.date_num, to)),
                ))));
            }
            Some(other) => return Err(self.query.unknown_field(other)),
        };
        self.query.count_words(ws.len())?;
        if is_prefix(lit) {
            return self.prefix(&ws, positive);
        }
        match ws.as_slice() {
            [] => Ok(None),
            [word] => Ok(self.word(word, scope, positive, lit.delimiter != Delimiter::None)),
            _ => Ok(self.phrase(&lit.phrase, &ws, lit.slop, scope, positive)),
        }
    }

    /// `tortur*`: words whose folded form starts with the prefix (the name channel,
    /// which holds name-like words) or whose prose stem starts with the prefix's stem
    /// (prose, where `torture*` reaches `tortured` through the stem `tortur`).
    fn prefix(&mut self, ws: &[&str], positive: bool) -> crate::Result<Option<Box<dyn Query>>> {
        let [word] = ws else {
            return Err(self.query.error(0, "a prefix query (word*) takes one word"));
        };
        let folded = keys_of(word).folded.clone();
        if folded.chars().count() < 2 {
            return Err(self
                .query
                .error(0, "a prefix query (word*) needs at least two letters"));
        }
        let stem = self
            .stem(word)
            .filter(|s| s.chars().count() >= 2)
            .unwrap_or_else(|| folded.clone());
        let regex = |prefix: &str, field: Field| {
            RegexQuery::from_pattern(&format!("{}.*", escape_regex(prefix)), field)
                .map_err(|e| self.query.error(0, format!("bad prefix: {e}")))
        };
        let names = regex(&folded, self.fields.name_folded)?;
        let prose = regex(&stem, self.fields.text)?;
        if positive {
            self.highlight.add_prefix(&folded);
        }
        Ok(Some(union(vec![Box::new(names), Box::new(prose)])))
    }

    /// The prose stem of a word, `None` for a stop word.
    fn stem(&mut self, word: &str) -> Option<String> {
        crate::analysis::prose::prose_stem(word)
    }

    fn any_in_index(&self, field: Field, keys: &[String]) -> bool {
        keys.iter().any(|k| {
            self.searcher
                .doc_freq(&Term::from_field_text(field, k))
                .map(|n| n > 0)
                .unwrap_or(true)
        })
    }

    /// One word through every channel of `scope`, best channel wins.
    fn word(
        &mut self,
        word: &str,
        scope: Scope,
        positive: bool,
        quoted: bool,
    ) -> Option<Box<dyn Query>> {
        let stem = if scope.prose { self.stem(word) } else { None };
        if scope.prose && stem.is_none() && !quoted {
            // A stop word: ignored unless quoted.
            return None;
        }
        let keys = keys_of(word);
        let mut clauses: Vec<Clause> = Vec::new();
        let prose = stem.map(|stem| Term::from_field_text(self.fields.text, &stem));
        if let Some(term) = &prose {
            clauses.push(Clause::new(term.clone(), BOOST_TEXT));
        }
        // A common word scores as prose whatever its capital; the name channels
        // score words that are names.
        let names = scope.names
            && !(scope.prose
                && prose
                    .as_ref()
                    .is_some_and(|term| self.mostly_prose(term, &keys.folded)));
        // In a name lookup, a variant key that names a place is not the person
        // (`Almat` is not `Almaty`), unless the word itself names the place.
        let places_apart = self.person_lookup && {
            let mut own = Vec::new();
            channel_keys(&keys, FieldKeys::Entity, &mut own);
            !own.iter().any(|key| self.is_place_key(key))
        };
        if names {
            // The keys nest (see `TokenKeys::related`): a unit matching the exact
            // spelling matches the folded form, and one matching a translit key
            // matches a related key, so those clauses are covered for counting.
            let mut buf = Vec::new();
            for (channel, field, boost, covered) in [
                (
                    Channel::Exact,
                    self.fields.name_exact,
                    BOOST_EXACT,
                    !keys.folded.is_empty(),
                ),
                (
                    Channel::Folded,
                    self.fields.name_folded,
                    BOOST_FOLDED,
                    false,
                ),
                (
                    Channel::Translit,
                    self.fields.name_translit,
                    BOOST_TRANSLIT,
                    !keys.related.is_empty(),
                ),
                (
                    Channel::Related,
                    self.fields.name_related,
                    BOOST_RELATED,
                    false,
                ),
            ] {
                buf.clear();
                query_channel_keys(&keys, channel, &mut buf);
                for key in &buf {
                    if places_apart
                        && channel == Channel::Related
                        && self.related_names_a_place(key, &keys.folded)
                    {
                        continue;
                    }
                    let term = Term::from_field_text(field, key);
                    // A consonant-class key meets only a transcription's, which most
                    // indexes hold none of: asked for only where some unit has it.
                    if is_class_key(key) && self.searcher.doc_freq(&term).is_ok_and(|n| n == 0) {
                        continue;
                    }
                    clauses.push(if covered {
                        Clause::covered(term, boost)
                    } else {
                        Clause::new(term, boost)
                    });
                }
            }
            if self.person_lookup {
                // A unit the entity stage filed under the person without writing the
                // whole name (a later `Azizi` alone, linked to `Pakhshan Azizi`) holds
                // every word of the name in its person field: a lookup counts it.
                buf.clear();
                channel_keys(&keys, FieldKeys::Entity, &mut buf);
                for key in &buf {
                    let term = Term::from_field_text(self.fields.person, key);
                    clauses.push(Clause::new(term, BOOST_RELATED));
                }
            }
            buf.clear();
            channel_keys(&keys, Channel::Translit, &mut buf);
            if !buf.is_empty()
                && keys.folded.chars().count() >= FUZZY_MIN_CHARS
                && !self.any_in_index(self.fields.name_translit, &buf)
            {
                let mut close = fuzzy::candidates(self.searcher, self.fields.name_translit, &buf);
                if places_apart {
                    close.retain(|(key, _)| !self.names_a_place(key));
                }
                clauses.extend(fuzzy::clauses(self.fields.name_translit, &close));
                if positive {
                    close
                        .iter()
                        .for_each(|(term, _)| self.highlight.add_fuzzy(word, term));
                }
            }
        }
        if clauses.is_empty() {
            return None;
        }
        if positive {
            self.highlight.add_word(word);
        }
        let query = BestTermQuery::new(clauses);
        Some(Box::new(match prose {
            Some(term) => query.with_frequency_floor(term),
            None => query,
        }))
    }

    /// `person:Zhumagulov`: every word must match the entity field, through any key.
    fn entity(&mut self, field: &str, ws: &[&str], positive: bool) -> Option<Box<dyn Query>> {
        let field = match field {
            "person" => self.fields.person,
            "org" => self.fields.org,
            "place" => self.fields.place,
            _ => self.fields.law,
        };
        let mut musts: Vec<Box<dyn Query>> = Vec::new();
        for w in ws {
            let mut keys = Vec::new();
            channel_keys(&keys_of(w), FieldKeys::Entity, &mut keys);
            let terms: Vec<Box<dyn Query>> = keys
                .iter()
                .map(|k| term_query(Term::from_field_text(field, k)))
                .collect();
            if terms.is_empty() {
                continue;
            }
            musts.push(union(terms));
            if positive {
                self.highlight.add_word(w);
            }
        }
        match musts.len() {
            0 => None,
            1 => musts.pop(),
            _ => Some(Box::new(BooleanQuery::intersection(musts))),
        }
    }
}

/// Byte offset of the first `(` or `NOT` nested deeper than [`MAX_DEPTH`] outside quotes:
/// the grammar recurses for each group and for each `NOT` of a chain (`NOT NOT a`).
pub(crate) fn too_deep(input: &str) -> Option<usize> {
    let bytes = input.as_bytes();
    let (mut parens, mut nots, mut quoted) = (0usize, 0usize, false);
    let mut i = 0;
    while i < bytes.len() {
        let starts_token = i == 0 || bytes[i - 1].is_ascii_whitespace() || bytes[i - 1] == b'(';
        match bytes[i] {
            b'\\' => i += 1,
            b'"' => quoted = !quoted,
            _ if quoted => {}
            b'(' => {
                parens += 1;
                nots = 0;
                if parens > MAX_DEPTH {
                    return Some(i);
                }
            }
            b')' => parens = parens.saturating_sub(1),
            b'N' if starts_token
                && bytes[i..].starts_with(b"NOT")
                && bytes.get(i + 3).is_some_and(u8::is_ascii_whitespace) =>
            {
                nots += 1;
                if parens + nots > MAX_DEPTH {
                    return Some(i);
                }
                i += 2;
            }
            c if !c.is_ascii_whitespace() => nots = 0,
            _ => {}
        }
        i += 1;
    }
    None
}

/// The word of a bare, single-word, unfielded literal.
pub(crate) fn bare_word(ast: &UserInputAst) -> Option<String> {
    let UserInputAst::Leaf(leaf) = ast else {
        return None;
    };
    let UserInputLeaf::Literal(lit) = leaf.as_ref() else {
        return None;
    };
    if lit.field_name.is_some() || lit.delimiter != Delimiter::None || is_prefix(lit) {
        return None;
    }
    let mut ws = words(&lit.phrase);
    match (ws.next(), ws.next()) {
        (Some((_, w)), None) => Some(w.to_string()),
        _ => None,
    }
}

/// `word*` (the grammar keeps the star in the word) or `"a phrase"*`.
fn is_prefix(lit: &UserInputLiteral) -> bool {
    lit.prefix || (lit.delimiter == Delimiter::None && lit.phrase.ends_with('*'))
}

fn escape_regex(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\.+*?()|[]{}^$#&-~\"@<>".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(ast: &UserInputAst) -> Vec<String> {
        let UserInputAst::Clause(children) = ast else {
            return Vec::new();
        };
        children
            .iter()
            .filter_map(|(_, c)| match c {
                UserInputAst::Leaf(leaf) => match leaf.as_ref() {
                    UserInputLeaf::Literal(lit) => Some(lit.phrase.clone()),
                    _ => None,
                },
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_name_clause_keeps_repeated_words() {
        let ast = name_clause("Mohammed bin Salman bin Abdulaziz").expect("reads");
        assert_eq!(
            words_of(&ast),
            ["Mohammed", "bin", "Salman", "bin", "Abdulaziz"]
        );
        // The grammar alone reads the words as a set.
        let set = query_grammar::parse_query("Mohammed bin Salman bin Abdulaziz").expect("parses");
        assert_eq!(words_of(&set).len(), 4);
        // Quoted stop words stay words; an operator or a group is not a name's word.
        assert_eq!(
            words_of(&name_clause("Theresa \"May\"").expect("reads")).len(),
            2
        );
        assert!(name_clause("a (b").is_none());
    }
}
