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

fn run_on(m: model::Model, notation: &str) -> App {
    let mut a = App::new(m, Options::default());
    a.update(Action::Resize(80, 24));
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
    read_by_paging(run(w, h, keys))
}

/// Pages the detail of `a` to its end and gathers every screen shown on the way.
fn read_by_paging(mut a: App) -> String {
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
    assert!(
        before.contains("▼ more"),
        "the border says there is more:\n{before}"
    );
    let after = render(80, 14, "4<C-f>");
    assert!(after.contains("does not list"), "{after}");
    assert!(after.contains("▲ more"), "{after}");
    let read = words_read_by_scrolling(80, 14, "4");
    assert!(read.contains("Mexican police"), "{read}");
    assert!(
        read.contains("press the Mexican government"),
        "the quotes are reached"
    );
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
    assert_eq!(
        a.focus,
        Pane::Recommendations,
        "the wheel does not change the focus"
    );
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

/// Every word of every item's detail (title, fields, summary, quotes, link notes) is shown on
/// some screen reached by selecting the item and paging its detail, at 80×24 and 160×45.
fn assert_every_word_reachable(m: &model::Model) {
    for (w, h) in [(80, 24), (160, 45)] {
        for pane in 1..=5 {
            let count = run_on_at(m.clone(), w, h, &pane.to_string())
                .list(Pane::ALL[pane - 1])
                .map_or(0, |l| l.rows.len());
            for row in 0..count {
                let keys = format!("{pane}g{}", "j".repeat(row));
                let a = run_on_at(m.clone(), w, h, &keys);
                let Some(item) = a.selected_item() else {
                    continue;
                };
                let read = read_by_paging(a);
                let flat: String = read.split_whitespace().collect::<Vec<_>>().join(" ");
                let it = m.item(item);
                let texts = std::iter::once(&it.title)
                    .chain(it.summary.iter())
                    .chain(it.quotes.iter().map(|q| &q.exact))
                    .chain(it.links.iter().filter_map(|l| l.note.as_ref()));
                for text in texts {
                    // Word by word, since a line may wrap anywhere between them; a word broken
                    // at a hyphen is looked for in its parts.
                    for word in text.split(|c: char| c.is_whitespace() || c == '-' || c == '—') {
                        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
                        assert!(
                            flat.contains(word),
                            "{w}x{h} {}: \"{word}\" never shown",
                            it.id
                        );
                    }
                }
            }
        }
    }
}

fn run_on_at(m: model::Model, w: u16, h: u16, notation: &str) -> App {
    let mut a = App::new(m, Options::default());
    a.update(Action::Resize(w, h));
    press(&mut a, notation);
    a
}

#[test]
fn every_word_of_every_item_is_reachable_at_80x24_and_160x45() {
    assert_every_word_reachable(&frozen());
}

#[test]
fn every_word_of_every_item_of_the_built_in_map_is_reachable() {
    let builtin = model::load(model::BUILTIN.as_bytes()).expect("the built-in map loads");
    assert_every_word_reachable(&builtin);
}

#[test]
fn the_why_chain_keeps_both_ends_at_80_columns() {
    let a = run(80, 24, "5G");
    let item = a.selected_item().unwrap();
    let s = screen(&a);
    let status = s.lines().rev().nth(1).unwrap();
    let thesis = a
        .model
        .doc
        .items
        .iter()
        .find(|i| {
            matches!(
                i.fields,
                model::KindFields::Claim {
                    role: model::ClaimRole::Thesis,
                    ..
                }
            )
        })
        .unwrap();
    let start = |t: &str| t.chars().take(6).collect::<String>();
    assert!(
        status.contains(&format!("why: {}", start(&a.model.item(item).title))),
        "{status}"
    );
    assert!(status.contains(&start(&thesis.title)), "{status}");
    // And whole, wrapped, in the detail.
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Why:"), "{s}");
}

// --- 2. Backspace brings you back ------------------------------------------------------------

/// The screen without its status line (its search query and count).
fn without_status(s: &str) -> String {
    let lines: Vec<&str> = s.lines().collect();
    let n = lines.len();
    lines
        .iter()
        .enumerate()
        .filter(|&(i, _)| i + 2 != n)
        .map(|(_, l)| *l)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The screen before a jump and after coming back are the same, cell for cell, status line and
/// its breadcrumb included; and going forward then back again gives the very same screen.
fn assert_round_trip(w: u16, h: u16, before: &str, jump: &str) {
    let there = render(w, h, before);
    let back = render(w, h, &format!("{before}{jump}<BS>"));
    assert_eq!(there, back, "{before} then {jump} and back");
    let again = render(w, h, &format!("{before}{jump}<BS>]<BS>"));
    assert_eq!(back, again, "{before}{jump}: forward and back again");
}

#[test]
fn back_restores_the_link_cursor_and_links_mode() {
    let a = run(80, 24, "4<Enter>jj<Enter><BS>");
    assert_eq!(a.mode, Mode::Links);
    assert_eq!(a.link, 2, "the third link, not the first");
    for size in [(80, 24), (160, 45)] {
        assert_round_trip(size.0, size.1, "4<Enter>jj", "<Enter>");
        // A jump into another pane a wide screen also shows: that pane's selection comes back.
        assert_round_trip(size.0, size.1, "4<Enter>j", "<Enter>");
    }
    // Walking a hub's links: Enter, Backspace, j, Enter, Backspace…
    let b = run(80, 24, "4<Enter><Enter><BS>j<Enter><BS>j");
    assert_eq!(b.link, 2);
}

#[test]
fn back_after_history_was_walked_shows_the_screen_left_status_line_and_all() {
    // History already holds a place (a jump from the Text pane and back), then the reader moves
    // to another pane without a jump: the screen's trail names the way back before the jump
    // as after it.
    for size in [(80, 24), (160, 45)] {
        assert_round_trip(
            size.0,
            size.1,
            "6}}}}<Enter><Enter><BS>4jj<Enter>j",
            "<Enter>",
        );
    }
    let s = render(160, 45, "6}}}}<Enter><Enter><BS>4jj<Enter>j");
    let status = s.lines().rev().nth(1).unwrap();
    assert!(status.contains("Text: "), "the way back is named: {status}");
}

#[test]
fn the_screen_is_always_on_its_own_page() {
    for keys in [
        "",
        "4jj<Enter>j",
        "6}}}}<Enter>",
        "5<Enter><Enter>",
        "x",
        "2:cien<Enter>",
        "6}}",
    ] {
        let a = run(80, 24, keys);
        assert!(a.on_page(&a.place()), "{keys}");
    }
}

#[test]
fn back_restores_a_scrolled_detail() {
    assert_round_trip(80, 14, "4<C-f><Enter>j", "<Enter>");
    assert_round_trip(80, 24, "3jj<C-e><C-e>", ":cienfuegos<Enter>");
}

#[test]
fn the_passage_panel_scrolls_and_comes_back_scrolled() {
    // Passage 4 at 80×10: its words and "Quoted by" do not fit the panel together.
    let top = render(80, 10, "6}}}}<Enter><C-y><C-y><C-y>");
    assert!(top.contains("Passage 4 of"), "{top}");
    assert!(!top.contains("Quoted by"), "{top}");
    assert!(top.contains("▼ more"), "{top}");
    // Entering "Quoted by" scrolled only as far as its row needs; Ctrl-y went back up.
    let entered = render(80, 10, "6}}}}<Enter>");
    assert!(entered.contains("Quoted by"), "{entered}");
    assert!(entered.contains("▲ more"), "{entered}");
    assert!(!entered.contains("Passage 4 of"), "{entered}");
    // The wheel over the panel scrolls it too.
    let mut a = run(80, 10, "6}}}}<Enter>");
    a.update(Action::WheelUp(60, 5));
    let wheel = screen(&a);
    assert!(wheel.contains("Passage 4 of"), "{wheel}");
    // A jump from a scrolled panel comes back to it scrolled.
    assert_round_trip(80, 10, "6}}}}<Enter><C-y><C-y><C-y>", "<Enter>");
}

#[test]
fn jumps_from_the_text_pane_enter_history() {
    let a = run(80, 24, "6}}}}<Enter><Enter><BS>");
    assert_eq!(a.focus, Pane::Text);
    assert_eq!(a.text.current, Some(3), "passage 4");
    assert_ne!(a.message.as_deref(), Some("at the start of history"));
    assert_round_trip(80, 24, "6}}}}<Enter>", "<Enter>");
    assert_round_trip(80, 24, "6}}}}", ":cienfuegos<Enter>");
    assert_round_trip(160, 45, "6}}}}", ":cienfuegos<Enter>");
}

#[test]
fn t_on_an_item_without_a_quote_stays_put_and_enters_nothing() {
    // The frozen map quotes every item: one of its claims without a quote.
    let json = include_str!("fixtures/builtin-frozen.json");
    let mut doc: serde_json::Value = serde_json::from_str(json).unwrap();
    let items = doc["items"].as_array_mut().unwrap();
    let claim = items
        .iter_mut()
        .find(|i| i["kind"] == "claim" && i["role"] == "premise")
        .unwrap();
    claim["quotes"] = serde_json::json!([]);
    let m = model::load(serde_json::to_string(&doc).unwrap().as_bytes()).expect("loads");
    let row = run_on(m.clone(), "5")
        .lists
        .argument
        .rows
        .iter()
        .filter_map(|r| r.item())
        .position(|i| m.item(i).quotes.is_empty())
        .unwrap();
    let pane = 5;
    let keys = format!("{pane}g{}", "j".repeat(row));
    let before = run_on(m.clone(), &keys);
    let a = run_on(m, &format!("{keys}t"));
    assert_eq!(a.focus, before.focus, "t does not switch pane");
    assert!(
        a.message
            .as_deref()
            .unwrap_or("")
            .starts_with("no quote in the text")
    );
    assert!(a.history.trail().0.is_empty(), "nothing entered history");
}

#[test]
fn a_palette_jump_the_filter_blocks_enters_nothing_and_says_why_in_full_at_80_columns() {
    let a = run(80, 24, "1ftrump<Enter>:biden makes<Enter>");
    assert!(a.history.trail().0.is_empty(), "nothing entered history");
    let s = screen(&a);
    let status = s.lines().rev().nth(1).unwrap();
    assert!(
        status.contains("hidden by the filter in Timeline"),
        "{status}"
    );
}

#[test]
fn views_are_places_back_reopens_them_at_their_cursor() {
    // The matrix, moved, then a recommendation opened from it.
    assert_round_trip(120, 40, "xjjl", "<Enter>");
    // A prepared comparison, moved, then an item opened from it.
    assert_round_trip(120, 40, "C<Enter>jj", "<Enter>");
    // The map, re-centred on a neighbour.
    assert_round_trip(120, 40, "4ml", "<Enter>");
}

// --- 3. The Text pane acts on the item it shows -----------------------------------------------

#[test]
fn after_t_and_a_passage_the_keys_act_on_that_passages_item() {
    let a = run(160, 45, "5t}");
    let p = a.text.current.expect("a passage");
    let quoting = a.text.quoting(p).to_vec();
    assert_eq!(quoting.len(), 1, "passage {} has one item", p + 1);
    assert_eq!(a.selected_item(), Some(quoting[0]));
    assert_ne!(selected_id(&a), "biden-should-repair-cooperation");
    let s = screen(&a);
    assert!(!s.contains("this is the thesis"), "{s}");
}

#[test]
fn in_quoted_by_the_keys_act_on_the_item_under_the_cursor() {
    let a = run(160, 45, "6}<Enter>");
    let under = a.text.quoting_selected().expect("an item under ▶");
    assert_eq!(a.selected_item(), Some(under));
    for key in ["y", "t", "m"] {
        let b = run(160, 45, &format!("6}}<Enter>{key}"));
        let msg = b.message.clone().unwrap_or_default();
        assert!(!msg.contains("no item selected"), "{key}: {msg}");
    }
    let c = run(160, 45, "6}<Enter>c");
    assert_eq!(c.memory.mark, Some(under));
}

#[test]
fn y_in_the_text_pane_copies_the_passage_with_a_citation() {
    let mut a = run(160, 45, "6}}");
    a.effects.clear();
    press(&mut a, "y");
    let [Effect::Copy(text)] = a.effects.as_slice() else {
        panic!("one copy: {:?}", a.effects)
    };
    assert!(text.starts_with('“'), "{text}");
    assert!(
        text.contains("Is Mexico"),
        "the citation names the piece: {text}"
    );
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .starts_with("copied passage 2")
    );
}

#[test]
fn nothing_dangerous_reaches_the_clipboard() {
    let json = include_str!("fixtures/builtin-frozen.json");
    let mut doc: serde_json::Value = serde_json::from_str(json).unwrap();
    let evil = "\u{1b}[201~ echo PWNED \u{1b}[200~ \u{202e}";
    let text = doc["document"]["text"].as_str().unwrap().to_owned();
    doc["document"]["text"] = format!("{text} {evil}").into();
    doc["items"][0]["quotes"] = serde_json::json!([evil]);
    let m = model::load(serde_json::to_string(&doc).unwrap().as_bytes()).expect("loads");
    let mut a = App::new(m, Options::default());
    a.update(Action::Resize(160, 45));
    assert!(a.navigate(0));
    press(&mut a, "y");
    let copied: Vec<&String> = a
        .effects
        .iter()
        .filter_map(|e| match e {
            Effect::Copy(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(copied.len(), 1, "{:?}", a.message);
    let t = copied[0];
    assert!(t.contains("PWNED"), "{t}");
    assert!(
        !t.chars().any(|c| (c.is_control() && c != '\n' && c != '\t')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)),
        "{t:?}"
    );
}

// --- 4. Search sees what the pane holds -------------------------------------------------------

#[test]
fn search_finds_folded_claims_and_landing_opens_their_folds() {
    let unfolded = run(160, 45, "5/fentanyl<Enter>");
    let folded = run(160, 45, "5Z/fentanyl<Enter>");
    let count = |a: &App| a.search.as_ref().map(|s| s.position());
    assert_eq!(count(&folded).as_deref(), Some("1/2"));
    assert_eq!(count(&folded), count(&unfolded));
    assert_eq!(folded.selected_item(), unfolded.selected_item());
    let s = screen(&folded);
    assert!(s.contains("/fentanyl  1/2"), "{s}");
    // n goes on to the second, opening its folds too.
    let a = run(160, 45, "5Z/fentanyl<Enter>n");
    let b = run(160, 45, "5/fentanyl<Enter>n");
    assert_eq!(a.selected_item(), b.selected_item());
    assert!(a.selected_item().is_some_and(|i| {
        a.model.item(i).title.to_lowercase().contains("fentanyl")
            || a.model.search.item_matches(&a.model.doc, "fentanyl", i)
    }));
}

#[test]
fn with_a_filter_on_the_count_is_of_visible_matches_and_says_how_many_are_hidden() {
    let a = run(160, 45, "4fpolice<Enter>/mexic<Enter>");
    let s = screen(&a);
    assert!(s.contains("/mexic  1/3, 7 hidden by the filter"), "{s}");
    // n and N walk the visible ones only.
    let b = run(160, 45, "4fpolice<Enter>/mexic<Enter>nnn");
    assert_eq!(
        b.search.as_ref().unwrap().current,
        Some(0),
        "wrapped after three"
    );
}

#[test]
fn smart_case_a_capital_makes_case_exact_but_accents_still_fold() {
    let a = run(160, 45, "2/Lopez<Enter>");
    assert!(
        selected_id(&a).contains("lopez") || selected_id(&a).contains("amlo"),
        "{}",
        selected_id(&a)
    );
    assert_ne!(a.search.as_ref().unwrap().count(), 0);
    let b = run(160, 45, "2/LOPEZ<Enter>");
    assert_eq!(b.search.as_ref().unwrap().count(), 0, "case is exact");
    let c = run(160, 45, "6/Lopez<Enter>");
    assert_ne!(c.search.as_ref().unwrap().count(), 0, "in the text too");
}

// --- 5. Views keep their cursor; keys out of context say so ----------------------------------

fn top_prepared_row(a: &App) -> Option<usize> {
    match a.layers.last() {
        Some(argscope::views::Layer::Prepared(p)) => Some(p.row),
        _ => None,
    }
}

#[test]
fn a_prepared_comparison_reopens_where_it_was_left() {
    let a = run(120, 40, "C<Enter>jj<Enter>C<Enter>");
    assert_eq!(top_prepared_row(&a), Some(2));
    let b = run(120, 40, "C<Enter>jj<Esc><Esc>C<Enter>");
    assert_eq!(top_prepared_row(&b), Some(2));
    // Another comparison has a cursor of its own.
    let c = run(120, 40, "C<Enter>jj<Esc>j<Enter>");
    assert_eq!(top_prepared_row(&c), Some(0));
}

#[test]
fn the_map_and_the_free_comparison_reopen_where_they_were_left() {
    let a = run(120, 40, "4mlj<Esc>m");
    let b = run(120, 40, "4mlj");
    let cursor = |a: &App| match a.layers.last() {
        Some(argscope::views::Layer::Map(m)) => Some(m.cursor),
        _ => None,
    };
    assert_eq!(cursor(&a), cursor(&b));
    let c = run(120, 40, "4cjcjjl<Esc>kcjc");
    let d = run(120, 40, "4cjcjjl");
    let at = |a: &App| match a.layers.last() {
        Some(argscope::views::Layer::Compare(v)) => Some((v.row, v.side)),
        _ => None,
    };
    assert_eq!(at(&c), at(&d));
}

#[test]
fn o_outside_the_timeline_says_so_and_changes_nothing() {
    let a = run(160, 45, "2o");
    assert!(a.chronological, "the Timeline keeps its order");
    assert!(a.message.as_deref().unwrap().contains("Timeline"));
    let b = run(160, 45, "1o");
    assert!(!b.chronological);
}

#[test]
fn a_passage_several_items_quote_asks_to_choose_one() {
    let json = include_str!("fixtures/builtin-frozen.json");
    let mut doc: serde_json::Value = serde_json::from_str(json).unwrap();
    let items = doc["items"].as_array_mut().unwrap();
    let quote = items[0]["quotes"][0].clone();
    items[1]["quotes"] = serde_json::json!([quote]);
    let m = model::load(serde_json::to_string(&doc).unwrap().as_bytes()).expect("loads");
    let mut a = App::new(m, Options::default());
    a.update(Action::Resize(160, 45));
    // Through the Text pane's passages to the shared one.
    press(&mut a, "6");
    while a.text.current.is_none_or(|p| a.text.quoting(p).len() < 2) {
        let before = a.text.current;
        press(&mut a, "}");
        assert_ne!(a.text.current, before, "a passage two items quote");
    }
    assert_eq!(a.selected_item(), None);
    press(&mut a, "y");
    assert!(
        matches!(a.effects.last(), Some(Effect::Copy(_))),
        "y copies the passage"
    );
    press(&mut a, "c");
    let msg = a.message.clone().unwrap();
    assert!(msg.contains("choose one in \"Quoted by\""), "{msg}");
    assert!(screen(&a).contains("2 items quote this passage"));
    press(&mut a, "<Enter>c");
    assert!(
        a.memory.mark.is_some(),
        "in Quoted by, c marks the item under ▶"
    );
}

// --- 1 (cont.). The views' text scrolls too ----------------------------------------------------

#[test]
fn compare_at_40x12_scrolls_its_summary_to_the_end() {
    let before = render(40, 12, "4cjcjjj");
    assert!(!before.contains("cooperation."), "cut at first:\n{before}");
    assert!(before.contains("▼ more"), "{before}");
    let read = words_read_by_scrolling(40, 12, "4cjcjjj");
    assert!(read.contains("cooperation."), "{read}");
    // Scrolling keeps the cursor on screen, and back up gives the screen again.
    assert_eq!(render(40, 12, "4cjcjjj<C-e><C-e><C-y><C-y>"), before);
}

#[test]
fn the_matrix_cell_box_scrolls_to_the_end_of_r1s_quote() {
    let before = render(80, 24, "x");
    assert!(!before.contains("bodies”"), "cut at first:\n{before}");
    assert!(before.contains("▼ more"));
    let after = render(80, 24, "x<C-f>");
    assert!(after.contains("bodies”"), "{after}");
    // Another cell starts at its top.
    let moved = render(80, 24, "x<C-f>l");
    assert!(moved.contains("P1 Restrictions on U.S."), "{moved}");
}

#[test]
fn the_maps_caption_scrolls_a_line_at_a_time() {
    let first = render(80, 24, "4ml");
    assert!(!first.contains("bears directly on local cooperation"));
    let last = render(80, 24, "4ml<C-e><C-e><C-e>");
    assert!(
        last.contains("bears directly on local cooperation"),
        "{last}"
    );
}

// --- 6. Discoverable ---------------------------------------------------------------------------

/// The help's screens, page after page.
fn help_pages(w: u16, h: u16) -> Vec<String> {
    let mut a = run(w, h, "?");
    let mut pages = vec![screen(&a)];
    for _ in 0..200 {
        press(&mut a, "<PgDn>");
        let now = screen(&a);
        if Some(&now) == pages.last() {
            break;
        }
        pages.push(now);
    }
    pages
}

#[test]
fn the_help_wraps_and_cuts_nothing_at_any_size() {
    for (w, h) in [(40, 12), (80, 24), (160, 45)] {
        // The inside of the help's box, page after page: the rows below its top border, between
        // its left border and its right one; the rows a page shares with the one before (a page
        // down keeps a row of context, the last page more) are taken once.
        let mut inside: Vec<String> = Vec::new();
        for page in help_pages(w, h) {
            let mut this: Vec<String> = Vec::new();
            let rows: Vec<Vec<char>> = page.lines().map(|l| l.chars().collect()).collect();
            let (top, left) = rows
                .iter()
                .enumerate()
                .find_map(|(y, r)| {
                    let line: String = r.iter().collect();
                    line.find("┏ Help")
                        .map(|at| (y, line[..at].chars().count()))
                })
                .expect("the help's box");
            for r in &rows[top + 1..] {
                if r.get(left) != Some(&'┃') {
                    break;
                }
                let to = r[left + 1..]
                    .iter()
                    .position(|&c| c == '┃')
                    .map_or(r.len(), |p| left + 1 + p);
                this.push(r[left + 1..to].iter().collect());
            }
            let shared = (0..=this.len().min(inside.len()))
                .rev()
                .find(|&k| inside[inside.len() - k..] == this[..k])
                .unwrap_or(0);
            inside.extend(this.into_iter().skip(shared));
        }
        let flat = inside
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for words in [
            "help: every key",
            "what is under it: a list, the text, or the detail.",
            "the view open with its cursor.",
        ] {
            assert!(
                flat.contains(words),
                "{w}x{h}: \"{words}\" not whole in\n{}",
                inside.join("\n")
            );
        }
        let help = inside.join("\n");
        assert!(!help.contains("…"), "{w}x{h}: something is cut:\n{help}");
    }
}

#[test]
fn help_opens_at_the_section_of_the_mode_you_are_in() {
    let s = render(80, 24, "5?");
    assert!(s.lines().nth(2).unwrap().contains("Argument pane"), "{s}");
    let m = render(120, 40, "x?");
    assert!(m.contains("Provisions × recommendations matrix (x)"), "{m}");
    let l = render(80, 24, "4<Enter>?");
    assert!(l.lines().nth(2).unwrap().contains("Detail links"), "{l}");
}

#[test]
fn slash_searches_the_help() {
    let s = render(80, 24, "?/swap<Enter>");
    assert!(s.contains("swap sides"), "{s}");
    assert!(s.contains("/swap 1/1"), "{s}");
    let esc = render(80, 24, "?/swap<Esc>");
    assert_eq!(without_status(&esc), without_status(&render(80, 24, "?")));
}

#[test]
fn the_footer_names_the_views_when_there_is_room() {
    let wide = render(160, 45, "4");
    let footer = wide.lines().last().unwrap();
    for view in ["c compare", "C comparisons", "x matrix", "m map"] {
        assert!(footer.contains(view), "{footer}");
    }
    let narrow = render(80, 24, "4");
    let footer = narrow.lines().last().unwrap();
    assert!(footer.chars().count() <= 80, "{footer}");
}

#[test]
fn the_message_log_keeps_every_message_whole() {
    // A message the status line cuts at 80 columns, then another.
    let a = run(80, 24, "1ftrump<Enter>:biden makes<Enter>2o");
    let reason = a
        .log
        .iter()
        .find(|m| m.starts_with("hidden by the filter"))
        .expect("logged");
    assert!(reason.contains("Biden makes"), "{reason}");
    let s = render(80, 24, "1ftrump<Enter>:biden makes<Enter>2oM");
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("hidden by the filter in Timeline"), "{s}");
    assert!(flat.contains("o orders the Timeline"), "{s}");
    // M is none of the keys the next issues reserve.
    for reserved in [
        "a", "A", "L", "E", "D", "e", "u", "v", "w", "b", "(", ")", "0", "$", "<C-r>", "<C-s>",
    ] {
        let key = keys::parse(reserved).unwrap()[0];
        let km = argscope::app::Keymap::default();
        assert_ne!(
            km.lookup(argscope::app::KeyMode::Normal, key),
            Some(Action::MessageLog),
            "{reserved}"
        );
    }
}

// --- 7. The palette ----------------------------------------------------------------------------

fn palette(a: &App) -> &argscope::views::palette::PaletteView {
    match a.layers.last() {
        Some(argscope::views::Layer::Palette(p)) => p,
        other => panic!("no palette: {other:?}"),
    }
}

#[test]
fn the_empty_palette_lists_every_item_by_pane() {
    let a = run(100, 30, ":");
    let p = palette(&a);
    assert_eq!(p.items.len(), a.model.doc.items.len());
    let panes: Vec<Pane> = p
        .items
        .iter()
        .map(|&i| Pane::of_kind(a.model.item(i).kind))
        .collect();
    let mut sorted = panes.clone();
    sorted.sort_by_key(|p| p.number());
    assert_eq!(panes, sorted, "pane by pane");
    assert!(screen(&a).contains("1 Timeline        U.S. security assistance"));
}

#[test]
fn the_palette_shows_the_field_that_matched() {
    let s = render(100, 30, ":cartel");
    assert!(s.contains("summary: …ing the cartels"), "{s}");
}

#[test]
fn the_palettes_text_row_jumps_to_the_text_search_and_back() {
    let keys = format!(":cartel{}<Enter>", "<Down>".repeat(8));
    let a = run(100, 30, &keys);
    assert_eq!(a.focus, Pane::Text);
    assert_eq!(a.search.as_ref().map(|s| s.query.as_str()), Some("cartel"));
    assert_eq!(a.search.as_ref().unwrap().current, Some(0));
    assert_round_trip(100, 30, "3j", &keys);
}

// --- 7 (cont.). Clicks ---------------------------------------------------------------------------

#[test]
fn a_click_in_the_text_pane_selects_the_passage_under_it() {
    let mut a = run(80, 24, "6");
    // A passage no other overlaps, a few passages in.
    let ps = &a.text.passages;
    let want = (3..ps.len())
        .find(|&p| {
            (ps[p - 1].span.end <= ps[p].span.start) && (ps[p].span.end <= ps[p + 1].span.start)
        })
        .unwrap();
    press(&mut a, &"}".repeat(want + 3));
    assert_ne!(a.text.current, Some(want));
    // Where passage `want` is drawn: its first line, a few columns in.
    let span = a.text.passages[want].span.clone();
    let line = a.text.line_of(span.start);
    let rect = a.screen().pane(Pane::Text).unwrap();
    let y = rect.y + 1 + (line - a.text.top) as u16;
    let start_col = argscope::wrap::str_width(
        &a.model.doc.document.text[a.text.lines.get(line).unwrap().start..span.start],
    ) as u16;
    a.update(Action::Click(rect.x + 1 + 2 + start_col + 1, y));
    assert_eq!(a.text.current, Some(want));
}

#[test]
fn a_click_in_a_view_selects_the_row_or_cell_under_it() {
    // The matrix: the cell of P3 × R2 (rows below a header, columns after the labels).
    let mut a = run(120, 40, "x");
    let s = screen(&a);
    let (y, line) = s
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(" P3 "))
        .unwrap();
    let header = s.lines().find(|l| l.contains("R1  R2")).unwrap();
    let x = header
        .chars()
        .collect::<String>()
        .find("R2")
        .map(|b| header[..b].chars().count())
        .unwrap();
    let _ = line;
    a.update(Action::Click(x as u16, y as u16));
    match a.layers.last() {
        Some(argscope::views::Layer::Matrix(m)) => assert_eq!((m.row, m.col), (2, 1)),
        other => panic!("{other:?}"),
    }
    // The list of prepared comparisons: the second entry.
    let mut b = run(120, 40, "C");
    let s = screen(&b);
    let y = s
        .lines()
        .position(|l| l.contains(&b.model.doc.comparisons[1].title))
        .unwrap();
    b.update(Action::Click(10, y as u16));
    assert_eq!(b.memory.comparison, 1);
    // A prepared comparison: the right column.
    let mut c = run(120, 40, "C<Enter>");
    c.update(Action::Click(100, 5));
    assert_eq!(top_prepared_side(&c), Some(1));
}

fn top_prepared_side(a: &App) -> Option<usize> {
    match a.layers.last() {
        Some(argscope::views::Layer::Prepared(p)) => Some(p.side),
        _ => None,
    }
}

// --- 7 (cont.). Copy what you see ------------------------------------------------------------------

fn copied(a: &App) -> &str {
    match a.effects.last() {
        Some(Effect::Copy(t)) => t,
        other => panic!("nothing copied: {other:?} ({:?})", a.message),
    }
}

fn run_keep_effects(notation: &str) -> App {
    let mut a = app_at(120, 40);
    press(&mut a, notation);
    a
}

#[test]
fn y_in_compare_and_prepared_copies_a_markdown_table_and_in_the_matrix_csv() {
    let a = run_keep_effects("4cjcy");
    let t = copied(&a);
    assert!(t.starts_with("|  | Drop the law's elements"), "{t}");
    assert!(t.lines().nth(1).unwrap().starts_with("| --- |"), "{t}");
    assert!(a.message.as_deref().unwrap().contains("Markdown table"));
    let b = run_keep_effects("C<Enter>y");
    let t = copied(&b);
    assert!(t.contains("| Ask of Mexico | Offer in return |"), "{t}");
    let c = run_keep_effects("xy");
    let t = copied(&c);
    let lines: Vec<&str> = t.lines().collect();
    assert_eq!(lines.len(), 1 + 7, "a header and a line a provision:\n{t}");
    assert!(lines[0].starts_with("provision,"), "{t}");
    assert!(lines[1].contains(",addresses"), "{t}");
    assert!(c.message.as_deref().unwrap().contains("CSV"));
}

#[test]
fn a_click_on_the_maps_box_selects_that_neighbour() {
    let mut a = run(120, 40, "4m");
    let s = screen(&a);
    // The third outgoing box: find its title on screen.
    let hood = match a.layers.last() {
        Some(argscope::views::Layer::Map(m)) => m.hood.clone(),
        other => panic!("{other:?}"),
    };
    let third = a.model.item(hood.outgoing[2].item).title.clone();
    let start: String = third.chars().take(12).collect();
    let (y, line) = s
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(&start))
        .unwrap();
    let x = line[..line.find(&start).unwrap()].chars().count() + 2;
    a.update(Action::Click(x as u16, y as u16));
    match a.layers.last() {
        Some(argscope::views::Layer::Map(m)) => assert_eq!(
            m.cursor.spot,
            argscope::views::map::neighbourhood::Spot::Neighbour(
                argscope::views::map::neighbourhood::Column::Outgoing,
                2
            )
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_summary_keeps_its_paragraphs() {
    let json = include_str!("fixtures/builtin-frozen.json");
    let mut doc: serde_json::Value = serde_json::from_str(json).unwrap();
    let id = doc["items"][0]["id"].as_str().unwrap().to_owned();
    doc["items"][0]["summary"] =
        "First paragraph ends here.\n\nSecond paragraph starts here.".into();
    let m = model::load(serde_json::to_string(&doc).unwrap().as_bytes()).expect("loads");
    let mut a = App::new(m, Options::default());
    a.update(Action::Resize(160, 45));
    assert!(a.navigate(a.model.index.get(&id).unwrap()));
    let s = screen(&a);
    let lines: Vec<&str> = s.lines().collect();
    let first = lines
        .iter()
        .position(|l| l.contains("First paragraph ends here."))
        .unwrap();
    assert!(!lines[first].contains("Second"), "{}", lines[first]);
    assert!(
        lines[first + 2].contains("Second paragraph starts here."),
        "{s}"
    );
}

#[test]
fn the_wheel_over_the_matrix_cell_box_scrolls_it() {
    let mut a = run(80, 24, "x");
    let s = screen(&a);
    let y = s.lines().position(|l| l.contains("P1 × R1")).unwrap() + 2;
    a.update(Action::WheelDown(70, y as u16));
    let after = screen(&a);
    assert!(after.contains("▲ more"), "{after}");
    match a.layers.last() {
        Some(argscope::views::Layer::Matrix(m)) => {
            assert_eq!((m.row, m.col), (0, 0), "the cursor stays")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn in_the_text_pane_the_scroll_keys_scroll_the_text() {
    let a = run(80, 24, "6<C-f>");
    assert!(a.text.top > 0);
    let b = run(80, 24, "6<C-f><C-b>");
    assert_eq!(b.text.top, 0);
    let c = run(80, 24, "6<C-e><C-e>");
    assert_eq!(c.text.top, 2);
    // Where the detail is not on screen, the keys say how to show it.
    let d = run(60, 16, "4<C-f>");
    assert!(d.message.as_deref().unwrap().contains("Enter shows it"));
}

#[test]
fn summaries_keep_their_paragraphs_in_the_comparisons_too() {
    let json = include_str!("fixtures/builtin-frozen.json");
    let mut doc: serde_json::Value = serde_json::from_str(json).unwrap();
    for it in doc["items"].as_array_mut().unwrap() {
        if it["id"] == "rec-drop-law-elements" {
            it["summary"] = "First paragraph ends here.\n\nSecond paragraph starts here.".into();
        }
    }
    let m = model::load(serde_json::to_string(&doc).unwrap().as_bytes()).expect("loads");
    for keys in ["4cjc", "C<Enter>"] {
        let mut a = App::new(m.clone(), Options::default());
        a.update(Action::Resize(100, 30));
        press(&mut a, keys);
        let s = screen(&a);
        let lines: Vec<&str> = s.lines().collect();
        let first = lines
            .iter()
            .position(|l| l.contains("First paragraph ends here."))
            .unwrap();
        assert!(!lines[first].contains("Second"), "{keys}: {s}");
        assert!(
            lines[first + 2].contains("Second paragraph starts here."),
            "{keys}: {s}"
        );
    }
}

#[test]
fn the_message_log_shows_a_message_made_while_it_is_open() {
    let mut a = run(80, 24, "M");
    assert!(screen(&a).contains("No messages yet."));
    press(&mut a, "Q");
    let s = screen(&a);
    assert!(s.contains("Q does nothing here"), "{s}");
    // A log longer than its box opens at the newest, with ▲ more on its border.
    let mut a = run(80, 24, "");
    for _ in 0..20 {
        press(&mut a, "Q%");
    }
    press(&mut a, "M");
    assert!(screen(&a).contains("▲ more"), "opens at the newest");
}
