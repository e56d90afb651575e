//! Laws, organisations, dates and linking on their hardest shapes, with exact normalised
//! outputs; and a property test that extraction never panics and spans are valid.

use crate::support;

use proptest::prelude::*;

use whereas::entity::{annotate, extract};
use whereas::{Entity, EntityKind, Resolution, Unit, UnitKind};

fn of(text: &str, kind: EntityKind) -> Vec<String> {
    extract(text)
        .into_iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.normalized)
        .collect()
}

fn texts(text: &str, kind: EntityKind) -> Vec<String> {
    extract(text)
        .into_iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.text)
        .collect()
}

// ---- laws ----

#[test]
fn law_two_articles_of_a_possessed_code() {
    for apostrophe in ["’", "'"] {
        let text = format!(
            "whereas 17 leaders have been sent to pre-trial detention facilities under Article 405 \
             and Article 182 of Kazakhstan{apostrophe}s Criminal Code and risk long prison terms"
        );
        assert_eq!(
            of(&text, EntityKind::Law),
            [
                "Criminal Code of Kazakhstan, Article 405",
                "Criminal Code of Kazakhstan, Article 182",
                "Criminal Code of Kazakhstan",
            ]
        );
        assert_eq!(
            texts(&text, EntityKind::Law)[..2],
            ["Article 405".to_string(), "Article 182".to_string()]
        );
        assert!(
            of(&text, EntityKind::Place).is_empty(),
            "the owner is part of the law"
        );
    }
}

#[test]
fn law_dashed_article_numbers() {
    let text = "including by repealing Articles 460–1 and 460–2 of the Code on Administrative \
                Offences, and to protect";
    assert_eq!(
        of(text, EntityKind::Law),
        [
            "Code of Administrative Offences, Article 460-1",
            "Code of Administrative Offences, Article 460-2",
            "Code of Administrative Offences",
        ]
    );
}

#[test]
fn a_code_is_one_instrument_whichever_preposition() {
    // Both renderings occur in the seed resolution (recital O and paragraph 8).
    let text = "violated Article 460–1 of the Code of Administrative Offences for failing; \
                repealing Article 460–2 of the Code on Administrative Offences, and the \
                Code on Criminal Procedure of Kazakhstan";
    assert_eq!(
        of(text, EntityKind::Law),
        [
            "Code of Administrative Offences, Article 460-1",
            "Code of Administrative Offences",
            "Code of Administrative Offences, Article 460-2",
            "Code of Administrative Offences",
            "Code of Criminal Procedure of Kazakhstan",
        ]
    );
}

#[test]
fn law_article_list_of_an_acronym() {
    let text = "as enshrined in Articles 1, 4, 5 and 235 of the EPCA; calls on";
    assert_eq!(
        of(text, EntityKind::Law),
        [
            "EPCA, Article 1",
            "EPCA, Article 4",
            "EPCA, Article 5",
            "EPCA, Article 235",
            "EPCA",
        ]
    );
}

#[test]
fn law_rules_with_paragraphs() {
    let text = "– having regard to Rule 144(5) and 132(4) of its Rules of Procedure,";
    assert_eq!(
        of(text, EntityKind::Law),
        [
            "Rules of Procedure, Rule 144(5)",
            "Rules of Procedure, Rule 132(4)",
            "Rules of Procedure",
        ]
    );
    assert_eq!(
        of("pursuant to Rule 132(2)", EntityKind::Law),
        ["Rules of Procedure, Rule 132(2)"]
    );
}

#[test]
fn law_named_instruments() {
    assert_eq!(
        of(
            "urges Kazakhstan to sign and ratify the Istanbul Convention;",
            EntityKind::Law
        ),
        ["Istanbul Convention"]
    );
    assert_eq!(
        of(
            "its ratification of the Second Optional Protocol to the International Covenant on \
             Civil and Political Rights, thereby",
            EntityKind::Law
        ),
        ["Second Optional Protocol to the International Covenant on Civil and Political Rights"]
    );
    assert_eq!(
        of(
            "the Universal Declaration of Human Rights, the International Covenant on Civil and \
             Political Rights, and the UN Convention against Torture,",
            EntityKind::Law
        ),
        [
            "Universal Declaration of Human Rights",
            "International Covenant on Civil and Political Rights",
            "UN Convention against Torture",
        ]
    );
    assert_eq!(
        of("in 2020 the Trade Union Law was amended", EntityKind::Law),
        ["Trade Union Law"]
    );
    assert_eq!(
        of(
            "when Kazakhstan ratified the UN Protocol to Prevent, Suppress and Punish Trafficking \
             in Persons Especially Women and Children, Kazakhstan has",
            EntityKind::Law
        ),
        ["UN Protocol to Prevent, Suppress and Punish Trafficking in Persons Especially Women and Children"]
    );
    assert_eq!(
        of(
            "the EU Delegation to Kazakhstan, Russia and China",
            EntityKind::Organisation
        ),
        ["EU Delegation to Kazakhstan"]
    );
}

