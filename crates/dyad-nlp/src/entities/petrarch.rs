//! Readers for the PETRARCH/TABARI dictionary formats, so that existing actor and agent
//! dictionaries (such as the Phoenix set) load as they are.
//!
//! Actors: an entry is a phrase (words joined by `_`, an optional trailing `_`), optionally
//! followed on the same line by a code `[CODE]`; `+SYNONYM` lines add names; indented
//! `[CODE DATES]` lines add codes, where DATES is `FROM-TO`, `>FROM` or `<TO` (dates as
//! `YYMMDD` or `YYYYMMDD`). `#` starts a comment; `<!-- … -->` blocks are skipped.
//!
//! Agents: `PHRASE {PLURALS} [~CODE]` (a role appended after a country code) or `[CODE~]`
//! (a role put before it); `!SET! = A, B` defines a substitution set used as `!SET!`.

use super::lexicon::DatedCode;

/// One actor of a PETRARCH actor dictionary: its names and its (possibly dated) codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PetrarchActor {
    /// Names as written in the text: words separated by spaces, in the dictionary's case.
    pub names: Vec<String>,
    pub codes: Vec<DatedCode>,
}

/// One agent (role) phrase of a PETRARCH agent dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PetrarchAgent {
    /// The phrase, words separated by spaces.
    pub phrase: String,
    /// The role code without its `~` marker (`GOV`, `MED`, …).
    pub code: String,
}

/// Reads a PETRARCH actor dictionary. Malformed lines are skipped, never fatal.
pub fn parse_actors(src: &str) -> Vec<PetrarchActor> {
    let mut out: Vec<PetrarchActor> = Vec::new();
    let mut in_xml_comment = false;
    for raw in src.lines() {
        let line = strip_xml_comment(raw, &mut in_xml_comment);
        let line = strip_hash_comment(&line);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let indented = line.starts_with(|c: char| c.is_whitespace());
        if trimmed.starts_with('[') && (indented || !out.is_empty()) {
            if let Some(last) = out.last_mut() {
                last.codes.extend(parse_code_brackets(trimmed));
            }
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix('+') {
            let (name, codes) = split_name_codes(rest);
            if let Some(last) = out.last_mut() {
                if let Some(n) = name {
                    last.names.push(n);
                }
                last.codes.extend(codes);
            }
            continue;
        }
        let (name, codes) = split_name_codes(trimmed);
        let Some(n) = name else { continue };
        // Phrases written one under another before any code are one actor's names (the
        // Phoenix files list spellings of a leader that way); the codes below serve them all.
        match out.last_mut() {
            Some(last) if last.codes.is_empty() && codes.is_empty() => last.names.push(n),
            _ => out.push(PetrarchActor {
                names: vec![n],
                codes,
            }),
        }
    }
    out.retain(|a| !a.codes.is_empty() && !a.names.is_empty());
    out
}

/// Reads a PETRARCH agent dictionary, expanding substitution sets. Malformed lines are skipped.
pub fn parse_agents(src: &str) -> Vec<PetrarchAgent> {
    let mut sets: Vec<(String, Vec<String>)> = Vec::new();
    let mut out = Vec::new();
    let mut in_xml_comment = false;
    for raw in src.lines() {
        let line = strip_xml_comment(raw, &mut in_xml_comment);
        let line = strip_hash_comment(&line);
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('!') {
            if let Some((name, members)) = t.split_once('=') {
                let members = members
                    .split(',')
                    .map(|m| m.trim().to_string())
                    .filter(|m| !m.is_empty())
                    .collect();
                sets.push((name.trim().to_string(), members));
                continue;
            }
        }
        let Some(open) = t.find('[') else { continue };
        let Some(close) = t[open..].find(']') else {
            continue;
        };
        let code = t[open + 1..open + close].trim().replace('~', "");
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        let mut phrase = t[..open].to_string();
        if let Some(b) = phrase.find('{') {
            phrase.truncate(b);
        }
        for expanded in expand_sets(phrase.trim(), &sets) {
            let words = words_of(&expanded);
            if !words.is_empty() {
                out.push(PetrarchAgent {
                    phrase: words,
                    code: code.clone(),
                });
            }
        }
    }
    out
}

fn expand_sets(phrase: &str, sets: &[(String, Vec<String>)]) -> Vec<String> {
    for (name, members) in sets {
        if phrase.contains(name.as_str()) {
            return members
                .iter()
                .flat_map(|m| expand_sets(&phrase.replacen(name.as_str(), m, 1), sets))
                .collect();
        }
    }
    vec![phrase.to_string()]
}

/// Turns `NAME_WITH_UNDERSCORES_` into `NAME WITH UNDERSCORES`.
fn words_of(phrase: &str) -> String {
    phrase
        .split(['_', ' '])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn split_name_codes(s: &str) -> (Option<String>, Vec<DatedCode>) {
    let (name_part, code_part) = match s.find('[') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    let words = words_of(name_part.trim());
    let name = (!words.is_empty()).then_some(words);
    (name, parse_code_brackets(code_part))
}

fn parse_code_brackets(s: &str) -> Vec<DatedCode> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let Some(len) = rest[open..].find(']') else {
            break;
        };
        if let Some(c) = parse_dated_code(&rest[open + 1..open + len]) {
            out.push(c);
        }
        rest = &rest[open + len + 1..];
    }
    out
}

