//! The broken-input corpus: every mistake a content owner, a translator or an attacker can make
//! gets a precise answer, and never costs the output that was there before.
//!
//! Each folder under `tests/cases/broken/<name>/` is laid over a copy of the default project (see
//! `support`: plain files replace or add, `.edit` files change a file in place); its `templates/`
//! (if any) is passed as `--templates`, and its `args` file (if any) adds command-line arguments, one per
//! line. The test first publishes the intact default project into `out/`, then runs
//! `cargo xtask render` on the broken copy into the same `out/` and snapshots the exit code and
//! everything printed (`tests/snapshots/broken/<name>.snap`, reviewed by eye). A failed render
//! must leave `out/` and the inputs byte-for-byte and mtime-for-mtime as they were; a render that
//! succeeds with warnings must not let a bidi control character reach a page.

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

mod support;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs the command line in `dir`, killing it if it has not finished in 30 s: a hang is a failure.
fn run(dir: &Path, args: &[String]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .current_dir(dir)
        .args(args)
        .env_remove("CARGO_MANIFEST_DIR")
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(30) {
            child.kill().unwrap();
            panic!("`xtask {}` hung for 30 s in {}", args.join(" "), dir.display());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let output = child.wait_with_output().unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn render_args(extra: &[String], has_templates: bool) -> Vec<String> {
    let mut args = vec!["render".to_owned()];
    for (flag, dir) in [("--catalog", "catalog"), ("--locales", "locales"), ("--out", "out")] {
        if !extra.iter().any(|arg| arg == flag) {
            args.extend([flag.to_owned(), dir.to_owned()]);
        }
    }
    if has_templates && !extra.iter().any(|arg| arg == "--templates") {
        args.extend(["--templates".to_owned(), "templates".to_owned()]);
    }
    args.extend(extra.iter().cloned());
    args
}

const BIDI_CONTROLS: [char; 9] =
    ['\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'];

fn check_case(name: &str, case: &Path) {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    support::default_project(dir);
    let published = run(dir, &render_args(&[], false));
    assert_eq!(published.code, Some(0), "the intact project renders: {}", published.stderr);
    let before = support::state(&dir.join("out"));

    support::lay_over(case, dir);
    let extra: Vec<String> = match fs::read_to_string(case.join("args")) {
        Ok(text) => text.lines().filter(|line| !line.is_empty()).map(str::to_owned).collect(),
        Err(_) => Vec::new(),
    };
    let inputs_before = [support::state(&dir.join("catalog")), support::state(&dir.join("locales"))];
    let result = run(dir, &render_args(&extra, case.join("templates").is_dir()));

    let shown = format!("exit code: {:?}\n--- stderr\n{}", result.code, result.stderr);
    assert!(!result.stderr.contains("panicked"), "{name}: the command panicked\n{shown}");
    assert!(!result.stderr.contains(dir.to_str().unwrap()), "{name}: a message names the temporary directory\n{shown}");
    match result.code {
        Some(0) => {
            for (path, (bytes, _)) in support::state(&dir.join("out")) {
                let text = String::from_utf8_lossy(&bytes);
                assert!(!text.contains(BIDI_CONTROLS), "{name}: a bidi control reached {path}");
            }
        }
        Some(1 | 2) => {
            assert!(result.stdout.is_empty(), "{name}: a failed render printed a summary\n{}", result.stdout);
            assert!(support::state(&dir.join("out")) == before, "{name}: a failed render changed the previous output");
            let inputs_after = [support::state(&dir.join("catalog")), support::state(&dir.join("locales"))];
            assert!(inputs_after == inputs_before, "{name}: a failed render changed its inputs");
        }
        other => panic!("{name}: exit code {other:?} (a crash?)\n{shown}"),
    }

    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(support::workspace().join("tests/snapshots/broken"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_input_file(case);
    settings.bind(|| insta::assert_snapshot!(name.to_owned(), shown));
}

#[test]
fn every_broken_input_gets_a_precise_answer_and_costs_nothing() {
    let cases = support::workspace().join("tests/cases/broken");
    let mut names: Vec<String> =
        fs::read_dir(&cases).unwrap().map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert!(names.len() >= 40, "the corpus shrank to {} cases", names.len());
    // Every case runs, so one failure does not hide the others.
    let failed: Vec<String> = names
        .into_iter()
        .filter(|name| std::panic::catch_unwind(|| check_case(name, &cases.join(name))).is_err())
        .collect();
    assert!(failed.is_empty(), "{} case(s) failed, see above: {failed:?}", failed.len());
}
