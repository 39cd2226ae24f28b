//! The command line: clap definitions and the subcommands that do not need a terminal.

use crate::export::{self, Format};
use crate::model::{self, Model, Problem, reread, sanitize};
use clap::{Parser, Subcommand};
use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod man;
mod output;
pub mod quote;

/// Exit codes: the contract in DESIGN.md.
pub const EXIT_OK: u8 = 0;
pub const EXIT_INVALID: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "argscope",
    version,
    about = "A terminal explorer for the argument of a written piece",
    long_about = "A terminal explorer for the argument of a written piece: what happened when, who \
                  the actors are, what a policy says, what the author recommends, and how the \
                  claims hang together.\n\nWith no FILE, explores the built-in map of the editorial \
                  \"Is Mexico's Drug War Taking a Turn for the Worse?\".",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// The document to explore (argscope/1 JSON); the built-in article when absent.
    pub file: Option<PathBuf>,
    /// Leave the mouse to the terminal, so its own text selection works.
    #[arg(long, global = true)]
    pub no_mouse: bool,
    /// Draw borders and symbols in plain ASCII.
    #[arg(long, global = true)]
    pub ascii: bool,
    /// Read the configuration from this file (default: $XDG_CONFIG_HOME/argscope/config.toml;
    /// `render` reads one only when given this flag).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,
    /// Print a commented default configuration file and exit.
    #[arg(long)]
    pub print_default_config: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate documents; exit 1 on errors (and on warnings with --strict).
    Check {
        /// Documents to validate; `-` reads standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
        /// How to print the problems.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Check FILE again every time it changes, until interrupted (one file; with
        /// --format json, one report a line).
        #[arg(long)]
        watch: bool,
    },
    /// Write a document in another format.
    Export {
        /// The document; `-` reads standard input; the built-in article when absent.
        file: Option<PathBuf>,
        /// The format to write.
        #[arg(long, short = 'f', value_enum)]
        format: Format,
        /// Write to OUT instead of standard output: a regular file is replaced atomically; a FIFO,
        /// a device or /dev/stdout is written into.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
    },
    /// Run the explorer headless: feed KEYS, print the final screen as plain text.
    Render {
        /// The document; `-` reads standard input; the built-in article when absent.
        file: Option<PathBuf>,
        /// The screen size, COLSxROWS.
        #[arg(long, default_value = "120x40")]
        size: String,
        /// Keys to feed, in vim notation: `4<Enter>j`, `<C-d>`, `<lt>` for a literal `<`.
        #[arg(long, default_value = "")]
        keys: String,
    },
    /// Print a skeleton document with ARTICLE's text embedded, ready to fill in.
    New {
        /// The article as a UTF-8 text file.
        #[arg(long)]
        text: PathBuf,
    },
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    Man,
    /// Print TEXT's verbatim passage in FILE's text as a quote, ready to paste into "quotes"
    /// (found as search finds it: case, accents, typographic quotes and spaces folded). Several
    /// occurrences print one selector each. Exit 0 found, 1 not found.
    Quote {
        /// The document whose text to search; `-` reads standard input.
        file: PathBuf,
        /// What to look for.
        text: String,
    },
    /// Print the JSON Schema of argscope/1 (draft 2020-12), for editors: save it beside your
    /// document and name it in "$schema".
    Schema,
}

/// How `check` prints its problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
}

/// Writes `bytes` to standard output. A closed pipe (`| head`) is the reader's choice, not a
/// failure; any other error is reported with exit 2.
pub fn print(bytes: &[u8]) -> ExitCode {
    match write_stdout(bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(EXIT_USAGE, &format!("cannot write to standard output: {e}")),
    }
}

/// Prints an error for the user, sanitized, and gives the exit code.
pub fn fail(code: u8, message: &str) -> ExitCode {
    eprintln!("argscope: {}", sanitize::text(message));
    ExitCode::from(code)
}

/// `argscope chek x.json`: a first word that names no file but is close to a subcommand's name is
/// taken for a typo of the subcommand rather than read as a path (which clap would report as
/// "the subcommand 'x.json' cannot be used with '[FILE]'").
pub fn mistyped_subcommand(mut args: impl Iterator<Item = std::ffi::OsString>) -> Option<ExitCode> {
    let first = args.nth(1)?;
    let word = first.to_str()?;
    if word.starts_with('-') || Path::new(word).exists() {
        return None;
    }
    let command = <Cli as clap::CommandFactory>::command();
    let names: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
    if names.contains(&word) {
        return None;
    }
    let suggestion = model::problem::suggest(word, names.iter().copied())?;
    Some(fail(
        EXIT_USAGE,
        &format!(
            "\"{word}\" is neither a file nor a subcommand — did you mean `argscope {suggestion}`?"
        ),
    ))
}

