//! The annotation forms and flows driven by keys, as a reader uses them: `a` (add an item
//! quoting the selection), `A` (add the selection as a quote), `L` (link), `E` (edit an item or
//! a link), `D` (delete, after a confirmation; a link or a quote at once), and a paste. Pure:
//! keys through `handle_key`, then the state and the drawn screen.

use argscope::app::App;
use argscope::model;
use argscope::panes::text::Selection;
use argscope::views::Layer;
use argscope::views::form::{Field, FormView, Purpose};

#[path = "common/drive.rs"]
mod drive;
use drive::{app_at as app, press, screen};

fn form(app: &App) -> &FormView {
    match app.top() {
        Some(Layer::Form(f)) => f,
        other => panic!("expected the form on top, got {:?}", other.map(Layer::kind)),
    }
}

/// Tabs to `field` in the form on top.
fn tab_to(app: &mut App, field: Field) {
    for _ in 0..20 {
        if form(app).focus == field {
            return;
        }
        press(app, "<Tab>");
    }
    panic!("no field {field:?} in the form");
}

fn item(app: &App, id: &str) -> usize {
    app.model.index.get(id).expect("the item exists")
}

/// The Text pane with `words` (their first occurrence) selected, as `v` and the motions leave it.
fn selecting(words: &str) -> App {
    let mut a = app(120, 40);
    press(&mut a, "6");
    let at = a
        .model
        .doc
        .document
        .text
        .find(words)
        .expect("the words are in the text");
    a.text.selection = Some(Selection {
        anchor: at..at + words.len(),
        exact: true,
    });
    a
}

// ---- a: the form for a new item

#[test]
fn a_without_a_selection_says_how_to_make_one() {
    let mut a = app(120, 40);
    press(&mut a, "6a");
    assert!(a.top().is_none());
    let msg = a.message.clone().unwrap_or_default();
    assert!(msg.contains("v starts one"), "{msg}");
}

#[test]
fn a_opens_the_form_on_the_title_with_the_selection_as_its_quote() {
    let mut a = selecting("cartels");
    press(&mut a, "a");
    let f = form(&a);
    assert_eq!(f.focus, Field::Title);
    let Purpose::NewItem { quote } = &f.purpose else {
        panic!("a new item: {:?}", f.purpose);
    };
    assert_eq!(quote.exact, "cartels");
    // "cartels" occurs three times: the quote says which.
    assert!(
        quote.prefix.is_some() || quote.suffix.is_some(),
        "{quote:?}"
    );
    let s = screen(&a);
    assert!(s.contains("“cartels”"), "the quote shows read-only:\n{s}");
}

#[test]
fn the_id_follows_the_title_and_takes_2_when_taken_until_it_is_edited() {
    let mut a = selecting("cartels");
    press(&mut a, "aMexico's drug cartels");
    assert_eq!(form(&a).text(Field::Id), "mexico-s-drug-cartels");
    let mut a = selecting("cartels");
    press(&mut a, "aCartels");
    // `cartels` is the actor's id.
    assert_eq!(form(&a).text(Field::Id), "cartels-2");
    // Edited, it stops following the title.
    tab_to(&mut a, Field::Id);
    press(&mut a, "<BS><BS>-x");
    tab_to(&mut a, Field::Title);
    press(&mut a, "!");
    assert_eq!(form(&a).focus, Field::Title);
    assert_eq!(form(&a).text(Field::Title), "Cartels!");
    assert_eq!(form(&a).text(Field::Id), "cartels-x");
}

#[test]
fn errors_show_beside_the_field_and_the_form_stays_open() {
    let mut a = selecting("cartels");
    press(&mut a, "a<C-s>");
    assert!(a.top().is_some(), "an empty title is not saved");
    assert_eq!(form(&a).focus, Field::Title);
    let s = screen(&a);
    assert!(s.contains("! a title is needed"), "{s}");
    assert!(s.contains("fix the marked fields"), "{s}");

    // A taken id.
    tab_to(&mut a, Field::Id);
    press(&mut a, "<C-u>amlo");
    let s = screen(&a);
    assert!(
        s.contains("! taken by “Andrés Manuel López Obrador”"),
        "{s}"
    );

    // A date the format does not accept, on an event.
    let mut a = selecting("cartels");
    press(&mut a, "a<S-Tab><Right>");
    assert_eq!(form(&a).kind, model::Kind::Event, "after claim, the first");
    tab_to(&mut a, Field::WhenLabel);
    press(&mut a, "last fall<Tab>2020-13");
    let s = screen(&a);
    assert!(s.contains("! not a date the format accepts"), "{s}");
    press(&mut a, "<BS><BS>10~");
    assert!(!screen(&a).contains("! not a date"));
    press(&mut a, "/2019");
    assert!(screen(&a).contains("! the end is before the start"));
}