#[test]
fn law_acronym_after_the_number() {
    assert_eq!(
        of(
            "the procedure under Article 7(1) TEU against",
            EntityKind::Law
        ),
        ["TEU, Article 7(1)", "TEU"]
    );
}

#[test]
fn law_thereof_and_numbered_instruments() {
    let text =
        "having regard to Articles 4 and 9 of the Treaty on the Functioning of the European \
                Union (TFEU), in particular Article 168 thereof, and to Article 81 of Directive \
                2001/83/EC";
    assert_eq!(
        of(text, EntityKind::Law),
        [
            "Treaty on the Functioning of the European Union, Article 4",
            "Treaty on the Functioning of the European Union, Article 9",
            "Treaty on the Functioning of the European Union",
            "Treaty on the Functioning of the European Union",
            "Treaty on the Functioning of the European Union, Article 168",
            "Directive 2001/83/EC, Article 81",
            "Directive 2001/83/EC",
        ]
    );
}

// ---- organisations ----

#[test]
fn org_acronym_pairing_maps_both_forms_to_one_name() {
    let text = "against supporters of the peaceful opposition movements the Democratic Choice of \
                Kazakhstan (DCK)and the Koshe Partiyasy, and urges";
    let orgs: Vec<(String, String)> = extract(text)
        .into_iter()
        .filter(|e| e.kind == EntityKind::Organisation)
        .map(|e| (e.text, e.normalized))
        .collect();
    assert_eq!(
        orgs,
        [
            (
                "Democratic Choice of Kazakhstan".into(),
                "Democratic Choice of Kazakhstan".into()
            ),
            ("DCK".into(), "Democratic Choice of Kazakhstan".into()),
            ("Koshe Partiyasy".into(), "Koshe Partiyasy".into()),
        ]
    );
    assert!(of(text, EntityKind::Place).is_empty());
}

#[test]
fn org_eu_and_un_bodies() {
    assert_eq!(
        of(
            "the statement of the Organization for Security and Co-operation in Europe (OSCE) on",
            EntityKind::Organisation
        ),
        [
            "Organization for Security and Co-operation in Europe",
            "Organization for Security and Co-operation in Europe",
        ]
    );
    assert_eq!(
        of(
            "recommendations of the UN Working Group on Arbitrary Detention and the UN Human \
             Rights Committee;",
            EntityKind::Organisation
        ),
        [
            "UN Working Group on Arbitrary Detention",
            "UN Human Rights Committee"
        ]
    );
    assert_eq!(
        of(
            "Encourages the EU Delegation to Kazakhstan to advance; according to the UN;",
            EntityKind::Organisation
        ),
        ["EU Delegation to Kazakhstan", "United Nations"]
    );
    assert_eq!(
        of(
            "the Rome Statute of the International Criminal Court (ICC), and",
            EntityKind::Organisation
        ),
        [
            "International Criminal Court",
            "International Criminal Court"
        ]
    );
}

#[test]
fn org_ngo_lists_parties_newspapers_unions() {
    let ngos = "whereas several independent human rights NGOs, including ECHO, Erkindik Kanaty, the \
                Kazakhstan International Bureau for Human Rights and Rule of Law, and International \
                Legal Initiative, have recently been heavily fined";
    assert_eq!(
        of(ngos, EntityKind::Organisation),
        [
            "ECHO",
            "Erkindik Kanaty",
            "Kazakhstan International Bureau for Human Rights and Rule of Law",
            "International Legal Initiative",
        ]
    );
    assert!(of(ngos, EntityKind::Person).is_empty());
    assert_eq!(
        of(
            "whereas the unregistered opposition Democratic Party was not allowed",
            EntityKind::Organisation
        ),
        ["Democratic Party"]
    );
    let paper = "against the editor-in-chief of the independent newspaper Uralskaya Nedelya, \
                 Lukpan Akhmedyarov, for his reporting";
    assert_eq!(of(paper, EntityKind::Organisation), ["Uralskaya Nedelya"]);
    assert_eq!(of(paper, EntityKind::Person), ["Lukpan Akhmedyarov"]);
    let union =
        "the suspension of the operations of the Industrial Trade Union of Fuel and Energy \
                 Workers (ITUFEW) by the Specialised Interdistrict Economic Court in Shymkent";
    assert_eq!(
        of(union, EntityKind::Organisation),
        [
            "Industrial Trade Union of Fuel and Energy Workers",
            "Industrial Trade Union of Fuel and Energy Workers",
            "Specialised Interdistrict Economic Court",
        ]
    );
    assert_eq!(of(union, EntityKind::Place), ["Shymkent"]);
    assert!(
        of(
            "including Interpol Red Notices and Mutual Legal Assistance (MLA), to",
            EntityKind::Organisation
        ) == ["Interpol"],
        "a paired phrase with no institution word, place or announcing noun is not an organisation"
    );
}

