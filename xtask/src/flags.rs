//! Command-line flags, parsed by clap into validated options before any work starts.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};
use ladder_i18n::LanguageIdentifier;
use ladder_renderer::{ExportFormat, Format};

use crate::diagnostics::Diagnostic;
use crate::project::ProjectPaths;

/// More threads than this only cost memory and start-up time: rendering is bound by the cores
/// and the disk long before.
pub const MAX_THREADS: u16 = 256;

#[derive(Debug, Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask", about = "Ladder: localized career-path documentation")]
pub struct Flags {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render the catalog into Markdown and HTML pages, one directory per locale.
    Render(RenderFlags),
    /// Write a synthetic catalog and translations of any size, for benchmarks.
    GenCatalog(GenCatalogFlags),
    /// Time renders of synthetic catalogs against the write floor (release build).
    Bench(BenchFlags),
    /// Preview the site on 127.0.0.1, re-rendering and reloading open pages on every save.
    Serve(ServeFlags),
    /// Per locale: translated, fallback, stale and obsolete counts, and what to translate next.
    Status(crate::status::StatusFlags),
    /// Record that translations were reviewed against the current English (locales/<lang>/l10n.lock).
    L10nAccept(crate::l10n::AcceptFlags),
    /// Start a new locale from English: every message commented out, ready to translate.
    NewLocale(crate::l10n::NewLocaleFlags),
    /// Check the catalog and every translation without rendering: every finding, named by its check.
    Check(crate::check::CheckFlags),
}

#[derive(Debug, clap::Args)]
pub struct RenderFlags {
    /// Locales to render, such as `es` or `es-MX`, or the pseudolocales `en-XA` and `ar-XB`
    /// (repeat or separate with commas). Without --lang or --all, every locale under the
    /// locales directory is rendered.
    #[arg(long = "lang", value_name = "LOCALE", value_delimiter = ',', conflicts_with = "all")]
    pub langs: Vec<LanguageIdentifier>,
    /// Render every locale that has a directory under the locales directory.
    #[arg(long)]
    pub all: bool,
    /// Output formats: `md` and `html` pages; `json`, `csv` and `xlsx` exports of each locale's
    /// whole ladder as data (`<lang>/ladder.json`, `.csv`, `.xlsx`).
    #[arg(long = "format", value_name = "FORMAT", value_delimiter = ',', default_values = ["md", "html"])]
    pub formats: Vec<FormatFlag>,
    /// The catalog directory [default: catalog/ of the project].
    #[arg(long, value_name = "DIR")]
    pub catalog: Option<PathBuf>,
    /// The translations directory [default: locales/ of the project].
    #[arg(long, value_name = "DIR")]
    pub locales: Option<PathBuf>,
    /// Where to publish the pages [default: dist/ of the project]. Ladder owns this directory.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// A directory of templates replacing the embedded ones of the same name.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Also render each role's moves page (`<lang>/moves/<role>`): what moving to every other
    /// role asks. Off by default: on a large catalog each page lists thousands of skills.
    #[arg(long)]
    pub moves: bool,
    /// Start the CSV export with a UTF-8 byte-order mark, which Excel needs to read UTF-8.
    #[arg(long)]
    pub csv_bom: bool,
    /// Where the site will be served, such as `https://example.org/careers/`: adds canonical
    /// links, absolute `hreflang` links and `sitemap.xml`. Links between pages stay relative.
    #[arg(long, value_name = "URL", value_parser = parse_base_url)]
    pub base_url: Option<String>,
    /// Worker threads, 1 to 256 [default: one per core]. The output is the same whatever the number.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=i64::from(MAX_THREADS)))]
    pub threads: Option<u16>,
}

#[derive(Debug, clap::Args)]
pub struct GenCatalogFlags {
    /// How many skills.
    #[arg(long, default_value_t = 1000)]
    pub skills: usize,
    /// How many roles; each skill is needed by four of them.
    #[arg(long, default_value_t = 20)]
    pub roles: usize,
    /// How many locales, English first, then es, ru, ar, de, fr, pt-BR, ja, pl, it, uk, zh.
    #[arg(long, default_value_t = 10)]
    pub locales: usize,
    /// The directory to write `catalog/` and `locales/` into.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// The same seed gives the same bytes.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

#[derive(Debug, clap::Args)]
pub struct ServeFlags {
    #[command(flatten)]
    pub render: RenderFlags,
    /// The port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// The address to listen on. The preview is for this machine: change it knowingly.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the preview in the desktop's browser.
    #[arg(long)]
    pub open: bool,
}

#[derive(Debug, clap::Args)]
pub struct BenchFlags {
    /// Catalog sizes in skills, each with 20 roles and 10 locales.
    #[arg(long, value_delimiter = ',', default_values_t = [100, 1000])]
    pub sizes: Vec<usize>,
    /// Time `serve` instead of `render`: from saving a one-description edit to the reload event
    /// and to the changed page being served, `--edits` times per size.
    #[arg(long)]
    pub serve: bool,
    /// How many edits `--serve` times.
    #[arg(long, default_value_t = 5, requires = "serve")]
    pub edits: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatFlag {
    Md,
    Html,
    Json,
    Csv,
    Xlsx,
}

/// Which locales to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocaleSelection {
    All,
    Only(Vec<LanguageIdentifier>),
}

/// `render`'s flags with defaults resolved.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    pub locales: LocaleSelection,
    pub formats: Vec<Format>,
    /// Data exports of each rendered locale.
    pub exports: Vec<ExportFormat>,
    /// Whether to render the roles' moves pages.
    pub moves: bool,
    pub catalog_dir: PathBuf,
    pub locales_dir: PathBuf,
    pub out_dir: PathBuf,
    pub templates_dir: Option<PathBuf>,
    pub threads: Option<usize>,
    /// `--base-url`, ending in `/`.
    pub base_url: Option<String>,
}

