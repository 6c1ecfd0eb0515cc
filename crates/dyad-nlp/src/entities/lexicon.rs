//! The dictionaries entity recognition looks names up in: actors (countries, persons,
//! organisations, groups), places with coordinates, and agents (role words with their codes).
//!
//! The project's own format (documented in `docs/dictionaries.md`) is tab-separated text; the
//! defaults ship in `data/`, and `build.rs` packs them at build time into the form
//! [`Packed`] reads in place (see `shipped.rs`). PETRARCH dictionaries load too.

use crate::chars::is_letter;
use dyad_doc::Geo;

use super::pack::Contents;
use super::packed::{Packed, Table};
use super::petrarch;
use crate::fasthash::{WordMap, WordSet};
use crate::{split_fine, tokenize};

/// A code valid from `from` to `to` (dates as `yyyymmdd` numbers, both ends inclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    pub code: String,
    pub from: Option<u32>,
    pub to: Option<u32>,
}

impl DatedCode {
    /// Whether the code holds on `date` (`yyyymmdd`); undated codes always hold.
    pub fn holds_on(&self, date: u32) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
    /// Whether the code carries a date range.
    pub fn is_dated(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }
}

/// What a dictionary actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorKind {
    Country,
    Person,
    Organization,
    Group,
    Place,
}

impl ActorKind {
    /// The kind named in a dictionary (`country`, `person`, …).
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.trim() {
            "country" => ActorKind::Country,
            "person" => ActorKind::Person,
            "organization" | "organisation" => ActorKind::Organization,
            "group" => ActorKind::Group,
            "place" => ActorKind::Place,
            _ => return None,
        })
    }
}

/// One dictionary actor or place.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub kind: ActorKind,
    /// Display name.
    pub name: String,
    pub codes: Vec<DatedCode>,
    /// ISO 3166-1 alpha-3 country (for places and persons; a country's own code).
    pub country: Option<String>,
    pub geo: Option<Geo>,
    pub population: u64,
    /// For a capital city: the country whose government it can stand for.
    pub capital_of: Option<String>,
}

/// Every dictionary, indexed by lower-cased token sequence: an optional packed base (the
/// shipped dictionaries, read in place) and what was added over it.
#[derive(Debug, Default)]
pub struct Lexicon {
    base: Option<&'static Packed>,
    /// Added actors; their ids follow the base's.
    actors: Vec<Actor>,
    /// Added name keys; a key the base has too lists the base's ids first.
    names: WordMap<String, Vec<u32>>,
    name_prefixes: WordSet<String>,
    max_name_tokens: usize,
    /// Each country code's first country actor.
    countries: WordMap<String, u32>,
    /// Added agent phrases (the base's come first).
    agents: WordMap<String, String>,
    agent_prefixes: WordSet<String>,
    /// First words of the added agent phrases.
    agent_starts: WordSet<String>,
    max_agent_tokens: usize,
    first_names: WordSet<String>,
}

const COUNTRIES: &str = include_str!("../../../../data/actors/countries.tsv");
const COUNTRIES_EXTRA: &str = include_str!("../../../../data/actors/countries-extra.tsv");
const LEADERS: &str = include_str!("../../../../data/actors/leaders.tsv");
const LEADERS_EXTRA: &str = include_str!("../../../../data/actors/leaders-extra.tsv");
const ORGANIZATIONS: &str = include_str!("../../../../data/actors/organizations.tsv");
const ORGANIZATIONS_EXTRA: &str = include_str!("../../../../data/actors/organizations-extra.tsv");
const GROUPS: &str = include_str!("../../../../data/actors/groups.tsv");
const GROUPS_EXTRA: &str = include_str!("../../../../data/actors/groups-extra.tsv");
const AGENTS: &str = include_str!("../../../../data/actors/agents.tsv");
const AGENTS_EXTRA: &str = include_str!("../../../../data/actors/agents-extra.tsv");
const CITIES: &str = include_str!("../../../../data/places/cities.tsv");
const REGIONS: &str = include_str!("../../../../data/places/regions.tsv");

/// Lower-case particles that join the parts of a person's name in running text ("Ahmed bin
/// Salman", "Suleiman al-Amr", "Osama bin Laden").
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "bin", "ibn", "al", "el", "da", "del", "la",
];

