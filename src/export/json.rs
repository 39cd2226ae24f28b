//! The normalised document: defaults filled in, fields in a fixed order. Exporting its own output
//! gives the same bytes.

use crate::model::Model;

pub fn export(model: &Model) -> String {
    // Serialising plain data to a String cannot fail: no maps with non-string keys, no I/O.
    // Escaped so that printing it to a terminal is as safe as showing it in the explorer.
    let mut out =
        crate::model::sanitize::json(serde_json::to_string_pretty(&model.doc).unwrap_or_default());
    out.push('\n');
    out
}
