//! What every page of a render shares: the catalog, the locales being rendered, their names.

use std::io::Write as _;
use std::path::PathBuf;
use std::sync::OnceLock;

use ladder_i18n::{Localizer, Problem, TranslationStatus, interface};
use ladder_model::{Catalog, Id};
use rustc_hash::FxHashMap;

use crate::job::{Format, Job, Page, STYLESHEET_PATH};
use crate::views::Href;

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
    /// Whether each role's Markdown moves page is rendered (`--moves`), so Markdown role pages
    /// link to it. (The HTML moves page is always rendered.)
    pub(crate) role_moves: bool,
    /// Each locale's translation status, computed for its first status page and shared by the
    /// other format's: it walks every message of the locale.
    pub(crate) statuses: Vec<OnceLock<TranslationStatus>>,
    /// The locales, their chains and names: what every page's language links show.
    digest: blake3::Hash,
    /// The whole catalog's structure, for pages that show all of it (index, roles).
    catalog_digest: OnceLock<blake3::Hash>,
    /// Each group's number, in the order `domains.yaml` lists domains and groups.
    groups: FxHashMap<Id, usize>,
    /// Each level's number, in catalog order.
    levels: FxHashMap<Id, usize>,
    /// Per skill, in catalog order: its structure and the levels.
    skill_digests: OnceLock<Vec<blake3::Hash>>,
}

/// What [`Site::carry`] takes from one site to the next on the same catalog and language names.
#[derive(Debug, Clone)]
pub struct Carried {
    language_names: Vec<String>,
    catalog: blake3::Hash,
    skills: Vec<blake3::Hash>,
}

impl<'a> Site<'a> {
    /// Also returns the problems met looking up each language's name.
    pub fn new(catalog: &'a Catalog, localizers: &'a [Localizer]) -> (Site<'a>, Vec<Problem>) {
        let mut problems = Vec::new();
        let language_names = localizers
            .iter()
            .map(|localizer| localizer.interface(interface::LANGUAGE_NAME, &[], &mut problems).text.into_owned())
            .collect();
        (Site::with_names(catalog, localizers, language_names), problems)
    }

