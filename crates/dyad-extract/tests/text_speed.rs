//! Throughput of plain-text page extraction (ignored by default; run with
//! `cargo test --release -p dyad-extract --test text_speed -- --ignored --nocapture`).
//! Figures are printed, never asserted: speed goals live in the benchmark notes.

use std::path::Path;
use std::time::Instant;

fn pages() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixture folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("fixture text"))
        .collect()
}

fn mb_per_s(bytes: usize, secs: f64) -> f64 {
    bytes as f64 / 1e6 / secs.max(1e-9)
}

#[test]
#[ignore]
fn text_extraction_throughput() {
    let pages = pages();
    let one_round: usize = pages.iter().map(String::len).sum();

    // Page by page, as the pipeline runs it.
    let rounds = (20_000_000 / one_round.max(1)).max(1);
    let t = Instant::now();
    let mut blocks = 0;
    for _ in 0..rounds {
        for p in &pages {
            blocks += dyad_extract::text::extract(p).blocks.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "pages: {} pages, {:.1} MB in {:.3} s = {:.1} MB/s ({:.0} pages/s, {blocks} blocks)",
        rounds * pages.len(),
        (rounds * one_round) as f64 / 1e6,
        secs,
        mb_per_s(rounds * one_round, secs),
        (rounds * pages.len()) as f64 / secs
    );

    // All of it as one huge page: must stay linear.
    let big = pages.join("\n\n").repeat(rounds);
    let t = Instant::now();
    let ex = dyad_extract::text::extract(&big);
    let secs = t.elapsed().as_secs_f64();
    println!(
        "one page: {:.1} MB in {:.3} s = {:.1} MB/s ({} blocks)",
        big.len() as f64 / 1e6,
        secs,
        mb_per_s(big.len(), secs),
        ex.blocks.len()
    );

    // One 20 MB line without breaks.
    let line = "word ".repeat(4_000_000);
    let t = Instant::now();
    let ex = dyad_extract::text::extract(&line);
    let secs = t.elapsed().as_secs_f64();
    println!(
        "one line: {:.1} MB in {:.3} s = {:.1} MB/s ({} blocks)",
        line.len() as f64 / 1e6,
        secs,
        mb_per_s(line.len(), secs),
        ex.blocks.len()
    );
}
