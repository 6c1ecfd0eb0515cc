//! Pre-parse pruning: removes `<script>` (except JSON-LD), `<style>`, `<svg>`, `<noscript>`
//! and comments from the raw markup in one linear pass. They hold no article text, yet are
//! most of the bytes of a typical news page, so the parser has far less to do without them.
//!
//! Navigation, drop-down lists, page footers, asides, buttons and headers (`<nav>`,
//! `<select>`, `<footer>`, `<aside>`, `<button>`, `<header>`, when their markup is
//! balanced; all but the first two stay when they hold metadata, headers also when they
//! hold a heading) go whole too; so do head
//! `<meta>`s
//! and `<link>`s that no reader looks at. Start tags keep only the attributes some reader
//! looks at (images and embeds too: no reader looks at their addresses or sizes), and link
//! addresses shrink to a stand-in of their kind: parsing attributes was a large share of
//! the parser's work. Elements no reader would look at go whole as well: hidden ones (left
//! out by the content scorer) when balanced and free of metadata, and empty phrasing
//! elements such as icon holders.
//!
//! It also caps the nesting depth the parser sees: start tags nested deeper than
//! [`MAX_DEPTH`] (and their end tags) are dropped, keeping their text. HTML tree building
//! costs time proportional to the depth for every tag, so 100,000 nested elements would
//! otherwise take minutes.

/// Deepest element nesting passed to the parser.
pub const MAX_DEPTH: usize = 400;

/// Elements that never count as depth: void elements (`<br>`, `<img>`: no content) and
/// those whose next sibling closes them implicitly (`<p>a<p>b`). `name` is lower case.
fn never_nests(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"p"
            | b"li"
            | b"dt"
            | b"dd"
            | b"option"
            | b"tr"
            | b"td"
            | b"th"
            | b"rt"
            | b"rp"
            | b"optgroup"
    )
}

/// The kind of an element dropped whole when its markup is balanced: navigation and
/// drop-down lists first, then page footers, asides and buttons (kept when they hold
/// metadata, see [`holds_metadata`]), and headers (kept also when they hold a heading: an
/// article's own header titles it and its sections). Neither the content scorer nor the
/// body walk reads the others. `name` is lower case.
fn whole_kind(name: &[u8]) -> Option<usize> {
    // A match on the bytes, not a search of a list of names: it runs for every tag.
    match name {
        b"nav" => Some(0),
        b"select" => Some(1),
        b"footer" => Some(2),
        b"aside" => Some(3),
        b"button" => Some(4),
        b"header" => Some(HEADER),
        _ => None,
    }
}

/// How many kinds [`whole_kind`] tells apart.
const WHOLE_KINDS: usize = 6;
/// The kind of `header` in [`whole_kind`].
const HEADER: usize = 5;
/// How many of [`whole_kind`]'s kinds, from the first, go whatever they hold.
const ALWAYS_WHOLE: usize = 2;

/// Elements dropped whole, with their content. `name` is lower case.
fn is_dropped(name: &[u8]) -> bool {
    matches!(name, b"script" | b"style" | b"svg")
}

/// `<noscript>`: read as raw text (the parser runs with scripting on) and never read: the
/// content scorer drops it before scoring and the body walk skips it.
fn is_noscript(name: &[u8]) -> bool {
    matches!(name, b"noscript")
}

/// Elements that may stand in the document head; any other start tag opens the body.
const HEAD: &[&[u8]] = &[
    b"html",
    b"head",
    b"meta",
    b"link",
    b"title",
    b"base",
    b"script",
    b"style",
    b"noscript",
    b"template",
];

/// Words of the `<meta>` names some reader looks at (title, authors, dates, site, language,
/// description, address, image): a head `<meta>` naming none of them is not parsed.
const META_READ: &[&[u8]] = &[
    b"author",
    b"creator",
    b"byl",
    b"title",
    b"headline",
    b"date",
    b"time",
    b"publish",
    b"issued",
    b"created",
    b"site",
    b"application-name",
    b"lang",
    b"locale",
    b"description",
    b"url",
    b"image",
];

