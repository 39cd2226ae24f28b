//! The free comparison's alignment: two items set side by side, one row per field (title, kind,
//! the kind's own fields, tags, summary, quotes), then their links grouped by relation. Where one
//! side has nothing, its cell is empty so the rows stay aligned; a link both items have is on one
//! row and marked shared. Pure, so the alignment is tested without a screen.

use crate::model::types::role_label;
use crate::model::{KindFields, Model, sanitize};
use crate::ui::glyphs::{self, Glyphs};
use crate::wrap::wrap;
use compact_str::CompactString;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// What a row of the comparison shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Kind,
    When,
    Role,
    Group,
    Instrument,
    Tags,
    Summary,
    Quote,
    /// Links of one relation, outgoing (read with its label) or incoming (with its inverse).
    Link {
        outgoing: bool,
        rel: usize,
    },
}

/// One side of a row: sanitized text, and the item it leads to when it is a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub link: Option<usize>,
}

/// One row: a field and what each side has for it (`None` is a filler).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub field: Field,
    /// The first row of its field: the view labels it.
    pub first: bool,
    pub left: Option<Cell>,
    pub right: Option<Cell>,
    /// Both sides link to the same item by the same relation in the same direction.
    pub shared: bool,
}

impl Row {
    /// The cell of one side: 0 is left, 1 is right.
    pub fn side(&self, side: usize) -> Option<&Cell> {
        if side == 0 {
            self.left.as_ref()
        } else {
            self.right.as_ref()
        }
    }
}

/// Two items aligned field by field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alignment {
    /// Left, right.
    pub items: [usize; 2],
    pub rows: Vec<Row>,
    /// The widest gutter label of the rows, in columns, with the Unicode glyphs and with the
    /// ASCII ones: worked out once, not on every key and frame.
    pub label_width: [usize; 2],
}

fn cell(text: impl AsRef<str>) -> Cell {
    Cell {
        text: sanitize::line(text.as_ref()).into_owned(),
        link: None,
    }
}

/// The kind's own fields of an item, by field.
fn kind_fields(model: &Model, item: usize) -> Vec<(Field, String)> {
    match &model.item(item).fields {
        KindFields::Event { when: Some(w) } => {
            let date = w.date.map(|d| format!(" ({d})")).unwrap_or_default();
            vec![(Field::When, format!("{}{date}", w.label))]
        }
        KindFields::Actor { role, group } => [(Field::Role, role), (Field::Group, group)]
            .into_iter()
            .filter_map(|(f, v)| v.clone().map(|v| (f, v)))
            .collect(),
        KindFields::Provision {
            instrument: Some(i),
        } => vec![(Field::Instrument, i.clone())],
        KindFields::Claim { role, unstated } => {
            vec![(Field::Role, role_label(*role, *unstated))]
        }
        _ => Vec::new(),
    }
}

/// Pushes one row per position of two lists, a filler where the shorter one ends.
fn zip_rows(rows: &mut Vec<Row>, field: Field, left: Vec<Cell>, right: Vec<Cell>) {
    let n = left.len().max(right.len());
    let (mut l, mut r) = (left.into_iter(), right.into_iter());
    for k in 0..n {
        rows.push(Row {
            field,
            first: k == 0,
            left: l.next(),
            right: r.next(),
            shared: false,
        });
    }
}

/// An item's links of one direction by relation, each relation's as (other item, position in
/// the source's links) in the order the source lists them, each other item once. One pass over
/// the links through a set: a hub's links were de-duplicated in quadratic time, and looked
/// through once per relation the document declares.
fn links_by_relation(
    model: &Model,
    item: usize,
    outgoing: bool,
) -> BTreeMap<usize, Vec<(usize, usize)>> {
    let refs = if outgoing {
        &model.index.outgoing[item]
    } else {
        &model.index.incoming[item]
    };
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    let mut out: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for l in refs.iter() {
        if seen.insert((l.rel, l.other)) {
            out.entry(l.rel).or_default().push((l.other, l.link));
        }
    }
    out
}

