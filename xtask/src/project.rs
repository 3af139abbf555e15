//! The project: a catalog, its translations and its templates, loaded and checked together.
//!
//! Every command (`render`, `check`, `status`, `serve`) starts from one [`Project`], so they all
//! see the same problems in the same words, and a long-running command can [`Project::reload`]
//! after an edit. Loading never stops at the first mistake: the catalog and the translations are
//! both read and checked, and every problem of both is a [`Diagnostic`] of the one project.

use std::path::{Component, Path, PathBuf};

use ladder_i18n::{LanguageIdentifier, Locales, Problem};
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
    /// The catalog's and the templates' problems, and a locales directory that cannot be read.
    others: Vec<Diagnostic>,
    /// What reading the translations found (syntax, duplicates, locks), what checking them found
    /// (validation, lint, missing messages) and their stale translations: kept apart, each with
    /// its locale, so that [`Project::reload_locale`] replaces only what it read or checked again.
    read_problems: Vec<Problem>,
    check_problems: Vec<Problem>,
    stale_problems: Vec<Problem>,
    /// All of the above, sorted by file and position, each once.
    diagnostics: Vec<Diagnostic>,
}

/// What [`Project::reload_locale`] read again: which locale, the keys that changed in it, and
/// the locales whose pages can show them.
pub type LocaleEdit = ladder_i18n::Reloaded;

impl Project {
    /// Reads and checks everything; what is wrong is in [`Project::diagnostics`].
    pub fn load(paths: ProjectPaths) -> Project {
        let mut others = Vec::new();
        // Loading is most of what a render does before its pages can be rendered in parallel:
        // the catalog is read beside the translations, and the checks run side by side.
        let (catalog, locales) =
            rayon::join(|| Catalog::load(&paths.catalog_dir), || Locales::load(&paths.locales_dir));
        let catalog = match catalog {
            Ok(catalog) => Some(catalog),
            Err(errors) => {
                others.extend(errors.iter().map(Diagnostic::from));
                None
            }
        };
        let mut read_problems = Vec::new();
        let mut check_problems = Vec::new();
        let mut stale_problems = Vec::new();
        let locales = match locales {
            Ok(loaded) => {
                let locales = loaded.locales;
                read_problems = loaded.problems;
                let ((validated, linted), (missing_catalog, stale)) = rayon::join(
                    || rayon::join(|| locales.validate(catalog.as_ref()), || locales.lint()),
                    || {
                        rayon::join(
                            || catalog.as_ref().map(|catalog| locales.missing_catalog_messages(catalog)),
                            || locales.stale_translations(),
                        )
                    },
                );
                check_problems.extend(validated);
                check_problems.extend(linted);
                check_problems.extend(locales.missing_interface_messages());
                check_problems.extend(missing_catalog.into_iter().flatten());
                stale_problems = stale;
                Some(locales)
            }
            Err(err) => {
                let help = "pass --locales DIR, or create locales/en/ with the source messages".to_owned();
                others.push(Diagnostic::error(err.to_string()).with_help(help));
                None
            }
        };
        let renderer = match Renderer::new(paths.templates_dir.as_deref()) {
            Ok(renderer) => Some(renderer),
            Err(err) => {
                others.push(Diagnostic::from(&err));
                None
            }
        };
        let mut project = Project {
            paths,
            catalog,
            locales,
            renderer,
            others,
            read_problems,
            check_problems,
            stale_problems,
            diagnostics: Vec::new(),
        };
        project.collect_diagnostics();
        project
    }

    /// Loads the project again from the same paths, after an edit.
    pub fn reload(&mut self) {
        *self = Project::load(self.paths.clone());
    }

    /// After an edit of `path`, a `.ftl` file of an existing locale: reads that locale again and
    /// checks what it can have changed (the locale itself, and the locales that fall back to it
    /// when the edit changed what their checks read of it), keeping the catalog, the templates
    /// and every other locale as they were. The diagnostics are then those a full
    /// [`Project::load`] would give. `None` when the path is no such file, or the locale cannot
    /// be read incrementally: [`Project::reload`] then.
    pub fn reload_locale(&mut self, path: &Path) -> Option<LocaleEdit> {
        let (mut edits, _) = self.reload_locales_with(std::slice::from_ref(&path.to_path_buf()), |_, _| ())?;
        edits.pop()
    }

