//! The search box: where `search.js` finds the engine, the locale's index and the pages, and the
//! localized words it shows. Every locale's HTML pages have one; the language chooser and
//! `404.html`, which belong to no locale, have the one of the site's main language (see
//! [`main_locale`]).

use ladder_i18n::{FluentValue, Localized, Localizer, Problem, SOURCE_LOCALE, interface};
use serde::Serialize;

use super::{Text, ViewBuilder, direction_attr};
use crate::job::{SEARCH_ENGINE_PATH, SEARCH_INDEX_FILE, SEARCH_SCRIPT_PATH};
use crate::site::Site;

#[derive(Debug, Serialize)]
pub(crate) struct SearchBox {
    script_href: String,
    engine_href: String,
    index_href: String,
    /// From the page to its locale's directory: result paths are relative to it.
    root: String,
    /// The box's language and direction, on pages of no locale (the chooser, `404.html`).
    lang: Option<String>,
    dir: Option<&'static str>,
    label: Text,
    /// The result count, per plural category (`one`, `few`, …, `other`), the number written
    /// `{count}`; `search.js` picks the category with `Intl.PluralRules(results_plural)`.
    results: Vec<PluralVariant>,
    results_plural: String,
    none: Text,
    error: Text,
    skill: Text,
    role: Text,
}

#[derive(Debug, Serialize)]
pub(crate) struct PluralVariant {
    category: &'static str,
    text: String,
}

/// Where a search box's files are, seen from its page.
struct Hrefs {
    /// Prefix to the site's top (`../../`, `""`, or the base URL).
    top: String,
    /// Prefix to the locale's directory.
    root: String,
}

impl ViewBuilder<'_, '_> {
    /// The search box, which HTML pages show (one view serves both formats: Markdown ignores it).
    pub(crate) fn search_box(&mut self) -> Option<SearchBox> {
        // What the box shows, for the page's fingerprint; a plural count is formatted per
        // category, whatever the count.
        let plural = [("count", FluentValue::from("plural"))];
        let recorded = [
            self.record(interface::SEARCH_LABEL.id, None, &[]),
            self.record(interface::SEARCH_RESULTS.id, None, &plural),
            self.record(interface::SEARCH_NONE.id, None, &[]),
            self.record(interface::SEARCH_ERROR.id, None, &[]),
            self.record(interface::TABLE_SKILL.id, None, &[]),
            self.record(interface::TABLE_ROLE.id, None, &[]),
        ];
        if recorded.iter().any(|only_recording| *only_recording) {
            return None;
        }
        let site = self.site;
        let root = self.page.to_locale_root().to_owned();
        let top = site.top_href(self.page, "");
        let localizer = &site.localizers[self.locale];
        let mut problems = std::mem::take(&mut self.problems);
        let search = SearchBox::new(localizer, &Hrefs { top, root }, &mut problems, |localized| self.text(localized));
        self.problems.extend(problems);
        Some(search)
    }
}

impl SearchBox {
    fn new(
        localizer: &Localizer,
        hrefs: &Hrefs,
        problems: &mut Vec<Problem>,
        mut text: impl FnMut(&Localized<'_>) -> Text,
    ) -> SearchBox {
        let counts = localizer.plural_patterns(interface::SEARCH_RESULTS, problems);
        SearchBox {
            script_href: format!("{}{SEARCH_SCRIPT_PATH}", hrefs.top),
            engine_href: format!("{}{SEARCH_ENGINE_PATH}", hrefs.top),
            index_href: format!("{}{SEARCH_INDEX_FILE}", hrefs.root),
            root: hrefs.root.clone(),
            lang: None,
            dir: None,
            label: text(&localizer.interface(interface::SEARCH_LABEL, &[], problems)),
            results: counts
                .patterns
                .into_iter()
                .map(|(category, localized)| PluralVariant { category, text: localized.text.into_owned() })
                .collect(),
            results_plural: counts.rules.to_string(),
            none: text(&localizer.interface(interface::SEARCH_NONE, &[], problems)),
            error: text(&localizer.interface(interface::SEARCH_ERROR, &[], problems)),
            skill: text(&localizer.interface(interface::TABLE_SKILL, &[], problems)),
            role: text(&localizer.interface(interface::TABLE_ROLE, &[], problems)),
        }
    }
}

/// The locale a page of no locale (the chooser, `404.html`) speaks and searches: the source
/// language when the site has it, else its first locale. One index is all such a page can load
/// without the reader having said which language they read; the source is the complete one.
pub(crate) fn main_locale(site: &Site<'_>) -> Option<usize> {
    let localizers = site.localizers();
    localizers
        .iter()
        .position(|localizer| *localizer.locale() == SOURCE_LOCALE)
        .or((!localizers.is_empty()).then_some(0))
}

/// The search box of a page at the top of the site, in the main locale's language: `top` is the
/// prefix from the page to the top (`""`, or the base URL for `404.html`, which servers show at
/// any depth).
pub(crate) fn top_search_box(site: &Site<'_>, top: &str, problems: &mut Vec<Problem>) -> Option<SearchBox> {
    let locale = main_locale(site)?;
    let localizer = &site.localizers()[locale];
    let root = format!("{top}{}/", localizer.locale());
    let hrefs = Hrefs { top: top.to_owned(), root };
    let direction = localizer.direction();
    let mut search = SearchBox::new(localizer, &hrefs, problems, |localized| Text::from(localized, direction, ""));
    search.lang = Some(localizer.locale().to_string());
    search.dir = Some(direction_attr(direction));
    Some(search)
}
