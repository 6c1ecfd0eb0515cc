//! Amounts: money with currency and scale, percentages, measures with units and counts of
//! things, each with whether it is approximate and what it measures (`about`).
//!
//! Read per sentence from the number outwards: an approximation marker and a currency symbol
//! before it; a scale, percent sign, currency name or unit after it; then what it is of
//! (`worth of …`, `of …`, or the noun phrase the number modifies). Numbers that are years,
//! parts of dates, clock times, ordinals, phone numbers or parts of names (`Article 5`,
//! `F-16`, `98th Division`) are not amounts, nor are durations (`three years`).

mod tables;

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use dyad_doc::{Amount, Span};

use crate::chars::is_letter_or_digit;
use crate::words::{finder, has_digit, mentions_any, Item, Kind, SentenceItems};
use crate::Lower;
use tables::{
    ends_phrase, is_determiner, is_month, is_time_noun, number_word, numbers_a_thing, scale,
    tables, APPROXIMATE,
};

/// Unit of percentages.
pub const PERCENT: &str = "percent";
/// Unit of percentage points.
pub const PERCENTAGE_POINTS: &str = "percentage points";
/// Unit of counts of things (what is counted is in `about`).
pub const COUNT: &str = "count";

/// Every amount in the text, sentence by sentence, in text order. Spans are byte offsets.
pub fn amounts(text: &str, sentences: &[Span]) -> Vec<Amount> {
    amounts_in(&mut SentenceItems::new(text, sentences))
}

/// [`amounts`] over sentences lexed once for every reader of them.
pub(crate) fn amounts_in(lexed: &mut SentenceItems) -> Vec<Amount> {
    let (text, sentences) = (lexed.text, lexed.sentences);
    static NUMBER_WORDS: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    let number_words = NUMBER_WORDS.get_or_init(|| {
        finder(&[
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "teen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
            "eighty", "ninety", "dozen",
        ])
    });
    let mut out = Vec::new();
    for (k, s) in sentences.iter().enumerate() {
        let sentence = text.get(s.start..s.end).unwrap_or("");
        if !has_digit(sentence) && !mentions_any(number_words, sentence) {
            continue;
        }
        let items = lexed.get(k);
        let mut i = 0;
        while i < items.len() {
            match read_amount(text, items, i) {
                Some((a, next)) => {
                    out.push(a);
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
    }
    out
}

/// What the words after a number make of it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Measure {
    Currency(&'static str),
    Percent(&'static str),
    Unit(&'static str),
    Count,
}

/// A parsed number: its digits as written (no separators) and the power of ten to apply.
struct Number {
    literal: String,
    exponent: i32,
    multiplier: f64,
    integer: bool,
    digits: usize,
}

impl Number {
    fn value(&self) -> Option<f64> {
        let v: f64 = format!("{}e{}", self.literal, self.exponent).parse().ok()?;
        let v = v * self.multiplier;
        v.is_finite().then_some(v)
    }
}

fn lower<'t>(text: &'t str, it: &Item) -> Lower<'t> {
    Lower::of(it.of(text))
}

fn word_at<'t>(text: &'t str, items: &[Item], k: usize) -> Option<Lower<'t>> {
    items
        .get(k)
        .filter(|it| it.kind == Kind::Alpha)
        .map(|it| lower(text, it))
}

fn punct_at<'t>(text: &'t str, items: &[Item], k: usize) -> Option<&'t str> {
    items
        .get(k)
        .filter(|it| it.kind == Kind::Punct)
        .map(|it| it.of(text))
}

fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn glued(items: &[Item], a: usize, b: usize) -> bool {
    matches!((items.get(a), items.get(b)), (Some(x), Some(y)) if x.end == y.start)
}

/// Splits a numeric item (`3,000`, `3.2bn`, `98th`) into its number and glued suffix.
fn split_numeric(s: &str) -> (Number, &str) {
    let cut = s
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(s.len());
    let (num, suffix) = s.split_at(cut);
    let literal: String = num.chars().filter(|&c| c != ',').collect();
    let digits = literal.chars().filter(char::is_ascii_digit).count();
    (
        Number {
            integer: !literal.contains('.'),
            literal,
            exponent: 0,
            multiplier: 1.0,
            digits,
        },
        suffix,
    )
}

