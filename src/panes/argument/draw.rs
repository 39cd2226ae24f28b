//! The Argument pane's words for the status line: "why is this here", the chain from the
//! selected claim up to the thesis, drawn with the glyph table's dashes and arrows.

use crate::model::{Kind, Model};
use crate::ui::fit;
use crate::ui::glyphs::Glyphs;

/// "Why is this here" for a claim: `why: A ─supports→ B ─supports→ T`, the titles shortened
/// until the chain fits `width` (down to 8 columns each, after which the line is cut).
pub fn describe(model: &Model, claim: usize, width: usize, g: &Glyphs) -> Option<String> {
    let (ellipsis, dash, arrow) = (g.ellipsis, g.chain_dash, g.chain_arrow);
    if model.item(claim).kind != Kind::Claim {
        return None;
    }
    let Some(chain) = super::why(model, claim) else {
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
    use crate::ui::glyphs::UNICODE;

    fn model() -> Model {
        load(include_bytes!("../../../tests/fixtures/compare.json")).expect("fixture loads")
    }

    #[test]
    fn the_chain_names_each_step_up_to_the_thesis() {
        let m = model();
        let claim = m.index.get("claim-weapons-70").unwrap();
        assert_eq!(
            describe(&m, claim, 200, &UNICODE).unwrap(),
            "why: 70% of seized guns are American ─supports→ Both countries want the cartels \
             curbed ─supports→ Letting security cooperation decay is a mistake"
        );
        let thesis = m.index.get("thesis").unwrap();
        assert_eq!(
            describe(&m, thesis, 80, &UNICODE).unwrap(),
            "why: this is the thesis"
        );
        assert_eq!(
            describe(&m, m.index.get("amlo").unwrap(), 80, &UNICODE),
            None
        );
    }

    #[test]
    fn titles_shorten_to_fit_the_status_line() {
        let m = model();
        let claim = m.index.get("claim-weapons-70").unwrap();
        let short = describe(&m, claim, 90, &UNICODE).unwrap();
        assert!(crate::wrap::str_width(&short) <= 90, "{short}");
        assert!(short.ends_with('…') || short.contains("mistake"), "{short}");
        assert!(short.contains("─supports→"));
    }
}
