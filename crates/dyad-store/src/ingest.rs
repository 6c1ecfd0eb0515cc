//! Storing records: batched transactions, idempotent by record id and URL, near-duplicates kept
//! as further mentions of the story they copy, failed items recorded.

use std::collections::HashMap;

use dyad_doc::{Record, Span};
use rusqlite::{params, Connection};
use serde::Serialize;

use crate::actors::{actor_of, month_of};
use crate::minhash;
use crate::Result;

/// Records (or failures) per transaction unless told otherwise.
pub const DEFAULT_BATCH: usize = 256;

/// What an ingest did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IngestReport {
    /// Records stored as new stories.
    pub added: usize,
    /// Records stored as near-duplicates (further mentions) of a stored story.
    pub duplicates: usize,
    /// Records already in the store (same id or URL): nothing changed.
    pub present: usize,
    /// Items recorded as failed.
    pub failed: usize,
}

/// How one record was taken in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Stored as a new story.
    Added,
    /// Stored as a mention of the story of this stored article (its row id).
    Duplicate(i64),
    /// Already stored; nothing changed.
    Present,
}

/// A batched ingest in progress: every `batch` items are committed together, so an ingest
/// stopped at any point leaves whole records only, and a rerun adds the rest.
pub struct Ingester<'c> {
    conn: &'c Connection,
    batch: usize,
    pending: usize,
    in_tx: bool,
    report: IngestReport,
    committed: IngestReport,
}

impl<'c> Ingester<'c> {
    pub(crate) fn new(conn: &'c Connection, batch: usize) -> Self {
        Ingester {
            conn,
            batch: batch.max(1),
            pending: 0,
            in_tx: false,
            report: IngestReport::default(),
            committed: IngestReport::default(),
        }
    }

    /// Stores one record (its spans in code points, as records are published).
    pub fn add(&mut self, rec: &Record) -> Result<Outcome> {
        self.begin()?;
        self.conn.execute_batch("SAVEPOINT rec")?;
        let outcome = match insert_record(self.conn, rec) {
            Ok(o) => {
                self.conn.execute_batch("RELEASE rec")?;
                o
            }
            Err(e) => {
                self.conn.execute_batch("ROLLBACK TO rec; RELEASE rec")?;
                return Err(e);
            }
        };
        match outcome {
            Outcome::Added => self.report.added += 1,
            Outcome::Duplicate(_) => self.report.duplicates += 1,
            Outcome::Present => self.report.present += 1,
        }
        self.step()?;
        Ok(outcome)
    }

    /// Whether a record with this id is stored already (including in the open batch).
    pub fn contains(&self, id: &str) -> Result<bool> {
        let mut st = self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?;
        Ok(st.exists([id])?)
    }

    /// Records an item that could not be read or analysed.
    pub fn fail(&mut self, path: &str, error: &str) -> Result<()> {
        self.begin()?;
        self.conn
            .prepare_cached(
                "INSERT OR REPLACE INTO failures (path, error, added) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![path, error, crate::stats::now_iso()])?;
        self.report.failed += 1;
        self.step()
    }

    /// The counts so far.
    pub fn report(&self) -> &IngestReport {
        &self.report
    }

    /// The counts as of the last commit: what is durably in the store whatever happens next.
    pub fn committed(&self) -> &IngestReport {
        &self.committed
    }

    /// Commits what is pending and returns the counts.
    pub fn finish(mut self) -> Result<IngestReport> {
        self.commit()?;
        Ok(std::mem::take(&mut self.report))
    }

    fn begin(&mut self) -> Result<()> {
        if !self.in_tx {
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
            self.in_tx = true;
        }
        Ok(())
    }

    fn step(&mut self) -> Result<()> {
        self.pending += 1;
        if self.pending >= self.batch {
            self.commit()?;
        }
        Ok(())
    }

    fn commit(&mut self) -> Result<()> {
        if self.in_tx {
            self.conn.execute_batch("COMMIT")?;
            self.in_tx = false;
            self.committed = self.report.clone();
        }
        self.pending = 0;
        Ok(())
    }
}

impl Drop for Ingester<'_> {
    fn drop(&mut self) {
        // Whole records only ever reach the transaction, so what is pending is consistent.
        let _ = self.commit();
    }
}

