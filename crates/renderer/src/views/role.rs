//! A role's page: its career path, level by level, skill by skill.

use ladder_i18n::{interface, message_ids};
use ladder_model::{Id, Necessity, Skill};
use serde::Serialize;

use super::{Chrome, Link, RequirementRow, TableLabels, Text, ViewBuilder};
use crate::job::Page;

#[derive(Debug, Serialize)]
pub(crate) struct RoleView {
    page: Chrome,
    title: Text,
    intro: Text,
    labels: RoleLabels,
    levels: Vec<RoleLevel>,
}

#[derive(Debug, Serialize)]
pub(crate) struct RoleLabels {
    table: TableLabels,
    no_skills: Text,
}

#[derive(Debug, Serialize)]
pub(crate) struct RoleLevel {
    id: String,
    name: Text,
    summary: Text,
    groups: Vec<RoleGroup>,
}

#[derive(Debug, Serialize)]
pub(crate) struct RoleGroup {
    domain: Text,
    group: Text,
    rows: Vec<RequirementRow>,
}

impl ViewBuilder<'_, '_> {
    pub(crate) fn role(&mut self, role: &Id) -> RoleView {
        let catalog = self.site.catalog;
        let page = self.chrome();
        let role_name = self.catalog_localized(&message_ids::role(role));
        let title = self.ui_with_texts(interface::ROLE_TITLE, &[("role", &role_name)]);

        // One pass over the skills, bucketing this role's requirements by level, then by group
        // (in catalog order: groups are numbered as `domains.yaml` lists them).
        let group_count = self.site.group_count();
        let mut by_level: Vec<Vec<Vec<(&Skill, Necessity)>>> =
            vec![vec![Vec::new(); group_count]; catalog.levels().len()];
        for skill in catalog.skills() {
            let Some(group) = self.site.group_index(skill.group()) else { continue };
            for req in skill.requirements().iter().filter(|req| &req.role == role) {
                if let Some(level) = self.site.level_index(&req.level) {
                    by_level[level][group].push((skill, req.necessity));
                }
            }
        }

        let mut levels = Vec::new();
        for (level, by_group) in catalog.levels().iter().zip(by_level) {
            let total: usize = by_group.iter().map(Vec::len).sum();
            let mandatory =
                by_group.iter().flatten().filter(|(_, necessity)| *necessity == Necessity::Mandatory).count();
            let counts = [("mandatory", mandatory.into()), ("optional", (total - mandatory).into())];
            let summary = self.ui_with(interface::ROLE_LEVEL_SUMMARY, &counts);
            let mut groups = Vec::new();
            let mut by_group = by_group.into_iter();
            for domain in catalog.domains() {
                for (group, requirements) in domain.groups().iter().zip(by_group.by_ref()) {
                    if requirements.is_empty() {
                        continue;
                    }
                    let rows: Vec<RequirementRow> = requirements
                        .iter()
                        .map(|(skill, necessity)| RequirementRow {
                            subject: Link {
                                name: self.catalog(&message_ids::skill(skill.id())),
                                href: self.local_href(&Page::Skill(skill.id().clone())),
                            },
                            mandatory: *necessity == Necessity::Mandatory,
                            description: self.catalog(&message_ids::requirement(skill.id(), role, level)),
                        })
                        .collect();
                    groups.push(RoleGroup {
                        domain: self.catalog(&message_ids::domain(domain.id())),
                        group: self.catalog(&message_ids::group(group)),
                        rows,
                    });
                }
            }
            levels.push(RoleLevel {
                id: level.to_string(),
                name: self.catalog(&message_ids::level(level)),
                summary,
                groups,
            });
        }

        RoleView {
            page,
            title,
            intro: self.ui(interface::ROLE_INTRO),
            labels: RoleLabels {
                table: self.table_labels(interface::TABLE_SKILL),
                no_skills: self.ui(interface::ROLE_NO_SKILLS),
            },
            levels,
        }
    }
}
