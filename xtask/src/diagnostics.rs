//! What the user reads when something is wrong: one shape for every crate's errors.
//!
//! ```text
//! error[unknown-catalog-reference]: unknown role `data-engineer`
//!  --> catalog/skills/lambda.yaml:7:3
//!   |
//! 7 |   data-engineer:
//!   |   ^
//!   |
//!   = help: declare it in roles.yaml first, or use one that is declared there
//! ```
//!
//! The name in brackets is the check that found it (see `cargo xtask check`), as rustc shows its
//! error codes. Drawn by annotate-snippets, the renderer rustc and cargo use, so tabs and wide characters line
//! the caret up. A diagnostic shows at most the one offending line of its file, shortened around
//! the column when it is long: an error never echoes more of a file than that.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use ladder_i18n::{Problem, Severity};
use ladder_model::{CatalogError, Position};
use ladder_renderer::RenderError;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The name of the check that found it (`unknown-variable`), empty for usage and I/O errors.
    pub check: &'static str,
    /// The locale a translation problem is in; shown after the message, `(es)`.
    pub locale: Option<String>,
    pub path: Option<PathBuf>,
    pub position: Option<Position>,
    pub message: String,
    pub help: Option<String>,
}

/// Characters of a source line shown on each side of the column before it is cut.
const LINE_CONTEXT: usize = 60;
/// Longest message printed whole; longer ones (a value quoted by a parser) are cut.
const MESSAGE_LIMIT: usize = 300;

impl Diagnostic {
    pub fn error(message: String) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            check: "",
            locale: None,
            path: None,
            position: None,
            message,
            help: None,
        }
    }

    pub fn with_help(mut self, help: String) -> Diagnostic {
        self.help = Some(help);
        self
    }

    pub fn with_path(mut self, path: PathBuf) -> Diagnostic {
        self.path = Some(path);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The diagnostic as printed, paths relative to `base` where they are below it, with the
    /// offending source line when the file can be read.
    pub fn render(&self, base: &Path) -> String {
        self.render_with(base, &mut SourceLines::default())
    }

    /// Like [`Diagnostic::render`], reading each file at most once across many diagnostics.
    pub fn render_with(&self, base: &Path, sources: &mut SourceLines) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let message = match &self.locale {
            Some(locale) => format!("{} ({locale})", shorten(&self.message, MESSAGE_LIMIT)),
            None => shorten(&self.message, MESSAGE_LIMIT),
        };
        let shown = self.path.as_ref().map(|path| path.strip_prefix(base).unwrap_or(path).display().to_string());
        let line = match (&self.path, self.position) {
            (Some(path), Some(position)) => sources.line(path, position.line),
            _ => None,
        };
        let mut title = level.primary_title(message);
        if !self.check.is_empty() {
            title = title.id(self.check);
        }
        let mut group = Group::with_title(title);
        match (shown, self.position, line) {
            (Some(shown), Some(position), Some(line)) => {
                let (text, span) = excerpt(&line, position.column);
                group = group.element(
                    Snippet::source(text)
                        .line_start(position.line)
                        .path(shown)
                        .annotation(AnnotationKind::Primary.span(span)),
                );
            }
            (Some(shown), Some(position), None) => {
                group = group.element(Origin::path(shown).line(position.line).char_column(position.column));
            }
            (Some(shown), None, _) => group = group.element(Origin::path(shown)),
            (None, ..) => {}
        }
        if let Some(help) = &self.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        let mut out = Renderer::plain().render(&[group]);
        out.push('\n');
        out
    }
}

