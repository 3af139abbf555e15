//! How far a locale's translation has come: translated, fallback, stale, unreviewed and obsolete
//! counts, and what to translate next, most visible first.
//!
//! Units are message values and attributes (`skill-x.summary` counts on its own). A unit of the
//! source language is *translated* when a locale of the chain before the source has it (so an
//! `es-MX` page showing `es` text counts as translated), else it *falls back*. A translated unit is
//! *stale* when its locale's `l10n.lock` records other English than the current one, and
//! *unreviewed* when the lock has no entry for it. A unit the locale itself defines but the source
//! does not is *obsolete*.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use ladder_model::Catalog;
use serde::Serialize;

use crate::interface;
use crate::localizer::Localizer;
use crate::message_ids;
use crate::staleness::english_text;

/// What a message is, in the order translators should take them: what is seen on every page
/// first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MessageKind {
    /// `ui-…` and `language-name`: every page's words.
    Interface,
    /// Level, role, domain and group names.
    Names,
    /// Skill names.
    SkillNames,
    /// Skills' `.summary` lines.
    Summaries,
    /// What each role needs of a skill at each level.
    Descriptions,
    /// Anything else: messages only other messages refer to.
    Other,
}

impl MessageKind {
    pub const ALL: [MessageKind; 6] = [
        MessageKind::Interface,
        MessageKind::Names,
        MessageKind::SkillNames,
        MessageKind::Summaries,
        MessageKind::Descriptions,
        MessageKind::Other,
    ];

    /// The kind of a unit by its key (`id` or `id.attr`), following `message_ids`.
    pub fn of(key: &str) -> MessageKind {
        let (id, attribute) = match key.split_once('.') {
            Some((id, attribute)) => (id, Some(attribute)),
            None => (key, None),
        };
        if interface::is_interface_id(id) {
            return MessageKind::Interface;
        }
        if ["level-", "role-", "domain-", "group-"].iter().any(|prefix| id.starts_with(prefix)) {
            return MessageKind::Names;
        }
        match (id.strip_prefix("skill-"), attribute) {
            (Some(rest), _) if rest.contains("--") => MessageKind::Descriptions,
            (Some(_), None) => MessageKind::SkillNames,
            (Some(_), Some(message_ids::SUMMARY)) => MessageKind::Summaries,
            _ => MessageKind::Other,
        }
    }

    /// A stable name, as in JSON: `interface`, `names`, `skill-names`, …
    pub fn name(self) -> &'static str {
        match self {
            MessageKind::Interface => "interface",
            MessageKind::Names => "names",
            MessageKind::SkillNames => "skill-names",
            MessageKind::Summaries => "summaries",
            MessageKind::Descriptions => "descriptions",
            MessageKind::Other => "other",
        }
    }
}

/// Counts of one locale, one kind or one file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Units of the source language: `translated + fallback`.
    pub total: usize,
    pub translated: usize,
    /// Shown in the source language.
    pub fallback: usize,
    /// Translated from English that has changed since (part of `translated`).
    pub stale: usize,
    /// Translated, but the lock has no entry for it (part of `translated`).
    pub unreviewed: usize,
    /// Defined by the locale, not by the source language (not part of `total`).
    pub obsolete: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindCounts {
    pub kind: MessageKind,
    #[serde(flatten)]
    pub counts: Counts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileCounts {
    /// The file name (`skills.ftl`): the source language's file for translated and fallback
    /// units, the locale's own for obsolete ones.
    pub file: String,
    #[serde(flatten)]
    pub counts: Counts,
}

/// A unit still shown in the source language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pending {
    /// `id` or `id.attr`.
    pub id: String,
    pub kind: MessageKind,
    /// The source language's file holding it.
    pub file: String,
    /// Its source text, whitespace collapsed.
    pub english: String,
}

/// A stale translation: the English it was made from, and the English now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaleEntry {
    pub id: String,
    /// The file of the locale holding the translation.
    pub file: String,
    pub old: String,
    pub new: String,
}

