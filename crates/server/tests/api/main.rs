//! HTTP-level tests of the server, one module per concern. Each test runs twice: on its own
//! SQLite file in a fresh temporary directory, and on its own fresh PostgreSQL database on the
//! server named by `KINDRED_TEST_DATABASE_URL` (see `common::Backend::postgres`).

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
