//! The link index: every item's outgoing and incoming links, resolved to positions, so that the
//! detail, the map and linked-item highlighting never scan the whole document.

use super::packed::Packed;
use super::types::Document;
use compact_str::CompactString;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

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
    ids: HashMap<CompactString, usize>,
    pub outgoing: Adjacency,
    pub incoming: Adjacency,
}

/// Every item's links on one side: `adjacency[item]` is the item's slice.
pub type Adjacency = Packed<LinkRef>;

/// Every id and link of a document resolved to positions, once: validation reports from it and
/// the link index is built from it, so no link is looked up twice.
#[derive(Debug, Default, Clone)]
pub struct Resolution {
    /// Items by id; of two items with one id, the first.
    pub ids: HashMap<CompactString, usize>,
    /// `(item, first)` for each item whose id an earlier item already has.
    pub duplicates: Vec<(usize, usize)>,
    /// Each link's relation and target, item after item, link after link; `None` when unknown.
    pub links: Vec<(Option<usize>, Option<usize>)>,
}

impl Resolution {
    pub fn new(doc: &Document) -> Resolution {
        let mut ids: HashMap<CompactString, usize> = HashMap::with_capacity(doc.items.len());
        let mut duplicates = Vec::new();
        for (i, item) in doc.items.iter().enumerate() {
            match ids.entry(item.id.clone()) {
                Entry::Occupied(first) => duplicates.push((i, *first.get())),
                Entry::Vacant(slot) => {
                    slot.insert(i);
                }
            }
        }
        let rels: HashMap<&str, usize> = doc
            .relations
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        let links = doc
            .items
            .iter()
            .flat_map(|item| &item.links)
            .map(|link| {
                (
                    rels.get(link.rel.as_str()).copied(),
                    ids.get(link.to.as_str()).copied(),
                )
            })
            .collect();
        Resolution {
            ids,
            duplicates,
            links,
        }
    }
}

impl LinkIndex {
    /// Builds the index of a validated document (unknown targets and relations are skipped).
    pub fn new(doc: &Document) -> LinkIndex {
        LinkIndex::resolved(doc, Resolution::new(doc))
    }

    /// Builds the index from the document's resolution.
    pub fn resolved(doc: &Document, resolution: Resolution) -> LinkIndex {
        let n = doc.items.len();
        // (from, link, rel, to) of every link with a known relation and target, by source.
        let mut links = Vec::with_capacity(resolution.links.len());
        let mut resolved = resolution.links.iter();
        for (from, item) in doc.items.iter().enumerate() {
            for k in 0..item.links.len() {
                if let Some(&(Some(rel), Some(to))) = resolved.next() {
                    links.push((from, k, rel, to));
                }
            }
        }
        // `links` is in source order already; the incoming side goes through a counting sort.
        let mut out_starts = Vec::with_capacity(n + 1);
        out_starts.push(0);
        let mut at = 0;
        for from in 0..n {
            at += links[at..].iter().take_while(|l| l.0 == from).count();
            out_starts.push(at);
        }
        let outgoing = Packed::from_parts(
            out_starts,
            links
                .iter()
                .map(|&(_, link, rel, other)| LinkRef { rel, other, link })
                .collect(),
        );
        let mut starts = vec![0usize; n + 1];
        for &(_, _, _, to) in &links {
            starts[to + 1] += 1;
        }
        for i in 0..n {
            starts[i + 1] += starts[i];
        }
        let mut next = starts.clone();
        let mut by_target = vec![
            LinkRef {
                rel: 0,
                other: 0,
                link: 0
            };
            links.len()
        ];
        for &(from, link, rel, to) in &links {
            by_target[next[to]] = LinkRef {
                rel,
                other: from,
                link,
            };
            next[to] += 1;
        }
        let incoming = Packed::from_parts(starts, by_target);
        LinkIndex {
            ids: resolution.ids,
            outgoing,
            incoming,
        }
    }

    /// Adds a new last item with the id `id` and its links, resolved as `(relation, target,
    /// link)`; the targets' incoming lists gain them at their ends (the new item is the last
    /// source, so document order holds).
    pub fn push_item(&mut self, id: CompactString, links: &[LinkRef]) {
        let from = self.outgoing.len();
        self.ids.insert(id, from);
        self.outgoing.push(links.iter().copied());
        self.incoming.push(std::iter::empty());
        for l in links {
            self.incoming.push_into(
                l.other,
                LinkRef {
                    rel: l.rel,
                    other: from,
                    link: l.link,
                },
            );
        }
    }

    /// Item `i`'s links become `links` (resolved as for [`LinkIndex::push_item`]); its id is
    /// the same. The targets' incoming lists stay in document order.
    pub fn replace_links(&mut self, i: usize, links: &[LinkRef]) {
        let mut targets: Vec<usize> = self.outgoing[i].iter().map(|l| l.other).collect();
        targets.sort_unstable();
        targets.dedup();
        for t in targets {
            self.incoming.remove_from(t, |l| l.other == i);
        }
        self.outgoing.replace(i, links.iter().copied());
        for l in links {
            let at = self.incoming[l.other].partition_point(|r| (r.other, r.link) < (i, l.link));
            self.incoming.insert_into(
                l.other,
                at,
                LinkRef {
                    rel: l.rel,
                    other: i,
                    link: l.link,
                },
            );
        }
    }

