//! A query string → an engine-neutral query tree ([`Node`]), read the way
//! `search/compile` reads it: the same grammar, the same word splitting, the same keys
//! per channel, boosts, name weights and proximity pairs.

use tantivy::query_grammar::{
    self, Delimiter, Occur as AstOccur, UserInputAst, UserInputBound, UserInputLeaf,
    UserInputLiteral,
};

use crate::analysis::keys::{channel_keys, keys_of, query_channel_keys, FieldKeys};
use crate::analysis::name::{Channel, TokenKeys};
use crate::analysis::prose::prose_stem;
use crate::analysis::words::words;
use crate::index::export::{NAME_RELATED_ALT, NAME_TRANSLIT_ALT, TEXT_TERMS};
use crate::index::field_name as field;
use crate::index::{date_number, date_number_upper};
use crate::model::UnitKind;
use crate::search::{
    as_typed, bare_word, channel_combinations, han_name_apart, joined_run_spans, kin_pairs,
    prose_analyzer, proximity_pairs, run_counts, run_parts, run_words, skip_pairs, too_deep,
    words_clause, JoinedRunSpan, Order, ProximityPairs, QueryInput, Scope, TypedWord, ALL_CHANNELS,
    BOOST_EXACT, BOOST_FOLDED, BOOST_RELATED, BOOST_TEXT, BOOST_TRANSLIT, FUZZY_MIN_CHARS,
    MAX_QUERY_BYTES,
};

/// The score a unit earns for each word of a name it matches, in a query of several
/// words: larger than any sum of the words' BM25 scores, so that (as in whereas's
/// coverage ranking) a unit matching more words of the name ranks first, and among
/// units matching as many, the better matches win.
pub const COVERAGE_SCORE: f32 = 1000.0;

/// An engine-neutral query.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Node {
    /// A BM25 term query with a boost.
    Term {
        field: &'static str,
        value: String,
        boost: f32,
    },
    /// A phrase of whitespace-separated terms, BM25-scored, with a boost.
    Phrase {
        field: &'static str,
        terms: Vec<String>,
        slop: u32,
        boost: f32,
    },
    /// The best of channels: `groups` in descending boost order, one group per
    /// channel, each marked whether it is the prose channel; `word` indexes the query
    /// word's [`WordInfo`] in [`Plan::words`] (its fuzzy fallback, its prose test).
    Best {
        groups: Vec<(bool, Vec<Node>)>,
        word: Option<usize>,
    },
    /// A boolean combination.
    Bool {
        must: Vec<Node>,
        should: Vec<Node>,
        must_not: Vec<Node>,
    },
    /// `score` wherever `filter` matches.
    Constant { filter: Box<Node>, score: f32 },
    /// A range over a numeric field, bounds included.
    Range {
        field: &'static str,
        gte: Option<u64>,
        lte: Option<u64>,
    },
    /// Every unit.
    All,
}

impl Node {
    /// The same query with every score multiplied by `factor`.
    pub(super) fn scaled(self, factor: f32) -> Node {
        if factor == 1.0 {
            return self;
        }
        let all = |nodes: Vec<Node>| nodes.into_iter().map(|n| n.scaled(factor)).collect();
        match self {
            Node::Term {
                field,
                value,
                boost,
            } => Node::Term {
                field,
                value,
                boost: boost * factor,
            },
            Node::Phrase {
                field,
                terms,
                slop,
                boost,
            } => Node::Phrase {
                field,
                terms,
                slop,
                boost: boost * factor,
            },
            Node::Best { groups, word } => Node::Best {
                groups: groups.into_iter().map(|(p, g)| (p, all(g))).collect(),
                word,
            },
            Node::Bool {
                must,
                should,
                must_not,
            } => Node::Bool {
                must: all(must),
                should: all(should),
                // Not scored.
                must_not,
            },
            Node::Constant { filter, score } => Node::Constant {
                filter,
                score: score * factor,
            },
            other => other,
        }
    }
}

fn union(nodes: Vec<Node>) -> Node {
    Node::Bool {
        must: Vec::new(),
        should: nodes,
        must_not: Vec::new(),
    }
}

