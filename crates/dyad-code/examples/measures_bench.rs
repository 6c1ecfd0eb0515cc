//! Throughput of the measuring layers (amounts, dates, tone, themes) on one large text.
//!
//! `cargo run --release -p dyad-code --example measures_bench -- FILE [REPEAT]`
//! The text is split into paragraphs at blank lines and into sentences by the engine's
//! sentence splitter; the layers then run REPEAT times (default 5) over the whole text. With
//! `--themes` it prints the text's theme scores instead.

use std::time::Instant;

use dyad_doc::{Block, BlockKind};

/// Nanoseconds this thread has run on a CPU (Linux `/proc/thread-self/schedstat`), so the
/// figure holds on a busy machine; `None` elsewhere.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

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
    let mut layer = [0.0f64; 4];
    let t0 = Instant::now();
    let c0 = cpu_ns();
    for _ in 0..repeat {
        let t = Instant::now();
        let a = dyad_nlp::amounts(&text, &sentences);
        layer[0] += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let d = dyad_nlp::dates(&text, &sentences, &a, Some("2024-10-15"));
        layer[1] += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let tone = dyad_code::tone(&text, &tokens);
        layer[2] += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let th = dyad_code::themes(&text, &tokens);
        layer[3] += t.elapsed().as_secs_f64();
        counts = (a.len(), d.len(), th.len());
        std::hint::black_box(tone);
    }
    let wall = t0.elapsed().as_secs_f64() / repeat as f64;
    let cpu = match (c0, cpu_ns()) {
        (Some(a), Some(b)) => Some((b - a) as f64 / 1e9 / repeat as f64),
        _ => None,
    };
    let secs = cpu.unwrap_or(wall);
    for (name, t) in ["amounts", "dates", "tone", "themes"].iter().zip(layer) {
        println!(
            "  {name:8} {:8.2} ms per pass (wall)",
            t * 1000.0 / repeat as f64
        );
    }
    println!(
        "{} bytes, {words} words, {} sentences: amounts {} dates {} themes {}",
        text.len(),
        sentences.len(),
        counts.0,
        counts.1,
        counts.2
    );
    println!("wall {:.2} ms per pass", wall * 1000.0);
    println!(
        "amounts+dates+tone+themes: {:.2} {} ms per pass, {:.1} MB/s, {:.0} 800-word articles per CPU-second",
        secs * 1000.0,
        if cpu.is_some() { "CPU" } else { "wall" },
        text.len() as f64 / secs / 1e6,
        words as f64 / 800.0 / secs
    );
}