/// Further words that stand between the parts of a listed person's name ("bint", "Abu",
/// "dos") and, like [`NAME_PARTICLES`], are neither a given name nor a surname.
const MORE_NAME_PARTICLES: &[&str] = &[
    "bint", "ben", "abu", "abd", "das", "dos", "di", "du", "le", "der", "den", "y",
];

/// The lower-cased token key of a phrase, as the matcher builds it from the text.
pub fn key_of(phrase: &str) -> String {
    if phrase
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b' ')
    {
        plain_key(phrase)
    } else {
        tokenized_key(phrase)
    }
}

/// The key from the tokenizers: [`tokenize`], then [`split_fine`], lower-cased.
fn tokenized_key(phrase: &str) -> String {
    let mut key = String::with_capacity(phrase.len());
    for t in tokenize(phrase).iter().flat_map(|t| split_fine(phrase, t)) {
        if !key.is_empty() {
            key.push(' ');
        }
        push_lower(&mut key, t.span.of(phrase));
    }
    key
}

/// [`key_of`] for a phrase of ASCII letters, digits and spaces: each run of letters and digits
/// is one token for both tokenizers, so the key is the lower-cased words joined by one space.
/// Most dictionary names take this path, which keeps start-up cheap.
fn plain_key(phrase: &str) -> String {
    let mut key = String::with_capacity(phrase.len());
    for word in phrase.split(' ').filter(|w| !w.is_empty()) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
    }
    key
}

/// The keys of the proper prefixes of a key (`a b c` → `a`, `a b`), and its length in tokens.
fn prefixes(key: &str) -> (impl Iterator<Item = &str>, usize) {
    let tokens = key.bytes().filter(|&b| b == b' ').count() + 1;
    (key.match_indices(' ').map(|(i, _)| &key[..i]), tokens)
}

