//! The actor mentions the event coder works with. Named entities that carry an actor code come
//! first; to them this adds what news names without a proper noun:
//! - country words the entity stage left as plain words ("Palestinian officials");
//! - agents joined to the country their phrase names: "Israeli troops" → `ISRMIL`, "Iraq's
//!   interim government", "officials of Iraq", "demonstrators in Baghdad";
//! - generic collective agents ("the government", "police", "protesters") placed in the country
//!   where the sentence sets the action ("in Algiers"), else the article's main country;
//! - places, which stand for their country ("in Jericho" → `PSE`);
//! - people coded by role only ("President Bush" → `GOV`), placed like collective agents.
//!
//! The agent table (`data/actors/collective-agents.tsv`) and the shipped entity lexicon are
//! read once per process.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use dyad_doc::{Entity, EntityKind, Span};
use dyad_events::{ActorMention, EventCoder};
use dyad_nlp::entities::lexicon::{self, ActorKind, Lexicon};
use dyad_nlp::fasthash::{WordMap, WordSet};
use dyad_nlp::{Lower, LoweredText, Token, TokenKind};

const COLLECTIVE_AGENTS: &str = include_str!("../../../data/actors/collective-agents.tsv");

/// Words that may stand between a country and its agent ("Israeli army", "Iraq's interim
/// government", "Serbian military police") are modifiers; these may not.
const NOT_MODIFIERS: &[&str] = &[
    "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "the", "a",
    "an", "that", "which", "who", "said", "says", "has", "have", "had", "is", "are", "was", "were",
    "will", "would", "as", "than", "against", "into", "over", "after", "before",
];
/// Prepositions that place what follows as the scene of the action.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "inside",
    "across",
    "throughout",
    "outside",
];
/// Prepositions that tie an agent to the country after it ("officials of X").
const AGENT_OF: &[&str] = &["of", "from", "in"];

/// The collective-agent table: singular phrase (lower case, space-joined) → role code.
struct Agents {
    roles: WordMap<String, &'static str>,
    /// Every proper word prefix of a phrase ("riot" of "riot police").
    prefixes: WordSet<String>,
    /// Every word that opens a phrase of this table or an agent phrase of the shipped
    /// lexicon, itself or as the singular [`singular`] makes of it ("forces", "militias"):
    /// one look-up settles the many words that start no agent phrase.
    openers: WordSet<String>,
    max_words: usize,
}

fn agents() -> &'static Agents {
    static AGENTS: OnceLock<Agents> = OnceLock::new();
    AGENTS.get_or_init(|| {
        let mut roles = WordMap::default();
        let mut prefixes = WordSet::default();
        let mut starts = WordSet::default();
        let mut max_words = 1;
        for line in COLLECTIVE_AGENTS.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if let Some((phrase, role)) = line.split_once('\t') {
                let phrase = phrase.trim().to_lowercase();
                let parts: Vec<&str> = phrase.split(' ').collect();
                max_words = max_words.max(parts.len());
                for n in 1..parts.len() {
                    prefixes.insert(parts[..n].join(" "));
                }
                starts.insert(parts[0].to_string());
                roles.insert(phrase, role.trim());
            }
        }
        let mut openers = WordSet::default();
        for w in starts
            .iter()
            .map(String::as_str)
            .chain(Lexicon::shipped().agent_first_words())
        {
            openers.extend(plurals(w));
            openers.insert(w.to_string());
        }
        Agents {
            roles,
            prefixes,
            openers,
            max_words,
        }
    })
}

/// One word of a sentence as this module reads it.
struct Word<'a> {
    start: usize,
    end: usize,
    low: Lower<'a>,
    upper: bool,
    /// Written in capitals throughout ("USA", "AND").
    capitals: bool,
    possessive: bool,
    punct: bool,
}

/// A named thing in the sentence that an agent may belong to.
#[derive(Clone)]
struct Anchor {
    /// Word range.
    first: usize,
    last: usize,
    code: Option<String>,
    country: Option<String>,
    entity: Option<String>,
    kind: EntityKind,
}

