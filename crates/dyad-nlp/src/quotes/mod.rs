//! Quotations and reported speech, attributed to their speakers.
//!
//! 1. [`marks`] pairs quotation marks into quoted stretches (nested, over paragraphs,
//!    recovering from unbalanced marks at paragraph ends).
//! 2. Each stretch is classified: a **direct** quotation stands as a clause of its own (it
//!    opens a paragraph or follows sentence punctuation, a colon or a comma); a **partial**
//!    quotation is a phrase of several words inside someone's sentence; titles (every content
//!    word capitalised) and scare quotes (one or two quoted words, or a phrase with no cue in
//!    its sentence) are not quotations.
//! 3. [`attribution`] finds the cue and speaker around each quotation; a quotation after a
//!    colon with no cue belongs to the name that opens its sentence.
//! 4. A direct quotation without a cue of its own continues a speaker: the previous
//!    attributed quotation in its paragraph, else the next one in its paragraph, else an
//!    introduction ending the previous paragraph with a colon ("He said:"), else — when the
//!    quotation opens its paragraph — the last attributed quotation of the previous paragraph.
//! 5. [`reported`] finds reported speech in sentences without quotation marks.
//! 6. [`link`] links speaker words to entities; a pronoun that links to none takes, as
//!    `speaker_name`, the nearest name before it within three paragraphs: a named speaker,
//!    or for `he`/`she` also a name that opens a sentence outside quotations.

mod attribution;
mod cues;
mod link;
mod marks;
mod reported;
mod words;

pub use cues::is_speech_verb;

use crate::chars::is_letter_or_digit;
use dyad_doc::{Entity, Quote, QuoteKind, Span};

use crate::{fine_tokens, Token};
use attribution::Found;
use marks::Marked;
use words::{is_capitalized, is_pronoun, is_word, Words};

/// A quotation before ids and entity links are assigned.
#[derive(Debug, Clone)]
struct Draft {
    kind: QuoteKind,
    span: Span,
    cue: Option<Span>,
    speaker: Option<Span>,
    paragraph: usize,
}

/// How many quotations (or names) a continuation or a pronoun looks past.
const CONTINUATION_REACH: usize = 16;

/// How many paragraphs back a pronoun looks for a named speaker when no entity is linked.
const NAME_REACH_PARAGRAPHS: usize = 3;

/// Finds the quotations and reported speech of `text`, with cue, speaker words and the
/// speaker's entity (an id of `entities`) where the text gives them. Spans are byte offsets;
/// `sentence` indexes `sentences`; ids run `Q1`, `Q2`, … in text order.
pub fn quotes(text: &str, sentences: &[Span], tokens: &[Token], entities: &[Entity]) -> Vec<Quote> {
    // The rules read titles, possessives and contractions piece by piece.
    quotes_fine(text, sentences, &fine_tokens(text, tokens), entities)
}

/// [`quotes`] over the finest pieces of the tokens ([`fine_tokens`]), for callers that build
/// them once for several stages.
pub fn quotes_fine(
    text: &str,
    sentences: &[Span],
    fine: &[Token],
    entities: &[Entity],
) -> Vec<Quote> {
    let w = Words::new(text, fine);
    let paras = marks::paragraphs(text);
    let marked = marks::marked(text);
    let mut drafts = direct_and_partial(&w, &paras, &marked);
    continue_speakers(&w, &paras, &mut drafts);
    drafts.extend(reported_speech(&w, &paras, &marked));
    drafts.sort_by_key(|d| (d.span.start, d.span.end));
    let names = named_candidates(&w, &paras, &drafts);
    finish(text, sentences, entities, &names, drafts)
}

/// A name a pronoun may refer to when no entity is linked: a named speaker or a name that
/// opens a sentence outside quotations.
#[derive(Debug, Clone)]
struct NameCandidate {
    at: usize,
    paragraph: usize,
    name: String,
    /// Whether the name opens a sentence (only `he`/`she` take these).
    subject: bool,
}