/// What whereas asks its index about a query word before choosing its channels,
/// which only the engine can answer (see `Translation::probes`).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct WordInfo {
    pub(super) word: String,
    /// The word's translit keys, when it falls back to fuzzy matches where none of
    /// them is indexed (empty: it never does).
    pub(super) translit: Vec<String>,
    /// The word's prose stem and folded form, when a common word written with a
    /// capital is searched as prose only (`Compiler::mostly_prose`).
    pub(super) prose: Option<(String, String)>,
}

const ALL: Scope = ALL_CHANNELS;

/// A query string read into a [`Node`], with what its words ask of the index.
pub(super) struct Plan<'a> {
    query: QueryInput<'a>,
    pub(super) words: Vec<WordInfo>,
}

impl<'a> Plan<'a> {
    pub(super) fn new(input: &'a str) -> Plan<'a> {
        Plan {
            query: QueryInput::new(input),
            words: Vec::new(),
        }
    }

    /// The query; `None` for a query that matches everything (an empty one).
    pub(super) fn read(&mut self) -> crate::Result<Option<Node>> {
        if self.query.text().len() > MAX_QUERY_BYTES {
            return Err(self.query.error(
                MAX_QUERY_BYTES,
                format!("query longer than {MAX_QUERY_BYTES} bytes"),
            ));
        }
        if self.query.text().trim().is_empty() {
            return Ok(None);
        }
        if let Some(at) = too_deep(self.query.text()) {
            return Err(self.query.error(at, "groups nested too deep"));
        }
        // A Chinese name written as one word is read as its surname and given name,
        // as whereas reads it.
        let han_name = han_name_apart(self.query.text());
        let input = han_name.as_deref().unwrap_or(self.query.text());
        let typed = as_typed(input);
        let (_, errors) = query_grammar::parse_query_lenient(&typed);
        let ast = errors
            .is_empty()
            .then(|| query_grammar::parse_query(&typed).ok())
            .flatten()
            .unwrap_or_else(|| words_clause(input));
        // A query with no word left (only stop words) matches nothing, as in whereas.
        Ok(Some(self.ast(&ast)?.unwrap_or_else(|| union(Vec::new()))))
    }

    fn ast(&mut self, ast: &UserInputAst) -> crate::Result<Option<Node>> {
        match ast {
            UserInputAst::Clause(children) => self.clause(children),
            UserInputAst::Boost(inner, boost) => {
                let boost = boost.into_inner() as f32;
                if !boost.is_finite() || boost < 0.0 {
                    return Err(self.query.error(0, format!("bad boost {boost}")));
                }
                Ok(self.ast(inner)?.map(|q| q.scaled(boost)))
            }
            UserInputAst::Leaf(_) if run_words(ast).is_some_and(|(ws, _)| ws.len() > 1) => {
                self.clause(&[(None, ast.clone())])
            }
            UserInputAst::Leaf(leaf) => self.leaf(leaf),
        }
    }

    fn clause(
        &mut self,
        children: &[(Option<AstOccur>, UserInputAst)],
    ) -> crate::Result<Option<Node>> {
        let (mut must, mut should, mut must_not) = (Vec::new(), Vec::new(), Vec::new());
        let mut previous: Option<String> = None;
        let mut run: Vec<RunWord> = Vec::new();
        let mut soft: Vec<Node> = Vec::new();
        let mut after_run_word = false;
        for (written, child) in children {
            if let Some((typed, quoted)) = run_words(child).filter(|_| written.is_none()) {
                self.query.count_words(typed.len())?;
                for word in typed {
                    if word.initial {
                        // Initials rank a fitting given name in whereas (a prefix
                        // clause); the translation leaves them out.
                        previous = None;
                        after_run_word = false;
                        continue;
                    }
                    let Some(node) = self.word(&word.word, ALL, quoted) else {
                        previous = None;
                        after_run_word = false;
                        continue;
                    };
                    if let Some(before) = previous.as_ref().filter(|_| !quoted) {
                        soft.extend(proximity(before, &word.word, Order::Either));
                    }
                    previous = (!quoted).then(|| word.word.clone());
                    run.push(RunWord {
                        typed: word,
                        node,
                        follows: after_run_word && !quoted,
                    });
                    after_run_word = !quoted;
                }
                continue;
            }
            after_run_word = false;
            let positive = *written != Some(AstOccur::MustNot);
            if let Some(node) = self.ast(child)? {
                match written {
                    Some(AstOccur::Must) => must.push(node),
                    Some(AstOccur::MustNot) => must_not.push(node),
                    _ => should.push(node),
                }
            }
            match bare_word(child).filter(|_| positive) {
                Some(word) => {
                    if let Some(before) = &previous {
                        should.extend(proximity(before, &word, Order::Either));
                    }
                    previous = Some(word);
                }
                None => previous = None,
            }
        }
        if let Some(name) = name_run(run, soft) {
            should.push(name);
        }
        if must.is_empty() && should.is_empty() && must_not.is_empty() {
            return Ok(None);
        }
        if must.is_empty() && should.is_empty() {
            must.push(Node::All);
        }
        if must.len() + should.len() == 1 && must_not.is_empty() {
            return Ok(must.pop().or_else(|| should.pop()));
        }
        Ok(Some(Node::Bool {
            must,
            should,
            must_not,
        }))
    }

    fn leaf(&mut self, leaf: &UserInputLeaf) -> crate::Result<Option<Node>> {
        match leaf {
            UserInputLeaf::Literal(lit) => self.literal(lit),
            UserInputLeaf::All => Ok(Some(Node::All)),
            UserInputLeaf::Range {
                field: name,
                lower,
                upper,
            } => {
                let name = name.as_deref().unwrap_or("date");
                if name != "date" {
                    return Err(self.query.error(
                        self.query.locate_field(name),
                        format!("ranges work on date: only, not {name}:"),
                    ));
                }
                let bound = |b: &UserInputBound, upper: bool| -> crate::Result<Option<u64>> {
                    let (text, inclusive) = match b {
                        UserInputBound::Inclusive(t) => (t, true),
                        UserInputBound::Exclusive(t) => (t, false),
                        UserInputBound::Unbounded => return Ok(None),
                    };
                    let n = match (upper, inclusive) {
                        (false, true) => date_number(text),
                        (false, false) => date_number_upper(text).map(|n| n + 1),
                        (true, true) => date_number_upper(text),
                        (true, false) => date_number(text).and_then(|n| n.checked_sub(1)),
                    };
                    n.map(Some).ok_or_else(|| {
                        self.query.error(
                            self.query.text().find(text.as_str()).unwrap_or(0),
                            format!("bad date {text:?}: use YYYY, YYYY-MM or YYYY-MM-DD"),
                        )
                    })
                };
                let (gte, lte) = (bound(lower, false)?, bound(upper, true)?);
                if gte.is_none() && lte.is_none() {
                    return Ok(Some(Node::All));
                }
                Ok(Some(Node::Range {
                    field: field::DATE_NUM,
                    gte,
                    lte,
                }))
            }
            UserInputLeaf::Set {
                field: name,
                elements,
            } => {
                let mut subs = Vec::new();
                for element in elements {
                    let lit = UserInputLiteral {
                        field_name: name.clone(),
                        phrase: element.clone(),
                        delimiter: Delimiter::None,
                        slop: 0,
                        prefix: false,
                    };
                    subs.extend(self.literal(&lit)?);
                }
                Ok((!subs.is_empty()).then(|| union(subs)))
            }
            UserInputLeaf::Exists { field: name } => match name.as_str() {
                "person" | "org" | "place" | "law" | "date" => Ok(Some(Node::Term {
                    field: field::FACETS,
                    value: format!("/{name}"),
                    boost: 1.0,
                })),
                "kind" | "resolution" | "id" | "text" | "name" => Ok(Some(Node::All)),
                other => Err(self.query.unknown_field(other)),
            },
            UserInputLeaf::Regex { field: name, .. } => Err(self.query.error(
                name.as_deref()
                    .map(|f| self.query.locate_field(f))
                    .unwrap_or(0),
                "regular expressions are not supported",
            )),
        }
    }

    fn literal(&mut self, lit: &UserInputLiteral) -> crate::Result<Option<Node>> {
        let ws: Vec<&str> = words(&lit.phrase).map(|(_, w)| w).collect();
        let scope = match lit.field_name.as_deref() {
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
                return Ok(entity(f, &ws));
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
                return Ok(Some(Node::Term {
                    field: field::FACETS,
                    value: format!("/kind/{}", kind.as_str()),
                    boost: 1.0,
                }));
            }
            Some("resolution" | "reference") => {
                return Ok(Some(Node::Term {
                    field: field::REFERENCE,
                    value: crate::index::normalized_reference(&lit.phrase),
                    boost: 1.0,
                }))
            }
            Some("id") => {
                return Ok(Some(Node::Term {
                    field: field::ID,
                    value: lit.phrase.trim().to_string(),
                    boost: 1.0,
                }))
            }
            Some("date") => {
                let text = lit.phrase.trim();
                let bad = || {
                    self.query.error(
                        self.query.locate_field("date"),
                        format!("bad date {text:?}: use YYYY, YYYY-MM or YYYY-MM-DD"),
                    )
                };
                return Ok(Some(Node::Range {
                    field: field::DATE_NUM,
                    gte: Some(date_number(text).ok_or_else(bad)?),
                    lte: Some(date_number_upper(text).ok_or_else(bad)?),
                }));
            }
            Some(other) => return Err(self.query.unknown_field(other)),
        };
        self.query.count_words(ws.len())?;
        if lit.prefix || (lit.delimiter == Delimiter::None && lit.phrase.ends_with('*')) {
            return Err(self.query.error(
                0,
                "prefix queries (word*) are not translated for other engines",
            ));
        }
        match ws.as_slice() {
            [] => Ok(None),
            [word] => Ok(self.word(word, scope, lit.delimiter != Delimiter::None)),
            _ => Ok(phrase(&lit.phrase, &ws, lit.slop, scope)),
        }
    }

