//! Entities: people, organisations, countries, places and groups named in an article, each
//! with its mentions, roles, affiliation, country and CAMEO-style actor code.
//!
//! [`entities`] runs on the shipped dictionaries; [`entities_with`] takes a [`Lexicon`] that
//! may hold the user's own dictionaries too (see `docs/dictionaries.md`).

mod class_nouns;
mod english;
mod frames;
mod honoured;
pub mod lexicon;
pub mod mentions;
pub mod names;
mod not_actors;
// The writer of the packed form: build.rs packs the shipped dictionaries with it.
#[cfg_attr(not(test), allow(dead_code))]
mod pack;
mod packed;
pub mod petrarch;
pub mod roles;
mod shipped;
pub mod stats;
pub mod view;
mod word_index;

use crate::fasthash::WordMap;

use dyad_doc::{Entity, EntityKind, Mention, Span};

use crate::Token;
use lexicon::{parse_iso_date, ActorKind, DatedCode, Lexicon};
use mentions::{span_text, Cand};
use stats::WordStats;
use view::Tok;

/// The entities of `text`, ids `E1`, `E2`, … in order of first mention. `sentences` and
/// `tokens` are the text's layers (byte offsets); `published` (ISO 8601) dates the article, so
/// that a leader codes as in office only while in office.
pub fn entities(
    text: &str,
    sentences: &[Span],
    tokens: &[Token],
    published: Option<&str>,
) -> Vec<Entity> {
    entities_with(Lexicon::shipped(), text, sentences, tokens, published)
}

/// [`entities`] with the given dictionaries.
pub fn entities_with(
    lex: &Lexicon,
    text: &str,
    sentences: &[Span],
    tokens: &[Token],
    published: Option<&str>,
) -> Vec<Entity> {
    let fine = crate::fine_tokens(text, tokens);
    entities_with_fine(lex, text, sentences, &fine, published)
}

/// [`entities_with`] over the finest pieces of the tokens ([`crate::fine_tokens`]), for
/// callers that build them once for several stages.
pub fn entities_with_fine(
    lex: &Lexicon,
    text: &str,
    sentences: &[Span],
    fine: &[Token],
    published: Option<&str>,
) -> Vec<Entity> {
    let lowered = crate::LoweredText::new(text);
    let toks = view::build(text, &lowered, sentences, fine);
    let stats = WordStats::shipped();
    let mut cands = mentions::find(&toks, lex, stats);
    let extras = read_roles(&toks, &mut cands, lex);
    let date = published.and_then(parse_iso_date);
    resolve(text, &toks, cands, extras, lex, date)
}

/// What an apposition adds to the mention before it.
#[derive(Debug, Default, Clone)]
struct Extra {
    roles: Vec<String>,
    role_code: Option<String>,
    affiliation: Option<String>,
    country: Option<String>,
}

/// Reads appositions after person-like mentions; their affiliations become organisation
/// mentions. Returns the extras by candidate index (in the final, sorted order).
fn read_roles(
    toks: &[Tok],
    cands: &mut Vec<Cand>,
    lex: &Lexicon,
) -> WordMap<(usize, usize), Extra> {
    let mut by_start: WordMap<(usize, usize), Extra> = WordMap::default();
    let mut added = Vec::new();
    let mut shown_persons: Vec<String> = Vec::new();
    for c in cands.iter_mut() {
        let personal = c.kind == ActorKind::Person || c.guessed;
        if !personal {
            continue;
        }
        let Some(app) = roles::apposition(toks, c.end, lex) else {
            continue;
        };
        if c.guessed {
            c.kind = ActorKind::Person;
            if c.end - c.start >= 2 {
                shown_persons.push(name_key(toks, c.start, c.end));
            }
        }
        let mut extra = Extra {
            roles: vec![app.role.clone()],
            role_code: Some(app.code.clone()),
            ..Extra::default()
        };
        if let Some((a, b)) = app.affiliation {
            let name = span_text(toks, a, b);
            let key = lexicon::key_of(&name);
            let country = lex
                .lookup(&key)
                .iter()
                .filter_map(|&i| lex.actor(i))
                .find(|x| x.kind == ActorKind::Country)
                .and_then(|x| x.country.clone());
            match country {
                Some(cc) => extra.country = Some(cc),
                None => {
                    extra.affiliation = Some(name);
                    added.push((a, b));
                }
            }
        }
        by_start.insert((c.start, c.end), extra);
    }
    // Candidates come in text order, so the one an affiliation starts at is found by halving.
    cands.sort_by_key(|c| (c.start, c.end));
    for (a, b) in added {
        let at = cands.partition_point(|c| c.start < a);
        match cands.get_mut(at).filter(|c| c.start == a) {
            Some(c) => {
                if c.guessed || c.actor.is_none() {
                    c.kind = ActorKind::Organization;
                    c.end = b;
                }
            }
            None => cands.push(Cand {
                start: a,
                end: b,
                kind: ActorKind::Organization,
                actor: None,
                title: None,
                title_country: None,
                honorific: false,
                government_of: None,
                plural_title: false,
                guessed: false,
                title_start: None,
            }),
        }
    }
    cands.sort_by_key(|c| (c.start, c.end));
    cands.dedup_by_key(|c| (c.start, c.end));
    if !shown_persons.is_empty() {
        same_person_throughout(toks, cands, &shown_persons);
    }
    by_start
}

