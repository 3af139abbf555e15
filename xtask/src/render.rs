//! `cargo xtask render`: load, check, plan, render in parallel into staging, then publish.
//!
//! Nothing is published unless every page rendered and was staged: bad input, a full disk or a
//! killed process never costs the output already there (see [`crate::publish`]).

use std::collections::{BTreeSet, HashMap};
use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use ladder_i18n::{FallbackCount, LanguageIdentifier, LocaleSnapshot, Locales, Localizer, Problem, Severity};
use ladder_model::Catalog;
use ladder_renderer::{Asset, ExportFormat, Format, Job, Page, RenderError, Site};
use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::flags::{LocaleSelection, RenderOptions};
use crate::lookups::{Changes, IndexBuilder, LookupIndex, Shortened};
use crate::project::{Project, Renderable, sorted};
use crate::publish::{PublishError, Publisher};

/// What a successful render did.
#[derive(Debug)]
pub struct Report {
    pub locales: Vec<String>,
    /// Per-locale pages (index, skills, roles) in all formats.
    pub pages: usize,
    /// Pages plus the shared files (language chooser, stylesheet).
    pub files: usize,
    pub bytes: u64,
    /// Files of the new output that kept their bytes, inode and mtime: rendered pages identical
    /// to the previous ones, and files of locales or formats not rendered this time.
    pub kept: usize,
    /// Files of the previous output the new one no longer has (removed skills, roles, locales).
    pub pruned: usize,
    /// Pages carried over without rendering them: their fingerprint (everything they are made
    /// from) matched the previous output's. Counted in `kept` too.
    pub reused: usize,
    /// Of those, pages carried over on the lookup index alone: nothing they look up changed, so
    /// they were not even fingerprinted (see [`crate::lookups`]).
    pub reused_by_index: usize,
    pub out_dir: PathBuf,
    pub elapsed: Duration,
    pub warnings: Vec<Diagnostic>,
    /// For each rendered locale that is not the source: how many messages fell back, and to what.
    pub fallbacks: Vec<(String, FallbackCount, String)>,
}

/// Why a render stopped before publishing anything.
#[derive(Debug)]
pub enum Failure {
    /// The command line asked for something impossible, or an `--out` Ladder must not replace
    /// (exit code 2).
    Usage(Diagnostic),
    /// The catalog, translations or templates are wrong (exit code 1).
    Invalid(Vec<Diagnostic>),
    /// Staging or swapping the output failed: a full disk, a permission (exit code 1).
    Io(Diagnostic),
}

impl Failure {
    pub fn exit_code(&self) -> i32 {
        match self {
            Failure::Usage(_) => 2,
            Failure::Invalid(_) | Failure::Io(_) => 1,
        }
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Failure::Usage(diagnostic) | Failure::Io(diagnostic) => std::slice::from_ref(diagnostic),
            Failure::Invalid(diagnostics) => diagnostics,
        }
    }
}

impl From<PublishError> for Failure {
    fn from(err: PublishError) -> Failure {
        let usage = err.is_usage();
        let mut diagnostic = Diagnostic::error(err.to_string());
        if let Some(help) = err.help() {
            diagnostic = diagnostic.with_help(help);
        }
        if usage { Failure::Usage(diagnostic) } else { Failure::Io(diagnostic) }
    }
}

/// What the lookup index learns of one unit of work.
enum Indexed {
    /// Not a page it covers, or the render failed.
    No,
    /// Carried over unchanged: its entry in the previous index stands.
    Carried(String),
    /// Fingerprinted or rendered: its key (with the program's identity) and what it looked up.
    Looked(String, blake3::Hash, Shortened),
}

/// What became of one job.
enum Outcome {
    Staged {
        bytes: u64,
        problems: Vec<Problem>,
    },
    /// Carried over from the previous output without rendering: its inputs had not changed.
    Reused {
        bytes: u64,
    },
    RenderFailed(RenderError),
    WriteFailed(PublishError),
    /// Not run: staging had already failed.
    Skipped,
}

pub fn run(options: &RenderOptions) -> Result<Report, Failure> {
    let started = Instant::now();
    // Loading runs on the render's threads too, so `--threads 1` is one thread throughout; the
    // program's identity is hashed beside it.
    in_pool(options.threads, || {
        let (project, _) = rayon::join(|| Project::load(options.project_paths()), program_identity);
        run_project(options, &project, started)
    })?
}

