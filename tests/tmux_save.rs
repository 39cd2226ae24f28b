//! Saving in a real terminal: the built-in map is read-only and `W` writes it to a new file
//! (never over an existing one), from which changes are then saved and watched; `u` with nothing
//! to undo says so. (Annotating itself needs the forms: issue 20's other branches.)
//!
//! Skips with a notice when tmux is missing, unless ARGSCOPE_REQUIRE_TMUX=1.

#![cfg(unix)]
#![allow(dead_code)]

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

    /// Whether the pane's alternate-screen state comes to be `on` within two seconds (tmux
    /// reports it as it has processed the output so far, so one read can be a moment early).
    fn alternate_is(&self, on: bool) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(2) {
            if self.alternate_on() == on {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
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
fn w_saves_the_built_in_map_to_a_new_file_and_never_over_an_existing_one() {
    let Some(t) = Tmux::start("save", 120, 30) else {
        return;
    };
    let saved = t.dir.path().join("saved.json");
    t.launch("");
    t.wait_text("1 Timeline");
    t.send(&["u"]);
    t.wait_text("nothing to undo");
    t.send(&["W"]);
    t.wait_text("save the map to (a new file):");
    t.send(&["-l", &saved.display().to_string()]);
    t.send(&["Enter"]);
    t.wait_text("changes are saved there from now on");
    let bytes = std::fs::read(&saved).unwrap();
    assert!(
        bytes == argscope::model::BUILTIN.as_bytes(),
        "the built-in map, byte for byte"
    );
    // Again to the same name: refused, the file untouched.
    t.send(&["W"]);
    t.wait_text("save the map to (a new file):");
    t.send(&["-l", &saved.display().to_string()]);
    t.send(&["Enter"]);
    t.wait_text("not overwriting it");
    // The new file is watched: someone else's version is reloaded.
    let mut theirs: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    theirs["items"][0]["title"] = "Retitled by someone else".into();
    std::fs::write(&saved, serde_json::to_vec_pretty(&theirs).unwrap()).unwrap();
    t.wait_text("Retitled by someone else");
    t.send(&["q"]);
    t.wait_exit(0);
    assert!(t.alternate_is(false), "the terminal is restored");
}
