//! Dates mentioned in the text, normalised to ISO 8601 forms: `1991`, `2019-10`,
//! `2019-10-12`, and ISO weeks `2024-W41` for relative weeks.
//!
//! Absolute dates (`October 12, 2019`, `12 October 2019`, `Oct. 12, 2019`, `October 2019`,
//! `2019-10-12`, `in 1991`) are read everywhere. Relative ones (`yesterday`, `on Tuesday`,
//! `last week`, `two days ago`, `next year`, `in October`, `October 12`) need an anchor, the
//! article's publication date: without one they are left out, since a date that cannot be
//! placed on the calendar would mislead the series built from records. Numbers that are
//! amounts are never read as dates.

use crate::lexicon::{MONTHS, WEEKDAYS};
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use dyad_doc::{Amount, DateMention, Span};

use crate::words::{finder, has_digit, mentions_any, Item, Kind, SentenceItems};

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Day {
    /// The day, when it exists on the calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Day { year, month, day })
    }

    /// Reads the date at the start of an ISO 8601 date or date-time (`2024-10-15`,
    /// `2024-10-15T08:00:00Z`).
    pub fn parse_iso(s: &str) -> Option<Day> {
        let s = s.trim();
        let y = s.get(0..4)?.parse().ok()?;
        if s.get(4..5)? != "-" || s.get(7..8)? != "-" {
            return None;
        }
        let m = s.get(5..7)?.parse().ok()?;
        let d = s.get(8..10)?.parse().ok()?;
        if s.get(10..11)
            .is_some_and(|c| c.chars().all(|c| c.is_ascii_digit()))
        {
            return None;
        }
        Day::new(y, m, d)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Day {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Day { year, month, day }
    }

    /// Day of the week, Monday = 0 … Sunday = 6.
    pub fn weekday(self) -> u32 {
        (self.days() + 3).rem_euclid(7) as u32
    }

    /// This day moved by `n` days.
    pub fn plus_days(self, n: i64) -> Day {
        Day::from_days(self.days() + n)
    }

    /// The ISO week this day falls in: `2024-W41`.
    pub fn iso_week(self) -> String {
        let thursday = self.plus_days(3 - i64::from(self.weekday()));
        let jan1 = Day {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.days() - jan1.days()) / 7 + 1;
        format!("{}-W{week:02}", thursday.year)
    }

    fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Month number of a month name or abbreviation (any case).
fn month(word: &str) -> Option<u32> {
    if word.len() > 9 {
        return None;
    }
    let w = word.to_ascii_lowercase();
    if let Some(i) = MONTHS.iter().position(|n| *n == w) {
        return Some(i as u32 + 1);
    }
    if w == "sept" {
        return Some(9);
    }
    (w.len() == 3 && w != "may")
        .then(|| MONTHS.iter().position(|n| n.starts_with(&w)))
        .flatten()
        .map(|i| i as u32 + 1)
}

/// Weekday number (Monday = 0) of a weekday name.
fn weekday(word: &str) -> Option<u32> {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
    .iter()
    .position(|d| *d == word)
    .map(|i| i as u32)
}

fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// A year written as four digits, 1000–2199.
fn year(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
        .filter(|y| (1000..2200).contains(y))
}

/// A day of the month, `12` or `12th`.
fn day_number(s: &str) -> Option<u32> {
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &s[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// Small counts written as words or digits (`two`, `3`).
fn small_count(s: &str) -> Option<i64> {
    let w = s.to_lowercase();
    let words = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    if let Some(i) = words.iter().position(|x| *x == w) {
        return Some(i as i64 + 1);
    }
    if w == "a" || w == "an" {
        return Some(1);
    }
    w.parse().ok().filter(|n| (1..=1000).contains(n))
}

struct Reader<'a> {
    text: &'a str,
    items: &'a [Item],
    anchor: Option<Day>,
}

impl Reader<'_> {
    fn s(&self, k: usize) -> &str {
        self.items.get(k).map_or("", |it| it.of(self.text))
    }
    fn lower(&self, k: usize) -> String {
        self.s(k).to_lowercase()
    }
    fn kind(&self, k: usize) -> Option<Kind> {
        self.items.get(k).map(|it| it.kind)
    }
    fn glued(&self, a: usize) -> bool {
        matches!((self.items.get(a), self.items.get(a + 1)), (Some(x), Some(y)) if x.end == y.start)
    }
    /// A month name at `k` (a full name must be capitalised; an abbreviation may take a dot);
    /// returns the month and the index after it.
    fn month_at(&self, k: usize) -> Option<(u32, usize)> {
        if self.kind(k) != Some(Kind::Alpha) || !capitalised(self.s(k)) {
            return None;
        }
        let m = month(self.s(k))?;
        let abbreviated = self.s(k).chars().count() <= 4 && !matches!(m, 5..=7);
        let next = if abbreviated && self.s(k + 1) == "." && self.glued(k) {
            k + 2
        } else {
            k + 1
        };
        Some((m, next))
    }
    fn year_at(&self, k: usize) -> Option<i32> {
        (self.kind(k) == Some(Kind::Num))
            .then(|| year(self.s(k)))
            .flatten()
    }

    /// Reads a date at item `k`: value and the index after it.
    fn read(&self, k: usize) -> Option<(String, usize)> {
        match self.kind(k)? {
            Kind::Num => self
                .iso_date(k)
                .or_else(|| self.day_first(k))
                .or_else(|| self.relative(k))
                .or_else(|| self.bare_year(k)),
            Kind::Alpha => {
                // Every date word is short; most words are not worth a closer look.
                if self.s(k).len() > 9 {
                    return None;
                }
                self.month_first(k).or_else(|| self.relative(k))
            }
            Kind::Punct => None,
        }
    }

    /// `2019-10-12`.
    fn iso_date(&self, k: usize) -> Option<(String, usize)> {
        let y = self.year_at(k)?;
        if !(self.glued(k) && self.s(k + 1) == "-" && self.glued(k + 1) && self.glued(k + 2)) {
            return None;
        }
        if !(self.s(k + 3) == "-" && self.glued(k + 3)) {
            return None;
        }
        let (m, d) = (self.s(k + 2), self.s(k + 4));
        if m.len() != 2 || d.len() != 2 {
            return None;
        }
        let day = Day::new(y, m.parse().ok()?, d.parse().ok()?)?;
        Some((day.iso(), k + 5))
    }

    /// `October 12, 2019`, `Oct. 12 2019`, `October 2019`, `October 12` (anchored).
    fn month_first(&self, k: usize) -> Option<(String, usize)> {
        let (m, j) = self.month_at(k)?;
        if let Some(y) = self.year_at(j) {
            return Some((format!("{y:04}-{m:02}"), j + 1));
        }
        if self.kind(j) != Some(Kind::Num) {
            return self.month_alone(k, m, j);
        }
        let d = day_number(self.s(j))?;
        let mut n = j + 1;
        if self.s(n) == "," {
            n += 1;
        }
        if let Some(y) = self.year_at(n) {
            return Some((Day::new(y, m, d)?.iso(), n + 1));
        }
        let a = self.anchor?;
        Some((Day::new(a.year, m, d)?.iso(), j + 1))
    }

    /// `12 October 2019`, `12th of October 2019`, `12 October` (anchored).
    fn day_first(&self, k: usize) -> Option<(String, usize)> {
        if self.kind(k) != Some(Kind::Num) {
            return None;
        }
        let d = day_number(self.s(k))?;
        let mut j = k + 1;
        if self.lower(j) == "of" {
            j += 1;
        }
        let (m, n) = self.month_at(j)?;
        if let Some(y) = self.year_at(n) {
            return Some((Day::new(y, m, d)?.iso(), n + 1));
        }
        let a = self.anchor?;
        Some((Day::new(a.year, m, d)?.iso(), n))
    }

    /// `in October` (anchored): the latest such month not after the publication month.
    fn month_alone(&self, k: usize, m: u32, next: usize) -> Option<(String, usize)> {
        let a = self.anchor?;
        let prev = k.checked_sub(1).map(|p| self.lower(p))?;
        if !matches!(
            prev.as_str(),
            "in" | "since" | "during" | "until" | "by" | "early" | "late" | "mid" | "last" | "this"
        ) {
            return None;
        }
        let mut y = a.year;
        if prev == "last" || m > a.month {
            y -= 1;
        }
        if prev == "this" {
            y = a.year;
        }
        Some((format!("{y:04}-{m:02}"), next))
    }

    /// `in 1991`, `since 2014`, `the 2019 elections`.
    fn bare_year(&self, k: usize) -> Option<(String, usize)> {
        let y = self.year_at(k)?;
        // Glued to other digits or letters (phone numbers, codes): not a year.
        if k > 0 && self.glued(k - 1) && matches!(self.s(k - 1), ":" | "/" | "+" | "#" | "." | ",")
        {
            return None;
        }
        if self.glued(k) && matches!(self.s(k + 1), ":" | "/") {
            return None;
        }
        let after_digits = k >= 2 && self.kind(k - 2) == Some(Kind::Num) && self.glued(k - 2);
        if k > 0
            && self.glued(k - 1)
            && self.s(k - 1) == "-"
            && after_digits
            && self.year_at(k - 2).is_none()
        {
            return None;
        }
        if k > 0 && self.kind(k - 1) == Some(Kind::Alpha) && capitalised(self.s(k - 1)) && k - 1 > 0
        {
            let prev = self.lower(k - 1);
            if month(&prev).is_none() && !matches!(prev.as_str(), "in" | "since" | "by" | "until") {
                return None;
            }
        }
        Some((format!("{y:04}"), k + 1))
    }

    /// Relative dates against the anchor.
    fn relative(&self, k: usize) -> Option<(String, usize)> {
        let a = self.anchor?;
        if self.s(k).len() > 9 {
            return None;
        }
        let w = self.lower(k);
        if self.kind(k) != Some(Kind::Alpha) && self.kind(k) != Some(Kind::Num) {
            return None;
        }
        match w.as_str() {
            "yesterday" => return Some((a.plus_days(-1).iso(), k + 1)),
            "today" => return Some((a.iso(), k + 1)),
            "tomorrow" => return Some((a.plus_days(1).iso(), k + 1)),
            "last" | "next" | "this" | "past" | "coming" => {
                let dir: i64 = match w.as_str() {
                    "last" | "past" => -1,
                    "next" | "coming" => 1,
                    _ => 0,
                };
                let unit = self.s(k + 1);
                if let Some(wd) = weekday(unit) {
                    let day = shift_to_weekday(a, wd, dir);
                    return Some((day.iso(), k + 2));
                }
                let value = match unit.to_lowercase().as_str() {
                    "week" => a.plus_days(7 * dir).iso_week(),
                    "month" => {
                        let (y, m) = add_months(a.year, a.month, dir);
                        format!("{y:04}-{m:02}")
                    }
                    "year" => format!("{:04}", i64::from(a.year) + dir),
                    _ => return None,
                };
                return Some((value, k + 2));
            }
            _ => {}
        }
        if let Some(wd) = weekday(self.s(k)) {
            // `Sunday Times`, `Monday Night Football`: part of a name.
            if self.kind(k + 1) == Some(Kind::Alpha) && capitalised(self.s(k + 1)) {
                return None;
            }
            let before = k.checked_sub(1).map(|p| self.lower(p));
            if matches!(
                before.as_deref(),
                Some("last" | "next" | "this" | "past" | "coming")
            ) {
                return None;
            }
            return Some((shift_to_weekday(a, wd, 0).iso(), k + 1));
        }
        // `two days ago`, `three weeks ago`, `a year ago`.
        let n = small_count(self.s(k))?;
        let unit = self.lower(k + 1);
        if self.lower(k + 2) != "ago" {
            return None;
        }
        let value = match unit.trim_end_matches('s') {
            "day" => a.plus_days(-n).iso(),
            "week" => a.plus_days(-7 * n).iso_week(),
            "month" => {
                let (y, m) = add_months(a.year, a.month, -n);
                format!("{y:04}-{m:02}")
            }
            "year" => format!("{:04}", i64::from(a.year) - n),
            _ => return None,
        };
        Some((value, k + 3))
    }
}

/// The weekday `wd` nearest the anchor in direction `dir`: −1 the previous one (1–7 days
/// back), +1 the next one (1–7 days ahead), 0 the latest on or before the anchor (news
/// speaks of the past week).
fn shift_to_weekday(a: Day, wd: u32, dir: i64) -> Day {
    let cur = i64::from(a.weekday());
    let wd = i64::from(wd);
    match dir {
        1 => a.plus_days((wd - cur - 1).rem_euclid(7) + 1),
        -1 => a.plus_days(-((cur - wd - 1).rem_euclid(7) + 1)),
        _ => a.plus_days(-(cur - wd).rem_euclid(7)),
    }
}

fn add_months(year: i32, month: u32, n: i64) -> (i64, u32) {
    let total = i64::from(year) * 12 + i64::from(month) - 1 + n;
    (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32)
}

/// Every date in the text, in text order. `amounts` are the text's amounts (their numbers are
/// never dates); `published` is the article's publication date (ISO 8601), the anchor of
/// relative dates. Spans are byte offsets.
pub fn dates(
    text: &str,
    sentences: &[Span],
    amounts: &[Amount],
    published: Option<&str>,
) -> Vec<DateMention> {
    dates_in(&mut SentenceItems::new(text, sentences), amounts, published)
}

/// [`dates`] over sentences lexed once for every reader of them.
pub(crate) fn dates_in(
    lexed: &mut SentenceItems,
    amounts: &[Amount],
    published: Option<&str>,
) -> Vec<DateMention> {
    let (text, sentences) = (lexed.text, lexed.sentences);
    let anchor = published.and_then(Day::parse_iso);
    let mut sorted: Vec<(usize, usize)> = amounts.iter().map(|a| (a.start, a.end)).collect();
    sorted.sort_unstable();
    let in_amount = |s: usize, e: usize| {
        let i = sorted.partition_point(|&(_, ae)| ae <= s);
        sorted.get(i).is_some_and(|&(as_, _)| as_ < e)
    };
    static DATE_WORDS: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    let date_words = DATE_WORDS.get_or_init(|| {
        let words: Vec<&str> = [
            "yesterday",
            "today",
            "tomorrow",
            "ago",
            "week",
            "month",
            "year",
        ]
        .into_iter()
        .chain(WEEKDAYS)
        .chain(MONTHS)
        .collect();
        finder(&words)
    });
    let mut out = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        // Absolute dates all hold a digit; relative ones need the anchor and a date word.
        let sentence = text.get(s.start..s.end).unwrap_or("");
        if !has_digit(sentence) && (anchor.is_none() || !mentions_any(date_words, sentence)) {
            continue;
        }
        let r = Reader {
            text,
            items: lexed.get(si),
            anchor,
        };
        let mut k = 0;
        while k < r.items.len() {
            if let Some((value, next)) = r.read(k) {
                let next = next.min(r.items.len()).max(k + 1);
                let (start, end) = (r.items[k].start, r.items[next - 1].end);
                if !in_amount(start, end) {
                    out.push(DateMention {
                        value,
                        text: text[start..end].to_string(),
                        start,
                        end,
                        within: None,
                    });
                    k = next;
                    continue;
                }
            }
            k += 1;
        }
    }
    out
}

/// The amounts ([`crate::amounts`]) and the dates ([`dates`]) of a text, its sentences lexed
/// once for both.
pub fn amounts_and_dates(
    text: &str,
    sentences: &[Span],
    published: Option<&str>,
) -> (Vec<Amount>, Vec<DateMention>) {
    let mut lexed = SentenceItems::new(text, sentences);
    let amounts = crate::amounts::amounts_in(&mut lexed);
    let dates = dates_in(&mut lexed, &amounts, published);
    (amounts, dates)
}

#[cfg(test)]
mod tests;
