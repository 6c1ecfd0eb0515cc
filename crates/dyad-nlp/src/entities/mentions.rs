//! Finding mentions: runs of capitalised words, split into titles and names, looked up in the
//! dictionaries, otherwise classified by their last word (organisation and facility nouns),
//! by titles and honorifics, and by word statistics learnt from tagged news.

use super::class_nouns;
use super::english;
use super::frames;
use super::honoured;
use super::lexicon::{ActorKind, Lexicon, NAME_PARTICLES};
use super::names::PersonNames;
use super::not_actors;
use super::stats::{WordCounts, WordStats};
use super::view::Tok;
use crate::chars::is_letter;
use crate::fasthash::WordSet;
use crate::lexicon::{MONTHS, WEEKDAYS};

/// A mention found in the text (token indices, end exclusive).
#[derive(Debug, Clone, PartialEq)]
pub struct Cand {
    pub start: usize,
    pub end: usize,
    pub kind: ActorKind,
    /// Dictionary actor, when the name is in one.
    pub actor: Option<u32>,
    /// Title written before the name ("Prime Minister").
    pub title: Option<String>,
    /// Country named with the title ("Azerbaijani President").
    pub title_country: Option<String>,
    /// The mention starts with an honorific ("Mr.", "Dr.").
    pub honorific: bool,
    /// A capital standing for its country's government.
    pub government_of: Option<String>,
    /// The title is plural ("Ambassadors"): it applies to coordinated names after it too.
    pub plural_title: bool,
    /// The kind was guessed without dictionary, title or keyword evidence.
    pub guessed: bool,
    /// Where the capitalised title written right before a person's name starts ("Prime
    /// Minister" in "Prime Minister Rishi Sunak"): the mention the record shows starts there,
    /// while `start` stays at the name.
    pub title_start: Option<usize>,
}

const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "to",
    "of",
    "and",
    "but",
    "or",
    "as",
    "after",
    "before",
    "when",
    "while",
    "if",
    "since",
    "during",
    "however",
    "although",
    "though",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "there",
    "here",
    "what",
    "who",
    "which",
    "where",
    "why",
    "how",
    "all",
    "some",
    "many",
    "most",
    "no",
    "not",
    "yes",
    "one",
    "both",
    "each",
    "every",
    "such",
    "also",
    "then",
    "thus",
    "yet",
    "so",
    "meanwhile",
    "today",
    "yesterday",
    "tomorrow",
    "according",
    "despite",
    "instead",
    "other",
    "another",
    "now",
    "only",
    "even",
    "still",
    "just",
    "is",
    "are",
    "was",
    "were",
    "be",
];

/// The Arabic article, written in lower case before a hyphenated name ("al-Qaeda").
const ARABIC_ARTICLES: &[&str] = &["al", "el"];

/// Prefixes joined by a hyphen that make the word after them a modifier ("pro-Beijing").
const MODIFIER_PREFIXES: &[&str] = &[
    "pro", "anti", "non", "pan", "ex", "neo", "post", "pre", "mid", "trans", "inter", "intra",
];

const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "rev", "sheikh", "lord", "lady",
];

/// Last words that make a name an organisation's.
const ORG_NOUNS: &[&str] = &[
    "university",
    "college",
    "school",
    "academy",
    "institute",
    "ministry",
    "department",
    "agency",
    "council",
    "committee",
    "commission",
    "party",
    "union",
    "association",
    "organization",
    "organisation",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "llc",
    "company",
    "group",
    "bank",
    "fund",
    "foundation",
    "society",
    "federation",
    "league",
    "army",
    "navy",
    "police",
    "court",
    "parliament",
    "congress",
    "senate",
    "assembly",
    "government",
    "news",
    "times",
    "post",
    "journal",
    "press",
    "agency",
    "network",
    "service",
    "services",
    "board",
    "office",
    "bureau",
    "forces",
    "force",
    "front",
    "movement",
    "brigade",
    "brigades",
    "authority",
    "administration",
    "club",
    "team",
    "church",
    "airlines",
    "airways",
    "media",
    "television",
    "radio",
    "channel",
    "tribune",
    "herald",
    "gazette",
    "telegraph",
    "guardian",
    "monitor",
    "review",
    "center",
    "centre",
    "project",
    "coalition",
    "alliance",
    "cabinet",
    "institution",
    "trust",
    "partners",
    "holdings",
    "industries",
    "systems",
    "technologies",
    "museum",
    "municipality",
    "gallery",
    "galleries",
    // Plurals end the names of bodies written together ("the State and Homeland Security
    // Departments", "the Ford and Rockefeller Foundations").
    "departments",
    "ministries",
    "agencies",
    "councils",
    "committees",
    "commissions",
    "parties",
    "unions",
    "associations",
    "organizations",
    "organisations",
    "companies",
    "foundations",
    "universities",
    "colleges",
    "institutes",
    "banks",
    "courts",
];

/// Last words that make a name a place's (facilities included).
const PLACE_NOUNS: &[&str] = &[
    "street",
    "avenue",
    "road",
    "square",
    "river",
    "lake",
    "sea",
    "ocean",
    "bay",
    "gulf",
    "island",
    "islands",
    "mountain",
    "mountains",
    "mount",
    "valley",
    "desert",
    "province",
    "county",
    "district",
    "region",
    "state",
    "city",
    "airport",
    "stadium",
    "hall",
    "park",
    "bridge",
    "hospital",
    "palace",
    "tower",
    "station",
    "port",
    "harbor",
    "harbour",
    "prison",
    "camp",
    "base",
    "strip",
    "heights",
    "coast",
    "peninsula",
    "canal",
    "beach",
    "village",
    "town",
    "plaza",
    "building",
    "arena",
    "cathedral",
    "mosque",
    "temple",
    "prefecture",
    "springs",
    "falls",
    "hotel",
    "cave",
    "caves",
    "strait",
    "straits",
    "plain",
    "plains",
    "plateau",
    "basin",
    "delta",
    "glacier",
    "reef",
    "lagoon",
    "canyon",
    "gorge",
    "forest",
    "cape",
    "highlands",
    "steppe",
    "archipelago",
    "estuary",
    "oasis",
    "volcano",
    "highway",
    "motorway",
    "boulevard",
    "crossing",
    "checkpoint",
    "memorial",
    "monument",
    "cemetery",
    "castle",
    "fort",
    "shrine",
    "synagogue",
    "basilica",
    "mall",
    "campus",
];

/// Words before "Center" or "Centre" that make it a building or grounds rather than an
/// institution ("the Metro Toronto Convention Centre", "the Heydar Aliyev Cultural Center").
const FACILITY_CENTRES: &[&str] = &[
    "convention",
    "exhibition",
    "conference",
    "trade",
    "shopping",
    "cultural",
    "culture",
    "art",
    "arts",
    "community",
    "sports",
    "visitor",
    "visitors",
    "performing",
];

/// Lower-case nouns whose "of" makes the name after it a place's ("the town of Yeoncheon").
const PLACE_CLASSES: &[&str] = &[
    "town",
    "city",
    "village",
    "municipality",
    "province",
    "region",
    "district",
    "county",
    "island",
    "state",
    "capital",
    "suburb",
    "commune",
];

/// Last words that make a name an event's or a work's (not an entity here).
const OTHER_NOUNS: &[&str] = &[
    "war",
    "wars",
    "olympics",
    "games",
    "cup",
    "championship",
    "prize",
    "award",
    "awards",
    "festival",
    "act",
    "treaty",
    "accord",
    "accords",
    "agreement",
    "day",
    "week",
    "revolution",
    "crisis",
    "summit",
    "conference",
    "election",
    "elections",
    "law",
    "program",
    "programme",
];

/// Role codes of actors that act (government, military, police, media, business, …), as
/// opposed to religious or ethnic descriptions.
const ACTOR_ROLES: &[&str] = &[
    "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "OPP", "MED", "BUS", "EDU", "ELI", "LAB",
    "AGR", "HLH", "CVL", "CRM", "REF", "UAF", "INS", "PTY", "SEP", "IGO", "NGO", "MNC",
];

/// Verbs of speaking that follow a person's name.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "explained",
    "noted",
    "wrote",
    "asked",
];

/// Words before a capital that make it a location ("in Baku"), not its government.
pub(crate) const PLACE_CONTEXT: &[&str] = &[
    "in", "at", "from", "to", "near", "into", "outside", "inside", "around", "across", "via",
    "toward", "towards", "through", "of", "the", "a", "visited", "visit", "visiting", "reached",
    "left", "arrived", "between", "and", "or", "capital", "city", "downtown", "central",
];

/// Verbs after a capital that make it an actor ("Tehran said").
const ACTOR_VERBS: &[&str] = &[
    "said",
    "says",
    "has",
    "have",
    "had",
    "will",
    "would",
    "accused",
    "announced",
    "warned",
    "rejected",
    "denied",
    "condemned",
    "wants",
    "sought",
    "seeks",
    "signed",
    "agreed",
    "refused",
    "responded",
    "demanded",
    "insisted",
    "threatened",
    "urged",
    "welcomed",
    "recognised",
    "recognized",
    "backed",
    "supports",
    "supported",
    "claimed",
];

/// Whether a lower-case word is one that ends an organisation's name ("council", "army",
/// "authority").
pub fn is_organisation_noun(key: &str) -> bool {
    is_in(ORG_NOUNS, key)
}

fn is_in(list: &[&str], key: &str) -> bool {
    // Length and first byte before the bytes: most list words differ from the key there,
    // and comparing the rest called `memcmp` for every list word of the key's length.
    let first = key.as_bytes().first();
    list.iter()
        .any(|w| w.len() == key.len() && w.as_bytes().first() == first && *w == key)
}

/// A word that opens sentences or dates rather than names: function words, weekdays, months.
fn is_function_word(key: &str) -> bool {
    // Asked of most capitalised words: one hashed set instead of three list scans.
    static SET: std::sync::OnceLock<WordSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        FUNCTION_WORDS
            .iter()
            .chain(&WEEKDAYS)
            .chain(&MONTHS)
            .copied()
            .collect()
    })
    .contains(key)
}

