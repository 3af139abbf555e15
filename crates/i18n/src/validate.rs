//! Static validation of every locale, before rendering: what formatting would trip on, found in
//! every select branch, not only those some page reaches.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use fluent_syntax::ast;
use ladder_model::Catalog;
use rayon::prelude::*;
use unic_langid::LanguageIdentifier;

use crate::interface;
use crate::locales::{LocaleData, Locales};
use crate::message_ids;
use crate::problem::{Problem, ProblemKind};
use crate::resolve::{self, Target, pattern_key};
use crate::walk::{self, Element};

/// One pattern of a locale's own entries: `id`, `id.attribute`, `-term` or `-term.attribute`.
struct Own<'a> {
    shown: String,
    /// The message id whose variables apply; `None` in terms, whose variables are their
    /// arguments.
    message: Option<&'a str>,
    pattern: &'a ast::Pattern<&'a str>,
}

impl Locales {
    /// Checks every message, term and attribute of every locale, and returns what would go wrong:
    ///
    /// - errors: variables the product does not pass (the interface table; catalog messages and
    ///   messages only other messages refer to are given none), references to messages or terms
    ///   that resolve nowhere along the locale's fallback chain (or to a missing attribute, or a
    ///   value-less message), function calls, reference cycles;
    /// - warnings: bidi control characters in translation text; `ui-` messages not in the
    ///   interface table; with a `catalog`, source-language messages in the catalog's namespaces
    ///   (`level-`, `role-`, `domain-`, `group-`, `skill-`) that it does not need.
    ///
    /// Linear in the size of the translations.
    pub fn validate(&self, catalog: Option<&Catalog>) -> Vec<Problem> {
        let all: Vec<LanguageIdentifier> = self.available().cloned().collect();
        self.validate_locales(catalog, &all)
    }

    /// [`Locales::validate`] of some locales only: what it finds in them (after
    /// [`Locales::reload_locale`], the locales it says to check again).
    pub fn validate_locales(&self, catalog: Option<&Catalog>, only: &[LanguageIdentifier]) -> Vec<Problem> {
        // Locale by locale in parallel; `collect` keeps the locales' order.
        let per_locale: Vec<Vec<Problem>> = self
            .locales
            .par_iter()
            .filter(|data| only.contains(&data.locale))
            .map(|data| {
                let mut problems = Vec::new();
                let chain: Vec<Arc<LocaleData>> =
                    self.chain(&data.locale).iter().map(|locale| Arc::clone(self.data(locale))).collect();
                let own = own_patterns(data);
                check_elements(&chain, &own, &mut problems);
                check_cycles(&chain, &own, &mut problems);
                check_ids(data, catalog.filter(|_| data.locale == *self.source()), &mut problems);
                problems
            })
            .collect();
        per_locale.concat()
    }
}

fn own_patterns(data: &LocaleData) -> Vec<Own<'_>> {
    let mut own = Vec::new();
    for entry in data.own_entries() {
        match entry {
            ast::Entry::Message(message) => {
                let id = message.id.name;
                if let Some(value) = &message.value {
                    own.push(Own { shown: id.to_owned(), message: Some(id), pattern: value });
                }
                for attribute in &message.attributes {
                    let shown = format!("{id}.{}", attribute.id.name);
                    own.push(Own { shown, message: Some(id), pattern: &attribute.value });
                }
            }
            ast::Entry::Term(term) => {
                let id = term.id.name;
                own.push(Own { shown: format!("-{id}"), message: None, pattern: &term.value });
                for attribute in &term.attributes {
                    let shown = format!("-{id}.{}", attribute.id.name);
                    own.push(Own { shown, message: None, pattern: &attribute.value });
                }
            }
            _ => {}
        }
    }
    own
}

fn problem_at(data: &LocaleData, element: &Element<'_>, kind: ProblemKind) -> Problem {
    let (slice, sigil) = element.anchor();
    let (path, position) = match data.point_at(slice, sigil, true) {
        Some((path, position)) => (path, Some(position)),
        None => (data.dir.clone(), None),
    };
    Problem { path, position, locale: data.locale.clone(), kind }
}

