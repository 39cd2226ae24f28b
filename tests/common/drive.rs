//! Driving an explorer with keys, for the tests that read its state and screen: an `App` on the
//! built-in map at a size, keys in the `render --keys` notation, the screen as plain text.
#![allow(dead_code)]

use argscope::app::{Action, App, Options, keys};
use argscope::model;

/// An explorer on the built-in map at `w`×`h`.
pub fn app_at(w: u16, h: u16) -> App {
    let mut app = App::new(model::builtin(), Options::default());
    app.update(Action::Resize(w, h));
    app
}

/// Presses the keys of `notation` (`render --keys`'s notation) one by one.
pub fn press(app: &mut App, notation: &str) {
    for key in keys::parse(notation).expect("valid notation") {
        app.handle_key(key);
    }
}

/// The screen as `render` prints it.
pub fn screen(app: &App) -> String {
    argscope::render::screen_text(app).join("\n")
}
