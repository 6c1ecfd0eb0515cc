//! The `dyad` command line: wiring only. Each subcommand hands its work to a library crate.

mod alloc;
mod analyze;
mod db;
mod demo;
mod export;
mod graph;
mod ingest;
mod limits;
mod output;
mod relation;
mod run;
mod search;
mod serve;
mod stats;
mod synth;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc serves the analysis's many small, short-lived allocations faster than the system
/// allocator (docs/BENCHMARKS.md has the figures).
#[global_allocator]
static ALLOCATOR: alloc::Allocator = alloc::Allocator;

/// dyad turns news into the system of relations it describes.
#[derive(Parser)]
#[command(name = "dyad", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles (HTML or scraped text) and print one JSON record per article.
    Analyze(analyze::Args),
    /// Analyse articles (or read analysed records) into the corpus store.
    Ingest(ingest::Args),
    /// Count what the store holds.
    Stats(stats::Args),
    /// Full-text search over articles and quotations.
    Search(search::Args),
    /// Summarise the relation between two actors.
    Relation(relation::Args),
    /// The signed relations graph between actors, with alignment blocs.
    Graph(graph::Args),
    /// Export events (GDELT 2.0 TSV, CSV) or records (JSONL).
    Export(export::Args),
    /// Serve the JSON API and the web UI over a store.
    Serve(serve::Args),
    /// Analyse the bundled example articles into a fresh store and serve it.
    Demo(demo::Args),
    /// Make a synthetic corpus for benchmarks.
    #[command(hide = true)]
    Synth(synth::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Analyze(args) => analyze::run_command(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Stats(args) => stats::run(args),
        Command::Search(args) => search::run(args),
        Command::Relation(args) => relation::run(args),
        Command::Graph(args) => graph::run(args),
        Command::Export(args) => export::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Demo(args) => demo::run(args),
        Command::Synth(args) => synth::run(args),
    }
}
