//! Looking messages up along a fallback chain, and formatting them.
//!
//! **Invariant:** a resolver error is an error. Whatever Fluent reports while formatting (an
//! unknown variable, a missing message or term, a cycle, too many placeables) becomes a
//! [`Problem`] of severity error pointing at the placeable, so a broken translation never ships.

use std::borrow::Cow;
use std::fmt;
use std::io::Write as _;
use std::sync::{Arc, LazyLock, OnceLock};

use fluent::resolver::ResolverError;
use fluent::resolver::errors::ReferenceKind;
use fluent::{FluentArgs, FluentError, FluentResource, FluentValue};
use fluent_syntax::ast;
use ladder_model::Date;
use rustc_hash::FxHashMap;
use unic_langid::{CharacterDirection, LanguageIdentifier};

use crate::interface::{self, InterfaceMessage};
use crate::locales::{BundleCache, Bundles, LocaleData};
use crate::plural;
use crate::problem::{Problem, ProblemKind};
use crate::pseudo::Pseudolocale;
use crate::resolve::{self, Reached};
use crate::walk::{self, Element};

/// The concurrent flavour of `FluentBundle`: its memoizer is `Sync`, so one localizer serves every
/// rayon thread rendering a locale.
pub(crate) type Bundle = fluent::concurrent::FluentBundle<Arc<FluentResource>>;

/// Formats messages for one requested locale, falling back along its chain.
pub struct Localizer {
    locale: LanguageIdentifier,
    pub(crate) chain: Vec<LanguageIdentifier>,
    /// One per locale of the chain; bundle `i` resolves references along `chain[i..]`. Shared
    /// with the other localizers whose chains end the same way, and built on the first lookup
    /// that formats: fingerprints read only `data`, so a preview that fingerprints every locale's
    /// pages after an edit builds the bundles of the locales it renders only.
    bundles: OnceLock<Vec<Arc<Bundle>>>,
    /// Where the bundles come from; `None` when `bundles` is set from the start.
    cache: Option<Arc<BundleCache>>,
    /// One empty bundle per locale of the chain, with its locale's plural rules: a pattern that
    /// refers to no message, term or function formats the same in it as in the full bundle, and
    /// most do, so the full bundles (every message of the chain) are built only for those that
    /// refer.
    plain: OnceLock<Vec<Bundle>>,
    /// One per locale of the chain.
    pub(crate) data: Vec<Arc<LocaleData>>,
    /// Set for a pseudolocale, whose one bundle transforms the source's messages.
    pseudo: Option<Pseudolocale>,
    /// The interface messages given no variables, formatted once on first use: every page shows
    /// some twenty of them. In the order of [`interface::ALL`]; `None` for messages with variables.
    plain_interface: OnceLock<Vec<Option<Cached>>>,
}

/// A lookup done once, with the problems it met (given again on every use).
#[derive(Debug)]
struct Cached {
    text: String,
    /// Index into the chain of the locale the text came from.
    index: usize,
    stale: bool,
    problems: Vec<Problem>,
}

/// Positions in [`interface::ALL`] by id.
fn interface_index(id: &str) -> Option<usize> {
    static INDEX: LazyLock<FxHashMap<&'static str, usize>> =
        LazyLock::new(|| interface::ALL.iter().enumerate().map(|(index, message)| (message.id, index)).collect());
    INDEX.get(id).copied()
}

/// A formatted message and where its text came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized<'a> {
    /// The text, without bidi control characters.
    pub text: Cow<'a, str>,
    /// The locale whose translation was used.
    pub locale: &'a LanguageIdentifier,
    /// True when the text comes from further down the chain than its first locale: pages mark such
    /// text with its own language (`lang="en"` in HTML).
    pub fell_back: bool,
    /// The text in pieces, each with its own language, when arguments given as text
    /// ([`Localizer::interface_with`]) are in another language than the message: `Career path: `
    /// (`en`, the message fell back) then `مطوّر` (`ar`, the role's name). Empty when the whole
    /// text is in `locale`. The pieces' texts joined are `text`.
    pub segments: Vec<Segment>,
    /// True when the translation was made from English that has changed since (its locale's
    /// `l10n.lock` says so): pages mark such text as possibly out of date. Never true for text
    /// in the source language. Computed once when the locales load, not per lookup.
    pub stale: bool,
}

/// A piece of a formatted message, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub locale: LanguageIdentifier,
}

