//! `argscope render --keys` opens each side-by-side view, as the contract says: the
//! first two recommendations side by side, a prepared comparison, the matrix and the map.

use assert_cmd::Command;

fn render(size: &str, keys: &str) -> String {
    let out = Command::cargo_bin("argscope")
        .unwrap()
        .env_remove("NO_COLOR")
        .args(["render", "--size", size, "--keys", keys])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "render {keys}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let screen = String::from_utf8(out.stdout).unwrap();
    let rows: usize = size.split('x').nth(1).unwrap().parse().unwrap();
    assert_eq!(screen.lines().count(), rows, "{keys}");
    screen
}

/// The first two recommendations of the built-in map, in the pane's order.
fn first_two_recommendations() -> (String, String) {
    let model = argscope::model::builtin();
    let mut recs = model
        .doc
        .items
        .iter()
        .filter(|i| i.kind == argscope::model::Kind::Recommendation)
        .map(|i| i.title.clone());
    (recs.next().unwrap(), recs.next().unwrap())
}

#[test]
fn c_then_c_shows_the_first_two_recommendations_side_by_side() {
    let screen = render("160x45", "4c<Down>c");
    let (a, b) = first_two_recommendations();
    let start = |s: &str| s.chars().take(25).collect::<String>();
    let title_row = screen
        .lines()
        .find(|l| l.contains(&start(&a)))
        .unwrap_or_else(|| panic!("{a} on screen:\n{screen}"));
    assert!(
        title_row.contains(&start(&b)),
        "both titles on one row:\n{screen}"
    );
    assert!(screen.contains(" COMPARE"), "{screen}");
}

#[test]
fn shift_c_enter_opens_the_first_prepared_comparison() {
    let screen = render("160x45", "C<Enter>");
    let model = argscope::model::builtin();
    let first = &model.doc.comparisons[0];
    assert!(screen.contains(&first.title), "{screen}");
    let labels = screen.lines().nth(1).unwrap();
    assert!(labels.contains(&first.left.label) && labels.contains(&first.right.label));
}

#[test]
fn x_opens_the_matrix_at_120_by_40() {
    let screen = render("120x40", "x");
    assert!(screen.contains("Provisions × Recommendations"), "{screen}");
    assert!(screen.contains("R1 ") && screen.contains("P1 "), "{screen}");
    assert!(screen.contains("Legend"), "{screen}");
}

#[test]
fn m_opens_the_map_of_the_selected_item() {
    let screen = render("160x45", "4m");
    let (a, _) = first_two_recommendations();
    assert!(screen.contains(" MAP"), "{screen}");
    assert!(
        screen.contains(&a[..20]),
        "the centre is the selected item:\n{screen}"
    );
}

#[test]
fn the_views_are_readable_at_80_by_24() {
    for keys in ["4c<Down>c", "C<Enter>", "x", "4m"] {
        let screen = render("80x24", keys);
        for line in screen.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= 80,
                "{keys}: {line}"
            );
        }
    }
}