/// Char offsets → byte offsets of one text.
struct CharBytes<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> CharBytes<'t> {
    fn new(text: &'t str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        starts.push(text.len());
        CharBytes { text, starts }
    }
    fn slice(&self, start: usize, end: usize) -> &'t str {
        let b = |c: usize| self.starts.get(c).copied();
        match (b(start), b(end)) {
            (Some(s), Some(e)) if s <= e => &self.text[s..e],
            _ => "",
        }
    }
}

/// Index of the sentence holding code-point offset `at` (sentences are sorted, disjoint).
fn sentence_at(sentences: &[Span], at: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.end <= at);
    sentences.get(i).filter(|s| s.start <= at).map(|_| i)
}

fn insert_record(conn: &Connection, rec: &Record) -> Result<Outcome> {
    let url = rec.source.url.as_deref().filter(|u| !u.is_empty());
    let present = conn
        .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?
        .exists([&rec.id])?
        || match url {
            Some(u) => conn
                .prepare_cached("SELECT 1 FROM articles WHERE url = ?1")?
                .exists([u])?,
            None => false,
        };
    if present {
        return Ok(Outcome::Present);
    }
    let signature = minhash::signature(&rec.text);
    let original = match &signature {
        Some(sig) => find_near(conn, sig)?,
        None => None,
    };
    let json = serde_json::to_string(rec)?;
    let tone = rec.tone.as_ref().map(|t| t.tone);
    conn.prepare_cached(
        "INSERT INTO articles (id, url, path, title, published, site, tone, text, minhash, story,
                               duplicate, added, record)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, coalesce(?10, 0), ?11, ?12, ?13)",
    )?
    .execute(params![
        rec.id,
        url,
        rec.source.path,
        rec.meta.title,
        rec.meta.published,
        rec.meta.site,
        tone,
        rec.text,
        signature.as_ref().map(minhash::to_bytes),
        original,
        original.is_some(),
        crate::stats::now_iso(),
        json,
    ])?;
    let article = conn.last_insert_rowid();
    if let Some(path) = &rec.source.path {
        conn.prepare_cached("DELETE FROM failures WHERE path = ?1")?
            .execute([path])?;
    }
    if let Some(sig) = &signature {
        let mut st = conn
            .prepare_cached("INSERT INTO minhash_bands (key, band, article) VALUES (?1, ?2, ?3)")?;
        for (band, key) in minhash::bands(sig).iter().enumerate() {
            st.execute(params![key, band as i64, article])?;
        }
    }
    if let Some(story) = original {
        // A copy of a stored story: one more mention of it, not new facts.
        return Ok(Outcome::Duplicate(story));
    }
    conn.prepare_cached("UPDATE articles SET story = rowid WHERE rowid = ?1")?
        .execute([article])?;
    conn.prepare_cached("INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![
            article,
            rec.meta.title.as_deref().unwrap_or(""),
            rec.text
        ])?;
    insert_layers(conn, rec, article)?;
    Ok(Outcome::Added)
}

/// The story (row id of its first article) that a signature is a near-duplicate of.
fn find_near(conn: &Connection, sig: &minhash::Signature) -> Result<Option<i64>> {
    let mut st = conn.prepare_cached(
        "SELECT a.rowid, a.minhash, a.story FROM minhash_bands b JOIN articles a ON a.rowid = b.article
         WHERE b.key = ?1 AND b.band = ?2 ORDER BY a.rowid",
    )?;
    let mut seen: Vec<i64> = Vec::new();
    let mut best: Option<(f64, i64)> = None;
    for (band, key) in minhash::bands(sig).iter().enumerate() {
        let mut rows = st.query(params![key, band as i64])?;
        while let Some(row) = rows.next()? {
            let rowid: i64 = row.get(0)?;
            if seen.contains(&rowid) {
                continue;
            }
            seen.push(rowid);
            let bytes: Vec<u8> = row.get(1)?;
            let story: i64 = row.get(2)?;
            let Some(other) = minhash::from_bytes(&bytes) else {
                continue;
            };
            let sim = minhash::similarity(sig, &other);
            if sim >= minhash::MIN_SIMILARITY
                && best.is_none_or(|(s, st)| sim > s || (sim == s && story < st))
            {
                best = Some((sim, story));
            }
        }
    }
    Ok(best.map(|(_, story)| story))
}

