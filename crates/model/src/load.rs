//! Reading `catalog/` from disk: YAML to raw structs (serde_yaml), then checks that give each
//! problem a place (see `source_map`).
//!
//! Each file goes through four gates, cheapest and safest first, and stops at the first it fails:
//! [`read_source`] (no symlink out of the catalog, only regular files, at most [`MAX_YAML_BYTES`],
//! UTF-8), `prescan` (no tabs in indentation, brackets at most [`MAX_YAML_DEPTH`] deep, in one pass
//! with no recursion), the `source_map` walk (every collection at most [`MAX_YAML_DEPTH`] deep, duplicate
//! keys), and only then serde_yaml. Values from a file are [`shorten`]ed before they go into a message.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::catalog::{Catalog, Domain, Necessity, Requirement, Skill};
use crate::date::Date;
use crate::error::{CatalogError, CatalogErrors, EntityKind, ErrorKind, shorten};
use crate::id::Id;
use crate::prescan::{Refusal, prescan};
use crate::source::{Position, SourceError, read_source};
use crate::source_map::{SourceMap, Unmapped};

/// The largest catalog file read, in bytes (4 MiB). The default catalog's largest file is under
/// 1 KiB; anything near this size is a mistake or an attack, refused before it is read.
pub const MAX_YAML_BYTES: u64 = 4 * 1024 * 1024;

/// How deep collections (block or flow, sequences or mappings) may nest in a catalog file. The
/// deepest file, `domains.yaml`, needs 4 (the file, its list of domains, a domain, its groups);
/// 32 leaves room and keeps every walk and parser shallow.
pub const MAX_YAML_DEPTH: usize = 32;

/// The most characters of a value from a file that a message quotes.
const MAX_QUOTED_CHARS: usize = 80;

// `expecting` keeps Rust type names ("struct LevelsFile") out of serde's messages.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a mapping with the key `levels`")]
struct LevelsFile {
    levels: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a mapping with the key `roles`")]
struct RolesFile {
    roles: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a mapping with the key `domains`")]
struct DomainsFile {
    domains: Vec<DomainEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a domain: a mapping with `id` and `groups`")]
struct DomainEntry {
    id: String,
    #[serde(default)]
    groups: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a skill: a mapping with `group`, `updated` and `requirements`")]
struct SkillFile {
    group: String,
    updated: String,
    /// role -> level -> `mandatory` | `optional`
    #[serde(default)]
    requirements: BTreeMap<String, BTreeMap<String, String>>,
}

/// One parsed file: its path, for errors, and where its keys and values stand.
struct Source {
    path: PathBuf,
    map: SourceMap,
}

/// Ids declared so far of one kind, with where each was declared, for duplicate and reference checks.
#[derive(Default)]
struct Declared {
    ids: Vec<Id>,
    /// Where each id was declared, within its one declaring file.
    places: HashMap<Id, Option<Position>>,
    /// False when the declaring file could not be read: references then go unchecked rather than
    /// burying the one real error under a false one per reference.
    loaded: bool,
}

impl Declared {
    fn contains(&self, id: &str) -> bool {
        self.places.contains_key(id)
    }

