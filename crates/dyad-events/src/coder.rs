//! The event coder: sentences, tokens, actor mentions, quotations and dates in; events out.

use std::borrow::Cow;
use std::collections::BTreeMap;

use dyad_doc::{DateMention, Event, Quote, Span};
use dyad_nlp::fasthash::WordMap;
use dyad_nlp::{LoweredText, Token};

use crate::dictionary::{read_compact, read_compact_verbs, read_petrarch, VerbDictionary};
use crate::matcher::{Coded, CompiledVerbs, VerbHit};
use crate::modality::{assess, intent_code, Modality};
use crate::roles;
use crate::sentence::{view, Tok};
use crate::{quad_from_root, ActorMention, Codebook};

/// The shipped verb patterns, converted from the Phoenix CAMEO verb dictionary.
const SHIPPED_VERBS: &str = include_str!("../../../data/verbs/cameo-verbs.tsv");
/// The project's core verb defaults, read first so that they win, in PETRARCH format.
const SHIPPED_CORE: &str = include_str!("../../../data/verbs/core.txt");
/// The shipped noun patterns (events stated with nouns), in PETRARCH format.
const SHIPPED_NOUNS: &str = include_str!("../../../data/verbs/nouns.txt");

/// Everything the coder reads about one article. Offsets are bytes into `text`; `fine` and
/// `sentences` are in text order.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    pub text: &'a str,
    pub sentences: &'a [Span],
    /// The finest pieces of the article's tokens ([`dyad_nlp::fine_tokens`]): the rules read
    /// possessives and contractions piece by piece.
    pub fine: &'a [Token],
    pub actors: &'a [ActorMention],
    /// Quotations: events inside one carry its id, and its speaker is their source when the
    /// text names none.
    pub quotes: &'a [Quote],
    /// Dates mentioned in the text; the first in a sentence dates its events.
    pub dates: &'a [DateMention],
    /// The article's publication date, for events in sentences without a date.
    pub published: Option<&'a str>,
}

/// A compiled event coder.
#[derive(Debug, Clone)]
pub struct EventCoder {
    verbs: CompiledVerbs,
    cameo_rules: bool,
}

impl Default for EventCoder {
    fn default() -> Self {
        Self::new()
    }
}

/// The shipped patterns compiled: [`EventCoder::shipped_dictionary`], but the converted
/// blocks' patterns are read when a block is first used (a run needs few of the 4,600).
pub(crate) fn shipped_verbs() -> CompiledVerbs {
    let mut dict = read_petrarch(SHIPPED_CORE);
    dict.extend(read_petrarch(SHIPPED_NOUNS));
    let (verbs, converted) = read_compact_verbs(SHIPPED_VERBS);
    let mut pending = vec![Vec::new(); dict.blocks.len()];
    pending.extend(converted);
    dict.extend(verbs);
    CompiledVerbs::with_pending(dict, pending)
}

/// One coded verb occurrence before it becomes events.
struct Candidate {
    hit: VerbHit,
    is_verb: std::rc::Rc<Vec<bool>>,
    coded: Coded,
    modality: Modality,
    source: Option<usize>,
    target: Option<usize>,
    passive: bool,
}

impl EventCoder {
    /// The coder with the shipped patterns: the project's core verbs and noun patterns, then
    /// the verb patterns converted from the Phoenix CAMEO dictionary.
    pub fn new() -> Self {
        Self::with_verbs(shipped_verbs())
    }