#[test]
fn the_kind_cycles_and_changes_which_fields_show() {
    let mut a = selecting("cartels");
    press(&mut a, "a<S-Tab>");
    assert_eq!(form(&a).focus, Field::Kind);
    let kinds: Vec<_> = (0..5)
        .map(|_| {
            press(&mut a, "<Right>");
            form(&a).kind
        })
        .collect();
    assert_eq!(kinds.len(), 5);
    assert_eq!(kinds[4], form(&a).kind);
    press(&mut a, " ");
    assert_eq!(form(&a).kind, kinds[0], "Space cycles too");
    for (kind, field) in [
        (model::Kind::Event, Field::WhenDate),
        (model::Kind::Actor, Field::ActorGroup),
        (model::Kind::Provision, Field::Instrument),
        (model::Kind::Claim, Field::ClaimRole),
    ] {
        while form(&a).kind != kind {
            press(&mut a, "<Right>");
        }
        assert!(form(&a).fields(&a).contains(&field), "{kind:?}");
    }
    assert!(!form(&a).fields(&a).contains(&Field::WhenDate));
}

#[test]
fn esc_closes_an_untouched_form_and_asks_when_something_was_typed() {
    let mut a = selecting("cartels");
    press(&mut a, "a<Esc>");
    assert!(a.top().is_none());

    press(&mut a, "ax<Esc>");
    assert!(form(&a).asking);
    assert!(screen(&a).contains("Discard what was typed?"));
    press(&mut a, "n");
    assert!(!form(&a).asking);
    assert_eq!(
        form(&a).text(Field::Title),
        "x",
        "n goes back, the text kept"
    );
    press(&mut a, "<Esc>y");
    assert!(a.top().is_none());
}

#[test]
fn ctrl_c_quits_from_an_untouched_form_and_asks_first_when_something_was_typed() {
    let mut a = selecting("cartels");
    press(&mut a, "a<C-c>");
    assert!(a.quit, "nothing typed: Ctrl-c quits as everywhere");

    let mut a = selecting("cartels");
    press(&mut a, "ax<C-c>");
    assert!(!a.quit, "what was typed is not thrown away unasked");
    assert!(form(&a).asking);
    assert!(screen(&a).contains("Discard what was typed and quit?"));
    press(&mut a, "n");
    assert!(!a.quit);
    assert_eq!(form(&a).text(Field::Title), "x");
    press(&mut a, "<C-c>y");
    assert!(a.quit, "y quits");

    let mut a = selecting("cartels");
    press(&mut a, "ax<C-c><C-c>");
    assert!(a.quit, "a second Ctrl-c quits");
}

#[test]
fn a_paste_goes_into_the_field_as_one_line_and_never_saves() {
    let mut a = selecting("cartels");
    press(&mut a, "a");
    a.handle_paste("Cartels\ngrow\r\n  stronger\n");
    let f = form(&a);
    assert_eq!(f.text(Field::Title), "Cartels grow stronger ");
    assert_eq!(f.text(Field::Id), "cartels-grow-stronger");
    assert!(!f.tried, "nothing was submitted");
    assert_eq!(a.model.doc.items.len(), 84);
}

// ---- D: the confirmation

#[test]
fn d_lists_the_links_and_comparisons_that_name_the_item_and_n_keeps_it() {
    let mut a = app(120, 40);
    let thesis = (0..a.model.doc.items.len())
        .find(|&i| a.model.is_thesis(i))
        .unwrap();
    press(&mut a, "5");
    assert_eq!(a.selected_item(), Some(thesis));
    press(&mut a, "D");
    let Some(Layer::Confirm(c)) = a.top() else {
        panic!("a confirmation");
    };
    let incoming = a.model.index.incoming[thesis].len();
    assert!(incoming > 0);
    let links = c
        .dependants
        .iter()
        .filter(|d| d.starts_with("link: "))
        .count();
    assert_eq!(links, incoming);
    let s = screen(&a);
    assert!(s.contains(&format!("lose it too ({incoming})")), "{s}");
    press(&mut a, "n");
    assert!(a.top().is_none());
    assert_eq!(a.model.doc.items.len(), 84);
    assert_eq!(a.message.as_deref(), Some("nothing deleted"));
}

#[test]
fn d_names_the_comparisons_an_item_is_in() {
    let mut a = app(120, 40);
    let rec = item(&a, "rec-drop-law-elements");
    press(&mut a, "4");
    assert_eq!(a.selected_item(), Some(rec));
    press(&mut a, "D");
    let Some(Layer::Confirm(c)) = a.top() else {
        panic!("a confirmation");
    };
    assert!(
        c.dependants.iter().any(|d| d.starts_with("comparison: ")),
        "{:?}",
        c.dependants
    );
}

// ---- L, E: the link's form

#[test]
fn l_picks_the_target_in_the_palette_then_opens_the_links_form() {
    let mut a = app(120, 40);
    press(&mut a, "2");
    let source = a.selected_item().unwrap();
    press(&mut a, "Lcienfuegos");
    let Some(Layer::Palette(p)) = a.top() else {
        panic!("the palette");
    };
    assert!(!p.items.contains(&source), "an item is not its own target");
    let target = p.items[0];
    press(&mut a, "<Enter>");
    let f = form(&a);
    assert_eq!(f.purpose, Purpose::NewLink { source, target });
    assert_eq!(f.focus, Field::Relation);
    let s = screen(&a);
    assert!(
        s.contains("involved in"),
        "relations with their inverse:\n{s}"
    );
}

