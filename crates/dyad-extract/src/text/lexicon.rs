//! The lexicon of page furniture: the labels that news sites print around an article
//! (advertisement markers, share prompts, links to other articles, navigation, subscription
//! and cookie prompts, legal lines), in the styles of many kinds of sites.
//!
//! Each [`Entry`] is a lower-case phrase, how it must sit in a line ([`Fit`]), the
//! [`RemovedKind`] it marks, and whether it is *closing* furniture: the kind that gathers
//! after the end of an article, so that a run of it ends the body.
//!
//! Lines are compared after [`normalize`]: lower-cased, whitespace folded, decorations
//! (bullets, arrows, pipes) and trailing counters (`Comments (12)`) stripped.

use dyad_doc::RemovedKind;

/// How a lexicon phrase must sit in a line for the line to be furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// The whole line is the phrase.
    Whole,
    /// The line starts with the phrase, then a non-letter (`Read more: …`, `Tags: a, b`).
    Lead,
    /// The line starts with the phrase, possibly glued to what follows
    /// (`Previous articleTitle of that article`).
    Glued,
}

/// One piece of page furniture.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// Lower-case phrase, words separated by one space.
    pub phrase: &'static str,
    pub fit: Fit,
    pub kind: RemovedKind,
    /// True for furniture that gathers after the article's end (share bars, links to the
    /// previous/next article, tags, comments, legal lines).
    pub closing: bool,
}

const fn e(phrase: &'static str, fit: Fit, kind: RemovedKind, closing: bool) -> Entry {
    Entry {
        phrase,
        fit,
        kind,
        closing,
    }
}

use Fit::{Glued, Lead, Whole};
use RemovedKind::{Advertisement as Ad, Navigation as Nav, Other, Related, Share};

