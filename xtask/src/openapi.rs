//! `cargo xtask openapi`: rewrites `docs/openapi.json` from the server's code.
//!
//! The server's test `openapi::committed_document_matches_the_code` compares the two; run with
//! `KINDRED_WRITE_OPENAPI` set, it writes the generated document instead.

use crate::cmd;
use crate::Result;

/// Regenerates the committed OpenAPI document.
pub fn run() -> Result {
    cmd::run(
        cmd::cargo()
            .args(["test", "--package", "kindred-server", "--test", "api", "--"])
            .arg("openapi::committed_document_matches_the_code")
            .env("KINDRED_WRITE_OPENAPI", "1"),
    )?;
    println!("wrote docs/openapi.json");
    Ok(())
}
