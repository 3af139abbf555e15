//! End to end: catalogs rendered by the code behind `cargo xtask render`, compared with reviewed
//! output, one snapshot per file (`cargo insta review` after a deliberate change).

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

mod support;

use std::fs;
use std::path::Path;

use support::{outputs, workspace};
use xtask::flags::{LocaleSelection, RenderOptions};
use xtask::render::{self, Failure};

fn options(input: &Path, out: &Path) -> RenderOptions {
    // The default catalog is small: its Markdown moves pages are checked with everything else.
    RenderOptions { moves: true, ..RenderOptions::for_project(input, out) }
}

/// Renders `input` (a directory with `catalog/` and `locales/`) and snapshots, under
/// `snapshots/<name>/`, every output file, or the diagnostics (`errors`) if the input is invalid.
fn check_case(name: &str, input: &Path) {
    check_case_in(name, input, LocaleSelection::All);
}

/// [`check_case`] for some locales only.
fn check_case_in(name: &str, input: &Path, locales: LocaleSelection) {
    let out = tempfile::tempdir().unwrap();
    let mut options = options(input, out.path());
    options.locales = locales;
    let result = render::run(&options);
    let rendered = outputs(out.path());
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(workspace().join("tests/snapshots").join(name));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| match result {
        Ok(report) => {
            assert_eq!(rendered.len(), report.files, "the report counts what was written");
            for (path, bytes) in &rendered {
                let text = String::from_utf8(bytes.clone()).unwrap();
                if path == "elasticlunr.min.js" {
                    // Vendored as it is: not a snapshot of someone else's minified code.
                    let embedded = ladder_renderer::EMBEDDED_TEMPLATES.iter().find(|(name, _)| *name == path);
                    assert_eq!(embedded.map(|(_, text)| *text), Some(text.as_str()));
                    continue;
                }
                let text = if path.ends_with("/search-index.js") {
                    search_index_summary(&text)
                } else if path.ends_with("/moves-data.js") {
                    moves_data_summary(&text)
                } else {
                    text
                };
                insta::assert_snapshot!(path.replace('/', "__"), text);
            }
        }
        Err(failure) => {
            assert!(rendered.is_empty(), "a failed render wrote files");
            let shown: Vec<String> = failure.diagnostics().iter().map(|d| d.render(input)).collect();
            insta::assert_snapshot!("errors", shown.join("\n"));
        }
    });
}

/// A search index as a reviewer reads it: the documents, then each field's indexed words with
/// the documents they occur in (the index itself is one line of nested JSON).
fn search_index_summary(script: &str) -> String {
    let json = script.strip_prefix("window.ladderSearchIndex = ").and_then(|rest| rest.strip_suffix(";\n")).unwrap();
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    let mut out = serde_json::to_string_pretty(&value["docs"]).unwrap();
    let index = &value["index"];
    out.push_str(&format!("\npipeline: {}\n", index["pipeline"]));
    for field in index["fields"].as_array().unwrap() {
        let field = field.as_str().unwrap();
        out.push_str(&format!("\n{field}:\n"));
        let mut words = Vec::new();
        let mut pending = vec![(String::new(), &index["index"][field]["root"])];
        while let Some((prefix, node)) = pending.pop() {
            for (key, child) in node.as_object().unwrap() {
                if key == "docs" {
                    let docs: Vec<&String> = child.as_object().unwrap().keys().collect();
                    if !docs.is_empty() {
                        words.push(format!("  {prefix} {docs:?}"));
                    }
                } else if key != "df" {
                    pending.push((format!("{prefix}{key}"), child));
                }
            }
        }
        words.sort();
        out.push_str(&words.join("\n"));
        out.push('\n');
    }
    out
}

/// A locale's moves data (`<lang>/moves-data.js`), parsed back.
fn moves_data(script: &str) -> serde_json::Value {
    let prefix = format!("window.{} = ", ladder_renderer::MOVES_GLOBAL);
    let json = script.strip_prefix(&prefix).and_then(|rest| rest.strip_suffix(";\n")).unwrap();
    serde_json::from_str(json).unwrap()
}

/// A list of skill indices of the moves data, written as gaps (`[0, 3]` is 0 and 4), decoded.
fn moves_indices(gaps: &serde_json::Value) -> Vec<usize> {
    let mut next = 0;
    gaps.as_array()
        .unwrap()
        .iter()
        .map(|gap| {
            let index = next + gap.as_u64().unwrap() as usize;
            next = index + 1;
            index
        })
        .collect()
}