    /// The coder with the shipped patterns, compiled once per process and shared (compiling
    /// takes tens of milliseconds; coding an article well under one).
    pub fn shared() -> &'static EventCoder {
        static SHARED: std::sync::OnceLock<EventCoder> = std::sync::OnceLock::new();
        SHARED.get_or_init(EventCoder::new)
    }

    /// The shipped verb and noun patterns as one dictionary (to extend or inspect).
    pub fn shipped_dictionary() -> VerbDictionary {
        let mut d = read_petrarch(SHIPPED_CORE);
        d.extend(read_petrarch(SHIPPED_NOUNS));
        d.extend(read_compact(SHIPPED_VERBS));
        d
    }

    /// A coder for any dictionary (for example one read with [`crate::read_petrarch`]).
    pub fn from_dictionary(dict: &VerbDictionary) -> Self {
        Self::with_verbs(CompiledVerbs::compile(dict))
    }

    /// The coder over compiled patterns, with the CAMEO rules on.
    fn with_verbs(verbs: CompiledVerbs) -> Self {
        EventCoder {
            verbs,
            cameo_rules: true,
        }
    }

    /// Whether rules that assume CAMEO codes apply (on by default): a stated intention is
    /// coded as 03x/13x, and a statement (01x) yields to a more specific event of the same
    /// sentence. Turn off for dictionaries with other code schemes.
    pub fn with_cameo_rules(mut self, on: bool) -> Self {
        self.cameo_rules = on;
        self
    }

    /// Whether a single word is a verb form the patterns code an event for by default
    /// ("attacks": yes; "customs": no).
    pub fn codes_word(&self, form: &str) -> bool {
        self.verbs.word_code(form).is_some()
    }

    /// Number of indexed verb forms.
    pub fn form_count(&self) -> usize {
        self.verbs.form_count()
    }

    /// Codes the events of one article; ids are `V1`, `V2`, … in text order.
    pub fn code(&self, inp: &Inputs, book: &dyn Codebook) -> Vec<Event> {
        let actors = in_order(inp);
        let mut entity_code: BTreeMap<&str, &str> = BTreeMap::new();
        for a in actors.iter() {
            if let Some(e) = &a.entity {
                entity_code.entry(e.as_str()).or_insert(a.code.as_str());
            }
        }
        let mut events = Vec::new();
        let lowered = LoweredText::new(inp.text);
        let mut facts = Facts {
            book,
            seen: WordMap::default(),
        };
        for (si, s) in inp.sentences.iter().enumerate() {
            let lo = actors.partition_point(|a| a.end <= s.start);
            let hi = actors.partition_point(|a| a.start < s.end);
            let quote = inp
                .quotes
                .iter()
                .find(|q| q.start < s.end && q.end > s.start && q.speaker.is_some());
            if lo >= hi && quote.is_none() {
                continue;
            }
            let ta = inp.fine.partition_point(|t| t.span.start < s.start);
            let tb = inp.fine.partition_point(|t| t.span.start < s.end);
            let Some(toks) = inp.fine.get(ta..tb) else {
                continue;
            };
            let local = actors.get(lo..hi).unwrap_or(&[]);
            let v = view(inp.text, &lowered, toks, local);
            if !reads_as_english(&v) {
                continue;
            }
            let date = sentence_date(inp, s);
            for c in self.candidates(&v) {
                self.emit(
                    inp,
                    &mut facts,
                    &v,
                    local,
                    &c,
                    si,
                    date.clone(),
                    &entity_code,
                    &mut events,
                );
            }
        }
        self.quote_statements(inp, &mut facts, &actors, &entity_code, &mut events);
        events.sort_by(|a, b| {
            (a.sentence, a.evidence.start, a.evidence.end).cmp(&(
                b.sentence,
                b.evidence.start,
                b.evidence.end,
            ))
        });
        for (i, e) in events.iter_mut().enumerate() {
            e.id = format!("V{}", i + 1);
        }
        events
    }

    /// The coded verb occurrences of a sentence, after dropping verbs embedded under another
    /// event verb ("agreed to meet": the agreement is the event) and statements when the
    /// sentence states something more specific.
    fn candidates(&self, v: &[Tok]) -> Vec<Candidate> {
        if !v.iter().any(|t| t.actor.is_some()) {
            return Vec::new();
        }
        let mut out: Vec<Candidate> = Vec::new();
        let mut hits = self.verbs.hits(v);
        if !title_cased(v) {
            hits.retain(|h| !name_cased(v, h.first));
        }
        let mut is_verb = vec![false; v.len()];
        for h in &hits {
            for f in is_verb.iter_mut().take(h.last + 1).skip(h.first) {
                *f = true;
            }
        }
        let is_verb = std::rc::Rc::new(is_verb);
        // The words only serve the patterns of verb hits: a sentence without any needs none.
        let words = if hits.is_empty() {
            Default::default()
        } else {
            crate::matcher::sentence_words(v)
        };
        // Obligation in reported speech ("X said Y must …") is a demand of X on Y.
        let mut slots: Vec<(usize, Option<VerbHit>)> =
            hits.into_iter().map(|h| (h.first, Some(h))).collect();
        if self.cameo_rules {
            for (m, t) in v.iter().enumerate() {
                if t.low == "must" && !is_verb[m] {
                    slots.push((m, None));
                }
            }
            slots.sort_by_key(|s| s.0);
        }
        let mut governor: Option<usize> = None;
        // A demand, appeal, intention, refusal or threat whose actors the sentence does not
        // name: what it asks for or rejects is still no event ("elders demanded that control
        // of the ministry be taken away").
        let mut silent: Option<VerbHit> = None;
        for (at, slot) in slots {
            let mut after_intent = false;
            // "prepared / plans / vowed to VERB": the intention words only qualify the act,
            // which is then coded as stated intent; "decided to VERB" states the act itself,
            // taken; other verbs ("agreed to", "refused to") are the event themselves and
            // govern what follows. A verb that codes nothing ("offered to hand over") leaves
            // the intention its own event, unless it is a light verb whose object carries one
            // ("promised to continue military aid").
            if let (Some(hit), Some(prev)) = (&slot, out.last()) {
                let announces = (prev.hit.first..=prev.hit.last).any(|k| {
                    let w = v[k].low.as_str();
                    crate::modality::INTENT.contains(&w) || DECISION.contains(&w)
                });
                if announces
                    && embedded_under(v, &prev.hit, hit)
                    && (is_light_verb(&v[hit.first].low)
                        || self.verbs.code(v, hit, &words).is_some())
                {
                    out.pop();
                    after_intent = true;
                    governor = out
                        .iter()
                        .rposition(|c| !c.coded.code.starts_with("01"))
                        .filter(|_| self.cameo_rules);
                }
            }
            if let Some(g) = governor {
                if out.get(g).is_some_and(|c| subordinate_to(v, &c.hit, at)) {
                    // "shunned work to protest", "gathered in protest": the act is a protest,
                    // of the kind the protest verb names by itself (what it protests against
                    // does not change that).
                    if let Some(code) = slot
                        .as_ref()
                        .filter(|h| h.first == h.last && protest_purpose(v, &out[g], h))
                        .and_then(|h| self.verbs.word_code(&v[h.first].low))
                        .filter(|c| c.starts_with("14"))
                    {
                        out[g].coded.code = code;
                        continue;
                    }
                    // An obligation stated in the object of a light verb ("issued a stern
                    // reminder to Iraq that it must cooperate") is the event; other
                    // subordinate words are not.
                    if slot.is_some() || !out[g].is_light(v) {
                        continue;
                    }
                }
            }
            if let (Some(g), Some(hit)) = (&silent, &slot) {
                if complement_of(v, g, hit) {
                    continue;
                }
            }
            let Some(hit) = slot else {
                if let Some(c) = obligation(v, at) {
                    if out.last().is_some_and(|l| l.is_light(v)) {
                        out.pop();
                    }
                    governor = Some(out.len());
                    out.push(Candidate {
                        is_verb: is_verb.clone(),
                        ..c
                    });
                }
                continue;
            };
            if attributive(v, &hit)
                || prepositional(v, &hit)
                || attribution(v, hit.first)
                || circumstance(v, out.last().map(|c| &c.hit), &hit)
            {
                continue;
            }
            let Some(mut coded) = self.verbs.code(v, &hit, &words) else {
                continue;
            };
            if !coded.by_pattern && nominal(v, hit.first) {
                continue;
            }
            if self.cameo_rules
                && (reports_content(v, &hit, &coded) || states_a_fact(v, &hit, &coded))
            {
                coded.code = "010".into();
            }
            if self.cameo_rules && contributes_to_no_actor(v, &hit, &coded) {
                continue;
            }
            // "rejected an offer", "halted aid": the event noun is what the verb acts on,
            // and the verb's event is the one; after a light verb ("staged a strike",
            // "issued a declaration demanding") the noun or verb that follows is, once it
            // codes an event of its own.
            let mut replaces_light = false;
            let mut absorbed = false;
            if let Some(prev) = out.last() {
                // (the "to" of an intention just dropped is not the complement of a statement
                // before it: "said he is prepared to lift the ban")
                if !after_intent && embedded_under(v, &prev.hit, &hit) {
                    continue;
                }
                // The last word of the previous event's pattern ("said it will support":
                // `* support` of "say"), stated as an intention of its own by an auxiliary
                // right before it, is the event: the intention, with the actors the pattern
                // found.
                let intended_in_pattern = prev.coded.by_pattern
                    && hit.first > prev.hit.last
                    && hit.last == prev.coded.hi
                    && matches!(
                        v[hit.first - 1].low.as_str(),
                        "will" | "would" | "shall" | "to"
                    )
                    && assess(v, hit.first).intent
                    && !prev.modality.intent;
                if intended_in_pattern || (prev.is_light(v) && in_clause_after(v, &prev.hit, &hit))
                {
                    replaces_light = true;
                } else {
                    // A bare statement verb ("highlighting Israel's support") says less than
                    // the event its object names: that event stays.
                    absorbed = !prev.coded.code.starts_with("01") && object_of(v, &prev.hit, &hit);
                }
            }
            // A verb form naming a capacity ("held … as human shields") is a noun, which
            // codes only through a pattern or as the object of the verb before it.
            if !coded.by_pattern && !absorbed && !replaces_light && capacity_noun(v, hit.first) {
                continue;
            }
            let by_agent = roles::by_agent(v, hit.last);
            let adjectival =
                by_agent.is_none() && v.get(hit.last + 1).is_some_and(|t| t.low == "to");
            let passive = hit.past
                && !adjectival
                && (roles::is_passive(v, hit.first)
                    || v.get(hit.last + 1).is_some_and(|t| t.low == "by"));
            let (source, target) = if passive {
                // Without an auxiliary the participle modifies the phrase right before it
                // ("crimes committed by X"): that phrase, when it is an actor, is the target.
                let patient = if roles::is_passive(v, hit.first) {
                    roles::subject(v, hit.first)
                } else {
                    hit.first
                        .checked_sub(1)
                        .filter(|&p| v[p].actor.is_some())
                        .map(|p| roles::run_start(v, p))
                };
                (coded.source.or(by_agent), coded.target.or(patient))
            } else {
                let source = coded
                    .source
                    .or_else(|| coordinated_subject(v, &out, &hit))
                    .or_else(|| roles::subject(v, hit.first))
                    .or_else(|| roles::opening_participle_subject(v, hit.first));
                let target = coded
                    .target
                    .or_else(|| roles::object(v, hit.last, false))
                    .or_else(|| {
                        // A threat is addressed to the actor its condition names.
                        coded
                            .code
                            .starts_with("13")
                            .then(|| roles::condition_subject(v, hit.last))
                            .flatten()
                    })
                    .filter(|&t| Some(t) != source);
                // A complaint or accusation made to someone about another ("complained to the
                // United Nations over two Israeli air raids") targets the one it is about.
                let target = match target {
                    Some(t) if coded.code.starts_with("11") => {
                        about_after_addressee(v, t).or(Some(t))
                    }
                    _ => target,
                };
                (source, target)
            };
            // Protesters no actor names, with the place of the protest as the verb's object
            // ("blocked streets in Hong Kong in defiance of Chinese authorities"): the place is
            // the protesters' side, and the actor after it the target.
            let (source, target) = match target {
                Some(t)
                    if source.is_none()
                        && coded.code.starts_with("14")
                        && roles::locative(v, t) =>
                {
                    let next = roles::object(v, roles::run_end(v, t) - 1, false);
                    (Some(t), next)
                }
                _ => (source, target),
            };
            // Crowds and violence news leaves unattributed ("killed by a roadside bomb near
            // Basra"), or whose victims it does not name ("killed 23 people in Tel Aviv"), are
            // coded to the country where they happen.
            let located = matches!(coded.code.get(..2), Some("14" | "18" | "19" | "20"));
            let source =
                source.or_else(|| located.then(|| roles::scene(v, target, hit.last)).flatten());
            let target = target.or_else(|| {
                located
                    .then(|| roles::scene(v, source, hit.last))
                    .flatten()
                    .filter(|&t| Some(t) != source)
            });
            let (source, target) = match out.last().filter(|_| replaces_light) {
                // The light verb's actors are the event's when the noun has none of its own.
                Some(light) => {
                    let source = source.or(light.source);
                    let target = target.or(light.target).filter(|&t| Some(t) != source);
                    (source, target)
                }
                None => (source, target),
            };
            if absorbed {
                // The object's own target is the verb's when the verb found none ("fired
                // shells at targets in Jericho", "halted aid to Iraq").
                if let Some(prev) = out.last_mut() {
                    if prev.target.is_none() && target != prev.source {
                        prev.target = target;
                    }
                    // A verb's general code yields to the more specific one of the same root
                    // its object names ("gave humanitarian aid": 070 → 073).
                    if refines(&coded.code, &prev.coded.code) {
                        prev.coded.code = coded.code.clone();
                    }
                }
                continue;
            }
            if source.is_none() && target.is_none() {
                if SILENT_ROOTS.contains(&coded.code.get(..2).unwrap_or("")) {
                    silent = Some(hit);
                }
                continue;
            }
            if replaces_light {
                out.pop();
            }
            let modality = assess(v, hit.first);
            if self.cameo_rules && !coded.code.starts_with("01") {
                governor = Some(out.len());
            }
            out.push(Candidate {
                hit,
                is_verb: is_verb.clone(),
                coded,
                modality,
                source,
                target,
                passive,
            });
        }
        // A light verb coded by its default alone states nothing about a non-actor object
        // ("has taken several steps to …").
        out.retain(|c| c.target.is_some() || !c.is_light(v));
        if self.cameo_rules {
            out.retain(|c| {
                !one_sided_consultation(v, c)
                    && !partnerless_cooperation(v, c)
                    && !adjunct_default(v, c)
                    && !hope_of_another(v, c)
                    && !unopposed_fight(v, c)
                    && !wish_without_partner(v, c)
            });
        }
        if self.cameo_rules && out.iter().any(|c| !c.coded.code.starts_with("01")) {
            out.retain(|c| !c.coded.code.starts_with("01"));
        }
        // An event without a target yields to one with a target in the same sentence
        // (typically "…, officials said" around the event itself).
        if out.iter().any(|c| c.target.is_some()) {
            out.retain(|c| c.target.is_some() || c.coded.reciprocal || reciprocal_subject(v, c));
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        inp: &Inputs,
        facts: &mut Facts,
        v: &[Tok],
        local: &[ActorMention],
        c: &Candidate,
        si: usize,
        date: Option<String>,
        entity_code: &BTreeMap<&str, &str>,
        out: &mut Vec<Event>,
    ) {
        let mut code = c.coded.code.clone();
        let mut modality = c.modality;
        let root: u8 = code.get(..2).and_then(|r| r.parse().ok()).unwrap_or(0);
        if self.cameo_rules && modality.intent && modality.negated && (3..=8).contains(&root) {
            // "will not allow / would not meet": a refusal, an event of its own.
            code = "120".into();
            modality.negated = false;
        } else if self.cameo_rules && modality.intent && !modality.negated {
            if let Some(ic) = intent_code(&code) {
                let conditional = v[c.hit.last..].iter().any(|t| t.low == "unless");
                code = if conditional { "139" } else { ic }.to_string();
            }
        }
        if self.cameo_rules && code.starts_with("02") {
            code = appeal_code(v, c, code);
        }
        let group = |p: Option<usize>| -> Vec<Option<usize>> {
            match p {
                Some(p) => roles::conjuncts(v, p, &c.is_verb)
                    .into_iter()
                    .map(Some)
                    .collect(),
                None => vec![None],
            }
        };
        let mut sources = group(c.source);
        // "X's support alongside Y", "X, together with Y, …": Y acts with the source.
        let targets = match c
            .target
            .filter(|&t| c.source.is_some() && roles::co_actor(v, t))
        {
            Some(partner) => {
                sources.extend(group(Some(partner)));
                vec![None]
            }
            None if c.target.is_none() && sources.len() > 1 => sources.clone(),
            None => group(c.target),
        };
        // Conjoined actors holding military exercises together cooperate militarily (PLOVER
        // COOPERATE: "joint military games and maneuvers"; CAMEO 062).
        if self.cameo_rules
            && code.starts_with("15")
            && c.target.is_none()
            && targets.len() > 1
            && exercise_near(v, c.hit.last)
        {
            code = "062".into();
        }
        let quote = inp
            .quotes
            .iter()
            .find(|q| q.start <= v[c.hit.first].start && v[c.hit.last].end <= q.end);
        for s in &sources {
            for t in &targets {
                if s.is_some() && s == t {
                    continue;
                }
                let sa = s.and_then(|p| v[p].actor).and_then(|k| local.get(k));
                let ta = t.and_then(|p| v[p].actor).and_then(|k| local.get(k));
                let (mut source, mut source_entity) = (
                    sa.map(|a| a.code.clone()),
                    sa.and_then(|a| a.entity.clone()),
                );
                if source.is_none() && !third_person_subject(v, c.hit.first) {
                    if let Some(q) = quote {
                        if let Some(sp) = &q.speaker {
                            source = entity_code.get(sp.as_str()).map(|c| c.to_string());
                            source_entity = Some(sp.clone());
                        }
                    }
                }
                // Protesters no actor names are of the country their protest addresses
                // ("ethnic Turks … to protest against Sweden's decision"); one the verb acts
                // on directly ("its stance irked Jerusalem") is no protesters' own country.
                if source.is_none()
                    && self.cameo_rules
                    && code.starts_with("14")
                    && !t.is_some_and(|t| direct_object(v, c.hit.last, t))
                {
                    source = ta.and_then(|a| country_of(&a.code)).map(str::to_string);
                }
                // … and a protest that names no target is addressed to the protesters' country
                // ("workers of the Serbian union stopped work over a bill").
                let mut target_code = ta.map(|a| a.code.clone());
                if target_code.is_none() && self.cameo_rules && code.starts_with("14") {
                    target_code = sa.and_then(|a| country_of(&a.code)).map(str::to_string);
                }
                if source.is_none() && ta.is_none() {
                    continue;
                }
                // The same actor on both sides is no event; an agent of a country acting on
                // that country ("Serb forces killed … in southeastern Serbia") is one.
                if let (Some(a), Some(b)) = (sa, ta) {
                    if a.entity.is_some() && a.entity == b.entity && a.code == b.code {
                        continue;
                    }
                }
                let mut lo = v[c.hit.first.min(c.coded.lo)].start;
                let mut hi = v[c.hit.last.max(c.coded.hi).min(v.len() - 1)].end;
                for p in [*s, *t].into_iter().flatten() {
                    lo = lo.min(v[p].start);
                    hi = hi.max(v[roles::run_end(v, p) - 1].end);
                }
                let mut confidence: f64 = 0.5;
                if c.coded.by_pattern {
                    confidence += 0.2;
                }
                if sa.is_some() {
                    confidence += 0.15;
                }
                if ta.is_some() {
                    confidence += 0.1;
                }
                if c.passive {
                    confidence -= 0.1;
                }
                if modality.hypothetical {
                    confidence -= 0.1;
                }
                out.push(make_event(
                    facts,
                    &code,
                    source,
                    target_code,
                    source_entity,
                    ta.and_then(|a| a.entity.clone()),
                    Some(si),
                    Span::new(lo, hi),
                    date.clone(),
                    modality,
                    quote.map(|q| q.id.clone()),
                    confidence.clamp(0.05, 0.95),
                ));
            }
        }
    }

    /// A quotation whose speaker is a known actor and that names another actor, but yields no
    /// event itself, is a statement of the speaker about that actor: coded by the cue verb
    /// when the dictionary codes it ("accused" → 112), else as a public statement (010).
    fn quote_statements(
        &self,
        inp: &Inputs,
        facts: &mut Facts,
        actors: &[ActorMention],
        entity_code: &BTreeMap<&str, &str>,
        out: &mut Vec<Event>,
    ) {
        for q in inp.quotes {
            let Some(speaker) = &q.speaker else { continue };
            let Some(code) = entity_code.get(speaker.as_str()) else {
                continue;
            };
            if out.iter().any(|e| e.quote.as_deref() == Some(&q.id)) {
                continue;
            }
            let lo = actors.partition_point(|a| a.start < q.start);
            let Some(target) = actors[lo..]
                .iter()
                .take_while(|a| a.start < q.end)
                .find(|a| a.end <= q.end && a.entity.as_deref() != Some(speaker.as_str()))
            else {
                continue;
            };
            let cameo = q
                .cue
                .as_deref()
                .and_then(|c| self.verbs.word_code(&c.to_lowercase()))
                .unwrap_or_else(|| "010".to_string());
            let sentence = q.sentence.or_else(|| {
                inp.sentences
                    .iter()
                    .position(|s| s.start <= q.start && q.start < s.end)
            });
            let date = sentence
                .and_then(|i| inp.sentences.get(i))
                .and_then(|s| sentence_date(inp, s));
            // The bare statement of the cue ("X said:") is now the quotation's event.
            out.retain(|e| {
                !(e.sentence == sentence
                    && e.target.is_none()
                    && e.quote.is_none()
                    && e.cameo.starts_with("01")
                    && e.source.as_deref() == Some(*code))
            });
            out.push(make_event(
                facts,
                &cameo,
                Some(code.to_string()),
                Some(target.code.clone()),
                Some(speaker.clone()),
                target.entity.clone(),
                sentence,
                Span::new(q.start, q.end),
                date,
                Modality::default(),
                Some(q.id.clone()),
                0.5,
            ));
        }
    }
}

