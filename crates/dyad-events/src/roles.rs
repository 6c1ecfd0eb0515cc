//! Who did it to whom: the source (subject) and target (object) actors of a verb occurrence,
//! found shallowly from the sentence view — the nearest actor left of the verb that is not
//! inside a prepositional or relative phrase, the first actor right of it within the clause,
//! passives ("was attacked by X") swapped, and conjoined actors ("X and Y") expanded.

use crate::sentence::Tok;

/// Prepositions whose object is not a subject.
const SUBJECT_BLOCKING_PREPS: &[&str] = &[
    "in", "at", "near", "from", "to", "by", "with", "against", "into", "on", "for", "over",
    "across", "inside", "outside", "toward", "towards", "within", "between", "during", "after",
    "before", "under", "about", "than", "like", "among", "through", "via", "since",
];
/// Whether a word is a preposition: one of [`SUBJECT_BLOCKING_PREPS`] or "of", "amid",
/// "amidst", "despite".
pub(crate) fn is_preposition(w: &str) -> bool {
    SUBJECT_BLOCKING_PREPS.contains(&w) || matches!(w, "of" | "amid" | "amidst" | "despite")
}
/// Words that open a relative clause.
const RELATIVIZERS: &[&str] = &["which", "who", "whom", "whose", "where"];
/// Words that open a new clause to the right of a verb.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "because", "while", "whereas", "although", "though", "when", "if",
    "unless", "since", "but", "whom", "whose", "where",
];
/// Whether a word opens a new clause to the right of a verb ([`CLAUSE_OPENERS`]).
pub(crate) fn is_clause_opener(w: &str) -> bool {
    CLAUSE_OPENERS.contains(&w)
}
/// Determiners and similar words skipped when looking at what precedes an actor.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "this", "these",
];

/// Whether a word is one of the determiners skipped before a noun phrase's head.
pub(crate) fn is_determiner(w: &str) -> bool {
    DETERMINERS.contains(&w)
}

/// Forms of `be`/`get` that make a past participle passive.
const PASSIVE_AUX: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "get", "got", "gets", "getting",
];
/// How far right of the verb the target may be.
const OBJECT_WINDOW: usize = 14;

/// The first token of the actor run containing `p`.
pub(crate) fn run_start(toks: &[Tok], p: usize) -> usize {
    let Some(a) = toks[p].actor else { return p };
    let mut q = p;
    while q > 0 && toks[q - 1].actor == Some(a) {
        q -= 1;
    }
    q
}

/// One past the last token of the actor run starting at `p`.
pub(crate) fn run_end(toks: &[Tok], p: usize) -> usize {
    let Some(a) = toks[p].actor else { return p + 1 };
    let mut q = p;
    while q < toks.len() && toks[q].actor == Some(a) {
        q += 1;
    }
    q
}

/// Whether a blocking preposition governs the actor starting at `s` (directly, or across a
/// determiner and one modifier: "in south Ithilen", "from the Gondor side").
fn preposition_before(toks: &[Tok], s: usize) -> bool {
    let mut q = s;
    let mut words = 0;
    while q > 0 && words < 3 {
        q -= 1;
        let t = &toks[q];
        if t.punct || t.actor.is_some() {
            return false;
        }
        let w = t.low.as_str();
        if SUBJECT_BLOCKING_PREPS.contains(&w) {
            return true;
        }
        if !DETERMINERS.contains(&w) {
            words += 1;
            if words > 1 {
                return false;
            }
        }
    }
    false
}

/// Whether the words between the last comma and the verb form a subject of their own that
/// names no actor ("…, the agency said"; "…, officials said"): then the actors before the
/// comma belong to another clause.
fn own_subject_after_comma(toks: &[Tok], verb_first: usize) -> bool {
    let mut q = verb_first;
    while q > 0 {
        q -= 1;
        let t = &toks[q];
        if t.actor.is_some() {
            return false;
        }
        if t.punct {
            if t.low != "," {
                return false;
            }
            let seg = &toks[q + 1..verb_first];
            let content: Vec<&str> = seg
                .iter()
                .map(|t| t.low.as_str())
                .filter(|w| !AUX_AND_ADVERBS.contains(w) && !w.ends_with("ly"))
                .collect();
            return match seg.first() {
                None => false,
                Some(_) if serial_list_end(toks, q) => false,
                Some(f) if DETERMINERS.contains(&f.low.as_str()) => true,
                Some(f) if SUBJECT_BLOCKING_PREPS.contains(&f.low.as_str()) => false,
                Some(_) => !content.is_empty() && content.len() <= 3,
            };
        }
    }
    false
}

