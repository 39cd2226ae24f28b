//! Argdown (argdown.org): every item becomes a statement `[Title]: text #kind {metadata}`, and
//! every `supports`/`opposes` link becomes a `+`/`-` relation listed under the statement it
//! supports or attacks. Claims come first, from the thesis down; the other panes follow.
//!
//! Argdown gives meaning to many characters inside text (`[`, `<`, `#`, `*`, `_`, `{`, `//`,
//! `.x.`, …) and identifies statements by title, so titles are made bracket-free and unique and
//! text is backslash-escaped. Metadata is flow YAML with double-quoted, escaped strings.

use super::one_line;
use crate::model::order;
use crate::model::{Kind, KindFields, Model};
use std::collections::HashSet;
use std::fmt::Write;

pub fn export(model: &Model) -> String {
    let titles = titles(model);
    let rels = order::argument_relations(model);
    let mut out = String::new();
    front_matter(model, &mut out);
    let claims = order::argument_tree(model, &Default::default())
        .into_iter()
        .filter(|r| !r.repeat && model.item(r.item).kind == Kind::Claim)
        .map(|r| r.item);
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
            for link in &model.index.incoming[i] {
                let symbol = if Some(link.rel) == rels.supports {
                    '+'
                } else if Some(link.rel) == rels.opposes {
                    '-'
                } else {
                    continue;
                };
                let _ = writeln!(out, "  {symbol} [{}]", titles[link.other]);
            }
            out.push('\n');
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
    if let KindFields::Claim { role } = item.fields {
        let _ = write!(out, " #{}", role.name());
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
