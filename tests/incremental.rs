//! Incremental renders: a page whose fingerprint (everything it is made from) matches the previous
//! output's is carried over without rendering it. That must never keep a page whose bytes would
//! change: after each kind of edit, a re-render over the previous output is compared with a
//! render from scratch, byte for byte, and what was left alone is checked to be what the edit
//! did not touch.

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

mod support;

use std::fs;
use std::path::Path;

use ladder_renderer::{Format, Job, Renderer, Site};
use support::{copy_tree, outputs, workspace};
use xtask::flags::RenderOptions;
use xtask::render::{self, Report};

/// The default catalog and locales with a second skill (`extra`, a copy of the first), and the
/// embedded templates as an overrides directory, so that a test can edit any of them.
fn input() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&workspace().join("catalog"), &dir.path().join("catalog"));
    copy_tree(&workspace().join("locales"), &dir.path().join("locales"));
    let yaml = fs::read_to_string(workspace().join("catalog/skills/serverless-functions.yaml")).unwrap();
    fs::write(dir.path().join("catalog/skills/extra.yaml"), yaml).unwrap();
    let ftl = fs::read_to_string(workspace().join("locales/en/skills.ftl")).unwrap();
    let section = ftl[ftl.find("## Serverless Functions").unwrap()..].replace("serverless-functions", "extra");
    fs::write(dir.path().join("locales/en/skills.ftl"), ftl + &section).unwrap();
    let templates = dir.path().join("templates");
    fs::create_dir(&templates).unwrap();
    for (name, text) in ladder_renderer::EMBEDDED_TEMPLATES {
        fs::write(templates.join(name), text).unwrap();
    }
    dir
}