/// Matches a currency name or unit form of up to `longest_name` words starting at `k`;
/// returns the measure and the index after it.
fn name_after(text: &str, items: &[Item], k: usize) -> Option<(Measure, usize)> {
    let t = tables();
    let mut best = None;
    let mut phrase = String::new();
    for n in 0..t.longest_name {
        let Some(w) = word_at(text, items, k + n) else {
            break;
        };
        if n > 0 {
            phrase.push(' ');
        }
        phrase.push_str(&w);
        if let Some(&code) = t.currency_names.get(phrase.as_str()) {
            best = Some((Measure::Currency(code), k + n + 1));
        } else if let Some(&unit) = t.units.get(phrase.as_str()) {
            best = Some((Measure::Unit(unit), k + n + 1));
        }
    }
    best
}

/// A currency symbol or code written right after the number (`5 €`, `200 AZN`).
fn symbol_after(text: &str, items: &[Item], k: usize) -> Option<(Measure, usize)> {
    let it = items.get(k)?;
    let s = it.of(text);
    tables()
        .symbols
        .iter()
        .find(|(sym, _)| *sym == s && (s.chars().count() > 1 || !s.starts_with('$')))
        .map(|&(_, code)| (Measure::Currency(code), k + 1))
}

/// A currency symbol or code right before the number at byte `at` (at most one space
/// between); returns the code and where the symbol starts.
fn symbol_before(text: &str, from: usize, at: usize) -> Option<(&'static str, usize)> {
    let before = text.get(from..at)?;
    let trimmed = before.trim_end_matches(' ');
    if before.len() - trimmed.len() > 1 {
        return None;
    }
    tables().symbols.iter().find_map(|&(sym, code)| {
        let start = trimmed.len().checked_sub(sym.len())?;
        if !trimmed.ends_with(sym) {
            return None;
        }
        let boundary = !trimmed[..start]
            .chars()
            .next_back()
            .is_some_and(is_letter_or_digit);
        boundary.then_some((code, from + start))
    })
}

/// Index of the first item starting at or after byte `pos`, searching back from `i`.
fn item_at(items: &[Item], i: usize, pos: usize) -> usize {
    let mut k = i;
    while k > 0 && items[k - 1].start >= pos {
        k -= 1;
    }
    k
}

/// An approximation marker ending right before item `k`; returns where it starts.
fn marker_before(text: &str, items: &[Item], k: usize) -> Option<usize> {
    // Every marker ends with the word right before `k`: that word, lowered once, rules out
    // most of them before their words are compared one by one.
    let before = Lower::of(items.get(k.checked_sub(1)?)?.of(text));
    APPROXIMATE.iter().find_map(|m| {
        if m.last().is_some_and(|w| before.as_str() != *w) {
            return None;
        }
        let first = k.checked_sub(m.len())?;
        let all = m.iter().enumerate().all(|(n, w)| {
            items
                .get(first + n)
                .is_some_and(|it| Lower::lowers_to(it.of(text), w))
        });
        all.then(|| items[first].start)
    })
}

