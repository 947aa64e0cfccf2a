//! HTTP-level tests of the server, one module per concern. Each test runs twice: on its own
//! SQLite file in a fresh temporary directory, and on its own fresh PostgreSQL database on the
//! server named by `KINDRED_TEST_DATABASE_URL` (see `common::Backend::postgres`).

mod assets;
mod binary;
mod boards;
mod comments;
mod common;
mod concurrency;
mod cors;
mod durability;
mod errors;
mod feeds;
mod form_admin;
mod form_examples;
mod form_images;
mod form_table;
mod forms;
mod history;
mod honeypot;
mod ideas;
mod idempotency;
mod insights;
mod likes;
mod live;
mod moderation;
mod multipart;
mod openapi;
mod rate_limits;
mod reports;
mod search;
mod security_headers;
mod seed;
mod similar;
mod sites;
mod sso;
mod uploads;
mod votes;
mod webhooks;
