//! Opening the corpus store for the commands that use it.

use std::path::{Path, PathBuf};

use dyad_store::Store;

/// The store's default file, in the working folder.
pub const DEFAULT_DB: &str = "dyad.db";

/// The `--db` option shared by the store commands.
#[derive(clap::Args, Clone)]
pub struct DbArg {
    /// The store (an SQLite file; created when missing).
    #[arg(long, default_value = DEFAULT_DB)]
    pub db: PathBuf,
}

/// Opens the store, reporting a failure on stderr.
pub fn open(path: &Path) -> Option<Store> {
    match Store::open(path) {
        Ok(s) => Some(s),
        Err(e) => {
            eprintln!("dyad: {}: {e}", path.display());
            None
        }
    }
}

/// Opens an existing store (queries never create one), reporting a failure on stderr.
pub fn open_existing(path: &Path) -> Option<Store> {
    if !path.exists() {
        eprintln!(
            "dyad: {}: no such store (create one with `dyad ingest`)",
            path.display()
        );
        return None;
    }
    open(path)
}
