//! What `y` copies in the side-by-side views: a comparison as a Markdown table, the matrix as
//! CSV. The text is the document's, whole (not cut to the screen); `App::copy_text` sanitizes it.

use super::compare::alignment::{self, Alignment};
use super::matrix::grid::Matrix;
use super::prepared::rows::{PairRow, Slot};
use crate::model::{Comparison, Model};

/// One Markdown table cell: on one line, its pipes escaped.
fn md(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\\', "\\\\")
        .replace('|', "\\|")
}

/// A Markdown table of `header` and `rows`.
fn table(header: &[String], rows: &[Vec<String>]) -> String {
    let line = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
    let mut out = line(header);
    out.push_str(&line(&vec!["---".to_owned(); header.len()]));
    for r in rows {
        out.push_str(&line(r));
    }
    out
}

/// The free comparison: a row a field, the two items' values side by side.
pub fn compare(model: &Model, al: &Alignment, g: &crate::ui::glyphs::Glyphs) -> String {
    // Labels in a column of their own, never inline.
    let cols = alignment::Columns {
        gutter: 1,
        column: 1,
    };
    let header = vec![
        String::new(),
        md(&model.item(al.items[0]).title),
        md(&model.item(al.items[1]).title),
    ];
    let rows: Vec<Vec<String>> = al
        .rows
        .iter()
        .map(|row| {
            let label = if row.first {
                md(&alignment::label(model, row.field, g))
            } else {
                String::new()
            };
            let cell = |side| md(&alignment::cell_text(row, side, cols).unwrap_or_default());
            vec![label, cell(0), cell(1)]
        })
        .collect();
    table(&header, &rows)
}

/// A prepared comparison: its two labelled columns, a row a pair.
pub fn prepared(model: &Model, cmp: &Comparison, rows: &[PairRow]) -> String {
    let header = vec![md(&cmp.left.label), md(&cmp.right.label)];
    let slot = |s: Slot| match s {
        Slot::Item(i) => md(&model.item(i).title),
        Slot::Again(i) => format!("(again) {}", md(&model.item(i).title)),
        Slot::Filler => String::new(),
    };
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| vec![slot(r.left), slot(r.right)])
        .collect();
    format!("**{}**\n\n{}", md(&cmp.title), table(&header, &body))
}

/// One CSV field, quoted when it must be (RFC 4180).
fn csv(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The matrix: a row a provision, a column a recommendation, each cell the relation's label
/// (empty when they are not linked).
pub fn matrix(model: &Model, mx: &Matrix) -> String {
    let mut out = String::from("provision");
    for &r in &mx.recommendations {
        out.push(',');
        out.push_str(&csv(&model.item(r).title));
    }
    out.push('\n');
    for (row, &p) in mx.provisions.iter().enumerate() {
        out.push_str(&csv(&model.item(p).title));
        for col in 0..mx.cols() {
            out.push(',');
            if let Some(cell) = mx.cell(row, col) {
                out.push_str(&csv(&model.relation(cell.rel).label));
            }
        }
        out.push('\n');
    }
    out
}
