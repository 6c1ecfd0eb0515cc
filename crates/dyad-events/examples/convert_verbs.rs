//! Converts a PETRARCH-format verb dictionary into dyad's compact format.
//!
//! `cargo run -p dyad-events --example convert_verbs -- IN.txt OUT.tsv`

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: convert_verbs IN.txt OUT.tsv");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read(input) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("{input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let dict = dyad_events::read_petrarch(&text);
    let patterns: usize = dict.blocks.iter().map(|b| b.patterns.len()).sum();
    let verbs: usize = dict.blocks.iter().map(|b| b.verbs.len()).sum();
    if let Err(e) = std::fs::write(output, dyad_events::write_compact(&dict)) {
        eprintln!("{output}: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!(
        "{} synsets, {} blocks, {verbs} verbs, {patterns} patterns",
        dict.synsets.len(),
        dict.blocks.len()
    );
    ExitCode::SUCCESS
}
