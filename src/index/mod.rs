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
//!   `/law/<instrument>/<article or rule>`, and the dates a unit mentions as
//!   `/mentioned/YYYY/MM/DD`).
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
//! recital
//!     .entities
//!     .push(Entity::new(EntityKind::Person, "Max Bokayev", start));
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
pub(crate) mod memo;
pub mod pipeline;
mod schema;
pub(crate) mod stored;
mod tokenizer;

use std::path::Path;
use std::sync::Arc;

use tantivy::schema::{Facet, TantivyDocument};
use tantivy::{IndexReader, ReloadPolicy, Term};

use self::memo::SegmentMemo;
use crate::error::Error;
use crate::model::EntityKind;
use crate::model::{Resolution, Unit};

pub use self::schema::SCHEMA_VERSION;

pub(crate) use self::schema::name as field_name;
pub(crate) use self::schema::{date_number, date_number_upper, Fields};
pub(crate) use self::tokenizer::text_analyzer;

/// Memory given to the indexing threads by default, in bytes.
pub const DEFAULT_WRITER_MEMORY: usize = 50_000_000;

/// How an [`IndexWriter`] indexes: its memory budget and its indexing threads.
///
/// ```
/// use whereas::index::WriterOptions;
/// use whereas::Index;
///
/// let index = Index::in_ram()?;
/// let writer = index.writer_with(WriterOptions::default().memory(100_000_000).threads(2))?;
/// # drop(writer);
/// // Each thread needs at least 15 MB: the budget is refused with the reason.
/// let err = index.writer_with(WriterOptions::default().memory(1_000_000)).unwrap_err();
/// assert!(err.to_string().contains("memory"), "{err}");
/// # Ok::<(), whereas::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriterOptions {
    memory: usize,
    threads: usize,
}

impl Default for WriterOptions {
    /// [`DEFAULT_WRITER_MEMORY`] bytes, one thread.
    fn default() -> WriterOptions {
        WriterOptions {
            memory: DEFAULT_WRITER_MEMORY,
            threads: 1,
        }
    }
}

impl WriterOptions {
    /// The memory budget of all indexing threads together, in bytes: past it, the
    /// writer flushes a segment to disk. At least 15 MB per thread.
    pub fn memory(mut self, bytes: usize) -> WriterOptions {
        self.memory = bytes;
        self
    }

    /// The number of indexing threads (1 to 8). More threads index a large batch
    /// faster and write more, smaller segments.
    pub fn threads(mut self, threads: usize) -> WriterOptions {
        self.threads = threads;
        self
    }

    fn check(&self) -> crate::Result<()> {
        const MIN_PER_THREAD: usize = 15_000_000;
        if !(1..=8).contains(&self.threads) {
            return Err(Error::InvalidArgument(format!(
                "writer threads {} is not between 1 and 8",
                self.threads
            )));
        }
        if self.memory / self.threads < MIN_PER_THREAD {
            return Err(Error::InvalidArgument(format!(
                "writer memory {} bytes for {} thread(s) is below the {MIN_PER_THREAD} bytes each thread needs",
                self.memory, self.threads
            )));
        }
        Ok(())
    }
}

/// When an [`Index`] handle's searches see new commits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Reload {
    /// At once for this handle's own writers' commits, within a moment for another
    /// process's (the default).
    #[default]
    OnCommit,
    /// Only when [`Index::reload`] is called: searches see one fixed state of the
    /// index (as of opening or of the last reload) however often it is written.
    Manual,
}

/// One resolution in an index: what [`Index::resolutions`] lists.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct ResolutionSummary {
    /// Its reference (`TA-9-2021-0056`).
    pub reference: String,
    /// Its title, if known.
    pub title: Option<String>,
    /// The date it was adopted (ISO 8601), if known.
    pub date: Option<String>,
    /// How many of its units the index holds.
    pub units: usize,
}

/// The payload key under which the schema version is recorded in tantivy's meta.json.
const VERSION_KEY: &str = "whereas_schema_version";

