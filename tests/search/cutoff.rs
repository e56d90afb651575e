//! `SearchRequest::relative_cutoff`: hits below a share of the best score are dropped,
//! and the total and the facet counts follow the hits.

use crate::support::fixtures;

use fixtures::{resolution, unit};
use whereas::{Error, Index, SearchRequest, UnitKind};

fn index() -> Index {
    let mut units = vec![
        unit(
            UnitKind::Paragraph,
            "whole",
            0,
            "whereas Yerlan Akhmetov was arrested;",
            &["Yerlan Akhmetov"],
        ),
        unit(
            UnitKind::Paragraph,
            "given1",
            1,
            "whereas Yerlan Bekov was fined;",
            &["Yerlan Bekov"],
        ),
        unit(
            UnitKind::Recital,
            "given2",
            2,
            "whereas Yerlan Omarov was questioned;",
            &["Yerlan Omarov"],
        ),
    ];
    let others = [
        "Aigerim Tleuzhan",
        "Daniyar Seitkali",
        "Gulnara Bekturova",
        "Saule Mukhamedova",
        "Kanat Baimukhanov",
        "Zhanna Iskakova",
    ];
    for (i, name) in others.iter().enumerate() {
        let text = format!("whereas {name} was released;");
        units.push(unit(
            UnitKind::Paragraph,
            &format!("other{i}"),
            i + 3,
            &text,
            &[name],
        ));
    }
    Index::from_resolutions([&resolution("TA-9-2024-0002", "2024-01-01", units)]).unwrap()
}

#[test]
fn without_a_cutoff_units_sharing_the_given_name_are_hits() {
    let results = index()
        .search(&SearchRequest::new("Yerlan Akhmetov"))
        .unwrap();
    assert_eq!(results.total, 3);
    assert_eq!(results.hits[0].label, "whole");
}

#[test]
fn a_cutoff_keeps_the_whole_name_and_counts_follow() {
    let index = index();
    let request = SearchRequest::new("Yerlan Akhmetov")
        .relative_cutoff(0.6)
        .unwrap()
        .facet_counts("/kind", 10);
    let results = index.search(&request).unwrap();
    let labels: Vec<&str> = results.hits.iter().map(|h| h.label.as_str()).collect();
    assert_eq!(labels, ["whole"]);
    assert_eq!(results.total, 1);
    let kinds: Vec<(String, usize)> = results.facets["/kind"]
        .iter()
        .map(|c| (c.path.clone(), c.count))
        .collect();
    assert_eq!(kinds, [("/kind/paragraph".to_string(), 1)]);

    // With no hits asked for, the total still follows the cutoff.
    let counted = index
        .search(
            &SearchRequest::new("Yerlan Akhmetov")
                .relative_cutoff(0.6)
                .unwrap()
                .limit(0),
        )
        .unwrap();
    assert_eq!(counted.total, 1);
    assert!(counted.hits.is_empty());
}

#[test]
fn a_zero_cutoff_keeps_every_hit_and_ties_survive_a_full_cutoff() {
    let index = index();
    let all = index
        .search(
            &SearchRequest::new("Yerlan Akhmetov")
                .relative_cutoff(0.0)
                .unwrap(),
        )
        .unwrap();
    assert_eq!(all.total, 3);
    // Units matching the one word equally well all stay, whatever the share.
    let given = index
        .search(
            &SearchRequest::new("Bekov OR Omarov")
                .relative_cutoff(1.0)
                .unwrap(),
        )
        .unwrap();
    assert_eq!(given.total, 2, "{:?}", given.hits);
}

#[test]
fn a_cutoff_outside_0_1_is_an_error() {
    for share in [-0.1, 1.5, f32::NAN] {
        let err = SearchRequest::new("Yerlan")
            .relative_cutoff(share)
            .unwrap_err();
        assert!(matches!(err, Error::InvalidArgument(_)), "{share}: {err}");
    }
}