/// The markup without scripts (JSON-LD scripts are kept), styles, SVG and comments. An
/// unclosed one runs to the end of the input, as a browser reads it.
pub fn prune(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut kept_from = 0usize;
    let mut i = 0usize;
    let mut depth = Depth::default();
    let mut whole = [true; WHOLE_KINDS];
    let mut kept_until = 0usize;
    let mut in_head = true;
    let mut hidden = Hidden::default();
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let lt = i + off;
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            let end = comment_end(bytes, lt + 4).unwrap_or(bytes.len());
            out.push_str(&html[kept_from..lt]);
            kept_from = end;
            i = end;
            continue;
        }
        if in_head {
            match head_tag(bytes, lt) {
                HeadTag::Unread(end) => {
                    out.push_str(&html[kept_from..lt]);
                    kept_from = end;
                    i = end;
                    continue;
                }
                HeadTag::Body => in_head = false,
                HeadTag::Other => {}
            }
        }
        let opened = opened_name(rest);
        let opened = opened.as_ref().map_or(&b""[..], |(b, n)| &b[..*n]);
        let dropped = (is_dropped(opened) || is_noscript(opened)).then_some(opened);
        if let Some(k) = whole_kind(opened) {
            // Navigation, drop-down lists, page footers, asides and buttons are never article
            // text (the content scorer and the body walk skip them): when the markup is
            // balanced the parser would build them whole, so they go whole. After one of a
            // kind that is not balanced, no more of that kind are tried; nor are any inside
            // one kept for its metadata. So the scans stay linear in the page.
            let always = k < ALWAYS_WHOLE;
            if whole[k] && (always || lt >= kept_until) {
                match balanced_end(bytes, lt, opened) {
                    Some(end)
                        if always
                            || !holds_metadata(&bytes[lt..end])
                                && (k != HEADER || !holds_heading(&bytes[lt..end])) =>
                    {
                        out.push_str(&html[kept_from..lt]);
                        kept_from = end;
                        i = end;
                        continue;
                    }
                    Some(end) => kept_until = end,
                    None => whole[k] = false,
                }
            }
        }
        let Some(name) = dropped else {
            i = match depth.tag(bytes, lt) {
                // a start tag: its unread attributes go, and so does the whole element when
                // no reader would look at it
                TagAction::Keep(_) if rest.first().is_some_and(u8::is_ascii_alphabetic) => {
                    let mark = (out.len(), kept_from);
                    let (end, facts) = strip_attributes(html, lt, &mut out, &mut kept_from);
                    match unread_element(bytes, lt, end, &facts, &mut hidden) {
                        Some(skip) => {
                            out.truncate(mark.0);
                            out.push_str(&html[mark.1..lt]);
                            kept_from = skip;
                            depth.open = depth.open.saturating_sub(1);
                            skip
                        }
                        None => end,
                    }
                }
                TagAction::Keep(end) => end,
                TagAction::Drop(end) => {
                    out.push_str(&html[kept_from..lt]);
                    kept_from = end;
                    end
                }
            };
            continue;
        };
        let open_end = memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |p| lt + p + 1);
        let open_tag = &bytes[lt..open_end];
        if name == b"script" && contains_ignore_case(open_tag, b"ld+json") {
            i = open_end;
            continue;
        }
        let end = find_close(bytes, open_end, name).unwrap_or(bytes.len());
        out.push_str(&html[kept_from..lt]);
        kept_from = end;
        i = end;
    }
    out.push_str(&html[kept_from..]);
    out
}

/// A tag met while the parser would still be in the document head.
enum HeadTag {
    /// A `<meta>` or `<link>` no reader looks at, ending at the offset.
    Unread(usize),
    /// The head is over: `</head>`, or a start tag that opens the body.
    Body,
    Other,
}

