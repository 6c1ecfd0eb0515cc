//! Themes: a small taxonomy of topics (`data/themes/taxonomy.tsv`), each with keywords and
//! phrases (`data/themes/keywords.tsv`) and the GDELT GKG themes it corresponds to. A text is
//! given a theme when its keywords occur often enough (see [`MIN_HITS`], [`MIN_PER_THOUSAND`]).
//! See `docs/themes.md`.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use dyad_nlp::chars::is_letter_or_digit;
use dyad_nlp::{Token, TokenKind};

const TAXONOMY: &str = include_str!("../../../data/themes/taxonomy.tsv");
const KEYWORDS: &str = include_str!("../../../data/themes/keywords.tsv");

/// A theme needs at least this many keyword occurrences…
pub const MIN_HITS: usize = 3;
/// …and at least this many per thousand words of the text.
pub const MIN_PER_THOUSAND: f64 = 2.0;

/// One theme of the taxonomy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// The theme's name (`"MILITARY"`).
    pub name: &'static str,
    /// The GDELT GKG themes it corresponds to (may be empty).
    pub gkg: Vec<&'static str>,
    /// What the theme covers.
    pub description: &'static str,
}

/// How strongly a text speaks of a theme.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeScore {
    /// The theme's name.
    pub name: &'static str,
    /// Keyword occurrences in the text.
    pub hits: usize,
    /// Occurrences per thousand words.
    pub per_thousand: f64,
}

struct Matcher {
    themes: Vec<Theme>,
    automaton: Option<AhoCorasick>,
    /// For each pattern: the index of its theme, and whether it matches any word ending.
    patterns: Vec<(usize, bool)>,
}

/// The matching form of a keyword: lower case, words separated by one space.
fn normalise(keyword: &str) -> String {
    keyword
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether a keyword match at `[start, end)` stands as whole words in `text`.
fn on_word_edges(text: &str, start: usize, end: usize, prefix: bool) -> bool {
    let before = text.get(..start).and_then(|t| t.chars().next_back());
    let after = text.get(end..).and_then(|t| t.chars().next());
    !before.is_some_and(is_letter_or_digit) && (prefix || !after.is_some_and(is_letter_or_digit))
}

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        let rows = |table: &'static str| {
            table
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .map(|l| l.split('\t').map(str::trim).collect::<Vec<_>>())
        };
        let mut themes: Vec<Theme> = rows(TAXONOMY)
            .filter_map(|r| {
                let name = *r.first()?;
                let gkg = r
                    .get(1)
                    .map(|g| {
                        g.split(',')
                            .map(str::trim)
                            .filter(|g| !g.is_empty() && *g != "-")
                            .collect()
                    })
                    .unwrap_or_default();
                Some(Theme {
                    name,
                    gkg,
                    description: r.get(2).copied().unwrap_or(""),
                })
            })
            .collect();
        themes.sort_by(|a, b| a.name.cmp(b.name));
        let mut needles = Vec::new();
        let mut patterns = Vec::new();
        for r in rows(KEYWORDS) {
            let (Some(name), Some(list)) = (r.first(), r.get(1)) else {
                continue;
            };
            let Some(ti) = themes.iter().position(|t| t.name == *name) else {
                continue;
            };
            for kw in list.split(',').map(str::trim).filter(|k| !k.is_empty()) {
                let (kw, prefix) = match kw.strip_suffix('*') {
                    Some(stem) => (stem, true),
                    None => (kw, false),
                };
                let norm = normalise(kw);
                if norm.is_empty() {
                    continue;
                }
                needles.push(norm);
                patterns.push((ti, prefix));
            }
        }
        // Keywords are in lower case and texts are searched with ASCII letters lowered
        // ([`scores`]): the same matches as an ASCII case-insensitive search, but about half
        // the byte classes, so the DFA takes half the memory and time to build.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            // A DFA: built once, it searches every article about twice as fast as the NFA
            // chosen by default for this many keywords.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&needles)
            .ok();
        Matcher {
            themes,
            automaton,
            patterns,
        }
    })
}

/// The taxonomy, sorted by name.
pub fn taxonomy() -> &'static [Theme] {
    &matcher().themes
}

