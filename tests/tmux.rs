//! The explorer in a real terminal: tmux runs it, keys go in with send-keys, the screen comes out
//! with capture-pane. Checks that the terminal is restored after quit, SIGTERM and Ctrl-z/fg.
//!
//! Skips with a notice when tmux is missing, unless ARGSCOPE_REQUIRE_TMUX=1.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
    dir: tempfile::TempDir,
}

impl Tmux {
    /// A private tmux server with one shell of the given size, or `None` (skip) without tmux.
    fn start(name: &str, cols: u16, rows: u16) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(
                std::env::var("ARGSCOPE_REQUIRE_TMUX").as_deref() != Ok("1"),
                "tmux is required (ARGSCOPE_REQUIRE_TMUX=1) but not installed"
            );
            eprintln!("notice: tmux is not installed; skipping the real-terminal test {name}");
            return None;
        }
        let t = Tmux {
            socket: format!("argscope-test-{}-{name}", std::process::id()),
            dir: tempfile::tempdir().unwrap(),
        };
        let ok = t
            .cmd(&[
                "new-session",
                "-d",
                "-x",
                &cols.to_string(),
                "-y",
                &rows.to_string(),
                "bash --norc --noprofile",
            ])
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux new-session failed");
        // A plain prompt, so that captures are predictable.
        t.send(&["PS1='$ '", "Enter"]);
        Some(t)
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket, "-f", "/dev/null"]).args(args);
        c.env("NO_COLOR", "1").env_remove("TMUX");
        c
    }

    fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "0"];
        args.extend_from_slice(keys);
        assert!(self.cmd(&args).status().unwrap().success());
    }

    fn screen(&self) -> String {
        let out = self
            .cmd(&["capture-pane", "-p", "-t", "0"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn alternate_on(&self) -> bool {
        let out = self
            .cmd(&["display-message", "-p", "-t", "0", "#{alternate_on}"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }

    /// Polls the screen until `pred` holds; panics with the last screen after 10 seconds.
    fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "timed out waiting for {what}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    /// After argscope has ended: waits for the shell and shows its exit status.
    fn wait_exit(&self, code: u8) {
        self.wait_for("the shell prompt", |s| s.trim_end().ends_with('$'));
        self.send(&["echo EXITED $?", "Enter"]);
        self.wait_text(&format!("EXITED {code}"));
    }

    /// Starts argscope in the shell; its pid goes into a file so that it can be signalled.
    fn launch(&self, args: &str) -> PathBuf {
        let pid = self.dir.path().join("pid");
        let bin = env!("CARGO_BIN_EXE_argscope");
        let line = format!("sh -c 'echo $$ > {}; exec {bin} {args}'", pid.display());
        self.send(&[&line, "Enter"]);
        pid
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]).status();
    }
}

#[test]
fn navigate_follow_back_quit_restores_the_terminal() {
    let Some(t) = Tmux::start("nav", 160, 45) else {
        return;
    };
    t.launch("");
    t.wait_text("1 Timeline");
    assert!(t.alternate_on(), "the explorer uses the alternate screen");
    let s = t.screen();
    for pane in [
        "1 Timeline",
        "2 Actors",
        "3 Provisions",
        "4 Recommendations",
        "Detail",
    ] {
        assert!(s.contains(pane), "{pane} is on screen at 160x45:\n{s}");
    }
    // Recommendations, into the links, follow the first: it lands in Provisions.
    t.send(&["4"]);
    t.wait_text(" RECOMMENDATIONS");
    t.send(&["Enter"]);
    t.wait_text(" LINKS");
    t.send(&["Enter"]);
    t.wait_text(" PROVISIONS");
    t.send(&["BSpace"]);
    t.wait_text(" RECOMMENDATIONS");
    t.send(&["]"]);
    t.wait_text(" PROVISIONS");
    t.send(&["q"]);
    t.wait_exit(0);
    assert!(!t.alternate_on(), "the alternate screen is left after q");
}

#[test]
fn sigterm_restores_the_terminal() {
    let Some(t) = Tmux::start("term", 120, 40) else {
        return;
    };
    let pid = t.launch("");
    t.wait_text("1 Timeline");
    let pid = std::fs::read_to_string(pid).unwrap();
    assert!(
        Command::new("kill")
            .args(["-TERM", pid.trim()])
            .status()
            .unwrap()
            .success()
    );
    t.wait_exit(143);
    assert!(
        !t.alternate_on(),
        "the alternate screen is left after SIGTERM"
    );
}

#[test]
fn ctrl_z_suspends_and_fg_resumes_with_a_full_redraw() {
    let Some(t) = Tmux::start("tstp", 120, 40) else {
        return;
    };
    t.launch("--no-mouse");
    t.wait_text("1 Timeline");
    for _ in 0..2 {
        t.send(&["C-z"]);
        t.wait_for("the shell after suspending", |s| !s.contains("1 Timeline"));
        assert!(
            !t.alternate_on(),
            "suspended: the terminal is the shell's again"
        );
        t.send(&["fg", "Enter"]);
        t.wait_text("1 Timeline");
        assert!(t.alternate_on());
    }
    t.send(&["q"]);
    t.wait_exit(0);
    assert!(!t.alternate_on());
}
