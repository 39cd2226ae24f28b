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
fn navigate_follow_back_quit_restores_the_terminal() {
    let Some(t) = Tmux::start("nav", 160, 45) else {
        return;
    };
    t.launch("");
    t.wait_text("1 Timeline");
    assert!(
        t.alternate_is(true),
        "the explorer uses the alternate screen"
    );
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
    // Recommendations, into the links, follow the second (the first is to a claim): it lands in
    // Provisions.
    t.send(&["4"]);
    t.wait_text(" RECOMMENDATIONS");
    t.send(&["Enter"]);
    t.wait_text(" LINKS");
    t.send(&["j"]);
    t.send(&["Enter"]);
    t.wait_text(" PROVISIONS");
    // Back to the place left: the recommendation, in its links.
    t.send(&["BSpace"]);
    t.wait_text(" LINKS");
    t.send(&["]"]);
    t.wait_text(" PROVISIONS");
    t.send(&["q"]);
    t.wait_exit(0);
    assert!(
        t.alternate_is(false),
        "the alternate screen is left after q"
    );
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
        t.alternate_is(false),
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
            t.alternate_is(false),
            "suspended: the terminal is the shell's again"
        );
        t.send(&["fg", "Enter"]);
        t.wait_text("1 Timeline");
        assert!(t.alternate_is(true));
    }
    t.send(&["q"]);
    t.wait_exit(0);
    assert!(t.alternate_is(false));
}

// ---------------------------------------------------------------------------------------------
// A hostile document in a real terminal: its escape sequences must never reach tmux.

