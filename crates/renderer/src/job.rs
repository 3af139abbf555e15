//! What there is to render, as data: the planner lists jobs, the renderer runs one at a time.

use std::path::PathBuf;

use ladder_model::Id;

/// An output format of the per-locale pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Markdown,
    Html,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

/// A page that every locale has.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Page {
    /// Domains, groups and skills; roles.
    Index,
    /// A skill's profile: what each role needs of it at each level.
    Skill(Id),
    /// A role's career path: what it needs at each level, skill by skill.
    Role(Id),
    /// For translators: what is translated, stale and left (`translation-status`). Locales other
    /// than the source language have it.
    TranslationStatus,
    /// Every skill against every role: when each becomes mandatory, counts per level.
    Overview,
    /// Moves between roles (`moves`, HTML only): the reader picks a role and level to start from
    /// and one to go to, and `moves.js` shows that move from the locale's moves data
    /// ([`Job::MovesData`]); without the script, one move rendered here.
    Moves,
    /// A role's moves as a static page (`moves/<role>`, Markdown only, with `--moves`): from
    /// each of its levels to every other role, at the same level and one level up, what both need,
    /// what to gain and what is left behind.
    RoleMoves(Id),
}

impl Page {
    /// The page's path inside its locale's directory, without extension.
    pub fn stem(&self) -> String {
        match self {
            Page::Index => "index".to_owned(),
            Page::Skill(id) => format!("skills/{id}"),
            Page::Role(id) => format!("roles/{id}"),
            Page::TranslationStatus => "translation-status".to_owned(),
            Page::Overview => "overview".to_owned(),
            Page::Moves => "moves".to_owned(),
            Page::RoleMoves(id) => format!("moves/{id}"),
        }
    }

    /// From the page's directory back up to its locale's directory.
    pub(crate) fn to_locale_root(&self) -> &'static str {
        match self {
            Page::Index | Page::TranslationStatus | Page::Overview | Page::Moves => "",
            Page::Skill(_) | Page::Role(_) | Page::RoleMoves(_) => "../",
        }
    }
}

/// One file to produce.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Job {
    /// A page of one locale; `locale` indexes [`crate::Site::localizers`].
    Page { locale: usize, page: Page, format: Format },
    /// `index.html` at the top: pick a language.
    LanguageChooser,
    /// `ladder.css`, shared by every HTML page.
    Stylesheet,
    /// One locale's ladder as data: `<lang>/ladder.{json,csv,xlsx}` (see [`crate::export`]).
    Export { locale: usize, format: ExportFormat },
    /// Another file at the top of the output, shared by the HTML pages.
    Asset(Asset),
    /// One locale's search index, `<lang>/search-index.js` (see [`crate::search`]).
    SearchIndex { locale: usize },
    /// One locale's moves data, `<lang>/moves-data.js`: what the moves page's script builds a
    /// move from (see [`crate::MOVES_GLOBAL`]).
    MovesData { locale: usize },
}

/// A format of the per-locale data exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExportFormat {
    Json,
    /// `bom`: start with a UTF-8 byte-order mark, which Excel needs and most other tools do not.
    Csv {
        bom: bool,
    },
    Xlsx,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Csv { .. } => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }
}

/// The files at the top of the output besides the chooser and the stylesheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Asset {
    /// `ladder.js`: the level comparison of the skill pages.
    Script,
    /// `favicon.svg`.
    Favicon,
    /// `404.html`: what a server shows for a missing page, in every language.
    NotFound,
    /// `robots.txt`, naming the sitemap when there is one.
    Robots,
    /// `sitemap.xml`: every HTML page, only when the site's base URL is known.
    Sitemap,
    /// `search.js`: the search box of every HTML page.
    SearchScript,
    /// `elasticlunr.min.js`: the search engine `search.js` loads on demand (vendored, MIT).
    SearchEngine,
    /// `moves.js`: the moves page's choice of a move, built from the locale's moves data.
    MovesScript,
}

impl Asset {
    /// Its path at the top of the output directory.
    pub fn file_name(self) -> &'static str {
        match self {
            Asset::Script => SCRIPT_PATH,
            Asset::Favicon => FAVICON_PATH,
            Asset::NotFound => "404.html",
            Asset::Robots => "robots.txt",
            Asset::Sitemap => "sitemap.xml",
            Asset::SearchScript => SEARCH_SCRIPT_PATH,
            Asset::SearchEngine => SEARCH_ENGINE_PATH,
            Asset::MovesScript => MOVES_SCRIPT_PATH,
        }
    }

    /// Its template.
    pub(crate) fn template(self) -> &'static str {
        match self {
            Asset::Script => "ladder.js",
            Asset::Favicon => "favicon.svg",
            Asset::NotFound => "404.html",
            Asset::Robots => "robots.txt",
            Asset::Sitemap => "sitemap.xml",
            Asset::SearchScript => "search.js",
            Asset::SearchEngine => "elasticlunr.min.js",
            Asset::MovesScript => "moves.js",
        }
    }
}

/// A job's output, in memory: writing it is the caller's business.
#[derive(Debug)]
pub struct RenderedFile {
    /// Relative to the output directory, with `/` separators.
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    /// Translation problems met while rendering: missing messages, formatting errors.
    pub problems: Vec<ladder_i18n::Problem>,
    /// What the page was made from, as [`crate::Renderer::fingerprint`] digests it; `None` for
    /// the files that have none (the language chooser, the stylesheet).
    pub fingerprint: Option<blake3::Hash>,
}

pub(crate) const STYLESHEET_PATH: &str = "ladder.css";
pub(crate) const SCRIPT_PATH: &str = "ladder.js";
pub(crate) const FAVICON_PATH: &str = "favicon.svg";
pub(crate) const SEARCH_SCRIPT_PATH: &str = "search.js";
pub(crate) const SEARCH_ENGINE_PATH: &str = "elasticlunr.min.js";
/// A locale's search index, in its directory.
pub(crate) const SEARCH_INDEX_FILE: &str = "search-index.js";
pub(crate) const MOVES_SCRIPT_PATH: &str = "moves.js";
/// A locale's moves data, in its directory.
pub(crate) const MOVES_DATA_FILE: &str = "moves-data.js";
