//! The command line as a user runs it: spawn the binary, then check the exit code, what it printed
//! and where. One fixture per class of bad input lives in `tests/fixtures/`; the tests run in that
//! directory so messages name the fixture the way a user would see it.

use assert_cmd::Command;
use assert_cmd::assert::Assert;
use predicates::prelude::*;
use predicates::str::contains;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn fixture_bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixtures().join(name)).expect("fixture exists")
}

fn argscope() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_argscope"));
    cmd.current_dir(fixtures());
    cmd
}

/// Neither a panic message nor a backtrace hint, on either stream.
fn no_panic() -> impl Predicate<str> {
    contains("panicked")
        .not()
        .and(contains("RUST_BACKTRACE").not())
}

/// Runs argscope with `args` in the fixtures directory. Whatever a test asserts, it also asserts
/// that the run did not panic.
fn run(args: &[&str]) -> Assert {
    argscope()
        .args(args)
        .assert()
        .stdout(no_panic())
        .stderr(no_panic())
}

/// Runs argscope with `stdin` piped in.
fn run_with_stdin(args: &[&str], stdin: impl Into<Vec<u8>>) -> Assert {
    argscope()
        .args(args)
        .write_stdin(stdin.into())
        .assert()
        .stdout(no_panic())
        .stderr(no_panic())
}

/// A whole line of output, so that a message cannot pass by being part of another one.
fn line(text: &str) -> impl Predicate<str> {
    let text = text.to_owned();
    predicate::function(move |out: &str| out.lines().any(|l| l == text))
}

fn stdout_of(assert: &Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).expect("stdout is UTF-8")
}

/// `check FILE` refuses the document (exit 1), prints each expected problem as a line of its own,
/// and ends with the `FILE: invalid (...)` summary.
fn assert_invalid(file: &str, problems: &[&str], summary: &str) -> Assert {
    let mut assert = run(&["check", file]).code(1).stderr("");
    for problem in problems {
        assert = assert.stdout(line(&format!("{file}{problem}")));
    }
    let out = stdout_of(&assert);
    assert_eq!(
        out.lines().last(),
        Some(format!("{file}: invalid ({summary})").as_str()),
        "{out}"
    );
    assert
}

// ---------------------------------------------------------------------------------------------
// Bytes that are not a JSON document at all: the message gives a line and column where it can.

#[test]
fn an_empty_file_is_refused_as_empty() {
    assert_invalid(
        "empty.json",
        &[":1:1: the file is empty: expected a JSON object"],
        "1 error, 0 warnings",
    );
}

#[test]
fn only_whitespace_on_stdin_is_refused_as_empty() {
    run_with_stdin(&["check", "-"], " \n\t\n")
        .code(1)
        .stdout(line(
            "<stdin>:1:1: the file is empty: expected a JSON object",
        ));
}

#[test]
fn binary_garbage_is_refused_at_its_first_bad_byte_and_never_echoed() {
    assert_invalid(
        "binary.bin",
        &[":1:1: not UTF-8 text: invalid byte 0x89"],
        "1 error, 0 warnings",
    )
    // The garbage holds terminal escapes; none of them may reach the terminal.
    .stdout(contains("\u{1b}").not())
    .stdout(contains("\u{7}").not());
}

#[test]
fn truncated_json_names_the_line_and_column_where_it_ends() {
    assert_invalid(
        "truncated.json",
        &[":7:134: the JSON ends too early: EOF while parsing a string"],
        "1 error, 0 warnings",
    );
}

#[test]
fn invalid_utf8_names_the_line_and_column_of_the_bad_byte() {
    assert_invalid(
        "invalid-utf8.json",
        &[":4:26: not UTF-8 text: invalid byte 0xFF"],
        "1 error, 0 warnings",
    );
}

#[test]
fn a_syntax_error_names_its_line_and_column() {
    assert_invalid(
        "syntax-error.json",
        &[":3:39: syntax error: expected `,` or `}`"],
        "1 error, 0 warnings",
    );
}

#[test]
fn arrays_nested_100_000_deep_are_a_syntax_error_not_a_stack_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep.json");
    std::fs::write(&path, "[".repeat(100_000)).unwrap();
    let name = path.to_str().unwrap();
    run(&["check", name])
        .code(1)
        .stdout(line(&format!(
            "{name}:1:128: syntax error: recursion limit exceeded"
        )))
        .stdout(line(&format!("{name}: invalid (1 error, 0 warnings)")));
}