#[test]
fn the_pick_palettes_counts_are_its_rows() {
    // The source is left out of the results, and out of the counts only when it was among them.
    // (With no query the palette is a table of contents by pane row, where an event may also
    // be a row of the Argument pane; a query counts results by kind.)
    for query in ["thesis", "cienfuegos"] {
        let mut a = app(120, 40);
        press(&mut a, &format!("5jL{query}"));
        let Some(Layer::Palette(p)) = a.top() else {
            panic!("the palette");
        };
        for (pane, n) in &p.counts {
            let rows = p
                .items
                .iter()
                .filter(|&&i| argscope::app::Pane::of_kind(a.model.item(i).kind) == *pane)
                .count();
            assert_eq!(*n, rows, "{query}: {pane:?}");
        }
    }
}

#[test]
fn the_group_field_shows_for_supports_and_opposes_only() {
    let mut a = app(120, 40);
    let thesis = (0..a.model.doc.items.len())
        .find(|&i| a.model.is_thesis(i))
        .unwrap();
    press(&mut a, "5j");
    let source = a.selected_item().unwrap();
    a.open(Layer::Form(FormView::new_link(&a, source, thesis)));
    assert!(
        form(&a).fields(&a).contains(&Field::Group),
        "claims: supports"
    );
    press(&mut a, "<Left>");
    assert!(!form(&a).fields(&a).contains(&Field::Group));
}

#[test]
fn e_in_the_links_opens_the_selected_links_form() {
    let mut a = app(120, 40);
    press(&mut a, "4<Enter>");
    let link = a.detail_link(a.link).unwrap();
    assert!(link.outgoing);
    let source = a.selected_item().unwrap();
    press(&mut a, "E");
    let f = form(&a);
    assert_eq!(
        f.purpose,
        Purpose::EditLink {
            source,
            link: link.link
        }
    );
    let rel = &a.model.item(source).links[link.link].rel;
    assert_eq!(a.model.doc.relations[f.relation].id, rel.as_str());
}

// ---- snapshots

#[test]
fn the_form_and_the_confirmation_at_80x24() {
    let mut a = app(80, 24);
    press(&mut a, "6");
    let text = &a.model.doc.document.text;
    let at = text.find("cartels").unwrap();
    a.text.selection = Some(Selection {
        anchor: at..at + "cartels".len(),
        exact: true,
    });
    press(&mut a, "aCartels adapt");
    tab_to(&mut a, Field::Id);
    press(&mut a, "<C-u>amlo");
    insta::assert_snapshot!("form_add_80x24", screen(&a));

    let mut a = app(80, 24);
    press(&mut a, "5D");
    insta::assert_snapshot!("confirm_delete_80x24", screen(&a));

    let mut a = app(80, 24);
    press(&mut a, "4<Enter>E");
    insta::assert_snapshot!("form_edit_link_80x24", screen(&a));
}

// ---- with the engine: the changes made

#[test]
fn ctrl_s_adds_the_item_with_the_exact_quote_and_makes_it_current() {
    let mut a = selecting("cartels");
    press(&mut a, "a");
    let quote = match &form(&a).purpose {
        Purpose::NewItem { quote } => quote.clone(),
        other => panic!("{other:?}"),
    };
    press(&mut a, "Cartels adapt<Tab>They change routes<C-s>");
    assert!(a.top().is_none(), "saved: {:?}", a.message);
    let new = a.model.doc.items.len() - 1;
    let it = a.model.item(new);
    assert_eq!(it.id, "cartels-adapt");
    assert_eq!(it.title, "Cartels adapt");
    assert_eq!(it.summary.as_deref(), Some("They change routes"));
    assert_eq!(it.quotes, vec![quote]);
    assert_eq!(it.kind, model::Kind::Claim);
    assert_eq!(
        a.selected_item(),
        Some(new),
        "the new item is the current one"
    );
    assert_eq!(a.focus, argscope::app::Pane::Argument);
    let msg = a.message.clone().unwrap_or_default();
    assert!(msg.contains("not saved"), "{msg}");
    assert!(a.text.selection.is_none());
}

#[test]
fn a_second_item_with_the_same_title_gets_2() {
    let mut a = selecting("cartels");
    press(&mut a, "aCartels adapt<C-s>");
    let first = a.model.doc.items.len() - 1;
    press(&mut a, "6");
    let at = a.model.doc.document.text.find("cartels").unwrap();
    a.text.selection = Some(Selection {
        anchor: at..at + 7,
        exact: true,
    });
    press(&mut a, "aCartels adapt");
    assert_eq!(form(&a).text(Field::Id), "cartels-adapt-2");
    press(&mut a, "<C-s>");
    assert_eq!(a.model.item(first).id, "cartels-adapt");
    assert_eq!(a.model.item(first + 1).id, "cartels-adapt-2");
}

#[test]
fn l_then_a_relation_and_a_note_appends_the_exact_link() {
    let mut a = selecting("cartels");
    press(&mut a, "aCartels adapt<C-s>");
    let source = a.selected_item().unwrap();
    let thesis = (0..a.model.doc.items.len())
        .find(|&i| a.model.is_thesis(i))
        .unwrap();
    let thesis_id = a.model.item(thesis).id.clone();
    // The palette, searched by the thesis's id; supports is offered between claims.
    press(&mut a, &format!("L{thesis_id}<Enter>"));
    assert_eq!(
        form(&a).purpose,
        Purpose::NewLink {
            source,
            target: thesis
        }
    );
    press(&mut a, "<Tab>as the text says<Tab>g1<C-s>");
    assert!(a.top().is_none(), "{:?}", a.message);
    let links = &a.model.item(source).links;
    assert_eq!(
        links,
        &vec![model::Link {
            rel: "supports".into(),
            to: thesis_id.clone(),
            group: Some("g1".into()),
            note: Some("as the text says".into()),
        }]
    );
    // Undo takes the link away again.
    press(&mut a, "u");
    assert!(a.model.item(source).links.is_empty());
}

