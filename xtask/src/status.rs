//! `cargo xtask status`: per locale, how much is translated, what falls back, what is stale or
//! obsolete, and what to translate next, as text or JSON.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::ValueEnum;
use ladder_i18n::{Counts, LanguageIdentifier, Locales, TranslationStatus, interface};
use ladder_model::Catalog;
use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::l10n::{CommandError, input_dir, load_locales};

/// `cargo xtask status`'s flags.
#[derive(Debug, clap::Args)]
pub struct StatusFlags {
    /// Output format.
    #[arg(long, value_name = "FORMAT", default_value = "text")]
    pub format: StatusFormat,
    /// Locales to report on (repeat or separate with commas) [default: every translated locale].
    #[arg(long = "lang", value_name = "LOCALE", value_delimiter = ',')]
    pub langs: Vec<LanguageIdentifier>,
    /// How many of the messages to translate next to list per locale.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub next: usize,
    /// The catalog directory, which orders what to translate next [default: catalog/ of the project].
    #[arg(long, value_name = "DIR")]
    pub catalog: Option<PathBuf>,
    /// The translations directory [default: locales/ of the project].
    #[arg(long, value_name = "DIR")]
    pub locales: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Text,
    Json,
}

/// What `--format json` prints.
#[derive(Debug, Serialize)]
struct Report<'a> {
    /// The source language, which every other locale falls back to.
    source: String,
    locales: &'a [LocaleReport],
}

#[derive(Debug, Serialize)]
pub struct LocaleReport {
    /// The language's own name (`language-name`), and whether it is its own or fell back.
    pub language_name: String,
    pub language_name_translated: bool,
    #[serde(flatten)]
    pub status: TranslationStatus,
}

/// The status of the locales `flags` asks for, printed in its format.
pub fn run(flags: StatusFlags) -> Result<String, CommandError> {
    let locales_dir = input_dir(flags.locales, "locales")?;
    let catalog_dir = input_dir(flags.catalog, "catalog")?;
    let locales = load_locales(&locales_dir)?;
    // Without a valid catalog, what to translate next comes in file order.
    let catalog = Catalog::load(&catalog_dir).ok();
    let reports = reports(&locales, catalog.as_ref(), &flags.langs, flags.next)?;
    match flags.format {
        StatusFormat::Text => Ok(text(&locales, &reports)),
        StatusFormat::Json => {
            let report = Report { source: locales.source().to_string(), locales: &reports };
            serde_json::to_string_pretty(&report)
                .map(|json| json + "\n")
                .map_err(|err| CommandError { diagnostic: Diagnostic::error(err.to_string()), exit_code: 1 })
        }
    }
}

/// One report per locale asked for; every locale but the source if none is.
pub fn reports(
    locales: &Locales,
    catalog: Option<&Catalog>,
    langs: &[LanguageIdentifier],
    next: usize,
) -> Result<Vec<LocaleReport>, CommandError> {
    let langs: Vec<LanguageIdentifier> = if langs.is_empty() {
        locales.available().filter(|tag| *tag != locales.source()).cloned().collect()
    } else {
        langs.to_vec()
    };
    langs
        .iter()
        .map(|lang| {
            let localizer = locales.localizer(lang).map_err(|err| CommandError {
                diagnostic: Diagnostic::error(err.to_string())
                    .with_help("create it with `cargo xtask new-locale <lang>`".to_owned()),
                exit_code: 2,
            })?;
            let name = localizer.interface(interface::LANGUAGE_NAME, &[], &mut Vec::new());
            Ok(LocaleReport {
                language_name: name.text.into_owned(),
                language_name_translated: !name.fell_back || localizer.chain().len() == 1,
                status: localizer.status(catalog, next),
            })
        })
        .collect()
}

fn percent(part: usize, whole: usize) -> String {
    (part * 100).checked_div(whole).map_or_else(|| "100%".to_owned(), |percent| format!("{percent}%"))
}

fn row(out: &mut String, name: &str, counts: &Counts) {
    let _ = writeln!(
        out,
        "    {name:<14} {:>6} {:>11} {:>9} {:>6} {:>11} {:>9}",
        counts.total, counts.translated, counts.fallback, counts.stale, counts.unreviewed, counts.obsolete,
    );
}

/// The text report: per locale a summary line, the counts by kind and by file, what is stale, and
/// what to translate next.
fn text(locales: &Locales, reports: &[LocaleReport]) -> String {
    let source = locales.source();
    let mut out = String::new();
    for (index, report) in reports.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let status = &report.status;
        let totals = &status.totals;
        let name = if report.language_name_translated {
            report.language_name.clone()
        } else {
            "no language-name yet".to_owned()
        };
        let _ = writeln!(
            out,
            "{} ({name}): {} of {} translated ({}), {} shown in {source}, {} stale, {} unreviewed, {} obsolete",
            status.locale,
            totals.translated,
            totals.total,
            percent(totals.translated, totals.total),
            totals.fallback,
            totals.stale,
            totals.unreviewed,
            totals.obsolete,
        );
        let header = "                    total  translated  fallback  stale  unreviewed  obsolete";
        let _ = writeln!(out, "  by kind\n{header}");
        for kind in &status.by_kind {
            row(&mut out, kind.kind.name(), &kind.counts);
        }
        let _ = writeln!(out, "  by file\n{header}");
        for file in &status.by_file {
            row(&mut out, &file.file, &file.counts);
        }
        if !status.stale.is_empty() {
            let _ = writeln!(out, "  stale: review, then `cargo xtask l10n-accept {} <id>`", status.locale);
            for stale in &status.stale {
                let _ = writeln!(
                    out,
                    "    {} ({})\n      was: {}\n      now: {}",
                    stale.id, stale.file, stale.old, stale.new
                );
            }
        }
        if status.next.is_empty() {
            let _ = writeln!(out, "  nothing left to translate");
        } else {
            let _ = writeln!(out, "  next to translate ({} of {} left):", status.next.len(), totals.fallback);
            for pending in &status.next {
                let _ = writeln!(
                    out,
                    "    {} ({}, {}): {}",
                    pending.id,
                    pending.file,
                    pending.kind.name(),
                    shorten(&pending.english)
                );
            }
        }
    }
    out
}

/// One line of English in a list: at most 80 characters.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(79) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}
