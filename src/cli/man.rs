//! `argscope man`: the manual page. clap_mangen writes the title, name, synopsis, description and
//! options from the clap definitions; the rest is written here: each command (clap_mangen would
//! point to `argscope-check(1)` pages that do not exist), the keys from the keymap table itself,
//! exit status, environment, files and examples.

use super::Cli;
use crate::app::{KeyMode, Keymap};
use clap::CommandFactory;
use roff::{Roff, bold, italic, roman};

/// The whole page, as roff.
pub fn page() -> std::io::Result<Vec<u8>> {
    let command = Cli::command();
    let man = clap_mangen::Man::new(command.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    let mut page = Roff::new();
    commands(&mut page, &command);
    keys(&mut page);
    sections(&mut page);
    page.to_writer(&mut out)?;
    man.render_version_section(&mut out)?;
    Ok(out)
}

fn section(page: &mut Roff, title: &str) {
    page.control("SH", [title]);
}

/// A tagged paragraph: `tag` in bold, `body` indented under it.
fn item(page: &mut Roff, tag: &str, body: &str) {
    page.control("TP", []).text([bold(tag)]).text([roman(body)]);
}

fn commands(page: &mut Roff, command: &clap::Command) {
    section(page, "COMMANDS");
    for sub in command.get_subcommands() {
        let mut usage = sub.clone().bin_name(format!("argscope {}", sub.get_name()));
        let usage = usage.render_usage().to_string();
        let usage = usage.trim_start_matches("Usage: ");
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        page.control("TP", [])
            .text([bold(usage)])
            .text([roman(about)]);
        for arg in sub.get_arguments().filter(|a| !a.is_global_set()) {
            let Some(help) = arg.get_help() else { continue };
            let name = match (arg.get_long(), arg.get_short()) {
                (Some(long), Some(short)) => format!("-{short}, --{long}"),
                (Some(long), None) => format!("--{long}"),
                (None, Some(short)) => format!("-{short}"),
                (None, None) => arg.get_id().to_string().to_uppercase(),
            };
            page.control("RS", [])
                .control("TP", [])
                .text([italic(name)])
                .text([roman(help.to_string())])
                .control("RE", []);
        }
    }
}

/// Every default binding, mode by mode, from the same table as the help overlay.
fn keys(page: &mut Roff) {
    section(page, "KEYS");
    page.text([roman(
        "The defaults; a configuration file can rebind any of them. In the explorer, ? shows \
         the keys of the mode you are in.",
    )]);
    let keymap = Keymap::default();
    for mode in KeyMode::ALL {
        page.control("SS", [mode.title()]);
        for binding in keymap.bindings(mode) {
            let keys: Vec<String> = binding.keys.iter().map(ToString::to_string).collect();
            item(page, &keys.join(", "), binding.desc);
        }
    }
}

fn sections(page: &mut Roff) {
    section(page, "EXIT STATUS");
    item(page, "0", "Success.");
    item(
        page,
        "1",
        "An invalid document (with check --strict, warnings too).",
    );
    item(
        page,
        "2",
        "A usage error, an unreadable file or a failed write. The explorer also exits 2 when it \
         has no terminal.",
    );
    item(
        page,
        "128 + N",
        "The explorer was ended by signal N (SIGHUP 129, SIGINT 130, SIGTERM 143); 129 too when \
         its terminal went away.",
    );

    section(page, "ENVIRONMENT");
    item(
        page,
        "NO_COLOR",
        "When set and not empty, no colour is drawn; selection keeps its symbol.",
    );
    item(
        page,
        "XDG_CONFIG_HOME",
        "Where the configuration file is looked for (default ~/.config).",
    );

    section(page, "FILES");
    item(
        page,
        "$XDG_CONFIG_HOME/argscope/config.toml",
        "The configuration: mouse, ascii, theme, colours and keys. argscope --print-default-config \
         prints a commented default. render reads one only when given --config.",
    );

    section(page, "EXAMPLES");
    for (command, what) in [
        ("argscope", "Explore the built-in editorial."),
        (
            "argscope check map.json --strict",
            "Validate a map; warnings fail too.",
        ),
        (
            "argscope export map.json -f dot | dot -Tsvg > map.svg",
            "Draw the map with Graphviz.",
        ),
        (
            "argscope render --size 80x24 --keys '4<Enter>'",
            "Print the screen after opening the first recommendation's links.",
        ),
        (
            "argscope new --text article.txt > map.json",
            "Start a map of another piece.",
        ),
    ] {
        item(page, command, what);
    }
}
