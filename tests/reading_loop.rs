//! Issue 16, the reading loop: every word of the detail reachable, every jump reversible, every
//! key acting on what the screen shows. The reproductions run on a frozen copy of the built-in
//! map (`tests/fixtures/builtin-frozen.json`), so that revising the map does not move them.

use argscope::app::{Action, App, Effect, Mode, Options, Pane, keys};
use argscope::model;

fn frozen() -> model::Model {
    model::load(include_bytes!("fixtures/builtin-frozen.json")).expect("the frozen map loads")
}

fn app_at(w: u16, h: u16) -> App {
    let mut app = App::new(frozen(), Options::default());
    app.update(Action::Resize(w, h));
    app
}

fn press(app: &mut App, notation: &str) {
    for key in keys::parse(notation).expect("valid notation") {
        app.handle_key(key);
    }
}

fn run(w: u16, h: u16, notation: &str) -> App {
    let mut a = app_at(w, h);
    press(&mut a, notation);
    a
}

fn screen(app: &App) -> String {
    argscope::render::screen_text(app).join("\n")
}

fn render(w: u16, h: u16, notation: &str) -> String {
    screen(&run(w, h, notation))
}

fn selected_id(app: &App) -> &str {
    app.selected_item()
        .map_or("<none>", |i| app.model.item(i).id.as_str())
}

/// Scrolls the detail to its end a line at a time and gathers every word shown on the way.
fn words_read_by_scrolling(w: u16, h: u16, keys: &str) -> String {
    let mut a = run(w, h, keys);
    let mut seen = screen(&a);
    let mut last = seen.clone();
    for _ in 0..200 {
        press(&mut a, "<C-f>");
        let now = screen(&a);
        if now == last {
            break;
        }
        seen.push('\n');
        seen.push_str(&now);
        last = now;
    }
    seen
}

// --- 1. Text taller than its box can be read -------------------------------------------------

#[test]
fn the_summary_cut_at_80x14_can_be_scrolled_into_view() {
    let before = render(80, 14, "4");
    assert!(before.contains("local"), "{before}");
    assert!(
        !before.contains("does not list"),
        "the summary's end is below the box at first:\n{before}"
    );
    assert!(before.contains("▼ more"), "the border says there is more:\n{before}");
    let after = render(80, 14, "4<C-f>");
    assert!(after.contains("does not list"), "{after}");
    assert!(after.contains("▲ more"), "{after}");
    let read = words_read_by_scrolling(80, 14, "4");
    assert!(read.contains("Mexican police"), "{read}");
    assert!(read.contains("press the Mexican government"), "the quotes are reached");
}

#[test]
fn scrolling_back_up_shows_the_title_again() {
    let a = render(80, 14, "4<C-f><C-f><C-b><C-b>");
    assert_eq!(a, render(80, 14, "4"));
    let line = render(80, 14, "4<C-e><C-e><C-y><C-y>");
    assert_eq!(line, render(80, 14, "4"));
    let alt = render(80, 14, "4<A-Down><A-Up>");
    assert_eq!(alt, render(80, 14, "4"));
}

#[test]
fn the_wheel_over_the_detail_scrolls_it() {
    let mut a = run(80, 14, "4");
    let before = screen(&a);
    a.update(Action::WheelDown(60, 6));
    assert_ne!(screen(&a), before);
    assert!(screen(&a).contains("▲ more"));
    assert_eq!(a.focus, Pane::Recommendations, "the wheel does not change the focus");
    a.update(Action::WheelUp(60, 6));
    assert_eq!(screen(&a), before);
}

#[test]
fn entering_the_links_scrolls_only_as_far_as_the_first_link_needs() {
    // Scrolled to the links already: entering them does not move the screen.
    let mut a = run(80, 14, "4<C-f><C-f><C-f>");
    let top = a.detail.top;
    press(&mut a, "<Enter>");
    assert_eq!(a.mode, Mode::Links);
    assert!(a.detail.top <= top, "no further than the link needs");
    // The link is on screen, and the title can be brought back with Ctrl-y.
    let s = screen(&a);
    assert!(s.contains("▶ → Permission"), "{s}");
    press(&mut a, "<C-b><C-b><C-b>");
    assert!(screen(&a).contains("Drop the law's elements"));
    assert_eq!(a.mode, Mode::Links, "scrolling keeps the links mode");
}

#[test]
fn the_detail_at_60x16_in_the_links_can_be_scrolled_to_its_title() {
    let s = render(60, 16, "4<Enter><C-b><C-b><C-b>");
    assert!(s.contains("Kind: recommendation"), "{s}");
}

#[test]
fn every_word_of_every_item_is_reachable_at_80x24() {
    let m = frozen();
    for pane in 1..=5 {
        let count = run(80, 24, &pane.to_string())
            .list(Pane::ALL[pane - 1])
            .map_or(0, |l| l.rows.len());
        for row in 0..count {
            let keys = format!("{pane}g{}", "j".repeat(row));
            let a = run(80, 24, &keys);
            let Some(item) = a.selected_item() else { continue };
            let read = words_read_by_scrolling(80, 24, &keys);
            let flat: String = read.split_whitespace().collect::<Vec<_>>().join(" ");
            let it = m.item(item);
            if let Some(summary) = &it.summary {
                // The summary's last words, wrapped anywhere: compare word by word.
                let last: Vec<&str> = summary.split_whitespace().rev().take(3).collect();
                for w in last {
                    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                    assert!(flat.contains(w), "{}: \"{w}\" never shown", it.id);
                }
            }
        }
    }
}
