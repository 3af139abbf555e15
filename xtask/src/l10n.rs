//! The translators' commands: `cargo xtask l10n-accept` records which English each translation
//! was made from (`locales/<lang>/l10n.lock`), `cargo xtask new-locale` scaffolds a locale from
//! English, ready to translate.

use std::fs;
use std::path::{Path, PathBuf};

use ladder_i18n::{AcceptError, LOCK_FILE, LanguageIdentifier, Locales, Lock, SOURCE_LOCALE};

use crate::diagnostics::Diagnostic;
use crate::flags::project_root;

/// A command's failure: what to print, and the exit code (1 bad input or a failed write, 2 usage).
#[derive(Debug)]
pub struct CommandError {
    pub diagnostic: Diagnostic,
    pub exit_code: u8,
}

impl CommandError {
    fn usage(diagnostic: Diagnostic) -> CommandError {
        CommandError { diagnostic, exit_code: 2 }
    }

    fn failed(diagnostic: Diagnostic) -> CommandError {
        CommandError { diagnostic, exit_code: 1 }
    }
}

/// `cargo xtask l10n-accept`'s flags.
#[derive(Debug, clap::Args)]
pub struct AcceptFlags {
    /// The locale whose translations were reviewed, such as `es`.
    #[arg(value_name = "LANG")]
    pub lang: LanguageIdentifier,
    /// Message ids (`skill-queues`, which takes its attributes too, or `skill-queues.summary`)
    /// [default: every message the locale translates].
    #[arg(value_name = "ID")]
    pub ids: Vec<String>,
    /// The translations directory [default: locales/ of the project].
    #[arg(long, value_name = "DIR")]
    pub locales: Option<PathBuf>,
}

/// `cargo xtask new-locale`'s flags.
#[derive(Debug, clap::Args)]
pub struct NewLocaleFlags {
    /// The new locale's BCP 47 tag, such as `fr` or `pt-BR`.
    #[arg(value_name = "LANG")]
    pub lang: String,
    /// The translations directory [default: locales/ of the project].
    #[arg(long, value_name = "DIR")]
    pub locales: Option<PathBuf>,
}

/// `explicit`, else `name` in the project found at run time.
pub(crate) fn input_dir(explicit: Option<PathBuf>, name: &str) -> Result<PathBuf, CommandError> {
    match explicit {
        Some(dir) => Ok(dir),
        None => Ok(project_root().map_err(CommandError::usage)?.join(name)),
    }
}

pub(crate) fn load_locales(dir: &Path) -> Result<Locales, CommandError> {
    Locales::load(dir).map(|loaded| loaded.locales).map_err(|err| {
        let help = "pass --locales DIR, or create locales/en/ with the source messages".to_owned();
        CommandError::failed(Diagnostic::error(err.to_string()).with_help(help))
    })
}

/// Records the current English of `flags.ids` (every translated message if none) in the locale's
/// lock file, and says what it did.
pub fn accept(flags: AcceptFlags) -> Result<String, CommandError> {
    let locales_dir = input_dir(flags.locales, "locales")?;
    let locales = load_locales(&locales_dir)?;
    let accepted = locales.accept(&flags.lang, &flags.ids).map_err(|err| {
        let help = match &err {
            AcceptError::Source(_) => "pass a translated locale, such as `es`".to_owned(),
            AcceptError::NoLocale { .. } => "create it with `cargo xtask new-locale <lang>`".to_owned(),
            AcceptError::NotTranslated { .. } => {
                "pass ids the locale translates and English has: `cargo xtask status --lang <lang>` lists them"
                    .to_owned()
            }
        };
        CommandError::usage(Diagnostic::error(err.to_string()).with_help(help))
    })?;
    write_atomically(&accepted.path, accepted.lock.to_text().as_bytes()).map_err(|err| {
        CommandError::failed(Diagnostic::error(format!("cannot write {}: {err}", accepted.path.display())))
    })?;
    Ok(format!(
        "recorded the English of {} translation(s) in {} ({} were stale, {} unreviewed); it lists {}\n",
        accepted.recorded.len(),
        accepted.path.display(),
        accepted.were_stale,
        accepted.were_unreviewed,
        accepted.lock.len(),
    ))
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`: a lock file is
/// never half written.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.tmp"));
    fs::write(&temporary, bytes)?;
    fs::rename(&temporary, path).inspect_err(|_| {
        let _ = fs::remove_file(&temporary);
    })
}

/// Why `name` is not a tag for a new locale directory, if it is not: the same rule as
/// [`Locales::load`] (a BCP 47 tag as Ladder writes it, a language subtag of 2 or 3 letters).
fn invalid_tag(name: &str) -> Option<String> {
    match name.parse::<LanguageIdentifier>() {
        Ok(tag) if tag.language.as_str().len() <= 3 && tag == name => None,
        Ok(tag) if tag.language.as_str().len() <= 3 => Some(format!("write `{name}` as `{tag}`")),
        _ => Some(format!("`{name}` is not a BCP 47 language tag such as `fr` or `pt-BR`")),
    }
}

/// The header of every scaffolded file.
const SCAFFOLD_NOTE: &str = "\
# Started by `cargo xtask new-locale` from the English files. Every message below is commented out
# and shows in English until translated: remove the `# ` before its lines and translate the text,
# keeping placeables ({ $count }, { -term }) and adapting plural variants to the language. Then run
# `cargo xtask l10n-accept <lang>` so Ladder can tell when the English changes.

";

/// `text` (an English `.ftl` file) with every entry commented out, comments and blank lines kept.
pub(crate) fn commented_out(text: &str) -> String {
    let mut out = String::from(SCAFFOLD_NOTE);
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            out.push_str(line.trim_end());
        } else {
            out.push_str("# ");
            out.push_str(line.trim_end());
        }
        out.push('\n');
    }
    out
}