    /// One word through every channel of `scope`, as `Compiler::word` builds it.
    fn word(&mut self, word: &str, scope: Scope, quoted: bool) -> Option<Node> {
        let stem = if scope.prose { prose_stem(word) } else { None };
        if scope.prose && stem.is_none() && !quoted {
            return None;
        }
        let keys = keys_of(word);
        let mut groups: Vec<(f32, bool, Vec<Node>)> = Vec::new();
        let mut info = WordInfo {
            word: word.to_string(),
            translit: Vec::new(),
            prose: None,
        };
        if let Some(stem) = stem {
            if scope.names {
                info.prose = Some((stem.clone(), keys.folded.clone()));
            }
            groups.push((BOOST_TEXT, true, vec![term(TEXT_TERMS, stem, BOOST_TEXT)]));
        }
        if scope.names {
            for (channel, fields, boost) in NAME_CHANNELS {
                let group = channel_group(&keys, channel, fields, boost);
                if !group.is_empty() {
                    groups.push((boost, false, group));
                }
            }
            let mut translit = Vec::new();
            channel_keys(&keys, Channel::Translit, &mut translit);
            if keys.folded.chars().count() >= FUZZY_MIN_CHARS {
                info.translit = translit;
            }
        }
        if groups.is_empty() {
            return None;
        }
        groups.sort_by(|a, b| b.0.total_cmp(&a.0));
        let index = match self.words.iter().position(|w| *w == info) {
            Some(i) => i,
            None => {
                self.words.push(info);
                self.words.len() - 1
            }
        };
        Some(Node::Best {
            groups: groups.into_iter().map(|(_, p, g)| (p, g)).collect(),
            word: Some(index),
        })
    }
}

