//! What a locale's files held, kept by a render for the next one to find what an edit changed.
//!
//! A render that can tell which messages changed since the previous one renders only the pages
//! that look them up (`xtask`'s lookup index). The previous sources are gone by then, so each
//! render keeps a [`LocaleSnapshot`] per locale: a digest of every entry's text (the same digests
//! [`crate::Localizer::fingerprint`] hashes), of the whole locale, and of its lock.

use unic_langid::LanguageIdentifier;

use crate::locales::{LocaleData, Locales};

/// A locale's entries as digests, sorted by key (`id` for messages, `-id` for terms).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleSnapshot {
    pub locale: LanguageIdentifier,
    /// The lock file (`l10n.lock`): which translations are stale depends on it.
    pub lock: [u8; 16],
    /// Every file of the locale: what an entry that refers to others can depend on.
    pub whole: [u8; 16],
    pub entries: Vec<(String, [u8; 16])>,
}

impl LocaleSnapshot {
    /// Keys whose text changed since `before`, appeared or went, sorted.
    pub fn changed_since<'a>(&'a self, before: &'a LocaleSnapshot) -> Vec<&'a str> {
        let (mut now, mut then) = (self.entries.iter().peekable(), before.entries.iter().peekable());
        let mut changed = Vec::new();
        loop {
            match (now.peek(), then.peek()) {
                (None, None) => return changed,
                (Some((key, _)), None) => {
                    changed.push(key.as_str());
                    now.next();
                }
                (None, Some((key, _))) => {
                    changed.push(key.as_str());
                    then.next();
                }
                (Some((key, digest)), Some((old_key, old_digest))) => match key.cmp(old_key) {
                    std::cmp::Ordering::Less => {
                        changed.push(key.as_str());
                        now.next();
                    }
                    std::cmp::Ordering::Greater => {
                        changed.push(old_key.as_str());
                        then.next();
                    }
                    std::cmp::Ordering::Equal => {
                        if digest != old_digest {
                            changed.push(key.as_str());
                        }
                        now.next();
                        then.next();
                    }
                },
            }
        }
    }
}

impl LocaleData {
    fn snapshot(&self) -> LocaleSnapshot {
        let digests = self.digests();
        let mut entries: Vec<(String, [u8; 16])> = self
            .entries
            .iter()
            .filter_map(|(key, &(file, entry))| Some((key.clone(), digests.entries.get(file)?.get(entry)?.digest)))
            .collect();
        entries.sort_unstable();
        let lock = blake3::hash(format!("{:?}", self.lock).as_bytes());
        let mut lock_digest = [0; 16];
        lock_digest.copy_from_slice(&lock.as_bytes()[..16]);
        LocaleSnapshot { locale: self.locale.clone(), lock: lock_digest, whole: digests.whole, entries }
    }
}

impl Locales {
    /// The snapshot of `locale`'s files as loaded; `None` if no directory holds it.
    pub fn snapshot(&self, locale: &LanguageIdentifier) -> Option<LocaleSnapshot> {
        self.locales.iter().find(|data| &data.locale == locale).map(|data| data.snapshot())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot(entries: &[(&str, u8)]) -> LocaleSnapshot {
        LocaleSnapshot {
            locale: LanguageIdentifier::default(),
            lock: [0; 16],
            whole: [0; 16],
            entries: entries.iter().map(|&(key, digest)| (key.to_owned(), [digest; 16])).collect(),
        }
    }

    #[test]
    fn changed_keys_are_the_edited_the_added_and_the_removed() {
        let before = snapshot(&[("a", 1), ("b", 1), ("c", 1), ("e", 1)]);
        let now = snapshot(&[("a", 1), ("b", 2), ("d", 1), ("e", 1), ("f", 1)]);
        assert_eq!(now.changed_since(&before), ["b", "c", "d", "f"]);
        assert_eq!(before.changed_since(&before), Vec::<&str>::new());
        assert_eq!(now.changed_since(&snapshot(&[])), ["a", "b", "d", "e", "f"]);
    }
}