/// Finds the mentions of the text.
pub fn find(toks: &[Tok], lex: &Lexicon, stats: &WordStats) -> Vec<Cand> {
    let mut out = Vec::new();
    let mut carried_title: Option<String> = None;
    let mut works = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // "pro-Beijing", "anti-Pyongyang", "non-Muslim": the name is part of a modifier.
        if toks[i].is_word && is_in(MODIFIER_PREFIXES, &toks[i].key) && hyphen_link(toks, i + 1) {
            i += 3;
            continue;
        }
        if i >= 2
            && hyphen_link(toks, i - 1)
            && toks[i - 2].is_word
            && !toks[i - 2].cap
            && !is_in(NAME_PARTICLES, &toks[i - 2].key)
        {
            i += 1;
            continue;
        }
        if !starts_name(toks, i) {
            if !matches!(toks[i].key.as_str(), "and" | ",") {
                carried_title = None;
            }
            i += 1;
            continue;
        }
        // "al-Qaeda", "el-Sisi": a lower-case Arabic article joined by a hyphen opens the name.
        if i >= 2 && hyphen_link(toks, i - 1) && is_in(ARABIC_ARTICLES, &toks[i - 2].key) {
            i -= 2;
        }
        let mut j = run_end(toks, i, stats, lex);
        let next = j;
        // "Co-founder", "E-meter", "NASA T-shirt": the word before the hyphen is part of a
        // compound, not of a name ("Scientology-related" and "Warhol-like" keep theirs).
        if hyphen_link(toks, j) && is_compound_tail(&toks[j + 1], stats) {
            j -= 1;
            // "a Booker Prize-winner": what is left names the prize, no actor.
            if j == i || is_in(OTHER_NOUNS, &toks[j].key) {
                i = next + 2;
                carried_title = None;
                continue;
            }
        }
        let before = out.len();
        split_run(toks, i, j, lex, stats, &mut out, carried_title.take());
        // An event's or a work's name ("the Andy Warhol Photographic Legacy Program") is no
        // actor, but may hold a person's.
        if out.len() == before && j - i > 2 && is_in(OTHER_NOUNS, &toks[j - 1].key) {
            works.push((i, j));
        }
        nested_places(toks, lex, &mut out, before);
        // A plural title before coordinated names applies to each ("Ambassadors A and B").
        carried_title = out[before..]
            .iter()
            .rev()
            .find(|c| c.plural_title)
            .and_then(|c| c.title.clone());
        i = next.max(i + 1);
    }
    nested_persons(toks, &works, &mut out);
    honoured::apply(toks, lex, stats, &mut out);
    nested_in_works(toks, lex, &works, &mut out);
    surnames_alone(toks, lex, stats, &mut out);
    affiliations_after_of(toks, &mut out);
    compass_countries(toks, lex, &mut out);
    drop_products(toks, &mut out);
    class_nouns::apply(toks, &mut out);
    frames::apply(toks, lex, &mut out);
    drop_modifiers(toks, &mut out);
    drop_web_addresses(toks, &mut out);
    drop_word_heads(toks, &mut out);
    drop_titled_works(toks, &mut out);
    drop_quoted_titles(toks, stats, lex, &mut out);
    out
}

/// Domain endings that make the name joined to them a web address ("Gawker.com").
const WEB_DOMAINS: &[&str] = &["com", "org", "net", "gov", "edu", "info"];

/// Drops a name written joined to a web domain's ending ("Gawker.com", "the Scientology.org
/// site"): it names a website.
fn drop_web_addresses(toks: &[Tok], out: &mut Vec<Cand>) {
    let joined = |a: usize, b: usize| toks[a].end == toks[b].start;
    out.retain(|c| {
        let e = c.end;
        let web = match toks.get(e) {
            Some(t) if t.text == "." && joined(e - 1, e) => toks
                .get(e + 1)
                .is_some_and(|d| joined(e, e + 1) && is_in(WEB_DOMAINS, &d.key)),
            Some(t) if joined(e - 1, e) => t
                .text
                .strip_prefix('.')
                .is_some_and(|d| WEB_DOMAINS.iter().any(|w| d.eq_ignore_ascii_case(w))),
            _ => false,
        };
        !web
    });
}

/// Drops an unlisted name that is only the head of a word an apostrophe runs through
/// ("Shi'ite pilgrims", "the Ba'ath Party"): the part before the mark names no one. A
/// possessive or a contraction after it ("Obama's", "Can't") is no such word.
fn drop_word_heads(toks: &[Tok], out: &mut Vec<Cand>) {
    let joined = |a: usize, b: usize| toks[a].end == toks[b].start;
    out.retain(|c| {
        let e = c.end;
        let head = c.actor.is_none()
            && c.title.is_none()
            && !c.honorific
            && toks
                .get(e)
                .is_some_and(|t| matches!(t.text, "'" | "\u{2019}") && joined(e - 1, e))
            && toks.get(e + 1).is_some_and(|t| {
                t.is_word
                    && !t.cap
                    && joined(e, e + 1)
                    && !matches!(t.key.as_str(), "s" | "t" | "d" | "ll" | "re" | "ve" | "m")
            });
        !head
    });
}

/// Drops the guessed names of a work's title written "Name: Subtitle" inside a sentence
/// ("a demonstration of Batman: Arkham VR", "face off in Counter-Strike: Global Offensive"):
/// the name before the colon and the one opening the subtitle. A name opening its sentence
/// or line ("Image: Nick Moreau", a headline's "Zorblat: we will win") and persons stay.
fn drop_titled_works(toks: &[Tok], out: &mut Vec<Cand>) {
    let dropped = |c: &Cand| c.guessed && c.actor.is_none() && c.kind != ActorKind::Person;
    let mut colons = Vec::new();
    for c in out.iter() {
        let colon = c.end;
        let titled = dropped(c)
            && !toks[c.start].sentence_initial
            && !toks[c.start].line_break_before
            && toks.get(colon).is_some_and(|t| t.text == ":")
            && toks
                .get(colon + 1)
                .is_some_and(|t| t.cap && t.sentence == toks[colon].sentence);
        if titled {
            colons.push(colon);
        }
    }
    if colons.is_empty() {
        return;
    }
    out.retain(|c| {
        let before_colon = colons.contains(&c.end);
        let subtitle = c.start >= 1
            && (colons.contains(&(c.start - 1))
                || c.start >= 2
                    && toks[c.start - 1].key == "the"
                    && colons.contains(&(c.start - 2)));
        !(dropped(c) && (before_colon || subtitle))
    });
}

/// Drops a guessed name written between an article and a lower-case organisation's noun ("the
/// Scientology organization", "the M5S party"): the noun heads that phrase and the name only
/// qualifies it. Persons and countries stay ("the New Zealand government"), and so do
/// the article's other mentions of the name.
fn drop_modifiers(toks: &[Tok], out: &mut Vec<Cand>) {
    out.retain(|c| {
        let modifier = c.guessed
            && c.actor.is_none()
            && c.start > 0
            && matches!(toks[c.start - 1].key.as_str(), "the" | "a" | "an")
            && !matches!(c.kind, ActorKind::Person | ActorKind::Country)
            && toks.get(c.end).is_some_and(|t| {
                t.is_word
                    && !t.cap
                    && t.sentence == toks[c.end - 1].sentence
                    && is_in(ORG_NOUNS, &t.key)
            });
        !modifier
    });
}

/// Words a title in title case writes in lower case.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "for", "from", "in", "on", "to", "at", "by", "with",
];

/// Drops the guessed names inside a quotation written wholly in title case: the title of a
/// work, a show or a product ("The Internet Explorer 6 Countdown", "Cowboys and Indians"),
/// or a nickname ("The Katherinator"), which names no actor. A person's name that opens
/// with a given name stays.
fn drop_quoted_titles(toks: &[Tok], stats: &WordStats, lex: &Lexicon, out: &mut Vec<Cand>) {
    let quote = |t: &Tok| matches!(t.text, "\"" | "\u{201c}" | "\u{201d}");
    let mut titles: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<usize> = None;
    for (k, t) in toks.iter().enumerate() {
        if t.line_break_before {
            open = None;
        }
        if !quote(t) {
            continue;
        }
        match open {
            Some(o) if t.text != "\u{201c}" => {
                let inner = &toks[o + 1..k];
                let title_case = inner.len() <= 12
                    && inner.iter().any(|w| w.cap)
                    && inner
                        .iter()
                        .all(|w| !w.is_word || w.cap || is_in(TITLE_SMALL_WORDS, &w.key));
                if title_case {
                    titles.push((o + 1, k));
                }
                open = None;
            }
            _ => open = Some(k),
        }
    }
    if titles.is_empty() {
        return;
    }
    out.retain(|c| {
        let quoted = titles.iter().any(|&(s, e)| s <= c.start && c.end <= e);
        let named = !c.guessed
            || c.actor.is_some()
            || c.title.is_some()
            || c.honorific
            || toks[c.start..c.end].iter().all(|t| t.all_caps)
            || c.end - c.start >= 2 && is_given_name(&toks[c.start], stats, lex);
        !quoted || named
    });
}

const COMPASS: &[&str] = &["north", "south", "east", "west"];

/// A name guessed to be a person's, written right after a person's name and "of" ("Raymond
/// Chan of People Power", "Nick Rhodes of Duran Duran"), says where that person belongs: an
/// organisation, not a second person.
fn affiliations_after_of(toks: &[Tok], out: &mut [Cand]) {
    let mut person_ends = vec![false; toks.len() + 1];
    for c in out.iter().filter(|c| c.kind == ActorKind::Person) {
        person_ends[c.end] = true;
    }
    for c in out.iter_mut() {
        if c.kind != ActorKind::Person
            || !c.guessed
            || c.actor.is_some()
            || c.title.is_some()
            || c.honorific
        {
            continue;
        }
        let mut k = c.start;
        if k > 0 && toks[k - 1].key == "the" {
            k -= 1;
        }
        if k >= 2 && toks[k - 1].key == "of" && person_ends[k - 1] {
            c.kind = ActorKind::Organization;
        }
    }
}