/// Command lines that clap would answer with a message that does not help: two documents to
/// explore (`argscope a.json b.json`: "the subcommand 'b.json' cannot be used"), and `new` given
/// the article without `--text`.
pub fn misread_arguments(args: &[std::ffi::OsString]) -> Option<ExitCode> {
    let mut words = Vec::new();
    let mut after_config = false;
    for arg in args.iter().skip(1) {
        let word = arg.to_string_lossy();
        if word == "--" {
            return None;
        }
        if std::mem::take(&mut after_config) {
            continue;
        }
        if word == "--config" {
            after_config = true;
        } else if !word.starts_with('-') {
            words.push(word);
        }
    }
    let command = <Cli as clap::CommandFactory>::command();
    let is_subcommand =
        |w: &str| w == "help" || command.get_subcommands().any(|c| c.get_name() == w);
    match words.as_slice() {
        [new, article, ..]
            if new == "new"
                && !args
                    .iter()
                    .any(|a| a.to_string_lossy().starts_with("--text")) =>
        {
            Some(fail(
                EXIT_USAGE,
                &format!(
                    "`new` reads the article from --text: run `argscope new --text {article}`"
                ),
            ))
        }
        [first, second, rest @ ..] if !is_subcommand(first) => {
            let all: Vec<&str> = [first, second]
                .into_iter()
                .chain(rest)
                .map(|w| w.as_ref())
                .collect();
            Some(fail(
                EXIT_USAGE,
                &format!(
                    "the explorer opens one document at a time, and was given {}; to validate them all, run `argscope check {}`",
                    all.len(),
                    all.join(" ")
                ),
            ))
        }
        _ => None,
    }
}

/// Loads a document named on the command line (`None`: the built-in one). On failure the
/// problems are printed and the exit code returned.
pub fn load_document(file: Option<&Path>) -> Result<Model, ExitCode> {
    let Some(path) = file else {
        return Ok(model::builtin());
    };
    let bytes = model::read_source(path).map_err(|e| fail(EXIT_USAGE, &e.to_string()))?;
    model::load_placed(bytes, reread(path)).map_err(|problems| {
        let name = display_name(path);
        for p in problems.iter().filter(|p| p.is_error()) {
            eprintln!("{}", sanitize::line(&format!("{name}:{}{p}", sep(p))));
        }
        let errors = problems.iter().filter(|p| p.is_error()).count();
        // Standard input is named `-` on a command line, not `<stdin>`.
        let again = if is_stdin(path) {
            "`argscope check -` on the same input".to_owned()
        } else {
            format!("`argscope check {name}`")
        };
        eprintln!(
            "{}",
            sanitize::line(&format!(
                "argscope: {name}: {errors} error{} — run {again} for all problems",
                plural(errors)
            ))
        );
        ExitCode::from(EXIT_INVALID)
    })
}

/// Whether a path on the command line means standard input.
fn is_stdin(path: &Path) -> bool {
    path == Path::new("-")
}

/// A path as messages show it: `<stdin>` for `-`; a name that is not UTF-8 with its bad bytes as
/// `�` (the file is still read by its real name).
fn display_name(path: &Path) -> Cow<'_, str> {
    if is_stdin(path) {
        Cow::Borrowed("<stdin>")
    } else {
        path.to_string_lossy()
    }
}

