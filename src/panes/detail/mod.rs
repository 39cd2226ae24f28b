//! The detail of one item as blocks of text: fields, summary, quotes, then links grouped by
//! relation. Both `update` (to know where each link is) and drawing use one layout of it, so the
//! link the reader selects is the one drawn selected.

pub mod draw;

use crate::app::{App, Mode, cursor, layout};
use crate::model::{Kind, KindFields, Model, sanitize};
use crate::ui::glyphs::Glyphs;
use crate::wrap::wrap;
use ratatui::layout::Rect;
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

/// What is drawn before a block's first row (continuation rows are indented by its width).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefix {
    None,
    /// A quote's bar (on every row of the quote).
    Quote,
    /// An outgoing or an incoming link's arrow.
    Outgoing,
    Incoming,
}

impl Prefix {
    pub fn glyph(self, g: &Glyphs) -> &'static str {
        match self {
            Prefix::None => "",
            Prefix::Quote => g.quote_bar,
            Prefix::Outgoing => g.outgoing,
            Prefix::Incoming => g.incoming,
        }
    }
}

/// One paragraph of the detail, already sanitized.
#[derive(Debug, Clone)]
pub struct Block {
    pub part: Part,
    pub prefix: Prefix,
    pub text: String,
    /// Where the dash before a link's note is in `text` (the interface's own glyph among the
    /// document's words).
    pub note_dash: Option<usize>,
}

/// The dash before a link's note, as the block's text holds it.
pub const NOTE_DASH: &str = "—";

/// The most characters of one block the detail shows, far more than a screen holds: a block cut
/// here ends in "…". A megabyte summary then costs no more per frame than a long one.
pub const MAX_BLOCK_CHARS: usize = 20_000;

fn block<'a>(part: Part, prefix: Prefix, text: impl Into<Cow<'a, str>>) -> Block {
    let text = text.into();
    // A string that is already clean and short enough is kept, not copied.
    let text = match capped(&text) {
        Cow::Borrowed(_) => text.into_owned(),
        Cow::Owned(cut) => cut,
    };
    Block {
        part,
        prefix,
        text,
        note_dash: None,
    }
}

/// Document text for a block, sanitized and cut to [`MAX_BLOCK_CHARS`].
pub fn capped(s: &str) -> std::borrow::Cow<'_, str> {
    sanitize::line_capped(s, MAX_BLOCK_CHARS)
}

/// The detail of `item` as blocks, with these of its links.
pub fn blocks(model: &Model, item: usize, links: &[DetailLink]) -> Vec<Block> {
    let mut out = head(model, item);
    push_links(&mut out, model, item, links);
    out
}

/// The blocks before the links: title, fields, summary and quotes.
pub fn head(model: &Model, item: usize) -> Vec<Block> {
    let it = model.item(item);
    let mut out = vec![block(Part::Title, Prefix::None, &it.title)];
    let mut field = |name: &str, value: &str| {
        out.push(block(
            Part::Field,
            Prefix::None,
            format!("{name}: {}", capped(value)),
        ))
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
    // A claim's place in the argument, whole and wrapped (the status line can only shorten it).
    if let Some(chain) = crate::panes::argument::why(model, item).filter(|c| c.len() > 1) {
        // In words, so that no glyph of the interface is in the document's blocks:
        // "A supports B, which opposes T".
        let mut why = String::new();
        for (n, step) in chain.iter().enumerate() {
            why.push_str(&capped(&model.item(step.item).title));
            if let Some(rel) = step.rel {
                let which = if n == 0 { "" } else { ", which" };
                why.push_str(&format!("{which} {} ", capped(&model.relation(rel).label)));
            }
        }
        field("Why", &why);
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
        // A blank line in a summary is a paragraph break; other line breaks are spaces.
        for para in paragraphs(s) {
            out.push(block(Part::Blank, Prefix::None, ""));
            out.push(block(Part::Summary, Prefix::None, para));
        }
    }
    if !it.quotes.is_empty() {
        out.push(block(Part::Blank, Prefix::None, ""));
        out.push(block(Part::Heading, Prefix::None, "Quotes"));
        for q in &it.quotes {
            out.push(block(Part::Quote, Prefix::Quote, &q.exact));
        }
    }
    out
}

/// The paragraphs of `s`: the runs of lines between blank lines (lines of nothing but
/// whitespace), each trimmed.
pub fn paragraphs(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        loop {
            if rest.is_empty() {
                return None;
            }
            // The end of the paragraph: the first line break followed by a blank line.
            let mut end = rest.len();
            let mut next = rest.len();
            let mut at = 0;
            while let Some(nl) = rest[at..].find('\n') {
                let line_end = at + nl;
                let after = &rest[line_end + 1..];
                let blank_len = after.find('\n').unwrap_or(after.len());
                if after[..blank_len].trim().is_empty() {
                    end = line_end;
                    next = (line_end + 1 + blank_len + 1).min(rest.len());
                    break;
                }
                at = line_end + 1;
            }
            let para = rest[..end].trim();
            rest = &rest[next..];
            if !para.is_empty() {
                return Some(para);
            }
        }
    })
}

