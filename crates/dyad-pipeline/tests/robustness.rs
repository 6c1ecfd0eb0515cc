//! No input makes `analyze` panic: random bytes, random text with page-like pieces, and
//! hand-made hostile pages. Failing items must fail with an error value.

use dyad_pipeline::{analyze, Options, Origin};
use proptest::prelude::*;

fn run(bytes: &[u8]) {
    if let Ok(rec) = analyze(
        bytes,
        Origin::default(),
        &Options {
            tokens: true,
            ..Options::default()
        },
    ) {
        let n = rec.text.chars().count();
        for s in rec.sentences.iter().chain(rec.tokens.iter()) {
            assert!(s.start <= s.end && s.end <= n, "span out of range");
        }
        for b in &rec.blocks {
            assert!(b.start <= b.end && b.end <= n, "block out of range");
        }
    }
}

/// Pieces of real pages, so that random mixes reach deep into extraction and segmentation.
const PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<div class=\"ad\">",
    "</div>",
    "<script>",
    "</script>",
    "<h1>",
    "<!--",
    "-->",
    "<br>",
    "&amp;",
    "&#x27;",
    "<li>",
    "\u{201c}",
    "\u{201d}",
    "\u{2018}",
    "\u{2019}",
    "\"",
    "'",
    "Mr. ",
    "Dr. ",
    "U.S. ",
    "$5.2 billion",
    "40%",
    "...",
    "\u{2026}",
    "\n\n",
    "\n",
    " said.",
    "?\u{201d} he asked. ",
    "Photo Credit: ",
    "Advertisement",
    "SHARE",
    "Previous article",
    "BAKU, Oct 12 (Reuters) - ",
    "Israel",
    "Azerbaijan",
    "\u{feff}",
    "\r\n",
    "\t",
    "\u{0}",
];

fn page() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(PIECES).prop_map(str::to_string),
            "[A-Za-z .,;:!?'\"()\u{2014}-]{0,30}",
            any::<String>(),
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5_000, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        run(&bytes);
    }

    #[test]
    fn random_pages_never_panic(text in page()) {
        run(text.as_bytes());
        let mut html = String::from("<html><body>");
        html.push_str(&text);
        run(html.as_bytes());
    }
}

#[test]
fn hostile_pages_fail_cleanly_or_pass() {
    let deep = "<div>".repeat(100_000) + "text" + &"</div>".repeat(100_000);
    let long_line = "word ".repeat(400_000);
    let quotes = "\u{201c}".repeat(200_000);
    let capitals = "Alpha Beta Gamma ".repeat(100_000);
    let attribute = format!(
        "<html><body><p title=\"{}\">x</p></body></html>",
        "a".repeat(1 << 20)
    );
    let cases: Vec<&[u8]> = vec![
        b"",
        b"\xff\xfe",
        b"\xef\xbb\xbf",
        b"\x00\x01\x02\x03",
        b"<html></html>",
        b"<<<<>>>>",
        deep.as_bytes(),
        long_line.as_bytes(),
        quotes.as_bytes(),
        capitals.as_bytes(),
        attribute.as_bytes(),
    ];
    for case in cases {
        run(case);
    }
}

#[test]
fn invalid_utf8_is_decoded_not_rejected() {
    let rec = analyze(b"Caf\xe9 in Baku.", Origin::default(), &Options::default()).unwrap();
    assert_eq!(rec.text, "Café in Baku.");
}
