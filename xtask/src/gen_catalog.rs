//! `cargo xtask gen-catalog`: a synthetic catalog and its translations, for benchmarks.
//!
//! Writes `DIR/catalog/` and `DIR/locales/` in the real formats, deterministically (one seeded
//! generator, a fixed draw order): the same flags give the same bytes. Each skill is needed by a
//! few roles at every level, about 80 % mandatory; descriptions are 25 to 45 words with `&`, `<`
//! and quotes, so escaping is exercised. English is complete; every other locale translates its
//! interface strings and a share (0 to 60 %) of the catalog's names and descriptions, so the rest
//! falls back. The locales include Russian (four plural categories) and Arabic (right to left).

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// What to generate.
#[derive(Debug, Clone)]
pub struct GenOptions {
    pub skills: usize,
    pub roles: usize,
    pub locales: usize,
    pub out: PathBuf,
    pub seed: u64,
}

/// Locales in the order they are added: tag, own name, share translated. Plural variants use the
/// categories the runtime's CLDR rules have for the locale ([`ladder_i18n::plural_categories`],
/// what `check` asks of real locales): ru gets four, ar six, ja one.
const LOCALES: &[(&str, &str, f64)] = &[
    ("en", "English", 1.0),
    ("es", "Español", 0.0),
    ("ru", "Русский", 0.6),
    ("ar", "العربية", 0.3),
    ("de", "Deutsch", 0.45),
    ("fr", "Français", 0.3),
    ("pt-BR", "Português", 0.15),
    ("ja", "日本語", 0.25),
    ("pl", "Polski", 0.05),
    ("it", "Italiano", 0.5),
    ("uk", "Українська", 0.35),
    ("zh", "中文", 0.5),
];

const LEVELS: [&str; 5] = ["junior", "middle", "senior", "lead", "principal"];
const ROLES_PER_SKILL: usize = 4;
const ROLES: &[&str] = &[
    "AI Product Engineer",
    "Cloud Engineer",
    "Infrastructure Engineer",
    "Platform Engineer",
    "Backend Engineer",
    "Frontend Engineer",
    "Data Engineer",
    "ML Engineer",
    "Site Reliability Engineer",
    "Security Engineer",
    "QA Engineer",
    "Mobile Engineer",
    "DevOps Engineer",
    "Data Scientist",
    "Solutions Architect",
    "Engineering Manager",
    "Product Manager",
    "Technical Writer",
    "Database Administrator",
    "Network Engineer",
];
const DOMAINS: &[&str] = &[
    "Cloud & Infrastructure",
    "Data & Analytics",
    "Security & Compliance",
    "Frontend Engineering",
    "Backend Engineering",
    "Mobile Development",
    "Machine Learning",
    "Reliability & Operations",
    "Quality Engineering",
    "Developer Experience",
];
const SKILL_A: &[&str] = &[
    "Serverless",
    "Distributed",
    "Event-Driven",
    "Container",
    "Cloud",
    "Data",
    "Stream",
    "Graph",
    "Mobile",
    "API",
    "Security",
    "Identity",
    "Network",
    "Edge",
    "Search",
    "Cache",
    "Message",
    "Workflow",
    "Schema",
    "Release",
];
const SKILL_B: &[&str] = &[
    "Functions",
    "Tracing",
    "Orchestration",
    "Modeling",
    "Pipelines",
    "Testing",
    "Governance",
    "Observability",
    "Design",
    "Storage",
    "Caching",
    "Queues",
    "Analytics",
    "Automation",
    "Monitoring",
    "Migration",
    "Hardening",
    "Versioning",
    "Scheduling",
    "Routing",
];
const VERBS: [&[&str]; 5] = [
    &["Understands basic", "Uses ready-made", "Follows existing", "Performs simple", "Applies documented"],
    &["Independently configures", "Implements", "Maintains", "Troubleshoots", "Automates"],
    &["Designs", "Optimizes", "Introduces", "Reviews", "Mentors others on"],
    &["Defines", "Establishes", "Leads", "Coordinates", "Standardizes"],
    &["Shapes", "Evaluates", "Sets direction for", "Drives company-wide", "Champions"],
];
const OBJECTS: &[&str] = &[
    "{skill} concepts",
    "CI/CD pipelines",
    "IaC templates",
    "event triggers",
    "IAM policies",
    "observability dashboards",
    "failure modes",
    "cost & performance trade-offs",
    "security hardening",
    "architecture decisions",
    "SLOs and error budgets",
    "deployment patterns",
    "data contracts",
    "capacity planning",
    "incident response",
    "R&D experiments",
    "the {skill} roadmap",
    "retry and timeout policies",
];
const MODIFIERS: &[&str] = &[
    "under senior guidance",
    "across teams",
    "using Terraform/CloudFormation",
    "for production workloads",
    "keeping p99 latency < 200 ms",
    "within the agreed budget",
    "following the \"golden path\"",
    "with security in mind",
    "for new and legacy systems",
    "and explains the reasoning",
];

