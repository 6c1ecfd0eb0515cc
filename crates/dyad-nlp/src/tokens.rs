//! Tokens: words, numbers, abbreviations, URLs and punctuation, with byte offsets.
//!
//! Choices, so that later stages can rely on them:
//! - Hyphenated compounds stay one token ("Israeli-Azerbaijani", "20-year-old", "COVID-19"):
//!   they act as one modifier or name; a stage that needs the parts splits the token's text at
//!   its hyphens. A hyphen between two numbers ("5-10") and a free-standing hyphen are not joined.
//! - Inner apostrophes stay inside the word ("don't", "O'Brien"); a possessive "'s"/"’s" is its
//!   own [`TokenKind::Possessive`] token. A trailing apostrophe ("workers’") cannot be told from
//!   a closing single quote and is a [`TokenKind::Quote`].
//! - Numbers keep decimals and thousands separators ("5.2", "1,000"); digits run on with letters
//!   ("1990s", "21st") form a word.
//! - Abbreviations from the lexicon, dotted forms ("U.S.", "e.g.") and single capital initials
//!   ("W.") keep their period.
//! - Each punctuation mark, quote, dash, currency sign and percent sign is its own token; "..."
//!   and "…" are one ellipsis, "--" one dash.

use crate::chars::{is_letter, is_letter_or_digit};
use crate::lexicon::{abbreviation, AbbrevClass};
use dyad_doc::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits), with inner apostrophes and hyphens.
    Word,
    /// Digits with optional decimals and thousands separators.
    Number,
    /// An abbreviation including its period ("Mr.", "U.S.", "etc.").
    Abbreviation,
    /// A single capital letter with its period ("W." in "George W. Bush").
    Initial,
    /// The possessive "'s" / "’s".
    Possessive,
    /// A currency sign ("$", "€", "£", …).
    Currency,
    /// "%" or "‰".
    Percent,
    /// A quotation mark or apostrophe standing alone.
    Quote,
    /// A dash or free-standing hyphen ("—", "–", "-", "--").
    Dash,
    /// "…" or three or more periods.
    Ellipsis,
    /// Any other punctuation mark.
    Punct,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// Any other symbol (emoji, "&", "#", "+", …).
    Symbol,
}

/// One token of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte span into the tokenised text.
    pub span: Span,
    /// What the token is.
    pub kind: TokenKind,
    /// Starts with an upper-case letter.
    pub capitalised: bool,
    /// Has letters, all upper case ("NATO", "U.S.").
    pub all_caps: bool,
    /// For abbreviations: how a period after it reads (see [`AbbrevClass`]).
    pub abbrev: Option<AbbrevClass>,
    /// First token of a sentence (set by [`mark_sentence_starts`]; false from [`tokenize`]).
    pub sentence_initial: bool,
}

impl Token {
    fn new(text: &str, start: usize, end: usize, kind: TokenKind) -> Token {
        let s = text.get(start..end).unwrap_or("");
        let (capitalised, all_caps) = if s.is_ascii() {
            let b = s.as_bytes();
            (
                b.first().is_some_and(u8::is_ascii_uppercase),
                b.iter().any(u8::is_ascii_alphabetic) && !b.iter().any(u8::is_ascii_lowercase),
            )
        } else {
            let mut letters = s.chars().filter(|&c| is_letter(c)).peekable();
            (
                s.chars().next().is_some_and(char::is_uppercase),
                letters.peek().is_some() && letters.all(|c| !c.is_lowercase()),
            )
        };
        Token {
            span: Span::new(start, end),
            kind,
            capitalised,
            all_caps,
            abbrev: None,
            sentence_initial: false,
        }
    }

    /// The token's text in `text` (the text it was made from).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.of(text)
    }
}

