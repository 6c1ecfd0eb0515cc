//! The record types. Field names and meanings follow DESIGN.md's `dyad.article/1` contract;
//! fields may be added, never renamed.

use serde::{Deserialize, Serialize};

use crate::CharIndex;

/// One analysed article: the clean text and every layer of annotation on it.
///
/// While the engine builds a record, every `start`/`end` is a **byte** offset into `text`;
/// [`Record::into_char_offsets`] turns them into code-point offsets, as the contract requires,
/// once all layers are in place.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Record {
    /// Always [`crate::SCHEMA`].
    pub schema: String,
    /// Stable identifier: a hash of the input bytes.
    pub id: String,
    pub source: Source,
    pub meta: Meta,
    /// The clean body; blocks separated by a blank line.
    pub text: String,
    pub blocks: Vec<Block>,
    /// Page furniture taken out of the body, with its kind.
    pub removed: Vec<Removed>,
    pub sentences: Vec<Span>,
    /// Word and punctuation tokens (not part of DESIGN.md's contract; skipped when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tokens: Vec<Span>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub amounts: Vec<Amount>,
    pub dates: Vec<DateMention>,
    pub events: Vec<Event>,
    pub tone: Option<Tone>,
    pub themes: Vec<String>,
}

/// Where the article came from.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Source {
    pub path: Option<String>,
    pub url: Option<String>,
    /// `html` or `text`.
    pub format: String,
    /// When the page was fetched, if the input says (a WARC record's date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched: Option<String>,
}

/// Article metadata.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub byline: Vec<String>,
    pub author_bio: Option<String>,
    /// ISO 8601 date (or date-time); null when the page states none.
    pub published: Option<String>,
    pub site: Option<String>,
    pub language: Option<String>,
    pub photo_credit: Option<String>,
    pub caption: Option<String>,
    /// Canonical URL stated by the page, when it differs from or adds to `source.url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_url: Option<String>,
}

/// A `[start, end)` span into the record's text.
#[derive(
    Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// The spanned slice of `text` (byte offsets; empty when out of range).
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
    fn convert_to_chars(&mut self, ix: &CharIndex) {
        (self.start, self.end) = ix.span(self.start, self.end);
    }
}

/// The kind of a body block.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    Heading,
    Paragraph,
    ListItem,
    /// The caption of a picture printed inside the article, as printed (with its credit when
    /// it shares the line); the lead picture's caption goes to `meta` instead.
    Caption,
}

/// A block of the body: heading, paragraph, list item or caption.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
}

/// The kind of page furniture removed from the body.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum RemovedKind {
    Advertisement,
    Share,
    Related,
    Navigation,
    AuthorBio,
    PhotoCredit,
    Caption,
    Byline,
    Other,
}

/// A piece of page furniture taken out of the body.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Removed {
    pub kind: RemovedKind,
    pub text: String,
}

/// The kind of an entity.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    Person,
    Organization,
    Country,
    Place,
    Group,
}

/// One mention of an entity in the text.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Coordinates of a place.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
pub struct Geo {
    pub lat: f64,
    pub lon: f64,
}

/// A referent (person, organisation, country, place or group) and all its mentions.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    /// CAMEO-style actor code (country code + role codes, or a group's code).
    pub code: Option<String>,
    /// ISO 3166-1 alpha-3 country the entity belongs to.
    pub country: Option<String>,
    pub roles: Vec<String>,
    pub affiliation: Option<String>,
    pub geo: Option<Geo>,
    pub mentions: Vec<Mention>,
}

/// The kind of a quotation.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteKind {
    Direct,
    Partial,
    Indirect,
}

/// A quotation or reported speech, attributed to a speaker where the text says who.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Quote {
    pub id: String,
    pub kind: QuoteKind,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Entity id of the speaker.
    pub speaker: Option<String>,
    /// The words that name the speaker where the cue is ("Mr. Enveroglu", "he").
    pub speaker_text: Option<String>,
    pub cue: Option<String>,
    /// Index into `sentences`.
    pub sentence: Option<usize>,
    /// The speaker's name: the linked entity's name, else the words that name the speaker;
    /// for a pronoun without an entity, the nearest named speaker before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_name: Option<String>,
}