/// Reads the tag at `lt` for [`HeadTag`]. Head `<link>`s are read only for the canonical
/// address and authors.
fn head_tag(bytes: &[u8], lt: usize) -> HeadTag {
    let rest = &bytes[lt + 1..];
    if starts_with_ignore_case(rest, b"/head") {
        return HeadTag::Body;
    }
    let len = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if len == 0 || !rest[0].is_ascii_alphabetic() {
        return HeadTag::Other;
    }
    let name = &rest[..len];
    let meta = name.eq_ignore_ascii_case(b"meta");
    if meta || name.eq_ignore_ascii_case(b"link") {
        let (keys, words): (&[&[u8]], &[&[u8]]) = if meta {
            (
                &[b"property", b"name", b"itemprop", b"http-equiv"],
                META_READ,
            )
        } else {
            (&[b"rel"], &[b"canonical", b"author"])
        };
        let mut read = false;
        let end = for_each_attribute(bytes, lt + 1 + len, |a| {
            if let Some(v) = &a.value {
                if keys
                    .iter()
                    .any(|k| k.eq_ignore_ascii_case(&bytes[a.name.clone()]))
                {
                    let v = bytes[v.clone()].to_ascii_lowercase();
                    read |= words.iter().any(|w| v.windows(w.len()).any(|x| x == *w));
                }
            }
        });
        return if read {
            HeadTag::Other
        } else {
            HeadTag::Unread(end)
        };
    }
    if HEAD.iter().any(|h| h.eq_ignore_ascii_case(name)) {
        HeadTag::Other
    } else {
        HeadTag::Body
    }
}

/// One attribute of a start tag, as byte ranges of the page.
struct Attribute {
    name: std::ops::Range<usize>,
    /// Inside the quotes when quoted.
    value: Option<std::ops::Range<usize>>,
    /// Just past the attribute (past its closing quote).
    end: usize,
}

/// Calls `f` with each attribute of the start tag whose attributes begin at `from`, as the
/// HTML tokenizer reads them; returns the offset past the tag's `>` (quoted values may
/// hold `>`).
fn for_each_attribute(bytes: &[u8], from: usize, mut f: impl FnMut(&Attribute)) -> usize {
    let n = bytes.len();
    let mut i = from;
    loop {
        while i < n && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= n {
            return n;
        }
        if bytes[i] == b'>' {
            return i + 1;
        }
        let start = i;
        i += 1;
        while i < n && !matches!(bytes[i], b'>' | b'/' | b'=') && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let name = start..i;
        let mut j = i;
        while j < n && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = None;
        if j < n && bytes[j] == b'=' {
            j += 1;
            while j < n && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            value = Some(match bytes.get(j) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let close = memchr::memchr(q, &bytes[j + 1..]).map(|p| j + 1 + p);
                    let v = j + 1..close.unwrap_or(n);
                    j = close.map_or(n, |c| c + 1);
                    v
                }
                _ => {
                    let v = j;
                    while j < n && bytes[j] != b'>' && !bytes[j].is_ascii_whitespace() {
                        j += 1;
                    }
                    v..j
                }
            });
            i = j;
        }
        f(&Attribute {
            name,
            value,
            end: i,
        });
    }
}

/// Tracks nesting depth and which tags to drop.
#[derive(Default)]
struct Depth {
    open: usize,
    /// Start tags dropped for depth and not yet matched by a dropped end tag.
    dropped: usize,
}

enum TagAction {
    /// Keep the markup; scanning resumes at the given offset.
    Keep(usize),
    /// Drop the tag's markup up to the given offset.
    Drop(usize),
}