/// The furniture table. Longer phrases that share a start with shorter ones come first only
/// for readability: matching picks the longest phrase that fits.
pub const FURNITURE: &[Entry] = &[
    // Advertisement markers.
    e("advertisement", Whole, Ad, false),
    e("advertisement:", Lead, Ad, false),
    e("advertisements", Whole, Ad, false),
    e("advert", Whole, Ad, false),
    e("ad", Whole, Ad, false),
    e("ads", Whole, Ad, false),
    e("sponsored", Whole, Ad, false),
    e("sponsored content", Lead, Ad, false),
    e("sponsored by", Lead, Ad, false),
    e("paid content", Lead, Ad, false),
    e("paid post", Lead, Ad, false),
    e("promoted", Whole, Ad, false),
    e("promoted stories", Lead, Ad, true),
    e("partner content", Lead, Ad, false),
    e("story continues below advertisement", Whole, Ad, false),
    e("story continues below", Whole, Ad, false),
    e("article continues below", Lead, Ad, false),
    e("article continues after advertisement", Whole, Ad, false),
    e("continue reading below", Whole, Ad, false),
    e("continue reading the main story", Whole, Ad, false),
    e("content continues below", Lead, Ad, false),
    e("scroll to continue with content", Whole, Ad, false),
    e("scroll to continue reading", Whole, Ad, false),
    e("scroll to continue", Lead, Ad, false),
    e("skip advertisement", Whole, Ad, false),
    e("remove ads", Whole, Ad, false),
    e("ad feedback", Whole, Ad, false),
    e("report this ad", Whole, Ad, false),
    // Share prompts.
    e("share", Whole, Share, true),
    e("shares", Whole, Share, true),
    e("share this", Lead, Share, true),
    e("share this article", Lead, Share, true),
    e("share this story", Lead, Share, true),
    e("share this post", Lead, Share, true),
    e("share this page", Lead, Share, true),
    e("share on", Lead, Share, true),
    e("share via", Lead, Share, true),
    e("share article", Whole, Share, true),
    e("share story", Whole, Share, true),
    e("share full article", Whole, Share, true),
    e("share options", Whole, Share, true),
    e("click to share", Lead, Share, true),
    e("share or comment on this article", Lead, Share, true),
    e("click to print", Lead, Share, true),
    e("click to email", Lead, Share, true),
    e("tweet", Whole, Share, true),
    e("tweet this", Lead, Share, true),
    e("pin it", Whole, Share, true),
    e("print", Whole, Share, true),
    e("print this article", Whole, Share, true),
    e("print article", Whole, Share, true),
    e("email", Whole, Share, true),
    e("email this article", Lead, Share, true),
    e("copy link", Whole, Share, true),
    e("copy url", Whole, Share, true),
    e("link copied", Lead, Share, true),
    e("gift this article", Whole, Share, true),
    e("give this article", Whole, Share, true),
    e("save", Whole, Share, true),
    e("save article", Whole, Share, true),
    e("bookmark", Whole, Share, true),
    e("like this", Whole, Share, true),
    e("like", Whole, Share, true),
    e("loading", Whole, Share, true),
    // Links to other articles.
    e("previous article", Glued, Related, true),
    e("next article", Glued, Related, true),
    e("previous post", Glued, Related, true),
    e("next post", Glued, Related, true),
    e("previous story", Glued, Related, true),
    e("next story", Glued, Related, true),
    e("older post", Glued, Related, true),
    e("newer post", Glued, Related, true),
    e("up next", Lead, Related, true),
    e("read more", Lead, Related, false),
    e("read more:", Glued, Related, false),
    e("read also", Lead, Related, false),
    e("also read", Lead, Related, false),
    e("see also", Lead, Related, false),
    e("read next", Lead, Related, true),
    e("read this next", Lead, Related, true),
    e("related", Whole, Related, false),
    e("related analysis", Lead, Related, true),
    e("related reading", Lead, Related, true),
    e("related links", Lead, Related, true),
    e("related news", Lead, Related, true),
    e("related video", Lead, Related, false),
    e("related:", Glued, Related, false),
    e("related articles", Lead, Related, true),
    e("related stories", Lead, Related, true),
    e("related posts", Lead, Related, true),
    e("related content", Lead, Related, true),
    e("related coverage", Lead, Related, false),
    e("related topics", Lead, Related, true),
    e("recommended", Lead, Related, true),
    e("recommended for you", Lead, Related, true),
    e("recommended stories", Lead, Related, true),
    e("more from", Lead, Related, true),
    e("more stories", Lead, Related, true),
    e("more news", Lead, Related, true),
    e("more on this story", Lead, Related, true),
    e("more on this", Lead, Related, true),
    e("more in", Whole, Related, true),
    e("more in:", Glued, Related, true),
    e("you may also like", Lead, Related, true),
    e("you might also like", Lead, Related, true),
    e("you may be interested in", Lead, Related, true),
    e("don't miss", Lead, Related, true),
    e("don’t miss", Lead, Related, true),
    e("most read", Lead, Related, true),
    e("most popular", Lead, Related, true),
    e("trending", Whole, Related, true),
    e("trending:", Glued, Related, true),
    e("trending now", Lead, Related, true),
    e("top stories", Lead, Related, true),
    e("latest news", Lead, Related, true),
    e("latest stories", Lead, Related, true),
    e("in other news", Lead, Related, true),
    e("watch", Lead, Related, false),
    e("watch now", Lead, Related, false),
    e("click here to", Lead, Related, false),
    e("continue reading", Whole, Related, false),
    // Subscription, newsletter, follow prompts.
    e("subscribe", Lead, Nav, true),
    e("subscribe now", Lead, Nav, true),
    e("subscribe to our newsletter", Lead, Nav, true),
    e("sign up", Lead, Nav, true),
    e("sign up for", Lead, Nav, true),
    e("sign up to", Lead, Nav, true),
    e("sign in", Lead, Nav, true),
    e("log in", Lead, Nav, true),
    e("login", Whole, Nav, true),
    e("register", Whole, Nav, true),
    e("get our newsletter", Lead, Nav, true),
    e("get the latest", Lead, Nav, true),
    e("newsletter", Lead, Nav, true),
    e("join our newsletter", Lead, Nav, true),
    e("join our whatsapp", Lead, Nav, true),
    e("join our telegram", Lead, Nav, true),
    e("follow us", Lead, Nav, true),
    e("follow us on", Lead, Nav, true),
    e("follow", Whole, Nav, true),
    e("follow the latest", Lead, Nav, true),
    e("download our app", Lead, Nav, true),
    e("download the app", Lead, Nav, true),
    e("support our journalism", Lead, Nav, true),
    e("become a member", Lead, Nav, true),
    e("already a subscriber", Lead, Nav, true),
    e("this article is for subscribers", Lead, Nav, true),
    e("enter your email", Lead, Nav, true),
    e("thank you for signing up", Lead, Nav, true),
    // Comments.
    e("comments", Whole, Nav, true),
    e("comment", Whole, Nav, true),
    e("leave a comment", Lead, Nav, true),
    e("leave a reply", Lead, Nav, true),
    e("post a comment", Lead, Nav, true),
    e("add a comment", Lead, Nav, true),
    e("view comments", Lead, Nav, true),
    e("show comments", Lead, Nav, true),
    e("join the conversation", Lead, Nav, true),
    e("join the discussion", Lead, Nav, true),
    e("comments are closed", Lead, Nav, true),
    // Navigation, page chrome, cookies.
    e("skip to content", Lead, Nav, false),
    e("skip to main content", Lead, Nav, false),
    e("skip to navigation", Lead, Nav, false),
    e("jump to", Lead, Nav, false),
    e("home", Whole, Nav, false),
    e("menu", Whole, Nav, false),
    e("search", Whole, Nav, false),
    e("close", Whole, Nav, false),
    e("back to top", Whole, Nav, true),
    e("go to top", Whole, Nav, true),
    e("listen to this article", Lead, Nav, false),
    e("listen", Whole, Nav, false),
    e("play video", Whole, Nav, false),
    e("video", Whole, Nav, false),
    e("image", Whole, Nav, false),
    e("photo", Whole, Nav, false),
    e("enlarge", Whole, Nav, false),
    e("enlarge this image", Whole, Nav, false),
    e("toggle caption", Whole, Nav, false),
    e("hide caption", Whole, Nav, false),
    e("font size", Lead, Nav, false),
    e("text size", Lead, Nav, false),
    e("reading time", Lead, Nav, false),
    e("key events", Whole, Nav, false),
    e("pinned post", Whole, Nav, false),
    e("live", Whole, Nav, false),
    e("live updates", Whole, Nav, false),
    e("refresh", Whole, Nav, false),
    e("show key events only", Whole, Nav, false),
    e("please turn on javascript", Lead, Nav, false),
    e("we use cookies", Lead, Nav, false),
    e("this website uses cookies", Lead, Nav, false),
    e("this site uses cookies", Lead, Nav, false),
    e("cookie policy", Lead, Nav, true),
    e("cookie settings", Lead, Nav, true),
    e("accept cookies", Lead, Nav, false),
    e("accept all cookies", Lead, Nav, false),
    e("privacy policy", Lead, Nav, true),
    e("terms of use", Lead, Nav, true),
    e("terms of service", Lead, Nav, true),
    e("terms and conditions", Lead, Nav, true),
    e("contact us", Whole, Nav, true),
    e("about us", Whole, Nav, true),
    // Tags, categories, legal lines, end marks.
    e("tags", Whole, Other, true),
    e("tags:", Glued, Other, true),
    e("tagged", Whole, Other, true),
    e("tagged:", Glued, Other, true),
    e("tagged with", Lead, Other, true),
    e("filed under", Lead, Other, true),
    e("topics", Whole, Other, true),
    e("topics:", Glued, Other, true),
    e("suggested topics", Lead, Other, true),
    e("categories", Whole, Other, true),
    e("categories:", Glued, Other, true),
    e("category", Whole, Other, true),
    e("category:", Glued, Other, true),
    e("posted in", Whole, Other, true),
    e("posted in:", Glued, Other, true),
    e("copyright", Lead, Other, true),
    e("©", Glued, Other, true),
    e("all rights reserved", Lead, Other, true),
    e("this material may not be published", Lead, Other, true),
    e("our standards", Lead, Other, true),
    e("-ends-", Whole, Other, true),
    e("ends", Whole, Other, true),
    e("notes to editors", Lead, Other, true),
    e("note to editors", Lead, Other, true),
    e("for immediate release", Lead, Other, false),
    e("media contact", Lead, Other, true),
    e("press contact", Lead, Other, true),
    e("media enquiries", Lead, Other, true),
    e("media inquiries", Lead, Other, true),
    e("for more information", Lead, Other, true),
    e("about the author", Lead, RemovedKind::AuthorBio, true),
    e("about the authors", Lead, RemovedKind::AuthorBio, true),
    e("editor's note", Whole, Other, false),
    e("this is a rush transcript", Lead, Other, false),
    e("this article appears in", Lead, Other, true),
    e("this article appeared in", Lead, Other, true),
    e("this article was originally published", Lead, Other, true),
    e("this story was originally published", Lead, Other, true),
    e("this story originally appeared", Lead, Other, true),
    e("a version of this article", Lead, Other, true),
    e("a version of this story", Lead, Other, true),
    e("the views expressed", Lead, Other, true),
    e("corrections", Whole, Other, true),
    e("report an error", Lead, Other, true),
    e("did you find this article useful", Lead, Other, true),
    e("was this article helpful", Lead, Other, true),
];

