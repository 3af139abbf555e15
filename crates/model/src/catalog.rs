//! The validated catalog and its entities.

use std::path::{Path, PathBuf};

use crate::date::Date;
use crate::error::CatalogErrors;
use crate::id::Id;
use crate::source::Position;

/// A whole catalog, checked. Every list is in catalog order: levels from the first to the last step
/// of a career, roles and domains as their files list them, skills by id.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub(crate) levels: Vec<Id>,
    pub(crate) roles: Vec<Id>,
    pub(crate) domains: Vec<Domain>,
    pub(crate) skills: Vec<Skill>,
}

impl Catalog {
    /// Loads and checks the catalog in `dir`, reporting every problem found, not just the first.
    pub fn load(dir: &Path) -> Result<Catalog, CatalogErrors> {
        crate::load::load(dir)
    }

    /// Seniority levels, from the first step of a career to the last.
    pub fn levels(&self) -> &[Id] {
        &self.levels
    }

    pub fn roles(&self) -> &[Id] {
        &self.roles
    }

    pub fn domains(&self) -> &[Domain] {
        &self.domains
    }

    /// Every skill, sorted by id.
    pub fn skills(&self) -> &[Skill] {
        &self.skills
    }

    pub fn skill(&self, id: &str) -> Option<&Skill> {
        self.skills.binary_search_by(|skill| skill.id.as_str().cmp(id)).ok().map(|i| &self.skills[i])
    }

    /// The skills of one group, sorted by id.
    pub fn skills_in_group<'a>(&'a self, group: &'a Id) -> impl Iterator<Item = &'a Skill> + 'a {
        self.skills.iter().filter(move |skill| &skill.group == group)
    }

    /// What `role` needs at `level`, skill by skill, sorted by skill id.
    pub fn requirements_of<'a>(
        &'a self,
        role: &'a Id,
        level: &'a Id,
    ) -> impl Iterator<Item = (&'a Skill, Necessity)> + 'a {
        self.skills.iter().filter_map(move |skill| Some((skill, skill.requirement(role, level)?)))
    }
}

/// A domain of expertise ("Cloud & Infrastructure") and the groups of skills inside it.
#[derive(Debug, Clone)]
pub struct Domain {
    pub(crate) id: Id,
    pub(crate) groups: Vec<Id>,
}

impl Domain {
    pub fn id(&self) -> &Id {
        &self.id
    }

    /// Group ids, unique across the whole catalog, in the order `domains.yaml` lists them.
    pub fn groups(&self) -> &[Id] {
        &self.groups
    }
}

/// One skill and what each role needs of it at each level.
#[derive(Debug, Clone)]
pub struct Skill {
    pub(crate) id: Id,
    /// The file the skill was read from.
    pub(crate) source: PathBuf,
    pub(crate) domain: Id,
    pub(crate) group: Id,
    pub(crate) updated: Date,
    /// Sorted by role, then level, both in catalog order.
    pub(crate) requirements: Vec<Requirement>,
}

impl Skill {
    pub fn id(&self) -> &Id {
        &self.id
    }

    /// The file the skill was read from, `<catalog>/skills/<id>.yaml`, for errors found later
    /// (such as a description missing from a locale) to point at.
    pub fn source(&self) -> &Path {
        &self.source
    }

    /// The domain of the skill's group.
    pub fn domain(&self) -> &Id {
        &self.domain
    }

    pub fn group(&self) -> &Id {
        &self.group
    }

    /// When the skill's requirements were last reviewed.
    pub fn updated(&self) -> Date {
        self.updated
    }

    /// Every requirement, by role then level, in catalog order.
    pub fn requirements(&self) -> &[Requirement] {
        &self.requirements
    }

    /// The requirements at one level, in role order.
    pub fn requirements_at<'a>(&'a self, level: &'a Id) -> impl Iterator<Item = &'a Requirement> + 'a {
        self.requirements.iter().filter(move |req| &req.level == level)
    }

    pub fn requirement(&self, role: &Id, level: &Id) -> Option<Necessity> {
        self.requirements.iter().find(|req| &req.role == role && &req.level == level).map(|req| req.necessity)
    }

    /// The roles that need this skill at one level or more, in catalog order.
    pub fn roles(&self) -> impl Iterator<Item = &Id> {
        let mut last: Option<&Id> = None;
        self.requirements.iter().filter_map(move |req| {
            let new = last != Some(&req.role);
            last = Some(&req.role);
            new.then_some(&req.role)
        })
    }

    pub fn mandatory_count(&self) -> usize {
        self.count(Necessity::Mandatory)
    }

    pub fn optional_count(&self) -> usize {
        self.count(Necessity::Optional)
    }

    fn count(&self, necessity: Necessity) -> usize {
        self.requirements.iter().filter(|req| req.necessity == necessity).count()
    }
}

/// What one role needs of a skill at one level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    pub role: Id,
    pub level: Id,
    pub necessity: Necessity,
    pub(crate) position: Option<Position>,
}

impl Requirement {
    /// Where the requirement's level key (`junior:` under the role) stands in
    /// [`Skill::source`]; `None` only if the file could be deserialized but not mapped.
    pub fn position(&self) -> Option<Position> {
        self.position
    }
}

/// Whether a requirement must be shown to reach the level, or is a plus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Necessity {
    Mandatory,
    Optional,
}

impl Necessity {
    /// The word the catalog YAML uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Necessity::Mandatory => "mandatory",
            Necessity::Optional => "optional",
        }
    }
}
