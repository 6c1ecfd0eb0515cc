//! Small helpers on actor codes and dates shared by ingest and the queries.

/// The actor a CAMEO code belongs to at the top level: its first three letters (a country or a
/// group), upper-cased; `None` for codes shorter than three letters.
pub(crate) fn actor_of(code: &str) -> Option<String> {
    let head: String = code.chars().take(3).collect();
    (head.chars().count() == 3 && head.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| head.to_ascii_uppercase())
}

/// Whether `s` looks like a CAMEO actor code (upper-case letters, a multiple of three).
pub(crate) fn looks_like_code(s: &str) -> bool {
    !s.is_empty() && s.len().is_multiple_of(3) && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// `YYYY-MM` of an ISO date that has at least a month.
pub(crate) fn month_of(date: &str) -> Option<String> {
    let b = date.as_bytes();
    (b.len() >= 7
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit))
    .then(|| date[..7].to_string())
}

/// `YYYY-MM-DD` of an ISO date (or date-time) that has a day.
pub(crate) fn day_of(date: &str) -> Option<&str> {
    let b = date.as_bytes();
    (month_of(date).is_some()
        && b.len() >= 10
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit))
    .then(|| &date[..10])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_dates() {
        assert_eq!(actor_of("ISRGOV").as_deref(), Some("ISR"));
        assert_eq!(actor_of("IS"), None);
        assert!(looks_like_code("ISRGOV"));
        assert!(!looks_like_code("Israel"));
        assert_eq!(month_of("2024-10-15").as_deref(), Some("2024-10"));
        assert_eq!(month_of("1991"), None);
        assert_eq!(day_of("2024-10-15T08:00:00Z"), Some("2024-10-15"));
        assert_eq!(day_of("2024-10"), None);
    }
}
