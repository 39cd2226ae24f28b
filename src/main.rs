//! argscope: parse the command line and dispatch.

use argscope::app::{App, Options};
use argscope::cli::{self, Cli, Command};
use argscope::config::{self, Config};
use clap::Parser;
use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    if let Some(code) = cli::mistyped_subcommand(std::env::args_os()) {
        return code;
    }
    if let Some(code) = cli::misread_arguments(&std::env::args_os().collect::<Vec<_>>()) {
        return code;
    }
    // Test-only (tests/kill.rs): save a change and its undo to the file, over and over, through
    // the explorer's own saver, until killed. Not a feature: it needs no terminal so that the
    // test can kill a process in the middle of saves without driving the forms. Debug builds
    // only: a release build (what `cargo install` ships) has no such path.
    #[cfg(debug_assertions)]
    if let Some(path) = std::env::var_os(argscope::saver::CHURN_ENV) {
        return ExitCode::from(argscope::saver::churn(std::path::Path::new(&path)));
    }
    let cli = Cli::parse();
    if cli.print_default_config {
        return cli::print(config::default_file().as_bytes());
    }
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let options = Options {
        ascii: cli.ascii,
        mouse: !cli.no_mouse,
        color,
    };
    match cli.command {
        Some(Command::Check {
            files,
            strict,
            format,
            watch,
        }) => match (watch, files.as_slice()) {
            (false, _) => cli::check(&files, strict, format),
            (true, [file]) => cli::watch(file, strict, format),
            (true, _) => cli::fail(cli::EXIT_USAGE, "--watch checks one file at a time"),
        },
        Some(Command::Export {
            file,
            format,
            output,
        }) => cli::export(file.as_deref(), format, output.as_deref()),
        Some(Command::New { text }) => cli::new_skeleton(&text),
        Some(Command::Completions { shell }) => cli::completions(shell),
        Some(Command::Man) => cli::man(),
        Some(Command::Schema) => cli::schema(),
        Some(Command::Quote { file, text }) => cli::quote(&file, &text),
        Some(Command::Render { file, size, keys }) => {
            // Scripts rely on render's default keys: a configuration applies only when named.
            let config = match &cli.config {
                Some(path) => match config::load(Some(path), color) {
                    Ok(c) => Some(c),
                    Err(e) => return cli::fail(cli::EXIT_USAGE, &e.to_string()),
                },
                None => None,
            };
            cli::render(file.as_deref(), &size, &keys, options, config)
        }
        None => explore(&cli, options),
    }
}

fn explore(cli: &Cli, mut options: Options) -> ExitCode {
    let config: Config = match config::load(cli.config.as_deref(), options.color) {
        Ok(c) => c,
        Err(e) => return cli::fail(cli::EXIT_USAGE, &format!("configuration: {e}")),
    };
    // The command line wins over the file.
    options.ascii = cli.ascii || config.ascii.unwrap_or(false);
    options.mouse = !cli.no_mouse && config.mouse.unwrap_or(true);
    // The version read, stamped before reading: a change made in between is then seen as
    // someone else's, and never saved over.
    let read_as = cli.file.as_deref().and_then(argscope::watch::stamp);
    // The document first: a missing file is the first thing to hear about, terminal or not.
    let model = match cli::load_document(cli.file.as_deref()) {
        Ok(m) => m,
        Err(code) => return code,
    };
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return cli::fail(
            cli::EXIT_USAGE,
            "the explorer needs a terminal; for a screen as text use `argscope render`, for the document use `argscope export`",
        );
    }
    let mut app = App::new(model, options);
    app.keymap = config.keymap;
    app.theme = config.theme;
    if config.warning.is_some() {
        app.message = config.warning;
    }
    // A file to edit with `e` and to reload when it changes (standard input is neither).
    app.file = cli
        .file
        .as_deref()
        .filter(|f| f.as_os_str() != "-")
        .map(std::path::PathBuf::from);
    // Changes are saved to the file; the built-in map is read-only and asks for one; standard
    // input has nowhere to go.
    app.edits.target = match (&app.file, &cli.file) {
        (Some(path), _) => argscope::app::annotate::Target::File(path.clone()),
        (None, None) => argscope::app::annotate::Target::AskForFile,
        (None, Some(_)) => argscope::app::annotate::Target::Memory,
    };
    app.edits.read_as = read_as;
    match argscope::terminal::run(app) {
        Ok(code) => ExitCode::from(code),
        Err(e) => cli::fail(cli::EXIT_USAGE, &format!("terminal error: {e}")),
    }
}
