//! Argdown (argdown.org): every item becomes a statement `[Title]: text #kind {metadata}`, and
//! every `supports`/`opposes` link becomes a `+`/`-` relation listed under the statement it
//! supports or attacks. Claims come first, from the thesis down; the other panes follow. A linked
//! argument (a `group`) is one Argdown argument `<Name>` under the statement instead, and its
//! premise-conclusion structure lists the premises that hold only together.
//!
//! Argdown gives meaning to many characters inside text (`[`, `<`, `#`, `*`, `_`, `{`, `//`,
//! `.x.`, …) and identifies statements by title, so titles are made bracket-free and unique and
//! text is backslash-escaped. Metadata is flow YAML with double-quoted, escaped strings.

use super::one_line;
use crate::model::order;
use crate::model::{Kind, KindFields, Model};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

pub fn export(model: &Model) -> String {
    let titles = titles(model);
    let rels = order::argument_relations(model);
    let groups = order::linked_groups(model);
    let names = argument_titles(&groups);
    let group_of: HashMap<&str, usize> = groups
        .iter()
        .enumerate()
        .map(|(g, group)| (group.name, g))
        .collect();
    let mut out = String::new();
    front_matter(model, &mut out);
    let claims = order::argument_tree(model, &Default::default())
        .into_iter()
        .filter(|r| !r.repeat)
        .filter_map(|r| r.item())
        .filter(|&i| model.item(i).kind == Kind::Claim);
    let actors = order::actor_groups(model).into_iter().flat_map(|(_, m)| m);
    let sections: [(&str, Vec<usize>); 5] = [
        ("Argument", claims.collect()),
        ("Timeline", order::timeline(model)),
        ("Actors", actors.collect()),
        ("Provisions", order::of_kind(model, Kind::Provision)),
        (
            "Recommendations",
            order::of_kind(model, Kind::Recommendation),
        ),
    ];
    for (heading, items) in sections {
        if items.is_empty() {
            continue;
        }
        let _ = write!(out, "# {heading}\n\n");
        for i in items {
            statement(model, &titles, rels, i, &mut out);
            let mut written = HashSet::new();
            for link in &model.index.incoming[i] {
                let symbol = if Some(link.rel) == rels.supports {
                    '+'
                } else if Some(link.rel) == rels.opposes {
                    '-'
                } else {
                    continue;
                };
                let group = order::link_group(model, link.other, link.link)
                    .and_then(|name| group_of.get(name).copied())
                    .filter(|&g| groups[g].target == i && groups[g].rel == link.rel);
                match group {
                    Some(g) if written.insert(g) => {
                        let _ = writeln!(out, "  {symbol} <{}>", names[g]);
                    }
                    Some(_) => {}
                    None => {
                        let _ = writeln!(out, "  {symbol} [{}]", titles[link.other]);
                    }
                }
            }
            out.push('\n');
        }
        if heading == "Argument" {
            linked_arguments(model, rels, &groups, &names, &titles, &mut out);
        }
    }
    if out.ends_with("===\n\n") {
        // Argdown refuses front matter with nothing after it.
        out.push_str("# No items\n");
    } else {
        out.pop();
    }
    out
}

/// Each linked argument's premise-conclusion structure: the premises, a line, the conclusion. The
/// conclusion of premises that support a statement together is that statement; of premises that
/// oppose it together, a statement of their own that Argdown then reads as attacking it.
fn linked_arguments(
    model: &Model,
    rels: order::ArgumentRelations,
    groups: &[order::LinkedGroup],
    names: &[String],
    titles: &[String],
    out: &mut String,
) {
    if groups.is_empty() {
        return;
    }
    out.push_str("# Linked arguments\n\n");
    for (g, group) in groups.iter().enumerate() {
        let opposes = Some(group.rel) == rels.opposes;
        let how = if opposes { "oppose" } else { "support" };
        let _ = writeln!(
            out,
            "<{}>: Linked premises: they {how} it only together. {{group: {}}}\n",
            names[g],
            yaml_string(group.name)
        );
        for (n, &p) in group.premises.iter().enumerate() {
            let _ = writeln!(out, "({}) [{}]", n + 1, titles[p]);
        }
        out.push_str("----\n");
        let last = group.premises.len() + 1;
        if opposes {
            let _ = writeln!(
                out,
                "({last}) [{} (conclusion)]: Against: {}\n",
                names[g],
                escape_text(&model.item(group.target).title)
            );
        } else {
            let _ = writeln!(out, "({last}) [{}]\n", titles[group.target]);
        }
    }
}

/// Each linked argument's title: its group name on one line, with the characters that would end
/// an `<…>` or `[…]` title turned into parentheses, and unique.
fn argument_titles(groups: &[order::LinkedGroup]) -> Vec<String> {
    let mut used = HashSet::new();
    groups
        .iter()
        .map(|g| {
            let line = one_line(g.name);
            let words: Vec<&str> = line.split_whitespace().collect();
            let mut title: String = words
                .join(" ")
                .chars()
                .map(|c| match c {
                    '<' | '[' => '(',
                    '>' | ']' => ')',
                    c => c,
                })
                .collect();
            if title.is_empty() || title.starts_with('-') {
                title.insert_str(0, "group ");
            }
            while !used.insert(title.clone()) {
                title.push('\'');
            }
            title
        })
        .collect()
}