    /// [`Project::reload_locale`] for each of `paths`, running `beside` on the project as read
    /// while the edits are checked (a preview renders the pages meanwhile, and throws them
    /// away if the checks find an error). `beside` is not run when reading found an error.
    /// `None` when a path cannot be reloaded: some of them may have been; reload everything.
    pub(crate) fn reload_locales_with<R: Send>(
        &mut self,
        paths: &[PathBuf],
        beside: impl FnOnce(&Project, &[LocaleEdit]) -> R + Send,
    ) -> Option<(Vec<LocaleEdit>, Option<R>)> {
        let mut edits = Vec::new();
        for path in paths {
            let locale = self.locale_of(path)?;
            let edit = self.locales.as_mut()?.reload_locale(&locale)?;
            self.read_problems.retain(|problem| problem.locale != edit.locale);
            self.read_problems.extend(edit.problems.iter().cloned());
            edits.push(edit);
        }
        if self.read_problems.iter().any(|problem| problem.kind.severity() == ladder_i18n::Severity::Error) {
            self.check_edits(&edits);
            return Some((edits, None));
        }
        let (checks, result) = rayon::join(|| self.edit_checks(&edits), || beside(self, &edits));
        self.apply_checks(&edits, checks?);
        Some((edits, Some(result)))
    }

    /// The locale whose directory holds `path`, if it is a `.ftl` file of an existing locale.
    fn locale_of(&self, path: &Path) -> Option<LanguageIdentifier> {
        if path.extension().is_none_or(|ext| ext != "ftl") {
            return None;
        }
        let locales_dir = std::fs::canonicalize(&self.paths.locales_dir).ok()?;
        let path = std::fs::canonicalize(path).ok()?;
        let relative = path.strip_prefix(&locales_dir).ok()?;
        let mut components = relative.components();
        let (Some(Component::Normal(dir)), Some(Component::Normal(_)), None) =
            (components.next(), components.next(), components.next())
        else {
            return None;
        };
        let locale: LanguageIdentifier = dir.to_str()?.parse().ok()?;
        self.locales.as_ref()?.available().any(|known| *known == locale).then_some(locale)
    }

    fn check_edits(&mut self, edits: &[LocaleEdit]) {
        if let Some(checks) = self.edit_checks(edits) {
            self.apply_checks(edits, checks);
        }
    }

    /// What checking the locales `edits` name finds: (checks, stale translations).
    fn edit_checks(&self, edits: &[LocaleEdit]) -> Option<(Vec<Problem>, Vec<Problem>)> {
        let locales = self.locales.as_ref()?;
        let mut recheck: Vec<LanguageIdentifier> = edits.iter().flat_map(|edit| edit.recheck.clone()).collect();
        let mut dependents: Vec<LanguageIdentifier> = edits.iter().flat_map(|edit| edit.dependents.clone()).collect();
        for tags in [&mut recheck, &mut dependents] {
            tags.sort_by_key(ToString::to_string);
            tags.dedup();
        }
        let (mut checks, lint) = rayon::join(
            || locales.validate_locales(self.catalog.as_ref(), &recheck),
            || locales.lint_locales(&recheck),
        );
        checks.extend(lint);
        if recheck.contains(locales.source()) {
            checks.extend(locales.missing_interface_messages());
            if let Some(catalog) = &self.catalog {
                checks.extend(locales.missing_catalog_messages(catalog));
            }
        }
        Some((checks, locales.stale_translations_of(&dependents)))
    }

    fn apply_checks(&mut self, edits: &[LocaleEdit], (checks, stale): (Vec<Problem>, Vec<Problem>)) {
        let rechecked = |problem: &Problem| edits.iter().any(|edit| edit.recheck.contains(&problem.locale));
        let depends = |problem: &Problem| edits.iter().any(|edit| edit.dependents.contains(&problem.locale));
        self.check_problems.retain(|problem| !rechecked(problem));
        self.check_problems.extend(checks);
        self.stale_problems.retain(|problem| !depends(problem));
        self.stale_problems.extend(stale);
        self.collect_diagnostics();
    }

    /// What a render works from, whatever the diagnostics say: for work done beside the checks
    /// ([`Project::reload_locales_with`]), whose result is thrown away if they find an error.
    pub(crate) fn inputs(&self) -> Option<Renderable<'_>> {
        Some(Renderable {
            catalog: self.catalog.as_ref()?,
            locales: self.locales.as_ref()?,
            renderer: self.renderer.as_ref()?,
        })
    }

    fn collect_diagnostics(&mut self) {
        let mut diagnostics = self.others.clone();
        diagnostics.extend(
            self.read_problems.iter().chain(&self.check_problems).chain(&self.stale_problems).map(Diagnostic::from),
        );
        self.diagnostics = sorted(diagnostics);
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
