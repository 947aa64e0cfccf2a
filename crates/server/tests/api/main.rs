//! HTTP-level tests of the server, one module per concern. Each test gets its own SQLite file
//! in a fresh temporary directory.

mod assets;
mod binary;
mod common;
mod concurrency;
mod cors;
mod errors;
mod ideas;
mod seed;
mod sites;
mod votes;
