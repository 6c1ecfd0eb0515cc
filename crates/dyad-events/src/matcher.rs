//! Compiled verb patterns: a hash index from every inflected form of every verb (first word
//! of multi-word verbs) to its entries, and the matching of a block's patterns around a verb
//! occurrence in a sentence view.

use crate::fasthash::{word_hash, ByHash, HashedWords, WordMap};

use std::sync::OnceLock;

use crate::dictionary::{read_compact_patterns, Element, Pattern, Step, VerbDictionary};
use crate::forms::{Form, FormIndex};
use crate::inflect::stem;
use crate::sentence::Tok;

/// How far (in tokens) a pattern element may be from the previous one.
const GAP: usize = 6;
/// How deep synonym sets may nest.
const SYNSET_DEPTH: usize = 4;

#[derive(Debug, Clone)]
struct Word {
    low: String,
    stem: String,
    /// [`word_hash`] of `low` and of `stem`.
    low_hash: u64,
    stem_hash: u64,
}

impl Word {
    fn new(w: &str) -> Self {
        let stem = stem(w);
        Word {
            low_hash: word_hash(w),
            stem_hash: word_hash(&stem),
            low: w.to_string(),
            stem,
        }
    }
    fn matches(&self, t: &Tok) -> bool {
        !t.punct && (t.low == self.low || t.stem == self.stem)
    }
}

/// The [`word_hash`]es of a pattern word's lower-case form and of its stem.
#[derive(Debug, Clone, Copy)]
struct WordHashes {
    low: u64,
    stem: u64,
}

#[derive(Debug, Clone)]
enum CElem {
    Word(Word),
    /// Index into the compiled synsets.
    Synset(usize),
    Source,
    Target,
}

#[derive(Debug, Clone)]
struct CStep {
    elem: CElem,
    joined_next: bool,
}

#[derive(Debug, Clone)]
struct CPattern {
    /// The verb (base form) the pattern is restricted to.
    verb: Option<String>,
    /// Words the sentence must contain for the pattern to match (low or stem forms), by
    /// their [`word_hash`]es.
    required: Vec<WordHashes>,
    code: Option<String>,
    reciprocal: bool,
    pre: Vec<CStep>,
    post: Vec<CStep>,
}

#[derive(Debug, Clone)]
struct CBlock {
    patterns: Vec<CPattern>,
    /// Patterns without a required word (tried for every occurrence).
    always: Vec<usize>,
    /// Patterns by their first required word (low and stem forms, by [`word_hash`]).
    by_word: ByHash<Vec<usize>>,
}

/// A compiled synonym set: members indexed by their first and by their last word (low and
/// stem forms), so that matching at a position is a lookup.
#[derive(Debug, Clone, Default)]
struct Synset {
    by_first: WordMap<String, Vec<Vec<Word>>>,
    by_last: WordMap<String, Vec<Vec<Word>>>,
}

impl Synset {
    fn new(members: Vec<Vec<Word>>) -> Self {
        let mut s = Synset::default();
        for m in members {
            let (Some(f), Some(l)) = (m.first(), m.last()) else {
                continue;
            };
            let keys_f = [f.low.clone(), f.stem.clone()];
            let keys_l = [l.low.clone(), l.stem.clone()];
            for k in dedup2(keys_f) {
                s.by_first.entry(k).or_default().push(m.clone());
            }
            for k in dedup2(keys_l) {
                s.by_last.entry(k).or_default().push(m.clone());
            }
        }
        s
    }
    fn starting_at<'a>(&'a self, t: &Tok) -> impl Iterator<Item = &'a Vec<Word>> {
        by_form(&self.by_first, t)
    }
    fn ending_at<'a>(&'a self, t: &Tok) -> impl Iterator<Item = &'a Vec<Word>> {
        by_form(&self.by_last, t)
    }
}

/// The entries of `map` under a token's lower-cased form and, when it differs, its stem.
fn by_form<'a>(
    map: &'a WordMap<String, Vec<Vec<Word>>>,
    t: &Tok,
) -> impl Iterator<Item = &'a Vec<Word>> {
    let stem = (t.stem != t.low)
        .then(|| map.get(t.stem.as_str()))
        .flatten();
    map.get(t.low.as_str()).into_iter().chain(stem).flatten()
}

