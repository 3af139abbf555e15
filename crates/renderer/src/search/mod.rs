//! The search index of one locale: `<lang>/search-index.js`.
//!
//! The index is an [elasticlunr](https://github.com/weixsong/elasticlunr.js) index, so the browser
//! loads it with the stock `elasticlunr.min.js` (vendored in the templates). `index` writes it in
//! the JSON elasticlunr-rs (what mdBook builds its own with) would give, byte for byte, without
//! building elasticlunr-rs's trie; a test compares the two. It is a script that assigns a global
//! (`window.ladderSearchIndex`), not JSON, because a page opened from `file://` cannot `fetch`
//! a file but can load a script; `search.js` loads both on demand.
//!
//! One document per skill (its name, summary and every requirement description) and per role
//! (its name), in the locale's text with fallbacks. Text is **folded** on both sides: Unicode NFD,
//! combining marks removed, lower case ([`fold`]; `search.js` does the same to the query), so
//! `funcion` finds "función" and `ЁЖ` finds "еж". The pipeline has no stemmer and no stop words,
//! the same for every language; `search.js` asks for prefix matches (`expand`) instead.

mod index;

use ladder_i18n::{Problem, message_ids};
use serde::Serialize;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::error::RenderError;
use crate::job::{Format, Page};
use crate::site::Site;

/// The name `search.js` registers its own fold function under.
pub const PIPELINE_FUNCTION: &str = "ladder-fold";
/// The language the index names (elasticlunr-rs writes its `Language`'s name): ours, which
/// tokenizes with [`tokens`] and has the one pipeline function.
pub const LANGUAGE: &str = "Ladder";
/// The global the index script assigns.
pub const GLOBAL: &str = "ladderSearchIndex";
/// The indexed fields, most important first (`search.js` boosts them in this order).
pub const FIELDS: [&str; 3] = ["title", "summary", "body"];

/// NFD, without combining marks, in lower case: what both the index and the query are made of.
pub fn fold(text: &str) -> String {
    // Most indexed text is ASCII (English is every chain's fallback): it has nothing to
    // decompose, and lowering it byte by byte is several times faster than the general path.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    // Per character: NFD of a string is each character's canonical decomposition, then marks
    // put in canonical order; dropping every mark makes their order moot.
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
        } else {
            decompose_canonical(c, |part| {
                if !is_combining_mark(part) {
                    folded.extend(part.to_lowercase());
                }
            });
        }
    }
    folded
}

/// The folded words of `text`: runs of letters and digits. These are the index's tokens, each
/// passed through the pipeline function as it is: it folds, and they are folded already.
pub fn tokens(text: &str) -> Vec<String> {
    words(&fold(text)).map(str::to_owned).collect()
}

/// The words of folded text.
fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty())
}

/// What a result shows, by document number (the index's `ref`).
#[derive(Debug, Serialize)]
struct Document<'e> {
    /// `skill` or `role`.
    kind: &'static str,
    name: &'e str,
    summary: &'e str,
    /// The page, relative to the locale's directory (`skills/x.html`).
    path: &'e str,
}

/// A searchable document of the index, as [`documents`] lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: &'static str,
    pub path: String,
    /// Name, summary and body, as looked up (not folded).
    pub fields: [String; 3],
}

