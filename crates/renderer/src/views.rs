//! View models: everything a template prints, looked up and formatted, so templates hold layout
//! and no logic beyond loops and conditions.

use ladder_i18n::{CharacterDirection, FluentArgs, Localized, Localizer, Problem, message_ids};
use ladder_model::{Id, Necessity, Skill};
use serde::Serialize;

use crate::escape::heading_anchor;
use crate::job::{Format, Page, STYLESHEET_PATH};
use crate::site::Site;

/// Localized text, with its language when that differs from the page's (a fallback), and its
/// direction when that differs too (English inside an Arabic page), so HTML can mark both.
#[derive(Debug, Serialize)]
pub(crate) struct Text {
    text: String,
    lang: Option<String>,
    dir: Option<&'static str>,
}

impl Text {
    fn from(localized: Localized<'_>, page_direction: CharacterDirection) -> Text {
        let text_direction = localized.locale.character_direction();
        let dir = (localized.fell_back && text_direction != page_direction).then(|| direction_attr(text_direction));
        let lang = localized.fell_back.then(|| localized.locale.to_string());
        Text { text: localized.text.into_owned(), lang, dir }
    }
}

fn direction_attr(direction: CharacterDirection) -> &'static str {
    match direction {
        CharacterDirection::RTL => "rtl",
        _ => "ltr",
    }
}

/// Builds one page's view, collecting translation problems on the way.
pub(crate) struct ViewBuilder<'s, 'a> {
    pub(crate) site: &'s Site<'a>,
    pub(crate) locale: usize,
    pub(crate) page: &'s Page,
    pub(crate) format: Format,
    pub(crate) problems: Vec<Problem>,
}

/// What every per-locale page has: language, navigation, links to the other languages.
#[derive(Debug, Serialize)]
pub(crate) struct Chrome {
    lang: String,
    dir: &'static str,
    site_title: Text,
    skip_to_content: Text,
    nav_index: Text,
    nav_languages: Text,
    index_href: String,
    stylesheet_href: String,
    chooser_href: String,
    alternates: Vec<Alternate>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Alternate {
    lang: String,
    name: String,
    href: String,
    current: bool,
}

#[derive(Debug, Serialize)]
pub(crate) struct Link {
    name: Text,
    href: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct SkillView {
    page: Chrome,
    name: Text,
    summary: Text,
    domain: Text,
    group: Text,
    updated_iso: String,
    updated: Text,
    labels: SkillLabels,
    stats: Vec<Stat>,
    levels: Vec<SkillLevel>,
}

#[derive(Debug, Serialize)]
struct SkillLabels {
    domain: Text,
    profile: Text,
    level_selector: Text,
    level_all: Text,
    growth: Text,
    table: TableLabels,
}

/// Column headers of a requirement table, and the hidden word for an optional row.
#[derive(Debug, Serialize)]
struct TableLabels {
    /// "Role" on skill pages, "Skill" on role pages.
    subject: Text,
    mandatory: Text,
    optional: Text,
    description: Text,
}

/// A row of a requirement table: a role (on skill pages) or a skill (on role pages).
#[derive(Debug, Serialize)]
struct RequirementRow {
    subject: Link,
    mandatory: bool,
    description: Text,
}

#[derive(Debug, Serialize)]
struct Stat {
    label: Text,
    value: usize,
    note: Text,
}

#[derive(Debug, Serialize)]
struct SkillLevel {
    id: String,
    name: Text,
    anchor: String,
    caption: Text,
    rows: Vec<RequirementRow>,
}

#[derive(Debug, Serialize)]
pub(crate) struct RoleView {
    page: Chrome,
    title: Text,
    intro: Text,
    labels: RoleLabels,
    levels: Vec<RoleLevel>,
}

#[derive(Debug, Serialize)]
struct RoleLabels {
    table: TableLabels,
    no_skills: Text,
}

#[derive(Debug, Serialize)]
struct RoleLevel {
    id: String,
    name: Text,
    summary: Text,
    groups: Vec<RoleGroup>,
}

#[derive(Debug, Serialize)]
struct RoleGroup {
    domain: Text,
    group: Text,
    rows: Vec<RequirementRow>,
}

#[derive(Debug, Serialize)]
pub(crate) struct IndexView {
    page: Chrome,
    title: Text,
    skills_heading: Text,
    skill_count: Text,
    domains: Vec<IndexDomain>,
    roles_heading: Text,
    roles: Vec<Link>,
}

#[derive(Debug, Serialize)]
struct IndexDomain {
    name: Text,
    groups: Vec<IndexGroup>,
}

#[derive(Debug, Serialize)]
struct IndexGroup {
    name: Text,
    skills: Vec<IndexSkill>,
}

#[derive(Debug, Serialize)]
struct IndexSkill {
    name: Text,
    summary: Text,
    href: String,
}

/// The language chooser at the top of the output.
#[derive(Debug, Serialize)]
pub(crate) struct ChooserView {
    lang: String,
    title: String,
    stylesheet_href: &'static str,
    languages: Vec<ChooserLanguage>,
}

#[derive(Debug, Serialize)]
struct ChooserLanguage {
    lang: String,
    dir: &'static str,
    name: String,
    site_title: String,
    choose: String,
    href: String,
}

impl ViewBuilder<'_, '_> {
    fn localizer(&self) -> &Localizer {
        &self.site.localizers[self.locale]
    }