/// What was written.
#[derive(Debug)]
pub struct GenReport {
    pub skills: usize,
    pub roles: usize,
    pub locales: Vec<&'static str>,
    pub files: usize,
    pub bytes: u64,
}

pub fn run(options: &GenOptions) -> Result<GenReport, Diagnostic> {
    if options.locales == 0 || options.locales > LOCALES.len() {
        return Err(Diagnostic::error(format!("--locales must be 1 to {}", LOCALES.len())));
    }
    if options.roles == 0 || options.skills == 0 {
        return Err(Diagnostic::error("--skills and --roles must be at least 1".to_owned()));
    }
    let mut rng = fastrand::Rng::with_seed(options.seed);
    let roles: Vec<(String, String)> = numbered(ROLES, options.roles);
    let domain_count = options.skills.div_ceil(20).clamp(1, 50);
    let domains: Vec<(String, String)> = numbered(DOMAINS, domain_count);
    let groups: Vec<(String, String, usize)> = (0..domain_count * 3)
        .map(|index| {
            let (_, domain_name) = &domains[index / 3];
            let name = format!("{domain_name}: {}", ["Foundations", "Practice", "Strategy"][index % 3]);
            (id_of(&name), name, index / 3)
        })
        .collect();
    let skills = skills(&mut rng, options.skills, &roles, groups.len());

    let mut writer = Writer { root: options.out.clone(), files: 0, bytes: 0 };
    writer.write("catalog/levels.yaml", &yaml_list("levels", LEVELS.iter().copied()))?;
    writer.write("catalog/roles.yaml", &yaml_list("roles", roles.iter().map(|(id, _)| id.as_str())))?;
    let mut domains_yaml = String::from("domains:\n");
    for (index, (id, _)) in domains.iter().enumerate() {
        let _ = writeln!(domains_yaml, "  - id: {id}\n    groups:");
        for (group, _, _) in groups.iter().filter(|(_, _, domain)| *domain == index) {
            let _ = writeln!(domains_yaml, "      - {group}");
        }
    }
    writer.write("catalog/domains.yaml", &domains_yaml)?;
    for skill in &skills {
        let mut yaml = format!(
            "group: {}\nupdated: 2026-{:02}-{:02}\nrequirements:\n",
            groups[skill.group].0, skill.month, skill.day
        );
        for (role, levels) in &skill.requirements {
            let _ = writeln!(yaml, "  {}:", roles[*role].0);
            for (level, mandatory) in LEVELS.iter().zip(levels) {
                let _ = writeln!(yaml, "    {level}: {}", if *mandatory { "mandatory" } else { "optional" });
            }
        }
        writer.write(&format!("catalog/skills/{}.yaml", skill.id), &yaml)?;
    }

    let english_ui = include_str!("../../locales/en/ui.ftl");
    for &(tag, name, share) in &LOCALES[..options.locales] {
        let translate = |text: &str| if tag == "en" { text.to_owned() } else { pseudo_translate(text, tag) };
        let ui = if tag == "en" { english_ui.to_owned() } else { localized_ui(english_ui, tag, name) };
        writer.write(&format!("locales/{tag}/ui.ftl"), &ui)?;
        let mut draws =
            fastrand::Rng::with_seed(options.seed ^ u64::from(tag.bytes().fold(0u32, |h, b| h * 31 + u32::from(b))));
        let mut picked = |always: bool| always || draws.f64() < share;
        let mut catalog = String::new();
        for (level, name) in LEVELS.iter().zip(["Junior", "Middle", "Senior", "Lead", "Principal"]) {
            let _ = writeln!(catalog, "level-{level} = {}", translate(name));
        }
        for (id, name) in &roles {
            if picked(tag == "en") {
                let _ = writeln!(catalog, "role-{id} = {}", translate(name));
            }
        }
        for (id, name) in &domains {
            if picked(tag == "en") {
                let _ = writeln!(catalog, "domain-{id} = {}", translate(name));
            }
        }
        for (id, name, _) in &groups {
            if picked(tag == "en") {
                let _ = writeln!(catalog, "group-{id} = {}", translate(name));
            }
        }
        writer.write(&format!("locales/{tag}/catalog.ftl"), &catalog)?;
        let mut text = String::new();
        for skill in &skills {
            if picked(tag == "en") {
                let _ = writeln!(
                    text,
                    "skill-{} = {}\n    .summary = {}",
                    skill.id,
                    translate(&skill.name),
                    translate(&skill.summary)
                );
            }
            for (role, descriptions) in skill.requirements.iter().map(|(role, _)| role).zip(&skill.descriptions) {
                for (level, description) in LEVELS.iter().zip(descriptions) {
                    if picked(tag == "en") {
                        let _ = writeln!(
                            text,
                            "skill-{}--{}--{level} = {}",
                            skill.id,
                            roles[*role].0,
                            translate(description)
                        );
                    }
                }
            }
        }
        writer.write(&format!("locales/{tag}/skills.ftl"), &text)?;
    }
    Ok(GenReport {
        skills: skills.len(),
        roles: roles.len(),
        locales: LOCALES[..options.locales].iter().map(|(tag, ..)| *tag).collect(),
        files: writer.files,
        bytes: writer.bytes,
    })
}