/// `file:3:14: msg` for positions, `file: path: msg` otherwise.
fn sep(p: &Problem) -> &'static str {
    if p.line.is_some() { "" } else { " " }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `argscope check`. The report goes to standard output whole; a failure to write it (a full
/// disk) is a usage error, exit 2, like any other write.
pub fn check(files: &[PathBuf], strict: bool, format: CheckFormat) -> ExitCode {
    let mut worst = EXIT_OK;
    let mut reports = Vec::new();
    let mut out: Vec<u8> = Vec::new();
    let mut read_stdin = false;
    for path in files {
        // Standard input can be read once: a second `-` found it empty and reported an empty
        // document.
        if path == "-" && std::mem::replace(&mut read_stdin, true) {
            eprintln!(
                "argscope: `-` given again: standard input is read once, and was checked above"
            );
            continue;
        }
        let (code, report) = check_one(path, strict, format, &mut out);
        worst = worst.max(code);
        reports.extend(report);
    }
    if format == CheckFormat::Json {
        let json = sanitize::json(serde_json::Value::Array(reports).to_string());
        let _ = writeln!(out, "{json}");
    }
    match write_stdout(&out) {
        Ok(()) => ExitCode::from(worst),
        Err(e) => fail(EXIT_USAGE, &format!("cannot write to standard output: {e}")),
    }
}

/// Checks one file: its exit code, and its JSON report (with `--format json`) or its text report
/// appended to `out`.
fn check_one(
    path: &Path,
    strict: bool,
    format: CheckFormat,
    out: &mut Vec<u8>,
) -> (u8, Option<serde_json::Value>) {
    let name = display_name(path);
    let bytes = match model::read_source(path) {
        Ok(b) => b,
        Err(e) => {
            let message = sanitize::text(&e.to_string()).into_owned();
            eprintln!("argscope: {message}");
            // The same shape as any other file's report, so a script reads one kind.
            let report = (format == CheckFormat::Json).then(|| {
                serde_json::json!({
                    "file": name,
                    "valid": false,
                    "items": null,
                    "errors": 1,
                    "warnings": 0,
                    "problems": [Problem::error("", message)],
                })
            });
            return (EXIT_USAGE, report);
        }
    };
    let (problems, items) = match model::load_placed(bytes, reread(path)) {
        Ok(m) => (m.warnings, Some(m.doc.items.len())),
        Err(p) => (p, None),
    };
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    let code = if errors > 0 || (strict && warnings > 0) {
        EXIT_INVALID
    } else {
        EXIT_OK
    };
    match format {
        CheckFormat::Text => {
            for p in &problems {
                let _ = writeln!(out, "{}", sanitize::line(&format!("{name}:{}{p}", sep(p))));
            }
            let verdict = match items {
                // Exit 1 must never sit beside "ok".
                Some(_) if strict && warnings > 0 => "invalid with --strict".to_owned(),
                Some(n) => format!("ok, {n} item{}", plural(n)),
                None => "invalid".to_owned(),
            };
            let _ = writeln!(
                out,
                "{}: {verdict} ({errors} error{}, {warnings} warning{})",
                sanitize::line(&name),
                plural(errors),
                plural(warnings)
            );
            (code, None)
        }
        CheckFormat::Json => (
            code,
            Some(serde_json::json!({
                "file": name,
                "valid": items.is_some() && !(strict && warnings > 0),
                "items": items,
                "errors": errors,
                "warnings": warnings,
                "problems": problems,
            })),
        ),
    }
}

/// `argscope check --watch FILE`: a report now and after every change, until interrupted. It
/// notices changes as the explorer's live reload does ([`crate::watch`]).
pub fn watch(file: &Path, strict: bool, format: CheckFormat) -> ExitCode {
    if is_stdin(file) {
        return fail(
            EXIT_USAGE,
            "--watch needs a file: standard input cannot change",
        );
    }
    let stamp = crate::watch::stamp;
    let mut last = None;
    let mut waiting = false;
    loop {
        let now = stamp(file);
        if now.is_none() && !waiting && last.is_some() {
            // Between an editor's delete and its rename, or deleted for good: say so once.
            eprintln!(
                "argscope: {}: gone; waiting for it to come back",
                sanitize::line(&display_name(file))
            );
            waiting = true;
        }
        // A new version, or a file missing from the start (its report says why): a report.
        let missing_at_start = now.is_none() && last.is_none() && !waiting;
        if (now.is_some() && now != last) || missing_at_start {
            waiting = missing_at_start;
            let mut out = Vec::new();
            if format == CheckFormat::Text && now.is_some() {
                let _ = writeln!(out, "--- {} ---", sanitize::line(&display_name(file)));
            }
            let (_, report) = check_one(file, strict, format, &mut out);
            if let Some(report) = report {
                let _ = writeln!(out, "{}", sanitize::json(report.to_string()));
            }
            if let Err(e) = write_stdout(&out) {
                return fail(EXIT_USAGE, &format!("cannot write to standard output: {e}"));
            }
            last = now;
        }
        std::thread::sleep(crate::watch::POLL);
    }
}

/// Writes `bytes` to standard output; a closed pipe (`| head`) is the reader's choice, not an
/// error.
fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e),
        _ => Ok(()),
    }
}

/// `argscope export`.
pub fn export(file: Option<&Path>, format: Format, output: Option<&Path>) -> ExitCode {
    let model = match load_document(file) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let rendered = export::export(&model, format);
    match output {
        None => print(rendered.as_bytes()),
        Some(path) if is_stdin(path) => print(rendered.as_bytes()),
        Some(path) => match output::write(path, rendered.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(
                EXIT_USAGE,
                &format!("{}: cannot write: {e}", path.to_string_lossy()),
            ),
        },
    }
}

