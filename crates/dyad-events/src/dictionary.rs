//! Verb pattern dictionaries: the data model, a reader for the PETRARCH verb-dictionary format
//! and the project's compact one-line-per-item format (`data/verbs/*.tsv`).
//!
//! A dictionary is a set of synonym sets (`&NAME` → member phrases) and verb blocks. A block
//! has a default event code, verbs (each possibly with its own code and irregular forms) and
//! patterns. A pattern lists the words expected before (`pre`) and after (`post`) the verb,
//! with `$` marking the source actor and `+` the target actor.

use std::collections::BTreeMap;

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    /// A word (lower case); matches the token or its plural-stripped stem.
    Word(String),
    /// A synonym set by name (upper case, no `&`).
    Synset(String),
    /// The source actor.
    Source,
    /// The target actor.
    Target,
}

/// An element and whether the next element must follow it immediately (`_` in the source).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub element: Element,
    pub joined_next: bool,
}

/// A pattern: elements before and after the verb, and the code it gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// Event code; `None` means the pattern explicitly codes nothing (`[---]`).
    pub code: Option<String>,
    /// Elements before the verb, in text order.
    pub pre: Vec<Step>,
    /// Elements after the verb, in text order.
    pub post: Vec<Step>,
    /// `%`: conjoined subjects act on each other ("X and Y fought").
    pub reciprocal: bool,
    /// The verb of the block the pattern was written for (its base form, words joined by
    /// `_`), when the source says so; the pattern then applies to that verb only.
    pub verb: Option<String>,
}

/// A verb (or multi-word verb) of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verb {
    /// The words of the base form, lower case.
    pub words: Vec<String>,
    /// Which word inflects.
    pub head: usize,
    /// The verb's own code, overriding the block's default; [`NO_EVENT`] when the verb is
    /// explicitly coded as no event.
    pub code: Option<String>,
    /// Irregular (or explicitly listed) full forms; `Some(empty)` means "do not inflect".
    pub forms: Option<Vec<Vec<String>>>,
}

/// A verb block: verbs sharing a default code and patterns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerbBlock {
    pub code: Option<String>,
    pub verbs: Vec<Verb>,
    pub patterns: Vec<Pattern>,
}

/// A whole verb dictionary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerbDictionary {
    /// Synonym sets: name (upper case, no `&`) → member phrases (lower-case words).
    pub synsets: BTreeMap<String, Vec<Vec<String>>>,
    pub blocks: Vec<VerbBlock>,
}

impl VerbDictionary {
    /// Appends another dictionary (synsets of `other` win on name clashes).
    pub fn extend(&mut self, other: VerbDictionary) {
        self.synsets.extend(other.synsets);
        self.blocks.extend(other.blocks);
    }
}

/// A verb's own code meaning "no event, whatever the block's default".
pub const NO_EVENT: &str = "---";

/// A code as written between brackets: `---` and empty mean none; `A:B` takes `A`, or `B`
/// when `A` is empty.
fn parse_code(raw: &str) -> Option<String> {
    let raw = raw.trim();
    // Most codes are a plain code ("042"), which the general reading below returns as is.
    if !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Some(raw.to_string());
    }
    let first = raw
        .split(':')
        .map(str::trim)
        .find(|p| !p.is_empty() && !p.chars().all(|c| c == '-'))?;
    if first.chars().all(|c| c.is_ascii_alphanumeric()) {
        Some(first.to_string())
    } else {
        None
    }
}

/// A word in lower case, copied as is when it already is (as in the compact format).
fn lower(s: &str) -> String {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        s.to_string()
    } else {
        s.to_lowercase()
    }
}

/// Removes a `#` comment.
fn strip_comment(line: &str) -> &str {
    match line.find('#') {
        Some(i) => &line[..i],
        None => line,
    }
}

