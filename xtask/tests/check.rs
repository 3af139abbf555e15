//! `cargo xtask check`, against the binary users run: one case per check, JSON, `--lang`, and the
//! default project passing `--strict`.
//!
//! Each folder under `tests/cases/check/<name>/` is laid over a copy of the default project (see
//! `support`: plain files replace or add, `.edit` files change a file in place) and its `args` file (if
//! any) adds arguments, one per line. The test runs `check` on the copy, requires a finding of the
//! check the folder is named after, and snapshots the exit code and everything printed
//! (`tests/snapshots/check/<name>.snap`, reviewed by eye; the time in the summary is masked).

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

mod support;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

/// A copy of the default project with `case` (if any) laid over it.
fn project(case: Option<&Path>) -> tempfile::TempDir {
    let work = tempfile::tempdir().unwrap();
    support::default_project(work.path());
    if let Some(case) = case {
        support::lay_over(case, work.path());
    }
    work
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn check(dir: &Path, extra: &[String]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .current_dir(dir)
        .args(["check", "--catalog", "catalog", "--locales", "locales"])
        .args(extra)
        .env_remove("CARGO_MANIFEST_DIR")
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The summary's time, which changes from run to run.
fn mask_time(text: &str) -> String {
    text.lines()
        .map(|line| match line.rfind(" in ").filter(|_| line.starts_with("checked ") && line.ends_with(" s")) {
            Some(at) => format!("{} in [time] s", &line[..at]),
            None => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn check_case(name: &str, case: &Path) {
    let work = project(Some(case));
    let extra: Vec<String> = match fs::read_to_string(case.join("args")) {
        Ok(text) => text.lines().filter(|line| !line.is_empty()).map(str::to_owned).collect(),
        Err(_) => Vec::new(),
    };
    let result = check(work.path(), &extra);
    let shown = format!(
        "exit code: {:?}\n--- stdout\n{}\n--- stderr\n{}",
        result.code,
        mask_time(&result.stdout),
        result.stderr
    );
    assert!(!result.stderr.contains("panicked"), "{name}: the command panicked\n{shown}");
    assert!(matches!(result.code, Some(0..=2)), "{name}: exit code {:?} (a crash?)\n{shown}", result.code);
    assert!(
        result.stderr.contains(&format!("[{name}]: ")),
        "{name}: no finding of the check `{name}` (a case is named after the check it trips)\n{shown}"
    );
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(support::workspace().join("tests/snapshots/check"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_input_file(case);
    settings.bind(|| insta::assert_snapshot!(name.to_owned(), shown));
}

#[test]
fn every_check_finds_its_case() {
    let cases = support::workspace().join("tests/cases/check");
    let mut names: Vec<String> =
        fs::read_dir(&cases).unwrap().map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert!(names.len() >= 14, "the check cases shrank to {}", names.len());
    let failed: Vec<String> = names
        .into_iter()
        .filter(|name| std::panic::catch_unwind(|| check_case(name, &cases.join(name))).is_err())
        .collect();
    assert!(failed.is_empty(), "{} case(s) failed, see above: {failed:?}", failed.len());
}

#[test]
fn the_default_project_passes_strict() {
    let work = project(None);
    let result = check(work.path(), &["--strict".to_owned()]);
    assert_eq!(result.code, Some(0), "{}", result.stderr);
    assert_eq!(result.stderr, "");
    assert!(result.stdout.starts_with("checked 3 locale(s), "), "{}", result.stdout);
    assert!(result.stdout.contains(": 0 error(s), 0 warning(s) in "), "{}", result.stdout);
}

/// A project with a problem in `es` (a dropped variable) and in a new `fr` (no `language-name`).
fn two_broken_locales() -> tempfile::TempDir {
    let cases = support::workspace().join("tests/cases/check");
    let work = project(Some(&cases.join("dropped-variable")));
    support::lay_over(&cases.join("missing-language-name"), work.path());
    work
}

#[test]
fn json_holds_the_same_findings_as_data() {
    let work = two_broken_locales();
    let result = check(work.path(), &["--format".to_owned(), "json".to_owned()]);
    assert_eq!(result.code, Some(1), "fr has an error");
    assert_eq!(result.stderr, "", "JSON goes to stdout alone");
    let json: serde_json::Value = serde_json::from_str(&result.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let dropped = findings.iter().find(|f| f["check"] == "dropped-variable").unwrap();
    assert_eq!(dropped["severity"], "warning");
    assert_eq!(dropped["locale"], "es");
    assert_eq!(dropped["path"], "locales/es/ui.ftl");
    assert!(dropped["line"].as_u64().unwrap() > 1 && dropped["column"] == 1);
    assert_eq!(
        dropped["message"],
        "`ui-index-skill-count` does not use `$count`, which the source language's message shows"
    );
    assert!(dropped["help"].as_str().unwrap().contains("{ $count }"));
    let missing = findings.iter().find(|f| f["check"] == "missing-language-name").unwrap();
    assert_eq!((&missing["severity"], &missing["locale"]), (&"error".into(), &"fr".into()));
    assert_eq!(missing["line"], serde_json::Value::Null, "no one line to point at");
    let summary = &json["summary"];
    assert_eq!(summary["locales"], serde_json::json!(["en", "es", "fr", "ru"]));
    assert_eq!((summary["errors"].as_u64(), summary["warnings"].as_u64()), (Some(1), Some(1)));
    assert_eq!(summary["errors"].as_u64().unwrap() + summary["warnings"].as_u64().unwrap(), findings.len() as u64);
    assert!(summary["seconds"].as_f64().unwrap() >= 0.0);
}

#[test]
fn lang_limits_findings_to_those_locales() {
    let work = two_broken_locales();
    let only_es = check(work.path(), &["--lang".to_owned(), "es".to_owned()]);
    assert_eq!(only_es.code, Some(0), "fr's error is not shown: {}", only_es.stderr);
    assert!(only_es.stderr.contains("warning[dropped-variable]"), "{}", only_es.stderr);
    assert!(!only_es.stderr.contains("(fr)"), "{}", only_es.stderr);
    assert!(only_es.stdout.starts_with("checked 2 locale(s), "), "es and its fallback en: {}", only_es.stdout);

    let only_fr = check(work.path(), &["--lang".to_owned(), "fr".to_owned(), "--strict".to_owned()]);
    assert_eq!(only_fr.code, Some(1), "{}", only_fr.stderr);
    assert!(only_fr.stderr.contains("error[missing-language-name]"), "{}", only_fr.stderr);
    assert!(!only_fr.stderr.contains("(es)"), "{}", only_fr.stderr);

    let unknown = check(work.path(), &["--lang".to_owned(), "de".to_owned()]);
    assert_eq!(unknown.code, Some(2), "a locale without translations is a usage error");
    assert!(unknown.stderr.contains("no translations for `de`"), "{}", unknown.stderr);
}

#[test]
fn strict_fails_on_warnings() {
    let work = project(Some(&support::workspace().join("tests/cases/check/dropped-variable")));
    assert_eq!(check(work.path(), &[]).code, Some(0));
    assert_eq!(check(work.path(), &["--strict".to_owned()]).code, Some(1));
}
