//! The index's life: create, reopen, replace, delete, commit visibility, versions.

use crate::support::fixtures;

use fixtures::{kazakhstan, other, KZ, OTHER};
use whereas::{Error, Index, SearchRequest, UnitKind, SCHEMA_VERSION};

fn ids(index: &Index, query: &str) -> Vec<String> {
    let results = index
        .search(&SearchRequest::new(query).limit(100))
        .expect("search");
    results.hits.into_iter().map(|h| h.id).collect()
}

#[test]
fn reopening_an_on_disk_index_keeps_its_units() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("idx");
    {
        let index = Index::create(&path).unwrap();
        let mut writer = index.writer().unwrap();
        assert_eq!(writer.add(&kazakhstan()).unwrap(), 6);
        writer.commit().unwrap();
    }
    let index = Index::open(&path).unwrap();
    assert_eq!(index.num_units(), 6);
    assert_eq!(ids(&index, "Bokayev"), [format!("{KZ}/recital/A")]);

    // Reopened, it takes more resolutions.
    let mut writer = index.writer().unwrap();
    writer.add(&other()).unwrap();
    writer.commit().unwrap();
    assert_eq!(index.num_units(), 9);
    drop(writer);
    drop(index);
    assert_eq!(Index::open_or_create(&path).unwrap().num_units(), 9);
}

#[test]
fn open_or_create_creates_then_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fresh");
    let index = Index::open_or_create(&path).unwrap();
    assert_eq!(index.num_units(), 0);
    drop(index);
    // A fresh index is already a whereas index: it opens.
    assert_eq!(Index::open(&path).unwrap().num_units(), 0);
    // create refuses to overwrite.
    assert!(matches!(Index::create(&path), Err(Error::Index(_))));
}

#[test]
fn adding_a_resolution_again_replaces_its_units() {
    let index = Index::in_ram().unwrap();
    let mut writer = index.writer().unwrap();
    writer.add(&kazakhstan()).unwrap();
    writer.add(&other()).unwrap();
    writer.commit().unwrap();
    assert_eq!(index.num_units(), 9);

    // Same reference, edited text, one unit fewer: replaced, not duplicated.
    let mut edited = kazakhstan();
    edited.units.pop();
    edited.units[1].text = edited.units[1].text.replace("tortured", "beaten");
    edited.units[1].entities.clear();
    writer.add(&edited).unwrap();
    writer.commit().unwrap();
    assert_eq!(index.num_units(), 8);
    let bokayev = ids(&index, "Bokayev");
    assert_eq!(bokayev.len(), 2, "{bokayev:?}");
    assert_eq!(bokayev.iter().filter(|id| id.starts_with(KZ)).count(), 1);
    assert!(ids(&index, "beaten").contains(&format!("{KZ}/recital/A")));

    // Twice within one batch: still one copy.
    writer.add(&kazakhstan()).unwrap();
    writer.add(&kazakhstan()).unwrap();
    writer.commit().unwrap();
    assert_eq!(index.num_units(), 9);
    let all = ids(&index, "");
    let unique: std::collections::HashSet<_> = all.iter().collect();
    assert_eq!(unique.len(), all.len());
}

#[test]
fn delete_removes_every_unit_of_one_resolution() {
    let index = Index::from_resolutions([&kazakhstan(), &other()]).unwrap();
    let mut writer = index.writer().unwrap();
    assert_eq!(writer.delete(OTHER).unwrap(), 3);
    writer.commit().unwrap();
    assert_eq!(index.num_units(), 6);
    assert!(ids(&index, "torture").iter().all(|id| id.starts_with(KZ)));
}

#[test]
fn readers_see_commits_while_the_writer_keeps_working() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    // A second handle on the same folder, as another reader process would have.
    let reader = Index::open(dir.path()).unwrap();
    let mut writer = index.writer().unwrap();
    writer.add(&kazakhstan()).unwrap();
    assert_eq!(index.num_units(), 0, "nothing visible before commit");
    writer.commit().unwrap();
    assert_eq!(index.num_units(), 6);
    writer.add(&other()).unwrap();
    assert_eq!(index.num_units(), 6, "uncommitted work stays invisible");
    reader.reload().unwrap();
    assert_eq!(reader.num_units(), 6);
    writer.commit().unwrap();
    reader.reload().unwrap();
    assert_eq!(reader.num_units(), 9);
    writer.rollback().unwrap();
    assert_eq!(index.num_units(), 9);
}

