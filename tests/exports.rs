//! The exports: golden files of every format on a small hostile fixture, determinism on the
//! built-in document, structural checks, and the real tools (Graphviz, the Argdown CLI) when they
//! are installed. Without them those tests print a notice and pass.

use argscope::export::{Format, export};
use argscope::model::{self, Model};
use std::io::Write;
use std::process::{Command, Stdio};

const SMALL: &str = include_str!("fixtures/exports/small.json");

fn small() -> Model {
    match model::load(SMALL.as_bytes()) {
        Ok(m) => m,
        Err(p) => panic!("the export fixture is invalid: {p:#?}"),
    }
}

fn builtin() -> Model {
    model::builtin()
}

/// A document with no items at all: every export must still be valid in its tool.
fn empty() -> Model {
    let doc =
        r#"{"format": "argscope/1", "document": {"title": "Empty", "text": "x"}, "items": []}"#;
    model::load(doc.as_bytes()).unwrap()
}

fn name(format: Format) -> &'static str {
    match format {
        Format::Markdown => "markdown",
        Format::Json => "json",
        Format::Dot => "dot",
        Format::Argdown => "argdown",
        Format::Aif => "aif",
    }
}

// --- Golden files -------------------------------------------------------------------------------

#[test]
fn markdown_of_the_small_fixture() {
    insta::assert_snapshot!("small.md", export(&small(), Format::Markdown));
}

#[test]
fn json_of_the_small_fixture() {
    insta::assert_snapshot!("small.json", export(&small(), Format::Json));
}

#[test]
fn dot_of_the_small_fixture() {
    insta::assert_snapshot!("small.dot", export(&small(), Format::Dot));
}

#[test]
fn argdown_of_the_small_fixture() {
    insta::assert_snapshot!("small.argdown", export(&small(), Format::Argdown));
}

#[test]
fn aif_of_the_small_fixture() {
    insta::assert_snapshot!("small.aif.json", export(&small(), Format::Aif));
}

/// The built-in article in every format: the briefs a reader would actually share.
#[test]
fn every_format_of_the_built_in_article() {
    for format in [
        Format::Markdown,
        Format::Json,
        Format::Dot,
        Format::Argdown,
        Format::Aif,
    ] {
        insta::assert_snapshot!(
            format!("builtin.{}", name(format)),
            export(&builtin(), format)
        );
    }
}

// --- Properties of every format -----------------------------------------------------------------

#[test]
fn every_export_is_deterministic() {
    // Two separate loads, so that nothing can depend on one HashMap's iteration order.
    let (a, b) = (builtin(), builtin());
    for format in Format::ALL {
        let first = export(&a, format);
        assert!(!first.is_empty(), "{}", name(format));
        assert_eq!(first, export(&b, format), "{} differs", name(format));
        assert_eq!(first, export(&a, format), "{} differs", name(format));
    }
}

#[test]
fn no_control_character_reaches_any_export() {
    let model = small();
    for format in Format::ALL {
        let out = export(&model, format);
        let unsafe_char = |c: char| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        };
        let bad = out.chars().find(|&c| unsafe_char(c));
        assert_eq!(bad, None, "{} holds a control character", name(format));
        // JSON is lossless, so it escapes the ESC; the others show it as a symbol.
        let shown = if format == Format::Json {
            "\\u001b"
        } else {
            "␛"
        };
        assert!(
            out.contains(shown),
            "{}: the ESC is not shown as {shown}",
            name(format)
        );
    }
}

#[test]
fn every_export_ends_with_one_newline() {
    for format in Format::ALL {
        let out = export(&small(), format);
        assert!(
            out.ends_with('\n') && !out.ends_with("\n\n"),
            "{}",
            name(format)
        );
    }
}