#[test]
fn e_renames_an_id_and_every_link_follows() {
    let mut a = app(120, 40);
    press(&mut a, "2");
    let amlo = item(&a, "amlo");
    while a.selected_item() != Some(amlo) {
        press(&mut a, "j");
    }
    let linking: Vec<usize> = a.model.index.incoming[amlo]
        .iter()
        .map(|l| l.other)
        .collect();
    assert!(!linking.is_empty());
    press(&mut a, "E");
    assert_eq!(form(&a).text(Field::Title), "Andrés Manuel López Obrador");
    assert_eq!(
        form(&a).text(Field::Group),
        "",
        "a link's field is not an item's"
    );
    press(&mut a, "!");
    assert_eq!(
        form(&a).text(Field::Id),
        "amlo",
        "an edit's id does not follow"
    );
    tab_to(&mut a, Field::Id);
    press(&mut a, "<C-u>lopez-obrador<C-s>");
    assert!(a.top().is_none(), "{:?}", a.message);
    assert_eq!(a.model.item(amlo).id, "lopez-obrador");
    assert_eq!(a.model.item(amlo).title, "Andrés Manuel López Obrador!");
    for i in linking {
        assert!(
            a.model
                .item(i)
                .links
                .iter()
                .any(|l| l.to == "lopez-obrador"),
            "{} follows the rename",
            a.model.item(i).id
        );
        assert!(!a.model.item(i).links.iter().any(|l| l.to == "amlo"));
    }
}

#[test]
fn y_deletes_the_item_and_the_links_that_named_it() {
    let mut a = app(120, 40);
    press(&mut a, "2");
    let amlo = item(&a, "amlo");
    while a.selected_item() != Some(amlo) {
        press(&mut a, "j");
    }
    press(&mut a, "Dy");
    assert!(a.top().is_none());
    assert_eq!(a.model.doc.items.len(), 83);
    assert!(a.model.index.get("amlo").is_none());
    assert!(
        a.model
            .doc
            .items
            .iter()
            .all(|i| i.links.iter().all(|l| l.to != "amlo"))
    );
    let msg = a.message.clone().unwrap_or_default();
    assert!(
        msg.starts_with("deleted “Andrés Manuel López Obrador”"),
        "{msg}"
    );
}

#[test]
fn d_in_the_links_removes_the_selected_link() {
    let mut a = app(120, 40);
    press(&mut a, "4<Enter>");
    let source = a.selected_item().unwrap();
    let before = a.model.item(source).links.clone();
    let link = a.detail_link(a.link).unwrap();
    assert!(link.outgoing);
    press(&mut a, "D");
    let after = &a.model.item(source).links;
    assert_eq!(after.len(), before.len() - 1);
    let mut expected = before.clone();
    expected.remove(link.link);
    assert_eq!(after, &expected);
}

#[test]
fn a_capital_adds_the_selection_as_a_quote_of_the_picked_item() {
    let mut a = app(120, 40);
    press(&mut a, "2");
    let cartels = item(&a, "cartels");
    while a.selected_item() != Some(cartels) {
        press(&mut a, "j");
    }
    press(&mut a, "6");
    let text = &a.model.doc.document.text;
    let at = text.find("drug trafficking").unwrap();
    a.text.selection = Some(Selection {
        anchor: at..at + "drug trafficking".len(),
        exact: true,
    });
    let quotes = a.model.item(cartels).quotes.len();
    press(&mut a, "A");
    let Some(Layer::Palette(p)) = a.top() else {
        panic!("the palette");
    };
    assert_eq!(
        p.items[0], cartels,
        "the item last selected in a list first"
    );
    press(&mut a, "<Enter>");
    assert_eq!(a.model.item(cartels).quotes.len(), quotes + 1);
    assert_eq!(
        a.model.item(cartels).quotes.last().unwrap().exact,
        "drug trafficking"
    );
}

#[test]
fn d_in_quoted_by_removes_the_quote_but_not_an_items_only_one() {
    let mut a = app(120, 40);
    press(&mut a, "6}<Enter>");
    let it = a.selected_item().unwrap();
    let quotes = a.model.item(it).quotes.len();
    press(&mut a, "D");
    if quotes == 1 {
        assert_eq!(a.model.item(it).quotes.len(), 1);
        let msg = a.message.clone().unwrap_or_default();
        assert!(msg.contains("keeps its one quote"), "{msg}");
    } else {
        assert_eq!(a.model.item(it).quotes.len(), quotes - 1);
    }
}

