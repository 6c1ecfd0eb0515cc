//! Locating the article in the page: a Readability-style content scorer run in one linear
//! pass over the parsed tree.
//!
//! Every run of paragraph text scores by its length and its commas; the score goes to the
//! elements around it (fully to the nearest, less to those further out). An element's class
//! and id words move its score up or down, and its share of text inside links lowers it. The
//! best-scoring element is the article's container; its siblings join when they score well
//! themselves or are plain paragraphs of prose. Inside the chosen elements, containers that
//! are mostly links, lists of more items than paragraphs, or labelled as page furniture are
//! left out.
//!
//! The pass computes each element's text length, link text, commas and counts of paragraphs,
//! images, list items and form fields once, bottom-up, so no later decision walks the tree
//! again.

use std::collections::HashSet;

use dom_query::{local_name, Document, NodeData, NodeId, NodeRef};

/// A run of text shorter than this (in characters) scores nothing.
const MIN_UNIT: u32 = 25;
/// How many enclosing elements a run's score reaches.
const REACH: usize = 5;

/// What the pass learns about each node, bottom-up.
#[derive(Debug, Clone, Copy, Default)]
struct Stat {
    /// Characters of text below, whitespace runs counted once.
    chars: u32,
    /// Of which inside links.
    links: u32,
    commas: u32,
    /// Characters not below a block-level child (text that reads as the element's own
    /// paragraph).
    own_chars: u32,
    own_commas: u32,
    paras: u32,
    images: u32,
    items: u32,
    fields: u32,
    embeds: u32,
    /// Some block-level element is below.
    has_block: bool,
    /// The last byte of text below that is not whitespace.
    last: u8,
}

/// What the pass decides about each element.
#[derive(Debug, Clone, Copy, Default)]
struct Info {
    /// Content score; meaningful when `scored`.
    score: f32,
    scored: bool,
    /// Left out of scoring and of the article (hidden, unlikely, never text).
    skipped: bool,
    /// Class and id words: +1 article-like, -1 furniture-like.
    weight: i8,
    /// Score an element starts with by its tag.
    base: i8,
    kind: Kind,
    /// What the element counts as for its containers.
    counts: Counted,
    /// Its class, id or role names furniture.
    unlikely: bool,
    /// A link (`<a href>`): all its text is link text.
    is_link: bool,
    /// A hash of the class attribute (0 when none), to find siblings styled alike.
    class: u64,
}

/// What an element adds to its containers' counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Counted {
    #[default]
    Nothing,
    Para,
    Image,
    Item,
    Field,
    Embed,
}

/// The element kinds the scorer tells apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Kind {
    /// Phrasing content (`span`, `a`, `b`, …) and anything unknown.
    #[default]
    Inline,
    /// A paragraph-like element scored as one run of text.
    Para,
    /// A block container (`div`, `section`, `article`, …).
    Container,
    /// A list or table: a container cleaned by its own rules.
    List,
    /// Other block-level elements (`li`, `h1`, `figure`, `hr`, …).
    Block,
}

/// The article's place in the tree.
#[derive(Debug)]
pub struct Located {
    /// The elements that make up the article, in document order.
    pub roots: Vec<NodeId>,
    /// Elements the body walk leaves out, with all below them.
    dropped: HashSet<NodeId>,
}

impl Located {
    /// Whether the body walk enters `node`: false for left-out subtrees.
    pub fn keeps(&self, node: &NodeRef<'_>) -> bool {
        !self.dropped.contains(&node.id)
    }
}

/// The pass's figures, by element in document order (the walk's own numbering).
#[derive(Debug, Default)]
struct Tree {
    ids: Vec<NodeId>,
    parent: Vec<usize>,
    next: Vec<usize>,
    last_child: Vec<usize>,
    stats: Vec<Stat>,
    info: Vec<Info>,
    /// How many elements were left out as unlikely.
    unlikely: usize,
}

/// No element (as a parent, sibling or child index).
const NONE: usize = usize::MAX;

