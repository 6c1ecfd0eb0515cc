//! The summary of one dyad: what two actors (or groups of codes) did to each other, month by
//! month, with tone, quotations, amounts and the evidence sentences.

use std::collections::BTreeMap;

use rusqlite::{params_from_iter, Connection};
use serde::Serialize;

use crate::actors::looks_like_code;
use crate::{Result, Store, StoreError};

/// One side of a dyad: what the user asked for and the actor codes it stands for. A code of
/// three letters matches every actor of that country or group (`ISR` matches `ISRGOV`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    pub query: String,
    pub codes: Vec<String>,
}

/// How much detail to return.
#[derive(Debug, Clone)]
pub struct RelationOptions {
    pub evidence: usize,
    pub quotes: usize,
    pub amounts: usize,
}

impl Default for RelationOptions {
    fn default() -> Self {
        RelationOptions {
            evidence: 20,
            quotes: 10,
            amounts: 10,
        }
    }
}

/// One month of the dyad (events neither negated nor hypothetical).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthRow {
    /// `YYYY-MM`; `None` for events with no known date.
    pub month: Option<String>,
    pub events: i64,
    /// Counts by quad class 1–4 (verbal/material cooperation, verbal/material conflict).
    pub quad: [i64; 4],
    pub goldstein_mean: f64,
    /// Counts by CAMEO root code (two digits).
    pub cameo_roots: BTreeMap<String, i64>,
    /// Counts by PLOVER event type.
    pub plover: BTreeMap<String, i64>,
}

/// A quotation in which one side speaks of the other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteRow {
    pub article: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub speaker: Option<String>,
    pub speaker_code: String,
    /// The code of the other side named in or around the quotation.
    pub about: String,
    pub quote: String,
}

/// An amount stated in an evidence sentence of the dyad.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AmountRow {
    pub article: String,
    pub value: f64,
    pub unit: String,
    pub approximate: bool,
    pub about: Option<String>,
    pub text: String,
}

/// One event with the sentence it was read from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceRow {
    pub article: String,
    pub title: Option<String>,
    pub event: String,
    pub source: Option<String>,
    pub target: Option<String>,
    pub cameo: String,
    pub quad: i64,
    pub goldstein: f64,
    pub plover: Option<String>,
    pub date: Option<String>,
    pub sentence: String,
}

/// The summary of a dyad.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relation {
    pub a: Side,
    pub b: Side,
    /// Events between the sides, either direction (not negated, not hypothetical).
    pub events: i64,
    pub a_to_b: i64,
    pub b_to_a: i64,
    /// Events of quad classes 1–2 and 3–4.
    pub cooperation: i64,
    pub conflict: i64,
    pub goldstein_mean: Option<f64>,
    /// Articles reporting the events and the mean of their tone.
    pub articles: i64,
    pub tone_mean: Option<f64>,
    pub months: Vec<MonthRow>,
    pub quotes: Vec<QuoteRow>,
    pub amounts: Vec<AmountRow>,
    pub evidence: Vec<EvidenceRow>,
}

/// One event of the dyad, as the covering index holds it.
struct DyadEvent {
    ev: i64,
    a_to_b: bool,
    month: Option<String>,
    quad: i64,
    root: String,
    plover: Option<String>,
    goldstein: f64,
    date: Option<String>,
    article: i64,
    tone: Option<f64>,
    amounts: i64,
}