fn named_candidates(w: &Words, paras: &[Span], drafts: &[Draft]) -> Vec<NameCandidate> {
    let text = w.text;
    let quoted: Vec<Span> = drafts
        .iter()
        .filter(|d| d.kind != QuoteKind::Indirect)
        .map(|d| d.span)
        .collect();
    let mut out: Vec<NameCandidate> = drafts
        .iter()
        .filter_map(|d| {
            let s = d.speaker?;
            let name = s.of(text);
            (name.chars().any(char::is_uppercase) && !is_pronoun(name)).then(|| NameCandidate {
                at: s.start,
                paragraph: paragraph_of(paras, s.start),
                name: name.to_string(),
                subject: false,
            })
        })
        .collect();
    for (pi, para) in paras.iter().enumerate() {
        let toks = w.range(para.start, para.end);
        let mut at_start = true;
        for i in toks.clone() {
            if at_start {
                let pos = w.span(i).start;
                let q = quoted.partition_point(|q| q.end <= pos);
                let in_quote = quoted.get(q).is_some_and(|q| q.start <= pos);
                if !in_quote {
                    if let Some(r) = w.sentence_subject(i, toks.end) {
                        let sp = span_of(w, r);
                        out.push(NameCandidate {
                            at: sp.start,
                            paragraph: pi,
                            name: sp.of(text).to_string(),
                            subject: true,
                        });
                    }
                }
            }
            at_start = w.ends_sentence(i) || (w.is_mark(i) && at_start);
        }
    }
    out.sort_by_key(|c| c.at);
    out
}

fn paragraph_of(paras: &[Span], at: usize) -> usize {
    paras
        .partition_point(|p| p.end <= at)
        .min(paras.len().saturating_sub(1))
}

fn span_of(w: &Words, r: (usize, usize)) -> Span {
    Span::new(
        w.span(r.0).start,
        w.span(r.1.saturating_sub(1).max(r.0)).end,
    )
}

/// The inner span without surrounding spaces.
fn trimmed(text: &str, s: Span) -> Span {
    let inner = s.of(text);
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    if lead + trail >= inner.len() {
        return Span::new(s.start, s.start);
    }
    Span::new(s.start + lead, s.end - trail)
}

/// Whether quoted words read as a title: every word longer than three letters capitalised.
fn title_like(inner: &str) -> bool {
    let words: Vec<&str> = inner
        .split(|c: char| !is_letter_or_digit(c) && c != '’' && c != '\'')
        .filter(|w| is_word(w))
        .collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() > 3).collect();
    !long.is_empty() && long.iter().all(|w| is_capitalized(w)) && words.len() >= 2
}

fn word_count(inner: &str) -> usize {
    inner
        .split(|c: char| !is_letter_or_digit(c) && c != '’' && c != '\'' && c != '-')
        .filter(|w| is_word(w))
        .count()
}

/// The last non-space character before byte `at` within the paragraph starting at `lo`.
fn char_before(text: &str, lo: usize, at: usize) -> Option<char> {
    text.get(lo..at)?.trim_end().chars().next_back()
}

fn direct_and_partial(w: &Words, paras: &[Span], marked: &[Marked]) -> Vec<Draft> {
    let text = w.text;
    let mut out = Vec::new();
    for (mi, m) in marked.iter().enumerate() {
        let pi = paragraph_of(paras, m.open.start);
        let pc = paragraph_of(paras, m.close.start);
        let Some(&para) = paras.get(pi) else { continue };
        let para_close = paras.get(pc).copied().unwrap_or(para);
        let prev_end = mi
            .checked_sub(1)
            .and_then(|p| marked.get(p))
            .map_or(para.start, |p| p.close.end.max(para.start));
        let next_start = marked
            .get(mi + 1)
            .map_or(para_close.end, |n| n.open.start.min(para_close.end));
        let inner = trimmed(text, m.inner);
        let content = inner.of(text);
        let n_words = word_count(content);
        if n_words == 0 || title_like(content) {
            continue;
        }
        let lo_tok = w.first_at(prev_end);
        let open_tok = w.first_at(m.open.start);
        let after_tok = w.first_at(m.close.end);
        let hi_tok = w.first_at(next_start);
        let ends_sentence = content.ends_with(['.', '…']);
        let ends_clause = content.ends_with([',', '.', '?', '!', '…', ':', ';', '—']);
        let para_tok = w.first_at(para.start);
        let found_after = if ends_sentence {
            attribution::dash_after(w, after_tok, hi_tok)
        } else {
            attribution::after(w, after_tok, hi_tok)
        };
        let found = found_after
            .or_else(|| attribution::before(w, lo_tok, open_tok))
            .or_else(|| attribution::inside(w, para_tok, open_tok))
            .or_else(|| introduced_by_colon(w, para_tok, open_tok));
        let prev_char = char_before(text, para.start, m.open.start);
        let starts_clause = match prev_char {
            None => true,
            Some(c) => {
                matches!(c, '.' | '?' | '!' | ':' | ';' | ',' | '—' | '–' | '(' | '…')
                    || words::is_quote_mark(c)
            }
        };
        let after_cue_word = w.s(open_tok.wrapping_sub(1)).len() > 1
            && cues::is_speech_verb(w.s(open_tok.wrapping_sub(1)));
        let kind = if starts_clause || after_cue_word {
            let whole = n_words >= 3 || (ends_clause && found.is_some());
            whole.then_some(QuoteKind::Direct)
        } else {
            // A phrase inside a sentence: a partial quotation when someone is said to have
            // used those words.
            let sentence_end = (after_tok..hi_tok)
                .find(|&i| w.ends_sentence(i))
                .unwrap_or(hi_tok);
            let ss = attribution::sentence_start(w, lo_tok, open_tok);
            (n_words >= 2 && attribution::has_cue(w, ss, sentence_end))
                .then_some(QuoteKind::Partial)
        };
        let Some(kind) = kind else { continue };
        let found: Option<Found> = match kind {
            QuoteKind::Partial => attribution::inside(w, para_tok, open_tok).or(found_after),
            _ => found,
        };
        // A quoted phrase nobody is said to have used is a scare quote.
        if kind == QuoteKind::Partial && found.is_none_or(|f| f.speaker.is_none()) {
            continue;
        }
        out.push(Draft {
            kind,
            span: inner,
            cue: found.map(|f| span_of(w, f.cue)),
            speaker: found.and_then(|f| f.speaker).map(|s| span_of(w, s)),
            paragraph: pi,
        });
    }
    out
}

