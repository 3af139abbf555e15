//! Catalog ids: the one safe alphabet shared by file names, URLs and Fluent message ids.

use std::fmt;

/// A validated catalog id such as `serverless-functions`.
///
/// Ids are lowercase ASCII words of letters and digits joined by single hyphens, starting with a
/// letter. That alphabet is safe as a file name on every platform, as a URL path segment and as
/// part of a Fluent identifier; and because an id never holds `--`, a double hyphen can join ids
/// into message ids without ambiguity.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(Box<str>);

impl Id {
    /// Checks `text` against the id alphabet.
    pub fn new(text: &str) -> Result<Id, InvalidId> {
        match first_violation(text) {
            None => Ok(Id(text.into())),
            Some(reason) => Err(InvalidId { reason }),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why a string is not an [`Id`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidId {
    pub reason: &'static str,
}

fn first_violation(text: &str) -> Option<&'static str> {
    let Some(first) = text.chars().next() else {
        return Some("an id cannot be empty");
    };
    if !first.is_ascii_lowercase() {
        return Some("an id must start with a lowercase letter a-z");
    }
    if text.len() > 64 {
        return Some("an id must be at most 64 characters long");
    }
    if let Some(bad) = text.chars().find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')) {
        return Some(if bad.is_ascii_uppercase() {
            "an id must be lowercase"
        } else {
            "an id may only hold a-z, 0-9 and single hyphens"
        });
    }
    if text.contains("--") {
        return Some("an id cannot hold two hyphens in a row");
    }
    if text.ends_with('-') {
        return Some("an id cannot end with a hyphen");
    }
    None
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", &*self.0)
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Result<(), &str>) {
        let actual = Id::new(text).map(drop).map_err(|e| e.reason);
        assert_eq!(actual, expected, "{text:?}");
    }

    #[test]
    fn accepts_kebab_case_words() {
        check("serverless-functions", Ok(()));
        check("k8s", Ok(()));
        check("a", Ok(()));
        check("level-2-expert", Ok(()));
    }

    #[test]
    fn rejects_what_would_break_file_names_or_message_ids() {
        check("", Err("an id cannot be empty"));
        check("2fa", Err("an id must start with a lowercase letter a-z"));
        check("-x", Err("an id must start with a lowercase letter a-z"));
        check("Serverless", Err("an id must start with a lowercase letter a-z"));
        check("cloudEngineer", Err("an id must be lowercase"));
        check("a/b", Err("an id may only hold a-z, 0-9 and single hyphens"));
        check("a b", Err("an id may only hold a-z, 0-9 and single hyphens"));
        check("a_b", Err("an id may only hold a-z, 0-9 and single hyphens"));
        check("café", Err("an id may only hold a-z, 0-9 and single hyphens"));
        check("a--b", Err("an id cannot hold two hyphens in a row"));
        check("a-", Err("an id cannot end with a hyphen"));
        check(&"a".repeat(65), Err("an id must be at most 64 characters long"));
    }
}
