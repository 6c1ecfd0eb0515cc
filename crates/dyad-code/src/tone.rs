//! GDELT-style tone: the share of an article's words that are positive and negative in a
//! sentiment lexicon. The lexicon is `data/tone/lexicon.tsv`, converted from VADER (MIT; see
//! `data/tone/PROVENANCE.md`).

use std::sync::OnceLock;

use dyad_doc::Tone;
use dyad_nlp::chars::is_letter;
use dyad_nlp::fasthash::WordMap;
use dyad_nlp::{Token, TokenKind};

const LEXICON: &str = include_str!("../../../data/tone/lexicon.tsv");

/// The lexicon's table, hashed with the word hasher of the language layers (eight bytes a
/// step, where a byte-at-a-time hash took a step per letter of every word of the article).
type Lexicon = WordMap<&'static str, f32>;

/// The sentiment lexicon: lower-case word → mean rating (−4 to +4).
fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        // One entry a line (about 12 bytes): the table is made for them all at once, and the
        // lines are cut with a plain byte scan, which for lines this short costs a fraction
        // of a string search.
        let mut lex = Lexicon::with_capacity_and_hasher(LEXICON.len() / 12, Default::default());
        let mut rest = LEXICON;
        while !rest.is_empty() {
            let end = rest.bytes().position(|b| b == b'\n').unwrap_or(rest.len());
            let line = &rest[..end];
            rest = rest.get(end + 1..).unwrap_or("");
            let Some(tab) = line.bytes().position(|b| b == b'\t') else {
                continue;
            };
            if line.starts_with('#') {
                continue;
            }
            let (w, v) = (&line[..tab], &line[tab + 1..]);
            if let Ok(r) = v.trim().parse::<f32>() {
                lex.insert(w.trim(), r);
            }
        }
        lex
    })
}

/// The lexicon's rating of a word (any case), if it has one.
pub fn rating(word: &str) -> Option<f32> {
    let lex = lexicon();
    lex.get(word)
        .or_else(|| lex.get(word.to_lowercase().as_str()))
        .copied()
}

/// Rounds a percentage to four decimals, so records stay short and stable.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Tone of a text from its tokens: `positive` and `negative` are the percentages of words
/// rated positive or negative by the lexicon, `tone` = positive − negative, `polarity` =
/// positive + negative, `words` = the number of word tokens (tokens with a letter).
/// Returns `None` when the text has no words.
pub fn tone(text: &str, tokens: &[Token]) -> Option<Tone> {
    let lex = lexicon();
    let mut lower = String::new();
    let (mut words, mut pos, mut neg) = (0usize, 0usize, 0usize);
    for t in tokens {
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = t.span.of(text);
        if !w.chars().any(is_letter) {
            continue;
        }
        words += 1;
        lower.clear();
        if w.is_ascii() {
            lower.push_str(w);
            lower.make_ascii_lowercase();
        } else {
            lower.extend(w.chars().flat_map(char::to_lowercase));
        }
        match lex.get(lower.as_str()) {
            Some(&r) if r > 0.0 => pos += 1,
            Some(&r) if r < 0.0 => neg += 1,
            _ => {}
        }
    }
    if words == 0 {
        return None;
    }
    let positive = pos as f64 * 100.0 / words as f64;
    let negative = neg as f64 * 100.0 / words as f64;
    Some(Tone {
        tone: round4(positive - negative),
        positive: round4(positive),
        negative: round4(negative),
        polarity: round4(positive + negative),
        words,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_nlp::tokenize;

    fn tone_of(text: &str) -> Option<Tone> {
        tone(text, &tokenize(text))
    }

    #[test]
    fn lexicon_loads_both_polarities() {
        assert!(lexicon().len() > 5000);
        assert!(rating("peace").is_some_and(|r| r > 0.0));
        assert!(rating("War").is_some_and(|r| r < 0.0));
        assert_eq!(rating("table"), None);
    }

    #[test]
    fn shares_are_percentages_of_words() {
        // 10 words: "good" and "great" positive, "terrible" negative.
        let t = tone_of("The good news and great results beat a terrible week.").expect("words");
        assert_eq!(t.words, 10);
        assert_eq!(t.positive, 20.0);
        assert_eq!(t.negative, 10.0);
        assert_eq!(t.tone, 10.0);
        assert_eq!(t.polarity, 30.0);
    }

    #[test]
    fn negative_text_has_negative_tone() {
        let t = tone_of("Attack kills dozens; war fears and anger grow.").expect("words");
        assert!(t.tone < 0.0, "{t:?}");
        assert!(t.negative > t.positive);
    }

    #[test]
    fn numbers_and_punctuation_are_not_words() {
        let t = tone_of("Peace in 2019 , 40 % .").expect("words");
        assert_eq!(t.words, 2);
        assert_eq!(t.positive, 50.0);
    }

    #[test]
    fn no_words_no_tone() {
        assert_eq!(tone_of(""), None);
        assert_eq!(tone_of("123 , 456"), None);
    }
}