/// The document's title and source, for the map's caption.
fn front_matter(model: &Model, out: &mut String) {
    let source = &model.doc.document;
    out.push_str("===\n");
    let _ = writeln!(out, "title: {}", yaml_string(&source.title));
    let about: Vec<&str> = [&source.source, &source.published, &source.url]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if !about.is_empty() {
        let _ = writeln!(out, "subTitle: {}", yaml_string(&about.join(", ")));
    }
    out.push_str("===\n\n");
}

/// `[Title]: text #kind #role {metadata}` on one line.
fn statement(
    model: &Model,
    titles: &[String],
    rels: order::ArgumentRelations,
    i: usize,
    out: &mut String,
) {
    let item = model.item(i);
    let body = item.summary.as_deref().unwrap_or(&item.title);
    let mut text = escape_text(body);
    if text.is_empty() {
        text = escape_text(&item.id);
    }
    let _ = write!(out, "[{}]: {text} #{}", titles[i], item.kind);
    if let KindFields::Claim { role, unstated } = item.fields {
        let _ = write!(out, " #{}", role.name());
        if unstated {
            out.push_str(" #unstated");
        }
    }
    let _ = writeln!(out, " {}", metadata(model, rels, i));
}

/// Flow YAML: the id, the kind's fields, tags, quotes and the links Argdown cannot draw.
fn metadata(model: &Model, rels: order::ArgumentRelations, i: usize) -> String {
    let item = model.item(i);
    let mut entries = vec![format!("id: {}", yaml_string(&item.id))];
    let mut entry = |key: &str, value: &str| entries.push(format!("{key}: {}", yaml_string(value)));
    match &item.fields {
        KindFields::Event { when: Some(w) } => {
            entry("when", &w.label);
            if let Some(d) = w.date {
                entry("date", &d.to_string());
            }
        }
        KindFields::Actor { role, group } => {
            role.iter().for_each(|r| entry("role", r));
            group.iter().for_each(|g| entry("group", g));
        }
        KindFields::Provision {
            instrument: Some(i),
        } => entry("instrument", i),
        _ => {}
    }
    let list = |values: Vec<&str>| {
        let values: Vec<String> = values.iter().map(|v| yaml_string(v)).collect();
        format!("[{}]", values.join(", "))
    };
    if !item.tags.is_empty() {
        entries.push(format!(
            "tags: {}",
            list(item.tags.iter().map(|t| t.as_str()).collect())
        ));
    }
    if !item.quotes.is_empty() {
        let quotes = item.quotes.iter().map(|q| q.exact.as_str()).collect();
        entries.push(format!("quotes: {}", list(quotes)));
    }
    let others: Vec<String> = model.index.outgoing[i]
        .iter()
        .filter(|l| !rels.contains(l.rel))
        .map(|l| format!("{} {}", model.relation(l.rel).id, model.item(l.other).id))
        .collect();
    if !others.is_empty() {
        entries.push(format!(
            "links: {}",
            list(others.iter().map(String::as_str).collect())
        ));
    }
    format!("{{{}}}", entries.join(", "))
}

/// Each item's statement title: one line, brackets turned into parentheses (a `]` would end the
/// title), never starting with `-` (Argdown would not read it as a reference), and unique, since
/// Argdown treats statements with the same title as one.
fn titles(model: &Model) -> Vec<String> {
    let mut used = HashSet::new();
    let mut titles = Vec::with_capacity(model.doc.items.len());
    for item in &model.doc.items {
        let line = super::title(item);
        let words: Vec<&str> = line.split_whitespace().collect();
        let mut title = words.join(" ").replace('[', "(").replace(']', ")");
        if let Some(rest) = title.strip_prefix('-') {
            title = format!("\u{2010}{rest}");
        }
        while !used.insert(title.clone()) {
            write!(title, " ({})", item.id).unwrap_or(());
        }
        titles.push(title);
    }
    titles
}

/// Statement text on one line, with every character that Argdown could read as markup escaped:
/// mentions, tags, emphasis, references, metadata, comments (`//`, `/*`, `<!--`), front matter
/// (`===`), and `.name.`/`:name:` shortcodes (a `.` or `:` directly before a non-space).
fn escape_text(s: &str) -> String {
    let line = one_line(s);
    let words: Vec<&str> = line.split_whitespace().collect();
    let line = words.join(" ");
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let next_is_text = chars.peek().is_some_and(|n| !n.is_whitespace());
        let escape = match c {
            '\\' | '@' | '#' | '*' | '_' | '[' | ']' | '<' | '>' | '{' | '}' | '/' | '=' => true,
            '.' | ':' => next_is_text,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A YAML double-quoted string that is also safe inside Argdown's `{…}` metadata and `===` front
/// matter: braces and `=` are written as escapes, so the only ones Argdown sees are structural.
fn yaml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in one_line(s).chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '{' | '}' | '=' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            // YAML's printable set; anything else would make js-yaml refuse the metadata.
            ' '..='~' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'.. => {
                out.push(c)
            }
            c if (c as u32) <= 0xFFFF => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08X}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape_text("U.S. [x] <y> #z *a* _b_ {c} // d @e f=g http://h"),
            r"U\.S. \[x\] \<y\> \#z \*a\* \_b\_ \{c\} \/\/ d \@e f\=g http\:\/\/h"
        );
    }

    #[test]
    fn sentence_ends_and_colons_before_a_space_stay_plain() {
        assert_eq!(escape_text("Done. Next: this."), "Done. Next: this.");
    }

    #[test]
    fn yaml_strings_hide_braces_and_quotes() {
        assert_eq!(
            yaml_string("a \"b\" \\ {c} === \u{FFFF}"),
            r#""a \"b\" \\ \u007Bc\u007D \u003D\u003D\u003D \uFFFF""#
        );
    }
}
