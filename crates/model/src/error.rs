//! What can be wrong with a catalog, with the file and the place in it.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::source::{Position, SourceError};

/// The kinds of things a catalog declares, as error messages name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    Level,
    Role,
    Domain,
    Group,
    Skill,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Level => "level",
            EntityKind::Role => "role",
            EntityKind::Domain => "domain",
            EntityKind::Group => "group",
            EntityKind::Skill => "skill",
        }
    }

    /// The catalog file that declares this kind of entity, relative to the catalog directory.
    pub fn declared_in(self) -> &'static str {
        match self {
            EntityKind::Level => "levels.yaml",
            EntityKind::Role => "roles.yaml",
            EntityKind::Domain | EntityKind::Group => "domains.yaml",
            EntityKind::Skill => "skills/<skill-id>.yaml",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem in one catalog file.
#[derive(Debug, thiserror::Error)]
#[error("{}: {kind}", self.location())]
pub struct CatalogError {
    pub path: PathBuf,
    pub position: Option<Position>,
    pub kind: ErrorKind,
}

impl CatalogError {
    pub(crate) fn new(path: &Path, position: Option<Position>, kind: ErrorKind) -> CatalogError {
        CatalogError { path: path.to_path_buf(), position, kind }
    }

    /// `file:line:column`, or just the file where there is no better place to point at.
    pub fn location(&self) -> String {
        match self.position {
            Some(position) => format!("{}:{position}", self.path.display()),
            None => self.path.display().to_string(),
        }
    }
}

/// What is wrong. Each variant's [`ErrorKind::help`] says how to fix it.
#[derive(Debug, thiserror::Error)]
pub enum ErrorKind {
    /// The directory could not be listed.
    #[error("cannot read: {0}")]
    Read(#[source] std::io::Error),
    /// The file could not be read as catalog text: a symlink out of the catalog, not a regular file,
    /// over [`MAX_YAML_BYTES`](crate::MAX_YAML_BYTES), not UTF-8. [`CatalogError::position`] is
    /// [`SourceError::position`].
    #[error("{0}")]
    Source(#[source] SourceError),
    /// Collections nested deeper than [`MAX_YAML_DEPTH`](crate::MAX_YAML_DEPTH); the position is
    /// where the limit is crossed. Nothing past it is parsed.
    #[error("nesting deeper than {limit} levels")]
    TooDeep { limit: usize },
    /// A tab in the indentation of a line; YAML indents with spaces only.
    #[error("tab used for indentation")]
    Tab,
    /// A required file or directory of the catalog layout is absent.
    #[error("missing catalog {what}")]
    Missing { what: &'static str },
    /// A file in `skills/` that is not named `<skill-id>.yaml`.
    #[error("not a skill file: skill files are named <skill-id>.yaml")]
    NotASkillFile,
    /// Not YAML, or YAML of the wrong shape (an unknown field, a list where a map belongs, ...),
    /// in serde_yaml's words.
    #[error("{0}")]
    Yaml(String),
    /// The same key twice in one mapping; YAML parsers silently keep the last one.
    #[error("duplicate key `{key}` (first at line {first_line})")]
    DuplicateKey { key: String, first_line: usize },
    /// An id outside the safe alphabet.
    #[error("invalid {kind} id `{id}`: {reason}")]
    InvalidId { kind: EntityKind, id: String, reason: &'static str },
    /// The same id declared twice in one file; `first` is where it was declared first.
    #[error("{kind} `{id}` is declared twice (first at {first})")]
    DuplicateId { kind: EntityKind, id: String, first: Position },
    /// A reference to an id the catalog does not declare.
    #[error("unknown {kind} `{id}`")]
    UnknownReference { kind: EntityKind, id: String, suggestion: Option<String> },
    /// A date that is not `YYYY-MM-DD` or does not exist.
    #[error("invalid date `{0}`: expected a real date written YYYY-MM-DD, such as 2026-03-17")]
    InvalidDate(String),
    /// A requirement that is neither `mandatory` nor `optional`.
    #[error("unknown requirement `{0}`: expected `mandatory` or `optional`")]
    InvalidNecessity(String),
    /// A list that must hold at least one entry is empty.
    #[error("no {kind} declared")]
    Empty { kind: EntityKind },
}

impl ErrorKind {
    /// The check's name, as `cargo xtask check` prints it (`error[unknown-catalog-reference]`).
    pub fn check(&self) -> &'static str {
        match self {
            ErrorKind::Read(_) | ErrorKind::Source(_) => "unreadable",
            ErrorKind::TooDeep { .. } => "yaml-too-deep",
            ErrorKind::Tab => "yaml-tab",
            ErrorKind::Missing { .. } => "missing-catalog-file",
            ErrorKind::NotASkillFile => "not-a-skill-file",
            ErrorKind::Yaml(_) => "yaml",
            ErrorKind::DuplicateKey { .. } => "duplicate-key",
            ErrorKind::InvalidId { .. } => "invalid-id",
            ErrorKind::DuplicateId { .. } => "duplicate-id",
            ErrorKind::UnknownReference { .. } => "unknown-catalog-reference",
            ErrorKind::InvalidDate(_) => "invalid-date",
            ErrorKind::InvalidNecessity(_) => "invalid-necessity",
            ErrorKind::Empty { .. } => "empty-list",
        }
    }

    /// A sentence that tells the content owner what to do.
    pub fn help(&self) -> Option<String> {
        Some(match self {
            ErrorKind::Read(_) => return None,
            ErrorKind::Source(err) => return err.help(),
            ErrorKind::TooDeep { .. } => {
                "a catalog file needs about 4 levels; look for an unclosed `[` or `{`, or a run of `- - -`".to_owned()
            }
            ErrorKind::Tab => "indent with spaces".to_owned(),
            ErrorKind::Missing { .. } => {
                "a catalog directory holds levels.yaml, roles.yaml, domains.yaml and a skills/ directory (see docs/catalog-format.md)".to_owned()
            }
            ErrorKind::NotASkillFile => "rename it to <skill-id>.yaml, or move it out of skills/".to_owned(),
            ErrorKind::Yaml(_) => "see docs/catalog-format.md for the fields each file takes".to_owned(),
            ErrorKind::DuplicateKey { .. } => "remove one of the two entries".to_owned(),
            ErrorKind::InvalidId { .. } => {
                "ids are lowercase letters and digits joined by single hyphens, starting with a letter, such as `cloud-engineer`".to_owned()
            }
            ErrorKind::DuplicateId { .. } => "give each entry its own id".to_owned(),
            ErrorKind::UnknownReference { kind, suggestion, .. } => match suggestion {
                Some(known) => format!("did you mean `{known}`? {kind}s are declared in {}", kind.declared_in()),
                None => format!("declare it in {} first, or use one that is declared there", kind.declared_in()),
            },
            ErrorKind::InvalidDate(_) => "write the date the skill was last reviewed, as YYYY-MM-DD".to_owned(),
            ErrorKind::InvalidNecessity(_) => {
                "write `mandatory` or `optional`; leave the level out where the role does not need the skill".to_owned()
            }
            ErrorKind::Empty { kind } => format!("declare at least one {kind} in {}", kind.declared_in()),
        })
    }
}

/// `text` cut to at most `max_chars` characters, ending with `…` when something was cut, so that a
/// value from a file never floods a message. Cuts between characters, never inside one.
///
/// ```
/// assert_eq!(ladder_model::shorten("mandatory", 20), "mandatory");
/// assert_eq!(ladder_model::shorten("ñññññ", 4), "ñññ…");
/// ```
pub fn shorten(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        None => text.to_owned(),
        Some(_) => {
            let keep = text.char_indices().nth(max_chars.saturating_sub(1)).map_or(text.len(), |(end, _)| end);
            format!("{}…", &text[..keep])
        }
    }
}

/// Every problem found in a catalog, in file order, so that one run reports them all.
#[derive(Debug, thiserror::Error)]
#[error("the catalog has {} error(s)", self.0.len())]
pub struct CatalogErrors(pub Vec<CatalogError>);

impl CatalogErrors {
    pub fn iter(&self) -> impl Iterator<Item = &CatalogError> {
        self.0.iter()
    }
}
