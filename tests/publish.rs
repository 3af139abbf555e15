//! Publishing: `--out` is replaced in one step, unchanged files keep their inode and mtime,
//! removed pages are pruned, partial renders keep the rest, and an `--out` that is not Ladder's
//! is refused.

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]
#![allow(clippy::print_stderr, reason = "a skipped assertion says why")]

mod support;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use ladder_renderer::Format;
use support::{copy_tree, walk, workspace};
use xtask::flags::{LocaleSelection, RenderOptions};
use xtask::render::{self, Failure};

/// The default catalog and locales, plus `extra` copies of its skill (`extra-0`, `extra-1`...).
fn input(extra: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&workspace().join("catalog"), &dir.path().join("catalog"));
    copy_tree(&workspace().join("locales"), &dir.path().join("locales"));
    let yaml = fs::read_to_string(workspace().join("catalog/skills/serverless-functions.yaml")).unwrap();
    let ftl = fs::read_to_string(workspace().join("locales/en/skills.ftl")).unwrap();
    let section = &ftl[ftl.find("## Serverless Functions").unwrap()..];
    let mut messages = ftl.clone();
    for i in 0..extra {
        let id = format!("extra-{i}");
        fs::write(dir.path().join(format!("catalog/skills/{id}.yaml")), &yaml).unwrap();
        messages += &section.replace("serverless-functions", &id);
    }
    fs::write(dir.path().join("locales/en/skills.ftl"), messages).unwrap();
    dir
}

fn options(input: &Path, out: &Path) -> RenderOptions {
    RenderOptions::for_project(input, out)
}

/// What a file is, as far as a sync tool can tell: inode, mtime, bytes.
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    inode: u64,
    mtime_ns: i128,
    bytes: Vec<u8>,
}

/// Every file below `dir` (the manifest too), by relative path with `/` separators.
fn files(dir: &Path) -> BTreeMap<String, Seen> {
    walk(dir)
        .into_iter()
        .map(|(relative, path)| {
            let meta = fs::metadata(&path).unwrap();
            let mtime_ns = i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec());
            (relative, Seen { inode: meta.ino(), mtime_ns, bytes: fs::read(&path).unwrap() })
        })
        .collect()
}

/// The paths whose inode, mtime or bytes differ between two listings, or that only one has.
fn changed(before: &BTreeMap<String, Seen>, after: &BTreeMap<String, Seen>) -> Vec<String> {
    let mut paths: Vec<String> = before.keys().chain(after.keys()).cloned().collect();
    paths.sort();
    paths.dedup();
    paths.retain(|path| before.get(path) != after.get(path));
    paths
}

/// The work directory a render of `out` uses beside it; it must be gone after every render.
fn work_dir(out: &Path) -> PathBuf {
    out.with_file_name(format!(".{}.ladder", out.file_name().unwrap().to_str().unwrap()))
}

fn set_description(input: &Path, id: &str, text: &str) {
    let path = input.join("locales/en/skills.ftl");
    let ftl = fs::read_to_string(&path).unwrap();
    let key = format!("skill-{id}--cloud-engineer--junior = ");
    let start = ftl.find(&key).unwrap() + key.len();
    let end = start + ftl[start..].find('\n').unwrap();
    fs::write(&path, format!("{}{text}{}", &ftl[..start], &ftl[end..])).unwrap();
}

fn failure_text(failure: &Failure) -> String {
    failure.diagnostics().iter().map(|d| d.render(Path::new("/"))).collect::<Vec<_>>().join("\n")
}

