//! Names that are no actors although written like names: recurring events and feasts ("the
//! Hajj", "Chinese New Year"), storms ("Hurricane Katrina"), wars ("World War II"), diseases
//! ("AIDS"), faiths and other "-isms" ("Islam", "Islamophobia"), and hashtags
//! and handles ("#IStandWithAhmed", "@POTUS"), and capitalised tokens that are units rather
//! than names: time zones ("15:11 GMT"), Roman numerals ("part XVII") and a currency's country
//! mark ("US$ 20,000", "NZ$").

use super::view::Tok;

/// Feasts, holidays and pilgrimages written as one name (lower-cased, words joined by a space).
const EVENTS: &[&str] = &[
    "hajj",
    "umrah",
    "ramadan",
    "ramazan",
    "ashura",
    "mawlid",
    "muharram",
    "diwali",
    "holi",
    "navratri",
    "vesak",
    "hanukkah",
    "chanukah",
    "passover",
    "pesach",
    "purim",
    "sukkot",
    "shavuot",
    "yom kippur",
    "rosh hashanah",
    "easter",
    "christmas",
    "christmas eve",
    "good friday",
    "lent",
    "advent",
    "pentecost",
    "epiphany",
    "thanksgiving",
    "halloween",
    "nowruz",
    "norouz",
    "kwanzaa",
    "mardi gras",
    "oktoberfest",
    "tet",
    "songkran",
];

/// Words that open a storm's name ("Hurricane Katrina", "Tropical Storm Fay").
const STORMS: &[&str] = &["hurricane", "typhoon", "cyclone", "tropical storm"];

/// Wars written as names.
const WARS: &[&str] = &[
    "world war i",
    "world war ii",
    "world war one",
    "world war two",
    "cold war",
];

/// Diseases written capitalised or in capitals.
const DISEASES: &[&str] = &["aids", "hiv", "sars", "mers", "ebola", "covid"];

/// Faiths whose names do not end in "-ism".
const FAITHS: &[&str] = &["islam", "christianity", "shinto"];

/// Whether the name `[s, e)`, which no dictionary holds, names an event or a faith rather
/// than an actor.
pub fn is_event_or_faith(toks: &[Tok], s: usize, e: usize) -> bool {
    let key = toks[s..e]
        .iter()
        .map(|t| t.key.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let one = e - s == 1;
    let storm = STORMS.iter().any(|w| {
        key.strip_prefix(w)
            .is_some_and(|rest| rest.starts_with(' ') && !rest.contains(" of"))
    });
    EVENTS.contains(&key.as_str())
        || storm
        || WARS.contains(&key.as_str())
        || DISEASES.contains(&key.as_str())
        || key == "eid"
        || key.starts_with("eid ")
        || key.ends_with("new year")
        || one && FAITHS.contains(&key.as_str())
        // "Buddhism", "Zionism", "Islamophobia": doctrines and attitudes.
        || one && key.len() > 5 && (key.ends_with("ism") || key.ends_with("phobia"))
}

/// Whether the name at `s` follows a storm word of its own sentence ("Hurricane Katrina" with
/// "Hurricane" opening the sentence) or is "Storm …" after "Tropical": it names the storm, even
/// when the lists hold a place of that name.
pub fn after_storm_word(toks: &[Tok], s: usize) -> bool {
    let before = |k: usize| s >= k && toks[s - k].cap && toks[s - k].sentence == toks[s].sentence;
    let word = |k: usize| toks[s - k].key.as_str();
    let tropical = |k: usize| word(k) == "storm" && before(k + 1) && word(k + 1) == "tropical";
    before(1) && (STORMS.contains(&word(1)) || tropical(0) || before(2) && tropical(1))
}

/// Whether the word at `s` is written right after "#" or "@": a hashtag or a handle.
pub fn is_tag(toks: &[Tok], s: usize) -> bool {
    s > 0 && matches!(toks[s - 1].text, "#" | "@") && toks[s - 1].end == toks[s].start
}

/// Time zones written in capitals after a clock time.
const TIME_ZONES: &[&str] = &[
    "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest",
    "eet", "eest", "ist", "jst", "kst", "aest", "aedt",
];

/// Whether the one-word name at `s` is a unit written like a name: a time zone, a Roman
/// numeral of two letters or more ("XVII"), or a country's mark before a dollar sign ("US$",
/// "NZ $").
pub fn is_unit(toks: &[Tok], s: usize, e: usize) -> bool {
    let t = &toks[s];
    if e - s != 1 || !t.all_caps {
        return false;
    }
    let roman = t.text.len() >= 2 && t.text.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
    let currency = t.text.len() <= 3 && toks.get(e).is_some_and(|n| n.text == "$");
    TIME_ZONES.contains(&t.key.as_str()) || roman || currency
}
