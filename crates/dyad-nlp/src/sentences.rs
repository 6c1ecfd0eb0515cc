//! Sentence segmentation for news text.
//!
//! Every block is segmented on its own, so a sentence never crosses a block boundary and a
//! heading is always its own unit. Inside a block the splitter walks the tokens:
//! - A dateline opening a block ("WASHINGTON (AP) —", "BAKU, Oct 12 (Reuters) -") is its own unit.
//! - A new line that starts a bullet item, or an empty line, ends a sentence.
//! - `.`, `!`, `?` and ellipses are candidate ends; closing quotes, brackets and further
//!   terminal marks directly after them belong to the sentence. The candidate is a boundary when
//!   whitespace follows and the next token does not continue the sentence: a lower-case word
//!   (`…,” he said.`, `…?” he asked.`), or a comma, semicolon, colon or closing bracket.
//!   After an ellipsis the next token must be a capitalised word or an opening quote.
//! - A period that belongs to an abbreviation (see `data/abbreviations.tsv`) reads by the
//!   abbreviation's class: titles ("Mr."), introducers ("e.g.") and numbered references
//!   ("No. 5") never end a sentence; initials ("W.") do not either; months, company suffixes,
//!   dotted forms ("U.S.") and "etc." end one only when the next word is a typical sentence
//!   opener ("The", "He", "But", …), or when a closing quote or bracket follows the period.
//!
//! Decimals, amounts, URLs and e-mail addresses are single tokens, so their periods are never
//! candidates. The work is linear in the length of the text.

use crate::lexicon::{is_sentence_opener, AbbrevClass};
use crate::tokens::{tokenize, Token, TokenKind};
use dyad_doc::{Block, BlockKind, Span};

/// Splits each block into sentences (byte spans, trimmed of surrounding whitespace, in order).
pub fn sentences(text: &str, blocks: &[Block]) -> Vec<Span> {
    sentences_with_tokens(text, blocks, None)
}

/// [`sentences`], reusing the tokens of the whole text (from [`tokenize`]) where a block stands
/// between whitespace, so that its tokens are the ones its own tokenisation would give.
pub fn sentences_with_tokens(text: &str, blocks: &[Block], tokens: Option<&[Token]>) -> Vec<Span> {
    let mut out = Vec::new();
    for b in blocks {
        let Some(block) = text.get(b.start..b.end) else {
            continue;
        };
        let toks = tokens
            .and_then(|all| block_tokens(text, b, all))
            .unwrap_or_else(|| tokenize(block));
        let run_ons = b.kind != BlockKind::Heading;
        for (first, last) in split_block(block, &toks, run_ons) {
            out.push(Span::new(
                b.start + toks[first].span.start,
                b.start + toks[last].span.end,
            ));
        }
    }
    out
}

/// The tokens of the whole text that lie in block `b`, with offsets into the block; `None`
/// unless the block has whitespace (or the text's edge) on both sides and no token crosses
/// its edges, the cases in which tokenising the block alone could read its edges differently.
fn block_tokens(text: &str, b: &Block, all: &[Token]) -> Option<Vec<Token>> {
    let spaced_before = text
        .get(..b.start)?
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace);
    let spaced_after = text
        .get(b.end..)?
        .chars()
        .next()
        .is_none_or(char::is_whitespace);
    if !spaced_before || !spaced_after {
        return None;
    }
    let first = all.partition_point(|t| t.span.end <= b.start);
    let last = all.partition_point(|t| t.span.start < b.end);
    let inside = all.get(first..last)?;
    if inside
        .iter()
        .any(|t| t.span.start < b.start || t.span.end > b.end)
    {
        return None;
    }
    Some(
        inside
            .iter()
            .map(|t| Token {
                span: Span::new(t.span.start - b.start, t.span.end - b.start),
                ..*t
            })
            .collect(),
    )
}

