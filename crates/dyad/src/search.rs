//! `dyad search`: full-text search over articles and quotations.

use std::process::ExitCode;

use dyad_store::SearchOptions;

use crate::db::DbArg;

/// Arguments of `dyad search`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    /// Words, "quoted phrases", `prefix*`, OR, NOT.
    query: String,
    /// Only articles that name this actor (CAMEO code, e.g. ISR or ISRGOV).
    #[arg(long)]
    actor: Option<String>,
    /// Only articles published on or after this date (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Only articles published on or before this date (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// Largest number of articles and of quotations shown.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Runs the command.
pub fn run(args: Args) -> ExitCode {
    let Some(store) = crate::db::open_existing(&args.db.db) else {
        return ExitCode::from(2);
    };
    let opts = SearchOptions {
        query: args.query,
        actor: args.actor,
        from: args.from,
        to: args.to,
        limit: args.limit,
    };
    let r = match dyad_store::search(&store, &opts) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("dyad: search: {e}");
            return ExitCode::from(2);
        }
    };
    if args.json {
        println!("{}", serde_json::to_string(&r).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    println!("articles ({}):", r.articles.len());
    for h in &r.articles {
        println!(
            "  [{}] {} ({})",
            h.article,
            h.title.as_deref().unwrap_or("(untitled)"),
            h.published.as_deref().unwrap_or("undated")
        );
        if let Some(s) = &h.sentence {
            println!("      {s}");
        }
    }
    println!("quotes ({}):", r.quotes.len());
    for q in &r.quotes {
        println!(
            "  [{}] {}: \u{201c}{}\u{201d}",
            q.article,
            q.speaker.as_deref().unwrap_or("(unattributed)"),
            q.quote
        );
    }
    ExitCode::SUCCESS
}
