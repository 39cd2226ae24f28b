//! The drawing kit and the compositor: `draw` lays the screen out once, hands each pane and each
//! view or overlay on the stack its area, and draws the status line and footer. Drawing reads an
//! `&App` and changes nothing. The panes and views draw themselves (`crate::panes`,
//! `crate::views`); what they share is here: the glyph table, the styles, blocks and text fitting.

pub mod glyphs;
pub mod line;
mod status;
/// The styles, from `crate::theme` (kept here for the views' imports).
pub mod theme {
    pub use crate::theme::*;
}

pub use crate::app::layout::inner;

use crate::app::{App, Pane};
use crate::model::sanitize;
use crate::panes;
use crate::wrap::str_width;
use glyphs::Glyphs;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear};
use std::borrow::Cow;
use theme::Theme;

/// What every region needs to draw: the state, the styles and the glyphs.
pub struct Ctx<'a> {
    pub app: &'a App,
    pub theme: Theme,
    pub sym: &'static Glyphs,
    /// The selected item, whose links are marked in the list panes.
    selected: Option<usize>,
}

impl Ctx<'_> {
    /// Whether `item` is linked to the selected item.
    pub fn is_linked(&self, item: usize) -> bool {
        self.selected
            .is_some_and(|sel| self.app.model.index.linked(sel, item))
    }
}

/// Draws the whole screen: the panes, then each view and overlay on the stack, bottom first,
/// then the status line and the footer.
pub fn draw(app: &App, frame: &mut Frame) {
    let ctx = Ctx {
        app,
        theme: app.theme,
        sym: app.glyphs,
        selected: app.selected_item(),
    };
    let screen = app.screen();
    if let Some(tabs) = screen.tabs {
        status::tabs(&ctx, frame, tabs);
    }
    for &(pane, area) in &screen.panes {
        match pane {
            Pane::Text => panes::text::draw::pane(&ctx, frame, area),
            _ => panes::lists::draw::pane(&ctx, frame, pane, area),
        }
    }
    if let Some(side) = screen.side {
        if app.focus == Pane::Text {
            panes::text::draw::passage(&ctx, frame, side);
        } else {
            panes::detail::draw::detail(&ctx, frame, side);
        }
    }
    // Views fill the body; overlays (always above the views on the stack) are centred in it,
    // so the status line and the footer under a form or the help stay whole.
    let (overlays, views): (Vec<_>, Vec<_>) = app.layers.iter().partition(|l| l.is_overlay());
    for layer in views {
        let area = layer.area(&screen);
        if area.area() > 0 {
            frame.render_widget(Clear, area);
            layer.draw(&ctx, frame, area);
        }
    }
    status::status(&ctx, frame, screen.status);
    status::footer(&ctx, frame, screen.footer);
    for layer in overlays {
        layer.draw(&ctx, frame, layer.area(&screen));
    }
}

/// A `w`×`h` rectangle centred in `area` (no larger than it).
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let (w, h) = (w.min(area.width), h.min(area.height));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

impl Ctx<'_> {
    /// A focused box at `rect` over what is drawn, with a title; returns the area inside its
    /// border.
    pub fn overlay(&self, frame: &mut Frame, rect: Rect, title: Line<'static>) -> Rect {
        clear(frame, rect);
        frame.render_widget(self.block(title, true), rect);
        inner(rect)
    }

    /// [`Ctx::overlay`] with `▲ more` / `▼ more` on its border where there is more to read.
    pub fn overlay_more(
        &self,
        frame: &mut Frame,
        rect: Rect,
        title: Line<'static>,
        above: bool,
        below: bool,
    ) -> Rect {
        clear(frame, rect);
        frame.render_widget(self.more(self.block(title, true), above, below), rect);
        inner(rect)
    }

    /// A bordered block with a title, highlighted when focused.
    pub fn block<'t>(&self, title: impl Into<Line<'t>>, focused: bool) -> Block<'t> {
        Block::new()
            .borders(Borders::ALL)
            .border_set(self.sym.border(focused))
            .border_style(if focused {
                self.theme.border_focused
            } else {
                self.theme.border
            })
            .title(border_text(title))
    }

    /// `block` with `▲ more` on its top border and `▼ more` on its bottom one, where there is
    /// more to read above or below what it shows (the keys that scroll are in the footer).
    pub fn more<'t>(&self, mut block: Block<'t>, above: bool, below: bool) -> Block<'t> {
        let mark =
            |glyph: &str| Line::styled(format!(" {glyph} more "), self.theme.dim).right_aligned();
        if above {
            block = block.title(mark(self.sym.more_up));
        }
        if below {
            block = block.title_bottom(mark(self.sym.more_down));
        }
        block
    }
}

