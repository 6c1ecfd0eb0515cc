//! Tokens: words, numbers and punctuation with byte offsets.

use dyad_doc::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// One token of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// Splits text into words (letters, digits, inner apostrophes and hyphens) and single
/// punctuation marks.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(s) = word_start.take() {
            out.push(word(text, s, i));
        }
        if !c.is_whitespace() {
            out.push(Token {
                span: Span::new(i, i + c.len_utf8()),
                kind: TokenKind::Punct,
            });
        }
    }
    if let Some(s) = word_start {
        out.push(word(text, s, text.len()));
    }
    out
}

fn word(text: &str, s: usize, e: usize) -> Token {
    let kind = if text[s..e].chars().all(|c| c.is_ascii_digit()) {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    Token {
        span: Span::new(s, e),
        kind,
    }
}