/// A text of the moves data as a reviewer reads it: `"text"`, or `"text" (en)` when it fell back.
fn moves_text(data: &serde_json::Value, entry: &serde_json::Value) -> String {
    match entry {
        serde_json::Value::String(text) => format!("{text:?}"),
        _ => {
            let lang = &data["langs"][entry[1].as_u64().unwrap() as usize];
            let (lang, dir) = (lang[0].as_str().unwrap(), lang[1].as_str().unwrap());
            let lang = if dir.is_empty() { lang.to_owned() } else { format!("{lang} {dir}") };
            format!("{:?} ({lang})", entry[0].as_str().unwrap())
        }
    }
}

/// The moves data as a reviewer reads it: the names, each role's skills at each level by id
/// (decoded from the index lists), then the interface texts.
fn moves_data_summary(script: &str) -> String {
    let data = moves_data(script);
    let mut out = String::new();
    for list in ["levels", "roles", "skills"] {
        out.push_str(&format!("{list}:\n"));
        for (index, entry) in data[list].as_array().unwrap().iter().enumerate() {
            out.push_str(&format!("  {index} {} {}\n", entry[0].as_str().unwrap(), moves_text(&data, &entry[1])));
        }
    }
    out.push_str("needs (mandatory | optional):\n");
    let skill = |index: usize| data["skills"][index][0].as_str().unwrap();
    for (role, levels) in data["roles"].as_array().unwrap().iter().zip(data["needs"].as_array().unwrap()) {
        for (level, lists) in data["levels"].as_array().unwrap().iter().zip(levels.as_array().unwrap()) {
            let [mandatory, optional] =
                [&lists[0], &lists[1]].map(|list| moves_indices(list).into_iter().map(skill).collect::<Vec<_>>());
            let (role, level) = (role[0].as_str().unwrap(), level[0].as_str().unwrap());
            out.push_str(&format!("  {role} {level}: {mandatory:?} | {optional:?}\n"));
        }
    }
    out.push_str("text:\n");
    let text = data["text"].as_object().unwrap();
    for (key, entry) in text.iter().filter(|(key, _)| *key != "counts") {
        out.push_str(&format!("  {key}: {}\n", moves_text(&data, entry)));
    }
    for (key, count) in text["counts"].as_object().unwrap() {
        out.push_str(&format!("  counts.{key} (plural rules: {}):\n", count["rules"].as_str().unwrap()));
        for (category, entry) in count["forms"].as_object().unwrap() {
            out.push_str(&format!("    {category}: {}\n", moves_text(&data, entry)));
        }
    }
    out
}

#[test]
fn the_default_catalog_renders_as_reviewed() {
    check_case("default", &workspace());
}

#[test]
fn cases_render_as_reviewed() {
    let cases = workspace().join("tests/cases");
    // `broken/` holds the broken-input corpus, overlays run by xtask/tests/broken.rs; `check/`
    // the lint cases run by xtask/tests/check.rs.
    let mut names: Vec<String> = fs::read_dir(&cases)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "broken" && name != "check")
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for name in names {
        check_case(&name, &cases.join(&name));
    }
}

