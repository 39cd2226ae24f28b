//! The optional configuration file: key bindings per mode, the theme and colour overrides, and
//! defaults for `--no-mouse` and `--ascii`. A broken file is an error with its line, and the
//! explorer does not start on it.

use crate::app::keymap::{KeyMode, Keymap};
use crate::app::{Action, keys};
use crate::model::problem::with_suggestion;
use crate::ui::theme::Theme;
use ratatui::style::Color;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    mouse: Option<bool>,
    ascii: Option<bool>,
    theme: Option<Spanned<String>>,
    #[serde(default)]
    colors: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<KeyList>>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum KeyList {
    One(String),
    Many(Vec<String>),
}

/// What the configuration sets.
#[derive(Debug, Clone)]
pub struct Config {
    pub keymap: Keymap,
    pub theme: Theme,
    pub mouse: Option<bool>,
    pub ascii: Option<bool>,
    /// Why the configuration at the default place was not read, for the status line: the
    /// defaults apply then.
    pub warning: Option<String>,
}

/// A configuration error, with its place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The themes built in.
pub const THEMES: [&str; 3] = ["dark", "light", "mono"];

/// Where the configuration is looked for: `$XDG_CONFIG_HOME/argscope/config.toml`, else
/// `~/.config/argscope/config.toml`. A relative `XDG_CONFIG_HOME` is ignored, as the XDG
/// specification says.
pub fn default_path() -> Option<PathBuf> {
    default_path_from(
        std::env::var_os("XDG_CONFIG_HOME"),
        std::env::var_os("HOME"),
    )
}

fn default_path_from(
    xdg: Option<std::ffi::OsString>,
    home: Option<std::ffi::OsString>,
) -> Option<PathBuf> {
    let xdg = xdg.filter(|v| !v.is_empty() && Path::new(v).is_absolute());
    let base = match xdg {
        Some(x) => PathBuf::from(x),
        None => PathBuf::from(home?).join(".config"),
    };
    Some(base.join("argscope").join("config.toml"))
}

/// Reads the configuration: `explicit` must exist; the default path may be absent.
pub fn load(explicit: Option<&Path>, color: bool) -> Result<Config, ConfigError> {
    match explicit {
        Some(p) => read(Some(p.to_path_buf()), true, color),
        None => read(default_path(), false, color),
    }
}

/// Reads the configuration at `path`; one that is not `required` may be absent or unreadable.
fn read(path: Option<PathBuf>, required: bool, color: bool) -> Result<Config, ConfigError> {
    let mut warning = None;
    let text = match &path {
        Some(p) => match std::fs::read_to_string(p) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => String::new(),
            // The default place is not the reader's choice: a directory named config.toml, or
            // an XDG_CONFIG_HOME that is a file, is said in the status, and the defaults apply.
            Err(e) if !required => {
                warning = Some(format!(
                    "configuration {} not read ({e}): defaults apply",
                    p.display()
                ));
                String::new()
            }
            Err(e) => return Err(ConfigError(format!("{}: cannot read: {e}", p.display()))),
        },
        None => String::new(),
    };
    let name = path
        .as_deref()
        .map_or_else(|| "config".into(), |p| p.display().to_string());
    let mut config = parse(&text, &name, color)?;
    config.warning = warning;
    Ok(config)
}

