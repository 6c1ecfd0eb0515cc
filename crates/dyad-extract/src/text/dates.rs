//! Publication dates as pages print them (`Published: October 15, 2024 10:32 AM`,
//! `Updated 15 Oct 2024, 14:05 GMT`, `2024-10-15T10:32:00Z`, `Tuesday 15/10/2024`), read
//! into ISO 8601.

/// Labels that introduce a publication or update date.
pub const DATE_LABELS: &[&str] = &[
    "published on",
    "published",
    "first published on",
    "first published",
    "last updated on",
    "last updated",
    "last modified",
    "updated on",
    "updated",
    "posted on",
    "posted",
    "date",
    "dated",
    "issued on",
    "issued",
    "released on",
    "released",
    "modified",
    "aired on",
    "aired",
    "broadcast on",
];

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("sept", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// Words that may sit beside a date without making the line anything else.
const FILLER: &[&str] = &["at", "on", "the", "of", "|", "-", "–", "—", "·", "•", ","];

/// A date (and maybe a time) read from a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// ISO 8601: `2024-10-15`, `2024-10-15T10:32` or `2024-10-15T10:32Z`.
    pub iso: String,
    /// How many words of the input were not part of the date, its label or filler.
    pub leftover: usize,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(u32, usize),
    Month(u32),
    Word(String),
    /// Hour, minute, and `Some(true)` for p.m., `Some(false)` for a.m. written onto it.
    Time(u32, u32, Option<bool>),
    Iso(String),
}

fn tokens(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    for raw in s.split(|c: char| c.is_whitespace() || c == ',' || c == '|') {
        let w = raw.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ';' | '"'));
        if w.is_empty() {
            continue;
        }
        out.extend(classify(w));
    }
    out
}

fn classify(w: &str) -> Vec<Tok> {
    let lower = w.to_lowercase();
    let bare = lower.trim_end_matches(['.', ':']);
    if let Some(iso) = iso_date(bare) {
        return vec![Tok::Iso(iso)];
    }
    if let Some((h, m)) = clock(bare) {
        let meridiem = if bare.ends_with("pm") || bare.ends_with("p.m") {
            Some(true)
        } else if bare.ends_with("am") || bare.ends_with("a.m") {
            Some(false)
        } else {
            None
        };
        return vec![Tok::Time(h, m, meridiem)];
    }
    if let Some(ymd) = slashed(bare) {
        return vec![Tok::Iso(ymd)];
    }
    if let Some(n) = ordinal(bare) {
        return vec![Tok::Num(n, bare.len())];
    }
    if let Some(&(_, m)) = MONTHS.iter().find(|(name, _)| *name == bare) {
        return vec![Tok::Month(m)];
    }
    vec![Tok::Word(lower)]
}

/// `15`, `15th`, `2024`.
fn ordinal(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if digits.len() != w.len() && !matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok()
}

/// `10:32`, `10:32:05`, `10.32am` is not accepted (ambiguous with decimals).
fn clock(w: &str) -> Option<(u32, u32)> {
    let w = w
        .trim_end_matches("am")
        .trim_end_matches("pm")
        .trim_end_matches("a.m")
        .trim_end_matches("p.m");
    let mut parts = w.split(':');
    let h: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.get(..2)?.parse().ok()?;
    (h < 24 && m < 60).then_some((h, m))
}

/// `2024-10-15`, `2024-10-15T10:32:00Z` and the like (kept as written, validated).
fn iso_date(w: &str) -> Option<String> {
    let b = w.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i32 = w.get(0..4)?.parse().ok()?;
    let m: u32 = w.get(5..7)?.parse().ok()?;
    let d: u32 = w.get(8..10)?.parse().ok()?;
    if !valid(y, m, d) {
        return None;
    }
    let rest = &w[10..];
    if rest.is_empty() {
        return Some(format!("{y:04}-{m:02}-{d:02}"));
    }
    let time = rest.strip_prefix('t')?;
    let (h, mi) = clock(time)?;
    let zone = if time.ends_with('z') { "Z" } else { "" };
    Some(format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}{zone}"))
}

/// `15/10/2024`, `10/15/2024`, `15.10.2024`: day first unless that cannot be.
fn slashed(w: &str) -> Option<String> {
    let parts: Vec<&str> = w.split(['/', '.']).collect();
    if parts.len() != 3 || parts[2].len() != 4 {
        return None;
    }
    let a: u32 = parts[0].parse().ok()?;
    let b: u32 = parts[1].parse().ok()?;
    let y: i32 = parts[2].parse().ok()?;
    let (d, m) = if a > 12 || b <= 12 { (a, b) } else { (b, a) };
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return false,
    };
    (1000..=2999).contains(&y) && (1..=days).contains(&d)
}

/// Strips a date label (`Published:`, `Updated on`) from the start of `line`.
pub fn strip_label(line: &str) -> Option<&str> {
    let lower = line.trim_start().to_lowercase();
    let offset = line.len() - line.trim_start().len();
    DATE_LABELS.iter().find_map(|label| {
        let rest = lower.strip_prefix(label)?;
        if rest.chars().next().is_some_and(|c| c.is_alphanumeric()) {
            return None;
        }
        line.get(offset + label.len()..)
            .map(|r| r.trim_start_matches([':', ' ', '-', '–', '—']))
    })
}

