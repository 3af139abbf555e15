//! Positions in `.ftl` text: byte offsets to line and column, and where entries start.

use ladder_model::Position;

/// The line and column (both from 1, columns in characters) of a byte offset.
pub(crate) fn position_at(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position { line: before.matches('\n').count() + 1, column: before[line_start..].chars().count() + 1 }
}

/// Every message and term definition (`id =` or `-term =` at the start of a line) with its place.
///
/// fluent-syntax's AST carries no spans; Fluent's grammar makes an entry start at column 1 with its
/// identifier, so scanning lines finds exactly the entries the parser found.
pub(crate) fn entry_positions(text: &str) -> impl Iterator<Item = (&str, Position)> {
    text.lines().enumerate().filter_map(|(index, line)| {
        let name = entry_name(line)?;
        let rest = line[name.len()..].trim_start_matches([' ', '\t']);
        rest.starts_with('=').then_some((name, Position { line: index + 1, column: 1 }))
    })
}

/// The identifier a line starts with: `[a-zA-Z][a-zA-Z0-9_-]*`, after a `-` for a term.
fn entry_name(line: &str) -> Option<&str> {
    let sigil = usize::from(line.starts_with('-'));
    let body = &line[sigil..];
    if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let len = body.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-')).unwrap_or(body.len());
    Some(&line[..sigil + len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters_from_one() {
        let text = "a = 1\nñb = 2\n";
        assert_eq!(position_at(text, 0), Position { line: 1, column: 1 });
        assert_eq!(position_at(text, 6), Position { line: 2, column: 1 });
        assert_eq!(position_at(text, 8), Position { line: 2, column: 2 }, "ñ is one column, two bytes");
        assert_eq!(position_at(text, 99), Position { line: 3, column: 1 });
    }

    #[test]
    fn finds_messages_and_terms_but_not_continuations_or_comments() {
        let text = "# c = no\nhello = Hi\n    .title = no\n-brand = Ladder\nmulti =\n    text\nbad id = no\n";
        let found: Vec<(&str, usize)> = entry_positions(text).map(|(id, p)| (id, p.line)).collect();
        assert_eq!(found, [("hello", 2), ("-brand", 4), ("multi", 5)]);
    }
}
