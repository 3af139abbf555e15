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

use std::path::{Path, PathBuf};

use minijinja::{Environment, Value};

pub use crate::error::RenderError;
pub use crate::job::{Asset, ExportFormat, Format, Job, Page, RenderedFile};
pub use crate::site::Site;
pub use crate::templates::EMBEDDED as EMBEDDED_TEMPLATES;

use crate::views::ViewBuilder;

/// Renders jobs with one set of templates. Shared by reference across threads.
#[derive(Debug)]
pub struct Renderer {
    env: Environment<'static>,
    overrides: Option<PathBuf>,
}

impl Renderer {
    /// Uses the embedded templates, each replaced by a file of the same name in `overrides` if
    /// there is one. Every template is parsed now, so a broken override fails before any page.
    pub fn new(overrides: Option<&Path>) -> Result<Renderer, RenderError> {
        let renderer = Renderer { env: templates::environment(overrides), overrides: overrides.map(Path::to_path_buf) };
        for (name, _) in templates::EMBEDDED {
            renderer.env.get_template(name).map_err(|err| renderer.error(&err))?;
        }
        Ok(renderer)
    }

    pub fn render(&self, site: &Site<'_>, job: &Job) -> Result<RenderedFile, RenderError> {
        let path = site.output_path(job);
        let mut problems = Vec::new();
        let (template, context) = match job {
            Job::Export { locale, format } => {
                let bytes = export::render(site.catalog, &site.localizers[*locale], *format, &mut problems)?;
                return Ok(RenderedFile { path, bytes, problems });
            }
            Job::SearchIndex { locale } => {
                let bytes = search::index_script(site, *locale, &mut problems)?;
                return Ok(RenderedFile { path, bytes, problems });
            }
            Job::Stylesheet => ("ladder.css".to_owned(), Value::UNDEFINED),
            Job::Asset(asset) => {
                (asset.template().to_owned(), Value::from_serialize(views::asset(site, *asset, &mut problems)))
            }
            Job::LanguageChooser => {
                ("chooser.html".to_owned(), Value::from_serialize(views::chooser(site, &mut problems)))
            }
            Job::Page { locale, page, format } => {
                let mut builder = ViewBuilder {
                    site,
                    locale: *locale,
                    page,
                    format: *format,
                    problems: Vec::new(),
                    stale_hint: None,
                };
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
                    Page::Moves(id) => ("moves", Value::from_serialize(builder.moves(id))),
                };
                problems = builder.problems;
                (format!("{name}.{}", format.extension()), view)
            }
        };
        let template = self.env.get_template(&template).map_err(|err| self.error(&err))?;
        let text = template.render(context).map_err(|err| self.error(&err))?;
        Ok(RenderedFile { path, bytes: text.into_bytes(), problems })
    }

    fn error(&self, err: &minijinja::Error) -> RenderError {
        RenderError::from_minijinja(err, self.overrides.as_deref())
    }
}