/// [`run`] with the project loaded already (`serve` keeps one between edits); `started` is when
/// the work began, for the report.
pub fn run_project(options: &RenderOptions, project: &Project, started: Instant) -> Result<Report, Failure> {
    let Some(Renderable { catalog, locales, renderer }) = project.renderable() else {
        return Err(Failure::Invalid(project.diagnostics().to_vec()));
    };
    let mut diagnostics = project.diagnostics().to_vec();
    let rendered_localizers = localizers(locales, &options.locales)?;

    let mut inputs = vec![("catalog", options.catalog_dir.as_path()), ("locales", options.locales_dir.as_path())];
    if let Some(templates) = &options.templates_dir {
        inputs.push(("templates", templates.as_path()));
    }
    let publisher = Publisher::open(&options.out_dir, &inputs)?;

    // What the full plan would publish that this render does not: other locales' and formats'
    // files of the previous output are carried over; everything outside the full plan is pruned.
    let rendered_tags: Vec<LanguageIdentifier> = rendered_localizers.iter().map(|l| l.locale().clone()).collect();
    let base_url = options.base_url.as_deref();
    let kept = kept_files(catalog, locales, &rendered_tags, options, &publisher);
    // The chooser and the language links list every locale of the new output, rendered or kept,
    // in one order (by tag) however the render was asked for.
    let mut published_tags: Vec<LanguageIdentifier> = rendered_tags.clone();
    published_tags.extend(kept.iter().filter_map(|(tag, _)| tag.clone()));
    published_tags.sort_by_key(ToString::to_string);
    published_tags.dedup();
    let published_localizers: Vec<Localizer> =
        published_tags.iter().filter_map(|tag| locales.localizer(tag).ok()).collect();
    let (site, problems) = Site::new(catalog, &published_localizers);
    let site = site.with_base_url(base_url).with_role_moves(options.moves);
    diagnostics.extend(problems.iter().map(Diagnostic::from));
    let rendered_indices: Vec<usize> = (0..published_localizers.len())
        .filter(|&index| rendered_tags.contains(published_localizers[index].locale()))
        .collect();

    let mut jobs = plan_locales(&site, &rendered_indices, &options.formats);
    jobs.extend(plan_exports(&rendered_indices, &options.exports));
    // Incremental: a page whose fingerprint matches the previous output's is carried over
    // without rendering. Without the program's identity (the binary cannot be read), every page
    // is rendered.
    let program = program_identity();
    let with_program = |page: blake3::Hash| {
        program.map(|program| {
            let mut hasher = blake3::Hasher::new();
            hasher.update(program.as_bytes());
            hasher.update(page.as_bytes());
            hasher.finalize()
        })
    };
    let previous_output = publisher.previous().len() > 0;
    // The lookup index covers the pages of the locales rendered; without the program's identity
    // nothing is reused anyway.
    let indexing = program.is_some();
    let previous_index =
        if indexing { publisher.previous_lookups().and_then(|bytes| LookupIndex::parse(&bytes)) } else { None };
    let snapshots: Vec<LocaleSnapshot> = if indexing {
        let mut tags: Vec<&LanguageIdentifier> =
            rendered_indices.iter().flat_map(|&index| published_localizers[index].sources()).collect();
        tags.sort_by_key(|tag| tag.to_string());
        tags.dedup();
        tags.par_iter().filter_map(|tag| locales.snapshot(tag)).collect()
    } else {
        Vec::new()
    };
    let changes: Vec<Changes> =
        previous_index.as_ref().map(|index| index.changes(&published_localizers, &snapshots)).unwrap_or_default();
    let page_key = |locale: usize, page: &Page| renderer.page_key(&site, locale, page).and_then(with_program);
    // Each worker stages its page as soon as it is rendered: the site is never whole in memory.
    let staging_failed = AtomicBool::new(false);
    let progress = Progress::new(jobs.len() as u64, started);
    let write = |path: &std::path::Path, bytes: &[u8], inputs: Option<blake3::Hash>, problems: Vec<Problem>| {
        match publisher.write(path, bytes, inputs) {
            Ok(()) => Outcome::Staged { bytes: bytes.len() as u64, problems },
            Err(err) => {
                // A full disk fails every later write too: stop and report the first.
                staging_failed.store(true, Ordering::Relaxed);
                Outcome::WriteFailed(err)
            }
        }
    };
    // A job whose fingerprint matches the previous output's is carried over: `Err` holds it.
    let reuse = |job: &Job, inputs: Option<blake3::Hash>| -> Result<(), Outcome> {
        let Some(inputs) = inputs.and_then(with_program) else { return Ok(()) };
        match publisher.reuse(&site.output_path(job), inputs) {
            Ok(Some(bytes)) => Err(Outcome::Reused { bytes }),
            Ok(None) => Ok(()),
            Err(err) => {
                staging_failed.store(true, Ordering::Relaxed);
                Err(Outcome::WriteFailed(err))
            }
        }
    };
    let mut next_index = IndexBuilder::default();
    let units = units(&jobs);
    // A locale's search index is the longest job by far: started first, so that no thread is left
    // with one alone at the end. The outcomes are put back in plan order.
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by_key(|&index| !matches!(units[index][0], Job::SearchIndex { .. }));
    let results: Vec<(Vec<Outcome>, Indexed)> = in_pool(options.threads, || {
        order
            .par_iter()
            // Every unit its own task, so that a thread that runs out of work can always take
            // some from the other: units differ in cost, and rayon's larger default pieces leave
            // one thread rendering alone at the end.
            .with_max_len(1)
            .map(|&index| {
                let unit = &units[index];
                progress.step(unit.len() as u64);
                if staging_failed.load(Ordering::Relaxed) {
                    return (unit.iter().map(|_| Outcome::Skipped).collect(), Indexed::No);
                }
                let Job::Page { locale, page, .. } = unit[0] else {
                    let job = unit[0];
                    let inputs = if previous_output { renderer.fingerprint(&site, job) } else { None };
                    if let Err(outcome) = reuse(job, inputs) {
                        return (vec![outcome], Indexed::No);
                    }
                    return (
                        vec![match renderer.render(&site, job) {
                            Ok(file) => {
                                write(&file.path, &file.bytes, file.fingerprint.and_then(with_program), file.problems)
                            }
                            Err(err) => Outcome::RenderFailed(err),
                        }],
                        Indexed::No,
                    );
                };
                let key = if indexing { page_key(*locale, page) } else { None };
                let name = format!("{}/{}", published_localizers[*locale].locale(), page.stem());
                let formats: Vec<Format> = unit.iter().filter_map(|job| job_format(job)).collect();
                // Nothing it looks up changed since the previous render: carried over as it is.
                if let (Some(key), Some(previous)) = (key, &previous_index)
                    && previous.unchanged(&name, key, &formats, &changes[*locale]).is_some()
                {
                    let paths: Vec<PathBuf> = unit.iter().map(|job| site.output_path(job)).collect();
                    match publisher.reuse_all(&paths) {
                        Ok(Some(sizes)) => {
                            let outcomes = sizes.into_iter().map(|bytes| Outcome::Reused { bytes }).collect();
                            return (outcomes, Indexed::Carried(name));
                        }
                        Ok(None) => {}
                        Err(err) => {
                            staging_failed.store(true, Ordering::Relaxed);
                            return (vec![Outcome::WriteFailed(err)], Indexed::No);
                        }
                    }
                }
                // The formats of one page: fingerprinted, and rendered, from one view.
                let (inputs, mut lookups) = if previous_output {
                    renderer.page_fingerprints(&site, *locale, page, &formats)
                } else {
                    (vec![None; formats.len()], None)
                };
                let mut outcomes: Vec<Option<Outcome>> =
                    unit.iter().zip(inputs).map(|(job, inputs)| reuse(job, inputs).err()).collect();
                let to_render: Vec<Format> =
                    formats.iter().zip(&outcomes).filter(|(_, done)| done.is_none()).map(|(f, _)| *f).collect();
                if !to_render.is_empty() {
                    let mut files = match renderer.render_page(&site, *locale, page, &to_render) {
                        Ok((files, rendered)) => {
                            lookups = rendered;
                            files.into_iter()
                        }
                        Err(err) => {
                            let failed = Outcome::RenderFailed(err);
                            let outcomes =
                                outcomes.into_iter().map(|o| o.unwrap_or(Outcome::Skipped)).chain([failed]).collect();
                            return (outcomes, Indexed::No);
                        }
                    };
                    for outcome in outcomes.iter_mut().filter(|o| o.is_none()) {
                        *outcome = files.next().map(|file| {
                            write(&file.path, &file.bytes, file.fingerprint.and_then(with_program), file.problems)
                        });
                    }
                }
                let indexed = match (key, lookups) {
                    (Some(key), Some(lookups)) => Indexed::Looked(name, key, IndexBuilder::shorten(&lookups, &formats)),
                    _ => Indexed::No,
                };
                (outcomes.into_iter().map(|o| o.unwrap_or(Outcome::Skipped)).collect(), indexed)
            })
            .collect()
    })?;
    let mut results: Vec<(usize, (Vec<Outcome>, Indexed))> = order.into_iter().zip(results).collect();
    results.sort_by_key(|(index, _)| *index);
    let mut previous_pages = previous_index.map(LookupIndex::into_pages).unwrap_or_default();
    let mut outcomes = Vec::with_capacity(jobs.len());
    let mut reused_by_index = 0;
    for (_, (unit_outcomes, indexed)) in results {
        match indexed {
            Indexed::No => {}
            Indexed::Carried(name) => {
                reused_by_index += unit_outcomes.len();
                if let Some(page) = previous_pages.remove(&name) {
                    next_index.carry(name, page);
                }
            }
            Indexed::Looked(name, key, lookups) => next_index.add(name, key, lookups),
        }
        outcomes.extend(unit_outcomes);
    }

    progress.finish();
    let mut bytes = 0;
    let mut reused = 0;
    let mut render_errors = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Reused { bytes: size } => {
                bytes += size;
                reused += 1;
            }
            Outcome::Staged { bytes: size, problems } => {
                bytes += size;
                diagnostics.extend(problems.iter().map(Diagnostic::from));
            }
            Outcome::RenderFailed(err) => render_errors.push(Diagnostic::from(&err)),
            Outcome::WriteFailed(err) => return Err(err.into()),
            Outcome::Skipped => {}
        }
    }
    // A broken template fails every page that uses it; say so once.
    render_errors.sort();
    render_errors.dedup();
    if !render_errors.is_empty() {
        return Err(Failure::Invalid(render_errors));
    }
    let mut diagnostics = sorted(diagnostics);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(Failure::Invalid(diagnostics));
    }

    for (_, path) in &kept {
        publisher.keep(path)?;
    }
    let lookups = indexing.then(|| next_index.finish(snapshots).to_bytes());
    let published = publisher.commit(lookups.as_deref())?;
    diagnostics.extend(
        published
            .warnings
            .into_iter()
            .map(|message| Diagnostic { severity: Severity::Warning, ..Diagnostic::error(message) }),
    );

    let pages = jobs.iter().filter(|job| matches!(job, Job::Page { .. })).count();
    let source = locales.source().to_string();
    Ok(Report {
        locales: rendered_localizers.iter().map(|l| l.locale().to_string()).collect(),
        pages,
        files: jobs.len(),
        bytes,
        kept: published.unchanged,
        pruned: published.pruned,
        reused,
        reused_by_index,
        out_dir: options.out_dir.clone(),
        elapsed: started.elapsed(),
        warnings: diagnostics,
        fallbacks: rendered_localizers
            .iter()
            .filter(|l| l.chain().len() > 1)
            .map(|l| (l.locale().to_string(), l.fallback_count(), source.clone()))
            .collect(),
    })
}

