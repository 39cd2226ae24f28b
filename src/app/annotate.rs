//! Changing the map from inside the explorer: one [`Change`] at a time, checked by the rules of
//! `argscope check`, applied to the model and to the file's bytes (format-preserving splices,
//! `crate::edit`), recorded for undo and redo, and queued for saving. Nothing here does I/O but
//! the first read of the file's bytes; the save itself is the event loop's (`crate::saver`).

mod refresh;
mod saving;

use super::App;
use crate::edit::{DocumentFile, EditError, Splice};
use crate::model::{self, Comparison, Item, Model};
use std::path::PathBuf;
use std::sync::Arc;

/// One change of the map, as the reader makes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A new item, appended after the last one.
    AddItem(Item),
    /// Item `index` becomes `item` (fields, quotes, links; adding a link or a quote is an edit
    /// of the item that holds it). When the id changes, every link of every item and every
    /// comparison that names the old id is rewritten to the new one, in the same change.
    EditItem { index: usize, item: Item },
    /// Item `index` goes, and with it every link (of other items) and every comparison side
    /// entry / pair that names it, in the same change.
    RemoveItem(usize),
}

/// Where the changes of a session go.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Target {
    /// Nowhere: `render`, standard input. Changes stay in memory and say "not saved".
    #[default]
    Memory,
    /// The built-in map, which is read-only: the first change asks for a file to save to.
    AskForFile,
    /// This file, saved after every change.
    File(PathBuf),
}

/// The editing state of a session: the file's bytes once a change has been made, the undo and
/// redo stacks, and what is waiting to be saved.
#[derive(Debug, Clone, Default)]
pub struct Editing {
    pub target: Target,
    /// The version of the file the map on screen was read from: a save over any other version
    /// is refused (`crate::save::save`).
    pub read_as: Option<crate::watch::Stamp>,
    /// The file's bytes, read at the first change (or made from the map when there is no file).
    file: Option<DocumentFile>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Set by a change, an undo or a redo; the event loop takes it with [`App::take_save`].
    unsaved: bool,
    /// The last save failed because the file changed on disk: the reader chooses what to do.
    pub conflict: bool,
    /// The built-in map asked once for a file to save to.
    asked: bool,
    /// `q` was pressed with changes that have no file to go to: the next `q` quits.
    pub(crate) quit_asked: bool,
}

/// One change as it was made, for undo: the splices that undo it in the file (applied last
/// first) and the model's state before it.
#[derive(Debug, Clone)]
struct Step {
    splices: Vec<Splice>,
    /// What the status says it did ("added claim “…”").
    what: String,
    /// How the model follows when the step is replayed.
    model: Replay,
}

/// How the model follows a step's splices when it is undone or redone.
#[derive(Debug, Clone)]
enum Replay {
    /// Read again from the bytes (a rename, a delete, an edit: what touches several items).
    Reload,
    /// The step added the last item: replaying it takes it off again, in place.
    Pop,
    /// The step took this last item off: replaying it adds it again, in place.
    Push(Box<Item>),
    /// The step made item `0` what it is from this one: replaying it puts this one back.
    Replace(usize, Box<Item>),
}

/// What a change does to the document, item by item: what `Change` expands to.
#[derive(Debug, Clone)]
enum Op {
    Push(Item),
    Replace(usize, Item),
    Remove(usize),
    ReplaceComparison(usize, Comparison),
}

/// A save the event loop is to make: these bytes to this file, which must still be the version
/// `read_as`.
#[derive(Debug, Clone)]
pub struct SaveRequest {
    pub path: PathBuf,
    pub bytes: Arc<Vec<u8>>,
}

impl Editing {
    /// Whether there is anything to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is anything to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The bytes as the session has made them, if a change was made.
    pub fn bytes(&self) -> Option<&[u8]> {
        self.file.as_ref().map(DocumentFile::bytes)
    }

    /// Forgets the history and the bytes: the file was read again (someone else's change).
    /// Says whether there was a history to lose.
    pub fn forget(&mut self) -> bool {
        let had = self.can_undo() || self.can_redo();
        self.undo.clear();
        self.redo.clear();
        self.file = None;
        self.unsaved = false;
        self.conflict = false;
        had
    }
}

