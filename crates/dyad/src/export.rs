//! `dyad export`: GDELT 2.0 Events TSV, record JSONL or an events CSV from the store.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use dyad_store::{ExportFormat, ExportOptions};

use crate::db::DbArg;

/// Export formats.
#[derive(clap::ValueEnum, Clone, Copy)]
pub enum Format {
    /// GDELT 2.0 Events rows: tab-separated, GDELT's 61 columns in GDELT's order.
    GdeltEvents,
    /// The stored records, one JSON object per line.
    Jsonl,
    /// One CSV row per event, with a header.
    Csv,
    /// events.parquet, entities.parquet and quotes.parquet in the folder given by --out.
    Parquet,
}

/// Arguments of `dyad export`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    #[arg(long, value_enum)]
    format: Format,
    /// Write to this file instead of stdout (for parquet: the folder to write the tables in).
    #[arg(long)]
    out: Option<PathBuf>,
    /// For gdelt-events: write GDELT's column names as the first row.
    #[arg(long)]
    header: bool,
}

/// Runs the command.
pub fn run(args: Args) -> ExitCode {
    let Some(store) = crate::db::open_existing(&args.db.db) else {
        return ExitCode::from(2);
    };
    let format = match args.format {
        Format::Parquet => return parquet(&store, args.out.as_deref()),
        Format::GdeltEvents => ExportFormat::GdeltEvents,
        Format::Jsonl => ExportFormat::Jsonl,
        Format::Csv => ExportFormat::Csv,
    };
    let opts = ExportOptions {
        format,
        header: args.header,
    };
    let result = crate::output::open(args.out.as_deref())
        .map_err(dyad_store::StoreError::from)
        .and_then(|mut out| {
            let n = dyad_store::export(&store, opts, &mut out)?;
            out.flush()?;
            Ok(n)
        });
    match result {
        Ok(n) => {
            eprintln!("dyad: {n} rows exported");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dyad: export: {e}");
            ExitCode::from(2)
        }
    }
}

/// Writes the Parquet tables into the folder `out`.
fn parquet(store: &dyad_store::Store, out: Option<&std::path::Path>) -> ExitCode {
    let Some(dir) = out else {
        eprintln!("dyad: export: parquet needs --out FOLDER");
        return ExitCode::from(2);
    };
    match dyad_store::export_parquet(store, dir) {
        Ok(files) => {
            for (path, rows) in files {
                eprintln!("dyad: {rows} rows in {}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dyad: export: {e}");
            ExitCode::from(2)
        }
    }
}
