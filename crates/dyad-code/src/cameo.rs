//! The CAMEO event codebook: names, Goldstein values, GDELT quad classes and the CAMEO→PLOVER
//! mapping, read from `data/cameo/` (see its PROVENANCE.md).

use std::collections::BTreeMap;
use std::sync::OnceLock;

const EVENT_CODES: &str = include_str!("../../../data/cameo/eventcodes.tsv");
const PLOVER_TABLE: &str = include_str!("../../../data/cameo/plover.tsv");

/// One CAMEO event code's codebook entry.
#[derive(Debug, Clone, PartialEq)]
pub struct EventCode {
    /// The code as written in the codebook (`"0871"`).
    pub code: &'static str,
    /// The codebook's description.
    pub name: &'static str,
    /// Goldstein conflict–cooperation value, −10 to +10.
    pub goldstein: f64,
}

/// The PLOVER category a CAMEO code converts to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plover {
    /// PLOVER event type (`"AID"`, `"ASSAULT"`, …).
    pub event: &'static str,
    /// PLOVER mode, when the table gives one (`"visit"`, `"ceasefire"`).
    pub mode: Option<&'static str>,
    /// PLOVER context, when the table gives one (`"military"`, `"economic"`).
    pub context: Option<&'static str>,
}

struct Codebook {
    codes: BTreeMap<&'static str, EventCode>,
    plover: BTreeMap<&'static str, Plover>,
}

fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn non_empty(s: Option<&&'static str>) -> Option<&'static str> {
    s.copied().filter(|s| !s.is_empty())
}

fn codebook() -> &'static Codebook {
    static BOOK: OnceLock<Codebook> = OnceLock::new();
    BOOK.get_or_init(|| {
        let mut codes = BTreeMap::new();
        for r in rows(EVENT_CODES) {
            let (Some(&code), Some(g), Some(&name)) = (r.first(), r.get(1), r.get(2)) else {
                continue;
            };
            let Ok(goldstein) = g.parse::<f64>() else {
                continue;
            };
            codes.insert(
                code,
                EventCode {
                    code,
                    name,
                    goldstein,
                },
            );
        }
        let mut plover = BTreeMap::new();
        for r in rows(PLOVER_TABLE) {
            let (Some(&code), Some(event)) = (r.first(), non_empty(r.get(1))) else {
                continue;
            };
            plover.insert(
                code,
                Plover {
                    event,
                    mode: non_empty(r.get(2)),
                    context: non_empty(r.get(3)),
                },
            );
        }
        Codebook { codes, plover }
    })
}

/// The codebook entry of a CAMEO event code, if the codebook has it.
pub fn lookup(code: &str) -> Option<&'static EventCode> {
    codebook().codes.get(code.trim())
}

/// The codebook's name of a CAMEO event code.
pub fn name(code: &str) -> Option<&'static str> {
    lookup(code).map(|c| c.name)
}

/// The Goldstein value of a CAMEO event code.
pub fn goldstein(code: &str) -> Option<f64> {
    lookup(code).map(|c| c.goldstein)
}

/// The two-digit root of a CAMEO code (`"0871"` → `"08"`), when it is a valid root 01–20.
pub fn root(code: &str) -> Option<&str> {
    let code = code.trim();
    let r = code.get(..2)?;
    let n: u8 = r.parse().ok()?;
    (code.bytes().all(|b| b.is_ascii_digit()) && (1..=20).contains(&n)).then_some(r)
}

/// GDELT's quad class of a CAMEO code, from its root: 01–05 verbal cooperation (1),
/// 06–08 material cooperation (2), 09–13 verbal conflict (3), 14–20 material conflict (4).
pub fn quad_class(code: &str) -> Option<u8> {
    let n: u8 = root(code)?.parse().ok()?;
    Some(match n {
        1..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        _ => 4,
    })
}

/// The PLOVER category of a CAMEO code: the table's entry for the code, else for its nearest
/// listed ancestor (`"0874"` → the entry of `"087"` or `"08"`). Roots 01 and 02 (statements
/// and appeals) have no PLOVER counterpart.
pub fn plover(code: &str) -> Option<&'static Plover> {
    let book = codebook();
    let mut c = code.trim();
    root(c)?;
    while c.len() >= 2 {
        if let Some(p) = book.plover.get(c) {
            return Some(p);
        }
        c = &c[..c.len() - 1];
    }
    None
}

/// Every CAMEO event code in the codebook, in code order.
pub fn all() -> impl Iterator<Item = &'static EventCode> {
    codebook().codes.values()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codebook_is_complete() {
        assert!(all().count() > 300);
        for root in 1..=20 {
            let r = format!("{root:02}");
            assert!(lookup(&r).is_some(), "root {r} missing");
        }
    }

    #[test]
    fn goldstein_values_follow_the_codebook() {
        assert_eq!(goldstein("0871"), Some(9.0));
        assert_eq!(goldstein("072"), Some(8.3));
        assert_eq!(goldstein("010"), Some(0.0));
        assert_eq!(goldstein("011"), Some(-0.1));
        assert_eq!(goldstein("20"), Some(-10.0));
        assert_eq!(goldstein("999"), None);
        assert!(all().all(|c| (-10.0..=10.0).contains(&c.goldstein)));
    }

    #[test]
    fn names_come_from_the_codebook() {
        assert_eq!(name("01"), Some("MAKE PUBLIC STATEMENT"));
        assert_eq!(name("011"), Some("Decline comment"));
        assert_eq!(name(""), None);
    }

    #[test]
    fn quad_class_follows_the_root() {
        assert_eq!(quad_class("010"), Some(1));
        assert_eq!(quad_class("057"), Some(1));
        assert_eq!(quad_class("0871"), Some(2));
        assert_eq!(quad_class("06"), Some(2));
        assert_eq!(quad_class("09"), Some(3));
        assert_eq!(quad_class("138"), Some(3));
        assert_eq!(quad_class("14"), Some(4));
        assert_eq!(quad_class("1823"), Some(4));
        assert_eq!(quad_class("20"), Some(4));
        assert_eq!(quad_class("21"), None);
        assert_eq!(quad_class("00"), None);
        assert_eq!(quad_class("x1"), None);
        assert_eq!(quad_class("0"), None);
    }

    #[test]
    fn plover_follows_the_table_and_falls_back_to_ancestors() {
        let p = plover("0871").expect("0871");
        assert_eq!(p.event, "RETREAT");
        assert_eq!(p.mode, Some("ceasefire"));
        assert_eq!(p.context, Some("military"));
        assert_eq!(plover("072").map(|p| p.event), Some("AID"));
        assert_eq!(plover("042").and_then(|p| p.mode), Some("visit"));
        assert_eq!(plover("190").map(|p| p.event), Some("ASSAULT"));
        // A sub-code the table does not list takes its parent's category.
        assert_eq!(plover("0369").map(|p| p.event), Some("AGREE"));
        assert_eq!(plover("010"), None);
        assert_eq!(plover("ab"), None);
    }
}
