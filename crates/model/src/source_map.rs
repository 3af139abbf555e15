//! Where each key and value of a YAML document stands, by path.
//!
//! serde_yaml forgets positions once it has built a value, and points errors raised while
//! deserializing at the enclosing mapping rather than at the offending entry. Checks that only
//! make sense after deserializing (unknown references, bad ids) look their place up here instead,
//! so every error can name `file:line:column`. The same walk catches duplicate keys, which YAML
//! parsers silently resolve by keeping the last one.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, Span};

use crate::source::Position;

/// Positions of a document's keys and values, addressed by paths like `requirements.cloud-engineer`
/// or `levels[2]`, the form serde_yaml uses in its own messages.
#[derive(Debug, Default)]
pub(crate) struct SourceMap {
    keys: HashMap<String, Position>,
    values: HashMap<String, Position>,
    duplicates: Vec<DuplicateKey>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DuplicateKey {
    pub(crate) key: String,
    pub(crate) first: Position,
    pub(crate) second: Position,
}

/// Why a document has no map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unmapped {
    /// The YAML is not well formed; serde_yaml will say so too, and its message is the one shown.
    Malformed,
    /// Collections nest deeper than the limit; the position is the start of the first collection
    /// past it. The walk stops there, so nothing deeper is ever parsed.
    TooDeep(Position),
}

impl SourceMap {
    /// Walks the first document of `text`, refusing collections nested more than `max_depth` deep.
    ///
    /// The walk keeps its own stack instead of recursing, so no input can overflow the call stack.
    pub(crate) fn parse(text: &str, max_depth: usize) -> Result<SourceMap, Unmapped> {
        let mut walker = Walker { parser: Parser::new_from_str(text), map: SourceMap::default(), max_depth };
        walker.document()?;
        Ok(walker.map)
    }

    /// Where the key at `path` starts; for a sequence element, where the element starts.
    pub(crate) fn key(&self, path: &str) -> Option<Position> {
        self.keys.get(path).or_else(|| self.values.get(path)).copied()
    }

    /// Where the value at `path` starts.
    pub(crate) fn value(&self, path: &str) -> Option<Position> {
        self.values.get(path).copied()
    }

    pub(crate) fn duplicates(&self) -> &[DuplicateKey] {
        &self.duplicates
    }
}

struct Walker<'input> {
    parser: Parser<'input, saphyr_parser::StrInput<'input>>,
    map: SourceMap,
    max_depth: usize,
}

/// A collection being walked.
enum Open {
    Sequence {
        path: String,
        next_index: usize,
    },
    Mapping {
        path: String,
        first_seen: HashMap<String, Position>,
        /// Set between a key and its value: the value's path.
        value_path: Option<String>,
    },
}

impl<'input> Walker<'input> {
    fn document(&mut self) -> Result<(), Unmapped> {
        // Only the first document counts: serde_yaml rejects streams of several.
        loop {
            let (event, span) = self.next()?;
            match event {
                Event::StreamStart | Event::DocumentStart(_) => {}
                Event::StreamEnd | Event::DocumentEnd => return Ok(()),
                node => return self.node(node, span),
            }
        }
    }

    fn next(&mut self) -> Result<(Event<'input>, Span), Unmapped> {
        match self.parser.next_event() {
            Some(Ok(event)) => Ok(event),
            Some(Err(_)) => Err(Unmapped::Malformed),
            None => Ok((Event::StreamEnd, Span::default())),
        }
    }

