//! `cargo xtask check`: every problem of the catalog and the translations, without rendering.
//!
//! It loads the [`Project`] as `render` does (so both report the same problems in the same
//! words, each named by its check), adds a smoke render of every message of every checked locale
//! (`Locales::smoke_render`, in parallel, one locale per task), and reports: rustc-style text,
//! or JSON for editors and CI. Errors exit 1; with `--strict`, warnings too.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap::ValueEnum;
use ladder_i18n::{LanguageIdentifier, Severity};
use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::flags::project_root;
use crate::project::{Project, ProjectPaths, sorted};

#[derive(Debug, clap::Args)]
pub struct CheckFlags {
    /// Check only these locales (and the source language), such as `es` or `es-MX` (repeat or
    /// separate with commas). Catalog findings are always shown.
    #[arg(long = "lang", value_name = "LOCALE", value_delimiter = ',')]
    pub langs: Vec<LanguageIdentifier>,
    /// Fail (exit 1) on warnings too, not only on errors: for CI.
    #[arg(long)]
    pub strict: bool,
    /// How to print the findings.
    #[arg(long, value_name = "FORMAT", default_value = "text")]
    pub format: OutputFormat,
    /// The catalog directory [default: catalog/ of the project].
    #[arg(long, value_name = "DIR")]
    pub catalog: Option<PathBuf>,
    /// The translations directory [default: locales/ of the project].
    #[arg(long, value_name = "DIR")]
    pub locales: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// rustc-style diagnostics on stderr, a summary on stdout.
    Text,
    /// One JSON document on stdout: the findings and the summary.
    Json,
}

/// `check`'s flags with defaults resolved.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Empty for every locale.
    pub langs: Vec<LanguageIdentifier>,
    pub strict: bool,
    pub format: OutputFormat,
    pub catalog_dir: PathBuf,
    pub locales_dir: PathBuf,
}

impl CheckFlags {
    /// Resolves the default directories as `render` does ([`project_root`]).
    pub fn into_options(self) -> Result<CheckOptions, Diagnostic> {
        let root = if self.catalog.is_none() || self.locales.is_none() { Some(project_root()?) } else { None };
        let default = |explicit: Option<PathBuf>, name: &str| {
            explicit.or_else(|| root.as_ref().map(|root| root.join(name))).unwrap_or_else(|| PathBuf::from(name))
        };
        let mut langs: Vec<LanguageIdentifier> = Vec::new();
        for lang in self.langs {
            if !langs.contains(&lang) {
                langs.push(lang);
            }
        }
        Ok(CheckOptions {
            langs,
            strict: self.strict,
            format: self.format,
            catalog_dir: default(self.catalog, "catalog"),
            locales_dir: default(self.locales, "locales"),
        })
    }
}

/// What a check found.
#[derive(Debug)]
pub struct Report {
    /// In file order, each once.
    pub diagnostics: Vec<Diagnostic>,
    /// The locales checked, sorted by tag.
    pub locales: Vec<String>,
    /// Messages the checked locales define.
    pub messages: usize,
    pub elapsed: Duration,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }

    /// 1 on an error, or with `strict` on a warning; else 0.
    pub fn exit_code(&self, strict: bool) -> u8 {
        u8::from(self.errors() > 0 || (strict && self.warnings() > 0))
    }

    /// `checked 2 locale(s), 120 messages: 0 error(s), 1 warning(s) in 0.12 s`.
    pub fn summary(&self) -> String {
        format!(
            "checked {} locale(s), {} messages: {} error(s), {} warning(s) in {:.2} s",
            self.locales.len(),
            self.messages,
            self.errors(),
            self.warnings(),
            self.elapsed.as_secs_f64()
        )
    }

    /// The findings and the summary as one JSON document, paths relative to `base` where they
    /// are below it.
    pub fn to_json(&self, base: &Path) -> serde_json::Value {
        let findings: Vec<serde_json::Value> = self
            .diagnostics
            .iter()
            .map(|d| {
                serde_json::json!({
                    "severity": match d.severity { Severity::Error => "error", Severity::Warning => "warning" },
                    "check": d.check,
                    "message": d.message,
                    "path": d.path.as_ref().map(|path| path.strip_prefix(base).unwrap_or(path).display().to_string()),
                    "line": d.position.map(|p| p.line),
                    "column": d.position.map(|p| p.column),
                    "help": d.help,
                    "locale": d.locale,
                })
            })
            .collect();
        serde_json::json!({
            "findings": findings,
            "summary": {
                "locales": self.locales,
                "messages": self.messages,
                "errors": self.errors(),
                "warnings": self.warnings(),
                "seconds": self.elapsed.as_secs_f64(),
            },
        })
    }
}

/// Loads and checks the project; `Err` only for a `--lang` no translation matches (usage).
pub fn run(options: &CheckOptions) -> Result<Report, Diagnostic> {
    let started = Instant::now();
    let project = Project::load(ProjectPaths {
        catalog_dir: options.catalog_dir.clone(),
        locales_dir: options.locales_dir.clone(),
        templates_dir: None,
    });
    let mut diagnostics = project.diagnostics().to_vec();
    let Some(locales) = project.locales() else {
        return Ok(Report { diagnostics, locales: Vec::new(), messages: 0, elapsed: started.elapsed() });
    };
    let source = locales.source().to_string();
    // The locales to check: every one, or those asked for with their fallback chains.
    let checked: BTreeSet<String> = if options.langs.is_empty() {
        locales.available().map(ToString::to_string).collect()
    } else {
        let mut checked = BTreeSet::new();
        for lang in &options.langs {
            let localizer = locales.localizer(lang).map_err(|err| {
                let available = locales.available().map(ToString::to_string).collect::<Vec<_>>().join(", ");
                Diagnostic::error(err.to_string()).with_help(format!("pick one of {available}"))
            })?;
            checked.extend(localizer.chain().iter().map(ToString::to_string));
        }
        checked
    };
    let tags: Vec<LanguageIdentifier> =
        locales.available().filter(|tag| checked.contains(&tag.to_string())).cloned().collect();
    let smoke: Vec<Diagnostic> = tags
        .par_iter()
        .flat_map_iter(|tag| locales.smoke_render(tag).iter().map(Diagnostic::from).collect::<Vec<_>>())
        .collect();
    diagnostics.extend(smoke);
    diagnostics.retain(|d| d.locale.as_ref().is_none_or(|locale| *locale == source || checked.contains(locale)));
    let messages = tags.iter().map(|tag| locales.message_count(tag)).sum();
    Ok(Report {
        diagnostics: sorted(diagnostics),
        locales: tags.iter().map(ToString::to_string).collect(),
        messages,
        elapsed: started.elapsed(),
    })
}
