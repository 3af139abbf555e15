//! Properties: whatever text a catalog or translation file holds, the pipeline answers with pages
//! or with diagnostics, never with a panic, and a failed render leaves the previous output alone.
//!
//! The generators mix the syntax that matters (YAML indicators, Fluent placeables, selectors,
//! references, tabs, byte-order marks, bidi controls) with real ids from the default catalog, so
//! that most inputs get past the first parser and reach the checks behind it.

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

mod support;

use std::fs;

use proptest::prelude::*;
use support::{contents, copy_tree, workspace};
use xtask::flags::RenderOptions;

/// Publishes the default project, replaces `file` with `text`, renders again: the second render
/// must return (no panic) and, if it fails, leave the first one's output as it was.
fn render_with(file: &str, text: &[u8]) {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    copy_tree(&workspace().join("catalog"), &dir.join("catalog"));
    copy_tree(&workspace().join("locales"), &dir.join("locales"));
    let options = RenderOptions { threads: Some(1), ..RenderOptions::for_project(dir, &dir.join("out")) };
    xtask::render::run(&options).unwrap();
    let before = contents(&dir.join("out"));
    fs::write(dir.join(file), text).unwrap();
    if xtask::render::run(&options).is_err() {
        assert!(contents(&dir.join("out")) == before, "a failed render changed the output");
    }
}

fn tokens(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(list), 0..120).prop_map(|parts| parts.concat())
}

const YAML: &[&str] = &[
    "- ",
    "[",
    "]",
    "{",
    "}",
    ": ",
    ":",
    ",",
    "\n",
    "  ",
    "    ",
    "\t",
    "#",
    "&a ",
    "*a",
    "!!str ",
    "\"",
    "'",
    "? ",
    "|",
    ">",
    "---\n",
    "...\n",
    "\u{feff}",
    "é",
    "\u{202e}",
    "~",
    "null",
    "levels",
    "roles",
    "domains",
    "id",
    "groups",
    "group",
    "updated",
    "requirements",
    "junior",
    "senior",
    "cloud-engineer",
    "serverless",
    "cloud-infrastructure",
    "mandatory",
    "optional",
    "2026-03-17",
    "2026-02-30",
    "Frontend Dev",
];

const FTL: &[&str] = &[
    "ui-nav-index",
    "ui-skill-roles",
    "language-name",
    "skill-serverless-functions",
    "level-junior",
    " = ",
    "=",
    "{ ",
    " }",
    "{",
    "}",
    "$count",
    "$cnt",
    "-term",
    " -> ",
    "[one]",
    "*[other]",
    "[0]",
    "\n",
    "    ",
    ".summary",
    "\"",
    "\\u0041",
    "\\",
    "NUMBER($count)",
    "NUMBER($count, minimumFractionDigits: 2)",
    "DATETIME()",
    "# ",
    "## ",
    "### ",
    "\u{feff}",
    "\r\n",
    "\u{202e}",
    "\u{2068}",
    "texto",
    "ñ",
    "{ ui-nav-index }",
    "{ -term }",
    "\t",
];

const CATALOG_FILES: &[&str] =
    &["catalog/levels.yaml", "catalog/domains.yaml", "catalog/skills/serverless-functions.yaml"];
const LOCALE_FILES: &[&str] = &["locales/en/ui.ftl", "locales/en/skills.ftl", "locales/es/ui.ftl"];

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn yaml_shaped_catalog_text_never_panics(file in prop::sample::select(CATALOG_FILES), text in tokens(YAML)) {
        render_with(file, text.as_bytes());
    }

    #[test]
    fn arbitrary_catalog_bytes_never_panic(file in prop::sample::select(CATALOG_FILES), bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        render_with(file, &bytes);
    }

    #[test]
    fn fluent_shaped_translation_text_never_panics(file in prop::sample::select(LOCALE_FILES), text in tokens(FTL)) {
        render_with(file, text.as_bytes());
    }

    #[test]
    fn arbitrary_translation_bytes_never_panic(file in prop::sample::select(LOCALE_FILES), bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        render_with(file, &bytes);
    }
}