/// Whether the comma at `q` closes the last but one item of a serial list, "and" or "or"
/// following it ("launched artillery, mortar, and rocket fire"): one word stands between it
/// and the comma before. What follows ends the list; it opens no clause of its own.
fn serial_list_end(toks: &[Tok], q: usize) -> bool {
    q >= 2
        && toks
            .get(q + 1)
            .is_some_and(|t| matches!(t.low.as_str(), "and" | "or"))
        && !toks[q - 1].punct
        && toks[q - 2].punct
        && toks[q - 2].low == ","
}

/// Auxiliaries and sentence adverbs that never form a subject.
const AUX_AND_ADVERBS: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "also",
    "however",
    "meanwhile",
    "then",
    "too",
    "still",
    "and",
    "but",
    "not",
    "later",
    "earlier",
    "again",
    "can",
    "could",
    "may",
    "might",
    "should",
    "must",
    "did",
    "does",
    "do",
];

/// Whether the actor at `p` sits inside a relative clause (`, which … X`).
fn in_relative_clause(toks: &[Tok], p: usize, limit: usize) -> bool {
    let mut q = p;
    while q > limit {
        q -= 1;
        let t = &toks[q];
        if t.punct && t.low == "," {
            return false;
        }
        if RELATIVIZERS.contains(&t.low.as_str()) {
            return true;
        }
    }
    false
}

/// The subject actor of a verb starting at `verb_first`: a token index of an actor run start.
pub(crate) fn subject(toks: &[Tok], verb_first: usize) -> Option<usize> {
    if own_subject_after_comma(toks, verb_first) {
        return None;
    }
    let mut p = verb_first;
    let mut fallback = None;
    let mut clause_start = 0;
    while p > 0 {
        p -= 1;
        let t = &toks[p];
        if crate::matcher::is_hard_boundary(t) {
            clause_start = p + 1;
            break;
        }
        if t.actor.is_none() {
            continue;
        }
        let s = run_start(toks, p);
        p = s;
        let blocked = preposition_before(toks, s);
        if blocked {
            fallback = fallback.or(Some(s));
            continue;
        }
        if in_relative_clause(toks, s, 0) {
            continue;
        }
        let s = appositive_head(toks, s, verb_first).unwrap_or(s);
        return Some(owner_before_of(toks, s).unwrap_or(s));
    }
    // A subject that names no actor itself but is qualified by one ("officials of X",
    // "demonstrators in X", "activists from X") is attributed to that actor, when the phrase
    // opens the clause.
    fallback.filter(|&s| {
        s <= clause_start + 8
            && toks[clause_start..s]
                .iter()
                .rev()
                .filter(|t| !DETERMINERS.contains(&t.low.as_str()) && !t.upper)
                .take(2)
                .any(|t| matches!(t.low.as_str(), "of" | "in" | "from"))
    })
}

/// The actor that heads a subject phrase ending in "of" + the actor at `s`: "the Turkish and
/// Greek sides of the island of Cyprus" → Turkish. Only nouns, modifiers, determiners and
/// further "of" phrases may stand between them.
fn owner_before_of(toks: &[Tok], s: usize) -> Option<usize> {
    let mut q = s;
    while q > 0 && DETERMINERS.contains(&toks[q - 1].low.as_str()) {
        q -= 1;
    }
    if q == 0 || toks[q - 1].low != "of" {
        return None;
    }
    let mut steps = 0;
    while q > 0 && steps < 9 {
        q -= 1;
        steps += 1;
        let t = &toks[q];
        if t.actor.is_some() {
            let head = run_start(toks, q);
            return (!preposition_before(toks, head)).then_some(head);
        }
        let w = t.low.as_str();
        // a participle counts as a modifier only right after a determiner ("the divided")
        let verb_like =
            w.ends_with("ed") && !(q > 0 && DETERMINERS.contains(&toks[q - 1].low.as_str()));
        if t.punct
            || verb_like
            || AUX_AND_ADVERBS.contains(&w)
            || CLAUSE_OPENERS.contains(&w)
            || (SUBJECT_BLOCKING_PREPS.contains(&w) && w != "of")
        {
            return None;
        }
    }
    None
}

/// The first actor the sentence places its action in ("in Beirut", "outside the Iraqi city
/// of Basra"), other than `except`'s run, before any participle clause after the verb ending
/// at `verb_last` ("…, facing Hamas in Gaza" places the facing, not the verb).
pub(crate) fn scene(toks: &[Tok], except: Option<usize>, verb_last: usize) -> Option<usize> {
    let except = except.map(|p| run_start(toks, p));
    let mut p = 0;
    while p < toks.len() {
        if p > verb_last && participle_clause_at(toks, p) {
            return None;
        }
        if toks[p].actor.is_none() {
            p += 1;
            continue;
        }
        let s = run_start(toks, p);
        if Some(s) != except && locative_before(toks, s) {
            return Some(s);
        }
        p = run_end(toks, s);
    }
    None
}

