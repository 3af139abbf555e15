//! The publisher: it owns the output directory (`--out`) and replaces it in one step.
//!
//! A render never writes into `--out` itself. [`Publisher::open`] checks that the directory is
//! Ladder's to replace, takes a lock and creates a staging tree next to it; rayon workers stream
//! each page into staging as soon as it is rendered ([`Publisher::write`]), or carry a file of the
//! previous output over ([`Publisher::keep`]); [`Publisher::commit`] writes the manifest and swaps
//! staging with `--out` in one rename. A render that fails, or is killed, before the swap leaves
//! `--out` exactly as it was; dropping an uncommitted publisher removes what it staged.
//!
//! # Work directory
//!
//! For `--out <parent>/<name>`, the work directory is `<parent>/.<name>.ladder/`: on the same file
//! system as the output, so that renames and hard links work. It holds `lock` (locked with
//! [`File::try_lock`] for the whole render, so two renders cannot publish into one directory at
//! once), `staging/` (the next output) and, only while the fallback swap runs, `old/`. A run that
//! was killed leaves it behind; the next run removes it first. After a commit or a failure,
//! nothing of it remains.
//!
//! # Manifest
//!
//! The top of every output holds `.ladder-manifest`, the marker saying Ladder owns the directory
//! and what it wrote there. It is UTF-8 text, one record per line:
//!
//! ```text
//! ladder-output 2
//! <blake3 hex> <inputs hex or -> <size in bytes> <mtime in ns since the Unix epoch> <path>
//! ```
//!
//! `2` is the format's version; version 1 (written by earlier versions, without the inputs field)
//! is still read. Paths are relative to the output, `/`-separated, sorted, and last
//! on the line (they hold no newline: Ladder's layout never does). The size and mtime let a later
//! render see that a file is still what it wrote without reading it; the hash (BLAKE3, stable
//! across versions and platforms, unlike std's `DefaultHasher`) tells whether a new page's bytes
//! are the old ones, so an unchanged page is hard-linked into staging and keeps its bytes, inode
//! and mtime: `rsync`-like tools then move only what changed.
//!
//! The inputs field is the page's fingerprint (`Renderer::fingerprint` mixed with the program's
//! identity): a digest of everything its bytes were made from. A later render that computes the
//! same fingerprint for the page, and finds the old file untouched (size and mtime as recorded),
//! carries it over without rendering it ([`Publisher::reuse`]). `-` means no fingerprint (the
//! status pages, the chooser, the stylesheet): such files are rendered every time.
//!
//! Beside the manifest, `.ladder-lookups` holds the render's lookup index ([`crate::lookups`]),
//! prefixed with the BLAKE3 digest of the manifest it was written with: an index next to any
//! other manifest is not read ([`Publisher::previous_lookups`]). Neither file is listed in the
//! manifest.
//!
//! # Ownership
//!
//! `--out` may be missing, empty, or hold only files its manifest lists. An output without a
//! manifest (written before the manifest existed) is adopted when every file fits Ladder's layout:
//! `index.html`, `ladder.css`, `ladder.js`, `favicon.svg`, `404.html`, `robots.txt`, `sitemap.xml`,
//! `<lang>/{index,translation-status,overview}.{md,html}` and
//! `<lang>/{skills,roles}/<id>.{md,html}`.
//! Anything else is refused rather than deleted by the swap, as is an `--out` that overlaps an
//! input directory.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::fs::{self, File, Metadata, OpenOptions, TryLockError};
use std::io::{self, ErrorKind};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::UNIX_EPOCH;

use ladder_i18n::LanguageIdentifier;
use ladder_model::Id;

/// The marker file at the top of every output Ladder writes.
pub(crate) const MANIFEST_NAME: &str = ".ladder-manifest";
/// The lookup index beside it ([`crate::lookups`]): a cache, tied to the manifest.
pub(crate) const LOOKUPS_NAME: &str = ".ladder-lookups";
const MANIFEST_HEADER: &str = "ladder-output 2";
/// The format before fingerprints: read, never written.
const MANIFEST_HEADER_V1: &str = "ladder-output 1";
/// How many offending files an ownership error lists.
const SHOWN_FOREIGN: usize = 5;

/// Why the output could not be published. The first kinds are about the command line (exit 2);
/// [`PublishError::Io`] is a failure while staging or swapping (exit 1).
#[derive(Debug, thiserror::Error)]
pub(crate) enum PublishError {
    #[error("--out {} is not a directory", out.display())]
    NotADirectory { out: PathBuf },
    #[error("--out {} is a symbolic link to nothing", out.display())]
    DanglingLink { out: PathBuf },
    #[error("--out {} has no parent directory to stage the output in", out.display())]
    NoParent { out: PathBuf },
    #[error("--out {} {relation} the --{flag} directory {}", out.display(), input.display())]
    Overlap { out: PathBuf, relation: &'static str, flag: &'static str, input: PathBuf },
    #[error("--out {} holds {} file(s) Ladder did not write: {}", out.display(), files.len(), list(files))]
    Foreign { out: PathBuf, files: Vec<String> },
    #[error("{} in --out {} is not a manifest Ladder can read: {reason}", MANIFEST_NAME, out.display())]
    BadManifest { out: PathBuf, reason: String },
    #[error("another render is publishing into {} (it holds the lock {})", out.display(), lock.display())]
    Locked { out: PathBuf, lock: PathBuf },
    #[error("cannot {action} {}: {source}; nothing was published, {} was left as it was", path.display(), out.display())]
    Io { action: &'static str, path: PathBuf, out: PathBuf, source: io::Error },
}

fn list(files: &[String]) -> String {
    let mut text = files.iter().take(SHOWN_FOREIGN).map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ");
    if files.len() > SHOWN_FOREIGN {
        let _ = write!(text, " and {} more", files.len() - SHOWN_FOREIGN);
    }
    text
}

impl PublishError {
    /// Whether the command line asked for something Ladder refuses (exit 2), rather than an I/O
    /// failure (exit 1).
    pub(crate) fn is_usage(&self) -> bool {
        !matches!(self, PublishError::Io { .. })
    }

