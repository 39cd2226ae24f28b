//! Pure tests of the explorer: key strings in vim notation through the keymap and `update`,
//! then assertions on the state. No terminal is involved.

use argscope::app::search::PromptKind;
use argscope::app::{App, Mode, Options, Pane, keys};
use argscope::model::{self, Kind};
use argscope::views::{Layer, ViewKind};
use ratatui::layout::Rect;

fn app() -> App {
    let mut app = App::new(model::builtin(), Options::default());
    app.update(argscope::app::Action::Resize(160, 45));
    app
}

/// Feeds keys in the notation of `render --keys`.
fn press(app: &mut App, notation: &str) {
    for key in keys::parse(notation).expect("valid notation") {
        app.handle_key(key);
    }
}

fn run(notation: &str) -> App {
    let mut a = app();
    press(&mut a, notation);
    a
}

fn id(app: &App, item: Option<usize>) -> &str {
    item.map_or("<none>", |i| app.model.item(i).id.as_str())
}

fn selected_id(app: &App) -> &str {
    id(app, app.selected_item())
}

#[test]
fn enter_twice_follows_the_first_recommendations_first_link_to_the_charge_it_answers() {
    // The first recommendation addresses first the law's central charge, a claim.
    let a = run("4<Enter><Enter>");
    assert_eq!(a.focus, Pane::Argument);
    let item = a.selected_item().unwrap();
    assert_eq!(a.model.item(item).id, "premise-law-threatens-cooperation");
    let rec = a.model.index.get("rec-drop-law-elements").unwrap();
    assert!(
        a.model.index.linked(rec, item),
        "the claim is linked to the recommendation"
    );
}

#[test]
fn back_after_follow_returns_to_the_recommendation_and_forward_goes_again() {
    let followed = run("4<Enter><Enter>");
    let target = followed.selected_item();
    let a = run("4<Enter><Enter><BS>");
    assert_eq!(a.focus, Pane::Recommendations);
    assert_eq!(selected_id(&a), "rec-drop-law-elements");
    let b = run("4<Enter><Enter><BS>]");
    assert_eq!(b.focus, Pane::Argument);
    assert_eq!(b.selected_item(), target);
    let c = run("4<Enter><Enter>[");
    assert_eq!(c.focus, Pane::Recommendations, "[ is back too");
}

#[test]
fn following_from_where_you_moved_records_that_place() {
    // Move to the second recommendation, follow its first link, come back: the second one.
    let a = run("4j<Enter><Enter><BS>");
    assert_eq!(a.focus, Pane::Recommendations);
    assert_eq!(
        a.lists.recommendations.selected_item(),
        a.lists.recommendations.rows[1].item()
    );
    assert!(a.history.is_consistent());
}

#[test]
fn back_with_no_history_says_so() {
    let a = run("<BS>");
    assert_eq!(a.message.as_deref(), Some("at the start of history"));
}

#[test]
fn links_mode_moves_and_leaves() {
    let a = run("4<Enter>jj");
    assert_eq!(a.mode, Mode::Links);
    assert_eq!(a.link, 2);
    let b = run("4<Enter>jjh");
    assert_eq!(b.mode, Mode::Browse);
    let c = run("4<Enter><Esc>");
    assert_eq!(c.mode, Mode::Browse);
    let d = run("4<Enter>G");
    assert_eq!(d.link, d.detail_link_count() - 1);
}

#[test]
fn t_opens_the_text_at_the_items_first_quote() {
    let a = run("3t");
    assert_eq!(a.focus, Pane::Text);
    let item = a.text.item.unwrap();
    let p = a.text.current.expect("a passage is selected");
    assert!(a.text.quoting(p).contains(&item));
    assert_eq!(a.text.passages[p].span, a.model.spans[item][0]);
    // The passage is on screen.
    let line = a.text.line_of(a.text.passages[p].span.start);
    assert!(line >= a.text.top && line < a.text.top + a.screen().inner_height(Pane::Text));
    // Back returns to the provision.
    let b = run("3t<BS>");
    assert_eq!(b.focus, Pane::Provisions);
}

#[test]
fn text_pane_moves_between_passages_and_jumps_to_a_quoting_item() {
    let a = run("6}}");
    assert_eq!(a.text.current, Some(1));
    let b = run("6}}{");
    assert_eq!(b.text.current, Some(0));
    let c = run("6}<Enter>");
    assert_eq!(c.mode, Mode::Links);
    let quoting = c.text.quoting(0)[0];
    let d = run("6}<Enter><Enter>");
    assert_eq!(d.selected_item(), Some(quoting));
    assert_eq!(d.focus, Pane::of_kind(d.model.item(quoting).kind));
}

