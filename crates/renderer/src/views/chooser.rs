//! The language chooser at the top of the output: each language's name and strings in itself.

use ladder_i18n::{Problem, interface};
use serde::Serialize;

use super::direction_attr;
use crate::job::{Page, STYLESHEET_PATH};
use crate::site::Site;

/// The language chooser at the top of the output.
#[derive(Debug, Serialize)]
pub(crate) struct ChooserView {
    lang: String,
    title: String,
    stylesheet_href: &'static str,
    languages: Vec<ChooserLanguage>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ChooserLanguage {
    lang: String,
    dir: &'static str,
    name: String,
    site_title: String,
    choose: String,
    href: String,
}

/// The language chooser's view, with each language's strings in that language.
pub(crate) fn chooser(site: &Site<'_>, problems: &mut Vec<Problem>) -> ChooserView {
    let languages: Vec<ChooserLanguage> = site
        .localizers
        .iter()
        .zip(&site.language_names)
        .map(|(localizer, name)| ChooserLanguage {
            lang: localizer.locale().to_string(),
            dir: direction_attr(localizer.direction()),
            name: name.clone(),
            site_title: localizer.interface(interface::SITE_TITLE, &[], problems).text.into_owned(),
            choose: localizer.interface(interface::CHOOSE_LANGUAGE, &[], problems).text.into_owned(),
            href: format!("{}/{}.html", localizer.locale(), Page::Index.stem()),
        })
        .collect();
    let mut titles: Vec<&str> = languages.iter().map(|l| l.site_title.as_str()).collect();
    titles.dedup();
    ChooserView {
        lang: site.localizers.first().map_or("en".to_owned(), |l| l.locale().to_string()),
        title: titles.join(" · "),
        stylesheet_href: STYLESHEET_PATH,
        languages,
    }
}