    pub(crate) fn help(&self) -> Option<String> {
        let help = match self {
            PublishError::NotADirectory { .. } | PublishError::DanglingLink { .. } | PublishError::NoParent { .. } => {
                "pass a directory (it is created if missing) as --out"
            }
            PublishError::Overlap { .. } => {
                "publishing replaces the whole output directory: pass an --out outside the inputs"
            }
            PublishError::Foreign { .. } => {
                "publishing replaces the whole output directory: move them elsewhere or pass another --out"
            }
            PublishError::BadManifest { .. } => {
                "delete the manifest if only Ladder's pages are there: Ladder then checks the layout instead"
            }
            PublishError::Locked { .. } => "wait for the other render to finish, then run this one again",
            PublishError::Io { .. } => return None,
        };
        Some(help.to_owned())
    }
}

/// What one file of an output is, as its manifest records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    /// `None` for a file of an adopted output (no manifest yet): compare bytes instead.
    hash: Option<blake3::Hash>,
    /// The fingerprint of what the file was rendered from, if it has one.
    inputs: Option<blake3::Hash>,
    size: u64,
    mtime_ns: u128,
}

/// The files of an output, by `/`-separated path relative to it.
#[derive(Debug, Default)]
pub(crate) struct Manifest {
    entries: BTreeMap<String, Entry>,
}

