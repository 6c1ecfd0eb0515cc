//! Exports: GDELT 2.0 Events rows (tab-separated, GDELT's 61 columns in GDELT's order), the
//! stored records as JSON lines, and a CSV table of events.

use std::io::Write;

use serde::Serialize;

use crate::actors::day_of;
use crate::{Result, Store};

const GDELT_COLUMNS: &str = include_str!("../../../data/gdelt/events_columns.txt");

/// The names of GDELT 2.0 Events columns, in GDELT's order.
pub fn gdelt_columns() -> Vec<&'static str> {
    GDELT_COLUMNS.lines().filter(|l| !l.is_empty()).collect()
}

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ExportFormat {
    /// One GDELT 2.0 Events row per event, tab-separated.
    GdeltEvents,
    /// The stored records, one JSON object per line.
    Jsonl,
    /// One CSV row per event, with a header.
    Csv,
}

/// Export choices.
#[derive(Debug, Clone, Copy)]
pub struct ExportOptions {
    pub format: ExportFormat,
    /// Write GDELT's column names as a first row (GDELT's own files have none).
    pub header: bool,
}

/// Writes the export to `out`; returns the number of rows (records for JSONL) written.
pub fn export(store: &Store, opts: ExportOptions, out: &mut dyn Write) -> Result<usize> {
    match opts.format {
        ExportFormat::Jsonl => jsonl(store, out),
        ExportFormat::GdeltEvents => gdelt(store, opts.header, out),
        ExportFormat::Csv => csv(store, out),
    }
}

fn jsonl(store: &Store, out: &mut dyn Write) -> Result<usize> {
    let mut st = store
        .connection()
        .prepare("SELECT record FROM articles ORDER BY rowid")?;
    let mut rows = st.query([])?;
    let mut n = 0;
    while let Some(r) = rows.next()? {
        let rec: String = r.get(0)?;
        writeln!(out, "{rec}")?;
        n += 1;
    }
    Ok(n)
}

/// One event with what its export rows need.
struct EventRow {
    id: i64,
    article: String,
    eid: String,
    date: Option<String>,
    published: Option<String>,
    added: String,
    source: Option<String>,
    source_name: Option<String>,
    source_country: Option<String>,
    target: Option<String>,
    target_name: Option<String>,
    target_country: Option<String>,
    is_root: bool,
    cameo: String,
    quad: i64,
    goldstein: f64,
    plover: Option<String>,
    mentions: i64,
    sources: i64,
    tone: Option<f64>,
    url: String,
    negated: bool,
    hypothetical: bool,
    confidence: f64,
    evidence: String,
    title: Option<String>,
}

fn for_each_event(store: &Store, mut f: impl FnMut(EventRow) -> Result<()>) -> Result<()> {
    let mut st = store.connection().prepare(
        "SELECT e.rowid, a.id, e.eid, e.date, a.published, a.added, e.source, e.source_name,
                e.source_country, e.target, e.target_name, e.target_country, e.is_root, e.cameo,
                e.quad, e.goldstein, e.plover, s.n, s.sources, s.tone,
                coalesce(a.url, a.path, ''), e.negated, e.hypothetical, e.confidence, e.evidence,
                a.title
         FROM events e JOIN articles a ON a.rowid = e.article
         JOIN (SELECT story, count(*) AS n, count(DISTINCT coalesce(site, url, path, id)) AS sources,
                      avg(tone) AS tone
               FROM articles GROUP BY story) s ON s.story = a.story
         ORDER BY e.rowid",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        f(EventRow {
            id: r.get(0)?,
            article: r.get(1)?,
            eid: r.get(2)?,
            date: r.get(3)?,
            published: r.get(4)?,
            added: r.get(5)?,
            source: r.get(6)?,
            source_name: r.get(7)?,
            source_country: r.get(8)?,
            target: r.get(9)?,
            target_name: r.get(10)?,
            target_country: r.get(11)?,
            is_root: r.get(12)?,
            cameo: r.get(13)?,
            quad: r.get(14)?,
            goldstein: r.get(15)?,
            plover: r.get(16)?,
            mentions: r.get(17)?,
            sources: r.get(18)?,
            tone: r.get(19)?,
            url: r.get(20)?,
            negated: r.get(21)?,
            hypothetical: r.get(22)?,
            confidence: r.get(23)?,
            evidence: r.get(24)?,
            title: r.get(25)?,
        })?;
    }
    Ok(())
}

