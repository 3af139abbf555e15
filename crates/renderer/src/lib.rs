//! Pages for Ladder: view models, minijinja templates, Markdown and HTML.
//!
//! The third stage of the pipeline (`model -> i18n -> renderer -> xtask`). A [`Site`] joins the
//! catalog with the localizers of one render; [`Renderer::render`] turns one [`Job`] into bytes
//! in memory. Planning the jobs, running them in parallel and writing files are the caller's.
//!
//! ```
//! use std::path::{Path, PathBuf};
//! use ladder_renderer::{Format, Job, Page, Renderer, Site};
//!
//! let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
//! let catalog = ladder_model::Catalog::load(&root.join("catalog")).unwrap();
//! let locales = ladder_i18n::Locales::load(&root.join("locales")).unwrap().locales;
//! let localizers = vec![locales.localizer(&"es".parse().unwrap()).unwrap()];
//! let (site, _) = Site::new(&catalog, &localizers);
//!
//! let renderer = Renderer::new(None).unwrap();
//! let skill = Page::Skill(ladder_model::Id::new("serverless-functions").unwrap());
//! let file = renderer.render(&site, &Job::Page { locale: 0, page: skill, format: Format::Markdown }).unwrap();
//! assert_eq!(file.path, Path::new("es/skills/serverless-functions.md"));
//! let text = String::from_utf8(file.bytes).unwrap();
//! assert!(text.contains("| Rol | Obligatorio | Descripción |"));
//! ```
//!
//! **Invariant:** the renderer never reads `.ftl` files; it asks `i18n`. Every value a template
//! prints is escaped for its format (see `escape`), so content cannot break the markup.

mod error;
mod escape;
pub mod export;
mod job;
pub mod search;
mod site;
mod templates;
mod views;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use minijinja::{Environment, Value};

pub use crate::error::RenderError;
pub use crate::job::{Asset, ExportFormat, Format, Job, Page, RenderedFile};
pub use crate::site::{Carried, Site};
pub use crate::templates::EMBEDDED as EMBEDDED_TEMPLATES;
pub use crate::views::MOVES_GLOBAL;

use crate::views::{Mode, ViewBuilder};

/// Renders jobs with one set of templates. Shared by reference across threads.
#[derive(Debug)]
pub struct Renderer {
    env: Environment<'static>,
    overrides: Option<PathBuf>,
    /// Every template's source, embedded or overriding, and every file of the overrides directory.
    templates_digest: blake3::Hash,
    /// The largest page rendered so far, per page kind and format: the next one's buffer size.
    size_hints: [AtomicUsize; 14],
}

/// An index per kind of [`Page`], for [`Renderer::size_hints`].
fn page_kind(page: &Page) -> usize {
    match page {
        Page::Index => 0,
        Page::Skill(_) => 1,
        Page::Role(_) => 2,
        Page::TranslationStatus => 3,
        Page::Overview => 4,
        Page::Moves => 5,
        Page::RoleMoves(_) => 6,
    }
}

impl Renderer {
    /// Uses the embedded templates, each replaced by a file of the same name in `overrides` if
    /// there is one. Every template is parsed now, so a broken override fails before any page.
    pub fn new(overrides: Option<&Path>) -> Result<Renderer, RenderError> {
        let templates_digest =
            templates::digest(overrides).map_err(|err| RenderError::from_minijinja(&err, overrides))?;
        let renderer = Renderer {
            env: templates::environment(overrides),
            overrides: overrides.map(Path::to_path_buf),
            templates_digest,
            size_hints: Default::default(),
        };
        for (name, _) in templates::EMBEDDED {
            renderer.env.get_template(name).map_err(|err| renderer.error(&err))?;
        }
        Ok(renderer)
    }

