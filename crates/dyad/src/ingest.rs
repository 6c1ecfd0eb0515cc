//! `dyad ingest`: analyse articles (or read analysed records) into the corpus store.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use dyad_doc::Record;
use dyad_pipeline::Options;
use dyad_store::{IngestReport, Ingester, Store, DEFAULT_BATCH};

use crate::db::DbArg;
use crate::run::{run as run_items, Outcome, RunOptions};

/// Arguments of `dyad ingest`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    /// Files or folders to analyse and store (folders recursively); `-` reads stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The paths are JSON-lines files of records made by `dyad analyze`: store them as they are.
    #[arg(long)]
    records: bool,
    /// Items per transaction.
    #[arg(long, default_value_t = DEFAULT_BATCH)]
    batch: usize,
    /// Largest input item in bytes, after decompression; larger items are recorded as failed.
    #[arg(long, default_value_t = dyad_source::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Worker threads for analysis (0: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Print the counts as JSON on stdout.
    #[arg(long)]
    json: bool,
}

/// Runs the command; exit status 1 when any item failed (failures are recorded in the store).
pub fn run(args: Args) -> ExitCode {
    let Some(store) = crate::db::open(&args.db.db) else {
        return ExitCode::from(2);
    };
    let started = Instant::now();
    let opts = RunOptions {
        threads: args.threads,
        max_bytes: args.max_bytes,
        analyze: Options::default(),
        progress: true,
    };
    let report = if args.records {
        ingest_with(&store, args.batch, |ing| ingest_records(&args.paths, ing))
    } else {
        ingest_paths(&store, &args.paths, &opts, args.batch)
    };
    let report: IngestReport = match report {
        Ok(r) => r,
        Err(e) => {
            eprintln!("dyad: {}: {e}", args.db.db.display());
            return ExitCode::from(2);
        }
    };
    let secs = started.elapsed().as_secs_f64();
    let stored = report.added + report.duplicates;
    eprintln!(
        "dyad: {} added, {} near-duplicates, {} already stored, {} failed in {secs:.2} s \
         ({:.0} records/s) into {}",
        report.added,
        report.duplicates,
        report.present,
        report.failed,
        (stored + report.present) as f64 / secs.max(1e-9),
        args.db.db.display()
    );
    if args.json {
        println!(
            "{}",
            serde_json::to_string(&report).unwrap_or_else(|_| "{}".into())
        );
    }
    if report.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Analyses the articles under `paths` and stores them in batches of `batch`; items stored
/// already are not analysed again, and count as present.
pub(crate) fn ingest_paths(
    store: &Store,
    paths: &[PathBuf],
    opts: &RunOptions,
    batch: usize,
) -> dyad_store::Result<IngestReport> {
    ingest_with(store, batch, |ing| ingest_articles(paths, opts, store, ing))
}

/// Runs `fill` on a batched ingester and returns the counts, with the items `fill` reports as
/// skipped counted as present.
fn ingest_with(
    store: &Store,
    batch: usize,
    fill: impl FnOnce(&mut Ingester<'_>) -> dyad_store::Result<usize>,
) -> dyad_store::Result<IngestReport> {
    let mut ing = store.ingester(batch);
    let skipped = fill(&mut ing)?;
    let mut report = ing.finish()?;
    report.present += skipped;
    Ok(report)
}

/// Analyses and stores; returns how many items were skipped as stored already.
fn ingest_articles(
    paths: &[PathBuf],
    opts: &RunOptions,
    store: &Store,
    ing: &mut Ingester<'_>,
) -> dyad_store::Result<usize> {
    let mut error = None;
    let summary = run_items(
        paths,
        opts,
        // A rerun does not analyse again what is stored already.
        |id| store.contains(id).unwrap_or(false),
        |outcome| {
            let done = match outcome {
                Outcome::Analysed(rec) => ing.add(&rec).map(|_| ()),
                Outcome::Failed { path, message, .. } => {
                    eprintln!("dyad: {message}");
                    ing.fail(&path, &message)
                }
                Outcome::Skipped => Ok(()),
            };
            match done {
                Ok(()) => true,
                Err(e) => {
                    error = Some(e);
                    false
                }
            }
        },
    );
    error.map_or(Ok(summary.skipped), Err)
}

fn ingest_records(paths: &[PathBuf], ing: &mut Ingester<'_>) -> dyad_store::Result<usize> {
    for path in paths {
        let name = path.display().to_string();
        let reader: Box<dyn BufRead> = if name == "-" {
            Box::new(BufReader::new(io::stdin().lock()))
        } else {
            match File::open(path) {
                Ok(f) => Box::new(BufReader::with_capacity(1 << 20, f)),
                Err(e) => {
                    eprintln!("dyad: {name}: cannot read: {e}");
                    ing.fail(&name, &format!("cannot read: {e}"))?;
                    continue;
                }
            }
        };
        for (i, line) in reader.lines().enumerate() {
            let at = format!("{name}:{}", i + 1);
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("dyad: {at}: cannot read: {e}");
                    ing.fail(&at, &format!("cannot read: {e}"))?;
                    break;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Record>(&line) {
                Ok(rec) => {
                    ing.add(&rec)?;
                }
                Err(e) => {
                    eprintln!("dyad: {at}: not a record: {e}");
                    ing.fail(&at, &format!("not a record: {e}"))?;
                }
            }
        }
    }
    Ok(0)
}
