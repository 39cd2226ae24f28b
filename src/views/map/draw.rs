//! The map: the item in the centre, the items linking to it in boxes on the left, the items it
//! links to on the right, each joined to the centre by an edge labelled with the relation. A
//! column longer than the screen pages; boxes sit in fixed slots, so they never overlap.

use super::MapView;
use super::neighbourhood::{self, BOX_HEIGHT, BOX_TITLE_LINES, Column, Neighbour, Spot};
use crate::app::layout::inner;
use crate::model::sanitize;
use crate::ui::glyphs::{DOWN, Glyphs, LEFT, RIGHT, UP};
use crate::ui::{Ctx, fit};
use crate::wrap::wrapped;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Edge lines on a grid of cells, each a set of directions, so that junctions draw themselves.
struct Canvas {
    area: Rect,
    cells: Vec<u8>,
}

impl Canvas {
    fn new(area: Rect) -> Canvas {
        Canvas {
            area,
            cells: vec![0; area.width as usize * area.height as usize],
        }
    }

    fn add(&mut self, x: u16, y: u16, dirs: u8) {
        if x >= self.area.x && x < self.area.right() && y >= self.area.y && y < self.area.bottom() {
            let i =
                (y - self.area.y) as usize * self.area.width as usize + (x - self.area.x) as usize;
            self.cells[i] |= dirs;
        }
    }

    fn horizontal(&mut self, y: u16, from: u16, to: u16) {
        let (a, b) = (from.min(to), from.max(to));
        for x in a..=b {
            let mut d = 0;
            if x > a {
                d |= LEFT;
            }
            if x < b {
                d |= RIGHT;
            }
            self.add(x, y, d);
        }
    }

    fn vertical(&mut self, x: u16, from: u16, to: u16) {
        let (a, b) = (from.min(to), from.max(to));
        for y in a..=b {
            let mut d = 0;
            if y > a {
                d |= UP;
            }
            if y < b {
                d |= DOWN;
            }
            self.add(x, y, d);
        }
    }

    fn draw(&self, buf: &mut Buffer, g: &Glyphs, style: Style) {
        for (i, &d) in self.cells.iter().enumerate() {
            if d == 0 {
                continue;
            }
            let x = self.area.x + (i % self.area.width as usize) as u16;
            let y = self.area.y + (i / self.area.width as usize) as u16;
            buf.set_string(x, y, g.edge(d), style);
        }
    }
}

/// The columns of the map inside its border.
struct Geometry {
    side_w: u16,
    centre_w: u16,
    gutter: u16,
}

fn geometry(width: u16) -> Geometry {
    // Gutters wide enough for a relation's label ("addresses" at 80 columns).
    let side_w = (width * 24 / 100).clamp(8, 40);
    let centre_w = (width * 18 / 100).clamp(8, 36);
    let gutter = width.saturating_sub(side_w * 2 + centre_w) / 2;
    Geometry {
        side_w,
        centre_w,
        gutter,
    }
}

/// What is drawn at `x`, `y` in a map drawn in `body`: the centre or a neighbour's box (the
/// columns' geometry as `draw` lays them out).
pub fn spot_at(view: &MapView, body: Rect, x: u16, y: u16) -> Option<Spot> {
    let geo = super::geometry(body);
    let (area, boxes, fit_n) = (geo.inside, geo.boxes, geo.fit);
    if area.height < 3 || area.width < 12 || y < boxes.y || y >= boxes.bottom() {
        return None;
    }
    let g = geometry(area.width);
    let centre_x = area.x + g.side_w + g.gutter;
    let right_x = centre_x + g.centre_w + g.gutter;
    if (centre_x..centre_x + g.centre_w).contains(&x) {
        return Some(Spot::Centre);
    }
    let (column, slot) = if (area.x..area.x + g.side_w).contains(&x) {
        (Column::Incoming, 0)
    } else if (right_x..right_x + g.side_w).contains(&x) {
        (Column::Outgoing, 1)
    } else {
        return None;
    };
    let list = view.hood.column(column);
    let cursor_row = match view.cursor.spot {
        Spot::Neighbour(c, i) if c == column => i,
        _ => view.cursor.rows[slot],
    };
    let first = neighbourhood::first_shown(list.len(), cursor_row, fit_n);
    let shown = list.len().saturating_sub(first).min(fit_n);
    let stack_h = shown as u16 * BOX_HEIGHT as u16;
    let y0 = boxes.y + boxes.height.saturating_sub(stack_h) / 2;
    let k = (y.checked_sub(y0)? / BOX_HEIGHT as u16) as usize;
    (k < shown).then_some(Spot::Neighbour(column, first + k))
}

