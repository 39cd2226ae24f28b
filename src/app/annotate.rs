//! Changing the map from inside the explorer: one [`Change`] at a time, checked by the rules of
//! `argscope check`, applied to the model and to the file's bytes (format-preserving splices,
//! `crate::edit`), recorded for undo and redo, and queued for saving. Nothing here does I/O but
//! the first read of the file's bytes; the save itself is the event loop's (`crate::saver`).

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
        self.ask_for_file_if_due();
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

    /// After an item was added or taken off in place: the lists that show its kind and the Text
    /// pane's passages are built again, the reader kept on the same items; nothing else moved.
    /// `gone` is the position of an item taken off, which nothing may point at any more.
    /// `quotes`: whether the item's quotes changed (else the Text pane's passages stand);
    /// `argued`: whether the item is in the argument, before or after (else the Argument pane,
    /// ~15 ms at 100,000 items, stands).
    fn refresh_in_place(
        &mut self,
        kinds: &[crate::model::Kind],
        gone: Option<usize>,
        quotes: bool,
        argued: bool,
    ) {
        use super::Pane;
        let mut panes: Vec<Pane> = kinds.iter().map(|&k| Pane::of_kind(k)).collect();
        // The Argument pane is a tree of claims through supports and opposes links, which any
        // item may make (the property test found an event's).
        if argued {
            panes.push(Pane::Argument);
        }
        panes.sort_by_key(|p| p.number());
        panes.dedup();
        if let Some(g) = gone {
            self.collapsed.remove(&g);
            if self.memory.mark == Some(g) {
                self.memory.mark = None;
            }
            if self.text.item == Some(g) {
                self.text.item = None;
            }
            // Views may hold the item: they close, as on a reload.
            self.layers.clear();
            self.history
                .remap(|p| (p.item != Some(g) && p.text_item != Some(g)).then_some(p));
        }
        for pane in panes {
            let fresh = match pane {
                Pane::Timeline => super::lists::timeline(&self.model, self.chronological),
                Pane::Actors => super::lists::actors(&self.model),
                Pane::Argument => super::lists::argument(&self.model, &self.collapsed),
                Pane::Text => continue,
                other => super::lists::in_order(&self.model, kind_of(other)),
            };
            let Some(list) = self.lists.get_mut(pane) else {
                continue;
            };
            let (item, row, offset) = (list.selected_item(), list.selected, list.offset);
            let filter = list.filter.clone();
            *list = fresh;
            // A filter stays, over the changed items (a new item shows if it matches).
            if let Some(q) = filter {
                let matching = self.model.search.items(&self.model.doc, &q);
                list.set_filter(&q, Some(&matching));
            }
            list.offset = offset;
            let kept = item
                .filter(|&i| Some(i) != gone)
                .is_some_and(|i| list.select_item(i));
            if !kept {
                list.selected = row.min(list.rows.len().saturating_sub(1));
                list.move_by(0);
            }
        }
        if quotes {
            let old = std::mem::take(&mut self.text);
            self.text = super::TextPane::new(&self.model);
            self.text.lines = old.lines;
            self.text.width = old.width;
            self.text.top = old.top;
            self.text.item = old.item;
            self.text.current = old.current.filter(|&p| p < self.text.passages.len());
        }
        self.search = None;
        self.link = 0;
    }

    /// Whether `item` is in the Argument pane's tree: a claim, or an item with a supports or
    /// opposes link.
    fn argued(&self, item: &Item) -> bool {
        let rels = self.model.doc.argument_relations();
        let argument = |rel: &str| {
            [rels.supports, rels.opposes]
                .into_iter()
                .flatten()
                .any(|r| self.model.doc.relations[r].id == rel)
        };
        item.kind == crate::model::Kind::Claim || item.links.iter().any(|l| argument(&l.rel))
    }

    /// The errors the item of an add or an edit would have, judged alone and changing nothing,
    /// each with its path (`items[i].id`, `items[i].when.date`…): what a form shows beside its
    /// fields before it submits. A removal has none. `App::change` remains the judge: it also
    /// weighs what the item alone cannot show (a linked-argument group) and says every reason
    /// in full.
    pub fn problems_of(&self, change: &Change) -> Vec<crate::model::Problem> {
        match change {
            Change::AddItem(item) => self.model.problems_alone(item, self.model.doc.items.len()),
            Change::EditItem { index, item } => self.model.problems_alone(item, *index),
            Change::RemoveItem(_) => Vec::new(),
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
    pub(super) fn save_as(&mut self, name: &str) {
        let name = name.trim();
        if name.is_empty() {
            self.message = Some("not saved: no file name given (W asks again)".into());
            return;
        }
        self.effects
            .push(super::Effect::SaveAs(PathBuf::from(name)));
    }

    /// `R`: after a refused save, read the file again (the reader's version kept beside it).
    pub(super) fn reload_keeping_copy(&mut self) {
        if self.edits.conflict {
            self.effects.push(super::Effect::ReloadKeepingCopy);
        } else {
            self.message = Some("nothing to reload: no save was refused".into());
        }
    }

    /// What became of a save the saver made.
    pub fn saved(&mut self, outcome: crate::saver::Saved) {
        use crate::saver::Saved;
        match outcome {
            Saved::Done { stamp, .. } => {
                self.edits.read_as = Some(stamp);
                self.message = Some(match self.message.take() {
                    Some(m) if m.ends_with(" — saving…") => {
                        format!("{} — saved", m.trim_end_matches(" — saving…"))
                    }
                    _ => "saved".into(),
                });
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

/// The kind a list pane of one kind shows.
fn kind_of(pane: super::Pane) -> crate::model::Kind {
    use crate::model::Kind;
    match pane {
        super::Pane::Timeline => Kind::Event,
        super::Pane::Actors => Kind::Actor,
        super::Pane::Provisions => Kind::Provision,
        super::Pane::Recommendations => Kind::Recommendation,
        super::Pane::Argument | super::Pane::Text => Kind::Claim,
    }
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
mod tests {
    use super::*;
    use crate::app::Options;
    use crate::model::{Kind, KindFields, Link, Quote};

    fn app() -> App {
        let mut app = App::new(model::builtin(), Options::default());
        app.update(crate::app::Action::Resize(120, 40));
        app.edits.target = Target::AskForFile;
        app
    }

    fn claim(id: &str, quote: &str, to: &str) -> Item {
        Item {
            id: id.into(),
            kind: Kind::Claim,
            title: format!("Claim {id}"),
            summary: None,
            quotes: vec![Quote {
                exact: quote.into(),
                prefix: None,
                suffix: None,
            }],
            links: vec![Link {
                rel: "supports".into(),
                to: to.into(),
                group: None,
                note: None,
            }],
            tags: Vec::new(),
            fields: KindFields::Claim {
                role: crate::model::ClaimRole::Premise,
                unstated: false,
            },
        }
    }

    /// The bytes are the same; else where they first differ.
    fn same(a: &[u8], b: &[u8]) {
        if a != b {
            let at = a
                .iter()
                .zip(b)
                .position(|(x, y)| x != y)
                .unwrap_or(a.len().min(b.len()));
            let show = |s: &[u8]| {
                String::from_utf8_lossy(&s[at.saturating_sub(80)..(at + 80).min(s.len())])
                    .into_owned()
            };
            panic!(
                "differ at {at} (lengths {} {}):\n{}\n---\n{}",
                a.len(),
                b.len(),
                show(a),
                show(b)
            );
        }
    }

    fn thesis(app: &App) -> String {
        let t = (0..app.model.doc.items.len())
            .find(|&i| app.model.is_thesis(i))
            .expect("the built-in map has a thesis");
        app.model.item(t).id.to_string()
    }

    #[test]
    fn an_added_item_is_in_the_map_and_undo_gives_the_bytes_back() {
        let mut app = app();
        let t = thesis(&app);
        let n = app.model.doc.items.len();
        app.change(Change::AddItem(claim("new-claim", "cartels", &t)))
            .unwrap();
        let original = app.edits.undo[0].splices.clone();
        assert!(!original.is_empty());
        assert_eq!(app.model.doc.items.len(), n + 1);
        let new = app.model.index.get("new-claim").unwrap();
        let thesis = app.model.index.get(&t).unwrap();
        assert!(
            app.model.index.incoming[thesis]
                .iter()
                .any(|l| l.other == new)
        );
        assert!(app.message.as_deref().unwrap().contains("added claim"));
        app.undo();
        assert_eq!(app.model.doc.items.len(), n);
        same(app.edits.bytes().unwrap(), model::BUILTIN.as_bytes());
        app.redo();
        assert!(app.model.index.get("new-claim").is_some());
    }

    #[test]
    fn a_change_that_breaks_a_rule_is_refused_whole() {
        let mut app = app();
        let t = thesis(&app);
        let err = app
            .change(Change::AddItem(claim(
                "x",
                "no such words in the text at all",
                &t,
            )))
            .unwrap_err();
        assert!(err.contains("quote"), "{err}");
        let err = app
            .change(Change::AddItem(claim(&t, "cartels", &t)))
            .unwrap_err();
        assert!(err.contains("duplicate") || err.contains("twice"), "{err}");
        let err = app
            .change(Change::AddItem(claim("y", "cartels", "nobody")))
            .unwrap_err();
        assert!(err.contains("nobody"), "{err}");
        assert!(!app.edits.can_undo());
        same(app.edits.bytes().unwrap(), model::BUILTIN.as_bytes());
    }

    #[test]
    fn renaming_rewrites_every_link_and_comparison_and_deleting_removes_them() {
        let mut app = app();
        // The item named by the most links and a comparison.
        let named: Vec<&str> = app
            .model
            .doc
            .comparisons
            .iter()
            .flat_map(|c| c.left.items.iter().map(String::as_str))
            .collect();
        let i = (0..app.model.doc.items.len())
            .filter(|&i| named.contains(&app.model.item(i).id.as_str()))
            .max_by_key(|&i| app.model.index.incoming[i].len())
            .unwrap();
        let old = app.model.item(i).id.to_string();
        let links_in = app.model.index.incoming[i].len();
        assert!(links_in > 0);
        let mut item = app.model.item(i).clone();
        item.id = "renamed-item".into();
        app.change(Change::EditItem { index: i, item }).unwrap();
        let bytes = String::from_utf8(app.edits.bytes().unwrap().to_vec()).unwrap();
        assert!(!bytes.contains(&format!("\"{old}\"")), "{old} still named");
        let j = app.model.index.get("renamed-item").unwrap();
        assert_eq!(app.model.index.incoming[j].len(), links_in);
        app.change(Change::RemoveItem(j)).unwrap();
        let bytes = String::from_utf8(app.edits.bytes().unwrap().to_vec()).unwrap();
        assert!(!bytes.contains("\"renamed-item\""));
        app.undo();
        app.undo();
        same(app.edits.bytes().unwrap(), model::BUILTIN.as_bytes());
        assert_eq!(app.model.index.incoming[i].len(), links_in);
    }

    #[test]
    fn someone_elses_version_clears_the_history_and_says_so_and_a_refused_save_offers_r_and_w() {
        let mut app = app();
        let t = thesis(&app);
        app.change(Change::AddItem(claim("new-claim", "cartels", &t)))
            .unwrap();
        assert!(app.edits.can_undo());
        // A refused save: the reader is told, and offered the two ways out.
        let path = std::path::PathBuf::from("/tmp/map.json");
        app.saved(crate::saver::Saved::Conflict { path: path.clone() });
        let m = app.message.clone().unwrap();
        assert!(
            m.contains("changed on disk") && m.contains("R reloads") && m.contains("W saves"),
            "{m}"
        );
        app.update(crate::app::Action::ReloadKeepingCopy);
        assert_eq!(
            app.effects.pop(),
            Some(crate::app::Effect::ReloadKeepingCopy)
        );
        // Their version arrives: the history is let go, and the status line says why.
        app.reloaded_from_disk(model::builtin(), None);
        assert!(!app.edits.can_undo() && !app.edits.can_redo() && !app.edits.conflict);
        assert!(
            app.message
                .as_deref()
                .unwrap()
                .contains("undo and redo start again")
        );
        app.update(crate::app::Action::ReloadKeepingCopy);
        assert!(app.effects.is_empty(), "nothing was refused");
    }

    #[test]
    fn the_built_in_map_asks_for_a_file_at_its_first_change_and_render_says_not_saved() {
        let mut app = app();
        let t = thesis(&app);
        app.change(Change::AddItem(claim("new-claim", "cartels", &t)))
            .unwrap();
        assert!(
            matches!(&app.mode, crate::app::Mode::Prompt(p) if p.kind == crate::app::search::PromptKind::SaveAs)
        );
        assert!(
            app.take_save().is_none(),
            "nothing is written without a file"
        );
        // render's App: in memory only.
        let mut app = App::new(model::builtin(), Options::default());
        app.change(Change::AddItem(claim("new-claim", "cartels", &t)))
            .unwrap();
        assert!(app.message.as_deref().unwrap().ends_with("not saved"));
        assert!(app.take_save().is_none());
        assert_eq!(app.mode, crate::app::Mode::Browse);
    }

    #[test]
    fn an_added_item_keeps_the_readers_place_and_filter_and_shows_if_it_matches() {
        let mut app = app();
        let t = thesis(&app);
        app.update(crate::app::Action::Focus(crate::app::Pane::Argument));
        app.update(crate::app::Action::StartFilter);
        for c in "cartels".chars() {
            app.update(crate::app::Action::PromptInsert(c));
        }
        app.update(crate::app::Action::PromptAccept);
        let before = app.lists.argument.selected_item();
        assert!(before.is_some(), "some claims quote \"cartels\"");
        app.change(Change::AddItem(claim("new-claim", "cartels", &t)))
            .unwrap();
        let list = &app.lists.argument;
        assert!(list.filter.is_some(), "the filter stays");
        let new = app.model.index.get("new-claim").unwrap();
        assert!(
            list.rows.iter().any(|r| r.item() == Some(new)),
            "its quote matches the filter"
        );
        assert_eq!(
            list.selected_item(),
            before,
            "the reader stays on their item"
        );
    }

    #[test]
    fn a_form_can_ask_for_the_problems_of_its_item_beside_each_field() {
        let app = app();
        let t = thesis(&app);
        let n = app.model.doc.items.len();
        let mut item = claim(&t, "no such words anywhere in it", "nobody");
        item.id = t.as_str().into();
        let problems = app.problems_of(&Change::AddItem(item.clone()));
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert!(
            paths.contains(&format!("items[{n}].id").as_str()),
            "{paths:?}"
        );
        assert!(
            paths.contains(&format!("items[{n}].links[0].to").as_str()),
            "{paths:?}"
        );
        assert!(
            paths.contains(&format!("items[{n}].quotes[0]").as_str()),
            "{paths:?}"
        );
        // The thesis edited under its own id is no duplicate of itself.
        let i = app.model.index.get(&t).unwrap();
        let same = app.model.item(i).clone();
        assert!(
            app.problems_of(&Change::EditItem {
                index: i,
                item: same
            })
            .is_empty()
        );
        assert!(app.problems_of(&Change::RemoveItem(i)).is_empty());
    }
}
