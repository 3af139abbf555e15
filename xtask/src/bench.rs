//! `cargo xtask bench`: how fast a render is, measured against what the disk allows.
//!
//! For each size it builds the release binary once, generates a catalog (`gen-catalog`, 20 roles,
//! 10 locales), and times, each as its own process: a full render (Markdown and HTML), HTML only,
//! the same with one thread, a re-render with nothing changed, and a re-render after one
//! description changed. The **write floor** is measured in the same run: the bytes of the full
//! render, held in memory, written to the same file names in a fresh directory by two threads.
//! Every time is also given as a multiple of the floor. CPU time and peak memory come from
//! `/proc` (Linux), read while the process runs.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::diagnostics::Diagnostic;
use crate::gen_catalog::{self, GenOptions};

/// One measured command.
#[derive(Debug, Clone, Copy, Default)]
pub struct Measure {
    pub wall: Duration,
    pub cpu: Duration,
    pub peak_rss_bytes: u64,
}

/// One line of the results.
#[derive(Debug, Clone)]
pub struct Row {
    pub size: usize,
    pub what: &'static str,
    pub files: usize,
    pub bytes: u64,
    pub measure: Measure,
}

pub fn run(workspace: &Path, sizes: &[usize]) -> Result<String, Diagnostic> {
    let status = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(["build", "--release", "--quiet", "-p", "xtask"])
        .current_dir(workspace)
        .status()
        .map_err(|err| Diagnostic::error(format!("cannot run cargo: {err}")))?;
    if !status.success() {
        return Err(Diagnostic::error("the release build failed".to_owned()));
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| workspace.join("target"), PathBuf::from);
    let binary = target.join("release/xtask");
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let root = target.join(format!("bench/{stamp}"));

    let mut rows = Vec::new();
    for &size in sizes {
        let dir = root.join(size.to_string());
        let input = dir.join("input");
        gen_catalog::run(&GenOptions { skills: size, roles: 20, locales: 10, out: input.clone(), seed: 1 })?;
        let render = |out: &str, extra: &[&str]| -> Result<Measure, Diagnostic> {
            let mut args: Vec<String> =
                ["render", "--catalog", "catalog", "--locales", "locales", "--out", out].map(str::to_owned).to_vec();
            args.extend(extra.iter().map(|arg| (*arg).to_owned()));
            measure(&binary, &args, &input)
        };
        let full = render("../full", &[])?;
        let (files, bytes) = tree_size(&dir.join("full"));
        rows.push(Row { size, what: "md+html", files, bytes, measure: full });
        let html = render("../html", &["--format", "html"])?;
        let (html_files, html_bytes) = tree_size(&dir.join("html"));
        rows.push(Row { size, what: "html", files: html_files, bytes: html_bytes, measure: html });
        let one_thread = render("../threads-1", &["--threads", "1"])?;
        rows.push(Row { size, what: "md+html, 1 thread", files, bytes, measure: one_thread });
        let noop = render("../full", &[])?;
        rows.push(Row { size, what: "no-op re-render", files, bytes, measure: noop });
        change_one_description(&input)?;
        let one = render("../full", &[])?;
        rows.push(Row { size, what: "one description changed", files, bytes, measure: one });
        let floor = write_floor(&dir.join("full"), &dir.join("floor"))?;
        rows.push(Row { size, what: "write floor", files, bytes, measure: floor });
    }
    let report = table(&rows);
    // Deleting a large tree makes the next file creations on ext4 slow for a while: the trees are
    // removed only after every figure was taken.
    let _ = fs::remove_dir_all(&root);
    Ok(report)
}

