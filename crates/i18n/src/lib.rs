//! Translations for Ladder: Fluent resources, fallback chains and localized formatting.
//!
//! The second stage of the pipeline (`model -> i18n -> renderer -> xtask`). [`Locales::load`]
//! reads every `locales/<lang>/*.ftl`; [`Locales::localizer`] negotiates a fallback chain for a
//! requested locale (`es-MX -> es -> en`, English being the source language) and returns a
//! [`Localizer`] that rayon threads can share. Every lookup says which locale its text came
//! from, so pages can mark text that fell back. Problems are collected, never panicked on.
//! [`Locales::validate`] checks every locale once before rendering; [`interface`] is the one table
//! of interface messages and their variables. [`Locales::lint`] adds what `cargo xtask check`
//! reports beyond that (file hygiene, duplicates, drift from the source language, plural forms
//! against CLDR, `language-name`), and [`Locales::smoke_render`] formats every message of a locale
//! with sample numbers. A Fluent resolver error is always an error, pointed at the placeable that
//! caused it.
//!
//! ```
//! use ladder_i18n::{LanguageIdentifier, Locales, interface, message_ids};
//!
//! let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
//! let loaded = Locales::load(&dir).expect("the default locales load");
//! assert!(loaded.problems.is_empty());
//! assert!(loaded.locales.validate(None).is_empty(), "checked once, before any page");
//! assert!(loaded.locales.lint().is_empty(), "and linted: plural forms, drift, hygiene");
//! let es: LanguageIdentifier = "es-MX".parse().unwrap();
//! let localizer = loaded.locales.localizer(&es).unwrap();
//! let mut problems = Vec::new();
//!
//! let label = localizer.interface(interface::TABLE_MANDATORY, &[], &mut problems);
//! assert_eq!((label.text.as_ref(), label.fell_back), ("Obligatorio", false));
//!
//! // Nobody has translated the descriptions yet: they come from English, and say so.
//! let skill = ladder_model::Id::new("serverless-functions").unwrap();
//! let summary = localizer.attribute(&message_ids::skill(&skill), message_ids::SUMMARY, &mut problems);
//! assert_eq!(summary.locale.to_string(), "en");
//! assert!(summary.fell_back);
//! assert!(problems.is_empty());
//! ```
//!
//! Placeables are not wrapped in Unicode bidi isolation marks (U+2068, U+2069): they would leak
//! into Markdown, file names and HTML attributes. Right-to-left text is isolated by the HTML
//! templates instead, where it is rendered.

pub mod interface;
mod lint;
mod locales;
mod localizer;
pub mod message_ids;
mod nesting;
mod plural;
mod problem;
mod pseudo;
mod reload;
mod resolve;
mod smoke;
mod snapshot;
mod staleness;
mod status;
mod validate;
mod walk;

pub use fluent::{FluentArgs, FluentValue};
pub use unic_langid::{CharacterDirection, LanguageIdentifier};

pub use crate::interface::InterfaceMessage;
pub use crate::locales::{Loaded, Locales, MAX_FTL_BYTES, SOURCE_LOCALE};
pub use crate::localizer::{FallbackCount, Localized, Localizer, PluralPatterns, Segment};
pub use crate::nesting::MAX_PLACEABLE_DEPTH;
pub use crate::plural::plural_categories;
pub use crate::problem::{LoadError, Problem, ProblemKind, Severity, UnsupportedLocale};
pub use crate::pseudo::Pseudolocale;
pub use crate::reload::{Reloaded, Retired};
pub use crate::smoke::SMOKE_NUMBERS;
pub use crate::snapshot::{LocaleSnapshot, key_hash};
pub use crate::staleness::{AcceptError, Accepted, LOCK_FILE, Lock, LockEntry, LockError, english_text, text_hash};
pub use crate::status::{Counts, FileCounts, KindCounts, MessageKind, Pending, StaleEntry, TranslationStatus};
