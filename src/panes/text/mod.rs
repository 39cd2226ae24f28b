//! The Text pane: the article wrapped to the pane's width, its quoted passages, and where the
//! reader is in it.

pub mod draw;
pub mod selection;

pub use selection::Selection;

use crate::app::layout::{self, Screen};
use crate::app::{App, Mode, Pane, cursor};
use crate::model::Model;
use std::ops::Range;

/// Columns left of the text: a mark for the current passage and a space.
pub const GUTTER: u16 = 2;

/// The width the text wraps to in the Text pane of `screen`.
pub fn wrap_width(screen: &Screen) -> usize {
    screen.pane(Pane::Text).map_or(1, |r| {
        layout::inner(r).width.saturating_sub(GUTTER).max(1) as usize
    })
}

/// A span of the text that one or more items quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub span: Range<usize>,
    /// The items quoting it: `TextPane::quoting[items]`, so that a hundred thousand passages
    /// are not a hundred thousand lists.
    items: Range<u32>,
}

/// The Text pane's state. The wrapped lines are recomputed only when the width changes.
#[derive(Debug, Clone, Default)]
pub struct TextPane {
    /// Every quoted passage, by start (then end).
    pub passages: Vec<Passage>,
    /// The items quoting each passage, passage after passage.
    quoting: Vec<usize>,
    /// `max_end[i]`: the furthest end among `passages[..=i]`, to find passages overlapping a line.
    max_end: Vec<usize>,
    /// The text wrapped at `width`.
    pub lines: crate::wrap::Lines,
    pub width: usize,
    /// The first line on screen.
    pub top: usize,
    /// The selected passage.
    pub current: Option<usize>,
    /// The item whose passages stand out (the one `t` was pressed on).
    pub item: Option<usize>,
    /// The selection in the "quoted by" list.
    pub link: usize,
    /// The reader's cursor: a byte offset of the text, on a character boundary.
    pub cursor: usize,
    /// The selection being made (`v`), from where it started to the cursor.
    pub selection: Option<Selection>,
    /// Set by a move of the cursor: the view follows it (scrolls to it) once the action is
    /// done; otherwise a scroll moves the cursor onto the screen.
    pub follow: bool,
    /// The passage panel beside the pane: its first row on screen, the passage that scroll
    /// belongs to (another passage starts at its top), and whether the next settle scrolls the
    /// selected "quoted by" row into view (once, so that scrolling by hand is not undone).
    pub panel_top: usize,
    pub panel_for: Option<usize>,
    pub panel_follow: bool,
}

impl TextPane {
    pub fn new(model: &Model) -> TextPane {
        let mut all: Vec<(Range<usize>, usize)> = Vec::new();
        for (item, spans) in model.spans.iter().enumerate() {
            all.extend(spans.iter().map(|s| (s.clone(), item)));
        }
        all.sort_by_key(|(s, item)| (s.start, s.end, *item));
        let mut passages: Vec<Passage> = Vec::new();
        let mut quoting = Vec::with_capacity(all.len());
        for (span, item) in all {
            match passages.last_mut() {
                Some(p) if p.span == span => {
                    // Sorted by item too: one item quoting a passage twice is next to itself.
                    if quoting.last() != Some(&item) {
                        quoting.push(item);
                        p.items.end += 1;
                    }
                }
                _ => {
                    let at = quoting.len() as u32;
                    quoting.push(item);
                    passages.push(Passage {
                        span,
                        items: at..at + 1,
                    });
                }
            }
        }
        let mut max_end = Vec::with_capacity(passages.len());
        let mut furthest = 0;
        for p in &passages {
            furthest = furthest.max(p.span.end);
            max_end.push(furthest);
        }
        TextPane {
            passages,
            quoting,
            max_end,
            ..TextPane::default()
        }
    }

    /// The items quoting passage `p`, in document order.
    pub fn quoting(&self, p: usize) -> &[usize] {
        self.passages.get(p).map_or(&[], |passage| {
            &self.quoting[passage.items.start as usize..passage.items.end as usize]
        })
    }

    /// Rewraps for a new width (nothing happens when the width is unchanged).
    pub fn set_width(&mut self, text: &str, width: usize) {
        if width == self.width && !self.lines.is_empty() {
            return;
        }
        // Keep the same text at the top of the pane across a rewrap.
        let anchor = self.lines.get(self.top).map(|l| l.start);
        // The old lines go first: both at once would be the peak memory of a large text.
        self.width = width;
        self.lines = crate::wrap::Lines::default();
        self.lines = crate::wrap::wrap_lines(text, width);
        self.top = anchor.map_or(0, |a| self.line_of(a));
    }

