//! The Text pane's cursor and selection: where the reader is in the text, by byte, and the
//! passage they are selecting to quote, always whole words, trimmed of the spaces around it.
//!
//! The cursor and the view keep each other in sight, as in vim and less: a move of the cursor
//! (`w`, `)`, `}`, a search match) scrolls the view to it; a scroll (`j`, `PgDn`, the wheel)
//! moves the cursor onto the screen, in the same column. Both happen once per action, in
//! [`TextPane::settle`].

use super::{GUTTER, TextPane};
use crate::app::{App, Mode, Pane, layout};
use crate::model::motion;
use crate::wrap::char_width;
use std::ops::Range;

/// A selection in the making: where it started, and whether it is still exactly a search match
/// (`v` on the current match selects the match itself, not the words around it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// What `v` selected first: the cursor's character, or the current search match.
    pub anchor: Range<usize>,
    /// Still the match exactly: no move has widened it yet.
    pub exact: bool,
}

/// The cursor's moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    NextWord,
    PrevWord,
    NextSentence,
    PrevSentence,
    LineStart,
    LineEnd,
}

impl TextPane {
    /// The selection as the reader will quote it: from where it started to the character under
    /// the cursor, widened to whole words and trimmed of spaces; a search match as it is.
    pub fn selected_range(&self, text: &str) -> Option<Range<usize>> {
        let sel = self.selection.as_ref()?;
        let range = if sel.exact {
            sel.anchor.clone()
        } else {
            let cursor = floor(text, self.cursor);
            let start = sel.anchor.start.min(cursor);
            let end = sel.anchor.end.max(cursor + char_len(text, cursor));
            motion::whole_words(text, start..end)
        };
        let range = range.start.min(text.len())..range.end.min(text.len());
        (range.start < range.end
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end))
        .then_some(range)
    }

    /// The cursor's line (of the wrapped lines) and its column on screen, from 0.
    pub fn cursor_position(&self, text: &str) -> (usize, usize) {
        let line = self.line_of(self.cursor);
        let column = self.lines.get(line).map_or(0, |l| {
            let end = self.cursor.clamp(l.start, l.end.max(l.start));
            let end = floor(text, end);
            text[l.start.min(end)..end].chars().map(char_width).sum()
        });
        (line, column)
    }

    /// The byte of line `line` at screen column `column` (its last character when the line is
    /// shorter).
    pub fn at_column(&self, text: &str, line: usize, column: usize) -> usize {
        let Some(range) = self.lines.get(line) else {
            return self.cursor.min(text.len());
        };
        let mut used = 0;
        let mut last = range.start;
        for (i, c) in text[range.clone()].char_indices() {
            let w = char_width(c);
            last = range.start + i;
            if used + w > column {
                return last;
            }
            used += w;
        }
        last
    }

    /// Where `motion` takes the cursor.
    fn moved(&self, text: &str, motion: Motion) -> usize {
        let at = floor(text, self.cursor);
        match motion {
            Motion::NextWord => motion::next_word(text, at),
            Motion::PrevWord => motion::previous_word(text, at),
            Motion::NextSentence => motion::next_sentence(text, at),
            Motion::PrevSentence => motion::previous_sentence(text, at),
            Motion::LineStart => self.lines.get(self.line_of(at)).map_or(at, |l| l.start),
            Motion::LineEnd => self.lines.get(self.line_of(at)).map_or(at, |l| {
                // The line's last character, not past it: the cursor is always on one.
                text[l.clone()]
                    .char_indices()
                    .next_back()
                    .map_or(l.start, |(i, _)| l.start + i)
            }),
        }
    }

    /// Puts the cursor at `at`, and has the view follow it.
    pub fn put_cursor(&mut self, text: &str, at: usize) {
        self.cursor = floor(text, at);
        self.follow = true;
        if let Some(sel) = &mut self.selection {
            sel.exact = false;
        }
    }

    /// Keeps the cursor and the view in sight of each other in a pane `height` lines high:
    /// the view follows a cursor that moved, and a cursor the view left behind comes onto the
    /// screen in the same column. Also clamps the view to the text.
    pub fn settle(&mut self, text: &str, height: usize) {
        let height = height.max(1);
        self.cursor = floor(text, self.cursor);
        let (line, column) = self.cursor_position(text);
        if self.follow {
            if line < self.top {
                self.top = line;
            } else if line >= self.top + height {
                self.top = line + 1 - height;
            }
        }
        self.clamp(height);
        if !self.follow && !self.lines.is_empty() {
            let last = (self.top + height - 1).min(self.lines.len() - 1);
            let inside = line.clamp(self.top, last);
            if inside != line {
                let exact = self.selection.as_ref().is_some_and(|s| s.exact);
                self.cursor = self.at_column(text, inside, column);
                // A scroll that moves the cursor widens a selection as a move does.
                if let Some(sel) = &mut self.selection {
                    sel.exact = exact && sel.anchor.contains(&self.cursor);
                }
            }
        }
        self.follow = false;
    }
}

