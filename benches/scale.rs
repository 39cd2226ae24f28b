//! The scale benchmark: `cargo bench --bench scale [-- N...]`.
//!
//! For N = 1,000, 10,000 and 100,000 items (or the Ns given), it generates a document with
//! `examples/synth.rs`, then measures loading, the first frame, frames while moving, search per
//! keystroke and peak memory, each beside a baseline measured in the same run on the same data:
//! `jq empty` on the file and `grep -F -i -c` on the folded text. It prints a table and writes
//! the figures to `target/scale-bench.json`. BENCHMARKS.md says what each figure means.
//!
//! Every time is taken twice: as CPU time (of this thread, or of the child process for jq and
//! grep) and as wall-clock time. The CPU times are the primary figures: on a shared machine the
//! wall clock also counts the time other processes held the core.

#[path = "../examples/synth.rs"]
#[allow(dead_code)]
mod synth;

#[path = "support/adversarial_docs.rs"]
mod adversarial_docs;

#[path = "support/adversarial_bench.rs"]
mod adversarial;

use argscope::app::{App, Options, keys};
use argscope::model::fold::{Fold, fold_into};
use argscope::model::search::{fold_query, for_each_field};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
const SEED: u64 = 1;
const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
const FRAMES: usize = 200;
/// A common word, a rare word, an absent word and one with diacritics, typed as a reader would.
const QUERIES: [&str; 4] = ["government", "quetzal", "xylograph", "mérida"];
/// Runs of the search measurement; the median run is kept.
const RUNS: usize = 5;
/// Runs of the frame measurement: more, because a frame's 99th percentile (the third slowest of
/// 200) is what one burst of load on a shared machine moves most.
const FRAME_RUNS: usize = 11;
/// Set in the child process that measures peak memory: the path of the document to load.
const CHILD_ENV: &str = "ARGSCOPE_SCALE_CHILD";
/// Rounds of processes the frames are measured in, a process a size; the median is kept. Where in
/// memory a large document lands differs from one process to the next, and moves a frame's cost
/// at 100,000 items by up to a tenth either way.
const FRAME_PROCESSES: usize = 5;
/// Set in the child process that measures frames: the path of the document to draw.
const FRAMES_ENV: &str = "ARGSCOPE_SCALE_FRAMES";

/// A duration as CPU time and as wall-clock time, in milliseconds.
#[derive(Debug, Clone, Copy, Default)]
struct Ms {
    cpu: f64,
    wall: f64,
}

/// Times `f` on this thread.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Ms) {
    let (c, w) = (thread_cpu_ms(), Instant::now());
    let out = f();
    let ms = Ms {
        cpu: thread_cpu_ms() - c,
        wall: w.elapsed().as_secs_f64() * 1e3,
    };
    (out, ms)
}

/// Medians (or percentiles) of CPU and wall times, each taken on its own.
fn percentile_ms(v: &[Ms], p: f64) -> Ms {
    Ms {
        cpu: percentile(&mut v.iter().map(|m| m.cpu).collect::<Vec<_>>(), p),
        wall: percentile(&mut v.iter().map(|m| m.wall).collect::<Vec<_>>(), p),
    }
}

/// The figures for one N, as written to `target/scale-bench.json`.
struct Figures {
    items: usize,
    file_bytes: usize,
    load: Ms,
    jq: Option<Ms>,
    first_frame: Ms,
    frame_p50: Ms,
    frame_p99: Ms,
    search_p50: Ms,
    search_p99: Ms,
    /// The first keystroke of the first Text-pane search (in the percentiles too): the text is
    /// folded at load, so this is a keystroke like the others.
    search_first_text: Ms,
    grep: Option<Ms>,
    /// Peak memory of the whole run: opening, the first frame and a Text-pane search.
    peak_rss_bytes: Option<u64>,
    /// Peak memory of opening and drawing the first frame alone.
    peak_rss_open_bytes: Option<u64>,
    /// Adding an item with a quote and a link through `App::change` (the median of a few adds,
    /// each undone after): what a reader waits for. The file is read and scanned by the first
    /// change of a session, which is timed apart (`edit_first`).
    edit: Ms,
    edit_first: Ms,
}

