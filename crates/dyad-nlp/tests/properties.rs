//! On arbitrary text, sentences and tokens never panic and their spans are ordered,
//! non-overlapping, within bounds and on character boundaries.

use dyad_doc::{Block, BlockKind, Span};
use dyad_nlp::{sentences, tokenize};
use proptest::prelude::*;

fn check_spans(text: &str, spans: &[Span]) {
    let mut prev_end = 0;
    for s in spans {
        assert!(s.start < s.end, "empty span {s:?}");
        assert!(s.start >= prev_end, "overlap at {s:?}");
        assert!(s.end <= text.len(), "out of bounds {s:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        prev_end = s.end;
    }
}

/// Blocks cut at blank lines, as extraction makes them.
fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices("\n\n") {
        if i > start {
            out.push(Block {
                kind: BlockKind::Paragraph,
                start,
                end: i,
            });
        }
        start = i + 2;
    }
    if start < text.len() {
        out.push(Block {
            kind: BlockKind::Paragraph,
            start,
            end: text.len(),
        });
    }
    out
}

fn news_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Mr.",
        "U.S.",
        "The",
        "he",
        "said",
        ".",
        ",",
        "”",
        "“",
        "?",
        "!",
        "...",
        "…",
        "$5.2",
        "1,000",
        "3.5%",
        "(",
        ")",
        "—",
        "-",
        "'s",
        "’s",
        "WASHINGTON",
        "(AP)",
        "J.",
        "No.",
        "5",
        "www.x.org",
        "a@b.co",
        "http://",
        "\n",
        "\n\n",
        "•",
        "é",
        "日本",
        "👍",
        "e.g.",
        "etc.",
        " ",
        " ",
        " ",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let toks: Vec<Span> = tokenize(text).iter().map(|t| t.span).collect();
    check_spans(text, &toks);
    let bs = blocks(text);
    let sents = sentences(text, &bs);
    check_spans(text, &sents);
    for s in &sents {
        assert!(
            bs.iter().any(|b| b.start <= s.start && s.end <= b.end),
            "crosses a block"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn news_like_strings(text in news_like()) {
        check(&text);
    }
}

#[test]
fn out_of_range_blocks_are_skipped() {
    let text = "é. B.";
    let bad = [Block {
        kind: BlockKind::Paragraph,
        start: 1,
        end: 99,
    }];
    assert!(sentences(text, &bad).is_empty());
}
