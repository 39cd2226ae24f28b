//! The Argument pane's own behaviour: folding nodes of the tree, and "why is this here", the
//! chain from a claim up through `supports`/`opposes` to the thesis. Its rows are a list pane's
//! (`super::lists`).

pub mod draw;

use super::lists;
use crate::app::{App, Pane};
use crate::model::{Kind, Model};
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet, VecDeque};

/// One step of a chain: an item and the relation that leads from it to the next step up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub item: usize,
    pub rel: Option<usize>,
}

/// The shortest chain from `claim` up to a thesis through `supports`/`opposes` links, the claim
/// first and the thesis last; `None` when no thesis is reached (or `claim` is not a claim).
pub fn why(model: &Model, claim: usize) -> Option<Vec<Step>> {
    if model.item(claim).kind != Kind::Claim {
        return None;
    }
    let argument = |rel: usize| model.is_argument_relation(rel);
    // Breadth-first, so the chain is the shortest; `came` records how each item was reached
    // (`None` for the claim itself). A map, not a table of every item: this runs on every frame,
    // and a chain is short next to a large document.
    let mut came: HashMap<usize, Option<(usize, usize)>> = HashMap::from([(claim, None)]);
    let mut queue = VecDeque::from([claim]);
    while let Some(at) = queue.pop_front() {
        if model.is_thesis(at) {
            let mut chain = vec![Step {
                item: at,
                rel: None,
            }];
            let mut cur = at;
            while let Some(&Some((from, rel))) = came.get(&cur) {
                chain.push(Step {
                    item: from,
                    rel: Some(rel),
                });
                cur = from;
            }
            chain.reverse();
            return Some(chain);
        }
        for l in model.index.outgoing[at].iter().filter(|l| argument(l.rel)) {
            if let Entry::Vacant(e) = came.entry(l.other) {
                e.insert(Some((at, l.rel)));
                queue.push_back(l.other);
            }
        }
    }
    None
}

impl App {
    /// Folds or unfolds the selected node of the Argument tree.
    pub(crate) fn toggle_fold(&mut self) {
        if self.focus != Pane::Argument {
            self.message = Some("folding is for the Argument pane (5)".into());
            return;
        }
        let list = &self.lists.argument;
        let Some(lists::Row::Item { item, repeat, .. }) = list.rows.get(list.selected).copied()
        else {
            return;
        };
        if repeat {
            self.message = Some("shown above: fold it there".into());
            return;
        }
        if !self.model.has_argument_children(item) {
            self.message = Some("nothing to fold: no claim supports or opposes this one".into());
            return;
        }
        if !self.collapsed.remove(&item) {
            self.collapsed.insert(item);
        }
        self.rebuild_argument();
    }

    /// Folds every claim but the theses (so the thesis and its premises show), or unfolds them
    /// all when some are folded.
    pub(crate) fn fold_all(&mut self) {
        if self.focus != Pane::Argument {
            self.message = Some("folding is for the Argument pane (5)".into());
            return;
        }
        if self.collapsed.is_empty() {
            self.collapsed = (0..self.model.doc.items.len())
                .filter(|&i| {
                    self.model.item(i).kind == Kind::Claim
                        && !self.model.is_thesis(i)
                        && self.model.has_argument_children(i)
                })
                .collect();
            self.message = Some("folded every claim under the thesis".into());
        } else {
            self.collapsed.clear();
            self.message = Some("unfolded every claim".into());
        }
        self.rebuild_argument();
    }

    /// Unfolds the folded nodes above `item` in the Argument tree (where it first appears), so
    /// that it shows; false when nothing was folded above it.
    pub(crate) fn unfold_to(&mut self, item: usize) -> bool {
        if self.collapsed.is_empty() {
            return false;
        }
        let tree = lists::argument(&self.model, &HashSet::new());
        let Some(at) = tree.rows.iter().position(|r| r.item() == Some(item)) else {
            return false;
        };
        let mut depth = match tree.rows[at] {
            lists::Row::Item { depth, .. } => depth,
            lists::Row::Group(_) | lists::Row::Linked { .. } => return false,
        };
        let mut unfolded = false;
        // Its ancestors are the rows above it each less deep than the last.
        for row in tree.rows[..at].iter().rev() {
            if let lists::Row::Item {
                item: above,
                depth: d,
                ..
            } = *row
                && d < depth
            {
                unfolded |= self.collapsed.remove(&above);
                depth = d;
            }
        }
        if unfolded {
            self.rebuild_argument();
        }
        unfolded
    }