/// Keyword counts of every theme found in the text, strongest first (ties by name).
pub fn scores(text: &str, tokens: &[Token]) -> Vec<ThemeScore> {
    let m = matcher();
    let Some(ac) = &m.automaton else {
        return Vec::new();
    };
    let mut hits = vec![0usize; m.themes.len()];
    // Lowering ASCII letters keeps every byte where it is, so matches are offsets into `text`.
    let lowered = text.to_ascii_lowercase();
    for mat in ac.find_iter(&lowered) {
        let Some(&(ti, prefix)) = m.patterns.get(mat.pattern().as_usize()) else {
            continue;
        };
        if on_word_edges(text, mat.start(), mat.end(), prefix) {
            hits[ti] += 1;
        }
    }
    let words = tokens.iter().filter(|t| t.kind != TokenKind::Punct).count();
    let mut out: Vec<ThemeScore> = hits
        .iter()
        .enumerate()
        .filter(|(_, &h)| h > 0)
        .map(|(i, &h)| ThemeScore {
            name: m.themes[i].name,
            hits: h,
            per_thousand: h as f64 * 1000.0 / words.max(1) as f64,
        })
        .collect();
    out.sort_by(|a, b| b.hits.cmp(&a.hits).then(a.name.cmp(b.name)));
    out
}

/// The themes of a text: those with at least [`MIN_HITS`] keyword occurrences and
/// [`MIN_PER_THOUSAND`] per thousand words, strongest first (ties by name).
pub fn themes(text: &str, tokens: &[Token]) -> Vec<String> {
    scores(text, tokens)
        .into_iter()
        .filter(|s| s.hits >= MIN_HITS && s.per_thousand >= MIN_PER_THOUSAND)
        .map(|s| s.name.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use dyad_nlp::tokenize;

    fn themes_of(text: &str) -> Vec<String> {
        themes(text, &tokenize(text))
    }

    fn hits(text: &str, name: &str) -> usize {
        scores(text, &tokenize(text))
            .iter()
            .find(|s| s.name == name)
            .map_or(0, |s| s.hits)
    }

    #[test]
    fn taxonomy_maps_to_gkg_themes() {
        let t = taxonomy();
        assert!(t.len() >= 14);
        let mil = t.iter().find(|t| t.name == "MILITARY").expect("MILITARY");
        assert!(mil.gkg.contains(&"MILITARY"));
        assert!(t.windows(2).all(|w| w[0].name < w[1].name));
    }

    #[test]
    fn every_theme_has_keywords() {
        let m = matcher();
        for (i, t) in m.themes.iter().enumerate() {
            assert!(m.patterns.iter().any(|p| p.0 == i), "{} has none", t.name);
        }
    }

    #[test]
    fn keywords_match_whole_words_case_insensitively() {
        assert_eq!(hits("The Army and the army’s chief.", "MILITARY"), 2);
        // "war" must not match inside "warm" or "award".
        assert_eq!(hits("A warm award.", "ARMED_CONFLICT"), 0);
    }

    #[test]
    fn starred_keywords_match_any_ending() {
        assert_eq!(hits("Troops, soldiers and a soldier.", "MILITARY"), 3);
        assert_eq!(hits("Refugees and a refugee camp.", "MIGRATION"), 2);
    }

    #[test]
    fn phrases_match_across_spaces_not_punctuation() {
        assert_eq!(hits("Climate change matters.", "ENVIRONMENT"), 1);
        assert_eq!(hits("The climate. Change matters.", "ENVIRONMENT"), 0);
        // The longest phrase wins over its first word.
        assert_eq!(hits("natural gas", "ENERGY"), 1);
    }

    #[test]
    fn threshold_keeps_passing_mentions_out() {
        assert!(themes_of("The minister mentioned oil once.").is_empty());
        assert!(themes_of("Oil and a pipeline were mentioned.").is_empty());
        // Three hits in a long text are too thin.
        let long = format!("{} oil, crude and a pipeline.", "word ".repeat(2000));
        assert!(themes_of(&long).is_empty());
        let t = themes_of("Oil and gas: the pipeline carries crude oil. Troops guard it.");
        assert_eq!(t, vec!["ENERGY".to_string()]);
    }

    #[test]
    fn order_is_by_score_then_name() {
        let t = themes_of(
            "Troops and soldiers; the army. Students at schools. Students at universities.",
        );
        assert_eq!(t, vec!["EDUCATION".to_string(), "MILITARY".to_string()]);
        let t = themes_of("Troops, soldiers and the army. Students, teachers and schools.");
        assert_eq!(t, vec!["EDUCATION".to_string(), "MILITARY".to_string()]);
    }

    #[test]
    fn empty_text_has_no_themes() {
        assert!(themes_of("").is_empty());
    }
}
