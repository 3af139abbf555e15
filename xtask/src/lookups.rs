//! The lookup index: what every page of an output looked up, kept beside its manifest, so that
//! the next render finds the pages an edit can have changed without walking every page's view.
//!
//! A page's bytes are a function of its key ([`Renderer::page_key`]: templates, locales, the
//! catalog structure it shows, and the program) and of the messages it looks up. The index
//! records, per page, its key, the ids it looked up and the formats whose files are current,
//! and per locale a [`LocaleSnapshot`] of its files (a render of one format leaves the other's
//! files as they were, perhaps out of date: they are not current then). The next render snapshots the locales again; a page whose key is the same and none
//! of whose ids changed in a locale of its chain (nor any entry, if one of them refers to others)
//! is carried over as it is ([`crate::publish::Publisher::reuse_all`] still checks its files are
//! as written). Every other page takes the usual way: fingerprinted, then rendered if that
//! changed.
//!
//! Ids are kept as hashes ([`ladder_i18n::key_hash`], pages' folded to 32 bits): a hash two ids
//! share can only make a page look changed when it is not, which costs a fingerprint, never a
//! stale page. The file is a cache: a render that cannot read it (missing, damaged, another
//! version, not written with the manifest beside it) fingerprints every page, as without it.
//!
//! Format (integers little-endian, `n` a LEB128 varint):
//!
//! ```text
//! "ladder-lookups 3\n"
//! n locales, each: n length, tag; 16 B lock; 16 B whole; n entries, each: 8 B key hash, 16 B digest
//! n pages, each: n length, name; 32 B key; 1 B whole chain; 1 B formats (1 Markdown, 2 HTML);
//!   n ids, each: n gap to the previous
//! 32 B BLAKE3 of everything before
//! ```
//!
//! [`Renderer::page_key`]: ladder_renderer::Renderer::page_key

use std::collections::{HashMap, HashSet};

use ladder_i18n::{LanguageIdentifier, LocaleSnapshot, Localizer};
use ladder_renderer::{Format, PageLookups};

const HEADER: &[u8] = b"ladder-lookups 3\n";

/// The index an output was published with, or the one a render is building.
#[derive(Debug, Default)]
pub(crate) struct LookupIndex {
    locales: Vec<LocaleSnapshot>,
    pages: HashMap<String, StoredPage>,
}

/// What one page looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoredPage {
    key: [u8; 32],
    whole_chain: bool,
    /// The formats whose files are current ([`format_bits`]).
    formats: u8,
    /// [`short`] hashes of the ids, sorted, each once.
    ids: Vec<u32>,
}

fn format_bits(formats: &[Format]) -> u8 {
    formats.iter().fold(0, |bits, format| bits | if *format == Format::Markdown { 1 } else { 2 })
}

/// What changed since the previous render for the pages of one localizer.
#[derive(Debug)]
pub(crate) enum Changes {
    /// Something every page can depend on (a lock, a locale new to the index): look at each.
    Everything,
    /// These ids ([`short`] hashes) changed in a locale of the chain; `whole` if any entry of
    /// the chain did (pages whose messages refer to others).
    Some { ids: HashSet<u32>, whole: bool },
}

/// What changed in one locale since the index was written.
struct LocaleChanges {
    /// [`short`] hashes of the keys whose entries changed.
    ids: Vec<u32>,
    /// Whether any entry did.
    whole: bool,
}

/// A key hash as pages keep it: half the bytes, and a collision only costs a fingerprint.
fn short(hash: u64) -> u32 {
    (hash ^ (hash >> 32)) as u32
}

impl LookupIndex {
    /// What the pages of each of `localizers` can have seen change since this index was
    /// written, given the locales as they are now (`snapshots`, by tag).
    pub(crate) fn changes(&self, localizers: &[Localizer], snapshots: &[LocaleSnapshot]) -> Vec<Changes> {
        // Each locale compared once (the source is in every chain): the ids whose entries changed
        // and whether any did; `None` if the index has no snapshot of it or its lock changed.
        let compared: Vec<(&LanguageIdentifier, Option<LocaleChanges>)> = snapshots
            .iter()
            .map(|now| {
                let before = self.locales.iter().find(|before| before.locale == now.locale && before.lock == now.lock);
                let changed = before.map(|before| LocaleChanges {
                    ids: now.changed_since(before).into_iter().map(short).collect(),
                    whole: before.whole != now.whole,
                });
                (&now.locale, changed)
            })
            .collect();
        localizers
            .iter()
            .map(|localizer| {
                let (mut ids, mut whole) = (HashSet::new(), false);
                for tag in localizer.sources() {
                    let Some((_, Some(changed))) = compared.iter().find(|(locale, _)| *locale == tag) else {
                        return Changes::Everything;
                    };
                    ids.extend(&changed.ids);
                    whole |= changed.whole;
                }
                Changes::Some { ids, whole }
            })
            .collect()
    }

