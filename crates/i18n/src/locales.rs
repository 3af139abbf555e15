//! Loading `locales/<lang>/*.ftl` and negotiating fallback chains.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent::FluentResource;
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use fluent_syntax::ast;
use fluent_syntax::parser::ParserError;
use ladder_model::{Catalog, Position};
use unic_langid::LanguageIdentifier;

use crate::localizer::{Bundle, Localizer};
use crate::message_ids::{self, CatalogMessage};
use crate::problem::{LoadError, Problem, ProblemKind, UnsupportedLocale};
use crate::text::entry_positions;

/// The source language: every message exists in it, and every chain ends with it.
pub const SOURCE_LOCALE: &str = "en";

/// Every locale's parsed resources.
#[derive(Debug)]
pub struct Locales {
    /// Sorted by tag, so that every listing and every run is in the same order.
    locales: Vec<LocaleResources>,
    source: LanguageIdentifier,
}

/// [`Locales`] and the problems found while reading them.
#[derive(Debug)]
pub struct Loaded {
    pub locales: Locales,
    pub problems: Vec<Problem>,
}

#[derive(Debug)]
struct LocaleResources {
    locale: LanguageIdentifier,
    dir: PathBuf,
    /// Sorted by file name; on a duplicate id the first file's definition wins.
    resources: Vec<Arc<FluentResource>>,
    /// Message ids (no terms) in definition order, first definition only.
    message_ids: Vec<String>,
    definitions: Arc<Definitions>,
}

/// Where each message and term of one locale is defined, for problems found while formatting.
#[derive(Debug, Default)]
pub(crate) struct Definitions {
    pub(crate) dir: PathBuf,
    files: Vec<PathBuf>,
    places: HashMap<String, (usize, Position)>,
}

impl Definitions {
    /// The file and position defining `id`, or the locale directory if no file does.
    pub(crate) fn place(&self, id: &str) -> (PathBuf, Option<Position>) {
        match self.places.get(id) {
            Some(&(file, position)) => (self.files[file].clone(), Some(position)),
            None => (self.dir.clone(), None),
        }
    }
}

impl Locales {
    /// Reads every `<dir>/<lang>/*.ftl`. Syntax errors and duplicate definitions are returned as
    /// problems beside the usable result; only a missing directory or source locale is fatal.
    pub fn load(dir: &Path) -> Result<Loaded, LoadError> {
        let source: LanguageIdentifier = SOURCE_LOCALE.parse().unwrap_or_default();
        let entries = fs::read_dir(dir).map_err(|source| LoadError::Read { path: dir.to_path_buf(), source })?;
        let mut locale_dirs: Vec<(LanguageIdentifier, PathBuf)> = entries
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_ok_and(|t| t.is_dir()))
            .filter_map(|entry| {
                // Directories that are not language tags (`.git`, `templates`) are not locales.
                let locale = entry.file_name().to_str()?.parse::<LanguageIdentifier>().ok()?;
                Some((locale, entry.path()))
            })
            .collect();
        locale_dirs.sort_by_key(|(locale, _)| locale.to_string());
        if !locale_dirs.iter().any(|(locale, _)| *locale == source) {
            return Err(LoadError::NoSourceLocale { dir: dir.to_path_buf(), source_locale: source });
        }