impl Localized<'_> {
    /// The text's pieces with their languages: [`Localized::segments`], or the whole text.
    pub fn pieces(&self) -> Vec<(&str, &LanguageIdentifier)> {
        if self.segments.is_empty() {
            vec![(self.text.as_ref(), self.locale)]
        } else {
            self.segments.iter().map(|segment| (segment.text.as_str(), &segment.locale)).collect()
        }
    }
}

/// A plural interface message as a page's script needs it, to fill in a count it computes itself:
/// the message formatted once per plural category a whole number can select, with `{count}` where
/// the number goes. The script picks the pattern with `new Intl.PluralRules(rules).select(n)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluralPatterns<'a> {
    /// The locale whose CLDR rules fluent-bundle selects the forms with (`ru`; `en` for a
    /// pseudolocale or a message that fell back to English).
    pub rules: LanguageIdentifier,
    /// Per category, in CLDR order (`one`, `few`, `many` in Russian).
    pub patterns: Vec<(&'static str, Localized<'a>)>,
}

/// How many of the source language's messages a locale takes from the fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FallbackCount {
    pub fell_back: usize,
    pub total: usize,
}

impl Localizer {
    pub(crate) fn new(
        locale: LanguageIdentifier,
        chain: Vec<LanguageIdentifier>,
        bundles: Bundles,
        data: Vec<Arc<LocaleData>>,
        pseudo: Option<Pseudolocale>,
    ) -> Localizer {
        let (built, cache) = match bundles {
            Bundles::Built(built) => (OnceLock::from(built), None),
            Bundles::From(cache) => (OnceLock::new(), Some(cache)),
        };
        Localizer {
            locale,
            chain,
            bundles: built,
            cache,
            plain: OnceLock::new(),
            data,
            pseudo,
            plain_interface: OnceLock::new(),
        }
    }

    /// The bundle to format `pattern` with, for the locale `index` of the chain: the full one when
    /// the pattern may reach other messages, terms or functions (and always for a pseudolocale,
    /// whose bundle transforms text), else the empty one.
    fn bundle_for(&self, index: usize, pattern: &ast::Pattern<&str>) -> &Bundle {
        let mut refers = false;
        walk::pattern(pattern, &mut |element| {
            refers |= matches!(element, Element::Message { .. } | Element::Term { .. } | Element::Function(_));
        });
        if refers || self.pseudo.is_some() {
            return self.bundle(index);
        }
        let plain = self.plain.get_or_init(|| {
            self.chain
                .iter()
                .map(|locale| {
                    let mut bundle = Bundle::new_concurrent(vec![locale.clone()]);
                    bundle.set_use_isolating(false);
                    bundle
                })
                .collect()
        });
        &plain[index]
    }

    fn bundle(&self, index: usize) -> &Bundle {
        let bundles = self.bundles.get_or_init(|| match &self.cache {
            Some(cache) => cache.bundles(&self.chain, &self.data),
            None => Vec::new(),
        });
        &bundles[index]
    }

    /// The pseudolocale this localizer formats, if it is one.
    pub fn pseudolocale(&self) -> Option<Pseudolocale> {
        self.pseudo
    }

    /// The requested locale, as pages declare it (`<html lang>`, output directory).
    pub fn locale(&self) -> &LanguageIdentifier {
        &self.locale
    }

    /// The locales tried in order, ending with the source language.
    pub fn chain(&self) -> &[LanguageIdentifier] {
        &self.chain
    }

    /// The locales whose files the chain reads, in chain order: [`Localizer::chain`], but for a
    /// pseudolocale, which reads the source's. What [`crate::Locales::snapshot`] takes.
    pub fn sources(&self) -> impl Iterator<Item = &LanguageIdentifier> {
        self.data.iter().map(|data| &data.locale)
    }

    pub fn direction(&self) -> CharacterDirection {
        self.locale.character_direction()
    }

