//! A locale's moves data, `<lang>/moves-data.js`: everything `moves.js` needs to build any move
//! of the moves page, once per locale instead of once per move.
//!
//! A script assigning a global ([`GLOBAL`]), not JSON, because a page opened from `file://`
//! cannot `fetch` a file but can load a script (the search index does the same). Compact: each
//! name once, by index; links made by the script from ids (`skills/<id>.html#<role>--<level>`);
//! the necessities as lists of skill indices per role and level, each index written as the gap
//! since the previous one (`[0, 3]` is skills 0 and 4: how many to skip, so runs are zeros and
//! numbers stay small; a third smaller than the indices themselves on a 1,000-skill catalog):
//!
//! ```text
//! window.ladderMoves = {
//!   "langs":  [["en", "ltr"]],              // languages texts fell back to, with a direction
//!                                           // when it is not the page's ("" when it is)
//!   "levels": [["junior", "Júnior"], ...],  // id, name; a name is "text" in the page's language,
//!   "roles":  [["cloud-engineer", ["Cloud Engineer", 0]], ...],  // or [text, index into langs]
//!   "skills": [["serverless-functions", "Funciones sin servidor"], ...],
//!   "needs":  [[[[0, 3], [2]], ...], ...],  // per role, per level: [mandatory, optional] skill
//!                                           // indices in catalog order, as gaps: 0, 4 | 2
//!   "text":   {"heading": "De {from}, {from-level} a {to}, {to-level}", ...,
//!              "counts": {"shared": {"rules": "es", "forms": {"one": "{count} habilidad …", ...}}, ...}}
//! };
//! ```
//!
//! Interface texts the script fills in carry `{name}` placeholders; counts carry one pattern per
//! plural category with the CLDR locale whose rules pick it ([`ladder_i18n::PluralPatterns`]).

use ladder_i18n::{Localized, interface, message_ids};
use ladder_model::Necessity;
use serde::Serialize;
use serde_json::{Map, Value};

use super::ViewBuilder;
use crate::error::RenderError;

/// The global the moves data script assigns.
pub const GLOBAL: &str = "ladderMoves";

/// A text of the data: plain when in the page's language, else with its language's index.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Entry {
    Plain(String),
    Marked(String, usize),
}

#[derive(Debug, Serialize)]
struct MovesData {
    langs: Vec<(String, &'static str)>,
    levels: Vec<(String, Entry)>,
    roles: Vec<(String, Entry)>,
    skills: Vec<(String, Entry)>,
    needs: Vec<Vec<[Vec<usize>; 2]>>,
    text: Map<String, Value>,
}

/// The languages texts fell back to, numbered as they are met.
struct Langs {
    page_direction: &'static str,
    found: Vec<(String, &'static str)>,
}

impl Langs {
    fn entry(&mut self, localized: &Localized<'_>) -> Entry {
        let text = localized.text.clone().into_owned();
        if !localized.fell_back {
            return Entry::Plain(text);
        }
        let lang = localized.locale.to_string();
        let direction = super::direction_attr(localized.locale.character_direction());
        let direction = if direction == self.page_direction { "" } else { direction };
        let index = match self.found.iter().position(|(known, _)| *known == lang) {
            Some(index) => index,
            None => {
                self.found.push((lang, direction));
                self.found.len() - 1
            }
        };
        Entry::Marked(text, index)
    }

