//! Screen snapshots of the main screens at 80×24 (tabs, the detail beside one pane) and 200×60
//! (the four reading panes at once), drawn through the same `update`/`view` as the explorer. A
//! size between them (120×40) showed the same layout as 80×24 and is not kept. Each was
//! reviewed as a reader would see it. What plain text cannot show (styles) is in `styles.rs`.

use argscope::app::Options;
use argscope::model;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

/// (name, keys): the screens a reader sees most.
const SCREENS: &[(&str, &str)] = &[
    ("start", ""),
    ("recommendation_links", "4<Enter>"),
    ("followed_link", "4<Enter><Enter>"),
    ("actors", "2"),
    ("argument", "5"),
    ("text_at_provision", "3jjjjt"),
    ("passage_quoted_by", "6}}<Enter>"),
    ("help", "?"),
    ("search_in_progress", "2/lop"),
    ("search_in_text", "6/cienfuegos<Enter>n"),
    ("filtered", "3flimits<Enter>"),
    ("palette", ":cienf"),
];

#[test]
fn main_screens() {
    for &(name, keys) in SCREENS {
        for (w, h) in SIZES {
            let screen =
                argscope::render::render(model::builtin(), (w, h), keys, Options::default())
                    .unwrap();
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen, &format!("keys: {keys}"));
        }
    }
}

#[test]
fn ascii_mode_draws_no_box_characters() {
    let options = Options {
        ascii: true,
        ..Options::default()
    };
    let screen =
        argscope::render::render(model::builtin(), (120, 40), "4<Enter>", options).unwrap();
    insta::assert_snapshot!("ascii_recommendation_links_120x40", screen);
    assert!(
        screen
            .chars()
            .all(|c| c.is_ascii() || !"│─┌┐└┘━┃┏┓┗┛▶•→←›…".contains(c)),
        "{screen}"
    );
}
