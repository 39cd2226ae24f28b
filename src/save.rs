//! Saving a file so that nothing is ever lost: written beside it, synced, renamed over it (a
//! crash or a kill at any moment leaves the old file or the new one, never a broken one), and
//! never over a file that changed on disk since it was read.

use crate::watch::Stamp;
use std::io::Write;
use std::path::Path;

/// Why a save did not happen.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Someone else changed the file after argscope read it; writing would lose their change.
    #[error("{0} changed on disk since it was read; not overwriting it")]
    ChangedOnDisk(String),
    #[error("{path}: cannot write: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// Writes `bytes` to `path` atomically, unless the file on disk is no longer the version argscope
/// read (`read_as`; `None` for a file that did not exist). Gives the stamp of the version written,
/// so the file watcher can tell argscope's own save from someone else's.
pub fn save(path: &Path, bytes: &[u8], read_as: Option<Stamp>) -> Result<Stamp, SaveError> {
    let io = |source| SaveError::Io {
        path: path.display().to_string(),
        source,
    };
    if crate::watch::stamp(path) != read_as {
        return Err(SaveError::ChangedOnDisk(path.display().to_string()));
    }
    replace_file(path, bytes).map_err(io)?;
    crate::watch::stamp(path).ok_or_else(|| io(std::io::Error::other("the saved file is gone")))
}

/// Writes to a temporary file beside `path`, then renames it over `path`, so an existing file is
/// either replaced whole or left as it was. A symbolic link is written through, as a plain write
/// would: the file it points to is replaced and the link stays.
pub fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let resolved;
    let path = if path.is_symlink() {
        resolved = link_target(path)?;
        resolved.as_path()
    } else {
        path
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("the directory {} does not exist", dir.display()),
        ));
    }
    if path.is_dir() {
        return Err(std::io::Error::other("it is a directory"));
    }
    // A temporary file is private (0600); the export is an ordinary file, so it gets the mode a
    // plain create would (0666 less the umask), or keeps the mode of the file it replaces.
    let existing = std::fs::metadata(path).ok().map(|m| m.permissions());
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    if let Some(permissions) = existing {
        tmp.as_file().set_permissions(permissions)?;
    }
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    // The rename is durable only once the directory is: a crash now leaves the new file or the
    // old one, never neither.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Where a chain of symbolic links ends (the end may not exist yet).
fn link_target(link: &Path) -> std::io::Result<std::path::PathBuf> {
    let mut at = link.to_path_buf();
    // As many links as the kernel follows before it gives up (ELOOP).
    for _ in 0..=40 {
        if !at.is_symlink() {
            return Ok(at);
        }
        let target = std::fs::read_link(&at)?;
        at = match at.parent() {
            Some(dir) if target.is_relative() => dir.join(target),
            _ => target,
        };
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_since_it_was_read_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.json");
        std::fs::write(&path, "v1").unwrap();
        let read_as = crate::watch::stamp(&path);
        std::fs::write(&path, "someone else's v2").unwrap();
        assert!(matches!(
            save(&path, b"ours", read_as),
            Err(SaveError::ChangedOnDisk(_))
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "someone else's v2");
        // Read again, it saves, and the stamp given back is the file's new one.
        let read_as = crate::watch::stamp(&path);
        let written = save(&path, b"ours", read_as).unwrap();
        assert_eq!(Some(written), crate::watch::stamp(&path));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "ours");
    }
}
