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

    pub fn in_item(mut self, id: Option<&str>) -> Problem {
        self.item = id.map(str::to_owned);
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

/// "did you mean" for `wanted` among `known`, when one is close enough to be a likely typo.
pub fn suggest<'a>(wanted: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // Case does not count against a candidate: `Supports` is a likely typo of `supports`.
    let wanted = wanted.to_lowercase();
    let mut lower = String::new();
    let mut best: Option<(f64, &str)> = None;
    for k in known {
        lower.clear();
        lower.extend(k.chars().flat_map(char::to_lowercase));
        let score = strsim::jaro_winkler(&wanted, &lower);
        if score >= 0.8 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, k));
        }
    }
    best.map(|(_, k)| k)
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
    fn displays_path_item_and_severity() {
        let p = Problem::warning("items[3].links[0].to", "oops").in_item(Some("x"));
        assert_eq!(
            p.to_string(),
            "items[3].links[0].to (item \"x\"): warning: oops"
        );
    }
}
