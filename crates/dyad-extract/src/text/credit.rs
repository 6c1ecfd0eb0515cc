//! Photo credits (`Photo Credit: Jane Roe/FLASH90`, `Image: Reuters`, `(Photo by Jane
//! Roe/Getty Images)`, `Jane Roe/AFP via Getty Images`) and the captions printed beside them.

use super::lexicon::{ends_with_agency, starts_with_agency};

/// Labels that introduce a photo credit, longest first.
const CREDIT_LABELS: &[&str] = &[
    "photo credit",
    "photo credits",
    "image credit",
    "image credits",
    "picture credit",
    "photo courtesy of",
    "photo courtesy",
    "photograph by",
    "photographs by",
    "photo by",
    "photos by",
    "image by",
    "images by",
    "picture by",
    "pictures by",
    "illustration by",
    "photo illustration",
    "photograph",
    "photographs",
    "photo",
    "photos",
    "image",
    "images",
    "picture",
    "pictures",
    "pic",
    "illustration",
    "credit",
    "credits",
    "file photo",
];

/// A photo credit found in a line, with the caption text beside it on the same line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    pub credit: String,
    /// Text before or after the credit on the same line (a caption), if any.
    pub caption: Option<String>,
}

fn clean(s: &str) -> String {
    s.trim()
        .trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '|' | '-' | '–' | '—'))
        .trim()
        .trim_end_matches(['.', ';', ','])
        .trim()
        .to_string()
}

/// The value after a credit label at the start of `s` (`Photo: X` → `X`, `Photo by X` → `X`).
fn after_label(s: &str) -> Option<&str> {
    let lower = s.to_lowercase();
    for label in CREDIT_LABELS {
        let Some(rest) = lower.strip_prefix(label) else {
            continue;
        };
        let by_label = label.ends_with(" by") || label.ends_with(" of");
        let value_start = if by_label {
            rest.starts_with([' ', ':', '/']).then_some(label.len())
        } else {
            rest.trim_start()
                .starts_with(':')
                .then(|| label.len() + rest.find(':').map_or(0, |i| i + 1))
        };
        if let Some(start) = value_start {
            let value = s.get(start..)?.trim_start_matches([':', ' ', '/']);
            if !value.trim().is_empty() {
                return Some(value);
            }
        }
    }
    None
}

/// A cheap test that rules out most prose: a credit needs a label word, a slash, a
/// parenthesis or a very short line.
fn may_hold_credit(t: &str) -> bool {
    if t.contains(['/', '(', ':']) || t.contains("Getty") || t.contains(" via ") {
        return true;
    }
    if t.split_whitespace().nth(4).is_none() {
        return true;
    }
    let head = t.get(..12).unwrap_or(t);
    [
        "photo",
        "image",
        "picture",
        "pic ",
        "credit",
        "illustration",
        "courtesy",
    ]
    .iter()
    .any(|w| {
        head.get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w))
    })
}

