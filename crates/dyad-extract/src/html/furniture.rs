//! News furniture: captions, photo credits, bylines, advertisement markers, share bars,
//! related-article headlines and gallery counters ("Image 3 of 12") found inside the
//! article's markup. Told apart by the element's role (tag, class/id words) and by the
//! block's own wording, never by site.

use std::sync::LazyLock;

use dom_query::NodeRef;
use dyad_doc::{BlockKind, RemovedKind};
use regex::Regex;

/// What the enclosing elements say about the text inside them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    /// Inside `<a href>`.
    pub in_link: bool,
    /// Inside `<figure>`.
    pub in_figure: bool,
    /// The furniture role announced by an enclosing element, if any.
    pub role: Option<RemovedKind>,
}

impl Context {
    /// The context of an element's content, given the context it sits in.
    pub fn enter(self, name: &str, node: &NodeRef<'_>) -> Context {
        let mut c = self;
        match name {
            "a" => c.in_link = c.in_link || node.has_attr("href"),
            "figure" => c.in_figure = true,
            "figcaption" => {
                c.role.get_or_insert(RemovedKind::Caption);
            }
            "aside" => {
                c.role.get_or_insert(RemovedKind::Related);
            }
            _ => {}
        }
        if c.role.is_none() {
            c.role = role_from_attrs(node);
        }
        c
    }
}

/// Role words in `class`, `id` and `itemprop`, checked per word (split on non-letters) so
/// `shared` does not read as `share` and `header` not as `head`.
fn role_from_attrs(node: &NodeRef<'_>) -> Option<RemovedKind> {
    let mut found = None;
    for attr in ["class", "id", "itemprop", "data-component", "role"] {
        let Some(v) = node.attr(attr) else { continue };
        if v.len() > 2000 {
            continue;
        }
        let lower = v.to_ascii_lowercase();
        for word in lower.split(|c: char| !c.is_ascii_alphanumeric()) {
            let kind = match word {
                "caption" | "figcaption" | "imagecaption" | "photocaption" | "wp-caption-text"
                | "caption-text" => Some(RemovedKind::Caption),
                "credit" | "credits" | "photocredit" | "imagecredit" | "copyright" => {
                    Some(RemovedKind::PhotoCredit)
                }
                "byline" | "bylines" | "author" | "authors" | "dateline" | "timestamp" => {
                    Some(RemovedKind::Byline)
                }
                "share" | "sharing" | "social" | "sharebar" | "share-bar" => {
                    Some(RemovedKind::Share)
                }
                "related" | "recommended" | "recirculation" | "more-stories" | "readmore"
                | "read-more" | "trending" => Some(RemovedKind::Related),
                "advert" | "advertisement" | "ad" | "ads" | "adslot" | "ad-slot" | "dfp"
                | "sponsored" | "promo" | "newsletter" => Some(RemovedKind::Advertisement),
                "bio" | "author-bio" | "authorbio" => Some(RemovedKind::AuthorBio),
                "breadcrumb" | "breadcrumbs" | "pagination" | "tags" | "menu" => {
                    Some(RemovedKind::Navigation)
                }
                _ => None,
            };
            if let Some(k) = kind {
                // Captions win over credits: a caption often holds its credit.
                if found.is_none() || k == RemovedKind::Caption {
                    found = Some(k);
                }
            }
        }
    }
    found
}

static AD_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(advertisement|advertising|advert|sponsored( content)?|ad|paid content|story continues below( this)? (advertisement|ad)|continue reading (the main story|below)|scroll to continue( with content)?|article continues below( advertisement)?)[.:]?$",
    )
    .expect("static regex")
});

static GALLERY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(image|photo|picture|slide|video)?\s*\d{1,3}\s*(of|/)\s*/?\s*\d{0,3}$")
        .expect("static regex")
});

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(\(?(photo|image|picture|illustration|graphic|video)s?( credit)?\s*(:|by)|credit:|©|\(c\) |copyright )",
    )
    .expect("static regex")
});

static SHARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^((share|tweet|email|print|copy link|pin|comment)s?( this| on| via| article| story| link)?( \w+)?|share this (article|story|page)|follow us( on \w+)?)[.:!]?$",
    )
    .expect("static regex")
});

static RELATED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\[?(related|read more|see more|see also|also read|read also|more|recommended|related (stories|articles|content|coverage|news|posts?|reading)|related coverage from [^:]{1,60}|more (from|on|about) [^.]{1,60}|you (may|might) also like)\s*[:>»|-]",
    )
    .expect("static regex")
});

/// A label standing alone that introduces links to other articles.
static RELATED_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(related|related (stories|articles|content|coverage|news|posts|links|reading)|read more|see more( photos| videos)?|see also|also read|more( great)?( \S+)? (stories|news|articles|videos)|more from( \S+){1,3}|you (may|might) also like|recommended( for you| stories| reading)?|trending( now| stories)?|most (read|popular|viewed|shared)|don'?t miss|top stories|latest (news|stories)|what to read next|editor'?s picks|popular (now|stories))[.:!…]*$",
    )
    .expect("static regex")
});

/// Calls to subscribe, sign up, follow or get in touch, in fixed wording; the calls that
/// name someone or something are found by [`names_promo`].
static PROMO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(^(subscribe|sign up|join)(?-u:\b)|(?-u:\b)(sign up (for|to) (our|the)|subscribe (to|for) (our|the)|follow (us|him|her|them) (on|at)|join (us|our) |download (the|our) app|have a (news )?tip|(can|may) be reached at|want more stories|delivered (to|through) your (inbox|letterbox|door)|if you enjoyed this article|listen (live|back)))",
    )
    .expect("static regex")
});

/// Calls that name someone or something: "Sign up for Morning Brief", "Subscribe to The
/// Times", "Follow Jane Doe on X", "Follow @jdoe", "Write to Jane", "Email Jane Doe at …".
/// The call's words match in any case; the name starts with a capital letter. (Checked in
/// code: as regex classes, the name's Unicode letters took most of the furniture patterns'
/// compile time.)
fn names_promo(text: &str) -> bool {
    let capital_next = |rest: &str| rest.chars().next().is_some_and(char::is_uppercase);
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        // Each call opens with `s` or `f`, at the start of a word.
        let first = b.to_ascii_lowercase();
        if first != b's' && first != b'f'
            || i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_')
        {
            continue;
        }
        let after = |words: &str| {
            bytes
                .get(i..i + words.len())
                .filter(|w| w.eq_ignore_ascii_case(words.as_bytes()))
                .map(|_| &text[i + words.len()..])
        };
        let named = [
            "sign up for ",
            "sign up to ",
            "subscribe to ",
            "subscribe for ",
        ]
        .into_iter()
        .any(|call| after(call).is_some_and(capital_next));
        if named
            || after("follow ").is_some_and(|rest| {
                rest.strip_prefix('@')
                    .is_some_and(|r| r.starts_with(is_word_char))
                    || name_then(rest, "on")
            })
        {
            return true;
        }
    }
    let opening = |call: &str| {
        text.get(..call.len())
            .filter(|t| t.eq_ignore_ascii_case(call))
            .map(|_| &text[call.len()..])
    };
    opening("write to ").is_some_and(capital_next)
        || opening("email ").is_some_and(|rest| name_then(rest, "at"))
}