/// Variables, references, functions and bidi controls, element by element.
fn check_elements(chain: &[Arc<LocaleData>], own: &[Own<'_>], problems: &mut Vec<Problem>) {
    let data = &chain[0];
    for Own { shown, message, pattern } in own {
        let given: &[&str] = message.and_then(interface::find).map_or(&[], |m| m.variables);
        walk::pattern(pattern, &mut |element| {
            let kind = match element {
                Element::Text(text) => {
                    for (offset, character) in text.char_indices().filter(|(_, c)| walk::is_bidi_control(*c)) {
                        let kind = ProblemKind::BidiControl { id: shown.clone(), character };
                        let at = Element::Text(&text[offset..]);
                        let (slice, _) = at.anchor();
                        let (path, position) = match data.point_at(slice, 0, false) {
                            Some((path, position)) => (path, Some(position)),
                            None => (data.dir.clone(), None),
                        };
                        problems.push(Problem { path, position, locale: data.locale.clone(), kind });
                    }
                    return;
                }
                Element::Variable(name) if message.is_some() && !given.contains(&name) => {
                    ProblemKind::UnknownVariable {
                        id: shown.clone(),
                        variable: name.to_owned(),
                        given: given.iter().map(|s| (*s).to_owned()).collect(),
                    }
                }
                Element::Function(function) => {
                    ProblemKind::UnknownFunction { id: shown.clone(), function: function.to_owned() }
                }
                Element::Message { .. } | Element::Term { .. } => match resolve::resolve(chain, &element) {
                    Some(Target::Missing) => ProblemKind::UnknownReference {
                        id: shown.clone(),
                        reference: resolve::reference_name(&element),
                    },
                    Some(Target::NoValue) => {
                        ProblemKind::NoValue { id: shown.clone(), reference: resolve::reference_name(&element) }
                    }
                    _ => return,
                },
                Element::Variable(_) => return,
            };
            problems.push(problem_at(data, &element, kind));
        });
    }
}

/// Reference cycles through this locale's own patterns, each reported once, at the reference
/// that closes it. Iterative depth-first search over every pattern reachable along the chain.
fn check_cycles(chain: &[Arc<LocaleData>], own: &[Own<'_>], problems: &mut Vec<Problem>) {
    let data = &chain[0];
    let own_keys: HashMap<usize, &str> = own.iter().map(|o| (pattern_key(o.pattern), o.shown.as_str())).collect();
    let mut done: HashSet<usize> = HashSet::new();
    let mut reported: HashSet<usize> = HashSet::new();
    for root in own {
        if done.contains(&pattern_key(root.pattern)) {
            continue;
        }
        let mut on_path: Vec<usize> = Vec::new();
        // (pattern key, its references, next one to follow)
        let mut stack: Vec<(usize, Vec<Element<'_>>, usize)> = Vec::new();
        on_path.push(pattern_key(root.pattern));
        push(root.pattern, &mut stack);
        while let Some((key, references, next)) = stack.last_mut() {
            let Some(element) = references.get(*next).copied() else {
                done.insert(*key);
                on_path.pop();
                stack.pop();
                continue;
            };
            *next += 1;
            let source_key = *key;
            let Some(Target::Pattern(target)) = resolve::resolve(chain, &element) else { continue };
            let target_key = pattern_key(target);
            if on_path.contains(&target_key) {
                // Report only cycles closed by a reference written in this locale.
                let (slice, _) = element.anchor();
                let written_here = data.point_at(slice, 0, false).is_some();
                if let Some(shown) = own_keys.get(&source_key).filter(|_| written_here)
                    && reported.insert(source_key)
                {
                    let kind = ProblemKind::CyclicReference {
                        id: (*shown).to_owned(),
                        reference: resolve::reference_name(&element),
                    };
                    problems.push(problem_at(data, &element, kind));
                }
            } else if !done.contains(&target_key) {
                on_path.push(target_key);
                push(target, &mut stack);
            }
        }
    }
}

/// Pushes a search frame: the pattern's key and the references it holds.
fn push<'a>(pattern: &'a ast::Pattern<&'a str>, stack: &mut Vec<(usize, Vec<Element<'a>>, usize)>) {
    let mut references = Vec::new();
    walk::pattern(pattern, &mut |element| {
        if matches!(element, Element::Message { .. } | Element::Term { .. }) {
            references.push(element);
        }
    });
    stack.push((pattern_key(pattern), references, 0));
}

/// Ids nothing uses: `ui-` messages missing from the interface table, and (in the source locale,
/// given the catalog) catalog-namespace messages the catalog does not need.
fn check_ids(data: &LocaleData, catalog: Option<&Catalog>, problems: &mut Vec<Problem>) {
    let needed: Option<HashSet<String>> =
        catalog.map(|catalog| message_ids::catalog_messages(catalog).into_iter().map(|m| m.id).collect());
    for id in &data.message_ids {
        let kind = if interface::is_interface_id(id) {
            if interface::find(id).is_some() {
                continue;
            }
            ProblemKind::UnusedInterfaceMessage { id: id.clone() }
        } else {
            let Some(needed) = &needed else { continue };
            let Some(what) = obsolete(id, needed) else { continue };
            ProblemKind::Obsolete { id: id.clone(), what }
        };
        let (path, position) = data.place(id);
        problems.push(Problem { path, position, locale: data.locale.clone(), kind });
    }
}

/// What `id` would describe, if it is in a catalog namespace and the catalog does not need it.
fn obsolete(id: &str, needed: &HashSet<String>) -> Option<String> {
    if needed.contains(id) {
        return None;
    }
    for (prefix, kind) in [("level-", "level"), ("role-", "role"), ("domain-", "domain"), ("group-", "group")] {
        if let Some(rest) = id.strip_prefix(prefix) {
            return Some(format!("{kind} `{rest}`"));
        }
    }
    let rest = id.strip_prefix("skill-")?;
    Some(match rest.split("--").collect::<Vec<_>>().as_slice() {
        [skill, role, level] => format!("requirement of `{skill}` for role `{role}` at level `{level}`"),
        _ => format!("skill `{rest}`"),
    })
}

impl Locales {
    /// Every interface message the source locale lacks (every chain ends there, so a page would
    /// show the raw id), reported at the file that holds the other interface messages.
    pub fn missing_interface_messages(&self) -> Vec<Problem> {
        let source = self.data(self.source());
        let interface_file = source
            .message_ids
            .iter()
            .find(|id| interface::find(id).is_some())
            .map_or_else(|| source.dir.clone(), |id| source.place(id).0);
        interface::ALL
            .iter()
            .filter(|message| source.message(message.id).is_none_or(|found| found.value.is_none()))
            .map(|message| Problem {
                path: interface_file.clone(),
                position: None,
                locale: source.locale.clone(),
                kind: ProblemKind::MissingMessage {
                    id: message.id.to_owned(),
                    describes: Some("an interface string".to_owned()),
                    belongs_in: None,
                },
            })
            .collect()
    }
}
