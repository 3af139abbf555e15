//! View models: everything a template prints, looked up and formatted, so templates hold layout
//! and no logic beyond loops and conditions. One module per page kind; what they share is here.

mod chooser;
mod index;
mod role;
mod skill;

use ladder_i18n::{CharacterDirection, FluentArgs, Localized, Localizer, Problem, message_ids};
use ladder_model::Id;
use serde::Serialize;

use crate::job::{Format, Page, STYLESHEET_PATH};
use crate::site::Site;

pub(crate) use self::chooser::chooser;

/// Localized text, with its language when that differs from the page's (a fallback), and its
/// direction when that differs too (English inside an Arabic page), so HTML can mark both.
#[derive(Debug, Serialize)]
pub(crate) struct Text {
    text: String,
    lang: Option<String>,
    dir: Option<&'static str>,
}

impl Text {
    fn from(localized: Localized<'_>, page_direction: CharacterDirection) -> Text {
        let text_direction = localized.locale.character_direction();
        let dir = (localized.fell_back && text_direction != page_direction).then(|| direction_attr(text_direction));
        let lang = localized.fell_back.then(|| localized.locale.to_string());
        Text { text: localized.text.into_owned(), lang, dir }
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
    alternates: Vec<Alternate>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Alternate {
    lang: String,
    name: String,
    href: String,
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
    subject: Link,
    mandatory: bool,
    description: Text,
}

impl ViewBuilder<'_, '_> {
    fn localizer(&self) -> &Localizer {
        &self.site.localizers[self.locale]
    }

    /// A message's value: an interface string or a catalog name.
    fn ui(&mut self, id: &str) -> Text {
        self.lookup(id, None, None)
    }

    fn ui_with(&mut self, id: &str, args: &FluentArgs<'_>) -> Text {
        self.lookup(id, None, Some(args))
    }

    fn lookup(&mut self, id: &str, attribute: Option<&str>, args: Option<&FluentArgs<'_>>) -> Text {
        let localizer = &self.site.localizers[self.locale];
        let localized = match attribute {
            None => localizer.message(id, args, &mut self.problems),
            Some(attribute) => localizer.attribute(id, attribute, args, &mut self.problems),
        };
        Text::from(localized, localizer.direction())
    }

    fn count(&mut self, id: &str, count: usize) -> Text {
        let mut args = FluentArgs::new();
        args.set("count", count);
        self.ui_with(id, &args)
    }

    fn table_labels(&mut self, subject_id: &str) -> TableLabels {
        TableLabels {
            subject: self.ui(subject_id),
            mandatory: self.ui("ui-table-mandatory"),
            optional: self.ui("ui-table-optional"),
            description: self.ui("ui-table-description"),
        }
    }

    fn skill_summary(&mut self, skill: &Id) -> Text {
        self.lookup(&message_ids::skill(skill), Some(message_ids::SUMMARY), None)
    }

    fn chrome(&mut self) -> Chrome {
        let site = self.site;
        let alternates = (0..site.localizers.len())
            .map(|locale| Alternate {
                lang: site.localizers[locale].locale().to_string(),
                name: site.language_names[locale].clone(),
                href: site.href(self.page, locale, self.page, self.format),
                current: locale == self.locale,
            })
            .collect();
        Chrome {
            lang: self.localizer().locale().to_string(),
            dir: direction_attr(self.localizer().direction()),
            site_title: self.ui("ui-site-title"),
            skip_to_content: self.ui("ui-skip-to-content"),
            nav_index: self.ui("ui-nav-index"),
            nav_languages: self.ui("ui-nav-languages"),
            index_href: site.local_href(self.page, &Page::Index, self.format),
            stylesheet_href: site.top_href(self.page, STYLESHEET_PATH),
            alternates,
        }
    }
}
