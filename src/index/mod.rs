//! Units → tantivy index.
//!
//! In: [`Resolution`]s whose units carry their entities. Out: an [`Index`], in RAM or
//! on disk, with one tantivy document per unit, searched with
//! [`SearchRequest`](crate::SearchRequest).
//!
//! Each unit is indexed
//! - as prose (`text`: NFKC, lower case, English stop words and stemming, BM25);
//! - through four name channels, one field each, holding the [`crate::token_keys`] of
//!   every word that can be a name (one with a capital letter, or in a script without
//!   case; not only the names the entity stage found) at the word's position:
//!   `name_exact`, `name_folded`, `name_translit`, `name_related`;
//! - by entity (`person`, `org`, `place`, `law`: the entity texts, keyed like names);
//! - as facets (`/kind/…`, `/resolution/…`, `/person/…`, `/org/…`, `/place/…`,
//!   `/law/<instrument>/<article or rule>`, `/date/YYYY/MM/DD`).
//!
//! Invariants: a resolution's units are replaced as a whole when it is added again
//! (the reference is the key), so an index never holds two copies of a unit; an index
//! records its schema version in every commit, and opening an index written by
//! another version, or a tantivy index that whereas did not write, is
//! [`Error::SchemaVersion`], never a panic.
//!
//! # Example
//!
//! ```
//! use whereas::Index;
//! use whereas::SearchRequest;
//! use whereas::{Entity, EntityKind, UnitKind};
//!
//! # fn main() -> whereas::Result<()> {
//! let text = "Resolution on Kazakhstan\n\n\
//!     A.\u{a0}whereas the human rights defender Max Bokayev was tortured in prison;\n\n\
//!     1. Calls for the release of Max Bokayev.\n";
//! let mut resolution = whereas::segment(text)?;
//! resolution.reference = Some("TA-9-2021-0056".into());
//! // The entity stage fills `entities`; one is added by hand here to show the facets.
//! let recital = &mut resolution.units[1]; // units[0] is the title
//! assert_eq!(recital.kind, UnitKind::Recital);
//! let start = recital.text.find("Max Bokayev").unwrap();
//! recital.entities.push(Entity {
//!     kind: EntityKind::Person,
//!     text: "Max Bokayev".into(),
//!     normalized: "Max Bokayev".into(),
//!     start,
//!     end: start + "Max Bokayev".len(),
//! });
//!
//! let index = Index::in_ram()?;
//! let mut writer = index.writer()?;
//! writer.add(&resolution)?;
//! writer.commit()?;
//!
//! // Recitals that speak of torture and name Max Bokayev, with the people they name.
//! let request = SearchRequest::new("torture")
//!     .kind(UnitKind::Recital)
//!     .facet("/person/Max Bokayev")
//!     .facet_counts("/person", 10);
//! let results = index.search(&request)?;
//! assert_eq!(results.total, 1);
//! for count in &results.facets["/person"] {
//!     println!("{} {}", count.count, count.path);
//! }
//! assert_eq!(results.facets["/person"][0].path, "/person/Max Bokayev");
//! # Ok(())
//! # }
//! ```

pub mod export;
pub mod facet;
mod schema;
pub(crate) mod stored;
mod tokenizer;

use std::path::Path;

use tantivy::schema::{Facet, TantivyDocument};
use tantivy::{IndexReader, ReloadPolicy, Term};

use crate::error::Error;
use crate::model::EntityKind;
use crate::model::{Resolution, Unit};

pub use self::schema::SCHEMA_VERSION;

pub(crate) use self::schema::{date_number, date_number_upper, Fields};
pub(crate) use self::tokenizer::text_analyzer;

/// Memory given to the indexing thread, in bytes.
const WRITER_MEMORY: usize = 50_000_000;

/// The payload key under which the schema version is recorded in tantivy's meta.json.
const VERSION_KEY: &str = "whereas_schema_version";

