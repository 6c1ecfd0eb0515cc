//! Test support: a codebook read from the shared CAMEO/PLOVER reference files and a simple
//! actor finder over PETRARCH-format actor and agent dictionaries. Tests and examples only
//! (they read `../shared`, which the engine never does).
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::PathBuf;

use dyad_events::{ActorMention, Codebook};

/// The shared data directory (`/work/shared/data` or `$DYAD_SHARED/data`), if present.
pub fn shared_data() -> Option<PathBuf> {
    let base = std::env::var("DYAD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let d = base.join("data");
    if d.is_dir() {
        Some(d)
    } else {
        let alt = PathBuf::from("/work/shared/data");
        alt.is_dir().then_some(alt)
    }
}

fn read(p: &std::path::Path) -> Option<String> {
    std::fs::read(p)
        .ok()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// Goldstein values from `CAMEO.goldsteinscale.txt`, PLOVER types from
/// `CAMEO2PLOVER-2021.txt`, quad class from the root.
pub struct FileCodebook {
    goldstein: HashMap<String, f64>,
    plover: HashMap<String, String>,
}

impl FileCodebook {
    pub fn load() -> Option<Self> {
        let d = shared_data()?;
        let g = read(&d.join("reference/cameo/CAMEO.goldsteinscale.txt"))?;
        let p = read(&d.join("events/plover/CAMEO2PLOVER-2021.txt"))?;
        let goldstein = g
            .lines()
            .skip(1)
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some((f.next()?.trim().to_string(), f.next()?.trim().parse().ok()?))
            })
            .collect();
        let plover = p
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (code, rest) = l.split_once(':')?;
                let ty = rest.split([',', '#']).next()?.trim();
                (!ty.is_empty() && code.trim().chars().all(|c| c.is_ascii_digit()))
                    .then(|| (code.trim().to_string(), ty.to_string()))
            })
            .collect();
        Some(FileCodebook { goldstein, plover })
    }
}

impl Codebook for FileCodebook {
    fn goldstein(&self, cameo: &str) -> Option<f64> {
        self.goldstein.get(cameo).copied()
    }
    fn quad_class(&self, cameo: &str) -> Option<u8> {
        dyad_events::quad_from_root(cameo)
    }
    fn plover(&self, cameo: &str) -> Option<String> {
        self.plover.get(cameo).cloned()
    }
}

/// A codebook that knows nothing (quad from the root only).
pub struct NoCodebook;

impl Codebook for NoCodebook {
    fn goldstein(&self, _: &str) -> Option<f64> {
        None
    }
    fn quad_class(&self, cameo: &str) -> Option<u8> {
        dyad_events::quad_from_root(cameo)
    }
    fn plover(&self, _: &str) -> Option<String> {
        None
    }
}

#[derive(Debug, Clone)]
struct Phrase {
    words: Vec<String>,
    code: String,
    /// The last word may be a prefix of the text's word (PETRARCH: no trailing `_`).
    prefix: bool,
    agent: bool,
}

/// Finds actors in text by longest dictionary match; agents ("troops", "foreign minister")
/// next to an actor add their role to its code.
#[derive(Debug, Default)]
pub struct ActorFinder {
    by_first: HashMap<String, Vec<Phrase>>,
    /// Allow prefix matches (PETRARCH semantics for entries without a trailing `_`).
    pub prefixes: bool,
}

fn phrase_tokens(raw: &str) -> (Vec<String>, bool) {
    let exact = raw.trim_end().ends_with('_');
    let text = raw.replace('_', " ");
    let words = dyad_nlp::tokenize(&text)
        .iter()
        .map(|t| t.span.of(&text).to_lowercase())
        .collect();
    (words, exact)
}

fn first_code(s: &str) -> Option<String> {
    let open = s.find('[')?;
    let close = s[open..].find(']')? + open;
    let inner = s[open + 1..close].trim();
    let code = inner.split_whitespace().next()?.trim_start_matches('~');
    if code.is_empty() || code.chars().any(|c| !c.is_ascii_alphanumeric()) {
        return None;
    }
    Some(code.to_uppercase())
}

