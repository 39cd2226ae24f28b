//! The views and overlays that stack over the panes: the free comparison, the list of prepared
//! comparisons, one prepared comparison, the matrix, the map, the palette and the help. Each is a
//! folder of its own holding its state, its keys (`update`) and its drawing, behind [`View`];
//! this module is their registry. Adding one: see `docs/ARCHITECTURE.md`.

pub mod compare;
pub mod comparisons;
pub mod copy;
pub mod form;
pub mod help;
pub mod map;
pub mod matrix;
pub mod messages;
pub mod palette;
pub mod prepared;
pub mod problems;
pub mod scrolled;

use crate::app::layout::{self, Screen};
use crate::app::{Action, App, KeyMode};
use crate::ui::Ctx;
use ratatui::Frame;
use ratatui::layout::Rect;

/// What a view did with an action.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Handled; the view stays.
    Keep,
    /// Handled; the view closes (what is under it shows again).
    Close,
    /// Handled; this view takes its place.
    Replace(Layer),
    /// Handled; this view opens over it.
    Push(Layer),
    /// Not the view's: the panes get it (the view stays).
    Unhandled,
}

/// One view: its state is the value, its keys `update`, its drawing `draw`.
pub trait View {
    /// The keymap that applies while it is on top.
    fn key_mode(&self) -> KeyMode;

    /// Its name in the status line.
    fn name(&self) -> &'static str;

    /// Applies an action. The view is taken off the stack meanwhile, so it may change the rest
    /// of `app` (go to an item, say) and then say whether it stays.
    fn update(&mut self, app: &mut App, action: Action) -> Outcome;

    /// Whether `x`, `y` is over text the view scrolls by lines (the matrix's cell box, the map's
    /// caption): the wheel there scrolls it rather than moving the cursor.
    fn over_text(&self, _app: &App, _x: u16, _y: u16) -> bool {
        false
    }

    /// A click at `x`, `y` (the view fills the body): selects the row or cell under it.
    fn click(&mut self, _app: &mut App, _x: u16, _y: u16) {}

    /// Keeps its cursor on screen in `area`, the area it will be drawn in: called after every
    /// action, so that drawing only reads.
    fn settle(&mut self, _app: &App, _area: Rect) {}

    /// Draws it in `area`.
    fn draw(&self, ctx: &Ctx, frame: &mut Frame, area: Rect);

    /// The footer's hints when the view's keys mean something else for a moment (a form
    /// asking whether to discard what was typed); `None`: the keymap's hints of its mode.
    fn footer(&self) -> Option<Vec<(String, &'static str)>> {
        None
    }

    /// An overlay is a box centred over the body, like every view above the status line and
    /// the footer (which stay readable under it); other views fill the body.
    fn is_overlay(&self) -> bool {
        false
    }
}

/// How a view opens from the panes, for those that an action opens (`c`, `x`, `?`…).
pub trait Open: Sized {
    /// The view for the reader's place, or `None` (with a message saying why) when it cannot
    /// open.
    fn open(app: &mut App) -> Option<Self>;
}

/// The registry: one line a view, `Kind(State)`, and `<- Action` when an action in the panes
/// opens it. It declares the [`Layer`] that holds the view's state (so what is shown and its data
/// cannot disagree), [`ViewKind`], its name for tests, and [`open`], from the action to the view.
macro_rules! registry {
    ($($kind:ident($state:ty) $(<- $opener:ident)?,)*) => {
        /// A view or overlay on the stack, with its state.
        #[derive(Debug, Clone)]
        pub enum Layer {
            $($kind($state),)*
        }

        /// Which view a layer is.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ViewKind {
            $($kind,)*
        }

        impl Layer {
            pub fn kind(&self) -> ViewKind {
                match self {
                    $(Layer::$kind(_) => ViewKind::$kind,)*
                }
            }

            fn view(&self) -> &dyn View {
                match self {
                    $(Layer::$kind(v) => v,)*
                }
            }

            fn view_mut(&mut self) -> &mut dyn View {
                match self {
                    $(Layer::$kind(v) => v,)*
                }
            }
        }

        /// Opens the view `action` names, if it names one: `Some` when the action is an
        /// opener, holding the view when it could open.
        pub fn open(app: &mut App, action: Action) -> Option<Option<Layer>> {
            match action {
                $($(Action::$opener => Some(<$state as Open>::open(app).map(Layer::$kind)),)?)*
                _ => None,
            }
        }
    };
}

