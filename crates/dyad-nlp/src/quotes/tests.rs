//! Behaviour of the whole quotation stage, one class of construction per test.

use super::link::tests::entity;
use super::*;
use crate::{sentences, tokenize};
use dyad_doc::{Block, BlockKind, EntityKind};
use proptest::prelude::*;

fn blocks(text: &str) -> Vec<Block> {
    marks::paragraphs(text)
        .into_iter()
        .map(|p| Block {
            kind: BlockKind::Paragraph,
            start: p.start,
            end: p.end,
        })
        .collect()
}

fn run_with(text: &str, entities: &[Entity]) -> Vec<Quote> {
    let s = sentences(text, &blocks(text));
    quotes(text, &s, &tokenize(text), entities)
}

fn run(text: &str) -> Vec<Quote> {
    run_with(text, &[])
}

fn find<'q>(qs: &'q [Quote], part: &str) -> &'q Quote {
    qs.iter()
        .find(|q| q.text.contains(part))
        .unwrap_or_else(|| panic!("no quote with {part:?} in {qs:#?}"))
}

#[test]
fn direct_quote_with_trailing_cue() {
    let qs = run("“Ties are strong,” Mr. Enveroglu noted. “They find it safe here.”");
    assert_eq!(qs.len(), 2);
    assert_eq!(qs[0].kind, QuoteKind::Direct);
    assert_eq!(qs[0].speaker_text.as_deref(), Some("Mr. Enveroglu"));
    assert_eq!(qs[0].cue.as_deref(), Some("noted"));
    // The next quotation continues the same speaker.
    assert_eq!(qs[1].speaker_text.as_deref(), Some("Mr. Enveroglu"));
    assert_eq!(qs[0].id, "Q1");
    assert_eq!(qs[1].id, "Q2");
}

#[test]
fn straight_marks_and_cue_before() {
    let qs = run("Burton said, \"I love cats!\"");
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].text, "I love cats!");
    assert_eq!(qs[0].speaker_text.as_deref(), Some("Burton"));
}

#[test]
fn inverted_cue_and_organisation() {
    let qs = run("\"Provocation deserves punishment,\" said KCNA. \"The border stays shut,\" the ministry said.");
    assert_eq!(qs[0].speaker_text.as_deref(), Some("KCNA"));
    assert_eq!(qs[1].speaker_text.as_deref(), Some("the ministry"));
}

#[test]
fn nested_quote_with_ascii_apostrophe() {
    let t = "Mr. Elmas dismisses objections. “In Hebrew, we say ‘A barking dog doesn’t bite,'” Mr. Elmas noted, emphasizing that the relationship is founded on “hard and long mutual work,” not rhetoric.";
    let qs = run(t);
    let q = find(&qs, "barking dog doesn’t bite");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.speaker_text.as_deref(), Some("Mr. Elmas"));
    let p = find(&qs, "hard and long mutual work");
    assert_eq!(p.kind, QuoteKind::Partial);
    assert_eq!(p.speaker_text.as_deref(), Some("Mr. Elmas"));
}

#[test]
fn partial_quote_inside_a_sentence() {
    let qs = run("Aid proved vital in countering what Mr. Enveroglu described as “Iran’s influence” in the region.");
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].kind, QuoteKind::Partial);
    assert_eq!(qs[0].text, "Iran’s influence");
    assert_eq!(qs[0].speaker_text.as_deref(), Some("Mr. Enveroglu"));
}

#[test]
fn titles_and_scare_quotes_are_not_quotations() {
    assert!(run(
        "She is the author of \"Women and Jihad: Debating Palestinian Female Suicide Bombings.\""
    )
    .is_empty());
    assert!(
        run("Burton claims that his favorite book is \"One Hundred Years of Solitude\".")
            .is_empty()
    );
    assert!(run("Burton thinks that cats are \"cuties\".").is_empty());
    assert!(run("The girls were granted \"parole\" status.").is_empty());
}

#[test]
fn quotation_over_two_paragraphs() {
    let t = "“The first part of what I said.\n\n“And the second part,” she said.\n\nLater text.";
    let qs = run(t);
    assert_eq!(qs.len(), 1);
    assert!(qs[0].text.starts_with("The first part"));
    assert!(qs[0].text.ends_with("second part,"));
    assert_eq!(qs[0].speaker_text.as_deref(), Some("she"));
}

