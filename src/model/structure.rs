//! The checks of an argument's structure: what makes a map an argument and not only a set of
//! links. Linked-argument groups, a thesis that the claims lead to, no claim resting on itself,
//! and every item anchored in the text unless it is a claim the text leaves unstated.
//!
//! Everything here is one pass over the items and links, or a graph walk that visits each link
//! once: it runs on every load, at 100,000 items too.

use super::index::Resolution;
use super::problem::Problem;
use super::types::{Document, Kind, KindFields};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// At most this many ids are written out in a cycle's message.
const CYCLE_IDS_SHOWN: usize = 8;

/// Every structure problem of a document whose links are resolved.
pub fn check(doc: &Document, resolution: &Resolution) -> Vec<Problem> {
    let mut problems = Vec::new();
    let rels = doc.argument_relations();
    let (supports, opposes) = (rels.supports, rels.opposes);
    let argument = |rel: Option<usize>| rel.is_some() && (rel == supports || rel == opposes);
    let n = doc.items.len();

    // Links, item after item: self-support, groups; and the argument edges for the walks below.
    // (from, to, is-supports) of every resolved argument link that is not a loop.
    let mut edges: Vec<(usize, usize, bool)> = Vec::new();
    let mut groups: HashMap<&str, Group> = HashMap::new();
    let mut resolved = resolution.links.iter();
    for (i, item) in doc.items.iter().enumerate() {
        for (j, link) in item.links.iter().enumerate() {
            let (rel, to) = resolved.next().copied().unwrap_or_default();
            let at = |field: &str| format!("items[{i}].links[{j}].{field}");
            let in_item = Some(item.id.as_str());
            if let Some(g) = &link.group {
                if rel.is_some() && !argument(rel) {
                    problems.push(
                        Problem::error(
                            at("group"),
                            format!(
                                "a group is for supports and opposes links, not \"{}\"",
                                link.rel
                            ),
                        )
                        .in_item(in_item),
                    );
                } else if let (Some(rel), Some(to)) = (rel, to) {
                    match groups.entry(g.as_str()) {
                        Entry::Vacant(slot) => {
                            slot.insert(Group {
                                first: (i, j),
                                rel,
                                to,
                                links: 1,
                            });
                        }
                        Entry::Occupied(mut slot) => {
                            let first = *slot.get();
                            slot.get_mut().links += 1;
                            let (a, b) = first.first;
                            let other = format!("its first link, items[{a}].links[{b}]");
                            let mixed = if first.rel != rel {
                                Some(format!(
                                    "group \"{g}\" mixes relations: this link {}, {other}, {}",
                                    doc.relations[rel].id, doc.relations[first.rel].id
                                ))
                            } else if first.to != to {
                                Some(format!(
                                    "group \"{g}\" mixes targets: this link goes to \"{}\", {other}, to \"{}\"",
                                    doc.items[to].id, doc.items[first.to].id
                                ))
                            } else {
                                None
                            };
                            if let Some(m) = mixed {
                                problems.push(Problem::error(at("group"), m).in_item(in_item));
                            }
                        }
                    }
                }
            }
            let (Some(rel), Some(to)) = (rel, to) else {
                continue;
            };
            if !argument(Some(rel)) {
                continue;
            }
            if to == i {
                let how = &doc.relations[rel].id;
                problems.push(
                    Problem::error(
                        at("to"),
                        format!("the item {how} itself: an argument cannot rest on itself"),
                    )
                    .in_item(in_item),
                );
                continue;
            }
            edges.push((i, to, Some(rel) == supports));
        }
    }
    let mut lonely: Vec<(&str, Group)> = groups.into_iter().filter(|(_, g)| g.links == 1).collect();
    lonely.sort_by_key(|(_, g)| g.first);
    for (name, g) in lonely {
        let (i, j) = g.first;
        problems.push(
            Problem::warning(
                format!("items[{i}].links[{j}].group"),
                format!(
                    "group \"{name}\" has only this link: a linked argument has two premises or more (drop the group for a premise that stands alone)"
                ),
            )
            .in_item(Some(&doc.items[i].id)),
        );
    }

    theses_reach_claims(doc, &edges, &mut problems);
    supports_cycles(doc, n, &edges, &mut problems);

    // Quotes: every item is anchored in the text, except a claim the text does not state.
    for (i, item) in doc.items.iter().enumerate() {
        let unstated = matches!(item.fields, KindFields::Claim { unstated: true, .. });
        let message = match (unstated, item.quotes.is_empty()) {
            (false, true) => {
                "the item has no quote: only a claim marked \"unstated\" may have none"
            }
            (true, false) => {
                "an unstated claim has quotes: it is one the text does not state (drop the quotes, or \"unstated\")"
            }
            _ => continue,
        };
        problems
            .push(Problem::warning(format!("items[{i}].quotes"), message).in_item(Some(&item.id)));
    }
    problems
}

