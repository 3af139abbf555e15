//! Source text: reading an input file safely, and the one way to point into it.
//!
//! Every stage reads its input through [`read_source`], so every input file gets the same
//! treatment: a symlink that leaves the input directory is refused without reading what it points
//! at, a file over the size limit is refused before it is read whole, a byte-order mark is dropped,
//! and text that is not UTF-8 is reported at the line and column of the first bad byte. Byte
//! offsets become line and column in one place, [`Position::at`].

use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// A place in a source file. Both numbers start at 1; columns count characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The line and column of byte `offset` in `text`. An offset inside a multi-byte character
    /// points at that character; one past the end points just after the last character.
    pub fn at(text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position { line: before.matches('\n').count() + 1, column: before[line_start..].chars().count() + 1 }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Why an input file could not be read as text.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("not found")]
    NotFound,
    #[error("cannot read: {0}")]
    Read(#[source] std::io::Error),
    /// A symlink (or a path through one) that resolves outside the input directory.
    #[error("a symlink that points outside {}", root.display())]
    OutsideRoot { root: PathBuf },
    /// A device, socket or pipe: reading one could hang or never end.
    #[error("not a regular file")]
    NotAFile,
    #[error("too large: {size} bytes, the limit is {limit}")]
    TooLarge { size: u64, limit: u64 },
    /// Text that is not UTF-8; `position` is the first bad byte (shown beside the path).
    #[error("not valid UTF-8")]
    NotUtf8 { position: Position },
}

impl SourceError {
    /// A sentence that tells the user what to do.
    pub fn help(&self) -> Option<String> {
        Some(match self {
            SourceError::NotFound | SourceError::Read(_) => return None,
            SourceError::OutsideRoot { .. } => {
                "input files must live inside their directory: copy the file in instead of linking to it".to_owned()
            }
            SourceError::NotAFile => "replace it with a regular file".to_owned(),
            SourceError::TooLarge { .. } => "split the file, or check that it is the file you meant".to_owned(),
            SourceError::NotUtf8 { .. } => "save the file as UTF-8".to_owned(),
        })
    }

    /// Where in the file the problem is, when it is at one place.
    pub fn position(&self) -> Option<Position> {
        match self {
            SourceError::NotUtf8 { position } => Some(*position),
            _ => None,
        }
    }
}

/// Reads `path`, which must lie inside `root` once symlinks are resolved, as UTF-8 text of at most
/// `limit` bytes, without a leading byte-order mark.
pub fn read_source(path: &Path, root: &Path, limit: u64) -> Result<String, SourceError> {
    let io = |err: std::io::Error| match err.kind() {
        std::io::ErrorKind::NotFound => SourceError::NotFound,
        _ => SourceError::Read(err),
    };
    // Resolving links first means a link to /proc/self/environ is refused before a byte is read.
    let real = fs::canonicalize(path).map_err(io)?;
    let real_root = fs::canonicalize(root).map_err(io)?;
    if !real.starts_with(&real_root) {
        return Err(SourceError::OutsideRoot { root: root.to_path_buf() });
    }
    let metadata = fs::metadata(&real).map_err(io)?;
    if !metadata.is_file() {
        return Err(SourceError::NotAFile);
    }
    if metadata.len() > limit {
        return Err(SourceError::TooLarge { size: metadata.len(), limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    // The file may grow between the check and the read; never take more than the limit.
    fs::File::open(&real).map_err(io)?.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(SourceError::TooLarge { size: bytes.len() as u64, limit });
    }
    let text = String::from_utf8(bytes).map_err(|err| {
        let valid = err.utf8_error().valid_up_to();
        let prefix = std::str::from_utf8(&err.as_bytes()[..valid]).unwrap_or_default();
        SourceError::NotUtf8 { position: Position::at(prefix, valid) }
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a failed unwrap in a test is a failed test")]

    use super::*;

    #[test]
    fn positions_count_lines_and_characters_from_one() {
        let text = "a = 1\nñb = 2\n";
        let at = |offset| Position::at(text, offset).to_string();
        assert_eq!(at(0), "1:1");
        assert_eq!(at(6), "2:1");
        assert_eq!(at(7), "2:1", "inside ñ points at ñ");
        assert_eq!(at(8), "2:2", "ñ is one column, two bytes");
        assert_eq!(at(99), "3:1");
    }

    #[test]
    fn reads_utf8_without_a_byte_order_mark() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        fs::write(&path, "\u{feff}levels: [junior]\n").unwrap();
        assert_eq!(read_source(&path, dir.path(), 100).unwrap(), "levels: [junior]\n");
    }

    #[test]
    fn invalid_utf8_is_reported_at_the_bad_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ftl");
        fs::write(&path, b"a = 1\nb = \xc3\xb1\xff\n").unwrap();
        let err = read_source(&path, dir.path(), 100).unwrap_err();
        assert_eq!(
            (err.to_string(), err.position()),
            ("not valid UTF-8".to_owned(), Some(Position { line: 2, column: 6 }))
        );
    }

    #[test]
    fn large_files_are_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ftl");
        fs::write(&path, "x".repeat(101)).unwrap();
        assert_eq!(
            read_source(&path, dir.path(), 100).unwrap_err().to_string(),
            "too large: 101 bytes, the limit is 100"
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_that_leave_the_root_are_refused() {
        let outside = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret");
        fs::write(&secret, "PASSWORD=hunter2").unwrap();
        let root = tempfile::tempdir().unwrap();
        let link = root.path().join("skill.yaml");
        std::os::unix::fs::symlink(&secret, &link).unwrap();
        let err = read_source(&link, root.path(), 100).unwrap_err();
        assert!(matches!(err, SourceError::OutsideRoot { .. }), "{err}");
        assert!(!err.to_string().contains("hunter2"));

        let inside = root.path().join("real.yaml");
        fs::write(&inside, "ok").unwrap();
        std::os::unix::fs::symlink(&inside, root.path().join("alias.yaml")).unwrap();
        assert_eq!(read_source(&root.path().join("alias.yaml"), root.path(), 100).unwrap(), "ok");
    }
}
