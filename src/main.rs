//! argscope: parse the command line and dispatch.

use argscope::cli::{self, Cli, Command};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
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
        Some(Command::Render { .. }) => cli::fail(cli::EXIT_USAGE, "render is not built yet"),
        None => match cli::load_document(cli.file.as_deref()) {
            Ok(model) => {
                println!(
                    "{}: {} items",
                    model.doc.document.title,
                    model.doc.items.len()
                );
                ExitCode::SUCCESS
            }
            Err(code) => code,
        },
    }
}