impl Manifest {
    pub(crate) fn contains(&self, rel: &Path) -> bool {
        key(rel).is_some_and(|key| self.entries.contains_key(&key))
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    fn parse(text: &str) -> Result<Manifest, String> {
        let mut lines = text.lines();
        let fields_per_line = match lines.next() {
            Some(MANIFEST_HEADER) => 5,
            Some(MANIFEST_HEADER_V1) => 4,
            Some(header) if header.starts_with("ladder-output ") => {
                return Err(format!(
                    "`{header}` is a format this version of Ladder does not know (a newer one wrote it?)"
                ));
            }
            _ => return Err(format!("the first line is not `{MANIFEST_HEADER}`")),
        };
        let mut entries = BTreeMap::new();
        for (number, line) in lines.enumerate() {
            let bad = || {
                let inputs = if fields_per_line == 5 { " <inputs>" } else { "" };
                format!("line {} is not `<hash>{inputs} <size> <mtime> <path>`", number + 2)
            };
            let mut fields = line.splitn(fields_per_line, ' ');
            let hash = fields.next().ok_or_else(bad)?;
            let inputs = if fields_per_line == 5 { Some(fields.next().ok_or_else(bad)?) } else { None };
            let (Some(size), Some(mtime), Some(path)) = (fields.next(), fields.next(), fields.next()) else {
                return Err(bad());
            };
            let hash = blake3::Hash::from_hex(hash).map_err(|_| bad())?;
            let inputs = match inputs {
                None | Some("-") => None,
                Some(hex) => Some(blake3::Hash::from_hex(hex).map_err(|_| bad())?),
            };
            let size = size.parse().map_err(|_| bad())?;
            let mtime_ns = mtime.parse().map_err(|_| bad())?;
            if key(Path::new(path)).as_deref() != Some(path) {
                return Err(format!("line {} names `{path}`, not a path inside the output", number + 2));
            }
            entries.insert(path.to_owned(), Entry { hash: Some(hash), inputs, size, mtime_ns });
        }
        Ok(Manifest { entries })
    }

    fn to_text(&self) -> String {
        let mut text = format!("{MANIFEST_HEADER}\n");
        for (path, entry) in &self.entries {
            let hash = entry.hash.map_or_else(String::new, |hash| hash.to_hex().to_string());
            let inputs = entry.inputs.map_or_else(|| "-".to_owned(), |inputs| inputs.to_hex().to_string());
            let _ = writeln!(text, "{hash} {inputs} {} {} {path}", entry.size, entry.mtime_ns);
        }
        text
    }
}

/// What a commit did.
#[derive(Debug)]
pub(crate) struct Published {
    /// Files that kept their bytes, inode and mtime: unchanged pages and files carried over.
    pub(crate) unchanged: usize,
    /// Files of the previous output that the new one no longer has.
    pub(crate) pruned: usize,
    /// Problems after the swap that did not stop it, such as an old tree that could not be removed.
    pub(crate) warnings: Vec<String>,
}

/// Owns `--out` for one render: the lock, the staging tree, the manifest, the swap.
#[derive(Debug)]
pub(crate) struct Publisher {
    /// `--out` as the user wrote it, for messages.
    shown: PathBuf,
    /// `--out` canonicalized (a symbolic link's target), or where it will be if it does not exist.
    out: PathBuf,
    out_existed: bool,
    /// `<parent>/.<name>.ladder/`.
    work: PathBuf,
    staging: PathBuf,
    /// Held until the publisher is dropped; the lock goes with the file.
    lock: Option<File>,
    /// Ancestors of `out` that `open` created, removed again if nothing is published.
    created: Vec<PathBuf>,
    previous: Manifest,
    /// A digest of the previous manifest's text, if `out` had one.
    previous_manifest_digest: Option<blake3::Hash>,
    records: Mutex<BTreeMap<String, Entry>>,
    /// Directories of staging made so far: most files go into a directory made already.
    made_dirs: Mutex<HashSet<PathBuf>>,
    unchanged: AtomicUsize,
    committed: bool,
}

impl Publisher {
    /// Checks that `out` is Ladder's to replace and overlaps none of `inputs` (`(flag, dir)`
    /// pairs), takes the lock, removes what a killed run left, and creates a fresh staging tree.
    pub(crate) fn open(out: &Path, inputs: &[(&'static str, &Path)]) -> Result<Publisher, PublishError> {
        let shown = out.to_path_buf();
        let (resolved, out_existed) = resolve_out(out)?;
        for &(flag, given) in inputs {
            let input = canonical_nearest(given).map_err(|source| Publisher::io_error("read", given, out, source))?;
            let relation = if input == resolved {
                "is"
            } else if resolved.starts_with(&input) {
                "is inside"
            } else if input.starts_with(&resolved) {
                "contains"
            } else {
                continue;
            };
            return Err(PublishError::Overlap { out: shown, relation, flag, input: given.to_path_buf() });
        }
        let (Some(parent), Some(name)) = (resolved.parent(), resolved.file_name()) else {
            return Err(PublishError::NoParent { out: shown });
        };
        let mut work_name = std::ffi::OsString::from(".");
        work_name.push(name);
        work_name.push(".ladder");
        let work = parent.join(work_name);
        let mut publisher = Publisher {
            staging: work.join("staging"),
            work,
            shown,
            out: resolved.clone(),
            out_existed,
            lock: None,
            created: Vec::new(),
            previous: Manifest::default(),
            previous_manifest_digest: None,
            records: Mutex::new(BTreeMap::new()),
            made_dirs: Mutex::new(HashSet::new()),
            unchanged: AtomicUsize::new(0),
            committed: false,
        };
        // From here on, dropping `publisher` on an error removes what it created.
        publisher.created = create_ancestors(parent).map_err(|source| publisher.error("create", parent, source))?;
        publisher.lock()?;
        publisher.recover()?;
        publisher.out_existed = publisher.out.is_dir();
        if publisher.out_existed {
            (publisher.previous, publisher.previous_manifest_digest) = publisher.check_ownership()?;
        }
        fs::create_dir(&publisher.staging).map_err(|source| publisher.error("create", &publisher.staging, source))?;
        Ok(publisher)
    }

    /// What the current output holds, according to its manifest (or, for an adopted output, to
    /// the file system).
    pub(crate) fn previous(&self) -> &Manifest {
        &self.previous
    }

    /// Carries the previous output's `rel` over without rendering it, if it was rendered from the
    /// same `inputs` (its fingerprint, as the manifest records it) and is still as written (size
    /// and mtime as recorded): returns its size then, `None` if the page must be rendered. Safe
    /// to call from many threads.
    pub(crate) fn reuse(&self, rel: &Path, inputs: blake3::Hash) -> Result<Option<u64>, PublishError> {
        let Some(old) = self.intact(rel).filter(|(_, old, _)| old.inputs == Some(inputs)) else { return Ok(None) };
        self.carry_intact(rel, old).map(Some)
    }

    /// Carries the previous output's files `rels` over, as [`Publisher::reuse`] does, when every
    /// one of them was rendered (it has a fingerprint) and is still as written, whatever it was
    /// rendered from: the caller knows nothing it depends on changed (the lookup index). Either
    /// all are carried (their sizes are returned) or none.
    pub(crate) fn reuse_all(&self, rels: &[PathBuf]) -> Result<Option<Vec<u64>>, PublishError> {
        let Some(intact) = rels
            .iter()
            .map(|rel| self.intact(rel).filter(|(_, old, _)| old.inputs.is_some()))
            .collect::<Option<Vec<_>>>()
        else {
            return Ok(None);
        };
        intact.into_iter().zip(rels).map(|(old, rel)| self.carry_intact(rel, old)).collect::<Result<_, _>>().map(Some)
    }

    /// The previous output's `rel` if the manifest knows its bytes and it is still as written
    /// (size and mtime as recorded): its key, entry and metadata.
    fn intact(&self, rel: &Path) -> Option<(String, Entry, Metadata)> {
        let key = key(rel)?;
        let old = *self.previous.entries.get(&key).filter(|old| old.hash.is_some())?;
        let meta = fs::symlink_metadata(self.out.join(rel)).ok()?;
        (meta.is_file() && meta.len() == old.size && mtime_ns(&meta) == old.mtime_ns).then_some((key, old, meta))
    }

    fn carry_intact(&self, rel: &Path, (_, old, meta): (String, Entry, Metadata)) -> Result<u64, PublishError> {
        let (key, target) = self.target(rel)?;
        self.carry(&self.out.join(rel), &target, &meta, None)?;
        self.record(key, old, true);
        Ok(old.size)
    }

    /// The lookup index published with the previous output (see [`crate::lookups`]), if it was
    /// written with the manifest now beside it.
    pub(crate) fn previous_lookups(&self) -> Option<Vec<u8>> {
        let manifest = self.previous_manifest_digest?;
        let bytes = fs::read(self.out.join(LOOKUPS_NAME)).ok()?;
        let (written_with, index) = bytes.split_at_checked(32)?;
        (written_with == manifest.as_bytes()).then(|| index.to_vec())
    }

    /// Stages `bytes` as `rel`, rendered from `inputs` (its fingerprint, if it has one). When the
    /// previous output has the same bytes there, its file is hard-linked instead, so it keeps its
    /// inode and mtime. Safe to call from many threads.
    pub(crate) fn write(&self, rel: &Path, bytes: &[u8], inputs: Option<blake3::Hash>) -> Result<(), PublishError> {
        let (key, target) = self.target(rel)?;
        let hash = blake3::hash(bytes);
        let size = bytes.len() as u64;
        if let Some(old) = self.previous.entries.get(&key)
            && old.size == size
        {
            let old_path = self.out.join(rel);
            if let Some(meta) = same_bytes(&old_path, old, hash, bytes) {
                self.carry(&old_path, &target, &meta, Some(bytes))?;
                self.record(key, Entry { hash: Some(hash), inputs, size, mtime_ns: mtime_ns(&meta) }, true);
                return Ok(());
            }
        }
        fs::write(&target, bytes).map_err(|source| self.error("write", &target, source))?;
        let meta = fs::metadata(&target).map_err(|source| self.error("read", &target, source))?;
        self.record(key, Entry { hash: Some(hash), inputs, size, mtime_ns: mtime_ns(&meta) }, false);
        Ok(())
    }

    /// Carries `rel` of the previous output over unchanged: its bytes, inode and mtime. A file the
    /// manifest lists but someone deleted since is not carried over (it counts as pruned).
    pub(crate) fn keep(&self, rel: &Path) -> Result<(), PublishError> {
        let old_path = self.out.join(rel);
        let meta = match fs::symlink_metadata(&old_path) {
            Ok(meta) if meta.is_file() => meta,
            Ok(_) => return Ok(()),
            Err(err) if err.kind() == ErrorKind::NotFound => return Ok(()),
            Err(source) => return Err(self.error("read", &old_path, source)),
        };
        let (key, target) = self.target(rel)?;
        let recorded = self.previous.entries.get(&key);
        let entry = match recorded {
            Some(entry) if entry.hash.is_some() && entry.size == meta.len() && entry.mtime_ns == mtime_ns(&meta) => {
                *entry
            }
            // Touched since the last render, or adopted without a manifest: hash what is there.
            _ => {
                let bytes = fs::read(&old_path).map_err(|source| self.error("read", &old_path, source))?;
                // The file changed since it was rendered: what it was made from is unknown.
                Entry {
                    hash: Some(blake3::hash(&bytes)),
                    inputs: None,
                    size: bytes.len() as u64,
                    mtime_ns: mtime_ns(&meta),
                }
            }
        };
        self.carry(&old_path, &target, &meta, None)?;
        self.record(key, entry, true);
        Ok(())
    }

    /// Writes the manifest (and `lookups`, the render's lookup index, beside it) into staging,
    /// swaps staging with `--out` and removes the old tree.
    pub(crate) fn commit(mut self, lookups: Option<&[u8]>) -> Result<Published, PublishError> {
        let records = std::mem::take(&mut *self.records.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
        let pruned = self.previous.entries.keys().filter(|path| !records.contains_key(*path)).count();
        let manifest = Manifest { entries: records }.to_text();
        let manifest_path = self.staging.join(MANIFEST_NAME);
        fs::write(&manifest_path, &manifest).map_err(|source| self.error("write", &manifest_path, source))?;
        if let Some(lookups) = lookups {
            // Tied to this manifest: an index beside another one is not read.
            let mut bytes = blake3::hash(manifest.as_bytes()).as_bytes().to_vec();
            bytes.extend_from_slice(lookups);
            let lookups_path = self.staging.join(LOOKUPS_NAME);
            fs::write(&lookups_path, bytes).map_err(|source| self.error("write", &lookups_path, source))?;
        }

        let old_tree = self.swap()?;
        self.committed = true;
        let mut warnings = Vec::new();
        if let Some(old_tree) = old_tree
            && let Err(err) = remove_tree(&old_tree)
        {
            warnings.push(format!(
                "published, but the previous output could not be removed from {}: {err}; delete it by hand",
                old_tree.display()
            ));
        }
        Ok(Published { unchanged: self.unchanged.load(Ordering::Relaxed), pruned, warnings })
    }

    /// Puts staging in place of `out`; returns where the previous output went, if there was one.
    fn swap(&self) -> Result<Option<PathBuf>, PublishError> {
        if !self.out_existed {
            fs::rename(&self.staging, &self.out).map_err(|source| self.error("publish", &self.out, source))?;
            return Ok(None);
        }
        #[cfg(target_os = "linux")]
        {
            use rustix::fs::{CWD, RenameFlags, renameat_with};
            use rustix::io::Errno;
            match renameat_with(CWD, &self.staging, CWD, &self.out, RenameFlags::EXCHANGE) {
                // The old tree now sits where staging was.
                Ok(()) => return Ok(Some(self.staging.clone())),
                // Old kernels and some file systems (network, FUSE) lack RENAME_EXCHANGE: fall
                // back to two renames below.
                Err(errno) if [Errno::INVAL, Errno::NOSYS, Errno::OPNOTSUPP].contains(&errno) => {}
                Err(errno) => return Err(self.error("publish", &self.out, io::Error::from(errno))),
            }
        }
        // Without an exchange, `out` is missing for a moment between the two renames. A run
        // killed in that moment leaves the previous output in `old/`, and the next run's
        // `recover` moves it back.
        let old = self.work.join("old");
        swap_by_renames(&self.staging, &self.out, &old).map_err(|source| self.error("publish", &self.out, source))?;
        Ok(Some(old))
    }

    fn lock(&mut self) -> Result<(), PublishError> {
        let lock_path = self.work.join("lock");
        // A render finishing as this one starts removes the lock file and the work directory;
        // a lock taken on a file unlinked meanwhile locks nothing, so check and try again.
        for _ in 0..16 {
            match fs::create_dir(&self.work) {
                Ok(()) => {}
                Err(err) if err.kind() == ErrorKind::AlreadyExists && self.work.is_dir() => {}
                Err(source) => return Err(self.error("create", &self.work, source)),
            }
            let file = match OpenOptions::new().create(true).truncate(false).write(true).open(&lock_path) {
                Ok(file) => file,
                Err(err) if err.kind() == ErrorKind::NotFound => continue,
                Err(source) => return Err(self.error("create", &lock_path, source)),
            };
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    return Err(PublishError::Locked { out: self.shown.clone(), lock: lock_path });
                }
                Err(TryLockError::Error(source)) => return Err(self.error("lock", &lock_path, source)),
            }
            if same_file(&file, &lock_path) {
                self.lock = Some(file);
                return Ok(());
            }
        }
        Err(PublishError::Locked { out: self.shown.clone(), lock: lock_path })
    }

    /// Cleans up after a run that was killed: its staging tree goes; a previous output that the
    /// fallback swap had moved aside comes back if `out` is missing, and goes if it is not.
    fn recover(&self) -> Result<(), PublishError> {
        if self.staging.exists() {
            remove_tree(&self.staging).map_err(|source| self.error("remove", &self.staging, source))?;
        }
        let old = self.work.join("old");
        if old.is_dir() {
            if self.out.exists() {
                remove_tree(&old).map_err(|source| self.error("remove", &old, source))?;
            } else {
                fs::rename(&old, &self.out).map_err(|source| self.error("restore", &self.out, source))?;
            }
        }
        Ok(())
    }

    /// The previous output's manifest, and a digest of its text if it had one, after checking
    /// that every file in `out` is Ladder's.
    fn check_ownership(&self) -> Result<(Manifest, Option<blake3::Hash>), PublishError> {
        let manifest_path = self.out.join(MANIFEST_NAME);
        let manifest = match fs::read_to_string(&manifest_path) {
            Ok(text) => Some((
                Manifest::parse(&text)
                    .map_err(|reason| PublishError::BadManifest { out: self.shown.clone(), reason })?,
                blake3::hash(text.as_bytes()),
            )),
            Err(err) if err.kind() == ErrorKind::NotFound => None,
            Err(source) => return Err(self.error("read", &manifest_path, source)),
        };
        let mut found = Vec::new();
        let mut foreign = Vec::new();
        walk(&self.out, "", &mut found, &mut foreign).map_err(|source| self.error("read", &self.out, source))?;
        match manifest {
            Some((manifest, digest)) => {
                foreign.extend(
                    found.iter().filter(|(path, _)| !manifest.entries.contains_key(path)).map(|(path, _)| path.clone()),
                );
                foreign.sort();
                if !foreign.is_empty() {
                    return Err(PublishError::Foreign { out: self.shown.clone(), files: foreign });
                }
                Ok((manifest, Some(digest)))
            }
            None => {
                // Adoption: an output written before the manifest existed has Ladder's layout.
                foreign.extend(found.iter().filter(|(path, _)| !layout_file(path)).map(|(path, _)| path.clone()));
                foreign.sort();
                if !foreign.is_empty() {
                    return Err(PublishError::Foreign { out: self.shown.clone(), files: foreign });
                }
                let entries = found
                    .into_iter()
                    .map(|(path, meta)| {
                        (path, Entry { hash: None, inputs: None, size: meta.len(), mtime_ns: mtime_ns(&meta) })
                    })
                    .collect();
                Ok((Manifest { entries }, None))
            }
        }
    }

    /// The manifest key and staging path of `rel`, with its parent directory created.
    fn target(&self, rel: &Path) -> Result<(String, PathBuf), PublishError> {
        let Some(key) = key(rel) else {
            let source = io::Error::new(ErrorKind::InvalidInput, "not a relative path inside the output");
            return Err(self.error("write", rel, source));
        };
        let target = self.staging.join(rel);
        if let Some(parent) = target.parent() {
            let made = |dirs: &Mutex<HashSet<PathBuf>>| {
                dirs.lock().unwrap_or_else(std::sync::PoisonError::into_inner).contains(parent)
            };
            if !made(&self.made_dirs) {
                // create_dir_all tolerates other threads creating the same directories.
                fs::create_dir_all(parent).map_err(|source| self.error("create", parent, source))?;
                self.made_dirs.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(parent.to_path_buf());
            }
        }
        Ok((key, target))
    }

    /// Puts the old file (whose bytes are `bytes`, if the caller has them) at `target`, keeping
    /// its inode and mtime.
    fn carry(&self, old_path: &Path, target: &Path, meta: &Metadata, bytes: Option<&[u8]>) -> Result<(), PublishError> {
        if fs::hard_link(old_path, target).is_ok() {
            return Ok(());
        }
        // Hard links can be refused (file systems without them, protected_hardlinks on a file
        // someone else owns): a copy with the old mtime is the next best thing.
        let read;
        let bytes = match bytes {
            Some(bytes) => bytes,
            None => {
                read = fs::read(old_path).map_err(|source| self.error("read", old_path, source))?;
                &read
            }
        };
        copy_with_mtime(target, bytes, meta).map_err(|source| self.error("write", target, source))
    }

    fn record(&self, key: String, entry: Entry, unchanged: bool) {
        if unchanged {
            self.unchanged.fetch_add(1, Ordering::Relaxed);
        }
        self.records.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(key, entry);
    }

    fn error(&self, action: &'static str, path: &Path, source: io::Error) -> PublishError {
        Publisher::io_error(action, path, &self.shown, source)
    }

    fn io_error(action: &'static str, path: &Path, out: &Path, source: io::Error) -> PublishError {
        PublishError::Io { action, path: path.to_path_buf(), out: out.to_path_buf(), source }
    }
}

impl Drop for Publisher {
    /// Removes the staging tree and the work directory; if nothing was published, also the
    /// ancestors of `--out` that `open` created. Errors are ignored: nothing is left to report to.
    fn drop(&mut self) {
        if self.lock.is_none() {
            // Another render owns the work directory, or it was never made.
            for dir in self.created.iter().rev() {
                let _ = fs::remove_dir(dir);
            }
            return;
        }
        if self.staging.exists() {
            let _ = remove_tree(&self.staging);
        }
        let _ = fs::remove_file(self.work.join("lock"));
        // Not remove_dir_all: an `old/` left by a failed restore is the user's previous output.
        let _ = fs::remove_dir(&self.work);
        self.lock = None;
        if !self.committed {
            for dir in self.created.iter().rev() {
                let _ = fs::remove_dir(dir);
            }
        }
    }
}

/// `out` canonicalized (through a symbolic link to a directory), or, if it does not exist, its
/// nearest existing ancestor canonicalized with the rest appended; and whether it exists.
fn resolve_out(out: &Path) -> Result<(PathBuf, bool), PublishError> {
    let io_error = |source| Publisher::io_error("read", out, out, source);
    match fs::symlink_metadata(out) {
        Ok(_) => match fs::metadata(out) {
            Ok(meta) if meta.is_dir() => Ok((fs::canonicalize(out).map_err(io_error)?, true)),
            Ok(_) => Err(PublishError::NotADirectory { out: out.to_path_buf() }),
            Err(err) if err.kind() == ErrorKind::NotFound => Err(PublishError::DanglingLink { out: out.to_path_buf() }),
            Err(source) => Err(io_error(source)),
        },
        Err(err) if err.kind() == ErrorKind::NotFound => Ok((canonical_nearest(out).map_err(io_error)?, false)),
        Err(err) if err.kind() == ErrorKind::NotADirectory => {
            Err(PublishError::NotADirectory { out: out.to_path_buf() })
        }
        Err(source) => Err(io_error(source)),
    }
}

/// `path` canonicalized as far as it exists, the missing rest appended (`..` applied lexically).
fn canonical_nearest(path: &Path) -> io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        match fs::canonicalize(existing) {
            Ok(mut resolved) => {
                for component in rest.into_iter().rev() {
                    match component {
                        Component::ParentDir => {
                            resolved.pop();
                        }
                        Component::Normal(name) => resolved.push(name),
                        _ => {}
                    }
                }
                return Ok(resolved);
            }
            Err(err) => {
                let (Some(parent), Some(last)) = (existing.parent(), existing.components().next_back()) else {
                    return Err(err);
                };
                rest.push(last);
                existing = parent;
            }
        }
    }
}

