//! The format's field names, object by object: the one list the loader that walks the JSON by
//! hand checks against, and that a test holds the fast loader's structs to
//! (`fast::tests::the_fast_structs_know_the_fields_of_the_table`), so the two loaders cannot
//! disagree on which fields exist.

use super::Kind;

/// The top-level object.
pub const TOP: &[&str] = &[
    "$schema",
    "format",
    "document",
    "relations",
    "items",
    "comparisons",
];
/// `document`.
pub const SOURCE: &[&str] = &["title", "source", "published", "url", "text"];
/// Each of `relations`.
pub const RELATION: &[&str] = &["id", "label", "inverse"];
/// The fields every item has, whatever its kind.
pub const ITEM: &[&str] = &["id", "kind", "title", "summary", "quotes", "links", "tags"];
/// An event's `when`.
pub const WHEN: &[&str] = &["label", "date"];
/// A quote given as a selector.
pub const QUOTE: &[&str] = &["exact", "prefix", "suffix"];
/// Each of an item's `links`.
pub const LINK: &[&str] = &["rel", "to", "group", "note"];
/// Each of `comparisons`.
pub const COMPARISON: &[&str] = &["id", "title", "left", "right", "pairs"];
/// A comparison's `left` and `right`.
pub const SIDE: &[&str] = &["label", "items"];

/// The fields of one kind only.
pub fn of_kind(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Event => &["when"],
        Kind::Actor => &["role", "group"],
        Kind::Provision => &["instrument"],
        Kind::Recommendation => &[],
        Kind::Claim => &["role", "unstated"],
    }
}
