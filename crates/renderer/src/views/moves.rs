//! Moves between roles: from one role at one level to another role (or the same) at another level
//! (or the same), the skills both need (and how the expectation changes), the skills to gain and
//! the skills left behind, mandatory first.
//!
//! The moves page (`moves.html`, one per locale) has two lists, where the move starts and where it
//! ends; `moves.js` builds the chosen move from the locale's moves data (`moves_data.rs`), one at
//! a time, so the page's size does not grow with roles² × levels² moves. Without the script, the
//! page shows one move rendered here: from the first role's first level to its next level. Each
//! role's Markdown moves page (`role_moves.rs`, with `--moves`) lists its moves in full.

use ladder_i18n::{Localized, interface, message_ids};
use ladder_model::{Catalog, Id, Necessity, Skill};
use serde::Serialize;

use super::{Chrome, Href, Link, Text, ViewBuilder, requirement_anchor};
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

/// One end of a move: a role at a level, with their names as looked up.
pub(crate) struct Position<'p, 'a> {
    pub(crate) role: &'p Id,
    pub(crate) level: &'p Id,
    pub(crate) role_name: &'p Localized<'a>,
    pub(crate) level_name: &'p Localized<'a>,
}

/// One move, as both the moves page and a role's Markdown moves page show it.
#[derive(Debug, Serialize)]
pub(crate) struct Move {
    /// `<level>--<target role>--<target level>`, from ids: the same in every locale.
    pub(crate) anchor: String,
    /// The heading's anchor as GitHub makes it (Markdown).
    pub(crate) md_anchor: String,
    pub(crate) heading: Text,
    /// How many skills each list holds, in a sentence.
    pub(crate) summary: Text,
    /// The target's career path at the target level.
    pub(crate) target: Href,
    pub(crate) shared: Vec<MoveItem>,
    pub(crate) gain: Vec<MoveItem>,
    pub(crate) leave: Vec<MoveItem>,
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

/// The labels of a move's lists.
#[derive(Debug, Serialize)]
pub(crate) struct MoveLabels {
    shared: Text,
    gain: Text,
    leave: Text,
    none: Text,
    mandatory: Text,
    optional: Text,
}

#[derive(Debug, Serialize)]
pub(crate) struct MovesView {
    page: Chrome,
    title: Text,
    intro: Text,
    labels: MovesPageLabels,
    /// Every role at every level, the entries of both lists.
    positions: Vec<PositionOption>,
    /// The move shown without the script, chosen in both lists; none in a catalog without roles.
    shown: Option<ShownMove>,
}

#[derive(Debug, Serialize)]
pub(crate) struct MovesPageLabels {
    choose: Text,
    from: Text,
    to: Text,
    no_script: Text,
    moves: MoveLabels,
}

/// An entry of the lists: `<role>--<level>`, the value `?from=` and `?to=` take.
#[derive(Debug, Serialize)]
pub(crate) struct PositionOption {
    value: String,
    name: Text,
}

#[derive(Debug, Serialize)]
pub(crate) struct ShownMove {
    from: String,
    to: String,
    #[serde(flatten)]
    found: Move,
}

/// A position's value in the lists and the address: `<role>--<level>`, unambiguous since an id
/// never holds `--`.
pub(crate) fn position_value(role: &Id, level: &Id) -> String {
    format!("{role}--{level}")
}

impl ViewBuilder<'_, '_> {
    /// The moves page: its lists, and the first role's move from its first level to the next.
    pub(crate) fn moves(&mut self) -> MovesView {
        let catalog = self.site.catalog;
        let title = self.ui(interface::MOVES_PAGE_TITLE);
        let description = self.ui(interface::MOVES_PAGE_INTRO);
        let crumb = self.ui(interface::MOVES_PAGE_TITLE);
        let page = self.chrome(description, Vec::new(), crumb);
        let level_names: Vec<Localized<'_>> =
            catalog.levels().iter().map(|level| self.catalog_localized(&message_ids::level(level))).collect();
        let mut positions = Vec::new();
        let mut first_role_name = None;
        for role in catalog.roles() {
            let role_name = self.catalog_localized(&message_ids::role(role));
            for (level, level_name) in catalog.levels().iter().zip(&level_names) {
                positions.push(PositionOption {
                    value: position_value(role, level),
                    name: self.ui_with_texts(interface::MOVES_POSITION, &[("role", &role_name), ("level", level_name)]),
                });
            }
            first_role_name.get_or_insert(role_name);
        }
        let shown = match (catalog.roles().first(), first_role_name, catalog.levels().first()) {
            (Some(role), Some(role_name), Some(level)) => {
                let next = catalog.levels().get(1).unwrap_or(level);
                let (level_name, next_name) = (&level_names[0], level_names.get(1).unwrap_or(&level_names[0]));
                let found = self.move_view(
                    &Position { role, level, role_name: &role_name, level_name },
                    &Position { role, level: next, role_name: &role_name, level_name: next_name },
                );
                Some(ShownMove { from: position_value(role, level), to: position_value(role, next), found })
            }
            _ => None,
        };
        MovesView {
            page,
            title,
            intro: self.ui(interface::MOVES_PAGE_INTRO),
            labels: MovesPageLabels {
                choose: self.ui(interface::MOVES_CHOOSE),
                from: self.ui(interface::MOVES_FROM),
                to: self.ui(interface::MOVES_TO),
                no_script: self.ui(interface::MOVES_NO_SCRIPT),
                moves: self.move_labels(),
            },
            positions,
            shown,
        }
    }

    pub(crate) fn move_labels(&mut self) -> MoveLabels {
        MoveLabels {
            shared: self.ui(interface::MOVE_SHARED),
            gain: self.ui(interface::MOVE_GAIN),
            leave: self.ui(interface::MOVE_LEAVE),
            none: self.ui(interface::MOVE_NONE),
            mandatory: self.ui(interface::TABLE_MANDATORY),
            optional: self.ui(interface::TABLE_OPTIONAL),
        }
    }

    /// One move: its heading, its counts, and its three lists, each skill linked to the
    /// requirement it names (the target's for skills needed there, the current one's for skills
    /// left behind).
    pub(crate) fn move_view(&mut self, from: &Position<'_, '_>, to: &Position<'_, '_>) -> Move {
        let heading = self.ui_with_texts(
            interface::MOVE_HEADING,
            &[
                ("from", from.role_name),
                ("from-level", from.level_name),
                ("to", to.role_name),
                ("to-level", to.level_name),
            ],
        );
        let found = move_skills(self.site.catalog, (from.role, from.level), (to.role, to.level));
        let counts = [
            ("shared", interface::MOVE_SHARED_COUNT, found.shared.len()),
            ("gain", interface::MOVE_GAIN_COUNT, found.gain.len()),
            ("leave", interface::MOVE_LEAVE_COUNT, found.leave.len()),
        ]
        .map(|(name, message, count)| (name, self.ui_localized(message, &[("count", count.into())])));
        let texts: Vec<(&str, &Localized<'_>)> = counts.iter().map(|(name, text)| (*name, text)).collect();
        let summary = self.ui_with_texts(interface::MOVE_SUMMARY, &texts);
        let to_anchor = requirement_anchor(to.role, to.level);
        let from_anchor = requirement_anchor(from.role, from.level);
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
        Move {
            anchor: format!("{}--{}--{}", from.level, to.role, to.level),
            md_anchor: crate::escape::heading_anchor(&heading.plain()),
            heading,
            summary,
            target: self
                .site
                .local_href(self.page, &Page::Role(to.role.clone()))
                .with_fragment(&format!("level-{}", to.level)),
            shared,
            gain,
            leave,
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
