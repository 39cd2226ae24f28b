//! The only code that touches the terminal: raw mode, the alternate screen, mouse capture, the
//! panic hook, signals, suspend and resume, and the event loop that feeds `App::update`.

use crate::app::{Action, App, Effect, Key};
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
    result
}

fn event_loop(app: &mut App) -> io::Result<u8> {
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    // Live reload: a thread watches the file and loads each new version off this thread.
    let reloader = app.file.clone().and_then(|path| {
        let seen = crate::watch::stamp(&path);
        Reloader::spawn(path, seen, || {}).ok()
    });
    loop {
        {
            let _writing = crate::shutdown::lock_terminal();
            terminal.draw(|f| crate::ui::draw(app, f))?;
        }
        // Waits for input, looking for a new version of the file between waits.
        let event = loop {
            if let Some(version) = reloader.as_ref().and_then(Reloader::newest) {
                apply(app, version);
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
        let effects = std::mem::take(&mut app.effects);
        if !effects.is_empty() {
            let _writing = crate::shutdown::lock_terminal();
            for effect in effects {
                match effect {
                    Effect::Copy(text) => copy(terminal.backend_mut(), &text)?,
                    Effect::Suspend => suspend(&mut terminal, app.options.mouse)?,
                    Effect::Open(url) => app.message = Some(open(&url)),
                    Effect::Edit(item) => {
                        let message = edit(app, &mut terminal, item, reloader.as_ref())?;
                        app.message = Some(message);
                    }
                }
            }
        }
        if app.quit {
            return Ok(0);
        }
    }
}

/// Applies a new version of the file: the map replaced, places kept; or its problems shown.
fn apply(app: &mut App, version: Reloaded) {
    match version {
        Reloaded::Valid(model) => app.reload(*model),
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
            if let (Some(r), Some(stamp)) = (reloader, crate::watch::stamp(&path)) {
                r.wrote(stamp);
            }
            apply(app, crate::watch::load(&path));
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
