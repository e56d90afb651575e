//! The names and distractors TSV files of the dev set (and of any set of the same
//! shape): one row per attested spelling. Shared by the index-level evaluation
//! (`eval`) and the name-analysis evaluation (`tests/name/dev.rs`).
#![allow(dead_code)]

use std::path::Path;

/// One row of a names or distractors TSV
/// (`entity_id  canonical  variant  script  system  source`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Stable id of the person.
    pub entity_id: String,
    /// The person's name as the corpus writes it.
    pub canonical: String,
    /// One attested spelling.
    pub variant: String,
    /// `Latn` or `Cyrl`.
    pub script: String,
    /// Romanisation system or source language.
    pub system: String,
}

/// Parses a TSV with the header `entity_id canonical variant script system …`.
/// `name` is used in error messages.
pub fn parse_tsv(name: &str, text: &str) -> Result<Vec<Row>, String> {
    let mut lines = text.lines().enumerate();
    let header: Vec<&str> = match lines.next() {
        Some((_, h)) => h.split('\t').collect(),
        None => return Err(format!("{name}: empty file")),
    };
    if header.len() < 5 || header[..5] != ["entity_id", "canonical", "variant", "script", "system"]
    {
        return Err(format!(
            "{name}: header must start with entity_id, canonical, variant, script, system; got {header:?}"
        ));
    }
    let mut rows = Vec::new();
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 5 || f[..3].iter().any(|s| s.trim().is_empty()) {
            return Err(format!(
                "{name}:{}: expected 5 non-empty fields: {line:?}",
                i + 1
            ));
        }
        rows.push(Row {
            entity_id: f[0].to_string(),
            canonical: f[1].to_string(),
            variant: f[2].to_string(),
            script: f[3].to_string(),
            system: f[4].to_string(),
        });
    }
    Ok(rows)
}

/// Reads and parses a TSV file.
pub fn read_tsv(path: &Path) -> Result<Vec<Row>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse_tsv(&path.display().to_string(), &text)
}