/// Appends the lower-cased `word` to `key`.
pub fn push_lower(key: &mut String, word: &str) {
    if word.is_ascii() {
        // Copied whole and lowered in place: pushing the bytes one by one as chars cost about
        // 2 % of a plain-text article's instructions.
        let start = key.len();
        key.push_str(word);
        key[start..].make_ascii_lowercase();
    } else {
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
}

impl Lexicon {
    /// A lexicon over a packed base, adding nothing yet.
    pub(crate) fn over(base: &'static Packed) -> Lexicon {
        Lexicon {
            base: Some(base),
            ..Lexicon::default()
        }
    }

    /// The dictionaries shipped in `data/`, built from their text. [`Lexicon::with_shipped`]
    /// gives the same lexicon without the work: the build packs this one.
    pub fn from_shipped_text() -> Lexicon {
        let mut lex = Lexicon::default();
        for src in [CITIES, REGIONS] {
            lex.add_places_tsv(src);
        }
        // The project's own lists of organisations and groups come before the converted
        // ones, so that where both name an actor ("Palestinian Islamic Jihad"), the
        // correction is found first.
        for src in [
            COUNTRIES,
            COUNTRIES_EXTRA,
            LEADERS,
            ORGANIZATIONS_EXTRA,
            ORGANIZATIONS,
            GROUPS_EXTRA,
            GROUPS,
        ] {
            lex.add_actors_tsv(src);
        }
        // The project's list of leaders dates the offices the converted list leaves open or
        // lacks, and adds those who took office since.
        lex.correct_persons_tsv(LEADERS_EXTRA);
        lex.add_short_person_names();
        for src in [AGENTS, AGENTS_EXTRA] {
            lex.add_agents_tsv(src);
        }
        lex
    }

    /// What this lexicon adds to its base (all of it without one, as for the shipped
    /// dictionaries `build.rs` packs), borrowed for [`super::pack::pack`].
    #[cfg_attr(not(test), allow(dead_code))] // build.rs packs the shipped dictionaries
    pub(crate) fn contents(&self) -> Contents<'_> {
        Contents {
            actors: &self.actors,
            max_name_tokens: self.max_name_tokens,
            max_agent_tokens: self.max_agent_tokens,
            names: self
                .names
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_slice()))
                .collect(),
            name_prefixes: self.name_prefixes.iter().map(String::as_str).collect(),
            first_names: self.first_names.iter().map(String::as_str).collect(),
            countries: self
                .countries
                .iter()
                .map(|(k, &v)| (k.as_str(), v))
                .collect(),
            agents: self
                .agents
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect(),
            agent_prefixes: self.agent_prefixes.iter().map(String::as_str).collect(),
        }
    }

    /// Adds actors in the project's format: `kind<TAB>codes<TAB>name|alias|…`, codes separated
    /// by spaces, each `CODE` or `CODE@FROM..TO` (dates `YYYY-MM-DD`, either side may be empty).
    /// Returns the number of actors added; malformed lines are skipped.
    pub fn add_actors_tsv(&mut self, src: &str) -> usize {
        let mut n = 0;
        for line in data_lines(src) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 3 {
                continue;
            }
            let Some(kind) = ActorKind::parse(f[0]) else {
                continue;
            };
            let codes: Vec<DatedCode> =
                f[1].split_whitespace().filter_map(parse_tsv_code).collect();
            let names: Vec<&str> = f[2]
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            let Some(first) = names.first() else { continue };
            let country = match kind {
                ActorKind::Country => codes.first().map(|c| c.code.clone()),
                _ => self.country_of_codes(&codes),
            };
            self.push(
                Actor {
                    kind,
                    name: first.to_string(),
                    codes,
                    country,
                    geo: None,
                    population: 0,
                    capital_of: None,
                },
                &names,
            );
            n += 1;
        }
        n
    }

    /// Adds persons in the format of [`Lexicon::add_actors_tsv`], except that a person this
    /// lexicon already holds under the same display name takes the line's codes in place of
    /// its own and is found under the line's names too: a correction of dated offices, not a
    /// second person. Returns the number of persons corrected or added.
    pub fn correct_persons_tsv(&mut self, src: &str) -> usize {
        let mut n = 0;
        let in_base = self.base.map_or(0, Packed::actor_count);
        for line in data_lines(src) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 3 || ActorKind::parse(f[0]) != Some(ActorKind::Person) {
                continue;
            }
            let Some(name) = f[2].split('|').map(str::trim).find(|s| !s.is_empty()) else {
                continue;
            };
            let held = self.lookup(&key_of(name)).iter().find_map(|&id| {
                let i = (id as usize).checked_sub(in_base)?;
                let a = self.actors.get(i)?;
                (a.kind == ActorKind::Person && a.name == name).then_some(i)
            });
            match held {
                Some(i) => {
                    let codes: Vec<DatedCode> =
                        f[1].split_whitespace().filter_map(parse_tsv_code).collect();
                    let country = self.country_of_codes(&codes);
                    let person = &mut self.actors[i];
                    person.codes = codes;
                    person.country = country;
                    let names: Vec<&str> = f[2].split('|').map(str::trim).collect();
                    self.index_names((in_base + i) as u32, name_keys(&names));
                    n += 1;
                }
                None => n += self.add_actors_tsv(line),
            }
        }
        n
    }

    /// The country of a non-country actor with these codes: the first code's first three
    /// letters, when they are a country's code.
    fn country_of_codes(&self, codes: &[DatedCode]) -> Option<String> {
        codes
            .first()
            .map(|c| c.code.get(..3).unwrap_or("").to_string())
            .filter(|c| self.is_country_code(c))
    }

    /// Adds places: `name<TAB>country<TAB>kind<TAB>lat<TAB>lon<TAB>population<TAB>aliases`,
    /// where kind `capital` lets the place stand for its country's government.
    pub fn add_places_tsv(&mut self, src: &str) -> usize {
        let mut n = 0;
        for line in data_lines(src) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 5 || f[0].trim().is_empty() {
                continue;
            }
            let country = Some(f[1].trim().to_string()).filter(|c| c.len() == 3);
            let geo = match (f[3].trim().parse::<f64>(), f[4].trim().parse::<f64>()) {
                (Ok(lat), Ok(lon)) => Some(Geo { lat, lon }),
                _ => None,
            };
            let population = f.get(5).and_then(|p| p.trim().parse().ok()).unwrap_or(0);
            let mut names = vec![f[0].trim()];
            if let Some(aliases) = f.get(6) {
                names.extend(aliases.split('|').map(str::trim).filter(|s| !s.is_empty()));
            }
            let capital_of = (f[2].trim() == "capital")
                .then(|| country.clone())
                .flatten();
            self.push(
                Actor {
                    kind: ActorKind::Place,
                    name: f[0].trim().to_string(),
                    codes: Vec::new(),
                    country,
                    geo,
                    population,
                    capital_of,
                },
                &names,
            );
            n += 1;
        }
        n
    }

    /// Adds agents: `phrase<TAB>CODE` (a role code such as `GOV`, `MED`).
    pub fn add_agents_tsv(&mut self, src: &str) -> usize {
        let mut n = 0;
        for line in data_lines(src) {
            if let Some((phrase, code)) = line.split_once('\t') {
                self.push_agent(phrase, code.trim());
                n += 1;
            }
        }
        n
    }

    /// Adds a PETRARCH actor dictionary as is; each actor's kind is inferred from its codes.
    pub fn add_petrarch_actors(&mut self, src: &str) -> usize {
        let actors = petrarch::parse_actors(src);
        let n = actors.len();
        for a in actors {
            let kind = infer_kind(&a);
            let names: Vec<String> = a.names.iter().map(|s| display_case(s)).collect();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            let country = a
                .codes
                .first()
                .map(|c| c.code.get(..3).unwrap_or("").to_string())
                .filter(|c| kind == ActorKind::Country || self.is_country_code(c));
            self.push(
                Actor {
                    kind,
                    name: names[0].clone(),
                    codes: a.codes,
                    country,
                    geo: None,
                    population: 0,
                    capital_of: None,
                },
                &refs,
            );
        }
        n
    }

    /// Adds a PETRARCH agent dictionary as is.
    pub fn add_petrarch_agents(&mut self, src: &str) -> usize {
        let agents = petrarch::parse_agents(src);
        for a in &agents {
            self.push_agent(&a.phrase, &a.code);
        }
        agents.len()
    }

    /// Number of actors; ids run from 0 below it.
    pub fn actor_count(&self) -> usize {
        self.base.map_or(0, Packed::actor_count) + self.actors.len()
    }

    /// The actor with this id.
    pub fn actor(&self, id: u32) -> Option<&Actor> {
        let in_base = self.base.map_or(0, Packed::actor_count);
        match (id as usize).checked_sub(in_base) {
            Some(added) => self.actors.get(added),
            None => self.base?.actor(id),
        }
    }

    /// Actors whose name or alias has exactly this key (see [`key_of`]).
    pub fn lookup(&self, key: &str) -> &[u32] {
        match (self.names.get(key), self.base) {
            (Some(ids), _) => ids,
            (None, Some(base)) => base.lookup(key),
            (None, None) => &[],
        }
    }

    /// Whether some name starts with this key (so a longer match may follow).
    pub fn is_name_prefix(&self, key: &str) -> bool {
        self.in_base(Table::NamePrefixes, key) || self.name_prefixes.contains(key)
    }

    /// The longest name, in tokens.
    pub fn max_name_tokens(&self) -> usize {
        let base = self.base.map_or(0, Packed::max_name_tokens);
        self.max_name_tokens.max(base)
    }

    /// Whether the word starts the full name of some person in the dictionaries.
    pub fn is_first_name(&self, key: &str) -> bool {
        self.in_base(Table::FirstNames, key) || self.first_names.contains(key)
    }

    /// The role code of an agent phrase.
    pub fn agent(&self, key: &str) -> Option<&str> {
        self.base
            .and_then(|b| b.agent(key))
            .or_else(|| self.agents.get(key).map(String::as_str))
    }

    /// Whether some agent phrase starts with this key.
    pub fn is_agent_prefix(&self, key: &str) -> bool {
        self.in_base(Table::AgentPrefixes, key) || self.agent_prefixes.contains(key)
    }

    /// Whether some agent phrase has the key `word` as its first word (a one-word phrase is
    /// its own first word). When it has not, neither `word` nor any key starting with it is
    /// an agent or an agent prefix: a cheap check before those lookups.
    pub fn starts_agent(&self, word: &str) -> bool {
        self.base.is_some_and(|b| b.starts_agent(word)) || self.agent_starts.contains(word)
    }

    /// Every word that is the first of an agent phrase ([`Lexicon::starts_agent`]), each
    /// once or more, in no set order.
    pub fn agent_first_words(&self) -> impl Iterator<Item = &str> + '_ {
        self.base
            .into_iter()
            .flat_map(|b| b.agent_first_words().iter().copied())
            .chain(self.agent_starts.iter().map(String::as_str))
    }

    /// The longest agent phrase, in tokens.
    pub fn max_agent_tokens(&self) -> usize {
        let base = self.base.map_or(0, Packed::max_agent_tokens);
        self.max_agent_tokens.max(base)
    }

    /// The country actor with this code.
    pub fn country(&self, code: &str) -> Option<&Actor> {
        self.actor(self.country_id(code)?)
    }

    /// The id of the first country actor with this code.
    fn country_id(&self, code: &str) -> Option<u32> {
        self.base
            .and_then(|b| b.country(code))
            .or_else(|| self.countries.get(code).copied())
    }

    fn in_base(&self, table: Table, key: &str) -> bool {
        self.base.is_some_and(|b| b.has(table, key))
    }

    fn is_country_code(&self, c: &str) -> bool {
        c.len() == 3
            && self
                .lookup(&c.to_ascii_lowercase())
                .iter()
                .any(|&i| self.actor(i).is_some_and(|a| a.kind == ActorKind::Country))
    }

    /// Gives listed persons the short form news writes of a full name with middle names:
    /// first and last name ("Carlos Menem" for "Carlos Saul Menem"). A short form is added
    /// only where it names no one else, neither as a listed name nor as the short form of
    /// another person's, and only for names of plain words (no particles such as "bin" or
    /// "al", no initials, which make the first or last word no given name or surname).
    fn add_short_person_names(&mut self) {
        let mut short: std::collections::BTreeMap<String, Vec<u32>> = Default::default();
        for (key, ids) in &self.names {
            let words: Vec<&str> = key.split(' ').collect();
            if words.len() < 3
                || words.iter().any(|w| {
                    w.chars().count() < 2
                        || !w.chars().all(is_letter)
                        || NAME_PARTICLES.contains(w)
                        || MORE_NAME_PARTICLES.contains(w)
                })
            {
                continue;
            }
            for &id in ids {
                if self.actor(id).is_some_and(|a| a.kind == ActorKind::Person) {
                    let list = short
                        .entry(format!("{} {}", words[0], words[words.len() - 1]))
                        .or_default();
                    if !list.contains(&id) {
                        list.push(id);
                    }
                }
            }
        }
        for (key, ids) in short {
            if let [id] = ids[..] {
                if self.lookup(&key).is_empty() {
                    for head in prefixes(&key).0 {
                        if !self.is_name_prefix(head) {
                            self.name_prefixes.insert(head.to_string());
                        }
                    }
                    self.names.insert(key, vec![id]);
                }
            }
        }
    }

    fn push(&mut self, actor: Actor, names: &[&str]) {
        let id = self.actor_count() as u32;
        let mut keys = name_keys(names);
        if actor.kind == ActorKind::Country {
            if let Some(c) = actor.codes.first() {
                keys.push(c.code.to_ascii_lowercase());
                keys.sort();
                keys.dedup();
                if self.country_id(&c.code).is_none() {
                    self.countries.insert(c.code.clone(), id);
                }
            }
        }
        if actor.kind == ActorKind::Person {
            if let Some((first, _)) = key_of(&actor.name).split_once(' ') {
                if first.chars().count() > 2 && !self.is_first_name(first) {
                    self.first_names.insert(first.to_string());
                }
            }
        }
        self.index_names(id, keys);
        self.actors.push(actor);
    }

    /// Makes actor `id` found under each of `keys` (and each key's prefixes known as such),
    /// once per key.
    fn index_names(&mut self, id: u32, keys: Vec<String>) {
        let base = self.base;
        for key in keys.into_iter().filter(|k| !k.is_empty()) {
            let (heads, tokens) = prefixes(&key);
            self.max_name_tokens = self.max_name_tokens.max(tokens);
            for head in heads {
                if !self.is_name_prefix(head) {
                    self.name_prefixes.insert(head.to_string());
                }
            }
            let in_base = |k: &String| base.map_or_else(Vec::new, |b| b.lookup(k).to_vec());
            let ids = self.names.entry(key).or_insert_with_key(in_base);
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }

    fn push_agent(&mut self, phrase: &str, code: &str) {
        let key = key_of(phrase);
        if key.is_empty() || code.is_empty() {
            return;
        }
        let (heads, tokens) = prefixes(&key);
        self.max_agent_tokens = self.max_agent_tokens.max(tokens);
        let first = key.split(' ').next().unwrap_or(&key);
        if !self.agent_starts.contains(first) {
            self.agent_starts.insert(first.to_string());
        }
        for head in heads {
            if !self.is_agent_prefix(head) {
                self.agent_prefixes.insert(head.to_string());
            }
        }
        if self.agent(&key).is_none() {
            self.agents.insert(key, code.to_string());
        }
    }
}

