//! The annotation flows, from the key to the change: `a` (a form for a new item quoting the
//! selection), `A` (the palette picks the item the selection becomes a quote of), `L` (the
//! palette picks the target, then the link's form), `E` (the form of the item, or of the link
//! in the detail's links), `D` (a confirmation before an item goes; a link or a quote goes at
//! once, and `u` brings it back). A paste goes into the form or the prompt on top.

use super::confirm::ConfirmView;
use super::{Change, FormView, quote_for};
use crate::app::{Action, App, Mode, Pane};
use crate::model::{Kind, KindFields, Quote};
use crate::views::Layer;
use crate::views::palette::{PaletteView, Pick};

/// Says `done` in place of the engine's account of the change, keeping its tail (whether and
/// where it is saved: "— not saved", "— saving…").
pub fn say(app: &mut App, done: String) {
    let done = crate::model::sanitize::line(&done).into_owned();
    app.name_last_change(&done);
    app.message = Some(match app.message.take() {
        Some(engine) => match engine.rsplit_once(" — ") {
            Some((_, tail)) => format!("{done} — {tail}"),
            None => engine,
        },
        None => done,
    });
}

/// An item as messages name it: its title, quoted and cut.
pub fn named(app: &App, i: usize) -> String {
    format!(
        "“{}”",
        crate::ui::fit(&app.model.item(i).title, 40, app.glyphs.ellipsis)
    )
}

/// A link as messages say it: `“source” supports “target”`, by the relation's label.
pub fn link_words(app: &App, source: usize, link: &crate::model::Link) -> String {
    let rel = app
        .model
        .doc
        .relations
        .iter()
        .find(|r| r.id == link.rel)
        .map_or(link.rel.as_str(), |r| r.label.as_str());
    let target = app
        .model
        .index
        .get(&link.to)
        .map_or_else(|| link.to.to_string(), |t| named(app, t));
    format!("{} {rel} {target}", named(app, source))
}

impl App {
    /// The annotation actions of the panes (`a`, `A`, `L`, `E`, `D`, and `E`, `D` in the links).
    pub(crate) fn annotate(&mut self, action: Action) {
        match action {
            Action::AddItem => {
                if let Some(quote) = self.selection_quote() {
                    // A claim, whatever pane came before: the same keys make the same item.
                    self.open(Layer::Form(FormView::new_item(quote, Kind::Claim)));
                }
            }
            Action::AddQuote => {
                if let Some(quote) = self.selection_quote() {
                    let palette = PaletteView::picking(self, Pick::Quote(quote));
                    self.open(Layer::Palette(palette));
                }
            }
            Action::LinkItem => match self.selected_item() {
                Some(source) => {
                    let palette = PaletteView::picking(self, Pick::LinkFrom(source));
                    self.open(Layer::Palette(palette));
                }
                None => self.no_item(),
            },
            Action::EditItem => match self.selected_item() {
                Some(item) => {
                    let form = FormView::edit_item(self, item);
                    self.open(Layer::Form(form));
                }
                None => self.no_item(),
            },
            Action::DeleteItem => match self.selected_item() {
                Some(item) => {
                    let confirm = ConfirmView::delete(self, item);
                    self.open(Layer::Confirm(confirm));
                }
                None => self.no_item(),
            },
            Action::EditLink if self.focus == Pane::Text => self.annotate(Action::EditItem),
            Action::EditLink => match self.link_source() {
                Some((source, link)) => match FormView::edit_link(self, source, link) {
                    Some(form) => self.open(Layer::Form(form)),
                    None => self.message = Some("the link names an unknown relation".into()),
                },
                None => self.message = Some("no link selected".into()),
            },
            Action::RemoveLink if self.focus == Pane::Text => self.remove_quote(),
            Action::RemoveLink => self.remove_link(),
            _ => {}
        }
    }

    /// The Text pane's selection as a quote (with a prefix and suffix when the passage occurs
    /// more than once), or `None` having said how to make one.
    fn selection_quote(&mut self) -> Option<Quote> {
        match self.text_selection() {
            Some(range) if !range.is_empty() => {
                Some(quote_for(&self.model.doc.document.text, range))
            }
            _ => {
                self.message = Some(
                    "no selection: v starts one at the cursor, w b ) ( extend it, then a or A"
                        .into(),
                );
                None
            }
        }
    }

    /// The selected link of the detail, as its source item and its place among the source's
    /// links (an incoming link belongs to the other item).
    fn link_source(&self) -> Option<(usize, usize)> {
        if self.mode != Mode::Links {
            return None;
        }
        let link = self.detail_link(self.link)?;
        let source = if link.outgoing {
            self.selected_item()?
        } else {
            link.other
        };
        Some((source, link.link))
    }

