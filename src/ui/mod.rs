//! The view: draws an `&App` into a frame and changes nothing else. One module per region.

mod compare;
mod detail;
mod help;
mod lists;
mod map;
mod matrix;
mod palette;
mod status;
mod text;
pub mod views;
/// The styles and symbols, from `crate::theme` (kept here for the views' imports).
pub mod theme {
    pub use crate::theme::*;
}

use crate::app::{App, Mode, Pane};
use crate::model::sanitize;
use crate::wrap::char_width;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};
use std::borrow::Cow;
use theme::{Symbols, Theme};

/// What every region needs to draw: the state, the styles and the symbols.
pub struct Ctx<'a> {
    pub app: &'a App,
    pub theme: Theme,
    pub sym: Symbols,
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

/// Draws the whole screen.
pub fn draw(app: &App, frame: &mut Frame) {
    let ctx = Ctx {
        app,
        theme: app.theme,
        sym: Symbols::new(app.options.ascii),
        selected: app.selected_item(),
    };
    let screen = app.screen();
    if let Some(tabs) = screen.tabs {
        status::tabs(&ctx, frame, tabs);
    }
    for &(pane, area) in &screen.panes {
        match pane {
            Pane::Text => text::pane(&ctx, frame, area),
            _ => lists::pane(&ctx, frame, pane, area),
        }
    }
    if let Some(side) = screen.side {
        if app.focus == Pane::Text {
            text::passage(&ctx, frame, side);
        } else {
            detail::detail(&ctx, frame, side);
        }
    }
    views::draw(&ctx, frame);
    status::status(&ctx, frame, screen.status);
    status::footer(&ctx, frame, screen.footer);
    match &app.mode {
        Mode::Help { scroll } => help::help(&ctx, frame, *scroll),
        Mode::Prompt(p) if p.kind == crate::app::search::PromptKind::Palette => {
            palette::palette(&ctx, frame, p)
        }
        _ => {}
    }
}

impl Ctx<'_> {
    /// A focused box of `w`×`h` centred on the screen over what is drawn, with a title; returns
    /// the area inside its border.
    pub fn overlay(&self, frame: &mut Frame, w: u16, h: u16, title: &'static str) -> Rect {
        let area = frame.area();
        let (w, h) = (w.min(area.width), h.min(area.height));
        let rect = Rect::new(
            area.x + (area.width - w) / 2,
            area.y + (area.height - h) / 2,
            w,
            h,
        );
        clear(frame, rect);
        frame.render_widget(
            self.block(Line::styled(title, self.theme.title), true),
            rect,
        );
        inner(rect)
    }

    /// A bordered block with a title, highlighted when focused.
    pub fn block<'t>(&self, title: impl Into<Line<'t>>, focused: bool) -> Block<'t> {
        let set = if self.app.options.ascii {
            border::Set {
                top_left: "+",
                top_right: "+",
                bottom_left: "+",
                bottom_right: "+",
                vertical_left: "|",
                vertical_right: "|",
                horizontal_top: "-",
                horizontal_bottom: "-",
            }
        } else if focused {
            border::THICK
        } else {
            border::PLAIN
        };
        Block::new()
            .borders(Borders::ALL)
            .border_set(set)
            .border_style(if focused {
                self.theme.border_focused
            } else {
                self.theme.border
            })
            .title(title)
    }
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

/// [`fit`], a character at a time: `s` itself when it is clean and fits (no copy), or its part
/// that fits `room` followed by the ellipsis, sanitized.
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
    // A string with characters that may join others into one grapheme cluster (combining marks,
    // joiners, regional indicators, Indic signs: all from U+0300 up) is cut between clusters,
    // never inside one, and each cluster measured as the screen measures it.
    let clustered = s
        .char_indices()
        .take(budget)
        .any(|(_, c)| c as u32 >= 0x300);
    if clustered {
        return fit_by_cluster(s, width, ellipsis, ellipsis_width, room, budget);
    }
    fit_chars(s, width, ellipsis, ellipsis_width, room, budget)
}

