//! The minijinja environment: embedded templates, optional overrides, escaping per format.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use minijinja::{AutoEscape, Environment, Error, ErrorKind, State, UndefinedBehavior, Value};

use crate::escape;
use crate::job::Format;
use crate::views::{HrefObject, TextObject};

/// The templates Ladder ships, by name. A directory given to [`crate::Renderer::new`] may replace
/// any of them with a file of the same name.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("requirement-table.html", include_str!("../templates/requirement-table.html")),
    ("requirement-table.md", include_str!("../templates/requirement-table.md")),
    ("change-list.html", include_str!("../templates/change-list.html")),
    ("change-list.md", include_str!("../templates/change-list.md")),
    ("search-form.html", include_str!("../templates/search-form.html")),
    ("index.html", include_str!("../templates/index.html")),
    ("skill.html", include_str!("../templates/skill.html")),
    ("role.html", include_str!("../templates/role.html")),
    ("translation-status.html", include_str!("../templates/translation-status.html")),
    ("chooser.html", include_str!("../templates/chooser.html")),
    ("index.md", include_str!("../templates/index.md")),
    ("skill.md", include_str!("../templates/skill.md")),
    ("role.md", include_str!("../templates/role.md")),
    ("translation-status.md", include_str!("../templates/translation-status.md")),
    ("overview.html", include_str!("../templates/overview.html")),
    ("overview.md", include_str!("../templates/overview.md")),
    ("ladder.css", include_str!("../templates/ladder.css")),
    ("ladder.js", include_str!("../templates/ladder.js")),
    ("favicon.svg", include_str!("../templates/favicon.svg")),
    ("404.html", include_str!("../templates/404.html")),
    ("robots.txt", include_str!("../templates/robots.txt")),
    ("sitemap.xml", include_str!("../templates/sitemap.xml")),
    ("moves.html", include_str!("../templates/moves.html")),
    ("role-moves.md", include_str!("../templates/role-moves.md")),
    ("moves.js", include_str!("../templates/moves.js")),
    ("search.js", include_str!("../templates/search.js")),
    // elasticlunr.js 0.9.5, MIT licensed (its licence is the file's first comment), from npm.
    ("elasticlunr.min.js", include_str!("../templates/elasticlunr.min.js")),
];

const MARKDOWN: AutoEscape = AutoEscape::Custom("markdown");

pub(crate) fn environment(overrides: Option<&Path>) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_keep_trailing_newline(true);
    // A misspelt variable in a template is an error, not an empty string on every page.
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|name| match name.rsplit('.').next() {
        Some("html" | "xml" | "svg") => AutoEscape::Html,
        Some("md") => MARKDOWN,
        _ => AutoEscape::None,
    });
    env.set_formatter(format_value);
    env.add_filter("lang_attr", lang_attr);
    env.add_filter("marked", marked);
    let overrides: Option<PathBuf> = overrides.map(Path::to_path_buf);
    env.set_loader(move |name| load(overrides.as_deref(), name));
    env
}

/// A digest of the templates a renderer uses: every embedded template as `overrides` may replace
/// it, and every file below `overrides` (a replacing template may include files of its own).
pub(crate) fn digest(overrides: Option<&Path>) -> Result<blake3::Hash, Error> {
    let mut hasher = blake3::Hasher::new();
    for (name, _) in EMBEDDED {
        let text = load(overrides, name)?.unwrap_or_default();
        hasher.update(name.as_bytes());
        hasher.update(&(text.len() as u64).to_le_bytes());
        hasher.update(text.as_bytes());
    }
    if let Some(dir) = overrides {
        let mut files = Vec::new();
        list_files(dir, &mut files)
            .map_err(|err| Error::new(ErrorKind::InvalidOperation, format!("cannot read {}: {err}", dir.display())))?;
        files.sort();
        for path in files {
            let bytes = std::fs::read(&path).map_err(|err| {
                Error::new(ErrorKind::InvalidOperation, format!("cannot read {}: {err}", path.display()))
            })?;
            hasher.update(path.as_os_str().as_encoded_bytes());
            hasher.update(&(bytes.len() as u64).to_le_bytes());
            hasher.update(&bytes);
        }
    }
    Ok(hasher.finalize())
}