    /// A message's value: an interface string or a catalog name.
    fn ui(&mut self, id: &str) -> Text {
        let localizer = &self.site.localizers[self.locale];
        Text::from(localizer.message(id, None, &mut self.problems), localizer.direction())
    }

    fn ui_with(&mut self, id: &str, args: &FluentArgs<'_>) -> Text {
        let localizer = &self.site.localizers[self.locale];
        Text::from(localizer.message(id, Some(args), &mut self.problems), localizer.direction())
    }

    fn count(&mut self, id: &str, count: usize) -> Text {
        let mut args = FluentArgs::new();
        args.set("count", count);
        self.ui_with(id, &args)
    }

    fn table_labels(&mut self, subject_id: &str) -> TableLabels {
        TableLabels {
            subject: self.ui(subject_id),
            mandatory: self.ui("ui-table-mandatory"),
            optional: self.ui("ui-table-optional"),
            description: self.ui("ui-table-description"),
        }
    }

    fn skill_summary(&mut self, skill: &Id) -> Text {
        let localizer = &self.site.localizers[self.locale];
        let summary = localizer.attribute(&message_ids::skill(skill), message_ids::SUMMARY, None, &mut self.problems);
        Text::from(summary, localizer.direction())
    }

    fn chrome(&mut self) -> Chrome {
        let site = self.site;
        let alternates = (0..site.localizers.len())
            .map(|locale| Alternate {
                lang: site.localizers[locale].locale().to_string(),
                name: site.language_names[locale].clone(),
                href: site.href(self.page, locale, self.page, self.format),
                current: locale == self.locale,
            })
            .collect();
        Chrome {
            lang: self.localizer().locale().to_string(),
            dir: direction_attr(self.localizer().direction()),
            site_title: self.ui("ui-site-title"),
            skip_to_content: self.ui("ui-skip-to-content"),
            nav_index: self.ui("ui-nav-index"),
            nav_languages: self.ui("ui-nav-languages"),
            index_href: site.local_href(self.page, &Page::Index, self.format),
            stylesheet_href: site.top_href(self.page, STYLESHEET_PATH),
            chooser_href: site.top_href(self.page, "index.html"),
            alternates,
        }
    }

