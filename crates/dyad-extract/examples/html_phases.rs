//! Times the phases of HTML extraction over a folder of `.html` pages:
//! `cargo run --release -p dyad-extract --example html_phases -- DIR`.

use std::time::Instant;

use dom_query::Document;
use dyad_extract::html;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: html_phases DIR");
        return;
    };
    let mut pages = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        for e in rd.flatten() {
            if let Ok(b) = std::fs::read(e.path()) {
                pages.push(String::from_utf8_lossy(&b).into_owned());
            }
        }
    }
    let n = pages.len() as f64;
    let t = Instant::now();
    for p in &pages {
        let d = Document::from(p.as_str());
        std::hint::black_box(&d);
    }
    let parse = t.elapsed().as_secs_f64();
    let t = Instant::now();
    for p in &pages {
        let d = Document::from(p.as_str());
        std::hint::black_box(html::metadata::resolve(&html::metadata::collect(&d)));
    }
    let meta = t.elapsed().as_secs_f64() - parse;
    let t = Instant::now();
    for p in &pages {
        std::hint::black_box(html::extract(p, None));
    }
    let all = t.elapsed().as_secs_f64();
    println!(
        "pages={n} parse={:.1}ms/page metadata={:.1}ms/page full={:.1}ms/page ({:.0} pages/s)",
        parse * 1e3 / n,
        meta * 1e3 / n,
        all * 1e3 / n,
        n / all
    );
}
