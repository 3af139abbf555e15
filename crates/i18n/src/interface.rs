//! The one table of interface messages: every string of a page that is not catalog content.
//!
//! Each entry names a message of `locales/en/ui.ftl`, the variables the product gives it, and
//! whether it selects on a number with plural categories (`[one]`, `*[other]`). Views refer to
//! the constants ([`SKILL_ROLES`], …), so a misspelt id does not compile, and
//! [`crate::Localizer::interface`] checks the arguments it is given against the entry, so views and
//! [`crate::Locales::validate`] cannot disagree about what a translation may use. Catalog messages
//! (`message_ids`) are given no variables.

/// An interface message: its id, the variables it is given and whether it selects a plural form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct InterfaceMessage {
    pub id: &'static str,
    /// The names of the variables passed to it, without `$`.
    pub variables: &'static [&'static str],
    /// True when translations are expected to select a plural form on a number
    /// (`{ $count -> [one] … *[other] … }`).
    pub plural: bool,
}

const fn message(id: &'static str, variables: &'static [&'static str], plural: bool) -> InterfaceMessage {
    InterfaceMessage { id, variables, plural }
}

/// The language's own name, for the language chooser.
pub const LANGUAGE_NAME: InterfaceMessage = message("language-name", &[], false);
/// A date. `$month` (1 to 12) is matched by exact number, not by plural category.
pub const DATE: InterfaceMessage = message("ui-date", &["year", "month", "day"], false);
pub const SITE_TITLE: InterfaceMessage = message("ui-site-title", &[], false);
pub const SKIP_TO_CONTENT: InterfaceMessage = message("ui-skip-to-content", &[], false);
pub const NAV_INDEX: InterfaceMessage = message("ui-nav-index", &[], false);
pub const NAV_LANGUAGES: InterfaceMessage = message("ui-nav-languages", &[], false);
pub const CHOOSE_LANGUAGE: InterfaceMessage = message("ui-choose-language", &[], false);
pub const SKILL_DOMAIN: InterfaceMessage = message("ui-skill-domain", &[], false);
pub const SKILL_PROFILE: InterfaceMessage = message("ui-skill-profile", &[], false);
pub const SKILL_ROLES: InterfaceMessage = message("ui-skill-roles", &["count"], true);
pub const SKILL_ROLES_NOTE: InterfaceMessage = message("ui-skill-roles-note", &[], false);
pub const SKILL_LEVELS: InterfaceMessage = message("ui-skill-levels", &["count"], true);
pub const SKILL_LEVELS_NOTE: InterfaceMessage = message("ui-skill-levels-note", &[], false);
pub const SKILL_MANDATORY: InterfaceMessage = message("ui-skill-mandatory", &["count"], true);
pub const SKILL_OPTIONAL_REST: InterfaceMessage = message("ui-skill-optional-rest", &["count"], true);
/// `$date` is already formatted by [`DATE`].
pub const SKILL_UPDATED: InterfaceMessage = message("ui-skill-updated", &["date"], false);
pub const LEVEL_SELECTOR: InterfaceMessage = message("ui-level-selector", &[], false);
pub const LEVEL_ALL: InterfaceMessage = message("ui-level-all", &[], false);
pub const LEVEL_GROWTH: InterfaceMessage = message("ui-level-growth", &["first", "last"], false);
pub const TABLE_ROLE: InterfaceMessage = message("ui-table-role", &[], false);
pub const TABLE_MANDATORY: InterfaceMessage = message("ui-table-mandatory", &[], false);
pub const TABLE_DESCRIPTION: InterfaceMessage = message("ui-table-description", &[], false);
pub const TABLE_OPTIONAL: InterfaceMessage = message("ui-table-optional", &[], false);
pub const TABLE_CAPTION: InterfaceMessage = message("ui-table-caption", &["skill", "level"], false);
pub const ROLE_TITLE: InterfaceMessage = message("ui-role-title", &["role"], false);
pub const ROLE_INTRO: InterfaceMessage = message("ui-role-intro", &[], false);
pub const ROLE_LEVEL_SUMMARY: InterfaceMessage = message("ui-role-level-summary", &["mandatory", "optional"], false);
pub const ROLE_NO_SKILLS: InterfaceMessage = message("ui-role-no-skills", &[], false);
pub const TABLE_SKILL: InterfaceMessage = message("ui-table-skill", &[], false);
pub const INDEX_TITLE: InterfaceMessage = message("ui-index-title", &[], false);
pub const INDEX_SKILLS: InterfaceMessage = message("ui-index-skills", &[], false);
pub const INDEX_SKILL_COUNT: InterfaceMessage = message("ui-index-skill-count", &["count"], true);
pub const INDEX_ROLES: InterfaceMessage = message("ui-index-roles", &[], false);
/// The `title` of text whose translation was made from English that changed since.
pub const STALE_HINT: InterfaceMessage = message("ui-stale-hint", &[], false);
/// The translation status page's title, and the link to it in the index's footer.
pub const STATUS_TITLE: InterfaceMessage = message("ui-status-title", &[], false);
/// `$translated` of `$total` texts translated, `$fallback` shown in English.
pub const STATUS_SUMMARY: InterfaceMessage = message("ui-status-summary", &["translated", "total", "fallback"], true);
pub const STATUS_BY_KIND: InterfaceMessage = message("ui-status-by-kind", &[], false);
pub const STATUS_BY_FILE: InterfaceMessage = message("ui-status-by-file", &[], false);
pub const STATUS_KIND: InterfaceMessage = message("ui-status-kind", &[], false);
pub const STATUS_FILE: InterfaceMessage = message("ui-status-file", &[], false);
pub const STATUS_TOTAL: InterfaceMessage = message("ui-status-total", &[], false);
pub const STATUS_TRANSLATED: InterfaceMessage = message("ui-status-translated", &[], false);
pub const STATUS_FALLBACK: InterfaceMessage = message("ui-status-fallback", &[], false);
pub const STATUS_STALE: InterfaceMessage = message("ui-status-stale", &[], false);
pub const STATUS_UNREVIEWED: InterfaceMessage = message("ui-status-unreviewed", &[], false);
pub const STATUS_OBSOLETE: InterfaceMessage = message("ui-status-obsolete", &[], false);
pub const STATUS_KIND_INTERFACE: InterfaceMessage = message("ui-status-kind-interface", &[], false);
pub const STATUS_KIND_NAMES: InterfaceMessage = message("ui-status-kind-names", &[], false);
pub const STATUS_KIND_SKILL_NAMES: InterfaceMessage = message("ui-status-kind-skill-names", &[], false);
pub const STATUS_KIND_SUMMARIES: InterfaceMessage = message("ui-status-kind-summaries", &[], false);
pub const STATUS_KIND_DESCRIPTIONS: InterfaceMessage = message("ui-status-kind-descriptions", &[], false);
pub const STATUS_KIND_OTHER: InterfaceMessage = message("ui-status-kind-other", &[], false);
/// Heading of the list of what to translate next. `$count`: how many texts are left in all.
pub const STATUS_NEXT: InterfaceMessage = message("ui-status-next", &["count"], true);
pub const STATUS_NOTHING_LEFT: InterfaceMessage = message("ui-status-nothing-left", &[], false);
pub const STATUS_STALE_HEADING: InterfaceMessage = message("ui-status-stale-heading", &[], false);
pub const STATUS_NONE_STALE: InterfaceMessage = message("ui-status-none-stale", &[], false);
pub const STATUS_MESSAGE: InterfaceMessage = message("ui-status-message", &[], false);
pub const STATUS_WAS: InterfaceMessage = message("ui-status-was", &[], false);
pub const STATUS_NOW: InterfaceMessage = message("ui-status-now", &[], false);
/// Column headers of the CSV and XLSX exports that no page has.
pub const EXPORT_GROUP: InterfaceMessage = message("ui-export-group", &[], false);
pub const EXPORT_LEVEL: InterfaceMessage = message("ui-export-level", &[], false);
pub const EXPORT_NECESSITY: InterfaceMessage = message("ui-export-necessity", &[], false);

/// The meta description of a locale's index.
pub const INDEX_DESCRIPTION: InterfaceMessage = message("ui-index-description", &[], false);
/// The meta description of a role's page. `$role`: the role's name.
pub const ROLE_DESCRIPTION: InterfaceMessage = message("ui-role-description", &["role"], false);
/// The label of the breadcrumb trail.
pub const NAV_BREADCRUMB: InterfaceMessage = message("ui-nav-breadcrumb", &[], false);
pub const NOT_FOUND_TITLE: InterfaceMessage = message("ui-not-found-title", &[], false);
pub const NOT_FOUND_TEXT: InterfaceMessage = message("ui-not-found-text", &[], false);
/// The growth line of a skill needed at one level only. `$level`: its name.
pub const LEVEL_SINGLE: InterfaceMessage = message("ui-level-single", &["level"], false);
pub const COMPARE_FROM: InterfaceMessage = message("ui-compare-from", &[], false);
pub const COMPARE_TO: InterfaceMessage = message("ui-compare-to", &[], false);
pub const COMPARE_HEADING: InterfaceMessage = message("ui-compare-heading", &[], false);
pub const COMPARE_CHANGE: InterfaceMessage = message("ui-compare-change", &[], false);
pub const COMPARE_ABSENT: InterfaceMessage = message("ui-compare-absent", &[], false);
pub const CHANGE_ADDED: InterfaceMessage = message("ui-change-added", &[], false);
pub const CHANGE_REMOVED: InterfaceMessage = message("ui-change-removed", &[], false);
pub const CHANGE_MANDATORY: InterfaceMessage = message("ui-change-mandatory", &[], false);
pub const CHANGE_OPTIONAL: InterfaceMessage = message("ui-change-optional", &[], false);
pub const CHANGE_TEXT: InterfaceMessage = message("ui-change-text", &[], false);
pub const CHANGE_NONE: InterfaceMessage = message("ui-change-none", &[], false);
/// Heading of what changed since the previous level. `$level`: the previous level's name.
pub const CHANGES_FROM: InterfaceMessage = message("ui-changes-from", &["level"], false);
pub const CHANGES_NONE: InterfaceMessage = message("ui-changes-none", &[], false);
/// Heading of what changes at the next level of a role. `$level`: the next level's name.
pub const ROLE_NEXT: InterfaceMessage = message("ui-role-next", &["level"], false);
pub const OVERVIEW_TITLE: InterfaceMessage = message("ui-overview-title", &[], false);
pub const OVERVIEW_INTRO: InterfaceMessage = message("ui-overview-intro", &[], false);
/// `$level`: the first level at which the role needs the skill as mandatory.
pub const MATRIX_MANDATORY_FROM: InterfaceMessage = message("ui-matrix-mandatory-from", &["level"], false);
/// `$level`: the first level at which the role lists the skill as optional.
pub const MATRIX_OPTIONAL_FROM: InterfaceMessage = message("ui-matrix-optional-from", &["level"], false);
pub const MATRIX_TOTALS: InterfaceMessage = message("ui-matrix-totals", &[], false);

/// The label of the search box on every HTML page.
pub const SEARCH_LABEL: InterfaceMessage = message("ui-search-label", &[], false);
/// How many skills and roles a search found. `$count` (at least 1) selects a plural form: the
/// page gets the message formatted for each plural category of its language, and its script picks
/// the one `Intl.PluralRules` gives for the count.
pub const SEARCH_RESULTS: InterfaceMessage = message("ui-search-results", &["count"], true);
pub const SEARCH_NONE: InterfaceMessage = message("ui-search-none", &[], false);
/// Said when the search index could not be loaded.
pub const SEARCH_ERROR: InterfaceMessage = message("ui-search-error", &[], false);
/// The moves page (`moves.html`): its title, and the link to it from the index.
pub const MOVES_PAGE_TITLE: InterfaceMessage = message("ui-moves-page-title", &[], false);
/// Under the moves page's title, and its meta description.
pub const MOVES_PAGE_INTRO: InterfaceMessage = message("ui-moves-page-intro", &[], false);
/// The legend of the moves page's two lists.
pub const MOVES_CHOOSE: InterfaceMessage = message("ui-moves-choose", &[], false);
/// The label of the list of where a move starts.
pub const MOVES_FROM: InterfaceMessage = message("ui-moves-from", &[], false);
/// The label of the list of where a move ends.
pub const MOVES_TO: InterfaceMessage = message("ui-moves-to", &[], false);
/// An entry of both lists. `$role`: a role's name; `$level`: a level's name.
pub const MOVES_POSITION: InterfaceMessage = message("ui-moves-position", &["role", "level"], false);
/// Said without JavaScript, when the page shows one move only.
pub const MOVES_NO_SCRIPT: InterfaceMessage = message("ui-moves-no-script", &[], false);
/// Under each level of a role's page: the link to the moves page starting there. `$level`: its
/// name.
pub const MOVES_FROM_LEVEL: InterfaceMessage = message("ui-moves-from-level", &["level"], false);
/// A role's Markdown moves page (`moves/<role>.md`, with `--moves`): its title. `$role`: the
/// role's name.
pub const MOVES_TITLE: InterfaceMessage = message("ui-moves-title", &["role"], false);
/// Under the title, and the page's meta description. `$role`: the role's name.
pub const MOVES_INTRO: InterfaceMessage = message("ui-moves-intro", &["role"], false);
/// The link from a role's page to the moves page (its Markdown moves page in Markdown).
pub const MOVES_LINK: InterfaceMessage = message("ui-moves-link", &[], false);
/// The label of the list of moves at the top of a Markdown moves page.
pub const MOVES_CONTENTS: InterfaceMessage = message("ui-moves-contents", &[], false);
/// The heading of one move. `$from`, `$to`: role names; `$from-level`, `$to-level`: level names.
/// On the moves page the script fills them in: they are texts, not something to select on.
pub const MOVE_HEADING: InterfaceMessage = message("ui-move-heading", &["from", "from-level", "to", "to-level"], false);
pub const MOVE_SHARED: InterfaceMessage = message("ui-move-shared", &[], false);
pub const MOVE_GAIN: InterfaceMessage = message("ui-move-gain", &[], false);
pub const MOVE_LEAVE: InterfaceMessage = message("ui-move-leave", &[], false);
pub const MOVE_NONE: InterfaceMessage = message("ui-move-none", &[], false);
/// How many skills of a move each list holds. The moves page's script fills in `$count`, with
/// the plural form `Intl.PluralRules` selects ([`crate::Localizer::plural_patterns`]).
pub const MOVE_SHARED_COUNT: InterfaceMessage = message("ui-move-shared-count", &["count"], true);
pub const MOVE_GAIN_COUNT: InterfaceMessage = message("ui-move-gain-count", &["count"], true);
pub const MOVE_LEAVE_COUNT: InterfaceMessage = message("ui-move-leave-count", &["count"], true);
/// The three counts of a move in one sentence. `$shared`, `$gain`, `$leave`: the counts above,
/// written out (texts the script fills in).
pub const MOVE_SUMMARY: InterfaceMessage = message("ui-move-summary", &["shared", "gain", "leave"], false);
/// What the moves page announces when a move is chosen. `$move`: its heading; `$summary`: its
/// summary (texts the script fills in).
pub const MOVE_STATUS: InterfaceMessage = message("ui-move-status", &["move", "summary"], false);

/// Every interface message the product uses, in the order of `locales/en/ui.ftl`.
pub const ALL: &[InterfaceMessage] = &[
    LANGUAGE_NAME,
    DATE,
    SITE_TITLE,
    SKIP_TO_CONTENT,
    NAV_INDEX,
    NAV_LANGUAGES,
    CHOOSE_LANGUAGE,
    SKILL_DOMAIN,
    SKILL_PROFILE,
    SKILL_ROLES,
    SKILL_ROLES_NOTE,
    SKILL_LEVELS,
    SKILL_LEVELS_NOTE,
    SKILL_MANDATORY,
    SKILL_OPTIONAL_REST,
    SKILL_UPDATED,
    LEVEL_SELECTOR,
    LEVEL_ALL,
    LEVEL_GROWTH,
    TABLE_ROLE,
    TABLE_MANDATORY,
    TABLE_DESCRIPTION,
    TABLE_OPTIONAL,
    TABLE_CAPTION,
    ROLE_TITLE,
    ROLE_INTRO,
    ROLE_LEVEL_SUMMARY,
    ROLE_NO_SKILLS,
    TABLE_SKILL,
    INDEX_TITLE,
    INDEX_SKILLS,
    INDEX_SKILL_COUNT,
    INDEX_ROLES,
    STALE_HINT,
    STATUS_TITLE,
    STATUS_SUMMARY,
    STATUS_BY_KIND,
    STATUS_BY_FILE,
    STATUS_KIND,
    STATUS_FILE,
    STATUS_TOTAL,
    STATUS_TRANSLATED,
    STATUS_FALLBACK,
    STATUS_STALE,
    STATUS_UNREVIEWED,
    STATUS_OBSOLETE,
    STATUS_KIND_INTERFACE,
    STATUS_KIND_NAMES,
    STATUS_KIND_SKILL_NAMES,
    STATUS_KIND_SUMMARIES,
    STATUS_KIND_DESCRIPTIONS,
    STATUS_KIND_OTHER,
    STATUS_NEXT,
    STATUS_NOTHING_LEFT,
    STATUS_STALE_HEADING,
    STATUS_NONE_STALE,
    STATUS_MESSAGE,
    STATUS_WAS,
    STATUS_NOW,
    EXPORT_GROUP,
    EXPORT_LEVEL,
    EXPORT_NECESSITY,
    INDEX_DESCRIPTION,
    ROLE_DESCRIPTION,
    NAV_BREADCRUMB,
    NOT_FOUND_TITLE,
    NOT_FOUND_TEXT,
    LEVEL_SINGLE,
    COMPARE_FROM,
    COMPARE_TO,
    COMPARE_HEADING,
    COMPARE_CHANGE,
    COMPARE_ABSENT,
    CHANGE_ADDED,
    CHANGE_REMOVED,
    CHANGE_MANDATORY,
    CHANGE_OPTIONAL,
    CHANGE_TEXT,
    CHANGE_NONE,
    CHANGES_FROM,
    CHANGES_NONE,
    ROLE_NEXT,
    OVERVIEW_TITLE,
    OVERVIEW_INTRO,
    MATRIX_MANDATORY_FROM,
    MATRIX_OPTIONAL_FROM,
    MATRIX_TOTALS,
    SEARCH_LABEL,
    SEARCH_RESULTS,
    SEARCH_NONE,
    SEARCH_ERROR,
    MOVES_PAGE_TITLE,
    MOVES_PAGE_INTRO,
    MOVES_CHOOSE,
    MOVES_FROM,
    MOVES_TO,
    MOVES_POSITION,
    MOVES_NO_SCRIPT,
    MOVES_FROM_LEVEL,
    MOVES_TITLE,
    MOVES_INTRO,
    MOVES_LINK,
    MOVES_CONTENTS,
    MOVE_HEADING,
    MOVE_SHARED,
    MOVE_GAIN,
    MOVE_LEAVE,
    MOVE_NONE,
    MOVE_SHARED_COUNT,
    MOVE_GAIN_COUNT,
    MOVE_LEAVE_COUNT,
    MOVE_SUMMARY,
    MOVE_STATUS,
];

/// The table's entry for `id`, if it is an interface message.
pub fn find(id: &str) -> Option<&'static InterfaceMessage> {
    ALL.iter().find(|message| message.id == id)
}

/// Whether `id` is in the interface namespace (`ui-…`, `language-name`), used or not.
pub fn is_interface_id(id: &str) -> bool {
    id.starts_with("ui-") || id == LANGUAGE_NAME.id
}
