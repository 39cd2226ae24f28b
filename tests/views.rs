//! The side-by-side views driven by keys, as a reader uses them: compare (`c`), prepared
//! comparisons (`C`), the matrix (`x`), the map (`m`), and the Argument pane's folding and "why is
//! this here". Pure: keys through the keymap and `update`, then the state and the drawn screen.

use argscope::app::{App, Options, Pane, keys};
use argscope::model::{self, Model};
use argscope::views::compare::CompareView;
use argscope::views::map::MapView;
use argscope::views::matrix::MatrixView;
use argscope::views::prepared::PreparedView;
use argscope::views::{Layer, ViewKind};
use serde_json::json;

fn app_with(model: Model, w: u16, h: u16) -> App {
    let mut app = App::new(model, Options::default());
    app.update(argscope::app::Action::Resize(w, h));
    app
}

fn press(app: &mut App, notation: &str) {
    for key in keys::parse(notation).expect("valid notation") {
        app.handle_key(key);
    }
}

fn run(notation: &str) -> App {
    let mut a = app_with(model::builtin(), 160, 45);
    press(&mut a, notation);
    a
}

fn screen(app: &App) -> String {
    argscope::render::screen_text(app).join("\n")
}

/// The view on top, which the test expects to be of one kind.
macro_rules! top {
    ($name:ident, $kind:ident, $ty:ty) => {
        fn $name(app: &App) -> &$ty {
            match app.top() {
                Some(Layer::$kind(v)) => v,
                other => panic!(
                    "expected {} on top, got {:?}",
                    stringify!($kind),
                    other.map(Layer::kind)
                ),
            }
        }
    };
}
top!(compare, Compare, CompareView);
top!(prepared, Prepared, PreparedView);
top!(matrix, Matrix, MatrixView);
top!(map, Map, MapView);

fn id(app: &App, item: usize) -> &str {
    &app.model.item(item).id
}

fn selected_id(app: &App) -> &str {
    app.selected_item().map_or("<none>", |i| id(app, i))
}

/// A valid document with `recs` recommendations all addressing one provision, and an actor that
/// `links` items link to: for wide matrices and crowded maps.
fn synthetic(recs: usize, links: usize) -> Model {
    let mut items = vec![
        json!({"id": "prov", "kind": "provision", "title": "The only provision", "quotes": [], "links": []}),
        json!({"id": "hub", "kind": "actor", "title": "The hub actor", "quotes": [], "links": []}),
    ];
    for r in 0..recs {
        items.push(json!({
            "id": format!("rec-{r}"), "kind": "recommendation",
            "title": format!("Recommendation number {r}"), "quotes": [],
            "links": [{"rel": "addresses", "to": "prov"}]
        }));
    }
    for e in 0..links {
        items.push(json!({
            "id": format!("ev-{e}"), "kind": "event", "title": format!("Event number {e} involving the hub"),
            "quotes": [], "links": [{"rel": "involves", "to": "hub"}]
        }));
    }
    let doc = json!({
        "format": "argscope/1",
        "document": {"title": "Synthetic", "text": "A synthetic text."},
        "items": items
    });
    model::load(doc.to_string().as_bytes()).expect("the synthetic document is valid")
}

// ---- free comparison

#[test]
fn c_marks_the_item_and_the_status_says_so() {
    let a = run("4c");
    let marked = a.memory.mark.expect("marked");
    assert_eq!(a.selected_item(), Some(marked));
    assert!(
        a.message.as_deref().unwrap().starts_with("marked “"),
        "{:?}",
        a.message
    );
    let mut a = a;
    press(&mut a, "j");
    assert!(
        screen(&a).contains("marked: "),
        "the mark stays in the status line"
    );
}

#[test]
fn c_on_a_second_item_opens_the_two_side_by_side() {
    let a = run("4c<Down>c");
    assert_eq!(a.shown(), Some(ViewKind::Compare));
    assert_eq!(a.memory.mark, None);
    let recs = a.list(Pane::Recommendations).unwrap();
    let first_two: Vec<usize> = recs.rows.iter().filter_map(|r| r.item()).take(2).collect();
    let al = &compare(&a).alignment;
    assert_eq!(al.items.to_vec(), first_two);
    let s = screen(&a);
    for item in first_two {
        let title = &a.model.item(item).title;
        assert!(s.contains(&title[..20]), "{title} on screen:\n{s}");
    }
}

#[test]
fn c_twice_on_the_same_item_unmarks_it() {
    let a = run("4cc");
    assert_eq!(a.memory.mark, None);
    assert_eq!(a.shown(), None);
    assert!(a.message.as_deref().unwrap().starts_with("unmarked"));
}