/// A line for a border (a block's title or its bottom), without the invisible format characters
/// that stand alone as graphemes (a soft hyphen, a byte-order mark, a zero-width space, a word
/// joiner, the direction marks): ratatui lays a border's text out by graphemes, and one of them
/// right after a wide character took the cell the wide character covers. The joiner and the
/// variation selectors that make an emoji stay.
pub fn border_text<'t>(line: impl Into<Line<'t>>) -> Line<'t> {
    let lone = |c: char| {
        matches!(
            c,
            '\u{AD}' | '\u{61C}' | '\u{180E}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{2060}'
                ..='\u{2064}' | '\u{FEFF}'
        )
    };
    let mut line = line.into();
    for span in &mut line.spans {
        if span.content.contains(lone) {
            span.content = span
                .content
                .chars()
                .filter(|&c| !lone(c))
                .collect::<String>()
                .into();
        }
    }
    line
}

/// `s` (already sanitized and at most `width` wide) padded with spaces to `width` columns.
pub fn pad(s: &str, width: usize) -> String {
    let w = str_width(s);
    let mut out = s.to_owned();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// Document text for one line: sanitized, then cut to `width` columns with an ellipsis. Only the
/// part that fits is read, so a huge string costs no more than a short one.
pub fn fit(s: &str, width: usize, ellipsis: &str) -> String {
    fit_cow(s, width, ellipsis).into_owned()
}

/// [`fit`], borrowing `s` when it fits as it is (the usual title on the usual screen: no copy).
pub fn fit_cow<'a>(s: &'a str, width: usize, ellipsis: &str) -> Cow<'a, str> {
    let ellipsis_width = crate::wrap::str_width(ellipsis);
    let room = width.saturating_sub(ellipsis_width);
    // Printable ASCII is a column a byte: what fits is a slice (most titles on most screens).
    let head = &s.as_bytes()[..s.len().min(width.saturating_add(1))];
    if head.iter().all(|b| (b' '..=b'~').contains(b)) {
        if s.len() <= width {
            return s.into();
        }
        let mut out = s[..room].to_owned();
        if width >= ellipsis_width {
            out.push_str(ellipsis);
        }
        return out.into();
    }
    fit_by_char(s, width, ellipsis, ellipsis_width, room)
}

/// [`fit`], a grapheme at a time: `s` itself when it is clean and fits (no copy), or its part
/// that fits `room` followed by the ellipsis, sanitized. Graphemes are measured as the buffer
/// measures them, so a joined emoji is cut whole and takes the columns it is drawn in.
fn fit_by_char<'a>(
    s: &'a str,
    width: usize,
    ellipsis: &str,
    ellipsis_width: usize,
    room: usize,
) -> Cow<'a, str> {
    // Zero-width characters (combining marks) take no room; past this many characters the string
    // is cut anyway, so that a run of millions of them is not copied to the screen.
    let budget = width.saturating_mul(8).saturating_add(32);
    let mut used = 0;
    let mut chars = 0;
    // Where the text is cut when it turns out not to fit: the end of the part that fits `room`.
    let mut cut = None;
    for (at, g, w) in crate::wrap::graphemes(s) {
        chars += g.chars().count();
        if used + w > width || chars > budget {
            let mut out = sanitize::line(&s[..cut.unwrap_or(at)]).into_owned();
            if width >= ellipsis_width {
                out.push_str(ellipsis);
            }
            return out.into();
        }
        if cut.is_none() && used + w > room {
            cut = Some(at);
        }
        used += w;
    }
    sanitize::line(s)
}

/// Draws `lines` into `area`, a line a row, each cut at the area's right edge and those past its
/// bottom left out: what a `Paragraph` without wrapping draws, without its reflow machinery.
pub fn render_lines(frame: &mut Frame, area: Rect, lines: &[Line]) {
    let buf = frame.buffer_mut();
    let area = area.intersection(buf.area);
    for (line, y) in lines.iter().zip(area.top()..area.bottom()) {
        set_line(buf, area.x, y, line, area.width);
    }
}

