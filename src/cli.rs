//! The command line: clap definitions and the subcommands that do not need a terminal.

use crate::export::{self, Format};
use crate::model::{self, Model, Problem, sanitize};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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
    },
    /// Write a document in another format.
    Export {
        /// The document; `-` reads standard input; the built-in article when absent.
        file: Option<PathBuf>,
        /// The format to write.
        #[arg(long, short = 'f', value_enum)]
        format: Format,
        /// Write to this file (atomically) instead of standard output.
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
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
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

/// Loads a document named on the command line (`None`: the built-in one). On failure the
/// problems are printed and the exit code returned.
pub fn load_document(file: Option<&Path>) -> Result<Model, ExitCode> {
    let Some(path) = file else {
        return Ok(model::builtin());
    };
    let bytes = model::read_source(path).map_err(|e| fail(EXIT_USAGE, &e.to_string()))?;
    model::load_owned(bytes).map_err(|problems| {
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

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// A path as messages name it (a name that is not UTF-8 shown with replacement characters).
fn display_name(path: &Path) -> String {
    if is_stdin(path) {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}

/// `file:3:14: msg` for positions, `file: path: msg` otherwise.
fn sep(p: &Problem) -> &'static str {
    if p.line.is_some() { "" } else { " " }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `argscope check`.
pub fn check(files: &[PathBuf], strict: bool, format: CheckFormat) -> ExitCode {
    let mut worst = EXIT_OK;
    let mut reports = Vec::new();
    let mut out = std::io::stdout().lock();
    let mut read_stdin = false;
    for path in files {
        // Standard input can be read once: a second `-` would find it empty and report an
        // empty document.
        if is_stdin(path) && std::mem::replace(&mut read_stdin, true) {
            eprintln!(
                "argscope: `-` given again: standard input is read once, and was checked above"
            );
            continue;
        }
        let name = display_name(path);
        let name = name.as_str();
        let bytes = match model::read_source(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("argscope: {}", sanitize::text(&e.to_string()));
                worst = worst.max(EXIT_USAGE);
                continue;
            }
        };
        let (problems, items) = match model::load_owned(bytes) {
            Ok(m) => (m.warnings, Some(m.doc.items.len())),
            Err(p) => (p, None),
        };
        let errors = problems.iter().filter(|p| p.is_error()).count();
        let warnings = problems.len() - errors;
        if errors > 0 || (strict && warnings > 0) {
            worst = worst.max(EXIT_INVALID);
        }
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
                    sanitize::line(name),
                    plural(errors),
                    plural(warnings)
                );
            }
            CheckFormat::Json => reports.push(serde_json::json!({
                "file": name,
                "valid": items.is_some() && !(strict && warnings > 0),
                "items": items,
                "errors": errors,
                "warnings": warnings,
                "problems": problems,
            })),
        }
    }
    if format == CheckFormat::Json {
        let json = sanitize::json(serde_json::Value::Array(reports).to_string());
        let _ = writeln!(out, "{json}");
    }
    ExitCode::from(worst)
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
        Some(path) => match write_atomically(path, rendered.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(
                EXIT_USAGE,
                &format!("{}: cannot write: {e}", path.display()),
            ),
        },
    }
}

/// Writes to a temporary file beside `path`, then renames it over `path`, so an existing file is
/// either replaced whole or left as it was. A symbolic link is written through, as a plain write
/// would: the file it points to is replaced and the link stays.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let resolved;
    let path = if path.is_symlink() {
        resolved = link_target(path)?;
        resolved.as_path()
    } else {
        path
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("the directory {} does not exist", dir.display()),
        ));
    }
    if path.is_dir() {
        return Err(std::io::Error::other("it is a directory"));
    }
    // A temporary file is private (0600); the export is an ordinary file, so it gets the mode a
    // plain create would (0666 less the umask), or keeps the mode of the file it replaces.
    let existing = std::fs::metadata(path).ok().map(|m| m.permissions());
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    if let Some(permissions) = existing {
        tmp.as_file().set_permissions(permissions)?;
    }
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Where a chain of symbolic links ends (the end may not exist yet).
fn link_target(link: &Path) -> std::io::Result<std::path::PathBuf> {
    let mut at = link.to_path_buf();
    // As many links as the kernel follows before it gives up (ELOOP).
    for _ in 0..=40 {
        if !at.is_symlink() {
            return Ok(at);
        }
        let target = std::fs::read_link(&at)?;
        at = match at.parent() {
            Some(dir) if target.is_relative() => dir.join(target),
            _ => target,
        };
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// `argscope new --text ARTICLE.txt`.
pub fn new_skeleton(text_path: &Path) -> ExitCode {
    let text_path_shown = text_path.display();
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
                    "{text_path_shown}: not UTF-8 text (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
            );
        }
    };
    match crate::skeleton::skeleton(&text) {
        Some(doc) => print(format!("{doc}\n").as_bytes()),
        None => fail(
            EXIT_USAGE,
            &format!("{text_path_shown}: the text has too few words to quote from"),
        ),
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

/// `argscope man`.
pub fn man() -> ExitCode {
    let cmd = <Cli as clap::CommandFactory>::command();
    let mut out = Vec::new();
    if let Err(e) = clap_mangen::Man::new(cmd).render(&mut out) {
        return fail(EXIT_USAGE, &format!("cannot render the manual: {e}"));
    }
    print(&out)
}