/// Lines that carry data: not blank, not `#` comments.
/// The lookup keys of an actor's names, sorted, each once.
fn name_keys(names: &[&str]) -> Vec<String> {
    let mut keys: Vec<String> = names.iter().map(|n| key_of(n)).collect();
    keys.sort();
    keys.dedup();
    keys
}

fn data_lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn parse_tsv_code(s: &str) -> Option<DatedCode> {
    let (code, range) = match s.split_once('@') {
        Some((c, r)) => (c, Some(r)),
        None => (s, None),
    };
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let (from, to) = match range.and_then(|r| r.split_once("..")) {
        Some((f, t)) => (parse_iso_date(f), parse_iso_date(t)),
        None => (None, None),
    };
    Some(DatedCode {
        code: code.to_ascii_uppercase(),
        from,
        to,
    })
}

/// `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) → `yyyymmdd`.
pub fn parse_iso_date(s: &str) -> Option<u32> {
    let mut parts = s.trim().splitn(3, '-');
    let y: u32 = parts.next()?.get(..4)?.parse().ok()?;
    let m: u32 = parts
        .next()
        .and_then(|p| p.get(..2)?.parse().ok())
        .unwrap_or(1);
    let d: u32 = parts
        .next()
        .and_then(|p| p.get(..2)?.parse().ok())
        .unwrap_or(1);
    Some(y * 10_000 + m.clamp(1, 12) * 100 + d.clamp(1, 31))
}