/// The sentences of one block as (first token, last token) index pairs; `run_ons` allows
/// boundaries without a stop (not in headings, where title case is the norm).
fn split_block(text: &str, toks: &[Token], run_ons: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if toks.is_empty() {
        return out;
    }
    if let Some(last) = pull_quote(text, toks) {
        out.push((0, last));
        return out;
    }
    let mut first = 0;
    if let Some(k) = dateline_end(text, toks) {
        out.push((0, k));
        first = k + 1;
    }
    let mut i = first;
    while i < toks.len() {
        if i > first
            && (line_break_boundary(text, &toks[i - 1], &toks[i])
                || credit_label_at(text, toks, i)
                || (run_ons && run_on_at(text, toks, i)))
        {
            out.push((first, i - 1));
            first = i;
        }
        if let Some(last) = boundary_after(text, toks, i) {
            out.push((first, last));
            first = last + 1;
            i = last + 1;
            continue;
        }
        i += 1;
    }
    if first < toks.len() {
        out.push((first, toks.len() - 1));
    }
    out
}

fn is_terminal(text: &str, t: &Token) -> bool {
    match t.kind {
        TokenKind::Ellipsis => true,
        TokenKind::Punct => matches!(
            t.text(text),
            "." | "!" | "?" | "‼" | "⁇" | "⁈" | "⁉" | "。" | "！" | "？"
        ),
        _ => false,
    }
}

/// Closing quotes and brackets that may follow a sentence's final mark.
fn is_closer(text: &str, t: &Token) -> bool {
    matches!(
        t.text(text),
        "\"" | "'" | "”" | "’" | "»" | "›" | ")" | "]" | "}"
    )
}

/// The index of the last token of a sentence that ends at token `i`, if one does.
fn boundary_after(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    let t = &toks[i];
    let abbrev = matches!(t.kind, TokenKind::Abbreviation | TokenKind::Initial);
    if !abbrev && !is_terminal(text, t) {
        return None;
    }
    let mut j = i + 1;
    let mut closed = false;
    while j < toks.len()
        && toks[j].span.start == toks[j - 1].span.end
        && (is_terminal(text, &toks[j]) || is_closer(text, &toks[j]))
    {
        closed |= is_closer(text, &toks[j]);
        j += 1;
    }
    let last = j - 1;
    let next = toks.get(j)?;
    if next.span.start == toks[last].span.end {
        return None;
    }
    if abbrev && !closed && !toks[i + 1..j].iter().any(|t| is_terminal(text, t)) {
        let ends = match (t.kind, t.abbrev) {
            (TokenKind::Initial, _) => opens_sentence(text, next),
            (_, Some(AbbrevClass::Title | AbbrevClass::Inner | AbbrevClass::Number)) => false,
            _ => opens_sentence(text, next),
        };
        return ends.then_some(last);
    }
    if t.kind == TokenKind::Ellipsis && !closed {
        let ok = next.capitalised || (next.kind == TokenKind::Quote && !is_closer(text, next));
        return ok.then_some(last);
    }
    let continues = next.text(text).starts_with(char::is_lowercase)
        || matches!(next.kind, TokenKind::Ellipsis | TokenKind::Dash)
        || matches!(next.text(text), "," | ";" | ":" | ")" | "]" | "}" | "%");
    (!continues).then_some(last)
}

/// A typical sentence opener, or an opening quote before a capitalised word.
fn opens_sentence(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Word && is_sentence_opener(t.text(text))
}

/// Labels that open a picture credit or source line inside a caption ("Image: Reuters").
const CREDIT_LABELS: &[&str] = &[
    "Image",
    "Images",
    "Photo",
    "Photos",
    "Photograph",
    "Picture",
    "Pictures",
    "Credit",
    "Credits",
    "Video",
    "Graphic",
    "Illustration",
    "Source",
    "Sources",
];

/// A credit label followed by a colon at token `i`: the start of a credit line.
fn credit_label_at(text: &str, toks: &[Token], i: usize) -> bool {
    let (Some(t), Some(colon)) = (toks.get(i), toks.get(i + 1)) else {
        return false;
    };
    // The list last: it is read only for the few words a colon follows.
    t.kind == TokenKind::Word
        && colon.span.start == t.span.end
        && colon.text(text) == ":"
        && toks.get(i + 2).is_some_and(|n| n.capitalised)
        && CREDIT_LABELS.contains(&t.text(text))
}