/// Whether a place preposition governs the actor run at `s`: "in Beirut", "near the town of
/// Samarra", "outside of the Iraqi city", "in central Baghdad" (one modifier at most; not "in
/// defiance of Chinese authorities").
fn locative_before(toks: &[Tok], s: usize) -> bool {
    let word = |q: usize| toks[q].low.as_str();
    let mut q = s;
    let skip_determiners = |mut q: usize| {
        while q > 0 && DETERMINERS.contains(&word(q - 1)) {
            q -= 1;
        }
        q
    };
    q = skip_determiners(q);
    if q > 0 && !toks[q - 1].punct && toks[q - 1].actor.is_none() && !toks[q - 1].upper {
        let w = word(q - 1);
        if !LOCATIVE_PREPS.contains(&w) && !SUBJECT_BLOCKING_PREPS.contains(&w) && w != "of" {
            q = skip_determiners(q - 1);
        }
    }
    if q > 1 && word(q - 1) == "of" && matches!(word(q - 2), "outside" | "inside") {
        q -= 1;
    } else if q > 1 && word(q - 1) == "of" && SETTLEMENT_NOUNS.contains(&word(q - 2)) {
        // "near the town of Samarra", "in the province of Anbar"
        q = skip_determiners(q - 2);
    }
    q > 0 && LOCATIVE_PREPS.contains(&word(q - 1))
}

/// Whether the actor run containing `p` is where an action happens ("in Beirut").
pub(crate) fn locative(toks: &[Tok], p: usize) -> bool {
    locative_before(toks, run_start(toks, p))
}

/// Nouns for a settlement or an area that "of" joins to its name ("the town of Samarra").
pub(crate) const SETTLEMENT_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "province",
    "region",
    "district",
    "port",
    "capital",
    "outskirts",
    "suburbs",
];

/// Prepositions that set where an action happens.
const LOCATIVE_PREPS: &[&str] = &["in", "at", "near", "outside", "inside"];

/// The actor an appositive around the actor run at `s` describes: "Pakistan, a key U.S. ally
/// in the war, has refused" → Pakistan, "Armenia, as Iran's main partner, views" → Armenia.
/// The appositive opens with a comma and a determiner (or "as") right after another actor and closes with a comma before the verb; the actor in it only
/// modifies its noun ("U.S. ally"), so one where the appositive is the actor itself
/// ("X, the United Nations, …") is not one.
fn appositive_head(toks: &[Tok], s: usize, verb_first: usize) -> Option<usize> {
    let mut q = s;
    let mut words = 0;
    loop {
        q = q.checked_sub(1)?;
        let t = &toks[q];
        if t.punct {
            if t.low != "," {
                return None;
            }
            break;
        }
        words += 1;
        if t.actor.is_some() || words > 3 {
            return None;
        }
    }
    let opener = toks[q + 1].low.as_str();
    if q == 0 || !(DETERMINERS.contains(&opener) || opener == "as") {
        return None;
    }
    toks[q - 1].actor?;
    let e = run_end(toks, s);
    let close = (e..verb_first).find(|&k| toks[k].punct)?;
    (close > e && toks[close].low == ",").then(|| run_start(toks, q - 1))
}

/// Words that may open a participle clause at the head of a sentence ("Since recognizing …").
const PARTICIPLE_OPENERS: &[&str] = &[
    "since", "after", "before", "while", "when", "upon", "by", "on", "in", "through", "despite",
];

/// The subject of a participle clause that opens the sentence, alone or after one of
/// [`PARTICIPLE_OPENERS`]: the actor that opens the main clause after its comma ("Since
/// recognizing Azerbaijan's independence in 1991, Israel has cultivated …" → Israel).
pub(crate) fn opening_participle_subject(toks: &[Tok], verb_first: usize) -> Option<usize> {
    if !toks[verb_first].low.ends_with("ing") {
        return None;
    }
    match &toks[..verb_first] {
        [] => {}
        [opener] if PARTICIPLE_OPENERS.contains(&opener.low.as_str()) => {}
        _ => return None,
    }
    let comma = (verb_first + 1..toks.len()).find(|&k| toks[k].punct)?;
    if toks[comma].low != "," {
        return None;
    }
    let s = clause_subject(toks, comma + 1)?;
    toks.get(run_end(toks, s))
        .is_some_and(|t| !t.punct)
        .then_some(s)
}