/// Creates `dir` and its missing ancestors; returns those it created, outermost first.
fn create_ancestors(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut missing = Vec::new();
    let mut current = Some(dir);
    while let Some(path) = current
        && !path.exists()
    {
        missing.push(path.to_path_buf());
        current = path.parent();
    }
    missing.reverse();
    for path in &missing {
        fs::create_dir(path)?;
    }
    Ok(missing)
}

/// Every file below `dir` (by relative path) with its metadata; anything that is not a regular
/// file or a non-empty directory of Ladder's layout goes to `foreign` (a directory as `name/`).
fn walk(dir: &Path, prefix: &str, found: &mut Vec<(String, Metadata)>, foreign: &mut Vec<String>) -> io::Result<()> {
    let mut entries = fs::read_dir(dir)?.collect::<io::Result<Vec<_>>>()?;
    entries.sort_by_key(fs::DirEntry::file_name);
    for entry in entries {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            foreign.push(format!("{prefix}{}", name.to_string_lossy()));
            continue;
        };
        let rel = format!("{prefix}{name}");
        let meta = entry.metadata()?;
        if meta.is_dir() {
            let counts = (found.len(), foreign.len());
            if layout_dir(&rel) {
                walk(&entry.path(), &format!("{rel}/"), found, foreign)?;
            }
            // Ladder leaves no empty directory; the swap would lose one, so it is not Ladder's.
            if !layout_dir(&rel) || (found.len(), foreign.len()) == counts {
                foreign.push(format!("{rel}/"));
            }
        } else if meta.is_file() {
            if rel != MANIFEST_NAME && rel != LOOKUPS_NAME {
                found.push((rel, meta));
            }
        } else {
            // Symbolic links and special files: Ladder never writes them.
            foreign.push(rel);
        }
    }
    Ok(())
}

