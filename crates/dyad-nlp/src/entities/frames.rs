//! Kinds from the frames news writes names in: a town before its state or country
//! ("Mountain View, California"), bodies written together before a plural noun ("the State
//! and Homeland Security Departments"), a national team ("Team Estonia"), a tournament's
//! group ("Group F"), a district that runs a service ("the Irving Independent School
//! District") and a Romance-language organisation noun opening a name ("Instituto
//! Gonzaga"). Only names no dictionary typed are changed, except the country a team is named
//! for, which becomes part of the team's name.

use super::lexicon::{ActorKind, Lexicon};
use super::mentions::{cand, is_organisation_noun, Cand};
use super::view::Tok;

/// Words before "District" that make the district a body running a service rather than an
/// area ("School District", "Water District").
const SERVICE_DISTRICTS: &[&str] = &[
    "school",
    "water",
    "fire",
    "hospital",
    "utility",
    "sanitation",
    "irrigation",
    "transit",
    "library",
    "conservation",
];

/// Words that open organisations' names in Romance languages, where the noun comes first
/// ("Instituto Gonzaga", "Movimento 5 Stelle", "Banco Santander").
const ORG_OPENERS: &[&str] = &[
    "instituto",
    "istituto",
    "institut",
    "universidad",
    "università",
    "universidade",
    "université",
    "universitat",
    "colegio",
    "collegio",
    "liceo",
    "escuela",
    "scuola",
    "école",
    "banco",
    "banque",
    "ministerio",
    "ministero",
    "ministère",
    "partido",
    "partito",
    "movimento",
    "movimiento",
    "fundación",
    "fundação",
    "fondazione",
    "fondation",
    "sociedad",
    "società",
    "société",
    "compañía",
    "compagnia",
    "compagnie",
    "associazione",
    "asociación",
    "associação",
    "consejo",
    "consiglio",
    "conseil",
    "comité",
    "comitato",
    "agencia",
    "agenzia",
    "agence",
    "grupo",
    "gruppo",
    "groupe",
];

/// Sets or extends the kinds of `out` from the frames around them.
pub fn apply(toks: &[Tok], lex: &Lexicon, out: &mut Vec<Cand>) {
    if out.is_empty() {
        return;
    }
    let mut by_start: Vec<(usize, usize)> =
        out.iter().enumerate().map(|(n, c)| (c.start, n)).collect();
    by_start.sort_unstable();
    let at = |p: usize| -> Option<usize> {
        let k = by_start.partition_point(|&(s, _)| s < p);
        by_start.get(k).filter(|&&(s, _)| s == p).map(|&(_, n)| n)
    };
    let mut kinds: Vec<(usize, ActorKind)> = Vec::new();
    for (n, c) in out.iter().enumerate() {
        let unlisted = c.actor.is_none() && c.title.is_none() && !c.honorific;
        if !unlisted {
            continue;
        }
        // "Mountain View, California.": an unknown name before a comma and a listed state or
        // country that ends the phrase is a town's.
        if c.guessed && toks.get(c.end).is_some_and(|t| t.text == ",") {
            let state = at(c.end + 1).map(|m| &out[m]).filter(|d| {
                d.actor.is_some()
                    && matches!(d.kind, ActorKind::Place | ActorKind::Country)
                    && d.government_of.is_none()
                    && ends_phrase(toks, d.end)
                    && lex
                        .actor(d.actor.unwrap_or_default())
                        .is_some_and(|a| super::lexicon::key_of(&a.name) == name_key(toks, d))
            });
            if state.is_some() {
                kinds.push((n, ActorKind::Place));
                continue;
            }
        }
        // "the State and Homeland Security Departments": the first body shares the plural noun.
        if c.kind != ActorKind::Person && toks.get(c.end).is_some_and(|t| t.key == "and") {
            let shared = at(c.end + 1).map(|m| &out[m]).is_some_and(|d| {
                let last = &toks[d.end - 1];
                d.kind == ActorKind::Organization
                    && last.key.ends_with('s')
                    && is_organisation_noun(&last.key)
            });
            if shared {
                kinds.push((n, ActorKind::Organization));
                continue;
            }
        }
        // "the Sea Org": the short form of "organization" ends the name. The name stays
        // guessed, so that "the Sea Org group" is still the group's, not a name.
        if c.guessed && toks[c.end - 1].text == "Org" {
            kinds.push((n, ActorKind::Organization));
            continue;
        }
        // "Instituto Gonzaga, a catholic school": no longer a guess, so that an apposition
        // does not make it a person's name.
        if ORG_OPENERS.contains(&toks[c.start].key.as_str()) && c.end - c.start >= 2 {
            kinds.push((n, ActorKind::Organization));
            continue;
        }
        // "the Irving Independent School District".
        if c.kind == ActorKind::Place
            && c.end - c.start >= 2
            && toks[c.end - 1].key == "district"
            && SERVICE_DISTRICTS.contains(&toks[c.end - 2].key.as_str())
        {
            kinds.push((n, ActorKind::Organization));
        }
    }
    for (n, kind) in kinds {
        let c = &mut out[n];
        c.kind = kind;
        if ORG_OPENERS.contains(&toks[c.start].key.as_str()) {
            c.guessed = false;
        }
    }
    drop_title_tails(toks, lex, out);
    national_teams(toks, lex, out);
    tournament_groups(toks, out);
}

