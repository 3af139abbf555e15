//! Loading catalogs: what is accepted, and what each mistake looks like to a content owner.

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

use std::fs;

use insta::assert_snapshot;
use ladder_model::{Catalog, Necessity};

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
    match Catalog::load(dir.path()) {
        Ok(catalog) => describe(&catalog),
        Err(errors) => {
            let prefix = format!("{}/", dir.path().display());
            errors
                .iter()
                .map(|err| {
                    let help = err.kind.help().map(|h| format!("\n  help: {h}")).unwrap_or_default();
                    format!("{err}{help}").replace(&prefix, "")
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