/// [`fit_by_char`] a character at a time.
fn fit_chars<'a>(
    s: &'a str,
    width: usize,
    ellipsis: &str,
    ellipsis_width: usize,
    room: usize,
    budget: usize,
) -> Cow<'a, str> {
    let mut used = 0;
    // Where the text is cut when it turns out not to fit: the end of the part that fits `room`.
    let mut cut = None;
    for (n, (at, c)) in s.char_indices().enumerate() {
        let w = char_width(sanitize::line_char(c));
        if used + w > width || n >= budget {
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

/// The longest grapheme cluster kept whole when a line is cut (a family emoji is 25 bytes).
const MAX_CLUSTER_BYTES: usize = 64;

/// [`fit_by_char`] a grapheme cluster at a time.
fn fit_by_cluster<'a>(
    s: &'a str,
    width: usize,
    ellipsis: &str,
    ellipsis_width: usize,
    room: usize,
    budget: usize,
) -> Cow<'a, str> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut used = 0;
    let mut cut = None;
    for (n, (at, cluster)) in s.grapheme_indices(true).enumerate() {
        // A cluster of hundreds of marks is no character anyone reads: such a string is cut a
        // character at a time, within the budget.
        if cluster.len() > MAX_CLUSTER_BYTES {
            return fit_chars(s, width, ellipsis, ellipsis_width, room, budget);
        }
        let w = cluster_width(cluster);
        if used + w > width || n >= budget {
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

/// The columns a grapheme cluster takes once sanitized: as the screen's buffer measures a
/// cluster (a flag, a joined emoji, a conjunct: its width as one), unless a character of it is
/// drawn as a stand-in symbol.
pub fn cluster_width(cluster: &str) -> usize {
    let mut chars = cluster.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => char_width(sanitize::line_char(c)),
        _ if cluster.chars().all(|c| sanitize::line_char(c) == c) => {
            unicode_width::UnicodeWidthStr::width(cluster)
        }
        _ => cluster
            .chars()
            .map(|c| char_width(sanitize::line_char(c)))
            .sum(),
    }
}

/// A span of document text, sanitized.
pub fn span<'a>(s: &str, style: Style) -> Span<'a> {
    Span::styled(sanitize::line(s).into_owned(), style)
}

/// Draws `lines` into `area`, a line a row, each cut at the area's right edge and those past its
/// bottom left out: what a `Paragraph` without wrapping draws, without its reflow machinery (a
/// pane full of rows is most of a frame's cost).
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

/// One screen row written left to right, piece by piece, each cut at the row's right edge: what
/// [`Buffer::set_line`] draws for a line of spans, without building the line. Plain characters
/// are written a cell at a time (splitting text into graphemes and measuring them was most of a
/// frame's cost); anything else, and the plain character before it (a combining mark may join
/// it), goes through the buffer's own grapheme-aware path, as does the rest of that piece.
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
        // The row's cells, found once rather than a position at a time.
        let at = self.buf.index_of(self.x, self.y);
        let cells = &mut self.buf.content[at..at + usize::from(self.remaining)];
        // A run of printable ASCII is a cell a byte; its last character waits for the general
        // path below when what follows it (a combining mark) may join it.
        let bytes = text.as_bytes();
        let mut n = bytes
            .iter()
            .take(cells.len())
            .position(|b| !(b' '..=b'~').contains(b))
            .unwrap_or(bytes.len().min(cells.len()));
        if n > 0 && text[n..].chars().next().is_some_and(|next| !plain(next)) {
            n -= 1;
        }
        for (cell, &b) in cells.iter_mut().zip(&bytes[..n]) {
            cell.set_char(char::from(b)).set_style(style);
        }
        let mut end = n;
        let ascii = n;
        let mut chars = text[n..]
            .char_indices()
            .map(|(i, c)| (i + ascii, c))
            .peekable();
        while n < cells.len() {
            let Some((i, c)) = chars.next() else { break };
            if !plain(c) || chars.peek().is_some_and(|&(_, next)| !plain(next)) {
                break;
            }
            cells[n].set_char(c).set_style(style);
            n += 1;
            end = i + c.len_utf8();
        }
        // At most `remaining` cells were written.
        let n = n as u16;
        self.x += n;
        self.remaining -= n;
        if self.remaining > 0 && end < text.len() {
            let (to, _) =
                self.buf
                    .set_stringn(self.x, self.y, &text[end..], self.remaining.into(), style);
            self.remaining -= to.saturating_sub(self.x).min(self.remaining);
            self.x = to;
        }
        self
    }
}