/// Resolves a name or code into the actor codes it stands for.
fn resolve(conn: &Connection, query: &str) -> Result<Side> {
    let q = query.trim();
    let mut codes: Vec<String> = if looks_like_code(q) {
        vec![q.to_string()]
    } else {
        let mut st = conn.prepare_cached("SELECT code FROM actor_names WHERE name = ?1")?;
        let found = st
            .query_map([q], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if found.is_empty() && looks_like_code(&q.to_ascii_uppercase()) {
            vec![q.to_ascii_uppercase()]
        } else {
            found
        }
    };
    codes.sort();
    codes.dedup();
    // A country or group code covers the longer codes under it.
    let roots: Vec<String> = codes.iter().filter(|c| c.len() == 3).cloned().collect();
    codes.retain(|c| c.len() == 3 || !roots.iter().any(|r| c.starts_with(r.as_str())));
    if codes.is_empty() {
        return Err(StoreError::UnknownActor(query.to_string()));
    }
    Ok(Side {
        query: query.to_string(),
        codes,
    })
}

/// The common table expression `d` of the dyad's events (row id, direction and the indexed
/// columns), with its parameters.
fn dyad_events(a: &Side, b: &Side) -> (String, Vec<String>) {
    let mut parts = Vec::new();
    let mut args = Vec::new();
    for (dir, from, to) in [("ab", a, b), ("ba", b, a)] {
        for s in &from.codes {
            for t in &to.codes {
                let col = |c: &str, side: &str| {
                    if c.len() == 3 {
                        format!("{side}_actor")
                    } else {
                        side.to_string()
                    }
                };
                args.push(s.clone());
                let i = args.len();
                args.push(t.clone());
                let j = args.len();
                // Every column comes from the covering dyad index: no table rows are read.
                parts.push(format!(
                    "SELECT rowid AS ev, '{dir}' AS dir, month, quad, root, plover, goldstein,
                            date, article, tone, amounts FROM events
                     WHERE {} = ?{i} AND {} = ?{j} AND negated = 0 AND hypothetical = 0",
                    col(s, "source"),
                    col(t, "target")
                ));
            }
        }
    }
    (format!("WITH d AS ({})", parts.join(" UNION ALL ")), args)
}

/// The summary of the dyad between `a` and `b` (names or codes).
pub fn relation(store: &Store, a: &str, b: &str, opts: &RelationOptions) -> Result<Relation> {
    let conn = store.connection();
    let a = resolve(conn, a)?;
    let b = resolve(conn, b)?;
    let (cte, args) = dyad_events(&a, &b);
    let p = || params_from_iter(args.iter());

    // One pass over the covering index; everything else is summed here.
    let mut rows: Vec<DyadEvent> = conn
        .prepare(&format!(
            "{cte} SELECT ev, dir = 'ab', month, quad, root, plover, goldstein, date, article,
                          tone, amounts FROM d"
        ))?
        .query_map(p(), |r| {
            Ok(DyadEvent {
                ev: r.get(0)?,
                a_to_b: r.get(1)?,
                month: r.get(2)?,
                quad: r.get(3)?,
                root: r.get(4)?,
                plover: r.get(5)?,
                goldstein: r.get(6)?,
                date: r.get(7)?,
                article: r.get(8)?,
                tone: r.get(9)?,
                amounts: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    let events = rows.len() as i64;
    let a_to_b = rows.iter().filter(|e| e.a_to_b).count() as i64;
    let cooperation = rows.iter().filter(|e| e.quad <= 2).count() as i64;
    let goldstein_mean =
        (events > 0).then(|| rows.iter().map(|e| e.goldstein).sum::<f64>() / events as f64);
    let tones: BTreeMap<i64, Option<f64>> = rows.iter().map(|e| (e.article, e.tone)).collect();
    let articles = tones.len() as i64;
    let known: Vec<f64> = tones.values().flatten().copied().collect();
    let tone_mean = (!known.is_empty()).then(|| known.iter().sum::<f64>() / known.len() as f64);

    let mut months: BTreeMap<Option<String>, MonthRow> = BTreeMap::new();
    for e in &rows {
        let m = months.entry(e.month.clone()).or_insert_with(|| MonthRow {
            month: e.month.clone(),
            events: 0,
            quad: [0; 4],
            goldstein_mean: 0.0,
            cameo_roots: BTreeMap::new(),
            plover: BTreeMap::new(),
        });
        m.events += 1;
        if (1..=4).contains(&e.quad) {
            m.quad[(e.quad - 1) as usize] += 1;
        }
        // Running sum here; turned into the mean below.
        m.goldstein_mean += e.goldstein;
        *m.cameo_roots.entry(e.root.clone()).or_default() += 1;
        if let Some(pl) = &e.plover {
            *m.plover.entry(pl.clone()).or_default() += 1;
        }
    }
    let months: Vec<MonthRow> = months
        .into_values()
        .map(|mut m| {
            if m.events > 0 {
                m.goldstein_mean /= m.events as f64;
            }
            m
        })
        .collect();

    // Latest first: the evidence rows are read for the shown events only.
    rows.sort_by(|x, y| y.date.cmp(&x.date).then(y.ev.cmp(&x.ev)));
    let mut st = conn.prepare_cached(
        "SELECT a.id, a.title, e.eid, e.source, e.target, e.cameo, e.quad, e.goldstein,
                e.plover, e.date, e.evidence
         FROM events e JOIN articles a ON a.rowid = e.article WHERE e.rowid = ?1",
    )?;
    let mut evidence = Vec::new();
    for e in rows.iter().take(opts.evidence) {
        evidence.push(st.query_row([e.ev], |r| {
            Ok(EvidenceRow {
                article: r.get(0)?,
                title: r.get(1)?,
                event: r.get(2)?,
                source: r.get(3)?,
                target: r.get(4)?,
                cameo: r.get(5)?,
                quad: r.get(6)?,
                goldstein: r.get(7)?,
                plover: r.get(8)?,
                date: r.get(9)?,
                sentence: r.get(10)?,
            })
        })?);
    }

    let mut st = conn.prepare_cached(
        "SELECT m.rowid, a.id, m.value, m.unit, m.approximate, m.about, m.text
         FROM events e JOIN amounts m ON m.article = e.article AND m.sentence = e.sentence
         JOIN articles a ON a.rowid = e.article WHERE e.rowid = ?1",
    )?;
    let mut amounts: BTreeMap<i64, AmountRow> = BTreeMap::new();
    for e in rows.iter().filter(|e| e.amounts > 0) {
        let found = st.query_map([e.ev], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                AmountRow {
                    article: r.get(1)?,
                    value: r.get(2)?,
                    unit: r.get(3)?,
                    approximate: r.get(4)?,
                    about: r.get(5)?,
                    text: r.get(6)?,
                },
            ))
        })?;
        for f in found {
            let (id, row) = f?;
            amounts.insert(id, row);
        }
    }
    let mut amounts: Vec<(i64, AmountRow)> = amounts.into_iter().collect();
    amounts.sort_by(|x, y| y.1.value.total_cmp(&x.1.value).then(x.0.cmp(&y.0)));
    let amounts: Vec<AmountRow> = amounts
        .into_iter()
        .take(opts.amounts)
        .map(|(_, a)| a)
        .collect();

    let quotes = dyad_quotes(conn, &a, &b, opts.quotes)?;

    Ok(Relation {
        events,
        a_to_b,
        b_to_a: events - a_to_b,
        cooperation,
        conflict: events - cooperation,
        goldstein_mean,
        articles,
        tone_mean,
        months,
        quotes,
        amounts,
        evidence,
        a,
        b,
    })
}

/// Quotations whose speaker belongs to one side and that name the other.
fn dyad_quotes(conn: &Connection, a: &Side, b: &Side, limit: usize) -> Result<Vec<QuoteRow>> {
    let mut parts = Vec::new();
    let mut args: Vec<String> = Vec::new();
    for (from, to) in [(a, b), (b, a)] {
        for s in &from.codes {
            for t in &to.codes {
                let col = |c: &str, side: &str| {
                    format!("{side}_{}", if c.len() == 3 { "actor" } else { "code" })
                };
                args.push(s.clone());
                let i = args.len();
                args.push(t.clone());
                let j = args.len();
                parts.push(format!(
                    "SELECT quote, other_code, published FROM quote_dyads
                     WHERE {} = ?{i} AND {} = ?{j}",
                    col(s, "speaker"),
                    col(t, "other")
                ));
            }
        }
    }
    let sql = format!(
        "WITH d AS ({}),
         top AS (SELECT quote, min(other_code) AS about, max(published) AS published FROM d
                 GROUP BY quote ORDER BY published DESC, quote LIMIT {limit})
         SELECT a.id, a.title, a.published, q.speaker_name, q.speaker_code, top.about, q.text
         FROM top JOIN quotes q ON q.rowid = top.quote JOIN articles a ON a.rowid = q.article
         ORDER BY top.published DESC, top.quote",
        parts.join(" UNION ALL ")
    );
    let rows = conn
        .prepare(&sql)?
        .query_map(params_from_iter(args.iter()), |r| {
            Ok(QuoteRow {
                article: r.get(0)?,
                title: r.get(1)?,
                published: r.get(2)?,
                speaker: r.get(3)?,
                speaker_code: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                about: r.get(5)?,
                quote: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
