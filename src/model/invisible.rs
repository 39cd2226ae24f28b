//! What differs between two strings where the eye cannot see it: a non-breaking space for a space,
//! a soft hyphen, a zero-width character, a curly quote for a straight one, a dash for a hyphen,
//! an accent written as a separate combining mark. Messages that show a quote beside the passage
//! it nearly matches add this, so that two lines that look the same are explained.

use unicode_normalization::char::is_combining_mark;

/// Characters that look like something else, or like nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lookalike {
    NoBreakSpace,
    SoftHyphen,
    ZeroWidth,
    CurlyQuote,
    StraightQuote,
    Dash,
    Hyphen,
    CombiningMark,
}

impl Lookalike {
    const ALL: [Lookalike; 8] = [
        Lookalike::NoBreakSpace,
        Lookalike::SoftHyphen,
        Lookalike::ZeroWidth,
        Lookalike::CurlyQuote,
        Lookalike::StraightQuote,
        Lookalike::Dash,
        Lookalike::Hyphen,
        Lookalike::CombiningMark,
    ];

    fn of(c: char) -> Option<Lookalike> {
        Some(match c {
            '\u{A0}' | '\u{202F}' | '\u{2007}' => Lookalike::NoBreakSpace,
            '\u{AD}' => Lookalike::SoftHyphen,
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => Lookalike::ZeroWidth,
            '‘' | '’' | '‚' | '‛' | '“' | '”' | '„' | '‟' => Lookalike::CurlyQuote,
            '\'' | '"' => Lookalike::StraightQuote,
            '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => Lookalike::Dash,
            '-' => Lookalike::Hyphen,
            c if is_combining_mark(c) => Lookalike::CombiningMark,
            _ => return None,
        })
    }

    fn name(self, n: usize) -> String {
        let (one, many) = match self {
            Lookalike::NoBreakSpace => ("a non-breaking space", "non-breaking spaces"),
            Lookalike::SoftHyphen => ("a soft hyphen", "soft hyphens"),
            Lookalike::ZeroWidth => ("a zero-width character", "zero-width characters"),
            Lookalike::CurlyQuote => ("a curly quote", "curly quotes"),
            Lookalike::StraightQuote => ("a straight quote", "straight quotes"),
            Lookalike::Dash => ("a dash (– or —)", "dashes (– or —)"),
            Lookalike::Hyphen => ("a hyphen-minus (-)", "hyphen-minuses (-)"),
            Lookalike::CombiningMark => (
                "an accent written as a separate combining mark (Unicode NFD)",
                "accents written as separate combining marks (Unicode NFD)",
            ),
        };
        match n {
            1 => one.to_owned(),
            n => format!("{n} {many}"),
        }
    }
}

fn counts(s: &str) -> [usize; 8] {
    let mut out = [0; 8];
    for c in s.chars() {
        if let Some(l) = Lookalike::of(c) {
            out[l as usize] += 1;
        }
    }
    out
}

/// `the text has 2 non-breaking spaces, the quote none; …`, or `None` when the two strings hold
/// the same invisible and lookalike characters. `quote` is what the author wrote, `text` the
/// passage of the document.
pub fn differences(quote: &str, text: &str) -> Option<String> {
    let (q, t) = (counts(quote), counts(text));
    let parts: Vec<String> = Lookalike::ALL
        .iter()
        .filter(|&&l| q[l as usize] != t[l as usize])
        .map(|&l| {
            let (nq, nt) = (q[l as usize], t[l as usize]);
            match (nq, nt) {
                (0, n) => format!("the text has {}, the quote none", l.name(n)),
                (n, 0) => format!("the quote has {}, the text none", l.name(n)),
                (a, b) => format!("the quote has {}, the text {b}", l.name(a)),
            }
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_eye_cannot_see_is_named() {
        assert_eq!(
            differences("Mexico City police", "Mexico\u{a0}City police").as_deref(),
            Some("the text has a non-breaking space, the quote none")
        );
        assert_eq!(
            differences("Ame\u{301}rica's", "Américas").as_deref(),
            Some(
                "the quote has a straight quote, the text none; the quote has an accent written as a separate combining mark (Unicode NFD), the text none"
            )
        );
        assert_eq!(
            differences("co\u{ad}operation", "cooperation").as_deref(),
            Some("the quote has a soft hyphen, the text none")
        );
        assert_eq!(differences("same", "same"), None);
        assert_eq!(
            differences("a - b", "a — b").as_deref(),
            Some(
                "the text has a dash (– or —), the quote none; the quote has a hyphen-minus (-), the text none"
            )
        );
    }
}