/// The first link of a linked-argument group, what it links, and how many links it has.
#[derive(Debug, Clone, Copy)]
struct Group {
    first: (usize, usize),
    rel: usize,
    to: usize,
    links: usize,
}

/// Warns when there are claims and no thesis, or a claim that no thesis reaches through
/// `supports`/`opposes` (a walk down from the theses, each link once).
fn theses_reach_claims(
    doc: &Document,
    edges: &[(usize, usize, bool)],
    problems: &mut Vec<Problem>,
) {
    let n = doc.items.len();
    let is_claim = |i: usize| doc.items[i].kind == Kind::Claim;
    let theses: Vec<usize> = (0..n).filter(|&i| doc.items[i].is_thesis()).collect();
    if theses.is_empty() {
        if (0..n).any(is_claim) {
            problems.push(Problem::warning(
                "items",
                "the document has claims but no thesis: mark the claim the piece argues for with \"role\": \"thesis\"",
            ));
        }
        return;
    }
    // Incoming argument links of each item, by a counting sort of the edges.
    let mut starts = vec![0usize; n + 1];
    for &(_, to, _) in edges {
        starts[to + 1] += 1;
    }
    for i in 0..n {
        starts[i + 1] += starts[i];
    }
    let mut fill = starts.clone();
    let mut from = vec![0usize; edges.len()];
    for &(f, to, _) in edges {
        from[fill[to]] = f;
        fill[to] += 1;
    }
    let mut reached = vec![false; n];
    let mut stack = theses;
    for &t in &stack {
        reached[t] = true;
    }
    while let Some(at) = stack.pop() {
        for &f in &from[starts[at]..starts[at + 1]] {
            if !reached[f] {
                reached[f] = true;
                stack.push(f);
            }
        }
    }
    for i in (0..n).filter(|&i| is_claim(i) && !reached[i]) {
        problems.push(
            Problem::warning(
                format!("items[{i}]"),
                "no thesis is reached from this claim through supports or opposes links",
            )
            .in_item(Some(&doc.items[i].id)),
        );
    }
}