/// An amount: money, percentage or count, with what it measures.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Amount {
    pub value: f64,
    pub unit: String,
    pub approximate: bool,
    pub about: Option<String>,
    pub start: usize,
    pub end: usize,
}

/// A date mentioned in the text, normalised (`1991`, `2019-10`, `2019-10-12`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DateMention {
    pub value: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Set when the date is read outside `text`; `start` and `end` then point into that field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<MetaField>,
}

/// A metadata field that holds prose of its own, read for dates.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum MetaField {
    /// `meta.caption`, the lead picture's caption (which often dates the picture).
    Caption,
}

/// An actor–action–target event with its codes and evidence.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Event {
    pub id: String,
    pub source: Option<String>,
    pub target: Option<String>,
    pub source_entity: Option<String>,
    pub target_entity: Option<String>,
    pub cameo: String,
    /// GDELT quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    pub quad: u8,
    pub goldstein: f64,
    pub plover: Option<String>,
    pub date: Option<String>,
    /// Index into `sentences`.
    pub sentence: Option<usize>,
    pub evidence: Span,
    pub negated: bool,
    pub hypothetical: bool,
    /// Id of the quotation the event was stated in, if any.
    pub quote: Option<String>,
    pub confidence: f64,
}

/// GDELT-style tone of the article.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Tone {
    pub tone: f64,
    pub positive: f64,
    pub negative: f64,
    pub polarity: f64,
    pub words: usize,
}

impl Record {
    /// An empty record of the current schema.
    pub fn new(id: String, source: Source) -> Self {
        Record {
            schema: crate::SCHEMA.to_string(),
            id,
            source,
            ..Default::default()
        }
    }

    /// Converts every span in the record from byte offsets into code-point offsets.
    /// Call exactly once, after the last stage.
    pub fn into_char_offsets(mut self) -> Self {
        let ix = CharIndex::new(&self.text);
        let conv = |s: &mut usize, e: &mut usize| (*s, *e) = ix.span(*s, *e);
        for b in &mut self.blocks {
            conv(&mut b.start, &mut b.end);
        }
        for s in self.sentences.iter_mut().chain(self.tokens.iter_mut()) {
            s.convert_to_chars(&ix);
        }
        for e in &mut self.entities {
            for m in &mut e.mentions {
                conv(&mut m.start, &mut m.end);
            }
        }
        for q in &mut self.quotes {
            conv(&mut q.start, &mut q.end);
        }
        for a in &mut self.amounts {
            conv(&mut a.start, &mut a.end);
        }
        let caption = CharIndex::new(self.meta.caption.as_deref().unwrap_or(""));
        for d in &mut self.dates {
            match d.within {
                None => conv(&mut d.start, &mut d.end),
                Some(MetaField::Caption) => (d.start, d.end) = caption.span(d.start, d.end),
            }
        }
        for v in &mut self.events {
            v.evidence.convert_to_chars(&ix);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_contract_field_is_serialised() {
        let r = Record::new("x".into(), Source::default());
        let v = serde_json::to_value(&r).unwrap();
        for k in [
            "schema",
            "id",
            "source",
            "meta",
            "text",
            "blocks",
            "removed",
            "sentences",
            "entities",
            "quotes",
            "amounts",
            "dates",
            "events",
            "tone",
            "themes",
        ] {
            assert!(v.get(k).is_some(), "missing {k}");
        }
        for k in [
            "title",
            "byline",
            "author_bio",
            "published",
            "site",
            "language",
            "photo_credit",
            "caption",
        ] {
            assert!(v["meta"].get(k).is_some(), "missing meta.{k}");
        }
        assert_eq!(v["schema"], "dyad.article/1");
    }

    #[test]
    fn spans_become_code_points() {
        let mut r = Record::new("x".into(), Source::default());
        r.text = "“Hi,” he said.".into();
        let b = r.text.len();
        r.sentences.push(Span::new(0, b));
        r.blocks.push(Block {
            kind: BlockKind::Paragraph,
            start: 0,
            end: b,
        });
        let r = r.into_char_offsets();
        let n = r.text.chars().count();
        assert_eq!(r.sentences[0], Span::new(0, n));
        assert_eq!(r.blocks[0].end, n);
    }
}
