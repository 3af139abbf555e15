//! The language chooser at the top of the output: each language's name and strings in itself.

use ladder_i18n::{Problem, SOURCE_LOCALE, interface};
use serde::Serialize;

use super::search::{SearchBox, top_search_box};
use super::{Text, direction_attr};
use crate::job::{FAVICON_PATH, Format, Page, STYLESHEET_PATH};
use crate::site::Site;

/// The language chooser at the top of the output.
#[derive(Debug, Serialize)]
pub(crate) struct ChooserView {
    /// The language and direction of the page's title, heading and description: the source
    /// language when it is rendered, else the first locale's.
    lang: String,
    dir: &'static str,
    /// The site's name in that one language.
    title: String,
    description: String,
    stylesheet_href: &'static str,
    favicon_href: &'static str,
    canonical: Option<String>,
    languages: Vec<ChooserLanguage>,
    /// The main language's search ([`super::search::main_locale`]).
    search: Option<SearchBox>,
}

/// One language's block: marked with its `lang` and `dir`, and its strings marked again where
/// they fell back to another language (English inside the Arabic block).
#[derive(Debug, Serialize)]
pub(crate) struct ChooserLanguage {
    lang: String,
    dir: &'static str,
    name: String,
    choose: Text,
    href: String,
    absolute: Option<String>,
}

/// The language chooser's view, with each language's strings in that language.
pub(crate) fn chooser(site: &Site<'_>, problems: &mut Vec<Problem>) -> ChooserView {
    let languages: Vec<ChooserLanguage> = site
        .localizers
        .iter()
        .zip(&site.language_names)
        .enumerate()
        .map(|(locale, (localizer, name))| {
            let path = site.page_path(locale, &Page::Index, Format::Html);
            ChooserLanguage {
                lang: localizer.locale().to_string(),
                dir: direction_attr(localizer.direction()),
                name: name.clone(),
                // The chooser shows no stale hints: each language's line is a single short string.
                choose: Text::from(
                    &localizer.interface(interface::CHOOSE_LANGUAGE, &[], problems),
                    localizer.direction(),
                    "",
                ),
                absolute: site.absolute(&path),
                href: path,
            }
        })
        .collect();
    let main = site
        .localizers
        .iter()
        .find(|localizer| *localizer.locale() == SOURCE_LOCALE)
        .or_else(|| site.localizers.first());
    let (lang, dir, title, description) = match main {
        Some(localizer) => {
            let title = localizer.interface(interface::SITE_TITLE, &[], problems);
            let description = localizer.interface(interface::INDEX_DESCRIPTION, &[], problems);
            (
                title.locale.to_string(),
                direction_attr(title.locale.character_direction()),
                title.text.into_owned(),
                description.text.into_owned(),
            )
        }
        None => (SOURCE_LOCALE.to_owned(), "ltr", String::new(), String::new()),
    };
    ChooserView {
        lang,
        dir,
        title,
        description,
        stylesheet_href: STYLESHEET_PATH,
        favicon_href: FAVICON_PATH,
        canonical: site.absolute("index.html"),
        languages,
        search: top_search_box(site, "", problems),
    }
}
