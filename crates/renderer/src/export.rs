//! The ladder as data, per locale: JSON for other tools, CSV and XLSX for spreadsheets.
//!
//! [`LadderExport`] is one locale's whole ladder (levels, roles, domains and groups, skills and
//! every requirement with its necessity and description), each text with the locale it really
//! came from, so a consumer can see what fell back. Its JSON form is versioned and described by
//! `docs/ladder-export.schema.json`. The spreadsheets flatten it to one row per skill x role x
//! level, the way SFIA publishes its framework, with a header row in the locale's language.

use ladder_i18n::{Localized, Localizer, Problem, interface, message_ids};
use ladder_model::{Catalog, Date, Necessity};
use serde::Serialize;

use crate::error::RenderError;
use crate::job::ExportFormat;

/// The JSON export's format version; bumped on any change a consumer could trip on.
pub const EXPORT_VERSION: u32 = 1;

/// One locale's ladder.
#[derive(Debug, Serialize)]
pub struct LadderExport {
    /// Which version of `docs/ladder-export.schema.json` this follows.
    pub version: u32,
    pub locale: String,
    pub levels: Vec<Named>,
    pub roles: Vec<Named>,
    pub domains: Vec<ExportDomain>,
    pub skills: Vec<ExportSkill>,
}

/// A text and the locale it was taken from (the export's locale, or one it falls back to).
#[derive(Debug, Clone, Serialize)]
pub struct Text {
    pub text: String,
    pub locale: String,
}

#[derive(Debug, Serialize)]
pub struct Named {
    pub id: String,
    pub name: Text,
}

#[derive(Debug, Serialize)]
pub struct ExportDomain {
    pub id: String,
    pub name: Text,
    pub groups: Vec<Named>,
}

#[derive(Debug, Serialize)]
pub struct ExportSkill {
    pub id: String,
    pub name: Text,
    pub summary: Text,
    pub domain: String,
    pub group: String,
    /// When the skill's requirements were last reviewed, `YYYY-MM-DD`.
    pub updated: String,
    /// By role, then level, in catalog order.
    pub requirements: Vec<ExportRequirement>,
}

#[derive(Debug, Serialize)]
pub struct ExportRequirement {
    pub role: String,
    pub level: String,
    /// `mandatory` or `optional`.
    pub necessity: &'static str,
    pub description: Text,
}

fn text(localized: Localized<'_>) -> Text {
    Text { text: localized.text.into_owned(), locale: localized.locale.to_string() }
}

impl LadderExport {
    /// The ladder in `localizer`'s locale; problems met looking texts up are pushed to `problems`.
    pub fn new(catalog: &Catalog, localizer: &Localizer, problems: &mut Vec<Problem>) -> LadderExport {
        let mut name = |id: String| text(localizer.message(&id, problems));
        let levels =
            catalog.levels().iter().map(|l| Named { id: l.to_string(), name: name(message_ids::level(l)) }).collect();
        let roles =
            catalog.roles().iter().map(|r| Named { id: r.to_string(), name: name(message_ids::role(r)) }).collect();
        let domains = catalog
            .domains()
            .iter()
            .map(|domain| ExportDomain {
                id: domain.id().to_string(),
                name: name(message_ids::domain(domain.id())),
                groups: domain
                    .groups()
                    .iter()
                    .map(|group| Named { id: group.to_string(), name: name(message_ids::group(group)) })
                    .collect(),
            })
            .collect();
        let skills = catalog
            .skills()
            .iter()
            .map(|skill| {
                let id = message_ids::skill(skill.id());
                ExportSkill {
                    id: skill.id().to_string(),
                    name: text(localizer.message(&id, problems)),
                    summary: text(localizer.attribute(&id, message_ids::SUMMARY, problems)),
                    domain: skill.domain().to_string(),
                    group: skill.group().to_string(),
                    updated: skill.updated().to_string(),
                    requirements: skill
                        .requirements()
                        .iter()
                        .map(|req| ExportRequirement {
                            role: req.role.to_string(),
                            level: req.level.to_string(),
                            necessity: req.necessity.as_str(),
                            description: text(
                                localizer
                                    .message(&message_ids::requirement(skill.id(), &req.role, &req.level), problems),
                            ),
                        })
                        .collect(),
                }
            })
            .collect();
        LadderExport { version: EXPORT_VERSION, locale: localizer.locale().to_string(), levels, roles, domains, skills }
    }

