//! Arbitrary text, arbitrary actor spans (even out of range or inside characters), arbitrary
//! quotes and dates: the coder never panics and its spans stay inside the text.

use dyad_doc::{DateMention, Quote, QuoteKind};
use dyad_events::{ActorMention, Codebook, EventCoder, Inputs};
use proptest::prelude::*;
use std::sync::OnceLock;

struct Book;
impl Codebook for Book {
    fn goldstein(&self, _: &str) -> Option<f64> {
        None
    }
    fn quad_class(&self, c: &str) -> Option<u8> {
        dyad_events::quad_from_root(c)
    }
    fn plover(&self, _: &str) -> Option<String> {
        None
    }
}

fn coder() -> &'static EventCoder {
    static C: OnceLock<EventCoder> = OnceLock::new();
    C.get_or_init(EventCoder::new)
}

const WORDS: &[&str] = &[
    "Israel", "attacked", "and", "Syria", "was", "by", "not", "will", "meet", "that", "must", ",",
    ".", "'s", "the", "agreed", "to", "refused", "said", "“", "”", "é", "war", "between",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,200}",
        prop::collection::vec(prop::sample::select(WORDS), 0..40).prop_map(|w| w.join(" ")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn never_panics(
        text in text_strategy(),
        spans in prop::collection::vec((0usize..260, 0usize..40, "[A-Z]{3}"), 0..8),
        q in prop::option::of((0usize..260, 0usize..60)),
        d in prop::option::of((0usize..260, 0usize..20)),
    ) {
        let actors: Vec<ActorMention> = spans
            .into_iter()
            .map(|(s, l, code)| ActorMention { start: s, end: s + l, code, entity: Some("E1".into()) })
            .collect();
        let blocks = [dyad_doc::Block { kind: dyad_doc::BlockKind::Paragraph, start: 0, end: text.len() }];
        let sentences = dyad_nlp::sentences(&text, &blocks);
        let fine = dyad_nlp::fine_tokens(&text, &dyad_nlp::tokenize(&text));
        let quotes: Vec<Quote> = q.into_iter().map(|(s, l)| Quote {
            id: "Q1".into(), kind: QuoteKind::Direct, text: String::new(), start: s, end: s + l,
            speaker: Some("E1".into()), speaker_text: None, speaker_name: None, cue: Some("accused".into()), sentence: None,
        }).collect();
        let dates: Vec<DateMention> = d.into_iter().map(|(s, l)| DateMention {
            value: "2020".into(), text: String::new(), start: s, end: s + l, within: None,
        }).collect();
        let ev = coder().code(&Inputs {
            text: &text, sentences: &sentences, fine: &fine, actors: &actors,
            quotes: &quotes, dates: &dates, published: None,
        }, &Book);
        for e in ev {
            prop_assert!(e.evidence.start <= e.evidence.end);
        }
    }

    #[test]
    fn dictionary_readers_never_panic(s in ".{0,300}") {
        let _ = dyad_events::read_petrarch(&s);
        let _ = dyad_events::read_compact(&s);
        let _ = dyad_events::read_petrarch(&format!("--- X [1] ---\nX {{\n- {s} * [2]\n&S\n+{s}"));
    }
}
