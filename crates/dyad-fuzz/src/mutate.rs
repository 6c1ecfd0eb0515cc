//! A small, deterministic byte mutator for the smoke fuzzer: bit flips, byte edits, inserted
//! tokens of the formats under test, splices from other seeds, and repeated chunks (which grow
//! the long runs and deep nesting that expose superlinear code).

/// A xorshift64* generator: fast, seedable, good enough to pick mutations.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (any value; zero is mapped away from the fixed point).
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True with probability 1/n.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }
}

/// Tokens that matter to dyad's readers: markup, container syntax, quotation marks, the
/// words and marks the language layers key on. Inserted whole, they get mutants past the
/// first checks of each format.
pub const TOKENS: &[&str] = &[
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<script>",
    "</script>",
    "<h1>",
    "</h1>",
    "<li>",
    "<br>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&#x2019;",
    "&#1234567;",
    "<meta charset=\"",
    "<article>",
    "<title>",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",",
    "WARC/1.0\r\n",
    "WARC-Type: response\r\n",
    "Content-Length: ",
    "\r\n\r\n",
    "HTTP/1.1 200 OK\r\n",
    "Content-Type: text/html; charset=",
    "Transfer-Encoding: chunked\r\n",
    "<rss><channel><item>",
    "<entry>",
    "<content type=\"html\">",
    "<description>",
    "<pubDate>",
    "{\"url\":\"",
    "\"html\":\"",
    "\"text\":\"",
    "\"date\":\"",
    "\\u00e9",
    "\\ud800",
    "\n",
    "\u{201c}",
    "\u{201d}",
    "\u{2018}",
    "\u{2019}",
    "\"",
    "'",
    "\u{ab}",
    "\u{bb}",
    "\u{feff}",
    " said ",
    " told ",
    "Mr. ",
    "U.S. ",
    "President ",
    "Minister ",
    "Israel",
    "Iran",
    "Russia",
    "$5.2 billion",
    "40%",
    "1,000,000",
    "1e308",
    "March 3, 2024",
    "2024-02-30",
    "Monday",
    "...",
    "\u{2026}",
    "\u{2014}",
    "\n\n",
    "\r\n",
    "\t",
    "\u{0}",
    "\u{200b}",
    "\u{fffd}",
];

/// Mutates `input` in place with one to four random edits, keeping it under `max_len` bytes.
/// `others` are inputs to splice from.
pub fn mutate(input: &mut Vec<u8>, rng: &mut Rng, others: &[Vec<u8>], max_len: usize) {
    for _ in 0..1 + rng.below(4) {
        edit(input, rng, others);
    }
    input.truncate(max_len);
}

fn edit(input: &mut Vec<u8>, rng: &mut Rng, others: &[Vec<u8>]) {
    let len = input.len();
    let at = rng.below(len + 1);
    match rng.below(10) {
        0 if len > 0 => input[at.min(len - 1)] ^= 1 << rng.below(8),
        1 if len > 0 => input[at.min(len - 1)] = interesting_byte(rng),
        2 => {
            let n = 1 + rng.below(8);
            let bytes: Vec<u8> = (0..n).map(|_| interesting_byte(rng)).collect();
            input.splice(at..at, bytes);
        }
        3 if len > 0 => {
            let end = (at + 1 + rng.below(64)).min(len);
            input.drain(at.min(len - 1)..end);
        }
        4 | 5 => {
            let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
            input.splice(at..at, token.iter().copied());
        }
        6 if !others.is_empty() => {
            let other = &others[rng.below(others.len())];
            let from = rng.below(other.len());
            let to = (from + 1 + rng.below(512)).min(other.len());
            input.splice(at..at, other[from..to].iter().copied());
        }
        7 if len > 0 => {
            // A chunk repeated many times: long runs, deep nesting, many tiny elements.
            let start = at.min(len - 1);
            let end = (start + 1 + rng.below(16)).min(len);
            let chunk = input[start..end].to_vec();
            let times = 2 + rng.below(200);
            let repeated: Vec<u8> = chunk
                .iter()
                .copied()
                .cycle()
                .take(chunk.len() * times)
                .collect();
            input.splice(end..end, repeated);
        }
        8 => input.truncate(at),
        _ => {
            let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
            let end = (at + token.len()).min(len);
            input.splice(at..end, token.iter().copied());
        }
    }
}

fn interesting_byte(rng: &mut Rng) -> u8 {
    const BYTES: &[u8] = b"\0\x7f\x80\xbf\xc0\xe2\xef\xf0\xff<>&;\"'\n\r :/{}[]\\#";
    if rng.one_in(2) {
        BYTES[rng.below(BYTES.len())]
    } else {
        rng.next_u64() as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_mutants() {
        let run = |seed| {
            let mut rng = Rng::new(seed);
            let mut v = b"<p>Israel said.</p>".to_vec();
            for _ in 0..200 {
                mutate(&mut v, &mut rng, &[b"WARC/1.0".to_vec()], 4096);
            }
            v
        };
        assert_eq!(run(7), run(7));
        assert_ne!(run(7), run(8));
    }

    #[test]
    fn mutants_stay_under_the_length_limit() {
        let mut rng = Rng::new(1);
        let mut v = vec![b'a'; 100];
        for _ in 0..1000 {
            mutate(&mut v, &mut rng, &[], 300);
            assert!(v.len() <= 300);
        }
    }
}
