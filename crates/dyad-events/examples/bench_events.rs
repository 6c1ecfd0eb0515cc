//! Event-coding speed: builds articles of about 800 words from the PLOVER gold sentences
//! (news prose, dense with actors), finds actors once, then times the coder alone and
//! tokenisation + sentence splitting + coding together, single-threaded.
//!
//! `cargo run --release -p dyad-events --example bench_events [-- ROUNDS]`

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::Instant;

/// CPU time of this thread in seconds (Linux `schedstat`), else wall time since `start`.
fn cpu_seconds(start: Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map(|ns| ns / 1e9)
        .unwrap_or_else(|| start.elapsed().as_secs_f64())
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let (Some(gold), Some(finder), Some(book)) = (
        support::plover_gold(),
        support::country_finder(),
        support::FileCodebook::load(),
    ) else {
        eprintln!("PLOVER data absent");
        return;
    };
    // ~800-word articles
    let mut articles = Vec::new();
    let mut cur = String::new();
    for g in &gold {
        cur.push_str(&g.text);
        cur.push(' ');
        if cur.split_whitespace().count() >= 800 {
            articles.push(std::mem::take(&mut cur));
        }
    }
    let t0 = Instant::now();
    let coder = dyad_events::EventCoder::new();
    let build = t0.elapsed();
    let prepared: Vec<_> = articles
        .iter()
        .map(|a| {
            let blocks = [dyad_doc::Block {
                kind: dyad_doc::BlockKind::Paragraph,
                start: 0,
                end: a.len(),
            }];
            let sentences = dyad_nlp::sentences(a, &blocks);
            (
                a.as_str(),
                blocks,
                sentences,
                dyad_nlp::fine_tokens(a, &dyad_nlp::tokenize(a)),
                finder.find(a),
            )
        })
        .collect();
    let words: usize = articles.iter().map(|a| a.split_whitespace().count()).sum();
    let mut events = 0;
    let origin = Instant::now();
    let t = cpu_seconds(origin);
    for _ in 0..rounds {
        for (text, _, sentences, tokens, actors) in &prepared {
            let inp = dyad_events::Inputs {
                text,
                sentences,
                fine: tokens,
                actors,
                quotes: &[],
                dates: &[],
                published: None,
            };
            events += coder.code(&inp, &book).len();
        }
    }
    let code_secs = cpu_seconds(origin) - t;
    let t = cpu_seconds(origin);
    for _ in 0..rounds {
        for (text, blocks, _, _, actors) in &prepared {
            let sentences = dyad_nlp::sentences(text, blocks);
            let fine = dyad_nlp::fine_tokens(text, &dyad_nlp::tokenize(text));
            let inp = dyad_events::Inputs {
                text,
                sentences: &sentences,
                fine: &fine,
                actors,
                quotes: &[],
                dates: &[],
                published: None,
            };
            events += coder.code(&inp, &book).len();
        }
    }
    let all_secs = cpu_seconds(origin) - t;
    let n = (articles.len() * rounds) as f64;
    println!(
        "articles={} avg_words={} rounds={rounds} forms={} build_ms={:.1}",
        articles.len(),
        words / articles.len().max(1),
        coder.form_count(),
        build.as_secs_f64() * 1e3
    );
    println!(
        "coding only: {:.0} articles/CPU-s ({:.3} ms/article); sentences+tokens+coding: {:.0} articles/CPU-s; events={}",
        n / code_secs,
        code_secs / n * 1e3,
        n / all_secs,
        events / 2
    );
}