#[test]
fn s_swaps_the_sides_and_esc_closes() {
    let mut a = run("4c<Down>c");
    let before = compare(&a).alignment.items;
    press(&mut a, "s");
    let after = compare(&a).alignment.items;
    assert_eq!(after, [before[1], before[0]]);
    press(&mut a, "<Esc>");
    assert_eq!(a.shown(), None);
}

#[test]
fn enter_on_a_link_opens_its_item_into_history_and_back_returns() {
    let mut a = run("4c<Down>c");
    let (row, target) = {
        let al = &compare(&a).alignment;
        al.rows
            .iter()
            .enumerate()
            .find_map(|(r, row)| row.left.as_ref()?.link.map(|t| (r, t)))
            .expect("the first recommendation has links")
    };
    press(&mut a, &"j".repeat(row));
    press(&mut a, "<Enter>");
    assert_eq!(a.shown(), None);
    assert_eq!(a.selected_item(), Some(target));
    press(&mut a, "<BS>");
    assert_eq!(a.focus, Pane::Recommendations, "back where c was pressed");
}

#[test]
fn scrolling_moves_both_columns_and_keeps_the_cursor_on_screen() {
    let mut a = app_with(model::builtin(), 80, 24);
    press(&mut a, "4c<Down>cG");
    let s = screen(&a);
    let view = compare(&a);
    assert_eq!(view.row, view.alignment.rows.len() - 1);
    assert!(view.scroll.top > 0, "scrolled");
    assert!(s.contains('▶'), "the cursor is drawn:\n{s}");
    for line in s.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80);
    }
}

// ---- prepared comparisons

#[test]
fn shift_c_lists_the_comparisons_and_enter_opens_the_first() {
    let a = run("C");
    assert_eq!(a.shown(), Some(ViewKind::Comparisons));
    let s = screen(&a);
    for c in &a.model.doc.comparisons {
        let start: String = c.title.chars().take(30).collect();
        assert!(s.contains(&start), "{}", c.title);
    }
    let a = run("C<Enter>");
    assert_eq!(a.shown(), Some(ViewKind::Prepared));
    let first = &a.model.doc.comparisons[0];
    let s = screen(&a);
    assert!(
        s.contains(&first.left.label) && s.contains(&first.right.label),
        "{s}"
    );
    // The first comparison (asks and offers) pairs nothing; the second does.
    assert!(first.pairs.is_empty());
    assert!(!s.contains('↔'), "no pair, no join:\n{s}");
    let s = screen(&run("Cj<Enter>"));
    assert!(s.contains('↔'), "paired rows are joined:\n{s}");
}

#[test]
fn j_moves_both_columns_tab_switches_and_enter_opens_that_side() {
    let mut a = run("C<Enter>");
    let right = prepared(&a).rows[0].right.item().unwrap();
    press(&mut a, "j");
    assert_eq!(prepared(&a).row, 1);
    press(&mut a, "k<Tab>");
    assert_eq!(prepared(&a).side, 1);
    press(&mut a, "<Enter>");
    assert_eq!(a.shown(), None);
    assert_eq!(a.selected_item(), Some(right));
}

#[test]
fn esc_goes_back_to_the_list_then_closes() {
    let mut a = run("C<Enter><Esc>");
    assert_eq!(a.shown(), Some(ViewKind::Comparisons));
    press(&mut a, "<Esc>");
    assert_eq!(a.shown(), None);
}

#[test]
fn slash_searches_the_comparison_as_you_type() {
    let mut a = run("C<Enter>/fentanyl");
    assert_eq!(a.shown(), Some(ViewKind::Prepared));
    assert!(prepared(&a).typing);
    let view = prepared(&a);
    let find = view.find.as_ref().unwrap();
    assert!(!find.rows.is_empty());
    assert_eq!(view.row, find.rows[0]);
    assert!(screen(&a).contains("/fentanyl"));
    // Enter keeps the result; n wraps around and says so.
    press(&mut a, "<Enter>");
    assert_eq!(a.shown(), Some(ViewKind::Prepared));
    let n = find_len(&a);
    press(&mut a, &"n".repeat(n));
    assert!(
        a.message.as_deref().unwrap_or("").contains("wrapped"),
        "{:?}",
        a.message
    );
    // Esc clears the search first.
    press(&mut a, "<Esc>");
    assert!(prepared(&a).find.is_none());
    assert_eq!(a.shown(), Some(ViewKind::Prepared));
}

