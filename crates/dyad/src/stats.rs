//! `dyad stats`: what the store holds.

use std::process::ExitCode;

use crate::db::DbArg;

/// Arguments of `dyad stats`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

/// Runs the command.
pub fn run(args: Args) -> ExitCode {
    let Some(store) = crate::db::open_existing(&args.db.db) else {
        return ExitCode::from(2);
    };
    let s = match dyad_store::stats(&store) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("dyad: {}: {e}", args.db.db.display());
            return ExitCode::from(2);
        }
    };
    if args.json {
        println!("{}", serde_json::to_string(&s).unwrap_or_default());
    } else {
        for (name, n) in [
            ("articles", s.articles),
            ("stories", s.stories),
            ("near-duplicates", s.duplicates),
            ("entities", s.entities),
            ("quotes", s.quotes),
            ("events", s.events),
            ("amounts", s.amounts),
            ("failed items", s.failed),
        ] {
            println!("{name:<16}{n:>12}");
        }
    }
    ExitCode::SUCCESS
}
