//! Rendering errors: a template that does not parse or fails while rendering.

use std::path::{Path, PathBuf};

use ladder_model::Position;

/// A template problem, with the template's name and, when known, its file and position.
#[derive(Debug, thiserror::Error)]
#[error("{}: {message}", self.location())]
pub struct RenderError {
    pub template: Option<String>,
    /// The override file the template came from; embedded templates have none.
    pub path: Option<PathBuf>,
    pub position: Option<Position>,
    pub message: String,
}

impl RenderError {
    pub(crate) fn new(message: String) -> RenderError {
        RenderError { template: None, path: None, position: None, message }
    }

    /// Converts minijinja's error, locating it in the override directory when the template is one.
    pub(crate) fn from_minijinja(err: &minijinja::Error, overrides: Option<&Path>) -> RenderError {
        let mut message = match err.detail() {
            Some(detail) => format!("{}: {detail}", err.kind()),
            None => err.kind().to_string(),
        };
        let mut source = std::error::Error::source(err);
        while let Some(cause) = source {
            message.push_str(&format!(": {cause}"));
            source = cause.source();
        }
        let template = err.name().map(str::to_owned);
        let path = overrides.zip(template.as_deref()).map(|(dir, name)| dir.join(name)).filter(|path| path.is_file());
        let text = path.as_deref().and_then(|path| std::fs::read_to_string(path).ok());
        let position = match (err.range(), text) {
            (Some(range), Some(text)) => Some(Position::at(&text, range.start)),
            _ => err.line().map(|line| Position { line, column: 1 }),
        };
        RenderError { template, path, position, message }
    }

    /// `template name:line`, as far as known.
    pub fn location(&self) -> String {
        match (&self.template, self.position) {
            (Some(name), Some(position)) => format!("template {name}:{}", position.line),
            (Some(name), None) => format!("template {name}"),
            _ => "template".to_owned(),
        }
    }
}