/// One or two capitalised words of at least two letters ("Jane", "Jane Doe"), a space and
/// `word` (matched in any case, as a word's opening).
fn name_then(rest: &str, word: &str) -> bool {
    let Some(after) = capitalised_word(rest).and_then(|r| r.strip_prefix(' ')) else {
        return false;
    };
    let opens = |t: &str| {
        t.get(..word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    opens(after)
        || capitalised_word(after)
            .and_then(|r| r.strip_prefix(' '))
            .is_some_and(opens)
}

/// The text after a capital letter and one or more word characters that run to a space.
fn capitalised_word(text: &str) -> Option<&str> {
    let mut chars = text.char_indices();
    chars.next().filter(|&(_, c)| c.is_uppercase())?;
    let end = chars
        .find(|&(_, c)| !is_word_char(c))
        .map_or(text.len(), |(i, _)| i);
    let first_len = text.chars().next().map_or(0, char::len_utf8);
    (end > first_len).then(|| &text[end..])
}

/// A letter or digit, or `_`, as in a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Newsletter boxes: short blocks about a newsletter.
static NEWSLETTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)newsletters?(?-u:\b)").expect("static regex"));

/// Tag lists, reading times, comment prompts and similar page furniture: the block opens
/// with one of these labels and the rest of it ([`is_page_note`]) is short and unpunctuated.
static PAGE_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(tags?|tagged|filed under|topics?|categories|category|posted in|tempo de leitura|reading time|\d+\s*min(ute)?s?\s*read|read time|post (a )?comment|leave a (comment|reply)|comments?|\d+ comments?|add (a )?comment|tell us what you think|order reprints|text size|print this|sharing is caring|about the authors?|advertisement|iklan|anzeige|publicidad|publicité|werbung|pubblicità)(?-u:\b)",
    )
    .expect("static regex")
});

/// A [`PAGE_NOTE`] label followed by at most 200 characters without `.`, `!` or `?`. (The
/// tail is checked here rather than as `[^.!?]{0,200}` in the pattern, which took most of
/// the pattern's compile time; no two labels match the same opening, so the label found is
/// the one the whole pattern would use.)
fn is_page_note(text: &str) -> bool {
    PAGE_NOTE.find(text).is_some_and(|m| {
        let tail = &text[m.end()..];
        !tail.contains(['.', '!', '?']) && tail.chars().count() <= 200
    })
}

/// "... contributed to this report" and similar credit lines.
static CONTRIBUTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)((?-u:\b)(contributed (to )?(this )?(report|reporting|story)|contributed reporting|with (post|wire|news) (wires|services|agencies))(?-u:\b)|^(additional )?(reporting|editing|writing) by(?-u:\b))")
        .expect("static regex")
});

/// A caption that ends with its credit: "(Image: Agency)", "(credit: NASA/Jane Doe)",
/// "(Agency/Jane Doe)", "…in New York. Reuters".
static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(\((image|photo|picture|pic|credit|source|foto|illustration|video)s?\s*(credit)?\s*:[^)]*\)|\([^()]{0,40}/[^()]{0,40}\)|(?-u:\b)(getty images|afp|ap photo|reuters|epa|shutterstock|istock|ap|getty|pa|alamy)\s*(/[^.]{0,40})?)\s*$",
    )
    .expect("static regex")
});

/// Words of date and time lines ("Updated Nov 19, 9:41 AM", "Published: 10:48, Tue").
const DATE_WORDS: &[&str] = &[
    "updated",
    "update",
    "posted",
    "published",
    "publish",
    "original",
    "first",
    "last",
    "modified",
    "on",
    "at",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "et",
    "est",
    "edt",
    "pst",
    "pdt",
    "cst",
    "cdt",
    "mst",
    "mdt",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "ist",
    "hst",
    "amt",
    "jst",
    "de",
    "às",
    "le",
    "el",
    "am",
    "um",
    "the",
    "of",
    "and",
    "date",
    "time",
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "mon",
    "monday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "today",
    "yesterday",
    "ago",
    "hours",
    "hour",
    "minutes",
    "mins",
    "min",
    "h",
];