/// The words of a mention, lower case, space-joined.
fn name_key(toks: &[Tok], c: &Cand) -> String {
    toks[c.start..c.end]
        .iter()
        .map(|t| t.key.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the phrase ends at `p`: the text does, or a mark other than a possessive's or a
/// hyphen comes ("Mountain View, California." but not "Gomez, Panama coach" or "B.C.,
/// Samoa was").
fn ends_phrase(toks: &[Tok], p: usize) -> bool {
    toks.get(p)
        .is_none_or(|t| !t.is_word && !matches!(t.text, "'" | "’" | "-" | "'s" | "’s"))
}

/// "Team Estonia", "Team USA": a country's name after a capitalised "Team" names its national
/// team, an organisation of that country.
fn national_teams(toks: &[Tok], lex: &Lexicon, out: &mut [Cand]) {
    for c in out.iter_mut() {
        let team = c.start > 0 && toks[c.start - 1].key == "team" && toks[c.start - 1].cap;
        if !team || c.kind != ActorKind::Country || c.government_of.is_some() {
            continue;
        }
        c.title_country = c
            .actor
            .and_then(|a| lex.actor(a))
            .and_then(|a| a.country.clone());
        c.start -= 1;
        c.kind = ActorKind::Organization;
        c.actor = None;
    }
}

/// "Group F — Sweden 1 – 0 Korea Republic": a capitalised "Group" and one capital letter name
/// a group of a tournament, which the name finder, leaving lone letters aside, does not see.
fn tournament_groups(toks: &[Tok], out: &mut Vec<Cand>) {
    let mut found = Vec::new();
    for k in 0..toks.len().saturating_sub(1) {
        let (g, letter) = (&toks[k], &toks[k + 1]);
        let named = g.key == "group"
            && g.cap
            && letter.text.len() == 1
            && letter.all_caps
            && letter.sentence == g.sentence
            && !toks.get(k + 2).is_some_and(|t| t.text == "." || t.cap);
        if named && !out.iter().any(|c| c.start <= k + 1 && k < c.end) {
            found.push(cand(k, k + 2, ActorKind::Organization, None));
        }
    }
    out.extend(found);
}

/// "John Kerry, the Secretary of State": an unlisted one-word place's name after "of" that
/// ends a title the dictionaries list ("secretary of state", "head of state") is part of the
/// title, no place of its own. (GMB's silver tags call "Defense" in "Secretary of Defense" a
/// body, so bodies stay.)
fn drop_title_tails(toks: &[Tok], lex: &Lexicon, out: &mut Vec<Cand>) {
    out.retain(|c| {
        let tail = c.end - c.start == 1
            && c.kind == ActorKind::Place
            && c.actor.is_none()
            && c.start >= 2
            && toks[c.start - 1].key == "of"
            && toks[c.start - 2].cap
            && lex
                .agent(&format!(
                    "{} of {}",
                    toks[c.start - 2].key,
                    toks[c.start].key
                ))
                .is_some();
        !tail
    });
}
