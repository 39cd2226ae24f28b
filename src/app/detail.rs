//! The detail of one item as blocks of text: fields, summary, quotes, then links grouped by
//! relation. Both `update` (to know where each link is) and the view (to draw) use it, so the
//! link the reader selects is the one drawn selected.

use crate::model::{Kind, KindFields, Model, sanitize};
use crate::wrap::wrap;
use std::borrow::Cow;
use std::ops::Range;

/// A link as the detail lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DetailLink {
    pub outgoing: bool,
    pub rel: usize,
    pub other: usize,
    /// Position in the source item's `links`, for the note.
    pub link: usize,
}

/// An item's links: outgoing grouped by relation (in order of first use), then incoming grouped by
/// inverse relation.
pub fn links(model: &Model, item: usize) -> Vec<DetailLink> {
    first_links(model, item, usize::MAX)
}

/// The first `limit` of an item's [`links`], found without going through the rest: a hub has
/// thousands, and the detail shows a screenful.
pub fn first_links(model: &Model, item: usize, limit: usize) -> Vec<DetailLink> {
    let mut out = Vec::new();
    for (outgoing, refs) in [
        (true, &model.index.outgoing[item]),
        (false, &model.index.incoming[item]),
    ] {
        // The relations listed so far; every link before `start` has one of them.
        let mut listed: Vec<usize> = Vec::new();
        let mut start = 0;
        while out.len() < limit {
            let Some(at) = refs[start..]
                .iter()
                .position(|l| !listed.contains(&l.rel))
                .map(|p| start + p)
            else {
                break;
            };
            let rel = refs[at].rel;
            listed.push(rel);
            start = at + 1;
            let room = limit - out.len();
            out.extend(
                refs[at..]
                    .iter()
                    .filter(|l| l.rel == rel)
                    .take(room)
                    .map(|l| DetailLink {
                        outgoing,
                        rel,
                        other: l.other,
                        link: l.link,
                    }),
            );
        }
    }
    out
}

/// How many links [`links`] lists: every link of the item, either way.
pub fn link_count(model: &Model, item: usize) -> usize {
    model.index.outgoing[item].len() + model.index.incoming[item].len()
}

/// What a block of the detail is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Title,
    Field,
    Heading,
    Summary,
    Quote,
    /// The n-th entry of [`links`].
    Link(usize),
    Blank,
}

/// One paragraph of the detail, already sanitized.
#[derive(Debug, Clone)]
pub struct Block {
    pub part: Part,
    /// Drawn before the first row; continuation rows are indented by its width.
    pub prefix: &'static str,
    pub text: String,
}

/// The most characters of one block the detail shows, far more than a screen holds: a block cut
/// here ends in "…". A megabyte summary then costs no more per frame than a long one.
pub const MAX_BLOCK_CHARS: usize = 20_000;

fn block<'a>(part: Part, prefix: &'static str, text: impl Into<Cow<'a, str>>) -> Block {
    let text = text.into();
    // A string that is already clean and short enough is kept, not copied.
    let text = match capped(&text) {
        Cow::Borrowed(_) => text.into_owned(),
        Cow::Owned(cut) => cut,
    };
    Block { part, prefix, text }
}

/// Document text for a block, sanitized and cut to [`MAX_BLOCK_CHARS`].
pub fn capped(s: &str) -> std::borrow::Cow<'_, str> {
    sanitize::line_capped(s, MAX_BLOCK_CHARS)
}

/// The detail of `item` as blocks, with these of its links.
pub fn blocks(model: &Model, item: usize, links: &[DetailLink], ascii: bool) -> Vec<Block> {
    let mut out = head(model, item, ascii);
    push_links(&mut out, model, item, links, ascii);
    out
}

/// The blocks before the links: title, fields, summary and quotes.
pub fn head(model: &Model, item: usize, ascii: bool) -> Vec<Block> {
    let it = model.item(item);
    let mut out = vec![block(Part::Title, "", &it.title)];
    let mut field = |name: &str, value: &str| {
        out.push(block(Part::Field, "", format!("{name}: {}", capped(value))))
    };
    field("Kind", it.kind.name());
    match &it.fields {
        KindFields::Event { when: Some(w) } => {
            let date = w.date.map(|d| format!(" ({d})")).unwrap_or_default();
            field("When", &format!("{}{date}", capped(&w.label)));
        }
        KindFields::Actor { role, group } => {
            if let Some(r) = role {
                field("Role", r);
            }
            if let Some(g) = group {
                field("Group", g);
            }
        }
        KindFields::Provision {
            instrument: Some(i),
        } => field("Instrument", i),
        KindFields::Claim { role, unstated } => {
            field("Role", &crate::model::types::role_label(*role, *unstated))
        }
        _ => {}
    }
    if !it.tags.is_empty() {
        // Joined only as far as a block can show: there may be thousands, or huge ones.
        let mut tags = String::new();
        for t in &it.tags {
            if tags.len() > MAX_BLOCK_CHARS {
                break;
            }
            if !tags.is_empty() {
                tags.push_str(", ");
            }
            tags.push_str(&capped(t));
        }
        field("Tags", &tags);
    }
    if let Some(s) = &it.summary {
        out.push(block(Part::Blank, "", ""));
        out.push(block(Part::Summary, "", s));
    }
    if !it.quotes.is_empty() {
        out.push(block(Part::Blank, "", ""));
        out.push(block(Part::Heading, "", "Quotes"));
        let bar = if ascii { "| " } else { "│ " };
        for q in &it.quotes {
            out.push(block(Part::Quote, bar, &q.exact));
        }
    }
    out
}

