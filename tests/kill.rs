//! A kill -9 in the middle of saves never leaves a broken file: the explorer's saver writes a
//! temporary file beside the map, syncs it and renames it over, so the map on disk is always a
//! whole version, the old one or the new one.

// The explorer's test-only churn path is in debug builds only (`cargo test`, not `--release`).
#![cfg(all(unix, debug_assertions))]

#[path = "../examples/synth.rs"]
#[allow(dead_code)]
mod synth;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn a_sigkill_during_saves_always_leaves_a_file_that_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.json");
    // A few megabytes: each save takes long enough to be caught in the middle.
    let original = synth::generate(4_000, 3);
    assert!(original.len() > 2_000_000, "{} bytes", original.len());
    std::fs::write(&path, &original).unwrap();
    let mut versions = std::collections::HashSet::new();
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let start = Instant::now();
    for round in 0..30 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_argscope"))
            .env("ARGSCOPE_TEST_CHURN", &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Wait until it is saving, then let it save for a random while (0–120 ms).
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "saving", "round {round}");
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(seed % 120));
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        assert!(!status.success(), "round {round}: it was killed, not done");
        let bytes = std::fs::read(&path).unwrap();
        if let Err(problems) = argscope::model::load(&bytes) {
            panic!("round {round}: the file does not load after a kill: {problems:?}");
        }
        versions.insert(bytes.len());
    }
    // The kills landed on both versions (with the item and without), so they did interrupt
    // saves in progress rather than an idle process.
    assert!(versions.len() >= 2, "only one version seen: {versions:?}");
    assert!(start.elapsed() < Duration::from_secs(120));
    // Temporary files a kill left behind are beside the map, never in its place.
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let name = entry.unwrap().file_name();
        let name = name.to_string_lossy();
        assert!(name == "large.json" || name.starts_with(".tmp"), "{name}");
    }
}
