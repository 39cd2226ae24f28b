//! The annotation form (`a`, `E`, and `L` after the palette): an item's fields, or a link's, one
//! line each, checked as they are typed and saved with `Ctrl-s` through `App::change`. The
//! flows that open it, and the delete confirmation, are in `flows.rs` and `confirm.rs`.

pub mod confirm;
pub mod draw;
pub mod flows;

pub use crate::app::annotate::Change;
pub use crate::model::anchor::quote_for;

use super::{Outcome, View};
use crate::app::input::LineInput;
use crate::app::{Action, App, KeyMode};
use crate::model::{ClaimRole, Date, DateError, Item, Kind, KindFields, Link, Quote, When};
use crate::ui::Ctx;
use ratatui::Frame;
use ratatui::layout::Rect;
use std::collections::BTreeMap;

/// What the form makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// A new item quoting the selection.
    NewItem { quote: Quote },
    /// Item `item`, changed.
    EditItem { item: usize },
    /// A link from `source` to `target`, added.
    NewLink { source: usize, target: usize },
    /// Link number `link` of item `source`, changed.
    EditLink { source: usize, link: usize },
}

/// A field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Kind,
    Title,
    Summary,
    WhenLabel,
    WhenDate,
    ActorRole,
    ActorGroup,
    Instrument,
    ClaimRole,
    Tags,
    Id,
    Relation,
    Note,
    Group,
}

impl Field {
    /// Its label, as the form shows it.
    pub fn label(self) -> &'static str {
        match self {
            Field::Kind => "kind",
            Field::Title => "title",
            Field::Summary => "summary",
            Field::WhenLabel => "when",
            Field::WhenDate => "date",
            Field::ActorRole => "role",
            Field::ActorGroup => "group",
            Field::Instrument => "instrument",
            Field::ClaimRole => "role",
            Field::Tags => "tags",
            Field::Id => "id",
            Field::Relation => "relation",
            Field::Note => "note",
            Field::Group => "group",
        }
    }

    /// Whether it is a choice among values (cycled with `Left`/`Right`/`Space`), not typed.
    pub fn is_choice(self) -> bool {
        matches!(self, Field::Kind | Field::ClaimRole | Field::Relation)
    }

    /// What it asks for, shown when it is empty and focused.
    pub fn hint(self) -> &'static str {
        match self {
            Field::WhenLabel => "the article's phrase: \"last fall\"",
            Field::WhenDate => "YYYY, YYYY-MM or YYYY-MM-DD; ~ about, ? uncertain; START/END",
            Field::Tags => "separated by commas or spaces",
            Field::Note => "optional",
            Field::Group => "optional: one name on two premises or more that hold only together",
            Field::Summary => "optional, in your words",
            _ => "",
        }
    }
}

/// The form's state.
#[derive(Debug, Clone)]
pub struct FormView {
    pub purpose: Purpose,
    pub kind: Kind,
    pub claim_role: ClaimRole,
    /// The chosen relation, a position in the document's relations.
    pub relation: usize,
    /// Every typed field, those of other kinds too: switching the kind back keeps them.
    pub inputs: BTreeMap<Field, LineInput>,
    /// The field being edited.
    pub focus: Field,
    /// The reader changed the id: it stops following the title.
    pub id_edited: bool,
    /// Something was typed or chosen: `Esc` asks first.
    pub dirty: bool,
    /// `Esc` on a dirty form: asking whether to throw it away.
    pub asking: bool,
    /// The question is whether to quit (`Ctrl-c` on a dirty form): yes quits too.
    pub quitting: bool,
    /// A save was tried: an empty title or id is an error now, not a blank to fill.
    pub tried: bool,
    /// Why the last save was refused (the engine's reason).
    pub refused: Option<String>,
}

impl FormView {
    fn blank(purpose: Purpose, focus: Field) -> FormView {
        FormView {
            purpose,
            kind: Kind::Claim,
            claim_role: ClaimRole::Premise,
            relation: 0,
            inputs: BTreeMap::new(),
            focus,
            id_edited: false,
            dirty: false,
            asking: false,
            quitting: false,
            tried: false,
            refused: None,
        }
    }

    /// A form for a new item quoting `quote`, on the title, of kind `kind` (the flow gives a
    /// claim: the same keys always make the same item).
    pub fn new_item(quote: Quote, kind: Kind) -> FormView {
        let mut form = FormView::blank(Purpose::NewItem { quote }, Field::Title);
        form.kind = kind;
        form
    }