    /// The declared id closest to a misspelt one, if any is close enough to be a likely typo.
    fn closest(&self, wrong: &str) -> Option<String> {
        // Ids are at most 64 characters: nothing is close to a longer value, and comparing with one
        // costs its length times each id's.
        if wrong.len() > 128 {
            return None;
        }
        self.ids
            .iter()
            .map(|id| (strsim::levenshtein(wrong, id.as_str()), id))
            .filter(|(distance, id)| *distance <= 2.max(id.as_str().len() / 3))
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, id)| id.to_string())
    }
}

/// What `domains.yaml` declares.
#[derive(Default)]
struct DeclaredDomains {
    domains: Vec<Domain>,
    groups: Declared,
    domain_of_group: HashMap<Id, Id>,
}

struct Loader {
    /// The catalog directory: no file is read from outside it.
    root: PathBuf,
    errors: Vec<CatalogError>,
}

pub(crate) fn load(dir: &Path) -> Result<Catalog, CatalogErrors> {
    let mut loader = Loader { root: dir.to_path_buf(), errors: Vec::new() };
    if let Err(err) = fs::metadata(dir) {
        let kind = match err.kind() {
            std::io::ErrorKind::NotFound => ErrorKind::Missing { what: "directory" },
            _ => ErrorKind::Read(err),
        };
        loader.errors.push(CatalogError::new(dir, None, kind));
        return Err(CatalogErrors(loader.errors));
    }

    let levels = loader.declared_list::<LevelsFile>(dir, "levels.yaml", EntityKind::Level, "levels", |f| f.levels);
    let roles = loader.declared_list::<RolesFile>(dir, "roles.yaml", EntityKind::Role, "roles", |f| f.roles);
    let domains = loader.domains(dir);
    let skills = loader.skills(dir, &levels, &roles, &domains);

    if loader.errors.is_empty() {
        Ok(Catalog { levels: levels.ids, roles: roles.ids, domains: domains.domains, skills })
    } else {
        loader.errors.sort_by(|a, b| (&a.path, a.position).cmp(&(&b.path, b.position)));
        Err(CatalogErrors(loader.errors))
    }
}

impl Loader {
    fn error(&mut self, source: &Source, position: Option<Position>, kind: ErrorKind) {
        self.errors.push(CatalogError::new(&source.path, position, kind));
    }

    /// Reads and deserializes one YAML file, recording what is wrong with it.
    fn parse<T: DeserializeOwned>(&mut self, path: &Path) -> Option<(T, Source)> {
        let text = match read_source(path, &self.root, MAX_YAML_BYTES) {
            Ok(text) => text,
            Err(SourceError::NotFound) => {
                self.errors.push(CatalogError::new(path, None, ErrorKind::Missing { what: "file" }));
                return None;
            }
            Err(err) => {
                self.errors.push(CatalogError::new(path, err.position(), ErrorKind::Source(err)));
                return None;
            }
        };
        // Before any parser sees the text: serde_yaml's scanner is quadratic in bracket depth.
        if let Err(refusal) = prescan(&text, MAX_YAML_DEPTH) {
            let (position, kind) = match refusal {
                Refusal::Tab(position) => (position, ErrorKind::Tab),
                Refusal::TooDeep(position) => (position, ErrorKind::TooDeep { limit: MAX_YAML_DEPTH }),
            };
            self.errors.push(CatalogError::new(path, Some(position), kind));
            return None;
        }
        let map = match SourceMap::parse(&text, MAX_YAML_DEPTH) {
            Ok(map) => map,
            // A malformed file gets no map; serde_yaml's error below says what is wrong with it.
            Err(Unmapped::Malformed) => SourceMap::default(),
            Err(Unmapped::TooDeep(position)) => {
                let kind = ErrorKind::TooDeep { limit: MAX_YAML_DEPTH };
                self.errors.push(CatalogError::new(path, Some(position), kind));
                return None;
            }
        };
        let source = Source { path: path.to_path_buf(), map };
        for dup in source.map.duplicates().to_vec() {
            let kind = ErrorKind::DuplicateKey { key: shorten(&dup.key, MAX_QUOTED_CHARS), first_line: dup.first.line };
            self.error(&source, Some(dup.second), kind);
        }
        match serde_yaml::from_str::<T>(&text) {
            Ok(value) => Some((value, source)),
            Err(err) => {
                let position = err.location().map(|l| Position { line: l.line(), column: l.column() });
                let message = shorten_quoted(&message_without_location(&err), MAX_QUOTED_CHARS);
                self.error(&source, position, ErrorKind::Yaml(message));
                None
            }
        }
    }

    /// Checks one id found at `yaml_path` and adds it to `declared`; returns it if it is new and valid.
    fn declare(
        &mut self,
        declared: &mut Declared,
        kind: EntityKind,
        raw: &str,
        source: &Source,
        yaml_path: &str,
    ) -> Option<Id> {
        let position = source.map.value(yaml_path);
        match Id::new(raw) {
            Err(invalid) => {
                let kind = ErrorKind::InvalidId { kind, id: shorten(raw, MAX_QUOTED_CHARS), reason: invalid.reason };
                self.error(source, position, kind);
                None
            }
            Ok(id) => {
                if let Some(&first) = declared.places.get(&id) {
                    // Positions always exist here: the map was built from the same text.
                    let first = first.unwrap_or(Position { line: 1, column: 1 });
                    let kind = ErrorKind::DuplicateId { kind, id: shorten(raw, MAX_QUOTED_CHARS), first };
                    self.error(source, position, kind);
                    return None;
                }
                declared.places.insert(id.clone(), position);
                declared.ids.push(id.clone());
                Some(id)
            }
        }
    }

