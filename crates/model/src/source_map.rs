//! Where each key and value of a YAML document stands, by path.
//!
//! serde_yaml forgets positions once it has built a value, and points errors raised while
//! deserializing at the enclosing mapping rather than at the offending entry. Checks that only
//! make sense after deserializing (unknown references, bad ids) look their place up here instead,
//! so every error can name `file:line:column`. The same walk catches duplicate keys, which YAML
//! parsers silently resolve by keeping the last one.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScanError, Span};

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

/// The YAML is not well formed; serde_yaml will say so too, and its message is the one shown.
#[derive(Debug)]
pub(crate) struct Malformed;

impl SourceMap {
    pub(crate) fn parse(text: &str) -> Result<SourceMap, Malformed> {
        let mut walker = Walker { parser: Parser::new_from_str(text), map: SourceMap::default() };
        walker.document().map_err(|_: ScanError| Malformed)?;
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
}

impl<'input> Walker<'input> {
    fn document(&mut self) -> Result<(), ScanError> {
        // Only the first document counts: serde_yaml rejects streams of several.
        while let Some(event) = self.parser.next_event() {
            let (event, span) = event?;
            match event {
                Event::StreamStart | Event::DocumentStart(_) => {}
                Event::StreamEnd | Event::DocumentEnd => return Ok(()),
                node => return self.node(&node, span, ""),
            }
        }
        Ok(())
    }

    fn next(&mut self) -> Result<(Event<'input>, Span), ScanError> {
        match self.parser.next_event() {
            Some(event) => event,
            None => Ok((Event::StreamEnd, Span::default())),
        }
    }

    fn node(&mut self, event: &Event<'input>, span: Span, path: &str) -> Result<(), ScanError> {
        // The first occurrence keeps its place; a duplicate's subtree only gets walked past.
        self.map.values.entry(path.to_owned()).or_insert(position(span));
        match event {
            Event::SequenceStart(..) => {
                for index in 0.. {
                    let (event, span) = self.next()?;
                    if matches!(event, Event::SequenceEnd | Event::StreamEnd) {
                        break;
                    }
                    self.node(&event, span, &format!("{path}[{index}]"))?;
                }
            }
            Event::MappingStart(..) => {
                let mut first_seen: HashMap<String, Position> = HashMap::new();
                loop {
                    let (key, key_span) = self.next()?;
                    let key_text = match &key {
                        Event::MappingEnd | Event::StreamEnd => break,
                        Event::Scalar(text, ..) => text.to_string(),
                        // Complex keys never occur in a catalog; serde_yaml rejects them.
                        _ => "?".to_owned(),
                    };
                    let key_position = position(key_span);
                    let child = if path.is_empty() { key_text.clone() } else { format!("{path}.{key_text}") };
                    match first_seen.get(&key_text) {
                        Some(&first) => {
                            self.map.duplicates.push(DuplicateKey { key: key_text, first, second: key_position })
                        }
                        None => {
                            first_seen.insert(key_text, key_position);
                            self.map.keys.insert(child.clone(), key_position);
                        }
                    }
                    let (value, value_span) = self.next()?;
                    self.node(&value, value_span, &child)?;
                }
            }
            _ => {}
        }
        Ok(())
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
        let map = SourceMap::parse("a:\n  x: 1\n  y: 2\n  x: 3\nb: 4\n").unwrap();
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
        assert!(SourceMap::parse("a: [1\n").is_err());
    }
}