    /// A form holding item `item`'s fields, on the title. Its id does not follow the title: a
    /// rename is the reader's choice.
    pub fn edit_item(app: &App, item: usize) -> FormView {
        let it = app.model.item(item);
        let mut form = FormView::blank(Purpose::EditItem { item }, Field::Title);
        form.kind = it.kind;
        form.id_edited = true;
        form.set(Field::Title, &it.title);
        form.set(Field::Summary, it.summary.as_deref().unwrap_or(""));
        form.set(Field::Id, &it.id);
        let tags: Vec<&str> = it.tags.iter().map(|t| t.as_str()).collect();
        form.set(Field::Tags, &tags.join(", "));
        match &it.fields {
            KindFields::Event { when: Some(w) } => {
                form.set(Field::WhenLabel, &w.label);
                if let Some(d) = w.date {
                    form.set(Field::WhenDate, &d.to_string());
                }
            }
            KindFields::Actor { role, group } => {
                form.set(Field::ActorRole, role.as_deref().unwrap_or(""));
                form.set(Field::ActorGroup, group.as_deref().unwrap_or(""));
            }
            KindFields::Provision { instrument } => {
                form.set(Field::Instrument, instrument.as_deref().unwrap_or(""));
            }
            KindFields::Claim { role, .. } => form.claim_role = *role,
            _ => {}
        }
        form
    }

    /// A form for a new link from `source` to `target`, on the relation.
    pub fn new_link(app: &App, source: usize, target: usize) -> FormView {
        let mut form = FormView::blank(Purpose::NewLink { source, target }, Field::Relation);
        // Between claims the argument's relation is the likely one.
        let claims = [source, target]
            .iter()
            .all(|&i| app.model.item(i).kind == Kind::Claim);
        if claims && let Some(s) = app.model.doc.argument_relations().supports {
            form.relation = s;
        }
        form
    }

    /// A form holding link `link` of item `source`, on the relation.
    pub fn edit_link(app: &App, source: usize, link: usize) -> Option<FormView> {
        let l = app.model.item(source).links.get(link)?;
        let mut form = FormView::blank(Purpose::EditLink { source, link }, Field::Relation);
        form.relation = app.model.doc.relations.iter().position(|r| r.id == l.rel)?;
        form.set(Field::Note, l.note.as_deref().unwrap_or(""));
        form.set(Field::Group, l.group.as_deref().unwrap_or(""));
        Some(form)
    }

    /// The form after a reload of the file (someone else's save): its items found again by
    /// `find` (from an old position to the new one, by id), so what was typed stays; `None`
    /// when one of them is gone.
    pub fn remapped(
        mut self,
        find: impl Fn(usize) -> Option<usize>,
        relations: usize,
    ) -> Option<FormView> {
        self.purpose = match self.purpose {
            Purpose::NewItem { quote } => Purpose::NewItem { quote },
            Purpose::EditItem { item } => Purpose::EditItem { item: find(item)? },
            Purpose::NewLink { source, target } => Purpose::NewLink {
                source: find(source)?,
                target: find(target)?,
            },
            Purpose::EditLink { source, link } => Purpose::EditLink {
                source: find(source)?,
                link,
            },
        };
        self.relation = self.relation.min(relations.saturating_sub(1));
        self.asking = false;
        Some(self)
    }

    fn set(&mut self, field: Field, text: &str) {
        self.inputs.insert(field, LineInput::field(text));
    }

    /// The text of a typed field (empty when never typed).
    pub fn text(&self, field: Field) -> &str {
        self.inputs.get(&field).map_or("", LineInput::as_str)
    }

    /// Whether the form makes or changes a link (not an item).
    pub fn is_link(&self) -> bool {
        matches!(
            self.purpose,
            Purpose::NewLink { .. } | Purpose::EditLink { .. }
        )
    }

    /// The fields shown, in order: they depend on the kind (an item) or the relation (a link).
    pub fn fields(&self, app: &App) -> Vec<Field> {
        if self.is_link() {
            let mut out = vec![Field::Relation, Field::Note];
            if app.model.is_argument_relation(self.relation) {
                out.push(Field::Group);
            }
            return out;
        }
        let mut out = vec![Field::Kind, Field::Title, Field::Summary];
        out.extend_from_slice(match self.kind {
            Kind::Event => &[Field::WhenLabel, Field::WhenDate][..],
            Kind::Actor => &[Field::ActorRole, Field::ActorGroup],
            Kind::Provision => &[Field::Instrument],
            Kind::Claim => &[Field::ClaimRole],
            Kind::Recommendation => &[],
        });
        out.extend([Field::Tags, Field::Id]);
        out
    }

