//! The panes the reader lives in: the list panes (Timeline, Actors, Provisions,
//! Recommendations, and the Argument tree), the detail beside them, and the Text pane with its
//! passage panel. Each folder holds a pane's state and keys (`mod.rs`) and its drawing
//! (`draw.rs`).

pub mod argument;
pub mod detail;
pub mod lists;
pub mod text;
