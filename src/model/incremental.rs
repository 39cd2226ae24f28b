//! Changing a loaded model one item at a time, without loading it again: a new last item (or an
//! item edited under the same id) is checked alone against the map (the same rules as a load: its fields, a unique id, links to
//! known items and relations, quotes that anchor in the text) and added to the link index, the
//! quote spans and the search index in place. What this cannot judge alone (a linked-argument
//! group, which spans items) is left to the caller's full reload: [`can_push_alone`].

use super::anchor::{Anchored, FoldedText, QuoteRef, anchor_one};
use super::index::LinkRef;
use super::problem::Problem;
use super::types::Item;
use super::{Model, validate};
use std::ops::Range;

/// Whether [`Model::push_item`] can judge `item` alone: a link in a group is judged with the
/// other links of its group, across items, so such an item goes through a full check.
pub fn can_push_alone(item: &Item) -> bool {
    item.links.iter().all(|l| l.group.is_none())
}

/// An item checked alone: its links resolved and its quotes' spans.
type Checked = (Vec<LinkRef>, Vec<Range<usize>>);

impl Model {
    /// Adds `item` after the last one, checked alone against the map. `Err` holds its errors,
    /// and the model is unchanged; an empty `Err` means the item alone could not be judged (a
    /// quote not found: the full check gives the closest passage, and finds a quote that differs
    /// only in Unicode normalization). The warnings of the map are not looked at again.
    pub fn push_item(&mut self, item: Item) -> Result<(), Vec<Problem>> {
        let i = self.doc.items.len();
        let duplicate = self
            .index
            .get(&item.id)
            .map(|first| duplicate_id(&item, i, first));
        let (links, spans) = self.check_alone(&item, i, duplicate)?;
        self.index.push_item(item.id.clone(), &links);
        self.spans.push(spans);
        self.search.push_item(&item);
        self.doc.items.push(item);
        Ok(())
    }

    /// Item `i` becomes `item`, which keeps its id, checked alone as [`Model::push_item`]
    /// checks; gives back the item it replaced. A new id goes through the full check (every
    /// link and comparison naming the old one is rewritten).
    pub fn replace_item(&mut self, i: usize, item: Item) -> Result<Item, Vec<Problem>> {
        if self.doc.items.get(i).is_none_or(|old| old.id != item.id) {
            return Err(Vec::new());
        }
        let (links, spans) = self.check_alone(&item, i, None)?;
        self.index.replace_links(i, &links);
        self.spans.replace(i, spans);
        self.search.replace_item(i, &item);
        Ok(std::mem::replace(&mut self.doc.items[i], item))
    }

    /// Removes the last item (the inverse of [`Model::push_item`]).
    pub fn pop_item(&mut self) -> Option<Item> {
        let item = self.doc.items.pop()?;
        self.index.pop_item(&item.id);
        self.spans.pop();
        self.search.pop_item();
        Some(item)
    }

    /// Checks `item`, to be item `i`, alone against the map: its fields, its links (known
    /// relations and targets, no argument resting on itself) and its quotes. Gives its links
    /// resolved and its quotes' spans; `Err` as [`Model::push_item`] says.
    fn check_alone(
        &self,
        item: &Item,
        i: usize,
        duplicate: Option<Problem>,
    ) -> Result<Checked, Vec<Problem>> {
        let at = |field: String| format!("items[{i}]{field}");
        let mut errors: Vec<Problem> = validate::check_item(item, i)
            .into_iter()
            .filter(Problem::is_error)
            .collect();
        errors.extend(duplicate);
        let id = Some(item.id.as_str());
        let argument = self.doc.argument_relations();
        let mut links = Vec::with_capacity(item.links.len());
        for (k, link) in item.links.iter().enumerate() {
            let rel = self.doc.relations.iter().position(|r| r.id == link.rel);
            let to = if link.to == item.id {
                Some(i)
            } else {
                self.index.get(&link.to)
            };
            if rel.is_none() {
                errors.push(
                    Problem::error(
                        at(format!(".links[{k}].rel")),
                        format!("unknown relation \"{}\"", super::problem::short(&link.rel)),
                    )
                    .in_item(id),
                );
            }
            if to.is_none() {
                errors.push(
                    Problem::error(
                        at(format!(".links[{k}].to")),
                        format!("unknown id \"{}\"", super::problem::short(&link.to)),
                    )
                    .in_item(id),
                );
            }
            if let (Some(rel), Some(to)) = (rel, to) {
                if to == i && (Some(rel) == argument.supports || Some(rel) == argument.opposes) {
                    errors.push(
                        Problem::error(
                            at(format!(".links[{k}].to")),
                            format!(
                                "the item {} itself: an argument cannot rest on itself",
                                link.rel
                            ),
                        )
                        .in_item(id),
                    );
                }
                links.push(LinkRef {
                    rel,
                    other: to,
                    link: k,
                });
            }
        }
        let mut undecided = false;
        let spans = match self.anchor(item) {
            Ok(spans) => spans,
            Err(problems) if problems.is_empty() => {
                undecided = true;
                Vec::new()
            }
            Err(mut problems) => {
                for p in &mut problems {
                    p.path = at(std::mem::take(&mut p.path));
                }
                errors.extend(problems.into_iter().map(|p| p.in_item(id)));
                Vec::new()
            }
        };
        if !errors.is_empty() || undecided {
            return Err(errors);
        }
        Ok((links, spans))
    }

    /// The item's quotes anchored in the text, read from the fold search keeps; `Err` says which
    /// do not anchor (paths relative to the item).
    fn anchor(&self, item: &Item) -> Result<Vec<Range<usize>>, Vec<Problem>> {
        if item.quotes.is_empty() {
            return Ok(Vec::new());
        }
        let original = self.doc.document.text.as_str();
        let text = match self.search.loose_text() {
            Some((folded, map)) => FoldedText::folded_already(original, folded, map),
            None => FoldedText::new(original),
        };
        let mut spans = Vec::new();
        let mut problems = Vec::new();
        for (j, q) in item.quotes.iter().enumerate() {
            let quote = QuoteRef {
                exact: &q.exact,
                prefix: q.prefix.as_deref(),
                suffix: q.suffix.as_deref(),
            };
            let result = anchor_one(&text, &quote);
            let path = format!(".quotes[{j}]");
            match result {
                Anchored::Found { span, .. } => spans.push(span),
                // The full check says it best (see `push_item`).
                Anchored::Missing { .. } => return Err(Vec::new()),
                Anchored::Empty => problems.push(Problem::error(path, "the quote is empty")),
            }
        }
        if problems.is_empty() {
            Ok(spans)
        } else {
            Err(problems)
        }
    }
}

/// The error of `item`, as item `i`, taking the id of item `first`.
fn duplicate_id(item: &Item, i: usize, first: usize) -> Problem {
    Problem::error(
        format!("items[{i}].id"),
        super::problem::duplicate_id(&item.id, first),
    )
    .in_item(Some(&item.id))
}
