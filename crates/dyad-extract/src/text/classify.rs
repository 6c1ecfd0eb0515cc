//! What each line of a page is on its own, before its position is weighed.

use dyad_doc::RemovedKind;

use super::credit::{self, Credit};
use super::dates;
use super::lexicon;
use super::people;
use super::shape::{self, Shape};

/// What a line is, judged from the line alone.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// Page furniture from the lexicon. `bare` is true when the line is only the label
    /// (`Read more`), so the linked titles follow on the next lines.
    Furniture {
        kind: RemovedKind,
        closing: bool,
        bare: bool,
    },
    /// A photo credit, maybe with a caption on the same line.
    Credit(Credit),
    /// A byline, with a date on the same line if any.
    Byline(Vec<String>, Option<String>),
    /// A line that is only a date (and time), with or without a label.
    Date { iso: String, labelled: bool },
    /// A separator line (`* * *`, `---`), no letters or digits.
    Separator,
    /// A bulleted or numbered list item.
    ListItem,
    /// Anything else: prose, headings, titles, captions.
    Text,
}

/// One non-blank line of the page.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// The trimmed line.
    pub text: &'a str,
    /// Index of its blank-line-separated group.
    pub group: usize,
    /// True when no other line shares its group.
    pub alone: bool,
    pub shape: Shape,
    pub kind: Kind,
}

/// A page without blank lines is read as one paragraph per line, rather than as
/// hard-wrapped text, when at least this many tenths of its longer lines end a sentence.
const UNWRAPPED_ENDED_TENTHS: usize = 7;

/// Splits `page` into classified non-blank lines.
pub fn lines(page: &str) -> Vec<Line<'_>> {
    let mut out: Vec<Line<'_>> = Vec::new();
    let mut group = 0;
    let mut blank = true;
    for raw in page.split('\n') {
        let text = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if text.is_empty() {
            if !blank {
                group += 1;
            }
            blank = true;
            continue;
        }
        blank = false;
        let shape = Shape::of(text);
        out.push(Line {
            text,
            group,
            alone: false,
            shape,
            kind: kind_of(text, &shape),
        });
    }
    // A page saved without blank lines, one paragraph per long line: each line stands
    // alone (hard-wrapped text keeps its single group and is joined later).
    let one_group = out.last().is_some_and(|l| l.group == 0);
    let long: Vec<&Line<'_>> = out.iter().filter(|l| l.shape.words >= 8).collect();
    let ended = long.iter().filter(|l| l.shape.ends_sentence).count();
    if one_group
        && out.len() >= 3
        && !long.is_empty()
        && ended * 10 >= long.len() * UNWRAPPED_ENDED_TENTHS
    {
        for (g, line) in out.iter_mut().enumerate() {
            line.group = g;
        }
    }
    let mut i = 0;
    while i < out.len() {
        let g = out[i].group;
        let mut j = i;
        while j < out.len() && out[j].group == g {
            j += 1;
        }
        if j == i + 1 {
            out[i].alone = true;
        }
        i = j;
    }
    out
}

/// Classifies one trimmed, non-empty line.
pub fn kind_of(text: &str, shape: &Shape) -> Kind {
    if !text.chars().any(char::is_alphanumeric) {
        return if text.contains('#') {
            Kind::Furniture {
                kind: RemovedKind::Other,
                closing: true,
                bare: true,
            }
        } else {
            Kind::Separator
        };
    }
    let short = shape.words <= lexicon::MAX_LABEL_LINE_WORDS;
    let norm = if short {
        lexicon::normalize(text)
    } else {
        String::new()
    };
    if let Some(entry) = lexicon::lookup_normalized(&norm, shape.words) {
        // A label alone (`Read more`, `Related Analysis`): its links follow on the next lines.
        let bare = norm == entry.phrase || (shape.words <= 4 && !text.contains(':'));
        return Kind::Furniture {
            kind: entry.kind,
            closing: entry.closing,
            bare,
        };
    }
    if let Some(kind) = composite_furniture(text).filter(|_| short) {
        return Kind::Furniture {
            kind,
            closing: false,
            bare: false,
        };
    }
    if lexicon::is_reading_time(&norm) {
        return Kind::Furniture {
            kind: RemovedKind::Navigation,
            closing: false,
            bare: false,
        };
    }
    if lexicon::is_share_bar(&norm) {
        return Kind::Furniture {
            kind: RemovedKind::Share,
            closing: true,
            bare: false,
        };
    }
    if shape.words <= 60 {
        if let Some(c) = credit::credit(text) {
            return Kind::Credit(c);
        }
    }
    if shape.words <= 16 {
        // Every date the reader knows has digits in it.
        let date = if text.bytes().any(|b| b.is_ascii_digit()) {
            dates::date_line(text)
        } else {
            None
        };
        if let Some(iso) = date {
            return Kind::Date {
                labelled: dates::strip_label(text).is_some(),
                iso,
            };
        }
        if let Some(k) = byline_line(text) {
            return k;
        }
    }
    if is_breadcrumb(text) {
        return Kind::Furniture {
            kind: RemovedKind::Navigation,
            closing: false,
            bare: false,
        };
    }
    if shape.bullet {
        return Kind::ListItem;
    }
    Kind::Text
}

