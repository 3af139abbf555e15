//! A linear look at a YAML file before any parser does: tabs in indentation, and flow nesting.
//!
//! Both parsers the loader uses have trouble with hostile nesting: serde_yaml's libyaml scanner
//! takes time quadratic in the depth of `[[[[…` (100,000 levels run for minutes), and saphyr-parser
//! buffers a whole flow collection before it says a word about it. So the text is first scanned
//! here, byte by byte, with no recursion and no allocation that grows with the input. The walk in
//! `source_map` then checks the exact depth of block and flow collections together, before
//! serde_yaml sees the text.
//!
//! The scan is a deliberately loose YAML lexer that can only overestimate how deep brackets nest.
//! Where it cannot tell without parsing whether a quote opens a quoted scalar or a `#` opens a
//! comment, it follows both readings at once and keeps, per lexer state, the deepest count: a few
//! counters instead of a parse. An opening bracket inside a string may count; a closing one only
//! counts where it cannot be inside a string or comment. Catalog files hold ids, dates and two
//! words, so the overestimate never matters for them. The position is that of the first bracket
//! past `max_depth` brackets: the walk in `source_map`, which also counts block collections, would
//! point a few brackets earlier, but it never gets to run on such text.

use crate::source::Position;

/// Why a file was refused before parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// A tab in the leading whitespace of a line with content.
    Tab(Position),
    /// Collections nested deeper than the limit; the position is where the limit is crossed.
    TooDeep(Position),
}

/// Checks `text` for tabs used as indentation and for flow collections (`[…]`, `{…}`) nested more
/// than `max_depth` deep, and returns the first problem in file order.
pub(crate) fn prescan(text: &str, max_depth: usize) -> Result<(), Refusal> {
    let tab = first_indenting_tab(text);
    let deep = first_too_deep_bracket(text, max_depth);
    match (tab, deep) {
        (None, None) => Ok(()),
        (Some(tab), Some(deep)) if deep < tab => Err(Refusal::TooDeep(Position::at(text, deep))),
        (Some(tab), _) => Err(Refusal::Tab(Position::at(text, tab))),
        (None, Some(deep)) => Err(Refusal::TooDeep(Position::at(text, deep))),
    }
}

/// The byte offset of the first tab in the indentation of a line that holds more than whitespace
/// and a comment.
fn first_indenting_tab(text: &str) -> Option<usize> {
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let rest = line[indent..].trim_end_matches(['\n', '\r']);
        if !rest.is_empty()
            && !rest.starts_with('#')
            && let Some(tab) = line[..indent].find('\t')
        {
            return Some(line_start + tab);
        }
        line_start += line.len();
    }
    None
}

/// Lexer states; each holds the deepest bracket count of any reading that is in that state.
#[derive(Default)]
struct States {
    code: Option<usize>,
    comment: Option<usize>,
    single: Option<usize>,
    /// Just read a `'` inside a single-quoted scalar: either its end, or the first of `''`.
    single_quote: Option<usize>,
    double: Option<usize>,
    /// Just read a `\` inside a double-quoted scalar.
    double_escape: Option<usize>,
}

fn merge(slot: &mut Option<usize>, depth: Option<usize>) {
    if let Some(depth) = depth {
        *slot = Some(slot.map_or(depth, |old| old.max(depth)));
    }
}

