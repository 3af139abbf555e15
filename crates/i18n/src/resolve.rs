//! Resolving references along a fallback chain as the bundles do, and walking what a pattern
//! refers to, for validation and for pointing at the placeable behind a formatting error.

use std::collections::HashSet;
use std::sync::Arc;

use fluent_syntax::ast;

use crate::locales::LocaleData;
use crate::walk::{self, Element};

/// What a message or term reference resolves to.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Target<'a> {
    Pattern(&'a ast::Pattern<&'a str>),
    /// No locale of the chain defines it, or its first definition lacks the attribute.
    Missing,
    /// A message with attributes only.
    NoValue,
}

/// Resolves a message or term reference the way a bundle of `chain` does: the first locale
/// defining the entry wins, and its attribute is looked up there only. `None` for elements that
/// are not references.
pub(crate) fn resolve<'a>(chain: &'a [Arc<LocaleData>], element: &Element<'_>) -> Option<Target<'a>> {
    let found = |pattern: Option<&'a ast::Pattern<&'a str>>| pattern.map_or(Target::Missing, Target::Pattern);
    let attribute_of = |attributes: &'a [ast::Attribute<&'a str>], name: &str| {
        found(attributes.iter().find(|a| a.id.name == name).map(|a| &a.value))
    };
    Some(match *element {
        Element::Message { id, attribute } => match chain.iter().find_map(|data| data.message(id)) {
            None => Target::Missing,
            Some(message) => match attribute {
                Some(name) => attribute_of(&message.attributes, name),
                None => message.value.as_ref().map_or(Target::NoValue, Target::Pattern),
            },
        },
        Element::Term { id, attribute } => match chain.iter().find_map(|data| data.term(id)) {
            None => Target::Missing,
            Some(term) => match attribute {
                Some(name) => attribute_of(&term.attributes, name),
                None => Target::Pattern(&term.value),
            },
        },
        _ => return None,
    })
}

/// `id`, `id.attribute`, `-id` or `-id.attribute`, as written in Fluent.
pub(crate) fn reference_name(element: &Element<'_>) -> String {
    let (sigil, id, attribute) = match *element {
        Element::Message { id, attribute } => ("", id, attribute),
        Element::Term { id, attribute } => ("-", id, attribute),
        Element::Variable(name) => ("$", name, None),
        Element::Function(name) => ("", name, None),
        Element::Text(_) => ("", "", None),
    };
    match attribute {
        Some(attribute) => format!("{sigil}{id}.{attribute}"),
        None => format!("{sigil}{id}"),
    }
}

/// How an element was reached.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reached {
    /// Inside a term, where variables are the term's own arguments.
    pub(crate) in_term: bool,
    /// A reference to a pattern being resolved further up: a cycle.
    pub(crate) cycle: bool,
}

/// Depth-first through `root` and everything it refers to along `chain`, in the order Fluent
/// resolves them: the first element `wanted` accepts. Iterative, so a long chain of references
/// cannot overflow the stack.
pub(crate) fn find<'a>(
    chain: &'a [Arc<LocaleData>],
    root: &'a ast::Pattern<&'a str>,
    mut wanted: impl FnMut(&Element<'a>, Reached) -> bool,
) -> Option<Element<'a>> {
    struct Frame<'a> {
        key: usize,
        elements: Vec<Element<'a>>,
        next: usize,
        in_term: bool,
    }
    let frame = |pattern: &'a ast::Pattern<&'a str>, in_term| {
        let mut elements = Vec::new();
        walk::pattern(pattern, &mut |element| elements.push(element));
        Frame { key: pattern_key(pattern), elements, next: 0, in_term }
    };
    let mut done = HashSet::new();
    let mut on_path = HashSet::from([pattern_key(root)]);
    let mut stack = vec![frame(root, false)];
    while let Some(top) = stack.last_mut() {
        let Some(&element) = top.elements.get(top.next) else {
            on_path.remove(&top.key);
            done.insert(top.key);
            stack.pop();
            continue;
        };
        top.next += 1;
        let in_term = top.in_term;
        let target = match resolve(chain, &element) {
            Some(Target::Pattern(pattern)) => Some(pattern),
            _ => None,
        };
        let cycle = target.is_some_and(|pattern| on_path.contains(&pattern_key(pattern)));
        if wanted(&element, Reached { in_term, cycle }) {
            return Some(element);
        }
        if let Some(pattern) = target {
            let key = pattern_key(pattern);
            if !cycle && !done.contains(&key) {
                on_path.insert(key);
                let in_term = in_term || matches!(element, Element::Term { .. });
                stack.push(frame(pattern, in_term));
            }
        }
    }
    None
}

/// A pattern's identity: its address, stable while its resource lives.
pub(crate) fn pattern_key(pattern: &ast::Pattern<&str>) -> usize {
    std::ptr::from_ref(pattern) as usize
}
