//! Adapters: how the widget talks to a brand's own REST API, described in data. For each
//! operation the widget performs, an adapter says which request to make (method, URL,
//! query, headers and body, all templates) and where each field of the widget's types lives in
//! the answer. This module is plain Rust, tested natively; the client sends what it builds.

pub mod exchange;
pub mod field;
pub mod paging;
pub mod presets;
pub mod spec;
pub mod template;
pub mod transform;