impl ActorFinder {
    fn add(&mut self, raw: &str, code: &str, agent: bool) {
        let (words, exact) = phrase_tokens(raw);
        if words.is_empty() || code.is_empty() {
            return;
        }
        let p = Phrase {
            words: words.clone(),
            code: code.to_string(),
            prefix: !exact,
            agent,
        };
        self.by_first.entry(words[0].clone()).or_default().push(p);
    }

    /// Adds a PETRARCH actor dictionary: `NAME [CODE]`, `+SYNONYM` lines, indented `[CODE]`
    /// lines (the first code wins).
    pub fn add_actors(&mut self, text: &str) {
        let mut names: Vec<String> = Vec::new();
        let mut code: Option<String> = None;
        let flush = |names: &mut Vec<String>, code: &mut Option<String>, me: &mut Self| {
            if let Some(c) = code.take() {
                for n in names.iter() {
                    me.add(n, &c, false);
                }
            }
            names.clear();
        };
        for raw in text.lines() {
            if raw.trim_start().starts_with('#') || raw.trim_start().starts_with("<!--") {
                continue;
            }
            let line = raw.split('#').next().unwrap_or("");
            if line.trim().is_empty() {
                continue;
            }
            let indented = line.starts_with([' ', '\t']);
            let t = line.trim();
            if indented && t.starts_with('[') {
                if code.is_none() {
                    code = first_code(t);
                }
            } else if let Some(syn) = t.strip_prefix('+') {
                names.push(syn.split('[').next().unwrap_or("").trim().to_string());
            } else {
                flush(&mut names, &mut code, self);
                let name = t.split('[').next().unwrap_or("").trim().to_string();
                names.push(name);
                code = first_code(t);
            }
        }
        flush(&mut names, &mut code, self);
    }

    /// Adds a PETRARCH agents dictionary: `NAME {PLURALS} [~CODE]`, `!SUBST! = A, B` lines.
    pub fn add_agents(&mut self, text: &str) {
        let mut subst: Vec<(String, Vec<String>)> = Vec::new();
        for raw in text.lines() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() || line.starts_with("<!--") {
                continue;
            }
            if line.starts_with('!') {
                if let Some((name, vals)) = line.split_once('=') {
                    subst.push((
                        name.trim().to_string(),
                        vals.split(',').map(|v| v.trim().to_string()).collect(),
                    ));
                }
                continue;
            }
            let Some(code) = first_code(line) else {
                continue;
            };
            let head = line.split(['[', '{']).next().unwrap_or("").trim();
            let mut names = vec![head.to_string()];
            if let (Some(o), Some(c)) = (line.find('{'), line.find('}')) {
                if o < c {
                    names.extend(line[o + 1..c].split_whitespace().map(str::to_string));
                }
            }
            for n in names {
                if let Some((name, vals)) = subst.iter().find(|(k, _)| n.contains(k.as_str())) {
                    for v in vals {
                        self.add(&n.replace(name.as_str(), &format!("_{v}")), &code, true);
                    }
                } else {
                    self.add(&n, &code, true);
                    // regular plural
                    if !n.ends_with('S') && !n.ends_with('_') {
                        self.add(&format!("{n}S"), &code, true);
                    }
                }
            }
        }
    }

    /// Finds actor mentions: longest match at each token; an agent adjacent to an actor
    /// (before it or after it, `of` allowed) adds its role; lone agents are dropped.
    pub fn find(&self, text: &str) -> Vec<ActorMention> {
        let toks = dyad_nlp::tokenize(text);
        let low: Vec<String> = toks
            .iter()
            .map(|t| t.span.of(text).to_lowercase())
            .collect();
        let mut raw: Vec<(usize, usize, String, bool)> = Vec::new(); // token range, code, agent
        let mut i = 0;
        while i < toks.len() {
            let mut best: Option<(usize, &Phrase)> = None;
            let cands = self.by_first.get(&low[i]).into_iter().flatten();
            for p in cands {
                let n = p.words.len();
                if i + n > toks.len() {
                    continue;
                }
                let ok = p.words.iter().enumerate().all(|(k, w)| {
                    let t = &low[i + k];
                    let last = k + 1 == n;
                    t == w
                        || (last && self.prefixes && p.prefix && t.starts_with(w.as_str()))
                        || (last && !self.prefixes && t.strip_suffix('s') == Some(w.as_str()))
                });
                if ok && best.filter(|(m, _)| n <= *m).is_none() {
                    best = Some((n, p));
                }
            }
            if best.is_none() && self.prefixes {
                // single-word prefix entries ("ARGENTIN" → "Argentine")
                for len in (3..low[i].len()).rev() {
                    if let Some(ps) = low[i].get(..len).and_then(|k| self.by_first.get(k)) {
                        if let Some(p) = ps.iter().find(|p| p.words.len() == 1 && p.prefix) {
                            best = Some((1, p));
                            break;
                        }
                    }
                }
            }
            match best {
                Some((n, p)) => {
                    raw.push((i, i + n, p.code.clone(), p.agent));
                    i += n;
                }
                None => i += 1,
            }
        }
        // merge agents into adjacent actors
        let mut out: Vec<ActorMention> = Vec::new();
        let mut used = vec![false; raw.len()];
        for k in 0..raw.len() {
            if raw[k].3 || used[k] {
                continue;
            }
            let (mut a, mut b, code, _) = raw[k].clone();
            let mut role = String::new();
            if k + 1 < raw.len() && raw[k + 1].3 && !used[k + 1] {
                let gap = raw[k + 1].0 - b;
                if gap == 0
                    || (gap == 1 && matches!(low[b].as_str(), "'" | "’" | "s"))
                    || (gap == 2 && low[b] == "'")
                {
                    role = raw[k + 1].2.clone();
                    b = raw[k + 1].1;
                    used[k + 1] = true;
                }
            }
            if role.is_empty() && k > 0 && raw[k - 1].3 && !used[k - 1] {
                let gap = a - raw[k - 1].1;
                if gap == 1 && low[a - 1] == "of"
                    || gap == 2 && low[a - 1] == "of" && low[a - 2] == "the"
                {
                    role = raw[k - 1].2.clone();
                    a = raw[k - 1].0;
                    used[k - 1] = true;
                }
            }
            let code = if code.len() == 3 && !role.is_empty() {
                format!("{code}{role}")
            } else {
                code
            };
            out.push(ActorMention {
                start: toks[a].span.start,
                end: toks[b - 1].span.end,
                code,
                entity: None,
            });
        }
        out
    }
}