pub fn draw(view: &MapView, ctx: &Ctx, frame: &mut Frame, body: Rect) {
    let app = ctx.app;
    let hood = &view.hood;
    let centre = app.model.item(hood.centre);
    let title = Line::from(vec![
        Span::styled(" Map ", ctx.theme.title),
        Span::styled(
            format!(
                "{} {} in, {} out ",
                ctx.sym.dot,
                hood.incoming.len(),
                hood.outgoing.len()
            ),
            ctx.theme.dim,
        ),
    ]);
    frame.render_widget(ctx.block(title, true), body);
    let geo = super::geometry(body);
    let (area, boxes, fit_n) = (geo.inside, geo.boxes, geo.fit);
    if area.height < 3 || area.width < 12 {
        return;
    }
    let g = geometry(area.width);
    let centre_x = area.x + g.side_w + g.gutter;
    let right_x = centre_x + g.centre_w + g.gutter;

    // The centre box: as tall as its title needs, in the middle.
    let ctitle = sanitize::line(&centre.title);
    let inner_w = g.centre_w.saturating_sub(2).max(1) as usize;
    let mut clines = wrapped(&ctitle, inner_w);
    let max_lines = boxes.height.saturating_sub(2).max(1) as usize;
    if clines.len() > max_lines {
        clines.truncate(max_lines);
        if let Some(last) = clines.last_mut() {
            *last = fit(
                &format!("{last}{}", ctx.sym.ellipsis),
                inner_w,
                ctx.sym.ellipsis,
            );
        }
    }
    let ch = (clines.len() as u16 + 2).min(boxes.height);
    let cy = boxes.y + boxes.height.saturating_sub(ch) / 2;
    let centre_rect = Rect::new(centre_x, cy, g.centre_w, ch);
    let entry_y = cy + ch / 2;

    let mut canvas = Canvas::new(area);
    let mut labels: Vec<(u16, u16, String, u16)> = Vec::new();
    let mut arrows: Vec<(u16, u16, &str)> = Vec::new();
    let (arrow, up, down) = (ctx.sym.arrow_head, ctx.sym.more_up, ctx.sym.more_down);
    let mut neighbour_boxes: Vec<(Rect, Neighbour, bool)> = Vec::new();
    for column in [Column::Incoming, Column::Outgoing] {
        let list = hood.column(column);
        let (col_x, slot) = match column {
            Column::Incoming => (area.x, 0),
            Column::Outgoing => (right_x, 1),
        };
        let col_rect = Rect::new(
            col_x,
            area.y,
            g.side_w.min(area.right().saturating_sub(col_x)),
            area.height,
        );
        if list.is_empty() {
            let msg = match column {
                Column::Incoming => "no incoming links",
                Column::Outgoing => "no outgoing links",
            };
            frame.render_widget(
                Paragraph::new(Line::styled(
                    fit(msg, col_rect.width as usize, ctx.sym.ellipsis),
                    ctx.theme.dim,
                )),
                Rect::new(col_x, entry_y, col_rect.width, 1),
            );
            continue;
        }
        let cursor_row = match view.cursor.spot {
            Spot::Neighbour(c, i) if c == column => i,
            _ => view.cursor.rows[slot],
        };
        let first = neighbourhood::first_shown(list.len(), cursor_row, fit_n);
        let shown = &list[first..(first + fit_n).min(list.len())];
        let stack_h = shown.len() as u16 * BOX_HEIGHT as u16;
        let y0 = boxes.y + boxes.height.saturating_sub(stack_h) / 2;
        if first > 0 {
            frame.render_widget(
                Paragraph::new(Line::styled(format!("{up} {first} more"), ctx.theme.dim)),
                Rect::new(col_x, area.y, col_rect.width, 1),
            );
        }
        let below = list.len() - first - shown.len();
        if below > 0 {
            frame.render_widget(
                Paragraph::new(Line::styled(format!("{down} {below} more"), ctx.theme.dim)),
                Rect::new(col_x, area.bottom().saturating_sub(2), col_rect.width, 1),
            );
        }
        let trunk_x = match column {
            Column::Incoming => centre_x.saturating_sub(2),
            Column::Outgoing => centre_x + g.centre_w + 1,
        };
        let mut ys = vec![entry_y];
        for (k, n) in shown.iter().enumerate() {
            let y = y0 + (k * BOX_HEIGHT) as u16;
            if y + BOX_HEIGHT as u16 > boxes.bottom() {
                break;
            }
            let rect = Rect::new(col_x, y, col_rect.width, BOX_HEIGHT as u16);
            let selected = view.cursor.spot == Spot::Neighbour(column, first + k);
            neighbour_boxes.push((rect, *n, selected));
            let ey = y + 1;
            ys.push(ey);
            let label = app.model.relation(n.rel).label.clone();
            match column {
                Column::Incoming => {
                    canvas.horizontal(ey, rect.right(), trunk_x);
                    let room = trunk_x.saturating_sub(rect.right() + 2);
                    labels.push((rect.right() + 1, y, label, room));
                }
                Column::Outgoing => {
                    canvas.horizontal(ey, trunk_x, rect.x.saturating_sub(2));
                    arrows.push((rect.x.saturating_sub(1), ey, arrow));
                    let room = rect.x.saturating_sub(trunk_x + 3);
                    labels.push((trunk_x + 1, y, label, room));
                }
            }
        }
        let (lo, hi) = (
            ys.iter().min().copied().unwrap_or(entry_y),
            ys.iter().max().copied().unwrap_or(entry_y),
        );
        canvas.vertical(trunk_x, lo, hi);
        match column {
            Column::Incoming => {
                canvas.horizontal(entry_y, trunk_x, centre_x.saturating_sub(1));
                arrows.push((centre_x.saturating_sub(1), entry_y, arrow));
            }
            Column::Outgoing => canvas.horizontal(entry_y, trunk_x - 1, trunk_x),
        }
    }
    let buf = frame.buffer_mut();
    canvas.draw(buf, ctx.sym, ctx.theme.border);
    for (x, y, a) in arrows {
        if x < area.right() && y < area.bottom() {
            buf.set_string(x, y, a, ctx.theme.heading);
        }
    }
    for (x, y, label, room) in labels {
        if room >= 2 {
            buf.set_string(
                x,
                y,
                fit(&label, room as usize, ctx.sym.ellipsis),
                ctx.theme.heading,
            );
        }
    }
    // Boxes last, over any edge that reaches them.
    let centre_selected = view.cursor.spot == Spot::Centre;
    item_box(
        ctx,
        frame,
        centre_rect,
        hood.centre,
        &clines,
        centre_selected,
    );
    for (rect, n, selected) in neighbour_boxes {
        let t = sanitize::line(&app.model.item(n.item).title);
        let w = rect.width.saturating_sub(2).max(1) as usize;
        let mut lines = wrapped(&t, w);
        if lines.len() > BOX_TITLE_LINES {
            lines.truncate(BOX_TITLE_LINES);
            let last = format!("{}{}", lines[BOX_TITLE_LINES - 1], ctx.sym.ellipsis);
            lines[BOX_TITLE_LINES - 1] = fit(&last, w, ctx.sym.ellipsis);
        }
        item_box(ctx, frame, rect, n.item, &lines, selected);
    }
    info(ctx, frame, view, geo.info);
}

