//! Documents, queries and keys written to make argscope slow or huge, one generator per class of
//! attack (issue 17). Each test runs its attack at two sizes and asserts that the work grows
//! linearly: twice the input may cost at most [`MAX_GROWTH`] times the work. Work is counted,
//! never timed — bytes compared and folded, character pairs weighed, rows measured, bytes
//! written, bytes allocated — so the tests hold on a loaded machine. `cargo bench --bench scale
//! -- adversarial` times the same generators.

use argscope::model;
use argscope::work::{self, Work};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

#[path = "../benches/support/adversarial_docs.rs"]
mod docs;

/// The most twice the input may cost, as a multiple of the cost of the input.
const MAX_GROWTH: f64 = 2.3;

/// Counts the bytes each thread allocates, so that a test can see an allocation proportional to
/// a product of two input sizes without timing anything.
struct Counting;

thread_local! {
    static ALLOCATED: Cell<u64> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATED.try_with(|a| a.set(a.get() + layout.size() as u64));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATED.try_with(|a| a.set(a.get() + new_size as u64));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// What running an attack cost: each counter of [`work`], the bytes allocated, and the bytes the
/// attack wrote (an export, messages).
#[derive(Debug, Clone, Copy)]
struct Cost {
    bytes: u64,
    pairs: u64,
    rows: u64,
    allocated: u64,
    written: u64,
}

/// Runs `attack` and counts its cost on this thread; it returns the bytes it wrote.
fn cost(attack: impl FnOnce() -> usize) -> Cost {
    work::reset();
    let before = ALLOCATED.with(Cell::get);
    let written = attack() as u64;
    Cost {
        bytes: work::count(Work::Bytes),
        pairs: work::count(Work::Pairs),
        rows: work::count(Work::Rows),
        allocated: ALLOCATED.with(Cell::get) - before,
        written,
    }
}

/// Asserts that the attack at size `2n` costs at most [`MAX_GROWTH`] times the attack at `n`, in
/// every measure (a measure that is zero at `n` may grow to a few hundred units only).
fn assert_linear(name: &str, n: usize, attack: impl Fn(usize) -> usize) {
    let small = cost(|| attack(n));
    let large = cost(|| attack(2 * n));
    let measures = [
        ("bytes compared", small.bytes, large.bytes),
        ("pairs weighed", small.pairs, large.pairs),
        ("rows measured", small.rows, large.rows),
        ("bytes allocated", small.allocated, large.allocated),
        ("bytes written", small.written, large.written),
    ];
    for (what, s, l) in measures {
        let limit = (s as f64 * MAX_GROWTH).max(512.0);
        assert!(
            l as f64 <= limit,
            "{name}: {what} grew from {s} to {l} ({:.2}x) for twice the input",
            l as f64 / s.max(1) as f64
        );
    }
}

fn load(doc: &str) -> Result<model::Model, Vec<model::Problem>> {
    model::load(doc.as_bytes())
}

#[test]
fn folding_a_long_line_of_double_spaced_sentences_is_linear() {
    assert_linear("fold", 200_000, |n| {
        let doc = docs::double_spaced_line(n);
        let model = load(&doc).expect("valid");
        model.doc.document.text.len()
    });
}

/// Loads `doc`, which must be refused, and gives the bytes of its messages as printed.
fn refused(doc: &str) -> usize {
    match load(doc) {
        Ok(_) => panic!("the document was accepted"),
        Err(problems) => problems.iter().map(|p| p.to_string().len()).sum(),
    }
}

#[test]
fn did_you_mean_among_many_ids_is_linear() {
    assert_linear("suggestions", 200_000, |n| {
        refused(&docs::unknown_long_ids(n))
    });
}

#[test]
fn did_you_mean_between_two_long_ids_is_linear() {
    assert_linear("long ids", 100_000, |n| {
        refused(&docs::long_malformed_ids(n))
    });
}

#[test]
fn many_problems_of_an_item_with_a_long_id_are_linear() {
    assert_linear("long id", 200_000, |n| {
        refused(&docs::long_id_many_problems(n))
    });
}

#[test]
fn pairs_of_a_prepared_comparison_are_checked_in_linear_time() {
    assert_linear("pairs", 200_000, |n| {
        let model = load(&docs::many_pairs(n)).expect("valid");
        model.doc.comparisons[0].pairs.len()
    });
}

#[test]
fn the_markdown_export_of_a_deep_argument_chain_is_linear() {
    assert_linear("markdown", 400_000, |n| {
        let model = load(&docs::claim_chain(n)).expect("valid");
        argscope::export::export(&model, argscope::export::Format::Markdown).len()
    });
}

/// Loads `doc`, accepted or not, and gives the bytes of its warnings or errors as printed.
fn checked(doc: &str) -> usize {
    match load(doc) {
        Ok(model) => model.warnings.iter().map(|p| p.to_string().len()).sum(),
        Err(problems) => problems.iter().map(|p| p.to_string().len()).sum(),
    }
}

#[test]
fn a_quote_the_loose_fold_finds_everywhere_is_anchored_in_linear_time() {
    assert_linear("anchoring one quote", 40_000, |n| {
        let model = load(&docs::quote_found_everywhere_loosely(n)).expect("valid");
        model.doc.items.len()
    });
}

#[test]
fn many_quotes_of_a_phrase_that_recurs_are_anchored_in_linear_time() {
    assert_linear("anchoring many quotes", 400_000, |n| {
        checked(&docs::many_quotes_of_a_repeated_phrase(n))
    });
}

/// Opens `doc` in the explorer at 80x24 and feeds it `keys`, drawing a frame after each key as
/// the explorer does; gives the cells of the last frame that hold something.
fn explore(doc: &str, keys: &str) -> usize {
    use argscope::app::{Action, App, Options};
    let model = load(doc).expect("valid");
    let mut app = App::new(model, Options::default());
    app.update(Action::Resize(80, 24));
    let mut filled = 0;
    for key in argscope::app::keys::parse(keys).expect("keys") {
        app.handle_key(key);
        app.effects.clear();
        let buffer = argscope::render::draw_buffer(&app);
        filled = buffer.content.iter().filter(|c| c.symbol() != " ").count();
    }
    filled
}

#[test]
fn the_matrix_of_many_provisions_and_recommendations_is_linear() {
    assert_linear("matrix", 200_000, |n| {
        explore(&docs::wide_matrix(n), "xjjjGlll<End>nn");
        n / 140
    });
}

#[test]
fn the_end_of_a_compare_of_two_hubs_is_reached_in_linear_time() {
    assert_linear("compare", 400_000, |n| {
        explore(&docs::two_hubs(n), "2jcjcG<PgUp>G")
    });
}

#[test]
fn the_end_of_a_prepared_comparison_is_reached_in_linear_time() {
    assert_linear("prepared", 400_000, |n| {
        explore(&docs::unpaired_comparison(n), "C<Enter>G<PgUp>G")
    });
}

/// A document whose text is `n` bytes of the word "a".
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

#[test]
fn narrowing_a_text_search_checks_only_what_each_key_adds() {
    let doc = text_of_a(20_000);
    assert_linear("text search", 150, |m| {
        explore(&doc, &format!("6/{}", "a ".repeat(m)))
    });
}

#[test]
fn a_pasted_query_costs_no_more_per_key_than_a_short_one() {
    let doc = text_of_a(20_000);
    for (prompt, name) in [("/", "search"), (":", "palette"), ("f", "filter")] {
        assert_linear(name, 1_100, |m| {
            explore(&doc, &format!("2{prompt}{}", "a".repeat(m)))
        });
    }
}