fn term(field: &'static str, value: String, boost: f32) -> Node {
    Node::Term {
        field,
        value,
        boost,
    }
}

/// `person:Zhumagulov`: every word must match the entity field, through any key.
fn entity(name: &str, ws: &[&str]) -> Option<Node> {
    let field = match name {
        "person" => field::PERSON,
        "org" => field::ORG,
        "place" => field::PLACE,
        _ => field::LAW,
    };
    let mut musts = Vec::new();
    for w in ws {
        let mut keys = Vec::new();
        channel_keys(&keys_of(w), FieldKeys::Entity, &mut keys);
        if keys.is_empty() {
            continue;
        }
        musts.push(union(
            keys.into_iter().map(|k| term(field, k, 1.0)).collect(),
        ));
    }
    match musts.len() {
        0 => None,
        1 => musts.pop(),
        _ => Some(Node::Bool {
            must: musts,
            should: Vec::new(),
            must_not: Vec::new(),
        }),
    }
}

/// A multi-word literal: a phrase in prose and in each name channel, the best of them
/// (`Compiler::phrase`).
fn phrase(text: &str, ws: &[&str], slop: u32, scope: Scope) -> Option<Node> {
    let mut groups: Vec<(f32, bool, Vec<Node>)> = Vec::new();
    if scope.prose {
        let mut analyzer = prose_analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut terms: Vec<(usize, String)> = Vec::new();
        while let Some(t) = stream.next() {
            terms.push((t.position, t.text.clone()));
        }
        match terms.len() {
            0 => {}
            1 => groups.push((
                BOOST_TEXT,
                true,
                vec![term(TEXT_TERMS, terms.remove(0).1, 1.0)],
            )),
            _ => {
                // The export writes `_` where a stop word stood, so the positions hold
                // when the gaps are written out as placeholders.
                let first = terms[0].0;
                let last = terms[terms.len() - 1].0;
                let mut spelled =
                    vec![crate::index::export::PLACEHOLDER.to_string(); last - first + 1];
                for (p, t) in terms {
                    spelled[p - first] = t;
                }
                groups.push((
                    BOOST_TEXT,
                    true,
                    vec![Node::Phrase {
                        field: TEXT_TERMS,
                        terms: spelled,
                        slop,
                        boost: 1.0,
                    }],
                ));
            }
        }
    }
    if scope.names {
        for (channel, name, boost) in [
            (Channel::Exact, field::NAME_EXACT, BOOST_EXACT),
            (Channel::Folded, field::NAME_FOLDED, BOOST_FOLDED),
            (Channel::Translit, field::NAME_TRANSLIT, BOOST_TRANSLIT),
        ] {
            let phrases: Vec<Node> = channel_combinations(ws, channel)
                .into_iter()
                .map(|combo| Node::Phrase {
                    field: name,
                    terms: combo,
                    slop,
                    boost,
                })
                .collect();
            if !phrases.is_empty() {
                groups.push((boost, false, vec![union(phrases)]));
            }
        }
    }
    if groups.is_empty() {
        return None;
    }
    groups.sort_by(|a, b| b.0.total_cmp(&a.0));
    Some(Node::Best {
        groups: groups.into_iter().map(|(_, p, g)| (p, g)).collect(),
        word: None,
    })
}

