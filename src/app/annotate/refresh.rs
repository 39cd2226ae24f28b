//! The screen after a change made in place: only the lists the changed item is in and, when its
//! quotes changed, the Text pane's passages are built again, the reader kept on their items.

use crate::app::App;
use crate::model::Item;

impl App {
    /// After an item was added or taken off in place: the lists that show its kind and the Text
    /// pane's passages are built again, the reader kept on the same items; nothing else moved.
    /// `gone` is the position of an item taken off, which nothing may point at any more.
    /// `quotes`: whether the item's quotes changed (else the Text pane's passages stand);
    /// `argued`: whether the item is in the argument, before or after (else the Argument pane,
    /// ~15 ms at 100,000 items, stands).
    pub(super) fn refresh_in_place(
        &mut self,
        kinds: &[crate::model::Kind],
        gone: Option<usize>,
        quotes: bool,
        argued: bool,
    ) {
        use crate::app::Pane;
        let mut panes: Vec<Pane> = kinds.iter().map(|&k| Pane::of_kind(k)).collect();
        // The Argument pane is a tree of claims through supports and opposes links, which any
        // item may make (the property test found an event's).
        if argued {
            panes.push(Pane::Argument);
        }
        panes.sort_by_key(|p| p.number());
        panes.dedup();
        if let Some(g) = gone {
            self.collapsed.remove(&g);
            if self.memory.mark == Some(g) {
                self.memory.mark = None;
            }
            if self.text.item == Some(g) {
                self.text.item = None;
            }
            // Views may hold the item: they close, as on a reload.
            self.layers.clear();
            self.history
                .remap(|p| (p.item != Some(g) && p.text_item != Some(g)).then_some(p));
        }
        for pane in panes {
            let fresh = match pane {
                Pane::Timeline => crate::panes::lists::timeline(&self.model, self.chronological),
                Pane::Actors => crate::panes::lists::actors(&self.model),
                Pane::Argument => crate::panes::lists::argument(&self.model, &self.collapsed),
                Pane::Text => continue,
                other => crate::panes::lists::in_order(&self.model, kind_of(other)),
            };
            let Some(list) = self.lists.get_mut(pane) else {
                continue;
            };
            let (item, row, offset) = (list.selected_item(), list.selected, list.offset);
            let filter = list.filter.clone();
            *list = fresh;
            // A filter stays, over the changed items (a new item shows if it matches).
            if let Some(q) = filter {
                let matching = self.model.search.items(&self.model.doc, &q);
                list.set_filter(&q, Some(&matching));
            }
            list.offset = offset;
            let kept = item
                .filter(|&i| Some(i) != gone)
                .is_some_and(|i| list.select_item(i));
            if !kept {
                list.selected = row.min(list.rows.len().saturating_sub(1));
                list.move_rows(0);
            }
        }
        if quotes {
            let old = std::mem::take(&mut self.text);
            self.text = crate::panes::text::TextPane::new(&self.model);
            self.text.lines = old.lines;
            self.text.width = old.width;
            self.text.top = old.top;
            self.text.item = old.item;
            // The text is the same: the cursor and a selection stand where they were.
            self.text.cursor = old.cursor;
            self.text.selection = old.selection;
            // Passages are numbered by place in the text, so a passage added or gone before
            // one renumbers it: the current passage, and those history holds, are found again
            // by their span.
            let text = &self.text;
            let renumber = |p: usize| {
                old.passages
                    .get(p)
                    .and_then(|o| text.passage_at(o.span.clone()))
            };
            let current = old.current.and_then(renumber);
            self.history.remap(|mut place| {
                place.passage = place.passage.and_then(renumber);
                Some(place)
            });
            self.text.current = current;
        }
        self.search = None;
        self.link = 0;
    }

    /// Whether `item` is in the Argument pane's tree: a claim, or an item with a supports or
    /// opposes link.
    pub(super) fn argued(&self, item: &Item) -> bool {
        let rels = self.model.doc.argument_relations();
        let argument = |rel: &str| {
            [rels.supports, rels.opposes]
                .into_iter()
                .flatten()
                .any(|r| self.model.doc.relations[r].id == rel)
        };
        item.kind == crate::model::Kind::Claim || item.links.iter().any(|l| argument(&l.rel))
    }
}

/// The kind a list pane of one kind shows.
fn kind_of(pane: crate::app::Pane) -> crate::model::Kind {
    use crate::model::Kind;
    match pane {
        crate::app::Pane::Timeline => Kind::Event,
        crate::app::Pane::Actors => Kind::Actor,
        crate::app::Pane::Provisions => Kind::Provision,
        crate::app::Pane::Recommendations => Kind::Recommendation,
        crate::app::Pane::Argument | crate::app::Pane::Text => Kind::Claim,
    }
}
