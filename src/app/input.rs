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

    /// Applies an editing action; false when `action` is not one (it is left to the caller).
    pub fn edit(&mut self, action: Action) -> bool {
        match action {
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
        for c in "lopez obrador".chars() {
            assert!(l.edit(Action::PromptInsert(c)));
        }
        assert!(l.edit(Action::PromptBackspace));
        assert_eq!(l.as_str(), "lopez obrado");
        assert!(l.edit(Action::PromptDeleteWord));
        assert_eq!(l.as_str(), "lopez ");
        assert!(l.edit(Action::PromptClear));
        assert!(l.is_empty());
        assert!(!l.edit(Action::PromptAccept));
        assert!(!l.edit(Action::Down));
    }
}