/// Two adjacent query words: their translit keys, or their related keys at the related
/// channel's share of the boost, within one position of each other in either order
/// (`Compiler::proximity`).
fn proximity(a: &str, b: &str, order: Order) -> Option<Node> {
    prose_stem(a)?;
    prose_stem(b)?;
    let mut groups = Vec::new();
    for ProximityPairs {
        channel,
        boost,
        pairs,
        reversed,
    } in proximity_pairs(a, b, order)
    {
        let name = match channel {
            Channel::Translit => field::NAME_TRANSLIT,
            _ => field::NAME_RELATED,
        };
        let phrases = |pairs: Vec<(String, String)>| {
            union(
                pairs
                    .into_iter()
                    .map(|(x, y)| Node::Phrase {
                        field: name,
                        terms: vec![x, y],
                        slop: 1,
                        boost,
                    })
                    .collect(),
            )
        };
        // The better of the two orders, as in whereas (a best-of node is a `dis_max`).
        let mut orders = vec![phrases(pairs)];
        if !reversed.is_empty() {
            orders.push(phrases(reversed));
        }
        groups.push((false, orders));
    }
    match groups.len() {
        0 => None,
        _ => Some(Node::Best { groups, word: None }),
    }
}

/// One word of a run of bare words, as `compile::run::RunWord`.
struct RunWord {
    typed: TypedWord,
    node: Node,
    /// Right after the run's previous word in the query.
    follows: bool,
}

/// Query words as one (`joined_run_spans`): a best-of-channels node of the joined
/// word's translit and related keys, as `Compiler::joined_word` builds it.
fn joined_word(span: &JoinedRunSpan) -> Option<Node> {
    let keys = span.keys();
    // The span's channels, each term scoring its share in each word of the span.
    let groups: Vec<(bool, Vec<Node>)> = NAME_CHANNELS
        .iter()
        .filter(|(channel, ..)| span.channels().contains(channel))
        .map(|&(channel, fields, boost)| {
            let group = channel_group(&keys, channel, fields, boost * span.share());
            (false, group)
        })
        .filter(|(_, group)| !group.is_empty())
        .collect();
    (!groups.is_empty()).then_some(Node::Best { groups, word: None })
}