/// Splits off a trailing `[code]`; returns the rest and the code field (if any).
fn split_code(line: &str) -> (&str, Option<Option<String>>) {
    if let (Some(open), Some(close)) = (line.rfind('['), line.rfind(']')) {
        if open < close {
            return (&line[..open], Some(parse_code(&line[open + 1..close])));
        }
    }
    (line, None)
}

/// Lower-case words of a phrase written with `_` or spaces; drops empty parts.
fn phrase_words(raw: &str) -> Vec<String> {
    raw.split(['_', ' '])
        .map(|w| w.trim_matches(|c: char| c == '+' || c == '{' || c == '}'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Parses a verb line (`HURRY {HURRIES HURRIED}`, `+ASK_FOR {+ASKED_FOR} [020]`,
/// `KLM_NOP_+RST [002]`).
fn parse_verb(line: &str) -> Option<Verb> {
    let (rest, code) = split_code(line);
    let (phrase, forms) = match (rest.find('{'), rest.rfind('}')) {
        (Some(o), Some(c)) if o < c => {
            let inner = &rest[o + 1..c];
            let forms: Vec<Vec<String>> = inner
                .split_whitespace()
                .map(phrase_words)
                .filter(|f| !f.is_empty())
                .collect();
            (&rest[..o], Some(forms))
        }
        _ => (rest, None),
    };
    let phrase = phrase.trim();
    if phrase.is_empty() {
        return None;
    }
    let parts: Vec<&str> = phrase.split(['_', ' ']).filter(|p| !p.is_empty()).collect();
    let marked = parts
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, p)| p.starts_with('+'))
        .map(|(i, _)| i);
    let words = phrase_words(phrase);
    if words.is_empty() {
        return None;
    }
    let head = marked.unwrap_or(0).min(words.len() - 1);
    let code = match code {
        Some(None) => Some(NO_EVENT.to_string()),
        Some(c) => c,
        None => None,
    };
    Some(Verb {
        words,
        head,
        code,
        forms,
    })
}

/// Parses the part of a pattern line between `-` and `[code]` into pre/post steps.
fn parse_pattern_body(body: &str) -> (Vec<Step>, Vec<Step>, bool, bool) {
    let mut pre = Vec::new();
    let mut post = Vec::new();
    let mut seen_verb = false;
    let mut reciprocal = false;
    for chunk in body.split_whitespace() {
        let mut parts = chunk.split('_').enumerate().peekable();
        while let Some((i, part)) = parts.next() {
            let joined_next = parts.peek().is_some_and(|(_, next)| !next.is_empty());
            let p = part.trim_matches(|c: char| "(){}".contains(c));
            if p.is_empty() {
                continue;
            }
            let element = match p {
                "*" => {
                    seen_verb = true;
                    if let Some(last) = pre.last_mut() {
                        let last: &mut Step = last;
                        last.joined_next = last.joined_next && i > 0;
                    }
                    continue;
                }
                "$" => Element::Source,
                "+" => Element::Target,
                "%" => {
                    reciprocal = true;
                    continue;
                }
                "^" => continue,
                s if s.starts_with('&') => Element::Synset(s[1..].to_uppercase()),
                s => Element::Word(lower(s)),
            };
            let step = Step {
                element,
                joined_next,
            };
            if seen_verb {
                post.push(step);
            } else {
                pre.push(step);
            }
        }
    }
    (pre, post, seen_verb, reciprocal)
}

#[derive(PartialEq)]
enum State {
    Top,
    Synset(String),
    Block,
}

/// Reads a dictionary in the PETRARCH verb-dictionary format: `&NAME` synsets with `+member`
/// lines, `--- NAME [code] ---` block headers, verb lines with optional `{forms}` and `[code]`,
/// and `- … * … [code]` pattern lines. Unknown lines are skipped; the reader never fails.
pub fn read_petrarch(text: &str) -> VerbDictionary {
    let mut dict = VerbDictionary::default();
    let mut state = State::Top;
    let mut in_xml_comment = false;
    for raw in text.lines() {
        let mut line = raw.trim();
        if in_xml_comment {
            if let Some(i) = line.find("-->") {
                in_xml_comment = false;
                line = line[i + 3..].trim();
            } else {
                continue;
            }
        }
        if let Some(i) = line.find("<!--") {
            if let Some(j) = line[i..].find("-->") {
                let rest = line[i + j + 3..].trim();
                if i == 0 && rest.is_empty() {
                    continue;
                }
            } else {
                in_xml_comment = true;
                continue;
            }
        }
        let comment = line.find('#').map(|i| line[i + 1..].trim()).unwrap_or("");
        let line = strip_comment(line).trim();
        if line.is_empty() {
            if matches!(state, State::Synset(_)) {
                state = State::Top;
            }
            continue;
        }
        if line.starts_with("---") {
            let inner = line.trim_matches('-');
            let (_, code) = split_code(inner);
            dict.blocks.push(VerbBlock {
                code: code.flatten(),
                ..Default::default()
            });
            state = State::Block;
            continue;
        }
        if let Some(name) = line.strip_prefix('&') {
            let name = name
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches('_')
                .to_uppercase();
            if !name.is_empty() {
                dict.synsets.entry(name.clone()).or_default();
                state = State::Synset(name);
            }
            continue;
        }
        match &state {
            State::Synset(name) => {
                if let Some(member) = line.strip_prefix('+') {
                    let member = member.trim();
                    let words: Vec<String> = if let Some(inner) = member.strip_prefix('&') {
                        vec![format!("&{}", inner.trim_end_matches('_').to_uppercase())]
                    } else {
                        phrase_words(member)
                    };
                    if !words.is_empty() {
                        dict.synsets.entry(name.clone()).or_default().push(words);
                    }
                } else {
                    state = State::Top;
                }
            }
            State::Block => {
                let Some(block) = dict.blocks.last_mut() else {
                    continue;
                };
                if let Some(body) = line.strip_prefix('-') {
                    let (body, code) = split_code(body);
                    let (pre, post, has_verb, reciprocal) = parse_pattern_body(body);
                    // Phoenix notes the verb a pattern was written for as the comment's first
                    // word ("# RUSH"); keep it when it is a verb of the block.
                    let named = comment
                        .split_whitespace()
                        .next()
                        .map(|w| w.to_lowercase())
                        .filter(|w| block.verbs.iter().any(|v| v.words.join("_") == *w));
                    if has_verb && (!pre.is_empty() || !post.is_empty() || reciprocal) {
                        block.patterns.push(Pattern {
                            code: code.flatten(),
                            pre,
                            post,
                            reciprocal,
                            verb: named,
                        });
                    }
                } else if let Some(v) = parse_verb(line) {
                    block.verbs.push(v);
                }
            }
            State::Top => {}
        }
    }
    dict
}

fn steps_to_text(pre: &[Step], post: &[Step]) -> String {
    fn one(s: &Step) -> String {
        match &s.element {
            Element::Word(w) => w.clone(),
            Element::Synset(n) => format!("&{n}"),
            Element::Source => "$".into(),
            Element::Target => "+".into(),
        }
    }
    fn seq(steps: &[Step], out: &mut String) {
        for s in steps {
            out.push_str(&one(s));
            out.push(if s.joined_next { '_' } else { ' ' });
        }
    }
    let mut out = String::new();
    seq(pre, &mut out);
    out.push('*');
    if !post.is_empty() {
        out.push(' ');
        seq(post, &mut out);
    }
    out.trim_end().to_string()
}

/// Writes a dictionary in the compact format read by [`read_compact`]. Tab-separated, one
/// item a line: `&NAME<TAB>member|member…` (words joined by `_`), `=<TAB>code` (a new block),
/// `v<TAB>words<TAB>head<TAB>code<TAB>forms` (forms `|`-separated, `-` when absent, empty for
/// "do not inflect"), `p<TAB>code<TAB>pattern` (`_` joins words, `*` is the verb). Code `-`
/// means none.
pub fn write_compact(dict: &VerbDictionary) -> String {
    let mut out = String::from("# dyad verb patterns (compact format, see data/verbs/README.md)\n");
    let code = |c: &Option<String>| c.clone().unwrap_or_else(|| "-".into());
    for (name, members) in &dict.synsets {
        let m: Vec<String> = members.iter().map(|w| w.join("_")).collect();
        out.push_str(&format!("&{name}\t{}\n", m.join("|")));
    }
    for b in &dict.blocks {
        out.push_str(&format!("=\t{}\n", code(&b.code)));
        for v in &b.verbs {
            let forms = match &v.forms {
                None => "-".to_string(),
                Some(f) => f.iter().map(|w| w.join("_")).collect::<Vec<_>>().join("|"),
            };
            out.push_str(&format!(
                "v\t{}\t{}\t{}\t{}\n",
                v.words.join("_"),
                v.head,
                code(&v.code),
                forms
            ));
        }
        for p in &b.patterns {
            out.push_str(&format!(
                "p\t{}\t{}{}{}\n",
                code(&p.code),
                if p.reciprocal { "% " } else { "" },
                steps_to_text(&p.pre, &p.post),
                p.verb
                    .as_ref()
                    .map(|v| format!("\t{v}"))
                    .unwrap_or_default()
            ));
        }
    }
    out
}

/// Reads the compact format written by [`write_compact`]. Malformed lines are skipped.
pub fn read_compact(text: &str) -> VerbDictionary {
    let (mut dict, pending) = read_compact_verbs(text);
    for (block, lines) in dict.blocks.iter_mut().zip(&pending) {
        block.patterns = read_compact_patterns(lines);
    }
    dict
}

/// The first fields of a compact line (no line type reads more) and how many it has.
fn compact_fields(line: &str) -> ([&str; 5], usize) {
    let mut f = [""; 5];
    let mut count = 0;
    for (i, field) in line.split('\t').enumerate() {
        if let Some(slot) = f.get_mut(i) {
            *slot = field;
        }
        count += 1;
    }
    (f, count.min(f.len()))
}

/// Words joined by `_` in the compact format.
fn compact_words(s: &str) -> Vec<String> {
    s.split('_')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// [`read_compact`] without the patterns: the synonym sets, blocks and verbs, and for each
/// block its pattern lines, unread, for [`read_compact_patterns`]. Most blocks' patterns are
/// never needed by a run, so the shipped coder reads them when a block is first used.
pub(crate) fn read_compact_verbs(text: &str) -> (VerbDictionary, Vec<Vec<&str>>) {
    let mut dict = VerbDictionary::default();
    let mut pending: Vec<Vec<&str>> = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        // A pattern line (`p`, code, pattern, …) is kept whole for later.
        if let Some(rest) = line.strip_prefix("p\t") {
            if let (Some(lines), true) = (pending.last_mut(), rest.contains('\t')) {
                lines.push(line);
            }
            continue;
        }
        let (f, n) = compact_fields(line);
        let f = &f[..n];
        match f.first().copied() {
            Some(name) if name.starts_with('&') && f.len() >= 2 => {
                let members = f[1]
                    .split('|')
                    .map(compact_words)
                    .filter(|w| !w.is_empty())
                    .collect();
                dict.synsets.insert(name[1..].to_string(), members);
            }
            Some("=") if f.len() >= 2 => {
                dict.blocks.push(VerbBlock {
                    code: parse_code(f[1]),
                    ..Default::default()
                });
                pending.push(Vec::new());
            }
            Some("v") if f.len() >= 5 => {
                let Some(block) = dict.blocks.last_mut() else {
                    continue;
                };
                let w = compact_words(f[1]);
                if w.is_empty() {
                    continue;
                }
                let head = f[2].parse::<usize>().unwrap_or(0).min(w.len() - 1);
                let forms = match f[4] {
                    "-" => None,
                    s => Some(
                        s.split('|')
                            .map(compact_words)
                            .filter(|w| !w.is_empty())
                            .collect(),
                    ),
                };
                block.verbs.push(Verb {
                    words: w,
                    head,
                    code: if f[3] == NO_EVENT {
                        Some(NO_EVENT.to_string())
                    } else {
                        parse_code(f[3])
                    },
                    forms,
                });
            }
            _ => {}
        }
    }
    (dict, pending)
}

/// The patterns of a block's compact `p` lines, in order.
pub(crate) fn read_compact_patterns(lines: &[&str]) -> Vec<Pattern> {
    lines
        .iter()
        .filter_map(|line| {
            let (f, n) = compact_fields(line);
            let f = &f[..n];
            if f.len() < 3 || f[0] != "p" {
                return None;
            }
            let (pre, post, has_verb, reciprocal) = parse_pattern_body(f[2]);
            has_verb.then(|| Pattern {
                code: parse_code(f[1]),
                pre,
                post,
                reciprocal,
                verb: f.get(3).filter(|v| !v.is_empty()).map(|v| v.to_string()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "<!-- header -->\n&CURRENCY\n+DOLLARS\n+SWISS FRANCS\n\n\
        --- ATTACK [190] ---\nATTACK\nSHOOT {SHOT SHOOTING SHOOTS} [180]\n+ASK_FOR {+ASKED_FOR} [020]\n\
        - * (AGAINST +) [193] # ATTACK\n- FAILED_TO_* [---]\n- $ * &CURRENCY [072:073]\n";

    #[test]
    fn reads_synsets_blocks_verbs_and_patterns() {
        let d = read_petrarch(SAMPLE);
        assert_eq!(
            d.synsets["CURRENCY"],
            vec![
                vec!["dollars".to_string()],
                vec!["swiss".into(), "francs".into()]
            ]
        );
        assert_eq!(d.blocks.len(), 1);
        let b = &d.blocks[0];
        assert_eq!(b.code.as_deref(), Some("190"));
        assert_eq!(b.verbs.len(), 3);
        assert_eq!(b.verbs[1].code.as_deref(), Some("180"));
        assert_eq!(b.verbs[1].forms.as_ref().map(|f| f.len()), Some(3));
        assert_eq!(b.verbs[2].words, vec!["ask", "for"]);
        assert_eq!(b.patterns.len(), 3);
        assert_eq!(b.patterns[0].code.as_deref(), Some("193"));
        assert_eq!(b.patterns[0].verb.as_deref(), Some("attack"));
        assert_eq!(b.patterns[1].verb, None);
        assert_eq!(
            b.patterns[0].post,
            vec![
                Step {
                    element: Element::Word("against".into()),
                    joined_next: false
                },
                Step {
                    element: Element::Target,
                    joined_next: false
                }
            ]
        );
        assert_eq!(b.patterns[1].code, None);
        assert!(b.patterns[1].pre[0].joined_next);
        assert_eq!(b.patterns[2].code.as_deref(), Some("072"));
        assert_eq!(b.patterns[2].pre[0].element, Element::Source);
    }

    #[test]
    fn marked_head_of_multiword_verb() {
        let v = parse_verb("KLM_NOP_+RST [002]").unwrap();
        assert_eq!(v.words, vec!["klm", "nop", "rst"]);
        assert_eq!(v.head, 2);
        assert_eq!(v.code.as_deref(), Some("002"));
    }

    #[test]
    fn compact_round_trip() {
        let d = read_petrarch(SAMPLE);
        let c = write_compact(&d);
        assert_eq!(read_compact(&c), d);
    }

    #[test]
    fn codes() {
        assert_eq!(parse_code("---"), None);
        assert_eq!(parse_code(":173"), Some("173".into()));
        assert_eq!(parse_code("042:043"), Some("042".into()));
        assert_eq!(parse_code("075A"), Some("075A".into()));
    }
}
