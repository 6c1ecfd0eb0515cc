//! Where each line sits in the page decides what it is: the top of the page (above the first
//! prose paragraph) holds the title, photo credit, caption, byline and date; the body runs
//! from there to the first run of closing furniture that comes after most of the prose;
//! what follows is furniture, teaser titles of other articles and the author's bio.

use dyad_doc::{BlockKind, Meta, Removed, RemovedKind};

use super::classify::{item_text, Kind, Line};
use super::people;
use crate::body::BodyBuilder;
use crate::Extracted;

/// What a line becomes.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Pending,
    /// Starts a block of this kind.
    Block(BlockKind),
    /// Continues the paragraph of the line before (a hard-wrapped paragraph).
    Join,
    Removed(RemovedKind),
    /// Dropped without a trace (separator lines).
    Drop,
}

/// How many lines ahead a heading looks for the paragraph it introduces.
const LOOKAHEAD: usize = 8;

/// How many headline lines a bare `Read more` / `Related` label may head.
const MAX_LINKED_TITLES: usize = 5;

/// Builds the extraction from classified lines.
pub fn assemble(lines: &[Line<'_>]) -> Extracted {
    let n = lines.len();
    let mut roles = vec![Role::Pending; n];
    let mut meta = Meta::default();
    let mut bio_lines: Vec<usize> = Vec::new();

    let pictures = mark_credits(lines, &mut roles, &mut meta);
    let mut start = body_start(lines, &roles);
    // A heading standing right above the first paragraph, below the title, opens the body.
    if start > 0 && start < n && title_line(lines, &roles, start - 1).is_some() {
        let above = start - 1;
        if lines[above].alone
            && roles[above] == Role::Pending
            && lines[above].kind == Kind::Text
            && is_heading(lines, &roles, above, n)
        {
            start = above;
        }
    }
    let cut = body_end(lines, &roles, start);
    keep_inner_captions(&pictures, &mut roles, start, cut);

    top_zone(lines, &mut roles, &mut meta, start);
    body_zone(lines, &mut roles, &mut meta, start, cut);
    closing_zone(lines, &mut roles, &mut meta, cut, &mut bio_lines);
    if bio_lines.is_empty() {
        trailing_bio(lines, &mut roles, &meta, cut, &mut bio_lines);
    }
    if !bio_lines.is_empty() {
        let bio: Vec<&str> = bio_lines.iter().map(|&i| lines[i].text).collect();
        let bio = bio.join(" ");
        if meta.byline.is_empty() {
            if let Some(name) = people::bio_subject(strip_emphasis(&bio)) {
                meta.byline.push(name);
            }
        }
        meta.author_bio = Some(bio);
    }
    build(lines, &roles, meta)
}

/// One picture's lines: its credit line and the caption line beside it, if any.
struct Picture {
    credit: usize,
    /// True when the credit line also holds the caption.
    inline_caption: bool,
    caption: Option<usize>,
}

/// Photo credits, and the caption on the line next to each (same group); all are removed
/// here, and meta takes the first picture's credit and caption.
fn mark_credits(lines: &[Line<'_>], roles: &mut [Role], meta: &mut Meta) -> Vec<Picture> {
    let first_prose = (0..lines.len())
        .find(|&k| is_prose(&lines[k], roles[k]))
        .unwrap_or(lines.len());
    let mut pictures = Vec::new();
    for i in 0..lines.len() {
        let Kind::Credit(c) = &lines[i].kind else {
            continue;
        };
        roles[i] = Role::Removed(RemovedKind::PhotoCredit);
        if meta.photo_credit.is_none() && !c.credit.is_empty() {
            meta.photo_credit = Some(c.credit.clone());
        }
        if let Some(caption) = &c.caption {
            if meta.caption.is_none() {
                meta.caption = Some(caption.clone());
            }
            pictures.push(Picture {
                credit: i,
                inline_caption: true,
                caption: None,
            });
            continue;
        }
        let captionable = |j: usize| {
            lines[j].group == lines[i].group
                && lines[j].kind == Kind::Text
                && lines[j].shape.words <= 60
                && roles[j] == Role::Pending
        };
        let neighbour = if i + 1 < lines.len() && captionable(i + 1) {
            Some(i + 1)
        } else if i > 0 && captionable(i - 1) {
            Some(i - 1)
        } else if lines[i].alone {
            detached_caption(lines, roles, i, first_prose)
        } else {
            None
        };
        if let Some(j) = neighbour {
            roles[j] = Role::Removed(RemovedKind::Caption);
            if meta.caption.is_none() {
                meta.caption = Some(lines[j].text.to_string());
            }
        }
        pictures.push(Picture {
            credit: i,
            inline_caption: false,
            caption: neighbour,
        });
    }
    pictures
}

/// Captions printed inside the article stay in the body as caption blocks, as printed: every
/// picture's but the lead picture's (the page's first captioned picture, when it stands above
/// the first paragraph), whose caption and credit are the page's metadata. A credit on a line
/// of its own stays removed; pictures after the body's end are furniture.
fn keep_inner_captions(pictures: &[Picture], roles: &mut [Role], start: usize, cut: usize) {
    let caption_line = |p: &Picture| {
        if p.inline_caption {
            Some(p.credit)
        } else {
            p.caption
        }
    };
    let mut captions = pictures
        .iter()
        .filter_map(|p| caption_line(p).map(|line| (line, p.credit.min(line))));
    let mut lead_seen = false;
    for (line, top) in &mut captions {
        let lead = !lead_seen && top < start;
        lead_seen = true;
        if !lead && line < cut {
            roles[line] = Role::Block(BlockKind::Caption);
        }
    }
}

/// A caption set off by blank lines beside a credit that stands alone, at the top of the
/// page only (before any other prose): a single short line right below the credit (or right
/// above it), not a dateline or a quotation, with more text after it.
fn detached_caption(
    lines: &[Line<'_>],
    roles: &[Role],
    credit: usize,
    first_prose: usize,
) -> Option<usize> {
    let fits = |j: usize| {
        let l = &lines[j];
        l.alone
            && l.kind == Kind::Text
            && roles[j] == Role::Pending
            && l.shape.words >= 3
            && l.shape.words <= 25
            && !dateline_like(l.text)
            && !l.text.contains(" (") // `CITY (Agency) —` leads
            && !l.text.starts_with(['"', '“', '‘', '\''])
    };
    let prose_before = |j: usize| first_prose < j;
    let below = credit + 1;
    let text_after = |j: usize| {
        lines[j + 1..]
            .iter()
            .zip(&roles[j + 1..])
            .take(LOOKAHEAD)
            .any(|(l, r)| is_prose(l, *r))
    };
    if below < lines.len() && fits(below) && !prose_before(credit) && text_after(below) {
        return Some(below);
    }
    let above = credit.checked_sub(1)?;
    (fits(above) && !prose_before(above) && text_after(credit)).then_some(above)
}

/// The first prose line not already taken: where the article starts.
fn body_start(lines: &[Line<'_>], roles: &[Role]) -> usize {
    let open = |i: &usize| roles[*i] == Role::Pending && lines[*i].kind == Kind::Text;
    (0..lines.len())
        .filter(open)
        .find(|&i| lines[i].shape.prose_like() || wraps_into_next(lines, i))
        .or_else(|| (0..lines.len()).find(open))
        .unwrap_or(lines.len())
}

fn is_prose(line: &Line<'_>, role: Role) -> bool {
    role == Role::Pending && line.kind == Kind::Text && line.shape.prose_like()
}

/// True when line `i` is the first part of a hard-wrapped paragraph: a longish line that
/// does not end a sentence, continued by a text line of the same group.
fn wraps_into_next(lines: &[Line<'_>], i: usize) -> bool {
    let (Some(line), Some(next)) = (lines.get(i), lines.get(i + 1)) else {
        return false;
    };
    let continues_lower = next.text.chars().next().is_some_and(char::is_lowercase);
    line.kind == Kind::Text
        && next.kind == Kind::Text
        && next.group == line.group
        && !line.shape.ends_sentence
        && !line.shape.ends_colon
        && line.shape.words >= 6
        && (continues_lower || line.text.len() >= 50)
}

/// Where the body ends: the first closing furniture line after the start that comes after
/// most of the prose and is followed by more furniture (a run), or is a strong closer, or
/// has no prose after it.
fn body_end(lines: &[Line<'_>], roles: &[Role], start: usize) -> usize {
    let n = lines.len();
    let mut prose_before = vec![0usize; n + 1];
    for i in 0..n {
        prose_before[i + 1] = prose_before[i] + usize::from(is_prose(&lines[i], roles[i]));
    }
    let total = prose_before[n];
    for i in start..n {
        let Kind::Furniture {
            kind,
            closing,
            bare,
        } = lines[i].kind
        else {
            continue;
        };
        // A bare `Related` label heads a list of links: closing when little prose follows.
        if !(closing || (kind == RemovedKind::Related && bare)) {
            continue;
        }
        let before = prose_before[i];
        let after = total - prose_before[i + 1];
        if before == 0 || after > (before / 3).max(2) || (!closing && after > 0) {
            continue;
        }
        let strong = matches!(
            kind,
            RemovedKind::Related | RemovedKind::Other | RemovedKind::AuthorBio
        );
        let run = lines.get(i + 1).is_some_and(|l| {
            matches!(
                l.kind,
                Kind::Furniture { .. } | Kind::Credit(_) | Kind::Byline(..) | Kind::Date { .. }
            )
        });
        if strong || run || after == 0 {
            return i;
        }
    }
    n
}

/// `BAKU, Azerbaijan —` on its own line: a dateline, kept in the body.
fn dateline_like(text: &str) -> bool {
    let first = text.split([',', ' ']).next().unwrap_or("");
    let caps_place = first.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && first
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase());
    caps_place
        && (text.ends_with(['—', '–', '-', ':']) || text.contains(" (") && text.contains(") "))
}

/// The title: a heading-shaped line above the body, preferring one that does not share its
/// group with furniture (a site name inside the masthead block is not the title).
fn title_line(lines: &[Line<'_>], roles: &[Role], start: usize) -> Option<usize> {
    let candidate = |i: &usize| {
        let l = &lines[*i];
        let s = &l.shape;
        roles[*i] == Role::Pending
            && l.kind == Kind::Text
            && s.heading_like()
            && !s.ends_question
            && s.words >= 3
            && !dateline_like(l.text)
            && !wraps_into_next(lines, *i)
    };
    let groups = lines.last().map_or(0, |l| l.group + 1);
    let mut furnished = vec![false; groups];
    for l in lines {
        if matches!(l.kind, Kind::Furniture { .. }) {
            furnished[l.group] = true;
        }
    }
    let in_masthead = |i: usize| furnished[lines[i].group];
    (0..start)
        .filter(candidate)
        .find(|&i| !in_masthead(i))
        .or_else(|| (0..start).find(candidate))
}

fn top_zone(lines: &[Line<'_>], roles: &mut [Role], meta: &mut Meta, start: usize) {
    let title = title_line(lines, roles, start);
    let mut titled = false;
    for i in 0..start {
        if roles[i] != Role::Pending {
            continue;
        }
        let line = &lines[i];
        roles[i] = match &line.kind {
            Kind::Furniture { kind, .. } => Role::Removed(*kind),
            Kind::Byline(names, date) => {
                take_byline(meta, names, date.as_deref());
                Role::Removed(RemovedKind::Byline)
            }
            Kind::Date { iso, labelled } => {
                if meta.published.is_none() {
                    meta.published = Some(iso.clone());
                }
                // A bare date printed on its own under the kept headline is part of the
                // article's head, as printed; a labelled one (`Updated: …`) is page furniture.
                if titled && !labelled && line.alone {
                    Role::Block(BlockKind::Heading)
                } else {
                    Role::Removed(RemovedKind::Other)
                }
            }
            Kind::Separator => Role::Drop,
            Kind::Credit(_) => Role::Removed(RemovedKind::PhotoCredit),
            Kind::ListItem => Role::Block(BlockKind::ListItem),
            Kind::Text => {
                let s = &line.shape;
                if dateline_like(line.text) {
                    Role::Block(BlockKind::Paragraph)
                } else if Some(i) == title {
                    titled = true;
                    meta.title = Some(line.text.to_string());
                    Role::Block(BlockKind::Heading)
                } else if titled && (s.ends_sentence || s.words >= 8) {
                    Role::Block(BlockKind::Paragraph)
                } else if s.words < 8 {
                    Role::Removed(RemovedKind::Navigation)
                } else {
                    Role::Block(BlockKind::Paragraph)
                }
            }
        };
    }
}

fn take_byline(meta: &mut Meta, names: &[String], date: Option<&str>) {
    if meta.byline.is_empty() {
        meta.byline = names.to_vec();
    }
    if meta.published.is_none() {
        meta.published = date.map(str::to_string);
    }
}

fn body_zone(lines: &[Line<'_>], roles: &mut [Role], meta: &mut Meta, start: usize, cut: usize) {
    let mut i = start;
    while i < cut {
        if roles[i] != Role::Pending {
            i += 1;
            continue;
        }
        let line = &lines[i];
        roles[i] = match &line.kind {
            Kind::Furniture { kind, bare, .. } => {
                if *kind == RemovedKind::Related && *bare {
                    take_linked_titles(lines, roles, i, cut);
                }
                Role::Removed(*kind)
            }
            Kind::Byline(names, date) => {
                take_byline(meta, names, date.as_deref());
                Role::Removed(RemovedKind::Byline)
            }
            Kind::Date { iso, labelled } => {
                if *labelled || !introduces_text(lines, roles, i, cut) {
                    if meta.published.is_none() {
                        meta.published = Some(iso.clone());
                    }
                    Role::Removed(RemovedKind::Other)
                } else {
                    Role::Block(BlockKind::Heading)
                }
            }
            Kind::Separator => Role::Drop,
            Kind::Credit(_) => Role::Removed(RemovedKind::PhotoCredit),
            Kind::ListItem => Role::Block(BlockKind::ListItem),
            Kind::Text => {
                if is_heading(lines, roles, i, cut) {
                    Role::Block(BlockKind::Heading)
                } else if continues_paragraph(lines, roles, i) {
                    Role::Join
                } else {
                    Role::Block(BlockKind::Paragraph)
                }
            }
        };
        i += 1;
    }
}

/// After a bare `Read more` / `Related` label: the linked headlines on the lines below it
/// (same group, or the next group when the label stands alone).
fn take_linked_titles(lines: &[Line<'_>], roles: &mut [Role], label: usize, cut: usize) {
    let group = lines[label].group;
    for j in (label + 1..cut).take(MAX_LINKED_TITLES) {
        let l = &lines[j];
        let near = l.group == group || (lines[label].alone && l.group == group + 1);
        if !near || roles[j] != Role::Pending {
            break;
        }
        let headline = matches!(l.kind, Kind::Text | Kind::ListItem)
            && l.shape.words <= 20
            && !(l.shape.ends_sentence && l.shape.words >= 8);
        if !headline {
            break;
        }
        roles[j] = Role::Removed(RemovedKind::Related);
    }
}

/// True when a text line comes after line `i` (within a few lines) before the body ends.
fn introduces_text(lines: &[Line<'_>], roles: &[Role], i: usize, cut: usize) -> bool {
    lines[i + 1..cut.min(i + 1 + LOOKAHEAD)]
        .iter()
        .zip(&roles[i + 1..])
        .find(|(_, r)| **r == Role::Pending)
        .is_some_and(|(l, _)| matches!(l.kind, Kind::Text | Kind::ListItem))
}

/// A heading: short, shaped like a title (all caps, title case, a question, or a lone
/// capitalised phrase without final punctuation), standing apart, and followed by a
/// paragraph.
fn is_heading(lines: &[Line<'_>], roles: &[Role], i: usize, cut: usize) -> bool {
    let line = &lines[i];
    let s = &line.shape;
    if !s.heading_like() || line.text.starts_with(['"', '“', '\'', '‘', '(']) {
        return false;
    }
    let starts_upper = line
        .text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let first_in_group = i == 0 || lines[i - 1].group != line.group;
    let standing = line.alone || (first_in_group && (s.all_caps() || s.title_case()));
    let shaped = s.all_caps()
        || s.title_case()
        || (s.content_words == 1 && s.capitalised == 1)
        || (starts_upper && s.words <= 12 && !line.text.contains([',', ';']));
    if !(standing && shaped && starts_upper) {
        return false;
    }
    // The next pending line must be a paragraph of text, not another short line.
    let next = lines[i + 1..cut.min(i + 1 + LOOKAHEAD)]
        .iter()
        .zip(&roles[i + 1..])
        .find(|(l, r)| {
            **r == Role::Pending && !matches!(l.kind, Kind::Furniture { .. } | Kind::Separator)
        });
    next.is_some_and(|(l, _)| {
        l.kind == Kind::ListItem || (l.kind == Kind::Text && !l.shape.heading_like())
    })
}

/// A hard-wrapped paragraph: the line before is in the same group, is a paragraph line and
/// does not end a sentence.
fn continues_paragraph(lines: &[Line<'_>], roles: &[Role], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let prev = &lines[i - 1];
    prev.group == lines[i].group
        && matches!(roles[i - 1], Role::Block(BlockKind::Paragraph) | Role::Join)
        && !prev.shape.ends_sentence
        && !prev.shape.ends_colon
}

fn closing_zone(
    lines: &[Line<'_>],
    roles: &mut [Role],
    meta: &mut Meta,
    cut: usize,
    bio: &mut Vec<usize>,
) {
    let mut after_bio_label = false;
    for i in cut..lines.len() {
        if roles[i] != Role::Pending {
            continue;
        }
        let line = &lines[i];
        roles[i] = match &line.kind {
            Kind::Furniture { kind, .. } => {
                after_bio_label = *kind == RemovedKind::AuthorBio;
                Role::Removed(*kind)
            }
            Kind::Byline(names, date) => {
                take_byline(meta, names, date.as_deref());
                Role::Removed(RemovedKind::Byline)
            }
            Kind::Date { .. } => Role::Removed(RemovedKind::Other),
            Kind::Separator => Role::Drop,
            Kind::Credit(_) => Role::Removed(RemovedKind::PhotoCredit),
            Kind::ListItem | Kind::Text => {
                let text = strip_emphasis(line.text);
                let continues = bio.last().is_some_and(|&b| {
                    b + 1 == i && (lines[b].group == line.group || people::bio_continuation(text))
                });
                let about_byline = people::bio_subject(text).is_some_and(|name| {
                    meta.byline.is_empty()
                        || meta.byline.iter().any(|b| people::same_person(b, &name))
                });
                if after_bio_label
                    || continues
                    || about_byline
                    || (bio.is_empty() && people::bio_continuation(text))
                {
                    bio.push(i);
                    Role::Removed(RemovedKind::AuthorBio)
                } else if line.shape.words <= 25 {
                    Role::Removed(RemovedKind::Related)
                } else {
                    Role::Removed(RemovedKind::Other)
                }
            }
        };
    }
}

/// A bio printed as the body's last paragraph (often in italics or after a rule):
/// it describes the byline's author, or follows a separator line.
fn trailing_bio(
    lines: &[Line<'_>],
    roles: &mut [Role],
    meta: &Meta,
    cut: usize,
    bio: &mut Vec<usize>,
) {
    let Some(last) = (0..cut)
        .rev()
        .find(|&i| matches!(roles[i], Role::Block(_) | Role::Join))
    else {
        return;
    };
    if roles[last] != Role::Block(BlockKind::Paragraph) || lines[last].shape.words > 90 {
        return;
    }
    let text = strip_emphasis(lines[last].text);
    let Some(name) = people::bio_subject(text) else {
        return;
    };
    let after_rule = last > 0 && roles[last - 1] == Role::Drop;
    let emphasised = text.len() != lines[last].text.len();
    let of_byline = meta.byline.iter().any(|b| people::same_person(b, &name));
    if of_byline || (meta.byline.is_empty() && (after_rule || emphasised)) {
        roles[last] = Role::Removed(RemovedKind::AuthorBio);
        bio.push(last);
    }
}

/// A line without the emphasis marks or dash that set a bio apart (`*Jane Doe is …*`).
fn strip_emphasis(text: &str) -> &str {
    text.trim_matches(|c: char| matches!(c, '*' | '_' | '—' | '–' | '-' | ' '))
}

fn build(lines: &[Line<'_>], roles: &[Role], meta: Meta) -> Extracted {
    let mut body = BodyBuilder::new();
    let mut removed = Vec::new();
    let mut pending: Option<(BlockKind, String)> = None;
    for (line, role) in lines.iter().zip(roles) {
        match role {
            Role::Join => {
                if let Some((_, text)) = pending.as_mut() {
                    text.push(' ');
                    text.push_str(line.text);
                    continue;
                }
                pending = Some((BlockKind::Paragraph, line.text.to_string()));
            }
            Role::Block(kind) => {
                if let Some((k, t)) = pending.take() {
                    body.push(k, &t);
                }
                let text = if *kind == BlockKind::ListItem {
                    item_text(line.text)
                } else {
                    line.text
                };
                pending = Some((*kind, text.to_string()));
            }
            Role::Removed(kind) => removed.push(Removed {
                kind: *kind,
                text: line.text.to_string(),
            }),
            Role::Drop | Role::Pending => {}
        }
    }
    if let Some((k, t)) = pending.take() {
        body.push(k, &t);
    }
    let (text, blocks) = body.finish();
    Extracted {
        text,
        blocks,
        removed,
        meta,
    }
}

#[cfg(test)]
mod tests {
    use super::super::extract;
    use dyad_doc::{BlockKind, RemovedKind};

    fn paragraphs(ex: &crate::Extracted) -> Vec<&str> {
        kinds(ex, BlockKind::Paragraph)
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined_and_not_titles() {
        let page = "The council said on Tuesday that it would raise the\nharbour fees from next year to pay for dredging.\n\nFishing crews said the rise was too steep for\nsmall boats and asked for a delay.";
        let ex = extract(page);
        assert_eq!(ex.meta.title, None);
        let paras = paragraphs(&ex);
        assert_eq!(paras.len(), 2);
        assert!(paras[0].starts_with("The council said") && paras[0].ends_with("dredging."));
    }

    #[test]
    fn a_page_without_furniture_keeps_everything() {
        let page = "Harbour fees to rise next year\n\nThe council voted to raise harbour fees from January, citing dredging costs.\n\nFishing crews asked for a delay.";
        let ex = extract(page);
        assert_eq!(
            ex.meta.title.as_deref(),
            Some("Harbour fees to rise next year")
        );
        assert_eq!(paragraphs(&ex).len(), 2);
        assert!(ex.removed.is_empty());
    }

    #[test]
    fn inline_read_more_does_not_end_the_body() {
        let page = "The council voted to raise harbour fees from January, citing dredging costs.\n\nRead more: Dredging plan approved\n\nFishing crews asked for a delay of a year, saying small boats could not pay.\n\nThe council will meet again in March to hear their case.";
        let ex = extract(page);
        assert_eq!(paragraphs(&ex).len(), 3);
        assert_eq!(ex.removed.len(), 1);
        assert_eq!(ex.removed[0].kind, RemovedKind::Related);
    }

    #[test]
    fn a_closing_run_ends_the_body_and_teasers_are_removed() {
        let page = "The council voted to raise harbour fees from January, citing dredging costs.\n\nFishing crews asked for a delay of a year, saying small boats could not pay.\n\nShare\nTweet\nMore from Local News\nA new bakery opens on Quay Street and the owners say they hope to hire ten people by summer.";
        let ex = extract(page);
        assert_eq!(paragraphs(&ex).len(), 2);
        assert!(ex.text.ends_with("could not pay."));
        assert!(ex
            .removed
            .iter()
            .any(|r| r.text.starts_with("A new bakery")));
    }

    #[test]
    fn a_caption_set_off_by_blank_lines_below_a_top_credit() {
        let page = "Photo: Lena Berg/Reuters\n\nFerries wait in the harbour at Tallinn.\n\nTALLINN, May 3 (Reuters) - Estonia and Finland agreed on Friday to build a second ferry terminal, officials said.";
        let ex = extract(page);
        assert_eq!(ex.meta.photo_credit.as_deref(), Some("Lena Berg/Reuters"));
        assert_eq!(
            ex.meta.caption.as_deref(),
            Some("Ferries wait in the harbour at Tallinn.")
        );
        assert!(ex.text.starts_with("TALLINN"));
        let lede_only = "Photo: Lena Berg/Reuters\n\nTALLINN, May 3 (Reuters) - Estonia and Finland agreed on Friday.\n\nThe terminal opens in 2026.";
        assert_eq!(extract(lede_only).meta.caption, None);
    }

    fn kinds(ex: &crate::Extracted, kind: BlockKind) -> Vec<&str> {
        ex.blocks
            .iter()
            .filter(|b| b.kind == kind)
            .map(|b| &ex.text[b.start..b.end])
            .collect()
    }

    #[test]
    fn the_headline_and_a_bare_date_under_it_open_the_body() {
        let page = "Harbour fees to rise next year\n\nTuesday, March 4, 2025\n\nThe council voted to raise harbour fees from January, citing dredging costs.";
        let ex = extract(page);
        assert_eq!(
            ex.meta.title.as_deref(),
            Some("Harbour fees to rise next year")
        );
        assert_eq!(ex.meta.published.as_deref(), Some("2025-03-04"));
        assert_eq!(
            kinds(&ex, BlockKind::Heading),
            ["Harbour fees to rise next year", "Tuesday, March 4, 2025"]
        );
        // A labelled date is page furniture.
        let labelled = extract(&page.replace("Tuesday", "Published: Tuesday"));
        assert_eq!(kinds(&labelled, BlockKind::Heading).len(), 1);
        assert_eq!(labelled.meta.published.as_deref(), Some("2025-03-04"));
    }

    #[test]
    fn captions_inside_the_article_stay_as_caption_blocks() {
        let page = "Harbour fees to rise next year\n\nCrews at the quay on Monday. Image: Lena Berg.\n\nThe council voted to raise harbour fees from January, citing dredging costs.\n\nThe new dredger at work. Image: Port Authority.\n\nFishing crews asked for a delay of a year, saying small boats could not pay.";
        let ex = extract(page);
        assert_eq!(ex.meta.photo_credit.as_deref(), Some("Lena Berg"));
        assert_eq!(
            ex.meta.caption.as_deref(),
            Some("Crews at the quay on Monday")
        );
        assert_eq!(
            kinds(&ex, BlockKind::Caption),
            ["The new dredger at work. Image: Port Authority."]
        );
        assert!(!ex.text.contains("Lena Berg"));
        assert_eq!(paragraphs(&ex).len(), 2);
    }

    #[test]
    fn a_trailing_bio_of_the_byline_is_moved_to_meta() {
        let page = "By Omar Haddad\n\nThe council voted to raise harbour fees from January, citing dredging costs.\n\nOmar Haddad is a reporter covering local government.";
        let ex = extract(page);
        assert_eq!(ex.meta.byline, vec!["Omar Haddad".to_string()]);
        assert!(ex.meta.author_bio.is_some());
        assert_eq!(paragraphs(&ex).len(), 1);
    }
}
