//! View models: everything a template prints, looked up and formatted, so templates hold layout
//! and no logic beyond loops and conditions. One module per page kind; what they share is here.

mod assets;
mod chooser;
mod href;
mod index;
mod moves;
mod moves_data;
mod overview;
mod role;
mod role_moves;
mod search;
mod skill;
mod status;

use ladder_i18n::interface::{self, InterfaceMessage};
use ladder_i18n::{
    CharacterDirection, FluentValue, LanguageIdentifier, Localized, Localizer, PluralPatterns, Problem, message_ids,
};
use ladder_model::{Id, Necessity};
use std::sync::{Arc, LazyLock};

use minijinja::Value;
use minijinja::value::{Enumerator, Object};
use serde::Serialize;
use std::io::Write as _;

use crate::job::{FAVICON_PATH, MOVES_DATA_FILE, MOVES_SCRIPT_PATH, Page, SCRIPT_PATH, STYLESHEET_PATH};
use crate::site::Site;
use crate::templates;

pub(crate) use self::assets::asset;
pub(crate) use self::chooser::chooser;
pub(crate) use self::href::{Href, HrefObject};
pub use self::moves_data::GLOBAL as MOVES_GLOBAL;

/// Localized text, with its language when that differs from the page's (a fallback), and its
/// direction when that differs too (English inside an Arabic page), so HTML can mark both; and,
/// when the translation may be out of date (`l10n.lock`), the hint that says so.
///
/// Templates see a [`TextObject`]: a minijinja object made once, when the view is built, whose
/// attributes are values already (no serialization, no copy per access) and which carries what
/// the `lang_attr` filter prints for it.
#[derive(Debug)]
pub(crate) struct Text(Value);

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Inside `Value::from_serialize`, minijinja passes a value through as it is.
        self.0.serialize(serializer)
    }
}

/// What templates see of a [`Text`]: `text`, `lang`, `dir`, `segments`, `stale`, `stale_hint`.
#[derive(Debug)]
pub(crate) struct TextObject {
    text: Value,
    lang: Value,
    dir: Value,
    /// The text in pieces when some are in another language than the text itself (an Arabic
    /// role name inside an English fallback sentence); empty otherwise. HTML templates print
    /// them with the `marked` filter; Markdown prints `text`, the pieces joined.
    segments: Value,
    has_segments: bool,
    stale: bool,
    /// "This translation may be out of date", in the page's language, when `stale`.
    stale_hint: Value,
    /// What `lang_attr` prints for this text.
    attributes: Value,
}

const TEXT_FIELDS: &[&str] = &["text", "lang", "dir", "segments", "stale", "stale_hint"];

impl Object for TextObject {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        self.get_value_by_str(key.as_str()?)
    }

    fn get_value_by_str(self: &Arc<Self>, key: &str) -> Option<Value> {
        Some(match key {
            "text" => self.text.clone(),
            "lang" => self.lang.clone(),
            "dir" => self.dir.clone(),
            "segments" => self.segments.clone(),
            "stale" => Value::from(self.stale),
            "stale_hint" => self.stale_hint.clone(),
            _ => return None,
        })
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Str(TEXT_FIELDS)
    }
}

impl TextObject {
    /// What the `lang_attr` filter prints for this text.
    pub(crate) fn attributes(&self) -> &Value {
        &self.attributes
    }

    /// What the `marked` filter prints when the text is in one language, else `None`.
    pub(crate) fn unmarked(&self) -> Option<&Value> {
        (!self.has_segments).then_some(&self.text)
    }
}

/// A piece of a [`Text`], with its language and direction where they differ from the text's.
#[derive(Debug, Serialize)]
pub(crate) struct TextSegment {
    text: String,
    lang: Option<String>,
    dir: Option<&'static str>,
}

impl Text {
    /// The plain text, for what is derived from it (a Markdown heading's anchor).
    pub(crate) fn plain(&self) -> String {
        self.0.get_attr("text").ok().and_then(|text| text.as_str().map(str::to_owned)).unwrap_or_default()
    }