/// Splits text into tokens (see the module documentation for the choices).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut chunk_start = true;
    let bytes = text.as_bytes();
    // The next "@" at or after `i`: an e-mail address needs one, and most texts have none,
    // so most chunks skip the e-mail reading (a scan of the whole chunk).
    let mut next_at = memchr::memchr(b'@', bytes);
    while let Some(&b) = bytes.get(i) {
        // ASCII spaces and line breaks, the usual separators, without decoding a char.
        if matches!(b, b' ' | b'\n' | b'\t' | b'\r' | b'\x0b' | b'\x0c') {
            i += 1;
            chunk_start = true;
            continue;
        }
        let Some(c) = char_at(text, i) else {
            break;
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            chunk_start = true;
            continue;
        }
        if chunk_start {
            if next_at.is_some_and(|at| at < i) {
                next_at = memchr::memchr(b'@', &bytes[i..]).map(|at| i + at);
            }
            if let Some((end, kind)) = url_or_email(text, i, next_at.is_some()) {
                out.push(Token::new(text, i, end, kind));
                i = end;
                chunk_start = false;
                continue;
            }
        }
        let (end, kind) = if is_word_char(c) {
            let (end, kind) = word(text, i);
            let mut t = Token::new(text, i, end, kind);
            if kind == TokenKind::Abbreviation {
                let form = &text[i..end - 1];
                t.abbrev = Some(abbreviation(form).unwrap_or(AbbrevClass::Final));
            }
            out.push(t);
            i = end;
            chunk_start = false;
            continue;
        } else {
            other(text, i, c, &out)
        };
        out.push(Token::new(text, i, end, kind));
        chunk_start = is_opener(c);
        i = end;
    }
    out
}

/// Sets `sentence_initial` on the first token of every sentence (both lists in text order).
pub fn mark_sentence_starts(tokens: &mut [Token], sentences: &[Span]) {
    let mut s = 0;
    for t in tokens.iter_mut() {
        while s < sentences.len() && sentences[s].start < t.span.start {
            s += 1;
        }
        t.sentence_initial = s < sentences.len() && sentences[s].start == t.span.start;
    }
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200C | 0x200D)
}

#[inline]
fn is_word_char(c: char) -> bool {
    // ASCII first: most characters are, and no combining mark is.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_letter_or_digit(c) || is_mark(c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Characters after which a new whitespace-free chunk may start (a URL in parentheses).
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '<' | '"' | '\'' | '“' | '‘' | '«' | '‹' | '„'
    )
}