fn item_box(
    ctx: &Ctx,
    frame: &mut Frame,
    rect: Rect,
    item: usize,
    lines: &[String],
    selected: bool,
) {
    let kind = ctx.app.model.item(item).kind.name();
    let marker = if selected { ctx.sym.selected } else { "" };
    let title = Span::styled(
        format!("{marker}{kind}"),
        if selected {
            ctx.theme.selected
        } else {
            ctx.theme.dim
        },
    );
    frame.render_widget(ratatui::widgets::Clear, rect);
    frame.render_widget(ctx.block(Line::from(title), selected), rect);
    let style = if selected {
        ctx.theme.title
    } else {
        Style::new()
    };
    let body: Vec<Line> = lines
        .iter()
        .map(|l| Line::styled(l.clone(), style))
        .collect();
    frame.render_widget(Paragraph::new(body), inner(rect));
}

/// The line under the map: what the cursor is on, the link in words and its note, wrapped to
/// the line's width less a column for "more"; `Ctrl-e`/`Ctrl-y` scroll it a line at a time.
fn info(ctx: &Ctx, frame: &mut Frame, view: &MapView, area: Rect) {
    let gl = ctx.sym;
    let lines = caption_lines(ctx.app, view, area.width as usize);
    let top = view.caption_top(lines.len());
    let Some(line) = lines.get(top) else {
        return;
    };
    let more = if top + 1 < lines.len() {
        gl.more_down
    } else if top > 0 {
        gl.more_up
    } else {
        ""
    };
    let room = (area.width as usize).saturating_sub(crate::wrap::str_width(more) + 1);
    let text = format!("{} {more}", crate::ui::pad(line, room));
    frame.render_widget(Paragraph::new(Line::styled(text, ctx.theme.dim)), area);
}

/// The caption wrapped to `width` columns (less two for the "more" mark).
pub fn caption_lines(app: &crate::app::App, view: &MapView, width: usize) -> Vec<String> {
    let model = &app.model;
    let hood = &view.hood;
    let title = |i: usize| sanitize::line(&model.item(i).title).into_owned();
    let gl = app.glyphs;
    let text = match view.cursor.spot {
        Spot::Centre => format!(
            "{} ({}) {dot} {} to its links {dot} Enter opens it",
            title(hood.centre),
            model.item(hood.centre).kind,
            gl.left_right,
            dot = gl.dot,
        ),
        Spot::Neighbour(column, i) => {
            let Some(n) = hood.column(column).get(i) else {
                return Vec::new();
            };
            let (src, tgt) = match column {
                Column::Incoming => (n.item, hood.centre),
                Column::Outgoing => (hood.centre, n.item),
            };
            let mut s = format!(
                "{} {} {}",
                title(src),
                sanitize::line(&model.relation(n.rel).label),
                title(tgt)
            );
            if let Some(note) = model.link_note(src, n.link) {
                s.push(' ');
                s.push_str(gl.note_dash);
                s.push(' ');
                s.push_str(&sanitize::line(note));
            }
            s
        }
    };
    crate::wrap::wrap(&text, width.saturating_sub(2).max(1))
        .into_iter()
        .map(|r| text[r].trim_end().to_owned())
        .collect()
}
