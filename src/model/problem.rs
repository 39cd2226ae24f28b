//! Validation problems: each one a value with a place and a message, so that all can be collected
//! and reported at once.

use serde::Serialize;
use std::fmt;

/// Whether a problem refuses the document or only warns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One thing wrong with a document, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    /// A JSON path such as `items[12].links[0].to`; empty for the whole file.
    pub path: String,
    /// The id of the item the problem is in, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// Line and column (both from 1), for syntax errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    pub message: String,
}

impl Problem {
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Error,
            path: path.into(),
            item: None,
            line: None,
            column: None,
            message: message.into(),
        }
    }

    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(path, message)
        }
    }

    /// Names the item the problem is in; a long id is shortened (see [`short`]), so that the
    /// many problems of one item with an enormous id do not each copy it.
    pub fn in_item(mut self, id: Option<&str>) -> Problem {
        self.item = id.map(|id| short(id).into_owned());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// `12:5: items[3].links[0].to (item "x"): warning: message`; a syntax error has a place and no
/// path (`3:14: message`), a problem that could not be placed a path only. The file name is put
/// in front by the caller.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, "{l}:{c}: ")?;
        }
        if !self.path.is_empty() {
            f.write_str(&self.path)?;
            if let Some(id) = &self.item {
                write!(f, " (item \"{id}\")")?;
            }
            f.write_str(": ")?;
        }
        if self.severity == Severity::Warning {
            f.write_str("warning: ")?;
        }
        f.write_str(&self.message)
    }
}

/// The longest string a message quotes whole, in bytes.
const SHORT_BYTES: usize = 80;

/// The message of an id that item `first` already has: one wording for the loader's check and
/// for a change checked alone.
pub fn duplicate_id(id: &str, first: usize) -> String {
    format!("duplicate id \"{}\" (first at items[{first}])", short(id))
}

/// `s`, or its start and `…` when it is longer than a message should quote: every problem of an
/// item names its id, and a document can repeat an enormous one in thousands of problems.
pub fn short(s: &str) -> std::borrow::Cow<'_, str> {
    if s.len() <= SHORT_BYTES {
        return s.into();
    }
    let mut end = SHORT_BYTES - 8;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end]).into()
}

/// Characters of each string weighed for a suggestion: a typo is seen in the first few dozen,
/// and weighing all of two long strings costs the product of their lengths.
const SUGGEST_CHARS: usize = 64;

/// "did you mean" for `wanted` among `known`, when one is close enough to be a likely typo.
pub fn suggest<'a>(wanted: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut unbounded = usize::MAX;
    suggest_within(wanted, known, &mut unbounded)
}

/// [`suggest`], weighing at most `budget` pairs of characters (taken from it): a document with
/// many unknown ids among many known ones gets its first suggestions and then no more, rather
/// than a check that takes the product of the two.
pub fn suggest_within<'a>(
    wanted: &str,
    known: impl IntoIterator<Item = &'a str>,
    budget: &mut usize,
) -> Option<&'a str> {
    // Case does not count against a candidate: `Supports` is a likely typo of `supports`.
    let wanted: String = wanted
        .chars()
        .take(SUGGEST_CHARS)
        .flat_map(char::to_lowercase)
        .collect();
    let wanted_chars = wanted.chars().count();
    let mut lower = String::new();
    let mut best: Option<(f64, &str)> = None;
    for k in known {
        // Only strings of about the same length are likely typos of each other (lengths
        // counted up to the characters that are weighed).
        let k_chars = k.chars().take(SUGGEST_CHARS).count();
        if !similar_length(wanted_chars, k_chars) {
            continue;
        }
        lower.clear();
        lower.extend(k.chars().take(SUGGEST_CHARS).flat_map(char::to_lowercase));
        let pairs = wanted_chars * k_chars.max(1);
        if *budget < pairs {
            *budget = 0;
            break;
        }
        *budget -= pairs;
        crate::work::add(crate::work::Work::Pairs, pairs);
        let score = strsim::jaro_winkler(&wanted, &lower);
        if score >= 0.8 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, k));
        }
    }
    best.map(|(_, k)| k)
}

/// Whether strings of `a` and `b` characters are near enough in length to be typos of each
/// other.
fn similar_length(a: usize, b: usize) -> bool {
    a.abs_diff(b) <= 4 + a.max(b) / 3
}

/// Appends ` — did you mean "x"?` when there is a suggestion.
pub fn with_suggestion<'a>(
    message: String,
    wanted: &str,
    known: impl IntoIterator<Item = &'a str>,
) -> String {
    match suggest(wanted, known) {
        Some(s) => format!("{message} — did you mean \"{s}\"?"),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_id() {
        assert_eq!(
            suggest("us-agent", ["us-agents", "amlo", "biden"]),
            Some("us-agents")
        );
        assert_eq!(suggest("zzzz", ["us-agents", "amlo"]), None);
        // Whatever the case.
        assert_eq!(
            suggest("Supports", ["opposes", "supports"]),
            Some("supports")
        );
        assert_eq!(suggest("AMLO", ["amlo", "biden"]), Some("amlo"));
    }

    #[test]
    fn long_strings_are_weighed_on_their_start_and_only_against_similar_lengths() {
        let long = "a".repeat(80_000);
        crate::work::reset();
        assert!(suggest(&long, [long.as_str()]).is_some());
        assert_eq!(suggest(&long, ["abc"]), None);
        assert_eq!(crate::work::count(crate::work::Work::Pairs), 64 * 64);
    }

    #[test]
    fn long_ids_are_shortened_in_problems() {
        let id = "x".repeat(200_000);
        let p = Problem::error("items[0].tags[0]", "bad").in_item(Some(&id));
        let item = p.item.unwrap();
        assert!(item.len() < 100 && item.ends_with('…'), "{item}");
        assert_eq!(short("é".repeat(50).as_str()).chars().count(), 37);
        assert_eq!(short("abc"), "abc");
    }

    #[test]
    fn a_spent_budget_suggests_nothing() {
        let mut budget = 20;
        assert_eq!(suggest_within("us-agent", ["us-agents"], &mut budget), None);
        assert_eq!(budget, 0);
    }

    #[test]
    fn displays_path_item_and_severity() {
        let p = Problem::warning("items[3].links[0].to", "oops").in_item(Some("x"));
        assert_eq!(
            p.to_string(),
            "items[3].links[0].to (item \"x\"): warning: oops"
        );
    }
}