/// Every actor mention of the article, in text order.
pub fn actor_mentions(
    text: &str,
    sentences: &[Span],
    tokens: &[Token],
    entities: &[Entity],
) -> Vec<ActorMention> {
    let lex = Lexicon::shipped();
    let mut named: Vec<(usize, usize, &Entity)> = entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (m.start, m.end, e)))
        .collect();
    named.sort_by_key(|&(s, e, _)| (s, e));
    let main = main_country(entities);
    let mut out: Vec<ActorMention> = Vec::new();
    let lowered = LoweredText::new(text);
    // Start of the sentence before the current one.
    let mut previous: Option<usize> = None;
    for s in sentences {
        let ta = tokens.partition_point(|t| t.span.start < s.start);
        let tb = tokens.partition_point(|t| t.span.start < s.end);
        let na = named.partition_point(|m| m.0 < s.start);
        let nb = named.partition_point(|m| m.0 < s.end);
        let words = words(text, &lowered, &tokens[ta..tb]);
        if words.is_empty() {
            continue;
        }
        let mut anchors = entity_anchors(&words, &named[na..nb]);
        for a in anchors.iter_mut() {
            qualify_by_prefix(lex, &words, a);
        }
        country_words(lex, &words, &mut anchors);
        anchors.sort_by_key(|a| a.first);
        place_countries(lex, &words, &mut anchors, main.as_deref());
        let scene = scene_country(&words, &anchors).or(main.clone());
        let before = out.len();
        sentence_mentions(lex, &words, &anchors, scene.as_deref(), &mut out);
        epithet_countries(&words, previous, before, &mut out);
        previous = Some(s.start);
    }
    // Where two readings cover the same words, the more specific code wins.
    out.sort_by(|a, b| {
        (a.start, a.end, std::cmp::Reverse(a.code.len()), &a.code).cmp(&(
            b.start,
            b.end,
            std::cmp::Reverse(b.code.len()),
            &b.code,
        ))
    });
    out.dedup_by(|a, b| a.start == b.start && a.end == b.end);
    out
}

/// The country the article is most about: the one its entities mention most (the first
/// mentioned on a tie).
fn main_country(entities: &[Entity]) -> Option<String> {
    let mut best: Option<(&str, usize, usize)> = None;
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for e in entities {
        let Some(c) = e.country.as_deref() else {
            continue;
        };
        let first = e.mentions.first().map_or(usize::MAX, |m| m.start);
        let entry = counts.entry(c).or_insert((0, first));
        entry.0 += e.mentions.len();
        entry.1 = entry.1.min(first);
    }
    for (c, (n, first)) in counts {
        if best.is_none_or(|(_, bn, bf)| n > bn || (n == bn && first < bf)) {
            best = Some((c, n, first));
        }
    }
    best.map(|(c, _, _)| c.to_string())
}

fn words<'a>(text: &'a str, lowered: &'a LoweredText, toks: &[Token]) -> Vec<Word<'a>> {
    let mut out: Vec<Word> = Vec::with_capacity(toks.len());
    for t in toks {
        let s = t.span.of(text);
        match t.kind {
            TokenKind::Possessive => {
                if let Some(w) = out.last_mut() {
                    w.possessive = true;
                }
            }
            TokenKind::Word | TokenKind::Abbreviation | TokenKind::Initial => {
                out.push(Word {
                    start: t.span.start,
                    end: t.span.end,
                    low: lowered.chars_of(s, t.span.start),
                    upper: s.chars().next().is_some_and(char::is_uppercase),
                    capitals: s.len() > 1 && !s.chars().any(char::is_lowercase),
                    possessive: false,
                    punct: false,
                });
            }
            _ => out.push(Word {
                start: t.span.start,
                end: t.span.end,
                low: Lower::default(),
                upper: false,
                capitals: false,
                possessive: false,
                punct: true,
            }),
        }
    }
    out
}

/// The entity mentions of the sentence as word ranges.
fn entity_anchors(words: &[Word], named: &[(usize, usize, &Entity)]) -> Vec<Anchor> {
    named
        .iter()
        .filter_map(|&(start, end, e)| {
            let first = words.partition_point(|w| w.end <= start);
            let last = words.partition_point(|w| w.start < end);
            (first < last).then(|| Anchor {
                first,
                last: last - 1,
                code: e.code.clone(),
                country: e.country.clone(),
                entity: Some(e.id.clone()),
                kind: e.kind,
            })
        })
        .collect()
}