/// Function words that are capitalised only where a sentence starts; the single letter `A`
/// is left out (`Class A shares`), as are `To` and `Of`, which are also surnames and name parts.
const CAPITALISED_ONLY_AT_START: &[&str] = &[
    "The",
    "In",
    "On",
    "At",
    "For",
    "With",
    "After",
    "But",
    "He",
    "She",
    "It",
    "They",
    "We",
    "This",
    "These",
    "Those",
    "There",
    "Its",
    "Their",
    "When",
    "While",
    "If",
    "As",
    "By",
    "From",
    "According",
    "During",
    "Although",
    "Because",
    "However",
    "Meanwhile",
];

/// A sentence that starts at token `i` although the one before has no stop: scraped text
/// often runs a caption or a subhead into the next sentence (`…of DAB In the Kowloon West
/// constituency, …`). Told by a function word that is capitalised only at a sentence's start,
/// between a word and a lower-case word on the same line.
fn run_on_at(text: &str, toks: &[Token], i: usize) -> bool {
    let (Some(prev), Some(t), Some(next)) =
        (toks.get(i.wrapping_sub(1)), toks.get(i), toks.get(i + 1))
    else {
        return false;
    };
    let gap = |a: &Token, b: &Token| text.get(a.span.end..b.span.start) == Some(" ");
    // The list last: it is read only for capitalised words between two words.
    prev.kind == TokenKind::Word
        && t.kind == TokenKind::Word
        && next.kind == TokenKind::Word
        && t.capitalised
        && next.text(text).starts_with(char::is_lowercase)
        && gap(prev, t)
        && gap(t, next)
        && CAPITALISED_ONLY_AT_START.contains(&t.text(text))
}

/// Double quotation marks, opening or closing.
fn is_double_quote(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Quote && matches!(t.text(text), "\"" | "“" | "”" | "«" | "»" | "„")
}

/// How many tokens an attribution after a pull quote may have.
const MAX_ATTRIBUTION_TOKENS: usize = 16;

/// A pull quote: a block that is only a quotation, ended by its own stop, and the name of
/// who said or wrote it (`"…. …." - Jane Doe`, `"…." Anonymous blogger, "Title"`). Set off
/// like a heading, it reads as one unit; returns its last token.
fn pull_quote(text: &str, toks: &[Token]) -> Option<usize> {
    if !is_double_quote(text, toks.first()?) {
        return None;
    }
    let close = (1..toks.len()).find(|&k| is_double_quote(text, &toks[k]))?;
    let attribution = toks.get(close + 1..)?;
    let opener = attribution.first()?;
    let said = is_terminal(text, &toks[close - 1]);
    let named = opener.kind == TokenKind::Dash || opener.capitalised;
    let plain = attribution.len() <= MAX_ATTRIBUTION_TOKENS
        && !attribution.iter().any(|t| is_terminal(text, t))
        && !text[toks[0].span.start..].contains('\n');
    (said && named && plain).then_some(toks.len() - 1)
}

/// A new line between two tokens that starts a bullet item, or an empty line.
fn line_break_boundary(text: &str, prev: &Token, next: &Token) -> bool {
    let gap = text.get(prev.span.end..next.span.start).unwrap_or("");
    let breaks = gap.bytes().filter(|&b| b == b'\n').count();
    if breaks == 0 {
        return false;
    }
    breaks >= 2
        || matches!(
            next.text(text),
            "•" | "·" | "▪" | "►" | "‣" | "◦" | "*" | "-" | "–" | "—" | "■" | "○" | "●"
        )
}

