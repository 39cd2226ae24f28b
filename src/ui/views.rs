//! The side-by-side views drawn over the panes, and the notes they add to the status line: the
//! item marked for comparison, and "why is this here" for a claim.

use super::{Ctx, fit};
use crate::app::Mode;
use crate::app::argument;
use crate::app::views::{self, View};
use crate::model::{Kind, Model};
use ratatui::Frame;
use ratatui::widgets::Clear;

/// The views' own glyphs, in Unicode or plain ASCII (`--ascii`).
#[derive(Debug, Clone, Copy)]
pub struct Glyphs {
    /// An empty cell, a filler, a separator in titles.
    pub dot: &'static str,
    pub times: &'static str,
    pub range: &'static str,
    pub right: &'static str,
    pub left_right: &'static str,
    /// "The same as above" in a prepared comparison.
    pub ditto: &'static str,
}

impl Glyphs {
    pub fn new(ascii: bool) -> Glyphs {
        if ascii {
            Glyphs {
                dot: ".",
                times: "x",
                range: "-",
                right: "->",
                left_right: "<-/->",
                ditto: "\"",
            }
        } else {
            Glyphs {
                dot: "·",
                times: "×",
                range: "–",
                right: "→",
                left_right: "←/→",
                ditto: "〃",
            }
        }
    }
}

/// Draws the view on screen, if any, over the body.
pub fn draw(ctx: &Ctx, frame: &mut Frame) {
    let Some(view) = ctx.app.shown_view() else {
        return;
    };
    let body = views::body(frame.area());
    if body.area() == 0 {
        return;
    }
    frame.render_widget(Clear, body);
    match view {
        View::Compare => super::compare::free(ctx, frame, body),
        View::Comparisons => super::compare::list(ctx, frame, body),
        View::Prepared | View::PreparedSearch => super::compare::prepared(ctx, frame, body),
        View::Matrix => super::matrix::matrix(ctx, frame, body),
        View::Map => super::map::map(ctx, frame, body),
    }
}

/// What the status line adds after the mode: the marked item, and the chain from a selected
/// claim to the thesis. Cut to `width`.
pub fn status_note(ctx: &Ctx, width: usize) -> Option<String> {
    let app = ctx.app;
    let mut notes = Vec::new();
    if let Some(marked) = app.views.mark {
        let title = fit(&app.model.item(marked).title, 24, ctx.sym.ellipsis);
        notes.push(format!("marked: {title}"));
    }
    if matches!(app.mode, Mode::Browse | Mode::Links)
        && let Some(item) = app.selected_item()
    {
        let room = width.saturating_sub(notes.iter().map(|n| crate::wrap::str_width(n) + 3).sum());
        if let Some(why) = describe(&app.model, item, room, ctx.app.options.ascii) {
            notes.push(why);
        }
    }
    if notes.is_empty() {
        return None;
    }
    Some(fit(&notes.join(ctx.sym.separator), width, ctx.sym.ellipsis))
}

/// "Why is this here" for a claim: `why: A ─supports→ B ─supports→ T`, the titles shortened
/// until the chain fits `width` (down to 8 columns each, after which the line is cut).
pub fn describe(model: &Model, claim: usize, width: usize, ascii: bool) -> Option<String> {
    let (ellipsis, dash, arrow) = if ascii {
        ("...", "-", "->")
    } else {
        ("…", "─", "→")
    };
    if model.item(claim).kind != Kind::Claim {
        return None;
    }
    let Some(chain) = argument::why(model, claim) else {
        return Some("why: not connected to the thesis by supports/opposes".into());
    };
    if chain.len() == 1 {
        return Some("why: this is the thesis".into());
    }
    let line = |title_width: usize| {
        let mut out = String::from("why: ");
        for step in &chain {
            out.push_str(&fit(&model.item(step.item).title, title_width, ellipsis));
            if let Some(rel) = step.rel {
                out.push_str(&format!(
                    " {dash}{}{arrow} ",
                    fit(&model.relation(rel).label, 20, ellipsis)
                ));
            }
        }
        out
    };
    let mut title_width = 60;
    let mut out = line(title_width);
    while crate::wrap::str_width(&out) > width && title_width > 8 {
        title_width -= 4;
        out = line(title_width);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load;

    fn model() -> Model {
        load(include_bytes!("../../tests/fixtures/compare.json")).expect("fixture loads")
    }

    #[test]
    fn the_chain_names_each_step_up_to_the_thesis() {
        let m = model();
        let claim = m.index.get("claim-weapons-70").unwrap();
        assert_eq!(
            describe(&m, claim, 200, false).unwrap(),
            "why: 70% of seized guns are American ─supports→ Both countries want the cartels \
             curbed ─supports→ Letting security cooperation decay is a mistake"
        );
        let thesis = m.index.get("thesis").unwrap();
        assert_eq!(
            describe(&m, thesis, 80, false).unwrap(),
            "why: this is the thesis"
        );
        assert_eq!(describe(&m, m.index.get("amlo").unwrap(), 80, false), None);
    }

    #[test]
    fn titles_shorten_to_fit_the_status_line() {
        let m = model();
        let claim = m.index.get("claim-weapons-70").unwrap();
        let short = describe(&m, claim, 90, false).unwrap();
        assert!(crate::wrap::str_width(&short) <= 90, "{short}");
        assert!(short.ends_with('…') || short.contains("mistake"), "{short}");
        assert!(short.contains("─supports→"));
    }
}
