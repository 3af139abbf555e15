//! Stale translations: which English text each translation was made from.
//!
//! When the English text of a message changes after it was translated, the translation is
//! *stale*: it still renders, but a translator must look at it. Fluent itself cannot tell, so each
//! locale keeps a lock file beside its `.ftl` files, `locales/<lang>/l10n.lock`, written by
//! `cargo xtask l10n-accept` and committed with the translations:
//!
//! ```text
//! ladder-l10n-lock 1
//! # comment lines start with `#`
//! skill-queues.summary<TAB>3f1c0a9be2d4e6f7<TAB>Kafka, RabbitMQ, SQS: delivery guarantees
//! ```
//!
//! The first line names the format and its version. Then one line per translated message value
//! (`id`) or attribute (`id.attr`), sorted by that key: the key, the first 16 hex digits of the
//! BLAKE3 hash of the English text, and the English text itself, `\`-escaped (`\\`, `\t`, `\n`,
//! `\r`) so it stays on its line; fields are separated by a tab.
//!
//! **The English text** is the English pattern in a canonical form: serialized by fluent-syntax
//! (so `{ $count }` and `{$count}` are the same) with every run of whitespace collapsed to one
//! space and the ends trimmed. Reflowing a long description over several lines, or re-indenting a
//! select expression, is therefore *not* a change; changing a word, a placeable or a variant is.
//! Pages collapse whitespace too, so a reflow changes nothing a reader sees.
//!
//! A translation with a lock entry whose hash differs from the current English is stale: reported
//! as a warning ([`crate::ProblemKind::Stale`], old and new English side by side) and marked on
//! pages ([`crate::Localized::stale`]). A translation without a lock entry is *unreviewed*:
//! nothing says which English it was made from, so it is neither warned about nor marked, only
//! counted by `cargo xtask status`; `l10n-accept` starts tracking it.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use crate::locales::Locales;
use crate::problem::{Problem, ProblemKind};

/// The lock file's name inside a locale directory.
pub const LOCK_FILE: &str = "l10n.lock";

/// The lock file's first line: format and version.
const LOCK_HEADER: &str = "ladder-l10n-lock 1";

/// How many hex digits of the BLAKE3 hash a lock keeps: 64 bits tell a change apart.
const HASH_DIGITS: usize = 16;

/// Which English text each translation of one locale was made from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lock {
    /// By key (`id` or `id.attr`), so the file is written sorted.
    entries: BTreeMap<String, LockEntry>,
}

/// One line of a lock file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockEntry {
    /// The first [`HASH_DIGITS`] hex digits of the BLAKE3 hash of `english`.
    pub hash: String,
    /// The English text, in the canonical form of [`english_text`].
    pub english: String,
}

/// A line of a lock file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct LockError {
    /// 1-based.
    pub line: usize,
    pub reason: String,
}

impl Lock {
    /// Reads a lock file's text; the first line that is not the format is an error.
    pub fn parse(text: &str) -> Result<Lock, LockError> {
        let mut lines = text.lines().enumerate().map(|(index, line)| (index + 1, line.trim_end_matches('\r')));
        let error = |line: usize, reason: &str| LockError { line, reason: reason.to_owned() };
        match lines.next() {
            Some((_, LOCK_HEADER)) => {}
            Some((line, _)) => return Err(error(line, &format!("the first line must be `{LOCK_HEADER}`"))),
            None => return Err(error(1, &format!("empty: the first line must be `{LOCK_HEADER}`"))),
        }
        let mut lock = Lock::default();
        for (line, text) in lines {
            if text.is_empty() || text.starts_with('#') {
                continue;
            }
            let mut fields = text.splitn(3, '\t');
            let (Some(key), Some(hash), Some(english)) = (fields.next(), fields.next(), fields.next()) else {
                return Err(error(line, "expected `id<TAB>hash<TAB>English text`"));
            };
            if key.is_empty() || key.contains(char::is_whitespace) {
                return Err(error(line, "the message id is empty or holds a space"));
            }
            if hash.len() != HASH_DIGITS || !hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
                return Err(error(line, &format!("the hash must be {HASH_DIGITS} lowercase hex digits")));
            }
            let english =
                unescape(english).ok_or_else(|| error(line, "a `\\` not followed by `\\`, `t`, `n` or `r`"))?;
            let entry = LockEntry { hash: hash.to_owned(), english };
            if lock.entries.insert(key.to_owned(), entry).is_some() {
                return Err(error(line, &format!("`{key}` is listed twice")));
            }
        }
        Ok(lock)
    }

    /// The file's text: the format line, a comment, then one line per entry, sorted by key.
    pub fn to_text(&self) -> String {
        let mut text = format!(
            "{LOCK_HEADER}\n# The English text each translation of this locale was made from: message id, BLAKE3 of the\n# English (first {HASH_DIGITS} hex digits), the English. Written by `cargo xtask l10n-accept`.\n"
        );
        for (key, entry) in &self.entries {
            let _ = writeln!(text, "{key}\t{}\t{}", entry.hash, escape(&entry.english));
        }
        text
    }

    /// The entry for `key` (`id` or `id.attr`).
    pub fn get(&self, key: &str) -> Option<&LockEntry> {
        self.entries.get(key)
    }

    /// Records that the translation of `key` was made from `english` (canonical, see
    /// [`english_text`]).
    pub fn record(&mut self, key: &str, english: &str) {
        self.entries.insert(key.to_owned(), LockEntry { hash: text_hash(english), english: english.to_owned() });
    }

    /// Keeps only the entries whose key `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) {
        self.entries.retain(|key, _| keep(key));
    }

    pub fn entries(&self) -> impl Iterator<Item = (&str, &LockEntry)> {
        self.entries.iter().map(|(key, entry)| (key.as_str(), entry))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// What `l10n-accept` would write: the new lock and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub path: PathBuf,
    pub lock: Lock,
    /// The keys recorded now, in file order.
    pub recorded: Vec<String>,
    /// How many of them were stale.
    pub were_stale: usize,
    /// How many of them had no entry before.
    pub were_unreviewed: usize,
}