    /// The page named `name` as recorded, if its key is still `key`, its files in `formats` were
    /// current, and `changes` cannot have reached it: they are then what this render would make.
    pub(crate) fn unchanged(
        &self,
        name: &str,
        key: blake3::Hash,
        formats: &[Format],
        changes: &Changes,
    ) -> Option<&StoredPage> {
        let Changes::Some { ids, whole } = changes else { return None };
        let page = self.pages.get(name)?;
        let wanted = format_bits(formats);
        if page.key != *key.as_bytes() || page.formats & wanted != wanted || (page.whole_chain && *whole) {
            return None;
        }
        if !ids.is_empty() && page.ids.iter().any(|id| ids.contains(id)) {
            return None;
        }
        Some(page)
    }

    #[cfg(test)]
    fn page(&self, name: &str) -> Option<&StoredPage> {
        self.pages.get(name)
    }

    /// The recorded pages, by name, for [`IndexBuilder::carry`] once the render is done.
    pub(crate) fn into_pages(self) -> HashMap<String, StoredPage> {
        self.pages
    }

    /// The index as written into the output.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = HEADER.to_vec();
        put_len(&mut out, self.locales.len());
        for locale in &self.locales {
            put_str(&mut out, &locale.locale.to_string());
            out.extend_from_slice(&locale.lock);
            out.extend_from_slice(&locale.whole);
            put_len(&mut out, locale.entries.len());
            for (key, digest) in &locale.entries {
                out.extend_from_slice(&key.to_le_bytes());
                out.extend_from_slice(digest);
            }
        }
        let mut names: Vec<&String> = self.pages.keys().collect();
        names.sort_unstable();
        put_len(&mut out, names.len());
        for name in names {
            let page = &self.pages[name];
            put_str(&mut out, name);
            out.extend_from_slice(&page.key);
            out.push(u8::from(page.whole_chain));
            out.push(page.formats);
            put_len(&mut out, page.ids.len());
            let mut previous = 0;
            for &id in &page.ids {
                put_len(&mut out, (id - previous) as usize);
                previous = id;
            }
        }
        let checksum = blake3::hash(&out);
        out.extend_from_slice(checksum.as_bytes());
        out
    }

    /// The index `bytes` hold; `None` if they are not one this version wrote whole.
    pub(crate) fn parse(bytes: &[u8]) -> Option<LookupIndex> {
        let (body, checksum) = bytes.split_at_checked(bytes.len().checked_sub(32)?)?;
        if blake3::hash(body).as_bytes() != checksum {
            return None;
        }
        let mut reader = Reader { bytes: body.strip_prefix(HEADER)? };
        let mut locales = Vec::new();
        for _ in 0..reader.len()? {
            let locale = reader.string()?.parse().ok()?;
            let lock = reader.array()?;
            let whole = reader.array()?;
            let entries = (0..reader.len()?)
                .map(|_| Some((u64::from_le_bytes(reader.array()?), reader.array()?)))
                .collect::<Option<Vec<(u64, [u8; 16])>>>()?;
            entries.is_sorted().then_some(())?;
            locales.push(LocaleSnapshot { locale, lock, whole, entries });
        }
        let mut pages = HashMap::new();
        for _ in 0..reader.len()? {
            let name = reader.string()?;
            let key = reader.array()?;
            let whole_chain = reader.array::<1>()?[0] != 0;
            let [formats] = reader.array::<1>()?;
            let mut previous = 0u32;
            let ids = (0..reader.len()?)
                .map(|_| {
                    previous = previous.checked_add(u32::try_from(reader.len()?).ok()?)?;
                    Some(previous)
                })
                .collect::<Option<Vec<u32>>>()?;
            pages.insert(name, StoredPage { key, whole_chain, formats, ids });
        }
        reader.bytes.is_empty().then_some(LookupIndex { locales, pages })
    }
}

/// Collects the next index while a render runs.
#[derive(Default)]
pub(crate) struct IndexBuilder {
    pages: HashMap<String, StoredPage>,
}

/// A page's lookups as the index keeps them, made by a worker ([`IndexBuilder::shorten`]).
pub(crate) struct Shortened {
    whole_chain: bool,
    formats: u8,
    ids: Vec<u32>,
}

impl IndexBuilder {
    /// `lookups` as the index keeps them, for a page whose files in `formats` were rendered or
    /// found current. Safe to call from many threads.
    pub(crate) fn shorten(lookups: &PageLookups, formats: &[Format]) -> Shortened {
        let mut ids: Vec<u32> = lookups.ids.iter().map(|&id| short(id)).collect();
        ids.sort_unstable();
        ids.dedup();
        Shortened { whole_chain: lookups.whole_chain, formats: format_bits(formats), ids }
    }

    /// A page carried over from the previous index, unchanged.
    pub(crate) fn carry(&mut self, name: String, page: StoredPage) {
        self.pages.insert(name, page);
    }

    /// A page looked at again: its key mixed with the program's identity, like [`Self::carry`]'s.
    pub(crate) fn add(&mut self, name: String, key: blake3::Hash, page: Shortened) {
        let Shortened { whole_chain, formats, ids } = page;
        self.pages.insert(name, StoredPage { key: *key.as_bytes(), whole_chain, formats, ids });
    }

