//! The files at the top of the output besides the chooser and the stylesheet: the missing-page
//! page, `robots.txt`, `sitemap.xml`; the script and the favicon need no view.

use ladder_i18n::{Problem, interface};
use serde::Serialize;

use super::direction_attr;
use super::search::{SearchBox, top_search_box};
use crate::job::{Asset, FAVICON_PATH, Format, Page, STYLESHEET_PATH};
use crate::site::Site;

#[derive(Debug, Default, Serialize)]
pub(crate) struct AssetView {
    /// `404.html`: each language's message and a link to its index.
    languages: Vec<NotFoundLanguage>,
    /// How `404.html` reaches the shared files: absolute when the base URL is known, since a
    /// server shows it at any depth.
    prefix: String,
    stylesheet: &'static str,
    favicon: &'static str,
    /// `404.html`: the main language's search ([`super::search::main_locale`]).
    search: Option<SearchBox>,
    /// `robots.txt`: the sitemap's URL, when there is one.
    sitemap: Option<String>,
    /// `sitemap.xml`: every HTML page's URL with its versions in the other languages.
    urls: Vec<SitemapUrl>,
}

#[derive(Debug, Serialize)]
pub(crate) struct NotFoundLanguage {
    lang: String,
    dir: &'static str,
    title: String,
    text: String,
    name: String,
    href: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct SitemapUrl {
    loc: String,
    alternates: Vec<(String, String)>,
}

pub(crate) fn asset(site: &Site<'_>, asset: Asset, problems: &mut Vec<Problem>) -> AssetView {
    let prefix = site.base_url().unwrap_or_default().to_owned();
    let mut view = AssetView { prefix, stylesheet: STYLESHEET_PATH, favicon: FAVICON_PATH, ..AssetView::default() };
    match asset {
        Asset::Script | Asset::Favicon | Asset::SearchScript | Asset::SearchEngine | Asset::MovesScript => {}
        Asset::NotFound => {
            view.languages = site
                .localizers
                .iter()
                .zip(&site.language_names)
                .enumerate()
                .map(|(locale, (localizer, name))| NotFoundLanguage {
                    lang: localizer.locale().to_string(),
                    dir: direction_attr(localizer.direction()),
                    title: localizer.interface(interface::NOT_FOUND_TITLE, &[], problems).text.into_owned(),
                    text: localizer.interface(interface::NOT_FOUND_TEXT, &[], problems).text.into_owned(),
                    name: name.clone(),
                    href: format!("{}{}", view.prefix, site.page_path(locale, &Page::Index, Format::Html)),
                })
                .collect();
            view.search = top_search_box(site, &view.prefix, problems);
        }
        Asset::Robots => view.sitemap = site.absolute("sitemap.xml"),
        Asset::Sitemap => {
            let pages = std::iter::once(Page::Index)
                .chain(std::iter::once(Page::Overview))
                .chain(site.catalog.skills().iter().map(|skill| Page::Skill(skill.id().clone())))
                .chain(site.catalog.roles().iter().map(|role| Page::Role(role.clone())))
                .chain(std::iter::once(Page::Moves));
            for page in pages {
                let alternates: Vec<(String, String)> = (0..site.localizers.len())
                    .filter_map(|locale| {
                        let url = site.absolute(&site.page_path(locale, &page, Format::Html))?;
                        Some((site.localizers[locale].locale().to_string(), url))
                    })
                    .collect();
                for (_, loc) in &alternates {
                    view.urls.push(SitemapUrl { loc: loc.clone(), alternates: alternates.clone() });
                }
            }
        }
    }
    view
}
