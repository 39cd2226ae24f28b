//! Exports of a loaded document to other tools' formats.

pub mod json;

use crate::model::Model;

/// The formats `argscope export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
}

/// Renders `model` in `format`. Every export is deterministic: the same input gives the same bytes.
pub fn export(model: &Model, format: Format) -> String {
    match format {
        Format::Json => json::export(model),
    }
}
