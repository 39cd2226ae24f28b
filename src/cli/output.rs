//! Where `export -o OUT` writes. A regular file (or a name not yet taken) is replaced atomically,
//! so a reader never sees half of it; anything else is written into, as `curl -o` and `sort -o`
//! do: a FIFO keeps its reader, `/dev/stdout` and a process substitution (`-o >(gzip > x.gz)`)
//! reach their pipe, and a device node stays a device node.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` the way its kind of file needs (see the module comment).
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if writes_into(path) {
        write_into(path, bytes)
    } else {
        write_atomically(path, bytes)
    }
}

/// Whether `path` is to be written into rather than replaced: it exists and is not a regular file
/// (a FIFO, a device, a socket), or it names a descriptor (`/dev/stdout`, `/dev/fd/N`,
/// `/proc/self/fd/N`), whatever that descriptor is open on: replacing the file behind a shell's
/// `> file` would leave the shell writing to a file nobody can see.
fn writes_into(path: &Path) -> bool {
    let names_a_descriptor = ["/dev/", "/proc/"].iter().any(|dir| path.starts_with(dir));
    names_a_descriptor || std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// Opens `path` for writing and writes `bytes` through it. A regular file reached this way is
/// truncated first; a FIFO or a device has nothing to truncate.
fn write_into(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let regular = std::fs::metadata(path).is_ok_and(|m| m.is_file());
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .truncate(regular)
        .open(path)?;
    file.write_all(bytes)?;
    file.flush()
}

/// Writes to a temporary file beside `path`, then renames it over `path`, so an existing file is
/// either replaced whole or left as it was. A symbolic link is written through, as a plain write
/// would: the file it points to is replaced and the link stays.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
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
