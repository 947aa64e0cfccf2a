//! SQLite text of the statements in [`crate::store::moderation`].

pub mod blocks;
pub mod curation;
pub mod export;
pub mod feeds;
pub mod log;
pub mod queue;
pub mod settings;

/// How a parameter is written before its number, for statements assembled in Rust.
pub const PARAM: char = '?';