struct SkillSpec {
    id: String,
    name: String,
    summary: String,
    group: usize,
    month: u8,
    day: u8,
    /// Role index, and per level whether it is mandatory.
    requirements: Vec<(usize, Vec<bool>)>,
    /// Per requirement role, per level.
    descriptions: Vec<Vec<String>>,
}

fn skills(rng: &mut fastrand::Rng, count: usize, roles: &[(String, String)], groups: usize) -> Vec<SkillSpec> {
    let mut combos: Vec<String> =
        SKILL_A.iter().flat_map(|a| SKILL_B.iter().map(move |b| format!("{a} {b}"))).collect();
    rng.shuffle(&mut combos);
    let names: Vec<(String, String)> = numbered_owned(&combos, count);
    names
        .into_iter()
        .enumerate()
        .map(|(index, (id, name))| {
            let mut role_indices: Vec<usize> = (0..roles.len()).collect();
            rng.shuffle(&mut role_indices);
            role_indices.truncate(ROLES_PER_SKILL.min(roles.len()));
            role_indices.sort_unstable();
            let requirements: Vec<(usize, Vec<bool>)> =
                role_indices.iter().map(|&role| (role, LEVELS.iter().map(|_| rng.f64() < 0.8).collect())).collect();
            let descriptions = requirements
                .iter()
                .map(|_| (0..LEVELS.len()).map(|level| description(rng, level, &name)).collect())
                .collect();
            SkillSpec {
                summary: format!("{name}: tools, patterns & trade-offs <in practice>"),
                id,
                name,
                group: index % groups,
                month: rng.u8(1..=12),
                day: rng.u8(1..=28),
                requirements,
                descriptions,
            }
        })
        .collect()
}

fn description(rng: &mut fastrand::Rng, level: usize, skill: &str) -> String {
    let target = rng.usize(25..=45);
    let mut words: Vec<String> = Vec::new();
    while words.len() < target {
        let verb = VERBS[level][rng.usize(..VERBS[level].len())];
        let object = OBJECTS[rng.usize(..OBJECTS.len())].replace("{skill}", skill);
        let mut sentence = format!("{verb} {object}");
        for _ in 0..rng.usize(0..=2) {
            sentence.push(' ');
            sentence.push_str(MODIFIERS[rng.usize(..MODIFIERS.len())]);
        }
        sentence.push('.');
        words.extend(sentence.split(' ').map(str::to_owned));
    }
    words.join(" ")
}

