//! Rebuilds the server when a migration changes: `sqlx::migrate!` embeds the files at compile time.
//! Cargo scans a watched directory recursively, so `migrations` covers each dialect's folder
//! (`migrations/sqlite`, `migrations/postgres`).

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
