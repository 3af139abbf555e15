//! The reference page: `cargo xtask render --lang es` says everything the seed's Spanish
//! "Serverless Functions" profile says, with its optional rows in the right columns.
//!
//! `fixtures/serverless-functions.es.txt` is a copy of the seed. Its own tables are broken where a
//! row is optional (the description slid into the "Obligatorio" column); this test reads them as
//! meant and checks the rendered tables have each row right.

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

use std::fs;
use std::path::Path;

use xtask::flags::{LocaleSelection, RenderOptions};

const LEVELS: [&str; 5] = ["Junior", "Middle", "Senior", "Lead", "Principal"];

/// A row of a level table: role, whether mandatory, description.
#[derive(Debug, PartialEq, Eq)]
struct Row {
    level: String,
    role: String,
    mandatory: bool,
    description: String,
}

fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
    inner.split(" | ").map(|cell| cell.trim().to_owned()).collect()
}

/// The seed's rows, read as meant: in a broken optional row, the second cell is the description.
fn seed_rows(seed: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut table = 0;
    for line in seed.lines() {
        if line.starts_with("| Rol |") {
            table += 1;
        } else if line.starts_with("| ") {
            let cells = cells(line);
            let (mandatory, description) = match (cells[1].as_str(), cells[2].as_str()) {
                ("Obligatorio", description) => (true, description.to_owned()),
                (description, "") => (false, description.to_owned()),
                other => panic!("unexpected seed row {other:?}"),
            };
            rows.push(Row { level: LEVELS[table - 1].to_owned(), role: cells[0].clone(), mandatory, description });
        }
    }
    rows
}

/// The rendered Markdown's rows: `## Level` headings, then `| [Role](href) | Obligatorio? | … |`.
fn rendered_rows(markdown: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut level = String::new();
    for line in markdown.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            level = heading.to_owned();
        } else if line.starts_with("| [") {
            let cells = cells(line);
            assert_eq!(cells.len(), 3, "a row with other than three cells: {line}");
            let role = cells[0].trim_start_matches('[').split("](").next().unwrap().to_owned();
            let mandatory = match cells[1].as_str() {
                "Obligatorio" => true,
                "" => false,
                other => panic!("the mandatory column holds {other:?}"),
            };
            rows.push(Row { level: level.clone(), role, mandatory, description: cells[2].clone() });
        }
    }
    rows
}

fn render_es() -> (tempfile::TempDir, String, String) {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let out = tempfile::tempdir().unwrap();
    let options = RenderOptions {
        locales: LocaleSelection::Only(vec!["es".parse().unwrap()]),
        ..RenderOptions::for_project(workspace, out.path())
    };
    xtask::render::run(&options).unwrap();
    let read =
        |ext: &str| fs::read_to_string(out.path().join(format!("es/skills/serverless-functions.{ext}"))).unwrap();
    let (markdown, html) = (read("md"), read("html"));
    (out, markdown, html)
}

fn seed() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/serverless-functions.es.txt")).unwrap()
}

#[test]
fn every_seed_row_is_rendered_in_the_right_columns() {
    let seed_rows = seed_rows(&seed());
    assert_eq!(seed_rows.len(), 20);
    assert_eq!(seed_rows.iter().filter(|row| row.mandatory).count(), 16);
    let (_out, markdown, _) = render_es();
    assert_eq!(rendered_rows(&markdown), seed_rows);
}

#[test]
fn every_line_of_the_seed_outside_its_tables_is_on_the_page() {
    let (_out, markdown, html) = render_es();
    for line in seed().lines().filter(|line| !line.starts_with('|')) {
        assert!(markdown.contains(line), "the Markdown page lacks {line:?}");
        let escaped = line.replace('&', "&amp;");
        assert!(html.contains(&escaped), "the HTML page lacks {escaped:?}");
    }
    assert!(markdown.contains("- **Requisitos obligatorios:** 16 (los otros 4 opcionales)"));
    assert!(markdown.contains("17/3/2026"));
    assert!(html.contains(r#"<time datetime="2026-03-17">Actualizado el 17/3/2026</time>"#));
}

#[test]
fn html_marks_the_english_fallback_and_leaves_optional_cells_empty_to_the_eye() {
    let (_out, _, html) = render_es();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"es\" dir=\"ltr\">"));
    for row in seed_rows(&seed()) {
        let cell = format!("<td lang=\"en\">{}</td>", row.description);
        let index = html.find(&cell).unwrap_or_else(|| panic!("no fallback-marked cell for {}", row.description));
        let before = &html[..index];
        let mandatory_cell = before.rfind("<td").map(|i| &before[i..]).unwrap();
        let expected = if row.mandatory {
            "<td class=\"mandatory\">Obligatorio</td>\n"
        } else {
            "<td class=\"optional\"><span class=\"visually-hidden\">Opcional</span></td>\n"
        };
        assert_eq!(mandatory_cell, expected, "{} at {}", row.role, row.level);
    }
    assert!(!html.contains(['\u{2068}', '\u{2069}']), "bidi isolation marks leaked");
}