registry! {
    Compare(compare::CompareView) <- CompareMark,
    Comparisons(comparisons::ComparisonsView) <- Comparisons,
    Prepared(prepared::PreparedView),
    Matrix(matrix::MatrixView) <- Matrix,
    Map(map::MapView) <- Map,
    Palette(palette::PaletteView) <- OpenPalette,
    Help(help::HelpView) <- Help,
    Problems(problems::ProblemsView) <- ShowProblems,
    Messages(messages::MessagesView) <- MessageLog,
    Form(form::FormView),
    Confirm(form::confirm::ConfirmView),
}

impl Layer {
    pub fn key_mode(&self) -> KeyMode {
        self.view().key_mode()
    }

    pub fn name(&self) -> &'static str {
        self.view().name()
    }

    pub fn update(&mut self, app: &mut App, action: Action) -> Outcome {
        self.view_mut().update(app, action)
    }

    pub fn settle(&mut self, app: &App, area: Rect) {
        self.view_mut().settle(app, area);
    }

    pub fn draw(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        self.view().draw(ctx, frame, area);
    }

    /// The footer's hints of the moment, when not the keymap's (see [`View::footer`]).
    pub fn footer(&self) -> Option<Vec<(String, &'static str)>> {
        self.view().footer()
    }

    /// Whether it is a box centred over the body rather than filling it.
    pub fn is_overlay(&self) -> bool {
        self.view().is_overlay()
    }

    /// The area it is drawn in on `screen`: the body, which a view fills and an overlay's box
    /// is centred in, above the status line and the footer.
    pub fn area(&self, screen: &Screen) -> Rect {
        screen.body
    }
}

/// What outlives an open view.
#[derive(Debug, Clone, Default)]
pub struct ViewMemory {
    /// The item `c` marked, waiting for a second one.
    pub mark: Option<usize>,
    /// The selection in the list of prepared comparisons.
    pub comparison: usize,
    /// The matrix's cursor when it last closed, to come back to.
    pub matrix: Option<matrix::Remembered>,
    /// Each prepared comparison's cursor (row, side, first row on screen), by comparison.
    pub prepared: std::collections::HashMap<usize, (usize, usize, usize)>,
    /// The free comparison's cursor (row, side, first row), by its two items.
    pub compare: Option<([usize; 2], (usize, usize, usize))>,
    /// The map's cursor, by its centre.
    pub map: Option<(usize, map::neighbourhood::MapCursor)>,
    /// The item last selected in a list pane: the palette offers it first when it picks an
    /// item for `A` or `L`.
    pub last_listed: Option<usize>,
}

/// A vertical move's size, for the actions that move up and down in a view drawn in `area`.
pub fn vertical(action: Action, area: Rect) -> Option<isize> {
    crate::app::cursor::delta(action, layout::inner(area).height as usize)
}

/// The side of a two-column view after `Left`, `Right` or `SwitchSide` (0 left, 1 right).
pub fn switch_side(side: usize, action: Action) -> usize {
    match action {
        Action::Left => 0,
        Action::Right => 1,
        _ => 1 - side,
    }
}

/// Lines a scroll of the text moves in a view whose rows area is `height` lines tall, if `action`
/// scrolls it (`Ctrl-e`/`Ctrl-y` a line, `Ctrl-f`/`Ctrl-b` a page).
pub fn line_scroll(action: Action, height: usize) -> Option<isize> {
    let page = (height as isize - 1).max(1);
    Some(match action {
        Action::DetailLineDown => 1,
        Action::DetailLineUp => -1,
        Action::DetailPageDown => page,
        Action::DetailPageUp => -page,
        _ => return None,
    })
}

/// A scroll over rows of different heights, a line at a time: the first row on screen and how
/// many of its lines are above the screen. So a row taller than the screen can be read whole.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LineScroll {
    pub top: usize,
    pub skip: usize,
}

impl LineScroll {
    /// Scrolls by `delta` lines over `count` rows of `line_count(r)` lines each, in a screen
    /// `height` lines tall, no further than the last line at the bottom.
    pub fn by(
        &mut self,
        delta: isize,
        count: usize,
        height: usize,
        line_count: impl Fn(usize) -> usize,
    ) {
        let total: usize = (0..count).map(&line_count).sum();
        let at: usize = (0..self.top.min(count)).map(&line_count).sum::<usize>() + self.skip;
        let want =
            (at as isize + delta).clamp(0, total.saturating_sub(height.max(1)) as isize) as usize;
        let (mut top, mut before) = (0, 0);
        while top < count && before + line_count(top) <= want {
            before += line_count(top);
            top += 1;
        }
        self.top = top.min(count.saturating_sub(1));
        self.skip = want - before.min(want);
    }

