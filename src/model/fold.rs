//! Text folding: the normal forms that quotes and searches are matched in.
//!
//! Two folds share one character table. The *anchor* fold (for quotes) turns every whitespace run
//! into one space and typographic punctuation into ASCII. The *search* fold does the same and also
//! drops case and diacritics, so `lopez` finds "López". Both can record where each folded byte came
//! from, so a match in folded text maps back to a span of the original.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// How far a fold goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Fold {
    /// Whitespace runs and typographic punctuation only: how quotes are anchored.
    #[default]
    Anchor,
    /// `Anchor`, and also case and diacritics: how a lower-case search matches.
    Loose,
    /// `Anchor`, and also diacritics but not case: a search with a capital (`/Lopez`).
    Cased,
    /// `Anchor`, and also case but not diacritics: a search with a diacritic (`/lópez`).
    Accented,
}

impl Fold {
    /// Whether this fold drops case.
    pub fn folds_case(self) -> bool {
        matches!(self, Fold::Loose | Fold::Accented)
    }

    /// Whether this fold drops diacritics.
    pub fn folds_marks(self) -> bool {
        matches!(self, Fold::Loose | Fold::Cased)
    }
}

/// The ASCII form of a typographic punctuation character, if it has one.
pub fn ascii_punct(c: char) -> Option<char> {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => Some('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => Some('-'),
        _ => None,
    }
}

/// Maps byte offsets of a folded string back to the original.
///
/// Only the points where the offset difference changes are stored, so text that folds to itself
/// costs nothing and the map stays small next to the text.
#[derive(Debug, Default, Clone)]
pub struct OffsetMap {
    /// `(folded, original)` pairs, ascending in both; between two breakpoints the offsets advance
    /// together.
    breaks: Vec<(u32, u32)>,
}

impl OffsetMap {
    fn mark(&mut self, folded: usize, original: usize) {
        let (f, o) = (folded as u32, original as u32);
        if let Some(&(lf, lo)) = self.breaks.last() {
            if f.wrapping_sub(lf) == o.wrapping_sub(lo) && f >= lf {
                return;
            }
            if lf == f {
                self.breaks.pop();
            }
        }
        self.breaks.push((f, o));
    }

    /// Gives back the room the map grew into but does not use.
    pub fn shrink_to_fit(&mut self) {
        self.breaks.shrink_to_fit();
    }

    /// [`OffsetMap::original`] for offsets given in ascending order: each is found by galloping
    /// on from the last, a step for a near one and a search for a far one.
    pub fn walker(&self) -> impl FnMut(usize) -> usize + '_ {
        let mut at = 0;
        move |folded: usize| {
            let f = folded as u32;
            let rest = &self.breaks[at..];
            let mut hi = 1;
            while hi < rest.len() && rest[hi - 1].0 <= f {
                hi *= 2;
            }
            let (lo, hi) = (hi / 2, hi.min(rest.len()));
            at += lo + rest[lo..hi].partition_point(|&(bf, _)| bf <= f);
            match at.checked_sub(1).map(|i| self.breaks[i]) {
                Some((bf, bo)) => (bo + (f - bf)) as usize,
                None => folded,
            }
        }
    }

    /// The original byte offset of folded byte offset `folded`.
    pub fn original(&self, folded: usize) -> usize {
        let f = folded as u32;
        let at = self.breaks.partition_point(|&(bf, _)| bf <= f);
        if at == 0 {
            return folded;
        }
        let (bf, bo) = self.breaks[at - 1];
        (bo + (f - bf)) as usize
    }
}

