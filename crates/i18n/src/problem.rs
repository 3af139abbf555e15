//! What can be wrong with translations, with the file and place where one is known.

use std::fmt;
use std::path::PathBuf;

use ladder_model::Position;
use unic_langid::LanguageIdentifier;

/// How much a problem matters to a render: errors stop it, warnings are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in the translations.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}: {kind}", self.location())]
pub struct Problem {
    /// The `.ftl` file, or the locale directory when no one file is to blame.
    pub path: PathBuf,
    pub position: Option<Position>,
    pub locale: LanguageIdentifier,
    pub kind: ProblemKind,
}

impl Problem {
    /// `file:line:column`, or just the path where there is no better place to point at.
    pub fn location(&self) -> String {
        match self.position {
            Some(position) => format!("{}:{position}", self.path.display()),
            None => self.path.display().to_string(),
        }
    }
}

/// What is wrong. [`ProblemKind::severity`] and [`ProblemKind::help`] say how much it matters and
/// what to do. `id` is always the message (or `-term`, or `message.attribute`) holding the mistake.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    /// Fluent syntax the parser could not read; the entry is skipped (and falls back).
    #[error("syntax error: {0}")]
    Syntax(String),
    /// A `.ftl` file that cannot be read as text (not UTF-8, too large, a symlink leaving
    /// `locales/`); `help` says what to do.
    #[error("cannot read this file: {reason}")]
    Unreadable { reason: String, help: Option<String> },
    /// Placeables nested deeper than [`crate::MAX_PLACEABLE_DEPTH`]; the file is not parsed.
    #[error("placeables nested more than {limit} deep")]
    TooDeep { limit: usize },
    /// A directory under `locales/` whose name is not a language tag; it is not a locale.
    #[error("`{name}` is not a language tag, so this directory is not a locale")]
    NotALocale { name: String },
    /// A locale directory without `.ftl` files; it is not a locale.
    #[error("no .ftl files: this directory is not a locale")]
    EmptyLocale,
    /// A message or term defined twice in one locale; the first definition (by file name) wins.
    /// `first_file` is a file name in the same locale directory.
    #[error("`{id}` is defined twice (first at {first_file}:{first})")]
    DuplicateEntry { id: String, first_file: String, first: Position },
    /// A message that no locale of the chain has, not even the source: the page shows its id.
    #[error("no message `{id}` in any locale of the fallback chain")]
    /// `belongs_in` names the `.ftl` file (below the locales directory) where it should go, when
    /// the problem itself points elsewhere (at the catalog entry that needs it).
    MissingMessage { id: String, describes: Option<String>, belongs_in: Option<String> },
    /// A message with an attribute but no `.{attribute}` in any locale of the chain.
    #[error("no attribute `{id}.{attribute}` in any locale of the fallback chain")]
    MissingAttribute { id: String, attribute: String, describes: Option<String> },
    /// `{ $variable }` where the product does not pass `$variable` to message `id`.
    #[error("`{id}` uses `${variable}`, which it is not given")]
    UnknownVariable { id: String, variable: String, given: Vec<String> },
    /// `{ reference }` (a message, `-term` or `.attribute`) that resolves nowhere along the
    /// locale's fallback chain.
    #[error("`{id}` refers to `{reference}`, which is not defined")]
    UnknownReference { id: String, reference: String },
    /// `{ reference }` to a message that has attributes but no value.
    #[error("`{id}` refers to `{reference}`, which has no value")]
    NoValue { id: String, reference: String },
    /// `{ NAME(…) }`: Ladder gives translations no Fluent functions (its bundles register none,
    /// not even fluent-bundle's builtin `NUMBER`).
    #[error("`{id}` calls `{function}()`, which does not exist")]
    UnknownFunction { id: String, function: String },
    /// `{ reference }` that leads back to `id` itself.
    #[error("`{id}` refers to itself through `{reference}`")]
    CyclicReference { id: String, reference: String },
    /// A message that expands to more placeables than Fluent resolves (a reference bomb).
    #[error("`{id}` expands to too many placeables")]
    TooManyPlaceables { id: String },
    /// The product passed an interface message other variables than the interface table says.
    #[error("`{id}` was given {given:?}, the interface table says {expected:?}")]
    InterfaceArguments { id: String, given: Vec<String>, expected: Vec<String> },
    /// Formatting failed in another way Fluent reports.
    #[error("formatting `{id}`: {message}")]
    Format { id: String, message: String },
    /// A bidirectional control character (U+202A–U+202E, U+2066–U+2069) in translation text.
    #[error("`{id}` holds the invisible bidi control U+{:04X}", u32::from(*character))]
    BidiControl { id: String, character: char },
    /// A source-language message in a catalog namespace that the catalog does not need.
    #[error("`{id}` is obsolete: the catalog has no {what}")]
    Obsolete { id: String, what: String },
    /// A `ui-` message that is not in the interface table: no page shows it.
    #[error("`{id}` is not an interface message Ladder uses")]
    UnusedInterfaceMessage { id: String },
    /// A translation made from English that has changed since (`l10n.lock`): it still renders,
    /// marked as possibly out of date. `old` and `new` are the English then and now; `lang` is the
    /// locale directory holding the translation.
    #[error(
        "`{id}` was translated from English that has changed: it was \"{}\", it is now \"{}\"",
        changed(old, new).0,
        changed(old, new).1
    )]
    Stale { id: String, old: String, new: String, lang: String },
    /// A lock file (`l10n.lock`) that cannot be read: the locale's translations count as
    /// unreviewed until it is fixed.
    #[error("cannot read this lock file: {reason}")]
    BadLock { reason: String, lang: String },
    /// A byte-order mark at the start of a `.ftl` file: accepted, but invisible noise in diffs.
    #[error("the file starts with a byte-order mark")]
    ByteOrderMark,
    /// Windows line endings; reported once per file, at the first, with how many lines have one.
    #[error("CRLF line endings ({lines} line(s))")]
    CrLf { lines: usize },
    /// A tab character: Fluent indents with spaces, and a tab in text shows as one.
    #[error("a tab character")]
    Tab,
    /// U+FFFD, what an editor leaves where it could not decode a byte: text was lost.
    #[error("a U+FFFD replacement character: text was lost in a conversion")]
    ReplacementCharacter,
    /// The same attribute twice in one message or term; Fluent uses the first.
    #[error("`{id}` has the attribute `.{attribute}` twice")]
    DuplicateAttribute { id: String, attribute: String },
    /// The same variant key twice in one select expression.
    #[error("`{id}` has the variant `[{key}]` twice in one select")]
    DuplicateVariant { id: String, key: String },
    /// A message, or an attribute, that a translation has and the source language does not.
    #[error("`{id}` is not in the source language: nothing shows it")]
    ObsoleteTranslation { id: String },
    /// A variable the source language's message uses that the translation leaves out.
    #[error("`{id}` does not use `${variable}`, which the source language's message shows")]
    DroppedVariable { id: String, variable: String },
    /// A select on a plural-selecting variable whose default variant is not `*[other]`.
    #[error("`{id}` selects a plural form on `${variable}`, but its default is `*[{default}]`")]
    PluralDefault { id: String, variable: String, default: String },
    /// Plural categories the locale's CLDR rules use that a plural select has no variant for.
    #[error("`{id}` has no variant for the plural categor{} {}", if missing.len() == 1 { "y" } else { "ies" }, Keys(missing))]
    MissingPluralCategory { id: String, missing: Vec<String>, categories: Vec<String> },
    /// A key of a plural select that no number ever selects in this locale.
    #[error("`{id}`: no number selects `[{key}]` in this language")]
    UnreachablePluralKey { id: String, key: String, categories: Vec<String> },
    /// A locale without `language-name`: the language chooser would show the source's name.
    #[error("no `language-name`: the language chooser would call this locale by another language's name")]
    MissingLanguageName,
}

