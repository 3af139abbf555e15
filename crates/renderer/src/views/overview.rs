//! A locale's overview: every skill against every role (from which level each role needs it),
//! and how many requirements each role has at each level.

use ladder_i18n::{interface, message_ids};
use ladder_model::Necessity;
use serde::Serialize;

use super::{Chrome, Href, Link, Text, ViewBuilder, requirement_anchor};
use crate::job::Page;

#[derive(Debug, Serialize)]
pub(crate) struct OverviewView {
    page: Chrome,
    title: Text,
    intro: Text,
    /// The corner headers: "Skill" for the matrix, "Level" for the counts.
    skill_label: Text,
    level_label: Text,
    absent: Text,
    totals_heading: Text,
    roles: Vec<Link>,
    groups: Vec<OverviewGroup>,
    totals: Vec<TotalsRow>,
}

#[derive(Debug, Serialize)]
pub(crate) struct OverviewGroup {
    domain: Text,
    group: Text,
    skills: Vec<OverviewSkill>,
}

#[derive(Debug, Serialize)]
pub(crate) struct OverviewSkill {
    name: Link,
    cells: Vec<OverviewCell>,
}

/// A skill for a role: from which level it is mandatory, and optional before that.
#[derive(Debug, Serialize)]
pub(crate) struct OverviewCell {
    mandatory_from: Option<Text>,
    optional_from: Option<Text>,
    /// The skill page's row of the first level the role needs it at.
    href: Option<Href>,
}

#[derive(Debug, Serialize)]
pub(crate) struct TotalsRow {
    level: Text,
    /// Per role: "3 mandatory, 1 optional".
    cells: Vec<Text>,
}

impl ViewBuilder<'_, '_> {
    pub(crate) fn overview(&mut self) -> OverviewView {
        let catalog = self.site.catalog;
        let description = self.ui(interface::OVERVIEW_INTRO);
        let crumb = self.ui(interface::OVERVIEW_TITLE);
        let page = self.chrome(description, Vec::new(), crumb);
        let roles = self.role_links();
        let mut groups = Vec::new();
        for domain in catalog.domains() {
            for group in domain.groups() {
                let mut skills = Vec::new();
                for skill in catalog.skills_in_group(group) {
                    let skill_href = self.site.local_href(self.page, &Page::Skill(skill.id().clone()));
                    let mut cells = Vec::new();
                    for role in catalog.roles() {
                        let first = |wanted: Option<Necessity>| {
                            catalog.levels().iter().find(|level| {
                                skill.requirement(role, level).is_some_and(|n| wanted.is_none_or(|w| w == n))
                            })
                        };
                        let mandatory = first(Some(Necessity::Mandatory));
                        let any = first(None);
                        let optional = any.filter(|level| Some(*level) != mandatory);
                        let mut from = |level: &ladder_model::Id, message| {
                            let name = self.catalog_localized(&message_ids::level(level));
                            self.ui_with_texts(message, &[("level", &name)])
                        };
                        cells.push(OverviewCell {
                            optional_from: optional.map(|level| from(level, interface::MATRIX_OPTIONAL_FROM)),
                            mandatory_from: mandatory.map(|level| from(level, interface::MATRIX_MANDATORY_FROM)),
                            href: any.map(|level| skill_href.with_fragment(&requirement_anchor(role, level))),
                        });
                    }
                    skills.push(OverviewSkill {
                        name: Link { name: self.catalog(&message_ids::skill(skill.id())), href: skill_href },
                        cells,
                    });
                }
                if !skills.is_empty() {
                    groups.push(OverviewGroup {
                        domain: self.catalog(&message_ids::domain(domain.id())),
                        group: self.catalog(&message_ids::group(group)),
                        skills,
                    });
                }
            }
        }
        let mut totals = Vec::new();
        for level in catalog.levels() {
            let mut cells = Vec::new();
            for role in catalog.roles() {
                let (mut mandatory, mut optional) = (0_usize, 0_usize);
                for skill in catalog.skills() {
                    match skill.requirement(role, level) {
                        Some(Necessity::Mandatory) => mandatory += 1,
                        Some(Necessity::Optional) => optional += 1,
                        None => {}
                    }
                }
                let counts = [("mandatory", mandatory.into()), ("optional", optional.into())];
                cells.push(self.ui_with(interface::ROLE_LEVEL_SUMMARY, &counts));
            }
            totals.push(TotalsRow { level: self.catalog(&message_ids::level(level)), cells });
        }
        OverviewView {
            page,
            title: self.ui(interface::OVERVIEW_TITLE),
            intro: self.ui(interface::OVERVIEW_INTRO),
            skill_label: self.ui(interface::TABLE_SKILL),
            level_label: self.count(interface::SKILL_LEVELS, 1),
            absent: self.ui(interface::COMPARE_ABSENT),
            totals_heading: self.ui(interface::MATRIX_TOTALS),
            roles,
            groups,
            totals,
        }
    }
}
