//! `dyad graph`: the signed relations graph with its alignment blocs.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::db::DbArg;

/// Output formats of `dyad graph`.
#[derive(clap::ValueEnum, Clone, Copy)]
pub enum Format {
    Json,
    Graphml,
}

/// Arguments of `dyad graph`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Write to this file instead of stdout.
    #[arg(long)]
    out: Option<PathBuf>,
}

/// Runs the command.
pub fn run(args: Args) -> ExitCode {
    let Some(store) = crate::db::open_existing(&args.db.db) else {
        return ExitCode::from(2);
    };
    let g = match dyad_store::graph(&store) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("dyad: graph: {e}");
            return ExitCode::from(2);
        }
    };
    let written = crate::output::open(args.out.as_deref()).and_then(|mut out| {
        match args.format {
            Format::Json => {
                serde_json::to_writer_pretty(&mut out, &g)?;
                writeln!(out)?;
            }
            Format::Graphml => dyad_store::write_graphml(&g, &mut out)?,
        }
        out.flush()
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dyad: graph: {e}");
            ExitCode::from(2)
        }
    }
}