    /// Renders one job, and fingerprints it on the way (see [`Renderer::fingerprint`]).
    pub fn render(&self, site: &Site<'_>, job: &Job) -> Result<RenderedFile, RenderError> {
        let path = site.output_path(job);
        let mut problems = Vec::new();
        let (template, context) = match job {
            Job::Page { locale, page, format } => {
                let (mut files, _) = self.render_page(site, *locale, page, &[*format])?;
                return files.pop().ok_or_else(|| RenderError::new(format!("nothing rendered for {job:?}")));
            }
            Job::Export { locale, format } => {
                let bytes = export::render(site.catalog, &site.localizers[*locale], *format, &mut problems)?;
                // Exports are always rendered: they are few, and cheap next to the pages.
                return Ok(RenderedFile { path, bytes, problems, fingerprint: None });
            }
            Job::SearchIndex { locale } => {
                let bytes = search::index_script(site, *locale, &mut problems)?;
                let fingerprint = Some(search_digest(site, *locale));
                return Ok(RenderedFile { path, bytes, problems, fingerprint });
            }
            Job::MovesData { locale } => {
                let mut builder = ViewBuilder::new(site, *locale, &Page::Moves, Mode::RenderAndRecord);
                let bytes = builder.moves_data_script()?;
                let fingerprint = moves_data_digest(site, *locale, builder.finish_deps());
                return Ok(RenderedFile { path, bytes, problems: builder.problems, fingerprint });
            }
            Job::Stylesheet => ("ladder.css".to_owned(), Value::UNDEFINED),
            Job::Asset(asset) => {
                (asset.template().to_owned(), Value::from_serialize(views::asset(site, *asset, &mut problems)))
            }
            Job::LanguageChooser => {
                ("chooser.html".to_owned(), Value::from_serialize(views::chooser(site, &mut problems)))
            }
        };
        let template = self.env.get_template(&template).map_err(|err| self.error(&err))?;
        let text = template.render(context).map_err(|err| self.error(&err))?;
        Ok(RenderedFile { path, bytes: text.into_bytes(), problems, fingerprint: None })
    }

    /// Renders `page` of `locale` in each of `formats`, one file each in that order, from one
    /// view: the formats differ only in their templates and where links point (`views::Href`),
    /// so looking the page's text up once serves them all. Each file carries its fingerprint;
    /// the translation problems found come with the first.
    pub fn render_page(
        &self,
        site: &Site<'_>,
        locale: usize,
        page: &Page,
        formats: &[Format],
    ) -> Result<(Vec<RenderedFile>, Option<PageLookups>), RenderError> {
        let mut builder = ViewBuilder::new(site, locale, page, Mode::RenderAndRecord).recording_ids();
        let (name, view) = match page {
            Page::Index => ("index", Value::from_serialize(builder.index())),
            Page::Skill(id) => {
                let skill = site
                    .catalog
                    .skill(id.as_str())
                    .ok_or_else(|| RenderError::new(format!("no skill `{id}` in the catalog")))?;
                ("skill", Value::from_serialize(builder.skill(skill)))
            }
            Page::Role(id) => ("role", Value::from_serialize(builder.role(id))),
            Page::TranslationStatus => ("translation-status", Value::from_serialize(builder.status())),
            Page::Overview => ("overview", Value::from_serialize(builder.overview())),
            Page::Moves => ("moves", Value::from_serialize(builder.moves())),
            Page::RoleMoves(id) => ("role-moves", Value::from_serialize(builder.role_moves(id))),
        };
        let deps = builder.finish_deps();
        let key = self.page_key(site, locale, page);
        let lookups = key.map(|key| page_lookups(key, &mut builder));
        let mut problems = builder.problems;
        let files = formats
            .iter()
            .map(|&format| {
                let job = Job::Page { locale, page: page.clone(), format };
                let template =
                    self.env.get_template(&format!("{name}.{}", format.extension())).map_err(|err| self.error(&err))?;
                // Sized like the largest page of its kind so far: a role page grows to megabytes,
                // and growing a buffer by doubling copied it about as much as it holds.
                let hint = &self.size_hints[page_kind(page) * 2 + usize::from(format == Format::Html)];
                let mut bytes = Vec::with_capacity(hint.load(Ordering::Relaxed));
                template.render_captured_to(&view, &mut bytes).map_err(|err| self.error(&err))?;
                hint.fetch_max(bytes.len(), Ordering::Relaxed);
                Ok(RenderedFile {
                    path: site.output_path(&job),
                    bytes,
                    problems: std::mem::take(&mut problems),
                    fingerprint: self.digest(site, locale, page, format, key, deps.as_deref()),
                })
            })
            .collect::<Result<_, RenderError>>()?;
        Ok((files, lookups))
    }

