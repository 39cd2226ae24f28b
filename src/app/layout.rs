//! The screen's layout as a pure function of its size and what is focused, shared by `update`
//! (for paging, scrolling and mouse hits) and the drawing: each frame computes it once and hands
//! every pane and view its area.

use super::Pane;
use ratatui::layout::Rect;

/// Wide terminals show the four reading panes at once.
pub const WIDE_COLS: u16 = 140;
pub const WIDE_ROWS: u16 = 32;
/// Below this width the detail no longer fits beside a list.
const SIDE_BY_SIDE_COLS: u16 = 70;

/// Where everything goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    /// The pane tabs (narrow terminals).
    pub tabs: Option<Rect>,
    /// The panes on screen, with their areas (borders included).
    pub panes: Vec<(Pane, Rect)>,
    /// The detail (or, for the Text pane, the passage) beside the panes.
    pub side: Option<Rect>,
    /// Everything above the status line: what a full-screen view fills and an overlay is
    /// centred in.
    pub body: Rect,
    pub status: Rect,
    pub footer: Rect,
}

impl Screen {
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        self.panes.iter().find(|(p, _)| *p == pane).map(|(_, r)| *r)
    }

    /// Rows inside a pane's border.
    pub fn inner_height(&self, pane: Pane) -> usize {
        self.pane(pane)
            .map_or(1, |r| inner(r).height.max(1) as usize)
    }
}

/// Computes the layout for a terminal of `area`'s size.
pub fn screen(area: Rect, focus: Pane, links_focused: bool) -> Screen {
    let footer_rows = u16::from(area.height >= 3);
    let status_rows = u16::from(area.height >= 2);
    let body_h = area.height - footer_rows - status_rows;
    let footer = Rect::new(
        area.x,
        area.y + area.height - footer_rows,
        area.width,
        footer_rows,
    );
    let status = Rect::new(area.x, footer.y - status_rows, area.width, status_rows);
    let mut body = Rect::new(area.x, area.y, area.width, body_h);
    let whole_body = body;
    let wide = area.width >= WIDE_COLS && area.height >= WIDE_ROWS;

    let mut tabs = None;
    if !wide && body.height >= 4 {
        tabs = Some(Rect::new(body.x, body.y, body.width, 1));
        body.y += 1;
        body.height -= 1;
    }
    let (main, side) = if wide || body.width >= SIDE_BY_SIDE_COLS {
        let side_w = if wide {
            (body.width * 36 / 100).max(46)
        } else if focus == Pane::Text {
            body.width * 38 / 100
        } else if focus == Pane::Argument {
            body.width * 45 / 100
        } else {
            body.width * 55 / 100
        };
        let main = Rect::new(body.x, body.y, body.width - side_w, body.height);
        (
            main,
            Some(Rect::new(body.x + main.width, body.y, side_w, body.height)),
        )
    } else if links_focused {
        (Rect::new(body.x, body.y, 0, 0), Some(body))
    } else {
        (body, None)
    };
    let panes = if wide && focus.is_reading_pane() {
        let top_h = main.height / 2;
        let left_w = main.width / 2;
        let cell = |col: u16, row: u16| {
            let (x, w) = if col == 0 {
                (main.x, left_w)
            } else {
                (main.x + left_w, main.width - left_w)
            };
            let (y, h) = if row == 0 {
                (main.y, top_h)
            } else {
                (main.y + top_h, main.height - top_h)
            };
            Rect::new(x, y, w, h)
        };
        vec![
            (Pane::Timeline, cell(0, 0)),
            (Pane::Actors, cell(1, 0)),
            (Pane::Provisions, cell(0, 1)),
            (Pane::Recommendations, cell(1, 1)),
        ]
    } else if main.area() > 0 {
        vec![(focus, main)]
    } else {
        Vec::new()
    };
    Screen {
        tabs,
        panes,
        side,
        body: whole_body,
        status,
        footer,
    }
}