/// Gives a name the entity stage could not code the actor its first words name, with the
/// role a later word of it states: "U.N. Secretary-General Kofi Annan" → `IGOUNO`, "Arab
/// League envoy X", "Sudanese opposition leader X" → `SDNOPP`.
/// Each word is keyed as the lexicon keys names, piece by piece, so that a dotted
/// abbreviation ("U.N.") is found as the name it is.
fn qualify_by_prefix(lex: &Lexicon, words: &[Word], a: &mut Anchor) {
    if a.code.is_some() || a.country.is_some() || a.last == a.first {
        return;
    }
    let mut key = String::new();
    let mut found: Option<(usize, &dyad_nlp::entities::lexicon::Actor)> = None;
    for n in 1..=3.min(a.last - a.first) {
        let w = &words[a.first + n - 1];
        if w.punct {
            break;
        }
        if n > 1 {
            key.push(' ');
        }
        if w.low.bytes().all(|b| b.is_ascii_alphanumeric()) {
            key.push_str(&w.low);
        } else {
            key.push_str(&lexicon::key_of(&w.low));
        }
        let actor = lex
            .lookup(&key)
            .iter()
            .filter_map(|&k| lex.actor(k))
            .find(|x| {
                matches!(
                    x.kind,
                    ActorKind::Country | ActorKind::Organization | ActorKind::Group
                ) && !x.codes.is_empty()
            });
        if let Some(x) = actor {
            found = Some((n, x));
        }
        if !lex.is_name_prefix(&key) {
            break;
        }
    }
    let Some((n, actor)) = found else { return };
    let Some(code) = actor.codes.first().map(|c| c.code.clone()) else {
        return;
    };
    if actor.kind == ActorKind::Country {
        let role = (a.first + n..=a.last).find_map(|i| agent_at(lex, words, i).map(|r| r.1));
        a.country = Some(code.clone());
        a.code = Some(match role {
            Some(r) => format!("{code}{r}"),
            None => code,
        });
    } else {
        a.country = actor.country.clone();
        a.code = Some(code);
    }
}

fn covered(anchors: &[Anchor], i: usize) -> bool {
    anchors.iter().any(|a| a.first <= i && i <= a.last)
}

/// Country names and demonyms the entity stage did not mark ("Palestinian officials").
fn country_words(lex: &Lexicon, words: &[Word], anchors: &mut Vec<Anchor>) {
    let mut i = 0;
    let mut key = String::new();
    while i < words.len() {
        if !words[i].upper || words[i].punct || covered(anchors, i) {
            i += 1;
            continue;
        }
        let mut found = None;
        key.clear();
        for n in 1..=3.min(words.len() - i) {
            let w = &words[i + n - 1];
            if w.punct || (n > 1 && (covered(anchors, i + n - 1) || words[i + n - 2].possessive)) {
                break;
            }
            if n > 1 {
                key.push(' ');
            }
            key.push_str(&w.low);
            if let Some(c) = country_code(lex, &key) {
                found = Some((n, c));
            }
            if !lex.is_name_prefix(&key) {
                break;
            }
        }
        // A country's code is a name only where it is written as one: "USA", not the "And"
        // or "Are" opening a sentence, nor the "AND" of a headline in capitals.
        if found
            .as_ref()
            .is_some_and(|(n, c)| *n == 1 && c.eq_ignore_ascii_case(&words[i].low))
            && !code_as_written(words, i)
        {
            found = None;
        }
        // "Armenians", "Afghans", "Iraqis": the people of a country, named by the plural of
        // its demonym (not "the Americas": a demonym ends in "-an" or "-i"). "Ethnic
        // Albanians" are a people wherever they live, no country's actor.
        let ethnic = i > 0 && words[i - 1].low == "ethnic";
        if found.is_none() && !ethnic {
            found = words[i]
                .low
                .strip_suffix('s')
                .filter(|one| one.ends_with("an") || one.ends_with('i'))
                .and_then(|one| country_code(lex, one))
                .map(|c| (1, c));
        }
        // "Vietnamese-led forces", "Iranian-backed militia": the country opens a compound.
        if found.is_none() {
            found = words[i]
                .low
                .split_once('-')
                .and_then(|(head, _)| country_code(lex, head))
                .map(|c| (1, c));
        }
        match found {
            Some((n, code)) => {
                anchors.push(Anchor {
                    first: i,
                    last: i + n - 1,
                    country: Some(code.clone()),
                    code: Some(code),
                    entity: None,
                    kind: EntityKind::Country,
                });
                i += n;
            }
            None => i += 1,
        }
    }
}

/// Whether word `i` is written as a code is: in capitals, among words that are not (a
/// headline in capitals has its "AND" and "CAN" in capitals too).
fn code_as_written(words: &[Word], i: usize) -> bool {
    let capitals = |k: usize| words.get(k).is_some_and(|w| w.capitals);
    capitals(i) && !capitals(i + 1) && !(i > 0 && capitals(i - 1))
}

