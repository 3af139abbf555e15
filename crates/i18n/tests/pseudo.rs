//! Pseudolocales: made from English with no files, their own language, placeables untouched.

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

use std::path::Path;

use ladder_i18n::{CharacterDirection, LanguageIdentifier, Locales, Pseudolocale, interface, message_ids};
use ladder_model::{Catalog, Date};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn default_locales() -> Locales {
    Locales::load(&root().join("locales")).unwrap().locales
}

fn locale(tag: &str) -> LanguageIdentifier {
    tag.parse().unwrap()
}

#[test]
fn pseudolocales_are_listed_apart_from_the_real_locales() {
    let locales = default_locales();
    let pseudo: Vec<String> = locales.pseudolocales().map(ToString::to_string).collect();
    assert_eq!(pseudo, ["ar-XB", "en-XA"]);
    assert!(locales.available().all(|tag| !locales.is_pseudolocale(tag)));
    assert!(locales.is_pseudolocale(&locale("en-xa")), "tags match in any case");
    assert_eq!(Pseudolocale::of(&locale("ar-XB")), Some(Pseudolocale::Mirrored));
}

#[test]
fn en_xa_is_accented_longer_and_not_a_fallback() {
    let locales = default_locales();
    let xa = locales.localizer(&locale("en-XA")).unwrap();
    let en = locales.localizer(&locale("en")).unwrap();
    assert_eq!(xa.locale().to_string(), "en-XA");
    assert_eq!(xa.pseudolocale(), Some(Pseudolocale::Accented));
    assert_eq!(xa.direction(), CharacterDirection::LTR);
    assert_eq!(xa.fallback_count().fell_back, 0);
    let mut problems = Vec::new();

    let name = xa.interface(interface::LANGUAGE_NAME, &[], &mut problems);
    assert_eq!(name.text, "Eƞɠŀiişħ (en-XA)");
    let mandatory = xa.interface(interface::TABLE_MANDATORY, &[], &mut problems);
    assert_eq!((mandatory.text.as_ref(), mandatory.locale.to_string()), ("Ḿaaƞḓaaŧoořẏẏ", "en-XA".to_owned()));
    assert!(!mandatory.fell_back, "the page is in en-XA: its text is no fallback");

    // Placeables are not text: numbers and variables come through as given.
    let count = xa.interface(interface::INDEX_SKILL_COUNT, &[("count", 21.into())], &mut problems);
    assert_eq!(count.text, "21 şķiiŀŀş");
    let caption = [("skill", "Serverless <b> & |".into()), ("level", "Junior".into())];
    let caption = xa.interface(interface::TABLE_CAPTION, &caption, &mut problems);
    assert_eq!(caption.text, "Serverless <b> & |: Junior");
    assert_eq!(xa.date(Date::new(2026, 3, 17).unwrap(), &mut problems).text, "Ḿaařƈħ 17, 2026");
    assert!(problems.is_empty(), "{problems:?}");

    // About 40% longer than English, over every catalog message.
    let catalog = Catalog::load(&root().join("catalog")).unwrap();
    let (mut english, mut accented) = (0, 0);
    for message in message_ids::catalog_messages(&catalog) {
        let format = |localizer: &ladder_i18n::Localizer, problems: &mut Vec<_>| match message.attribute {
            Some(attribute) => localizer.attribute(&message.id, attribute, problems).text.chars().count(),
            None => localizer.message(&message.id, problems).text.chars().count(),
        };
        english += format(&en, &mut problems);
        accented += format(&xa, &mut problems);
    }
    let ratio = accented as f64 / english as f64;
    assert!((1.35..1.5).contains(&ratio), "en-XA is {ratio:.2} times as long as English");
}

#[test]
fn ar_xb_is_flipped_and_right_to_left() {
    let locales = default_locales();
    let xb = locales.localizer(&locale("ar-XB")).unwrap();
    assert_eq!(xb.direction(), CharacterDirection::RTL);
    assert_eq!(xb.chain().iter().map(ToString::to_string).collect::<Vec<_>>(), ["ar-XB"]);
    let mut problems = Vec::new();
    assert_eq!(xb.interface(interface::LANGUAGE_NAME, &[], &mut problems).text, "Ǝuƃʅısɥ (ar-XB)");
    let role = xb.message("role-cloud-engineer", &mut problems);
    assert_eq!((role.text.as_ref(), role.fell_back), ("Ↄʅonp Ǝuƃıuǝǝɹ", false));
    // English plural rules, whatever the tag's language: 2 is `other`, not Arabic `two`.
    let count = xb.interface(interface::INDEX_SKILL_COUNT, &[("count", 2.into())], &mut problems);
    assert_eq!(count.text, "2 sʞıʅʅs");
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn a_directory_named_like_a_pseudolocale_is_a_real_locale() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, text) in [("en", "language-name = English\n"), ("en-XA", "language-name = Long English\n")] {
        std::fs::create_dir_all(dir.path().join(lang)).unwrap();
        std::fs::write(dir.path().join(lang).join("ui.ftl"), text).unwrap();
    }
    let locales = Locales::load(dir.path()).unwrap().locales;
    assert_eq!(locales.pseudolocales().map(ToString::to_string).collect::<Vec<_>>(), ["ar-XB"]);
    let xa = locales.localizer(&locale("en-XA")).unwrap();
    assert_eq!(xa.pseudolocale(), None);
    assert_eq!(xa.interface(interface::LANGUAGE_NAME, &[], &mut Vec::new()).text, "Long English");
}
