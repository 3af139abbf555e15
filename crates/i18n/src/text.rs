//! Where entries start in `.ftl` text.

use ladder_model::Position;

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
    fn finds_messages_and_terms_but_not_continuations_or_comments() {
        let text = "# c = no\nhello = Hi\n    .title = no\n-brand = Ladder\nmulti =\n    text\nbad id = no\n";
        let found: Vec<(&str, usize)> = entry_positions(text).map(|(id, p)| (id, p.line)).collect();
        assert_eq!(found, [("hello", 2), ("-brand", 4), ("multi", 5)]);
    }
}