    /// The value of message `id`, given no variables: catalog messages (`message_ids`).
    pub fn message<'a>(&'a self, id: &str, problems: &mut Vec<Problem>) -> Localized<'a> {
        self.lookup(id, None, None, &[], problems)
    }

    /// Attribute `.attribute` of message `id`, given no variables; it may come from another locale
    /// than the value.
    pub fn attribute<'a>(&'a self, id: &str, attribute: &str, problems: &mut Vec<Problem>) -> Localized<'a> {
        self.lookup(id, Some(attribute), None, &[], problems)
    }

    /// Interface message `message` with its variables, which must be those of the interface
    /// table (in any order); a mismatch is reported as a problem.
    pub fn interface<'a>(
        &'a self,
        message: InterfaceMessage,
        variables: &[(&str, FluentValue<'_>)],
        problems: &mut Vec<Problem>,
    ) -> Localized<'a> {
        self.interface_with(message, variables, &[], problems)
    }

    /// [`Localizer::interface`], with some variables given as text already localized (a role's
    /// name, a date), which may be in another language than the message: the result's
    /// [`Localized::segments`] then say which piece is in which language.
    pub fn interface_with<'a>(
        &'a self,
        message: InterfaceMessage,
        variables: &[(&str, FluentValue<'_>)],
        texts: &[(&str, &Localized<'_>)],
        problems: &mut Vec<Problem>,
    ) -> Localized<'a> {
        if variables.is_empty()
            && texts.is_empty()
            && let Some(localized) = self.plain_interface(message, problems)
        {
            return localized;
        }
        let mut given: Vec<&str> =
            variables.iter().map(|(name, _)| *name).chain(texts.iter().map(|(name, _)| *name)).collect();
        let mut expected = message.variables.to_vec();
        given.sort_unstable();
        expected.sort_unstable();
        if given != expected {
            let (path, position) = self.source().place(message.id);
            let kind = ProblemKind::InterfaceArguments {
                id: message.id.to_owned(),
                given: given.iter().map(|s| (*s).to_owned()).collect(),
                expected: expected.iter().map(|s| (*s).to_owned()).collect(),
            };
            problems.push(Problem { path, position, locale: self.source().locale.clone(), kind });
        }
        let mut args = FluentArgs::with_capacity(variables.len() + texts.len());
        for (name, value) in variables {
            args.set(*name, value.clone());
        }
        for (name, text) in texts {
            args.set(*name, text.text.as_ref());
        }
        let args = args.iter().next().is_some().then_some(&args);
        let mut localized = self.lookup(message.id, None, args, message.variables, problems);
        if let Some(args) = args
            && texts.iter().any(|(_, text)| text.pieces().iter().any(|(_, locale)| *locale != localized.locale))
        {
            localized.segments = self.segments(message.id, args, texts, &localized);
        }
        localized
    }

    /// Interface message `message`, whose one variable is a plural `$count`, as [`PluralPatterns`].
    /// Each category's pattern is the message formatted with a sample count of that category
    /// (`101` for Russian `one`), every occurrence of the number replaced by `{count}`. Numeric
    /// variant keys (`[0]`) select nothing here: the script sees categories only.
    pub fn plural_patterns<'a>(&'a self, message: InterfaceMessage, problems: &mut Vec<Problem>) -> PluralPatterns<'a> {
        // The locale whose translation is used, and so whose rules select: any count tells.
        let found = self.interface(message, &[("count", 0_u64.into())], &mut Vec::new());
        let index = self.chain.iter().position(|locale| locale == found.locale).unwrap_or(0);
        let Some((rules, plural_rules)) = plural::rules(&self.data[index].locale) else {
            let localized = self.interface(message, &[("count", 0_u64.into())], problems);
            return PluralPatterns { rules: self.data[index].locale.clone(), patterns: vec![("other", localized)] };
        };
        let patterns = plural::integer_samples(&plural_rules)
            .into_iter()
            .map(|(category, count)| {
                let mut localized = self.interface(message, &[("count", count.into())], problems);
                localized.text = Cow::Owned(localized.text.replace(&count.to_string(), "{count}"));
                (category, localized)
            })
            .collect();
        PluralPatterns { rules, patterns }
    }

    /// An interface message that takes no variables, from the cache (filled on first use).
    fn plain_interface<'a>(&'a self, message: InterfaceMessage, problems: &mut Vec<Problem>) -> Option<Localized<'a>> {
        if !message.variables.is_empty() {
            return None;
        }
        let cache = self.plain_interface.get_or_init(|| {
            interface::ALL
                .iter()
                .map(|message| {
                    message.variables.is_empty().then(|| {
                        let mut problems = Vec::new();
                        let localized = self.lookup(message.id, None, None, &[], &mut problems);
                        let index = self.chain.iter().position(|locale| locale == localized.locale).unwrap_or(0);
                        Cached { text: localized.text.into_owned(), index, stale: localized.stale, problems }
                    })
                })
                .collect()
        });
        let cached = cache.get(interface_index(message.id)?)?.as_ref()?;
        problems.extend(cached.problems.iter().cloned());
        Some(Localized {
            text: Cow::Borrowed(&cached.text),
            locale: &self.chain[cached.index],
            fell_back: cached.index > 0,
            segments: Vec::new(),
            stale: cached.stale,
        })
    }

    /// Formats `id` again with each text argument replaced by a marker, and cuts the result at the
    /// markers: what lies between is the message's, each marker stands for its argument's pieces.
    /// Formatting twice keeps the text exactly as Fluent makes it; if a marker changed the result
    /// (a selector on a text argument) the pieces do not add up to the text, and none are given.
    fn segments(
        &self,
        id: &str,
        args: &FluentArgs<'_>,
        texts: &[(&str, &Localized<'_>)],
        localized: &Localized<'_>,
    ) -> Vec<Segment> {
        let Some(index) = self.chain.iter().position(|locale| locale == localized.locale) else { return Vec::new() };
        let Some(pattern) = self.data[index].message(id).and_then(|message| message.value.as_ref()) else {
            return Vec::new();
        };
        let mut marked = FluentArgs::with_capacity(args.iter().count());
        for (name, value) in args.iter() {
            marked.set(name, value.clone());
        }
        for (number, (name, _)) in texts.iter().enumerate() {
            marked.set(*name, marker(number).to_string());
        }
        // Errors were reported by the first formatting.
        let formatted =
            strip_bidi(self.bundle_for(index, pattern).format_pattern(pattern, Some(&marked), &mut Vec::new()));
        let mut segments: Vec<Segment> = Vec::new();
        let mut push = |text: &str, locale: &LanguageIdentifier| match segments.last_mut() {
            _ if text.is_empty() => {}
            Some(last) if &last.locale == locale => last.text.push_str(text),
            _ => segments.push(Segment { text: text.to_owned(), locale: locale.clone() }),
        };
        let mut rest = formatted.as_ref();
        while let Some((start, found)) = rest.char_indices().find(|(_, c)| marker_number(*c).is_some()) {
            push(&rest[..start], localized.locale);
            let Some((_, text)) = marker_number(found).and_then(|number| texts.get(number)) else { return Vec::new() };
            for (piece, locale) in text.pieces() {
                push(piece, locale);
            }
            rest = &rest[start + found.len_utf8()..];
        }
        push(rest, localized.locale);
        let joined: String = segments.iter().map(|segment| segment.text.as_str()).collect();
        if joined != localized.text || segments.iter().all(|segment| &segment.locale == localized.locale) {
            return Vec::new();
        }
        segments
    }

    /// Appends to `deps` what the text of message `id` (or its `attribute`) depends on, without
    /// formatting it: for each locale of the chain down to the one that has it, a digest of its
    /// definition there (or that it has none), and whether that translation is stale; if the
    /// definition may refer to other messages or terms, a digest of every locale it could reach.
    /// Two lookups whose dependencies are equal give equal [`Localized`] results, so a page whose
    /// lookups' dependencies did not change need not be rendered again (`cargo xtask render` is
    /// incremental on this). The caller adds the variables it passes. Returns whether the
    /// definition found may refer to others: the text then depends on more than the definitions
    /// of `id` along the chain.
    pub fn fingerprint(&self, id: &str, attribute: Option<&str>, deps: &mut Vec<u8>) -> bool {
        deps.extend_from_slice(id.as_bytes());
        deps.push(0);
        if let Some(attribute) = attribute {
            deps.extend_from_slice(attribute.as_bytes());
        }
        deps.push(0);
        for (index, data) in self.data.iter().enumerate() {
            let Some((message, entry)) = data.message_digest(id) else {
                deps.push(0);
                continue;
            };
            deps.push(1);
            deps.extend_from_slice(&entry.digest);
            let found = match (message, attribute) {
                (None, _) => false,
                (Some(message), None) => message.value.is_some(),
                (Some(message), Some(name)) => message.attributes.iter().any(|a| a.id.name == name),
            };
            if !found {
                continue;
            }
            deps.push(u8::from(index + 1 < self.data.len() && data.is_stale(id, attribute)));
            if entry.refers {
                for reachable in &self.data[index..] {
                    deps.extend_from_slice(&reachable.digests().whole);
                }
            }
            return entry.refers;
        }
        false
    }

    /// Appends to `deps` what a report on the whole locale depends on (the translation status):
    /// every file of every locale of the chain, and each locale's lock.
    pub fn fingerprint_all(&self, deps: &mut Vec<u8>) {
        for data in &self.data {
            deps.extend_from_slice(&data.digests().whole);
            let _ = write!(deps, "{:?}", data.lock);
        }
    }

    /// A date as the locale writes it, from the `ui-date` message (`17/3/2026` in `es`).
    pub fn date<'a>(&'a self, date: Date, problems: &mut Vec<Problem>) -> Localized<'a> {
        let variables = [
            ("year", FluentValue::from(date.year())),
            ("month", FluentValue::from(date.month())),
            ("day", FluentValue::from(date.day())),
        ];
        self.interface(interface::DATE, &variables, problems)
    }

    /// How many source messages no locale of the chain before the source translates.
    /// A pseudolocale translates everything.
    pub fn fallback_count(&self) -> FallbackCount {
        if self.pseudo.is_some() {
            return FallbackCount { fell_back: 0, total: self.source().message_ids.len() };
        }
        let translations = &self.data[..self.data.len() - 1];
        let source_ids = &self.source().message_ids;
        let fell_back = source_ids.iter().filter(|id| !translations.iter().any(|data| data.has_message(id))).count();
        FallbackCount { fell_back, total: source_ids.len() }
    }

    fn source(&self) -> &LocaleData {
        &self.data[self.data.len() - 1]
    }

    pub(crate) fn lookup<'a>(
        &'a self,
        id: &str,
        attribute: Option<&str>,
        args: Option<&FluentArgs<'_>>,
        given: &[&str],
        problems: &mut Vec<Problem>,
    ) -> Localized<'a> {
        for (index, data) in self.data.iter().enumerate() {
            let Some(message) = data.message(id) else { continue };
            let pattern = match attribute {
                None => message.value.as_ref(),
                Some(name) => message.attributes.iter().find(|a| a.id.name == name).map(|a| &a.value),
            };
            let Some(pattern) = pattern else { continue };
            let mut errors = Vec::new();
            let text = self.bundle_for(index, pattern).format_pattern(pattern, args, &mut errors);
            for error in &errors {
                problems.push(self.format_problem(index, id, attribute, pattern, given, error));
            }
            let mut text = strip_bidi(text);
            // `Eƞɠŀiişħ (en-XA)`: recognisable in a list of languages, and not taken for English.
            if self.pseudo.is_some() && id == interface::LANGUAGE_NAME.id && attribute.is_none() {
                text = Cow::Owned(format!("{text} ({})", self.locale));
            }
            let stale = index + 1 < self.data.len() && data.is_stale(id, attribute);
            return Localized { text, locale: &self.chain[index], fell_back: index > 0, segments: Vec::new(), stale };
        }
        let source = self.chain.len() - 1;
        let kind = match attribute {
            None => ProblemKind::MissingMessage { id: id.to_owned(), describes: None, belongs_in: None },
            Some(name) => {
                ProblemKind::MissingAttribute { id: id.to_owned(), attribute: name.to_owned(), describes: None }
            }
        };
        let (path, position) = self.data[source].place(id);
        problems.push(Problem { path, position, locale: self.chain[source].clone(), kind });
        // Showing the id keeps the page readable and makes the gap easy to find.
        Localized {
            text: Cow::Owned(display_id(id, attribute)),
            locale: &self.chain[source],
            fell_back: source > 0,
            segments: Vec::new(),
            stale: false,
        }
    }

    /// A formatting error as a problem at the placeable that caused it, found by walking the
    /// pattern and what it refers to as the resolver did; at the message if it cannot be found.
    fn format_problem(
        &self,
        index: usize,
        id: &str,
        attribute: Option<&str>,
        pattern: &ast::Pattern<&str>,
        given: &[&str],
        error: &FluentError,
    ) -> Problem {
        let chain = &self.data[index..];
        let shown = display_id(id, attribute);
        let reference = |element: &Element<'_>| resolve::reference_name(element);
        let same = |element: &Element<'_>, kind: &ReferenceKind| match (element, kind) {
            (Element::Variable(name), ReferenceKind::Variable { id }) => name == id,
            (Element::Function(name), ReferenceKind::Function { id }) => name == id,
            (Element::Message { id, attribute }, ReferenceKind::Message { id: want, attribute: want_attr })
            | (Element::Term { id, attribute }, ReferenceKind::Term { id: want, attribute: want_attr }) => {
                id == want && attribute.as_deref() == want_attr.as_deref()
            }
            _ => false,
        };
        let is_reference = |element: &Element<'_>| matches!(element, Element::Message { .. } | Element::Term { .. });
        let (found, kind) = match error {
            FluentError::ResolverError(ResolverError::Reference(kind)) => {
                let found = resolve::find(chain, pattern, |element, reached: Reached| {
                    same(element, kind) && !(reached.in_term && matches!(element, Element::Variable(_)))
                });
                let problem = match kind {
                    ReferenceKind::Variable { id: variable } => ProblemKind::UnknownVariable {
                        id: shown,
                        variable: variable.clone(),
                        given: given.iter().map(|s| (*s).to_owned()).collect(),
                    },
                    ReferenceKind::Function { id: function } => {
                        ProblemKind::UnknownFunction { id: shown, function: function.clone() }
                    }
                    _ => ProblemKind::UnknownReference {
                        id: shown,
                        reference: found.as_ref().map_or_else(|| error.to_string(), reference),
                    },
                };
                (found, problem)
            }
            FluentError::ResolverError(ResolverError::NoValue(target)) => {
                let found = resolve::find(
                    chain,
                    pattern,
                    |element, _| matches!(element, Element::Message { id, attribute: None } if id == target),
                );
                (found, ProblemKind::NoValue { id: shown, reference: target.clone() })
            }
            FluentError::ResolverError(ResolverError::Cyclic) => {
                let found = resolve::find(chain, pattern, |element, reached| reached.cycle && is_reference(element));
                let reference = found.as_ref().map_or_else(|| shown.clone(), reference);
                (found, ProblemKind::CyclicReference { id: shown, reference })
            }
            FluentError::ResolverError(ResolverError::TooManyPlaceables) => {
                let found = resolve::find(chain, pattern, |element, _| is_reference(element));
                (found, ProblemKind::TooManyPlaceables { id: shown })
            }
            other => (None, ProblemKind::Format { id: shown, message: other.to_string() }),
        };
        let pointed = found.and_then(|element| {
            let (slice, sigil) = element.anchor();
            chain.iter().find_map(|data| {
                data.point_at(slice, sigil, true).map(|(path, position)| (path, position, &data.locale))
            })
        });
        match pointed {
            Some((path, position, locale)) => Problem { path, position: Some(position), locale: locale.clone(), kind },
            None => {
                let (path, position) = self.data[index].place(id);
                Problem { path, position, locale: self.chain[index].clone(), kind }
            }
        }
    }
}