#[test]
fn o_toggles_article_order_in_the_timeline() {
    let a = run("1o");
    assert!(!a.chronological);
    let positions: Vec<usize> = a
        .lists
        .timeline
        .rows
        .iter()
        .filter_map(|r| r.item())
        .map(|i| argscope::panes::lists::article_position(&a.model, i))
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] <= w[1]),
        "article order: {positions:?}"
    );
    assert!(run("1oo").chronological);
}

#[test]
fn search_lopez_selects_lopez_obrador_in_actors() {
    let a = run("2/lopez<Enter>");
    assert_eq!(selected_id(&a), "amlo");
    assert_eq!(a.mode, Mode::Browse);
    assert!(a.search.as_ref().unwrap().count() >= 1);
}

#[test]
fn search_moves_as_you_type_and_esc_restores_where_you_were() {
    let before = run("2jjj");
    let typing = run("2jjj/cienf");
    assert!(matches!(&typing.mode, Mode::Prompt(p) if p.kind == PromptKind::Search));
    assert_eq!(selected_id(&typing), "cienfuegos");
    let cancelled = run("2jjj/cienf<Esc>");
    assert_eq!(cancelled.selected_item(), before.selected_item());
    assert!(cancelled.search.is_none());
}

#[test]
fn n_and_shift_n_wrap_and_say_so() {
    let a = run("2/lopez<Enter>");
    let count = a.search.as_ref().unwrap().count();
    let mut b = run("2/lopez<Enter>");
    for _ in 0..count {
        press(&mut b, "n");
    }
    assert_eq!(
        b.search.as_ref().unwrap().current,
        a.search.as_ref().unwrap().current
    );
    assert_eq!(b.message.as_deref(), Some("search wrapped to the top"));
    let c = run("2/lopez<Enter>gN");
    assert!(c.search.as_ref().unwrap().current.is_some());
    let d = run("2g/lopez<Enter>NN");
    let _ = d;
}

#[test]
fn a_search_with_no_match_says_so_and_keeps_the_selection() {
    let before = run("3j");
    let a = run("3j/zzzzqq");
    assert_eq!(a.message.as_deref(), Some("no match for \"zzzzqq\""));
    assert_eq!(a.selected_item(), before.selected_item());
}

#[test]
fn up_in_the_prompt_recalls_earlier_searches() {
    let a = run("2/lopez<Enter>/<Up>");
    let Mode::Prompt(p) = &a.mode else {
        panic!("prompt")
    };
    assert_eq!(p.input.as_str(), "lopez");
}

#[test]
fn smart_case_and_folding_in_the_explorer() {
    assert_eq!(selected_id(&run("2/López<Enter>")), "amlo");
    assert!(
        run("2/LOPEZ<Enter>").search.unwrap().count() == 0,
        "capitals make it exact"
    );
    assert!(run("/merida<Enter>").search.unwrap().count() > 0);
    assert!(
        run("6/u.s.'s<Enter>").search.unwrap().count() > 0,
        "finds U.S.’s"
    );
}

#[test]
fn filter_narrows_the_pane_and_esc_clears_it() {
    let a = run("3flimits<Enter>");
    let list = &a.lists.provisions;
    assert_eq!(list.filter.as_deref(), Some("limits"));
    let (shown, all) = list.filter_counts();
    assert!(shown < all && shown > 0);
    for row in &list.rows {
        let item = row.item().unwrap();
        assert!(a.model.search.item_matches(&a.model.doc, "limits", item));
    }
    // Navigation keeps working on the filtered list.
    let b = run("3flimits<Enter>j");
    assert_eq!(
        b.lists.provisions.selected_item(),
        b.lists.provisions.rows[1].item()
    );
    let c = run("3flimits<Enter><Esc>");
    assert!(c.lists.provisions.filter.is_none());
    assert_eq!(c.lists.provisions.filter_counts().0, all);
    let d = run("3flimits<Enter>f<C-u><Enter>");
    assert!(
        d.lists.provisions.filter.is_none(),
        "an empty filter clears it"
    );
}