    fn value(&mut self, localized: &Localized<'_>) -> Value {
        serde_json::to_value(self.entry(localized)).unwrap_or(Value::Null)
    }
}

impl ViewBuilder<'_, '_> {
    /// `<lang>/moves-data.js`. In fingerprint mode the texts are empty, and only what they depend
    /// on is recorded.
    pub(crate) fn moves_data_script(&mut self) -> Result<Vec<u8>, RenderError> {
        let catalog = self.site.catalog;
        let mut langs =
            Langs { page_direction: super::direction_attr(self.localizer().direction()), found: Vec::new() };
        let mut named = |builder: &mut Self, id: String, message: String| {
            let localized = builder.catalog_localized(&message);
            (id, langs.entry(&localized))
        };
        let levels =
            catalog.levels().iter().map(|level| named(self, level.to_string(), message_ids::level(level))).collect();
        let roles = catalog.roles().iter().map(|role| named(self, role.to_string(), message_ids::role(role))).collect();
        let skills = catalog
            .skills()
            .iter()
            .map(|skill| named(self, skill.id().to_string(), message_ids::skill(skill.id())))
            .collect();
        // The necessities are catalog structure, which the fingerprint holds already.
        let recording = self.mode == super::Mode::Record;
        let needs = if recording { Vec::new() } else { needs(self.site) };

        let mut text = Map::new();
        let placeholders = |names: &[&'static str]| -> Vec<(&'static str, String)> {
            names.iter().map(|name| (*name, format!("{{{name}}}"))).collect()
        };
        for (key, message) in [
            ("heading", interface::MOVE_HEADING),
            ("summary", interface::MOVE_SUMMARY),
            ("status", interface::MOVE_STATUS),
            ("shared", interface::MOVE_SHARED),
            ("gain", interface::MOVE_GAIN),
            ("leave", interface::MOVE_LEAVE),
            ("none", interface::MOVE_NONE),
            ("mandatory", interface::TABLE_MANDATORY),
            ("optional", interface::TABLE_OPTIONAL),
        ] {
            let variables: Vec<(&str, ladder_i18n::FluentValue<'_>)> = placeholders(message.variables)
                .into_iter()
                .map(|(name, placeholder)| (name, placeholder.into()))
                .collect();
            let localized = self.ui_localized(message, &variables);
            text.insert(key.to_owned(), langs.value(&localized));
        }
        let mut counts = Map::new();
        for (key, message) in [
            ("shared", interface::MOVE_SHARED_COUNT),
            ("gain", interface::MOVE_GAIN_COUNT),
            ("leave", interface::MOVE_LEAVE_COUNT),
        ] {
            let found = self.plural_patterns(message);
            let mut forms = Map::new();
            for (category, localized) in &found.patterns {
                forms.insert((*category).to_owned(), langs.value(localized));
            }
            let mut count = Map::new();
            count.insert("rules".to_owned(), Value::from(found.rules.to_string()));
            count.insert("forms".to_owned(), Value::Object(forms));
            counts.insert(key.to_owned(), Value::Object(count));
        }
        text.insert("counts".to_owned(), Value::Object(counts));

        if recording {
            return Ok(Vec::new());
        }
        let data = MovesData { langs: langs.found, levels, roles, skills, needs, text };
        let json = serde_json::to_string(&data)
            .map_err(|err| RenderError::new(format!("cannot serialize the moves data: {err}")))?;
        Ok(format!("window.{GLOBAL} = {json};\n").into_bytes())
    }
}

/// Per role and level, in catalog order: the skills needed there, mandatory ones, then optional
/// ones, each list ascending and written as gaps (see the module's documentation).
fn needs(site: &crate::Site<'_>) -> Vec<Vec<[Vec<usize>; 2]>> {
    let catalog = site.catalog;
    let roles: rustc_hash::FxHashMap<&ladder_model::Id, usize> =
        catalog.roles().iter().enumerate().map(|(index, role)| (role, index)).collect();
    let mut needs = vec![vec![[Vec::new(), Vec::new()]; catalog.levels().len()]; catalog.roles().len()];
    for (index, skill) in catalog.skills().iter().enumerate() {
        for requirement in skill.requirements() {
            let (Some(&role), Some(level)) = (roles.get(&requirement.role), site.level_index(&requirement.level))
            else {
                continue;
            };
            let list = usize::from(requirement.necessity != Necessity::Mandatory);
            needs[role][level][list].push(index);
        }
    }
    for list in needs.iter_mut().flatten().flatten() {
        to_gaps(list);
    }
    needs
}

/// Ascending indices as the number of indices skipped before each: `[0, 4, 5]` is `[0, 3, 0]`.
fn to_gaps(list: &mut [usize]) {
    let mut next = 0;
    for index in list {
        (*index, next) = (*index - next, *index + 1);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn indices_are_written_as_gaps() {
        for (indices, gaps) in [(vec![0, 4, 5, 9], vec![0, 3, 0, 3]), (vec![2], vec![2]), (vec![], vec![])] {
            let mut list = indices;
            super::to_gaps(&mut list);
            assert_eq!(list, gaps);
        }
    }
}
