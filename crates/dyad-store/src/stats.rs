//! Counts of what the store holds.

use serde::Serialize;

use crate::{Result, Store};

/// How much the store holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Stored articles, near-duplicates included.
    pub articles: i64,
    /// Distinct stories (articles that are not near-duplicates of another).
    pub stories: i64,
    /// Articles stored as near-duplicates of a story.
    pub duplicates: i64,
    pub entities: i64,
    pub quotes: i64,
    pub events: i64,
    pub amounts: i64,
    /// Items that could not be read or analysed.
    pub failed: i64,
}

/// The counts of the store.
pub fn stats(store: &Store) -> Result<Stats> {
    let conn = store.connection();
    let count = |sql: &str| -> Result<i64> { Ok(conn.query_row(sql, [], |r| r.get(0))?) };
    let articles = count("SELECT count(*) FROM articles")?;
    let duplicates = count("SELECT count(*) FROM articles WHERE duplicate = 1")?;
    Ok(Stats {
        articles,
        stories: articles - duplicates,
        duplicates,
        entities: count("SELECT count(*) FROM entities")?,
        quotes: count("SELECT count(*) FROM quotes")?,
        events: count("SELECT count(*) FROM events")?,
        amounts: count("SELECT count(*) FROM amounts")?,
        failed: count("SELECT count(*) FROM failures")?,
    })
}

/// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ`.
pub(crate) fn now_iso() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    iso_of_unix(secs)
}

/// `YYYY-MM-DDTHH:MM:SSZ` of a Unix time (proleptic Gregorian calendar).
pub(crate) fn iso_of_unix(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil-from-days over 400-year eras.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_times_format() {
        assert_eq!(iso_of_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_of_unix(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso_of_unix(1_729_000_000), "2024-10-15T13:46:40Z");
    }
}