fn main() {
    if let Ok(path) = std::env::var(CHILD_ENV) {
        child(Path::new(&path));
        return;
    }
    if let Some(path) = std::env::var_os(FRAMES_ENV) {
        frames_child(Path::new(&path));
        return;
    }
    if let Ok(arg) = std::env::var(adversarial::ENV) {
        adversarial::child(&arg);
        return;
    }
    // `-- adversarial` runs that section alone; a run without sizes ends with it.
    let only_adversarial = std::env::args().skip(1).any(|a| a == "adversarial");
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace(['_', ','], "").parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        SIZES.to_vec()
    } else {
        sizes
    };
    let target = target_dir();
    let dir = target.join("scale");
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("scale: cannot create {}: {e}", dir.display());
        std::process::exit(1);
    }
    if only_adversarial {
        adversarial::run(&dir);
        return;
    }
    let sizes_given = std::env::args()
        .skip(1)
        .any(|a| a.replace(['_', ','], "").parse::<usize>().is_ok());
    let jq = tool_version("jq", &["--version"]);
    let grep = tool_version("grep", &["--version"]);
    println!(
        "argscope scale benchmark: {WIDTH}x{HEIGHT}, seed {SEED}; jq: {}; grep: {}",
        jq.as_deref().unwrap_or("n/a"),
        grep.as_deref().unwrap_or("n/a")
    );
    let mut docs = Vec::new();
    for &n in &sizes {
        eprintln!("N = {n}: generating");
        let path = dir.join(format!("synth-{n}.json"));
        let doc = synth::generate(n, SEED);
        if let Err(e) = std::fs::write(&path, &doc) {
            eprintln!("scale: cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
        docs.push((n, path, doc.len()));
    }
    let paths: Vec<&Path> = docs.iter().map(|(_, path, _)| path.as_path()).collect();
    let frames = frames(&paths);
    let mut all = Vec::new();
    for ((n, path, file_bytes), frames) in docs.iter().zip(frames) {
        let tools = (jq.is_some(), grep.is_some());
        all.push(measure(*n, path, *file_bytes, frames, tools, &dir));
    }
    print_table(&all);
    let json = to_json(&all);
    let out = target.join("scale-bench.json");
    match std::fs::write(&out, json) {
        Ok(()) => println!("\nwritten: {}", out.display()),
        Err(e) => eprintln!("scale: cannot write {}: {e}", out.display()),
    }
    if !sizes_given {
        adversarial::run(&dir);
    }
}

/// Everything but the frames (measured beforehand, see [`frames`]) for the document of `n` items
/// at `path`; `tools` says whether jq and grep are there for the baselines.
fn measure(
    n: usize,
    path: &Path,
    file_bytes: usize,
    frames: FrameFigures,
    (has_jq, has_grep): (bool, bool),
    dir: &Path,
) -> Figures {
    let runs = if n >= 100_000 { 3 } else { RUNS };

    eprintln!("N = {n}: load and jq, {runs} runs each");
    let mut load = Vec::new();
    let mut jq = Vec::new();
    for _ in 0..runs {
        let (model, took) = timed(|| load_file(path));
        load.push(took);
        drop(model);
        if has_jq {
            jq.push(time_command("jq", &["empty".as_ref(), path.as_os_str()]));
        }
    }

    // The explorer as search finds it: opened, its first frame drawn (frames are measured in a
    // process of their own, see `frames`).
    let model = load_file(path);
    let mut terminal = test_terminal();
    let mut app = App::new(model, Options::default());
    app.update(argscope::app::Action::Resize(WIDTH, HEIGHT));
    draw(&mut terminal, &app);

    // Each run types every query in the Timeline and then in the Text pane, one keystroke at a
    // time (timed: the search and the move of the selection), and draws after each.
    eprintln!("N = {n}: {RUNS} runs of search");
    let mut search_p50 = Vec::new();
    let mut search_p99 = Vec::new();
    let mut search_first_text = Ms::default();
    for run in 0..RUNS {
        let mut search = Vec::new();
        for pane in ["1", "6"] {
            for query in QUERIES {
                app.handle_key(key(pane));
                app.handle_key(key("/"));
                for (k, c) in query.chars().enumerate() {
                    let typed = key(&c.to_string());
                    let ((), took) = timed(|| app.handle_key(typed));
                    if run == 0 && pane == "6" && query == QUERIES[0] && k == 0 {
                        search_first_text = took;
                    }
                    search.push(took);
                    draw(&mut terminal, &app);
                }
                app.handle_key(key("<Esc>"));
            }
        }
        search_p50.push(percentile_ms(&search, 50.0));
        search_p99.push(percentile_ms(&search, 99.0));
    }
    eprintln!("N = {n}: {RUNS} edits");
    let (edit_first, edit) = edits(&mut app, path);
    let folded = dir.join(format!("synth-{n}.folded.txt"));
    write_folded(&app, &folded);
    drop(app);
    let grep = has_grep.then(|| {
        eprintln!("N = {n}: grep");
        let mut times = Vec::new();
        for query in QUERIES {
            let Some((q, _)) = fold_query(query) else {
                continue;
            };
            for _ in 0..runs {
                times.push(time_command(
                    "grep",
                    &[
                        "-F".as_ref(),
                        "-i".as_ref(),
                        "-c".as_ref(),
                        q.as_ref(),
                        folded.as_os_str(),
                    ],
                ));
            }
        }
        percentile_ms(&times, 50.0)
    });

    eprintln!("N = {n}: peak memory");
    let (peak_rss_open_bytes, peak_rss_bytes) = peak_rss(path);

    Figures {
        items: n,
        file_bytes,
        load: percentile_ms(&load, 50.0),
        jq: has_jq.then(|| percentile_ms(&jq, 50.0)),
        first_frame: frames.first,
        frame_p50: frames.p50,
        frame_p99: frames.p99,
        search_p50: percentile_ms(&search_p50, 50.0),
        search_p99: percentile_ms(&search_p99, 50.0),
        search_first_text,
        grep,
        peak_rss_bytes,
        peak_rss_open_bytes,
        edit,
        edit_first,
    }
}

/// Adds an item quoting the text and linked to the first item through `App::change`, as the
/// add form does, `RUNS` times, each undone after (untimed). Nothing is saved: the save is the
/// saver thread's, off the UI thread. Gives the first change (which reads the file) and the
/// median of the rest.
fn edits(app: &mut App, path: &Path) -> (Ms, Ms) {
    use argscope::app::annotate::{Change, Target};
    use argscope::model::{Link, Quote};
    app.file = Some(path.to_path_buf());
    app.edits.target = Target::File(path.to_path_buf());
    app.edits.read_as = argscope::watch::stamp(path);
    let text = &app.model.doc.document.text;
    let quote: String = text
        .split_whitespace()
        .skip(3)
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    let first = app.model.item(0).clone();
    let rel = app.model.doc.relations[0].id.clone();
    let item = |k: usize| {
        let mut it = first.clone();
        it.id = format!("bench-added-{k}").into();
        it.title = format!("Added by the benchmark {k}");
        it.quotes = vec![Quote {
            exact: quote.clone(),
            prefix: None,
            suffix: None,
        }];
        it.links = vec![Link {
            rel: rel.as_str().into(),
            to: first.id.clone(),
            group: None,
            note: None,
        }];
        it
    };
    let mut times = Vec::new();
    let mut first_change = Ms::default();
    for k in 0..=RUNS {
        let (result, took) = timed(|| app.change(Change::AddItem(item(k))));
        if let Err(e) = result {
            panic!("the benchmark's add was refused: {e}");
        }
        if k == 0 {
            first_change = took;
        } else {
            times.push(took);
        }
        app.undo();
    }
    (first_change, percentile_ms(&times, 50.0))
}

/// Reads and loads a document, as `argscope FILE` does.
fn load_file(path: &Path) -> argscope::model::Model {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => panic!("cannot read {}: {e}", path.display()),
    };
    match argscope::model::load_owned(bytes) {
        Ok(m) => m,
        Err(problems) => panic!("the synthetic document is invalid: {problems:#?}"),
    }
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    if let Err(e) = terminal.draw(|f| argscope::ui::draw(app, f)) {
        panic!("a test backend cannot fail: {e}");
    }
}