        let mut problems = Vec::new();
        let mut locales = Vec::new();
        for (locale, locale_dir) in locale_dirs {
            locales.push(load_locale(locale, locale_dir, &mut problems)?);
        }
        Ok(Loaded { locales: Locales { locales, source }, problems })
    }

    pub fn source(&self) -> &LanguageIdentifier {
        &self.source
    }

    /// The locales that have a directory, sorted by tag.
    pub fn available(&self) -> impl Iterator<Item = &LanguageIdentifier> {
        self.locales.iter().map(|l| &l.locale)
    }

    /// A localizer for `requested`, falling back through the closest available locales to the
    /// source language: `es-MX` gives `es-MX -> es -> en` where `es-MX/` exists, else `es -> en`.
    pub fn localizer(&self, requested: &LanguageIdentifier) -> Result<Localizer, UnsupportedLocale> {
        let available: Vec<LanguageIdentifier> = self.available().cloned().collect();
        let chain: Vec<LanguageIdentifier> = negotiate_languages(
            std::slice::from_ref(requested),
            &available,
            Some(&self.source),
            NegotiationStrategy::Filtering,
        )
        .into_iter()
        .cloned()
        .collect();
        // Negotiation always appends the source; a chain of the source alone means nothing matched.
        let matched = chain.len() > 1 || requested.language == self.source.language;
        if !matched {
            return Err(UnsupportedLocale { requested: requested.clone(), available });
        }
        let bundles = chain.iter().map(|locale| self.bundle(locale)).collect();
        let definitions = chain.iter().map(|locale| Arc::clone(&self.resources(locale).definitions)).collect();
        let source_ids = Arc::new(self.resources(&self.source).message_ids.clone());
        Ok(Localizer::new(requested.clone(), chain, bundles, definitions, source_ids))
    }

    /// Every message the catalog needs that the source locale lacks, as problems to report before
    /// rendering: a page would otherwise show raw message ids.
    pub fn missing_catalog_messages(&self, catalog: &Catalog) -> Vec<Problem> {
        let source = self.resources(&self.source);
        let bundle = self.bundle(&self.source);
        message_ids::catalog_messages(catalog)
            .into_iter()
            .filter_map(|CatalogMessage { id, attribute, describes }| {
                let message = bundle.get_message(&id);
                let kind = match (message, attribute) {
                    (None, _) => ProblemKind::MissingMessage { id, describes: Some(describes) },
                    (Some(message), Some(attribute)) if message.get_attribute(attribute).is_none() => {
                        let attribute = attribute.to_owned();
                        ProblemKind::MissingAttribute { id, attribute, describes: Some(describes) }
                    }
                    (Some(_), _) => return None,
                };
                Some(Problem { path: source.dir.clone(), position: None, locale: self.source.clone(), kind })
            })
            .collect()
    }

    fn resources(&self, locale: &LanguageIdentifier) -> &LocaleResources {
        // Chains only hold locales negotiated from `available()`, and the source always exists.
        self.locales.iter().find(|l| &l.locale == locale).unwrap_or(&self.locales[0])
    }

    fn bundle(&self, locale: &LanguageIdentifier) -> Bundle {
        let mut bundle = Bundle::new_concurrent(vec![locale.clone()]);
        bundle.set_use_isolating(false);
        for resource in &self.resources(locale).resources {
            // Duplicates were reported at load time; the bundle keeps the first definition.
            let _ = bundle.add_resource(Arc::clone(resource));
        }
        bundle
    }
}

fn load_locale(
    locale: LanguageIdentifier,
    dir: PathBuf,
    problems: &mut Vec<Problem>,
) -> Result<LocaleResources, LoadError> {
    let read_error = |source| LoadError::Read { path: dir.clone(), source };
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map_err(read_error)?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
        .collect();
    files.sort();

    let mut resources = Vec::new();
    let mut message_ids = Vec::new();
    let mut seen_messages = HashSet::new();
    let mut definitions = Definitions { dir: dir.clone(), ..Definitions::default() };
    for path in files {
        let text = fs::read_to_string(&path).map_err(|source| LoadError::Read { path: path.clone(), source })?;
        let problem =
            |position: Option<Position>, kind| Problem { path: path.clone(), position, locale: locale.clone(), kind };
        let file_index = definitions.files.len();
        definitions.files.push(path.clone());
        for (id, position) in entry_positions(&text) {
            match definitions.places.get(id) {
                Some(&(first_file, first)) => {
                    let first_file = definitions.files[first_file].file_name().unwrap_or_default();
                    let first_file = first_file.to_string_lossy().into_owned();
                    let kind = ProblemKind::DuplicateEntry { id: id.to_owned(), first_file, first };
                    problems.push(problem(Some(position), kind));
                }
                None => {
                    definitions.places.insert(id.to_owned(), (file_index, position));
                }
            }
        }
        let resource = match FluentResource::try_new(text) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                for error in errors {
                    let position = Position::at(resource.source(), syntax_error_offset(resource.source(), &error));
                    problems.push(problem(Some(position), ProblemKind::Syntax(error.kind.to_string())));
                }
                resource
            }
        };
        for entry in resource.entries() {
            if let ast::Entry::Message(message) = entry
                && seen_messages.insert(message.id.name.to_owned())
            {
                message_ids.push(message.id.name.to_owned());
            }
        }
        resources.push(Arc::new(resource));
    }
    Ok(LocaleResources { locale, dir, resources, message_ids, definitions: Arc::new(definitions) })
}

/// Where to point at a syntax error. fluent-syntax reports a missing `}` or an unfinished
/// placeable where it gave up, at the start of the next entry; the mistake is at the end of the
/// broken entry, just after its last character.
fn syntax_error_offset(text: &str, error: &ParserError) -> usize {
    match &error.slice {
        Some(junk) if error.pos.start >= junk.end => match text.get(junk.start..junk.end.min(text.len())) {
            Some(broken) => junk.start + broken.trim_end().len(),
            None => error.pos.start,
        },
        _ => error.pos.start,
    }
}