/// Warns once for each set of items that support each other in a cycle (a strongly connected
/// component of the `supports` links, found by Tarjan's algorithm without recursion), naming one
/// cycle through it.
fn supports_cycles(
    doc: &Document,
    n: usize,
    edges: &[(usize, usize, bool)],
    problems: &mut Vec<Problem>,
) {
    // Outgoing supports links of each item.
    let mut starts = vec![0usize; n + 1];
    for &(f, _, s) in edges {
        if s {
            starts[f + 1] += 1;
        }
    }
    for i in 0..n {
        starts[i + 1] += starts[i];
    }
    let mut fill = starts.clone();
    let mut to = vec![0usize; starts[n]];
    for &(f, t, s) in edges {
        if s {
            to[fill[f]] = t;
            fill[f] += 1;
        }
    }
    let next = |i: usize| &to[starts[i]..starts[i + 1]];

    const NONE: usize = usize::MAX;
    let mut index = vec![NONE; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut counter = 0;
    let mut components: Vec<Vec<usize>> = Vec::new();
    for root in 0..n {
        if index[root] != NONE || next(root).is_empty() {
            continue;
        }
        // (item, position in its outgoing links)
        let mut call = vec![(root, 0usize)];
        index[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(top) = call.last_mut() {
            let (v, k) = *top;
            if let Some(&w) = next(v).get(k) {
                top.1 += 1;
                if index[w] == NONE {
                    index[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    call.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            call.pop();
            if let Some(&(parent, _)) = call.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    components.push(component);
                }
            }
        }
    }
    // A cycle through each component: breadth-first from its first item back to it, inside it.
    let mut member = vec![NONE; n];
    let mut came = vec![NONE; n];
    for (c, component) in components.iter().enumerate() {
        for &i in component {
            member[i] = c;
        }
    }
    let mut reported: Vec<(usize, String)> = Vec::new();
    for (c, component) in components.iter().enumerate() {
        let Some(&start) = component.iter().min() else {
            continue;
        };
        let mut queue = std::collections::VecDeque::from([start]);
        let mut last = NONE;
        'search: while let Some(at) = queue.pop_front() {
            for &w in next(at) {
                if member[w] != c {
                    continue;
                }
                if w == start {
                    last = at;
                    break 'search;
                }
                if came[w] == NONE {
                    came[w] = at;
                    queue.push_back(w);
                }
            }
        }
        let mut back = Vec::new();
        let mut at = last;
        while at != NONE && at != start {
            back.push(at);
            at = came[at];
        }
        let mut cycle = vec![start];
        cycle.extend(back.into_iter().rev());
        cycle.push(start);
        let cycle_len = cycle.len() - 1;
        let mut shown: Vec<&str> = cycle
            .iter()
            .take(CYCLE_IDS_SHOWN)
            .map(|&i| doc.items[i].id.as_str())
            .collect();
        if cycle.len() > CYCLE_IDS_SHOWN {
            shown.push("…");
        }
        let also = if component.len() > cycle_len {
            format!(" ({} items support each other in all)", component.len())
        } else {
            String::new()
        };
        reported.push((
            start,
            format!(
                "a cycle of supports: {}{also}; an argument cannot rest on itself",
                shown.join(" → ")
            ),
        ));
    }
    reported.sort_by_key(|(i, _)| *i);
    for (i, message) in reported {
        problems
            .push(Problem::warning(format!("items[{i}]"), message).in_item(Some(&doc.items[i].id)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::types::{ClaimRole, Item, Link, Source, builtin_relations};

    fn claim(i: usize, role: ClaimRole, supports: Option<usize>) -> Item {
        Item {
            id: format!("c{i}").into(),
            kind: Kind::Claim,
            title: format!("claim {i}"),
            summary: None,
            quotes: vec![crate::model::Quote {
                exact: "x".into(),
                prefix: None,
                suffix: None,
            }],
            links: supports
                .map(|to| Link {
                    rel: "supports".into(),
                    to: format!("c{to}").into(),
                    group: None,
                    note: None,
                })
                .into_iter()
                .collect(),
            tags: Vec::new(),
            fields: KindFields::Claim {
                role,
                unstated: false,
            },
        }
    }

    fn problems(items: Vec<Item>) -> Vec<Problem> {
        let doc = Document {
            format: crate::model::FORMAT.into(),
            document: Source {
                title: "t".into(),
                source: None,
                published: None,
                url: None,
                text: "x".into(),
            },
            relations: builtin_relations(),
            items,
            comparisons: Vec::new(),
        };
        check(&doc, &Resolution::new(&doc))
    }

    #[test]
    fn a_long_cycle_is_found_without_recursion_and_named_in_short() {
        // c0 is the thesis; c1 → c2 → … → c(n-1) → c1 and c1 supports the thesis too.
        let n = 200_000;
        let mut items = vec![claim(0, ClaimRole::Thesis, None)];
        items.extend((1..n).map(|i| {
            let next = if i + 1 == n { 1 } else { i + 1 };
            claim(i, ClaimRole::Premise, Some(next))
        }));
        items[1].links.push(Link {
            rel: "supports".into(),
            to: "c0".into(),
            group: None,
            note: None,
        });
        let found = problems(items);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].path, "items[1]");
        assert!(
            found[0]
                .message
                .starts_with("a cycle of supports: c1 → c2 → c3"),
            "{}",
            found[0].message
        );
        assert!(found[0].message.contains("→ …"), "{}", found[0].message);
    }

    #[test]
    fn a_cycle_inside_a_larger_knot_names_one_cycle_and_counts_the_knot() {
        // c1 ⇄ c2 and c2 ⇄ c3: one knot of three, the shortest cycle from c1 has two.
        let mut items = vec![claim(0, ClaimRole::Thesis, None)];
        items.push(claim(1, ClaimRole::Premise, Some(2)));
        items.push(claim(2, ClaimRole::Premise, Some(1)));
        items.push(claim(3, ClaimRole::Premise, Some(2)));
        let link = |to: &str| Link {
            rel: "supports".into(),
            to: to.into(),
            group: None,
            note: None,
        };
        items[2].links.push(link("c3"));
        items[1].links.push(link("c0"));
        let found = problems(items);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "a cycle of supports: c1 → c2 → c1 (3 items support each other in all); an argument cannot rest on itself"
        );
    }
}