/// An ordinary word written capitalised, which the mention finder leaves aside, is the person
/// the article names in full with it as the surname ("Waters" once John Waters is named,
/// "Brown", "Rice"). Not when it joins other capitalised words, stands in a line of capitals or
/// is a dictionary name.
fn surnames_alone(toks: &[Tok], lex: &Lexicon, stats: &WordStats, out: &mut Vec<Cand>) {
    let surnames: Vec<&str> = out
        .iter()
        .filter(|c| c.kind == ActorKind::Person && c.end - c.start >= 2)
        .map(|c| &toks[c.end - 1])
        .filter(|t| t.is_word && t.cap && !t.all_caps)
        .map(|t| t.key.as_str())
        .collect();
    if surnames.is_empty() {
        return;
    }
    let mut covered = vec![false; toks.len()];
    for c in out.iter() {
        covered[c.start..c.end].iter_mut().for_each(|x| *x = true);
    }
    let name_word = |k: usize| toks.get(k).is_some_and(|t| t.is_word && t.cap);
    let mut found = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if covered[k]
            || !t.is_word
            || !t.cap
            || t.in_caps_line
            || name_word(k + 1)
            || k > 0 && name_word(k - 1) && !t.sentence_initial
            || !surnames.contains(&t.key.as_str())
            || !rarely_a_name(stats, &t.key)
            || longest_name(toks, k, k + 1, lex).is_some()
        {
            continue;
        }
        found.push(cand(k, k + 1, ActorKind::Person, None));
    }
    out.extend(found);
}

/// A compass word alone stands for the country named with it: "the North" once the article
/// names North Korea, and "North" in "North and South Korea". The country is the dictionary's
/// "North Korea", found from the article's own country mentions or, in the coordination, from
/// the name after it.
fn compass_countries(toks: &[Tok], lex: &Lexicon, out: &mut [Cand]) {
    let named: Vec<(String, u32)> = out
        .iter()
        .filter(|c| c.kind == ActorKind::Country && c.end - c.start >= 2)
        .filter(|c| is_in(COMPASS, &toks[c.start].key))
        .filter_map(|c| Some((toks[c.start].key.to_string(), c.actor?)))
        .collect();
    for c in out.iter_mut() {
        if c.end - c.start != 1 || c.actor.is_some() && c.kind == ActorKind::Country {
            continue;
        }
        let word = toks[c.start].key.as_str();
        if !is_in(COMPASS, word) {
            continue;
        }
        // "North and South Korea": the name after the second compass word completes it.
        let coordinated = toks
            .get(c.end)
            .is_some_and(|t| matches!(t.key.as_str(), "and" | "or"))
            && toks.get(c.end + 1).is_some_and(|t| is_in(COMPASS, &t.key))
            && toks.get(c.end + 2).is_some_and(|t| t.cap);
        let from_coordination = coordinated
            .then(|| {
                let rest = span_text(toks, c.end + 2, c.end + 3);
                let key = super::lexicon::key_of(&format!("{} {rest}", toks[c.start].text));
                pick(lex, lex.lookup(&key), Some(ActorKind::Country))
            })
            .flatten();
        let after_the = c.start > 0 && toks[c.start - 1].key == "the" && {
            toks.get(c.end).is_none_or(|t| !t.cap)
        };
        let from_article = after_the
            .then(|| {
                let mut hits = named.iter().filter(|(w, _)| w == word).map(|(_, a)| *a);
                let first = hits.next()?;
                hits.all(|a| a == first).then_some(first)
            })
            .flatten();
        if let Some(a) = from_coordination.or(from_article) {
            c.kind = ActorKind::Country;
            c.actor = Some(a);
            c.guessed = false;
        }
    }
}

/// Nouns that say the name after them is a product's or a work's ("the film Easy Rider",
/// "the cruise ship Freewinds").
const PRODUCT_NOUNS: &[&str] = &[
    "film",
    "movie",
    "novel",
    "book",
    "album",
    "song",
    "game",
    "ship",
    "vessel",
    "yacht",
    "browser",
    "software",
    "app",
    "console",
    "camera",
    "smartphone",
    "opera",
    "play",
];

/// Marks of a product line written after its maker's or brand's name ("PlayStation VR",
/// "Windows XP").
const PRODUCT_MARKS: &[&str] = &["vr", "xp", "os", "hd", "gt", "se"];

/// Words that open a noun phrase before a name used as a modifier ("the Polaroid camera").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that",
];

