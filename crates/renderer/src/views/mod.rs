//! View models: everything a template prints, looked up and formatted, so templates hold layout
//! and no logic beyond loops and conditions. One module per page kind; what they share is here.

mod assets;
mod chooser;
mod index;
mod moves;
mod overview;
mod role;
mod search;
mod skill;
mod status;

use ladder_i18n::interface::{self, InterfaceMessage};
use ladder_i18n::{CharacterDirection, FluentValue, LanguageIdentifier, Localized, Localizer, Problem, message_ids};
use ladder_model::{Id, Necessity};
use serde::Serialize;

use crate::job::{FAVICON_PATH, Format, Page, SCRIPT_PATH, STYLESHEET_PATH};
use crate::site::Site;

pub(crate) use self::assets::asset;
pub(crate) use self::chooser::chooser;

/// Localized text, with its language when that differs from the page's (a fallback), and its
/// direction when that differs too (English inside an Arabic page), so HTML can mark both; and,
/// when the translation may be out of date (`l10n.lock`), the hint that says so.
#[derive(Debug, Serialize)]
pub(crate) struct Text {
    text: String,
    lang: Option<String>,
    dir: Option<&'static str>,
    /// The text in pieces when some are in another language than the text itself (an Arabic
    /// role name inside an English fallback sentence); empty otherwise. HTML templates print
    /// them with the `marked` filter; Markdown prints `text`, the pieces joined.
    segments: Vec<TextSegment>,
    stale: bool,
    /// "This translation may be out of date", in the page's language, when `stale`.
    stale_hint: Option<String>,
}

/// A piece of a [`Text`], with its language and direction where they differ from the text's.
#[derive(Debug, Serialize)]
pub(crate) struct TextSegment {
    text: String,
    lang: Option<String>,
    dir: Option<&'static str>,
}

impl Text {
    fn from(localized: Localized<'_>, page_direction: CharacterDirection, stale_hint: &str) -> Text {
        let text_direction = localized.locale.character_direction();
        let dir = (localized.fell_back && text_direction != page_direction).then(|| direction_attr(text_direction));
        let lang = localized.fell_back.then(|| localized.locale.to_string());
        let segments = localized
            .segments
            .iter()
            .map(|segment| {
                let direction = segment.locale.character_direction();
                TextSegment {
                    text: segment.text.clone(),
                    lang: (&segment.locale != localized.locale).then(|| segment.locale.to_string()),
                    dir: (direction != text_direction).then(|| direction_attr(direction)),
                }
            })
            .collect();
        let stale_hint = localized.stale.then(|| stale_hint.to_owned());
        Text { text: localized.text.into_owned(), lang, dir, segments, stale: localized.stale, stale_hint }
    }

    /// Text in the source language on any page (the English of the translation status page).
    fn source(text: String, source: &LanguageIdentifier, page: &LanguageIdentifier) -> Text {
        let lang = (source != page).then(|| source.to_string());
        let dir = (source.character_direction() != page.character_direction())
            .then(|| direction_attr(source.character_direction()));
        Text { text, lang, dir, segments: Vec::new(), stale: false, stale_hint: None }
    }
}

fn direction_attr(direction: CharacterDirection) -> &'static str {
    match direction {
        CharacterDirection::RTL => "rtl",
        _ => "ltr",
    }
}

/// Builds one page's view, collecting translation problems on the way.
pub(crate) struct ViewBuilder<'s, 'a> {
    pub(crate) site: &'s Site<'a>,
    pub(crate) locale: usize,
    pub(crate) page: &'s Page,
    pub(crate) format: Format,
    pub(crate) problems: Vec<Problem>,
    /// The page's `ui-stale-hint`, looked up the first time a stale text needs it.
    pub(crate) stale_hint: Option<String>,
}

/// What every per-locale page has: language, navigation, links to the other languages.
#[derive(Debug, Serialize)]
pub(crate) struct Chrome {
    lang: String,
    dir: &'static str,
    site_title: Text,
    skip_to_content: Text,
    nav_index: Text,
    nav_languages: Text,
    index_href: String,
    stylesheet_href: String,
    favicon_href: String,
    /// The comparison script, on the pages that use it (skill pages).
    script_href: Option<String>,
    /// The meta description: catalog text where the page has some.
    description: Text,
    /// The page's absolute URL, when the base URL is known.
    canonical: Option<String>,
    /// The language chooser, for `hreflang="x-default"`.
    x_default_href: String,
    alternates: Vec<Alternate>,
    nav_breadcrumb: Text,
    /// From the index to this page, which comes last, without a link.
    breadcrumb: Vec<Crumb>,
    /// The search box (`views/search.rs`), on HTML pages.
    search: Option<self::search::SearchBox>,
}

