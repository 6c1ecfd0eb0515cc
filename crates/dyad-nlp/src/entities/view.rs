//! A per-token view of the text for name finding: case, sentence position, line breaks and
//! headline lines (set in capitals), computed once.

use crate::chars::is_letter;
use dyad_doc::Span;

use crate::lexicon::MONTHS;
use crate::{Lower, LoweredText};
use crate::{Token, TokenKind};

/// One token with the features name finding needs.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Lower-cased text.
    pub key: Lower<'a>,
    pub is_word: bool,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Has letters, all upper case.
    pub all_caps: bool,
    /// Index of the sentence holding the token.
    pub sentence: usize,
    /// First word of its sentence (after any opening punctuation).
    pub sentence_initial: bool,
    /// A line break lies between the previous token and this one.
    pub line_break_before: bool,
    /// Part of a sentence written mostly in capitals (a headline), where case says nothing.
    pub in_caps_line: bool,
}

/// Builds the token view over `text` from the finest pieces of its tokens
/// ([`crate::fine_tokens`]); `lowered` is the text lowered once, the source of the keys.
pub fn build<'a>(
    text: &'a str,
    lowered: &'a LoweredText,
    sentences: &[Span],
    fine: &[Token],
) -> Vec<Tok<'a>> {
    let mut out = Vec::with_capacity(fine.len());
    let mut sent = 0usize;
    let mut prev_end = 0usize;
    let mut seen_word_in_sentence = false;
    for (span, kind) in fine.iter().map(|t| (t.span, t.kind)) {
        let s = span.start;
        while sent < sentences.len() && sentences[sent].end <= s {
            sent += 1;
            seen_word_in_sentence = false;
        }
        let slice = span.of(text);
        let key = lowered.chars_of(slice, s);
        let is_word = kind == TokenKind::Word;
        let (cap, all_caps) = if !is_word {
            (false, false)
        } else if slice.is_ascii() {
            // Most words: read as bytes, with the same answers as the char tests below.
            let b = slice.as_bytes();
            (
                b.first().is_some_and(u8::is_ascii_uppercase),
                b.iter().any(u8::is_ascii_alphabetic) && !b.iter().any(u8::is_ascii_lowercase),
            )
        } else {
            let letters = slice.chars().filter(|&c| is_letter(c));
            (
                slice.chars().next().is_some_and(char::is_uppercase),
                letters.clone().count() > 0 && letters.clone().all(char::is_uppercase),
            )
        };
        let gap = text.get(prev_end.min(s)..s).unwrap_or("");
        let line_break_before = gap.as_bytes().contains(&b'\n');
        if line_break_before {
            seen_word_in_sentence = false;
        }
        let sentence_initial =
            is_word && (!seen_word_in_sentence || after_dateline(&out) || opens_quotation(&out));
        if is_word {
            seen_word_in_sentence = true;
        }
        out.push(Tok {
            start: s,
            end: span.end,
            text: slice,
            key,
            is_word,
            cap,
            all_caps,
            sentence: sent,
            sentence_initial,
            line_break_before,
            in_caps_line: false,
        });
        prev_end = span.end;
    }
    mark_caps_lines(&mut out);
    out
}

/// Whether the tokens so far end in a quotation mark opened after a comma or colon (`said,
/// "Hoping…`), so that the next word opens the quoted sentence.
fn opens_quotation(before: &[Tok]) -> bool {
    match before {
        [.., p, q] => matches!(q.text, "\"" | "\u{201c}") && matches!(p.text, "," | ":"),
        _ => false,
    }
}

/// Whether the tokens so far end in a dateline's date ("Monday, May 18, 2015"), after which
/// the article's first sentence begins even when no line break separates them.
fn after_dateline(before: &[Tok]) -> bool {
    let n = before.len();
    n >= 4
        && before[n - 1].text.len() == 4
        && before[n - 1].text.chars().all(|c| c.is_ascii_digit())
        && before[n - 2].text == ","
        && before[n - 3].text.chars().all(|c| c.is_ascii_digit())
        && MONTHS.contains(&before[n - 4].key.as_str())
}

/// Marks sentences in which most words of three letters or more are in capitals.
fn mark_caps_lines(toks: &mut [Tok]) {
    let mut i = 0;
    while i < toks.len() {
        let mut j = i + 1;
        while j < toks.len() && toks[j].sentence == toks[i].sentence && !toks[j].line_break_before {
            j += 1;
        }
        let long: Vec<&Tok> = toks[i..j]
            .iter()
            .filter(|t| t.is_word && t.text.len() >= 3)
            .collect();
        let caps = long.iter().filter(|t| t.all_caps).count();
        if long.len() >= 2 && caps * 3 >= long.len() * 2 {
            for t in &mut toks[i..j] {
                t.in_caps_line = true;
            }
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    #[test]
    fn marks_case_and_headlines() {
        let text = "ISRAEL AND AZERBAIJAN: A BOND\nThe NATO summit met.";
        let lowered = LoweredText::new(text);
        let toks = build(
            text,
            &lowered,
            &[Span::new(0, text.len())],
            &crate::fine_tokens(text, &tokenize(text)),
        );
        assert!(toks[0].in_caps_line && toks[0].sentence_initial);
        let the = toks.iter().find(|t| t.text == "The").unwrap();
        assert!(the.sentence_initial && the.line_break_before && !the.in_caps_line);
        let nato = toks.iter().find(|t| t.text == "NATO").unwrap();
        assert!(nato.all_caps && !nato.sentence_initial);
    }
}
