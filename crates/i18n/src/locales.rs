//! Loading `locales/<lang>/*.ftl` and negotiating fallback chains.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use fluent::FluentResource;
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use fluent_syntax::ast;
use fluent_syntax::parser::{ErrorKind as ParserErrorKind, ParserError};
use ladder_model::{Catalog, Position, read_source};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use unic_langid::LanguageIdentifier;

use crate::localizer::{Bundle, Localizer};
use crate::message_ids::{self, CatalogMessage};
use crate::nesting::{MAX_PLACEABLE_DEPTH, too_deep};
use crate::problem::{LoadError, Problem, ProblemKind, UnsupportedLocale};
use crate::pseudo::Pseudolocale;
use crate::staleness::{self, LOCK_FILE, Lock, english_text, text_hash};
use crate::walk;

/// The source language: every message exists in it, and every chain ends with it.
pub const SOURCE_LOCALE: &str = "en";

/// The largest `.ftl` file read, in bytes: a 10,000-skill catalog's `skills.ftl` (a name, a
/// summary and some 20 one-line descriptions per skill) is about 40 MiB.
pub const MAX_FTL_BYTES: u64 = 128 * 1024 * 1024;

/// Every locale's parsed resources.
#[derive(Debug)]
pub struct Locales {
    /// Sorted by tag, so that every listing and every run is in the same order.
    pub(crate) locales: Vec<Arc<LocaleData>>,
    pub(crate) source: LanguageIdentifier,
    /// The pseudolocales no directory overrides, sorted by tag.
    pseudolocales: Vec<(Pseudolocale, LanguageIdentifier)>,
    /// Bundles built so far, by the chain they resolve along: every localizer's chain ends with
    /// the source, whose bundle (every message of the source) is built once, not per locale.
    pub(crate) bundles: Arc<BundleCache>,
}

/// Bundles by the chain they resolve along, each built once, by the first localizer that formats.
#[derive(Default)]
pub(crate) struct BundleCache(pub(crate) Mutex<FxHashMap<Vec<LanguageIdentifier>, BundleSlot>>);

/// A bundle, built by the first localizer that needs it; the others wait for it.
pub(crate) type BundleSlot = Arc<OnceLock<Arc<Bundle>>>;

impl BundleCache {
    /// One bundle per locale of `chain` (bundle `i` resolving along `chain[i..]`), `data` being
    /// the chain's locales. Different chains build in parallel; the same one once.
    pub(crate) fn bundles(&self, chain: &[LanguageIdentifier], data: &[Arc<LocaleData>]) -> Vec<Arc<Bundle>> {
        (0..data.len())
            .map(|index| {
                let slot = {
                    let mut built = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                    Arc::clone(built.entry(chain[index..].to_vec()).or_default())
                };
                Arc::clone(slot.get_or_init(|| Arc::new(bundle(&data[index..]))))
            })
            .collect()
    }
}

/// How a [`Localizer`] gets its bundles.
pub(crate) enum Bundles {
    Built(Vec<Arc<Bundle>>),
    From(Arc<BundleCache>),
}

impl std::fmt::Debug for BundleCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BundleCache").finish_non_exhaustive()
    }
}

/// [`Locales`] and the problems found while reading them.
#[derive(Debug)]
pub struct Loaded {
    pub locales: Locales,
    pub problems: Vec<Problem>,
}

/// One locale's files, and where each of its messages and terms is defined.
#[derive(Debug, Clone)]
pub(crate) struct LocaleData {
    pub(crate) locale: LanguageIdentifier,
    pub(crate) dir: PathBuf,
    /// Sorted by file name.
    pub(crate) files: Vec<FtlFile>,
    /// `id` for messages, `-id` for terms: (file, entry) of the first definition by file name.
    pub(crate) entries: FxHashMap<String, (usize, usize)>,
    /// The values of `entries`, in file order.
    first_definitions: Vec<(usize, usize)>,
    /// Message ids (no terms) in definition order, first definition only.
    pub(crate) message_ids: Vec<String>,
    /// `l10n.lock`, if the locale has a readable one (see `staleness`).
    pub(crate) lock: Option<Lock>,
    /// Where this locale's lock file is, or would be.
    pub(crate) lock_path: PathBuf,
    /// The translations (`id`, `id.attr`) whose English changed since they were made, computed once
    /// at load: (English then, English now).
    pub(crate) stale: HashMap<String, (String, String)>,
    /// Some `.ftl` file of the locale could not be read or parsed at all (its problem is
    /// reported): what seems missing may be in it.
    pub(crate) incomplete: bool,
    /// Digests of the source text of each entry, computed on first use (see [`EntryDigests`]).
    digests: OnceLock<EntryDigests>,
}