/// A searchable collection of resolution units, in RAM or in a folder.
///
/// Readers see each commit as soon as it lands, whether it comes from this handle's
/// [`IndexWriter`] (reloaded at once) or from another process writing the same
/// folder (picked up within a moment).
pub struct Index {
    index: tantivy::Index,
    fields: Fields,
    reader: IndexReader,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("units", &self.num_units())
            .finish_non_exhaustive()
    }
}

impl Index {
    /// A new, empty index held in memory.
    pub fn in_ram() -> crate::Result<Index> {
        let (schema, _) = schema::build();
        let index = tantivy::Index::create_in_ram(schema);
        Index::init(index)
    }

    /// Creates a new, empty index in `dir` (created if missing). Fails if `dir` already
    /// holds an index.
    pub fn create(dir: impl AsRef<Path>) -> crate::Result<Index> {
        let dir = dir.as_ref();
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let (schema, _) = schema::build();
        let index = tantivy::Index::create_in_dir(dir, schema)?;
        Index::init(index)
    }

    /// Opens the index in `dir`.
    ///
    /// # Errors
    /// [`Error::Io`] if `dir` is not a folder, [`Error::Index`] if it holds no
    /// index, [`Error::SchemaVersion`] if the index was written by another version of
    /// whereas or by something else.
    pub fn open(dir: impl AsRef<Path>) -> crate::Result<Index> {
        let dir = dir.as_ref();
        check_dir(dir)?;
        let index = tantivy::Index::open_in_dir(dir)?;
        Index::attach(index)
    }

    /// Opens the index in `dir`, or creates it there if `dir` holds none.
    pub fn open_or_create(dir: impl AsRef<Path>) -> crate::Result<Index> {
        let dir = dir.as_ref();
        if dir.join("meta.json").is_file() {
            Index::open(dir)
        } else {
            Index::create(dir)
        }
    }

    /// Builds an in-RAM index of some resolutions, committed and ready to search.
    pub fn from_resolutions<'a>(
        resolutions: impl IntoIterator<Item = &'a Resolution>,
    ) -> crate::Result<Index> {
        let index = Index::in_ram()?;
        let mut writer = index.writer()?;
        for resolution in resolutions {
            writer.add(resolution)?;
        }
        writer.commit()?;
        Ok(index)
    }

    /// First commit of a new index: records the schema version.
    fn init(index: tantivy::Index) -> crate::Result<Index> {
        tokenizer::register(index.tokenizers());
        let (_, fields) = schema::build();
        let reader = reader(&index)?;
        let this = Index {
            index,
            fields,
            reader,
        };
        this.writer()?.commit()?;
        Ok(this)
    }

    /// Checks an existing tantivy index and wraps it.
    fn attach(index: tantivy::Index) -> crate::Result<Index> {
        let (expected_schema, fields) = schema::build();
        let payload = index.load_metas()?.payload;
        let found = payload.as_deref().and_then(version_of_payload);
        match found {
            None => {
                return Err(Error::SchemaVersion {
                    expected: SCHEMA_VERSION,
                    found: "none".into(),
                })
            }
            Some(v) if v != SCHEMA_VERSION => {
                return Err(Error::SchemaVersion {
                    expected: SCHEMA_VERSION,
                    found: v.to_string(),
                })
            }
            Some(v) if index.schema() != expected_schema => {
                return Err(Error::SchemaVersion {
                    expected: SCHEMA_VERSION,
                    found: format!("{v} with a different schema"),
                })
            }
            Some(_) => {}
        }
        tokenizer::register(index.tokenizers());
        let reader = reader(&index)?;
        Ok(Index {
            index,
            fields,
            reader,
        })
    }

    /// A writer for this index. Only one writer may be open on an index at a time
    /// (across processes too): a second one is [`Error::Locked`].
    pub fn writer(&self) -> crate::Result<IndexWriter> {
        let writer = self
            .index
            .writer_with_num_threads(1, WRITER_MEMORY)
            .map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => Error::Locked { source: e },
                e => Error::Index(e),
            })?;
        Ok(IndexWriter {
            writer,
            fields: self.fields,
            reader: self.reader.clone(),
        })
    }

    /// Number of units visible to searches.
    pub fn num_units(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Makes the latest commit visible now, rather than within a moment. Only needed
    /// to see another process's commits at once.
    pub fn reload(&self) -> crate::Result<()> {
        self.reader.reload()?;
        Ok(())
    }

    /// The tantivy index underneath, for what whereas does not wrap.
    pub fn tantivy(&self) -> &tantivy::Index {
        &self.index
    }

    pub(crate) fn fields(&self) -> &Fields {
        &self.fields
    }

    pub(crate) fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }
}