// ---- dates ----

#[test]
fn dates_iso_lists_ranges_months() {
    assert_eq!(
        of(
            "the 12th EU-Kazakhstan Human Rights Dialogue meeting held on 26 and 27 November 2020,",
            EntityKind::Date
        ),
        ["2020-11-26", "2020-11-27"]
    );
    assert_eq!(
        of(
            "amendments to the new health code in June 2020 that",
            EntityKind::Date
        ),
        ["2020-06"]
    );
    assert_eq!(of("of 14 March 2019 on", EntityKind::Date), ["2019-03-14"]);
    assert_eq!(of("since 2020-11-26;", EntityKind::Date), ["2020-11-26"]);
    assert_eq!(
        of("from 30 November to 2 December 2020", EntityKind::Date),
        ["2020-11-30", "2020-12-02"],
        "a yearless day borrows the year of the date it runs to"
    );
    assert!(of("on 3 February the", EntityKind::Date).is_empty());
    let text = "held on 26 and 27 November 2020,";
    let dates: Vec<Entity> = extract(text)
        .into_iter()
        .filter(|e| e.kind == EntityKind::Date)
        .collect();
    assert!(dates.iter().all(|d| d.text == "26 and 27 November 2020"));
}

#[test]
fn places_countries_cities_regions() {
    assert_eq!(
        of(
            "between the European Union and the Republic of Kazakhstan, signed in Astana; the \
             Russian Federation and Belarus; Central Asia",
            EntityKind::Place
        ),
        ["Kazakhstan", "Astana", "Russia", "Belarus", "Central Asia"]
    );
}

// ---- persons in shapes and texts the fixtures do not hold ----

#[test]
fn persons_generalise_to_unseen_resolutions() {
    assert_eq!(
        of(
            "whereas Russian opposition politician Alexei Navalny was poisoned in August 2020; \
             calls for the release of Ilham Tohti, Nasrin Sotoudeh and Narges Mohammadi; whereas \
             Swedish citizen Gui Minhai and Jimmy Lai remain detained; Mr Navalny’s lawyers",
            EntityKind::Person
        ),
        [
            "Alexei Navalny",
            "Ilham Tohti",
            "Nasrin Sotoudeh",
            "Narges Mohammadi",
            "Gui Minhai",
            "Jimmy Lai",
            "Alexei Navalny",
        ]
    );
    assert_eq!(
        of(
            "whereas High Representative Josep Borrell and Commission President Ursula von der \
             Leyen met Charles Michel in Brussels; the Viasna Human Rights Centre and its chair \
             Ales Bialiatski; Sviatlana Tsikhanouskaya, leader of the democratic opposition",
            EntityKind::Person
        ),
        [
            "Josep Borrell",
            "Ursula von der Leyen",
            "Charles Michel",
            "Ales Bialiatski",
            "Sviatlana Tsikhanouskaya",
        ]
    );
    assert_eq!(
        of("Азамат Жумагулов и Айгерим Сейтказиева", EntityKind::Person),
        ["Азамат Жумагулов", "Айгерим Сейтказиева"],
        "Cyrillic family-name endings count too"
    );
    assert!(of(
        "the Global Magnitsky Act, Human Rights Watch, Reporters Without Borders, Horizon \
             Europe, the One Health approach and the Member States",
        EntityKind::Person
    )
    .is_empty());
}

// ---- linking within a resolution ----

fn resolution(texts: &[&str]) -> Resolution {
    Resolution::new(
        texts
            .iter()
            .enumerate()
            .map(|(k, t)| {
                let mut unit = Unit::new(UnitKind::Paragraph, (k + 1).to_string(), *t);
                unit.ordinal = k;
                unit
            })
            .collect(),
    )
}

