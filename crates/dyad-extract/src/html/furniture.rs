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
    let mut buf = [0u8; super::words::LONGEST];
    for attr in ["class", "id", "itemprop", "data-component", "role"] {
        let Some(v) = node.attr(attr) else { continue };
        if v.len() > 2000 {
            continue;
        }
        for word in super::words::class_words(&v) {
            let Some(k) = super::words::lower(word, &mut buf).and_then(role_word) else {
                continue;
            };
            // Captions win over credits: a caption often holds its credit.
            if found.is_none() || k == RemovedKind::Caption {
                found = Some(k);
            }
        }
    }
    found
}

/// The furniture role a lower-case class, id or itemprop word names.
fn role_word(word: &str) -> Option<RemovedKind> {
    match word {
        "caption" | "figcaption" | "imagecaption" | "photocaption" | "wp-caption-text"
        | "caption-text" => Some(RemovedKind::Caption),
        "credit" | "credits" | "photocredit" | "imagecredit" | "copyright" => {
            Some(RemovedKind::PhotoCredit)
        }
        "byline" | "bylines" | "author" | "authors" | "dateline" | "timestamp" => {
            Some(RemovedKind::Byline)
        }
        "share" | "sharing" | "social" | "sharebar" | "share-bar" => Some(RemovedKind::Share),
        "related" | "recommended" | "recirculation" | "more-stories" | "readmore" | "read-more"
        | "trending" => Some(RemovedKind::Related),
        "advert" | "advertisement" | "ad" | "ads" | "adslot" | "ad-slot" | "dfp" | "sponsored"
        | "promo" | "newsletter" => Some(RemovedKind::Advertisement),
        "bio" | "author-bio" | "authorbio" => Some(RemovedKind::AuthorBio),
        "breadcrumb" | "breadcrumbs" | "pagination" | "tags" | "menu" => {
            Some(RemovedKind::Navigation)
        }
        _ => None,
    }
}

// The patterns below are written in lower case and matched against the block with its ASCII
// letters lowered (`classify` lowers it once): the matches of an ASCII case-insensitive
// search, at the same offsets, while compiling each pattern takes about half the time of a
// Unicode case-insensitive one (the furniture patterns: 20M → 10M instructions a process).
// Labels with non-ASCII letters fold their own case.

static AD_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(advertisement|advertising|advert|sponsored( content)?|ad|paid content|story continues below( this)? (advertisement|ad)|continue reading (the main story|below)|scroll to continue( with content)?|article continues below( advertisement)?)[.:]?$",
    )
    .expect("static regex")
});

static GALLERY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(image|photo|picture|slide|video)?\s*\d{1,3}\s*(of|/)\s*/?\s*\d{0,3}$")
        .expect("static regex")
});

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\(?(photo|image|picture|illustration|graphic|video)s?( credit)?\s*(:|by)|credit:|©|\(c\) |copyright )",
    )
    .expect("static regex")
});

/// Share bars: "Share", "Tweet this", "Email this story", "Share on Facebook", "Follow us on
/// Instagram", alone in their block. (Checked in code: the pattern's `\w` runs took 5M
/// instructions to compile in every process.)
fn is_share(text: &str) -> bool {
    const VERBS: [&str; 7] = [
        "share",
        "tweet",
        "email",
        "print",
        "copy link",
        "pin",
        "comment",
    ];
    const AFTER: [&str; 7] = ["", " this", " on", " via", " article", " story", " link"];
    let verb_calls = VERBS.iter().any(|verb| {
        strip_prefix_ci(text, verb).is_some_and(|rest| {
            [strip_prefix_ci(rest, "s"), Some(rest)]
                .into_iter()
                .flatten()
                .any(|rest| {
                    AFTER.iter().any(|after| {
                        strip_prefix_ci(rest, after).is_some_and(|r| ends_share(r, " "))
                    })
                })
        })
    });
    verb_calls || strip_prefix_ci(text, "follow us").is_some_and(|rest| ends_share(rest, " on "))
}

/// The end of a share label: nothing, or `lead` and one word, then at most a `.`, `:` or `!`.
fn ends_share(rest: &str, lead: &str) -> bool {
    let closes = |r: &str| matches!(r, "" | "." | ":" | "!");
    closes(rest)
        || strip_prefix_ci(rest, lead).is_some_and(|word| {
            let end = word.find(|c: char| !is_word_char(c)).unwrap_or(word.len());
            end > 0 && closes(&word[end..])
        })
}