/// A guessed name an apposition shows to be a person's ("Valeska Paris, an Australian
/// woman") is a person's wherever the article writes it in full, and the places found
/// inside it ("Paris") are no mentions of their own.
fn same_person_throughout(toks: &[Tok], cands: &mut Vec<Cand>, persons: &[String]) {
    let mut spans = Vec::new();
    for c in cands.iter_mut() {
        if c.end - c.start >= 2 && persons.contains(&name_key(toks, c.start, c.end)) {
            if c.guessed {
                c.kind = ActorKind::Person;
            }
            if c.kind == ActorKind::Person {
                spans.push((c.start, c.end));
            }
        }
    }
    cands.retain(|c| {
        !matches!(c.kind, ActorKind::Place | ActorKind::Country)
            || !spans
                .iter()
                .any(|&(s, e)| s <= c.start && c.end <= e && e - s > c.end - c.start)
    });
}

/// The tokens of a mention's name, without a leading honorific.
fn name_range(toks: &[Tok], c: &Cand) -> (usize, usize) {
    let mut s = c.start;
    if c.honorific {
        s += 1;
        if toks.get(s).is_some_and(|t| t.text == ".") {
            s += 1;
        }
    }
    (s.min(c.end), c.end)
}

/// Kin nouns: what a possessive before them names is a person.
const KIN: &[&str] = &[
    "father",
    "mother",
    "parents",
    "son",
    "daughter",
    "sons",
    "daughters",
    "children",
    "wife",
    "husband",
    "brother",
    "sister",
    "brothers",
    "sisters",
    "grandfather",
    "grandmother",
    "uncle",
    "aunt",
    "nephew",
    "niece",
    "cousin",
    "widow",
    "fiancé",
    "fiancée",
];

/// Whether a possessive and a kin noun follow `e` ("Paris's father").
fn possessive_kin(toks: &[Tok], e: usize) -> bool {
    let at = |k: usize| toks.get(k).map(|t| t.key.as_str());
    matches!(at(e), Some("'" | "\u{2019}"))
        && at(e + 1) == Some("s")
        && at(e + 2).is_some_and(|w| KIN.contains(&w))
}

fn name_key(toks: &[Tok], s: usize, e: usize) -> String {
    let words = &toks[s..e];
    let mut key = String::with_capacity(words.iter().map(|t| t.key.len() + 1).sum());
    for (n, t) in words.iter().enumerate() {
        if n > 0 {
            key.push(' ');
        }
        key.push_str(&t.key);
    }
    key
}

/// The length in bytes of [`span_text`]`(toks, s, e)`, without writing it.
fn span_text_len(toks: &[Tok], s: usize, e: usize) -> usize {
    (s..e)
        .map(|k| toks[k].text.len() + usize::from(k > s && toks[k - 1].end < toks[k].start))
        .sum()
}

