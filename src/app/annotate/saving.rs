//! Where the changes go: the save the event loop hands to the saver thread, what became of it,
//! a file someone else changed (the conflict, `R`), and `W`'s new file.

use super::{SaveRequest, Target};
use crate::app::App;
use crate::model::{self, Model};
use std::path::PathBuf;
use std::sync::Arc;

impl App {
    /// The save a change asked for, if any, taken: the event loop hands it to the saver.
    pub fn take_save(&mut self) -> Option<SaveRequest> {
        if !std::mem::take(&mut self.edits.unsaved) {
            return None;
        }
        let Target::File(path) = &self.edits.target else {
            return None;
        };
        let bytes = self.edits.file.as_ref()?.shared();
        Some(SaveRequest {
            path: path.clone(),
            bytes,
        })
    }

    /// The map's bytes as the session has them (the file's, made from the map when no change was
    /// made yet): what `W` writes.
    pub fn current_bytes(&mut self) -> Result<Arc<Vec<u8>>, String> {
        Ok(self.file_bytes()?.shared())
    }

    /// `Enter` in the save-as prompt: asks the event loop to write the map to `name`.
    pub(in crate::app) fn save_as(&mut self, name: &str) {
        let name = name.trim();
        if name.is_empty() {
            self.message = Some("not saved: no file name given (W asks again)".into());
            return;
        }
        self.effects
            .push(crate::app::Effect::SaveAs(PathBuf::from(name)));
    }

    /// `R`: after a refused save, read the file again (the reader's version kept beside it).
    pub(in crate::app) fn reload_keeping_copy(&mut self) {
        if self.edits.conflict {
            self.effects.push(crate::app::Effect::ReloadKeepingCopy);
        } else {
            self.message = Some("nothing to reload: no save was refused".into());
        }
    }

    /// `q` (and `Ctrl-c`): quits, unless changes made to the built-in map, which has no file,
    /// would be lost with it; then it says so, and pressed again at once, quits.
    pub(crate) fn quit_or_ask(&mut self) {
        if self.edits.target == Target::AskForFile
            && self.edits.can_undo()
            && !self.edits.quit_asked
        {
            self.edits.quit_asked = true;
            self.message = Some("changes not saved (no file): W saves them, q again quits".into());
        } else {
            self.quit = true;
        }
    }

    /// What became of a save the saver made; `more` when a later version is still waiting or
    /// being written (then "saved" would speak of a version the screen no longer shows).
    pub fn saved(&mut self, outcome: crate::saver::Saved, more: bool) {
        use crate::saver::Saved;
        match outcome {
            Saved::Done { stamp, .. } => {
                self.edits.read_as = Some(stamp);
                if more {
                    return;
                }
                // The change's own message says it is saved now; another message the reader
                // has since been given stays.
                self.message = match self.message.take() {
                    Some(m) if m.ends_with(" — saving…") => {
                        Some(format!("{} — saved", m.trim_end_matches(" — saving…")))
                    }
                    None => Some("saved".into()),
                    other => other,
                };
            }
            Saved::Conflict { path } => self.conflict(&path),
            Saved::Failed(why) => {
                self.message = Some(format!("not saved: {}", model::sanitize::line(&why)));
            }
        }
    }

    /// Someone else changed the file while the session's changes were unsaved: nothing is
    /// written over theirs, and the reader chooses.
    pub fn conflict(&mut self, path: &std::path::Path) {
        let name = |path: &std::path::Path| {
            model::sanitize::line(&path.display().to_string()).into_owned()
        };
        self.edits.conflict = true;
        let copy = crate::saver::copy_beside(path);
        self.message = Some(format!(
            "{} changed on disk since it was read: not overwriting it. R reloads it (yours is kept as {}), W saves yours under another name",
            name(path),
            name(&copy)
        ));
    }

    /// The file was read again after someone else changed it (live reload, the external editor,
    /// `R`): the session's history no longer applies to it, and the status says so.
    pub fn reloaded_from_disk(&mut self, model: Model, stamp: Option<crate::watch::Stamp>) {
        self.reload(model);
        // The version argscope wrote itself (an editor that saved nothing): the history holds.
        if stamp.is_some() && stamp == self.edits.read_as {
            return;
        }
        self.edits.read_as = stamp;
        if self.edits.forget() {
            let m = self.message.take().unwrap_or_default();
            self.message = Some(format!(
                "{m}; it changed on disk, so undo and redo start again from here"
            ));
        }
    }

    /// The map was written to `path`, a new file: changes are saved there from now on.
    pub fn saved_as(&mut self, path: PathBuf, stamp: crate::watch::Stamp) {
        self.message = Some(format!(
            "saved to {}: changes are saved there from now on",
            model::sanitize::line(&path.display().to_string())
        ));
        self.file = Some(path.clone());
        self.edits.target = Target::File(path);
        self.edits.read_as = Some(stamp);
        self.edits.conflict = false;
        self.edits.unsaved = false;
    }
}