/// Result of running the PETRARCH unit-test suite.
pub struct SuiteResult {
    pub sentences: usize,
    pub passed: usize,
    pub expected_events: usize,
    pub found_events: usize,
    pub predicted_events: usize,
    pub failures: Vec<String>,
}

/// Runs the PETRARCH unit-test records with their toy dictionaries; `None` when absent.
/// A sentence passes when the coded (source, target, code) set equals the expected set.
pub fn petrarch_suite() -> Option<SuiteResult> {
    let d = shared_data()?.join("events/petrarch-unittest");
    let verbs = read(&d.join("PETR.Validate.verbs.txt"))?;
    let mut finder = ActorFinder {
        prefixes: true,
        ..Default::default()
    };
    finder.add_actors(&read(&d.join("PETR.Validate.actors.txt"))?);
    finder.add_agents(&read(&d.join("PETR.Validate.agents.txt"))?);
    let records = read(&d.join("PETR.UnitTest.records.jsonl"))?;
    let coder = dyad_events::EventCoder::from_dictionary(&dyad_events::read_petrarch(&verbs))
        .with_cameo_rules(false);
    let mut r = SuiteResult {
        sentences: 0,
        passed: 0,
        expected_events: 0,
        found_events: 0,
        predicted_events: 0,
        failures: Vec::new(),
    };
    for line in records.lines() {
        let Ok(rec) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let text = rec["text"].as_str().unwrap_or("");
        let mut want: Vec<(String, String, String)> = rec["events"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| {
                let f = |k: &str| e[k].as_str().unwrap_or("").to_string();
                (f("sourcecode"), f("targetcode"), f("eventcode"))
            })
            .collect();
        want.sort();
        want.dedup();
        let events = code_text(&coder, text, &finder.find(text), &NoCodebook);
        let mut got: Vec<(String, String, String)> = events
            .iter()
            .filter(|e| !e.negated)
            .map(|e| {
                (
                    e.source.clone().unwrap_or_default(),
                    e.target.clone().unwrap_or_default(),
                    e.cameo.clone(),
                )
            })
            .collect();
        got.sort();
        got.dedup();
        r.sentences += 1;
        r.expected_events += want.len();
        r.predicted_events += got.len();
        r.found_events += want.iter().filter(|w| got.contains(w)).count();
        if got == want {
            r.passed += 1;
        } else {
            r.failures.push(format!(
                "{}: {}\n   want {:?}\n   got  {:?}",
                rec["id"].as_str().unwrap_or("?"),
                text,
                want,
                got
            ));
        }
    }
    Some(r)
}

