//! What can be wrong with translations, with the file and place where one is known.

use std::fmt;
use std::path::PathBuf;

use ladder_model::Position;
use unic_langid::LanguageIdentifier;

/// How much a problem matters to a render: errors stop it, warnings are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in the translations.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}: {kind}", self.location())]
pub struct Problem {
    /// The `.ftl` file, or the locale directory when no one file is to blame.
    pub path: PathBuf,
    pub position: Option<Position>,
    pub locale: LanguageIdentifier,
    pub kind: ProblemKind,
}

impl Problem {
    /// `file:line:column`, or just the path where there is no better place to point at.
    pub fn location(&self) -> String {
        match self.position {
            Some(position) => format!("{}:{position}", self.path.display()),
            None => self.path.display().to_string(),
        }
    }
}

/// What is wrong. [`ProblemKind::severity`] and [`ProblemKind::help`] say how much it matters and
/// what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    /// Fluent syntax the parser could not read; the entry is skipped (and falls back).
    #[error("syntax error: {0}")]
    Syntax(String),
    /// A message or term defined twice in one locale; the first definition (by file name) wins.
    /// `first_file` is a file name in the same locale directory.
    #[error("`{id}` is defined twice (first at {first_file}:{first})")]
    DuplicateEntry { id: String, first_file: String, first: Position },
    /// A message that no locale of the chain has, not even the source: the page shows its id.
    #[error("no message `{id}` in any locale of the fallback chain")]
    MissingMessage { id: String, describes: Option<String> },
    /// A message with an attribute but no `.{attribute}` in any locale of the chain.
    #[error("no attribute `{id}.{attribute}` in any locale of the fallback chain")]
    MissingAttribute { id: String, attribute: String, describes: Option<String> },
    /// Formatting failed in part, e.g. a variable the caller did not pass.
    #[error("formatting `{id}`: {message}")]
    Format { id: String, message: String },
}

impl ProblemKind {
    pub fn severity(&self) -> Severity {
        match self {
            ProblemKind::Format { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// A sentence that tells the translator what to do.
    pub fn help(&self) -> Option<String> {
        Some(match self {
            ProblemKind::Syntax(_) => "see https://projectfluent.org/fluent/guide/ for Fluent syntax".to_owned(),
            ProblemKind::DuplicateEntry { .. } => "keep one definition and delete the other".to_owned(),
            ProblemKind::MissingMessage { id, describes } => match describes {
                Some(what) => format!("add `{id} = …` ({what}) to the source locale"),
                None => format!("add `{id} = …` to the source locale"),
            },
            ProblemKind::MissingAttribute { id, attribute, describes } => match describes {
                Some(what) => format!("add `.{attribute} = …` ({what}) under `{id}` in the source locale"),
                None => format!("add `.{attribute} = …` under `{id}` in the source locale"),
            },
            ProblemKind::Format { .. } => return None,
        })
    }
}

/// Translations that cannot be used at all.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read the locales directory: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: no `{source_locale}` directory: the source language's messages are required", dir.display())]
    NoSourceLocale { dir: PathBuf, source_locale: LanguageIdentifier },
}

/// A requested locale that no translation matches, not even in part.
#[derive(Debug, Clone, thiserror::Error)]
#[error("no translations for `{requested}`: available locales are {}", Available(available))]
pub struct UnsupportedLocale {
    pub requested: LanguageIdentifier,
    pub available: Vec<LanguageIdentifier>,
}

struct Available<'a>(&'a [LanguageIdentifier]);

impl fmt::Display for Available<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, locale) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{locale}")?;
        }
        Ok(())
    }
}
