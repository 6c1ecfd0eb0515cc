//! Linking a quotation's speaker words to an entity.
//!
//! Rules, in order:
//! 1. **Overlap.** An entity mention that overlaps the speaker words is the speaker: a person
//!    before anything else ("Matthew Ingram of The Globe and Mail" is Ingram), then the
//!    largest overlap, then the earlier entity.
//! 2. **Surname.** Otherwise, a name ("Mr. Elmas") links to the person (or organisation) whose
//!    name or some mention ends with the same last word.
//! 3. **Pronoun.** A pronoun resolves to the nearest compatible mention that ends before it
//!    and lies outside every quotation: `he`/`she` to a person, `it` to an organisation,
//!    group or country, `they` to an organisation, group or person; `I`, `we` and `you` are
//!    not resolved. Mentions inside quotations are skipped because people named in
//!    someone's words are seldom the one speaking.

use std::collections::BTreeMap;

use dyad_doc::{Entity, EntityKind, Span};

use super::words::is_word;
use crate::chars::is_letter_or_digit;

/// How far back (in mentions) a pronoun looks for its antecedent.
const PRONOUN_REACH: usize = 200;

/// One entity mention, in text order.
#[derive(Debug, Clone, Copy)]
struct MentionRef {
    span: Span,
    entity: usize,
    kind: EntityKind,
}

/// The entities' mentions sorted for lookup by position.
pub struct Linker<'a> {
    entities: &'a [Entity],
    mentions: Vec<MentionRef>,
    /// Lower-cased last word of a person's or organisation's name or mention → entity
    /// indices (people first, then in entity order).
    by_last_word: BTreeMap<String, Vec<usize>>,
}

fn compatible(pronoun: &str, kind: EntityKind) -> bool {
    match pronoun.to_lowercase().as_str() {
        "he" | "she" => kind == EntityKind::Person,
        "it" => matches!(
            kind,
            EntityKind::Organization | EntityKind::Group | EntityKind::Country
        ),
        "they" => matches!(
            kind,
            EntityKind::Organization | EntityKind::Group | EntityKind::Person
        ),
        _ => false,
    }
}

fn last_word(s: &str) -> Option<String> {
    s.split(|c: char| !is_letter_or_digit(c) && c != '-')
        .rfind(|w| is_word(w))
        .map(str::to_lowercase)
}

fn inside_any(span: Span, quoted: &[Span]) -> bool {
    let i = quoted.partition_point(|q| q.end <= span.start);
    quoted
        .get(i)
        .is_some_and(|q| q.start <= span.start && span.end <= q.end)
}

impl<'a> Linker<'a> {
    /// Indexes the mentions of `entities`.
    pub fn new(entities: &'a [Entity]) -> Self {
        let mut mentions: Vec<MentionRef> = entities
            .iter()
            .enumerate()
            .flat_map(|(ei, e)| {
                e.mentions.iter().map(move |m| MentionRef {
                    span: Span::new(m.start, m.end),
                    entity: ei,
                    kind: e.kind,
                })
            })
            .collect();
        mentions.sort_by_key(|m| (m.span.start, m.span.end, m.entity));
        let mut by_last_word: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (ei, e) in entities.iter().enumerate() {
            if !matches!(e.kind, EntityKind::Person | EntityKind::Organization) {
                continue;
            }
            let names =
                std::iter::once(e.name.as_str()).chain(e.mentions.iter().map(|m| m.text.as_str()));
            for n in names {
                if let Some(last) = last_word(n) {
                    let v = by_last_word.entry(last).or_default();
                    if v.last() != Some(&ei) {
                        v.push(ei);
                    }
                }
            }
        }
        for v in by_last_word.values_mut() {
            v.sort_by_key(|&ei| (entities[ei].kind != EntityKind::Person, ei));
            v.dedup();
        }
        Linker {
            entities,
            mentions,
            by_last_word,
        }
    }

    /// The entity index named by speaker words `speaker` (text `words`), if any;
    /// `quoted` are the quotations' spans in text order.
    pub fn link(&self, speaker: Span, words: &str, quoted: &[Span]) -> Option<usize> {
        if let Some(e) = self.by_overlap(speaker) {
            return Some(e);
        }
        let is_pronoun = !words.contains(' ') && super::words::is_pronoun(words);
        if is_pronoun {
            return self.by_pronoun(speaker, words, quoted);
        }
        self.by_surname(words)
    }