/// The byte offset of the first `[` or `{` that may open a flow collection more than `max_depth`
/// deep.
fn first_too_deep_bracket(text: &str, max_depth: usize) -> Option<usize> {
    let mut now = States { code: Some(0), ..States::default() };
    let mut previous = b'\n';
    // Every byte of interest is ASCII, and no byte of a multi-byte UTF-8 character is.
    for (offset, &byte) in text.as_bytes().iter().enumerate() {
        // A `'` just read in a single-quoted scalar ended it unless this byte is a second `'`.
        let mut code = now.code;
        let mut next = States::default();
        if byte == b'\'' {
            merge(&mut next.single, now.single_quote);
        } else {
            merge(&mut code, now.single_quote);
        }
        if let Some(depth) = code {
            let depth = match byte {
                b'[' | b'{' => depth + 1,
                b']' | b'}' => depth.saturating_sub(1),
                _ => depth,
            };
            if depth > max_depth {
                return Some(offset);
            }
            // Outside strings, `#` after whitespace always starts a comment (or is block-scalar text).
            let comment_for_sure = byte == b'#' && matches!(previous, b' ' | b'\t' | b'\n' | b'\r');
            if !comment_for_sure {
                merge(&mut next.code, Some(depth));
            }
            // A quote or a hash may or may not start a string or a comment: follow both readings.
            match byte {
                b'\'' => merge(&mut next.single, Some(depth)),
                b'"' => merge(&mut next.double, Some(depth)),
                b'#' => merge(&mut next.comment, Some(depth)),
                _ => {}
            }
        }
        match byte {
            b'\n' => merge(&mut next.code, now.comment),
            _ => merge(&mut next.comment, now.comment),
        }
        match byte {
            b'\'' => merge(&mut next.single_quote, now.single),
            _ => merge(&mut next.single, now.single),
        }
        match byte {
            b'"' => merge(&mut next.code, now.double),
            b'\\' => merge(&mut next.double_escape, now.double),
            _ => merge(&mut next.double, now.double),
        }
        merge(&mut next.double, now.double_escape);
        now = next;
        previous = byte;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Position {
        Position { line, column }
    }

    #[test]
    fn catalog_files_pass() {
        let text = "# roles [[[[\nroles: [a, b]\nreq:\n  a: {x: \"it's]\", y: 'a''b]'}\n  b:\n    - c # ]]]\n";
        assert_eq!(prescan(text, 3), Ok(()));
    }

    #[test]
    fn deep_brackets_are_refused_where_the_limit_is_crossed() {
        assert_eq!(prescan(&"[".repeat(100_000), 32), Err(Refusal::TooDeep(at(1, 33))));
        assert_eq!(prescan(&"{a: ".repeat(100_000), 32), Err(Refusal::TooDeep(at(1, 129))));
        assert_eq!(prescan("a: [[[]]]\nb: [[[[]]]]\n", 3), Err(Refusal::TooDeep(at(2, 7))));
    }

    #[test]
    fn closing_brackets_in_strings_and_comments_do_not_hide_opening_ones() {
        // Whichever reading is right, the nesting is at least as deep as counted.
        assert_eq!(prescan("[[ \"]]\" [[", 3), Err(Refusal::TooDeep(at(1, 10))));
        assert_eq!(prescan("[[ ']]' [[", 3), Err(Refusal::TooDeep(at(1, 10))));
        assert_eq!(prescan("[[ # ]]\n [[", 3), Err(Refusal::TooDeep(at(2, 3))));
        assert_eq!(prescan("[a'b, ']]', [[", 2), Err(Refusal::TooDeep(at(1, 14))));
        assert_eq!(prescan("[[ 'it''s ]]' [[", 3), Err(Refusal::TooDeep(at(1, 16))));
        assert_eq!(prescan("[[ \"\\\"]]\" [[", 3), Err(Refusal::TooDeep(at(1, 12))));
    }

    #[test]
    fn tabs_in_indentation_are_refused_at_the_tab() {
        assert_eq!(prescan("a:\n  \tb: c\n", 32), Err(Refusal::Tab(at(2, 3))));
        assert_eq!(prescan("a:\tb\n\t# comment\n \t\n", 32), Ok(()));
        assert_eq!(prescan("a:\n\t[[[[\n", 2), Err(Refusal::Tab(at(2, 1))));
        assert_eq!(prescan("[[[[\n\ta\n", 2), Err(Refusal::TooDeep(at(1, 3))));
    }
}