fn key(notation: &str) -> argscope::app::Key {
    match keys::parse(notation).ok().and_then(|k| k.first().copied()) {
        Some(k) => k,
        None => panic!("not a key: {notation}"),
    }
}

/// What search scans, written out for grep: every item's fields folded as a lower-case query
/// folds them (one line per item), then the text folded the same way.
fn write_folded(app: &App, path: &Path) {
    let doc = &app.model.doc;
    let mut out = String::new();
    for item in &doc.items {
        for_each_field(item, |field| {
            fold_into(field, Fold::Loose, &mut out, None);
            out.push(' ');
        });
        out.push('\n');
    }
    for para in doc.document.text.split('\n') {
        fold_into(para, Fold::Loose, &mut out, None);
        out.push('\n');
    }
    if let Err(e) = std::fs::write(path, out) {
        panic!("cannot write {}: {e}", path.display());
    }
}

/// The CPU time (user and system, from the kernel's accounting of the child) and the wall-clock
/// time of a command. Its output goes to a pipe, not to /dev/null: GNU grep notices /dev/null and
/// stops at the first match.
fn time_command(program: &str, args: &[&std::ffi::OsStr]) -> Ms {
    let cpu = children_cpu_ms();
    let wall = Instant::now();
    let status = Command::new(program)
        .args(args)
        .env("LC_ALL", "C.UTF-8")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .map(|out| out.status);
    let took = Ms {
        wall: wall.elapsed().as_secs_f64() * 1e3,
        cpu: children_cpu_ms() - cpu,
    };
    match status {
        // grep -c exits 1 when nothing matches: still a full pass.
        Ok(s) if s.success() || (program == "grep" && s.code() == Some(1)) => took,
        other => panic!("{program} failed: {other:?}"),
    }
}