/// Places whose name several countries share ("Tripoli" of Libya and of Lebanon) are put
/// in the one the sentence names besides them ("the north Lebanese port"), else in the
/// article's main country; otherwise they keep the reading the entity stage gave them.
fn place_countries(lex: &Lexicon, words: &[Word], anchors: &mut [Anchor], main: Option<&str>) {
    let named: Vec<String> = anchors
        .iter()
        .filter(|a| a.kind == EntityKind::Country)
        .filter_map(|a| a.country.clone())
        .collect();
    for a in anchors.iter_mut() {
        let Some(current) = a.country.as_deref() else {
            continue;
        };
        if a.kind != EntityKind::Place || named.iter().any(|c| c == current) {
            continue;
        }
        let key = words[a.first..=a.last]
            .iter()
            .map(|w| w.low.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let mut others: Vec<&str> = lex
            .lookup(&key)
            .iter()
            .filter_map(|&k| lex.actor(k))
            .filter(|x| x.kind == ActorKind::Place)
            .filter_map(|x| x.country.as_deref())
            .filter(|&c| c != current)
            .collect();
        others.sort_unstable();
        others.dedup();
        let in_sentence: Vec<&str> = others
            .iter()
            .copied()
            .filter(|c| named.iter().any(|n| n == c))
            .collect();
        let chosen = match in_sentence.as_slice() {
            [one] => Some(*one),
            [] => main.filter(|m| others.contains(m) && *m != current),
            _ => None,
        };
        if let Some(c) = chosen {
            a.country = Some(c.to_string());
        }
    }
}

/// The code of the country a name or demonym (lower case) names.
fn country_code(lex: &Lexicon, key: &str) -> Option<String> {
    lex.lookup(key)
        .iter()
        .filter_map(|&k| lex.actor(k))
        .find(|a| a.kind == ActorKind::Country)
        .and_then(|a| a.codes.first())
        .map(|c| c.code.clone())
}

/// The country of the first place or country the sentence sets its action in ("in Algiers").
fn scene_country(words: &[Word], anchors: &[Anchor]) -> Option<String> {
    anchors
        .iter()
        .filter(|a| a.kind != EntityKind::Person && a.first > 0)
        .find(|a| {
            let mut p = a.first - 1;
            if words[p].low == "the" && p > 0 {
                p -= 1;
            }
            LOCATIVE.contains(&words[p].low.as_str())
        })
        .and_then(|a| a.country.clone())
}

/// The longest agent phrase starting at word `i`: its length and role, and whether it comes
/// from the collective table (usable alone) or only from the lexicon's role words.
/// `lex` is the shipped lexicon, whose agent phrases' first words are among the table's
/// openers.
fn agent_at(lex: &Lexicon, words: &[Word], i: usize) -> Option<(usize, String, bool)> {
    let table = agents();
    // Most words start no agent phrase: one look in the set of first words settles them
    // before the several lookups of the loop below.
    if !table.openers.contains(words[i].low.as_str()) {
        return None;
    }
    let max = table
        .max_words
        .max(lex.max_agent_tokens())
        .min(words.len() - i);
    // Sized once for the usual phrase: growing it word by word cost a reallocation per word.
    let mut key = String::with_capacity(32);
    let mut best = None;
    for n in 1..=max {
        let w = &words[i + n - 1];
        if w.punct || w.low.is_empty() || (n > 1 && words[i + n - 2].possessive) {
            break;
        }
        if n > 1 {
            key.push(' ');
        }
        let stem_from = key.len();
        key.push_str(&w.low);
        let single = singular(&key, stem_from);
        // The singular form only when there is one: looking up an empty key cost two
        // dictionary probes per word.
        for form in std::iter::once(key.as_str()).chain(single.as_deref()) {
            if let Some(role) = table.roles.get(form) {
                best = Some((n, role.to_string(), true));
                break;
            }
            if let Some(role) = lex.agent(form) {
                best = Some((n, role.to_string(), false));
                break;
            }
        }
        if !lex.is_agent_prefix(&key) && !table.prefixes.contains(&key) {
            break;
        }
    }
    best
}

/// The words [`singular`] turns into the one word `w`: its plurals by the same rules.
fn plurals(w: &str) -> impl Iterator<Item = String> {
    let ies = w.strip_suffix('y').map(|b| format!("{b}ies"));
    let men = w.strip_suffix("man").map(|b| format!("{b}men"));
    // "-s" unless `w` ends so that its plural would read as another rule's ("-ies") or as
    // no plural ("-ss"), and only past three letters.
    let s = (!w.ends_with('s') && !w.ends_with("ie") && w.len() >= 3).then(|| format!("{w}s"));
    ies.into_iter().chain(men).chain(s)
}

/// `key` with its last word (from byte `from`) made singular ("forces" → "force"), when it
/// looks plural; a plain "-s" plural is a slice of `key`, with nothing allocated.
fn singular(key: &str, from: usize) -> Option<Cow<'_, str>> {
    let (head, last) = key.split_at(from);
    if let Some(b) = last.strip_suffix("ies") {
        Some(Cow::Owned(format!("{head}{b}y")))
    } else if let Some(b) = last.strip_suffix("men") {
        Some(Cow::Owned(format!("{head}{b}man")))
    } else if last.len() > 3 && last.ends_with('s') && !last.ends_with("ss") {
        Some(Cow::Borrowed(&key[..key.len() - 1]))
    } else {
        None
    }
}