    /// Checks a reference to an id of `kind`, pointing at `position` when it does not resolve.
    fn resolve(
        &mut self,
        declared: &Declared,
        kind: EntityKind,
        raw: &str,
        source: &Source,
        position: Option<Position>,
    ) -> Option<Id> {
        if declared.contains(raw) {
            return Id::new(raw).ok();
        }
        if !declared.loaded {
            return None;
        }
        let suggestion = declared.closest(raw);
        let kind = ErrorKind::UnknownReference { kind, id: shorten(raw, MAX_QUOTED_CHARS), suggestion };
        self.error(source, position, kind);
        None
    }

    /// `levels.yaml` and `roles.yaml`: a non-empty list of ids under one key.
    fn declared_list<T: DeserializeOwned>(
        &mut self,
        dir: &Path,
        file: &str,
        kind: EntityKind,
        key: &str,
        list: impl FnOnce(T) -> Vec<String>,
    ) -> Declared {
        let mut declared = Declared::default();
        let Some((parsed, source)) = self.parse::<T>(&dir.join(file)) else {
            return declared;
        };
        let raw_ids = list(parsed);
        if raw_ids.is_empty() {
            let position = source.map.key(key);
            self.error(&source, position, ErrorKind::Empty { kind });
            // One error for the empty list, not one more for every reference to what it lacks.
            return declared;
        }
        declared.loaded = true;
        for (index, raw) in raw_ids.iter().enumerate() {
            self.declare(&mut declared, kind, raw, &source, &format!("{key}[{index}]"));
        }
        declared
    }

    /// `domains.yaml`: domains, each with its groups; group ids are unique across domains.
    fn domains(&mut self, dir: &Path) -> DeclaredDomains {
        let mut declared = DeclaredDomains::default();
        let Some((parsed, source)) = self.parse::<DomainsFile>(&dir.join("domains.yaml")) else {
            return declared;
        };
        declared.groups.loaded = true;
        let mut domain_ids = Declared::default();
        for (index, entry) in parsed.domains.iter().enumerate() {
            let path = format!("domains[{index}].id");
            let domain = self.declare(&mut domain_ids, EntityKind::Domain, &entry.id, &source, &path);
            let mut groups = Vec::new();
            for (group_index, raw) in entry.groups.iter().enumerate() {
                let path = format!("domains[{index}].groups[{group_index}]");
                if let Some(group) = self.declare(&mut declared.groups, EntityKind::Group, raw, &source, &path) {
                    groups.push(group);
                }
            }
            if let Some(id) = domain {
                for group in &groups {
                    declared.domain_of_group.insert(group.clone(), id.clone());
                }
                declared.domains.push(Domain { id, groups });
            }
        }
        declared
    }

    /// `skills/<id>.yaml`, one file per skill, read in id order.
    fn skills(&mut self, dir: &Path, levels: &Declared, roles: &Declared, domains: &DeclaredDomains) -> Vec<Skill> {
        let skills_dir = dir.join("skills");
        let entries = match fs::read_dir(&skills_dir) {
            Ok(entries) => entries,
            Err(err) => {
                let kind = if err.kind() == std::io::ErrorKind::NotFound {
                    ErrorKind::Missing { what: "directory" }
                } else {
                    ErrorKind::Read(err)
                };
                self.errors.push(CatalogError::new(&skills_dir, None, kind));
                return Vec::new();
            }
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| !path.file_name().is_some_and(|name| name.to_string_lossy().starts_with('.')))
            .collect();
        paths.sort();

        let mut skills = Vec::new();
        for path in paths {
            let stem = path.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default();
            if path.extension().and_then(|ext| ext.to_str()) != Some("yaml") {
                self.errors.push(CatalogError::new(&path, None, ErrorKind::NotASkillFile));
                continue;
            }
            let id = match Id::new(&stem) {
                Ok(id) => id,
                Err(invalid) => {
                    let id = shorten(&stem, MAX_QUOTED_CHARS);
                    let kind = ErrorKind::InvalidId { kind: EntityKind::Skill, id, reason: invalid.reason };
                    self.errors.push(CatalogError::new(&path, None, kind));
                    continue;
                }
            };
            if let Some((file, source)) = self.parse::<SkillFile>(&path)
                && let Some(skill) = self.skill(id, &file, &source, levels, roles, domains)
            {
                skills.push(skill);
            }
        }
        // File-name order is not id order ("a-b.yaml" sorts before "a.yaml"); lookups need id order.
        skills.sort_by(|a, b| a.id.cmp(&b.id));
        skills
    }