fn tool_version(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    out.status
        .success()
        .then(|| text.lines().next().unwrap_or("").trim().to_owned())
}

/// The first frame and the frames while moving, for one document.
#[derive(Clone, Copy)]
struct FrameFigures {
    first: Ms,
    p50: Ms,
    p99: Ms,
}

/// Measures the frames of every document in child processes (this program again), a process a
/// document, as a reader's `argscope FILE` draws them: a process that has opened its document and
/// done nothing else, not this one after generating and loading every size again and again. The
/// processes take the sizes in turn, [`FRAME_PROCESSES`] rounds of them, so that a slow minute on
/// a shared machine falls on every size alike; each figure is its median over the rounds.
fn frames(paths: &[&Path]) -> Vec<FrameFigures> {
    eprintln!(
        "frames: {FRAME_PROCESSES} rounds of a process a size, each {FRAME_RUNS} runs of {FRAMES} frames"
    );
    let processes: Vec<Vec<FrameFigures>> = (0..FRAME_PROCESSES)
        .map(|_| paths.iter().map(|path| frames_process(path)).collect())
        .collect();
    let median = |pick: fn(&FrameFigures) -> Ms, doc: usize| {
        let v: Vec<Ms> = processes.iter().map(|p| pick(&p[doc])).collect();
        percentile_ms(&v, 50.0)
    };
    (0..paths.len())
        .map(|doc| FrameFigures {
            first: median(|f| f.first, doc),
            p50: median(|f| f.p50, doc),
            p99: median(|f| f.p99, doc),
        })
        .collect()
}