    /// Walks the node that starts with `event` and everything inside it.
    fn node(&mut self, event: Event<'input>, span: Span) -> Result<(), Unmapped> {
        let mut stack: Vec<Open> = Vec::new();
        let (mut event, mut span, mut path) = (event, span, String::new());
        loop {
            // The first occurrence keeps its place; a duplicate's subtree only gets walked past.
            self.map.values.entry(path.clone()).or_insert(position(span));
            match event {
                Event::SequenceStart(..) | Event::MappingStart(..) => {
                    if stack.len() >= self.max_depth {
                        return Err(Unmapped::TooDeep(position(span)));
                    }
                    stack.push(match event {
                        Event::SequenceStart(..) => Open::Sequence { path, next_index: 0 },
                        _ => Open::Mapping { path, first_seen: HashMap::new(), value_path: None },
                    });
                }
                // A scalar or an alias: nothing inside it.
                _ => {}
            }
            // Find the next node: close finished collections, note keys, until one starts.
            loop {
                let Some(open) = stack.last_mut() else {
                    return Ok(());
                };
                let (next_event, next_span) = self.next()?;
                match (open, next_event) {
                    (_, Event::StreamEnd) => return Ok(()),
                    (Open::Sequence { .. }, Event::SequenceEnd) | (Open::Mapping { .. }, Event::MappingEnd) => {
                        stack.pop();
                    }
                    (Open::Sequence { path: parent, next_index }, next_event) => {
                        path = format!("{parent}[{next_index}]");
                        *next_index += 1;
                        (event, span) = (next_event, next_span);
                        break;
                    }
                    (Open::Mapping { path: parent, value_path, .. }, next_event) if value_path.is_some() => {
                        path = value_path.take().unwrap_or_else(|| parent.clone());
                        (event, span) = (next_event, next_span);
                        break;
                    }
                    (Open::Mapping { path: parent, first_seen, value_path }, key) => {
                        let key_position = position(next_span);
                        let key_text = match &key {
                            Event::Scalar(text, ..) => text.to_string(),
                            // Complex keys never occur in a catalog; serde_yaml rejects them.
                            _ => "?".to_owned(),
                        };
                        let child = if parent.is_empty() { key_text.clone() } else { format!("{parent}.{key_text}") };
                        match first_seen.get(&key_text) {
                            Some(&first) => {
                                self.map.duplicates.push(DuplicateKey { key: key_text, first, second: key_position })
                            }
                            None => {
                                first_seen.insert(key_text, key_position);
                                self.map.keys.insert(child.clone(), key_position);
                            }
                        }
                        *value_path = Some(child.clone());
                        if matches!(key, Event::SequenceStart(..) | Event::MappingStart(..)) {
                            // Walk past a complex key like any node, under a path no lookup uses.
                            path = format!("{child}?");
                            (event, span) = (key, next_span);
                            break;
                        }
                    }
                }
            }
        }
    }
}

fn position(span: Span) -> Position {
    Position { line: span.start.line(), column: span.start.col() + 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Option<Position> {
        Some(Position { line, column })
    }

    #[test]
    fn finds_nested_keys_values_and_sequence_items() {
        let map = SourceMap::parse(
            "group: serverless\nrequirements:\n  cloud-engineer:\n    junior: mandatory\nlevels: [junior, middle]\n",
            32,
        )
        .unwrap();
        assert_eq!(map.key("group"), at(1, 1));
        assert_eq!(map.value("group"), at(1, 8));
        assert_eq!(map.key("requirements.cloud-engineer"), at(3, 3));
        assert_eq!(map.key("requirements.cloud-engineer.junior"), at(4, 5));
        assert_eq!(map.value("requirements.cloud-engineer.junior"), at(4, 13));
        assert_eq!(map.value("levels[1]"), at(5, 18));
        assert_eq!(map.key("levels[1]"), at(5, 18));
        assert_eq!(map.value("nowhere"), None);
        assert!(map.duplicates().is_empty());
    }

    #[test]
    fn reports_duplicate_keys_at_the_second_occurrence() {
        let map = SourceMap::parse("a:\n  x: 1\n  y: 2\n  x: 3\nb: 4\n", 32).unwrap();
        assert_eq!(
            map.duplicates(),
            &[DuplicateKey {
                key: "x".to_owned(),
                first: Position { line: 2, column: 3 },
                second: Position { line: 4, column: 3 },
            }]
        );
        assert_eq!(map.value("a.x"), at(2, 6), "the first occurrence keeps its place");
        assert_eq!(map.key("b"), at(5, 1));
    }

    #[test]
    fn rejects_malformed_yaml() {
        assert_eq!(SourceMap::parse("a: [1\n", 32).unwrap_err(), Unmapped::Malformed);
    }

    #[test]
    fn stops_at_the_first_collection_past_the_depth_limit() {
        let deep = "- ".repeat(100_000);
        assert_eq!(SourceMap::parse(&deep, 32).unwrap_err(), Unmapped::TooDeep(Position { line: 1, column: 65 }));
        let text = "a:\n  b:\n    - c: [d]\n";
        assert_eq!(SourceMap::parse(text, 4).unwrap_err(), Unmapped::TooDeep(Position { line: 3, column: 10 }));
        let map = SourceMap::parse(text, 5).unwrap();
        assert_eq!(map.value("a.b[0].c[0]"), at(3, 11));
    }

    #[test]
    fn walks_past_complex_keys() {
        let map = SourceMap::parse("? [a, b]\n: c\nd: e\n", 32).unwrap();
        assert_eq!(map.value("d"), at(3, 4));
    }
}