#[test]
fn the_palette_jumps_across_panes_into_history() {
    let a = run(":cienfuegos");
    let Some(Layer::Palette(palette)) = a.top() else {
        panic!("the palette is open")
    };
    assert!(palette.items.len() > 1);
    let counts: usize = palette.counts.iter().map(|(_, n)| n).sum();
    assert_eq!(counts, palette.items.len());
    let b = run(":salvador cien<Enter>");
    assert_eq!(selected_id(&b), "cienfuegos");
    assert_eq!(b.focus, Pane::Actors);
    let c = run(":salvador cien<Enter><BS>");
    assert_eq!(c.focus, Pane::Timeline, "the jump went into history");
}

#[test]
fn help_opens_and_closes() {
    assert_eq!(run("?").shown(), Some(ViewKind::Help));
    assert_eq!(run("?<Esc>").shown(), None);
    assert_eq!(run("??").shown(), None);
}

#[test]
fn unbound_keys_say_so_and_q_quits() {
    let a = run("Z");
    assert!(a.message.as_deref().unwrap().contains("does nothing"));
    assert!(!a.quit);
    assert!(run("q").quit);
    assert!(run("<C-c>").quit);
}

#[test]
fn y_queues_the_quotes_with_a_citation_for_the_clipboard() {
    let a = run("3y");
    let [argscope::app::Effect::Copy(text)] = a.effects.as_slice() else {
        panic!("{:?}", a.effects)
    };
    assert!(text.starts_with('“'));
    assert!(text.contains("Is Mexico’s Drug War Taking a Turn for the Worse?"));
}

#[test]
fn paging_and_ends_stay_in_range() {
    for keys in [
        "2G",
        "2<PgDn><PgDn><PgDn>",
        "2<C-d><C-d><C-u>",
        "2Gg",
        "5G<PgUp>",
        "6G",
        "6<PgDn>",
    ] {
        let a = run(keys);
        if let Some(list) = a.list(a.focus) {
            assert!(list.selected < list.rows.len(), "{keys}");
            assert!(
                list.selected_item().is_some(),
                "{keys}: selection is on an item"
            );
        }
    }
    assert_eq!(
        run("2G").lists.actors.selected,
        run("2G").lists.actors.rows.len() - 1
    );
}

#[test]
fn every_size_renders() {
    for (w, h) in [
        (1, 1),
        (2, 2),
        (10, 3),
        (40, 10),
        (79, 24),
        (80, 24),
        (139, 31),
        (140, 32),
        (300, 100),
    ] {
        let mut a = app();
        a.update(argscope::app::Action::Resize(w, h));
        press(&mut a, "4<Enter>jj<Enter>t}?");
        let screen = argscope::render::screen_text(&a);
        assert_eq!(screen.len(), h as usize);
    }
}

#[test]
fn search_lands_on_the_item_whose_title_matches() {
    assert_eq!(selected_id(&run("2/cienfuegos<Enter>")), "cienfuegos");
}

#[test]
fn a_click_focuses_and_selects_and_a_click_on_a_link_follows_it() {
    use argscope::app::Action;
    let mut a = app();
    let screen = a.screen();
    let rect = screen.pane(Pane::Recommendations).unwrap();
    // The third row inside the border.
    a.update(Action::Click(rect.x + 3, rect.y + 3));
    assert_eq!(a.focus, Pane::Recommendations);
    assert_eq!(
        a.lists.recommendations.selected_item(),
        a.lists.recommendations.rows[2].item()
    );
    // Find the row of the first link in the detail and click it.
    let side = screen.side.unwrap();
    let before = a.selected_item().unwrap();
    let target = a.detail_link(0).expect("a link").other;
    let text = argscope::render::screen_text(&a);
    let arrow = (side.y..side.bottom())
        .find(|&y| {
            text[y as usize]
                .chars()
                .skip(side.x as usize)
                .collect::<String>()
                .contains("→ ")
        })
        .expect("a link row in the detail");
    a.update(Action::Click(side.x + 6, arrow));
    assert_eq!(a.selected_item(), Some(target));
    assert!(a.model.index.linked(before, target));
    // The wheel scrolls the pane under the pointer.
    let mut b = app();
    let rect = b.screen().pane(Pane::Actors).unwrap();
    b.update(Action::WheelDown(rect.x + 2, rect.y + 2));
    assert_eq!(b.focus, Pane::Actors);
    assert!(b.lists.actors.selected > 1);
}

