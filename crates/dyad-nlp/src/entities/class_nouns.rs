//! Kinds from class nouns written beside a name: "the Sea Org group", "the band the Velvet
//! Underground", "ancient gods, such as Zeus, Hera and Poseidon", "such bands as The Velvet
//! Underground", "the religious schools Santo Spirito and Immacolata", "Superheroes Black
//! Widow". Only names no dictionary, title or keyword typed are changed, and the kind a
//! noun gives one mention goes to the article's other mentions of the same guessed name.

use super::lexicon::ActorKind;
use super::mentions::Cand;
use super::name_key;
use super::view::Tok;

/// Singular class nouns and the kind of the names they class.
const CLASS_NOUNS: &[(&str, ActorKind)] = &[
    ("god", ActorKind::Person),
    ("goddess", ActorKind::Person),
    ("deity", ActorKind::Person),
    ("actor", ActorKind::Person),
    ("actress", ActorKind::Person),
    ("artist", ActorKind::Person),
    ("musician", ActorKind::Person),
    ("singer", ActorKind::Person),
    ("writer", ActorKind::Person),
    ("author", ActorKind::Person),
    ("politician", ActorKind::Person),
    ("athlete", ActorKind::Person),
    ("celebrity", ActorKind::Person),
    ("hero", ActorKind::Person),
    ("superhero", ActorKind::Person),
    ("group", ActorKind::Organization),
    ("organization", ActorKind::Organization),
    ("organisation", ActorKind::Organization),
    ("company", ActorKind::Organization),
    ("firm", ActorKind::Organization),
    ("band", ActorKind::Organization),
    ("party", ActorKind::Organization),
    ("movement", ActorKind::Organization),
    ("charity", ActorKind::Organization),
    ("school", ActorKind::Organization),
    ("city", ActorKind::Place),
    ("town", ActorKind::Place),
    ("village", ActorKind::Place),
    ("province", ActorKind::Place),
    ("region", ActorKind::Place),
];

/// The kind a class noun gives, singular or plural ("gods", "deities", "heroes").
fn class_of(word: &str, plural: bool) -> Option<ActorKind> {
    let singular = if !plural {
        Some(word.to_string())
    } else if let Some(stem) = word.strip_suffix("ies") {
        Some(format!("{stem}y"))
    } else if let Some(stem) = word.strip_suffix("oes") {
        Some(format!("{stem}o"))
    } else if let Some(stem) = word.strip_suffix("esses") {
        Some(format!("{stem}ess"))
    } else {
        word.strip_suffix('s').map(str::to_string)
    }?;
    CLASS_NOUNS
        .iter()
        .find(|(n, _)| *n == singular)
        .map(|(_, k)| *k)
}

/// A lower-case word's class, singular or plural as asked.
fn class_at(toks: &[Tok], i: usize, plural: bool) -> Option<ActorKind> {
    let t = toks.get(i)?;
    if !t.is_word || t.cap {
        return None;
    }
    class_of(&t.key, plural)
}

/// Sets the kinds of guessed names from the class nouns beside them.
pub fn apply(toks: &[Tok], out: &mut [Cand]) {
    let mut cued: Vec<(String, ActorKind)> = Vec::new();
    // "Superheroes Black Widow and Captain America": a capitalised plural class noun opening
    // a guessed run is no part of the name after it, and gives it its kind.
    for c in out.iter_mut().filter(|c| c.guessed && c.end - c.start >= 2) {
        let opener = &toks[c.start];
        let kind = (opener.cap && !opener.all_caps && opener.key.ends_with('s'))
            .then(|| class_of(&opener.key, true))
            .flatten();
        if let Some(kind) = kind.filter(|_| toks[c.start + 1].cap) {
            c.start += 1;
            c.kind = kind;
        }
    }
    for c in out.iter().filter(|c| c.guessed) {
        let (s, e) = (c.start, c.end);
        // "the Sea Org group": an organisation's class noun after the name.
        let after = class_at(toks, e, false).filter(|k| *k == ActorKind::Organization);
        // "the band the Velvet Underground", "group the Sea Org".
        let before = (s >= 2 && toks[s - 1].key == "the")
            .then(|| class_at(toks, s - 2, false))
            .flatten();
        if let Some(kind) = after.or(before) {
            cued.push((name_key(toks, s, e), kind));
        }
    }
    for (list, kind) in such_as_lists(toks) {
        let mut p = list;
        loop {
            if toks.get(p).is_some_and(|t| t.key == "the") {
                p += 1;
            }
            let Some(c) = out.iter().find(|c| c.start == p) else {
                break;
            };
            if c.guessed {
                cued.push((name_key(toks, c.start, c.end), kind));
            }
            p = c.end;
            let mut joined = false;
            while toks
                .get(p)
                .is_some_and(|t| matches!(t.key.as_str(), "," | "and" | "or"))
            {
                p += 1;
                joined = true;
            }
            if !joined {
                break;
            }
        }
    }
    if cued.is_empty() {
        return;
    }
    for c in out.iter_mut().filter(|c| c.guessed) {
        let k = name_key(toks, c.start, c.end);
        if let Some((_, kind)) = cued.iter().find(|(n, _)| *n == k) {
            c.kind = *kind;
        }
    }
}

/// Where the names of each "NOUNS, such as", "such NOUNS as" or "NOUNS Name and Name" list
/// start, with the kind
/// the plural noun gives them.
fn such_as_lists(toks: &[Tok]) -> Vec<(usize, ActorKind)> {
    let mut lists = Vec::new();
    for i in 0..toks.len().saturating_sub(2) {
        if toks[i].key != "such" {
            continue;
        }
        if toks[i + 1].key == "as" && i >= 1 {
            let noun = if toks[i - 1].key == "," && i >= 2 {
                i - 2
            } else {
                i - 1
            };
            if let Some(kind) = class_at(toks, noun, true) {
                lists.push((i + 2, kind));
            }
        } else if toks[i + 2].key == "as" {
            if let Some(kind) = class_at(toks, i + 1, true) {
                lists.push((i + 3, kind));
            }
        }
    }
    // "the religious schools Santo Spirito and Immacolata": a plural class noun right before
    // capitalised names.
    for i in 0..toks.len().saturating_sub(1) {
        if toks[i + 1].cap && toks[i + 1].sentence == toks[i].sentence {
            if let Some(kind) = class_at(toks, i, true).filter(|_| toks[i].key.ends_with('s')) {
                lists.push((i + 1, kind));
            }
        }
    }
    lists
}
