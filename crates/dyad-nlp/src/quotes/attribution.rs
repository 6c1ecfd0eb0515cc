//! Finding the cue and the speaker of a quotation in the words around it.
//!
//! Patterns, tried in this order:
//! - after the quotation: `“…,” SPEAKER CUE` ("Mr. Enveroglu noted", "he asked rhetorically",
//!   also with an appositive: "Khaled Al-Maeena, editor at large, said"),
//!   `“…,” CUE SPEAKER` ("said Ambassador Mohib"), `“…,” according to SPEAKER` and a name
//!   after a dash ending the paragraph (`“…” — Matthew Ingram`, the dash being the cue);
//! - before it: `SPEAKER CUE [object]: “…”` and `According to SPEAKER, “…”`;
//! - for a quoted phrase inside a sentence: the nearest cue before it in the same sentence
//!   whose subject is a speaker ("what Mr. Enveroglu described as “Iran’s influence”").

use super::cues::CueKind;
use super::words::{is_between_word, is_capitalized, is_word, Words};

/// A cue and, where the text names one, its speaker; both as token ranges `[a, b)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The cue words ("said", "asked rhetorically", "according to").
    pub cue: (usize, usize),
    /// The words naming the speaker.
    pub speaker: Option<(usize, usize)>,
}

/// Longest stretch searched back for a sentence's start: keeps the work per quotation bounded.
const MAX_SENTENCE_TOKENS: usize = 150;

/// Most tokens between a quotation and its cue.
const REACH: usize = 14;

/// Whether token `i` is an "according to" phrase; returns the index after it.
fn according_to(w: &Words, i: usize) -> Option<usize> {
    (w.cue_at(i) == Some(CueKind::Phrase) && w.s(i + 1).eq_ignore_ascii_case("to")).then_some(i + 2)
}

/// The end (exclusive token index) of the clause that starts at `from`, before `hi`.
fn clause_end(w: &Words, from: usize, hi: usize) -> usize {
    (from..hi)
        .find(|&i| w.ends_sentence(i) || w.is_mark(i) || w.s(i) == ",")
        .unwrap_or(hi)
}

/// The first token of the sentence that contains token `k`, not below `lo` (nor more than
/// [`MAX_SENTENCE_TOKENS`] back).
pub fn sentence_start(w: &Words, lo: usize, k: usize) -> usize {
    let lo = lo.max(k.saturating_sub(MAX_SENTENCE_TOKENS));
    let mut i = k;
    while i > lo && !w.ends_sentence(i - 1) {
        i -= 1;
    }
    i
}

/// The cue and speaker right after a quotation whose closing mark ends before token `from`;
/// `hi` bounds the search (the next quotation or the paragraph's end).
pub fn after(w: &Words, from: usize, hi: usize) -> Option<Found> {
    if let Some(f) = dash_after(w, from, hi) {
        return Some(f);
    }
    let mut start = from;
    while start < hi && matches!(w.s(start), "," | "—" | "–" | "-") {
        start += 1;
    }
    after_from(w, start, hi)
}

/// `“…” — Matthew Ingram`: a capitalised name after a dash that ends the sentence or the
/// paragraph; the dash is the cue.
pub fn dash_after(w: &Words, from: usize, hi: usize) -> Option<Found> {
    if matches!(w.s(from), "—" | "–" | "-") && from + 1 < hi {
        // `“…” — Matthew Ingram`: a name after a dash, ending the paragraph or sentence.
        let end = clause_end(w, from + 1, hi);
        if let Some(np) = w.np_after(from + 1, end) {
            let rest_is_end = (np.1..hi).all(|i| !is_word(w.s(i)));
            if rest_is_end && np.1 == end && is_capitalized(w.s(np.0)) {
                return Some(Found {
                    cue: (from, from + 1),
                    speaker: Some(np),
                });
            }
        }
    }
    None
}

fn after_from(w: &Words, start: usize, hi: usize) -> Option<Found> {
    let end = (start + REACH).min(hi);
    for j in start..end {
        if w.ends_sentence(j) || w.is_mark(j) {
            break;
        }
        if let Some(k) = according_to(w, j) {
            if j == start {
                let speaker = w.np_after(k, clause_end(w, k, hi));
                return speaker.map(|s| Found {
                    cue: (j, k),
                    speaker: Some(s),
                });
            }
            continue;
        }
        if w.cue_at(j) != Some(CueKind::Speech) {
            continue;
        }
        let cue = cue_span(w, j, hi);
        if let Some(np) = w.subject_before(start, j) {
            return Some(Found {
                cue,
                speaker: Some(np),
            });
        }
        let only_adverbs_before = (start..j).all(|i| is_between_word(w.s(i)));
        if only_adverbs_before {
            let speaker = w.np_after(cue.1, clause_end(w, cue.1, hi));
            return Some(Found { cue, speaker });
        }
        return None;
    }
    None
}

/// The cue word with a following manner adverb ("asked rhetorically").
fn cue_span(w: &Words, j: usize, hi: usize) -> (usize, usize) {
    let next = w.s(j + 1);
    if j + 1 < hi && next.len() > 4 && next.ends_with("ly") && next != "only" {
        (j, j + 2)
    } else {
        (j, j + 1)
    }
}