/// Adds the blocks of `links` (the first ones of [`links`]) after the head: a heading before each
/// relation, then a block a link.
pub fn push_links(
    out: &mut Vec<Block>,
    model: &Model,
    item: usize,
    links: &[DetailLink],
    ascii: bool,
) {
    let it = model.item(item);
    // What each link shows, gathered first in a loop of nothing but loads: at 100,000 items
    // every other item is a cache miss, and independent loads let the processor wait for many of
    // them at once rather than one per link between the formatting.
    let ends: Vec<(&str, Kind, Option<&str>)> = links
        .iter()
        .map(|l| {
            let other = model.item(l.other);
            let source = if l.outgoing { it } else { other };
            let note = source.links.get(l.link).and_then(|k| k.note.as_deref());
            (other.title.as_str(), other.kind, note)
        })
        .collect();
    let mut last: Option<(bool, usize)> = None;
    for (n, (l, &(title, kind, note))) in links.iter().zip(&ends).enumerate() {
        if last != Some((l.outgoing, l.rel)) {
            let rel = model.relation(l.rel);
            out.push(block(Part::Blank, "", ""));
            out.push(block(
                Part::Heading,
                "",
                if l.outgoing { &rel.label } else { &rel.inverse },
            ));
            last = Some((l.outgoing, l.rel));
        }
        let arrow = match (l.outgoing, ascii) {
            (true, false) => "→ ",
            (false, false) => "← ",
            (true, true) => "-> ",
            (false, true) => "<- ",
        };
        // Its pieces are clean and capped already: the block is not scanned again.
        let (title, note) = (capped(title), note.map(capped));
        let mut text = String::with_capacity(
            title.len() + kind.name().len() + 3 + note.as_ref().map_or(0, |n| n.len() + 5),
        );
        for piece in [&title, " (", kind.name(), ")"] {
            text.push_str(piece);
        }
        if let Some(note) = note {
            text.push_str(" — ");
            text.push_str(&note);
        }
        // No more bytes than the cap: no more characters either (a long title and a long note
        // together may pass it, and are cut as any block is).
        out.push(if text.len() <= MAX_BLOCK_CHARS {
            Block {
                part: Part::Link(n),
                prefix: arrow,
                text,
            }
        } else {
            block(Part::Link(n), arrow, text)
        });
    }
}

/// One screen row of the detail: a block and the part of its text on this row.
#[derive(Debug, Clone)]
pub struct DetailRow {
    pub block: usize,
    pub text: Range<usize>,
    pub first: bool,
}

/// Wraps the blocks to `width` columns (the prefix included).
pub fn rows(blocks: &[Block], width: usize) -> Vec<DetailRow> {
    let mut out = Vec::new();
    extend_rows(&mut out, blocks, 0, width);
    out
}

/// Adds the rows of `blocks[from..]` to `out`, which holds those of the blocks before.
pub fn extend_rows(out: &mut Vec<DetailRow>, blocks: &[Block], from: usize, width: usize) {
    for (b, blk) in blocks.iter().enumerate().skip(from) {
        // Links have a two-column gutter for the selection marker before their arrow.
        let gutter = if matches!(blk.part, Part::Link(_)) {
            2
        } else {
            0
        };
        let indent = crate::wrap::str_width(blk.prefix) + gutter;
        let room = width.saturating_sub(indent).max(1);
        // Most blocks (a link, a field) are one line that fits: what wrapping would give.
        let body = blk.text.trim_end();
        if !body.is_empty() && !blk.text.contains('\n') && crate::wrap::str_width(&blk.text) <= room
        {
            out.push(DetailRow {
                block: b,
                text: 0..body.len(),
                first: true,
            });
            continue;
        }
        let lines = wrap(&blk.text, room);
        if lines.is_empty() {
            out.push(DetailRow {
                block: b,
                text: 0..0,
                first: true,
            });
        }
        for (k, r) in lines.into_iter().enumerate() {
            out.push(DetailRow {
                block: b,
                text: r,
                first: k == 0,
            });
        }
    }
}

/// The detail as laid out on screen (see `App::detail_layout`).
#[derive(Debug, Clone)]
pub struct DetailLayout {
    pub blocks: Vec<Block>,
    pub rows: Vec<DetailRow>,
    /// The first row on screen.
    pub scroll: usize,
}

/// The first row of link `n`, for scrolling it into view.
pub fn link_row(blocks: &[Block], rows: &[DetailRow], n: usize) -> Option<usize> {
    rows.iter()
        .position(|r| blocks[r.block].part == Part::Link(n))
}
