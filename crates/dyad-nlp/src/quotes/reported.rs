//! Reported (indirect) speech: sentences that attribute a claim to a speaker without
//! quotation marks. The reported content is the quote's span.
//!
//! Patterns, per sentence without quotation marks:
//! - `SPEAKER CUE [adjunct] that CONTENT` ("Aliyev revealed that his country had acquired …",
//!   "she told reporters on Monday that …");
//! - `SPEAKER said CONTENT` for verbs that take a bare clause (say, add), when the clause
//!   starts like one (a determiner, pronoun, name or number);
//! - `According to SPEAKER, CONTENT` and `CONTENT, according to SPEAKER` (but after a relative
//!   word, "which, according to SPEAKER, CONTENT", the content follows);
//! - `CONTENT, SPEAKER said.` and `CONTENT, said SPEAKER.` at the end of the sentence.

use super::attribution::Found;
use super::cues::CueKind;
use super::words::{is_capitalized, is_determiner, is_pronoun, is_word, Words};

/// One reported statement: content, cue and speaker as token ranges `[a, b)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reported {
    /// What was said.
    pub content: (usize, usize),
    /// Its cue and speaker.
    pub found: Found,
}

/// Fewest words of reported content.
const MIN_CONTENT_WORDS: usize = 3;

/// Verbs that take a clause without "that" ("He said the talks failed").
fn takes_bare_clause(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "said" | "says" | "say" | "added" | "adds"
    )
}

fn word_count(w: &Words, a: usize, b: usize) -> usize {
    (a..b).filter(|&i| is_word(w.s(i))).count()
}

/// The content from token `a` to the sentence's end `b`, without final punctuation.
fn content(w: &Words, a: usize, b: usize) -> Option<(usize, usize)> {
    let mut e = b;
    while e > a && !is_word(w.s(e - 1)) && !matches!(w.s(e - 1), ")" | "%") {
        e -= 1;
    }
    (word_count(w, a, e) >= MIN_CONTENT_WORDS).then_some((a, e))
}

/// Reported speech in the sentence of tokens `[a, b)` (which holds no quotation marks).
pub fn in_sentence(w: &Words, a: usize, b: usize) -> Option<Reported> {
    if let Some(r) = sentence_final_cue(w, a, b) {
        return Some(r);
    }
    for j in a..b {
        let s = w.s(j);
        if w.cue_at(j) == Some(CueKind::Phrase) && w.s(j + 1).eq_ignore_ascii_case("to") {
            if let Some(r) = according_to(w, a, b, j) {
                return Some(r);
            }
            continue;
        }
        if w.cue_at(j) != Some(CueKind::Speech) || s.ends_with("ing") {
            continue;
        }
        let Some(np) = w.subject_before(a, j) else {
            continue;
        };
        // "that" within a short reach after the cue, with no clause break between.
        let reach = (j + 1..(j + 8).min(b)).take_while(|&i| is_word(w.s(i)));
        let that = reach.clone().find(|&i| w.s(i).eq_ignore_ascii_case("that"));
        if let Some(t) = that {
            if let Some(c) = content(w, t + 1, b) {
                return Some(Reported {
                    content: c,
                    found: Found {
                        cue: (j, j + 1),
                        speaker: Some(np),
                    },
                });
            }
        } else if takes_bare_clause(s) && j + 1 < b {
            let next = w.s(j + 1);
            let clause_like = is_determiner(next)
                || is_pronoun(next)
                || (is_capitalized(next) && !is_pronoun(next))
                || next.chars().all(|c| c.is_ascii_digit());
            if clause_like {
                if let Some(c) = content(w, j + 1, b) {
                    return Some(Reported {
                        content: c,
                        found: Found {
                            cue: (j, j + 1),
                            speaker: Some(np),
                        },
                    });
                }
            }
        }
    }
    None
}