/// [`Buffer::set_line`], through a [`RowWriter`].
fn set_line(buf: &mut Buffer, x: u16, y: u16, line: &Line, max_width: u16) {
    let mut row = RowWriter::new(buf, x, y, max_width);
    for span in line {
        row.put(&span.content, line.style.patch(span.style));
    }
}

/// The one way the panes write a row: piece after piece, left to right, each cut at the row's
/// right edge, through the buffer's own grapheme-aware `set_stringn`. It is what
/// [`Buffer::set_line`] draws for a line of spans, without building the line first (a pane of
/// rows of a marker, a mark and a title is most of a frame).
pub struct RowWriter<'b> {
    buf: &'b mut Buffer,
    x: u16,
    y: u16,
    remaining: u16,
}

impl<'b> RowWriter<'b> {
    /// The row `y` from column `x`, at most `width` columns (none outside the buffer).
    pub fn new(buf: &'b mut Buffer, x: u16, y: u16, width: u16) -> RowWriter<'b> {
        let area = buf.area;
        let inside = y >= area.top() && y < area.bottom() && x >= area.left();
        let remaining = if inside {
            width.min(area.right().saturating_sub(x))
        } else {
            0
        };
        RowWriter {
            buf,
            x,
            y,
            remaining,
        }
    }

    /// Writes `text` in `style` after what is written.
    pub fn put(&mut self, text: &str, style: Style) -> &mut Self {
        if self.remaining == 0 || text.is_empty() {
            return self;
        }
        let (to, _) = self
            .buf
            .set_stringn(self.x, self.y, text, self.remaining.into(), style);
        self.remaining -= to.saturating_sub(self.x).min(self.remaining);
        self.x = to;
        self
    }
}

/// Clears `rect` for an overlay (help, palette). A wide character drawn just left of it by the
/// pane underneath would reach into the overlay, and the terminal would never be sent the cell it
/// covers: the overlay's border would vanish there. Such a character becomes a space.
pub fn clear(frame: &mut Frame, rect: Rect) {
    use ratatui::buffer::CellWidth;
    frame.render_widget(ratatui::widgets::Clear, rect);
    let buf = frame.buffer_mut();
    let left = buf.area.x;
    for y in rect.top()..rect.bottom().min(buf.area.bottom()) {
        let mut x = left;
        while x < rect.x {
            let width = buf[(x, y)].symbol().cell_width().max(1);
            if x + width > rect.x {
                buf[(x, y)].set_symbol(" ");
            }
            x += width;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fit;
    use crate::wrap::str_width;

    proptest::proptest! {
        /// The ASCII shortcut cuts where the character-by-character fit cuts.
        #[test]
        fn fit_cuts_ascii_as_it_cuts_anything(
            s in "[ -~]{0,30}(é|\t|北|\u{1b})?[ -~]{0,5}",
            width in 0usize..40,
            ellipsis in proptest::sample::select(vec!["", "…", "...", "~"]),
        ) {
            let ew = str_width(ellipsis);
            let room = width.saturating_sub(ew);
            proptest::prop_assert_eq!(
                fit(&s, width, ellipsis),
                super::fit_by_char(&s, width, ellipsis, ew, room)
            );
        }

        /// Borrowing a clean string that fits, or cutting it without sanitizing, gives what
        /// sanitizing every character gives.
        #[test]
        fn fit_borrows_only_what_sanitizing_would_leave_alone(
            s in "[a-zé北\u{301}\u{200b}\u{200d}\u{fe0f}👨❤\t\u{1b}\u{7f}’ ]{0,40}",
            width in 0usize..30,
            ellipsis in proptest::sample::select(vec!["", "…", "..."]),
        ) {
            let ew = str_width(ellipsis);
            let room = width.saturating_sub(ew);
            let got = super::fit_by_char(&s, width, ellipsis, ew, room);
            let want = fit_sanitizing_each_character(&s, width, ellipsis, ew, room);
            proptest::prop_assert_eq!(got.as_ref(), want.as_str());
            if matches!(got, std::borrow::Cow::Borrowed(_)) {
                proptest::prop_assert_eq!(got.as_ref(), s.as_str());
            }
        }
    }

    /// The fit written plainly, a sanitized grapheme at a time into a new string, each measured
    /// by the buffer's own `cell_width`: the reference the borrowing fit is checked against.
    fn fit_sanitizing_each_character(
        s: &str,
        width: usize,
        ellipsis: &str,
        ellipsis_width: usize,
        room: usize,
    ) -> String {
        use ratatui::buffer::CellWidth;
        use unicode_segmentation::UnicodeSegmentation;
        let budget = width.saturating_mul(8).saturating_add(32);
        let mut out = String::new();
        let (mut used, mut chars) = (0, 0);
        let mut cut = None;
        for g in s.graphemes(true) {
            let clean = crate::model::sanitize::line(g);
            let w = usize::from(clean.cell_width());
            chars += g.chars().count();
            if used + w > width || chars > budget {
                out.truncate(cut.unwrap_or(out.len()));
                if width >= ellipsis_width {
                    out.push_str(ellipsis);
                }
                return out;
            }
            if cut.is_none() && used + w > room {
                cut = Some(out.len());
            }
            out.push_str(&clean);
            used += w;
        }
        out
    }

    proptest::proptest! {
        /// A row written piece by piece draws exactly the cells the buffer's own `set_line`
        /// draws: ASCII runs broken by wide characters, combining marks, controls and emoji, cut
        /// at any width.
        #[test]
        fn set_line_draws_what_the_buffer_draws(
            spans in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::prop_oneof![
                        4 => "[ -~]{1,8}",
                        1 => "[\u{301}\u{200d}\u{fe0f}北京é\t\u{1b}\u{7f}👍🏽]",
                        2 => "[a-zñéễ’—… \u{a0}\u{ad}\u{24f}\u{1e00}\u{2027}\u{301}\u{308}]{1,6}",
                    ],
                    0..6,
                ),
                0..4,
            ),
            x in 0u16..6,
            width in 0u16..40,
        ) {
            use ratatui::buffer::Buffer;
            use ratatui::layout::Rect;
            use ratatui::style::{Color, Style};
            use ratatui::text::{Line, Span};
            let styles = [Style::new(), Style::new().fg(Color::Red), Style::new().bold()];
            let line = Line::from(
                spans
                    .iter()
                    .enumerate()
                    .map(|(i, parts)| Span::styled(parts.concat(), styles[i % 3]))
                    .collect::<Vec<_>>(),
            )
            .style(Style::new().bg(Color::Blue));
            let area = Rect::new(0, 0, 30, 1);
            let (mut want, mut got) = (Buffer::empty(area), Buffer::empty(area));
            want.set_line(x, 0, &line, width);
            super::set_line(&mut got, x, 0, &line, width);
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn fit_keeps_what_fits_and_cuts_the_rest_with_an_ellipsis() {
        assert_eq!(fit("abc", 3, "…"), "abc");
        assert_eq!(fit("abcd", 3, "…"), "ab…");
        assert_eq!(fit("a\u{1b}[2Jb", 10, "…"), "a␛[2Jb");
        assert_eq!(fit("a\tb", 10, "…"), "a b");
        // A wide character that would straddle the edge goes, the ellipsis takes its place.
        assert_eq!(fit("ab北京", 5, "…"), "ab北…");
        assert_eq!(fit("ab北京", 4, "…"), "ab…");
        assert_eq!(fit("abc", 0, "…"), "");
        assert_eq!(fit("abcdef", 4, "..."), "a...");
    }

    #[test]
    fn fit_never_cuts_inside_a_grapheme_cluster() {
        let flags = format!("x{}", "🇺🇸".repeat(30));
        let shown = fit(&flags, 41, "…");
        let regional = shown.chars().filter(|c| ('🇦'..='🇿').contains(c)).count();
        assert_eq!(regional % 2, 0, "{shown}");
        assert_eq!(fit("ab👨\u{200d}👩\u{200d}👧", 3, "…"), "ab…");
        assert_eq!(
            fit("ab👨\u{200d}👩\u{200d}👧", 4, "…"),
            "ab👨\u{200d}👩\u{200d}👧"
        );
        assert_eq!(fit("क्षक्ष", 3, "…"), "क्ष…");
    }

    #[test]
    fn fit_reads_only_the_part_of_a_huge_string_that_fits() {
        let huge = "word ".repeat(1_000_000);
        assert_eq!(fit(&huge, 12, "…"), "word word w…");
        // Millions of combining marks take no room, but are not all copied to the screen.
        let zalgo = format!("e{}", "\u{301}".repeat(1_000_000));
        let shown = fit(&zalgo, 10, "…");
        assert!(
            shown.chars().count() < 200,
            "{} chars",
            shown.chars().count()
        );
        assert!(str_width(&shown) <= 10);
    }
}
