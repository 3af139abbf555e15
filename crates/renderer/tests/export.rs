//! The exports read back by the libraries other tools would use, and compared with the catalog.

#![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

use std::path::Path;

use calamine::Reader;
use ladder_i18n::Locales;
use ladder_model::{Catalog, Date};
use ladder_renderer::export::{LadderExport, to_csv, to_xlsx};

fn project() -> (Catalog, Locales) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let catalog = Catalog::load(&root.join("catalog")).unwrap();
    let locales = Locales::load(&root.join("locales")).unwrap().locales;
    (catalog, locales)
}

#[test]
fn the_json_export_holds_every_requirement_with_where_its_text_came_from() {
    let (catalog, locales) = project();
    let es = locales.localizer(&"es".parse().unwrap()).unwrap();
    let mut problems = Vec::new();
    let export = LadderExport::new(&catalog, &es, &mut problems);
    assert!(problems.is_empty(), "{problems:?}");
    let json: serde_json::Value = serde_json::from_slice(&export.to_json()).unwrap();
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/ladder-export.schema.json");
    let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&json).map(|e| format!("{}: {e}", e.instance_path())).collect();
    assert!(errors.is_empty(), "the export does not follow docs/ladder-export.schema.json: {errors:#?}");
    let mut broken = json.clone();
    broken["skills"][0]["requirements"][0]["necessity"] = "required".into();
    assert!(!validator.is_valid(&broken), "the schema checks what it says");

    assert_eq!((json["version"].as_u64(), json["locale"].as_str()), (Some(1), Some("es")));
    let levels: Vec<&str> = json["levels"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(levels, catalog.levels().iter().map(|l| l.as_str()).collect::<Vec<_>>());
    let skill = &json["skills"][0];
    let from_catalog = catalog.skill("serverless-functions").unwrap();
    assert_eq!(skill["id"], "serverless-functions");
    assert_eq!(skill["requirements"].as_array().unwrap().len(), from_catalog.requirements().len());
    let mandatory = skill["requirements"].as_array().unwrap().iter().filter(|r| r["necessity"] == "mandatory").count();
    assert_eq!(mandatory, from_catalog.mandatory_count());
    // Nobody has translated the descriptions: they come from English, and say so.
    assert_eq!(skill["requirements"][0]["description"]["locale"], "en");
    assert_eq!(json["levels"][0]["name"], serde_json::json!({ "text": "Junior", "locale": "es" }));
}

#[test]
fn csv_and_xlsx_have_a_localized_header_and_a_row_per_requirement() {
    let (catalog, locales) = project();
    let es = locales.localizer(&"es".parse().unwrap()).unwrap();
    let mut problems = Vec::new();
    let export = LadderExport::new(&catalog, &es, &mut problems);
    let rows = export.rows(&es, &mut problems);
    assert!(problems.is_empty(), "{problems:?}");
    let requirements = catalog.skills().iter().map(|s| s.requirements().len()).sum::<usize>();

    let csv_bytes = to_csv(&rows, false);
    assert!(!csv_bytes.starts_with("\u{feff}".as_bytes()), "no byte-order mark unless asked for");
    let mut reader = csv::Reader::from_reader(csv_bytes.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header, ["Dominio", "Grupo", "Habilidad", "Rol", "Nivel", "Requisito", "Descripción"]);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), requirements);
    assert!(records.iter().all(|r| r.len() == 7));
    assert_eq!(records.iter().filter(|r| &r[5] == "Obligatorio").count(), 16);
    assert_eq!(records.iter().filter(|r| &r[5] == "Opcional").count(), 4);
    assert!(to_csv(&rows, true).starts_with("\u{feff}".as_bytes()), "--csv-bom");

    let created = Date::new(2026, 3, 17);
    let xlsx = to_xlsx(&rows, "es", created).unwrap();
    assert_eq!(xlsx, to_xlsx(&rows, "es", created).unwrap(), "the same rows give the same bytes");
    let mut workbook = calamine::Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
    let sheet = workbook.worksheet_range("es").unwrap();
    assert_eq!(sheet.height(), requirements + 1);
    let cell = |row: usize, column: usize| sheet.get((row, column)).map(ToString::to_string).unwrap_or_default();
    assert_eq!(cell(0, 0), "Dominio");
    for (row, record) in records.iter().enumerate() {
        for column in 0..7 {
            assert_eq!(cell(row + 1, column), record[column], "row {row}, column {column}");
        }
    }
}