/// A container inside the article that is page furniture rather than text.
fn junk(info: &Info, stat: &Stat) -> bool {
    if !matches!(info.kind, Kind::Container | Kind::List) || stat.chars == 0 {
        return false;
    }
    let density = stat.links as f32 / stat.chars as f32;
    if info.weight < 0 && !(info.scored && info.score > 0.0) {
        return true;
    }
    if stat.commas >= 10 {
        return false;
    }
    let is_list = info.kind == Kind::List;
    if stat.images > 1 && (stat.paras as f32) < stat.images as f32 * 0.5 {
        return true;
    }
    if stat.fields > 0 && stat.fields * 3 > stat.paras {
        return true;
    }
    if !is_list && stat.items > stat.paras * 2 + 2 && density > 0.3 {
        return true;
    }
    if density > if info.weight > 0 { 0.5 } else { 0.2 } {
        return true;
    }
    stat.embeds > 1 || stat.embeds == 1 && stat.chars < 75
}

/// Below this many characters the article found is too short to trust when elements
/// were left out as unlikely: the page is scored again with them.
const SHORT: u32 = 500;

/// Finds the article in `doc`.
pub fn locate(doc: &Document) -> Located {
    let root = doc.tree.body().unwrap_or_else(|| doc.root());
    let mut t = pass(root, true);
    let mut roots = choose(&t);
    let found: u32 = roots.iter().map(|&r| t.stats[r].chars).sum();
    if found < SHORT && t.unlikely > 0 {
        let again = pass(root, false);
        let more = choose(&again);
        let now: u32 = more.iter().map(|&r| again.stats[r].chars).sum();
        if now > found {
            t = again;
            roots = more;
        }
    }
    let mut is_root = vec![false; t.ids.len()];
    for &r in &roots {
        is_root[r] = true;
    }
    let mut dropped = HashSet::new();
    for (i, (info, stat)) in t.info.iter().zip(&t.stats).enumerate() {
        if (info.skipped || junk(info, stat)) && !is_root[i] {
            dropped.insert(t.ids[i]);
        }
    }
    Located {
        roots: roots.into_iter().map(|i| t.ids[i]).collect(),
        dropped,
    }
}