/// Codes one text as a single-block article.
pub fn code_text(
    coder: &dyad_events::EventCoder,
    text: &str,
    actors: &[ActorMention],
    book: &dyn Codebook,
) -> Vec<dyad_doc::Event> {
    let blocks = [dyad_doc::Block {
        kind: dyad_doc::BlockKind::Paragraph,
        start: 0,
        end: text.len(),
    }];
    let sentences = dyad_nlp::sentences(text, &blocks);
    let fine = dyad_nlp::fine_tokens(text, &dyad_nlp::tokenize(text));
    coder.code(
        &dyad_events::Inputs {
            text,
            sentences: &sentences,
            fine: &fine,
            actors,
            quotes: &[],
            dates: &[],
            published: None,
        },
        book,
    )
}

/// A country/demonym actor finder for the PLOVER harness: country names from
/// `country_codes.tsv`, names and adjectives from `Phoenix.Countries.actors.txt` (first code
/// of each entry), roles from `Phoenix.agents.txt`.
pub fn country_finder() -> Option<ActorFinder> {
    let d = shared_data()?;
    let mut f = ActorFinder::default();
    f.add_actors(&read(
        &d.join("reference/phoenix/Phoenix.Countries.actors.txt"),
    )?);
    f.add_actors(&read(
        &d.join("reference/phoenix/Phoenix.International.actors.txt"),
    )?);
    f.add_actors(&read(
        &d.join("reference/phoenix/Phoenix.MilNonState.actors.txt"),
    )?);
    for line in read(&d.join("reference/cameo/country_codes.tsv"))?
        .lines()
        .skip(1)
    {
        if let Some((code, name)) = line.split_once('\t') {
            f.add(name, code, false);
        }
    }
    f.add_agents(&read(&d.join("reference/phoenix/Phoenix.agents.txt"))?);
    Some(f)
}

/// One PLOVER gold sentence.
pub struct GoldSentence {
    pub id: String,
    pub text: String,
    pub event: String,
    pub sources: Vec<String>,
    pub targets: Vec<String>,
}

/// The PLOVER GSR sentences, if present.
pub fn plover_gold() -> Option<Vec<GoldSentence>> {
    let d = shared_data()?;
    let v: serde_json::Value =
        serde_json::from_str(&read(&d.join("events/plover-gsr-dev/plover_gsr.json"))?).ok()?;
    let codes = |a: &serde_json::Value| -> Vec<String> {
        let list: Vec<&serde_json::Value> = match a {
            serde_json::Value::Array(x) => x.iter().collect(),
            serde_json::Value::Object(_) => vec![a],
            _ => vec![],
        };
        list.iter()
            .filter_map(|x| x["code"].as_str())
            .filter(|c| !c.is_empty())
            .map(|c| c.chars().take(3).collect::<String>().to_uppercase())
            .collect()
    };
    Some(
        v.as_array()?
            .iter()
            .map(|g| GoldSentence {
                id: g["id"].as_str().unwrap_or("").to_string(),
                text: g["text"].as_str().unwrap_or("").to_string(),
                event: g["event"].as_str().unwrap_or("").to_string(),
                sources: codes(&g["source"]),
                targets: codes(&g["target"]),
            })
            .collect(),
    )
}

/// PLOVER types as the official scorer unifies them.
pub fn canon_plover(t: &str) -> String {
    let t = t.to_uppercase();
    match t.as_str() {
        "DEMAND" => "REQUEST".into(),
        "DISAPPROVE" => "ACCUSE".into(),
        "FIGHT" => "ASSAULT".into(),
        "INVESTIGATE" => "ACCUSE".into(),
        _ => t,
    }
}