/// What incremental renders compare: per entry of each file (by entry index), a digest of its
/// source text, from its identifier to the next message or term (comments between included), and
/// whether that text may refer to another message or term; and a digest of every file of the
/// locale, which such an entry depends on (conservatively: any reference may reach anything).
#[derive(Debug, Clone)]
pub(crate) struct EntryDigests {
    pub(crate) entries: Vec<Vec<EntryDigest>>,
    pub(crate) whole: [u8; 16],
}

#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct EntryDigest {
    pub(crate) digest: [u8; 16],
    pub(crate) refers: bool,
}

fn digest16(bytes: &[u8]) -> [u8; 16] {
    let hash = blake3::hash(bytes);
    let mut out = [0; 16];
    out.copy_from_slice(&hash.as_bytes()[..16]);
    out
}

/// Whether `text` holds a placeable that could be a message or term reference (or a function
/// call): a `{` followed by a letter or `-`. Variables (`$`), literals and numbers are not.
fn may_refer(text: &str) -> bool {
    text.match_indices('{')
        .any(|(at, _)| text[at + 1..].trim_start().chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '-'))
}

#[derive(Debug, Clone)]
pub(crate) struct FtlFile {
    pub(crate) path: PathBuf,
    pub(crate) resource: Arc<FluentResource>,
}

impl LocaleData {
    pub(crate) fn entry(&self, key: &str) -> Option<(&FtlFile, &ast::Entry<&str>)> {
        let &(file, entry) = self.entries.get(key)?;
        let file = &self.files[file];
        Some((file, file.resource.get_entry(entry)?))
    }

    pub(crate) fn message(&self, id: &str) -> Option<&ast::Message<&str>> {
        match self.entry(id)? {
            (_, ast::Entry::Message(message)) => Some(message),
            _ => None,
        }
    }

    /// Term `-id`, given `id` without the `-`.
    pub(crate) fn term(&self, id: &str) -> Option<&ast::Term<&str>> {
        match self.entry(&format!("-{id}"))? {
            (_, ast::Entry::Term(term)) => Some(term),
            _ => None,
        }
    }

    pub(crate) fn has_message(&self, id: &str) -> bool {
        self.message(id).is_some()
    }

    /// The pattern of `key`: a message's value (`id`) or attribute (`id.attr`).
    pub(crate) fn pattern(&self, key: &str) -> Option<&ast::Pattern<&str>> {
        match key.split_once('.') {
            None => self.message(key)?.value.as_ref(),
            Some((id, attribute)) => {
                self.message(id)?.attributes.iter().find(|a| a.id.name == attribute).map(|a| &a.value)
            }
        }
    }

    /// Every message value (`id`) and attribute (`id.attr`) this locale defines, in file order,
    /// each with the index of its file.
    pub(crate) fn own_keys(&self) -> Vec<(String, usize)> {
        let mut keys = Vec::new();
        for &(file, entry) in &self.first_definitions {
            let Some(ast::Entry::Message(message)) = self.files[file].resource.get_entry(entry) else { continue };
            if message.value.is_some() {
                keys.push((message.id.name.to_owned(), file));
            }
            keys.extend(message.attributes.iter().map(|a| (staleness::key(message.id.name, Some(a.id.name)), file)));
        }
        keys
    }

    /// The file and position of `key` (`id` or `id.attr`), or the locale directory.
    pub(crate) fn place_key(&self, key: &str) -> (PathBuf, Option<Position>) {
        let Some((id, attribute)) = key.split_once('.') else { return self.place(key) };
        let found = self.message(id).and_then(|m| m.attributes.iter().find(|a| a.id.name == attribute));
        match found.and_then(|a| self.point_at(a.id.name, 0, false)) {
            Some((path, position)) => (path, Some(position)),
            None => self.place(id),
        }
    }