impl Tmux {
    /// A tmux format evaluated for the pane, such as `#{pane_title}`.
    fn format(&self, format: &str) -> String {
        let out = self
            .cmd(&["display-message", "-p", "-t", "0", format])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// tmux's paste buffers, one line each (empty when there are none).
    fn buffers(&self) -> String {
        let out = self.cmd(&["list-buffers"]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Sets a tmux option for the whole server.
    fn set(&self, option: &str, value: &str) {
        assert!(
            self.cmd(&["set-option", "-g", option, value])
                .status()
                .unwrap()
                .success()
        );
    }

    /// Copies every byte the pane's program writes into `path`.
    fn record_output(&self, path: &std::path::Path) {
        let cat = format!("cat >> '{}'", path.display());
        assert!(
            self.cmd(&["pipe-pane", "-o", "-t", "0", &cat])
                .status()
                .unwrap()
                .success()
        );
    }

    fn resize(&self, cols: u16, rows: u16) {
        assert!(
            self.cmd(&[
                "resize-window",
                "-t",
                "0",
                "-x",
                &cols.to_string(),
                "-y",
                &rows.to_string(),
            ])
            .status()
            .unwrap()
            .success()
        );
    }

    /// Esc on its own: sent together with the next key, a terminal reads the pair as Alt-key.
    fn escape(&self) {
        self.send(&["Escape"]);
        std::thread::sleep(Duration::from_millis(150));
    }

    /// Sends a signal to the process whose pid `launch` recorded.
    fn kill(&self, pid: &std::path::Path, signal: &str) {
        let pid = std::fs::read_to_string(pid).unwrap();
        assert!(
            Command::new("kill")
                .args([signal, pid.trim()])
                .status()
                .unwrap()
                .success()
        );
    }
}

fn hostile_fixture() -> String {
    format!("{}/tests/fixtures/hostile.json", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_hostile_document_sets_no_title_no_clipboard_and_no_hyperlink() {
    let Some(t) = Tmux::start("hostile", 160, 45) else {
        return;
    };
    // With set-clipboard on, an OSC 52 that reached tmux would become a paste buffer.
    t.set("set-clipboard", "on");
    let title = t.format("#{pane_title}");
    assert!(t.buffers().is_empty());
    let raw = t.dir.path().join("raw-output");
    t.record_output(&raw);
    // --no-mouse keeps mouse reports out of the recorded output.
    t.launch(&format!("--no-mouse {}", hostile_fixture()));
    t.wait_text("1 Timeline");
    let unchanged = |after: &str| {
        assert_eq!(t.format("#{pane_title}"), title, "title set after {after}");
        assert_eq!(t.buffers(), "", "clipboard written after {after}");
    };
    // Each hostile item in its list, its detail and links, the Text pane, a search, the palette.
    // (Never `y`: copying is the reader's own OSC 52.)
    for (keys, shown) in [
        (&["Enter"][..], "␛]0;pwned-title␇"),
        (&["2", "Enter"][..], "OSC52 ␛]52;c;cHduZWQ=␇ clip"),
        (
            &["3", "Enter"][..],
            "OSC8 ␛]8;;https://evil.example/␛\\click",
        ),
        (&["4", "Enter"][..], "CSI ␛[2J␛[31m␛[H screen"),
        (&["5", "Enter"][..], "Thesis �2J�0;c1-title�"),
        (&["1", "t"][..], "The title passage ␛]0;pwned-title␇"),
        (
            &["}", "}", "Enter"][..],
            "The clipboard passage ␛]52;c;cHduZWQ=␇",
        ),
        (
            &["6", "}", "}", "}"][..],
            "A link passage ␛]8;;https://evil.example/",
        ),
        (&["1", "/", "pwned", "Enter"][..], "/pwned"),
        (&[":", "osc"][..], "JUMP"),
    ] {
        t.escape();
        t.send(keys);
        t.wait_text(shown);
        unchanged(&format!("{keys:?}"));
    }
    t.escape();
    t.escape();
    t.send(&["q"]);
    t.wait_exit(0);
    assert!(t.alternate_is(false));
    unchanged("quitting");
    // What argscope wrote: never an OSC (title, clipboard, hyperlink), never a C1 control.
    let bytes = std::fs::read(&raw).unwrap();
    let out = String::from_utf8_lossy(&bytes);
    assert!(out.contains("pwned-title"), "the output was recorded");
    assert!(!out.contains("\x1b]"), "an OSC sequence was written");
    assert!(
        !out.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)),
        "a C1 control was written"
    );
    assert!(!out.contains("\x1b[31m"), "the document chose a colour");
    // The checks above can fail: the same sequences printed raw do set the title and clipboard.
    t.send(&["printf '\\033]0;pwned\\007\\033]52;c;aGk=\\007'", "Enter"]);
    t.wait_for("the raw sequences to act", |_| {
        t.format("#{pane_title}") == "pwned"
    });
    assert!(t.buffers().contains("\"hi\""), "{}", t.buffers());
}

#[test]
fn resizing_wildly_mid_search_and_in_help_then_quitting_restores_the_terminal() {
    let Some(t) = Tmux::start("resize", 120, 40) else {
        return;
    };
    t.launch(&hostile_fixture());
    t.wait_text("1 Timeline");
    assert_eq!(t.format("#{mouse_any_flag}"), "1", "the mouse is captured");
    t.send(&["/", "pwn"]);
    t.wait_text("/pwn");
    for (cols, rows) in [(1, 1), (7, 3), (300, 100), (1, 1), (120, 40)] {
        t.resize(cols, rows);
        std::thread::sleep(Duration::from_millis(150));
    }
    t.wait_text("/pwn");
    t.send(&["Enter", "?"]);
    t.wait_text("Help");
    for (cols, rows) in [(1, 1), (33, 9), (1, 1), (160, 45)] {
        t.resize(cols, rows);
        std::thread::sleep(Duration::from_millis(100));
    }
    t.wait_text("Help");
    assert!(t.alternate_is(true));
    t.escape();
    t.send(&["q"]);
    t.wait_exit(0);
    assert!(
        t.alternate_is(false),
        "the alternate screen is left after q"
    );
    assert_eq!(
        t.format("#{mouse_any_flag}"),
        "0",
        "no mouse reporting left on"
    );
}

#[test]
fn sighup_and_sigint_restore_the_terminal() {
    for (signal, code) in [("-HUP", 129), ("-INT", 130)] {
        let Some(t) = Tmux::start(&format!("sig{}", &signal[1..]), 120, 40) else {
            return;
        };
        // With the mouse captured, so that restoring must turn it off again.
        let pid = t.launch(&hostile_fixture());
        t.wait_text("1 Timeline");
        assert!(t.alternate_is(true));
        assert_eq!(t.format("#{mouse_any_flag}"), "1", "the mouse is captured");
        t.kill(&pid, signal);
        t.wait_exit(code);
        assert!(
            t.alternate_is(false),
            "the alternate screen is left after {signal}"
        );
        assert_eq!(
            t.format("#{mouse_any_flag}"),
            "0",
            "mouse reporting is off after {signal}"
        );
        // The terminal is usable: the shell echoes what is typed (raw mode is off).
        t.send(&["echo cooked", "Enter"]);
        t.wait_text("\ncooked");
    }
}

/// A process that the test started and must not leave behind: killed on drop, pass or fail.
struct Orphan(i32);

impl Orphan {
    fn from_file(path: &std::path::Path) -> Orphan {
        let start = Instant::now();
        loop {
            if let Some(pid) = std::fs::read_to_string(path)
                .ok()
                .and_then(|s| s.trim().parse().ok())
            {
                return Orphan(pid);
            }
            assert!(start.elapsed() < Duration::from_secs(10), "no pid written");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Running, as opposed to ended (gone, or a zombie nobody has reaped yet).
    fn running(&self) -> bool {
        match std::fs::read_to_string(format!("/proc/{}/stat", self.0)) {
            // The state follows the command name, which is in parentheses.
            Ok(stat) => !matches!(
                stat.rsplit_once(") ")
                    .and_then(|(_, rest)| rest.chars().next()),
                Some('Z' | 'X') | None
            ),
            Err(_) => false,
        }
    }

    /// Whether the process ends within `limit`.
    fn ends_within(&self, limit: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < limit {
            if !self.running() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        !self.running()
    }
}

impl Drop for Orphan {
    fn drop(&mut self) {
        if self.running() {
            let _ = Command::new("kill")
                .args(["-KILL", &self.0.to_string()])
                .status();
        }
    }
}

#[test]
fn killing_its_tmux_session_ends_the_explorer_within_two_seconds() {
    let Some(t) = Tmux::start("gone", 120, 40) else {
        return;
    };
    let pid = Orphan::from_file(&t.launch(""));
    assert_ends_when_the_session_is_killed(&t, &pid, "with a SIGHUP");
}

/// Waits for the explorer, kills its tmux session, and requires the process gone within 2 s.
fn assert_ends_when_the_session_is_killed(t: &Tmux, pid: &Orphan, how: &str) {
    t.wait_text("1 Timeline");
    assert!(pid.running());
    assert!(
        t.cmd(&["kill-session", "-t", "0"])
            .status()
            .unwrap()
            .success()
    );
    assert!(
        pid.ends_within(Duration::from_secs(2)),
        "argscope is still running 2 s after its terminal went away ({how})"
    );
}

#[test]
fn a_terminal_that_vanishes_without_a_hangup_signal_ends_the_explorer() {
    let Some(t) = Tmux::start("setsid", 120, 40) else {
        return;
    };
    // Under `setsid -w` the explorer has a session of its own and no controlling terminal, so
    // closing the window sends it no SIGHUP: only the tty's hang-up can tell it.
    let pid_file = t.dir.path().join("pid");
    let bin = env!("CARGO_BIN_EXE_argscope");
    let line = format!(
        "setsid -w sh -c 'echo $$ > {}; exec {bin}'",
        pid_file.display()
    );
    t.send(&[&line, "Enter"]);
    let pid = Orphan::from_file(&pid_file);
    assert_ends_when_the_session_is_killed(&t, &pid, "without a SIGHUP");
}

/// A copy of the small fixture in the test's directory, for the explorer to watch.
fn watched_copy(t: &Tmux) -> PathBuf {
    let path = t.dir.path().join("map.json");
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-small.json");
    std::fs::copy(fixture, &path).unwrap();
    path
}

/// `doc` with `old` replaced by `new` (once), parsed to be sure the edit is where it is meant.
fn edited(path: &std::path::Path, old: &str, new: &str) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(old), "{old} not in the file");
    text.replacen(old, new, 1)
}

#[test]
fn a_saved_file_reloads_in_place_or_renamed_keeping_the_selection_and_a_broken_one_shows_a_banner()
{
    let Some(t) = Tmux::start("reload", 120, 30) else {
        return;
    };
    let path = watched_copy(&t);
    t.launch(&path.display().to_string());
    t.wait_text("1 Timeline");
    // The second event, selected.
    t.send(&["j"]);
    let before = t.wait_text("▶");
    let selected = before.lines().find(|l| l.contains('▶')).unwrap().to_owned();
    assert!(selected.contains("mayor signs"), "{selected}");
    // Written in place: the title changes on screen, the selection stays on it.
    std::fs::write(
        &path,
        edited(
            &path,
            "The mayor signs the order",
            "The mayor signs the revised order",
        ),
    )
    .unwrap();
    let screen = t.wait_text("reloaded the file");
    let now = screen.lines().find(|l| l.contains('▶')).unwrap();
    assert!(
        now.contains("revised"),
        "selection kept on the edited item:\n{screen}"
    );
    // Renamed over it, as vim saves, and broken: the banner names the problem; P lists it at
    // its line.
    let broken = edited(&path, "\"rel\": \"enacts\"", "\"rel\": \"enactz\"");
    let tmp = t.dir.path().join("map.json.swp");
    std::fs::write(&tmp, &broken).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    t.wait_text("file has 1 problem: P lists them");
    t.send(&["P"]);
    let list = t.wait_text("unknown relation");
    let line = broken.lines().position(|l| l.contains("enactz")).unwrap() + 1;
    assert!(
        list.contains(&format!("map.json:{line}:")),
        "the problem names line {line}:\n{list}"
    );
    t.send(&["Escape"]);
    // Fixed: the banner goes.
    std::fs::write(&path, edited(&path, "enactz", "enacts")).unwrap();
    t.wait_for("the banner to go", |s| {
        !s.contains("P lists them") && s.contains("reloaded")
    });
    t.send(&["q"]);
    t.wait_exit(0);
}

#[test]
fn e_runs_the_editor_at_the_items_line_and_reloads_what_it_saved() {
    let Some(t) = Tmux::start("editor", 120, 30) else {
        return;
    };
    let path = watched_copy(&t);
    let args = t.dir.path().join("editor-args");
    let editor = t.dir.path().join("fake-editor");
    // Records its arguments, then changes the file as an author would.
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > {}\nsed -i 's/The mayor signs the order/The mayor signs it in the editor/' \"$2\"\n",
            args.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    t.send(&[&format!("export EDITOR='{}'", editor.display()), "Enter"]);
    t.launch(&path.display().to_string());
    t.wait_text("1 Timeline");
    t.send(&["j"]);
    t.wait_text("mayor signs");
    t.send(&["e"]);
    let screen = t.wait_text("in the editor");
    assert!(screen.contains("reloaded"), "{screen}");
    let recorded = std::fs::read_to_string(&args).unwrap();
    let id_line = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .position(|l| l.contains("\"id\": \"order-signed\""))
        .unwrap()
        + 1;
    assert_eq!(
        recorded,
        format!("+{id_line}\n{}\n", path.display()),
        "the editor gets +LINE and the file"
    );
    t.send(&["q"]);
    t.wait_exit(0);
}

#[test]
fn a_mouse_drag_in_the_text_selects_whole_words_and_y_copies_them() {
    let Some(t) = Tmux::start("drag", 80, 24) else {
        return;
    };
    // The copy is an OSC 52, which tmux turns into a paste buffer.
    t.set("set-clipboard", "on");
    t.launch("");
    t.wait_text("1 Timeline");
    t.send(&["6"]);
    t.wait_for("the Text pane", |s| s.lines().any(|l| l.trim() == "TEXT"));
    // SGR mouse reports, as a terminal sends them (columns and rows from 1): the button goes
    // down inside "Mexico’s" on the first line of text, moves to inside "War", comes up.
    let line = "Is Mexico’s Drug War";
    let s = t.screen();
    let row = s
        .lines()
        .position(|l| l.contains(line))
        .expect("the title line")
        + 1;
    let col = |word: &str| {
        let l = s.lines().nth(row - 1).unwrap();
        l[..l.find(word).unwrap()].chars().count() + 2
    };
    let (from, to) = (col("Mexico"), col("War") + 1);
    for report in [
        format!("\x1b[<0;{from};{row}M"),
        format!("\x1b[<32;{to};{row}M"),
        format!("\x1b[<0;{to};{row}m"),
    ] {
        t.send(&["-l", &report]);
    }
    t.wait_text("selection: 3 words");
    t.send(&["y"]);
    t.wait_text("copied the selection (3 words)");
    t.wait_for("the clipboard", |_| {
        t.buffers().contains("Mexico’s Drug War")
    });
    t.send(&["q"]);
    t.wait_exit(0);
}

/// A bracketed paste goes into the form's field whole, its newline a space: never Enter, never
/// a save.
#[test]
fn a_bracketed_paste_goes_into_the_form_as_one_line() {
    let Some(t) = Tmux::start("paste", 120, 40) else {
        return;
    };
    t.launch("");
    t.wait_text("1 Timeline");
    t.send(&["5"]);
    t.wait_text(" ARGUMENT");
    t.send(&["E"]);
    t.wait_text("Edit thesis");
    t.send(&["C-u"]);
    assert!(
        t.cmd(&["set-buffer", "-b", "argscope", "Pasted\nline"])
            .status()
            .unwrap()
            .success()
    );
    // -p: bracketed, as the application asked for it.
    assert!(
        t.cmd(&["paste-buffer", "-p", "-b", "argscope", "-t", "0"])
            .status()
            .unwrap()
            .success()
    );
    let s = t.wait_text("Pasted line");
    assert!(s.contains("Edit thesis"), "the form is still open:\n{s}");
    t.send(&["Escape"]);
    t.wait_text("Discard what was typed?");
    t.send(&["y"]);
    t.wait_text(" ARGUMENT");
    t.send(&["q"]);
    t.wait_exit(0);
    assert!(t.alternate_is(false));
}

#[test]
fn annotating_a_copy_of_the_built_in_map_saves_the_claim_its_exact_quote_and_not_the_undone_link() {
    let Some(t) = Tmux::start("annotate", 120, 40) else {
        return;
    };
    let path = t.dir.path().join("map.json");
    std::fs::write(&path, argscope::model::BUILTIN).unwrap();
    t.launch(&path.display().to_string());
    t.wait_text("1 Timeline");
    // Find "cartels" in the text, select the match, add a claim quoting it.
    t.send(&["6", "/cartels", "Enter"]);
    t.wait_text("/cartels  1/");
    t.send(&["v"]);
    t.wait_text("selection: 1 word");
    t.send(&["a"]);
    t.wait_text("Add an item");
    let title = "Cartels named by the tmux test";
    t.send(&["-l", title]);
    t.send(&["C-s"]);
    t.wait_text("saved");
    // Link it to the thesis, then undo the link.
    t.send(&["L"]);
    t.wait_text("pick the item");
    t.send(&["-l", "thesis"]);
    t.wait_text("role: thesis");
    t.send(&["Enter"]);
    t.wait_text("relation");
    t.send(&["C-s"]);
    t.wait_text("supports “Neither country");
    t.send(&["u"]);
    t.wait_text("undid");
    t.send(&["q"]);
    t.wait_exit(0);
    assert!(t.alternate_is(false));

    // The file on disk passes check, and holds the claim with the exact quote and no link.
    let check = Command::new(env!("CARGO_BIN_EXE_argscope"))
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let bytes = std::fs::read(&path).unwrap();
    let m = argscope::model::load(&bytes).expect("the saved map loads");
    let item = (0..m.doc.items.len())
        .find(|&i| m.item(i).title == title)
        .expect("the new claim is in the file");
    let claim = m.item(item);
    assert_eq!(claim.kind, argscope::model::Kind::Claim);
    assert_eq!(claim.quotes.len(), 1);
    assert_eq!(claim.quotes[0].exact, "cartels");
    // The quote anchors to the first "cartels" of the text, the match that was selected.
    let text = &m.doc.document.text;
    let first = text.find("cartels").unwrap();
    assert_eq!(
        m.spans.get(item).unwrap()[0],
        first..first + "cartels".len()
    );
    assert!(claim.links.is_empty(), "the link was undone");
    assert!(
        m.doc
            .items
            .iter()
            .all(|i| i.links.iter().all(|l| l.to != claim.id)),
        "nothing links to it"
    );
}

/// Saving: the built-in map is read-only and `W` writes it to a new file (never over an existing
/// one), from which changes are then saved and watched; `u` with nothing to undo says so.
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
