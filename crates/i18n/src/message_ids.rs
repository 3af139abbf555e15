//! The one rule from catalog ids to Fluent message ids.
//!
//! | what                                  | message id                          |
//! |---------------------------------------|-------------------------------------|
//! | level name                            | `level-<level>`                     |
//! | role name                             | `role-<role>`                       |
//! | domain name                           | `domain-<domain>`                   |
//! | group name                            | `group-<group>`                     |
//! | skill name, and its `.summary`        | `skill-<skill>`                     |
//! | what `<role>` needs at `<level>`      | `skill-<skill>--<role>--<level>`    |
//!
//! Catalog ids never hold `--`, so the double hyphen joins them without ambiguity. Interface
//! strings start with `ui-` (and `language-name`), which no catalog kind does.

use std::path::PathBuf;

use ladder_model::{Catalog, Id, Position};

/// The attribute of a skill's message that holds its one-line summary.
pub const SUMMARY: &str = "summary";

pub fn level(level: &Id) -> String {
    format!("level-{level}")
}

pub fn role(role: &Id) -> String {
    format!("role-{role}")
}

pub fn domain(domain: &Id) -> String {
    format!("domain-{domain}")
}

pub fn group(group: &Id) -> String {
    format!("group-{group}")
}

/// The skill's name; its summary is the [`SUMMARY`] attribute of the same message.
pub fn skill(skill: &Id) -> String {
    format!("skill-{skill}")
}

/// What `role` must show of `skill` at `level`.
pub fn requirement(skill: &Id, role: &Id, level: &Id) -> String {
    format!("skill-{skill}--{role}--{level}")
}

/// The skill a `skill-…` message belongs to: `serverless-functions` for
/// `skill-serverless-functions` and `skill-serverless-functions--cloud-engineer--junior`.
pub fn skill_of(id: &str) -> Option<&str> {
    let rest = id.strip_prefix("skill-")?;
    Some(rest.split_once("--").map_or(rest, |(skill, _)| skill))
}

/// A message the catalog needs, and what it is, for translators and error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogMessage {
    pub id: String,
    pub attribute: Option<&'static str>,
    pub describes: String,
    /// Where the catalog asks for it, when the catalog knows: a skill's file, or the requirement
    /// in it. A missing message is reported there, where the content owner added the need.
    pub needed_at: Option<(PathBuf, Option<Position>)>,
}

/// Every message the catalog needs, in catalog order.
pub fn catalog_messages(catalog: &Catalog) -> Vec<CatalogMessage> {
    let plain = |id: String, describes: String| CatalogMessage { id, attribute: None, describes, needed_at: None };
    let mut messages = Vec::new();
    messages.extend(catalog.levels().iter().map(|l| plain(level(l), format!("the name of level `{l}`"))));
    messages.extend(catalog.roles().iter().map(|r| plain(role(r), format!("the name of role `{r}`"))));
    for d in catalog.domains() {
        messages.push(plain(domain(d.id()), format!("the name of domain `{}`", d.id())));
        messages.extend(d.groups().iter().map(|g| plain(group(g), format!("the name of group `{g}`"))));
    }
    for s in catalog.skills() {
        let in_skill_file = Some((s.source().to_path_buf(), None));
        messages.push(CatalogMessage {
            needed_at: in_skill_file.clone(),
            ..plain(skill(s.id()), format!("the name of skill `{}`", s.id()))
        });
        messages.push(CatalogMessage {
            id: skill(s.id()),
            attribute: Some(SUMMARY),
            describes: format!("the one-line summary of skill `{}`", s.id()),
            needed_at: in_skill_file,
        });
        for req in s.requirements() {
            let describes = format!("what a {} needs of `{}` at level {}", req.role, s.id(), req.level);
            messages.push(CatalogMessage {
                needed_at: Some((s.source().to_path_buf(), req.position())),
                ..plain(requirement(s.id(), &req.role, &req.level), describes)
            });
        }
    }
    messages
}
