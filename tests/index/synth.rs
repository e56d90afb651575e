//! The synthetic corpus goes through the real pipeline: the segmenter finds the
//! units the generator wrote, the reference from the PDF line, the extractor finds
//! the people the generator named (in every spelling, given name first or family name
//! in capitals), and the search finds the most named person in other spellings.

use whereas::synth::{Corpus, Spelling};
use whereas::{EntityKind, Index, SearchRequest, UnitKind};

#[test]
fn segmenter_recovers_the_generated_units() {
    let corpus = Corpus::with_people(7, 2_000);
    for generated in corpus.resolutions(1_500) {
        let resolution = whereas::segment(&generated.text).expect("segments");
        assert_eq!(
            resolution.reference.as_deref(),
            Some(generated.reference.as_str()),
            "reference of {}",
            generated.reference
        );
        // The title line comes first, as a unit of its own.
        let title = &resolution.units[0];
        assert_eq!(
            (title.kind, title.text.as_str()),
            (UnitKind::Title, generated.title.as_str())
        );
        let got: Vec<_> = resolution.units[1..]
            .iter()
            .map(|u| (u.kind, u.label.as_str()))
            .collect();
        let want: Vec<_> = generated
            .units
            .iter()
            .map(|u| (u.kind, u.label.as_str()))
            .collect();
        assert_eq!(got, want, "units of {}", generated.reference);
        for (unit, synth) in resolution.units[1..].iter().zip(&generated.units) {
            assert!(
                synth
                    .text
                    .contains(unit.text.trim_end_matches([',', ';', '.'])),
                "{} {}: {:?} vs {:?}",
                generated.reference,
                synth.label,
                unit.text,
                synth.text
            );
        }
    }
}

#[test]
fn search_finds_the_frequent_person_in_every_spelling() {
    let corpus = Corpus::with_people(7, 2_000);
    let mut resolutions = Vec::new();
    for generated in corpus.resolutions(600) {
        let mut resolution = whereas::segment(&generated.text).expect("segments");
        whereas::entity::annotate(&mut resolution);
        resolutions.push(resolution);
    }
    let index = Index::from_resolutions(&resolutions).expect("indexes");
    let person = corpus.frequent();
    let bgn = index
        .search(&SearchRequest::new(person.surname(Spelling::Bgn)).limit(0))
        .expect("searches")
        .total;
    assert!(bgn > 0);
    for spelling in [Spelling::French, Spelling::German, Spelling::Cyrillic] {
        let total = index
            .search(&SearchRequest::new(person.surname(spelling)).limit(0))
            .expect("searches")
            .total;
        assert!(
            total * 10 >= bgn * 9,
            "{} finds {total}, {} finds {bgn}",
            person.surname(spelling),
            person.surname(Spelling::Bgn)
        );
    }
}

#[test]
fn references_stay_unique_and_readable_past_ten_thousand_resolutions() {
    let corpus = Corpus::new(42);
    let mut seen = std::collections::HashSet::new();
    // Indexes around the old four-digit limit, and far past it (a million units is
    // about fifteen thousand resolutions).
    let indexes = (0..40).chain(9_990..10_030).chain(159_960..159_984);
    for index in indexes {
        let generated = corpus.resolution(index, 3);
        let resolution = whereas::segment(&generated.text).expect("segments");
        assert_eq!(
            resolution.reference.as_deref(),
            Some(generated.reference.as_str()),
            "resolution {index}"
        );
        assert!(
            seen.insert(generated.reference.clone()),
            "{}",
            generated.reference
        );
    }
}

/// Every person extracted from a generated unit is one the generator named there
/// (precision 1), and at least 95% of the generator's mentions are found.
#[test]
fn extractor_finds_the_generated_people() {
    let corpus = Corpus::new(11);
    let (mut extracted, mut named, mut mentions, mut found) = (0usize, 0usize, 0usize, 0usize);
    for generated in corpus.resolutions(3_000) {
        for unit in &generated.units {
            let persons: Vec<String> = whereas::entity::extract(&unit.text)
                .into_iter()
                .filter(|e| e.kind == EntityKind::Person)
                .map(|e| e.normalized)
                .collect();
            // The person as the generator wrote them in this unit, or in BGN spelling.
            let is = |person: &str, (rank, spelling): (usize, Spelling)| {
                let named = &corpus.people()[rank];
                [spelling, Spelling::Bgn]
                    .iter()
                    .any(|&s| whereas::name::compare(person, &named.full_name(s)).is_some())
            };
            extracted += persons.len();
            named += persons
                .iter()
                .filter(|p| unit.mentions.iter().any(|&m| is(p, m)))
                .count();
            mentions += unit.mentions.len();
            found += unit
                .mentions
                .iter()
                .filter(|&&m| persons.iter().any(|p| is(p, m)))
                .count();
        }
    }
    assert!(mentions > 1_000, "the sample names people: {mentions}");
    assert_eq!(named, extracted, "persons the generator did not name");
    let recall = found as f64 / mentions as f64;
    assert!(recall >= 0.95, "recall {recall:.3} ({found} of {mentions})");
}
