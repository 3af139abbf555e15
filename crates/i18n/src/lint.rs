//! Lint checks beyond what formatting would trip on: the hygiene of each file, duplicates inside
//! an entry, translations that drifted from the source language, plural forms against the
//! locale's CLDR rules, and `language-name`.
//!
//! Like [`Locales::validate`], every check is static: it walks each locale's own entries once,
//! and points at what it finds with the AST-slice offsets of [`crate::walk`].

use std::collections::HashSet;
use std::io::Read;

use fluent_syntax::ast;
use ladder_model::Position;
use rayon::prelude::*;
use unic_langid::LanguageIdentifier;

use crate::interface;
use crate::locales::{LocaleData, Locales};
use crate::plural::{CATEGORIES, plural_categories};
use crate::problem::{Problem, ProblemKind};
use crate::walk::{self, Element};

impl Locales {
    /// Lint checks of every locale:
    ///
    /// - warnings: a byte-order mark, CRLF line endings, tabs and U+FFFD in a file; messages and
    ///   attributes a translation has that the source language lacks; variables the source's
    ///   message shows that the translation drops; plural keys the locale's rules never select;
    /// - errors: an attribute twice in one entry, a variant key twice in one select; a plural
    ///   select on an interface table's plural variable whose default is not `*[other]`; plural
    ///   categories the locale's CLDR rules (those fluent-bundle selects with) use that a plural
    ///   select lacks; a locale without `language-name`.
    ///
    /// A select is a plural select when it selects on a variable the interface table marks as
    /// plural, or has a key that is a plural category (`[one]`); numeric keys (`[0]`) are exact
    /// matches and always fine.
    pub fn lint(&self) -> Vec<Problem> {
        let all: Vec<LanguageIdentifier> = self.available().cloned().collect();
        self.lint_locales(&all)
    }

    /// [`Locales::lint`] of some locales only.
    pub fn lint_locales(&self, only: &[LanguageIdentifier]) -> Vec<Problem> {
        let source = self.data(self.source());
        // Locale by locale in parallel; `collect` keeps the locales' order.
        let per_locale: Vec<Vec<Problem>> = self
            .locales
            .par_iter()
            .filter(|data| only.contains(&data.locale))
            .map(|data| lint_locale(data, source))
            .collect();
        per_locale.concat()
    }

    /// How many messages `locale` defines itself (each once); 0 for a locale without a directory.
    pub fn message_count(&self, locale: &LanguageIdentifier) -> usize {
        self.locales.iter().find(|data| &data.locale == locale).map_or(0, |data| data.message_ids.len())
    }
}

/// [`Locales::lint`] of one locale, `source` being the source language's.
fn lint_locale(data: &LocaleData, source: &LocaleData) -> Vec<Problem> {
    let mut problems = Vec::new();
    let is_source = data.locale == source.locale;
    hygiene(data, &mut problems);
    let categories = plural_categories(&data.locale);
    // Messages the locale's own patterns refer to are helpers, not obsolete.
    let mut referenced: HashSet<&str> = HashSet::new();
    if !is_source {
        for entry in data.own_entries() {
            for_each_pattern(entry, &mut |pattern| {
                walk::pattern(pattern, &mut |element| {
                    if let Element::Message { id, .. } = element {
                        referenced.insert(id);
                    }
                });
            });
        }
    }
    for entry in data.own_entries() {
        let (id, shown_prefix, value, attributes) = match entry {
            ast::Entry::Message(m) => (m.id.name, "", m.value.as_ref(), &m.attributes),
            ast::Entry::Term(t) => (t.id.name, "-", Some(&t.value), &t.attributes),
            _ => continue,
        };
        let shown = format!("{shown_prefix}{id}");
        let message = (shown_prefix.is_empty()).then_some(id);
        duplicate_attributes(data, &shown, attributes, &mut problems);
        let patterns = value
            .map(|value| (shown.clone(), value))
            .into_iter()
            .chain(attributes.iter().map(|a| (format!("{shown}.{}", a.id.name), &a.value)));
        for (shown, pattern) in patterns {
            selects(pattern, &mut |selector, variants| {
                duplicate_variants(data, &shown, variants, &mut problems);
                plurals(data, &shown, message, &categories, selector, variants, &mut problems);
            });
        }
        if let (Some(id), false) = (message, is_source) {
            let helper = referenced.contains(id);
            drift(data, source, id, helper, value, attributes, &mut problems);
        }
    }
    if !is_source && !data.incomplete && data.message(interface::LANGUAGE_NAME.id).is_none() {
        let path = data
            .files
            .iter()
            .find(|file| file.path.file_name().is_some_and(|name| name == "ui.ftl"))
            .map_or_else(|| data.dir.clone(), |file| file.path.clone());
        problems.push(Problem {
            path,
            position: None,
            locale: data.locale.clone(),
            kind: ProblemKind::MissingLanguageName,
        });
    }
    problems
}

