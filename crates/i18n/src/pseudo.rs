//! Pseudolocales: `en-XA` and `ar-XB`, made from the source messages, with no files on disk.
//!
//! A pseudolocale's bundle holds the source language's resources and transforms every text
//! element of a pattern as it is formatted (`FluentBundle::set_transform`), with fluent-pseudo's
//! alphabets. Placeables are not text elements: variables, numbers and the markup templates add
//! around the text are never touched, and escaping happens later, on the transformed text.
//!
//! - `en-XA` (accented): `Ŧħee ŧaaƀŀee…`, about 40% longer than English, so that hard-coded text
//!   (unaccented) and layouts that clip longer translations stand out.
//! - `ar-XB` (mirrored): `Ʇɥǝ ʇɐqʅǝ…`, and the page runs right to left (`dir="rtl"`: the tag's
//!   language is Arabic), so that a layout that breaks when mirrored stands out.
//!
//! Their text is theirs: a lookup says it came from the pseudolocale, not from English, so pages
//! never mark it as a fallback.

use std::borrow::Cow;

use unic_langid::LanguageIdentifier;

/// One of the pseudolocales.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pseudolocale {
    /// `en-XA`: accented and about 40% longer.
    Accented,
    /// `ar-XB`: flipped letters, right to left.
    Mirrored,
}

impl Pseudolocale {
    /// Every pseudolocale, in the order of their tags.
    pub const ALL: [Pseudolocale; 2] = [Pseudolocale::Mirrored, Pseudolocale::Accented];

    /// Its BCP 47 tag: the private-use regions `XA` and `XB`, as Android and Chrome name them.
    pub fn tag(self) -> &'static str {
        match self {
            Pseudolocale::Accented => "en-XA",
            Pseudolocale::Mirrored => "ar-XB",
        }
    }

    pub fn locale(self) -> LanguageIdentifier {
        self.tag().parse().unwrap_or_default()
    }

    /// The pseudolocale `locale` names, if any (`en-xa` is `en-XA`).
    pub fn of(locale: &LanguageIdentifier) -> Option<Pseudolocale> {
        Pseudolocale::ALL.into_iter().find(|pseudo| locale.to_string().eq_ignore_ascii_case(pseudo.tag()))
    }

    /// What the bundle applies to every text element.
    pub(crate) fn transform(self) -> fn(&str) -> Cow<'_, str> {
        match self {
            Pseudolocale::Accented => accented,
            Pseudolocale::Mirrored => mirrored,
        }
    }
}

/// fluent-pseudo's accented alphabet. Its own elongation doubles `a`, `e`, `o` and `u`: about a
/// quarter longer on Ladder's English. Doubling `i` and `y` too and tripling `e`, the commonest
/// letter, makes it about 40% longer, as German or Russian often are.
fn accented(text: &str) -> Cow<'_, str> {
    if !text.contains(|c: char| c.is_ascii_alphabetic()) {
        return Cow::Borrowed(text);
    }
    let mut stretched = String::with_capacity(text.len() * 3 / 2);
    for c in text.chars() {
        stretched.push(c);
        match c {
            'a' | 'i' | 'o' | 'u' | 'y' => stretched.push(c),
            'e' => stretched.push_str("ee"),
            _ => {}
        }
    }
    Cow::Owned(fluent_pseudo::transform(&stretched, false, false).into_owned())
}

/// fluent-pseudo's flipped alphabet, at the original length.
fn mirrored(text: &str) -> Cow<'_, str> {
    if !text.contains(|c: char| c.is_ascii_alphabetic()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(fluent_pseudo::transform(text, true, false).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accented_text_is_recognisable_and_longer() {
        assert_eq!(accented("Career path: "), "Ƈaařeeeeeeř ƥaaŧħ: ");
        assert_eq!(accented(", "), ", ");
        assert!(matches!(accented(" › "), Cow::Borrowed(_)));
    }

    #[test]
    fn mirrored_text_is_flipped() {
        assert_eq!(mirrored("Career path: "), "Ↄɐɹǝǝɹ dɐʇɥ: ");
        assert!(matches!(mirrored("17/3/2026"), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_parse_and_are_found_in_any_case() {
        for pseudo in Pseudolocale::ALL {
            assert_eq!(pseudo.locale().to_string(), pseudo.tag());
            assert_eq!(Pseudolocale::of(&pseudo.tag().to_lowercase().parse().unwrap_or_default()), Some(pseudo));
        }
        assert_eq!(Pseudolocale::of(&"en".parse().unwrap_or_default()), None);
        assert_eq!(Pseudolocale::Mirrored.locale().character_direction(), unic_langid::CharacterDirection::RTL);
    }
}