    /// The line holding byte `at`.
    pub fn line_of(&self, at: usize) -> usize {
        self.lines.starting_by(at).saturating_sub(1)
    }

    /// Passages overlapping `range`, in order.
    pub fn overlapping(&self, range: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let end = self.passages.partition_point(|p| p.span.start < range.end);
        let mut first = end;
        while first > 0 && self.max_end[first - 1] > range.start {
            first -= 1;
        }
        (first..end).filter(move |&i| {
            self.passages[i].span.end > range.start || self.passages[i].span.is_empty()
        })
    }

    /// Scrolls so that passage `p` is on screen, a little below the top when it moves.
    pub fn show_passage(&mut self, p: usize, height: usize) {
        self.current = Some(p);
        self.link = 0;
        let Some(passage) = self.passages.get(p) else {
            return;
        };
        // The cursor goes to the passage, and a selection with it.
        self.cursor = passage.span.start;
        if let Some(sel) = &mut self.selection {
            sel.exact = false;
        }
        let first = self.line_of(passage.span.start);
        let last = self.line_of(passage.span.end.saturating_sub(1).max(passage.span.start));
        if first < self.top || last >= self.top + height.max(1) {
            self.top = first.saturating_sub(height / 4);
        }
        self.clamp(height);
    }

    /// The passage with exactly this span, if there is one.
    pub fn passage_at(&self, span: Range<usize>) -> Option<usize> {
        let at = self
            .passages
            .partition_point(|p| (p.span.start, p.span.end) < (span.start, span.end));
        (self.passages.get(at)?.span == span).then_some(at)
    }

    /// The first passage quoted by `item`.
    pub fn passage_of(&self, model: &Model, item: usize) -> Option<usize> {
        let span = model.spans.get(item)?.first()?;
        self.passages.iter().position(|p| p.span == *span)
    }

    /// The next (`dir` = 1) or previous (-1) passage from the cursor: from the current passage
    /// when the cursor is at its start (passages that start together are stepped through in
    /// order), else the first passage starting at or after the cursor, or the last one starting
    /// before it.
    pub fn step_passage(&self, dir: isize) -> Option<usize> {
        if self.passages.is_empty() {
            return None;
        }
        match self.current {
            Some(c) if self.passages.get(c).map(|p| p.span.start) == Some(self.cursor) => {
                if dir > 0 {
                    (c + 1 < self.passages.len()).then_some(c + 1)
                } else {
                    c.checked_sub(1)
                }
            }
            _ => {
                let at = self
                    .passages
                    .partition_point(|p| p.span.start < self.cursor);
                if dir > 0 {
                    (at < self.passages.len()).then_some(at)
                } else {
                    at.checked_sub(1)
                }
            }
        }
    }

    pub fn scroll(&mut self, delta: isize, height: usize) {
        self.top = (self.top as isize + delta).max(0) as usize;
        self.clamp(height);
    }

    pub fn clamp(&mut self, height: usize) {
        self.top = self.top.min(self.lines.len().saturating_sub(height.max(1)));
    }
}

impl TextPane {
    /// The item selected in the "quoted by" list of the current passage.
    pub fn quoting_selected(&self) -> Option<usize> {
        self.current
            .and_then(|p| self.quoting(p).get(self.link).copied())
    }
}

/// The Text pane's keys.
impl App {
    /// The Text pane's selected item: in "Quoted by", the one under the cursor; elsewhere the
    /// current passage's only item (or, of several, the one `t` came from, whose passages stand
    /// out); with no passage selected, the item `t` came from.
    pub fn text_selected_item(&self) -> Option<usize> {
        if self.mode == Mode::Links {
            return self.text.quoting_selected();
        }
        match self.text.current {
            Some(p) => match self.text.quoting(p) {
                [only] => Some(*only),
                several => self.text.item.filter(|i| several.contains(i)),
            },
            None => self.text.item,
        }
    }

    fn text_height(&self) -> usize {
        self.screen().inner_height(Pane::Text)
    }

    /// Scrolls the text by `delta` lines; `isize::MIN`/`MAX` go to the ends.
    pub(crate) fn text_scroll(&mut self, delta: isize) {
        let height = self.text_height();
        let text = &self.model.doc.document.text;
        match delta {
            // The ends of the text: the cursor goes with the view, to the first or last line.
            isize::MIN => {
                self.text.top = 0;
                self.text.put_cursor(text, 0);
            }
            isize::MAX => {
                self.text.top = usize::MAX;
                let last = self.text.lines.len().saturating_sub(1);
                let at = self.text.lines.get(last).map_or(0, |l| l.start);
                self.text.put_cursor(text, at);
            }
            d => self.text.scroll(d, height),
        }
        self.text.clamp(height);
    }