/// Appends the mentions a sentence adds: country words, agents with their country, places,
/// and role-only people placed in `scene`.
fn sentence_mentions(
    lex: &Lexicon,
    words: &[Word],
    anchors: &[Anchor],
    scene: Option<&str>,
    out: &mut Vec<ActorMention>,
) {
    let span = |first: usize, last: usize| (words[first].start, words[last].end);
    for a in anchors {
        let (start, end) = span(a.first, a.last);
        match (&a.code, &a.country) {
            // country words found here, and places standing for their country
            (Some(code), _) if a.entity.is_none() => out.push(mention(start, end, code, None)),
            (None, Some(country)) if a.kind == EntityKind::Place => {
                out.push(mention(start, end, country, a.entity.clone()))
            }
            // a role-only code ("GOV") is placed in the country of its sentence
            (Some(code), None) if is_role_only(code) => {
                let code = scene.map_or(code.clone(), |c| format!("{c}{code}"));
                out.push(mention(start, end, &code, a.entity.clone()));
            }
            (Some(code), _) => out.push(mention(start, end, code, a.entity.clone())),
            _ => {}
        }
    }
    let mut i = 0;
    while i < words.len() {
        if words[i].punct || covered(anchors, i) {
            i += 1;
            continue;
        }
        let Some((n, role, collective)) = agent_at(lex, words, i) else {
            i += 1;
            continue;
        };
        let last = i + n - 1;
        if n == 1 && adjectival(lex, words, i) {
            i += 1;
            continue;
        }
        if let Some(owner) = left_owner(words, anchors, i) {
            let a = &anchors[owner];
            let code = join_role(a, &role);
            let (start, end) = span(a.first, last);
            out.push(mention(start, end, &code, a.entity.clone()));
            // "Hungarian and Romanian officials": the role goes to every conjoined country.
            let mut k = owner;
            while let Some(prev) = conjoined_before(words, anchors, k) {
                let p = &anchors[prev];
                let (s, e) = span(p.first, p.last);
                out.push(mention(s, e, &join_role(p, &role), p.entity.clone()));
                k = prev;
            }
        } else if let Some(owner) = right_owner(words, anchors, last) {
            let (start, end) = span(i, last);
            let code = join_role(&anchors[owner], &role);
            out.push(mention(start, end, &code, None));
        } else if collective {
            if let Some(c) = scene {
                let (start, end) = span(i, last);
                out.push(mention(start, end, &format!("{c}{role}"), None));
            }
        }
        i = last + 1;
    }
    owners_country(words, anchors, out);
}

/// Nouns a news epithet for a country ends in ("the South Caucasus nation").
const EPITHET_NOUNS: &[&str] = &["nation", "country", "kingdom", "republic"];

/// A country named by an epithet, "the South Caucasus nation", "the oil-rich kingdom" (a
/// lower-case country noun after "the" and at least one modifier, not followed by "of"): the
/// country the previous sentence named last among those this sentence does not name. The
/// sentence's own mentions are `out[own..]`; `previous` is where the previous sentence starts.
fn epithet_countries(
    words: &[Word],
    previous: Option<usize>,
    own: usize,
    out: &mut Vec<ActorMention>,
) {
    let Some(previous) = previous else { return };
    for the in (0..words.len()).filter(|&i| words[i].low == "the") {
        let Some(noun) = (the + 2..words.len().min(the + 5))
            .find(|&i| EPITHET_NOUNS.contains(&words[i].low.as_str()) && !words[i].upper)
        else {
            continue;
        };
        if words[the + 1..noun].iter().any(|w| w.punct)
            || words.get(noun + 1).is_some_and(|w| w.low == "of")
            || out[own..]
                .iter()
                .any(|m| m.start < words[noun].end && m.end > words[the].start)
        {
            continue;
        }
        let named_here = &out[own..];
        let antecedent = out[..own]
            .iter()
            .filter(|m| m.start >= previous && is_country_code(&m.code))
            .filter(|m| !named_here.iter().any(|h| h.code == m.code))
            .max_by_key(|m| m.start)
            .map(|m| m.code.clone());
        if let Some(code) = antecedent {
            out.push(mention(words[the].start, words[noun].end, &code, None));
        }
    }
}

