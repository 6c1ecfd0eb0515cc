//! The word lists amounts are read with: currencies and units (data files under
//! `data/amounts/`), scales, approximation markers and number words.

use std::collections::HashMap;
use std::sync::OnceLock;

const CURRENCIES: &str = include_str!("../../../../data/amounts/currencies.tsv");
const UNITS: &str = include_str!("../../../../data/amounts/units.tsv");

/// Currency and unit tables, read once.
pub(crate) struct Tables {
    /// Symbols and codes (case-sensitive) → currency code, longest symbol first.
    pub symbols: Vec<(&'static str, &'static str)>,
    /// Lower-case currency names (possibly several words) → currency code.
    pub currency_names: HashMap<&'static str, &'static str>,
    /// Lower-case unit forms (possibly several words) → unit written in records.
    pub units: HashMap<&'static str, &'static str>,
    /// The most words any currency name or unit form has.
    pub longest_name: usize,
}

fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// The tables.
pub(crate) fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut symbols = Vec::new();
        let mut currency_names = HashMap::new();
        let mut units = HashMap::new();
        let mut longest_name = 1;
        for r in rows(CURRENCIES) {
            let Some(&code) = r.first() else { continue };
            for s in r.get(1).map_or("", |s| s).split_whitespace() {
                symbols.push((s, code));
            }
            for n in r.get(2).map_or("", |s| s).split(',').map(str::trim) {
                if !n.is_empty() {
                    longest_name = longest_name.max(n.split_whitespace().count());
                    currency_names.entry(n).or_insert(code);
                }
            }
        }
        for r in rows(UNITS) {
            let Some(&unit) = r.first() else { continue };
            for n in r.get(1).map_or("", |s| s).split(',').map(str::trim) {
                if !n.is_empty() {
                    longest_name = longest_name.max(n.split_whitespace().count());
                    units.entry(n).or_insert(unit);
                }
            }
        }
        symbols.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        Tables {
            symbols,
            currency_names,
            units,
            longest_name,
        }
    })
}

/// Power of ten of a scale word or glued suffix (`billion`, `bn` → 9; `crore` → 7).
/// One-letter suffixes (`m`, `b`, `k`) are only scales after a currency.
pub(crate) fn scale(word: &str, has_currency: bool) -> Option<i32> {
    Some(match word {
        "thousand" => 3,
        "million" | "mln" | "mn" | "mil" => 6,
        "billion" | "bn" | "bln" => 9,
        "trillion" | "tn" | "trn" => 12,
        "lakh" | "lakhs" | "lac" => 5,
        "crore" | "crores" => 7,
        "k" if has_currency => 3,
        "m" if has_currency => 6,
        "b" if has_currency => 9,
        _ => return None,
    })
}