    /// Pretty JSON with a final newline: diffs of a committed export stay readable.
    pub fn to_json(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    /// The rows of the spreadsheets: a localized header, then one row per requirement.
    pub fn rows(&self, localizer: &Localizer, problems: &mut Vec<Problem>) -> Vec<[String; 7]> {
        let mut ui = |message| localizer.interface(message, &[], problems).text.into_owned();
        let header = [
            ui(interface::SKILL_DOMAIN),
            ui(interface::EXPORT_GROUP),
            ui(interface::TABLE_SKILL),
            ui(interface::TABLE_ROLE),
            ui(interface::EXPORT_LEVEL),
            ui(interface::EXPORT_NECESSITY),
            ui(interface::TABLE_DESCRIPTION),
        ];
        let mandatory = ui(interface::TABLE_MANDATORY);
        let optional = ui(interface::TABLE_OPTIONAL);
        let name_of = |list: &[Named], id: &str| {
            list.iter().find(|n| n.id == id).map_or_else(String::new, |n| n.name.text.clone())
        };
        let groups: Vec<&Named> = self.domains.iter().flat_map(|d| &d.groups).collect();
        let mut rows = vec![header];
        for skill in &self.skills {
            let domain =
                self.domains.iter().find(|d| d.id == skill.domain).map_or_else(String::new, |d| d.name.text.clone());
            let group = groups.iter().find(|g| g.id == skill.group).map_or_else(String::new, |g| g.name.text.clone());
            for req in &skill.requirements {
                let necessity = if req.necessity == Necessity::Mandatory.as_str() { &mandatory } else { &optional };
                rows.push([
                    domain.clone(),
                    group.clone(),
                    skill.name.text.clone(),
                    name_of(&self.roles, &req.role),
                    name_of(&self.levels, &req.level),
                    necessity.clone(),
                    req.description.text.clone(),
                ]);
            }
        }
        rows
    }
}

/// The bytes of one export of one locale.
pub(crate) fn render(
    catalog: &Catalog,
    localizer: &Localizer,
    format: ExportFormat,
    problems: &mut Vec<Problem>,
) -> Result<Vec<u8>, RenderError> {
    let export = LadderExport::new(catalog, localizer, problems);
    match format {
        ExportFormat::Json => Ok(export.to_json()),
        ExportFormat::Csv { bom } => Ok(to_csv(&export.rows(localizer, problems), bom)),
        ExportFormat::Xlsx => {
            let created = catalog.skills().iter().map(|skill| skill.updated()).max();
            to_xlsx(&export.rows(localizer, problems), &export.locale, created)
                .map_err(|err| RenderError::new(format!("cannot write the XLSX export: {err}")))
        }
    }
}

/// CSV (RFC 4180, UTF-8), with a byte-order mark only when asked for: Excel needs one to read
/// UTF-8, most other tools are confused by it.
pub fn to_csv(rows: &[[String; 7]], bom: bool) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(if bom { "\u{feff}".as_bytes().to_vec() } else { Vec::new() });
    for row in rows {
        // Writing to memory only fails on a bug in csv itself.
        let _ = writer.write_record(row);
    }
    writer.into_inner().unwrap_or_default()
}

/// An XLSX workbook of one sheet: the header row frozen and filtered, columns sized to fit.
/// `created` is written as the document's creation date (the catalog's last review, not the
/// clock; 2000-01-01 without one), so the same catalog gives the same bytes.
pub fn to_xlsx(
    rows: &[[String; 7]],
    sheet_name: &str,
    created: Option<Date>,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let (year, month, day) = created.map_or((2000, 1, 1), |date| (date.year(), date.month(), date.day()));
    let created = rust_xlsxwriter::ExcelDateTime::from_ymd(year, month, day)?;
    workbook.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created));
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let sheet = workbook.add_worksheet();
    // Sheet names are at most 31 characters and exclude a few; the locale tag always fits.
    sheet.set_name(sheet_name)?;
    for (row_index, row) in rows.iter().enumerate() {
        let row_number = u32::try_from(row_index).unwrap_or(u32::MAX);
        for (column, value) in row.iter().enumerate() {
            let column = u16::try_from(column).unwrap_or(0);
            if row_index == 0 {
                sheet.write_string_with_format(row_number, column, value, &bold)?;
            } else {
                sheet.write_string(row_number, column, value)?;
            }
        }
    }
    let last_row = u32::try_from(rows.len().saturating_sub(1)).unwrap_or(u32::MAX);
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, 6)?;
    for (column, width) in [(0u16, 24.0), (1, 24.0), (2, 28.0), (3, 24.0), (4, 12.0), (5, 14.0), (6, 80.0)] {
        sheet.set_column_width(column, width)?;
    }
    workbook.save_to_buffer()
}
