//! Two adjacent query words that match one unit's adjacent name words (through any
//! key channel) name one person: such a unit outranks a unit matching one word only,
//! however exactly. Here the unit names the person by given name and patronymic
//! (`Akhmetovich`) where the query has the surname (`Akhmetov`): only the related
//! channel joins them. (A surname in the other convention, `Akhmetuly`, now shares a
//! translit key: see `name::token_keys`.)

use crate::support::fixtures;

use fixtures::{resolution, unit};
use whereas::{token_keys, Index, SearchRequest, UnitKind};

#[test]
fn whole_name_through_related_keys_outranks_an_exact_given_name() {
    // Premises: the given names share only a transliteration key, the surnames only a
    // related key; if the keys change, this test needs other spellings.
    let (q_given, q_surname) = (token_keys("Yerlan"), token_keys("Akhmetov"));
    let (d_given, d_surname) = (token_keys("Erlan"), token_keys("Akhmetovich"));
    assert_ne!(q_given.folded, d_given.folded);
    assert!(q_given
        .translit
        .iter()
        .any(|k| d_given.translit.contains(k)));
    assert!(!q_surname
        .translit
        .iter()
        .any(|k| d_surname.translit.contains(k)));
    assert!(q_surname
        .related
        .iter()
        .any(|k| d_surname.related.contains(k)));

    let mut units = vec![
        unit(
            UnitKind::Paragraph,
            "whole",
            0,
            "whereas Erlan Akhmetovich was arrested;",
            &[],
        ),
        unit(
            UnitKind::Paragraph,
            "given",
            1,
            "whereas Yerlan Bekov was fined;",
            &[],
        ),
    ];
    // Other people, so that term statistics are those of a real resolution, not of two
    // units.
    let others = [
        "Aigerim Tleuzhan",
        "Daniyar Seitkali",
        "Marat Omarov",
        "Gulnara Bekturova",
        "Nurlan Kaliyev",
        "Saule Mukhamedova",
        "Timur Dzhaksybekov",
        "Aliya Sarsenova",
        "Kanat Baimukhanov",
        "Zhanna Iskakova",
        "Ruslan Tokhtarov",
        "Asem Zhaksylykova",
        "Berik Nurmagambetov",
        "Dana Kuanysheva",
        "Ilyas Sadykov",
        "Madina Ermekova",
        "Olzhas Temirkhanov",
        "Bibigul Zhunusova",
        "Serik Abenov",
        "Lyazzat Amanova",
    ];
    for (i, name) in others.iter().enumerate() {
        let text = format!("whereas {name} was questioned;");
        units.push(unit(
            UnitKind::Paragraph,
            &format!("other{i}"),
            i + 2,
            &text,
            &[],
        ));
    }
    let index =
        Index::from_resolutions([&resolution("TA-9-2024-0001", "2024-01-01", units)]).unwrap();
    let hits = index
        .search(&SearchRequest::new("Yerlan Akhmetov"))
        .unwrap()
        .hits;
    let labels: Vec<&str> = hits.iter().map(|h| h.label.as_str()).collect();
    assert_eq!(labels.first(), Some(&"whole"), "{labels:?}");
}
