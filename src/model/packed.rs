//! Many short lists end to end in one: a list per item would cost an allocation and a header
//! each, and a large document has a hundred thousand items.

use std::ops::{Index, Range};

/// Lists end to end: `packed[i]` is the `i`th list as a slice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packed<T> {
    /// `starts[i]..starts[i + 1]`: list `i` in `values`.
    starts: Vec<usize>,
    values: Vec<T>,
}

impl<T> Default for Packed<T> {
    fn default() -> Self {
        Packed {
            starts: vec![0],
            values: Vec::new(),
        }
    }
}

impl<T> Packed<T> {
    /// Lists from their starts in `values` (ascending, the first 0, one more than lists).
    pub fn from_parts(starts: Vec<usize>, values: Vec<T>) -> Packed<T> {
        debug_assert!(starts.first() == Some(&0) && starts.last() == Some(&values.len()));
        Packed { starts, values }
    }

    /// Appends a list.
    pub fn push(&mut self, list: impl IntoIterator<Item = T>) {
        self.values.extend(list);
        self.starts.push(self.values.len());
    }

    /// Gives back the room the lists grew into but do not use.
    pub fn shrink_to_fit(&mut self) {
        self.starts.shrink_to_fit();
        self.values.shrink_to_fit();
    }

    /// Removes the last list.
    pub fn pop(&mut self) {
        if self.starts.len() > 1 {
            self.starts.pop();
            let end = self.starts.last().copied().unwrap_or(0);
            self.values.truncate(end);
        }
    }

    /// Appends `value` to list `i` (the values after it move up one).
    pub fn push_into(&mut self, i: usize, value: T) {
        let at = self.starts[i + 1];
        self.values.insert(at, value);
        for s in &mut self.starts[i + 1..] {
            *s += 1;
        }
    }

    /// Puts `value` at position `at` of list `i` (the values after it move up one).
    pub fn insert_into(&mut self, i: usize, at: usize, value: T) {
        let at = (self.starts[i] + at).min(self.starts[i + 1]);
        self.values.insert(at, value);
        for s in &mut self.starts[i + 1..] {
            *s += 1;
        }
    }

    /// List `i` becomes `list`.
    pub fn replace(&mut self, i: usize, list: impl IntoIterator<Item = T>) {
        let (start, end) = (self.starts[i], self.starts[i + 1]);
        let before = self.values.len();
        self.values.splice(start..end, list);
        let grown = self.values.len() as isize - before as isize;
        if grown != 0 {
            for s in &mut self.starts[i + 1..] {
                *s = (*s as isize + grown) as usize;
            }
        }
    }

    /// Removes the values of list `i` that `gone` says go.
    pub fn remove_from(&mut self, i: usize, gone: impl Fn(&T) -> bool) {
        let (start, end) = (self.starts[i], self.starts[i + 1]);
        let mut removed = 0;
        let mut k = start;
        while k < end - removed {
            if gone(&self.values[k]) {
                self.values.remove(k);
                removed += 1;
            } else {
                k += 1;
            }
        }
        if removed > 0 {
            for s in &mut self.starts[i + 1..] {
                *s -= removed;
            }
        }
    }

    /// How many lists there are.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// List `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<&[T]> {
        (i < self.len()).then(|| &self[i])
    }

    /// Each list, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[T]> {
        (0..self.len()).map(|i| &self[i])
    }
}

impl<T> Index<usize> for Packed<T> {
    type Output = [T];

    fn index(&self, i: usize) -> &[T] {
        &self.values[self.starts[i]..self.starts[i + 1]]
    }
}

impl<T> FromIterator<Vec<T>> for Packed<T> {
    fn from_iter<I: IntoIterator<Item = Vec<T>>>(lists: I) -> Self {
        let mut packed = Packed::default();
        for list in lists {
            packed.push(list);
        }
        packed
    }
}

/// Spans of the text per item, packed.
pub type Spans = Packed<Range<usize>>;

/// Byte ranges of the text in eight bytes each (offsets into the text are 32-bit throughout):
/// wrapped lines and search matches, of which a large text has a million.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextRanges(Vec<(u32, u32)>);

impl FromIterator<Range<usize>> for TextRanges {
    fn from_iter<I: IntoIterator<Item = Range<usize>>>(ranges: I) -> Self {
        let mut v: Vec<(u32, u32)> = ranges
            .into_iter()
            .map(|r| (r.start as u32, r.end as u32))
            .collect();
        v.shrink_to_fit();
        TextRanges(v)
    }
}

impl TextRanges {
    pub fn push(&mut self, range: Range<usize>) {
        self.0.push((range.start as u32, range.end as u32));
    }

    /// Gives back the room the ranges grew into but do not use.
    pub fn shrink_to_fit(&mut self) {
        self.0.shrink_to_fit();
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Range `n`.
    pub fn get(&self, n: usize) -> Option<Range<usize>> {
        self.0.get(n).map(|&(a, b)| a as usize..b as usize)
    }

    pub fn iter(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.0.iter().map(|&(a, b)| a as usize..b as usize)
    }

    /// How many ranges start at or before byte `at` (the ranges ascending).
    pub fn starting_by(&self, at: usize) -> usize {
        self.0.partition_point(|&(start, _)| start as usize <= at)
    }

    /// How many ranges end at or before byte `at` (the ranges ascending).
    pub fn ending_by(&self, at: usize) -> usize {
        self.0.partition_point(|&(_, end)| end as usize <= at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_come_back_as_they_went_in() {
        let lists = [vec![1, 2], vec![], vec![3], vec![]];
        let packed: Packed<i32> = lists.iter().cloned().collect();
        assert_eq!(packed.len(), 4);
        assert!(packed.iter().eq(lists.iter().map(Vec::as_slice)));
        assert_eq!(packed.get(2), Some(&[3][..]));
        assert_eq!(packed.get(4), None);
        assert!(Packed::<i32>::default().is_empty());
    }
}
