//! Throughput of the entity stage alone (tokens and sentences computed beforehand).
//!
//! `cargo run --release -p dyad-nlp --example entities_speed -- [GUM_JSONL] [ROUNDS]`
//! GUM_JSONL defaults to `../shared/data/ner/gum-news-train/gum_news_ner.jsonl`; each document's
//! `text` is analysed ROUNDS times (default 20). Prints words per CPU-second of this thread
//! (one thread, so wall time on an idle core).

use std::time::Instant;

use dyad_doc::{Block, BlockKind};
use dyad_nlp::{entities, sentences, tokenize, TokenKind};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "../shared/data/ner/gum-news-train/gum_news_ner.jsonl".into());
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(20);
    let src = std::fs::read_to_string(&path)?;
    let mut docs = Vec::new();
    for line in src.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let text = v["text"].as_str().unwrap_or("").to_string();
        let blocks = vec![Block {
            kind: BlockKind::Paragraph,
            start: 0,
            end: text.len(),
        }];
        let sents = sentences(&text, &blocks);
        let toks = tokenize(&text);
        docs.push((text, sents, toks));
    }
    let words: usize = docs
        .iter()
        .map(|(_, _, t)| t.iter().filter(|t| t.kind != TokenKind::Punct).count())
        .sum();
    // Warm up: the dictionaries load once, on first use.
    let mut found = entities(&docs[0].0, &docs[0].1, &docs[0].2, None).len();
    let t0 = Instant::now();
    for _ in 0..rounds {
        for (text, sents, toks) in &docs {
            found += entities(text, sents, toks, Some("2024-01-01")).len();
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    let total = words * rounds;
    println!(
        "entities: {} docs x {rounds} rounds, {total} words in {secs:.3} s = {:.0} words/s ({found} entities)",
        docs.len(),
        total as f64 / secs
    );
    Ok(())
}
