//! What every page of a render shares: the catalog, the locales being rendered, their names.

use std::path::PathBuf;

use ladder_i18n::{Localizer, Problem, interface};
use ladder_model::Catalog;

use crate::job::{Format, Job, Page, STYLESHEET_PATH};

/// The catalog and the localizers of one render. Pages link to their versions in these locales.
#[derive(Debug)]
pub struct Site<'a> {
    pub(crate) catalog: &'a Catalog,
    pub(crate) localizers: &'a [Localizer],
    /// Each locale's own name for itself (`language-name`), in `localizers` order.
    pub(crate) language_names: Vec<String>,
    /// Where the output will be served (`--base-url`), ending in `/`: canonical links, absolute
    /// `hreflang` links and the sitemap exist only when it is known. Links between pages are
    /// relative whatever it is.
    pub(crate) base_url: Option<String>,
}

impl<'a> Site<'a> {
    /// Also returns the problems met looking up each language's name.
    pub fn new(catalog: &'a Catalog, localizers: &'a [Localizer]) -> (Site<'a>, Vec<Problem>) {
        let mut problems = Vec::new();
        let language_names = localizers
            .iter()
            .map(|localizer| localizer.interface(interface::LANGUAGE_NAME, &[], &mut problems).text.into_owned())
            .collect();
        (Site { catalog, localizers, language_names, base_url: None }, problems)
    }

    /// The site as served from `base_url` (`https://example.org/careers/`; a missing final `/`
    /// is added).
    #[must_use]
    pub fn with_base_url(mut self, base_url: Option<&str>) -> Site<'a> {
        self.base_url = base_url.map(|url| if url.ends_with('/') { url.to_owned() } else { format!("{url}/") });
        self
    }

    pub fn base_url(&self) -> Option<&str> {
        self.base_url.as_deref()
    }

    /// The absolute URL of a file of the output, by its path relative to the output directory.
    pub(crate) fn absolute(&self, path: &str) -> Option<String> {
        self.base_url.as_ref().map(|base| format!("{base}{path}"))
    }

    /// The path of `page` in `locale`, relative to the output directory.
    pub(crate) fn page_path(&self, locale: usize, page: &Page, format: Format) -> String {
        format!("{}/{}.{}", self.localizers[locale].locale(), page.stem(), format.extension())
    }

    pub fn catalog(&self) -> &Catalog {
        self.catalog
    }

    pub fn localizers(&self) -> &[Localizer] {
        self.localizers
    }

    /// Where a job's output goes, relative to the output directory.
    pub fn output_path(&self, job: &Job) -> PathBuf {
        match job {
            Job::Page { locale, page, format } => {
                let tag = self.localizers[*locale].locale();
                PathBuf::from(format!("{tag}/{}.{}", page.stem(), format.extension()))
            }
            Job::LanguageChooser => PathBuf::from("index.html"),
            Job::Stylesheet => PathBuf::from(STYLESHEET_PATH),
            Job::Export { locale, format } => {
                PathBuf::from(format!("{}/ladder.{}", self.localizers[*locale].locale(), format.extension()))
            }
            Job::Asset(asset) => PathBuf::from(asset.file_name()),
            Job::SearchIndex { locale } => {
                PathBuf::from(format!("{}/{}", self.localizers[*locale].locale(), crate::job::SEARCH_INDEX_FILE))
            }
        }
    }

    /// A link from `from` (a page of some locale) to `to` in locale `locale`.
    pub(crate) fn href(&self, from: &Page, locale: usize, to: &Page, format: Format) -> String {
        let tag = self.localizers[locale].locale();
        format!("{}../{tag}/{}.{}", from.to_locale_root(), to.stem(), format.extension())
    }

    /// A link from `from` to a page of the same locale.
    pub(crate) fn local_href(&self, from: &Page, to: &Page, format: Format) -> String {
        format!("{}{}.{}", from.to_locale_root(), to.stem(), format.extension())
    }

    /// A link from `from` to a file at the top of the output directory.
    pub(crate) fn top_href(&self, from: &Page, file: &str) -> String {
        format!("{}../{file}", from.to_locale_root())
    }
}