/// Parses a configuration's text; `name` is used in messages.
pub fn parse(text: &str, name: &str, color: bool) -> Result<Config, ConfigError> {
    let at = |span: std::ops::Range<usize>| {
        let (line, col) = line_col(text, span.start);
        format!("{name}:{line}:{col}")
    };
    let file: File = toml::from_str(text).map_err(|e| {
        let place = e.span().map_or_else(|| name.to_owned(), at);
        ConfigError(format!("{place}: {}", e.message().trim_end()))
    })?;
    let theme_name = file.theme.as_ref().map_or("dark", |t| t.get_ref().as_str());
    if !THEMES.contains(&theme_name) {
        let span = file.theme.as_ref().map(|t| t.span()).unwrap_or(0..0);
        return Err(ConfigError(with_suggestion(
            format!(
                "{}: unknown theme \"{theme_name}\" (themes: dark, light, mono)",
                at(span)
            ),
            theme_name,
            THEMES,
        )));
    }
    let mut theme = match theme_name {
        "light" if color => Theme::light(),
        "mono" => Theme::new(false),
        _ => Theme::new(color),
    };
    for (role, value) in &file.colors {
        let color_value: Color = value.get_ref().parse().map_err(|_| {
            ConfigError(format!(
                "{}: \"{}\" is not a colour: use a name (red, lightblue), #rrggbb or 0-255",
                at(value.span()),
                value.get_ref()
            ))
        })?;
        if !theme.set_color(role.get_ref(), color_value) {
            return Err(ConfigError(with_suggestion(
                format!(
                    "{}: unknown colour \"{}\" (colours: {})",
                    at(role.span()),
                    role.get_ref(),
                    Theme::role_names().collect::<Vec<_>>().join(", ")
                ),
                role.get_ref(),
                Theme::role_names(),
            )));
        }
    }
    if !color {
        theme = Theme::new(false);
    }
    let mut keymap = Keymap::default();
    for (mode_name, bindings) in &file.keys {
        let mode = KeyMode::ALL
            .into_iter()
            .find(|m| mode_key(*m) == *mode_name.get_ref())
            .ok_or_else(|| {
                let names: Vec<&str> = KeyMode::ALL.iter().map(|m| mode_key(*m)).collect();
                ConfigError(with_suggestion(
                    format!(
                        "{}: unknown mode \"{}\" (modes: {})",
                        at(mode_name.span()),
                        mode_name.get_ref(),
                        names.join(", ")
                    ),
                    mode_name.get_ref(),
                    names.iter().copied(),
                ))
            })?;
        for (action_name, keys_value) in bindings {
            let actions: Vec<(&str, Action)> = keymap
                .bindings(mode)
                .iter()
                .map(|b| (action_key(b.action), b.action))
                .collect();
            let Some(&(_, action)) = actions.iter().find(|(n, _)| n == action_name.get_ref())
            else {
                return Err(ConfigError(with_suggestion(
                    format!(
                        "{}: unknown action \"{}\" in [keys.{}]",
                        at(action_name.span()),
                        action_name.get_ref(),
                        mode_key(mode)
                    ),
                    action_name.get_ref(),
                    actions.iter().map(|(n, _)| *n),
                )));
            };
            let notations = match keys_value.get_ref() {
                KeyList::One(s) => vec![s.clone()],
                KeyList::Many(v) => v.clone(),
            };
            let mut parsed = Vec::new();
            for n in &notations {
                // A raw control character is the key a terminal reports for it (Ctrl-x for
                // U+0018), so that it works and shows as `<C-x>`.
                let k: Vec<keys::Key> = keys::parse(n)
                    .map_err(|e| ConfigError(format!("{}: {e}", at(keys_value.span()))))?
                    .into_iter()
                    .map(keys::Key::normalized)
                    .collect();
                if k.len() != 1 {
                    return Err(ConfigError(format!(
                        "{}: \"{n}\" is not one key: write each key as its own string",
                        at(keys_value.span())
                    )));
                }
                parsed.extend(k);
            }
            keymap.rebind(mode, action, parsed);
        }
    }
    // Quit, help and escape must keep a key wherever they had one: a configuration that takes
    // the last one away (by binding its key to another action, or to nothing) leaves the reader
    // without a way out.
    let defaults = Keymap::default();
    for mode in KeyMode::ALL {
        for b in keymap.bindings(mode) {
            let essential = matches!(b.action, Action::Quit | Action::Help | Action::Escape);
            let had_keys = defaults
                .bindings(mode)
                .iter()
                .any(|d| d.action == b.action && !d.keys.is_empty());
            if essential && had_keys && b.keys.is_empty() {
                return Err(ConfigError(format!(
                    "{name}: [keys.{}] leaves \"{}\" without a key: give it one",
                    mode_key(mode),
                    action_key(b.action)
                )));
            }
        }
    }
    Ok(Config {
        keymap,
        theme,
        mouse: file.mouse,
        ascii: file.ascii,
        warning: None,
    })
}

/// A mode's name in the file: `normal`, `links`, ….
pub fn mode_key(mode: KeyMode) -> &'static str {
    mode.config_name()
}

/// An action's name in the file: `quit`, `next-pane`, `focus-timeline`, ….
pub fn action_key(action: Action) -> &'static str {
    action.config_name()
}

fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The default configuration, commented, generated from the keymap so it lists every binding.
pub fn default_file() -> String {
    let keymap = Keymap::default();
    let mut out = String::from(
        "# argscope configuration: $XDG_CONFIG_HOME/argscope/config.toml (or ~/.config/argscope/config.toml),\n\
         # or the file given with --config. Every setting is optional; these are the defaults.\n\n\
         # Capture the mouse (false = as --no-mouse, so the terminal's own text selection works).\n\
         mouse = true\n\
         # Plain ASCII borders and symbols (as --ascii).\n\
         ascii = false\n\
         # dark, light or mono. NO_COLOR always wins and means mono.\n\
         theme = \"dark\"\n\n\
         # Colour overrides: a name (red, lightblue), #rrggbb, or 0-255.\n\
         [colors]\n",
    );
    for role in Theme::role_names() {
        out.push_str(&format!("# {role} = \"yellow\"\n"));
    }
    out.push_str("\n# Keys per mode, in the notation of `render --keys`: \"q\", \"<C-c>\", \"<S-Tab>\", \"<lt>\".\n");
    out.push_str("# Binding keys to an action replaces its keys; a key taken from another action leaves it.\n");
    for mode in KeyMode::ALL {
        out.push_str(&format!(
            "\n[keys.{}]  # {}\n",
            mode_key(mode),
            mode.title()
        ));
        for b in keymap.bindings(mode) {
            let keys: Vec<String> = b
                .keys
                .iter()
                .map(|k| format!("{:?}", k.to_string()))
                .collect();
            out.push_str(&format!(
                "# {} = [{}]  # {}\n",
                action_key(b.action),
                keys.join(", "),
                b.desc
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Key;

    #[test]
    fn action_and_mode_names_are_kebab_case() {
        assert_eq!(action_key(Action::NextPane), "next-pane");
        assert_eq!(
            action_key(Action::Focus(crate::app::Pane::Timeline)),
            "focus-timeline"
        );
        assert_eq!(mode_key(KeyMode::Normal), "normal");
    }

    /// A reader's file names modes and actions: renaming one breaks it, so each is pinned
    /// here, mode by mode, in the keymap's order.
    #[test]
    fn configuration_names_are_pinned() {
        let pinned: &[(&str, &[&str])] = &[
            (
                "normal",
                &[
                    "quit",
                    "help",
                    "escape",
                    "next-pane",
                    "prev-pane",
                    "focus-timeline",
                    "focus-actors",
                    "focus-provisions",
                    "focus-recommendations",
                    "focus-argument",
                    "focus-text",
                    "down",
                    "up",
                    "first",
                    "last",
                    "page-down",
                    "page-up",
                    "half-page-down",
                    "half-page-up",
                    "detail-line-down",
                    "detail-line-up",
                    "detail-page-down",
                    "detail-page-up",
                    "into-links",
                    "back",
                    "forward",
                    "start-search",
                    "next-match",
                    "prev-match",
                    "start-filter",
                    "open-palette",
                    "show-in-text",
                    "toggle-order",
                    "copy",
                    "open-source",
                    "edit-externally",
                    "show-problems",
                    "suspend",
                    "compare-mark",
                    "comparisons",
                    "matrix",
                    "map",
                    "message-log",
                    // Annotation: the engine's keys.
                    "undo",
                    "redo",
                    "save-as",
                    "reload-keeping-copy",
                    "link-item",
                    "edit-item",
                    "delete-item",
                ],
            ),
            (
                "links",
                &[
                    "down",
                    "up",
                    "first",
                    "last",
                    "follow-link",
                    "out-of-links",
                    "edit-link",
                    "remove-link",
                ],
            ),
            (
                "text",
                &[
                    "down",
                    "up",
                    "next-passage",
                    "prev-passage",
                    "into-links",
                    "next-word",
                    "prev-word",
                    "next-sentence",
                    "prev-sentence",
                    "line-start",
                    "line-end",
                    "toggle-selection",
                    "copy",
                    "escape",
                    "add-item",
                    "add-quote",
                ],
            ),
            ("argument", &["toggle-fold", "fold-all"]),
            (
                "prompt",
                &[
                    "prompt-accept",
                    "prompt-cancel",
                    "prompt-backspace",
                    "prompt-delete",
                    "prompt-delete-word",
                    "prompt-clear",
                    "prompt-delete-to-end",
                    "prompt-left",
                    "prompt-right",
                    "prompt-home",
                    "prompt-end",
                    "prompt-word-left",
                    "prompt-word-right",
                    "prompt-older",
                    "prompt-newer",
                    "quit",
                ],
            ),
            (
                "palette",
                &["prompt-older", "prompt-newer", "prompt-accept"],
            ),
            (
                "view",
                &[
                    "escape",
                    "quit",
                    "help",
                    "down",
                    "up",
                    "first",
                    "last",
                    "page-down",
                    "page-up",
                    "half-page-down",
                    "half-page-up",
                    "detail-line-down",
                    "detail-line-up",
                    "detail-page-down",
                    "detail-page-up",
                    "open",
                    "copy",
                    "back",
                    "forward",
                    "suspend",
                ],
            ),
            (
                "compare",
                &["switch-side", "left", "right", "swap-sides", "open"],
            ),
            ("comparisons", &["open"]),
            (
                "prepared",
                &[
                    "down",
                    "switch-side",
                    "left",
                    "right",
                    "escape",
                    "start-search",
                    "next-match",
                    "prev-match",
                ],
            ),
            (
                "matrix",
                &[
                    "left",
                    "right",
                    "open",
                    "open-row",
                    "next-unaddressed",
                    "prev-unaddressed",
                ],
            ),
            ("map", &["left", "right", "open", "back", "forward"]),
            (
                "help",
                &[
                    "down",
                    "up",
                    "page-down",
                    "page-up",
                    "first",
                    "last",
                    "start-search",
                    "next-match",
                    "prev-match",
                    "escape",
                    "quit",
                ],
            ),
            (
                "messages",
                &[
                    "down",
                    "up",
                    "page-down",
                    "page-up",
                    "first",
                    "last",
                    "escape",
                    "quit",
                ],
            ),
            (
                "problems",
                &[
                    "down",
                    "up",
                    "page-down",
                    "page-up",
                    "first",
                    "last",
                    "escape",
                    "quit",
                ],
            ),
            (
                "form",
                &[
                    "next-field",
                    "prev-field",
                    "left",
                    "right",
                    "save",
                    "escape",
                    "prompt-backspace",
                    "prompt-delete",
                    "prompt-delete-word",
                    "prompt-clear",
                    "prompt-delete-to-end",
                    "prompt-home",
                    "prompt-end",
                    "prompt-word-left",
                    "prompt-word-right",
                    "quit",
                ],
            ),
            (
                "confirm",
                &[
                    "confirm",
                    "escape",
                    "down",
                    "up",
                    "page-down",
                    "page-up",
                    "quit",
                ],
            ),
            ("pick", &["prompt-accept"]),
        ];
        let km = Keymap::default();
        let actual: Vec<(&str, Vec<&str>)> = KeyMode::ALL
            .iter()
            .map(|&m| {
                let names = km
                    .bindings(m)
                    .iter()
                    .map(|b| action_key(b.action))
                    .collect();
                (mode_key(m), names)
            })
            .collect();
        let pinned: Vec<(&str, Vec<&str>)> = pinned.iter().map(|(m, a)| (*m, a.to_vec())).collect();
        assert_eq!(actual, pinned);
        // Within a mode, each name is one action.
        for mode in KeyMode::ALL {
            let mut names: Vec<&str> = km
                .bindings(mode)
                .iter()
                .map(|b| action_key(b.action))
                .collect();
            names.sort_unstable();
            let n = names.len();
            names.dedup();
            assert_eq!(names.len(), n, "{mode:?}");
        }
    }

    #[test]
    fn rebinding_a_key_works() {
        let c = parse("[keys.normal]\nquit = [\"Q\", \"<C-q>\"]\n", "c.toml", true).unwrap();
        assert_eq!(
            c.keymap.lookup(KeyMode::Normal, Key::char('Q')),
            Some(Action::Quit)
        );
        assert_eq!(
            c.keymap.lookup(KeyMode::Normal, Key::ctrl('q')),
            Some(Action::Quit)
        );
        assert_eq!(c.keymap.lookup(KeyMode::Normal, Key::char('q')), None);
    }

    #[test]
    fn a_relative_xdg_config_home_is_ignored() {
        let path = |xdg: &str| default_path_from(Some(xdg.into()), Some("/home/r".into()));
        assert_eq!(path("/x"), Some(PathBuf::from("/x/argscope/config.toml")));
        let home = Some(PathBuf::from("/home/r/.config/argscope/config.toml"));
        assert_eq!(path("relative/dir"), home);
        assert_eq!(path(""), home);
    }

    #[test]
    fn an_unreadable_default_configuration_is_a_warning_and_an_explicit_one_an_error() {
        let dir = tempfile::tempdir().unwrap();
        // A config.toml that is a directory; an XDG_CONFIG_HOME that is a file.
        let as_dir = dir.path().join("config.toml");
        std::fs::create_dir(&as_dir).unwrap();
        let file = dir.path().join("file");
        std::fs::write(&file, "").unwrap();
        for path in [as_dir, file.join("argscope").join("config.toml")] {
            let c = read(Some(path.clone()), false, true).unwrap();
            assert!(c.warning.unwrap().contains("defaults apply"));
            assert!(read(Some(path), true, true).is_err());
        }
    }

    #[test]
    fn an_essential_action_left_without_a_key_is_an_error() {
        let e = parse(
            "[keys.normal]\nnext-pane = \"q\"\nquit = []\n",
            "c.toml",
            true,
        )
        .unwrap_err();
        assert!(e.0.contains("leaves \"quit\" without a key"), "{}", e.0);
        let e = parse("[keys.normal]\nnext-pane = \"?\"\n", "c.toml", true).unwrap_err();
        assert!(e.0.contains("\"help\""), "{}", e.0);
        // Moving quit to other keys is fine.
        assert!(parse("[keys.normal]\nquit = \"Q\"\n", "c.toml", true).is_ok());
    }

    #[test]
    fn a_raw_control_character_binds_its_ctrl_key() {
        let c = parse(
            "[keys.normal]\nquit = [\"\\u0018\", \"q\"]\n",
            "c.toml",
            true,
        )
        .unwrap();
        let quit = c
            .keymap
            .bindings(KeyMode::Normal)
            .iter()
            .find(|b| b.action == Action::Quit);
        let shown: Vec<String> = quit.unwrap().keys.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["<C-x>", "q"]);
    }

    #[test]
    fn errors_name_the_line_and_suggest() {
        let e = parse("\n[keys.normal]\nqiut = \"Q\"\n", "c.toml", true).unwrap_err();
        assert_eq!(
            e.0,
            "c.toml:3:1: unknown action \"qiut\" in [keys.normal] — did you mean \"quit\"?"
        );
        let e = parse("[keys.normal]\nquit = \"<Entr>\"\n", "c.toml", true).unwrap_err();
        assert!(
            e.0.starts_with("c.toml:2:8: unknown key name <Entr>"),
            "{}",
            e.0
        );
        let e = parse("[keys.nromal]\n", "c.toml", true).unwrap_err();
        assert!(e.0.contains("did you mean \"normal\""), "{}", e.0);
        let e = parse("theme = \"drak\"\n", "c.toml", true).unwrap_err();
        assert!(e.0.contains("did you mean \"dark\""), "{}", e.0);
        let e = parse("mouse = \"yes\"\n", "c.toml", true).unwrap_err();
        assert!(e.0.starts_with("c.toml:1:9:"), "{}", e.0);
        let e = parse("[colors]\nselectd = \"red\"\n", "c.toml", true).unwrap_err();
        assert!(e.0.contains("did you mean \"selected\""), "{}", e.0);
        let e = parse("[colors]\nselected = \"reddish\"\n", "c.toml", true).unwrap_err();
        assert!(e.0.contains("is not a colour"), "{}", e.0);
        let e = parse("bogus = 1\n", "c.toml", true).unwrap_err();
        assert!(e.0.starts_with("c.toml:1:1: unknown field"), "{}", e.0);
    }

    #[test]
    fn the_default_file_parses_and_changes_nothing() {
        let c = parse(&default_file(), "default", true).unwrap();
        let d = Keymap::default();
        for mode in KeyMode::ALL {
            assert_eq!(c.keymap.bindings(mode).len(), d.bindings(mode).len());
        }
        assert_eq!(c.mouse, Some(true));
        assert_eq!(c.ascii, Some(false));
    }
}
