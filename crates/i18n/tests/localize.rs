//! Lookups along fallback chains, localized dates and plurals, and problems with their places.

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

use std::fs;
use std::path::Path;

use insta::assert_snapshot;
use ladder_i18n::{LanguageIdentifier, Locales, Problem, interface};
use ladder_model::{Catalog, Date};

fn default_locales() -> Locales {
    let loaded = Locales::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales")).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.locales
}

fn locale(tag: &str) -> LanguageIdentifier {
    tag.parse().unwrap()
}

/// Writes `files` (`<lang>/<name>.ftl`) to a temporary locales directory and loads it.
fn load(files: &[(&str, &str)]) -> (tempfile::TempDir, ladder_i18n::Loaded) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    let loaded = Locales::load(dir.path()).unwrap();
    (dir, loaded)
}

fn describe(problems: &[Problem], dir: &Path) -> String {
    let prefix = format!("{}/", dir.display());
    problems.iter().map(|p| format!("{:?} {p}\n", p.kind.severity()).replace(&prefix, "")).collect()
}

#[test]
fn chains_fall_back_to_the_closest_locale_then_english() {
    let locales = default_locales();
    let chain = |tag: &str| {
        let localizer = locales.localizer(&locale(tag)).unwrap();
        localizer.chain().iter().map(ToString::to_string).collect::<Vec<_>>().join(" -> ")
    };
    assert_eq!(chain("es-MX"), "es -> en");
    assert_eq!(chain("es"), "es -> en");
    assert_eq!(chain("en-GB"), "en");
    let unsupported = locales.localizer(&locale("fr")).unwrap_err();
    assert_eq!(unsupported.to_string(), "no translations for `fr`: available locales are en, es, ru");
}

#[test]
fn every_lookup_says_where_its_text_came_from() {
    let locales = default_locales();
    let es = locales.localizer(&locale("es-MX")).unwrap();
    let mut problems = Vec::new();
    let ui = es.message("ui-table-description", &mut problems);
    assert_eq!((ui.text.as_ref(), ui.locale.to_string(), ui.fell_back), ("Descripción", "es".to_owned(), false));
    let role = es.message("role-cloud-engineer", &mut problems);
    assert_eq!(
        (role.text.as_ref(), role.locale.to_string(), role.fell_back),
        ("Cloud Engineer", "en".to_owned(), true)
    );
    assert_eq!(es.locale().to_string(), "es-MX", "pages declare the requested locale");

    let missing = es.message("ui-no-such-message", &mut problems);
    assert_eq!(missing.text, "ui-no-such-message");
    let locales_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    assert_snapshot!(describe(&problems, &locales_dir), @"Error locales/en: no message `ui-no-such-message` in any locale of the fallback chain");
}

#[test]
fn dates_follow_each_locale() {
    let locales = default_locales();
    let date = Date::new(2026, 3, 17).unwrap();
    let mut problems = Vec::new();
    let format = |tag: &str, problems: &mut Vec<Problem>| {
        locales.localizer(&locale(tag)).unwrap().date(date, problems).text.into_owned()
    };
    assert_eq!(format("es", &mut problems), "17/3/2026");
    assert_eq!(format("en", &mut problems), "March 17, 2026");
    assert_eq!(format("ru", &mut problems), "17 марта 2026 г.", "the month in the genitive");
    let ru = locales.localizer(&locale("ru")).unwrap();
    assert_eq!(ru.date(Date::new(2025, 5, 1).unwrap(), &mut problems).text, "1 мая 2025 г.");
    assert!(problems.is_empty());
}

#[test]
fn counts_select_plural_forms_and_no_bidi_marks_leak() {
    let locales = default_locales();
    let es = locales.localizer(&locale("es")).unwrap();
    let mut problems = Vec::new();
    let rest = |count: i64, problems: &mut Vec<Problem>| {
        es.interface(interface::SKILL_OPTIONAL_REST, &[("count", count.into())], problems).text.into_owned()
    };
    assert_eq!(rest(4, &mut problems), "los otros 4 opcionales");
    assert_eq!(rest(1, &mut problems), "el otro opcional");
    assert_eq!(rest(0, &mut problems), "ninguno opcional");
    let levels = [("first", "Junior".into()), ("last", "Principal".into())];
    let growth = es.interface(interface::LEVEL_GROWTH, &levels, &mut problems).text;
    assert_eq!(growth, "La tabla muestra cómo crece la profundidad desde Junior hasta Principal.");
    assert!(problems.is_empty());
}

