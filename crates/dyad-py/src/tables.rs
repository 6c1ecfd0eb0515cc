//! The two tables of a batch: one row per article and one row per event, as Arrow columns.
//! Offsets are code points, as in the record.

use dyad_doc::Record;

use crate::columns::{Bool, Exported, Float64, Int64, Utf8, Utf8List};

/// The day an article belongs to, `YYYY-MM-DD`: its publication date, else the day it was
/// fetched; `None` when neither is known to the day.
pub fn article_day(rec: &Record) -> Option<&str> {
    [rec.meta.published.as_deref(), rec.source.fetched.as_deref()]
        .into_iter()
        .flatten()
        .find_map(day_prefix)
}

/// The `YYYY-MM-DD` a date or date-time starts with.
fn day_prefix(date: &str) -> Option<&str> {
    let day = date.get(..10)?;
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then_some(day)
}

/// One row per article.
#[derive(Default)]
pub struct Articles {
    id: Utf8,
    path: Utf8,
    url: Utf8,
    format: Utf8,
    fetched: Utf8,
    title: Utf8,
    byline: Utf8List,
    published: Utf8,
    site: Utf8,
    language: Utf8,
    date: Utf8,
    text: Utf8,
    n_sentences: Int64,
    n_entities: Int64,
    n_quotes: Int64,
    n_events: Int64,
    tone: Float64,
    themes: Utf8List,
    record: Option<Utf8>,
}

impl Articles {
    /// A table; with `record_json` it carries each whole record as JSON in a `record` column.
    pub fn new(record_json: bool) -> Self {
        Articles {
            record: record_json.then(Utf8::default),
            ..Default::default()
        }
    }

    pub fn push(&mut self, rec: &Record) -> Result<(), String> {
        let count = |n: usize| Some(n as i64);
        self.id.push(Some(&rec.id));
        self.path.push(rec.source.path.as_deref());
        self.url.push(rec.source.url.as_deref());
        self.format.push(Some(&rec.source.format));
        self.fetched.push(rec.source.fetched.as_deref());
        self.title.push(rec.meta.title.as_deref());
        self.byline.push(rec.meta.byline.iter().map(String::as_str));
        self.published.push(rec.meta.published.as_deref());
        self.site.push(rec.meta.site.as_deref());
        self.language.push(rec.meta.language.as_deref());
        self.date.push(article_day(rec));
        self.text.push(Some(&rec.text));
        self.n_sentences.push(count(rec.sentences.len()));
        self.n_entities.push(count(rec.entities.len()));
        self.n_quotes.push(count(rec.quotes.len()));
        self.n_events.push(count(rec.events.len()));
        self.tone.push(rec.tone.as_ref().map(|t| t.tone));
        self.themes.push(rec.themes.iter().map(String::as_str));
        if let Some(col) = &mut self.record {
            let json = serde_json::to_string(rec).map_err(|e| e.to_string())?;
            col.push(Some(&json));
        }
        Ok(())
    }

    pub fn finish(self) -> Result<Vec<Exported>, String> {
        let mut cols = vec![
            self.id.finish("id")?,
            self.path.finish("path")?,
            self.url.finish("url")?,
            self.format.finish("format")?,
            self.fetched.finish("fetched")?,
            self.title.finish("title")?,
            self.byline.finish("byline")?,
            self.published.finish("published")?,
            self.site.finish("site")?,
            self.language.finish("language")?,
            self.date.finish("date")?,
            self.text.finish("text")?,
            self.n_sentences.finish("n_sentences"),
            self.n_entities.finish("n_entities"),
            self.n_quotes.finish("n_quotes"),
            self.n_events.finish("n_events"),
            self.tone.finish("tone"),
            self.themes.finish("themes")?,
        ];
        if let Some(col) = self.record {
            cols.push(col.finish("record")?);
        }
        Ok(cols)
    }
}

/// One row per event, with the article it came from and the words that state it.
#[derive(Default)]
pub struct Events {
    article_id: Utf8,
    id: Utf8,
    source: Utf8,
    target: Utf8,
    source_entity: Utf8,
    target_entity: Utf8,
    cameo: Utf8,
    quad: Int64,
    goldstein: Float64,
    plover: Utf8,
    event_date: Utf8,
    sentence: Int64,
    evidence_start: Int64,
    evidence_end: Int64,
    evidence: Utf8,
    negated: Bool,
    hypothetical: Bool,
    quote: Utf8,
    confidence: Float64,
}

impl Events {
    pub fn push_all(&mut self, rec: &Record) {
        if rec.events.is_empty() {
            return;
        }
        let chars = CharSlicer::new(&rec.text);
        for v in &rec.events {
            self.article_id.push(Some(&rec.id));
            self.id.push(Some(&v.id));
            self.source.push(v.source.as_deref());
            self.target.push(v.target.as_deref());
            self.source_entity.push(v.source_entity.as_deref());
            self.target_entity.push(v.target_entity.as_deref());
            self.cameo.push(Some(&v.cameo));
            self.quad.push(Some(i64::from(v.quad)));
            self.goldstein.push(Some(v.goldstein));
            self.plover.push(v.plover.as_deref());
            self.event_date.push(v.date.as_deref());
            self.sentence.push(v.sentence.map(|s| s as i64));
            self.evidence_start.push(Some(v.evidence.start as i64));
            self.evidence_end.push(Some(v.evidence.end as i64));
            self.evidence
                .push(Some(chars.slice(v.evidence.start, v.evidence.end)));
            self.negated.push(v.negated);
            self.hypothetical.push(v.hypothetical);
            self.quote.push(v.quote.as_deref());
            self.confidence.push(Some(v.confidence));
        }
    }

    pub fn finish(self) -> Result<Vec<Exported>, String> {
        Ok(vec![
            self.article_id.finish("article_id")?,
            self.id.finish("id")?,
            self.source.finish("source")?,
            self.target.finish("target")?,
            self.source_entity.finish("source_entity")?,
            self.target_entity.finish("target_entity")?,
            self.cameo.finish("cameo")?,
            self.quad.finish("quad"),
            self.goldstein.finish("goldstein"),
            self.plover.finish("plover")?,
            self.event_date.finish("event_date")?,
            self.sentence.finish("sentence"),
            self.evidence_start.finish("evidence_start"),
            self.evidence_end.finish("evidence_end"),
            self.evidence.finish("evidence")?,
            self.negated.finish("negated"),
            self.hypothetical.finish("hypothetical"),
            self.quote.finish("quote")?,
            self.confidence.finish("confidence"),
        ])
    }
}

/// Slices a text by code-point offsets, with the byte position of every code point indexed
/// once.
struct CharSlicer<'t> {
    text: &'t str,
    bytes_at: Vec<usize>,
}

impl<'t> CharSlicer<'t> {
    fn new(text: &'t str) -> Self {
        let mut bytes_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes_at.push(text.len());
        CharSlicer { text, bytes_at }
    }

    /// The text of code points `start..end`; empty when out of range.
    fn slice(&self, start: usize, end: usize) -> &'t str {
        match (self.bytes_at.get(start), self.bytes_at.get(end)) {
            (Some(&s), Some(&e)) if s <= e => &self.text[s..e],
            _ => "",
        }
    }
}