#[test]
fn a_resolution_without_reference_is_refused() {
    let index = Index::in_ram().unwrap();
    let mut writer = index.writer().unwrap();
    let mut r = kazakhstan();
    r.reference = None;
    assert!(matches!(writer.add(&r), Err(Error::InvalidArgument(_))));
}

/// Rewrites the payload of the index's meta.json.
fn set_payload(dir: &std::path::Path, payload: serde_json::Value) {
    let meta = dir.join("meta.json");
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta).unwrap()).unwrap();
    json["payload"] = payload;
    std::fs::write(&meta, json.to_string()).unwrap();
}

#[test]
fn an_index_of_another_version_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    Index::create(dir.path()).unwrap();
    let future = SCHEMA_VERSION + 1;
    set_payload(
        dir.path(),
        serde_json::Value::String(format!(r#"{{"whereas_schema_version":{future}}}"#)),
    );
    match Index::open(dir.path()) {
        Err(Error::SchemaVersion { expected, found }) => {
            assert_eq!(expected, SCHEMA_VERSION);
            assert_eq!(found, future.to_string());
        }
        other => panic!("expected SchemaVersion, got {other:?}"),
    }
}

#[test]
fn a_foreign_tantivy_index_is_a_clear_error() {
    use tantivy::schema::{Schema, TEXT};
    let dir = tempfile::tempdir().unwrap();
    let mut b = Schema::builder();
    b.add_text_field("body", TEXT);
    let foreign = tantivy::Index::create_in_dir(dir.path(), b.build()).unwrap();
    let mut w: tantivy::IndexWriter = foreign.writer(15_000_000).unwrap();
    w.commit().unwrap();
    drop(w);
    match Index::open(dir.path()) {
        Err(Error::SchemaVersion { found, .. }) => assert_eq!(found, "none"),
        other => panic!("expected SchemaVersion, got {other:?}"),
    }
    // Right version number, wrong fields: still refused.
    set_payload(
        dir.path(),
        serde_json::Value::String(format!(r#"{{"whereas_schema_version":{SCHEMA_VERSION}}}"#)),
    );
    match Index::open(dir.path()) {
        Err(Error::SchemaVersion { found, .. }) => assert!(found.contains("different schema")),
        other => panic!("expected SchemaVersion, got {other:?}"),
    }
}

#[test]
fn bad_paths_are_errors_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        Index::open(dir.path().join("missing")),
        Err(Error::Io { .. })
    ));
    // An empty folder is not an index.
    let err = Index::open(dir.path()).unwrap_err();
    assert!(matches!(err, Error::NoIndex { .. }), "{err:?}");
    let file = dir.path().join("file");
    std::fs::write(&file, "x").unwrap();
    assert!(matches!(Index::open(&file), Err(Error::Io { .. })));
}

#[test]
fn kind_survives_the_round_trip() {
    let index = Index::from_resolutions([&kazakhstan()]).unwrap();
    let results = index.search(&SearchRequest::new("").limit(100)).unwrap();
    let mut kinds: Vec<UnitKind> = results.hits.iter().map(|h| h.kind).collect();
    kinds.sort();
    kinds.dedup();
    assert_eq!(
        kinds,
        [
            UnitKind::Citation,
            UnitKind::Recital,
            UnitKind::Paragraph,
            UnitKind::Footnote
        ]
    );
}

#[test]
fn finishing_merges_segments_and_keeps_units_and_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("merged");
    let corpus = whereas::synth::Corpus::new(7);
    let index = Index::create(&path).unwrap();
    let mut writer = index.writer().unwrap();
    let mut references = Vec::new();
    // One commit per resolution: many small segments, which tantivy merges.
    for generated in corpus.resolutions(600) {
        let mut resolution = whereas::segment(&generated.text).unwrap();
        whereas::entity::annotate(&mut resolution);
        references.push(resolution.reference.clone().unwrap());
        writer.add(&resolution).unwrap();
        writer.commit().unwrap();
    }
    let before = index.num_units();
    let hits_before = index
        .search(&SearchRequest::new("torture").limit(0))
        .unwrap();
    writer.finish().unwrap();
    let segments = index.tantivy().searchable_segment_ids().unwrap().len();
    assert!(
        segments < references.len(),
        "{segments} segments for {} commits",
        references.len()
    );
    assert_eq!(index.num_units(), before);
    let hits_after = index
        .search(&SearchRequest::new("torture").limit(0))
        .unwrap();
    assert_eq!(hits_after.total, hits_before.total);
    drop(index);
    // The merged index still says which schema wrote it.
    let reopened = Index::open(&path).unwrap();
    assert_eq!(reopened.num_units(), before);
}