/// The last token of a dateline that opens the block ("WASHINGTON (AP) —", "BAKU, Oct 12
/// (Reuters) -"): an all-capitals place, then capitalised words, numbers, commas or a
/// parenthesised agency, then a dash followed by text.
fn dateline_end(text: &str, toks: &[Token]) -> Option<usize> {
    date_line_end(text, toks).or_else(|| place_line_end(text, toks))
}

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// A date opening the block and followed by a sentence ("Thursday, May 7, 2015 On Tuesday…"):
/// weekday, month, day and a four-digit year with commas, then a capitalised word.
fn date_line_end(text: &str, toks: &[Token]) -> Option<usize> {
    let mut month = false;
    let mut year = false;
    let mut k = 0;
    while let Some(t) = toks.get(k) {
        let s = t.text(text);
        match t.kind {
            TokenKind::Word if WEEKDAYS.contains(&s) => {}
            TokenKind::Word if MONTHS.contains(&s) => month = true,
            TokenKind::Abbreviation if MONTHS.contains(&s.trim_end_matches('.')) => month = true,
            TokenKind::Number if s.len() == 4 => year = true,
            TokenKind::Number if s.len() <= 2 => {}
            TokenKind::Punct if s == "," => {}
            _ => break,
        }
        k += 1;
    }
    let next = toks.get(k)?;
    let last = toks.get(k.checked_sub(1)?)?;
    let ok = month && year && last.kind == TokenKind::Number && next.capitalised;
    (ok && next.span.start > last.span.end).then_some(k - 1)
}

