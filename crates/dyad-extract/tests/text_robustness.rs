//! Plain-text extraction never panics and stays deterministic on generated pages: furniture
//! labels, credits, bylines, dates, bullets and prose fragments mixed with odd characters,
//! separators and line breaks in random order.

use dyad_extract::text::extract;

const FRAGMENTS: &[&str] = &[
    "Advertisement",
    "SHARE",
    "Previous articleTalks Resume",
    "Next article",
    "Read more:",
    "Related",
    "Photo Credit: A/B",
    "Photo:",
    "(Photo by",
    "Jane Roe/Reuters",
    "By Jane Doe",
    "By",
    "Posted by",
    "Published: October 15, 2024 10:32 AM",
    "12/13/2024",
    "99:99",
    "• item",
    "1. item",
    "-",
    "* * *",
    "###",
    "Jane Doe is the CEO of a firm.",
    "She is the author of a book.",
    "HEADING IN CAPITALS",
    "A Title Case Line",
    "The minister said talks would resume next week in Geneva.",
    "é",
    "\u{feff}",
    "\u{0}",
    "\r",
    "\t",
    "“",
    "”",
    "(",
    ")",
    "|",
    ":",
    "/",
    "٣",
    "漢字",
    "é€漢字 Picture 写真 by someone, a long line of several words (Photo by Ü/Reuters)",
    "Ünïcödé Títlé Cäsé Héädïng",
    "İstanbul Kelvin \u{212a} Ǆ ß ﬁ",
    "🙂",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn page(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(40) {
        match rng.below(6) {
            0 => s.push('\n'),
            1 => s.push_str("\n\n"),
            2 => s.push(' '),
            3 => s.push(char::from_u32(rng.below(0x3000) as u32).unwrap_or('x')),
            _ => s.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]),
        }
    }
    s
}

#[test]
fn ten_thousand_generated_pages() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..10_000 {
        let input = page(&mut rng);
        let ex = extract(&input);
        for b in &ex.blocks {
            assert!(b.start < b.end, "empty block for {input:?}");
            assert!(
                ex.text.get(b.start..b.end).is_some(),
                "bad span for {input:?}"
            );
        }
        assert_eq!(ex, extract(&input), "not deterministic for {input:?}");
    }
}

#[test]
fn degenerate_pages() {
    let long_line = "Advertisement ".repeat(50_000);
    let many_lines = "SHARE\n".repeat(20_000);
    let caps = "ALL CAPS LINE\n\n".repeat(10_000);
    for input in [
        long_line,
        many_lines,
        caps,
        String::new(),
        "\n".repeat(1000),
    ] {
        let ex = extract(&input);
        for b in &ex.blocks {
            assert!(ex.text.get(b.start..b.end).is_some());
        }
    }
}
