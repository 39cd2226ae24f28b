//! Where output goes: `export -o` into things that are not regular files (a FIFO, /dev/stdout, a
//! device), write errors as exit 2, and the command-line messages that must point the way.

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use std::path::Path;

fn argscope() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_argscope"));
    cmd.current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"));
    cmd
}

fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

#[test]
fn export_into_a_fifo_feeds_its_reader_and_keeps_the_fifo() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("p");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    argscope()
        .args(["export", "valid-small.json", "-f", "json", "-o"])
        .arg(&fifo)
        .assert()
        .success();
    let read = reader.join().unwrap();
    assert!(
        read.starts_with('{') && read.contains("\"argscope/1\""),
        "{read}"
    );
    assert!(is_fifo(&fifo), "the FIFO was replaced by a regular file");
}

#[test]
fn export_to_dev_stdout_writes_to_standard_output() {
    let out = argscope()
        .args([
            "export",
            "valid-small.json",
            "-f",
            "markdown",
            "-o",
            "/dev/stdout",
        ])
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout.starts_with("# "), "{stdout}");
}

#[test]
fn export_to_a_full_device_is_an_error_and_the_device_stays() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        return;
    }
    argscope()
        .args([
            "export",
            "valid-small.json",
            "-f",
            "json",
            "-o",
            "/dev/full",
        ])
        .assert()
        .code(2)
        .stderr(contains("/dev/full: cannot write"));
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::metadata(full)
            .unwrap()
            .file_type()
            .is_char_device(),
        "/dev/full is still a device"
    );
}

#[test]
fn a_check_report_that_cannot_be_written_is_exit_2() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        return;
    }
    for format in ["text", "json"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_argscope"))
            .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"))
            .args(["check", "valid-small.json", "--format", format])
            .stdout(std::fs::File::create(full).unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("cannot write to standard output"),
            "{stderr}"
        );
    }
}

#[test]
fn check_format_json_reports_an_unreadable_file_in_the_same_shape() {
    let out = argscope()
        .args([
            "check",
            "--format",
            "json",
            "missing.json",
            "valid-small.json",
        ])
        .assert()
        .code(2);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let reports: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let missing = &reports[0];
    assert_eq!(missing["file"], "missing.json");
    assert_eq!(missing["valid"], false);
    assert_eq!(missing["errors"], 1);
    let message = missing["problems"][0]["message"].as_str().unwrap();
    assert!(message.contains("cannot read"), "{message}");
    assert_eq!(reports[1]["valid"], true, "the next file is still checked");
}

#[test]
fn two_documents_to_explore_point_to_check() {
    argscope()
        .args(["valid-small.json", "compare.json"])
        .assert()
        .code(2)
        .stderr(contains(
            "one document at a time, and was given 2; to validate them all, run `argscope check valid-small.json compare.json`",
        ));
}

#[test]
fn new_without_text_shows_the_flag() {
    argscope()
        .args(["new", "oped.txt"])
        .assert()
        .code(2)
        .stderr(contains("run `argscope new --text oped.txt`"));
    argscope()
        .args(["new", "--text", "."])
        .assert()
        .code(2)
        .stderr(contains("is a directory; --text takes the article"));
}

#[test]
fn a_missing_document_is_named_before_the_missing_terminal() {
    argscope()
        .arg("missing.json")
        .assert()
        .code(2)
        .stderr(contains("missing.json: cannot read").and(contains("terminal").not()));
}

#[test]
fn an_unknown_key_name_lists_the_names() {
    argscope()
        .args(["render", "--keys", "<Foo>"])
        .assert()
        .code(2)
        .stderr(contains("unknown key name <Foo>; the names are <Enter>,").and(contains("<C-x>")));
}

#[test]
fn the_manual_has_every_section_and_names_no_missing_page() {
    let out = argscope().arg("man").assert().success();
    let page = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for section in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "COMMANDS",
        "KEYS",
        "EXIT STATUS",
        "ENVIRONMENT",
        "FILES",
        "EXAMPLES",
    ] {
        assert!(
            page.lines()
                .any(|l| l.starts_with(".SH") && l.contains(section)),
            "no {section} section"
        );
    }
    assert!(
        !page.contains("argscope-check"),
        "points to a page that does not exist"
    );
    for needle in ["NO\\_COLOR", "XDG\\_CONFIG\\_HOME", "config.toml", "143"] {
        assert!(
            page.contains(needle) || page.contains(&needle.replace('\\', "")),
            "{needle} missing"
        );
    }
    // The keys come from the keymap: the palette and the Text pane's passage keys are there.
    assert!(page.contains("Palette"), "mode titles");
    assert!(page.contains("quit"));
}