/// `[one]`, `[few]` and `[many]`.
struct Keys<'a>(&'a [String]);

impl fmt::Display for Keys<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, key) in self.0.iter().enumerate() {
            match i {
                0 => {}
                _ if i + 1 == self.0.len() => f.write_str(" and ")?,
                _ => f.write_str(", ")?,
            }
            write!(f, "`[{key}]`")?;
        }
        Ok(())
    }
}

impl ProblemKind {
    /// Errors stop a render; warnings are for what is safe to publish.
    pub fn severity(&self) -> Severity {
        match self {
            ProblemKind::NotALocale { .. }
            | ProblemKind::EmptyLocale
            | ProblemKind::BidiControl { .. }
            | ProblemKind::Obsolete { .. }
            | ProblemKind::UnusedInterfaceMessage { .. }
            | ProblemKind::Stale { .. }
            | ProblemKind::BadLock { .. }
            | ProblemKind::ByteOrderMark
            | ProblemKind::CrLf { .. }
            | ProblemKind::Tab
            | ProblemKind::ReplacementCharacter
            | ProblemKind::ObsoleteTranslation { .. }
            | ProblemKind::DroppedVariable { .. }
            | ProblemKind::UnreachablePluralKey { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The check's name, as `cargo xtask check` prints it (`error[unknown-variable]`): stable, so
    /// scripts and people can search for it.
    pub fn check(&self) -> &'static str {
        match self {
            ProblemKind::Syntax(_) => "syntax",
            ProblemKind::Unreadable { .. } => "unreadable",
            ProblemKind::TooDeep { .. } => "too-deep",
            ProblemKind::NotALocale { .. } => "not-a-locale",
            ProblemKind::EmptyLocale => "empty-locale",
            ProblemKind::DuplicateEntry { .. } => "duplicate-message",
            ProblemKind::MissingMessage { .. } => "missing-message",
            ProblemKind::MissingAttribute { .. } => "missing-attribute",
            ProblemKind::UnknownVariable { .. } => "unknown-variable",
            ProblemKind::UnknownReference { .. } => "unknown-reference",
            ProblemKind::NoValue { .. } => "no-value",
            ProblemKind::UnknownFunction { .. } => "unknown-function",
            ProblemKind::CyclicReference { .. } => "cyclic-reference",
            ProblemKind::TooManyPlaceables { .. } => "too-many-placeables",
            ProblemKind::InterfaceArguments { .. } => "interface-arguments",
            ProblemKind::Format { .. } => "format",
            ProblemKind::BidiControl { .. } => "bidi-control",
            ProblemKind::Obsolete { .. } => "obsolete-source",
            ProblemKind::UnusedInterfaceMessage { .. } => "unused-interface-message",
            ProblemKind::ByteOrderMark => "bom",
            ProblemKind::CrLf { .. } => "crlf",
            ProblemKind::Tab => "tab",
            ProblemKind::ReplacementCharacter => "replacement-character",
            ProblemKind::DuplicateAttribute { .. } => "duplicate-attribute",
            ProblemKind::DuplicateVariant { .. } => "duplicate-variant",
            ProblemKind::ObsoleteTranslation { .. } => "obsolete-translation",
            ProblemKind::DroppedVariable { .. } => "dropped-variable",
            ProblemKind::PluralDefault { .. } => "plural-default",
            ProblemKind::MissingPluralCategory { .. } => "missing-plural-category",
            ProblemKind::UnreachablePluralKey { .. } => "unreachable-plural-key",
            ProblemKind::MissingLanguageName => "missing-language-name",
            ProblemKind::Stale { .. } => "stale",
            ProblemKind::BadLock { .. } => "bad-lock",
        }
    }

    /// A sentence that tells the translator what to do.
    pub fn help(&self) -> Option<String> {
        Some(match self {
            ProblemKind::Syntax(_) => "see https://projectfluent.org/fluent/guide/ for Fluent syntax".to_owned(),
            ProblemKind::Unreadable { help, .. } => return help.clone(),
            ProblemKind::TooDeep { .. } => "split the message into simpler ones".to_owned(),
            ProblemKind::NotALocale { .. } => "rename it to a BCP 47 tag such as `pt-BR`".to_owned(),
            ProblemKind::EmptyLocale => "add its translations (copy locales/en/ui.ftl), or delete it".to_owned(),
            ProblemKind::DuplicateEntry { .. } => "keep one definition and delete the other".to_owned(),
            ProblemKind::MissingMessage { id, describes, belongs_in } => {
                let what = describes.as_ref().map(|what| format!(" ({what})")).unwrap_or_default();
                let place = belongs_in.as_deref().unwrap_or("the source locale");
                format!("add `{id} = …`{what} to {place}")
            }
            ProblemKind::MissingAttribute { id, attribute, describes } => match describes {
                Some(what) => format!("add `.{attribute} = …` ({what}) under `{id}` in the source locale"),
                None => format!("add `.{attribute} = …` under `{id}` in the source locale"),
            },
            ProblemKind::UnknownVariable { id, given, .. } => {
                let given = match given.as_slice() {
                    [] => "no variables".to_owned(),
                    names => names.iter().map(|name| format!("`${name}`")).collect::<Vec<_>>().join(", "),
                };
                format!("`{id}` is given {given}; catalog messages are given no variables")
            }
            ProblemKind::UnknownReference { reference, .. } => {
                format!("define `{reference}` in this locale or in the source locale, or remove the reference")
            }
            ProblemKind::NoValue { reference, .. } => {
                format!("give `{reference}` a value, or refer to one of its attributes")
            }
            ProblemKind::UnknownFunction { .. } => {
                "Ladder gives translations no functions: write the text out".to_owned()
            }
            ProblemKind::CyclicReference { .. } => "write the text out instead of referring back".to_owned(),
            ProblemKind::TooManyPlaceables { .. } => {
                "a message may expand to at most 100 placeables: refer to fewer messages".to_owned()
            }
            ProblemKind::InterfaceArguments { .. } => {
                "a view and crates/i18n/src/interface.rs disagree: please report this as a bug".to_owned()
            }
            ProblemKind::Format { .. } => return None,
            ProblemKind::BidiControl { .. } => {
                "delete it: Ladder strips bidi controls from pages, and HTML isolates right-to-left text itself"
                    .to_owned()
            }
            ProblemKind::Obsolete { .. } => "delete the message, or add what it describes to the catalog".to_owned(),
            ProblemKind::UnusedInterfaceMessage { .. } => {
                "delete it, or check its id against locales/en/ui.ftl".to_owned()
            }
            ProblemKind::Stale { id, lang, .. } => {
                format!(
                    "update the translation to the new English, then `cargo xtask l10n-accept {lang} {id}` once reviewed"
                )
            }
            ProblemKind::BadLock { lang, .. } => format!(
                "fix the line, or delete the file and run `cargo xtask l10n-accept {lang}` once the translations are reviewed"
            ),
            ProblemKind::ByteOrderMark => "save the file as UTF-8 without a byte-order mark".to_owned(),
            ProblemKind::CrLf { .. } => "save the file with Unix (LF) line endings".to_owned(),
            ProblemKind::Tab => "use spaces".to_owned(),
            ProblemKind::ReplacementCharacter => {
                "type the character that was meant; check the file's encoding in your editor".to_owned()
            }
            ProblemKind::DuplicateAttribute { .. } => "keep one of the two and delete the other".to_owned(),
            ProblemKind::DuplicateVariant { .. } => "give each variant its own key".to_owned(),
            ProblemKind::ObsoleteTranslation { .. } => {
                "delete it, or check its id against the source language's files".to_owned()
            }
            ProblemKind::DroppedVariable { variable, .. } => {
                format!("show `{{ ${variable} }}` in the translation too, unless the language has no need for it")
            }
            ProblemKind::PluralDefault { .. } => {
                "make `*[other]` the default: it is the one category every language has".to_owned()
            }
            ProblemKind::MissingPluralCategory { categories, .. } => {
                format!("this language's plural categories are {}: add a variant for each", Keys(categories))
            }
            ProblemKind::UnreachablePluralKey { categories, .. } => {
                format!("this language's plural categories are {}: delete the variant", Keys(categories))
            }
            ProblemKind::MissingLanguageName => {
                "add `language-name = …`, the language's name written as its speakers do, to ui.ftl".to_owned()
            }
        })
    }
}

/// Texts longer than this are shown around what changed, in [`ProblemKind::Stale`].
const STALE_SHOWN: usize = 100;
/// Characters kept on each side of what changed.
const STALE_CONTEXT: usize = 30;

/// `old` and `new` as a stale warning shows them: whole when short, else the part that changed
/// with some context, the rest elided with `…`.
fn changed(old: &str, new: &str) -> (String, String) {
    let (old_chars, new_chars): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    if old_chars.len() <= STALE_SHOWN && new_chars.len() <= STALE_SHOWN {
        return (old.to_owned(), new.to_owned());
    }
    let prefix = old_chars.iter().zip(&new_chars).take_while(|(a, b)| a == b).count();
    let limit = old_chars.len().min(new_chars.len()) - prefix;
    let suffix = old_chars.iter().rev().zip(new_chars.iter().rev()).take_while(|(a, b)| a == b).count().min(limit);
    let start = prefix.saturating_sub(STALE_CONTEXT);
    let excerpt = |chars: &[char]| {
        let end = (chars.len() - suffix + STALE_CONTEXT).min(chars.len());
        let mut shown = String::new();
        if start > 0 {
            shown.push('…');
        }
        shown.extend(&chars[start..end]);
        if end < chars.len() {
            shown.push('…');
        }
        shown
    };
    (excerpt(&old_chars), excerpt(&new_chars))
}

/// Translations that cannot be used at all.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read the locales directory: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: no `{source_locale}` directory: the source language's messages are required", dir.display())]
    NoSourceLocale { dir: PathBuf, source_locale: LanguageIdentifier },
}

/// A requested locale that no translation matches, not even in part.
#[derive(Debug, Clone, thiserror::Error)]
#[error("no translations for `{requested}`: available locales are {}", Available(available))]
pub struct UnsupportedLocale {
    pub requested: LanguageIdentifier,
    pub available: Vec<LanguageIdentifier>,
}

struct Available<'a>(&'a [LanguageIdentifier]);

impl fmt::Display for Available<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, locale) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{locale}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stale_warning_shows_what_changed_in_long_texts() {
        assert_eq!(changed("Junior", "Entry"), ("Junior".to_owned(), "Entry".to_owned()));
        let old = format!("{} basic serverless concepts {}", "a".repeat(80), "z".repeat(80));
        let new = format!("{} basic cloud concepts {}", "a".repeat(80), "z".repeat(80));
        let (old, new) = changed(&old, &new);
        assert_eq!(old, format!("…{} basic serverless concepts {}…", "a".repeat(23), "z".repeat(20)));
        assert_eq!(new, format!("…{} basic cloud concepts {}…", "a".repeat(23), "z".repeat(20)));
    }
}
