//! The adversarial section of the scale benchmark (`cargo bench --bench scale -- adversarial`):
//! each class of attack of issue 17 at two sizes, the second twice the first, timed (CPU) and
//! measured (peak resident memory) in a process of its own, and the growth of each for twice the
//! input. The target is at most 2.3x for both. The generators are those of the adversarial tests
//! (`benches/support/adversarial_docs.rs`), which count the same work instead of timing it.

use super::adversarial_docs as docs;
use std::path::Path;
use std::process::Command;

/// Set in the child process that runs one attack: `CLASS SIZE PATH`.
pub const ENV: &str = "ARGSCOPE_ADVERSARIAL_CHILD";
/// The most twice the input may cost, as a multiple of the cost of the input.
const MAX_GROWTH: f64 = 2.3;
/// Runs of each attack; the median time is kept.
const RUNS: usize = 3;

/// A class: its name, what the input is, the smaller size, the document's generator (none: the
/// built-in document), and the keys typed (`{m}` is replaced by the size for a query).
struct Class {
    name: &'static str,
    input: &'static str,
    n: usize,
    generate: Option<fn(usize) -> String>,
}

fn text_of_a(n: usize) -> String {
    let text = "a ".repeat(n / 2);
    docs::document(
        text.trim_end(),
        serde_json::json!([
            {"id": "t", "kind": "claim", "role": "thesis", "title": "a", "quotes": ["a a"],
             "links": [{"rel": "mentions", "to": "u"}]},
            {"id": "u", "kind": "actor", "title": "a", "quotes": ["a a a"]},
        ]),
        serde_json::json!({}),
    )
}

fn classes() -> Vec<Class> {
    let c = |name, input, n, generate| Class {
        name,
        input,
        n,
        generate,
    };
    vec![
        c(
            "1 anchor: one quote found loosely everywhere",
            "file",
            1_000_000,
            Some(docs::quote_found_everywhere_loosely),
        ),
        c(
            "1 anchor: many quotes of a recurring phrase",
            "file",
            2_000_000,
            Some(docs::many_quotes_of_a_repeated_phrase),
        ),
        c(
            "2 fold: one line, double-spaced sentences",
            "file",
            4_000_000,
            Some(docs::double_spaced_line),
        ),
        c(
            "3 did you mean: many unknown ids",
            "file",
            2_000_000,
            Some(docs::unknown_long_ids),
        ),
        c(
            "3 did you mean: two long ids",
            "file",
            4_000_000,
            Some(docs::long_malformed_ids),
        ),
        c(
            "4 matrix: x, moves, G (frames drawn)",
            "file",
            2_000_000,
            Some(docs::wide_matrix),
        ),
        c(
            "5 markdown: a deep chain of claims",
            "file",
            2_000_000,
            Some(docs::claim_chain),
        ),
        c(
            "6 compare: two hubs, G (frames drawn)",
            "file",
            2_000_000,
            Some(docs::two_hubs),
        ),
        c(
            "6 prepared: unpaired columns, G",
            "file",
            1_000_000,
            Some(docs::unpaired_comparison),
        ),
        c(
            "6 pairs: a comparison of many pairs",
            "file",
            1_000_000,
            Some(docs::many_pairs),
        ),
        c(
            "7 problems: a long id, many problems",
            "file",
            4_000_000,
            Some(docs::long_id_many_problems),
        ),
        c("8 text search: narrowing 'a a a…'", "query", 400, None),
        c("8 search prompt: a pasted query", "query", 32_000, None),
        c("8 palette: a pasted query", "query", 32_000, None),
    ]
}

/// Runs the section and prints its table.
pub fn run(dir: &Path) {
    println!("\nadversarial documents, queries and keys (issue 17): each class at two sizes");
    println!(
        "  {:<46} {:>6} {:>10} {:>10} {:>6} | {:>8} {:>8} {:>6}",
        "class", "input", "size", "ms", "x", "peak MB", "", "x"
    );
    let mut worst: f64 = 0.0;
    let mut failed = Vec::new();
    for (k, class) in classes().iter().enumerate() {
        let mut figures = Vec::new();
        for n in [class.n, class.n * 2] {
            let path = dir.join(format!("adversarial-{k}-{n}.json"));
            let file = match class.generate {
                Some(generate) => {
                    let doc = generate(n);
                    if let Err(e) = std::fs::write(&path, &doc) {
                        eprintln!("adversarial: cannot write {}: {e}", path.display());
                        return;
                    }
                    doc.len()
                }
                None => {
                    let doc = if k == 11 {
                        text_of_a(200_000)
                    } else {
                        String::new()
                    };
                    let _ = std::fs::write(&path, &doc);
                    n
                }
            };
            let mut times = Vec::new();
            let mut peak = 0;
            for _ in 0..RUNS {
                if let Some((ms, rss)) = child_process(k, n, &path) {
                    times.push(ms);
                    peak = rss;
                }
            }
            times.sort_by(f64::total_cmp);
            let ms = times.get(times.len() / 2).copied().unwrap_or(f64::NAN);
            figures.push((file, ms, peak as f64 / 1e6));
        }
        let [(s_size, s_ms, s_mb), (l_size, l_ms, l_mb)] = [figures[0], figures[1]];
        // Times under a few milliseconds are noise on a shared machine: judged from 5 ms up.
        let time_growth = l_ms.max(5.0) / s_ms.max(5.0);
        let mem_growth = l_mb / s_mb;
        worst = worst.max(time_growth).max(mem_growth);
        if time_growth > MAX_GROWTH || mem_growth > MAX_GROWTH || !time_growth.is_finite() {
            failed.push(class.name);
        }
        println!(
            "  {:<46} {:>6} {:>10} {:>10.1} {:>6} | {:>8.1} {:>8} {:>6}",
            class.name, class.input, s_size, s_ms, "", s_mb, "", ""
        );
        println!(
            "  {:<46} {:>6} {:>10} {:>10.1} {:>6.2} | {:>8.1} {:>8} {:>6.2}",
            "", "", l_size, l_ms, time_growth, l_mb, "", mem_growth
        );
    }
    println!(
        "target: twice the input costs at most {MAX_GROWTH}x the time and the memory: {} (worst {worst:.2}x)",
        if failed.is_empty() {
            "holds".to_owned()
        } else {
            format!("misses for {}", failed.join(", "))
        }
    );
}