/// Drops the names of products and works, which are no actors: a name no dictionary holds
/// after a product noun, between a determiner and a product noun ("the Polaroid camera"),
/// ending in a product line's mark ("PlayStation VR"), or of two words or more before a
/// version number ("Internet Explorer 6"). The article's other
/// mentions of the same name, and of its initials ("IE"), go too.
fn drop_products(toks: &[Tok], out: &mut Vec<Cand>) {
    let version = |t: &Tok| {
        t.text.len() <= 3
            && t.text.starts_with(|c: char| c.is_ascii_digit())
            && t.text.chars().all(|c| c.is_ascii_digit() || c == '.')
    };
    let key = |c: &Cand| {
        toks[c.start..c.end]
            .iter()
            .map(|t| t.key.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut products: Vec<String> = Vec::new();
    for c in out
        .iter()
        .filter(|c| c.actor.is_none() && c.title.is_none())
    {
        let last = &toks[c.end - 1].key;
        let noun_before = c.start > 0 && {
            let p = &toks[c.start - 1];
            p.is_word && !p.cap && is_in(PRODUCT_NOUNS, &p.key)
        };
        // "the Polaroid camera", "her Nikon camera": the name modifies a product noun.
        let noun_after = c.start > 0
            && !is_in(ORG_NOUNS, last)
            && !is_in(PLACE_NOUNS, last)
            && is_in(DETERMINERS, &toks[c.start - 1].key)
            && toks
                .get(c.end)
                .is_some_and(|n| n.is_word && !n.cap && is_in(PRODUCT_NOUNS, &n.key));
        // Not a person's ("gave Sreten Lukic 30 days") nor a team's score ("Chiefs 30-10").
        let score = toks
            .get(c.end + 1)
            .is_some_and(|t| matches!(t.text, "-" | "\u{2013}" | ":"));
        let numbered = c.end - c.start >= 2
            && c.kind != ActorKind::Person
            && !is_in(ORG_NOUNS, last)
            && !is_in(PLACE_NOUNS, last)
            && !score
            && toks
                .get(c.end)
                .is_some_and(|n| version(n) && n.start > toks[c.end - 1].end);
        // "PlayStation VR", "Windows XP": a product line's mark after a name.
        let line_mark =
            c.end - c.start >= 2 && toks[c.end - 1].all_caps && is_in(PRODUCT_MARKS, last);
        if noun_before || noun_after || numbered || line_mark {
            products.push(key(c));
        }
    }
    // A product's initials name it too ("IE" for "Internet Explorer").
    let initials: Vec<String> = products
        .iter()
        .filter(|p| p.contains(' '))
        .map(|p| p.split(' ').filter_map(|w| w.chars().next()).collect())
        .collect();
    products.extend(initials);
    if !products.is_empty() {
        out.retain(|c| c.actor.is_some() || !products.contains(&key(c)));
    }
}

/// Persons the article names elsewhere, inside the name of an organisation or place called
/// after them ("the Andy Warhol Foundation", "the Warhol Factory" once Andy Warhol is
/// named): a person mention nested in the longer one. Only a full name written elsewhere, or
/// the surname of one, counts, so a namesake's building ("the Heydar Aliyev Center" beside
/// "Ilham Aliyev") yields no one.
fn nested_persons(toks: &[Tok], works: &[(usize, usize)], out: &mut Vec<Cand>) {
    let keys = |(s, e): (usize, usize)| {
        toks[s..e]
            .iter()
            .map(|t| t.key.as_str())
            .collect::<Vec<_>>()
    };
    let persons: Vec<(Vec<&str>, Option<u32>)> = out
        .iter()
        .filter(|c| c.kind == ActorKind::Person && c.end - c.start > 1 && !c.honorific)
        .map(|c| (keys((c.start, c.end)), c.actor))
        .collect();
    if persons.is_empty() {
        return;
    }
    let hosts = out
        .iter()
        .filter(|c| matches!(c.kind, ActorKind::Organization | ActorKind::Place))
        .map(|c| (c.start, c.end))
        .chain(works.iter().copied())
        .filter(|(s, e)| e - s >= 2);
    let mut nested = Vec::new();
    for (start, end) in hosts {
        let words = keys((start, end));
        let found = persons.iter().find_map(|(name, actor)| {
            let full = (words.len() > name.len() && words.starts_with(name)).then_some(name.len());
            let surname = name
                .last()
                .filter(|s| words.len() > 1 && words[0] == **s)
                .map(|_| 1);
            full.or(surname).map(|len| (len, *actor))
        });
        if let Some((len, actor)) = found {
            nested.push(cand(start, start + len, ActorKind::Person, actor));
        }
    }
    out.extend(nested);
}

/// A common lower-case noun after a hyphen, which makes the hyphenated word a compound;
/// adjective endings ("-related", "-like", "-based") do not.
fn is_compound_tail(t: &Tok, stats: &WordStats) -> bool {
    let adjective = t.key.ends_with("ed") || t.key.ends_with("ing") || t.key == "like";
    !t.cap && !adjective && stats.get(&t.key).is_common()
}

/// Whether the hyphen at `k` joins the last words of a listed name, read with the hyphen as
/// a space ("Ban Ki-moon" under "Ban Ki Moon"), starting at most three words back within the
/// run that starts at `i`: then a common word after it ("moon") is still the name's.
fn listed_through_hyphen(toks: &[Tok], i: usize, k: usize, lex: &Lexicon) -> bool {
    let tail = toks[k + 1].key.as_str();
    let mut key = String::with_capacity(32);
    (i.max(k.saturating_sub(3))..k).rev().any(|m| {
        key.clear();
        for t in toks[m..k].iter().filter(|t| t.text != "-") {
            key.push_str(&t.key);
            key.push(' ');
        }
        key.push_str(tail);
        !lex.lookup(&key).is_empty()
    })
}

/// Countries, places and organisations the dictionaries hold, named inside an event's or a
/// work's name ("the Taipei City Lantern Festival", "the United Nations World Summit"), are
/// mentions of their own, as inside an organisation's name.
fn nested_in_works(toks: &[Tok], lex: &Lexicon, works: &[(usize, usize)], out: &mut Vec<Cand>) {
    let kinds = [
        ActorKind::Country,
        ActorKind::Place,
        ActorKind::Organization,
    ];
    for &(s, e) in works {
        out.extend(dictionary_names_inside(toks, lex, s, e, &kinds));
    }
}

/// The dictionary names of the first of `kinds` that has one, inside the name `[s, e)` and
/// shorter than it, left to right, longest first; no nationality words.
fn dictionary_names_inside(
    toks: &[Tok],
    lex: &Lexicon,
    s: usize,
    e: usize,
    kinds: &[ActorKind],
) -> Vec<Cand> {
    let mut found = Vec::new();
    let mut k = s;
    while k < e {
        // At the start, a name shorter than the whole ("US" in "US State Department").
        let hit = longest_name(toks, k, if k == s { e - 1 } else { e }, lex)
            .filter(|_| toks[k].cap)
            .and_then(|(len, hits)| {
                let a = kinds.iter().find_map(|&kind| pick(lex, hits, Some(kind)))?;
                Some((len, a, lex.actor(a)?.kind))
            });
        match hit {
            Some((len, a, kind))
                if !short_alias_mismatch(toks, k, k + len)
                    && !is_demonym(toks, k, k + len, lex, a) =>
            {
                found.push(cand(k, k + len, kind, Some(a)));
                k += len;
            }
            _ => k += 1,
        }
    }
    found
}

/// Countries and places named inside a longer organisation's or place's name ("the United
/// Kingdom Home Office", "the University of Southern Indiana") are mentions of their own.
fn nested_places(toks: &[Tok], lex: &Lexicon, out: &mut Vec<Cand>, from: usize) {
    let mut nested = Vec::new();
    for c in &out[from..] {
        if !matches!(c.kind, ActorKind::Organization | ActorKind::Place) || c.end - c.start < 2 {
            continue;
        }
        nested.extend(dictionary_names_inside(
            toks,
            lex,
            c.start,
            c.end,
            &[ActorKind::Country, ActorKind::Place],
        ));
        // "the Municipality of Bogliasco", "the Province of Quebec": the place after "of" is
        // named in its own right.
        if c.actor.is_none() {
            let of = (c.start + 1..c.end.saturating_sub(1)).find(|&k| {
                toks[k].key == "of"
                    && (c.kind == ActorKind::Place && is_in(PLACE_NOUNS, &toks[k - 1].key)
                        || is_in(PLACE_CLASSES, &toks[k - 1].key))
            });
            if let Some(k) = of.filter(|k| !nested.iter().any(|n: &Cand| n.start == k + 1)) {
                let mut tail = cand(k + 1, c.end, ActorKind::Place, None);
                tail.guessed = true;
                nested.push(tail);
            }
        }
    }
    out.extend(nested);
}

fn starts_name(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    t.cap && !t.in_caps_line && !is_function_word(&t.key) && !is_model_code(t.text)
}

/// Letters with a number at the end ("IE6", "A380"): a product's or model's code, not a
/// name. A single letter ("G20") or digits inside an acronym ("M5S") are left to be names.
fn is_model_code(word: &str) -> bool {
    let letters = word.chars().filter(|&c| is_letter(c)).count();
    word.ends_with(|c: char| c.is_ascii_digit()) && word.starts_with(is_letter) && letters > 1
}

/// Whether a word names a country or its people ("Israel", "Azerbaijani", "US"): two such
/// words joined by a hyphen ("Israel-Azerbaijan ties", "US-China talks") pair two countries
/// and make no name of their own.
fn country_word(key: &str, lex: &Lexicon) -> bool {
    pick(lex, lex.lookup(key), Some(ActorKind::Country)).is_some()
}

/// Whether token `k` is a hyphen written between two words without spaces ("Hee-Chan").
fn hyphen_link(toks: &[Tok], k: usize) -> bool {
    k >= 1
        && k + 1 < toks.len()
        && toks[k].text == "-"
        && toks[k - 1].end == toks[k].start
        && toks[k].end == toks[k + 1].start
        && toks[k - 1].is_word
        && toks[k + 1].is_word
}

/// The end of the run of name words starting at `i`.
fn run_end(toks: &[Tok], i: usize, stats: &WordStats, lex: &Lexicon) -> usize {
    let mut k = i + 1;
    // The run went on through "for" or "of" after an organisation's noun.
    let mut through_org = false;
    while k < toks.len() {
        let t = &toks[k];
        // Hyphenated names: "Hee-Chan", "Wai-keung", "Al-Maeena", "al-Amr". A common word
        // after the hyphen makes a compound instead ("Co-founder").
        if hyphen_link(toks, k) {
            let (prev, next) = (&toks[k - 1], &toks[k + 1]);
            let joins = (prev.cap || is_in(NAME_PARTICLES, &prev.key))
                && (next.cap
                    || !stats.get(&next.key).is_common()
                    || listed_through_hyphen(toks, i, k, lex))
                && !is_model_code(next.text)
                && !is_in(MODIFIER_PREFIXES, &prev.key)
                && !(country_word(&prev.key, lex) && country_word(&next.key, lex));
            if joins {
                k += 2;
                continue;
            }
            break;
        }
        // A sentence break right after an honorific's dot is a segmentation slip: go on.
        let after_honorific =
            k >= 2 && toks[k - 1].text == "." && is_in(HONORIFICS, &toks[k - 2].key);
        if (t.sentence != toks[k - 1].sentence && !after_honorific)
            || t.line_break_before
            || t.in_caps_line
        {
            break;
        }
        // An initial glued to the dot of the one before ("L.A.", "U.S.") goes on, even "A".
        let glued_initial = t.text.len() == 1
            && toks[k - 1].text == "."
            && toks[k - 1].end == t.start
            && k >= 2
            && toks[k - 2].text.len() == 1;
        if t.cap && (!is_function_word(&t.key) || glued_initial) {
            k += 1;
            continue;
        }
        let prev = &toks[k - 1];
        let adjacent = prev.end == t.start;
        if t.text == "."
            && adjacent
            && (prev.text.chars().count() == 1 && prev.cap || is_in(HONORIFICS, &prev.key))
        {
            k += 1;
            continue;
        }
        let next_cap = toks
            .get(k + 1)
            .is_some_and(|n| n.cap && n.sentence == t.sentence);
        if next_cap && t.text == "&" {
            k += 1;
            continue;
        }
        let particle_before_hyphen = hyphen_link(toks, k + 1)
            && toks.get(k + 2).is_some_and(|n| n.cap)
            && matches!(t.key.as_str(), "al" | "el");
        if (next_cap || particle_before_hyphen) && is_in(NAME_PARTICLES, &t.key) {
            k += 1;
            continue;
        }
        if next_cap && t.key == "of" && is_in(ORG_NOUNS, &prev.key) | is_in(PLACE_NOUNS, &prev.key)
        {
            k += 1;
            continue;
        }
        // "Foundation for the Visual Arts", "Ministry of the Interior": an organisation's
        // noun goes on through "for" or "of the" to the capitalised words after it.
        let the_then_cap = toks.get(k + 1).is_some_and(|n| n.key == "the")
            && toks
                .get(k + 2)
                .is_some_and(|n| n.cap && n.sentence == t.sentence);
        if (t.key == "for" && next_cap || matches!(t.key.as_str(), "for" | "of") && the_then_cap)
            && is_in(ORG_NOUNS, &prev.key)
        {
            k += if the_then_cap { 2 } else { 1 };
            through_org = true;
            continue;
        }
        // "Forces for Defence of Democracy": past that, "of" goes on too.
        if through_org && t.key == "of" && (next_cap || the_then_cap) {
            k += if the_then_cap { 2 } else { 1 };
            continue;
        }
        if next_cap && t.key == "of" && title_through_of(toks, i, k, lex) {
            k += 1;
            continue;
        }
        // "the Korean People's Army", "New People's Party": an ordinary word's possessive
        // goes on to the organisation's name it opens.
        if matches!(t.text, "'" | "\u{2019}") && stats.get(&prev.key).is_common() {
            let after = k + 2;
            let s_then_cap = toks
                .get(k + 1)
                .is_some_and(|n| n.key == "s" && n.start == t.end)
                && toks.get(after).is_some_and(|n| {
                    n.cap && n.sentence == t.sentence && !is_function_word(&n.key)
                });
            if s_then_cap {
                let m = run_end(toks, after, stats, lex);
                let whole_name = longest_name(toks, i, k, lex).is_some_and(|(len, _)| len == k - i);
                if is_in(ORG_NOUNS, &toks[m - 1].key) && !whole_name {
                    k = m;
                }
            }
        }
        break;
    }
    // A trailing dot belongs to the run only as part of an initial or abbreviation.
    k
}

/// Whether a title spans the "of" at `k` and a capitalised name follows it ("Secretary of
/// State Warren Christopher", "Chief of Staff John Kelly"), so the run goes on through it.
fn title_through_of(toks: &[Tok], i: usize, k: usize, lex: &Lexicon) -> bool {
    (i..k).any(|x| {
        let mut key = String::new();
        for (n, t) in toks[x..].iter().take(lex.max_agent_tokens()).enumerate() {
            if n > 0 {
                key.push(' ');
            }
            key.push_str(&t.key);
            let after = x + n + 1;
            if after > k + 1 && lex.agent(&key).is_some() {
                let name_follows = toks
                    .get(after)
                    .is_some_and(|a| a.cap && a.sentence == toks[k].sentence);
                if name_follows {
                    return true;
                }
            }
            if !lex.is_agent_prefix(&key) {
                break;
            }
        }
        false
    })
}

/// Longest dictionary name starting at `pos`, ending by `end`: (length, actor ids).
fn longest_name<'l>(
    toks: &[Tok],
    pos: usize,
    end: usize,
    lex: &'l Lexicon,
) -> Option<(usize, &'l [u32])> {
    let stop = end.min(pos + lex.max_name_tokens()).min(toks.len());
    // The first word is its own key: most runs stop there, with nothing allocated.
    let first = toks.get(pos).filter(|_| pos < stop)?;
    let hits = lex.lookup(&first.key);
    let mut best = (!hits.is_empty()).then_some((1, hits));
    if !lex.is_name_prefix(&first.key) {
        return best;
    }
    let mut key = String::with_capacity(48);
    key.push_str(&first.key);
    // The key with each hyphen that joins two words read as a space, once one is seen: the
    // lists write "Jean Bertrand Aristide" and "Kim Jong Il", news "Jean-Bertrand" and "Jong-il".
    let mut spaced: Option<String> = None;
    for (n, t) in toks[pos + 1..stop].iter().enumerate() {
        let k = pos + 1 + n;
        let joining = hyphen_link(toks, k);
        match spaced.as_mut() {
            Some(_) if joining => {}
            Some(sp) => {
                sp.push(' ');
                sp.push_str(&t.key);
            }
            None if joining => spaced = Some(key.clone()),
            None => {}
        }
        key.push(' ');
        key.push_str(&t.key);
        let mut hits = lex.lookup(&key);
        if hits.is_empty() && !joining {
            if let Some(sp) = &spaced {
                hits = lex.lookup(sp);
            }
        }
        if !hits.is_empty() {
            best = Some((k + 1 - pos, hits));
        }
        if !lex.is_name_prefix(&key) && !spaced.as_ref().is_some_and(|sp| lex.is_name_prefix(sp)) {
            break;
        }
    }
    best
}

/// Longest agent (title) phrase starting at `pos`, ending by `end`; plurals fold to singular.
fn longest_agent<'l>(
    toks: &[Tok],
    pos: usize,
    end: usize,
    lex: &'l Lexicon,
) -> Option<(usize, &'l str)> {
    let first = toks.get(pos).map(|t| t.key.as_str())?;
    if !lex.starts_agent(first) && !first.strip_suffix('s').is_some_and(|s| lex.starts_agent(s)) {
        return None;
    }
    let mut key = String::with_capacity(48);
    let mut best = None;
    let stop = end.min(pos + lex.max_agent_tokens()).min(toks.len());
    for (n, t) in toks[pos.min(stop)..stop].iter().enumerate() {
        let k = pos + n;
        if k > pos {
            key.push(' ');
        }
        key.push_str(&t.key);
        if let Some(code) = lex
            .agent(&key)
            .or_else(|| key.strip_suffix('s').and_then(|s| lex.agent(s)))
        {
            best = Some((k + 1 - pos, code));
        }
        if !lex.is_agent_prefix(&key) {
            break;
        }
    }
    best
}

