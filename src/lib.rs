//! argscope: a terminal explorer for the argument of a written piece.

pub mod app;
pub mod cli;
pub mod config;
pub mod export;
pub mod model;
pub mod render;
pub mod skeleton;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod work;
pub mod wrap;