fn list_files(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            list_files(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

fn load(overrides: Option<&Path>, name: &str) -> Result<Option<String>, Error> {
    if let Some(dir) = overrides {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => return Ok(Some(text)),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => {
                let message = format!("cannot read {}: {err}", path.display());
                return Err(Error::new(ErrorKind::InvalidOperation, message));
            }
        }
    }
    Ok(EMBEDDED.iter().find(|(embedded, _)| *embedded == name).map(|(_, text)| (*text).to_owned()))
}

/// Prints a value escaped for the template's format; values marked safe are printed as they are.
fn format_value(out: &mut minijinja::Output<'_>, state: &State<'_, '_>, value: &Value) -> Result<(), Error> {
    let escape_as = state.auto_escape();
    if value.is_safe() || escape_as == AutoEscape::None {
        return minijinja::escape_formatter(out, state, value);
    }
    if value.is_none() {
        return Ok(());
    }
    let format = if escape_as == MARKDOWN { Format::Markdown } else { Format::Html };
    let text = if let Some(href) = value.downcast_object_ref::<HrefObject>() {
        // A link to a page points at the page in the format being printed.
        href.in_format(format).into()
    } else {
        value.as_str().map_or_else(|| value.to_string().into(), std::borrow::Cow::Borrowed)
    };
    let escaped = match format {
        Format::Markdown => escape::markdown(&text),
        Format::Html => escape::html(&text),
    };
    out.write_str(&escaped).map_err(Error::from)
}

/// ` lang="en"` for text that fell back to another language than the page's, plus ` dir="ltr"`
/// where that language runs the other way; ` data-l10n="stale"` and a `title` saying so for a
/// translation that may be out of date (a data attribute, not a class: some elements have one);
/// else nothing.
fn lang_attr(text: &Value) -> Result<Value, Error> {
    if let Some(text) = text.downcast_object_ref::<TextObject>() {
        return Ok(text.attributes().clone());
    }
    let (lang, dir, stale) = (text.get_attr("lang")?, text.get_attr("dir")?, text.get_attr("stale")?);
    let hint = if stale.is_true() { Some(text.get_attr("stale_hint")?) } else { None };
    Ok(lang_attributes(lang.as_str(), dir.as_str(), hint.as_ref().map(|hint| hint.as_str().unwrap_or_default())))
}

/// The attributes [`lang_attr`] prints: `lang`, `dir`, and for a stale text (`stale_hint` given)
/// the data attribute and the title.
pub(crate) fn lang_attributes(lang: Option<&str>, dir: Option<&str>, stale_hint: Option<&str>) -> Value {
    // Most texts are in the page's language and current: no attribute, and no allocation.
    static NONE: LazyLock<Value> = LazyLock::new(|| Value::from_safe_string(String::new()));
    if lang.is_none() && dir.is_none() && stale_hint.is_none() {
        return NONE.clone();
    }
    let mut attributes = String::new();
    if let Some(lang) = lang {
        attributes.push_str(&format!(r#" lang="{}""#, escape::html(lang)));
    }
    if let Some(dir) = dir {
        attributes.push_str(&format!(r#" dir="{dir}""#));
    }
    if let Some(hint) = stale_hint {
        attributes.push_str(&format!(r#" data-l10n="stale" title="{}""#, escape::html(hint)));
    }
    Value::from_safe_string(attributes)
}

/// A text's content, each piece in another language than the text marked with its own: in HTML,
/// `<span lang="en">…</span>`, or `<bdi lang="ar" dir="rtl">…</bdi>` where the piece runs the
/// other way, isolated so that it cannot reorder the text around it. Elsewhere, or for text in
/// one language, the plain text (escaped by the formatter like any value).
fn marked(state: &State<'_, '_>, text: &Value) -> Result<Value, Error> {
    if let Some(plain) = text.downcast_object_ref::<TextObject>().and_then(TextObject::unmarked) {
        return Ok(plain.clone());
    }
    let plain = text.get_attr("text")?;
    let segments = text.get_attr("segments")?;
    if state.auto_escape() != AutoEscape::Html || segments.is_undefined() || segments.len() == Some(0) {
        return Ok(plain);
    }
    let mut out = String::new();
    for segment in segments.try_iter()? {
        let piece = segment.get_attr("text")?;
        let piece = escape::html(piece.as_str().unwrap_or_default());
        let lang = segment.get_attr("lang")?;
        let lang = lang.as_str().map(|lang| format!(r#" lang="{}""#, escape::html(lang))).unwrap_or_default();
        match segment.get_attr("dir")?.as_str() {
            Some(dir) => out.push_str(&format!(r#"<bdi{lang} dir="{}">{piece}</bdi>"#, escape::html(dir))),
            None if !lang.is_empty() => out.push_str(&format!("<span{lang}>{piece}</span>")),
            None => out.push_str(&piece),
        }
    }
    Ok(Value::from_safe_string(out))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

    use minijinja::context;

    use super::*;

    fn render(name: &str, text: &Value) -> String {
        let source =
            if name.ends_with(".html") { "<h1{{ t|lang_attr }}>{{ t|marked }}</h1>" } else { "# {{ t|marked }}" };
        environment(None).render_named_str(name, source, context! { t => text }).unwrap()
    }

    #[test]
    fn marked_text_nests_each_piece_in_its_own_language() {
        let piece = |text: &str, lang: Option<&str>, dir: Option<&str>| context! { text, lang, dir };
        let title = context! {
            text => "Career path: مطوّر & <co>",
            lang => "en",
            dir => "ltr",
            segments => vec![
                piece("Career path: ", None, None),
                piece("مطوّر", Some("ar"), Some("rtl")),
                piece(" & <co>", Some("es"), None),
            ],
        };
        assert_eq!(
            render("role.html", &title),
            r#"<h1 lang="en" dir="ltr">Career path: <bdi lang="ar" dir="rtl">مطوّر</bdi><span lang="es"> &amp; &lt;co&gt;</span></h1>"#
        );
        // Markdown has no marks: the text, escaped as Markdown.
        assert_eq!(render("role.md", &title), r"# Career path: مطوّر & \<co\>");
        // Text in one language is printed as it is, escaped.
        let plain =
            context! { text => "a < b", lang => None::<&str>, dir => None::<&str>, segments => Vec::<Value>::new() };
        assert_eq!(render("role.html", &plain), "<h1>a &lt; b</h1>");
    }
}