fn find_len(a: &App) -> usize {
    prepared(a).find.as_ref().unwrap().rows.len()
}

#[test]
fn esc_in_the_search_returns_to_where_it_started() {
    let mut a = run("C<Enter>jj/fentanyl");
    press(&mut a, "<Esc>");
    let view = prepared(&a);
    assert_eq!((view.row, view.find.is_none()), (2, true));
}

#[test]
fn a_search_with_no_match_says_so() {
    let a = run("C<Enter>/zzzz");
    assert!(a.message.as_deref().unwrap().contains("no match"));
}

// ---- matrix

#[test]
fn x_opens_the_matrix_and_u_goes_to_a_provision_nothing_addresses() {
    let mut a = run("x");
    assert_eq!(a.shown(), Some(ViewKind::Matrix));
    assert!(screen(&a).contains("Provisions × Recommendations"));
    press(&mut a, "u");
    let view = matrix(&a);
    assert!(!view.matrix.addressed(view.row));
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .contains("no recommendation addresses it")
    );
    let (first, count) = (view.row, view.matrix.unaddressed());
    press(&mut a, &"u".repeat(count));
    assert_eq!(matrix(&a).row, first, "u cycles through them");
}

#[test]
fn enter_opens_the_recommendation_and_p_the_provision() {
    let mut a = run("xll");
    let (rec, prov) = {
        let v = matrix(&a);
        (v.matrix.recommendations[2], v.matrix.provisions[0])
    };
    press(&mut a, "<Enter>");
    assert_eq!((a.shown(), a.focus), (None, Pane::Recommendations));
    assert_eq!(a.selected_item(), Some(rec));
    press(&mut a, "xp");
    assert_eq!(a.selected_item(), Some(prov));
}

#[test]
fn the_matrix_scrolls_columns_when_they_do_not_fit() {
    let mut a = app_with(synthetic(40, 0), 120, 40);
    press(&mut a, "x");
    let s = screen(&a);
    assert!(s.contains("R1 ") && !s.contains("R40"), "{s}");
    press(&mut a, &"l".repeat(39));
    let s = screen(&a);
    assert!(s.contains("R40") && s.contains('◀'), "{s}");
    assert!(
        !s.lines().nth(1).unwrap().contains("R1 "),
        "R1 scrolled off:\n{s}"
    );
}

#[test]
fn a_document_without_provisions_says_the_matrix_is_empty() {
    let mut a = app_with(synthetic(0, 3), 80, 24);
    press(&mut a, "x");
    assert_eq!(a.shown(), None);
    assert!(a.message.as_deref().unwrap().contains("needs provisions"));
}

// ---- map

#[test]
fn m_centres_the_map_and_enter_recentres_into_history() {
    let mut a = run("4m");
    let centre = map(&a).hood.centre;
    assert_eq!(Some(centre), a.selected_item());
    press(&mut a, "<Right>");
    let next = {
        let hood = &map(&a).hood;
        hood.outgoing[0].item
    };
    press(&mut a, "<Enter>");
    assert_eq!(a.shown(), Some(ViewKind::Map));
    assert_eq!(map(&a).hood.centre, next);
    assert_eq!(a.selected_item(), Some(next), "the pane follows the map");
    press(&mut a, "<BS>");
    assert_eq!(a.shown(), Some(ViewKind::Map), "back stays in the map");
    assert_eq!(map(&a).hood.centre, centre);
}

#[test]
fn enter_on_the_centre_opens_it_in_its_pane() {
    let mut a = run("2jm");
    let centre = map(&a).hood.centre;
    press(&mut a, "<Enter>");
    assert_eq!(a.shown(), None);
    assert_eq!(a.selected_item(), Some(centre));
}

#[test]
fn a_crowded_map_pages_its_column_and_never_overlaps_boxes() {
    for (w, h) in [(160, 45), (80, 24), (60, 16)] {
        let mut a = app_with(synthetic(0, 25), w, h);
        press(&mut a, "2m");
        assert_eq!(id(&a, map(&a).hood.centre), "hub");
        press(&mut a, "h");
        let s = screen(&a);
        assert!(s.contains("▼") && s.contains("more"), "{w}x{h}:\n{s}");
        // Down the left column, box tops and bottoms alternate: no box starts inside another.
        let mut open = false;
        let mut boxes = 0;
        for line in s.lines() {
            let mut cells = line.chars().skip(1);
            match cells.next() {
                Some('┌' | '┏') => {
                    assert!(!open, "{w}x{h}: a box starts inside another:\n{s}");
                    open = true;
                    boxes += 1;
                }
                Some('└' | '┗') => {
                    assert!(open, "{w}x{h}:\n{s}");
                    open = false;
                }
                _ => {}
            }
        }
        assert!(!open && boxes >= 2, "{w}x{h}: {boxes} boxes:\n{s}");
        press(&mut a, "G");
        let s = screen(&a);
        assert!(
            s.contains("Event number 24"),
            "{w}x{h}: the last one is reachable:\n{s}"
        );
        assert!(s.contains("▲"), "{w}x{h}:\n{s}");
    }
}