    /// The message `id` with the digest of its definition, if this locale defines it (a term of
    /// that name gives `None` for the message).
    pub(crate) fn message_digest(&self, id: &str) -> Option<(Option<&ast::Message<&str>>, EntryDigest)> {
        let &(file, entry) = self.entries.get(id)?;
        let digest = self.digests().entries.get(file)?.get(entry).copied()?;
        let message = match self.files[file].resource.get_entry(entry) {
            Some(ast::Entry::Message(message)) => Some(message),
            _ => None,
        };
        Some((message, digest))
    }

    pub(crate) fn digests(&self) -> &EntryDigests {
        self.digests.get_or_init(|| {
            let mut whole = blake3::Hasher::new();
            let entries = self
                .files
                .iter()
                .map(|file| {
                    let source = file.resource.source();
                    whole.update(file.path.as_os_str().as_encoded_bytes());
                    whole.update(&(source.len() as u64).to_le_bytes());
                    whole.update(source.as_bytes());
                    let starts: Vec<(usize, usize)> = file
                        .resource
                        .entries()
                        .enumerate()
                        .filter_map(|(index, entry)| {
                            let (name, sigil) = match entry {
                                ast::Entry::Message(message) => (message.id.name, 0),
                                ast::Entry::Term(term) => (term.id.name, 1),
                                _ => return None,
                            };
                            Some((index, walk::offset_in(source, name)?.saturating_sub(sigil)))
                        })
                        .collect();
                    let mut digests = vec![EntryDigest::default(); file.resource.entries().count()];
                    for (at, &(index, start)) in starts.iter().enumerate() {
                        let end = starts.get(at + 1).map_or(source.len(), |&(_, next)| next);
                        let text = source.get(start..end).unwrap_or_default();
                        digests[index] = EntryDigest { digest: digest16(text.as_bytes()), refers: may_refer(text) };
                    }
                    digests
                })
                .collect();
            let hash = whole.finalize();
            let mut out = [0; 16];
            out.copy_from_slice(&hash.as_bytes()[..16]);
            EntryDigests { entries, whole: out }
        })
    }

    /// Whether the translation of `id` (or its `attribute`) is stale.
    pub(crate) fn is_stale(&self, id: &str, attribute: Option<&str>) -> bool {
        !self.stale.is_empty() && self.stale.contains_key(&staleness::key(id, attribute))
    }

    /// The file and position defining `key` (`id` or `-term`), or the locale directory if no
    /// file does.
    pub(crate) fn place(&self, key: &str) -> (PathBuf, Option<Position>) {
        let name = match self.entry(key) {
            Some((_, ast::Entry::Message(message))) => message.id.name,
            Some((_, ast::Entry::Term(term))) => term.id.name,
            _ => return (self.dir.clone(), None),
        };
        let sigil = usize::from(key.starts_with('-'));
        match self.point_at(name, sigil, false) {
            Some((path, position)) => (path, Some(position)),
            None => (self.dir.clone(), None),
        }
    }

    /// The file holding `slice` (a piece of one of this locale's resources) and its position,
    /// stepping back over `sigil` bytes, and to the placeable's `{` if `placeable`.
    pub(crate) fn point_at(&self, slice: &str, sigil: usize, placeable: bool) -> Option<(PathBuf, Position)> {
        self.files.iter().find_map(|file| {
            let source = file.resource.source();
            let offset = walk::offset_in(source, slice)?;
            let offset =
                if placeable { walk::placeable_offset(source, offset, sigil) } else { offset.saturating_sub(sigil) };
            Some((file.path.clone(), Position::at(source, offset)))
        })
    }

    /// Every message and term this locale defines (first definitions only), in file order.
    pub(crate) fn own_entries(&self) -> impl Iterator<Item = &ast::Entry<&str>> {
        self.first_definitions.iter().filter_map(|&(file, entry)| self.files[file].resource.get_entry(entry))
    }
}