fn check_dir(dir: &Path) -> crate::Result<()> {
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(Error::Io {
            path: dir.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::NotADirectory, "not a folder"),
        }),
        Err(source) => Err(Error::Io {
            path: dir.to_path_buf(),
            source,
        }),
    }
}

fn reader(index: &tantivy::Index) -> crate::Result<IndexReader> {
    Ok(index
        .reader_builder()
        .reload_policy(ReloadPolicy::OnCommitWithDelay)
        .try_into()?)
}

fn version_payload() -> String {
    serde_json::json!({ VERSION_KEY: SCHEMA_VERSION }).to_string()
}

fn version_of_payload(payload: &str) -> Option<u32> {
    let value: serde_json::Value = serde_json::from_str(payload).ok()?;
    u32::try_from(value.get(VERSION_KEY)?.as_u64()?).ok()
}

/// Adds, replaces and deletes resolutions; nothing is visible until [`commit`].
///
/// [`commit`]: IndexWriter::commit
pub struct IndexWriter {
    writer: tantivy::IndexWriter,
    fields: Fields,
    reader: IndexReader,
}

impl std::fmt::Debug for IndexWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IndexWriter").finish_non_exhaustive()
    }
}

impl IndexWriter {
    /// Adds a resolution's units, replacing any units already indexed under the same
    /// reference. Returns the number of units added.
    ///
    /// The reference is stored in its normalised spelling
    /// ([`normalize_reference`](crate::normalize_reference)), so a resolution re-added as
    /// `P9_TA(2021)0056` replaces the one added as `TA-9-2021-0056`. A resolution none of
    /// whose units has an entity is annotated first
    /// ([`entity::annotate`](crate::entity::annotate), on a copy), so that a forgotten
    /// annotation does not index units without their entity fields and facets.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] if the resolution has no reference (the reference is
    /// what makes replacing possible).
    pub fn add(&mut self, resolution: &Resolution) -> crate::Result<usize> {
        let reference = normalized_reference(reference_of(resolution)?);
        let annotated;
        let resolution = if resolution.units.iter().all(|u| u.entities.is_empty()) {
            let mut copy = resolution.clone();
            crate::entity::annotate(&mut copy);
            annotated = copy;
            &annotated
        } else {
            resolution
        };
        self.delete(&reference);
        for unit in &resolution.units {
            let doc = document(&self.fields, &reference, resolution, unit);
            self.writer.add_document(doc)?;
        }
        Ok(resolution.units.len())
    }

    /// Deletes every unit of the resolution with this reference, in any of its
    /// spellings (at the next commit).
    pub fn delete(&mut self, reference: &str) {
        let reference = normalized_reference(reference);
        self.writer
            .delete_term(Term::from_field_text(self.fields.reference, &reference));
    }

    /// Makes everything added or deleted so far durable and visible to searches.
    /// Returns tantivy's opstamp of the commit.
    pub fn commit(&mut self) -> crate::Result<u64> {
        let mut prepared = self.writer.prepare_commit()?;
        prepared.set_payload(&version_payload());
        let opstamp = prepared.commit()?;
        self.reader.reload()?;
        Ok(opstamp)
    }