/// `According to SPEAKER, CONTENT` or `CONTENT, according to SPEAKER`.
fn according_to(w: &Words, a: usize, b: usize, j: usize) -> Option<Reported> {
    let k = j + 2;
    let np_end = (k..b)
        .find(|&i| !is_word(w.s(i)) && w.s(i) != ".")
        .unwrap_or(b);
    let speaker = w.np_after(k, np_end)?;
    let cue = (j, k);
    // Parenthetical after a relative word ("which, according to AFP, the UN criticised"):
    // the content follows.
    let parenthetical = j >= a + 2
        && w.s(j - 1) == ","
        && matches!(
            w.s(j - 2).to_lowercase().as_str(),
            "which" | "that" | "who" | "and" | "but"
        );
    let c = if j == a || (j > a && w.s(j - 1) != ",") || parenthetical {
        // Leading phrase: the content follows the speaker's comma.
        let comma = (speaker.1..b).find(|&i| w.s(i) == ",")?;
        content(w, comma + 1, b)?
    } else {
        // Trailing phrase: the content is everything before its comma.
        let e = j - 1;
        (word_count(w, a, e) >= MIN_CONTENT_WORDS).then_some((a, e))?
    };
    Some(Reported {
        content: c,
        found: Found {
            cue,
            speaker: Some(speaker),
        },
    })
}

/// `CONTENT, SPEAKER said.` or `CONTENT, said SPEAKER.` ending the sentence.
fn sentence_final_cue(w: &Words, a: usize, b: usize) -> Option<Reported> {
    let mut e = b;
    while e > a && !is_word(w.s(e - 1)) {
        e -= 1;
    }
    let comma = (a..e).rev().take(10).find(|&i| w.s(i) == ",")?;
    let tail = comma + 1;
    let found = if w.cue_at(e - 1) == Some(CueKind::Speech) {
        let np = w.np_before(tail, e - 1)?;
        (np.0 == tail).then_some(Found {
            cue: (e - 1, e),
            speaker: Some(np),
        })?
    } else if w.cue_at(tail) == Some(CueKind::Speech) {
        let np = w.np_after(tail + 1, e)?;
        (np.1 == e).then_some(Found {
            cue: (tail, tail + 1),
            speaker: Some(np),
        })?
    } else {
        return None;
    };
    (word_count(w, a, comma) >= MIN_CONTENT_WORDS).then_some(Reported {
        content: (a, comma),
        found,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    fn run(text: &str) -> Option<(String, String, String)> {
        let tokens = tokenize(text);
        let w = Words::new(text, &tokens);
        let r = in_sentence(&w, 0, tokens.len())?;
        let t = |x: (usize, usize)| text[w.span(x.0).start..w.span(x.1 - 1).end].to_string();
        Some((t(r.content), t(r.found.speaker?), t(r.found.cue)))
    }

    #[test]
    fn cue_that_clause() {
        let (c, s, cue) = run(
            "During a visit, President Ilham Aliyev revealed that his country had acquired arms.",
        )
        .unwrap();
        assert_eq!(c, "his country had acquired arms");
        assert_eq!(s, "President Ilham Aliyev");
        assert_eq!(cue, "revealed");
        let (c, s, _) = run("She told reporters on Monday that the talks had failed.").unwrap();
        assert_eq!((c.as_str(), s.as_str()), ("the talks had failed", "She"));
    }

    #[test]
    fn bare_clause_after_said() {
        let (c, s, _) = run("The ministry said the border would reopen soon.").unwrap();
        assert_eq!(
            (c.as_str(), s.as_str()),
            ("the border would reopen soon", "The ministry")
        );
        assert_eq!(run("He said in Paris."), None);
    }

    #[test]
    fn according_to_either_side() {
        let (c, s, _) =
            run("The alliance is causing concern in Armenia, according to Dean Shmuel Elmas, an analyst.")
                .unwrap();
        assert_eq!(c, "The alliance is causing concern in Armenia");
        assert_eq!(s, "Dean Shmuel Elmas");
        let (c, s, _) = run("According to the police, five people were hurt.").unwrap();
        assert_eq!(
            (c.as_str(), s.as_str()),
            ("five people were hurt", "the police")
        );
    }

    #[test]
    fn sentence_final_cue() {
        let (c, s, _) = run("The deal will go ahead next year, the ministry said.").unwrap();
        assert_eq!(
            (c.as_str(), s.as_str()),
            ("The deal will go ahead next year", "the ministry")
        );
        let (_, s, _) = run("The deal will go ahead next year, said Mr. Smith.").unwrap();
        assert_eq!(s, "Mr. Smith");
    }

    #[test]
    fn plain_sentences_are_not_speech() {
        assert_eq!(
            run("Israel has cultivated a relationship with Azerbaijan."),
            None
        );
        assert_eq!(
            run("The report, which was released on Monday, is long."),
            None
        );
    }
}
