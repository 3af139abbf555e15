//! `cargo xtask serve` as a translator uses it: edit a file, see the served page change; break
//! a file, see the diagnostics over the last good page; fix it, and the overlay is gone.

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use std::{fs, thread};

mod support;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// A plain HTTP/1.0 GET: the body, or the status line if it is not 200.
fn get(address: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {address}\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    if head.starts_with("HTTP/1.1 200") || head.starts_with("HTTP/1.0 200") { body.to_owned() } else { head.to_owned() }
}

/// Polls `path` until `done` holds of the body, for at most 15 s.
fn wait_for(address: &str, path: &str, what: &str, done: impl Fn(&str) -> bool) -> String {
    let started = Instant::now();
    loop {
        let body = get(address, path);
        if done(&body) {
            return body;
        }
        assert!(started.elapsed() < Duration::from_secs(15), "waited 15 s for {what}; the page is:\n{body}");
        thread::sleep(Duration::from_millis(50));
    }
}

struct Serving(Child);

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
        // Killed, serve cannot remove its private directories itself.
        let pid = self.0.id();
        let _ = fs::remove_dir_all(std::env::temp_dir().join(format!("ladder-serve-{pid}")));
        let _ = fs::remove_dir_all(std::env::temp_dir().join(format!(".ladder-serve-{pid}.ladder")));
    }
}

#[test]
fn an_edit_shows_in_the_served_page_and_a_broken_edit_keeps_the_last_good_one() {
    let project = tempfile::tempdir().unwrap();
    for dir in ["catalog", "locales"] {
        assert!(
            Command::new("cp").arg("-r").arg(workspace().join(dir)).arg(project.path()).status().unwrap().success()
        );
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["serve", "--port", "0", "--catalog", "catalog", "--locales", "locales"])
        .current_dir(project.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first_line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first_line).unwrap();
    let serving = Serving(child);
    let address = first_line.split("http://").nth(1).and_then(|rest| rest.split('/').next()).unwrap().to_owned();
    assert!(address.starts_with("127.0.0.1:"), "loopback only by default: {first_line}");

    let page = "/en/skills/serverless-functions.html";
    let before = get(&address, page);
    assert!(before.contains("Understands basic serverless concepts"), "{before}");
    assert!(before.contains(r#"<script src="/__ladder/live.js"></script>"#), "the reload script is served");
    assert!(get(&address, "/__ladder/live.js").contains("EventSource"));
    let outside = get(&address, "/../../etc/passwd");
    assert!(outside.starts_with("HTTP/") && outside.contains(" 404 "), "nothing outside the site: {outside}");

    // Open pages listen for re-renders: an event stream that speaks after the edit below.
    let mut events = TcpStream::connect(&address).unwrap();
    write!(events, "GET /__ladder/events HTTP/1.1\r\nHost: {address}\r\n\r\n").unwrap();
    events.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    let mut events = BufReader::new(events);
    let mut line = String::new();
    events.read_line(&mut line).unwrap();
    assert!(line.starts_with("HTTP/1.1 200"), "{line}");

    let skills = project.path().join("locales/en/skills.ftl");
    let english = fs::read_to_string(&skills).unwrap();
    fs::write(&skills, english.replace("Understands basic serverless concepts", "Knows basic serverless concepts"))
        .unwrap();
    wait_for(&address, page, "the edit", |body| body.contains("Knows basic serverless concepts"));
    while !line.starts_with("data: ") {
        line.clear();
        events.read_line(&mut line).unwrap();
    }

    let ui = project.path().join("locales/es/ui.ftl");
    let spanish = fs::read_to_string(&ui).unwrap();
    fs::write(&ui, spanish.replace("ui-skill-profile = Perfil de habilidad", "ui-skill-profile = Perfil de { $x"))
        .unwrap();
    let broken = wait_for(&address, page, "the overlay", |body| body.contains("ladder-live-errors"));
    assert!(broken.contains("this `{` is never closed"), "the diagnostic is shown: {broken}");
    assert!(broken.contains("locales/es/ui.ftl:26:30"), "with its place: {broken}");
    assert!(broken.contains("Knows basic serverless concepts"), "over the last good page");

    fs::write(&ui, spanish).unwrap();
    wait_for(&address, page, "the overlay to go", |body| !body.contains("ladder-live-errors"));

    // The published output of the project is untouched: the preview renders elsewhere.
    assert!(!project.path().join("dist").exists());
    drop(serving);
}

/// Starts `serve` on `project`, its terminal log read into a channel; the address and the log.
fn serve_logged(project: &Path) -> (Serving, String, std::sync::mpsc::Receiver<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["serve", "--port", "0", "--catalog", "catalog", "--locales", "locales"])
        .current_dir(project)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first_line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first_line).unwrap();
    let address = first_line.split("http://").nth(1).and_then(|rest| rest.split('/').next()).unwrap().to_owned();
    let (lines, log) = std::sync::mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    (Serving(child), address, log)
}