/// The cue and speaker that introduce a quotation whose opening mark is token `open`;
/// `lo` bounds the search (the previous quotation or the paragraph's start).
pub fn before(w: &Words, lo: usize, open: usize) -> Option<Found> {
    let mut e = open;
    while e > lo && matches!(w.s(e - 1), "," | ":" | "—" | "–") {
        e -= 1;
    }
    let stop = e.saturating_sub(8).max(lo);
    let mut j = e;
    while j > stop {
        j -= 1;
        if w.ends_sentence(j) || w.is_mark(j) {
            break;
        }
        if w.s(j).eq_ignore_ascii_case("to") && j > lo {
            if let Some(k) = according_to(w, j - 1) {
                return w.np_after(k, e).map(|s| Found {
                    cue: (j - 1, k),
                    speaker: Some(s),
                });
            }
        }
        if w.cue_at(j) != Some(CueKind::Speech) {
            continue;
        }
        // Between the cue and the mark: at most a short object or adjunct ("told reporters").
        let words_after = (j + 1..e).filter(|&i| is_word(w.s(i))).count();
        if words_after > 5 {
            return None;
        }
        let ss = sentence_start(w, lo, j);
        if let Some(np) = w.subject_before(ss, j) {
            return Some(Found {
                cue: (j, j + 1),
                speaker: Some(np),
            });
        }
    }
    None
}

/// The cue and speaker of a quoted phrase inside a sentence: the nearest cue before the
/// opening mark (token `open`), in the same sentence, that has a speaker as subject
/// (participles in -ing are passed over: their subject is elsewhere).
pub fn inside(w: &Words, lo: usize, open: usize) -> Option<Found> {
    let ss = sentence_start(w, lo, open);
    let mut j = open;
    while j > ss {
        j -= 1;
        if j > ss && w.s(j).eq_ignore_ascii_case("to") {
            if let Some(k) = according_to(w, j - 1) {
                if let Some(np) = w.np_after(k, clause_end(w, k, open)) {
                    return Some(Found {
                        cue: (j - 1, k),
                        speaker: Some(np),
                    });
                }
            }
        }
        if !matches!(w.cue_at(j), Some(CueKind::Speech) | Some(CueKind::Partial))
            || w.s(j).ends_with("ing")
        {
            continue;
        }
        if let Some(np) = w.np_before(ss, j) {
            return Some(Found {
                cue: (j, j + 1),
                speaker: Some(np),
            });
        }
    }
    None
}

/// Whether the sentence around a quoted phrase (tokens `lo..hi`) holds any cue.
pub fn has_cue(w: &Words, lo: usize, hi: usize) -> bool {
    (lo..hi).any(|i| w.cue_at(i).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    fn text_of(w: &Words, r: (usize, usize)) -> String {
        w.text[w.span(r.0).start..w.span(r.1 - 1).end].to_string()
    }

    fn run_after(text: &str) -> Option<(String, Option<String>)> {
        let tokens = tokenize(text);
        let w = Words::new(text, &tokens);
        let close = text.find('”')?;
        let from = w.first_at(close + '”'.len_utf8());
        let f = after(&w, from, tokens.len())?;
        Some((text_of(&w, f.cue), f.speaker.map(|s| text_of(&w, s))))
    }

    fn run_before(text: &str) -> Option<(String, Option<String>)> {
        let tokens = tokenize(text);
        let w = Words::new(text, &tokens);
        let open = w.first_at(text.find('“')?);
        let f = before(&w, 0, open)?;
        Some((text_of(&w, f.cue), f.speaker.map(|s| text_of(&w, s))))
    }

    #[test]
    fn cue_after_with_speaker_first() {
        assert_eq!(
            run_after("“Yes,” Mr. Enveroglu noted. Then"),
            Some(("noted".into(), Some("Mr. Enveroglu".into())))
        );
        assert_eq!(
            run_after("“Why?” he asked rhetorically, adding"),
            Some(("asked rhetorically".into(), Some("he".into())))
        );
        assert_eq!(
            run_after("“No,” the ministry said in a statement."),
            Some(("said".into(), Some("the ministry".into())))
        );
    }

    #[test]
    fn inverted_and_phrase_cues_after() {
        assert_eq!(
            run_after("“Not possible,” said Ambassador Mohib."),
            Some(("said".into(), Some("Ambassador Mohib".into())))
        );
        assert_eq!(
            run_after("“Not possible,” according to the police."),
            Some(("according to".into(), Some("the police".into())))
        );
    }

    #[test]
    fn a_new_sentence_after_the_quote_is_not_its_cue() {
        assert_eq!(run_after("“Yes.” The minister left. He said"), None);
    }

    #[test]
    fn cue_before_the_quote() {
        assert_eq!(
            run_before("Burton said, “I love cats!”"),
            Some(("said".into(), Some("Burton".into())))
        );
        assert_eq!(
            run_before("Later the minister told reporters: “We will win.”"),
            Some(("told".into(), Some("the minister".into())))
        );
        assert_eq!(
            run_before("According to Mr. Smith, “it works.”"),
            Some(("According to".into(), Some("Mr. Smith".into())))
        );
        assert_eq!(run_before("The book is called “Cats”"), None);
    }
}
