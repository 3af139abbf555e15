//! `cargo xtask render`: load, check, plan, render in parallel, then write.
//!
//! Nothing is written unless every page rendered: bad input never costs the output already there.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ladder_i18n::{FallbackCount, Locales, Localizer};
use ladder_model::Catalog;
use ladder_renderer::{Format, Job, Page, RenderedFile, Renderer, Site};
use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::flags::{LocaleSelection, RenderOptions};
use crate::write;

/// What a successful render did.
#[derive(Debug)]
pub struct Report {
    pub locales: Vec<String>,
    /// Per-locale pages (index, skills, roles) in all formats.
    pub pages: usize,
    /// Pages plus the shared files (language chooser, stylesheet).
    pub files: usize,
    pub bytes: u64,
    pub out_dir: PathBuf,
    pub elapsed: Duration,
    pub warnings: Vec<Diagnostic>,
    /// For each rendered locale that is not the source: how many messages fell back, and to what.
    pub fallbacks: Vec<(String, FallbackCount, String)>,
}

/// Why a render stopped before writing anything.
#[derive(Debug)]
pub enum Failure {
    /// The command line asked for something impossible (exit code 2).
    Usage(Diagnostic),
    /// The catalog, translations or templates are wrong (exit code 1).
    Invalid(Vec<Diagnostic>),
}

impl Failure {
    pub fn exit_code(&self) -> i32 {
        match self {
            Failure::Usage(_) => 2,
            Failure::Invalid(_) => 1,
        }
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Failure::Usage(diagnostic) => std::slice::from_ref(diagnostic),
            Failure::Invalid(diagnostics) => diagnostics,
        }
    }
}

pub fn run(options: &RenderOptions) -> Result<Report, Failure> {
    let started = Instant::now();
    let catalog = Catalog::load(&options.catalog_dir)
        .map_err(|errors| Failure::Invalid(errors.iter().map(Diagnostic::from).collect()))?;

    let loaded = Locales::load(&options.locales_dir).map_err(|err| {
        let help = "pass --locales DIR, or create locales/en/ with the source messages".to_owned();
        Failure::Invalid(vec![Diagnostic::error(err.to_string()).with_help(help)])
    })?;
    let locales = loaded.locales;
    let mut diagnostics: Vec<Diagnostic> = loaded.problems.iter().map(Diagnostic::from).collect();
    diagnostics.extend(locales.validate(Some(&catalog)).iter().map(Diagnostic::from));
    diagnostics.extend(locales.missing_catalog_messages(&catalog).iter().map(Diagnostic::from));
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(Failure::Invalid(sorted(diagnostics)));
    }

    let localizers = localizers(&locales, &options.locales)?;
    let renderer = Renderer::new(options.templates_dir.as_deref())
        .map_err(|err| Failure::Invalid(vec![Diagnostic::from(&err)]))?;
    let (site, problems) = Site::new(&catalog, &localizers);
    diagnostics.extend(problems.iter().map(Diagnostic::from));

    let jobs = plan(&site, &options.formats);
    let rendered =
        in_pool(options.threads, || jobs.par_iter().map(|job| renderer.render(&site, job)).collect::<Vec<_>>())?;

    let mut files: Vec<RenderedFile> = Vec::with_capacity(rendered.len());
    let mut render_errors = Vec::new();
    for result in rendered {
        match result {
            Ok(file) => files.push(file),
            Err(err) => render_errors.push(Diagnostic::from(&err)),
        }
    }
    // A broken template fails every page that uses it; say so once.
    render_errors.sort();
    render_errors.dedup();
    if !render_errors.is_empty() {
        return Err(Failure::Invalid(render_errors));
    }
    diagnostics.extend(files.iter().flat_map(|file| file.problems.iter().map(Diagnostic::from)));
    let diagnostics = sorted(diagnostics);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(Failure::Invalid(diagnostics));
    }

    let bytes = in_pool(options.threads, || write::write_all(&options.out_dir, &files))?
        .map_err(|err| Failure::Invalid(vec![err]))?;
    let pages = jobs.iter().filter(|job| matches!(job, Job::Page { .. })).count();
    let source = locales.source().to_string();
    Ok(Report {
        locales: localizers.iter().map(|l| l.locale().to_string()).collect(),
        pages,
        files: files.len(),
        bytes,
        out_dir: options.out_dir.clone(),
        elapsed: started.elapsed(),
        warnings: diagnostics,
        fallbacks: localizers
            .iter()
            .filter(|l| l.chain().len() > 1)
            .map(|l| (l.locale().to_string(), l.fallback_count(), source.clone()))
            .collect(),
    })
}

/// Every job of a render, in output order: per locale and format, the index, skills, then roles;
/// then the files shared by the HTML pages.
pub fn plan(site: &Site<'_>, formats: &[Format]) -> Vec<Job> {
    let catalog = site.catalog();
    let mut jobs = Vec::new();
    for locale in 0..site.localizers().len() {
        for &format in formats {
            let pages = std::iter::once(Page::Index)
                .chain(catalog.skills().iter().map(|skill| Page::Skill(skill.id().clone())))
                .chain(catalog.roles().iter().map(|role| Page::Role(role.clone())));
            jobs.extend(pages.map(|page| Job::Page { locale, page, format }));
        }
    }
    if formats.contains(&Format::Html) {
        jobs.push(Job::LanguageChooser);
        jobs.push(Job::Stylesheet);
    }
    jobs
}

fn localizers(locales: &Locales, selection: &LocaleSelection) -> Result<Vec<Localizer>, Failure> {
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

/// Runs `work` on a pool of `threads` workers, or on rayon's global pool (one per core).
fn in_pool<T: Send>(threads: Option<usize>, work: impl FnOnce() -> T + Send) -> Result<T, Failure> {
    match threads {
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

/// Diagnostics in file order, each once: many pages can meet the same translation problem.
fn sorted(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by(|a, b| {
        (&a.path, a.position, &a.message, b.severity).cmp(&(&b.path, b.position, &b.message, a.severity))
    });
    diagnostics.dedup();
    diagnostics
}