    /// Removes the last item, `id`, and its links.
    pub fn pop_item(&mut self, id: &str) {
        let Some(last) = self.outgoing.len().checked_sub(1) else {
            return;
        };
        let targets: Vec<usize> = self.outgoing[last].iter().map(|l| l.other).collect();
        for t in targets {
            self.incoming.remove_from(t, |l| l.other == last);
        }
        self.outgoing.pop();
        self.incoming.pop();
        if self.ids.get(id) == Some(&last) {
            self.ids.remove(id);
        }
    }

    /// The position of the item with this id.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// True when `a` and `b` are linked in either direction. Every link is listed on both of its
    /// items, so the one with fewer links is searched: asked of a hub and an ordinary item, this
    /// reads a handful of links, not thousands.
    pub fn linked(&self, a: usize, b: usize) -> bool {
        let degree = |i: usize| self.outgoing[i].len() + self.incoming[i].len();
        let (from, to) = if degree(a) <= degree(b) {
            (a, b)
        } else {
            (b, a)
        };
        self.outgoing[from]
            .iter()
            .chain(&self.incoming[from])
            .any(|l| l.other == to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index as it was first written: a push per link onto growing lists.
    fn naive(doc: &Document) -> (Vec<Vec<LinkRef>>, Vec<Vec<LinkRef>>) {
        let n = doc.items.len();
        let idx = |id: &str| doc.items.iter().position(|it| it.id == id);
        let rel = |id: &str| doc.relations.iter().position(|r| r.id == id);
        let (mut out, mut inc) = (vec![Vec::new(); n], vec![Vec::new(); n]);
        for (from, item) in doc.items.iter().enumerate() {
            for (link, l) in item.links.iter().enumerate() {
                if let (Some(other), Some(rel)) = (idx(&l.to), rel(&l.rel)) {
                    out[from].push(LinkRef { rel, other, link });
                    inc[other].push(LinkRef {
                        rel,
                        other: from,
                        link,
                    });
                }
            }
        }
        (out, inc)
    }

    #[test]
    fn the_index_lists_every_link_both_ways_in_document_order() {
        let model = crate::model::builtin();
        let index = LinkIndex::new(&model.doc);
        let (out, inc) = naive(&model.doc);
        assert!(index.outgoing.iter().eq(out.iter().map(Vec::as_slice)));
        assert!(index.incoming.iter().eq(inc.iter().map(Vec::as_slice)));
        assert!(index.incoming.iter().any(|l| l.len() > 3));
    }

    #[test]
    fn linked_is_symmetric_and_agrees_with_the_links_of_either_item() {
        let model = crate::model::builtin();
        let index = LinkIndex::new(&model.doc);
        let (out, inc) = naive(&model.doc);
        let n = model.doc.items.len();
        let mut pairs = 0;
        for a in 0..n {
            for b in 0..n {
                let want = out[a].iter().chain(&inc[a]).any(|l| l.other == b);
                assert_eq!(index.linked(a, b), want, "{a} {b}");
                assert_eq!(index.linked(b, a), want, "{b} {a}");
                pairs += usize::from(want);
            }
        }
        assert!(pairs > n, "only {pairs} linked pairs");
    }

    #[test]
    fn unknown_targets_and_relations_are_left_out_and_the_first_of_two_ids_wins() {
        use crate::model::types::*;
        let item = |id: &str, links: &[(&str, &str)]| Item {
            id: id.into(),
            kind: Kind::Recommendation,
            title: id.into(),
            summary: None,
            quotes: Vec::new(),
            links: links
                .iter()
                .map(|&(rel, to)| Link {
                    rel: rel.into(),
                    to: to.into(),
                    group: None,
                    note: None,
                })
                .collect(),
            tags: Vec::new(),
            fields: KindFields::Recommendation {},
        };
        let doc = Document {
            format: FORMAT.into(),
            document: Source {
                title: "t".into(),
                source: None,
                published: None,
                url: None,
                text: String::new(),
            },
            relations: builtin_relations(),
            items: vec![
                item(
                    "a",
                    &[
                        ("mentions", "b"),
                        ("mentions", "zz"),
                        ("nope", "b"),
                        ("supports", "a"),
                    ],
                ),
                item("b", &[]),
                item("b", &[("mentions", "a")]),
            ],
            comparisons: Vec::new(),
        };
        let resolution = Resolution::new(&doc);
        assert_eq!(resolution.duplicates, [(2, 1)]);
        let index = LinkIndex::resolved(&doc, resolution);
        let (out, inc) = naive(&doc);
        let lists = |a: &Adjacency| a.iter().map(<[LinkRef]>::to_vec).collect::<Vec<_>>();
        assert_eq!((lists(&index.outgoing), lists(&index.incoming)), (out, inc));
        assert_eq!(index.get("b"), Some(1));
        assert_eq!(index.outgoing[0].len(), 2);
    }
}