    /// The item being edited, if the form edits one.
    fn editing(&self) -> Option<usize> {
        match self.purpose {
            Purpose::EditItem { item } => Some(item),
            _ => None,
        }
    }

    /// What is wrong with each field, as the form shows it beside the field.
    pub fn problems(&self, app: &App) -> Vec<(Field, String)> {
        let mut out = Vec::new();
        let shown = self.fields(app);
        if self.is_link() {
            if let Purpose::NewLink { source, target } = self.purpose
                && let Some(rel) = app.model.doc.relations.get(self.relation)
            {
                let to = &app.model.item(target).id;
                if app
                    .model
                    .item(source)
                    .links
                    .iter()
                    .any(|l| l.rel == rel.id && l.to == *to)
                {
                    out.push((Field::Relation, "this link exists already".into()));
                }
            }
            return out;
        }
        if self.text(Field::Title).trim().is_empty() && self.tried {
            out.push((Field::Title, "a title is needed".into()));
        }
        let id = self.text(Field::Id);
        if id.is_empty() {
            if self.tried {
                out.push((Field::Id, "an id is needed".into()));
            }
        } else if !crate::model::validate::is_valid_id(id) {
            out.push((
                Field::Id,
                "a-z, 0-9 and -, starting with a letter or digit, at most 64 bytes".into(),
            ));
        } else if let Some(other) = app.model.index.get(id)
            && Some(other) != self.editing()
        {
            let g = app.glyphs;
            out.push((
                Field::Id,
                format!(
                    "taken by {}{}{}",
                    g.quote_open,
                    app.model.item(other).title,
                    g.quote_close
                ),
            ));
        }
        if shown.contains(&Field::WhenDate) {
            let date = self.text(Field::WhenDate).trim();
            match Date::read(date) {
                _ if date.is_empty() => {}
                Ok(_) => {}
                Err(DateError::Malformed) => out.push((
                    Field::WhenDate,
                    "not a date the format accepts: 2020, 2020-10, 2020-10-05, then ~ ? %".into(),
                )),
                Err(DateError::EndBeforeStart) => {
                    out.push((Field::WhenDate, "the end is before the start".into()))
                }
            }
            if !date.is_empty() && self.text(Field::WhenLabel).trim().is_empty() {
                out.push((
                    Field::WhenLabel,
                    "a date needs the article's phrase for it".into(),
                ));
            }
        }
        out
    }