/// A place dateline: an all-capitals place ("WASHINGTON (AP) —"), or capitalised place names
/// with commas ("Evansville, Indiana, United States -"), then an optional date and agency.
fn place_line_end(text: &str, toks: &[Token]) -> Option<usize> {
    let first = &toks[0];
    if first.kind != TokenKind::Word || !first.capitalised || first.text(text).chars().count() < 2 {
        return None;
    }
    let caps_place = first.all_caps;
    if !caps_place && is_sentence_opener(first.text(text)) {
        return None;
    }
    let mut depth = 0usize;
    let mut signals = 0;
    let mut caps_words = 1;
    let mut commas = 0;
    for (k, t) in toks.iter().enumerate().take(16).skip(1) {
        let s = t.text(text);
        match t.kind {
            TokenKind::Dash if depth == 0 => {
                let next = toks.get(k + 1)?;
                let spaced = next.span.start > t.span.end && t.span.start > toks[k - 1].span.end;
                let strong = if caps_place {
                    signals > 0 || caps_words >= 2
                } else {
                    commas > 0
                };
                return (spaced && strong && next.capitalised).then_some(k);
            }
            TokenKind::Punct if s == "(" => {
                depth += 1;
                signals += 1;
            }
            TokenKind::Punct if s == ")" => depth = depth.checked_sub(1)?,
            TokenKind::Punct if s == "," || s == "/" => {
                signals += usize::from(s == ",");
                commas += usize::from(s == "," && depth == 0);
            }
            _ if depth > 0 => {}
            TokenKind::Word if t.all_caps => caps_words += 1,
            TokenKind::Word | TokenKind::Abbreviation if t.capitalised => {}
            TokenKind::Number => {}
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let blocks = [Block {
            kind: BlockKind::Paragraph,
            start: 0,
            end: text.len(),
        }];
        sentences(text, &blocks)
            .iter()
            .map(|s| s.of(text))
            .collect()
    }

    #[test]
    fn a_caption_run_into_the_next_sentence_is_split() {
        assert_eq!(
            split("Ann Chiang of DAB In the Kowloon West constituency, two were re-elected."),
            [
                "Ann Chiang of DAB",
                "In the Kowloon West constituency, two were re-elected."
            ]
        );
        for one in [
            "The company's Class A shares fell.",
            "Leung and James To of the Democratic Party won.",
            "The Group A leader won on Sunday.",
        ] {
            assert_eq!(split(one).len(), 1, "{one}");
        }
    }

    #[test]
    fn run_ons_are_not_looked_for_in_headings() {
        let text = "Talks Resume In the Capital";
        let blocks = [Block {
            kind: BlockKind::Heading,
            start: 0,
            end: text.len(),
        }];
        assert_eq!(sentences(text, &blocks).len(), 1);
    }

    #[test]
    fn a_pull_quote_with_its_attribution_is_one_unit() {
        assert_eq!(
            split("\"So far, 1-0. But it is a long game.\" - Jane Doe").len(),
            1
        );
        assert_eq!(
            split("“It is over. We won.” Anonymous blogger, “Notes from the square”").len(),
            1
        );
        // Without an attribution, or with a sentence after it, the quotation is split as usual.
        assert_eq!(split("\"It is over. We won.\"").len(), 2);
        assert_eq!(split("\"It is over. We won.\" Smith said so.").len(), 3);
    }

    #[test]
    fn run_on_openers_are_capitalised() {
        // `run_on_at` reads the list only for tokens marked capitalised.
        assert!(CAPITALISED_ONLY_AT_START
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase())));
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("It rained. We left! Why? "),
            ["It rained.", "We left!", "Why?"]
        );
    }

    #[test]
    fn titles_do_not_end_sentences() {
        for t in [
            "Mr.", "Mrs.", "Dr.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "Prof.", "St.",
        ] {
            let text = format!("They met {t} Smith on Monday. He agreed.");
            assert_eq!(split(&text).len(), 2, "{text}");
        }
    }

    #[test]
    fn abbreviations_inside_sentences() {
        assert_eq!(
            split("Apple Inc. said on Jan. 5 that sales, e.g. of phones, rose vs. last year. It also said so.")
                .len(),
            2
        );
        assert_eq!(split("It is ranked No. 5 in the world. Fine.").len(), 2);
        assert_eq!(
            split("The U.S. Senate and the U.K. government agreed.").len(),
            1
        );
        assert_eq!(
            split("Officials from the U.N. and the E.U. met, i.e. twice.").len(),
            1
        );
    }

    #[test]
    fn sentence_final_abbreviations_split_before_openers() {
        assert_eq!(
            split("He lives in the U.S. The president disagreed."),
            ["He lives in the U.S.", "The president disagreed."]
        );
        assert_eq!(
            split("It bought Acme Corp. The deal closed."),
            ["It bought Acme Corp.", "The deal closed."]
        );
        assert_eq!(split("Tools, paint, etc. But no food.").len(), 2);
    }

    #[test]
    fn initials_do_not_end_sentences() {
        assert_eq!(
            split("J. R. R. Tolkien wrote it. George W. Bush read it.").len(),
            2
        );
    }

    #[test]
    fn decimals_and_amounts() {
        assert_eq!(
            split("The deal is worth $5.2 billion, up 3.5% on 2019. It closed.").len(),
            2
        );
        assert_eq!(split("About 1,000.5 tonnes. More came.").len(), 2);
    }

    #[test]
    fn ellipses() {
        assert_eq!(split("He paused... and went on. Then... Nothing.").len(), 3);
        assert_eq!(split("It was… Not good.").len(), 2);
    }

    #[test]
    fn quotations_that_end_sentences() {
        assert_eq!(split("“We will win,” he said. They did.").len(), 2);
        assert_eq!(split("“Will we win?” he asked. They did.").len(), 2);
        assert_eq!(split("“Go.” She left."), ["“Go.”", "She left."]);
        assert_eq!(split("\"Go.\" She left."), ["\"Go.\"", "She left."]);
        assert_eq!(split("“Stop!”, she cried."), ["“Stop!”, she cried."]);
    }

    #[test]
    fn parentheses() {
        assert_eq!(
            split("He left (it was late.) Then she came."),
            ["He left (it was late.)", "Then she came."]
        );
        assert_eq!(split("He left (see p. 4) early.").len(), 1);
    }

    #[test]
    fn urls_and_emails() {
        assert_eq!(
            split("See www.example.org. Write to press@gov.az. Or visit https://a.b/c.html today.")
                .len(),
            3
        );
    }

    #[test]
    fn bullets_and_blank_lines() {
        assert_eq!(
            split("Key points:\n• Talks resumed\n• Troops withdrew\n\nNext part"),
            [
                "Key points:",
                "• Talks resumed",
                "• Troops withdrew",
                "Next part"
            ]
        );
        assert_eq!(split("a wrapped\nline of text.").len(), 1);
    }

    #[test]
    fn datelines_are_their_own_units() {
        assert_eq!(
            split("WASHINGTON (AP) — The president spoke."),
            ["WASHINGTON (AP) —", "The president spoke."]
        );
        assert_eq!(
            split("BAKU, Oct 12 (Reuters) - Azerbaijan said so."),
            ["BAKU, Oct 12 (Reuters) -", "Azerbaijan said so."]
        );
        assert_eq!(split("NATO — the alliance — met.").len(), 1);
        assert_eq!(
            split("Evansville, Indiana, United States - This week an exhibit opened."),
            [
                "Evansville, Indiana, United States -",
                "This week an exhibit opened."
            ]
        );
        assert_eq!(split("However, Smith - The man - left.").len(), 1);
        assert_eq!(
            split("Thursday, May 7, 2015 On Tuesday, the government spoke."),
            ["Thursday, May 7, 2015", "On Tuesday, the government spoke."]
        );
        assert_eq!(split("May 7, 2015 was a Thursday.").len(), 1);
    }

    #[test]
    fn credit_lines_in_captions() {
        assert_eq!(
            split("The team in Washington D.C. Image: United States Navy."),
            ["The team in Washington D.C.", "Image: United States Navy."]
        );
        assert_eq!(
            split("Obama tweet to student Ahmed Mohamed Photo: Twitter / Barack Obama."),
            [
                "Obama tweet to student Ahmed Mohamed",
                "Photo: Twitter / Barack Obama."
            ]
        );
        assert_eq!(split("It showed the image: a flag.").len(), 1);
    }

    #[test]
    fn ellipses_and_dashes_after_a_period_continue() {
        assert_eq!(
            split("It was the end. ... The next day came."),
            ["It was the end. ...", "The next day came."]
        );
        assert_eq!(
            split("“It is a long game.” - Matthew Ingram. Writing later, he agreed.").len(),
            2
        );
    }

    #[test]
    fn sentences_never_cross_blocks() {
        let text = "A heading\n\nMr. Smith spoke";
        let blocks = [
            Block {
                kind: BlockKind::Heading,
                start: 0,
                end: 9,
            },
            Block {
                kind: BlockKind::Paragraph,
                start: 11,
                end: text.len(),
            },
        ];
        let s: Vec<&str> = sentences(text, &blocks)
            .iter()
            .map(|s| s.of(text))
            .collect();
        assert_eq!(s, ["A heading", "Mr. Smith spoke"]);
    }

    #[test]
    fn tokens_of_the_whole_text_give_the_same_sentences() {
        let text = "Mr. Smith’s car. It ran.\n\nSee www.example.com/a (it's 5.2%)... U.S. troops \
                    left.\n\nA Heading’s End\nthe U.S. said.Next words “here.”\n\n";
        let mut blocks = Vec::new();
        let mut start = 0;
        for part in text.split("\n\n") {
            let end = start + part.len();
            if !part.is_empty() {
                blocks.push(Block {
                    kind: BlockKind::Paragraph,
                    start,
                    end,
                });
            }
            start = end + 2;
        }
        // Two blocks with no space between them, and a heading.
        let joint = text.find("Next").unwrap();
        let third = blocks.pop().unwrap();
        blocks.push(Block {
            kind: BlockKind::Heading,
            start: third.start,
            end: joint,
        });
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            start: joint,
            end: third.end,
        });
        let tokens = tokenize(text);
        assert_eq!(
            sentences_with_tokens(text, &blocks, Some(&tokens)),
            sentences(text, &blocks)
        );
        assert!(block_tokens(text, &blocks[2], &tokens).is_none());
        assert!(block_tokens(text, &blocks[1], &tokens).is_some());
    }

    #[test]
    fn empty_and_blank_blocks() {
        assert!(split("").is_empty());
        assert!(split("  \n ").is_empty());
    }
}
