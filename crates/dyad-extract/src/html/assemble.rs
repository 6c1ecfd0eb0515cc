//! Text assembly: walks the article's DOM in document order and turns it into body blocks
//! (paragraphs, headings, list items), sending news furniture to `removed`.
//!
//! The walk is iterative (an explicit stack), so deeply nested markup cannot overflow the
//! call stack.

use dom_query::NodeRef;
use dyad_doc::{BlockKind, Removed, RemovedKind};

use super::furniture::{self, Context};
use crate::body::BodyBuilder;

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "button", "form", "select",
    "option", "input", "textarea", "nav", "head", "title", "meta", "link", "object", "embed",
    "video", "audio", "canvas", "map",
];

/// Elements that start and end a block of their own.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dd",
    "dt",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "ul",
    "ol",
    "dl",
    "header",
    "footer",
    "aside",
    "address",
    "hr",
    "br",
    "center",
];

/// What the walk yields.
#[derive(Debug, Default)]
pub struct Assembled {
    pub body: BodyBuilder,
    pub removed: Vec<Removed>,
    /// The first figure caption met, with its photo credit when one was told apart.
    pub caption: Option<String>,
    pub credit: Option<String>,
}

/// What is known about the article before its body is assembled.
#[derive(Debug, Default, Clone, Copy)]
pub struct Hints<'a> {
    /// The article's title: a leading heading that repeats it is metadata, not body.
    pub title: Option<&'a str>,
    /// Author names: a closing paragraph about one of them is an author bio.
    pub authors: &'a [String],
}

/// One block found by the walk, with the furniture kind the block-level rules gave it.
#[derive(Debug)]
struct Item {
    kind: BlockKind,
    text: String,
    removed: Option<RemovedKind>,
    /// Share of the block's text inside links.
    link_share: f32,
}

/// One open block-level element during the walk.
#[derive(Debug, Clone, Copy)]
struct Frame {
    kind: BlockKind,
    context: Context,
}

/// One step of the walk: enter a node, or leave an element (popping its frame when it
/// pushed one, and ending its block when it is block-level).
enum Step<'a> {
    Enter(NodeRef<'a>),
    Exit { pop: bool, block: bool },
}

/// The block kind an element gives the text directly inside it.
fn block_kind(name: &str) -> BlockKind {
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "li" | "dd" | "dt" => BlockKind::ListItem,
        _ => BlockKind::Paragraph,
    }
}

/// Walks `roots` in order, entering only the elements `keep` accepts (the locator leaves
/// out hidden and furniture subtrees), and assembles the body. A leading heading that
/// repeats the title in `hints` is left out of the body (it is metadata, not body text).
pub fn assemble<'a>(
    roots: &[NodeRef<'a>],
    keep: impl Fn(&NodeRef<'a>) -> bool,
    hints: &Hints<'_>,
) -> Assembled {
    let mut out: Vec<Item> = Vec::new();
    let mut frames: Vec<Frame> = vec![Frame {
        kind: BlockKind::Paragraph,
        context: Context::default(),
    }];
    let mut buf = String::new();
    let mut links = 0usize;
    let mut stack: Vec<Step<'a>> = roots.iter().rev().map(|r| Step::Enter(*r)).collect();
    while let Some(step) = stack.pop() {
        match step {
            Step::Exit { pop, block } => {
                let frame = if pop { frames.pop() } else { None };
                if block {
                    let frame = frame.unwrap_or(Frame {
                        kind: BlockKind::Paragraph,
                        context: Context::default(),
                    });
                    flush(&mut out, &mut buf, &mut links, frame);
                }
            }
            Step::Enter(node) => {
                if node.is_text() {
                    let t = node.text();
                    let in_link = frames.last().is_some_and(|f| f.context.in_link);
                    if in_link {
                        links += t.len();
                    }
                    buf.push_str(&t);
                    continue;
                }
                if !node.is_element() && !node.is_document() && !node.is_fragment() {
                    continue;
                }
                let name = node.node_name();
                let name = name.as_deref().unwrap_or("");
                if SKIPPED.contains(&name) || !keep(&node) {
                    continue;
                }
                if name == "br" || name == "hr" {
                    buf.push('\n');
                    continue;
                }
                let parent = frames.last().map(|f| f.context).unwrap_or_default();
                let context = parent.enter(name, &node);
                let block = BLOCKS.contains(&name);
                if block {
                    let frame = frames.last().copied().unwrap_or(Frame {
                        kind: BlockKind::Paragraph,
                        context: Context::default(),
                    });
                    flush(&mut out, &mut buf, &mut links, frame);
                    frames.push(Frame {
                        kind: block_kind(name),
                        context,
                    });
                } else if context != parent {
                    // An inline element that changes the context (a link, a credit span):
                    // keep the context for its text by pushing a frame that does not flush.
                    frames.push(Frame {
                        kind: frames
                            .last()
                            .map(|f| f.kind)
                            .unwrap_or(BlockKind::Paragraph),
                        context,
                    });
                    stack.push(Step::Exit {
                        pop: true,
                        block: false,
                    });
                    push_children(&mut stack, &node);
                    continue;
                }
                stack.push(Step::Exit { pop: block, block });
                push_children(&mut stack, &node);
            }
        }
    }
    let frame = frames.pop().unwrap_or(Frame {
        kind: BlockKind::Paragraph,
        context: Context::default(),
    });
    flush(&mut out, &mut buf, &mut links, frame);
    finish(out, hints)
}

fn push_children<'a>(stack: &mut Vec<Step<'a>>, node: &NodeRef<'a>) {
    let start = stack.len();
    let mut child = node.first_child();
    while let Some(c) = child {
        child = c.next_sibling();
        stack.push(Step::Enter(c));
    }
    stack[start..].reverse();
}

