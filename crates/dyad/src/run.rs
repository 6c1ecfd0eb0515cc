//! Running the pipeline over many inputs: items are read in order, analysed on several
//! threads, and handed back in input order. Memory stays bounded: at most
//! [`IN_FLIGHT_PER_THREAD`] items per thread are in flight at a time.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use dyad_doc::Record;
use dyad_pipeline::{analyze, Options, Origin};
use dyad_source::{Item, SourceError};

/// How a run reads and analyses its inputs.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Largest input item in bytes.
    pub max_bytes: u64,
    pub analyze: Options,
    /// Show a progress bar on stderr when it is a terminal.
    pub progress: bool,
}

/// What became of one input item; `T` is what the worker made of an analysed record.
pub enum Outcome<T> {
    Analysed(T),
    /// The item was passed over at the caller's wish (e.g. stored already).
    Skipped,
    /// The item could not be read or analysed: where, which kind of problem, and a message
    /// that names the item.
    Failed {
        path: String,
        kind: &'static str,
        message: String,
    },
}

/// Counts at the end of a run.
#[derive(Debug, Default)]
pub struct Summary {
    pub analysed: usize,
    pub failed: usize,
    pub skipped: usize,
    /// Failures by kind (`binary`, `empty`, `too-large`, …), in name order.
    pub failures: BTreeMap<&'static str, usize>,
    pub elapsed: Duration,
}

impl Summary {
    /// One line for stderr: counts, failures by kind, time and rate.
    pub fn line(&self) -> String {
        let secs = self.elapsed.as_secs_f64();
        let mut s = format!(
            "{} analysed, {} failed in {:.2}s ({:.0} items/s)",
            self.analysed,
            self.failed,
            secs,
            (self.analysed + self.failed) as f64 / secs.max(1e-9)
        );
        if !self.failures.is_empty() {
            let kinds: Vec<String> = self
                .failures
                .iter()
                .map(|(k, n)| format!("{k}: {n}"))
                .collect();
            s.push_str(&format!(" [{}]", kinds.join(", ")));
        }
        s
    }
}

/// Items in flight per worker thread: one being analysed and one waiting, so no worker
/// waits for the reader; few, so that the memory the inputs take stays small and what one
/// item freed serves the next.
const IN_FLIGHT_PER_THREAD: usize = 2;

/// Reads every item of `paths` and analyses it, calling `sink` for each outcome in input
/// order. `skip`, when given, sees each item's record id first and may pass it over without
/// analysis (without it no id is computed here: hashing the input is a few per cent of an
/// analysis, and the analysis computes the id itself).
/// `finish` turns each record into what `sink` takes, on the thread that analysed it
/// (e.g. its JSON line): the record's many small blocks are then freed by the thread that
/// allocated them, and only the result crosses to the thread that calls `sink`.
/// `sink` returns false to stop early (e.g. the output pipe closed).
pub fn run<T: Send>(
    paths: &[PathBuf],
    opts: &RunOptions,
    mut skip: Option<&mut dyn FnMut(&str) -> bool>,
    finish: impl Fn(Record) -> T + Sync,
    mut sink: impl FnMut(Outcome<T>) -> bool,
) -> Summary {
    let started = Instant::now();
    let threads = if opts.threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        opts.threads
    };
    let mut summary = Summary::default();
    let files = dyad_source::expand(paths);
    let progress = Progress::new(opts.progress, files.len());
    let items = files.into_iter().enumerate().flat_map(|(n, p)| {
        let items = match p {
            Ok(p) => dyad_source::items(&p, opts.max_bytes),
            Err(e) => Box::new(std::iter::once(Err(e))),
        };
        items.map(move |item| (n, item))
    });
    let inputs = items.map(|(file_number, item)| {
        let item = match item {
            Ok(it)
                if skip
                    .as_mut()
                    .is_some_and(|skip| skip(&dyad_pipeline::record_id(&it.bytes))) =>
            {
                None
            }
            other => Some(other),
        };
        (file_number, item)
    });
    dyad_pipeline::parallel::stream_ordered(
        inputs,
        threads,
        threads * IN_FLIGHT_PER_THREAD,
        |(file_number, input)| {
            let outcome = input.map_or(Outcome::Skipped, |input| {
                analyze_item(input, &opts.analyze, &finish)
            });
            (file_number, outcome)
        },
        |(file_number, outcome)| {
            progress.advance(file_number, &summary);
            match &outcome {
                Outcome::Analysed(_) => summary.analysed += 1,
                Outcome::Skipped => summary.skipped += 1,
                Outcome::Failed { kind, .. } => {
                    summary.failed += 1;
                    *summary.failures.entry(kind).or_default() += 1;
                }
            }
            sink(outcome)
        },
    );
    summary.elapsed = started.elapsed();
    progress.finish();
    summary
}

/// A progress bar over input files, with the article count and rate as its message; hidden
/// unless asked for and stderr is a terminal.
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    fn new(wanted: bool, files: usize) -> Self {
        use std::io::IsTerminal;
        if !wanted || !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = indicatif::ProgressBar::new(files as u64);
        let style = indicatif::ProgressStyle::with_template(
            "{bar:30} {pos}/{len} files · {msg} · {elapsed} elapsed · ETA {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
        bar.set_style(style);
        Progress(Some(bar))
    }

    fn advance(&self, file_number: usize, summary: &Summary) {
        if let Some(bar) = &self.0 {
            bar.set_position(file_number as u64);
            let done = summary.analysed + summary.failed;
            let rate = done as f64 / bar.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!(
                "{done} articles, {rate:.0}/s, {} failed",
                summary.failed
            ));
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

fn analyze_item<T>(
    input: Result<Item, SourceError>,
    opts: &Options,
    finish: impl Fn(Record) -> T,
) -> Outcome<T> {
    let item = match input {
        Ok(item) => item,
        Err(e) => {
            return Outcome::Failed {
                path: e.path().to_string(),
                kind: e.kind(),
                message: e.to_string(),
            }
        }
    };
    let origin = Origin {
        path: Some(item.path.clone()),
        url: item.url,
        published: item.published,
        fetched: item.fetched,
        charset: item.charset,
    };
    match analyze(&item.bytes, origin, opts) {
        Ok(rec) => Outcome::Analysed(finish(rec)),
        Err(e) => Outcome::Failed {
            kind: e.kind(),
            message: format!("{}: {e}", item.path),
            path: item.path,
        },
    }
}
