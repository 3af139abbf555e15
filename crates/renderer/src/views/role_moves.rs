//! A role's Markdown moves page (`moves/<role>.md`, with `--moves`): from each of its levels to
//! every other role, at the same level and one level up, the skills both need (and how the
//! expectation changes), the skills to gain and the skills left behind, mandatory first.
//!
//! Markdown cannot run the moves page's script, so this page lists its moves in full: roles × 2
//! files per locale, each with levels × (roles − 1) × 2 moves, each as long as the two roles'
//! skill lists. Bounded in number, not in size: hence opt-in (docs/moves.md).

use ladder_i18n::{Localized, interface, message_ids};
use ladder_model::Id;
use serde::Serialize;

use super::moves::{Move, MoveLabels, Position};
use super::{Chrome, Crumb, Text, ViewBuilder};
use crate::job::Page;

#[derive(Debug, Serialize)]
pub(crate) struct RoleMovesView {
    page: Chrome,
    title: Text,
    intro: Text,
    contents: Text,
    labels: MoveLabels,
    levels: Vec<MovesLevel>,
}

/// The moves from one level of the role.
#[derive(Debug, Serialize)]
pub(crate) struct MovesLevel {
    id: String,
    name: Text,
    moves: Vec<Move>,
}

impl ViewBuilder<'_, '_> {
    pub(crate) fn role_moves(&mut self, role: &Id) -> RoleMovesView {
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
        let level_names: Vec<Localized<'_>> =
            levels.iter().map(|level| self.catalog_localized(&message_ids::level(level))).collect();
        let mut sections = Vec::new();
        for (index, level) in levels.iter().enumerate() {
            let from = Position { role, level, role_name: &role_name, level_name: &level_names[index] };
            let mut moves = Vec::new();
            for target in catalog.roles().iter().filter(|target| *target != role) {
                let target_name = self.catalog_localized(&message_ids::role(target));
                for (target_level, target_level_name) in levels.iter().zip(&level_names).skip(index).take(2) {
                    let to = Position {
                        role: target,
                        level: target_level,
                        role_name: &target_name,
                        level_name: target_level_name,
                    };
                    moves.push(self.move_view(&from, &to));
                }
            }
            sections.push(MovesLevel { id: level.to_string(), name: self.catalog(&message_ids::level(level)), moves });
        }

        RoleMovesView {
            page,
            title,
            intro: self.ui_with_texts(interface::MOVES_INTRO, &[("role", &role_name)]),
            contents: self.ui(interface::MOVES_CONTENTS),
            labels: self.move_labels(),
            levels: sections,
        }
    }
}