/// A field fit for a tab-separated file.
fn tsv(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// Day of the year (1-based) of a `YYYY-MM-DD` date.
fn day_of_year(y: i64, m: i64, d: i64) -> i64 {
    const BEFORE: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    BEFORE[(m.clamp(1, 12) - 1) as usize] + d + i64::from(leap && m > 2)
}

/// The four GDELT date columns (SQLDATE, MonthYear, Year, FractionDate) of a `YYYY-MM-DD` date.
fn gdelt_dates(day: &str) -> [String; 4] {
    let num = |r: std::ops::Range<usize>| day.get(r).and_then(|s| s.parse::<i64>().ok());
    match (num(0..4), num(5..7), num(8..10)) {
        (Some(y), Some(m), Some(d)) => {
            let fraction = y as f64 + day_of_year(y, m, d) as f64 / 365.0;
            [
                format!("{y:04}{m:02}{d:02}"),
                format!("{y:04}{m:02}"),
                format!("{y:04}"),
                format!("{fraction:.4}"),
            ]
        }
        _ => Default::default(),
    }
}

/// The three role codes after the actor's first three letters.
fn type_codes(code: Option<&str>) -> [String; 3] {
    let code = code.unwrap_or("");
    std::array::from_fn(|i| code.get(3 + 3 * i..6 + 3 * i).unwrap_or("").to_string())
}

fn gdelt(store: &Store, header: bool, out: &mut dyn Write) -> Result<usize> {
    let columns = gdelt_columns();
    if header {
        writeln!(out, "{}", columns.join("\t"))?;
    }
    let mut n = 0;
    for_each_event(store, |e| {
        let day = e
            .date
            .as_deref()
            .and_then(day_of)
            .or_else(|| e.published.as_deref().and_then(day_of))
            .or_else(|| day_of(&e.added))
            .unwrap_or("");
        let dates = gdelt_dates(day);
        let mut row: Vec<String> = Vec::with_capacity(columns.len());
        row.push(e.id.to_string());
        row.extend(dates);
        for (code, name, country) in [
            (&e.source, &e.source_name, &e.source_country),
            (&e.target, &e.target_name, &e.target_country),
        ] {
            row.push(code.clone().unwrap_or_default());
            row.push(name.as_deref().map(str::to_uppercase).unwrap_or_default());
            row.push(country.clone().unwrap_or_default());
            // Known group, ethnic and two religion codes: not coded by dyad.
            row.extend(std::iter::repeat_n(String::new(), 4));
            row.extend(type_codes(code.as_deref()));
        }
        row.push(if e.is_root { "1" } else { "0" }.into());
        row.push(e.cameo.clone());
        row.push(e.cameo.chars().take(3).collect());
        row.push(e.cameo.chars().take(2).collect());
        row.push(e.quad.to_string());
        row.push(e.goldstein.to_string());
        row.push(e.mentions.to_string());
        row.push(e.sources.to_string());
        row.push(e.mentions.to_string());
        row.push(e.tone.map(|t| t.to_string()).unwrap_or_default());
        // Actor1, Actor2 and action geography: 8 columns each, not resolved by dyad.
        row.extend(std::iter::repeat_n(String::new(), 24));
        let added: String = e.added.chars().filter(char::is_ascii_digit).collect();
        row.push(added);
        row.push(e.url.clone());
        debug_assert_eq!(row.len(), columns.len());
        let line: Vec<String> = row.iter().map(|f| tsv(f)).collect();
        writeln!(out, "{}", line.join("\t"))?;
        n += 1;
        Ok(())
    })?;
    Ok(n)
}

/// A CSV field, quoted when it needs to be.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv(store: &Store, out: &mut dyn Write) -> Result<usize> {
    writeln!(
        out,
        "event_id,article,event,date,source,source_name,target,target_name,cameo,root,quad,\
         goldstein,plover,negated,hypothetical,confidence,mentions,tone,title,url,evidence"
    )?;
    let mut n = 0;
    for_each_event(store, |e| {
        let opt = |s: &Option<String>| s.clone().unwrap_or_default();
        let fields = [
            e.id.to_string(),
            e.article,
            e.eid,
            opt(&e.date),
            opt(&e.source),
            opt(&e.source_name),
            opt(&e.target),
            opt(&e.target_name),
            e.cameo.clone(),
            e.cameo.chars().take(2).collect(),
            e.quad.to_string(),
            e.goldstein.to_string(),
            opt(&e.plover),
            e.negated.to_string(),
            e.hypothetical.to_string(),
            e.confidence.to_string(),
            e.mentions.to_string(),
            e.tone.map(|t| t.to_string()).unwrap_or_default(),
            opt(&e.title),
            e.url,
            e.evidence,
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        writeln!(out, "{}", line.join(","))?;
        n += 1;
        Ok(())
    })?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gdelt_has_61_columns_in_order() {
        let c = gdelt_columns();
        assert_eq!(c.len(), 61);
        assert_eq!(c[0], "GLOBALEVENTID");
        assert_eq!(c[26], "EventCode");
        assert_eq!(c[60], "SOURCEURL");
    }

    #[test]
    fn dates_and_fields() {
        assert_eq!(
            gdelt_dates("2024-10-15"),
            ["20241015", "202410", "2024", "2024.7918"].map(String::from)
        );
        assert_eq!(gdelt_dates(""), <[String; 4]>::default());
        assert_eq!(
            type_codes(Some("ISRGOVMIL")),
            ["GOV", "MIL", ""].map(String::from)
        );
        assert_eq!(csv_field("a,\"b\""), "\"a,\"\"b\"\"\"");
        assert_eq!(tsv("a\tb\nc"), "a b c");
    }
}