/// Words that open a clause subordinate to the verb before them (its content, purpose,
/// circumstances or a relative clause).
const SUBORDINATORS: &[&str] = &[
    "that",
    "to",
    "which",
    "who",
    "whom",
    "where",
    "after",
    "before",
    "since",
    "because",
    "until",
    "unless",
    "if",
    "when",
    "while",
    "as",
    "following",
    "despite",
    "of",
    "for",
    "without",
    "by",
];

/// Roots of verbal acts whose complement states what is asked, intended, refused or
/// threatened, not what happened: appeals (02), intentions (03), demands (10), rejections
/// (12), threats (13).
const SILENT_ROOTS: &[&str] = &["02", "03", "10", "12", "13"];

/// Whether a verb of saying with a content clause ("revealed that …", "admitted that …")
/// carries a default code that names no verbal act (the source dictionary files "reveal",
/// "admit", "divulge" under diplomatic cooperation): it then only reports, a statement
/// whose clause states the event.
fn reports_content(v: &[Tok], hit: &VerbHit, coded: &crate::matcher::Coded) -> bool {
    const NO_VERBAL_ACT: &[&str] = &[
        "05", "06", "07", "08", "09", "14", "15", "16", "17", "18", "19", "20",
    ];
    hit.first == hit.last
        && default_code_before(v, hit, coded, NO_VERBAL_ACT, "that")
        && dyad_nlp::quotes::is_speech_verb(&v[hit.first].low)
}

/// Whether a verb is coded by its default alone, with a code under one of `roots`, and the
/// word right after it is `next`.
fn default_code_before(
    v: &[Tok],
    hit: &VerbHit,
    coded: &crate::matcher::Coded,
    roots: &[&str],
    next: &str,
) -> bool {
    !coded.by_pattern
        && roots.iter().any(|r| coded.code.starts_with(r))
        && v.get(hit.last + 1).is_some_and(|t| t.low == next)
}

/// Whether the verb at `at` has a third-person pronoun for its subject ("if they side with
/// Iran"): inside a quotation that is someone other than the speaker.
fn third_person_subject(v: &[Tok], at: usize) -> bool {
    v[..at]
        .iter()
        .rev()
        .take(4)
        .take_while(|t| !t.punct)
        .find(|t| {
            !matches!(
                t.low.as_str(),
                "is" | "are"
                    | "was"
                    | "were"
                    | "be"
                    | "been"
                    | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "should"
                    | "may"
                    | "might"
                    | "must"
                    | "has"
                    | "have"
                    | "had"
                    | "do"
                    | "does"
                    | "did"
                    | "not"
                    | "never"
                    | "also"
                    | "all"
            ) && !t.low.ends_with("ly")
        })
        .is_some_and(|t| matches!(t.low.as_str(), "he" | "she" | "they" | "it"))
}

/// Whether an appeal verb's "that" clause states what is or will be, not what should be
/// ("suggesting that Armenia cannot expect Israel's friendship"): a statement, while "urged
/// that Iraq withdraw" or "suggested that talks should resume" stay appeals.
fn states_a_fact(v: &[Tok], hit: &VerbHit, coded: &crate::matcher::Coded) -> bool {
    if !default_code_before(v, hit, coded, &["02"], "that") {
        return false;
    }
    v.iter()
        .skip(hit.last + 2)
        .take(8)
        .take_while(|t| !t.punct)
        .find_map(|t| match t.low.as_str() {
            "should" | "must" | "ought" | "shall" => Some(false),
            "is" | "are" | "was" | "were" | "has" | "have" | "had" | "can" | "cannot" | "could"
            | "will" | "would" | "does" | "did" | "may" | "might" => Some(true),
            _ => None,
        })
        .unwrap_or(false)
}

/// Whether an aid verb coded by its default is followed by "to" and no actor ("such actions
/// contribute to tensions between Armenia and Israel"): a cause, not a gift.
fn contributes_to_no_actor(v: &[Tok], hit: &VerbHit, coded: &crate::matcher::Coded) -> bool {
    if !default_code_before(v, hit, coded, &["07"], "to") {
        return false;
    }
    v.iter()
        .skip(hit.last + 2)
        .find(|t| !roles::is_determiner(&t.low))
        .is_some_and(|t| t.actor.is_none() && !t.punct)
}

/// Whether a candidate is a consultation (04x) its verb codes by default alone with no one
/// consulted: neither a target nor conjoined subjects meeting each other. Consulting takes
/// two sides; the verbs the source dictionary files under it by default ("arrived",
/// "gathered", "went", "called") then state a movement or a word, not a meeting.
fn one_sided_consultation(v: &[Tok], c: &Candidate) -> bool {
    partnerless_default(v, c, "04")
}

/// Whether a candidate's code, under CAMEO root `root`, comes from its verb's default alone
/// and names no second party: no target, no reciprocal verb, no conjoined subjects acting on
/// each other. The shared test of the rules below that drop such defaults.
fn partnerless_default(v: &[Tok], c: &Candidate, root: &str) -> bool {
    !c.coded.by_pattern
        && c.coded.code.starts_with(root)
        && c.target.is_none()
        && !c.coded.reciprocal
        && !reciprocal_subject(v, c)
}

/// Whether a candidate is material cooperation (06x) its verb codes by default alone with no
/// partner: no target and no conjoined subjects acting together, nor an intention ("pledged
/// to cooperate"). The source dictionary files many plain verbs under it by default ("gave
/// coverage", "Neumann controlled", "NASA enlisted", "Paganini added"); cooperating takes two.
fn partnerless_cooperation(v: &[Tok], c: &Candidate) -> bool {
    !c.modality.intent && partnerless_default(v, c, "06")
}

/// Whether a candidate is a participle set off by a comma after the main clause ("…,
/// joining 12 observers", "…, leaving 100 troops", "…, calling them a betrayal") that its
/// verb codes by default alone as an intention or a consultation (03x, 04x): the participle
/// describes the circumstances of the main clause, and those vague defaults are no act of
/// their own. Participles whose verbs code a specific act ("…, killing one person") stay.
fn adjunct_default(v: &[Tok], c: &Candidate) -> bool {
    !c.coded.by_pattern
        && matches!(c.coded.code.get(..2), Some("03" | "04"))
        && c.hit.first > 0
        && roles::participle_clause_at(v, c.hit.first - 1)
}

/// Whether a candidate is a fight (19x) its verb codes by default alone with nobody fought:
/// no target (not even the place where it happens) and no conjoined sides fighting each
/// other. Verbs the source dictionary files under fighting by default are then figures of
/// speech ("grapples with security challenges", "is battling a skid", "lost to Canada",
/// "engaged in self-dealing"); combat names its enemy or its place.
fn unopposed_fight(v: &[Tok], c: &Candidate) -> bool {
    partnerless_default(v, c, "19")
}

/// Verbs of wanting, expecting and planning, which the source dictionary codes as intents to
/// cooperate (030) by default.
const WISH_VERBS: &[&str] = &[
    "want", "need", "wish", "hope", "expect", "plan", "decide", "prefer", "like",
];

/// Whether a candidate is a wish, expectation or plan its verb codes by default alone as an
/// intention (03x) with nobody to cooperate with ("Americans wanted", "China needs and
/// wants", "Seoul expects", "NASA plans"): no commitment to anyone. Commitments ("agreed",
/// "pledged") stand alone.
fn wish_without_partner(v: &[Tok], c: &Candidate) -> bool {
    // Every inflected form of the wish verbs, made once rather than for each candidate.
    static FORMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let forms = FORMS.get_or_init(|| {
        WISH_VERBS
            .iter()
            .flat_map(|w| crate::inflect::verb_forms(w))
            .collect()
    });
    partnerless_default(v, c, "03") && forms.iter().any(|f| v[c.hit.first].low == *f)
}

/// Whether a candidate is an intention (03x) its verb codes by default alone whose object
/// is another actor's thing ("Armenia cannot expect Israel's friendship", "wants China's
/// market"): what the subject hopes the other gives, no intention of its own.
fn hope_of_another(v: &[Tok], c: &Candidate) -> bool {
    !c.coded.by_pattern
        && c.coded.code.starts_with("03")
        && c.target.is_some_and(|t| {
            direct_object(v, c.hit.last, t) && v[roles::run_end(v, t) - 1].possessive
        })
}

/// Words common in any English sentence and rare in the other languages written in Latin
/// letters.
const ENGLISH_MARKERS: &[&str] = &[
    "the", "of", "and", "to", "for", "that", "with", "by", "from", "was", "were", "are", "has",
    "have", "had", "said", "says", "it", "its", "their", "his", "this", "which", "who", "would",
    "not",
];

/// Function words of German, French, Spanish, Italian, Portuguese and Dutch that English
/// writes in lower case only inside foreign names.
const FOREIGN_MARKERS: &[&str] = &[
    "der", "die", "das", "und", "von", "mit", "aus", "auf", "nicht", "ist", "sich", "le", "les",
    "et", "est", "une", "du", "des", "dans", "el", "los", "las", "del", "y", "que", "por", "para",
    "il", "che", "di", "della", "per", "het", "een", "van", "op", "em", "os", "da",
];

/// Whether a sentence reads as English: it holds one of [`ENGLISH_MARKERS`], or fewer than
/// two lower-case [`FOREIGN_MARKERS`]. The verb patterns are English; in a passage of another
/// language their words only match by accident ("Aus der Notwendigkeit …": "Aus" is no
/// Australia).
fn reads_as_english(v: &[Tok]) -> bool {
    let mut foreign = 0;
    for t in v.iter().filter(|t| !t.punct) {
        if ENGLISH_MARKERS.contains(&t.low.as_str()) {
            return true;
        }
        if !t.upper && FOREIGN_MARKERS.contains(&t.low.as_str()) {
            foreign += 1;
        }
    }
    foreign < 2
}

/// Whether the actor at `target` is the direct object of the verb ending at `verb_last`: no
/// preposition between them.
fn direct_object(v: &[Tok], verb_last: usize, target: usize) -> bool {
    target > verb_last
        && v[verb_last + 1..target]
            .iter()
            .all(|t| !t.punct && !roles::is_preposition(&t.low))
}

