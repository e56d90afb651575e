//! Issue 14, point 6: the Kazakh and Russian forms of one name (ш/ч, о/у, уә/ва,
//! ұ/у, қ/к, ғ/г, ң/н, -ұлы/-ович) keyed alike without merging names that differ
//! otherwise, through the name search over an index.

use crate::support::eval;

/// Indexes one unit per name and returns the name of the first hit for `query`.
fn first_hit(names: &[&str], query: &str) -> Option<String> {
    let rows: Vec<eval::Row> = names
        .iter()
        .map(|n| eval::Row {
            entity_id: n.to_string(),
            canonical: n.to_string(),
            variant: n.to_string(),
            script: "Latn".into(),
            system: "test".into(),
        })
        .collect();
    let corpus = eval::corpus(&rows, &[]);
    let index = eval::whereas_index(&corpus).expect("index");
    let hits = eval::whereas_search(&index, query, eval::Ask::Name).expect("search");
    hits.first().map(|(d, _)| corpus.docs[*d].name.clone())
}

#[test]
fn sholpan_and_cholpan() {
    let names = ["Sholpan Dzhakupova", "Cholpan Ospanova"];
    assert_eq!(
        first_hit(&names, "Cholpan Dzhakupova").as_deref(),
        Some("Sholpan Dzhakupova"),
        "help: ш/ч (Sholpan/Cholpan) are one name; the surname decides"
    );
    let m = whereas::compare("Cholpan Dzhakupova", "Sholpan Dzhakupova").expect("one person");
    assert_eq!(m.matched, 2, "{m}");
    assert!(whereas::compare("Cholpan Dzhakupova", "Cholpan Ospanova").is_none());
}

#[test]
fn yerbolat_and_yerbulat() {
    let names = ["Yerbulat Akhmetov", "Yerbolat Aidarkhan"];
    assert_eq!(
        first_hit(&names, "Yerbolat Akhmetov").as_deref(),
        Some("Yerbulat Akhmetov"),
        "help: о/у (Yerbolat/Yerbulat) are one name; the surname decides"
    );
    let m = whereas::compare("Yerbolat Akhmetov", "Yerbulat Akhmetov").expect("one person");
    assert_eq!(m.matched, 2, "{m}");
    assert!(whereas::compare("Yerbolat Akhmetov", "Yerbolat Aidarkhan").is_none());
}

#[test]
fn kazakh_and_russian_letters_and_patronymics() {
    for (a, b) in [
        ("Ualiev", "Valiev"),
        ("Уәлиев", "Валиев"),
        ("Қанат", "Канат"),
        ("Ғалым", "Галым"),
        ("Жаңа", "Жана"),
        ("Ерболат Қайратұлы Ахметов", "Ерболат Кайратович Ахметов"),
    ] {
        assert!(whereas::compare(a, b).is_some(), "help: {a} / {b}");
    }
    // Names that differ otherwise stay apart.
    assert!(whereas::compare("Ерболат Қайратұлы Ахметов", "Ерболат Серикович Ахметов").is_none());
    assert!(whereas::compare("Ualiev", "Aliev").is_none());
}
