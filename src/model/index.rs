//! The link index: every item's outgoing and incoming links, resolved to positions, so that the
//! detail, the map and linked-item highlighting never scan the whole document.

use super::types::Document;
use std::collections::HashMap;

/// One end of a link, seen from an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkRef {
    /// Index into `Document::relations`.
    pub rel: usize,
    /// The item at the other end.
    pub other: usize,
    /// The link's position in its source item's `links`, for its note.
    pub link: usize,
}

/// Outgoing and incoming links per item, and items by id.
#[derive(Debug, Default, Clone)]
pub struct LinkIndex {
    ids: HashMap<Box<str>, usize>,
    pub outgoing: Vec<Vec<LinkRef>>,
    pub incoming: Vec<Vec<LinkRef>>,
}

impl LinkIndex {
    /// Builds the index of a validated document (unknown targets and relations are skipped).
    pub fn new(doc: &Document) -> LinkIndex {
        let n = doc.items.len();
        let mut ids = HashMap::with_capacity(n);
        for (i, item) in doc.items.iter().enumerate() {
            ids.entry(item.id.as_str().into()).or_insert(i);
        }
        let rels: HashMap<&str, usize> = doc
            .relations
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        let mut outgoing = vec![Vec::new(); n];
        let mut incoming = vec![Vec::new(); n];
        for (from, item) in doc.items.iter().enumerate() {
            for (k, link) in item.links.iter().enumerate() {
                let (Some(&to), Some(&rel)) =
                    (ids.get(link.to.as_str()), rels.get(link.rel.as_str()))
                else {
                    continue;
                };
                outgoing[from].push(LinkRef {
                    rel,
                    other: to,
                    link: k,
                });
                incoming[to].push(LinkRef {
                    rel,
                    other: from,
                    link: k,
                });
            }
        }
        LinkIndex {
            ids,
            outgoing,
            incoming,
        }
    }

    /// The position of the item with this id.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// True when `a` and `b` are linked in either direction.
    pub fn linked(&self, a: usize, b: usize) -> bool {
        self.outgoing[a]
            .iter()
            .chain(&self.incoming[a])
            .any(|l| l.other == b)
    }
}