impl Locales {
    /// Reads every `<dir>/<lang>/*.ftl`. Syntax errors, unreadable files, duplicate definitions
    /// and directories that are not locales are returned as problems beside the usable result;
    /// only a missing directory or source locale is fatal.
    pub fn load(dir: &Path) -> Result<Loaded, LoadError> {
        let source: LanguageIdentifier = SOURCE_LOCALE.parse().unwrap_or_default();
        let entries = fs::read_dir(dir).map_err(|source| LoadError::Read { path: dir.to_path_buf(), source })?;
        let mut problems = Vec::new();
        let mut locale_dirs: Vec<(LanguageIdentifier, PathBuf)> = Vec::new();
        let mut subdirs: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_ok_and(|t| t.is_dir()))
            .map(|entry| entry.path())
            .collect();
        subdirs.sort();
        for path in subdirs {
            let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            // Hidden directories (`.git`) are not meant as locales.
            if name.starts_with('.') {
                continue;
            }
            match name.parse::<LanguageIdentifier>() {
                // `catalog` parses as a (reserved, 7-letter) language subtag; real ones have 2 or 3.
                Ok(locale) if locale.language.as_str().len() <= 3 && locale.to_string().eq_ignore_ascii_case(&name) => {
                    locale_dirs.push((locale, path));
                }
                _ => problems.push(Problem {
                    path,
                    position: None,
                    locale: LanguageIdentifier::default(),
                    kind: ProblemKind::NotALocale { name },
                }),
            }
        }
        locale_dirs.sort_by_key(|(locale, _)| locale.to_string());

