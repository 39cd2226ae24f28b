//! Counters of the work argscope does on what it reads, for the adversarial tests: they assert
//! that twice the input costs about twice the work by counting it, never by timing it.
//!
//! A counter is a thread-local cell bumped once per step (a run folded, a candidate compared, a
//! row measured), not per byte, so it costs nothing a benchmark can see; each test thread reads
//! its own counts.

use std::cell::Cell;

/// What is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// Bytes of text scanned or compared while folding, anchoring or matching a query.
    Bytes,
    /// Character pairs weighed while looking for a "did you mean".
    Pairs,
    /// Rows measured or laid out (scrolling, compare views, the matrix).
    Rows,
}

const KINDS: usize = 3;

thread_local! {
    static COUNTS: [Cell<u64>; KINDS] = const { [const { Cell::new(0) }; KINDS] };
}

/// Counts `n` units of `work` on this thread.
#[inline]
pub fn add(work: Work, n: usize) {
    COUNTS.with(|c| {
        let cell = &c[work as usize];
        cell.set(cell.get().wrapping_add(n as u64));
    });
}

/// The units of `work` counted on this thread so far.
pub fn count(work: Work) -> u64 {
    COUNTS.with(|c| c[work as usize].get())
}

/// Sets this thread's counters back to zero.
pub fn reset() {
    COUNTS.with(|c| c.iter().for_each(|cell| cell.set(0)));
}