struct EntityRow {
    name: String,
    country: Option<String>,
    code: Option<String>,
    actor: Option<String>,
}

fn insert_layers(conn: &Connection, rec: &Record, article: i64) -> Result<()> {
    let text = CharBytes::new(&rec.text);
    let sentence_text = |i: Option<usize>| -> Option<&str> {
        i.and_then(|i| rec.sentences.get(i))
            .map(|s| text.slice(s.start, s.end))
    };

    let mut entities: HashMap<&str, EntityRow> = HashMap::new();
    {
        let mut ent = conn.prepare_cached(
            "INSERT INTO entities (article, eid, name, kind, code, actor, country, mentions)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        let mut names =
            conn.prepare_cached("INSERT OR IGNORE INTO actor_names (name, code) VALUES (?1, ?2)")?;
        let mut men = conn.prepare_cached(
            "INSERT INTO mentions (article, entity, start, end) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for e in &rec.entities {
            let code = e.code.clone().or_else(|| e.country.clone());
            let actor = code.as_deref().and_then(actor_of);
            let kind = serde_json::to_value(e.kind)?;
            ent.execute(params![
                article,
                e.id,
                e.name,
                kind.as_str().unwrap_or(""),
                code,
                actor,
                e.country,
                e.mentions.len() as i64
            ])?;
            let rowid = conn.last_insert_rowid();
            if let Some(code) = &code {
                names.execute(params![e.name, code])?;
            }
            for m in &e.mentions {
                men.execute(params![article, rowid, m.start as i64, m.end as i64])?;
            }
            entities.insert(
                e.id.as_str(),
                EntityRow {
                    name: e.name.clone(),
                    country: e.country.clone(),
                    code,
                    actor,
                },
            );
        }
    }

    {
        let mut qst = conn.prepare_cached(
            "INSERT INTO quotes (article, qid, kind, text, start, end, speaker, speaker_name,
                                 speaker_code, speaker_actor, cue, sentence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        let mut fts =
            conn.prepare_cached("INSERT INTO quotes_fts (rowid, text) VALUES (?1, ?2)")?;
        let mut dyad = conn.prepare_cached(
            "INSERT OR IGNORE INTO quote_dyads (quote, speaker_actor, speaker_code, other_actor,
                                                other_code, published)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for q in &rec.quotes {
            let speaker = q.speaker.as_deref().and_then(|s| entities.get(s));
            let kind = serde_json::to_value(q.kind)?;
            qst.execute(params![
                article,
                q.id,
                kind.as_str().unwrap_or(""),
                q.text,
                q.start as i64,
                q.end as i64,
                q.speaker,
                speaker
                    .map(|s| s.name.as_str())
                    .or(q.speaker_text.as_deref()),
                speaker.and_then(|s| s.code.as_deref()),
                speaker.and_then(|s| s.actor.as_deref()),
                q.cue,
                sentence_text(q.sentence),
            ])?;
            let quote = conn.last_insert_rowid();
            fts.execute(params![quote, q.text])?;
            let Some((s_actor, s_code)) =
                speaker.and_then(|s| Some((s.actor.as_deref()?, s.code.as_deref()?)))
            else {
                continue;
            };
            // Actors named inside the quotation or its sentence are what the speaker speaks of.
            let sentence = q.sentence.and_then(|i| rec.sentences.get(i));
            let inside = |start: usize, end: usize| {
                (start >= q.start && end <= q.end)
                    || sentence.is_some_and(|s| start >= s.start && end <= s.end)
            };
            let mut others: Vec<(&str, &str)> = rec
                .entities
                .iter()
                .filter(|e| e.mentions.iter().any(|m| inside(m.start, m.end)))
                .filter_map(|e| entities.get(e.id.as_str()))
                .filter_map(|o| Some((o.actor.as_deref()?, o.code.as_deref()?)))
                .filter(|(actor, _)| *actor != s_actor)
                .collect();
            others.sort_unstable();
            others.dedup();
            for (o_actor, o_code) in others {
                dyad.execute(params![
                    quote,
                    s_actor,
                    s_code,
                    o_actor,
                    o_code,
                    rec.meta.published
                ])?;
            }
        }
    }

    {
        let mut ev = conn.prepare_cached(
            "INSERT INTO events (article, eid, source, target, source_actor, target_actor,
                                 source_name, target_name, source_country, target_country,
                                 cameo, root, quad, goldstein, plover,
                                 date, month, sentence, evidence, is_root, negated, hypothetical,
                                 confidence, tone, amounts)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                     ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
        )?;
        let mut amounts_in: std::collections::BTreeMap<usize, i64> = Default::default();
        for a in &rec.amounts {
            if let Some(s) = sentence_at(&rec.sentences, a.start) {
                *amounts_in.entry(s).or_default() += 1;
            }
        }
        let lead_end = rec
            .blocks
            .iter()
            .find(|b| b.kind == dyad_doc::BlockKind::Paragraph)
            .map(|b| b.end);
        for e in &rec.events {
            let entity = |id: &Option<String>| id.as_deref().and_then(|i| entities.get(i));
            let name = |id: &Option<String>| entity(id).map(|r| r.name.clone());
            let country = |id: &Option<String>| entity(id).and_then(|r| r.country.clone());
            let date = e
                .date
                .as_deref()
                .filter(|d| month_of(d).is_some())
                .or(rec.meta.published.as_deref());
            let sentence = e
                .sentence
                .filter(|i| *i < rec.sentences.len())
                .or_else(|| sentence_at(&rec.sentences, e.evidence.start));
            let evidence = sentence_text(sentence)
                .unwrap_or_else(|| text.slice(e.evidence.start, e.evidence.end));
            let is_root = match lead_end {
                Some(end) => e.evidence.start < end,
                None => sentence == Some(0),
            };
            let root: String = e.cameo.chars().take(2).collect();
            ev.execute(params![
                article,
                e.id,
                e.source,
                e.target,
                e.source.as_deref().and_then(actor_of),
                e.target.as_deref().and_then(actor_of),
                name(&e.source_entity),
                name(&e.target_entity),
                country(&e.source_entity),
                country(&e.target_entity),
                e.cameo,
                root,
                e.quad,
                e.goldstein,
                e.plover,
                date,
                date.and_then(month_of),
                sentence.map(|s| s as i64),
                evidence,
                is_root,
                e.negated,
                e.hypothetical,
                e.confidence,
                rec.tone.as_ref().map(|t| t.tone),
                sentence
                    .and_then(|s| amounts_in.get(&s))
                    .copied()
                    .unwrap_or(0),
            ])?;
        }
    }

    {
        let mut js = conn.prepare_cached(
            "INSERT INTO joint_sources (article, a, b, strength) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (a, b, strength) in crate::graph::joint_sources(rec) {
            js.execute(params![article, a, b, strength])?;
        }
    }

    {
        let mut am = conn.prepare_cached(
            "INSERT INTO amounts (article, value, unit, approximate, about, text, sentence,
                                  start, end)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for a in &rec.amounts {
            am.execute(params![
                article,
                a.value,
                a.unit,
                a.approximate,
                a.about,
                text.slice(a.start, a.end),
                sentence_at(&rec.sentences, a.start).map(|s| s as i64),
                a.start as i64,
                a.end as i64,
            ])?;
        }
    }
    Ok(())
}
