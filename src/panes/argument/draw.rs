//! The Argument pane's words for the status line: "why is this here", the chain from the
//! selected claim up to the thesis, drawn with the glyph table's dashes and arrows.

use crate::model::{Kind, Model};
use crate::ui::fit;
use crate::ui::glyphs::Glyphs;

/// "Why is this here" for a claim: `why: A ─supports→ B ─supports→ T`, the titles shortened
/// until the chain fits `width`; past 16 columns a title, the middle of a long chain gives way
/// (`A ─supports→ …2 more… ─opposes→ T`) so that both ends stay readable, and only then are
/// the titles shortened further (down to 8 columns, after which the line is cut).
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
    let rel = |r: usize| {
        format!(
            " {dash}{}{arrow} ",
            fit(&model.relation(r).label, 20, ellipsis)
        )
    };
    let line = |title_width: usize, elide: bool| {
        let mut out = String::from("why: ");
        let last = chain.len() - 1;
        for (n, step) in chain.iter().enumerate() {
            if elide && n > 0 && n < last {
                // The middle, once: how many steps it stands for, then the last relation.
                if n == 1 {
                    out.push_str(&format!("{ellipsis}{} more{ellipsis}", last - 1));
                    if let Some(r) = chain[last - 1].rel {
                        out.push_str(&rel(r));
                    }
                }
                continue;
            }
            out.push_str(&fit(&model.item(step.item).title, title_width, ellipsis));
            if let Some(r) = step.rel {
                out.push_str(&rel(r));
            }
        }
        out
    };
    let fits = |s: &str| crate::wrap::str_width(s) <= width;
    let mut title_width = 60;
    let mut out = line(title_width, false);
    while !fits(&out) && title_width > 16 {
        title_width -= 4;
        out = line(title_width, false);
    }
    if !fits(&out) && chain.len() > 2 {
        title_width = 60;
        out = line(title_width, true);
        while !fits(&out) && title_width > 8 {
            title_width -= 4;
            out = line(title_width, true);
        }
    }
    while !fits(&out) && title_width > 8 {
        title_width -= 4;
        out = line(title_width, false);
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
