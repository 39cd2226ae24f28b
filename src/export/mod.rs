//! Exports of a loaded document to other tools' formats: a Markdown brief, the normalised JSON,
//! a Graphviz graph, Argdown and AIF. Each format is one small module; what they share (the
//! panes' orders, one-line text) lives here and in `order`.

pub mod aif;
pub mod argdown;
pub mod dot;
pub mod json;
pub mod markdown;

use crate::model::{Item, Model, sanitize};
use std::borrow::Cow;

/// The formats `argscope export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable brief, one section per pane, for GitHub and any Markdown viewer.
    Markdown,
    /// The normalised document: defaults filled in, stable order.
    Json,
    /// A Graphviz digraph of every item and link.
    Dot,
    /// Argdown: statements with support and attack relations.
    Argdown,
    /// The Argument Interchange Format, in AIFdb's JSON shape.
    Aif,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Markdown,
        Format::Json,
        Format::Dot,
        Format::Argdown,
        Format::Aif,
    ];
}

/// Renders `model` in `format`. Every export is deterministic: the same input gives the same bytes.
pub fn export(model: &Model, format: Format) -> String {
    match format {
        Format::Markdown => markdown::export(model),
        Format::Json => json::export(model),
        Format::Dot => dot::export(model),
        Format::Argdown => argdown::export(model),
        Format::Aif => aif::export(model),
    }
}

/// A document string made safe for one line of an export: control characters become visible
/// symbols (the one sanitizer), and the Unicode line and paragraph separators become spaces,
/// because JavaScript-based tools such as Argdown treat them as line ends.
pub(crate) fn one_line(s: &str) -> Cow<'_, str> {
    let clean = sanitize::line(s);
    if !clean.contains(['\u{2028}', '\u{2029}']) {
        return clean;
    }
    Cow::Owned(clean.replace(['\u{2028}', '\u{2029}'], " "))
}

/// An item's title on one line, or its id when the title is blank, so no node or heading is
/// ever empty.
pub(crate) fn title(item: &Item) -> Cow<'_, str> {
    let title = one_line(&item.title);
    if title.trim().is_empty() {
        Cow::Borrowed(&item.id)
    } else {
        title
    }
}

/// A document string that may keep its line breaks, made safe the same way as [`one_line`].
pub(crate) fn multi_line(s: &str) -> Cow<'_, str> {
    let clean = sanitize::text(s);
    if !clean.contains(['\u{2028}', '\u{2029}']) {
        return clean;
    }
    Cow::Owned(clean.replace(['\u{2028}', '\u{2029}'], "\n"))
}
