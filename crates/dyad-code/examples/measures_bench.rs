//! Throughput of the measuring layers (amounts, dates, tone, themes) on one large text.
//!
//! `cargo run --release -p dyad-code --example measures_bench -- FILE [REPEAT]`
//! The text is split into paragraphs at blank lines and into sentences by the engine's
//! sentence splitter; the layers then run REPEAT times (default 5) over the whole text. With
//! `--themes` it prints the text's theme scores instead.

use std::time::Instant;

use dyad_doc::{Block, BlockKind};

fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut start = 0;
    for part in text.split("\n\n") {
        let end = start + part.len();
        if !part.trim().is_empty() {
            out.push(Block {
                kind: BlockKind::Paragraph,
                start,
                end,
            });
        }
        start = end + 2;
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: measures_bench FILE [REPEAT] [--themes]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let sentences = dyad_nlp::sentences(&text, &blocks(&text));
    let tokens = dyad_nlp::tokenize(&text);
    if args.iter().any(|a| a == "--themes") {
        for s in dyad_code::themes::scores(&text, &tokens) {
            println!("{:16} {:4} {:.2}/1000", s.name, s.hits, s.per_thousand);
        }
        return;
    }
    let repeat: usize = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let words = tokens
        .iter()
        .filter(|t| t.kind != dyad_nlp::TokenKind::Punct)
        .count();
    let mut counts = (0, 0, 0);
    let t0 = Instant::now();
    for _ in 0..repeat {
        let a = dyad_nlp::amounts(&text, &sentences);
        let d = dyad_nlp::dates(&text, &sentences, &a, Some("2024-10-15"));
        let tone = dyad_code::tone(&text, &tokens);
        let th = dyad_code::themes(&text, &tokens);
        counts = (a.len(), d.len(), th.len());
        std::hint::black_box(tone);
    }
    let secs = t0.elapsed().as_secs_f64() / repeat as f64;
    println!(
        "{} bytes, {words} words, {} sentences: amounts {} dates {} themes {}",
        text.len(),
        sentences.len(),
        counts.0,
        counts.1,
        counts.2
    );
    println!(
        "amounts+dates+tone+themes: {:.2} ms per pass, {:.1} MB/s, {:.0} 800-word articles/s",
        secs * 1000.0,
        text.len() as f64 / secs / 1e6,
        words as f64 / 800.0 / secs
    );
}