    pub(crate) fn skill(&mut self, skill: &Skill) -> SkillView {
        let catalog = self.site.catalog;
        let page = self.chrome();
        let name = self.ui(&message_ids::skill(skill.id()));
        let levels_with_requirements =
            catalog.levels().iter().filter(|level| skill.requirements_at(level).next().is_some()).count();
        let stats = vec![
            Stat {
                label: self.count("ui-skill-roles", skill.roles().count()),
                value: skill.roles().count(),
                note: self.ui("ui-skill-roles-note"),
            },
            Stat {
                label: self.count("ui-skill-levels", levels_with_requirements),
                value: levels_with_requirements,
                note: self.ui("ui-skill-levels-note"),
            },
            Stat {
                label: self.count("ui-skill-mandatory", skill.mandatory_count()),
                value: skill.mandatory_count(),
                note: self.count("ui-skill-optional-rest", skill.optional_count()),
            },
        ];
        let localizer = &self.site.localizers[self.locale];
        let date = localizer.date(skill.updated(), &mut self.problems).text.into_owned();
        let mut args = FluentArgs::new();
        args.set("date", date);
        let updated = self.ui_with("ui-skill-updated", &args);

        let level_names: Vec<Text> = catalog.levels().iter().map(|level| self.ui(&message_ids::level(level))).collect();
        let mut args = FluentArgs::new();
        args.set("first", level_names.first().map_or(String::new(), |t| t.text.clone()));
        args.set("last", level_names.last().map_or(String::new(), |t| t.text.clone()));
        let growth = self.ui_with("ui-level-growth", &args);

        let mut levels = Vec::new();
        for (level, level_name) in catalog.levels().iter().zip(level_names) {
            let rows: Vec<RequirementRow> = skill
                .requirements_at(level)
                .map(|req| RequirementRow {
                    subject: Link {
                        name: self.ui(&message_ids::role(&req.role)),
                        href: self.site.local_href(self.page, &Page::Role(req.role.clone()), self.format),
                    },
                    mandatory: req.necessity == Necessity::Mandatory,
                    description: self.ui(&message_ids::requirement(skill.id(), &req.role, level)),
                })
                .collect();
            if rows.is_empty() {
                continue;
            }
            let mut args = FluentArgs::new();
            args.set("skill", name.text.clone());
            args.set("level", level_name.text.clone());
            levels.push(SkillLevel {
                id: level.to_string(),
                anchor: heading_anchor(&level_name.text),
                caption: self.ui_with("ui-table-caption", &args),
                name: level_name,
                rows,
            });
        }

        SkillView {
            page,
            summary: self.skill_summary(skill.id()),
            domain: self.ui(&message_ids::domain(skill.domain())),
            group: self.ui(&message_ids::group(skill.group())),
            updated_iso: skill.updated().to_string(),
            updated,
            labels: SkillLabels {
                domain: self.ui("ui-skill-domain"),
                profile: self.ui("ui-skill-profile"),
                level_selector: self.ui("ui-level-selector"),
                level_all: self.ui("ui-level-all"),
                growth,
                table: self.table_labels("ui-table-role"),
            },
            stats,
            levels,
            name,
        }
    }