/// Markers standing for text arguments while a message is cut into segments: characters of the
/// Supplementary Private Use Area-A, which no translation or catalog text uses (and if one did,
/// the pieces would not add up and no segments would be given).
const MARKER_BASE: u32 = 0xF_0000;

fn marker(number: usize) -> char {
    u32::try_from(number).ok().and_then(|n| char::from_u32(MARKER_BASE + n.min(0xFFFD))).unwrap_or('\u{F0000}')
}

fn marker_number(c: char) -> Option<usize> {
    let n = u32::from(c).checked_sub(MARKER_BASE)?;
    (n <= 0xFFFD).then_some(n as usize)
}

/// Drops bidi control characters: they must never reach a page raw.
fn strip_bidi(text: Cow<'_, str>) -> Cow<'_, str> {
    // Every bidi control is encoded from a 0xE2 lead byte: a byte search (memchr) clears almost
    // every text without decoding it.
    if text.as_bytes().contains(&0xE2) && text.contains(walk::is_bidi_control) {
        Cow::Owned(text.chars().filter(|c| !walk::is_bidi_control(*c)).collect())
    } else {
        text
    }
}

fn display_id(id: &str, attribute: Option<&str>) -> String {
    match attribute {
        Some(name) => format!("{id}.{name}"),
        None => id.to_owned(),
    }
}

impl fmt::Debug for Localizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Localizer").field("locale", &self.locale).field("chain", &self.chain).finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_are_stripped() {
        assert_eq!(strip_bidi(Cow::Borrowed("a\u{202E}b\u{2066}c\u{2069}")), "abc");
        assert!(matches!(strip_bidi(Cow::Borrowed("plain")), Cow::Borrowed(_)));
        assert!(matches!(strip_bidi(Cow::Borrowed("“quoted” › next")), Cow::Borrowed(_)));
        // The byte search before the scan relies on this.
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|c| walk::is_bidi_control(*c)) {
            assert_eq!(c.encode_utf8(&mut [0; 4]).as_bytes()[0], 0xE2, "{c:?}");
        }
    }
}