/// A searchable collection of resolution units, in RAM or in a folder.
///
/// Readers see each commit as soon as it lands, whether it comes from this handle's
/// [`IndexWriter`] (reloaded at once) or from another process writing the same
/// folder (picked up within a moment); [`Index::with_reload`] can make that manual.
///
/// # Sharing across threads
///
/// `Index` is `Send + Sync` and cheap to clone: clones share the index, its reader
/// and its caches (as tantivy's own `Index` does). Search from any number of threads
/// at once, through `&Index`, an `Arc<Index>` or clones. Writing is one
/// [`IndexWriter`] at a time per index (a second is [`Error::Locked`]); the writer is
/// `Send`, so it can live on its own thread while others search, and its commits
/// become visible to every clone.
///
/// ```
/// use whereas::{Index, SearchRequest};
///
/// let index = Index::from_resolutions([&whereas::bundled::kazakhstan_2021()?])?;
/// let handles: Vec<_> = ["Jumagulov", "Жумагулов"]
///     .into_iter()
///     .map(|query| {
///         let index = index.clone();
///         std::thread::spawn(move || index.search(&SearchRequest::new(query)).map(|r| r.total))
///     })
///     .collect();
/// for handle in handles {
///     assert_eq!(handle.join().unwrap()?, 2);
/// }
/// # Ok::<(), whereas::Error>(())
/// ```
#[derive(Clone)]
pub struct Index {
    index: tantivy::Index,
    fields: Fields,
    reader: IndexReader,
    reload: Reload,
    /// What searches derive from a segment alone, kept across searches.
    memo: Arc<SegmentMemo>,
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
    /// [`Error::Io`] if `dir` is not a folder, [`Error::NoIndex`] if it holds no
    /// index, [`Error::SchemaVersion`] if the index was written by another version of
    /// whereas or by something else.
    pub fn open(dir: impl AsRef<Path>) -> crate::Result<Index> {
        let dir = dir.as_ref();
        check_dir(dir)?;
        if !dir.join("meta.json").exists() {
            return Err(Error::NoIndex {
                path: dir.to_path_buf(),
            });
        }
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
        let reader = reader(&index, Reload::OnCommit)?;
        let this = Index {
            index,
            fields,
            reader,
            reload: Reload::OnCommit,
            memo: Arc::default(),
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
        let reader = reader(&index, Reload::OnCommit)?;
        Ok(Index {
            index,
            fields,
            reader,
            reload: Reload::OnCommit,
            memo: Arc::default(),
        })
    }

    /// A writer for this index, with the default [`WriterOptions`]. Only one writer may
    /// be open on an index at a time (across processes too): a second one is
    /// [`Error::Locked`].
    pub fn writer(&self) -> crate::Result<IndexWriter> {
        self.writer_with(WriterOptions::default())
    }

    /// A writer with this memory budget and these indexing threads.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a budget or a thread count out of range,
    /// [`Error::Locked`] when another writer is open.
    pub fn writer_with(&self, options: WriterOptions) -> crate::Result<IndexWriter> {
        options.check()?;
        let writer = self
            .index
            .writer_with_num_threads(options.threads, options.memory)
            .map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => Error::Locked { source: e },
                e => Error::Index(e),
            })?;
        Ok(IndexWriter {
            writer,
            fields: self.fields,
            reader: self.reader.clone(),
            reload: self.reload,
        })
    }

    /// This index with another [`Reload`] policy for its searches (and for those of its
    /// clones made afterwards). The index itself is shared, not copied.
    ///
    /// ```
    /// use whereas::index::Reload;
    /// use whereas::Index;
    ///
    /// let index = Index::in_ram()?.with_reload(Reload::Manual)?;
    /// let mut writer = index.writer()?;
    /// writer.add(&whereas::bundled::kazakhstan_2021()?)?;
    /// writer.commit()?;
    /// assert_eq!(index.num_units(), 0, "not reloaded yet");
    /// index.reload()?;
    /// assert!(index.num_units() > 0);
    /// # Ok::<(), whereas::Error>(())
    /// ```
    pub fn with_reload(self, policy: Reload) -> crate::Result<Index> {
        let reader = reader(&self.index, policy)?;
        Ok(Index {
            reader,
            reload: policy,
            ..self
        })
    }

    /// Number of units visible to searches.
    pub fn num_units(&self) -> usize {
        // tantivy counts documents in u64; an index holds at most u32::MAX per
        // segment and cannot outgrow the address space that holds its readers.
        usize::try_from(self.reader.searcher().num_docs()).unwrap_or(usize::MAX)
    }

    /// The resolutions in the index, by reference, with how many units each has.
    pub fn resolutions(&self) -> crate::Result<Vec<ResolutionSummary>> {
        use tantivy::collector::{FacetCollector, TopDocs};
        use tantivy::query::{AllQuery, TermQuery};
        use tantivy::schema::IndexRecordOption;

        let searcher = self.searcher();
        let mut collector = FacetCollector::for_field(facet_field_name());
        // The root of facet::resolution's paths.
        let root = Facet::from_path(["resolution"]);
        collector.add_facet(root.clone());
        let counts = searcher.search(&AllQuery, &collector)?;
        let mut out = Vec::new();
        for (facet, units) in counts.get(&root.to_string()) {
            let Some(reference) = facet.to_path().last().map(|s| s.to_string()) else {
                continue;
            };
            let term = Term::from_field_text(self.fields.reference, &reference);
            let query = TermQuery::new(term, IndexRecordOption::Basic);
            let first = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
            let (title, date) = match first.first() {
                Some((_, address)) => {
                    let doc: TantivyDocument = searcher.doc(*address)?;
                    let text = |field| {
                        doc.get_first(field)
                            .and_then(|v| tantivy::schema::Value::as_str(&v).map(str::to_string))
                    };
                    (text(self.fields.title), text(self.fields.date))
                }
                None => (None, None),
            };
            out.push(ResolutionSummary {
                reference,
                title,
                date,
                units: usize::try_from(units).unwrap_or(usize::MAX),
            });
        }
        out.sort_by(|a, b| a.reference.cmp(&b.reference));
        Ok(out)
    }

    /// Makes the latest commit visible now: needed under [`Reload::Manual`], and to see
    /// another process's commits at once rather than within a moment.
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

    /// The per-segment values searches keep (see [`memo`]).
    pub(crate) fn memo(&self) -> &Arc<SegmentMemo> {
        &self.memo
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

fn reader(index: &tantivy::Index, policy: Reload) -> crate::Result<IndexReader> {
    let policy = match policy {
        Reload::OnCommit => ReloadPolicy::OnCommitWithDelay,
        Reload::Manual => ReloadPolicy::Manual,
    };
    Ok(index.reader_builder().reload_policy(policy).try_into()?)
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
    reload: Reload,
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
        self.delete_term(&reference);
        for unit in &resolution.units {
            let doc = document(&self.fields, &reference, resolution, unit);
            self.writer.add_document(doc)?;
        }
        Ok(resolution.units.len())
    }

    /// Deletes every unit of the resolution with this reference, in any of its
    /// spellings (at the next commit). Returns how many units that removes from the
    /// index as last committed (units added by this writer and not committed yet are
    /// removed too, uncounted); 0 when the index holds no such resolution.
    pub fn delete(&mut self, reference: &str) -> crate::Result<usize> {
        use tantivy::collector::Count;
        use tantivy::query::TermQuery;

        let reference = normalized_reference(reference);
        let term = Term::from_field_text(self.fields.reference, &reference);
        let query = TermQuery::new(term, tantivy::schema::IndexRecordOption::Basic);
        // Under Reload::Manual this handle's reader may lag behind the last commit:
        // count on a fresh reader of it then.
        let searcher = match self.reload {
            Reload::OnCommit => self.reader.searcher(),
            Reload::Manual => self.writer.index().reader()?.searcher(),
        };
        let units = searcher.search(&query, &Count)?;
        self.delete_term(&reference);
        Ok(units)
    }

    fn delete_term(&mut self, reference: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.reference, reference));
    }

    /// Makes everything added or deleted so far durable and visible to searches.
    /// Returns tantivy's opstamp of the commit.
    pub fn commit(&mut self) -> crate::Result<u64> {
        let mut prepared = self.writer.prepare_commit()?;
        prepared.set_payload(&version_payload());
        let opstamp = prepared.commit()?;
        if self.reload == Reload::OnCommit {
            self.reader.reload()?;
        }
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
        if self.reload == Reload::OnCommit {
            self.reader.reload()?;
        }
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
    facet::unit(reference, unit)
        .into_iter()
        .map(Facet::from_path)
        .collect()
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