#[test]
fn the_engine_refusing_says_why_in_the_form_which_stays_open() {
    let mut a = selecting("cartels");
    press(&mut a, "aCartels adapt");
    // A tag the format refuses is the engine's to catch, not the form's.
    tab_to(&mut a, Field::Tags);
    press(&mut a, "ok");
    // Make the quote one the text does not hold.
    if let Some(Layer::Form(f)) = a.layers.last_mut() {
        f.purpose = Purpose::NewItem {
            quote: model::Quote {
                exact: "words the article never says".into(),
                prefix: None,
                suffix: None,
            },
        };
    }
    press(&mut a, "<C-s>");
    let f = form(&a);
    let why = f.refused.clone().unwrap_or_default();
    assert!(!why.is_empty());
    assert!(screen(&a).contains("Not saved: "), "{}", screen(&a));
    assert_eq!(a.model.doc.items.len(), 84);
}

#[test]
fn render_keys_drives_annotation_headlessly_and_says_not_saved() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_argscope"))
        .args([
            "render",
            "--size",
            "100x30",
            "--keys",
            "5E<C-u>A new title<C-s>",
        ])
        .output()
        .expect("argscope runs");
    assert!(out.status.success());
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(screen.contains("A new title"), "{screen}");
    assert!(
        screen.contains("edited claim “A new title” — not saved"),
        "{screen}"
    );
}

#[test]
fn the_whole_flow_by_keys_select_add_link_undo() {
    let mut a = app(120, 40);
    press(&mut a, "6/cartels<Enter>vaCartels adapt<C-s>");
    let new = a.model.doc.items.len() - 1;
    assert_eq!(a.model.item(new).title, "Cartels adapt");
    assert_eq!(a.model.item(new).quotes[0].exact, "cartels");
    assert_eq!(a.selected_item(), Some(new));
    let thesis = (0..a.model.doc.items.len())
        .find(|&i| a.model.is_thesis(i))
        .unwrap();
    let thesis_id = a.model.item(thesis).id.to_string();
    press(&mut a, &format!("L{thesis_id}<Enter><C-s>"));
    assert_eq!(a.model.item(new).links.len(), 1);
    assert_eq!(a.model.item(new).links[0].rel, "supports");
    assert_eq!(a.model.item(new).links[0].to, thesis_id.as_str());
    press(&mut a, "u");
    assert!(a.model.item(new).links.is_empty());
    assert_eq!(
        a.model.item(new).title,
        "Cartels adapt",
        "only the link is undone"
    );
}

#[test]
fn e_on_a_link_changes_its_relation_and_note_in_place() {
    let mut a = app(120, 40);
    press(&mut a, "4<Enter>");
    let source = a.selected_item().unwrap();
    let link = a.detail_link(a.link).unwrap().link;
    let before = a.model.item(source).links[link].clone();
    press(&mut a, "E<Right><Tab><C-u>a new note<C-s>");
    assert!(a.top().is_none(), "{:?}", a.message);
    let after = &a.model.item(source).links[link];
    assert_eq!(after.to, before.to);
    assert_ne!(after.rel, before.rel);
    assert_eq!(after.note.as_deref(), Some("a new note"));
    assert_eq!(a.model.item(source).links.len(), {
        let mut b = app(120, 40);
        press(&mut b, "4<Enter>");
        b.model.item(source).links.len()
    });
}

#[test]
fn a_paste_in_the_palette_searches_and_does_not_jump() {
    let mut a = app(120, 40);
    press(&mut a, ":");
    a.handle_paste("cien\nfuegos");
    let Some(Layer::Palette(p)) = a.top() else {
        panic!("the palette stays open");
    };
    assert_eq!(p.input.as_str(), "cien fuegos");
}

#[test]
fn a_reload_keeps_the_form_and_what_was_typed_its_item_found_by_id() {
    let mut a = app(120, 40);
    press(&mut a, "2");
    let amlo = item(&a, "amlo");
    while a.selected_item() != Some(amlo) {
        press(&mut a, "j");
    }
    press(&mut a, "E typed");
    // Someone else's save puts an item before every other: positions move.
    let mut doc: serde_json::Value = serde_json::from_str(model::BUILTIN).unwrap();
    doc["items"].as_array_mut().unwrap().insert(
        0,
        serde_json::json!({"id": "zz-first", "kind": "recommendation", "title": "First",
                           "quotes": [], "links": []}),
    );
    a.reload(model::load(doc.to_string().as_bytes()).unwrap());
    let f = form(&a);
    assert_eq!(f.purpose, Purpose::EditItem { item: amlo + 1 });
    assert_eq!(f.text(Field::Title), "Andrés Manuel López Obrador typed");
    assert_eq!(a.model.item(amlo + 1).id, "amlo");

    // An item that is gone closes its form, and says so.
    let mut doc: serde_json::Value = serde_json::from_str(model::BUILTIN).unwrap();
    let items = doc["items"].as_array_mut().unwrap();
    items.retain(|i| i["id"] != "amlo");
    for i in items.iter_mut() {
        if let Some(links) = i["links"].as_array_mut() {
            links.retain(|l| l["to"] != "amlo");
        }
    }
    if let Some(cs) = doc["comparisons"].as_array_mut() {
        for c in cs {
            for side in ["left", "right"] {
                if let Some(list) = c[side]["items"].as_array_mut() {
                    list.retain(|i| i != "amlo");
                }
            }
            if let Some(pairs) = c["pairs"].as_array_mut() {
                pairs.retain(|p| !p.as_array().unwrap().iter().any(|i| i == "amlo"));
            }
        }
    }
    a.reload(model::load(doc.to_string().as_bytes()).expect("still valid"));
    assert!(a.top().is_none());
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .contains("the form's item is gone")
    );
}