/// Whether `inner` is the complement of the verb `outer`: in the same stretch without
/// punctuation, after a "to" between them or a "that" right after `outer` ("demanded that
/// control be taken away", "refused to hand over").
fn complement_of(v: &[Tok], outer: &VerbHit, inner: &VerbHit) -> bool {
    if inner.first <= outer.last || inner.first - outer.last > 12 {
        return false;
    }
    let between = &v[outer.last + 1..inner.first];
    !between.iter().any(|t| t.punct)
        && (between.first().is_some_and(|t| t.low == "that")
            || between.iter().any(|t| t.low == "to"))
}

/// Whether the word at `at` names the capacity something serves in ("as human shields", "as
/// a mediator"): after "as", directly or behind one lower-case modifier, and no gerund or
/// participle ("as fighting raged"). Such a noun states no event of its own.
fn capacity_noun(v: &[Tok], at: usize) -> bool {
    let w = v[at].low.as_str();
    if w.ends_with("ing") || w.ends_with("ed") {
        return false;
    }
    let word = |k: usize| at.checked_sub(k).map(|q| &v[q]);
    let plain = |t: &Tok| !t.punct && t.actor.is_none() && !t.upper;
    // the "as" of a capacity follows the verb's object, not a comma ("…, as talks went on")
    let capacity_as =
        |k: usize| word(k).is_some_and(|a| a.low == "as") && word(k + 1).is_some_and(|b| !b.punct);
    match (word(1), word(2)) {
        (Some(_), _) if capacity_as(1) => true,
        (Some(m), Some(_)) => {
            plain(m)
                && capacity_as(2)
                && !matches!(m.low.as_str(), "well" | "soon" | "long" | "far" | "much")
        }
        _ => false,
    }
}

/// Forms of "decide": a decision to act is reported as the act.
const DECISION: &[&str] = &["decide", "decides", "decided", "deciding"];

/// Verbs that state a demand, not an appeal.
const DEMAND_VERBS: &[&str] = &["demand", "insist"];

/// The code of an appeal (02x) as the sentence words it: a call on others to act against an
/// actor is rallying opposition against that actor (113); an appeal stated with a verb of
/// demanding ("demanded support from") is the matching demand (10x, CAMEO's demand codes
/// follow the appeal codes one for one), since a demand is the stronger act.
fn appeal_code(v: &[Tok], c: &Candidate, code: String) -> String {
    if c.target.is_some_and(|t| t > 0 && v[t - 1].low == "against") {
        return "113".into();
    }
    let demands = (c.hit.first..=c.hit.last).any(|k| {
        DEMAND_VERBS.iter().any(|verb| {
            crate::inflect::verb_forms(verb)
                .iter()
                .any(|f| v[k].low == *f)
        })
    });
    match code.get(2..) {
        Some(rest) if demands => format!("10{rest}"),
        _ => code,
    }
}

/// Whether the word at `at` lies in a clause subordinate to the event verb `gov`: a
/// subordinator between them, or right after an obligation ("must cooperate").
fn subordinate_to(v: &[Tok], gov: &VerbHit, at: usize) -> bool {
    if at <= gov.last {
        return false;
    }
    let between = &v[gov.last + 1..at];
    if between.iter().any(crate::matcher::is_hard_boundary) {
        return false;
    }
    if v[gov.first].low == "must" {
        return true;
    }
    // "charging X with supporting …": the gerund is what the event is about
    if at > 0 && v[at - 1].low == "with" && v[at].low.ends_with("ing") {
        return true;
    }
    // The "of" that joins a place to its name ("a bombing near the town of Samarra killed")
    // opens no clause.
    (gov.last + 1..at).any(|k| {
        let w = v[k].low.as_str();
        SUBORDINATORS.contains(&w)
            && !(w == "of" && roles::SETTLEMENT_NOUNS.contains(&v[k - 1].low.as_str()))
            && !(w == "to" && up_to_amount(v, k))
    })
}

/// Words that may stand for an amount after "up to".
const AMOUNT_WORDS: &[&str] = &[
    "a",
    "an",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "dozen",
    "dozens",
    "half",
];

/// Whether the "to" at `k` sets a limit on an amount ("kidnapped up to 16 advisers"): after
/// "up" and before a number. It opens no clause.
fn up_to_amount(v: &[Tok], k: usize) -> bool {
    k > 0
        && v[k - 1].low == "up"
        && v.get(k + 1).is_some_and(|n| {
            n.low.starts_with(|c: char| c.is_ascii_digit())
                || AMOUNT_WORDS.contains(&n.low.as_str())
        })
}

/// Words that may stand between a coordinating "and" and the verb it joins ("and has also
/// fired").
const AFTER_COORDINATION: &[&str] = &["has", "have", "had", "also", "then", "later", "again"];

/// The subject a verb shares with the event verb before it when "and" or "or" joins the two
/// predicates ("rebels kidnapped 16 advisers and exploded bombs in Kabul"): the actor nearest
/// before the verb is then the first verb's object (the first verb must have one), not the
/// second's subject. Only a comma, and no other verb or clause opener, may stand between the
/// two.
fn coordinated_subject(v: &[Tok], out: &[Candidate], hit: &VerbHit) -> Option<usize> {
    let prev = out
        .last()
        .filter(|p| !p.passive && p.target.is_some() && p.hit.last < hit.first)?;
    let mut q = hit.first;
    while q > 0 && AFTER_COORDINATION.contains(&v[q - 1].low.as_str()) {
        q -= 1;
    }
    let and = q
        .checked_sub(1)
        .filter(|&a| a > prev.hit.last && matches!(v[a].low.as_str(), "and" | "or"))?;
    let apart = (prev.hit.last + 1..and).any(|k| {
        let t = &v[k];
        prev.is_verb[k] || (t.punct && t.low != ",") || roles::is_clause_opener(&t.low)
    });
    prev.source.filter(|_| !apart)
}

/// Whether `specific` names a kind of the general code `general` leaves open: `general` is a
/// root's unspecified code ("070", "Provide aid, not specified below") and `specific` another
/// code under the same root ("073", humanitarian aid).
fn refines(specific: &str, general: &str) -> bool {
    general.len() == 3
        && general.ends_with('0')
        && specific.len() >= 3
        && specific != general
        && specific.get(..2) == general.get(..2)
}

/// Where the actor run through token `t` starts, with an article before it ("the US").
fn with_article(v: &[Tok], t: usize) -> usize {
    let mut start = roles::run_start(v, t);
    while start > 0 && matches!(v[start - 1].low.as_str(), "the" | "a" | "an") {
        start -= 1;
    }
    start
}

/// The actor a complaint is about when the actor at `t` is only its addressee: `t` follows
/// "to", and "over" or "about" opens a phrase naming another actor right after it.
fn about_after_addressee(v: &[Tok], t: usize) -> Option<usize> {
    let start = with_article(v, t);
    if start == 0 || v[start - 1].low != "to" {
        return None;
    }
    let end = roles::run_end(v, t);
    let about = (end..(end + 3).min(v.len()))
        .take_while(|&k| !v[k].punct && v[k].actor.is_none())
        .find(|&k| matches!(v[k].low.as_str(), "over" | "about"))?;
    roles::object(v, about, false)
}

/// Roots of material acts that a stated purpose of protest turns into a protest: meeting,
/// cooperation, aid, yielding, investigation (04–09), force postures and coercion (15, 17).
/// Statements, appeals, intentions, demands, accusations, rejections, threats (01–03, 10–13)
/// are about someone else's protest; reduced relations (16) are PLOVER's SANCTION "as a form
/// of protest"; violence (18–20) stays itself.
const PROTEST_PURPOSE_ROOTS: &[&str] = &["04", "05", "06", "07", "08", "09", "15", "17"];

/// Whether the protest verb `hit` states the purpose of the act `gov` ("shunned work on Monday
/// to protest", "converging for a rally to protest", "in protest"): right after "to" or "in",
/// with no other verb between them than a protest noun.
fn protest_purpose(v: &[Tok], gov: &Candidate, hit: &VerbHit) -> bool {
    let at = hit.first;
    at > gov.hit.last + 1
        && matches!(v[at - 1].low.as_str(), "to" | "in")
        && gov
            .coded
            .code
            .get(..2)
            .is_some_and(|r| PROTEST_PURPOSE_ROOTS.contains(&r))
        && (gov.hit.last + 1..at - 1)
            .all(|k| !gov.is_verb.get(k).copied().unwrap_or(false) || nominal(v, k))
}

/// The demand stated by "must" at `m`: source the subject of the reporting clause, target the
/// subject of the obligation ("X said Y must …").
fn obligation(v: &[Tok], m: usize) -> Option<Candidate> {
    // "reminded Iraq that it must …": the pronoun is the actor addressed right before "that".
    let pronoun = m >= 2 && PRONOUNS.contains(&v[m - 1].low.as_str()) && v[m - 2].low == "that";
    let obliged = if pronoun {
        let before = m - 2;
        (before > 0 && v[before - 1].actor.is_some()).then(|| roles::run_start(v, before - 1))?
    } else {
        roles::subject(v, m)?
    };
    // The speaker stands left of the whole obliged group ("X said Y and Z must …").
    let first = roles::conjuncts(v, obliged, &[])
        .first()
        .copied()
        .unwrap_or(obliged);
    let speaker = roles::subject(v, roles::run_start(v, first));
    // Reported ("concluded that the US must …"), the obligation is a demand even when the
    // speaker is no known actor; a pronoun needs its speaker ("X said that it must": itself).
    let reported = !pronoun && {
        let q = with_article(v, first);
        q > 0 && v[q - 1].low == "that"
    };
    if speaker.is_none() && !reported {
        return None;
    }
    Some(Candidate {
        hit: VerbHit::synthetic(m),
        is_verb: std::rc::Rc::new(Vec::new()),
        coded: Coded {
            code: "100".into(),
            by_pattern: true,
            source: speaker,
            target: Some(obliged),
            lo: m,
            hi: m,
            reciprocal: false,
        },
        modality: Modality::default(),
        source: speaker,
        target: Some(obliged),
        passive: false,
    })
}

/// Pronouns that stand for an actor named before them.
const PRONOUNS: &[&str] = &["it", "they", "he", "she"];

/// Determiners after which a participle modifies the noun that follows.
const ATTRIBUTIVE_OPENERS: &[&str] = &[
    "a", "an", "the", "this", "these", "its", "their", "his", "her", "our",
];

/// Whether a one-word past participle is used as an adjective before a noun ("Ousted
/// President X", "the newly appointed minister", "Vietnamese-led forces"): it opens the
/// sentence or follows a determiner (an adverb in between allowed), or is joined by a hyphen
/// to the word before it, and a noun phrase follows. Such a word states no event.
fn attributive(v: &[Tok], hit: &VerbHit) -> bool {
    if hit.first != hit.last {
        return false;
    }
    let at = hit.first;
    let w = v[at].low.as_str();
    if !(hit.past || w.ends_with("ed")) {
        return false;
    }
    let Some(next) = v.get(at + 1) else {
        return false;
    };
    if next.punct || NOT_NOUN_STARTS.contains(&next.low.as_str()) {
        return false;
    }
    if at == 0 {
        return true;
    }
    if v[at].hyphenated {
        return true;
    }
    let mut p = at - 1;
    if v[p].low.ends_with("ly") && !v[p].punct {
        if p == 0 {
            return true;
        }
        p -= 1;
    }
    ATTRIBUTIVE_OPENERS.contains(&v[p].low.as_str())
}

/// Whether a verb form is used as a preposition: "according to X", "owing to X", and
/// "following the talks" where no form of `be` makes it a verb ("is following").
fn prepositional(v: &[Tok], hit: &VerbHit) -> bool {
    if hit.first != hit.last {
        return false;
    }
    let next = v.get(hit.last + 1).map(|t| t.low.as_str());
    match v[hit.first].low.as_str() {
        "according" | "owing" => next == Some("to"),
        "following" => {
            let after_be = hit.first > 0
                && matches!(
                    v[hit.first - 1].low.as_str(),
                    "is" | "are" | "was" | "were" | "be" | "been" | "am" | "not"
                );
            !after_be && next.is_some_and(|w| NP_OPENERS.contains(&w))
        }
        _ => false,
    }
}