#[test]
fn markdown_links_all_resolve_to_anchors() {
    for model in [small(), builtin()] {
        let md = export(&model, Format::Markdown);
        let anchors: Vec<&str> = md
            .split("<a id=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .collect();
        for item in &model.doc.items {
            let anchor = format!("item-{}", item.id);
            assert_eq!(
                anchors.iter().filter(|a| **a == anchor).count(),
                1,
                "{anchor}"
            );
        }
        for target in md.split("](#").skip(1).filter_map(|s| s.split(')').next()) {
            assert!(
                anchors.contains(&target),
                "link to a missing anchor #{target}"
            );
        }
    }
}

#[test]
fn markdown_tables_have_two_cells_per_row() {
    let md = export(&small(), Format::Markdown);
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(rows.len(), 4);
    for row in rows {
        // Unescaped pipes only: the cell separators.
        let pipes = row
            .match_indices('|')
            .filter(|(at, _)| !row[..*at].ends_with('\\'));
        assert_eq!(pipes.count(), 3, "{row}");
    }
}

#[test]
fn aif_routes_supports_through_ra_and_opposes_through_ca() {
    let aif: serde_json::Value = serde_json::from_str(&export(&small(), Format::Aif)).unwrap();
    let nodes = aif["nodes"].as_array().unwrap();
    let of_type = |t: &str| nodes.iter().filter(|n| n["type"] == t).count();
    assert_eq!((of_type("I"), of_type("RA"), of_type("CA")), (12, 2, 1));
    let ids: Vec<&str> = nodes
        .iter()
        .map(|n| n["nodeID"].as_str().unwrap())
        .collect();
    for edge in aif["edges"].as_array().unwrap() {
        assert!(ids.contains(&edge["fromID"].as_str().unwrap()), "{edge}");
        assert!(ids.contains(&edge["toID"].as_str().unwrap()), "{edge}");
    }
    assert_eq!(aif["edges"].as_array().unwrap().len(), 6);
    assert_eq!(aif["locutions"], serde_json::json!([]));
}

#[test]
fn the_command_line_writes_each_format() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = dir.path().join("small.json");
    std::fs::write(&fixture, SMALL).unwrap();
    for format in Format::ALL {
        let out = assert_cmd::Command::cargo_bin("argscope")
            .unwrap()
            .args([
                "export",
                fixture.to_str().unwrap(),
                "--format",
                name(format),
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", name(format));
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            export(&small(), format)
        );
    }
}

#[test]
fn writing_into_a_missing_directory_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("missing/brief.md");
    let run = assert_cmd::Command::cargo_bin("argscope")
        .unwrap()
        .args([
            "export",
            "--format",
            "markdown",
            "-o",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("does not exist"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn output_replaces_an_existing_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.dot");
    std::fs::write(&out, "x".repeat(1 << 20)).unwrap();
    assert_cmd::Command::cargo_bin("argscope")
        .unwrap()
        .args(["export", "--format", "dot", "-o", out.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        export(&builtin(), Format::Dot)
    );
    // Only the output is left behind: the temporary file was renamed over it.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

// --- The real tools -----------------------------------------------------------------------------

/// Runs `program args` with `input` on standard input, or `None` when it is not installed.
fn run(program: &str, args: &[&str], input: &str) -> Option<std::process::Output> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let input = input.to_owned();
    // Write from a thread so a tool that answers before reading everything cannot deadlock us.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().ok()?;
    let _ = writer.join();
    Some(output)
}

fn skip(tool: &str) {
    assert!(
        std::env::var("ARGSCOPE_REQUIRE_EXPORT_TOOLS").as_deref() != Ok("1"),
        "{tool} is required (ARGSCOPE_REQUIRE_EXPORT_TOOLS=1) but not installed"
    );
    eprintln!("notice: {tool} is not installed; skipping (CI installs it, see .ci/run)");
}

#[test]
fn graphviz_reports_warnings_on_stderr() {
    // Proves the check below can fail: Graphviz warns about an unknown shape and carries on.
    let Some(out) = run("dot", &["-Tsvg"], "digraph { a [shape=nonsense] }") else {
        return skip("Graphviz (dot)");
    };
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Warning"));
}

#[test]
fn graphviz_draws_the_dot_export_without_warnings() {
    let [linked, linked_opposes] = linked();
    for model in [small(), builtin(), empty(), linked, linked_opposes] {
        let Some(out) = run("dot", &["-Tsvg"], &export(&model, Format::Dot)) else {
            return skip("Graphviz (dot)");
        };
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "dot failed: {stderr}");
        assert_eq!(stderr, "", "dot warned");
        let svg = String::from_utf8_lossy(&out.stdout);
        // One node per item, and one per linked argument.
        let groups = argscope::model::order::linked_groups(&model).len();
        assert_eq!(
            svg.matches("class=\"node\"").count(),
            model.doc.items.len() + groups
        );
    }
}

/// The Argdown CLI as a command line: `argdown` on the PATH, else an npx-installed one. Looked
/// up once: each start of the CLI costs about half a second.
fn argdown_command() -> Option<&'static [&'static str]> {
    static COMMAND: std::sync::OnceLock<Option<&'static [&'static str]>> =
        std::sync::OnceLock::new();
    *COMMAND.get_or_init(find_argdown)
}

fn find_argdown() -> Option<&'static [&'static str]> {
    let works = |cmd: &[&str]| {
        Command::new(cmd[0])
            .args(&cmd[1..])
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    // `-p … argdown` so that `--version` reaches argdown, not npx (which would answer for itself).
    const CANDIDATES: [&[&str]; 2] = [
        &["argdown"],
        &["npx", "--no", "-p", "@argdown/cli", "argdown"],
    ];
    CANDIDATES.into_iter().find(|cmd| works(cmd))
}

/// Parses Argdown files with the reference CLI into its JSON models, one start of the CLI for
/// all of them. `Err` holds what it printed when it refused one (syntax errors go to stderr,
/// with exit code 1).
fn argdown_json(cmd: &[&str], sources: &[String]) -> Result<Vec<serde_json::Value>, String> {
    let dir = tempfile::tempdir().unwrap();
    for (k, source) in sources.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{k}.argdown")), source).unwrap();
    }
    // In an empty directory, so no argdown.config.js nearby changes how it reads the files.
    let out = Command::new(cmd[0])
        .args(&cmd[1..])
        .args(["json", "*.argdown", "json", "--silent"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if !out.status.success() || !stderr.trim().is_empty() {
        return Err(format!("exit {:?}: {stderr}", out.status.code()));
    }
    (0..sources.len())
        .map(|k| {
            let path = dir.path().join(format!("json/{k}.json"));
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            serde_json::from_slice(&bytes).map_err(|e| format!("not JSON: {e}"))
        })
        .collect()
}

#[test]
fn argdown_cli_refuses_broken_argdown() {
    // Proves the check below can fail: an unclosed emphasis is a syntax error.
    let Some(cmd) = argdown_command() else {
        return skip("the Argdown CLI (npm install -g @argdown/cli)");
    };
    let broken = "[A]: text *unclosed\n  + [B]: b\n".to_owned();
    assert!(argdown_json(cmd, &[broken]).is_err());
}

/// The two fixtures with a linked argument: premises that support a claim together, and premises
/// that oppose one together.
fn linked() -> [Model; 2] {
    let load = |bytes: &[u8]| model::load(bytes).expect("the linked-argument fixtures are valid");
    [
        load(include_bytes!("fixtures/linked-argument.json")),
        load(include_bytes!("fixtures/exports/linked-opposes.json")),
    ]
}

#[test]
fn argdown_cli_parses_the_argdown_export_with_the_same_claims_and_relations() {
    let Some(cmd) = argdown_command() else {
        return skip("the Argdown CLI (npm install -g @argdown/cli)");
    };
    let [linked, linked_opposes] = linked();
    let models = [small(), builtin(), empty(), linked, linked_opposes];
    let sources: Vec<String> = models.iter().map(|m| export(m, Format::Argdown)).collect();
    let parsed = match argdown_json(cmd, &sources) {
        Ok(p) => p,
        Err(e) => panic!("the Argdown CLI refused the export: {e}"),
    };
    for (model, parsed) in models.iter().zip(parsed) {
        let statements = parsed["statements"].as_object().unwrap();
        let groups = argscope::model::order::linked_groups(model);
        let opposing = groups
            .iter()
            .filter(|g| model.relation(g.rel).id == "opposes")
            .count();
        assert_eq!(
            statements.len(),
            model.doc.items.len() + opposing,
            "one statement per item, and one conclusion per group of opposing premises"
        );
        // A statement's item id; a linked argument's own conclusion is named after its group.
        let id_of = |title: &serde_json::Value| {
            let title = title.as_str().unwrap();
            match statements[title]["data"]["id"].as_str() {
                Some(id) => id.to_owned(),
                None => format!("group {}", title.trim_end_matches(" (conclusion)")),
            }
        };
        let mut expected: Vec<(String, &str)> = Vec::new();
        for (from, links) in model.index.outgoing.iter().enumerate() {
            for link in links {
                let kind = match model.relation(link.rel).id.as_str() {
                    "supports" => "support",
                    "opposes" => "attack",
                    _ => continue,
                };
                let (a, b) = (&model.item(from).id, &model.item(link.other).id);
                match argscope::model::order::link_group(model, from, link.link) {
                    // Premises that support together: their argument concludes the target.
                    Some(_) if kind == "support" => {}
                    Some(g) => expected.push((format!("group {g} -> {b}"), kind)),
                    None => expected.push((format!("{a} -> {b}"), kind)),
                }
            }
        }
        let mut found: Vec<(String, &str)> = parsed["relations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let edge = format!("{} -> {}", id_of(&r["from"]), id_of(&r["to"]));
                (edge, r["relationType"].as_str().unwrap())
            })
            .collect();
        expected.sort();
        expected.dedup();
        found.sort();
        assert_eq!(found, expected);
        // One argument per linked group, whose premises are the group's.
        let arguments = parsed["arguments"].as_object().unwrap();
        assert_eq!(arguments.len(), groups.len());
        for group in &groups {
            let argument = &arguments[group.name];
            let pcs = argument["pcs"].as_array().unwrap();
            let premises: Vec<String> = pcs
                .iter()
                .filter(|s| s["role"] == "premise")
                .map(|s| id_of(&s["title"]))
                .collect();
            let want: Vec<String> = group
                .premises
                .iter()
                .map(|&p| model.item(p).id.to_string())
                .collect();
            assert_eq!(premises, want, "{}", group.name);
            let conclusion = pcs.last().unwrap();
            assert_eq!(conclusion["role"], "main-conclusion");
            if model.relation(group.rel).id == "supports" {
                assert_eq!(id_of(&conclusion["title"]), model.item(group.target).id);
            }
        }
        let hostile = statements.values().find(|s| s["data"]["id"] == "hostile");
        if let Some(s) = hostile {
            let quotes = &s["data"]["quotes"];
            assert_eq!(
                quotes[0],
                "Officials insist that it protects national sovereignty"
            );
        }
    }
}

#[test]
fn aif_writes_one_ra_or_ca_node_per_linked_argument_with_all_its_premises() {
    for (model, scheme) in linked().iter().zip(["RA", "CA"]) {
        let aif: serde_json::Value = serde_json::from_str(&export(model, Format::Aif)).unwrap();
        let nodes = aif["nodes"].as_array().unwrap();
        let edges = aif["edges"].as_array().unwrap();
        let node_of = |id: &str| {
            let i = model.index.get(id).unwrap();
            nodes[i]["nodeID"].as_str().unwrap().to_owned()
        };
        let from = |id: &str| -> Vec<String> {
            edges
                .iter()
                .filter(|e| e["fromID"] == id)
                .map(|e| e["toID"].as_str().unwrap().to_owned())
                .collect()
        };
        // Both premises lead into one and the same scheme node…
        let a = from(&node_of("would-persuade"));
        let b = from(&node_of("no-boats"));
        assert_eq!((a.len(), b.len()), (1, 1));
        assert_eq!(a, b, "one node for the group");
        let node = nodes.iter().find(|n| n["nodeID"] == a[0].as_str()).unwrap();
        assert_eq!(node["type"], scheme);
        // …with two premises in and one conclusion out.
        let into = edges.iter().filter(|e| e["toID"] == a[0].as_str()).count();
        assert_eq!(into, 2);
        let target = if scheme == "RA" {
            "demand-fails"
        } else {
            "run-alone"
        };
        assert_eq!(from(&a[0]), [node_of(target)]);
        // Every other argument link keeps a scheme node of its own.
        let schemes = nodes.iter().filter(|n| n["type"] != "I").count();
        let links = model
            .index
            .outgoing
            .iter()
            .flatten()
            .filter(|l| matches!(model.relation(l.rel).id.as_str(), "supports" | "opposes"));
        assert_eq!(schemes, links.count() - 1);
    }
}

#[test]
fn markdown_and_dot_show_a_linked_argument_as_one_node() {
    let [linked, _] = linked();
    let md = export(&linked, Format::Markdown);
    let outline = md
        .lines()
        .skip_while(|l| !l.contains("id=\"argument\""))
        .collect::<Vec<_>>();
    let at = outline
        .iter()
        .position(|l| {
            l.contains(
                "**Linked argument** “capacity-rebuttal”: these 2 premises together — *supports*",
            )
        })
        .unwrap_or_else(|| panic!("{md}"));
    // Its premises are nested under it, without a relation of their own.
    for (line, id) in outline[at + 1..].iter().zip(["would-persuade", "no-boats"]) {
        assert!(line.contains(&format!("(#item-{id})")), "{line}");
        assert!(!line.contains("*supports*"), "{line}");
    }
    assert!(
        md.contains("; linked argument “capacity-rebuttal”)"),
        "{md}"
    );
    let dot = export(&linked, Format::Dot);
    let junction = "\"group:capacity-rebuttal\"";
    assert_eq!(
        dot.matches(&format!("{junction} [label=")).count(),
        1,
        "{dot}"
    );
    for premise in ["would-persuade", "no-boats"] {
        let edge = format!("\"{premise}\" -> {junction} [arrowhead=none");
        assert!(dot.contains(&edge), "{dot}");
    }
    assert!(dot.contains(&format!(
        "{junction} -> \"demand-fails\" [label=\"supports\""
    )));
    assert!(
        dot.contains("\"demand-fails\" [label=\"The demand to run the ferry\\nalone does not persuade now\", shape=box, style=\"filled,dashed\""),
        "an unstated claim is dashed:\n{dot}"
    );
}

#[test]
fn markdown_says_a_group_of_one_premise_in_the_singular() {
    let mut doc: serde_json::Value =
        serde_json::from_slice(include_bytes!("fixtures/linked-argument.json")).unwrap();
    // One of the two premises leaves the group: a group of one (check warns; it still loads).
    for item in doc["items"].as_array_mut().unwrap() {
        if item["id"] == "no-boats" {
            item["links"][0].as_object_mut().unwrap().remove("group");
        }
    }
    let m = model::load(serde_json::to_string(&doc).unwrap().as_bytes()).expect("loads");
    let md = export(&m, Format::Markdown);
    assert!(
        md.contains("“capacity-rebuttal”: this 1 premise alone"),
        "{md}"
    );
    assert!(!md.contains("1 premises"), "{md}");
}
