//! Rendering errors: a template that does not parse or fails while rendering.

/// A template problem, with the template's name and line when minijinja knows them.
#[derive(Debug, thiserror::Error)]
#[error("{}: {message}", self.location())]
pub struct RenderError {
    pub template: Option<String>,
    pub line: Option<usize>,
    pub message: String,
}

impl RenderError {
    pub(crate) fn from_minijinja(err: &minijinja::Error) -> RenderError {
        let mut message = match err.detail() {
            Some(detail) => format!("{}: {detail}", err.kind()),
            None => err.kind().to_string(),
        };
        let mut source = std::error::Error::source(err);
        while let Some(cause) = source {
            message.push_str(&format!(": {cause}"));
            source = cause.source();
        }
        RenderError { template: err.name().map(str::to_owned), line: err.line(), message }
    }

    /// `template:line`, as far as known.
    pub fn location(&self) -> String {
        match (&self.template, self.line) {
            (Some(name), Some(line)) => format!("template {name}:{line}"),
            (Some(name), None) => format!("template {name}"),
            _ => "template".to_owned(),
        }
    }
}
