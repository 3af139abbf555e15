//! The lookup index: what every page of an output looked up, kept beside its manifest, so that
//! the next render finds the pages an edit can have changed without walking every page's view.
//!
//! A page's bytes are a function of its key ([`Renderer::page_key`]: templates, locales, the
//! catalog structure it shows, and the program) and of the messages it looks up. The index
//! records, per page, its key and the ids it looked up, and per locale a [`LocaleSnapshot`] of
//! its files. The next render snapshots the locales again; a page whose key is the same and none
//! of whose ids changed in a locale of its chain (nor any entry, if one of them refers to others)
//! is carried over as it is ([`crate::publish::Publisher::reuse`] still checks its file is as
//! written). Every other page takes the usual way: fingerprinted, then rendered if that changed.
//!
//! The file is a cache: a render that cannot read it (missing, damaged, another version, not
//! written with the manifest beside it) fingerprints every page, as without it.
//!
//! Format (integers little-endian, `n` a LEB128 varint):
//!
//! ```text
//! "ladder-lookups 1\n"
//! n ids, each: n length, UTF-8 bytes
//! n locales, each: n length, tag; 16 B lock; 16 B whole; n entries, each: n id, 16 B digest
//! n pages, each: n length, name; 32 B key; 1 B whole chain; n ids, each: n gap to the previous
//! 32 B BLAKE3 of everything before
//! ```
//!
//! Entry keys and page ids share the id table (entries of terms as `-id`).
//!
//! [`Renderer::page_key`]: ladder_renderer::Renderer::page_key

use std::collections::HashMap;

use ladder_i18n::{LanguageIdentifier, LocaleSnapshot, Localizer};
use ladder_renderer::PageLookups;

const HEADER: &[u8] = b"ladder-lookups 1\n";

/// The index an output was published with, or the one a render is building.
#[derive(Debug, Default)]
pub(crate) struct LookupIndex {
    ids: Vec<String>,
    locales: Vec<LocaleSnapshot>,
    pages: HashMap<String, StoredPage>,
}

/// What one page looked up, with ids as indices into the index's table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoredPage {
    key: [u8; 32],
    whole_chain: bool,
    /// Sorted, each once.
    ids: Vec<u32>,
}

/// What changed since the previous render for the pages of one localizer.
#[derive(Debug)]
pub(crate) enum Changes {
    /// Something every page can depend on (a lock, a locale new to the index): look at each.
    Everything,
    /// These ids (indices into the previous index's table) changed in a locale of the chain;
    /// `whole` if any entry of the chain did (pages whose messages refer to others).
    Some { ids: Vec<bool>, any: bool, whole: bool },
}

impl LookupIndex {
    /// What the pages of each of `localizers` can have seen change since this index was
    /// written, given the locales as they are now (`snapshots`, by tag).
    pub(crate) fn changes(&self, localizers: &[Localizer], snapshots: &[LocaleSnapshot]) -> Vec<Changes> {
        let ids: HashMap<&str, u32> = self.id_table();
        localizers
            .iter()
            .map(|localizer| {
                let mut changed = vec![false; self.ids.len()];
                let (mut any, mut whole) = (false, false);
                for tag in localizer.sources() {
                    let (Some(before), Some(now)) = (self.locale(tag), snapshots.iter().find(|s| &s.locale == tag))
                    else {
                        return Changes::Everything;
                    };
                    if before.lock != now.lock {
                        return Changes::Everything;
                    }
                    whole |= before.whole != now.whole;
                    for key in now.changed_since(before) {
                        if let Some(&id) = ids.get(key) {
                            changed[id as usize] = true;
                            any = true;
                        }
                    }
                }
                Changes::Some { ids: changed, any, whole }
            })
            .collect()
    }