    /// Rebuilds the tree after folding, keeping the selected item (or the node it is under).
    pub(crate) fn rebuild_argument(&mut self) {
        let old = &self.lists.argument;
        let item = old.selected_item();
        // The nearest node above the selection that is still shown, when it was folded away.
        let above: Vec<usize> = old.rows[..old.selected.min(old.rows.len())]
            .iter()
            .rev()
            .filter_map(|r| r.item())
            .collect();
        let offset = old.offset;
        let filter = old.filter.clone();
        let mut list = lists::argument(&self.model, &self.collapsed);
        // A filter stays on through folding.
        if let Some(query) = &filter {
            let matching = self.model.search.items(&self.model.doc, query);
            list.set_filter(query, Some(&matching));
        }
        list.offset = offset;
        let kept = item.is_some_and(|i| list.select_item(i));
        if !kept {
            for i in above {
                if list.select_item(i) {
                    break;
                }
            }
        }
        self.lists.argument = list;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load;

    fn model() -> Model {
        load(include_bytes!("../../../tests/fixtures/compare.json")).expect("fixture loads")
    }

    fn ids(m: &Model, chain: &[Step]) -> Vec<String> {
        chain
            .iter()
            .map(|s| m.item(s.item).id.to_string())
            .collect()
    }

    #[test]
    fn evidence_leads_up_through_its_premise_to_the_thesis() {
        let m = model();
        let chain = why(&m, m.index.get("claim-murder-rate").unwrap()).unwrap();
        assert_eq!(
            ids(&m, &chain),
            ["claim-murder-rate", "premise-cannot-alone", "thesis"]
        );
        assert_eq!(m.relation(chain[0].rel.unwrap()).id, "supports");
        assert_eq!(chain[2].rel, None);
    }

    #[test]
    fn opposing_claims_have_a_chain_too() {
        let m = model();
        let chain = why(&m, m.index.get("claim-sovereignty").unwrap()).unwrap();
        assert_eq!(ids(&m, &chain), ["claim-sovereignty", "thesis"]);
        assert_eq!(m.relation(chain[0].rel.unwrap()).id, "opposes");
    }

    #[test]
    fn a_claim_outside_every_tree_says_so() {
        let mut m = model();
        let i = m.index.get("claim-murder-rate").unwrap();
        m.doc.items[i].links.clear();
        m.index = crate::model::LinkIndex::new(&m.doc);
        assert_eq!(why(&m, i), None);
        assert_eq!(why(&m, m.index.get("amlo").unwrap()), None, "not a claim");
    }

    fn tree_ids(m: &Model, collapsed: &[&str]) -> Vec<String> {
        let folded = collapsed
            .iter()
            .map(|id| m.index.get(id).unwrap())
            .collect();
        lists::argument(m, &folded)
            .rows
            .iter()
            .filter_map(|r| r.item())
            .map(|i| m.item(i).id.to_string())
            .collect()
    }

    #[test]
    fn folding_hides_the_claims_under_a_node_without_making_them_roots() {
        let m = model();
        let all = tree_ids(&m, &[]);
        assert_eq!(tree_ids(&m, &["thesis"]), ["thesis"]);
        let folded = tree_ids(&m, &["premise-cannot-alone"]);
        assert!(folded.contains(&"premise-cannot-alone".to_string()));
        assert!(!folded.contains(&"claim-murder-rate".to_string()));
        assert!(!folded.contains(&"claim-fentanyl-surge".to_string()));
        assert_eq!(folded.len(), all.len() - 2);
    }

    #[test]
    fn a_linked_argument_is_one_row_with_its_premises_under_it() {
        let m = load(include_bytes!(
            "../../../tests/fixtures/linked-argument.json"
        ))
        .unwrap();
        let list = lists::argument(&m, &HashSet::new());
        let shown: Vec<String> = list
            .rows
            .iter()
            .map(|r| match *r {
                lists::Row::Item { item, depth, .. } => format!("{depth} {}", m.item(item).id),
                lists::Row::Linked {
                    name,
                    depth,
                    premises,
                    ..
                } => format!("{depth} together {premises}: {}", list.groups[name]),
                lists::Row::Group(_) => "heading".into(),
            })
            .collect();
        assert_eq!(
            shown,
            [
                "0 thesis",
                "1 run-alone",
                "2 demand-fails",
                "3 together 2: capacity-rebuttal",
                "4 would-persuade",
                "4 no-boats",
                "5 sinking",
            ]
        );
        // The group's row is not selectable; the selection skips it.
        let mut list = list;
        list.select_item(m.index.get("demand-fails").unwrap());
        list.move_by(1);
        assert_eq!(list.selected_item(), m.index.get("would-persuade"));
    }
}