fn is_lang(tag: &str) -> bool {
    tag.parse::<LanguageIdentifier>().is_ok_and(|lang| lang == tag)
}

fn layout_dir(rel: &str) -> bool {
    match rel.split('/').collect::<Vec<_>>()[..] {
        [lang] => is_lang(lang),
        [lang, "skills" | "roles" | "moves"] => is_lang(lang),
        _ => false,
    }
}

/// Whether `rel` is a path Ladder writes: the chooser, the stylesheet or a locale's page.
fn layout_file(rel: &str) -> bool {
    let page = |file: &str| file.strip_suffix(".md").or_else(|| file.strip_suffix(".html")).map(str::to_owned);
    match rel.split('/').collect::<Vec<_>>()[..] {
        ["index.html" | "ladder.css" | "ladder.js" | "favicon.svg" | "404.html" | "robots.txt" | "sitemap.xml"] => true,
        ["search.js" | "elasticlunr.min.js" | "moves.js"] => true,
        [lang, "search-index.js" | "moves-data.js"] => is_lang(lang),
        [lang, file] => {
            is_lang(lang)
                && page(file)
                    .is_some_and(|stem| matches!(stem.as_str(), "index" | "translation-status" | "overview" | "moves"))
        }
        [lang, "skills" | "roles" | "moves", file] => {
            is_lang(lang) && page(file).is_some_and(|id| Id::new(&id).is_ok())
        }
        _ => false,
    }
}

