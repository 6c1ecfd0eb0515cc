//! Invariants every output must hold, whatever the input: spans inside the text, on character
//! boundaries, in order; mention texts equal to what they span. A broken invariant panics,
//! which the fuzzers report as a finding.

use dyad_doc::{MetaField, Record};
use dyad_extract::Extracted;

/// Extraction output: blocks are in order, disjoint, and slice the text on char boundaries.
pub fn extracted(ex: &Extracted) {
    let mut last_end = 0;
    for b in &ex.blocks {
        assert!(b.start <= b.end, "block {b:?} ends before it starts");
        assert!(b.start >= last_end, "block {b:?} overlaps the one before");
        assert!(
            ex.text.get(b.start..b.end).is_some(),
            "block {b:?} is not a slice of the text ({} bytes)",
            ex.text.len()
        );
        last_end = b.end;
    }
}

/// A finished record (code-point offsets): every span lies in the text, sentences are ordered
/// and disjoint, mention and quote texts are what their spans cover.
pub fn record(rec: &Record) {
    let chars: Vec<char> = rec.text.chars().collect();
    let n = chars.len();
    let slice = |start: usize, end: usize| -> String {
        assert!(
            start <= end && end <= n,
            "span {start}..{end} outside text of {n} chars"
        );
        chars[start..end].iter().collect()
    };
    let mut last_end = 0;
    for s in &rec.sentences {
        slice(s.start, s.end);
        assert!(
            s.start >= last_end,
            "sentence {s:?} overlaps the one before"
        );
        last_end = s.end;
    }
    for b in &rec.blocks {
        slice(b.start, b.end);
    }
    for t in &rec.tokens {
        slice(t.start, t.end);
    }
    for e in &rec.entities {
        for m in &e.mentions {
            assert_eq!(slice(m.start, m.end), m.text, "mention text of {}", e.id);
        }
    }
    for q in &rec.quotes {
        slice(q.start, q.end);
        if let Some(i) = q.sentence {
            assert!(i < rec.sentences.len(), "quote {} names sentence {i}", q.id);
        }
    }
    for a in &rec.amounts {
        slice(a.start, a.end);
        assert!(!a.value.is_nan(), "amount value is NaN");
    }
    let caption: Vec<char> = rec.meta.caption.as_deref().unwrap_or("").chars().collect();
    for d in &rec.dates {
        let spanned = match d.within {
            None => slice(d.start, d.end),
            Some(MetaField::Caption) => {
                assert!(
                    d.start <= d.end && d.end <= caption.len(),
                    "caption date span {}..{} outside the caption",
                    d.start,
                    d.end
                );
                caption[d.start..d.end].iter().collect()
            }
        };
        assert_eq!(spanned, d.text, "date text");
    }
    for e in &rec.events {
        slice(e.evidence.start, e.evidence.end);
        assert!(
            (1..=4).contains(&e.quad),
            "event {} has quad {}",
            e.id,
            e.quad
        );
        assert!(e.goldstein.is_finite(), "event {} Goldstein", e.id);
        if let Some(i) = e.sentence {
            assert!(i < rec.sentences.len(), "event {} names sentence {i}", e.id);
        }
    }
    if let Some(t) = &rec.tone {
        assert!(
            t.tone.is_finite() && t.polarity.is_finite(),
            "tone is not finite"
        );
    }
}
