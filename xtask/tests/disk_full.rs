//! A full disk in the middle of a render leaves the previous output byte-for-byte as it was.
//!
//! The render runs on a 1 MiB tmpfs mounted in a private mount namespace (`unshare`, util-linux),
//! so the disk really fills up, for this test alone. Where namespaces are not available (a
//! container that forbids them, a system without `unshare`) the test says so and does nothing.

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]
#![allow(clippy::print_stderr, reason = "a skipped test says why")]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// `unshare` with a user namespace (so no privilege is needed) and a mount namespace of its own.
fn in_private_mounts(script: &str, env: &[(&str, &Path)]) -> Option<std::process::Output> {
    let mut command = Command::new("unshare");
    command.args(["--user", "--map-root-user", "--mount", "sh", "-eu", "-c", script]);
    for (name, value) in env {
        command.env(name, value);
    }
    let probe = Command::new("unshare").args(["--user", "--map-root-user", "--mount", "true"]).output();
    match probe {
        Ok(output) if output.status.success() => Some(command.output().unwrap()),
        _ => None,
    }
}

#[test]
fn a_full_disk_mid_render_leaves_the_previous_output_intact() {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("input");
    fs::create_dir_all(&input).unwrap();
    for dir in ["catalog", "locales"] {
        assert!(Command::new("cp").arg("-r").arg(workspace().join(dir)).arg(&input).status().unwrap().success());
    }
    let disk = work.path().join("disk");
    fs::create_dir_all(&disk).unwrap();
    // Publish, fill the disk to all but 12 KiB, change every description so that every page
    // must be written anew, publish again: the second render runs out of space while staging.
    let script = r#"
        mount -t tmpfs -o size=2m tmpfs "$DISK"
        "$XTASK" render --catalog "$INPUT/catalog" --locales "$INPUT/locales" --out "$DISK/dist" >/dev/null
        (cd "$DISK/dist" && find . -type f | sort | xargs sha256sum) > "$WORK/before"
        dd if=/dev/zero of="$DISK/filler" bs=4k 2>/dev/null || true
        truncate -s -12k "$DISK/filler"
        sed -i 's/^\(skill-[a-z-]*--[a-z-]*--[a-z]* = \)/\1Changed: /' "$INPUT/locales/en/skills.ftl"
        set +e
        "$XTASK" render --catalog "$INPUT/catalog" --locales "$INPUT/locales" --out "$DISK/dist" 2> "$WORK/stderr"
        echo "exit $?" > "$WORK/exit"
        set -e
        (cd "$DISK/dist" && find . -type f | sort | xargs sha256sum) > "$WORK/after"
        ls -A "$DISK" > "$WORK/left"
    "#;
    let xtask = PathBuf::from(env!("CARGO_BIN_EXE_xtask"));
    let env = [("DISK", disk.as_path()), ("INPUT", input.as_path()), ("WORK", work.path()), ("XTASK", xtask.as_path())];
    let Some(output) = in_private_mounts(script, &env) else {
        eprintln!("skipped: no private mount namespace here (unshare --user --mount), so no small disk to fill");
        return;
    };
    assert!(output.status.success(), "the script failed: {}", String::from_utf8_lossy(&output.stderr));

    let read = |name: &str| fs::read_to_string(work.path().join(name)).unwrap();
    let stderr = read("stderr");
    assert_eq!(read("exit").trim(), "exit 1", "{stderr}");
    assert!(stderr.contains("No space left on device"), "{stderr}");
    assert!(stderr.contains("nothing was published") && stderr.contains("was left as it was"), "{stderr}");
    assert!(!read("before").is_empty());
    assert_eq!(read("before"), read("after"), "the previous output changed");
    assert_eq!(read("left").split_whitespace().collect::<Vec<_>>(), ["dist", "filler"], "staging was left behind");
}
