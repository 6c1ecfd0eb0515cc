//! Baseline for the sentence benchmark: the Unicode (UAX #29) sentence boundaries of the
//! `unicode-segmentation` crate, printed as records the benchmark scores like dyad's.
//!
//! Usage: `uax29_sentences analyze DIR` — one JSON line per `*.txt` file in DIR with `source.path`,
//! `text` and `sentences` (code-point offsets, trimmed of whitespace).

use std::path::PathBuf;
use unicode_segmentation::UnicodeSegmentation;

fn main() {
    let Some(dir) = std::env::args().nth(2).map(PathBuf::from) else {
        eprintln!("usage: uax29_sentences analyze DIR");
        std::process::exit(2);
    };
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            std::process::exit(1);
        }
    };
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("{}: not UTF-8 text", path.display());
            continue;
        };
        let mut sentences = Vec::new();
        for (start, s) in text.split_sentence_bound_indices() {
            let trimmed = s.trim_end();
            let lead = trimmed.len() - trimmed.trim_start().len();
            if trimmed.trim_start().is_empty() {
                continue;
            }
            let (b, e) = (start + lead, start + trimmed.len());
            let to_chars = |i: usize| text[..i].chars().count();
            sentences.push(serde_json::json!({"start": to_chars(b), "end": to_chars(e)}));
        }
        let rec = serde_json::json!({
            "source": {"path": path.display().to_string()},
            "text": text,
            "sentences": sentences,
        });
        println!("{rec}");
    }
}
