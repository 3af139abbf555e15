//! Walking Fluent patterns, and finding where in the source each piece stands.
//!
//! fluent-syntax's AST has no spans, but a `FluentResource`'s AST borrows from its source text:
//! every identifier and text element is a `&str` slice of `resource.source()`, so its byte offset
//! is the distance between the two pointers. [`offset_in`] computes it in safe code.

use fluent_syntax::ast;

/// A piece of a pattern that validation and error reports care about. Every `&str` is a slice of
/// the resource's source text.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Element<'s> {
    /// Text as written: a text element or the inside of a string literal.
    Text(&'s str),
    /// `$name`: the slice is `name`.
    Variable(&'s str),
    /// `id` or `id.attribute`.
    Message { id: &'s str, attribute: Option<&'s str> },
    /// `-id` or `-id.attribute`; the slice `id` has no `-`.
    Term { id: &'s str, attribute: Option<&'s str> },
    /// `NAME(…)`.
    Function(&'s str),
}

impl<'s> Element<'s> {
    /// The slice to point at, and how many bytes of sigil (`$`, `-`) stand before it.
    pub(crate) fn anchor(&self) -> (&'s str, usize) {
        match *self {
            Element::Text(text) => (text, 0),
            Element::Variable(name) => (name, 1),
            Element::Message { id, .. } | Element::Function(id) => (id, 0),
            Element::Term { id, .. } => (id, 1),
        }
    }
}

/// Calls `visit` on every element of `pattern`, in source order, select variants included.
/// Recursion is bounded by the nesting limit checked before parsing.
pub(crate) fn pattern<'s>(pattern: &'s ast::Pattern<&'s str>, visit: &mut impl FnMut(Element<'s>)) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => visit(Element::Text(value)),
            ast::PatternElement::Placeable { expression } => walk_expression(expression, visit),
        }
    }
}

fn walk_expression<'s>(expression: &'s ast::Expression<&'s str>, visit: &mut impl FnMut(Element<'s>)) {
    match expression {
        ast::Expression::Inline(inline) => walk_inline(inline, visit),
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, visit);
            for variant in variants {
                pattern(&variant.value, visit);
            }
        }
    }
}

/// Calls `visit` on every element of one inline expression (a placeable's content), as
/// [`pattern`] does.
pub(crate) fn inline<'s>(inline: &'s ast::InlineExpression<&'s str>, visit: &mut impl FnMut(Element<'s>)) {
    walk_inline(inline, visit);
}

fn walk_inline<'s>(inline: &'s ast::InlineExpression<&'s str>, visit: &mut impl FnMut(Element<'s>)) {
    match inline {
        ast::InlineExpression::StringLiteral { value } => visit(Element::Text(value)),
        ast::InlineExpression::NumberLiteral { .. } => {}
        ast::InlineExpression::FunctionReference { id, arguments } => {
            visit(Element::Function(id.name));
            walk_arguments(arguments, visit);
        }
        ast::InlineExpression::MessageReference { id, attribute } => {
            visit(Element::Message { id: id.name, attribute: attribute.as_ref().map(|a| a.name) });
        }
        ast::InlineExpression::TermReference { id, attribute, arguments } => {
            visit(Element::Term { id: id.name, attribute: attribute.as_ref().map(|a| a.name) });
            if let Some(arguments) = arguments {
                walk_arguments(arguments, visit);
            }
        }
        ast::InlineExpression::VariableReference { id } => visit(Element::Variable(id.name)),
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, visit),
    }
}

fn walk_arguments<'s>(arguments: &'s ast::CallArguments<&'s str>, visit: &mut impl FnMut(Element<'s>)) {
    for positional in &arguments.positional {
        walk_inline(positional, visit);
    }
    for named in &arguments.named {
        walk_inline(&named.value, visit);
    }
}

/// The byte offset of `slice` in `source`, if it is a slice of it.
pub(crate) fn offset_in(source: &str, slice: &str) -> Option<usize> {
    let start = source.as_ptr() as usize;
    let at = slice.as_ptr() as usize;
    (at >= start && at + slice.len() <= start + source.len()).then(|| at - start)
}

/// Where to point at an element found at byte `offset` of `source` with `sigil` bytes before it:
/// the `{` of the placeable it opens (`{ $cnt }`), else the reference itself (`NUMBER($cnt)`).
pub(crate) fn placeable_offset(source: &str, offset: usize, sigil: usize) -> usize {
    let reference = offset.saturating_sub(sigil);
    let before = source.get(..reference).unwrap_or_default();
    let trimmed = before.trim_end_matches([' ', '\t', '\n', '\r']);
    if trimmed.ends_with('{') { trimmed.len() - 1 } else { reference }
}

/// Bidirectional formatting controls: embeddings and overrides (U+202A–U+202E) and isolates
/// (U+2066–U+2069). In translation text they can reorder what readers see, so they are reported
/// and stripped from output.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}