/// A step of the breadcrumb trail; the current page has no `href`.
#[derive(Debug, Serialize)]
pub(crate) struct Crumb {
    name: Text,
    href: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Alternate {
    lang: String,
    name: String,
    href: String,
    /// The same page's absolute URL, for `hreflang`, when the base URL is known.
    absolute: Option<String>,
    current: bool,
}

#[derive(Debug, Serialize)]
pub(crate) struct Link {
    name: Text,
    href: String,
}

/// Column headers of a requirement table, and the hidden word for an optional row.
#[derive(Debug, Serialize)]
pub(crate) struct TableLabels {
    /// "Role" on skill pages, "Skill" on role pages.
    subject: Text,
    mandatory: Text,
    optional: Text,
    description: Text,
}

/// A row of a requirement table: a role (on skill pages) or a skill (on role pages).
#[derive(Debug, Serialize)]
pub(crate) struct RequirementRow {
    /// The role's or skill's id, for the comparison script.
    key: String,
    /// The requirement's anchor, built from ids (`<role-or-skill>--<level>`): the same in every
    /// locale.
    anchor: String,
    subject: Link,
    mandatory: bool,
    description: Text,
}

/// What changed between two levels, for the roles of a skill or the skills of a role.
#[derive(Debug, Serialize)]
pub(crate) struct Changes {
    heading: Text,
    items: Vec<ChangeItem>,
    /// Said when nothing but the descriptions changed.
    none: Option<Text>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ChangeItem {
    subject: Link,
    change: Text,
    /// `added`, `removed`, `mandatory` or `optional`, for styling.
    kind: &'static str,
}

/// How a requirement differs between two levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Change {
    Added,
    Removed,
    BecomesMandatory,
    BecomesOptional,
}

impl Change {
    fn kind(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Removed => "removed",
            Change::BecomesMandatory => "mandatory",
            Change::BecomesOptional => "optional",
        }
    }

    fn message(self) -> InterfaceMessage {
        match self {
            Change::Added => interface::CHANGE_ADDED,
            Change::Removed => interface::CHANGE_REMOVED,
            Change::BecomesMandatory => interface::CHANGE_MANDATORY,
            Change::BecomesOptional => interface::CHANGE_OPTIONAL,
        }
    }
}

