//! Codes one sentence given on the command line with the shipped patterns, actors found with
//! the country/demonym dictionary, and prints the events.
//!
//! `cargo run -p dyad-events --example code_sentence -- "Israel attacked Syria."`

#[path = "../tests/support/mod.rs"]
mod support;

fn main() {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let (Some(finder), Some(book)) = (support::country_finder(), support::FileCodebook::load())
    else {
        eprintln!("reference data absent");
        return;
    };
    let actors = finder.find(&text);
    for a in &actors {
        println!("actor {:?} {}", &text[a.start..a.end], a.code);
    }
    let coder = dyad_events::EventCoder::new();
    for e in support::code_text(&coder, &text, &actors, &book) {
        println!(
            "{} {} {:?} {:?}->{:?} {:?} neg={} hyp={}",
            e.id,
            e.cameo,
            e.plover,
            e.source,
            e.target,
            &text[e.evidence.start..e.evidence.end],
            e.negated,
            e.hypothetical
        );
    }
}
