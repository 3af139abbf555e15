//! Publishing as users meet it: a render killed mid-write leaves the previous output as it was,
//! and `--out` problems exit with 2 and the reason.

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

mod support;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::workspace;

fn xtask(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_xtask"));
    command.arg("render").args(args);
    command
}

/// A catalog of `n_skills` skills in `dir/catalog`, with English and Spanish in `dir/locales`.
fn synthetic_input(dir: &Path, n_skills: usize) {
    let catalog = dir.join("catalog");
    fs::create_dir_all(catalog.join("skills")).unwrap();
    fs::write(catalog.join("levels.yaml"), "levels: [junior, senior]\n").unwrap();
    fs::write(catalog.join("roles.yaml"), "roles: [backend, data]\n").unwrap();
    fs::write(catalog.join("domains.yaml"), "domains:\n  - id: eng\n    groups: [core]\n").unwrap();
    let mut en = String::from(
        "language-name = English\nlevel-junior = Junior\nlevel-senior = Senior\nrole-backend = Backend\nrole-data = Data\ndomain-eng = Engineering\ngroup-core = Core\n",
    );
    for i in 0..n_skills {
        fs::write(
            catalog.join(format!("skills/skill-{i:03}.yaml")),
            "group: core\nupdated: 2026-01-02\nrequirements:\n  backend:\n    junior: optional\n    senior: mandatory\n  data:\n    senior: optional\n",
        )
        .unwrap();
        en += &format!("skill-skill-{i:03} = Skill {i}\n    .summary = Summary {i}\n");
        for (role, level) in [("backend", "junior"), ("backend", "senior"), ("data", "senior")] {
            en += &format!("skill-skill-{i:03}--{role}--{level} = {role} at {level} does {i}.\n");
        }
    }
    let ui =
        fs::read_to_string(workspace().join("locales/en/ui.ftl")).unwrap().replace("language-name = English\n", "");
    let ui_es = fs::read_to_string(workspace().join("locales/es/ui.ftl")).unwrap();
    for (lang, text, ui) in [("en", en, ui), ("es", String::new(), ui_es)] {
        fs::create_dir_all(dir.join("locales").join(lang)).unwrap();
        fs::write(dir.join("locales").join(lang).join("content.ftl"), text).unwrap();
        fs::write(dir.join("locales").join(lang).join("ui.ftl"), ui).unwrap();
    }
}

#[test]
fn a_render_killed_mid_write_leaves_the_previous_output_byte_for_byte() {
    let root = tempfile::tempdir().unwrap();
    synthetic_input(root.path(), 400);
    let args = ["--catalog", "catalog", "--locales", "locales", "--out", "dist", "--threads", "1"];
    let status = xtask(&args).current_dir(root.path()).stdout(Stdio::null()).status().unwrap();
    assert!(status.success());
    let before = support::contents(&root.path().join("dist"));
    assert_eq!(
        before.len(),
        2 * 2 * (1 + 1 + 400 + 2) + 2 + 2 + 2 + 4 + 2 + 2 + 2 + 1 + 2,
        "pages (with the overview; no Markdown moves without --moves), es's translation status, the \
         moves pages, chooser, stylesheet, script, favicon, 404.html, robots.txt, the search indexes, \
         search.js, elasticlunr.min.js, the moves data, moves.js, manifest and lookup index"
    );

    let skill = root.path().join("locales/en/content.ftl");
    fs::write(&skill, fs::read_to_string(&skill).unwrap().replace("backend at junior does 7.", "Changed.")).unwrap();
    let mut child = xtask(&args).current_dir(root.path()).stdout(Stdio::null()).spawn().unwrap();
    let staging = root.path().join(".dist.ladder/staging");
    let started = Instant::now();
    // Kill it once it is writing pages into staging: well before the swap, with ~1600 pages to go.
    while !staging.join("en").exists() {
        assert!(started.elapsed() < Duration::from_secs(60), "the render never started staging");
        assert!(child.try_wait().unwrap().is_none(), "the render finished before it could be killed");
        std::thread::sleep(Duration::from_millis(1));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    assert!(support::contents(&root.path().join("dist")) == before, "a killed render changed the output");
    assert!(staging.exists(), "the killed render's staging tree is gone: was it killed too late?");

    // The next render removes what the killed one left, and publishes.
    let output = xtask(&args).current_dir(root.path()).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(!root.path().join(".dist.ladder").exists(), "the work directory outlives the render");
    let page = fs::read_to_string(root.path().join("dist/en/skills/skill-007.md")).unwrap();
    assert!(page.contains("Changed."), "{page}");
}

#[test]
fn out_problems_exit_with_2_and_say_why() {
    let root = tempfile::tempdir().unwrap();
    synthetic_input(root.path(), 1);
    fs::create_dir(root.path().join("dist")).unwrap();
    fs::write(root.path().join("dist/notes.txt"), "mine").unwrap();
    let output = xtask(&["--catalog", "catalog", "--locales", "locales", "--out", "dist"])
        .current_dir(root.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with("error: --out dist holds 1 file(s) Ladder did not write: `notes.txt`\n"), "{stderr}");
    assert!(stderr.contains("= help: publishing replaces the whole output directory: move them elsewhere"), "{stderr}");

    let output = xtask(&["--catalog", "catalog", "--locales", "locales", "--out", "catalog/skills"])
        .current_dir(root.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with("error: --out catalog/skills is inside the --catalog directory catalog\n"), "{stderr}");
}