    /// A site like the one `carried` was taken from ([`Site::carry`]): on the same catalog, with
    /// localizers of the same locales and chains, whose language names did not change. It
    /// neither looks up the names nor hashes the catalog again (a preview builds one after every
    /// edit of the translations; looking names up would build every locale's bundles).
    pub fn carrying(catalog: &'a Catalog, localizers: &'a [Localizer], carried: Carried) -> Site<'a> {
        let site = Site::with_names(catalog, localizers, carried.language_names);
        let _ = site.catalog_digest.set(carried.catalog);
        let _ = site.skill_digests.set(carried.skills);
        site
    }

    fn with_names(catalog: &'a Catalog, localizers: &'a [Localizer], language_names: Vec<String>) -> Site<'a> {
        let statuses = localizers.iter().map(|_| OnceLock::new()).collect();
        let mut hasher = blake3::Hasher::new();
        for (localizer, name) in localizers.iter().zip(&language_names) {
            let _ = writeln!(hasher, "{} {:?} {name:?}", localizer.locale(), localizer.chain());
        }
        let digest = hasher.finalize();
        let groups = catalog
            .domains()
            .iter()
            .flat_map(|domain| domain.groups())
            .enumerate()
            .map(|(index, group)| (group.clone(), index))
            .collect();
        let levels = catalog.levels().iter().enumerate().map(|(index, level)| (level.clone(), index)).collect();
        Site {
            catalog,
            localizers,
            language_names,
            statuses,
            digest,
            catalog_digest: OnceLock::new(),
            skill_digests: OnceLock::new(),
            groups,
            levels,
            base_url: None,
            role_moves: false,
        }
    }

    pub(crate) fn digest(&self) -> blake3::Hash {
        self.digest
    }

    /// How many groups the catalog has.
    pub(crate) fn group_count(&self) -> usize {
        self.groups.len()
    }

    /// A group's number: its place among every domain's groups, in catalog order.
    pub(crate) fn group_index(&self, group: &Id) -> Option<usize> {
        self.groups.get(group).copied()
    }

    /// A level's place in the catalog's order.
    pub(crate) fn level_index(&self, level: &Id) -> Option<usize> {
        self.levels.get(level).copied()
    }

    /// A skill's structure and the levels, for its page; `None` if the catalog has no such skill.
    pub(crate) fn skill_digest(&self, id: &Id) -> Option<blake3::Hash> {
        let index = self.catalog.skills().binary_search_by(|skill| skill.id().cmp(id)).ok()?;
        self.skill_digests().get(index).copied()
    }

    fn skill_digests(&self) -> &Vec<blake3::Hash> {
        self.skill_digests.get_or_init(|| {
            self.catalog
                .skills()
                .iter()
                .map(|skill| {
                    let mut hasher = blake3::Hasher::new();
                    let _ = write!(hasher, "{skill:?} {:?}", self.catalog.levels());
                    hasher.finalize()
                })
                .collect()
        })
    }

    pub(crate) fn catalog_digest(&self) -> blake3::Hash {
        *self.catalog_digest.get_or_init(|| {
            let mut hasher = blake3::Hasher::new();
            let _ = write!(hasher, "{:?}", self.catalog);
            hasher.finalize()
        })
    }

    /// What [`Site::carrying`] takes to build the next site without looking anything up again:
    /// the language names and the digests of the catalog's structure (computed now if they were
    /// not yet).
    pub fn carry(&self) -> Carried {
        Carried {
            language_names: self.language_names.clone(),
            catalog: self.catalog_digest(),
            skills: self.skill_digests().clone(),
        }
    }

    /// The site as served from `base_url` (`https://example.org/careers/`; a missing final `/`
    /// is added).
    #[must_use]
    pub fn with_base_url(mut self, base_url: Option<&str>) -> Site<'a> {
        self.base_url = base_url.map(|url| if url.ends_with('/') { url.to_owned() } else { format!("{url}/") });
        // Every page's links (canonical, hreflang) depend on it: it is part of the site's digest.
        let mut hasher = blake3::Hasher::new();
        hasher.update(self.digest.as_bytes());
        let _ = write!(hasher, "base-url {:?}", self.base_url);
        self.digest = hasher.finalize();
        self
    }

    /// The site with each role's Markdown moves page (`--moves`): Markdown role pages link to it.
    #[must_use]
    pub fn with_role_moves(mut self, role_moves: bool) -> Site<'a> {
        self.role_moves = role_moves;
        // Markdown role pages link to them or not: part of the site's digest.
        let mut hasher = blake3::Hasher::new();
        hasher.update(self.digest.as_bytes());
        let _ = write!(hasher, "role-moves {role_moves}");
        self.digest = hasher.finalize();
        self
    }

    pub fn role_moves(&self) -> bool {
        self.role_moves
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
            Job::MovesData { locale } => {
                PathBuf::from(format!("{}/{}", self.localizers[*locale].locale(), crate::job::MOVES_DATA_FILE))
            }
        }
    }

    /// A link from `from` (a page of some locale) to `to` in locale `locale`.
    pub(crate) fn href(&self, from: &Page, locale: usize, to: &Page) -> Href {
        let tag = self.localizers[locale].locale();
        Href::new(format!("{}../{tag}/{}", from.to_locale_root(), to.stem()), String::new())
    }

    /// A link from `from` to a page of the same locale.
    pub(crate) fn local_href(&self, from: &Page, to: &Page) -> Href {
        Href::new(format!("{}{}", from.to_locale_root(), to.stem()), String::new())
    }

    /// The absolute URL of `page` in `locale`, when the base URL is known.
    pub(crate) fn absolute_href(&self, locale: usize, page: &Page) -> Option<Href> {
        let base = self.base_url.as_ref()?;
        Some(Href::new(format!("{base}{}/{}", self.localizers[locale].locale(), page.stem()), String::new()))
    }

    /// A link from `from` to a file at the top of the output directory.
    pub(crate) fn top_href(&self, from: &Page, file: &str) -> String {
        format!("{}../{file}", from.to_locale_root())
    }
}