#[test]
fn back_after_saving_a_new_item_returns_to_the_text_as_it_was_left() {
    let mut a = app(80, 24);
    // A passage current further on: the new quote adds a passage before it, which renumbers it.
    press(&mut a, "6}}}}}}}}/repair<Enter>vwww");
    let cursor = a.text.cursor;
    let top = a.text.top;
    let span = |a: &argscope::app::App| a.text.current.map(|p| a.text.passages[p].span.clone());
    let passage = span(&a);
    let number = a.text.current;
    assert!(passage.is_some());
    press(&mut a, "aRepair first<C-s>");
    assert_ne!(
        a.focus,
        argscope::app::Pane::Text,
        "the new claim is selected in its pane"
    );
    press(&mut a, "<BS>");
    assert_eq!(a.focus, argscope::app::Pane::Text);
    assert_eq!(a.text.cursor, cursor, "the cursor where it was");
    assert_eq!(a.text.top, top);
    assert_eq!(span(&a), passage, "the same passage, renumbered");
    assert_ne!(
        a.text.current, number,
        "renumbered: the new quote is before it"
    );
}

#[test]
fn e_to_another_kind_says_before_saving_which_fields_go_and_u_brings_them_back() {
    let mut a = app(100, 30);
    press(&mut a, "1E<S-Tab>");
    let event = a.selected_item().unwrap();
    assert!(!screen(&a).contains("has no"), "{}", screen(&a));
    press(&mut a, "<Right>");
    assert!(
        screen(&a).contains(r#"! an actor has no "when": since 2008 (2008/2021-01~) goes"#),
        "{}",
        screen(&a)
    );
    // Back to an event: nothing goes.
    press(&mut a, "<Left>");
    assert!(!screen(&a).contains("has no"), "{}", screen(&a));
    press(&mut a, "<Right><C-s>");
    assert!(
        a.top().is_none(),
        "a warning does not stop the save: {:?}",
        a.message
    );
    assert_eq!(a.model.item(event).kind, model::Kind::Actor);
    press(&mut a, "u");
    assert_eq!(a.model.item(event).kind, model::Kind::Event);
    assert!(matches!(
        &a.model.item(event).fields,
        model::KindFields::Event { when: Some(w) } if w.label == "since 2008"
    ));
}

#[test]
fn every_overlay_leaves_the_status_line_and_the_footer_whole() {
    // The form, the delete confirmation, the help, the message log, the palette.
    for keys in ["E", "D", "?", "M", ":", "Ez<Esc>", "2L"] {
        for (w, h) in [(40, 12), (80, 24), (160, 45)] {
            let mut a = app(w, h);
            press(&mut a, keys);
            assert!(a.top().is_some(), "{keys} at {w}x{h}: {:?}", a.message);
            let screen = screen(&a);
            let rows: Vec<&str> = screen.lines().collect();
            for row in &rows[rows.len() - 2..] {
                assert!(
                    !row.contains(['┏', '┗', '┃', '━', '┓', '┛']),
                    "{keys} at {w}x{h}: a box on the status line or the footer\n{screen}"
                );
            }
        }
    }
}

#[test]
fn a_form_refused_at_40x12_shows_the_wrapped_date_error_and_why_it_was_not_saved() {
    let mut a = app(40, 12);
    press(
        &mut a,
        "6/actions taken<Enter>v)a<S-Tab><Left><Left><Left><Left><Tab>Title<Tab><Tab>when<Tab>2020-13<Tab><Tab><C-s>",
    );
    assert_eq!(form(&a).focus, Field::WhenDate);
    let s = screen(&a);
    let rows: Vec<&str> = s.lines().collect();
    assert!(
        rows.iter().any(|r| r.contains("▶ date       2020-13")),
        "{s}"
    );
    // The error whole, wrapped: its end is on screen too.
    assert!(s.contains("! not a date the format accepts:"), "{s}");
    assert!(s.contains("~ ? %"), "{s}");
    assert!(s.contains("Not saved: fix the marked fields"), "{s}");
    assert!(rows[rows.len() - 2].starts_with(" ADD"), "{s}");
    // Back up to the title: the fields scroll, the last lines stay.
    press(&mut a, "<S-Tab><S-Tab><S-Tab>");
    let s = screen(&a);
    assert!(s.contains("▶ title"), "{s}");
    assert!(s.contains("Not saved: fix the marked fields"), "{s}");
    assert!(s.contains("▼ more"), "{s}");
}

#[test]
fn a_group_of_one_is_said_in_the_link_form_and_its_row_reads_1_premise() {
    let mut a = selecting("cartels");
    press(&mut a, "aCartels adapt<C-s>");
    let thesis = (0..a.model.doc.items.len())
        .find(|&i| a.model.is_thesis(i))
        .unwrap();
    let thesis_id = a.model.item(thesis).id.clone();
    press(&mut a, &format!("L{thesis_id}<Enter><Tab><Tab>"));
    assert!(
        screen(&a).contains("two premises or more"),
        "the group's hint says it: {}",
        screen(&a)
    );
    press(&mut a, "alone");
    assert!(
        screen(&a).contains("! a group is two premises or more"),
        "{}",
        screen(&a)
    );
    // Said, not refused: check warns about it, the map may be half-made.
    press(&mut a, "<C-s>");
    assert!(a.top().is_none(), "{:?}", a.message);
    press(&mut a, "5");
    let s = screen(&a);
    assert!(s.contains("together, 1 premise: "), "{s}");
    assert!(!s.contains("1 premises"), "{s}");
}

#[test]
fn the_link_picker_names_its_source() {
    let mut a = app(80, 24);
    press(&mut a, "2L");
    assert!(
        screen(&a).contains("Link “Andrés Manuel López Obrador” to: pick the item"),
        "{}",
        screen(&a)
    );
}

#[test]
fn the_footer_says_what_the_keys_do_in_save_as_and_while_the_form_asks() {
    let footer = |a: &App| screen(a).lines().last().unwrap_or_default().to_owned();
    let mut a = app(80, 24);
    press(&mut a, "W");
    assert_eq!(footer(&a), " <Enter> save there  <Esc> cancel");
    let mut a = app(80, 24);
    press(&mut a, "1Ex<Esc>");
    assert!(form(&a).asking);
    assert_eq!(footer(&a), " y discard  n back to the form");
    press(&mut a, "n");
    assert!(!form(&a).asking);
    assert!(footer(&a).contains("<C-s> save"), "{}", footer(&a));
}

#[test]
fn a_narrow_form_shows_the_chosen_kind_and_its_arrows_not_a_cut_list() {
    let mut a = app(40, 12);
    press(&mut a, "2E<S-Tab>");
    assert!(
        screen(&a).contains("▶ kind       [actor]  ←/→"),
        "{}",
        screen(&a)
    );
    let mut a = app(80, 24);
    press(&mut a, "2E<S-Tab>");
    assert!(
        screen(&a).contains("event  [actor]  provision   recommendation   claim   ←/→"),
        "{}",
        screen(&a)
    );
}

#[test]
fn the_help_and_the_message_log_say_more_where_there_is_more() {
    let mut a = app(80, 24);
    press(&mut a, "?");
    let s = screen(&a);
    assert!(s.contains("▼ more ┛") && !s.contains("▲ more ┓"), "{s}");
    press(&mut a, "G");
    let s = screen(&a);
    assert!(s.contains("▲ more ┓") && !s.contains("▼ more ┛"), "{s}");
    let mut a = app(40, 12);
    // More messages than the log's box holds: it opens on the newest, the older above.
    press(&mut a, &"un".repeat(6));
    press(&mut a, "M");
    let s = screen(&a);
    assert!(s.contains("▲ more ┓") && !s.contains("▼ more ┛"), "{s}");
    press(&mut a, "g");
    let s = screen(&a);
    assert!(s.contains("▼ more ┛") && !s.contains("▲ more ┓"), "{s}");
}

#[test]
fn messages_name_items_by_title_and_links_by_their_relation() {
    let mut a = selecting("cartels");
    press(&mut a, "aCartels adapt<C-s>");
    let added = a.message.clone().unwrap();
    assert!(added.starts_with("added claim “Cartels adapt”"), "{added}");
    press(&mut a, "Lthesis<Enter><C-s>");
    let linked = a.message.clone().unwrap();
    assert!(
        linked.starts_with("linked “Cartels adapt” supports “Neither country"),
        "{linked}"
    );
    press(&mut a, "u");
    let undid = a.message.clone().unwrap();
    assert!(
        undid.starts_with("undid: linked “Cartels adapt” supports “Neither country"),
        "{undid}"
    );
    press(&mut a, "<C-r>");
    let redid = a.message.clone().unwrap();
    assert!(
        redid.starts_with("redid: linked “Cartels adapt”"),
        "{redid}"
    );
}

// ---- editing a field where the cursor is

/// The Argument pane with the thesis selected.
fn on_the_thesis(w: u16, h: u16) -> (App, usize) {
    let mut a = app(w, h);
    press(&mut a, "5");
    let thesis = (0..a.model.doc.items.len())
        .find(|&i| a.model.is_thesis(i))
        .expect("the built-in map has a thesis");
    for _ in 0..50 {
        if a.selected_item() == Some(thesis) {
            break;
        }
        press(&mut a, "j");
    }
    assert_eq!(a.selected_item(), Some(thesis));
    (a, thesis)
}

#[test]
fn e_on_the_thesis_then_home_types_at_the_start_of_its_title() {
    let (mut a, thesis) = on_the_thesis(120, 40);
    let title = a.model.item(thesis).title.clone();
    let id = a.model.item(thesis).id.clone();
    press(&mut a, "E");
    assert_eq!(form(&a).focus, Field::Title);
    press(&mut a, "<Home>Not: <C-s>");
    assert!(a.top().is_none(), "{:?}", a.message);
    assert_eq!(a.model.item(thesis).title, format!("Not: {title}"));
    assert_eq!(a.model.item(thesis).id, id, "an edit's id does not follow");
}

#[test]
fn the_cursor_keys_edit_a_field_anywhere_and_moving_is_no_change() {
    let (mut a, thesis) = on_the_thesis(120, 40);
    let title = a.model.item(thesis).title.clone();
    press(
        &mut a,
        "E<Home><Right><Left><End><A-b><C-Left><A-f><C-a><C-e>",
    );
    assert_eq!(form(&a).text(Field::Title), title);
    // Only moves: Esc closes without asking.
    press(&mut a, "<Esc>");
    assert!(a.top().is_none(), "moving the cursor changed nothing");

    press(&mut a, "E<C-a><Del><C-e><BS>");
    let mut chars = title.chars();
    chars.next();
    chars.next_back();
    assert_eq!(form(&a).text(Field::Title), chars.as_str());
    press(&mut a, "<C-a><A-f><C-k>");
    let first_word = title
        .chars()
        .skip(1)
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>();
    assert_eq!(form(&a).text(Field::Title), first_word);
}

#[test]
fn a_long_summary_is_edited_in_its_middle_and_can_grow_past_a_querys_cap() {
    let (mut a, thesis) = on_the_thesis(120, 40);
    press(&mut a, "E");
    tab_to(&mut a, Field::Summary);
    // A summary of 3,000 bytes, longer than a query may be.
    let half = "word ".repeat(300);
    press(&mut a, "<C-u>");
    a.handle_paste(&format!("{half}{half}"));
    assert_eq!(form(&a).text(Field::Summary).len(), 3000);
    // To its middle by words, and a word typed there.
    press(&mut a, "<Home>");
    for _ in 0..300 {
        press(&mut a, "<A-f>");
    }
    press(&mut a, " middle<C-s>");
    assert!(a.top().is_none(), "{:?}", a.message);
    let summary = a.model.item(thesis).summary.clone().unwrap_or_default();
    assert_eq!(
        summary,
        format!("{} middle {}", half.trim_end(), half.trim_end())
    );
}

#[test]
fn left_and_right_still_cycle_a_choice_field() {
    let mut a = selecting("cartels");
    press(&mut a, "a");
    tab_to(&mut a, Field::Kind);
    let kind = form(&a).kind;
    press(&mut a, "<Right>");
    assert_ne!(form(&a).kind, kind);
    press(&mut a, "<Left>");
    assert_eq!(form(&a).kind, kind);
}

#[test]
fn a_field_says_its_own_cap() {
    let (mut a, _) = on_the_thesis(120, 40);
    press(&mut a, "E");
    tab_to(&mut a, Field::Summary);
    a.handle_paste(&"x".repeat(70_000));
    assert_eq!(
        form(&a).text(Field::Summary).len(),
        argscope::app::input::LineInput::FIELD_MAX_BYTES
    );
    assert_eq!(a.message.as_deref(), Some("a field is at most 65536 bytes"));
}

#[test]
fn a_field_with_the_cursor_in_the_middle_of_a_long_value_at_80x24() {
    let (mut a, _) = on_the_thesis(80, 24);
    press(&mut a, "E");
    tab_to(&mut a, Field::Summary);
    press(&mut a, "<C-u>");
    a.handle_paste(
        "Militarization did not end the violence: homicides rose after the army took to the \
         streets, and the cartels split into smaller, more violent groups that fought over \
         the routes the old ones had held.",
    );
    press(&mut a, "<Home>");
    for _ in 0..14 {
        press(&mut a, "<A-f>");
    }
    insta::assert_snapshot!("form_cursor_in_a_long_value_80x24", screen(&a));
}

#[test]
fn undoing_the_delete_of_a_panes_last_item_selects_it_not_its_group_heading() {
    // One actor, in a group: its pane shows a heading row and the actor's row.
    let mut doc: serde_json::Value =
        serde_json::from_slice(include_bytes!("fixtures/valid-small.json")).unwrap();
    let items = doc["items"].as_array_mut().unwrap();
    items.retain(|i| i["id"] != "mayor-ruiz");
    for item in items.iter_mut() {
        if let Some(links) = item["links"].as_array_mut() {
            links.retain(|l| l["to"] != "mayor-ruiz");
        }
    }
    let m = model::load(serde_json::to_string(&doc).unwrap().as_bytes()).expect("loads");
    let mut a = App::new(m, argscope::app::Options::default());
    a.update(argscope::app::Action::Resize(120, 40));
    press(&mut a, "2Dy");
    assert!(
        a.lists.actors.rows.is_empty(),
        "the pane's last actor is gone"
    );
    press(&mut a, "u");
    let list = &a.lists.actors;
    assert!(list.rows.len() >= 2, "a heading and the actor");
    assert!(
        list.selected_item().is_some(),
        "the selection is on the actor, not the heading (row {})",
        list.selected
    );
}

#[test]
fn the_delete_confirmation_scrolls_to_every_word_of_what_names_the_item() {
    let mut a = app(60, 16);
    press(&mut a, "2D");
    let Some(Layer::Confirm(c)) = a.top() else {
        panic!("the confirmation");
    };
    let last = c.dependants.last().cloned().unwrap();
    let first = screen(&a);
    assert!(first.contains("▼ more"), "{first}");
    let mut read = first;
    for _ in 0..40 {
        press(&mut a, "j");
        read.push_str(&screen(&a));
    }
    let flat: String = read.split_whitespace().collect::<Vec<_>>().join(" ");
    for word in last.split_whitespace() {
        assert!(flat.contains(word), "\"{word}\" of \"{last}\" never shown");
    }
    assert!(
        matches!(a.top(), Some(Layer::Confirm(_))),
        "j scrolls, it does not answer"
    );
    assert_eq!(a.model.doc.items.len(), app(60, 16).model.doc.items.len());
}
