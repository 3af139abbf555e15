//! A skill's page: its profile, counts, and what each role needs at each level, with what changes
//! from one level to the next and the labels the comparison script needs.

use ladder_i18n::{Localized, interface, message_ids};
use ladder_model::{Id, Necessity, Skill};
use serde::Serialize;

use super::{
    Changes, Chrome, Crumb, Link, RequirementRow, TableLabels, Text, ViewBuilder, changes, requirement_anchor,
};
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
    compare_from: Text,
    compare_to: Text,
    compare_heading: Text,
    compare_change: Text,
    compare_absent: Text,
    change_added: Text,
    change_removed: Text,
    change_mandatory: Text,
    change_optional: Text,
    change_text: Text,
    change_none: Text,
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
    /// The Markdown heading's anchor (GitHub's, from the translated name).
    anchor: String,
    caption: Text,
    rows: Vec<RequirementRow>,
    /// What changed since the previous level the skill has; none for the first.
    changes: Option<Changes>,
}

impl ViewBuilder<'_, '_> {
    pub(crate) fn skill(&mut self, skill: &Skill) -> SkillView {
        let catalog = self.site.catalog;
        let name_localized = self.catalog_localized(&message_ids::skill(skill.id()));
        let summary = self.skill_summary(skill.id());
        let description = self.skill_summary(skill.id());
        let index = self.site.local_href(self.page, &Page::Index);
        let trail = vec![
            Crumb {
                name: self.catalog(&message_ids::domain(skill.domain())),
                href: Some(index.with_fragment(&format!("domain-{}", skill.domain()))),
            },
            Crumb {
                name: self.catalog(&message_ids::group(skill.group())),
                href: Some(index.with_fragment(&format!("group-{}", skill.group()))),
            },
        ];
        let title = self.text(&name_localized);
        let page = self.chrome(description, trail, title);
        let skill_levels: Vec<&Id> =
            catalog.levels().iter().filter(|level| skill.requirements_at(level).next().is_some()).collect();
        let stats = vec![
            Stat {
                label: self.count(interface::SKILL_ROLES, skill.roles().count()),
                value: skill.roles().count(),
                note: self.ui(interface::SKILL_ROLES_NOTE),
            },
            Stat {
                label: self.count(interface::SKILL_LEVELS, skill_levels.len()),
                value: skill_levels.len(),
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
            skill_levels.iter().map(|level| self.catalog_localized(&message_ids::level(level))).collect();
        // From the first level the skill has to its last; one sentence for a skill of one level.
        let growth = match (level_names.first(), level_names.last()) {
            (Some(first), Some(last)) if level_names.len() > 1 => {
                self.ui_with_texts(interface::LEVEL_GROWTH, &[("first", first), ("last", last)])
            }
            (Some(only), _) => self.ui_with_texts(interface::LEVEL_SINGLE, &[("level", only)]),
            _ => self.ui_with(interface::LEVEL_GROWTH, &[("first", "".into()), ("last", "".into())]),
        };

        let mut levels = Vec::new();
        let mut previous: Option<(Vec<(&Id, Necessity)>, Localized<'_>)> = None;
        for (level, level_name) in skill_levels.iter().copied().zip(level_names) {
            let rows: Vec<RequirementRow> = skill
                .requirements_at(level)
                .map(|req| RequirementRow {
                    key: req.role.to_string(),
                    anchor: requirement_anchor(&req.role, level),
                    subject: Link {
                        name: self.catalog(&message_ids::role(&req.role)),
                        href: self.local_href(&Page::Role(req.role.clone())),
                    },
                    mandatory: req.necessity == Necessity::Mandatory,
                    description: self.catalog(&message_ids::requirement(skill.id(), &req.role, level)),
                })
                .collect();
            let here: Vec<(&Id, Necessity)> =
                skill.requirements_at(level).map(|req| (&req.role, req.necessity)).collect();
            let level_changes = match &previous {
                Some((before, before_name)) => {
                    let found = changes(before, &here);
                    let heading = self.ui_with_texts(interface::CHANGES_FROM, &[("level", before_name)]);
                    let (site, page) = (self.site, self.page);
                    Some(self.change_list(heading, &found, message_ids::role, |role| {
                        site.local_href(page, &Page::Role(role.clone()))
                    }))
                }
                None => None,
            };
            let caption =
                self.ui_with_texts(interface::TABLE_CAPTION, &[("skill", &name_localized), ("level", &level_name)]);
            levels.push(SkillLevel {
                id: level.to_string(),
                anchor: heading_anchor(&level_name.text),
                caption,
                name: self.text(&level_name),
                rows,
                changes: level_changes,
            });
            previous = Some((here, level_name));
        }

        SkillView {
            page,
            summary,
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
                compare_from: self.ui(interface::COMPARE_FROM),
                compare_to: self.ui(interface::COMPARE_TO),
                compare_heading: self.ui(interface::COMPARE_HEADING),
                compare_change: self.ui(interface::COMPARE_CHANGE),
                compare_absent: self.ui(interface::COMPARE_ABSENT),
                change_added: self.ui(interface::CHANGE_ADDED),
                change_removed: self.ui(interface::CHANGE_REMOVED),
                change_mandatory: self.ui(interface::CHANGE_MANDATORY),
                change_optional: self.ui(interface::CHANGE_OPTIONAL),
                change_text: self.ui(interface::CHANGE_TEXT),
                change_none: self.ui(interface::CHANGE_NONE),
            },
            stats,
            levels,
            name: self.text(&name_localized),
        }
    }
}