    /// The page named `name` as recorded, if its key is still `key` and `changes` cannot have
    /// reached it: it is then what the previous render published.
    pub(crate) fn unchanged(&self, name: &str, key: blake3::Hash, changes: &Changes) -> Option<&StoredPage> {
        let Changes::Some { ids, any, whole } = changes else { return None };
        let page = self.pages.get(name)?;
        if page.key != *key.as_bytes() || (page.whole_chain && *whole) {
            return None;
        }
        if *any && page.ids.iter().any(|&id| ids.get(id as usize).copied().unwrap_or(true)) {
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

    fn locale(&self, tag: &LanguageIdentifier) -> Option<&LocaleSnapshot> {
        self.locales.iter().find(|snapshot| &snapshot.locale == tag)
    }

    fn id_table(&self) -> HashMap<&str, u32> {
        self.ids.iter().enumerate().map(|(index, id)| (id.as_str(), index as u32)).collect()
    }

    /// The index as written into the output.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = HEADER.to_vec();
        put_len(&mut out, self.ids.len());
        for id in &self.ids {
            put_str(&mut out, id);
        }
        let ids = self.id_table();
        put_len(&mut out, self.locales.len());
        for locale in &self.locales {
            put_str(&mut out, &locale.locale.to_string());
            out.extend_from_slice(&locale.lock);
            out.extend_from_slice(&locale.whole);
            let known: Vec<(u32, &[u8; 16])> =
                locale.entries.iter().filter_map(|(key, digest)| Some((*ids.get(key.as_str())?, digest))).collect();
            put_len(&mut out, known.len());
            for (id, digest) in known {
                put_len(&mut out, id as usize);
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
        let ids = (0..reader.len()?).map(|_| reader.string()).collect::<Option<Vec<String>>>()?;
        let id = |index: usize| ids.get(index).cloned();
        let mut locales = Vec::new();
        for _ in 0..reader.len()? {
            let locale = reader.string()?.parse().ok()?;
            let lock = reader.array()?;
            let whole = reader.array()?;
            let entries = (0..reader.len()?)
                .map(|_| Some((id(reader.len()?)?, reader.array()?)))
                .collect::<Option<Vec<(String, [u8; 16])>>>()?;
            // Written in id order; snapshots compare sorted by key.
            let mut entries = entries;
            entries.sort_unstable();
            locales.push(LocaleSnapshot { locale, lock, whole, entries });
        }
        let mut pages = HashMap::new();
        for _ in 0..reader.len()? {
            let name = reader.string()?;
            let key = reader.array()?;
            let whole_chain = reader.array::<1>()?[0] != 0;
            let mut previous = 0u32;
            let page_ids = (0..reader.len()?)
                .map(|_| {
                    previous = previous.checked_add(u32::try_from(reader.len()?).ok()?)?;
                    (previous < ids.len() as u32).then_some(previous)
                })
                .collect::<Option<Vec<u32>>>()?;
            pages.insert(name, StoredPage { key, whole_chain, ids: page_ids });
        }
        reader.bytes.is_empty().then_some(LookupIndex { ids, locales, pages })
    }
}

/// Collects the next index while a render runs. Its id table starts as the previous index's
/// (pages carried over keep their numbers) plus every key of the locales rendered, so that
/// workers number a page's ids themselves ([`IndexBuilder::number`]): a page's lookups are then
/// held as four bytes an id until the render ends, not as strings.
pub(crate) struct IndexBuilder {
    ids: Vec<String>,
    table: HashMap<String, u32>,
    pages: HashMap<String, StoredPage>,
}

/// A page's lookups numbered by an [`IndexBuilder`]; ids its table lacked wait as strings.
pub(crate) struct Numbered {
    whole_chain: bool,
    ids: Vec<u32>,
    unknown: Vec<String>,
}

impl IndexBuilder {
    pub(crate) fn new(previous: Option<&LookupIndex>, snapshots: &[LocaleSnapshot]) -> IndexBuilder {
        let mut builder = IndexBuilder { ids: Vec::new(), table: HashMap::new(), pages: HashMap::new() };
        for id in previous.map(|index| index.ids.as_slice()).unwrap_or_default() {
            builder.intern(id.clone());
        }
        for snapshot in snapshots {
            for (key, _) in &snapshot.entries {
                if !builder.table.contains_key(key) {
                    builder.intern(key.clone());
                }
            }
        }
        builder
    }

    /// `lookups` with the ids the table has as numbers. Safe to call from many threads.
    pub(crate) fn number(&self, lookups: PageLookups) -> Numbered {
        let mut numbered = Numbered { whole_chain: lookups.whole_chain, ids: Vec::new(), unknown: Vec::new() };
        numbered.ids.reserve(lookups.ids.len());
        for id in lookups.ids {
            match self.table.get(&id) {
                Some(&index) => numbered.ids.push(index),
                None => numbered.unknown.push(id),
            }
        }
        numbered
    }

    /// A page carried over from the previous index, unchanged.
    pub(crate) fn carry(&mut self, name: String, page: StoredPage) {
        self.pages.insert(name, page);
    }

    /// A page looked at again: its key mixed with the program's identity, like [`Self::carry`]'s.
    pub(crate) fn add(&mut self, name: String, key: blake3::Hash, numbered: Numbered) {
        let Numbered { whole_chain, mut ids, unknown } = numbered;
        for id in unknown {
            let index = self.intern(id);
            ids.push(index);
        }
        ids.sort_unstable();
        ids.dedup();
        self.pages.insert(name, StoredPage { key: *key.as_bytes(), whole_chain, ids });
    }

    fn intern(&mut self, id: String) -> u32 {
        if let Some(&index) = self.table.get(&id) {
            return index;
        }
        let index = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.push(id.clone());
        self.table.insert(id, index);
        index
    }

    /// The index, with `snapshots` (the locales as rendered) and only the ids some page still
    /// looks up.
    pub(crate) fn finish(self, snapshots: Vec<LocaleSnapshot>) -> LookupIndex {
        let mut used = vec![false; self.ids.len()];
        for page in self.pages.values() {
            for &id in &page.ids {
                used[id as usize] = true;
            }
        }
        let mut renumbered = vec![u32::MAX; self.ids.len()];
        let mut ids = Vec::new();
        for (index, id) in self.ids.into_iter().enumerate() {
            if used[index] {
                renumbered[index] = u32::try_from(ids.len()).unwrap_or(u32::MAX);
                ids.push(id);
            }
        }
        let pages = self
            .pages
            .into_iter()
            .map(|(name, mut page)| {
                // Renumbering keeps the order: the ids stay sorted.
                for id in &mut page.ids {
                    *id = renumbered[*id as usize];
                }
                (name, page)
            })
            .collect();
        LookupIndex { ids, locales: snapshots, pages }
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

    use super::*;

    fn snapshot(tag: &str, entries: &[(&str, u8)]) -> LocaleSnapshot {
        LocaleSnapshot {
            locale: tag.parse().unwrap(),
            lock: [7; 16],
            // As a locale's is: any entry's change changes it.
            whole: blake3::hash(format!("{entries:?}").as_bytes()).as_bytes()[..16].try_into().unwrap(),
            entries: entries.iter().map(|&(key, digest)| (key.to_owned(), [digest; 16])).collect(),
        }
    }

    fn lookups(ids: &[&str], whole_chain: bool) -> PageLookups {
        PageLookups { key: blake3::hash(b"page"), ids: ids.iter().map(|id| (*id).to_owned()).collect(), whole_chain }
    }

    fn index() -> LookupIndex {
        let snapshots = vec![snapshot("en", &[("a", 1), ("b", 1), ("c", 1)])];
        let mut builder = IndexBuilder::new(None, &snapshots);
        let key = blake3::hash(b"key");
        let numbered = builder.number(lookups(&["c", "a", "missing"], false));
        builder.add("en/skills/x".to_owned(), key, numbered);
        let numbered = builder.number(lookups(&["b"], true));
        builder.add("en/index".to_owned(), key, numbered);
        builder.finish(snapshots)
    }

    #[test]
    fn an_index_reads_back_as_written_and_only_whole() {
        let bytes = index().to_bytes();
        let read = LookupIndex::parse(&bytes).unwrap();
        assert_eq!(read.to_bytes(), bytes);
        assert_eq!(read.ids, ["a", "b", "c", "missing"]);
        let page = read.page("en/skills/x").unwrap();
        assert_eq!(
            page.ids.iter().map(|&id| read.ids[id as usize].as_str()).collect::<Vec<_>>(),
            ["a", "c", "missing"]
        );
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
        let localizer = || {
            let dir = tempfile::tempdir().unwrap();
            std::fs::create_dir(dir.path().join("en")).unwrap();
            std::fs::write(dir.path().join("en/x.ftl"), "a = A\n").unwrap();
            let locales = ladder_i18n::Locales::load(dir.path()).unwrap().locales;
            locales.localizer(&"en".parse().unwrap()).unwrap()
        };
        let localizers = [localizer()];
        let key = blake3::hash(b"key");
        let unchanged = |now: &[(&str, u8)]| {
            let changes = index.changes(&localizers, &[snapshot("en", now)]);
            (
                index.unchanged("en/skills/x", key, &changes[0]).is_some(),
                index.unchanged("en/index", key, &changes[0]).is_some(),
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
        assert!(index.unchanged("en/skills/x", blake3::hash(b"other"), &changes[0]).is_none());
        assert!(matches!(index.changes(&localizers, &[])[0], Changes::Everything));
    }
}