/// A byte-order mark, CRLF line endings, tabs and U+FFFD, per file.
fn hygiene(data: &LocaleData, problems: &mut Vec<Problem>) {
    for file in &data.files {
        let problem = |position, kind| Problem { path: file.path.clone(), position, locale: data.locale.clone(), kind };
        // `read_source` drops the mark before parsing; look at the file's first bytes again.
        let mut start = [0_u8; 3];
        let bom = std::fs::File::open(&file.path).and_then(|mut f| f.read_exact(&mut start)).is_ok()
            && start == [0xEF, 0xBB, 0xBF];
        if bom {
            problems.push(problem(Some(Position { line: 1, column: 1 }), ProblemKind::ByteOrderMark));
        }
        let text = file.resource.source();
        if let Some(first) = text.find("\r\n") {
            let lines = text.matches("\r\n").count();
            problems.push(problem(Some(Position::at(text, first)), ProblemKind::CrLf { lines }));
        }
        // Single-character searches (memchr for the tab), then one pass over the (rare) matches,
        // counting lines as it goes rather than from the start each time.
        let mut found: Vec<(usize, &str)> = text.match_indices('\t').collect();
        found.extend(text.match_indices('\u{FFFD}'));
        found.sort_unstable();
        let mut line = 1;
        let mut line_start = 0;
        let mut counted = 0;
        for (offset, character) in found {
            for (i, _) in text[counted..offset].match_indices('\n') {
                line += 1;
                line_start = counted + i + 1;
            }
            counted = offset;
            let column = text[line_start..offset].chars().count() + 1;
            let kind = if character == "\t" { ProblemKind::Tab } else { ProblemKind::ReplacementCharacter };
            problems.push(problem(Some(Position { line, column }), kind));
        }
    }
}

fn point(data: &LocaleData, slice: &str, sigil: usize, kind: ProblemKind) -> Problem {
    let (path, position) = match data.point_at(slice, sigil, false) {
        Some((path, position)) => (path, Some(position)),
        None => (data.dir.clone(), None),
    };
    Problem { path, position, locale: data.locale.clone(), kind }
}

fn duplicate_attributes(
    data: &LocaleData,
    shown: &str,
    attributes: &[ast::Attribute<&str>],
    problems: &mut Vec<Problem>,
) {
    let mut seen = HashSet::new();
    for attribute in attributes {
        if !seen.insert(attribute.id.name) {
            let kind =
                ProblemKind::DuplicateAttribute { id: shown.to_owned(), attribute: attribute.id.name.to_owned() };
            problems.push(point(data, attribute.id.name, 0, kind));
        }
    }
}

fn key_text<'s>(key: &ast::VariantKey<&'s str>) -> &'s str {
    match key {
        ast::VariantKey::Identifier { name } => name,
        ast::VariantKey::NumberLiteral { value } => value,
    }
}