    /// A digest of everything `job`'s page depends on, computed without rendering it: the
    /// templates, the locales of the site and their names, the catalog structure the page shows
    /// (its skill and the levels for a skill page, the whole catalog for the others), and, for
    /// every message the page looks up, its definition along the locale's chain
    /// ([`ladder_i18n::Localizer::fingerprint`]), found by walking the page's view as
    /// [`Renderer::render`] does (which computes the same digest as it renders). The translation
    /// status page depends on every message of its locale's chain and the locale's lock. Equal
    /// digests mean equal bytes for the same program; the caller adds the program's identity.
    /// `None` for the language chooser and the stylesheet, which are always rendered. A locale's
    /// search index and moves data have fingerprints too.
    pub fn fingerprint(&self, site: &Site<'_>, job: &Job) -> Option<blake3::Hash> {
        match job {
            Job::SearchIndex { locale } => Some(search_digest(site, *locale)),
            Job::MovesData { locale } => {
                let mut builder = ViewBuilder::new(site, *locale, &Page::Moves, Mode::Record);
                builder.moves_data_script().ok()?;
                moves_data_digest(site, *locale, builder.finish_deps())
            }
            Job::Page { locale, page, format } => self.page_fingerprints(site, *locale, page, &[*format]).0.pop()?,
            _ => None,
        }
    }

    /// [`Renderer::fingerprint`] of `page` of `locale` in each of `formats`, walking its view once.
    pub fn page_fingerprints(
        &self,
        site: &Site<'_>,
        locale: usize,
        page: &Page,
        formats: &[Format],
    ) -> (Vec<Option<blake3::Hash>>, Option<PageLookups>) {
        let mut builder = ViewBuilder::new(site, locale, page, Mode::Record).recording_ids();
        if walk(&mut builder, site, page).is_none() {
            return (vec![None; formats.len()], None);
        }
        let deps = builder.finish_deps();
        let key = self.page_key(site, locale, page);
        let lookups = key.map(|key| page_lookups(key, &mut builder));
        let fingerprints =
            formats.iter().map(|&format| self.digest(site, locale, page, format, key, deps.as_deref())).collect();
        (fingerprints, lookups)
    }

    /// What `page` of `locale` shows besides the messages it looks up: the templates, the site's
    /// locales and their names, and the catalog structure it shows. Two renders that agree on a
    /// page's key look up the same messages for it, in the same order, with the same variables:
    /// what the page is made of changes then only with those messages. `None` for the
    /// translation status page (made of its whole chain) and for a skill the catalog lacks.
    pub fn page_key(&self, site: &Site<'_>, locale: usize, page: &Page) -> Option<blake3::Hash> {
        let mut hasher = blake3::Hasher::new();
        hasher.update(b"ladder-page-key 1\0");
        hasher.update(self.templates_digest.as_bytes());
        hasher.update(site.digest().as_bytes());
        let _ = write!(hasher, "{locale} {page:?}\0");
        match page {
            Page::Index | Page::Role(_) | Page::Overview | Page::Moves | Page::RoleMoves(_) => {
                hasher.update(site.catalog_digest().as_bytes());
            }
            Page::Skill(id) => {
                hasher.update(site.skill_digest(id)?.as_bytes());
            }
            Page::TranslationStatus => return None,
        }
        Some(hasher.finalize())
    }