/// The pseudolocales of text that looks like markup: transformed, still escaped, tables whole.
#[test]
fn pseudolocales_transform_text_and_keep_markup_escaped() {
    let input = workspace().join("tests/cases/tricky-text");
    let pseudo = vec!["en-XA".parse().unwrap(), "ar-XB".parse().unwrap()];
    check_case_in("tricky-text-pseudo", &input, LocaleSelection::Only(pseudo.clone()));

    let out = tempfile::tempdir().unwrap();
    let mut options = options(&input, out.path());
    options.locales = LocaleSelection::Only(pseudo);
    render::run(&options).unwrap();
    for tag in ["en-XA", "ar-XB"] {
        let read = |ext: &str| fs::read_to_string(out.path().join(format!("{tag}/skills/html-and-markdown.{ext}")));
        let (markdown, html) = (read("md").unwrap(), read("html").unwrap());
        for row in markdown.lines().filter(|line| line.starts_with("| [")) {
            let unescaped_pipes = row.replace(r"\|", "").matches('|').count();
            assert_eq!(unescaped_pipes, 4, "a row of other than three cells: {row}");
        }
        assert!(!html.contains("<script>") && html.contains("&lt;/"), "{html}");
        assert!(!html.contains(r#"lang="en""#), "{tag} is no English fallback");
    }
}

/// A catalog big enough that jobs really interleave across threads.
fn synthetic_input(dir: &Path, n_skills: usize) {
    let catalog = dir.join("catalog");
    fs::create_dir_all(catalog.join("skills")).unwrap();
    fs::write(catalog.join("levels.yaml"), "levels: [junior, senior]\n").unwrap();
    fs::write(catalog.join("roles.yaml"), "roles: [backend, frontend, data]\n").unwrap();
    fs::write(catalog.join("domains.yaml"), "domains:\n  - id: eng\n    groups: [core, extra]\n").unwrap();
    let mut en = String::from(
        "language-name = English\nlevel-junior = Junior\nlevel-senior = Senior\nrole-backend = Backend\nrole-frontend = Frontend\nrole-data = Data\ndomain-eng = Engineering\ngroup-core = Core\ngroup-extra = Extra\n",
    );
    let mut es = String::from("language-name = Español\nlevel-junior = Júnior\n");
    for i in 0..n_skills {
        let group = if i % 3 == 0 { "extra" } else { "core" };
        let necessity = if i % 2 == 0 { "mandatory" } else { "optional" };
        fs::write(
            catalog.join(format!("skills/skill-{i:03}.yaml")),
            format!("group: {group}\nupdated: 2026-01-{:02}\nrequirements:\n  backend:\n    junior: {necessity}\n    senior: mandatory\n  data:\n    senior: optional\n", i % 28 + 1),
        )
        .unwrap();
        en += &format!("skill-skill-{i:03} = Skill {i}\n    .summary = Summary {i}\n");
        for (role, level) in [("backend", "junior"), ("backend", "senior"), ("data", "senior")] {
            en += &format!("skill-skill-{i:03}--{role}--{level} = {role} at {level} does {i}.\n");
        }
        if i % 2 == 0 {
            es += &format!("skill-skill-{i:03} = Habilidad {i}\n");
        }
    }
    let ui =
        fs::read_to_string(workspace().join("locales/en/ui.ftl")).unwrap().replace("language-name = English\n", "");
    let ui_es =
        fs::read_to_string(workspace().join("locales/es/ui.ftl")).unwrap().replace("language-name = Español\n", "");
    for (lang, text, ui) in [("en", en, ui), ("es", es, ui_es)] {
        fs::create_dir_all(dir.join("locales").join(lang)).unwrap();
        fs::write(dir.join("locales").join(lang).join("content.ftl"), text).unwrap();
        fs::write(dir.join("locales").join(lang).join("ui.ftl"), ui).unwrap();
    }
}

#[test]
fn one_thread_and_many_write_identical_bytes() {
    let input = tempfile::tempdir().unwrap();
    synthetic_input(input.path(), 60);
    let mut trees = Vec::new();
    for threads in [1, 2, 7] {
        let out = tempfile::tempdir().unwrap();
        let mut options = options(input.path(), out.path());
        options.threads = Some(threads);
        let report = render::run(&options).unwrap();
        assert_eq!(
            report.pages,
            2 * 2 * (1 + 1 + 60 + 3) + 2 + 2 * 3 + 2,
            "2 locales x 2 formats x (index, overview, skills, roles), the moves page (HTML) and each \
             role's moves (Markdown, --moves) per locale, and es's translation status in 2 formats"
        );
        trees.push(outputs(out.path()));
    }
    assert_eq!(
        trees[0].len(),
        270 + 2 + 4 + 2 + 2 + 2 + 1,
        "pages, the language chooser, the stylesheet, the script, the favicon, 404.html, robots.txt, \
         a search index and moves data per locale, search.js, elasticlunr.min.js and moves.js"
    );
    assert!(trees[0] == trees[1] && trees[1] == trees[2], "output depends on the thread count");
}

#[test]
fn invalid_input_writes_nothing_and_keeps_the_previous_output() {
    let input = tempfile::tempdir().unwrap();
    synthetic_input(input.path(), 3);
    let out = tempfile::tempdir().unwrap();
    render::run(&options(input.path(), out.path())).unwrap();
    let before = outputs(out.path());

    // A typo in a requirement, a syntax error in a translation: both reported, nothing written.
    let skill = input.path().join("catalog/skills/skill-001.yaml");
    fs::write(&skill, fs::read_to_string(&skill).unwrap().replace("senior: mandatory", "senior: mandatroy")).unwrap();
    let es = input.path().join("locales/es/content.ftl");
    fs::write(&es, fs::read_to_string(&es).unwrap().replace("level-junior = Júnior", "level-junior = Júnior {"))
        .unwrap();
    let failure = render::run(&options(input.path(), out.path())).unwrap_err();
    assert!(matches!(failure, Failure::Invalid(_)));
    let shown: Vec<String> = failure.diagnostics().iter().map(|d| d.render(input.path())).collect();
    insta::assert_snapshot!(shown.join("\n"), @"
    error[invalid-necessity]: unknown requirement `mandatroy`: expected `mandatory` or `optional`
     --> catalog/skills/skill-001.yaml:6:13
      |
    6 |     senior: mandatroy
      |             ^^^^^^^^^
      |
      = help: write `mandatory` or `optional`; leave the level out where the role does not need the skill

    error[syntax]: syntax error: this `{` is never closed (es)
     --> locales/es/content.ftl:2:23
      |
    2 | level-junior = Júnior {
      |                       ^
      |
      = help: see https://projectfluent.org/fluent/guide/ for Fluent syntax
    ");
    assert!(outputs(out.path()) == before, "a failed render changed the output");
}

#[test]
fn an_unknown_locale_is_a_usage_error() {
    let out = tempfile::tempdir().unwrap();
    let mut options = options(&workspace(), out.path());
    options.locales = LocaleSelection::Only(vec!["fr".parse().unwrap()]);
    let failure = render::run(&options).unwrap_err();
    assert_eq!(failure.exit_code(), 2);
    insta::assert_snapshot!(failure.diagnostics()[0].render(&workspace()), @"
    error: no translations for `fr`: available locales are en, es, ru
     |
     = help: add locales/fr/ with its .ftl files, or pick an available locale
    ");
    assert!(outputs(out.path()).is_empty());
}

#[test]
fn a_template_directory_replaces_embedded_templates_by_name() {
    let templates = tempfile::tempdir().unwrap();
    fs::write(templates.path().join("skill.md"), "{{ name.text }} ({{ page.lang }}): {{ summary.text }}\n").unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut options = options(&workspace(), out.path());
    options.templates_dir = Some(templates.path().to_path_buf());
    render::run(&options).unwrap();
    let skill = fs::read_to_string(out.path().join("es/skills/serverless-functions.md")).unwrap();
    assert_eq!(
        skill,
        "Serverless Functions (es): AWS Lambda, Cloud Functions, Yandex Cloud Functions, cold starts, event triggers\n"
    );
    let role = fs::read_to_string(out.path().join("es/roles/cloud-engineer.md")).unwrap();
    assert!(role.starts_with("# Ruta profesional: Cloud Engineer\n"), "other templates stay embedded");

    // A broken override fails before any page, naming the template and line.
    fs::write(templates.path().join("role.html"), "<h1>{{ title.text }</h1>\n").unwrap();
    let failure = render::run(&options).unwrap_err();
    assert_eq!(failure.exit_code(), 1);
    insta::assert_snapshot!(failure.diagnostics()[0].render(templates.path()), @"
    error[template]: syntax error: unexpected `}`, expected end of variable block
     --> role.html:1:19
      |
    1 | <h1>{{ title.text }</h1>
      |                   ^
      |
      = help: fix the template, or delete it to use the embedded one of the same name
    ");

    // So does a misspelt variable, at render time, instead of printing nothing on every page.
    fs::write(templates.path().join("role.html"), "<h1>{{ titel.text }}</h1>\n").unwrap();
    let failure = render::run(&options).unwrap_err();
    insta::assert_snapshot!(failure.diagnostics()[0].render(templates.path()), @"
    error[template]: undefined value
     --> role.html:1:8
      |
    1 | <h1>{{ titel.text }}</h1>
      |        ^^^^^^^^^^
      |
      = help: fix the template, or delete it to use the embedded one of the same name
    ");
}

#[test]
fn exports_are_published_per_locale_and_kept_by_a_render_that_does_not_ask_for_them() {
    use ladder_renderer::ExportFormat;
    let out = tempfile::tempdir().unwrap();
    let mut options = options(&workspace(), out.path());
    options.exports = vec![ExportFormat::Json, ExportFormat::Csv { bom: true }, ExportFormat::Xlsx];
    let report = render::run(&options).unwrap();
    let rendered = outputs(out.path());
    assert_eq!(rendered.len(), report.files, "the report counts the exports too");
    for lang in ["en", "es", "ru"] {
        let json: serde_json::Value = serde_json::from_slice(&rendered[&format!("{lang}/ladder.json")]).unwrap();
        assert_eq!(json["locale"], lang);
        assert!(rendered[&format!("{lang}/ladder.csv")].starts_with("\u{feff}".as_bytes()), "--csv-bom");
        assert!(rendered[&format!("{lang}/ladder.xlsx")].starts_with(b"PK"), "a zip container");
    }
    let csv = String::from_utf8(rendered["es/ladder.csv"].clone()).unwrap();
    assert!(csv.starts_with("\u{feff}Dominio,Grupo,Habilidad,Rol,Nivel,Requisito,Descripción\n"), "{csv}");

    // Pages only: the exports stay, byte for byte.
    options.exports.clear();
    render::run(&options).unwrap();
    let again = outputs(out.path());
    for lang in ["en", "es", "ru"] {
        for format in ["json", "csv", "xlsx"] {
            let path = format!("{lang}/ladder.{format}");
            assert_eq!(again.get(&path), rendered.get(&path), "{path} kept");
        }
    }
}

/// The moves data is what `moves.js` builds every move from: parsed back, it must say what the
/// catalog says, for every role, level and skill, with each name as the locale looks it up.
#[test]
fn the_moves_data_agrees_with_the_catalog() {
    let synthetic = tempfile::tempdir().unwrap();
    synthetic_input(synthetic.path(), 60);
    for input in [synthetic.path().to_path_buf(), workspace().join("tests/cases/search"), workspace()] {
        let out = tempfile::tempdir().unwrap();
        render::run(&options(&input, out.path())).unwrap();
        let catalog = ladder_model::Catalog::load(&input.join("catalog")).unwrap();
        let locales = ladder_i18n::Locales::load(&input.join("locales")).unwrap().locales;
        for tag in locales.available() {
            let script = fs::read_to_string(out.path().join(format!("{tag}/moves-data.js"))).unwrap();
            let data = moves_data(&script);
            let localizer = locales.localizer(tag).unwrap();
            // Each name once, in catalog order, as the locale has it (marked when it fell back).
            let name = |message: &str| {
                let found = localizer.message(message, &mut Vec::new());
                let text = serde_json::Value::from(found.text.as_ref());
                if !found.fell_back {
                    return text;
                }
                let lang =
                    data["langs"].as_array().unwrap().iter().position(|lang| lang[0] == found.locale.to_string());
                serde_json::json!([text, lang.unwrap()])
            };
            let expected_levels: Vec<serde_json::Value> = catalog
                .levels()
                .iter()
                .map(|level| serde_json::json!([level.as_str(), name(&ladder_i18n::message_ids::level(level))]))
                .collect();
            assert_eq!(data["levels"].as_array().unwrap(), &expected_levels, "{tag}");
            let expected_roles: Vec<serde_json::Value> = catalog
                .roles()
                .iter()
                .map(|role| serde_json::json!([role.as_str(), name(&ladder_i18n::message_ids::role(role))]))
                .collect();
            assert_eq!(data["roles"].as_array().unwrap(), &expected_roles, "{tag}");
            let expected_skills: Vec<serde_json::Value> = catalog
                .skills()
                .iter()
                .map(|skill| {
                    serde_json::json!([skill.id().as_str(), name(&ladder_i18n::message_ids::skill(skill.id()))])
                })
                .collect();
            assert_eq!(data["skills"].as_array().unwrap(), &expected_skills, "{tag}");
            // Every role, level and skill: mandatory, optional or not needed, as the catalog says.
            for (r, role) in catalog.roles().iter().enumerate() {
                for (l, level) in catalog.levels().iter().enumerate() {
                    let lists = &data["needs"][r][l];
                    let [mandatory, optional] = [&lists[0], &lists[1]].map(moves_indices);
                    for (s, skill) in catalog.skills().iter().enumerate() {
                        let found = match (mandatory.contains(&s), optional.contains(&s)) {
                            (true, false) => Some(ladder_model::Necessity::Mandatory),
                            (false, true) => Some(ladder_model::Necessity::Optional),
                            (false, false) => None,
                            (true, true) => panic!("{tag} {role} {level}: {} twice", skill.id()),
                        };
                        assert_eq!(found, skill.requirement(role, level), "{tag} {role} {level} {}", skill.id());
                    }
                }
            }
            // A count's forms cover every category its rules give a whole number.
            for count in data["text"]["counts"].as_object().unwrap().values() {
                let forms = count["forms"].as_object().unwrap();
                assert!(forms.values().all(|form| moves_text(&data, form).contains("{count}")), "{tag}: {forms:?}");
                let categories: Vec<&str> = forms.keys().map(String::as_str).collect();
                let expected: &[&str] =
                    if tag.language.as_str() == "ru" { &["few", "many", "one"] } else { &["one", "other"] };
                assert_eq!(categories, expected, "{tag}");
            }
        }
    }
}