/// The actor opening the clause that starts at `p`, behind determiners and titles at most
/// ("that the US …", "that President Mugabe …").
fn clause_subject(toks: &[Tok], p: usize) -> Option<usize> {
    (p..(p + 4).min(toks.len()))
        .take_while(|&q| {
            let t = &toks[q];
            t.actor.is_some() || (t.upper && !t.punct) || DETERMINERS.contains(&t.low.as_str())
        })
        .find(|&q| toks[q].actor.is_some())
}

/// The actor a conditional clause after a threat names ("threatened to strike unless Y
/// rescinded …", "… if Y goes ahead"): the one the threat is addressed to.
pub(crate) fn condition_subject(toks: &[Tok], verb_last: usize) -> Option<usize> {
    let mut p = verb_last + 1;
    while p < toks.len() {
        let t = &toks[p];
        if crate::matcher::is_hard_boundary(t) {
            return None;
        }
        if matches!(t.low.as_str(), "if" | "unless") {
            return clause_subject(toks, p + 1);
        }
        p += 1;
    }
    None
}

/// Prepositions that open a phrase before the main clause ("With the signing of …, X agreed").
const INTRODUCTORY_PREPS: &[&str] = &[
    "with",
    "after",
    "following",
    "before",
    "during",
    "despite",
    "since",
    "amid",
    "upon",
    "on",
    "in",
    "under",
    "without",
];

/// Verbs of a reporting clause ("…, police sources said").
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "reported",
    "reports",
    "told",
    "added",
    "stated",
    "announced",
    "quoted",
];

/// Whether the actor run at `s` opens a reporting clause after a comma ("…, police sources
/// said", "…, Thai military sources reported"): a determiner at most between the comma and the
/// actor, and a reporting verb within three words after it.
fn reporting_subject(toks: &[Tok], s: usize) -> bool {
    let mut q = s;
    while q > 0 && DETERMINERS.contains(&toks[q - 1].low.as_str()) {
        q -= 1;
    }
    if q == 0 || !(toks[q - 1].punct && toks[q - 1].low == ",") {
        return false;
    }
    toks.iter()
        .skip(run_end(toks, s))
        .take(4)
        .take_while(|t| !t.punct)
        .any(|t| REPORTING_VERBS.contains(&t.low.as_str()))
}

/// The object actor right of a verb ending at `verb_last`. The scan stops at a new clause, at
/// the subject of a reporting clause after a comma, at a comma that an auxiliary follows (the
/// predicate of a subject the verb's phrase interrupts), and, for a verb inside a phrase that
/// opens the sentence with a preposition, at the comma that closes that phrase.
pub(crate) fn object(toks: &[Tok], verb_last: usize, skip_by: bool) -> Option<usize> {
    let end = (verb_last + 1 + OBJECT_WINDOW).min(toks.len());
    let introductory = toks
        .first()
        .is_some_and(|t| INTRODUCTORY_PREPS.contains(&t.low.as_str()))
        && !toks[..=verb_last.min(toks.len() - 1)]
            .iter()
            .any(|t| t.punct && t.low == ",");
    let mut p = verb_last + 1;
    while p < end {
        let t = &toks[p];
        if t.low == "that" && p <= verb_last + 4 {
            // "demanded that X …": the subject of the demanded act is the target.
            return clause_subject(toks, p + 1);
        }
        if crate::matcher::is_hard_boundary(t)
            || CLAUSE_OPENERS.contains(&t.low.as_str())
            || participle_clause_at(toks, p)
        {
            return None;
        }
        if introductory && t.punct && t.low == "," {
            return None;
        }
        if predicate_after_comma(toks, p) {
            return None;
        }
        if t.actor.is_some() {
            if reporting_subject(toks, run_start(toks, p)) {
                return None;
            }
            let by = p > 0 && toks[p - 1].low == "by";
            if !(skip_by && by) {
                return Some(p);
            }
            p = run_end(toks, p);
            continue;
        }
        p += 1;
    }
    None
}

/// Auxiliaries that, right after a comma, open the predicate of a subject interrupted by an
/// appositive ("Pakistan, a key U.S. ally in the war, has refused …").
const PREDICATE_AUX: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could", "may",
    "might", "should", "must", "did", "does",
];

/// Whether a comma at `p` closes a phrase and an auxiliary after it opens the sentence's
/// predicate: what follows belongs to another verb, not to the object of the one before.
fn predicate_after_comma(toks: &[Tok], p: usize) -> bool {
    toks[p].punct
        && toks[p].low == ","
        && toks
            .get(p + 1)
            .is_some_and(|n| PREDICATE_AUX.contains(&n.low.as_str()))
}

