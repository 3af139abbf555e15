//! What a locale's files held, kept by a render for the next one to find what an edit changed.
//!
//! A render that can tell which messages changed since the previous one renders only the pages
//! that look them up (`xtask`'s lookup index). The previous sources are gone by then, so each
//! render keeps a [`LocaleSnapshot`] per locale: a digest of every entry's text (the same digests
//! [`crate::Localizer::fingerprint`] hashes), of the whole locale, and of its lock.
//!
//! Keys are kept as [`key_hash`]es, as pages record them: two keys sharing a hash can only make
//! an edit of one look like an edit of both, never hide one.

use unic_langid::LanguageIdentifier;

use crate::locales::{LocaleData, Locales};

/// A locale's entries as digests, sorted by [`key_hash`] of their key (`id` for messages,
/// `-id` for terms), then digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleSnapshot {
    pub locale: LanguageIdentifier,
    /// The lock file (`l10n.lock`): which translations are stale depends on it.
    pub lock: [u8; 16],
    /// Every file of the locale: what an entry that refers to others can depend on.
    pub whole: [u8; 16],
    pub entries: Vec<(u64, [u8; 16])>,
}

/// A message id or entry key as a number: stable across runs, platforms and versions (64-bit
/// FNV-1a), cheap enough to take for every lookup of every page.
pub fn key_hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

impl LocaleSnapshot {
    /// Hashes of the keys whose text changed since `before`, appeared or went, sorted: those of
    /// entries in one snapshot and not the other.
    pub fn changed_since(&self, before: &LocaleSnapshot) -> Vec<u64> {
        let (mut now, mut then) = (self.entries.iter().peekable(), before.entries.iter().peekable());
        let mut changed = Vec::new();
        loop {
            let unmatched = match (now.peek(), then.peek()) {
                (None, None) => break,
                (Some(_), None) => now.next(),
                (None, Some(_)) => then.next(),
                (Some(entry), Some(old)) => match entry.cmp(old) {
                    std::cmp::Ordering::Less => now.next(),
                    std::cmp::Ordering::Greater => then.next(),
                    std::cmp::Ordering::Equal => {
                        now.next();
                        then.next();
                        continue;
                    }
                },
            };
            if let Some(&(hash, _)) = unmatched
                && changed.last() != Some(&hash)
            {
                changed.push(hash);
            }
        }
        changed
    }
}

impl LocaleData {
    fn snapshot(&self) -> LocaleSnapshot {
        let digests = self.digests();
        let mut entries: Vec<(u64, [u8; 16])> = self
            .entries
            .iter()
            .filter_map(|(key, &(file, entry))| Some((key_hash(key), digests.entries.get(file)?.get(entry)?.digest)))
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

    fn snapshot(entries: &[(u64, u8)]) -> LocaleSnapshot {
        LocaleSnapshot {
            locale: LanguageIdentifier::default(),
            lock: [0; 16],
            whole: [0; 16],
            entries: entries.iter().map(|&(key, digest)| (key, [digest; 16])).collect(),
        }
    }

    #[test]
    fn changed_keys_are_the_edited_the_added_and_the_removed() {
        let before = snapshot(&[(1, 1), (2, 1), (3, 1), (5, 1)]);
        let now = snapshot(&[(1, 1), (2, 2), (4, 1), (5, 1), (6, 1)]);
        assert_eq!(now.changed_since(&before), [2, 3, 4, 6]);
        assert_eq!(before.changed_since(&before), Vec::<u64>::new());
        assert_eq!(now.changed_since(&snapshot(&[])), [1, 2, 4, 5, 6]);
        // Two keys sharing a hash: an edit of either shows.
        let shared = snapshot(&[(7, 1), (7, 2)]);
        assert_eq!(snapshot(&[(7, 1), (7, 3)]).changed_since(&shared), [7]);
        assert_eq!(shared.changed_since(&shared), Vec::<u64>::new());
    }

    #[test]
    fn key_hashes_are_fnv_1a() {
        // The published test vectors: the hash is part of a file format.
        assert_eq!(key_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(key_hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(key_hash("foobar"), 0x8594_4171_f739_67e8);
    }
}
