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
        crate::save::replace_file(path, bytes)
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
