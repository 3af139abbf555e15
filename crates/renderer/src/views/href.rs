//! Links to pages, made once for both formats.
//!
//! A page's Markdown and HTML differ only in where their links point (`x.md` or `x.html`), so
//! one view serves both: a link to a page is an [`Href`], a minijinja object holding the link
//! without its extension, which the formatter completes for the template it prints in (the
//! template's escaping says which: see `templates::format_value`).

use std::fmt;
use std::sync::Arc;

use minijinja::Value;
use minijinja::value::Object;
use serde::Serialize;

use crate::job::Format;

/// A link to a page in whichever format the printing template is: `before` + `.md` or `.html` +
/// `after` (a fragment, or nothing).
#[derive(Debug, Clone)]
pub(crate) struct Href(Value);

impl Href {
    pub(crate) fn new(before: String, after: String) -> Href {
        Href(Value::from_object(HrefObject { before, after }))
    }

    /// The same link with `?query` after the page, before any fragment.
    pub(crate) fn with_query(&self, query: &str) -> Href {
        let Some(href) = self.0.downcast_object_ref::<HrefObject>() else { return self.clone() };
        Href::new(href.before.clone(), format!("?{query}{}", href.after))
    }

    /// The same link with `#fragment` after it.
    pub(crate) fn with_fragment(&self, fragment: &str) -> Href {
        let Some(href) = self.0.downcast_object_ref::<HrefObject>() else { return self.clone() };
        Href::new(href.before.clone(), format!("{}#{fragment}", href.after))
    }
}

impl Default for Href {
    /// No link: what a view being only fingerprinted gets (links are made of the catalog
    /// structure, which the fingerprint holds already).
    fn default() -> Href {
        Href::new(String::new(), String::new())
    }
}

impl Serialize for Href {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Inside `Value::from_serialize`, minijinja passes a value through as it is.
        self.0.serialize(serializer)
    }
}

#[derive(Debug)]
pub(crate) struct HrefObject {
    before: String,
    after: String,
}

impl HrefObject {
    pub(crate) fn in_format(&self, format: Format) -> String {
        format!("{}.{}{}", self.before, format.extension(), self.after)
    }
}

impl Object for HrefObject {
    /// A link is there (`{% if crumb.href %}`), though not a map or a sequence.
    fn is_true(self: &Arc<Self>) -> bool {
        true
    }

    /// Printed outside the formatter's reach (a template without escaping): the HTML link, as
    /// the site's shared files link to HTML pages.
    fn render(self: &Arc<Self>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_format(Format::Html))
    }
}
