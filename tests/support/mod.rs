//! What the end-to-end test files share (this package's, and `xtask/tests/support` includes it):
//! where the workspace is, copying a project into a scratch directory, and reading a file tree.

#![allow(dead_code, reason = "each test file uses the part it needs")]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

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

/// Every file below `dir`, sorted by its path relative to `dir` with `/` separators.
pub(crate) fn walk(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let Ok(entries) = fs::read_dir(&current) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            let metadata = fs::symlink_metadata(&path).unwrap();
            if metadata.is_dir() {
                pending.push(path);
            } else if metadata.is_file() {
                let relative = path.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
                found.push((relative, path));
            }
        }
    }
    found.sort();
    found
}

/// Every file below `dir` and its bytes, the manifest too.
pub(crate) fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walk(dir).into_iter().map(|(relative, path)| (relative, fs::read(path).unwrap())).collect()
}

/// [`contents`] without the manifest, which records modification times.
pub(crate) fn outputs(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = contents(dir);
    found.remove(".ladder-manifest");
    found.remove(".ladder-lookups");
    found
}
