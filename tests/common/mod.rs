//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// The bundled seed resolution (a copy of `shared/corpus/TA-9-2021-0056_EN.txt`).
pub const SEED: &str = include_str!("../../data/TA-9-2021-0056_EN.txt");

/// Where the project's shared data lives: `$WHEREAS_SHARED`, else `../shared` beside the
/// crate. `None` (and a plain message on stderr) where it is absent, as in a user's clone.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("WHEREAS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    if dir.join("corpus").is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: shared data not found at {} (set WHEREAS_SHARED); this test checks nothing here",
            dir.display()
        );
        None
    }
}

/// Reads `shared/<rel>` as UTF-8, or returns `None` (test skipped) when shared data is absent.
pub fn shared_text(rel: &str) -> Option<String> {
    let dir = shared_dir()?;
    let path = dir.join(rel);
    Some(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}
