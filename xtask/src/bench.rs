//! `cargo xtask bench`: how fast a render is, measured against what the disk allows.
//!
//! For each size it builds the release binary once, generates a catalog (`gen-catalog`, 20 roles,
//! 10 locales), and times, each as its own process: a full render (Markdown and HTML), HTML only,
//! the same with one thread, a re-render with nothing changed, and a re-render after one
//! description changed. The **write floor** is measured in the same run: the bytes of the full
//! render, held in memory, written to the same file names in a fresh directory by two threads.
//! Every time is also given as a multiple of the floor. CPU time and peak memory come from
//! `/proc` (Linux), read while the process runs.
//!
//! With `--serve` it times the live preview instead: how long after saving a one-description
//! edit the reload event reaches an open page, and the page is served with the new text.

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
    let (binary, root) = release_build(workspace)?;

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

/// Builds the release binary; returns it and a fresh directory for this run's trees.
fn release_build(workspace: &Path) -> Result<(PathBuf, PathBuf), Diagnostic> {
    let status = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(["build", "--release", "--quiet", "-p", "xtask"])
        .current_dir(workspace)
        .status()
        .map_err(|err| Diagnostic::error(format!("cannot run cargo: {err}")))?;
    if !status.success() {
        return Err(Diagnostic::error("the release build failed".to_owned()));
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| workspace.join("target"), PathBuf::from);
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    Ok((target.join("release/xtask"), target.join(format!("bench/{stamp}"))))
}

/// `cargo xtask bench --serve`: for each size, starts the release binary's `serve` on the
/// generated catalog, listens to its reload events as an open page does, and `edits` times
/// changes one English description, timing from the write to the reload event and to the
/// changed page being served with the new text.
pub fn run_serve(workspace: &Path, sizes: &[usize], edits: usize) -> Result<String, Diagnostic> {
    let (binary, root) = release_build(workspace)?;
    let load_before = load_average();
    let mut out = String::from(
        "| skills | edits | first render s | to reload event, median ms | worst ms | to the page served, median ms | worst ms | serve's re-render, median ms | to every file written, median ms |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for &size in sizes {
        let input = root.join(size.to_string()).join("input");
        let generated =
            gen_catalog::run(&GenOptions { skills: size, roles: 20, locales: 10, out: input.clone(), seed: 1 })?;
        let timings = time_serve(&binary, &input, &generated.locales, edits);
        let _ = fs::remove_dir_all(root.join(size.to_string()));
        let timings = timings?;
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let _ = writeln!(
            out,
            "| {size} | {edits} | {:.2} | {:.0} | {:.0} | {:.0} | {:.0} | {} | {:.0} |",
            timings.first_render.as_secs_f64(),
            ms(median(&timings.reload)),
            ms(worst(&timings.reload)),
            ms(median(&timings.page)),
            ms(worst(&timings.page)),
            if timings.rerender.is_empty() { "?".to_owned() } else { format!("{:.0}", ms(median(&timings.rerender))) },
            ms(median(&timings.everything)),
        );
    }
    let _ = fs::remove_dir_all(&root);
    let _ = writeln!(out, "\nload average (1, 5, 15 min): {load_before} before, {} after", load_average());
    Ok(out)
}

/// What `serve` took, per edit.
#[derive(Debug, Default)]
struct ServeTimings {
    first_render: Duration,
    /// From writing the file to the reload event that served the new text.
    reload: Vec<Duration>,
    /// From writing the file to the changed page served with the new text.
    page: Vec<Duration>,
    /// From writing the file to every locale's search index served again: the whole preview
    /// as `render` would publish it.
    everything: Vec<Duration>,
    /// The re-render times `serve` itself printed.
    rerender: Vec<Duration>,
}