/// Each language's plural categories: English and Spanish `one` and `other`; Russian `one` (1, 21),
/// `few` (2, 22), `many` (5, 11).
#[test]
fn counts_take_each_languages_plural_form() {
    let locales = default_locales();
    let mut problems = Vec::new();
    let counts = [1, 2, 5, 11, 21, 22];
    let forms = |tag: &str, message, problems: &mut Vec<Problem>| {
        let localizer = locales.localizer(&locale(tag)).unwrap();
        counts
            .iter()
            .map(|&count| localizer.interface(message, &[("count", count.into())], problems).text.into_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        forms("ru", interface::INDEX_SKILL_COUNT, &mut problems),
        ["1 навык", "2 навыка", "5 навыков", "11 навыков", "21 навык", "22 навыка"]
    );
    assert_eq!(forms("ru", interface::SKILL_ROLES, &mut problems), ["Роль", "Роли", "Ролей", "Ролей", "Роль", "Роли"]);
    assert_eq!(
        forms("ru", interface::SKILL_OPTIONAL_REST, &mut problems),
        [
            "и ещё одно необязательное",
            "и ещё 2 необязательных",
            "и ещё 5 необязательных",
            "и ещё 11 необязательных",
            "и ещё 21 необязательное",
            "и ещё 22 необязательных",
        ]
    );
    assert_eq!(
        forms("es", interface::INDEX_SKILL_COUNT, &mut problems),
        ["1 habilidad", "2 habilidades", "5 habilidades", "11 habilidades", "21 habilidades", "22 habilidades"]
    );
    assert_eq!(
        forms("es", interface::SKILL_ROLES, &mut problems),
        ["Rol", "Roles", "Roles", "Roles", "Roles", "Roles"]
    );
    assert_eq!(
        forms("en", interface::INDEX_SKILL_COUNT, &mut problems),
        ["1 skill", "2 skills", "5 skills", "11 skills", "21 skills", "22 skills"]
    );
    assert_eq!(
        forms("en", interface::SKILL_ROLES, &mut problems),
        ["Role", "Roles", "Roles", "Roles", "Roles", "Roles"]
    );
    let ru = locales.localizer(&locale("ru")).unwrap();
    let summary = |mandatory: usize, optional: usize, problems: &mut Vec<Problem>| {
        let counts = [("mandatory", mandatory.into()), ("optional", optional.into())];
        ru.interface(interface::ROLE_LEVEL_SUMMARY, &counts, problems).text.into_owned()
    };
    assert_eq!(summary(21, 0, &mut problems), "21 обязательный, 0 необязательных");
    assert_eq!(summary(3, 1, &mut problems), "3 обязательных, 1 необязательный");
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn syntax_errors_and_duplicates_name_file_line_and_column() {
    let (dir, loaded) = load(&[
        ("en/a.ftl", "hello = Hello\nbroken = { $x\nafter = fine\n"),
        ("en/b.ftl", "# comment\nhello = Hi again\n"),
        ("es/a.ftl", "hello = Hola\n"),
        ("templates/x.txt", "not a locale"),
    ]);
    assert_snapshot!(describe(&loaded.problems, dir.path()), @"
    Warning templates: `templates` is not a language tag, so this directory is not a locale
    Error en/a.ftl:2:10: syntax error: this `{` is never closed
    Error en/b.ftl:2:1: `hello` is defined twice (first at a.ftl:1:1)
    ");
    let available: Vec<String> = loaded.locales.available().map(ToString::to_string).collect();
    assert_eq!(available, ["en", "es"], "directories that are not language tags are not locales");
    let en = loaded.locales.localizer(&locale("en")).unwrap();
    let mut problems = Vec::new();
    assert_eq!(en.message("hello", &mut problems).text, "Hello", "the first definition wins");
    assert_eq!(en.message("after", &mut problems).text, "fine", "parsing resumes after the error");
}

#[test]
fn a_missing_variable_is_an_error_at_its_placeable() {
    let (dir, loaded) = load(&[("en/a.ftl", "# The page title.\ntitle = Career path: { $role }\n")]);
    let en = loaded.locales.localizer(&locale("en")).unwrap();
    let mut problems = Vec::new();
    let text = en.message("title", &mut problems).text.into_owned();
    assert_eq!(text, "Career path: {$role}");
    assert_snapshot!(describe(&problems, dir.path()), @"Error en/a.ftl:2:22: `title` uses `$role`, which it is not given");
}

#[test]
fn the_source_locale_must_hold_every_catalog_message() {
    let catalog = Catalog::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalog")).unwrap();
    assert!(default_locales().missing_catalog_messages(&catalog).is_empty());
    assert!(default_locales().missing_interface_messages().is_empty());

    let (dir, loaded) = load(&[(
        "en/a.ftl",
        "skill-serverless-functions = Serverless Functions\nrole-cloud-engineer = Cloud Engineer\n",
    )]);
    let problems = loaded.locales.missing_catalog_messages(&catalog);
    assert_eq!(problems.len(), 5 + 3 + 2 + 1 + 20, "all but two messages, and the summary attribute");
    let first_two: Vec<String> = problems[..2]
        .iter()
        .map(|p| format!("{p}; {}", p.kind.help().unwrap()).replace(&format!("{}/", dir.path().display()), ""))
        .collect();
    assert_snapshot!(first_two.join("\n"), @r"
    en: no message `level-junior` in any locale of the fallback chain; add `level-junior = …` (the name of level `junior`) to the source locale
    en: no message `level-middle` in any locale of the fallback chain; add `level-middle = …` (the name of level `middle`) to the source locale
    ");
    // A missing description points at the requirement that needs it; its help names the file
    // that already holds the skill's other messages.
    let requirement = problems.iter().find(|p| p.to_string().contains("`skill-serverless-functions--")).unwrap();
    let catalog_file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalog/skills/serverless-functions.yaml");
    assert_eq!(requirement.location(), format!("{}:8:5", catalog_file.display()), "at the requirement");
    let belongs_in = format!("to {}/en/a.ftl", dir.path().file_name().unwrap().to_string_lossy());
    assert!(requirement.kind.help().unwrap().ends_with(&belongs_in), "{:?}", requirement.kind.help());
    let summary = problems.iter().find(|p| p.to_string().contains(".summary")).unwrap();
    assert_eq!(summary.location(), format!("{}:1:1", dir.path().join("en/a.ftl").display()), "at the message");

    let (dir, loaded) = load(&[
        (
            "en/catalog.ftl",
            "level-junior = Junior
",
        ),
        (
            "en/skills.ftl",
            "# none yet
",
        ),
    ]);
    let problems = loaded.locales.missing_catalog_messages(&catalog);
    let problem_of = |id: &str| problems.iter().find(|p| p.to_string().contains(&format!("`{id}"))).unwrap();
    let role = problem_of("role-cloud-engineer");
    assert_eq!(role.path.strip_prefix(dir.path()).unwrap(), Path::new("en/catalog.ftl"));
    let locales_name = dir.path().file_name().unwrap().to_string_lossy().into_owned();
    let description = problem_of("skill-serverless-functions--").kind.help().unwrap();
    assert!(description.ends_with(&format!("to {locales_name}/en/skills.ftl")), "{description}");
}

#[test]
fn no_source_locale_is_fatal() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("es")).unwrap();
    let err = Locales::load(dir.path()).unwrap_err().to_string().replace(&dir.path().display().to_string(), "locales");
    assert_eq!(err, "locales: no `en` directory: the source language's messages are required");
}

/// Problems with their help lines, paths relative to `dir`.
fn describe_help(problems: &[Problem], dir: &Path) -> String {
    let prefix = format!("{}/", dir.display());
    problems
        .iter()
        .map(|p| {
            let help = p.kind.help().map(|help| format!("\n  help: {help}")).unwrap_or_default();
            format!("{:?} {p}{help}\n", p.kind.severity()).replace(&prefix, "")
        })
        .collect()
}

const EN_UI: &str = "ui-skill-roles = { $count ->\n        [one] Role\n       *[other] Roles\n    }\nui-nav-index = All skills and roles\n";

fn skill_roles(localizer: &ladder_i18n::Localizer, count: i64, problems: &mut Vec<Problem>) -> String {
    localizer.interface(interface::SKILL_ROLES, &[("count", count.into())], problems).text.into_owned()
}

#[test]
fn an_unknown_variable_is_an_error_at_its_placeable_with_what_is_given() {
    let (dir, loaded) = load(&[("en/ui.ftl", EN_UI), ("es/ui.ftl", "ui-skill-roles = { $cnt } habilidad\n")]);
    let es = loaded.locales.localizer(&locale("es")).unwrap();
    let mut problems = Vec::new();
    assert_eq!(skill_roles(&es, 2, &mut problems), "{$cnt} habilidad");
    let expected = "Error es/ui.ftl:1:18: `ui-skill-roles` uses `$cnt`, which it is not given\n  help: `ui-skill-roles` is given `$count`; catalog messages are given no variables\n";
    assert_eq!(describe_help(&problems, dir.path()), expected);
    assert_eq!(describe_help(&loaded.locales.validate(None), dir.path()), expected, "found before rendering too");
}

#[test]
fn a_missing_reference_a_cycle_and_a_bomb_are_errors_at_the_reference() {
    let mut bomb = String::from("lol0 = lol\n");
    for i in 1..10 {
        bomb += &format!("lol{i} = {}\n", format!("{{ lol{} }}", i - 1).repeat(10));
    }
    bomb += "ui-site-title = { lol9 }\n";
    let (dir, loaded) = load(&[
        ("en/ui.ftl", EN_UI),
        ("es/a.ftl", "ui-nav-index = Todo { missing-msg }\nui-table-role = Rol { -brand }\n"),
        ("es/b.ftl", "ui-table-skill = Todo\n    { ui-table-skill }\n"),
        ("es/c.ftl", &bomb),
    ]);
    let es = loaded.locales.localizer(&locale("es")).unwrap();
    let mut problems = Vec::new();
    assert_eq!(es.interface(interface::NAV_INDEX, &[], &mut problems).text, "Todo {missing-msg}");
    assert_eq!(es.interface(interface::TABLE_ROLE, &[], &mut problems).text, "Rol {-brand}");
    es.interface(interface::TABLE_SKILL, &[], &mut problems);
    es.interface(interface::SITE_TITLE, &[], &mut problems);
    assert_snapshot!(describe_help(&problems, dir.path()), @r"
    Error es/a.ftl:1:21: `ui-nav-index` refers to `missing-msg`, which is not defined
      help: define `missing-msg` in this locale or in the source locale, or remove the reference
    Error es/a.ftl:2:21: `ui-table-role` refers to `-brand`, which is not defined
      help: define `-brand` in this locale or in the source locale, or remove the reference
    Error es/b.ftl:2:5: `ui-table-skill` refers to itself through `ui-table-skill`
      help: write the text out instead of referring back
    Error es/c.ftl:11:17: `ui-site-title` expands to too many placeables
      help: a message may expand to at most 100 placeables: refer to fewer messages
    ");
    let validated = loaded.locales.validate(None);
    let errors: Vec<&Problem> =
        validated.iter().filter(|p| p.kind.severity() == ladder_i18n::Severity::Error).collect();
    assert_eq!(errors.len(), 3, "validation finds the reference, the term and the cycle: {validated:?}");
}

#[test]
fn validation_reaches_select_branches_no_page_shows() {
    let (dir, loaded) = load(&[
        ("en/ui.ftl", EN_UI),
        (
            "es/ui.ftl",
            "ui-skill-roles = { $count ->\n    [one] Rol\n    [many] { $total } roles\n   *[other] Roles { NUMBER($count) }\n}\n",
        ),
    ]);
    let es = loaded.locales.localizer(&locale("es")).unwrap();
    let mut problems = Vec::new();
    assert_eq!(skill_roles(&es, 1, &mut problems), "Rol");
    assert!(problems.is_empty());
    assert_snapshot!(describe_help(&loaded.locales.validate(None), dir.path()), @r"
    Error es/ui.ftl:3:12: `ui-skill-roles` uses `$total`, which it is not given
      help: `ui-skill-roles` is given `$count`; catalog messages are given no variables
    Error es/ui.ftl:4:19: `ui-skill-roles` calls `NUMBER()`, which does not exist
      help: Ladder gives translations no functions: write the text out
    ");
}

#[test]
fn references_resolve_along_the_fallback_chain() {
    let (_dir, loaded) = load(&[
        ("en/ui.ftl", &format!("-brand = Ladder\n{EN_UI}ui-site-title = {{ -brand }} careers\n")),
        ("es/ui.ftl", "ui-site-title = Carreras en { -brand }\n"),
    ]);
    assert!(loaded.locales.validate(None).is_empty());
    let es = loaded.locales.localizer(&locale("es")).unwrap();
    let mut problems = Vec::new();
    assert_eq!(es.interface(interface::SITE_TITLE, &[], &mut problems).text, "Carreras en Ladder");
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn catalog_messages_are_given_no_variables_and_unused_ids_are_warnings() {
    let catalog = Catalog::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalog")).unwrap();
    let (dir, loaded) = load(&[(
        "en/skills.ftl",
        "skill-serverless-functions = Serverless { $n }\nskill-cobol = COBOL\nrole-astronaut = Astronaut\nui-nav-home = Home\n",
    )]);
    assert_snapshot!(describe_help(&loaded.locales.validate(Some(&catalog)), dir.path()), @r"
    Error en/skills.ftl:1:41: `skill-serverless-functions` uses `$n`, which it is not given
      help: `skill-serverless-functions` is given no variables; catalog messages are given no variables
    Warning en/skills.ftl:2:1: `skill-cobol` is obsolete: the catalog has no skill `cobol`
      help: delete the message, or add what it describes to the catalog
    Warning en/skills.ftl:3:1: `role-astronaut` is obsolete: the catalog has no role `astronaut`
      help: delete the message, or add what it describes to the catalog
    Warning en/skills.ftl:4:1: `ui-nav-home` is not an interface message Ladder uses
      help: delete it, or check its id against locales/en/ui.ftl
    ");
}

#[test]
fn bidi_controls_are_reported_where_they_stand_and_never_reach_output() {
    let (dir, loaded) = load(&[("en/ui.ftl", EN_UI), ("es/ui.ftl", "ui-nav-index = Todo \u{202E}odarg\n")]);
    assert_snapshot!(describe_help(&loaded.locales.validate(None), dir.path()), @r"
    Warning es/ui.ftl:1:21: `ui-nav-index` holds the invisible bidi control U+202E
      help: delete it: Ladder strips bidi controls from pages, and HTML isolates right-to-left text itself
    ");
    let es = loaded.locales.localizer(&locale("es")).unwrap();
    let mut problems = Vec::new();
    assert_eq!(es.interface(interface::NAV_INDEX, &[], &mut problems).text, "Todo odarg");
}

#[test]
fn deep_nesting_is_refused_before_parsing() {
    let started = std::time::Instant::now();
    let (dir, loaded) =
        load(&[("en/ui.ftl", EN_UI), ("es/ui.ftl", &format!("ui-nav-index = {}\n", "{".repeat(100_000)))]);
    assert!(started.elapsed().as_secs() < 5, "a file of braces is refused in linear time");
    assert_snapshot!(describe_help(&loaded.problems, dir.path()), @r"
    Error es/ui.ftl:1:32: placeables nested more than 16 deep
      help: split the message into simpler ones
    ");
}

#[test]
fn files_are_read_as_utf8_with_an_optional_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("en")).unwrap();
    fs::create_dir_all(dir.path().join("es")).unwrap();
    fs::write(dir.path().join("en/ui.ftl"), format!("\u{feff}{EN_UI}")).unwrap();
    fs::write(dir.path().join("es/ui.ftl"), b"ui-nav-index = Todo\nui-site-title = Carreras \xff\n").unwrap();
    let loaded = Locales::load(dir.path()).unwrap();
    assert_snapshot!(describe_help(&loaded.problems, dir.path()), @"
    Error es/ui.ftl:2:26: cannot read this file: not valid UTF-8
      help: save the file as UTF-8
    ");
    let en = loaded.locales.localizer(&locale("en")).unwrap();
    let mut problems = Vec::new();
    assert_eq!(skill_roles(&en, 1, &mut problems), "Role", "the BOM is not part of the first id");
    assert!(problems.is_empty());
}

#[test]
fn only_language_tags_with_ftl_files_are_locales() {
    let (dir, loaded) = load(&[
        ("en/ui.ftl", EN_UI),
        ("backup/ui.ftl", EN_UI),
        ("pt_BR/ui.ftl", EN_UI),
        (".git/HEAD.ftl", "x"),
        ("fr/README.md", "todo"),
    ]);
    assert_snapshot!(describe_help(&loaded.problems, dir.path()), @r"
    Warning backup: `backup` is not a language tag, so this directory is not a locale
      help: rename it to a BCP 47 tag such as `pt-BR`
    Warning pt_BR: `pt_BR` is not a language tag, so this directory is not a locale
      help: rename it to a BCP 47 tag such as `pt-BR`
    Warning fr: no .ftl files: this directory is not a locale
      help: add its translations (copy locales/en/ui.ftl), or delete it
    ");
    let available: Vec<String> = loaded.locales.available().map(ToString::to_string).collect();
    assert_eq!(available, ["en"]);
}

#[cfg(unix)]
#[test]
fn a_symlink_leaving_the_locales_directory_is_refused_unread() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.ftl"), "secret = hunter2\n").unwrap();
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("en")).unwrap();
    fs::write(dir.path().join("en/ui.ftl"), EN_UI).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.ftl"), dir.path().join("en/secret.ftl")).unwrap();
    let loaded = Locales::load(dir.path()).unwrap();
    let shown = describe_help(&loaded.problems, dir.path());
    assert!(shown.starts_with("Error en/secret.ftl: cannot read this file: a symlink that points outside"), "{shown}");
    assert!(!shown.contains("hunter2"));
}

/// Message ids, the variables they use and whether they select on a plural category, from the
/// English interface source.
fn english_interface() -> Vec<(String, Vec<String>, bool)> {
    use fluent_syntax::ast;
    fn expression(e: &ast::Expression<&str>, vars: &mut Vec<String>, plural: &mut bool) {
        match e {
            ast::Expression::Inline(inline) => inline_expression(inline, vars, plural),
            ast::Expression::Select { selector, variants } => {
                inline_expression(selector, vars, plural);
                for variant in variants {
                    if matches!(variant.key, ast::VariantKey::Identifier { name } if ["zero", "one", "two", "few", "many", "other"].contains(&name))
                    {
                        *plural = true;
                    }
                    pattern(&variant.value, vars, plural);
                }
            }
        }
    }
    fn inline_expression(e: &ast::InlineExpression<&str>, vars: &mut Vec<String>, plural: &mut bool) {
        match e {
            ast::InlineExpression::VariableReference { id } => vars.push(id.name.to_owned()),
            ast::InlineExpression::Placeable { expression: inner } => expression(inner, vars, plural),
            _ => {}
        }
    }
    fn pattern(p: &ast::Pattern<&str>, vars: &mut Vec<String>, plural: &mut bool) {
        for element in &p.elements {
            if let ast::PatternElement::Placeable { expression: e } = element {
                expression(e, vars, plural);
            }
        }
    }
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales/en/ui.ftl")).unwrap();
    let resource = fluent_syntax::parser::parse(text.as_str()).unwrap();
    let mut found = Vec::new();
    for entry in &resource.body {
        if let ast::Entry::Message(message) = entry {
            let (mut vars, mut plural) = (Vec::new(), false);
            if let Some(value) = &message.value {
                pattern(value, &mut vars, &mut plural);
            }
            vars.sort();
            vars.dedup();
            found.push((message.id.name.to_owned(), vars, plural));
        }
    }
    found
}

#[test]
fn the_interface_table_matches_the_english_source_both_ways() {
    let english = english_interface();
    let table_ids: Vec<&str> = interface::ALL.iter().map(|m| m.id).collect();
    let english_ids: Vec<&str> = english.iter().map(|(id, _, _)| id.as_str()).collect();
    assert_eq!(english_ids, table_ids, "locales/en/ui.ftl and crates/i18n/src/interface.rs list the same messages");
    for (id, variables, plural) in &english {
        let entry = interface::find(id).unwrap();
        for variable in variables {
            assert!(
                entry.variables.contains(&variable.as_str()),
                "`{id}` uses `${variable}`, which the table does not give it"
            );
        }
        assert_eq!(entry.plural, *plural, "`{id}`: the table and English disagree on selecting a plural form");
    }
    assert!(default_locales().validate(None).is_empty());
}

#[test]
fn the_default_locales_validate_without_errors_or_warnings() {
    let catalog = Catalog::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalog")).unwrap();
    let problems = default_locales().validate(Some(&catalog));
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn every_interface_message_must_exist_in_the_source_locale() {
    let (dir, loaded) = load(&[("en/ui.ftl", "language-name = English\nui-site-title = Career paths\n")]);
    let problems = loaded.locales.missing_interface_messages();
    assert_eq!(problems.len(), ladder_i18n::interface::ALL.len() - 2);
    let table_role = problems.iter().find(|p| p.to_string().contains("`ui-table-role`")).unwrap();
    assert_eq!(table_role.path, dir.path().join("en/ui.ftl"), "where the other interface messages are");
    assert_eq!(table_role.kind.severity(), ladder_i18n::Severity::Error);
}

/// A message whose text arguments come from another locale than itself is cut into pieces, each
/// with its language: here an English fallback sentence around an Arabic role name.
#[test]
fn text_arguments_from_another_locale_make_segments() {
    let (_dir, loaded) = load(&[
        ("en/ui.ftl", "ui-role-title = Career path: { $role }\nui-table-caption = { $skill }: { $level }\n"),
        ("en/catalog.ftl", "role-developer = Developer\nlevel-junior = Junior\nskill-x = Unit Testing\n"),
        ("ar/all.ftl", "ui-table-caption = { $skill } — { $level }\nrole-developer = مطوّر\nlevel-junior = مبتدئ\n"),
    ]);
    let ar = loaded.locales.localizer(&locale("ar")).unwrap();
    let mut problems = Vec::new();
    let role = ar.message("role-developer", &mut problems);
    let title = ar.interface_with(interface::ROLE_TITLE, &[], &[("role", &role)], &mut problems);
    assert_eq!(
        (title.text.as_ref(), title.locale.to_string(), title.fell_back),
        ("Career path: مطوّر", "en".into(), true)
    );
    let pieces: Vec<(&str, String)> =
        title.pieces().into_iter().map(|(text, locale)| (text, locale.to_string())).collect();
    assert_eq!(pieces, [("Career path: ", "en".to_owned()), ("مطوّر", "ar".to_owned())]);

    // An Arabic caption around an English skill name; pieces of one language are one segment.
    let skill = ar.message("skill-x", &mut problems);
    let level = ar.message("level-junior", &mut problems);
    let caption =
        ar.interface_with(interface::TABLE_CAPTION, &[], &[("skill", &skill), ("level", &level)], &mut problems);
    let pieces: Vec<(&str, String)> =
        caption.pieces().into_iter().map(|(text, locale)| (text, locale.to_string())).collect();
    assert_eq!(pieces, [("Unit Testing", "en".to_owned()), (" — مبتدئ", "ar".to_owned())]);

    // Everything in the message's language: no segments.
    let en = loaded.locales.localizer(&locale("en")).unwrap();
    let role = en.message("role-developer", &mut problems);
    let title = en.interface_with(interface::ROLE_TITLE, &[], &[("role", &role)], &mut problems);
    assert_eq!((title.text.as_ref(), title.segments.len()), ("Career path: Developer", 0));
    assert!(problems.is_empty(), "{problems:?}");
}

/// Where a text argument is selected on, a marker would change the text: no segments, rather
/// than wrong ones.
#[test]
fn segments_never_disagree_with_the_text() {
    let (_dir, loaded) = load(&[
        (
            "en/ui.ftl",
            "ui-role-title = { $role ->\n    [dev] The developer path\n   *[other] Career path: { $role }\n    }\n",
        ),
        ("ar/all.ftl", "role-developer = dev\n"),
    ]);
    let ar = loaded.locales.localizer(&locale("ar")).unwrap();
    let mut problems = Vec::new();
    let role = ar.message("role-developer", &mut problems);
    let title = ar.interface_with(interface::ROLE_TITLE, &[], &[("role", &role)], &mut problems);
    assert_eq!((title.text.as_ref(), title.segments.len()), ("The developer path", 0));
}
