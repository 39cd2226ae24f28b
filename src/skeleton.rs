//! `argscope new`: a skeleton document around an article's text, one example item of each kind,
//! each quoting a real passage, so that it validates as written and shows the format by example.

use crate::model::fold::{Fold, fold};
use crate::model::*;

/// The skeleton as pretty JSON, or `None` when the text has too few words to quote.
pub fn skeleton(text: &str) -> Option<String> {
    // A text file saved on Windows, or with a byte-order mark, would otherwise embed a CR at every
    // line end (a control-character warning) and a BOM in the title.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let text = &text.replace("\r\n", "\n");
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < Kind::ALL.len() {
        return None;
    }
    let folded_text = fold(text, Fold::Anchor);
    let count = |passage: &str| {
        memchr::memmem::find_iter(
            folded_text.as_bytes(),
            fold(passage, Fold::Anchor).as_bytes(),
        )
        .count()
    };
    // One passage per kind, spread over the text, each lengthened until it occurs only once.
    let step = words.len() / Kind::ALL.len();
    let passages: Vec<String> = (0..Kind::ALL.len())
        .map(|k| {
            let start = k * step;
            let max_end = (start + 12).min(start + step.max(1)).min(words.len());
            let mut end = (start + 5).min(max_end);
            while end < max_end && count(&words[start..end].join(" ")) > 1 {
                end += 1;
            }
            words[start..end.max(start + 1)].join(" ")
        })
        .collect();
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("Untitled");
    let link = |rel: &str, to: &str| Link {
        rel: rel.into(),
        to: to.into(),
        group: None,
        note: None,
    };
    let item = |k: usize, id: &str, title: &str, links: Vec<Link>, fields: KindFields| Item {
        id: id.into(),
        kind: Kind::ALL[k],
        title: title.into(),
        summary: Some("In your own words: what this item is and why it matters.".into()),
        quotes: vec![Quote {
            exact: passages[k].clone(),
            prefix: None,
            suffix: None,
        }],
        links,
        tags: vec!["example".into()],
        fields,
    };
    let doc = Document {
        format: FORMAT.into(),
        document: Source {
            title: title.into(),
            source: Some("Who published it, and where".into()),
            published: None,
            text: text.into(),
        },
        relations: builtin_relations(),
        items: vec![
            item(
                0,
                "example-event",
                "Something that happened",
                vec![link("involves", "example-actor")],
                KindFields::Event {
                    when: Some(When {
                        label: "the article's own phrase for when".into(),
                        date: None,
                    }),
                },
            ),
            item(
                1,
                "example-actor",
                "Someone who acts",
                vec![link("enacts", "example-provision")],
                KindFields::Actor {
                    role: Some("Their role".into()),
                    group: Some("Their side".into()),
                },
            ),
            item(
                2,
                "example-provision",
                "What a law or programme says",
                vec![],
                KindFields::Provision {
                    instrument: Some("The law or programme".into()),
                },
            ),
            item(
                3,
                "example-recommendation",
                "What the author recommends",
                vec![
                    link("addresses", "example-provision"),
                    link("addressed-to", "example-actor"),
                ],
                KindFields::Recommendation {},
            ),
            item(
                4,
                "example-claim",
                "The author's main claim",
                vec![link("mentions", "example-event")],
                KindFields::Claim {
                    unstated: false,
                    role: ClaimRole::Thesis,
                },
            ),
        ],
        comparisons: vec![Comparison {
            id: "example-comparison".into(),
            title: "Two things to read side by side".into(),
            left: Side {
                label: "Left".into(),
                items: vec!["example-provision".into()],
            },
            right: Side {
                label: "Right".into(),
                items: vec!["example-recommendation".into()],
            },
            pairs: vec![["example-provision".into(), "example-recommendation".into()]],
        }],
    };
    // The article may hold anything: its controls are escaped so the skeleton is safe to print.
    serde_json::to_string_pretty(&doc)
        .ok()
        .map(crate::model::sanitize::json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_skeleton_of_the_article_validates_cleanly() {
        let text = include_str!("../assets/mexico-drug-war.json");
        let article: serde_json::Value = serde_json::from_str(text).unwrap();
        let json = skeleton(article["document"]["text"].as_str().unwrap()).unwrap();
        let model = load(json.as_bytes()).unwrap();
        assert_eq!(model.doc.items.len(), 5);
        assert!(model.warnings.is_empty(), "{:#?}", model.warnings);
    }

    #[test]
    fn windows_line_ends_and_a_byte_order_mark_are_not_embedded() {
        let json = skeleton("\u{FEFF}Title\r\n\r\nOne two three four five six seven.\r\n").unwrap();
        let model = load(json.as_bytes()).unwrap();
        assert!(model.warnings.is_empty(), "{:#?}", model.warnings);
        assert_eq!(model.doc.document.title, "Title");
        assert!(!model.doc.document.text.contains('\r'));
    }

    #[test]
    fn a_text_too_short_to_quote_gives_nothing() {
        assert_eq!(skeleton("two words"), None);
    }
}