fn time_serve(binary: &Path, input: &Path, locales: &[&str], edits: usize) -> Result<ServeTimings, Diagnostic> {
    use std::io::{BufRead as _, BufReader, Read as _, Write as _};
    use std::net::TcpStream;

    let failed = |what: &str, err: &dyn std::fmt::Display| Diagnostic::error(format!("bench --serve: {what}: {err}"));
    let started = Instant::now();
    let mut child = Command::new(binary)
        .args(["serve", "--port", "0", "--catalog", "catalog", "--locales", "locales"])
        .current_dir(input)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|err| failed("cannot start serve", &err))?;
    let serving = Stopper(child.id());
    // Serve's terminal log: its own re-render times.
    let stderr = child.stderr.take().map(BufReader::new);
    let log = std::thread::spawn(move || stderr.map(|stderr| stderr.lines().map_while(Result::ok).collect::<Vec<_>>()));
    let mut first_line = String::new();
    if let Some(stdout) = child.stdout.take() {
        let _ = BufReader::new(stdout).read_line(&mut first_line);
    }
    let Some(address) = first_line.split("http://").nth(1).and_then(|rest| rest.split('/').next()).map(str::to_owned)
    else {
        drop(serving);
        let _ = child.wait();
        let log = log.join().ok().flatten().unwrap_or_default().join("\n");
        return Err(Diagnostic::error(format!("bench --serve: serve did not start:\n{log}")));
    };
    let mut timings = ServeTimings { first_render: started.elapsed(), ..ServeTimings::default() };

    let skills = input.join("locales/en/skills.ftl");
    let english = fs::read_to_string(&skills).map_err(|err| failed("reading the English descriptions", &err))?;
    let marker = "--junior = ";
    let (Some(at), Some(skill)) = (
        english.find(marker),
        english
            .lines()
            .find(|line| line.contains(marker))
            .and_then(|line| line.strip_prefix("skill-")?.split("--").next()),
    ) else {
        return Err(Diagnostic::error("bench --serve: no description to change in the generated catalog".to_owned()));
    };
    let page = format!("/en/skills/{skill}.html");
    let get = |path: &str| -> String {
        let mut response = String::new();
        if let Ok(mut stream) = TcpStream::connect(&address) {
            let _ = write!(stream, "GET {path} HTTP/1.0\r\nHost: {address}\r\n\r\n");
            let _ = stream.read_to_string(&mut response);
        }
        response
    };

    let mut events = TcpStream::connect(&address).map_err(|err| failed("connecting to the event stream", &err))?;
    write!(events, "GET /__ladder/events HTTP/1.1\r\nHost: {address}\r\n\r\n")
        .map_err(|err| failed("opening the event stream", &err))?;
    events.set_read_timeout(Some(Duration::from_secs(60))).map_err(|err| failed("event stream", &err))?;
    let mut events = BufReader::new(events);
    let mut line = String::new();
    while line != "\r\n" {
        line.clear();
        if events.read_line(&mut line).map_err(|err| failed("reading the event stream", &err))? == 0 {
            return Err(Diagnostic::error("bench --serve: the event stream closed".to_owned()));
        }
    }

    // Edit 0 is not timed: serve indexes what every page looks up after its first render, and
    // takes edits after that.
    for edit in 0..=edits {
        // Let serve finish with the previous edit (it records what the pages it rendered look up)
        // and the render's own file reads pass the watcher's debouncing.
        std::thread::sleep(Duration::from_secs(1));
        let token = format!("Benchedit{edit}");
        let changed = format!("{}{token} {}", &english[..at + marker.len()], &english[at + marker.len()..]);
        let written = Instant::now();
        fs::write(&skills, changed).map_err(|err| failed("writing the edit", &err))?;
        loop {
            line.clear();
            let read = events.read_line(&mut line).map_err(|err| failed("waiting for the reload event", &err))?;
            if read == 0 {
                return Err(Diagnostic::error("bench --serve: the event stream closed".to_owned()));
            }
            if !line.starts_with("data: ") {
                continue;
            }
            let reload = written.elapsed();
            // A page that reloads now asks for itself again: the event counts if it gets the edit.
            if get(&page).contains(&token) {
                if edit > 0 {
                    timings.page.push(written.elapsed());
                    timings.reload.push(reload);
                }
                break;
            }
        }
        // Serve finishes the whole locales' files (search indexes, translation status) after
        // the event, and holds requests for them until they are written.
        for locale in locales {
            get(&format!("/{locale}/search-index.js"));
        }
        if edit > 0 {
            timings.everything.push(written.elapsed());
        }
    }
    drop(serving);
    let _ = child.wait();
    // The first re-render is the untimed edit's.
    for line in log.join().ok().flatten().unwrap_or_default().iter().skip(1) {
        let ms = line.strip_prefix("re-rendered in ").and_then(|rest| rest.split(" ms").next());
        if let Some(ms) = ms.and_then(|ms| ms.parse::<u64>().ok()) {
            timings.rerender.push(Duration::from_millis(ms));
        }
    }
    Ok(timings)
}

/// Stops a `serve` with Ctrl-C's signal, so it removes its private directory.
struct Stopper(u32);

impl Drop for Stopper {
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-INT", &self.0.to_string()]).status();
    }
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}

fn worst(times: &[Duration]) -> Duration {
    times.iter().max().copied().unwrap_or_default()
}

/// `/proc/loadavg`'s three load averages, or "?" where there is none.
fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|text| text.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "?".to_owned())
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