        // In parallel, each locale's problems apart: joined in locale order, they are what a
        // locale-by-locale reading gives, and the first locale that cannot be read is the error.
        let read: Vec<_> = locale_dirs
            .into_par_iter()
            .map(|(locale, locale_dir)| {
                let mut found = Vec::new();
                load_locale(dir, locale, locale_dir, &mut found).map(|data| (data, found))
            })
            .collect();
        let mut loaded = Vec::new();
        for result in read {
            let (data, found) = result?;
            problems.extend(found);
            loaded.extend(data);
        }
        let Some(source_index) = loaded.iter().position(|data| data.locale == source) else {
            return Err(LoadError::NoSourceLocale { dir: dir.to_path_buf(), source_locale: source });
        };
        let stale: Vec<HashMap<String, (String, String)>> =
            loaded.par_iter().map(|data| stale_translations(data, &loaded[source_index])).collect();
        for (data, stale) in loaded.iter_mut().zip(stale) {
            data.stale = stale;
        }
        let locales: Vec<Arc<LocaleData>> = loaded.into_iter().map(Arc::new).collect();
        // A directory named like a pseudolocale is a real locale and wins.
        let pseudolocales = Pseudolocale::ALL
            .into_iter()
            .map(|pseudo| (pseudo, pseudo.locale()))
            .filter(|(_, tag)| !locales.iter().any(|data| &data.locale == tag))
            .collect();
        Ok(Loaded { locales: Locales { locales, source, pseudolocales, bundles: Arc::default() }, problems })
    }

    pub fn source(&self) -> &LanguageIdentifier {
        &self.source
    }

    /// The locales that have a directory, sorted by tag.
    pub fn available(&self) -> impl Iterator<Item = &LanguageIdentifier> {
        self.locales.iter().map(|l| &l.locale)
    }

    /// The pseudolocales (`ar-XB`, `en-XA`), sorted by tag: made from the source messages, with no
    /// directory. [`Locales::localizer`] serves them; [`Locales::available`] does not list them,
    /// so rendering every locale renders the real ones only.
    pub fn pseudolocales(&self) -> impl Iterator<Item = &LanguageIdentifier> {
        self.pseudolocales.iter().map(|(_, tag)| tag)
    }

    /// Whether `locale` is one of [`Locales::pseudolocales`].
    pub fn is_pseudolocale(&self, locale: &LanguageIdentifier) -> bool {
        self.pseudolocale(locale).is_some()
    }

    fn pseudolocale(&self, locale: &LanguageIdentifier) -> Option<&(Pseudolocale, LanguageIdentifier)> {
        let pseudo = Pseudolocale::of(locale)?;
        self.pseudolocales.iter().find(|(known, _)| *known == pseudo)
    }

    /// A localizer for `requested`, falling back through the closest available locales to the
    /// source language: `es-MX` gives `es-MX -> es -> en` where `es-MX/` exists, else `es -> en`.
    /// A pseudolocale's chain is itself alone: its text is the source's, transformed.
    pub fn localizer(&self, requested: &LanguageIdentifier) -> Result<Localizer, UnsupportedLocale> {
        if let Some((pseudo, tag)) = self.pseudolocale(requested) {
            let source = Arc::clone(self.data(&self.source));
            let bundle = Arc::new(pseudo_bundle(&source, *pseudo));
            return Ok(Localizer::new(
                tag.clone(),
                vec![tag.clone()],
                Bundles::Built(vec![bundle]),
                vec![source],
                Some(*pseudo),
            ));
        }
        let chain = self.chain(requested);
        // Negotiation always appends the source; a chain of the source alone means nothing matched.
        let matched = chain.len() > 1 || requested.language == self.source.language;
        if !matched {
            return Err(UnsupportedLocale {
                requested: requested.clone(),
                available: self.available().cloned().collect(),
            });
        }
        let data: Vec<Arc<LocaleData>> = chain.iter().map(|locale| Arc::clone(self.data(locale))).collect();
        Ok(Localizer::new(requested.clone(), chain, Bundles::From(Arc::clone(&self.bundles)), data, None))
    }

    /// Every message the catalog needs that the source locale lacks, as problems to report before
    /// rendering: a page would otherwise show raw message ids. Each points at the file where the
    /// message belongs: the one defining the skill's other messages, else `skills.ftl` (skill
    /// messages) or `catalog.ftl` (names), else the locale directory.
    pub fn missing_catalog_messages(&self, catalog: &Catalog) -> Vec<Problem> {
        let source = self.data(&self.source);
        let file_named =
            |name: &str| source.files.iter().find(|f| f.path.file_name().is_some_and(|n| n == name)).map(|f| &f.path);
        // The first file defining each skill's messages.
        let mut skill_files: HashMap<&str, &PathBuf> = HashMap::new();
        for file in &source.files {
            for entry in file.resource.entries() {
                if let ast::Entry::Message(message) = entry
                    && let Some(skill) = message_ids::skill_of(message.id.name)
                {
                    skill_files.entry(skill).or_insert(&file.path);
                }
            }
        }
        message_ids::catalog_messages(catalog)
            .into_iter()
            .filter_map(|CatalogMessage { id, attribute, describes, needed_at }| {
                let message = source.message(&id);
                let (kind, path, position) = match (message, attribute) {
                    (None, _) => {
                        let belongs = match message_ids::skill_of(&id) {
                            Some(skill) => skill_files.get(skill).copied().or_else(|| file_named("skills.ftl")),
                            None => file_named("catalog.ftl"),
                        };
                        let belongs = belongs.unwrap_or(&source.dir).clone();
                        let describes = Some(describes);
                        match needed_at {
                            // Pointed at the catalog entry that needs it, the help names the file.
                            Some((catalog_file, position)) => {
                                let belongs_in = Some(locales_relative(&belongs, &source.dir));
                                (ProblemKind::MissingMessage { id, describes, belongs_in }, catalog_file, position)
                            }
                            None => (ProblemKind::MissingMessage { id, describes, belongs_in: None }, belongs, None),
                        }
                    }
                    (Some(message), Some(attribute)) if !message.attributes.iter().any(|a| a.id.name == attribute) => {
                        let (path, position) = source.place(&id);
                        let attribute = attribute.to_owned();
                        (ProblemKind::MissingAttribute { id, attribute, describes: Some(describes) }, path, position)
                    }
                    (Some(_), _) => return None,
                };
                Some(Problem { path, position, locale: self.source.clone(), kind })
            })
            .collect()
    }

    /// The locales tried for `requested`, in order, ending with the source language.
    pub(crate) fn chain(&self, requested: &LanguageIdentifier) -> Vec<LanguageIdentifier> {
        let available: Vec<LanguageIdentifier> = self.available().cloned().collect();
        negotiate_languages(
            std::slice::from_ref(requested),
            &available,
            Some(&self.source),
            NegotiationStrategy::Filtering,
        )
        .into_iter()
        .cloned()
        .collect()
    }

    pub(crate) fn data(&self, locale: &LanguageIdentifier) -> &Arc<LocaleData> {
        // Chains only hold locales negotiated from `available()`, and the source always exists.
        self.locales.iter().find(|l| &l.locale == locale).unwrap_or(&self.locales[0])
    }
}