fn dedup2([a, b]: [String; 2]) -> Vec<String> {
    if a == b {
        vec![a]
    } else {
        vec![a, b]
    }
}

/// A verb pattern dictionary compiled for matching. The form index is built at once; a
/// block's patterns and a synonym set are compiled when a sentence first needs them, so that
/// a process pays only for the verbs its articles use.
#[derive(Debug, Clone, Default)]
pub struct CompiledVerbs {
    dict: VerbDictionary,
    /// Per block, pattern lines in the compact format that are read when the block is first
    /// compiled, after the block's own patterns (see [`CompiledVerbs::with_pending`]).
    pending: Vec<Vec<&'static str>>,
    /// Synonym set name → its number (dictionary order).
    synset_ids: WordMap<String, usize>,
    synset_names: Vec<String>,
    synsets: Vec<OnceLock<Synset>>,
    blocks: Vec<OnceLock<CBlock>>,
    /// Every surface form of every verb, by first word.
    index: FormIndex,
}

/// The best pattern so far: score (pattern words, then compactness), pattern, source and
/// target tokens, extent.
type Best<'a> = (
    (usize, usize),
    &'a CPattern,
    Option<usize>,
    Option<usize>,
    usize,
    usize,
);

/// A verb found in a sentence view.
#[derive(Debug, Clone)]
pub(crate) struct VerbHit {
    pub first: usize,
    pub last: usize,
    /// Every form (block, verb and base form) the words are, in dictionary order.
    entries: Vec<Form>,
    pub past: bool,
}

impl VerbHit {
    /// A hit for a word that is not in the dictionary but carries an event by rule.
    pub(crate) fn synthetic(at: usize) -> Self {
        VerbHit {
            first: at,
            last: at,
            entries: Vec::new(),
            past: false,
        }
    }
}

/// The outcome of coding one verb occurrence.
#[derive(Debug, Clone)]
pub(crate) struct Coded {
    pub code: String,
    /// Whether a pattern (not only the verb's default) gave the code.
    pub by_pattern: bool,
    /// Token index of the source actor the pattern marked.
    pub source: Option<usize>,
    /// Token index of the target actor the pattern marked.
    pub target: Option<usize>,
    /// Lowest and highest token index the match covered.
    pub lo: usize,
    pub hi: usize,
    /// The pattern marks conjoined subjects as acting on each other (`%`).
    pub reciprocal: bool,
}

fn resolve_synset(dict: &VerbDictionary, name: &str, depth: usize, out: &mut Vec<Vec<String>>) {
    if depth > SYNSET_DEPTH {
        return;
    }
    let Some(members) = dict.synsets.get(name) else {
        return;
    };
    for m in members {
        if m.len() == 1 && m[0].starts_with('&') {
            resolve_synset(dict, &m[0][1..], depth + 1, out);
        } else {
            out.push(m.clone());
        }
    }
}

/// Compiles a block's patterns; a pattern naming an unknown synonym set is left out.
fn compile_block(source: &[Pattern], synset_ids: &WordMap<String, usize>) -> CBlock {
    let conv = |steps: &[Step]| -> Option<Vec<CStep>> {
        steps
            .iter()
            .map(|s| {
                let elem = match &s.element {
                    Element::Word(w) => CElem::Word(Word::new(w)),
                    Element::Synset(n) => CElem::Synset(*synset_ids.get(n)?),
                    Element::Source => CElem::Source,
                    Element::Target => CElem::Target,
                };
                Some(CStep {
                    elem,
                    joined_next: s.joined_next,
                })
            })
            .collect()
    };
    let patterns: Vec<CPattern> = source
        .iter()
        .filter_map(|p| {
            let pre = conv(&p.pre)?;
            let post = conv(&p.post)?;
            let required = pre
                .iter()
                .chain(&post)
                .filter_map(|s| match &s.elem {
                    CElem::Word(w) => Some(WordHashes {
                        low: w.low_hash,
                        stem: w.stem_hash,
                    }),
                    _ => None,
                })
                .collect();
            Some(CPattern {
                verb: p.verb.clone(),
                required,
                code: p.code.clone(),
                reciprocal: p.reciprocal,
                pre,
                post,
            })
        })
        .collect();
    let mut always = Vec::new();
    let mut by_word: ByHash<Vec<usize>> = ByHash::default();
    for (k, p) in patterns.iter().enumerate() {
        match p.required.first() {
            None => always.push(k),
            Some(w) => {
                by_word.entry(w.low).or_default().push(k);
                if w.stem != w.low {
                    by_word.entry(w.stem).or_default().push(k);
                }
            }
        }
    }
    CBlock {
        patterns,
        always,
        by_word,
    }
}

