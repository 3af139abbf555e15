//! What the end-to-end test files share: the project's paths, and case folders laid over a copy
//! of the default project.
//!
//! A case folder holds `catalog/`, `locales/` and `templates/` files that are laid over the
//! default project. A plain file replaces or adds the file of the same path. A file named
//! `<name>.edit` changes `<name>` in place instead, so a case says only what it breaks and keeps
//! working when the rest of the file changes:
//!
//! ```text
//! @@@ old
//! ui-skill-profile = Perfil de habilidad
//! @@@ new
//! ui-skill-profile = Perfil de { $skill
//! @@@ end
//! ```
//!
//! Each `old` text must stand exactly once in the file; an empty `old` appends `new`.

#![allow(dead_code, reason = "each test file uses the part it needs")]

// The helpers the `tests` package has too, in one place.
#[path = "../../../tests/support/mod.rs"]
mod shared;

#[allow(unused_imports, reason = "each test file uses the part it needs")]
pub(crate) use shared::{contents, copy_tree, outputs, walk, workspace};

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::SystemTime;

/// Copies the default `catalog/` and `locales/` into `dir`.
pub(crate) fn default_project(dir: &Path) {
    for part in ["catalog", "locales"] {
        copy_tree(&workspace().join(part), &dir.join(part));
    }
}

/// Lays the case folder `case` over the project in `dir` (see the module docs).
pub(crate) fn lay_over(case: &Path, dir: &Path) {
    for part in ["catalog", "locales", "templates"] {
        if case.join(part).is_dir() {
            overlay_tree(&case.join(part), &dir.join(part));
        }
    }
}

fn overlay_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().unwrap().is_dir() {
            overlay_tree(&entry.path(), &to.join(&name));
        } else if let Some(target) = name.strip_suffix(".edit") {
            apply_edits(&entry.path(), &to.join(target));
        } else {
            fs::copy(entry.path(), to.join(&name)).unwrap();
        }
    }
}

fn apply_edits(edits: &Path, target: &Path) {
    let script = fs::read_to_string(edits).unwrap();
    let mut text = fs::read_to_string(target).unwrap_or_default();
    for block in script.split("@@@ end\n").filter(|block| !block.trim().is_empty()) {
        let block = block
            .strip_prefix("@@@ old\n")
            .unwrap_or_else(|| panic!("{}: a block starts with `@@@ old`", edits.display()));
        let (old, new) =
            block.split_once("@@@ new\n").unwrap_or_else(|| panic!("{}: `@@@ new` is missing", edits.display()));
        if old.is_empty() {
            text.push_str(new);
            continue;
        }
        let found = text.matches(old).count();
        assert_eq!(
            found,
            1,
            "{}: the `old` text stands {found} time(s) in {}, not once:\n{old}",
            edits.display(),
            target.display()
        );
        text = text.replacen(old, new, 1);
    }
    fs::write(target, text).unwrap();
}

/// Every file below `dir` with its bytes and modification time, by relative path.
pub(crate) fn state(dir: &Path) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
    walk(dir)
        .into_iter()
        .map(|(relative, path)| {
            let modified = fs::metadata(&path).unwrap().modified().unwrap();
            (relative, (fs::read(&path).unwrap(), modified))
        })
        .collect()
}
