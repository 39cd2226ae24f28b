//! The document: its types, loading, validation, quote anchoring and the link index.

pub mod anchor;
mod fast;
pub mod fields;
pub mod fold;
pub mod incremental;
pub mod index;
pub mod invisible;
pub mod locate;
pub mod motion;
pub mod order;
pub mod packed;
pub mod problem;
mod rules;
pub mod sanitize;
pub mod search;
pub mod selector;
pub mod structure;
pub mod types;
pub mod validate;

pub use index::{LinkIndex, LinkRef};
pub use problem::{Problem, Severity};
pub use types::*;

use std::collections::HashSet;
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
pub fn read_source(path: impl AsRef<Path>) -> Result<Vec<u8>, ReadError> {
    let path = path.as_ref();
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

/// Whether the two loaders agree on `bytes`: the fast path (serde straight into the types, for
/// clean documents) and the walk by hand (for every document, with its messages). Where the
/// fast path takes the document, both must load it to the same document with the same warnings,
/// or refuse it with the same problems. `Err` says how they differ. The property tests and the
/// `load` fuzz target call it on every document they make.
pub fn loaders_agree(bytes: &[u8]) -> Result<(), String> {
    let Some(doc) = fast::document(bytes) else {
        return Ok(());
    };
    let walked = match parse_json(bytes) {
        Ok(value) => build(validate::validate(value)),
        Err(p) => return Err(format!("the fast path read what does not parse: {p}")),
    };
    let fast = build(validate::check(doc));
    let describe = |r: &Result<Model, Vec<Problem>>| match r {
        Ok(m) => (
            Some(crate::export::json::export(m)),
            m.warnings
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
        ),
        Err(problems) => (None, problems.iter().map(ToString::to_string).collect()),
    };
    let (f, w) = (describe(&fast), describe(&walked));
    if f == w {
        Ok(())
    } else {
        Err(format!("fast path: {f:#?}\nwalked: {w:#?}"))
    }
}

/// How to read `path` again to place problems, for [`load_placed`]: only a regular file (standard
/// input, `-`, cannot be read twice, and a second read of a FIFO would wait for a writer).
pub fn reread(path: &Path) -> impl FnOnce() -> Option<Vec<u8>> + '_ {
    move || {
        let regular = path.as_os_str() != "-" && std::fs::metadata(path).is_ok_and(|m| m.is_file());
        regular.then(|| std::fs::read(path).ok()).flatten()
    }
}

/// [`load_owned`], with every problem placed at its line and column, and keys given twice in one
/// object reported. A clean document costs nothing more; for one with problems the bytes are
/// scanned once more, from `bytes` when the load kept them or from `reread` (the file read again)
/// when the fast path had let them go.
pub fn load_placed(
    bytes: Vec<u8>,
    reread: impl FnOnce() -> Option<Vec<u8>>,
) -> Result<Model, Vec<Problem>> {
    let len = bytes.len();
    let (result, bytes) = match fast::document(&bytes) {
        Some(doc) => {
            drop(bytes);
            (build(validate::check(doc)), None)
        }
        None => {
            let value = match parse_json(&bytes) {
                Ok(v) => v,
                Err(p) => return Err(vec![p]),
            };
            let mut validated = validate::validate(value);
            // serde_json keeps the last of two equal keys: say so, rather than let a reviewer and
            // argscope read different documents. (The fast path's structs refuse duplicates.)
            let found = locate::scan(&bytes, &HashSet::new());
            for d in found.duplicates {
                validated.problems.push(duplicate_key_problem(&d));
                validated.document = None;
            }
            (build(validated), Some(bytes))
        }
    };
    let place = |problems: &mut Vec<Problem>, bytes: Option<Vec<u8>>| {
        // Read again only if it is still the same length: a file changed in between would
        // place the problems on another version's lines.
        if problems.iter().any(|p| p.line.is_none())
            && let Some(bytes) = bytes.or_else(|| reread().filter(|b| b.len() == len))
        {
            place_problems(&bytes, problems);
        }
    };
    match result {
        Ok(mut model) => {
            place(&mut model.warnings, bytes);
            Ok(model)
        }
        Err(mut problems) => {
            place(&mut problems, bytes);
            Err(problems)
        }
    }
}

