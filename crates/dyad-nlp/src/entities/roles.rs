//! Roles written after a name, as an apposition: "Elnur Enveroglu, deputy editor-in-chief of
//! Azernews," or "Dr. Mordechai Kedar, a prominent Middle East scholar,". The phrase counts as a
//! role when it holds a role word from the agent dictionary; the capitalised name after "of",
//! "for" or "at" in it is the affiliation.

use super::lexicon::Lexicon;
use super::mentions::span_text;
use super::view::Tok;

/// A role read from an apposition.
#[derive(Debug, Clone, PartialEq)]
pub struct Apposition {
    /// The role phrase, without a leading article.
    pub role: String,
    /// The role code of its role word (`GOV`, `MED`, …).
    pub code: String,
    /// Token range of the affiliation's name, if any.
    pub affiliation: Option<(usize, usize)>,
}

const MAX_PHRASE: usize = 14;

/// Words that open a phrase after a comma which says something other than who the name before
/// it is: examples or members ("Scientology, including musician Tiziano Lugli"), a source
/// ("according to"), a relative or adverbial clause ("whose", "while"), a coordination.
const NOT_APPOSITION: &[&str] = &[
    "including",
    "such",
    "like",
    "especially",
    "particularly",
    "notably",
    "mainly",
    "mostly",
    "among",
    "according",
    "unlike",
    "along",
    "together",
    "and",
    "or",
    "but",
    "as",
    "with",
    "whose",
    "where",
    "when",
    "while",
    "although",
    "though",
    "because",
    "after",
    "before",
    "since",
    "despite",
    "if",
];

/// Reads an apposition right after the name ending at token `end`.
pub fn apposition(toks: &[Tok], end: usize, lex: &Lexicon) -> Option<Apposition> {
    let comma = toks.get(end)?;
    if comma.text != "," {
        return None;
    }
    let mut s = end + 1;
    let article = toks
        .get(s)
        .is_some_and(|t| matches!(t.key.as_str(), "a" | "an" | "the"));
    if article {
        s += 1;
    }
    let first = toks.get(s)?;
    // Without an article the role starts in lower case ("deputy editor-in-chief of …").
    if first.sentence != comma.sentence
        || !article && (first.cap || NOT_APPOSITION.contains(&first.key.as_str()))
    {
        return None;
    }
    let mut e = s;
    while e < toks.len() && e - s < MAX_PHRASE {
        let t = &toks[e];
        if t.sentence != comma.sentence
            || matches!(t.text, "," | "." | ";" | ":" | "“" | "”" | "\"" | "(" | ")")
            || matches!(t.key.as_str(), "who" | "which" | "that" | "said" | "says")
        {
            break;
        }
        e += 1;
    }
    if e == s {
        return None;
    }
    // The role word: the last agent phrase in the head part (before "of"/"for"/"at").
    let head_end = (s..e)
        .find(|&k| {
            let hyphenated = toks[k - 1].text == "-";
            !hyphenated
                && matches!(
                    toks[k].key.as_str(),
                    "of" | "for" | "at" | "with" | "from" | "in"
                )
        })
        .unwrap_or(e);
    let mut code = None;
    for k in s..head_end {
        let mut key = String::new();
        for (n, t) in toks[k..head_end]
            .iter()
            .enumerate()
            .take(lex.max_agent_tokens())
        {
            if n > 0 {
                key.push(' ');
            }
            key.push_str(&t.key);
            let hit = lex
                .agent(&key)
                .or_else(|| key.strip_suffix('s').and_then(|x| lex.agent(x)));
            if let Some(c) = hit {
                code = Some(c.to_string());
            }
            if !lex.is_agent_prefix(&key) {
                break;
            }
        }
    }
    let code = code?;
    let affiliation = if head_end < e {
        let a = head_end + 1;
        let mut b = a;
        if toks.get(a).is_some_and(|t| t.key == "the") {
            b += 1;
        }
        let a2 = b;
        while b < e && toks[b].cap {
            b += 1;
        }
        (b > a2).then_some((a2, b))
    } else {
        None
    };
    Some(Apposition {
        role: span_text(toks, s, e),
        code,
        affiliation,
    })
}