/// Names made unique with a number once the list runs out, and the catalog ids made from them.
fn numbered(names: &[&str], count: usize) -> Vec<(String, String)> {
    let owned: Vec<String> = names.iter().map(|name| (*name).to_owned()).collect();
    numbered_owned(&owned, count)
}

fn numbered_owned(names: &[String], count: usize) -> Vec<(String, String)> {
    (0..count)
        .map(|index| {
            let base = &names[index % names.len()];
            let name = if index < names.len() { base.clone() } else { format!("{base} {}", index / names.len() + 1) };
            (id_of(&name), name)
        })
        .collect()
}

/// `Cloud & Infrastructure 2` -> `cloud-infrastructure-2`: the catalog's id alphabet.
fn id_of(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let id = words.join("-");
    if id.starts_with(|c: char| c.is_ascii_digit()) { format!("x-{id}") } else { id }
}

fn yaml_list<'a>(key: &str, items: impl Iterator<Item = &'a str>) -> String {
    let mut yaml = format!("{key}:\n");
    for item in items {
        let _ = writeln!(yaml, "  - {item}");
    }
    yaml
}

/// A stand-in translation: recognisably not English, same length class, markup characters kept.
fn pseudo_translate(text: &str, tag: &str) -> String {
    let accents: &[(char, char)] = match tag {
        "ru" | "uk" => &[('a', 'а'), ('e', 'е'), ('o', 'о'), ('p', 'р'), ('c', 'с'), ('x', 'х')],
        "ar" => return format!("{} {text}", "ترجمة"),
        "ja" | "zh" => return format!("「{text}」"),
        _ => &[('a', 'á'), ('e', 'é'), ('o', 'ö'), ('u', 'ü')],
    };
    // Placeables (`{ $count }`) stay as they are: a variable's name is not text.
    let mut depth = 0usize;
    text.chars()
        .map(|c| {
            match c {
                '{' => depth += 1,
                '}' => depth = depth.saturating_sub(1),
                _ if depth == 0 => return accents.iter().find(|(from, _)| *from == c).map_or(c, |(_, to)| *to),
                _ => {}
            }
            c
        })
        .collect()
}

/// The English interface strings for another locale: its own name, and every plural select given
/// exactly the locale's categories, so the generated locales are as valid as real ones.
fn localized_ui(english: &str, tag: &str, name: &str) -> String {
    let categories = tag.parse().map_or_else(|_| vec!["other"], |tag| ladder_i18n::plural_categories(&tag));
    let mut out = String::new();
    let mut in_plural: Option<(String, String)> = None;
    for line in english.lines() {
        if line.starts_with("language-name =") {
            let _ = writeln!(out, "language-name = {name}");
            continue;
        }
        let trimmed = line.trim_start();
        // `[one] …` and `*[other] …` of a plural select: keep both texts, write every category.
        if let Some(rest) = trimmed.strip_prefix("[one]") {
            in_plural = Some((rest.trim().to_owned(), String::new()));
            continue;
        }
        if let (Some(rest), Some((one, _))) = (trimmed.strip_prefix("*[other]"), &in_plural) {
            let one = one.clone();
            let other = rest.trim().to_owned();
            let indent = &line[..line.len() - trimmed.len()];
            for category in &categories {
                let text = if *category == "one" { &one } else { &other };
                let marker = if *category == "other" { "*" } else { " " };
                let _ = writeln!(out, "{indent}{marker}[{category}] {}", pseudo_translate(text, tag));
            }
            in_plural = None;
            continue;
        }
        let _ = writeln!(out, "{line}");
    }
    out
}

struct Writer {
    root: PathBuf,
    files: usize,
    bytes: u64,
}

impl Writer {
    fn write(&mut self, relative: &str, text: &str) -> Result<(), Diagnostic> {
        let path = self.root.join(relative);
        let fail =
            |err: std::io::Error, path: &Path| Diagnostic::error(format!("cannot write {}: {err}", path.display()));
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|err| fail(err, parent))?;
        }
        fs::write(&path, text).map_err(|err| fail(err, &path))?;
        self.files += 1;
        self.bytes += text.len() as u64;
        Ok(())
    }
}