/// Adds the blocks of `links` (the first ones of [`links`]) after the head: a heading before each
/// relation, then a block a link.
pub fn push_links(out: &mut Vec<Block>, model: &Model, item: usize, links: &[DetailLink]) {
    // What each link shows, gathered first in a loop of nothing but loads: at 100,000 items
    // every other item is a cache miss, and independent loads let the processor wait for many of
    // them at once rather than one per link between the formatting.
    let ends: Vec<(&str, Kind, Option<&str>)> = links
        .iter()
        .map(|l| {
            let other = model.item(l.other);
            let source = if l.outgoing { item } else { l.other };
            let note = model.link_note(source, l.link);
            (other.title.as_str(), other.kind, note)
        })
        .collect();
    let mut last: Option<(bool, usize)> = None;
    for (n, (l, &(title, kind, note))) in links.iter().zip(&ends).enumerate() {
        if last != Some((l.outgoing, l.rel)) {
            let rel = model.relation(l.rel);
            out.push(block(Part::Blank, Prefix::None, ""));
            out.push(block(
                Part::Heading,
                Prefix::None,
                if l.outgoing { &rel.label } else { &rel.inverse },
            ));
            last = Some((l.outgoing, l.rel));
        }
        let arrow = if l.outgoing {
            Prefix::Outgoing
        } else {
            Prefix::Incoming
        };
        // Its pieces are clean and capped already: the block is not scanned again.
        let (title, note) = (capped(title), note.map(capped));
        let mut text = String::with_capacity(
            title.len() + kind.name().len() + 3 + note.as_ref().map_or(0, |n| n.len() + 5),
        );
        for piece in [&title, " (", kind.name(), ")"] {
            text.push_str(piece);
        }
        let mut note_dash = None;
        if let Some(note) = note {
            text.push(' ');
            note_dash = Some(text.len());
            text.push_str(NOTE_DASH);
            text.push(' ');
            text.push_str(&note);
        }
        // No more bytes than the cap: no more characters either (a long title and a long note
        // together may pass it, and are cut as any block is).
        out.push(if text.len() <= MAX_BLOCK_CHARS {
            Block {
                part: Part::Link(n),
                prefix: arrow,
                text,
                note_dash,
            }
        } else {
            Block {
                note_dash,
                ..block(Part::Link(n), arrow, text)
            }
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

/// The columns before a link's arrow, where the selection marker goes.
pub const LINK_GUTTER: usize = 2;

/// Wraps the blocks to `width` columns (the prefix included).
pub fn rows(blocks: &[Block], width: usize, g: &Glyphs) -> Vec<DetailRow> {
    let mut out = Vec::new();
    extend_rows(&mut out, blocks, 0, width, g);
    out
}

/// Adds the rows of `blocks[from..]` to `out`, which holds those of the blocks before.
pub fn extend_rows(
    out: &mut Vec<DetailRow>,
    blocks: &[Block],
    from: usize,
    width: usize,
    g: &Glyphs,
) {
    for (b, blk) in blocks.iter().enumerate().skip(from) {
        // Links have a two-column gutter for the selection marker before their arrow.
        let gutter = if matches!(blk.part, Part::Link(_)) {
            LINK_GUTTER
        } else {
            0
        };
        let indent = crate::wrap::str_width(blk.prefix.glyph(g)) + gutter;
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
    /// Whether rows are hidden above the first row on screen, or below the last.
    pub more_above: bool,
    pub more_below: bool,
}

/// Where the detail is scrolled to, and for which item: a new item starts at its top.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DetailScroll {
    /// The item the scroll belongs to.
    pub item: Option<usize>,
    /// The first row on screen.
    pub top: usize,
    /// The selected link moved (or the links were entered): the next settle scrolls only as far
    /// as it needs to show it, once, so that scrolling by hand afterwards is not undone.
    pub follow_link: bool,
}

/// The first row of link `n`, for scrolling it into view.
pub fn link_row(blocks: &[Block], rows: &[DetailRow], n: usize) -> Option<usize> {
    rows.iter()
        .position(|r| blocks[r.block].part == Part::Link(n))
}

/// The detail's keys.
impl App {
    /// Into the selected item's links.
    pub(crate) fn detail_enter_links(&mut self) {
        if self.selected_item().is_none() {
            self.message = Some(format!("{} is empty", self.focus.title()));
        } else if self.detail_link_count() == 0 {
            self.message = Some("this item has no links".into());
        } else {
            self.mode = Mode::Links;
            self.link = 0;
            self.detail.follow_link = true;
        }
    }

    /// Moves among the links.
    pub(crate) fn detail_step_link(&mut self, delta: isize) {
        self.link = cursor::step(self.link, delta, self.detail_link_count());
        self.detail.follow_link = true;
    }

    /// The detail's inside on the current screen, when it shows (not beside the Text pane).
    pub fn detail_area(&self) -> Option<Rect> {
        if self.focus == crate::app::Pane::Text {
            return None;
        }
        self.screen().side.map(layout::inner)
    }

    /// Scrolls the detail by `delta` rows (`isize::MIN`/`MAX`: a page up or down); the next
    /// settle clamps it.
    pub(crate) fn detail_scroll(&mut self, delta: isize) {
        if self.focus == crate::app::Pane::Text && self.mode == Mode::Links {
            // In "Quoted by" the keys scroll the passage panel the list is in.
            let page = self
                .panel_area()
                .map_or(1, |a| (a.height as isize - 1).max(1));
            self.panel_scroll(match delta {
                isize::MIN => -page,
                isize::MAX => page,
                d => d,
            });
            return;
        }
        if self.focus == crate::app::Pane::Text {
            // Browsing the Text pane, the keys scroll the text, as in vim.
            let page = self.screen().inner_height(crate::app::Pane::Text) as isize - 1;
            let d = match delta {
                isize::MIN => -page.max(1),
                isize::MAX => page.max(1),
                d => d,
            };
            self.text_scroll(d);
            return;
        }
        let Some(area) = self.detail_area() else {
            self.message = Some("no detail at this width: Enter shows it".into());
            return;
        };
        let page = (area.height as isize - 1).max(1);
        let delta = match delta {
            isize::MIN => -page,
            isize::MAX => page,
            d => d,
        };
        self.detail.item = self.selected_item();
        self.detail.top = (self.detail.top as isize + delta).max(0) as usize;
        self.detail.follow_link = false;
    }

    /// Keeps the detail's scroll in its rows (and the selected link on screen when it moved):
    /// called with the rest of `keep_in_view`.
    pub(crate) fn settle_detail(&mut self) {
        let item = self.selected_item();
        if self.detail.item != item {
            self.detail = DetailScroll {
                item,
                top: 0,
                follow_link: self.detail.follow_link,
            };
        }
        let (Some(item), Some(area)) = (item, self.detail_area()) else {
            return;
        };
        let height = (area.height as usize).max(1);
        let shown = self.detail_layout(item, area);
        let mut top = self.detail.top;
        if self.mode == Mode::Links && self.detail.follow_link {
            let first = link_row(&shown.blocks, &shown.rows, self.link).unwrap_or(0);
            // The whole link (it may wrap) and, when there is room, the line after it.
            let last = shown
                .rows
                .iter()
                .rposition(|r| shown.blocks[r.block].part == Part::Link(self.link))
                .unwrap_or(first);
            let bottom = (last + 2).min(shown.rows.len());
            if bottom > top + height {
                top = bottom - height;
            }
            top = top.min(first);
        }
        self.detail.top = top.min(shown.rows.len().saturating_sub(height));
        self.detail.follow_link = false;
    }

    /// How many links the detail lists.
    pub fn detail_link_count(&self) -> usize {
        self.selected_item()
            .map_or(0, |i| link_count(&self.model, i))
    }

    /// The detail's `n`-th link.
    pub fn detail_link(&self, n: usize) -> Option<DetailLink> {
        let item = self.selected_item()?;
        first_links(&self.model, item, n.saturating_add(1))
            .get(n)
            .copied()
    }

    /// The detail of `item` laid out inside `area` (the detail's inside): its blocks, with as
    /// many of its links as can show (a hub has thousands, and this runs on every frame), their
    /// rows, and the first row on screen (the top, unless the selected link would be below it).
    pub fn detail_layout(&self, item: usize, area: Rect) -> DetailLayout {
        let (width, height) = (area.width as usize, area.height as usize);
        let g = self.glyphs;
        let mut blocks = head(&self.model, item);
        let mut rows = rows(&blocks, width, g);
        // The scroll is the one `settle_detail` kept, for this item.
        let scroll = if self.detail.item == Some(item) {
            self.detail.top
        } else {
            0
        };
        // Each link takes a row at least, after a heading: those past the screen's bottom
        // cannot show. In the links, one past the selected link is needed to scroll to it.
        let wanted = (self.link + 2).max((scroll + height + 1).saturating_sub(rows.len()));
        let links = first_links(&self.model, item, wanted);
        let unlisted = links.len() < link_count(&self.model, item);
        let from = blocks.len();
        push_links(&mut blocks, &self.model, item, &links);
        extend_rows(&mut rows, &blocks, from, width, g);
        let more_below = rows.len() > scroll + height || unlisted;
        DetailLayout {
            blocks,
            rows,
            scroll,
            more_above: scroll > 0,
            more_below,
        }
    }

    /// A click on row `y` of the detail at `side`: on a link, follows it.
    pub(crate) fn click_detail(&mut self, y: u16, side: Rect) {
        let Some(item) = self.selected_item() else {
            return;
        };
        let inside = layout::inner(side);
        let shown = self.detail_layout(item, inside);
        let row = shown.scroll + (y - inside.y) as usize;
        if let Some(Part::Link(n)) = shown.rows.get(row).map(|r| shown.blocks[r.block].part) {
            self.link = n;
            self.follow_link();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    #[test]
    fn a_blank_line_breaks_a_summary_into_paragraphs() {
        let p = |s| paragraphs(s).collect::<Vec<_>>();
        assert_eq!(p("one"), ["one"]);
        assert_eq!(p("one\ntwo"), ["one\ntwo"]);
        assert_eq!(p("one\n\ntwo"), ["one", "two"]);
        assert_eq!(p("one\n  \n\n two \n"), ["one", "two"]);
        assert_eq!(p("\n\none\n"), ["one"]);
        assert!(p("").is_empty());
    }
}