impl App {
    /// Checks the change against the map (the item's id well-formed and unique, its quotes
    /// anchor in the text, its links name existing items and relations, its date parses, the
    /// same rules as `argscope check`); applies it to the model and the file, records it for
    /// undo (clearing redo), queues the save, and says in the status what changed.
    /// Err = the reason, in full, and nothing changed.
    pub fn change(&mut self, change: Change) -> Result<(), String> {
        let (ops, what) = self.plan(&change)?;
        self.file_bytes()?;
        if let Change::AddItem(item) = &change
            && crate::model::incremental::can_push_alone(item)
        {
            match self.model.push_item(item.clone()) {
                Ok(()) => return self.pushed(&ops, what),
                Err(problems) if !problems.is_empty() => return Err(describe(&problems)),
                // Not judged alone: the full check below says why.
                Err(_) => {}
            }
        }
        if let Change::EditItem { index, item } = &change
            && crate::model::incremental::can_push_alone(item)
            && crate::model::incremental::can_push_alone(self.model.item(*index))
            && self.model.item(*index).id == item.id
        {
            match self.model.replace_item(*index, item.clone()) {
                Ok(old) => return self.replaced(&ops, what, *index, old),
                Err(problems) if !problems.is_empty() => return Err(describe(&problems)),
                Err(_) => {}
            }
        }
        let splices = self.splice_all(&ops)?;
        let model = match self.reloaded() {
            Ok(model) => model,
            Err(why) => {
                self.unsplice(splices);
                return Err(why);
            }
        };
        self.refresh(model);
        self.recorded(splices, what, Replay::Reload);
        Ok(())
    }

    /// The model has the new item already (checked alone): the file follows, then the screen.
    fn pushed(&mut self, ops: &[Op], what: String) -> Result<(), String> {
        let splices = match self.splice_all(ops) {
            Ok(s) => s,
            Err(why) => {
                self.model.pop_item();
                return Err(why);
            }
        };
        let last = self.model.doc.items.len() - 1;
        let item = self.model.item(last);
        let (kind, quoted, argued) = (item.kind, !item.quotes.is_empty(), self.argued(item));
        self.refresh_in_place(&[kind], None, quoted, argued);
        self.recorded(splices, what, Replay::Pop);
        Ok(())
    }

    /// The model has item `index` replaced already (checked alone; `old` is what it was): the
    /// file follows, then the screen.
    fn replaced(
        &mut self,
        ops: &[Op],
        what: String,
        index: usize,
        old: Item,
    ) -> Result<(), String> {
        let splices = match self.splice_all(ops) {
            Ok(s) => s,
            Err(why) => {
                let _ = self.model.replace_item(index, old);
                return Err(why);
            }
        };
        let now = self.model.item(index);
        let kinds = [old.kind, now.kind];
        let quotes = old.quotes != now.quotes;
        let argued = self.argued(&old) || self.argued(now);
        self.refresh_in_place(&kinds, None, quotes, argued);
        self.recorded(splices, what, Replay::Replace(index, Box::new(old)));
        Ok(())
    }

    /// A change made: recorded for undo (redo cleared), queued for saving, said.
    fn recorded(&mut self, splices: Vec<Splice>, what: String, model: Replay) {
        self.edits.undo.push(Step {
            splices,
            what: what.clone(),
            model,
        });
        self.edits.redo.clear();
        self.edits.unsaved = true;
        self.say_changed(&what);
        // The save-as prompt of the built-in map opens after the action that made the change
        // is done (`App::update`): a form that saves also closes and selects the new item,
        // which would close a prompt opened now.
    }

    /// The built-in map is read-only: after its first change, as soon as nothing is on top of
    /// the panes (a form that made the change closes first), the save-as prompt asks for a file.
    pub(super) fn ask_for_file_if_due(&mut self) {
        if self.edits.target == Target::AskForFile
            && !self.edits.asked
            && self.edits.can_undo()
            && self.layers.is_empty()
            && !matches!(self.mode, super::Mode::Prompt(_))
        {
            self.edits.asked = true;
            self.open_prompt(super::search::PromptKind::SaveAs);
        }
    }

    /// Says what the last change did in the words of the form that made it (`linked “A”
    /// supports “B”` rather than `edited claim “A”`): undo and redo will say it so.
    pub fn name_last_change(&mut self, what: &str) {
        if let Some(step) = self.edits.undo.last_mut() {
            step.what = model::sanitize::line(what).into_owned();
        }
    }

    /// Undoes the last change of the session (`u`).
    pub fn undo(&mut self) {
        let Some(step) = self.edits.undo.pop() else {
            self.message = Some("nothing to undo".into());
            return;
        };
        let step = self.replay(step);
        let what = format!("undid: {}", step.what);
        self.edits.redo.push(step);
        self.say_changed(&what);
    }

    /// Makes again the last change undone (`Ctrl-r`).
    pub fn redo(&mut self) {
        let Some(step) = self.edits.redo.pop() else {
            self.message = Some("nothing to redo".into());
            return;
        };
        let step = self.replay(step);
        let what = format!("redid: {}", step.what);
        self.edits.undo.push(step);
        self.say_changed(&what);
    }

