//! What the user reads when something is wrong: one shape for every crate's errors.
//!
//! ```text
//! error: unknown role `data-engineer`
//!  --> catalog/skills/lambda.yaml:7:3
//!   |
//! 7 |   data-engineer:
//!   |   ^
//!   = help: declare it in roles.yaml first, or use one that is declared there
//! ```

use std::fmt;
use std::path::{Path, PathBuf};

use ladder_i18n::{Problem, Severity};
use ladder_model::{CatalogError, Position};
use ladder_renderer::RenderError;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: Option<PathBuf>,
    pub position: Option<Position>,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(message: String) -> Diagnostic {
        Diagnostic { severity: Severity::Error, path: None, position: None, message, help: None }
    }

    pub fn with_help(mut self, help: String) -> Diagnostic {
        self.help = Some(help);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The diagnostic as printed, paths relative to `base` where they are below it, with the
    /// offending source line when the file can be read.
    pub fn render(&self, base: &Path) -> String {
        let mut out = format!("{}: {}\n", severity_word(self.severity), self.message);
        // Like rustc, the gutter is as wide as the line number it shows.
        let pad = " ".repeat(self.position.map_or(1, |position| position.line.to_string().len()));
        if let Some(path) = &self.path {
            let shown = path.strip_prefix(base).unwrap_or(path);
            match self.position {
                Some(position) => {
                    out += &format!("{pad}--> {}:{position}\n", shown.display());
                    if let Some(line) = source_line(path, position.line) {
                        let caret_indent: String = line
                            .chars()
                            .take(position.column.saturating_sub(1))
                            .map(|c| if c == '\t' { '\t' } else { ' ' })
                            .collect();
                        out += &format!("{pad} |\n{} | {line}\n{pad} | {caret_indent}^\n", position.line);
                    }
                }
                None => out += &format!("{pad}--> {}\n", shown.display()),
            }
        }
        if let Some(help) = &self.help {
            out += &format!("{pad} = help: {help}\n");
        }
        out
    }
}

fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn source_line(path: &Path, line: usize) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    text.lines().nth(line.checked_sub(1)?).map(|l| l.trim_end().to_owned())
}

impl From<&CatalogError> for Diagnostic {
    fn from(err: &CatalogError) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
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
            path: Some(problem.path.clone()),
            position: problem.position,
            message: format!("{} ({})", problem.kind, problem.locale),
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
