//! Regenerates `data/actors/*.tsv` from the Phoenix dictionaries (PETRARCH format, MIT) and
//! the CAMEO country code list.
//!
//! `cargo run -p dyad-nlp --example convert_phoenix -- SHARED_DIR REPO_DIR`
//! where SHARED_DIR holds `data/reference/{phoenix,cameo}` and REPO_DIR is the workspace root
//! (its `data/places/*.tsv` must exist: names of places are kept out of country aliases).

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use dyad_nlp::entities::lexicon::{display_case, key_of, DatedCode};
use dyad_nlp::entities::mentions::is_organisation_noun;
use dyad_nlp::entities::names::PersonNames;
use dyad_nlp::entities::petrarch::{parse_actors, parse_agents, PetrarchActor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let shared = Path::new(args.get(1).map(String::as_str).unwrap_or("../shared"));
    let repo = Path::new(args.get(2).map(String::as_str).unwrap_or("."));
    let phoenix = shared.join("data/reference/phoenix");
    let read = |p: &Path| std::fs::read_to_string(p);

    let mut country_codes: BTreeSet<String> =
        read(&shared.join("data/reference/cameo/country_codes.tsv"))?
            .lines()
            .skip(1)
            .filter_map(|l| l.split('\t').next())
            .map(str::to_string)
            .collect();
    // Place names with their countries: a country's alias that names one of its own places
    // ("Tel Aviv" under Israel) is left to the gazetteer.
    let mut place_keys: HashSet<(String, String)> = HashSet::new();
    for f in ["data/places/cities.tsv", "data/places/regions.tsv"] {
        for l in read(&repo.join(f))?.lines().filter(|l| !l.starts_with('#')) {
            let mut f = l.split('\t');
            let name = f.next().unwrap_or("");
            let cc = f.next().unwrap_or("");
            place_keys.insert((key_of(name), cc.to_string()));
            // GeoNames countries complete the CAMEO list (which lacks some newer states).
            if cc.len() == 3 {
                country_codes.insert(cc.to_string());
            }
        }
    }

    let agents = parse_agents(&read(&phoenix.join("Phoenix.agents.txt"))?);
    let mut agent_words: HashSet<String> = HashSet::new();
    let mut agents_out = BTreeMap::new();
    for a in &agents {
        let key = key_of(&a.phrase);
        // Only words: the dot of "Gen." would otherwise mark every name with an initial
        // ("George W. Bush") as titled.
        for w in key
            .split(' ')
            .filter(|w| w.chars().all(char::is_alphanumeric))
        {
            agent_words.insert(w.to_string());
        }
        agents_out.entry(key).or_insert_with(|| a.code.clone());
    }

    let countries_src = read(&phoenix.join("Phoenix.Countries.actors.txt"))?;
    let mut countries: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut country_words: HashSet<String> = HashSet::new();
    let mut leaders = Vec::new();
    let mut institutions = Vec::new();
    for a in parse_actors(&countries_src) {
        // A country: one bare country code, or a history of them ending in one (a state
        // that changed status, such as a former Soviet republic).
        let current = a
            .codes
            .iter()
            .rev()
            .find(|c| c.to.is_none())
            .map(|c| c.code.clone());
        let bare = current.filter(|c| country_codes.contains(c));
        if let Some(code) = bare {
            let names = countries.entry(code.clone()).or_default();
            for n in &a.names {
                let key = key_of(n);
                let own_place = place_keys.contains(&(key.clone(), code.clone()))
                    || place_keys.contains(&(key.clone(), "-".to_string()));
                if !own_place && !n.contains('(') {
                    // One-word names and demonyms mark a nationality in a person's alias
                    // ("RUSSIAN_PRESIDENT_X"); the words of longer names do not ("George" of
                    // "Saint George Basseterre", a parish listed under its country).
                    if !key.contains(' ') {
                        country_words.insert(key.clone());
                    }
                    names.push(display_case(n));
                }
            }
        } else if a.codes.iter().any(DatedCode::is_dated) {
            leaders.push(a);
        } else {
            institutions.push(a);
        }
    }

    let mut out = header("Countries: CAMEO code, then names, spellings and demonyms.");
    for (code, names) in &countries {
        let names = dedup(names.clone());
        if !names.is_empty() {
            writeln!(out, "country\t{code}\t{}", names.join("|"))?;
        }
    }
    write(repo, "data/actors/countries.tsv", &out)?;

    // A person's aliases that carry a title or a nationality ("PRIME MINISTER X") are left
    // out: titles and nationalities are read from the text around a name. Those that are
    // the person's surname with a title or "administration" ("PRESIDENT BUSH", "THE BUSH
    // ADMINISTRATION") are kept: they say whom a surname with that title names, which the
    // text around a lone surname is matched against.
    let is_plain_name = |n: &str| {
        let key = key_of(n);
        !key.split(' ')
            .any(|w| agent_words.contains(w) || country_words.contains(w))
            && !n.contains('(')
    };
    let is_titled_surname = |n: &str, a: &PetrarchActor| {
        let Some(surname) = a
            .names
            .first()
            .and_then(|m| key_of(m).rsplit(' ').next().map(str::to_string))
        else {
            return false;
        };
        let key = key_of(n);
        let words: Vec<&str> = key.split(' ').collect();
        words.len() > 1
            && words.iter().filter(|&&w| w == surname).count() == 1
            && words.iter().all(|&w| {
                w == surname
                    || agent_words.contains(w)
                    || country_words.contains(w)
                    || matches!(w, "the" | "mr" | "mrs" | "ms" | "administration")
            })
            && !n.contains('(')
    };
    let keep_person_name = |n: &str, a: &PetrarchActor| is_plain_name(n) || is_titled_surname(n, a);
    // Dated entries are mostly leaders, but some are bodies whose code changed over time
    // ("PALESTINIAN_AUTHORITY", "SUDAN_PEOPLES_LIBERATION_ARMY"): those go with the
    // organisations.
    let (dated_bodies, leaders): (Vec<_>, Vec<_>) = leaders.into_iter().partition(names_a_body);
    let mut out = header("Persons with dated codes (leaders and officials).");
    for a in &leaders {
        write_actor(&mut out, "person", a, &|n: &str| keep_person_name(n, a));
    }
    write(repo, "data/actors/leaders.tsv", &out)?;

    let international = parse_actors(&read(&phoenix.join("Phoenix.International.actors.txt"))?);
    let mut out =
        header("Organisations: international bodies, NGOs, companies, national institutions.");
    for a in dated_bodies
        .iter()
        .chain(&institutions)
        .chain(&international)
    {
        let kind = if a.codes.iter().any(DatedCode::is_dated) && !names_a_body(a) {
            "person"
        } else {
            "organization"
        };
        // A body's entry may list its leaders too ("THE_ISLAMIC_FRONT" holds "AHMED_ABU_ISSA"):
        // names that open with a given name are left out of it.
        let filter = |n: &str| {
            if kind == "person" {
                keep_person_name(n, a)
            } else {
                !a.codes.iter().any(DatedCode::is_dated)
                    || ends_in_body_noun(n)
                    || !opens_with_given_name(n)
            }
        };
        write_actor(&mut out, kind, a, &filter);
    }
    write(repo, "data/actors/organizations.tsv", &out)?;

    let nonstate = parse_actors(&read(&phoenix.join("Phoenix.MilNonState.actors.txt"))?);
    let mut out = header("Non-state armed and political groups.");
    for a in &nonstate {
        write_actor(&mut out, "group", a, &|n: &str| !n.contains('('));
    }
    write(repo, "data/actors/groups.tsv", &out)?;

    let mut out = String::from("# Generated by crates/dyad-nlp/examples/convert_phoenix.rs; see PROVENANCE.md.\n# Agents (role words): phrase, then the role code it adds to an actor code.\n");
    for (phrase, code) in &agents_out {
        writeln!(out, "{phrase}\t{code}")?;
    }
    write(repo, "data/actors/agents.tsv", &out)?;
    Ok(())
}

