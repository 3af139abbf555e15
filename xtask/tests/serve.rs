//! `cargo xtask serve` as a translator uses it: edit a file, see the served page change; break
//! a file, see the diagnostics over the last good page; fix it, and the overlay is gone.

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use std::{fs, thread};

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
