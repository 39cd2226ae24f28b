//! The only code that touches the terminal: raw mode, the alternate screen, mouse capture, the
//! panic hook, signals, suspend and resume, and the event loop that feeds `App::update`.

use crate::app::{Action, App, Effect, Key};
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Whether mouse capture was turned on, so that restoring turns it off again.
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Puts the terminal into the explorer's state.
fn enter(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
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
    let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
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
    loop {
        {
            let _writing = crate::shutdown::lock_terminal();
            terminal.draw(|f| crate::ui::draw(app, f))?;
        }
        // Blocks until input comes; the poll's timeout only bounds each wait, leaving room for
        // timed work in the loop.
        let event = loop {
            if event::poll(Duration::from_millis(500))? {
                break event::read()?;
            }
        };
        match event {
            Event::Key(k) if k.kind != KeyEventKind::Release => app.handle_key(Key::from_event(k)),
            Event::Mouse(m) => match m.kind {
                MouseEventKind::Down(MouseButton::Left) => {
                    app.update(Action::Click(m.column, m.row))
                }
                MouseEventKind::ScrollDown => app.update(Action::WheelDown(m.column, m.row)),
                MouseEventKind::ScrollUp => app.update(Action::WheelUp(m.column, m.row)),
                _ => continue,
            },
            Event::Resize(w, h) => app.update(Action::Resize(w, h)),
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
                }
            }
        }
        if app.quit {
            return Ok(0);
        }
    }
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