#[test]
fn the_wheel_moves_the_cursor_in_a_view() {
    let mut a = run("C<Enter>");
    a.update(argscope::app::Action::WheelDown(10, 10));
    assert_eq!(prepared(&a).row, 3);
    a.update(argscope::app::Action::WheelUp(10, 10));
    assert_eq!(prepared(&a).row, 0);
}

// ---- help from a view, sizes

#[test]
fn help_from_a_view_returns_to_it() {
    let mut a = run("x?");
    assert_eq!(a.shown(), Some(ViewKind::Help));
    assert!(screen(&a).contains(" HELP"));
    press(&mut a, "<Esc>");
    assert_eq!(a.shown(), Some(ViewKind::Matrix));
}

#[test]
fn every_view_fits_the_screen_and_names_itself_at_every_size() {
    for (keys, name) in [
        ("4c<Down>c", "COMPARE"),
        ("C", "COMPARISONS"),
        ("C<Enter>", "COMPARISON"),
        ("C<Enter>/po", "SEARCH"),
        ("x", "MATRIX"),
        ("2m", "MAP"),
        ("2mh", "MAP"),
    ] {
        for (w, h) in [
            (1, 1),
            (2, 2),
            (10, 4),
            (20, 8),
            (40, 12),
            (80, 24),
            (200, 60),
        ] {
            let mut a = app_with(model::builtin(), w, h);
            press(&mut a, keys);
            let lines = argscope::render::screen_text(&a);
            for line in &lines {
                let width = argscope::wrap::str_width(line);
                assert!(width <= w as usize, "{keys} at {w}x{h}: {line:?}");
            }
            // The status line (above the footer) names the view once there is room for it.
            if h >= 3 && w >= 20 {
                let status = &lines[h as usize - 2];
                assert!(
                    status == &format!(" {name}") || status.starts_with(&format!(" {name} ")),
                    "{keys} at {w}x{h}: {status:?}"
                );
            }
            // The view's border is drawn once the body has room for one.
            if h >= 8 && w >= 20 {
                assert!(
                    lines[0].starts_with('┏'),
                    "{keys} at {w}x{h}:\n{}",
                    lines.join("\n")
                );
            }
        }
    }
}

// ---- Argument pane

#[test]
fn space_folds_a_claim_and_z_unfolds_it() {
    let mut a = run("5");
    let rows = a.list(Pane::Argument).unwrap().rows.len();
    press(&mut a, "<Space>");
    assert_eq!(
        a.list(Pane::Argument).unwrap().rows.len(),
        1,
        "the thesis folds its tree"
    );
    assert!(screen(&a).contains('▸'));
    press(&mut a, "z");
    assert_eq!(a.list(Pane::Argument).unwrap().rows.len(), rows);
}

#[test]
fn folding_elsewhere_says_where_it_works() {
    let a = run("3z");
    assert!(
        a.message.as_deref().unwrap().contains("does nothing here"),
        "z folds only in the Argument pane"
    );
    let mut a = run("5");
    press(&mut a, "G<Space>");
    assert!(a.message.is_some(), "a claim with nothing under it says so");
}

#[test]
fn on_a_claim_the_status_line_shows_the_chain_up_to_the_thesis() {
    let a = run("5jj");
    let s = screen(&a);
    let status = s.lines().nth(43).unwrap();
    assert!(status.contains("why: "), "{status}");
    assert!(status.contains("─supports→"), "{status}");
    assert_ne!(selected_id(&a), "thesis");
}

#[test]
fn every_typed_line_draws_its_caret_at_the_cursor() {
    // The palette.
    let a = run(":lopez<Left><Left>");
    assert!(screen(&a).contains(": lop▏ez"), "{}", screen(&a));
    // The help's search.
    let a = run("?/quit<Home><Right>");
    assert!(screen(&a).contains("/q▏uit"), "{}", screen(&a));
    // A prepared comparison's search.
    let a = run("C<Enter>/border<C-a><A-f><Left>");
    assert!(screen(&a).contains("/borde▏r"), "{}", screen(&a));
}