/// Parses `CODE`, `CODE FROM-TO`, `CODE >FROM` or `CODE <TO`.
fn parse_dated_code(inner: &str) -> Option<DatedCode> {
    let mut parts = inner.split_whitespace();
    let code = parts.next()?.to_ascii_uppercase();
    if code == "---" || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let (mut from, mut to) = (None, None);
    if let Some(range) = parts.next() {
        if let Some(f) = range.strip_prefix('>') {
            from = parse_date(f);
        } else if let Some(t) = range.strip_prefix('<') {
            to = parse_date(t);
        } else if let Some((f, t)) = range.split_once('-') {
            from = parse_date(f);
            to = parse_date(t);
        }
    }
    Some(DatedCode { code, from, to })
}

/// `YYMMDD` (years before 30 are 20xx) or `YYYYMMDD` → `yyyymmdd` as a number.
fn parse_date(s: &str) -> Option<u32> {
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: u32 = s.parse().ok()?;
    match s.len() {
        6 => {
            let yy = n / 10_000;
            let century = if yy < 30 { 20_000_000 } else { 19_000_000 };
            Some(century + n)
        }
        8 => Some(n),
        // Some entries carry a 7-digit slip (`2004017`): read it as YYYYMM + one day digit.
        7 => Some((n / 10) * 100 + n % 10),
        _ => None,
    }
}

fn strip_hash_comment(line: &str) -> String {
    match line.find('#') {
        Some(i) => line[..i].to_string(),
        None => line.to_string(),
    }
}

