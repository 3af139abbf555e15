//! Micro-benchmarks of a render's hot paths, on a generated catalog (200 skills, 20 roles, 10
//! locales): a message lookup that falls back to English, one skill page and one role page in
//! each format, fingerprinted and rendered, and one locale's search index. `cargo bench -p
//! ladder-tests` runs them (divan); `cargo test` does not.

#![allow(clippy::unwrap_used, reason = "a benchmark's set-up failing is a failed benchmark")]

use std::sync::LazyLock;

use divan::Bencher;
use ladder_i18n::{Locales, Localizer};
use ladder_model::{Catalog, Id};
use ladder_renderer::{Format, Job, Page, Renderer, Site, search};
use xtask::gen_catalog::{self, GenOptions};

fn main() {
    divan::main();
}

struct Fixture {
    // Kept alive for the catalog and locales below, which were read from it.
    _dir: tempfile::TempDir,
    catalog: Catalog,
    locales: Locales,
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let options = GenOptions { skills: 200, roles: 20, locales: 10, out: dir.path().to_path_buf(), seed: 1 };
    gen_catalog::run(&options).unwrap();
    let catalog = Catalog::load(&dir.path().join("catalog")).unwrap();
    let locales = Locales::load(&dir.path().join("locales")).unwrap().locales;
    Fixture { _dir: dir, catalog, locales }
});

fn localizers() -> Vec<Localizer> {
    FIXTURE.locales.available().map(|tag| FIXTURE.locales.localizer(tag).unwrap()).collect()
}

/// `ru` translates about 60 % of the catalog: this description falls back to English or not.
#[divan::bench]
fn lookup_with_fallback(bencher: Bencher<'_, '_>) {
    let ru = FIXTURE.locales.localizer(&"ru".parse().unwrap()).unwrap();
    let skill = FIXTURE.catalog.skills()[7].id().clone();
    let id = format!("skill-{skill}--{}--junior", FIXTURE.catalog.skills()[7].requirements()[0].role);
    bencher.bench_local(|| {
        let mut problems = Vec::new();
        divan::black_box(ru.message(divan::black_box(&id), &mut problems).text.len())
    });
}

fn page_job(site: &Site<'_>, page: Page, format: Format) -> Job {
    let locale = site.localizers().iter().position(|l| *l.locale() == "ru").unwrap();
    Job::Page { locale, page, format }
}

fn skill_page() -> Page {
    Page::Skill(FIXTURE.catalog.skills()[7].id().clone())
}

fn role_page() -> Page {
    Page::Role(Id::new(FIXTURE.catalog.roles()[3].as_str()).unwrap())
}

#[divan::bench(args = [Format::Markdown, Format::Html])]
fn skill_page_render(bencher: Bencher<'_, '_>, format: Format) {
    let localizers = localizers();
    let (site, _) = Site::new(&FIXTURE.catalog, &localizers);
    let renderer = Renderer::new(None).unwrap();
    let job = page_job(&site, skill_page(), format);
    bencher.bench_local(|| renderer.render(&site, &job).unwrap().bytes.len());
}

#[divan::bench(args = [Format::Markdown, Format::Html])]
fn role_page_render(bencher: Bencher<'_, '_>, format: Format) {
    let localizers = localizers();
    let (site, _) = Site::new(&FIXTURE.catalog, &localizers);
    let renderer = Renderer::new(None).unwrap();
    let job = page_job(&site, role_page(), format);
    bencher.bench_local(|| renderer.render(&site, &job).unwrap().bytes.len());
}

/// What a no-op re-render spends per page instead of rendering it.
#[divan::bench(args = [Format::Markdown, Format::Html])]
fn skill_page_fingerprint(bencher: Bencher<'_, '_>, format: Format) {
    let localizers = localizers();
    let (site, _) = Site::new(&FIXTURE.catalog, &localizers);
    let renderer = Renderer::new(None).unwrap();
    let job = page_job(&site, skill_page(), format);
    bencher.bench_local(|| renderer.fingerprint(&site, &job));
}

#[divan::bench(args = [Format::Markdown, Format::Html])]
fn role_page_fingerprint(bencher: Bencher<'_, '_>, format: Format) {
    let localizers = localizers();
    let (site, _) = Site::new(&FIXTURE.catalog, &localizers);
    let renderer = Renderer::new(None).unwrap();
    let job = page_job(&site, role_page(), format);
    bencher.bench_local(|| renderer.fingerprint(&site, &job));
}

/// `ru/search-index.js`: every skill's and role's text looked up, then indexed and written.
#[divan::bench]
fn search_index_render(bencher: Bencher<'_, '_>) {
    let localizers = localizers();
    let (site, _) = Site::new(&FIXTURE.catalog, &localizers);
    let renderer = Renderer::new(None).unwrap();
    let locale = site.localizers().iter().position(|l| *l.locale() == "ru").unwrap();
    let job = Job::SearchIndex { locale };
    bencher.bench_local(|| renderer.render(&site, &job).unwrap().bytes.len());
}

/// The index alone: what `search_index_render` spends after the lookups.
#[divan::bench]
fn search_index_build(bencher: Bencher<'_, '_>) {
    let localizers = localizers();
    let (site, _) = Site::new(&FIXTURE.catalog, &localizers);
    let locale = site.localizers().iter().position(|l| *l.locale() == "ru").unwrap();
    let entries = search::documents(&site, locale, &mut Vec::new());
    bencher.bench_local(|| search::index_json(&entries).unwrap().len());
}
