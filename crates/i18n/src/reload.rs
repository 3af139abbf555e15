//! Reading one locale again after an edit, for a long-running preview: what changed, and which
//! locales' checks can have changed with it.
//!
//! A full [`Locales::load`] of a large project parses every file of every locale; after a
//! translator saved one file, only that locale's files need reading, and only the locales whose
//! fallback chain holds it can render or check differently.

use std::path::Path;
use std::sync::Arc;

use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use crate::locales::{BundleSlot, LocaleData, Locales, load_locale, stale_translations};
use crate::problem::Problem;
use crate::walk::{self, Element};

/// What [`Locales::reload_locale`] found.
#[derive(Debug)]
pub struct Reloaded {
    /// The locale read again.
    pub locale: LanguageIdentifier,
    /// Keys (`id` for messages, `-id` for terms) whose definition text changed, appeared or went,
    /// sorted. A page that looks none of them up (and none that refers to others) is unchanged.
    pub changed: Vec<String>,
    /// The locales whose chain holds `locale` (itself included), sorted by tag: only their pages
    /// can change.
    pub dependents: Vec<LanguageIdentifier>,
    /// The locales whose checks ([`Locales::validate_locales`], [`Locales::lint_locales`]) must
    /// run again: `locale` itself, and the dependents unless the edit kept the shape of every
    /// changed entry (same messages and terms, attributes, variables, references and functions),
    /// which is all that another locale's checks read of it.
    pub recheck: Vec<LanguageIdentifier>,
    /// What reading the locale found (syntax errors, duplicates, an unreadable lock).
    pub problems: Vec<Problem>,
    /// What the reload replaced, to drop when the caller has time.
    pub retired: Retired,
}

/// The parsed files and bundles a reload replaced. Freeing them (every entry of a large locale,
/// and every bundle built from it) takes longer than reading the locale again: a preview drops
/// this after it has told the open pages, not before.
pub struct Retired {
    _data: Arc<LocaleData>,
    _bundles: Vec<BundleSlot>,
}

impl std::fmt::Debug for Retired {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Retired").finish_non_exhaustive()
    }
}

impl Locales {
    /// Reads `locale`'s directory again, keeping every other locale as it was, and updates what
    /// depends on it: stale translations of its dependents, and the bundles of every chain that
    /// holds it. `None` when the locale is unknown or has no `.ftl` file left: load everything
    /// again then.
    pub fn reload_locale(&mut self, locale: &LanguageIdentifier) -> Option<Reloaded> {
        let index = self.locales.iter().position(|data| &data.locale == locale)?;
        let old = Arc::clone(&self.locales[index]);
        let root = old.dir.parent()?.to_path_buf();
        let mut problems = Vec::new();
        let new = load_locale(&root, locale.clone(), old.dir.clone(), &mut problems).ok()??;
        let changed = changed_keys(&old, &new);
        let shape_kept = changed.iter().all(|key| shape(&old, key) == shape(&new, key));
        self.locales[index] = Arc::new(new);

        let dependents: Vec<LanguageIdentifier> = self
            .locales
            .iter()
            .map(|data| data.locale.clone())
            .filter(|tag| self.chain(tag).contains(locale))
            .collect();
        let source_index = self.locales.iter().position(|data| data.locale == self.source)?;
        let source = Arc::clone(&self.locales[source_index]);
        for data in self.locales.iter_mut().filter(|data| dependents.contains(&data.locale)) {
            let stale = stale_translations(data, &source);
            if stale != data.stale {
                Arc::make_mut(data).stale = stale;
            }
        }
        let bundles = {
            let mut cache = self.bundles.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            let chains: Vec<Vec<LanguageIdentifier>> =
                cache.keys().filter(|chain| chain.contains(locale)).cloned().collect();
            chains.iter().filter_map(|chain| cache.remove(chain)).collect()
        };
        let recheck = if shape_kept { vec![locale.clone()] } else { dependents.clone() };
        let retired = Retired { _data: old, _bundles: bundles };
        Some(Reloaded { locale: locale.clone(), changed, dependents, recheck, problems, retired })
    }

    /// The locale whose directory holds `path` (a file below the locales directory), if any.
    pub fn locale_of(&self, path: &Path) -> Option<&LanguageIdentifier> {
        self.locales.iter().find(|data| path.parent() == Some(data.dir.as_path())).map(|data| &data.locale)
    }
}

/// The digest of `key`'s definition in `data`, if it defines it.
fn digest(data: &LocaleData, key: &str) -> Option<[u8; 16]> {
    let &(file, entry) = data.entries.get(key)?;
    Some(data.digests().entries.get(file)?.get(entry)?.digest)
}

fn changed_keys(old: &LocaleData, new: &LocaleData) -> Vec<String> {
    let mut changed: Vec<String> = new
        .entries
        .keys()
        .filter(|key| digest(new, key) != digest(old, key))
        .chain(old.entries.keys().filter(|key| !new.entries.contains_key(*key)))
        .cloned()
        .collect();
    changed.sort_unstable();
    changed
}

/// What another locale's checks can see of the entry `key`: whether it exists, with a value, its
/// attributes, and every placeable that is not text (variables, references, functions).
fn shape(data: &LocaleData, key: &str) -> Option<(bool, Vec<String>, Vec<String>)> {
    let (_, entry) = data.entry(key)?;
    let (value, attributes) = match entry {
        ast::Entry::Message(message) => (message.value.as_ref(), &message.attributes),
        ast::Entry::Term(term) => (Some(&term.value), &term.attributes),
        _ => return None,
    };
    let mut names: Vec<String> = attributes.iter().map(|a| a.id.name.to_owned()).collect();
    names.sort();
    let mut placeables = Vec::new();
    for pattern in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
        walk::pattern(pattern, &mut |element| match element {
            Element::Text(_) => {}
            Element::Variable(name) => placeables.push(format!("${name}")),
            Element::Message { id, attribute } => placeables.push(format!("{id}.{}", attribute.unwrap_or_default())),
            Element::Term { id, attribute } => placeables.push(format!("-{id}.{}", attribute.unwrap_or_default())),
            Element::Function(name) => placeables.push(format!("{name}()")),
        });
    }
    placeables.sort();
    placeables.dedup();
    Some((value.is_some(), names, placeables))
}
