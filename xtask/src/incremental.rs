//! What `serve` keeps between edits, so that saving a translation re-renders only what it changed.
//!
//! The first render, and any edit of the catalog, the templates, a lock file or the set of files,
//! is a full render ([`render::run_project`]) of the one [`Project`] serve keeps. An edit of
//! existing `.ftl` files reads only their locales again ([`Project::reload_locale`]), finds the
//! pages that look up a changed message or term in a locale of their chain (from what every page
//! looks up, [`Renderer::page_fingerprints`], indexed after each full render), renders them and writes them
//! over the preview's files, then sends the reload event. What depends on whole locales (the
//! translation status pages, search indexes and exports of the locales concerned) is rendered
//! right after the event; a request for one of those files waits until it is written. The
//! preview then holds what `cargo xtask render` would publish.
//!
//! **Invariant:** anything that can change a page that the lookups do not cover (catalog,
//! templates, locks, language names, new or removed files, an edit touching more pages than a
//! full render would reuse) takes the full render.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use ladder_i18n::{LanguageIdentifier, Locales, interface};
use ladder_renderer::{Carried, Format, Job, Page, RenderError, RenderedFile, Renderer, Site};
use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::flags::RenderOptions;
use crate::project::{LocaleEdit, Project, Renderable, sorted};
use crate::render;
use crate::serve::{Shared, diagnostics_text, log_render};

/// Past this many pages an edit is rendered the full way: the full render reuses every page it
/// can, and costs about the same then.
const MOST_PAGES: usize = 2_000;

/// The project as last loaded, and what every page of the preview looks up.
pub(crate) struct Incremental {
    options: RenderOptions,
    project: Project,
    /// What every page looks up, once indexed after a full render that succeeded.
    index: Option<Index>,
    /// Edits of translations since the pages were last rendered: kept while they break the
    /// project, so that the edit that mends it renders everything they changed.
    unrendered: Vec<LocaleEdit>,
    /// The last full render failed: the next edit takes the full render too.
    needs_full: bool,
}

/// The jobs of the full plan, and for each page what it looks up.
struct Index {
    /// Pages but the translation status, in plan order.
    pages: Vec<Job>,
    lookups: Vec<PageLookups>,
    /// Every other job: the translation status pages, search indexes and exports (rendered when
    /// their locale is concerned), and the shared files (rendered every time, as `render` does).
    others: Vec<Job>,
    /// Interned message ids (their [`ladder_i18n::key_hash`]es), and per id the pages (indices
    /// into `pages`) that look it up.
    ids: HashMap<u64, u32>,
    readers: HashMap<u32, Vec<u32>>,
    /// Pages that depend on whole locales.
    whole_chain: Vec<u32>,
    /// What a site looks up and hashes once (language names, the catalog's digests), carried
    /// from site to site while only translations change.
    carried: Carried,
}

/// What a page job looks up, and its fingerprint, from one walk of its page.
#[derive(Debug, Clone)]
struct Lookups {
    /// [`ladder_i18n::key_hash`]es, sorted.
    ids: Vec<u64>,
    /// Whether some definition looked up may refer to others: any edit of the chain reaches it.
    whole_chain: bool,
    fingerprint: Option<blake3::Hash>,
}

struct PageLookups {
    ids: Vec<u32>,
    fingerprint: Option<blake3::Hash>,
}