fn unit_norms(res: &Resolution, unit: usize, kind: EntityKind) -> Vec<String> {
    res.units[unit]
        .entities
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.normalized.clone())
        .collect()
}

#[test]
fn annotate_links_spellings_surnames_and_acronyms() {
    let mut res = resolution(&[
        "victims of torture Iskander Yerimbetov, Maks Bokayev and Mukhtar Dzhakishev, and the \
         Industrial Trade Union of Fuel and Energy Workers (ITUFEW); Articles 1 and 4 of the \
         EPCA",
        "calls for the ban against Max Bokayev to be lifted; Bokayev must be allowed to work",
        "do not apply to ITUFEW; the Enhanced Partnership and Cooperation Agreement (EPCA)",
        "human rights defenders Aset Abishev and Kenzhebek Abishev; Abishev was arrested",
    ]);
    annotate(&mut res);
    assert_eq!(
        unit_norms(&res, 1, EntityKind::Person),
        ["Maks Bokayev", "Maks Bokayev"]
    );
    assert_eq!(
        unit_norms(&res, 2, EntityKind::Organisation),
        ["Industrial Trade Union of Fuel and Energy Workers"]
    );
    assert_eq!(
        unit_norms(&res, 0, EntityKind::Law)[..2],
        [
            "Enhanced Partnership and Cooperation Agreement, Article 1".to_string(),
            "Enhanced Partnership and Cooperation Agreement, Article 4".to_string(),
        ]
    );
    assert_eq!(
        unit_norms(&res, 3, EntityKind::Person),
        ["Aset Abishev", "Kenzhebek Abishev", "Abishev"],
        "two people share the surname: the bare surname stays unlinked"
    );
}

// ---- robustness ----

fn check(text: &str) -> Result<(), TestCaseError> {
    let found = extract(text);
    let mut prev: Option<&Entity> = None;
    for e in &found {
        prop_assert!(e.start <= e.end && e.end <= text.len());
        prop_assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
        prop_assert_eq!(&text[e.start..e.end], e.text.as_str());
        prop_assert!(!e.normalized.is_empty());
        if let Some(p) = prev {
            prop_assert!(e.start >= p.start, "sorted by start");
            prop_assert!(
                e.start >= p.end || (e.start == p.start && e.end == p.end),
                "spans never overlap, except the days of one range: {:?} / {:?}",
                p,
                e
            );
        }
        prev = Some(e);
    }
    Ok(())
}

#[test]
fn invariants_hold_on_the_corpus() {
    let mut texts = vec![support::SEED.to_string()];
    for rel in [
        "corpus/RC-10-2025-0249_ukraine-children.txt",
        "corpus/B-9-2020-0220_public-health.txt",
    ] {
        texts.extend(support::shared_text(rel));
    }
    for text in &texts {
        check(text).expect("whole text");
        for line in text.lines() {
            check(line).expect("one line");
        }
    }
}

const PIECES: &[&str] = &[
    "Article",
    "Articles",
    "Rule",
    "405",
    "460–1",
    "144",
    "(5)",
    "(",
    ")",
    "of",
    "the",
    "its",
    "Kazakhstan",
    "’s",
    "'s",
    "Criminal",
    "Code",
    "and",
    ",",
    ";",
    "Maks",
    "Bokayev",
    "Aset",
    "Abishev",
    "President",
    "journalist",
    "(DCK)",
    "Democratic",
    "Choice",
    "NGOs",
    "including",
    "26",
    "27",
    "November",
    "2020",
    "May",
    "June",
    "to",
    "between",
    "21.1.2021",
    "EU-Kazakhstan",
    "OSCE/ODIHR",
    "thereof",
    "Union",
    "Council",
    "Court",
    "Europe",
    "Lvova‑Belova",
    "é",
    "\u{a0}",
    "\n",
    "Ж",
    "Жұмағұлов",
    "-",
    "–",
    "’",
    "newspaper",
    "who",
    "a",
    "mother",
    "Rules",
];

proptest! {
    #![proptest_config(support::proptest_config(128))]

    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,200}") {
        check(&text)?;
    }

    #[test]
    fn never_panics_on_tricky_word_soup(words in proptest::collection::vec(0..PIECES.len(), 0..60),
                                        glue in proptest::collection::vec(0..3usize, 60)) {
        let mut text = String::new();
        for (k, w) in words.iter().enumerate() {
            text.push_str(PIECES[*w]);
            text.push_str([" ", "", "  "][glue[k % glue.len()]]);
        }
        check(&text)?;
        let mut res = resolution(&[&text, &text]);
        annotate(&mut res);
    }
}