/// Runs `binary args` in `dir`, sampling `/proc` for CPU time and peak memory until it exits.
fn measure(binary: &Path, args: &[String], dir: &Path) -> Result<Measure, Diagnostic> {
    let started = Instant::now();
    let child = Command::new(binary)
        .args(args)
        .current_dir(dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|err| Diagnostic::error(format!("cannot start {}: {err}", binary.display())))?;
    let proc_dir = PathBuf::from(format!("/proc/{}", child.id()));
    let mut sample = Measure::default();
    // Until the process is a zombie its /proc entry holds its own figures; `wait` would reap it.
    while let Ok(stat) = fs::read_to_string(proc_dir.join("stat")) {
        let fields: Vec<&str> = stat.rsplit_once(") ").map_or("", |(_, rest)| rest).split(' ').collect();
        let ticks = |index: usize| fields.get(index).and_then(|field| field.parse::<u64>().ok()).unwrap_or(0);
        // Fields after the name, from 0: state is 0, utime 11, stime 12 (in clock ticks of 10 ms).
        sample.cpu = Duration::from_millis((ticks(11) + ticks(12)) * 10);
        if let Some(peak) = fs::read_to_string(proc_dir.join("status"))
            .ok()
            .and_then(|status| status.lines().find(|line| line.starts_with("VmHWM:")).map(str::to_owned))
        {
            let kib: u64 = peak.split_whitespace().nth(1).and_then(|n| n.parse().ok()).unwrap_or(0);
            sample.peak_rss_bytes = sample.peak_rss_bytes.max(kib * 1024);
        }
        if fields.first() == Some(&"Z") {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let output = child.wait_with_output().map_err(|err| Diagnostic::error(format!("waiting for a render: {err}")))?;
    sample.wall = started.elapsed();
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(Diagnostic::error(format!("`xtask {}` failed:\n{stderr}", args.join(" "))));
    }
    Ok(sample)
}

/// Writes every file of `source`, read into memory first, to the same names below `target`, with
/// two threads: the least a render of the same output must spend.
fn write_floor(source: &Path, target: &Path) -> Result<Measure, Diagnostic> {
    let mut files = Vec::new();
    collect(source, source, &mut files);
    let mut dirs: Vec<PathBuf> = files.iter().filter_map(|(path, _)| path.parent().map(Path::to_path_buf)).collect();
    dirs.sort();
    dirs.dedup();
    let io = |err: std::io::Error| Diagnostic::error(format!("write floor: {err}"));
    let started = Instant::now();
    for dir in &dirs {
        fs::create_dir_all(target.join(dir)).map_err(io)?;
    }
    let (left, right) = files.split_at(files.len() / 2);
    std::thread::scope(|scope| {
        let write = |half: &[(PathBuf, Vec<u8>)]| -> std::io::Result<()> {
            for (path, bytes) in half {
                fs::write(target.join(path), bytes)?;
            }
            Ok(())
        };
        let other = scope.spawn(move || write(right));
        let mine = write(left);
        mine.and(other.join().unwrap_or_else(|_| Err(std::io::Error::other("a writer thread panicked"))))
    })
    .map_err(io)?;
    let wall = started.elapsed();
    Ok(Measure { wall, cpu: Duration::ZERO, peak_rss_bytes: 0 })
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(PathBuf, Vec<u8>)>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, files);
        } else if let (Ok(bytes), Ok(relative)) = (fs::read(&path), path.strip_prefix(root)) {
            files.push((relative.to_path_buf(), bytes));
        }
    }
}

fn tree_size(dir: &Path) -> (usize, u64) {
    let mut files = Vec::new();
    collect(dir, dir, &mut files);
    let pages = files.iter().filter(|(path, _)| !path.starts_with(".ladder-manifest")).count();
    (pages, files.iter().map(|(_, bytes)| bytes.len() as u64).sum())
}

/// Appends a word to the first description of the English translations.
fn change_one_description(input: &Path) -> Result<(), Diagnostic> {
    let path = input.join("locales/en/skills.ftl");
    let text = fs::read_to_string(&path).map_err(|err| Diagnostic::error(format!("{}: {err}", path.display())))?;
    let Some(at) = text.find("--junior = ") else {
        return Err(Diagnostic::error("no description to change in the generated catalog".to_owned()));
    };
    let changed = format!("{}Revised: {}", &text[..at + "--junior = ".len()], &text[at + "--junior = ".len()..]);
    fs::write(&path, changed).map_err(|err| Diagnostic::error(format!("{}: {err}", path.display())))
}

fn table(rows: &[Row]) -> String {
    let mut out = String::from(
        "| skills | run | files | MB | wall s | cpu s | peak MiB | files/s | MB/s | x floor |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for row in rows {
        let floor = rows
            .iter()
            .find(|r| r.size == row.size && r.what == "write floor")
            .map_or(0.0, |r| r.measure.wall.as_secs_f64());
        let wall = row.measure.wall.as_secs_f64();
        let mb = row.bytes as f64 / 1e6;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {:.0} | {:.2} | {:.2} | {:.0} | {:.0} | {:.0} | {:.1} |",
            row.size,
            row.what,
            row.files,
            mb,
            wall,
            row.measure.cpu.as_secs_f64(),
            row.measure.peak_rss_bytes as f64 / (1024.0 * 1024.0),
            row.files as f64 / wall,
            mb / wall,
            if floor > 0.0 { wall / floor } else { 0.0 },
        );
    }
    out
}