/// Social networks and messaging services whose names, alone or in a row, form a share bar.
pub const SHARE_TARGETS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "telegram",
    "email",
    "e-mail",
    "mail",
    "reddit",
    "pinterest",
    "tumblr",
    "flipboard",
    "messenger",
    "threads",
    "bluesky",
    "mastodon",
    "instagram",
    "youtube",
    "tiktok",
    "vk",
    "line",
    "viber",
    "print",
    "share",
    "copy",
    "link",
    "sms",
];

/// Photo agencies and picture desks: a short line ending in one of these is a photo credit.
pub const PHOTO_AGENCIES: &[&str] = &[
    "reuters",
    "ap",
    "ap photo",
    "associated press",
    "afp",
    "afp via getty images",
    "getty images",
    "getty",
    "via getty images",
    "via reuters",
    "epa",
    "epa-efe",
    "efe",
    "anadolu",
    "anadolu agency",
    "shutterstock",
    "alamy",
    "pa",
    "pa wire",
    "pa images",
    "pa media",
    "flash90",
    "xinhua",
    "tass",
    "sputnik",
    "sipa",
    "bloomberg",
    "nurphoto",
    "zuma press",
    "zuma wire",
    "imago",
    "dpa",
    "ansa",
    "kyodo",
    "yonhap",
    "wikimedia commons",
    "istock",
    "unsplash",
    "handout",
    "file photo",
    "courtesy",
];

