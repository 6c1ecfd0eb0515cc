//! Measures `relation` latency in process on an existing store.
//! Usage: cargo run --release -p dyad-store --example relation_latency -- STORE [A B]...

use std::time::Instant;

use dyad_store::{relation, RelationOptions, Store};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((db, pairs)) = args.split_first() else {
        eprintln!("usage: relation_latency STORE [A B]...");
        std::process::exit(2);
    };
    let pairs: Vec<(&str, &str)> = if pairs.len() >= 2 {
        pairs
            .chunks_exact(2)
            .map(|p| (p[0].as_str(), p[1].as_str()))
            .collect()
    } else {
        vec![("ISR", "AZE"), ("Armenia", "Azerbaijan"), ("USA", "CHN")]
    };
    let started = Instant::now();
    let store = match Store::open(db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{db}: {e}");
            std::process::exit(2);
        }
    };
    println!("open: {:.1} ms", started.elapsed().as_secs_f64() * 1e3);
    for (a, b) in pairs {
        let mut times = Vec::new();
        let mut events = 0;
        for _ in 0..7 {
            let t = Instant::now();
            match relation(&store, a, b, &RelationOptions::default()) {
                Ok(r) => events = r.events,
                Err(e) => {
                    eprintln!("{a} {b}: {e}");
                    break;
                }
            }
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        if times.is_empty() {
            continue;
        }
        let first = times[0];
        times.sort_by(f64::total_cmp);
        println!(
            "{a} – {b}: {events} events; first {first:.1} ms, median {:.1} ms, max {:.1} ms",
            times[times.len() / 2],
            times[times.len() - 1]
        );
    }
}
