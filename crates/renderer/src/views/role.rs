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

        // One pass over the skills, bucketing this role's requirements by level.
        let mut by_level: Vec<Vec<(&Skill, Necessity)>> = vec![Vec::new(); catalog.levels().len()];
        for skill in catalog.skills() {
            for req in skill.requirements().iter().filter(|req| &req.role == role) {
                if let Some(index) = catalog.levels().iter().position(|level| level == &req.level) {
                    by_level[index].push((skill, req.necessity));
                }
            }
        }

        let mut levels = Vec::new();
        for (level, requirements) in catalog.levels().iter().zip(by_level) {
            let mandatory = requirements.iter().filter(|(_, n)| *n == Necessity::Mandatory).count();
            let counts = [("mandatory", mandatory.into()), ("optional", (requirements.len() - mandatory).into())];
            let summary = self.ui_with(interface::ROLE_LEVEL_SUMMARY, &counts);
            let mut groups = Vec::new();
            for domain in catalog.domains() {
                for group in domain.groups() {
                    let rows: Vec<RequirementRow> = requirements
                        .iter()
                        .filter(|(skill, _)| skill.group() == group)
                        .map(|(skill, necessity)| RequirementRow {
                            subject: Link {
                                name: self.catalog(&message_ids::skill(skill.id())),
                                href: self.site.local_href(self.page, &Page::Skill(skill.id().clone()), self.format),
                            },
                            mandatory: *necessity == Necessity::Mandatory,
                            description: self.catalog(&message_ids::requirement(skill.id(), role, level)),
                        })
                        .collect();
                    if !rows.is_empty() {
                        groups.push(RoleGroup {
                            domain: self.catalog(&message_ids::domain(domain.id())),
                            group: self.catalog(&message_ids::group(group)),
                            rows,
                        });
                    }
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