    fn skill(
        &mut self,
        id: Id,
        file: &SkillFile,
        source: &Source,
        levels: &Declared,
        roles: &Declared,
        domains: &DeclaredDomains,
    ) -> Option<Skill> {
        let errors_before = self.errors.len();
        let group = self.resolve(&domains.groups, EntityKind::Group, &file.group, source, source.map.value("group"));
        let updated = file.updated.parse::<Date>().ok();
        if updated.is_none() {
            let kind = ErrorKind::InvalidDate(shorten(&file.updated, MAX_QUOTED_CHARS));
            self.error(source, source.map.value("updated"), kind);
        }

        let mut requirements = Vec::new();
        for (raw_role, by_level) in &file.requirements {
            let role_path = format!("requirements.{raw_role}");
            let Some(role) = self.resolve(roles, EntityKind::Role, raw_role, source, source.map.key(&role_path)) else {
                continue;
            };
            for (raw_level, raw_necessity) in by_level {
                let level_path = format!("{role_path}.{raw_level}");
                let level = self.resolve(levels, EntityKind::Level, raw_level, source, source.map.key(&level_path));
                let necessity = match raw_necessity.as_str() {
                    "mandatory" => Some(Necessity::Mandatory),
                    "optional" => Some(Necessity::Optional),
                    other => {
                        let kind = ErrorKind::InvalidNecessity(shorten(other, MAX_QUOTED_CHARS));
                        self.error(source, source.map.value(&level_path), kind);
                        None
                    }
                };
                if let (Some(level), Some(necessity)) = (level, necessity) {
                    let position = source.map.key(&level_path);
                    requirements.push(Requirement { role: role.clone(), level, necessity, position });
                }
            }
        }
        let catalog_order = |ids: &Declared, id: &Id| ids.ids.iter().position(|known| known == id);
        requirements.sort_by_key(|req| (catalog_order(roles, &req.role), catalog_order(levels, &req.level)));

        if self.errors.len() > errors_before {
            return None;
        }
        let group = group?;
        let domain = domains.domain_of_group.get(&group)?.clone();
        Some(Skill { id, source: source.path.clone(), domain, group, updated: updated?, requirements })
    }
}

/// serde_yaml writes "at line L column C" into its messages; the place is shown separately.
fn message_without_location(err: &serde_yaml::Error) -> String {
    let message = err.to_string();
    let Some(start) = message.find(" at line ") else {
        return message;
    };
    let rest = &message[start + " at line ".len()..];
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let Some(rest) = rest.strip_prefix(" column ") else {
        return message;
    };
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    format!("{}{rest}", &message[..start])
}

/// `message` with every value serde quotes in it (`"…"` or `` `…` ``) cut to `max_chars`.
fn shorten_quoted(message: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(message.len().min(8 * max_chars));
    let mut rest = message;
    while let Some(start) = rest.find(['"', '`']) {
        let quote = if rest[start..].starts_with('"') { '"' } else { '`' };
        out += &rest[..=start];
        let inside = &rest[start + 1..];
        // serde writes strings with Rust escapes: `\"` does not end one.
        let mut escaped = false;
        let end = inside.char_indices().find_map(|(i, c)| {
            let ends = !escaped && c == quote;
            escaped = !escaped && quote == '"' && c == '\\';
            ends.then_some(i)
        });
        let end = end.unwrap_or(inside.len());
        out += &shorten(&inside[..end], max_chars);
        out.extend(inside[end..].chars().next());
        rest = inside.get(end + 1..).unwrap_or("");
    }
    out + rest
}
