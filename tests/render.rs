//! `argscope render` as a user runs it: sizes, key notation, errors and the exact shape of the
//! output.

use assert_cmd::Command;
use predicates::prelude::*;

fn argscope() -> Command {
    let mut c = Command::cargo_bin("argscope").unwrap();
    c.env_remove("NO_COLOR");
    c
}

fn render(args: &[&str]) -> String {
    let out = argscope().arg("render").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "render {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn prints_exactly_rows_lines_without_escapes_or_trailing_spaces() {
    for (size, rows, cols) in [
        ("120x40", 40, 120),
        ("80x24", 24, 80),
        ("200x60", 60, 200),
        ("1x1", 1, 1),
        ("7x3", 3, 7),
    ] {
        let screen = render(&["--size", size]);
        let lines: Vec<&str> = screen.lines().collect();
        assert_eq!(lines.len(), rows, "{size}");
        for line in &lines {
            assert_eq!(line.trim_end(), *line, "{size}: trailing spaces");
            assert!(
                unicode_width::UnicodeWidthStr::width(*line) <= cols,
                "{size}: {line:?}"
            );
            assert!(
                !line.chars().any(|c| c.is_control()),
                "{size}: control character in {line:?}"
            );
        }
    }
}

#[test]
fn the_default_size_is_120_by_40() {
    assert_eq!(render(&[]).lines().count(), 40);
}

#[test]
fn following_the_first_recommendations_link_to_a_provision_and_back_and_forward() {
    // Its first link is to the claim it answers; the second, to a provision.
    let followed = render(&["--size", "160x45", "--keys", "4<Enter>j<Enter>"]);
    assert!(followed.contains(" PROVISIONS"), "{followed}");
    assert!(
        followed.contains("[Permission from a natio"),
        "breadcrumb shows the current place:\n{followed}"
    );
    let back = render(&["--size", "160x45", "--keys", "4<Enter>j<Enter><BS>"]);
    // Back to the place left: the recommendation, in its links, the second link selected, the
    // very screen left (the breadcrumb names only the way back, and there is none).
    let before = render(&["--size", "160x45", "--keys", "4<Enter>j"]);
    assert_eq!(back, before);
    assert!(back.contains(" LINKS"), "{back}");
    let forward = render(&["--size", "160x45", "--keys", "4<Enter>j<Enter><BS>]"]);
    assert_eq!(forward, followed);
}

#[test]
fn search_through_render_keys_shows_the_count() {
    let screen = render(&["--keys", "2/lopez<Enter>"]);
    assert!(screen.contains("/lopez  1/"), "{screen}");
    assert!(
        screen.contains("▶   Andrés Manuel López Obrador"),
        "{screen}"
    );
    let text = render(&["--keys", "6/u.s.'s<Enter>"]);
    assert!(text.contains("/u.s.'s  1/1"), "{text}");
}

#[test]
fn unknown_key_names_are_usage_errors() {
    argscope()
        .args(["render", "--keys", "4<Entr>"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown key name <Entr> — did you mean <Enter>?",
        ));
    argscope()
        .args(["render", "--keys", "ab<Enter"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<lt>"));
}

#[test]
fn lt_is_a_literal_less_than() {
    let screen = render(&["--keys", "/<lt>"]);
    assert!(screen.contains("/<▏"), "{screen}");
}

#[test]
fn bad_sizes_are_usage_errors() {
    for size in [
        "0x10",
        "10x0",
        "abc",
        "10",
        "10x",
        "x10",
        "-5x10",
        "100000x10",
    ] {
        argscope()
            .args(["render", &format!("--size={size}")])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--size"));
    }
}

#[test]
fn reads_the_document_from_standard_input() {
    let json = argscope::model::BUILTIN;
    let out = argscope()
        .args(["render", "-", "--size", "80x24"])
        .write_stdin(json)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        render(&["--size", "80x24"])
    );
}

#[test]
fn an_invalid_document_is_refused_with_exit_1() {
    argscope()
        .args(["render", "-"])
        .write_stdin("{\"format\": \"argscope/9\"}")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unsupported format"));
}

#[test]
fn the_explorer_on_a_pipe_exits_2_and_points_to_render() {
    argscope().assert().code(2).stderr(
        predicate::str::contains("argscope render")
            .and(predicate::str::contains("argscope export")),
    );
}

#[test]
fn help_lists_every_key_of_the_keymap() {
    let screen = render(&["--size", "120x80", "--keys", "?"]);
    for key in [
        "<C-c>", "<S-Tab>", "<BS>", "]", "<PgDn>", "<C-d>", "/", ":", "<Enter>", "t", "o", "y",
        "f", "n", "N",
    ] {
        assert!(screen.contains(key), "help lists {key}:\n{screen}");
    }
}

#[test]
fn a_rebound_key_works_and_the_help_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    std::fs::write(
        &cfg,
        "[keys.normal]\nstart-search = \"s\"\nnext-pane = [\"<Tab>\", \"L\"]\n",
    )
    .unwrap();
    let cfg = cfg.to_str().unwrap();
    let help = render(&["--config", cfg, "--size", "120x80", "--keys", "?"]);
    let line = help
        .lines()
        .find(|l| l.contains("search this pane"))
        .unwrap();
    assert!(line.contains("  s "), "{line}");
    assert!(!line.contains('/'), "/ is no longer bound: {line}");
    let searched = render(&["--config", cfg, "--keys", "2slopez<Enter>"]);
    assert!(searched.contains("/lopez  1/"), "{searched}");
    // The footer shows the rebound key too.
    let footer = render(&["--config", cfg]);
    assert!(
        footer.lines().last().unwrap().contains(" s search"),
        "{footer}"
    );
}

#[test]
fn a_broken_configuration_is_a_usage_error_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, "theme = \"dark\"\n[keys.normal]\nqiut = \"Q\"\n").unwrap();
    argscope()
        .args(["render", "--config", cfg.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "config.toml:3:1: unknown action \"qiut\" in [keys.normal] — did you mean \"quit\"?",
        ));
    std::fs::write(&cfg, "[keys.normal]\nquit = \"<Nope>\"\n").unwrap();
    argscope()
        .args(["render", "--config", cfg.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "config.toml:2:8: unknown key name <Nope>",
        ));
    argscope()
        .args(["render", "--config", "/nonexistent/config.toml"])
        .assert()
        .code(2);
}

#[test]
fn the_default_configuration_prints_and_round_trips() {
    let out = argscope().arg("--print-default-config").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("# quit = [\"q\", \"<C-c>\"]"), "{text}");
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("c.toml");
    std::fs::write(&cfg, &text).unwrap();
    assert_eq!(render(&["--config", cfg.to_str().unwrap()]), render(&[]));
}

#[test]
fn completions_and_man_page_are_generated() {
    for shell in ["bash", "zsh", "fish"] {
        argscope()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("render"));
    }
    argscope()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH argscope"));
    argscope().args(["completions", "tcsh"]).assert().code(2);
}
