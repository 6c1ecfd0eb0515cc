//! Persons a memorial, foundation or museum is named after ("the Chiang Kai Shek Memorial
//! Hall", "the Croucher Foundation", "the Weatherspoon Art Museum"), found by the census name
//! lists when the article names them nowhere else (`mentions::nested_persons` links the ones
//! it does): a person mention nested in the longer one.

use super::english;
use super::lexicon::{ActorKind, Lexicon};
use super::mentions::{cand, Cand};
use super::names::PersonNames;
use super::stats::WordStats;
use super::view::Tok;

/// Nouns of the things named to honour a person.
const HONOURING: &[&str] = &["memorial", "foundation", "museum"];

/// Adds the persons nested at the start of unlisted memorials', foundations' and museums'
/// names.
pub fn apply(toks: &[Tok], lex: &Lexicon, stats: &WordStats, out: &mut Vec<Cand>) {
    let names = PersonNames::shipped();
    let mut found = Vec::new();
    for c in out.iter() {
        if c.actor.is_some()
            || !matches!(c.kind, ActorKind::Organization | ActorKind::Place)
            || c.end - c.start < 2
        {
            continue;
        }
        let Some(noun) = (c.start + 1..c.end).find(|&k| HONOURING.contains(&toks[k].key.as_str()))
        else {
            continue;
        };
        // A census name opens the run; words no list or statistics know go on with it
        // ("Shek"); a dictionary name (a place, "Texas") or an ordinary word ends it.
        let census = |t: &Tok| {
            let n = names.get(&t.key);
            (n.given || n.surname) && !stats.get(&t.key).is_common()
        };
        let unknown = |t: &Tok| {
            stats.get(&t.key).in_names() + stats.get(&t.key).lower == 0 && !english::is_word(&t.key)
        };
        let mut k = c.start;
        while k < noun
            && toks[k].cap
            && !toks[k].all_caps
            && lex.lookup(&toks[k].key).is_empty()
            && (census(&toks[k]) || k > c.start && unknown(&toks[k]))
        {
            k += 1;
        }
        let ends =
            k == noun || matches!(toks[k].text, "&" | "and") || stats.get(&toks[k].key).is_common();
        let taken = out.iter().any(|d| d.start == c.start && d.end == k);
        if k > c.start && ends && !taken {
            found.push(cand(c.start, k, ActorKind::Person, None));
        }
    }
    out.extend(found);
}