/// Reads a photo credit in `line` (a short line, such as those around an image).
pub fn credit(line: &str) -> Option<Credit> {
    let t = line.trim();
    if t.is_empty() || t.len() > 600 || !may_hold_credit(t) || t.split_whitespace().count() > 60 {
        return None;
    }
    // The whole line is a labelled credit.
    if let Some(value) = after_label(t) {
        if value.split_whitespace().count() <= 12 {
            return Some(Credit {
                credit: clean(value),
                caption: None,
            });
        }
    }
    // A caption followed by a credit in parentheses: `… (Photo by Jane Roe/AP)`.
    if let Some(open) = t.rfind('(') {
        let inner = t[open + 1..]
            .trim_end_matches(['.', ' '])
            .trim_end_matches(')');
        let inner_lower = inner.to_lowercase();
        let value = after_label(inner).or_else(|| {
            (ends_with_agency(&inner_lower) || starts_with_agency(&inner_lower))
                .then_some(inner)
                .filter(|v| v.split_whitespace().count() <= 8)
        });
        if let Some(value) = value {
            let caption = clean(&t[..open]);
            return Some(Credit {
                credit: clean(value),
                caption: (!caption.is_empty()).then_some(caption),
            });
        }
    }
    // A caption then a labelled credit after a separator: `… | Photo: Jane Roe`.
    let lower = t.to_lowercase();
    for label in [
        "photo credit:",
        "photo:",
        "image:",
        "credit:",
        "photograph:",
        "picture:",
        "photo by ",
    ] {
        if let Some(i) = lower.rfind(label) {
            if i > 0 && t.is_char_boundary(i) {
                let before = t[..i].trim_end();
                if before.ends_with(['.', '|', '-', '–', '—', '(', ',', ';']) {
                    let value = after_label(&t[i..]).unwrap_or("");
                    if !value.is_empty() && value.split_whitespace().count() <= 10 {
                        let caption = clean(before);
                        return Some(Credit {
                            credit: clean(value),
                            caption: (!caption.is_empty()).then_some(caption),
                        });
                    }
                }
            }
        }
    }
    // `Jane Roe/Reuters`, `Getty Images`, or `Caption sentence. Jane Roe/Reuters`.
    let tail_start = t
        .rfind(". ")
        .map(|i| i + 2)
        .filter(|&i| t.is_char_boundary(i))
        .unwrap_or(0);
    let tail = &t[tail_start..];
    if tail.split_whitespace().count() <= 8
        && ends_with_agency(&tail.to_lowercase())
        && (tail.contains('/')
            || tail_start == 0 && t.split_whitespace().count() <= 4
            || tail.to_lowercase().contains(" via "))
    {
        let caption = clean(&t[..tail_start]);
        return Some(Credit {
            credit: clean(tail),
            caption: (!caption.is_empty()).then_some(caption),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(line: &str) -> Option<(String, Option<String>)> {
        credit(line).map(|c| (c.credit, c.caption))
    }

    #[test]
    fn labelled_credits() {
        assert_eq!(
            c("Photo Credit: Jane Roe/FLASH90"),
            Some(("Jane Roe/FLASH90".into(), None))
        );
        assert_eq!(c("Image: Reuters"), Some(("Reuters".into(), None)));
        assert_eq!(
            c("Photo by Sam Lee/Getty Images"),
            Some(("Sam Lee/Getty Images".into(), None))
        );
        assert_eq!(
            c("Credit: City Hall handout"),
            Some(("City Hall handout".into(), None))
        );
    }

    #[test]
    fn credits_beside_captions() {
        assert_eq!(
            c("Rescuers search the rubble in Antakya. (Photo by Ali Demir/Anadolu Agency)"),
            Some((
                "Ali Demir/Anadolu Agency".into(),
                Some("Rescuers search the rubble in Antakya".into())
            ))
        );
        assert_eq!(
            c("Crowds gather in the square. Jane Roe/Reuters"),
            Some((
                "Jane Roe/Reuters".into(),
                Some("Crowds gather in the square".into())
            ))
        );
        assert_eq!(
            c("The harbour at dawn | Photo: Port Authority"),
            Some(("Port Authority".into(), Some("The harbour at dawn".into())))
        );
        assert_eq!(c("Getty Images"), Some(("Getty Images".into(), None)));
        assert_eq!(
            c("Ice above the town, Aug. 18, 2023. (AP Photo/Luca Brunner)"),
            Some((
                "AP Photo/Luca Brunner".into(),
                Some("Ice above the town, Aug. 18, 2023".into())
            ))
        );
    }

    #[test]
    fn prose_is_not_a_credit() {
        assert_eq!(c("The photo shows the minister arriving in Baku."), None);
        assert_eq!(
            c("Reuters reported that talks had stalled, citing two sources."),
            None
        );
        assert_eq!(c("Credit markets tightened in March."), None);
        assert_eq!(c(""), None);
        assert_eq!(
            c("é€漢字 are not a credit at all, this line is prose."),
            None
        );
        assert_eq!(c("Picture by Ana Ruiz"), Some(("Ana Ruiz".into(), None)));
    }
}
