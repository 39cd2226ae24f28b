//! Ending the explorer from outside its event loop: on SIGTERM, SIGINT or SIGHUP, and when the
//! terminal goes away without a signal (a process under `setsid` or `nohup` whose window closed).
//!
//! Why not a flag that the loop reads: once the tty is hung up, crossterm's event source finds it
//! readable, `read` returns 0 or `EIO`, and it retries at once, forever, inside `event::poll`
//! (crossterm issue 793), so the loop never comes back to look at a flag. Its source is private,
//! so fixing that would mean vendoring crossterm. Instead two small threads end the process:
//!
//! - a signal-hook `Signals` thread, for the signals;
//! - a watchdog that `poll`s its own copy of the tty's descriptor with no events requested. The
//!   kernel still reports `POLLHUP`/`POLLERR`/`POLLNVAL`, so it sees a hang-up without consuming a
//!   byte of input. A second thread that *read* input would steal keys from the loop, from
//!   `Ctrl-z`'s shell and from an external editor run on the same tty; this one never reads, and
//!   an editor running on a live tty raises no `POLLHUP`.
//!
//! Both block in the kernel, so nothing spins. The event loop holds [`TerminalLock`] while it
//! writes to the terminal, so a restore from here never interleaves with half a frame.

use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Held by whoever writes to the terminal (the event loop while it draws, runs effects, suspends).
static TERMINAL: Mutex<()> = Mutex::new(());

/// Set by the first thread that starts ending the process; a second one just waits for the exit.
static ENDING: AtomicBool = AtomicBool::new(false);

/// How long a signal waits for the loop to finish writing before it gives up on restoring: a
/// terminal that takes longer than this to accept a frame is not answering.
const RESTORE_PATIENCE: Duration = Duration::from_millis(500);

/// How long the way out waits for a pending save of the reader's changes.
const SAVE_PATIENCE: Duration = Duration::from_secs(10);

/// The exit status of a vanished terminal without a signal: as if hung up.
pub const VANISHED_STATUS: i32 = 128 + libc::SIGHUP;

/// Proof that the terminal is ours to write to until it is dropped.
pub struct TerminalLock(#[allow(dead_code)] MutexGuard<'static, ()>);

/// Takes the terminal for writing. A panic while it was held does not make it unusable.
pub fn lock_terminal() -> TerminalLock {
    TerminalLock(
        TERMINAL
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()),
    )
}

/// Starts the signal thread and the watchdog on the tty behind `tty` (standard input, which the
/// explorer has checked is a terminal). `restore` puts the terminal back as it was.
pub fn install(tty: &impl AsRawFd, restore: fn()) -> io::Result<()> {
    // Our own descriptor, so the watchdog's stays valid whatever happens to standard input.
    // SAFETY: dup returns a new descriptor that nothing else owns, or -1.
    let fd = unsafe { libc::dup(tty.as_raw_fd()) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `fd` was just returned by dup and is owned by nobody else.
    let watched = std::sync::Arc::new(unsafe { OwnedFd::from_raw_fd(fd) });

    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGINT, SIGTERM])?;
    let tty_for_signals = std::sync::Arc::clone(&watched);
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            // The first signal ends the process on a thread of its own, so that this one keeps
            // listening: if restoring blocks on a stalled terminal, a second signal still ends
            // it at once.
            let mut ending = false;
            for signal in signals.forever() {
                if std::mem::replace(&mut ending, true) {
                    // SAFETY: _exit ends the process at once; nothing is left to flush.
                    unsafe { libc::_exit(128 + signal) }
                }
                let gone = tty_gone(tty_for_signals.as_raw_fd());
                let _ = std::thread::Builder::new()
                    .name("ending".into())
                    .spawn(move || end(128 + signal, gone, restore));
            }
        })?;
    std::thread::Builder::new()
        .name("tty-watchdog".into())
        .spawn(move || {
            if wait_for_hangup(watched.as_raw_fd()) {
                end(VANISHED_STATUS, true, restore);
            }
        })?;
    Ok(())
}

/// Whether the terminal behind `fd` has gone: hung up or in error.
pub fn tty_gone(fd: i32) -> bool {
    matches!(poll_hangup(fd, 0), Poll::HungUp)
}

/// Whether the terminal the explorer reads from (standard input) has gone. The event loop asks
/// this when a read or write fails, to tell a vanished terminal from an ordinary error.
pub fn stdin_gone() -> bool {
    tty_gone(io::stdin().as_raw_fd())
}