/// One child process's frame figures for the document at `path`.
fn frames_process(path: &Path) -> FrameFigures {
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => panic!("cannot find this benchmark's executable: {e}"),
    };
    let out = match Command::new(exe).env(FRAMES_ENV, path).output() {
        Ok(out) if out.status.success() => out,
        Ok(out) => panic!(
            "the frame measurement failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => panic!("cannot run the frame measurement: {e}"),
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let v: Vec<f64> = text
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert_eq!(v.len(), 6, "the frame measurement printed: {text}");
    let ms = |i: usize| Ms {
        cpu: v[i],
        wall: v[i + 1],
    };
    FrameFigures {
        first: ms(0),
        p50: ms(2),
        p99: ms(4),
    }
}

/// The child of [`frames`]: opens the document, draws its first frame (timed), then runs the
/// frames; prints one line: the first frame, p50 and p99, each as CPU and wall time.
fn frames_child(path: &Path) {
    let model = load_file(path);
    let mut terminal = test_terminal();
    let (mut app, first) = timed(|| {
        let mut app = App::new(model, Options::default());
        app.update(argscope::app::Action::Resize(WIDTH, HEIGHT));
        draw(&mut terminal, &app);
        app
    });
    // Each run: down the Timeline from its top, on to the next pane every 50 frames (each pane
    // from its top too, so that every run is the same: in a full pane, half its frames scroll).
    // A frame's cost is its median over the runs (the same key on the same state each time), so
    // that a burst of load on a shared machine does not decide it; the percentiles are those of
    // the 200 frames' costs.
    let down = key("j");
    let next = key("<Tab>");
    let mut frames: Vec<Vec<Ms>> = (0..FRAMES)
        .map(|_| Vec::with_capacity(FRAME_RUNS))
        .collect();
    for _ in 0..FRAME_RUNS {
        for k in ["4", "g", "3", "g", "2", "g", "1", "g"] {
            app.handle_key(key(k));
        }
        for (k, runs) in frames.iter_mut().enumerate() {
            let ((), took) = timed(|| {
                app.handle_key(if k % 50 == 49 { next } else { down });
                draw(&mut terminal, &app);
            });
            runs.push(took);
        }
    }
    let costs: Vec<Ms> = frames
        .iter()
        .map(|runs| percentile_ms(runs, 50.0))
        .collect();
    let (p50, p99) = (percentile_ms(&costs, 50.0), percentile_ms(&costs, 99.0));
    println!(
        "{} {} {} {} {} {}",
        first.cpu, first.wall, p50.cpu, p50.wall, p99.cpu, p99.wall
    );
}

fn test_terminal() -> Terminal<TestBackend> {
    match Terminal::new(TestBackend::new(WIDTH, HEIGHT)) {
        Ok(t) => t,
        Err(e) => panic!("a test backend cannot fail: {e}"),
    }
}

/// Peak resident memory of loading, indexing and drawing the first frame, measured in a child
/// process (this program again) so that nothing else the benchmark holds counts; then the peak
/// of the whole run, once a search in the Text pane has run too.
fn peak_rss(path: &Path) -> (Option<u64>, Option<u64>) {
    let Ok(exe) = std::env::current_exe() else {
        return (None, None);
    };
    let Ok(out) = Command::new(exe).env(CHILD_ENV, path).output() else {
        return (None, None);
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let mut figures = text.split_whitespace().map(|w| w.parse::<u64>().ok());
    (figures.next().flatten(), figures.next().flatten())
}

fn child(path: &Path) {
    let model = load_file(path);
    let mut app = App::new(model, Options::default());
    app.update(argscope::app::Action::Resize(WIDTH, HEIGHT));
    let mut terminal = test_terminal();
    draw(&mut terminal, &app);
    let first = vm_hwm();
    for k in ["6", "/", "g"] {
        app.handle_key(key(k));
    }
    draw(&mut terminal, &app);
    let search = vm_hwm();
    let show = |v: Option<u64>| v.map_or("n/a".to_owned(), |b| b.to_string());
    println!("{} {}", show(first), show(search));
}

/// The peak resident set size so far (Linux), in bytes.
fn vm_hwm() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[cfg(target_os = "linux")]
mod cpu {
    //! CPU clocks from libc, declared here rather than pulling in a crate for two calls.

    #[repr(C)]
    struct Timespec {
        tv_sec: i64,
        tv_nsec: i64,
    }

    #[repr(C)]
    struct Timeval {
        tv_sec: i64,
        tv_usec: i64,
    }

    #[repr(C)]
    struct Rusage {
        utime: Timeval,
        stime: Timeval,
        /// maxrss and the other counters, unused here.
        rest: [i64; 14],
    }

    unsafe extern "C" {
        fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
        fn getrusage(who: i32, usage: *mut Rusage) -> i32;
    }

    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    const RUSAGE_CHILDREN: i32 = -1;

    /// CPU time of the calling thread, in milliseconds.
    pub fn thread_ms() -> f64 {
        let mut ts = Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
        let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
        if rc != 0 {
            return f64::NAN;
        }
        ts.tv_sec as f64 * 1e3 + ts.tv_nsec as f64 / 1e6
    }

    /// User and system CPU time of every child waited for so far, in milliseconds.
    pub fn children_ms() -> f64 {
        let zero = || Timeval {
            tv_sec: 0,
            tv_usec: 0,
        };
        let mut ru = Rusage {
            utime: zero(),
            stime: zero(),
            rest: [0; 14],
        };
        // SAFETY: `ru` is a valid, writable rusage for the duration of the call.
        let rc = unsafe { getrusage(RUSAGE_CHILDREN, &mut ru) };
        if rc != 0 {
            return f64::NAN;
        }
        let ms = |t: &Timeval| t.tv_sec as f64 * 1e3 + t.tv_usec as f64 / 1e3;
        ms(&ru.utime) + ms(&ru.stime)
    }
}

#[cfg(target_os = "linux")]
fn thread_cpu_ms() -> f64 {
    cpu::thread_ms()
}

#[cfg(target_os = "linux")]
fn children_cpu_ms() -> f64 {
    cpu::children_ms()
}

#[cfg(not(target_os = "linux"))]
fn thread_cpu_ms() -> f64 {
    f64::NAN
}

#[cfg(not(target_os = "linux"))]
fn children_cpu_ms() -> f64 {
    f64::NAN
}

/// `target/`, found from this executable (`target/release/deps/scale-…`).
fn target_dir() -> PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.parent()?.to_path_buf()))
        .unwrap_or_else(|| PathBuf::from("target"))
}

