//! Times parsing alone on deeply nested markup: `cargo run --release -p dyad-extract --example deep_parse`.
fn main() {
    for depth in [5_000usize, 20_000] {
        let mut s = String::from("<html><body>");
        for _ in 0..depth {
            s.push_str("<div>");
        }
        s.push_str("<p>x</p>");
        let t = std::time::Instant::now();
        let d = dom_query::Document::from(s.as_str());
        println!("depth {depth}: parse {:.2}s", t.elapsed().as_secs_f64());
        let t = std::time::Instant::now();
        let _ = dyad_extract::html::metadata::collect(&d);
        println!("depth {depth}: metadata {:.2}s", t.elapsed().as_secs_f64());
    }
}
