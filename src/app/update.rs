//! `App::update`: every action's effect on the state. No I/O happens here.

use super::detail::{self, DetailLayout, Part};
use super::layout::{self, Screen};
use super::search::PromptKind;
use super::{Action, App, Effect, Mode, Pane, Place, lists};

impl App {
    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if self.update_view(action) {
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Help => {
                self.mode = match self.mode {
                    Mode::Help { .. } => Mode::Browse,
                    _ => Mode::Help { scroll: 0 },
                }
            }
            Action::Escape => self.escape(),
            Action::StartSearch => self.open_prompt(PromptKind::Search),
            Action::StartFilter => self.open_prompt(PromptKind::Filter),
            Action::OpenPalette => self.open_prompt(PromptKind::Palette),
            Action::NextMatch => self.next_match(1),
            Action::PrevMatch => self.next_match(-1),
            Action::PromptInsert(c) => self.prompt_insert(c),
            Action::PromptBackspace => self.prompt_edit(|s| {
                s.pop();
            }),
            Action::PromptDeleteWord => self.prompt_edit(|s| {
                let kept = s.trim_end().rfind(' ').map_or(0, |i| i + 1);
                s.truncate(kept);
            }),
            Action::PromptClear => self.prompt_edit(String::clear),
            Action::PromptOlder => self.prompt_recall(true),
            Action::PromptNewer => self.prompt_recall(false),
            Action::PromptAccept => self.prompt_accept(),
            Action::PromptCancel => self.prompt_cancel(),
            Action::NextPane | Action::PrevPane => {
                let n = Pane::ALL.len();
                let at = self.focus.number() - 1;
                let next = if action == Action::NextPane {
                    (at + 1) % n
                } else {
                    (at + n - 1) % n
                };
                self.focus_pane(Pane::ALL[next]);
            }
            Action::Focus(pane) => self.focus_pane(pane),
            Action::Down => self.step(1),
            Action::Up => self.step(-1),
            Action::PageDown => self.step(self.page() as isize),
            Action::PageUp => self.step(-(self.page() as isize)),
            Action::HalfPageDown => self.step((self.page() / 2).max(1) as isize),
            Action::HalfPageUp => self.step(-((self.page() / 2).max(1) as isize)),
            Action::First => self.step(isize::MIN),
            Action::Last => self.step(isize::MAX),
            Action::IntoLinks => self.enter_links(),
            Action::OutOfLinks => self.mode = Mode::Browse,
            Action::FollowLink => self.follow_link(),
            Action::Back => match self.history.back() {
                Some(place) => self.go_to(place),
                None => self.message = Some("at the start of history".into()),
            },
            Action::Forward => match self.history.forward() {
                Some(place) => self.go_to(place),
                None => self.message = Some("at the end of history".into()),
            },
            Action::ShowInText => self.show_in_text(),
            Action::ToggleOrder => self.toggle_order(),
            Action::Copy => self.copy(),
            Action::OpenSource => self.open_source(),
            Action::NextPassage => self.step_passage(1),
            Action::PrevPassage => self.step_passage(-1),
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::Resize(w, h) => {
                self.size = ratatui::layout::Rect::new(0, 0, w, h);
                let text_w = layout::screen(self.size, Pane::Text, false)
                    .pane(Pane::Text)
                    .map_or(1, |r| r.width.saturating_sub(4).max(1));
                self.text
                    .set_width(&self.model.doc.document.text, text_w as usize);
            }
            Action::Click(x, y) => self.click(x, y),
            Action::WheelDown(x, y) => self.wheel(x, y, 3),
            Action::WheelUp(x, y) => self.wheel(x, y, -3),
            // The views' own actions, when `update_view` left them (it does not): nothing.
            Action::CompareMark
            | Action::Comparisons
            | Action::Matrix
            | Action::Map
            | Action::ToggleFold
            | Action::FoldAll
            | Action::Left
            | Action::Right
            | Action::SwitchSide
            | Action::SwapSides
            | Action::Open
            | Action::OpenRow
            | Action::NextUnaddressed
            | Action::PrevUnaddressed => {}
        }
        self.keep_in_view();
    }

    /// `Esc`: out of the overlay or the links; in a pane, clears the search, then the filter.
    fn escape(&mut self) {
        if self.mode != Mode::Browse {
            self.mode = Mode::Browse;
        } else if self.search.take().is_some() {
            self.message = Some("search cleared".into());
        } else if self.list(self.focus).is_some_and(|l| l.filter.is_some()) {
            if let Some(list) = self.list_mut(self.focus) {
                let keep = list.selected_item();
                list.set_filter("", None);
                if let Some(item) = keep {
                    list.select_item(item);
                }
            }
            self.message = Some("filter cleared".into());
        }
    }

    fn focus_pane(&mut self, pane: Pane) {
        self.focus = pane;
        self.mode = Mode::Browse;
    }

    /// Rows in the focused pane, for paging.
    fn page(&self) -> usize {
        self.screen()
            .inner_height(self.focus)
            .saturating_sub(1)
            .max(1)
    }

    /// Moves by `delta` in whatever has the focus; `isize::MIN`/`MAX` go to the ends.
    fn step(&mut self, delta: isize) {
        match self.mode {
            Mode::Prompt(_) => {}
            Mode::Help { scroll } => {
                let s = (scroll as isize).saturating_add(delta).max(0) as usize;
                self.mode = Mode::Help {
                    scroll: s.min(1000),
                };
            }
            Mode::Links => {
                let count = if self.focus == Pane::Text {
                    self.text.current.map_or(0, |p| self.text.quoting(p).len())
                } else {
                    self.detail_link_count()
                };
                let at = if self.focus == Pane::Text {
                    self.text.link
                } else {
                    self.link
                };
                let next = clamp_step(at, delta, count);
                if self.focus == Pane::Text {
                    self.text.link = next;
                } else {
                    self.link = next;
                }
            }
            Mode::Browse if self.focus == Pane::Text => {
                let height = self.screen().inner_height(Pane::Text);
                match delta {
                    isize::MIN => self.text.top = 0,
                    isize::MAX => self.text.top = usize::MAX,
                    d => self.text.scroll(d, height),
                }
                self.text.clamp(height);
            }
            // The views move in `update_view`.
            Mode::View(_) => {}
            Mode::Browse => {
                let page = self.page() as isize;
                let Some(list) = self.list_mut(self.focus) else {
                    return;
                };
                match delta {
                    isize::MIN => list.first(),
                    isize::MAX => list.last(),
                    d if d.abs() >= page.max(2) / 2 && d.abs() > 1 => list.move_rows(d),
                    d => list.move_by(d),
                }
            }
        }
    }

    fn enter_links(&mut self) {
        if self.focus == Pane::Text {
            if self.text.current.is_none()
                && let Some(p) = self.text.step_passage(1)
            {
                let h = self.screen().inner_height(Pane::Text);
                self.text.show_passage(p, h);
            }
            match self.text.current {
                Some(_) => {
                    self.mode = Mode::Links;
                    self.text.link = 0;
                }
                None => self.message = Some("the text has no quoted passages".into()),
            }
            return;
        }
        if self.selected_item().is_none() {
            self.message = Some(format!("{} is empty", self.focus.title()));
        } else if self.detail_link_count() == 0 {
            self.message = Some("this item has no links".into());
        } else {
            self.mode = Mode::Links;
            self.link = 0;
        }
    }

    fn follow_link(&mut self) {
        let target = if self.focus == Pane::Text {
            self.text
                .current
                .and_then(|p| self.text.quoting(p).get(self.text.link).copied())
        } else {
            self.detail_link(self.link).map(|l| l.other)
        };
        if let Some(item) = target {
            self.navigate(item);
        }
    }

    /// Goes to `item` in its pane and records the move in history.
    pub fn navigate(&mut self, item: usize) {
        let pane = Pane::of_kind(self.model.item(item).kind);
        if let Some(here) = self.place() {
            self.history.push(here);
        }
        let place = Place { pane, item };
        self.go_to(place);
        self.history.push(place);
    }

    /// Shows `place` without touching history.
    fn go_to(&mut self, place: Place) {
        self.focus = place.pane;
        self.mode = Mode::Browse;
        self.link = 0;
        if place.pane == Pane::Text {
            self.open_text_at(place.item);
            return;
        }
        let mut found = self
            .list_mut(place.pane)
            .is_some_and(|l| l.select_item(place.item));
        // A claim inside a folded node: open the folds above it, as vim opens a fold to jump.
        if !found && place.pane == Pane::Argument && self.unfold_to(place.item) {
            found = self.lists[4].select_item(place.item);
        }
        if !found {
            let title = self.model.item(place.item).title.clone();
            // Folds open to a jump, so only a filter can hide the item.
            let filtered = self.list(place.pane).is_some_and(|l| l.filter.is_some());
            self.message = Some(format!(
                "\"{title}\" is not shown in {}{}",
                place.pane.title(),
                if filtered {
                    " (hidden by the filter: Esc clears it)"
                } else {
                    ""
                }
            ));
        }
    }

    fn open_text_at(&mut self, item: usize) {
        self.text.item = Some(item);
        let height = self.screen().inner_height(Pane::Text);
        match self.text.passage_of(&self.model, item) {
            Some(p) => self.text.show_passage(p, height),
            None => self.message = Some("this item has no quote in the text".into()),
        }
    }

    fn show_in_text(&mut self) {
        let Some(item) = self.selected_item() else {
            self.message = Some("no item selected".into());
            return;
        };
        if let Some(here) = self.place() {
            self.history.push(here);
        }
        let place = Place {
            pane: Pane::Text,
            item,
        };
        self.go_to(place);
        self.history.push(place);
    }

    fn toggle_order(&mut self) {
        self.chronological = !self.chronological;
        let selected = self.lists[0].selected_item();
        let filter = self.lists[0].filter.clone();
        self.lists[0] = lists::timeline(&self.model, self.chronological);
        if let Some(q) = filter {
            let matching = self.model.search.items(&self.model.doc, &q);
            self.lists[0].set_filter(&q, Some(&matching));
        }
        if self
            .search
            .as_ref()
            .is_some_and(|s| s.pane == Pane::Timeline)
        {
            self.search = None;
        }
        if let Some(item) = selected {
            self.lists[0].select_item(item);
        }
        let order = if self.chronological {
            "chronological"
        } else {
            "article"
        };
        self.message = Some(format!("Timeline in {order} order"));
    }

    fn copy(&mut self) {
        let Some(item) = self.selected_item() else {
            self.message = Some("no item selected".into());
            return;
        };
        let it = self.model.item(item);
        let doc = &self.model.doc.document;
        let mut text: String = it
            .quotes
            .iter()
            .map(|q| {
                format!(
                    "“{}”\n",
                    q.exact.split_whitespace().collect::<Vec<_>>().join(" ")
                )
            })
            .collect();
        let mut cite = format!("— {}, in “{}”", it.title, doc.title);
        for extra in [&doc.source, &doc.published, &doc.url]
            .into_iter()
            .flatten()
        {
            cite.push_str(", ");
            cite.push_str(extra);
        }
        text.push_str(&cite);
        let n = it.quotes.len();
        self.message = Some(format!(
            "copied {n} quote{} with a citation",
            if n == 1 { "" } else { "s" }
        ));
        self.effects.push(Effect::Copy(text));
    }

    /// `O`: asks the event loop to open the document's url; it reports how that went.
    fn open_source(&mut self) {
        match &self.model.doc.document.url {
            Some(url) => {
                self.message = Some(format!("opening {url}"));
                self.effects.push(Effect::Open(url.clone()));
            }
            None => self.message = Some("this document has no url to open".into()),
        }
    }

    fn step_passage(&mut self, dir: isize) {
        let height = self.screen().inner_height(Pane::Text);
        match self.text.step_passage(dir) {
            Some(p) => self.text.show_passage(p, height),
            None => {
                self.message = Some(
                    if dir > 0 {
                        "no quoted passage below"
                    } else {
                        "no quoted passage above"
                    }
                    .into(),
                )
            }
        }
    }

    fn click(&mut self, x: u16, y: u16) {
        let screen = self.screen();
        let hit =
            |r: ratatui::layout::Rect| x >= r.x && x < r.right() && y >= r.y && y < r.bottom();
        if let Some(tabs) = screen.tabs.filter(|&r| hit(r)) {
            if let Some((pane, _)) = layout::tabs(tabs.width)
                .into_iter()
                .find(|(_, span)| span.contains(&(x - tabs.x)))
            {
                self.focus_pane(pane);
            }
            return;
        }
        if let Some(&(pane, rect)) = screen.panes.iter().find(|(_, r)| hit(*r)) {
            self.focus_pane(pane);
            if let Some(list) = self.list_mut(pane)
                && y > rect.y
            {
                let row = list.offset + (y - rect.y - 1) as usize;
                if list.rows.get(row).is_some_and(|r| r.item().is_some()) {
                    list.selected = row;
                }
            }
            return;
        }
        if let Some(side) = screen.side.filter(|&r| hit(r))
            && self.focus != Pane::Text
            && y > side.y
        {
            let Some(item) = self.selected_item() else {
                return;
            };
            let shown = self.detail_layout(
                item,
                side.width.saturating_sub(2),
                side.height.saturating_sub(2),
            );
            let row = shown.scroll + (y - side.y - 1) as usize;
            if let Some(Part::Link(n)) = shown.rows.get(row).map(|r| shown.blocks[r.block].part) {
                self.link = n;
                self.follow_link();
            }
        }
    }

    /// The detail of `item` laid out in an area of `width`×`height`: its blocks, with as many of
    /// its links as can show (a hub has thousands, and this runs on every frame), their rows, and
    /// the first row on screen (the top, unless the selected link would be below it).
    pub fn detail_layout(&self, item: usize, width: u16, height: u16) -> DetailLayout {
        let (width, height) = (width as usize, height as usize);
        let ascii = self.options.ascii;
        let mut blocks = detail::head(&self.model, item, ascii);
        let mut rows = detail::rows(&blocks, width);
        // Each link takes a row at least, after a heading. Unscrolled, those past the screen's
        // bottom cannot show; scrolled, the screen ends a row past the selected link.
        let links = detail::first_links(
            &self.model,
            item,
            (self.link + 2).max(height.saturating_sub(rows.len())),
        );
        let from = blocks.len();
        detail::push_links(&mut blocks, &self.model, item, &links, ascii);
        detail::extend_rows(&mut rows, &blocks, from, width);
        let scroll = if self.mode == Mode::Links {
            let first = detail::link_row(&blocks, &rows, self.link).unwrap_or(0);
            // The whole link (it may wrap) and, when there is room, the line after it.
            let last = rows
                .iter()
                .rposition(|r| blocks[r.block].part == Part::Link(self.link))
                .unwrap_or(first);
            (last + 2).saturating_sub(height.max(1)).min(first)
        } else {
            0
        };
        DetailLayout {
            blocks,
            rows,
            scroll,
        }
    }

    fn wheel(&mut self, x: u16, y: u16, delta: isize) {
        let screen = self.screen();
        if matches!(self.mode, Mode::Help { .. }) {
            self.step(delta);
            return;
        }
        if let Some(&(pane, _)) = screen
            .panes
            .iter()
            .find(|(_, r)| x >= r.x && x < r.right() && y >= r.y && y < r.bottom())
        {
            self.focus_pane(pane);
            self.step(delta);
        }
    }

    /// Keeps every visible list's selection on screen.
    fn keep_in_view(&mut self) {
        let screen: Screen = self.screen();
        for (pane, rect) in &screen.panes {
            let height = rect.height.saturating_sub(2) as usize;
            if let Some(list) = self.list_mut(*pane) {
                list.scroll_into_view(height);
            } else {
                self.text.clamp(height);
            }
        }
    }
}

/// `at` moved by `delta` within `0..count`; the extremes of `isize` go to the ends.
pub(super) fn clamp_step(at: usize, delta: isize, count: usize) -> usize {
    if count == 0 {
        return 0;
    }
    (at as isize)
        .saturating_add(delta)
        .clamp(0, count as isize - 1) as usize
}