/// Words and phrases before a number that make it approximate, longest first.
pub(crate) const APPROXIMATE: &[&[&str]] = &[
    &["in", "excess", "of"],
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["as", "few", "as"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["up", "to"],
    &["at", "least"],
    &["at", "most"],
    &["close", "to"],
    &["upwards", "of"],
    &["just", "over"],
    &["just", "under"],
    &["an", "estimated"],
    &["estimated"],
    &["nearly"],
    &["almost"],
    &["about"],
    &["around"],
    &["some"],
    &["roughly"],
    &["approximately"],
    &["approx"],
    &["circa"],
    &["over"],
    &["under"],
    &["~"],
];

/// Value of a number word (`two`, `forty`, `twenty-five`).
pub(crate) fn number_word(word: &str) -> Option<u32> {
    fn single(w: &str) -> Option<u32> {
        Some(match w {
            "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            "thirteen" => 13,
            "fourteen" => 14,
            "fifteen" => 15,
            "sixteen" => 16,
            "seventeen" => 17,
            "eighteen" => 18,
            "nineteen" => 19,
            "twenty" => 20,
            "thirty" => 30,
            "forty" => 40,
            "fifty" => 50,
            "sixty" => 60,
            "seventy" => 70,
            "eighty" => 80,
            "ninety" => 90,
            _ => return None,
        })
    }
    match word.split_once('-') {
        Some((tens, unit)) => {
            let (t, u) = (single(tens)?, single(unit)?);
            (t >= 20 && t % 10 == 0 && u < 10).then_some(t + u)
        }
        None => single(word),
    }
}

/// Month names and abbreviations, lower case.
pub(crate) fn is_month(word: &str) -> bool {
    matches!(
        word,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Lower-case words that end a noun phrase (prepositions other than `of`, auxiliaries,
/// conjunctions, relative pronouns and the like).
pub(crate) fn ends_phrase(word: &str) -> bool {
    matches!(
        word,
        "from"
            | "to"
            | "for"
            | "by"
            | "with"
            | "as"
            | "at"
            | "on"
            | "in"
            | "into"
            | "onto"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "where"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
            | "may"
            | "might"
            | "can"
            | "must"
            | "do"
            | "does"
            | "did"
            | "than"
            | "since"
            | "because"
            | "while"
            | "when"
            | "after"
            | "before"
            | "during"
            | "over"
            | "under"
            | "through"
            | "between"
            | "against"
            | "according"
            | "said"
            | "says"
            | "but"
            | "or"
            | "nor"
            | "not"
            | "per"
            | "if"
            | "so"
            | "each"
            | "every"
            | "last"
            | "next"
            | "ago"
            | "earlier"
            | "later"
            | "times"
            | "more"
            | "less"
            | "fewer"
            | "percent"
            | "it"
            | "they"
            | "he"
            | "she"
            | "we"
            | "you"
            | "i"
            | "there"
            | "here"
            | "also"
            | "only"
            | "just"
            | "about"
            | "around"
            | "across"
            | "within"
            | "without"
            | "toward"
            | "towards"
            | "upon"
            | "via"
            | "among"
            | "amid"
            | "despite"
            | "until"
            | "till"
            | "out"
            | "up"
            | "down"
            | "off"
            | "along"
            | "away"
            | "back"
            | "whether"
            | "then"
            | "now"
    )
}

/// Nouns of time: numbers counting them are durations or ages, not amounts.
pub(crate) fn is_time_noun(word: &str) -> bool {
    matches!(
        word,
        "year"
            | "years"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "day"
            | "days"
            | "hour"
            | "hours"
            | "minute"
            | "minutes"
            | "second"
            | "seconds"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
            | "o'clock"
            | "o’clock"
            | "am"
            | "pm"
            | "gmt"
            | "utc"
            | "hrs"
    )
}

/// Lower-case words after which a number names or numbers a thing (`Article 5`, `page 3`).
pub(crate) fn numbers_a_thing(word: &str) -> bool {
    matches!(
        word,
        "no" | "number"
            | "page"
            | "pages"
            | "chapter"
            | "article"
            | "section"
            | "paragraph"
            | "clause"
            | "resolution"
            | "verse"
            | "room"
            | "flight"
            | "route"
            | "highway"
            | "road"
            | "vol"
            | "volume"
            | "episode"
            | "season"
            | "phase"
            | "grade"
            | "level"
            | "version"
            | "model"
            | "platform"
            | "gate"
            | "line"
            | "bus"
            | "apartment"
            | "unit"
            | "building"
            | "floor"
            | "district"
            | "block"
            | "zone"
            | "sector"
            | "division"
            | "brigade"
            | "battalion"
            | "regiment"
            | "corps"
            | "squadron"
            | "fleet"
            | "army"
            | "tel"
            | "tel."
            | "phone"
            | "call"
            | "fax"
            | "ext"
            | "rank"
            | "ranked"
            | "top"
            | "covid"
            | "size"
    )
}

/// Words that take a number as a reference rather than a quantity: `the two countries`.
pub(crate) fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "these"
            | "those"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
            | "both"
            | "all"
            | "first"
            | "last"
            | "other"
    )
}