/// The nearest-rank percentile.
fn percentile(v: &mut [f64], p: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * v.len() as f64).ceil() as usize;
    v[rank.clamp(1, v.len()) - 1]
}

fn opt(v: Option<f64>, digits: usize) -> String {
    v.filter(|x| x.is_finite())
        .map_or("n/a".to_owned(), |x| format!("{x:.digits$}"))
}

fn ratio(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    Some(a? / b?).filter(|r| r.is_finite())
}

fn mb(b: u64) -> f64 {
    b as f64 / 1e6
}

fn print_table(all: &[Figures]) {
    // Frames are compared with a document whose screen is as full (1,000 items fill every pane
    // at 200x60): 10,000 items, else 1,000, else the smallest.
    let base = all
        .iter()
        .find(|f| f.items == 10_000)
        .or_else(|| all.iter().find(|f| f.items == 1_000))
        .or(all.first());
    for (title, pick) in [
        (
            "CPU time (ms; jq and grep: user + system of the child)",
            (|m: &Ms| m.cpu) as fn(&Ms) -> f64,
        ),
        ("wall-clock time (ms)", |m: &Ms| m.wall),
    ] {
        println!("\n{title}");
        println!(
            "{:>7} {:>7} | {:>8} {:>8} {:>6} | {:>7} | {:>6} {:>6} {:>7} | {:>6} {:>6} {:>7} {:>6} {:>6}",
            "items",
            "file MB",
            "load",
            "jq",
            "ratio",
            "frame 1",
            "p50",
            "p99",
            "/base",
            "search",
            "p99",
            "1st txt",
            "grep",
            "ratio",
        );
        for f in all {
            let jq = f.jq.as_ref().map(pick);
            let grep = f.grep.as_ref().map(pick);
            println!(
                "{:>7} {:>7.1} | {:>8.1} {:>8} {:>6} | {:>7.1} | {:>6.2} {:>6.2} {:>7} | {:>6.2} {:>6.2} {:>7.1} {:>6} {:>6}",
                f.items,
                mb(f.file_bytes as u64),
                pick(&f.load),
                opt(jq, 1),
                opt(ratio(Some(pick(&f.load)), jq), 2),
                pick(&f.first_frame),
                pick(&f.frame_p50),
                pick(&f.frame_p99),
                opt(
                    ratio(Some(pick(&f.frame_p99)), base.map(|b| pick(&b.frame_p99))),
                    2
                ),
                pick(&f.search_p50),
                pick(&f.search_p99),
                pick(&f.search_first_text),
                opt(grep, 2),
                opt(ratio(Some(pick(&f.search_p99)), grep), 2),
            );
        }
    }
    println!(
        "\npeak memory (opening and the first frame; then the whole run, a Text-pane search too)"
    );
    println!(
        "{:>7} {:>9} {:>9} {:>7} {:>9} {:>7}",
        "items", "file MB", "open MB", "x file", "peak MB", "x file"
    );
    for f in all {
        let x = |p: Option<u64>| opt(ratio(p.map(|p| p as f64), Some(f.file_bytes as f64)), 2);
        println!(
            "{:>7} {:>9.1} {:>9} {:>7} {:>9} {:>7}",
            f.items,
            mb(f.file_bytes as u64),
            opt(f.peak_rss_open_bytes.map(mb), 1),
            x(f.peak_rss_open_bytes),
            opt(f.peak_rss_bytes.map(mb), 1),
            x(f.peak_rss_bytes),
        );
    }
    println!("\ntargets (CPU time):");
    let verdict = |ok: Option<bool>| match ok {
        Some(true) => "holds",
        Some(false) => "FAILS",
        None => "n/a",
    };
    for f in all.iter().filter(|f| f.items >= 100_000) {
        let target = |what: &str, r: Option<f64>, limit: f64| {
            let holds = verdict(r.map(|r| r <= limit));
            println!(
                "  N={}: {what} = {} <= {limit:.2}: {holds}",
                f.items,
                opt(r, 2)
            );
        };
        let base_p99 = base.map(|b| b.frame_p99.cpu);
        let base_n = base.map_or(0, |b| b.items);
        target(
            "load / jq empty",
            ratio(Some(f.load.cpu), f.jq.map(|m| m.cpu)),
            1.0,
        );
        target(
            &format!("frame p99 / frame p99 at N={base_n}"),
            ratio(Some(f.frame_p99.cpu), base_p99),
            1.25,
        );
        target(
            "search p99 / grep -F -i -c",
            ratio(Some(f.search_p99.cpu), f.grep.map(|m| m.cpu)),
            1.0,
        );
        target(
            "peak RSS / file size",
            ratio(
                f.peak_rss_bytes.map(|p| p as f64),
                Some(f.file_bytes as f64),
            ),
            3.0,
        );
        target(
            "edit (an add through App::change) / load",
            ratio(Some(f.edit.cpu), Some(f.load.cpu)),
            0.05,
        );
    }
    println!("\nedits (an add with a quote and a link through App::change; ms, CPU / wall):");
    for f in all {
        println!(
            "  N={}: {:.2} / {:.2}; the session's first change, which reads the file: {:.1} / {:.1}",
            f.items, f.edit.cpu, f.edit.wall, f.edit_first.cpu, f.edit_first.wall
        );
    }
    for f in all.iter().filter(|f| f.items == 10_000) {
        println!(
            "  N={}: search p99 = {:.2} ms (wall clock {:.2} ms) < 16.7 ms: {}",
            f.items,
            f.search_p99.cpu,
            f.search_p99.wall,
            verdict(Some(f.search_p99.cpu < 16.7))
        );
    }
}

