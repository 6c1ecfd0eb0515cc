//! The `dyad` command line: wiring only. Each subcommand hands its work to a library crate.

mod analyze;
mod run;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Analyze(args) => analyze::run_command(args),
    }
}