    /// What a save would lose without being wrong, shown beside the field like a problem but
    /// no bar to saving (the change can be undone): the fields of another kind, typed or held
    /// by the item edited, which the chosen kind has not.
    pub fn warnings(&self, app: &App) -> Vec<(Field, String)> {
        if self.is_link() {
            return self.lone_group(app).into_iter().collect();
        }
        let shown = self.fields(app);
        let mut lost: Vec<(&str, String)> = Vec::new();
        let mut typed = |label: &'static str, fields: &[Field]| {
            if fields.iter().any(|f| shown.contains(f)) {
                return;
            }
            let values: Vec<&str> = fields
                .iter()
                .map(|&f| self.text(f).trim())
                .filter(|s| !s.is_empty())
                .collect();
            // The when's phrase, and its date in brackets.
            match values[..] {
                [] => {}
                [one] => lost.push((label, one.to_owned())),
                [first, ref rest @ ..] => {
                    lost.push((label, format!("{first} ({})", rest.join(" "))))
                }
            }
        };
        typed("when", &[Field::WhenLabel, Field::WhenDate]);
        typed("role", &[Field::ActorRole]);
        typed("group", &[Field::ActorGroup]);
        typed("instrument", &[Field::Instrument]);
        if let Some(item) = self.editing().and_then(|i| app.model.doc.items.get(i))
            && let KindFields::Claim { role, unstated } = item.fields
            && self.kind != Kind::Claim
        {
            let unstated = if unstated { ", unstated" } else { "" };
            lost.push(("role", format!("{}{unstated}", role.name())));
        }
        if lost.is_empty() {
            return Vec::new();
        }
        let kind = self.kind.name();
        let a = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        let names: Vec<String> = lost.iter().map(|(l, _)| format!("\"{l}\"")).collect();
        let values: Vec<&str> = lost.iter().map(|(_, v)| v.as_str()).collect();
        let goes = if lost.len() == 1 { "goes" } else { "go" };
        vec![(
            Field::Kind,
            format!(
                "{a} {kind} has no {}: {} {goes}",
                names.join(" or "),
                values.join("; ")
            ),
        )]
    }

    /// A group named on a link when no other link to the same item has it: a group is two
    /// premises or more (`check` warns about one alone), so the next link is yet to come.
    fn lone_group(&self, app: &App) -> Option<(Field, String)> {
        let group = self.text(Field::Group).trim();
        if group.is_empty() || !app.model.is_argument_relation(self.relation) {
            return None;
        }
        let (source, to, own) = match self.purpose {
            Purpose::NewLink { source, target } => {
                (source, app.model.item(target).id.clone(), None)
            }
            Purpose::EditLink { source, link } => {
                let l = app.model.doc.items.get(source)?.links.get(link)?;
                (source, l.to.clone(), Some(link))
            }
            _ => return None,
        };
        let others = app.model.doc.items.iter().enumerate().any(|(i, item)| {
            item.links.iter().enumerate().any(|(n, l)| {
                !(i == source && Some(n) == own) && l.to == to && l.group.as_deref() == Some(group)
            })
        });
        (!others).then(|| {
            (
                Field::Group,
                "a group is two premises or more: give another premise's link this name too"
                    .to_owned(),
            )
        })
    }

    /// The item the form makes, from the item it edits (its quotes and links kept) or from
    /// the selection's quote.
    pub fn item(&self, app: &App) -> Option<Item> {
        let mut item = match &self.purpose {
            Purpose::NewItem { quote } => Item {
                id: Default::default(),
                kind: self.kind,
                title: String::new(),
                summary: None,
                quotes: vec![quote.clone()],
                links: Vec::new(),
                tags: Vec::new(),
                fields: KindFields::Recommendation {},
            },
            Purpose::EditItem { item } => app.model.doc.items.get(*item)?.clone(),
            _ => return None,
        };
        let text = |f| Some(self.text(f).trim()).filter(|s| !s.is_empty());
        let owned = |f| text(f).map(str::to_owned);
        item.id = self.text(Field::Id).trim().into();
        item.kind = self.kind;
        item.title = self.text(Field::Title).trim().to_owned();
        item.summary = owned(Field::Summary);
        item.tags = self
            .text(Field::Tags)
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|t| !t.is_empty())
            .map(Into::into)
            .collect();
        let unstated = matches!(item.fields, KindFields::Claim { unstated: true, .. });
        item.fields = match self.kind {
            Kind::Event => KindFields::Event {
                when: owned(Field::WhenLabel).map(|label| When {
                    label,
                    date: text(Field::WhenDate).and_then(Date::parse),
                }),
            },
            Kind::Actor => KindFields::Actor {
                role: owned(Field::ActorRole),
                group: owned(Field::ActorGroup),
            },
            Kind::Provision => KindFields::Provision {
                instrument: owned(Field::Instrument),
            },
            Kind::Recommendation => KindFields::Recommendation {},
            Kind::Claim => KindFields::Claim {
                role: self.claim_role,
                unstated,
            },
        };
        Some(item)
    }

    /// The link the form makes, and the item it belongs to, changed.
    pub fn link_change(&self, app: &App) -> Option<(usize, Item)> {
        let rel = app.model.doc.relations.get(self.relation)?;
        let text = |f| Some(self.text(f).trim()).filter(|s| !s.is_empty());
        let group = text(Field::Group)
            .filter(|_| app.model.is_argument_relation(self.relation))
            .map(Into::into);
        let note = text(Field::Note).map(str::to_owned);
        match self.purpose {
            Purpose::NewLink { source, target } => {
                let mut item = app.model.doc.items.get(source)?.clone();
                item.links.push(Link {
                    rel: rel.id.as_str().into(),
                    to: app.model.item(target).id.clone(),
                    group,
                    note,
                });
                Some((source, item))
            }
            Purpose::EditLink { source, link } => {
                let mut item = app.model.doc.items.get(source)?.clone();
                let l = item.links.get_mut(link)?;
                l.rel = rel.id.as_str().into();
                l.group = group;
                l.note = note;
                Some((source, item))
            }
            _ => None,
        }
    }

    /// Cycles a choice field by `step`.
    fn cycle(&mut self, app: &App, step: isize) {
        let turn =
            |at: usize, n: usize| (at as isize + step).rem_euclid(n.max(1) as isize) as usize;
        match self.focus {
            Field::Kind => {
                let at = Kind::ALL.iter().position(|&k| k == self.kind).unwrap_or(0);
                self.kind = Kind::ALL[turn(at, Kind::ALL.len())];
            }
            Field::ClaimRole => {
                let at = ClaimRole::ALL
                    .iter()
                    .position(|&r| r == self.claim_role)
                    .unwrap_or(0);
                self.claim_role = ClaimRole::ALL[turn(at, ClaimRole::ALL.len())];
            }
            Field::Relation => {
                self.relation = turn(self.relation, app.model.doc.relations.len());
            }
            _ => return,
        }
        self.dirty = true;
    }

    /// Moves to the next (or previous) shown field.
    fn step_field(&mut self, app: &App, forward: bool) {
        let fields = self.fields(app);
        let at = fields.iter().position(|&f| f == self.focus).unwrap_or(0);
        let n = fields.len();
        self.focus = fields[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }];
    }

    /// Applies an edit of the focused text field (or a move of its cursor); the id follows the
    /// title until it is edited. On a choice, Space and the cursor's left and right cycle it.
    fn edit(&mut self, app: &mut App, action: Action) {
        if self.focus.is_choice() {
            match action {
                Action::PromptInsert(' ') | Action::PromptRight => self.cycle(app, 1),
                Action::PromptLeft => self.cycle(app, -1),
                _ => {}
            }
            return;
        }
        let field = self.focus;
        let input = self.field_input(field);
        if input.edit(action, &mut app.message) {
            self.changed(app, field);
        }
    }

    /// The focused field's line, made when first typed in.
    fn field_input(&mut self, field: Field) -> &mut LineInput {
        self.inputs
            .entry(field)
            .or_insert_with(|| LineInput::field(""))
    }

    /// After an edit of `field`'s text: the form has something to lose, an earlier refusal no
    /// longer applies, and the id follows the title.
    fn changed(&mut self, app: &App, field: Field) {
        self.dirty = true;
        self.refused = None;
        match field {
            Field::Id => self.id_edited = true,
            Field::Title if !self.id_edited => self.follow_title(app),
            _ => {}
        }
    }

    /// The id made from the title (`-2`, `-3`… when taken).
    fn follow_title(&mut self, app: &App) {
        let title = self.text(Field::Title).trim().to_owned();
        let id = if title.is_empty() {
            String::new()
        } else {
            let editing = self.editing();
            crate::edit::id_from_title(&title, |id| {
                app.model.index.get(id).is_some_and(|i| Some(i) != editing)
            })
        };
        self.set(Field::Id, &id);
    }

    /// Inserts pasted text in the focused field: one line (a newline becomes a space), never a
    /// save.
    pub fn paste(&mut self, app: &mut App, text: &str) {
        if self.asking || self.focus.is_choice() {
            app.message = Some("a paste goes in a text field: Tab to one".into());
            return;
        }
        let mut line = String::with_capacity(text.len().min(LineInput::FIELD_MAX_BYTES));
        let mut last_space = false;
        for c in text.chars() {
            let c = if c.is_whitespace() { ' ' } else { c };
            // A run of blanks (a line break and its indent) is one space.
            if c == ' ' && last_space {
                continue;
            }
            last_space = c == ' ';
            if c.is_control() {
                continue;
            }
            line.push(c);
            // More than fits is cut anyway: no need to copy a book.
            if line.len() > LineInput::FIELD_MAX_BYTES {
                break;
            }
        }
        // Inserted at once, so that a long paste costs one copy of the line, not one a character.
        let field = self.focus;
        if self.field_input(field).insert_str(&line, &mut app.message) {
            self.changed(app, field);
        }
    }

    /// Saves: the fields must be right first; the engine may still refuse, and then says why
    /// in the form, which stays open.
    fn save(&mut self, app: &mut App) -> Outcome {
        self.tried = true;
        let problems = self.problems(app);
        if let Some((field, _)) = problems.first() {
            self.focus = *field;
            self.refused = Some("fix the marked fields first".into());
            return Outcome::Keep;
        }
        let (change, done) = match self.purpose {
            Purpose::NewItem { .. } | Purpose::EditItem { .. } => {
                let Some(item) = self.item(app) else {
                    return Outcome::Close;
                };
                let what = format!(
                    "{} “{}”",
                    item.kind,
                    crate::ui::fit(&item.title, 40, app.glyphs.ellipsis)
                );
                match self.editing() {
                    Some(index) => (Change::EditItem { index, item }, format!("edited {what}")),
                    None => (Change::AddItem(item), format!("added {what}")),
                }
            }
            Purpose::NewLink { .. } | Purpose::EditLink { .. } => {
                let Some((index, item)) = self.link_change(app) else {
                    return Outcome::Close;
                };
                let done = match (&self.purpose, item.links.last()) {
                    (Purpose::NewLink { .. }, Some(l)) => {
                        format!("linked {}", flows::link_words(app, index, l))
                    }
                    _ => format!("edited a link of {}", flows::named(app, index)),
                };
                (Change::EditItem { index, item }, done)
            }
        };
        let count = app.model.doc.items.len();
        app.message = None;
        match app.change(change) {
            Ok(()) => {
                if matches!(self.purpose, Purpose::NewItem { .. }) {
                    // Quoted: the next selection starts afresh.
                    app.text.selection = None;
                }
                let current = match self.purpose {
                    // Appended after the last item: the new item is the current one, so `L`
                    // links from it at once.
                    Purpose::NewItem { .. } => app.model.doc.items.len().checked_sub(1),
                    Purpose::EditItem { item } => Some(item),
                    _ => None,
                };
                if let Some(item) = current
                    && app.model.doc.items.len() >= count
                    && item < app.model.doc.items.len()
                    && app.selected_item() != Some(item)
                {
                    let said = app.message.take();
                    app.navigate(item);
                    app.message = app.message.take().or(said);
                }
                flows::say(app, done);
                Outcome::Close
            }
            Err(why) => {
                self.refused = Some(why);
                Outcome::Keep
            }
        }
    }
}