/// A short line made of dates, times and words like "Updated" or "Published" only.
pub fn is_dateline(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 20 {
        return false;
    }
    let mut numbers = 0;
    let mut year = false;
    let mut month_or_time = text.contains(':');
    let mut other = 0;
    for w in &words {
        if w.chars().all(|c| c.is_ascii_digit()) {
            numbers += 1;
            if w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) {
                year = true;
            }
            continue;
        }
        let l = w.to_lowercase();
        if DATE_WORDS.contains(&l.as_str()) {
            if super::dates::is_month(&l) {
                month_or_time = true;
            }
            continue;
        }
        // Weekday and month names of other languages are not listed: a date line in them
        // is recognised by its numbers (a year and a time) with at most a few words.
        other += 1;
    }
    let rest = words.len() - other;
    let allowed = if year { other * 2 } else { other * 3 };
    numbers >= 1 && (year || month_or_time) && allowed <= rest
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(By|BY|by)\s+\p{Lu}[\p{L}.'’-]+(\s+(\p{Lu}[\p{L}.'’-]*|and|&|de|van|von|,))*\s*[,|]?.{0,60}$")
        .expect("static regex")
});

/// Classifies one block of text. `None` keeps it in the body.
pub fn classify(
    text: &str,
    kind: BlockKind,
    context: Context,
    link_share: f32,
) -> Option<RemovedKind> {
    let words = text.split_whitespace().count();
    if AD_MARKER.is_match(text) {
        return Some(RemovedKind::Advertisement);
    }
    if GALLERY.is_match(text) {
        return Some(RemovedKind::Other);
    }
    if words <= 25 && CREDIT.is_match(text) {
        return Some(RemovedKind::PhotoCredit);
    }
    if words <= 6 && SHARE.is_match(text) {
        return Some(RemovedKind::Share);
    }
    if words <= 30 && RELATED_LABEL.is_match(text) {
        return Some(RemovedKind::Related);
    }
    if words <= 8 && RELATED_HEADER.is_match(text) {
        return Some(RemovedKind::Related);
    }
    if words <= 40 && is_page_note(text) {
        return Some(RemovedKind::Navigation);
    }
    if words <= 20 && is_dateline(text) {
        return Some(RemovedKind::Byline);
    }
    if words <= 45 && (PROMO.is_match(text) || names_promo(text))
        || words <= 25 && NEWSLETTER.is_match(text)
    {
        return Some(RemovedKind::Advertisement);
    }
    if words <= 40 && CONTRIBUTED.is_match(text) {
        return Some(RemovedKind::Byline);
    }
    if words <= 60
        && kind != BlockKind::Heading
        && CAPTION_CREDIT.is_match(text)
        && !text.trim_end().ends_with(['.', '!', '?'])
    {
        return Some(RemovedKind::Caption);
    }
    if words <= 12 && kind != BlockKind::Heading && BYLINE.is_match(text) {
        return Some(RemovedKind::Byline);
    }
    if let Some(role) = context.role {
        // A long passage inside an element labelled as furniture is more likely article
        // text in an oddly named wrapper than furniture.
        if words <= 60 || role == RemovedKind::Caption {
            return Some(role);
        }
    }
    if context.in_figure && words <= 80 {
        return Some(RemovedKind::Caption);
    }
    // A short block made only of link text, not phrased as a sentence, is a headline pointing
    // elsewhere.
    if link_share > 0.9 && words <= 20 && !ends_like_sentence(text) && !looks_like_address(text) {
        return Some(RemovedKind::Related);
    }
    None
}

/// A bare web address, cited as a source rather than pointing to another article.
fn looks_like_address(text: &str) -> bool {
    let t = text.trim();
    !t.contains(' ') && (t.starts_with("http") || t.starts_with("www.") || t.contains(".com"))
}

fn ends_like_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '…', ':', ';'])
}

