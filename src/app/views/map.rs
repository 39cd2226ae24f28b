//! The map's actions: moving among neighbours, re-centring (into history), back and forward.

use super::{MapView, View, body};
use crate::app::neighbourhood::{self, MapCursor, Neighbourhood, Spot};
use crate::app::{Action, App, Mode};

impl App {
    pub(super) fn open_map(&mut self) {
        let Some(item) = self.selected_item() else {
            self.message = Some("no item selected".into());
            return;
        };
        self.centre_map(item);
    }

    pub(super) fn centre_map(&mut self, item: usize) {
        self.views.map = Some(MapView {
            hood: Neighbourhood::of(&self.model, item),
            cursor: MapCursor::default(),
        });
        self.mode = Mode::View(View::Map);
    }

    pub(super) fn map_action(&mut self, action: Action) {
        let fit = neighbourhood::fit(body(self.size).height as usize) as isize;
        let step = match action {
            Action::PageDown | Action::HalfPageDown => Some(fit),
            Action::PageUp | Action::HalfPageUp => Some(-fit),
            a => self.vertical(a),
        };
        let Some(view) = self.views.map.as_mut() else {
            self.mode = Mode::Browse;
            return;
        };
        match action {
            Action::Escape => self.mode = Mode::Browse,
            Action::Left | Action::Right => {
                let dir = if action == Action::Left { -1 } else { 1 };
                if !view.cursor.sideways(&view.hood, dir) {
                    let side = if dir < 0 { "incoming" } else { "outgoing" };
                    self.message = Some(match view.cursor.spot {
                        Spot::Centre => format!("no {side} links"),
                        Spot::Neighbour(..) => {
                            "the map ends here: Enter re-centres on this item".into()
                        }
                    });
                }
            }
            Action::Open => {
                let (spot, centre) = (view.cursor.spot, view.hood.centre);
                match view.hood.item_at(spot) {
                    Some(item) if spot != Spot::Centre => {
                        self.navigate(item);
                        self.centre_map(item);
                    }
                    _ => self.navigate(centre),
                }
            }
            Action::Back | Action::Forward => {
                self.mode = Mode::Browse;
                self.update(action);
                if let Some(item) = self.selected_item() {
                    self.centre_map(item);
                }
            }
            _ => {
                if let Some(d) = step {
                    view.cursor.vertical(&view.hood, d);
                }
            }
        }
    }
}
