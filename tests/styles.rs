//! What a plain-text snapshot cannot see: the styles of the selection, of search matches and of
//! the marks on linked items, read from the drawn cells.

use argscope::app::{Action, App, Options, Pane, keys};
use argscope::model;
use argscope::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};

fn drawn(notation: &str, (w, h): (u16, u16)) -> (App, Buffer) {
    let options = Options {
        color: true,
        ..Options::default()
    };
    let mut app = App::new(model::builtin(), options);
    app.update(Action::Resize(w, h));
    for key in keys::parse(notation).expect("valid keys") {
        app.handle_key(key);
    }
    let buf = argscope::render::draw_buffer(&app);
    (app, buf)
}

/// Where `text` starts in `pane`'s area on screen, the first time it appears there.
fn find(app: &App, buf: &Buffer, pane: Pane, text: &str) -> (u16, u16) {
    let area = app.screen().pane(pane).expect("the pane is on screen");
    for y in area.top()..area.bottom() {
        let row: String = (area.left()..area.right())
            .map(|x| buf[(x, y)].symbol())
            .collect();
        if let Some(at) = row.find(text) {
            // Columns, not bytes: count the cells before it.
            let x = area.x + row[..at].chars().count() as u16;
            return (x, y);
        }
    }
    panic!("{text:?} is not in {pane:?}");
}

/// Whether the cell has every attribute of `style` (colours and modifiers it sets).
fn has(buf: &Buffer, (x, y): (u16, u16), style: Style) -> bool {
    let cell = &buf[(x, y)];
    style.fg.is_none_or(|c| cell.fg == c)
        && style.bg.is_none_or(|c| cell.bg == c)
        && cell.modifier.contains(style.add_modifier)
}

fn theme() -> Theme {
    Theme::new(true)
}

#[test]
fn the_selected_row_is_drawn_selected_and_the_others_are_not() {
    let (app, buf) = drawn("3j", (80, 24));
    let selected = app.selected_item().unwrap();
    let title = &app.model.item(selected).title[..20];
    let at = find(&app, &buf, Pane::Provisions, title);
    assert!(has(&buf, at, theme().selected), "{:?}", buf[at]);
    // The marker before it is styled with it.
    assert_eq!(buf[(at.0 - 3, at.1)].symbol(), "▶");
    // The row above is not selected.
    let above = (at.0, at.1 - 1);
    assert!(!buf[above].modifier.contains(Modifier::REVERSED));
}

#[test]
fn in_the_links_the_pane_selection_is_underlined_not_reversed() {
    let (app, buf) = drawn("4<Enter>", (80, 24));
    let rec = app.selected_item().unwrap();
    let at = find(
        &app,
        &buf,
        Pane::Recommendations,
        &app.model.item(rec).title[..15],
    );
    assert!(has(&buf, at, theme().selected_unfocused), "{:?}", buf[at]);
    assert!(!buf[at].modifier.contains(Modifier::REVERSED));
}

#[test]
fn search_matches_are_marked_and_the_current_one_selected() {
    // Actors, searching "mexic": the selection lands on one match; other matching rows are
    // drawn as matches.
    let (app, buf) = drawn("2/mexic", (200, 60));
    let search = app.search.as_ref().expect("a search");
    assert!(search.count() > 1);
    let current = app.selected_item().unwrap();
    let at = find(
        &app,
        &buf,
        Pane::Actors,
        &app.model.item(current).title[..10],
    );
    assert!(has(&buf, at, theme().selected), "{:?}", buf[at]);
    let other = search
        .items
        .iter()
        .copied()
        .find(|&i| {
            i != current
                && app
                    .list(app.focus)
                    .unwrap()
                    .rows
                    .iter()
                    .any(|r| r.item() == Some(i))
        })
        .expect("another match in the pane");
    let at = find(&app, &buf, Pane::Actors, &app.model.item(other).title[..10]);
    assert!(has(&buf, at, theme().matched), "{:?}", buf[at]);
}

#[test]
fn items_linked_to_the_selection_are_marked_in_the_other_panes() {
    // Wide: the four panes at once. The first recommendation's linked provisions carry the mark.
    let (app, buf) = drawn("4", (200, 60));
    let rec = app.selected_item().unwrap();
    let linked = app.model.index.outgoing[rec]
        .iter()
        .map(|l| l.other)
        .find(|&i| app.model.item(i).kind == argscope::model::Kind::Provision)
        .expect("a linked provision");
    let at = find(
        &app,
        &buf,
        Pane::Provisions,
        &app.model.item(linked).title[..15],
    );
    assert!(has(&buf, at, theme().linked), "{:?}", buf[at]);
    assert_eq!(buf[(at.0 - 1, at.1)].symbol(), "•");
    // An unlinked provision is plain.
    let unlinked = (0..app.model.doc.items.len())
        .find(|&i| {
            app.model.item(i).kind == argscope::model::Kind::Provision
                && !app.model.index.linked(rec, i)
        })
        .expect("an unlinked provision");
    let at = find(
        &app,
        &buf,
        Pane::Provisions,
        &app.model.item(unlinked).title[..15],
    );
    assert!(!has(&buf, at, theme().linked) || theme().linked.fg.is_none());
    assert_eq!(buf[(at.0 - 1, at.1)].symbol(), " ");
}