    /// Applies a step's splices (last first) and gives back the step that reverses it.
    fn replay(&mut self, step: Step) -> Step {
        let Some(file) = self.edits.file.as_mut() else {
            return step;
        };
        let splices = step
            .splices
            .into_iter()
            .rev()
            .map(|s| file.undo(s))
            .collect();
        let model = match step.model {
            Replay::Pop => match self.model.pop_item() {
                Some(item) => {
                    let last = self.model.doc.items.len();
                    let argued = self.argued(&item);
                    self.refresh_in_place(
                        &[item.kind],
                        Some(last),
                        !item.quotes.is_empty(),
                        argued,
                    );
                    Replay::Push(Box::new(item))
                }
                None => self.replay_by_reload(),
            },
            Replay::Push(item) => {
                let (kind, quoted, argued) =
                    (item.kind, !item.quotes.is_empty(), self.argued(&item));
                match self.model.push_item(*item) {
                    Ok(()) => {
                        self.refresh_in_place(&[kind], None, quoted, argued);
                        Replay::Pop
                    }
                    Err(_) => self.replay_by_reload(),
                }
            }
            Replay::Replace(index, item) => {
                let kind = item.kind;
                match self.model.replace_item(index, *item) {
                    Ok(now) => {
                        let quotes = now.quotes != self.model.item(index).quotes;
                        let argued = self.argued(&now) || self.argued(self.model.item(index));
                        self.refresh_in_place(&[kind, now.kind], None, quotes, argued);
                        Replay::Replace(index, Box::new(now))
                    }
                    Err(_) => self.replay_by_reload(),
                }
            }
            Replay::Reload => self.replay_by_reload(),
        };
        self.edits.unsaved = true;
        Step {
            splices,
            what: step.what,
            model,
        }
    }

    fn replay_by_reload(&mut self) -> Replay {
        match self.reloaded() {
            Ok(model) => self.refresh(model),
            // The bytes are a state the session was in, and each loaded then.
            Err(why) => self.message = Some(format!("the map could not be read back: {why}")),
        }
        Replay::Reload
    }

    fn say_changed(&mut self, what: &str) {
        let tail = match &self.edits.target {
            Target::File(_) => "saving…",
            Target::Memory => "not saved",
            Target::AskForFile => "not saved: the built-in map is read-only; W saves it to a file",
        };
        self.message = Some(format!("{} — {tail}", model::sanitize::line(what)));
    }

    /// The file's bytes, read at the first change: from the file when it is still the version
    /// on screen, else made from the map (the built-in map, standard input, render).
    fn file_bytes(&mut self) -> Result<&mut DocumentFile, String> {
        if self.edits.file.is_none() {
            let bytes = match &self.edits.target {
                Target::File(path) => {
                    if crate::watch::stamp(path) != self.edits.read_as {
                        return Err(format!(
                            "{} changed on disk since it was read: wait for it to reload, then make the change again",
                            model::sanitize::line(&path.display().to_string())
                        ));
                    }
                    std::fs::read(path).map_err(|e| {
                        format!(
                            "{}: cannot read: {e}",
                            model::sanitize::line(&path.display().to_string())
                        )
                    })?
                }
                Target::AskForFile => model::BUILTIN.as_bytes().to_vec(),
                Target::Memory => crate::export::json::export(&self.model).into_bytes(),
            };
            self.edits.file = Some(DocumentFile::new(bytes));
        }
        self.edits
            .file
            .as_mut()
            .ok_or_else(|| "no file to edit".to_owned())
    }

    /// Applies the ops to the file; on failure, undoes those applied.
    fn splice_all(&mut self, ops: &[Op]) -> Result<Vec<Splice>, String> {
        let Some(file) = self.edits.file.as_mut() else {
            return Err("no file to edit".into());
        };
        let mut done = Vec::with_capacity(ops.len());
        for op in ops {
            let result: Result<Splice, EditError> = match op {
                Op::Push(item) => file.push_item(item),
                Op::Replace(i, item) => file.replace_item(*i, item),
                Op::Remove(i) => file.remove_item(*i),
                Op::ReplaceComparison(i, c) => file.replace_comparison(*i, c),
            };
            match result {
                Ok(s) => done.push(s),
                Err(e) => {
                    self.unsplice(done);
                    return Err(e.to_string());
                }
            }
        }
        Ok(done)
    }

    fn unsplice(&mut self, splices: Vec<Splice>) {
        if let Some(file) = self.edits.file.as_mut() {
            for s in splices.into_iter().rev() {
                file.undo(s);
            }
        }
    }

