//! Writing rendered files to the output directory.

use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use ladder_renderer::RenderedFile;
use rayon::prelude::*;

use crate::diagnostics::Diagnostic;

/// Writes every file below `out_dir`, leaving a file untouched when its bytes are already there so
/// that unchanged pages keep their modification times. Returns the bytes written or kept.
pub(crate) fn write_all(out_dir: &Path, files: &[RenderedFile]) -> Result<u64, Diagnostic> {
    let mut dirs: Vec<&Path> = files.iter().filter_map(|file| file.path.parent()).collect();
    dirs.sort();
    dirs.dedup();
    for dir in dirs {
        let dir = out_dir.join(dir);
        fs::create_dir_all(&dir).map_err(|err| io_error(&dir, &err))?;
    }
    files
        .par_iter()
        .map(|file| {
            let path = out_dir.join(&file.path);
            let unchanged = match fs::read(&path) {
                Ok(existing) => existing == file.bytes,
                Err(err) if err.kind() == ErrorKind::NotFound => false,
                Err(err) => return Err(io_error(&path, &err)),
            };
            if !unchanged {
                fs::write(&path, &file.bytes).map_err(|err| io_error(&path, &err))?;
            }
            Ok(file.bytes.len() as u64)
        })
        .try_reduce(|| 0, |a, b| Ok(a + b))
}

fn io_error(path: &Path, err: &std::io::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot write {}: {err}", path.display()))
        .with_help("check that the output directory is writable, or pass --out DIR".to_owned())
}