/// What makes two mentions one entity: the same government, country, person's full name,
/// dictionary actor, or kind and name.
#[derive(PartialEq, Eq, Hash)]
enum EntityKey {
    Government(String),
    Country(String),
    Person(String),
    Actor(u32),
    Named(ActorKind, String),
}

/// An entity being built.
struct Building {
    kind: ActorKind,
    name: String,
    actor: Option<u32>,
    government_of: Option<String>,
    country: Option<String>,
    roles: Vec<String>,
    role_code: Option<String>,
    affiliation: Option<String>,
    mentions: Vec<Mention>,
}

fn resolve(
    text: &str,
    toks: &[Tok],
    cands: Vec<Cand>,
    extras: WordMap<(usize, usize), Extra>,
    lex: &Lexicon,
    date: Option<u32>,
) -> Vec<Entity> {
    // Full person names by their surname, to link "Mr. Elmas" and "Elmas" to "Dean Shmuel Elmas".
    let mut surnames: WordMap<String, Vec<String>> = WordMap::default();
    let mut given_names: WordMap<String, Vec<String>> = WordMap::default();
    for c in &cands {
        let (s, e) = name_range(toks, c);
        if c.kind == ActorKind::Person && e - s >= 2 {
            let full = name_key(toks, s, e);
            for (map, part) in [(&mut surnames, e - 1), (&mut given_names, s)] {
                let list = map.entry(toks[part].key.to_string()).or_default();
                if !list.contains(&full) {
                    list.push(full.clone());
                }
            }
        }
    }
    let mut order: Vec<Building> = Vec::new();
    let mut index: WordMap<EntityKey, usize> = WordMap::default();
    for c in cands {
        let (s, e) = name_range(toks, &c);
        if s >= e {
            continue;
        }
        let mut kind = c.kind;
        let mut actor = c.actor;
        let single = e - s == 1;
        let mut key = None;
        // A word that is also a city's name ("Paris") names the person of the article who
        // bears it as a surname, unless the words before it make it a location ("in Paris").
        // A kin noun after its possessive ("and Paris's father") makes it a person's.
        let located = c.start > 0
            && mentions::PLACE_CONTEXT.contains(&toks[c.start - 1].key.as_str())
            && !possessive_kin(toks, c.end);
        let place_word = kind == ActorKind::Place && c.government_of.is_none() && !located;
        // A capital standing for a government ("claimed Paris was") is, in an article about
        // someone of that surname, most often that person.
        let capital_word = c.government_of.is_some() && !located;
        if single
            && (kind == ActorKind::Person || c.guessed || c.honorific || place_word || capital_word)
        {
            // A surname alone, or failing that a given name alone, names the one person
            // of the article who bears it; when two do, it stays apart.
            let word = toks[s].key.as_str();
            let full = match surnames.get(word) {
                Some(f) => Some(f),
                None if !c.honorific && !place_word && !capital_word => given_names.get(word),
                None => None,
            };
            match full.map(Vec::as_slice) {
                Some([one]) => {
                    kind = ActorKind::Person;
                    key = Some(EntityKey::Person(one.clone()));
                }
                // Two people share the surname: a person, but which one is left open.
                Some([_, _, ..]) if !place_word && !capital_word => kind = ActorKind::Person,
                None if kind == ActorKind::Person && actor.is_none() => {
                    actor = titled_surname(toks, &c, s, lex, date);
                }
                _ => {}
            }
        }
        let key = key.unwrap_or_else(|| match (&c.government_of, kind, actor) {
            (Some(cc), _, _) => EntityKey::Government(cc.clone()),
            (None, ActorKind::Country, Some(a)) => EntityKey::Country(
                lex.actor(a)
                    .and_then(|x| x.country.clone())
                    .unwrap_or_default(),
            ),
            (None, ActorKind::Person, _) => EntityKey::Person(name_key(toks, s, e)),
            (None, _, Some(a)) => EntityKey::Actor(a),
            (None, k, None) => EntityKey::Named(k, name_key(toks, s, e)),
        });
        let at = *index.entry(key).or_insert_with(|| {
            order.push(Building {
                kind,
                name: String::new(),
                actor: None,
                government_of: c.government_of.clone(),
                country: None,
                roles: Vec::new(),
                role_code: None,
                affiliation: None,
                mentions: Vec::new(),
            });
            order.len() - 1
        });
        let b = &mut order[at];
        // The name's length first: most mentions leave the entity's name as it is.
        if b.kind == ActorKind::Person && span_text_len(toks, s, e) > b.name.len()
            || b.name.is_empty()
        {
            b.name = span_text(toks, s, e);
        }
        if b.actor.is_none() {
            b.actor = actor;
        }
        if let Some(t) = &c.title {
            push_unique(&mut b.roles, t.clone());
            if b.role_code.is_none() {
                b.role_code = lex.agent(&lexicon::key_of(t)).map(str::to_string);
            }
        }
        if b.country.is_none() {
            b.country = c.title_country.clone();
        }
        if let Some(x) = extras.get(&(c.start, c.end)) {
            for r in &x.roles {
                push_unique(&mut b.roles, r.clone());
            }
            b.role_code = b.role_code.take().or(x.role_code.clone());
            b.affiliation = b.affiliation.take().or(x.affiliation.clone());
            b.country = b.country.take().or(x.country.clone());
        }
        // A title written right before the name is part of what the text calls the person.
        let first = c.title_start.unwrap_or(c.start);
        let (start, end) = (toks[first].start, toks[c.end - 1].end);
        b.mentions.push(Mention {
            start,
            end,
            text: text.get(start..end).unwrap_or_default().to_string(),
        });
    }
    order
        .into_iter()
        .enumerate()
        .map(|(n, b)| finish(n, b, lex, date))
        .collect()
}