/// The part of `line` worth showing around the 1-based character `column`, and the byte range
/// of the character there (empty at the end of the line).
fn excerpt(line: &str, column: usize) -> (String, std::ops::Range<usize>) {
    let chars: Vec<char> = line.chars().collect();
    let at = column.saturating_sub(1).min(chars.len());
    let start = at.saturating_sub(LINE_CONTEXT);
    let end = (at + LINE_CONTEXT).min(chars.len());
    let mut text = String::new();
    if start > 0 {
        text.push('…');
    }
    let before: String = chars[start..at].iter().collect();
    text.push_str(&before);
    let span_start = text.len();
    // Underline the word at the column (an id, a value, a `$variable`), or the one character there.
    let word = chars[at..end].iter().take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '$')).count();
    let span_end = span_start + chars[at..end].iter().take(word.max(1)).map(|c| c.len_utf8()).sum::<usize>();
    text.extend(&chars[at..end]);
    if end < chars.len() {
        text.push('…');
    }
    (text, span_start..span_end)
}

/// `text` cut to at most `max` characters, saying how much was left out.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_owned(),
        Some((cut, _)) => format!("{}… ({} more characters)", &text[..cut], text[cut..].chars().count()),
    }
}

/// The lines of the files diagnostics point at, each file read once.
#[derive(Debug, Default)]
pub struct SourceLines {
    files: HashMap<PathBuf, Option<String>>,
}

impl SourceLines {
    fn line(&mut self, path: &Path, line: usize) -> Option<String> {
        // Paths in diagnostics were already read through `read_source` by the stage that reported
        // them; reading again as plain text only fails if the file changed since.
        // Lossy, so a line with a byte that is not UTF-8 still shows, the byte as one U+FFFD at
        // the column the error names.
        let text = self
            .files
            .entry(path.to_path_buf())
            .or_insert_with(|| std::fs::read(path).ok().map(|bytes| String::from_utf8_lossy(&bytes).into_owned()));
        text.as_deref()?.lines().nth(line.checked_sub(1)?).map(|l| l.trim_end().to_owned())
    }
}

impl From<&CatalogError> for Diagnostic {
    fn from(err: &CatalogError) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            check: err.kind.check(),
            locale: None,
            path: Some(err.path.clone()),
            position: err.position,
            message: err.kind.to_string(),
            help: err.kind.help(),
        }
    }
}

impl From<&Problem> for Diagnostic {
    fn from(problem: &Problem) -> Diagnostic {
        Diagnostic {
            severity: problem.kind.severity(),
            check: problem.kind.check(),
            // Problems about no locale in particular (a folder that is not one) carry `und`.
            locale: match problem.locale.to_string() {
                locale if locale == "und" => None,
                locale => Some(locale),
            },
            path: Some(problem.path.clone()),
            position: problem.position,
            message: problem.kind.to_string(),
            help: problem.kind.help(),
        }
    }
}

impl From<&RenderError> for Diagnostic {
    fn from(err: &RenderError) -> Diagnostic {
        let help = match &err.path {
            Some(_) => "fix the template, or delete it to use the embedded one of the same name",
            None => "an embedded template failed: please report this as a bug",
        };
        Diagnostic {
            severity: Severity::Error,
            check: "template",
            locale: None,
            path: err.path.clone(),
            position: err.path.as_ref().and(err.position),
            message: match &err.path {
                Some(_) => err.message.clone(),
                None => err.to_string(),
            },
            help: Some(help.to_owned()),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Path::new("")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: &str, column: usize) -> String {
        let (text, span) = excerpt(line, column);
        format!("{text} [{}]", &text[span])
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        assert_eq!(at("  cloud-enginer:", 3), "  cloud-enginer: [cloud-enginer]");
        assert_eq!(at("ñandú: x", 6), "ñandú: x [:]");
        assert_eq!(at("a = { $cnt }", 7), "a = { $cnt } [$cnt]");
        assert_eq!(at("abc", 4), "abc []", "the end of the line");
        let long = format!("key: {}", "x".repeat(10_000));
        let (text, _) = excerpt(&long, 6);
        assert_eq!(text.chars().count(), 5 + LINE_CONTEXT + 1);
        assert!(text.ends_with('…'));
        let (text, span) = excerpt(&long, 5_000);
        assert!(text.starts_with('…') && text.ends_with('…'));
        assert!(text[span].starts_with('x'));
    }

    #[test]
    fn long_messages_say_how_much_was_cut() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("ñññññ", 2), "ññ… (3 more characters)");
    }
}