/// `text` after `prefix` (ASCII, matched in any case).
fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    text.get(..prefix.len())
        .filter(|t| t.eq_ignore_ascii_case(prefix))
        .map(|_| &text[prefix.len()..])
}

/// A label that opens a block and introduces a link to another article: "Related:", "Read
/// more »", "More from Politics:", "[See also -". (Checked in code: as a pattern, the
/// label's free text of up to 60 characters took 6M instructions to compile.)
fn is_related_label(text: &str) -> bool {
    const LABELS: [&str; 18] = [
        "related",
        "read more",
        "see more",
        "see also",
        "also read",
        "read also",
        "more",
        "recommended",
        "related stories",
        "related articles",
        "related content",
        "related coverage",
        "related news",
        "related post",
        "related posts",
        "related reading",
        "you may also like",
        "you might also like",
    ];
    let text = text.strip_prefix('[').unwrap_or(text);
    let sep = |rest: &str| rest.trim_start().starts_with([':', '>', '»', '|', '-']);
    LABELS
        .iter()
        .any(|label| strip_prefix_ci(text, label).is_some_and(sep))
        || strip_prefix_ci(text, "related coverage from ")
            .is_some_and(|rest| free_text_then(rest, ':', sep))
        || ["more from ", "more on ", "more about "]
            .iter()
            .any(|label| {
                strip_prefix_ci(text, label).is_some_and(|rest| free_text_then(rest, '.', sep))
            })
}

/// Whether 1 to 60 characters other than `not` open `rest` and are followed by what `then`
/// accepts (any such length will do).
fn free_text_then(rest: &str, not: char, then: impl Fn(&str) -> bool) -> bool {
    for (n, (i, c)) in rest.char_indices().enumerate() {
        if n == 60 || c == not {
            return false;
        }
        if then(&rest[i + c.len_utf8()..]) {
            return true;
        }
    }
    false
}

/// A label standing alone that introduces links to other articles.
static RELATED_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(related|related (stories|articles|content|coverage|news|posts|links|reading)|read more|see more( photos| videos)?|see also|also read|more( great)?( \S+)? (stories|news|articles|videos)|more from( \S+){1,3}|you (may|might) also like|recommended( for you| stories| reading)?|trending( now| stories)?|most (read|popular|viewed|shared)|don'?t miss|top stories|latest (news|stories)|what to read next|editor'?s picks|popular (now|stories))[.:!…]*$",
    )
    .expect("static regex")
});

/// Calls to subscribe, sign up, follow or get in touch, in fixed wording; the calls that
/// name someone or something are found by [`names_promo`].
static PROMO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(^(subscribe|sign up|join)(?-u:\b)|(?-u:\b)(sign up (for|to) (our|the)|subscribe (to|for) (our|the)|follow (us|him|her|them) (on|at)|join (us|our) |download (the|our) app|have a (news )?tip|(can|may) be reached at|want more stories|delivered (to|through) your (inbox|letterbox|door)|if you enjoyed this article|listen (live|back)))",
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
        // `bytes[i]` is ASCII, so `i` starts a character.
        let after = |words: &str| strip_prefix_ci(&text[i..], words);
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
    strip_prefix_ci(text, "write to ").is_some_and(capital_next)
        || strip_prefix_ci(text, "email ").is_some_and(|rest| name_then(rest, "at"))
}

/// One or two capitalised words of at least two letters ("Jane", "Jane Doe"), a space and
/// `word` (matched in any case, as a word's opening).
fn name_then(rest: &str, word: &str) -> bool {
    let Some(after) = capitalised_word(rest).and_then(|r| r.strip_prefix(' ')) else {
        return false;
    };
    let opens = |t: &str| strip_prefix_ci(t, word).is_some();
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
    LazyLock::new(|| Regex::new(r"(?-u:\b)newsletters?(?-u:\b)").expect("static regex"));

/// Tag lists, reading times, comment prompts and similar page furniture: the block opens
/// with one of these labels and the rest of it ([`is_page_note`]) is short and unpunctuated.
/// Labels ending in a non-ASCII letter are followed by a non-word character or the end: an
/// ASCII word boundary never falls after such a letter.
static PAGE_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(tags?|tagged|filed under|topics?|categories|category|posted in|tempo de leitura|reading time|\d+\s*min(ute)?s?\s*read|read time|post (a )?comment|leave a (comment|reply)|comments?|\d+ comments?|add (a )?comment|tell us what you think|order reprints|text size|print this|sharing is caring|about the authors?|advertisement|iklan|anzeige|publicidad|werbung)(?-u:\b)|^(?i:publicité|pubblicità)(?:\W|$)",
    )
    .expect("static regex")
});