    fn new(
        text: &str,
        lang: Option<String>,
        dir: Option<&'static str>,
        segments: &[TextSegment],
        stale_hint: Option<&str>,
    ) -> Text {
        static NO_SEGMENTS: LazyLock<Value> = LazyLock::new(|| Value::from(Vec::<Value>::new()));
        let attributes = templates::lang_attributes(lang.as_deref(), dir, stale_hint);
        let segments_value = if segments.is_empty() { NO_SEGMENTS.clone() } else { Value::from_serialize(segments) };
        Text(Value::from_object(TextObject {
            text: Value::from(text),
            lang: lang.map_or(Value::from(()), Value::from),
            dir: dir.map_or(Value::from(()), Value::from),
            segments: segments_value,
            has_segments: !segments.is_empty(),
            stale: stale_hint.is_some(),
            stale_hint: stale_hint.map_or(Value::from(()), Value::from),
            attributes,
        }))
    }

    fn from(localized: &Localized<'_>, page_direction: CharacterDirection, stale_hint: &str) -> Text {
        let text_direction = localized.locale.character_direction();
        let dir = (localized.fell_back && text_direction != page_direction).then(|| direction_attr(text_direction));
        let lang = localized.fell_back.then(|| localized.locale.to_string());
        let segments: Vec<TextSegment> = localized
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
        Text::new(&localized.text, lang, dir, &segments, localized.stale.then_some(stale_hint))
    }

    /// Text in the source language on any page (the English of the translation status page).
    fn source(text: &str, source: &LanguageIdentifier, page: &LanguageIdentifier) -> Text {
        let lang = (source != page).then(|| source.to_string());
        let dir = (source.character_direction() != page.character_direction())
            .then(|| direction_attr(source.character_direction()));
        Text::new(text, lang, dir, &[], None)
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
    pub(crate) problems: Vec<Problem>,
    /// The page's `ui-stale-hint`, looked up the first time a stale text needs it.
    pub(crate) stale_hint: Option<String>,
    /// What every lookup depends on ([`Localizer::fingerprint`]) and its variables, in order:
    /// the page's fingerprint. The same code walks the page whether it renders or only records,
    /// so the fingerprint covers every message the page shows.
    deps: Option<Vec<u8>>,
    /// The ids looked up, as [`ladder_i18n::key_hash`]es, when asked for
    /// ([`ViewBuilder::recording_ids`]).
    ids: Option<Vec<u64>>,
    /// Whether a definition looked up may refer to other messages or terms.
    refers: bool,
    mode: Mode,
}

/// What a [`ViewBuilder`] does with each lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Formats it for the view, and records what it depends on.
    RenderAndRecord,
    /// Only records what it depends on, and gives empty text: for a fingerprint without a render.
    Record,
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
    index_href: Href,
    stylesheet_href: String,
    favicon_href: String,
    /// The page's own scripts, in order: the level comparison on skill pages; the moves data and
    /// the script that builds a move from it on the moves page.
    scripts: Vec<String>,
    /// The meta description: catalog text where the page has some.
    description: Text,
    /// The page's absolute URL, when the base URL is known.
    canonical: Option<Href>,
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
    href: Option<Href>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Alternate {
    lang: String,
    name: String,
    href: Href,
    /// The same page's absolute URL, for `hreflang`, when the base URL is known.
    absolute: Option<Href>,
    current: bool,
}

#[derive(Debug, Serialize)]
pub(crate) struct Link {
    name: Text,
    href: Href,
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

impl<'s, 'a> ViewBuilder<'s, 'a> {
    fn localizer(&self) -> &'a Localizer {
        &self.site.localizers[self.locale]
    }

    /// An interface message given no variables.
    fn ui(&mut self, message: InterfaceMessage) -> Text {
        self.ui_with(message, &[])
    }

    pub(crate) fn new(site: &'s Site<'a>, locale: usize, page: &'s Page, mode: Mode) -> Self {
        ViewBuilder {
            site,
            locale,
            page,
            problems: Vec::new(),
            stale_hint: None,
            deps: Some(Vec::with_capacity(if mode == Mode::Record { 4096 } else { 1024 })),
            ids: None,
            refers: false,
            mode,
        }
    }

