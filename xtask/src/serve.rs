//! `cargo xtask serve`: a live preview for translators and content owners.
//!
//! Renders the project into a private directory and serves it on loopback. A watcher
//! (notify, debounced) re-renders after every saved edit of the catalog, the translations or the
//! templates, and open pages reload themselves through server-sent events. A broken edit keeps the
//! last good pages served, with the diagnostics laid over them (and printed in the terminal) until
//! the file is fixed. The reload script and the overlay are added to pages as they are served:
//! nothing of them is ever written into the rendered files, let alone a published output.
//!
//! HTTP is tiny_http: one thread per connection, which suits a preview with a handful of tabs, and
//! lets an event stream be a plain blocking writer.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::time::{Duration, Instant};

use notify_debouncer_mini::notify::RecursiveMode;
use tiny_http::{Header, Request, Response, Server};

use crate::diagnostics::{Diagnostic, SourceLines};
use crate::flags::RenderOptions;
use crate::incremental::Incremental;

/// Where the live-reload endpoints live: a path no page of Ladder's layout can take.
const PREFIX: &str = "/__ladder/";

#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// What to render; `out_dir` is ignored: the preview renders into a directory of its own.
    pub render: RenderOptions,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub open: bool,
}

/// What the browser is shown: a generation number that every re-render bumps, and the
/// diagnostics of the last render if it failed.
#[derive(Debug, Default)]
struct Preview {
    generation: u64,
    /// The last failed render's diagnostics, as text; `None` once a render succeeds.
    errors: Option<String>,
}

#[derive(Debug, Default)]
pub(crate) struct Shared {
    preview: Mutex<Preview>,
    changed: Condvar,
    stopping: AtomicBool,
    /// Files of the site (relative paths) being rendered again after the reload event was sent:
    /// a request for one waits until it is written, so no stale file is ever served.
    pending: Mutex<HashSet<PathBuf>>,
    written: Condvar,
}

impl Shared {
    pub(crate) fn update(&self, errors: Option<String>) {
        let mut preview = self.preview.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        preview.generation += 1;
        preview.errors = errors;
        self.changed.notify_all();
    }

    pub(crate) fn set_pending(&self, paths: impl IntoIterator<Item = PathBuf>) {
        let mut pending = self.pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        pending.extend(paths);
    }

    pub(crate) fn done(&self, path: &Path) {
        let mut pending = self.pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        pending.remove(path);
        self.written.notify_all();
    }

    /// Waits (at most a minute) until `relative` is no longer being rendered.
    fn wait_written(&self, relative: &Path) {
        let pending = self.pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let _ = self
            .written
            .wait_timeout_while(pending, Duration::from_secs(60), |pending| pending.contains(relative))
            .unwrap_or_else(std::sync::PoisonError::into_inner);
    }
}