fn link_cell(
    model: &Model,
    g: &Glyphs,
    (item, outgoing): (usize, bool),
    other: usize,
    link: usize,
) -> Cell {
    let it = model.item(other);
    let source = if outgoing { item } else { other };
    let mut text = format!("{} ({})", it.title, it.kind);
    if let Some(note) = model.link_note(source, link) {
        text.push(' ');
        text.push_str(g.note_dash);
        text.push(' ');
        text.push_str(note);
    }
    Cell {
        link: Some(other),
        ..cell(text)
    }
}

/// Aligns `left` and `right`. The order of rows depends only on the pair, not on which side
/// each item is on, so swapping the sides mirrors the rows.
pub fn align(model: &Model, left: usize, right: usize) -> Alignment {
    align_with(model, left, right, &glyphs::UNICODE)
}

/// [`align`], with the interface's own marks (around a quote, before a link's note) from `g`.
pub fn align_with(model: &Model, left: usize, right: usize, g: &Glyphs) -> Alignment {
    let (a, b) = (model.item(left), model.item(right));
    let mut rows = Vec::new();
    let both = |rows: &mut Vec<Row>, field, l: Option<Cell>, r: Option<Cell>| {
        if l.is_some() || r.is_some() {
            rows.push(Row {
                field,
                first: true,
                left: l,
                right: r,
                shared: false,
            });
        }
    };
    both(
        &mut rows,
        Field::Title,
        Some(cell(&a.title)),
        Some(cell(&b.title)),
    );
    both(
        &mut rows,
        Field::Kind,
        Some(cell(a.kind.name())),
        Some(cell(b.kind.name())),
    );
    let (fa, fb) = (kind_fields(model, left), kind_fields(model, right));
    for field in [Field::When, Field::Role, Field::Group, Field::Instrument] {
        let get =
            |fs: &[(Field, String)]| fs.iter().find(|(f, _)| *f == field).map(|(_, v)| cell(v));
        both(&mut rows, field, get(&fa), get(&fb));
    }
    let tags = |t: &[CompactString]| (!t.is_empty()).then(|| cell(t.join(", ")));
    both(&mut rows, Field::Tags, tags(&a.tags), tags(&b.tags));
    // A summary keeps its paragraphs: each one a line of the cell's text, a blank line between.
    let summary = |s: &String| Cell {
        text: crate::panes::detail::paragraphs(s)
            .map(|p| sanitize::line(p).into_owned())
            .collect::<Vec<_>>()
            .join("\n\n"),
        link: None,
    };
    both(
        &mut rows,
        Field::Summary,
        a.summary.as_ref().map(summary),
        b.summary.as_ref().map(summary),
    );
    let quotes = |it: &crate::model::Item| {
        it.quotes
            .iter()
            .map(|q| cell(format!("{}{}{}", g.quote_open, q.exact, g.quote_close)))
            .collect()
    };
    zip_rows(&mut rows, Field::Quote, quotes(a), quotes(b));

    for outgoing in [true, false] {
        let (mut by_a, mut by_b) = (
            links_by_relation(model, left, outgoing),
            links_by_relation(model, right, outgoing),
        );
        let rels: BTreeSet<usize> = by_a.keys().chain(by_b.keys()).copied().collect();
        for rel in rels {
            let la = by_a.remove(&rel).unwrap_or_default();
            let lb = by_b.remove(&rel).unwrap_or_default();
            let field = Field::Link { outgoing, rel };
            let start = rows.len();
            // Shared targets first, in document order, each on one row.
            let link_a: HashMap<usize, usize> = la.iter().copied().collect();
            let link_b: HashMap<usize, usize> = lb.iter().copied().collect();
            let mut shared: Vec<usize> = la
                .iter()
                .map(|&(o, _)| o)
                .filter(|o| link_b.contains_key(o))
                .collect();
            shared.sort_unstable();
            for &other in &shared {
                rows.push(Row {
                    field,
                    first: false,
                    left: link_a
                        .get(&other)
                        .map(|&k| link_cell(model, g, (left, outgoing), other, k)),
                    right: link_b
                        .get(&other)
                        .map(|&k| link_cell(model, g, (right, outgoing), other, k)),
                    shared: true,
                });
            }
            let shared: HashSet<usize> = shared.into_iter().collect();
            let rest = |ls: Vec<(usize, usize)>, item: usize| -> Vec<Cell> {
                ls.into_iter()
                    .filter(|(o, _)| !shared.contains(o))
                    .map(|(o, k)| link_cell(model, g, (item, outgoing), o, k))
                    .collect()
            };
            zip_rows(&mut rows, field, rest(la, left), rest(lb, right));
            rows[start].first = true;
            for row in &mut rows[start + 1..] {
                row.first = false;
            }
        }
    }
    let label_width = [&glyphs::UNICODE, &glyphs::ASCII].map(|g| {
        rows.iter()
            .filter(|r| r.first)
            .map(|r| crate::wrap::str_width(&label(model, r.field, g)))
            .max()
            .unwrap_or(0)
    });
    Alignment {
        items: [left, right],
        rows,
        label_width,
    }
}

