//! A smoke render: every message and attribute of a locale formatted as pages would format it,
//! with numbers that reach every plural form a page can meet, so that a resolver error in a
//! branch no page of the current catalog reaches is still found.

use std::collections::HashSet;
use std::path::PathBuf;

use fluent::{FluentArgs, FluentValue};
use fluent_syntax::ast;
use ladder_model::{Date, Position};
use unic_langid::LanguageIdentifier;

use crate::interface;
use crate::locales::Locales;
use crate::problem::Problem;

/// The numbers every variable of an interface message is given in turn: zero, a singular, a
/// dual, a plural, a number whose last digit is one (Slavic `one`) and a fraction.
pub const SMOKE_NUMBERS: [f64; 6] = [0.0, 1.0, 2.0, 5.0, 21.0, 1.5];

impl Locales {
    /// Formats every message and attribute `locale` defines itself (what falls back is checked
    /// with its own locale), along its fallback chain: catalog messages with no variables,
    /// interface messages with each of [`SMOKE_NUMBERS`] for every variable the interface table
    /// gives them, and `ui-date` with a date too. Returns each resolver error once; none for a
    /// locale without a directory.
    pub fn smoke_render(&self, locale: &LanguageIdentifier) -> Vec<Problem> {
        let Some(data) = self.locales.iter().find(|data| &data.locale == locale) else { return Vec::new() };
        let Ok(localizer) = self.localizer(locale) else { return Vec::new() };
        let mut problems = Vec::new();
        for entry in data.own_entries() {
            let ast::Entry::Message(message) = entry else { continue };
            let id = message.id.name;
            let variables: &[&str] = interface::find(id).map_or(&[], |entry| entry.variables);
            let names = message
                .value
                .as_ref()
                .map(|_| None)
                .into_iter()
                .chain(message.attributes.iter().map(|attribute| Some(attribute.id.name)));
            for attribute in names {
                if variables.is_empty() {
                    localizer.lookup(id, attribute, None, variables, &mut problems);
                    continue;
                }
                for number in SMOKE_NUMBERS {
                    let mut args = FluentArgs::with_capacity(variables.len());
                    for name in variables {
                        args.set(*name, FluentValue::from(number));
                    }
                    localizer.lookup(id, attribute, Some(&args), variables, &mut problems);
                }
            }
            if id == interface::DATE.id
                && let Some(date) = Date::new(2026, 3, 17)
            {
                localizer.date(date, &mut problems);
            }
        }
        let mut seen: HashSet<(PathBuf, Option<Position>, String)> = HashSet::new();
        problems.retain(|problem| seen.insert((problem.path.clone(), problem.position, problem.kind.to_string())));
        problems
    }
}
