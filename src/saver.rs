//! Saving the explorer's changes off the UI thread: one thread writes the newest version of the
//! file (`crate::save::save`, atomic and never over someone else's version), and versions that
//! arrive faster than it writes are coalesced, the newest winning. Quitting, a hangup and the
//! external editor wait for it with [`wait_idle`].

use crate::save::{SaveError, save};
use crate::watch::Stamp;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// What became of a save.
#[derive(Debug)]
pub enum Saved {
    /// Written; the file's new stamp.
    Done { path: PathBuf, stamp: Stamp },
    /// The file changed on disk since it was read: not written, and nothing more is written until
    /// the reader chooses ([`Saver::reset`]).
    Conflict { path: PathBuf },
    /// It could not be written; the reason.
    Failed(String),
}

/// The saver's shared state: the version waiting to be written and what is being written now.
#[derive(Default)]
struct Slot {
    next: Option<(PathBuf, Arc<Vec<u8>>)>,
    /// The version of the file on disk that argscope knows: a save over another is refused.
    read_as: Option<Stamp>,
    busy: bool,
    /// A save was refused: later versions wait for the reader.
    conflict: bool,
    /// Bumped by `reset`, so a save in flight does not overwrite the stamp it set.
    generation: u64,
}

struct Shared {
    slot: Mutex<Slot>,
    changed: Condvar,
}

/// The process's saver state, so that the shutdown path can wait for a pending save.
static SHARED: Mutex<Option<Arc<Shared>>> = Mutex::new(None);

fn lock(shared: &Shared) -> MutexGuard<'_, Slot> {
    shared.slot.lock().unwrap_or_else(|p| p.into_inner())
}

/// The thread that saves, and the news of its saves.
pub struct Saver {
    shared: Arc<Shared>,
    outcomes: Receiver<Saved>,
}

impl Saver {
    /// Starts the saving thread. `read_as` is the version of the file the map was read from;
    /// `wrote` is told the stamp of every version written (the live reload ignores them); `wake`
    /// is called after each outcome.
    pub fn spawn(
        read_as: Option<Stamp>,
        wrote: impl Fn(Stamp) + Send + 'static,
        wake: impl Fn() + Send + 'static,
    ) -> std::io::Result<Saver> {
        let shared = Arc::new(Shared {
            slot: Mutex::new(Slot {
                read_as,
                ..Slot::default()
            }),
            changed: Condvar::new(),
        });
        let (tx, outcomes) = mpsc::channel();
        let thread_shared = Arc::clone(&shared);
        std::thread::Builder::new()
            .name("save".into())
            .spawn(move || run(&thread_shared, &tx, wrote, wake))?;
        *SHARED.lock().unwrap_or_else(|p| p.into_inner()) = Some(Arc::clone(&shared));
        Ok(Saver { shared, outcomes })
    }

    /// Queues `bytes` to be written to `path`, replacing any version still waiting.
    pub fn save(&self, path: PathBuf, bytes: Arc<Vec<u8>>) {
        let mut slot = lock(&self.shared);
        slot.next = Some((path, bytes));
        self.shared.changed.notify_all();
    }

    /// The file was read again (or saved elsewhere) as version `stamp`: saves go over that one,
    /// and a refused save is forgotten.
    pub fn reset(&self, stamp: Option<Stamp>) {
        let mut slot = lock(&self.shared);
        slot.read_as = stamp;
        slot.conflict = false;
        slot.next = None;
        slot.generation += 1;
        self.shared.changed.notify_all();
    }

    /// The outcomes of the saves made since the last call, oldest first.
    pub fn outcomes(&self) -> Vec<Saved> {
        self.outcomes.try_iter().collect()
    }

    /// Whether a version waits to be written or is being written.
    pub fn pending(&self) -> bool {
        let slot = lock(&self.shared);
        slot.busy || (slot.next.is_some() && !slot.conflict)
    }
}

fn run(shared: &Shared, tx: &Sender<Saved>, wrote: impl Fn(Stamp), wake: impl Fn()) {
    loop {
        let (path, bytes, read_as, generation) = {
            let mut slot = lock(shared);
            while slot.next.is_none() || slot.conflict {
                slot = shared.changed.wait(slot).unwrap_or_else(|p| p.into_inner());
            }
            let Some((path, bytes)) = slot.next.take() else {
                continue;
            };
            slot.busy = true;
            (path, bytes, slot.read_as, slot.generation)
        };
        let result = save(&path, &bytes, read_as);
        let outcome = {
            let mut slot = lock(shared);
            slot.busy = false;
            let outcome = match result {
                Ok(stamp) => {
                    if slot.generation == generation {
                        slot.read_as = Some(stamp);
                    }
                    wrote(stamp);
                    Saved::Done { path, stamp }
                }
                Err(SaveError::ChangedOnDisk(_)) => {
                    slot.conflict = true;
                    // The reader's version is kept for the choice they make.
                    slot.next.get_or_insert((path.clone(), bytes));
                    Saved::Conflict { path }
                }
                Err(e) => Saved::Failed(e.to_string()),
            };
            shared.changed.notify_all();
            outcome
        };
        if tx.send(outcome).is_err() {
            return;
        }
        wake();
    }
}

/// Waits until no save is pending, at most `patience`; says whether none is. Called on the way
/// out (quit, a signal, a vanished terminal) and before the external editor runs.
pub fn wait_idle(patience: Duration) -> bool {
    let Some(shared) = SHARED.lock().unwrap_or_else(|p| p.into_inner()).clone() else {
        return true;
    };
    let start = Instant::now();
    let mut slot = lock(&shared);
    loop {
        if !slot.busy && (slot.next.is_none() || slot.conflict) {
            return true;
        }
        let Some(left) = patience.checked_sub(start.elapsed()) else {
            return false;
        };
        slot = shared
            .changed
            .wait_timeout(slot, left)
            .map(|(g, _)| g)
            .unwrap_or_else(|p| p.into_inner().0);
    }
}