/// `argscope new --text ARTICLE.txt`.
pub fn new_skeleton(text_path: &Path) -> ExitCode {
    let text_name = text_path.to_string_lossy();
    if text_path.is_dir() {
        return fail(
            EXIT_USAGE,
            &format!("{text_name}: is a directory; --text takes the article as a UTF-8 text file"),
        );
    }
    let bytes = match model::read_source(text_path) {
        Ok(b) => b,
        Err(e) => return fail(EXIT_USAGE, &e.to_string()),
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return fail(
                EXIT_USAGE,
                &format!(
                    "{text_name}: not UTF-8 text (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
            );
        }
    };
    match crate::skeleton::skeleton(&text) {
        Ok(doc) => print(format!("{doc}\n").as_bytes()),
        Err(e) => fail(EXIT_USAGE, &format!("{text_name}: {e}")),
    }
}

/// `argscope render`.
pub fn render(
    file: Option<&Path>,
    size: &str,
    keys: &str,
    options: crate::app::Options,
    config: Option<crate::config::Config>,
) -> ExitCode {
    let size = match crate::render::parse_size(size) {
        Ok(s) => s,
        Err(e) => return fail(EXIT_USAGE, &format!("--size: {e}")),
    };
    // Check the keys before reading the document, so a typo is reported first.
    if let Err(e) = crate::app::keys::parse(keys) {
        return fail(EXIT_USAGE, &format!("--keys: {e}"));
    }
    let model = match load_document(file) {
        Ok(m) => m,
        Err(code) => return code,
    };
    match crate::render::render_with(model, size, keys, options, config) {
        Ok(screen) => print(screen.as_bytes()),
        Err(e) => fail(EXIT_USAGE, &e),
    }
}

/// `argscope completions SHELL`.
pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    let mut cmd = <Cli as clap::CommandFactory>::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "argscope", &mut out);
    print(&out)
}

/// The JSON Schema of argscope/1; docs/argscope.schema.json is the one copy.
pub const SCHEMA: &str = include_str!("../docs/argscope.schema.json");

/// `argscope schema`.
pub fn schema() -> ExitCode {
    print(SCHEMA.as_bytes())
}

/// `argscope quote FILE TEXT`. Only the document's text is read, so a map with problems (one
/// being written) can still be quoted from.
pub fn quote(file: &Path, query: &str) -> ExitCode {
    #[derive(serde::Deserialize)]
    struct Only {
        document: OnlyText,
    }
    #[derive(serde::Deserialize)]
    struct OnlyText {
        text: String,
    }
    let bytes = match model::read_source(file) {
        Ok(b) => b,
        Err(e) => return fail(EXIT_USAGE, &e.to_string()),
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = match serde_json::from_slice::<Only>(bytes) {
        Ok(doc) => doc.document.text,
        Err(e) => {
            return fail(
                EXIT_USAGE,
                &format!("{}: cannot read document.text: {e}", display_name(file)),
            );
        }
    };
    if query.trim().is_empty() {
        return fail(EXIT_USAGE, "quote: TEXT is empty");
    }
    match quote::find(&text, query) {
        quote::Found::Nowhere => {
            eprintln!(
                "argscope: \"{}\" is not in the text of {}",
                sanitize::line(query),
                sanitize::line(&display_name(file))
            );
            ExitCode::from(EXIT_INVALID)
        }
        quote::Found::Once(passage) => print(format!("{}\n", to_json(&passage)).as_bytes()),
        quote::Found::Several(found, more) => {
            let lines: Vec<String> = found
                .iter()
                .map(|(s, _)| format!("  {}", to_json(s)))
                .collect();
            let at: Vec<String> = found.iter().map(|(_, line)| line.to_string()).collect();
            eprintln!(
                "argscope: {}{} occurrences, on lines {} of the text: keep the one you mean",
                if more { "more than " } else { "" },
                found.len(),
                at.join(", ")
            );
            print(format!("[\n{}\n]\n", lines.join(",\n")).as_bytes())
        }
    }
}

/// One line of JSON, with anything that could act on a terminal escaped.
fn to_json<T: serde::Serialize>(value: &T) -> String {
    sanitize::json(serde_json::to_string(value).unwrap_or_default())
}

/// `argscope man`.
pub fn man() -> ExitCode {
    match man::page() {
        Ok(page) => print(&page),
        Err(e) => fail(EXIT_USAGE, &format!("cannot render the manual: {e}")),
    }
}
