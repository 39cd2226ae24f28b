//! The orders the explorer's panes list items in, for the exports: a brief reads in the same
//! order as the screen. Timeline by date (undated last), actors by group, the argument as a tree
//! from each thesis down through `supports` and `opposes`.

use crate::model::{ClaimRole, Kind, KindFields, Model};
use std::collections::HashSet;

/// The items of one kind, in the document's order.
pub fn of_kind(model: &Model, kind: Kind) -> Vec<usize> {
    let items = model.doc.items.iter().enumerate();
    items
        .filter(|(_, it)| it.kind == kind)
        .map(|(i, _)| i)
        .collect()
}

/// Where an item first appears in the article (its first quote); unquoted items last.
pub fn article_position(model: &Model, item: usize) -> usize {
    let first = model.spans.get(item).and_then(|s| s.first());
    first.map_or(usize::MAX, |s| s.start)
}

/// The Timeline: events by date, undated last, ties in the order the article tells them.
pub fn timeline(model: &Model) -> Vec<usize> {
    let mut events = of_kind(model, Kind::Event);
    events.sort_by_key(|&i| {
        let date = match &model.item(i).fields {
            KindFields::Event { when: Some(w) } => w.date.map(|d| d.key()),
            _ => None,
        };
        (date.is_none(), date, article_position(model, i), i)
    });
    events
}

/// The name actors without a `group` are listed under.
pub const UNGROUPED: &str = "Other";

/// Actors grouped by `group` in order of first appearance; the ungrouped last, under "Other".
pub fn actor_groups(model: &Model) -> Vec<(&str, Vec<usize>)> {
    let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
    let mut ungrouped = Vec::new();
    for i in of_kind(model, Kind::Actor) {
        let KindFields::Actor { group: Some(g), .. } = &model.item(i).fields else {
            ungrouped.push(i);
            continue;
        };
        match groups.iter_mut().find(|(name, _)| name == g) {
            Some((_, members)) => members.push(i),
            None => groups.push((g, vec![i])),
        }
    }
    if !ungrouped.is_empty() {
        groups.push((UNGROUPED, ungrouped));
    }
    groups
}

/// The positions of the `supports` and `opposes` relations the document declares.
pub fn argument_relations(model: &Model) -> ArgumentRelations {
    let find = |id: &str| model.doc.relations.iter().position(|r| r.id == id);
    ArgumentRelations {
        supports: find("supports"),
        opposes: find("opposes"),
    }
}

/// Which relations carry the argument, by position in `Document::relations`.
#[derive(Debug, Clone, Copy)]
pub struct ArgumentRelations {
    pub supports: Option<usize>,
    pub opposes: Option<usize>,
}

impl ArgumentRelations {
    pub fn contains(&self, rel: usize) -> bool {
        self.supports == Some(rel) || self.opposes == Some(rel)
    }
}

/// One row of the argument tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TreeRow {
    pub item: usize,
    pub depth: usize,
    /// The relation from this item to its parent row (`supports` or `opposes`); `None` at a root.
    pub via: Option<usize>,
    /// The item was already shown above, so it is not expanded again.
    pub repeat: bool,
}

/// The Argument pane: a tree from each thesis down through incoming `supports`/`opposes`, then
/// the claims no thesis reaches, the tops of their own chains first. An item reached twice is
/// marked and not expanded again, so cycles end.
pub fn argument_tree(model: &Model, collapsed: &HashSet<usize>) -> Vec<TreeRow> {
    let rels = argument_relations(model);
    let claims = of_kind(model, Kind::Claim);
    let is_thesis = |i: &usize| {
        matches!(
            model.item(*i).fields,
            KindFields::Claim {
                role: ClaimRole::Thesis,
                ..
            }
        )
    };
    let mut seen = vec![false; model.doc.items.len()];
    let mut rows = Vec::new();
    for root in claims.iter().copied().filter(is_thesis) {
        walk(model, rels, root, collapsed, &mut seen, &mut rows);
    }
    // Claims folded away under a thesis are in its tree, not roots of their own.
    let mut folded = vec![false; model.doc.items.len()];
    for &top in collapsed.iter().filter(|&&i| seen.get(i) == Some(&true)) {
        below(model, rels, top, &mut folded);
    }
    let rest: Vec<usize> = claims
        .into_iter()
        .filter(|&i| !seen[i] && !folded[i])
        .collect();
    let is_top = |i: &usize| {
        !model.index.outgoing[*i]
            .iter()
            .any(|l| rels.contains(l.rel))
    };
    let tops: Vec<usize> = rest.iter().copied().filter(is_top).collect();
    for root in tops.into_iter().chain(rest) {
        if !seen[root] {
            walk(model, rels, root, collapsed, &mut seen, &mut rows);
        }
    }
    rows
}

/// Marks every claim under `top` (through incoming argument links) in `out`.
fn below(model: &Model, rels: ArgumentRelations, top: usize, out: &mut [bool]) {
    let mut stack = vec![top];
    while let Some(item) = stack.pop() {
        for l in model.index.incoming[item]
            .iter()
            .filter(|l| rels.contains(l.rel))
        {
            if !out[l.other] {
                out[l.other] = true;
                stack.push(l.other);
            }
        }
    }
}

/// Depth-first from `root` with an explicit stack (argument chains can be long), children in the
/// order their links were written.
fn walk(
    model: &Model,
    rels: ArgumentRelations,
    root: usize,
    collapsed: &HashSet<usize>,
    seen: &mut [bool],
    rows: &mut Vec<TreeRow>,
) {
    let mut stack = vec![(root, 0, None)];
    while let Some((item, depth, via)) = stack.pop() {
        let repeat = seen[item];
        seen[item] = true;
        rows.push(TreeRow {
            item,
            depth,
            via,
            repeat,
        });
        if repeat || collapsed.contains(&item) {
            continue;
        }
        let children = model.index.incoming[item].iter().rev();
        let children = children.filter(|l| rels.contains(l.rel));
        stack.extend(children.map(|l| (l.other, depth + 1, Some(l.rel))));
    }
}