#[test]
fn jumping_to_a_claim_inside_a_folded_node_unfolds_the_nodes_above_it() {
    let mut a = run("5Z");
    let target = a.model.index.get("ev-murder-rate").unwrap();
    let shown = |a: &App| {
        let list = a.list(Pane::Argument).unwrap();
        list.rows.iter().any(|r| r.item() == Some(target))
    };
    assert!(!shown(&a), "folding every claim hides the evidence");
    let folded = a.collapsed.len();
    press(&mut a, ":murder rate<Enter>");
    assert_eq!(a.focus, Pane::Argument);
    assert_eq!(a.selected_item(), Some(target), "{:?}", a.message);
    assert!(shown(&a));
    // Only the nodes above it opened; the rest of the tree stays folded.
    assert!(a.collapsed.len() < folded && !a.collapsed.is_empty());
    // Back goes to where the jump started, and forward lands on the claim again.
    press(&mut a, "<BS>");
    press(&mut a, "]");
    assert_eq!(a.selected_item(), Some(target));
}

#[test]
fn folding_in_the_argument_pane_keeps_its_filter() {
    let mut a = run("5fsovereignty<Enter>");
    let filter = |a: &App| a.list(Pane::Argument).unwrap().filter.clone();
    assert_eq!(filter(&a).as_deref(), Some("sovereignty"));
    let shown = a.list(Pane::Argument).unwrap().item_count();
    press(&mut a, "Z");
    assert_eq!(
        filter(&a).as_deref(),
        Some("sovereignty"),
        "{:?}",
        a.message
    );
    assert!(a.list(Pane::Argument).unwrap().item_count() <= shown);
    press(&mut a, "Z");
    assert_eq!(filter(&a).as_deref(), Some("sovereignty"));
    assert_eq!(a.list(Pane::Argument).unwrap().item_count(), shown);
}

#[test]
fn the_detail_builds_only_the_links_that_show_and_shows_what_the_whole_detail_shows() {
    use argscope::panes::detail::{self, Part};
    let mut a = app();
    let (width, mut compared) = (44u16, 0);
    for item in 0..a.model.doc.items.len() {
        a.navigate(item);
        let Some(item) = a.selected_item() else {
            continue;
        };
        let all = detail::links(&a.model, item);
        for n in 0..=all.len().min(12) {
            // Browsing (scrolled to the top) and then each link selected in links mode.
            let links_mode = n < all.len();
            a.mode = if links_mode {
                Mode::Links
            } else {
                Mode::Browse
            };
            a.link = if links_mode { n } else { 0 };
            let blocks = detail::blocks(&a.model, item, &all);
            let rows = detail::rows(&blocks, width.into(), a.glyphs);
            for height in [1u16, 3, 8, 20, 40] {
                let h = height as usize;
                // The scroll of the whole detail, as settling keeps it for a link just
                // selected: the link and the line after it on screen.
                let scroll = if links_mode {
                    let first = detail::link_row(&blocks, &rows, n).unwrap();
                    let last = rows
                        .iter()
                        .rposition(|r| blocks[r.block].part == Part::Link(n))
                        .unwrap();
                    (last + 2).saturating_sub(h).min(first)
                } else {
                    0
                };
                a.detail = argscope::panes::detail::DetailScroll {
                    item: Some(item),
                    top: scroll,
                    follow_link: false,
                };
                let laid = a.detail_layout(item, Rect::new(0, 0, width, height));
                let built = laid
                    .blocks
                    .iter()
                    .filter(|b| matches!(b.part, Part::Link(_)));
                assert!(built.count() <= all.len().min(a.link + 2 + h + scroll));
                let want = rows
                    .iter()
                    .skip(scroll)
                    .take(h)
                    .map(|r| (blocks[r.block].part, &blocks[r.block].text[r.text.clone()]));
                let got = laid.rows.iter().skip(laid.scroll).take(h).map(|r| {
                    (
                        laid.blocks[r.block].part,
                        &laid.blocks[r.block].text[r.text.clone()],
                    )
                });
                assert!(
                    want.eq(got),
                    "item {} link {n} height {height}",
                    a.model.item(item).id
                );
                compared += 1;
            }
        }
    }
    assert!(compared > 500, "only {compared} screens compared");
}

#[test]
fn the_first_links_are_the_start_of_all_the_links_in_order() {
    use argscope::panes::detail;
    let m = model::builtin();
    let mut mixed = 0;
    for item in 0..m.doc.items.len() {
        let all = detail::links(&m, item);
        assert_eq!(all.len(), detail::link_count(&m, item));
        let mut rels: Vec<_> = all.iter().map(|l| (l.outgoing, l.rel)).collect();
        rels.dedup();
        // Grouped: no relation comes back once another has followed it.
        let groups = rels.len();
        rels.sort_unstable();
        rels.dedup();
        assert_eq!(rels.len(), groups, "{}", m.item(item).id);
        mixed += usize::from(groups > 2);
        for limit in 0..=all.len() + 1 {
            let first = detail::first_links(&m, item, limit);
            assert_eq!(
                first,
                all[..limit.min(all.len())],
                "{} {limit}",
                m.item(item).id
            );
        }
    }
    assert!(
        mixed > 3,
        "the built-in article has items with several relations"
    );
}