/// Folds `src`, trimming whitespace at both ends.
pub fn fold(src: &str, mode: Fold) -> String {
    let mut out = String::with_capacity(src.len());
    fold_into(src, mode, &mut out, None);
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Folds `src` onto the end of `out`, optionally recording offsets. Leading whitespace is
/// dropped; a whitespace run at the end leaves one trailing space.
pub fn fold_into(src: &str, mode: Fold, out: &mut String, mut map: Option<&mut OffsetMap>) {
    let base = out.len();
    let bytes = src.as_bytes();
    let mut pending_space = false;
    let mut run_start = 0;
    let mut at = 0;
    let mut printable_end = 0;
    while at < bytes.len() {
        let b = bytes[at];
        // Runs of plain ASCII (most of any text), single spaces between words included, are
        // copied whole: each of their bytes folds to one byte, so one offset mark covers the run.
        let plain = |b: u8| b.is_ascii() && !is_ascii_space(b);
        let (c, len) = if plain(b) {
            // The run is the printable ASCII from here, found a word at a time, up to its first
            // double space or its trailing space (which start whitespace runs of their own). The
            // end of the printable ASCII is found once for all the runs it holds: found again
            // from each run, a long line of double-spaced sentences was folded in quadratic time.
            if printable_end <= at {
                printable_end = at + 1 + printable_ascii(&bytes[at + 1..]);
                crate::work::add(crate::work::Work::Bytes, printable_end - at);
            }
            let printable = printable_end;
            let mut end =
                memchr::memmem::find(&bytes[at..printable], b"  ").map_or(printable, |i| at + i);
            crate::work::add(crate::work::Work::Bytes, end - at);
            if bytes[end - 1] == b' ' {
                end -= 1;
            }
            ('\0', end - at)
        } else if b.is_ascii() {
            (b as char, 1)
        } else {
            match src[at..].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        if c.is_whitespace() {
            if !pending_space {
                run_start = at;
            }
            pending_space = out.len() > base;
            at += len;
            continue;
        }
        if pending_space {
            if let Some(m) = map.as_deref_mut() {
                // The space stands for the whole whitespace run before this character.
                m.mark(out.len(), run_start);
            }
            out.push(' ');
            pending_space = false;
        }
        if let Some(m) = map.as_deref_mut() {
            m.mark(out.len(), at);
        }
        if plain(b) {
            let start = out.len();
            out.push_str(&src[at..at + len]);
            if mode.folds_case() {
                out[start..].make_ascii_lowercase();
            }
        } else {
            let before = out.len();
            push_folded(c, mode, out);
            // A character that folds to several (a Hangul syllable to its jamo): each of them maps
            // to where the character begins, so that no offset inside the fold maps past the
            // character or into the middle of it.
            if let Some(m) = map.as_deref_mut()
                && out.len() - before > 1
                && out[before..].chars().nth(1).is_some()
            {
                for (k, _) in out[before..].char_indices().skip(1) {
                    m.mark(before + k, at);
                }
                m.mark(out.len(), at + len);
            }
        }
        at += len;
    }
    if pending_space {
        if let Some(m) = map.as_deref_mut() {
            m.mark(out.len(), run_start);
        }
        out.push(' ');
    }
    // The end maps to the end, even after a character whose fold is shorter.
    if let Some(m) = map {
        m.mark(out.len(), src.len());
    }
}

/// How many bytes `bytes` starts with that are printable ASCII (space to `~`, and DEL).
fn printable_ascii(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let w = u64::from_le_bytes([
            chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
        ]);
        // A byte's high bit is set here when it is not ASCII, or (for the lowest such byte
        // exactly) when it is below a space.
        let stop = (w | (w.wrapping_sub(SPACES) & !w)) & HIGH;
        if stop != 0 {
            return at + stop.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    at + chunks
        .remainder()
        .iter()
        .position(|&b| !(0x20..0x80).contains(&b))
        .unwrap_or(chunks.remainder().len())
}

/// The ASCII characters that `char::is_whitespace` holds to be whitespace.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

fn push_folded(c: char, mode: Fold, out: &mut String) {
    if c.is_ascii() {
        out.push(if mode.folds_case() {
            c.to_ascii_lowercase()
        } else {
            c
        });
        return;
    }
    if let Some(a) = ascii_punct(c) {
        out.push(a);
        return;
    }
    match mode {
        Fold::Anchor => out.push(c),
        Fold::Loose => match latin(c) {
            Some(folded) => out.push_str(folded),
            None => loose_char(c, out),
        },
        Fold::Cased => unmarked_char(c, out),
        Fold::Accented => out.extend(c.to_lowercase()),
    }
}

/// One character without its diacritics, its case kept: its canonical decomposition without
/// combining marks.
fn unmarked_char(c: char, out: &mut String) {
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            out.push(d);
        }
    });
}

/// The loose fold of one character: its canonical decomposition without combining marks, in
/// lower case.
fn loose_char(c: char, out: &mut String) {
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    });
}

/// The Latin letters with diacritics (U+0080 to U+024F) fold through a table made once: they are
/// most of the non-ASCII letters of most texts, and decomposing each one every time is slow.
fn latin(c: char) -> Option<&'static str> {
    const FIRST: u32 = 0x80;
    const LAST: u32 = 0x24F;
    static TABLE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let at = (c as u32).checked_sub(FIRST).filter(|_| c as u32 <= LAST)?;
    let table = TABLE.get_or_init(|| {
        (FIRST..=LAST)
            .map(|u| {
                let mut s = String::new();
                if let Some(c) = char::from_u32(u) {
                    loose_char(c, &mut s);
                }
                s
            })
            .collect()
    });
    table.get(at as usize).map(String::as_str)
}