/// Serves until Ctrl-C. Prints the address first, so scripts and tests can read it.
pub fn run(options: &ServeOptions) -> Result<(), Diagnostic> {
    let site = std::env::temp_dir().join(format!("ladder-serve-{}", std::process::id()));
    let mut render_options = options.render.clone();
    render_options.out_dir = site.clone();

    let shared = Arc::new(Shared::default());
    let handler = Arc::clone(&shared);
    ctrlc::set_handler(move || {
        handler.stopping.store(true, Ordering::SeqCst);
        handler.changed.notify_all();
    })
    .map_err(|err| Diagnostic::error(format!("cannot catch Ctrl-C: {err}")))?;

    let address = SocketAddr::new(options.bind, options.port);
    let server = Server::http(address).map_err(|err| {
        Diagnostic::error(format!("cannot listen on {address}: {err}"))
            .with_help("pass another --port, or stop what is using this one".to_owned())
    })?;
    let local = server.server_addr().to_ip().unwrap_or(address);

    // Watching starts before the first render reads anything: an edit saved while it runs is
    // not lost.
    let (events, edits) = mpsc::channel();
    let mut debouncer = notify_debouncer_mini::new_debouncer(Duration::from_millis(20), events)
        .map_err(|err| Diagnostic::error(format!("cannot watch for edits: {err}")))?;
    let mut watched = vec![&render_options.catalog_dir, &render_options.locales_dir];
    watched.extend(render_options.templates_dir.as_ref());
    for dir in watched {
        debouncer
            .watcher()
            .watch(dir, RecursiveMode::Recursive)
            .map_err(|err| Diagnostic::error(format!("cannot watch {}: {err}", dir.display())))?;
    }
    let mut seen: HashMap<PathBuf, Option<Stamp>> = HashMap::new();
    for dir in
        [&render_options.catalog_dir, &render_options.locales_dir].into_iter().chain(&render_options.templates_dir)
    {
        stamp_tree(dir, &mut seen);
    }
    let started = Instant::now();
    let mut preview = Incremental::new(&render_options);
    shared.update(preview.render_all(started));
    #[allow(clippy::print_stdout, reason = "the address is the command's output")]
    {
        println!("serving http://{local}/ (first render in {:.2} s; Ctrl-C to stop)", started.elapsed().as_secs_f64());
        let _ = std::io::stdout().flush();
    }
    if options.open {
        // Best effort: the address is printed above whatever the desktop does.
        let _ = std::process::Command::new("xdg-open").arg(format!("http://{local}/")).spawn();
    }

    // The watcher names files by absolute path.
    let locales =
        std::fs::canonicalize(&render_options.locales_dir).unwrap_or_else(|_| render_options.locales_dir.clone());
    let rerender = Arc::clone(&shared);
    std::thread::spawn(move || {
        // What lets an edit re-render only what it changed; built while nobody is editing yet.
        preview.index_lookups();
        for batch in edits {
            if rerender.stopping.load(Ordering::SeqCst) {
                break;
            }
            // Reading a file is an event too (the render's own reads among them): only a batch
            // in which some file's size or modification time changed is an edit.
            let Ok(batch) = batch else { continue };
            let started = Instant::now();
            let paths: Vec<&Path> =
                batch.iter().map(|event| event.path.as_path()).filter(|path| is_input(path, &locales)).collect();
            if paths.iter().any(|path| seen.get(*path).copied().flatten() != stamp(path)) {
                settle(&paths);
            }
            let mut edited = Vec::new();
            for event in batch.iter().filter(|event| is_input(&event.path, &locales)) {
                let now = stamp(&event.path);
                // A file never seen that is already gone (an editor's or sed's temporary) is
                // no edit; a new file is.
                let before = seen.insert(event.path.clone(), now).flatten();
                if before != now {
                    edited.push((event.path.clone(), before.is_some() && now.is_some()));
                }
            }
            if !edited.is_empty() {
                preview.edited(&edited, &rerender, started);
            }
        }
    });

    while !shared.stopping.load(Ordering::SeqCst) {
        let Ok(Some(request)) = server.recv_timeout(Duration::from_millis(100)) else { continue };
        let shared = Arc::clone(&shared);
        let site = site.clone();
        std::thread::spawn(move || respond(request, &site, &shared));
    }
    drop(debouncer);
    let _ = std::fs::remove_dir_all(&site);
    let _ = std::fs::remove_dir_all(site.with_file_name(format!(".ladder-serve-{}.ladder", std::process::id())));
    Ok(())
}

/// Waits until none of `paths` changes for 10 ms (at most a few seconds): a large file written in
/// place (truncated, then written) can outlast the debounce, and half of it is no edit to show.
fn settle(paths: &[&Path]) {
    let mut last: Vec<Option<Stamp>> = paths.iter().map(|path| stamp(path)).collect();
    for _ in 0..300 {
        std::thread::sleep(Duration::from_millis(10));
        let now: Vec<Option<Stamp>> = paths.iter().map(|path| stamp(path)).collect();
        if now == last {
            return;
        }
        last = now;
    }
}

/// What tells an edited file from a file that was only read.
type Stamp = (std::time::SystemTime, u64);

fn stamp(path: &Path) -> Option<Stamp> {
    let metadata = std::fs::metadata(path).ok()?;
    Some((metadata.modified().ok()?, metadata.len()))
}

/// Whether an event's path can be an input: directories change when files do (their own events
/// say which), and hidden files and editors' backups are no input of a render. Below `locales`
/// (absolute) a render reads only Fluent and lock files, so another name there (an editor's or
/// `sed -i`'s temporary file) is no edit either; in the catalog any file is (a stray one is an
/// error).
fn is_input(path: &Path, locales: &Path) -> bool {
    let name = path.file_name().map(|name| name.to_string_lossy()).unwrap_or_default();
    if path.is_dir() || name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") {
        return false;
    }
    !path.starts_with(locales) || name == ladder_i18n::LOCK_FILE || path.extension().is_some_and(|ext| ext == "ftl")
}

/// The stamps of every file below `dir`, as the watcher will name them (absolute).
fn stamp_tree(dir: &Path, seen: &mut HashMap<PathBuf, Option<Stamp>>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = std::fs::canonicalize(entry.path()).unwrap_or_else(|_| entry.path());
        if path.is_dir() {
            stamp_tree(&path, seen);
        } else {
            seen.insert(path.clone(), stamp(&path));
        }
    }
}

/// Diagnostics as the terminal shows them.
pub(crate) fn diagnostics_text(diagnostics: &[Diagnostic]) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut sources = SourceLines::default();
    let mut text = String::new();
    for diagnostic in diagnostics {
        let _ = writeln!(text, "{}", diagnostic.render_with(&cwd, &mut sources));
    }
    text
}