    /// Also keeps the id of every lookup, for [`ViewBuilder::finish_ids`].
    pub(crate) fn recording_ids(mut self) -> Self {
        self.ids = Some(Vec::new());
        self
    }

    /// The ids looked up, sorted, each once; after [`ViewBuilder::finish_deps`], with the stale
    /// hint it records.
    pub(crate) fn take_ids(&mut self) -> Vec<u64> {
        let mut ids = self.ids.take().unwrap_or_default();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Whether a definition looked up so far may refer to other messages or terms.
    pub(crate) fn refers(&self) -> bool {
        self.refers
    }

    /// Records a lookup of `id` (and its variables); true if only recording (no text wanted).
    fn record(&mut self, id: &str, attribute: Option<&str>, variables: &[(&str, FluentValue<'_>)]) -> bool {
        let Some(deps) = &mut self.deps else { return false };
        self.refers |= self.site.localizers[self.locale].fingerprint(id, attribute, deps);
        if let Some(ids) = &mut self.ids {
            ids.push(ladder_i18n::key_hash(id));
        }
        for (name, value) in variables {
            let _ = write!(deps, "{name}={value:?};");
        }
        self.mode == Mode::Record
    }

    /// A link to a page of the same locale; nothing when only recording (links are made of the
    /// catalog structure, which the fingerprint holds already).
    fn local_href(&self, to: &Page) -> Href {
        match self.mode {
            Mode::Record => Href::default(),
            Mode::RenderAndRecord => self.site.local_href(self.page, to),
        }
    }

    /// The dependencies recorded, once the view is built.
    pub(crate) fn finish_deps(&mut self) -> Option<Vec<u8>> {
        // A stale text on the page brings the stale hint along, looked up outside `record`.
        self.record(interface::STALE_HINT.id, None, &[]);
        self.deps.take()
    }

    /// What a lookup gives in fingerprint mode: nothing, in the page's language.
    fn empty(&self) -> Localized<'a> {
        let localizers: &'a [Localizer] = self.site.localizers;
        let locale = localizers[self.locale].locale();
        Localized { text: "".into(), locale, fell_back: false, segments: Vec::new(), stale: false }
    }

    /// An interface message with its variables, as the interface table lists them.
    fn ui_with(&mut self, message: InterfaceMessage, variables: &[(&str, FluentValue<'_>)]) -> Text {
        if self.record(message.id, None, variables) {
            return self.text(&self.empty());
        }
        let localizer = &self.site.localizers[self.locale];
        let localized = localizer.interface(message, variables, &mut self.problems);
        self.text(&localized)
    }

    /// An interface message some of whose variables are localized text (names, a date), which
    /// may be in other languages than the message: the result marks each piece with its own.
    fn ui_with_texts(&mut self, message: InterfaceMessage, texts: &[(&str, &Localized<'_>)]) -> Text {
        // The texts' own dependencies were recorded when they were looked up.
        if self.record(message.id, None, &[]) {
            return self.text(&self.empty());
        }
        let localizer = &self.site.localizers[self.locale];
        let localized = localizer.interface_with(message, &[], texts, &mut self.problems);
        self.text(&localized)
    }

    /// An interface message as looked up, for data rather than a template.
    fn ui_localized(&mut self, message: InterfaceMessage, variables: &[(&str, FluentValue<'_>)]) -> Localized<'a> {
        if self.record(message.id, None, variables) {
            return self.empty();
        }
        let localizers: &'a [Localizer] = self.site.localizers;
        localizers[self.locale].interface(message, variables, &mut self.problems)
    }

    /// A plural interface message as patterns for a script to fill in ([`PluralPatterns`]).
    fn plural_patterns(&mut self, message: InterfaceMessage) -> PluralPatterns<'a> {
        // The sample counts depend on the locale only, which the fingerprint holds already.
        if self.record(message.id, None, &[("count", "plural patterns".into())]) {
            return PluralPatterns { rules: self.localizer().locale().clone(), patterns: Vec::new() };
        }
        let localizers: &'a [Localizer] = self.site.localizers;
        localizers[self.locale].plural_patterns(message, &mut self.problems)
    }

    /// A catalog message (`message_ids`): a name or description, given no variables.
    fn catalog(&mut self, id: &str) -> Text {
        if self.record(id, None, &[]) {
            return self.text(&self.empty());
        }
        let localizer = &self.site.localizers[self.locale];
        let localized = localizer.message(id, &mut self.problems);
        self.text(&localized)
    }

    /// A lookup's text as a view shows it, with the stale hint if it may be out of date.
    fn text(&mut self, localized: &Localized<'_>) -> Text {
        let localizer = &self.site.localizers[self.locale];
        if localized.stale && self.stale_hint.is_none() {
            let hint = localizer.interface(interface::STALE_HINT, &[], &mut self.problems).text.into_owned();
            self.stale_hint = Some(hint);
        }
        Text::from(localized, localizer.direction(), self.stale_hint.as_deref().unwrap_or_default())
    }

    /// A catalog message as looked up, to be given to an interface message as text.
    fn catalog_localized(&mut self, id: &str) -> Localized<'a> {
        if self.record(id, None, &[]) {
            return self.empty();
        }
        let localizers: &'a [Localizer] = self.site.localizers;
        localizers[self.locale].message(id, &mut self.problems)
    }

    /// A date as the page's locale writes it.
    fn date(&mut self, date: ladder_model::Date) -> Localized<'a> {
        let variables = [
            ("year", FluentValue::from(date.year())),
            ("month", FluentValue::from(date.month())),
            ("day", FluentValue::from(date.day())),
        ];
        if self.record(interface::DATE.id, None, &variables) {
            return self.empty();
        }
        let localizers: &'a [Localizer] = self.site.localizers;
        localizers[self.locale].date(date, &mut self.problems)
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
        href: impl Fn(&Id) -> Href,
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

    /// Every role's name, linking to its page, in catalog order (the index, the overview).
    fn role_links(&mut self) -> Vec<Link> {
        let (site, page) = (self.site, self.page);
        site.catalog
            .roles()
            .iter()
            .map(|role| Link {
                name: self.catalog(&message_ids::role(role)),
                href: site.local_href(page, &Page::Role(role.clone())),
            })
            .collect()
    }

    fn skill_summary(&mut self, skill: &Id) -> Text {
        let id = message_ids::skill(skill);
        if self.record(&id, Some(message_ids::SUMMARY), &[]) {
            return self.text(&self.empty());
        }
        let localizer = &self.site.localizers[self.locale];
        let summary = localizer.attribute(&id, message_ids::SUMMARY, &mut self.problems);
        self.text(&summary)
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
                    href: site.href(self.page, locale, target),
                    absolute: site.absolute_href(locale, target),
                    current: locale == self.locale,
                }
            })
            .collect();
        let nav_index = self.ui(interface::NAV_INDEX);
        let mut breadcrumb = Vec::new();
        if *self.page != Page::Index {
            let index_href = site.local_href(self.page, &Page::Index);
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
            index_href: site.local_href(self.page, &Page::Index),
            stylesheet_href: site.top_href(self.page, STYLESHEET_PATH),
            favicon_href: site.top_href(self.page, FAVICON_PATH),
            scripts: match self.page {
                Page::Skill(_) => vec![site.top_href(self.page, SCRIPT_PATH)],
                Page::Moves => vec![
                    format!("{}{MOVES_DATA_FILE}", self.page.to_locale_root()),
                    site.top_href(self.page, MOVES_SCRIPT_PATH),
                ],
                _ => Vec::new(),
            },
            description,
            canonical: site.absolute_href(self.locale, self.page),
            x_default_href: site.absolute("index.html").unwrap_or_else(|| site.top_href(self.page, "index.html")),
            alternates,
            nav_breadcrumb: self.ui(interface::NAV_BREADCRUMB),
            breadcrumb,
            search: self.search_box(),
        }
    }
}
