//! A skill's page: its profile, counts, and what each role needs at each level.

use ladder_i18n::{FluentArgs, message_ids};
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
        let name = self.ui(&message_ids::skill(skill.id()));
        let levels_with_requirements =
            catalog.levels().iter().filter(|level| skill.requirements_at(level).next().is_some()).count();
        let stats = vec![
            Stat {
                label: self.count("ui-skill-roles", skill.roles().count()),
                value: skill.roles().count(),
                note: self.ui("ui-skill-roles-note"),
            },
            Stat {
                label: self.count("ui-skill-levels", levels_with_requirements),
                value: levels_with_requirements,
                note: self.ui("ui-skill-levels-note"),
            },
            Stat {
                label: self.count("ui-skill-mandatory", skill.mandatory_count()),
                value: skill.mandatory_count(),
                note: self.count("ui-skill-optional-rest", skill.optional_count()),
            },
        ];
        let localizer = &self.site.localizers[self.locale];
        let date = localizer.date(skill.updated(), &mut self.problems).text.into_owned();
        let mut args = FluentArgs::new();
        args.set("date", date);
        let updated = self.ui_with("ui-skill-updated", &args);

        let level_names: Vec<Text> = catalog.levels().iter().map(|level| self.ui(&message_ids::level(level))).collect();
        let mut args = FluentArgs::new();
        args.set("first", level_names.first().map_or(String::new(), |t| t.text.clone()));
        args.set("last", level_names.last().map_or(String::new(), |t| t.text.clone()));
        let growth = self.ui_with("ui-level-growth", &args);

        let mut levels = Vec::new();
        for (level, level_name) in catalog.levels().iter().zip(level_names) {
            let rows: Vec<RequirementRow> = skill
                .requirements_at(level)
                .map(|req| RequirementRow {
                    subject: Link {
                        name: self.ui(&message_ids::role(&req.role)),
                        href: self.site.local_href(self.page, &Page::Role(req.role.clone()), self.format),
                    },
                    mandatory: req.necessity == Necessity::Mandatory,
                    description: self.ui(&message_ids::requirement(skill.id(), &req.role, level)),
                })
                .collect();
            if rows.is_empty() {
                continue;
            }
            let mut args = FluentArgs::new();
            args.set("skill", name.text.clone());
            args.set("level", level_name.text.clone());
            levels.push(SkillLevel {
                id: level.to_string(),
                anchor: heading_anchor(&level_name.text),
                caption: self.ui_with("ui-table-caption", &args),
                name: level_name,
                rows,
            });
        }

        SkillView {
            page,
            summary: self.skill_summary(skill.id()),
            domain: self.ui(&message_ids::domain(skill.domain())),
            group: self.ui(&message_ids::group(skill.group())),
            updated_iso: skill.updated().to_string(),
            updated,
            labels: SkillLabels {
                domain: self.ui("ui-skill-domain"),
                profile: self.ui("ui-skill-profile"),
                level_selector: self.ui("ui-level-selector"),
                level_all: self.ui("ui-level-all"),
                growth,
                table: self.table_labels("ui-table-role"),
            },
            stats,
            levels,
            name,
        }
    }
}