/// A bundle for `chain[0]` in which references resolve along the chain: a translation may refer
/// to a term or message only the source language defines. Later locales go in first and are
/// overridden; within a locale the first file by name wins, as in [`LocaleData`].
fn bundle(chain: &[Arc<LocaleData>]) -> Bundle {
    let mut bundle = Bundle::new_concurrent(vec![chain[0].locale.clone()]);
    bundle.set_use_isolating(false);
    for data in chain.iter().rev() {
        for file in data.files.iter().rev() {
            bundle.add_resource_overriding(Arc::clone(&file.resource));
        }
    }
    bundle
}

/// The source's messages, every text element transformed as `pseudo` does, with the source's
/// plural rules (the text is English, whatever the tag says).
fn pseudo_bundle(source: &Arc<LocaleData>, pseudo: Pseudolocale) -> Bundle {
    let mut bundle = bundle(std::slice::from_ref(source));
    bundle.set_transform(Some(pseudo.transform()));
    bundle
}

/// Reads one locale directory; `None` if it holds no `.ftl` file.
pub(crate) fn load_locale(
    root: &Path,
    locale: LanguageIdentifier,
    dir: PathBuf,
    problems: &mut Vec<Problem>,
) -> Result<Option<LocaleData>, LoadError> {
    let read_error = |source| LoadError::Read { path: dir.clone(), source };
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .map_err(read_error)?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        problems.push(Problem { path: dir, position: None, locale, kind: ProblemKind::EmptyLocale });
        return Ok(None);
    }

    let lock_path = dir.join(LOCK_FILE);
    let mut data = LocaleData {
        locale,
        dir,
        files: Vec::new(),
        entries: FxHashMap::default(),
        first_definitions: Vec::new(),
        message_ids: Vec::new(),
        lock: None,
        lock_path,
        stale: HashMap::new(),
        incomplete: false,
        digests: OnceLock::new(),
    };
    data.lock = read_lock(root, &data.lock_path, &data.locale, problems);
    // Reading and parsing is most of loading, and each file's alone: in parallel. Indexing the
    // entries then goes file by file, in name order, since the first definition wins.
    let parsed: Vec<(PathBuf, Option<FluentResource>, Vec<Problem>)> =
        paths.into_par_iter().map(|path| parse_file(root, &data.locale, path)).collect();
    for (path, resource, found) in parsed {
        problems.extend(found);
        let Some(resource) = resource else {
            data.incomplete = true;
            continue;
        };
        let problem = |position: Option<Position>, kind| Problem {
            path: path.clone(),
            position,
            locale: data.locale.clone(),
            kind,
        };
        let resource = Arc::new(resource);
        let file_index = data.files.len();
        data.files.push(FtlFile { path: path.clone(), resource: Arc::clone(&resource) });
        for (entry_index, entry) in resource.entries().enumerate() {
            let (key, name) = match entry {
                ast::Entry::Message(message) => (message.id.name.to_owned(), message.id.name),
                ast::Entry::Term(term) => (format!("-{}", term.id.name), term.id.name),
                _ => continue,
            };
            let sigil = usize::from(key.starts_with('-'));
            if data.entries.contains_key(&key) {
                let offset = walk::offset_in(resource.source(), name).unwrap_or(0).saturating_sub(sigil);
                let position = Position::at(resource.source(), offset);
                let (first_path, first) = data.place(&key);
                let first_file = first_path.file_name().unwrap_or_default().to_string_lossy().into_owned();
                let kind = ProblemKind::DuplicateEntry { id: key, first_file, first: first.unwrap_or(position) };
                problems.push(problem(Some(position), kind));
            } else {
                if sigil == 0 {
                    data.message_ids.push(key.clone());
                }
                data.entries.insert(key, (file_index, entry_index));
                data.first_definitions.push((file_index, entry_index));
            }
        }
    }
    Ok(Some(data))
}

