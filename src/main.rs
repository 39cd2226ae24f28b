//! argscope: parse the command line and dispatch.

use argscope::app::{App, Options};
use argscope::cli::{self, Cli, Command};
use clap::Parser;
use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let options = Options {
        ascii: cli.ascii,
        mouse: !cli.no_mouse,
        color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    match cli.command {
        Some(Command::Check {
            files,
            strict,
            format,
        }) => cli::check(&files, strict, format),
        Some(Command::Export {
            file,
            format,
            output,
        }) => cli::export(file.as_deref(), format, output.as_deref()),
        Some(Command::New { text }) => cli::new_skeleton(&text),
        Some(Command::Render { file, size, keys }) => {
            cli::render(file.as_deref(), &size, &keys, options)
        }
        None => explore(cli.file.as_deref(), options),
    }
}

fn explore(file: Option<&str>, options: Options) -> ExitCode {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return cli::fail(
            cli::EXIT_USAGE,
            "the explorer needs a terminal; for a screen as text use `argscope render`, for the document use `argscope export`",
        );
    }
    let model = match cli::load_document(file) {
        Ok(m) => m,
        Err(code) => return code,
    };
    match argscope::terminal::run(App::new(model, options)) {
        Ok(code) => ExitCode::from(code),
        Err(e) => cli::fail(cli::EXIT_USAGE, &format!("terminal error: {e}")),
    }
}
