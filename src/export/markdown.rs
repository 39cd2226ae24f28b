//! A readable brief in GitHub-flavoured Markdown: title and source, a section per pane in the
//! explorer's order, each item with its fields, quotes as block quotes and links to the other
//! items' explicit anchors, then the prepared comparisons as tables.

use super::{multi_line, one_line};
use crate::model::order;
use crate::model::{Comparison, Item, Kind, KindFields, LinkRef, Model};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

/// The deepest level of the argument outline that is indented; deeper ones are numbered.
const MAX_INDENT: usize = 8;

pub fn export(model: &Model) -> String {
    let mut brief = Brief {
        model,
        out: String::new(),
    };
    brief.write();
    // Every block ends with a blank line; the file ends with one newline.
    let end = brief.out.trim_end().len();
    brief.out.truncate(end);
    brief.out.push('\n');
    brief.out
}

/// The panes in the explorer's order, with their section anchors.
const SECTIONS: [(&str, &str); 5] = [
    ("timeline", "Timeline"),
    ("actors", "Actors"),
    ("provisions", "Provisions"),
    ("recommendations", "Recommendations"),
    ("argument", "Argument"),
];

struct Brief<'a> {
    model: &'a Model,
    out: String,
}

impl Brief<'_> {
    fn write(&mut self) {
        let source = &self.model.doc.document;
        self.block(&format!("# {}", heading_text(&source.title, "Untitled")));
        let about: Vec<String> = [&source.source, &source.published, &source.url]
            .into_iter()
            .flatten()
            .map(|s| inline(s))
            .collect();
        if !about.is_empty() {
            // It starts a line: `---`, `- x`, `1. x` or four spaces there would be markup.
            self.block(&escape_line_start(about.join(" · ").trim_start()));
        }
        self.block(&self.counts());
        let present: Vec<(&str, &str)> = SECTIONS
            .into_iter()
            .filter(|(anchor, _)| !self.section_items(anchor).is_empty())
            .chain(
                (!self.model.doc.comparisons.is_empty()).then_some(("comparisons", "Comparisons")),
            )
            .collect();
        let contents: Vec<String> = present
            .iter()
            .map(|(anchor, name)| format!("[{name}](#{anchor})"))
            .collect();
        if !contents.is_empty() {
            self.block(&format!("**Contents:** {}", contents.join(" · ")));
        }
        for (anchor, name) in present {
            self.block(&format!("## <a id=\"{anchor}\"></a>{name}"));
            match anchor {
                "actors" => self.actors(),
                "argument" => self.argument(),
                "comparisons" => self.comparisons(),
                _ => {
                    for item in self.section_items(anchor) {
                        self.item(item, 3);
                    }
                }
            }
        }
    }

    /// Appends a block followed by a blank line.
    fn block(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push_str("\n\n");
    }

    /// One line on the document's size, by kind.
    fn counts(&self) -> String {
        let items = &self.model.doc.items;
        let by_kind: Vec<String> = Kind::ALL
            .into_iter()
            .map(|k| (k, items.iter().filter(|it| it.kind == k).count()))
            .filter(|&(_, n)| n > 0)
            .map(|(k, n)| format!("{n} {}{}", k.name(), if n == 1 { "" } else { "s" }))
            .collect();
        let n = items.len();
        let mut line = format!("{n} item{}", if n == 1 { "" } else { "s" });
        if !by_kind.is_empty() {
            write!(line, ": {}", by_kind.join(", ")).unwrap_or(());
        }
        line.push('.');
        line
    }

    fn section_items(&self, anchor: &str) -> Vec<usize> {
        match anchor {
            "timeline" => order::timeline(self.model),
            "actors" => order::of_kind(self.model, Kind::Actor),
            "provisions" => order::of_kind(self.model, Kind::Provision),
            "recommendations" => order::of_kind(self.model, Kind::Recommendation),
            "argument" => order::of_kind(self.model, Kind::Claim),
            _ => Vec::new(),
        }
    }

    fn actors(&mut self) {
        for (group, members) in order::actor_groups(self.model) {
            self.block(&format!("### {}", heading_text(group, order::UNGROUPED)));
            for item in members {
                self.item(item, 4);
            }
        }
    }

    /// The tree from the thesis down as a nested list, then each claim in the tree's order.
    fn argument(&mut self) {
        let rows = order::argument_tree(self.model, &Default::default());
        let mut outline = String::new();
        for row in &rows {
            // Indentation stops at a depth; deeper rows say their level instead, so that a
            // long chain of claims writes a line each, not indentation that grows with it.
            let indent = "  ".repeat(row.depth.min(MAX_INDENT));
            write!(outline, "{indent}- ").unwrap_or(());
            if row.depth > MAX_INDENT {
                write!(outline, "*(level {})* ", row.depth + 1).unwrap_or(());
            }
            match row.node {
                order::TreeNode::Item(i) => write!(
                    outline,
                    "{} ({})",
                    self.link_to(i),
                    kind_label(self.model.item(i))
                ),
                order::TreeNode::Group {
                    link: (from, link),
                    premises,
                } => write!(
                    outline,
                    "**Linked argument** “{}”: {}",
                    inline(order::link_group(self.model, from, link).unwrap_or_default()),
                    if premises == 1 {
                        "this 1 premise alone".to_owned()
                    } else {
                        format!("these {premises} premises together")
                    }
                ),
            }
            .unwrap_or(());
            if let Some(rel) = row.via {
                let label = inline(&self.model.relation(rel).label);
                write!(outline, " — *{label}*").unwrap_or(());
            }
            if row.repeat {
                outline.push_str(" — shown above");
            }
            outline.push('\n');
        }
        outline.pop();
        self.block(&outline);
        let claims = rows.iter().filter(|r| !r.repeat).filter_map(|r| r.item());
        for item in claims.filter(|&i| self.model.item(i).kind == Kind::Claim) {
            self.item(item, 3);
        }
    }

    fn item(&mut self, i: usize, level: usize) {
        let item = self.model.item(i);
        let hashes = "#".repeat(level);
        self.block(&format!(
            "{hashes} <a id=\"{}\"></a>{}",
            anchor(&item.id),
            heading_text(&item.title, &item.id)
        ));
        self.block(&fields(item).join("\n"));
        if let Some(summary) = &item.summary {
            self.block(&paragraph(summary, ""));
        }
        for quote in &item.quotes {
            self.block(&paragraph(&quote.exact, "> "));
        }
        let links = self.links(i);
        if !links.is_empty() {
            self.block(&format!("**Links**\n\n{}", links.join("\n")));
        }
    }

    /// One bullet per relation: outgoing links by label, then incoming ones by inverse label.
    fn links(&self, i: usize) -> Vec<String> {
        let index = &self.model.index;
        let mut lines = Vec::new();
        for (refs, outgoing) in [(&index.outgoing[i], true), (&index.incoming[i], false)] {
            // Grouped by relation in the order relations first appear, through a map: an item
            // with links of many relations was grouped in their product.
            let mut groups: Vec<(usize, Vec<&LinkRef>)> = Vec::new();
            let mut group_of: HashMap<usize, usize> = HashMap::new();
            for link in refs {
                let at = *group_of.entry(link.rel).or_insert_with(|| {
                    groups.push((link.rel, Vec::new()));
                    groups.len() - 1
                });
                groups[at].1.push(link);
            }
            for (rel, members) in groups {
                let relation = self.model.relation(rel);
                let label = if outgoing {
                    &relation.label
                } else {
                    &relation.inverse
                };
                let targets: Vec<String> = members
                    .iter()
                    .map(|l| {
                        let source = if outgoing { i } else { l.other };
                        let link = &self.model.item(source).links[l.link];
                        // A linked argument's premises say which group they hold together in.
                        let group = link
                            .group
                            .as_deref()
                            .map(|g| format!("linked argument “{}”", inline(g)));
                        let note = link.note.as_deref().map(inline);
                        let said: Vec<String> = note.into_iter().chain(group).collect();
                        if said.is_empty() {
                            self.link_to(l.other)
                        } else {
                            format!("{} ({})", self.link_to(l.other), said.join("; "))
                        }
                    })
                    .collect();
                lines.push(format!("- **{}:** {}", inline(label), targets.join(", ")));
            }
        }
        lines
    }

    fn link_to(&self, i: usize) -> String {
        let item = self.model.item(i);
        format!(
            "[{}](#{})",
            non_empty(inline(&item.title), &item.id),
            anchor(&item.id)
        )
    }

    fn comparisons(&mut self) {
        for comparison in &self.model.doc.comparisons {
            self.block(&format!(
                "### <a id=\"comparison-{}\"></a>{}",
                comparison.id,
                heading_text(&comparison.title, &comparison.id)
            ));
            let table = self.table(comparison);
            self.block(&table);
        }
    }

    /// The aligned pairs first, then each side's unpaired items against a filler cell.
    fn table(&self, comparison: &Comparison) -> String {
        let cell = |id: &str| match self.model.index.get(id) {
            Some(i) => self.link_to(i),
            None => inline(id),
        };
        let filler = || "—".to_owned();
        let mut rows: Vec<(String, String)> = comparison
            .pairs
            .iter()
            .map(|[l, r]| (cell(l), cell(r)))
            .collect();
        let paired: [HashSet<&str>; 2] =
            [0, 1].map(|side| comparison.pairs.iter().map(|p| p[side].as_str()).collect());
        for id in comparison
            .left
            .items
            .iter()
            .filter(|id| !paired[0].contains(id.as_str()))
        {
            rows.push((cell(id), filler()));
        }
        for id in comparison
            .right
            .items
            .iter()
            .filter(|id| !paired[1].contains(id.as_str()))
        {
            rows.push((filler(), cell(id)));
        }
        let mut table = format!(
            "| {} | {} |\n| --- | --- |",
            non_empty(inline(&comparison.left.label), "Left"),
            non_empty(inline(&comparison.right.label), "Right")
        );
        for (left, right) in rows {
            write!(table, "\n| {left} | {right} |").unwrap_or(());
        }
        table
    }
}

