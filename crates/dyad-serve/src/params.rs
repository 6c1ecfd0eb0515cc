//! Query parameters: decoded strictly and validated one by one, each error naming the
//! parameter. Unknown and repeated parameters are refused, so a misspelt name is never ignored.

use std::ops::RangeInclusive;

use percent_encoding::percent_decode;

use crate::error::ApiError;

/// The decoded parameters of one request.
#[derive(Debug, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Decodes `query` (`application/x-www-form-urlencoded`), accepting only the names in
    /// `allowed`, each at most once.
    pub fn parse(query: Option<&str>, allowed: &[&str]) -> Result<Params, ApiError> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for part in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (name, value) = part.split_once('=').unwrap_or((part, ""));
            let name = decode(name).map_err(|()| {
                ApiError::bad_request("a parameter name is not valid percent-encoded UTF-8")
            })?;
            let value = decode(value).map_err(|()| {
                ApiError::bad_request(format!("parameter {name}: not valid percent-encoded UTF-8"))
            })?;
            if !allowed.contains(&name.as_str()) {
                let known = if allowed.is_empty() {
                    "this path takes no parameters".to_string()
                } else {
                    format!("known: {}", allowed.join(", "))
                };
                return Err(ApiError::bad_request(format!(
                    "unknown parameter {name:?} ({known})"
                )));
            }
            if pairs.iter().any(|(n, _)| *n == name) {
                return Err(ApiError::bad_request(format!(
                    "parameter {name}: given more than once"
                )));
            }
            pairs.push((name, value));
        }
        Ok(Params { pairs })
    }

    fn raw(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// A text parameter, trimmed; absent or blank is `None`. At most `max_chars` characters.
    pub fn text(&self, name: &str, max_chars: usize) -> Result<Option<&str>, ApiError> {
        let Some(v) = self.raw(name).map(str::trim).filter(|v| !v.is_empty()) else {
            return Ok(None);
        };
        if v.chars().count() > max_chars {
            return Err(ApiError::bad_request(format!(
                "parameter {name}: longer than {max_chars} characters"
            )));
        }
        Ok(Some(v))
    }

    /// A text parameter that must be given.
    pub fn required(&self, name: &str, max_chars: usize) -> Result<&str, ApiError> {
        self.text(name, max_chars)?
            .ok_or_else(|| ApiError::bad_request(format!("parameter {name}: required")))
    }

    /// An integer parameter in `range`, `default` when absent.
    pub fn int(
        &self,
        name: &str,
        range: RangeInclusive<i64>,
        default: i64,
    ) -> Result<i64, ApiError> {
        let Some(v) = self.raw(name) else {
            return Ok(default);
        };
        let out_of_range = || {
            ApiError::bad_request(format!(
                "parameter {name}: must be an integer from {} to {}",
                range.start(),
                range.end()
            ))
        };
        let n: i64 = v.trim().parse().map_err(|_| out_of_range())?;
        if range.contains(&n) {
            Ok(n)
        } else {
            Err(out_of_range())
        }
    }

    /// A date parameter, `YYYY-MM-DD` naming a real day.
    pub fn date(&self, name: &str) -> Result<Option<&str>, ApiError> {
        let Some(v) = self.text(name, 10)? else {
            return Ok(None);
        };
        if is_date(v) {
            Ok(Some(v))
        } else {
            Err(ApiError::bad_request(format!(
                "parameter {name}: must be a date as YYYY-MM-DD"
            )))
        }
    }

    /// An actor code parameter (letters, as in `ISR` or `ISRGOV`), upper-cased.
    pub fn actor_code(&self, name: &str) -> Result<Option<String>, ApiError> {
        let Some(v) = self.text(name, 30)? else {
            return Ok(None);
        };
        if v.bytes().all(|b| b.is_ascii_alphabetic()) {
            Ok(Some(v.to_ascii_uppercase()))
        } else {
            Err(ApiError::bad_request(format!(
                "parameter {name}: must be an actor code of letters, such as ISR"
            )))
        }
    }
}

/// Percent-decodes one name or value (`+` is a space); `Err` when the bytes are not UTF-8.
fn decode(s: &str) -> Result<String, ()> {
    let spaced = s.replace('+', " ");
    percent_decode(spaced.as_bytes())
        .decode_utf8()
        .map(|c| c.into_owned())
        .map_err(|_| ())
}

/// Whether `s` is `YYYY-MM-DD` naming a day of the proleptic Gregorian calendar.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| s[r].parse().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(q: &str) -> Result<Params, ApiError> {
        Params::parse(Some(q), &["q", "limit", "from", "actor"])
    }

    #[test]
    fn decodes_plus_and_percent() {
        let p = parse("q=%22energy+deal%22+OR+gas%2A&limit=5").unwrap();
        assert_eq!(p.required("q", 100).unwrap(), "\"energy deal\" OR gas*");
        assert_eq!(p.int("limit", 1..=200, 50).unwrap(), 5);
        assert_eq!(p.int("from", 1..=200, 50).unwrap(), 50);
    }

    #[test]
    fn refuses_unknown_repeated_and_undecodable() {
        let e = parse("qq=1").unwrap_err();
        assert!(e.message.contains("\"qq\""), "{}", e.message);
        let e = parse("q=a&q=b").unwrap_err();
        assert!(e.message.starts_with("parameter q:"), "{}", e.message);
        let e = parse("q=%ff").unwrap_err();
        assert!(e.message.starts_with("parameter q:"), "{}", e.message);
        assert!(Params::parse(Some("x=1"), &[]).is_err());
        assert!(Params::parse(Some("&&"), &[]).is_ok());
    }

    #[test]
    fn validates_each_kind() {
        let p = parse("q=%20&limit=201&from=2024-02-30&actor=is1").unwrap();
        assert!(p
            .required("q", 10)
            .unwrap_err()
            .message
            .contains("required"));
        assert!(p.int("limit", 1..=200, 50).is_err());
        assert!(p.date("from").is_err());
        assert!(p.actor_code("actor").is_err());
        let p = parse("limit=-1&from=2024-02-29&actor=isrgov").unwrap();
        assert!(p.int("limit", 1..=200, 50).is_err());
        assert_eq!(p.date("from").unwrap(), Some("2024-02-29"));
        assert_eq!(p.actor_code("actor").unwrap().as_deref(), Some("ISRGOV"));
        let p = parse("limit=99999999999999999999999").unwrap();
        assert!(p.int("limit", 1..=200, 50).is_err());
        let p = parse("q=abcdef").unwrap();
        assert!(p.required("q", 5).is_err());
    }

    #[test]
    fn dates_are_real_days() {
        assert!(is_date("2000-02-29"));
        assert!(!is_date("1900-02-29"));
        assert!(!is_date("2024-13-01"));
        assert!(!is_date("2024-1-01"));
        assert!(!is_date("2024-01-00"));
        assert!(!is_date("+024-01-01"));
    }
}
