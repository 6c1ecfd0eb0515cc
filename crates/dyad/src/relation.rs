//! `dyad relation`: the summary of one dyad.

use std::process::ExitCode;

use dyad_store::RelationOptions;

use crate::db::DbArg;

/// Arguments of `dyad relation`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    /// One side: a CAMEO code (ISR, ISRGOV) or a name in the store (Israel).
    a: String,
    /// The other side.
    b: String,
    /// Largest number of evidence sentences.
    #[arg(long, default_value_t = 20)]
    evidence: usize,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Runs the command.
pub fn run(args: Args) -> ExitCode {
    let Some(store) = crate::db::open_existing(&args.db.db) else {
        return ExitCode::from(2);
    };
    let opts = RelationOptions {
        evidence: args.evidence,
        ..RelationOptions::default()
    };
    let r = match dyad_store::relation(&store, &args.a, &args.b, &opts) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("dyad: relation: {e}");
            return ExitCode::from(2);
        }
    };
    if args.json {
        println!("{}", serde_json::to_string(&r).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    let num = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.2}"));
    println!(
        "{} ({}) – {} ({})",
        r.a.query,
        r.a.codes.join(" "),
        r.b.query,
        r.b.codes.join(" ")
    );
    println!(
        "events {} ({} → {}, {} ←), cooperation {}, conflict {}, mean Goldstein {}",
        r.events,
        r.a_to_b,
        r.b.query,
        r.b_to_a,
        r.cooperation,
        r.conflict,
        num(r.goldstein_mean)
    );
    println!("articles {}, mean tone {}", r.articles, num(r.tone_mean));
    println!("month     events  vcoop mcoop vconf mconf  goldstein  cameo roots");
    for m in &r.months {
        let roots: Vec<String> = m
            .cameo_roots
            .iter()
            .map(|(k, v)| format!("{k}:{v}"))
            .collect();
        println!(
            "{:<9} {:>6}  {:>5} {:>5} {:>5} {:>5}  {:>9.2}  {}",
            m.month.as_deref().unwrap_or("undated"),
            m.events,
            m.quad[0],
            m.quad[1],
            m.quad[2],
            m.quad[3],
            m.goldstein_mean,
            roots.join(" ")
        );
    }
    if !r.quotes.is_empty() {
        println!("quotes:");
        for q in &r.quotes {
            println!(
                "  {} ({}) on {}: \u{201c}{}\u{201d} [{}]",
                q.speaker.as_deref().unwrap_or("?"),
                q.speaker_code,
                q.about,
                q.quote,
                q.article
            );
        }
    }
    if !r.amounts.is_empty() {
        println!("amounts:");
        for a in &r.amounts {
            println!(
                "  {} {} ({}) [{}]",
                a.value,
                a.unit,
                a.about.as_deref().unwrap_or(&a.text),
                a.article
            );
        }
    }
    println!("evidence:");
    for e in &r.evidence {
        println!(
            "  {} {}→{} {} (quad {}, {:+.1}) {}: {}",
            e.date.as_deref().unwrap_or("undated"),
            e.source.as_deref().unwrap_or("?"),
            e.target.as_deref().unwrap_or("?"),
            e.cameo,
            e.quad,
            e.goldstein,
            e.title.as_deref().unwrap_or(&e.article),
            e.sentence
        );
    }
    ExitCode::SUCCESS
}