/// The files of the previous output to carry over: those the full plan (every available locale
/// and every rendered one, both formats, the current catalog, the chooser and the stylesheet)
/// would publish but this render does not. Each comes with its locale, if it is a locale's page.
fn kept_files(
    catalog: &Catalog,
    locales: &Locales,
    rendered: &[LanguageIdentifier],
    options: &RenderOptions,
    publisher: &Publisher,
) -> Vec<(Option<LanguageIdentifier>, PathBuf)> {
    if publisher.previous().len() == 0 {
        return Vec::new();
    }
    let mut tags: Vec<LanguageIdentifier> = locales.available().cloned().collect();
    tags.extend(rendered.iter().cloned());
    tags.sort_by_key(ToString::to_string);
    tags.dedup();
    let all: Vec<Localizer> = tags.iter().filter_map(|tag| locales.localizer(tag).ok()).collect();
    // Only for output paths: the site that renders is built from the published locales.
    let (full, _) = Site::new(catalog, &all);
    // Markdown moves pages are part of the full plan only when asked for: a render without
    // `--moves` prunes them, as its role pages no longer link to them.
    let full = full.with_base_url(options.base_url.as_deref()).with_role_moves(options.moves);
    let rendered_html = options.formats.contains(&Format::Html);
    let every_locale: Vec<usize> = (0..all.len()).collect();
    let every_export = [ExportFormat::Json, ExportFormat::Csv { bom: false }, ExportFormat::Xlsx];
    let exported = |format: ExportFormat| options.exports.iter().any(|e| e.extension() == format.extension());
    let mut full_plan = plan(&full, &[Format::Markdown, Format::Html]);
    full_plan.extend(plan_exports(&every_locale, &every_export));
    let mut seen = BTreeSet::new();
    full_plan
        .into_iter()
        .filter_map(|job| {
            let locale = match &job {
                Job::Page { locale, format, .. } => {
                    let tag = all[*locale].locale();
                    if rendered.contains(tag) && options.formats.contains(format) {
                        return None;
                    }
                    Some(tag.clone())
                }
                Job::Export { locale, format } => {
                    let tag = all[*locale].locale();
                    if rendered.contains(tag) && exported(*format) {
                        return None;
                    }
                    Some(tag.clone())
                }
                Job::SearchIndex { locale } | Job::MovesData { locale } => {
                    let tag = all[*locale].locale();
                    if rendered.contains(tag) && rendered_html {
                        return None;
                    }
                    Some(tag.clone())
                }
                Job::LanguageChooser | Job::Stylesheet | Job::Asset(_) if rendered_html => return None,
                Job::LanguageChooser | Job::Stylesheet | Job::Asset(_) => None,
            };
            let path = full.output_path(&job);
            (publisher.previous().contains(&path) && seen.insert(path.clone())).then_some((locale, path))
        })
        .collect()
}