/// The next line of serve's log that starts with `re-rendered` or holds an error.
fn next_render(log: &std::sync::mpsc::Receiver<String>) -> String {
    loop {
        let line = log.recv_timeout(Duration::from_secs(30)).expect("serve logs every render");
        if line.starts_with("re-rendered") || line.contains("error") {
            return line;
        }
    }
}

/// Asks for every file of `fresh`'s layout (serve holds a file it is still rendering until it is
/// written), then compares the preview's files with `fresh`'s, byte for byte.
fn assert_preview_is(address: &str, preview: &Path, fresh: &Path, what: &str) {
    let expected = support::outputs(fresh);
    for path in expected.keys() {
        get(address, &format!("/{path}"));
    }
    let served = support::outputs(preview);
    let differing: Vec<&String> =
        expected.keys().chain(served.keys()).filter(|path| expected.get(*path) != served.get(*path)).collect();
    assert!(differing.is_empty(), "{what}: the preview differs from a render in {differing:?}");
}

/// Renders `project` from scratch into `out`.
fn render(project: &Path, out: &Path) {
    let _ = fs::remove_dir_all(out);
    let status = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["render", "--catalog", "catalog", "--locales", "locales", "--out"])
        .arg(out)
        .current_dir(project)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn a_translation_edit_re_renders_only_what_it_changes_and_the_preview_equals_a_render() {
    let project = tempfile::tempdir().unwrap();
    support::default_project(project.path());
    let fresh = project.path().join("fresh");
    let (serving, address, log) = serve_logged(project.path());
    let preview = std::env::temp_dir().join(format!("ladder-serve-{}", serving.0.id()));
    assert!(preview.join("index.html").is_file(), "serve renders into {}", preview.display());

    let english = project.path().join("locales/en/skills.ftl");
    let spanish = project.path().join("locales/es/catalog.ftl");
    let edit = |path: &Path, old: &str, new: &str| {
        let text = fs::read_to_string(path).unwrap();
        assert!(text.contains(old), "{old}");
        fs::write(path, text.replacen(old, new, 1)).unwrap();
    };
    let page = "/es/skills/serverless-functions.html";
    let english_page = "/en/skills/serverless-functions.html";

    // An English description that Spanish and Russian fall back to: only the pages showing it.
    edit(&english, "Understands basic serverless concepts", "Grasps basic serverless concepts");
    wait_for(&address, page, "the English edit", |body| body.contains("Grasps basic serverless concepts"));
    let rendered = next_render(&log);
    assert!(rendered.contains("the rest after the reload"), "an incremental render: {rendered}");
    render(project.path(), &fresh);
    assert_preview_is(&address, &preview, &fresh, "after an English edit");

    // Spanish translates it: a key Spanish did not have.
    let text = fs::read_to_string(&spanish).unwrap();
    fs::write(
        &spanish,
        format!("{text}\nskill-serverless-functions--cloud-engineer--junior = Entiende los conceptos básicos\n"),
    )
    .unwrap();
    wait_for(&address, page, "the Spanish edit", |body| body.contains("Entiende los conceptos básicos"));
    assert!(next_render(&log).contains("the rest after the reload"));
    render(project.path(), &fresh);
    assert_preview_is(&address, &preview, &fresh, "after a Spanish edit");

    // An English name Spanish translates: the Spanish pages mark their translation stale.
    let names = project.path().join("locales/en/catalog.ftl");
    edit(&names, "level-senior = Senior\n", "level-senior = Senior Engineer\n");
    wait_for(&address, english_page, "the English name", |body| body.contains("Senior Engineer"));
    assert!(next_render(&log).contains("the rest after the reload"));
    render(project.path(), &fresh);
    assert_preview_is(&address, &preview, &fresh, "after an English edit that Spanish translates");

    // An edit that breaks English while changing a description, then one that mends only what
    // broke: the mended render shows the description changed in the broken edit too.
    let text = fs::read_to_string(&english).unwrap();
    let changed = text.replacen("Grasps basic serverless concepts", "Knows basic serverless concepts", 1);
    fs::write(&english, format!("{changed}\nbroken-message = {{ $x\n")).unwrap();
    wait_for(&address, english_page, "the overlay", |body| body.contains("ladder-live-errors"));
    fs::write(&english, &changed).unwrap();
    let mended = wait_for(&address, english_page, "the overlay to go", |body| !body.contains("ladder-live-errors"));
    assert!(mended.contains("Knows basic serverless concepts"), "{mended}");
    render(project.path(), &fresh);
    assert_preview_is(&address, &preview, &fresh, "after a broken edit and its fix");
    drop(serving);
}
