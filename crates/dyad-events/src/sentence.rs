//! The token view of one sentence that the coder works on: lower-cased words with a plural
//! stem, the punctuation that bounds phrases, possessives folded into their owner, `n't`
//! split into a `not`, and each token linked to the actor mention covering it.

use dyad_nlp::{Lower, LoweredText, Token, TokenKind};

use crate::ActorMention;

/// One token of the sentence view.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    /// Lower-case form.
    pub low: Lower<'a>,
    /// Plural-stripped form.
    pub stem: Lower<'a>,
    /// Punctuation kept as a phrase boundary.
    pub punct: bool,
    /// Index of the actor mention covering the token.
    pub actor: Option<usize>,
    /// Followed by a possessive `'s`.
    pub possessive: bool,
    /// Starts with an upper-case letter.
    pub upper: bool,
    /// Joined to the word before it by a hyphen ("Vietnamese-led").
    pub hyphenated: bool,
}

fn is_apostrophe(s: &str) -> bool {
    matches!(s, "'" | "’" | "‘")
}

const BOUNDARY_PUNCT: &[&str] = &[
    ",", ";", ":", "(", ")", "\"", "“", "”", "—", "–", "?", "!", "[", "]",
];

/// Builds the view of the tokens of one sentence (`toks` must lie inside it), from their finest
/// pieces ([`dyad_nlp::fine_tokens`]): the rules below read possessives and contractions piece
/// by piece. `lowered` is the whole text lowered once, the source of the lower-case forms.
pub(crate) fn view<'a>(
    text: &'a str,
    lowered: &'a LoweredText,
    toks: &[Token],
    actors: &[ActorMention],
) -> Vec<Tok<'a>> {
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let s = t.span.of(text);
        if t.kind == TokenKind::Punct {
            if is_apostrophe(s) {
                let next = toks
                    .get(i + 1)
                    .map(|n| lowered.of(n.span.of(text), n.span.start));
                let adjacent = toks.get(i + 1).is_some_and(|n| n.span.start == t.span.end)
                    && i > 0
                    && toks[i - 1].span.end == t.span.start;
                match next.as_deref() {
                    Some("s") if adjacent => {
                        if let Some(prev) = out.last_mut() {
                            prev.possessive = true;
                            prev.end = toks[i + 1].span.end;
                        }
                        i += 2;
                        continue;
                    }
                    Some("t") if adjacent => {
                        if let Some(prev) = out.last_mut() {
                            if prev.low == "won" {
                                prev.low = Lower::borrowed("will");
                            } else if prev.low.ends_with('n') && prev.low != "can" {
                                prev.low = prev.low.cut_end(1);
                            }
                            prev.stem = prev.low.clone();
                        }
                        let n = toks[i + 1];
                        out.push(Tok {
                            start: t.span.start,
                            end: n.span.end,
                            low: Lower::borrowed("not"),
                            stem: Lower::borrowed("not"),
                            punct: false,
                            actor: None,
                            possessive: false,
                            upper: false,
                            hyphenated: false,
                        });
                        i += 2;
                        continue;
                    }
                    _ => {}
                }
                i += 1;
                continue;
            }
            if BOUNDARY_PUNCT.contains(&s) {
                out.push(Tok {
                    start: t.span.start,
                    end: t.span.end,
                    low: Lower::borrowed(s),
                    stem: Lower::borrowed(s),
                    punct: true,
                    actor: None,
                    possessive: false,
                    upper: false,
                    hyphenated: false,
                });
            }
            i += 1;
            continue;
        }
        let low = lowered.of(s, t.span.start);
        let hyphenated = i > 0 && {
            let h = toks[i - 1];
            h.kind == TokenKind::Punct
                && h.span.end == t.span.start
                && matches!(h.span.of(text), "-" | "‐")
                && i > 1
                && toks[i - 2].span.end == h.span.start
        };
        out.push(Tok {
            start: t.span.start,
            end: t.span.end,
            stem: crate::inflect::stem_of(&low),
            low,
            punct: false,
            actor: None,
            possessive: false,
            upper: s.chars().next().is_some_and(char::is_uppercase),
            hyphenated,
        });
        i += 1;
    }
    link_actors(&mut out, actors);
    out
}

/// Links each token to the longest actor mention overlapping it. `actors` need not be sorted.
fn link_actors(toks: &mut [Tok], actors: &[ActorMention]) {
    if toks.is_empty() {
        return;
    }
    let (lo, hi) = (toks[0].start, toks[toks.len() - 1].end);
    let mut order: Vec<usize> = (0..actors.len())
        .filter(|&k| actors[k].start < hi && actors[k].end > lo && actors[k].start < actors[k].end)
        .collect();
    // Longer mentions first, so they win over mentions nested in them.
    order.sort_by_key(|&k| {
        (
            std::cmp::Reverse(actors[k].end - actors[k].start),
            actors[k].start,
        )
    });
    for k in order {
        let a = &actors[k];
        let first = toks.partition_point(|t| t.end <= a.start);
        for t in toks[first..].iter_mut() {
            if t.start >= a.end {
                break;
            }
            if t.actor.is_none() && !t.punct {
                t.actor = Some(k);
            }
        }
    }
}

/// [`view`] of a whole text, tokenised and split finely here: for the tests of the rules
/// that read the view. (The lowered text lives as long as the test.)
#[cfg(test)]
pub(crate) fn view_of<'a>(text: &'a str, actors: &[ActorMention]) -> Vec<Tok<'a>> {
    view(
        text,
        Box::leak(Box::new(LoweredText::new(text))),
        &dyad_nlp::fine_tokens(text, &dyad_nlp::tokenize(text)),
        actors,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(text: &str, word: &str, code: &str) -> ActorMention {
        let s = text.find(word).unwrap();
        ActorMention {
            start: s,
            end: s + word.len(),
            code: code.into(),
            entity: None,
        }
    }

    #[test]
    fn folds_possessives_and_negations() {
        let text = "Israel's army didn't attack Iran.";
        let toks = dyad_nlp::fine_tokens(text, &dyad_nlp::tokenize(text));
        let lowered = LoweredText::new(text);
        let v = view(text, &lowered, &toks, &[actor(text, "Israel", "ISR")]);
        let words: Vec<&str> = v.iter().map(|t| t.low.as_str()).collect();
        assert_eq!(
            words,
            vec!["israel", "army", "did", "not", "attack", "iran"]
        );
        assert!(v[0].possessive);
        assert_eq!(v[0].actor, Some(0));
        assert_eq!(v[1].actor, None);
    }

    #[test]
    fn longest_mention_wins() {
        let text = "Israeli troops fired.";
        let toks = dyad_nlp::fine_tokens(text, &dyad_nlp::tokenize(text));
        let a = vec![
            actor(text, "Israeli", "ISR"),
            actor(text, "Israeli troops", "ISRMIL"),
        ];
        let lowered = LoweredText::new(text);
        let v = view(text, &lowered, &toks, &a);
        assert_eq!(v[0].actor, Some(1));
        assert_eq!(v[1].actor, Some(1));
    }
}
