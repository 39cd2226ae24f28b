//! argscope: a terminal explorer for the argument of a written piece.

pub mod cli;
pub mod export;
pub mod model;
pub mod skeleton;