/// What each of `jobs` (pages) looks up, walking each page once for all its formats.
fn page_lookups(site: &Site<'_>, renderer: &Renderer, jobs: &[Job]) -> Vec<Option<Lookups>> {
    let mut formats_of: HashMap<(usize, &Page), Vec<(usize, Format)>> = HashMap::new();
    for (index, job) in jobs.iter().enumerate() {
        if let Job::Page { locale, page, format } = job {
            formats_of.entry((*locale, page)).or_default().push((index, *format));
        }
    }
    let walked: Vec<Vec<(usize, Option<Lookups>)>> = formats_of
        .into_par_iter()
        .map(|((locale, page), jobs)| {
            let formats: Vec<Format> = jobs.iter().map(|&(_, format)| format).collect();
            let (fingerprints, lookups) = renderer.page_fingerprints(site, locale, page, &formats);
            jobs.iter()
                .zip(fingerprints)
                .map(|(&(index, _), fingerprint)| {
                    let lookups = lookups.as_ref().map(|lookups| Lookups {
                        ids: lookups.ids.clone(),
                        whole_chain: lookups.whole_chain,
                        fingerprint,
                    });
                    (index, lookups)
                })
                .collect()
        })
        .collect();
    let mut found: Vec<Option<Lookups>> = vec![None; jobs.len()];
    for (index, lookups) in walked.into_iter().flatten() {
        found[index] = lookups;
    }
    found
}

/// The jobs one edit renders: now, before the reload event, and right after it.
struct Plan {
    now: Vec<Job>,
    after: Vec<Job>,
    /// The pages among them (indices into [`Index::pages`]), whose lookups change with them.
    pages: Vec<u32>,
    /// Pages that may have changed, in the other format: fingerprinted after the event.
    later: Vec<u32>,
}

impl Index {
    fn build(options: &RenderOptions, site: &Site<'_>, renderer: &Renderer) -> Index {
        let mut jobs = render::plan(site, &options.formats);
        let every_locale: Vec<usize> = (0..site.localizers().len()).collect();
        jobs.extend(render::plan_exports(&every_locale, &options.exports));
        let (pages, others): (Vec<Job>, Vec<Job>) =
            jobs.into_iter().partition(|job| matches!(job, Job::Page { page, .. } if *page != Page::TranslationStatus));
        let found = page_lookups(site, renderer, &pages);
        let mut index = Index {
            lookups: Vec::with_capacity(pages.len()),
            pages,
            others,
            ids: HashMap::new(),
            readers: HashMap::new(),
            whole_chain: Vec::new(),
            carried: site.carry(),
        };
        for (page, lookups) in found.into_iter().enumerate() {
            let page = u32::try_from(page).unwrap_or(u32::MAX);
            let lookups = lookups.unwrap_or(Lookups { ids: Vec::new(), whole_chain: true, fingerprint: None });
            let entry = index.entry(page, lookups, &[]);
            index.lookups.push(entry);
        }
        index
    }

    /// Interns what `page` looks up, and adds it to the readers of each id it did not look up
    /// before (`before`, sorted). Readers are never removed: a page listed for an id it no longer
    /// looks up is only fingerprinted for nothing.
    fn entry(&mut self, page: u32, lookups: Lookups, before: &[u32]) -> PageLookups {
        let mut ids: Vec<u32> = lookups
            .ids
            .into_iter()
            .map(|id| {
                let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
                *self.ids.entry(id).or_insert(next)
            })
            .collect();
        ids.sort_unstable();
        for id in ids.iter().filter(|id| before.binary_search(id).is_err()) {
            self.readers.entry(*id).or_default().push(page);
        }
        if lookups.whole_chain && !self.whole_chain.contains(&page) {
            self.whole_chain.push(page);
        }
        PageLookups { ids, fingerprint: lookups.fingerprint }
    }

    /// Those of `pages` whose fingerprint changed: a page whose fingerprint is the same has the
    /// same bytes (in a locale that translates the edited English message, its pages do not
    /// change).
    fn changed(&self, site: &Site<'_>, renderer: &Renderer, pages: Vec<u32>) -> Vec<u32> {
        pages
            .into_par_iter()
            .filter(|&page| {
                let fingerprint = self.lookups[page as usize].fingerprint;
                fingerprint.is_none() || renderer.fingerprint(site, &self.pages[page as usize]) != fingerprint
            })
            .collect()
    }

