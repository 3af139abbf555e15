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

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

pub(crate) fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

pub(crate) fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

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
pub(crate) fn state(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut found = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let Ok(entries) = fs::read_dir(&current) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            let metadata = fs::symlink_metadata(&path).unwrap();
            if metadata.is_dir() {
                pending.push(path);
            } else if metadata.is_file() {
                let relative = path.strip_prefix(dir).unwrap().to_path_buf();
                found.insert(relative, (fs::read(&path).unwrap(), metadata.modified().unwrap()));
            }
        }
    }
    found
}