/// Why nothing can be accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AcceptError {
    #[error("`{0}` is the source language: its text is what translations are made from")]
    Source(LanguageIdentifier),
    #[error("no locale directory `{requested}`: available locales are {}", available.join(", "))]
    NoLocale { requested: LanguageIdentifier, available: Vec<String> },
    #[error("`{lang}` translates none of {}", keys.iter().map(|key| format!("`{key}`")).collect::<Vec<_>>().join(", "))]
    NotTranslated { lang: LanguageIdentifier, keys: Vec<String> },
}

impl Locales {
    /// Every stale translation of every locale, as warnings at the translation, with the English
    /// then and now.
    pub fn stale_translations(&self) -> Vec<Problem> {
        let all: Vec<LanguageIdentifier> = self.available().cloned().collect();
        self.stale_translations_of(&all)
    }

    /// [`Locales::stale_translations`] of some locales only.
    pub fn stale_translations_of(&self, only: &[LanguageIdentifier]) -> Vec<Problem> {
        let mut problems = Vec::new();
        // A locale with nothing stale (no lock, or none out of date) is skipped without listing
        // its keys: that is most locales, and a large one has tens of thousands.
        for data in self
            .locales
            .iter()
            .filter(|data| !data.stale.is_empty() && data.locale != *self.source() && only.contains(&data.locale))
        {
            for (key, _) in data.own_keys() {
                let Some((old, new)) = data.stale.get(&key) else { continue };
                let (path, position) = data.place_key(&key);
                let kind = ProblemKind::Stale {
                    id: key.clone(),
                    old: old.clone(),
                    new: new.clone(),
                    lang: data.locale.to_string(),
                };
                problems.push(Problem { path, position, locale: data.locale.clone(), kind });
            }
        }
        problems
    }

    /// The lock `locale` gets when its translations of `ids` are recorded as made from the current
    /// English: every translated message and attribute if `ids` is empty; `id` takes a message's
    /// value and attributes, `id.attr` one attribute. Entries of translations that no longer
    /// exist, or whose English no longer does, are dropped. Writing it is the caller's.
    pub fn accept(&self, locale: &LanguageIdentifier, ids: &[String]) -> Result<Accepted, AcceptError> {
        if locale == self.source() {
            return Err(AcceptError::Source(locale.clone()));
        }
        let Some(data) = self.locales.iter().find(|data| &data.locale == locale) else {
            return Err(AcceptError::NoLocale {
                requested: locale.clone(),
                available: self.available().map(ToString::to_string).collect(),
            });
        };
        let source = self.data(self.source());
        let translated: Vec<String> =
            data.own_keys().into_iter().map(|(key, _)| key).filter(|key| source.pattern(key).is_some()).collect();
        let wanted = |key: &str| {
            ids.is_empty()
                || ids.iter().any(|id| id == key || key.split_once('.').is_some_and(|(message, _)| message == id))
        };
        let unknown: Vec<String> = ids
            .iter()
            .filter(|id| !translated.iter().any(|key| key == *id || key.split_once('.').is_some_and(|(m, _)| m == *id)))
            .cloned()
            .collect();
        if !unknown.is_empty() {
            return Err(AcceptError::NotTranslated { lang: locale.clone(), keys: unknown });
        }
        let mut lock = data.lock.clone().unwrap_or_default();
        lock.retain(|key| translated.iter().any(|t| t == key));
        let (mut recorded, mut were_stale, mut were_unreviewed) = (Vec::new(), 0, 0);
        for key in translated.iter().filter(|key| wanted(key)) {
            let Some(pattern) = source.pattern(key) else { continue };
            were_stale += usize::from(data.stale.contains_key(key));
            were_unreviewed += usize::from(lock.get(key).is_none());
            lock.record(key, &english_text(pattern));
            recorded.push(key.clone());
        }
        Ok(Accepted { path: data.lock_path.clone(), lock, recorded, were_stale, were_unreviewed })
    }
}

