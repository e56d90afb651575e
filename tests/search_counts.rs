//! A search's total counts every matching unit, although counting reads only some
//! of a word's keys (the exact spelling and the translit keys are covered by the
//! folded form and the related keys). Checked against a plain tantivy union of every
//! key of every channel, for the words of a generated corpus and their other
//! spellings.

use std::collections::BTreeSet;

use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;
use whereas::index::Index;
use whereas::query::SearchRequest;
use whereas::synth::{Corpus, Spelling};
use whereas::token_keys;

fn index(corpus: &Corpus, units: usize) -> Index {
    let index = Index::in_ram().expect("index");
    let mut writer = index.writer().expect("writer");
    for generated in corpus.resolutions(units) {
        let mut resolution = whereas::segment(&generated.text).expect("segments");
        whereas::entity::annotate(&mut resolution);
        writer.add(&resolution).expect("adds");
    }
    writer.commit().expect("commits");
    index
}

/// Units matching any key of `word` in any name channel, counted by tantivy, and
/// whether a translit key matched (if none did, whereas adds fuzzy keys).
fn union_count(index: &Index, word: &str) -> (usize, bool) {
    let tantivy = index.tantivy();
    let schema = tantivy.schema();
    let field = |name: &str| schema.get_field(name).expect("whereas field");
    let keys = token_keys(word);
    let mut clauses: Vec<Box<dyn Query>> = Vec::new();
    let mut add = |name: &str, key: &str| {
        if !key.is_empty() {
            clauses.push(Box::new(TermQuery::new(
                Term::from_field_text(field(name), key),
                IndexRecordOption::Basic,
            )));
        }
    };
    add("name_exact", &keys.exact);
    add("name_folded", &keys.folded);
    keys.translit.iter().for_each(|k| add("name_translit", k));
    keys.related.iter().for_each(|k| add("name_related", k));
    let searcher = tantivy.reader().expect("reader").searcher();
    let translit = keys.translit.iter().any(|k| {
        searcher
            .doc_freq(&Term::from_field_text(field("name_translit"), k))
            .expect("doc freq")
            > 0
    });
    let count = searcher
        .search(&BooleanQuery::union(clauses), &Count)
        .expect("counts");
    (count, translit)
}

#[test]
fn totals_count_every_unit_any_key_matches() {
    let corpus = Corpus::new(11);
    let index = index(&corpus, 1500);
    let mut words = BTreeSet::new();
    for person in corpus.people().iter().take(60) {
        for spelling in [
            Spelling::Bgn,
            Spelling::French,
            Spelling::German,
            Spelling::Cyrillic,
            Spelling::Kazakh2021,
            Spelling::Icao,
        ] {
            words.insert(person.surname(spelling));
        }
    }
    for generated in corpus.resolutions(40) {
        for word in generated
            .text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() > 2)
        {
            words.insert(word.to_string());
        }
    }
    let mut nonzero = 0;
    for word in &words {
        let (expected, translit) = union_count(&index, word);
        // `name:` searches the name channels only, as the union does; a word none of
        // whose translit keys is indexed falls back to fuzzy keys, which the union
        // lacks.
        if !translit {
            continue;
        }
        nonzero += 1;
        let total = index
            .search(&SearchRequest::new(format!("name:{word}")).limit(0))
            .expect("searches")
            .total;
        assert_eq!(total, expected, "{word}");
    }
    assert!(nonzero > 100, "only {nonzero} words with hits");
}