#[test]
fn objects_nested_100_000_deep_on_stdin_are_a_syntax_error_not_a_stack_overflow() {
    let deep = format!("{}1{}", r#"{"a":"#.repeat(100_000), "}".repeat(100_000));
    run_with_stdin(&["check", "-"], deep).code(1).stdout(line(
        "<stdin>:1:636: syntax error: recursion limit exceeded",
    ));
}

#[test]
fn export_of_deeply_nested_json_fails_cleanly_too() {
    run_with_stdin(&["export", "--format", "json", "-"], "[".repeat(100_000))
        .code(1)
        .stdout("")
        .stderr(line(
            "<stdin>:1:128: syntax error: recursion limit exceeded",
        ));
}

// ---------------------------------------------------------------------------------------------
// JSON that is not an argscope/1 document: every message names the JSON path and the item.

#[test]
fn a_wrong_type_names_the_field_and_both_types() {
    assert_invalid(
        "wrong-type.json",
        &[r#":26:16: items[1].title (item "no-cars"): expected a string, found a number"#],
        "1 error, 0 warnings",
    );
}

#[test]
fn a_document_that_is_not_an_object_is_refused() {
    assert_invalid(
        "top-level-array.json",
        &[":1:1: expected an object, found an array"],
        "1 error, 0 warnings",
    );
}

#[test]
fn a_missing_field_names_the_object_it_is_missing_from() {
    assert_invalid(
        "missing-field.json",
        &[r#":23:5: items[1] (item "no-cars"): missing field "title""#],
        "1 error, 0 warnings",
    );
}

#[test]
fn an_unknown_field_is_an_error_with_a_suggestion() {
    assert_invalid(
        "unknown-field.json",
        &[
            r#":27:17: items[1].sumary (item "no-cars"): unknown field "sumary" — did you mean "summary"?"#,
        ],
        "1 error, 0 warnings",
    );
}

#[test]
fn a_field_of_another_kind_says_whose_it_is() {
    assert_invalid(
        "kind-field-on-wrong-kind.json",
        &[
            r#":31:15: items[1].when (item "no-cars"): field "when" belongs to kind event, not provision"#,
        ],
        "1 error, 0 warnings",
    );
}

#[test]
fn an_unsupported_format_is_refused() {
    assert_invalid(
        "unsupported-format.json",
        &[r#":2:13: format: unsupported format "argscope/2": this version reads "argscope/1""#],
        "1 error, 0 warnings",
    );
}

#[test]
fn a_duplicate_id_names_both_places() {
    assert_invalid(
        "duplicate-id.json",
        &[r#":33:13: items[2].id (item "council"): duplicate id "council" (first at items[0])"#],
        "1 error, 0 warnings",
    );
}

#[test]
fn a_duplicate_comparison_id_names_both_places() {
    assert_invalid(
        "duplicate-comparison-id.json",
        &[
            r#":52:13: comparisons[1].id: duplicate comparison id "who-and-what" (first at comparisons[0])"#,
        ],
        "1 error, 0 warnings",
    );
}

#[test]
fn a_malformed_id_is_refused_with_the_rule() {
    assert_invalid(
        "malformed-id.json",
        &[
            r#":24:13: items[1].id (item "No_Cars"): malformed id "No_Cars": an id is lower-case letters, digits and '-', starting with a letter or digit, at most 64 bytes"#,
            // The link to the id the author meant is then unknown as well; the suggestion, whatever
            // the case, names the item it was meant for.
            r#":19:17: items[0].links[0].to (item "council"): unknown id "no-cars" — did you mean "No_Cars"?"#,
        ],
        "2 errors, 1 warning",
    );
}

#[test]
fn a_shape_error_in_one_item_does_not_hide_a_dangling_link_in_another() {
    assert_invalid(
        "whole-picture.json",
        &[
            r#":13:16: items[0].title (item "council-vote"): expected a string, found a number"#,
            r#":48:17: items[1].links[0].to (item "order-signed"): unknown id "no-such-item""#,
        ],
        "2 errors, 0 warnings",
    );
}

#[test]
fn an_unknown_kind_is_refused_with_the_kinds_and_a_suggestion() {
    assert_invalid(
        "unknown-kind.json",
        &[
            r#":25:15: items[1].kind (item "vote"): unknown kind "evnt" (kinds: event, actor, provision, recommendation, claim) — did you mean "event"?"#,
            // The unreadable item no longer hides the rest: this link was dangling all along.
            r#":19:17: items[0].links[0].to (item "council"): unknown id "no-cars""#,
        ],
        "2 errors, 0 warnings",
    );
}

#[test]
fn an_unknown_relation_is_refused_with_a_suggestion() {
    assert_invalid(
        "unknown-relation.json",
        &[
            r#":18:18: items[0].links[0].rel (item "council"): unknown relation "enact" — did you mean "enacts"?"#,
        ],
        "1 error, 0 warnings",
    );
}

#[test]
fn an_unknown_link_target_is_refused_with_a_suggestion() {
    assert_invalid(
        "unknown-target.json",
        &[
            r#":28:17: items[1].links[0].to (item "council"): unknown id "no-car" — did you mean "no-cars"?"#,
            // The intended target really is left without links.
            r#":8:5: items[0] (item "no-cars"): warning: the item has no links in or out"#,
        ],
        "1 error, 1 warning",
    )
    // The source does have a link out, a broken one; it is not "unlinked" on top of the error.
    .stdout(contains(r#"(item "council"): warning"#).not());
}

#[test]
fn a_quote_not_in_the_text_shows_the_closest_passage() {
    assert_invalid(
        "quote-not-found.json",
        &[
            r#":28:9: items[1].quotes[0] (item "no-cars"): quote not found in the text: "closed the bridge to all cars" — the closest passage is "closed the bridge to cars in March""#,
        ],
        "1 error, 0 warnings",
    );
}

#[test]
fn a_malformed_date_is_refused_with_the_subset() {
    assert_invalid(
        "malformed-date.json",
        &[
            r#":38:17: items[2].when.date (item "vote"): malformed date "2019-13": use YYYY, YYYY-MM or YYYY-MM-DD, with ~ (approximate), ? (uncertain) or % (both) after it, or START/END for an interval"#,
        ],
        "1 error, 0 warnings",
    );
}

#[test]
fn a_comparison_naming_an_unknown_item_is_refused() {
    assert_invalid(
        "unknown-comparison-item.json",
        &[
            r#":46:11: comparisons[0].right.items[0]: unknown item "no-car" in comparison "who-and-what" — did you mean "no-cars"?"#,
        ],
        "1 error, 0 warnings",
    );
}

#[test]
fn every_problem_is_reported_at_once_not_only_the_first() {
    assert_invalid(
        "many-errors.json",
        &[
            r#":24:13: items[1].id (item "No_Cars"): malformed id "No_Cars": an id is lower-case letters, digits and '-', starting with a letter or digit, at most 64 bytes"#,
            r#":38:17: items[2].when.date (item "vote"): malformed date "March 2019": use YYYY, YYYY-MM or YYYY-MM-DD, with ~ (approximate), ? (uncertain) or % (both) after it, or START/END for an interval"#,
            r#":18:18: items[0].links[0].rel (item "council"): unknown relation "enact" — did you mean "enacts"?"#,
            r#":19:17: items[0].links[0].to (item "council"): unknown id "no-car" — did you mean "No_Cars"?"#,
            r#":28:9: items[1].quotes[0] (item "No_Cars"): quote not found in the text: "opened the bridge" — the closest passage is "closed the bridge""#,
        ],
        "5 errors, 1 warning",
    );
}

#[test]
fn bad_relations_comparisons_and_empty_quotes_are_each_reported() {
    assert_invalid(
        "reference-errors.json",
        &[
            r#":5:18: document.published: malformed date "January 2021": use YYYY, YYYY-MM or YYYY-MM-DD, with ~ (approximate), ? (uncertain) or % (both) after it, or START/END for an interval"#,
            r#":15:13: relations[1].id: duplicate relation "enacts""#,
            r#":20:13: relations[2].id: malformed id "Responds To": an id is lower-case letters, digits and '-', starting with a letter or digit, at most 64 bytes"#,
            ":73:9: comparisons[0].pairs[1]: a pair is an array of two item ids: [left, right]",
            r#":54:13: comparisons[0].id: malformed id "Who_What": an id is lower-case letters, digits and '-', starting with a letter or digit, at most 64 bytes"#,
            r#":70:11: comparisons[0].pairs[0][0]: "no-cars" is not in the left column of comparison "Who_What""#,
            r#":71:11: comparisons[0].pairs[0][1]: "council" is not in the right column of comparison "Who_What""#,
            r#":47:9: items[1].quotes[1] (item "no-cars"): the quote is empty"#,
        ],
        "8 errors, 0 warnings",
    );
}

#[test]
fn wrong_shapes_inside_items_are_each_reported() {
    assert_invalid(
        "shape-errors.json",
        &[
            r#":16:16: items[0].links (item "council"): expected an array, found an object"#,
            r#":26:9: items[1].quotes[0] (item "no-cars"): expected a string or an {exact, prefix, suffix} object, found a number"#,
            r#":31:9: items[1].tags[1] (item "no-cars"): expected a string, found a number"#,
            r#":37:15: items[2].role (item "thesis"): unknown claim role "conclusion" (roles: thesis, premise, evidence)"#,
        ],
        "4 errors, 0 warnings",
    );
}

#[test]
fn export_of_an_invalid_document_writes_nothing_and_names_the_problem() {
    run(&["export", "--format", "json", "unknown-target.json"])
        .code(1)
        .stdout("")
        .stderr(line(
            r#"unknown-target.json:28:17: items[1].links[0].to (item "council"): unknown id "no-car" — did you mean "no-cars"?"#,
        ))
        .stderr(contains("run `argscope check unknown-target.json` for all problems"));
}

// ---------------------------------------------------------------------------------------------
// Paths that cannot be read: exit 2, a message on stderr, nothing on stdout.

#[test]
fn a_missing_file_exits_2_with_the_path_on_stderr() {
    run(&["check", "no-such-file.json"])
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "argscope: no-such-file.json: cannot read: ",
        ));
}

#[test]
fn a_directory_exits_2_and_says_it_is_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let name = dir.path().to_str().unwrap();
    run(&["check", name])
        .code(2)
        .stdout("")
        .stderr(line(&format!(
            "argscope: {name}: is a directory, not a document file"
        )));
}

#[test]
fn export_of_a_missing_file_exits_2() {
    run(&["export", "--format", "json", "no-such-file.json"])
        .code(2)
        .stdout("")
        .stderr(contains("argscope: no-such-file.json: cannot read: "));
}

// ---------------------------------------------------------------------------------------------
// Documents that load: warnings are reported, exit 0, and --strict makes them fatal.

#[test]
fn a_valid_document_passes_with_one_summary_line() {
    run(&["check", "valid-small.json"])
        .code(0)
        .stdout("valid-small.json: ok, 11 items (0 errors, 0 warnings)\n")
        .stderr("");
    run(&["check", "--strict", "valid-small.json"]).code(0);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    assert_eq!(fixture_bytes("bom.json")[..3], *b"\xEF\xBB\xBF");
    run(&["check", "--strict", "bom.json"])
        .code(0)
        .stdout("bom.json: ok, 2 items (0 errors, 0 warnings)\n");
}

#[test]
fn a_quote_found_twice_without_a_selector_is_a_warning() {
    run(&["check", "quote-twice.json"])
        .code(0)
        .stdout(line(
            r#"quote-twice.json:28:9: items[1].quotes[0] (item "no-cars"): warning: the quote is found 2 times in the text, without a selector; give a prefix or suffix to say which (the first is used)"#,
        ))
        .stdout(line("quote-twice.json: ok, 2 items (0 errors, 1 warning)"));
}

#[test]
fn a_selector_that_still_matches_twice_is_a_warning() {
    run(&["check", "selector-twice.json"])
        .code(0)
        .stdout(line(
            r#"selector-twice.json:28:9: items[1].quotes[0] (item "no-cars"): warning: the quote is found 2 times in the text, even with its prefix and suffix; lengthen them (the first is used)"#,
        ))
        .stdout(line("selector-twice.json: ok, 2 items (0 errors, 1 warning)"));
}

#[test]
fn a_typographic_mismatch_is_a_warning_that_shows_the_texts_form() {
    run(&["check", "typographic-mismatch.json"])
        .code(0)
        .stdout(line(
            r#"typographic-mismatch.json:37:9: items[2].quotes[0] (item "mayor-office"): warning: the quote differs from the text in typographic punctuation; the text reads "The mayor’s office""#,
        ))
        .stdout(line(
            "typographic-mismatch.json: ok, 3 items (0 errors, 1 warning)",
        ));
}

#[test]
fn two_items_quoting_the_same_passage_is_a_warning() {
    run(&["check", "same-passage.json"])
        .code(0)
        .stdout(line(
            r#"same-passage.json:41:9: items[2].quotes[0] (item "closure"): warning: quotes exactly the same passage as item "no-cars""#,
        ))
        .stdout(line("same-passage.json: ok, 3 items (0 errors, 1 warning)"));
}

#[test]
fn control_characters_are_a_warning_and_never_reach_the_terminal() {
    run(&["check", "control-chars.json"])
        .code(0)
        .stdout(line(
            r#"control-chars.json:11:16: items[0].title (item "council"): warning: control character U+001B in a string; it is shown as a visible symbol"#,
        ))
        .stdout(line(
            r#"control-chars.json:31:18: items[1].summary (item "no-cars"): warning: control character U+0007 in a string; it is shown as a visible symbol"#,
        ))
        .stdout(line("control-chars.json: ok, 2 items (0 errors, 2 warnings)"));
    // Exported, the strings are JSON-escaped: still no raw escape or bell.
    let export = run(&["export", "--format", "json", "control-chars.json"]).code(0);
    let out = stdout_of(&export);
    assert!(out.contains(r"\u001b]0;pwned\u0007"), "{out}");
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'));
}

#[test]
fn control_characters_in_a_refused_value_are_shown_as_symbols() {
    let doc = r#"{"format": "argscope/1", "document": {"title": "t", "text": "alpha beta"},
        "items": [{"id": "a", "kind": "ev\u001b[2Jent", "title": "x", "quotes": ["alpha"]}]}"#;
    run_with_stdin(&["check", "-"], doc)
        .code(1)
        .stdout(contains(r#"unknown kind "ev␛[2Jent""#))
        .stdout(contains('\u{1b}').not());
}

#[test]
fn a_document_with_only_warnings_loads_and_strict_refuses_it() {
    let warnings = [
        r#"warnings-only.json:35:16: items[2].title (item "orphan"): warning: a title is one line; its line breaks are shown as spaces"#,
        r#"warnings-only.json:32:5: items[2] (item "orphan"): warning: the item has no links in or out"#,
        r#"warnings-only.json:28:9: items[1].quotes[0] (item "no-cars"): warning: the quote is found 2 times in the text, without a selector; give a prefix or suffix to say which (the first is used)"#,
    ];
    let mut relaxed = run(&["check", "warnings-only.json"]).code(0);
    let mut strict = run(&["check", "--strict", "warnings-only.json"]).code(1);
    for w in warnings {
        relaxed = relaxed.stdout(line(w));
        strict = strict.stdout(line(w));
    }
    relaxed.stdout(line(
        "warnings-only.json: ok, 3 items (0 errors, 3 warnings)",
    ));
    strict.stdout(line(
        "warnings-only.json: invalid with --strict (0 errors, 3 warnings)",
    ));
    // Export does not care about warnings.
    run(&["export", "--format", "json", "warnings-only.json"]).code(0);
}

#[test]
fn enormous_strings_load_and_a_missing_quote_in_them_is_found_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.json");
    let doc = serde_json::json!({
        "format": "argscope/1",
        "document": { "title": "t".repeat(2_000_000), "text": "lorem ipsum dolor sit amet ".repeat(200_000) },
        "items": [{ "id": "a", "kind": "claim", "role": "thesis", "title": "x",
                    "quotes": ["ipsum dolor sit amet, consectetur"],
                    "links": [{ "rel": "mentions", "to": "a" }] }]
    });
    std::fs::write(&path, doc.to_string()).unwrap();
    let name = path.to_str().unwrap();
    argscope()
        .args(["check", name])
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(1)
        .stdout(predicate::function(move |out: &str| {
            // On line 1 (the file is one line), at the quote's column, which the test need not
            // know: the rest of the line is the message.
            out.lines().any(|l| {
                l.starts_with(&format!("{name}:1:")) && l.ends_with(
                    r#": items[0].quotes[0] (item "a"): quote not found in the text: "ipsum dolor sit amet, consectetur" — the closest passage is "ipsum dolor sit amet lorem ipsum dolor""#,
                )
            })
        }));
}

#[test]
fn every_fixture_is_checked_and_exported_without_a_panic() {
    let mut names: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert!(names.len() >= 25, "{names:?}");
    for name in &names {
        for args in [
            vec!["check", name.as_str()],
            vec!["check", "--strict", "--format", "json", name.as_str()],
            vec!["export", "--format", "json", name.as_str()],
        ] {
            let out = argscope().args(&args).output().unwrap();
            let code = out.status.code();
            assert!(
                matches!(code, Some(0..=2)),
                "{args:?} exited {code:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            for stream in [&out.stdout, &out.stderr] {
                assert!(
                    !String::from_utf8_lossy(stream).contains("panicked"),
                    "{args:?}"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// check: several files, stdin, JSON output.

#[test]
fn check_of_several_files_reports_each_and_exits_with_the_worst() {
    run(&["check", "valid-small.json", "quote-twice.json"])
        .code(0)
        .stdout(line(
            "valid-small.json: ok, 11 items (0 errors, 0 warnings)",
        ))
        .stdout(line("quote-twice.json: ok, 2 items (0 errors, 1 warning)"));
    run(&["check", "--strict", "valid-small.json", "quote-twice.json"]).code(1);
    // An unreadable path is worse than an invalid document, and does not stop the others.
    run(&[
        "check",
        "no-such-file.json",
        "wrong-type.json",
        "valid-small.json",
    ])
    .code(2)
    .stdout(line("wrong-type.json: invalid (1 error, 0 warnings)"))
    .stdout(line(
        "valid-small.json: ok, 11 items (0 errors, 0 warnings)",
    ))
    .stderr(contains("argscope: no-such-file.json: cannot read: "));
    run(&["check", "wrong-type.json", "valid-small.json"]).code(1);
}

#[test]
fn check_dash_reads_standard_input() {
    run_with_stdin(&["check", "-"], fixture_bytes("valid-small.json"))
        .code(0)
        .stdout("<stdin>: ok, 11 items (0 errors, 0 warnings)\n");
    run_with_stdin(&["check", "-"], fixture_bytes("unknown-relation.json"))
        .code(1)
        .stdout(line(r#"<stdin>: items[0].links[0].rel (item "council"): unknown relation "enact" — did you mean "enacts"?"#));
}

#[test]
fn check_format_json_is_one_parseable_report_per_file() {
    let assert = run(&[
        "check",
        "--format",
        "json",
        "warnings-only.json",
        "syntax-error.json",
        "valid-small.json",
    ])
    .code(1);
    let reports: serde_json::Value =
        serde_json::from_str(&stdout_of(&assert)).expect("check --format json prints JSON");
    let reports = reports.as_array().expect("an array of reports");
    assert_eq!(reports.len(), 3);

    let warned = &reports[0];
    assert_eq!(warned["file"], "warnings-only.json");
    assert_eq!(warned["valid"], true);
    assert_eq!(warned["items"], 3);
    assert_eq!(
        (warned["errors"].as_u64(), warned["warnings"].as_u64()),
        (Some(0), Some(3))
    );
    let first = &warned["problems"][0];
    assert_eq!(first["severity"], "warning");
    assert_eq!(first["path"], "items[2].title");
    assert_eq!(first["item"], "orphan");

    let broken = &reports[1];
    assert_eq!(broken["valid"], false);
    assert_eq!(broken["items"], serde_json::Value::Null);
    let p = &broken["problems"][0];
    assert_eq!(
        (p["line"].as_u64(), p["column"].as_u64()),
        (Some(3), Some(39))
    );
    assert_eq!(p["severity"], "error");

    assert_eq!(reports[2]["valid"], true);
    assert_eq!(reports[2]["problems"], serde_json::json!([]));
}

#[test]
fn check_format_json_under_strict_marks_warnings_invalid() {
    let assert = run(&[
        "check",
        "--strict",
        "--format",
        "json",
        "warnings-only.json",
    ])
    .code(1);
    let reports: serde_json::Value = serde_json::from_str(&stdout_of(&assert)).unwrap();
    assert_eq!(reports[0]["valid"], false);
}

// ---------------------------------------------------------------------------------------------
// export --format json: normalised, accepted by check, idempotent.

/// Exports `input` (a path, or `-` with `stdin`), checks the output strictly, exports the output
/// again and requires the same bytes.
fn assert_export_round_trips(args: &[&str], stdin: Option<Vec<u8>>) -> String {
    let mut cmd = argscope();
    cmd.args(args);
    if let Some(bytes) = stdin {
        cmd.write_stdin(bytes);
    }
    let first = cmd.assert().code(0).stderr("").get_output().stdout.clone();
    run_with_stdin(&["check", "--strict", "-"], first.clone())
        .code(0)
        .stdout(predicate::str::starts_with("<stdin>: ok, "));
    let second = run_with_stdin(&["export", "--format", "json", "-"], first.clone())
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert!(first == second, "exporting the export changed it");
    String::from_utf8(first).expect("export is UTF-8")
}

#[test]
fn export_of_the_builtin_document_passes_check_and_is_idempotent() {
    let out = assert_export_round_trips(&["export", "--format", "json"], None);
    assert!(out.starts_with("{\n  \"format\": \"argscope/1\""), "{out}");
    assert!(out.ends_with("}\n"));
}

#[test]
fn export_of_the_small_fixture_fills_in_defaults_and_is_idempotent() {
    let out = assert_export_round_trips(&["export", "--format", "json", "valid-small.json"], None);
    // The fixture declares no relations; the export names the built-in set.
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let relations = doc["relations"].as_array().unwrap();
    assert_eq!(relations.len(), 10);
    assert_eq!(
        relations[0],
        serde_json::json!({"id": "involves", "label": "involves", "inverse": "involved in"})
    );
    // Optional lists are always present, and a selector quote stays a selector.
    assert_eq!(doc["items"][0]["tags"], serde_json::json!([]));
    assert_eq!(
        doc["items"][2]["quotes"][1],
        serde_json::json!({"exact": "the council", "prefix": "bicycles, and", "suffix": "must publish"})
    );
    // The same document read from stdin exports to the same bytes.
    let from_stdin = assert_export_round_trips(
        &["export", "--format", "json", "-"],
        Some(fixture_bytes("valid-small.json")),
    );
    assert_eq!(out, from_stdin);
}

#[test]
fn export_drops_the_byte_order_mark() {
    let out = assert_export_round_trips(&["export", "--format", "json", "bom.json"], None);
    assert!(out.starts_with('{'));
}

#[test]
fn export_into_a_missing_directory_exits_2_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no-such-dir/out.json");
    let name = target.to_str().unwrap();
    run(&["export", "--format", "json", "-o", name, "valid-small.json"])
        .code(2)
        .stdout("")
        .stderr(line(&format!(
            "argscope: {name}: cannot write: the directory {} does not exist",
            dir.path().join("no-such-dir").display()
        )));
    assert!(!dir.path().join("no-such-dir").exists());
}

#[test]
fn export_onto_a_directory_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let name = dir.path().to_str().unwrap();
    run(&["export", "--format", "json", "-o", name, "valid-small.json"])
        .code(2)
        .stderr(line(&format!(
            "argscope: {name}: cannot write: it is a directory"
        )));
}

#[cfg(unix)]
#[test]
fn export_onto_a_symbolic_link_writes_the_file_it_points_to() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.json");
    std::fs::write(&real, "stale").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("real.json", &link).unwrap();
    // And a dangling link: the file it names is made.
    let dangling = dir.path().join("dangling.json");
    std::os::unix::fs::symlink("made.json", &dangling).unwrap();
    let expected = run(&["export", "--format", "json", "valid-small.json"])
        .get_output()
        .stdout
        .clone();
    for (name, file) in [(&link, &real), (&dangling, &dir.path().join("made.json"))] {
        run(&[
            "export",
            "--format",
            "json",
            "-o",
            name.to_str().unwrap(),
            "valid-small.json",
        ])
        .code(0)
        .stderr("");
        assert!(name.is_symlink(), "{} is still a link", name.display());
        assert!(
            std::fs::read(file).unwrap() == expected,
            "{}",
            file.display()
        );
    }
}

#[test]
fn export_over_an_existing_file_replaces_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.json");
    // Longer than the export, so a write that did not truncate would leave a tail.
    std::fs::write(&target, "stale ".repeat(100_000)).unwrap();
    let name = target.to_str().unwrap();
    run(&["export", "--format", "json", "-o", name, "valid-small.json"])
        .code(0)
        .stdout("")
        .stderr("");
    let expected = run(&["export", "--format", "json", "valid-small.json"])
        .get_output()
        .stdout
        .clone();
    assert!(std::fs::read(&target).unwrap() == expected);
    // Nothing else is left behind in the directory (no temporary file).
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn export_of_an_invalid_document_leaves_the_output_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.json");
    std::fs::write(&target, "keep me").unwrap();
    run(&[
        "export",
        "--format",
        "json",
        "-o",
        target.to_str().unwrap(),
        "wrong-type.json",
    ])
    .code(1);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
}

#[cfg(unix)]
#[test]
fn export_gives_a_new_file_the_usual_mode_and_keeps_a_replaced_files_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    // What a plain create gives under this process's umask.
    let plain = dir.path().join("plain");
    std::fs::write(&plain, "").unwrap();
    let fresh = dir.path().join("fresh.json");
    run(&[
        "export",
        "--format",
        "json",
        "-o",
        fresh.to_str().unwrap(),
        "valid-small.json",
    ])
    .code(0);
    assert_eq!(mode(&fresh), mode(&plain));

    let shared = dir.path().join("shared.json");
    std::fs::write(&shared, "old").unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o664)).unwrap();
    run(&[
        "export",
        "--format",
        "json",
        "-o",
        shared.to_str().unwrap(),
        "valid-small.json",
    ])
    .code(0);
    assert_eq!(mode(&shared), 0o664);
}

// ---------------------------------------------------------------------------------------------
// new --text: a skeleton that validates as written.

#[test]
fn new_from_the_article_is_accepted_by_check_strict_and_embeds_the_text() {
    let assert = run(&["new", "--text", "article.txt"]).code(0).stderr("");
    let skeleton = assert.get_output().stdout.clone();
    run_with_stdin(&["check", "--strict", "-"], skeleton.clone())
        .code(0)
        .stdout("<stdin>: ok, 5 items (0 errors, 0 warnings)\n");
    let doc: serde_json::Value = serde_json::from_slice(&skeleton).unwrap();
    let article = String::from_utf8(fixture_bytes("article.txt")).unwrap();
    assert_eq!(doc["document"]["text"].as_str(), Some(article.as_str()));
    assert_eq!(
        doc["document"]["title"],
        "Is Mexico’s Drug War Taking a Turn for the Worse?"
    );
    let kinds: Vec<&str> = doc["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["event", "actor", "provision", "recommendation", "claim"]
    );
}

#[test]
fn new_from_a_windows_text_file_is_still_accepted_by_check_strict() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    let article = String::from_utf8(fixture_bytes("article.txt")).unwrap();
    std::fs::write(&path, format!("\u{feff}{}", article.replace('\n', "\r\n"))).unwrap();
    let skeleton = run(&["new", "--text", path.to_str().unwrap()])
        .code(0)
        .get_output()
        .stdout
        .clone();
    run_with_stdin(&["check", "--strict", "-"], skeleton)
        .code(0)
        .stdout(line("<stdin>: ok, 5 items (0 errors, 0 warnings)"));
}

#[test]
fn new_from_an_empty_or_one_word_text_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    for (file, text) in [("empty.txt", ""), ("one-word.txt", "Mexico\n")] {
        let path = dir.path().join(file);
        std::fs::write(&path, text).unwrap();
        let name = path.to_str().unwrap();
        run(&["new", "--text", name])
            .code(2)
            .stdout("")
            .stderr(line(&format!(
                "argscope: {name}: the text has too few words to quote from (it needs at least 5)"
            )));
    }
}

#[test]
fn new_from_a_missing_or_binary_file_exits_2() {
    run(&["new", "--text", "no-such-article.txt"])
        .code(2)
        .stdout("")
        .stderr(contains("argscope: no-such-article.txt: cannot read: "));
    run(&["new", "--text", "binary.bin"])
        .code(2)
        .stdout("")
        .stderr(line(
            "argscope: binary.bin: not UTF-8 text (invalid byte at offset 0)",
        ));
}

// ---------------------------------------------------------------------------------------------
// Usage.

#[test]
fn help_lists_the_subcommands_and_exits_0() {
    let mut help = run(&["--help"])
        .code(0)
        .stderr("")
        .stdout(contains("Usage: argscope"));
    for subcommand in ["check", "export", "new"] {
        help = help.stdout(contains(format!("\n  {subcommand} ")));
    }
    run(&["check", "--help"])
        .code(0)
        .stdout(contains("--strict"))
        .stdout(contains("`-` reads standard input"));
}

#[test]
fn version_prints_the_package_version_and_exits_0() {
    run(&["--version"])
        .code(0)
        .stdout(format!("argscope {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn an_unknown_flag_is_a_usage_error() {
    run(&["check", "--bogus", "valid-small.json"])
        .code(2)
        .stdout("")
        .stderr(contains("unexpected argument '--bogus'"));
    run(&["--bogus"]).code(2).stdout("");
}

#[test]
fn a_mistyped_subcommand_is_named_not_read_as_a_file() {
    for args in [
        &["chek", "valid-small.json"][..],
        &["exprot"],
        &["rendr", "--keys", "j"],
    ] {
        let want = format!(
            "did you mean `argscope {}`?",
            ["check", "export", "render"][["chek", "exprot", "rendr"]
                .iter()
                .position(|w| *w == args[0])
                .unwrap()]
        );
        run(args)
            .code(2)
            .stdout("")
            .stderr(contains(format!(
                "\"{}\" is neither a file nor a subcommand",
                args[0]
            )))
            .stderr(contains(want));
    }
    // A file of that name is read as one: here, for the explorer, which wants a terminal.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixtures().join("valid-small.json"), dir.path().join("chek")).unwrap();
    assert_cmd::Command::cargo_bin("argscope")
        .unwrap()
        .current_dir(dir.path())
        .arg("chek")
        .assert()
        .code(2)
        .stderr(contains("needs a terminal"))
        .stderr(contains("neither a file").not());
}

#[test]
fn an_unknown_subcommand_is_a_usage_error() {
    // A bare word is read as FILE for the explorer, so it fails as a path, with exit 2 all the same.
    run(&["frobnicate"])
        .code(2)
        .stdout("")
        .stderr(predicate::str::is_empty().not());
}

#[test]
fn missing_or_invalid_arguments_are_usage_errors() {
    run(&["check"])
        .code(2)
        .stderr(contains("required arguments were not provided"));
    run(&["export", "valid-small.json"])
        .code(2)
        .stderr(contains("--format"));
    run(&["export", "--format", "xml", "valid-small.json"])
        .code(2)
        .stderr(contains("invalid value 'xml'"));
    run(&["new"]).code(2).stderr(contains("--text"));
}

// ---------------------------------------------------------------------------------------------
// docs/FORMAT.md stays true: its example is valid, and every message it quotes is real.

fn format_md() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/FORMAT.md"))
        .expect("docs/FORMAT.md exists")
}

/// The bodies of the fenced blocks of `markdown` whose info string is `lang`.
fn fenced_blocks(markdown: &str, lang: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for l in markdown.lines() {
        match current.as_mut() {
            None if l.trim_start() == format!("```{lang}") => current = Some(String::new()),
            Some(_) if l.trim_start() == "```" => blocks.extend(current.take()),
            Some(body) => {
                body.push_str(l);
                body.push('\n');
            }
            None => {}
        }
    }
    blocks
}

#[test]
fn the_worked_example_in_format_md_passes_check_strict() {
    let doc = format_md();
    let example = &fenced_blocks(&doc, "json")[0];
    run_with_stdin(&["check", "--strict", "-"], example.as_str())
        .code(0)
        .stdout("<stdin>: ok, 6 items (0 errors, 0 warnings)\n");
}

#[test]
fn every_message_format_md_quotes_from_a_fixture_is_what_check_prints() {
    let doc = format_md();
    let mut checked = 0;
    for block in fenced_blocks(&doc, "text") {
        for quoted in block.lines() {
            // `name.json: …` or `name.json:3:39: …`, for a fixture that exists.
            let Some(name) = quoted.split(':').next() else {
                continue;
            };
            if !fixtures().join(name).is_file() {
                continue;
            }
            let mut args = vec!["check"];
            if quoted.contains("with --strict") {
                args.push("--strict");
            }
            args.push(name);
            run(&args).stdout(line(quoted));
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} quoted messages found");
}

/// A reader that stops early (`| head`) is not an error: no panic, exit 0.
#[test]
fn a_closed_pipe_is_not_a_panic() {
    use std::process::{Command, Stdio};
    for args in [
        &["export", "--format", "markdown"][..],
        &["new", "--text", "tests/fixtures/article.txt"],
        &["--print-default-config"],
        &["man"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_argscope"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
}

#[test]
fn standard_input_named_twice_is_read_once_and_said_so() {
    let doc = fixture_bytes("compare.json");
    let assert = run_with_stdin(&["check", "-", "-"], doc)
        .code(0)
        .stderr(contains("standard input is read once"));
    assert_eq!(stdout_of(&assert).matches("<stdin>: ok").count(), 1);
}

#[test]
fn an_empty_standard_input_points_to_check_dash_not_to_a_file_named_stdin() {
    run_with_stdin(&["render", "-"], "")
        .code(1)
        .stderr(contains("`argscope check -`"))
        .stderr(contains("argscope check <stdin>").not());
}

// ---------------------------------------------------------------------------------------------
// The argument's structure: what makes a map an argument. Warnings, but a claim resting on
// itself, and a group that mixes relations or targets, are errors.

/// `check FILE` loads the document with exactly these warnings, and `--strict` refuses it.
fn assert_warns(file: &str, warnings: &[&str]) {
    let assert = run(&["check", file]).code(0).stderr("");
    let out = stdout_of(&assert);
    let expected: Vec<String> = warnings.iter().map(|w| format!("{file}{w}")).collect();
    let got: Vec<&str> = out.lines().filter(|l| l.contains("warning: ")).collect();
    assert_eq!(got, expected, "{out}");
    let n = warnings.len();
    let plural = if n == 1 { "" } else { "s" };
    run(&["check", "--strict", file])
        .code(1)
        .stdout(line(&format!(
            "{file}: invalid with --strict (0 errors, {n} warning{plural})"
        )));
}

#[test]
fn claims_without_a_thesis_are_a_warning() {
    assert_warns(
        "no-thesis.json",
        &[
            r#":7:12: items: warning: the document has claims but no thesis: mark the claim the piece argues for with "role": "thesis""#,
        ],
    );
}

#[test]
fn a_claim_no_thesis_reaches_is_a_warning() {
    assert_warns(
        "unreached-claim.json",
        &[
            r#":60:5: items[4] (item "reopen"): warning: no thesis is reached from this claim through supports or opposes links"#,
        ],
    );
}

#[test]
fn a_cycle_of_supports_is_a_warning_that_names_the_cycle() {
    assert_warns(
        "supports-cycle.json",
        &[
            r#":45:5: items[3] (item "traffic-doubled"): warning: a cycle of supports: traffic-doubled → reopen → traffic-doubled; an argument cannot rest on itself"#,
        ],
    );
}

#[test]
fn a_claim_that_supports_itself_is_an_error() {
    assert_invalid(
        "self-support.json",
        &[
            r#":60:17: items[3].links[1].to (item "traffic-doubled"): the item supports itself: an argument cannot rest on itself"#,
        ],
        "1 error, 0 warnings",
    );
}

#[test]
fn an_item_with_no_quote_is_a_warning_unless_it_is_an_unstated_claim() {
    assert_warns(
        "no-quote.json",
        &[
            r#":26:17: items[1].quotes (item "buses-only"): warning: the item has no quote: only a claim marked "unstated" may have none"#,
        ],
    );
    // The unstated conclusion of the linked argument has none, and no warning.
    run(&["check", "--strict", "linked-argument.json"])
        .code(0)
        .stdout("linked-argument.json: ok, 6 items (0 errors, 0 warnings)\n");
}

#[test]
fn an_unstated_claim_with_quotes_is_a_warning() {
    assert_warns(
        "unstated-with-quotes.json",
        &[
            r#":65:17: items[4].quotes (item "cars-matter"): warning: an unstated claim has quotes: it is one the text does not state (drop the quotes, or "unstated")"#,
        ],
    );
}

#[test]
fn a_group_of_one_link_is_a_warning() {
    assert_warns(
        "group-of-one.json",
        &[
            r#":57:20: items[3].links[0].group (item "traffic-doubled"): warning: group "why-a-mistake" has only this link: a linked argument has two premises or more (drop the group for a premise that stands alone)"#,
        ],
    );
}

#[test]
fn a_group_that_mixes_relations_or_targets_is_an_error() {
    assert_invalid(
        "group-mixed.json",
        &[
            r#":19:20: items[0].links[0].group (item "council"): a group is for supports and opposes links, not "enacts""#,
            r#":79:20: items[4].links[0].group (item "reopen"): group "g-targets" mixes targets: this link goes to "buses-only", its first link, items[3].links[0], to "mistake""#,
            r#":84:20: items[4].links[1].group (item "reopen"): group "g-relations" mixes relations: this link opposes, its first link, items[3].links[1], supports"#,
        ],
        "3 errors, 0 warnings",
    );
}

#[test]
fn an_interval_that_ends_before_it_starts_is_an_error() {
    assert_invalid(
        "interval-end-before-start.json",
        &[
            r#":66:17: items[4].when.date (item "closure"): the interval "2019-03/2019-01" ends before it starts"#,
        ],
        "1 error, 0 warnings",
    );
}

#[test]
fn the_built_in_map_and_its_frozen_old_copy_pass_check_strict() {
    run(&["check", "--strict", "../../assets/mexico-drug-war.json"]).code(0);
    run(&["check", "--strict", "builtin-2026-11.json"]).code(0);
}
