//! The one line-input type: what every prompt edits (the panes' search and filter, the palette,
//! a prepared comparison's search), with the prompt's editing actions applied in one place.

use super::Action;

/// A line being typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
}

impl LineInput {
    pub fn new(text: impl Into<String>) -> LineInput {
        LineInput { text: text.into() }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Replaces the whole line (a recalled query).
    pub fn set(&mut self, text: &str) {
        self.text.clear();
        self.text.push_str(text);
    }

    /// The longest line, in bytes: each keystroke searches with the whole line, so a paste of a
    /// book into a prompt would cost its length squared.
    pub const MAX_BYTES: usize = 1024;

    /// Applies an editing action; false when `action` is not one (it is left to the caller), or
    /// when it would make the line longer than [`LineInput::MAX_BYTES`] (then `message` says
    /// so).
    pub fn edit(&mut self, action: Action, message: &mut Option<String>) -> bool {
        match action {
            Action::PromptInsert(c) if self.text.len() + c.len_utf8() > Self::MAX_BYTES => {
                *message = Some(format!("a query is at most {} bytes", Self::MAX_BYTES));
                return false;
            }
            Action::PromptInsert(c) => self.text.push(c),
            Action::PromptBackspace => {
                self.text.pop();
            }
            Action::PromptDeleteWord => {
                let kept = self.text.trim_end().rfind(' ').map_or(0, |i| i + 1);
                self.text.truncate(kept);
            }
            Action::PromptClear => self.text.clear(),
            _ => return false,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_actions_change_the_line_and_others_do_not() {
        let mut l = LineInput::default();
        let mut msg = None;
        for c in "lopez obrador".chars() {
            assert!(l.edit(Action::PromptInsert(c), &mut msg));
        }
        assert!(l.edit(Action::PromptBackspace, &mut msg));
        assert_eq!(l.as_str(), "lopez obrado");
        assert!(l.edit(Action::PromptDeleteWord, &mut msg));
        assert_eq!(l.as_str(), "lopez ");
        assert!(l.edit(Action::PromptClear, &mut msg));
        assert!(l.is_empty());
        assert!(!l.edit(Action::PromptAccept, &mut msg));
        assert!(!l.edit(Action::Down, &mut msg));
        assert_eq!(msg, None);
    }

    #[test]
    fn a_line_stops_at_its_longest_and_says_so() {
        let mut l = LineInput::new("a".repeat(LineInput::MAX_BYTES - 1));
        let mut msg = None;
        assert!(!l.edit(Action::PromptInsert('é'), &mut msg));
        assert_eq!(msg.as_deref(), Some("a query is at most 1024 bytes"));
        assert!(l.edit(Action::PromptInsert('e'), &mut msg));
        assert_eq!(l.as_str().len(), LineInput::MAX_BYTES);
    }
}