/// `rel` as a manifest key (`/`-separated), if it is a plain relative path inside the output
/// that fits on a manifest line.
fn key(rel: &Path) -> Option<String> {
    let mut parts = Vec::new();
    for component in rel.components() {
        match component {
            Component::Normal(name) => parts.push(name.to_str().filter(|name| !name.contains(['\n', '\r']))?),
            _ => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// The old file's metadata if it holds exactly `bytes`: trusted from the manifest when its size
/// and mtime still match, compared byte for byte otherwise. Unreadable means different.
fn same_bytes(old_path: &Path, old: &Entry, hash: blake3::Hash, bytes: &[u8]) -> Option<Metadata> {
    let meta = fs::symlink_metadata(old_path).ok().filter(Metadata::is_file)?;
    if let Some(old_hash) = old.hash
        && meta.len() == old.size
        && mtime_ns(&meta) == old.mtime_ns
    {
        return (old_hash == hash).then_some(meta);
    }
    let existing = fs::read(old_path).ok()?;
    (existing == bytes).then_some(meta)
}

fn copy_with_mtime(target: &Path, bytes: &[u8], meta: &Metadata) -> io::Result<()> {
    fs::write(target, bytes)?;
    File::options().write(true).open(target)?.set_modified(meta.modified()?)
}

fn mtime_ns(meta: &Metadata) -> u128 {
    meta.modified().ok().and_then(|time| time.duration_since(UNIX_EPOCH).ok()).map_or(0, |since| since.as_nanos())
}

/// The swap without RENAME_EXCHANGE: `out` to `old`, then `staging` to `out`; if the second
/// rename fails, the first is undone.
fn swap_by_renames(staging: &Path, out: &Path, old: &Path) -> io::Result<()> {
    fs::rename(out, old)?;
    if let Err(err) = fs::rename(staging, out) {
        fs::rename(old, out)?;
        return Err(err);
    }
    Ok(())
}

/// Removes a tree Ladder wrote, even where a directory in it was made read-only.
fn remove_tree(path: &Path) -> io::Result<()> {
    match fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == ErrorKind::PermissionDenied => {
            make_writable(path);
            fs::remove_dir_all(path)
        }
        Err(err) => Err(err),
    }
}

fn make_writable(dir: &Path) {
    if let Ok(meta) = fs::symlink_metadata(dir)
        && meta.is_dir()
    {
        let mut permissions = meta.permissions();
        #[allow(clippy::permissions_set_readonly_false, reason = "only on a tree about to be deleted")]
        permissions.set_readonly(false);
        let _ = fs::set_permissions(dir, permissions);
        if let Ok(entries) = fs::read_dir(dir) {
            for entry in entries.flatten() {
                make_writable(&entry.path());
            }
        }
    }
}

/// Whether the open `file` is still the one at `path` (same device and inode).
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

    use super::*;

    #[test]
    fn the_manifest_reads_back_what_it_writes_and_refuses_what_it_cannot_read() {
        let entry = |byte: u8, inputs: Option<blake3::Hash>| Entry {
            hash: Some(blake3::hash(&[byte])),
            inputs,
            size: 12,
            mtime_ns: 1_795_860_505_374_771_018,
        };
        let manifest = Manifest {
            entries: BTreeMap::from([
                ("en/index.md".to_owned(), entry(1, Some(blake3::hash(b"inputs")))),
                ("ladder.css".to_owned(), entry(2, None)),
            ]),
        };
        let text = manifest.to_text();
        assert!(text.starts_with("ladder-output 2\n"));
        assert!(text.ends_with(" - 12 1795860505374771018 ladder.css\n"), "{text}");
        assert!(text.contains(&format!(" {} 12 ", blake3::hash(b"inputs").to_hex())), "{text}");
        assert_eq!(Manifest::parse(&text).unwrap().entries, manifest.entries);
        // Version 1, without fingerprints, is still read: every page is then rendered.
        let v1 = format!("ladder-output 1\n{} 12 1795860505374771018 ladder.css\n", blake3::hash(&[2]).to_hex());
        assert_eq!(Manifest::parse(&v1).unwrap().entries["ladder.css"], entry(2, None));

        for (bad, reason) in [
            ("", "the first line is not `ladder-output 2`"),
            ("ladder-output 3\n", "`ladder-output 3` is a format this version of Ladder does not know"),
            ("ladder-output 1\nxyz 1 2 en/index.md\n", "line 2 is not"),
            ("ladder-output 2\nxyz - 1 2 en/index.md\n", "line 2 is not `<hash> <inputs>"),
            ("ladder-output 1\n", ""),
            ("ladder-output 2\n", ""),
        ] {
            match Manifest::parse(bad) {
                Ok(manifest) => assert!(reason.is_empty() && manifest.entries.is_empty()),
                Err(err) => assert!(err.starts_with(reason), "{err}"),
            }
        }
        let outside = format!("ladder-output 2\n{} - 1 2 ../etc/passwd\n", blake3::hash(b"").to_hex());
        assert!(Manifest::parse(&outside).unwrap_err().contains("not a path inside the output"));
    }

    #[test]
    fn the_layout_is_ladders_pages_and_nothing_else() {
        for path in [
            "index.html",
            "ladder.css",
            "en/index.md",
            "es-MX/index.html",
            "es/skills/a-b.md",
            "en/roles/x1.html",
            "en-XA/index.md",
            "ar-XB/roles/x1.html",
            "es/translation-status.html",
        ] {
            assert!(layout_file(path), "{path}");
        }
        for path in [
            "notes.txt",
            "en/notes.md",
            "EN/index.md",
            "en/skills/A.md",
            "en/skills/a.txt",
            "en/x/a.md",
            "en/index.md/x",
        ] {
            assert!(!layout_file(path), "{path}");
        }
        assert!(
            layout_dir("en")
                && layout_dir("es-MX/skills")
                && layout_dir("ar-XB/roles")
                && !layout_dir("en/misc")
                && !layout_dir("x_y")
        );
    }

    #[test]
    fn the_fallback_swap_puts_staging_in_place_and_undoes_itself_on_failure() {
        let root = tempfile::tempdir().unwrap();
        let (staging, out, old) = (root.path().join("staging"), root.path().join("out"), root.path().join("old"));
        fs::create_dir(&staging).unwrap();
        fs::write(staging.join("new"), "new").unwrap();
        fs::create_dir(&out).unwrap();
        fs::write(out.join("previous"), "previous").unwrap();
        swap_by_renames(&staging, &out, &old).unwrap();
        assert!(out.join("new").is_file() && old.join("previous").is_file() && !staging.exists());

        // Staging is gone now: the second rename fails, and the first is undone.
        fs::remove_dir_all(&old).unwrap();
        assert!(swap_by_renames(&staging, &out, &old).is_err());
        assert!(out.join("new").is_file() && !old.exists());
    }

    #[test]
    fn a_missing_out_resolves_through_its_nearest_existing_ancestor() {
        let root = tempfile::tempdir().unwrap();
        let real = fs::canonicalize(root.path()).unwrap();
        let missing = root.path().join("a/b/../c");
        assert_eq!(canonical_nearest(&missing).unwrap(), real.join("a/c"));
        let (resolved, existed) = resolve_out(&missing).unwrap();
        assert_eq!((resolved, existed), (real.join("a/c"), false));
    }
}