/// The area inside a border, or nothing when there is no room.
pub fn inner(area: Rect) -> Rect {
    Rect::new(
        area.x + 1.min(area.width),
        area.y + 1.min(area.height),
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    )
}

/// The tab labels of narrow terminals, with the columns each takes: ` 1 Timeline `.
pub fn tabs(width: u16) -> Vec<(Pane, std::ops::Range<u16>)> {
    let mut x = 0u16;
    let mut out = Vec::new();
    for pane in Pane::ALL {
        let w = crate::wrap::str_width(&tab_label(pane, width)) as u16;
        out.push((pane, x..x.saturating_add(w)));
        x = x.saturating_add(w);
    }
    out
}

/// Each pane's name in three lengths, each unambiguous among the panes: the title, a short
/// name, two letters.
fn names(pane: Pane) -> [&'static str; 3] {
    match pane {
        Pane::Timeline => ["Timeline", "Time", "Ti"],
        Pane::Actors => ["Actors", "Actors", "Ac"],
        Pane::Provisions => ["Provisions", "Prov", "Pr"],
        Pane::Recommendations => ["Recommendations", "Recs", "Re"],
        Pane::Argument => ["Argument", "Arg", "Ar"],
        Pane::Text => ["Text", "Text", "Te"],
    }
}

/// The label a tab shows at this width: the longest names that fit all six tabs.
pub fn tab_label(pane: Pane, width: u16) -> String {
    let fits = |k: usize| {
        Pane::ALL
            .iter()
            .map(|&p| names(p)[k].len() + 4)
            .sum::<usize>()
            <= width as usize
    };
    match (0..3).find(|&k| fits(k)) {
        Some(k) => format!(" {} {} ", pane.number(), names(pane)[k]),
        None => format!(" {} ", pane.number()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminals_show_the_four_reading_panes_and_the_detail() {
        let s = screen(Rect::new(0, 0, 160, 45), Pane::Actors, false);
        assert_eq!(s.panes.len(), 4);
        assert!(s.side.is_some());
        assert!(s.tabs.is_none());
        let total: u32 = s.panes.iter().map(|(_, r)| r.area()).sum();
        assert_eq!(
            total,
            (160 - s.side.unwrap().width) as u32 * 43,
            "the four panes tile the area left of the detail"
        );
    }

    #[test]
    fn narrow_terminals_use_tabs() {
        let s = screen(Rect::new(0, 0, 80, 24), Pane::Provisions, false);
        assert_eq!(s.panes.len(), 1);
        assert!(s.tabs.is_some());
        assert!(s.side.is_some());
    }

    #[test]
    fn argument_and_text_are_panes_of_their_own_even_when_wide() {
        let s = screen(Rect::new(0, 0, 200, 60), Pane::Text, false);
        assert_eq!(s.panes, vec![(Pane::Text, s.panes[0].1)]);
    }

    #[test]
    fn tab_labels_are_unambiguous_at_every_width() {
        for width in [20u16, 30, 40, 50, 60, 79, 80, 120] {
            let labels: Vec<String> = Pane::ALL
                .iter()
                .map(|&p| tab_label(p, width).trim().to_owned())
                .collect();
            let names: Vec<String> = labels
                .iter()
                .map(|l| {
                    l.split_once(' ')
                        .map_or(String::new(), |(_, n)| n.to_owned())
                })
                .collect();
            for n in &names {
                assert!(
                    n.is_empty() || names.iter().filter(|m| *m == n).count() == 1,
                    "{width}: {labels:?}"
                );
            }
            let total: u16 = tabs(width).last().map_or(0, |(_, r)| r.end);
            assert!(total <= width || names[0].is_empty(), "{width}: {labels:?}");
        }
    }

    #[test]
    fn tiny_sizes_lay_out() {
        for (w, h) in [(1, 1), (0, 0), (2, 1), (1, 3), (10, 4), (69, 5)] {
            let s = screen(Rect::new(0, 0, w, h), Pane::Timeline, true);
            for (_, r) in &s.panes {
                assert!(r.right() <= w && r.bottom() <= h);
            }
        }
    }
}
