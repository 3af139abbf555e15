//! Escaping text for the two output languages, and heading anchors.
//!
//! Every value a template prints goes through one of these (see `templates`), so catalog and
//! translation text can never break a table, open a tag or start a list.

use std::borrow::Cow;

/// Escapes text for HTML element content and quoted attribute values.
///
/// minijinja's own HTML escaping also escapes `/`, which would turn every `href` into
/// `..&#x2f;roles&#x2f;…`; quoted attributes need only these five.
pub(crate) fn html(text: &str) -> Cow<'_, str> {
    // Every character escaped is ASCII, so bytes are scanned, and runs between them copied whole.
    let entity = |byte: u8| match byte {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#39;"),
        _ => None,
    };
    let Some(first) = text.bytes().position(|byte| entity(byte).is_some()) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    let mut copied = 0;
    for (at, byte) in text.bytes().enumerate().skip(first) {
        if let Some(entity) = entity(byte) {
            out.push_str(&text[copied..at]);
            out.push_str(entity);
            copied = at + 1;
        }
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Escapes text for GitHub-flavoured Markdown, inline or in a table cell.
///
/// Inline syntax characters get a backslash, `|` included so that no cell splits; a newline
/// becomes `<br>`, the one line break a table cell can hold; a value that would start a heading,
/// list or quote at the beginning of a line gets its first character escaped; and `&` is escaped
/// only where it would start an entity, so "Cloud & Infrastructure" stays as written. GitHub also
/// links bare URLs, `www.` addresses and e-mail addresses (its autolink extension), so the `:` of
/// `scheme://`, the `.` of `www.` and the `@` of an address get a backslash too: the text shows
/// as written and links nowhere.
pub(crate) fn markdown(text: &str) -> Cow<'_, str> {
    // One pass over the bytes (every character that matters is ASCII): most text needs nothing.
    let needs_escaping = starts_block(text)
        || text.bytes().enumerate().any(|(at, byte)| match byte {
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'|' | b'~' | b'\n' | b'\r' | b'&' | b'@' => true,
            b':' => text[at + 1..].starts_with("//"),
            b'w' | b'W' => starts_www(text, at),
            _ => false,
        });
    if !needs_escaping {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    if starts_block(text) {
        let digits = text.chars().take_while(char::is_ascii_digit).count();
        out.push_str(&text[..digits]);
        out.push('\\');
        let rest = &text[digits..];
        let first = rest.chars().next().map_or(0, char::len_utf8);
        out.push_str(&rest[..first]);
        escape_inline(&rest[first..], &mut out);
    } else {
        escape_inline(text, &mut out);
    }
    Cow::Owned(out)
}

/// `www.` at `i`, not inside a word: what GitHub's autolink extension would link.
fn starts_www(text: &str, i: usize) -> bool {
    text.get(i..i + 4).is_some_and(|head| head.eq_ignore_ascii_case("www."))
        && !text[..i].chars().next_back().is_some_and(char::is_alphanumeric)
}

fn escape_inline(text: &str, out: &mut String) {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            ':' if text[i + 1..].starts_with("//") => out.push_str("\\:"),
            '@' => out.push_str("\\@"),
            'w' | 'W' if starts_www(text, i) => {
                out.push_str(&text[i..i + 3]);
                out.push_str("\\.");
                for _ in 0..3 {
                    chars.next();
                }
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\r' if matches!(chars.peek(), Some((_, '\n'))) => {}
            '\n' | '\r' => out.push_str("<br>"),
            '&' if starts_entity(&text[i + 1..]) => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
}

/// Would this text, at the start of a line, open a heading, list, quote, rule or setext line?
fn starts_block(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let after_digits = &text[digits..];
    if digits > 0 {
        return after_digits.starts_with(['.', ')']);
    }
    text.starts_with(['#', '-', '+', '=', '>'])
}

/// `&amp;`, `&#123;`, `&copy;`: an entity name or number closed by `;`.
fn starts_entity(rest: &str) -> bool {
    let name_len = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '#').count();
    name_len > 0 && rest[name_len..].starts_with(';')
}

/// The anchor GitHub gives a Markdown heading: lowercase, punctuation dropped, spaces as hyphens.
pub(crate) fn heading_anchor(heading: &str) -> String {
    heading
        .trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes_but_not_slashes() {
        assert_eq!(html("Cloud & Infrastructure"), "Cloud &amp; Infrastructure");
        assert_eq!(html(r#"<b title="x">it's</b>"#), "&lt;b title=&quot;x&quot;&gt;it&#39;s&lt;/b&gt;");
        assert_eq!(html("../roles/cloud-engineer.html"), "../roles/cloud-engineer.html");
        assert!(matches!(html("plain"), Cow::Borrowed(_)));
    }

    fn check_markdown(text: &str, expected: &str) {
        assert_eq!(markdown(text), expected, "{text:?}");
    }

    #[test]
    fn markdown_keeps_plain_prose_as_written() {
        check_markdown("Cloud & Infrastructure", "Cloud & Infrastructure");
        check_markdown(
            "Designs patterns — fan-out/fan-in, saga. Configures triggers (API Gateway, X-Ray).",
            "Designs patterns — fan-out/fan-in, saga. Configures triggers (API Gateway, X-Ray).",
        );
        assert!(matches!(markdown("Serverless Functions"), Cow::Borrowed(_)));
    }

    #[test]
    fn markdown_escapes_what_would_break_a_table_or_become_markup() {
        check_markdown("a | b", r"a \| b");
        check_markdown("line one\nline two", "line one<br>line two");
        check_markdown("windows\r\nline", "windows<br>line");
        check_markdown("*bold* _it_ `code` [link](x) <b> ~s~", r"\*bold\* \_it\_ \`code\` \[link\](x) \<b\> \~s\~");
        check_markdown(r"back\slash", r"back\\slash");
        check_markdown("&copy; & &#169;", "&amp;copy; & &amp;#169;");
    }

    #[test]
    fn markdown_text_never_becomes_a_link() {
        check_markdown(r"\[a](http://x)", r"\\\[a\](http\://x)");
        check_markdown("see https://example.org/a", r"see https\://example.org/a");
        check_markdown("go to www.example.org or WWW.x.y", r"go to www\.example.org or WWW\.x.y");
        check_markdown("mail ops@example.org", r"mail ops\@example.org");
        check_markdown("awww.x and a: b", "awww.x and a: b");
    }

    #[test]
    fn markdown_escapes_block_openers_at_the_start_only() {
        check_markdown("# not a heading", r"\# not a heading");
        check_markdown("- not a list - item", r"\- not a list - item");
        check_markdown("> not a quote", r"\> not a quote");
        check_markdown("2026. A year", r"2026\. A year");
        check_markdown("3) third", r"3\) third");
        check_markdown("C# and 2 + 2", "C# and 2 + 2");
    }

    #[test]
    fn anchors_follow_github() {
        assert_eq!(heading_anchor("Junior"), "junior");
        assert_eq!(heading_anchor("Cloud & Infrastructure"), "cloud--infrastructure");
        assert_eq!(heading_anchor("Técnico Líder"), "técnico-líder");
    }
}