/// Decorations stripped from both ends of a line before lexicon matching.
fn is_decoration(c: char) -> bool {
    matches!(
        c,
        '•' | '·'
            | '|'
            | '»'
            | '«'
            | '›'
            | '‹'
            | '>'
            | '<'
            | '→'
            | '←'
            | '▶'
            | '►'
            | '▸'
            | '■'
            | '▪'
            | '◆'
            | '★'
            | '☆'
            | '✓'
            | '✔'
            | '✕'
            | '×'
            | '+'
            | '*'
            | '-'
            | '–'
            | '—'
            | '='
            | '~'
            | '#'
            | '['
            | ']'
            | '{'
            | '}'
            | '…'
            | '.'
            | ':'
            | '!'
            | '?'
    ) || c.is_whitespace()
}

/// Lower-cases `line`, folds whitespace, and strips decorations and a trailing counter
/// (`Comments (12)`, `Shares 340`).
pub fn normalize(line: &str) -> String {
    let mut out = String::with_capacity(line.len().min(256));
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            out.extend(c.to_lowercase());
        }
    }
    strip_counter(out.trim_matches(is_decoration)).to_string()
}

fn strip_counter(s: &str) -> &str {
    let t = s.trim_end_matches(|c: char| c == ')' || c == '(' || c.is_ascii_digit() || c == ' ');
    let t = t.trim_end_matches(is_decoration);
    if t.is_empty() {
        s
    } else {
        t
    }
}

/// The lexicon entry that `line` is, if any: the longest fitting phrase wins. `words` is the
/// line's word count: `Lead` entries only fit short lines, so prose that happens to start
/// with a label is left alone.
pub fn lookup(line: &str, words: usize) -> Option<&'static Entry> {
    if words > MAX_LABEL_LINE_WORDS {
        return None;
    }
    let norm = normalize(line);
    lookup_normalized(&norm, words)
}

/// [`lookup`] for a line already passed through [`normalize`].
pub fn lookup_normalized(norm: &str, words: usize) -> Option<&'static Entry> {
    // Every phrase is a few words long, and labels only count in short lines.
    if norm.is_empty() || words > MAX_LABEL_LINE_WORDS {
        return None;
    }
    let first = norm.as_bytes()[0];
    FURNITURE
        .iter()
        .filter(|e| e.phrase.as_bytes().first() == Some(&first) && fits(e, norm, words))
        .max_by_key(|e| e.phrase.len())
}

/// Lines longer than this are never a furniture label (they are prose that happens to
/// start like one).
pub const MAX_LABEL_LINE_WORDS: usize = 30;