/// The listed person a lone surname names by the words around it, when the dictionary lists
/// the surname with them: its title ("President Bush"), honorific ("Mr Clinton") or the noun
/// after it ("the Bush administration"). Where several persons are so listed, the one in
/// office on the article's date is taken, else the first listed, provided they share one
/// country (a surname and title that name people of different countries stay unresolved).
fn titled_surname(
    toks: &[Tok],
    c: &Cand,
    s: usize,
    lex: &Lexicon,
    date: Option<u32>,
) -> Option<u32> {
    let word = &toks[s].key;
    let mut keys: Vec<String> = Vec::new();
    if let Some(t) = &c.title {
        let t = lexicon::key_of(t);
        if let Some(last) = t.rsplit(' ').next().filter(|l| *l != t) {
            keys.push(format!("{last} {word}"));
        }
        keys.insert(0, format!("{t} {word}"));
    }
    if c.honorific {
        keys.push(format!("{} {word}", toks[c.start].key));
    }
    if let Some(next) = toks.get(c.end).filter(|t| t.is_word && !t.cap) {
        keys.push(format!("{word} {}", next.key));
    }
    for key in keys {
        let persons: Vec<u32> = lex
            .lookup(&key)
            .iter()
            .copied()
            .filter(|&i| lex.actor(i).is_some_and(|a| a.kind == ActorKind::Person))
            .collect();
        let Some(&first) = persons.first() else {
            continue;
        };
        let country = |i: u32| lex.actor(i).and_then(|a| a.country.clone());
        if persons.iter().any(|&i| country(i) != country(first)) {
            return None;
        }
        // In office: a dated code other than the bare elite one holds on the date.
        let in_office = date.and_then(|d| {
            persons.iter().copied().find(|&i| {
                lex.actor(i).is_some_and(|a| {
                    a.codes
                        .iter()
                        .any(|k| k.is_dated() && k.holds_on(d) && !k.code.ends_with("ELI"))
                })
            })
        });
        return Some(in_office.unwrap_or(first));
    }
    None
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.iter().any(|x| x.eq_ignore_ascii_case(&item)) {
        list.push(item);
    }
}

