//! A role's moves page (`moves/<role>`): from each of its levels to every other role, at the same
//! level and one level up, the skills both need (and how the expectation changes), the skills to
//! gain and the skills left behind, mandatory first.
//!
//! One page per role keeps the output bounded: roles × 2 files per locale, each with at most
//! levels × (roles − 1) × 2 moves, whatever the number of skills.

use ladder_i18n::{interface, message_ids};
use ladder_model::{Catalog, Id, Necessity, Skill};
use serde::Serialize;

use super::{Chrome, Crumb, Href, Link, Text, ViewBuilder, requirement_anchor};
use crate::escape::heading_anchor;
use crate::job::Page;

/// The skills of one move, each list in catalog order with the mandatory ones first.
#[derive(Debug, Default)]
pub(crate) struct MoveSkills<'c> {
    /// Needed by both: the necessity now, then in the target.
    pub(crate) shared: Vec<(&'c Skill, Necessity, Necessity)>,
    /// Needed by the target only.
    pub(crate) gain: Vec<(&'c Skill, Necessity)>,
    /// Needed now, not by the target.
    pub(crate) leave: Vec<(&'c Skill, Necessity)>,
}

/// What changes from `role` at `level` to `target` at `target_level`.
pub(crate) fn move_skills<'c>(catalog: &'c Catalog, from: (&Id, &Id), to: (&Id, &Id)) -> MoveSkills<'c> {
    let mut skills = MoveSkills::default();
    for skill in catalog.skills() {
        match (skill.requirement(from.0, from.1), skill.requirement(to.0, to.1)) {
            (Some(now), Some(then)) => skills.shared.push((skill, now, then)),
            (None, Some(then)) => skills.gain.push((skill, then)),
            (Some(now), None) => skills.leave.push((skill, now)),
            (None, None) => {}
        }
    }
    // Stable sorts: catalog order within mandatory, then within optional.
    skills.shared.sort_by_key(|(_, _, then)| *then != Necessity::Mandatory);
    skills.gain.sort_by_key(|(_, then)| *then != Necessity::Mandatory);
    skills.leave.sort_by_key(|(_, now)| *now != Necessity::Mandatory);
    skills
}

#[derive(Debug, Serialize)]
pub(crate) struct MovesView {
    page: Chrome,
    title: Text,
    intro: Text,
    labels: MovesLabels,
    levels: Vec<MovesLevel>,
}

#[derive(Debug, Serialize)]
pub(crate) struct MovesLabels {
    contents: Text,
    shared: Text,
    gain: Text,
    leave: Text,
    none: Text,
    mandatory: Text,
    optional: Text,
}