/// True when a search query asks for an exact (case- and diacritic-sensitive) match: smart case.
pub fn is_exact_query(query: &str) -> bool {
    query_fold(query) == Fold::Anchor
}

/// The fold a search query matches in (smart case): a capital makes case exact, a diacritic
/// makes diacritics exact, each on its own (`/Lopez` finds "López", `/lópez` finds "LÓPEZ").
pub fn query_fold(query: &str) -> Fold {
    let capital = query.chars().any(char::is_uppercase);
    let mark = query.chars().any(has_diacritic);
    match (capital, mark) {
        (false, false) => Fold::Loose,
        (true, false) => Fold::Cased,
        (false, true) => Fold::Accented,
        (true, true) => Fold::Anchor,
    }
}

/// Whether `c` carries a diacritic the loose fold drops (é, ñ, a lone combining mark).
fn has_diacritic(c: char) -> bool {
    if c.is_ascii() || ascii_punct(c).is_some() {
        return false;
    }
    let mut marked = is_combining_mark(c);
    decompose_canonical(c, |d| marked |= is_combining_mark(d));
    marked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_fold_drops_case_and_diacritics() {
        assert_eq!(
            fold("Andrés Manuel López", Fold::Loose),
            "andres manuel lopez"
        );
        assert_eq!(fold("Mérida", Fold::Loose), "merida");
    }

    #[test]
    fn typographic_punctuation_and_nbsp_fold_to_ascii() {
        assert_eq!(
            fold("U.S.’s\u{a0}\u{a0}arrest — “fabricating”", Fold::Loose),
            "u.s.'s arrest - \"fabricating\""
        );
        assert_eq!(fold("  a \n\t b  ", Fold::Anchor), "a b");
    }

    #[test]
    fn anchor_fold_keeps_case_and_accents() {
        assert_eq!(fold("López’s", Fold::Anchor), "López's");
    }

    #[test]
    fn cjk_and_emoji_pass_through() {
        assert_eq!(fold("北京 👍🏽 Ünïcode", Fold::Loose), "北京 👍🏽 unicode");
    }

    #[test]
    fn offsets_map_back_through_folded_characters() {
        let src = "a\u{a0}\u{a0}b’c  d";
        let mut out = String::new();
        let mut map = OffsetMap::default();
        fold_into(src, Fold::Anchor, &mut out, Some(&mut map));
        assert_eq!(out, "a b'c d");
        for (folded, want) in [("a", "a"), ("b", "b"), ("c", "c"), ("d", "d")] {
            let f = out.find(folded).unwrap();
            let o = map.original(f);
            assert_eq!(&src[o..o + 1], want, "folded {folded}");
        }
        // The apostrophe maps to the start of the typographic one.
        let o = map.original(out.find('\'').unwrap());
        assert!(src[o..].starts_with('’'));
    }

    #[test]
    fn the_end_of_the_folded_text_maps_to_the_end_of_the_original() {
        let src = "López";
        let mut out = String::new();
        let mut map = OffsetMap::default();
        fold_into(src, Fold::Loose, &mut out, Some(&mut map));
        assert_eq!(map.original(out.len()), src.len());
        assert_eq!(map.original(out.len() - 1), src.len() - 1);
    }

    /// The per-character definition of the fold, which the fast paths must agree with.
    fn fold_by_char(src: &str, mode: Fold) -> (String, Vec<usize>) {
        let mut out = String::new();
        let mut pending = false;
        let mut run_start = 0;
        let mut origin = Vec::new();
        for (at, c) in src.char_indices() {
            if c.is_whitespace() {
                if !pending {
                    run_start = at;
                }
                pending = !out.is_empty();
                continue;
            }
            if pending {
                origin.push(run_start);
                out.push(' ');
                pending = false;
            }
            let before = out.len();
            // The definition itself, without the fast paths (runs, the Latin table).
            match (c.is_ascii(), ascii_punct(c), mode) {
                (true, _, m) if m.folds_case() => out.push(c.to_ascii_lowercase()),
                (true, _, _) => out.push(c),
                (_, Some(a), _) => out.push(a),
                (_, None, Fold::Anchor) => out.push(c),
                (_, None, Fold::Loose) => loose_char(c, &mut out),
                (_, None, Fold::Cased) => unmarked_char(c, &mut out),
                (_, None, Fold::Accented) => out.extend(c.to_lowercase()),
            }
            origin.extend(std::iter::repeat_n(at, out.len() - before));
        }
        if pending {
            origin.push(run_start);
            out.push(' ');
        }
        (out, origin)
    }

    /// Checks `fold_into` against the definition on one string, output and offsets.
    fn agrees_with_the_definition(src: &str) {
        for mode in [Fold::Anchor, Fold::Loose, Fold::Cased, Fold::Accented] {
            let (want, origin) = fold_by_char(src, mode);
            let mut out = String::new();
            let mut map = OffsetMap::default();
            fold_into(src, mode, &mut out, Some(&mut map));
            assert_eq!(out, want, "{src:?} {mode:?}");
            // Where each folded character's bytes begin.
            for (i, &o) in origin.iter().enumerate() {
                if i == 0 || origin[i - 1] != o {
                    assert_eq!(map.original(i), o, "{src:?} {mode:?} at {i}");
                }
            }
            assert_eq!(map.original(out.len()), src.len());
            // Every place between folded characters maps to a place between original ones.
            for i in (0..=out.len()).filter(|&i| out.is_char_boundary(i)) {
                let o = map.original(i);
                assert!(src.is_char_boundary(o), "{src:?} {mode:?}: {i} maps to {o}");
            }
        }
    }

    proptest::proptest! {
        /// Long runs of ASCII, broken anywhere by spaces, controls and other characters: the
        /// word-at-a-time scan meets every kind of byte at every place in a word.
        #[test]
        fn long_runs_fold_as_character_by_character(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    4 => "[a-zA-Z.,]{1,20}",
                    2 => proptest::strategy::Just(" ".to_owned()),
                    1 => proptest::strategy::Just("  ".to_owned()),
                    1 => "[\t\n\r\x0b\x0c\x01\x1f\x7f]",
                    1 => "[\u{a0}\u{2003}’“—éÉñ北👍가각ᅡ]",
                ],
                0..40,
            )
        ) {
            agrees_with_the_definition(&parts.concat());
        }
    }

    #[test]
    fn the_fast_paths_fold_as_character_by_character() {
        let samples = [
            "",
            "   ",
            "plain ascii text",
            "  Lead and trail\t\n ",
            "MiXeD\u{b}case\u{c}and\rcontrols\u{1c}\u{1f}",
            "Andrés Manuel López’s “national\u{a0}security” — law\u{2003}北京 👍🏽",
            "e\u{301}x ﬁ İstanbul ΣΑΣ",
            "a b  c \u{a0}d e\te f\u{a0} g h",
            " x y ",
            "A long sentence of plain words, then  two spaces and\ta tab, ending in a space ",
            "Sixteen bytes ok\u{7f}DEL inside a long run of words é and more words after it  ",
            "Ångström Łódź Ǆemal ß ǅ ĳ Œuvre ÿ ɏ ɐ",
            "가낙 각ᅡ 한국어",
        ];
        let latin: String = ('\u{80}'..='\u{250}').collect();
        let samples = samples.iter().copied().chain([latin.as_str()]);
        for src in samples {
            agrees_with_the_definition(src);
        }
    }

    #[test]
    fn a_walk_maps_ascending_offsets_as_each_offset_does() {
        let src = "a\u{a0}\u{a0}b’c  d “e” — f López\tg";
        let mut out = String::new();
        let mut map = OffsetMap::default();
        fold_into(src, Fold::Loose, &mut out, Some(&mut map));
        for step in 1..6 {
            let offsets: Vec<usize> = (0..=out.len()).step_by(step).collect();
            let mut walk = map.walker();
            let walked: Vec<usize> = offsets.iter().map(|&f| walk(f)).collect();
            let each: Vec<usize> = offsets.iter().map(|&f| map.original(f)).collect();
            assert_eq!(walked, each, "every {step}");
        }
    }

    #[test]
    fn smart_case_detects_capitals() {
        assert!(!is_exact_query("lopez"));
        assert!(is_exact_query("López"));
        assert!(!is_exact_query("u.s.'s"));
        assert_eq!(query_fold("Lopez"), Fold::Cased);
        assert_eq!(query_fold("lópez"), Fold::Accented);
        assert_eq!(query_fold("López"), Fold::Anchor);
        assert_eq!(
            query_fold("u.s.’s"),
            Fold::Loose,
            "typographic punctuation is no diacritic"
        );
        assert_eq!(fold("Andrés LÓPEZ", Fold::Cased), "Andres LOPEZ");
        assert_eq!(fold("Andrés LÓPEZ", Fold::Accented), "andrés lópez");
    }
}
