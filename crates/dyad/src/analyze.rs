//! `dyad analyze`: records as JSON lines on stdout, one line per failed item on stderr.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use dyad_doc::Record;

use crate::run::{run, Outcome, RunOptions};

/// Arguments of `dyad analyze`.
#[derive(clap::Args)]
pub struct Args {
    /// Files or folders to analyse (folders recursively, in sorted order); `-` reads stdin.
    /// A file may be a page (HTML or text), a WARC archive, an RSS/Atom feed or JSON lines.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Indent the JSON output (meant for a single record).
    #[arg(long)]
    pretty: bool,
    /// Largest input item in bytes, after decompression; larger items are reported and skipped.
    #[arg(long, default_value_t = dyad_source::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    #[command(flatten)]
    limits: crate::limits::Limits,
    /// Include the token layer in each record.
    #[arg(long)]
    tokens: bool,
    /// Worker threads (0: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// No progress bar (it shows only when stderr is a terminal anyway).
    #[arg(long, short)]
    quiet: bool,
}

/// Runs the command; exit status 1 when any item failed.
pub fn run_command(args: Args) -> ExitCode {
    let opts = RunOptions {
        threads: args.threads,
        max_bytes: args.max_bytes,
        analyze: args.limits.options(args.tokens),
        progress: !args.quiet,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    // Each record is written as a JSON line by the thread that analysed it, by the record's own
    // JSON writer (the same bytes as serde_json's, faster), and then to stdout at once.
    let to_line = |rec: Record| {
        // Records run to about five times their text; one allocation serves most.
        let mut line = Vec::with_capacity(rec.text.len() * 6 + 4096);
        let written = if args.pretty {
            serde_json::to_writer_pretty(&mut line, &rec)
        } else {
            dyad_doc::write_record(&rec, &mut line)
        };
        line.push(b'\n');
        written.map(|()| line)
    };
    let summary = run(&args.paths, &opts, None, to_line, |outcome| match outcome {
        // A closed stdout (piped into `head`) ends the run quietly.
        Outcome::Analysed(line) => line.is_ok_and(|line| out.write_all(&line).is_ok()),
        Outcome::Failed { message, .. } => {
            eprintln!("dyad: {message}");
            true
        }
        Outcome::Skipped => true,
    });
    let _ = out.flush();
    if summary.failed > 0 || !args.quiet && std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        eprintln!("dyad: {}", summary.line());
    }
    if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
