//! A Graphviz digraph: one node per item, shaped and coloured by kind, one edge per link labelled
//! with its relation. Every id and label is a quoted, escaped DOT string, so any title is safe.

use super::{one_line, title};
use crate::model::order;
use crate::model::{ClaimRole, Kind, KindFields, Model};
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

/// Node labels are wrapped to about this many columns, so boxes stay readable.
const WRAP: usize = 28;

pub fn export(model: &Model) -> String {
    let mut out = String::new();
    let caption = quoted_lines(&wrap(&model.doc.document.title, 60));
    // `write!` to a String cannot fail.
    let _ = writeln!(out, "digraph argscope {{");
    let _ = writeln!(
        out,
        "  graph [label={caption}, labelloc=t, fontsize=18, rankdir=LR, fontname=\"Helvetica\"];"
    );
    let _ = writeln!(out, "  node [fontname=\"Helvetica\", fontsize=11];");
    let _ = writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];");
    for kind in Kind::ALL {
        let (shape, style, fill) = look(kind);
        let _ = writeln!(out, "\n  // {kind}s");
        for i in order::of_kind(model, kind) {
            let item = model.item(i);
            let thesis = matches!(
                item.fields,
                KindFields::Claim {
                    role: ClaimRole::Thesis,
                    ..
                }
            );
            // A claim the text does not state is drawn dashed.
            let unstated = matches!(item.fields, KindFields::Claim { unstated: true, .. });
            let style = if unstated {
                format!("{style},dashed")
            } else {
                style.to_owned()
            };
            let _ = writeln!(
                out,
                "  {} [label={}, shape={shape}, style=\"{style}\", fillcolor=\"{fill}\"{}];",
                quoted(&item.id),
                quoted_lines(&wrap(&title(item), WRAP)),
                if thesis { ", penwidth=2.5" } else { "" }
            );
        }
    }
    let rels = order::argument_relations(model);
    let colour_of = |rel: usize| {
        if Some(rel) == rels.supports {
            "#2e7d32"
        } else if Some(rel) == rels.opposes {
            "#c62828"
        } else {
            "#616161"
        }
    };
    // A linked argument is a small node of its own: its premises lead into it, and one edge
    // leads on to what they support or oppose together.
    let groups = order::linked_groups(model);
    let junction = |name: &str| quoted(&format!("group:{name}"));
    if !groups.is_empty() {
        let _ = writeln!(
            out,
            "\n  // linked arguments: premises that hold only together"
        );
    }
    for g in &groups {
        let colour = colour_of(g.rel);
        let _ = writeln!(
            out,
            "  {} [label={}, shape=diamond, style=\"filled\", fillcolor=\"#ffffff\", color=\"{colour}\", fontsize=10];",
            junction(g.name),
            quoted_lines(&["together", g.name]),
        );
        let _ = writeln!(
            out,
            "  {} -> {} [label={}, color=\"{colour}\", fontcolor=\"{colour}\"];",
            junction(g.name),
            quoted(&model.item(g.target).id),
            quoted(&model.relation(g.rel).label),
        );
    }
    let _ = writeln!(out, "\n  // links");
    for (from, links) in model.index.outgoing.iter().enumerate() {
        for link in links {
            let colour = colour_of(link.rel);
            if rels.contains(link.rel)
                && let Some(name) = order::link_group(model, from, link.link)
            {
                let _ = writeln!(
                    out,
                    "  {} -> {} [arrowhead=none, color=\"{colour}\"];",
                    quoted(&model.item(from).id),
                    junction(name),
                );
                continue;
            }
            let _ = writeln!(
                out,
                "  {} -> {} [label={}, color=\"{colour}\", fontcolor=\"{colour}\"];",
                quoted(&model.item(from).id),
                quoted(&model.item(link.other).id),
                quoted(&model.relation(link.rel).label),
            );
        }
    }
    out.push_str("}\n");
    out
}

/// Shape, style and fill colour for each kind's nodes.
fn look(kind: Kind) -> (&'static str, &'static str, &'static str) {
    match kind {
        Kind::Event => ("ellipse", "filled", "#fff3c4"),
        Kind::Actor => ("box", "rounded,filled", "#d6e9f8"),
        Kind::Provision => ("note", "filled", "#eeeeee"),
        Kind::Recommendation => ("hexagon", "filled", "#d9f2d9"),
        Kind::Claim => ("box", "filled", "#fde0dc"),
    }
}

/// Word-wraps a one-line string at `width` columns (a longer word keeps its own line).
fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in one_line(s).split_whitespace() {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A DOT quoted string of one line.
fn quoted(s: &str) -> String {
    quoted_lines(&[s])
}

/// A DOT quoted string of several lines, joined with Graphviz's centred line break `\n`. Inside
/// quotes only `"` and `\` need escaping; every backslash is doubled so that a title holding `\N`
/// or `\l` is not read as one of Graphviz's label escapes.
fn quoted_lines<S: AsRef<str>>(lines: &[S]) -> String {
    let mut out = String::from("\"");
    for (k, line) in lines.iter().enumerate() {
        if k > 0 {
            out.push_str("\\n");
        }
        for c in one_line(line.as_ref()).chars() {
            if matches!(c, '"' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_backslashes_are_escaped() {
        assert_eq!(quoted(r#"a "b" \N c"#), r#""a \"b\" \\N c""#);
    }

    #[test]
    fn controls_and_line_breaks_never_reach_a_label() {
        assert_eq!(quoted("a\nb\u{1b}[31m\u{7f}"), "\"a b␛[31m␡\"");
    }

    #[test]
    fn long_titles_wrap_at_word_boundaries() {
        let lines = wrap("one two three four five six seven eight nine", 14);
        assert_eq!(
            lines,
            ["one two three", "four five six", "seven eight", "nine"]
        );
        assert_eq!(
            quoted_lines(&lines),
            r#""one two three\nfour five six\nseven eight\nnine""#
        );
    }
}
