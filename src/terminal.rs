//! The only code that touches the terminal: raw mode, the alternate screen, mouse capture, the
//! panic hook, signals, suspend and resume, and the event loop that feeds `App::update`.

use crate::app::annotate::Target;
use crate::app::{Action, App, Effect, Key};
use crate::saver::Saver;
use crate::watch::{Reloaded, Reloader};
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether mouse capture was turned on, so that restoring turns it off again.
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Puts the terminal into the explorer's state.
fn enter(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    // A paste arrives whole (bracketed), so its newlines are not Enter.
    execute!(
        out,
        EnterAlternateScreen,
        cursor::Hide,
        EnableBracketedPaste
    )?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    MOUSE.store(mouse, Ordering::SeqCst);
    Ok(())
}

/// Gives the terminal back as it was. Safe to call more than once, and from the panic hook.
pub fn restore() {
    let mut out = io::stdout();
    if MOUSE.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Restores the terminal before the panic message is printed, so the message is readable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Runs the explorer until the reader quits; returns the exit status. Signals and a vanished
/// terminal end the process from [`crate::shutdown`]'s threads instead (128 + the signal, or 129
/// when the terminal went away without one).
pub fn run(mut app: App) -> io::Result<u8> {
    crate::shutdown::install(&io::stdin(), restore)?;
    install_panic_hook();
    {
        let _writing = crate::shutdown::lock_terminal();
        enter(app.options.mouse)?;
    }
    let result = event_loop(&mut app);
    if result.is_err() && crate::shutdown::stdin_gone() {
        // The error was the terminal going away: nothing to restore and nobody to tell.
        crate::shutdown::end(crate::shutdown::VANISHED_STATUS, true, restore);
    }
    let _writing = crate::shutdown::lock_terminal();
    restore();
    if let Some(note) = &app.exit_note {
        eprintln!("{note}");
    }
    result
}

fn event_loop(app: &mut App) -> io::Result<u8> {
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    // Live reload: a thread watches the file and loads each new version off this thread.
    let mut reloader = app.file.clone().and_then(|path| {
        let seen = app.edits.read_as.or_else(|| crate::watch::stamp(&path));
        Reloader::spawn(path, seen, || {}).ok()
    });
    // Saving: a thread writes each change, so no frame waits on the disk.
    let mut saver = spawn_saver(app, reloader.as_ref());
    loop {
        // What the event loop itself said (a save, a conflict, a reload) is in the log too.
        app.log_message();
        {
            let _writing = crate::shutdown::lock_terminal();
            terminal.draw(|f| crate::ui::draw(app, f))?;
        }
        // Waits for input, looking for a new version of the file between waits.
        let event = loop {
            if let Some((version, stamp)) = reloader.as_ref().and_then(Reloader::newest_stamped) {
                let unsaved = saver.as_ref().is_some_and(Saver::pending) || app.edits.conflict;
                match (&app.edits.target, unsaved) {
                    // Someone else's version over changes not yet saved: the reader chooses.
                    (Target::File(path), true) => {
                        let path = path.clone();
                        app.conflict(&path);
                    }
                    _ => {
                        if let (Reloaded::Valid(_), Some(s)) = (&version, &saver) {
                            s.reset(stamp);
                        }
                        apply(app, version, stamp);
                    }
                }
                break None;
            }
            let outcomes = saver.as_ref().map(Saver::outcomes).unwrap_or_default();
            if !outcomes.is_empty() {
                let more = saver.as_ref().is_some_and(Saver::pending);
                outcomes.into_iter().for_each(|o| app.saved(o, more));
                break None;
            }
            if event::poll(crate::watch::POLL)? {
                break Some(event::read()?);
            }
        };
        let Some(event) = event else {
            continue;
        };
        match event {
            Event::Key(k) if k.kind != KeyEventKind::Release => app.handle_key(Key::from_event(k)),
            Event::Mouse(m) => match m.kind {
                MouseEventKind::Down(MouseButton::Left) => {
                    app.update(Action::Click(m.column, m.row))
                }
                MouseEventKind::Drag(MouseButton::Left) => {
                    app.update(Action::Drag(m.column, m.row))
                }
                MouseEventKind::ScrollDown => app.update(Action::WheelDown(m.column, m.row)),
                MouseEventKind::ScrollUp => app.update(Action::WheelUp(m.column, m.row)),
                _ => continue,
            },
            Event::Resize(w, h) => app.update(Action::Resize(w, h)),
            Event::Paste(text) => app.handle_paste(&text),
            _ => continue,
        }
        if let (Some(request), Some(s)) = (app.take_save(), &saver) {
            s.save(request.path, request.bytes);
        }
        let effects = std::mem::take(&mut app.effects);
        if !effects.is_empty() {
            let _writing = crate::shutdown::lock_terminal();
            for effect in effects {
                match effect {
                    Effect::Copy(text) => copy(terminal.backend_mut(), &text)?,
                    Effect::Suspend => suspend(&mut terminal, app.options.mouse)?,
                    Effect::Open(url) => app.message = Some(open(&url)),
                    Effect::Edit(item) => {
                        // The editor opens the file with the reader's last change in it.
                        crate::saver::wait_idle(SAVE_PATIENCE);
                        let message = edit(app, &mut terminal, item, reloader.as_ref())?;
                        app.message = Some(message);
                        if let Some(s) = &saver {
                            s.reset(app.edits.read_as);
                        }
                    }
                    Effect::SaveAs(path) => {
                        if let Some(stamp) = save_as(app, &path) {
                            app.saved_as(path.clone(), stamp);
                            reloader = Reloader::spawn(path, Some(stamp), || {}).ok();
                            saver = spawn_saver(app, reloader.as_ref());
                        }
                    }
                    Effect::ReloadKeepingCopy => {
                        reload_keeping_copy(app);
                        if let Some(s) = &saver {
                            s.reset(app.edits.read_as);
                        }
                    }
                }
            }
        }
        if app.quit {
            if !crate::saver::wait_idle(SAVE_PATIENCE) {
                eprintln!("argscope: the last change could not be saved in time");
            }
            keep_refused(app);
            return Ok(0);
        }
    }
}

/// How long quitting and the external editor wait for a pending save.
const SAVE_PATIENCE: std::time::Duration = std::time::Duration::from_secs(10);

/// The saver of a session whose changes go to a file, told of the reloader so that the live
/// reload ignores argscope's own saves.
fn spawn_saver(app: &App, reloader: Option<&Reloader>) -> Option<Saver> {
    if !matches!(app.edits.target, Target::File(_)) {
        return None;
    }
    let wrote: Box<dyn Fn(crate::watch::Stamp) + Send> = match reloader {
        Some(r) => Box::new(r.notifier()),
        None => Box::new(|_| {}),
    };
    Saver::spawn(app.edits.read_as, wrote, || {}).ok()
}

/// `W`: writes the map to `path`, a new file (an existing one is never overwritten here).
fn save_as(app: &mut App, path: &std::path::Path) -> Option<crate::watch::Stamp> {
    let name = crate::model::sanitize::line(&path.display().to_string()).into_owned();
    if path.exists() || path.is_symlink() {
        app.message = Some(format!(
            "{name} exists: not overwriting it — W to choose another name"
        ));
        return None;
    }
    let bytes = match app.current_bytes() {
        Ok(b) => b,
        Err(why) => {
            app.message = Some(format!("not saved: {why}"));
            return None;
        }
    };
    match crate::save::save(path, &bytes, None) {
        Ok(stamp) => Some(stamp),
        Err(e) => {
            app.message = Some(format!(
                "not saved: {}",
                crate::model::sanitize::line(&e.to_string())
            ));
            None
        }
    }
}

/// Quitting with a refused save: the reader's version goes to a copy beside the file rather
/// than nowhere, and standard error (after the screen is restored) names it.
fn keep_refused(app: &mut App) {
    let Target::File(path) = app.edits.target.clone() else {
        if app.edits.can_undo() {
            app.exit_note = Some(
                "argscope: your changes were not saved: the map had no file (W saves it to one)"
                    .into(),
            );
        }
        return;
    };
    if !app.edits.conflict {
        return;
    }
    let copy = crate::saver::copy_beside(&path);
    let kept = app
        .current_bytes()
        .and_then(|bytes| crate::save::save(&copy, &bytes, None).map_err(|e| e.to_string()));
    let name = crate::model::sanitize::line(&copy.display().to_string()).into_owned();
    let note = match kept {
        Ok(_) => format!(
            "argscope: the file changed on disk, so your changes were not saved over it; they are in {name}"
        ),
        Err(why) => format!(
            "argscope: the file changed on disk and your changes could not be kept in {name}: {}",
            crate::model::sanitize::line(&why)
        ),
    };
    app.exit_note = Some(note);
}

/// `R` after a refused save: the reader's version goes to a copy beside the file, and the file
/// as it is now is read.
fn reload_keeping_copy(app: &mut App) {
    let Target::File(path) = app.edits.target.clone() else {
        return;
    };
    let copy = crate::saver::copy_beside(&path);
    let name =
        |p: &std::path::Path| crate::model::sanitize::line(&p.display().to_string()).into_owned();
    let kept = app
        .current_bytes()
        .and_then(|bytes| crate::save::save(&copy, &bytes, None).map_err(|e| e.to_string()));
    if let Err(why) = kept {
        app.message = Some(format!(
            "not reloaded: your version could not be kept as {}: {}",
            name(&copy),
            crate::model::sanitize::line(&why)
        ));
        return;
    }
    let stamp = crate::watch::stamp(&path);
    apply(app, crate::watch::load(&path), stamp);
    let m = app.message.take().unwrap_or_default();
    app.message = Some(format!("{m}; your version is kept as {}", name(&copy)));
}

/// Applies a new version of the file: the map replaced, places kept; or its problems shown.
fn apply(app: &mut App, version: Reloaded, stamp: Option<crate::watch::Stamp>) {
    match version {
        Reloaded::Valid(model) => app.reloaded_from_disk(*model, stamp),
        Reloaded::Invalid(problems) => app.reload_failed(problems),
        Reloaded::Unreadable(reason) => app.message = Some(format!("cannot reload: {reason}")),
    }
}

/// `e`: leaves the screen to the reader's editor, open on the file at the item's line, and takes
/// it back when the editor ends, then reloads what was saved. The editor runs in the foreground
/// on the same terminal (the tty watchdog reads nothing, so it steals no keys from it).
fn edit(
    app: &mut App,
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    item: usize,
    reloader: Option<&Reloader>,
) -> io::Result<String> {
    let Some(path) = app.file.clone() else {
        return Ok("no file to edit".into());
    };
    let line = std::fs::read(&path)
        .ok()
        .and_then(|bytes| crate::model::locate::place_of(&bytes, &format!("items[{item}].id")))
        .map_or(1, |(line, _)| line);
    let Some((var, value)) = crate::editor::from_env() else {
        return Ok(crate::editor::EditorError::Unset.to_string());
    };
    let command = match crate::editor::command(var, &value, &path, line) {
        Ok(c) => c,
        Err(e) => return Ok(e.to_string()),
    };
    restore();
    let status = std::process::Command::new(&command.program)
        .args(&command.args)
        .status();
    enter(app.options.mouse)?;
    terminal.clear()?;
    let message = match status {
        Err(e) => format!("cannot run {}: {e}", command.program),
        Ok(s) if !s.success() => format!("{} exited with {s}", command.program),
        Ok(_) => {
            // Read now rather than wait for the watcher, which is told this version is seen.
            let stamp = crate::watch::stamp(&path);
            if let (Some(r), Some(stamp)) = (reloader, stamp) {
                r.wrote(stamp);
            }
            apply(app, crate::watch::load(&path), stamp);
            return Ok(app.message.clone().unwrap_or_default());
        }
    };
    Ok(message)
}

/// Opens an http(s) URL with the system's opener, as one argument and never through a shell, and
/// says how it went. The opener runs detached from the screen (its output goes nowhere), and a
/// thread reaps it so that no zombie is left.
fn open(url: &str) -> String {
    if !crate::model::is_web_url(url) {
        return "only http and https URLs are opened".into();
    }
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let child = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    match child {
        Ok(mut child) => {
            std::thread::spawn(move || child.wait());
            format!("opened {url} with {opener}")
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            format!("cannot open the url: no {opener} on this system")
        }
        Err(e) => format!("cannot open the url with {opener}: {e}"),
    }
}

/// OSC 52 (crossterm's `CopyToClipboard`): the terminal puts the text on the clipboard, also
/// over SSH. The text is base64, so no byte of it can act as a control sequence.
fn copy(out: &mut CrosstermBackend<Stdout>, text: &str) -> io::Result<()> {
    execute!(
        out,
        crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
    )
}

/// Ctrl-z: give the terminal back, stop, and on `fg` take it again and redraw everything.
fn suspend(terminal: &mut Terminal<CrosstermBackend<Stdout>>, mouse: bool) -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter(mouse)?;
    terminal.clear()
}