#[test]
fn a_rerender_keeps_unchanged_files_and_a_changed_description_changes_only_its_pages() {
    let input = input(2);
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("site/dist");
    let first = render::run(&options(input.path(), &out)).unwrap();
    assert_eq!((first.kept, first.pruned), (0, 0));
    let before = files(&out);
    assert!(before.contains_key(".ladder-manifest"));
    assert!(!work_dir(&out).exists(), "the work directory outlives the render");

    let again = render::run(&options(input.path(), &out)).unwrap();
    assert_eq!((again.kept, again.pruned), (again.files, 0), "everything is unchanged");
    let after = files(&out);
    // The manifest and the lookup index are rewritten (they are new each time); every page
    // keeps its inode and mtime.
    assert_eq!(changed(&before, &after), [".ladder-lookups", ".ladder-manifest"]);

    set_description(input.path(), "extra-1", "Writes a first function, with help.");
    let report = render::run(&options(input.path(), &out)).unwrap();
    let last = files(&out);
    // The skill's pages and the role page quoting the description, in English, Spanish and
    // Russian (which fall back to English for it).
    let expected = [
        ".ladder-lookups",
        ".ladder-manifest",
        "en/roles/cloud-engineer.html",
        "en/roles/cloud-engineer.md",
        "en/search-index.js",
        "en/skills/extra-1.html",
        "en/skills/extra-1.md",
        "es/roles/cloud-engineer.html",
        "es/roles/cloud-engineer.md",
        "es/search-index.js",
        "es/skills/extra-1.html",
        "es/skills/extra-1.md",
        "ru/roles/cloud-engineer.html",
        "ru/roles/cloud-engineer.md",
        "ru/search-index.js",
        "ru/skills/extra-1.html",
        "ru/skills/extra-1.md",
    ];
    assert_eq!(changed(&after, &last), expected);
    assert_eq!(report.kept, report.files - 15);
    assert!(String::from_utf8_lossy(&last["en/skills/extra-1.md"].bytes).contains("Writes a first function"));
    assert!(!work_dir(&out).exists());
}

#[test]
fn a_removed_skill_is_pruned() {
    let input = input(3);
    let out = tempfile::tempdir().unwrap();
    render::run(&options(input.path(), out.path())).unwrap();
    assert!(out.path().join("es/skills/extra-2.html").is_file());

    fs::remove_file(input.path().join("catalog/skills/extra-2.yaml")).unwrap();
    let report = render::run(&options(input.path(), out.path())).unwrap();
    assert_eq!(report.pruned, 6, "3 locales x 2 formats");
    let left: Vec<String> = files(out.path()).into_keys().filter(|path| path.contains("extra-2")).collect();
    assert!(left.is_empty(), "pruning left {left:?}");
    let manifest = fs::read_to_string(out.path().join(".ladder-manifest")).unwrap();
    assert!(manifest.starts_with("ladder-output 2\n") && !manifest.contains("extra-2"), "{manifest}");
    assert!(manifest.contains(" en/skills/extra-1.md\n"), "{manifest}");
}