impl View for FormView {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Form
    }

    fn name(&self) -> &'static str {
        match self.purpose {
            Purpose::NewItem { .. } => "ADD",
            Purpose::EditItem { .. } => "EDIT",
            Purpose::NewLink { .. } => "LINK",
            Purpose::EditLink { .. } => "EDIT LINK",
        }
    }

    fn is_overlay(&self) -> bool {
        true
    }

    /// While it asks whether to discard what was typed, `y` and `n` answer (`update` reads them
    /// as typed letters, whatever the keymap).
    fn footer(&self) -> Option<Vec<(String, &'static str)>> {
        self.asking.then(|| {
            vec![
                (
                    "y".to_owned(),
                    if self.quitting {
                        "discard and quit"
                    } else {
                        "discard"
                    },
                ),
                ("n".to_owned(), "back to the form"),
            ]
        })
    }

    fn update(&mut self, app: &mut App, action: Action) -> Outcome {
        if self.asking {
            return match action {
                Action::PromptInsert('y' | 'Y') | Action::NextField => {
                    app.message = Some("discarded".into());
                    if self.quitting {
                        app.quit_or_ask();
                    }
                    Outcome::Close
                }
                // A second Ctrl-c while asking whether to quit: quit (unless changes to the
                // built-in map would go with it: that is asked once more).
                Action::Quit => {
                    app.quit_or_ask();
                    Outcome::Close
                }
                Action::PromptInsert('n' | 'N') | Action::Escape => {
                    self.asking = false;
                    self.quitting = false;
                    Outcome::Keep
                }
                _ => Outcome::Keep,
            };
        }
        match action {
            Action::Escape if self.dirty => self.asking = true,
            // Quitting would throw away what was typed: ask first, as Esc does.
            Action::Quit => {
                self.asking = true;
                self.quitting = true;
            }
            Action::Escape => return Outcome::Close,
            Action::Save => return self.save(app),
            Action::NextField => self.step_field(app, true),
            Action::PrevField => self.step_field(app, false),
            // Left and right move a text field's cursor, and cycle a choice.
            Action::Left => self.edit(app, Action::PromptLeft),
            Action::Right => self.edit(app, Action::PromptRight),
            a if a.is_line_edit() => self.edit(app, action),
            _ => {}
        }
        Outcome::Keep
    }

    fn draw(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        draw::draw(self, ctx, frame, area);
    }
}
