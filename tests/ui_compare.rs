//! Screen snapshots of the side-by-side views and the finished Argument pane, at 80×24 and
//! 160×45 (the matrix also at 120×40), drawn from the built-in map through the same
//! `update`/`view` as the explorer. Each was reviewed as a reader would see it.

use argscope::app::Options;
use argscope::model;

/// A screen: its name, the keys that reach it, and the sizes it is drawn at.
type Screen = (&'static str, &'static str, &'static [(u16, u16)]);

const SCREENS: &[Screen] = &[
    ("compare", "4c<Down>c", &[(80, 24), (160, 45)]),
    ("compare_links", "4c<Down>cG<Tab>", &[(80, 24), (160, 45)]),
    ("comparisons", "C", &[(80, 24), (160, 45)]),
    ("prepared", "C<Enter>", &[(80, 24), (160, 45)]),
    (
        "prepared_pairs_provisions",
        "Cj<Enter>jj<Tab>",
        &[(80, 24), (160, 45)],
    ),
    ("prepared_search", "C<Enter>/polic", &[(80, 24), (160, 45)]),
    ("matrix", "x", &[(80, 24), (120, 40), (160, 45)]),
    (
        "matrix_unaddressed",
        "xlu",
        &[(80, 24), (120, 40), (160, 45)],
    ),
    ("map", "2jjjm", &[(80, 24), (160, 45)]),
    ("map_neighbour", "2jjjmhj", &[(80, 24), (160, 45)]),
    ("argument_why", "5jj", &[(80, 24), (160, 45)]),
    ("argument_folded", "5Z", &[(80, 24), (160, 45)]),
];

#[test]
fn side_by_side_screens() {
    for &(name, keys, sizes) in SCREENS {
        for &(w, h) in sizes {
            let screen =
                argscope::render::render(model::builtin(), (w, h), keys, Options::default())
                    .unwrap();
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen, &format!("keys: {keys}"));
        }
    }
}

#[test]
fn ascii_views_draw_no_box_characters() {
    let options = Options {
        ascii: true,
        ..Options::default()
    };
    for keys in ["4c<Down>c", "C<Enter>", "x", "2jjjmh"] {
        let screen = argscope::render::render(model::builtin(), (120, 40), keys, options).unwrap();
        assert!(
            screen
                .chars()
                .all(|c| c.is_ascii() || !"│─┌┐└┘├┤┬┴┼━┃┏┓┗┛▶•→←›…≡↔∅▲▼◀".contains(c)),
            "{keys}:\n{screen}"
        );
    }
}
