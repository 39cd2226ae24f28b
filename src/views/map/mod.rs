//! The map of an item's links (`m`): the item in the centre, the items linking to it on the
//! left, the items it links to on the right. `Enter` on a neighbour re-centres on it (into
//! history); back and forward re-centre too.

mod draw;
pub mod neighbourhood;

use super::{Layer, Open, Outcome, View, vertical};
use crate::app::{Action, App, KeyMode, layout};
use neighbourhood::{MapCursor, Neighbourhood, Spot};
use ratatui::layout::Rect;

#[derive(Debug, Clone)]
pub struct MapView {
    pub hood: Neighbourhood,
    pub cursor: MapCursor,
    /// The caption's line on screen, and the spot it belongs to (another spot starts at its
    /// first line).
    pub caption: (Spot, usize),
}

/// Where the map's parts go in a view drawn in `area`: the boxes between a row for "more above"
/// and one for "more below", and the info line at the bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// Inside the border.
    pub inside: Rect,
    pub boxes: Rect,
    pub info: Rect,
    /// How many neighbour boxes a column shows.
    pub fit: usize,
}

/// Rows inside the border that are not boxes: "more above", "more below" and the info line.
const NOT_BOXES: u16 = 3;

pub fn geometry(area: Rect) -> Geometry {
    let inside = layout::inner(area);
    let boxes = Rect::new(
        inside.x,
        inside.y + 1.min(inside.height),
        inside.width,
        inside.height.saturating_sub(NOT_BOXES),
    );
    let info = Rect::new(
        inside.x,
        inside.bottom().saturating_sub(1),
        inside.width,
        1.min(inside.height),
    );
    let fit = (boxes.height as usize / neighbourhood::BOX_HEIGHT).max(1);
    Geometry {
        inside,
        boxes,
        info,
        fit,
    }
}

impl Open for MapView {
    fn open(app: &mut App) -> Option<MapView> {
        match app.selected_item() {
            Some(item) => Some(MapView::centred(app, item)),
            None => {
                app.no_item();
                None
            }
        }
    }
}

impl MapView {
    fn centred(app: &App, item: usize) -> MapView {
        let hood = Neighbourhood::of(&app.model, item);
        // The cursor the map of this item last had, when it is still on the map.
        let cursor = app
            .memory
            .map
            .filter(|&(centre, c)| centre == item && hood.item_at(c.spot).is_some())
            .map_or_else(MapCursor::default, |(_, c)| c);
        MapView {
            hood,
            cursor,
            caption: (Spot::Centre, 0),
        }
    }

    /// The caption's line on screen, of `lines`.
    pub fn caption_top(&self, lines: usize) -> usize {
        let (spot, top) = self.caption;
        if spot != self.cursor.spot {
            return 0;
        }
        top.min(lines.saturating_sub(1))
    }
}

impl View for MapView {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Map
    }

    fn name(&self) -> &'static str {
        "MAP"
    }

    fn update(&mut self, app: &mut App, action: Action) -> Outcome {
        app.memory.map = Some((self.hood.centre, self.cursor));
        if let Some(done) = super::common(self, app, action) {
            return done;
        }
        let fit = geometry(super::body(app)).fit as isize;
        let step = match action {
            Action::PageDown | Action::HalfPageDown => Some(fit),
            Action::PageUp | Action::HalfPageUp => Some(-fit),
            a => vertical(a, super::body(app)),
        };
        match action {
            Action::Escape => return Outcome::Close,
            Action::DetailLineDown
            | Action::DetailLineUp
            | Action::DetailPageDown
            | Action::DetailPageUp => {
                // The caption is one line: a page is a line too.
                let d = super::line_scroll(action, 2).unwrap_or(0);
                let top = self.caption_top(usize::MAX);
                self.caption = (self.cursor.spot, (top as isize + d).max(0) as usize);
            }
            Action::Left | Action::Right => {
                let dir = if action == Action::Left { -1 } else { 1 };
                if !self.cursor.sideways(&self.hood, dir) {
                    let side = if dir < 0 { "incoming" } else { "outgoing" };
                    app.message = Some(match self.cursor.spot {
                        Spot::Centre => format!("no {side} links"),
                        Spot::Neighbour(..) => {
                            "the map ends here: Enter re-centres on this item".into()
                        }
                    });
                }
            }
            Action::Open => {
                let (spot, centre) = (self.cursor.spot, self.hood.centre);
                return match self.hood.item_at(spot) {
                    Some(item) if spot != Spot::Centre => {
                        if app.navigate(item) {
                            Outcome::Replace(Layer::Map(MapView::centred(app, item)))
                        } else {
                            Outcome::Keep
                        }
                    }
                    _ if app.navigate(centre) => Outcome::Close,
                    _ => Outcome::Keep,
                };
            }
            _ => {
                if let Some(d) = step {
                    self.cursor.vertical(&self.hood, d);
                }
            }
        }
        Outcome::Keep
    }

    fn over_text(&self, app: &App, x: u16, y: u16) -> bool {
        super::hit(geometry(super::body(app)).info, x, y)
    }

    fn click(&mut self, app: &mut App, x: u16, y: u16) {
        match draw::spot_at(self, super::body(app), x, y) {
            Some(Spot::Neighbour(column, i)) => {
                self.cursor.spot = Spot::Neighbour(column, i);
                let slot = match column {
                    neighbourhood::Column::Incoming => 0,
                    neighbourhood::Column::Outgoing => 1,
                };
                self.cursor.rows[slot] = i;
            }
            Some(Spot::Centre) => self.cursor.spot = Spot::Centre,
            None => {}
        }
    }

    fn settle(&mut self, app: &App, area: Rect) {
        let info = geometry(area).info;
        let lines = draw::caption_lines(app, self, info.width as usize).len();
        self.caption = (self.cursor.spot, self.caption_top(lines));
    }

    fn draw(&self, ctx: &crate::ui::Ctx, frame: &mut ratatui::Frame, area: Rect) {
        draw::draw(self, ctx, frame, area);
    }
}