#[test]
fn a_jump_to_an_item_the_filter_hides_says_the_filter_hides_it() {
    // Actors filtered to what matches "cienfuegos", then a jump to another actor.
    let mut a = run("2fcienfuegos<Enter>");
    assert!(a.lists.actors.filter.is_some());
    let other = (0..a.model.doc.items.len())
        .find(|&i| {
            a.model.item(i).kind == Kind::Actor
                && !a.lists.actors.rows.iter().any(|r| r.item() == Some(i))
        })
        .expect("an actor the filter hides");
    a.navigate(other);
    let message = a.message.clone().unwrap_or_default();
    assert!(
        message.starts_with("hidden by the filter in Actors: "),
        "{message}"
    );
    assert!(!message.contains("folded"), "{message}");
}

#[test]
fn a_typo_at_the_start_of_a_search_is_fixed_without_retyping_the_rest() {
    let typo = run("2jjj/xienfuegos");
    assert_eq!(typo.message.as_deref(), Some("no match for \"xienfuegos\""));
    let a = run("2jjj/xienfuegos<Home><Del>c");
    let Mode::Prompt(p) = &a.mode else {
        panic!("prompt")
    };
    assert_eq!(p.input.as_str(), "cienfuegos");
    assert_eq!(p.input.cursor(), 1);
    assert_eq!(selected_id(&a), "cienfuegos", "the search follows the fix");
    let kept = run("2jjj/xienfuegos<Home><Del>c<Enter>");
    assert_eq!(kept.search.as_ref().unwrap().query, "cienfuegos");
    assert_eq!(selected_id(&kept), "cienfuegos");
}

#[test]
fn the_prompts_keys_move_and_delete_as_readlines_do_and_up_still_recalls() {
    let input = |notation: &str| {
        let a = run(notation);
        let Mode::Prompt(p) = &a.mode else {
            panic!("prompt after {notation}")
        };
        let (before, after) = p.input.split();
        format!("{before}|{after}")
    };
    assert_eq!(input("2/lopez obrador<C-a><A-f><C-k>"), "lopez|");
    assert_eq!(input("2/lopez obrador<A-b><C-u>"), "|obrador");
    assert_eq!(input("2/lopez obrador<C-Left><Left><BS>"), "lope| obrador");
    assert_eq!(input("2/lopez obrador<Home><C-Right><C-w>"), "| obrador");
    assert_eq!(input("2/abc<Left><Left>x<End>y"), "axbcy|");
    assert_eq!(input("2/lopez<Enter>/ab<Left><Up>"), "lopez|");
}

#[test]
fn the_status_line_draws_the_caret_where_the_cursor_is() {
    let mut a = app();
    press(&mut a, "2/lopez<Left><Left>");
    let screen = argscope::render::screen_text(&a).join("\n");
    assert!(screen.contains("/lop▏ez"), "{screen}");
}

#[test]
fn a_paste_into_a_prompt_stops_at_a_querys_cap_and_says_so() {
    let mut a = run("2/");
    a.handle_paste(&"lopez ".repeat(100_000));
    let Mode::Prompt(p) = &a.mode else {
        panic!("prompt")
    };
    assert_eq!(p.input.as_str().len(), 1024);
    assert_eq!(a.message.as_deref(), Some("a query is at most 1024 bytes"));
}

#[test]
fn a_long_query_scrolls_in_the_status_line_to_keep_its_caret_on_screen() {
    let mut a = App::new(model::builtin(), Options::default());
    a.update(argscope::app::Action::Resize(80, 24));
    let long = "the security cooperation between mexico and the united states broke down";
    press(&mut a, &format!("2/{long}<Home><A-f><A-f>"));
    let screen = argscope::render::screen_text(&a);
    let status = &screen[screen.len() - 2];
    assert!(status.contains("/the security▏ cooperation"), "{status}");
    assert!(status.contains('…'), "the cut end is marked: {status}");
    press(&mut a, "<End>");
    let screen = argscope::render::screen_text(&a);
    let status = &screen[screen.len() - 2];
    assert!(status.contains("broke down▏"), "{status}");
    assert!(status.contains("/…"), "the cut start is marked: {status}");
}