/// The anchor an item's heading carries and links point to. The prefix keeps item anchors apart
/// from the section anchors and from GitHub's own heading slugs.
fn anchor(id: &str) -> String {
    format!("item-{id}")
}

/// "event", or a claim's role, for the outline.
fn kind_label(item: &Item) -> &'static str {
    match &item.fields {
        KindFields::Claim { role, .. } => role.name(),
        _ => item.kind.name(),
    }
}

/// The field list under an item's heading: kind and id, then the kind's own fields and tags.
fn fields(item: &Item) -> Vec<String> {
    let mut lines = vec![format!("- **Kind:** {} · `{}`", item.kind, item.id)];
    let mut field =
        |name: &str, value: &str| lines.push(format!("- **{name}:** {}", inline(value)));
    match &item.fields {
        KindFields::Event { when: Some(w) } => match w.date {
            Some(d) => field("When", &format!("{} ({d})", w.label)),
            None => field("When", &w.label),
        },
        KindFields::Event { when: None } | KindFields::Recommendation {} => {}
        KindFields::Actor { role, group } => {
            if let Some(r) = role {
                field("Role", r);
            }
            if let Some(g) = group {
                field("Group", g);
            }
        }
        KindFields::Provision { instrument } => {
            if let Some(i) = instrument {
                field("Instrument", i);
            }
        }
        KindFields::Claim { role, unstated } => {
            field("Role", &crate::model::types::role_label(*role, *unstated))
        }
    }
    if !item.tags.is_empty() {
        field("Tags", &item.tags.join(", "));
    }
    lines
}