    /// Moves as little as possible to show row `cursor` (a row scrolled in part above the screen
    /// is on it: scrolling by lines keeps the cursor there).
    pub fn keep(&mut self, cursor: usize, height: usize, line_count: impl Fn(usize) -> usize) {
        if cursor < self.top {
            *self = LineScroll {
                top: cursor,
                skip: 0,
            };
            return;
        }
        let skip = self.skip;
        let top = self.top;
        let moved = crate::app::cursor::keep_in_view_by(top, cursor, height, |r| {
            if r == top {
                line_count(r).saturating_sub(skip)
            } else {
                line_count(r)
            }
        });
        if moved != top {
            *self = LineScroll {
                top: moved,
                skip: 0,
            };
        }
    }

    /// The rows on screen, first and last (in part, either), for a screen `height` lines tall.
    pub fn rows_on_screen(
        &self,
        count: usize,
        height: usize,
        line_count: impl Fn(usize) -> usize,
    ) -> (usize, usize) {
        let mut lines = 0;
        let mut last = self.top;
        for r in self.top..count {
            let h = if r == self.top {
                line_count(r).saturating_sub(self.skip)
            } else {
                line_count(r)
            };
            if lines >= height {
                break;
            }
            last = r;
            lines += h;
        }
        (self.top, last)
    }

    /// Whether lines are hidden above the screen, and below it.
    pub fn more(
        &self,
        count: usize,
        height: usize,
        line_count: impl Fn(usize) -> usize,
    ) -> (bool, bool) {
        let below: usize = (self.top..count)
            .map(|r| {
                if r == self.top {
                    line_count(r).saturating_sub(self.skip)
                } else {
                    line_count(r)
                }
            })
            .sum();
        (self.top > 0 || self.skip > 0, below > height)
    }
}

/// The row of `count` rows of `line_count(r)` lines each, scrolled to `scroll`, that screen line
/// `line` (from the top of the rows area) shows.
pub fn row_at_line(
    scroll: LineScroll,
    count: usize,
    line: usize,
    line_count: impl Fn(usize) -> usize,
) -> Option<usize> {
    let mut before = 0;
    for r in scroll.top..count {
        let h = if r == scroll.top {
            line_count(r).saturating_sub(scroll.skip)
        } else {
            line_count(r)
        };
        if line < before + h {
            return Some(r);
        }
        before += h;
    }
    None
}

/// Whether `x`, `y` is inside `r`.
pub fn hit(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && x < r.right() && y >= r.y && y < r.bottom()
}

/// The wheel in a view moves its cursor three rows: the action to repeat, if `action` is a
/// wheel.
pub fn wheel_step(action: Action) -> Option<Action> {
    match action {
        Action::WheelDown(..) => Some(Action::Down),
        Action::WheelUp(..) => Some(Action::Up),
        _ => None,
    }
}

/// What every full-screen view does with the actions all of them share: `?` opens the help
/// over it, the wheel moves the cursor, clicks do nothing. `None`: the view's own.
pub fn common(view: &mut dyn View, app: &mut App, action: Action) -> Option<Outcome> {
    if action == Action::Help {
        return Some(Outcome::Push(Layer::Help(help::HelpView::at(
            view.key_mode(),
        ))));
    }
    if let Some(step) = wheel_step(action) {
        let (Action::WheelDown(x, y) | Action::WheelUp(x, y)) = action else {
            return None;
        };
        if view.over_text(app, x, y) {
            let scroll = if step == Action::Down {
                Action::DetailLineDown
            } else {
                Action::DetailLineUp
            };
            for _ in 0..3 {
                view.update(app, scroll);
            }
            return Some(Outcome::Keep);
        }
        for _ in 0..3 {
            view.update(app, step);
        }
        return Some(Outcome::Keep);
    }
    if let Action::Click(x, y) = action {
        view.click(app, x, y);
        return Some(Outcome::Keep);
    }
    // Back and forward are the panes': a place holds the views open and their cursors.
    if matches!(action, Action::Back | Action::Forward) {
        return Some(Outcome::Unhandled);
    }
    None
}

/// The body of the screen, the area a full-screen view is drawn in: what its keys page by.
pub fn body(app: &App) -> Rect {
    app.screen().body
}