/// Every document of `locale`'s index: skills in catalog order, then roles.
pub fn documents(site: &Site<'_>, locale: usize, problems: &mut Vec<Problem>) -> Vec<Entry> {
    let catalog = site.catalog;
    let localizer = &site.localizers[locale];
    let mut entries = Vec::new();
    for skill in catalog.skills() {
        let id = message_ids::skill(skill.id());
        let name = localizer.message(&id, problems).text.into_owned();
        let summary = localizer.attribute(&id, message_ids::SUMMARY, problems).text.into_owned();
        let body: Vec<String> = skill
            .requirements()
            .iter()
            .map(|req| {
                localizer
                    .message(&message_ids::requirement(skill.id(), &req.role, &req.level), problems)
                    .text
                    .into_owned()
            })
            .collect();
        let path = format!("{}.{}", Page::Skill(skill.id().clone()).stem(), Format::Html.extension());
        entries.push(Entry { kind: "skill", path, fields: [name, summary, body.join("\n")] });
    }
    for role in catalog.roles() {
        let name = localizer.message(&message_ids::role(role), problems).text.into_owned();
        let path = format!("{}.{}", Page::Role(role.clone()).stem(), Format::Html.extension());
        entries.push(Entry { kind: "role", path, fields: [name, String::new(), String::new()] });
    }
    entries
}

/// The elasticlunr index of `entries` (document `n` is `entries[n]`) as JSON.
pub fn index_json(entries: &[Entry]) -> Result<Vec<u8>, RenderError> {
    let mut out = Vec::new();
    index::write(entries, &mut out)?;
    Ok(out)
}

/// `<lang>/search-index.js`: `window.ladderSearchIndex = {"docs": [...], "index": {...}};`.
pub(crate) fn index_script(
    site: &Site<'_>,
    locale: usize,
    problems: &mut Vec<Problem>,
) -> Result<Vec<u8>, RenderError> {
    let entries = documents(site, locale, problems);
    let mut out = format!("window.{GLOBAL} = {{\"docs\":").into_bytes();
    let docs: Vec<Document<'_>> = entries
        .iter()
        .map(|entry| Document {
            kind: entry.kind,
            name: &entry.fields[0],
            summary: &entry.fields[1],
            path: &entry.path,
        })
        .collect();
    serde_json::to_writer(&mut out, &docs)
        .map_err(|err| RenderError::new(format!("cannot serialize the search index: {err}")))?;
    out.extend_from_slice(b",\"index\":");
    index::write(&entries, &mut out)?;
    out.extend_from_slice(b"};\n");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_accents_and_case_in_every_script() {
        assert_eq!(fold("Función"), "funcion");
        assert_eq!(fold("FUNCIÓN"), "funcion");
        // Decomposed input folds the same as composed input.
        assert_eq!(fold("Func\u{0069}o\u{0301}n"), "funcion");
        assert_eq!(fold("Ёлка Й"), "елка и");
        assert_eq!(fold("Ñandú Çà"), "nandu ca");
        assert_eq!(
            tokens("Cloud-Functions, AWS Lambda/Step (Función)"),
            ["cloud", "functions", "aws", "lambda", "step", "funcion"]
        );
    }

    #[test]
    fn folding_is_idempotent_and_the_ascii_path_agrees_with_the_general_one() {
        fn general(text: &str) -> String {
            use unicode_normalization::UnicodeNormalization;
            text.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
        }
        for text in [
            "Serverless Functions",
            "p99 < 200 ms & \"golden\"",
            "İstanbul ǅemal ẞ",
            "Función Ёлка",
            "ﬁ Ⅻ Ω",
            "Tiếng Việt ệ̃",
            "한국어 각",
            "a\u{0301}\u{0323}b e\u{0323}\u{0301}",
        ] {
            assert_eq!(fold(&fold(text)), fold(text), "{text}");
            assert_eq!(fold(text), general(text), "{text}");
        }
    }

    #[test]
    fn the_pipeline_is_the_one_search_js_registers() {
        let index = index_json(&[Entry {
            kind: "skill",
            path: "skills/x.html".to_owned(),
            fields: ["Función".to_owned(), String::new(), String::new()],
        }])
        .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&index).unwrap();
        assert_eq!(json["pipeline"], serde_json::json!([PIPELINE_FUNCTION]));
        assert_eq!(json["fields"], serde_json::json!(FIELDS));
        assert!(json["index"]["title"]["root"]["f"]["u"]["n"]["c"]["i"]["o"]["n"]["docs"]["0"].is_object());
    }
}
