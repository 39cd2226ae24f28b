//! `App::update`: every action's effect on the state. No I/O happens here. The view or overlay
//! on top gets each action first (see `crate::views`); the panes get what it leaves.

use super::search::PromptKind;
use super::{Action, App, Effect, Mode, Pane, Place};
use super::{cursor, layout};
use crate::panes::text::selection::Motion;
use crate::panes::{lists, text};
use crate::views::{self, Layer};

impl App {
    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        let before = self.message.clone();
        if action != Action::Quit {
            self.edits.quit_asked = false;
        }
        self.act(action);
        // The built-in map's first change asks for a file once the form that made it is gone.
        self.ask_for_file_if_due();
        // A new message goes to the log too, where it can be read whole.
        if self.message != before
            && let Some(m) = self.message.clone()
        {
            self.push_log(m);
        }
    }

    /// Puts the status line's message in the log unless the log ends with it already: for the
    /// messages set outside `update`, by the event loop (a save's outcome, a conflict, a reload,
    /// the editor), which calls this before each frame.
    pub fn log_message(&mut self) {
        if let Some(m) = &self.message
            && self.log.back() != Some(m)
        {
            self.push_log(m.clone());
        }
    }

    fn push_log(&mut self, message: String) {
        self.log.push_back(message);
        self.logged += 1;
        if self.log.len() > Self::LOG_LIMIT {
            self.log.pop_front();
        }
    }

    fn act(&mut self, action: Action) {
        if !self.update_layers(action) {
            match views::open(self, action) {
                Some(opened) => {
                    if let Some(layer) = opened {
                        self.open(layer);
                    }
                }
                None => self.update_panes(action),
            }
        }
        self.keep_in_view();
        if self.focus != Pane::Text
            && self.top().is_none()
            && let Some(item) = self.selected_item()
        {
            self.memory.last_listed = Some(item);
        }
    }

    /// Hands `action` to the view or overlay on top; false when there is none or it left the
    /// action to the panes.
    fn update_layers(&mut self, action: Action) -> bool {
        // Quitting, suspending and resizing are the application's, whatever is on top; but a
        // form with something typed in it asks before quitting throws that away.
        let dirty_form = matches!(self.top(), Some(Layer::Form(f)) if f.dirty);
        if matches!(action, Action::Suspend | Action::Resize(..))
            || (action == Action::Quit && !dirty_form)
        {
            return false;
        }
        let Some(mut layer) = self.layers.pop() else {
            return false;
        };
        self.jumped_from = None;
        let outcome = layer.update(self, action);
        let jumped = self.jumped_from.take();
        if let Some(left) = jumped
            && !layer.is_overlay()
            && let Some(mut place) = self.history.get(left).cloned()
        {
            // The place the jump left had this view on top, as it was when it acted.
            place.layers.push(layer.clone());
            self.history.set(left, place);
        }
        match outcome {
            views::Outcome::Keep => self.layers.push(layer),
            views::Outcome::Close => {}
            views::Outcome::Replace(next) => self.layers.push(next),
            views::Outcome::Push(next) => {
                self.layers.push(layer);
                self.layers.push(next);
            }
            views::Outcome::Unhandled => {
                self.layers.push(layer);
                return false;
            }
        }
        if jumped.is_some() {
            // Where the jump landed, with the view it opened (a map re-centred).
            let here = self.place();
            self.history.set(self.history.cursor(), here);
        }
        true
    }

    /// Puts a view or overlay on top.
    pub fn open(&mut self, layer: Layer) {
        self.layers.push(layer);
    }

    /// The actions of the panes.
    fn update_panes(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit_or_ask(),
            Action::Escape => self.escape(),
            Action::StartSearch => self.open_prompt(PromptKind::Search),
            Action::StartFilter => self.open_prompt(PromptKind::Filter),
            Action::NextMatch => self.next_match(true),
            Action::PrevMatch => self.next_match(false),
            a if a.is_line_edit() => self.prompt_edit(action),
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
            Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::First
            | Action::Last => {
                let height = self.screen().inner_height(self.focus);
                if let Some(delta) = cursor::delta(action, height) {
                    self.step(delta);
                }
            }
            Action::IntoLinks => self.enter_links(),
            Action::OutOfLinks => self.mode = Mode::Browse,
            Action::FollowLink => self.follow_link(),
            Action::Back => {
                if self.history.current().is_some() {
                    // The page being left, as it is now: `]` comes back to it.
                    let here = self.place();
                    self.history.push(here);
                }
                match self.history.back() {
                    Some(place) => self.go_to(place),
                    None => self.message = Some("at the start of history".into()),
                }
            }
            Action::Forward => {
                let here = self.place();
                self.history.update_current(here);
                match self.history.forward() {
                    Some(place) => self.go_to(place),
                    None => self.message = Some("at the end of history".into()),
                }
            }
            Action::ShowInText => self.show_in_text(),
            Action::ToggleOrder => self.toggle_order(),
            Action::Copy => self.copy(),
            Action::DetailLineDown => self.detail_scroll(1),
            Action::DetailLineUp => self.detail_scroll(-1),
            Action::DetailPageDown => self.detail_scroll(isize::MAX),
            Action::DetailPageUp => self.detail_scroll(isize::MIN),
            Action::OpenSource => self.open_source(),
            Action::EditExternally => self.edit_externally(),
            Action::NextPassage => self.step_passage(1),
            Action::PrevPassage => self.step_passage(-1),
            Action::NextWord => self.text_motion(Motion::NextWord),
            Action::PrevWord => self.text_motion(Motion::PrevWord),
            Action::NextSentence => self.text_motion(Motion::NextSentence),
            Action::PrevSentence => self.text_motion(Motion::PrevSentence),
            Action::LineStart => self.text_motion(Motion::LineStart),
            Action::LineEnd => self.text_motion(Motion::LineEnd),
            Action::ToggleSelection => self.text_toggle_selection(),
            Action::Drag(x, y) => self.text_drag(x, y),
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::Resize(w, h) => {
                self.size = ratatui::layout::Rect::new(0, 0, w, h);
                let width = text::wrap_width(&layout::screen(self.size, Pane::Text, false));
                self.text.set_width(&self.model.doc.document.text, width);
                self.text.follow = true;
            }
            Action::Click(x, y) => self.click(x, y),
            Action::WheelDown(x, y) => self.wheel(x, y, 3),
            Action::WheelUp(x, y) => self.wheel(x, y, -3),
            Action::ToggleFold => self.toggle_fold(),
            Action::FoldAll => self.fold_all(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::SaveAs => self.open_prompt(PromptKind::SaveAs),
            Action::ReloadKeepingCopy => self.reload_keeping_copy(),
            Action::AddItem
            | Action::AddQuote
            | Action::LinkItem
            | Action::EditItem
            | Action::DeleteItem
            | Action::EditLink
            | Action::RemoveLink => self.annotate(action),
            // The views' openers are the registry's (`views::open`), and their own actions
            // (Left, Open…) mean nothing in the panes.
            _ => {}
        }
    }

    /// `Esc`: out of the overlay or the links; in a pane, clears the search, then the filter.
    fn escape(&mut self) {
        if self.mode != Mode::Browse {
            self.mode = Mode::Browse;
        } else if self.text_end_selection() {
            // The selection first: the search it may have come from stays for `n`.
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
        self.layers.clear();
    }

    /// Moves by `delta` in whatever has the focus; `isize::MIN`/`MAX` go to the ends.
    fn step(&mut self, delta: isize) {
        match (&self.mode, self.focus) {
            (Mode::Prompt(_), _) => {}
            (Mode::Links, Pane::Text) => self.text_step_link(delta),
            (Mode::Links, _) => self.detail_step_link(delta),
            (Mode::Browse, Pane::Text) => self.text_scroll(delta),
            (Mode::Browse, pane) => {
                let page = (self.screen().inner_height(pane) as isize - 1).max(1);
                if let Some(list) = self.list_mut(pane) {
                    list.step(delta, page);
                }
            }
        }
    }

    /// Into the detail's links, or the Text pane's "quoted by" list.
    fn enter_links(&mut self) {
        if self.focus == Pane::Text {
            self.text_enter_links();
        } else {
            self.detail_enter_links();
        }
    }

    /// Follows the selected link (or the item quoting the passage) to its item.
    pub(crate) fn follow_link(&mut self) {
        let target = if self.focus == Pane::Text {
            self.text.quoting_selected()
        } else {
            self.detail_link(self.link).map(|l| l.other)
        };
        if let Some(item) = target {
            self.navigate(item);
        }
    }

    /// Goes to `item` in its pane and records the move in history. A jump that cannot land
    /// changes nothing and says why; false then.
    pub fn navigate(&mut self, item: usize) -> bool {
        let pane = Pane::of_kind(self.model.item(item).kind);
        self.jump(pane, item)
    }

    /// Goes to `item` in `pane` (its own, or the Text pane), into history: the place left, then
    /// the place reached, once each.
    fn jump(&mut self, pane: Pane, item: usize) -> bool {
        if let Err(why) = self.can_show(pane, item) {
            self.message = Some(why);
            return false;
        }
        let here = self.place();
        let left = self.history.push(here);
        self.show(pane, item);
        let there = self.place();
        self.history.push(there);
        self.jumped_from = Some(left);
        true
    }

    /// Whether a jump to `item` in `pane` can land, or why not.
    fn can_show(&self, pane: Pane, item: usize) -> Result<(), String> {
        let title = crate::ui::fit(&self.model.item(item).title, 40, self.glyphs.ellipsis);
        if pane == Pane::Text {
            return match self.text.passage_of(&self.model, item) {
                Some(_) => Ok(()),
                None => Err(format!("no quote in the text: {title}")),
            };
        }
        let Some(list) = self.list(pane) else {
            return Ok(());
        };
        if list.rows.iter().any(|r| r.item() == Some(item)) {
            return Ok(());
        }
        match &list.filter {
            // Folds open to a jump, so only a filter can hide the item.
            // The reason first: at 80 columns a long title is what gets cut.
            Some(_) => Err(format!("hidden by the filter in {}: {title}", pane.title())),
            None if pane == Pane::Argument => Ok(()),
            None => Err(format!("not shown in {}: {title}", pane.title())),
        }
    }

    /// Shows `item` in `pane` without touching history (a jump's landing).
    fn show(&mut self, pane: Pane, item: usize) {
        self.focus = pane;
        self.mode = Mode::Browse;
        self.layers.clear();
        self.link = 0;
        if pane == Pane::Text {
            self.open_text_at(item);
        } else {
            let found = self.list_mut(pane).is_some_and(|l| l.select_item(item));
            // A claim inside a folded node: open the folds above it, as vim opens a fold to jump.
            if !found && pane == Pane::Argument && self.unfold_to(item) {
                self.lists.argument.select_item(item);
            }
        }
        self.detail = crate::panes::detail::DetailScroll {
            item: self.selected_item(),
            ..Default::default()
        };
    }

    /// Puts the screen back at `place` (back and forward), without touching history.
    pub(crate) fn go_to(&mut self, place: Place) {
        self.focus = place.pane;
        self.layers = place.layers;
        self.mode = if place.links {
            Mode::Links
        } else {
            Mode::Browse
        };
        self.link = place.link;
        if let Some(collapsed) = place.collapsed
            && collapsed != self.collapsed
        {
            self.collapsed = collapsed;
            self.rebuild_argument();
        }
        self.text.top = place.text_top;
        self.text.current = place.passage;
        self.text.link = place.quoting;
        self.text.item = place.text_item;
        self.text.cursor = place.text_cursor;
        if place.pane == Pane::Text {
            self.text.panel_top = place.detail_top;
            self.text.panel_for = place.passage;
            self.text.panel_follow = false;
        }
        self.restore_list(place.pane, place.item, place.row, place.offset);
        for other in &place.others {
            self.restore_list(other.pane, other.item, other.row, other.offset);
        }
        if let Some(item) = place.item
            && self.selected_item() != Some(item)
        {
            let title = crate::ui::fit(&self.model.item(item).title, 40, self.glyphs.ellipsis);
            self.message = Some(format!(
                "no longer shown in {} (a filter hides it?): {title}",
                place.pane.title()
            ));
        }
        self.detail = crate::panes::detail::DetailScroll {
            item: self.selected_item(),
            top: place.detail_top,
            follow_link: false,
        };
    }

    /// Puts a list pane's selection and scroll back: the row when it still holds the item, else
    /// the item wherever it is now (opening folds above it).
    fn restore_list(&mut self, pane: Pane, item: Option<usize>, row: usize, offset: usize) {
        let Some(list) = self.list_mut(pane) else {
            return;
        };
        let at_row = list.rows.get(row).and_then(|r| r.item());
        if at_row.is_some() && at_row == item {
            list.selected = row;
        } else if let Some(item) = item {
            let found = list.select_item(item);
            if !found && pane == Pane::Argument && self.unfold_to(item) {
                self.lists.argument.select_item(item);
            }
        }
        if let Some(list) = self.list_mut(pane) {
            list.offset = offset;
        }
    }

    fn show_in_text(&mut self) {
        match self.selected_item() {
            Some(item) => {
                self.jump(Pane::Text, item);
            }
            None => self.no_item(),
        }
    }

    fn toggle_order(&mut self) {
        if self.focus != Pane::Timeline {
            self.message = Some("o orders the Timeline: press it there (1)".into());
            return;
        }
        self.chronological = !self.chronological;
        let timeline = &mut self.lists.timeline;
        let selected = timeline.selected_item();
        let filter = timeline.filter.clone();
        *timeline = lists::timeline(&self.model, self.chronological);
        if let Some(q) = filter {
            let matching = self.model.search.items(&self.model.doc, &q);
            self.lists.timeline.set_filter(&q, Some(&matching));
        }
        if self
            .search
            .as_ref()
            .is_some_and(|s| s.pane == Pane::Timeline)
        {
            self.search = None;
        }
        if let Some(item) = selected {
            self.lists.timeline.select_item(item);
        }
        let order = if self.chronological {
            "chronological"
        } else {
            "article"
        };
        self.message = Some(format!("Timeline in {order} order"));
    }

    /// `y`: what is selected. In the Text pane the selection as it is, else the passage with a
    /// citation; elsewhere (and in "Quoted by") the item's quotes.
    fn copy(&mut self) {
        let doc = &self.model.doc.document;
        let mut cite = format!("“{}”", doc.title);
        for extra in [&doc.source, &doc.published, &doc.url]
            .into_iter()
            .flatten()
        {
            cite.push_str(", ");
            cite.push_str(extra);
        }
        if self.focus == Pane::Text
            && self.mode != Mode::Links
            && let Some(range) = self.text_selection()
        {
            let text = doc.text[range].to_owned();
            let words = text.split_whitespace().count();
            self.copy_text(
                &text,
                format!(
                    "the selection ({words} word{})",
                    if words == 1 { "" } else { "s" }
                ),
            );
            return;
        }
        if self.focus == Pane::Text
            && self.mode != Mode::Links
            && let Some(p) = self.text.current
            && let Some(span) = self.text.passages.get(p).map(|p| p.span.clone())
        {
            let words = doc.text[span]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let text = format!("“{words}”\n— {cite}");
            self.copy_text(&text, format!("passage {} with a citation", p + 1));
            return;
        }
        let Some(item) = self.selected_item() else {
            self.no_item();
            return;
        };
        let it = self.model.item(item);
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
        text.push_str(&format!("— {}, in {cite}", it.title));
        let n = it.quotes.len();
        let what = format!("{n} quote{} with a citation", if n == 1 { "" } else { "s" });
        self.copy_text(&text, what);
    }

    /// `O`: asks the event loop to open the document's url; it reports how that went.
    /// `e`: asks the event loop to run the reader's editor on the file, at the selected item.
    fn edit_externally(&mut self) {
        let Some(item) = self.selected_item() else {
            self.message = Some("no item selected to edit".into());
            return;
        };
        if self.file.is_none() {
            self.message = Some(
                "no file to edit (the built-in map, standard input or render): for the built-in map, save a copy with `argscope export --format json -o map.json` and run `argscope map.json`".into(),
            );
            return;
        }
        self.effects.push(Effect::Edit(item));
    }

    fn open_source(&mut self) {
        match &self.model.doc.document.url {
            Some(url) => {
                self.message = Some(format!("opening {url}"));
                self.effects.push(Effect::Open(url.clone()));
            }
            None => self.message = Some("this document has no url to open".into()),
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
            if pane == Pane::Text {
                self.text_click(x, y, rect);
                return;
            }
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
            self.click_detail(y, side);
        }
    }

    fn wheel(&mut self, x: u16, y: u16, delta: isize) {
        let screen = self.screen();
        let hit =
            |r: ratatui::layout::Rect| x >= r.x && x < r.right() && y >= r.y && y < r.bottom();
        if screen.side.is_some_and(hit) {
            if self.focus == Pane::Text {
                self.panel_scroll(delta);
            } else {
                self.detail_scroll(delta);
            }
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

    /// Keeps every visible list's selection, and the cursor of the view on top, on screen: the
    /// one place scroll offsets are clamped, in the areas the next frame draws them in.
    fn keep_in_view(&mut self) {
        let screen = self.screen();
        for (pane, rect) in &screen.panes {
            let height = layout::inner(*rect).height as usize;
            if let Some(list) = self.list_mut(*pane) {
                list.scroll_into_view(height);
            } else {
                self.text.settle(&self.model.doc.document.text, height);
            }
        }
        self.settle_detail();
        self.settle_panel();
        if let Some(mut layer) = self.layers.pop() {
            layer.settle(self, layer.area(&screen));
            self.layers.push(layer);
        }
    }
}