fn builtin_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/mexico-drug-war.json")
}

#[test]
fn quote_prints_a_passage_found_once_verbatim_and_exits_0() {
    let out = argscope()
        .arg("quote")
        .arg(builtin_path())
        .arg("the opposite is happening")
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(value, "the opposite is happening");
}

#[test]
fn quote_prints_one_selector_per_occurrence_and_each_anchors_alone() {
    let out = argscope()
        .arg("quote")
        .arg(builtin_path())
        .arg("cienfuegos")
        .assert()
        .success()
        .stderr(contains("3 occurrences, on lines"));
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(
        stdout.lines().count(),
        5,
        "one line per occurrence:\n{stdout}"
    );
    let selectors: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    // Pasted as the quotes of a claim in a copy of the map, each anchors without a warning.
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(builtin_path()).unwrap()).unwrap();
    let items = doc["items"].as_array_mut().unwrap();
    let claim = items
        .iter_mut()
        .find(|i| i["kind"] == "claim")
        .expect("a claim");
    claim["quotes"] = serde_json::Value::Array(selectors);
    let bytes = serde_json::to_vec(&doc).unwrap();
    let model = argscope::model::load(&bytes).unwrap();
    let about_quotes: Vec<_> = model
        .warnings
        .iter()
        .filter(|w| w.message.contains("times in the text"))
        .collect();
    assert!(about_quotes.is_empty(), "{about_quotes:#?}");
    // The same words as plain strings are ambiguous: the check above can fail.
    claim_quotes_plain(&mut doc);
    let model = argscope::model::load(&serde_json::to_vec(&doc).unwrap()).unwrap();
    assert!(
        model
            .warnings
            .iter()
            .any(|w| w.message.contains("times in the text"))
    );
}

fn claim_quotes_plain(doc: &mut serde_json::Value) {
    let claim = doc["items"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|i| i["kind"] == "claim")
        .unwrap();
    claim["quotes"] = serde_json::json!(["Cienfuegos"]);
}

#[test]
fn quote_of_absent_text_exits_1_and_a_bad_file_exits_2() {
    argscope()
        .arg("quote")
        .arg(builtin_path())
        .arg("zebra crossing")
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("is not in the text"));
    argscope()
        .args(["quote", "truncated.json", "x"])
        .assert()
        .code(2)
        .stderr(contains("cannot read document.text"));
    argscope()
        .args(["quote", "missing.json", "x"])
        .assert()
        .code(2);
}

/// A running `check --watch`, its output read line by line on a thread; killed on drop.
struct Watch {
    child: std::process::Child,
    lines: std::sync::mpsc::Receiver<String>,
}

impl Watch {
    fn start(args: &[&str]) -> Watch {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_argscope"))
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            use std::io::BufRead;
            for line in std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
            {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Watch { child, lines }
    }

    /// The next line that contains `what`, within ten seconds.
    fn expect(&self, what: &str) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) if line.contains(what) => return line,
                Ok(_) => {}
                Err(_) => panic!("no line with {what:?} within 10 s"),
            }
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn check_watch_reports_again_after_each_save_in_place_or_by_rename() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("map.json");
    let good = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-small.json"),
    )
    .unwrap();
    std::fs::write(&doc, &good).unwrap();
    let watch = Watch::start(&["check", "--watch", doc.to_str().unwrap()]);
    watch.expect("ok, 11 items");
    // Written in place, broken.
    std::fs::write(&doc, b"{\"format\": ").unwrap();
    watch.expect("invalid (1 error");
    // Renamed over it, as vim and many editors save.
    let tmp = dir.path().join("map.json.tmp");
    std::fs::write(&tmp, &good).unwrap();
    std::fs::rename(&tmp, &doc).unwrap();
    watch.expect("ok, 11 items");
}

