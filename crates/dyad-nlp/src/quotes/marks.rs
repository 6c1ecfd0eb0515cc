//! Pairing quotation marks into quoted stretches of text.
//!
//! One left-to-right pass over each paragraph with a small stack of open marks:
//! - curly marks have a fixed side; straight `"` opens after a space or the paragraph start
//!   and closes after a non-space;
//! - single marks count only when they can be quotation marks: a mark between two letters or
//!   digits (`doesn’t`, `Iran’s`) is an apostrophe, a closing single mark with no single mark
//!   open is an apostrophe too (`players' union`);
//! - only the outermost pair becomes a quotation; inner pairs belong to it;
//! - a paragraph that ends inside a double quotation continues it when the next paragraph
//!   opens with a double mark and the quotation began a clause (the news convention for
//!   quotations over several paragraphs);
//!   when instead the next paragraph's first double mark is a closing one, the quotation
//!   runs to it (a quotation over two paragraphs without the repeated mark); otherwise the
//!   open mark was unbalanced and is dropped, so one stray mark never spoils the rest.
//!
//! Work is linear in the text: each mark is pushed and popped at most once.

use crate::chars::is_letter_or_digit;
use dyad_doc::Span;

/// A quoted stretch of text: the marks that enclose it and what lies between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marked {
    /// The opening mark (for a quotation over several paragraphs, the first one).
    pub open: Span,
    /// The closing mark.
    pub close: Span,
    /// Between the marks (may include the repeated opening marks of continued paragraphs).
    pub inner: Span,
    /// Whether the marks are single (`‘…’`) rather than double.
    pub single: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Open,
    Close,
}

#[derive(Debug, Clone, Copy)]
struct OpenMark {
    single: bool,
    /// An ASCII `'` (which may be an apostrophe).
    straight: bool,
    at: Span,
}

/// Deeper nesting than this is noise; further opening marks are ignored.
const MAX_DEPTH: usize = 8;

/// The paragraphs of a text: maximal runs of non-empty lines are split at every line break.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        if !text[start..i].trim().is_empty() {
            out.push(Span::new(start, i));
        }
        start = i + 1;
    }
    if !text[start..].trim().is_empty() {
        out.push(Span::new(start, text.len()));
    }
    out
}

fn is_opening_context(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => {
            p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '"')
        }
    }
}

