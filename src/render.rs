//! `argscope render`: the application run headless on a test backend, fed keys in vim notation,
//! and printed as plain text.

use crate::app::{App, Options, keys};
use crate::model::Model;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellWidth};

/// A `COLSxROWS` size.
pub fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let err = || {
        format!(
            "invalid size \"{}\": expected COLSxROWS, e.g. 120x40",
            crate::model::sanitize::line(s)
        )
    };
    let (c, r) = s.split_once(['x', 'X']).ok_or_else(err)?;
    let cols: u16 = c.trim().parse().map_err(|_| err())?;
    let rows: u16 = r.trim().parse().map_err(|_| err())?;
    if cols == 0 || rows == 0 {
        return Err(format!(
            "invalid size \"{s}\": both sides must be at least 1"
        ));
    }
    if cols > 1000 || rows > 1000 {
        return Err(format!("invalid size \"{s}\": at most 1000x1000"));
    }
    Ok((cols, rows))
}

/// Draws `app` at its size (at least 1x1) and returns the cells, as a terminal would receive them.
pub fn draw_buffer(app: &App) -> Buffer {
    let (w, h) = (app.size.width.max(1), app.size.height.max(1));
    let Ok(mut terminal) = Terminal::new(TestBackend::new(w, h));
    let _ = terminal.draw(|f| crate::ui::draw(app, f));
    terminal.backend().buffer().clone()
}

/// Draws `app` at its size and returns the screen as lines, trailing spaces trimmed.
pub fn screen_text(app: &App) -> Vec<String> {
    let buf = draw_buffer(app);
    let (w, h) = (buf.area.width, buf.area.height);
    (0..h)
        .map(|y| {
            let mut line = String::new();
            let mut skip = 0;
            for x in 0..w {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = buf[(x, y)].symbol();
                line.push_str(sym);
                // The cells this one covers, as ratatui measured it: a joined emoji (👨‍👩‍👧) is
                // one grapheme two cells wide, not the sum of its characters.
                skip = sym.cell_width().saturating_sub(1);
            }
            line.trim_end().to_owned()
        })
        .collect()
}

/// Runs the app on `keys` at `size` and returns the final screen.
pub fn render(
    model: Model,
    size: (u16, u16),
    notation: &str,
    options: Options,
) -> Result<String, String> {
    render_with(model, size, notation, options, None)
}

/// [`render`] with a configuration's keys and theme.
pub fn render_with(
    model: Model,
    size: (u16, u16),
    notation: &str,
    options: Options,
    config: Option<crate::config::Config>,
) -> Result<String, String> {
    let keys = keys::parse(notation).map_err(|e| format!("--keys: {e}"))?;
    let mut options = options;
    options.ascii |= config.as_ref().is_some_and(|c| c.ascii == Some(true));
    let mut app = App::new(model, options);
    if let Some(c) = config {
        app.keymap = c.keymap;
        app.theme = c.theme;
    }
    app.update(crate::app::Action::Resize(size.0, size.1));
    for key in keys {
        if app.quit {
            break;
        }
        app.handle_key(key);
        app.effects.clear();
    }
    Ok(screen_text(&app).join("\n") + "\n")
}
