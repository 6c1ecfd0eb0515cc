//! Negation and modality of a verb occurrence, read from the words just before it, and the
//! CAMEO rule that a stated intention to act is an event of its own: intent to cooperate is
//! coded 03x (express intent), intent of coercion or force 13x (threaten).

use crate::sentence::Tok;

/// What the words before a verb say about it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Modality {
    /// "not", "never", or a negating verb ("denied", "refused to").
    pub negated: bool,
    /// Uncertain: "may", "might", "could", "should", "considering".
    pub hypothetical: bool,
    /// Announced for the future: "will", "would", "plans to", "pledged to".
    pub intent: bool,
}

const NEGATORS: &[&str] = &["not", "never", "no", "nor", "cannot"];
const NEGATING_VERBS: &[&str] = &[
    "deny",
    "denies",
    "denied",
    "denying",
    "refuse",
    "refuses",
    "refused",
    "refusing",
    "fail",
    "fails",
    "failed",
    "failing",
    "decline",
    "declines",
    "declined",
    "declining",
];
const UNCERTAIN: &[&str] = &[
    "may",
    "might",
    "could",
    "should",
    "consider",
    "considers",
    "considered",
    "considering",
    "mull",
    "mulls",
    "mulling",
    "possibly",
    "perhaps",
    "reportedly",
    "allegedly",
];
/// Clause openers that make what follows a condition, not a fact.
const CONDITIONAL: &[&str] = &["if", "unless", "whether"];
/// Words that announce an intention ("will", "plans to", "prepared to").
pub(crate) const INTENT: &[&str] = &[
    "will",
    "would",
    "shall",
    "plan",
    "plans",
    "planned",
    "planning",
    "intend",
    "intends",
    "intended",
    "intending",
    "pledge",
    "pledges",
    "pledged",
    "promise",
    "promises",
    "promised",
    "vow",
    "vows",
    "vowed",
    "swear",
    "swears",
    "swore",
    "sworn",
    "ready",
    "prepared",
    "willing",
    "aim",
    "aims",
    "set",
    "going",
    "expected",
    "offer",
    "offers",
    "offered",
];
/// How many tokens before the verb are read.
const LOOKBACK: usize = 5;

/// Reads the modality of a verb that starts at `verb_first`.
pub(crate) fn assess(toks: &[Tok], verb_first: usize) -> Modality {
    let mut m = Modality::default();
    let mut p = verb_first;
    let mut n = 0;
    let mut past_actor = false;
    while p > 0 && n < LOOKBACK {
        p -= 1;
        n += 1;
        let t = &toks[p];
        if t.punct {
            break;
        }
        // A lower-case agent word right before the event word modifies it ("promised to
        // continue military aid"): no subject, so the words before it still count.
        if t.actor.is_some() && p + 1 == verb_first && !t.upper && !t.possessive && !past_actor {
            continue;
        }
        // Beyond the verb's own subject only a conditional opener still counts: "if Iran
        // attacks", "unless they side with Iran" (the subject may be an actor or a pronoun).
        if past_actor || t.actor.is_some() {
            past_actor = true;
            if CONDITIONAL.contains(&t.low.as_str()) {
                m.hypothetical = true;
                break;
            }
            continue;
        }
        if CONDITIONAL.contains(&t.low.as_str()) {
            m.hypothetical = true;
            break;
        }
        let w = t.low.as_str();
        if NEGATORS.contains(&w) || NEGATING_VERBS.contains(&w) {
            m.negated = true;
        } else if UNCERTAIN.contains(&w) {
            m.hypothetical = true;
        } else if INTENT.contains(&w) {
            m.intent = true;
        }
    }
    m
}

/// The code of a stated intention to do what `code` codes: cooperation (04–08) becomes the
/// matching 03x "express intent", coercion and force (14–20) the matching 13x "threaten";
/// `None` when the code is already verbal intent, statement, appeal or the like.
pub(crate) fn intent_code(code: &str) -> Option<&'static str> {
    let root = code.get(..2)?;
    let sub = code.get(..3).unwrap_or(code);
    Some(match root {
        "04" => match sub {
            "045" | "039" => "039",
            _ => "036",
        },
        "05" => "032",
        "06" => match sub {
            "061" => "0311",
            "062" => "0312",
            "063" => "0313",
            "064" => "0314",
            _ => "031",
        },
        "07" => match sub {
            "071" => "0331",
            "072" => "0332",
            "073" => "0333",
            "074" => "0334",
            _ => "033",
        },
        "08" => match sub {
            "081" => "0351",
            "082" => "0352",
            "083" => "034",
            "084" => "0353",
            "085" => "0354",
            "086" => "0355",
            "087" => "0356",
            _ => "035",
        },
        "14" => "133",
        "15" => "130",
        "16" => match sub {
            "161" => "1313",
            "162" => "1311",
            "163" => "1312",
            "164" => "134",
            _ => "131",
        },
        "17" => "137",
        "18" | "19" | "20" => "138",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentence::view_of;

    fn at(text: &str, verb: &str) -> Modality {
        let t = view_of(text, &[]);
        let v = t.iter().position(|t| t.low == verb).unwrap();
        assess(&t, v)
    }

    #[test]
    fn negation() {
        assert!(at("They did not attack.", "attack").negated);
        assert!(at("They didn't attack.", "attack").negated);
        assert!(at("They refused to meet.", "meet").negated);
        assert!(!at("They attacked.", "attacked").negated);
    }

    #[test]
    fn modality() {
        assert!(at("They may attack.", "attack").hypothetical);
        assert!(at("They plan to meet.", "meet").intent);
        assert!(at("They will meet.", "meet").intent);
        let m = at("They met.", "met");
        assert!(!m.hypothetical && !m.intent);
        // a condition, past the verb's subject
        assert!(at("If they attack, we respond.", "attack").hypothetical);
        assert!(at("unless the rebels attack first", "attack").hypothetical);
        assert!(!at("the rebels attack first", "attack").hypothetical);
    }

    #[test]
    fn intent_codes() {
        assert_eq!(intent_code("042"), Some("036"));
        assert_eq!(intent_code("0871"), Some("0356"));
        assert_eq!(intent_code("190"), Some("138"));
        assert_eq!(intent_code("010"), None);
        assert_eq!(intent_code("13"), None);
    }
}