    /// A click at `x`, `y` in the Text pane drawn at `rect`: selects the quoted passage under it
    /// (the nearest on that line when the click falls between passages).
    /// The cursor goes there too, and a selection being made ends (a drag from there starts one).
    pub(crate) fn text_click(&mut self, x: u16, y: u16, rect: ratatui::layout::Rect) {
        let Some(at) = self.text_byte_at(x, y, rect) else {
            return;
        };
        let range = self.text.lines.get(self.text.line_of(at)).unwrap_or(at..at);
        self.text.selection = None;
        self.text.put_cursor(&self.model.doc.document.text, at);
        let on_line: Vec<usize> = self.text.overlapping(range.clone()).collect();
        let under = on_line
            .iter()
            .copied()
            .filter(|&p| self.text.passages[p].span.contains(&at))
            // Of nested passages, the innermost.
            .min_by_key(|&p| self.text.passages[p].span.len())
            .or_else(|| {
                on_line.iter().copied().min_by_key(|&p| {
                    let s = &self.text.passages[p].span;
                    s.start.abs_diff(at).min(s.end.abs_diff(at))
                })
            });
        if let Some(p) = under {
            self.text.current = Some(p);
            self.text.link = 0;
        }
    }

    /// Moves in the "quoted by" list.
    pub(crate) fn text_step_link(&mut self, delta: isize) {
        let count = self.text.current.map_or(0, |p| self.text.quoting(p).len());
        self.text.link = cursor::step(self.text.link, delta, count);
        self.text.panel_follow = true;
    }

    /// The passage panel's inside on the current screen, when it shows.
    pub fn panel_area(&self) -> Option<ratatui::layout::Rect> {
        if self.focus != Pane::Text {
            return None;
        }
        self.screen().side.map(layout::inner)
    }

    /// Scrolls the passage panel by `delta` rows; the next settle clamps it.
    pub(crate) fn panel_scroll(&mut self, delta: isize) {
        self.text.panel_for = self.text.current;
        self.text.panel_top = (self.text.panel_top as isize + delta).max(0) as usize;
        self.text.panel_follow = false;
    }

    /// Keeps the passage panel's scroll in its rows, and the selected "quoted by" row on screen
    /// when it moved: called with the rest of `keep_in_view`.
    pub(crate) fn settle_panel(&mut self) {
        if self.text.panel_for != self.text.current {
            self.text.panel_for = self.text.current;
            self.text.panel_top = 0;
        }
        let (Some(p), Some(area)) = (self.text.current, self.panel_area()) else {
            return;
        };
        let height = (area.height as usize).max(1);
        let head = draw::panel_head_rows(self, p, area.width as usize);
        let rows = head + self.text.quoting(p).len();
        let mut top = self.text.panel_top;
        if self.mode == Mode::Links && self.text.panel_follow {
            let row = head + self.text.link;
            if row + 1 > top + height {
                top = row + 1 - height;
            }
            top = top.min(row);
        }
        self.text.panel_top = top.min(rows.saturating_sub(height));
        self.text.panel_follow = false;
    }

    /// Into the items quoting the current passage (the next one below, when none is current).
    pub(crate) fn text_enter_links(&mut self) {
        if self.text.current.is_none()
            && let Some(p) = self.text.step_passage(1)
        {
            let h = self.text_height();
            self.text.show_passage(p, h);
        }
        match self.text.current {
            Some(_) => {
                self.mode = Mode::Links;
                self.text.link = 0;
                self.text.panel_follow = true;
            }
            None => self.message = Some("the text has no quoted passages".into()),
        }
    }

    pub(crate) fn open_text_at(&mut self, item: usize) {
        self.text.item = Some(item);
        let height = self.text_height();
        match self.text.passage_of(&self.model, item) {
            Some(p) => self.text.show_passage(p, height),
            None => self.message = Some("this item has no quote in the text".into()),
        }
    }

    pub(crate) fn step_passage(&mut self, dir: isize) {
        let height = self.text_height();
        match self.text.step_passage(dir) {
            Some(p) => self.text.show_passage(p, height),
            None => {
                self.message = Some(
                    if dir > 0 {
                        "no quoted passage below"
                    } else {
                        "no quoted passage above"
                    }
                    .into(),
                )
            }
        }
    }
}