impl Alignment {
    /// The same rows with the sides exchanged.
    pub fn swapped(&self) -> Alignment {
        Alignment {
            items: [self.items[1], self.items[0]],
            label_width: self.label_width,
            rows: self
                .rows
                .iter()
                .map(|r| Row {
                    left: r.right.clone(),
                    right: r.left.clone(),
                    ..r.clone()
                })
                .collect(),
        }
    }
}

/// The gutter label of a field, shown on its first row.
pub fn label(model: &Model, field: Field, g: &Glyphs) -> String {
    let plain = match field {
        Field::Title => "title",
        Field::Kind => "kind",
        Field::When => "when",
        Field::Role => "role",
        Field::Group => "group",
        Field::Instrument => "instrument",
        Field::Tags => "tags",
        Field::Summary => "summary",
        Field::Quote => "quotes",
        Field::Link { outgoing, rel } => {
            let r = model.relation(rel);
            let (arrow, name) = if outgoing {
                (g.outgoing, &r.label)
            } else {
                (g.incoming, &r.inverse)
            };
            return format!("{arrow}{}", sanitize::line(name));
        }
    };
    plain.to_owned()
}

/// How the comparison's width is shared: a label gutter and two equal columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    /// The field labels' width, a leading space included; 0 on narrower screens, where the
    /// labels go inline instead (see [`Columns::inline`]).
    pub gutter: usize,
    /// Each column's width, its two-column cursor marker included.
    pub column: usize,
}

impl Columns {
    /// Labels are inline: a one-value field reads `kind: provision` in each cell, and a group of
    /// links has a heading line of its own.
    pub fn inline(&self) -> bool {
        self.gutter == 0
    }
}

/// Space between the gutter and the left column, and the divider between the columns.
pub const GUTTER_GAP: usize = 1;
pub const DIVIDER: usize = 3;
/// The cursor marker before each cell, and the shared-link mark before a shared link's text.
pub const MARKER: usize = 2;
pub const SHARED: usize = 2;
/// Below this width the gutter would squeeze the columns: labels go inline.
pub const GUTTER_MIN_WIDTH: usize = 100;

/// Splits `width` (inside the border) between the gutter and the columns.
pub fn columns(width: usize, gutter_wanted: usize) -> Columns {
    let gutter = if width >= GUTTER_MIN_WIDTH {
        gutter_wanted.min(16) + 1
    } else {
        0
    };
    let gap = if gutter > 0 { GUTTER_GAP } else { 0 };
    let column = width.saturating_sub(gutter + gap + DIVIDER) / 2;
    Columns { gutter, column }
}

/// The inline label of a one-value field.
fn inline_label(field: Field) -> Option<&'static str> {
    Some(match field {
        Field::Kind => "kind: ",
        Field::When => "when: ",
        Field::Role => "role: ",
        Field::Group => "group: ",
        Field::Instrument => "instrument: ",
        Field::Tags => "tags: ",
        _ => return None,
    })
}

