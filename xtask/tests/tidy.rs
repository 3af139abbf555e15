//! Tidy checks on the repository itself: they fail with what to fix.

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

use std::fs;
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn rust_sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_sources(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn every_module_says_what_it_is_for() {
    let root = workspace();
    let mut sources = Vec::new();
    for dir in ["crates/model/src", "crates/i18n/src", "crates/renderer/src", "xtask/src", "xtask/tests", "tests"] {
        rust_sources(&root.join(dir), &mut sources);
    }
    let undocumented: Vec<String> = sources
        .iter()
        .filter(|path| !fs::read_to_string(path).unwrap().starts_with("//!"))
        .map(|path| path.strip_prefix(&root).unwrap().display().to_string())
        .collect();
    assert!(
        undocumented.is_empty(),
        "start these files with a `//!` comment saying what they are for: {undocumented:?}"
    );
}

/// Message ids defined in a locale's `.ftl` file, in order; none if there is no such file.
fn message_ids(path: &Path) -> Vec<String> {
    fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once(" =").map(|(id, _)| id.to_owned()))
        .collect()
}

/// Every real locale (a directory under `locales/`) translates every interface string of English,
/// and nothing English no longer has. Pseudolocales have no directory: they are English.
#[test]
fn every_locale_translates_every_interface_string() {
    let root = workspace();
    let english = message_ids(&root.join("locales/en/ui.ftl"));
    assert!(english.contains(&"ui-table-mandatory".to_owned()), "the scan above found no interface strings");
    let mut locales: Vec<String> = fs::read_dir(root.join("locales"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "en")
        .collect();
    locales.sort();
    assert!(locales.len() >= 2, "the scan found no locales besides English: {locales:?}");
    for locale in locales {
        let translated = message_ids(&root.join("locales").join(&locale).join("ui.ftl"));
        let missing: Vec<&String> = english.iter().filter(|id| !translated.contains(id)).collect();
        let stale: Vec<&String> = translated.iter().filter(|id| !english.contains(id)).collect();
        assert!(missing.is_empty(), "translate these into locales/{locale}/ui.ftl: {missing:?}");
        assert!(stale.is_empty(), "remove these from locales/{locale}/ui.ftl, English no longer has them: {stale:?}");
    }
}

/// `tests/Cargo.toml` sets `autotests = false` (its package root is `tests/`, so cargo would look
/// for `tests/tests/*.rs`): a test file it does not list would silently never run.
#[test]
fn every_end_to_end_test_file_is_listed() {
    let root = workspace().join("tests");
    let manifest = fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let listed: Vec<&str> = manifest
        .lines()
        .filter_map(|line| line.trim().strip_prefix("path = \""))
        .filter_map(|rest| rest.strip_suffix('"'))
        .collect();
    let mut unlisted = Vec::new();
    for entry in fs::read_dir(&root).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".rs") && !listed.contains(&name.as_str()) {
            unlisted.push(name);
        }
    }
    assert!(listed.len() >= 2, "the scan of tests/Cargo.toml found no [[test]] paths");
    assert!(
        unlisted.is_empty(),
        "add a [[test]] entry with `path = \"<file>\"` to tests/Cargo.toml for each of these, or they never run: {unlisted:?}"
    );
}