#[allow(clippy::print_stderr, reason = "the terminal is told what each edit did")]
pub(crate) fn log_render(errors: Option<&str>, took: Duration, what: &str) {
    match errors {
        None => eprintln!("re-rendered in {:.0} ms{what}", took.as_secs_f64() * 1000.0),
        Some(text) => eprintln!("{text}the last good pages are still served; fix the file and save"),
    }
}

fn respond(request: Request, site: &Path, shared: &Shared) {
    let url = request.url().split(['?', '#']).next().unwrap_or("/").to_owned();
    match url.strip_prefix(PREFIX) {
        Some("events") => stream_events(request, shared),
        Some("live.js") => send(request, LIVE_JS, "text/javascript"),
        Some("errors") => {
            let errors = shared.preview.lock().map(|p| p.errors.clone().unwrap_or_default()).unwrap_or_default();
            send(request, errors, "text/plain; charset=utf-8");
        }
        _ => serve_file(request, site, &url, shared),
    }
}

fn serve_file(request: Request, site: &Path, url: &str, shared: &Shared) {
    if let Some(relative) = file_for(site, url).as_deref().and_then(|path| path.strip_prefix(site).ok()) {
        shared.wait_written(relative);
    }
    let Some(path) = file_for(site, url) else {
        let _ = request.respond(Response::from_string("not found").with_status_code(404));
        return;
    };
    let Ok(bytes) = std::fs::read(&path) else {
        let _ = request.respond(Response::from_string("not found").with_status_code(404));
        return;
    };
    let extension = path.extension().and_then(|ext| ext.to_str()).unwrap_or_default();
    if extension == "html" {
        let errors = shared.preview.lock().map(|p| p.errors.clone()).unwrap_or_default();
        let page = with_live_reload(&String::from_utf8_lossy(&bytes), errors.as_deref());
        send(request, page, "text/html; charset=utf-8");
        return;
    }
    let kind = match extension {
        "css" => "text/css",
        "js" => "text/javascript",
        "md" => "text/markdown; charset=utf-8",
        "svg" => "image/svg+xml",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
    send(request, bytes, kind);
}

/// The file a URL names below `site`, or `None` if it would leave it; a directory means its
/// `index.html`.
fn file_for(site: &Path, url: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url.trim_start_matches('/'))?;
    let relative = Path::new(&decoded);
    if !relative.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    let path = site.join(relative);
    if path.is_dir() { Some(path.join("index.html")) } else { Some(path) }
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            let hex = text.get(index + 1..index + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            index += 3;
        } else {
            out.push(bytes[index]);
            index += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The page with the reload script, and the diagnostics laid over it when the last render failed.
fn with_live_reload(page: &str, errors: Option<&str>) -> String {
    let mut extra = format!(r#"<script src="{PREFIX}live.js"></script>"#);
    if let Some(errors) = errors {
        let _ = write!(
            extra,
            r#"<div id="ladder-live-errors" role="alert" style="position:fixed;inset:0;overflow:auto;background:rgba(20,20,20,.94);color:#fff;padding:2rem;z-index:99999;font:14px/1.4 monospace;white-space:pre-wrap"><strong>The last edit broke the render: the pages below are the last good ones.</strong>

{}</div>"#,
            escape_html(errors)
        );
    }
    match page.rfind("</body>") {
        Some(at) => format!("{}{extra}{}", &page[..at], &page[at..]),
        None => format!("{page}{extra}"),
    }
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Server-sent events: one `data:` line per re-render, until the client or the server goes.
fn stream_events(request: Request, shared: &Shared) {
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n";
    if writer.write_all(head.as_bytes()).and_then(|()| writer.flush()).is_err() {
        return;
    }
    let mut seen = shared.preview.lock().map(|p| p.generation).unwrap_or_default();
    loop {
        let guard = shared.preview.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let (guard, _) = shared
            .changed
            .wait_timeout_while(guard, Duration::from_secs(15), |p| {
                p.generation == seen && !shared.stopping.load(Ordering::SeqCst)
            })
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let generation = guard.generation;
        drop(guard);
        if shared.stopping.load(Ordering::SeqCst) {
            return;
        }
        // A comment line every 15 s keeps proxies and the browser from closing an idle stream.
        let message = if generation == seen { ": idle\n\n".to_owned() } else { format!("data: {generation}\n\n") };
        seen = generation;
        if writer.write_all(message.as_bytes()).and_then(|()| writer.flush()).is_err() {
            return;
        }
    }
}

/// Sends `body` with its content type.
fn send(request: Request, body: impl Into<Vec<u8>>, kind: &str) {
    let mut response = Response::from_data(body.into());
    if let Ok(header) = Header::from_bytes("Content-Type", kind) {
        response = response.with_header(header);
    }
    let _ = request.respond(response);
}

/// Reloads the page after every re-render; served only by `serve`, never written to the site.
const LIVE_JS: &str = r#"// Ladder live preview: reload when the project is re-rendered.
new EventSource("/__ladder/events").onmessage = () => location.reload();
"#;
