//! `e`: the selected item in the reader's own editor, at the line of its `"id"`.
//!
//! The editor comes from `$VISUAL`, else `$EDITOR`, split into words as a shell would (quotes
//! and backslashes) without running a shell, so nothing in the variable or the file name is ever
//! interpreted as a command. The line goes in the form the editor understands: `+LINE FILE`, the
//! convention of vi, vim, nvim, nano, emacs, helix, kakoune and micro; `--goto FILE:LINE` for VS
//! Code and its forks; `FILE:LINE` for Sublime Text.

use std::ffi::OsString;
use std::path::Path;

/// A program and its arguments, ready for `std::process::Command`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorCommand {
    pub program: String,
    pub args: Vec<OsString>,
}

/// Why no editor can be run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditorError {
    #[error("no editor: set $VISUAL or $EDITOR (for example EDITOR=vim)")]
    Unset,
    #[error("${var} cannot be read as words: {reason}")]
    Unparsable { var: &'static str, reason: String },
}

/// The editor variable to use: `$VISUAL`, else `$EDITOR`, each only when not empty.
pub fn from_env() -> Option<(&'static str, String)> {
    ["VISUAL", "EDITOR"].into_iter().find_map(|var| {
        std::env::var(var)
            .ok()
            .filter(|v| !v.trim().is_empty())
            .map(|v| (var, v))
    })
}

/// The command that opens `file` at `line` (from 1) with the editor named by `var`'s `value`.
pub fn command(
    var: &'static str,
    value: &str,
    file: &Path,
    line: usize,
) -> Result<EditorCommand, EditorError> {
    let mut words = shell_words::split(value).map_err(|e| EditorError::Unparsable {
        var,
        reason: e.to_string(),
    })?;
    if words.is_empty() {
        return Err(EditorError::Unset);
    }
    let program = words.remove(0);
    let mut args: Vec<OsString> = words.into_iter().map(OsString::from).collect();
    let name = Path::new(&program)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(&program)
        .trim_end_matches(".exe");
    let with_line = || {
        let mut s = file.as_os_str().to_owned();
        s.push(format!(":{line}"));
        s
    };
    match name {
        "code" | "code-insiders" | "codium" | "vscodium" | "cursor" => {
            args.push("--goto".into());
            args.push(with_line());
        }
        "subl" | "sublime_text" => args.push(with_line()),
        _ => {
            args.push(format!("+{line}").into());
            args.push(file.as_os_str().to_owned());
        }
    }
    Ok(EditorCommand { program, args })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(value: &str) -> Vec<String> {
        let c = command("EDITOR", value, Path::new("/maps/my map.json"), 42).unwrap();
        std::iter::once(c.program)
            .chain(c.args.iter().map(|a| a.to_string_lossy().into_owned()))
            .collect()
    }

    #[test]
    fn the_line_goes_where_each_editor_reads_it() {
        assert_eq!(run("vim"), ["vim", "+42", "/maps/my map.json"]);
        assert_eq!(
            run("/usr/bin/nvim -u NONE"),
            ["/usr/bin/nvim", "-u", "NONE", "+42", "/maps/my map.json"]
        );
        assert_eq!(
            run("emacsclient -t"),
            ["emacsclient", "-t", "+42", "/maps/my map.json"]
        );
        assert_eq!(run("hx"), ["hx", "+42", "/maps/my map.json"]);
        assert_eq!(
            run("code --wait"),
            ["code", "--wait", "--goto", "/maps/my map.json:42"]
        );
        assert_eq!(run("subl -w"), ["subl", "-w", "/maps/my map.json:42"]);
    }

    #[test]
    fn the_variable_is_split_as_a_shell_would_and_never_run_by_one() {
        assert_eq!(
            run("'/opt/My Editor/bin/ed' --flag \"two words\""),
            [
                "/opt/My Editor/bin/ed",
                "--flag",
                "two words",
                "+42",
                "/maps/my map.json"
            ]
        );
        // A shell would run the second command; here it is only words.
        assert_eq!(
            run("vi; rm -rf ~"),
            ["vi;", "rm", "-rf", "~", "+42", "/maps/my map.json"]
        );
        assert!(matches!(
            command("VISUAL", "vim 'unclosed", Path::new("x"), 1),
            Err(EditorError::Unparsable { var: "VISUAL", .. })
        ));
        assert_eq!(
            command("EDITOR", "  ", Path::new("x"), 1),
            Err(EditorError::Unset)
        );
    }
}
