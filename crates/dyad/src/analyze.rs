//! `dyad analyze`: records as JSON lines on stdout, one line per failed item on stderr.

use std::io::{self, BufWriter, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;

use dyad_pipeline::Options;

use crate::inputs::{analyse_each, Analysed};

/// Arguments of `dyad analyze`.
#[derive(clap::Args)]
pub struct Args {
    /// Files or folders to analyse (folders recursively, in sorted order); `-` reads stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Indent the JSON output (meant for a single record).
    #[arg(long)]
    pretty: bool,
    /// Largest input item in bytes, after decompression; larger items are reported and skipped.
    #[arg(long, default_value_t = dyad_source::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Include the token layer in each record.
    #[arg(long)]
    tokens: bool,
}

/// Runs the command; exit status 1 when any item failed.
pub fn run(args: Args) -> ExitCode {
    let opts = Options {
        tokens: args.tokens,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let (mut ok, mut failed) = (0usize, 0usize);
    analyse_each(
        &args.paths,
        args.max_bytes,
        &opts,
        |_| false,
        |outcome| {
            match outcome {
                Analysed::Record(rec) => {
                    let written = if args.pretty {
                        serde_json::to_writer_pretty(&mut out, &*rec)
                    } else {
                        serde_json::to_writer(&mut out, &*rec)
                    };
                    if written.is_err() || writeln!(out).is_err() {
                        // stdout closed (e.g. piped into `head`): stop quietly.
                        return ControlFlow::Break(());
                    }
                    ok += 1;
                }
                Analysed::Failed { error, .. } => {
                    eprintln!("dyad: {error}");
                    failed += 1;
                }
                Analysed::Skipped => {}
            }
            ControlFlow::Continue(())
        },
    );
    let _ = out.flush();
    if failed > 0 {
        eprintln!("dyad: {ok} analysed, {failed} failed");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