fn fits(entry: &Entry, norm: &str, words: usize) -> bool {
    match entry.fit {
        Fit::Whole => norm == entry.phrase,
        Fit::Lead => {
            words <= MAX_LABEL_LINE_WORDS
                && norm.starts_with(entry.phrase)
                && !norm[entry.phrase.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        }
        Fit::Glued => words <= MAX_LABEL_LINE_WORDS && norm.starts_with(entry.phrase),
    }
}

/// True when every word of the line names a share target (`Facebook Twitter WhatsApp`).
pub fn is_share_bar(norm: &str) -> bool {
    let mut n = 0;
    for w in norm.split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | ',' | '·' | '•'))
    {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        if w.is_empty() {
            continue;
        }
        if !SHARE_TARGETS.contains(&w) {
            return false;
        }
        n += 1;
    }
    n > 0 && n <= 12
}

/// True when `norm` (lower case) is a photo agency or ends with one after a `/`, `via` or
/// space (`jane roe/reuters`, `afp via getty images`).
pub fn ends_with_agency(norm: &str) -> bool {
    let t = norm.trim_end_matches(|c: char| !c.is_alphanumeric());
    PHOTO_AGENCIES.iter().any(|a| {
        t == *a
            || t.strip_suffix(a).is_some_and(|head| {
                head.ends_with('/') || head.ends_with(" / ") || head.ends_with(" via ")
            })
    })
}

/// A reading-time or listening-time label: `7 min read`, `4 minutes`, `12-minute listen`.
pub fn is_reading_time(norm: &str) -> bool {
    let digits = norm.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return false;
    }
    let rest = norm[digits..].trim_start_matches([' ', '-']);
    let rest = ["minutes", "minute", "mins", "min"]
        .iter()
        .find_map(|u| rest.strip_prefix(u));
    rest.is_some_and(|r| matches!(r.trim(), "" | "read" | "listen" | "watch" | "reading time"))
}

/// True when `norm` (lower case) opens with a photo agency and a slash (`ap photo/jane roe`,
/// `reuters/jane roe`).
pub fn starts_with_agency(norm: &str) -> bool {
    PHOTO_AGENCIES.iter().any(|a| {
        norm.strip_prefix(a)
            .is_some_and(|rest| rest.trim_start().starts_with('/'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_lower_case_and_single_spaced() {
        for entry in FURNITURE {
            assert_eq!(entry.phrase, entry.phrase.to_lowercase());
            assert!(!entry.phrase.contains("  "));
            assert!(
                lookup_normalized(&normalize(entry.phrase), 1).is_some(),
                "{}",
                entry.phrase
            );
        }
    }

    #[test]
    fn whole_lead_and_glued_fits() {
        assert_eq!(lookup("ADVERTISEMENT", 1).map(|e| e.kind), Some(Ad));
        assert_eq!(
            lookup("Share this article on WhatsApp:", 6).map(|e| e.kind),
            Some(Share)
        );
        let glued = lookup("Previous articleLeaders Meet in Geneva", 5).unwrap();
        assert_eq!(glued.kind, Related);
        assert!(glued.closing);
        assert_eq!(lookup("Comments (12)", 2).map(|e| e.kind), Some(Nav));
        assert_eq!(
            lookup("» Read more: Talks resume", 4).map(|e| e.kind),
            Some(Related)
        );
    }

    #[test]
    fn prose_starting_like_a_label_is_not_furniture() {
        assert!(lookup("Advertisements for the new service ran all week.", 8).is_none());
        assert!(lookup("Sharecroppers in the valley said the rains came late.", 9).is_none());
        assert!(lookup("Related talks were held in Geneva.", 6).is_none());
        assert!(lookup("Topics on the Table", 4).is_none());
        assert_eq!(
            lookup("TAGS: Geneva, talks", 3).map(|e| e.kind),
            Some(Other)
        );
        let long = "Related talks were held in Geneva last week, officials said, and more are planned for the spring after both sides agreed on an agenda that covers trade, energy, transport and the release of detainees held since the war";
        assert!(lookup(long, long.split_whitespace().count()).is_none());
    }

    #[test]
    fn share_bars_and_agencies() {
        assert!(is_share_bar("facebook twitter whatsapp email"));
        assert!(!is_share_bar("facebook said on tuesday"));
        assert!(ends_with_agency("jane roe/reuters"));
        assert!(ends_with_agency("getty images"));
        assert!(ends_with_agency("sam lee/afp via getty images"));
        assert!(!ends_with_agency("the paper"));
        assert!(starts_with_agency("ap photo/jane roe"));
        assert!(is_reading_time("7 min read"));
        assert!(is_reading_time("12-minute listen"));
        assert!(!is_reading_time("7 minutes later, the doors opened"));
        assert!(!starts_with_agency("apple/orange"));
    }
}