    /// The fingerprint of `page` in `format`: its key and the dependencies its view recorded;
    /// for the translation status page (no key), every message of its chain instead, so that
    /// render and fingerprint agree without building the (costly) status for a fingerprint.
    fn digest(
        &self,
        site: &Site<'_>,
        locale: usize,
        page: &Page,
        format: Format,
        key: Option<blake3::Hash>,
        deps: Option<&[u8]>,
    ) -> Option<blake3::Hash> {
        let deps = deps?;
        let mut hasher = blake3::Hasher::new();
        hasher.update(b"ladder-page 4\0");
        let _ = write!(hasher, "{format:?}\0");
        match key {
            Some(key) => {
                hasher.update(key.as_bytes());
                hasher.update(deps);
            }
            None if *page == Page::TranslationStatus => {
                hasher.update(self.templates_digest.as_bytes());
                hasher.update(site.digest().as_bytes());
                let _ = write!(hasher, "{locale} {page:?}\0");
                hasher.update(site.catalog_digest().as_bytes());
                let mut chain = Vec::new();
                site.localizers[locale].fingerprint_all(&mut chain);
                hasher.update(&chain);
            }
            None => return None,
        }
        Some(hasher.finalize())
    }

    fn error(&self, err: &minijinja::Error) -> RenderError {
        RenderError::from_minijinja(err, self.overrides.as_deref())
    }
}

/// What `builder` recorded of its page's lookups, once the view is built, under the page's key.
fn page_lookups(key: blake3::Hash, builder: &mut ViewBuilder<'_, '_>) -> PageLookups {
    PageLookups { key, ids: builder.take_ids(), whole_chain: builder.refers() }
}

/// What a locale's moves data depends on: the site's locales and names, the whole catalog, and
/// the messages it looked up (names, the interface texts of a move), as its builder recorded them;
/// not the descriptions, so editing one does not rebuild it.
fn moves_data_digest(site: &Site<'_>, locale: usize, deps: Option<Vec<u8>>) -> Option<blake3::Hash> {
    let mut hasher = blake3::Hasher::new();
    hasher.update(b"ladder-moves-data 1\0");
    hasher.update(site.digest().as_bytes());
    hasher.update(site.catalog_digest().as_bytes());
    let _ = write!(hasher, "{locale}\0");
    hasher.update(&deps?);
    Some(hasher.finalize())
}

/// Walks `page`'s view without rendering it, so that `builder` records its lookups; `None` if the
/// page's skill is not in the catalog.
fn walk(builder: &mut ViewBuilder<'_, '_>, site: &Site<'_>, page: &Page) -> Option<()> {
    match page {
        Page::Index => {
            builder.index();
        }
        Page::Skill(id) => {
            builder.skill(site.catalog.skill(id.as_str())?);
        }
        Page::Role(id) => {
            builder.role(id);
        }
        Page::Overview => {
            builder.overview();
        }
        Page::Moves => {
            builder.moves();
        }
        Page::RoleMoves(id) => {
            builder.role_moves(id);
        }
        Page::TranslationStatus => {}
    }
    Some(())
}

/// What a page looked up, recorded as it was rendered or fingerprinted: a later render whose
/// [`Renderer::page_key`] for the page is the same needs to look at the page again only if one
/// of these messages changed in a locale of its chain (or any entry did, if `whole_chain`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLookups {
    pub key: blake3::Hash,
    /// Message ids as [`ladder_i18n::key_hash`]es, sorted, each once.
    pub ids: Vec<u64>,
    /// Whether some of them may refer to other messages or terms.
    pub whole_chain: bool,
}

/// What a locale's search index depends on: the site's locales and names, the whole catalog, and
/// every message of the locale's chain (names, summaries, descriptions, the interface); rebuilding
/// it for nothing was the largest part of a re-render with nothing changed.
fn search_digest(site: &Site<'_>, locale: usize) -> blake3::Hash {
    let mut hasher = blake3::Hasher::new();
    hasher.update(b"ladder-search-index 1\0");
    hasher.update(site.digest().as_bytes());
    hasher.update(site.catalog_digest().as_bytes());
    let _ = write!(hasher, "{locale}\0");
    let mut deps = Vec::new();
    site.localizers[locale].fingerprint_all(&mut deps);
    hasher.update(&deps);
    hasher.finalize()
}
