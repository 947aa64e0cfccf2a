//! `cargo xtask openapi`: rewrites `docs/openapi.json` and the JSON Schema for forms derived
//! from it, `docs/form-schema.json`, from the server's code.
//!
//! The server's tests `openapi::committed_document_matches_the_code` and
//! `openapi::committed_form_schema_matches_the_code` compare them; run with
//! `KINDRED_WRITE_OPENAPI` set, they write the generated documents instead.

use crate::cmd;
use crate::Result;

/// Regenerates the committed OpenAPI document and JSON Schema for forms.
pub fn run() -> Result {
    cmd::run(
        cmd::cargo()
            .args(["test", "--package", "kindred-server", "--test", "api", "--"])
            .arg("openapi::committed_")
            .env("KINDRED_WRITE_OPENAPI", "1"),
    )?;
    println!("wrote docs/openapi.json and docs/form-schema.json");
    Ok(())
}
