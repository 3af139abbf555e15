//! A locale's index: domains, groups and skills; roles.

use ladder_i18n::{interface, message_ids};
use serde::Serialize;

use super::{Chrome, Href, Link, Text, ViewBuilder};
use crate::job::Page;

#[derive(Debug, Serialize)]
pub(crate) struct IndexView {
    page: Chrome,
    title: Text,
    skills_heading: Text,
    skill_count: Text,
    domains: Vec<IndexDomain>,
    roles_heading: Text,
    roles: Vec<Link>,
    /// The overview matrix.
    overview: Link,
    /// The moves page, which only HTML has: the Markdown index does not print it.
    moves: Link,
    /// The footer's link to the translation status page; not in the source language.
    status_link: Option<Link>,
}

#[derive(Debug, Serialize)]
pub(crate) struct IndexDomain {
    id: String,
    name: Text,
    groups: Vec<IndexGroup>,
}

#[derive(Debug, Serialize)]
pub(crate) struct IndexGroup {
    id: String,
    name: Text,
    skills: Vec<IndexSkill>,
}

#[derive(Debug, Serialize)]
pub(crate) struct IndexSkill {
    name: Text,
    summary: Text,
    href: Href,
}

impl ViewBuilder<'_, '_> {
    pub(crate) fn index(&mut self) -> IndexView {
        let catalog = self.site.catalog;
        let description = self.ui(interface::INDEX_DESCRIPTION);
        let title = self.ui(interface::INDEX_TITLE);
        let page = self.chrome(description, Vec::new(), title);
        // The skills by group, in one pass (groups numbered in the order the loop visits them).
        let mut by_group: Vec<Vec<&ladder_model::Skill>> = vec![Vec::new(); self.site.group_count()];
        for skill in catalog.skills() {
            if let Some(group) = self.site.group_index(skill.group()) {
                by_group[group].push(skill);
            }
        }
        let mut by_group = by_group.into_iter();
        let mut domains = Vec::new();
        for domain in catalog.domains() {
            let mut groups = Vec::new();
            for group in domain.groups() {
                let skills = by_group
                    .next()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|skill| IndexSkill {
                        name: self.catalog(&message_ids::skill(skill.id())),
                        summary: self.skill_summary(skill.id()),
                        href: self.site.local_href(self.page, &Page::Skill(skill.id().clone())),
                    })
                    .collect();
                groups.push(IndexGroup {
                    id: group.to_string(),
                    name: self.catalog(&message_ids::group(group)),
                    skills,
                });
            }
            domains.push(IndexDomain {
                id: domain.id().to_string(),
                name: self.catalog(&message_ids::domain(domain.id())),
                groups,
            });
        }
        let roles = self.role_links();
        let status_link = (self.localizer().chain().len() > 1).then(|| Link {
            name: self.ui(interface::STATUS_TITLE),
            href: self.site.local_href(self.page, &Page::TranslationStatus),
        });
        let overview =
            Link { name: self.ui(interface::OVERVIEW_TITLE), href: self.site.local_href(self.page, &Page::Overview) };
        let moves =
            Link { name: self.ui(interface::MOVES_PAGE_TITLE), href: self.site.local_href(self.page, &Page::Moves) };
        IndexView {
            page,
            overview,
            moves,
            status_link,
            title: self.ui(interface::INDEX_TITLE),
            skills_heading: self.ui(interface::INDEX_SKILLS),
            skill_count: self.count(interface::INDEX_SKILL_COUNT, catalog.skills().len()),
            domains,
            roles_heading: self.ui(interface::INDEX_ROLES),
            roles,
        }
    }
}