impl Depth {
    /// Looks at the tag starting at `lt` (a `<`), if it is one.
    fn tag(&mut self, bytes: &[u8], lt: usize) -> TagAction {
        let rest = &bytes[lt + 1..];
        let closing = rest.first() == Some(&b'/');
        let name_start = if closing { 1 } else { 0 };
        let name_len = rest[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !rest[name_start].is_ascii_alphabetic() {
            return TagAction::Keep(lt + 1);
        }
        let name = &rest[name_start..name_start + name_len];
        let end = memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |p| lt + p + 1);
        if lowered(name).is_some_and(|(b, n)| never_nests(&b[..n])) {
            return TagAction::Keep(end);
        }
        if closing {
            if self.dropped > 0 {
                self.dropped -= 1;
                return TagAction::Drop(end);
            }
            self.open = self.open.saturating_sub(1);
            return TagAction::Keep(end);
        }
        let self_closed = end >= 2 && bytes[end - 2] == b'/';
        if self_closed {
            return TagAction::Keep(end);
        }
        if self.open >= MAX_DEPTH {
            self.dropped += 1;
            return TagAction::Drop(end);
        }
        self.open += 1;
        TagAction::Keep(end)
    }
}

/// The attributes any reader of the page looks at (the metadata scan, the content scorer,
/// the body walk), and `type`, which the parser reads on `<input>` inside tables. Start
/// tags keep only these.
fn is_read_attribute(name: &[u8]) -> bool {
    lowered(name).is_some_and(|(b, n)| {
        matches!(
            &b[..n],
            b"class"
                | b"id"
                | b"href"
                | b"content"
                | b"name"
                | b"property"
                | b"itemprop"
                | b"rel"
                | b"hidden"
                | b"aria-hidden"
                | b"role"
                | b"lang"
                | b"xml:lang"
                | b"datetime"
                | b"pubdate"
                | b"type"
                | b"http-equiv"
                | b"data-component"
        )
    })
}

/// A short name in lower case, for matching against fixed names; `None` when it is longer
/// than any of them.
fn lowered(name: &[u8]) -> Option<([u8; 16], usize)> {
    let mut b = [0u8; 16];
    let n = name.len();
    if n > b.len() {
        return None;
    }
    for (d, s) in b.iter_mut().zip(name) {
        *d = s.to_ascii_lowercase();
    }
    Some((b, n))
}

/// A `style` is read only for whether it hides its element (`display`, `visibility`).
fn style_is_read(value: &[u8]) -> bool {
    style_names(value, b"display", b"visibility")
}

/// Whether a style value, without ASCII spaces and in lower case, holds `a` or `b`.
fn style_names(value: &[u8], a: &[u8], b: &[u8]) -> bool {
    let packed: Vec<u8> = value
        .iter()
        .filter(|b| !b.is_ascii_whitespace())
        .map(u8::to_ascii_lowercase)
        .collect();
    let has = |w: &[u8]| memchr::memmem::find(&packed, w).is_some();
    has(a) || has(b)
}

/// What is read of a link's address is only its kind: an anchor in the page (`#…`, and
/// whether anything follows the `#`), a script, an absolute or a relative address. A short
/// value of the same kind stands in for it.
fn link_stand_in(href: &str) -> &str {
    if href.starts_with('#') {
        if href.len() > 1 {
            "#a"
        } else {
            "#"
        }
    } else if href.starts_with("javascript:") {
        "javascript:"
    } else if href.starts_with("http") {
        "http:"
    } else if href.is_empty() {
        ""
    } else {
        "a"
    }
}

/// What [`strip_attributes`] saw of a start tag.
#[derive(Default)]
struct TagFacts {
    /// The content scorer leaves the element out as hidden: a `hidden` attribute,
    /// `aria-hidden="true"`, or a style that hides it (the first of each, as the parser keeps
    /// the first of a repeated attribute).
    hidden: bool,
    /// It keeps no attribute but those the content scorer and the furniture roles read
    /// (`class`, `id`, `role`, the hiding ones, `dir`, `lang`): none the metadata scan reads.
    plain: bool,
}