/// Which side a double mark stands on, if any.
fn double_side(c: char, prev: Option<char>, next: Option<char>) -> Option<Side> {
    match c {
        '“' | '„' | '«' => Some(Side::Open),
        '”' | '»' => Some(Side::Close),
        '"' => {
            let next_space = !matches!(next, Some(n) if !n.is_whitespace());
            if is_opening_context(prev) && !next_space {
                Some(Side::Open)
            } else if prev.is_some_and(|p| !p.is_whitespace()) {
                Some(Side::Close)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Which side a single mark stands on, if it is a quotation mark at all.
fn single_side(c: char, prev: Option<char>, next: Option<char>) -> Option<Side> {
    if !matches!(c, '‘' | '’' | '\'' | '‹' | '›') {
        return None;
    }
    let word = |x: Option<char>| x.is_some_and(is_letter_or_digit);
    if word(prev) && word(next) {
        return None; // apostrophe inside a word
    }
    match c {
        '‘' | '‹' => Some(Side::Open),
        '›' => Some(Side::Close),
        _ if is_opening_context(prev) && word(next) && c == '\'' => Some(Side::Open),
        _ if prev.is_some_and(|p| !p.is_whitespace()) => Some(Side::Close),
        _ => None,
    }
}

/// Whether a paragraph begins (after spaces) with an opening double mark.
fn opens_with_double(text: &str, para: Span) -> bool {
    let s = para.of(text).trim_start();
    let mut it = s.chars();
    let first = it.next();
    let second = it.next();
    first.is_some_and(|c| double_side(c, None, second) == Some(Side::Open))
}

/// All outermost quoted stretches of the text, in text order.
pub fn marked(text: &str) -> Vec<Marked> {
    let paras = paragraphs(text);
    let mut out = Vec::new();
    // The opening mark of a quotation continued from the previous paragraph.
    let mut carried: Option<Span> = None;
    // An opening mark left open at the end of the previous paragraph, whose quotation may
    // close in this one without repeating the mark.
    let mut unclosed: Option<Span> = None;
    for (pi, &para) in paras.iter().enumerate() {
        let mut stack: Vec<OpenMark> = Vec::new();
        let body = para.of(text);
        let mut first_mark_seen = false;
        // Only quotation marks matter: jump from one '"', '\'' or non-ASCII character to the
        // next instead of decoding every character.
        let mut pos = 0;
        while let Some(k) = body.as_bytes()[pos..]
            .iter()
            .position(|&b| matches!(b, b'"' | b'\'') || !b.is_ascii())
        {
            let off = pos + k;
            let Some(c) = body[off..].chars().next() else {
                break;
            };
            pos = off + c.len_utf8();
            let prev = body[..off].chars().next_back();
            let next = body[pos..].chars().next();
            let at = Span::new(para.start + off, para.start + off + c.len_utf8());
            if let Some(side) = double_side(c, prev, next) {
                let leading_open = !first_mark_seen && body[..off].trim().is_empty();
                let leading = !first_mark_seen;
                first_mark_seen = true;
                match side {
                    Side::Open => {
                        unclosed = None;
                        if leading_open && carried.is_some() {
                            // The repeated mark of a continued quotation: keep the first mark.
                            let first = carried.take().unwrap_or(at);
                            stack.push(OpenMark {
                                single: false,
                                straight: false,
                                at: first,
                            });
                        } else if stack.iter().all(|m| m.single && m.straight) {
                            // Open straight single marks only ('90s, 'em) are apostrophes
                            // more often than quotations around this one.
                            stack.clear();
                            stack.push(OpenMark {
                                single: false,
                                straight: false,
                                at,
                            });
                        } else if stack.iter().any(|m| !m.single) {
                            // A second opening double mark: the earlier one was unbalanced.
                            stack.clear();
                            stack.push(OpenMark {
                                single: false,
                                straight: false,
                                at,
                            });
                        } else if stack.len() < MAX_DEPTH {
                            stack.push(OpenMark {
                                single: false,
                                straight: false,
                                at,
                            });
                        }
                    }
                    Side::Close => {
                        if let (true, Some(open)) = (leading, unclosed.take()) {
                            if stack.is_empty() {
                                out.push(Marked {
                                    open,
                                    close: at,
                                    inner: Span::new(open.end, at.start),
                                    single: false,
                                });
                                continue;
                            }
                        }
                        if let Some(pos) = stack.iter().rposition(|m| !m.single) {
                            let open = stack[pos];
                            stack.truncate(pos);
                            if stack.is_empty() {
                                out.push(Marked {
                                    open: open.at,
                                    close: at,
                                    inner: Span::new(open.at.end, at.start),
                                    single: false,
                                });
                            }
                        }
                    }
                }
            } else if let Some(side) = single_side(c, prev, next) {
                match side {
                    Side::Open => {
                        if stack.len() < MAX_DEPTH {
                            stack.push(OpenMark {
                                single: true,
                                straight: c == '\'',
                                at,
                            });
                        }
                    }
                    Side::Close => {
                        // Closes only a single mark that is innermost; else it is an apostrophe.
                        if stack.last().is_some_and(|m| m.single) {
                            if let Some(open) = stack.pop() {
                                if stack.is_empty() {
                                    out.push(Marked {
                                        open: open.at,
                                        close: at,
                                        inner: Span::new(open.at.end, at.start),
                                        single: true,
                                    });
                                }
                            }
                        }
                    }
                }
            }
        }
        carried = None;
        unclosed = None;
        // An open double quotation at the paragraph's end continues only when the next
        // paragraph opens with a double mark.
        if let Some(bottom) = stack.first() {
            // A mark carried from an earlier paragraph has nothing before it here.
            let before = text
                .get(para.start..bottom.at.start)
                .and_then(|s| s.trim_end().chars().next_back());
            let clause_start =
                before.is_none_or(|c| matches!(c, ',' | ':' | '.' | '?' | '!' | '—' | '–'));
            if !bottom.single && clause_start {
                if let Some(&np) = paras.get(pi + 1) {
                    if opens_with_double(text, np) {
                        carried = Some(bottom.at);
                    } else {
                        unclosed = Some(bottom.at);
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        marked(text).iter().map(|m| m.inner.of(text)).collect()
    }

    #[test]
    fn curly_and_straight_pairs() {
        assert_eq!(inner("“Hi,” he said. \"Bye.\""), vec!["Hi,", "Bye."]);
    }

    #[test]
    fn nested_single_closed_by_ascii_apostrophe() {
        let t = "“In Hebrew, we say ‘A barking dog doesn’t bite,'” Mr. X noted, on “hard work,” not rhetoric.";
        assert_eq!(
            inner(t),
            vec![
                "In Hebrew, we say ‘A barking dog doesn’t bite,'",
                "hard work,"
            ]
        );
    }

    #[test]
    fn apostrophes_do_not_close() {
        let t = "“Iran’s influence and the players' union,” she said.";
        assert_eq!(inner(t), vec!["Iran’s influence and the players' union,"]);
    }

    #[test]
    fn stray_leading_apostrophe_does_not_hide_a_quotation() {
        let t = "Back in the '90s, “it was different,” he said.";
        assert_eq!(inner(t), vec!["it was different,"]);
    }

    #[test]
    fn quotation_over_paragraphs() {
        let t = "“First part of it.\n\n“Second part,” he said.\n\nAfter.";
        let m = marked(t);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].open.start, 0);
        assert!(m[0].inner.of(t).ends_with("Second part,"));
    }

    #[test]
    fn quotation_over_paragraphs_without_repeated_mark() {
        let t = "He said, \"I think so.\n\nIt was a day.\" Then \"more,\" he said.";
        assert_eq!(inner(t), vec!["I think so.\n\nIt was a day.", "more,"]);
    }

    #[test]
    fn unbalanced_mark_recovers_at_paragraph_end() {
        let t = "He said “oops and never closed.\n\nNext “fine,” she said.";
        assert_eq!(inner(t), vec!["fine,"]);
    }

    #[test]
    fn single_quotes_at_top_level() {
        assert_eq!(
            inner("honoured for 'courageous achievement' at the games"),
            vec!["courageous achievement"]
        );
    }

    #[test]
    fn paragraphs_skip_blank_lines() {
        let t = "a\n\n\nb\nc";
        let p: Vec<&str> = paragraphs(t).iter().map(|s| s.of(t)).collect();
        assert_eq!(p, vec!["a", "b", "c"]);
    }
}
