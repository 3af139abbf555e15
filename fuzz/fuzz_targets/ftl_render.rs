//! Fuzz target: any bytes as the Spanish interface strings (`locales/es/ui.ftl`) of the default
//! project, loaded and rendered into every page kind in both formats: never a panic, a hang or a
//! stack overflow, whatever the translator typed. The checks a render runs first are run too.

#![no_main]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use ladder_i18n::Locales;
use ladder_model::Catalog;
use ladder_renderer::{Format, Job, Page, Renderer, Site};
use libfuzzer_sys::fuzz_target;

struct Fixture {
    catalog: Catalog,
    locales_dir: PathBuf,
    renderer: Renderer,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let base = if Path::new("/dev/shm").is_dir() { PathBuf::from("/dev/shm") } else { std::env::temp_dir() };
        let locales_dir = base.join(format!("ladder-fuzz-locales-{}", std::process::id()));
        for lang in ["en", "es"] {
            fs::create_dir_all(locales_dir.join(lang)).expect("scratch directory");
            for entry in fs::read_dir(root.join("locales").join(lang)).expect("default locales") {
                let entry = entry.expect("default locales");
                fs::copy(entry.path(), locales_dir.join(lang).join(entry.file_name())).expect("copy");
            }
        }
        Fixture {
            catalog: Catalog::load(&root.join("catalog")).expect("the default catalog loads"),
            locales_dir,
            renderer: Renderer::new(None).expect("embedded templates"),
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let fixture = fixture();
    let _ = fs::write(fixture.locales_dir.join("es/ui.ftl"), data);
    let Ok(loaded) = Locales::load(&fixture.locales_dir) else { return };
    // The checks a render runs before any page; the pages are then rendered whatever they found,
    // so the resolver meets text the checks would have stopped.
    let _ = loaded.locales.validate(Some(&fixture.catalog));
    let _ = loaded.locales.missing_interface_messages();
    let _ = loaded.locales.missing_catalog_messages(&fixture.catalog);
    let Ok(es) = loaded.locales.localizer(&"es".parse().expect("a tag")) else { return };
    let localizers = [es];
    let (site, _) = Site::new(&fixture.catalog, &localizers);
    let skill = fixture.catalog.skills()[0].id().clone();
    let role = fixture.catalog.roles()[0].clone();
    for format in [Format::Markdown, Format::Html] {
        for page in [Page::Index, Page::Skill(skill.clone()), Page::Role(role.clone())] {
            let _ = fixture.renderer.render(&site, &Job::Page { locale: 0, page, format });
        }
    }
    let _ = fixture.renderer.render(&site, &Job::LanguageChooser);
});