fn duplicate_key_problem(d: &locate::DuplicateKey) -> Problem {
    let mut p = Problem::error(
        d.path.clone(),
        format!(
            "the key \"{}\" is given twice in one object, on lines {} and {}: JSON tools disagree on which one counts, so keep one",
            d.key, d.first.0, d.second.0
        ),
    );
    (p.line, p.column) = (Some(d.second.0), Some(d.second.1));
    p
}

/// Sets the line and column of every problem that has a path but no place yet. A path that is
/// not in the file (a missing field) is placed at the nearest enclosing value that is.
pub fn place_problems(bytes: &[u8], problems: &mut [Problem]) {
    let mut wanted: HashSet<&str> = HashSet::new();
    for p in problems.iter().filter(|p| p.line.is_none()) {
        let mut path = p.path.as_str();
        loop {
            wanted.insert(path);
            match path.rfind(['.', '[']) {
                Some(cut) => path = &path[..cut],
                None if !path.is_empty() => path = "",
                None => break,
            }
        }
    }
    let found = locate::scan(bytes, &wanted);
    for p in problems.iter_mut().filter(|p| p.line.is_none()) {
        let mut path = p.path.as_str();
        let place = loop {
            if let Some(&place) = found.places.get(path) {
                break Some(place);
            }
            match path.rfind(['.', '[']) {
                Some(cut) => path = &path[..cut],
                None if !path.is_empty() => path = "",
                None => break None,
            }
        };
        if let Some((line, column)) = place {
            (p.line, p.column) = (Some(line), Some(column));
        }
    }
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
        let mut p = Problem::error("", "the file is empty: expected a JSON object");
        (p.line, p.column) = (Some(1), Some(1));
        return Err(p);
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
    fn the_builtin_sovereignty_rebuttal_is_two_linked_premises_and_an_unstated_conclusion() {
        let model = builtin();
        let groups = order::linked_groups(&model);
        let rebuttal = groups
            .iter()
            .find(|g| g.name == "sovereignty-rebuttal")
            .expect("the group");
        let ids: Vec<&str> = rebuttal
            .premises
            .iter()
            .map(|&p| model.item(p).id.as_str())
            .collect();
        assert_eq!(
            ids,
            ["premise-sovereignty-capacity", "premise-opposite-happening"]
        );
        let conclusion = model.item(rebuttal.target);
        assert!(matches!(
            conclusion.fields,
            KindFields::Claim { unstated: true, .. }
        ));
        assert!(conclusion.quotes.is_empty());
        let demands = model.index.get("premise-sovereignty-demands").unwrap();
        assert!(
            model.index.outgoing[rebuttal.target]
                .iter()
                .any(|l| l.other == demands && model.relation(l.rel).id == "opposes")
        );
    }

    #[test]
    fn the_builtin_links_that_are_the_maps_reading_say_so_and_are_few() {
        let model = builtin();
        let links: Vec<&Link> = model.doc.items.iter().flat_map(|i| &i.links).collect();
        let ours = links
            .iter()
            .filter(|l| l.note.as_deref().is_some_and(|n| n.contains("our reading")))
            .count();
        // The exception, not the rule: fewer than one link in five. (A strict re-read marks more
        // links as the map's reading than a first draft did; that is honesty, not a defect.)
        assert!(
            ours > 0 && ours * 5 < links.len(),
            "{ours} of {}",
            links.len()
        );
        // Every such note starts with it, so a reader sees it first.
        for l in &links {
            if let Some(n) = l.note.as_deref().filter(|n| n.contains("our reading")) {
                assert!(n.starts_with("our reading: "), "{n}");
            }
        }
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
