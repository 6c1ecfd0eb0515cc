//! Prints the PETRARCH unit-test sentences the coder gets wrong, and the pass rate.
//!
//! `cargo run -p dyad-events --example petrarch_failures`

#[path = "../tests/support/mod.rs"]
mod support;

fn main() {
    let Some(r) = support::petrarch_suite() else {
        eprintln!("PETRARCH unit-test data absent");
        return;
    };
    for f in &r.failures {
        println!("{f}");
    }
    println!(
        "petrarch: {}/{} sentences pass ({:.3}); events found {}/{}; predicted {}",
        r.passed,
        r.sentences,
        r.passed as f64 / r.sentences.max(1) as f64,
        r.found_events,
        r.expected_events,
        r.predicted_events
    );
}
