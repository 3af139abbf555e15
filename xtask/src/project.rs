//! The project: a catalog, its translations and its templates, loaded and checked together.
//!
//! Every command (`render`, `check`, `status`, `serve`) starts from one [`Project`], so they all
//! see the same problems in the same words, and a long-running command can [`Project::reload`]
//! after an edit. Loading never stops at the first mistake: the catalog and the translations are
//! both read and checked, and every problem of both is a [`Diagnostic`] of the one project.

use std::path::PathBuf;

use ladder_i18n::{Locales, Problem};
use ladder_model::Catalog;
use ladder_renderer::Renderer;

use crate::diagnostics::Diagnostic;

/// Where a project's inputs are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectPaths {
    pub catalog_dir: PathBuf,
    pub locales_dir: PathBuf,
    /// Templates replacing the embedded ones of the same name.
    pub templates_dir: Option<PathBuf>,
}

/// A loaded project and everything found wrong with it.
#[derive(Debug)]
pub struct Project {
    paths: ProjectPaths,
    catalog: Option<Catalog>,
    locales: Option<Locales>,
    renderer: Option<Renderer>,
    /// Sorted by file and position, each once.
    diagnostics: Vec<Diagnostic>,
}

impl Project {
    /// Reads and checks everything; what is wrong is in [`Project::diagnostics`].
    pub fn load(paths: ProjectPaths) -> Project {
        let mut diagnostics = Vec::new();
        let catalog = match Catalog::load(&paths.catalog_dir) {
            Ok(catalog) => Some(catalog),
            Err(errors) => {
                diagnostics.extend(errors.iter().map(Diagnostic::from));
                None
            }
        };
        let locales = match Locales::load(&paths.locales_dir) {
            Ok(loaded) => {
                let locales = loaded.locales;
                let mut problems: Vec<Problem> = loaded.problems;
                problems.extend(locales.validate(catalog.as_ref()));
                problems.extend(locales.lint());
                problems.extend(locales.missing_interface_messages());
                problems.extend(locales.stale_translations());
                if let Some(catalog) = &catalog {
                    problems.extend(locales.missing_catalog_messages(catalog));
                }
                diagnostics.extend(problems.iter().map(Diagnostic::from));
                Some(locales)
            }
            Err(err) => {
                let help = "pass --locales DIR, or create locales/en/ with the source messages".to_owned();
                diagnostics.push(Diagnostic::error(err.to_string()).with_help(help));
                None
            }
        };
        let renderer = match Renderer::new(paths.templates_dir.as_deref()) {
            Ok(renderer) => Some(renderer),
            Err(err) => {
                diagnostics.push(Diagnostic::from(&err));
                None
            }
        };
        Project { paths, catalog, locales, renderer, diagnostics: sorted(diagnostics) }
    }

    /// Loads the project again from the same paths, after an edit.
    pub fn reload(&mut self) {
        *self = Project::load(self.paths.clone());
    }

    pub fn paths(&self) -> &ProjectPaths {
        &self.paths
    }

    /// Every problem found, errors and warnings, in file order.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The catalog, if it loaded (it may still have translation problems).
    pub fn catalog(&self) -> Option<&Catalog> {
        self.catalog.as_ref()
    }

    /// The translations, if they loaded (they may hold errors).
    pub fn locales(&self) -> Option<&Locales> {
        self.locales.as_ref()
    }

    /// Everything a render needs, when nothing is wrong with it.
    pub fn renderable(&self) -> Option<Renderable<'_>> {
        if self.has_errors() {
            return None;
        }
        Some(Renderable {
            catalog: self.catalog.as_ref()?,
            locales: self.locales.as_ref()?,
            renderer: self.renderer.as_ref()?,
        })
    }
}

/// A project without errors: what a render works from.
#[derive(Debug, Clone, Copy)]
pub struct Renderable<'p> {
    pub catalog: &'p Catalog,
    pub locales: &'p Locales,
    pub renderer: &'p Renderer,
}

/// Diagnostics in file order, each once: many pages can meet the same translation problem.
pub(crate) fn sorted(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by(|a, b| {
        (&a.path, a.position, &a.message, b.severity).cmp(&(&b.path, b.position, &b.message, a.severity))
    });
    diagnostics.dedup();
    diagnostics
}