/// The jobs of a render as units of work: a page's formats together (they share one view),
/// every other job alone; in the order of `jobs`, each unit where its first job was.
fn units(jobs: &[Job]) -> Vec<Vec<&Job>> {
    let mut units: Vec<Vec<&Job>> = Vec::new();
    let mut page_units: HashMap<(usize, &Page), usize> = HashMap::new();
    for job in jobs {
        if let Job::Page { locale, page, .. } = job {
            if let Some(&unit) = page_units.get(&(*locale, page)) {
                units[unit].push(job);
                continue;
            }
            page_units.insert((*locale, page), units.len());
        }
        units.push(vec![job]);
    }
    units
}

fn job_format(job: &Job) -> Option<Format> {
    match job {
        Job::Page { format, .. } => Some(*format),
        _ => None,
    }
}

/// The data exports of some of the site's locales.
pub fn plan_exports(locales: &[usize], exports: &[ExportFormat]) -> Vec<Job> {
    locales.iter().flat_map(|&locale| exports.iter().map(move |&format| Job::Export { locale, format })).collect()
}

/// Every job of a render, in output order: per locale and format, the index, the overview, skills,
/// roles, then (but in the source language) the translation status; with HTML, the moves page,
/// the locale's search index and moves data; with Markdown and `--moves`, each role's moves page;
/// then the files shared by the HTML pages (the sitemap only when the base URL is known).
pub fn plan(site: &Site<'_>, formats: &[Format]) -> Vec<Job> {
    let all: Vec<usize> = (0..site.localizers().len()).collect();
    plan_locales(site, &all, formats)
}