/// Walks the attributes of the start tag at `lt` as the HTML tokenizer reads them (quoted
/// values may hold `>`), moving unread ones out of the kept markup. Returns the offset
/// just past the tag, and what it saw.
fn strip_attributes(
    html: &str,
    lt: usize,
    out: &mut String,
    kept_from: &mut usize,
) -> (usize, TagFacts) {
    let bytes = html.as_bytes();
    let n = bytes.len();
    let mut i = lt + 1;
    while i < n && !matches!(bytes[i], b'>' | b'/') && !bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    let tag = &bytes[lt + 1..i];
    let is_link = tag.eq_ignore_ascii_case(b"a");
    let mut facts = TagFacts {
        hidden: false,
        plain: true,
    };
    let (mut seen_aria, mut seen_style) = (false, false);
    let end = for_each_attribute(bytes, i, |a| {
        let name = &bytes[a.name.clone()];
        let mut unread = !is_read_attribute(name);
        if name.eq_ignore_ascii_case(b"hidden") {
            facts.hidden = true;
        }
        if let Some(v) = &a.value {
            let short = (is_link && name.eq_ignore_ascii_case(b"href"))
                .then(|| link_stand_in(&html[v.clone()]))
                .filter(|s| s.len() < v.len());
            if let Some(short) = short {
                out.push_str(&html[*kept_from..v.start]);
                out.push_str(short);
                *kept_from = v.end;
            }
            let value = &bytes[v.clone()];
            if name.eq_ignore_ascii_case(b"aria-hidden") && !std::mem::replace(&mut seen_aria, true)
            {
                facts.hidden |= value == b"true";
            }
            if name.eq_ignore_ascii_case(b"style") {
                if !std::mem::replace(&mut seen_style, true) {
                    facts.hidden |= style_hides(value);
                }
                unread = !style_is_read(value);
            }
        }
        if unread {
            out.push_str(&html[*kept_from..a.name.start]);
            *kept_from = a.end.min(n);
        } else {
            facts.plain &= is_one_of(name, PLAIN_ATTRIBUTES);
        }
    });
    (end, facts)
}

/// The attributes only the content scorer and the furniture roles read.
const PLAIN_ATTRIBUTES: &[&[u8]] = &[
    b"class",
    b"id",
    b"role",
    b"hidden",
    b"aria-hidden",
    b"style",
    b"dir",
    b"lang",
];

