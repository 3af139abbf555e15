//! A role's page: its career path, level by level, skill by skill, grouped by domain and group,
//! with what changes at the next level.

use ladder_i18n::{interface, message_ids};
use ladder_model::{Id, Necessity, Skill};
use serde::Serialize;

use super::moves::position_value;
use super::{Changes, Chrome, Href, Link, RequirementRow, TableLabels, Text, ViewBuilder, changes, requirement_anchor};
use crate::job::Page;

#[derive(Debug, Serialize)]
pub(crate) struct RoleView {
    page: Chrome,
    title: Text,
    intro: Text,
    /// The moves page, starting at this role's first level: only HTML has it, the Markdown role
    /// page does not print it.
    moves: Option<Link>,
    /// The role's Markdown moves page, when it is rendered (`--moves`): the Markdown role page
    /// prints it, the HTML one does not.
    role_moves: Option<Link>,
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
    /// What changes at the next level; none at the last.
    next: Option<Changes>,
    /// The moves page, starting at this level (HTML only).
    moves: Link,
}

#[derive(Debug, Serialize)]
pub(crate) struct RoleGroup {
    /// `<level>--<group>`, the same in every locale.
    anchor: String,
    domain: Text,
    group: Text,
    /// How many of the group's skills are mandatory and optional at this level.
    summary: Text,
    rows: Vec<RequirementRow>,
}

impl ViewBuilder<'_, '_> {
    /// The moves page with `role` at `level` chosen as where the move starts.
    fn moves_href(&self, role: &Id, level: &Id) -> Href {
        let query = format!("from={}", position_value(role, level));
        self.site.local_href(self.page, &Page::Moves).with_query(&query)
    }

    pub(crate) fn role(&mut self, role: &Id) -> RoleView {
        let catalog = self.site.catalog;
        let role_name = self.catalog_localized(&message_ids::role(role));
        let title = self.ui_with_texts(interface::ROLE_TITLE, &[("role", &role_name)]);
        let description = self.ui_with_texts(interface::ROLE_DESCRIPTION, &[("role", &role_name)]);
        let crumb = self.ui_with_texts(interface::ROLE_TITLE, &[("role", &role_name)]);
        let page = self.chrome(description, Vec::new(), crumb);

        // One pass over the skills, bucketing this role's requirements by level.
        let mut by_level: Vec<Vec<(&Skill, Necessity)>> = vec![Vec::new(); catalog.levels().len()];
        for skill in catalog.skills() {
            for req in skill.requirements().iter().filter(|req| &req.role == role) {
                if let Some(index) = self.site.level_index(&req.level) {
                    by_level[index].push((skill, req.necessity));
                }
            }
        }

        let mut levels = Vec::new();
        for (index, (level, requirements)) in catalog.levels().iter().zip(&by_level).enumerate() {
            let mandatory = requirements.iter().filter(|(_, n)| *n == Necessity::Mandatory).count();
            let counts = [("mandatory", mandatory.into()), ("optional", (requirements.len() - mandatory).into())];
            let summary = self.ui_with(interface::ROLE_LEVEL_SUMMARY, &counts);
            let mut groups = Vec::new();
            // Bucketed by group in one pass: groups are numbered in the order the loop below
            // visits them.
            let mut by_group: Vec<Vec<&(&Skill, Necessity)>> = vec![Vec::new(); self.site.group_count()];
            for entry in requirements {
                if let Some(group) = self.site.group_index(entry.0.group()) {
                    by_group[group].push(entry);
                }
            }
            let mut by_group = by_group.into_iter();
            for domain in catalog.domains() {
                for group in domain.groups() {
                    let in_group = by_group.next().unwrap_or_default();
                    if in_group.is_empty() {
                        continue;
                    }
                    let mandatory = in_group.iter().filter(|(_, n)| *n == Necessity::Mandatory).count();
                    let counts = [("mandatory", mandatory.into()), ("optional", (in_group.len() - mandatory).into())];
                    let rows: Vec<RequirementRow> = in_group
                        .iter()
                        .map(|(skill, necessity)| RequirementRow {
                            key: skill.id().to_string(),
                            anchor: requirement_anchor(skill.id(), level),
                            subject: Link {
                                name: self.catalog(&message_ids::skill(skill.id())),
                                href: self.site.local_href(self.page, &Page::Skill(skill.id().clone())),
                            },
                            mandatory: *necessity == Necessity::Mandatory,
                            description: self.catalog(&message_ids::requirement(skill.id(), role, level)),
                        })
                        .collect();
                    groups.push(RoleGroup {
                        anchor: format!("{level}--{group}"),
                        domain: self.catalog(&message_ids::domain(domain.id())),
                        group: self.catalog(&message_ids::group(group)),
                        summary: self.ui_with(interface::ROLE_LEVEL_SUMMARY, &counts),
                        rows,
                    });
                }
            }
            let next = match (catalog.levels().get(index + 1), by_level.get(index + 1)) {
                (Some(next_level), Some(next_requirements)) => {
                    let before: Vec<(&Id, Necessity)> = requirements.iter().map(|(s, n)| (s.id(), *n)).collect();
                    let after: Vec<(&Id, Necessity)> = next_requirements.iter().map(|(s, n)| (s.id(), *n)).collect();
                    let found = changes(&before, &after);
                    let next_name = self.catalog_localized(&message_ids::level(next_level));
                    let heading = self.ui_with_texts(interface::ROLE_NEXT, &[("level", &next_name)]);
                    let (site, page) = (self.site, self.page);
                    Some(self.change_list(heading, &found, message_ids::skill, |skill| {
                        site.local_href(page, &Page::Skill(skill.clone()))
                            .with_fragment(&requirement_anchor(role, next_level))
                    }))
                }
                _ => None,
            };
            let level_name = self.catalog_localized(&message_ids::level(level));
            let moves = Link {
                name: self.ui_with_texts(interface::MOVES_FROM_LEVEL, &[("level", &level_name)]),
                href: self.moves_href(role, level),
            };
            levels.push(RoleLevel {
                id: level.to_string(),
                name: self.catalog(&message_ids::level(level)),
                summary,
                groups,
                next,
                moves,
            });
        }

        RoleView {
            page,
            title,
            intro: self.ui(interface::ROLE_INTRO),
            moves: self
                .site
                .catalog
                .levels()
                .first()
                .map(|level| Link { name: self.ui(interface::MOVES_LINK), href: self.moves_href(role, level) }),
            role_moves: self.site.role_moves().then(|| Link {
                name: self.ui(interface::MOVES_LINK),
                href: self.site.local_href(self.page, &Page::RoleMoves(role.clone())),
            }),
            labels: RoleLabels {
                table: self.table_labels(interface::TABLE_SKILL),
                no_skills: self.ui(interface::ROLE_NO_SKILLS),
            },
            levels,
        }
    }
}
