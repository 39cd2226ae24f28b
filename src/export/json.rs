//! The normalised document: defaults filled in, fields in a fixed order. Exporting its own output
//! gives the same bytes.
//!
//! It is the one lossless export, so strings are not sanitized; instead every character that a
//! terminal could act on is written as a JSON `\uXXXX` escape. serde_json escapes C0 controls
//! itself; DEL, the C1 controls, the bidirectional overrides and the line separators are escaped
//! here, so no control character reaches the output and the data survives a round trip.

use crate::model::Model;

pub fn export(model: &Model) -> String {
    // Serialising plain data to a String cannot fail: no maps with non-string keys, no I/O.
    // Escaped so that printing it to a terminal is as safe as showing it in the explorer.
    let mut out =
        crate::model::sanitize::json(serde_json::to_string_pretty(&model.doc).unwrap_or_default());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_are_escaped_not_dropped() {
        let text = "del\u{7f} csi\u{9b} rlo\u{202e} ls\u{2028}";
        let doc = format!(
            r#"{{"format": "argscope/1", "document": {{"title": "{text}", "text": "t"}}, "items": []}}"#
        );
        let model = crate::model::load(doc.as_bytes()).unwrap();
        let out = export(&model);
        assert!(
            out.contains(r"del\u007f csi\u009b rlo\u202e ls\u2028"),
            "{out}"
        );
        let again = crate::model::load(out.as_bytes()).unwrap();
        assert_eq!(again.doc.document.title, text);
        assert_eq!(export(&again), out);
    }
}