#[test]
fn a_partial_render_keeps_the_other_locales_and_formats_and_lists_every_locale() {
    let input = input(2);
    let out = tempfile::tempdir().unwrap();
    render::run(&options(input.path(), out.path())).unwrap();
    let full = files(out.path());

    let mut spanish = options(input.path(), out.path());
    spanish.locales = LocaleSelection::Only(vec!["es".parse().unwrap()]);
    let report = render::run(&spanish).unwrap();
    assert_eq!(report.locales, ["es"]);
    // Every file but the manifest and the lookup index.
    assert_eq!((report.kept, report.pruned), (full.len() - 2, 0));
    // The kept English pages, the chooser and the Spanish pages' language links are as a full
    // render makes them: en is still in the output, so every listing still has it.
    assert_eq!(changed(&full, &files(out.path())), [".ladder-lookups", ".ladder-manifest"]);
    let chooser = fs::read_to_string(out.path().join("index.html")).unwrap();
    assert!(chooser.contains(r#"<a href="en/index.html" hreflang="en">English</a>"#), "{chooser}");
    assert!(chooser.contains(r#"<a href="es/index.html" hreflang="es">Español</a>"#), "{chooser}");

    // A kept file deleted by hand since is simply not carried over.
    fs::remove_file(out.path().join("en/index.md")).unwrap();
    let report = render::run(&spanish).unwrap();
    assert_eq!(report.pruned, 1);
    assert!(!out.path().join("en/index.md").exists() && out.path().join("en/index.html").is_file());

    // Only HTML for Spanish, after a skill went away: the Markdown pages stay, but nothing of
    // the removed skill does, in any locale or format.
    fs::remove_file(input.path().join("catalog/skills/extra-0.yaml")).unwrap();
    let mut html = spanish;
    html.formats = vec![Format::Html];
    let report = render::run(&html).unwrap();
    assert_eq!(report.pruned, 6, "3 locales x 2 formats");
    let now = files(out.path());
    assert!(now.contains_key("es/skills/extra-1.md") && now.contains_key("en/skills/extra-1.md"));
    assert!(!now.keys().any(|path| path.contains("extra-0")), "{:?}", now.keys());

    // A locale that is no longer available is outside the full plan: pruned.
    fs::remove_dir_all(input.path().join("locales/es")).unwrap();
    let mut english = options(input.path(), out.path());
    english.locales = LocaleSelection::Only(vec!["en".parse().unwrap()]);
    render::run(&english).unwrap();
    assert!(!out.path().join("es").exists());
    let chooser = fs::read_to_string(out.path().join("index.html")).unwrap();
    assert!(!chooser.contains("es/index.html"), "{chooser}");
}

/// Pseudolocales are rendered when asked for by tag, and belong to the full plan only then: the
/// next render that does not ask for them prunes them, as it would a removed locale.
#[test]
fn pseudolocales_are_published_when_asked_for_and_pruned_by_a_render_without_them() {
    let input = input(0);
    let out = tempfile::tempdir().unwrap();
    let mut pseudo = options(input.path(), out.path());
    pseudo.locales = LocaleSelection::Only(vec!["en-XA".parse().unwrap(), "ar-XB".parse().unwrap()]);
    let report = render::run(&pseudo).unwrap();
    assert_eq!(report.locales, ["en-XA", "ar-XB"]);
    assert!(report.fallbacks.is_empty(), "a pseudolocale falls back to nothing: {:?}", report.fallbacks);
    let page = fs::read_to_string(out.path().join("ar-XB/skills/serverless-functions.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"ar-XB\" dir=\"rtl\">"), "{page}");
    let page = fs::read_to_string(out.path().join("en-XA/skills/serverless-functions.html")).unwrap();
    assert!(page.contains("<h1>Şeeeřṽeeeřŀeeeşş Ƒuuƞƈŧiiooƞş</h1>"), "{page}");
    assert!(!page.contains(r#"lang="en""#), "en-XA text is not an English fallback");

    // Rendering a real locale beside them keeps them; a plain render (every real locale) prunes them.
    let mut spanish = options(input.path(), out.path());
    spanish.locales = LocaleSelection::Only(vec!["es".parse().unwrap(), "en-XA".parse().unwrap()]);
    render::run(&spanish).unwrap();
    assert!(out.path().join("en-XA/index.md").is_file() && !out.path().join("ar-XB").exists());
    let chooser = fs::read_to_string(out.path().join("index.html")).unwrap();
    assert!(chooser.contains(r#"hreflang="en-XA">Eƞɠŀiişħ (en-XA)</a>"#), "{chooser}");
    render::run(&options(input.path(), out.path())).unwrap();
    assert!(!out.path().join("en-XA").exists());
    let chooser = fs::read_to_string(out.path().join("index.html")).unwrap();
    assert!(!chooser.contains("en-XA"), "{chooser}");

    // An output holding them without a manifest has Ladder's layout: adopted, then pruned.
    render::run(&pseudo).unwrap();
    fs::remove_file(out.path().join(".ladder-manifest")).unwrap();
    render::run(&options(input.path(), out.path())).unwrap();
    assert!(!out.path().join("en-XA").exists() && !out.path().join("ar-XB").exists());
}

#[test]
fn a_failed_render_leaves_the_output_and_no_work_directory() {
    let input = input(2);
    let out = tempfile::tempdir().unwrap();
    render::run(&options(input.path(), out.path())).unwrap();
    let before = files(out.path());

    // Role pages fail at render time, after skill pages were staged: nothing is published.
    let templates = tempfile::tempdir().unwrap();
    fs::write(templates.path().join("role.html"), "<h1>{{ titel.text }}</h1>\n").unwrap();
    set_description(input.path(), "extra-1", "Changed, but never published.");
    let mut broken = options(input.path(), out.path());
    broken.templates_dir = Some(templates.path().to_path_buf());
    let failure = render::run(&broken).unwrap_err();
    assert_eq!(failure.exit_code(), 1);
    assert_eq!(changed(&before, &files(out.path())), Vec::<String>::new());
    assert!(!work_dir(out.path()).exists(), "the staging tree outlives a failed render");
}

#[test]
fn an_unwritable_work_directory_leaves_the_output_intact() {
    let input = input(1);
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("dist");
    render::run(&options(input.path(), &out)).unwrap();
    let before = files(&out);
    set_description(input.path(), "extra-0", "Changed, but never published.");

    // Something that is not a directory where the work directory goes: even root cannot stage.
    fs::write(work_dir(&out), "not a directory").unwrap();
    let failure = render::run(&options(input.path(), &out)).unwrap_err();
    assert!(matches!(failure, Failure::Io(_)), "{failure:?}");
    assert_eq!(failure.exit_code(), 1);
    let text = failure_text(&failure);
    assert!(text.contains("cannot create") && text.contains("nothing was published"), "{text}");
    assert!(text.contains(&format!("{} was left as it was", out.display())), "{text}");
    assert_eq!(changed(&before, &files(&out)), Vec::<String>::new());
    fs::remove_file(work_dir(&out)).unwrap();

    // A parent directory nobody may write to.
    fs::set_permissions(root.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let probe = root.path().join("probe");
    let privileged = fs::write(&probe, "").is_ok();
    let result = render::run(&options(input.path(), &out));
    fs::set_permissions(root.path(), fs::Permissions::from_mode(0o755)).unwrap();
    if privileged {
        eprintln!("skipped: running as root, a read-only directory does not stop writes");
        fs::remove_file(&probe).unwrap();
        result.unwrap();
    } else {
        let failure = result.unwrap_err();
        assert_eq!(failure.exit_code(), 1, "{}", failure_text(&failure));
        assert_eq!(changed(&before, &files(&out)), Vec::<String>::new());
    }
}

#[test]
fn read_only_files_and_directories_in_the_previous_output_do_not_stop_publishing() {
    let input = input(1);
    let out = tempfile::tempdir().unwrap();
    render::run(&options(input.path(), out.path())).unwrap();
    let page = out.path().join("en/skills/extra-0.md");
    fs::set_permissions(&page, fs::Permissions::from_mode(0o444)).unwrap();
    fs::set_permissions(out.path().join("en/skills"), fs::Permissions::from_mode(0o555)).unwrap();

    // The old files are never written to: the new ones are staged, then swapped in.
    set_description(input.path(), "extra-0", "Published over a read-only page.");
    render::run(&options(input.path(), out.path())).unwrap();
    assert!(fs::read_to_string(&page).unwrap().contains("Published over a read-only page."));
    assert!(!work_dir(out.path()).exists(), "the old tree, read-only in part, was not removed");
}

#[test]
fn an_out_that_is_not_ladders_is_refused_with_the_reason() {
    let input = input(0);
    let root = tempfile::tempdir().unwrap();

    let file = root.path().join("dist.txt");
    fs::write(&file, "mine").unwrap();
    let failure = render::run(&options(input.path(), &file)).unwrap_err();
    assert_eq!(failure.exit_code(), 2);
    assert!(failure_text(&failure).contains("is not a directory"), "{}", failure_text(&failure));
    assert_eq!(fs::read_to_string(&file).unwrap(), "mine");

    let out = root.path().join("dist");
    fs::create_dir_all(out.join("notes")).unwrap();
    for name in ["todo.txt", "a.md", "b.md", "c.md", "d.md", "e.md"] {
        fs::write(out.join(name), "mine").unwrap();
    }
    let failure = render::run(&options(input.path(), &out)).unwrap_err();
    assert_eq!(failure.exit_code(), 2);
    insta::assert_snapshot!(failure_text(&failure).replace(&out.display().to_string(), "dist"), @"
    error: --out dist holds 7 file(s) Ladder did not write: `a.md`, `b.md`, `c.md`, `d.md`, `e.md` and 2 more
     |
     = help: publishing replaces the whole output directory: move them elsewhere or pass another --out
    ");
    assert!(!work_dir(&out).exists());

    // With a manifest, a file it does not list is foreign even where Ladder's pages go.
    let out = root.path().join("site");
    render::run(&options(input.path(), &out)).unwrap();
    fs::write(out.join("en/skills/handwritten.md"), "mine").unwrap();
    let failure = render::run(&options(input.path(), &out)).unwrap_err();
    assert!(failure_text(&failure).contains("`en/skills/handwritten.md`"), "{}", failure_text(&failure));
    assert_eq!(fs::read_to_string(out.join("en/skills/handwritten.md")).unwrap(), "mine");
}

#[test]
fn an_out_overlapping_an_input_is_refused() {
    let input = input(0);
    let catalog = input.path().join("catalog");
    for (out, relation) in [
        (catalog.clone(), "is the --catalog directory"),
        (catalog.join("dist"), "is inside the --catalog directory"),
        (input.path().to_path_buf(), "contains the --catalog directory"),
        (input.path().join("locales/../locales/en/out"), "is inside the --locales directory"),
    ] {
        let failure = render::run(&options(input.path(), &out)).unwrap_err();
        assert_eq!(failure.exit_code(), 2);
        let text = failure_text(&failure);
        assert!(text.contains(relation) && text.contains("pass an --out outside the inputs"), "{text}");
    }
    assert!(!catalog.join("dist").exists() && !work_dir(&catalog).exists());
}

#[test]
fn an_output_without_a_manifest_is_adopted_when_it_has_ladders_layout() {
    let input = input(1);
    let out = tempfile::tempdir().unwrap();
    render::run(&options(input.path(), out.path())).unwrap();
    // As a render before the manifest existed left it.
    fs::remove_file(out.path().join(".ladder-manifest")).unwrap();
    let before = files(out.path());

    let report = render::run(&options(input.path(), out.path())).unwrap();
    assert_eq!((report.kept, report.pruned), (report.files, 0), "adopted files are compared byte for byte");
    // The lookup index left beside no manifest is not read, and written anew.
    assert_eq!(changed(&before, &files(out.path())), [".ladder-lookups", ".ladder-manifest"]);

    // A manifest Ladder cannot read is not guessed around.
    fs::write(out.path().join(".ladder-manifest"), "ladder-output 9\n").unwrap();
    let failure = render::run(&options(input.path(), out.path())).unwrap_err();
    assert_eq!(failure.exit_code(), 2);
    assert!(failure_text(&failure).contains("ladder-output 9"), "{}", failure_text(&failure));
}

#[test]
fn a_symbolic_link_out_publishes_into_its_target() {
    let input = input(0);
    let root = tempfile::tempdir().unwrap();
    let target = root.path().join("real");
    fs::create_dir(&target).unwrap();
    let link = root.path().join("dist");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    render::run(&options(input.path(), &link)).unwrap();
    render::run(&options(input.path(), &link)).unwrap();
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link was replaced");
    assert!(target.join("es/skills/serverless-functions.html").is_file());
    assert!(!work_dir(&target).exists() && !work_dir(&link).exists());
}

#[test]
fn a_second_render_into_the_same_out_is_refused_while_the_first_holds_the_lock() {
    let input = input(0);
    let out = tempfile::tempdir().unwrap();
    let work = work_dir(out.path());
    fs::create_dir(&work).unwrap();
    let lock = fs::File::create(work.join("lock")).unwrap();
    lock.try_lock().unwrap();

    let failure = render::run(&options(input.path(), out.path())).unwrap_err();
    assert_eq!(failure.exit_code(), 2);
    let text = failure_text(&failure);
    assert!(text.contains("another render is publishing into"), "{text}");
    assert!(work.join("lock").is_file(), "the loser removed the winner's lock");
    assert!(fs::read_dir(out.path()).unwrap().next().is_none(), "wrote while another render held the lock");

    drop(lock);
    render::run(&options(input.path(), out.path())).unwrap();
    assert!(!work.exists());
}