/// Characters that are a cell each, and a grapheme each between other plain characters: printable
/// ASCII, the Latin letters and typographic punctuation of most names and quotes, and the arrows,
/// lines and shapes of the screen's own markers (no combining mark, control, format character or
/// wide character among them). Next to a joiner or a variation selector, which are not plain, the
/// buffer's own path draws them.
fn plain(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{a0}'..='\u{ac}'
        | '\u{ae}'..='\u{24f}'
        | '\u{1e00}'..='\u{1eff}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205e}'
        | '\u{2190}'..='\u{21ff}'
        | '\u{2212}'
        | '\u{2500}'..='\u{257f}'
        | '\u{25a0}'..='\u{25fc}'
        | '\u{25ff}')
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

/// Areas inside a border, or nothing when there is no room.
pub fn inner(area: Rect) -> Rect {
    Rect::new(
        area.x + 1.min(area.width),
        area.y + 1.min(area.height),
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    )
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
            s in "[a-zé北\u{301}\u{200b}\t\u{1b}\u{7f}’ ]{0,40}",
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

    /// The fit as it was first written, a sanitized character at a time into a new string: the
    /// reference the borrowing fit is checked against.
    fn fit_sanitizing_each_character(
        s: &str,
        width: usize,
        ellipsis: &str,
        ellipsis_width: usize,
        room: usize,
    ) -> String {
        let budget = width.saturating_mul(8).saturating_add(32);
        let mut out = String::new();
        let mut used = 0;
        let mut cut = None;
        for (n, c) in s.chars().enumerate() {
            let c = crate::model::sanitize::line_char(c);
            let w = crate::wrap::char_width(c);
            if used + w > width || n >= budget {
                out.truncate(cut.unwrap_or(out.len()));
                if width >= ellipsis_width {
                    out.push_str(ellipsis);
                }
                return out;
            }
            if cut.is_none() && used + w > room {
                cut = Some(out.len());
            }
            out.push(c);
            used += w;
        }
        out
    }

    proptest::proptest! {
        /// The fast path draws exactly the cells the buffer's own `set_line` draws: ASCII runs
        /// broken by wide characters, combining marks, controls and emoji, cut at any width.
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

    /// Every character the fast path writes a cell at a time is drawn as the buffer draws it,
    /// between plain neighbours, twice in a row and at a row's edge.
    #[test]
    fn every_plain_character_is_drawn_as_the_buffer_draws_it() {
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;
        use ratatui::text::Line;
        let plain: Vec<char> = (0..=0x3000u32)
            .filter_map(char::from_u32)
            .filter(|&c| super::plain(c))
            .collect();
        assert!(plain.len() > 1000 && plain.contains(&'ñ') && plain.contains(&'’'));
        // The symbols of the screen's own rows: markers, arrows, bars.
        assert!("▶•↺−│›…←→".chars().all(super::plain));
        for c in plain {
            let line = Line::from(format!("a{c}{c} {c}"));
            let area = Rect::new(0, 0, 5, 1);
            let (mut want, mut got) = (Buffer::empty(area), Buffer::empty(area));
            want.set_line(0, 0, &line, 5);
            super::set_line(&mut got, 0, 0, &line, 5);
            assert_eq!(got, want, "{c:?}");
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
