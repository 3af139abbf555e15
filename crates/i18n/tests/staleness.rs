//! Stale translations: lock files, the warnings and marks they give, `accept`, and the status.

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

use std::fs;
use std::path::Path;

use ladder_i18n::{LanguageIdentifier, Locales, Lock, MessageKind, ProblemKind};

const EN: &str = "language-name = English\nui-site-title = Career paths\nlevel-junior = Junior\nskill-queues = Queues\n    .summary = Kafka and SQS\nskill-queues--dev--junior =\n    Uses a queue.\n";
const ES: &str = "language-name = Español\nui-site-title = Rutas profesionales\nlevel-junior = Júnior\nskill-queues = Colas\n    .summary = Kafka y SQS\nlevel-gone = Ido\n";

fn locale(tag: &str) -> LanguageIdentifier {
    tag.parse().unwrap()
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn load(dir: &Path) -> Locales {
    let loaded = Locales::load(dir).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.locales
}

/// Accepts everything `es` translates and writes the lock, as `cargo xtask l10n-accept es` does.
fn accept_all(dir: &Path) {
    let accepted = load(dir).accept(&locale("es"), &[]).unwrap();
    fs::write(&accepted.path, accepted.lock.to_text()).unwrap();
}

#[test]
fn an_english_change_makes_its_translation_stale_until_accepted() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "en/main.ftl", EN);
    write(dir.path(), "es/main.ftl", ES);
    accept_all(dir.path());
    let lock = Lock::parse(&fs::read_to_string(dir.path().join("es/l10n.lock")).unwrap()).unwrap();
    let keys: Vec<&str> = lock.entries().map(|(key, _)| key).collect();
    // Sorted; the obsolete `level-gone` has no English to record.
    assert_eq!(keys, ["language-name", "level-junior", "skill-queues", "skill-queues.summary", "ui-site-title"]);
    assert!(load(dir.path()).stale_translations().is_empty());

    // A reflow is not a change; a new word is.
    write(
        dir.path(),
        "en/main.ftl",
        &EN.replace("Kafka and SQS", "Kafka\n        and   SQS").replace("Junior", "Entry"),
    );
    let locales = load(dir.path());
    let problems = locales.stale_translations();
    assert_eq!(problems.len(), 1, "{problems:?}");
    let ProblemKind::Stale { id, old, new, lang } = &problems[0].kind else { panic!("{problems:?}") };
    assert_eq!((id.as_str(), old.as_str(), new.as_str(), lang.as_str()), ("level-junior", "Junior", "Entry", "es"));
    assert_eq!(problems[0].position.unwrap().line, 3);
    assert!(problems[0].to_string().contains(r#"it was "Junior", it is now "Entry""#), "{}", problems[0]);
    assert!(problems[0].kind.help().unwrap().contains("`cargo xtask l10n-accept es level-junior`"));

    let es = locales.localizer(&locale("es-MX")).unwrap();
    let mut problems = Vec::new();
    assert!(es.message("level-junior", &mut problems).stale);
    assert!(!es.message("ui-site-title", &mut problems).stale);
    assert!(!es.attribute("skill-queues", "summary", &mut problems).stale);
    let english = locales.localizer(&locale("en")).unwrap();
    assert!(!english.message("level-junior", &mut problems).stale);

    let status = es.status(None, 10);
    assert_eq!(
        (status.totals.stale, status.stale[0].old.as_str(), status.stale[0].new.as_str()),
        (1, "Junior", "Entry")
    );

    // Accepting one id clears it and keeps the other entries.
    let accepted = locales.accept(&locale("es"), &["level-junior".to_owned()]).unwrap();
    assert_eq!((accepted.recorded.clone(), accepted.were_stale), (vec!["level-junior".to_owned()], 1));
    fs::write(&accepted.path, accepted.lock.to_text()).unwrap();
    let locales = load(dir.path());
    assert!(locales.stale_translations().is_empty());
    assert_eq!(Lock::parse(&fs::read_to_string(&accepted.path).unwrap()).unwrap().len(), 5);
}

#[test]
fn accept_refuses_the_source_unknown_locales_and_untranslated_ids() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "en/main.ftl", EN);
    write(dir.path(), "es/main.ftl", ES);
    let locales = load(dir.path());
    assert!(locales.accept(&locale("en"), &[]).unwrap_err().to_string().contains("source language"));
    assert!(locales.accept(&locale("fr"), &[]).unwrap_err().to_string().contains("available locales are en, es"));
    let err = locales.accept(&locale("es"), &["skill-queues--dev--junior".to_owned(), "level-gone".to_owned()]);
    assert_eq!(err.unwrap_err().to_string(), "`es` translates none of `skill-queues--dev--junior`, `level-gone`");
    // A message id takes its attributes too.
    let accepted = locales.accept(&locale("es"), &["skill-queues".to_owned()]).unwrap();
    assert_eq!(accepted.recorded, ["skill-queues", "skill-queues.summary"]);
    assert_eq!(accepted.were_unreviewed, 2);
}

