//! argscope: a terminal explorer for the argument of a written piece.

pub mod app;
pub mod cli;
pub mod config;
pub mod edit;
pub mod editor;
pub mod export;
pub mod model;
pub mod panes;
pub mod render;
pub mod save;
pub mod saver;
pub mod shutdown;
pub mod skeleton;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod views;
pub mod watch;
pub mod work;
pub mod wrap;
