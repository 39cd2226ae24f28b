//! Where `export -o OUT` writes. A regular file (or a name not yet taken) is replaced atomically,
//! so a reader never sees half of it; anything else is written into, as `curl -o` and `sort -o`
//! do: a FIFO keeps its reader, `/dev/stdout` and a process substitution (`-o >(gzip > x.gz)`)
//! reach their pipe, and a device node stays a device node.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` the way its kind of file needs (see the module comment).
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(fd) = inherited_descriptor(path) {
        return write_to_descriptor(fd, bytes);
    }
    if writes_into(path) {
        write_into(path, bytes)
    } else {
        crate::save::replace_file(path, bytes)
    }
}

/// The descriptor a path names, when it names one of this process's own: `/dev/stdout` (1),
/// `/dev/stderr` (2), `/dev/fd/N`, `/proc/self/fd/N`. Written through as inherited, never
/// reopened: reopening would start at offset 0 without the append flag, so
/// `argscope export -o /dev/stdout >> notes.md` would empty the notes.
fn inherited_descriptor(path: &Path) -> Option<i32> {
    let name = path.to_str()?;
    match name {
        "/dev/stdout" => Some(1),
        "/dev/stderr" => Some(2),
        _ => name
            .strip_prefix("/dev/fd/")
            .or_else(|| name.strip_prefix("/proc/self/fd/"))
            .and_then(|n| n.parse().ok()),
    }
}

/// Writes to a descriptor the process already has, through a duplicate so that it stays open.
fn write_to_descriptor(fd: i32, bytes: &[u8]) -> std::io::Result<()> {
    use std::os::fd::FromRawFd;
    // SAFETY: dup returns a new descriptor owned by nobody else, or -1.
    let dup = unsafe { libc::dup(fd) };
    if dup < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: `dup` was just returned by dup and is owned here.
    let mut file = unsafe { std::fs::File::from_raw_fd(dup) };
    file.write_all(bytes)?;
    file.flush()
}

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