/// `BENJAMIN NETANYAHU` → `Benjamin Netanyahu`; words with dots or short acronyms stay upper.
pub fn display_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            if w.len() <= 3 && !w.contains(|c: char| c.is_ascii_lowercase()) && w.contains('.') {
                return w.to_string();
            }
            let mut out = String::with_capacity(w.len());
            let mut start = true;
            for (i, c) in w.char_indices() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                // A possessive's "s" stays small ("People's"); other letters after an
                // apostrophe open a part of the name ("O'Brien").
                let possessive = c == '\'' && w[i + 1..].eq_ignore_ascii_case("s");
                start = matches!(c, '-' | '\'' | '.') && !possessive;
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Guesses what a PETRARCH actor is from its codes: international and non-governmental
/// organisations and companies by their prefixes, countries by a bare three-letter code,
/// non-state armed groups by their role codes, persons by dated codes.
fn infer_kind(a: &petrarch::PetrarchActor) -> ActorKind {
    let Some(first) = a.codes.first() else {
        return ActorKind::Organization;
    };
    let c = first.code.as_str();
    if ["IGO", "NGO", "NGM", "MNC"]
        .iter()
        .any(|p| c.starts_with(p))
    {
        return ActorKind::Organization;
    }
    if c.len() == 3 && a.codes.len() == 1 {
        return ActorKind::Country;
    }
    if a.codes.iter().any(DatedCode::is_dated) {
        return ActorKind::Person;
    }
    if ["REB", "INS", "UAF", "SEP", "TER"]
        .iter()
        .any(|r| c.get(3..).is_some_and(|s| s.contains(r)))
    {
        return ActorKind::Group;
    }
    ActorKind::Organization
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_dictionaries_load() {
        let lex = Lexicon::shipped();
        let isr = lex.lookup("israel");
        assert!(isr
            .iter()
            .any(|&i| lex.actor(i).unwrap().kind == ActorKind::Country));
        assert!(lex.agent("prime minister").is_some());
        assert!(!lex.lookup("baku").is_empty());
    }

    #[test]
    fn push_lower_appends_lowered_words() {
        let mut key = String::from("new ");
        push_lower(&mut key, "YORK's");
        push_lower(&mut key, " İSTANBUL Ärzte");
        assert_eq!(key, "new york's i\u{307}stanbul ärzte");
    }

    #[test]
    fn dated_codes_hold_in_their_range() {
        let c = parse_tsv_code("ISRGOV@2009-04-01..").unwrap();
        assert!(c.holds_on(20241015));
        assert!(!c.holds_on(20080101));
        let c = parse_tsv_code("ISRGOV@1996-06-18..1999-07-06").unwrap();
        assert!(c.holds_on(19980101) && !c.holds_on(20000101));
    }

    #[test]
    fn user_tsv_and_petrarch_dictionaries_add_actors() {
        let mut lex = Lexicon::default();
        assert_eq!(
            lex.add_actors_tsv("country\tFRE\tFreedonia|Freedonian\n"),
            1
        );
        assert_eq!(
            lex.add_petrarch_actors("RUFUS_T._FIREFLY_\n\t[FREGOV 330101-331231]\n"),
            1
        );
        let p = lex.actor(lex.lookup("rufus t . firefly")[0]).unwrap();
        assert_eq!(p.kind, ActorKind::Person);
        assert_eq!(p.country.as_deref(), Some("FRE"));
        assert_eq!(p.name, "Rufus T. Firefly");
    }

    #[test]
    fn corrections_replace_a_persons_codes_and_add_names_others_add_persons() {
        let mut lex = Lexicon::default();
        lex.add_actors_tsv("country\tFRE\tFreedonia\nperson\tFREGOV@1933-01-01..\tRufus Firefly\n");
        let n = lex.correct_persons_tsv(
            "person\tFREGOV@1933-01-01..1934-01-01 FREELI\tRufus Firefly|Mr. Firefly\n\
             person\tFREGOV@1934-01-01..\tChicolini\n",
        );
        assert_eq!(n, 2);
        // the same person, with the corrected office, found under the added name too
        let ids = lex.lookup("rufus firefly");
        assert_eq!(ids.len(), 1);
        assert_eq!(lex.lookup("mr . firefly"), ids);
        let p = lex.actor(ids[0]).unwrap();
        assert!(!p.codes[0].holds_on(19350101) && p.codes[0].holds_on(19330601));
        assert_eq!(p.codes[1].code, "FREELI");
        // a new name is a new person
        let c = lex.actor(lex.lookup("chicolini")[0]).unwrap();
        assert_eq!(
            (c.kind, c.country.as_deref()),
            (ActorKind::Person, Some("FRE"))
        );
    }

    #[test]
    fn shipped_corrections_close_ended_offices() {
        let lex = Lexicon::from_shipped_text();
        let merkel = lex.lookup("angela merkel");
        assert_eq!(merkel.len(), 1, "one person, corrected in place");
        let codes = &lex.actor(merkel[0]).unwrap().codes;
        assert!(!codes
            .iter()
            .any(|c| c.code == "DEUGOV" && c.holds_on(20240101)));
        assert!(codes
            .iter()
            .any(|c| c.code == "DEUGOV" && c.holds_on(20150101)));
    }

    #[test]
    fn plain_keys_equal_tokenized_keys_for_every_shipped_name() {
        for src in [
            COUNTRIES,
            COUNTRIES_EXTRA,
            LEADERS,
            LEADERS_EXTRA,
            ORGANIZATIONS,
            GROUPS,
            GROUPS_EXTRA,
            AGENTS,
            AGENTS_EXTRA,
            CITIES,
            REGIONS,
        ] {
            for line in data_lines(src) {
                for name in line.split(['\t', '|']) {
                    assert_eq!(key_of(name), tokenized_key(name), "{name:?}");
                }
            }
        }
        for odd in ["", " ", "  A  b ", "G20 summit", "x"] {
            assert_eq!(key_of(odd), tokenized_key(odd), "{odd:?}");
        }
    }

    #[test]
    fn keys_follow_the_tokenizer() {
        assert_eq!(key_of("U.S. Navy"), "u . s . navy");
        assert_eq!(display_case("BAN KI-MOON"), "Ban Ki-Moon");
        assert_eq!(
            display_case("PEOPLE'S LIBERATION ARMY"),
            "People's Liberation Army"
        );
        assert_eq!(display_case("O'BRIEN"), "O'Brien");
    }
}
