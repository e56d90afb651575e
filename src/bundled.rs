//! A resolution shipped with the crate, to try whereas without data of one's own.
//!
//! The European Parliament resolution of 11 February 2021 on the human rights situation
//! in Kazakhstan (TA-9-2021-0056), whose units name political prisoners, activists and
//! journalists that the press spells many ways. It is compiled into the crate, so
//! it is there from a dependent crate too, with no file to find.

use crate::model::Resolution;

/// The reference of [`KAZAKHSTAN_2021`].
pub const KAZAKHSTAN_2021_REFERENCE: &str = "TA-9-2021-0056";

/// The text of the resolution of 11 February 2021 on Kazakhstan, as published on the
/// Parliament's site (English; `data/TA-9-2021-0056_EN.txt` in the package).
pub const KAZAKHSTAN_2021: &str = include_str!("../data/TA-9-2021-0056_EN.txt");

/// [`KAZAKHSTAN_2021`] segmented into units, with its entities found: ready to index.
///
/// ```
/// let resolution = whereas::bundled::kazakhstan_2021()?;
/// assert_eq!(resolution.reference.as_deref(), Some("TA-9-2021-0056"));
/// assert_eq!(resolution.date.as_deref(), Some("2021-02-11"));
/// assert!(resolution.units.iter().any(|unit| !unit.entities.is_empty()));
/// # Ok::<(), whereas::Error>(())
/// ```
///
/// # Errors
/// None in practice (the text is fixed and a test segments it); the `Result` is the
/// segmenter's.
pub fn kazakhstan_2021() -> crate::Result<Resolution> {
    let mut resolution = crate::segment(KAZAKHSTAN_2021)?;
    resolution
        .reference
        .get_or_insert_with(|| KAZAKHSTAN_2021_REFERENCE.to_string());
    resolution.source = Some("whereas::bundled::KAZAKHSTAN_2021".to_string());
    crate::entity::annotate(&mut resolution);
    Ok(resolution)
}