fn duplicate_variants(data: &LocaleData, shown: &str, variants: &[ast::Variant<&str>], problems: &mut Vec<Problem>) {
    let mut seen: Vec<(bool, &str, Option<f64>)> = Vec::new();
    for variant in variants {
        let (numeric, text) = match &variant.key {
            ast::VariantKey::Identifier { name } => (false, *name),
            ast::VariantKey::NumberLiteral { value } => (true, *value),
        };
        // `[1]` and `[1.0]` are the same number to Fluent.
        let number = numeric.then(|| text.parse::<f64>().ok()).flatten();
        let same =
            |&&(n, t, v): &&(bool, &str, Option<f64>)| n == numeric && (t == text || (v.is_some() && v == number));
        if seen.iter().any(|entry| same(&entry)) {
            let kind = ProblemKind::DuplicateVariant { id: shown.to_owned(), key: text.to_owned() };
            problems.push(point(data, text, 0, kind));
        } else {
            seen.push((numeric, text, number));
        }
    }
}

/// The variable a select chooses on: `$count`, or `NUMBER($count, …)`.
fn selector_variable<'s>(selector: &ast::InlineExpression<&'s str>) -> Option<&'s str> {
    match selector {
        ast::InlineExpression::VariableReference { id } => Some(id.name),
        ast::InlineExpression::FunctionReference { id, arguments } if id.name == "NUMBER" => {
            match arguments.positional.first() {
                Some(ast::InlineExpression::VariableReference { id }) => Some(id.name),
                _ => None,
            }
        }
        _ => None,
    }
}

#[allow(clippy::too_many_arguments, reason = "one select, seen from its locale and message")]
fn plurals(
    data: &LocaleData,
    shown: &str,
    message: Option<&str>,
    categories: &[&'static str],
    selector: &ast::InlineExpression<&str>,
    variants: &[ast::Variant<&str>],
    problems: &mut Vec<Problem>,
) {
    let Some(variable) = selector_variable(selector) else { return };
    let identifiers: Vec<&str> = variants
        .iter()
        .filter_map(|variant| match &variant.key {
            ast::VariantKey::Identifier { name } => Some(*name),
            ast::VariantKey::NumberLiteral { .. } => None,
        })
        .collect();
    let from_table =
        message.and_then(interface::find).is_some_and(|entry| entry.plural && entry.variables.contains(&variable));
    if !from_table && !identifiers.iter().any(|key| CATEGORIES.contains(key)) {
        return;
    }
    let names = || categories.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
    if from_table && let Some(default) = variants.iter().find(|variant| variant.default) {
        let key = key_text(&default.key);
        if key != "other" {
            let kind = ProblemKind::PluralDefault {
                id: shown.to_owned(),
                variable: variable.to_owned(),
                default: key.to_owned(),
            };
            problems.push(point(data, key, 0, kind));
        }
    }
    let missing: Vec<String> =
        categories.iter().filter(|c| !identifiers.contains(c)).map(|c| (*c).to_owned()).collect();
    if !missing.is_empty() {
        let kind = ProblemKind::MissingPluralCategory { id: shown.to_owned(), missing, categories: names() };
        problems.push(point(data, variable, 1, kind));
    }
    for key in identifiers.iter().filter(|key| !categories.contains(key)) {
        let kind =
            ProblemKind::UnreachablePluralKey { id: shown.to_owned(), key: (*key).to_owned(), categories: names() };
        problems.push(point(data, key, 0, kind));
    }
}

/// A translated message against the source language's: attributes the source lacks, variables
/// the source shows that the translation drops. A message the source lacks altogether is
/// obsolete, unless it is a `helper` the locale's own messages refer to, or an interface id.
fn drift(
    data: &LocaleData,
    source: &LocaleData,
    id: &str,
    helper: bool,
    value: Option<&ast::Pattern<&str>>,
    attributes: &[ast::Attribute<&str>],
    problems: &mut Vec<Problem>,
) {
    let Some(original) = source.message(id) else {
        // Interface ids are the table's business: a used one missing in the source is an error
        // there, an unknown one is reported by `validate`.
        if !helper && !interface::is_interface_id(id) {
            problems.push(point(data, id, 0, ProblemKind::ObsoleteTranslation { id: id.to_owned() }));
        }
        return;
    };
    for attribute in attributes {
        let name = attribute.id.name;
        match original.attributes.iter().find(|a| a.id.name == name) {
            None => {
                let kind = ProblemKind::ObsoleteTranslation { id: format!("{id}.{name}") };
                problems.push(point(data, name, 0, kind));
            }
            Some(theirs) => dropped(data, &format!("{id}.{name}"), name, &theirs.value, &attribute.value, problems),
        }
    }
    if let (Some(ours), Some(theirs)) = (value, original.value.as_ref()) {
        dropped(data, id, id, theirs, ours, problems);
    }
}

/// Variables `theirs` (the source's pattern) uses that `ours` does not, reported at `anchor`.
fn dropped(
    data: &LocaleData,
    shown: &str,
    anchor: &str,
    theirs: &ast::Pattern<&str>,
    ours: &ast::Pattern<&str>,
    problems: &mut Vec<Problem>,
) {
    let variables = |pattern| {
        let mut found: Vec<&str> = Vec::new();
        shown_variables(pattern, &mut found);
        found
    };
    let ours = variables(ours);
    for variable in variables(theirs).into_iter().filter(|v| !ours.contains(v)) {
        let kind = ProblemKind::DroppedVariable { id: shown.to_owned(), variable: variable.to_owned() };
        problems.push(point(data, anchor, 0, kind));
    }
}

/// The variables `pattern` shows (`{ $count }`, `NUMBER($count)`), not those it only selects on:
/// `{ $count -> [one] One skill *[other] Many }` shows no number.
fn shown_variables<'s>(pattern: &'s ast::Pattern<&'s str>, found: &mut Vec<&'s str>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            shown_in(expression, found);
        }
    }
}