/// Whether `name`, in any case, is one of `names` (written in lower case).
fn is_one_of(name: &[u8], names: &[&[u8]]) -> bool {
    names.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// A style that hides its element as the content scorer reads it: `display:none` or
/// `visibility:hidden` once ASCII spaces are gone (the scorer also drops other spaces, so
/// it finds these wherever this does). Character references are left to the parser.
fn style_hides(value: &[u8]) -> bool {
    value.len() <= 2000
        && !value.contains(&b'&')
        && style_names(value, b"display:none", b"visibility:hidden")
}

/// Where hidden elements may still be dropped whole (see [`unread_element`]), so that the
/// scans stay linear in the page.
#[derive(Default)]
struct Hidden {
    /// A hidden element's markup was not balanced: no more are tried.
    stop: bool,
    /// The end of the last hidden element kept for its metadata: none inside it is tried.
    kept_until: usize,
}

/// Phrasing elements the parser opens and closes without touching the elements around them,
/// and the body walk reads as part of the running text.
const PLAIN_PHRASING: &[&[u8]] = &[
    b"span", b"i", b"b", b"em", b"strong", b"small", b"big", b"u", b"s", b"strike", b"tt", b"font",
    b"ins", b"del", b"mark", b"sup", b"sub", b"label", b"abbr", b"cite", b"code", b"q", b"var",
    b"kbd", b"samp", b"dfn",
];

/// When no reader would look at the element whose start tag spans `lt..end`, the offset
/// past its end tag. Two kinds go: hidden elements (left out by the content scorer, never
/// in the body) whose markup is balanced and holds no metadata, and empty phrasing elements
/// with no attribute the metadata scan reads (`<i class="icon"></i>`).
fn unread_element(
    bytes: &[u8],
    lt: usize,
    end: usize,
    facts: &TagFacts,
    hidden: &mut Hidden,
) -> Option<usize> {
    if bytes[end - 1] != b'>' || bytes[end - 2] == b'/' {
        return None;
    }
    let (name, len) = opened_name(&bytes[lt + 1..])?;
    let name = &name[..len];
    if facts.plain && is_one_of(name, PLAIN_PHRASING) {
        let close = &bytes[end..];
        if close.len() > len + 2
            && close.starts_with(b"</")
            && close[2..2 + len].eq_ignore_ascii_case(name)
            && close[2 + len] == b'>'
        {
            return Some(end + len + 3);
        }
    }
    if !facts.hidden
        || hidden.stop
        || lt < hidden.kept_until
        || never_nests(name)
        || matches!(name, b"html" | b"head" | b"body")
    {
        return None;
    }
    match balanced_end(bytes, lt, name) {
        Some(close) if !holds_metadata(&bytes[lt..close]) => Some(close),
        Some(close) => {
            hidden.kept_until = close;
            None
        }
        None => {
            hidden.stop = true;
            None
        }
    }
}

/// The end of the element `name` opening at `lt` when its markup is balanced: every
/// element opened inside it is closed before its own end tag. None otherwise (the parser
/// would close it somewhere else), and when it is not closed at all.
fn balanced_end(bytes: &[u8], lt: usize, name: &[u8]) -> Option<usize> {
    let mut open: Vec<&[u8]> = Vec::new();
    let mut i = lt;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let at = i + off;
        let rest = &bytes[at + 1..];
        if rest.starts_with(b"!--") {
            i = comment_end(bytes, at + 4)?;
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let start = usize::from(closing);
        let len = rest[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if len == 0 || !rest[start].is_ascii_alphabetic() {
            i = at + 1;
            continue;
        }
        let tag = &rest[start..start + len];
        let end = memchr::memchr(b'>', &bytes[at..]).map(|p| at + p + 1)?;
        i = end;
        let low = lowered(tag);
        let low = low.as_ref().map_or(&b""[..], |(b, n)| &b[..*n]);
        // raw-text elements inside go whole; a stray end tag of one gives up
        if let Some((b, n)) = opened_name(rest).filter(|_| !closing) {
            let o = &b[..n];
            if is_dropped(o) || is_noscript(o) {
                i = find_close(bytes, end, o)?;
                continue;
            }
        }
        if is_dropped(low) || is_noscript(low) {
            return None;
        }
        if never_nests(low) {
            continue;
        }
        if closing {
            let top = open.pop()?;
            if !top.eq_ignore_ascii_case(tag) {
                return None;
            }
            if open.is_empty() {
                return top.eq_ignore_ascii_case(name).then_some(end);
            }
        } else if bytes[end - 2] != b'/' {
            open.push(tag);
        }
        if open.len() > MAX_DEPTH {
            return None;
        }
    }
    None
}

/// Whether markup may hold something the metadata scan or the content scorer reads outside
/// the article body: authors and bylines, a headline, dates, JSON-LD, `<meta>`/`<link>`.
fn holds_metadata(markup: &[u8]) -> bool {
    static WORDS: [&[u8]; 11] = [
        b"author",
        b"byline",
        b"dateline",
        b"writtenby",
        b"headline",
        b"datepublished",
        b"ld+json",
        b"<time",
        b"<h1",
        b"<meta",
        b"<link",
    ];
    static FINDERS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::OnceLock::new();
    let finders = FINDERS.get_or_init(|| {
        WORDS
            .iter()
            .map(|w| memchr::memmem::Finder::new(*w))
            .collect()
    });
    let lower = markup.to_ascii_lowercase();
    finders.iter().any(|f| f.find(&lower).is_some())
}

/// Whether the markup holds a heading element (`<h1>` to `<h6>`).
fn holds_heading(markup: &[u8]) -> bool {
    memchr::memchr_iter(b'<', markup).any(|i| {
        markup
            .get(i + 1)
            .is_some_and(|b| b.eq_ignore_ascii_case(&b'h'))
            && markup.get(i + 2).is_some_and(|b| (b'1'..=b'6').contains(b))
    })
}

/// The end of the closing tag `</name ...>` at or after `from`.
fn find_close(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let hay = bytes.get(from..)?;
    memchr::memchr_iter(b'<', hay)
        .map(|p| from + p)
        .filter(|&p| bytes.get(p + 1) == Some(&b'/'))
        .find(|&p| starts_with_ignore_case(&bytes[p + 2..], name))
        .and_then(|p| memchr::memchr(b'>', &bytes[p..]).map(|close| p + close + 1))
}

/// The end of the first `-->` starting at or after `from`.
fn comment_end(bytes: &[u8], from: usize) -> Option<usize> {
    let hay = bytes.get(from..)?;
    memchr::memchr_iter(b'>', hay)
        .map(|p| from + p)
        .find(|&gt| gt >= from + 2 && bytes[gt - 2..gt] == *b"--")
        .map(|gt| gt + 1)
}

/// The name, in lower case, of the element that `rest` (the bytes after a `<`) opens, when
/// it is short and ends where a tag name can end.
fn opened_name(rest: &[u8]) -> Option<([u8; 16], usize)> {
    let len = rest
        .iter()
        .take(17)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let ends = rest
        .get(len)
        .is_none_or(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace());
    if len == 0 || !ends {
        return None;
    }
    lowered(&rest[..len])
}

fn starts_with_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::prune;

    #[test]
    fn whole_kinds_and_metadata_are_told_in_any_case() {
        assert_eq!(super::whole_kind(b"header"), Some(super::HEADER));
        assert_eq!(super::whole_kind(b"nav"), Some(0));
        assert_eq!(super::whole_kind(b"div"), None);
        assert!(super::holds_metadata(b"<div class=\"ByLine\">x</div>"));
        assert!(super::holds_metadata(b"<TIME datetime=x>"));
        assert!(!super::holds_metadata(b"<div class=\"menu\">x</div>"));
    }

    #[test]
    fn drops_scripts_styles_comments_keeps_json_ld() {
        let html = r#"<p>a<SCRIPT src=x>var s = "</p>";</script >b</p><style>p{}</style><!-- c --><script type="application/ld+json">{"x":1}</script><svg><text>t</text></svg><p>d</p>"#;
        assert_eq!(
            prune(html),
            r#"<p>ab</p><script type="application/ld+json">{"x":1}</script><p>d</p>"#
        );
    }

    #[test]
    fn depth_is_capped_and_text_kept() {
        let depth = super::MAX_DEPTH + 50;
        let html = format!("{}deep{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let pruned = prune(&html);
        assert_eq!(pruned.matches("<div>").count(), super::MAX_DEPTH);
        assert_eq!(pruned.matches("</div>").count(), super::MAX_DEPTH);
        assert!(pruned.contains("deep"));
        let flat = "<p>a<p>b<li>c<br>".repeat(1000);
        assert_eq!(prune(&flat), flat);
    }

    #[test]
    fn navigation_and_unread_attributes_go() {
        assert_eq!(
            prune(r#"<nav class=n><ul><li><a href="/">Home</a></ul></nav><p>x</p>"#),
            "<p>x</p>"
        );
        // unbalanced: the parser would close it elsewhere, so it stays
        let open = "<div><nav><p>a</div><p>b</p>";
        assert_eq!(prune(open), open);
        assert_eq!(
            prune(r#"<p data-x="a>b" class=c onclick='f()' aria-label=z aria-hidden=true>t</p>"#),
            r#"<p  class=c   aria-hidden=true>t</p>"#
        );
        assert_eq!(
            prune(
                r##"<a href="https://x.org/a?b" class=c>t</a><a href=#top>u</a><a href=/p/1>v</a>"##
            ),
            r##"<a href="http:" class=c>t</a><a href=#a>u</a><a href=a>v</a>"##
        );
        assert_eq!(
            prune(r#"<div data-component="caption"data-y=1 srcset>z</div>"#),
            r#"<div data-component="caption" >z</div>"#
        );
    }

    #[test]
    fn unread_head_tags_attributes_and_noscript_go() {
        let html = r#"<html><head><meta charset=utf-8><meta name="viewport" content="w>1"><meta property="og:title" content="T"><link rel=stylesheet href=s.css><link rel="canonical" href="https://x.org/a"><title>T</title></head><body><meta name=viewport content=x><noscript><img src=a.jpg></noscript><p title="t" style="color:red">a</p><div style="DISPLAY: none">b</div><img src="https://x.org/i.jpg" alt=i title=t><img src="data:image/gif;base64,R0">"#;
        assert_eq!(
            prune(html),
            r#"<html><head><meta property="og:title" content="T"><link rel="canonical" href="https://x.org/a"><title>T</title></head><body><meta name=viewport content=x><p  >a</p><img   ><img >"#
        );
        // a start tag other than a head element opens the body: later ones stay
        let early = "<meta name=a content=b><div>x</div><link rel=icon href=i>";
        assert_eq!(prune(early), "<div>x</div><link rel=icon href=i>");
    }

    #[test]
    fn footers_and_asides_go_whole_unless_they_hold_metadata() {
        assert_eq!(
            prune("<p>a</p><aside><ul><li>b</ul><script>if (x<y) {}</script></aside><footer><!-- <div> --><p>c</footer><p>d</p>"),
            "<p>a</p><p>d</p>"
        );
        let byline = r#"<footer><a rel="author" href=/x>Jo Doe</a></footer><p>d</p>"#;
        assert_eq!(
            prune(byline),
            r#"<footer><a rel="author" href=a>Jo Doe</a></footer><p>d</p>"#
        );
        // inside one kept for its metadata, no other is tried
        let nested = "<aside><aside>x</aside><h1>T</h1></aside>";
        assert_eq!(prune(nested), nested);
        // unbalanced: stays
        let open = "<div><aside><p>a</div><p>b</p>";
        assert_eq!(prune(open), open);
    }

    #[test]
    fn lists_buttons_and_headers_go_whole_unless_read() {
        assert_eq!(
            prune("<p>a</p><select><option>x<option>y</select><button>Menu</button><p>b</p>"),
            "<p>a</p><p>b</p>"
        );
        assert_eq!(
            prune("<header><div class=logo>Site</div></header><p>b</p>"),
            "<p>b</p>"
        );
        // an article's own header (a heading) and a button naming the author stay
        let titled = "<header><h2>Part one</h2></header><p>b</p>";
        assert_eq!(prune(titled), titled);
        let author = "<button class=byline>Jo Doe</button><p>b</p>";
        assert_eq!(prune(author), author);
    }

    #[test]
    fn hidden_and_empty_elements_go_unless_read() {
        assert_eq!(
            prune(
                r#"<div hidden><p>a</div><span aria-hidden="true">b</span><div style="display: NONE"><i>c</i></div><p>d</p>"#
            ),
            "<p>d</p>"
        );
        // kept: metadata inside, unbalanced markup, a value the scorer does not read as hidden
        let kept = r#"<div hidden><span class=byline>Jo</span></div><span aria-hidden=false>b</span><div hidden><p>x</span></div>"#;
        assert_eq!(prune(kept), kept);
        assert_eq!(
            prune(
                r#"<p>a<i class="icon"></i> b<span id=x></span><em>c</em><span itemprop=name></span><div></div></p>"#
            ),
            r#"<p>a b<em>c</em><span itemprop=name></span><div></div></p>"#
        );
    }

    #[test]
    fn unclosed_runs_to_end_and_lookalikes_stay() {
        assert_eq!(prune("<p>x</p><script>never closed <p>y</p>"), "<p>x</p>");
        assert_eq!(prune("<p>x</p><!-- open"), "<p>x</p>");
        assert_eq!(
            prune("<scripture>z</scripture>"),
            "<scripture>z</scripture>"
        );
        assert_eq!(prune("a < b"), "a < b");
    }
}