fn to_json(all: &[Figures]) -> String {
    let mut map = serde_json::Map::new();
    let wall = |m: &Option<Ms>| m.map(|m| m.wall);
    let cpu = |m: &Option<Ms>| m.map(|m| m.cpu);
    for f in all {
        map.insert(
            f.items.to_string(),
            serde_json::json!({
                "items": f.items,
                "file_bytes": f.file_bytes,
                "load_ms": f.load.cpu,
                "jq_ms": cpu(&f.jq),
                "first_frame_ms": f.first_frame.cpu,
                "frame_p50_ms": f.frame_p50.cpu,
                "frame_p99_ms": f.frame_p99.cpu,
                "search_p50_ms": f.search_p50.cpu,
                "search_p99_ms": f.search_p99.cpu,
                "grep_ms": cpu(&f.grep),
                "peak_rss_bytes": f.peak_rss_bytes,
                "search_first_text_ms": f.search_first_text.cpu,
                "peak_rss_open_bytes": f.peak_rss_open_bytes,
                "edit_ms": f.edit.cpu,
                "edit_first_ms": f.edit_first.cpu,
                "wall": {
                    "load_ms": f.load.wall,
                    "jq_ms": wall(&f.jq),
                    "first_frame_ms": f.first_frame.wall,
                    "frame_p50_ms": f.frame_p50.wall,
                    "frame_p99_ms": f.frame_p99.wall,
                    "search_p50_ms": f.search_p50.wall,
                    "search_p99_ms": f.search_p99.wall,
                    "search_first_text_ms": f.search_first_text.wall,
                    "grep_ms": wall(&f.grep),
                    "edit_ms": f.edit.wall,
                    "edit_first_ms": f.edit_first.wall,
                },
            }),
        );
    }
    serde_json::to_string_pretty(&serde_json::Value::Object(map)).unwrap_or_default() + "\n"
}
