//! Helpers shared by the integration test binaries (`tests/<area>/main.rs`), each of
//! which includes this folder with `#[path = "../support/mod.rs"] mod support;`.
//!
//! - this file: the bundled seed, the shared data in `../shared`, the example binaries;
//! - [`fixtures`]: hand-built resolutions for the index and search tests;
//! - [`eval`]: the name-search evaluation through the real index (also used by
//!   `examples/name_eval.rs`), with the dev-set TSV rows in [`eval::rows`];
//! - [`names_common`]: the ranked-retrieval evaluation of the name analysis alone;
//! - [`quickwit_sim`], [`agreement`]: Quickwit simulated with tantivy, and how far its
//!   ranking of `whereas::scale`'s bodies agrees with whereas's.
#![allow(dead_code)]

pub mod agreement;
pub mod eval;
pub mod fixtures;
pub mod names_common;
pub mod quickwit_sim;

use std::path::PathBuf;
use std::sync::OnceLock;

use whereas::{Index, Resolution};

/// The bundled seed resolution (a copy of `shared/corpus/TA-9-2021-0056_EN.txt`).
pub const SEED: &str = include_str!("../../data/TA-9-2021-0056_EN.txt");

/// The seed resolution, segmented under its reference, its entities annotated, and
/// indexed in RAM: built once per test binary.
pub fn seed_index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut seed = whereas::Segmenter::new()
            .reference("TA-9-2021-0056")
            .segment(SEED)
            .expect("the seed segments");
        whereas::entity::annotate(&mut seed);
        Index::from_resolutions([&seed]).expect("the seed indexes")
    })
}

/// Where the project's shared data lives: `$WHEREAS_SHARED`, else `../shared` beside the
/// crate.
pub fn shared_root() -> PathBuf {
    std::env::var_os("WHEREAS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

/// Whether this is a CI run (`CI` set to anything but empty, `0` or `false`, as CI
/// services set `CI=true`): there, missing shared data is a failure, not a skip.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| {
        let v = v.trim();
        !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false")
    })
}

/// The path of `shared/<rel>`, for a test that needs that file.
///
/// - The file is there: `Some(path)`.
/// - Under `CI=true`, a missing file fails the test, naming the file.
/// - Otherwise, when the shared data is absent altogether (a user's clone without
///   `../shared`), `None` and a plain message on stderr: the caller skips its checks.
/// - A shared folder that is there but lacks the file fails the test, naming the file.
pub fn shared_path(rel: &str) -> Option<PathBuf> {
    let root = shared_root();
    let path = root.join(rel);
    if path.exists() {
        return Some(path);
    }
    if in_ci() {
        panic!(
            "shared data file missing: {} (CI=true: a test that needs ../shared fails without \
             it; set WHEREAS_SHARED to the folder that has corpus/ and dev/)",
            path.display()
        );
    }
    if root.join("corpus").is_dir() {
        panic!(
            "shared data file missing: {} (the shared folder {} is there without it)",
            path.display(),
            root.display()
        );
    }
    eprintln!(
        "SKIPPED: {} not found (no shared data at {}; set WHEREAS_SHARED): this test checks nothing here",
        path.display(),
        root.display()
    );
    None
}

/// Reads `shared/<rel>` as UTF-8; `None` (test skipped) as [`shared_path`] says.
pub fn shared_text(rel: &str) -> Option<String> {
    let path = shared_path(rel)?;
    Some(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// A command that runs example `name`: the binary `cargo test` builds beside the test
/// binaries (`target/<profile>/examples/`), else `cargo run --example name --`, so the
/// check runs either way. The working directory is the crate root.
pub fn example_command(name: &str) -> std::process::Command {
    let built = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.join("examples")))
        .map(|dir| dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX)))
        .filter(|path| path.is_file());
    let mut cmd = match built {
        Some(bin) => std::process::Command::new(bin),
        None => {
            let mut cmd = std::process::Command::new(env!("CARGO"));
            cmd.args(["run", "--quiet", "--example", name, "--"]);
            cmd
        }
    };
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// The proptest config of a property that runs `default_cases` cases by default.
///
/// It is proptest's own default config, so `PROPTEST_CASES` (and the other `PROPTEST_*`
/// variables) set the case count for a heavier run; only when `PROPTEST_CASES` is unset is
/// the count `default_cases` instead of proptest's 256. A shrunk failure is persisted in a
/// `<test file>.proptest-regressions` file beside the test's source (commit it: its cases
/// re-run first). That is proptest's file persistence with the file named after the
/// source: its default would put every binary's files in one `tests/proptest-regressions/`
/// folder (each area folder has a `main.rs`), where `segment/props.rs`, `name/props.rs`
/// and `reliability/props.rs` would share one `props.txt`.
pub fn proptest_config(default_cases: u32) -> proptest::test_runner::Config {
    let mut config = proptest::test_runner::Config::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = default_cases;
    }
    // None when PROPTEST_DISABLE_FAILURE_PERSISTENCE is set: left so.
    if config.failure_persistence.is_some() {
        config.failure_persistence = Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
        ));
    }
    config
}

/// The three corpus texts (the bundled resolution and the two motions in the shared
/// corpus) under their references, annotated; `None` (skipped) without the shared data
/// outside CI.
pub fn corpus_texts() -> Option<Vec<Resolution>> {
    let texts = [
        ("TA-9-2021-0056", SEED.to_string()),
        (
            "B-9-2020-0220",
            shared_text("corpus/B-9-2020-0220_public-health.txt")?,
        ),
        (
            "RC-10-2025-0249",
            shared_text("corpus/RC-10-2025-0249_ukraine-children.txt")?,
        ),
    ];
    let mut out = Vec::new();
    for (reference, text) in texts {
        let mut r = whereas::Segmenter::new()
            .reference(reference)
            .segment(&text)
            .expect("the corpus text segments");
        whereas::entity::annotate(&mut r);
        out.push(r);
    }
    Some(out)
}
