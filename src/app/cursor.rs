//! Moving a cursor over rows and keeping it on screen: the one step (clamped, or wrapping around
//! with the message that says so) and the one scroll rule every pane and view uses.

use super::Action;

/// `at` moved by `delta` within `0..count`, stopping at the ends; the extremes of `isize` go to
/// the ends.
pub fn step(at: usize, delta: isize, count: usize) -> usize {
    if count == 0 {
        return 0;
    }
    (at as isize)
        .saturating_add(delta)
        .clamp(0, count as isize - 1) as usize
}

/// How far a movement action moves in rows when a page is `inner_height - 1` rows (a row of
/// overlap): a row, a page, half a page, or to an end (`isize::MIN`/`MAX`); `None` for the other
/// actions. Every pane and view moves by this.
pub fn delta(action: Action, inner_height: usize) -> Option<isize> {
    let page = (inner_height as isize - 1).max(1);
    Some(match action {
        Action::Down => 1,
        Action::Up => -1,
        Action::PageDown => page,
        Action::PageUp => -page,
        Action::HalfPageDown => (page / 2).max(1),
        Action::HalfPageUp => -(page / 2).max(1),
        Action::First => isize::MIN,
        Action::Last => isize::MAX,
        _ => return None,
    })
}

/// Where a step that wraps around ended, and whether it wrapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wrapped {
    pub at: usize,
    /// `Some(forward)` when the step went past an end and came round from the other.
    pub wrapped: Option<bool>,
}

impl Wrapped {
    /// What the status line says about a wrap (`what` is "search", say), if it wrapped.
    pub fn message(&self, what: &str) -> Option<String> {
        self.wrapped.map(|forward| {
            let end = if forward { "top" } else { "bottom" };
            format!("{what} wrapped to the {end}")
        })
    }
}

/// The next (`forward`) or previous of `marks` (ascending positions) from `at`, wrapping around.
/// `None` when there are no marks.
pub fn step_wrap(marks: &[usize], at: usize, forward: bool) -> Option<Wrapped> {
    // The marks are ascending: found by bisection, not a walk per key.
    let found = if forward {
        marks.get(marks.partition_point(|&m| m <= at))
    } else {
        marks
            .partition_point(|&m| m < at)
            .checked_sub(1)
            .map(|k| &marks[k])
    };
    match found {
        Some(&m) => Some(Wrapped {
            at: m,
            wrapped: None,
        }),
        None => {
            let m = if forward { marks.first() } else { marks.last() };
            m.map(|&m| Wrapped {
                at: m,
                wrapped: Some(forward),
            })
        }
    }
}

/// The next or previous index in `0..count` from `at` (`None`: from before the first or after
/// the last), wrapping around.
pub fn step_index_wrap(at: Option<usize>, forward: bool, count: usize) -> Option<Wrapped> {
    if count == 0 {
        return None;
    }
    let here = match at {
        Some(c) if forward => c as isize + 1,
        Some(c) => c as isize - 1,
        None if forward => 0,
        None => count as isize - 1,
    };
    Some(if here >= count as isize {
        Wrapped {
            at: 0,
            wrapped: Some(true),
        }
    } else if here < 0 {
        Wrapped {
            at: count - 1,
            wrapped: Some(false),
        }
    } else {
        Wrapped {
            at: here as usize,
            wrapped: None,
        }
    })
}

/// The first row to show so that row `cursor` is within `height` rows, moving `top` as little
/// as possible.
pub fn keep_in_view(top: usize, cursor: usize, height: usize) -> usize {
    keep_in_view_by(top, cursor, height, |_| 1)
}

/// [`keep_in_view`] for rows of different heights: `row_height(r)` screen lines each. A row
/// taller than the screen is shown from its top.
pub fn keep_in_view_by(
    top: usize,
    cursor: usize,
    height: usize,
    row_height: impl Fn(usize) -> usize,
) -> usize {
    let height = height.max(1);
    if cursor <= top {
        return cursor;
    }
    // The rows above the cursor that fit with it, measured from the cursor up: at most a
    // screen of them, however far the cursor jumped.
    let mut lines = 0;
    let mut row = cursor;
    loop {
        crate::work::add(crate::work::Work::Rows, 1);
        lines += row_height(row);
        if lines > height {
            return (row + 1).min(cursor);
        }
        if row == top {
            return top;
        }
        row -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_stop_at_the_ends() {
        assert_eq!(step(0, -1, 5), 0);
        assert_eq!(step(3, 1, 5), 4);
        assert_eq!(step(4, 1, 5), 4);
        assert_eq!(step(2, isize::MIN, 5), 0);
        assert_eq!(step(2, isize::MAX, 5), 4);
        assert_eq!(step(2, 1, 0), 0);
    }

    #[test]
    fn wrapping_steps_say_so() {
        let marks = [1, 4];
        let w = |at, fwd| step_wrap(&marks, at, fwd).map(|w| (w.at, w.wrapped));
        assert_eq!(w(1, true), Some((4, None)));
        assert_eq!(w(4, true), Some((1, Some(true))));
        assert_eq!(w(1, false), Some((4, Some(false))));
        assert_eq!(w(0, true), Some((1, None)));
        assert_eq!(step_wrap(&[], 0, true), None);
        let msg = step_wrap(&marks, 4, true).unwrap().message("search");
        assert_eq!(msg.as_deref(), Some("search wrapped to the top"));
        let i = |at, fwd| step_index_wrap(at, fwd, 3).map(|w| (w.at, w.wrapped));
        assert_eq!(i(Some(2), true), Some((0, Some(true))));
        assert_eq!(i(Some(0), false), Some((2, Some(false))));
        assert_eq!(i(None, true), Some((0, None)));
        assert_eq!(i(None, false), Some((2, None)));
        assert_eq!(step_index_wrap(None, true, 0), None);
    }

    #[test]
    fn keeping_in_view_scrolls_as_little_as_possible() {
        assert_eq!(keep_in_view(0, 3, 10), 0);
        assert_eq!(keep_in_view(0, 12, 10), 3);
        assert_eq!(keep_in_view(5, 2, 10), 2);
        assert_eq!(keep_in_view(0, 0, 0), 0);
        // Rows of three lines: rows 1..=3 take nine.
        let h = |_| 3;
        assert_eq!(keep_in_view_by(0, 3, 10, h), 1);
        assert_eq!(
            keep_in_view_by(0, 4, 2, h),
            4,
            "a tall row shows from its top"
        );
    }

    #[test]
    fn a_far_jump_measures_a_screen_of_rows_not_every_row() {
        let measured = std::cell::Cell::new(0);
        let h = |_| {
            measured.set(measured.get() + 1);
            2
        };
        assert_eq!(keep_in_view_by(0, 1_000_000, 10, h), 999_996);
        assert!(measured.get() <= 6, "{} rows measured", measured.get());
    }
}
