//! Normalising stated publication dates to ISO 8601. A value that does not read as a date
//! yields `None`: a date is never guessed.

use std::sync::LazyLock;

use regex::Regex;

// Digits are written `[0-9]`, not `\d`: the numbers are read with `str::parse`, which takes
// ASCII digits only, and Unicode's `\d` multiplies the patterns' compile time (some 8M
// instructions of every process).
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?:[T ]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?\s*(Z|[+-][0-9]{2}:?[0-9]{2}|UTC|GMT)?)?",
    )
    .expect("static regex")
});

static COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9]{4})([0-9]{2})([0-9]{2})(?:$|[T ]?[0-9]{2})").expect("static regex")
});

static WORDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[\s,])(?:([0-9]{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+([0-9]{4})|([a-z]{3,9})\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+([0-9]{4}))",
    )
    .expect("static regex")
});

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month(name: &str) -> Option<u32> {
    let l = name.to_ascii_lowercase();
    if l.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| l.starts_with(m))
        .map(|i| i as u32 + 1)
}

/// True for an English month name or its abbreviation (lower case).
pub fn is_month(word: &str) -> bool {
    word.len() >= 3 && month(word).is_some() && MONTH_NAMES.iter().any(|m| m.starts_with(word))
}

const MONTH_NAMES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "sept",
    "october",
    "november",
    "december",
];

fn valid(y: u32, m: u32, d: u32) -> bool {
    (1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// Normalises a stated date: `2019-11-19T05:00:00Z` stays as is (a space before the time
/// becomes `T`), `20191119` → `2019-11-19`, `Tue, 19 Nov 2019 10:00:00 GMT` and
/// `November 19, 2019` → `2019-11-19`.
pub fn normalize(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    if let Some(c) = ISO.captures(s) {
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let (y, m, d) = (num(1)?, num(2)?, num(3)?);
        if !valid(y, m, d) {
            return None;
        }
        let mut out = format!("{y:04}-{m:02}-{d:02}");
        if let (Some(h), Some(min)) = (num(4), num(5)) {
            if h > 23 || min > 59 {
                return Some(out);
            }
            out.push_str(&format!("T{h:02}:{min:02}:{:02}", num(6).unwrap_or(0)));
            if let Some(z) = c.get(7) {
                let z = z.as_str();
                match z {
                    "Z" | "UTC" | "GMT" => out.push('Z'),
                    _ if z.len() == 5 => out.push_str(&format!("{}:{}", &z[..3], &z[3..])),
                    _ => out.push_str(z),
                }
            }
        }
        return Some(out);
    }
    if let Some(c) = COMPACT.captures(s) {
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let (y, m, d) = (num(1)?, num(2)?, num(3)?);
        if valid(y, m, d) {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
        return None;
    }
    if let Some(c) = WORDY.captures(s) {
        let (d, m, y) = if let Some(d) = c.get(1) {
            (d.as_str(), c.get(2)?.as_str(), c.get(3)?.as_str())
        } else {
            (c.get(5)?.as_str(), c.get(4)?.as_str(), c.get(6)?.as_str())
        };
        let (d, m, y) = (d.parse().ok()?, month(m)?, y.parse().ok()?);
        if valid(y, m, d) {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn forms() {
        assert_eq!(
            normalize("2019-11-19T05:00:00.000Z").as_deref(),
            Some("2019-11-19T05:00:00Z")
        );
        assert_eq!(
            normalize("2019-11-19 05:00:00 +0100").as_deref(),
            Some("2019-11-19T05:00:00+01:00")
        );
        assert_eq!(normalize("2019-11-19").as_deref(), Some("2019-11-19"));
        assert_eq!(normalize("20191119").as_deref(), Some("2019-11-19"));
        assert_eq!(
            normalize("Tue, 19 Nov 2019 10:00:00 GMT").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            normalize("November 19, 2019").as_deref(),
            Some("2019-11-19")
        );
    }

    #[test]
    fn non_dates_are_none() {
        assert_eq!(normalize("yesterday"), None);
        assert_eq!(normalize("2019-13-40"), None);
        assert_eq!(normalize(""), None);
        assert_eq!(normalize("12345678901"), None);
        // Digits of other scripts are not read as numbers.
        assert_eq!(normalize("٢٠١٩-١١-١٩"), None);
    }
}