    /// The entity (id) and name of an index.
    pub fn entity(&self, ix: usize) -> Option<&'a Entity> {
        self.entities.get(ix)
    }

    fn by_overlap(&self, speaker: Span) -> Option<usize> {
        let hi = self
            .mentions
            .partition_point(|m| m.span.start < speaker.end);
        let mut best: Option<(bool, usize, usize)> = None;
        for m in self.mentions[..hi].iter().rev().take(64) {
            let overlap =
                m.span.end.min(speaker.end) as isize - m.span.start.max(speaker.start) as isize;
            if overlap <= 0 {
                continue;
            }
            let key = (m.kind == EntityKind::Person, overlap as usize, m.entity);
            let better = match best {
                None => true,
                Some((p, o, e)) => {
                    (key.0, key.1) > (p, o) || ((key.0, key.1) == (p, o) && key.2 < e)
                }
            };
            if better {
                best = Some(key);
            }
        }
        best.map(|(_, _, e)| e)
    }

    fn by_pronoun(&self, at: Span, pronoun: &str, quoted: &[Span]) -> Option<usize> {
        let hi = self.mentions.partition_point(|m| m.span.end <= at.start);
        self.mentions[..hi]
            .iter()
            .rev()
            .take(PRONOUN_REACH)
            .filter(|m| m.span.end <= at.start)
            .find(|m| compatible(pronoun, m.kind) && !inside_any(m.span, quoted))
            .map(|m| m.entity)
    }

    fn by_surname(&self, words: &str) -> Option<usize> {
        if !words.chars().any(char::is_uppercase) {
            return None;
        }
        let last = last_word(words)?;
        self.by_last_word.get(&last)?.first().copied()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use dyad_doc::Mention;

    /// A hand-built entity with mentions found by searching `text` for each of `names`.
    pub(crate) fn entity(
        id: &str,
        name: &str,
        kind: EntityKind,
        text: &str,
        names: &[&str],
    ) -> Entity {
        let mut mentions = Vec::new();
        for n in names {
            for (i, _) in text.match_indices(n) {
                mentions.push(Mention {
                    start: i,
                    end: i + n.len(),
                    text: n.to_string(),
                });
            }
        }
        Entity {
            id: id.into(),
            name: name.into(),
            kind,
            code: None,
            country: None,
            roles: vec![],
            affiliation: None,
            geo: None,
            mentions,
        }
    }

    #[test]
    fn overlap_links_the_mention() {
        let text = "Mr. Elmas said so.";
        let es = vec![entity(
            "E1",
            "Dean Shmuel Elmas",
            EntityKind::Person,
            text,
            &["Mr. Elmas"],
        )];
        let l = Linker::new(&es);
        assert_eq!(l.link(Span::new(0, 9), "Mr. Elmas", &[]), Some(0));
    }

    #[test]
    fn overlap_prefers_the_person() {
        let text = "Matthew Ingram of The Globe and Mail wrote it.";
        let es = vec![
            entity(
                "E1",
                "The Globe and Mail",
                EntityKind::Organization,
                text,
                &["The Globe and Mail"],
            ),
            entity(
                "E2",
                "Matthew Ingram",
                EntityKind::Person,
                text,
                &["Matthew Ingram"],
            ),
        ];
        let l = Linker::new(&es);
        let end = text.find(" wrote").unwrap_or(0);
        assert_eq!(l.link(Span::new(0, end), &text[..end], &[]), Some(1));
    }

    #[test]
    fn surname_links_without_a_mention() {
        let text = "Dean Shmuel Elmas spoke. Later Mr. Elmas said so.";
        let es = vec![entity(
            "E1",
            "Dean Shmuel Elmas",
            EntityKind::Person,
            text,
            &["Dean Shmuel Elmas"],
        )];
        let l = Linker::new(&es);
        let at = text.find("Mr. Elmas").unwrap();
        assert_eq!(l.link(Span::new(at, at + 9), "Mr. Elmas", &[]), Some(0));
    }

    #[test]
    fn pronoun_takes_nearest_person_outside_quotes() {
        let text = "Dr. Kedar met Globes. “Ask Netanyahu,” he said.";
        let es = vec![
            entity(
                "E1",
                "Mordechai Kedar",
                EntityKind::Person,
                text,
                &["Dr. Kedar"],
            ),
            entity("E2", "Globes", EntityKind::Organization, text, &["Globes"]),
            entity(
                "E3",
                "Benjamin Netanyahu",
                EntityKind::Person,
                text,
                &["Netanyahu"],
            ),
        ];
        let l = Linker::new(&es);
        let q0 = text.find("Ask").unwrap();
        let quoted = vec![Span::new(q0, q0 + "Ask Netanyahu,".len())];
        let he = text.find("he said").unwrap();
        assert_eq!(l.link(Span::new(he, he + 2), "he", &quoted), Some(0));
        assert_eq!(l.link(Span::new(he, he + 2), "it", &quoted), Some(1));
        assert_eq!(l.link(Span::new(he, he + 2), "we", &quoted), None);
    }
}