/// [`plan`] for some of the site's locales only (indices into [`Site::localizers`]): the site
/// may hold more, so that pages link to every locale of the output.
pub fn plan_locales(site: &Site<'_>, locales: &[usize], formats: &[Format]) -> Vec<Job> {
    let catalog = site.catalog();
    let mut jobs = Vec::new();
    for &locale in locales {
        for &format in formats {
            // The source language has nothing to translate, so no translation status page.
            let translated = site.localizers()[locale].chain().len() > 1;
            let pages = [Page::Index, Page::Overview]
                .into_iter()
                .chain(catalog.skills().iter().map(|skill| Page::Skill(skill.id().clone())))
                .chain(catalog.roles().iter().map(|role| Page::Role(role.clone())))
                .chain(translated.then_some(Page::TranslationStatus))
                .chain((format == Format::Html).then_some(Page::Moves))
                .chain(
                    catalog
                        .roles()
                        .iter()
                        .filter(|_| format == Format::Markdown && site.role_moves())
                        .map(|role| Page::RoleMoves(role.clone())),
                );
            jobs.extend(pages.map(|page| Job::Page { locale, page, format }));
            if format == Format::Html {
                jobs.push(Job::SearchIndex { locale });
                jobs.push(Job::MovesData { locale });
            }
        }
    }
    if formats.contains(&Format::Html) {
        jobs.push(Job::LanguageChooser);
        jobs.push(Job::Stylesheet);
        jobs.extend([Asset::Script, Asset::Favicon, Asset::NotFound, Asset::Robots].map(Job::Asset));
        jobs.extend([Asset::SearchScript, Asset::SearchEngine, Asset::MovesScript].map(Job::Asset));
        if site.base_url().is_some() {
            jobs.push(Job::Asset(Asset::Sitemap));
        }
    }
    jobs
}