/// A pattern's text in canonical form: as fluent-syntax serializes it, every run of whitespace
/// collapsed to one space, trimmed. Whitespace-only edits of the English do not change it.
pub fn english_text(pattern: &ast::Pattern<&str>) -> String {
    let resource = ast::Resource {
        body: vec![ast::Entry::Message(ast::Message {
            id: ast::Identifier { name: "x" },
            value: Some(pattern.clone()),
            attributes: Vec::new(),
            comment: None,
        })],
    };
    let serialized = fluent_syntax::serializer::serialize(&resource);
    let body = serialized.strip_prefix("x =").unwrap_or(&serialized);
    body.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The lock's hash of an English text: the first [`HASH_DIGITS`] hex digits of its BLAKE3 hash.
pub fn text_hash(english: &str) -> String {
    let mut hex = blake3::hash(english.as_bytes()).to_hex().to_string();
    hex.truncate(HASH_DIGITS);
    hex
}

/// `id` or `id.attr`, the key of a message value or attribute in locks and reports.
pub(crate) fn key(id: &str, attribute: Option<&str>) -> String {
    match attribute {
        Some(attribute) => format!("{id}.{attribute}"),
        None => id.to_owned(),
    }
}

fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            '\t' => escaped.push_str("\\t"),
            '\n' => escaped.push_str("\\n"),
            '\r' => escaped.push_str("\\r"),
            c => escaped.push(c),
        }
    }
    escaped
}

fn unescape(text: &str) -> Option<String> {
    let mut unescaped = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            unescaped.push(c);
            continue;
        }
        unescaped.push(match chars.next()? {
            '\\' => '\\',
            't' => '\t',
            'n' => '\n',
            'r' => '\r',
            _ => return None,
        });
    }
    Some(unescaped)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

    use fluent::FluentResource;

    use super::*;

    fn value_text(ftl: &str) -> String {
        let resource = FluentResource::try_new(ftl.to_owned()).unwrap();
        let Some(ast::Entry::Message(message)) = resource.entries().next() else { panic!("no message") };
        english_text(message.value.as_ref().unwrap())
    }

    #[test]
    fn a_lock_reads_back_what_it_writes_sorted() {
        let mut lock = Lock::default();
        lock.record("skill-b", "B\\tab\there\nand a line");
        lock.record("skill-a.summary", "A, summary");
        lock.record("level-junior", "Junior");
        let text = lock.to_text();
        let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(lines[0], LOCK_HEADER);
        assert!(lines[1].starts_with("level-junior\t") && lines[2].starts_with("skill-a.summary\t"));
        assert_eq!(
            lines[3],
            format!("skill-b\t{}\tB\\\\tab\\there\\nand a line", text_hash("B\\tab\there\nand a line"))
        );
        assert_eq!(Lock::parse(&text).unwrap(), lock);
        assert_eq!(Lock::parse(&text.replace('\n', "\r\n")).unwrap(), lock);
    }

    #[test]
    fn a_broken_lock_says_which_line() {
        let header = format!("{LOCK_HEADER}\n");
        let hash = text_hash("x");
        for (text, line, reason) in [
            (String::new(), 1, "empty"),
            ("ladder-l10n-lock 2\n".to_owned(), 1, "first line"),
            (format!("{header}# ok\n\nid {hash} x\n"), 4, "expected"),
            (format!("{header}id\tABC\tx\n"), 2, "hex digits"),
            (format!("{header}id\t{hash}\ta\\q\n"), 2, "`\\`"),
            (format!("{header}id\t{hash}\tx\nid\t{hash}\tx\n"), 3, "twice"),
        ] {
            let err = Lock::parse(&text).unwrap_err();
            assert_eq!(err.line, line, "{text:?}");
            assert!(err.reason.contains(reason), "{err}");
        }
        assert!(Lock::parse(&header).unwrap().is_empty());
    }

    #[test]
    fn whitespace_reflows_are_not_changes_but_words_and_placeables_are() {
        let one_line = value_text("m = Deploys simple functions. Follows { $count } triggers.\n");
        assert_eq!(one_line, "Deploys simple functions. Follows { $count } triggers.");
        let reflowed = value_text("m =\n    Deploys   simple\n        functions.\n    Follows {$count} triggers.\n");
        assert_eq!(reflowed, one_line);
        assert_ne!(value_text("m = Deploys simple functions. Follows { $n } triggers.\n"), one_line);
        assert_ne!(value_text("m = Deploys simple lambdas. Follows { $count } triggers.\n"), one_line);
        let select = value_text("m = { $count ->\n    [one] Role\n   *[other] Roles\n}\n");
        assert_eq!(select, "{ $count -> [one] Role *[other] Roles }");
    }

    #[test]
    fn the_hash_is_stable() {
        // A change here would mark every translation of every project stale: do not.
        assert_eq!(text_hash("Junior"), text_hash("Junior"));
        assert_eq!(text_hash("Junior").len(), HASH_DIGITS);
        assert_eq!(text_hash(""), "af1349b9f5f9a1a6");
    }
}