    pub(crate) fn role(&mut self, role: &Id) -> RoleView {
        let catalog = self.site.catalog;
        let page = self.chrome();
        let role_name = self.ui(&message_ids::role(role));
        let mut args = FluentArgs::new();
        args.set("role", role_name.text);
        let title = self.ui_with("ui-role-title", &args);

        // One pass over the skills, bucketing this role's requirements by level.
        let mut by_level: Vec<Vec<(&Skill, Necessity)>> = vec![Vec::new(); catalog.levels().len()];
        for skill in catalog.skills() {
            for req in skill.requirements().iter().filter(|req| &req.role == role) {
                if let Some(index) = catalog.levels().iter().position(|level| level == &req.level) {
                    by_level[index].push((skill, req.necessity));
                }
            }
        }

        let mut levels = Vec::new();
        for (level, requirements) in catalog.levels().iter().zip(by_level) {
            let mandatory = requirements.iter().filter(|(_, n)| *n == Necessity::Mandatory).count();
            let mut args = FluentArgs::new();
            args.set("mandatory", mandatory);
            args.set("optional", requirements.len() - mandatory);
            let summary = self.ui_with("ui-role-level-summary", &args);
            let mut groups = Vec::new();
            for domain in catalog.domains() {
                for group in domain.groups() {
                    let rows: Vec<RequirementRow> = requirements
                        .iter()
                        .filter(|(skill, _)| skill.group() == group)
                        .map(|(skill, necessity)| RequirementRow {
                            subject: Link {
                                name: self.ui(&message_ids::skill(skill.id())),
                                href: self.site.local_href(self.page, &Page::Skill(skill.id().clone()), self.format),
                            },
                            mandatory: *necessity == Necessity::Mandatory,
                            description: self.ui(&message_ids::requirement(skill.id(), role, level)),
                        })
                        .collect();
                    if !rows.is_empty() {
                        groups.push(RoleGroup {
                            domain: self.ui(&message_ids::domain(domain.id())),
                            group: self.ui(&message_ids::group(group)),
                            rows,
                        });
                    }
                }
            }
            levels.push(RoleLevel {
                id: level.to_string(),
                name: self.ui(&message_ids::level(level)),
                summary,
                groups,
            });
        }

        RoleView {
            page,
            title,
            intro: self.ui("ui-role-intro"),
            labels: RoleLabels { table: self.table_labels("ui-table-skill"), no_skills: self.ui("ui-role-no-skills") },
            levels,
        }
    }

    pub(crate) fn index(&mut self) -> IndexView {
        let catalog = self.site.catalog;
        let page = self.chrome();
        let mut domains = Vec::new();
        for domain in catalog.domains() {
            let mut groups = Vec::new();
            for group in domain.groups() {
                let skills = catalog
                    .skills_in_group(group)
                    .map(|skill| IndexSkill {
                        name: self.ui(&message_ids::skill(skill.id())),
                        summary: self.skill_summary(skill.id()),
                        href: self.site.local_href(self.page, &Page::Skill(skill.id().clone()), self.format),
                    })
                    .collect();
                groups.push(IndexGroup { name: self.ui(&message_ids::group(group)), skills });
            }
            domains.push(IndexDomain { name: self.ui(&message_ids::domain(domain.id())), groups });
        }
        let roles = catalog
            .roles()
            .iter()
            .map(|role| Link {
                name: self.ui(&message_ids::role(role)),
                href: self.site.local_href(self.page, &Page::Role(role.clone()), self.format),
            })
            .collect();
        IndexView {
            page,
            title: self.ui("ui-index-title"),
            skills_heading: self.ui("ui-index-skills"),
            skill_count: self.count("ui-index-skill-count", catalog.skills().len()),
            domains,
            roles_heading: self.ui("ui-index-roles"),
            roles,
        }
    }
}

/// The language chooser's view, with each language's strings in that language.
pub(crate) fn chooser(site: &Site<'_>, problems: &mut Vec<Problem>) -> ChooserView {
    let languages: Vec<ChooserLanguage> = site
        .localizers
        .iter()
        .zip(&site.language_names)
        .map(|(localizer, name)| ChooserLanguage {
            lang: localizer.locale().to_string(),
            dir: direction_attr(localizer.direction()),
            name: name.clone(),
            site_title: localizer.message("ui-site-title", None, problems).text.into_owned(),
            choose: localizer.message("ui-choose-language", None, problems).text.into_owned(),
            href: format!("{}/{}.html", localizer.locale(), Page::Index.stem()),
        })
        .collect();
    let mut titles: Vec<&str> = languages.iter().map(|l| l.site_title.as_str()).collect();
    titles.dedup();
    ChooserView {
        lang: site.localizers.first().map_or("en".to_owned(), |l| l.locale().to_string()),
        title: titles.join(" · "),
        stylesheet_href: STYLESHEET_PATH,
        languages,
    }
}