/// "his country", "her nation": the country of the person the sentence named before it
/// ("President Ilham Aliyev revealed that his country had acquired …" → `AZE`).
fn owners_country(words: &[Word], anchors: &[Anchor], out: &mut Vec<ActorMention>) {
    for i in 1..words.len() {
        let (pronoun, noun) = (&words[i - 1], &words[i]);
        if !matches!(pronoun.low.as_str(), "his" | "her")
            || !matches!(noun.low.as_str(), "country" | "nation")
        {
            continue;
        }
        let owner = anchors
            .iter()
            .rev()
            .filter(|a| a.last + 1 < i && a.kind == EntityKind::Person)
            .find_map(|a| a.country.as_deref().filter(|c| is_country_code(c)));
        if let Some(country) = owner {
            out.push(mention(pronoun.start, noun.end, country, None));
        }
    }
}

/// Agent words that are also adjectives: "an official protest", "civilian buildings",
/// "military assistance".
const ADJECTIVE_AGENTS: &[&str] = &["official", "civilian", "military"];

/// Words of time that may follow a subject before its verb ("an official today said"),
/// besides the weekdays.
const TIME_WORDS: &[&str] = &["today", "yesterday", "tonight", "tomorrow", "now"];

/// Whether the agent word at `i` is used as an adjective: one of [`ADJECTIVE_AGENTS`] in the
/// singular, followed by the noun phrase it modifies (a content word or a country word), not
/// by a verb, a preposition or punctuation ("an official said", "the official in charge"),
/// nor by another agent word, with which it names the agent ("military leaders").
fn adjectival(lex: &Lexicon, words: &[Word], i: usize) -> bool {
    if !ADJECTIVE_AGENTS.contains(&words[i].low.as_str()) || words[i].possessive {
        return false;
    }
    let Some(next) = words.get(i + 1) else {
        return false;
    };
    let w = next.low.as_str();
    !next.punct
        && !NOT_MODIFIERS.contains(&w)
        && !matches!(w, "told" | "say" | "tells" | "added" | "warned")
        && !TIME_WORDS.contains(&w)
        && !dyad_nlp::lexicon::WEEKDAYS.contains(&w)
        && !w.ends_with("ed")
        && !w.ends_with("ly")
        && agent_at(lex, words, i + 1).is_none()
}

fn mention(start: usize, end: usize, code: &str, entity: Option<String>) -> ActorMention {
    ActorMention {
        start,
        end,
        code: code.to_string(),
        entity,
    }
}

/// Whether a code is a country's in the shipped dictionaries.
fn is_country_code(code: &str) -> bool {
    Lexicon::shipped().country(code).is_some()
}

/// Whether an actor code is a role without a country ("GOV", "ELI").
fn is_role_only(code: &str) -> bool {
    code.len() == 3 && !is_country_code(code)
}

/// The code of an agent of `owner`: its country with the role, or the owner's own code when
/// it has no country (an international body).
fn join_role(owner: &Anchor, role: &str) -> String {
    match (&owner.country, &owner.code) {
        (Some(c), _) if is_country_code(c) => format!("{c}{role}"),
        (_, Some(code)) => code.clone(),
        (Some(c), None) => format!("{c}{role}"),
        (None, None) => role.to_string(),
    }
}

/// The anchor an agent at `i` belongs to on its left: "Israeli (army)", "Iraq's interim
/// (government)", "Ivory Coast (rebels)" — up to two modifiers between.
fn left_owner(words: &[Word], anchors: &[Anchor], i: usize) -> Option<usize> {
    let mut p = i;
    let mut modifiers = 0;
    while p > 0 {
        p -= 1;
        if let Some(k) = anchors.iter().position(|a| a.last == p) {
            let a = &anchors[k];
            let owns = a.country.is_some() || a.code.is_some();
            return owns.then_some(k);
        }
        let w = &words[p];
        if w.punct
            || w.possessive
            || modifiers == 2
            || NOT_MODIFIERS.contains(&w.low.as_str())
            || reads_as_verb(w)
        {
            return None;
        }
        modifiers += 1;
    }
    None
}

/// Past forms that end in no "-ed".
const IRREGULAR_PAST: &[&str] = &[
    "put", "sent", "hit", "held", "led", "struck", "shot", "set", "cut", "left", "met", "told",
    "took", "gave", "made", "sought", "brought", "fought", "won", "lost", "kept", "beat", "fled",
    "sold", "bought", "began", "let", "saw",
];

/// Participles that modify agents ("armed forces", "elected officials", "allied troops").
const AGENT_PARTICIPLES: &[&str] = &[
    "armed",
    "unarmed",
    "united",
    "elected",
    "allied",
    "alleged",
    "retired",
    "exiled",
    "displaced",
    "detained",
    "jailed",
    "imprisoned",
    "wounded",
    "injured",
    "organized",
    "organised",
    "suspected",
    "trained",
    "uniformed",
    "masked",
    "disaffected",
    "banned",
];