/// Runs class `k` at size `n` in a process of its own: its CPU time (ms) and peak memory.
fn child_process(k: usize, n: usize, path: &Path) -> Option<(f64, u64)> {
    let exe = std::env::current_exe().ok()?;
    let arg = format!("{k} {n} {}", path.display());
    let out = Command::new(exe).env(ENV, arg).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut words = text.split_whitespace();
    let ms = words.next()?.parse().ok()?;
    let rss = words.next()?.parse().ok()?;
    Some((ms, rss))
}

/// The child: reads the document, then times the attack and prints its CPU time and the peak
/// resident memory of the process.
pub fn child(arg: &str) {
    let mut words = arg.splitn(3, ' ');
    let (Some(k), Some(n), Some(path)) = (words.next(), words.next(), words.next()) else {
        return;
    };
    let (Ok(k), Ok(n)) = (k.parse::<usize>(), n.parse::<usize>()) else {
        return;
    };
    let bytes = std::fs::read(path).unwrap_or_default();
    let ms = attack(k, n, bytes);
    println!("{ms} {}", super::vm_hwm().unwrap_or(0));
}

/// Runs class `k` and gives the CPU time of the attack: of loading for the classes that attack
/// loading, of what follows loading (keys and frames, or the export) for the others, since the
/// scale benchmark times loading itself.
fn attack(k: usize, n: usize, bytes: Vec<u8>) -> f64 {
    let timed = |f: &dyn Fn()| {
        let start = super::thread_cpu_ms();
        f();
        super::thread_cpu_ms() - start
    };
    use argscope::app::{Action, App, Options};
    let explore = |model: argscope::model::Model, keys: &str, draw_each: bool| {
        let mut app = App::new(model, Options::default());
        app.update(Action::Resize(super::WIDTH, super::HEIGHT));
        let mut terminal = super::test_terminal();
        for key in argscope::app::keys::parse(keys).unwrap_or_default() {
            app.handle_key(key);
            app.effects.clear();
            if draw_each {
                super::draw(&mut terminal, &app);
            }
        }
        super::draw(&mut terminal, &app);
    };
    let problems = |r: Result<argscope::model::Model, Vec<argscope::model::Problem>>| {
        let printed: usize = match &r {
            Ok(m) => m.warnings.iter().map(|p| p.to_string().len()).sum(),
            Err(ps) => ps.iter().map(|p| p.to_string().len()).sum(),
        };
        std::hint::black_box(printed);
        r.ok()
    };
    let loaded = |bytes: Vec<u8>| problems(argscope::model::load_owned(bytes));
    let after_loading = |bytes: Vec<u8>, then: &dyn Fn(argscope::model::Model)| {
        let model = loaded(bytes);
        let start = super::thread_cpu_ms();
        if let Some(m) = model {
            then(m);
        }
        super::thread_cpu_ms() - start
    };
    match k {
        5 => after_loading(bytes, &|m| explore(m, "xjjjGlll<End>", true)),
        6 => after_loading(bytes, &|m| {
            let md = argscope::export::export(&m, argscope::export::Format::Markdown);
            std::hint::black_box(md.len());
        }),
        7 => after_loading(bytes, &|m| explore(m, "2jcjcG<PgUp>G", true)),
        8 => after_loading(bytes, &|m| explore(m, "C<Enter>G<PgUp>G", true)),
        11 => after_loading(bytes, &|m| {
            explore(m, &format!("6/{}", "a ".repeat(n / 2)), true)
        }),
        12 | 13 => {
            let prompt = if k == 12 { "/" } else { ":" };
            let model = argscope::model::builtin();
            let start = super::thread_cpu_ms();
            explore(model, &format!("{prompt}{}", "a".repeat(n)), false);
            super::thread_cpu_ms() - start
        }
        _ => {
            let cell = std::cell::Cell::new(Some(bytes));
            timed(&|| {
                if let Some(bytes) = cell.take() {
                    loaded(bytes);
                }
            })
        }
    }
}