fn strip_xml_comment(line: &str, inside: &mut bool) -> String {
    let mut out = String::new();
    let mut rest = line;
    loop {
        if *inside {
            match rest.find("-->") {
                Some(i) => {
                    *inside = false;
                    rest = &rest[i + 3..];
                }
                None => return out,
            }
        } else {
            match rest.find("<!--") {
                Some(i) => {
                    out.push_str(&rest[..i]);
                    *inside = true;
                    rest = &rest[i + 4..];
                }
                None => {
                    out.push_str(rest);
                    return out;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_block_entries_with_synonyms_and_dates() {
        let src = "# comment\nBENJAMIN_NETANYAHU_  # note\n+NETANYAHU\n\t[ISRGOV 960618-990706]\n\t[ISRGOV >090401]\n\t[ISRELI]\nHAMAS [PSEREBHMS]\n";
        let a = parse_actors(src);
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].names, vec!["BENJAMIN NETANYAHU", "NETANYAHU"]);
        assert_eq!(a[0].codes.len(), 3);
        assert_eq!(a[0].codes[0].from, Some(19960618));
        assert_eq!(a[0].codes[0].to, Some(19990706));
        assert_eq!(a[0].codes[1].from, Some(20090401));
        assert_eq!(a[0].codes[1].to, None);
        assert_eq!(a[1].codes[0].code, "PSEREBHMS");
    }

    #[test]
    fn phrases_stacked_before_the_codes_are_one_actors_names() {
        let src = "ANNA_ROE_\nANNA_B._ROE\nROE\n\t[XYZGOV 900101-991231]\nBEN_DOE_\n+DOE\n\t[XYZELI]\nCARL_POE [XYZ]\nDORA_POE\n\t[XYZMED]\n";
        let a = parse_actors(src);
        let names: Vec<_> = a.iter().map(|a| a.names.join("|")).collect();
        assert_eq!(
            names,
            vec![
                "ANNA ROE|ANNA B. ROE|ROE",
                "BEN DOE|DOE",
                "CARL POE",
                "DORA POE"
            ]
        );
        assert_eq!(a[0].codes.len(), 1);
        assert_eq!(a[3].codes[0].code, "XYZMED");
    }

    #[test]
    fn skips_xml_comments_and_entries_without_codes() {
        let src = "<!-- HEADER\nFOO [BAR]\n-->\nLONELY_\nAUSTRALIA [AUS]\n+AUSTRALIAN\n";
        let a = parse_actors(src);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].names, vec!["AUSTRALIA", "AUSTRALIAN"]);
    }

    #[test]
    fn reads_agents_with_sets_and_plurals() {
        let src = "!PERSON! = MAN, WOMAN\nEDITOR_IN_CHIEF {EDITORS_IN_CHIEF} [~MED] # x\nCONGRESS!PERSON! [~LEG]\nBAD [~]\n";
        let a = parse_agents(src);
        let phrases: Vec<_> = a
            .iter()
            .map(|x| (x.phrase.as_str(), x.code.as_str()))
            .collect();
        assert_eq!(
            phrases,
            vec![
                ("EDITOR IN CHIEF", "MED"),
                ("CONGRESSMAN", "LEG"),
                ("CONGRESSWOMAN", "LEG")
            ]
        );
    }

    fn shared_file(name: &str) -> Option<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/events/petrarch-unittest");
        std::fs::read_to_string(dir.join(name)).ok()
    }

    #[test]
    fn reads_the_petrarch_validation_dictionaries() {
        let (Some(actors), Some(agents)) = (
            shared_file("PETR.Validate.actors.txt"),
            shared_file("PETR.Validate.agents.txt"),
        ) else {
            eprintln!("skipped: PETRARCH validation dictionaries not found");
            return;
        };
        let a = parse_actors(&actors);
        let find = |n: &str| a.iter().find(|x| x.names.iter().any(|m| m == n));
        assert_eq!(
            find("HAMAS").map(|x| x.codes[0].code.as_str()),
            Some("PSEREBHMS")
        );
        assert_eq!(
            find("AUSTRALIAN").map(|x| x.codes[0].code.as_str()),
            Some("AUS")
        );
        assert!(a.len() > 100, "{} actors", a.len());
        let g = parse_agents(&agents);
        let code = |p: &str| g.iter().find(|x| x.phrase == p).map(|x| x.code.as_str());
        assert_eq!(code("FOREIGN MINISTER"), Some("GOVFRM"));
        assert_eq!(code("CONGRESSMAN"), Some("LEG"));
        let mut lex = super::super::lexicon::Lexicon::default();
        assert_eq!(lex.add_petrarch_actors(&actors), a.len());
        assert!(!lex.lookup("hamas").is_empty());
    }

    #[test]
    fn garbage_never_panics() {
        for s in ["[", "+", "\t[X 99-", "A [B >x]", "!X! =", "]]]["] {
            let _ = parse_actors(s);
            let _ = parse_agents(s);
        }
    }
}
