//! The format's rules as questions to the model, so that a relation or a role renamed in the
//! format changes here and nowhere else: which relations carry the argument, which claim is a
//! thesis, the items of a kind, a link's note.

use super::order::ArgumentRelations;
use super::{ClaimRole, Document, Item, Kind, KindFields, Model, order};

impl Item {
    /// Whether the item is a claim with the role of thesis.
    pub fn is_thesis(&self) -> bool {
        matches!(
            self.fields,
            KindFields::Claim {
                role: ClaimRole::Thesis,
                ..
            }
        )
    }
}

impl Document {
    /// The positions of the relations that carry the argument, `supports` and `opposes`.
    pub fn argument_relations(&self) -> ArgumentRelations {
        let find = |id: &str| self.relations.iter().position(|r| r.id == id);
        ArgumentRelations {
            supports: find("supports"),
            opposes: find("opposes"),
        }
    }
}

impl Model {
    /// The items of `kind`, in document order.
    pub fn of_kind(&self, kind: Kind) -> Vec<usize> {
        order::of_kind(self, kind)
    }

    /// Whether `item` is a claim with the role of thesis.
    pub fn is_thesis(&self, item: usize) -> bool {
        self.item(item).is_thesis()
    }

    /// Whether relation `rel` carries the argument (`supports` or `opposes`).
    pub fn is_argument_relation(&self, rel: usize) -> bool {
        order::argument_relations(self).contains(rel)
    }

    /// Whether relation `rel` is `opposes` (the argument's other relation being `supports`).
    pub fn is_opposition(&self, rel: usize) -> bool {
        order::argument_relations(self).opposes == Some(rel)
    }

    /// Whether some claim supports or opposes `item`: it has children in the Argument tree.
    pub fn has_argument_children(&self, item: usize) -> bool {
        let rels = order::argument_relations(self);
        self.index.incoming[item]
            .iter()
            .any(|l| rels.contains(l.rel))
    }

    /// The note of link number `link` of item `source`, if it has one.
    pub fn link_note(&self, source: usize, link: usize) -> Option<&str> {
        self.item(source).links.get(link)?.note.as_deref()
    }
}
