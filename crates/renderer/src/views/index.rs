//! A locale's index: domains, groups and skills; roles.

use ladder_i18n::{interface, message_ids};
use ladder_model::Skill;
use serde::Serialize;

use super::{Chrome, Link, Text, ViewBuilder};
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
    /// The footer's link to the translation status page; not in the source language.
    status_link: Option<Link>,
}

#[derive(Debug, Serialize)]
pub(crate) struct IndexDomain {
    name: Text,
    groups: Vec<IndexGroup>,
}

#[derive(Debug, Serialize)]
pub(crate) struct IndexGroup {
    name: Text,
    skills: Vec<IndexSkill>,
}

#[derive(Debug, Serialize)]
pub(crate) struct IndexSkill {
    name: Text,
    summary: Text,
    href: String,
}

impl ViewBuilder<'_, '_> {
    pub(crate) fn index(&mut self) -> IndexView {
        let catalog = self.site.catalog;
        let page = self.chrome();
        // The skills by group, in one pass (groups numbered in catalog order).
        let mut by_group: Vec<Vec<&Skill>> = vec![Vec::new(); self.site.group_count()];
        for skill in catalog.skills() {
            if let Some(group) = self.site.group_index(skill.group()) {
                by_group[group].push(skill);
            }
        }
        let mut by_group = by_group.into_iter();
        let mut domains = Vec::new();
        for domain in catalog.domains() {
            let mut groups = Vec::new();
            for (group, skills) in domain.groups().iter().zip(by_group.by_ref()) {
                let skills = skills
                    .into_iter()
                    .map(|skill| IndexSkill {
                        name: self.catalog(&message_ids::skill(skill.id())),
                        summary: self.skill_summary(skill.id()),
                        href: self.local_href(&Page::Skill(skill.id().clone())),
                    })
                    .collect();
                groups.push(IndexGroup { name: self.catalog(&message_ids::group(group)), skills });
            }
            domains.push(IndexDomain { name: self.catalog(&message_ids::domain(domain.id())), groups });
        }
        let roles = catalog
            .roles()
            .iter()
            .map(|role| Link {
                name: self.catalog(&message_ids::role(role)),
                href: self.local_href(&Page::Role(role.clone())),
            })
            .collect();
        let status_link = (self.localizer().chain().len() > 1).then(|| Link {
            name: self.ui(interface::STATUS_TITLE),
            href: self.site.local_href(self.page, &Page::TranslationStatus, self.format),
        });
        IndexView {
            page,
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