fn shown_in<'s>(expression: &'s ast::Expression<&'s str>, found: &mut Vec<&'s str>) {
    match expression {
        ast::Expression::Select { variants, .. } => {
            for variant in variants {
                shown_variables(&variant.value, found);
            }
        }
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => shown_in(expression, found),
        ast::Expression::Inline(inline) => {
            // Everything an inline expression mentions (function and term arguments included)
            // reaches the text.
            walk::inline(inline, &mut |element| {
                if let Element::Variable(name) = element
                    && !found.contains(&name)
                {
                    found.push(name);
                }
            });
        }
    }
}

/// Calls `visit` on the value and every attribute of a message or term.
fn for_each_pattern<'s>(entry: &'s ast::Entry<&'s str>, visit: &mut impl FnMut(&'s ast::Pattern<&'s str>)) {
    let (value, attributes) = match entry {
        ast::Entry::Message(m) => (m.value.as_ref(), &m.attributes),
        ast::Entry::Term(t) => (Some(&t.value), &t.attributes),
        _ => return,
    };
    value.into_iter().chain(attributes.iter().map(|a| &a.value)).for_each(visit);
}

/// Calls `visit` on every select expression of `pattern`, nested ones included. Recursion is
/// bounded by the nesting limit checked before parsing.
fn selects<'s>(
    pattern: &'s ast::Pattern<&'s str>,
    visit: &mut impl FnMut(&'s ast::InlineExpression<&'s str>, &'s [ast::Variant<&'s str>]),
) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            selects_in(expression, visit);
        }
    }
}

fn selects_in<'s>(
    expression: &'s ast::Expression<&'s str>,
    visit: &mut impl FnMut(&'s ast::InlineExpression<&'s str>, &'s [ast::Variant<&'s str>]),
) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            visit(selector, variants);
            selects_inline(selector, visit);
            for variant in variants {
                selects(&variant.value, visit);
            }
        }
        ast::Expression::Inline(inline) => selects_inline(inline, visit),
    }
}

fn selects_inline<'s>(
    inline: &'s ast::InlineExpression<&'s str>,
    visit: &mut impl FnMut(&'s ast::InlineExpression<&'s str>, &'s [ast::Variant<&'s str>]),
) {
    if let ast::InlineExpression::Placeable { expression } = inline {
        selects_in(expression, visit);
    }
}