/// Creates `locales/<lang>/` with a commented-out copy of each English file and an empty lock.
pub fn new_locale(flags: NewLocaleFlags) -> Result<String, CommandError> {
    let lang = flags.lang;
    if let Some(reason) = invalid_tag(&lang) {
        let help = "use a BCP 47 tag: a language (`fr`), optionally a script or region (`pt-BR`, `sr-Latn`)";
        return Err(CommandError::usage(Diagnostic::error(reason).with_help(help.to_owned())));
    }
    let locales_dir = input_dir(flags.locales, "locales")?;
    let target = locales_dir.join(&lang);
    if fs::symlink_metadata(&target).is_ok() {
        return Err(CommandError::usage(
            Diagnostic::error(format!("{} already exists", target.display()))
                .with_help("translate the files there, or delete it to start over: nothing was changed".to_owned()),
        ));
    }
    let source = locales_dir.join(SOURCE_LOCALE);
    let io = |action: &str, path: &Path, err: std::io::Error| {
        CommandError::failed(Diagnostic::error(format!("cannot {action} {}: {err}", path.display())))
    };
    let mut english: Vec<PathBuf> = fs::read_dir(&source)
        .map_err(|err| io("read", &source, err))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "ftl") && path.is_file())
        .collect();
    english.sort();
    if english.is_empty() {
        return Err(CommandError::failed(Diagnostic::error(format!("no .ftl files in {}", source.display()))));
    }

    // Built beside the target under a hidden name (which no load takes for a locale), then renamed.
    let staging = locales_dir.join(format!(".{lang}.new"));
    let _ = fs::remove_dir_all(&staging);
    let build = || -> Result<usize, CommandError> {
        fs::create_dir(&staging).map_err(|err| io("create", &staging, err))?;
        let mut messages = 0;
        for path in &english {
            let text = fs::read_to_string(path).map_err(|err| io("read", path, err))?;
            messages +=
                text.lines().filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-')).count();
            let name = path.file_name().unwrap_or_default();
            let target = staging.join(name);
            fs::write(&target, commented_out(&text).replace("<lang>", &lang))
                .map_err(|err| io("write", &target, err))?;
        }
        let lock = staging.join(LOCK_FILE);
        fs::write(&lock, Lock::default().to_text()).map_err(|err| io("write", &lock, err))?;
        fs::rename(&staging, &target).map_err(|err| io("create", &target, err))?;
        Ok(messages)
    };
    let messages = build().inspect_err(|_| {
        let _ = fs::remove_dir_all(&staging);
    })?;
    Ok(format!(
        "created {} from {}: {} file(s), {messages} message(s) and terms to translate, all showing in English for now\n\
         next: translate `language-name` in {}/ui.ftl (the language's own name), then the rest;\n\
         \x20     `cargo xtask status --lang {lang}` shows what is left, `cargo xtask l10n-accept {lang}` records what was translated\n",
        target.display(),
        source.display(),
        english.len(),
        target.display(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scaffold_comments_out_entries_and_keeps_comments() {
        let english = "### Resource\n\n## Group\n\n# What it is.\nmsg = Text\n    .attr = More\nsel = { $n ->\n\n        [one] One\n       *[other] Many\n    }\n-term = T\n";
        let scaffold = commented_out(english);
        let body = scaffold.strip_prefix(SCAFFOLD_NOTE).unwrap_or_default();
        assert_eq!(
            body,
            "### Resource\n\n## Group\n\n# What it is.\n# msg = Text\n#     .attr = More\n# sel = { $n ->\n\n#         [one] One\n#        *[other] Many\n#     }\n# -term = T\n"
        );
    }

    #[test]
    fn new_locale_tags_are_checked_like_locale_directories() {
        assert_eq!(invalid_tag("pt-BR"), None);
        assert_eq!(invalid_tag("fr"), None);
        assert_eq!(invalid_tag("pt-br").as_deref(), Some("write `pt-br` as `pt-BR`"));
        assert!(invalid_tag("Spanish").is_some() && invalid_tag("x_y").is_some() && invalid_tag("").is_some());
    }
}