/// The localizers of the locales `selection` names.
pub(crate) fn localizers(locales: &Locales, selection: &LocaleSelection) -> Result<Vec<Localizer>, Failure> {
    let requested: Vec<_> = match selection {
        LocaleSelection::All => locales.available().cloned().collect(),
        LocaleSelection::Only(requested) => requested.clone(),
    };
    requested
        .iter()
        .map(|locale| {
            locales.localizer(locale).map_err(|err| {
                let help = format!("add locales/{locale}/ with its .ftl files, or pick an available locale");
                Failure::Usage(Diagnostic::error(err.to_string()).with_help(help))
            })
        })
        .collect()
}

/// A progress bar on standard error, for renders that take more than a moment: it shows up once
/// half a second has passed, and only on a terminal, never in CI (`CI` set) or into a pipe; it
/// is cleared at the end, so the summary stays the only output.
struct Progress {
    bar: ProgressBar,
    /// Whether the bar may be shown at all (a terminal, not CI).
    wanted: bool,
    shown: AtomicBool,
    started: Instant,
}

impl Progress {
    const AFTER: Duration = Duration::from_millis(500);

    fn new(jobs: u64, started: Instant) -> Progress {
        let wanted = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        let bar = ProgressBar::with_draw_target(Some(jobs), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{spinner} rendering {pos}/{len} files {wide_bar} {eta}") {
            bar.set_style(style);
        }
        Progress { bar, wanted, shown: AtomicBool::new(false), started }
    }

    fn step(&self, jobs: u64) {
        self.bar.inc(jobs);
        if self.wanted && !self.shown.load(Ordering::Relaxed) && self.started.elapsed() > Progress::AFTER {
            self.shown.store(true, Ordering::Relaxed);
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// What the pages' fingerprints add for the program itself: a digest of the running binary, so
/// a Ladder built from other code (or other templates embedded) renders every page again.
/// `None` if the binary cannot be read. Hashed once per process: the code running is the same
/// for every render `serve` does, whatever happens to the file.
fn program_identity() -> Option<blake3::Hash> {
    static PROGRAM: OnceLock<Option<blake3::Hash>> = OnceLock::new();
    *PROGRAM.get_or_init(|| {
        let exe = std::env::current_exe().ok()?;
        let file = std::fs::File::open(exe).ok()?;
        let mut hasher = blake3::Hasher::new();
        hasher.update_reader(file).ok()?;
        Some(hasher.finalize())
    })
}

/// Runs `work` on a pool of `threads` workers, or on rayon's global pool (one per core).
fn in_pool<T: Send>(threads: Option<usize>, work: impl FnOnce() -> T + Send) -> Result<T, Failure> {
    match threads {
        // Already on a pool that size: [`run`] puts the whole render on one.
        Some(threads) if rayon::current_thread_index().is_some() && rayon::current_num_threads() == threads => {
            Ok(work())
        }
        None => Ok(work()),
        Some(threads) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .map_err(|err| Failure::Usage(Diagnostic::error(format!("cannot start {threads} threads: {err}"))))?;
            Ok(pool.install(work))
        }
    }
}
