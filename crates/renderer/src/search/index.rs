//! elasticlunr.js's index format, written directly as JSON.
//!
//! This writes, byte for byte, what serializing an elasticlunr-rs 3.1 `Index` with serde_json
//! gives (a test of the crate compares the two): elasticlunr-rs keeps one trie of nested maps per
//! field, a node per character of every token, and serializing it walks that trie again. Here a
//! field's index is a flat map from token to postings, and the trie's nested objects are written
//! from the tokens in sorted order, which is a depth-first walk of that trie. At a thousand
//! skills that is several times less work, and the bytes do not change, so neither does what
//! the vendored `elasticlunr.min.js` loads.
//!
//! The format, as elasticlunr-rs serializes it (every map of it is a `BTreeMap`, so sorted):
//!
//! ```text
//! {"fields":[..],"pipeline":[..],"ref":"id","version":"0.9.5",
//!  "index":{<field, by name>:{"root":<node>},..},
//!  "documentStore":{"save":false,"docs":{<ref>:{},..},
//!                   "docInfo":{<ref>:{<field, by name>:<tokens, repeats included>,..},..},
//!                   "length":<docs>},
//!  "lang":"Ladder"}
//! node = {"docs":{<ref>:{"tf":<sqrt of count>},..},"df":<docs>,<char>:<node>,..}
//! ```
//!
//! References are document numbers as strings, so they sort as strings: `"10"` before `"9"`.

use rustc_hash::FxHashMap;

use super::{Entry, FIELDS, LANGUAGE, PIPELINE_FUNCTION, fold, words};
use crate::error::RenderError;

/// The elasticlunr.js version elasticlunr-rs 3.1 writes into every index.
const VERSION: &str = "0.9.5";
/// The name of the documents' reference field, which elasticlunr-rs writes even when, as here,
/// it does not save the documents.
const REF_FIELD: &str = "id";

/// One document that has a token in a field, and how many times.
#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: usize,
    count: usize,
}

/// Writes the index of `entries` (document `n` is `entries[n]`) to `out`.
pub(super) fn write(entries: &[Entry], out: &mut Vec<u8>) -> Result<(), RenderError> {
    // Postings are appended document by document, so taking the documents in their references'
    // order leaves every token's postings in the order the index lists them.
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by_cached_key(|&doc| doc.to_string());

    let mut postings: [FxHashMap<Box<str>, Vec<Posting>>; 3] = Default::default();
    let mut lengths = vec![[0; 3]; entries.len()];
    for &doc in &order {
        for (field, text) in entries[doc].fields.iter().enumerate() {
            let folded = fold(text);
            let mut n_tokens = 0;
            for token in words(&folded) {
                n_tokens += 1;
                match postings[field].get_mut(token) {
                    // The document's own posting is the last, until the next document's.
                    Some(list) => match list.last_mut() {
                        Some(last) if last.doc == doc => last.count += 1,
                        _ => list.push(Posting { doc, count: 1 }),
                    },
                    None => {
                        postings[field].insert(token.into(), vec![Posting { doc, count: 1 }]);
                    }
                }
            }
            lengths[doc][field] = n_tokens;
        }
    }

    let mut by_name = [0, 1, 2];
    by_name.sort_by_key(|&field| FIELDS[field]);
    let mut tf = TermFrequencies::default();

    out.extend_from_slice(b"{\"fields\":[");
    for (n, field) in FIELDS.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        push_string(out, field)?;
    }
    out.extend_from_slice(b"],\"pipeline\":[");
    push_string(out, PIPELINE_FUNCTION)?;
    out.extend_from_slice(b"],\"ref\":");
    push_string(out, REF_FIELD)?;
    out.extend_from_slice(b",\"version\":");
    push_string(out, VERSION)?;
    out.extend_from_slice(b",\"index\":{");
    for (n, &field) in by_name.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        push_string(out, FIELDS[field])?;
        out.extend_from_slice(b":{\"root\":");
        let mut tokens: Vec<(&str, &[Posting])> =
            postings[field].iter().map(|(token, list)| (&**token, list.as_slice())).collect();
        tokens.sort_unstable_by(|a, b| a.0.cmp(b.0));
        write_trie(&tokens, &mut tf, out)?;
        out.push(b'}');
    }
    out.extend_from_slice(b"},\"documentStore\":{\"save\":false,\"docs\":{");
    for (n, &doc) in order.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        push_reference(out, doc);
        out.extend_from_slice(b":{}");
    }
    out.extend_from_slice(b"},\"docInfo\":{");
    for (n, &doc) in order.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        push_reference(out, doc);
        out.push(b':');
        for (i, &field) in by_name.iter().enumerate() {
            out.push(if i == 0 { b'{' } else { b',' });
            push_string(out, FIELDS[field])?;
            out.push(b':');
            push_number(out, lengths[doc][field]);
        }
        out.push(b'}');
    }
    out.extend_from_slice(b"},\"length\":");
    push_number(out, entries.len());
    out.extend_from_slice(b"},\"lang\":");
    push_string(out, LANGUAGE)?;
    out.push(b'}');
    Ok(())
}

