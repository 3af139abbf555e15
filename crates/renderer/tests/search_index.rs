//! The search index is the one elasticlunr-rs builds, byte for byte: `search::index_json` writes
//! elasticlunr-rs's JSON without its trie, and the browser's `elasticlunr.min.js` must load the
//! same index as ever.

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

use std::path::Path;

use elasticlunr::pipeline::{FnWrapper, Pipeline};
use elasticlunr::{IndexBuilder, Language};
use ladder_i18n::Locales;
use ladder_model::Catalog;
use ladder_renderer::Site;
use ladder_renderer::search::{self, Entry, FIELDS, LANGUAGE, PIPELINE_FUNCTION};

/// The language the index was built with when elasticlunr-rs built it: our tokens, and a
/// pipeline function that passes them through.
struct Folded;

impl Language for Folded {
    fn name(&self) -> String {
        LANGUAGE.to_owned()
    }

    fn code(&self) -> String {
        "ladder".to_owned()
    }

    fn tokenize(&self, text: &str) -> Vec<String> {
        search::tokens(text)
    }

    fn make_pipeline(&self) -> Pipeline {
        #[expect(clippy::unnecessary_wraps, reason = "elasticlunr's pipeline functions return an Option")]
        fn already_folded(token: String) -> Option<String> {
            Some(token)
        }
        Pipeline { queue: vec![Box::new(FnWrapper(PIPELINE_FUNCTION.to_owned(), already_folded))] }
    }
}

fn elasticlunr_json(entries: &[Entry]) -> String {
    let mut index = IndexBuilder::with_language(Box::new(Folded)).save_docs(false).add_fields(FIELDS).build();
    for (number, entry) in entries.iter().enumerate() {
        index.add_doc(&number.to_string(), &entry.fields);
    }
    serde_json::to_string(&index).unwrap()
}

/// Our index of `entries` is elasticlunr-rs's; a difference is shown where it starts.
fn check(entries: &[Entry]) {
    let ours = String::from_utf8(search::index_json(entries).unwrap()).unwrap();
    let theirs = elasticlunr_json(entries);
    if ours != theirs {
        let at = ours.bytes().zip(theirs.bytes()).take_while(|(a, b)| a == b).count();
        let around = |text: &str| {
            let bytes = &text.as_bytes()[at.saturating_sub(120)..(at + 120).min(text.len())];
            String::from_utf8_lossy(bytes).into_owned()
        };
        panic!(
            "the index differs from elasticlunr-rs's at byte {at} of {} (elasticlunr-rs: {}):\nours:   {}\ntheirs: {}",
            ours.len(),
            theirs.len(),
            around(&ours),
            around(&theirs)
        );
    }
}

fn entry(title: &str, summary: &str, body: &str) -> Entry {
    Entry { kind: "skill", path: "skills/x.html".to_owned(), fields: [title.into(), summary.into(), body.into()] }
}

#[test]
fn no_documents() {
    check(&[]);
}

#[test]
fn one_document_with_empty_fields() {
    check(&[entry("", "", "")]);
    check(&[entry("Cloud", "", "")]);
    check(&[entry("", "", "... -- !!")]);
}

#[test]
fn repeated_tokens_count_per_field() {
    check(&[entry("go go go", "go Go GO go", "go")]);
    check(&[entry("a a b a b c", "", &"x ".repeat(1000)), entry("b b", "a", "a a")]);
}

#[test]
fn tokens_that_are_prefixes_of_others() {
    check(&[entry("a ab abc abd b ba", "abcd abc", ""), entry("ab abcdef", "", "a"), entry("abd", "b", "")]);
}

#[test]
fn unicode() {
    check(&[
        entry("Función Ёлка", "İstanbul ǅemal ẞ straße", "ﬁ Ⅻ Ω 한국어 각 日本語の文章"),
        entry("funcion ёлка", "Tiếng Việt ệ̃", "a\u{0301}\u{0323}b e\u{0323}\u{0301} 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂 emoji"),
        entry("العربية عربي", "", "\"quoted\" back\\slash tab\there\nnew line"),
    ]);
}

/// Past ten documents, references sort as strings (`"10"` before `"2"`), in the trie's postings
/// and in the document store.
#[test]
fn many_documents() {
    let words = [
        "cloud",
        "clouds",
        "c",
        "cost",
        "costs",
        "función",
        "funcion",
        "ёлка",
        "елка",
        "日本",
        "日本語",
        "a",
        "ab",
        "abc",
        "z9",
        "9",
        "99",
        "über",
        "uber",
    ];
    // A small linear congruential generator: the same documents every run.
    let mut state: u64 = 42;
    let mut next = |bound: usize| {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(state >> 33).unwrap() % bound
    };
    let mut entries = Vec::new();
    for _ in 0..1_234 {
        let mut field = |max_words: usize| {
            let n = next(max_words + 1);
            (0..n).map(|_| words[next(words.len())]).collect::<Vec<_>>().join(" ")
        };
        let (title, summary, body) = (field(3), field(8), field(60));
        entries.push(entry(&title, &summary, &body));
    }
    check(&entries);
}

/// Every locale of the project and of the end-to-end cases, and the pseudolocales.
#[test]
fn real_sites() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut projects = vec![root.clone()];
    for case in ["search", "tricky-text", "right-to-left"] {
        projects.push(root.join("tests/cases").join(case));
    }
    for project in projects {
        let catalog = Catalog::load(&project.join("catalog")).unwrap();
        let locales = Locales::load(&project.join("locales")).unwrap().locales;
        let localizers: Vec<_> =
            locales.available().chain(locales.pseudolocales()).map(|tag| locales.localizer(tag).unwrap()).collect();
        let (site, _) = Site::new(&catalog, &localizers);
        for locale in 0..localizers.len() {
            let entries = search::documents(&site, locale, &mut Vec::new());
            assert!(!entries.is_empty(), "{}", project.display());
            check(&entries);
        }
    }
}