/// A [`PAGE_NOTE`] label followed by at most 200 characters without `.`, `!` or `?`. (The
/// tail is checked here rather than as `[^.!?]{0,200}` in the pattern, which took most of
/// the pattern's compile time; no two labels match the same opening, so the label found is
/// the one the whole pattern would use.)
/// `low` is `text` with ASCII letters lowered.
fn is_page_note(text: &str, low: &str) -> bool {
    PAGE_NOTE.find(low).is_some_and(|m| {
        let tail = &text[m.end()..];
        !tail.contains(['.', '!', '?']) && tail.chars().count() <= 200
    })
}

/// "... contributed to this report" and similar credit lines.
static CONTRIBUTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?-u:\b)(contributed (to )?(this )?(report|reporting|story)|contributed reporting|with (post|wire|news) (wires|services|agencies))(?-u:\b)|^(additional )?(reporting|editing|writing) by(?-u:\b))")
        .expect("static regex")
});

/// A caption that ends with its credit: "(Image: Agency)", "(credit: NASA/Jane Doe)",
/// "(Agency/Jane Doe)", "…in New York. Reuters". (Checked in code: the pattern's bounded
/// free-text runs took 8M instructions to compile in every process.)
fn ends_with_credit(text: &str) -> bool {
    let t = text.trim_end();
    if let Some(inner) = t.strip_suffix(')') {
        // The closing bracket's own text starts after any earlier `)`.
        let own = &inner[inner.rfind(')').map_or(0, |i| i + 1)..];
        if own
            .match_indices('(')
            .any(|(i, _)| credit_label(&own[i + 1..]))
        {
            return true;
        }
        // "(Agency/Jane Doe)": at most 40 characters on each side of a `/`, no other bracket.
        if let Some(open) = own.rfind('(') {
            let inside = &own[open + 1..];
            if inside.match_indices('/').any(|(j, _)| {
                inside[..j].chars().count() <= 40 && inside[j + 1..].chars().count() <= 40
            }) {
                return true;
            }
        }
    }
    if ends_with_agency(t) {
        return true;
    }
    // "Agency/Jane Doe": at most 40 characters after the `/`, none a full stop.
    t.match_indices('/').any(|(j, _)| {
        let after = &t[j + 1..];
        !after.contains('.') && after.chars().count() <= 40 && ends_with_agency(t[..j].trim_end())
    })
}

/// Whether a bracket's text opens with a credit label and a colon: "Photo:", "Images
/// credit :", "Credit:".
fn credit_label(text: &str) -> bool {
    const LABELS: [&str; 9] = [
        "image",
        "photo",
        "picture",
        "pic",
        "credit",
        "source",
        "foto",
        "illustration",
        "video",
    ];
    LABELS.iter().any(|label| {
        strip_prefix_ci(text, label).is_some_and(|rest| {
            let rest = strip_prefix_ci(rest, "s").unwrap_or(rest).trim_start();
            let rest = strip_prefix_ci(rest, "credit").unwrap_or(rest).trim_start();
            rest.starts_with(':')
        })
    })
}