impl App {
    /// The Text pane's selection as the reader will quote it: a byte range of the document's
    /// text covering whole words, trimmed of surrounding spaces; None when nothing is selected.
    pub fn text_selection(&self) -> Option<Range<usize>> {
        self.text.selected_range(&self.model.doc.document.text)
    }

    /// Moves the Text pane's cursor (`w`, `b`, `)`, `(`, `0`, `$`); a selection follows it.
    pub(crate) fn text_motion(&mut self, motion: Motion) {
        if self.focus != Pane::Text || self.mode != Mode::Browse {
            return;
        }
        let text = &self.model.doc.document.text;
        let mut to = self.text.moved(text, motion);
        if to >= text.len() {
            // Past the last word there is no character to stand on.
            to = self.text.cursor;
        }
        if to == self.text.cursor && matches!(motion, Motion::NextWord | Motion::NextSentence) {
            self.message = Some("at the end of the text".into());
        } else if to == self.text.cursor
            && matches!(motion, Motion::PrevWord | Motion::PrevSentence)
        {
            self.message = Some("at the start of the text".into());
        }
        self.text.put_cursor(text, to);
    }

    /// `v`: starts a selection at the cursor (exactly the current search match when the cursor
    /// is on it), or ends the one being made.
    pub(crate) fn text_toggle_selection(&mut self) {
        if self.focus != Pane::Text {
            return;
        }
        if self.text.selection.take().is_some() {
            self.message = Some("selection ended".into());
            return;
        }
        let text = &self.model.doc.document.text;
        let cursor = floor(text, self.text.cursor);
        let on_match = self
            .search
            .as_ref()
            .filter(|s| s.pane == Pane::Text)
            .and_then(|s| s.current.and_then(|c| s.spans.get(c)))
            .filter(|m| m.contains(&cursor) || m.start == cursor);
        self.text.selection = Some(match on_match {
            Some(m) => Selection {
                anchor: m,
                exact: true,
            },
            None => Selection {
                anchor: cursor..cursor + char_len(text, cursor),
                exact: false,
            },
        });
        if self.text_selection().is_none() {
            self.message = Some("selection started: w, b, ), ( or $ take in words".into());
        }
    }

    /// Ends the selection being made; false when there was none.
    pub(crate) fn text_end_selection(&mut self) -> bool {
        if self.focus == Pane::Text && self.text.selection.take().is_some() {
            self.message = Some("selection ended".into());
            return true;
        }
        false
    }

    /// The byte of the text under screen cell `x`, `y` of the Text pane drawn at `rect`.
    pub(crate) fn text_byte_at(
        &self,
        x: u16,
        y: u16,
        rect: ratatui::layout::Rect,
    ) -> Option<usize> {
        let inside = layout::inner(rect);
        if y < inside.y || x < inside.x || y >= inside.bottom() {
            return None;
        }
        let line = self.text.top + (y - inside.y) as usize;
        self.text.lines.get(line)?;
        let column = (x - inside.x).saturating_sub(GUTTER) as usize;
        Some(
            self.text
                .at_column(&self.model.doc.document.text, line, column),
        )
    }

    /// A drag of the mouse to `x`, `y`: selects from where the button went down (the cursor,
    /// put there by the click) to the word under the pointer.
    pub(crate) fn text_drag(&mut self, x: u16, y: u16) {
        let screen = self.screen();
        let Some(rect) = screen.pane(Pane::Text) else {
            return;
        };
        // Not under a view or an overlay, nor in "Quoted by".
        if self.focus != Pane::Text || self.mode != Mode::Browse || !self.layers.is_empty() {
            return;
        }
        let inside = layout::inner(rect);
        // Past the top or the bottom of the pane, the text scrolls a line towards the pointer.
        let y = if y < inside.y && self.text.top > 0 {
            self.text.top -= 1;
            inside.y
        } else if y >= inside.bottom() && inside.height > 0 {
            self.text.top += 1;
            inside.bottom() - 1
        } else {
            y
        };
        let x = x.max(inside.x);
        let Some(at) = self.text_byte_at(x, y, rect) else {
            return;
        };
        let text = &self.model.doc.document.text;
        if self.text.selection.is_none() {
            let from = floor(text, self.text.cursor);
            self.text.selection = Some(Selection {
                anchor: from..from + char_len(text, from),
                exact: false,
            });
        }
        self.text.put_cursor(text, at);
    }
}

fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The length of the character at `at` (0 at the end of the text).
fn char_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(0, char::len_utf8)
}