fn options(input: &Path, out: &Path) -> RenderOptions {
    RenderOptions { templates_dir: Some(input.join("templates")), ..RenderOptions::for_project(input, out) }
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no `{from}`", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Edits one English description, of the copied skill for the cloud engineer at junior level:
/// no locale translates it.
fn revise_description(input: &Path) {
    edit(
        &input.join("locales/en/skills.ftl"),
        "skill-extra--cloud-engineer--junior = ",
        "skill-extra--cloud-engineer--junior = New. ",
    );
}

/// Renders `input` from scratch beside `out` and checks that `out` holds the same files.
fn assert_same_as_from_scratch(input: &Path, out: &Path, what: &str) {
    let fresh = out.with_file_name("fresh");
    render::run(&options(input, &fresh)).unwrap();
    assert!(outputs(out) == outputs(&fresh), "{what}");
}

/// Renders, applies `change`, renders again over the first output and from scratch: the two
/// must be identical. Returns the incremental render's report and the files whose bytes changed.
fn after(change: impl FnOnce(&Path)) -> (Report, Vec<String>) {
    after_setup(|_| {}, change)
}

/// [`after`], with `setup` applied to the input before the first render.
fn after_setup(setup: impl FnOnce(&Path), change: impl FnOnce(&Path)) -> (Report, Vec<String>) {
    let input = input();
    setup(input.path());
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    let first = render::run(&options(input.path(), &out)).unwrap();
    let again = render::run(&options(input.path(), &out)).unwrap();
    // Every page has a fingerprint; the files shared by the HTML pages are always rendered.
    assert_eq!(again.reused, first.files - ALWAYS_RENDERED, "a re-render without a change renders no page");
    // Nor does it look at any page: the lookup index says nothing they show changed. (The
    // translation status pages, made of whole locales, the search indexes and the moves data
    // are fingerprinted instead.)
    assert_eq!(again.reused_by_index, first.files - ALWAYS_RENDERED - NOT_INDEXED, "a page was looked at");
    let before = outputs(&out);

    change(input.path());
    let report = render::run(&options(input.path(), &out)).unwrap();
    assert_same_as_from_scratch(input.path(), &out, "an incremental render differs from a render from scratch");
    let incremental = outputs(&out);
    let mut changed: Vec<String> = before.keys().chain(incremental.keys()).cloned().collect();
    changed.sort();
    changed.dedup();
    changed.retain(|path| before.get(path) != incremental.get(path));
    (report, changed)
}

/// The files rendered every time: the language chooser, the stylesheet, the script, the
/// favicon, `404.html`, `robots.txt` (no sitemap without a base URL), the search script and
/// engine, the moves script. (The search indexes and the moves data are fingerprinted like pages.)
const ALWAYS_RENDERED: usize = 9;

/// The files the lookup index does not cover, beside those: the translation status pages of
/// `es` and `ru` in both formats (the source has none), and each of the three locales' search
/// index and moves data.
const NOT_INDEXED: usize = 2 * 2 + 3 * 2;

fn rendered(report: &Report) -> usize {
    report.files - report.reused
}

/// Files looked at again (fingerprinted, and rendered if that changed), rather than carried
/// over on the lookup index alone.
fn looked_at(report: &Report) -> usize {
    report.files - report.reused_by_index
}

#[test]
fn a_changed_skill_description_renders_its_pages_only() {
    let (report, changed) = after(|input| {
        let path = input.join("locales/en/skills.ftl");
        edit(&path, "skill-extra--cloud-engineer--junior = ", "skill-extra--cloud-engineer--junior = Revised. ");
    });
    // Its skill page and the role page quoting it, in each locale falling back to English for
    // it, in both formats; plus the chooser and the stylesheet (always rendered) and the status
    // pages (they count every message).
    assert!(changed.contains(&"es/skills/extra.html".to_owned()), "{changed:?}");
    // The search indexes too: they hold the descriptions. Not the moves data: it holds names.
    let expected = |path: &String| ["extra", "cloud-engineer", "search-index"].iter().any(|part| path.contains(part));
    assert!(changed.iter().all(expected), "{changed:?}");
    assert!(rendered(&report) <= changed.len() + ALWAYS_RENDERED + 4, "{} rendered for {changed:?}", rendered(&report));
}

#[test]
fn a_changed_description_is_found_without_looking_at_the_other_pages() {
    let (report, changed) = after(|input| {
        revise_description(input);
    });
    // The skill page and the role page showing it, in the three locales (none translates the
    // copied skill), in both formats: every other page is carried over on the lookup index.
    let pages_showing_it = 2 * 3 * 2;
    assert_eq!(looked_at(&report), pages_showing_it + NOT_INDEXED + ALWAYS_RENDERED, "{changed:?}");
}

#[test]
fn a_changed_lock_looks_at_its_locales_pages_again() {
    // Marking a translation stale changes every page of the locale that shows it.
    let (report, changed) = after(|input| {
        edit(
            &input.join("locales/es/l10n.lock"),
            "level-junior\t230d0d862e997580\tJunior",
            "level-junior\t0000000000000000\tJunior (old)",
        );
    });
    assert!(changed.iter().any(|path| path.starts_with("es/skills/")), "{changed:?}");
    assert!(changed.iter().all(|path| path.starts_with("es/")), "{changed:?}");
    assert!(report.reused_by_index > 0 && looked_at(&report) < report.files);
}

#[test]
fn a_changed_term_renders_the_pages_of_messages_referring_to_it() {
    let (_, changed) = after_setup(
        |input| {
            edit(
                &input.join("locales/en/catalog.ftl"),
                "level-senior = Senior",
                "-senior = Senior\nlevel-senior = { -senior }",
            );
        },
        |input| edit(&input.join("locales/en/catalog.ftl"), "-senior = Senior", "-senior = Experienced"),
    );
    assert!(changed.contains(&"en/skills/extra.md".to_owned()), "{changed:?}");
    assert!(changed.contains(&"en/roles/cloud-engineer.html".to_owned()), "{changed:?}");
    // `es` and `ru` translate the level's name.
    assert!(changed.iter().all(|path| path.starts_with("en/")), "{changed:?}");
}

#[test]
fn a_render_of_one_format_leaves_the_others_files_to_be_looked_at_again() {
    let input = input();
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    render::run(&options(input.path(), &out)).unwrap();
    revise_description(input.path());
    // HTML only: the Markdown pages showing the edit are kept as they were, out of date.
    let html = RenderOptions { formats: vec![Format::Html], ..options(input.path(), &out) };
    let report = render::run(&html).unwrap();
    assert!(report.reused_by_index > 0, "the index was not used");
    let both = render::run(&options(input.path(), &out)).unwrap();
    assert_same_as_from_scratch(input.path(), &out, "an out-of-date Markdown page was carried over");
    // Only those: the rest of both formats was current, as the HTML render's index says.
    assert!(looked_at(&both) < NOT_INDEXED + ALWAYS_RENDERED + 20, "{} looked at", looked_at(&both));
}

#[test]
fn a_damaged_lookup_index_is_not_trusted() {
    let input = input();
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    render::run(&options(input.path(), &out)).unwrap();
    let index = out.join(".ladder-lookups");
    let mut bytes = fs::read(&index).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    fs::write(&index, bytes).unwrap();
    revise_description(input.path());
    let report = render::run(&options(input.path(), &out)).unwrap();
    assert_eq!(report.reused_by_index, 0, "a damaged index was read");
    assert_same_as_from_scratch(input.path(), &out, "an incremental render differs from a render from scratch");
    // The render wrote a sound index again.
    let report = render::run(&options(input.path(), &out)).unwrap();
    assert!(report.reused_by_index > 0);
}

#[test]
fn a_changed_template_renders_the_pages_using_it() {
    let (report, changed) = after(|input| {
        edit(&input.join("templates/skill.html"), "<article class=\"skill\">", "<article class=\"skill changed\">");
    });
    assert!(!changed.is_empty() && changed.iter().all(|path| path.contains("/skills/") && path.ends_with(".html")));
    // The fingerprint covers every template: every page is rendered again; only the three
    // locales' search indexes and moves data, which no template makes, are carried over.
    assert_eq!(report.reused, 6);
}

#[test]
fn a_changed_interface_string_renders_its_locales_pages() {
    let (report, changed) = after(|input| {
        edit(&input.join("locales/es/ui.ftl"), "ui-table-mandatory = Obligatorio", "ui-table-mandatory = Requerido");
    });
    assert!(changed.iter().any(|path| path.starts_with("es/skills/")), "{changed:?}");
    assert!(changed.iter().all(|path| path.starts_with("es/")), "{changed:?}");
    assert!(report.reused > 0 && rendered(&report) < report.files);
}

#[test]
fn a_changed_level_name_renders_the_pages_showing_it() {
    let (_, changed) = after(|input| {
        edit(&input.join("locales/en/catalog.ftl"), "level-senior = Senior", "level-senior = Experienced");
    });
    assert!(changed.contains(&"en/skills/extra.md".to_owned()), "{changed:?}");
    assert!(changed.contains(&"en/roles/cloud-engineer.html".to_owned()), "{changed:?}");
    // The moves data holds the names, and the moves page shows them in its lists.
    assert!(changed.contains(&"en/moves-data.js".to_owned()) && changed.contains(&"en/moves.html".to_owned()));
}

#[test]
fn a_new_locale_renders_every_page_with_its_language_links() {
    let (_, changed) = after(|input| copy_tree(&input.join("locales/es"), &input.join("locales/es-MX")));
    assert!(changed.contains(&"es-MX/index.html".to_owned()) && changed.contains(&"en/skills/extra.html".to_owned()));
}

#[test]
fn a_removed_role_prunes_its_pages_and_renders_the_pages_listing_it() {
    let (report, changed) = after(|input| {
        edit(&input.join("catalog/roles.yaml"), "  - platform-engineer\n", "");
        for skill in ["serverless-functions", "extra"] {
            let block = "  platform-engineer:\n    junior: mandatory\n    middle: mandatory\n    senior: mandatory\n    lead: mandatory\n    principal: mandatory\n";
            edit(&input.join(format!("catalog/skills/{skill}.yaml")), block, "");
        }
    });
    assert!(report.pruned > 0 && changed.contains(&"en/roles/platform-engineer.html".to_owned()));
    assert!(changed.contains(&"ru/skills/extra.md".to_owned()) && changed.contains(&"ru/index.md".to_owned()));
}

/// A fingerprint computed without rendering is the one the render computes: otherwise a page
/// would never be carried over, or worse, carried over when it changed.
#[test]
fn a_fingerprint_without_rendering_is_the_renders() {
    let catalog = ladder_model::Catalog::load(&workspace().join("catalog")).unwrap();
    let locales = ladder_i18n::Locales::load(&workspace().join("locales")).unwrap().locales;
    let mut tags: Vec<_> = locales.available().cloned().collect();
    tags.extend(locales.pseudolocales().cloned());
    let localizers: Vec<_> = tags.iter().map(|tag| locales.localizer(tag).unwrap()).collect();
    let (site, _) = Site::new(&catalog, &localizers);
    let renderer = Renderer::new(None).unwrap();
    let jobs = render::plan(&site, &[Format::Markdown, Format::Html]);
    let mut fingerprints = Vec::new();
    for job in &jobs {
        let file = renderer.render(&site, job).unwrap();
        assert_eq!(file.fingerprint, renderer.fingerprint(&site, job), "{job:?}");
        assert_eq!(
            file.fingerprint.is_none(),
            !matches!(job, Job::Page { .. } | Job::SearchIndex { .. } | Job::MovesData { .. }),
            "{job:?}"
        );
        fingerprints.extend(file.fingerprint);
    }
    fingerprints.sort_unstable_by_key(|hash| *hash.as_bytes());
    fingerprints.dedup();
    let pages = jobs
        .iter()
        .filter(|job| matches!(job, Job::Page { .. } | Job::SearchIndex { .. } | Job::MovesData { .. }))
        .count();
    assert_eq!(fingerprints.len(), pages, "two pages share a fingerprint");

    // A render builds a page's view once for both formats: the files and fingerprints are
    // those of each format rendered alone.
    let both = [Format::Markdown, Format::Html];
    for job in &jobs {
        let Job::Page { locale, page, format: Format::Markdown } = job else { continue };
        let (files, rendered_lookups) = renderer.render_page(&site, *locale, page, &both).unwrap();
        let (fingerprints, walked_lookups) = renderer.page_fingerprints(&site, *locale, page, &both);
        // What the lookup index keeps of a page is the same whether it was rendered or walked.
        assert_eq!(rendered_lookups, walked_lookups, "{page:?}");
        assert_eq!(rendered_lookups.is_some(), *page != ladder_renderer::Page::TranslationStatus, "{page:?}");
        for ((file, fingerprint), format) in files.iter().zip(fingerprints).zip(both) {
            let alone = renderer.render(&site, &Job::Page { locale: *locale, page: page.clone(), format }).unwrap();
            assert_eq!((&file.path, &file.bytes), (&alone.path, &alone.bytes), "{page:?} {format:?}");
            assert_eq!((file.fingerprint, fingerprint), (alone.fingerprint, alone.fingerprint), "{page:?} {format:?}");
        }
    }
}