    /// The pages `edits` can change (with `concerned[edit][locale]`), in plan order.
    fn candidates(&self, edits: &[&LocaleEdit], concerned: &[Vec<bool>]) -> Vec<u32> {
        let mut found = Vec::new();
        for (edit, concerned) in edits.iter().zip(concerned) {
            let readers =
                edit.changed.iter().filter_map(|key| self.readers.get(self.ids.get(&ladder_i18n::key_hash(key))?));
            for &page in readers.flatten().chain(&self.whole_chain) {
                if let Job::Page { locale, .. } = &self.pages[page as usize]
                    && concerned[*locale]
                {
                    found.push(page);
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }
}

impl Incremental {
    pub(crate) fn new(options: &RenderOptions) -> Incremental {
        Incremental {
            options: options.clone(),
            project: Project::load(options.project_paths()),
            index: None,
            unrendered: Vec::new(),
            needs_full: false,
        }
    }

    /// Renders the whole project as `cargo xtask render` does; the diagnostics if it failed.
    pub(crate) fn render_all(&mut self, started: Instant) -> Option<String> {
        self.index = None;
        self.unrendered.clear();
        match render::run_project(&self.options, &self.project, started) {
            Ok(_) => {
                self.needs_full = false;
                None
            }
            Err(failure) => {
                self.needs_full = true;
                Some(diagnostics_text(failure.diagnostics()))
            }
        }
    }

    /// Records what every page looks up, unless the last full render failed. Takes about as
    /// long as fingerprinting every page; edits wait meanwhile.
    pub(crate) fn index_lookups(&mut self) {
        if self.needs_full || self.index.is_some() {
            return;
        }
        let Some(Renderable { catalog, locales, renderer }) = self.project.renderable() else { return };
        let Ok(localizers) = render::localizers(locales, &self.options.locales) else { return };
        let (site, _) = Site::new(catalog, &localizers);
        let site = site.with_base_url(self.options.base_url.as_deref()).with_role_moves(self.options.moves);
        self.index = Some(Index::build(&self.options, &site, renderer));
    }

    /// Renders what the edited files (each with whether it existed before and still does) change,
    /// and tells the open pages.
    pub(crate) fn edited(&mut self, edited: &[(PathBuf, bool)], shared: &Shared, started: Instant) {
        if self.needs_full || self.index.is_none() || !edited.iter().all(|(_, modified)| *modified) {
            self.full(shared, started);
            return;
        }
        let paths: Vec<PathBuf> = edited.iter().map(|(path, _)| path.clone()).collect();
        let Incremental { options, project, index, unrendered, .. } = self;
        // The pages are rendered while the edits are checked, and thrown away if the checks
        // find an error.
        let outcome = project.reload_locales_with(&paths, |project, edits| {
            let all: Vec<&LocaleEdit> = unrendered.iter().chain(edits).collect();
            prepare(options, index.as_ref()?, project, &all)
        });
        let Some((edits, prepared)) = outcome else {
            self.full(shared, started);
            return;
        };
        self.unrendered.extend(edits);
        if self.project.has_errors() {
            let errors = diagnostics_text(self.project.diagnostics());
            log_render(Some(&errors), started.elapsed(), "");
            shared.update(Some(errors));
            return;
        }
        match prepared.flatten() {
            Some(prepared) => self.finish(prepared, shared, started),
            None => self.full(shared, started),
        }
    }

    fn full(&mut self, shared: &Shared, started: Instant) {
        self.project.reload();
        let errors = self.render_all(started);
        log_render(errors.as_deref(), started.elapsed(), "");
        shared.update(errors);
        self.index_lookups();
    }

    /// Writes the pages `prepared` rendered and sends the reload event; then renders and writes
    /// what can follow, and records what the pages rendered look up now.
    fn finish(&mut self, prepared: Prepared, shared: &Shared, started: Instant) {
        let Prepared { mut plan, files, diagnostics } = prepared;
        let Incremental { options, project, index, unrendered, needs_full } = self;
        if let Some(errors) = errors_of(diagnostics) {
            log_render(Some(&errors), started.elapsed(), "");
            shared.update(Some(errors));
            return;
        }
        let site_dir = &options.out_dir;
        if let Err(errors) = write_files(site_dir, &files, |_| {}) {
            // The preview may be half written: the next edit renders everything.
            *needs_full = true;
            shared.update(Some(errors));
            return;
        }
        let (Some(Renderable { catalog, locales, renderer }), Some(index)) = (project.renderable(), index.as_mut())
        else {
            return;
        };
        let Ok(localizers) = render::localizers(locales, &options.locales) else { return };
        let site = Site::carrying(catalog, &localizers, index.carried.clone())
            .with_base_url(options.base_url.as_deref())
            .with_role_moves(options.moves);
        let mut after: Vec<PathBuf> = plan.after.iter().map(|job| site.output_path(job)).collect();
        after.extend(plan.later.iter().map(|&page| site.output_path(&index.pages[page as usize])));
        shared.set_pending(after.iter().cloned());
        let took = started.elapsed();
        shared.update(None);
        log_render(None, took, &format!(" ({} files; the rest after the reload)", files.len()));

        // The other format and the files of whole locales, while the open pages reload.
        // The other format first: the whole locales' files (search indexes above all) take longest.
        let later = index.changed(&site, renderer, std::mem::take(&mut plan.later));
        let whole_locales = std::mem::take(&mut plan.after);
        plan.after = later.iter().map(|&page| index.pages[page as usize].clone()).chain(whole_locales).collect();
        plan.pages.extend(later);
        let rendered: Vec<Result<RenderedFile, RenderError>> =
            plan.after.par_iter().map(|job| renderer.render(&site, job)).collect();
        let mut diagnostics = Vec::new();
        let later = checked(rendered, &mut diagnostics);
        let failed = match errors_of(diagnostics) {
            Some(errors) => Some(errors),
            None => write_files(site_dir, &later, |path| shared.done(path)).err(),
        };
        for path in &after {
            shared.done(path);
        }
        if let Some(errors) = failed {
            // Open pages show the edit already; the overlay says what else it broke, and the
            // next edit renders everything again.
            *needs_full = true;
            log_render(Some(&errors), started.elapsed(), "");
            shared.update(Some(errors));
            return;
        }
        // What the pages rendered look up now.
        let jobs: Vec<Job> = plan.pages.iter().map(|&page| index.pages[page as usize].clone()).collect();
        let rendered_pages = plan.pages.iter().zip(page_lookups(&site, renderer, &jobs));
        for (&page, lookups) in rendered_pages {
            let Some(lookups) = lookups else { continue };
            let page = page as usize;
            let before = std::mem::take(&mut index.lookups[page].ids);
            index.lookups[page] = index.entry(u32::try_from(page).unwrap_or(u32::MAX), lookups, &before);
        }
        unrendered.clear();
    }
}

/// What an edit renders before the reload event, rendered beside the checks.
struct Prepared {
    plan: Plan,
    files: Vec<RenderedFile>,
    diagnostics: Vec<Diagnostic>,
}

/// Renders the pages `edits` change that open pages reload; `None` if the full render must.
fn prepare(options: &RenderOptions, index: &Index, project: &Project, edits: &[&LocaleEdit]) -> Option<Prepared> {
    let Renderable { catalog, locales, renderer } = project.inputs()?;
    let localizers = render::localizers(locales, &options.locales).ok()?;
    let site = Site::carrying(catalog, &localizers, index.carried.clone())
        .with_base_url(options.base_url.as_deref())
        .with_role_moves(options.moves);
    let plan = plan(options, index, &site, locales, renderer, edits)?;
    let rendered: Vec<Result<RenderedFile, RenderError>> =
        plan.now.par_iter().map(|job| renderer.render(&site, job)).collect();
    let mut diagnostics = Vec::new();
    let files = checked(rendered, &mut diagnostics);
    Some(Prepared { plan, files, diagnostics })
}

/// Which jobs `edits` change; `None` if that is for the full render to say.
fn plan(
    options: &RenderOptions,
    index: &Index,
    site: &Site<'_>,
    locales: &Locales,
    renderer: &Renderer,
    edits: &[&LocaleEdit],
) -> Option<Plan> {
    if edits.iter().any(|edit| edit.changed.iter().any(|key| key == interface::LANGUAGE_NAME.id)) {
        return None;
    }
    // Per edit, the site's locales whose chain holds the edited locale (a pseudolocale's chain
    // is the source, transformed).
    let concerned: Vec<Vec<bool>> = edits
        .iter()
        .map(|edit| {
            site.localizers()
                .iter()
                .map(|localizer| {
                    let tag: &LanguageIdentifier = localizer.locale();
                    if locales.is_pseudolocale(tag) {
                        edit.locale == *locales.source()
                    } else {
                        edit.dependents.contains(tag)
                    }
                })
                .collect()
        })
        .collect();
    let candidates = index.candidates(edits, &concerned);
    if candidates.len() > MOST_PAGES {
        return None;
    }
    // Open pages reload in HTML: Markdown (when HTML is rendered too) can follow.
    let first = if options.formats.contains(&Format::Html) { Format::Html } else { Format::Markdown };
    let (now, later): (Vec<u32>, Vec<u32>) = candidates
        .into_iter()
        .partition(|&page| matches!(index.pages[page as usize], Job::Page { format, .. } if format == first));
    let now = index.changed(site, renderer, now);
    let mut plan = Plan { now: Vec::new(), after: Vec::new(), pages: now.clone(), later };
    plan.now.extend(now.iter().map(|&page| index.pages[page as usize].clone()));
    let is_concerned = |locale: &usize| concerned.iter().any(|concerned| concerned[*locale]);
    for job in &index.others {
        match job {
            Job::Page { locale, .. }
            | Job::SearchIndex { locale }
            | Job::MovesData { locale }
            | Job::Export { locale, .. } => {
                if is_concerned(locale) {
                    plan.after.push(job.clone());
                }
            }
            Job::LanguageChooser | Job::Stylesheet | Job::Asset(_) => plan.now.push(job.clone()),
        }
    }
    Some(plan)
}

/// The rendered files, with every render error and problem added to `diagnostics`.
fn checked(rendered: Vec<Result<RenderedFile, RenderError>>, diagnostics: &mut Vec<Diagnostic>) -> Vec<RenderedFile> {
    let mut files = Vec::with_capacity(rendered.len());
    for result in rendered {
        match result {
            Ok(file) => {
                diagnostics.extend(file.problems.iter().map(Diagnostic::from));
                files.push(file);
            }
            Err(err) => diagnostics.push(Diagnostic::from(&err)),
        }
    }
    files
}

/// The diagnostics as text, if any is an error.
fn errors_of(diagnostics: Vec<Diagnostic>) -> Option<String> {
    let diagnostics = sorted(diagnostics);
    diagnostics.iter().any(Diagnostic::is_error).then(|| diagnostics_text(&diagnostics))
}

/// Writes `files` below `site`, calling `written` after each; the diagnostics as text if one
/// cannot be written.
fn write_files(site: &Path, files: &[RenderedFile], written: impl Fn(&Path)) -> Result<(), String> {
    for file in files {
        if let Err(err) = write_file(site, &file.path, &file.bytes) {
            return Err(diagnostics_text(&[Diagnostic::error(format!("{}: {err}", file.path.display()))]));
        }
        written(&file.path);
    }
    Ok(())
}

/// Replaces `site/relative` in one rename, so that a request never reads half a file (and a file
/// the last full render hard-linked from the one before is not written through); a file that
/// already holds `bytes` (the shared files, rendered every time) is left alone.
fn write_file(site: &Path, relative: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = site.join(relative);
    if std::fs::metadata(&target).is_ok_and(|meta| meta.len() == bytes.len() as u64)
        && std::fs::read(&target).is_ok_and(|old| old == bytes)
    {
        return Ok(());
    }
    let name = target.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = target.with_file_name(format!(".{name}.ladder-serve"));
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, &target)
}