/// Whether the word at `at` lies in the phrase that names where a statement comes from
/// ("according to a press release", "according to the report"): no event of its own.
fn attribution(v: &[Tok], at: usize) -> bool {
    (at.saturating_sub(5)..at)
        .rev()
        .take_while(|&k| !v[k].punct)
        .any(|k| v[k].low == "to" && k > 0 && v[k - 1].low == "according")
}

/// Words that cannot open the noun phrase an attributive participle modifies.
const NOT_NOUN_STARTS: &[&str] = &[
    "by", "to", "in", "on", "at", "for", "with", "from", "of", "into", "as", "and", "or", "but",
    "that", "the", "a", "an", "its", "their", "his", "her", "out", "up", "down", "off", "over",
    "back", "away",
];

/// Whether the word at `at` is capitalised inside a sentence, after another word: part of a
/// name ("England captain Harry Kane", "Fort Bliss"), not a verb ("harry", "bliss").
fn name_cased(v: &[Tok], at: usize) -> bool {
    at > 0 && v[at].upper && !v[at - 1].punct
}

/// Whether a sentence is written in title case ("Israel Attacks Hamas Targets in Gaza"): none
/// of its words of four letters or more is in lower case. Its capitals mark no names.
fn title_cased(v: &[Tok]) -> bool {
    !v.iter().any(|t| !t.punct && !t.upper && t.low.len() >= 4)
}

/// Whether a verb form is used as a noun: right after a determiner or a possessive actor
/// ("an attack", "Israel's attack"), or a plural after a preposition ("amid clashes", "in
/// recent conflicts between …"). Such words code only through a pattern.
fn nominal(v: &[Tok], first: usize) -> bool {
    const DET: &[&str] = &[
        "a", "an", "the", "this", "that", "its", "their", "his", "her", "our",
    ];
    first > 0 && {
        let t = &v[first - 1];
        DET.contains(&t.low.as_str())
            || (t.actor.is_some() && t.possessive)
            || plural_after_preposition(v, first)
    }
}

/// Whether the word at `at` is an -s form governed by a preposition: right after it ("amid
/// clashes"), or after it and one lower-case modifier when no object follows ("in recent
/// conflicts between …", but not "the chief of staff warns Iran"). A verb's -s form never
/// follows a preposition, so the word is a plural noun.
fn plural_after_preposition(v: &[Tok], at: usize) -> bool {
    let w = v[at].low.as_str();
    if !w.ends_with('s') || w.ends_with("ss") || at == 0 {
        return false;
    }
    let before = &v[at - 1];
    if roles::is_preposition(&before.low) {
        return true;
    }
    let modifier = !before.punct && !before.upper && before.actor.is_none();
    let no_object = v
        .get(at + 1)
        .is_none_or(|n| n.punct || roles::is_preposition(&n.low));
    modifier && no_object && at >= 2 && roles::is_preposition(&v[at - 2].low)
}

/// Whether a candidate without a target has conjoined subjects that act on each other.
fn reciprocal_subject(v: &[Tok], c: &Candidate) -> bool {
    c.target.is_none()
        && c.source
            .is_some_and(|s| roles::conjuncts(v, s, &c.is_verb).len() > 1)
}

impl Candidate {
    /// Whether the candidate is a light verb ("hold", "stage", "issue") coded by its default
    /// alone: it carries no event when its object or a following verb names one.
    fn is_light(&self, v: &[Tok]) -> bool {
        !self.coded.by_pattern
            && self.hit.first == self.hit.last
            && is_light_verb(&v[self.hit.first].low)
    }
}

/// Whether a word is one of [`LIGHT_VERBS`], hashed once (asked of most verbs).
fn is_light_verb(w: &str) -> bool {
    static SET: std::sync::OnceLock<crate::fasthash::WordSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| LIGHT_VERBS.iter().copied().collect())
        .contains(w)
}

/// Forms of verbs whose meaning lies in their object.
const LIGHT_VERBS: &[&str] = &[
    "hold",
    "holds",
    "held",
    "holding",
    "stage",
    "stages",
    "staged",
    "staging",
    "issue",
    "issues",
    "issued",
    "issuing",
    "conduct",
    "conducts",
    "conducted",
    "conducting",
    "carry",
    "carries",
    "carried",
    "carrying",
    "make",
    "makes",
    "made",
    "making",
    "take",
    "takes",
    "took",
    "taken",
    "taking",
    "mount",
    "mounts",
    "mounted",
    "mounting",
    "organize",
    "organizes",
    "organized",
    "organizing",
    "organise",
    "organises",
    "organised",
    "organising",
    "begin",
    "begins",
    "began",
    "begun",
    "beginning",
    "start",
    "starts",
    "started",
    "starting",
    "continue",
    "continues",
    "continued",
    "continuing",
    "resume",
    "resumes",
    "resumed",
    "resuming",
    "launch",
    "launches",
    "launched",
    "launching",
    "lodge",
    "lodges",
    "lodged",
    "lodging",
];

/// Words that end a verb's object: coordination, clause openers, auxiliaries.
const OBJECT_BREAKS: &[&str] = &[
    "and", "or", "but", "to", "that", "which", "who", "whom", "whose", "where", "when", "while",
    "because", "as", "if", "unless", "until", "after", "before", "since", "by", "is", "are", "was",
    "were", "will", "would", "has", "have", "had", "be", "been", "can", "could", "may", "might",
    "should", "must", "not", "did", "do", "does", "said", "says",
];

/// Determiners and quantifiers that open a noun phrase.
const NP_OPENERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "any",
    "all", "some", "no", "further", "new", "more",
];

/// Whether `inner` follows `outer` in the same clause, near enough to be its object or the
/// verb it introduces.
fn in_clause_after(v: &[Tok], outer: &VerbHit, inner: &VerbHit) -> bool {
    inner.first > outer.last
        && inner.first - outer.last <= 8
        && !v[outer.last + 1..inner.first]
            .iter()
            .any(|t| t.punct || matches!(t.low.as_str(), "and" | "or" | "but"))
}

/// Whether the event word `inner` heads the object of the verb `outer` ("rejected a fresh
/// offer", "halted economic aid", "agreed upon a new pact"): only determiners, modifiers,
/// prepositions, numbers and actors between them.
fn object_of(v: &[Tok], outer: &VerbHit, inner: &VerbHit) -> bool {
    if inner.first <= outer.last || inner.first - outer.last > 8 {
        return false;
    }
    let between = &v[outer.last + 1..inner.first];
    if between
        .iter()
        .any(|t| t.punct || OBJECT_BREAKS.contains(&t.low.as_str()))
    {
        return false;
    }
    // A verb form right after a noun is a verb of its own ("the army killing …").
    let w = v[inner.first].low.as_str();
    let verbal = w.ends_with("ing") || w.ends_with("ed");
    !verbal
        || between.is_empty()
        || between
            .last()
            .is_some_and(|t| NP_OPENERS.contains(&t.low.as_str()) || t.possessive)
}

/// Prepositions that place an event in time relative to another: what they govern is
/// background, wherever it stands ("following the peace deal, X …"); with "in" and "at",
/// they open the circumstances of an event verb before them.
const TEMPORAL_PREPS: &[&str] = &[
    "during",
    "amid",
    "amidst",
    "after",
    "before",
    "following",
    "since",
];

/// Whether the event noun `inner` only states a circumstance of the event verb `outer` before
/// it in the same clause ("arrested 100 people in a security sweep", "were killed during a
/// raid"), or stands in a time phrase anywhere ("following the peace deal").
fn circumstance(v: &[Tok], outer: Option<&VerbHit>, inner: &VerbHit) -> bool {
    // a past form there is the verb of a clause ("before the army attacked")
    if v[inner.last].low.ends_with("ed") {
        return false;
    }
    match outer {
        Some(o) if inner.first > o.last => {
            !v[o.last + 1..inner.first]
                .iter()
                .any(crate::matcher::is_hard_boundary)
                && governed_by(v, o.last + 1, inner.first, true)
        }
        _ => governed_by(v, 0, inner.first, false),
    }
}

/// Whether the noun at `at` opens, after a determiner and at most two modifiers, a phrase
/// governed by a time preposition (or, with `place`, also "in" or "at"), all within `lo..at`.
fn governed_by(v: &[Tok], lo: usize, at: usize, place: bool) -> bool {
    let mut p = at;
    let mut modifiers = 0;
    while p > lo {
        p -= 1;
        let t = &v[p];
        if t.punct || t.actor.is_some() {
            return false;
        }
        let w = t.low.as_str();
        if NP_OPENERS.contains(&w) {
            let prep = p
                .checked_sub(1)
                .filter(|&q| q >= lo)
                .map(|q| v[q].low.as_str());
            return prep.is_some_and(|w| {
                TEMPORAL_PREPS.contains(&w) || (place && matches!(w, "in" | "at"))
            });
        }
        modifiers += 1;
        if modifiers > 2 {
            return false;
        }
    }
    false
}

/// Whether `inner` is the complement of `outer` ("agreed to meet", "threatened to attack").
fn embedded_under(v: &[Tok], outer: &VerbHit, inner: &VerbHit) -> bool {
    if inner.first <= outer.last || inner.first - outer.last > 5 {
        return false;
    }
    let between = &v[outer.last + 1..inner.first];
    !between.iter().any(|t| t.punct || t.actor.is_some()) && between.iter().any(|t| t.low == "to")
}

/// Words for military exercises.
const EXERCISES: &[&str] = &[
    "exercise",
    "exercises",
    "drill",
    "drills",
    "maneuvers",
    "manoeuvres",
    "games",
    "wargames",
];

/// Whether an exercise word follows the verb ending at `last` in its clause, within eight words.
fn exercise_near(v: &[Tok], last: usize) -> bool {
    v.iter()
        .skip(last + 1)
        .take(8)
        .take_while(|t| !crate::matcher::is_hard_boundary(t))
        .any(|t| EXERCISES.contains(&t.low.as_str()))
}

/// CAMEO actor type codes (CAMEO.type.txt): roles, sectors and international or non-state
/// kinds that begin a code which names no country.
const NON_STATE: &[&str] = &[
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM",
    "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD",
    "AMN", "IRC", "GRP", "UNO", "PKO", "UIS", "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "SET",
];

/// The country an actor code starts with ("DZAGOV" → "DZA"), if it starts with one.
fn country_of(code: &str) -> Option<&str> {
    let c = code.get(..3)?;
    (c.bytes().all(|b| b.is_ascii_uppercase()) && !NON_STATE.contains(&c)).then_some(c)
}

/// The actor mentions inside the text, in order of start, end and code: the input itself when
/// it is so already (as the shipped actor coder gives them), else a sorted copy.
fn in_order<'a>(inp: &Inputs<'a>) -> Cow<'a, [ActorMention]> {
    let inside = |a: &ActorMention| a.start < a.end && a.end <= inp.text.len();
    let key = |a: &'a ActorMention| (a.start, a.end, a.code.as_str());
    if inp.actors.iter().all(inside) && inp.actors.is_sorted_by_key(key) {
        return Cow::Borrowed(inp.actors);
    }
    let mut actors: Vec<ActorMention> = inp.actors.iter().filter(|a| inside(a)).cloned().collect();
    actors.sort_by(|a, b| (a.start, a.end, &a.code).cmp(&(b.start, b.end, &b.code)));
    Cow::Owned(actors)
}

/// The first date in the sentence, else the publication date.
fn sentence_date(inp: &Inputs, s: &Span) -> Option<String> {
    inp.dates
        .iter()
        .filter(|d| d.start >= s.start && d.end <= s.end)
        .min_by_key(|d| d.start)
        .map(|d| d.value.clone())
        .or_else(|| inp.published.map(str::to_string))
}

/// Looks a code up, then its shorter prefixes (sub-code → root).
fn lookup<T>(code: &str, f: impl Fn(&str) -> Option<T>) -> Option<T> {
    (2..=code.len())
        .rev()
        .filter_map(|n| code.get(..n))
        .find_map(f)
}