/// Whether a lower-case word between a country and an agent reads as the verb of a clause
/// ("India put troops on alert", "Israel attacks soldiers", "Egypt arrested journalists"):
/// a past form not among [`AGENT_PARTICIPLES`], or a form in "-s" of a verb that codes an
/// event ("customs" codes none). Such a word separates the subject from the verb's object,
/// which is then no agent of the subject's country.
fn reads_as_verb(w: &Word) -> bool {
    if w.upper {
        return false;
    }
    let low = w.low.as_str();
    (low.ends_with("ed") && !AGENT_PARTICIPLES.contains(&low))
        || IRREGULAR_PAST.contains(&low)
        || (low.ends_with('s') && EventCoder::shared().codes_word(low))
}

/// The anchor after an agent ending at `last` that it belongs to: "officials of Iraq",
/// "demonstrators in Baghdad", "activists from the Fatah party".
fn right_owner(words: &[Word], anchors: &[Anchor], last: usize) -> Option<usize> {
    let prep = words.get(last + 1)?;
    if !AGENT_OF.contains(&prep.low.as_str()) {
        return None;
    }
    let mut p = last + 2;
    if words.get(p).is_some_and(|w| w.low == "the") {
        p += 1;
    }
    anchors
        .iter()
        .position(|a| a.first == p && a.country.is_some() && a.kind != EntityKind::Person)
}