fn pick(lex: &Lexicon, hits: &[u32], want: Option<ActorKind>) -> Option<u32> {
    match want {
        Some(k) => hits
            .iter()
            .copied()
            .find(|i| lex.actor(*i).is_some_and(|a| a.kind == k)),
        None => {
            // Prefer countries, then groups and organisations, then persons, then places
            // (the most populous first).
            let rank = |i: &u32| match lex.actor(*i) {
                Some(a) if a.kind == ActorKind::Country => 0,
                Some(a) if a.kind == ActorKind::Group => 1,
                Some(a) if a.kind == ActorKind::Place && a.geo.is_some() => 2,
                Some(a) if a.kind == ActorKind::Organization => 3,
                Some(a) if a.kind == ActorKind::Person => 4,
                _ => 5,
            };
            hits.iter().copied().min_by_key(|i| {
                (
                    rank(i),
                    std::cmp::Reverse(lex.actor(*i).map_or(0, |a| a.population)),
                    *i,
                )
            })
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn split_run(
    toks: &[Tok],
    i: usize,
    j: usize,
    lex: &Lexicon,
    stats: &WordStats,
    out: &mut Vec<Cand>,
    carried_title: Option<String>,
) {
    if let Some(k) = run_split(toks, i, j, stats, lex) {
        split_run(toks, i, k, lex, stats, out, carried_title);
        split_run(toks, k, j, lex, stats, out, None);
        return;
    }
    let mut pos = i;
    let mut title: Option<String> = carried_title;
    let mut title_country = None;
    let mut honorific = false;
    let mut honor_start = None;
    let mut plural_title = false;
    let mut title_start = None;
    while pos < j {
        // An ordinary word opening the sentence ("Later Mr. Elmas") is not part of the name.
        if toks[pos].sentence_initial
            && pos + 1 < j
            && stats.get(&toks[pos].key).is_common()
            && longest_name(toks, pos, j, lex).is_none()
        {
            pos += 1;
            continue;
        }
        if is_in(HONORIFICS, &toks[pos].key) && pos + 1 < j {
            honorific = true;
            honor_start = Some(pos);
            pos += 1;
            if toks[pos].text == "." {
                pos += 1;
            }
            break;
        }
        if let Some((len, _)) = longest_agent(toks, pos, j, lex) {
            // A one-word title must be a word news writes in lower case too ("president"),
            // so that a first name that is also a role ("Dean") stays part of the name.
            let word = toks[pos].key.as_str();
            let common = len > 1
                || stats.get(word).lower >= 5
                || stats.get(word.strip_suffix('s').unwrap_or(word)).lower >= 5;
            // A title stands before a person's name, not before "of" or a name that ends in
            // an organisation's or a place's noun ("University of …", "College Park").
            let last = toks[j - 1].key.as_str();
            let before_name = toks.get(pos + len).is_some_and(|t| t.cap)
                && !is_in(ORG_NOUNS, last)
                && !is_in(PLACE_NOUNS, last);
            if pos + len < j && common && before_name {
                // A country opening the title ("US President") is a mention of its own.
                if let Some((clen, hits)) = longest_name(toks, pos, pos + len - 1, lex) {
                    if let Some(c) = pick(lex, hits, Some(ActorKind::Country))
                        .filter(|&c| !is_demonym(toks, pos, pos + clen, lex, c))
                        .filter(|_| !short_alias_mismatch(toks, pos, pos + clen))
                    {
                        title_country = lex.actor(c).and_then(|x| x.country.clone());
                        out.push(cand(pos, pos + clen, ActorKind::Country, Some(c)));
                    }
                }
                plural_title |= toks[pos + len - 1].key.ends_with('s');
                title_start.get_or_insert(pos);
                let text = span_text(toks, pos, pos + len);
                title = Some(match title {
                    Some(t) if title_country.is_none() && !t.is_empty() => format!("{t} {text}"),
                    _ => text,
                });
                pos += len;
                continue;
            }
        }
        if let Some((len, c)) = country_at(toks, pos, j, lex) {
            // "the Indonesian Navy", "the Saudi Interior Ministry": a nationality word opening
            // an organisation's name is part of it, and gives it its country.
            let org_name =
                is_in(ORG_NOUNS, &toks[j - 1].key) || org_noun_through(toks, pos + len, j);
            let listed = longest_name(toks, pos, j, lex).is_some_and(|(l, _)| pos + l == j);
            if pos + len < j && org_name && !listed && is_demonym(toks, pos, pos + len, lex, c) {
                title_country = lex.actor(c).and_then(|x| x.country.clone());
                break;
            }
            // A country before a role word is a mention of its own ("Syrian officials"),
            // unless the whole run is a listed name ("the Palestinian Authority").
            {
                if pos + len < j && !listed && longest_agent(toks, pos + len, j, lex).is_some() {
                    title_country = lex.actor(c).and_then(|x| x.country.clone());
                    out.push(cand(pos, pos + len, ActorKind::Country, Some(c)));
                    title_start.get_or_insert(pos);
                    pos += len;
                    continue;
                }
            }
        }
        break;
    }
    if pos >= j {
        return;
    }
    if !honorific && title.is_none() {
        if let Some(k) = person_inside(toks, pos, j, lex, stats) {
            // Words before the name that hold a title ("US President", "Emeritus
            // Professor") are the person's title, after any country they open with.
            if (pos..k).any(|x| longest_agent(toks, x, k, lex).is_some()) {
                let mut from = pos;
                if let Some((len, hits)) = longest_name(toks, pos, k, lex) {
                    if let Some(c) = pick(lex, hits, Some(ActorKind::Country))
                        .filter(|&c| len < k - pos && !is_demonym(toks, pos, pos + len, lex, c))
                    {
                        title_country = lex.actor(c).and_then(|x| x.country.clone());
                        out.push(cand(pos, pos + len, ActorKind::Country, Some(c)));
                        from = pos + len;
                    }
                }
                title = Some(span_text(toks, from, k));
                title_start = Some(pos);
            } else if let Some(c) = classify(toks, pos, pos, k, lex, stats, false) {
                out.push(c);
            }
            pos = k;
        }
    }
    let start = honor_start.unwrap_or(pos);
    let Some(mut c) = classify(
        toks,
        start,
        pos,
        j,
        lex,
        stats,
        honorific || title.is_some(),
    ) else {
        return;
    };
    c.title = title.map(|t| singular_title(&t));
    c.title_country = title_country;
    c.honorific = honorific;
    c.plural_title = plural_title;
    if c.kind == ActorKind::Person && !honorific {
        c.title_start = title_start;
    }
    out.push(c);
}

/// Where a run of capitalised words holds two names side by side: before an honorific inside
/// it ("Education Mr. Toccafondi"), or between an organisation's noun and a person's name
/// ("the Refugee Council Enver Solomon").
fn run_split(toks: &[Tok], i: usize, j: usize, stats: &WordStats, lex: &Lexicon) -> Option<usize> {
    let names = PersonNames::shipped();
    // Where a country's name opening the run ends, looked up once for the whole run.
    let country_end = longest_name(toks, i, j, lex).map(|(len, _)| i + len);
    (i + 1..j.saturating_sub(1)).find(|&k| {
        let honorific = matches!(toks[k].key.as_str(), "mr" | "mrs" | "ms" | "dr")
            && (toks[k + 1].text == "." && k + 2 < j || toks[k + 1].cap);
        let person_after_org = k >= i + 2
            && is_in(ORG_NOUNS, &toks[k - 1].key)
            && j - k >= 2
            && toks[k..j].iter().enumerate().all(|(n, t)| {
                // "Leung Yiu-chung": the hyphen and a lower-case part after it.
                let hyphened =
                    hyphen_link(toks, k + n) || !t.cap && n > 0 && hyphen_link(toks, k + n - 1);
                hyphened
                    || t.cap
                        && !t.all_caps
                        && !stats.get(&t.key).is_common()
                        && !is_in(ORG_NOUNS, &t.key)
                        && !is_in(PLACE_NOUNS, &t.key)
            })
            && (is_given_name(&toks[k], stats, lex) || names.get(&toks[j - 1].key).surname)
            && longest_name(toks, i, j, lex).is_none_or(|(len, _)| i + len <= k);
        honorific
            || person_after_org
            || country_end == Some(k) && person_after_country(toks, i, k, j, stats, lex)
            || country_end == Some(k) && listed_person_after_body(toks, i, k, j, lex)
    })
}

/// Whether a listed body's name fills `[i, k)` and a title and a listed person's name fill
/// `[k, j)` ("Federal Reserve Chairman Alan Greenspan"): the body is a mention of its own and
/// the title stays the person's. A body that is or opens with a country keeps the title ("US
/// President Barack Obama", where "US President" is listed), and one whose listed name holds
/// the title ("U.N. Secretary-General Kofi Annan") stays whole.
fn listed_person_after_body(toks: &[Tok], i: usize, k: usize, j: usize, lex: &Lexicon) -> bool {
    let no_country = |end: usize| {
        longest_name(toks, i, end, lex)
            .is_none_or(|(_, hits)| pick(lex, hits, Some(ActorKind::Country)).is_none())
    };
    let body = longest_name(toks, i, k, lex).is_some_and(|(len, _)| i + len == k)
        && no_country(k)
        && no_country(k - 1);
    let Some((title, _)) = longest_agent(toks, k, j, lex) else {
        return false;
    };
    let from = k + title;
    body && from < j
        && longest_name(toks, from, j, lex).is_some_and(|(n, hits)| {
            from + n == j && pick(lex, hits, Some(ActorKind::Person)).is_some()
        })
}

/// Whether a country's own name fills `[i, k)` and a person's name of two words or more, no
/// title, ordinary word or dictionary name among them, follows it in the same run ("Ambassador to the
/// United States Hamdullah Mohib", "France Jean Dupont"). Nationality words are left to the
/// name they open ("Russian Igor Andreev").
fn person_after_country(
    toks: &[Tok],
    i: usize,
    k: usize,
    j: usize,
    stats: &WordStats,
    lex: &Lexicon,
) -> bool {
    // A person's name runs to four words at most.
    if !(2..=4).contains(&(j - k))
        || toks[k..j]
            .iter()
            .any(|t| !t.cap || t.all_caps || !t.is_word)
    {
        return false;
    }
    // Each word unseen in names or seen mostly in persons', and no title among them
    // ("U.S. President Barack Obama" keeps its title).
    let personal = toks[k..j].iter().all(|t| {
        let c = stats.get(&t.key);
        !c.is_common() && c.person >= c.organization + c.place + c.nationality
    });
    let titled = (k..j).any(|x| longest_agent(toks, x, j, lex).is_some());
    if !personal || titled || longest_name(toks, k, j, lex).is_some() {
        return false;
    }
    longest_name(toks, i, j, lex).is_some_and(|(len, hits)| {
        i + len == k
            && pick(lex, hits, Some(ActorKind::Country))
                .is_some_and(|c| !is_demonym(toks, i, k, lex, c))
    })
}

/// The longest country name starting at `pos` and ending by `end`, also when a longer name
/// of something else starts there ("US" under the organisation alias "US President").
fn country_at(toks: &[Tok], pos: usize, end: usize, lex: &Lexicon) -> Option<(usize, u32)> {
    let mut end = end;
    while let Some((len, hits)) = longest_name(toks, pos, end, lex) {
        if let Some(c) = pick(lex, hits, Some(ActorKind::Country)) {
            return Some((len, c));
        }
        end = pos + len - 1;
    }
    None
}

/// Where a person's full name starts inside a longer run of capitalised words that no
/// dictionary holds ("Results Eddie Chu", "Demosisto Ann Chiang"): at a given name, after words
/// that are none, when a surname-like word follows it and no organisation's or place's noun
/// ends the run.
fn person_inside(
    toks: &[Tok],
    s: usize,
    e: usize,
    lex: &Lexicon,
    stats: &WordStats,
) -> Option<usize> {
    if e - s < 3
        || is_in(ORG_NOUNS, &toks[e - 1].key)
        || is_in(PLACE_NOUNS, &toks[e - 1].key)
        || org_noun_through(toks, s, e)
    {
        return None;
    }
    if longest_name(toks, s, e, lex).is_some_and(|(len, _)| len == e - s) {
        return None;
    }
    let k = (s + 1..e - 1).find(|&k| is_given_name(&toks[k], stats, lex))?;
    let before_are_names = toks[s..k]
        .iter()
        .any(|t| is_given_name(t, stats, lex) || is_in(NAME_PARTICLES, &t.key) || !t.cap);
    (!before_are_names && toks[k + 1].cap && !stats.get(&toks[k + 1].key).is_common()).then_some(k)
}

fn singular_title(t: &str) -> String {
    match t.strip_suffix('s') {
        Some(s) if !s.ends_with('s') && !t.contains(' ') => s.to_string(),
        _ => t.to_string(),
    }
}

/// A mention of `kind` over `[start, end)` with nothing else known.
pub(super) fn cand(start: usize, end: usize, kind: ActorKind, actor: Option<u32>) -> Cand {
    Cand {
        start,
        end,
        kind,
        actor,
        title: None,
        title_country: None,
        honorific: false,
        government_of: None,
        plural_title: false,
        guessed: false,
        title_start: None,
    }
}

/// Classifies the name `[name, j)`; the mention spans `[start, j)` (it may include an
/// honorific before the name).
#[allow(clippy::too_many_arguments)]
fn classify(
    toks: &[Tok],
    start: usize,
    name: usize,
    j: usize,
    lex: &Lexicon,
    stats: &WordStats,
    personal: bool,
) -> Option<Cand> {
    let last = &toks[j - 1].key;
    // "the Italian Episcopal Conference": a conference that is no meeting is a body.
    if last == "conference" && j - name > 1 && !conference_event(toks, name, j, lex) {
        return Some(cand(start, j, ActorKind::Organization, None));
    }
    if is_in(OTHER_NOUNS, last) && j - name > 1
        || not_actors::is_tag(toks, name)
        || not_actors::is_unit(toks, name, j)
        || !personal && not_actors::after_storm_word(toks, name)
    {
        return None;
    }
    if let Some((len, hits)) = longest_name(toks, name, j, lex) {
        if len == j - name {
            let want = personal.then_some(ActorKind::Person);
            if let Some(a) = pick(lex, hits, want).or_else(|| pick(lex, hits, None)) {
                let kind = if personal {
                    ActorKind::Person
                } else {
                    lex.actor(a)?.kind
                };
                if short_alias_mismatch(toks, name, j) {
                    return None;
                }
                if kind == ActorKind::Country && adjective_use(toks, name, j, lex, a) {
                    return None;
                }
                let mut c = cand(start, j, kind, Some(a));
                if kind == ActorKind::Place {
                    c.government_of = government_of(toks, start, j, lex, a);
                    if c.government_of.is_some() {
                        c.kind = ActorKind::Country;
                    }
                }
                return Some(c);
            }
        }
    }
    if !personal && not_actors::is_event_or_faith(toks, name, j) {
        return None;
    }
    // "the Cessation of Hostilities", "the Declaration of Independence": an abstract noun and
    // "of" name an act, a document or an idea, no actor, and so does the name after its "of".
    let abstract_of = j - name == 1
        && toks.get(j).is_some_and(|t| t.key == "of")
        && toks.get(j + 1).is_some_and(|t| t.cap)
        && is_abstract_noun(&toks[name], lex);
    let after_abstract_of =
        name >= 2 && toks[name - 1].key == "of" && is_abstract_noun(&toks[name - 2], lex);
    if !personal && (abstract_of || after_abstract_of) {
        return None;
    }
    if !personal && j - name == 1 {
        // "Canadians", "Iraqis": a nationality's plural names the country's people; "ethnic
        // Albanians" names an ethnic group, wherever its members live.
        let ethnic = name > 0 && toks[name - 1].key == "ethnic";
        if let Some(a) = plural_demonym(&toks[name].key, lex).filter(|_| !ethnic) {
            return Some(cand(start, j, ActorKind::Country, Some(a)));
        }
        // "European allies", "an Asian betting ring", "Kurdish rebels": a region's or an
        // unlisted people's adjective before a noun.
        let key = toks[name].key.as_str();
        let adjective = place_adjective(key, lex)
            || key.len() > 5 && key.ends_with("ish") && lex.lookup(key).is_empty();
        if adjective
            && toks
                .get(j)
                .is_some_and(|n| n.is_word && !n.cap || n.text == "-")
        {
            return None;
        }
    }
    if org_noun_through(toks, name, j) {
        return Some(cand(start, j, ActorKind::Organization, None));
    }
    if place_noun_through(toks, name, j) || facility_centre(toks, name, j) {
        return Some(cand(start, j, ActorKind::Place, None));
    }
    if j - name > 1 || !toks[name].sentence_initial {
        if is_in(ORG_NOUNS, last) {
            return Some(cand(start, j, ActorKind::Organization, None));
        }
        if is_in(PLACE_NOUNS, last) {
            return Some(cand(start, j, ActorKind::Place, None));
        }
    }
    if personal {
        return Some(cand(start, j, ActorKind::Person, None));
    }
    // "the President", "the King": an office one person holds, capitalised after "the" with
    // no name or "of" after it, is that person.
    if j - name == 1 && one_person_office(toks, name) {
        return Some(cand(start, j, ActorKind::Person, None));
    }
    // A role or community word alone ("Jewish", "Government", "CEO") names no one.
    if j - name == 1 && longest_agent(toks, name, j, lex).is_some() {
        return None;
    }
    // Words that are nearly always ordinary words, capitalised for emphasis or in a title.
    if toks[name..j].iter().all(|t| rarely_a_name(stats, &t.key)) {
        return None;
    }
    // A sentence-initial word that is mostly an ordinary word starts no name.
    let mut name = name;
    if toks[name].sentence_initial && stats.get(&toks[name].key).is_common() {
        name += 1;
        if name >= j {
            return None;
        }
        return classify(toks, name, name, j, lex, stats, false);
    }
    guess(toks, name, j, stats, lex)
}

/// Offices one person holds at a time.
const ONE_PERSON_OFFICES: &[&str] = &[
    "president",
    "pope",
    "pontiff",
    "king",
    "queen",
    "emperor",
    "empress",
    "sultan",
    "emir",
    "chancellor",
    "premier",
];

/// Whether the word at `k` is a one-person office written as a name: capitalised inside a
/// sentence, after "the", and followed by no name and no "of".
fn one_person_office(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    t.cap
        && !t.all_caps
        && !t.sentence_initial
        && k > 0
        && toks[k - 1].key == "the"
        && is_in(ONE_PERSON_OFFICES, &t.key)
        && toks
            .get(k + 1)
            .is_none_or(|n| n.key != "of" && !(n.cap && n.sentence == t.sentence))
}

/// Whether a conference's name `[s, e)` names a meeting rather than a standing body: it is
/// called after a place ("the Bonn Conference", "the Paris Peace Conference") or numbered
/// ("Paris III Donor Conference", "the 2009 Climate Conference").
fn conference_event(toks: &[Tok], s: usize, e: usize, lex: &Lexicon) -> bool {
    let numbered = toks[s..e].iter().any(|t| {
        t.text.bytes().all(|b| b.is_ascii_digit())
            || t.all_caps && t.text.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
    }) || s > 0 && toks[s - 1].text.bytes().all(|b| b.is_ascii_digit());
    let placed = longest_name(toks, s, e - 1, lex).is_some_and(|(len, hits)| {
        hits.iter().any(|&a| {
            lex.actor(a)
                .is_some_and(|x| matches!(x.kind, ActorKind::Country | ActorKind::Place))
        }) && !hits.iter().any(|&a| is_demonym(toks, s, s + len, lex, a))
    });
    numbered || placed
}

/// Whether an organisation's noun inside `[s, e)` goes on through "of" or "for" ("the
/// Andy Warhol Foundation for the Visual Arts").
fn org_noun_through(toks: &[Tok], s: usize, e: usize) -> bool {
    (s + 1..e.saturating_sub(1))
        .any(|k| matches!(toks[k].key.as_str(), "of" | "for") && is_in(ORG_NOUNS, &toks[k - 1].key))
}

/// Whether a place's noun inside `[s, e)` goes on through "of" ("the Municipality of
/// Bogliasco", "the Gulf of Aden").
fn place_noun_through(toks: &[Tok], s: usize, e: usize) -> bool {
    (s + 1..e.saturating_sub(1))
        .any(|k| toks[k].key == "of" && is_in(PLACE_NOUNS, &toks[k - 1].key))
}

/// Whether `[s, e)` ends in a centre that is a building ("Convention Centre").
fn facility_centre(toks: &[Tok], s: usize, e: usize) -> bool {
    e - s >= 2
        && matches!(toks[e - 1].key.as_str(), "center" | "centre")
        && is_in(FACILITY_CENTRES, &toks[e - 2].key)
}

/// Whether the words before `s` make the name a place's: "the town of", "next to".
fn place_before(toks: &[Tok], s: usize) -> bool {
    if s < 2 {
        return false;
    }
    let (a, b) = (&toks[s - 2], &toks[s - 1]);
    (b.key == "of" && a.is_word && !a.cap && is_in(PLACE_CLASSES, &a.key))
        || (a.key == "next" && b.key == "to")
}

/// Whether the name at `s` is a picture's or recording's credit ("Image: Snbehnke").
fn credited(toks: &[Tok], s: usize) -> bool {
    s >= 2
        && toks[s - 1].text == ":"
        && matches!(
            toks[s - 2].key.as_str(),
            "image" | "photo" | "picture" | "audio" | "video" | "credit"
        )
}

fn rarely_a_name(stats: &WordStats, key: &str) -> bool {
    let c = stats.get(key);
    c.lower + c.cap_plain > 10 * c.in_names() + 5
}

/// A nationality adjective before an ordinary noun ("Afghan team", "Greek islands") names no
/// actor; before a role word ("Israeli troops", "Azerbaijani officials") it does.
fn adjective_use(toks: &[Tok], s: usize, e: usize, lex: &Lexicon, actor: u32) -> bool {
    if !is_demonym(toks, s, e, lex, actor) {
        return false;
    }
    let next = toks.get(e);
    let before_noun =
        next.is_some_and(|n| n.is_word && !n.cap) || next.is_some_and(|n| n.text == "-");
    if !before_noun {
        return false;
    }
    let actor_role = |k: usize| {
        collective_role(toks, k)
            || longest_agent(toks, k, toks.len(), lex)
                .is_some_and(|(_, code)| ACTOR_ROLES.iter().any(|r| code.starts_with(r)))
    };
    let role_after = |k: usize| actor_role(k) || toks.get(k + 1).is_some_and(|_| actor_role(k + 1));
    // "Afghan and U.S. forces", "Afghan or NATO troops": the role word after the other name
    // is the nationality's too.
    let coordinated = || {
        let conj = toks
            .get(e)
            .is_some_and(|t| matches!(t.key.as_str(), "and" | "or" | "nor"));
        conj && after_coordinated_name(toks, e + 1).is_some_and(role_after)
    };
    !(role_after(e) || coordinated())
}

/// The role words the actor coder reads collective actors by ("officials", "forces",
/// "authorities"): after a nationality they make it an actor ("Afghan officials").
const COLLECTIVE_AGENTS: &str = include_str!("../../../../data/actors/collective-agents.tsv");

/// Whether a collective role word (one or two words, singular or plural) starts at `k`.
fn collective_role(toks: &[Tok], k: usize) -> bool {
    static SET: std::sync::OnceLock<WordSet<&'static str>> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| {
        COLLECTIVE_AGENTS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .filter(|p| !p.is_empty())
            .collect()
    });
    let word = |i: usize| {
        toks.get(i)
            .filter(|t| t.is_word && !t.cap)
            .map(|t| t.key.as_str())
    };
    let Some(first) = word(k) else {
        return false;
    };
    let singular = |w: &str| -> String {
        if let Some(stem) = w.strip_suffix("ies") {
            format!("{stem}y")
        } else if let Some(stem) = w.strip_suffix("men") {
            format!("{stem}man")
        } else {
            w.strip_suffix('s').unwrap_or(w).to_string()
        }
    };
    set.contains(first)
        || set.contains(singular(first).as_str())
        || word(k + 1).is_some_and(|second| {
            set.contains(format!("{first} {second}").as_str())
                || set.contains(format!("{first} {}", singular(second)).as_str())
        })
}

/// After a conjunction at `k - 1`, the first lower-case word past the short capitalised name
/// that follows it ("U.S.", "NATO"; "led" of "U.S.-led", whose role word comes next).
fn after_coordinated_name(toks: &[Tok], k: usize) -> Option<usize> {
    if !toks.get(k).is_some_and(|t| t.cap) {
        return None;
    }
    let end = toks.len().min(k + 6);
    (k + 1..end)
        .find(|&i| !(toks[i].cap || matches!(toks[i].text, "." | "-")))
        .filter(|&i| toks[i].is_word)
}

/// Whether `[s, e)` names a country by a nationality word ("Afghan", "Greek"): one word, not
/// the country's own name, with a nationality ending.
fn is_demonym(toks: &[Tok], s: usize, e: usize, lex: &Lexicon, actor: u32) -> bool {
    e - s == 1 && is_demonym_key(&toks[s].key, lex, actor)
}

/// Whether the word `key` names the country `actor` by a nationality word.
fn is_demonym_key(key: &str, lex: &Lexicon, actor: u32) -> bool {
    let Some(country) = lex.actor(actor) else {
        return false;
    };
    if country.kind != ActorKind::Country {
        return false;
    }
    key != super::lexicon::key_of(&country.name)
        && ["an", "ese", "i", "ish", "ic", "ch", "ss", "ek", "ai"]
            .iter()
            .any(|x| key.ends_with(x))
}

/// Nouns with an abstract noun's ending that name bodies ("the Community of Sant'Egidio", "the
/// Mission of the United Nations"), besides the organisation and place nouns.
const BODY_NOUNS: &[&str] = &[
    "community",
    "confederation",
    "congregation",
    "convention",
    "conference",
    "delegation",
    "division",
    "legation",
    "mission",
    "nation",
    "opposition",
    "regiment",
    "settlement",
];

/// Whether `t` is a capitalised ordinary abstract noun ("Cessation", "Declaration",
/// "Abolition") that no list holds and that names no body.
fn is_abstract_noun(t: &Tok, lex: &Lexicon) -> bool {
    let key = t.key.as_str();
    t.cap
        && ["tion", "sion", "ment", "ance", "ence"]
            .iter()
            .any(|x| key.ends_with(x))
        && !is_in(ORG_NOUNS, key)
        && !is_in(PLACE_NOUNS, key)
        && !is_in(BODY_NOUNS, key)
        && english::is_word(key)
        && lex.lookup(key).is_empty()
}

/// The country whose nationality word `key` is the plural of ("canadians", "iraqis"), when
/// the lists hold the singular only.
fn plural_demonym(key: &str, lex: &Lexicon) -> Option<u32> {
    let stem = key.strip_suffix('s')?;
    if !(stem.ends_with("an") || stem.ends_with('i')) {
        return None;
    }
    let hits = lex.lookup(stem);
    pick(lex, hits, Some(ActorKind::Country)).filter(|&a| is_demonym_key(stem, lex, a))
}

/// Whether the unlisted word `key` is the adjective of a listed place or region ("european",
/// "asian", "siberian", "balkan"): its stem, or the stem with "a" or "s", is the place's name.
fn place_adjective(key: &str, lex: &Lexicon) -> bool {
    let Some(stem) = key.strip_suffix("an") else {
        return false;
    };
    let placed = |name: &str| {
        lex.lookup(name).iter().any(|&a| {
            lex.actor(a)
                .is_some_and(|x| matches!(x.kind, ActorKind::Place | ActorKind::Country))
        })
    };
    stem.len() >= 3
        && lex.lookup(key).is_empty()
        && (placed(stem) || placed(&format!("{stem}a")) || placed(&format!("{key}s")))
}

/// Short all-capital aliases ("US") must be written in capitals in the text.
fn short_alias_mismatch(toks: &[Tok], s: usize, e: usize) -> bool {
    e - s == 1 && toks[s].text.len() <= 3 && !toks[s].all_caps
}

/// Whether a capital city stands for its government here: an actor verb follows it, or a
/// word other than a locative one comes before it.
fn government_of(toks: &[Tok], s: usize, e: usize, lex: &Lexicon, actor: u32) -> Option<String> {
    let capital_of = lex.actor(actor)?.capital_of.clone()?;
    let next = toks.get(e);
    if next.is_some_and(|n| n.cap || n.text == "-") {
        return None;
    }
    let verb_after = next.is_some_and(|n| is_in(ACTOR_VERBS, &n.key));
    let prev = s.checked_sub(1).map(|p| &toks[p]);
    let actor_before = prev.is_some_and(|p| {
        p.is_word && !p.cap && !is_in(PLACE_CONTEXT, &p.key) && !p.key.ends_with("ly")
    });
    (verb_after || actor_before).then_some(capital_of)
}

/// Kind of a name no dictionary, title or keyword settles: from the words' statistics.
fn guess(toks: &[Tok], s: usize, e: usize, stats: &WordStats, lex: &Lexicon) -> Option<Cand> {
    // A letter alone ("Group F", "Plan B") names no one.
    if e - s == 1 && toks[s].text.chars().count() == 1 {
        return None;
    }
    // "K.C. Maurer", "J. Smith": initials, none a dictionary name ("U.S."), then a surname.
    let initial = |k: usize| {
        toks[k].text.chars().count() == 1
            && toks[k].cap
            && toks
                .get(k + 1)
                .is_some_and(|d| d.text == "." && d.start == toks[k].end)
    };
    let mut k = s;
    while k + 1 < e && initial(k) {
        k += 2;
    }
    if k > s
        && k + 1 == e
        && longest_name(toks, s, e, lex).is_none()
        && toks[k].is_word
        && !stats.get(&toks[k].key).is_common()
    {
        let mut c = cand(s, e, ActorKind::Person, None);
        c.guessed = true;
        return Some(c);
    }
    // A word opening a sentence that news writes mostly as an ordinary word, and this text
    // never capitalises alone elsewhere ("New faces emerge"), starts no name.
    if e - s == 1
        && toks[s].sentence_initial
        && !toks[s].all_caps
        && {
            let c = stats.get(&toks[s].key);
            c.lower + c.cap_plain > c.in_names()
        }
        && !written_alone_mid_sentence(toks, &toks[s].key)
    {
        return None;
    }
    // "a former Scientologist": a member of what the text names is no one.
    if e - s == 1 && member_noun(toks, &toks[s].key) {
        return None;
    }
    if place_before(toks, s) {
        let mut c = cand(s, e, ActorKind::Place, None);
        c.guessed = true;
        return Some(c);
    }
    let (mut per, mut org, mut loc, mut nat) = (0f64, 0f64, 0f64, 0f64);
    for (k, t) in toks[s..e].iter().enumerate() {
        // A last word news nearly always writes as an ordinary word ("Budweiser Man") says
        // little of the name's kind, whatever its rare uses in names were.
        if k > 0 && s + k + 1 == e && rarely_a_name(stats, &t.key) {
            continue;
        }
        let c = stats.get(&t.key);
        let n = c.in_names() as f64 + 1.0;
        per += c.person as f64 / n;
        org += c.organization as f64 / n;
        loc += c.place as f64 / n;
        nat += c.nationality as f64 / n;
    }
    // A nationality or language word the dictionaries lack ("English", "Rohingya").
    if e - s == 1 && nat > per + org + loc && nat >= 0.4 {
        return None;
    }
    let n = (e - s) as f64;
    let kind = if e - s > 1 && toks[s..e].iter().all(|t| t.all_caps) {
        // Acronyms side by side ("NPP DAB") name organisations.
        ActorKind::Organization
    } else if e - s > 1 && is_given_name(&toks[s], stats, lex) {
        ActorKind::Person
    } else if per + org + loc >= 0.3 * n {
        if per >= org && per >= loc {
            ActorKind::Person
        } else if org >= loc {
            ActorKind::Organization
        } else {
            ActorKind::Place
        }
    } else if e - s == 1 {
        // An unseen single word that is no one's surname here: a person only when the
        // sentence says so ("Kamen said"), otherwise most often an organisation or a brand.
        let speaks = toks.get(e).is_some_and(|t| is_in(SPEECH_VERBS, &t.key));
        let located = s > 0
            && is_in(
                &["in", "near", "outside", "across", "into"],
                &toks[s - 1].key,
            );
        let census = PersonNames::shipped().get(&toks[s].key);
        let unseen = stats.get(&toks[s].key) == WordCounts::default();
        if speaks || unseen && credited(toks, s) {
            ActorKind::Person
        } else if toks[s].sentence_initial && !written_mid_sentence(toks, &toks[s].key) {
            // Opening a sentence, its capital says nothing; unknown and never written
            // capitalised elsewhere, it is most often an ordinary word ("Seventeen years ago").
            return None;
        } else if located && !toks[s].all_caps {
            ActorKind::Place
        } else if unseen && is_plural(&toks[s].key) && singular_in_text(toks, &toks[s].key) {
            // "Polaroids" where "Polaroid" is written too: a capitalised count noun.
            return None;
        } else if unseen && !toks[s].all_caps && (census.given || census.surname) {
            ActorKind::Person
        } else {
            ActorKind::Organization
        }
    } else if toks[s..e].iter().any(|t| stats.get(&t.key).is_common())
        || common_words_name(toks, s, e)
    {
        // Names that open with an ordinary word ("Internet Explorer") or are made of them
        // ("Civic Passion").
        ActorKind::Organization
    } else {
        ActorKind::Person
    };
    // A person's name holds no country or region ("Fan Expo Canada", "the Ontario
    // Ghostbusters"), unless the word is a given name too ("Valeska Paris") or a given name
    // opens a two-word name ("Manuel Quezon").
    let given_pair = e - s == 2 && is_given_name(&toks[s], stats, lex);
    let given = is_given_name(&toks[s], stats, lex);
    // "in Chapel Hill", "at Chapel Hill": a name after a place's preposition, with no given
    // name to open it, is a place's.
    let after_place_word = s > 0 && matches!(toks[s - 1].key.as_str(), "in" | "at" | "near");
    // "Kowloon West", "New Territories East": a compass word ends a district's name.
    let compass_end = is_in(COMPASS, &toks[e - 1].key);
    let placed = kind == ActorKind::Person && after_place_word
        || compass_end && !toks[s..e].iter().all(|t| t.all_caps);
    let kind = if e - s > 1 && !given && placed {
        ActorKind::Place
    } else {
        kind
    };
    let kind = if kind == ActorKind::Person
        && e - s > 1
        && !given_pair
        && names_a_place(toks, s, e, lex, stats)
    {
        ActorKind::Organization
    } else {
        kind
    };
    let mut c = cand(s, e, kind, None);
    c.guessed = true;
    Some(c)
}

/// Whether `[s, e)` holds a dictionary country's or place's name beside other words, the
/// place's words being no census given name ("Paris"), rarely part of a person's name in
/// news ("Hill"), and when a census surname, a name news writes often and only for a place
/// or a state ("Canada", not "Salem"). A compound of places and nationalities alone ("Israeli-Palestinian",
/// "Bosnian Serb") does not count.
fn names_a_place(toks: &[Tok], s: usize, e: usize, lex: &Lexicon, stats: &WordStats) -> bool {
    let names = PersonNames::shipped();
    let (mut place, mut other) = (false, false);
    let mut k = s;
    while k < e {
        let hit = longest_name(toks, k, e, lex).filter(|(_, hits)| {
            hits.iter().any(|&a| {
                lex.actor(a)
                    .is_some_and(|x| matches!(x.kind, ActorKind::Country | ActorKind::Place))
            })
        });
        match hit {
            Some((len, hits)) => {
                // A nationality before a name is the person's ("Russian Igor Andreev").
                let demonym = hits.iter().any(|&a| is_demonym(toks, k, k + len, lex, a));
                place |= !demonym
                    && toks[k..k + len].iter().all(|t| {
                        let (c, n) = (stats.get(&t.key), names.get(&t.key));
                        let placeish = c.place + c.nationality + c.organization;
                        !n.given
                            && if n.surname {
                                c.person == 0 && placeish >= 20
                            } else {
                                4 * c.person <= c.in_names()
                            }
                    });
                k += len;
            }
            None => {
                other |= toks[k].is_word;
                k += 1;
            }
        }
    }
    place && other
}

/// Whether every word of `[s, e)` is an ordinary English word, written capitalised, and the
/// name neither opens with a census given name nor ends with a census surname: "Civic
/// Passion", not "Rose Walker".
fn common_words_name(toks: &[Tok], s: usize, e: usize) -> bool {
    let names = PersonNames::shipped();
    toks[s..e]
        .iter()
        .all(|t| t.cap && !t.all_caps && english::is_word(&t.key))
        && !names.get(&toks[s].key).given
        && !names.get(&toks[e - 1].key).surname
}

/// A given name in the dictionaries, or in the census lists and not an ordinary word
/// ("Kathryn", not "Will").
fn is_given_name(t: &Tok, stats: &WordStats, lex: &Lexicon) -> bool {
    lex.is_first_name(&t.key)
        || !t.all_caps && PersonNames::shipped().get(&t.key).given && !stats.get(&t.key).is_common()
}

/// Whether the word is written capitalised somewhere in the text other than opening a
/// sentence.
fn written_mid_sentence(toks: &[Tok], key: &str) -> bool {
    toks.iter()
        .any(|t| t.cap && !t.sentence_initial && !t.in_caps_line && t.key == key)
}

/// Whether `key` names a member of what another capitalised word of the text names
/// ("Scientologist" beside "Scientology", "Marxists" beside "Marx"): a class of persons, no one.
fn member_noun(toks: &[Tok], key: &str) -> bool {
    let Some(stem) = key.strip_suffix("ists").or_else(|| key.strip_suffix("ist")) else {
        return false;
    };
    stem.len() >= 4
        && toks.iter().any(|t| {
            t.cap && t.key.starts_with(stem) && !t.key.ends_with("ist") && !t.key.ends_with("ists")
        })
}

/// Whether the word is written capitalised, as a name of one word, somewhere in the text
/// other than opening a sentence.
fn written_alone_mid_sentence(toks: &[Tok], key: &str) -> bool {
    toks.iter().enumerate().any(|(k, t)| {
        t.cap
            && !t.sentence_initial
            && !t.in_caps_line
            && t.key == key
            && toks.get(k + 1).is_none_or(|n| !n.cap)
            && (k == 0 || !toks[k - 1].cap)
    })
}

/// Whether the singular of the plural `key` is written capitalised somewhere in the text.
fn singular_in_text(toks: &[Tok], key: &str) -> bool {
    let singular = &key[..key.len() - 1];
    toks.iter().any(|t| t.cap && t.key == singular)
}

/// A plural noun's ending ("-s", but not "-ss", "-us", "-is").
fn is_plural(key: &str) -> bool {
    key.len() > 3 && key.ends_with('s') && !["ss", "us", "is"].iter().any(|x| key.ends_with(x))
}

/// The text of tokens `[s, e)` as written.
pub fn span_text(toks: &[Tok], s: usize, e: usize) -> String {
    // At most the bytes the tokens span (a gap between them becomes one space): sized once.
    let bytes = match (toks.get(s), e.checked_sub(1).and_then(|l| toks.get(l))) {
        (Some(a), Some(b)) if s < e => b.end.saturating_sub(a.start),
        _ => 0,
    };
    let mut out = String::with_capacity(bytes);
    for k in s..e {
        if k > s && toks[k - 1].end < toks[k].start {
            out.push(' ');
        }
        out.push_str(toks[k].text);
    }
    out
}
