//! The search box of every HTML page: where `search.js` finds the engine, the locale's index and
//! the pages, and the localized words it shows.

use ladder_i18n::interface;
use serde::Serialize;

use super::{Text, ViewBuilder};
use crate::job::{SEARCH_ENGINE_PATH, SEARCH_INDEX_FILE, SEARCH_SCRIPT_PATH};

#[derive(Debug, Serialize)]
pub(crate) struct SearchBox {
    script_href: String,
    engine_href: String,
    index_href: String,
    /// From the page to its locale's directory: result paths are relative to it.
    root: &'static str,
    label: Text,
    /// "Results: {count}", for the script to fill in.
    results: Text,
    none: Text,
    error: Text,
    skill: Text,
    role: Text,
}

impl ViewBuilder<'_, '_> {
    /// The search box, which HTML pages show (one view serves both formats: Markdown ignores it).
    pub(crate) fn search_box(&mut self) -> Option<SearchBox> {
        let root = self.page.to_locale_root();
        Some(SearchBox {
            script_href: self.site.top_href(self.page, SEARCH_SCRIPT_PATH),
            engine_href: self.site.top_href(self.page, SEARCH_ENGINE_PATH),
            index_href: format!("{root}{SEARCH_INDEX_FILE}"),
            root,
            label: self.ui(interface::SEARCH_LABEL),
            results: self.ui_with(interface::SEARCH_RESULTS, &[("count", "{count}".into())]),
            none: self.ui(interface::SEARCH_NONE),
            error: self.ui(interface::SEARCH_ERROR),
            skill: self.ui(interface::TABLE_SKILL),
            role: self.ui(interface::TABLE_ROLE),
        })
    }
}
