//! Ladder's command line, as a library so that end-to-end tests run exactly what users run.
//!
//! The last stage of the pipeline (`model -> i18n -> renderer -> xtask`): it parses flags, plans
//! jobs as data, runs them with rayon, and publishes the output
//! (staged beside it, swapped in at once). Each subcommand is one module with
//! a `run`; [`diagnostics`] turns every crate's typed errors into what the user reads.

pub mod bench;
pub mod check;
pub mod diagnostics;
pub mod flags;
pub mod gen_catalog;
mod incremental;
pub mod l10n;
mod lookups;
pub mod project;
mod publish;
pub mod render;
pub mod serve;
pub mod status;