/// Scores the tree below `root` in one walk; with `unlikely`, elements whose class or id
/// names furniture are left out.
fn pass(root: NodeRef<'_>, unlikely: bool) -> Tree {
    let mut t = Tree::default();
    // Open elements from the root down (walk indices), and the walk's to-do list: a node to
    // enter, or an element to leave.
    let mut path: Vec<usize> = Vec::new();
    let mut todo: Vec<(NodeRef<'_>, bool)> = vec![(root, false)];
    while let Some((node, leaving)) = todo.pop() {
        if leaving {
            let Some(i) = path.pop() else { continue };
            leave(i, &mut t, &path);
            if let Some(&p) = path.last() {
                let s = t.stats[i];
                add_child(&mut t.stats[p], &s, t.info[i].kind);
            }
            continue;
        }
        let entered = node.query_or(Entered::Other, |n| match &n.data {
            NodeData::Text { contents } => Entered::Text(count(contents)),
            NodeData::Element(el) => Entered::Element(classify(el, unlikely)),
            NodeData::Document | NodeData::Fragment => Entered::Element(Info {
                kind: Kind::Container,
                ..Info::default()
            }),
            _ => Entered::Other,
        });
        match entered {
            Entered::Text((chars, commas, last)) => {
                if let Some(&p) = path.last() {
                    let s = &mut t.stats[p];
                    s.chars += chars;
                    s.own_chars += chars;
                    s.commas += commas;
                    s.own_commas += commas;
                    if last != 0 {
                        s.last = last;
                    }
                }
            }
            Entered::Element(mut el) => {
                let i = t.ids.len();
                let parent = path.last().copied().unwrap_or(NONE);
                if i == 0 {
                    el.skipped = false;
                }
                t.ids.push(node.id);
                t.parent.push(parent);
                t.next.push(NONE);
                t.last_child.push(NONE);
                t.info.push(el);
                t.unlikely += usize::from(el.unlikely && el.skipped);
                t.stats.push(Stat::default());
                if parent != NONE {
                    let prev = t.last_child[parent];
                    if prev != NONE {
                        t.next[prev] = i;
                    }
                    t.last_child[parent] = i;
                }
                if el.skipped {
                    continue;
                }
                path.push(i);
                todo.push((node, true));
                let start = todo.len();
                let mut child = node.first_child();
                while let Some(c) = child {
                    child = c.next_sibling();
                    todo.push((c, false));
                }
                todo[start..].reverse();
            }
            Entered::Other => {}
        }
    }
    t
}

/// What entering a node found.
enum Entered {
    Text((u32, u32, u8)),
    Element(Info),
    Other,
}

/// Characters (whitespace runs once), commas and the last byte that is not whitespace of
/// a text.
fn count(text: &str) -> (u32, u32, u8) {
    let mut chars = 0u32;
    let mut commas = 0u32;
    let mut space = false;
    let mut last = 0u8;
    let bytes = text.as_bytes();
    for (k, &b) in bytes.iter().enumerate() {
        if b.is_ascii_whitespace() {
            space = true;
            continue;
        }
        last = b;
        if b & 0xC0 == 0x80 {
            continue;
        }
        if space {
            chars += 1;
            space = false;
        }
        chars += 1;
        commas += u32::from(b == b',' || b >= 0xC0 && is_wide_comma(&bytes[k..]));
    }
    (chars + u32::from(space), commas, last)
}

/// Whether `rest` opens with a comma of another script: Arabic `،`, ideographic `、`,
/// fullwidth `，`.
fn is_wide_comma(rest: &[u8]) -> bool {
    rest.starts_with("،".as_bytes())
        || rest.starts_with("、".as_bytes())
        || rest.starts_with("，".as_bytes())
}

/// Adds a finished child's figures to its parent's.
fn add_child(parent: &mut Stat, child: &Stat, kind: Kind) {
    parent.chars += child.chars;
    parent.links += child.links;
    parent.commas += child.commas;
    parent.paras += child.paras;
    parent.images += child.images;
    parent.items += child.items;
    parent.fields += child.fields;
    parent.embeds += child.embeds;
    if child.last != 0 {
        parent.last = child.last;
    }
    if kind == Kind::Inline {
        parent.own_chars += child.own_chars;
        parent.own_commas += child.own_commas;
        parent.has_block |= child.has_block;
    } else {
        parent.has_block = true;
    }
}

/// Finishes element `i` once all below it is counted: its own counts, and the score its
/// text gives to the elements around it (`path`, nearest last).
fn leave(i: usize, t: &mut Tree, path: &[usize]) {
    let kind = t.info[i].kind;
    let st = &mut t.stats[i];
    match t.info[i].counts {
        Counted::Nothing => {}
        Counted::Para => st.paras += 1,
        Counted::Image => st.images += 1,
        Counted::Item => st.items += 1,
        Counted::Field => st.fields += 1,
        Counted::Embed => st.embeds += 1,
    }
    if kind == Kind::Container && !st.has_block && st.chars > 0 {
        // A container of text alone reads as a paragraph.
        st.paras += 1;
    }
    if t.info[i].is_link {
        st.links = st.chars;
    }
    let s = *st;
    // A paragraph, or a container with no block inside, is one run scored for the elements
    // around it; a container's own loose text is a run scored for it and those around it.
    let (chars, commas, from_self) = match kind {
        Kind::Para => (s.chars, s.commas, false),
        Kind::Container if !s.has_block => (s.chars, s.commas, false),
        Kind::Container => (s.own_chars, s.own_commas, true),
        _ => (0, 0, false),
    };
    if chars >= MIN_UNIT {
        let score = 1.0 + commas as f32 + (chars as f32 / 100.0).min(3.0);
        let own = from_self.then_some(i);
        let around = path.iter().rev().copied();
        for (level, a) in own.into_iter().chain(around).take(REACH).enumerate() {
            let share = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            let e = &mut t.info[a];
            if !e.scored {
                e.scored = true;
                e.score = f32::from(e.base) + 25.0 * f32::from(e.weight);
            }
            e.score += score / share;
        }
    }
}

/// Reads an element's tag and class/id words into its [`Info`].
fn classify(el: &dom_query::Element, unlikely: bool) -> Info {
    let mut info = Info::default();
    let name = &el.name.local;
    let (kind, base, never) = match *name {
        local_name!("p") | local_name!("pre") | local_name!("td") => (Kind::Para, 3, false),
        local_name!("h2")
        | local_name!("h3")
        | local_name!("h4")
        | local_name!("h5")
        | local_name!("h6") => (Kind::Para, -5, false),
        local_name!("div") => (Kind::Container, 5, false),
        local_name!("article")
        | local_name!("section")
        | local_name!("main")
        | local_name!("blockquote")
        | local_name!("center") => (Kind::Container, 3, false),
        local_name!("ul")
        | local_name!("ol")
        | local_name!("dl")
        | local_name!("table")
        | local_name!("form")
        | local_name!("fieldset") => (Kind::List, -3, false),
        local_name!("li")
        | local_name!("dd")
        | local_name!("dt")
        | local_name!("tr")
        | local_name!("tbody")
        | local_name!("thead")
        | local_name!("address") => (Kind::Block, -3, false),
        local_name!("h1") | local_name!("th") | local_name!("header") => (Kind::Block, -5, false),
        local_name!("figure")
        | local_name!("figcaption")
        | local_name!("hr")
        | local_name!("br")
        | local_name!("body")
        | local_name!("html") => (Kind::Block, 0, false),
        local_name!("script")
        | local_name!("style")
        | local_name!("noscript")
        | local_name!("template")
        | local_name!("svg")
        | local_name!("nav")
        | local_name!("footer")
        | local_name!("aside")
        | local_name!("head")
        | local_name!("button")
        | local_name!("select")
        | local_name!("textarea") => (Kind::Block, 0, true),
        _ => (Kind::Inline, 0, false),
    };
    info.kind = kind;
    info.base = base;
    info.counts = match *name {
        local_name!("p") => Counted::Para,
        local_name!("img") => Counted::Image,
        local_name!("li") => Counted::Item,
        local_name!("input") | local_name!("select") | local_name!("textarea") => Counted::Field,
        local_name!("object") | local_name!("embed") | local_name!("iframe") => Counted::Embed,
        _ => Counted::Nothing,
    };
    info.skipped = never;
    let mut words = Words::default();
    for a in &el.attrs {
        match a.name.local {
            local_name!("class") => {
                info.class = hash(&a.value);
                words.read(&a.value);
            }
            local_name!("id") => words.read(&a.value),
            local_name!("href") => info.is_link = *name == local_name!("a"),
            local_name!("role") => words.role(&a.value),
            local_name!("hidden") => info.skipped = true,
            local_name!("aria-hidden") if &*a.value == "true" => info.skipped = true,
            local_name!("style") if hides(&a.value) => info.skipped = true,
            _ => {}
        }
    }
    info.weight = words.weight();
    let keeps_unlikely = matches!(
        *name,
        local_name!("body") | local_name!("a") | local_name!("article") | local_name!("main")
    );
    if words.unlikely && !words.maybe && !keeps_unlikely {
        info.unlikely = true;
        info.skipped |= unlikely;
    }
    info
}

/// FNV-1a of a string.
fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `display:none` or `visibility:hidden` in a style attribute.
fn hides(style: &str) -> bool {
    if style.len() > 2000 {
        return false;
    }
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// What an element's class and id words say about it.
#[derive(Debug, Default)]
struct Words {
    positive: bool,
    negative: bool,
    /// Names furniture that never holds the article (comments, sidebars, menus).
    unlikely: bool,
    /// Names something that may hold the article after all.
    maybe: bool,
}

impl Words {
    /// Reads a class or id value, word by word (split on anything but letters and digits).
    fn read(&mut self, value: &str) {
        if value.len() > 2000 {
            return;
        }
        let mut buf = [0u8; super::words::LONGEST];
        for word in super::words::class_words(value) {
            if let Some(w) = super::words::lower(word, &mut buf) {
                self.see(w);
            }
        }
    }

    /// Notes what one lower-case class or id word says.
    fn see(&mut self, w: &str) {
        if matches!(
            w,
            "article"
                | "articlebody"
                | "body"
                | "content"
                | "entry"
                | "hentry"
                | "main"
                | "page"
                | "post"
                | "text"
                | "blog"
                | "story"
                | "storybody"
        ) {
            self.positive = true;
        }
        if matches!(
            w,
            "hidden"
                | "banner"
                | "combx"
                | "comment"
                | "comments"
                | "contact"
                | "foot"
                | "footer"
                | "footnote"
                | "gdpr"
                | "masthead"
                | "media"
                | "meta"
                | "outbrain"
                | "promo"
                | "related"
                | "scroll"
                | "share"
                | "shoutbox"
                | "sidebar"
                | "skyscraper"
                | "sponsor"
                | "shopping"
                | "tags"
                | "tool"
                | "tools"
                | "widget"
        ) {
            self.negative = true;
        }
        if matches!(
            w,
            "banner"
                | "breadcrumb"
                | "breadcrumbs"
                | "comment"
                | "comments"
                | "community"
                | "disqus"
                | "extra"
                | "footer"
                | "header"
                | "menu"
                | "related"
                | "remark"
                | "replies"
                | "rss"
                | "shoutbox"
                | "sidebar"
                | "skyscraper"
                | "social"
                | "sponsor"
                | "supplemental"
                | "agegate"
                | "pagination"
                | "pager"
                | "popup"
                | "cookie"
                | "modal"
        ) {
            self.unlikely = true;
        }
        if matches!(
            w,
            "and" | "article" | "body" | "column" | "content" | "main" | "shadow"
        ) {
            self.maybe = true;
        }
    }

    /// Reads a `role` attribute: navigation and dialogs never hold the article.
    fn role(&mut self, value: &str) {
        if matches!(
            value.trim(),
            "menu"
                | "menubar"
                | "complementary"
                | "navigation"
                | "alert"
                | "alertdialog"
                | "dialog"
        ) {
            self.unlikely = true;
        }
    }

    fn weight(&self) -> i8 {
        i8::from(self.positive) - i8::from(self.negative)
    }
}

/// Picks the article's elements from the scores: the best container, moved up when its
/// parent holds more of the good text, and its siblings that carry text. Walk indices.
fn choose(t: &Tree) -> Vec<usize> {
    let final_score = |i: usize| -> f32 {
        let s = &t.stats[i];
        let density = if s.chars == 0 {
            0.0
        } else {
            s.links as f32 / s.chars as f32
        };
        t.info[i].score * (1.0 - density)
    };
    let mut best: Vec<(f32, usize)> = Vec::new();
    for (i, e) in t.info.iter().enumerate() {
        if e.scored && !e.skipped {
            best.push((final_score(i), i));
        }
    }
    best.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let Some(&(top_score, mut top)) = best.first() else {
        return vec![0];
    };
    if top == 0 {
        return vec![0];
    }
    // Several strong candidates under one ancestor: the ancestor holds the article.
    let strong: Vec<usize> = best
        .iter()
        .skip(1)
        .take(4)
        .filter(|(s, _)| *s >= top_score * 0.75)
        .map(|&(_, i)| i)
        .collect();
    if strong.len() >= 2 {
        let mut a = t.parent[top];
        while a != NONE && a != 0 {
            if strong.iter().filter(|&&i| is_below(t, i, a)).count() >= 2 {
                top = a;
                break;
            }
            a = t.parent[a];
        }
    }
    // Climb while the parent scores higher than the child.
    let mut last = final_score(top);
    let floor = last / 3.0;
    let mut a = t.parent[top];
    while a != NONE && a != 0 {
        if t.info[a].scored {
            let s = final_score(a);
            if s < floor {
                break;
            }
            if s > last {
                top = a;
                break;
            }
            last = s;
        }
        a = t.parent[a];
    }
    // An only child stands for its parent.
    loop {
        let p = t.parent[top];
        if p == NONE || p == 0 || t.first_child(p) != top || t.next[top] != NONE {
            break;
        }
        top = p;
    }
    let parent = t.parent[top];
    if parent == NONE {
        return vec![top];
    }
    let top_score = if t.info[top].scored {
        final_score(top)
    } else {
        0.0
    };
    let threshold = (top_score * 0.2).max(10.0);
    // A sibling that holds a strong candidate further down (a third of the top's score, the
    // floor of the climb above) holds part of the article.
    let mut holds = vec![false; t.ids.len()];
    for &(score, i) in &best {
        if score < (top_score / 3.0).max(10.0) {
            break;
        }
        let mut a = i;
        while a != NONE && t.parent[a] != parent {
            a = t.parent[a];
        }
        if a != NONE {
            holds[a] = true;
        }
    }
    let mut roots = Vec::new();
    let mut c = t.first_child(parent);
    while c != NONE {
        let ci = c;
        c = t.next[c];
        if ci == top {
            roots.push(ci);
            continue;
        }
        let info = &t.info[ci];
        if info.skipped {
            continue;
        }
        let bonus = if info.class != 0 && info.class == t.info[top].class {
            top_score * 0.2
        } else {
            0.0
        };
        if info.scored && final_score(ci) + bonus >= threshold
            || holds[ci] && t.stats[ci].links * 4 < t.stats[ci].chars
        {
            roots.push(ci);
            continue;
        }
        let s = &t.stats[ci];
        if info.kind == Kind::Para || info.kind == Kind::Container && !s.has_block {
            let density = if s.chars == 0 {
                1.0
            } else {
                s.links as f32 / s.chars as f32
            };
            if s.chars > 80 && density < 0.25 || s.chars > 0 && s.links == 0 && s.last == b'.' {
                roots.push(ci);
            }
        }
    }
    roots
}

impl Tree {
    /// The first element child of `p`.
    fn first_child(&self, p: usize) -> usize {
        // Children are numbered after their parent, the first right after it when it has any.
        let c = p + 1;
        if c < self.parent.len() && self.parent[c] == p {
            c
        } else {
            NONE
        }
    }
}

/// Whether element `i` lies below element `ancestor`.
fn is_below(t: &Tree, i: usize, ancestor: usize) -> bool {
    let mut a = t.parent[i];
    while a != NONE {
        if a == ancestor {
            return true;
        }
        a = t.parent[a];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The article text the located elements hold (kept subtrees only).
    fn located_text(html: &str) -> String {
        let doc = Document::from(html);
        let found = locate(&doc);
        let mut out = String::new();
        let mut todo: Vec<NodeRef<'_>> = found
            .roots
            .iter()
            .rev()
            .map(|id| doc.tree.get_unchecked(id))
            .collect();
        while let Some(n) = todo.pop() {
            if n.is_text() {
                out.push_str(&n.text());
                continue;
            }
            if !found.keeps(&n) {
                continue;
            }
            let mut kids = n.children();
            kids.reverse();
            todo.extend(kids);
        }
        out
    }

    const PROSE: &str = "The council voted on Tuesday, after a long debate, to close the \
        old bridge, which engineers had called unsafe, and to build a new one by 2027.";

    #[test]
    fn picks_the_prose_over_link_lists() {
        let links: String = (0..30)
            .map(|i| format!("<li><a href='/a{i}'>Another story number {i} here</a></li>"))
            .collect();
        let paras: String = (0..6).map(|_| format!("<p>{PROSE}</p>")).collect();
        let html = format!(
            "<body><div class='sidebar'><ul>{links}</ul></div>\
             <div class='main'><div class='story'>{paras}</div></div>\
             <div class='more'><ul>{links}</ul></div></body>"
        );
        let text = located_text(&html);
        assert!(text.contains("old bridge"));
        assert!(!text.contains("Another story"), "{text}");
    }

    #[test]
    fn sibling_paragraphs_join_and_link_boxes_inside_go() {
        let paras: String = (0..5).map(|_| format!("<p>{PROSE}</p>")).collect();
        let links: String = (0..8)
            .map(|i| format!("<a href='/r{i}'>Read this other piece {i}</a> "))
            .collect();
        let html = format!(
            "<body><div id='wrap'><div class='body'>{paras}<div class='box'>{links}</div>{paras}</div>\
             <p>A closing paragraph of the article that carries on the story at some length \
             without any link at all.</p></div></body>"
        );
        let text = located_text(&html);
        assert!(text.contains("closing paragraph"), "{text}");
        assert!(!text.contains("other piece"), "{text}");
    }

    #[test]
    fn an_unlikely_wrapper_around_everything_is_scored_again() {
        let paras: String = (0..5).map(|_| format!("<p>{PROSE}</p>")).collect();
        let html = format!("<body><div class='sidebar-layout'><div>{paras}</div></div></body>");
        assert!(located_text(&html).contains("old bridge"));
    }

    #[test]
    fn hidden_and_script_content_stay_out() {
        let paras: String = (0..5).map(|_| format!("<p>{PROSE}</p>")).collect();
        let html = format!(
            "<body><article>{paras}<p style='display: none'>Secret hidden words here.</p>\
             <div hidden>More hidden words</div></article></body>"
        );
        let text = located_text(&html);
        assert!(text.contains("old bridge"));
        assert!(!text.contains("hidden words"), "{text}");
    }

    #[test]
    fn pages_without_text_or_body_do_not_fail() {
        for html in [
            "",
            "<html></html>",
            "<p>short</p>",
            "just text, no markup at all",
        ] {
            let _ = located_text(html);
        }
        let deep = "<div>".repeat(5000) + PROSE;
        assert!(located_text(&deep).contains("old bridge"));
    }
}
