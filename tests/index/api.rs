//! The index API a user meets first: errors that say what and where, handles shared
//! across threads, writer options and the reload policy, deleting with a count, and
//! listing the resolutions held.

use crate::support::fixtures::{kazakhstan, other, KZ, OTHER};
use whereas::index::{Reload, WriterOptions};
use whereas::{Error, Index, SearchRequest};

#[test]
fn opening_an_empty_folder_says_it_holds_no_index_and_where() {
    let dir = tempfile::tempdir().unwrap();
    let err = Index::open(dir.path()).unwrap_err();
    assert!(matches!(err, Error::NoIndex { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains(&dir.path().display().to_string()),
        "{message}"
    );
    assert!(message.contains("no index"), "{message}");
}

#[test]
fn a_missing_folder_shows_the_operating_systems_reason() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    let reason = std::fs::metadata(&missing).unwrap_err().to_string();
    let message = Index::open(&missing).unwrap_err().to_string();
    assert!(
        message.contains(&missing.display().to_string()),
        "{message}"
    );
    assert!(message.contains(&reason), "{message} lacks {reason}");
}

#[test]
fn a_file_given_as_an_index_folder_says_it_is_not_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("index.txt");
    std::fs::write(&file, "not an index").unwrap();
    let message = Index::open(&file).unwrap_err().to_string();
    assert!(message.contains(&file.display().to_string()), "{message}");
    assert!(message.contains("not a folder"), "{message}");
}

#[test]
fn a_folder_given_as_a_file_says_why_it_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let reason = std::fs::read(dir.path()).unwrap_err().to_string();
    let message = whereas::load(dir.path()).unwrap_err().to_string();
    assert!(
        message.contains(&dir.path().display().to_string()),
        "{message}"
    );
    assert!(message.contains(&reason), "{message} lacks {reason}");
}

#[test]
fn a_second_writer_is_refused_with_tantivys_reason() {
    let index = Index::in_ram().unwrap();
    let _writer = index.writer().unwrap();
    let err = index.writer().unwrap_err();
    let source = std::error::Error::source(&err)
        .expect("a cause")
        .to_string();
    assert!(err.to_string().contains(&source), "{err}");
}

#[test]
fn clones_share_the_index_across_threads() {
    fn shareable<T: Send + Sync + Clone + 'static>() {}
    shareable::<Index>();

    let index = Index::in_ram().unwrap();
    let clone = index.clone();
    let mut writer = index.writer().unwrap();
    let writer_thread = std::thread::spawn(move || {
        writer.add(&kazakhstan()).unwrap();
        writer.commit().unwrap();
    });
    writer_thread.join().unwrap();
    let searchers: Vec<_> = (0..2)
        .map(|_| {
            let index = clone.clone();
            std::thread::spawn(move || index.search(&SearchRequest::new("Bokayev")).unwrap())
        })
        .collect();
    for searcher in searchers {
        assert_eq!(searcher.join().unwrap().total, 1);
    }
    assert_eq!(clone.num_units(), kazakhstan().units.len());
}

#[test]
fn delete_returns_how_many_units_it_removes() {
    let index = Index::in_ram().unwrap();
    let mut writer = index.writer().unwrap();
    writer.add(&kazakhstan()).unwrap();
    writer.add(&other()).unwrap();
    writer.commit().unwrap();
    assert_eq!(writer.delete(OTHER).unwrap(), other().units.len());
    assert_eq!(writer.delete("TA-0-0000-0000").unwrap(), 0);
    writer.commit().unwrap();
    assert_eq!(index.num_units(), kazakhstan().units.len());
    assert_eq!(writer.delete(OTHER).unwrap(), 0, "already deleted");
}

#[test]
fn resolutions_lists_each_reference_with_its_units() {
    let index = Index::from_resolutions([&kazakhstan(), &other()]).unwrap();
    let listed = index.resolutions().unwrap();
    let summary: Vec<(&str, Option<&str>, usize)> = listed
        .iter()
        .map(|r| (r.reference.as_str(), r.date.as_deref(), r.units))
        .collect();
    assert_eq!(
        summary,
        [
            (KZ, kazakhstan().date.as_deref(), kazakhstan().units.len()),
            (OTHER, other().date.as_deref(), other().units.len()),
        ]
    );
    assert_eq!(listed[0].title, kazakhstan().title);
    assert!(Index::in_ram().unwrap().resolutions().unwrap().is_empty());
}

#[test]
fn writer_options_are_used_and_checked() {
    let index = Index::in_ram().unwrap();
    for bad in [
        WriterOptions::default().threads(0),
        WriterOptions::default().threads(9),
        WriterOptions::default().threads(4).memory(40_000_000),
    ] {
        let err = index.writer_with(bad).unwrap_err();
        assert!(matches!(err, Error::InvalidArgument(_)), "{err:?}");
    }
    let mut writer = index
        .writer_with(WriterOptions::default().threads(2).memory(64_000_000))
        .unwrap();
    writer.add(&kazakhstan()).unwrap();
    writer.commit().unwrap();
    assert_eq!(index.num_units(), kazakhstan().units.len());
}

#[test]
fn a_manual_reload_policy_holds_searches_until_reload() {
    let index = Index::in_ram()
        .unwrap()
        .with_reload(Reload::Manual)
        .unwrap();
    let mut writer = index.writer().unwrap();
    writer.add(&kazakhstan()).unwrap();
    writer.commit().unwrap();
    assert_eq!(index.num_units(), 0);
    index.reload().unwrap();
    assert_eq!(index.num_units(), kazakhstan().units.len());
    // delete counts what the last commit holds, not what this handle sees.
    writer.add(&other()).unwrap();
    writer.commit().unwrap();
    assert_eq!(writer.delete(OTHER).unwrap(), other().units.len());
}

#[test]
fn the_bundled_resolution_is_reachable_from_the_api() {
    let resolution = whereas::bundled::kazakhstan_2021().unwrap();
    assert_eq!(
        resolution.reference.as_deref(),
        Some(whereas::bundled::KAZAKHSTAN_2021_REFERENCE)
    );
    let on_disk = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/TA-9-2021-0056_EN.txt"),
    )
    .unwrap();
    assert_eq!(whereas::bundled::KAZAKHSTAN_2021, on_disk);
    let index = Index::from_resolutions([&resolution]).unwrap();
    assert_eq!(index.num_units(), resolution.units.len());
}

#[test]
fn tantivy_is_reachable_through_whereas() {
    let index = Index::in_ram().unwrap();
    let tantivy: &whereas::tantivy::Index = index.tantivy();
    assert!(tantivy.schema().get_field("reference").is_ok());
    let err: whereas::tantivy::TantivyError =
        whereas::tantivy::TantivyError::InvalidArgument("x".into());
    assert!(Error::from(err).to_string().contains('x'));
}

/// The README's Rust blocks as they render on a code host: no hidden `# ` lines (shown
/// literally there) and no path into this repository (absent from a dependent crate).
#[test]
fn the_readme_tour_renders_clean_and_needs_no_file_of_the_repository() {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let mut blocks = 0;
    let mut in_rust = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_rust = line == "```rust";
            blocks += usize::from(in_rust);
            continue;
        }
        if in_rust {
            assert!(
                !(line.starts_with("# ") || line == "#"),
                "hidden line: {line}"
            );
            assert!(!line.contains("\"data/"), "repository path: {line}");
        }
    }
    assert!(blocks > 0, "the README has a Rust tour");
}