/// Whether a comma or dash at `p` opens a participle clause ("…, facing Hamas", "—
/// killing three"): what follows is the participle's object, not the verb's. Participles
/// used as prepositions ("including", "regarding") continue the phrase.
pub(crate) fn participle_clause_at(toks: &[Tok], p: usize) -> bool {
    const PREPOSITIONAL: &[&str] = &[
        "including",
        "excluding",
        "regarding",
        "concerning",
        "according",
        "following",
        "pending",
        "barring",
    ];
    toks[p].punct
        && matches!(toks[p].low.as_str(), "," | "—" | "–")
        && toks.get(p + 1).is_some_and(|n| {
            !n.punct
                && !n.upper
                && n.actor.is_none()
                && n.low.len() > 4
                && n.low.ends_with("ing")
                && !PREPOSITIONAL.contains(&n.low.as_str())
        })
}

/// Whether a past-form verb is passive: a form of `be` shortly before it.
pub(crate) fn is_passive(toks: &[Tok], verb_first: usize) -> bool {
    let mut p = verb_first;
    let mut steps = 0;
    while p > 0 && steps < 3 {
        p -= 1;
        steps += 1;
        let t = &toks[p];
        if t.punct || t.actor.is_some() {
            return false;
        }
        if PASSIVE_AUX.contains(&t.low.as_str()) {
            return true;
        }
    }
    false
}

/// How far right of a passive verb a "by" set off by a comma may stand.
const FAR_AGENT_WINDOW: usize = 30;

/// The agent of a passive: an actor right after `by` near the verb, or after a `by` that a
/// comma sets off from a phrase inserted between it and the verb ("has been accused of
/// misusing public funds, much of it believed embezzled, by government officials").
pub(crate) fn by_agent(toks: &[Tok], verb_last: usize) -> Option<usize> {
    let near = (verb_last + 1 + 6).min(toks.len());
    let far = (verb_last + 1 + FAR_AGENT_WINDOW).min(toks.len());
    for p in verb_last + 1..far {
        if crate::matcher::is_hard_boundary(&toks[p]) {
            return None;
        }
        if toks[p].low == "by" {
            let set_off = toks[p - 1].punct && toks[p - 1].low == ",";
            return (p < near || set_off)
                .then(|| actor_after_by(toks, p))
                .flatten();
        }
    }
    None
}

/// The actor right after the `by` at `p`, behind determiners at most.
fn actor_after_by(toks: &[Tok], p: usize) -> Option<usize> {
    let mut q = p + 1;
    while q < toks.len() && q < p + 4 {
        if toks[q].actor.is_some() {
            return Some(q);
        }
        if !DETERMINERS.contains(&toks[q].low.as_str()) && toks[q].punct {
            return None;
        }
        q += 1;
    }
    None
}

/// Words allowed between conjoined actors besides the connectors: determiners and modifiers
/// written in lower case ("Fornost and the evil Gondor"), never a verb.
fn filler(t: &Tok, is_verb: &[bool], q: usize) -> bool {
    !t.punct
        && t.actor.is_none()
        && !t.upper
        && !is_verb.get(q).copied().unwrap_or(false)
        && !SUBJECT_BLOCKING_PREPS.contains(&t.low.as_str())
        && !CLAUSE_OPENERS.contains(&t.low.as_str())
        && !AUX_AND_ADVERBS.contains(&t.low.as_str())
}

/// Whether the actor run at `p` is introduced as acting together with another rather than as
/// the one acted upon: "alongside Y", "along with Y", "together with Y".
pub(crate) fn co_actor(toks: &[Tok], p: usize) -> bool {
    let p = run_start(toks, p);
    let word = |k: usize| p.checked_sub(k).map(|q| toks[q].low.as_str());
    word(1) == Some("alongside")
        || (word(1) == Some("with") && matches!(word(2), Some("along") | Some("together")))
}

fn is_connector(t: &Tok) -> bool {
    (t.punct && t.low == ",") || t.low == "and" || t.low == "&" || t.low == "nor"
}

/// The gap `[a, b)` between two actor runs joins them: connectors and fillers only, at least
/// one connector, at most five tokens. Returns whether an `and` is among them.
fn joins(toks: &[Tok], a: usize, b: usize, is_verb: &[bool]) -> Option<bool> {
    if b <= a || b - a > 5 {
        return None;
    }
    let gap = &toks[a..b];
    if !gap.iter().any(is_connector) {
        return None;
    }
    if !gap
        .iter()
        .enumerate()
        .all(|(k, t)| is_connector(t) || filler(t, is_verb, a + k))
    {
        return None;
    }
    Some(gap.iter().any(|t| !t.punct && is_connector(t)))
}

