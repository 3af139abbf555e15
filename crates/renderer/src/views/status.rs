//! The translation status page: for translators, what a locale has translated, what is out of
//! date, and what to translate next; the same report as `cargo xtask status`.

use ladder_i18n::interface::{self, InterfaceMessage};
use ladder_i18n::{Counts, MessageKind};
use serde::Serialize;

use super::{Chrome, Text, ViewBuilder};

/// How many of the texts still in English the page lists.
const NEXT_SHOWN: usize = 10;

#[derive(Debug, Serialize)]
pub(crate) struct StatusView {
    page: Chrome,
    title: Text,
    summary: Text,
    labels: StatusLabels,
    by_kind: Vec<StatusRow>,
    by_file: Vec<StatusRow>,
    next_heading: Text,
    next: Vec<PendingRow>,
    stale: Vec<StaleRow>,
}

#[derive(Debug, Serialize)]
pub(crate) struct StatusLabels {
    by_kind: Text,
    by_file: Text,
    kind: Text,
    file: Text,
    total: Text,
    translated: Text,
    fallback: Text,
    stale: Text,
    unreviewed: Text,
    obsolete: Text,
    nothing_left: Text,
    stale_heading: Text,
    none_stale: Text,
    message: Text,
    was: Text,
    now: Text,
}

#[derive(Debug, Serialize)]
pub(crate) struct StatusRow {
    name: Text,
    counts: Counts,
}

#[derive(Debug, Serialize)]
pub(crate) struct PendingRow {
    id: String,
    english: Text,
}

#[derive(Debug, Serialize)]
pub(crate) struct StaleRow {
    id: String,
    old: Text,
    new: Text,
}

fn kind_message(kind: MessageKind) -> InterfaceMessage {
    match kind {
        MessageKind::Interface => interface::STATUS_KIND_INTERFACE,
        MessageKind::Names => interface::STATUS_KIND_NAMES,
        MessageKind::SkillNames => interface::STATUS_KIND_SKILL_NAMES,
        MessageKind::Summaries => interface::STATUS_KIND_SUMMARIES,
        MessageKind::Descriptions => interface::STATUS_KIND_DESCRIPTIONS,
        MessageKind::Other => interface::STATUS_KIND_OTHER,
    }
}

impl ViewBuilder<'_, '_> {
    pub(crate) fn status(&mut self) -> StatusView {
        let (description, title) = (self.ui(interface::STATUS_TITLE), self.ui(interface::STATUS_TITLE));
        let page = self.chrome(description, Vec::new(), title);
        let localizer = self.localizer();
        let status =
            self.site.statuses[self.locale].get_or_init(|| localizer.status(Some(self.site.catalog), NEXT_SHOWN));
        let source = localizer.chain().last().unwrap_or(localizer.locale()).clone();
        let here = localizer.locale().clone();
        let english = |text: &str| Text::source(text, &source, &here);
        let totals = status.totals;
        let summary = self.ui_with(
            interface::STATUS_SUMMARY,
            &[
                ("translated", totals.translated.into()),
                ("total", totals.total.into()),
                ("fallback", totals.fallback.into()),
            ],
        );
        let by_kind = status
            .by_kind
            .iter()
            .map(|kind| StatusRow { name: self.ui(kind_message(kind.kind)), counts: kind.counts })
            .collect();
        // File names are not translated: they are the same in every locale.
        let by_file = status
            .by_file
            .iter()
            .map(|file| StatusRow { name: Text::source(&file.file, &here, &here), counts: file.counts })
            .collect();
        StatusView {
            page,
            title: self.ui(interface::STATUS_TITLE),
            summary,
            labels: StatusLabels {
                by_kind: self.ui(interface::STATUS_BY_KIND),
                by_file: self.ui(interface::STATUS_BY_FILE),
                kind: self.ui(interface::STATUS_KIND),
                file: self.ui(interface::STATUS_FILE),
                total: self.ui(interface::STATUS_TOTAL),
                translated: self.ui(interface::STATUS_TRANSLATED),
                fallback: self.ui(interface::STATUS_FALLBACK),
                stale: self.ui(interface::STATUS_STALE),
                unreviewed: self.ui(interface::STATUS_UNREVIEWED),
                obsolete: self.ui(interface::STATUS_OBSOLETE),
                nothing_left: self.ui(interface::STATUS_NOTHING_LEFT),
                stale_heading: self.ui(interface::STATUS_STALE_HEADING),
                none_stale: self.ui(interface::STATUS_NONE_STALE),
                message: self.ui(interface::STATUS_MESSAGE),
                was: self.ui(interface::STATUS_WAS),
                now: self.ui(interface::STATUS_NOW),
            },
            by_kind,
            by_file,
            next_heading: self.count(interface::STATUS_NEXT, totals.fallback),
            next: status.next.iter().map(|p| PendingRow { id: p.id.clone(), english: english(&p.english) }).collect(),
            stale: status
                .stale
                .iter()
                .map(|s| StaleRow { id: s.id.clone(), old: english(&s.old), new: english(&s.new) })
                .collect(),
        }
    }
}