/// The trie of one field from its `tokens`, sorted. Sorting strings by bytes sorts them by
/// characters, as the trie's `BTreeMap<char, _>` orders children, so each token's node comes
/// after its parent's and before its siblings': the open nodes are always the previous token's
/// path, and a token closes the nodes past the prefix it shares with it and opens the rest.
fn write_trie(tokens: &[(&str, &[Posting])], tf: &mut TermFrequencies, out: &mut Vec<u8>) -> Result<(), RenderError> {
    // The root stands for the empty token, which no text has.
    out.extend_from_slice(b"{\"docs\":{},\"df\":0");
    let mut path: Vec<char> = Vec::new();
    for &(token, postings) in tokens {
        let shared = path.iter().zip(token.chars()).take_while(|(a, b)| **a == *b).count();
        for _ in shared..path.len() {
            out.push(b'}');
        }
        path.truncate(shared);
        let start = token.char_indices().nth(shared).map_or(token.len(), |(at, _)| at);
        let mut rest = token[start..].chars().peekable();
        while let Some(c) = rest.next() {
            path.push(c);
            out.push(b',');
            push_string(out, c.encode_utf8(&mut [0; 4]))?;
            out.extend_from_slice(b":{\"docs\":{");
            // A node on the way to a token holds no document: a token that ended there would
            // have come earlier, and left the node open.
            if rest.peek().is_none() {
                for (n, posting) in postings.iter().enumerate() {
                    if n > 0 {
                        out.push(b',');
                    }
                    push_reference(out, posting.doc);
                    out.extend_from_slice(b":{\"tf\":");
                    tf.push(posting.count, out)?;
                    out.push(b'}');
                }
                out.extend_from_slice(b"},\"df\":");
                push_number(out, postings.len());
            } else {
                out.extend_from_slice(b"},\"df\":0");
            }
        }
    }
    for _ in 0..=path.len() {
        out.push(b'}');
    }
    Ok(())
}

/// A term frequency as elasticlunr-rs computes it (the square root of the count) and serde_json
/// writes it. Most counts are small and recur: those are formatted once.
#[derive(Debug, Default)]
struct TermFrequencies {
    by_count: Vec<Vec<u8>>,
}

impl TermFrequencies {
    /// Counts up to this are kept; a word repeated more often in one field is rare, and keeping
    /// every count up to its own would cost memory in proportion.
    const KEPT: usize = 64;

    fn push(&mut self, count: usize, out: &mut Vec<u8>) -> Result<(), RenderError> {
        if count > Self::KEPT {
            return push_frequency(count, out);
        }
        while self.by_count.len() <= count {
            let mut text = Vec::new();
            push_frequency(self.by_count.len(), &mut text)?;
            self.by_count.push(text);
        }
        out.extend_from_slice(&self.by_count[count]);
        Ok(())
    }
}

fn push_frequency(count: usize, out: &mut Vec<u8>) -> Result<(), RenderError> {
    // elasticlunr-rs converts its count so too (from a u64): exact below 2^53.
    let frequency = (count as f64).sqrt();
    serde_json::to_writer(out, &frequency)
        .map_err(|err| RenderError::new(format!("cannot write a term frequency: {err}")))
}

/// A document's reference: its number, as a JSON string.
fn push_reference(out: &mut Vec<u8>, doc: usize) {
    out.push(b'"');
    push_number(out, doc);
    out.push(b'"');
}

fn push_number(out: &mut Vec<u8>, mut number: usize) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (number % 10) as u8;
        number /= 10;
        if number == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[start..]);
}

/// `text` as a JSON string, as serde_json writes it. Tokens are letters and digits, which it
/// writes as they are; anything it would escape goes through it.
fn push_string(out: &mut Vec<u8>, text: &str) -> Result<(), RenderError> {
    if text.bytes().all(|byte| byte >= 0x20 && byte != b'"' && byte != b'\\') {
        out.push(b'"');
        out.extend_from_slice(text.as_bytes());
        out.push(b'"');
        Ok(())
    } else {
        serde_json::to_writer(&mut *out, text).map_err(|err| RenderError::new(format!("cannot write {text:?}: {err}")))
    }
}
