//! Loading catalogs: what is accepted, and what each mistake looks like to a content owner.

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use insta::assert_snapshot;
use ladder_model::{Catalog, MAX_YAML_BYTES, Necessity};

const LEVELS: &str = "levels: [junior, senior]\n";
const ROLES: &str = "roles: [cloud-engineer, platform-engineer]\n";
const DOMAINS: &str = "domains:\n  - id: cloud\n    groups: [serverless]\n  - id: data\n    groups: [storage]\n";
const SKILL: &str = "\
group: serverless
updated: 2026-03-17
requirements:
  platform-engineer:
    senior: mandatory
  cloud-engineer:
    junior: optional
    senior: mandatory
";

/// Writes a catalog made of the valid files above with `changes` applied (`None` deletes a file),
/// loads it, and describes the outcome as text: the catalog's shape, or every error with its help.
fn load(changes: &[(&str, Option<&str>)]) -> String {
    let dir = write_catalog(changes);
    outcome(dir.path())
}

/// A catalog made of the valid files above with `changes` applied (`None` deletes a file).
fn write_catalog(changes: &[(&str, Option<&str>)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut files = vec![
        ("levels.yaml", Some(LEVELS)),
        ("roles.yaml", Some(ROLES)),
        ("domains.yaml", Some(DOMAINS)),
        ("skills/lambda.yaml", Some(SKILL)),
    ];
    for &(name, content) in changes {
        match files.iter_mut().find(|(existing, _)| *existing == name) {
            Some(file) => file.1 = content,
            None => files.push((name, content)),
        }
    }
    fs::create_dir(dir.path().join("skills")).unwrap();
    for (name, content) in files {
        if let Some(content) = content {
            fs::write(dir.path().join(name), content).unwrap();
        }
    }
    dir
}

/// Loads the catalog in `dir` and describes the outcome, with paths relative to `dir`.
fn outcome(dir: &Path) -> String {
    match Catalog::load(dir) {
        Ok(catalog) => describe(&catalog),
        Err(errors) => {
            let prefix = format!("{}/", dir.display());
            errors
                .iter()
                .map(|err| {
                    let help = err.kind.help().map(|h| format!("\n  help: {h}")).unwrap_or_default();
                    format!("{err}{help}").replace(&prefix, "").replace(&dir.display().to_string(), "<catalog>")
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
    }
}

fn describe(catalog: &Catalog) -> String {
    let mut out = String::new();
    for skill in catalog.skills() {
        out += &format!("{} in {}/{} updated {}\n", skill.id(), skill.domain(), skill.group(), skill.updated());
        for req in skill.requirements() {
            let mark = if req.necessity == Necessity::Mandatory { "M" } else { "o" };
            out += &format!("  {} {} {mark}\n", req.role, req.level);
        }
    }
    out
}

#[test]
fn requirements_come_in_catalog_order_whatever_the_file_order() {
    assert_snapshot!(load(&[]), @r"
    lambda in cloud/serverless updated 2026-03-17
      cloud-engineer junior o
      cloud-engineer senior M
      platform-engineer senior M
    ");
}

#[test]
fn skills_are_found_by_id_whatever_their_file_names_sort_like() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [("levels.yaml", LEVELS), ("roles.yaml", ROLES), ("domains.yaml", DOMAINS)] {
        fs::write(dir.path().join(name), text).unwrap();
    }
    fs::create_dir(dir.path().join("skills")).unwrap();
    // "lambda-edge.yaml" sorts before "lambda.yaml", but the id "lambda" before "lambda-edge".
    for id in ["lambda", "lambda-edge", "lambda2"] {
        fs::write(dir.path().join(format!("skills/{id}.yaml")), SKILL).unwrap();
    }
    let catalog = Catalog::load(dir.path()).unwrap();
    for id in ["lambda", "lambda-edge", "lambda2"] {
        assert_eq!(catalog.skill(id).map(|skill| skill.id().as_str()), Some(id));
    }
    assert!(catalog.skill("lambda-").is_none());
}

#[test]
fn the_default_catalog_is_the_seed_page() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalog");
    let catalog = Catalog::load(&dir).unwrap();
    let levels: Vec<&str> = catalog.levels().iter().map(|l| l.as_str()).collect();
    assert_eq!(levels, ["junior", "middle", "senior", "lead", "principal"]);
    let skill = catalog.skill("serverless-functions").unwrap();
    let roles: Vec<&str> = skill.roles().map(|r| r.as_str()).collect();
    assert_eq!(roles, ["ai-product-engineer", "cloud-engineer", "infrastructure-engineer", "platform-engineer"]);
    assert_eq!((skill.mandatory_count(), skill.optional_count()), (16, 4));
    assert_eq!(skill.domain().as_str(), "cloud-infrastructure");
}

#[test]
fn unknown_references_point_at_the_key_and_suggest_the_closest_id() {
    let skill = "group: serverles\nupdated: 2026-03-17\nrequirements:\n  cloud-engineer:\n    junior: mandatory\n    senoir: optional\n  data-engineer:\n    junior: mandatory\n";
    assert_snapshot!(load(&[("skills/lambda.yaml", Some(skill))]), @r"
    skills/lambda.yaml:1:8: unknown group `serverles`
      help: did you mean `serverless`? groups are declared in domains.yaml
    skills/lambda.yaml:6:5: unknown level `senoir`
      help: did you mean `senior`? levels are declared in levels.yaml
    skills/lambda.yaml:7:3: unknown role `data-engineer`
      help: declare it in roles.yaml first, or use one that is declared there
    ");
}

#[test]
fn bad_values_point_at_the_value() {
    let skill = "group: serverless\nupdated: 2026-02-30\nrequirements:\n  cloud-engineer:\n    junior: mandatroy\n";
    assert_snapshot!(load(&[("skills/lambda.yaml", Some(skill))]), @r"
    skills/lambda.yaml:2:10: invalid date `2026-02-30`: expected a real date written YYYY-MM-DD, such as 2026-03-17
      help: write the date the skill was last reviewed, as YYYY-MM-DD
    skills/lambda.yaml:5:13: unknown requirement `mandatroy`: expected `mandatory` or `optional`
      help: write `mandatory` or `optional`; leave the level out where the role does not need the skill
    ");
}

#[test]
fn ids_outside_the_safe_alphabet_are_rejected_where_they_are_declared() {
    let roles = "roles:\n  - cloud-engineer\n  - Platform Engineer\n  - cloud-engineer\n";
    assert_snapshot!(load(&[("roles.yaml", Some(roles)), ("skills/Lambda Fn.yaml", Some(SKILL))]), @r"
    roles.yaml:3:5: invalid role id `Platform Engineer`: an id must start with a lowercase letter a-z
      help: ids are lowercase letters and digits joined by single hyphens, starting with a letter, such as `cloud-engineer`
    roles.yaml:4:5: role `cloud-engineer` is declared twice (first at 2:5)
      help: give each entry its own id
    skills/Lambda Fn.yaml: invalid skill id `Lambda Fn`: an id must start with a lowercase letter a-z
      help: ids are lowercase letters and digits joined by single hyphens, starting with a letter, such as `cloud-engineer`
    skills/lambda.yaml:4:3: unknown role `platform-engineer`
      help: declare it in roles.yaml first, or use one that is declared there
    ");
}

#[test]
fn duplicate_keys_are_errors_not_silently_dropped() {
    let skill = "group: serverless\nupdated: 2026-03-17\nrequirements:\n  cloud-engineer:\n    junior: optional\n    junior: mandatory\n";
    assert_snapshot!(load(&[("skills/lambda.yaml", Some(skill))]), @r"
    skills/lambda.yaml:6:5: duplicate key `junior` (first at line 5)
      help: remove one of the two entries
    ");
}

#[test]
fn yaml_shape_errors_keep_serde_yaml_words_and_place() {
    let skill = "group: serverless\nupdate: 2026-03-17\n";
    let domains = "domains:\n  - id: cloud\n    groups: serverless\n";
    assert_snapshot!(load(&[("skills/lambda.yaml", Some(skill)), ("domains.yaml", Some(domains)), ("levels.yaml", Some("levels: [junior\n"))]), @r#"
    domains.yaml:3:13: domains[0].groups: invalid type: string "serverless", expected a sequence
      help: see docs/catalog-format.md for the fields each file takes
    levels.yaml:2:1: did not find expected ',' or ']', while parsing a flow sequence at line 1 column 9
      help: see docs/catalog-format.md for the fields each file takes
    skills/lambda.yaml:2:1: unknown field `update`, expected one of `group`, `updated`, `requirements`
      help: see docs/catalog-format.md for the fields each file takes
    "#);
}

#[test]
fn missing_files_are_named_without_a_false_error_per_reference() {
    assert_snapshot!(load(&[("roles.yaml", None), ("skills/notes.txt", Some("hi"))]), @r"
    roles.yaml: missing catalog file
      help: a catalog directory holds levels.yaml, roles.yaml, domains.yaml and a skills/ directory (see docs/catalog-format.md)
    skills/notes.txt: not a skill file: skill files are named <skill-id>.yaml
      help: rename it to <skill-id>.yaml, or move it out of skills/
    ");
}

/// Loads a catalog whose `levels.yaml` is `levels` and checks that the answer came fast: a parser
/// that recursed or went quadratic on it would overflow the stack or take minutes.
fn load_hostile_levels(levels: &str) -> String {
    let dir = write_catalog(&[("levels.yaml", Some(levels))]);
    let started = Instant::now();
    let result = outcome(dir.path());
    // Well under a second in a debug build; the margin is for a busy machine.
    assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
    result
}

#[test]
fn deep_block_sequences_are_refused_where_the_limit_is_crossed() {
    let levels = format!("levels:\n  {}junior\n", "- ".repeat(3_000));
    assert_snapshot!(load_hostile_levels(&levels), @"
    levels.yaml:2:65: nesting deeper than 32 levels
      help: a catalog file needs about 4 levels; look for an unclosed `[` or `{`, or a run of `- - -`
    ");
}

#[test]
fn deep_flow_sequences_are_refused_before_any_parser_sees_them() {
    let levels = format!("levels: {}", "[".repeat(100_000));
    assert_snapshot!(load_hostile_levels(&levels), @"
    levels.yaml:1:41: nesting deeper than 32 levels
      help: a catalog file needs about 4 levels; look for an unclosed `[` or `{`, or a run of `- - -`
    ");
}

#[test]
fn deep_flow_mappings_are_refused_before_any_parser_sees_them() {
    let levels = format!("levels: {}", "{a: ".repeat(100_000));
    assert_snapshot!(load_hostile_levels(&levels), @"
    levels.yaml:1:137: nesting deeper than 32 levels
      help: a catalog file needs about 4 levels; look for an unclosed `[` or `{`, or a run of `- - -`
    ");
}

#[test]
fn nesting_up_to_the_limit_is_only_a_shape_error() {
    // 32 levels: the top mapping and 31 sequences. Nothing is refused for depth.
    let levels = format!("levels: {}junior{}\n", "[".repeat(31), "]".repeat(31));
    assert_snapshot!(load_hostile_levels(&levels), @"
    levels.yaml:1:10: levels[0]: invalid type: sequence, expected a string
      help: see docs/catalog-format.md for the fields each file takes
    ");
}

#[test]
fn tabs_in_indentation_are_named_at_the_tab() {
    let skill = "group: serverless\nupdated: 2026-03-17\nrequirements:\n  cloud-engineer:\n  \tjunior: optional\n";
    assert_snapshot!(load(&[("skills/lambda.yaml", Some(skill))]), @"
    skills/lambda.yaml:5:3: tab used for indentation
      help: indent with spaces
    ");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let skill = format!("\u{feff}{SKILL}");
    assert_snapshot!(load(&[("skills/lambda.yaml", Some(&skill))]), @"
    lambda in cloud/serverless updated 2026-03-17
      cloud-engineer junior o
      cloud-engineer senior M
      platform-engineer senior M
    ");
}

#[test]
fn invalid_utf8_is_reported_at_the_first_bad_byte() {
    let dir = write_catalog(&[]);
    fs::write(dir.path().join("roles.yaml"), b"roles:\n  - cloud-engineer\n  - caf\xe9\n").unwrap();
    assert_snapshot!(outcome(dir.path()), @"
    roles.yaml:3:8: not valid UTF-8
      help: save the file as UTF-8
    ");
}

#[cfg(unix)]
#[test]
fn a_skill_linked_to_a_file_outside_the_catalog_is_refused_unread() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("environ");
    fs::write(&secret, "group: AWS_SECRET_ACCESS_KEY=hunter2\n").unwrap();
    let dir = write_catalog(&[]);
    std::os::unix::fs::symlink(&secret, dir.path().join("skills/leak.yaml")).unwrap();
    let result = outcome(dir.path()).replace(&outside.path().display().to_string(), "OUTSIDE");
    assert!(!result.contains("hunter2") && !result.contains("AWS_SECRET"), "{result}");
    assert_snapshot!(result, @"
    skills/leak.yaml: a symlink that points outside <catalog>
      help: input files must live inside their directory: copy the file in instead of linking to it
    ");
}

#[cfg(unix)]
#[test]
fn a_skill_linked_to_a_file_inside_the_catalog_is_read() {
    let dir = write_catalog(&[]);
    std::os::unix::fs::symlink(dir.path().join("skills/lambda.yaml"), dir.path().join("skills/alias.yaml")).unwrap();
    let catalog = Catalog::load(dir.path()).unwrap();
    assert!(catalog.skill("alias").is_some());
}

#[test]
fn a_skills_entry_that_is_not_a_file_is_refused() {
    let dir = write_catalog(&[]);
    fs::create_dir(dir.path().join("skills/queues.yaml")).unwrap();
    assert_snapshot!(outcome(dir.path()), @"
    skills/queues.yaml: not a regular file
      help: replace it with a regular file
    ");
}

#[test]
fn huge_values_are_shortened_in_messages() {
    let huge = "x".repeat(500_000);
    let levels = format!("levels: \"{huge}\"\n");
    let roles = format!("roles: [cloud-engineer, {huge}]\n");
    // YAML keys end within 1,024 characters of their start.
    let key = "k".repeat(1_000);
    let skill = format!(
        "group: {huge}\nupdated: 2026-{huge}\nrequirements:\n  cloud-engineer:\n    junior: {huge}\n  {key}: {{}}\n  {key}: {{}}\n"
    );
    let result =
        load(&[("levels.yaml", Some(&levels)), ("roles.yaml", Some(&roles)), ("skills/lambda.yaml", Some(&skill))]);
    assert!(result.len() < 2_000, "{} bytes of messages", result.len());
    assert_snapshot!(result, @r#"
    levels.yaml:1:9: levels: invalid type: string "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…", expected a sequence
      help: see docs/catalog-format.md for the fields each file takes
    roles.yaml:1:25: invalid role id `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…`: an id must be at most 64 characters long
      help: ids are lowercase letters and digits joined by single hyphens, starting with a letter, such as `cloud-engineer`
    skills/lambda.yaml:1:8: unknown group `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…`
      help: declare it in domains.yaml first, or use one that is declared there
    skills/lambda.yaml:2:10: invalid date `2026-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…`: expected a real date written YYYY-MM-DD, such as 2026-03-17
      help: write the date the skill was last reviewed, as YYYY-MM-DD
    skills/lambda.yaml:5:13: unknown requirement `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…`: expected `mandatory` or `optional`
      help: write `mandatory` or `optional`; leave the level out where the role does not need the skill
    skills/lambda.yaml:6:3: unknown role `kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…`
      help: declare it in roles.yaml first, or use one that is declared there
    skills/lambda.yaml:7:3: duplicate key `kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…` (first at line 6)
      help: remove one of the two entries
    "#);
}

#[test]
fn files_over_the_size_limit_are_refused_unread() {
    let dir = write_catalog(&[]);
    let size = usize::try_from(MAX_YAML_BYTES).unwrap() + 1;
    fs::write(dir.path().join("levels.yaml"), format!("levels: [junior]\n#{}", "x".repeat(size - 18))).unwrap();
    assert_snapshot!(outcome(dir.path()), @"
    levels.yaml: too large: 4194305 bytes, the limit is 4194304
      help: split the file, or check that it is the file you meant
    ");
}

#[test]
fn shape_errors_speak_of_the_catalog_not_of_rust_types() {
    let skill = "- group: serverless\n";
    let roles = "roles:\n  cloud-engineer: yes\n";
    let domains = "domains:\n  - cloud\n";
    let levels = "";
    let result = load(&[
        ("skills/lambda.yaml", Some(skill)),
        ("skills/queues.yaml", Some("group: serverless\nrequirements: [cloud-engineer]\n")),
        ("skills/search.yaml", Some("updated: 2026-03-17\nrequirements: {}\n")),
        ("skills/storage.yaml", Some("group: serverless\nupdated: 2026-03-17\nowner: me\n")),
        ("roles.yaml", Some(roles)),
        ("domains.yaml", Some(domains)),
        ("levels.yaml", Some(levels)),
    ]);
    for rust in ["struct ", "SkillFile", "LevelsFile", "RolesFile", "DomainsFile", "DomainEntry", "BTreeMap", "Vec<"] {
        assert!(!result.contains(rust), "{rust} in:\n{result}");
    }
    assert_snapshot!(result, @r#"
    domains.yaml:2:5: domains[0]: invalid type: string "cloud", expected a domain: a mapping with `id` and `groups`
      help: see docs/catalog-format.md for the fields each file takes
    levels.yaml:1:1: missing field `levels`
      help: see docs/catalog-format.md for the fields each file takes
    roles.yaml:2:3: roles: invalid type: map, expected a sequence
      help: see docs/catalog-format.md for the fields each file takes
    skills/lambda.yaml:1:1: invalid type: sequence, expected a skill: a mapping with `group`, `updated` and `requirements`
      help: see docs/catalog-format.md for the fields each file takes
    skills/queues.yaml:2:15: requirements: invalid type: sequence, expected a map
      help: see docs/catalog-format.md for the fields each file takes
    skills/search.yaml:1:1: missing field `group`
      help: see docs/catalog-format.md for the fields each file takes
    skills/storage.yaml:3:1: unknown field `owner`, expected one of `group`, `updated`, `requirements`
      help: see docs/catalog-format.md for the fields each file takes
    "#);
}

#[test]
fn requirements_know_where_they_are_declared() {
    let dir = write_catalog(&[]);
    let catalog = Catalog::load(dir.path()).unwrap();
    let skill = catalog.skill("lambda").unwrap();
    assert_eq!(skill.source(), dir.path().join("skills/lambda.yaml"));
    let places: Vec<String> = skill
        .requirements()
        .iter()
        .map(|req| format!("{} {} at {}", req.role, req.level, req.position().unwrap()))
        .collect();
    assert_eq!(
        places,
        ["cloud-engineer junior at 7:5", "cloud-engineer senior at 8:5", "platform-engineer senior at 5:5"]
    );
}