#[test]
fn unbalanced_mark_does_not_spoil_the_rest() {
    let t = "A stray “mark opens here and never closes.\n\n“All is well,” the minister said.";
    let qs = run(t);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].text, "All is well,");
    assert_eq!(qs[0].speaker_text.as_deref(), Some("the minister"));
}

#[test]
fn pronoun_speaker_resolves_to_entity_and_name() {
    let t =
        "Dr. Kedar sees a risk.\n\n“If they side with Iran, let them eat the cake,” he remarked.";
    let es = vec![entity(
        "E1",
        "Mordechai Kedar",
        EntityKind::Person,
        t,
        &["Dr. Kedar"],
    )];
    let qs = run_with(t, &es);
    assert_eq!(qs[0].speaker_text.as_deref(), Some("he"));
    assert_eq!(qs[0].speaker.as_deref(), Some("E1"));
    assert_eq!(qs[0].speaker_name.as_deref(), Some("Mordechai Kedar"));
}

#[test]
fn pronoun_without_entities_takes_previous_named_speaker() {
    let t = "“Ties are growing,” Mr. Elmas explained.\n\n“What are the alternatives?” he asked rhetorically.";
    let qs = run(t);
    assert_eq!(qs[1].speaker_text.as_deref(), Some("he"));
    assert_eq!(qs[1].cue.as_deref(), Some("asked rhetorically"));
    assert_eq!(qs[1].speaker_name.as_deref(), Some("Mr. Elmas"));
}

#[test]
fn speaker_links_to_overlapping_entity() {
    let t = "“It is safe here,” Mr. Enveroglu noted.";
    let es = vec![entity(
        "E3",
        "Elnur Enveroglu",
        EntityKind::Person,
        t,
        &["Enveroglu"],
    )];
    let qs = run_with(t, &es);
    assert_eq!(qs[0].speaker.as_deref(), Some("E3"));
}

#[test]
fn paragraph_level_continuation() {
    let t = "“It was not possible before,” said Ambassador Mohib.\n\n“They represent our aspirations and our resilience.”";
    let qs = run(t);
    assert_eq!(qs.len(), 2);
    assert_eq!(qs[1].speaker_text.as_deref(), Some("Ambassador Mohib"));
    let t = "The minister said:\n\n“We will rebuild every school.”";
    let qs = run(t);
    assert_eq!(qs[0].speaker_text.as_deref(), Some("The minister"));
}

#[test]
fn reported_speech_is_indirect() {
    let t = "During a visit, Azerbaijani President Ilham Aliyev revealed that his country had acquired nearly $5 billion worth of weapons from Israel.";
    let qs = run(t);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].kind, QuoteKind::Indirect);
    assert!(qs[0].text.starts_with("his country had acquired"));
    assert!(qs[0]
        .speaker_text
        .as_deref()
        .unwrap_or("")
        .ends_with("Aliyev"));
    assert_eq!(qs[0].cue.as_deref(), Some("revealed"));
}

#[test]
fn reported_speech_with_appositive_and_possessive() {
    let qs =
        run("Intro.\n\nThe company's chief executive, Jane Doe, warned that prices would rise.");
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].text, "prices would rise");
    assert_eq!(
        qs[0].speaker_text.as_deref(),
        Some("The company's chief executive")
    );
}

#[test]
fn sentence_index_points_at_the_quote() {
    let t = "Nothing here. “Ties are strong,” he said.";
    let qs = run(t);
    assert_eq!(qs[0].sentence, Some(1));
}

proptest! {
    #[test]
    fn any_input_gives_spans_inside_the_text(s in "[a-zA-Z “”‘’'\",.\n:]{0,300}") {
        let qs = run(&s);
        for q in qs {
            prop_assert!(q.start <= q.end && q.end <= s.len());
            prop_assert!(s.is_char_boundary(q.start) && s.is_char_boundary(q.end));
        }
    }

    #[test]
    fn long_runs_of_marks_do_not_panic(n in 1usize..4000, mark in prop::sample::select(vec!['“', '”', '"', '\'', '‘', '’'])) {
        let s: String = std::iter::repeat_n(mark, n).collect::<String>() + " said he.";
        let _ = run(&s);
    }
}