/// A byline line, alone or with a date and a source beside it
/// (`By Jane Doe | Reuters | October 15, 2024`).
fn byline_line(text: &str) -> Option<Kind> {
    if let Some(names) = people::byline(text) {
        let date = dates::find(text).map(|f| f.iso);
        return Some(Kind::Byline(names, date));
    }
    let pieces: Vec<&str> = text
        .split(['|', '·', '•'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if pieces.len() < 2 {
        return None;
    }
    let mut names = Vec::new();
    let mut date = None;
    for p in &pieces {
        if let Some(n) = people::byline(p).filter(|_| names.is_empty()) {
            names = n;
        } else if let Some(iso) = dates::date_line(p) {
            date = date.or(Some(iso));
        } else if names.is_empty() && people::is_name(p) {
            names.push((*p).to_string());
        } else if !lexicon::ends_with_agency(&p.to_lowercase()) && p.split_whitespace().count() > 4
        {
            return None;
        }
    }
    (!names.is_empty() && (date.is_some() || pieces.len() >= 2))
        .then_some(Kind::Byline(names, date))
}

/// A line of furniture labels joined by separators (`Advertisement · Scroll to continue`):
/// the kind of the first label.
fn composite_furniture(text: &str) -> Option<RemovedKind> {
    let pieces: Vec<&str> = text
        .split(['|', '·', '•'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if pieces.len() < 2 {
        return None;
    }
    let mut first = None;
    for p in &pieces {
        let entry = lexicon::lookup(p, p.split_whitespace().count())?;
        first = first.or(Some(entry.kind));
    }
    first
}

/// `Home > World > Middle East`, `News / Politics / Europe`.
fn is_breadcrumb(text: &str) -> bool {
    if !text.contains(['>', '›', '»', '/', '|']) {
        return false;
    }
    for sep in [" > ", " › ", " » ", " / ", " | "] {
        let parts: Vec<&str> = text.split(sep).collect();
        if parts.len() >= 3
            && parts.iter().all(|p| {
                let p = p.trim();
                !p.is_empty()
                    && p.split_whitespace().count() <= 4
                    && !p.ends_with(['.', '!', '?'])
                    && p.chars().next().is_some_and(|c| c.is_uppercase())
            })
        {
            return true;
        }
    }
    false
}

/// The text of a list-item line without its marker.
pub fn item_text(text: &str) -> &str {
    shape::bullet_text(text).unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(text: &str) -> Kind {
        kind_of(text, &Shape::of(text))
    }

    #[test]
    fn kinds() {
        assert!(matches!(
            k("Advertisement"),
            Kind::Furniture {
                kind: RemovedKind::Advertisement,
                ..
            }
        ));
        assert!(matches!(k("Read more"), Kind::Furniture { bare: true, .. }));
        assert!(matches!(k("Photo: Jane Roe/AP"), Kind::Credit(_)));
        assert!(matches!(k("By Jane Doe"), Kind::Byline(..)));
        assert!(matches!(
            k("Updated: 15 Oct 2024"),
            Kind::Date { labelled: true, .. }
        ));
        assert!(matches!(k("* * *"), Kind::Separator));
        assert!(matches!(k("###"), Kind::Furniture { closing: true, .. }));
        assert!(matches!(k("Home > World > Europe"), Kind::Furniture { .. }));
        assert!(matches!(k("• A point"), Kind::ListItem));
        assert_eq!(k("Talks resumed on Monday."), Kind::Text);
    }

    #[test]
    fn byline_with_date_and_source() {
        match k("By Jane Doe | Reuters | October 15, 2024") {
            Kind::Byline(names, date) => {
                assert_eq!(names, vec!["Jane Doe".to_string()]);
                assert_eq!(date.as_deref(), Some("2024-10-15"));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(k("Jane Doe | October 15, 2024"), Kind::Byline(..)));
    }

    #[test]
    fn groups() {
        let ls = lines("a\nb\n\n\nc");
        assert_eq!(ls.len(), 3);
        assert_eq!(ls[1].group, 0);
        assert_eq!(ls[2].group, 1);
        assert!(ls[2].alone && !ls[0].alone);
        let long = "The talks went on for many hours in the old city hall.";
        let page = format!("TITLE LINE HERE\n{long}\nSUBHEAD HERE\n{long}");
        assert!(lines(&page).iter().all(|l| l.alone));
        let wrapped = "The talks went on for many hours in the old\ncity hall, and the mayor said that they would\nresume on Monday.";
        assert!(!lines(wrapped).iter().any(|l| l.alone));
    }
}
