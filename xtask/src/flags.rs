//! Command-line flags, parsed by clap into validated options before any work starts.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};
use ladder_i18n::LanguageIdentifier;
use ladder_renderer::Format;

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
}

#[derive(Debug, clap::Args)]
pub struct RenderFlags {
    /// Locales to render, such as `es` or `es-MX` (repeat or separate with commas).
    /// Without --lang or --all, every locale under the locales directory is rendered.
    #[arg(long = "lang", value_name = "LOCALE", value_delimiter = ',', conflicts_with = "all")]
    pub langs: Vec<LanguageIdentifier>,
    /// Render every locale that has a directory under the locales directory.
    #[arg(long)]
    pub all: bool,
    /// Output formats.
    #[arg(long = "format", value_name = "FORMAT", value_delimiter = ',', default_values = ["md", "html"])]
    pub formats: Vec<FormatFlag>,
    /// The catalog directory [default: catalog/ in the workspace].
    #[arg(long, value_name = "DIR")]
    pub catalog: Option<PathBuf>,
    /// The translations directory [default: locales/ in the workspace].
    #[arg(long, value_name = "DIR")]
    pub locales: Option<PathBuf>,
    /// Where to write the pages [default: dist/ in the workspace].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// A directory of templates replacing the embedded ones of the same name.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Worker threads [default: one per core]. The output is the same whatever the number.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatFlag {
    Md,
    Html,
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
    pub catalog_dir: PathBuf,
    pub locales_dir: PathBuf,
    pub out_dir: PathBuf,
    pub templates_dir: Option<PathBuf>,
    pub threads: Option<usize>,
}

impl RenderFlags {
    /// Resolves defaults against the workspace root, so `cargo xtask render` works from any
    /// directory of the checkout.
    pub fn into_options(self, workspace: &Path) -> RenderOptions {
        let mut formats: Vec<Format> = self
            .formats
            .iter()
            .map(|flag| match flag {
                FormatFlag::Md => Format::Markdown,
                FormatFlag::Html => Format::Html,
            })
            .collect();
        formats.sort();
        formats.dedup();
        // `--lang es,en,es` renders each locale once, in the order first asked for.
        let mut langs: Vec<LanguageIdentifier> = Vec::new();
        for lang in self.langs {
            if !langs.contains(&lang) {
                langs.push(lang);
            }
        }
        RenderOptions {
            locales: if self.all || langs.is_empty() { LocaleSelection::All } else { LocaleSelection::Only(langs) },
            formats,
            catalog_dir: self.catalog.unwrap_or_else(|| workspace.join("catalog")),
            locales_dir: self.locales.unwrap_or_else(|| workspace.join("locales")),
            out_dir: self.out.unwrap_or_else(|| workspace.join("dist")),
            templates_dir: self.templates,
            threads: self.threads.map(usize::from),
        }
    }
}

/// The workspace root: the directory above xtask's own.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}
