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
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
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

/// The signal that asked us to stop, if any (0 = none).
fn register_signals() -> io::Result<Arc<AtomicUsize>> {
    let caught = Arc::new(AtomicUsize::new(0));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register_usize(sig, Arc::clone(&caught), sig as usize)?;
    }
    Ok(caught)
}

/// Runs the explorer until the reader quits; returns the exit status (128 + signal when a signal
/// ended it).
pub fn run(mut app: App) -> io::Result<u8> {
    let caught = register_signals()?;
    install_panic_hook();
    enter(app.options.mouse)?;
    let result = event_loop(&mut app, &caught);
    restore();
    result
}

fn event_loop(app: &mut App, caught: &AtomicUsize) -> io::Result<u8> {
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    loop {
        terminal.draw(|f| crate::ui::draw(app, f))?;
        // Wait for input, but look at the signal flag a few times a second.
        let mut event = None;
        while event.is_none() {
            let sig = caught.load(Ordering::SeqCst);
            if sig != 0 {
                return Ok(128u8.saturating_add(sig as u8));
            }
            if event::poll(Duration::from_millis(200))? {
                event = Some(event::read()?);
            }
        }
        match event {
            Some(Event::Key(k)) if k.kind != KeyEventKind::Release => {
                app.handle_key(Key::from_event(k))
            }
            Some(Event::Mouse(m)) => match m.kind {
                MouseEventKind::Down(MouseButton::Left) => {
                    app.update(Action::Click(m.column, m.row))
                }
                MouseEventKind::ScrollDown => app.update(Action::WheelDown(m.column, m.row)),
                MouseEventKind::ScrollUp => app.update(Action::WheelUp(m.column, m.row)),
                _ => continue,
            },
            Some(Event::Resize(w, h)) => app.update(Action::Resize(w, h)),
            _ => continue,
        }
        for effect in std::mem::take(&mut app.effects) {
            match effect {
                Effect::Copy(text) => copy(terminal.backend_mut(), &text)?,
                Effect::Suspend => suspend(&mut terminal, app.options.mouse)?,
            }
        }
        if app.quit {
            return Ok(0);
        }
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