fn flush(out: &mut Vec<Item>, buf: &mut String, links: &mut usize, frame: Frame) {
    let link_chars = std::mem::take(links);
    if buf.trim().is_empty() {
        buf.clear();
        return;
    }
    let text = std::mem::take(buf);
    let link_share = link_chars as f32 / text.len().max(1) as f32;
    for part in text.split("\n\n") {
        let folded = fold(part);
        if folded.is_empty() {
            continue;
        }
        let removed = furniture::classify(&folded, frame.kind, frame.context, link_share);
        out.push(Item {
            kind: frame.kind,
            text: folded,
            removed,
            link_share,
        });
    }
}

/// Rules that need the whole sequence of blocks: the repeated title at the top, lists of links under a "Related" label, repeated captions, and author bios at the
/// end.
fn finish(mut items: Vec<Item>, hints: &Hints<'_>) -> Assembled {
    // Leading title. (A leading paragraph equal to the page's description is kept: many
    // pages use their first paragraph as the description.)
    for item in items.iter_mut().filter(|i| i.removed.is_none()).take(3) {
        if hints.title.is_some_and(|t| same_text(&item.text, t)) {
            item.removed = Some(RemovedKind::Other);
        }
    }
    // Items listed right under a "Related" label, and exact repeats of a block (captions
    // repeated by galleries and lightboxes).
    let mut under_related = false;
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for item in items.iter_mut() {
        match item.removed {
            Some(RemovedKind::Related) => {
                under_related = true;
                continue;
            }
            Some(_) => continue,
            None => {}
        }
        if under_related && item.kind == BlockKind::ListItem && item.link_share > 0.5 {
            item.removed = Some(RemovedKind::Related);
            continue;
        }
        under_related = false;
        if item.text.split_whitespace().count() >= 15 && !seen.insert(item.text.clone()) {
            item.removed = Some(RemovedKind::Other);
        }
    }
    // Author bios among the last blocks: "<author> is …", "<author> joined …".
    let kept: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].removed.is_none())
        .collect();
    for &i in kept.iter().rev().take(3) {
        if is_author_bio(&items[i].text, hints.authors) {
            items[i].removed = Some(RemovedKind::AuthorBio);
        }
    }
    let mut out = Assembled::default();
    for item in items {
        match item.removed {
            None => out.body.push(item.kind, &item.text),
            Some(kind) => {
                if kind == RemovedKind::Caption && out.caption.is_none() {
                    out.caption = Some(item.text.clone());
                }
                if kind == RemovedKind::PhotoCredit && out.credit.is_none() {
                    out.credit = Some(furniture::strip_credit_label(&item.text));
                }
                out.removed.push(Removed {
                    kind,
                    text: item.text,
                });
            }
        }
    }
    out
}

/// A short paragraph that opens with an author's name (or first name) followed by a
/// description of them.
fn is_author_bio(text: &str, authors: &[String]) -> bool {
    if text.split_whitespace().count() > 80 {
        return false;
    }
    authors.iter().any(|a| {
        let first = a.split_whitespace().next().unwrap_or("");
        [a.as_str(), first].iter().any(|name| {
            name.len() >= 2
                && text.strip_prefix(name).is_some_and(|rest| {
                    let rest = rest.trim_start_matches([' ', ',']);
                    let rest = rest
                        .strip_prefix('(')
                        .and_then(|r| r.split_once(')').map(|x| x.1.trim_start()))
                        .unwrap_or(rest);
                    [
                        "is ", "was ", "joined ", "has ", "writes ", "covers ", "’s ", "'s ",
                    ]
                    .iter()
                    .any(|v| rest.starts_with(v))
                })
        })
    })
}

/// Folds whitespace runs to one space.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Equal ignoring case, whitespace and punctuation.
/// Compared lazily, without copies: a paragraph is told from a title at its first
/// differing letter.
pub fn same_text(a: &str, b: &str) -> bool {
    fn norm(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
    }
    norm(a).next().is_some() && norm(a).eq(norm(b))
}

#[cfg(test)]
mod tests {
    use super::same_text;

    #[test]
    fn same_text_ignores_case_spaces_and_marks_only() {
        assert!(same_text("Peace, at last!", "peace at LAST"));
        assert!(same_text("Élan VITAL", "élan vital"));
        assert!(!same_text("Peace at last", "Peace at last, again"));
        assert!(!same_text("Peace at last, again", "Peace at last"));
        assert!(!same_text("", ""));
        assert!(!same_text("--", "!!"));
    }
}