    /// `D` on a link in the detail's links: the link goes (from whichever end it belongs to).
    fn remove_link(&mut self) {
        let Some((source, link)) = self.link_source() else {
            self.message = Some("no link selected".into());
            return;
        };
        let mut item = self.model.item(source).clone();
        if link >= item.links.len() {
            return;
        }
        let gone = item.links.remove(link);
        let what = format!("removed the link {}", link_words(self, source, &gone));
        self.message = None;
        match self.change(Change::EditItem {
            index: source,
            item,
        }) {
            Ok(()) => {
                let count = self.detail_link_count();
                self.link = self.link.min(count.saturating_sub(1));
                if count == 0 {
                    self.mode = Mode::Browse;
                }
                say(self, what);
            }
            Err(why) => self.message = Some(format!("the link stays: {why}")),
        }
    }

    /// `D` in the Text pane's "Quoted by": the selected item's quote of the current passage
    /// goes. An item keeps one quote at least (an unstated claim excepted): the format anchors
    /// every item in the text.
    fn remove_quote(&mut self) {
        let (Some(item), Some(p)) = (self.text.quoting_selected(), self.text.current) else {
            self.message = Some("no item selected in \"Quoted by\"".into());
            return;
        };
        let Some(span) = self.text.passages.get(p).map(|p| p.span.clone()) else {
            return;
        };
        let Some(at) = self
            .model
            .spans
            .get(item)
            .and_then(|spans| spans.iter().position(|s| *s == span))
        else {
            return;
        };
        let it = self.model.item(item);
        let unstated = matches!(it.fields, KindFields::Claim { unstated: true, .. });
        if it.quotes.len() <= 1 && !unstated {
            self.message = Some(format!(
                "{} keeps its one quote: an item is anchored in the text (D in its pane deletes it)",
                it.id
            ));
            return;
        }
        let mut changed = it.clone();
        if at >= changed.quotes.len() {
            return;
        }
        changed.quotes.remove(at);
        let what = format!("removed a quote of {}", named(self, item));
        self.message = None;
        match self.change(Change::EditItem {
            index: item,
            item: changed,
        }) {
            Ok(()) => say(self, what),
            Err(why) => self.message = Some(format!("the quote stays: {why}")),
        }
    }

    /// A paste (bracketed, so the terminal hands it over whole): into the form's field or the
    /// prompt, as typed text, a line (newlines become spaces); it never saves nor accepts.
    pub fn handle_paste(&mut self, text: &str) {
        if let Some(Layer::Form(_)) = self.top()
            && let Some(Layer::Form(mut form)) = self.layers.pop()
        {
            form.paste(self, text);
            self.layers.push(Layer::Form(form));
            return;
        }
        let typing = matches!(self.mode, Mode::Prompt(_)) && self.top().is_none()
            || matches!(self.top(), Some(Layer::Palette(_)));
        if !typing {
            self.message = Some("a paste goes into a form or a prompt".into());
            return;
        }
        let mut last_space = false;
        // A query is short: past its cap every character would be refused, so a book pasted
        // stops there rather than being offered a character at a time.
        let mut offered = 0;
        for c in text.chars() {
            let c = if c.is_whitespace() { ' ' } else { c };
            if (c == ' ' && last_space) || c.is_control() {
                continue;
            }
            last_space = c == ' ';
            self.update(Action::PromptInsert(c));
            offered += c.len_utf8();
            if offered > crate::app::input::LineInput::MAX_BYTES {
                break;
            }
        }
    }
}

/// The palette picked `item` for `pick`: a quote is added to it, or the link's form opens.
pub fn picked(app: &mut App, pick: &Pick, item: usize) -> Option<Layer> {
    match pick {
        Pick::Quote(quote) => {
            let mut changed = app.model.item(item).clone();
            if changed.quotes.contains(quote) {
                app.message = Some(format!("{} quotes this passage already", named(app, item)));
                return None;
            }
            changed.quotes.push(quote.clone());
            let what = format!("added a quote to {}", named(app, item));
            app.message = None;
            match app.change(Change::EditItem {
                index: item,
                item: changed,
            }) {
                Ok(()) => {
                    app.text.selection = None;
                    say(app, what);
                }
                Err(why) => app.message = Some(format!("not added: {why}")),
            }
            None
        }
        Pick::LinkFrom(source) if *source == item => {
            app.message = Some("an item does not link to itself: pick another".into());
            None
        }
        Pick::LinkFrom(source) => Some(Layer::Form(FormView::new_link(app, *source, item))),
    }
}