/// The code in force on `date` among an actor's codes: dated codes that hold first, then
/// undated ones; without a date, an open-ended code first, then an undated one that names
/// whom the actor belongs to. An undated bare role ("ELI" of a former United Nations
/// secretary-general) says less than the offices the dictionary dates, so without a date
/// the office that ended last stands for the person instead.
fn code_on<'a>(lex: &Lexicon, codes: &'a [DatedCode], date: Option<u32>) -> Option<&'a DatedCode> {
    match date {
        Some(d) => codes
            .iter()
            .rev()
            .find(|c| c.is_dated() && c.holds_on(d))
            .or_else(|| codes.iter().find(|c| !c.is_dated())),
        None => {
            let bare_role = |c: &DatedCode| c.code.len() == 3 && lex.country(&c.code).is_none();
            codes
                .iter()
                .find(|c| c.from.is_some() && c.to.is_none())
                .or_else(|| codes.iter().find(|c| !c.is_dated() && !bare_role(c)))
                .or_else(|| {
                    codes.iter().find(|c| !c.is_dated()).map(|undated| {
                        codes
                            .iter()
                            .filter(|c| c.is_dated() && !bare_role(c))
                            .max_by_key(|c| c.to)
                            .unwrap_or(undated)
                    })
                })
                .or_else(|| codes.last())
        }
    }
}

/// The role code of the longest ending of `name` that is an agent phrase ("court" in
/// "Constitutional Court", or the whole of it).
fn name_role<'l>(lex: &'l Lexicon, name: &str) -> Option<&'l str> {
    let key = lexicon::key_of(name);
    let mut ending = key.as_str();
    loop {
        if let Some(code) = lex.agent(ending) {
            return Some(code);
        }
        ending = ending.split_once(' ')?.1;
    }
}

fn finish(n: usize, b: Building, lex: &Lexicon, date: Option<u32>) -> Entity {
    let actor = b.actor.and_then(|a| lex.actor(a));
    let kind = match b.kind {
        ActorKind::Country => EntityKind::Country,
        ActorKind::Person => EntityKind::Person,
        ActorKind::Organization => EntityKind::Organization,
        ActorKind::Group => EntityKind::Group,
        ActorKind::Place => EntityKind::Place,
    };
    let mut name = b.name;
    let mut country = b.country;
    let mut code = None;
    let mut geo = None;
    if let Some(cc) = &b.government_of {
        country = Some(cc.clone());
        code = Some(format!("{cc}GOV"));
    } else if let Some(a) = actor {
        let same_kind = a.kind == b.kind;
        if same_kind && b.kind != ActorKind::Person {
            name = a.name.clone();
        }
        if same_kind {
            geo = a.geo;
            if let Some(c) = code_on(lex, &a.codes, date) {
                code = Some(c.code.clone());
                let cc = c.code.get(..3).unwrap_or("");
                if country.is_none() && lex.country(cc).is_some() {
                    country = Some(cc.to_string());
                }
            }
            if country.is_none() {
                country = a.country.clone();
            }
        }
    }
    // Undated, a listed person's dictionary code can only guess at the office; a title the
    // text gives ("President Reagan") states it.
    if let (None, ActorKind::Person, Some(c), Some(r), Some(current)) =
        (date, b.kind, &country, &b.role_code, &code)
    {
        if current.starts_with(c.as_str()) {
            code = Some(format!("{c}{r}"));
        }
    }
    if code.is_none() && b.kind == ActorKind::Person {
        code = match (&country, &b.role_code) {
            (Some(c), Some(r)) => Some(format!("{c}{r}")),
            (Some(c), None) => Some(c.clone()),
            (None, Some(r)) => Some(r.clone()),
            (None, None) => None,
        };
    }
    if b.kind == ActorKind::Country && code.is_none() {
        code = country.clone();
    }
    // An institution no dictionary lists, named with its country ("the Latvian Constitutional
    // Court", "the US State Department"), codes as the country and the role its name ends in.
    if let (None, ActorKind::Organization, Some(c)) = (&code, b.kind, &country) {
        code = Some(format!("{c}{}", name_role(lex, &name).unwrap_or_default()));
    }
    Entity {
        id: format!("E{}", n + 1),
        name,
        kind,
        code,
        country,
        roles: b.roles,
        affiliation: b.affiliation,
        geo,
        mentions: b.mentions,
    }
}

#[cfg(test)]
mod tests;
