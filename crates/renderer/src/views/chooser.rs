//! The language chooser at the top of the output: each language's name and strings in itself.

use ladder_i18n::{LanguageIdentifier, Problem, SOURCE_LOCALE, interface};
use serde::Serialize;

use super::{Text, direction_attr};
use crate::job::{Page, STYLESHEET_PATH};
use crate::site::Site;

/// The language chooser at the top of the output.
#[derive(Debug, Serialize)]
pub(crate) struct ChooserView {
    /// The language and direction of the title's first part.
    lang: String,
    dir: &'static str,
    title: String,
    stylesheet_href: &'static str,
    languages: Vec<ChooserLanguage>,
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
}

/// The language chooser's view, with each language's strings in that language.
pub(crate) fn chooser(site: &Site<'_>, problems: &mut Vec<Problem>) -> ChooserView {
    let mut titles: Vec<(String, LanguageIdentifier)> = Vec::new();
    let languages: Vec<ChooserLanguage> = site
        .localizers
        .iter()
        .zip(&site.language_names)
        .map(|(localizer, name)| {
            let title = localizer.interface(interface::SITE_TITLE, &[], problems);
            if !titles.iter().any(|(text, _)| text == title.text.as_ref()) {
                titles.push((title.text.into_owned(), title.locale.clone()));
            }
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
                href: format!("{}/{}.html", localizer.locale(), Page::Index.stem()),
            }
        })
        .collect();
    ChooserView {
        lang: titles.first().map_or_else(|| SOURCE_LOCALE.to_owned(), |(_, lang)| lang.to_string()),
        dir: titles.first().map_or("ltr", |(_, lang)| direction_attr(lang.character_direction())),
        title: titles.iter().map(|(text, _)| text.as_str()).collect::<Vec<_>>().join(" · "),
        stylesheet_href: STYLESHEET_PATH,
        languages,
    }
}
