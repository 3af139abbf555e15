//! The translators' commands against the binary users run: a stale translation from edit to
//! warning, page mark and `l10n-accept`; `status` as text and JSON; `new-locale`.

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// Runs `xtask args` in `dir`, never finding the workspace through cargo's environment; returns
/// the exit code, stdout and stderr.
fn xtask(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .current_dir(dir)
        .env_remove("CARGO_MANIFEST_DIR")
        .args(args)
        .output()
        .unwrap();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    (output.status.code().unwrap(), text(output.stdout), text(output.stderr))
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() { copy_dir(&path, &target) } else { fs::copy(&path, &target).map(drop).unwrap() }
    }
}

/// A copy of the default project (catalog and locales) in a temporary directory.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&workspace().join("catalog"), &dir.path().join("catalog"));
    copy_dir(&workspace().join("locales"), &dir.path().join("locales"));
    dir
}

const DESCRIPTION: &str = "skill-serverless-functions--cloud-engineer--junior";

#[test]
fn an_edited_english_description_is_stale_until_accepted() {
    let project = project();
    let dir = project.path();
    let render = || xtask(dir, &["render", "--lang", "es", "--format", "html"]);
    let page = || fs::read_to_string(dir.join("dist/es/skills/serverless-functions.html")).unwrap();
    let marked = r#"<td data-l10n="stale" title="Puede que esta traducción no esté al día">"#;

    fs::write(
        dir.join("locales/es/skills.ftl"),
        format!("{DESCRIPTION} = Entiende los conceptos básicos de serverless.\n"),
    )
    .unwrap();
    let (code, stdout, stderr) = xtask(dir, &["l10n-accept", "es", DESCRIPTION]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("recorded the English of 1 translation(s) in "), "{stdout}");
    let (code, _, stderr) = render();
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert!(page().contains("<td>Entiende los conceptos básicos de serverless.</td>"));

    let english = fs::read_to_string(dir.join("locales/en/skills.ftl")).unwrap();
    let edited =
        english.replace("Deploys simple functions using CLI or console.", "Deploys simple functions with Terraform.");
    assert_ne!(edited, english);
    fs::write(dir.join("locales/en/skills.ftl"), edited).unwrap();
    let (code, _, stderr) = render();
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.starts_with(&format!("warning[stale]: `{DESCRIPTION}` was translated from English that has changed")),
        "{stderr}"
    );
    assert!(stderr.contains("Deploys simple functions using CLI or console."), "the old English: {stderr}");
    assert!(stderr.contains("Deploys simple functions with Terraform."), "the new English: {stderr}");
    assert!(stderr.contains("--> locales/es/skills.ftl:1:1"), "{stderr}");
    assert!(stderr.contains(&format!("`cargo xtask l10n-accept es {DESCRIPTION}` once reviewed")), "{stderr}");
    assert!(page().contains(&format!("{marked}Entiende los conceptos básicos de serverless.</td>")), "{}", page());
    let status = fs::read_to_string(dir.join("dist/es/translation-status.html")).unwrap();
    assert!(status.contains(&format!("<code>{DESCRIPTION}</code>")) && status.contains("with Terraform."));

    let (code, stdout, _) = xtask(dir, &["status", "--lang", "es"]);
    assert_eq!(code, 0);
    assert!(stdout.contains(&format!(
        "  stale: review, then `cargo xtask l10n-accept es <id>`\n    {DESCRIPTION} (skills.ftl)\n"
    )));

    let (code, stdout, stderr) = xtask(dir, &["l10n-accept", "es"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("(1 were stale, 0 unreviewed)"), "{stdout}");
    let (code, _, stderr) = render();
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert!(!page().contains("data-l10n"));
}

#[test]
fn l10n_accept_refuses_what_it_cannot_record() {
    let project = project();
    let dir = project.path();
    for (args, expected) in [
        (vec!["l10n-accept", "en"], "error: `en` is the source language"),
        (vec!["l10n-accept", "fr"], "error: no locale directory `fr`"),
        (vec!["l10n-accept", "es", DESCRIPTION], "error: `es` translates none of"),
    ] {
        let (code, _, stderr) = xtask(dir, &args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.starts_with(expected), "{stderr}");
    }
    assert_eq!(
        fs::read(dir.join("locales/es/l10n.lock")).unwrap(),
        fs::read(workspace().join("locales/es/l10n.lock")).unwrap()
    );
}