/// Escapes a one-line document string for Markdown inline text: every character that could
/// start markup (emphasis, links, HTML, code, tables, math, entities) is backslash-escaped.
fn inline(s: &str) -> String {
    let s = one_line(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '$' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn non_empty(s: String, fallback: &str) -> String {
    if s.trim().is_empty() {
        inline(fallback)
    } else {
        s
    }
}

/// A heading's text: one line, escaped, never empty (an empty ATX heading swallows nothing but
/// reads as a gap).
fn heading_text(s: &str, fallback: &str) -> String {
    non_empty(inline(s.trim()), fallback)
}

/// A possibly multi-line string as paragraph lines, each prefixed (`"> "` for a block quote).
/// Blank lines stay paragraph breaks; every line is escaped so that it cannot start a list,
/// heading, code block or HTML block.
fn paragraph(s: &str, prefix: &str) -> String {
    let text = multi_line(s);
    let mut lines = Vec::new();
    for line in text.trim().split('\n') {
        let line = escape_line_start(&inline(line.trim()));
        if line.is_empty() {
            lines.push(prefix.trim_end().to_owned());
        } else {
            lines.push(format!("{prefix}{line}"));
        }
    }
    lines.join("\n")
}

/// Escapes what only means something at the start of a line: list markers (`-`, `+`, `1.`,
/// `1)`) and setext underlines (`=`).
fn escape_line_start(line: &str) -> String {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let bytes = line.as_bytes();
    if digits > 0 && matches!(bytes.get(digits), Some(b'.' | b')')) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    if matches!(bytes.first(), Some(b'-' | b'+' | b'=')) {
        return format!("\\{line}");
    }
    line.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped_in_inline_text() {
        assert_eq!(
            inline("a *b* [c](d) <e> | `f` $g$ &amp; #h"),
            r"a \*b\* \[c\](d) \<e\> \| \`f\` \$g\$ \&amp; \#h"
        );
    }

    #[test]
    fn line_breaks_and_controls_never_reach_a_cell() {
        assert_eq!(inline("a\nb\u{1b}c\u{2028}d"), "a b␛c d");
    }

    #[test]
    fn a_line_that_looks_like_a_list_or_heading_is_escaped() {
        assert_eq!(
            paragraph("- a\n\n2. b\n+ c\n=== d", "> "),
            "> \\- a\n>\n> 2\\. b\n> \\+ c\n> \\=== d"
        );
        assert_eq!(paragraph("    code?", ""), "code?");
        for (source, escaped) in [("---", "\\---"), ("- x", "\\- x"), ("1. x", "1\\. x")] {
            assert_eq!(escape_line_start(source), escaped);
        }
    }
}
