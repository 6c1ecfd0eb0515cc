//! `dyad demo`: analyse the bundled example articles into a fresh store in the system's
//! temporary folder and serve it.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dyad_pipeline::Options;
use dyad_store::{Store, DEFAULT_BATCH};

use crate::run::RunOptions;
use crate::serve::DEFAULT_ADDR;

/// The bundled examples, relative to the working folder (a checkout's root).
const EXAMPLES: &str = "examples/articles";

/// Arguments of `dyad demo`.
#[derive(clap::Args)]
pub struct Args {
    /// Address and port to listen on (port 0 picks a free one).
    #[arg(long, default_value = DEFAULT_ADDR)]
    addr: SocketAddr,
    /// Folder of articles to analyse instead of the bundled examples.
    #[arg(long)]
    articles: Option<PathBuf>,
}

/// Runs the command.
pub fn run(args: Args) -> ExitCode {
    let articles = args.articles.unwrap_or_else(examples);
    if !articles.is_dir() {
        eprintln!(
            "dyad: demo: {}: no such folder (run from a checkout of dyad, or give --articles DIR)",
            articles.display()
        );
        return ExitCode::from(2);
    }
    let db = std::env::temp_dir().join("dyad-demo").join("demo.db");
    if let Err(e) = fresh(&db) {
        eprintln!("dyad: demo: {}: {e}", db.display());
        return ExitCode::from(2);
    }
    let Some(store) = crate::db::open(&db) else {
        return ExitCode::from(2);
    };
    let opts = RunOptions {
        threads: 0,
        max_bytes: dyad_source::DEFAULT_MAX_BYTES,
        analyze: Options::default(),
        progress: false,
    };
    match crate::ingest::ingest_paths(
        &store,
        std::slice::from_ref(&articles),
        &opts,
        DEFAULT_BATCH,
        &mut crate::ingest::CommitLog::new(false),
    ) {
        Ok(r) => eprintln!(
            "dyad: demo: {} articles from {} analysed into {} ({} failed)",
            r.added + r.duplicates,
            articles.display(),
            db.display(),
            r.failed
        ),
        Err(e) => {
            eprintln!("dyad: demo: {}: {e}", db.display());
            return ExitCode::from(2);
        }
    }
    drop::<Store>(store);
    crate::serve::serve(&db, args.addr)
}

/// The bundled examples: under the working folder, else in the checkout this binary was built
/// from.
fn examples() -> PathBuf {
    let here = PathBuf::from(EXAMPLES);
    if here.is_dir() {
        return here;
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(EXAMPLES)
}

/// Removes the store at `db` and its journal files, so that each demo starts afresh.
fn fresh(db: &Path) -> std::io::Result<()> {
    if let Some(dir) = db.parent() {
        std::fs::create_dir_all(dir)?;
    }
    for suffix in ["", "-wal", "-shm"] {
        let file = PathBuf::from(format!("{}{suffix}", db.display()));
        match std::fs::remove_file(&file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}
