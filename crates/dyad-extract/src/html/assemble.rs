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

/// Walks `root` and assembles the body. `title` is the article title: a leading heading
/// that repeats it is left out of the body (it is metadata, not body text).
pub fn assemble(root: &NodeRef<'_>, title: Option<&str>) -> Assembled {
    let mut out = Assembled::default();
    let mut frames: Vec<Frame> = vec![Frame {
        kind: BlockKind::Paragraph,
        context: Context::default(),
    }];
    let mut buf = String::new();
    let mut links = 0usize;
    let mut stack: Vec<Step<'_>> = vec![Step::Enter(root.clone())];
    let mut title_seen = false;
    while let Some(step) = stack.pop() {
        match step {
            Step::Exit { pop, block } => {
                let frame = if pop { frames.pop() } else { None };
                if block {
                    let frame = frame.unwrap_or(Frame {
                        kind: BlockKind::Paragraph,
                        context: Context::default(),
                    });
                    flush(&mut out, &mut buf, &mut links, frame, title, &mut title_seen);
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
                if SKIPPED.contains(&name) || is_hidden(&node) {
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
                    flush(&mut out, &mut buf, &mut links, frame, title, &mut title_seen);
                    frames.push(Frame {
                        kind: block_kind(name),
                        context,
                    });
                } else if context != parent {
                    // An inline element that changes the context (a link, a credit span):
                    // keep the context for its text by pushing a frame that does not flush.
                    frames.push(Frame {
                        kind: frames.last().map(|f| f.kind).unwrap_or(BlockKind::Paragraph),
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
    flush(&mut out, &mut buf, &mut links, frame, title, &mut title_seen);
    out
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

/// Hidden by the page itself (`hidden`, `aria-hidden`, `display:none`).
fn is_hidden(node: &NodeRef<'_>) -> bool {
    if node.has_attr("hidden") {
        return true;
    }
    if node
        .attr("aria-hidden")
        .is_some_and(|v| v.as_ref() == "true")
    {
        return true;
    }
    node.attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        let s = s.to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

fn flush(
    out: &mut Assembled,
    buf: &mut String,
    links: &mut usize,
    frame: Frame,
    title: Option<&str>,
    title_seen: &mut bool,
) {
    let link_chars = std::mem::take(links);
    if buf.trim().is_empty() {
        buf.clear();
        return;
    }
    let text = std::mem::take(buf);
    for part in text.split("\n\n") {
        let folded = fold(part);
        if folded.is_empty() {
            continue;
        }
        if !*title_seen && out.body.is_empty() {
            if let Some(t) = title {
                if same_text(&folded, t) {
                    *title_seen = true;
                    continue;
                }
            }
        }
        let link_share = if text.is_empty() {
            0.0
        } else {
            link_chars as f32 / text.len() as f32
        };
        match furniture::classify(&folded, frame.kind, frame.context, link_share) {
            None => out.body.push(frame.kind, &folded),
            Some(kind) => {
                if kind == RemovedKind::Caption && out.caption.is_none() {
                    out.caption = Some(folded.clone());
                }
                if kind == RemovedKind::PhotoCredit && out.credit.is_none() {
                    out.credit = Some(furniture::strip_credit_label(&folded));
                }
                out.removed.push(Removed { kind, text: folded });
            }
        }
    }
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
pub fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && a == b
}