#[test]
fn a_broken_lock_is_a_warning_and_everything_is_unreviewed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "en/main.ftl", EN);
    write(dir.path(), "es/main.ftl", ES);
    write(dir.path(), "es/l10n.lock", "ladder-l10n-lock 1\n<<<<<<< HEAD\n");
    let loaded = Locales::load(dir.path()).unwrap();
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].position.unwrap().line, 2);
    assert!(matches!(loaded.problems[0].kind, ProblemKind::BadLock { .. }));
    let status = loaded.locales.localizer(&locale("es")).unwrap().status(None, 10);
    assert_eq!((status.totals.translated, status.totals.unreviewed), (5, 5));
}

#[test]
fn the_status_counts_units_by_kind_and_file_and_lists_the_most_visible_first() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "en/main.ftl", EN);
    write(dir.path(), "en/ui.ftl", "ui-index-title = Skills\n");
    write(dir.path(), "es/main.ftl", ES);
    accept_all(dir.path());
    let locales = load(dir.path());
    let status = locales.localizer(&locale("es")).unwrap().status(None, 1);
    let t = status.totals;
    assert_eq!((t.total, t.translated, t.fallback, t.stale, t.unreviewed, t.obsolete), (7, 5, 2, 0, 0, 1));
    let kinds: Vec<(MessageKind, usize, usize)> =
        status.by_kind.iter().map(|k| (k.kind, k.counts.translated, k.counts.fallback)).collect();
    assert_eq!(
        kinds,
        [
            (MessageKind::Interface, 2, 1),
            (MessageKind::Names, 1, 0),
            (MessageKind::SkillNames, 1, 0),
            (MessageKind::Summaries, 1, 0),
            (MessageKind::Descriptions, 0, 1),
        ]
    );
    assert_eq!(status.by_kind[1].counts.obsolete, 1, "level-gone");
    let files: Vec<(&str, usize)> = status.by_file.iter().map(|f| (f.file.as_str(), f.counts.total)).collect();
    assert_eq!(files, [("main.ftl", 6), ("ui.ftl", 1)]);
    // Interface strings first, though `ui.ftl` sorts after `main.ftl`.
    assert_eq!(status.next.len(), 1);
    assert_eq!((status.next[0].id.as_str(), status.next[0].english.as_str()), ("ui-index-title", "Skills"));

    let english = locales.localizer(&locale("en")).unwrap().status(None, 10);
    assert_eq!((english.totals.translated, english.totals.fallback, english.totals.unreviewed), (7, 0, 0));
}

#[test]
fn the_default_spanish_locale_has_a_lock_and_nothing_stale() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    let locales = load(&dir);
    assert!(locales.stale_translations().is_empty());
    let status = locales.localizer(&locale("es")).unwrap().status(None, 0);
    assert_eq!(status.totals.unreviewed, 0, "run `cargo xtask l10n-accept es` after translating");
}
