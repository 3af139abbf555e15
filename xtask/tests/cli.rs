//! The command line as users meet it: exit codes, the summary, and diagnostics on stderr.

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// Runs `xtask render` with `args` from `dir`; returns the exit code, stdout and stderr.
fn render(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask")).current_dir(dir).arg("render").args(args).output().unwrap();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    (output.status.code().unwrap(), text(output.stdout), text(output.stderr))
}

#[test]
fn a_render_prints_a_short_summary_with_fallbacks_per_locale() {
    let out = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = render(&workspace(), &["--lang", "es", "--out", out.path().to_str().unwrap()]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("rendered 1 locale(s) (es): 17 pages, 28 files, "), "{stdout}");
    assert_eq!(
        lines[1..],
        [
            "  es: 27 of 145 messages untranslated, shown in en",
            "  pruned 0 file(s), kept 0 unchanged",
            "  0 warning(s)"
        ]
    );
    assert!(out.path().join("es/skills/serverless-functions.md").is_file());
    assert!(out.path().join("es/skills/serverless-functions.html").is_file());
    assert!(out.path().join("index.html").is_file());
}

#[test]
fn usage_errors_exit_with_2() {
    let (code, _, stderr) = render(&workspace(), &["--lang", "fr", "--out", "/nonexistent/never-written"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.starts_with("error: no translations for `fr`: available locales are en, es, ru\n"), "{stderr}");

    let (code, _, stderr) = render(&workspace(), &["--format", "pdf"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("invalid value 'pdf' for '--format <FORMAT>'"), "{stderr}");

    let (code, _, _) = render(&workspace(), &["--all", "--lang", "es"]);
    assert_eq!(code, 2, "--all and --lang conflict");
}

#[test]
fn invalid_content_exits_with_1_naming_file_line_and_column() {
    let input = tempfile::tempdir().unwrap();
    for dir in ["catalog", "catalog/skills", "locales", "locales/en", "locales/es"] {
        fs::create_dir_all(input.path().join(dir)).unwrap();
    }
    for file in ["catalog/levels.yaml", "catalog/roles.yaml", "catalog/domains.yaml", "locales/en/ui.ftl"] {
        fs::copy(workspace().join(file), input.path().join(file)).unwrap();
    }
    let skill = fs::read_to_string(workspace().join("catalog/skills/serverless-functions.yaml")).unwrap();
    let skill = skill.replace("  cloud-engineer:", "  cloud-enginer:");
    fs::write(input.path().join("catalog/skills/serverless-functions.yaml"), skill).unwrap();

    let (code, stdout, stderr) =
        render(input.path(), &["--catalog", "catalog", "--locales", "locales", "--out", "dist"]);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    insta::assert_snapshot!(stderr, @"
    error[unknown-catalog-reference]: unknown role `cloud-enginer`
      --> catalog/skills/serverless-functions.yaml:13:3
       |
    13 |   cloud-enginer:
       |   ^^^^^^^^^^^^^
       |
       = help: did you mean `cloud-engineer`? roles are declared in roles.yaml

    warning[empty-locale]: no .ftl files: this directory is not a locale (es)
    --> locales/es
     = help: add its translations (copy locales/en/ui.ftl), or delete it

    error: nothing was published: 1 error(s) to fix first; dist was left as it was
    ");
    assert!(!input.path().join("dist").exists(), "nothing is written");
}

/// The benchmark's synthetic catalogs are as valid as real ones: every locale, every plural
/// category its language has (and no other), nothing for `check --strict` to flag.
#[test]
fn a_generated_catalog_passes_the_strict_check() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let xtask = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_xtask")).args(args).output().unwrap();
    let generated = xtask(&["gen-catalog", "--skills", "12", "--roles", "5", "--locales", "12", "--out", out]);
    assert!(generated.status.success(), "{}", String::from_utf8_lossy(&generated.stderr));
    let catalog = dir.path().join("catalog");
    let locales = dir.path().join("locales");
    let checked =
        xtask(&["check", "--strict", "--catalog", catalog.to_str().unwrap(), "--locales", locales.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&checked.stdout);
    assert!(checked.status.success(), "{stdout}{}", String::from_utf8_lossy(&checked.stderr));
    assert!(stdout.contains("checked 12 locale(s)") && stdout.contains("0 error(s), 0 warning(s)"), "{stdout}");
}