impl CompiledVerbs {
    /// Compiles a dictionary: inflects every verb and indexes its forms.
    pub fn compile(dict: &VerbDictionary) -> Self {
        Self::new(dict.clone())
    }

    /// [`CompiledVerbs::compile`], taking the dictionary.
    pub fn new(dict: VerbDictionary) -> Self {
        Self::with_pending(dict, Vec::new())
    }

    /// A dictionary whose blocks have more patterns still to read: `pending[b]` holds block
    /// `b`'s pattern lines in the compact format ([`crate::dictionary::read_compact_verbs`]),
    /// read when the block is first compiled; blocks past the end of `pending` have none.
    pub(crate) fn with_pending(dict: VerbDictionary, pending: Vec<Vec<&'static str>>) -> Self {
        let synset_names: Vec<String> = dict.synsets.keys().cloned().collect();
        let synset_ids = synset_names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i))
            .collect();
        let index = FormIndex::new(&dict);
        CompiledVerbs {
            synsets: synset_names.iter().map(|_| OnceLock::new()).collect(),
            blocks: dict.blocks.iter().map(|_| OnceLock::new()).collect(),
            dict,
            pending,
            synset_ids,
            synset_names,
            index,
        }
    }

    /// A form's verb's own code.
    fn verb_code(&self, f: &Form) -> &Option<String> {
        static NONE: Option<String> = None;
        self.dict
            .blocks
            .get(f.block())
            .and_then(|b| b.verbs.get(f.verb()))
            .map_or(&NONE, |v| &v.code)
    }

    /// A block's compiled patterns.
    fn block(&self, b: usize) -> Option<&CBlock> {
        let source = self.dict.blocks.get(b)?;
        let compiled = self.blocks.get(b)?;
        Some(compiled.get_or_init(
            || match self.pending.get(b).filter(|lines| !lines.is_empty()) {
                Some(lines) => {
                    let mut patterns = source.patterns.clone();
                    patterns.extend(read_compact_patterns(lines));
                    compile_block(&patterns, &self.synset_ids)
                }
                None => compile_block(&source.patterns, &self.synset_ids),
            },
        ))
    }

    /// A compiled synonym set, by number.
    fn synset(&self, k: usize) -> Option<&Synset> {
        let name = self.synset_names.get(k)?;
        Some(self.synsets.get(k)?.get_or_init(|| {
            let mut members = Vec::new();
            resolve_synset(&self.dict, name, 0, &mut members);
            Synset::new(
                members
                    .iter()
                    .map(|m| m.iter().map(|w| Word::new(w)).collect())
                    .collect(),
            )
        }))
    }

    /// Number of indexed surface forms.
    pub fn form_count(&self) -> usize {
        self.index.len()
    }

    /// The default code of a single-word verb form (`accused` → the code of ACCUSE), if any.
    pub fn word_code(&self, form: &str) -> Option<String> {
        let f = self
            .index
            .starting_with(form)
            .iter()
            .find(|f| f.len() == 1 && self.index.words_of(f).eq([form]))?;
        self.verb_code(f)
            .clone()
            .or_else(|| self.dict.blocks.get(f.block())?.code.clone())
            .filter(|c| c != crate::dictionary::NO_EVENT)
    }

    /// Every verb occurrence in a sentence view, left to right, not overlapping.
    pub(crate) fn hits(&self, toks: &[Tok]) -> Vec<VerbHit> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            if t.punct || t.actor.is_some() {
                i += 1;
                continue;
            }
            let mut found: Option<(usize, Vec<&Form>)> = None;
            for f in self.index.starting_with(t.low.as_str()) {
                if found.as_ref().is_some_and(|(len, _)| f.len() < *len) {
                    break;
                }
                if i + f.len() <= toks.len()
                    && self
                        .index
                        .words_of(f)
                        .zip(&toks[i..])
                        .all(|(w, t)| !t.punct && t.low == w)
                {
                    found.get_or_insert_with(|| (f.len(), Vec::new())).1.push(f);
                }
            }
            match found {
                Some((len, forms)) => {
                    out.push(VerbHit {
                        first: i,
                        last: i + len - 1,
                        entries: forms.iter().map(|&&f| f).collect(),
                        past: forms.iter().any(|f| f.past),
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Codes one verb occurrence: the best-matching pattern of its block, else the verb's or
    /// the block's default code. `None` when nothing codes it (or a pattern codes it `---`).
    pub(crate) fn code(&self, toks: &[Tok], hit: &VerbHit, words: &HashedWords) -> Option<Coded> {
        let mut best: Option<Best> = None;
        let mut cands: Vec<usize> = Vec::new();
        for f in &hit.entries {
            let lemma = self.index.lemma(f);
            let Some(block) = self.block(f.block()) else {
                continue;
            };
            cands.clear();
            cands.extend_from_slice(&block.always);
            // Through the smaller of the two: most blocks have fewer first words than a
            // sentence has words.
            if block.by_word.len() < words.len() {
                for (w, ks) in &block.by_word {
                    if words.contains(w) {
                        cands.extend_from_slice(ks);
                    }
                }
            } else {
                for w in words {
                    if let Some(ks) = block.by_word.get(w) {
                        cands.extend_from_slice(ks);
                    }
                }
            }
            cands.sort_unstable();
            cands.dedup();
            for p in cands
                .iter()
                .filter_map(|&k| block.patterns.get(k))
                .filter(|p| p.verb.as_deref().filter(|&v| v != lemma).is_none())
            {
                if !p
                    .required
                    .iter()
                    .all(|w| words.contains(&w.low) || words.contains(&w.stem))
                {
                    continue;
                }
                let mut roles = (None, None);
                let Some((pre_n, lo)) = self.match_pre(toks, hit.first, &p.pre, &mut roles) else {
                    continue;
                };
                let Some((post_n, hi)) = self.match_post(toks, hit.last + 1, &p.post, &mut roles)
                else {
                    continue;
                };
                // More pattern words win; among equals, the pattern whose words lie
                // closest to the verb ("issued an ultimatum … to halt attacks": the
                // ultimatum, not the attacks).
                let score = (
                    pre_n + post_n,
                    usize::MAX - (hi.max(hit.last) - lo.min(hit.first)),
                );
                if best.as_ref().filter(|b| score <= b.0).is_none() {
                    best = Some((score, p, roles.0, roles.1, lo, hi));
                }
            }
        }
        if let Some((_, p, source, target, lo, hi)) = best {
            return p.code.clone().map(|code| Coded {
                code,
                by_pattern: true,
                source,
                target,
                lo: lo.min(hit.first),
                hi: hi.max(hit.last),
                reciprocal: p.reciprocal,
            });
        }
        let default = hit.entries.iter().find_map(|f| {
            self.verb_code(f)
                .clone()
                .or_else(|| self.dict.blocks.get(f.block()).and_then(|k| k.code.clone()))
        })?;
        if default == crate::dictionary::NO_EVENT {
            return None;
        }
        Some(Coded {
            code: default,
            by_pattern: false,
            source: None,
            target: None,
            lo: hit.first,
            hi: hit.last,
            reciprocal: false,
        })
    }

    /// Length (tokens) of `elem` matching forward at `p`, recording actor roles.
    fn elem_at(
        &self,
        toks: &[Tok],
        p: usize,
        elem: &CElem,
        roles: &mut (Option<usize>, Option<usize>),
    ) -> Option<usize> {
        let t = toks.get(p)?;
        match elem {
            CElem::Word(w) => w.matches(t).then_some(1),
            CElem::Synset(k) => self.synset(*k)?.starting_at(t).find_map(|m| {
                (p + m.len() <= toks.len() && m.iter().zip(&toks[p..]).all(|(w, t)| w.matches(t)))
                    .then_some(m.len())
            }),
            CElem::Source | CElem::Target => {
                let a = t.actor?;
                let mut q = p;
                while q < toks.len() && toks[q].actor == Some(a) {
                    q += 1;
                }
                if matches!(elem, CElem::Source) {
                    roles.0 = Some(p);
                } else {
                    roles.1 = Some(p);
                }
                Some(q - p)
            }
        }
    }

    /// Length of `elem` matching backward so that it ends at `p` (inclusive).
    fn elem_ending_at(
        &self,
        toks: &[Tok],
        p: usize,
        elem: &CElem,
        roles: &mut (Option<usize>, Option<usize>),
    ) -> Option<usize> {
        match elem {
            CElem::Synset(k) => self.synset(*k)?.ending_at(toks.get(p)?).find_map(|m| {
                let n = m.len();
                (n <= p + 1
                    && m.iter()
                        .zip(&toks[p + 1 - n..=p])
                        .all(|(w, t)| w.matches(t)))
                .then_some(n)
            }),
            CElem::Source | CElem::Target => {
                let a = toks.get(p)?.actor?;
                let mut q = p;
                while q > 0 && toks[q - 1].actor == Some(a) {
                    q -= 1;
                }
                if matches!(elem, CElem::Source) {
                    roles.0 = Some(q);
                } else {
                    roles.1 = Some(q);
                }
                Some(p + 1 - q)
            }
            CElem::Word(_) => self.elem_at(toks, p, elem, roles),
        }
    }

    /// Matches `steps` after the verb, starting at `start`; returns (score, last token).
    fn match_post(
        &self,
        toks: &[Tok],
        start: usize,
        steps: &[CStep],
        roles: &mut (Option<usize>, Option<usize>),
    ) -> Option<(usize, usize)> {
        let mut pos = start;
        let mut last = start.saturating_sub(1);
        let mut joined = false;
        for s in steps {
            let limit = if joined { pos } else { pos + GAP };
            let mut found = None;
            let mut p = pos;
            while p <= limit && p < toks.len() {
                if is_hard_boundary(&toks[p]) || opens_clause(&toks[p]) {
                    break;
                }
                if let Some(n) = self.elem_at(toks, p, &s.elem, roles) {
                    found = Some((p, n));
                    break;
                }
                p += 1;
            }
            let (p, n) = found?;
            pos = p + n;
            last = pos - 1;
            joined = s.joined_next;
        }
        Some((steps.len(), last))
    }

    /// Matches `steps` before the verb, which starts at `verb_first`; returns (score, first token).
    fn match_pre(
        &self,
        toks: &[Tok],
        verb_first: usize,
        steps: &[CStep],
        roles: &mut (Option<usize>, Option<usize>),
    ) -> Option<(usize, usize)> {
        // `end` is one past the token where the next (leftward) element must end.
        let mut end = verb_first;
        let mut first = verb_first;
        for s in steps.iter().rev() {
            if end == 0 {
                return None;
            }
            let max_gap = if s.joined_next { 0 } else { GAP };
            let mut found = None;
            let mut p = end - 1;
            loop {
                if is_hard_boundary(&toks[p]) {
                    break;
                }
                if let Some(n) = self.elem_ending_at(toks, p, &s.elem, roles) {
                    found = Some(p + 1 - n);
                    break;
                }
                if p == 0 || end - 1 - p >= max_gap {
                    break;
                }
                p -= 1;
            }
            let q = found?;
            end = q;
            first = q;
        }
        Some((steps.len(), first))
    }
}

/// The words of a sentence view (low and stem forms, by [`word_hash`]), for the patterns'
/// quick check.
pub(crate) fn sentence_words(toks: &[Tok]) -> HashedWords {
    let mut set = HashedWords::with_capacity_and_hasher(toks.len() * 2, Default::default());
    for t in toks {
        set.insert(word_hash(&t.low));
        if t.stem != t.low {
            set.insert(word_hash(&t.stem));
        }
    }
    set
}

/// A comma or a word that opens a new clause: patterns after the verb stop there.
fn opens_clause(t: &Tok) -> bool {
    (t.punct && t.low == ",")
        || matches!(
            t.low.as_str(),
            "that"
                | "which"
                | "who"
                | "whom"
                | "whose"
                | "where"
                | "because"
                | "while"
                | "when"
                | "if"
                | "unless"
                | "although"
                | "but"
        )
}

/// Punctuation no pattern reaches across.
pub(crate) fn is_hard_boundary(t: &Tok) -> bool {
    t.punct && matches!(t.low.as_str(), ";" | ":" | "\"" | "“" | "”" | "?" | "!")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dictionary::read_petrarch;
    use crate::sentence::view_of;

    fn words(t: &[Tok]) -> HashedWords {
        crate::matcher::sentence_words(t)
    }

    fn toks(text: &str) -> Vec<Tok<'_>> {
        view_of(text, &[])
    }

    const DICT: &str = "&WEAPON\n+ARMS\n+WEAPONRY\n\n--- ACCUSE [112] ---\nACCUSE\nCHARGE [---]\n\
        - * (WITH CRIMES) [1123]\n--- BUY [---] ---\nBUY {BOUGHT BUYING BUYS}\nACQUIRE\n\
        - + * &WEAPON FROM $ [072]\n- FAILED_TO_* [---]\n";

    #[test]
    fn finds_inflected_and_irregular_forms() {
        let c = CompiledVerbs::compile(&read_petrarch(DICT));
        let t = toks("They accused him and then bought arms.");
        let h = c.hits(&t);
        assert_eq!(h.len(), 2);
        assert_eq!(t[h[0].first].low, "accused");
        assert!(h[0].past);
        assert_eq!(t[h[1].first].low, "bought");
    }

    #[test]
    fn default_and_pattern_codes() {
        let c = CompiledVerbs::compile(&read_petrarch(DICT));
        let t = toks("They accused him.");
        let h = c.hits(&t);
        assert_eq!(c.code(&t, &h[0], &words(&t)).unwrap().code, "112");
        let t = toks("They accused the men with war crimes.");
        let h = c.hits(&t);
        let coded = c.code(&t, &h[0], &words(&t)).unwrap();
        assert_eq!(coded.code, "1123");
        assert!(coded.by_pattern);
        // the verb's own [---] overrides the block default: no event
        let t = toks("They charged him.");
        let h = c.hits(&t);
        assert!(c.code(&t, &h[0], &words(&t)).is_none());
    }

    #[test]
    fn null_pattern_suppresses() {
        let c = CompiledVerbs::compile(&read_petrarch(DICT));
        let t = toks("They failed to acquire arms.");
        let h = c.hits(&t);
        assert!(c.code(&t, &h[0], &words(&t)).is_none());
    }

    /// The shipped patterns read block by block on first use compile as the dictionary read
    /// at once does, for every block and synonym set.
    #[test]
    fn patterns_read_on_first_use_compile_as_read_at_once() {
        let lazy = crate::coder::shipped_verbs();
        let whole = CompiledVerbs::new(crate::EventCoder::shipped_dictionary());
        assert_eq!(lazy.dict.blocks.len(), whole.dict.blocks.len());
        assert!(lazy.pending.iter().any(|lines| !lines.is_empty()));
        for b in 0..whole.dict.blocks.len() {
            assert_eq!(
                format!("{:?}", lazy.block(b)),
                format!("{:?}", whole.block(b)),
                "block {b}"
            );
        }
        assert_eq!(lazy.synset_names, whole.synset_names);
        assert_eq!(lazy.form_count(), whole.form_count());
    }
}