/// On the way out (a signal, a vanished terminal): waits for a pending save, then, if the last
/// save was refused because the file changed on disk, writes the reader's version to a copy
/// beside the file rather than lose it. Gives the copy's name when it wrote one.
pub fn settle_on_exit(patience: Duration) -> Option<PathBuf> {
    wait_idle(patience);
    let shared = SHARED.lock().unwrap_or_else(|p| p.into_inner()).clone()?;
    let (path, bytes) = {
        let slot = lock(&shared);
        if !slot.conflict {
            return None;
        }
        slot.next.clone()?
    };
    let copy = copy_beside(&path);
    save(&copy, &bytes, None).ok().map(|_| copy)
}

/// The environment variable of [`churn`], for tests only (read by debug builds only).
#[doc(hidden)]
pub const CHURN_ENV: &str = "ARGSCOPE_TEST_CHURN";

/// For tests only (`tests/kill.rs`): opens `path` as the explorer does, then adds an item and
/// undoes it, over and over, each version saved by the saver thread, and says `saving` on
/// standard output once the first save is under way. Runs until killed; gives 1 when the file
/// cannot be opened or changed.
#[doc(hidden)]
pub fn churn(path: &std::path::Path) -> u8 {
    use crate::app::annotate::{Change, Target};
    let read_as = crate::watch::stamp(path);
    let Ok(bytes) = std::fs::read(path) else {
        return 1;
    };
    let Ok(model) = crate::model::load_owned(bytes) else {
        return 1;
    };
    let mut app = crate::app::App::new(model, crate::app::Options::default());
    app.file = Some(path.to_path_buf());
    app.edits.target = Target::File(path.to_path_buf());
    app.edits.read_as = read_as;
    let Ok(saver) = Saver::spawn(read_as, |_| {}, || {}) else {
        return 1;
    };
    let Some(mut item) = app.model.doc.items.first().cloned() else {
        return 1;
    };
    item.id = format!("churned-by-the-test-{}", std::process::id()).into();
    item.links.clear();
    let mut said = false;
    loop {
        if app.edits.can_undo() {
            app.undo();
        } else if let Err(e) = app.change(Change::AddItem(item.clone())) {
            eprintln!("{e}");
            return 1;
        }
        if let Some(request) = app.take_save() {
            saver.save(request.path, request.bytes);
        }
        if !said {
            println!("saving");
            said = true;
        }
        wait_idle(Duration::from_secs(30));
        for outcome in saver.outcomes() {
            if !matches!(outcome, Saved::Done { .. }) {
                eprintln!("{outcome:?}");
                return 1;
            }
        }
    }
}

/// A name beside `path` that is free: `name.argscope-1.json`, `-2`…, for keeping the reader's
/// version when they reload someone else's.
pub fn copy_beside(path: &std::path::Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "map".into());
    let dir = path.parent().unwrap_or(std::path::Path::new(""));
    (1..)
        .map(|n| dir.join(format!("{stem}.argscope-{n}.json")))
        .find(|p| !p.exists() && !p.is_symlink())
        .unwrap_or_else(|| dir.join(format!("{stem}.argscope.json")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait(saver: &Saver) -> Saved {
        let start = Instant::now();
        loop {
            if let Some(o) = saver.outcomes().into_iter().next() {
                return o;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "no outcome");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn saves_write_the_newest_version_and_refuse_someone_elses() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.json");
        std::fs::write(&path, "v0").unwrap();
        let wrote = Arc::new(Mutex::new(Vec::new()));
        let w = Arc::clone(&wrote);
        let saver = Saver::spawn(
            crate::watch::stamp(&path),
            move |s| w.lock().unwrap().push(s),
            || {},
        )
        .unwrap();
        saver.save(path.clone(), Arc::new(b"v1".to_vec()));
        assert!(matches!(wait(&saver), Saved::Done { .. }));
        assert!(wait_idle(Duration::from_secs(5)));
        assert_eq!(std::fs::read(&path).unwrap(), b"v1");
        assert_eq!(wrote.lock().unwrap().len(), 1);
        // Someone else writes; our next version is not written over theirs.
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(&path, "theirs, longer").unwrap();
        saver.save(path.clone(), Arc::new(b"v2".to_vec()));
        assert!(matches!(wait(&saver), Saved::Conflict { .. }));
        assert_eq!(std::fs::read(&path).unwrap(), b"theirs, longer");
        assert!(!saver.pending(), "a refused version waits for the reader");
        // A hangup now keeps it beside the file rather than lose it.
        let copy = settle_on_exit(Duration::from_secs(5)).expect("a copy");
        assert_eq!(copy, dir.path().join("map.argscope-1.json"));
        assert_eq!(std::fs::read(&copy).unwrap(), b"v2");
        std::fs::remove_file(&copy).unwrap();
        // The reader reloads theirs: saves go on from there.
        saver.reset(crate::watch::stamp(&path));
        saver.save(path.clone(), Arc::new(b"v3".to_vec()));
        assert!(matches!(wait(&saver), Saved::Done { .. }));
        assert_eq!(std::fs::read(&path).unwrap(), b"v3");
    }

    #[test]
    fn a_copy_beside_takes_a_free_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.json");
        let first = copy_beside(&path);
        assert_eq!(first, dir.path().join("map.argscope-1.json"));
        std::fs::write(&first, "x").unwrap();
        assert_eq!(copy_beside(&path), dir.path().join("map.argscope-2.json"));
    }
}