/// Whether an actor's main name is a body's: its head word (the last, or the one before
/// "of") is one that ends organisations' names ("Palestinian Authority", "Supreme Council of
/// the Syrian Revolution").
/// A name that opens with a given name ("Michael Church") is a person's whatever its last word.
fn names_a_body(a: &PetrarchActor) -> bool {
    a.names
        .first()
        .is_some_and(|name| ends_in_body_noun(name) && !opens_with_given_name(name))
}

/// Whether a name's head word (the last, or the one before "of") ends organisations' names.
fn ends_in_body_noun(name: &str) -> bool {
    let key = key_of(name);
    let head = key.split(" of ").next().unwrap_or(&key);
    head.rsplit(' ').next().is_some_and(is_organisation_noun)
}

/// Whether a name of several words opens with a given name of the census lists.
fn opens_with_given_name(name: &str) -> bool {
    let key = key_of(name);
    key.split_once(' ')
        .is_some_and(|(first, _)| PersonNames::shipped().get(first).given)
}

fn header(what: &str) -> String {
    format!("# Generated by crates/dyad-nlp/examples/convert_phoenix.rs; see PROVENANCE.md.\n# {what}\n# kind\tcodes (CODE or CODE@FROM..TO)\tnames (|-separated)\n")
}

fn write_actor(out: &mut String, kind: &str, a: &PetrarchActor, keep: &dyn Fn(&str) -> bool) {
    let names: Vec<String> = dedup(
        a.names
            .iter()
            .filter(|n| keep(n))
            .map(|n| display_case(n))
            .collect(),
    );
    if names.is_empty() {
        return;
    }
    let codes: Vec<String> = a.codes.iter().map(code_spec).collect();
    let _ = writeln!(out, "{kind}\t{}\t{}", codes.join(" "), names.join("|"));
}

fn code_spec(c: &DatedCode) -> String {
    let d = |x: Option<u32>| {
        x.map(|v| format!("{:04}-{:02}-{:02}", v / 10_000, v / 100 % 100, v % 100))
            .unwrap_or_default()
    };
    if c.is_dated() {
        format!("{}@{}..{}", c.code, d(c.from), d(c.to))
    } else {
        c.code.clone()
    }
}

fn dedup(names: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    names
        .into_iter()
        .filter(|n| seen.insert(n.to_lowercase()))
        .collect()
}

fn write(repo: &Path, rel: &str, content: &str) -> std::io::Result<()> {
    eprintln!("{} lines -> {rel}", content.lines().count());
    std::fs::write(repo.join(rel), content)
}
