//! The document's `url`: http or https only, shown under the Text pane, carried by the exports,
//! opened by `O` through the event loop's effect (never by `render`).

use argscope::app::{Action, App, Effect, Options, keys};
use assert_cmd::Command;
use predicates::str::contains;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn argscope() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_argscope"));
    cmd.current_dir(fixtures());
    cmd
}

fn app(file: &str) -> App {
    let bytes = std::fs::read(fixtures().join(file)).unwrap();
    let mut app = App::new(argscope::model::load(&bytes).unwrap(), Options::default());
    app.update(Action::Resize(120, 40));
    app
}

#[test]
fn a_url_of_another_scheme_is_an_error() {
    argscope()
        .args(["check", "bad-url.json"])
        .assert()
        .code(1)
        .stdout(contains(
            ": document.url: \"javascript:alert(1)\" is not an http or https URL",
        ));
    argscope()
        .args(["check", "--strict", "url.json"])
        .assert()
        .success();
}

#[test]
fn the_url_survives_export_and_schema_key_is_accepted() {
    let out = argscope()
        .args(["export", "url.json", "-f", "json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["document"]["url"], "https://example.org/op-ed");
    let md = argscope()
        .args(["export", "url.json", "-f", "markdown"])
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&md.get_output().stdout).contains("https://example.org/op-ed"));
}

#[test]
fn o_asks_the_loop_to_open_the_url_and_says_so() {
    let mut a = app("url.json");
    for key in keys::parse("O").unwrap() {
        a.handle_key(key);
    }
    assert_eq!(
        a.effects,
        vec![Effect::Open("https://example.org/op-ed".into())]
    );
    let mut b = app("valid-small.json");
    for key in keys::parse("O").unwrap() {
        b.handle_key(key);
    }
    assert!(b.effects.is_empty());
    assert_eq!(
        b.message.as_deref(),
        Some("this document has no url to open")
    );
}

#[test]
fn render_shows_the_url_and_never_runs_the_opener() {
    // A fake opener on PATH that would leave a mark if it ran.
    let dir = tempfile::tempdir().unwrap();
    let mark = dir.path().join("opened");
    for name in ["xdg-open", "open"] {
        let script = dir.path().join(name);
        std::fs::write(
            &script,
            format!("#!/bin/sh\necho \"$@\" > {}\n", mark.display()),
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!(
        "{}:{}",
        dir.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = argscope()
        .env("PATH", path)
        .args(["render", "url.json", "--size", "80x24", "--keys", "6O"])
        .assert()
        .success();
    let screen = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(screen.contains("O https://example.org/op-ed"), "{screen}");
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(!mark.exists(), "render ran the opener");
}
