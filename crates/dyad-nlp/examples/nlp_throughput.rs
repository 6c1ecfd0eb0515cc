//! Throughput of sentence segmentation plus tokenisation on a large text.
//!
//! Usage: `nlp_throughput FILE [REPEAT]` — the file is repeated REPEAT times (default 1),
//! cut into blocks at blank lines, then segmented and tokenised on one thread. Prints MB/s and
//! words (word and number tokens) per second.

use dyad_doc::{Block, BlockKind};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: nlp_throughput FILE [REPEAT]");
        std::process::exit(2);
    };
    let repeat: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let one = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let text = format!("{}\n\n", one.trim_end()).repeat(repeat);
    let mut blocks = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices("\n\n") {
        if i > start {
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                start,
                end: i,
            });
        }
        start = i + 2;
    }
    let t0 = Instant::now();
    let sentences = dyad_nlp::sentences(&text, &blocks);
    let t1 = Instant::now();
    let tokens = dyad_nlp::tokenize(&text);
    let t2 = Instant::now();
    let words = tokens
        .iter()
        .filter(|t| {
            matches!(
                t.kind,
                dyad_nlp::TokenKind::Word | dyad_nlp::TokenKind::Number
            )
        })
        .count();
    let mb = text.len() as f64 / 1e6;
    let (s, k, all) = (
        (t1 - t0).as_secs_f64(),
        (t2 - t1).as_secs_f64(),
        (t2 - t0).as_secs_f64(),
    );
    println!(
        "text: {mb:.1} MB, {} blocks, {} sentences, {} tokens, {words} words",
        blocks.len(),
        sentences.len(),
        tokens.len()
    );
    println!("sentences: {s:.2} s ({:.1} MB/s)", mb / s);
    println!("tokens:    {k:.2} s ({:.1} MB/s)", mb / k);
    println!(
        "both:      {all:.2} s ({:.1} MB/s, {:.2} M words/s)",
        mb / all,
        words as f64 / all / 1e6
    );
}