/// A photo credit without its label ("Photo: Jane Doe / Agency" → "Jane Doe / Agency").
pub fn strip_credit_label(text: &str) -> String {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^\(?((photo|image|picture)s?( credit)?\s*(:|by)|credit:|©|\(c\)|copyright)\s*",
        )
        .expect("static regex")
    });
    let s = LABEL.replace(text, "");
    s.trim().trim_end_matches(')').trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Option<RemovedKind> {
        classify(text, BlockKind::Paragraph, Context::default(), 0.0)
    }

    #[test]
    fn markers_by_wording() {
        assert_eq!(plain("Advertisement"), Some(RemovedKind::Advertisement));
        assert_eq!(plain("Image 3 of 12"), Some(RemovedKind::Other));
        assert_eq!(
            plain("Photo: Jane Doe / Agency"),
            Some(RemovedKind::PhotoCredit)
        );
        assert_eq!(plain("By Jane Doe and John Roe"), Some(RemovedKind::Byline));
        assert_eq!(
            plain("Related: Markets fall on rate fears"),
            Some(RemovedKind::Related)
        );
        assert_eq!(plain("Share this article"), Some(RemovedKind::Share));
        assert_eq!(plain("You may also like..."), Some(RemovedKind::Related));
        assert_eq!(plain("Tags: markets, rates"), Some(RemovedKind::Navigation));
        assert_eq!(
            plain("Sign up for our daily newsletter to get the news first."),
            Some(RemovedKind::Advertisement)
        );
        assert_eq!(
            plain("Jane Doe contributed to this report."),
            Some(RemovedKind::Byline)
        );
        assert_eq!(
            plain("Protesters gather outside the court (Image: Agency)"),
            Some(RemovedKind::Caption)
        );
    }

    #[test]
    fn calls_naming_someone() {
        for call in [
            "Follow Jane Doe on Twitter for more.",
            "Follow Émile on Instagram",
            "follow @jdoe",
            "Email Jane Doe at jane@example.com",
            "Write to Jane at the address below",
            "Readers can subscribe to Morning Brief here",
            "SIGN UP FOR Breaking News alerts",
        ] {
            assert_eq!(plain(call), Some(RemovedKind::Advertisement), "{call}");
        }
        // Lower-case words after the call are no name.
        for text in [
            "Investors will follow the talks on Monday.",
            "Residents were urged to sign up for evacuation alerts.",
            "Unfollow Jane Doe on Twitter",
        ] {
            assert_eq!(plain(text), None, "{text}");
        }
    }

    #[test]
    fn date_lines() {
        for line in [
            "Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM",
            "PUBLISHED: 10:48, Tue, Nov 19, 2019",
            "November 18, 2019 | 4:10pm",
            "19.11.2019, 08:57",
            "October 06, 2018",
            "segunda-feira, 22 de janeiro de 2018 às 0:13",
        ] {
            assert!(is_dateline(line), "{line}");
        }
        for line in [
            "On November 18, 2019 the council voted to close the bridge for repairs.",
            "Top 10",
            "Top 10 films of 2019",
            "Chapter 3",
        ] {
            assert!(!is_dateline(line), "{line}");
        }
    }

    #[test]
    fn ordinary_sentences_stay() {
        assert_eq!(
            plain("By the end of the year, prices had doubled across the region."),
            None
        );
        assert_eq!(plain("The advertisement ran for three weeks."), None);
        assert_eq!(plain("More than 300 people attended the meeting."), None);
    }

    #[test]
    fn link_only_headlines_are_related() {
        let got = classify(
            "Markets fall on rate fears",
            BlockKind::ListItem,
            Context::default(),
            1.0,
        );
        assert_eq!(got, Some(RemovedKind::Related));
        let kept = classify(
            "Read the full report here.",
            BlockKind::Paragraph,
            Context::default(),
            1.0,
        );
        assert_eq!(kept, None);
    }

    #[test]
    fn credit_label_is_stripped() {
        assert_eq!(
            strip_credit_label("Photo: Jane Doe / Agency"),
            "Jane Doe / Agency"
        );
    }
}