/// What polling a tty for a hang-up found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Poll {
    HungUp,
    /// The time ran out with the terminal still there.
    Quiet,
    /// This platform cannot poll this descriptor (macOS reports `POLLNVAL` for `/dev/tty`):
    /// the watchdog has nothing to watch, and the signals still end the process.
    Unsupported,
    /// Interrupted, or poll itself failed.
    Failed,
}

/// Polls `fd` for nothing but a hang-up, for `timeout_ms` (-1: without end).
fn poll_hangup(fd: i32, timeout_ms: i32) -> Poll {
    let mut pfd = libc::pollfd {
        fd,
        events: 0,
        revents: 0,
    };
    // SAFETY: one valid pollfd, and its count.
    let n = unsafe { libc::poll(&mut pfd, 1, timeout_ms) };
    match n {
        // Our own dup is never an invalid descriptor: POLLNVAL means the device cannot be polled.
        n if n > 0 && pfd.revents & libc::POLLNVAL != 0 => Poll::Unsupported,
        n if n > 0 && pfd.revents & (libc::POLLHUP | libc::POLLERR) != 0 => Poll::HungUp,
        // Nothing asked for can be ready; should a platform say so anyway, back off, not spin.
        n if n > 0 => Poll::Failed,
        0 => Poll::Quiet,
        _ => Poll::Failed,
    }
}

/// Blocks until the terminal hangs up (true), or gives up where it cannot be watched (false).
/// Interruptions are retried; a failing poll backs off, so nothing spins.
fn wait_for_hangup(fd: i32) -> bool {
    loop {
        match poll_hangup(fd, -1) {
            Poll::HungUp => return true,
            Poll::Unsupported => return false,
            Poll::Quiet => {}
            Poll::Failed if io::Error::last_os_error().kind() == io::ErrorKind::Interrupted => {}
            Poll::Failed => std::thread::sleep(Duration::from_millis(250)),
        }
    }
}

/// Ends the process with `status`. When the terminal is still there it is restored first, once the
/// event loop has finished any write in progress; when it is gone there is nothing to restore
/// and nothing to print, so no write can block the exit.
///
/// This is the one exit path outside the event loop: work that must finish before the process
/// ends (a pending save of an edit) is to be waited for here.
pub fn end(status: i32, tty_gone: bool, restore: fn()) -> ! {
    if ENDING.swap(true, Ordering::SeqCst) {
        // Someone else is already ending the process; it exits in a moment.
        loop {
            std::thread::park();
        }
    }
    // A change the reader made is on disk before the process goes (a save takes milliseconds;
    // the bound is for a disk that does not answer).
    let kept = crate::saver::settle_on_exit(SAVE_PATIENCE);
    if !tty_gone && let Some(_lock) = lock_within(RESTORE_PATIENCE) {
        restore();
        if let Some(copy) = kept {
            eprintln!(
                "argscope: the file changed on disk, so your changes were not saved over it; they are in {}",
                crate::model::sanitize::line(&copy.display().to_string())
            );
        }
        std::process::exit(status);
    }
    // SAFETY: _exit ends the process at once, flushing no buffer that could block on the tty.
    unsafe { libc::_exit(status) }
}

/// The terminal lock, if the loop lets go of it within `patience`.
fn lock_within(patience: Duration) -> Option<TerminalLock> {
    let start = Instant::now();
    loop {
        match TERMINAL.try_lock() {
            Ok(guard) => return Some(TerminalLock(guard)),
            Err(std::sync::TryLockError::Poisoned(p)) => return Some(TerminalLock(p.into_inner())),
            Err(std::sync::TryLockError::WouldBlock) if start.elapsed() < patience => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(std::sync::TryLockError::WouldBlock) => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_whose_writer_closed_reads_as_hung_up() {
        let mut fds = [0; 2];
        // SAFETY: a two-element array for pipe's two descriptors.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        // SAFETY: both descriptors were just created and are owned here.
        let (read, write) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
        assert!(!tty_gone(read.as_raw_fd()), "the writer is still open");
        drop(write);
        assert!(tty_gone(read.as_raw_fd()), "POLLHUP once the writer closed");
        assert!(
            wait_for_hangup(read.as_raw_fd()),
            "returns at once, as a hang-up"
        );
    }
}
