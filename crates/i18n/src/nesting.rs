//! A linear pre-scan that refuses placeables nested too deep, before fluent-syntax sees the text.
//!
//! fluent-syntax's parser recurses once per nested placeable (`{ { {`), select expression and call
//! (`F(F(F(`), so a file of 100,000 `{` would overflow the stack. The scan follows just enough
//! of Fluent's grammar to count what the parser would nest: string literals (`{ "{" }`) and
//! text in select variants (`[one] a "quote`) do not open anything.

/// How deep placeables and call parentheses may nest, together: `{ $a -> *[x] { F($b) } }` is 3.
/// Real translations need 2 or 3.
pub const MAX_PLACEABLE_DEPTH: usize = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    /// Inside `{`, before `->`: identifiers, literals, calls.
    Expression,
    /// After `->`: variant keys and their text, up to the closing `}`.
    Variants,
    /// Inside `(` of a call.
    Call,
}

/// The byte offset of the `{` or `(` that first nests deeper than `limit`, if any.
///
/// A line that starts an entry (`id =`, `-term =`) or a comment (`#`) at column 1 cannot continue
/// a placeable: the parser either starts a new entry there or fails and resumes there, so the
/// scan starts afresh, and an unclosed `{` in a broken entry does not count against the next.
pub(crate) fn too_deep(text: &str, limit: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut stack: Vec<Level> = Vec::new();
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        let at_line_start = i == 0 || bytes[i - 1] == b'\n';
        if at_line_start {
            in_string = false;
            if bytes[i] == b'#' {
                stack.clear();
                i = next_line(bytes, i);
                continue;
            }
            if starts_entry(&bytes[i..]) {
                stack.clear();
            }
        }
        let byte = bytes[i];
        if in_string {
            match byte {
                b'\\' if bytes.get(i + 1).is_some_and(|&b| b != b'\n') => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        let level = stack.last().copied();
        match byte {
            b'{' => {
                stack.push(Level::Expression);
                if stack.len() > limit {
                    return Some(i);
                }
            }
            b'(' if matches!(level, Some(Level::Expression | Level::Call)) => {
                stack.push(Level::Call);
                if stack.len() > limit {
                    return Some(i);
                }
            }
            b')' if level == Some(Level::Call) => {
                stack.pop();
            }
            b'}' if matches!(level, Some(Level::Expression | Level::Variants)) => {
                stack.pop();
            }
            b'"' if matches!(level, Some(Level::Expression | Level::Call)) => in_string = true,
            b'-' if level == Some(Level::Expression) && bytes.get(i + 1) == Some(&b'>') => {
                if let Some(last) = stack.last_mut() {
                    *last = Level::Variants;
                }
                i += 1;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn next_line(bytes: &[u8], from: usize) -> usize {
    bytes[from..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |n| from + n + 1)
}

/// `id =` or `-term =`: an identifier, optional blanks, `=`.
fn starts_entry(line: &[u8]) -> bool {
    let body = line.strip_prefix(b"-").unwrap_or(line);
    if !body.first().is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    let name = body.iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_' || **b == b'-').count();
    let rest = &body[name..];
    let blanks = rest.iter().take_while(|b| **b == b' ' || **b == b'\t').count();
    rest.get(blanks) == Some(&b'=')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_placeables_and_calls_but_not_strings_or_variant_text() {
        assert_eq!(too_deep("a = { { { $x } } }\n", 3), None);
        assert_eq!(too_deep("a = { { { { $x } } } }\n", 3), Some(10));
        assert_eq!(too_deep("a = { F(G(H($x))) }\n", 3), Some(11));
        assert_eq!(too_deep("a = { \"{{{{\" }\n", 2), None);
        assert_eq!(too_deep("a = { $n ->\n   *[x] say \"{ $n }\n  }\n", 2), None);
        assert_eq!(too_deep("a = { $n ->\n   *[x] { { $n } }\n  }\n", 2), Some(22));
    }

    #[test]
    fn an_entry_or_comment_at_column_one_starts_afresh() {
        let broken = "a = {\n".repeat(40);
        assert_eq!(too_deep(&broken, 16), None);
        assert_eq!(too_deep("# {{{{{{\nb = { }\n", 2), None);
        let nested = format!("a = {}", "{\nx -> *[a] ".repeat(40));
        assert!(too_deep(&nested, 16).is_some(), "an identifier at column 1 may continue a placeable");
    }

    #[test]
    fn a_hundred_thousand_braces_are_refused_quickly() {
        let text = format!("a = {}", "{".repeat(100_000));
        assert_eq!(too_deep(&text, MAX_PLACEABLE_DEPTH), Some(4 + MAX_PLACEABLE_DEPTH));
    }
}
