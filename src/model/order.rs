//! The orders the explorer's panes list items in, for the exports: a brief reads in the same
//! order as the screen. Timeline by date (undated last), actors by group, the argument as a tree
//! from each thesis down through `supports` and `opposes`.

use crate::model::{Kind, KindFields, Model};
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
    model.doc.argument_relations()
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
    pub node: TreeNode,
    pub depth: usize,
    /// The relation from this row to its parent row (`supports` or `opposes`); `None` at a root
    /// and for the premises of a linked argument, whose relation is on the group's row.
    pub via: Option<usize>,
    /// The item was already shown above, so it is not expanded again.
    pub repeat: bool,
}

/// What a row of the argument tree shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreeNode {
    /// An item.
    Item(usize),
    /// A linked argument: premises that support or oppose the parent row only together. They
    /// follow one level deeper. `link` is the group's first link (its source item and its
    /// position there), where the group's name is.
    Group {
        link: (usize, usize),
        premises: usize,
    },
}

impl TreeRow {
    /// The row's item; `None` for a linked argument's row.
    pub fn item(&self) -> Option<usize> {
        match self.node {
            TreeNode::Item(i) => Some(i),
            TreeNode::Group { .. } => None,
        }
    }
}

/// The name of the linked argument a link belongs to, if any.
pub fn link_group(model: &Model, from: usize, link: usize) -> Option<&str> {
    model.item(from).links.get(link)?.group.as_deref()
}

/// A linked argument: the premises that support or oppose `target` only together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedGroup<'a> {
    pub name: &'a str,
    pub target: usize,
    pub rel: usize,
    /// The premises, in the order their links are written.
    pub premises: Vec<usize>,
}

/// Every linked argument of the document, in the order of its first link; one pass over the
/// links. Links of a group with another relation or target than its first (an error a loaded
/// document does not have) are left out.
pub fn linked_groups(model: &Model) -> Vec<LinkedGroup<'_>> {
    let rels = argument_relations(model);
    let mut groups: Vec<LinkedGroup> = Vec::new();
    let mut by_name: std::collections::HashMap<&str, usize> = Default::default();
    for (from, links) in model.index.outgoing.iter().enumerate() {
        for l in links.iter().filter(|l| rels.contains(l.rel)) {
            let Some(name) = link_group(model, from, l.link) else {
                continue;
            };
            let at = *by_name.entry(name).or_insert_with(|| {
                groups.push(LinkedGroup {
                    name,
                    target: l.other,
                    rel: l.rel,
                    premises: Vec::new(),
                });
                groups.len() - 1
            });
            let g = &mut groups[at];
            if g.target == l.other && g.rel == l.rel {
                g.premises.push(from);
            }
        }
    }
    groups
}

/// The Argument pane: a tree from each thesis down through incoming `supports`/`opposes`, then
/// the claims no thesis reaches, the tops of their own chains first. An item reached twice is
/// marked and not expanded again, so cycles end. The premises of a linked argument come under
/// one row of their own.
pub fn argument_tree(model: &Model, collapsed: &HashSet<usize>) -> Vec<TreeRow> {
    let rels = argument_relations(model);
    let claims = of_kind(model, Kind::Claim);
    let is_thesis = |i: &usize| model.is_thesis(*i);
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

/// A step of the walk still to take.
enum Pending {
    Item(usize, usize, Option<usize>),
    Group(TreeRow, Vec<usize>),
}

/// Depth-first from `root` with an explicit stack (argument chains can be long), children in the
/// order their links were written; a linked argument where its first link is.
fn walk(
    model: &Model,
    rels: ArgumentRelations,
    root: usize,
    collapsed: &HashSet<usize>,
    seen: &mut [bool],
    rows: &mut Vec<TreeRow>,
) {
    let mut stack = vec![Pending::Item(root, 0, None)];
    while let Some(next) = stack.pop() {
        let (item, depth, via) = match next {
            Pending::Item(item, depth, via) => (item, depth, via),
            Pending::Group(row, premises) => {
                rows.push(row);
                let depth = row.depth + 1;
                stack.extend(
                    premises
                        .into_iter()
                        .rev()
                        .map(|p| Pending::Item(p, depth, None)),
                );
                continue;
            }
        };
        let repeat = seen[item];
        seen[item] = true;
        rows.push(TreeRow {
            node: TreeNode::Item(item),
            depth,
            via,
            repeat,
        });
        if repeat || collapsed.contains(&item) {
            continue;
        }
        let children: Vec<Pending> = children(model, rels, item, depth + 1);
        stack.extend(children.into_iter().rev());
    }
}

/// The children of `item` in the tree: each link's source, or one node per linked argument with
/// its premises.
fn children(model: &Model, rels: ArgumentRelations, item: usize, depth: usize) -> Vec<Pending> {
    let mut out = Vec::new();
    // Where each group's node is in `out`; only built when a link has a group.
    let mut groups: std::collections::HashMap<&str, usize> = Default::default();
    for l in model.index.incoming[item]
        .iter()
        .filter(|l| rels.contains(l.rel))
    {
        match link_group(model, l.other, l.link) {
            None => out.push(Pending::Item(l.other, depth, Some(l.rel))),
            Some(name) => match groups.get(name) {
                Some(&at) => {
                    if let Pending::Group(row, premises) = &mut out[at] {
                        premises.push(l.other);
                        if let TreeNode::Group { premises: n, .. } = &mut row.node {
                            *n += 1;
                        }
                    }
                }
                None => {
                    groups.insert(name, out.len());
                    let row = TreeRow {
                        node: TreeNode::Group {
                            link: (l.other, l.link),
                            premises: 1,
                        },
                        depth,
                        via: Some(l.rel),
                        repeat: false,
                    };
                    out.push(Pending::Group(row, vec![l.other]));
                }
            },
        }
    }
    out
}