fn is_currency(c: char) -> bool {
    matches!(
        c,
        '$' | '€'
            | '£'
            | '¥'
            | '¢'
            | '₹'
            | '₽'
            | '₺'
            | '₼'
            | '₪'
            | '₩'
            | '₦'
            | '₱'
            | '₴'
            | '₿'
            | '₫'
            | '₸'
            | '₾'
            | '฿'
            | '₡'
            | '₲'
            | '₵'
    )
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›' | '`' | 'ʼ'
    )
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '‒' | '–' | '—' | '―' | '−' | '⸺' | '⸻'
    )
}

/// A URL ("http://", "https://", "www.") or, when `at_follows` (an "@" lies ahead), an e-mail
/// address starting at `i`.
fn url_or_email(text: &str, i: usize, at_follows: bool) -> Option<(usize, TokenKind)> {
    let rest = &text[i..];
    // Every chunk of the text starts here, and a web address starts with "h" or "w": other
    // chunks need no more reading unless an e-mail address may follow.
    let first = rest.as_bytes().first().map_or(0, |b| b | 0x20);
    if !at_follows && first != b'h' && first != b'w' {
        return None;
    }
    // The head is lowered on the stack.
    let mut buf = [0u8; 8];
    let n = rest.len().min(buf.len());
    buf[..n].copy_from_slice(&rest.as_bytes()[..n]);
    buf.make_ascii_lowercase();
    let head = &buf[..n];
    if head.starts_with(b"http://") || head.starts_with(b"https://") || head.starts_with(b"www.") {
        let chunk_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let chunk = &rest[..chunk_len];
        let opens = chunk.matches('(').count();
        let mut closes = chunk.matches(')').count();
        let mut end = chunk_len;
        while let Some(c) = chunk[..end].chars().next_back() {
            let strip = match c {
                ')' if closes > opens => {
                    closes -= 1;
                    true
                }
                '.' | ',' | ';' | ':' | '!' | '?' | ']' | '}' | '>' => true,
                c => is_quote(c),
            };
            if !strip {
                break;
            }
            end -= c.len_utf8();
        }
        let min = if head.starts_with(b"www.") { 5 } else { 9 };
        return (end >= min).then_some((i + end, TokenKind::Url));
    }
    if !at_follows {
        return None;
    }
    email(rest).map(|end| (i + end, TokenKind::Email))
}

fn email(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let local = b
        .iter()
        .take_while(|&&c| {
            c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-')
        })
        .count();
    if local == 0 || b.get(local) != Some(&b'@') || !b[0].is_ascii_alphanumeric() {
        return None;
    }
    let mut i = local + 1;
    let mut dots = 0;
    loop {
        let label = b[i..]
            .iter()
            .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'-')
            .count();
        if label == 0 {
            return None;
        }
        i += label;
        if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) {
            i += 1;
            dots += 1;
            continue;
        }
        break;
    }
    (dots > 0).then_some(i)
}

/// A word or number starting at `i` (a word character), with its abbreviation period.
fn word(text: &str, start: usize) -> (usize, TokenKind) {
    let mut i = start;
    let mut has_letter = false;
    let mut has_dot = false;
    let mut only_digits = true;
    let mut prev: Option<char> = None;
    let bytes = text.as_bytes();
    loop {
        // Most word characters are ASCII letters and digits: read a run of them as bytes,
        // then tell at once whether it holds a letter.
        let run = bytes[i..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(bytes.len() - i);
        if run > 0 {
            if !bytes[i..i + run].iter().all(u8::is_ascii_digit) {
                only_digits = false;
                has_letter = true;
            }
            prev = Some(char::from(bytes[i + run - 1]));
            i += run;
        }
        if i >= bytes.len() {
            break;
        }
        let Some(c) = char_at(text, i) else {
            break;
        };
        let len = c.len_utf8();
        if is_word_char(c) {
            if !c.is_ascii_digit() {
                only_digits = false;
            }
            if is_letter(c) {
                has_letter = true;
            }
            prev = Some(c);
            i += len;
            continue;
        }
        let next = char_at(text, i + len);
        let next_word = next.is_some_and(is_word_char);
        let prev_word = prev.is_some_and(is_word_char);
        let joins = if is_apostrophe(c) {
            // "don't" joins; "Azerbaijan's" leaves "'s" as a possessive token.
            prev.is_some_and(is_letter) && next.is_some_and(is_letter) && !is_possessive_at(text, i)
        } else if is_hyphen(c) {
            prev_word && (next.is_some_and(is_letter) || (has_letter && next_word))
        } else if c == ',' {
            only_digits && prev_word && thousands_group(text, i + 1)
        } else if c == '.' {
            if prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit())
            {
                true
            } else if prev.is_some_and(is_letter) && next.is_some_and(is_letter) {
                has_dot = true;
                true
            } else {
                false
            }
        } else if c == '&' {
            prev.is_some_and(char::is_uppercase) && next.is_some_and(char::is_uppercase)
        } else {
            false
        };
        if !joins {
            break;
        }
        prev = Some(c);
        i += len;
    }
    let form = &text[start..i];
    let base = if has_letter {
        TokenKind::Word
    } else {
        TokenKind::Number
    };
    if has_dot && !form.chars().any(|c| c.is_ascii_digit()) {
        // Dotted forms: "U.S" (+ ".") is an abbreviation; "Amazon.com" a web address.
        let short = form
            .split('.')
            .all(|seg| seg.chars().count() <= 2 && seg.chars().all(is_letter));
        if (short || abbreviation(form).is_some()) && text[i..].starts_with('.') {
            return (i + 1, TokenKind::Abbreviation);
        }
        let tld = form.rsplit('.').next().unwrap_or("");
        if tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_lowercase()) {
            return (i, TokenKind::Url);
        }
        return (i, base);
    }
    if has_letter && text[i..].starts_with('.') && !text[i..].starts_with("..") {
        match abbreviation(form) {
            Some(AbbrevClass::Number) => {
                if numeral_follows(text, i + 1) {
                    return (i + 1, TokenKind::Abbreviation);
                }
            }
            Some(_) => return (i + 1, TokenKind::Abbreviation),
            None => {
                let mut cs = form.chars();
                if cs.next().is_some_and(char::is_uppercase) && cs.next().is_none() {
                    return (i + 1, TokenKind::Initial);
                }
            }
        }
    }
    (i, base)
}

/// "'s" / "’s" at `i` followed by a non-letter: a possessive.
fn is_possessive_at(text: &str, i: usize) -> bool {
    let Some(a) = char_at(text, i) else {
        return false;
    };
    let j = i + a.len_utf8();
    matches!(char_at(text, j), Some('s' | 'S')) && !char_at(text, j + 1).is_some_and(is_word_char)
}

/// Exactly three digits at `i`, not followed by another digit.
fn thousands_group(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    b.len() >= i + 3
        && b[i..i + 3].iter().all(u8::is_ascii_digit)
        && !b.get(i + 3).is_some_and(u8::is_ascii_digit)
}

/// A numeral (or "#") after optional spaces at `i`.
fn numeral_follows(text: &str, i: usize) -> bool {
    let rest = text.get(i..).unwrap_or("");
    let t = rest.trim_start_matches([' ', '\u{a0}']);
    t.len() < rest.len() && t.starts_with(|c: char| c.is_ascii_digit() || c == '#')
}

/// A token that is not a word at `i` (whose first character is `c`).
fn other(text: &str, i: usize, c: char, out: &[Token]) -> (usize, TokenKind) {
    let len = c.len_utf8();
    if is_apostrophe(c)
        && is_possessive_at(text, i)
        && out.last().is_some_and(|t| {
            t.span.end == i && matches!(t.kind, TokenKind::Word | TokenKind::Abbreviation)
        })
    {
        return (i + len + 1, TokenKind::Possessive);
    }
    if c == '…' {
        return (i + len, TokenKind::Ellipsis);
    }
    if c == '.' {
        let dots = text[i..].bytes().take_while(|&b| b == b'.').count();
        return if dots >= 3 {
            (i + dots, TokenKind::Ellipsis)
        } else {
            (i + 1, TokenKind::Punct)
        };
    }
    if c == '-' {
        let n = text[i..].bytes().take_while(|&b| b == b'-').count();
        return (i + n, TokenKind::Dash);
    }
    let kind = if is_quote(c) {
        TokenKind::Quote
    } else if is_dash(c) {
        TokenKind::Dash
    } else if is_currency(c) {
        TokenKind::Currency
    } else if matches!(c, '%' | '‰') {
        TokenKind::Percent
    } else if c.is_ascii_punctuation()
        && !matches!(
            c,
            '&' | '#' | '+' | '=' | '@' | '^' | '|' | '~' | '<' | '>' | '*'
        )
        || matches!(
            c,
            '¡' | '¿'
                | '·'
                | '•'
                | '‼'
                | '⁇'
                | '⁈'
                | '⁉'
                | '§'
                | '¶'
                | '。'
                | '、'
                | '，'
                | '！'
                | '？'
        )
    {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    };
    (i + len, kind)
}

/// Splits a token into its finest pieces: runs of letters and digits (digits alone as numbers)
/// and every other visible character on its own. Stages whose rules read titles, possessives
/// and contractions piece by piece ("Mr" "." , "Israel" "’" "s", "didn" "’" "t") use this, so
/// they do not depend on how [`tokenize`] groups.
pub fn split_fine(text: &str, t: &Token) -> Vec<Token> {
    let mut out = Vec::new();
    split_fine_into(text, t, &mut out);
    out
}

/// The finest pieces ([`split_fine`]) of every token, in order.
pub fn fine_tokens(text: &str, tokens: &[Token]) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len() + tokens.len() / 4);
    for t in tokens {
        split_fine_into(text, t, &mut out);
    }
    out
}

/// [`split_fine`], appending the pieces to `out`.
pub fn split_fine_into(text: &str, t: &Token, out: &mut Vec<Token>) {
    let slice = t.span.of(text);
    // Most tokens are one plain ASCII run and stay as they are.
    if !slice.is_empty() && slice.bytes().all(|b| b.is_ascii_alphanumeric()) {
        let kind = if slice.bytes().all(|b| b.is_ascii_digit()) {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        // Same span, so the same case flags: no need to read the letters again.
        out.push(Token {
            kind,
            abbrev: None,
            sentence_initial: false,
            ..*t
        });
        return;
    }
    // A lone mark (",", "“", "—") is one piece: no letters, so no case flags.
    let mut chars = slice.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if !is_letter_or_digit(c) && !c.is_whitespace() {
            out.push(Token {
                kind: TokenKind::Punct,
                capitalised: false,
                all_caps: false,
                abbrev: None,
                sentence_initial: false,
                ..*t
            });
            return;
        }
    }
    let base = t.span.start;
    let mut run: Option<usize> = None;
    let close = |out: &mut Vec<Token>, a: usize, b: usize| {
        let kind = if slice[a..b].chars().all(|c| c.is_ascii_digit()) {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        out.push(Token::new(text, base + a, base + b, kind));
    };
    for (i, c) in slice.char_indices() {
        if is_letter_or_digit(c) {
            run.get_or_insert(i);
            continue;
        }
        if let Some(a) = run.take() {
            close(out, a, i);
        }
        if !c.is_whitespace() {
            out.push(Token::new(
                text,
                base + i,
                base + i + c.len_utf8(),
                TokenKind::Punct,
            ));
        }
    }
    if let Some(a) = run {
        close(out, a, slice.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text)
            .iter()
            .map(|t| (t.text(text), t.kind))
            .collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        toks(text).into_iter().map(|(s, _)| s).collect()
    }

    use TokenKind::*;

    #[test]
    fn word_characters_by_the_ascii_shortcut_are_the_same() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(
                is_word_char(c),
                is_letter_or_digit(c) || is_mark(c),
                "{c:?}"
            );
        }
    }

    #[test]
    fn hyphenated_compounds_are_one_token() {
        assert_eq!(
            texts("Israeli-Azerbaijani ties, a 20-year-old, COVID-19"),
            [
                "Israeli-Azerbaijani",
                "ties",
                ",",
                "a",
                "20-year-old",
                ",",
                "COVID-19"
            ]
        );
        assert_eq!(texts("pages 5-10"), ["pages", "5", "-", "10"]);
        assert_eq!(toks("war - peace")[1], ("-", Dash));
    }

    #[test]
    fn inner_apostrophes_stay_possessives_split() {
        assert_eq!(texts("don't O'Brien"), ["don't", "O'Brien"]);
        assert_eq!(
            toks("Azerbaijan’s oil"),
            [("Azerbaijan", Word), ("’s", Possessive), ("oil", Word)]
        );
        assert_eq!(toks("Israel's")[1], ("'s", Possessive));
        assert_eq!(toks("workers’ rights")[1], ("’", Quote));
    }

    #[test]
    fn numbers_with_decimals_and_thousands() {
        assert_eq!(
            toks("$5.2 billion, 1,000 people, 3.5%"),
            [
                ("$", Currency),
                ("5.2", Number),
                ("billion", Word),
                (",", Punct),
                ("1,000", Number),
                ("people", Word),
                (",", Punct),
                ("3.5", Number),
                ("%", Percent)
            ]
        );
        assert_eq!(texts("1, 2, 3"), ["1", ",", "2", ",", "3"]);
        assert_eq!(texts("12,34"), ["12", ",", "34"]);
        assert_eq!(toks("€40 £3 ¥9")[2], ("£", Currency));
        assert_eq!(toks("in 2019.")[1], ("2019", Number));
        assert_eq!(toks("the 1990s")[1], ("1990s", Word));
    }

    #[test]
    fn punctuation_quotes_and_dashes_are_single_tokens() {
        assert_eq!(
            toks("“Go,” he said — twice…"),
            [
                ("“", Quote),
                ("Go", Word),
                (",", Punct),
                ("”", Quote),
                ("he", Word),
                ("said", Word),
                ("—", Dash),
                ("twice", Word),
                ("…", Ellipsis)
            ]
        );
        assert_eq!(toks("wait... no")[1], ("...", Ellipsis));
        assert_eq!(toks("a -- b")[1], ("--", Dash));
        assert_eq!(toks("(AP)")[0], ("(", Punct));
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(
            toks("Mr. Smith of the U.S. and U.N., e.g. Corp. etc."),
            [
                ("Mr.", Abbreviation),
                ("Smith", Word),
                ("of", Word),
                ("the", Word),
                ("U.S.", Abbreviation),
                ("and", Word),
                ("U.N.", Abbreviation),
                (",", Punct),
                ("e.g.", Abbreviation),
                ("Corp.", Abbreviation),
                ("etc.", Abbreviation)
            ]
        );
        let t = tokenize("Mr. Smith");
        assert_eq!(t[0].abbrev, Some(AbbrevClass::Title));
        assert_eq!(toks("George W. Bush")[1], ("W.", Initial));
        assert_eq!(toks("No. 5")[0], ("No.", Abbreviation));
        assert_eq!(texts("He said No. Then"), ["He", "said", "No", ".", "Then"]);
        assert_eq!(texts("a house."), ["a", "house", "."]);
    }

    #[test]
    fn urls_and_emails_are_one_token() {
        assert_eq!(
            toks("See https://example.org/a_(b)?q=1. Mail press@gov.az, or www.apa.az."),
            [
                ("See", Word),
                ("https://example.org/a_(b)?q=1", Url),
                (".", Punct),
                ("Mail", Word),
                ("press@gov.az", Email),
                (",", Punct),
                ("or", Word),
                ("www.apa.az", Url),
                (".", Punct)
            ]
        );
        assert_eq!(toks("(http://x.org/a)")[1], ("http://x.org/a", Url));
        assert_eq!(toks("Amazon.com said")[0], ("Amazon.com", Url));
        assert_eq!(texts("a@b"), ["a", "@", "b"]);
    }

    #[test]
    fn case_flags() {
        let text = "NATO said Baku";
        let t = tokenize(text);
        assert!(t[0].all_caps && t[0].capitalised);
        assert!(!t[1].capitalised && !t[1].all_caps);
        assert!(t[2].capitalised && !t[2].all_caps);
    }

    #[test]
    fn lone_marks_split_as_any_piece_would() {
        let text = "“Yes,” she said — ¿no? (Ⅻ) ‿";
        for t in tokenize(text) {
            let mut c = t.span.of(text).chars();
            if let (Some(c), None) = (c.next(), c.next()) {
                let general = Token::new(text, t.span.start, t.span.end, TokenKind::Punct);
                if !is_letter_or_digit(c) && !c.is_whitespace() {
                    assert_eq!(split_fine(text, &t), [general], "{c}");
                }
            }
        }
    }

    #[test]
    fn sentence_starts_are_marked() {
        let text = "One. Two three.";
        let mut t = tokenize(text);
        mark_sentence_starts(&mut t, &[Span::new(0, 4), Span::new(5, 15)]);
        let starts: Vec<bool> = t.iter().map(|t| t.sentence_initial).collect();
        assert_eq!(starts, [true, false, true, false, false]);
    }
}