/// The name channels, best first, each with the fields that hold its keys (the
/// translit and related keys beyond a word's first are in the `_alt` fields) and its
/// boost.
const NAME_CHANNELS: [(Channel, &[&str], f32); 4] = [
    (Channel::Exact, &[field::NAME_EXACT], BOOST_EXACT),
    (Channel::Folded, &[field::NAME_FOLDED], BOOST_FOLDED),
    (
        Channel::Translit,
        &[field::NAME_TRANSLIT, NAME_TRANSLIT_ALT],
        BOOST_TRANSLIT,
    ),
    (
        Channel::Related,
        &[field::NAME_RELATED, NAME_RELATED_ALT],
        BOOST_RELATED,
    ),
];

/// One channel's terms for a word's keys: each key the query asks for, in each of
/// the channel's fields, boosted as the channel.
fn channel_group(
    keys: &TokenKeys,
    channel: Channel,
    fields: &[&'static str],
    boost: f32,
) -> Vec<Node> {
    let mut buf = Vec::new();
    query_channel_keys(keys, channel, &mut buf);
    buf.iter()
        .flat_map(|key| fields.iter().map(move |f| term(f, key.clone(), boost)))
        .collect()
}

/// The boost of a channel group: its terms' (every term of a group has the channel's).
fn group_boost(group: &[Node]) -> f32 {
    match group.first() {
        Some(Node::Term { boost, .. } | Node::Phrase { boost, .. }) => *boost,
        _ => 0.0,
    }
}

/// A word's best-of-channels node with the joined word's terms added to its channel
/// groups: the best of both, as whereas's disjunction of the two is.
fn with_joined(node: Node, joined: &Node) -> Node {
    let Node::Best { groups: extra, .. } = joined else {
        return node;
    };
    // `Plan::word` builds best-of-channels nodes only.
    let Node::Best { mut groups, word } = node else {
        return node;
    };
    for (prose, group) in extra {
        let boost = group_boost(group);
        match groups
            .iter_mut()
            .find(|(p, g)| !*p && group_boost(g) == boost)
        {
            Some((_, own)) => own.extend(group.iter().cloned()),
            None => groups.push((*prose, group.clone())),
        }
    }
    groups.sort_by(|a, b| group_boost(&b.1).total_cmp(&group_boost(&a.1)));
    Node::Best { groups, word }
}

/// Bare words read as one name: one word alone as it is; several ranked by how many
/// of them a unit matches (a [`COVERAGE_SCORE`] per word), then by the words' scores,
/// each weighted by its part of the name, plus the proximity clauses.
fn name_run(run: Vec<RunWord>, soft: Vec<Node>) -> Option<Node> {
    if run.len() <= 1 && soft.is_empty() {
        return run.into_iter().next().map(|w| w.node);
    }
    let mut run = run;
    let spans = {
        let typed: Vec<&TypedWord> = run.iter().map(|w| &w.typed).collect();
        let follows: Vec<bool> = run.iter().map(|w| w.follows).collect();
        joined_run_spans(&typed, &follows)
    };
    for span in &spans {
        if let Some(alt) = joined_word(span) {
            for &k in &span.words {
                let own = std::mem::replace(&mut run[k].node, Node::All);
                run[k].node = with_joined(own, &alt);
            }
        }
    }
    let typed: Vec<&TypedWord> = run.iter().map(|w| &w.typed).collect();
    let parts = run_parts(&typed);
    let mut soft = soft;
    for (i, j) in skip_pairs(&parts) {
        soft.extend(proximity(&typed[i].word, &typed[j].word, Order::Either));
    }
    for (i, j) in kin_pairs(&typed, &parts) {
        soft.extend(proximity(&typed[i].word, &typed[j].word, Order::AsWritten));
    }
    let mut should = Vec::new();
    let counts = run_counts(&typed, &parts, &spans);
    let nodes: Vec<Node> = run.iter().map(|w| w.node.clone()).collect();
    for ((node, part), count) in nodes.into_iter().zip(parts).zip(counts) {
        // A father's name after `bin` counts half a word (`CoverageQuery`).
        should.push(Node::Constant {
            filter: Box::new(node.clone()),
            score: COVERAGE_SCORE * count as f32 / 2.0,
        });
        should.push(node.scaled(part.weight()));
    }
    should.extend(soft);
    Some(union(should))
}