#[test]
fn check_watch_json_prints_one_report_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("map.json");
    std::fs::write(&doc, b"[]").unwrap();
    let watch = Watch::start(&[
        "check",
        "--watch",
        "--format",
        "json",
        doc.to_str().unwrap(),
    ]);
    let line = watch.expect("\"valid\"");
    let report: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(report["valid"], false);
    assert!(report.is_object(), "a report, not an array of them");
}

#[test]
fn check_watch_takes_one_file() {
    argscope()
        .args(["check", "--watch", "valid-small.json", "compare.json"])
        .assert()
        .code(2)
        .stderr(contains("one file at a time"));
}

#[test]
fn every_problem_of_every_fixture_has_a_line_and_column() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_file() {
            continue;
        }
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let out = argscope()
            .args(["check", "--format", "json", &name])
            .output()
            .unwrap();
        let reports: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        for problem in reports[0]["problems"].as_array().unwrap() {
            assert!(
                problem["line"].as_u64().is_some() && problem["column"].as_u64().is_some(),
                "{name}: {problem}"
            );
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} problems");
}

#[test]
fn a_key_given_twice_is_an_error_naming_both_lines() {
    argscope()
        .args(["check", "duplicate-key.json"])
        .assert()
        .code(1)
        .stdout(contains(
            "duplicate-key.json:120:3: items: the key \"items\" is given twice in one object, on lines 9 and 120",
        ));
    // Inside an item too, where the fast path's structs refuse it and the walk reports it.
    let mut doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-small.json"),
    )
    .unwrap();
    doc = doc.replacen("\"title\":", "\"title\": \"first\", \"title\":", 2);
    argscope()
        .args(["check", "-"])
        .write_stdin(doc)
        .assert()
        .code(1)
        .stdout(contains("the key \"title\" is given twice"));
}

#[test]
fn a_quote_in_another_normalization_form_is_found_with_a_warning() {
    argscope()
        .args(["check", "normalization.json"])
        .assert()
        .success()
        .stdout(contains(
            "warning: the quote differs from the text only in Unicode normalization: the text writes its accented letters composed (NFC)",
        ));
    // The other way round: a decomposed text, a composed quote.
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/normalization.json"),
    )
    .unwrap();
    let flipped = doc
        .replace("Andrés Manuel López", "Andre\u{301}s Manuel Lo\u{301}pez")
        .replace(
            "Andre\u{301}s Manuel Lo\u{301}pez Obrador\"\n",
            "Andrés Manuel López Obrador\"\n",
        );
    assert_ne!(flipped, doc);
    argscope()
        .args(["check", "-"])
        .write_stdin(flipped)
        .assert()
        .success()
        .stdout(contains(
            "the text writes its accented letters as letters with separate combining marks (NFD)",
        ));
}

#[test]
fn file_names_that_are_not_utf8_work() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.json");
    let doc = dir.path().join(name);
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-small.json"),
        &doc,
    )
    .unwrap();
    let run = |args: &[&std::ffi::OsStr]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_argscope"))
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap()
    };
    let check = run(&["check".as_ref(), name]);
    assert!(check.status.success(), "{check:?}");
    // The name is shown with its bad byte as �, never raw.
    assert!(
        String::from_utf8(check.stdout)
            .unwrap()
            .contains("caf�.json: ok")
    );
    let out = std::ffi::OsStr::from_bytes(b"\xff-out.md");
    let export = run(&[
        "export".as_ref(),
        name,
        "-f".as_ref(),
        "markdown".as_ref(),
        "-o".as_ref(),
        out,
    ]);
    assert!(export.status.success(), "{export:?}");
    assert!(
        std::fs::read_to_string(dir.path().join(out))
            .unwrap()
            .starts_with("# ")
    );
    let text = std::ffi::OsStr::from_bytes(b"art\xefcle.txt");
    std::fs::write(
        dir.path().join(text),
        "A title\n\nOne two three four five six seven eight.",
    )
    .unwrap();
    let new = run(&["new".as_ref(), "--text".as_ref(), text]);
    assert!(new.status.success(), "{new:?}");
    let quote = run(&["quote".as_ref(), name, "bridge".as_ref()]);
    assert_eq!(quote.status.code(), Some(0), "{quote:?}");
}
