//! A skill's page: its profile, counts, and what each role needs at each level.

use ladder_i18n::{Localized, interface, message_ids};
use ladder_model::{Necessity, Skill};
use serde::Serialize;

use super::{Chrome, Link, RequirementRow, TableLabels, Text, ViewBuilder};
use crate::escape::heading_anchor;
use crate::job::Page;

#[derive(Debug, Serialize)]
pub(crate) struct SkillView {
    page: Chrome,
    name: Text,
    summary: Text,
    domain: Text,
    group: Text,
    updated_iso: String,
    updated: Text,
    labels: SkillLabels,
    stats: Vec<Stat>,
    levels: Vec<SkillLevel>,
}

#[derive(Debug, Serialize)]
pub(crate) struct SkillLabels {
    domain: Text,
    profile: Text,
    level_selector: Text,
    level_all: Text,
    growth: Text,
    table: TableLabels,
}

#[derive(Debug, Serialize)]
pub(crate) struct Stat {
    label: Text,
    value: usize,
    note: Text,
}

#[derive(Debug, Serialize)]
pub(crate) struct SkillLevel {
    id: String,
    name: Text,
    anchor: String,
    caption: Text,
    rows: Vec<RequirementRow>,
}

impl ViewBuilder<'_, '_> {
    pub(crate) fn skill(&mut self, skill: &Skill) -> SkillView {
        let catalog = self.site.catalog;
        let page = self.chrome();
        let name_localized = self.catalog_localized(&message_ids::skill(skill.id()));
        let levels_with_requirements =
            catalog.levels().iter().filter(|level| skill.requirements_at(level).next().is_some()).count();
        let stats = vec![
            Stat {
                label: self.count(interface::SKILL_ROLES, skill.roles().count()),
                value: skill.roles().count(),
                note: self.ui(interface::SKILL_ROLES_NOTE),
            },
            Stat {
                label: self.count(interface::SKILL_LEVELS, levels_with_requirements),
                value: levels_with_requirements,
                note: self.ui(interface::SKILL_LEVELS_NOTE),
            },
            Stat {
                label: self.count(interface::SKILL_MANDATORY, skill.mandatory_count()),
                value: skill.mandatory_count(),
                note: self.count(interface::SKILL_OPTIONAL_REST, skill.optional_count()),
            },
        ];
        let date = self.date(skill.updated());
        let updated = self.ui_with_texts(interface::SKILL_UPDATED, &[("date", &date)]);

        let level_names: Vec<Localized<'_>> =
            catalog.levels().iter().map(|level| self.catalog_localized(&message_ids::level(level))).collect();
        let growth = match (level_names.first(), level_names.last()) {
            (Some(first), Some(last)) => {
                self.ui_with_texts(interface::LEVEL_GROWTH, &[("first", first), ("last", last)])
            }
            _ => self.ui_with(interface::LEVEL_GROWTH, &[("first", "".into()), ("last", "".into())]),
        };

        let mut levels = Vec::new();
        for (level, level_name) in catalog.levels().iter().zip(level_names) {
            let rows: Vec<RequirementRow> = skill
                .requirements_at(level)
                .map(|req| RequirementRow {
                    subject: Link {
                        name: self.catalog(&message_ids::role(&req.role)),
                        href: self.local_href(&Page::Role(req.role.clone())),
                    },
                    mandatory: req.necessity == Necessity::Mandatory,
                    description: self.catalog(&message_ids::requirement(skill.id(), &req.role, level)),
                })
                .collect();
            if rows.is_empty() {
                continue;
            }
            let caption =
                self.ui_with_texts(interface::TABLE_CAPTION, &[("skill", &name_localized), ("level", &level_name)]);
            levels.push(SkillLevel {
                id: level.to_string(),
                anchor: heading_anchor(&level_name.text),
                caption,
                name: self.text(&level_name),
                rows,
            });
        }

        SkillView {
            page,
            summary: self.skill_summary(skill.id()),
            domain: self.catalog(&message_ids::domain(skill.domain())),
            group: self.catalog(&message_ids::group(skill.group())),
            updated_iso: skill.updated().to_string(),
            updated,
            labels: SkillLabels {
                domain: self.ui(interface::SKILL_DOMAIN),
                profile: self.ui(interface::SKILL_PROFILE),
                level_selector: self.ui(interface::LEVEL_SELECTOR),
                level_all: self.ui(interface::LEVEL_ALL),
                growth,
                table: self.table_labels(interface::TABLE_ROLE),
            },
            stats,
            levels,
            name: self.text(&name_localized),
        }
    }
}
