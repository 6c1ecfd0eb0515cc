//! `dyad ingest`: analyse articles (or read analysed records) into the corpus store.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use dyad_doc::Record;
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
    #[command(flatten)]
    limits: crate::limits::Limits,
    /// Worker threads for analysis (0: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Print the counts as JSON on stdout.
    #[arg(long)]
    json: bool,
    /// Print a line on stderr after each committed batch: the counts durably stored so far.
    #[arg(long)]
    log_commits: bool,
}

/// Prints the committed counts each time a batch commits, when asked to.
pub(crate) struct CommitLog {
    enabled: bool,
    last: IngestReport,
}

impl CommitLog {
    /// A log that prints only when `enabled`.
    pub(crate) fn new(enabled: bool) -> Self {
        CommitLog {
            enabled,
            last: IngestReport::default(),
        }
    }

    /// Called after each item: prints when a batch has committed since the last call.
    fn after(&mut self, ing: &Ingester<'_>) {
        if *ing.committed() != self.last {
            self.print(ing.committed());
        }
    }

    /// Called with the final counts, committed when the ingest finishes.
    fn finish(&mut self, report: &IngestReport) {
        if *report != self.last {
            self.print(report);
        }
    }

    fn print(&mut self, now: &IngestReport) {
        if self.enabled {
            eprintln!(
                "dyad: committed {} added, {} near-duplicates, {} already stored, {} failed",
                now.added, now.duplicates, now.present, now.failed
            );
        }
        self.last = now.clone();
    }
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
        analyze: args.limits.options(false),
        progress: true,
    };
    let mut log = CommitLog::new(args.log_commits);
    let report = if args.records {
        ingest_with(&store, args.batch, &mut log, |ing, log| {
            ingest_records(&args.paths, ing, log)
        })
    } else {
        ingest_paths(&store, &args.paths, &opts, args.batch, &mut log)
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
    log: &mut CommitLog,
) -> dyad_store::Result<IngestReport> {
    ingest_with(store, batch, log, |ing, log| {
        ingest_articles(paths, opts, store, ing, log)
    })
}

/// Runs `fill` on a batched ingester and returns the counts, with the items `fill` reports as
/// skipped counted as present.
fn ingest_with(
    store: &Store,
    batch: usize,
    log: &mut CommitLog,
    fill: impl FnOnce(&mut Ingester<'_>, &mut CommitLog) -> dyad_store::Result<usize>,
) -> dyad_store::Result<IngestReport> {
    let mut ing = store.ingester(batch);
    let skipped = fill(&mut ing, log)?;
    let mut report = ing.finish()?;
    log.finish(&report);
    report.present += skipped;
    Ok(report)
}

/// Analyses and stores; returns how many items were skipped as stored already.
fn ingest_articles(
    paths: &[PathBuf],
    opts: &RunOptions,
    store: &Store,
    ing: &mut Ingester<'_>,
    log: &mut CommitLog,
) -> dyad_store::Result<usize> {
    let mut error = None;
    let summary = run_items(
        paths,
        opts,
        // A rerun does not analyse again what is stored already.
        Some(&mut |id: &str| store.contains(id).unwrap_or(false)),
        Box::new,
        |outcome| {
            let done = match outcome {
                Outcome::Analysed(rec) => ing.add(&rec).map(|_| ()),
                Outcome::Failed { path, message, .. } => {
                    eprintln!("dyad: {message}");
                    ing.fail(&path, &message)
                }
                Outcome::Skipped => Ok(()),
            };
            log.after(ing);
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

fn ingest_records(
    paths: &[PathBuf],
    ing: &mut Ingester<'_>,
    log: &mut CommitLog,
) -> dyad_store::Result<usize> {
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
            log.after(ing);
        }
    }
    Ok(0)
}