/// One `.ftl` file of `locale`, parsed as far as it parses, with its problems (syntax errors);
/// no resource if it cannot be read or nests too deep to parse (the problem says which).
fn parse_file(
    root: &Path,
    locale: &LanguageIdentifier,
    path: PathBuf,
) -> (PathBuf, Option<FluentResource>, Vec<Problem>) {
    let mut problems = Vec::new();
    let problem =
        |position: Option<Position>, kind| Problem { path: path.clone(), position, locale: locale.clone(), kind };
    let text = match read_source(&path, root, MAX_FTL_BYTES) {
        Ok(text) => text,
        Err(err) => {
            let kind = ProblemKind::Unreadable { reason: err.to_string(), help: err.help() };
            problems.push(problem(err.position(), kind));
            return (path, None, problems);
        }
    };
    if let Some(offset) = too_deep(&text, MAX_PLACEABLE_DEPTH) {
        let kind = ProblemKind::TooDeep { limit: MAX_PLACEABLE_DEPTH };
        problems.push(problem(Some(Position::at(&text, offset)), kind));
        return (path, None, problems);
    }
    let resource = match FluentResource::try_new(text) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for error in errors {
                let position = Position::at(resource.source(), syntax_error_offset(resource.source(), &error));
                let message = match error.kind {
                    ParserErrorKind::ExpectedToken('}') => "this `{` is never closed".to_owned(),
                    ref kind => kind.to_string(),
                };
                problems.push(problem(Some(position), ProblemKind::Syntax(message)));
            }
            resource
        }
    };
    (path, Some(resource), problems)
}

/// A locale's lock file, if it has one that can be read; a broken one is a warning, and the
/// locale's translations are then all unreviewed.
fn read_lock(root: &Path, path: &Path, locale: &LanguageIdentifier, problems: &mut Vec<Problem>) -> Option<Lock> {
    if fs::symlink_metadata(path).is_err() {
        return None;
    }
    let problem = |position: Option<Position>, reason: String| Problem {
        path: path.to_path_buf(),
        position,
        locale: locale.clone(),
        kind: ProblemKind::BadLock { reason, lang: locale.to_string() },
    };
    let text = match read_source(path, root, MAX_FTL_BYTES) {
        Ok(text) => text,
        Err(err) => {
            problems.push(problem(err.position(), err.to_string()));
            return None;
        }
    };
    match Lock::parse(&text) {
        Ok(lock) => Some(lock),
        Err(err) => {
            let position = Position { line: err.line, column: 1 };
            problems.push(problem(Some(position), err.reason));
            None
        }
    }
}

/// The translations of `data` whose lock entry records other English than `source` has now.
pub(crate) fn stale_translations(data: &LocaleData, source: &LocaleData) -> HashMap<String, (String, String)> {
    let Some(lock) = data.lock.as_ref().filter(|_| data.locale != source.locale) else { return HashMap::new() };
    let mut stale = HashMap::new();
    for (key, _) in data.own_keys() {
        let (Some(entry), Some(english)) = (lock.get(&key), source.pattern(&key)) else { continue };
        let english = english_text(english);
        if text_hash(&english) != entry.hash {
            stale.insert(key, (entry.english.clone(), english));
        }
    }
    stale
}

/// Where to point at a syntax error. fluent-syntax reports a missing `}` or an unfinished
/// placeable where it gave up, at the start of the next entry; the mistake is at the end of the
/// broken entry, just after its last character.
fn syntax_error_offset(text: &str, error: &ParserError) -> usize {
    match &error.slice {
        // A `}` expected where the parser gave up: the mistake is the `{` left open, which may
        // be lines earlier (the next entry was read as the placeable's content).
        Some(junk) if error.kind == ParserErrorKind::ExpectedToken('}') => {
            unclosed_brace(text, junk.start, error.pos.start.min(junk.end)).unwrap_or(error.pos.start)
        }
        Some(junk) if error.pos.start >= junk.end => match text.get(junk.start..junk.end.min(text.len())) {
            Some(broken) => junk.start + broken.trim_end().len(),
            None => error.pos.start,
        },
        _ => error.pos.start,
    }
}

/// The innermost `{` still open at `end`, scanning from `start` (the broken entry's first byte),
/// string literals skipped.
fn unclosed_brace(text: &str, start: usize, end: usize) -> Option<usize> {
    let mut open = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    for (offset, c) in text.get(start..end)?.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' if !open.is_empty() => in_string = !in_string,
            '{' if !in_string => open.push(start + offset),
            '}' if !in_string => {
                open.pop();
            }
            _ => {}
        }
    }
    open.pop()
}

/// `path` as the user knows it: below the locales directory, which holds `locale_dir`, and named
/// with that directory's own name (`locales/en/skills.ftl`).
fn locales_relative(path: &Path, locale_dir: &Path) -> String {
    let locales_dir = locale_dir.parent().unwrap_or(locale_dir);
    let base = locales_dir.parent().unwrap_or(locales_dir);
    path.strip_prefix(base).unwrap_or(path).display().to_string()
}