/// The country anchor conjoined right before anchor `k` ("Hungarian and (Romanian)").
fn conjoined_before(words: &[Word], anchors: &[Anchor], k: usize) -> Option<usize> {
    let first = anchors[k].first;
    if first < 2 || !matches!(words[first - 1].low.as_str(), "and" | "") {
        return None;
    }
    if words[first - 1].punct && words[first - 1].end - words[first - 1].start != 1 {
        return None;
    }
    anchors
        .iter()
        .position(|a| a.last == first - 2 && a.kind == EntityKind::Country && a.country.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<(String, String)> {
        let blocks = [dyad_doc::Block {
            kind: dyad_doc::BlockKind::Paragraph,
            start: 0,
            end: text.len(),
        }];
        let sentences = dyad_nlp::sentences(text, &blocks);
        let tokens = dyad_nlp::tokenize(text);
        let entities = dyad_nlp::entities(text, &sentences, &tokens, None);
        actor_mentions(text, &sentences, &tokens, &entities)
            .into_iter()
            .map(|a| (text[a.start..a.end].to_string(), a.code))
            .collect()
    }

    fn has(found: &[(String, String)], phrase: &str, code: &str) -> bool {
        found.iter().any(|(p, c)| p == phrase && c == code)
    }

    #[test]
    fn corrected_and_short_names_of_the_extra_lists_code() {
        let f = codes("The EU and UNITA refused.");
        assert!(has(&f, "EU", "IGOEUREEC"), "{f:?}");
        assert!(has(&f, "UNITA", "AGOREB"), "{f:?}");
    }

    #[test]
    fn agents_take_the_country_their_phrase_names() {
        let f = codes("Palestinian officials demanded that Israeli troops leave.");
        assert!(has(&f, "Palestinian officials", "PSEGOV"), "{f:?}");
        assert!(has(&f, "Israeli troops", "ISRMIL"), "{f:?}");
        let f = codes("Demonstrators in Baghdad blocked a road.");
        assert!(has(&f, "Demonstrators", "IRQOPP"), "{f:?}");
    }

    #[test]
    fn adjectives_are_not_agents() {
        let f = codes("Serbia lodged an official protest with Albania.");
        assert!(!f.iter().any(|(p, _)| p.contains("official")), "{f:?}");
        let f = codes("An official Syrian newspaper said so.");
        assert!(!f.iter().any(|(p, _)| p.contains("official")), "{f:?}");
        let f = codes("Israeli bulldozers demolished civilian buildings in Gaza.");
        assert!(!f.iter().any(|(p, _)| p.contains("civilian")), "{f:?}");
        let f = codes("An Iraqi official said the talks failed.");
        assert!(has(&f, "Iraqi official", "IRQGOV"), "{f:?}");
        let f = codes("A U.S. official today praised Haiti.");
        assert!(has(&f, "U.S. official", "USAGOV"), "{f:?}");
        let f = codes("Israel extended military assistance to Azerbaijan.");
        assert!(!f.iter().any(|(p, _)| p.contains("military")), "{f:?}");
        let f = codes("The Egyptian military seized power.");
        assert!(
            f.iter()
                .any(|(p, c)| p.contains("military") && c == "EGYMIL"),
            "{f:?}"
        );
        let f = codes("Turkish military leaders met in Ankara.");
        assert!(f.iter().any(|(p, _)| p.contains("military")), "{f:?}");
    }

    #[test]
    fn a_verb_between_a_country_and_an_agent_ends_the_subject() {
        for text in [
            "Israel attacked soldiers in Lebanon.",
            "India put troops on alert.",
            "Syria bombs rebels near Homs.",
        ] {
            let f = codes(text);
            assert!(
                !f.iter()
                    .any(|(p, _)| p.contains(' ') && p.split(' ').count() == 3),
                "{text}: {f:?}"
            );
        }
        let f = codes("Israeli armed forces entered Lebanon.");
        assert!(has(&f, "Israeli armed forces", "ISRMIL"), "{f:?}");
    }

    #[test]
    fn a_country_code_is_a_name_only_in_capitals() {
        let f = codes("And they met. Are you sure? Ben left. The USA agreed.");
        assert!(
            !f.iter()
                .any(|(p, _)| p == "And" || p == "Are" || p == "Ben"),
            "{f:?}"
        );
        assert!(has(&f, "USA", "USA"), "{f:?}");
        let f = codes("TRUMP AND KIM MEET IN SINGAPORE");
        assert!(!f.iter().any(|(p, _)| p == "AND"), "{f:?}");
    }

    #[test]
    fn the_plural_of_a_demonym_is_its_country() {
        let f = codes("Armenians and Afghans protested, Iraqis said.");
        assert!(has(&f, "Armenians", "ARM"), "{f:?}");
        assert!(has(&f, "Afghans", "AFG"), "{f:?}");
        assert!(has(&f, "Iraqis", "IRQ"), "{f:?}");
        let f = codes("Ethnic Albanians in Serbia protested.");
        assert!(!f.iter().any(|(p, _)| p.contains("Albanians")), "{f:?}");
        let f = codes("Trade across the Americas grew.");
        assert!(!f.iter().any(|(p, _)| p == "Americas"), "{f:?}");
    }

    #[test]
    fn a_country_epithet_is_the_country_just_named() {
        let f = codes(
            "Israel needs a partner, and Azerbaijan has emerged as one. \
             The South Caucasus nation provides 40% of Israel's oil.",
        );
        assert!(has(&f, "The South Caucasus nation", "AZE"), "{f:?}");
        // the country itself, or nothing named before: no epithet
        let f = codes("The Baltic nation of Estonia joined NATO.");
        assert!(!f.iter().any(|(p, _)| p.contains("nation")), "{f:?}");
        let f = codes("The island nation voted.");
        assert!(!f.iter().any(|(p, _)| p.contains("nation")), "{f:?}");
    }

    #[test]
    fn a_persons_own_country_is_the_persons_country() {
        let f = codes("President Ilham Aliyev of Azerbaijan said his country bought drones.");
        assert!(has(&f, "his country", "AZE"), "{f:?}");
        // no person before it: no owner
        let f = codes("Azerbaijan said his country bought drones.");
        assert!(!f.iter().any(|(p, _)| p == "his country"), "{f:?}");
    }

    #[test]
    fn dotted_abbreviation_codes_a_titled_name() {
        let f = codes("U.N. Secretary-General Jan Olafsen criticized Iraq.");
        assert!(
            f.iter()
                .any(|(p, c)| p.ends_with("Jan Olafsen") && c == "IGOUNO"),
            "{f:?}"
        );
    }

    #[test]
    fn country_opening_a_compound_owns_the_agent() {
        let f = codes("Vietnamese-led forces shelled the camps.");
        assert!(has(&f, "Vietnamese-led forces", "VNMMIL"), "{f:?}");
    }

    #[test]
    fn conjoined_countries_share_the_agent() {
        let f = codes("Senior Hungarian and Romanian officials agreed on Wednesday.");
        assert!(has(&f, "Romanian officials", "ROUGOV"), "{f:?}");
        assert!(has(&f, "Hungarian", "HUNGOV"), "{f:?}");
    }

    #[test]
    fn a_place_name_two_countries_share_goes_to_the_one_the_sentence_names() {
        let f = codes("Shells fell in Tripoli, the north Lebanese port.");
        assert!(has(&f, "Tripoli", "LBN"), "{f:?}");
        let f = codes("Shells fell in Tripoli.");
        assert!(has(&f, "Tripoli", "LBY"), "{f:?}");
    }

    #[test]
    fn collective_agents_take_the_scene_or_the_article_country() {
        let f = codes("Police fired tear gas at protesters in Nairobi.");
        assert!(has(&f, "Police", "KENCOP"), "{f:?}");
        assert!(has(&f, "protesters", "KENOPP"), "{f:?}");
        let f = codes("The weather was fine and the government met.");
        assert!(!f.iter().any(|(p, _)| p == "government"), "{f:?}");
    }
}