impl RenderOptions {
    /// What a plain `cargo xtask render --catalog … --locales … --out …` does: every locale,
    /// Markdown and HTML, no exports, no moves pages, embedded templates, one thread per core.
    pub fn new(catalog_dir: PathBuf, locales_dir: PathBuf, out_dir: PathBuf) -> RenderOptions {
        RenderOptions {
            locales: LocaleSelection::All,
            formats: vec![Format::Markdown, Format::Html],
            exports: Vec::new(),
            moves: false,
            catalog_dir,
            locales_dir,
            out_dir,
            templates_dir: None,
            threads: None,
            base_url: None,
        }
    }

    /// [`RenderOptions::new`] for a project directory holding `catalog/` and `locales/`.
    pub fn for_project(project: &Path, out_dir: &Path) -> RenderOptions {
        RenderOptions::new(project.join("catalog"), project.join("locales"), out_dir.to_path_buf())
    }
}

/// An absolute `http` or `https` URL with a host, no query or fragment; a final `/` is added.
fn parse_base_url(text: &str) -> Result<String, String> {
    let rest = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://"));
    let host = rest.map(|rest| rest.split('/').next().unwrap_or_default());
    if host.is_none_or(str::is_empty) || text.contains(['?', '#', ' ', '"', '<', '>', '\\']) {
        return Err("expected an absolute http(s) URL such as https://example.org/careers/".to_owned());
    }
    Ok(if text.ends_with('/') { text.to_owned() } else { format!("{text}/") })
}

impl RenderFlags {
    /// Resolves defaults against the project found at run time (see [`project_root`]), so a
    /// binary built in one checkout and run in another renders the checkout it is run in.
    pub fn into_options(self) -> Result<RenderOptions, Diagnostic> {
        let mut formats: Vec<Format> = Vec::new();
        let mut exports: Vec<ExportFormat> = Vec::new();
        for flag in &self.formats {
            match flag {
                FormatFlag::Md => formats.push(Format::Markdown),
                FormatFlag::Html => formats.push(Format::Html),
                FormatFlag::Json => exports.push(ExportFormat::Json),
                FormatFlag::Csv => exports.push(ExportFormat::Csv { bom: self.csv_bom }),
                FormatFlag::Xlsx => exports.push(ExportFormat::Xlsx),
            }
        }
        exports.sort();
        exports.dedup();
        formats.sort();
        formats.dedup();
        // `--lang es,en,es` renders each locale once, in the order first asked for.
        let mut langs: Vec<LanguageIdentifier> = Vec::new();
        for lang in self.langs {
            if !langs.contains(&lang) {
                langs.push(lang);
            }
        }
        if let Some(templates) = &self.templates
            && !templates.is_dir()
        {
            let what = if templates.exists() { "is not a directory" } else { "does not exist" };
            return Err(Diagnostic::error(format!("--templates {}: {what}", templates.display())).with_help(
                    "pass a directory whose files replace the embedded templates of the same name, or leave --templates out".to_owned(),
                ));
        }
        let needs_root = self.catalog.is_none() || self.locales.is_none() || self.out.is_none();
        let root = if needs_root { Some(project_root()?) } else { None };
        let default = |explicit: Option<PathBuf>, name: &str| {
            explicit.or_else(|| root.as_ref().map(|root| root.join(name))).unwrap_or_else(|| PathBuf::from(name))
        };
        Ok(RenderOptions {
            locales: if self.all || langs.is_empty() { LocaleSelection::All } else { LocaleSelection::Only(langs) },
            formats,
            exports,
            moves: self.moves,
            catalog_dir: default(self.catalog, "catalog"),
            locales_dir: default(self.locales, "locales"),
            out_dir: default(self.out, "dist"),
            templates_dir: self.templates,
            threads: self.threads.map(usize::from),
            base_url: self.base_url,
        })
    }
}

/// The project whose `catalog/`, `locales/` and `dist/` are the defaults: the workspace of the
/// package `cargo run` started (cargo sets `CARGO_MANIFEST_DIR` for the process it runs), else the
/// nearest ancestor of the current directory that holds a `catalog/` directory.
///
/// Resolved at run time, never baked in at compile time: a binary built in one checkout (a shared
/// `CARGO_TARGET_DIR`, a copied binary) must not render another checkout's catalog.
pub fn project_root() -> Result<PathBuf, Diagnostic> {
    let from_cargo = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .and_then(|manifest| manifest.parent().map(Path::to_path_buf))
        .filter(|root| root.join("catalog").is_dir());
    if let Some(root) = from_cargo {
        return Ok(root);
    }
    let cwd = std::env::current_dir()
        .map_err(|err| Diagnostic::error(format!("cannot read the current directory: {err}")))?;
    cwd.ancestors().find(|dir| dir.join("catalog").is_dir()).map(Path::to_path_buf).ok_or_else(|| {
        Diagnostic::error(format!("no catalog/ directory in {} or any directory above it", cwd.display()))
            .with_help("run Ladder inside a project, or pass --catalog DIR, --locales DIR and --out DIR".to_owned())
    })
}

impl RenderOptions {
    pub fn project_paths(&self) -> ProjectPaths {
        ProjectPaths {
            catalog_dir: self.catalog_dir.clone(),
            locales_dir: self.locales_dir.clone(),
            templates_dir: self.templates_dir.clone(),
        }
    }
}