    /// The index, with `snapshots` (the locales as rendered).
    pub(crate) fn finish(self, snapshots: Vec<LocaleSnapshot>) -> LookupIndex {
        LookupIndex { locales: snapshots, pages: self.pages }
    }
}

fn put_len(out: &mut Vec<u8>, mut value: usize) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn put_str(out: &mut Vec<u8>, text: &str) {
    put_len(out, text.len());
    out.extend_from_slice(text.as_bytes());
}

struct Reader<'b> {
    bytes: &'b [u8],
}

impl Reader<'_> {
    fn len(&mut self) -> Option<usize> {
        let mut value = 0usize;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.bytes.split_first()?;
            self.bytes = rest;
            value |= usize::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    fn string(&mut self) -> Option<String> {
        let len = self.len()?;
        let (text, rest) = self.bytes.split_at_checked(len)?;
        self.bytes = rest;
        String::from_utf8(text.to_vec()).ok()
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (bytes, rest) = self.bytes.split_at_checked(N)?;
        self.bytes = rest;
        bytes.try_into().ok()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

    use ladder_i18n::key_hash;

    use super::*;

    const BOTH: [Format; 2] = [Format::Markdown, Format::Html];

    fn snapshot(tag: &str, entries: &[(&str, u8)]) -> LocaleSnapshot {
        let mut entries: Vec<(u64, [u8; 16])> =
            entries.iter().map(|&(key, digest)| (key_hash(key), [digest; 16])).collect();
        entries.sort_unstable();
        LocaleSnapshot {
            locale: tag.parse().unwrap(),
            lock: [7; 16],
            // As a locale's is: any entry's change changes it.
            whole: blake3::hash(format!("{entries:?}").as_bytes()).as_bytes()[..16].try_into().unwrap(),
            entries,
        }
    }

    fn page(ids: &[&str], whole_chain: bool) -> Shortened {
        let ids = ids.iter().map(|id| key_hash(id)).collect();
        IndexBuilder::shorten(&PageLookups { key: blake3::hash(b"page"), ids, whole_chain }, &BOTH)
    }

    fn index() -> LookupIndex {
        let mut builder = IndexBuilder::default();
        let key = blake3::hash(b"key");
        builder.add("en/skills/x".to_owned(), key, page(&["c", "a", "missing"], false));
        builder.add("en/index".to_owned(), key, page(&["b"], true));
        builder.finish(vec![snapshot("en", &[("a", 1), ("b", 1), ("c", 1)])])
    }

    #[test]
    fn an_index_reads_back_as_written_and_only_whole() {
        let bytes = index().to_bytes();
        let read = LookupIndex::parse(&bytes).unwrap();
        assert_eq!(read.to_bytes(), bytes);
        assert_eq!(read.page("en/skills/x").unwrap().ids.len(), 3);
        for cut in [0, 1, HEADER.len(), bytes.len() / 2, bytes.len() - 1] {
            assert!(LookupIndex::parse(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        let mut flipped = bytes;
        flipped[HEADER.len() + 3] ^= 0x20;
        assert!(LookupIndex::parse(&flipped).is_none());
    }

    #[test]
    fn a_page_is_unchanged_while_nothing_it_looked_up_changed() {
        let index = LookupIndex::parse(&index().to_bytes()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("en")).unwrap();
        std::fs::write(dir.path().join("en/x.ftl"), "a = A\n").unwrap();
        let locales = ladder_i18n::Locales::load(dir.path()).unwrap().locales;
        let localizers = [locales.localizer(&"en".parse().unwrap()).unwrap()];
        let key = blake3::hash(b"key");
        let unchanged = |now: &[(&str, u8)]| {
            let changes = index.changes(&localizers, &[snapshot("en", now)]);
            (
                index.unchanged("en/skills/x", key, &BOTH, &changes[0]).is_some(),
                index.unchanged("en/index", key, &BOTH, &changes[0]).is_some(),
            )
        };
        assert_eq!(unchanged(&[("a", 1), ("b", 1), ("c", 1)]), (true, true));
        // `b` is not looked up by the skill page; the index page refers to others: any change
        // of the locale's files reaches it.
        assert_eq!(unchanged(&[("a", 1), ("b", 2), ("c", 1)]), (true, false));
        assert_eq!(unchanged(&[("a", 2), ("b", 1), ("c", 1)]), (false, false));
        // A message the page looked up and did not find now exists.
        assert_eq!(unchanged(&[("a", 1), ("b", 1), ("c", 1), ("missing", 1)]), (false, false));
        // Another key, or the locale gone from the index: the page is looked at.
        let changes = index.changes(&localizers, &[snapshot("en", &[("a", 1), ("b", 1), ("c", 1)])]);
        assert!(index.unchanged("en/skills/x", blake3::hash(b"other"), &BOTH, &changes[0]).is_none());
        assert!(matches!(index.changes(&localizers, &[])[0], Changes::Everything));
    }
}