    /// Drops everything added or deleted since the last commit.
    pub fn rollback(&mut self) -> crate::Result<()> {
        self.writer.rollback()?;
        Ok(())
    }

    /// Closes the writer once the segment merges that commits started in the
    /// background are done, and makes the merged segments visible. Uncommitted
    /// changes are dropped, as when a writer is dropped.
    ///
    /// Searches see the same units before and after; after, they read fewer, larger
    /// segments, and the layout no longer changes under them, which is what a
    /// read-mostly archive and a benchmark want.
    pub fn finish(self) -> crate::Result<()> {
        self.writer.wait_merging_threads()?;
        self.reader.reload()?;
        Ok(())
    }
}

/// A reference in the spelling the index keeps: normalised when it is one of the
/// Parliament's ([`normalize_reference`](crate::normalize_reference)), else trimmed.
pub(crate) fn normalized_reference(reference: &str) -> String {
    let reference = reference.trim();
    crate::segment::normalize_reference(reference).unwrap_or_else(|| reference.to_string())
}

pub(crate) fn reference_of(resolution: &Resolution) -> crate::Result<&str> {
    match resolution.reference.as_deref().map(str::trim) {
        Some(r) if !r.is_empty() => Ok(r),
        _ => Err(Error::InvalidArgument(format!(
            "resolution has no reference (title: {})",
            resolution.title.as_deref().unwrap_or("none")
        ))),
    }
}

/// A unit's id: `REFERENCE/kind/LABEL`.
pub(crate) fn unit_id(reference: &str, unit: &Unit) -> String {
    format!("{reference}/{}/{}", unit.kind.as_str(), unit.label)
}

/// Every facet of a unit: its kind, its resolution, its entities.
pub(crate) fn unit_facets(reference: &str, unit: &Unit) -> Vec<Facet> {
    let mut facets = vec![
        Facet::from_path(facet::kind(unit.kind)),
        Facet::from_path(facet::resolution(reference)),
    ];
    for e in &unit.entities {
        let path = facet::entity(e);
        if path.len() > 1 && path.iter().all(|s| !s.is_empty()) {
            let facet = Facet::from_path(path);
            if !facets.contains(&facet) {
                facets.push(facet);
            }
        }
    }
    facets
}

fn document(
    fields: &Fields,
    reference: &str,
    resolution: &Resolution,
    unit: &Unit,
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.id, unit_id(reference, unit));
    doc.add_text(fields.reference, reference);
    doc.add_text(fields.kind, unit.kind.as_str());
    doc.add_text(fields.label, &unit.label);
    doc.add_u64(fields.ordinal, unit.ordinal as u64);
    if let Some(title) = &resolution.title {
        doc.add_text(fields.title, title);
    }
    if let Some(date) = &resolution.date {
        doc.add_text(fields.date, date);
        if let Some(n) = date_number(date) {
            doc.add_u64(fields.date_num, n);
        }
    }
    doc.add_text(fields.text, &unit.text);
    for field in [
        fields.name_exact,
        fields.name_folded,
        fields.name_translit,
        fields.name_related,
    ] {
        doc.add_text(field, &unit.text);
    }
    for e in &unit.entities {
        let field = match e.kind {
            EntityKind::Person => fields.person,
            EntityKind::Organisation => fields.org,
            EntityKind::Place => fields.place,
            EntityKind::Law => fields.law,
            EntityKind::Date => continue,
        };
        doc.add_text(field, &e.text);
        if e.normalized != e.text {
            doc.add_text(field, &e.normalized);
        }
    }
    for facet in unit_facets(reference, unit) {
        doc.add_facet(fields.facets, facet);
    }
    doc.add_text(fields.entities, stored::encode(&unit.text, &unit.entities));
    doc
}

/// Name of the facet field, for facet collectors.
pub(crate) fn facet_field_name() -> &'static str {
    schema::name::FACETS
}
