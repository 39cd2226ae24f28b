//! Noticing that a document changed on disk, and reading it again off the UI thread.
//!
//! It polls the file's size, modification time and inode a few times a second rather than asking
//! the kernel to notify: one `stat` is nothing, it needs no dependency, and it sees every way an
//! editor saves (in place, or a new file renamed over the old one, which a watch on the old inode
//! misses) and files on network mounts, which inotify does not see change. `check --watch` and
//! the explorer's live reload share it.

use crate::model::{self, Model, Problem};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

/// How often the file is looked at.
pub const POLL: Duration = Duration::from_millis(250);

/// What identifies one version of a file on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    inode: u64,
    device: u64,
}

/// The file's stamp now, or `None` when it cannot be seen (missing, between an editor's delete
/// and its rename).
pub fn stamp(path: &Path) -> Option<Stamp> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    Some(Stamp {
        len: m.len(),
        modified: m.modified().ok(),
        inode: m.ino(),
        device: m.dev(),
    })
}

/// A version of the document read again after a change.
#[derive(Debug)]
pub enum Reloaded {
    /// It loads: the new map (its warnings inside).
    Valid(Box<Model>),
    /// It does not: every problem, placed at its line and column.
    Invalid(Vec<Problem>),
    /// It cannot be read (permissions, a directory now); the reason.
    Unreadable(String),
}

/// A thread that watches one file and sends each new version, loaded, as it settles.
pub struct Reloader {
    /// Each version with the stamp it was read at.
    versions: Receiver<(Reloaded, Option<Stamp>)>,
    /// Stamps of versions argscope wrote itself, which are not news.
    own: Sender<Stamp>,
}

impl Reloader {
    /// Watches `path`, whose version `seen` is already loaded. `wake` is called after each new
    /// version is sent, so an event loop that blocks can look.
    pub fn spawn(
        path: PathBuf,
        seen: Option<Stamp>,
        wake: impl Fn() + Send + 'static,
    ) -> std::io::Result<Reloader> {
        let (tx, versions) = mpsc::channel();
        let (own, own_rx) = mpsc::channel::<Stamp>();
        std::thread::Builder::new()
            .name("reload".into())
            .spawn(move || {
                let mut last = seen;
                loop {
                    std::thread::sleep(POLL);
                    let now = stamp(&path);
                    if now.is_none() || now == last {
                        continue;
                    }
                    // A save in progress: wait until two looks agree before reading.
                    std::thread::sleep(POLL);
                    if stamp(&path) != now {
                        continue;
                    }
                    last = now;
                    if own_rx.try_iter().any(|s| Some(s) == now) {
                        continue;
                    }
                    if tx.send((load(&path), now)).is_err() {
                        return; // The explorer has gone.
                    }
                    wake();
                }
            })?;
        Ok(Reloader { versions, own })
    }

    /// The newest version that arrived since the last call, if any.
    pub fn newest(&self) -> Option<Reloaded> {
        self.newest_stamped().map(|(v, _)| v)
    }

    /// [`Reloader::newest`], with the stamp of the version read: what a save must find on disk
    /// to write over it.
    pub fn newest_stamped(&self) -> Option<(Reloaded, Option<Stamp>)> {
        self.versions.try_iter().last()
    }

    /// Says that argscope itself wrote the version with this stamp, so it is not reloaded.
    pub fn wrote(&self, stamp: Stamp) {
        let _ = self.own.send(stamp);
    }

    /// [`Reloader::wrote`] for another thread (the saver), which tells it as soon as it writes.
    pub fn notifier(&self) -> impl Fn(Stamp) + Send + 'static {
        let own = self.own.clone();
        move |stamp| {
            let _ = own.send(stamp);
        }
    }
}

/// Reads and loads `path`.
pub fn load(path: &Path) -> Reloaded {
    match model::read_source(path) {
        Err(e) => Reloaded::Unreadable(e.to_string()),
        Ok(bytes) => match model::load_placed(bytes, model::reread(path)) {
            Ok(m) => Reloaded::Valid(Box::new(m)),
            Err(problems) => Reloaded::Invalid(problems),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    fn wait_for(r: &Reloader) -> Reloaded {
        let start = Instant::now();
        loop {
            if let Some(v) = r.newest() {
                return v;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "no new version");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    const GOOD: &str = include_str!("../tests/fixtures/valid-small.json");

    /// A valid map in a fresh directory, and a reloader watching it.
    fn watched() -> (tempfile::TempDir, PathBuf, Reloader) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.json");
        std::fs::write(&path, GOOD).unwrap();
        let r = Reloader::spawn(path.clone(), stamp(&path), || {}).unwrap();
        (dir, path, r)
    }

    #[test]
    fn a_save_in_place_and_a_rename_over_are_both_new_versions() {
        let (dir, path, r) = watched();
        let good = GOOD;
        std::fs::write(&path, "{\"format\": 1}").unwrap();
        let Reloaded::Invalid(problems) = wait_for(&r) else {
            panic!("the broken version is reported")
        };
        assert!(problems.iter().all(|p| p.line.is_some()), "{problems:#?}");
        let tmp = dir.path().join("map.json.swp");
        std::fs::write(&tmp, good).unwrap();
        std::fs::rename(&tmp, &path).unwrap();
        assert!(matches!(wait_for(&r), Reloaded::Valid(_)));
    }

    #[test]
    fn a_version_argscope_wrote_itself_is_not_news() {
        let (_dir, path, r) = watched();
        let good = GOOD;
        std::fs::write(&path, format!("{good} ")).unwrap();
        r.wrote(stamp(&path).unwrap());
        std::thread::sleep(POLL * 4);
        assert!(r.newest().is_none());
        // Someone else's change after it still is.
        std::fs::write(&path, format!("{good}  ")).unwrap();
        assert!(matches!(wait_for(&r), Reloaded::Valid(_)));
    }
}
