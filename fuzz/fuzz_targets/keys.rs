//! Key notation and `App::update` on arbitrary input: the first bytes choose a terminal size and
//! when to resize, the rest is read as `--keys` notation and fed to the explorer over the built-in
//! document. Nothing may panic, the state stays consistent, and every frame has only printable
//! cells, each row exactly as wide as the terminal.

#![no_main]

use argscope::app::{Action, App, Options, keys};
use libfuzzer_sys::fuzz_target;
use ratatui::buffer::{Buffer, CellWidth};

thread_local! {
    /// Loaded once: the target measures the keys, not the loader.
    static BUILTIN: argscope::model::Model = argscope::model::builtin();
}

fn check_state(app: &App) {
    for list in app.lists.iter() {
        if list.rows.iter().any(|r| r.item().is_some()) {
            assert!(list.selected < list.rows.len(), "selection out of range");
            assert!(list.selected_item().is_some(), "selection on a heading");
        }
    }
    assert!(app.history.is_consistent(), "history inconsistent");
    if let Some(p) = app.text.current {
        assert!(p < app.text.passages.len(), "passage out of range");
    }
}

fn check_screen(buf: &Buffer) {
    let area = buf.area;
    for y in 0..area.height {
        let mut x = 0;
        while x < area.width {
            let sym = buf[(x, y)].symbol();
            assert!(
                !sym.chars().any(char::is_control),
                "control character in cell ({x},{y}): {sym:?}"
            );
            let width = sym.cell_width();
            assert!(width > 0, "zero-width cell ({x},{y}): {sym:?}");
            for hidden in x + 1..(x + width).min(area.width) {
                let under = buf[(hidden, y)].symbol();
                assert!(under == " " || under.is_empty(), "{sym:?} hides {under:?}");
            }
            x += width;
        }
        assert_eq!(
            x, area.width,
            "row {y} is {x} columns wide, not {}",
            area.width
        );
    }
}

fuzz_target!(|bytes: &[u8]| {
    let [w, h, every, options, rest @ ..] = bytes else {
        return;
    };
    let Ok(notation) = std::str::from_utf8(rest) else {
        return;
    };
    let Ok(keys) = keys::parse(notation) else {
        return;
    };
    let size = |w: u8, h: u8| (1 + (w as u16 % 200), 1 + (h as u16 % 80));
    let options = Options {
        ascii: options & 1 != 0,
        mouse: options & 2 != 0,
        color: options & 4 != 0,
    };
    let mut app = App::new(BUILTIN.with(Clone::clone), options);
    let (w, h) = size(*w, *h);
    app.update(Action::Resize(w, h));
    for (n, key) in keys.into_iter().take(200).enumerate() {
        app.handle_key(key);
        app.effects.clear();
        if app.quit {
            break;
        }
        check_state(&app);
        if *every > 0 && n % (*every as usize) == 0 {
            // Resize to a size derived from the key's position: 1x1 comes up often enough.
            let (rw, rh) = size(n as u8 ^ *every, (n as u8).wrapping_mul(7));
            app.update(Action::Resize(rw, rh));
            check_state(&app);
            check_screen(&argscope::render::draw_buffer(&app));
        }
    }
    check_screen(&argscope::render::draw_buffer(&app));
});