/// Reads the first full date (day, month and year) in `s`, with a following time of day if
/// any, and counts the words left over.
pub fn find(s: &str) -> Option<Found> {
    if s.len() > 400 {
        return None;
    }
    let toks = tokens(s);
    let mut date: Option<(i32, u32, u32)> = None;
    let mut iso: Option<String> = None;
    let mut time: Option<(u32, u32)> = None;
    let mut pm = false;
    let mut am = false;
    let mut utc = false;
    let mut used = vec![false; toks.len()];
    let mut i = 0;
    while i < toks.len() {
        // Later dates on the line (an update stamp beside the publication date) are
        // consumed but do not replace the first.
        let first = date.is_none() && iso.is_none();
        match (&toks[i], toks.get(i + 1), toks.get(i + 2)) {
            (Tok::Iso(s), _, _) => {
                if first {
                    iso = Some(s.clone());
                }
                used[i] = true;
            }
            (Tok::Month(m), Some(Tok::Num(d, _)), Some(Tok::Num(y, 4)))
            | (Tok::Num(d, _), Some(Tok::Month(m)), Some(Tok::Num(y, 4)))
                if *d <= 31 =>
            {
                if first {
                    date = Some((*y as i32, *m, *d));
                }
                used[i..i + 3].fill(true);
                i += 2;
            }
            _ => {}
        }
        if time.is_none() && !used[i] {
            if let Tok::Time(h, m, meridiem) = toks[i] {
                time = Some((h, m));
                pm |= meridiem == Some(true);
                am |= meridiem == Some(false);
                used[i] = true;
            }
        }
        if let Tok::Word(w) = &toks[i] {
            match w.as_str() {
                "pm" | "p.m." | "p.m" => pm = time.is_some(),
                "am" | "a.m." | "a.m" => am = time.is_some(),
                "gmt" | "utc" | "z" => utc = true,
                _ => {}
            }
        }
        i += 1;
    }
    let mut out = match (date, iso) {
        (_, Some(iso)) => iso,
        (Some((y, m, d)), None) if valid(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
        _ => return None,
    };
    if let (Some((mut h, mi)), false) = (time, out.contains('T')) {
        if pm && h < 12 {
            h += 12;
        } else if am && h == 12 {
            h = 0;
        }
        out.push_str(&format!("T{h:02}:{mi:02}"));
        if utc {
            out.push('Z');
        }
    }
    let leftover = toks
        .iter()
        .zip(&used)
        .filter(|(t, u)| !**u && !ignorable(t))
        .count();
    Some(Found { iso: out, leftover })
}

fn ignorable(t: &Tok) -> bool {
    match t {
        Tok::Time(..) => true,
        Tok::Word(w) => {
            let w = w.trim_end_matches(['.', ':']);
            WEEKDAYS.contains(&w)
                || FILLER.contains(&w)
                || matches!(
                    w,
                    "am" | "pm"
                        | "a.m"
                        | "p.m"
                        | "gmt"
                        | "utc"
                        | "z"
                        | "et"
                        | "est"
                        | "edt"
                        | "pt"
                        | "pst"
                        | "pdt"
                        | "ct"
                        | "cst"
                        | "cdt"
                        | "bst"
                        | "cet"
                        | "cest"
                        | "ist"
                        | "jst"
                        | "aest"
                        | "local"
                        | "time"
                )
                || DATE_LABELS.contains(&w)
        }
        _ => false,
    }
}

/// The ISO date of a line that is nothing but a date (with a label, weekday, time and zone
/// allowed).
pub fn date_line(line: &str) -> Option<String> {
    let body = strip_label(line).unwrap_or(line);
    let found = find(body)?;
    (found.leftover == 0).then_some(found.iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_page_dates() {
        assert_eq!(
            date_line("Published: October 15, 2024 10:32 AM").as_deref(),
            Some("2024-10-15T10:32")
        );
        assert_eq!(
            date_line("Updated 15 Oct 2024, 2:05 pm GMT").as_deref(),
            Some("2024-10-15T14:05Z")
        );
        assert_eq!(
            date_line("2024-10-15T10:32:00Z").as_deref(),
            Some("2024-10-15T10:32Z")
        );
        assert_eq!(
            date_line("Tuesday, 15/10/2024").as_deref(),
            Some("2024-10-15")
        );
        assert_eq!(date_line("Oct. 3rd, 2023").as_deref(), Some("2023-10-03"));
        assert_eq!(date_line("12/03/2024").as_deref(), Some("2024-03-12"));
        assert_eq!(
            date_line("Updated 3:15 PM EDT, March 8, 2023").as_deref(),
            Some("2023-03-08T15:15")
        );
        assert_eq!(
            date_line("Published: 14:20, 3 Jun 2024 | Updated: 16:45, 3 Jun 2024").as_deref(),
            Some("2024-06-03T14:20")
        );
    }

    #[test]
    fn prose_is_not_a_date_line() {
        assert_eq!(
            date_line("The talks resumed on October 15, 2024 in Geneva."),
            None
        );
        assert!(find("The talks resumed on October 15, 2024 in Geneva.").is_some());
        assert_eq!(date_line("February 30, 2024"), None);
        assert_eq!(date_line("Posted"), None);
        assert_eq!(date_line(""), None);
        assert_eq!(date_line("99:99 13/13/13"), None);
    }
}
