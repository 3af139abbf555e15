//! Looking messages up along a fallback chain, and formatting them.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use fluent::{FluentArgs, FluentResource};
use ladder_model::Date;
use unic_langid::{CharacterDirection, LanguageIdentifier};

use crate::locales::Definitions;
use crate::problem::{Problem, ProblemKind};

/// The concurrent flavour of `FluentBundle`: its memoizer is `Sync`, so one localizer serves every
/// rayon thread rendering a locale.
pub(crate) type Bundle = fluent::concurrent::FluentBundle<Arc<FluentResource>>;

/// Formats messages for one requested locale, falling back along its chain.
pub struct Localizer {
    locale: LanguageIdentifier,
    chain: Vec<LanguageIdentifier>,
    bundles: Vec<Bundle>,
    /// One per locale of the chain.
    definitions: Vec<Arc<Definitions>>,
    source_message_ids: Arc<Vec<String>>,
}

/// A formatted message and where its text came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized<'a> {
    pub text: Cow<'a, str>,
    /// The locale whose translation was used.
    pub locale: &'a LanguageIdentifier,
    /// True when the text comes from further down the chain than its first locale: pages mark such
    /// text with its own language (`lang="en"` in HTML).
    pub fell_back: bool,
}

/// How many of the source language's messages a locale takes from the fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FallbackCount {
    pub fell_back: usize,
    pub total: usize,
}

impl Localizer {
    pub(crate) fn new(
        locale: LanguageIdentifier,
        chain: Vec<LanguageIdentifier>,
        bundles: Vec<Bundle>,
        definitions: Vec<Arc<Definitions>>,
        source_message_ids: Arc<Vec<String>>,
    ) -> Localizer {
        Localizer { locale, chain, bundles, definitions, source_message_ids }
    }

    /// The requested locale, as pages declare it (`<html lang>`, output directory).
    pub fn locale(&self) -> &LanguageIdentifier {
        &self.locale
    }

    /// The locales tried in order, ending with the source language.
    pub fn chain(&self) -> &[LanguageIdentifier] {
        &self.chain
    }

    pub fn direction(&self) -> CharacterDirection {
        self.locale.character_direction()
    }

    /// The value of message `id`.
    pub fn message<'a>(
        &'a self,
        id: &str,
        args: Option<&FluentArgs<'_>>,
        problems: &mut Vec<Problem>,
    ) -> Localized<'a> {
        self.lookup(id, None, args, problems)
    }

    /// Attribute `.attribute` of message `id`, which may come from another locale than the value.
    pub fn attribute<'a>(
        &'a self,
        id: &str,
        attribute: &str,
        args: Option<&FluentArgs<'_>>,
        problems: &mut Vec<Problem>,
    ) -> Localized<'a> {
        self.lookup(id, Some(attribute), args, problems)
    }

    /// A date as the locale writes it, from the `ui-date` message (`17/3/2026` in `es`).
    pub fn date<'a>(&'a self, date: Date, problems: &mut Vec<Problem>) -> Localized<'a> {
        let mut args = FluentArgs::new();
        args.set("year", date.year());
        args.set("month", date.month());
        args.set("day", date.day());
        self.message("ui-date", Some(&args), problems)
    }

    /// How many source messages no locale of the chain before the source translates.
    pub fn fallback_count(&self) -> FallbackCount {
        let translations = &self.bundles[..self.bundles.len() - 1];
        let fell_back = self
            .source_message_ids
            .iter()
            .filter(|id| !translations.iter().any(|bundle| bundle.has_message(id)))
            .count();
        FallbackCount { fell_back, total: self.source_message_ids.len() }
    }

    fn lookup<'a>(
        &'a self,
        id: &str,
        attribute: Option<&str>,
        args: Option<&FluentArgs<'_>>,
        problems: &mut Vec<Problem>,
    ) -> Localized<'a> {
        for (index, bundle) in self.bundles.iter().enumerate() {
            let Some(message) = bundle.get_message(id) else { continue };
            let pattern = match attribute {
                None => message.value(),
                Some(name) => message.get_attribute(name).map(|attribute| attribute.value()),
            };
            let Some(pattern) = pattern else { continue };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            for error in errors {
                let kind = ProblemKind::Format { id: display_id(id, attribute), message: error.to_string() };
                problems.push(self.problem(index, id, kind));
            }
            return Localized { text, locale: &self.chain[index], fell_back: index > 0 };
        }
        let source = self.chain.len() - 1;
        let kind = match attribute {
            None => ProblemKind::MissingMessage { id: id.to_owned(), describes: None },
            Some(name) => {
                ProblemKind::MissingAttribute { id: id.to_owned(), attribute: name.to_owned(), describes: None }
            }
        };
        problems.push(self.problem(source, id, kind));
        // Showing the id keeps the page readable and makes the gap easy to find.
        Localized { text: Cow::Owned(display_id(id, attribute)), locale: &self.chain[source], fell_back: source > 0 }
    }

    fn problem(&self, chain_index: usize, id: &str, kind: ProblemKind) -> Problem {
        let (path, position) = self.definitions[chain_index].place(id);
        Problem { path, position, locale: self.chain[chain_index].clone(), kind }
    }
}

fn display_id(id: &str, attribute: Option<&str>) -> String {
    match attribute {
        Some(name) => format!("{id}.{name}"),
        None => id.to_owned(),
    }
}

impl fmt::Debug for Localizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Localizer").field("locale", &self.locale).field("chain", &self.chain).finish_non_exhaustive()
    }
}