/// The moves from one level of the role.
#[derive(Debug, Serialize)]
pub(crate) struct MovesLevel {
    id: String,
    name: Text,
    moves: Vec<Move>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Move {
    /// `<level>--<target role>--<target level>`, from ids: the same in every locale (HTML).
    anchor: String,
    /// The heading's anchor as GitHub makes it (Markdown).
    md_anchor: String,
    heading: Text,
    /// The target's career path at the target level.
    target: Href,
    shared: Vec<MoveItem>,
    gain: Vec<MoveItem>,
    leave: Vec<MoveItem>,
}

#[derive(Debug, Serialize)]
pub(crate) struct MoveItem {
    skill: Link,
    /// Mandatory now (shared and left-behind skills).
    now_mandatory: Option<bool>,
    /// Mandatory in the target (shared and gained skills).
    then_mandatory: Option<bool>,
    /// The necessity changes (shared skills).
    changed: bool,
}

impl ViewBuilder<'_, '_> {
    pub(crate) fn moves(&mut self, role: &Id) -> MovesView {
        let catalog = self.site.catalog;
        let role_name = self.catalog_localized(&message_ids::role(role));
        let title = self.ui_with_texts(interface::MOVES_TITLE, &[("role", &role_name)]);
        let description = self.ui_with_texts(interface::MOVES_INTRO, &[("role", &role_name)]);
        let trail = vec![Crumb {
            name: self.ui_with_texts(interface::ROLE_TITLE, &[("role", &role_name)]),
            href: Some(self.site.local_href(self.page, &Page::Role(role.clone()))),
        }];
        let crumb = self.ui_with_texts(interface::MOVES_TITLE, &[("role", &role_name)]);
        let page = self.chrome(description, trail, crumb);

        let levels = catalog.levels();
        let mut sections = Vec::new();
        for (index, level) in levels.iter().enumerate() {
            let level_name = self.catalog_localized(&message_ids::level(level));
            let mut moves = Vec::new();
            for target in catalog.roles().iter().filter(|target| *target != role) {
                let target_name = self.catalog_localized(&message_ids::role(target));
                for target_level in levels[index..].iter().take(2) {
                    let target_level_name = self.catalog_localized(&message_ids::level(target_level));
                    let heading = self.ui_with_texts(
                        interface::MOVE_HEADING,
                        &[
                            ("from", &role_name),
                            ("from-level", &level_name),
                            ("to", &target_name),
                            ("to-level", &target_level_name),
                        ],
                    );
                    let found = move_skills(catalog, (role, level), (target, target_level));
                    let to_anchor = requirement_anchor(target, target_level);
                    let from_anchor = requirement_anchor(role, level);
                    let shared = found
                        .shared
                        .iter()
                        .map(|(skill, now, then)| MoveItem {
                            skill: self.skill_link(skill.id(), &to_anchor),
                            now_mandatory: Some(*now == Necessity::Mandatory),
                            then_mandatory: Some(*then == Necessity::Mandatory),
                            changed: now != then,
                        })
                        .collect();
                    let gain = found
                        .gain
                        .iter()
                        .map(|(skill, then)| MoveItem {
                            skill: self.skill_link(skill.id(), &to_anchor),
                            now_mandatory: None,
                            then_mandatory: Some(*then == Necessity::Mandatory),
                            changed: false,
                        })
                        .collect();
                    let leave = found
                        .leave
                        .iter()
                        .map(|(skill, now)| MoveItem {
                            skill: self.skill_link(skill.id(), &from_anchor),
                            now_mandatory: Some(*now == Necessity::Mandatory),
                            then_mandatory: None,
                            changed: false,
                        })
                        .collect();
                    moves.push(Move {
                        anchor: format!("{level}--{target}--{target_level}"),
                        md_anchor: heading_anchor(&heading.plain()),
                        heading,
                        target: self
                            .site
                            .local_href(self.page, &Page::Role(target.clone()))
                            .with_fragment(&format!("level-{target_level}")),
                        shared,
                        gain,
                        leave,
                    });
                }
            }
            sections.push(MovesLevel { id: level.to_string(), name: self.catalog(&message_ids::level(level)), moves });
        }

        MovesView {
            page,
            title,
            intro: self.ui_with_texts(interface::MOVES_INTRO, &[("role", &role_name)]),
            labels: MovesLabels {
                contents: self.ui(interface::MOVES_CONTENTS),
                shared: self.ui(interface::MOVE_SHARED),
                gain: self.ui(interface::MOVE_GAIN),
                leave: self.ui(interface::MOVE_LEAVE),
                none: self.ui(interface::MOVE_NONE),
                mandatory: self.ui(interface::TABLE_MANDATORY),
                optional: self.ui(interface::TABLE_OPTIONAL),
            },
            levels: sections,
        }
    }

    /// A skill's name, linking to one of its requirements.
    fn skill_link(&mut self, skill: &Id, anchor: &str) -> Link {
        Link {
            name: self.catalog(&message_ids::skill(skill)),
            href: self.site.local_href(self.page, &Page::Skill(skill.clone())).with_fragment(anchor),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

    use std::path::Path;

    use super::*;

    fn id(text: &str) -> Id {
        Id::new(text).unwrap()
    }

    #[test]
    fn the_default_catalog_s_roles_share_their_one_skill() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let catalog = Catalog::load(&root.join("catalog")).unwrap();
        let (cloud, platform) = (id("cloud-engineer"), id("platform-engineer"));
        let (middle, senior) = (id("middle"), id("senior"));
        let found = move_skills(&catalog, (&cloud, &middle), (&platform, &senior));
        let shared: Vec<(&str, Necessity, Necessity)> =
            found.shared.iter().map(|(skill, now, then)| (skill.id().as_str(), *now, *then)).collect();
        let skill = catalog.skills()[0].id().as_str();
        assert_eq!(
            shared,
            [(
                skill,
                catalog.skills()[0].requirement(&cloud, &middle).unwrap(),
                catalog.skills()[0].requirement(&platform, &senior).unwrap()
            )]
        );
        assert!(found.gain.is_empty() && found.leave.is_empty());
    }

    #[test]
    fn mandatory_skills_come_first_in_each_list() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases");
        // Any case with more than one skill will do; every list is sorted the same way.
        for case in std::fs::read_dir(&root).unwrap() {
            let Ok(catalog) = Catalog::load(&case.unwrap().path().join("catalog")) else { continue };
            for from in catalog.roles() {
                for to in catalog.roles() {
                    for level in catalog.levels() {
                        let found = move_skills(&catalog, (from, level), (to, level));
                        let firsts: Vec<bool> =
                            found.gain.iter().map(|(_, then)| *then == Necessity::Mandatory).collect();
                        assert!(firsts.windows(2).all(|pair| pair[0] >= pair[1]));
                        let firsts: Vec<bool> =
                            found.leave.iter().map(|(_, now)| *now == Necessity::Mandatory).collect();
                        assert!(firsts.windows(2).all(|pair| pair[0] >= pair[1]));
                        if from == to {
                            assert!(found.gain.is_empty() && found.leave.is_empty());
                        }
                    }
                }
            }
        }
    }
}