/// The text one side of a row shows: the cell's, with its label when labels are inline.
pub fn cell_text(row: &Row, side: usize, cols: Columns) -> Option<String> {
    let cell = row.side(side)?;
    Some(match inline_label(row.field).filter(|_| cols.inline()) {
        Some(label) => format!("{label}{}", cell.text),
        None => cell.text.clone(),
    })
}

/// Whether a row starts with a heading line (a group of links, with inline labels).
pub fn has_heading(row: &Row, cols: Columns) -> bool {
    cols.inline() && row.first && matches!(row.field, Field::Link { .. })
}

/// The width left for a cell's text in a column.
pub fn text_width(row: &Row, column: usize) -> usize {
    let shared = if row.shared { SHARED } else { 0 };
    column.saturating_sub(MARKER + shared).max(1)
}

/// Screen lines a row takes: its heading, if any, and its taller side wrapped to the column.
pub fn row_height(row: &Row, cols: Columns) -> usize {
    let w = text_width(row, cols.column);
    let body = (0..2)
        .filter_map(|side| cell_text(row, side, cols))
        .map(|t| wrap(&t, w).len())
        .max()
        .unwrap_or(1)
        .max(1);
    body + usize::from(has_heading(row, cols))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load;

    fn model() -> Model {
        load(include_bytes!("../../../tests/fixtures/compare.json")).expect("fixture loads")
    }

    fn id(m: &Model, id: &str) -> usize {
        m.index.get(id).unwrap_or_else(|| panic!("no item {id}"))
    }

    fn rel(m: &Model, id: &str) -> usize {
        m.doc.relations.iter().position(|r| r.id == id).unwrap()
    }

    #[test]
    fn fields_line_up_title_kind_summary_then_quotes() {
        let m = model();
        let al = align(
            &m,
            id(&m, "rec-drop-law-elements"),
            id(&m, "rec-transparency"),
        );
        let fields: Vec<Field> = al.rows.iter().take(4).map(|r| r.field).collect();
        assert_eq!(
            fields,
            [Field::Title, Field::Kind, Field::Summary, Field::Quote]
        );
        assert_eq!(
            al.rows[0].left.as_ref().unwrap().text,
            "Press Mexico to drop the law’s harmful elements"
        );
        assert_eq!(al.rows[1].right.as_ref().unwrap().text, "recommendation");
    }

    #[test]
    fn a_field_only_one_side_has_gets_a_filler() {
        let m = model();
        // An event (with a date) against an actor (with a role and a group).
        let al = align(&m, id(&m, "ev-law-approved"), id(&m, "amlo"));
        let when = al.rows.iter().find(|r| r.field == Field::When).unwrap();
        assert_eq!(when.left.as_ref().unwrap().text, "In December (2020-12)");
        assert_eq!(when.right, None);
        let group = al.rows.iter().find(|r| r.field == Field::Group).unwrap();
        assert_eq!(
            (
                group.left.is_none(),
                group.right.as_ref().unwrap().text.as_str()
            ),
            (true, "Mexico")
        );
    }

    #[test]
    fn links_both_items_have_share_one_row_and_are_marked() {
        let m = model();
        let (a, b) = (
            id(&m, "rec-drop-law-elements"),
            id(&m, "rec-prosecute-officials"),
        );
        let al = align(&m, a, b);
        let to = Field::Link {
            outgoing: true,
            rel: rel(&m, "addressed-to"),
        };
        let rows: Vec<&Row> = al.rows.iter().filter(|r| r.field == to).collect();
        assert_eq!(rows.len(), 1);
        assert!(rows[0].shared && rows[0].first);
        assert_eq!(rows[0].left.as_ref().unwrap().link, Some(id(&m, "amlo")));
        assert_eq!(rows[0].right.as_ref().unwrap().link, Some(id(&m, "amlo")));
        // Links only the left has are on rows of their own with a filler on the right.
        let addresses = Field::Link {
            outgoing: true,
            rel: rel(&m, "addresses"),
        };
        let rows: Vec<&Row> = al.rows.iter().filter(|r| r.field == addresses).collect();
        assert_eq!(rows.len(), 3);
        assert!(
            rows.iter()
                .all(|r| !r.shared && r.left.is_some() && r.right.is_none())
        );
        assert_eq!(rows.iter().filter(|r| r.first).count(), 1);
    }

    #[test]
    fn unshared_links_of_one_relation_pair_up_row_by_row() {
        let m = model();
        let al = align(
            &m,
            id(&m, "rec-stop-weapons-flow"),
            id(&m, "rec-joint-operations"),
        );
        let responds = Field::Link {
            outgoing: true,
            rel: rel(&m, "responds-to"),
        };
        let row = al.rows.iter().find(|r| r.field == responds).unwrap();
        assert!(!row.shared);
        assert_eq!(
            row.left.as_ref().unwrap().link,
            Some(id(&m, "claim-weapons-70"))
        );
        assert_eq!(
            row.right.as_ref().unwrap().link,
            Some(id(&m, "claim-fentanyl-surge"))
        );
    }

    #[test]
    fn quotes_align_by_position_with_fillers() {
        let m = model();
        let al = align(&m, id(&m, "biden"), id(&m, "thesis"));
        let quotes: Vec<&Row> = al.rows.iter().filter(|r| r.field == Field::Quote).collect();
        assert_eq!(quotes.len(), 1);
        assert!(quotes[0].left.is_some() && quotes[0].right.is_some());
    }

    #[test]
    fn swapping_mirrors_the_rows() {
        let m = model();
        let pairs = [
            ("rec-drop-law-elements", "rec-prosecute-officials"),
            ("ev-law-approved", "amlo"),
            ("law-monthly-reports", "rec-transparency"),
            ("thesis", "claim-murder-rate"),
        ];
        for (x, y) in pairs {
            let (a, b) = (id(&m, x), id(&m, y));
            assert_eq!(align(&m, a, b).swapped(), align(&m, b, a), "{x} / {y}");
            assert_eq!(align(&m, a, b).swapped().swapped(), align(&m, a, b));
        }
    }

    #[test]
    fn notes_follow_the_linked_title() {
        let m = model();
        let al = align(
            &m,
            id(&m, "rec-transparency"),
            id(&m, "law-monthly-reports"),
        );
        let texts: Vec<&str> = al
            .rows
            .iter()
            .filter_map(|r| r.left.as_ref())
            .map(|c| c.text.as_str())
            .collect();
        assert!(texts.contains(&"Monthly activity reports (provision) — transparency offered in place of monthly reports"), "{texts:#?}");
    }

    #[test]
    fn columns_share_the_width_and_drop_the_gutter_when_narrow() {
        assert_eq!(
            columns(158, 14),
            Columns {
                gutter: 15,
                column: 69
            }
        );
        assert_eq!(
            columns(78, 14),
            Columns {
                gutter: 0,
                column: 37
            }
        );
        assert!(columns(78, 14).inline());
        assert_eq!(columns(0, 14).column, 0);
    }

    #[test]
    fn inline_labels_lengthen_the_rows_that_need_them() {
        let m = model();
        let al = align(
            &m,
            id(&m, "law-monthly-reports"),
            id(&m, "rec-transparency"),
        );
        let (wide, narrow) = (columns(158, 14), columns(78, 14));
        let kind = &al.rows[1];
        assert_eq!(cell_text(kind, 0, narrow).unwrap(), "kind: provision");
        assert_eq!(cell_text(kind, 0, wide).unwrap(), "provision");
        let link = al
            .rows
            .iter()
            .find(|r| matches!(r.field, Field::Link { .. }))
            .unwrap();
        assert!(has_heading(link, narrow) && !has_heading(link, wide));
        let same_width = Columns {
            gutter: 0,
            column: wide.column,
        };
        assert_eq!(row_height(link, same_width), row_height(link, wide) + 1);
    }
}