/// Whether `text` ends with a picture agency's name, as a word of its own.
fn ends_with_agency(text: &str) -> bool {
    const AGENCIES: [&str; 11] = [
        "getty images",
        "afp",
        "ap photo",
        "reuters",
        "epa",
        "shutterstock",
        "istock",
        "ap",
        "getty",
        "pa",
        "alamy",
    ];
    let bytes = text.as_bytes();
    AGENCIES.iter().any(|agency| {
        let Some(start) = text.len().checked_sub(agency.len()) else {
            return false;
        };
        bytes[start..].eq_ignore_ascii_case(agency.as_bytes())
            && (start == 0
                || !(bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_'))
    })
}

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

/// "By Jane Doe", "BY JANE DOE AND JOHN ROE, Reuters", "By Jean de la Fontaine | May 3":
/// "By" and capitalised names, then at most 60 more characters on the line. (Checked in
/// code: the pattern's Unicode letter classes took 9M instructions to compile.)
fn is_byline(text: &str) -> bool {
    let Some(rest) = ["By", "BY", "by"]
        .iter()
        .find_map(|by| text.strip_prefix(by))
    else {
        return false;
    };
    let Some(first) = after_space(rest) else {
        return false;
    };
    let Some(mut rest) = capitalised_name(first, 1) else {
        return false;
    };
    while let Some(t) = after_space(rest) {
        let next = capitalised_name(t, 0).or_else(|| {
            ["and", "&", "de", "van", "von", ","]
                .iter()
                .find_map(|w| t.strip_prefix(w))
        });
        match next {
            Some(r) => rest = r,
            None => break,
        }
    }
    let tail = rest.trim_start();
    let tail = tail.strip_prefix([',', '|']).unwrap_or(tail);
    !tail.contains('\n') && tail.chars().count() <= 60
}

/// `s` after its leading white space, if it has any.
fn after_space(s: &str) -> Option<&str> {
    let t = s.trim_start();
    (t.len() < s.len()).then_some(t)
}

/// The text after a name word: a capital letter and at least `more` letters, full stops,
/// apostrophes or hyphens (as many as follow).
fn capitalised_name(text: &str, more: usize) -> Option<&str> {
    let first = text.chars().next().filter(|c| c.is_uppercase())?;
    let body = &text[first.len_utf8()..];
    let end = body
        .find(|c: char| !(c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-')))
        .unwrap_or(body.len());
    (end >= more).then(|| &body[end..])
}

/// The largest word count any test of [`classify`] looks at (captions inside figures).
const MOST_WORDS_READ: usize = 80;

/// Classifies one block of text. `None` keeps it in the body.
pub fn classify(
    text: &str,
    kind: BlockKind,
    context: Context,
    link_share: f32,
) -> Option<RemovedKind> {
    // Counted up to one past the largest word limit below: a longer block is read alike.
    let words = text.split_whitespace().take(MOST_WORDS_READ + 1).count();
    // What the patterns read (none looks at a block of more than 45 words).
    let low = if words <= 45 {
        text.to_ascii_lowercase()
    } else {
        String::new()
    };
    // Neither marker pattern matches more than five words.
    if words <= 6 && AD_MARKER.is_match(&low) {
        return Some(RemovedKind::Advertisement);
    }
    if words <= 6 && GALLERY.is_match(&low) {
        return Some(RemovedKind::Other);
    }
    if words <= 25 && CREDIT.is_match(&low) {
        return Some(RemovedKind::PhotoCredit);
    }
    if words <= 6 && is_share(text) {
        return Some(RemovedKind::Share);
    }
    if words <= 30 && is_related_label(text) {
        return Some(RemovedKind::Related);
    }
    if words <= 8 && RELATED_HEADER.is_match(&low) {
        return Some(RemovedKind::Related);
    }
    if words <= 40 && is_page_note(text, &low) {
        return Some(RemovedKind::Navigation);
    }
    if words <= 20 && is_dateline(text) {
        return Some(RemovedKind::Byline);
    }
    if words <= 45 && (PROMO.is_match(&low) || names_promo(text))
        || words <= 25 && NEWSLETTER.is_match(&low)
    {
        return Some(RemovedKind::Advertisement);
    }
    if words <= 40 && CONTRIBUTED.is_match(&low) {
        return Some(RemovedKind::Byline);
    }
    if words <= 60
        && kind != BlockKind::Heading
        && ends_with_credit(text)
        && !text.trim_end().ends_with(['.', '!', '?'])
    {
        return Some(RemovedKind::Caption);
    }
    if words <= 12 && kind != BlockKind::Heading && is_byline(text) {
        return Some(RemovedKind::Byline);
    }
    if let Some(role) = context.role {
        // A long passage inside an element labelled as furniture is more likely article
        // text in an oddly named wrapper than furniture.
        if words <= 60 || role == RemovedKind::Caption {
            return Some(role);
        }
    }
    if context.in_figure && words <= MOST_WORDS_READ {
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
        Regex::new(r"^\(?((photo|image|picture)s?( credit)?\s*(:|by)|credit:|©|\(c\)|copyright)\s*")
            .expect("static regex")
    });
    let low = text.to_ascii_lowercase();
    let s = match LABEL.find(&low) {
        Some(m) => format!("{}{}", &text[..m.start()], &text[m.end()..]),
        None => text.to_string(),
    };
    s.trim().trim_end_matches(')').trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Option<RemovedKind> {
        classify(text, BlockKind::Paragraph, Context::default(), 0.0)
    }

    #[test]
    fn words_are_counted_up_to_the_largest_limit() {
        let figure = Context {
            in_figure: true,
            ..Context::default()
        };
        let text = |n: usize| format!("{} end", "word ".repeat(n - 1).trim_end());
        let in_figure = |n: usize| classify(&text(n), BlockKind::Paragraph, figure, 0.0);
        assert_eq!(in_figure(MOST_WORDS_READ), Some(RemovedKind::Caption));
        assert_eq!(in_figure(MOST_WORDS_READ + 1), None);
        assert_eq!(in_figure(500), None);
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
        assert_eq!(plain("Publicité"), Some(RemovedKind::Navigation));
        assert_eq!(plain("PUBBLICITÀ"), Some(RemovedKind::Navigation));
        assert_eq!(plain("Publicités et partenaires"), None);
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

    /// Asserts that `test` holds for each of `yes` and for none of `no`.
    fn sorts(test: fn(&str) -> bool, yes: &[&str], no: &[&str]) {
        for text in yes {
            assert!(test(text), "{text}");
        }
        for text in no {
            assert!(!test(text), "{text}");
        }
    }

    #[test]
    fn bylines() {
        sorts(
            is_byline,
            &[
                "By Jane Doe",
                "BY JANE DOE AND JOHN ROE, Reuters",
                "By Jean de la Fontaine | May 3, 2019",
                "by Émile O'Neill-Smith & J. R. Roe",
            ],
            &[
                "Byron Smith",
                "By the end of the year",
                "By J",
                "By Jane Doe, who has covered the region for the paper since the spring of 2003 and more",
            ],
        );
    }

    #[test]
    fn credits_closing_captions() {
        sorts(
            ends_with_credit,
            &[
                "Protesters in Paris (AFP/Jane Doe)",
                "Smoke rises over the city. Reuters",
                "A view of the harbour AP Photo/John Roe ",
                "The launch pad (Photos credit : NASA)",
                "Crowds (left) gather (Image: Agency)",
            ],
            &[
                "He met the press (briefly)",
                "Shares fell in Tampa",
                "The vote (held on 3/4) passed",
                "A tie (Getty) (and more)",
            ],
        );
    }

    #[test]
    fn share_bars_and_related_labels() {
        sorts(
            is_share,
            &[
                "Share",
                "Tweet this",
                "Share on Facebook",
                "Follow us on Instagram!",
                "Comments",
                "EMAIL THIS STORY.",
            ],
            &["Share prices fell", "Sharing is caring", "Follow us there"],
        );
        sorts(
            is_related_label,
            &[
                "Related: Markets fall",
                "Read more » Markets fall",
                "More from Politics: Markets fall",
                "[See also - Markets fall",
                "Related coverage from Reuters: Markets fall",
            ],
            &[
                "More than 300 people attended.",
                "Recommended reading list",
                "More from the minister. She said: no",
            ],
        );
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

    /// The lower-case patterns see blocks in any case: ASCII letters are lowered for them.
    #[test]
    fn patterns_read_blocks_in_any_case() {
        for text in [
            "ADVERTISEMENT",
            "Advertisement",
            "TAGS: Politics, Economy",
            "Photo 3 OF 12",
        ] {
            assert!(plain(text).is_some(), "{text}");
        }
        assert_eq!(
            plain("SIGN UP FOR OUR DAILY NEWSLETTER"),
            Some(RemovedKind::Advertisement)
        );
        assert_eq!(
            strip_credit_label("PHOTO: Jane Doe / Agency"),
            "Jane Doe / Agency"
        );
        assert_eq!(strip_credit_label("Jane Doe"), "Jane Doe");
    }

    #[test]
    fn credit_label_is_stripped() {
        assert_eq!(
            strip_credit_label("Photo: Jane Doe / Agency"),
            "Jane Doe / Agency"
        );
    }
}