/// The start of the actor runs that touch the run starting at `s` from the left with no word
/// between: a title and the name it introduces ("Chinese leader" + "Xi Jinping") are one
/// conjunct.
fn title_start(toks: &[Tok], mut s: usize) -> usize {
    while s > 0 && toks[s - 1].actor.is_some() && toks[s - 1].actor != toks[s].actor {
        s = run_start(toks, s - 1);
    }
    s
}

/// The end of the actor runs that touch the run ending at `e` from the right with no word
/// between (see [`title_start`]).
fn title_end(toks: &[Tok], mut e: usize) -> usize {
    while e > 0 && e < toks.len() && toks[e].actor.is_some() && toks[e].actor != toks[e - 1].actor {
        e = run_end(toks, e);
    }
    e
}

/// Actor runs conjoined with the one at `p` (`X and Y`, `X, the evil Y and Z`); returns run
/// starts in text order, `p`'s run included. A list needs an `and` (a comma alone is not one).
pub(crate) fn conjuncts(toks: &[Tok], p: usize, is_verb: &[bool]) -> Vec<usize> {
    let seed = run_start(toks, p);
    let mut group = vec![seed];
    let mut saw_and = false;
    // leftwards
    let mut s = seed;
    loop {
        s = title_start(toks, s);
        let mut q = s;
        while q > 0 && s - q < 5 && toks[q - 1].actor.is_none() {
            q -= 1;
        }
        if q == 0 || toks[q - 1].actor.is_none() {
            break;
        }
        let Some(and) = joins(toks, q, s, is_verb) else {
            break;
        };
        saw_and |= and;
        s = run_start(toks, q - 1);
        group.insert(0, s);
    }
    // rightwards
    let mut e = run_end(toks, seed);
    loop {
        e = title_end(toks, e);
        let mut q = e;
        while q < toks.len() && q - e < 5 && toks[q].actor.is_none() {
            q += 1;
        }
        if q >= toks.len() || toks[q].actor.is_none() {
            break;
        }
        let Some(and) = joins(toks, e, q, is_verb) else {
            break;
        };
        saw_and |= and;
        group.push(q);
        e = run_end(toks, q);
    }
    if group.len() > 1 && !saw_and {
        return vec![seed];
    }
    group
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentence::view_of;
    use crate::ActorMention;

    fn setup<'a>(text: &'a str, names: &[&str]) -> Vec<Tok<'a>> {
        let actors: Vec<ActorMention> = names
            .iter()
            .map(|n| {
                let s = text.find(n).unwrap();
                ActorMention {
                    start: s,
                    end: s + n.len(),
                    code: n.to_uppercase(),
                    entity: None,
                }
            })
            .collect();
        view_of(text, &actors)
    }

    fn idx(t: &[Tok], w: &str) -> usize {
        t.iter().position(|t| t.low == w).unwrap()
    }

    #[test]
    fn subject_skips_prepositional_and_relative_actors() {
        let t = setup(
            "In Gaza, Israel, which was attacked by Syria, condemned Iran.",
            &["Gaza", "Israel", "Syria", "Iran"],
        );
        let v = idx(&t, "condemned");
        assert_eq!(t[subject(&t, v).unwrap()].low, "israel");
        assert_eq!(t[object(&t, v, false).unwrap()].low, "iran");
    }

    #[test]
    fn qualified_subject_is_attributed_to_its_actor() {
        let t = setup("Demonstrators in Baghdad blocked a road.", &["Baghdad"]);
        assert_eq!(t[subject(&t, idx(&t, "blocked")).unwrap()].low, "baghdad");
        let t = setup(
            "The talks went well in Baghdad, and they agreed.",
            &["Baghdad"],
        );
        assert_eq!(subject(&t, idx(&t, "agreed")), None);
    }

    #[test]
    fn a_serial_list_opens_no_clause() {
        let text = "Arnor forces launched artillery, mortar, and rocket fire against Gondor.";
        let t = setup(text, &["Arnor forces", "Gondor"]);
        assert_eq!(subject(&t, idx(&t, "fire")), Some(0));
        // a clause of its own after a comma keeps its subject
        let text = "Arnor forces fired on Gondor, and officials said so.";
        let t = setup(text, &["Arnor forces", "Gondor"]);
        assert_eq!(subject(&t, idx(&t, "said")), None);
    }

    #[test]
    fn passive_agent_after_an_inserted_phrase() {
        let text = "Arnor has been accused of misusing public funds, much of it stolen, by Gondor officials.";
        let t = setup(text, &["Arnor", "Gondor officials"]);
        assert_eq!(t[by_agent(&t, idx(&t, "accused")).unwrap()].low, "gondor");
        // a far "by" that no comma sets off belongs to a nearer verb
        let text =
            "Arnor has been accused of misusing public funds that were stolen by Gondor officials.";
        let t = setup(text, &["Arnor", "Gondor officials"]);
        assert_eq!(by_agent(&t, idx(&t, "accused")), None);
    }

    #[test]
    fn passive_agent() {
        let t = setup("Israel was attacked by Syria.", &["Israel", "Syria"]);
        let v = idx(&t, "attacked");
        assert!(is_passive(&t, v));
        assert_eq!(t[by_agent(&t, v).unwrap()].low, "syria");
        assert!(!is_passive(
            &setup("Israel attacked Syria.", &["Israel", "Syria"]),
            1
        ));
    }

    #[test]
    fn compound_actors() {
        let t = setup(
            "Israel, Turkey and Egypt backed Azerbaijan.",
            &["Israel", "Turkey", "Egypt", "Azerbaijan"],
        );
        let nv = vec![false; t.len()];
        let g = conjuncts(&t, idx(&t, "turkey"), &nv);
        assert_eq!(g.len(), 3);
        // a comma alone does not make a list
        let t = setup("In Gaza, Israel fired.", &["Gaza", "Israel"]);
        let nv = vec![false; t.len()];
        assert_eq!(conjuncts(&t, idx(&t, "israel"), &nv).len(), 1);
        let t = setup("Fornost and the evil Gondor fired.", &["Fornost", "Gondor"]);
        assert_eq!(conjuncts(&t, 0, &vec![false; t.len()]).len(), 2);
        // a title touching the name it introduces is part of that conjunct, either side
        let t = setup(
            "Arnor's king Elessar and Gondor leader Faramir met.",
            &["Arnor's king", "Elessar", "Gondor leader", "Faramir"],
        );
        let nv = vec![false; t.len()];
        let g = conjuncts(&t, idx(&t, "faramir"), &nv);
        assert_eq!(g.len(), 2, "{g:?}");
        assert_eq!(conjuncts(&t, idx(&t, "elessar"), &nv).len(), 2);
        // touching runs alone make no list
        let t = setup("Gondor leader Faramir met.", &["Gondor leader", "Faramir"]);
        assert_eq!(
            conjuncts(&t, idx(&t, "faramir"), &vec![false; t.len()]).len(),
            1
        );
    }

    #[test]
    fn reporting_clause_has_its_own_subject() {
        let t = setup(
            "Arnor restored ties with Gondor, the news agency said.",
            &["Arnor", "Gondor"],
        );
        assert_eq!(subject(&t, idx(&t, "said")), None);
        let t = setup(
            "Arnor's minister, in remarks on Monday, urged Gondor to act.",
            &["Arnor", "Gondor"],
        );
        assert_eq!(t[subject(&t, idx(&t, "urged")).unwrap()].low, "arnor");
    }

    #[test]
    fn an_opening_participle_clause_has_the_main_subject() {
        let t = setup(
            "Since recognizing Gondor's independence in 1991, Arnor has cultivated ties.",
            &["Arnor", "Gondor"],
        );
        let at = idx(&t, "recognizing");
        assert_eq!(subject(&t, at), None);
        assert_eq!(t[opening_participle_subject(&t, at).unwrap()].low, "arnor");
        let t = setup(
            "Officials recognizing Gondor, Arnor said.",
            &["Arnor", "Gondor"],
        );
        assert_eq!(opening_participle_subject(&t, idx(&t, "recognizing")), None);
    }

    #[test]
    fn appositive_describes_the_actor_before_it() {
        let t = setup(
            "Arnor, a key Gondor ally in the war, refused to fight.",
            &["Arnor", "Gondor"],
        );
        assert_eq!(t[subject(&t, idx(&t, "refused")).unwrap()].low, "arnor");
        let t = setup(
            "Arnor, as Gondor's main ally, views the ties as a threat.",
            &["Arnor", "Gondor"],
        );
        assert_eq!(t[subject(&t, idx(&t, "views")).unwrap()].low, "arnor");
        let t = setup("Arnor, the Gondor, refused to fight.", &["Arnor", "Gondor"]);
        assert_eq!(t[subject(&t, idx(&t, "refused")).unwrap()].low, "gondor");
    }

    #[test]
    fn subject_phrase_is_headed_by_the_actor_before_of() {
        let t = setup(
            "The Arnor and Gondor sides of the divided Misty island of Rohan agreed.",
            &["Arnor", "Gondor", "Rohan"],
        );
        assert_eq!(t[subject(&t, idx(&t, "agreed")).unwrap()].low, "gondor");
        let t = setup("Officials of Rohan agreed.", &["Rohan"]);
        assert_eq!(t[subject(&t, idx(&t, "agreed")).unwrap()].low, "rohan");
        let t = setup("Rebels in south Rohan demanded aid.", &["Rohan"]);
        assert_eq!(t[subject(&t, idx(&t, "demanded")).unwrap()].low, "rohan");
    }

    #[test]
    fn scene_is_where_the_action_happens() {
        let t = setup(
            "Three Arnor soldiers were killed outside the Gondor city of Osgiliath.",
            &["Arnor", "Gondor"],
        );
        let arnor = idx(&t, "arnor");
        assert_eq!(t[scene(&t, Some(arnor), 0).unwrap()].low, "gondor");
        assert_eq!(scene(&t, Some(idx(&t, "gondor")), 0), None);
        let t = setup(
            "Crowds marched in defiance of Gondor authorities.",
            &["Gondor"],
        );
        assert_eq!(scene(&t, None, 0), None);
        let t = setup("A bill signed in by Gondor officials.", &["Gondor"]);
        assert_eq!(scene(&t, None, 0), None);
        // A participle clause after the verb has its own scene.
        let t = setup(
            "Arnor grapples with many challenges, facing rebels in Gondor.",
            &["Arnor", "Gondor"],
        );
        let verb = idx(&t, "grapples");
        assert_eq!(scene(&t, Some(idx(&t, "arnor")), verb), None);
        let t = setup(
            "Arnor troops fought rebels in Gondor.",
            &["Arnor", "Gondor"],
        );
        let verb = idx(&t, "fought");
        assert_eq!(t[scene(&t, None, verb).unwrap()].low, "gondor");
    }

    #[test]
    fn threat_condition_names_the_target() {
        let t = setup(
            "Arnor threatened to strike unless Gondor withdrew.",
            &["Arnor", "Gondor"],
        );
        let v = idx(&t, "threatened");
        assert_eq!(t[condition_subject(&t, v).unwrap()].low, "gondor");
    }

    /// The object actor's first word (lower case) of `verb` in `text`.
    fn object_word(text: &str, names: &[&str], verb: &str) -> Option<String> {
        let t = setup(text, names);
        object(&t, idx(&t, verb), false).map(|p| t[p].low.to_string())
    }

    #[test]
    fn object_stops_at_reporting_clause() {
        let names = &["Arnor", "Gondor"];
        let text = "Arnor prisoners rioted, smashing furniture, Gondor police sources said.";
        assert_eq!(object_word(text, names, "smashing"), None);
        // an actor after a comma that is no reporting subject still is an object
        let text = "Arnor attacked the town, the Gondor capital.";
        assert_eq!(
            object_word(text, names, "attacked").as_deref(),
            Some("gondor")
        );
    }

    #[test]
    fn object_stops_where_the_predicate_resumes() {
        // "ally" inside the appositive does not reach the predicate's object
        for (text, want) in [
            (
                "Rohan, a key Arnor ally in the war, has refused to send troops to Gondor.",
                None,
            ),
            (
                "Rohan, a key Arnor ally of Gondor, has refused to send troops.",
                Some("gondor"),
            ),
        ] {
            let got = object_word(text, &["Arnor", "Gondor"], "ally");
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }

    #[test]
    fn object_stays_inside_an_introductory_phrase() {
        let text = "With the signing of a pact, the Arnor government agreed.";
        assert_eq!(object_word(text, &["Arnor"], "signing"), None);
        let text = "After meeting Gondor, Arnor agreed.";
        let met = object_word(text, &["Arnor", "Gondor"], "meeting");
        assert_eq!(met.as_deref(), Some("gondor"));
    }

    #[test]
    fn object_stops_at_new_clause() {
        let t = setup("Israel spoke because Iran lies.", &["Israel", "Iran"]);
        assert_eq!(object(&t, idx(&t, "spoke"), false), None);
        // the subject of a that-clause right after the verb is its target
        let t = setup(
            "Israel demanded that President Smith leave.",
            &["Israel", "Smith"],
        );
        assert_eq!(
            t[object(&t, idx(&t, "demanded"), false).unwrap()].low,
            "smith"
        );
        let t = setup("Israel demanded that Iran leave.", &["Israel", "Iran"]);
        assert_eq!(
            t[object(&t, idx(&t, "demanded"), false).unwrap()].low,
            "iran"
        );
    }
}
