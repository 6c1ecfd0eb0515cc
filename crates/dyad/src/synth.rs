//! `dyad synth` (hidden): fills a store with a deterministic synthetic corpus for benchmarks,
//! or writes it as record JSON lines.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use dyad_store::DEFAULT_BATCH;

/// Arguments of `dyad synth`.
#[derive(clap::Args)]
pub struct Args {
    /// Store to fill (created when missing).
    #[arg(long)]
    db: Option<PathBuf>,
    /// Write records as JSON lines to this file instead of storing them.
    #[arg(long)]
    jsonl: Option<PathBuf>,
    /// Number of articles.
    #[arg(long, default_value_t = 1000)]
    articles: usize,
    /// Events per article.
    #[arg(long, default_value_t = 10)]
    events: usize,
    /// Random seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

/// Runs the command.
pub fn run(args: Args) -> ExitCode {
    let records = dyad_store::synth::records(args.articles, args.events, args.seed);
    let started = Instant::now();
    let result: Result<(), String> = if let Some(path) = &args.jsonl {
        crate::output::open(Some(path))
            .and_then(|mut out| {
                for r in records {
                    serde_json::to_writer(&mut out, &r)?;
                    writeln!(out)?;
                }
                out.flush()
            })
            .map_err(|e| e.to_string())
    } else if let Some(db) = &args.db {
        let Some(store) = crate::db::open(db) else {
            return ExitCode::from(2);
        };
        let mut ing = store.ingester(DEFAULT_BATCH);
        let mut records = records;
        records
            .try_for_each(|r| ing.add(&r).map(|_| ()))
            .and_then(|()| ing.finish().map(|_| ()))
            .map_err(|e| e.to_string())
    } else {
        Err("give --db FILE or --jsonl FILE".into())
    };
    match result {
        Ok(()) => {
            eprintln!(
                "dyad: {} synthetic articles in {:.1} s",
                args.articles,
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dyad: synth: {e}");
            ExitCode::from(2)
        }
    }
}