/// `SUBJECT verb …: “…”`: a quotation introduced by a colon, without a cue, belongs to the
/// name that opens the sentence ("Sunak defended the record: “…”"); the colon is the cue.
fn introduced_by_colon(w: &Words, para_tok: usize, open: usize) -> Option<Found> {
    let colon = open
        .checked_sub(1)
        .filter(|&c| c >= para_tok && w.s(c) == ":")?;
    let ss = attribution::sentence_start(w, para_tok, colon);
    // After an introductory phrase ("During the debate, Sunak …") the subject follows its comma.
    let after_intro = (ss..colon).find(|&i| w.s(i) == ",").map(|c| c + 1);
    let subject = w
        .sentence_subject(ss, colon)
        .or_else(|| after_intro.and_then(|k| w.sentence_subject(k, colon)))?;
    Some(Found {
        cue: (colon, colon + 1),
        speaker: Some(subject),
    })
}

/// Gives quotations without a cue of their own the speaker they continue (see the module
/// documentation for the order of the rules).
fn continue_speakers(w: &Words, paras: &[Span], drafts: &mut [Draft]) {
    let text = w.text;
    for i in 0..drafts.len() {
        if drafts[i].speaker.is_some() {
            continue;
        }
        let p = drafts[i].paragraph;
        let same_before = (0..i)
            .rev()
            .take(CONTINUATION_REACH)
            .take_while(|&j| drafts[j].paragraph == p)
            .find(|&j| drafts[j].speaker.is_some());
        let same_after = (i + 1..drafts.len())
            .take(CONTINUATION_REACH)
            .take_while(|&j| drafts[j].paragraph == p)
            .find(|&j| drafts[j].speaker.is_some());
        if let Some(j) = same_before.or(same_after) {
            drafts[i].speaker = drafts[j].speaker;
            drafts[i].cue = drafts[j].cue;
            continue;
        }
        if drafts[i].kind != QuoteKind::Direct || p == 0 {
            continue;
        }
        let Some(&para) = paras.get(p) else { continue };
        let opens_paragraph = text
            .get(para.start..drafts[i].span.start)
            .is_some_and(|s| s.chars().filter(|c| !c.is_whitespace()).count() <= 1);
        if !opens_paragraph {
            continue;
        }
        let prev = paras[p - 1];
        if prev.of(text).trim_end().ends_with(':') {
            let lo = w.first_at(prev.start);
            let open = w.first_at(prev.end);
            if let Some(f) = attribution::before(w, lo, open) {
                drafts[i].speaker = f.speaker.map(|s| span_of(w, s));
                drafts[i].cue = Some(span_of(w, f.cue));
                continue;
            }
        }
        let last_prev = (0..i)
            .rev()
            .take(CONTINUATION_REACH)
            .take_while(|&j| drafts[j].paragraph + 1 >= p)
            .find(|&j| drafts[j].paragraph + 1 == p && drafts[j].speaker.is_some());
        if let Some(j) = last_prev {
            drafts[i].speaker = drafts[j].speaker;
            drafts[i].cue = drafts[j].cue;
        }
    }
}