/// One locale's translation status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranslationStatus {
    pub locale: String,
    pub totals: Counts,
    /// Every kind the source language or the locale has, in [`MessageKind::ALL`] order.
    pub by_kind: Vec<KindCounts>,
    /// By file name.
    pub by_file: Vec<FileCounts>,
    /// What to translate next, most visible first: by kind, then in catalog order (interface
    /// strings in the interface table's order); at most the number asked for.
    pub next: Vec<Pending>,
    /// Every stale translation, in the order of the source messages.
    pub stale: Vec<StaleEntry>,
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default()
}

impl Localizer {
    /// This locale's translation status. `catalog` orders the catalog's messages in `next` (without
    /// it, they come in file order); `next_limit` caps `next`.
    pub fn status(&self, catalog: Option<&Catalog>, next_limit: usize) -> TranslationStatus {
        let source = &self.data[self.data.len() - 1];
        // The source language is its own translation.
        let translations = if self.data.len() > 1 { &self.data[..self.data.len() - 1] } else { &self.data[..] };
        let mut by_kind: BTreeMap<MessageKind, Counts> = BTreeMap::new();
        let mut by_file: BTreeMap<String, Counts> = BTreeMap::new();
        let mut pending: Vec<(MessageKind, usize, usize, String, String)> = Vec::new();
        let mut stale = Vec::new();

        // Catalog order, then the interface table's order, for `next`.
        let mut order: HashMap<String, usize> = HashMap::new();
        for (index, message) in interface::ALL.iter().enumerate() {
            order.entry(message.id.to_owned()).or_insert(index);
        }
        if let Some(catalog) = catalog {
            for (index, message) in message_ids::catalog_messages(catalog).into_iter().enumerate() {
                let key = match message.attribute {
                    Some(attribute) => format!("{}.{attribute}", message.id),
                    None => message.id,
                };
                order.entry(key).or_insert(index);
            }
        }

        for (position, (key, file)) in source.own_keys().into_iter().enumerate() {
            let kind = MessageKind::of(&key);
            let file = file_name(&source.files[file].path);
            let mut counts = Counts { total: 1, ..Counts::default() };
            match translations.iter().find(|data| data.pattern(&key).is_some()) {
                Some(data) => {
                    counts.translated = 1;
                    if let Some((old, new)) = data.stale.get(&key) {
                        counts.stale = 1;
                        let file = data.place_key(&key).0;
                        let (id, old, new) = (key.clone(), old.clone(), new.clone());
                        stale.push(StaleEntry { id, file: file_name(&file), old, new });
                    } else if data.locale != source.locale && data.lock.as_ref().is_none_or(|l| l.get(&key).is_none()) {
                        counts.unreviewed = 1;
                    }
                }
                None => {
                    counts.fallback = 1;
                    let rank = order.get(&key).copied().unwrap_or(usize::MAX);
                    pending.push((kind, rank, position, key, file.clone()));
                }
            }
            add(by_kind.entry(kind).or_default(), counts);
            add(by_file.entry(file).or_default(), counts);
        }

        if self.data.len() > 1 {
            let own = &self.data[0];
            for (key, file) in own.own_keys() {
                if source.pattern(&key).is_none() {
                    let counts = Counts { obsolete: 1, ..Counts::default() };
                    add(by_kind.entry(MessageKind::of(&key)).or_default(), counts);
                    add(by_file.entry(file_name(&own.files[file].path)).or_default(), counts);
                }
            }
        }

        pending.sort_by_key(|(kind, rank, position, _, _)| (*kind, *rank, *position));
        let next = pending
            .into_iter()
            .take(next_limit)
            .map(|(kind, _, _, id, file)| {
                let english = source.pattern(&id).map(english_text).unwrap_or_default();
                Pending { id, kind, file, english }
            })
            .collect();
        let mut totals = Counts::default();
        for counts in by_kind.values() {
            add(&mut totals, *counts);
        }
        TranslationStatus {
            locale: self.locale().to_string(),
            totals,
            by_kind: by_kind.into_iter().map(|(kind, counts)| KindCounts { kind, counts }).collect(),
            by_file: by_file.into_iter().map(|(file, counts)| FileCounts { file, counts }).collect(),
            next,
            stale,
        }
    }
}

fn add(to: &mut Counts, counts: Counts) {
    to.total += counts.total;
    to.translated += counts.translated;
    to.fallback += counts.fallback;
    to.stale += counts.stale;
    to.unreviewed += counts.unreviewed;
    to.obsolete += counts.obsolete;
}