/// The changes from `before` to `after` (each a list of ids with their necessity), in `after`'s
/// order, then what `before` had and `after` lacks. Description changes are not counted.
pub(crate) fn changes<'k>(before: &[(&'k Id, Necessity)], after: &[(&'k Id, Necessity)]) -> Vec<(&'k Id, Change)> {
    let mut found = Vec::new();
    for (id, necessity) in after {
        match before.iter().find(|(other, _)| other == id) {
            None => found.push((*id, Change::Added)),
            Some((_, old)) if old == necessity => {}
            Some(_) if *necessity == Necessity::Mandatory => found.push((*id, Change::BecomesMandatory)),
            Some(_) => found.push((*id, Change::BecomesOptional)),
        }
    }
    for (id, _) in before {
        if !after.iter().any(|(other, _)| other == id) {
            found.push((*id, Change::Removed));
        }
    }
    found
}

/// The id of a requirement's anchor: the same in every locale.
pub(crate) fn requirement_anchor(subject: &Id, level: &Id) -> String {
    format!("{subject}--{level}")
}

impl<'a> ViewBuilder<'_, 'a> {
    fn localizer(&self) -> &'a Localizer {
        &self.site.localizers[self.locale]
    }

    /// An interface message given no variables.
    fn ui(&mut self, message: InterfaceMessage) -> Text {
        self.ui_with(message, &[])
    }

    /// An interface message with its variables, as the interface table lists them.
    fn ui_with(&mut self, message: InterfaceMessage, variables: &[(&str, FluentValue<'_>)]) -> Text {
        let localizer = &self.site.localizers[self.locale];
        let localized = localizer.interface(message, variables, &mut self.problems);
        self.text(localized)
    }

    /// An interface message some of whose variables are localized text (names, a date), which
    /// may be in other languages than the message: the result marks each piece with its own.
    fn ui_with_texts(&mut self, message: InterfaceMessage, texts: &[(&str, &Localized<'_>)]) -> Text {
        let localizer = &self.site.localizers[self.locale];
        let localized = localizer.interface_with(message, &[], texts, &mut self.problems);
        self.text(localized)
    }

    /// A catalog message (`message_ids`): a name or description, given no variables.
    fn catalog(&mut self, id: &str) -> Text {
        let localizer = &self.site.localizers[self.locale];
        let localized = localizer.message(id, &mut self.problems);
        self.text(localized)
    }

    /// A lookup's text as a view shows it, with the stale hint if it may be out of date.
    fn text(&mut self, localized: Localized<'_>) -> Text {
        let localizer = &self.site.localizers[self.locale];
        if localized.stale && self.stale_hint.is_none() {
            let hint = localizer.interface(interface::STALE_HINT, &[], &mut self.problems).text.into_owned();
            self.stale_hint = Some(hint);
        }
        Text::from(localized, localizer.direction(), self.stale_hint.as_deref().unwrap_or_default())
    }

    /// A catalog message as looked up, to be given to an interface message as text.
    fn catalog_localized(&mut self, id: &str) -> Localized<'a> {
        let localizers: &'a [Localizer] = self.site.localizers;
        localizers[self.locale].message(id, &mut self.problems)
    }

    /// An interface message given `$count`.
    fn count(&mut self, message: InterfaceMessage, count: usize) -> Text {
        self.ui_with(message, &[("count", count.into())])
    }

    fn table_labels(&mut self, subject: InterfaceMessage) -> TableLabels {
        TableLabels {
            subject: self.ui(subject),
            mandatory: self.ui(interface::TABLE_MANDATORY),
            optional: self.ui(interface::TABLE_OPTIONAL),
            description: self.ui(interface::TABLE_DESCRIPTION),
        }
    }

    /// The "changes from the previous level" block: each item links to `href(id)`.
    fn change_list(
        &mut self,
        heading: Text,
        found: &[(&Id, Change)],
        name: impl Fn(&Id) -> String,
        href: impl Fn(&Id) -> String,
    ) -> Changes {
        let items: Vec<ChangeItem> = found
            .iter()
            .map(|(id, change)| ChangeItem {
                subject: Link { name: self.catalog(&name(id)), href: href(id) },
                change: self.ui(change.message()),
                kind: change.kind(),
            })
            .collect();
        let none = items.is_empty().then(|| self.ui(interface::CHANGES_NONE));
        Changes { heading, items, none }
    }

    fn skill_summary(&mut self, skill: &Id) -> Text {
        let localizer = &self.site.localizers[self.locale];
        let summary = localizer.attribute(&message_ids::skill(skill), message_ids::SUMMARY, &mut self.problems);
        self.text(summary)
    }

    /// What every page has. `description` is its meta description; `trail` the breadcrumb steps
    /// between the index and the page itself (`title`).
    fn chrome(&mut self, description: Text, trail: Vec<Crumb>, title: Text) -> Chrome {
        let site = self.site;
        let alternates = (0..site.localizers.len())
            .map(|locale| {
                // The source language has no translation status page: its index stands in.
                let target = if *self.page == Page::TranslationStatus && site.localizers[locale].chain().len() == 1 {
                    &Page::Index
                } else {
                    self.page
                };
                Alternate {
                    lang: site.localizers[locale].locale().to_string(),
                    name: site.language_names[locale].clone(),
                    href: site.href(self.page, locale, target, self.format),
                    absolute: site.absolute(&site.page_path(locale, target, self.format)),
                    current: locale == self.locale,
                }
            })
            .collect();
        let nav_index = self.ui(interface::NAV_INDEX);
        let mut breadcrumb = Vec::new();
        if *self.page != Page::Index {
            let index_href = site.local_href(self.page, &Page::Index, self.format);
            breadcrumb.push(Crumb { name: self.ui(interface::NAV_INDEX), href: Some(index_href) });
        }
        breadcrumb.extend(trail);
        breadcrumb.push(Crumb { name: title, href: None });
        Chrome {
            lang: self.localizer().locale().to_string(),
            dir: direction_attr(self.localizer().direction()),
            site_title: self.ui(interface::SITE_TITLE),
            skip_to_content: self.ui(interface::SKIP_TO_CONTENT),
            nav_index,
            nav_languages: self.ui(interface::NAV_LANGUAGES),
            index_href: site.local_href(self.page, &Page::Index, self.format),
            stylesheet_href: site.top_href(self.page, STYLESHEET_PATH),
            favicon_href: site.top_href(self.page, FAVICON_PATH),
            script_href: matches!(self.page, Page::Skill(_)).then(|| site.top_href(self.page, SCRIPT_PATH)),
            description,
            canonical: site.absolute(&site.page_path(self.locale, self.page, self.format)),
            x_default_href: site.absolute("index.html").unwrap_or_else(|| site.top_href(self.page, "index.html")),
            alternates,
            nav_breadcrumb: self.ui(interface::NAV_BREADCRUMB),
            breadcrumb,
            search: self.search_box(),
        }
    }
}