/// The codebook's facts of each CAMEO code met in one article (quad class, Goldstein value,
/// PLOVER type): an article codes a few codes many times, and each look-up walks the code's
/// prefixes through the codebook.
struct Facts<'b> {
    book: &'b dyn Codebook,
    seen: WordMap<String, (u8, f64, Option<String>)>,
}

impl Facts<'_> {
    fn of(&mut self, cameo: &str) -> (u8, f64, Option<String>) {
        if let Some(f) = self.seen.get(cameo) {
            return f.clone();
        }
        let book = self.book;
        let f = (
            lookup(cameo, |c| book.quad_class(c))
                .or_else(|| quad_from_root(cameo))
                .unwrap_or(0),
            lookup(cameo, |c| book.goldstein(c)).unwrap_or(0.0),
            lookup(cameo, |c| book.plover(c)),
        );
        self.seen.insert(cameo.to_string(), f.clone());
        f
    }
}

#[allow(clippy::too_many_arguments)]
fn make_event(
    facts: &mut Facts,
    cameo: &str,
    source: Option<String>,
    target: Option<String>,
    source_entity: Option<String>,
    target_entity: Option<String>,
    sentence: Option<usize>,
    evidence: Span,
    date: Option<String>,
    m: Modality,
    quote: Option<String>,
    confidence: f64,
) -> Event {
    let (quad, goldstein, plover) = facts.of(cameo);
    Event {
        id: String::new(),
        source,
        target,
        source_entity,
        target_entity,
        cameo: cameo.to_string(),
        quad,
        goldstein,
        plover,
        date,
        sentence,
        evidence,
        negated: m.negated,
        hypothetical: m.hypothetical,
        quote,
        confidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    struct Book;
    impl Codebook for Book {
        fn goldstein(&self, c: &str) -> Option<f64> {
            (c == "190").then_some(-10.0)
        }
        fn quad_class(&self, c: &str) -> Option<u8> {
            quad_from_root(c)
        }
        fn plover(&self, c: &str) -> Option<String> {
            (c.len() == 2).then(|| format!("P{c}"))
        }
    }

    fn coder() -> &'static EventCoder {
        static C: OnceLock<EventCoder> = OnceLock::new();
        C.get_or_init(EventCoder::new)
    }

    fn actors(text: &str, names: &[(&str, &str)]) -> Vec<ActorMention> {
        let mut out = Vec::new();
        for (n, code) in names {
            let mut from = 0;
            while let Some(i) = text[from..].find(n) {
                let s = from + i;
                out.push(ActorMention {
                    start: s,
                    end: s + n.len(),
                    code: code.to_string(),
                    entity: Some(format!("E-{code}")),
                });
                from = s + n.len();
            }
        }
        out
    }

    fn run_with(
        text: &str,
        names: &[(&str, &str)],
        quotes: &[Quote],
        dates: &[DateMention],
    ) -> Vec<Event> {
        run_actors(text, actors(text, names), quotes, dates)
    }

    fn run_actors(
        text: &str,
        a: Vec<ActorMention>,
        quotes: &[Quote],
        dates: &[DateMention],
    ) -> Vec<Event> {
        let blocks = [dyad_doc::Block {
            kind: dyad_doc::BlockKind::Paragraph,
            start: 0,
            end: text.len(),
        }];
        let sentences = dyad_nlp::sentences(text, &blocks);
        let fine = dyad_nlp::fine_tokens(text, &dyad_nlp::tokenize(text));
        coder().code(
            &Inputs {
                text,
                sentences: &sentences,
                fine: &fine,
                actors: &a,
                quotes,
                dates,
                published: Some("2024-10-15"),
            },
            &Book,
        )
    }

    /// The events of `text` as `SOURCE>TARGET:CAMEO` (`-` for a missing actor).
    fn codes(text: &str) -> Vec<String> {
        run(text, C)
            .iter()
            .map(|e| {
                format!(
                    "{}>{}:{}",
                    e.source.as_deref().unwrap_or("-"),
                    e.target.as_deref().unwrap_or("-"),
                    e.cameo
                )
            })
            .collect()
    }

    fn run(text: &str, names: &[(&str, &str)]) -> Vec<Event> {
        run_with(text, names, &[], &[])
    }

    fn triples(ev: &[Event]) -> Vec<(String, String, String)> {
        ev.iter()
            .map(|e| {
                (
                    e.source.clone().unwrap_or_default(),
                    e.target.clone().unwrap_or_default(),
                    e.cameo.clone(),
                )
            })
            .collect()
    }

    const C: &[(&str, &str)] = &[
        ("Israel", "ISR"),
        ("Turkey", "TUR"),
        ("Azerbaijan", "AZE"),
        ("Armenia", "ARM"),
        ("Syria", "SYR"),
        ("Iran", "IRN"),
        ("Palestine", "PSE"),
    ];

    #[test]
    fn simple_event_with_codes_and_evidence() {
        let text = "Israel attacked Syria.";
        let ev = run(text, C);
        assert_eq!(
            triples(&ev),
            vec![("ISR".into(), "SYR".into(), "190".into())]
        );
        let e = &ev[0];
        assert_eq!(e.id, "V1");
        assert_eq!(e.quad, 4);
        assert_eq!(e.goldstein, -10.0);
        assert_eq!(e.plover.as_deref(), Some("P19"));
        assert_eq!(e.evidence.of(text), "Israel attacked Syria");
        assert_eq!(e.source_entity.as_deref(), Some("E-ISR"));
        assert_eq!(e.date.as_deref(), Some("2024-10-15"));
        assert_eq!(e.sentence, Some(0));
    }

    #[test]
    fn compound_actors_give_one_event_each() {
        let ev = run("Israel and Turkey backed Azerbaijan.", C);
        let t = triples(&ev);
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t.iter().all(|(_, tg, _)| tg == "AZE"));
        assert!(t.iter().any(|(s, _, _)| s == "ISR") && t.iter().any(|(s, _, _)| s == "TUR"));
    }

    #[test]
    fn co_actors_share_the_source_side() {
        for text in [
            "Israel attacked Syria alongside Turkey.",
            "Israel, together with Turkey, attacked Syria.",
        ] {
            let t = triples(&run(text, C));
            assert!(t.iter().all(|(_, tg, _)| tg != "TUR"), "{text}: {t:?}");
        }
        let ev = run("Israel attacked alongside Turkey.", C);
        let t = triples(&ev);
        assert!(t.iter().any(|(s, _, _)| s == "ISR"), "{t:?}");
        assert!(t.iter().any(|(s, _, _)| s == "TUR"), "{t:?}");
        assert!(ev.iter().all(|e| e.target.is_none()), "{t:?}");
    }

    #[test]
    fn conditional_clause_is_hypothetical() {
        let ev = run("If Israel attacks Syria, Turkey will respond.", C);
        let attack = ev
            .iter()
            .find(|e| e.cameo.starts_with("19"))
            .expect("attack coded");
        assert!(attack.hypothetical);
        let ev = run("Israel attacked Syria.", C);
        assert!(!ev[0].hypothetical);
    }

    #[test]
    fn passive_swaps_roles() {
        let t = triples(&run("Syria was attacked by Israel.", C));
        assert_eq!(t, vec![("ISR".into(), "SYR".into(), "190".into())]);
    }

    #[test]
    fn agent_of_a_country_acting_on_it_is_an_event() {
        let text = "Serb forces killed three villagers in Serbia.";
        let mention = |n: &str, code: &str| {
            let start = text.find(n).unwrap();
            ActorMention {
                start,
                end: start + n.len(),
                code: code.into(),
                entity: Some("E1".into()),
            }
        };
        let a = vec![mention("Serb forces", "SRBMIL"), mention("Serbia", "SRB")];
        let ev = run_actors(text, a, &[], &[]);
        assert_eq!(
            triples(&ev),
            vec![("SRBMIL".into(), "SRB".into(), "190".into())]
        );
        // the same actor on both sides stays no event
        let a = vec![mention("Serb forces", "SRB"), mention("Serbia", "SRB")];
        assert!(run_actors(text, a, &[], &[]).is_empty());
    }

    #[test]
    fn appeals_worded_as_demands_or_against_a_third_party() {
        let ev = run(
            "Syria called on Arabs to unite against Israel.",
            &[("Syria", "SYR"), ("Israel", "ISR")],
        );
        assert_eq!(
            triples(&ev),
            vec![("SYR".into(), "ISR".into(), "113".into())]
        );
        let ev = run(
            "Montenegro demanded support from Serbia.",
            &[("Montenegro", "MNE"), ("Serbia", "SRB")],
        );
        assert!(ev.iter().all(|e| e.cameo.starts_with("10")), "{ev:?}");
        let ev = run(
            "Montenegro urged Serbia to support the plan.",
            &[("Montenegro", "MNE"), ("Serbia", "SRB")],
        );
        assert!(ev.iter().all(|e| e.cameo.starts_with("02")), "{ev:?}");
    }

    #[test]
    fn agent_word_before_an_event_noun_keeps_the_intention() {
        let ev = run(
            "Britain promised to continue military aid to Mozambique.",
            &[
                ("Britain", "GBR"),
                ("military", "GBRMIL"),
                ("Mozambique", "MOZ"),
            ],
        );
        assert!(ev.iter().any(|e| e.cameo.starts_with("033")), "{ev:?}");
    }

    #[test]
    fn negation_and_modality() {
        let ev = run("Israel did not attack Syria.", C);
        assert!(ev[0].negated);
        let ev = run("Israel may attack Syria.", C);
        assert!(ev[0].hypothetical && !ev[0].negated);
        // stated intention to cooperate is an event of its own (express intent, 03x)
        let ev = run("Israel will meet Syria.", C);
        assert_eq!(ev[0].cameo, "036");
        // an announced intention of force is a threat
        let ev = run("Israel is prepared to attack Syria.", C);
        assert_eq!(
            triples(&ev),
            vec![("ISR".into(), "SYR".into(), "138".into())]
        );
        // a refusal is an event of its own, not a negated meeting
        let ev = run("Israel refused to meet Syria.", C);
        assert_eq!(
            triples(&ev),
            vec![("ISR".into(), "SYR".into(), "120".into())]
        );
        assert!(!ev[0].negated);
    }

    #[test]
    fn noun_patterns() {
        let t = triples(&run("Azerbaijan provides 40% of Israel's oil.", C));
        assert_eq!(t, vec![("AZE".into(), "ISR".into(), "061".into())]);
        let t = triples(&run(
            "Azerbaijan acquired $5 billion worth of weaponry from Israel.",
            C,
        ));
        assert_eq!(t, vec![("ISR".into(), "AZE".into(), "062".into())]);
        let t = triples(&run("Israel's military assistance to Azerbaijan grew.", C));
        assert_eq!(t[0].2, "072");
        let t = triples(&run("Armenia views the ties with Israel as a threat.", C));
        assert_eq!(t, vec![("ARM".into(), "ISR".into(), "111".into())]);
        let t = triples(&run("Israel recognized Azerbaijan's independence.", C));
        assert_eq!(t, vec![("ISR".into(), "AZE".into(), "054".into())]);
    }

    #[test]
    fn decisions_oaths_and_restrictions() {
        let code = |text: &str| {
            run(text, C)
                .iter()
                .map(|e| e.cameo.clone())
                .collect::<Vec<_>>()
        };
        // a decision to act is the act; an oath to act is an intention (force: a threat)
        assert_eq!(code("Israel decided to attack Syria."), vec!["190"]);
        assert_eq!(code("Israel has sworn to attack Syria."), vec!["138"]);
        // an intention stays its own event when the verb after it codes nothing
        assert_eq!(
            code("Israel offered to hand over Syria's files."),
            code("Israel offered Syria.")
        );
        // emergency rule and stopped demonstrations restrict freedoms
        assert_eq!(code("Israel extended the curfew in Syria."), vec!["1723"]);
        assert_eq!(
            code("Israel declared a state of siege in Syria."),
            vec!["1724"]
        );
        assert_eq!(
            code("Israel prevented a demonstration by Syria."),
            vec!["1721"]
        );
        assert_eq!(code("Israel prevented Syria from voting."), vec!["120"]);
        // forces built up, relief goods handed over, forces withdrawn
        assert_eq!(
            code("Israel strengthened its forces in Syria."),
            vec!["154"]
        );
        assert_eq!(code("Israel handed over medicine to Syria."), vec!["073"]);
        assert_eq!(
            code("Israel began the withdrawal of its forces from Syria."),
            vec!["0874"]
        );
        assert_eq!(code("Israel ended mediation with Syria."), vec!["164"]);
    }

    #[test]
    fn protests_obligations_and_exercises() {
        // an act done to protest is a protest; an appeal to protest is not
        assert_eq!(
            codes("Syria gathered on Monday to protest against Israel."),
            vec!["SYR>ISR:140"]
        );
        assert_eq!(
            codes("Syria halted trade on Monday to protest against Israel."),
            vec!["SYR>ISR:160"]
        );
        assert!(codes("Syria urged Iran to protest against Israel.")
            .iter()
            .all(|c| !c.ends_with(":140")));
        // protesters no actor names: the place is their side, else the addressed country
        assert_eq!(
            codes("Crowds blocked streets in Syria in defiance of Israel."),
            vec!["SYR>ISR:144"]
        );
        assert_eq!(
            codes("Thousands began a hunger strike to protest against Israel's decision."),
            vec!["ISR>ISR:142"]
        );
        // an obligation put to the addressee of a light verb, or reported without a speaker
        assert_eq!(
            codes("Israel issued a stern reminder to Syria that it must cooperate."),
            vec!["ISR>SYR:100"]
        );
        assert_eq!(
            codes("The forum concluded that Syria must allocate resources."),
            vec!["->SYR:100"]
        );
        assert!(codes("Syria said that it must allocate resources.")
            .iter()
            .all(|c| !c.ends_with(":100")));
        // conjoined actors exercising together cooperate militarily
        assert_eq!(
            codes("Israel and Turkey launched joint military exercises."),
            vec!["ISR>TUR:062", "TUR>ISR:062"]
        );
    }

    #[test]
    fn intentions_after_statements_defiance_and_protest_targets() {
        // the intention's "to" does not make the act a complement of the statement before it
        assert_eq!(
            codes("Israel said it is prepared to lift the ban on Syria."),
            vec!["ISR>SYR:0351"]
        );
        assert_eq!(
            codes("Israel violated a ban by Syria."),
            vec!["ISR>SYR:128"]
        );
        assert_eq!(
            codes("Israel expanded political freedoms in Syria."),
            vec!["ISR>SYR:0811"]
        );
        // a complaint to an addressee about another targets the other
        assert_eq!(
            codes("Syria complained to the Iran on Tuesday over Israeli air raids."),
            vec!["SYR>ISR:114"]
        );
        assert_eq!(codes("Syria complained to Iran."), vec!["SYR>IRN:114"]);
        // a protest with no target is addressed to the protesters' own country
        let text = "Workers of the Israel union staged a general strike over a bill.";
        let ev = run_actors(
            text,
            vec![ActorMention {
                start: text.find("Israel union").unwrap(),
                end: text.find(" staged").unwrap(),
                code: "ISRLAB".into(),
                entity: None,
            }],
            &[],
            &[],
        );
        let t = triples(&ev);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].0.as_str(), t[0].1.as_str()), ("ISRLAB", "ISR"));
        assert!(t[0].2.starts_with("14"));
    }

    #[test]
    fn participles_before_a_noun_are_adjectives() {
        for text in [
            "Ousted Syria leaders met Israel.",
            "The newly appointed Syria envoy met Israel.",
            "Turkey-backed rebels met Israel.",
        ] {
            let t = triples(&run(text, C));
            assert!(
                t.iter().all(|(_, _, c)| c.starts_with("04")),
                "{text}: {t:?}"
            );
        }
        // a participle after its subject is still the verb
        let t = triples(&run("Israel backed Turkey.", C));
        assert!(t.iter().any(|(_, _, c)| c.starts_with("05")), "{t:?}");
    }

    #[test]
    fn reduced_relative_passive_acts_on_the_phrase_before_it() {
        // "crimes committed by Syria": the participle's patient is "crimes", not Israel.
        let t = triples(&run("Israel investigated crimes committed by Syria.", C));
        assert!(
            !t.iter().any(|(s, tg, _)| s == "SYR" && tg == "ISR"),
            "{t:?}"
        );
        let t = triples(&run("Israel was attacked by Syria.", C));
        assert_eq!(t, vec![("SYR".into(), "ISR".into(), "190".into())]);
    }

    #[test]
    fn circumstance_nouns_are_no_event_of_their_own() {
        let t = triples(&run(
            "Israel arrested 100 Palestine activists on Saturday in a security crackdown.",
            C,
        ));
        assert!(t.iter().all(|(_, _, c)| c.starts_with("17")), "{t:?}");
        let t = triples(&run(
            "Israel, following the peace deal, arrested Palestine activists.",
            C,
        ));
        assert!(t.iter().all(|(_, _, c)| c.starts_with("17")), "{t:?}");
    }

    #[test]
    fn unattributed_violence_takes_its_scene() {
        let t = triples(&run(
            "Two Syria soldiers were killed by a bomb in Israel.",
            C,
        ));
        assert_eq!(t, vec![("ISR".into(), "SYR".into(), "190".into())]);
        let t = triples(&run("Syria gunmen killed 23 people in Israel.", C));
        assert!(
            t.iter().any(|(s, tg, _)| s == "SYR" && tg == "ISR"),
            "{t:?}"
        );
    }

    #[test]
    fn a_place_named_with_of_opens_no_clause() {
        let t = triples(&run(
            "A roadside bombing near the town of Hebron on Sunday killed one Israel soldier.",
            &[("Hebron", "PSE"), ("Israel", "ISR")],
        ));
        assert!(
            t.iter().any(|(s, tg, _)| s == "PSE" && tg == "ISR"),
            "{t:?}"
        );
    }

    #[test]
    fn an_object_noun_refines_the_general_code_of_its_verb() {
        assert!(refines("073", "070") && refines("0331", "030"));
        assert!(!refines("070", "070") && !refines("073", "071") && !refines("190", "070"));
        let t = triples(&run("Israel gave humanitarian aid to Syria.", C));
        assert_eq!(t, vec![("ISR".into(), "SYR".into(), "073".into())]);
    }

    #[test]
    fn symmetric_combat() {
        let t = triples(&run(
            "Armenia and Azerbaijan were locked in bitter combat.",
            C,
        ));
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t.contains(&("ARM".into(), "AZE".into(), "190".into())));
        assert!(t.contains(&("AZE".into(), "ARM".into(), "190".into())));
    }

    #[test]
    fn plurals_after_a_preposition_are_nouns() {
        // "conflicts" after "in recent" is the noun, whose parties are its own; the
        // weapons' maker fought nobody.
        let t = triples(&run(
            "Israeli weapons have played a role in recent conflicts between Azerbaijan and Armenia.",
            &[("Israeli", "ISR"), ("Azerbaijan", "AZE"), ("Armenia", "ARM")],
        ));
        assert!(t.iter().all(|e| e.0 != "ISR"), "{t:?}");
        assert!(run("Israel, amid clashes in Syria, called for calm.", C)
            .iter()
            .all(|e| !e.cameo.starts_with("19")));
        // A verb after a phrase ending in a preposition's object still is one.
        let t = triples(&run("The chief of staff warns Iran.", C));
        assert_eq!(t.len(), 1, "{t:?}");
    }

    #[test]
    fn a_participle_clause_holds_its_own_object() {
        let t = triples(&run(
            "Israel grapples with security challenges on many fronts, facing Iran.",
            C,
        ));
        assert!(t.iter().all(|e| !e.2.starts_with("19")), "{t:?}");
        // Participles used as prepositions continue the object phrase.
        let t = triples(&run("Turkey condemned the countries, including Israel.", C));
        assert!(
            t.contains(&("TUR".into(), "ISR".into(), "111".into())),
            "{t:?}"
        );
    }

    #[test]
    fn capitalised_words_inside_a_sentence_are_names() {
        // "Harry" in a name is not the verb "harry"; in a title-cased headline, capitals
        // mark no names.
        let t = triples(&run("Israel's captain Harry Kane scored against Syria.", C));
        assert!(t.iter().all(|e| !e.2.starts_with("14")), "{t:?}");
        let t = triples(&run("Israel Attacks Syria", C));
        assert_eq!(t, vec![("ISR".into(), "SYR".into(), "190".into())]);
    }

    #[test]
    fn reporting_clause_yields_to_the_event() {
        let t = triples(&run("Israel attacked Syria, the agency said.", C));
        assert_eq!(t, vec![("ISR".into(), "SYR".into(), "190".into())]);
        // obligation in reported speech is a demand
        let t = triples(&run("Iran said that Syria must withdraw.", C));
        assert_eq!(t, vec![("IRN".into(), "SYR".into(), "100".into())]);
        let t = triples(&run("Iran said that Syria and Turkey must withdraw.", C));
        assert!(t.iter().all(|(s, _, _)| s == "IRN"), "{t:?}");
        // "following X" is a preposition unless a form of "be" makes it a verb
        let t = triples(&run("Israel, following the talks, praised Syria.", C));
        assert_eq!(t.len(), 1, "{t:?}");
        // a light verb with no actor as object states nothing
        assert!(run("Israel has taken several steps to reform.", C).is_empty());
        // "charged X with supporting Y": the support is the content of the charge
        let t = triples(&run("Israel charged Syria with supporting Iran.", C));
        assert!(t.iter().all(|(_, _, c)| c.starts_with("11")), "{t:?}");
        // "according to X" attributes; it is no event
        let t = triples(&run("Israel attacked Syria, according to Iran.", C));
        assert_eq!(t, vec![("ISR".into(), "SYR".into(), "190".into())]);
    }

    #[test]
    fn quotes_and_dates() {
        let text = "Iran said: \"Israel is the aggressor.\" It happened on 12 May.";
        let qs = text.find('"').unwrap();
        let qe = text.rfind('"').unwrap() + 1;
        let quote = Quote {
            id: "Q1".into(),
            kind: dyad_doc::QuoteKind::Direct,
            text: text[qs..qe].into(),
            start: qs,
            end: qe,
            speaker: Some("E-IRN".into()),
            speaker_text: Some("Iran".into()),
            speaker_name: None,
            cue: Some("said".into()),
            sentence: Some(0),
        };
        let ev = run_with(text, C, &[quote], &[]);
        assert_eq!(ev.len(), 1, "{ev:?}");
        assert_eq!(ev[0].quote.as_deref(), Some("Q1"));
        assert_eq!(ev[0].source.as_deref(), Some("IRN"));
        assert_eq!(ev[0].target.as_deref(), Some("ISR"));
        let text = "Israel attacked Syria on 12 May 2020.";
        let s = text.find("12 May").unwrap();
        let d = DateMention {
            value: "2020-05-12".into(),
            text: "12 May 2020".into(),
            start: s,
            end: s + 11,
            within: None,
        };
        let ev = run_with(text, C, &[], &[d]);
        assert_eq!(ev[0].date.as_deref(), Some("2020-05-12"));
    }

    #[test]
    fn sentences_without_actors_or_verbs_give_nothing() {
        assert!(run("The weather was fine.", C).is_empty());
        assert!(run("Israel and Syria.", C).is_empty());
    }

    #[test]
    fn ids_are_in_text_order() {
        let ev = run("Israel attacked Syria. Iran praised Turkey.", C);
        let ids: Vec<&str> = ev.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, vec!["V1", "V2"]);
        assert_eq!(ev[1].sentence, Some(1));
    }

    #[test]
    fn an_intention_read_by_a_statement_pattern_is_the_event() {
        // `* support` of "say" reads the verb; "will" makes it an intention (032), once
        assert_eq!(
            codes("Israel said it will support Turkey."),
            vec!["ISR>TUR:032"]
        );
    }

    /// Asserts that `text` yields no event under the CAMEO root `root`.
    fn no_event_of_root(text: &str, names: &[(&str, &str)], root: &str) {
        let ev = run(text, names);
        assert!(
            ev.iter().all(|e| !e.cameo.starts_with(root)),
            "{:?}",
            triples(&ev)
        );
    }

    /// The events of `text` with Syrian rebels, Iran and Turkey as actors, as
    /// `SOURCE>TARGET:CAMEO`.
    fn rebel_codes(text: &str) -> Vec<String> {
        let names = &[
            ("Syrian rebels", "SYRREB"),
            ("Iran", "IRN"),
            ("Turkey", "TUR"),
        ];
        triples(&run(text, names))
            .into_iter()
            .map(|(s, t, c)| format!("{s}>{t}:{c}"))
            .collect()
    }

    #[test]
    fn coordinated_predicates_share_the_subject() {
        let c = rebel_codes("Syrian rebels kidnapped 16 Iran advisers and bombed Turkey.");
        assert!(c.contains(&"SYRREB>TUR:190".to_string()), "{c:?}");
        assert!(!c.iter().any(|e| e.starts_with("IRN")), "{c:?}");
        // a second subject of its own keeps its verb
        let c = rebel_codes("Syrian rebels kidnapped 16 advisers and Iran attacked Turkey.");
        assert!(c.contains(&"IRN>TUR:190".to_string()), "{c:?}");
    }

    #[test]
    fn a_claim_about_oneself_is_no_accusation() {
        let c = codes("Iran claims to be building missiles to use against Israel.");
        assert!(!c.iter().any(|e| e.contains(":11")), "{c:?}");
        let c = codes("Iran claimed Israel had violated the truce.");
        assert!(c.iter().any(|e| e.starts_with("IRN>ISR:11")), "{c:?}");
    }

    #[test]
    fn up_to_an_amount_opens_no_clause() {
        let c = rebel_codes("Syrian rebels kidnapped up to 16 Iran advisers and bombed Turkey.");
        assert!(c.contains(&"SYRREB>TUR:190".to_string()), "{c:?}");
    }

    #[test]
    fn what_an_unnamed_actor_demands_is_no_event() {
        no_event_of_root(
            "Village elders demanded that control of the Syrian ministry be taken away from Iran.",
            &[("Syrian ministry", "SYRGOV"), ("Iran", "IRN")],
            "17",
        );
    }

    #[test]
    fn what_a_report_reveals_is_the_event() {
        let ev = run(
            "Aliyev revealed that Azerbaijan had acquired weapons from Israel.",
            &[
                ("Aliyev", "AZEGOV"),
                ("Azerbaijan", "AZE"),
                ("Israel", "ISR"),
            ],
        );
        assert_eq!(
            triples(&ev),
            vec![("ISR".into(), "AZE".into(), "062".into())],
            "{ev:?}"
        );
    }

    #[test]
    fn a_third_person_inside_a_quotation_is_not_the_speaker() {
        let code = |inner: &str| {
            let text = format!("Iran said: \"{inner}\"");
            let qs = text.find('"').unwrap_or(0);
            let quote = Quote {
                id: "Q1".into(),
                kind: dyad_doc::QuoteKind::Direct,
                text: text[qs..].into(),
                start: qs,
                end: text.len(),
                speaker: Some("E-IRN".into()),
                speaker_text: Some("Iran".into()),
                speaker_name: None,
                cue: Some("said".into()),
                sentence: Some(0),
            };
            triples(&run_with(&text, C, &[quote], &[]))
        };
        let we = code("We will attack Israel.");
        assert!(we.iter().any(|t| t.0 == "IRN"), "{we:?}");
        let they = code("They will attack Israel.");
        assert!(they.iter().all(|t| t.0 != "IRN"), "{they:?}");
    }

    #[test]
    fn causes_and_predictions_are_no_aid_or_appeal() {
        let c = &[("Armenia", "ARM"), ("Israel", "ISR"), ("Iran", "IRN")];
        no_event_of_root(
            "Such actions contribute to tensions between Armenia and Israel.",
            c,
            "07",
        );
        let ev = run("Iran contributed to Armenia's budget.", c);
        assert!(ev.iter().any(|e| e.cameo.starts_with("07")), "{ev:?}");
        no_event_of_root(
            "Iran suggested that Armenia cannot expect Israel's friendship.",
            c,
            "02",
        );
        let ev = run("Iran suggested that Armenia should leave.", c);
        assert!(ev.iter().any(|e| e.cameo.starts_with("02")), "{ev:?}");
        // a verb acting on its object directly is no protesters' act on their own country
        let ev = run("Armenia's stance irked Israel.", c);
        assert!(
            ev.iter().all(|e| e.source.as_deref() != Some("ISR")),
            "{ev:?}"
        );
    }

    #[test]
    fn a_capacity_is_no_event() {
        no_event_of_root(
            "Israel held thousands of Palestine refugees as human shields.",
            &[("Israel", "ISR"), ("Palestine refugees", "PSEREF")],
            "07",
        );
    }

    #[test]
    fn the_source_of_a_report_is_no_event() {
        no_event_of_root(
            "The army is holding Palestine refugees, according to a press release.",
            &[("Palestine refugees", "PSEREF")],
            "08",
        );
    }

    #[test]
    fn withdrawing_inspectors_ends_a_presence() {
        // 1662, announced: a threat to reduce relations (131)
        let c = codes("Iran said it will withdraw weapons inspectors from Syria.");
        assert!(c.contains(&"IRN>SYR:131".to_string()), "{c:?}");
        let c = codes("Iran withdrew its observers from Syria.");
        assert!(c.contains(&"IRN>SYR:1662".to_string()), "{c:?}");
    }

    #[test]
    fn a_consultation_takes_two_sides() {
        // "gather", "arrive": consultations (040) by their default alone
        assert_eq!(codes("Syria gathered on Monday."), Vec::<String>::new());
        assert_eq!(codes("Iran finally arrived."), Vec::<String>::new());
        // with someone met, or conjoined sides meeting each other, they stay
        let c = codes("Iran gathered with Syria on Monday.");
        assert!(c.iter().any(|e| e.ends_with(":040")), "{c:?}");
        let c = codes("Iran and Syria met on Monday.");
        assert!(c.contains(&"IRN>SYR:040".to_string()), "{c:?}");
    }

    #[test]
    fn a_participle_with_a_vague_default_is_no_event() {
        // "joining" (040 by default) describes the arrival; "killing" is an act of its own
        let c = codes("Iran sent troops to Syria, joining observers from Turkey.");
        assert!(!c.iter().any(|e| e.ends_with(":040")), "{c:?}");
        let c = codes("Iran shelled Syria, killing soldiers from Turkey.");
        assert!(c.iter().any(|e| e.ends_with(":190")), "{c:?}");
    }

    #[test]
    fn what_one_expects_of_another_is_no_intention() {
        let c = codes("Syria wants Turkey's water.");
        assert!(!c.iter().any(|e| e.ends_with(":030")), "{c:?}");
        let c = codes("Iran cannot hope for Syria's backing.");
        assert!(!c.iter().any(|e| e.ends_with(":030")), "{c:?}");
        let c = codes("Armenia expects to cooperate with Israel.");
        assert!(c.iter().any(|e| e.starts_with("ARM>ISR:03")), "{c:?}");
    }

    #[test]
    fn sentences_in_another_language_give_nothing() {
        // a word of the English patterns inside German text
        let mixed = "Laut Berichten aus Damaskus attacked Israel gestern Syria mit Raketen.";
        assert_eq!(codes(mixed), Vec::<String>::new());
        let c = codes("Israel attacked Syria yesterday with rockets, reports from Damascus say.");
        assert!(c.iter().any(|e| e.starts_with("ISR>SYR:19")), "{c:?}");
    }

    #[test]
    fn forces_massed_or_put_on_alert_mobilize() {
        let c = codes("Syria massed troops on its border with Turkey.");
        assert!(
            c.iter()
                .any(|e| e.starts_with("SYR>") && e.ends_with(":154")),
            "{c:?}"
        );
        let c = codes("Iran placed its forces on alert.");
        assert!(c.contains(&"IRN>-:152".to_string()), "{c:?}");
        let c = codes("Iran kept its army on high alert.");
        assert!(c.contains(&"IRN>-:152".to_string()), "{c:?}");
    }

    #[test]
    fn relations_broken_envoys_expelled_forces_withdrawn_strikes_gone_on() {
        let c = codes("Syria broke off diplomatic relations with Iran.");
        assert!(c.contains(&"SYR>IRN:161".to_string()), "{c:?}");
        let c = codes("Syria expelled Iran's ambassador.");
        assert!(c.contains(&"SYR>IRN:161".to_string()), "{c:?}");
        let c = codes("Syria withdrew its forces from Turkey.");
        assert!(c.contains(&"SYR>TUR:0874".to_string()), "{c:?}");
        let c = codes("Workers in Syria went on strike against Turkey.");
        assert!(c.iter().any(|e| e.ends_with(":143")), "{c:?}");
        assert!(!c.iter().any(|e| e.ends_with(":040")), "{c:?}");
    }

    #[test]
    fn welcomes_votes_against_and_forces_moved() {
        let c = codes("Syria welcomed the decision by Iran to end the talks.");
        assert!(c.contains(&"SYR>IRN:051".to_string()), "{c:?}");
        let c = codes("Syria voted against the plan of Iran.");
        assert!(c.iter().any(|e| e.starts_with("SYR>IRN:12")), "{c:?}");
        let c = codes("Syria moved troops to its border with Turkey.");
        assert!(
            c.iter()
                .any(|e| e.starts_with("SYR>") && e.ends_with(":154")),
            "{c:?}"
        );
        let c = codes("Syria moved troops out of Turkey.");
        assert!(!c.iter().any(|e| e.ends_with(":154")), "{c:?}");
    }

    #[test]
    fn a_fight_names_its_enemy_or_its_place() {
        let c = codes("Israel grapples with security challenges.");
        assert!(!c.iter().any(|e| e.contains(":19")), "{c:?}");
        let c = codes("Israel is battling a long skid.");
        assert!(!c.iter().any(|e| e.contains(":19")), "{c:?}");
        let c = codes("Israel clashed with Syria.");
        assert!(c.iter().any(|e| e.starts_with("ISR>SYR:19")), "{c:?}");
        let c = codes("Israel and Syria clashed on Monday.");
        assert!(c.iter().any(|e| e.starts_with("ISR>SYR:19")), "{c:?}");
    }

    #[test]
    fn an_order_to_close_restricts() {
        let c = codes("Syria ordered the newspapers of Iran to suspend publication.");
        assert!(
            c.iter()
                .any(|e| e.starts_with("SYR>") && e.ends_with(":172")),
            "{c:?}"
        );
        let c = codes("Syria ordered the closure of the Iran embassy.");
        assert!(
            c.iter()
                .any(|e| e.starts_with("SYR>") && e.ends_with(":172")),
            "{c:?}"
        );
    }

    #[test]
    fn cooperation_takes_a_partner() {
        // "control", "add": material cooperation (060) by their default alone
        let c = codes("Syria controlled the company.");
        assert!(!c.iter().any(|e| e.ends_with(":060")), "{c:?}");
        let c = codes("Syria and Iran controlled the company.");
        assert!(c.iter().any(|e| e.ends_with(":060")), "{c:?}");
        let c = codes("Syria controlled Iran.");
        assert!(c.contains(&"SYR>IRN:060".to_string()), "{c:?}");
    }

    #[test]
    fn a_wish_without_a_partner_is_no_intention() {
        let c = codes("Syria wants more, officials said.");
        assert!(!c.iter().any(|e| e.contains(":03")), "{c:?}");
        let c = codes("Syria expects to cooperate with Iran.");
        assert!(c.iter().any(|e| e.starts_with("SYR>IRN:03")), "{c:?}");
        let c = codes("Syria agreed on Monday.");
        assert!(c.iter().any(|e| e.contains(":03")), "{c:?}");
    }
}
