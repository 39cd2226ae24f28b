//! The document: its types, loading, validation, quote anchoring and the link index.

pub mod anchor;
mod fast;
pub mod fold;
pub mod index;
pub mod order;
pub mod packed;
pub mod problem;
pub mod sanitize;
pub mod search;
pub mod types;
pub mod validate;

pub use index::{LinkIndex, LinkRef};
pub use problem::{Problem, Severity};
pub use types::*;

use std::io::Read;
use std::path::Path;

/// The built-in map of the editorial, embedded in the binary.
pub const BUILTIN: &str = include_str!("../../assets/mexico-drug-war.json");
/// How the built-in document is named in messages.
pub const BUILTIN_NAME: &str = "<built-in>";

/// A loaded, valid document with everything derived from it at load.
#[derive(Debug, Clone)]
pub struct Model {
    pub doc: Document,
    pub index: LinkIndex,
    /// Each item's quotes as byte spans of `doc.document.text`, in quote order.
    pub spans: packed::Spans,
    /// Warnings found while loading (the document loaded regardless).
    pub warnings: Vec<Problem>,
    /// Every item's fields folded for search, once.
    pub search: search::SearchIndex,
}

impl Model {
    /// The item at `i`.
    pub fn item(&self, i: usize) -> &Item {
        &self.doc.items[i]
    }

    /// The relation a link names.
    pub fn relation(&self, r: usize) -> &Relation {
        &self.doc.relations[r]
    }
}

/// Why a file could not be read at all (exit 2), as opposed to read and refused (exit 1).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: is a directory, not a document file")]
    Directory { path: String },
}

/// Reads a document's bytes from a path (any bytes, UTF-8 or not), or from standard input for
/// `-`.
pub fn read_source(path: &Path) -> Result<Vec<u8>, ReadError> {
    let name = || path.display().to_string();
    let io = |source| ReadError::Io {
        path: name(),
        source,
    };
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(io)?;
        return Ok(bytes);
    }
    if path.is_dir() {
        return Err(ReadError::Directory { path: name() });
    }
    std::fs::read(path).map_err(io)
}

/// Parses and validates a document. `Err` holds every problem, errors and warnings alike.
pub fn load(bytes: &[u8]) -> Result<Model, Vec<Problem>> {
    // A clean document takes the fast path; any other is walked by hand for its messages.
    let validated = match fast::document(bytes) {
        Some(doc) => validate::check(doc),
        None => validate::validate(parse_json(bytes).map_err(|p| vec![p])?),
    };
    build(validated)
}

/// [`load`], giving the file's bytes up as soon as the document is read from them: a large file
/// is then not held beside the indexes built next (the peak memory of opening a file).
pub fn load_owned(bytes: Vec<u8>) -> Result<Model, Vec<Problem>> {
    let validated = match fast::document(&bytes) {
        Some(doc) => {
            drop(bytes);
            validate::check(doc)
        }
        None => validate::validate(parse_json(&bytes).map_err(|p| vec![p])?),
    };
    build(validated)
}

/// The model of a validated document, or its problems.
fn build(validated: validate::Validated) -> Result<Model, Vec<Problem>> {
    match validated.document {
        Some(doc) => {
            let index = LinkIndex::resolved(&doc, validated.resolution);
            let search = match validated.folded_text {
                Some(text) => search::SearchIndex::with_text(&doc, text),
                None => search::SearchIndex::new(&doc),
            };
            Ok(Model {
                doc,
                index,
                search,
                spans: validated.spans,
                warnings: validated.problems,
            })
        }
        None => Err(validated.problems),
    }
}

/// The built-in document. It is checked by the test suite, so a failure here is a build defect.
pub fn builtin() -> Model {
    match load(BUILTIN.as_bytes()) {
        Ok(model) => model,
        Err(problems) => panic!("the built-in document is invalid: {problems:?}"),
    }
}

/// Bytes to JSON: byte-order mark, UTF-8 and syntax, each with a line and column.
pub fn parse_json(bytes: &[u8]) -> Result<serde_json::Value, Problem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Problem::error(
            "",
            "the file is empty: expected a JSON object",
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_col(bytes, e.valid_up_to());
        let mut p = Problem::error(
            "",
            format!(
                "not UTF-8 text: invalid byte 0x{:02X}",
                bytes[e.valid_up_to()]
            ),
        );
        (p.line, p.column) = (Some(line), Some(column));
        p
    })?;
    serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        let message = match full.rfind(" at line ") {
            Some(at) => &full[..at],
            None => &full,
        };
        let message = match e.classify() {
            serde_json::error::Category::Eof => format!("the JSON ends too early: {message}"),
            _ => format!("syntax error: {message}"),
        };
        let mut p = Problem::error("", message);
        (p.line, p.column) = (Some(e.line()), Some(e.column()));
        p
    })
}

/// Line and column (from 1; the column counts characters) of a byte offset.
fn line_col(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_document_loads_without_warnings() {
        let model = builtin();
        assert!(model.warnings.is_empty(), "{:#?}", model.warnings);
        assert!(model.doc.items.len() > 40);
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let err = parse_json(b"{\n  \"format\": ,\n}").unwrap_err();
        assert_eq!((err.line, err.column), (Some(2), Some(13)));
        assert!(err.message.starts_with("syntax error"), "{}", err.message);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        let err = parse_json(deep.as_bytes()).unwrap_err();
        assert!(err.message.contains("recursion limit"), "{}", err.message);
    }

    #[test]
    fn invalid_utf8_names_its_place() {
        let err = parse_json(b"{\n \"a\": \"\xff\"}").unwrap_err();
        assert_eq!((err.line, err.column), (Some(2), Some(8)));
    }
}
