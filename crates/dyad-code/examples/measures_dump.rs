//! Prints the amounts and dates found in a text file, one per line, for inspection.
//!
//! `cargo run --release -p dyad-code --example measures_dump -- FILE [PUBLISHED]`

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: measures_dump FILE [PUBLISHED]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let mut blocks = Vec::new();
    let mut start = 0;
    for part in text.split("\n\n") {
        let end = start + part.len();
        blocks.push(dyad_doc::Block {
            kind: dyad_doc::BlockKind::Paragraph,
            start,
            end,
        });
        start = end + 2;
    }
    let sentences = dyad_nlp::sentences(&text, &blocks);
    let amounts = dyad_nlp::amounts(&text, &sentences);
    for a in &amounts {
        let ctx_end = (a.end + 40).min(text.len());
        let ctx_end = (ctx_end..text.len() + 1)
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(text.len());
        println!(
            "A {:>16} {:8} {:5} [{}] about={:?}  …{}",
            a.value,
            a.unit,
            a.approximate,
            &text[a.start..a.end],
            a.about,
            text[a.end..ctx_end].replace('\n', " ")
        );
    }
    for d in dyad_nlp::dates(&text, &sentences, &amounts, args.get(1).map(String::as_str)) {
        println!("D {:12} [{}]", d.value, d.text);
    }
}
