//! The catalog: what each role must show at each seniority level, skill by skill.
//!
//! This is the first stage of Ladder's pipeline (`model -> i18n -> renderer -> xtask`). It loads the
//! language-neutral YAML under `catalog/`, checks it, and hands out a [`Catalog`] whose invariants
//! later stages rely on: every id is well formed and unique, every reference resolves, and lists
//! come in catalog order. It knows nothing of Fluent, templates or output files.
//!
//! ```
//! let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalog");
//! let catalog = ladder_model::Catalog::load(&dir).expect("the default catalog is valid");
//! let skill = catalog.skill("serverless-functions").expect("the seed skill");
//! assert_eq!(skill.updated().to_string(), "2026-03-17");
//! assert_eq!(skill.mandatory_count(), 16);
//! assert_eq!(skill.optional_count(), 4);
//! ```
//!
//! Errors name the file and, where the YAML gives one, the line and column: see [`CatalogError`].
//! Input is treated as untrusted: files are read through [`read_source`] (no symlinks out of the
//! catalog, at most [`MAX_YAML_BYTES`], UTF-8), nesting is refused past [`MAX_YAML_DEPTH`] before
//! any parser recurses or slows down on it, and values quoted in messages are [`shorten`]ed.

mod catalog;
mod date;
mod error;
mod id;
mod load;
mod prescan;
mod source;
mod source_map;

pub use crate::catalog::{Catalog, Domain, Necessity, Requirement, Skill};
pub use crate::date::Date;
pub use crate::error::{CatalogError, CatalogErrors, EntityKind, ErrorKind, shorten};
pub use crate::id::Id;
pub use crate::load::{MAX_YAML_BYTES, MAX_YAML_DEPTH};
pub use crate::source::{Position, SourceError, read_source};
