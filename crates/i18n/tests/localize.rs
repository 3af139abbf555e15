//! Lookups along fallback chains, localized dates and plurals, and problems with their places.

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

use std::fs;
use std::path::Path;

use insta::assert_snapshot;
use ladder_i18n::{LanguageIdentifier, Locales, Problem, interface};
use ladder_model::{Catalog, Date};

fn default_locales() -> Locales {
    let loaded = Locales::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales")).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.locales
}

fn locale(tag: &str) -> LanguageIdentifier {
    tag.parse().unwrap()
}

/// Writes `files` (`<lang>/<name>.ftl`) to a temporary locales directory and loads it.
fn load(files: &[(&str, &str)]) -> (tempfile::TempDir, ladder_i18n::Loaded) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    let loaded = Locales::load(dir.path()).unwrap();
    (dir, loaded)
}

fn describe(problems: &[Problem], dir: &Path) -> String {
    let prefix = format!("{}/", dir.display());
    problems.iter().map(|p| format!("{:?} {p}\n", p.kind.severity()).replace(&prefix, "")).collect()
}

#[test]
fn chains_fall_back_to_the_closest_locale_then_english() {
    let locales = default_locales();
    let chain = |tag: &str| {
        let localizer = locales.localizer(&locale(tag)).unwrap();
        localizer.chain().iter().map(ToString::to_string).collect::<Vec<_>>().join(" -> ")
    };
    assert_eq!(chain("es-MX"), "es -> en");
    assert_eq!(chain("es"), "es -> en");
    assert_eq!(chain("en-GB"), "en");
    let unsupported = locales.localizer(&locale("fr")).unwrap_err();
    assert_eq!(unsupported.to_string(), "no translations for `fr`: available locales are en, es");
}

#[test]
fn every_lookup_says_where_its_text_came_from() {
    let locales = default_locales();
    let es = locales.localizer(&locale("es-MX")).unwrap();
    let mut problems = Vec::new();
    let ui = es.message("ui-table-description", &mut problems);
    assert_eq!((ui.text.as_ref(), ui.locale.to_string(), ui.fell_back), ("Descripción", "es".to_owned(), false));
    let role = es.message("role-cloud-engineer", &mut problems);
    assert_eq!(
        (role.text.as_ref(), role.locale.to_string(), role.fell_back),
        ("Cloud Engineer", "en".to_owned(), true)
    );
    assert_eq!(es.locale().to_string(), "es-MX", "pages declare the requested locale");

    let missing = es.message("ui-no-such-message", &mut problems);
    assert_eq!(missing.text, "ui-no-such-message");
    let locales_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    assert_snapshot!(describe(&problems, &locales_dir), @"Error locales/en: no message `ui-no-such-message` in any locale of the fallback chain");
}

#[test]
fn dates_follow_each_locale() {
    let locales = default_locales();
    let date = Date::new(2026, 3, 17).unwrap();
    let mut problems = Vec::new();
    let format = |tag: &str, problems: &mut Vec<Problem>| {
        locales.localizer(&locale(tag)).unwrap().date(date, problems).text.into_owned()
    };
    assert_eq!(format("es", &mut problems), "17/3/2026");
    assert_eq!(format("en", &mut problems), "March 17, 2026");
    assert!(problems.is_empty());
}

#[test]
fn counts_select_plural_forms_and_no_bidi_marks_leak() {
    let locales = default_locales();
    let es = locales.localizer(&locale("es")).unwrap();
    let mut problems = Vec::new();
    let rest = |count: i64, problems: &mut Vec<Problem>| {
        es.interface(interface::SKILL_OPTIONAL_REST, &[("count", count.into())], problems).text.into_owned()
    };
    assert_eq!(rest(4, &mut problems), "los otros 4 opcionales");
    assert_eq!(rest(1, &mut problems), "el otro opcional");
    assert_eq!(rest(0, &mut problems), "ninguno opcional");
    let levels = [("first", "Junior".into()), ("last", "Principal".into())];
    let growth = es.interface(interface::LEVEL_GROWTH, &levels, &mut problems).text;
    assert_eq!(growth, "La tabla muestra cómo crece la profundidad desde Junior hasta Principal.");
    assert!(problems.is_empty());
}

#[test]
fn syntax_errors_and_duplicates_name_file_line_and_column() {
    let (dir, loaded) = load(&[
        ("en/a.ftl", "hello = Hello\nbroken = { $x\nafter = fine\n"),
        ("en/b.ftl", "# comment\nhello = Hi again\n"),
        ("es/a.ftl", "hello = Hola\n"),
        ("templates/x.txt", "not a locale"),
    ]);
    assert_snapshot!(describe(&loaded.problems, dir.path()), @r#"
    Warning templates: `templates` is not a language tag, so this directory is not a locale
    Error en/a.ftl:2:14: syntax error: Expected a token starting with "}"
    Error en/b.ftl:2:1: `hello` is defined twice (first at a.ftl:1:1)
    "#);
    let available: Vec<String> = loaded.locales.available().map(ToString::to_string).collect();
    assert_eq!(available, ["en", "es"], "directories that are not language tags are not locales");
    let en = loaded.locales.localizer(&locale("en")).unwrap();
    let mut problems = Vec::new();
    assert_eq!(en.message("hello", &mut problems).text, "Hello", "the first definition wins");
    assert_eq!(en.message("after", &mut problems).text, "fine", "parsing resumes after the error");
}

#[test]
fn a_missing_variable_is_an_error_at_its_placeable() {
    let (dir, loaded) = load(&[("en/a.ftl", "# The page title.\ntitle = Career path: { $role }\n")]);
    let en = loaded.locales.localizer(&locale("en")).unwrap();
    let mut problems = Vec::new();
    let text = en.message("title", &mut problems).text.into_owned();
    assert_eq!(text, "Career path: {$role}");
    assert_snapshot!(describe(&problems, dir.path()), @"Error en/a.ftl:2:22: `title` uses `$role`, which it is not given");
}

#[test]
fn the_source_locale_must_hold_every_catalog_message() {
    let catalog = Catalog::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalog")).unwrap();
    assert!(default_locales().missing_catalog_messages(&catalog).is_empty());

    let (dir, loaded) = load(&[(
        "en/a.ftl",
        "skill-serverless-functions = Serverless Functions\nrole-cloud-engineer = Cloud Engineer\n",
    )]);
    let problems = loaded.locales.missing_catalog_messages(&catalog);
    assert_eq!(problems.len(), 5 + 3 + 2 + 1 + 20, "all but two messages, and the summary attribute");
    let first_two: Vec<String> = problems[..2]
        .iter()
        .map(|p| format!("{p}; {}", p.kind.help().unwrap()).replace(&format!("{}/", dir.path().display()), ""))
        .collect();
    assert_snapshot!(first_two.join("\n"), @r"
    en: no message `level-junior` in any locale of the fallback chain; add `level-junior = …` (the name of level `junior`) to the source locale
    en: no message `level-middle` in any locale of the fallback chain; add `level-middle = …` (the name of level `middle`) to the source locale
    ");
}

#[test]
fn no_source_locale_is_fatal() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("es")).unwrap();
    let err = Locales::load(dir.path()).unwrap_err().to_string().replace(&dir.path().display().to_string(), "locales");
    assert_eq!(err, "locales: no `en` directory: the source language's messages are required");
}