#[test]
fn status_reports_real_numbers_as_text_and_json() {
    let root = workspace();
    // Spanish only, so that another locale added to the project leaves this snapshot alone.
    let (code, text, stderr) =
        xtask(&root, &["status", "--lang", "es", "--catalog", "catalog", "--locales", "locales"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    insta::assert_snapshot!("status_default_text", text);

    let (code, json, _) =
        xtask(&root, &["status", "--format", "json", "--lang", "es", "--catalog", "catalog", "--locales", "locales"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let es = &json["locales"][0];
    assert_eq!(
        (json["source"].as_str(), es["locale"].as_str(), es["language_name"].as_str()),
        (Some("en"), Some("es"), Some("Español"))
    );
    let totals = &es["totals"];
    let count = |name: &str| totals[name].as_u64().unwrap();
    assert_eq!(count("translated") + count("fallback"), count("total"));
    assert_eq!((count("stale"), count("unreviewed"), count("obsolete")), (0, 0, 0));
    let kinds: Vec<&str> = es["by_kind"].as_array().unwrap().iter().map(|k| k["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["interface", "names", "skill-names", "summaries", "descriptions"]);
    assert_eq!(es["by_kind"][0]["fallback"].as_u64(), Some(0), "Spanish translates every interface string");
    let next = es["next"].as_array().unwrap();
    assert_eq!(next.len(), 10);
    assert_eq!((next[0]["id"].as_str(), next[0]["kind"].as_str()), (Some("role-ai-product-engineer"), Some("names")));

    let (code, _, stderr) = xtask(&root, &["status", "--lang", "fr", "--catalog", "catalog", "--locales", "locales"]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn new_locale_scaffolds_a_locale_that_falls_back_until_translated() {
    let project = project();
    let dir = project.path();
    let (code, stdout, stderr) = xtask(dir, &["new-locale", "fr"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("3 file(s)"), "{stdout}");
    let mut files: Vec<String> = fs::read_dir(dir.join("locales/fr"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["catalog.ftl", "l10n.lock", "skills.ftl", "ui.ftl"]);
    let ui = fs::read_to_string(dir.join("locales/fr/ui.ftl")).unwrap();
    assert!(ui.contains("\n## Dates. $day, $month (1 to 12) and $year are numbers;"), "group comments are kept");
    assert!(ui.contains("\n# language-name = English\n") && ui.contains("\n#        *[other] Roles\n"), "{ui}");
    assert!(ui.contains("`cargo xtask l10n-accept fr`"));
    assert_eq!(
        fs::read_to_string(dir.join("locales/fr/l10n.lock")).unwrap().lines().next(),
        Some("ladder-l10n-lock 1")
    );

    // The scaffold asks for the language's name: until it is given, a render says so and stops.
    let (code, _, stderr) = xtask(dir, &["render", "--lang", "fr"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.starts_with("error[missing-language-name]: "), "{stderr}");
    let status_before = xtask(dir, &["status", "--lang", "fr"]).1;
    assert!(status_before.starts_with("fr (no language-name yet): 0 of "), "{status_before}");
    let ui_path = dir.join("locales/fr/ui.ftl");
    fs::write(&ui_path, ui.replace("\n# language-name = English\n", "\nlanguage-name = Français\n")).unwrap();

    let (code, stdout, stderr) = xtask(dir, &["render", "--lang", "fr"]);
    assert_eq!((code, stderr.as_str()), (0, ""), "{stdout}");
    let index = fs::read_to_string(dir.join("dist/fr/index.html")).unwrap();
    assert!(index.contains(r#"<h1 lang="en">Skills and career paths</h1>"#), "{index}");
    assert!(dir.join("dist/fr/translation-status.md").is_file());
    let (_, status, _) = xtask(dir, &["status", "--lang", "fr"]);
    assert!(status.starts_with("fr (Français): 1 of "), "{status}");

    for args in [["new-locale", "fr"], ["new-locale", "pt-br"], ["new-locale", "French"]] {
        let (code, _, stderr) = xtask(dir, &args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
    }
    let (_, _, stderr) = xtask(dir, &["new-locale", "pt-br"]);
    assert!(stderr.starts_with("error: write `pt-br` as `pt-BR`"), "{stderr}");
    assert!(!dir.join("locales/pt-br").exists() && !dir.join("locales/.pt-br.new").exists());
}