/// The noun phrase starting at item `k`, as item indices `[from, to)`: words up to a
/// punctuation mark, a number, a later determiner or a word that ends a phrase, at most `max`
/// words; leading articles and
/// trailing `and`/`of` trimmed. With `count`, the phrase stops before `of`/`and` and before a
/// later word that reads as a verb (`troops deployed`).
fn noun_phrase(
    text: &str,
    items: &[Item],
    k: usize,
    max: usize,
    count: bool,
) -> Option<(usize, usize)> {
    let mut end = k;
    while end < items.len() && end - k < max {
        let it = &items[end];
        if it.kind != Kind::Alpha {
            break;
        }
        let w = lower(text, it);
        if ends_phrase(&w) {
            break;
        }
        if end > k && is_determiner(&w) && w != "all" {
            // `countries share their views`: the word before a determiner is a verb.
            if count && end - k >= 2 {
                end -= 1;
            }
            break;
        }
        if count && end > k {
            let prev_lower = !capitalised(items[end - 1].of(text));
            if prev_lower && capitalised(it.of(text)) {
                break;
            }
        }
        if count && (w == "of" || w == "and") {
            break;
        }
        if count
            && end > k
            && (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly"))
            && w.len() > 4
        {
            break;
        }
        if w == "and" && word_at(text, items, end + 1).is_none_or(|n| ends_phrase(&n)) {
            break;
        }
        end += 1;
    }
    let mut start = k;
    while start < end && matches!(lower(text, &items[start]).as_str(), "the" | "a" | "an") {
        start += 1;
    }
    while end > start && matches!(lower(text, &items[end - 1]).as_str(), "and" | "of") {
        end -= 1;
    }
    (end > start).then_some((start, end))
}

/// Reads an amount whose number is item `i`; returns it and the index after it.
fn read_amount(text: &str, items: &[Item], i: usize) -> Option<(Amount, usize)> {
    let it = items.get(i)?;
    let first = items.first()?;
    let raw = it.of(text);
    let (mut number, suffix, word_number) = match it.kind {
        Kind::Num => {
            let (n, s) = split_numeric(raw);
            (n, s.to_lowercase(), false)
        }
        Kind::Alpha => {
            // Number words are short ASCII words; skip the rest without lower-casing.
            let first = raw.as_bytes().first().map(u8::to_ascii_lowercase);
            if raw.len() > 13
                || !raw.is_ascii()
                || !matches!(first, Some(b'o' | b't' | b'f' | b's' | b'e' | b'n' | b'd'))
            {
                return None;
            }
            // Lowered on the stack: most words tried here are no number words.
            let mut buf = [0u8; 13];
            let lowered = &mut buf[..raw.len()];
            lowered.copy_from_slice(raw.as_bytes());
            lowered.make_ascii_lowercase();
            let w = std::str::from_utf8(lowered).ok()?;
            let v = if w == "dozen"
                && matches!(
                    word_at(text, items, i.wrapping_sub(1)).as_deref(),
                    Some("a" | "an")
                ) {
                return read_dozen(text, items, i);
            } else {
                number_word(w)?
            };
            let n = Number {
                literal: v.to_string(),
                exponent: 0,
                multiplier: 1.0,
                integer: true,
                digits: 0,
            };
            (n, String::new(), true)
        }
        Kind::Punct => return None,
    };
    if number.literal.is_empty() || number.digits > 30 {
        return None;
    }

    // Before the number: a currency symbol, then an approximation marker.
    let sentence_start = first.start;
    let currency_before = if word_number {
        None
    } else {
        symbol_before(text, sentence_start, it.start)
    };
    let lead = currency_before.map_or(it.start, |(_, s)| s);
    let lead_item = item_at(items, i, lead);
    let marker = marker_before(text, items, lead_item);
    let start = marker.unwrap_or(lead);

    // What sits right before the number, when no currency explains it.
    if currency_before.is_none() && i > 0 {
        let prev = &items[i - 1];
        let prev_text = prev.of(text);
        let glued_prev = glued(items, i - 1, i);
        if glued_prev && matches!(prev_text, "#" | "-" | ":" | "/" | "+" | "." | "№") {
            return None;
        }
        if prev.kind == Kind::Alpha {
            let pw = Lower::of(prev_text);
            if is_month(&pw) || numbers_a_thing(&pw) {
                return None;
            }
            if word_number && is_determiner(&pw) {
                return None;
            }
            let capitalised = prev_text.chars().next().is_some_and(char::is_uppercase);
            if capitalised && i - 1 != 0 && marker.is_none() && !is_month(&pw) {
                // `Route 66`, `Resolution 2231`: a number after a name is part of it,
                // unless a percent sign follows.
                if !matches!(punct_at(text, items, i + 1), Some("%")) {
                    return None;
                }
            }
        }
        if prev.kind == Kind::Punct
            && prev_text == "."
            && i >= 2
            && word_at(text, items, i - 2).is_some_and(|w| numbers_a_thing(&w) || is_month(&w))
        {
            return None;
        }
    }

    let mut j = i + 1;
    let mut measure = currency_before.map(|(c, _)| Measure::Currency(c));

    // Glued suffix: scale (`bn`), unit (`km`), or something that makes it no amount (`th`).
    if !suffix.is_empty() {
        if let Some(e) = scale(&suffix, measure.is_some()) {
            number.exponent += e;
        } else if let Some(&u) = tables().units.get(suffix.as_str()) {
            measure.get_or_insert(Measure::Unit(u));
        } else {
            return None;
        }
    }

    // After the number: what makes it a clock time, date, range or phone number.
    if glued(items, i, j) {
        if let Some(p) = punct_at(text, items, j) {
            let next_is_num = items.get(j + 1).is_some_and(|n| n.kind == Kind::Num);
            if matches!(p, ":" | "/") || (p == "-" && next_is_num) {
                return None;
            }
        }
    }
    if items.get(j).is_some_and(|n| n.kind == Kind::Num) && !word_number {
        return None;
    }
    // A hyphen between the number and its scale or unit: `$5-billion`, `100-kilometre`.
    // Other hyphenated compounds (`23-year-old`, `8-game`) are adjectives, not amounts.
    let hyphenated =
        punct_at(text, items, j) == Some("-") && glued(items, i, j) && glued(items, j, j + 1);
    if hyphenated {
        j += 1;
    }
    if let Some(w) = word_at(text, items, j) {
        if is_month(&w) || is_time_noun(&w) {
            return None;
        }
    }

    // Scale words: `5 billion`, `two dozen`, `500 crore`.
    if suffix.is_empty() {
        if let Some(w) = word_at(text, items, j) {
            if let Some(e) = scale(&w, false) {
                number.exponent += e;
                j += 1;
            } else if w == "dozen" && number.integer {
                number.multiplier = 12.0;
                j += 1;
            }
        }
    }
    if word_number && measure.is_none() && number.literal == "1" && number.exponent == 0 {
        // "one" alone is a pronoun or article far more often than a count.
        let next = word_at(text, items, j);
        let pct = punct_at(text, items, j) == Some("%")
            || next.as_deref() == Some("percent")
            || next.as_deref() == Some("per");
        if !pct {
            return None;
        }
    }

    // Percent, currency after, unit.
    let mut end_item = j;
    if measure.is_none() {
        if punct_at(text, items, j) == Some("%") {
            measure = Some(Measure::Percent(PERCENT));
            end_item = j + 1;
        } else if let Some(w) = word_at(text, items, j) {
            let next = word_at(text, items, j + 1);
            let after = word_at(text, items, j + 2);
            if matches!(w.as_str(), "percent" | "pct") {
                measure = Some(Measure::Percent(PERCENT));
                end_item = j + 1;
            } else if w == "per" && next.as_deref() == Some("cent") {
                measure = Some(Measure::Percent(PERCENT));
                end_item = j + 2;
            } else if w == "percentage" && next.as_deref().is_some_and(|n| n.starts_with("point")) {
                measure = Some(Measure::Percent(PERCENTAGE_POINTS));
                end_item = j + 2;
            } else if w == "per" && after.is_none() && next.is_none() {
                return None;
            }
        }
    }
    if measure.is_none() || matches!(measure, Some(Measure::Currency(_))) {
        if let Some((m, e)) = name_after(text, items, j).or_else(|| symbol_after(text, items, j)) {
            if measure.is_none() || matches!(m, Measure::Currency(_)) {
                measure = Some(m);
                end_item = e;
            }
        } else if measure.is_some() {
            end_item = j;
        }
    }

    // Years: a bare four-digit integer is a year unless a currency, percent, scale or
    // measure unit says otherwise.
    let bare_year = !word_number
        && number.integer
        && number.exponent == 0
        && number.literal.len() == 4
        && number
            .literal
            .parse::<u32>()
            .is_ok_and(|y| (1500..=2100).contains(&y))
        && !raw.contains(',');
    if bare_year
        && !matches!(
            measure,
            Some(Measure::Unit(_) | Measure::Currency(_) | Measure::Percent(_))
        )
    {
        return None;
    }

    let (measure, about, end_item) = match measure {
        Some(m) => {
            let after_article = lead_item
                .checked_sub(1)
                .and_then(|p| word_at(text, items, p))
                .is_some_and(|w| w == "a" || w == "an");
            let about = about_after(text, items, end_item, m, after_article)
                .or_else(|| about_before(text, items, lead_item));
            (m, about, end_item)
        }
        None if hyphenated => return None,
        None => {
            // A count needs a lower-case noun after it, unless a scale alone makes it a
            // quantity (`5 million`).
            let np = noun_phrase(text, items, j, 3, true);
            match np {
                Some((a, b)) if a == j && is_count_noun(text, items, a, b) => {
                    let about = text
                        .get(items[a].start..items[b - 1].end)
                        .map(str::to_string);
                    (Measure::Count, about, b)
                }
                _ if number.exponent > 0 || number.multiplier > 1.0 => (Measure::Count, None, j),
                _ => return None,
            }
        }
    };
    if matches!(
        word_at(text, items, end_item).as_deref(),
        Some("ago" | "old")
    ) {
        return None;
    }
    let value = number.value()?;
    let unit = match measure {
        Measure::Currency(c) => c,
        Measure::Percent(p) => p,
        Measure::Unit(u) => u,
        Measure::Count => COUNT,
    };
    let end = end_item
        .checked_sub(1)
        .and_then(|k| items.get(k))
        .map_or(it.end, |x| x.end.max(it.end));
    Some((
        Amount {
            value,
            unit: unit.to_string(),
            approximate: marker.is_some(),
            about,
            start,
            end,
        },
        end_item.max(i + 1),
    ))
}

/// Whether items `[a, b)` can be what a number counts: the last word a lower-case noun of
/// two letters or more, not a unit of time, not a lone participle (`two committed`), and not
/// the `a`/`p` of `a.m.`/`p.m.`.
fn is_count_noun(text: &str, items: &[Item], a: usize, b: usize) -> bool {
    let head = items[b - 1].of(text);
    let lower_head = head.to_lowercase();
    let lone_participle = b - a == 1 && (lower_head.ends_with("ed") || lower_head.ends_with("ing"));
    // `240 taken hostage`: an irregular participle right after the number.
    let first = items[a].of(text).to_lowercase();
    let participle = matches!(
        first.as_str(),
        "taken"
            | "given"
            | "held"
            | "seen"
            | "made"
            | "left"
            | "sent"
            | "found"
            | "kept"
            | "shot"
            | "hit"
            | "hurt"
            | "put"
            | "set"
            | "cut"
            | "won"
            | "lost"
            | "brought"
            | "bought"
            | "sold"
            | "built"
            | "known"
            | "shown"
            | "driven"
            | "thrown"
            | "born"
    );
    head.chars().next().is_some_and(char::is_lowercase)
        && head.chars().count() >= 2
        && !is_time_noun(&lower_head)
        && !lone_participle
        && !participle
}

/// What an amount is the value of, written before it: `drones worth $1.6 billion`, `a
/// budget of $12 million`. `k` is the amount's first item (after any marker).
fn about_before(text: &str, items: &[Item], k: usize) -> Option<String> {
    let mut k = k;
    // Step over an approximation marker: `worth an estimated $1.6 billion`.
    if let Some(m) = marker_before(text, items, k) {
        k = item_at(items, k, m);
    }
    let link = word_at(text, items, k.checked_sub(1)?)?;
    if link != "worth" && link != "of" {
        return None;
    }
    let end = k - 1;
    let mut start = end;
    while start > 0 && end - start < 4 {
        let it = &items[start - 1];
        let w = lower(text, it);
        if it.kind != Kind::Alpha
            || capitalised(it.of(text))
            || ends_phrase(&w)
            || is_determiner(&w)
            || matches!(w.as_str(), "a" | "an" | "of" | "and")
        {
            break;
        }
        start -= 1;
    }
    (start < end).then(|| {
        text.get(items[start].start..items[end - 1].end)
            .map(str::to_string)
    })?
}

/// `a dozen drones`: twelve of the following noun.
fn read_dozen(text: &str, items: &[Item], i: usize) -> Option<(Amount, usize)> {
    let art = items.get(i.checked_sub(1)?)?;
    let (a, b) = noun_phrase(text, items, i + 1, 4, true)?;
    let head = lower(text, &items[b - 1]);
    if is_time_noun(&head) {
        return None;
    }
    let marker = marker_before(text, items, i - 1);
    Some((
        Amount {
            value: 12.0,
            unit: COUNT.to_string(),
            approximate: marker.is_some(),
            about: text
                .get(items[a].start..items[b - 1].end)
                .map(str::to_string),
            start: marker.unwrap_or(art.start),
            end: items[b - 1].end,
        },
        b,
    ))
}

/// What an amount is of: `worth of X`, `of X`, `in X` (money), or the noun phrase right
/// after it (`a $5 billion arms deal`, `a 40 percent stake`).
fn about_after(
    text: &str,
    items: &[Item],
    k: usize,
    m: Measure,
    after_article: bool,
) -> Option<String> {
    let w = word_at(text, items, k);
    let from = match w.as_deref() {
        Some("worth") if word_at(text, items, k + 1).as_deref() == Some("of") => k + 2,
        Some("of") => k + 1,
        Some("in") if matches!(m, Measure::Currency(_)) => k + 1,
        Some(_) if after_article && !matches!(m, Measure::Unit(_)) => k,
        _ => return None,
    };
    let (a, b) = noun_phrase(text, items, from, 8, false)?;
    if w.as_deref() == Some("in") {
        // `$167 million in the third quarter`: a time, not what the money is.
        let timely = (a..b).any(|x| {
            let w = lower(text, &items[x]);
            is_time_noun(&w) || w == "quarter" || w == "half" || is_month(&w)
        });
        if timely {
            return None;
        }
    }
    text.get(items[a].start..items[b - 1].end)
        .map(str::to_string)
}

#[cfg(test)]
mod tests;
