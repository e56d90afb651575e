//! The bodies' shapes: what each engine accepts, the keys the index holds, filters,
//! aggregations, errors.

use serde_json::Value;

use super::*;
use crate::model::UnitKind;

fn body(query: &str, engine: Engine) -> Value {
    request_body(&SearchRequest::new(query), engine).expect("translates")
}

/// Every value of `key` anywhere in `v`.
fn all<'a>(v: &'a Value, key: &str, out: &mut Vec<&'a Value>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == key {
                    out.push(x);
                }
                all(x, key, out);
            }
        }
        Value::Array(xs) => xs.iter().for_each(|x| all(x, key, out)),
        _ => {}
    }
}

fn terms(v: &Value) -> Vec<(String, String)> {
    let mut found = Vec::new();
    all(v, "term", &mut found);
    found
        .iter()
        .filter_map(|t| t.as_object())
        .flat_map(|m| m.iter())
        .map(|(f, p)| {
            (
                f.clone(),
                p["value"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_word_is_the_best_of_its_channel_terms_with_the_index_keys() {
    let es = body("Жумагулов", Engine::Elasticsearch);
    let queries = es["query"]["dis_max"]["queries"]
        .as_array()
        .expect("dis_max");
    let keys = crate::analysis::keys::keys_of("Жумагулов");
    let got = terms(&es);
    for key in &keys.translit {
        assert!(
            got.contains(&("name_translit".into(), key.clone())),
            "{got:?}"
        );
        assert!(got.contains(&("name_translit_alt".into(), key.clone())));
    }
    assert!(got.contains(&("name_exact".into(), keys.exact.clone())));
    // BM25 term queries with boosts, never constant-score `terms`.
    assert!(!es.to_string().contains("\"terms\""));
    let boosts: Vec<f64> = queries
        .iter()
        .filter_map(|q| q["term"].as_object()?.values().next()?["boost"].as_f64())
        .collect();
    assert!(boosts.contains(&4.0) && boosts.contains(&2.0), "{boosts:?}");
}

#[test]
fn quickwit_has_no_dis_max_and_scores_one_channel() {
    let qw = body("Zhumagulov", Engine::Quickwit);
    let text = qw.to_string();
    for absent in ["dis_max", "constant_score", "fuzzy", "\"terms\""] {
        assert!(!text.contains(absent), "{absent} in {text}");
    }
    // Each lower channel excludes the higher ones' terms.
    let channels = qw["query"]["bool"]["should"].as_array().expect("channels");
    assert!(channels.len() >= 4);
    assert!(channels[0]["bool"].get("must_not").is_none());
    for c in &channels[1..] {
        assert!(c["bool"]["must_not"]
            .as_array()
            .is_some_and(|m| !m.is_empty()));
    }
}

#[test]
fn a_name_counts_its_words_first_and_adds_the_proximity_phrases() {
    for engine in [Engine::Elasticsearch, Engine::Quickwit] {
        let b = body("Almat Zhumagulov", engine);
        let text = b.to_string();
        assert_eq!(
            text.matches(&format!("{:?}", COVERAGE_SCORE)).count(),
            2,
            "{text}"
        );
        let mut phrases = Vec::new();
        all(&b, "match_phrase", &mut phrases);
        assert!(phrases
            .iter()
            .any(|p| p["name_translit"]["query"] == "almat jumagulov"));
        assert!(phrases
            .iter()
            .any(|p| p["name_translit"]["query"] == "jumagulov almat"));
    }
    // The given name weighs half the family name: its exact key at 4 × 0.5.
    let es = body("Almat Zhumagulov", Engine::Elasticsearch);
    let mut boosts = Vec::new();
    all(&es, "name_exact", &mut boosts);
    let exact = |value: &str| -> Vec<f64> {
        boosts
            .iter()
            .filter(|b| b["value"] == value)
            .filter_map(|b| b["boost"].as_f64())
            .collect()
    };
    assert!(exact("almat").contains(&2.0), "{:?}", exact("almat"));
    assert!(exact("zhumagulov").contains(&4.0));
    // A stop word takes no part; a single word is no coverage query.
    assert!(!body("Zhumagulov", Engine::Elasticsearch)
        .to_string()
        .contains("constant_score"));
}

#[test]
fn filters_aggregations_page_and_order() {
    let request = SearchRequest::new("torture")
        .kind(UnitKind::Recital)
        .resolution("TA-9-2021-0056")
        .date_range("2021", "2021-06")
        .facet("/person/Max Bokayev")
        .facet_counts("/law", 5)
        .offset(10)
        .limit(5)
        .sort(Sort::Newest);
    let es = request_body(&request, Engine::Elasticsearch).expect("translates");
    let filter = &es["query"]["bool"]["filter"];
    assert_eq!(filter[0]["term"]["kind"]["value"], "recital");
    assert_eq!(filter[1]["term"]["reference"]["value"], "TA-9-2021-0056");
    assert_eq!(filter[2]["range"]["date_num"]["gte"], 20210000);
    assert_eq!(filter[2]["range"]["date_num"]["lte"], 20210699);
    assert_eq!(filter[3]["term"]["facets"]["value"], "/person/Max Bokayev");
    assert_eq!(es["aggs"]["/law"]["terms"]["include"], "/law/[^/]*");
    assert_eq!(es["aggs"]["/law"]["terms"]["size"], 5);
    assert_eq!(
        (es["from"].as_u64(), es["size"].as_u64()),
        (Some(10), Some(5))
    );
    assert_eq!(es["sort"][0]["date_num"], "desc");
    let qw = request_body(&request, Engine::Quickwit).expect("translates");
    assert!(qw["aggs"]["/law"]["terms"].get("include").is_none());
}

/// The body given the probes' totals, from a function of each probe.
fn answered(t: &Translation, count: impl Fn(&Probe) -> u64) -> Value {
    let counts: Vec<u64> = t.probes().iter().map(count).collect();
    t.body_with_counts(&counts).expect("one total per probe")
}

#[test]
fn probes_and_the_fuzzy_fallback() {
    let t = Translation::new(&SearchRequest::new("Tokayev Bokaev"), Engine::Quickwit)
        .expect("translates");
    let probes = t.probes();
    let kinds = |word: &str| -> Vec<ProbeKind> {
        probes
            .iter()
            .filter(|p| p.word == word)
            .map(|p| p.kind)
            .collect()
    };
    assert_eq!(
        kinds("Tokayev"),
        [
            ProbeKind::TranslitKeys,
            ProbeKind::ProseStem,
            ProbeKind::NameForm
        ]
    );
    assert!(probes[0].body["query"].to_string().contains("tokaev"));
    assert_eq!(probes[0].body["size"], 0);
    assert!(t.body_with_counts(&[1]).is_err());
    // Tokayev's keys are not indexed; Bokaev's are.
    let fallback = answered(&t, |p| {
        u64::from(!(p.word == "Tokayev" && p.kind == ProbeKind::TranslitKeys))
    });
    let plain = t.body();
    assert!(fallback.to_string().len() > plain.to_string().len());
    let got = terms(&fallback);
    assert!(got.iter().any(|(_, v)| v == "tokaiev"), "a glide away");
    // The confusable-aware rule: not Tokarev.
    assert!(!got.iter().any(|(_, v)| v == "tokarev"));
    // Elasticsearch: long keys add one `fuzzy` query with the first letter fixed.
    let es = Translation::new(&SearchRequest::new("Nazarbayeva"), Engine::Elasticsearch)
        .expect("translates");
    let fallback = answered(&es, |_| 0);
    let mut fuzzy = Vec::new();
    all(&fallback, "fuzzy", &mut fuzzy);
    assert!(!fuzzy.is_empty());
    assert_eq!(fuzzy[0]["name_translit"]["prefix_length"], 1);
}

#[test]
fn a_common_word_with_a_capital_is_searched_as_prose_only() {
    let t = Translation::new(&SearchRequest::new("Release"), Engine::Elasticsearch)
        .expect("translates");
    // Its stem in 10 units, its name form in 2: prose.
    let prose = answered(&t, |p| match p.kind {
        ProbeKind::ProseStem => 10,
        ProbeKind::NameForm => 2,
        ProbeKind::TranslitKeys => 0,
    });
    assert_eq!(
        terms(&prose),
        [("text_terms".to_string(), "releas".to_string())]
    );
    // In as many units as a name as in prose: a name too, without the fuzzy fallback.
    let name = answered(&t, |p| match p.kind {
        ProbeKind::TranslitKeys => 3,
        _ => 5,
    });
    let got = terms(&name);
    assert!(got.iter().any(|(f, _)| f == "name_exact"), "{got:?}");
    assert!(!name.to_string().contains("fuzzy"));
}

#[test]
fn phrases_spell_out_stop_word_gaps() {
    let es = body("\"release of Zhumagulov\"", Engine::Elasticsearch);
    let mut phrases = Vec::new();
    all(&es, "match_phrase", &mut phrases);
    assert!(
        phrases
            .iter()
            .any(|p| p["text_terms"]["query"] == "releas _ zhumagulov"),
        "{phrases:?}"
    );
}

#[test]
fn bad_requests_are_errors() {
    for request in [
        SearchRequest::new("tortur*"),
        SearchRequest::new("colour:red"),
        SearchRequest::new("date:[2021-13 TO 2022]"),
        SearchRequest::new("x").search_after("abc"),
        SearchRequest::new("x").date_from("soon"),
        SearchRequest::new("x").limit(crate::search::MAX_LIMIT + 1),
    ] {
        for engine in [Engine::Elasticsearch, Engine::Quickwit] {
            assert!(request_body(&request, engine).is_err(), "{request:?}");
        }
    }
    // Only stop words: matches nothing, as in whereas.
    let none = body("the of", Engine::Quickwit);
    assert!(none["query"].get("match_none").is_some(), "{none}");
}

#[test]
fn adjacent_name_words_are_also_searched_as_one() {
    let joined = crate::analysis::keys::keys_of("AhmadiNejad");
    for engine in [Engine::Elasticsearch, Engine::Quickwit] {
        let got = terms(&body("Ahmadi Nejad", engine));
        for key in &joined.translit {
            // Once in each word's best-of-channels clause (its coverage filter and its
            // score): both words count where the unit writes them as one.
            let n = got
                .iter()
                .filter(|t| **t == ("name_translit".to_string(), key.clone()))
                .count();
            assert!(n >= 2, "{engine:?} {key}: {n}");
        }
        // Not across a comma ("Surname, Given").
        let got = terms(&body("Ahmadi, Nejad", engine));
        assert!(!got.iter().any(|(_, v)| joined.translit.contains(v)));
    }
}
