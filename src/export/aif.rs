//! The Argument Interchange Format in AIFdb's JSON shape: `nodes`, `edges`, `locutions`. Every
//! item is an I-node; each `supports` link becomes an inference (I → RA → I) and each `opposes`
//! link a conflict (I → CA → I). The links of one linked argument (a `group`) share one RA or CA
//! node, with an edge from each premise: its premises hold only together. The other relations
//! (enacts, involves, …) are not inferences or conflicts, so AIF has no node for them and they
//! are left out; the JSON export keeps them.
//!
//! Ids are strings numbered in document order: I-nodes first (item order), then one S-node per
//! link (per group, at its first link) in the order the links are written; edges are numbered in
//! the same walk.

use super::title;
use crate::model::Model;
use crate::model::order;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Serialize)]
struct Aif {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    /// AIFdb's dialogue layer: argscope maps the argument of one text, not a dialogue.
    locutions: [(); 0],
}

#[derive(Serialize)]
struct Node {
    #[serde(rename = "nodeID")]
    node_id: String,
    text: String,
    #[serde(rename = "type")]
    node_type: &'static str,
}

#[derive(Serialize)]
struct Edge {
    #[serde(rename = "edgeID")]
    edge_id: String,
    #[serde(rename = "fromID")]
    from_id: String,
    #[serde(rename = "toID")]
    to_id: String,
    /// AIFdb's link to an edge of a scheme's form; always null here, as in AIFdb's own exports of
    /// default inferences and conflicts.
    #[serde(rename = "formEdgeID")]
    form_edge_id: Option<String>,
}

pub fn export(model: &Model) -> String {
    let items = &model.doc.items;
    let mut nodes: Vec<Node> = items
        .iter()
        .enumerate()
        .map(|(i, item)| Node {
            node_id: (i + 1).to_string(),
            text: title(item).into_owned(),
            node_type: "I",
        })
        .collect();
    let mut edges = Vec::new();
    let mut edge = |from: usize, to: usize| {
        let edge_id = (edges.len() + 1).to_string();
        edges.push(Edge {
            edge_id,
            from_id: from.to_string(),
            to_id: to.to_string(),
            form_edge_id: None,
        });
    };
    let rels = order::argument_relations(model);
    // The S-node of each linked argument, once its first link has made it.
    let mut groups: HashMap<&str, usize> = HashMap::new();
    for (from, links) in model.index.outgoing.iter().enumerate() {
        for link in links {
            let (node_type, text) = if Some(link.rel) == rels.supports {
                ("RA", "Default Inference")
            } else if Some(link.rel) == rels.opposes {
                ("CA", "Default Conflict")
            } else {
                continue;
            };
            let group = order::link_group(model, from, link.link);
            if let Some(&scheme) = group.and_then(|g| groups.get(g)) {
                edge(from + 1, scheme);
                continue;
            }
            let scheme = nodes.len() + 1;
            if let Some(g) = group {
                groups.insert(g, scheme);
            }
            nodes.push(Node {
                node_id: scheme.to_string(),
                text: text.to_owned(),
                node_type,
            });
            edge(from + 1, scheme);
            edge(scheme, link.other + 1);
        }
    }
    let aif = Aif {
        nodes,
        edges,
        locutions: [],
    };
    // Plain structs of strings: serialising to a String cannot fail.
    let mut out = serde_json::to_string_pretty(&aif).unwrap_or_default();
    out.push('\n');
    out
}