/// Reported speech in the sentences that hold no quotation marks.
fn reported_speech(w: &Words, paras: &[Span], marked: &[Marked]) -> Vec<Draft> {
    let mut out = Vec::new();
    let mut mi = 0;
    for (pi, para) in paras.iter().enumerate() {
        let toks = w.range(para.start, para.end);
        let mut a = toks.start;
        for i in toks.clone() {
            let last = i + 1 == toks.end;
            if !(w.ends_sentence(i) || last) {
                continue;
            }
            let b = i + 1;
            let (sa, sb) = (w.span(a).start, w.span(i).end);
            while mi < marked.len() && marked[mi].close.end <= sa {
                mi += 1;
            }
            let has_marks = marked.get(mi).is_some_and(|m| m.open.start < sb);
            if !has_marks {
                if let Some(r) = reported::in_sentence(w, a, b) {
                    out.push(Draft {
                        kind: QuoteKind::Indirect,
                        span: span_of(w, r.content),
                        cue: Some(span_of(w, r.found.cue)),
                        speaker: r.found.speaker.map(|s| span_of(w, s)),
                        paragraph: pi,
                    });
                }
            }
            a = b;
        }
    }
    out
}

/// Assigns ids, sentences, speaker entities and names.
fn finish(
    text: &str,
    sentences: &[Span],
    entities: &[Entity],
    names: &[NameCandidate],
    drafts: Vec<Draft>,
) -> Vec<Quote> {
    let linker = link::Linker::new(entities);
    let quoted: Vec<Span> = drafts
        .iter()
        .filter(|d| d.kind != QuoteKind::Indirect)
        .map(|d| d.span)
        .collect();
    let mut out: Vec<Quote> = Vec::with_capacity(drafts.len());
    for (n, d) in drafts.iter().enumerate() {
        let speaker_text = d.speaker.map(|s| s.of(text).to_string());
        let entity = match (d.speaker, &speaker_text) {
            (Some(s), Some(t)) => linker.link(s, t, &quoted),
            _ => None,
        };
        let entity = entity.and_then(|e| linker.entity(e));
        let pronoun = speaker_text.as_deref().is_some_and(is_pronoun);
        let speaker_name = match entity {
            Some(e) => Some(e.name.clone()),
            None if pronoun => match (d.speaker, &speaker_text) {
                (Some(s), Some(t)) => named_before(names, s.start, d.paragraph, t),
                _ => None,
            },
            None => speaker_text.clone(),
        };
        let sentence = sentences
            .partition_point(|s| s.end <= d.span.start)
            .min(sentences.len().saturating_sub(1));
        out.push(Quote {
            id: format!("Q{}", n + 1),
            kind: d.kind,
            text: d.span.of(text).to_string(),
            start: d.span.start,
            end: d.span.end,
            speaker: entity.map(|e| e.id.clone()),
            speaker_text,
            cue: d.cue.map(|c| c.of(text).to_string()),
            sentence: (!sentences.is_empty()).then_some(sentence),
            speaker_name,
        });
    }
    out
}

/// The nearest name before byte `at` within [`NAME_REACH_PARAGRAPHS`] paragraphs of
/// `paragraph` that the pronoun can refer to: for `he`/`she` a named speaker or a name opening
/// a sentence, for `it`/`they` a named speaker; `I`, `we`, `you` refer to none.
fn named_before(
    names: &[NameCandidate],
    at: usize,
    paragraph: usize,
    pronoun: &str,
) -> Option<String> {
    let personal = matches!(pronoun.to_lowercase().as_str(), "he" | "she");
    let other = matches!(pronoun.to_lowercase().as_str(), "it" | "they");
    if !personal && !other {
        return None;
    }
    let floor = paragraph.saturating_sub(NAME_REACH_PARAGRAPHS);
    let hi = names.partition_point(|c| c.at < at);
    names[..hi]
        .iter()
        .rev()
        .take(CONTINUATION_REACH)
        .take_while(|c| c.paragraph >= floor)
        .find(|c| personal || !c.subject)
        .map(|c| c.name.clone())
}

#[cfg(test)]
mod tests;