    /// The map read from the bytes as they are now: every rule of `argscope check`.
    fn reloaded(&self) -> Result<Model, String> {
        let bytes = self.edits.bytes().unwrap_or_default();
        model::load(bytes).map_err(|problems| describe(&problems))
    }

    /// Puts the changed map on screen, the reader kept where they were (by id).
    fn refresh(&mut self, model: Model) {
        let message = self.message.take();
        self.reload(model);
        self.message = message;
    }

    /// What the change does, item by item, and how the status says it.
    fn plan(&self, change: &Change) -> Result<(Vec<Op>, String), String> {
        let doc = &self.model.doc;
        let name = |item: &Item| format!("{} “{}”", item.kind, item.title);
        Ok(match change {
            Change::AddItem(item) => (
                vec![Op::Push(item.clone())],
                format!("added {}", name(item)),
            ),
            Change::EditItem { index, item } => {
                let old = doc
                    .items
                    .get(*index)
                    .ok_or_else(|| format!("there is no item {index}"))?;
                let mut ops = Vec::new();
                let mut item = item.clone();
                if old.id != item.id {
                    let (from, to) = (old.id.as_str(), item.id.as_str());
                    for l in item.links.iter_mut().filter(|l| l.to == from) {
                        l.to = to.into();
                    }
                    for j in self.linking(*index) {
                        let mut other = doc.items[j].clone();
                        for l in other.links.iter_mut().filter(|l| l.to == from) {
                            l.to = to.into();
                        }
                        ops.push(Op::Replace(j, other));
                    }
                    for (k, c) in doc.comparisons.iter().enumerate() {
                        if let Some(c) = renamed(c, from, Some(to)) {
                            ops.push(Op::ReplaceComparison(k, c));
                        }
                    }
                }
                let what = if old.id != item.id {
                    format!("edited {} (id {} → {})", name(&item), old.id, item.id)
                } else {
                    format!("edited {}", name(&item))
                };
                ops.insert(0, Op::Replace(*index, item));
                (ops, what)
            }
            Change::RemoveItem(index) => {
                let old = doc
                    .items
                    .get(*index)
                    .ok_or_else(|| format!("there is no item {index}"))?;
                let mut ops = Vec::new();
                for j in self.linking(*index) {
                    let mut other = doc.items[j].clone();
                    other.links.retain(|l| l.to != old.id);
                    ops.push(Op::Replace(j, other));
                }
                for (k, c) in doc.comparisons.iter().enumerate() {
                    if let Some(c) = renamed(c, &old.id, None) {
                        ops.push(Op::ReplaceComparison(k, c));
                    }
                }
                let links = ops.len();
                ops.push(Op::Remove(*index));
                let what = match links {
                    0 => format!("deleted {}", name(old)),
                    n => format!(
                        "deleted {} and what named it ({n} item{} or comparison{})",
                        name(old),
                        if n == 1 { "" } else { "s" },
                        if n == 1 { "" } else { "s" }
                    ),
                };
                (ops, what)
            }
        })
    }

    /// The other items with a link to item `i`, ascending, each once.
    fn linking(&self, i: usize) -> Vec<usize> {
        let mut from: Vec<usize> = self.model.index.incoming[i]
            .iter()
            .map(|l| l.other)
            .filter(|&j| j != i)
            .collect();
        from.sort_unstable();
        from.dedup();
        from
    }
}

/// The errors among `problems`, each with its place, in one line.
fn describe(problems: &[crate::model::Problem]) -> String {
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| p.is_error())
        .map(ToString::to_string)
        .collect();
    errors.join("; ")
}

/// `c` with the id `from` renamed `to` (or removed, for `None`: from the sides, and the pairs that
/// hold it); `None` when `c` does not name `from`.
fn renamed(c: &Comparison, from: &str, to: Option<&str>) -> Option<Comparison> {
    let names = c.left.items.iter().chain(&c.right.items).any(|i| i == from)
        || c.pairs.iter().flatten().any(|i| i == from);
    if !names {
        return None;
    }
    let mut c = c.clone();
    match to {
        Some(to) => {
            for id in c
                .left
                .items
                .iter_mut()
                .chain(c.right.items.iter_mut())
                .chain(c.pairs.iter_mut().flatten())
                .filter(|id| *id == from)
            {
                *id = to.to_owned();
            }
        }
        None => {
            c.left.items.retain(|i| i != from);
            c.right.items.retain(|i| i != from);
            c.pairs.retain(|p| p.iter().all(|i| i != from));
        }
    }
    Some(c)
}

#[cfg(test)]
mod tests;
